//! `dangling-reference`: every reference names a record that exists: grid parents and leaders,
//! members' grids, households' grids and contacts, visits' members, households, companions and
//! issues, issues' grid, household and recorder, and the departments in whistle and report events
//! (which must be listed in gov.yaml).

use std::cell::Cell;

use super::{Lookup, at};
use crate::finding::{Code, Finding, did_you_mean};
use crate::model::labels::Action;
use crate::model::{Dataset, Loc, Sym};

/// Suggestions cost a scan of all ids of a kind; past this many per run, none are offered.
const MAX_SUGGESTIONS: usize = 50;

struct Refs<'d> {
    ds: &'d Dataset,
    look: &'d Lookup,
    suggested: Cell<usize>,
}

#[derive(Clone, Copy)]
enum Target {
    Grid,
    Member,
    Household,
    Issue,
}

impl Refs<'_> {
    fn exists(&self, t: Target, s: Sym) -> bool {
        match t {
            Target::Grid => self.look.grid(s).is_some(),
            Target::Member => self.look.member(s).is_some(),
            Target::Household => self.look.household(s).is_some(),
            Target::Issue => self.look.issue(s).is_some(),
        }
    }

    fn check(&self, out: &mut Vec<Finding>, loc: Loc, field: &str, t: Target, s: Sym) {
        if self.exists(t, s) {
            return;
        }
        let (what, file) = match t {
            Target::Grid => ("grid", "grids"),
            Target::Member => ("member", "members"),
            Target::Household => ("household", "households"),
            Target::Issue => ("issue", "issues/"),
        };
        let name = self.ds.name(s);
        let hint = match self.suggest(t, name) {
            Some(close) => format!("did you mean `{close}`?"),
            None => format!("add the {what} to {file}, or correct the id"),
        };
        out.push(
            at(
                self.ds,
                loc,
                Code::DanglingReference,
                format!("`{field}` refers to {what} `{name}`, which does not exist"),
            )
            .hint(hint),
        );
    }

    fn suggest(&self, t: Target, name: &str) -> Option<String> {
        if self.suggested.get() >= MAX_SUGGESTIONS {
            return None;
        }
        self.suggested.set(self.suggested.get() + 1);
        let ds = self.ds;
        let names: Box<dyn Iterator<Item = &str>> = match t {
            Target::Grid => Box::new(ds.grids.iter().map(|r| ds.name(r.id))),
            Target::Member => Box::new(ds.members.iter().map(|r| ds.name(r.id))),
            Target::Household => Box::new(ds.households.iter().map(|r| ds.name(r.id))),
            Target::Issue => Box::new(ds.issues.iter().map(|r| ds.name(r.id))),
        };
        did_you_mean(name, names).map(str::to_owned)
    }
}

pub fn dangling_references(ds: &Dataset, look: &Lookup, out: &mut Vec<Finding>) {
    let r = Refs { ds, look, suggested: Cell::new(0) };
    for g in &ds.grids {
        g.parent.inspect(|&s| r.check(out, g.loc, "parent", Target::Grid, s));
        g.leader.inspect(|&s| r.check(out, g.loc, "leader", Target::Member, s));
    }
    for m in &ds.members {
        m.grid.inspect(|&s| r.check(out, m.loc, "grid", Target::Grid, s));
    }
    for h in &ds.households {
        h.grid.inspect(|&s| r.check(out, h.loc, "grid", Target::Grid, s));
        for &c in &h.contacts {
            r.check(out, h.loc, "contacts", Target::Member, c);
        }
    }
    for v in &ds.visits {
        r.check(out, v.loc, "member", Target::Member, v.member);
        r.check(out, v.loc, "household", Target::Household, v.household);
        for &w in v.with() {
            r.check(out, v.loc, "with", Target::Member, w);
        }
        for &i in v.issues() {
            r.check(out, v.loc, "issues", Target::Issue, i);
        }
    }
    for i in &ds.issues {
        i.grid.inspect(|&s| r.check(out, i.loc, "grid", Target::Grid, s));
        i.household.inspect(|&s| r.check(out, i.loc, "household", Target::Household, s));
        i.recorded_by.inspect(|&s| r.check(out, i.loc, "recorded_by", Target::Member, s));
        for e in &i.events {
            let named: Vec<&Box<str>> = match e.action {
                Action::Whistle => e.departments.iter().collect(),
                _ => e.department.iter().collect(),
            };
            for d in named {
                if !ds.settings.departments.iter().any(|x| **x == **d) {
                    let hint = match did_you_mean(d, ds.settings.departments.iter().map(String::as_str)) {
                        Some(close) => format!("did you mean `{close}`? or add it under `departments` in gov.yaml"),
                        None => "list it under `departments` in gov.yaml".to_string(),
                    };
                    let loc = Loc { file: i.loc.file, line: e.line };
                    out.push(
                        at(ds, loc, Code::DanglingReference, format!("department `{d}` is not listed in gov.yaml"))
                            .hint(hint),
                    );
                }
            }
        }
    }
}
