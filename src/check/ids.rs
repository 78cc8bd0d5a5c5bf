//! `duplicate-id`: two records of one kind with the same id; both places are named. Every kind
//! with ids, through the registry.

use std::collections::HashMap;

use super::at;
use crate::finding::{Code, Finding};
use crate::kinds::{KindFn, Record, each_kind};
use crate::model::{Dataset, Loc, Sym};

pub fn duplicate_ids(ds: &Dataset, out: &mut Vec<Finding>) {
    struct Dup<'a> {
        ds: &'a Dataset,
        out: &'a mut Vec<Finding>,
    }
    impl KindFn for Dup<'_> {
        type Out = ();
        fn call<T: Record>(&mut self) {
            let records = T::all(self.ds).iter().filter_map(|r| Some((r.id()?, r.loc())));
            dup(self.ds, T::NOUN, records, self.out);
        }
    }
    each_kind(&mut Dup { ds, out });
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
