//! A town folder on the command line (`kind: town` in gov.yaml, [`crate::load::town`]): which
//! commands read one, how its communities are loaded for a report, and the refusal every other
//! command gives. The reports themselves are in [`reports`], `gov check` in [`check`], the pack
//! in [`export`].

pub mod check;
pub mod export;
pub mod reports;

use std::io::{self, Write};
use std::path::PathBuf;

use rayon::prelude::*;

use super::notes;
use super::output::OnErrors;
use super::{CliError, Ctx, keep_until_exit};
use crate::check as rules;
use crate::finding::{Finding, Severity};
use crate::load::town::{self, Town, TownSpec};
use crate::report::Index;
use crate::text::{self, errors};

/// What `--data` (or the nearest gov.yaml) names: a community's folder or a town's.
pub enum Place {
    Community(PathBuf),
    Town(TownSpec),
}

impl Ctx {
    /// The folder the user means, community or town; a town's gov.yaml that is wrong is an
    /// error naming its line.
    pub fn place(&self) -> Result<Place, CliError> {
        let root = self.folder()?;
        match town::spec(&root) {
            Ok(None) => Ok(Place::Community(root)),
            Ok(Some(spec)) => Ok(Place::Town(spec)),
            Err(e) => {
                speak(self, e.lang);
                Err(CliError::usage(e.text()).hint(errors::hint_town_yaml()))
            }
        }
    }
}

/// Speaks the town's language from now on (its gov.yaml's `lang`), unless the user asked for
/// another: what is said of a town before its communities are loaded.
fn speak(ctx: &Ctx, lang: Option<crate::text::Lang>) {
    if let (None, Some(lang)) = (ctx.lang, lang) {
        text::set_lang(lang);
    }
}

/// The refusal of a command that works on one community, given a town's folder.
pub fn not_on_a_town(ctx: &Ctx, spec: &TownSpec) -> CliError {
    speak(ctx, spec.lang);
    let example = spec.communities.first().map(|d| spec.root.join(d)).unwrap_or_else(|| spec.root.clone());
    CliError::usage(errors::town_not_here(&ctx.command, &spec.name, &spec.root))
        .hint(errors::hint_town_community(&super::shown(&example, &ctx.cwd)))
}

/// The refusal of an option that chooses within one community (`--grid`, `--member`), on a town.
pub fn option_not_on_a_town(ctx: &Ctx, spec: &TownSpec, option: &str) -> CliError {
    speak(ctx, spec.lang);
    let example = spec.communities.first().map(|d| spec.root.join(d)).unwrap_or_else(|| spec.root.clone());
    CliError::usage(errors::town_option(option, &spec.name))
        .hint(errors::hint_town_community(&super::shown(&example, &ctx.cwd)))
}

/// A town loaded for a report: every community (never freed), each with its look-ups, and the
/// errors the loader and the checks found in each, their files relative to the town's folder.
pub struct TownData {
    pub town: &'static Town,
    pub name: &'static str,
    pub parts: Vec<(&'static str, Index<'static>)>,
    pub errors: usize,
    pub listed: Vec<Finding>,
    pub on_errors: OnErrors,
}

impl TownData {
    /// The communities by name with their look-ups, as the library's town reports take them.
    pub fn parts(&self) -> Vec<(&str, &Index<'static>)> {
        self.parts.iter().map(|(n, ix)| (*n, ix)).collect()
    }

    pub fn exit(&self) -> super::Exit {
        if self.errors > 0 && self.on_errors != OnErrors::Allow { super::Exit::Findings } else { super::Exit::Ok }
    }
}

/// Speaks the town's language (its gov.yaml's `lang`, else its first community's), unless the
/// user asked for another.
fn settle_lang(ctx: &Ctx, town: &Town) {
    let folder = town.spec.lang.or_else(|| town.communities.first().and_then(|c| c.loaded.dataset.settings.lang));
    text::set_lang(ctx.lang.or(folder).unwrap_or_else(super::lang::locale));
}

/// Loads every community of the town in parallel, each with its own parse cache.
pub fn load(ctx: &Ctx, spec: TownSpec, visit_text: bool) -> Result<&'static Town, CliError> {
    let root = spec.root.clone();
    let town = town::load_town(spec, ctx.load_options(visit_text)).map_err(|(dir, e)| {
        CliError::from(e).caused_by(errors::in_community(&super::shown(&root.join(dir), &ctx.cwd)))
    })?;
    let town = keep_until_exit(town);
    settle_lang(ctx, town);
    Ok(town)
}

/// A finding of a community, its file named from the town's folder.
pub fn rerooted(mut f: Finding, dir: &std::path::Path) -> Finding {
    f.file = dir.join(&f.file);
    f
}

/// Loads the town for a report: as [`super::output::load_for_report`] does for a community,
/// the errors of every community are counted and the first few named on stderr.
pub fn load_for_report(ctx: &Ctx, spec: TownSpec, visit_text: bool, on_errors: OnErrors) -> Result<TownData, CliError> {
    let town = load(ctx, spec, visit_text)?;
    let today = (!ctx.today_given).then_some(ctx.today);
    let found: Vec<(usize, Vec<Finding>)> = town
        .communities
        .par_iter()
        .map(|c| {
            let mut findings = c.loaded.findings.clone();
            findings.extend(rules::errors(&c.loaded.dataset, today));
            let (errors, _) = rules::finish(&mut findings);
            findings.retain(|f| f.severity() == Severity::Error);
            (errors, findings.into_iter().map(|f| rerooted(f, &c.dir)).collect())
        })
        .collect();
    let errors = found.iter().map(|(n, _)| n).sum();
    let listed: Vec<Finding> = found.into_iter().flat_map(|(_, f)| f).collect();
    if errors > 0 {
        let _ = io::stderr().write_all(notes::errors_note(text::lang(), errors, &listed, on_errors).as_bytes());
    }
    let parts = town.communities.iter().map(|c| (c.name.as_str(), Index::new(&c.loaded.dataset))).collect();
    Ok(TownData { town, name: &town.spec.name, parts, errors, listed, on_errors })
}
