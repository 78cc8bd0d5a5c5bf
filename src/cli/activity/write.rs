//! Writing activities: each new record goes to the month file of its date
//! (`activities/YYYY-MM.yaml` when the month is kept in YAML, else `activities/YYYY-MM.csv`, made
//! with every column when new), judged first as `gov check` would judge it, all records or none
//! ([`crate::store::journal`]). Shared by `gov activity add` and its `--from` batches.

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};

use crate::cli::judge::judge;
use crate::cli::record::{Session, WriteArgs};
use crate::cli::{CliError, Ctx, Exit, OrOs, echo};
use crate::kinds::Record;
use crate::kinds::activity::{Activity, ActivityKind};
use crate::load::csv::split;
use crate::load::fields::split_list;
use crate::model::date::parse_date;
use crate::model::labels::Labelled;
use crate::model::{Format, Kind, Lang, Loc};
use crate::store::journal::{Entry, Journal};
use crate::store::yaml_edit::{self, Value};
use crate::store::{self, TextFile, csv_edit, file::create_new};
use crate::text::{Text, cli::write as words, errors};

/// The fields that hold lists (`;` in a CSV cell, a flow list in YAML).
const LISTS: &[&str] = &["orgs", "members", "volunteers", "households", "beneficiaries", "items", "issues"];

/// One new activity: its fields as text in the file's vocabulary (ids, codes, `M0001:3`), in
/// [`Activity::FIELDS`] order.
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub values: Vec<(&'static str, String)>,
    /// The id was chosen by gov, not given: a repeat is known by its date, kind and title.
    pub id_chosen: bool,
}

impl Row {
    pub fn new() -> Row {
        Row { values: Activity::FIELDS.iter().map(|&f| (f, String::new())).collect(), id_chosen: false }
    }

    pub fn get(&self, field: &str) -> &str {
        self.values.iter().find(|(k, _)| *k == field).map_or("", |(_, v)| v.as_str())
    }

    pub fn set(&mut self, field: &str, value: impl Into<String>) {
        if let Some(slot) = self.values.iter_mut().find(|(k, _)| *k == field) {
            slot.1 = value.into();
        }
    }

    /// `A0005 2022-10-20 卡点值守 (epidemic control)`.
    pub fn shown(&self) -> String {
        let kind = self.get("kind");
        let (en, zh) = ActivityKind::parse(kind).map_or((kind, kind), |k| (k.en(), k.zh()));
        words::activity_shown(self.get("id"), self.get("date"), self.get("title"), en, zh).current().to_string()
    }

    /// Its fields as written, the kind in the folder's words (`values` in gov.yaml).
    fn fields(&self, values: Lang) -> Vec<(&'static str, Value)> {
        self.values
            .iter()
            .map(|(k, v)| {
                let v = v.trim();
                let value = if LISTS.contains(k) {
                    Value::List(split_list(v).map(str::to_string).collect())
                } else if *k == "kind" && values == Lang::Zh {
                    Value::Scalar(ActivityKind::parse(v).map_or(v, |k| k.zh()).to_string())
                } else {
                    Value::Scalar(v.to_string())
                };
                (*k, value)
            })
            .collect()
    }
}

/// One month file and what is to be added to it.
struct Month {
    path: PathBuf,
    rel: PathBuf,
    format: Format,
    file: Option<TextFile>,
    /// The text added (LF line ends), and the whole new text.
    added: String,
    whole: String,
    /// The lines each new record starts on, and the last line of all.
    starts: Vec<u32>,
}

/// The month file an activity on `date` goes to: the month's YAML file if there is one, else
/// its CSV file (new or not).
fn month(s: &Session, date: NaiveDate) -> Result<Month, CliError> {
    let stem = format!("{}-{:02}", date.year(), date.month());
    let dir = s.root.join(Activity::STEM);
    let (rel, format) = ["yaml", "yml"]
        .iter()
        .map(|e| PathBuf::from(Activity::STEM).join(format!("{stem}.{e}")))
        .find(|p| s.root.join(p).is_file())
        .map_or_else(
            || (PathBuf::from(Activity::STEM).join(format!("{stem}.csv")), Format::Csv),
            |p| (p, Format::Yaml),
        );
    let path = dir.join(rel.file_name().unwrap_or_default());
    let file = TextFile::read(&path).or_os(|| errors::cannot_read(&path))?;
    let whole = file.as_ref().map_or_else(String::new, |f| f.text.clone());
    Ok(Month { path, rel, format, file, added: String::new(), whole, starts: Vec::new() })
}

