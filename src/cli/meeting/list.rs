//! `gov meeting list`: the meetings, one per line, filtered.

use clap::Args;

use crate::cli::output::{OutputArgs, PeriodArgs, load_for_report, resolve, resolve_opt};
use crate::cli::{CliError, Ctx, Exit};
use crate::kinds::meeting::{MeetingKind, MeetingType};
use crate::model::labels::Labelled;
use crate::report::Index;
use crate::report::issue_list::find_issue;
use crate::report::meetings::{MeetingFilter, meeting_list_table};
use crate::text::errors;

/// The meetings (会议与议事), with their decisions' progress
///
/// Id, date, kind, topic, the org that convened it, attendance (members named and residents
/// counted), departments attending, the problems discussed, and its decisions: how many, done,
/// open (neither done nor dropped) and overdue, as of today. Sorted by date. Every meeting
/// unless filtered; the period flags select by the date held.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only this kind: consultation, property_joint, party_joint, owners, residents, other (or
    /// 协商议事, 红色物业联席会议, …), or one added in gov.yaml
    #[arg(long)]
    pub kind: Option<String>,
    /// Only meetings this org convened, attended or owns a decision of (id or name)
    #[arg(long)]
    pub org: Option<String>,
    /// Only meetings that discussed this problem (its id, or the end of its id)
    #[arg(long)]
    pub issue: Option<String>,
    /// Only meetings with a decision neither done nor dropped
    #[arg(long)]
    pub open: bool,
    /// Only meetings with a decision open past its due date
    #[arg(long)]
    pub overdue: bool,
    #[command(flatten)]
    pub period: PeriodArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// A meeting kind as typed: built in, or one added in gov.yaml.
pub fn kind(settings: &crate::model::Settings, s: &str) -> Result<MeetingType, CliError> {
    if let Some(k) = MeetingKind::parse(s) {
        return Ok(MeetingType::Builtin(k));
    }
    if let Some(k) = settings.meeting_kinds.iter().find(|k| k.as_str() == s.trim()) {
        return Ok(MeetingType::Custom(k.clone()));
    }
    let mut allowed = MeetingKind::allowed();
    for k in &settings.meeting_kinds {
        allowed.push_str(", ");
        allowed.push_str(k);
    }
    Err(CliError::usage(crate::text::findings::not_a_meeting_kind(s.trim())).hint(errors::hint_allowed(&allowed)))
}

pub fn run(ctx: &Ctx, args: &ListArgs) -> Result<Exit, CliError> {
    let p = &args.period;
    let period = match (&p.month, &p.year, &p.from, &p.to) {
        (None, None, None, None) => None,
        _ => Some(p.period(ctx)?),
    };
    let data = load_for_report(ctx, args.output.on_errors())?;
    let ds = data.ds;
    let ix = Index::new(ds);
    let filter = MeetingFilter {
        period,
        kind: args.kind.as_deref().map(|k| kind(&ds.settings, k)).transpose()?,
        org: resolve_opt(&ix, args.org.as_deref(), Index::find_org)?,
        open: args.open,
        overdue: args.overdue,
        issue: args.issue.as_deref().map(|i| resolve(find_issue(&ix, i))).transpose()?,
    };
    args.output.emit(&meeting_list_table(&ix, ctx.today, &filter))?;
    Ok(data.exit())
}
