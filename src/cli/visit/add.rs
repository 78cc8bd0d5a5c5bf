//! `gov visit add`: record one visit, or a batch from a CSV file, appended to
//! visits/YYYY-MM.csv under the folder's lock after the same validation `gov check` does.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use clap::Args;

use crate::cli::record::{Session, WriteArgs};
use crate::cli::write::note;
use crate::cli::{CliError, Ctx, Exit, OrOs};
use crate::finding::Finding;
use crate::kinds::Record;
use crate::load::fields::{Fields, Sink};
use crate::load::raw::{RawField, RawRecord, RawValue};
use crate::model::date::{parse_date, parse_date_cell};
use crate::model::id::id_problem;
use crate::model::labels::{Labelled, VisitMethod};
use crate::model::privacy::mask_door;
use crate::model::{Dataset, Format, Kind, Loc, Sym, Visit};
use crate::report::Index;
use crate::report::index::FindError;
use crate::store::{TextFile, csv_edit, file::create_new};
use crate::text::{cli::write as words, errors};

/// Record a visit (走访)
///
/// Appends one row to visits/YYYY-MM.csv (made with a header if new). Members and households may
/// be given by id or by a unique name or address fragment. Missing fields are asked for when
/// standard input is a terminal; otherwise they are an error. With --from, records every row of
/// a CSV file in the visits format (or `-` for standard input) — all of them, or none if any row
/// is wrong.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The visiting member: id, or a unique part of the name
    #[arg(long)]
    pub member: Option<String>,
    /// The household: id, or a unique part of the address or the head's name
    #[arg(long)]
    pub household: Option<String>,
    /// home, phone, wechat, video, group (or 入户, 电话, 微信, 视频, 集中走访)
    #[arg(long)]
    pub method: Option<String>,
    /// What was discussed or done
    #[arg(long)]
    pub summary: Option<String>,
    /// Date of the visit [default: today]
    #[arg(long)]
    pub date: Option<String>,
    /// Topics, separated by `;`
    #[arg(long)]
    pub topics: Option<String>,
    /// Accompanying members (ids), separated by `;` or given more than once
    #[arg(long = "with", value_name = "MEMBER")]
    pub with: Vec<String>,
    /// Problems raised on the visit (issue ids)
    #[arg(long = "issue", value_name = "ISSUE")]
    pub issues: Vec<String>,
    /// Record every row of this CSV file (visits format; `-` for standard input)
    #[arg(long, value_name = "FILE", conflicts_with_all = ["member", "household", "method", "summary", "date", "topics", "with", "issues"])]
    pub from: Option<String>,
    /// With --from, write rows identical to visits already recorded too [default: skipped, and
    /// said]
    #[arg(long, requires = "from")]
    pub allow_duplicates: bool,
    #[command(flatten)]
    pub write: WriteArgs,
}

/// The columns a new visits file gets: the visit kind's fields but its optional id (gov does not
/// number visits).
pub(super) fn new_file_columns() -> Vec<&'static str> {
    Visit::FIELDS.iter().copied().filter(|&f| f != "id").collect()
}

pub fn run(ctx: &Ctx, args: &AddArgs) -> Result<Exit, CliError> {
    // Read, not locked: a prompt or a slow pipe must not keep other writers waiting.
    let mut s = Session::read(ctx)?;
    match &args.from {
        Some(from) => super::batch::batch(ctx, &mut s, from, args),
        None => one(ctx, &mut s, args),
    }
}

/// One visit's values, as text in the file's vocabulary (ids, codes).
#[derive(Debug, Clone, Default)]
pub(super) struct Row {
    /// Only a batch gives one (a month file may keep an `id` column).
    pub(super) id: String,
    pub(super) date: String,
    pub(super) member: String,
    pub(super) household: String,
    pub(super) method: String,
    pub(super) summary: String,
    pub(super) topics: String,
    pub(super) with: String,
    pub(super) issues: String,
}

impl Row {
    /// Its values by field name, in the order of the visit kind's fields (a unit test holds the
    /// two together).
    pub(super) fn values(&self) -> Vec<(&'static str, String)> {
        let Row { id, date, member, household, method, summary, topics, with, issues } = self;
        [
            ("id", id),
            ("date", date),
            ("member", member),
            ("household", household),
            ("method", method),
            ("summary", summary),
            ("topics", topics),
            ("with", with),
            ("issues", issues),
        ]
        .into_iter()
        .map(|(k, v)| (k, v.clone()))
        .collect()
    }

    /// Its values as they are written into a month file: the method in the folder's words
    /// (`values` in gov.yaml).
    pub(super) fn written(&self, values: crate::model::Lang) -> Vec<(&'static str, String)> {
        let mut out = self.values();
        for (k, v) in &mut out {
            if *k == "method"
                && values == crate::model::Lang::Zh
                && let Some(m) = VisitMethod::parse(v)
            {
                *v = m.zh().to_string();
            }
        }
        out
    }

