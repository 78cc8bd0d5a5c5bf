//! Meetings and their decisions: `gov report meetings` (by kind and by owner: meetings held,
//! attendance, decisions made, done, done on time, overdue, dropped and reported back, with the
//! rates 落实率 and 按时落实率 beside their numerators and denominators), the meeting list and one
//! meeting in full, and the meetings that discussed a problem. Definitions are in
//! docs/metrics.md. Pure; no I/O.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;

use super::Period;
use super::index::Index;
use super::table::{Column, Table, Value, col};
use crate::kinds::meeting::{Decision, DecisionAction, DecisionStatus, MeetingKind, MeetingType, Owner};
use crate::model::labels::{Labelled, labelled};
use crate::model::{Meeting, Sym};

/// The figures of a set of meetings, their decisions' status as of one day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeetingTally {
    pub meetings: usize,
    /// People present: members named and residents counted.
    pub attendance: usize,
    /// Departments attending, one per meeting each attended.
    pub departments: usize,
    pub decisions: usize,
    pub dropped: usize,
    pub done: usize,
    pub done_on_time: usize,
    pub overdue: usize,
    /// Done, and reported back to residents (反馈群众) by the day.
    pub reported_back: usize,
}

impl MeetingTally {
    /// Decisions to be carried out: made and not dropped (the rates' denominator).
    pub fn to_carry_out(&self) -> usize {
        self.decisions - self.dropped
    }

    fn add_meeting(&mut self, m: &Meeting) {
        self.meetings += 1;
        self.attendance += m.attendees.people();
        self.departments += m.attendees.departments.len();
    }

    fn add_decision(&mut self, d: &Decision, as_of: NaiveDate) {
        self.decisions += 1;
        match d.status_on(as_of) {
            DecisionStatus::Dropped => self.dropped += 1,
            DecisionStatus::Done => {
                self.done += 1;
                self.done_on_time += usize::from(d.done_on_time(as_of));
                let back = d.done_on(as_of).and_then(|e| e.reported_back).is_some_and(|r| r <= as_of);
                self.reported_back += usize::from(back);
            }
            DecisionStatus::Open | DecisionStatus::InProgress => self.overdue += usize::from(d.overdue_on(as_of)),
        }
    }
}

/// The meetings held in the period and their decisions, as of `as_of`.
pub fn tally<'a>(meetings: impl IntoIterator<Item = &'a Meeting>, as_of: NaiveDate) -> MeetingTally {
    let mut t = MeetingTally::default();
    for m in meetings {
        t.add_meeting(m);
        for d in &m.decisions {
            t.add_decision(d, as_of);
        }
    }
    t
}

/// The day statuses are taken on: the period's end, or today when that is earlier.
pub fn as_of(period: &Period, today: NaiveDate) -> NaiveDate {
    period.to.min(today)
}

/// A meeting kind as a cell: the built-in label, or the custom kind's own name.
pub fn kind_value(k: Option<&MeetingType>) -> Value {
    match k {
        None => Value::Empty,
        Some(MeetingType::Builtin(k)) => Value::label(*k),
        Some(MeetingType::Custom(s)) => Value::text(s),
    }
}

/// Who carries a decision out, as a cell: a department, an org's name or a member's name.
pub fn owner_value(ix: &Index<'_>, o: Option<&Owner>) -> Value {
    match o {
        None => Value::Empty,
        Some(Owner::Department(d)) => Value::text(&**d),
        Some(Owner::Id(s)) => Value::text(owner_name(ix, *s)),
    }
}

fn owner_name<'d>(ix: &Index<'d>, s: Sym) -> &'d str {
    let ds = ix.ds;
    if let Some(o) = ix.look.org(s) {
        return &ds.orgs[o].name;
    }
    ix.member_name(s)
}

labelled! {
    /// 责任方类别: what kind of owner a decision has.
    OwnerKind, "owner kind" / "责任方类别" {
        Department = "department", "职能部门", "department";
        Org = "org", "组织", "org";
        Member = "member", "党员", "member";
        Unknown = "unknown", "未知", "unknown";
        None = "none", "未明确", "none";
    }
}

