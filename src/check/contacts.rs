//! The linked-household rules: `no-contacts` (a household nobody is linked to),
//! `inactive-contact` (linked to a member who is not active) and `visit-not-contact` (a visit by
//! a member who is not one of the household's contacts).

use super::{Lookup, at};
use crate::finding::{Code, Finding};
use crate::model::Dataset;
use crate::model::labels::{Labelled, MemberStatus};

pub fn households_without_contacts(ds: &Dataset, out: &mut Vec<Finding>) {
    for h in ds.households.iter().filter(|h| h.contacts.is_empty()) {
        out.push(
            at(ds, h.loc, Code::NoContacts, format!("household `{}` ({}) has no linked member", ds.name(h.id), h.head))
                .hint("link at least one member in `contacts`, so someone visits this household"),
        );
    }
}

pub fn inactive_contacts(ds: &Dataset, look: &Lookup, out: &mut Vec<Finding>) {
    for h in &ds.households {
        for &c in &h.contacts {
            let Some(m) = look.member(c).map(|i| &ds.members[i]) else { continue };
            if m.status != MemberStatus::Active {
                out.push(
                    at(
                        ds,
                        h.loc,
                        Code::InactiveContact,
                        format!(
                            "household `{}` is linked to member `{}` ({}), whose status is {} ({})",
                            ds.name(h.id),
                            ds.name(m.id),
                            m.name,
                            m.status.code(),
                            m.status.zh()
                        ),
                    )
                    .hint("link an active member instead"),
                );
            }
        }
    }
}

pub fn visits_by_non_contacts(ds: &Dataset, look: &Lookup, out: &mut Vec<Finding>) {
    for v in &ds.visits {
        let Some(h) = look.household(v.household).map(|i| &ds.households[i]) else { continue };
        if look.member(v.member).is_none() || h.contacts.contains(&v.member) {
            continue;
        }
        out.push(
            at(ds, v.loc, Code::VisitNotContact, format!("member `{}` visited household `{}` but is not one of its contacts", ds.name(v.member), ds.name(h.id)))
                .hint("link the member to the household (`contacts`), or record the visit under a linked member with this one in `with`"),
        );
    }
}