    pub(super) fn record(&self, line: u32) -> RawRecord<'static> {
        let fields = self
            .values()
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| RawField { key: k.into(), value: RawValue::Scalar(v.into()), line, column: 0 })
            .collect();
        RawRecord { line, fields }
    }
}

/// A date as gov writes it (YYYY-MM-DD) when `text` is one in any form a CSV cell may hold it
/// ([`parse_date_cell`]); otherwise `text` as it is, for the check to report.
pub fn normal_date(text: &str) -> String {
    parse_date_cell(text).map_or_else(|| text.to_string(), |d| d.to_string())
}

/// Picks a member or household by what the user typed. A syntactically valid id that matches
/// nothing is passed on as written, so the check reports it with its usual "did you mean".
fn pick(found: Result<Sym, FindError>, typed: &str, ds: &Dataset) -> Result<String, CliError> {
    match found {
        Ok(sym) => Ok(ds.name(sym).to_string()),
        Err(FindError::None { .. }) if id_problem(typed.trim()).is_none() => Ok(typed.trim().to_string()),
        Err(e) => Err(CliError::from(e).hint(errors::hint_id_or_name())),
    }
}

fn one(ctx: &Ctx, s: &mut Session, args: &AddArgs) -> Result<Exit, CliError> {
    let interactive = io::stdin().is_terminal() && io::stderr().is_terminal();
    let mut row = Row {
        // Written as YYYY-MM-DD whatever form it was typed in; a non-date is left for the check.
        date: args.date.as_deref().map_or_else(|| ctx.today.to_string(), normal_date),
        topics: args.topics.clone().unwrap_or_default(),
        with: args.with.join(";"),
        issues: args.issues.join(";"),
        summary: args.summary.clone().unwrap_or_default(),
        ..Row::default()
    };
    {
        let ix = Index::new(&s.ds);
        if let Some(m) = &args.member {
            row.member = pick(ix.find_member(m), m, &s.ds)?;
        }
        if let Some(h) = &args.household {
            row.household = pick(ix.find_household(h), h, &s.ds)?;
        }
        if let Some(m) = &args.method {
            row.method = VisitMethod::parse(m).map_or_else(|| m.clone(), |v| v.code().to_string());
        }
        let missing: Vec<&str> = [
            ("--member", row.member.is_empty()),
            ("--household", row.household.is_empty()),
            ("--method", row.method.is_empty()),
            ("--summary", row.summary.trim().is_empty()),
        ]
        .into_iter()
        .filter_map(|(flag, missing)| missing.then_some(flag))
        .collect();
        if !missing.is_empty() {
            if !interactive {
                return Err(CliError::usage(errors::missing_flags(&missing)).hint(errors::hint_missing_flags()));
            }
            super::prompt::fill(&ix, &mut row, args.date.is_none().then_some(ctx.today))?;
        }
    }

    if interactive && args.member.is_none() {
        // Errors are shown before the question; the folder is judged again under the lock.
        let (_, _, judged) = judge(ctx, s, &row)?;
        if judged.recorded[0].is_none() {
            s.vet(judged.findings)?;
        }
        if !super::prompt::confirm(&row, &s.ds)? {
            sayln!(words::nothing_written());
            return Ok(Exit::Ok);
        }
    }
    s.lock(ctx, &args.write)?;
    let ((path, file), line, judged) = judge(ctx, s, &row)?;
    if let Some(at) = judged.recorded[0] {
        sayln!(words::visit_already(s.ds.path(at.file), at.line, &describe(&s.ds, &row)));
        return Ok(Exit::Ok);
    }
    s.vet(judged.findings)?;
    let rel = s.rel(&path).to_path_buf();

    let header = file.as_ref().map_or_else(
        || new_file_columns().iter().map(|c| c.to_string()).collect(),
        |f| csv_edit::header(&f.text, Visit::COLUMNS),
    );
    let text = csv_edit::row(&header, &row.written(s.ds.settings.values))
        .map_err(|e| CliError::refused(errors::refused_in(&rel.display().to_string(), &e.text())))?;
    let shown = describe(&s.ds, &row);
    if args.write.dry_run {
        sayln!(words::would_add_at(&rel, line));
        crate::cli::echo(&text);
        return Ok(Exit::Ok);
    }
    write_rows(&path, file.as_ref(), &text)?;
    sayln!(words::added_at(&rel, line, &shown));
    let message =
        words::visit_commit(member_name(&s.ds, &row.member), household_address(&s.ds, &row.household), &row.date);
    s.commit(&args.write, &[path], &message);
    Ok(Exit::Ok)
}

/// The month file `row` goes to, the line it would be on, and how it is judged.
#[allow(clippy::type_complexity)]
fn judge(ctx: &Ctx, s: &mut Session, row: &Row) -> Result<((PathBuf, Option<TextFile>), u32, Judged), CliError> {
    let date = parse_date(&row.date);
    let (path, file) = target(s, date.unwrap_or(ctx.today))?;
    let rel = s.rel(&path).to_path_buf();
    let line = file.as_ref().map_or(2, TextFile::next_line);
    let file_id = s.ds.file_id(&rel, Kind::Visits, Format::Csv);
    let loc = Loc { file: file_id, line };
    let judged = validate(s, ctx.today, &[(row.record(line), loc)], false);
    Ok(((path, file), line, judged))
}

