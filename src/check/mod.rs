//! The checks: rules over a loaded [`Dataset`], each returning findings. One file per group of
//! rules, one function per rule. Pure; no I/O; "today" is a parameter.

mod activities;
mod colors;
mod contacts;
mod cycles;
mod dates;
mod events;
mod ids;
mod meetings;
mod orgs;
mod ratings;

mod phones;
mod refs;
mod summarise;
mod visits;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use rayon::prelude::*;

pub use crate::model::Lookup;
pub use refs::names_where_ids_go;

use crate::finding::{Finding, Severity};
use crate::model::Dataset;

/// One rule, adding its findings to the vector it is given.
type Rule<'a> = &'a (dyn Fn(&mut Vec<Finding>) + Sync);

/// Runs every rule over the dataset, the rules in parallel (several walk millions of visits);
/// findings come out in the same order whatever the number of threads.
pub fn check(ds: &Dataset, today: NaiveDate) -> Vec<Finding> {
    let look = Lookup::new(ds);
    let look = &look;
    let rules: [Rule<'_>; 23] = [
        &|out| ids::duplicate_ids(ds, out),
        &|out| refs::dangling_references(ds, look, out),
        &|out| dates::future_dates(ds, today, out),
        &|out| dates::wrong_month_files(ds, out),
        &|out| events::event_order(ds, out),
        &|out| contacts::households_without_contacts(ds, out),
        &|out| contacts::inactive_contacts(ds, look, out),
        &|out| contacts::visits_by_non_contacts(ds, look, out),
        &|out| visits::duplicate_visits(ds, out),
        &|out| phones::bad_phones(ds, out),
        &|out| cycles::grid_cycles(ds, look, out),
        &|out| cycles::org_cycles(ds, look, out),
        &|out| orgs::orgs_by_name(ds, out),
        &|out| meetings::meeting_references(ds, look, out),
        &|out| meetings::meeting_rules(ds, out),
        &|out| colors::color_history(ds, look, out),
        &|out| activities::bad_hours(ds, out),
        &|out| activities::no_quantity(ds, out),
        &|out| ratings::rating_rules(ds, look, out),
        &|out| ratings::reviews_of_members(ds, look, out),
        &|out| ratings::inactive_mentors(ds, look, out),
        &|out| ratings::project_order(ds, out),
        &|out| ratings::star_rules(ds, out),
    ];
    run(&rules)
}

/// The errors [`check`] finds, from the rules that report errors only (a report on a folder
/// with errors says so, and need not pay for the warnings). The unit tests hold the two to
/// the same errors. Without `today`, dates after it are not looked for: a report as of a day
/// the user chose sees later records as its future, not as mistakes.
pub fn errors(ds: &Dataset, today: Option<NaiveDate>) -> Vec<Finding> {
    let look = Lookup::new(ds);
    let look = &look;
    let rules: [Rule<'_>; 13] = [
        &|out| ids::duplicate_ids(ds, out),
        &|out| refs::dangling_references(ds, look, out),
        &|out| today.into_iter().for_each(|today| dates::future_dates(ds, today, out)),
        &|out| events::event_order(ds, out),
        &|out| cycles::grid_cycles(ds, look, out),
        &|out| cycles::org_cycles(ds, look, out),
        &|out| meetings::meeting_references(ds, look, out),
        &|out| meetings::meeting_rules(ds, out),
        &|out| activities::bad_hours(ds, out),
        &|out| activities::no_quantity(ds, out),
        &|out| ratings::rating_rules(ds, look, out),
        &|out| ratings::reviews_of_members(ds, look, out),
        &|out| ratings::project_order(ds, out),
    ];
    let mut found = run(&rules);
    found.retain(|f| f.severity() == Severity::Error);
    found
}

fn run(rules: &[Rule<'_>]) -> Vec<Finding> {
    let found: Vec<Vec<Finding>> = rules
        .par_iter()
        .map(|rule| {
            let mut out = Vec::new();
            rule(&mut out);
            out
        })
        .collect();
    found.concat()
}

/// The findings about the records at `locs` only: what a new record would be told before it is
/// written, in the words `gov check` would use.
pub fn findings_at(ds: &Dataset, today: NaiveDate, locs: &[crate::model::Loc]) -> Vec<Finding> {
    let places: std::collections::HashSet<(&std::path::Path, u32)> =
        locs.iter().map(|l| (ds.path(l.file), l.line)).collect();
    check(ds, today)
        .into_iter()
        .filter(|f| f.line.is_some_and(|line| places.contains(&(f.file.as_path(), line))))
        .collect()
}

/// Sorts findings for output and counts them by severity: (errors, warnings). The counts are of
/// every finding; the list keeps the first [`summarise::SHOWN`] of one code in one file, then one
/// `more-findings` saying how many more there are (100,000 unknown columns are one mistake, not
/// 16 MB of output).
pub fn finish(findings: &mut Vec<Finding>) -> (usize, usize) {
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let errors = findings.iter().filter(|f| f.severity() == Severity::Error).count();
    let counts = (errors, findings.len() - errors);
    summarise::summarise(findings);
    counts
}

/// A finding at a record's place.
fn at(ds: &Dataset, loc: crate::model::Loc, code: crate::finding::Code, message: crate::text::Text) -> Finding {
    Finding::new(code, ds.path(loc.file), Some(loc.line), message)
}
