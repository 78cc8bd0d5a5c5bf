//! `gov report reserves`: the reserve cadres (后备力量 / 红色雏雁) and their trainings.

use clap::Args;

use crate::cli::output::{OutputArgs, PeriodArgs, load_for_report};
use crate::cli::{CliError, Ctx, Exit};
use crate::report::Index;
use crate::report::reserves::reserves_tables;

/// The reserve cadres (后备力量 / 红色雏雁) by political status, age and education; their trainings
///
/// The cadres in training at the period's end (entered the roster by then, neither appointed nor
/// left), counted by political status, age band (25 or under, 26–30, 31–35, 36–40, over 40, as
/// of the period's end) and education, each with its share. Then the trainings attended in the
/// period, by date.
#[derive(Debug, Args)]
pub struct ReservesArgs {
    #[command(flatten)]
    pub period: PeriodArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(ctx: &Ctx, args: &ReservesArgs) -> Result<Exit, CliError> {
    let period = args.period.period(ctx)?;
    let data = load_for_report(ctx, args.output.on_errors())?;
    let ix = Index::new(data.ds);
    args.output.emit_all(&reserves_tables(&ix, &period))?;
    Ok(data.exit())
}