fn owner_kind(ix: &Index<'_>, o: Option<&Owner>) -> OwnerKind {
    match o {
        None => OwnerKind::None,
        Some(Owner::Department(_)) => OwnerKind::Department,
        Some(Owner::Id(s)) if ix.look.org(*s).is_some() => OwnerKind::Org,
        Some(Owner::Id(s)) if ix.look.member(*s).is_some() => OwnerKind::Member,
        Some(Owner::Id(_)) => OwnerKind::Unknown,
    }
}

const KIND_COLUMNS: &[Column] = &[
    col("kind", "会议类别", "meeting kind"),
    col("meetings", "召开次数", "meetings held"),
    col("attendance", "参会人次", "attendance"),
    col("departments", "部门参会次数", "departments attending"),
    col("decisions", "议定事项", "decisions"),
    col("dropped", "不再落实", "dropped"),
    col("to_carry_out", "应落实", "to carry out"),
    col("done", "已落实", "done"),
    col("done_rate", "落实率", "done rate"),
    col("done_on_time", "按时落实", "done on time"),
    col("on_time_rate", "按时落实率", "on-time rate"),
    col("overdue", "逾期未落实", "overdue"),
    col("reported_back", "已反馈群众", "reported back"),
];

const OWNER_COLUMNS: &[Column] = &[
    col("owner", "责任方", "owner"),
    col("owner_kind", "责任方类别", "owner kind"),
    col("meetings", "涉及会议", "meetings"),
    col("decisions", "议定事项", "decisions"),
    col("dropped", "不再落实", "dropped"),
    col("to_carry_out", "应落实", "to carry out"),
    col("done", "已落实", "done"),
    col("done_rate", "落实率", "done rate"),
    col("done_on_time", "按时落实", "done on time"),
    col("on_time_rate", "按时落实率", "on-time rate"),
    col("overdue", "逾期未落实", "overdue"),
    col("reported_back", "已反馈群众", "reported back"),
];

fn decision_figures(t: &MeetingTally) -> Vec<Value> {
    vec![
        Value::int(t.decisions),
        Value::int(t.dropped),
        Value::int(t.to_carry_out()),
        Value::int(t.done),
        Value::ratio(t.done, t.to_carry_out()),
        Value::int(t.done_on_time),
        Value::ratio(t.done_on_time, t.to_carry_out()),
        Value::int(t.overdue),
        Value::int(t.reported_back),
    ]
}

/// An owner's sort key: its kind, its place in gov.yaml (departments), its id or name.
type OwnerKey = (OwnerKind, usize, String);
/// An owner's row: who, the meetings that gave it decisions, its figures.
type OwnerRow<'a> = (Option<&'a Owner>, HashSet<Sym>, MeetingTally);

