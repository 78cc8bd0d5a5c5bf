//! An issue's status: derived from its events, never stored.

use chrono::NaiveDate;

use super::{Event, Issue};
use crate::model::labels::{Action, Labelled, Satisfaction};

/// An issue's status, derived from its events and never stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IssueStatus {
    Received,
    InProgress,
    Resolved,
    /// 待重办: a follow-up found it unsolved or the resident unsatisfied; open again until it is
    /// reopened, resolved again or closed.
    AwaitingRework,
    Closed,
}

impl IssueStatus {
    /// The status after one more event: received → in progress → resolved → closed (after a
    /// follow-up that found it solved and the resident not unsatisfied, a close or a duplicate);
    /// `reopened` goes back to in progress. A follow-up that found it unsolved (`solved: no`) or
    /// the resident unsatisfied leaves it awaiting rework, until it is reopened, resolved again
    /// or closed (other work on it leaves it so). A follow-up that could not reach the resident
    /// (`unreachable`) changes nothing: the problem awaits another call.
    pub fn after(self, e: &Event) -> IssueStatus {
        match e.action {
            Action::Resolved => IssueStatus::Resolved,
            Action::Feedback if e.satisfaction == Some(Satisfaction::Unreachable) => self,
            Action::Feedback if e.solved == Some(false) || e.satisfaction == Some(Satisfaction::Unsatisfied) => {
                IssueStatus::AwaitingRework
            }
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
    const ALL: &'static [Self] = &[
        IssueStatus::Received,
        IssueStatus::InProgress,
        IssueStatus::Resolved,
        IssueStatus::AwaitingRework,
        IssueStatus::Closed,
    ];
    const WHAT: &'static str = "issue status";
    const WHAT_ZH: &'static str = "办理状态";
    fn code(self) -> &'static str {
        match self {
            IssueStatus::Received => "received",
            IssueStatus::InProgress => "in_progress",
            IssueStatus::Resolved => "resolved",
            IssueStatus::AwaitingRework => "awaiting_rework",
            IssueStatus::Closed => "closed",
        }
    }
    fn zh(self) -> &'static str {
        match self {
            IssueStatus::Received => "已受理",
            IssueStatus::InProgress => "办理中",
            IssueStatus::Resolved => "已办结",
            IssueStatus::AwaitingRework => "待重办",
            IssueStatus::Closed => "已结案",
        }
    }
    fn en(self) -> &'static str {
        match self {
            IssueStatus::Received => "received",
            IssueStatus::InProgress => "in progress",
            IssueStatus::Resolved => "resolved",
            IssueStatus::AwaitingRework => "awaiting rework",
            IssueStatus::Closed => "closed",
        }
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            IssueStatus::Received => &["受理", "待办理"],
            IssueStatus::InProgress => &["in-progress", "办理"],
            IssueStatus::Resolved => &["办结"],
            IssueStatus::AwaitingRework => &["awaiting-rework", "rework", "待重新办理"],
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
    use crate::model::labels::Urgency;
    use crate::model::{FileId, Loc, Sym};

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

    fn feedback(solved: Option<bool>, satisfaction: Option<Satisfaction>) -> Event {
        let mut e = issue(&[Action::Feedback]).events.pop().unwrap();
        e.solved = solved;
        e.satisfaction = satisfaction;
        e
    }

    #[test]
    fn an_unsatisfied_or_unsolved_follow_up_awaits_rework() {
        use IssueStatus::*;
        use Satisfaction::*;
        let r = Resolved;
        let after = |solved, satisfaction| r.after(&feedback(solved, Some(satisfaction)));
        assert_eq!(after(Some(true), Satisfied), Closed);
        assert_eq!(after(Some(true), Basic), Closed);
        assert_eq!(after(Some(false), Satisfied), AwaitingRework);
        assert_eq!(after(Some(true), Unsatisfied), AwaitingRework);
        assert_eq!(after(None, Unsatisfied), AwaitingRework);
        assert_eq!(after(None, Unreachable), Resolved);
        // Out of rework: reopened, resolved again or closed; other work leaves it awaiting.
        let ev = |action| issue(&[action]).events.pop().unwrap();
        assert_eq!(AwaitingRework.after(&ev(Action::Reopened)), InProgress);
        assert_eq!(AwaitingRework.after(&ev(Action::Resolved)), Resolved);
        assert_eq!(AwaitingRework.after(&ev(Action::Closed)), Closed);
        assert_eq!(AwaitingRework.after(&ev(Action::Progress)), AwaitingRework);
        assert_eq!(AwaitingRework.after(&ev(Action::Dispatched)), AwaitingRework);
        // A later call that finds it solved and the resident satisfied closes it.
        assert_eq!(AwaitingRework.after(&feedback(Some(true), Some(Satisfied))), Closed);
    }

    #[test]
    fn statuses_have_labels_and_parse() {
        for &s in IssueStatus::ALL {
            assert_eq!(IssueStatus::parse(s.code()), Some(s));
            assert_eq!(IssueStatus::parse(s.zh()), Some(s));
        }
        assert_eq!(IssueStatus::parse("办结"), Some(IssueStatus::Resolved));
        assert_eq!(IssueStatus::parse("in-progress"), Some(IssueStatus::InProgress));
        assert_eq!(IssueStatus::parse("rework"), Some(IssueStatus::AwaitingRework));
        assert_eq!(IssueStatus::parse("open"), None);
    }
}
