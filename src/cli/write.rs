//! What the member, org, household and issue recording commands share: which file of a kind
//! gets a new record, the next free id in the folder's pattern, the text a `--dry-run` shows,
//! and the write itself (append, replace or create), after [`crate::cli::judge`] has judged it. The edits themselves are made by [`crate::store::csv_edit`] and
//! [`crate::store::yaml_edit`].

use std::path::{Path, PathBuf};

use crate::cli::judge::{judge, new_findings};
use crate::cli::record::{Session, WriteArgs};
use crate::cli::values;
use crate::cli::{CliError, Ctx, Exit, OrOs, echo};
use crate::kinds::Record;
use crate::load::csv::split;
use crate::load::raw::RawValue;
use crate::model::id::id_problem;
use crate::model::{Dataset, Format, Kind, Loc, SourceFile, Sym};
use crate::report::Index;
use crate::report::index::FindError;
use crate::store::yaml_edit::{self, Value};
use crate::store::{TextFile, csv_edit, file::create_new};
use crate::text::{Text, cli::write as words, errors};

/// The file a kind's records live in (or will).
pub struct Target {
    pub path: PathBuf,
    /// Relative to the folder, as messages show it.
    pub rel: PathBuf,
    pub format: Format,
    /// `None` when the file does not exist yet.
    pub file: Option<TextFile>,
}

/// The file new records of `kind` go to: `<kind>.csv|yaml|yml` at the top, else (a folder)
/// `<kind>/<kind>.csv` or its first file, else a new `<kind>.csv`.
/// Kinds whose first file is YAML rather than CSV.
const YAML_FIRST: &[Kind] = &[Kind::Projects, Kind::Reserves];

pub fn target(s: &Session, kind: Kind) -> Result<Target, CliError> {
    let files: Vec<&SourceFile> = s.ds.files.iter().filter(|f| f.kind == kind).collect();
    let stem = kind.stem();
    let top = files.iter().find(|f| f.path.parent().is_some_and(|p| p.as_os_str().is_empty()));
    let nested = PathBuf::from(stem).join(format!("{stem}.csv"));
    let chosen = top.or_else(|| files.iter().find(|f| f.path == nested)).or(files.first());
    let (rel, format) = match chosen {
        Some(f) => (f.path.clone(), f.format),
        // Kinds with nested lists (a project's steps, a reserve cadre's trainings) start a YAML file.
        None if YAML_FIRST.contains(&kind) => (PathBuf::from(format!("{stem}.yaml")), Format::Yaml),
        None => (PathBuf::from(format!("{stem}.csv")), Format::Csv),
    };
    let path = s.root.join(&rel);
    let file = TextFile::read(&path).or_os(|| errors::cannot_read(&path))?;
    Ok(Target { path, rel, format, file })
}

/// The id a new record gets: the one given, or the next free one, which [`add_record`] says.
pub struct NewId {
    pub id: String,
    /// Chosen by gov, not given.
    pub chosen: bool,
    /// The kind's noun (`member`), for saying so.
    noun: &'static str,
}

impl std::fmt::Display for NewId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.id)
    }
}

/// The id a new record of kind `T` gets: the one given, else the next free one in the folder's
/// pattern (`first` when there is none yet).
pub fn chosen_id<T: Record>(ds: &Dataset, given: Option<&str>, first: &str) -> NewId {
    let (id, chosen) = match given {
        Some(id) => (id.trim().to_string(), false),
        None => (next_id(T::all(ds).iter().filter_map(|r| r.id()).map(|s| ds.name(s)), first), true),
    };
    NewId { id, chosen, noun: T::NOUN }
}

/// An optional option's value as a field's text (empty when not given).
pub fn scalar(v: &Option<String>) -> Value {
    Value::Scalar(v.as_deref().unwrap_or("").trim().to_string())
}

