//! `gov report service`: volunteering and aid (志愿服务与帮扶).

use clap::Args;

use crate::cli::output::{OutputArgs, PeriodArgs, load_for_report};
use crate::cli::{CliError, Ctx, Exit};
use crate::report::Index;
use crate::report::service::service_tables;

/// Volunteering and aid (志愿服务与帮扶): volunteers, hours by organiser and kind, aid given
///
/// Volunteers registered, on the roster (youth among them) and who served, their hours; the
/// period's activities and hours, households served and people given aid. Then activities and
/// hours by organiser and by kind, people given aid by beneficiary type, and the items handed
/// out by quantity.
#[derive(Debug, Args)]
pub struct ServiceArgs {
    #[command(flatten)]
    pub period: PeriodArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(ctx: &Ctx, args: &ServiceArgs) -> Result<Exit, CliError> {
    let period = args.period.period(ctx)?;
    let data = load_for_report(ctx, args.output.on_errors())?;
    let ix = Index::new(data.ds);
    args.output.emit_all(&service_tables(&ix, &period))?;
    Ok(data.exit())
}
