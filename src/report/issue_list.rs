//! `gov issue list` and `gov issue show`: the problems raised by residents (群众诉求) one per line
//! with their derived status, due date, days taken and latest step; and one problem in full — its
//! record, its whole event timeline, and who was summoned by each whistle (吹哨) and when they
//! reported (报到). Status and days are as of `today`. Pure; no I/O.

use chrono::NaiveDate;

use super::Period;
use super::index::{FindError, Index};
use super::issue_facts::{days, days_overdue, days_taken, due_date};
use super::issues::{issue_grid, summoned};
use super::table::{Column, Table, Value, col};
use super::whistles::summonses;
use crate::model::labels::Action;
use crate::model::privacy::mask_free_text;
use crate::model::{Category, Issue, IssueStatus, Sym};

/// Which problems `gov issue list` shows; every filter given must match.
#[derive(Debug, Clone, Default)]
pub struct IssueFilter {
    /// Received in this period.
    pub received: Option<Period>,
    /// Any of these statuses (as of today); empty for any.
    pub statuses: Vec<IssueStatus>,
    pub category: Option<Category>,
    /// In this grid or one below it (the problem's grid, else its household's).
    pub grid: Option<Sym>,
    pub household: Option<Sym>,
    /// Summoned this department by a whistle.
    pub department: Option<String>,
    /// Open and past the due date today.
    pub overdue: bool,
    /// A whistle was blown (吹哨).
    pub escalated: bool,
    /// Discussed at this meeting.
    pub meeting: Option<Sym>,
    /// Discussed at some meeting.
    pub discussed: bool,
}

impl IssueFilter {
    pub fn keeps(&self, ix: &Index<'_>, i: &Issue, today: NaiveDate) -> bool {
        self.received.is_none_or(|p| p.contains(i.received))
            && (self.statuses.is_empty() || self.statuses.contains(&i.status_on(today)))
            && self.category.as_ref().is_none_or(|c| i.category.as_ref() == Some(c))
            && self.grid.is_none_or(|g| ix.within(issue_grid(ix, i), g))
            && self.household.is_none_or(|h| i.household == Some(h))
            && self.department.as_deref().is_none_or(|d| summoned(i).contains(&d))
            && (!self.overdue || days_overdue(i, &ix.ds.settings, today).is_some())
            && (!self.escalated || i.events.iter().any(|e| e.action == Action::Whistle))
            && self.meeting.is_none_or(|m| ix.ds.meetings.iter().any(|x| x.id == m && x.issues.contains(&i.id)))
            && (!self.discussed || ix.ds.meetings.iter().any(|x| x.issues.contains(&i.id)))
    }
}

/// A category as a cell: a built-in one in the output language, a custom one as written.
pub fn category_value(c: Option<&Category>) -> Value {
    match c {
        Some(Category::Builtin(c)) => Value::label(*c),
        Some(Category::Custom(c)) => Value::text(c),
        None => Value::Empty,
    }
}

const LIST_COLUMNS: &[Column] = &[
    col("id", "诉求编号", "id"),
    col("title", "标题", "title"),
    col("category", "类别", "category"),
    col("received", "受理日期", "received"),
    col("status", "状态", "status"),
    col("due", "办理时限", "due"),
    col("days_taken", "已用天数", "days taken"),
    col("days_overdue", "超期天数", "days overdue"),
    col("last_event", "最近进展", "last event"),
    col("last_date", "进展日期", "last event date"),
];

const RECEIVED: Value = Value::Label { code: "received", zh: "受理", en: "received" };

