//! `duplicate-visit`: two visit rows with exactly the same content (usually a row pasted twice).
//! Rows are compared by a 64-bit fingerprint of their normalised fields.

use super::at;
use crate::finding::{Code, Finding};
use crate::model::Dataset;

pub fn duplicate_visits(ds: &Dataset, out: &mut Vec<Finding>) {
    let mut keys: Vec<(u64, u32)> = ds.visits.iter().enumerate().map(|(i, v)| (v.fingerprint, i as u32)).collect();
    keys.sort_unstable();
    // Keys are sorted by (fingerprint, position): each row is compared with the first of its run.
    let mut first_of_run = 0;
    for i in 1..keys.len() {
        let ((f, _), (prev, _)) = (keys[i], keys[i - 1]);
        if f != prev {
            first_of_run = i;
            continue;
        }
        let (first, dup) = (&ds.visits[keys[first_of_run].1 as usize], &ds.visits[keys[i].1 as usize]);
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
