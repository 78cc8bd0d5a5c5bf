//! The rules of meetings and their decisions: `dangling-reference` for departments attending
//! and for owners that are no org, member or department; `duplicate-id` for two decisions of one
//! meeting with the same number; `decision-due-early`; `decision-order` (a step before the
//! meeting, out of order, after the decision was done or dropped; a report-back before it was
//! done, or on another step); `joint-without-department`.

use std::collections::HashMap;

use super::{Lookup, at};
use crate::finding::{Code, Finding, did_you_mean};
use crate::kinds::meeting::{DecisionAction, MeetingKind, MeetingType, Owner};
use crate::model::{Dataset, Kind, Loc, Meeting};
use crate::text::findings as say;

/// Departments attending and decisions' owners (the references [`crate::kinds::Record::refs`]
/// cannot name: a department is no record, and an owner may be one of three).
pub fn meeting_references(ds: &Dataset, look: &Lookup, out: &mut Vec<Finding>) {
    let listed = &ds.settings.departments;
    for m in &ds.meetings {
        for d in &m.attendees.departments {
            if !listed.iter().any(|x| **x == **d) {
                let close = did_you_mean(d, listed.iter().map(String::as_str));
                out.push(
                    at(ds, m.loc, Code::DanglingReference, say::unknown_department(d))
                        .hint(say::unknown_department_hint(close)),
                );
            }
        }
        for d in &m.decisions {
            let Some(Owner::Id(sym)) = d.owner else { continue };
            if look.find(Kind::Orgs, sym).is_some() || look.find(Kind::Members, sym).is_some() {
                continue;
            }
            let name = ds.name(sym);
            let ids = ds.orgs.iter().map(|o| ds.name(o.id)).chain(ds.members.iter().map(|x| ds.name(x.id)));
            let close = did_you_mean(name, listed.iter().map(String::as_str).chain(ids));
            let loc = Loc { file: m.loc.file, line: d.line };
            out.push(
                at(ds, loc, Code::DanglingReference, say::unknown_owner(name)).hint(say::unknown_owner_hint(close)),
            );
        }
    }
}

/// Decisions' numbers, due dates and events; joint meetings' departments.
pub fn meeting_rules(ds: &Dataset, out: &mut Vec<Finding>) {
    for m in &ds.meetings {
        one(ds, m, out);
    }
}

fn one(ds: &Dataset, m: &Meeting, out: &mut Vec<Finding>) {
    if m.kind == Some(MeetingType::Builtin(MeetingKind::PartyJoint)) && m.attendees.departments.is_empty() {
        out.push(
            at(ds, m.loc, Code::JointWithoutDepartment, say::joint_without_department())
                .hint(say::joint_without_department_hint()),
        );
    }
    let mut numbers: HashMap<u32, u32> = HashMap::new();
    for d in &m.decisions {
        let loc = Loc { file: m.loc.file, line: d.line };
        if let Some(&first) = numbers.get(&d.no) {
            out.push(
                at(ds, loc, Code::DuplicateId, say::duplicate_decision(d.no, first))
                    .hint(say::duplicate_decision_hint()),
            );
        } else {
            numbers.insert(d.no, d.line);
        }
        if let Some(due) = d.due
            && due < m.date
        {
            out.push(
                at(ds, loc, Code::DecisionDueEarly, say::due_before_meeting(d.no, due, m.date))
                    .hint(say::due_before_meeting_hint()),
            );
        }
        let mut prev = m.date;
        let mut ended: Option<DecisionAction> = None;
        for e in &d.events {
            let loc = Loc { file: m.loc.file, line: e.line };
            let mut bad = |msg, hint| out.push(at(ds, loc, Code::DecisionOrder, msg).hint(hint));
            if e.date < m.date {
                bad(say::step_before_meeting(e.action, e.date, m.date), say::step_before_meeting_hint());
            } else if e.date < prev {
                bad(say::step_out_of_order(e.action, e.date, prev), say::step_out_of_order_hint());
            }
            prev = prev.max(e.date);
            if let Some(end) = ended {
                bad(say::step_after_end(e.action, e.date, end), say::step_after_end_hint());
            }
            if let Some(r) = e.reported_back {
                if e.action != DecisionAction::Done {
                    bad(say::reported_back_not_done(e.action), say::reported_back_not_done_hint());
                } else if r < e.date {
                    bad(say::reported_back_early(r, e.date), say::reported_back_early_hint());
                }
            }
            if ended.is_none() && e.action != DecisionAction::Progress {
                ended = Some(e.action);
            }
        }
    }
}
