//! `event-order`: an issue's events must be possible in the order written: dated on or after
//! receipt and after the event before, feedback only after resolution, a department's report only
//! after a whistle summoned it, a reopen only of a resolved, awaiting-rework or closed problem;
//! another resolution only after a reopen or a follow-up that left it awaiting rework. Also reports the
//! fields an action needs (`missing-field`): departments for a whistle, department for a report,
//! satisfaction (and solved, unless unreachable) for feedback.

use super::at;
use crate::finding::{Code, Finding};
use crate::model::labels::{Action, Satisfaction};
use crate::model::{Dataset, Issue, IssueStatus, Loc};
use crate::text::Text;
use crate::text::findings::{self as say, Needs};

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
        let mut bad = |msg: Text, hint: Text| out.push(at(ds, loc, Code::EventOrder, msg).hint(hint));
        if e.date < issue.received {
            bad(say::event_before_received(e.action, e.date, issue.received), say::event_before_received_hint());
        } else if n > 0 && e.date < prev_date {
            bad(say::event_out_of_order(e.action, e.date, prev_date), say::event_out_of_order_hint());
        }
        prev_date = prev_date.max(e.date);
        match e.action {
            Action::Feedback if !resolved => {
                possible = false;
                bad(say::feedback_before_resolved(e.date), say::feedback_before_resolved_hint());
            }
            // Awaiting rework (a follow-up found it unsolved or unsatisfying), it may be
            // resolved again without a `reopened` first.
            Action::Resolved if resolved && status != IssueStatus::AwaitingRework => {
                possible = false;
                bad(say::resolved_again(e.date), say::resolved_again_hint());
            }
            Action::Reopened
                if !matches!(status, IssueStatus::Resolved | IssueStatus::AwaitingRework | IssueStatus::Closed) =>
            {
                possible = false;
                bad(say::reopened_while_open(e.date), say::reopened_while_open_hint());
            }
            Action::Report => {
                if let Some(d) = &e.department
                    && !summoned.contains(&&**d)
                {
                    bad(say::report_without_whistle(d, e.date), say::report_without_whistle_hint());
                }
            }
            Action::Dispatched | Action::Whistle | Action::Progress if status == IssueStatus::Closed => {
                bad(say::after_closed(e.action, e.date), say::after_closed_hint())
            }
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
    let mut missing = |needs: Needs| {
        out.push(at(ds, loc, Code::MissingField, say::event_needs(e.action, needs)).hint(say::event_needs_hint(needs)));
    };
    match e.action {
        Action::Whistle if e.departments.is_empty() => missing(Needs::Departments),
        Action::Report if e.department.is_none() => missing(Needs::Department),
        Action::Feedback => {
            if e.satisfaction.is_none() {
                missing(Needs::Satisfaction);
            }
            if e.solved.is_none() && e.satisfaction != Some(Satisfaction::Unreachable) {
                missing(Needs::Solved);
            }
        }
        _ => {}
    }
}