impl Month {
    /// The line the next record would start on.
    fn next_line(&self) -> u32 {
        if self.whole.is_empty() {
            return if self.format == Format::Csv { 2 } else { 1 };
        }
        let open = !self.whole.ends_with(['\n', '\r']);
        split::count_line_ends(self.whole.as_bytes()) as u32 + 1 + u32::from(open)
    }

    fn push(&mut self, row: &Row, values: Lang) -> Result<(), Text> {
        let fields = row.fields(values);
        let line = self.next_line();
        let added = match self.format {
            Format::Csv => {
                let header: Vec<String> = if self.whole.is_empty() {
                    Activity::COLUMNS.iter().map(|c| c.to_string()).collect()
                } else {
                    csv_edit::header(&self.whole, Activity::COLUMNS)
                };
                let cells: Vec<(&str, String)> = fields
                    .iter()
                    .map(|(k, v)| {
                        let cell = match v {
                            Value::List(items) => items.join(";"),
                            Value::Scalar(s) | Value::Plain(s) => s.clone(),
                        };
                        (*k, cell)
                    })
                    .collect();
                let row = csv_edit::row(&header, &cells).map_err(|e| e.text())?;
                if self.whole.is_empty() {
                    csv_edit::new_file(Activity::COLUMNS, &[row])
                } else if self.whole.ends_with(['\n', '\r']) {
                    row
                } else {
                    format!("\n{row}")
                }
            }
            Format::Yaml => {
                if !yaml_edit::is_list(&self.whole) {
                    return Err(errors::yaml_not_a_list(&self.rel));
                }
                let next = yaml_edit::append_item(&self.whole, "\n", &fields);
                next[self.whole.len()..].to_string()
            }
        };
        self.whole.push_str(&added);
        self.added.push_str(&added);
        self.starts.push(line);
        Ok(())
    }
}

/// New activities laid out in their month files and judged, not yet written
/// ([`Prepared::write`]).
pub struct Prepared {
    months: Vec<Month>,
    /// Each row's file and lines, in the order of the rows.
    pub spans: Vec<(PathBuf, std::ops::RangeInclusive<u32>)>,
    /// What the checks say about them.
    pub findings: Vec<crate::finding::Finding>,
}

/// Lays `rows` out in their month files and judges them all.
pub fn prepare(ctx: &Ctx, s: &mut Session, rows: &[Row]) -> Result<Prepared, CliError> {
    let values = s.ds.settings.values;
    let mut months: Vec<Month> = Vec::new();
    let mut at: Vec<(usize, usize)> = Vec::new();
    for row in rows {
        let date = parse_date(row.get("date")).unwrap_or(ctx.today);
        let m = month(s, date)?;
        let i = match months.iter().position(|x| x.path == m.path) {
            Some(i) => i,
            None => {
                months.push(m);
                months.len() - 1
            }
        };
        let rel = months[i].rel.display().to_string();
        months[i].push(row, values).map_err(|why| CliError::refused(errors::refused_in(&rel, &why)))?;
        at.push((i, months[i].starts.len() - 1));
    }
    // Judged twice: the first pass puts every new record in the dataset, so that the second
    // judges each file's against all of them (one person's hours over a day, ids repeated).
    let mut findings = Vec::new();
    for pass in 0..2 {
        for m in &months {
            let last = m.next_line().saturating_sub(1).max(m.starts.first().copied().unwrap_or(1));
            let first = m.starts.first().copied().unwrap_or(1);
            let found = judge(s, ctx.today, &m.rel, Kind::Activities, m.format, &m.whole, first..=last);
            if pass == 1 {
                findings.extend(found);
            }
        }
    }
    let spans = at
        .iter()
        .map(|&(i, k)| {
            let m = &months[i];
            let end = m.starts.get(k + 1).map_or(m.next_line().saturating_sub(1), |next| next - 1);
            (m.rel.clone(), m.starts[k]..=end.max(m.starts[k]))
        })
        .collect();
    Ok(Prepared { months, spans, findings })
}

