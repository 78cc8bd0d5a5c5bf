//! `duplicate-id`: two records of one kind with the same id; both places are named. Every kind
//! with ids, through the registry.

use std::collections::HashMap;

use super::at;
use crate::finding::{Code, Finding};
use crate::kinds::{KindFn, Record, each_kind};
use crate::model::{Dataset, Kind, Loc, Sym};
use crate::text::findings as say;

pub fn duplicate_ids(ds: &Dataset, out: &mut Vec<Finding>) {
    struct Dup<'a> {
        ds: &'a Dataset,
        out: &'a mut Vec<Finding>,
    }
    impl KindFn for Dup<'_> {
        type Out = ();
        fn call<T: Record>(&mut self) {
            let records = T::all(self.ds).iter().filter_map(|r| Some((r.id()?, r.loc())));
            dup(self.ds, T::KIND, records, self.out);
        }
    }
    each_kind(&mut Dup { ds, out });
}

fn dup(ds: &Dataset, kind: Kind, records: impl Iterator<Item = (Sym, Loc)>, out: &mut Vec<Finding>) {
    let mut first: HashMap<Sym, Loc> = HashMap::new();
    for (id, loc) in records {
        if let Some(prev) = first.get(&id) {
            out.push(
                at(
                    ds,
                    loc,
                    Code::DuplicateId,
                    say::duplicate_id(kind, ds.name(id), &format!("{}:{}", ds.path(prev.file).display(), prev.line)),
                )
                .hint(say::duplicate_id_hint(kind)),
            );
        } else {
            first.insert(id, loc);
        }
    }
}
