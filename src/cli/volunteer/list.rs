//! `gov volunteer list`: the volunteer roster (志愿者花名册).

use clap::Args;

use crate::cli::member::list::parse_arg;
use crate::cli::output::{OutputArgs, PeriodArgs, load_for_report, resolve_opt};
use crate::cli::{CliError, Ctx, Exit};
use crate::kinds::volunteer::{VolunteerKind, VolunteerStatus};
use crate::report::Index;
use crate::report::volunteer_list::{VolunteerFilter, volunteer_table};

/// List the volunteers (志愿者花名册)
///
/// One row per volunteer, in file order: kind, the org that mobilised them, grid, phone
/// (masked), the date they registered, status, skills, and how many activities and hours they
/// served in the period.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only volunteers of this kind: youth, resident, member, other (or 团员青年, 居民, 党员, 其他)
    #[arg(long, value_parser = parse_arg::<VolunteerKind>)]
    pub kind: Option<VolunteerKind>,
    /// Only volunteers in this status: active, left (or 在册, 已退出)
    #[arg(long, value_parser = parse_arg::<VolunteerStatus>)]
    pub status: Option<VolunteerStatus>,
    /// Only volunteers of this org (id or name)
    #[arg(long)]
    pub org: Option<String>,
    /// Only volunteers serving this grid or a grid under it (id or name)
    #[arg(long)]
    pub grid: Option<String>,
    #[command(flatten)]
    pub period: PeriodArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(ctx: &Ctx, args: &ListArgs) -> Result<Exit, CliError> {
    let period = args.period.period(ctx)?;
    let data = load_for_report(ctx, args.output.on_errors())?;
    let ix = Index::new(data.ds);
    let filter = VolunteerFilter {
        kind: args.kind,
        status: args.status,
        org: resolve_opt(&ix, args.org.as_deref(), Index::find_org)?,
        grid: resolve_opt(&ix, args.grid.as_deref(), Index::find_grid)?,
    };
    args.output.emit(&volunteer_table(&ix, &period, &filter))?;
    Ok(data.exit())
}
