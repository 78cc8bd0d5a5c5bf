//! `gov visit add`: record one visit, or a batch from a CSV file, appended to
//! visits/YYYY-MM.csv under the folder's lock after the same validation `gov check` does.

use std::io::{self, IsTerminal, Read};
use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::{Datelike, NaiveDate};
use clap::Args;

use crate::cli::record::{Session, WriteArgs};
use crate::cli::write::note;
use crate::cli::{CliError, Ctx, Exit};
use crate::finding::Finding;
use crate::kinds::Record;
use crate::load::fields::{Fields, Sink};
use crate::load::raw::{RawField, RawRecord, RawValue};
use crate::model::date::parse_date;
use crate::model::id::id_problem;
use crate::model::labels::{Labelled, VisitMethod};
use crate::model::privacy::mask_door;
use crate::model::{Dataset, Format, Kind, Loc, Sym, Visit};
use crate::report::Index;
use crate::report::index::FindError;
use crate::store::{TextFile, csv_edit, file::create_new};

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
    #[command(flatten)]
    pub write: WriteArgs,
}

/// The columns a new visits file gets: the visit kind's fields but its optional id (gov does not
/// number visits).
fn new_file_columns() -> Vec<&'static str> {
    Visit::FIELDS.iter().copied().filter(|&f| f != "id").collect()
}

pub fn run(ctx: &Ctx, args: &AddArgs) -> Result<Exit, CliError> {
    let mut s = Session::open(ctx)?;
    match &args.from {
        Some(from) => batch(ctx, &mut s, from, args),
        None => one(ctx, &mut s, args),
    }
}

/// One visit's values, as text in the file's vocabulary (ids, codes).
#[derive(Debug, Clone, Default)]
pub(super) struct Row {
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
    fn values(&self) -> Vec<(&'static str, String)> {
        let Row { date, member, household, method, summary, topics, with, issues } = self;
        [
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

    fn record(&self, line: u32) -> RawRecord<'static> {
        let fields = self
            .values()
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| RawField { key: k.into(), value: RawValue::Scalar(v.into()), line, column: 0 })
            .collect();
        RawRecord { line, fields }
    }
}

/// Picks a member or household by what the user typed. A syntactically valid id that matches
/// nothing is passed on as written, so the check reports it with its usual "did you mean".
fn pick(found: Result<Sym, FindError>, typed: &str, ds: &Dataset) -> Result<String, CliError> {
    match found {
        Ok(sym) => Ok(ds.name(sym).to_string()),
        Err(FindError::None { .. }) if id_problem(typed.trim()).is_none() => Ok(typed.trim().to_string()),
        Err(e) => Err(CliError::from(e).hint("give the id, or more of the name")),
    }
}

fn one(ctx: &Ctx, s: &mut Session, args: &AddArgs) -> Result<Exit, CliError> {
    let interactive = io::stdin().is_terminal() && io::stderr().is_terminal();
    let mut row = Row {
        date: args.date.clone().unwrap_or_else(|| ctx.today.to_string()),
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
                return Err(CliError::usage(anyhow::anyhow!("missing {}", missing.join(", ")))
                    .hint("give them as flags, or run `gov visit add` in a terminal to be asked"));
            }
            super::prompt::fill(&ix, &mut row)?;
        }
    }

    let date = parse_date(&row.date);
    let (path, file) = target(s, date.unwrap_or(ctx.today))?;
    let rel = s.rel(&path).to_path_buf();
    let line = file.as_ref().map_or(2, TextFile::next_line);
    let file_id = s.ds.file_id(&rel, Kind::Visits, Format::Csv);
    let loc = Loc { file: file_id, line };
    let findings = validate(s, ctx.today, &[(row.record(line), loc)], false);
    s.vet(findings)?;
    if interactive && args.member.is_none() && !super::prompt::confirm(&row, &s.ds)? {
        println!("nothing was written");
        return Ok(Exit::Ok);
    }

    let header = file
        .as_ref()
        .map_or_else(|| new_file_columns().iter().map(|c| c.to_string()).collect(), |f| csv_edit::header(&f.text));
    let text = csv_edit::row(&header, &row.values())
        .map_err(|e| CliError::refused(anyhow::anyhow!("{}: {e}", rel.display())))?;
    let shown = describe(&s.ds, &row);
    if args.write.dry_run {
        print!("would add to {}:{line}\n{text}", rel.display());
        return Ok(Exit::Ok);
    }
    write_rows(&path, file.as_ref(), &text)?;
    println!("added to {}:{line}: {shown}", rel.display());
    let message = format!(
        "visit: {} → {} ({})",
        member_name(&s.ds, &row.member),
        household_address(&s.ds, &row.household),
        row.date
    );
    s.commit(&args.write, &[path], &message);
    Ok(Exit::Ok)
}

