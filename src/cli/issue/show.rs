//! `gov issue show`: one problem in full, with its timeline.

use clap::Args;

use crate::cli::output::{OutputArgs, load_for_report, resolve};
use crate::cli::{CliError, Ctx, Exit};
use crate::report::Index;
use crate::report::issue_list::{find_issue, issue_show_tables};

/// One problem in full: its record and the whole timeline of its events
///
/// The record (category, urgency, source, household, who recorded it, date received, due date,
/// status and days taken as of today), then every event from receipt on with the days since
/// receipt and the status after it, then — if the community blew the whistle (吹哨) — each
/// department summoned and when it reported (报到); then the meetings that discussed it (议事),
/// with their decisions. JSON holds them under `issue`, `timeline`, `summons` and `meetings`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The problem: its id (I-2022-0041), the end of its id (0041) or a fragment of its title
    #[arg(value_name = "ID")]
    pub id: String,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(ctx: &Ctx, args: &ShowArgs) -> Result<Exit, CliError> {
    let data = load_for_report(ctx, args.output.on_errors())?;
    let ds = data.ds;
    let ix = Index::new(ds);
    let id = resolve(find_issue(&ix, &args.id))?;
    let Some(n) = ix.look.issue(id) else { return Err(CliError::usage(crate::text::errors::no_problem(&args.id))) };
    args.output.emit_all(&issue_show_tables(&ix, n, ctx.today))?;
    Ok(data.exit())
}