/// The id after the highest one of the folder's most common pattern (`M0760` → `M0761`), keeping
/// its width (growing when it must); `default` when there is no pattern yet.
pub fn next_id<'a>(ids: impl Iterator<Item = &'a str>, default: &str) -> String {
    Numbering::new(ids, default).next_id()
}

/// Ids one after another in the folder's most common pattern ([`next_id`]), the folder's ids
/// read once: `gov import` numbers thousands of rows.
pub struct Numbering {
    /// The pattern's prefix and width, and the highest number taken; none before a first id.
    pattern: Option<(String, usize, u64)>,
    taken: std::collections::HashSet<String>,
    default: String,
}

impl Numbering {
    pub fn new<'a>(ids: impl Iterator<Item = &'a str>, default: &str) -> Numbering {
        let mut patterns: Vec<((String, usize), u64, usize)> = Vec::new(); // ((prefix, width), max, count)
        let mut taken = std::collections::HashSet::new();
        for id in ids {
            taken.insert(id.to_string());
            let digits = id.len() - id.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            if digits == 0 || digits > 18 {
                continue;
            }
            let (prefix, num) = id.split_at(id.len() - digits);
            let n: u64 = num.parse().unwrap_or(0);
            let key = (prefix.to_string(), digits);
            match patterns.iter_mut().find(|p| p.0 == key) {
                Some(p) => {
                    p.1 = p.1.max(n);
                    p.2 += 1;
                }
                None => patterns.push((key, n, 1)),
            }
        }
        let pattern =
            patterns.into_iter().max_by_key(|p| (p.2, p.1)).map(|((prefix, width), max, _)| (prefix, width, max));
        Numbering { pattern, taken, default: default.to_string() }
    }

    /// The next free id, taken from then on.
    pub fn next_id(&mut self) -> String {
        let id = match &mut self.pattern {
            None => {
                // The ids after it follow its pattern.
                let id = self.default.clone();
                let taken = std::mem::take(&mut self.taken);
                *self = Numbering::new(std::iter::once(id.as_str()), &id);
                self.taken.extend(taken);
                return id;
            }
            Some((prefix, width, max)) => loop {
                *max += 1;
                let id = format!("{prefix}{:0width$}", *max, width = *width);
                if !self.taken.contains(&id) {
                    break id;
                }
            },
        };
        self.taken.insert(id.clone());
        id
    }
}

/// The record of a YAML file that starts on `line`, with the line the next one starts on.
pub fn yaml_record(text: &str, line: u32) -> yaml_edit::Record {
    let starts: Vec<u32> =
        crate::load::yaml::parse_records(text).map(|r| r.iter().map(|r| r.line).collect()).unwrap_or_default();
    let next = starts.iter().copied().find(|&l| l > line);
    yaml_edit::record(text, line, next)
}

/// The record of a YAML file that starts on `line`, if it is the one record whose `id` is `id`
/// (as [`crate::store::csv_edit::record_at`] for a CSV row).
fn yaml_place(text: &str, line: u32, id: &str) -> Result<yaml_edit::Record, Text> {
    let records =
        crate::load::yaml::parse_records(text).map_err(|e| errors::yaml_no_longer_reads(e.line, &e.message))?;
    let holding: Vec<String> = records
        .iter()
        .filter(|r| r.fields.iter().any(|f| f.key == "id" && matches!(&f.value, RawValue::Scalar(s) if s.trim() == id)))
        .map(|r| r.line.to_string())
        .collect();
    if holding.len() > 1 {
        return Err(errors::library::duplicate(id, &holding.join(", ")));
    }
    let next = records.iter().map(|r| r.line).find(|&l| l > line);
    let rec = yaml_edit::record(text, line, next);
    yaml_edit::check_id(text, &rec, id).map_err(|e| e.text())?;
    Ok(rec)
}

