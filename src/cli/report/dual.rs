//! `gov report dual`: the 双报到 ledger (双报到台账) by unit and by in-service member.

use clap::Args;

use crate::cli::output::{OutputArgs, PeriodArgs, load_for_report};
use crate::cli::{CliError, Ctx, Exit};
use crate::report::Index;
use crate::report::dual::dual_tables;

/// The 双报到 ledger (双报到台账): in-service members by unit and one by one
///
/// Per unit: in-service members, how many registered with the community by the period's end and
/// the report-in rate, how many of those served in the period and the service rate, the
/// activities they took part in, their hours and the problems they solved. Then per in-service
/// member: registration date and mode, grid, pledge, activities, hours, problems solved, and
/// whether the yearly hours target (gov.yaml `dual_report.hours_per_year`) is met.
#[derive(Debug, Args)]
pub struct DualArgs {
    #[command(flatten)]
    pub period: PeriodArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(ctx: &Ctx, args: &DualArgs) -> Result<Exit, CliError> {
    let period = args.period.period(ctx)?;
    let data = load_for_report(ctx, args.output.on_errors())?;
    let ix = Index::new(data.ds);
    args.output.emit_all(&dual_tables(&ix, &period))?;
    Ok(data.exit())
}