/// The problems the filter keeps, by date received then id.
pub fn issue_list_table(ix: &Index<'_>, today: NaiveDate, filter: &IssueFilter) -> Table {
    let ds = ix.ds;
    let mut issues: Vec<&Issue> = ds.issues.iter().filter(|i| filter.keeps(ix, i, today)).collect();
    issues.sort_by(|a, b| (a.received, ds.name(a.id), a.loc).cmp(&(b.received, ds.name(b.id), b.loc)));
    let span = filter.received.map(|p| p.label());
    let mut t = Table::new("issues-list", LIST_COLUMNS).titled(
        match &span {
            Some(p) => format!("{}群众诉求（{}受理，截至{}）", ds.settings.name, p, today),
            None => format!("{}群众诉求（截至{}）", ds.settings.name, today),
        },
        match &span {
            Some(p) => format!("{} problems raised by residents (received {}, as of {})", ds.settings.name, p, today),
            None => format!("{} problems raised by residents (as of {})", ds.settings.name, today),
        },
    );
    for i in issues {
        let last = i.events.iter().rfind(|e| e.date <= today);
        t.push(vec![
            Value::text(ds.name(i.id)),
            Value::FreeText(i.title.clone()),
            category_value(i.category.as_ref()),
            Value::Date(i.received),
            Value::label(i.status_on(today)),
            Value::Date(due_date(i, &ds.settings)),
            Value::Int(days_taken(i, today)),
            days_overdue(i, &ds.settings, today).map_or(Value::Empty, Value::Int),
            last.map_or(RECEIVED, |e| Value::label(e.action)),
            Value::Date(last.map_or(i.received, |e| e.date)),
        ]);
    }
    t
}

/// A problem by id; else by the end of its id (`0041` for `I-2022-0041`); else by a fragment of
/// its title that only one problem has.
pub fn find_issue(ix: &Index<'_>, query: &str) -> Result<Sym, FindError> {
    let ds = ix.ds;
    let q = query.trim();
    if let Some(i) = ds.issues.iter().find(|i| ds.name(i.id) == q) {
        return Ok(i.id);
    }
    let tests: [&dyn Fn(&Issue) -> bool; 2] =
        [&|i| !q.is_empty() && ds.name(i.id).ends_with(q), &|i| !q.is_empty() && i.title.contains(q)];
    for test in tests {
        let hits: Vec<usize> = (0..ds.issues.len()).filter(|&n| test(&ds.issues[n])).collect();
        match hits.len() {
            0 => continue,
            1 => return Ok(ds.issues[hits[0]].id),
            total => {
                let mut candidates: Vec<String> = hits
                    .iter()
                    .take(10)
                    .map(|&n| format!("{} ({})", ds.name(ds.issues[n].id), mask_free_text(&ds.issues[n].title)))
                    .collect();
                if total > 10 {
                    candidates.push(format!("… {} more", total - 10));
                }
                return Err(FindError::Ambiguous { what: "problem", query: q.to_string(), total, candidates });
            }
        }
    }
    Err(FindError::None { what: "problem", query: q.to_string() })
}

const RECORD_COLUMNS: &[Column] = &[
    col("id", "诉求编号", "id"),
    col("title", "标题", "title"),
    col("category", "类别", "category"),
    col("urgency", "紧急程度", "urgency"),
    col("source", "来源", "source"),
    col("grid", "网格", "grid"),
    col("household", "户号", "household"),
    col("address", "地址", "address"),
    col("head", "户主", "head of household"),
    col("recorded_by", "登记党员", "recorded by"),
    col("received", "受理日期", "received"),
    col("due", "办理时限", "due"),
    col("status", "状态", "status"),
    col("days_taken", "已用天数", "days taken"),
    col("days_overdue", "超期天数", "days overdue"),
    col("description", "诉求内容", "description"),
    col("file", "文件", "file"),
];

const TIMELINE_COLUMNS: &[Column] = &[
    col("date", "日期", "date"),
    col("day", "受理后天数", "days after receipt"),
    col("action", "事项", "step"),
    col("by", "经办单位/部门", "by / departments"),
    col("solved", "是否解决", "solved"),
    col("satisfaction", "满意度", "satisfaction"),
    col("note", "说明", "note"),
    col("status", "办理后状态", "status after"),
];

const SUMMONS_COLUMNS: &[Column] = &[
    col("department", "部门", "department"),
    col("whistle", "吹哨日期", "whistle"),
    col("reported", "报到日期", "reported"),
    col("days_to_report", "报到用时(天)", "days to report"),
    col("state", "报到情况", "state"),
];