/// Records a CSV file of visits: all rows are validated first; nothing is written unless every
/// row is valid.
fn batch(ctx: &Ctx, s: &mut Session, from: &str, args: &AddArgs) -> Result<Exit, CliError> {
    let (shown_path, bytes) = if from == "-" {
        let mut b = Vec::new();
        io::stdin().read_to_end(&mut b).context("cannot read standard input")?;
        (PathBuf::from("<stdin>"), b)
    } else {
        let p = ctx.cwd.join(from);
        let b = std::fs::read(&p).with_context(|| format!("cannot read {}", p.display()))?;
        (PathBuf::from(from), b)
    };
    let (text, _) = crate::load::text::decode(&bytes)
        .map_err(|why| CliError::io(anyhow::anyhow!("{} {why}", shown_path.display())))?;
    let input = s.ds.file_id(&shown_path, Kind::Visits, Format::Csv);

    // Parse and type every row, as the loader does, reporting against the input's own lines.
    let mut rows: Vec<(u32, Row)> = Vec::new();
    let mut sink = Sink::new(&shown_path);
    crate::load::csv::for_each_row(&text, &mut sink, Visit::FIELDS, Visit::REQUIRED, |rec, _| {
        let get = |k: &str| {
            rec.fields
                .iter()
                .find(|f| f.key == k)
                .and_then(|f| match &f.value {
                    RawValue::Scalar(v) => Some(v.to_string()),
                    _ => None,
                })
                .unwrap_or_default()
        };
        let method = get("method");
        let row = Row {
            date: get("date"),
            member: get("member"),
            household: get("household"),
            method: VisitMethod::parse(&method).map_or(method, |m| m.code().to_string()),
            summary: get("summary"),
            topics: get("topics"),
            with: get("with"),
            issues: get("issues"),
        };
        rows.push((rec.line, row));
    });
    let mut findings: Vec<Finding> = sink.findings;
    let records: Vec<(RawRecord<'static>, Loc)> =
        rows.iter().map(|(line, row)| (row.record(*line), Loc { file: input, line: *line })).collect();
    findings.extend(validate(s, ctx.today, &records, true));
    s.vet(findings)?;
    if rows.is_empty() {
        println!("{} has no visits; nothing was written", shown_path.display());
        return Ok(Exit::Ok);
    }

    // Group by month file, in the order the rows came.
    let mut months: Vec<(PathBuf, Option<TextFile>, String)> = Vec::new();
    for (_, row) in &rows {
        let date = parse_date(&row.date).expect("validated");
        let path = month_file(s, date);
        let i = match months.iter().position(|(p, _, _)| *p == path) {
            Some(i) => i,
            None => {
                let (path, file) = target(s, date)?;
                months.push((path, file, String::new()));
                months.len() - 1
            }
        };
        let header = months[i]
            .1
            .as_ref()
            .map_or_else(|| new_file_columns().iter().map(|c| c.to_string()).collect(), |f| csv_edit::header(&f.text));
        let text = csv_edit::row(&header, &row.values()).map_err(|e| {
            CliError::refused(anyhow::anyhow!("{}: {e}; nothing was written", s.rel(&months[i].0).display()))
        })?;
        months[i].2.push_str(&text);
    }
    for (path, file, text) in &months {
        let count = text.lines().count();
        if args.write.dry_run {
            print!("would add {count} to {}:\n{text}", s.rel(path).display());
            continue;
        }
        write_rows(path, file.as_ref(), text)?;
        println!("added {count} to {}", s.rel(path).display());
    }
    if !args.write.dry_run {
        let files: Vec<PathBuf> = months.iter().map(|(p, _, _)| p.clone()).collect();
        s.commit(&args.write, &files, &format!("visits: {} from {}", rows.len(), shown_path.display()));
    }
    Ok(Exit::Ok)
}

/// Types the new records as the loader would and runs every check on the folder with them in,
/// keeping what is said about them.
fn validate(s: &mut Session, today: NaiveDate, records: &[(RawRecord<'static>, Loc)], csv: bool) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut locs = Vec::new();
    let mut added: Vec<Visit> = Vec::new();
    for (rec, loc) in records {
        let path = s.ds.path(loc.file).to_path_buf();
        let mut sink = Sink::new(&path);
        if let Some(v) = Visit::read(Fields::new(rec, &mut sink, csv), &mut s.ds.ids, *loc, &s.ds.settings) {
            added.push(v);
        }
        findings.extend(sink.findings);
        locs.push(*loc);
    }
    let before = s.ds.visits.len();
    s.ds.visits.extend(added);
    findings.extend(crate::check::findings_at(&s.ds, today, &locs));
    s.ds.visits.truncate(before);
    findings
}

/// `visits/YYYY-MM.csv` for the month of `date`.
fn month_file(s: &Session, date: NaiveDate) -> PathBuf {
    s.root.join("visits").join(format!("{}-{:02}.csv", date.year(), date.month()))
}

/// The month file a visit on `date` goes to, and its current text if it exists. When that CSV
/// file is new but the month is kept in YAML (`visits/YYYY-MM.yaml`), says so: both are read,
/// and gov writes visits as CSV rows.
fn target(s: &Session, date: NaiveDate) -> Result<(PathBuf, Option<TextFile>), CliError> {
    let month = format!("{}-{:02}", date.year(), date.month());
    let path = month_file(s, date);
    let file = TextFile::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
    if file.is_none()
        && let Some(yaml) =
            ["yaml", "yml"].iter().map(|e| format!("visits/{month}.{e}")).find(|p| s.root.join(p).is_file())
    {
        note(&format!("{yaml} holds visits of {month} too; new visits go to visits/{month}.csv (gov reads both)"));
    }
    Ok((path, file))
}

fn write_rows(path: &Path, file: Option<&TextFile>, rows: &str) -> Result<(), CliError> {
    match file {
        Some(f) => f.append(rows),
        None => create_new(path, &csv_edit::new_file(&new_file_columns(), &[rows.to_string()])),
    }
    .with_context(|| format!("cannot write {}", path.display()))?;
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
    let method = VisitMethod::parse(&row.method).map_or(row.method.as_str(), |m| m.zh());
    format!(
        "{} {} → {} ({method})",
        row.date,
        member_name(ds, &row.member),
        mask_door(household_address(ds, &row.household))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_carry_the_visit_kinds_fields() {
        let names: Vec<&str> = Row::default().values().into_iter().map(|(k, _)| k).collect();
        assert_eq!(names, new_file_columns(), "Row::values and Visit::FIELDS (without id) agree, in order");
    }
}
