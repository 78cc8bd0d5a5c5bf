//! Fast id look-ups: which record, if any, each interned id names, per kind. Pure.

use crate::model::{Dataset, Sym};

const NONE: u32 = u32::MAX;

/// For every interned id, the index of the first grid / member / household / issue with it.
pub struct Lookup {
    grids: Vec<u32>,
    members: Vec<u32>,
    households: Vec<u32>,
    issues: Vec<u32>,
}

fn table<T>(n: usize, records: &[T], id: impl Fn(&T) -> Sym) -> Vec<u32> {
    let mut t = vec![NONE; n];
    for (i, r) in records.iter().enumerate() {
        let slot = &mut t[id(r).0 as usize];
        if *slot == NONE {
            *slot = i as u32;
        }
    }
    t
}

fn get(t: &[u32], s: Sym) -> Option<usize> {
    t.get(s.0 as usize).copied().filter(|&i| i != NONE).map(|i| i as usize)
}

impl Lookup {
    pub fn new(ds: &Dataset) -> Self {
        let n = ds.ids.len();
        Lookup {
            grids: table(n, &ds.grids, |g| g.id),
            members: table(n, &ds.members, |m| m.id),
            households: table(n, &ds.households, |h| h.id),
            issues: table(n, &ds.issues, |i| i.id),
        }
    }

    pub fn grid(&self, s: Sym) -> Option<usize> {
        get(&self.grids, s)
    }
    pub fn member(&self, s: Sym) -> Option<usize> {
        get(&self.members, s)
    }
    pub fn household(&self, s: Sym) -> Option<usize> {
        get(&self.households, s)
    }
    pub fn issue(&self, s: Sym) -> Option<usize> {
        get(&self.issues, s)
    }
}