/// `gov report meetings`: one row per meeting kind and a totals row; then one row per owner.
pub fn meetings_tables(ix: &Index<'_>, period: &Period, today: NaiveDate) -> Vec<Table> {
    let ds = ix.ds;
    let day = as_of(period, today);
    let held: Vec<&Meeting> = ds.meetings.iter().filter(|m| period.contains(m.date)).collect();
    let name = &ds.settings.name;
    let label = period.label();

    let mut by_kind: BTreeMap<(usize, String), Vec<&Meeting>> = BTreeMap::new();
    for m in &held {
        let key = match &m.kind {
            Some(MeetingType::Builtin(k)) => (MeetingKind::ALL.iter().position(|x| x == k).unwrap_or(0), String::new()),
            Some(MeetingType::Custom(s)) => (MeetingKind::ALL.len(), s.clone()),
            None => (MeetingKind::ALL.len() + 1, String::new()),
        };
        by_kind.entry(key).or_default().push(m);
    }
    let mut kinds = Table::new("meetings", KIND_COLUMNS).titled(
        format!("{name}会议议事及落实情况（{label}，截至{day}）"),
        format!("{name} meetings and their decisions ({label}, as of {day})"),
    );
    let row = |first: Value, t: &MeetingTally| {
        let mut r = vec![first, Value::int(t.meetings), Value::int(t.attendance), Value::int(t.departments)];
        r.extend(decision_figures(t));
        r
    };
    for set in by_kind.values() {
        kinds.push(row(kind_value(set[0].kind.as_ref()), &tally(set.iter().copied(), day)));
    }
    kinds.total = Some(row(Value::Empty, &tally(held.iter().copied(), day)));

    // By owner: departments in gov.yaml order, then orgs and members by name, then none.
    let mut by_owner: BTreeMap<OwnerKey, OwnerRow<'_>> = BTreeMap::new();
    for m in &held {
        for d in &m.decisions {
            let kind = owner_kind(ix, d.owner.as_ref());
            let key = match &d.owner {
                Some(Owner::Department(x)) => {
                    let listed = &ds.settings.departments;
                    (kind, listed.iter().position(|l| **l == **x).unwrap_or(listed.len()), x.to_string())
                }
                Some(Owner::Id(s)) => (kind, 0, ds.name(*s).to_string()),
                None => (kind, 0, String::new()),
            };
            let e = by_owner.entry(key).or_insert_with(|| (d.owner.as_ref(), HashSet::new(), MeetingTally::default()));
            if e.1.insert(m.id) {
                e.2.meetings += 1;
            }
            e.2.add_decision(d, day);
        }
    }
    let mut owners = Table::new("meeting-owners", OWNER_COLUMNS).titled(
        format!("{name}议定事项落实情况（按责任方，{label}，截至{day}）"),
        format!("{name} decisions by owner ({label}, as of {day})"),
    );
    for ((kind, _, _), (owner, _, t)) in &by_owner {
        let mut r = vec![owner_value(ix, *owner), Value::label(*kind), Value::int(t.meetings)];
        r.extend(decision_figures(t));
        owners.push(r);
    }
    let mut total = vec![Value::Empty, Value::Empty, Value::int(held.len())];
    total.extend(decision_figures(&tally(held.iter().copied(), day)));
    owners.total = Some(total);
    vec![kinds, owners]
}

/// Which meetings `gov meeting list` shows.
#[derive(Debug, Clone, Default)]
pub struct MeetingFilter {
    pub period: Option<Period>,
    pub kind: Option<MeetingType>,
    /// Convened by, attended by, or owning a decision of the meeting.
    pub org: Option<Sym>,
    /// With a decision neither done nor dropped (as of today).
    pub open: bool,
    /// With a decision overdue (as of today).
    pub overdue: bool,
    /// Discussing this problem.
    pub issue: Option<Sym>,
}

impl MeetingFilter {
    pub fn keeps(&self, m: &Meeting, today: NaiveDate) -> bool {
        let open = |d: &Decision| matches!(d.status_on(today), DecisionStatus::Open | DecisionStatus::InProgress);
        self.period.is_none_or(|p| p.contains(m.date))
            && self.kind.as_ref().is_none_or(|k| m.kind.as_ref() == Some(k))
            && self.org.is_none_or(|o| {
                m.convened_by == Some(o)
                    || m.attendees.orgs.contains(&o)
                    || m.decisions.iter().any(|d| d.owner == Some(Owner::Id(o)))
            })
            && (!self.open || m.decisions.iter().any(open))
            && (!self.overdue || m.decisions.iter().any(|d| d.overdue_on(today)))
            && self.issue.is_none_or(|i| m.issues.contains(&i))
    }
}

const LIST_COLUMNS: &[Column] = &[
    col("id", "会议编号", "id"),
    col("date", "日期", "date"),
    col("kind", "会议类别", "kind"),
    col("topic", "议题", "topic"),
    col("convened_by", "召集单位", "convened by"),
    col("attendance", "参会人次", "attendance"),
    col("departments", "参会部门", "departments"),
    col("issues", "涉及诉求", "problems"),
    col("decisions", "议定事项", "decisions"),
    col("done", "已落实", "done"),
    col("open", "未落实", "open"),
    col("overdue", "逾期", "overdue"),
];