/// The 1-based lines of the record that starts on `line` in a YAML text (through the line before
/// the next record, blank and comment lines at its end left out).
pub fn yaml_record_lines(text: &str, line: u32) -> std::ops::RangeInclusive<u32> {
    let rec = yaml_record(text, line);
    let all: Vec<&str> = split::lines(text).collect();
    let mut end = rec.lines.end;
    while end > rec.lines.start + 1 && all.get(end - 1).is_none_or(|l| l.trim().is_empty() || l.trim().starts_with('#'))
    {
        end -= 1;
    }
    line..=(end as u32).max(line)
}

/// A list value as a CSV cell: items joined with `;`.
pub fn cell(v: &Value) -> String {
    match v {
        Value::Scalar(s) | Value::Plain(s) => s.clone(),
        Value::List(items) => items.join(";"),
    }
}

/// The lines that differ between two texts, as `-old` / `+new`, under the file's name.
pub fn diff(rel: &Path, old: &str, new: &str) -> String {
    let a: Vec<&str> = split::lines(old).collect();
    let b: Vec<&str> = split::lines(new).collect();
    let pre = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suf = a[pre..].iter().rev().zip(b[pre..].iter().rev()).take_while(|(x, y)| x == y).count();
    let mut out = words::diff_header(rel, pre + 1).current().to_string();
    out.push('\n');
    for l in &a[pre..a.len() - suf] {
        out.push_str(&format!("-{}\n", l.trim_end_matches('\r')));
    }
    for l in &b[pre..b.len() - suf] {
        out.push_str(&format!("+{}\n", l.trim_end_matches('\r')));
    }
    out
}

/// Writes a whole new text for an existing file, or creates the file.
pub fn save(t: &Target, text: &str) -> Result<(), CliError> {
    match &t.file {
        Some(f) => f.replace(text),
        None => create_new(&t.path, text),
    }
    .or_os(|| errors::cannot_write(&t.path))?;
    Ok(())
}

/// Appends `added` (in the file's line endings) to an existing file, or creates it with `whole`.
pub fn append(t: &Target, added: &str, whole: &str) -> Result<(), CliError> {
    match &t.file {
        Some(f) => f.append(added),
        None => create_new(&t.path, whole),
    }
    .or_os(|| errors::cannot_write(&t.path))?;
    Ok(())
}

/// The 1-based line of the first change the new text makes to the file (already replaced).
fn file_text_prefix_lines(t: &Target, new: &str) -> usize {
    let old = t.file.as_ref().map_or("", |f| f.text.as_str());
    split::lines(old).zip(split::lines(new)).take_while(|(a, b)| a == b).count() + 1
}

pub use crate::cli::record::note;

/// Adds one record of `kind` (fields in the order a new row or item is written, `id` first) to
/// the kind's file, after judging it as `gov check` would; prints what was added (or, with
/// --dry-run, what would be) and commits when asked. A record already in that file with the
/// same value in every field but the id is not added again: the command was run twice, or run
/// again after it was stopped without knowing whether it had written.
pub fn add_record(
    ctx: &Ctx,
    s: &mut Session,
    write: &WriteArgs,
    (kind, id): (Kind, &NewId),
    fields: &[(&str, Value)],
    (shown, message): (&str, &Text),
) -> Result<Exit, CliError> {
    add_record_unless(ctx, s, write, (kind, id), fields, (shown, message), None)
}

