//! Editing CSV text in place: the header, a new row in the file's own column order (extra
//! columns a person added stay, empty), and the exact span of one cell. Nothing else in the file
//! is touched.

use std::ops::Range;

use super::span;
use crate::finding::shorten;
use crate::load::csv::{columns, split};

/// The header's columns as the field names they stand for among `known` (a Chinese name is its
/// field's, as the loader reads it: [`columns::field_name`]), trimmed; an unknown one as it is.
/// A BOM is already gone: the text is decoded.
pub fn header(text: &str, known: &[&str]) -> Vec<String> {
    let mut fields = Vec::new();
    split::Splitter::new(text).next_record(&mut fields);
    names(text, &fields, known)
}

/// The field names of a header's cells.
fn names(text: &str, cells: &[Range<usize>], known: &[&str]) -> Vec<String> {
    let cells: Vec<_> = cells.iter().map(|f| split::value(text, f.clone())).collect();
    columns::field_names(cells.iter().map(|c| c.as_ref()), known)
}

/// One value as a CSV field: quoted when it must be.
pub fn field(value: &str) -> String {
    let needs = value.contains([',', '"', '\n', '\r']) || value.starts_with(' ') || value.ends_with(' ');
    if needs { format!("\"{}\"", value.replace('"', "\"\"")) } else { value.to_string() }
}

/// Why a row cannot be written into a file's columns.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RowError {
    #[error("the file has no `{0}` column; add it to the header, or leave the value out")]
    NoColumn(String),
}

/// A row (ending in `\n`) with `values` placed under the header's columns. A value whose column
/// the header lacks is refused (naming it), unless it is empty.
pub fn row(header: &[String], values: &[(&str, String)]) -> Result<String, RowError> {
    for (name, value) in values {
        if !value.is_empty() && !header.iter().any(|h| h == name) {
            return Err(RowError::NoColumn(name.to_string()));
        }
    }
    let cells: Vec<String> =
        header.iter().map(|h| values.iter().find(|(n, _)| n == h).map(|(_, v)| field(v)).unwrap_or_default()).collect();
    Ok(format!("{}\n", cells.join(",")))
}

/// The text of a new file: header and rows.
pub fn new_file(columns: &[&str], rows: &[String]) -> String {
    let mut s = columns.join(",");
    s.push('\n');
    rows.iter().for_each(|r| s.push_str(r));
    s
}

/// Each record's 1-based starting line and byte range (its line end included), header first:
/// the records and lines the loader reads ([`split`]).
pub fn records(text: &str) -> Vec<(u32, Range<usize>)> {
    split::records(text).map(|r| (r.line, r.span.start..r.next)).collect()
}

/// Why no record can be edited at a line: [`record_at`] never guesses.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlaceError {
    #[error("no record starts on line {line}; the file may have changed since it was read; run the command again")]
    NoRecord { line: u32 },
    #[error(
        "the record on line {line} is `{found}`, not `{id}`; the file may have changed since it was read; run the command again"
    )]
    OtherRecord { line: u32, found: String, id: String },
    #[error("`{id}` is in more than one record (lines {lines}); remove the duplicate first")]
    Duplicate { id: String, lines: String },
    #[error("the file has no `{column}` column")]
    NoColumn { column: String },
}

/// The record that starts on 1-based `line` (its byte range, line end included, as in
/// [`records`]), if it is the one record whose `column` holds `id`. Refused, saying why, when
/// no record starts there, when the record there holds another id (the file changed since it
/// was read), or when `id` is in more than one record: an edit never guesses.
/// Columns are named as [`header`] names them among `known`.
pub fn record_at(text: &str, line: u32, column: &str, id: &str, known: &[&str]) -> Result<Range<usize>, PlaceError> {
    let mut records = split::Splitter::new(text);
    let mut fields = Vec::new();
    records.next_record(&mut fields).ok_or(PlaceError::NoRecord { line })?;
    let header = names(text, &fields, known);
    let col =
        header.iter().position(|h| h == column).ok_or_else(|| PlaceError::NoColumn { column: column.to_string() })?;
    let (mut at, mut holding) = (None, Vec::new());
    while let Some(r) = records.next_record(&mut fields) {
        let value = fields.get(col).map(|f| split::value(text, f.clone()));
        let value = value.as_deref().map_or("", str::trim);
        if r.line == line {
            at = Some((value.to_string(), r.span.start..r.next));
        }
        if value == id {
            holding.push(r.line);
        }
    }
    let Some((found, range)) = at else { return Err(PlaceError::NoRecord { line }) };
    if holding.len() > 1 {
        let lines = holding.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
        return Err(PlaceError::Duplicate { id: id.to_string(), lines });
    }
    if found != id {
        return Err(PlaceError::OtherRecord { line, found: shorten(&found).into_owned(), id: id.to_string() });
    }
    Ok(range)
}

