//! Editing CSV text in place: the header, a new row in the file's own column order (extra
//! columns a person added stay, empty), and the exact span of one cell. Nothing else in the file
//! is touched.

use crate::load::csv::quotes;
use std::ops::Range;

/// The header's column names, trimmed (a BOM is already gone: the text is decoded).
pub fn header(text: &str) -> Vec<String> {
    let mut r = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rec = csv::StringRecord::new();
    match r.read_record(&mut rec) {
        Ok(true) => rec.iter().map(|f| f.trim().to_string()).collect(),
        _ => Vec::new(),
    }
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

/// Each record's 1-based starting line and byte range (terminator included), header first.
pub fn records(text: &str) -> Vec<(u32, Range<usize>)> {
    let mut starts = Vec::new();
    let (mut line, mut record_open) = (1u32, false);
    for step in quotes(text.as_bytes()) {
        if !record_open && step.byte != b'\r' && step.byte != b'\n' {
            starts.push((line, step.at));
            record_open = true;
        }
        if step.byte == b'\n' {
            record_open &= step.inside;
            line += 1;
        }
    }
    let mut out = Vec::with_capacity(starts.len());
    for (k, &(line, start)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(text.len(), |&(_, s)| s);
        out.push((line, start..end));
    }
    out
}

/// The byte ranges of each field of one record (the range as given by [`records`]), quotes
/// included, terminator excluded.
pub fn field_spans(text: &str, record: Range<usize>) -> Vec<Range<usize>> {
    let bytes = &text.as_bytes()[record.clone()];
    let mut spans = Vec::new();
    let (mut start, mut end) = (0, bytes.len());
    for step in quotes(bytes).filter(|s| !s.inside) {
        match step.byte {
            b',' => {
                spans.push(record.start + start..record.start + step.at);
                start = step.at + 1;
            }
            b'\r' | b'\n' => {
                end = step.at;
                break;
            }
            _ => {}
        }
    }
    spans.push(record.start + start..record.start + end);
    spans
}

/// The value of a field span, unquoted and trimmed.
pub fn value(text: &str, span: Range<usize>) -> String {
    let raw = text[span].trim();
    match raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        Some(inner) => inner.replace("\"\"", "\""),
        None => raw.to_string(),
    }
}

/// `text` with one cell replaced.
pub fn set_cell(text: &str, span: Range<usize>, new_value: &str) -> String {
    let mut out = String::with_capacity(text.len() + new_value.len());
    out.push_str(&text[..span.start]);
    out.push_str(&field(new_value));
    out.push_str(&text[span.end..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_follow_the_files_columns() {
        let h = header("household,date,备注,member,method,summary\n");
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
}