/// The meetings the filter keeps, by date then id, with their decisions' state as of today.
pub fn meeting_list_table(ix: &Index<'_>, today: NaiveDate, filter: &MeetingFilter) -> Table {
    let ds = ix.ds;
    let mut kept: Vec<&Meeting> = ds.meetings.iter().filter(|m| filter.keeps(m, today)).collect();
    kept.sort_by(|a, b| (a.date, ds.name(a.id)).cmp(&(b.date, ds.name(b.id))));
    let mut t = Table::new("meeting-list", LIST_COLUMNS).titled(
        format!("{}会议议事（截至{today}）", ds.settings.name),
        format!("{} meetings (as of {today})", ds.settings.name),
    );
    for m in kept {
        let count = |s: DecisionStatus| m.decisions.iter().filter(|d| d.status_on(today) == s).count();
        let ids: Vec<&str> = m.issues.iter().map(|i| ds.name(*i)).collect();
        t.push(vec![
            Value::text(ds.name(m.id)),
            Value::Date(m.date),
            kind_value(m.kind.as_ref()),
            Value::FreeText(m.topic.clone()),
            m.convened_by.map_or(Value::Empty, |o| Value::text(owner_name(ix, o))),
            Value::int(m.attendees.people()),
            Value::text(m.attendees.departments.join("、")),
            Value::text(ids.join("、")),
            Value::int(m.decisions.len()),
            Value::int(count(DecisionStatus::Done)),
            Value::int(count(DecisionStatus::Open) + count(DecisionStatus::InProgress)),
            Value::int(m.decisions.iter().filter(|d| d.overdue_on(today)).count()),
        ]);
    }
    t
}

const RECORD_COLUMNS: &[Column] = &[
    col("id", "会议编号", "id"),
    col("date", "日期", "date"),
    col("kind", "会议类别", "kind"),
    col("topic", "议题", "topic"),
    col("place", "地点", "place"),
    col("convened_by", "召集单位", "convened by"),
    col("chair", "主持人", "chair"),
    col("members", "参会党员", "members attending"),
    col("orgs", "参会组织", "orgs attending"),
    col("departments", "参会部门", "departments attending"),
    col("residents", "参会群众", "residents attending"),
    col("issues", "涉及诉求", "problems discussed"),
    col("minutes", "会议纪要", "minutes"),
    col("file", "文件", "file"),
];

const DECISION_COLUMNS: &[Column] = &[
    col("no", "序号", "no"),
    col("text", "议定事项", "decision"),
    col("owner", "责任方", "owner"),
    col("due", "完成时限", "due"),
    col("status", "落实状态", "status"),
    col("done", "落实日期", "done on"),
    col("on_time", "按时", "on time"),
    col("days_overdue", "逾期天数", "days overdue"),
    col("reported_back", "反馈群众", "reported back"),
];

const STEP_COLUMNS: &[Column] = &[
    col("no", "序号", "no"),
    col("date", "日期", "date"),
    col("action", "步骤", "step"),
    col("note", "说明", "note"),
    col("reported_back", "反馈群众", "reported back"),
    col("status", "落实状态", "status after"),
];

fn yes_no(b: bool) -> Value {
    if b {
        Value::Label { code: "yes", zh: "是", en: "yes" }
    } else {
        Value::Label { code: "no", zh: "否", en: "no" }
    }
}

