//! `duplicate-id`: two records of one kind with the same id; both places are named.

use std::collections::HashMap;

use super::at;
use crate::finding::{Code, Finding};
use crate::model::{Dataset, Loc, Sym};

pub fn duplicate_ids(ds: &Dataset, out: &mut Vec<Finding>) {
    dup(ds, "grid", ds.grids.iter().map(|r| (r.id, r.loc)), out);
    dup(ds, "member", ds.members.iter().map(|r| (r.id, r.loc)), out);
    dup(ds, "household", ds.households.iter().map(|r| (r.id, r.loc)), out);
    dup(ds, "issue", ds.issues.iter().map(|r| (r.id, r.loc)), out);
    dup(ds, "visit", ds.visits.iter().filter_map(|r| Some((r.id?, r.loc))), out);
}

fn dup(ds: &Dataset, what: &str, records: impl Iterator<Item = (Sym, Loc)>, out: &mut Vec<Finding>) {
    let mut first: HashMap<Sym, Loc> = HashMap::new();
    for (id, loc) in records {
        if let Some(prev) = first.get(&id) {
            out.push(
                at(
                    ds,
                    loc,
                    Code::DuplicateId,
                    format!(
                        "{what} id `{}` is already used at {}:{}",
                        ds.name(id),
                        ds.path(prev.file).display(),
                        prev.line
                    ),
                )
                .hint(format!("give each {what} its own id, or delete one of the two records")),
            );
        } else {
            first.insert(id, loc);
        }
    }
}
