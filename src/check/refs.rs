//! `dangling-reference`: every reference names a record that exists — each kind's references as
//! its module lists them ([`crate::kinds::Record::refs`]: grids' parents and leaders, members'
//! grids, orgs' parents, leaders, grids and partners, households' grids and contacts, visits'
//! members, households, companions and issues, issues' grid, household and recorder) — and the
//! departments in whistle and report events are listed in gov.yaml.

use std::cell::Cell;

use super::{Lookup, at};
use crate::finding::{Code, Finding, did_you_mean};
use crate::kinds::{KindFn, Record, Ref, each_kind};
use crate::model::labels::Action;
use crate::model::{Dataset, Kind, Loc};
use crate::text::findings as say;

/// Suggestions cost a scan of all ids of a kind; past this many per run, none are offered.
const MAX_SUGGESTIONS: usize = 50;

struct Refs<'d> {
    ds: &'d Dataset,
    look: &'d Lookup,
    suggested: Cell<usize>,
}

impl Refs<'_> {
    fn check(&self, out: &mut Vec<Finding>, loc: Loc, r: Ref) {
        if self.look.find(r.target, r.sym).is_some() {
            return;
        }
        let name = self.ds.name(r.sym);
        let hint = say::dangling_reference_hint(r.target, self.suggest(r.target, name).as_deref());
        let message = say::dangling_reference(r.field, r.target, name);
        out.push(at(self.ds, loc, Code::DanglingReference, message).hint(hint).about(r.field, name));
    }

    fn suggest(&self, target: Kind, name: &str) -> Option<String> {
        struct Closest<'a> {
            ds: &'a Dataset,
            name: &'a str,
        }
        impl KindFn for Closest<'_> {
            type Out = Option<String>;
            fn call<T: Record>(&mut self) -> Option<String> {
                let ds = self.ds;
                did_you_mean(self.name, T::all(ds).iter().filter_map(|r| r.id()).map(|s| ds.name(s))).map(str::to_owned)
            }
        }
        if self.suggested.get() >= MAX_SUGGESTIONS {
            return None;
        }
        self.suggested.set(self.suggested.get() + 1);
        target.with(&mut Closest { ds: self.ds, name }).flatten()
    }
}

pub fn dangling_references(ds: &Dataset, look: &Lookup, out: &mut Vec<Finding>) {
    struct Each<'a, 'd> {
        r: &'a Refs<'d>,
        out: &'a mut Vec<Finding>,
    }
    impl KindFn for Each<'_, '_> {
        type Out = ();
        fn call<T: Record>(&mut self) {
            for rec in T::all(self.r.ds) {
                rec.refs(&mut |x| self.r.check(self.out, rec.loc(), x));
            }
        }
    }
    let r = Refs { ds, look, suggested: Cell::new(0) };
    each_kind(&mut Each { r: &r, out });
    for i in &ds.issues {
        for e in &i.events {
            let named: Vec<&Box<str>> = match e.action {
                Action::Whistle => e.departments.iter().collect(),
                _ => e.department.iter().collect(),
            };
            for d in named {
                if !ds.settings.departments.iter().any(|x| **x == **d) {
                    let close = did_you_mean(d, ds.settings.departments.iter().map(String::as_str));
                    let loc = Loc { file: i.loc.file, line: e.line };
                    out.push(
                        at(ds, loc, Code::DanglingReference, say::unknown_department(d))
                            .hint(say::unknown_department_hint(close)),
                    );
                }
            }
        }
    }
}

/// Which kind a reference field names, for the fields where a person's name or an address is
/// written by mistake.
fn named_kind(field: &str) -> Option<Kind> {
    match field {
        "member" | "with" | "contacts" | "leader" | "recorded_by" => Some(Kind::Members),
        "household" => Some(Kind::Households),
        _ => None,
    }
}

/// A member's name, or a household's address or head, written where an id goes is not an id
/// (the loader says so: `invalid-value`); this gives such a finding a hint naming the id(s) it
/// matches: "did you mean `M0001` (张伟)?". The loader keeps the field and value on such a
/// finding ([`Finding::value`]). Run once the whole folder is loaded.
pub fn names_where_ids_go(ds: &Dataset, findings: &mut [Finding]) {
    for f in findings.iter_mut().filter(|f| f.code == Code::InvalidValue) {
        let Some(about) = &f.value else { continue };
        let Some(kind) = named_kind(&about.field) else { continue };
        // Items written with a separator a list does not take (`张伟，李娜`) are looked up each.
        let mut found: Vec<(String, String)> = Vec::new();
        for item in about.value.split([';', '；', ',', '，', '、']).map(str::trim).filter(|s| !s.is_empty()) {
            found.extend(ds.named(kind, item).into_iter().map(|(id, shown)| (ds.name(id).to_string(), shown)));
        }
        if !found.is_empty() {
            f.hint = Some(say::name_for_id_hint(&found));
        }
    }
}
