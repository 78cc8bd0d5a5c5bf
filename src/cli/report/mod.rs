//! `gov report`: the ledger summary by member, grid or branch (no subcommand, as before), and the
//! problem reports as subcommands: `gov report issues`, `gov report whistles`.

pub mod dual;
pub mod issues;
pub mod ledger;
pub mod meetings;
pub mod reserves;
pub mod reviews;
pub mod service;
pub mod stars;
pub mod whistles;

use clap::{Args, Subcommand};

use super::{CliError, Ctx, Exit};

/// The visit ledger summary (走访台账汇总) by member, grid or branch
///
/// Per member (or grid, or branch): linked households,
/// households visited, coverage, visits by method, overdue households at the period's end,
/// problems raised and resolved; a totals row. Members without visits are listed last.
///
/// `gov report issues` and `gov report whistles` report on the problems raised by residents;
/// `gov report dual` and `gov report service` on in-service members, volunteers and aid.
///
/// A month as a web page (`gov report --month 2022-10 -o 月报-2022-10.html`) is the monthly
/// report with charts: weekly visits, coverage by grid, overdue households, problems and their
/// rates against the targets, whistles, the year to date, and the month's ledger tables; it
/// opens with the network off and prints on A4.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct ReportArgs {
    #[command(subcommand)]
    pub command: Option<ReportCommand>,
    #[command(flatten)]
    pub ledger: ledger::LedgerArgs,
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    Issues(issues::IssuesArgs),
    Whistles(whistles::WhistlesArgs),
    Meetings(meetings::MeetingsArgs),
    Dual(dual::DualArgs),
    Service(service::ServiceArgs),
    Stars(stars::StarsArgs),
    Reviews(reviews::ReviewsArgs),
    Reserves(reserves::ReservesArgs),
}

pub fn run(ctx: &Ctx, args: &ReportArgs) -> Result<Exit, CliError> {
    match &args.command {
        None => ledger::run(ctx, &args.ledger),
        Some(ReportCommand::Issues(a)) => issues::run(ctx, a),
        Some(ReportCommand::Whistles(a)) => whistles::run(ctx, a),
        Some(ReportCommand::Meetings(a)) => meetings::run(ctx, a),
        Some(ReportCommand::Dual(a)) => dual::run(ctx, a),
        Some(ReportCommand::Service(a)) => service::run(ctx, a),
        Some(ReportCommand::Stars(a)) => stars::run(ctx, a),
        Some(ReportCommand::Reviews(a)) => reviews::run(ctx, a),
        Some(ReportCommand::Reserves(a)) => reserves::run(ctx, a),
    }
}