/// [`add_record`], refused with `taken` (another record of the folder that this one would
/// repeat: a household's address, a member's name and phone) unless the record is already
/// there in every field, which says so and writes nothing as usual.
pub fn add_record_unless(
    ctx: &Ctx,
    s: &mut Session,
    write: &WriteArgs,
    (kind, id): (Kind, &NewId),
    fields: &[(&str, Value)],
    (shown, message): (&str, &Text),
    taken: Option<CliError>,
) -> Result<Exit, CliError> {
    let t = target(s, kind)?;
    let fields = &values::in_folder_words(s.ds.settings.values, fields);
    if let Some((line, old)) = t.file.as_ref().and_then(|f| recorded(f, t.format, kind, fields)) {
        sayln!(words::already_recorded_as(&old, &t.rel, line));
        return Ok(Exit::Ok);
    }
    if let Some(e) = taken {
        return Err(e);
    }
    let mut adds = Additions::new(t, kind);
    adds.push(fields)?;
    let (t, line, end, added, whole) =
        (&adds.t, *adds.spans[0].start(), *adds.spans[0].end(), &adds.added, &adds.whole);
    let findings = judge(s, ctx.today, &t.rel, kind, t.format, whole, line..=end);
    s.vet(findings)?;
    if id.chosen {
        note(&words::new_id(id.noun, &id.id));
    }
    if write.dry_run {
        sayln!(words::would_add_at(&t.rel, line));
        echo(&added.replace("\r\n", "\n"));
        return Ok(Exit::Ok);
    }
    append(t, added, whole)?;
    sayln!(words::added_at(&t.rel, line, shown));
    s.commit(write, std::slice::from_ref(&t.path), message);
    Ok(Exit::Ok)
}

/// New records of one kind for its file ([`target`]), each written as [`add_record`] writes
/// one: in the file's format, column order and line ends, after the records before it. `gov
/// import` adds a sheet's rows this way, judged together and appended in one write.
pub struct Additions {
    pub t: Target,
    pub kind: Kind,
    /// The text added (the file's last open line left to [`append`] to end), and the file's
    /// whole new text.
    pub added: String,
    pub whole: String,
    /// The lines each record takes in `whole`, in the order they were pushed.
    pub spans: Vec<std::ops::RangeInclusive<u32>>,
    /// Once a record is pushed and the text ends a line: the file's newline, its CSV header, and
    /// the first record's text (a YAML item's style), so that a thousand records do not read
    /// the whole text a thousand times.
    after: Option<(&'static str, Vec<String>, String)>,
}

impl Additions {
    pub fn new(t: Target, kind: Kind) -> Additions {
        let whole = t.file.as_ref().map_or_else(String::new, |f| f.text.clone());
        Additions { t, kind, added: String::new(), whole, spans: Vec::new(), after: None }
    }

    /// One more record, its fields in the folder's words ([`values::in_folder_words`]).
    pub fn push(&mut self, fields: &[(&str, Value)]) -> Result<(), CliError> {
        if let (Some((nl, header, first)), Some(last)) = (&self.after, self.spans.last()) {
            // The records after the first, each after the one before, as the first was added.
            let added = match self.t.format {
                Format::Csv => {
                    let row = csv_row(&self.t, header, fields)?;
                    if *nl == "\n" { row } else { row.replace("\r\n", "\n").replace('\n', nl) }
                }
                Format::Yaml => yaml_edit::append_item(first, nl, fields)[first.len()..].to_string(),
            };
            let line = last.end() + 1;
            self.spans.push(line..=line + split::lines(&added).count().max(1) as u32 - 1);
            self.whole.push_str(&added);
            self.added.push_str(&added);
            return Ok(());
        }
        let columns = self.kind.columns().0;
        let fresh = self.t.file.is_none() && self.spans.is_empty();
        let (line, added, whole) = match (fresh, self.t.format) {
            (true, Format::Yaml) => {
                let whole = yaml_edit::append_item("", "\n", fields);
                (1, whole.clone(), whole)
            }
            (true, _) => {
                let header: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
                let row = csv_row(&self.t, &header, fields)?;
                (2, row.clone(), csv_edit::new_file(columns, &[row]))
            }
            (false, Format::Csv) => {
                // In the file's own line end, a lone `\r` included, on the line the loader will
                // read it on.
                let text = &self.whole;
                let nl = split::newline(text);
                let row = csv_row(&self.t, &csv_edit::header(text, columns), fields)?;
                let row = if nl == "\n" { row } else { row.replace("\r\n", "\n").replace('\n', nl) };
                let open = !text.is_empty() && !text.ends_with(['\n', '\r']);
                let line = split::count_line_ends(text.as_bytes()) as u32 + 1 + u32::from(open);
                let whole = format!("{text}{}{row}", if open { nl } else { "" });
                (line, row, whole)
            }
            (false, Format::Yaml) => {
                let text = &self.whole;
                if !yaml_edit::is_list(text) {
                    return Err(
                        CliError::refused(errors::yaml_not_a_list(&self.t.rel)).hint(errors::hint_make_a_list())
                    );
                }
                let nl = split::newline(text);
                let whole = yaml_edit::append_item(text, nl, fields);
                let mut added = whole[text.len()..].to_string();
                if let Some(rest) = added.strip_prefix(nl) {
                    added = rest.to_string();
                }
                let open = !text.is_empty() && !text.ends_with(['\n', '\r']);
                (split::count_line_ends(text.as_bytes()) as u32 + 1 + u32::from(open), added, whole)
            }
        };
        let end = line + split::lines(&added).count().max(1) as u32 - 1;
        self.spans.push(line..=end);
        self.added.push_str(&added);
        self.whole = whole;
        if self.whole.ends_with(['\n', '\r']) && added.ends_with(['\n', '\r']) {
            let nl = split::newline(&self.whole);
            let header = match self.t.format {
                Format::Csv => csv_edit::header(&self.whole, columns),
                Format::Yaml => Vec::new(),
            };
            self.after = Some((nl, header, added));
        }
        Ok(())
    }

