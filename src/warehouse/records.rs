//! The tables of what happened: `visits` (one file per month), `issues` and `issue_events`,
//! `meetings`, `decisions` and `decision_events`. Besides the fields of the files, a few facts
//! gov derives are columns too, so that SQL reproduces gov's figures without re-implementing
//! its rules: an issue's `due` date and `responded_in_time`, the status an event `sets`, and
//! statuses as of the export. Pure.

use std::collections::BTreeMap;

use chrono::Datelike;

use super::Mask;
use super::column::Table;
use super::people::{id, ids};
use crate::kinds::issue::Category;
use crate::kinds::meeting::{MeetingType, Owner};
use crate::model::labels::Labelled;
use crate::model::{Dataset, IssueStatus, Visit};
use crate::report::issue_facts::{due_date, responded_in_time};

/// The visits by month, (year, month) → positions, in date order of the months.
pub fn visit_months(ds: &Dataset) -> BTreeMap<(i32, u32), Vec<usize>> {
    let mut months: BTreeMap<(i32, u32), Vec<usize>> = BTreeMap::new();
    for (i, v) in ds.visits.iter().enumerate() {
        months.entry((v.date.year(), v.date.month())).or_default().push(i);
    }
    months
}

/// The visits at `at` (one month's).
pub fn visits(ds: &Dataset, at: &[usize], mask: Mask) -> Table {
    let v: Vec<&Visit> = at.iter().map(|&i| &ds.visits[i]).collect();
    let mut t = Table::new("visits", v.len());
    t.text("id", v.iter().map(|x| id(ds, x.id)))
        .date("date", v.iter().map(|x| Some(x.date)))
        .text("member", v.iter().map(|x| Some(ds.name(x.member))))
        .text("household", v.iter().map(|x| Some(ds.name(x.household))))
        .code("method", v.iter().map(|x| Some(x.method)))
        .text("summary", v.iter().map(|x| x.text.as_ref().map(|t| mask.text(&t.summary))))
        .text_list("topics", v.iter().map(|x| x.text.iter().flat_map(|t| t.topics.iter().map(|s| mask.text(s)))))
        .text_list("with", v.iter().map(|x| x.refs.iter().flat_map(|r| ids(ds, &r.with))))
        .text_list("issues", v.iter().map(|x| x.refs.iter().flat_map(|r| ids(ds, &r.issues))));
    t
}

pub fn issues(ds: &Dataset, mask: Mask) -> Table {
    let i = &ds.issues;
    let s = &ds.settings;
    let category = |c: &Option<Category>| {
        c.as_ref().map(|c| match c {
            Category::Builtin(b) => (b.code().to_string(), b.zh().to_string()),
            Category::Custom(n) => (n.clone(), n.clone()),
        })
    };
    let mut t = Table::new("issues", i.len());
    t.text("id", i.iter().map(|x| Some(ds.name(x.id))))
        .text("title", i.iter().map(|x| Some(mask.text(&x.title))))
        .date("received", i.iter().map(|x| Some(x.received)))
        .code_or_custom("category", i.iter().map(|x| category(&x.category)))
        .code("urgency", i.iter().map(|x| Some(x.urgency)))
        .code("source", i.iter().map(|x| x.source))
        .text("grid", i.iter().map(|x| id(ds, x.grid)))
        .text("household", i.iter().map(|x| id(ds, x.household)))
        .text("recorded_by", i.iter().map(|x| id(ds, x.recorded_by)))
        .text("description", i.iter().map(|x| x.description.as_deref().map(|d| mask.text(d))))
        .date("due", i.iter().map(|x| Some(due_date(x, s))))
        .bool("responded_in_time", i.iter().map(|x| Some(responded_in_time(x, s))))
        .code("status", i.iter().map(|x| Some(x.status())));
    t
}

/// The status an event leaves its issue in whatever the status before it, `None` when that
/// depends on it (work on a problem moves a received one on and leaves the others; an
/// unreachable follow-up call changes nothing).
fn sets_status(e: &crate::model::Event) -> Option<IssueStatus> {
    let a = IssueStatus::Received.after(e);
    (a == IssueStatus::Resolved.after(e) && a == IssueStatus::AwaitingRework.after(e)).then_some(a)
}

