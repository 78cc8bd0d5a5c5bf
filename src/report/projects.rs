//! `gov project list` and `gov project show`: the secretaries' projects (书记攻关项目) with their
//! status derived from their steps, and one project in full. Pure; no I/O.

use chrono::NaiveDate;

use super::index::Index;
use super::table::{Table, Value, col};
use crate::kinds::project::{Project, ProjectStatus};
use crate::model::Sym;

/// Which projects to list.
#[derive(Debug, Clone, Default)]
pub struct ProjectFilter {
    pub branch: Option<Sym>,
    pub status: Option<ProjectStatus>,
}

const LIST: &[super::Column] = &[
    col("id", "项目编号", "id"),
    col("branch", "支部", "branch"),
    col("lead", "领办书记", "lead"),
    col("topic", "攻关课题", "topic"),
    col("start", "开始日期", "start"),
    col("due", "完成时限", "due"),
    col("status", "项目状态", "status"),
    col("steps", "进展记录", "steps"),
    col("last", "最近进展", "last step"),
    col("overdue", "是否逾期", "overdue"),
];

const RECORD: &[super::Column] = &[
    col("id", "项目编号", "id"),
    col("branch", "支部", "branch"),
    col("lead", "领办书记", "lead"),
    col("topic", "攻关课题", "topic"),
    col("goal", "目标", "goal"),
    col("start", "开始日期", "start"),
    col("due", "完成时限", "due"),
    col("status", "项目状态", "status"),
];

const STEPS: &[super::Column] = &[
    col("date", "日期", "date"),
    col("action", "进展", "step"),
    col("note", "说明", "note"),
    col("status", "此后状态", "status after"),
];

fn org_name(ix: &Index<'_>, s: Option<Sym>) -> Value {
    s.map_or(Value::Empty, |s| {
        Value::text(ix.look.org(s).map_or_else(|| ix.ds.name(s), |i| ix.ds.orgs[i].name.as_str()))
    })
}

fn member(ix: &Index<'_>, s: Option<Sym>) -> Value {
    s.map_or(Value::Empty, |s| Value::text(ix.member_name(s)))
}

fn date(d: Option<NaiveDate>) -> Value {
    d.map_or(Value::Empty, Value::Date)
}

/// The projects, in file order, with their status as of `today`.
pub fn project_table(ix: &Index<'_>, filter: &ProjectFilter, today: NaiveDate) -> Table {
    let ds = ix.ds;
    let mut t = Table::new("projects", LIST)
        .titled(format!("{}书记攻关项目", ds.settings.name), format!("{} secretaries' projects", ds.settings.name));
    for p in &ds.projects {
        let status = p.status_on(today);
        if filter.branch.is_some_and(|b| p.branch != Some(b)) || filter.status.is_some_and(|s| s != status) {
            continue;
        }
        t.push(vec![
            Value::text(ds.name(p.id)),
            org_name(ix, p.branch),
            member(ix, p.lead),
            Value::text(&p.topic),
            date(p.start),
            date(p.due),
            Value::label(status),
            Value::int(p.events.len()),
            date(p.events.iter().map(|e| e.date).max()),
            overdue(p, status, today),
        ]);
    }
    t
}

/// Past its due date on `today` and neither done nor dropped.
fn overdue(p: &Project, status: ProjectStatus, today: NaiveDate) -> Value {
    let late = matches!(status, ProjectStatus::Open | ProjectStatus::InProgress) && p.due.is_some_and(|d| d < today);
    if late {
        Value::Label { code: "yes", zh: "是", en: "yes" }
    } else {
        Value::Label { code: "no", zh: "否", en: "no" }
    }
}

/// One project: its record (one transposed row) and its steps with the status after each.
pub fn project_show_tables(ix: &Index<'_>, p: &Project, today: NaiveDate) -> Vec<Table> {
    let ds = ix.ds;
    let id = ds.name(p.id);
    let mut record = Table::new("project", RECORD).titled(format!("攻关项目 {id}"), format!("project {id}"));
    record.push(vec![
        Value::text(id),
        org_name(ix, p.branch),
        member(ix, p.lead),
        Value::text(&p.topic),
        Value::opt_text(p.goal.as_deref()),
        date(p.start),
        date(p.due),
        Value::label(p.status_on(today)),
    ]);
    record.transpose = true;
    let mut steps = Table::new("steps", STEPS).titled(format!("攻关项目 {id} 进展"), format!("project {id}: steps"));
    for (i, e) in p.events.iter().enumerate() {
        let upto = Project { events: p.events[..=i].to_vec(), ..p.clone() };
        steps.push(vec![
            Value::Date(e.date),
            Value::label(e.action),
            e.note.clone().map_or(Value::Empty, Value::FreeText),
            Value::label(upto.status()),
        ]);
    }
    vec![record, steps]
}
