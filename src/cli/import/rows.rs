//! One sheet of any kind but visits into the folder, the same path for every kind ([`Import`]):
//! the sheet's CSV (made by [`crate::load::sheet::tidy`] from the kind's columns) read as the
//! loader reads a CSV; dates written `YYYY-MM-DD`, labels as codes; names where ids go made ids
//! (an ambiguous one refuses its row, listing the candidates); rows the folder already holds
//! skipped by the kind's fingerprint; new ids given; then the rows judged together as `gov
//! check` would and written through the kind's own writer ([`Additions`] for a kind's file,
//! journalled new files for issues, the activity writer for activities): all or nothing, or,
//! with `--skip-bad`, the wrong rows named and left out. What is said about a row names its
//! cell, `台账.xlsx!党员!C7`, or its row, `台账.xlsx!党员:7`, when no one cell is at fault.

use std::collections::HashSet;
use std::path::PathBuf;

use super::kinds::{Import, Keys, Store, activity_row, issue_file, issue_year};
use crate::cli::judge::{Origin, judge, retype};
use crate::cli::record::{Session, WriteArgs};
use crate::cli::visit::batch::{Tally, resolve};
use crate::cli::write::{Additions, Numbering, create_files, target};
use crate::cli::{CliError, Ctx, Exit, echo, values};
use crate::finding::{Code, Finding, Severity};
use crate::load::fields::{Sink, split_list};
use crate::load::raw::RawValue;
use crate::load::sheet::Tidy;
use crate::model::{Format, Loc};
use crate::render::findings::write_findings;
use crate::store::yaml_edit::Value;
use crate::text::cli::write as words;

/// One row of a sheet: its row number, and a value for each of the kind's columns.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub line: u32,
    pub values: Vec<(&'static str, String)>,
}

impl Row {
    pub fn get(&self, field: &str) -> &str {
        self.values.iter().find(|(k, _)| *k == field).map_or("", |(_, v)| v.as_str())
    }

    pub fn set(&mut self, field: &str, value: impl Into<String>) {
        if let Some(slot) = self.values.iter_mut().find(|(k, _)| *k == field) {
            slot.1 = value.into();
        }
    }
}

/// The sheet, and how a finding about one of its rows names the place.
pub(super) struct Sheet<'a> {
    /// `台账.xlsx!党员`, and the fields' columns.
    pub origin: Origin<'a>,
    pub tidy: &'a Tidy,
}

impl Sheet<'_> {
    /// The finding moved to the row on `line` ([`Origin::place`]: its cell when it is about a
    /// field the sheet has a column for).
    fn place(&self, mut f: Finding, line: u32) -> Finding {
        f.file = self.origin.shown.clone();
        f.line = Some(line);
        f.column = None;
        f.snippet = None;
        self.origin.place(f)
    }
}

/// A finding and the sheet row it is about (none: about the folder).
type Found = (Option<u32>, Finding);

