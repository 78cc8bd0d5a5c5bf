//! `bad-phone`: phone numbers that are neither a mainland mobile nor a landline. The number is
//! shown masked, as all personal data in output is.

use super::at;
use crate::finding::{Code, Finding};
use crate::model::Dataset;
use crate::model::privacy::{is_valid_phone, mask_phone};

pub fn bad_phones(ds: &Dataset, out: &mut Vec<Finding>) {
    let members = ds.members.iter().map(|m| (m.loc, "member", m.id, m.phone.as_deref()));
    let households = ds.households.iter().map(|h| (h.loc, "household", h.id, h.phone.as_deref()));
    for (loc, what, id, phone) in members.chain(households) {
        let Some(phone) = phone else { continue };
        if !is_valid_phone(phone) {
            out.push(
                at(ds, loc, Code::BadPhone, format!("{what} `{}` has phone `{}`, which is not a valid number", ds.name(id), mask_phone(phone)))
                    .hint("mobile numbers are 11 digits starting 13-19 (optionally +86); landlines start with 0 and an area code"),
            );
        }
    }
}