/// One meeting in full: its record, its decisions (status as of today) and every decision's steps.
pub fn meeting_show_tables(ix: &Index<'_>, n: usize, today: NaiveDate) -> Vec<Table> {
    let ds = ix.ds;
    let m = &ds.meetings[n];
    let id = ds.name(m.id);
    fn names<'a>(syms: &[Sym], f: &dyn Fn(Sym) -> &'a str) -> String {
        syms.iter().map(|s| f(*s)).collect::<Vec<_>>().join("、")
    }
    let mut record = Table::new("meeting", RECORD_COLUMNS).titled(format!("会议 {id}"), format!("Meeting {id}"));
    record.transpose = true;
    record.push(vec![
        Value::text(id),
        Value::Date(m.date),
        kind_value(m.kind.as_ref()),
        Value::FreeText(m.topic.clone()),
        Value::opt_text(m.place.as_deref()),
        m.convened_by.map_or(Value::Empty, |o| Value::text(owner_name(ix, o))),
        m.chair.map_or(Value::Empty, |c| Value::text(ix.member_name(c))),
        Value::text(names(&m.attendees.members, &|s| ix.member_name(s))),
        Value::text(names(&m.attendees.orgs, &|s| owner_name(ix, s))),
        Value::text(m.attendees.departments.join("、")),
        m.attendees.residents.map_or(Value::Empty, |r| Value::Int(r.into())),
        Value::text(names(&m.issues, &|s| ds.name(s))),
        m.minutes.clone().map_or(Value::Empty, Value::FreeText),
        Value::text(ds.path(m.loc.file).display().to_string()),
    ]);
    let mut decisions =
        Table::new("decisions", DECISION_COLUMNS).titled(format!("{id} 议定事项"), format!("{id} decisions"));
    let mut steps = Table::new("steps", STEP_COLUMNS).titled(format!("{id} 落实经过"), format!("{id} steps taken"));
    for d in &m.decisions {
        let done = d.done_on(today);
        decisions.push(vec![
            Value::int(d.no as usize),
            Value::FreeText(d.text.clone()),
            owner_value(ix, d.owner.as_ref()),
            d.due.map_or(Value::Empty, Value::Date),
            Value::label(d.status_on(today)),
            done.map_or(Value::Empty, |e| Value::Date(e.date)),
            done.map_or(Value::Empty, |_| yes_no(d.done_on_time(today))),
            if d.overdue_on(today) {
                d.due.map_or(Value::Empty, |due| Value::Int((today - due).num_days()))
            } else {
                Value::Empty
            },
            done.and_then(|e| e.reported_back).map_or(Value::Empty, Value::Date),
        ]);
        let mut status = DecisionStatus::Open;
        for e in &d.events {
            status = match (status, e.action) {
                (DecisionStatus::Done | DecisionStatus::Dropped, _) => status,
                (_, DecisionAction::Progress) => DecisionStatus::InProgress,
                (_, DecisionAction::Done) => DecisionStatus::Done,
                (_, DecisionAction::Dropped) => DecisionStatus::Dropped,
            };
            steps.push(vec![
                Value::int(d.no as usize),
                Value::Date(e.date),
                Value::label(e.action),
                e.note.as_deref().map_or(Value::Empty, |n| Value::FreeText(n.to_string())),
                e.reported_back.map_or(Value::Empty, Value::Date),
                Value::label(status),
            ]);
        }
    }
    vec![record, decisions, steps]
}

const DISCUSSED_COLUMNS: &[Column] = &[
    col("meeting", "会议编号", "meeting"),
    col("date", "日期", "date"),
    col("kind", "会议类别", "kind"),
    col("topic", "议题", "topic"),
    col("departments", "参会部门", "departments"),
    col("decisions", "议定事项", "decisions"),
    col("done", "已落实", "done"),
];

/// The meetings that discussed a problem, by date (for `gov issue show`); `None` when none did.
pub fn discussed_table(ix: &Index<'_>, issue: Sym, today: NaiveDate) -> Option<Table> {
    let ds = ix.ds;
    let mut ms: Vec<&Meeting> = ds.meetings.iter().filter(|m| m.issues.contains(&issue)).collect();
    if ms.is_empty() {
        return None;
    }
    ms.sort_by_key(|m| (m.date, ds.name(m.id)));
    let id = ds.name(issue);
    let mut t = Table::new("meetings", DISCUSSED_COLUMNS)
        .titled(format!("{id} 议事会议"), format!("{id} meetings that discussed it"));
    for m in ms {
        t.push(vec![
            Value::text(ds.name(m.id)),
            Value::Date(m.date),
            kind_value(m.kind.as_ref()),
            Value::FreeText(m.topic.clone()),
            Value::text(m.attendees.departments.join("、")),
            Value::int(m.decisions.len()),
            Value::int(m.decisions.iter().filter(|d| d.status_on(today) == DecisionStatus::Done).count()),
        ]);
    }
    Some(t)
}

/// A 党建 or 红色物业 joint meeting.
pub fn is_joint(m: &Meeting) -> bool {
    matches!(m.kind, Some(MeetingType::Builtin(MeetingKind::PartyJoint | MeetingKind::PropertyJoint)))
}
