//! `duplicate-visit`: two visit rows with exactly the same content (usually a row pasted twice).
//! Rows are compared by a 64-bit fingerprint of their normalised fields.

use super::at;
use crate::finding::{Code, Finding};
use crate::model::Dataset;

pub fn duplicate_visits(ds: &Dataset, out: &mut Vec<Finding>) {
    let mut keys: Vec<(u64, u32)> = ds.visits.iter().enumerate().map(|(i, v)| (v.fingerprint, i as u32)).collect();
    keys.sort_unstable();
    for pair in keys.windows(2) {
        let [(fa, a), (fb, b)] = [pair[0], pair[1]];
        if fa == fb {
            let (first, dup) = (&ds.visits[a as usize], &ds.visits[b as usize]);
            out.push(
                at(
                    ds,
                    dup.loc,
                    Code::DuplicateVisit,
                    format!(
                        "same visit as {}:{} ({} {} → {})",
                        ds.path(first.loc.file).display(),
                        first.loc.line,
                        dup.date,
                        ds.name(dup.member),
                        ds.name(dup.household)
                    ),
                )
                .hint("delete one of the two rows if the visit was entered twice"),
            );
        }
    }
}