    /// Writes them: appended in one write (cut back on failure), or the file created.
    pub fn write(&self) -> Result<(), CliError> {
        append(&self.t, &self.added, &self.whole)
    }
}

/// New files, all or none (`gov import` of issues, one file each): created one by one under a
/// journal ([`crate::store::journal`]), so that a writer killed part-way is undone by the next
/// one; none may exist yet. `rel` is relative to the folder.
pub fn create_files(s: &Session, files: &[(PathBuf, String)]) -> Result<(), CliError> {
    use crate::store::journal::{Entry, Journal};
    let entries: Vec<Entry> = files
        .iter()
        .map(|(rel, text)| Entry { path: rel.clone(), old_len: None, new_len: text.len() as u64 })
        .collect();
    let journal = Journal::begin(&s.root, &entries).or_os(errors::batch_cannot_start)?;
    for (rel, text) in files {
        let path = s.root.join(rel);
        if let Err(e) = create_new(&path, text) {
            let _ = crate::store::journal::roll_back(&s.root);
            drop(journal);
            return Err(e).or_os(|| errors::cannot_write(&path));
        }
    }
    journal.finish().or_os(errors::batch_cannot_finish)?;
    Ok(())
}

/// Text as compared for duplicates: trimmed, full-width letters, digits and signs folded to
/// half-width (`３号楼` is `3号楼`), ASCII letters in lower case, spaces left out.
pub fn folded(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A phone as compared for duplicates: its digits (full-width folded), without a leading `86`
/// country code on a mobile number.
pub fn folded_phone(phone: &str) -> String {
    let digits: String = folded(phone).chars().filter(char::is_ascii_digit).collect();
    match digits.strip_prefix("86") {
        Some(rest) if rest.len() == 11 => rest.to_string(),
        _ => digits,
    }
}

/// Fields a command fills in by itself (a household's registration date, today unless given):
/// a record already there that differs only in them is the same record, added before.
const FILLED_IN: &[(Kind, &str)] = &[(Kind::Households, "since")];

/// The line and id of a record in `file` whose every field but the id (and those gov fills in,
/// [`FILLED_IN`]) reads as in `fields`.
fn recorded(file: &TextFile, format: Format, kind: Kind, fields: &[(&str, Value)]) -> Option<(u32, String)> {
    let text = |v: Option<&RawValue<'_>>| match v {
        Some(RawValue::Scalar(s)) => s.trim().to_string(),
        Some(RawValue::List(items)) => items.iter().map(|i| i.trim()).collect::<Vec<_>>().join(";"),
        _ => String::new(),
    };
    let same = |rec: &crate::load::raw::RawRecord<'_>| {
        let get = |k: &str| rec.fields.iter().find(|f| f.key == k).map(|f| &f.value);
        fields
            .iter()
            .filter(|(k, _)| *k != "id" && !FILLED_IN.contains(&(kind, *k)))
            .all(|(k, v)| values::canonical(k, &text(get(k))) == values::canonical(k, cell(v).trim()))
            .then(|| (rec.line, text(get("id"))))
    };
    match format {
        Format::Csv => {
            let (known, required) = kind.columns();
            let mut found = None;
            let mut sink = crate::load::fields::Sink::new(&file.path);
            crate::load::csv::for_each_row(&file.text, &mut sink, known, required, |rec, _| {
                if found.is_none() {
                    found = same(rec);
                }
            });
            found
        }
        Format::Yaml => crate::load::yaml::parse_records(&file.text).ok()?.iter().find_map(same),
    }
}

