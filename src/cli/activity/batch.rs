//! `gov activity add --from FILE`: a batch of activities from a CSV file in the activities
//! format, every row judged first, then appended to the month files of their dates, all or
//! nothing. Members, volunteers, orgs and households may be named (a name that is one record's
//! is written as its id). Rows already recorded (the same id, date and title) are skipped, and said: a batch
//! run again after it was stopped writes nothing twice. A row without an id gets the next free
//! one.

use std::io::{self, Read};
use std::path::PathBuf;

use super::write::{Row, already, record};
use crate::cli::record::{Session, WriteArgs};
use crate::cli::write::next_id;
use crate::cli::{CliError, Ctx, Exit, OrOs};
use crate::finding::Code;
use crate::kinds::Record;
use crate::kinds::activity::{Activity, ActivityKind};
use crate::load::fields::Sink;
use crate::load::raw::RawValue;
use crate::model::Kind;
use crate::model::labels::Labelled;
use crate::text::{cli::write as words, errors};

pub(super) fn batch(ctx: &Ctx, s: &mut Session, from: &str, write: &WriteArgs) -> Result<Exit, CliError> {
    let (shown_path, bytes) = if from == "-" {
        let mut b = Vec::new();
        io::stdin().read_to_end(&mut b).or_os(errors::cannot_read_stdin)?;
        (PathBuf::from("<stdin>"), b)
    } else {
        let p = ctx.cwd.join(from);
        let b = std::fs::read(&p).or_os(|| errors::cannot_read(&p))?;
        (PathBuf::from(from), b)
    };
    s.lock(ctx, write)?;
    let (text, _) = crate::load::text::decode(&bytes)
        .map_err(|why| CliError::io(errors::input_not_text(&shown_path, &why.text())))?;
    let mut rows: Vec<Row> = Vec::new();
    let mut sink = Sink::new(&shown_path);
    crate::load::csv::for_each_row(&text, &mut sink, Activity::COLUMNS, &[], |rec, _| {
        let mut row = Row::new();
        for f in &rec.fields {
            if let RawValue::Scalar(v) = &f.value
                && let Some(field) = Activity::FIELDS.iter().find(|&&k| k == f.key)
            {
                let v = v.trim();
                match *field {
                    "kind" => row.set("kind", ActivityKind::parse(v).map_or(v, |k| k.code())),
                    "date" => row.set("date", crate::cli::visit::add::normal_date(v)),
                    _ => row.set(field, v),
                }
            }
        }
        rows.push(row);
    });
    // Names where ids go (a member's, a volunteer's, an org's name, a household's address or
    // head): one match is written as its id; none or several are left for the check to report.
    for row in &mut rows {
        for field in ["members", "volunteers", "orgs", "households"] {
            let value = row.get(field).to_string();
            if !value.is_empty() {
                row.set(field, named_ids(&s.ds, field, &value));
            }
        }
    }
    let unknown = sink.findings.iter().filter(|f| f.code == Code::UnknownField).count();
    s.vet(sink.findings)?;
    if unknown > 0 {
        return Err(CliError::refused(errors::batch_unknown_columns(&shown_path, unknown))
            .hint(errors::hint_activity_columns(Activity::FIELDS)));
    }
    // Rows recorded already are skipped; rows without an id are numbered after the folder's.
    let mut skipped = Vec::new();
    rows.retain(|row| match already(s, row) {
        Some(at) => {
            skipped.push(at);
            false
        }
        None => true,
    });
    if let Some(first) = skipped.first() {
        let at = format!("{}:{}", s.ds.path(first.file).display(), first.line);
        sayln!(words::activity_batch_skipped(skipped.len(), &at));
    }
    if rows.is_empty() {
        sayln!(words::activity_batch_empty(&shown_path));
        return Ok(Exit::Ok);
    }
    let mut taken: Vec<String> = s.ds.activities.iter().map(|a| s.ds.name(a.id).to_string()).collect();
    taken.extend(rows.iter().map(|r| r.get("id").to_string()).filter(|id| !id.is_empty()));
    for row in &mut rows {
        if row.get("id").is_empty() {
            let id = next_id(taken.iter().map(String::as_str), "A0001");
            taken.push(id.clone());
            row.set("id", id);
        }
    }
    let commit = words::activity_batch_commit(rows.len(), &shown_path);
    record(ctx, s, write, rows, false, &commit)
}

/// Each `;` item of a list column as an id when it is the one record of its kind named so
/// (what follows a colon kept: `周敏:2` → `M2:2`), else as written.
fn named_ids(ds: &crate::model::Dataset, field: &str, list: &str) -> String {
    let one = |ids: Vec<crate::model::Sym>| match ids.as_slice() {
        [id] => Some(ds.name(*id).to_string()),
        _ => None,
    };
    let id_of = |name: &str| -> Option<String> {
        // An id is left as it is.
        crate::model::id::id_problem(name)?;
        match field {
            "members" => one(ds.named(Kind::Members, name).into_iter().map(|(s, _)| s).collect()),
            "households" => one(ds.named(Kind::Households, name).into_iter().map(|(s, _)| s).collect()),
            "volunteers" => one(ds.volunteers.iter().filter(|v| v.name.trim() == name).map(|v| v.id).collect()),
            "orgs" => one(ds.orgs.iter().filter(|o| o.name.trim() == name).map(|o| o.id).collect()),
            _ => None,
        }
    };
    crate::load::fields::split_list(list)
        .map(|item| {
            let (name, rest) = match item.rfind([':', '：']) {
                Some(i) => (item[..i].trim(), Some(item[i..].chars().skip(1).collect::<String>())),
                None => (item.trim(), None),
            };
            let id = id_of(name).unwrap_or_else(|| name.to_string());
            match rest {
                Some(h) => format!("{id}:{}", h.trim()),
                None => id,
            }
        })
        .collect::<Vec<_>>()
        .join(";")
}