/// What the checks say of new visits, and for each the place of a visit already in the folder
/// that is the same in every field (a command run again after it was stopped, not knowing
/// whether it had written).
pub(super) struct Judged {
    pub(super) findings: Vec<Finding>,
    pub(super) recorded: Vec<Option<Loc>>,
}

/// Types the new records as the loader would and runs every check on the folder with them in,
/// keeping what is said about them.
pub(super) fn validate(s: &mut Session, today: NaiveDate, records: &[(RawRecord<'static>, Loc)], csv: bool) -> Judged {
    let mut findings = Vec::new();
    let mut locs = Vec::new();
    let mut added: Vec<Visit> = Vec::new();
    let mut read: Vec<Option<u64>> = Vec::new();
    for (rec, loc) in records {
        let path = s.ds.path(loc.file).to_path_buf();
        let mut sink = Sink::new(&path);
        let visit = Visit::read(Fields::new(rec, &mut sink, csv), &mut s.ds.ids, *loc, &s.ds.settings);
        read.push(visit.as_ref().map(|v| v.fingerprint));
        added.extend(visit);
        findings.extend(sink.findings);
        locs.push(*loc);
    }
    // One pass over the folder's visits finds every new one that is there already.
    let wanted: std::collections::HashSet<u64> = read.iter().flatten().copied().collect();
    let mut there: std::collections::HashMap<u64, Loc> = std::collections::HashMap::new();
    for v in s.ds.visits.iter().filter(|v| wanted.contains(&v.fingerprint)) {
        there.entry(v.fingerprint).or_insert(v.loc);
    }
    let recorded = read.iter().map(|fp| fp.and_then(|fp| there.get(&fp).copied())).collect();
    let before = s.ds.visits.len();
    s.ds.visits.extend(added);
    findings.extend(crate::check::findings_at(&s.ds, today, &locs));
    s.ds.visits.truncate(before);
    Judged { findings, recorded }
}

/// `visits/YYYY-MM.csv` for the month of `date`.
pub(super) fn month_file(s: &Session, date: NaiveDate) -> PathBuf {
    s.root.join("visits").join(format!("{}-{:02}.csv", date.year(), date.month()))
}

/// The month file a visit on `date` goes to, and its current text if it exists. When that CSV
/// file is new but the month is kept in YAML (`visits/YYYY-MM.yaml`), says so: both are read,
/// and gov writes visits as CSV rows.
pub(super) fn target(s: &Session, date: NaiveDate) -> Result<(PathBuf, Option<TextFile>), CliError> {
    let month = format!("{}-{:02}", date.year(), date.month());
    let path = month_file(s, date);
    let file = TextFile::read(&path).or_os(|| errors::cannot_read(&path))?;
    if file.is_none()
        && let Some(yaml) =
            ["yaml", "yml"].iter().map(|e| format!("visits/{month}.{e}")).find(|p| s.root.join(p).is_file())
    {
        note(&words::visit_month_in_yaml(&yaml, &month));
    }
    Ok((path, file))
}

/// A new month file's text: the header, then `rows`.
pub(super) fn new_month_file(rows: &str) -> String {
    csv_edit::new_file(&new_file_columns(), &[rows.to_string()])
}

pub(super) fn write_rows(path: &Path, file: Option<&TextFile>, rows: &str) -> Result<(), CliError> {
    match file {
        Some(f) => f.append(rows),
        None => create_new(path, &new_month_file(rows)),
    }
    .or_os(|| errors::cannot_write(path))?;
    Ok(())
}

fn member_name<'a>(ds: &'a Dataset, id: &'a str) -> &'a str {
    ds.ids.get(id).and_then(|s| ds.members.iter().find(|m| m.id == s)).map_or(id, |m| m.name.as_str())
}

fn household_address<'a>(ds: &'a Dataset, id: &'a str) -> &'a str {
    ds.ids.get(id).and_then(|s| ds.households.iter().find(|h| h.id == s)).map_or(id, |h| &*h.address)
}

/// `2022-10-12 张伟 → 3号楼2单元***室 (入户)`, door masked as in all output.
pub(super) fn describe(ds: &Dataset, row: &Row) -> String {
    let method = VisitMethod::parse(&row.method);
    let (en, zh) = method.map_or((row.method.as_str(), row.method.as_str()), |m| (m.en(), m.zh()));
    let address = mask_door(household_address(ds, &row.household));
    crate::text::cli::write::visit_shown(&row.date, member_name(ds, &row.member), &address, en, zh)
        .current()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_carry_the_visit_kinds_fields() {
        let names: Vec<&str> = Row::default().values().into_iter().map(|(k, _)| k).collect();
        assert_eq!(names, Visit::FIELDS, "Row::values and Visit::FIELDS agree, in order");
    }
}