/// The byte ranges of each field of one record (the range as given by [`records`]), quotes
/// included, line end excluded.
pub fn field_spans(text: &str, record: Range<usize>) -> Vec<Range<usize>> {
    let (start, record) = (record.start, span::get(text, record));
    let mut fields = Vec::new();
    split::Splitter::new(record).next_record(&mut fields);
    if fields.is_empty() {
        fields.push(0..0); // a record is at least one (empty) field
    }
    fields.into_iter().map(|f| start + f.start..start + f.end).collect()
}

/// The value of a field span, unquoted and trimmed, as the loader reads it.
pub fn value(text: &str, span: Range<usize>) -> String {
    let span = span::snap(text, span);
    split::value(text, span).trim().to_string()
}

/// `text` without one record (its range as given by [`records`], line end included).
pub fn remove(text: &str, record: Range<usize>) -> String {
    span::splice(text, record, "")
}

/// `text` with one cell replaced.
pub fn set_cell(text: &str, span: Range<usize>, new_value: &str) -> String {
    span::splice(text, span, &field(new_value))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::kinds::Record;
    const H: &[&str] = crate::kinds::Household::COLUMNS;

    #[test]
    fn rows_follow_the_files_columns() {
        let h = header("household,date,备注,member,method,summary\n", crate::kinds::Visit::COLUMNS);
        let r = row(
            &h,
            &[
                ("date", "2022-03-01".into()),
                ("member", "M1".into()),
                ("household", "H1".into()),
                ("method", "home".into()),
                ("summary", "看望, 聊天".into()),
                ("topics", String::new()),
            ],
        )
        .unwrap();
        assert_eq!(r, "H1,2022-03-01,,M1,home,\"看望, 聊天\"\n");
        let err = row(&h, &[("topics", "防诈骗".into())]).unwrap_err().to_string();
        assert!(err.contains("no `topics` column"));
    }

    #[test]
    fn records_and_cells() {
        let text = "id,color,contacts\r\nH1,red,M1\r\nH2,\"green\",\"M1;\nM2\"\r\nH3,yellow,M3";
        let recs = records(text);
        assert_eq!(recs.iter().map(|r| r.0).collect::<Vec<_>>(), [1, 2, 3, 5]);
        let spans = field_spans(text, recs[2].1.clone());
        assert_eq!(value(text, spans[1].clone()), "green");
        assert_eq!(value(text, spans[2].clone()), "M1;\nM2");
        let edited = set_cell(text, spans[1].clone(), "red");
        assert_eq!(edited, "id,color,contacts\r\nH1,red,M1\r\nH2,red,\"M1;\nM2\"\r\nH3,yellow,M3");
        let last = field_spans(text, recs[3].1.clone());
        assert_eq!(value(text, last[2].clone()), "M3");
    }

    #[test]
    fn the_record_at_a_line_is_the_loaders() {
        // H2's line ends in a lone `\r`: H3 is on line 4. The CR-only file has H2 on line 3.
        let stray = "id,color\nH1,red\nH2,green\rH3,yellow\n";
        let row = record_at(stray, 4, "id", "H3", H).unwrap();
        assert_eq!(&stray[row.clone()], "H3,yellow\n");
        let spans = field_spans(stray, row);
        assert_eq!(set_cell(stray, spans[1].clone(), "red"), "id,color\nH1,red\nH2,green\rH3,red\n");
        let cr = "id,color\rH1,red\rH2,green\r";
        assert_eq!(&cr[record_at(cr, 3, "id", "H2", H).unwrap()], "H2,green\r");
        assert_eq!(header(cr, H), ["id", "color"]);
        // Refusals: another id on the line, no record there, the id twice, no such column.
        let err = record_at(stray, 3, "id", "H3", H).unwrap_err().to_string();
        assert!(err.starts_with("the record on line 3 is `H2`, not `H3`"), "{err}");
        assert!(record_at(stray, 9, "id", "H3", H).unwrap_err().to_string().starts_with("no record starts on line 9"));
        let twice = "id,color\r\nH1,red\r\n\r\nH1,green\r\n";
        assert_eq!(
            record_at(twice, 2, "id", "H1", H).unwrap_err().to_string(),
            "`H1` is in more than one record (lines 2, 4); remove the duplicate first"
        );
        assert_eq!(record_at(stray, 2, "key", "H1", H).unwrap_err().to_string(), "the file has no `key` column");
        assert!(record_at("", 1, "id", "H1", H).is_err());
    }

    #[test]
    fn values_read_as_the_loader_reads_them() {
        let text = "a, \"x\" ,\"y\"\"z\",\"中,文\"";
        let spans = field_spans(text, 0..text.len());
        let values: Vec<String> = spans.iter().map(|s| value(text, s.clone())).collect();
        // A quote after a space is literal (then trimmed); `""` inside quotes is one quote.
        assert_eq!(values, ["a", "\"x\"", "y\"z", "中,文"]);
        // Spans that would split a character are widened, never a panic.
        assert_eq!(value("中文", 1..2), "中");
        assert_eq!(set_cell("中文", 1..3, "x"), "x文");
        assert_eq!(set_cell("中文", 1..4, "x"), "x");
    }
}