/// Imports one sheet of kind `K`, the folder locked (or, for a preview, read).
pub(super) fn import<K: Import>(
    ctx: &Ctx,
    s: &mut Session,
    sheet: &Sheet<'_>,
    write: &WriteArgs,
    skip_bad: bool,
) -> Result<(Exit, Tally), CliError> {
    let mut tally = Tally::default();
    let (mut rows, mut found) = read::<K>(s, sheet);
    // The rows the folder holds already, and rows the sheet repeats, are skipped.
    let keys = Keys::of::<K>(&s.ds);
    let mut seen: HashSet<String> = HashSet::new();
    let mut first: Option<Loc> = None;
    rows.retain(|row| {
        if let Some(at) = K::already(s, &keys, row) {
            first.get_or_insert(at);
            tally.present += 1;
            return false;
        }
        let print = match row.get("id") {
            "" => K::key(row),
            id => Some(format!("#{id}")),
        };
        match print {
            Some(p) if !seen.insert(p.clone()) => {
                tally.present += 1;
                false
            }
            _ => true,
        }
    });
    if tally.present > 0 {
        let at = first.map_or_else(|| sheet.origin.shown.display().to_string(), |l| place_of(s, l));
        sayln!(words::import_present(tally.present, K::KIND, &at));
    }
    // The rows as read, before they are numbered: numbered again without the rows --skip-bad
    // leaves out, so that the ids written have no gaps.
    let read = rows.clone();
    number::<K>(ctx, s, &mut rows);

    let mut plan = Plan::make::<K>(ctx, s, sheet, &rows)?;
    plan.found = said_once(&found, plan.found);
    if skip_bad {
        let bad: HashSet<u32> = found
            .iter()
            .chain(&plan.found)
            .filter(|(_, f)| f.severity() == Severity::Error)
            .filter_map(|(line, _)| *line)
            .collect();
        if !bad.is_empty() {
            let mut shown: Vec<Finding> = found.iter().chain(&plan.found).map(|(_, f)| f.clone()).collect();
            crate::check::finish(&mut shown);
            let _ = write_findings(&mut std::io::stderr().lock(), &shown);
            // What is left is numbered and judged again, without them; what was said about the
            // folder stays.
            plan.forget::<K>(ctx, s);
            let before = rows.len();
            rows = read.into_iter().filter(|r| !bad.contains(&r.line)).collect();
            number::<K>(ctx, s, &mut rows);
            tally.refused = before - rows.len();
            sayln!(words::import_refused(tally.refused));
            found.retain(|(line, f)| line.is_none() && f.severity() == Severity::Error);
            plan = Plan::make::<K>(ctx, s, sheet, &rows)?;
            plan.found = said_once(&found, plan.found);
        }
    }
    found.append(&mut plan.found);
    s.vet(found.into_iter().map(|(_, f)| f).collect())?;
    if rows.is_empty() {
        sayln!(words::import_nothing_new(&sheet.origin.shown));
        return Ok((Exit::Ok, tally));
    }
    tally.added = rows.len();
    let commit = words::import_commit(rows.len(), K::KIND, &sheet.origin.shown);
    let exit = plan.write(s, write, rows, &commit)?;
    Ok((exit, tally))
}

/// New ids, in the folder's pattern, for the rows without one; then a name of a record that is
/// itself new in this sheet (a grid's parent on the row above) made its id.
fn number<K: Import>(ctx: &Ctx, s: &Session, rows: &mut [Row]) {
    let mut taken: Vec<String> = rows.iter().map(|r| r.get("id").to_string()).filter(|i| !i.is_empty()).collect();
    let folder = K::all(&s.ds).iter().filter_map(|r| r.id()).map(|i| s.ds.name(i));
    let mut ids = Numbering::new(folder.chain(taken.iter().map(String::as_str)), K::FIRST);
    for row in rows.iter_mut() {
        if row.get("id").is_empty() {
            let id = K::new_id(s, ctx.today, &mut ids, &taken, row);
            taken.push(id.clone());
            row.set("id", id);
        }
    }
    resolve_new::<K>(rows);
}

/// The checks' findings less those about a cell already found wrong in reading it: a name that
/// fits several records is said once, not again as an id that is not one.
fn said_once(read: &[Found], judged: Vec<Found>) -> Vec<Found> {
    let about = |(line, f): &Found| Some(((*line)?, f.value.as_ref()?.field.to_string()));
    let said: HashSet<(u32, String)> = read.iter().filter_map(about).collect();
    judged
        .into_iter()
        .filter(|x| x.1.code != Code::InvalidValue || about(x).is_none_or(|a| !said.contains(&a)))
        .collect()
}

/// `file:line` of a record of the folder.
fn place_of(s: &Session, loc: Loc) -> String {
    format!("{}:{}", s.ds.path(loc.file).display(), loc.line)
}