impl Prepared {
    /// The month files put back in the folder as loaded, as they were before (the rows are
    /// not to be written after all).
    pub fn forget(&self, ctx: &Ctx, s: &mut Session) {
        for m in &self.months {
            let old = m.file.as_ref().map_or("", |f| f.text.as_str());
            crate::cli::judge::retype(s, ctx.today, &m.rel, Kind::Activities, m.format, old);
        }
    }

    /// Writes them (or, with --dry-run, shows them), all files or none; `commit` is the commit
    /// message when the folder commits. `one` says the single record's place as `gov member
    /// add` does; otherwise each file's count is said.
    pub fn write(
        self,
        s: &Session,
        write: &WriteArgs,
        rows: &[Row],
        one: bool,
        commit: &Text,
    ) -> Result<Exit, CliError> {
        let months = self.months;
        if write.dry_run {
            for m in &months {
                match one {
                    true => sayln!(words::would_add_at(&m.rel, m.starts[0])),
                    false => sayln!(words::batch_would_add(m.starts.len(), &m.rel)),
                }
                echo(&m.added);
            }
            return Ok(Exit::Ok);
        }
        let entries: Vec<Entry> = months
            .iter()
            .map(|m| Entry {
                path: m.rel.clone(),
                old_len: m.file.as_ref().map(|f| f.len_on_disk()),
                new_len: match &m.file {
                    Some(f) => f.len_on_disk() + f.addition(&m.added).len() as u64,
                    None => m.whole.len() as u64,
                },
            })
            .collect();
        let journal = Journal::begin(&s.root, &entries).or_os(errors::batch_cannot_start)?;
        for m in &months {
            let written = match &m.file {
                Some(f) => f.append(&m.added),
                None => create_new(&m.path, &m.whole),
            };
            if written.is_err() {
                let _ = store::journal::roll_back(&s.root);
                drop(journal);
                return written.or_os(|| errors::cannot_write(&m.path)).map(|_| Exit::Ok);
            }
            match one {
                true => sayln!(words::added_at(&m.rel, m.starts[0], &rows[0].shown())),
                false => sayln!(words::batch_added(m.starts.len(), &m.rel)),
            }
        }
        journal.finish().or_os(errors::batch_cannot_finish)?;
        let files: Vec<PathBuf> = months.iter().map(|m| m.path.clone()).collect();
        s.commit(write, &files, commit);
        Ok(Exit::Ok)
    }
}

/// Writes `rows` to their month files, after judging them all ([`prepare`], then
/// [`Prepared::write`]).
pub fn record(
    ctx: &Ctx,
    s: &mut Session,
    write: &WriteArgs,
    rows: Vec<Row>,
    one: bool,
    commit: &Text,
) -> Result<Exit, CliError> {
    let mut prepared = prepare(ctx, s, &rows)?;
    s.vet(std::mem::take(&mut prepared.findings))?;
    prepared.write(s, write, &rows, one, commit)
}

/// The activity already in the folder that `row` repeats (a command run again): the same id,
/// date and title; or, when gov chose the row's id, the same date, kind and title.
pub fn already(s: &Session, row: &Row) -> Option<Loc> {
    let date = parse_date(row.get("date"))?;
    let title = row.get("title").trim();
    let same = |a: &&Activity| a.date == date && a.title.trim() == title;
    if row.id_chosen || row.get("id").trim().is_empty() {
        let kind = row.get("kind").trim();
        let kind_is = |a: &&Activity| {
            a.kind.as_ref().is_some_and(|k| match k {
                crate::kinds::activity::ActivityType::Builtin(b) => ActivityKind::parse(kind) == Some(*b),
                crate::kinds::activity::ActivityType::Custom(c) => c == kind,
            })
        };
        return s.ds.activities.iter().filter(same).find(kind_is).map(|a| a.loc);
    }
    let id = s.ds.ids.get(row.get("id").trim())?;
    s.ds.activities.iter().filter(same).find(|a| a.id == id).map(|a| a.loc)
}
