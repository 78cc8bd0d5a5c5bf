//! The record types of a data folder: grids, members, households, visits and issues (problems
//! raised by residents) with their events. Ids are interned [`Sym`]s; every record knows where it
//! came from ([`Loc`]). Pure; no I/O.

use chrono::NaiveDate;

use super::id::Sym;
use super::labels::{
    Action, Color, HouseholdTag, IssueCategory, IssueSource, Labelled, MemberKind, MemberStatus, Satisfaction, Urgency,
    VisitMethod,
};

/// Index of a file in [`crate::model::Dataset::files`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

/// Where a record starts: file and 1-based line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Loc {
    pub file: FileId,
    pub line: u32,
}

/// 网格: a grid at one of three levels.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub id: Sym,
    pub name: String,
    /// 1 community, 2 area/compound, 3 building/micro-grid.
    pub level: u8,
    pub parent: Option<Sym>,
    /// A member id.
    pub leader: Option<Sym>,
    pub loc: Loc,
}

/// 党员: a party member.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub id: Sym,
    pub name: String,
    /// `None` only when the file's value was invalid (already reported).
    pub kind: Option<MemberKind>,
    /// 支部.
    pub branch: Option<String>,
    pub grid: Option<Sym>,
    pub phone: Option<String>,
    /// 工作单位, for in-service members.
    pub unit: Option<String>,
    /// Date of registering with the community (双报到).
    pub registered: Option<NaiveDate>,
    pub status: MemberStatus,
    pub roles: Vec<String>,
    pub loc: Loc,
}

/// 户: a household.
#[derive(Debug, Clone, PartialEq)]
pub struct Household {
    pub id: Sym,
    pub address: Box<str>,
    pub grid: Option<Sym>,
    /// 户主.
    pub head: Box<str>,
    pub phone: Option<Box<str>>,
    pub size: Option<u32>,
    pub color: Color,
    pub tags: Box<[HouseholdTag]>,
    /// Member ids linked to this household (党员联系户).
    pub contacts: Box<[Sym]>,
    pub loc: Loc,
}

/// 走访记录: one contact between a member and a household.
///
/// Kept compact (56 bytes; a district holds millions): what most visits lack or most commands
/// do not read lives behind a pointer.
#[derive(Debug, Clone, PartialEq)]
pub struct Visit {
    pub id: Option<Sym>,
    pub date: NaiveDate,
    pub member: Sym,
    pub household: Sym,
    pub method: VisitMethod,
    /// Summary and topics, when the load kept them (`LoadOptions::visit_text`).
    pub text: Option<Box<VisitText>>,
    /// Accompanying members and issues raised, when there are any.
    pub refs: Option<Box<VisitRefs>>,
    /// Hash of the row's normalised content, for finding exact duplicates.
    pub fingerprint: u64,
    pub loc: Loc,
}

/// What was said on a visit.
#[derive(Debug, Clone, PartialEq)]
pub struct VisitText {
    pub summary: Box<str>,
    pub topics: Box<[Box<str>]>,
}

/// Whom a visit was made with and which issues it raised.
#[derive(Debug, Clone, PartialEq)]
pub struct VisitRefs {
    /// Accompanying member ids.
    pub with: Box<[Sym]>,
    /// Issue ids raised during the visit.
    pub issues: Box<[Sym]>,
}

impl VisitRefs {
    /// `None` when both lists are empty, as they are for most visits.
    pub fn new(with: Box<[Sym]>, issues: Box<[Sym]>) -> Option<Box<VisitRefs>> {
        (!with.is_empty() || !issues.is_empty()).then(|| Box::new(VisitRefs { with, issues }))
    }
}

impl Visit {
    /// What was discussed; empty when the load left text out.
    pub fn summary(&self) -> &str {
        self.text.as_ref().map_or("", |t| &t.summary)
    }

    pub fn topics(&self) -> &[Box<str>] {
        self.text.as_ref().map_or(&[], |t| &t.topics)
    }

    /// Accompanying member ids.
    pub fn with(&self) -> &[Sym] {
        self.refs.as_ref().map_or(&[], |r| &r.with)
    }

    /// Issue ids raised during the visit.
    pub fn issues(&self) -> &[Sym] {
        self.refs.as_ref().map_or(&[], |r| &r.issues)
    }
}

/// A problem category: built in, or one added in gov.yaml.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Category {
    Builtin(IssueCategory),
    Custom(String),
}

/// 群众诉求: a problem raised by residents, with its append-only event history.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub id: Sym,
    pub title: String,
    pub received: NaiveDate,
    pub category: Option<Category>,
    pub urgency: Urgency,
    pub source: Option<IssueSource>,
    pub grid: Option<Sym>,
    pub household: Option<Sym>,
    /// A member id.
    pub recorded_by: Option<Sym>,
    pub description: Option<String>,
    pub events: Vec<Event>,
    pub loc: Loc,
}

/// One step in an issue's life.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub date: NaiveDate,
    pub action: Action,
    pub by: Option<Box<str>>,
    pub note: Option<Box<str>>,
    /// Departments summoned by a whistle.
    pub departments: Box<[Box<str>]>,
    /// The department that reported.
    pub department: Option<Box<str>>,
    pub solved: Option<bool>,
    pub satisfaction: Option<Satisfaction>,
    pub line: u32,
}

/// An issue's status, derived from its events and never stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IssueStatus {
    Received,
    InProgress,
    Resolved,
    Closed,
}

