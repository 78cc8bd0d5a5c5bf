//! `org-by-name`: a member's `branch` or `unit` is free text, or an org's id. Text that is
//! exactly an org's name is accepted, with a hint that the id says the same without ambiguity
//! (two orgs may share a name; a renamed org keeps its id).

use std::collections::{HashMap, HashSet};

use super::at;
use crate::finding::{Code, Finding, shorten};
use crate::model::{Dataset, Sym};
use crate::text::findings as say;

pub fn orgs_by_name(ds: &Dataset, out: &mut Vec<Finding>) {
    if ds.orgs.is_empty() {
        return;
    }
    let mut by_name: HashMap<&str, Sym> = HashMap::new();
    for o in &ds.orgs {
        by_name.entry(o.name.as_str()).or_insert(o.id);
    }
    let ids: HashSet<Sym> = ds.orgs.iter().map(|o| o.id).collect();
    for m in &ds.members {
        for (field, text) in [("branch", &m.branch), ("unit", &m.unit)] {
            let Some(text) = text.as_deref() else { continue };
            if ds.ids.get(text).is_some_and(|s| ids.contains(&s)) {
                continue; // already an org's id
            }
            if let Some(&id) = by_name.get(text) {
                let id = ds.name(id);
                out.push(
                    at(ds, m.loc, Code::OrgByName, say::org_by_name(field, &shorten(text), id))
                        .hint(say::org_by_name_hint(id)),
                );
            }
        }
    }
}
