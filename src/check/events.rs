//! `event-order`: an issue's events must be possible in the order written: dated on or after
//! receipt and after the event before, feedback only after resolution, a department's report only
//! after a whistle summoned it, a reopen only of a resolved or closed problem. Also reports the
//! fields an action needs (`missing-field`): departments for a whistle, department for a report,
//! satisfaction (and solved, unless unreachable) for feedback.

use super::at;
use crate::finding::{Code, Finding};
use crate::model::labels::{Action, Satisfaction};
use crate::model::{Dataset, Issue, IssueStatus, Loc};

pub fn event_order(ds: &Dataset, out: &mut Vec<Finding>) {
    for issue in &ds.issues {
        one(ds, issue, out);
    }
}

fn one(ds: &Dataset, issue: &Issue, out: &mut Vec<Finding>) {
    let mut status = IssueStatus::Received;
    // Resolved since it was received or last reopened: feedback may follow, another `resolved`
    // may not (even after the follow-up closed it).
    let mut resolved = false;
    let mut summoned: Vec<&str> = Vec::new();
    let mut prev_date = issue.received;
    for (n, e) in issue.events.iter().enumerate() {
        let loc = Loc { file: issue.loc.file, line: e.line };
        // An impossible step is reported and then not applied, so one mistake is reported once.
        let mut possible = true;
        let mut bad = |msg: String, hint: &str| out.push(at(ds, loc, Code::EventOrder, msg).hint(hint));
        if e.date < issue.received {
            bad(
                format!("`{}` on {} is before the problem was received ({})", e.action, e.date, issue.received),
                "correct the event date or the received date",
            );
        } else if n > 0 && e.date < prev_date {
            bad(
                format!("`{}` on {} comes after an event dated {}", e.action, e.date, prev_date),
                "events are a history: list them in date order",
            );
        }
        prev_date = prev_date.max(e.date);
        match e.action {
            Action::Feedback if !resolved => {
                possible = false;
                bad(
                    format!("feedback (回访) on {} before the problem was resolved", e.date),
                    "record a `resolved` event first; feedback follows resolution",
                );
            }
            Action::Resolved if resolved => {
                possible = false;
                bad(
                    format!("resolved again on {} without being reopened", e.date),
                    "add a `reopened` event between the two, or delete one",
                );
            }
            Action::Reopened if !matches!(status, IssueStatus::Resolved | IssueStatus::Closed) => {
                possible = false;
                bad(
                    format!("reopened on {} but the problem was not resolved or closed", e.date),
                    "only a resolved or closed problem can be reopened",
                );
            }
            Action::Report => {
                if let Some(d) = &e.department
                    && !summoned.contains(&&**d)
                {
                    bad(
                        format!(
                            "department `{d}` reports (报到) on {} but no earlier whistle (吹哨) summoned it",
                            e.date
                        ),
                        "add the department to an earlier `whistle` event's departments",
                    );
                }
            }
            Action::Dispatched | Action::Whistle | Action::Progress if status == IssueStatus::Closed => bad(
                format!("`{}` on {} after the problem was closed", e.action, e.date),
                "reopen the problem (`reopened`) before working on it again",
            ),
            _ => {}
        }
        needs(ds, loc, e, out);
        if e.action == Action::Whistle {
            summoned.extend(e.departments.iter().map(|d| &**d));
        }
        if possible {
            status = status.after(e);
            match e.action {
                Action::Resolved => resolved = true,
                Action::Reopened => resolved = false,
                _ => {}
            }
        }
    }
}

fn needs(ds: &Dataset, loc: Loc, e: &crate::model::Event, out: &mut Vec<Finding>) {
    let mut missing = |field: &str, why: &str| {
        out.push(
            at(ds, loc, Code::MissingField, format!("`{}` event has no `{field}`", e.action)).hint(why.to_string()),
        );
    };
    match e.action {
        Action::Whistle if e.departments.is_empty() => {
            missing("departments", "a whistle (吹哨) names the departments it summons")
        }
        Action::Report if e.department.is_none() => {
            missing("department", "a report (报到) names the department that reported")
        }
        Action::Feedback => {
            if e.satisfaction.is_none() {
                missing("satisfaction", "feedback records satisfied, basic, unsatisfied or unreachable");
            }
            if e.solved.is_none() && e.satisfaction != Some(Satisfaction::Unreachable) {
                missing("solved", "feedback records whether the resident says it is solved: yes or no");
            }
        }
        _ => {}
    }
}
