//! `gov report issues`: how the problems raised by residents were handled in a period.

use clap::{Args, ValueEnum};

use crate::cli::output::{OutputArgs, PeriodArgs, load_for_report};
use crate::cli::{CliError, Ctx, Exit};
use crate::report::Index;
use crate::report::issues::{IssuesBy, IssuesOptions, issues_table};

/// Problems raised by residents (群众诉求): received, resolved and the rates
///
/// Received, responded in time (响应率), resolved, on time (按时办结率), days to resolve
/// (median and 90th percentile), followed up (回访率), solved (解决率), satisfied (满意率),
/// reopened (重办率), open and overdue at the period's end, and the age of the open ones.
/// Each rate stands beside its numerator and denominator. Overall, or one row per category,
/// grid, department summoned or source with a totals row.
#[derive(Debug, Args)]
pub struct IssuesArgs {
    /// One row per category, grid, department summoned by a whistle, or source [default: one
    /// list of figures for all problems]
    #[arg(long, value_enum)]
    pub by: Option<IssuesByArg>,
    /// Count "basically satisfied" (基本满意) as satisfied in the satisfaction rate
    #[arg(long)]
    pub count_basic: bool,
    #[command(flatten)]
    pub period: PeriodArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum IssuesByArg {
    Category,
    Grid,
    Department,
    Source,
}

pub fn run(ctx: &Ctx, args: &IssuesArgs) -> Result<Exit, CliError> {
    if let crate::cli::town::Place::Town(spec) = ctx.place()? {
        return crate::cli::town::reports::issues(ctx, spec, args);
    }
    let period = args.period.period(ctx)?;
    let data = load_for_report(ctx, args.output.on_errors())?;
    let ds = data.ds;
    let ix = Index::new(ds);
    let by = issues_by(args.by);
    let options = IssuesOptions { count_basic: args.count_basic };
    args.output.emit(&issues_table(&ix, &period, ctx.today, by, options))?;
    Ok(data.exit())
}

/// What `--by` asks for.
pub fn issues_by(by: Option<IssuesByArg>) -> IssuesBy {
    match by {
        None => IssuesBy::All,
        Some(IssuesByArg::Category) => IssuesBy::Category,
        Some(IssuesByArg::Grid) => IssuesBy::Grid,
        Some(IssuesByArg::Department) => IssuesBy::Department,
        Some(IssuesByArg::Source) => IssuesBy::Source,
    }
}