/// The sheet's rows, typed as the loader types a CSV, with what was wrong in them: every value
/// trimmed, dates as `YYYY-MM-DD`, labels as codes, names where ids go as ids.
fn read<K: Import>(s: &Session, sheet: &Sheet<'_>) -> (Vec<Row>, Vec<Found>) {
    let mut rows: Vec<Row> = Vec::new();
    let mut sink = Sink::new(&sheet.origin.shown);
    crate::load::csv::for_each_row(&sheet.tidy.csv, &mut sink, K::COLUMNS, &[], |rec, _| {
        let mut row = Row { line: rec.line, values: K::COLUMNS.iter().map(|&c| (c, String::new())).collect() };
        for f in &rec.fields {
            match &f.value {
                RawValue::Scalar(v) => row.set(&f.key, v.trim()),
                RawValue::List(items) => row.set(&f.key, items.iter().map(|i| i.trim()).collect::<Vec<_>>().join(";")),
                _ => {}
            }
        }
        rows.push(row);
    });
    let mut found: Vec<Found> = sink
        .findings
        .into_iter()
        .map(|f| match f.line {
            Some(line) => (Some(line), sheet.place(f, line)),
            None => (None, f),
        })
        .collect();
    for row in &mut rows {
        for (field, value) in &mut row.values {
            if K::DATES.contains(field) && !value.is_empty() {
                *value = crate::cli::visit::add::normal_date(value);
            } else if K::LABELLED.contains(field) && !value.is_empty() {
                *value = values::canonical(field, value);
            }
        }
        for (field, kind) in K::REFS {
            let value = row.get(field).to_string();
            if value.is_empty() {
                continue;
            }
            let mut ids = Vec::new();
            for item in split_list(&value) {
                // An activity's `周敏:2`: the name, and what follows it kept.
                let (item, rest) = match item.rfind([':', '：']).filter(|_| K::COUNTED) {
                    Some(i) => (item[..i].trim(), format!(":{}", item[i..].chars().skip(1).collect::<String>().trim())),
                    None => (item, String::new()),
                };
                match resolve(&s.ds, *kind, item) {
                    Ok(id) => ids.push(format!("{id}{rest}")),
                    Err(candidates) => {
                        let f = Finding::new(
                            Code::InvalidValue,
                            &sheet.origin.shown,
                            Some(row.line),
                            crate::text::findings::ambiguous_name(field, item, candidates.len(), *kind),
                        )
                        .hint(crate::text::findings::ambiguous_name_hint(&candidates))
                        .about(field, item);
                        found.push((Some(row.line), sheet.place(f, row.line)));
                        ids.push(format!("{item}{rest}"));
                    }
                }
            }
            row.set(field, ids.join(";"));
        }
        K::finish(&s.ds, row);
    }
    (rows, found)
}

/// A name in a field that refers to the kind itself (a grid's parent, an org's parent) that
/// names a row of this sheet, now that it has an id.
fn resolve_new<K: Import>(rows: &mut [Row]) {
    let by_name: Vec<(String, String)> = rows
        .iter()
        .map(|r| (r.get("name").to_string(), r.get("id").to_string()))
        .filter(|(n, _)| !n.is_empty())
        .collect();
    for (field, kind) in K::REFS {
        if *kind != K::KIND {
            continue;
        }
        for row in rows.iter_mut() {
            let value = row.get(field).to_string();
            if value.is_empty() || crate::model::id::id_problem(&value).is_none() {
                continue;
            }
            let named: Vec<&(String, String)> = by_name.iter().filter(|(n, _)| *n == value).collect();
            if let [(_, id)] = named.as_slice() {
                row.set(field, id.clone());
            }
        }
    }
}

/// A row's fields as the writers take them, lists as lists.
fn fields<K: Import>(row: &Row) -> Vec<(&'static str, Value)> {
    row.values
        .iter()
        .map(|(k, v)| {
            let v = if K::LISTS.contains(k) {
                Value::List(split_list(v).map(str::to_string).collect())
            } else {
                Value::Scalar(v.clone())
            };
            (*k, v)
        })
        .collect()
}

/// The new records, built and judged, not yet written.
struct Plan {
    how: How,
    /// What the checks say, each finding moved to its row of the sheet.
    found: Vec<Found>,
}

enum How {
    File(Additions),
    Files(Vec<(PathBuf, String)>),
    Months(crate::cli::activity::write::Prepared),
}

