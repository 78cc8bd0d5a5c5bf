//! `gov meeting show`: one meeting in full, with its decisions and their steps.

use clap::Args;

use crate::cli::output::{OutputArgs, load_for_report};
use crate::cli::{CliError, Ctx, Exit};
use crate::report::Index;
use crate::report::meetings::meeting_show_tables;

/// One meeting in full: its record, its decisions and every step taken on them
///
/// The record (date, kind, topic, place, who convened and chaired it, who attended, the
/// problems discussed, the minutes), then each decision with its owner, due date, status as of
/// today, the date it was done, whether on time, days overdue and when residents were told; then
/// every step of every decision with the status after it. JSON holds the three under
/// `meeting`, `decisions` and `steps`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The meeting's id (M-2022-0003)
    #[arg(value_name = "ID")]
    pub id: String,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(ctx: &Ctx, args: &ShowArgs) -> Result<Exit, CliError> {
    let data = load_for_report(ctx, args.output.on_errors())?;
    let ds = data.ds;
    let ix = Index::new(ds);
    let m = super::find(ds, &args.id)?;
    let Some(n) = ds.meetings.iter().position(|x| x.id == m.id) else {
        return Err(CliError::usage(crate::text::errors::meetings::no_meeting(&args.id)));
    };
    args.output.emit_all(&meeting_show_tables(&ix, n, ctx.today))?;
    Ok(data.exit())
}
