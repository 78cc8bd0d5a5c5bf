//! `gov project show`: one project in full, with its steps.

use clap::Args;

use crate::cli::output::{OutputArgs, load_for_report};
use crate::cli::{CliError, Ctx, Exit};
use crate::report::Index;
use crate::report::projects::project_show_tables;

/// One project in full: its record and every step, with the status after each
///
/// The record (branch, lead, topic, goal, start and due dates, status as of today), then each
/// step with its date, note and the status it led to. JSON holds the two under `project` and
/// `steps`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The project's id (P-2022-01)
    #[arg(value_name = "ID")]
    pub id: String,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(ctx: &Ctx, args: &ShowArgs) -> Result<Exit, CliError> {
    let data = load_for_report(ctx, args.output.on_errors())?;
    let ix = Index::new(data.ds);
    let p = super::find(data.ds, &args.id)?;
    args.output.emit_all(&project_show_tables(&ix, p, ctx.today))?;
    Ok(data.exit())
}
