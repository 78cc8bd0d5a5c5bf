//! Judging a record before it is written: the edited file's new text is read the way the loader
//! would read it, its records replace that file's in the dataset, and the checks run on the
//! lines that changed, so that a new or changed record is judged by the same rules and in the
//! same words as `gov check`.

use std::path::Path;

use chrono::NaiveDate;

use crate::cli::record::Session;
use crate::finding::{Code, Finding};
use crate::kinds::{KindFn, Record};
use crate::load::fields::{Fields, Sink};
use crate::load::raw::RawRecord;
use crate::model::{FileId, Format, Kind, Loc};

/// Reads `text` as the new content of the file at `rel` the way the loader would, replacing in
/// the dataset the records that came from that file, and returns what `gov check` would say about
/// the records on `lines` (1-based, inclusive).
pub fn judge(
    s: &mut Session,
    today: NaiveDate,
    rel: &Path,
    kind: Kind,
    format: Format,
    text: &str,
    lines: std::ops::RangeInclusive<u32>,
) -> Vec<Finding> {
    let fid = s.ds.file_id(rel, kind, format);
    let mut sink = Sink::new(rel);
    let records: Vec<RawRecord<'static>> = match format {
        Format::Csv => Vec::new(),
        Format::Yaml => match crate::load::yaml::parse_records(text) {
            Ok(records) => records,
            Err(e) => {
                sink.push(
                    Code::ParseError,
                    e.line,
                    e.column,
                    crate::text::findings::invalid_yaml(&e.message),
                    Some(crate::text::cli::write::hint_report_bug()),
                );
                Vec::new()
            }
        },
    };
    let mut retype = Retype {
        ds: &mut s.ds,
        file: fid,
        sink: &mut sink,
        csv: (format == Format::Csv).then_some(text),
        records: &records,
    };
    kind.with(&mut retype);
    let mut found: Vec<Finding> = sink
        .findings
        .into_iter()
        .filter(|f| f.code == Code::ParseError || f.line.is_some_and(|l| lines.contains(&l)))
        .collect();
    let locs: Vec<Loc> = lines.map(|line| Loc { file: fid, line }).collect();
    found.extend(crate::check::findings_at(&s.ds, today, &locs));
    found
}

/// Puts `text` in the dataset as the file at `rel` the way the loader would read it, judging
/// nothing: a batch that was judged and then not written puts the file back as it was.
pub fn retype(s: &mut Session, today: NaiveDate, rel: &Path, kind: Kind, format: Format, text: &str) {
    // Line 0 holds no record: nothing is judged.
    let _ = judge(s, today, rel, kind, format, text, 0..=0);
}

/// Replaces the records of one file in the dataset with those typed from its new text: a CSV
/// `csv` text, or parsed YAML `records`.
struct Retype<'a, 'p> {
    ds: &'a mut crate::model::Dataset,
    file: FileId,
    sink: &'a mut Sink<'p>,
    csv: Option<&'a str>,
    records: &'a [RawRecord<'static>],
}

impl KindFn for Retype<'_, '_> {
    type Out = ();
    fn call<T: Record>(&mut self) {
        let file = self.file;
        T::all_mut(self.ds).retain(|r| r.loc().file != file);
        let ds = &mut *self.ds;
        let mut typed = Vec::new();
        let mut each = |rec: &RawRecord<'_>, sink: &mut Sink<'_>| {
            let f = Fields::new(rec, sink, self.csv.is_some());
            typed.extend(T::read(f, &mut ds.ids, Loc { file, line: rec.line }, &ds.settings));
        };
        match self.csv {
            Some(text) => crate::load::csv::for_each_row(text, self.sink, T::COLUMNS, T::REQUIRED, &mut each),
            None => self.records.iter().for_each(|r| each(r, self.sink)),
        }
        T::all_mut(ds).extend(typed);
    }
}

/// The findings in `after` that `before` did not have: an edit is refused for what it makes
/// worse, not for what was already wrong with the record.
pub fn new_findings(before: &[Finding], after: Vec<Finding>) -> Vec<Finding> {
    after.into_iter().filter(|a| !before.iter().any(|b| b.code == a.code && b.message == a.message)).collect()
}

/// Where the rows a batch judges came from, for naming them: a CSV file (`visits.csv:7`), or a
/// sheet `gov import` read, whose rows are named by cell (`台账.xlsx!十月!C7`) when a finding is
/// about one field the sheet has a column for, else by row (`台账.xlsx!十月:7`).
pub struct Origin<'a> {
    /// The file, or `FILE!Sheet`.
    pub shown: std::path::PathBuf,
    /// Each field's column in the sheet (0 for A); none for a file.
    pub cells: &'a [(String, usize)],
}

impl Origin<'_> {
    /// A finding about a row of the input (its file is [`Origin::shown`]) named by its cell when
    /// it can be; any other finding as it is.
    pub fn place(&self, mut f: Finding) -> Finding {
        let Some(line) = f.line.filter(|_| f.file == self.shown) else { return f };
        let field = f.value.as_ref().map(|v| &*v.field);
        if let Some((_, c)) = field.and_then(|field| self.cells.iter().find(|(f, _)| f == field)) {
            let cell = format!("{}{line}", crate::load::sheet::column_letters(*c));
            f.file = std::path::PathBuf::from(format!("{}!{cell}", self.shown.display()));
            f.line = None;
            f.column = None;
            f.snippet = None;
        }
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_about_a_field_is_named_by_its_cell_else_by_its_row() {
        let cells = [("member".to_string(), 2), ("date".to_string(), 27)];
        let o = Origin { shown: "台账.xlsx!十月".into(), cells: &cells };
        let f = |field: &str| {
            Finding::new(Code::InvalidValue, "台账.xlsx!十月", Some(7), crate::text::findings::ambiguous_name_hint(&[]))
                .about(field, "v")
        };
        let cell = o.place(f("member"));
        assert_eq!((cell.file.to_string_lossy().into_owned(), cell.line), ("台账.xlsx!十月!C7".to_string(), None));
        assert_eq!(o.place(f("date")).file.to_string_lossy(), "台账.xlsx!十月!AB7");
        let row = o.place(f("summary"));
        assert_eq!((row.file.to_string_lossy().into_owned(), row.line), ("台账.xlsx!十月".to_string(), Some(7)));
        let elsewhere =
            Finding::new(Code::InvalidValue, "members.csv", Some(7), crate::text::findings::ambiguous_name_hint(&[]));
        assert_eq!(o.place(elsewhere.about("member", "v")).file.to_string_lossy(), "members.csv");
    }
}
