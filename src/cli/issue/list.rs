//! `gov issue list`: the problems raised by residents, one per line, filtered.

use clap::Args;

use crate::cli::output::{OutputArgs, PeriodArgs, load_for_report, resolve_opt};
use crate::cli::{CliError, Ctx, Exit};
use crate::model::labels::{IssueCategory, Labelled};
use crate::model::{Category, Dataset, IssueStatus};
use crate::report::Index;
use crate::report::issue_list::{IssueFilter, issue_list_table};
use crate::report::issues::summoned;
use crate::text::errors;

/// The problems raised by residents (群众诉求), with status and deadline
///
/// Id, title, category, date received, status (derived from the events, as of today), due date
/// (received + the urgency's days in gov.yaml `issue_due_days`), days taken (to resolution, or to
/// today while open), days overdue, and the latest step. Sorted by date received. Every
/// problem unless filtered; the period flags select by date received.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only these statuses: received, in_progress, resolved, awaiting_rework, closed (or 已受理,
    /// 办理中, 已办结, 待重办, 已结案), or open (received, in progress and awaiting rework); repeat
    /// or separate with commas
    #[arg(long, value_name = "STATUS", value_delimiter = ',', value_parser = status_arg)]
    pub status: Vec<StatusArg>,
    /// Only this category: heating, water, … (or 供暖, 用水, …), or one added in gov.yaml
    #[arg(long)]
    pub category: Option<String>,
    /// Only problems in this grid or the grids below it (id or name)
    #[arg(long)]
    pub grid: Option<String>,
    /// Only problems about this household (id, address or head of household)
    #[arg(long)]
    pub household: Option<String>,
    /// Only problems that summoned this department by a whistle (吹哨)
    #[arg(long)]
    pub department: Option<String>,
    /// Only problems still open past their due date
    #[arg(long)]
    pub overdue: bool,
    /// Only problems the community blew the whistle on (吹哨)
    #[arg(long)]
    pub escalated: bool,
    /// Only problems discussed at this meeting (its id, M-2022-0003)
    #[arg(long)]
    pub meeting: Option<String>,
    /// Only problems discussed at a meeting (协商议事, joint meetings, …)
    #[arg(long)]
    pub discussed: bool,
    #[command(flatten)]
    pub period: PeriodArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// One `--status` value: a status, or `open` for the three open ones.
#[derive(Debug, Clone)]
pub struct StatusArg(Vec<IssueStatus>);

fn status_arg(s: &str) -> Result<StatusArg, String> {
    if matches!(s.trim(), "open" | "未办结") {
        return Ok(StatusArg(vec![IssueStatus::Received, IssueStatus::InProgress, IssueStatus::AwaitingRework]));
    }
    IssueStatus::parse(s)
        .map(|st| StatusArg(vec![st]))
        .ok_or_else(|| format!("allowed: {}, open (未办结)", IssueStatus::allowed()))
}

fn category(ds: &Dataset, s: &str) -> Result<Category, CliError> {
    if let Some(c) = IssueCategory::parse(s) {
        return Ok(Category::Builtin(c));
    }
    if let Some(c) = ds.settings.issue_categories.iter().find(|c| c.as_str() == s.trim()) {
        return Ok(Category::Custom(c.clone()));
    }
    let mut allowed = IssueCategory::allowed();
    for c in &ds.settings.issue_categories {
        allowed.push_str(", ");
        allowed.push_str(c);
    }
    Err(CliError::usage(errors::not_a_category(s.trim())).hint(errors::hint_allowed(&allowed)))
}

/// A department as gov.yaml or a whistle names it: exactly, else by a fragment only one has.
fn department(ds: &Dataset, s: &str) -> Result<String, CliError> {
    let mut known: Vec<&str> = ds.settings.departments.iter().map(String::as_str).collect();
    for d in ds.issues.iter().flat_map(summoned) {
        if !known.contains(&d) {
            known.push(d);
        }
    }
    let q = s.trim();
    if let Some(d) = known.iter().find(|d| **d == q) {
        return Ok(d.to_string());
    }
    let hits: Vec<&&str> = known.iter().filter(|d| !q.is_empty() && d.contains(q)).collect();
    match hits.as_slice() {
        [one] => Ok(one.to_string()),
        [] => Err(CliError::usage(errors::no_department(q)).hint(errors::hint_departments(&known))),
        many => {
            let many: Vec<&str> = many.iter().map(|d| **d).collect();
            Err(CliError::usage(errors::many_departments(q, &many)).hint(errors::hint_more_of_name()))
        }
    }
}

pub fn run(ctx: &Ctx, args: &ListArgs) -> Result<Exit, CliError> {
    let p = &args.period;
    let received = match (&p.month, &p.year, &p.from, &p.to) {
        (None, None, None, None) => None,
        _ => Some(p.period(ctx)?),
    };
    let data = load_for_report(ctx, args.output.on_errors())?;
    let ds = data.ds;
    let ix = Index::new(ds);
    let filter = IssueFilter {
        received,
        statuses: args.status.iter().flat_map(|s| s.0.iter().copied()).collect(),
        category: args.category.as_deref().map(|c| category(ds, c)).transpose()?,
        grid: resolve_opt(&ix, args.grid.as_deref(), Index::find_grid)?,
        household: resolve_opt(&ix, args.household.as_deref(), Index::find_household)?,
        department: args.department.as_deref().map(|d| department(ds, d)).transpose()?,
        overdue: args.overdue,
        escalated: args.escalated,
        meeting: args.meeting.as_deref().map(|m| crate::cli::meeting::find(ds, m).map(|m| m.id)).transpose()?,
        discussed: args.discussed,
    };
    args.output.emit(&issue_list_table(&ix, ctx.today, &filter))?;
    Ok(data.exit())
}