impl Plan {
    fn make<K: Import>(ctx: &Ctx, s: &mut Session, sheet: &Sheet<'_>, rows: &[Row]) -> Result<Plan, CliError> {
        let mut found = Vec::new();
        let how = match K::STORE {
            Store::OneFile => {
                let mut adds = Additions::new(target(s, K::KIND)?, K::KIND);
                for row in rows {
                    adds.push(&values::in_folder_words(s.ds.settings.values, &fields::<K>(row)))?;
                }
                if let (Some(a), Some(b)) = (adds.spans.first(), adds.spans.last()) {
                    let lines = *a.start()..=*b.end();
                    let (rel, format) = (adds.t.rel.clone(), adds.t.format);
                    for f in judge(s, ctx.today, &rel, K::KIND, format, &adds.whole, lines) {
                        let at = (f.file == rel).then_some(f.line).flatten();
                        let row = at.and_then(|l| adds.spans.iter().position(|span| span.contains(&l)));
                        found.push(moved(sheet, f, row.map(|i| &rows[i])));
                    }
                }
                How::File(adds)
            }
            Store::FilePerRecord => {
                let mut files = Vec::new();
                for row in rows {
                    let (rel, text) = issue_file(row, issue_year(row).unwrap_or(chrono::Datelike::year(&ctx.today)));
                    let lines = 1..=text.lines().count() as u32;
                    for f in judge(s, ctx.today, &rel, K::KIND, Format::Yaml, &text, lines) {
                        let mine = f.file == rel;
                        found.push(moved(sheet, f, mine.then_some(row)));
                    }
                    files.push((rel, text));
                }
                How::Files(files)
            }
            Store::Months => {
                let rows_: Vec<_> = rows.iter().map(activity_row).collect();
                let mut prepared = crate::cli::activity::write::prepare(ctx, s, &rows_)?;
                for f in std::mem::take(&mut prepared.findings) {
                    let i = f.line.and_then(|l| {
                        prepared.spans.iter().position(|(rel, span)| *rel == f.file && span.contains(&l))
                    });
                    found.push(moved(sheet, f, i.map(|i| &rows[i])));
                }
                How::Months(prepared)
            }
        };
        Ok(Plan { how, found })
    }

    /// The judged records let go of again, the folder as loaded put back as it was: rows left
    /// out with --skip-bad must not stay in it, nor hold their ids.
    fn forget<K: Import>(&self, ctx: &Ctx, s: &mut Session) {
        match &self.how {
            How::File(adds) => {
                let old = adds.t.file.as_ref().map_or("", |f| f.text.as_str());
                retype(s, ctx.today, &adds.t.rel, K::KIND, adds.t.format, old);
            }
            How::Files(files) => {
                for (rel, _) in files {
                    retype(s, ctx.today, rel, K::KIND, Format::Yaml, "");
                }
            }
            How::Months(prepared) => prepared.forget(ctx, s),
        }
    }

    fn write(
        self,
        s: &mut Session,
        write: &WriteArgs,
        rows: Vec<Row>,
        commit: &crate::text::Text,
    ) -> Result<Exit, CliError> {
        match self.how {
            How::File(adds) => {
                if write.dry_run {
                    sayln!(words::batch_would_add(adds.spans.len(), &adds.t.rel));
                    echo(&adds.added.replace("\r\n", "\n"));
                    return Ok(Exit::Ok);
                }
                adds.write()?;
                sayln!(words::batch_added(adds.spans.len(), &adds.t.rel));
                s.commit(write, std::slice::from_ref(&adds.t.path), commit);
            }
            How::Files(files) => {
                if write.dry_run {
                    for (rel, text) in &files {
                        sayln!(words::would_create(rel));
                        echo(text);
                    }
                    return Ok(Exit::Ok);
                }
                create_files(s, &files)?;
                sayln!(words::import_files_created(files.len(), crate::model::Kind::Issues));
                let paths: Vec<PathBuf> = files.iter().map(|(rel, _)| s.root.join(rel)).collect();
                s.commit(write, &paths, commit);
            }
            How::Months(prepared) => {
                let rows: Vec<_> = rows.iter().map(activity_row).collect();
                return prepared.write(s, write, &rows, false, commit);
            }
        }
        Ok(Exit::Ok)
    }
}

/// A finding of the checks moved to the sheet's row it is about, when it is about one of them.
fn moved(sheet: &Sheet<'_>, f: Finding, row: Option<&Row>) -> Found {
    match row {
        Some(row) => (Some(row.line), sheet.place(f, row.line)),
        None => (None, f),
    }
}