pub fn issue_events(ds: &Dataset, mask: Mask) -> Table {
    let rows: Vec<_> =
        ds.issues.iter().flat_map(|i| i.events.iter().enumerate().map(move |(n, e)| (i, n, e))).collect();
    let mut t = Table::new("issue_events", rows.len());
    t.text("issue", rows.iter().map(|(i, ..)| Some(ds.name(i.id))))
        .int32("seq", rows.iter().map(|(_, n, _)| Some(*n as i32 + 1)))
        .date("date", rows.iter().map(|(.., e)| Some(e.date)))
        .code("action", rows.iter().map(|(.., e)| Some(e.action)))
        .text("by", rows.iter().map(|(.., e)| e.by.as_deref().map(|b| mask.text(b))))
        .text("note", rows.iter().map(|(.., e)| e.note.as_deref().map(|n| mask.text(n))))
        .text_list("departments", rows.iter().map(|(.., e)| e.departments.iter().map(|d| &**d)))
        .text("department", rows.iter().map(|(.., e)| e.department.as_deref()))
        .bool("solved", rows.iter().map(|(.., e)| e.solved))
        .code("satisfaction", rows.iter().map(|(.., e)| e.satisfaction))
        .code("sets_status", rows.iter().map(|(.., e)| sets_status(e)));
    t
}

pub fn meetings(ds: &Dataset, mask: Mask) -> Table {
    let m = &ds.meetings;
    let kind = |k: &Option<MeetingType>| {
        k.as_ref().map(|k| match k {
            MeetingType::Builtin(b) => (b.code().to_string(), b.zh().to_string()),
            MeetingType::Custom(n) => (n.clone(), n.clone()),
        })
    };
    let mut t = Table::new("meetings", m.len());
    t.text("id", m.iter().map(|x| Some(ds.name(x.id))))
        .date("date", m.iter().map(|x| Some(x.date)))
        .code_or_custom("kind", m.iter().map(|x| kind(&x.kind)))
        .text("topic", m.iter().map(|x| Some(mask.text(&x.topic))))
        .text("place", m.iter().map(|x| x.place.as_deref().map(|p| mask.address(p))))
        .text("convened_by", m.iter().map(|x| id(ds, x.convened_by)))
        .text("chair", m.iter().map(|x| id(ds, x.chair)))
        .text_list("attendee_members", m.iter().map(|x| ids(ds, &x.attendees.members)))
        .text_list("attendee_orgs", m.iter().map(|x| ids(ds, &x.attendees.orgs)))
        .text_list("attendee_departments", m.iter().map(|x| x.attendees.departments.iter().map(|d| &**d)))
        .int32("residents", m.iter().map(|x| x.attendees.residents.map(|n| n as i32)))
        .text_list("issues", m.iter().map(|x| ids(ds, &x.issues)))
        .text("minutes", m.iter().map(|x| x.minutes.as_deref().map(|n| mask.text(n))));
    t
}

pub fn decisions(ds: &Dataset, mask: Mask) -> Table {
    let rows: Vec<_> = ds.meetings.iter().flat_map(|m| m.decisions.iter().map(move |d| (m, d))).collect();
    let owner = |o: &Option<Owner>| {
        o.as_ref().map(|o| match o {
            Owner::Department(d) => d.to_string(),
            Owner::Id(s) => ds.name(*s).to_string(),
        })
    };
    let mut t = Table::new("decisions", rows.len());
    t.text("meeting", rows.iter().map(|(m, _)| Some(ds.name(m.id))))
        .int32("no", rows.iter().map(|(_, d)| Some(d.no as i32)))
        .text("text", rows.iter().map(|(_, d)| Some(mask.text(&d.text))))
        .text("owner", rows.iter().map(|(_, d)| owner(&d.owner)))
        .date("due", rows.iter().map(|(_, d)| d.due))
        .code("status", rows.iter().map(|(_, d)| Some(d.status())));
    t
}

pub fn decision_events(ds: &Dataset, mask: Mask) -> Table {
    let rows: Vec<_> = ds
        .meetings
        .iter()
        .flat_map(|m| m.decisions.iter().flat_map(move |d| d.events.iter().enumerate().map(move |(n, e)| (m, d, n, e))))
        .collect();
    let mut t = Table::new("decision_events", rows.len());
    t.text("meeting", rows.iter().map(|(m, ..)| Some(ds.name(m.id))))
        .int32("decision", rows.iter().map(|(_, d, ..)| Some(d.no as i32)))
        .int32("seq", rows.iter().map(|(.., n, _)| Some(*n as i32 + 1)))
        .date("date", rows.iter().map(|(.., e)| Some(e.date)))
        .code("action", rows.iter().map(|(.., e)| Some(e.action)))
        .text("note", rows.iter().map(|(.., e)| e.note.as_deref().map(|n| mask.text(n))))
        .date("reported_back", rows.iter().map(|(.., e)| e.reported_back));
    t
}
