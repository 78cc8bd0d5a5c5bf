//! `gov report whistles`: whistle and report (吹哨报到) by department for a period.

use clap::Args;

use crate::cli::output::{OutputArgs, PeriodArgs, load_for_report};
use crate::cli::{CliError, Ctx, Exit};
use crate::report::Index;
use crate::report::whistles::{pending_table, whistles_table};

/// Whistle and report (吹哨报到): departments summoned, reported, and how soon
///
/// For the whistles blown in the period, one row per department summoned: times summoned,
/// reported and not, report rate, median days from whistle to report; the problems concerned,
/// the share resolved and the median days from whistle to resolution; the joint meetings
/// (党建联席会议, 红色物业联席会议) held in the period on those problems; a totals row.
/// `--pending` lists instead each summons not yet answered by a report.
#[derive(Debug, Args)]
pub struct WhistlesArgs {
    /// List the departments summoned that have not reported, one line per summons, with the days
    /// waiting as of today
    #[arg(long)]
    pub pending: bool,
    #[command(flatten)]
    pub period: PeriodArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(ctx: &Ctx, args: &WhistlesArgs) -> Result<Exit, CliError> {
    if let crate::cli::town::Place::Town(spec) = ctx.place()? {
        return crate::cli::town::reports::whistles(ctx, spec, args);
    }
    let period = args.period.period(ctx)?;
    let data = load_for_report(ctx, args.output.on_errors())?;
    let ds = data.ds;
    let ix = Index::new(ds);
    let table = if args.pending { pending_table(&ix, &period, ctx.today) } else { whistles_table(&ix, &period) };
    args.output.emit(&table)?;
    Ok(data.exit())
}
