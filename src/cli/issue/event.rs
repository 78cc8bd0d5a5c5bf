//! `gov issue dispatch|whistle|report|progress|resolve|feedback|reopen|close`: append one event to
//! a problem's `events` list, as text at the end of the list and in the style of the events
//! already there (block or flow items, same indentation), after running the event rules with it
//! in place; an event the rules forbid (feedback before resolution, a report from a department
//! no whistle summoned, …) is refused in the words `gov check` uses.

use clap::Args;

use crate::cli::member::add::code;
use crate::cli::record::{Session, WriteArgs};
use crate::cli::write::{Place, cell, edit_record};
use crate::cli::{CliError, Ctx, Exit};
use crate::load::fields::split_list;
use crate::model::date::parse_date;
use crate::model::labels::{Action, Labelled, Satisfaction};
use crate::model::{Event, Issue, Kind};
use crate::store::yaml_edit::{self, Value};
use crate::text::{cli::write as words, errors, findings as say};
use chrono::NaiveDate;

/// What every event takes.
#[derive(Debug, Args)]
pub struct EventArgs {
    /// The problem's id (I-2022-0041)
    pub id: String,
    /// Date of the event [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Who did it (社区居委会, a department, a name)
    #[arg(long)]
    pub by: Option<String>,
    /// A note on what was done
    #[arg(long)]
    pub note: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

/// A whistle (吹哨): the departments summoned.
#[derive(Debug, Args)]
pub struct WhistleArgs {
    #[command(flatten)]
    pub event: EventArgs,
    /// The departments summoned, separated by `,` (城管局,房产中心); each listed in gov.yaml
    #[arg(long, required = true)]
    pub departments: String,
    /// Summon a department again that an earlier whistle summoned and that has not reported
    /// [default: refused]
    #[arg(long)]
    pub again: bool,
}

/// A report (报到): the department that reported.
#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub event: EventArgs,
    /// The department that reported (summoned by an earlier whistle)
    #[arg(long, required = true)]
    pub department: String,
}

/// A follow-up (回访): the resident's verdict.
#[derive(Debug, Args)]
pub struct FeedbackArgs {
    #[command(flatten)]
    pub event: EventArgs,
    /// Does the resident say it is solved: yes or no (是/否); may be left out when unreachable
    #[arg(long)]
    pub solved: Option<String>,
    /// satisfied, basic, unsatisfied, unreachable (or 满意, 基本满意, 不满意, 未回访)
    #[arg(long, required = true)]
    pub satisfaction: String,
}

/// Whether `e` is the event `fields` would write: the same value in every field, and no other.
fn same_event(e: &Event, fields: &[(&str, Value)]) -> bool {
    let mut old: Vec<(&str, String)> = vec![("date", e.date.to_string()), ("action", e.action.code().to_string())];
    let text = |v: &Option<Box<str>>| v.as_deref().map(str::to_string);
    old.extend(text(&e.by).map(|v| ("by", v)));
    old.extend(text(&e.note).map(|v| ("note", v)));
    if !e.departments.is_empty() {
        old.push(("departments", e.departments.join(";")));
    }
    old.extend(text(&e.department).map(|v| ("department", v)));
    old.extend(e.solved.map(|v| ("solved", if v { "yes" } else { "no" }.to_string())));
    old.extend(e.satisfaction.map(|v| ("satisfaction", v.code().to_string())));
    let mut new: Vec<(&str, String)> = fields.iter().map(|(k, v)| (*k, cell(v).trim().to_string())).collect();
    old.sort();
    new.sort();
    old == new
}

/// The fields an action adds besides date, action, by and note.
pub fn whistle(a: &WhistleArgs) -> Vec<(&'static str, Value)> {
    let items = a.departments.split([',', '，']).flat_map(split_list).map(str::to_string).collect();
    vec![("departments", Value::List(items))]
}

/// A department of `departments` that a whistle of `issue` summoned and that has not reported
/// since, with the date of that whistle.
fn unreported<'a>(issue: &Issue, departments: &'a [String]) -> Option<(&'a str, NaiveDate)> {
    departments.iter().find_map(|d| {
        let d = d.trim();
        let mut summoned = None;
        for e in &issue.events {
            match e.action {
                Action::Whistle if e.departments.iter().any(|x| x.trim() == d) => summoned = Some(e.date),
                Action::Report if e.department.as_deref().map(str::trim) == Some(d) => summoned = None,
                _ => {}
            }
        }
        summoned.map(|date| (d, date))
    })
}

