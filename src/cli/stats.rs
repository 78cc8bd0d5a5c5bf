//! `gov stats`: headline figures for a period and cumulatively.

use clap::{Args, ValueEnum};

use super::output::{OutputArgs, PeriodArgs, load_for_report};
use super::{CliError, Ctx, Exit};
use crate::report::Index;
use crate::report::stats::stats_table;
use crate::report::town::prefixed;

/// Headline figures for a period and cumulatively
///
/// Members who visited, linked and visited households, visits by method,
/// problems received / resolved / open, whistles, in-service members registered — for the
/// period and cumulatively, by member kind.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// On a town: each community's figures under its name, then the town's [default: the town's figures, added up]
    #[arg(long, value_enum)]
    pub by: Option<StatsBy>,
    #[command(flatten)]
    pub period: PeriodArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsBy {
    /// Each community's figures, then the town's
    Community,
}

pub fn run(ctx: &Ctx, args: &StatsArgs) -> Result<Exit, CliError> {
    if let super::town::Place::Town(spec) = ctx.place()? {
        return super::town::reports::stats(ctx, spec, args);
    }
    let period = args.period.period(ctx)?;
    let data = load_for_report(ctx, args.output.on_errors())?;
    let ds = data.ds;
    let ix = Index::new(ds);
    let table = stats_table(&ix, &period);
    match args.by {
        None => args.output.emit(&table)?,
        // A community's folder is a town of one.
        Some(StatsBy::Community) => args.output.emit(&prefixed(&ds.settings.name, &[(&ds.settings.name, table)]))?,
    }
    Ok(data.exit())
}
