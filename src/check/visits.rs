//! `duplicate-visit`: two visit rows with exactly the same content (usually a row pasted twice).
//! Rows are compared by a 64-bit fingerprint of their normalised fields.

use super::at;
use crate::finding::{Code, Finding};
use crate::model::Dataset;
use crate::model::id::IdSet;
use crate::text::findings as say;

pub fn duplicate_visits(ds: &Dataset, out: &mut Vec<Finding>) {
    // Fingerprints alone are sorted (8 bytes a visit, not 16 with positions: millions of
    // visits); the few that repeat are then found with their positions in one pass.
    let mut prints: Vec<u64> = ds.visits.iter().map(|v| v.fingerprint).collect();
    prints.sort_unstable();
    let repeated: IdSet<u64> = prints.windows(2).filter(|w| w[0] == w[1]).map(|w| w[0]).collect();
    drop(prints);
    if repeated.is_empty() {
        return;
    }
    let mut keys: Vec<(u64, u32)> = ds
        .visits
        .iter()
        .enumerate()
        .filter(|(_, v)| repeated.contains(&v.fingerprint))
        .map(|(i, v)| (v.fingerprint, i as u32))
        .collect();
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
                say::duplicate_visit(
                    &format!("{}:{}", ds.path(first.loc.file).display(), first.loc.line),
                    dup.date,
                    ds.name(dup.member),
                    ds.name(dup.household),
                ),
            )
            .hint(say::duplicate_visit_hint()),
        );
    }
}