/// One problem in full: its record (one row, shown as a list), its timeline from receipt, and —
/// when a whistle was blown — each department summoned and when it reported.
pub fn issue_show_tables(ix: &Index<'_>, n: usize, today: NaiveDate) -> Vec<Table> {
    let ds = ix.ds;
    let i = &ds.issues[n];
    let id = ds.name(i.id);
    let household = i.household.and_then(|h| ix.household(h));
    let member = |m: Option<Sym>| m.map_or(Value::Empty, |m| Value::text(ix.member_name(m)));

    let mut record = Table::new("issue", RECORD_COLUMNS).titled(format!("群众诉求 {id}"), format!("Problem {id}"));
    record.transpose = true;
    record.push(vec![
        Value::text(id),
        Value::FreeText(i.title.clone()),
        category_value(i.category.as_ref()),
        Value::label(i.urgency),
        i.source.map_or(Value::Empty, Value::label),
        issue_grid(ix, i).map_or(Value::Empty, |g| Value::text(ix.grid_name(g))),
        i.household.map_or(Value::Empty, |h| Value::text(ds.name(h))),
        household.map_or(Value::Empty, |h| Value::Address(h.address.to_string())),
        household.map_or(Value::Empty, |h| Value::text(&*h.head)),
        member(i.recorded_by),
        Value::Date(i.received),
        Value::Date(due_date(i, &ds.settings)),
        Value::label(i.status_on(today)),
        Value::Int(days_taken(i, today)),
        days_overdue(i, &ds.settings, today).map_or(Value::Empty, Value::Int),
        i.description.clone().map_or(Value::Empty, Value::FreeText),
        Value::text(ds.path(i.loc.file).display().to_string()),
    ]);

    let mut timeline =
        Table::new("timeline", TIMELINE_COLUMNS).titled(format!("{id} 办理经过"), format!("{id} timeline"));
    timeline.push(vec![
        Value::Date(i.received),
        Value::Int(0),
        RECEIVED,
        member(i.recorded_by),
        Value::Empty,
        Value::Empty,
        Value::Empty,
        Value::label(IssueStatus::Received),
    ]);
    let mut status = IssueStatus::Received;
    for e in &i.events {
        status = status.after(e);
        let by = match e.action {
            Action::Whistle => Value::text(e.departments.join("、")),
            Action::Report => Value::opt_text(e.department.as_deref()),
            _ => Value::opt_text(e.by.as_deref()),
        };
        let yes_no = |b: bool| {
            if b {
                Value::Label { code: "yes", zh: "是", en: "yes" }
            } else {
                Value::Label { code: "no", zh: "否", en: "no" }
            }
        };
        timeline.push(vec![
            Value::Date(e.date),
            Value::Int(days(i.received, e.date)),
            Value::label(e.action),
            by,
            e.solved.map_or(Value::Empty, yes_no),
            e.satisfaction.map_or(Value::Empty, Value::label),
            e.note.as_deref().map_or(Value::Empty, |n| Value::FreeText(n.to_string())),
            Value::label(status),
        ]);
    }

    let mut tables = vec![record, timeline];
    let all_time = Period::range(NaiveDate::MIN, NaiveDate::MAX);
    let called = summonses(std::slice::from_ref(i), &all_time);
    if !called.is_empty() {
        let mut t =
            Table::new("summons", SUMMONS_COLUMNS).titled(format!("{id} 吹哨报到"), format!("{id} whistle and report"));
        for s in called {
            t.push(vec![
                Value::text(s.department),
                Value::Date(s.whistle),
                s.reported.map_or(Value::Empty, Value::Date),
                s.reported.map_or(Value::Empty, |r| Value::Int(days(s.whistle, r))),
                match s.reported {
                    Some(_) => Value::Label { code: "reported", zh: "已报到", en: "reported" },
                    None => Value::Label { code: "pending", zh: "未报到", en: "not reported" },
                },
            ]);
        }
        tables.push(t);
    }
    tables.extend(crate::report::meetings::discussed_table(ix, i.id, today));
    tables
}
