//! Fast id look-ups: which record, if any, each interned id names, per kind. Pure.

use crate::kinds::{KindFn, Load, Record, each_kind};
use crate::model::{Dataset, Kind, Sym};

const NONE: u32 = u32::MAX;

/// For every interned id, the index of the first record of each kind with it. Streamed kinds
/// (visits: millions, named by nothing) get no table, and nor does a kind with no records.
pub struct Lookup {
    /// By [`Kind::index`].
    tables: Vec<Vec<u32>>,
}

fn table<T: Record>(n: usize, records: &[T]) -> Vec<u32> {
    if records.is_empty() || T::LOAD == Load::Stream {
        return Vec::new();
    }
    let mut t = vec![NONE; n];
    for (i, r) in records.iter().enumerate() {
        let Some(id) = r.id() else { continue };
        let slot = &mut t[id.0 as usize];
        if *slot == NONE {
            *slot = i as u32;
        }
    }
    t
}

impl Lookup {
    pub fn new(ds: &Dataset) -> Self {
        struct Tables<'a>(&'a Dataset);
        impl KindFn for Tables<'_> {
            type Out = Vec<u32>;
            fn call<T: Record>(&mut self) -> Vec<u32> {
                table(self.0.ids.len(), T::all(self.0))
            }
        }
        let mut tables = vec![Vec::new()]; // settings
        tables.extend(each_kind(&mut Tables(ds)));
        Lookup { tables }
    }

    /// The index of the record of `kind` with id `s`.
    pub fn find(&self, kind: Kind, s: Sym) -> Option<usize> {
        self.tables[kind.index()].get(s.0 as usize).copied().filter(|&i| i != NONE).map(|i| i as usize)
    }

    pub fn grid(&self, s: Sym) -> Option<usize> {
        self.find(Kind::Grids, s)
    }
    pub fn member(&self, s: Sym) -> Option<usize> {
        self.find(Kind::Members, s)
    }
    pub fn org(&self, s: Sym) -> Option<usize> {
        self.find(Kind::Orgs, s)
    }
    pub fn household(&self, s: Sym) -> Option<usize> {
        self.find(Kind::Households, s)
    }
    pub fn issue(&self, s: Sym) -> Option<usize> {
        self.find(Kind::Issues, s)
    }
}
