//! The tables of service and branch work: `activities` with `activity_participants`,
//! `activity_aid` and `activity_beneficiaries`; `ratings` with `rating_scores`; `reviews`;
//! `projects` with `project_events`. Pure.

use super::Mask;
use super::column::Table;
use super::people::{id, ids};
use crate::kinds::activity::ActivityType;
use crate::model::Dataset;
use crate::model::labels::Labelled;

pub fn activities(ds: &Dataset, mask: Mask) -> Table {
    let a = &ds.activities;
    let kind = |k: &Option<ActivityType>| {
        k.as_ref().map(|k| match k {
            ActivityType::Builtin(b) => (b.code().to_string(), b.zh().to_string()),
            ActivityType::Custom(n) => (n.clone(), n.clone()),
        })
    };
    let mut t = Table::new("activities", a.len());
    t.text("id", a.iter().map(|x| Some(ds.name(x.id))))
        .date("date", a.iter().map(|x| Some(x.date)))
        .code_or_custom("kind", a.iter().map(|x| kind(&x.kind)))
        .text("title", a.iter().map(|x| Some(mask.text(&x.title))))
        .text_list("orgs", a.iter().map(|x| ids(ds, &x.orgs)))
        .text("grid", a.iter().map(|x| id(ds, x.grid)))
        .text("place", a.iter().map(|x| x.place.as_deref().map(|p| mask.address(p))))
        .double("hours", a.iter().map(|x| x.hours))
        .int32("others", a.iter().map(|x| x.others.map(|n| n as i32)))
        .text_list("households", a.iter().map(|x| ids(ds, &x.households)))
        .text_list("issues", a.iter().map(|x| ids(ds, &x.issues)))
        .text("note", a.iter().map(|x| x.note.as_deref().map(|n| mask.text(n))));
    t
}

/// One row per member or volunteer who took part, with their own hours (NULL: the activity's).
pub fn activity_participants(ds: &Dataset) -> Table {
    let rows: Vec<_> = ds
        .activities
        .iter()
        .flat_map(|a| {
            let members = a.members.iter().map(move |p| (a, "member", p));
            members.chain(a.volunteers.iter().map(move |p| (a, "volunteer", p)))
        })
        .collect();
    let mut t = Table::new("activity_participants", rows.len());
    t.text("activity", rows.iter().map(|(a, ..)| Some(ds.name(a.id))))
        .text("role", rows.iter().map(|(_, r, _)| Some(*r)))
        .text("person", rows.iter().map(|(.., p)| Some(ds.name(p.id))))
        .double("hours", rows.iter().map(|(.., p)| p.hours));
    t
}

pub fn activity_aid(ds: &Dataset, mask: Mask) -> Table {
    let rows: Vec<_> = ds.activities.iter().flat_map(|a| a.items.iter().map(move |x| (a, x))).collect();
    let mut t = Table::new("activity_aid", rows.len());
    t.text("activity", rows.iter().map(|(a, _)| Some(ds.name(a.id))))
        .text("item", rows.iter().map(|(_, x)| Some(mask.text(&x.item))))
        .int32("quantity", rows.iter().map(|(_, x)| x.quantity.map(|n| n as i32)));
    t
}

pub fn activity_beneficiaries(ds: &Dataset) -> Table {
    let rows: Vec<_> = ds.activities.iter().flat_map(|a| a.beneficiaries.iter().map(move |x| (a, x))).collect();
    let mut t = Table::new("activity_beneficiaries", rows.len());
    t.text("activity", rows.iter().map(|(a, _)| Some(ds.name(a.id))))
        .text("kind", rows.iter().map(|(_, x)| Some(x.kind.as_str())))
        .int32("count", rows.iter().map(|(_, x)| x.count.map(|n| n as i32)));
    t
}

pub fn ratings(ds: &Dataset, mask: Mask) -> Table {
    let r = &ds.ratings;
    let mut t = Table::new("ratings", r.len());
    t.text("branch", r.iter().map(|x| Some(ds.name(x.branch))))
        .int32("year", r.iter().map(|x| Some(x.year as i32)))
        .date("date", r.iter().map(|x| x.date))
        .text("rater", r.iter().map(|x| x.rater.as_deref()))
        .text("innovation", r.iter().map(|x| x.innovation.as_deref().map(|n| mask.text(n))))
        .int64("points", r.iter().map(|x| Some(x.scores.iter().map(|s| i64::from(s.points)).sum())))
        .text("note", r.iter().map(|x| x.note.as_deref().map(|n| mask.text(n))));
    t
}

pub fn rating_scores(ds: &Dataset, mask: Mask) -> Table {
    let rows: Vec<_> = ds.ratings.iter().flat_map(|r| r.scores.iter().map(move |s| (r, s))).collect();
    let mut t = Table::new("rating_scores", rows.len());
    t.text("branch", rows.iter().map(|(r, _)| Some(ds.name(r.branch))))
        .int32("year", rows.iter().map(|(r, _)| Some(r.year as i32)))
        .text("criterion", rows.iter().map(|(_, s)| Some(s.criterion.as_str())))
        .int32("points", rows.iter().map(|(_, s)| Some(s.points as i32)))
        .text("evidence", rows.iter().map(|(_, s)| s.evidence.as_deref().map(|n| mask.text(n))))
        .text("rater", rows.iter().map(|(_, s)| s.rater.as_deref()));
    t
}

pub fn reviews(ds: &Dataset, mask: Mask) -> Table {
    let r = &ds.reviews;
    let mut t = Table::new("reviews", r.len());
    t.text("member", r.iter().map(|x| Some(ds.name(x.member))))
        .int32("year", r.iter().map(|x| Some(x.year as i32)))
        .code("grade", r.iter().map(|x| x.grade))
        .text("note", r.iter().map(|x| x.note.as_deref().map(|n| mask.text(n))));
    t
}

pub fn projects(ds: &Dataset, mask: Mask) -> Table {
    let p = &ds.projects;
    let mut t = Table::new("projects", p.len());
    t.text("id", p.iter().map(|x| Some(ds.name(x.id))))
        .text("branch", p.iter().map(|x| id(ds, x.branch)))
        .text("lead", p.iter().map(|x| id(ds, x.lead)))
        .text("topic", p.iter().map(|x| Some(mask.text(&x.topic))))
        .text("goal", p.iter().map(|x| x.goal.as_deref().map(|n| mask.text(n))))
        .date("start", p.iter().map(|x| x.start))
        .date("due", p.iter().map(|x| x.due))
        .code("status", p.iter().map(|x| Some(x.status())));
    t
}

pub fn project_events(ds: &Dataset, mask: Mask) -> Table {
    let rows: Vec<_> =
        ds.projects.iter().flat_map(|p| p.events.iter().enumerate().map(move |(n, e)| (p, n, e))).collect();
    let mut t = Table::new("project_events", rows.len());
    t.text("project", rows.iter().map(|(p, ..)| Some(ds.name(p.id))))
        .int32("seq", rows.iter().map(|(_, n, _)| Some(*n as i32 + 1)))
        .date("date", rows.iter().map(|(.., e)| Some(e.date)))
        .code("action", rows.iter().map(|(.., e)| Some(e.action)))
        .text("note", rows.iter().map(|(.., e)| e.note.as_deref().map(|n| mask.text(n))));
    t
}
