//! `bad-phone`: phone numbers that are neither a mainland mobile nor a landline. The number is
//! shown masked, as all personal data in output is.

use super::at;
use crate::finding::{Code, Finding};
use crate::model::privacy::{is_valid_phone, mask_phone};
use crate::model::{Dataset, Kind};
use crate::text::findings as say;

pub fn bad_phones(ds: &Dataset, out: &mut Vec<Finding>) {
    let members = ds.members.iter().map(|m| (m.loc, Kind::Members, m.id, m.phone.as_deref()));
    let households = ds.households.iter().map(|h| (h.loc, Kind::Households, h.id, h.phone.as_deref()));
    for (loc, what, id, phone) in members.chain(households) {
        let Some(phone) = phone else { continue };
        if !is_valid_phone(phone) {
            out.push(
                at(ds, loc, Code::BadPhone, say::bad_phone(what, ds.name(id), &mask_phone(phone)))
                    .hint(say::bad_phone_hint()),
            );
        }
    }
}
