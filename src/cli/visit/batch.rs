//! `gov visit add --from FILE`: a batch of visits from a CSV in the visits format, every row
//! validated first, then appended to the month files its dates belong to, all or nothing
//! ([`crate::store::journal`]).

use std::io::{self, Read};
use std::path::PathBuf;

use super::add::{
    AddArgs, Row, month_file, new_file_columns, new_month_file, normal_date, target, validate, write_rows,
};
use crate::cli::record::{Session, WriteArgs};
use crate::cli::{CliError, Ctx, Exit, OrOs};
use crate::finding::{Code, Finding, Severity};
use crate::kinds::Record;
use crate::load::fields::Sink;
use crate::load::raw::{RawRecord, RawValue};
use crate::model::date::parse_date;
use crate::model::labels::{Labelled, VisitMethod};
use crate::model::{Format, Kind, Loc, Visit};
use crate::render::findings::write_findings;
use crate::store::journal::{Entry, Journal};
use crate::store::{self, TextFile, csv_edit};
use crate::text::{cli::write as words, errors};

/// The id `typed` stands for: itself when it is an id, the one record of `kind` it names
/// ([`crate::model::Dataset::named`]), or itself again when it names none (the check then says
/// what is wrong); every candidate, `id (what shows it)`, when it names several.
pub(crate) fn resolve(ds: &crate::model::Dataset, kind: Kind, typed: &str) -> Result<String, Vec<String>> {
    if crate::model::id::id_problem(typed.trim()).is_none() {
        return Ok(typed.to_string());
    }
    match ds.named(kind, typed).as_slice() {
        [] => Ok(typed.to_string()),
        [(id, _)] => Ok(ds.name(*id).to_string()),
        many => Err(many.iter().map(|(id, shown)| format!("{} ({shown})", ds.name(*id))).collect()),
    }
}

/// Records a CSV file of visits: all rows are validated first; nothing is written unless every
/// row is valid.
pub(super) fn batch(ctx: &Ctx, s: &mut Session, from: &str, args: &AddArgs) -> Result<Exit, CliError> {
    let (shown_path, bytes) = if from == "-" {
        let mut b = Vec::new();
        io::stdin().read_to_end(&mut b).or_os(errors::cannot_read_stdin)?;
        (PathBuf::from("<stdin>"), b)
    } else {
        let p = ctx.cwd.join(from);
        let b = std::fs::read(&p).or_os(|| errors::cannot_read(&p))?;
        (PathBuf::from(from), b)
    };
    // The input is read; now the folder is locked, and loaded again if it changed meanwhile.
    s.lock(ctx, &args.write)?;
    let (text, _) = crate::load::text::decode(&bytes)
        .map_err(|why| CliError::io(errors::input_not_text(&shown_path, &why.text())))?;
    let origin = crate::cli::judge::Origin { shown: shown_path, cells: &[] };
    batch_text(ctx, s, &origin, &text, &args.write, args.allow_duplicates, false).map(|(exit, _)| exit)
}

/// What a batch did with its rows: added (or would add, in a dry run), already recorded and
/// skipped, and left out for their errors (`--skip-bad`).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Tally {
    pub added: usize,
    pub present: usize,
    pub refused: usize,
}

