//! `gov stats`: headline figures for a period and cumulatively.

use clap::Args;

use super::output::{OutputArgs, PeriodArgs, load_for_report};
use super::{CliError, Ctx, Exit};
use crate::report::Index;
use crate::report::stats::stats_table;

/// Headline figures for a period and cumulatively
///
/// Members who visited, linked and visited households, visits by method,
/// problems received / resolved / open, whistles, in-service members registered — for the
/// period and cumulatively, by member kind.
#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub period: PeriodArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(ctx: &Ctx, args: &StatsArgs) -> Result<Exit, CliError> {
    let period = args.period.period(ctx)?;
    let data = load_for_report(ctx, args.output.on_errors())?;
    let ds = data.ds;
    let ix = Index::new(ds);
    args.output.emit(&stats_table(&ix, &period))?;
    Ok(data.exit())
}
