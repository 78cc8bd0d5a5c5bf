//! The linked-household rules: `no-contacts` (a household nobody is linked to),
//! `inactive-contact` (linked to a member who is not active) and `visit-not-contact` (a visit by
//! a member who is not one of the household's contacts).

use super::{Lookup, at};
use crate::finding::{Code, Finding};
use crate::model::Dataset;
use crate::model::labels::MemberStatus;
use crate::text::findings as say;

pub fn households_without_contacts(ds: &Dataset, out: &mut Vec<Finding>) {
    for h in ds.households.iter().filter(|h| h.contacts.is_empty()) {
        out.push(
            at(ds, h.loc, Code::NoContacts, say::no_contacts(ds.name(h.id), &h.head)).hint(say::no_contacts_hint()),
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
                        say::inactive_contact(ds.name(h.id), ds.name(m.id), &m.name, m.status),
                    )
                    .hint(say::inactive_contact_hint()),
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
            at(ds, v.loc, Code::VisitNotContact, say::visit_not_contact(ds.name(v.member), ds.name(h.id)))
                .hint(say::visit_not_contact_hint()),
        );
    }
}
