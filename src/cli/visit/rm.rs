//! `gov visit rm`: remove one visit, a row typed by mistake, from its month file: that row's
//! bytes and nothing else (the file keeps its encoding and line ends).

use clap::Args;

use crate::cli::record::{Session, WriteArgs};
use crate::cli::visit::pick::{PickArgs, Want, pick, shown};
use crate::cli::write::{Place, edit_in_file};
use crate::cli::{CliError, Ctx, Exit};
use crate::model::Kind;
use crate::store::csv_edit;
use crate::text::cli::write as words;

/// Remove a visit recorded by mistake
///
/// Name it by its row (visits/2022-10.csv:17, as gov and `gov check` show it), by --id, or by
/// --date, --member and --household; when that fits several visits they are listed and nothing
/// is removed. Only the row's bytes go. Visits in YAML month files are edited by hand.
#[derive(Debug, Args)]
pub struct RmArgs {
    #[command(flatten)]
    pub pick: PickArgs,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub fn run(ctx: &Ctx, args: &RmArgs) -> Result<Exit, CliError> {
    let mut s = Session::open(ctx, &args.write)?;
    let i = pick(&s, &args.pick)?;
    let v = s.ds.visits[i].clone();
    let rel = s.ds.files[v.loc.file.0 as usize].path.clone();
    let visit = shown(&s.ds, &v);
    let done = words::visit_removed(&visit);
    let message = words::visit_rm_commit(&rel, v.loc.line, &visit);
    let want = Want::of(&s.ds, &v);
    let place = |text: &str| Ok(Place::Csv { row: want.row(text)?, header: Vec::new() });
    let edit = |text: &str, _: &str, place: &Place| match place {
        Place::Csv { row, .. } => Ok(csv_edit::remove(text, row.clone())),
        Place::Yaml(_) => Err(crate::text::errors::visit_in_yaml()),
    };
    // What is left is judged for what a removal can break (the file still reads); no row's
    // findings are new.
    #[allow(clippy::reversed_empty_ranges)]
    let lines = |_: &str| 1..=0;
    edit_in_file(ctx, &mut s, &args.write, (Kind::Visits, v.loc), place, edit, lines, (&done, &message))
}
