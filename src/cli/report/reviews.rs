//! `gov report reviews`: the members' review grades (民主评议党员) for a year, by branch.

use chrono::Datelike;
use clap::Args;

use crate::cli::output::{OutputArgs, PeriodArgs, load_for_report};
use crate::cli::{CliError, Ctx, Exit};
use crate::report::Index;
use crate::report::reviews::reviews_tables;

/// The members' review grades (民主评议党员) for a year, by branch
///
/// Per branch: members reviewed, how many at each grade, the excellent rate, and the active
/// members not reviewed; a totals row. Then each member's grade beside their own 联户 figures
/// for the year: households linked, households visited and visits. The year is the period's
/// (`--year`; with `--month` or `--to`, the year of the period's end).
#[derive(Debug, Args)]
pub struct ReviewsArgs {
    #[command(flatten)]
    pub period: PeriodArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(ctx: &Ctx, args: &ReviewsArgs) -> Result<Exit, CliError> {
    let period = args.period.period(ctx)?;
    let data = load_for_report(ctx, args.output.on_errors())?;
    let ix = Index::new(data.ds);
    args.output.emit_all(&reviews_tables(&ix, period.to.year()))?;
    Ok(data.exit())
}
