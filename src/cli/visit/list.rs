//! `gov visit list`: the detailed visit ledger.

use clap::Args;

use crate::cli::output::{OutputArgs, PeriodArgs, load_for_report_with_text, resolve_opt};
use crate::cli::{CliError, Ctx, Exit};
use crate::model::labels::{Labelled, VisitMethod};
use crate::report::Index;
use crate::report::visits::{VisitFilter, visit_table};

/// The detailed visit ledger (走访台账)
///
/// Date, member, household (grid, address, head), method, summary, topics, problems raised;
/// sorted by date then member.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only visits by this member (id or name)
    #[arg(long)]
    pub member: Option<String>,
    /// Only visits to this household (id, address or head of household)
    #[arg(long)]
    pub household: Option<String>,
    /// Only visits to households in this grid (id or name)
    #[arg(long)]
    pub grid: Option<String>,
    /// Only visits made this way: home, phone, wechat, video, group (or 入户, 电话, …)
    #[arg(long, value_parser = method_arg)]
    pub method: Option<VisitMethod>,
    #[command(flatten)]
    pub period: PeriodArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

fn method_arg(s: &str) -> Result<VisitMethod, String> {
    VisitMethod::parse(s).ok_or_else(|| format!("allowed: {}", VisitMethod::allowed()))
}

pub fn run(ctx: &Ctx, args: &ListArgs) -> Result<Exit, CliError> {
    let period = args.period.period(ctx)?;
    let data = load_for_report_with_text(ctx, args.output.on_errors())?;
    let ds = data.ds;
    let ix = Index::new(ds);
    let filter = VisitFilter {
        member: resolve_opt(&ix, args.member.as_deref(), Index::find_member)?,
        household: resolve_opt(&ix, args.household.as_deref(), Index::find_household)?,
        grid: resolve_opt(&ix, args.grid.as_deref(), Index::find_grid)?,
        method: args.method,
    };
    args.output.emit(&visit_table(&ix, &period, &filter))?;
    Ok(data.exit())
}
