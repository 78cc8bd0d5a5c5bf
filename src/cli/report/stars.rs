//! `gov report stars`: the branches' star ratings for a year (五星支部), under gov.yaml `stars`.

use chrono::Datelike;
use clap::Args;

use crate::cli::output::{OutputArgs, PeriodArgs, load_for_report};
use crate::cli::{CliError, Ctx, Exit};
use crate::report::Index;
use crate::report::stars::stars_tables;

/// The branches' star ratings (五星支部) for a year, under gov.yaml `stars`
///
/// One row per branch: its rank (by stars earned, then points in all), points in all, stars
/// reached (at the per-star minimum), stars earned (all of them only with the total minimum and,
/// when the rules ask, an innovation project), whether it is a five-star branch, its innovation
/// project and rater; branches not rated are listed as such. Then each branch's points per
/// star, and per criterion with the rater's evidence and, where the rules name one, the figure
/// gov computes from the folder beside it (never in its place). The year is the period's
/// (`--year`; with `--month` or `--to`, the year of the period's end).
#[derive(Debug, Args)]
pub struct StarsArgs {
    #[command(flatten)]
    pub period: PeriodArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(ctx: &Ctx, args: &StarsArgs) -> Result<Exit, CliError> {
    let period = args.period.period(ctx)?;
    let data = load_for_report(ctx, args.output.on_errors())?;
    let ix = Index::new(data.ds);
    args.output.emit_all(&stars_tables(&ix, period.to.year()))?;
    Ok(data.exit())
}