fn csv_row(t: &Target, header: &[String], fields: &[(&str, Value)]) -> Result<String, CliError> {
    let values: Vec<(&str, String)> = fields.iter().map(|(k, v)| (*k, cell(v))).collect();
    csv_edit::row(header, &values)
        .map_err(|e| CliError::refused(errors::refused_in(&t.rel.display().to_string(), &e.text())))
}

/// Where an edited record sits in its file's text.
pub enum Place {
    /// A CSV row: its byte range, and the header's column names.
    Csv {
        row: std::ops::Range<usize>,
        header: Vec<String>,
    },
    Yaml(yaml_edit::Record),
}

/// Changes the record `id` at `loc` in place with `edit` (given the file's text, its newline and
/// the record's place; returning the new text or why it cannot, in the catalogue's words), judges the result as `gov check`
/// would (refusing what the edit makes worse), then shows (--dry-run) or writes it through a
/// whole-file replace, prints `done` with the place of the change, and commits with `message`
/// when asked.
pub fn edit_record(
    ctx: &Ctx,
    s: &mut Session,
    write: &WriteArgs,
    kind: Kind,
    (loc, id): (Loc, &str),
    edit: impl FnOnce(&str, &str, &Place) -> Result<String, Text>,
    (done, message): (&Text, &Text),
) -> Result<Exit, CliError> {
    let format = s.ds.files[loc.file.0 as usize].format;
    // The record is found as the loader found it, and must be the one `id` names.
    let place = |text: &str| match format {
        Format::Csv => {
            let columns = kind.columns().0;
            let row = csv_edit::record_at(text, loc.line, "id", id, columns).map_err(|e| e.text())?;
            Ok(Place::Csv { row, header: csv_edit::header(text, columns) })
        }
        Format::Yaml => Ok(Place::Yaml(yaml_place(text, loc.line, id)?)),
    };
    let lines = |text: &str| match format {
        Format::Csv => loc.line..=loc.line,
        Format::Yaml => yaml_record_lines(text, loc.line),
    };
    edit_in_file(ctx, s, write, (kind, loc), place, edit, lines, (done, message))
}

