//! `gov check` on a town: every community checked in parallel, each finding after its
//! community's name and its file named from the town's folder, a summary line per community
//! and the town's.

use std::io::{self, BufWriter, Write};

use rayon::prelude::*;

use super::rerooted;
use crate::check;
use crate::cli::check::{CheckArgs, CheckFormat};
use crate::cli::{CliError, Ctx, Exit};
use crate::finding::{Finding, Severity};
use crate::load::town::TownSpec;
use crate::render::findings::{CommunityCheck, Summary, write_town_json, write_town_text};

pub fn run(ctx: &Ctx, spec: TownSpec, args: &CheckArgs) -> Result<Exit, CliError> {
    let town = super::load(ctx, spec, false)?;
    let checked: Vec<(Vec<Finding>, Summary)> = town
        .communities
        .par_iter()
        .map(|c| {
            let ds = &c.loaded.dataset;
            let mut findings = c.loaded.findings.clone();
            findings.extend(check::check(ds, ctx.today));
            check::names_where_ids_go(ds, &mut findings);
            let (errors, warnings) = check::finish(&mut findings);
            let findings = findings.into_iter().map(|f| rerooted(f, &c.dir)).collect();
            (findings, Summary::of(ds, errors, warnings))
        })
        .collect();
    let communities: Vec<CommunityCheck<'_>> = town
        .communities
        .iter()
        .zip(&checked)
        .map(|(c, (findings, summary))| CommunityCheck {
            name: &c.name,
            folder: c.dir.to_string_lossy().replace('\\', "/"),
            findings,
            summary: summary.clone(),
        })
        .collect();
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        CheckFormat::Text => write_town_text(&mut out, &town.spec.name, &communities)?,
        CheckFormat::Json => write_town_json(&mut out, &town.spec.name, &communities)?,
    }
    out.flush()?;
    let failing = checked.iter().flat_map(|(f, _)| f).any(|f| f.severity() == Severity::Error || args.strict);
    Ok(if failing { Exit::Findings } else { Exit::Ok })
}