impl IssueStatus {
    /// The status after one more event: received → in progress → resolved → closed (after a
    /// follow-up that reached the resident, a close or a duplicate); `reopened` goes back to in
    /// progress. A follow-up that could not reach the resident (`unreachable`) leaves the problem
    /// resolved, awaiting another call.
    pub fn after(self, e: &Event) -> IssueStatus {
        match e.action {
            Action::Resolved => IssueStatus::Resolved,
            Action::Feedback if e.satisfaction == Some(Satisfaction::Unreachable) => self,
            Action::Feedback | Action::Closed | Action::Duplicate => IssueStatus::Closed,
            Action::Reopened => IssueStatus::InProgress,
            Action::Dispatched | Action::Whistle | Action::Report | Action::Progress => match self {
                IssueStatus::Received => IssueStatus::InProgress,
                other => other,
            },
        }
    }
}

/// Statuses are derived, never written in files; they carry labels for reports and parse on the
/// command line (`--status 办理中`).
impl Labelled for IssueStatus {
    const ALL: &'static [Self] =
        &[IssueStatus::Received, IssueStatus::InProgress, IssueStatus::Resolved, IssueStatus::Closed];
    const WHAT: &'static str = "issue status";
    fn code(self) -> &'static str {
        match self {
            IssueStatus::Received => "received",
            IssueStatus::InProgress => "in_progress",
            IssueStatus::Resolved => "resolved",
            IssueStatus::Closed => "closed",
        }
    }
    fn zh(self) -> &'static str {
        match self {
            IssueStatus::Received => "已受理",
            IssueStatus::InProgress => "办理中",
            IssueStatus::Resolved => "已办结",
            IssueStatus::Closed => "已结案",
        }
    }
    fn en(self) -> &'static str {
        match self {
            IssueStatus::Received => "received",
            IssueStatus::InProgress => "in progress",
            IssueStatus::Resolved => "resolved",
            IssueStatus::Closed => "closed",
        }
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            IssueStatus::Received => &["受理", "待办理"],
            IssueStatus::InProgress => &["in-progress", "办理"],
            IssueStatus::Resolved => &["办结"],
            IssueStatus::Closed => &["结案", "关闭", "已关闭"],
        }
    }
}

impl Issue {
    /// The status its events lead to.
    pub fn status(&self) -> IssueStatus {
        self.status_on(NaiveDate::MAX)
    }

    /// The status its events dated on or before `date` lead to.
    pub fn status_on(&self, date: NaiveDate) -> IssueStatus {
        self.events.iter().filter(|e| e.date <= date).fold(IssueStatus::Received, |s, e| s.after(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issue(actions: &[Action]) -> Issue {
        issue_with(actions, None)
    }

    fn issue_with(actions: &[Action], satisfaction: Option<Satisfaction>) -> Issue {
        let date = NaiveDate::from_ymd_opt(2022, 1, 1).unwrap();
        Issue {
            id: Sym(0),
            title: "t".into(),
            received: date,
            category: None,
            urgency: Urgency::Normal,
            source: None,
            grid: None,
            household: None,
            recorded_by: None,
            description: None,
            events: actions
                .iter()
                .map(|&action| Event {
                    date,
                    action,
                    by: None,
                    note: None,
                    departments: Box::default(),
                    department: None,
                    solved: None,
                    satisfaction,
                    line: 1,
                })
                .collect(),
            loc: Loc { file: FileId(0), line: 1 },
        }
    }

    #[test]
    fn records_stay_compact() {
        // A district holds two million visits (every byte here is two megabytes), 200,000
        // households and a quarter of a million problem events.
        assert_eq!(std::mem::size_of::<Visit>(), 56);
        assert!(std::mem::size_of::<Household>() <= 112, "{}", std::mem::size_of::<Household>());
        assert!(std::mem::size_of::<Event>() <= 80, "{}", std::mem::size_of::<Event>());
    }

    #[test]
    fn status_is_derived_from_events() {
        use Action::*;
        assert_eq!(issue(&[]).status(), IssueStatus::Received);
        assert_eq!(issue(&[Dispatched]).status(), IssueStatus::InProgress);
        assert_eq!(issue(&[Whistle, Report]).status(), IssueStatus::InProgress);
        assert_eq!(issue(&[Dispatched, Resolved]).status(), IssueStatus::Resolved);
        assert_eq!(issue(&[Resolved, Progress]).status(), IssueStatus::Resolved);
        assert_eq!(issue(&[Resolved, Feedback]).status(), IssueStatus::Closed);
        assert_eq!(issue(&[Resolved, Reopened]).status(), IssueStatus::InProgress);
        assert_eq!(issue(&[Resolved, Reopened, Resolved]).status(), IssueStatus::Resolved);
        assert_eq!(issue(&[Duplicate]).status(), IssueStatus::Closed);
        assert_eq!(issue(&[Closed]).status(), IssueStatus::Closed);
        let unreachable = issue_with(&[Resolved, Feedback], Some(Satisfaction::Unreachable));
        assert_eq!(unreachable.status(), IssueStatus::Resolved);
    }

    #[test]
    fn statuses_have_labels_and_parse() {
        for &s in IssueStatus::ALL {
            assert_eq!(IssueStatus::parse(s.code()), Some(s));
            assert_eq!(IssueStatus::parse(s.zh()), Some(s));
        }
        assert_eq!(IssueStatus::parse("办结"), Some(IssueStatus::Resolved));
        assert_eq!(IssueStatus::parse("in-progress"), Some(IssueStatus::InProgress));
        assert_eq!(IssueStatus::parse("open"), None);
    }
}