/// The record at `loc` changed in place: `place` finds it in the file's text (or says why it
/// cannot), `edit` makes the new text, and the `lines` of a text (the record's) are judged before
/// and after, refusing what the edit makes worse. Then as [`edit_record`].
#[allow(clippy::too_many_arguments)]
pub fn edit_in_file(
    ctx: &Ctx,
    s: &mut Session,
    write: &WriteArgs,
    (kind, loc): (Kind, Loc),
    place: impl FnOnce(&str) -> Result<Place, Text>,
    edit: impl FnOnce(&str, &str, &Place) -> Result<String, Text>,
    lines: impl Fn(&str) -> std::ops::RangeInclusive<u32>,
    (done, message): (&Text, &Text),
) -> Result<Exit, CliError> {
    let src = s.ds.files[loc.file.0 as usize].clone();
    let path = s.root.join(&src.path);
    let file = TextFile::read(&path)
        .or_os(|| errors::cannot_read(&path))?
        .ok_or_else(|| CliError::io(errors::file_gone(&path)))?;
    let refused =
        |why: Text| CliError::refused(errors::refused_in(&format!("{}:{}", src.path.display(), loc.line), &why));
    let place = place(&file.text).map_err(refused)?;
    // The file's own line end, a lone `\r` (old Mac files) included.
    let nl = split::newline(&file.text);
    let new = edit(&file.text, nl, &place).map_err(refused)?;
    let before = judge(s, ctx.today, &src.path, kind, src.format, &file.text, lines(&file.text));
    let after = judge(s, ctx.today, &src.path, kind, src.format, &new, lines(&new));
    s.vet(new_findings(&before, after))?;
    if write.dry_run {
        sayln!(words::would_change());
        echo(&diff(&src.path, &file.text, &new));
        return Ok(Exit::Ok);
    }
    let t = Target { path: path.clone(), rel: src.path.clone(), format: src.format, file: Some(file) };
    save(&t, &new)?;
    let changed = file_text_prefix_lines(&t, &new);
    sayln!(words::changed_at(done, &src.path, changed));
    s.commit(write, &[path], message);
    Ok(Exit::Ok)
}

/// A member by what the user typed (id, name or a unique part of it). A syntactically valid id
/// that matches nobody is passed on as written, so the check reports it with its usual words.
pub fn pick_member(ix: &Index<'_>, typed: &str) -> Result<String, CliError> {
    pick(ix.find_member(typed), typed, ix)
}

/// A household by what the user typed (id, or a unique part of the address or head's name).
pub fn pick_household(ix: &Index<'_>, typed: &str) -> Result<String, CliError> {
    pick(ix.find_household(typed), typed, ix)
}

fn pick(found: Result<Sym, FindError>, typed: &str, ix: &Index<'_>) -> Result<String, CliError> {
    match found {
        Ok(sym) => Ok(ix.ds.name(sym).to_string()),
        Err(FindError::None { .. }) if id_problem(typed.trim()).is_none() => Ok(typed.trim().to_string()),
        Err(e) => Err(CliError::from(e).hint(errors::hint_id_or_name())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_ids_follow_the_pattern() {
        assert_eq!(next_id(["M0759", "M0760", "M0012"].into_iter(), "M0001"), "M0761");
        assert_eq!(next_id(["H9", "H10", "x"].into_iter(), "H0001"), "H11");
        assert_eq!(next_id(["M999"].into_iter(), "M0001"), "M1000");
        assert_eq!(next_id(["A-01", "A-02", "B-7"].into_iter(), "M0001"), "A-03");
        assert_eq!(next_id(std::iter::empty(), "M0001"), "M0001");
        let mut n = Numbering::new(["M0759", "M0761"].into_iter(), "M0001");
        assert_eq!([n.next_id(), n.next_id(), n.next_id()], ["M0762", "M0763", "M0764"]);
        let mut n = Numbering::new(std::iter::empty(), "G01");
        assert_eq!([n.next_id(), n.next_id()], ["G01", "G02"]);
    }

    #[test]
    fn duplicates_are_compared_folded() {
        assert_eq!(folded(" 幸福里３号楼２单元301室 "), folded("幸福里3号楼2单元301室"));
        assert_eq!(folded("A座 1201"), folded("a座1201"));
        assert_ne!(folded("3号楼301室"), folded("3号楼302室"));
        assert_eq!(folded_phone("+86 138-0013-8000"), "13800138000");
        assert_eq!(folded_phone("１３８００１３８０００"), "13800138000");
    }

    #[test]
    fn diffs_show_changed_lines() {
        let d = diff(Path::new("h.csv"), "id\nH1,red\nH2\n", "id\nH1,green\nH2\n");
        assert_eq!(d, "--- h.csv (line 2)\n-H1,red\n+H1,green\n");
    }
}