/// Records visits given as CSV text in the visits format (`--from`'s file, or a sheet `gov
/// import` made into one), the folder locked: every row validated first, names where ids go
/// resolved, rows already recorded skipped, then all or nothing; with `skip_bad` (`gov import
/// --skip-bad`) the rows with errors are named and left out, and the rest written.
pub(crate) fn batch_text(
    ctx: &Ctx,
    s: &mut Session,
    origin: &crate::cli::judge::Origin<'_>,
    text: &str,
    write: &WriteArgs,
    allow_duplicates: bool,
    skip_bad: bool,
) -> Result<(Exit, Tally), CliError> {
    let mut tally = Tally::default();
    let shown_path = origin.shown.clone();
    let input = s.ds.file_id(&shown_path, Kind::Visits, Format::Csv);

    // Parse and type every row, as the loader does, reporting against the input's own lines.
    let mut rows: Vec<(u32, Row)> = Vec::new();
    let mut sink = Sink::new(&shown_path);
    crate::load::csv::for_each_row(text, &mut sink, Visit::FIELDS, Visit::REQUIRED, |rec, _| {
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
            id: get("id"),
            date: normal_date(&get("date")),
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
    // A member's name, or a household's address or head, where the id goes: one match is
    // written as its id, several refuse the row, listing them.
    let mut findings: Vec<Finding> = Vec::new();
    for (line, row) in &mut rows {
        for (field, kind) in [("member", Kind::Members), ("household", Kind::Households)] {
            let value = if field == "member" { &mut row.member } else { &mut row.household };
            match resolve(&s.ds, kind, value) {
                Ok(id) => *value = id,
                Err(candidates) => findings.push(
                    Finding::new(
                        Code::InvalidValue,
                        &shown_path,
                        Some(*line),
                        crate::text::findings::ambiguous_name(field, value, candidates.len(), kind),
                    )
                    .hint(crate::text::findings::ambiguous_name_hint(&candidates))
                    .about(field, value),
                ),
            }
        }
    }
    // A column gov does not know would be dropped: refused, like a wrong value.
    let unknown = sink.findings.iter().filter(|f| f.code == Code::UnknownField).count();
    findings.splice(0..0, sink.findings);
    let records = |rows: &[(u32, Row)]| -> Vec<(RawRecord<'static>, Loc)> {
        rows.iter().map(|(line, row)| (row.record(*line), Loc { file: input, line: *line })).collect()
    };
    let mut judged = validate(s, ctx.today, &records(&rows), true);
    // Run again after it was stopped, not knowing whether it had written: every row is there.
    if !rows.is_empty() && judged.recorded.iter().all(Option::is_some) && unknown == 0 && !allow_duplicates {
        let first = judged.recorded[0].expect("all there");
        let at = format!("{}:{}", s.ds.path(first.file).display(), first.line);
        match rows.len() {
            1 => sayln!(words::batch_one_already(&shown_path, &at)),
            n => sayln!(words::batch_all_already(n, &shown_path, &at)),
        }
        tally.present = rows.len();
        return Ok((Exit::Ok, tally));
    }
    // Some rows are there already (a batch that overlaps an earlier one): they are skipped, and
    // said, unless --allow-duplicates; the rest are judged without them.
    let skipped: Vec<Loc> = judged.recorded.iter().flatten().copied().collect();
    if !skipped.is_empty() && !allow_duplicates {
        let at = format!("{}:{}", s.ds.path(skipped[0].file).display(), skipped[0].line);
        let mut there = judged.recorded.iter().map(Option::is_some);
        rows.retain(|_| !there.next().unwrap_or(false));
        judged = validate(s, ctx.today, &records(&rows), true);
        sayln!(words::batch_skipped(skipped.len(), &at));
        tally.present = skipped.len();
    }
    findings.extend(judged.findings);
    if skip_bad && unknown == 0 {
        let bad: std::collections::HashSet<u32> = findings
            .iter()
            .filter(|f| f.severity() == Severity::Error && f.file == shown_path)
            .filter_map(|f| f.line)
            .collect();
        if !bad.is_empty() {
            let mut shown: Vec<Finding> = findings.iter().cloned().map(|f| origin.place(f)).collect();
            crate::check::finish(&mut shown);
            let _ = write_findings(&mut std::io::stderr().lock(), &shown);
            let before = rows.len();
            rows.retain(|(line, _)| !bad.contains(line));
            sayln!(words::import_refused(before - rows.len()));
            tally.refused = before - rows.len();
            let unlined = findings.into_iter().filter(|f| f.line.is_none() && f.severity() == Severity::Error);
            findings = unlined.chain(validate(s, ctx.today, &records(&rows), true).findings).collect();
        }
    }
    s.vet(findings.into_iter().map(|f| origin.place(f)).collect())?;
    if unknown > 0 {
        return Err(CliError::refused(errors::batch_unknown_columns(&shown_path, unknown))
            .hint(errors::hint_visit_columns(Visit::FIELDS)));
    }
    if rows.is_empty() {
        sayln!(words::batch_empty(&shown_path));
        return Ok((Exit::Ok, tally));
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
        let header = months[i].1.as_ref().map_or_else(
            || new_file_columns().iter().map(|c| c.to_string()).collect(),
            |f| csv_edit::header(&f.text, Visit::COLUMNS),
        );
        let text = csv_edit::row(&header, &row.written(s.ds.settings.values)).map_err(|e| {
            CliError::refused(errors::refused_in(&s.rel(&months[i].0).display().to_string(), &e.text()))
        })?;
        months[i].2.push_str(&text);
    }
    if write.dry_run {
        for (path, _, text) in &months {
            sayln!(words::batch_would_add(text.lines().count(), s.rel(path)));
            crate::cli::echo(text);
        }
        tally.added = rows.len();
        return Ok((Exit::Ok, tally));
    }
    // All or nothing: the journal says what each file will be, so that a writer killed between
    // two month files is undone by the next one (store::journal).
    let entries: Vec<Entry> = months
        .iter()
        .map(|(path, file, text)| Entry {
            path: s.rel(path).to_path_buf(),
            old_len: file.as_ref().map(|f| f.len_on_disk()),
            new_len: match file {
                Some(f) => f.len_on_disk() + f.addition(text).len() as u64,
                None => new_month_file(text).len() as u64,
            },
        })
        .collect();
    let journal = Journal::begin(&s.root, &entries).or_os(errors::batch_cannot_start)?;
    for (i, (path, file, text)) in months.iter().enumerate() {
        if let Err(e) = write_rows(path, file.as_ref(), text) {
            // Undo the months already written (a full disk, an I/O error) before saying so.
            let _ = store::journal::roll_back(&s.root);
            drop(journal);
            return Err(e);
        }
        failpoint_between(i);
        sayln!(words::batch_added(text.lines().count(), s.rel(path)));
    }
    journal.finish().or_os(errors::batch_cannot_finish)?;
    if !write.dry_run {
        let files: Vec<PathBuf> = months.iter().map(|(p, _, _)| p.clone()).collect();
        s.commit(write, &files, &words::batch_commit(rows.len(), &shown_path));
    }
    tally.added = rows.len();
    Ok((Exit::Ok, tally))
}

/// Test hook for the crash tests: `GOV_FAILPOINT=batch-between-files` dies after the first month
/// file of a batch is written.
fn failpoint_between(i: usize) {
    if i == 0 && std::env::var_os("GOV_FAILPOINT").is_some_and(|v| v == "batch-between-files") {
        std::process::abort();
    }
}
