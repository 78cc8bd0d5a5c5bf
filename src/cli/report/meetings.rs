//! `gov report meetings`: meetings held and their decisions carried out (落实), by meeting kind
//! and by owner, for a period.

use clap::Args;

use crate::cli::output::{OutputArgs, PeriodArgs, load_for_report};
use crate::cli::{CliError, Ctx, Exit};
use crate::report::Index;
use crate::report::meetings::meetings_tables;

/// Meetings and whether their decisions were carried out (落实), by kind and by owner
///
/// For the meetings held in the period, one row per meeting kind: meetings held, attendance
/// (members named and residents counted), departments attending, and their decisions: made,
/// dropped, to carry out (made less dropped), done, the done rate (落实率: done ÷ to carry out),
/// done on time, the on-time rate (按时落实率: done on time ÷ to carry out), overdue and reported
/// back to residents; a totals row. Then the same decision figures for each owner. Statuses are
/// as of the period's end, or today when that is earlier.
#[derive(Debug, Args)]
pub struct MeetingsArgs {
    #[command(flatten)]
    pub period: PeriodArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(ctx: &Ctx, args: &MeetingsArgs) -> Result<Exit, CliError> {
    let period = args.period.period(ctx)?;
    let data = load_for_report(ctx, args.output.on_errors())?;
    let ix = Index::new(data.ds);
    args.output.emit_all(&meetings_tables(&ix, &period, ctx.today))?;
    Ok(data.exit())
}