/// `gov issue whistle`: refused when it would summon a department again that has not reported
/// (retrying a whistle counts the department twice), unless `--again`.
pub fn run_whistle(ctx: &Ctx, a: &WhistleArgs) -> Result<Exit, CliError> {
    let fields = whistle(a);
    let departments: Vec<String> = match &fields[0].1 {
        Value::List(items) => items.clone(),
        _ => Vec::new(),
    };
    let guard = |issue: &Issue| match unreported(issue, &departments) {
        Some((d, date)) if !a.again => {
            Err(CliError::refused(errors::whistle_unreported(d, &date.to_string())).hint(errors::hint_whistle_again()))
        }
        _ => Ok(()),
    };
    run_guarded(ctx, Action::Whistle, &a.event, fields, &guard)
}

pub fn report(a: &ReportArgs) -> Vec<(&'static str, Value)> {
    vec![("department", Value::Scalar(a.department.trim().to_string()))]
}

/// The follow-up's fields. A satisfaction gov does not know is refused here, once, with the
/// values it knows: written into the file it would read as a feedback with none, and be
/// reported twice (not a valid satisfaction; no satisfaction).
pub fn feedback(a: &FeedbackArgs) -> Result<Vec<(&'static str, Value)>, CliError> {
    let typed = a.satisfaction.trim();
    if Satisfaction::parse(typed).is_none() {
        let close = crate::finding::did_you_mean(&typed.to_lowercase(), Satisfaction::ALL.iter().map(|v| v.code()));
        let shown = crate::finding::shorten(typed);
        return Err(CliError::usage(say::not_a_label::<Satisfaction>("satisfaction", &shown))
            .hint(say::allowed_hint::<Satisfaction>(close)));
    }
    let mut out = Vec::new();
    if let Some(solved) = &a.solved {
        let solved = match solved.trim().to_lowercase().as_str() {
            "yes" | "y" | "true" | "是" | "已解决" => Value::Plain("yes".into()),
            "no" | "n" | "false" | "否" | "未解决" => Value::Plain("no".into()),
            other => Value::Scalar(other.to_string()), // the check says what is wrong with it
        };
        out.push(("solved", solved));
    }
    out.push(("satisfaction", Value::Scalar(code::<Satisfaction>(&a.satisfaction))));
    Ok(out)
}

pub fn run(ctx: &Ctx, action: Action, a: &EventArgs, extra: Vec<(&'static str, Value)>) -> Result<Exit, CliError> {
    run_guarded(ctx, action, a, extra, &|_| Ok(()))
}

/// [`run`], refused by `guard` (given the problem as loaded) unless the event is the problem's
/// last one already.
fn run_guarded(
    ctx: &Ctx,
    action: Action,
    a: &EventArgs,
    extra: Vec<(&'static str, Value)>,
    guard: &dyn Fn(&Issue) -> Result<(), CliError>,
) -> Result<Exit, CliError> {
    let mut s = Session::open(ctx, &a.write)?;
    let id = a.id.trim();
    let Some(issue) = s.ds.issues.iter().find(|i| s.ds.name(i.id) == id) else {
        return Err(CliError::usage(errors::no_issue(id)).hint(errors::hint_issue_id()));
    };
    let loc = issue.loc;
    let date = match &a.date {
        None => ctx.today,
        Some(d) => parse_date(d)
            .ok_or_else(|| CliError::usage(errors::date_flag_not_date(d)).hint(errors::hint_write_date()))?,
    };
    let mut fields = vec![("date", Value::Scalar(date.to_string())), ("action", Value::Scalar(action.code().into()))];
    fields.extend(extra);
    let opt = |v: &Option<String>| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
    if let Some(by) = opt(&a.by) {
        fields.push(("by", Value::Scalar(by)));
    }
    if let Some(note) = opt(&a.note) {
        fields.push(("note", Value::Scalar(note)));
    }
    // Run twice, or again after it was stopped: the issue's last event is this one.
    if let Some(last) = issue.events.last()
        && same_event(last, &fields)
    {
        let event = words::issue_event(id, action, &date.to_string());
        sayln!(words::issue_event_already(&event, s.ds.path(loc.file), last.line));
        return Ok(Exit::Ok);
    }
    guard(issue)?;
    let fields = crate::cli::values::in_folder_words(s.ds.settings.values, &fields);
    let edit = |text: &str, nl: &str, place: &Place| match place {
        Place::Yaml(rec) => {
            yaml_edit::append_to_list(text, nl, rec, "events", &fields).map(|r| r.0).map_err(|e| e.text())
        }
        Place::Csv { .. } => Err(errors::issue_in_csv()),
    };
    let done = words::issue_event(id, action, &date.to_string());
    let message = words::issue_event_commit(id, action, &date.to_string());
    edit_record(ctx, &mut s, &a.write, Kind::Issues, (loc, id), edit, (&done, &message))
}
