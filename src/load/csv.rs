//! CSV files to [`RawRecord`]s, one row at a time, borrowing from the file's text. The header is
//! checked once (unknown, duplicate and missing columns); rows whose field count differs from the
//! header's are reported and skipped; blank rows (Excel leaves `,,,`) are skipped silently.

use std::borrow::Cow;

use super::fields::{Sink, unknown_field};
use super::raw::{RawField, RawRecord, RawValue};
use crate::finding::Code;
use crate::finding::shorten;

/// Reads `text` as CSV and calls `each` with every well-formed row.
pub fn for_each_row(
    text: &str,
    sink: &mut Sink<'_>,
    known: &[&str],
    required: &[&str],
    mut each: impl FnMut(&RawRecord<'_>, &mut Sink<'_>),
) {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut row = csv::ByteRecord::new();
    let header: Vec<String> = match reader.read_byte_record(&mut row) {
        Ok(true) => row.iter().map(|f| String::from_utf8_lossy(f).trim().to_string()).collect(),
        Ok(false) => return, // an empty file holds no records
        Err(e) => {
            sink.push(Code::ParseError, 1, 0, format!("cannot read the header row: {e}"), None);
            return;
        }
    };
    if !check_header(&header, sink, known, required) {
        return;
    }
    let mut lines = LineCounter::default();
    loop {
        match reader.read_byte_record(&mut row) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as u32);
                sink.push(Code::ParseError, line, 0, format!("cannot read this row: {e}"), None);
                break;
            }
        }
        let line = lines.line_at(text.as_bytes(), row.position().map_or(0, |p| p.byte() as usize));
        if row.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        if row.len() != header.len() {
            sink.push(
                Code::ParseError,
                line,
                0,
                format!("row has {} fields but the header has {}", row.len(), header.len()),
                Some("a value containing a comma must be quoted: \"like, this\"".into()),
            );
            continue;
        }
        let fields = header
            .iter()
            .zip(row.iter())
            .map(|(key, value)| RawField {
                key: Cow::Borrowed(key.as_str()),
                value: RawValue::Scalar(Cow::Borrowed(std::str::from_utf8(value).unwrap_or_default().trim())),
                line,
                column: 0, // CSV findings name the column instead of a character position
            })
            .collect();
        each(&RawRecord { line, fields }, sink);
    }
}

/// 1-based line numbers from byte offsets, counted forward once through the file. (csv's own
/// line count is one short for CRLF files: it ends a record at `\r` and meets the `\n` later.)
#[derive(Default)]
struct LineCounter {
    pos: usize,
    newlines: usize,
}

impl LineCounter {
    fn line_at(&mut self, text: &[u8], start: usize) -> u32 {
        let mut start = start.min(text.len());
        while start < text.len() && matches!(text[start], b'\r' | b'\n') {
            start += 1;
        }
        if start >= self.pos {
            self.newlines += text[self.pos..start].iter().filter(|&&b| b == b'\n').count();
            self.pos = start;
        }
        (self.newlines + 1) as u32
    }
}

/// Walks CSV bytes the way CSV reads quotes: a `"` at the start of a field opens a quoted value;
/// inside one, `""` is an escaped quote (walked over as one step) and a lone `"` closes it. The
/// loader's check for unclosed quotes and the writer's record and field finder
/// ([`crate::store::csv_edit`]) both walk with it, so they cannot disagree.
pub struct Quotes<'a> {
    bytes: &'a [u8],
    at: usize,
    inside: bool,
    field_start: bool,
}

/// One byte of a [`Quotes`] walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteStep {
    /// Its position.
    pub at: usize,
    pub byte: u8,
    /// It opened a quoted value.
    pub opened: bool,
    /// Inside a quoted value after it.
    pub inside: bool,
}

pub fn quotes(bytes: &[u8]) -> Quotes<'_> {
    Quotes { bytes, at: 0, inside: false, field_start: true }
}

impl Iterator for Quotes<'_> {
    type Item = QuoteStep;

    fn next(&mut self) -> Option<QuoteStep> {
        let (at, byte) = (self.at, *self.bytes.get(self.at)?);
        let mut opened = false;
        if self.inside {
            if byte == b'"' {
                if self.bytes.get(at + 1) == Some(&b'"') {
                    self.at += 1;
                } else {
                    self.inside = false;
                }
            }
        } else if byte == b'"' && self.field_start {
            self.inside = true;
            opened = true;
        }
        self.field_start = !self.inside && matches!(byte, b',' | b'\n' | b'\r');
        self.at += 1;
        Some(QuoteStep { at, byte, opened, inside: self.inside })
    }
}

/// The line where a quoted value opens and is never closed, if any.
pub fn unclosed_quote(text: &str) -> Option<u32> {
    if !text.as_bytes().contains(&b'"') {
        return None; // most files: one fast scan instead of a byte-by-byte walk
    }
    let (mut line, mut opened_at, mut inside) = (1u32, 0u32, false);
    for step in quotes(text.as_bytes()) {
        if step.opened {
            opened_at = line;
        }
        if step.byte == b'\n' {
            line += 1;
        }
        inside = step.inside;
    }
    inside.then_some(opened_at)
}

/// Reports header problems once per file; false when the file cannot be read at all.
pub(crate) fn check_header(header: &[String], sink: &mut Sink<'_>, known: &[&str], required: &[&str]) -> bool {
    let mut ok = true;
    let mut seen = std::collections::HashSet::new();
    for (i, name) in header.iter().enumerate() {
        let shown = shorten(name);
        if name.is_empty() {
            sink.push(
                Code::ParseError,
                1,
                0,
                format!("column {} of the header has no name", i + 1),
                Some("name every column, or delete the empty one".into()),
            );
            ok = false;
        } else if !seen.insert(name.as_str()) {
            sink.push(Code::ParseError, 1, 0, format!("column `{shown}` appears twice in the header"), None);
            ok = false;
        } else if !known.contains(&name.as_str()) {
            unknown_field(sink, name, 1, 0, known);
        }
    }
    for name in required {
        if !header.iter().any(|h| h == name) {
            sink.push(
                Code::MissingField,
                1,
                0,
                format!("required column `{name}` is missing from the header"),
                Some(format!("add a `{name}` column")),
            );
        }
    }
    ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    type Rows = Vec<(u32, Vec<(String, String)>)>;
    type Found = Vec<(Code, Option<u32>, String)>;

    fn rows(text: &str) -> (Rows, Found) {
        let path = Path::new("t.csv");
        let mut sink = Sink::new(path);
        let mut out = Vec::new();
        for_each_row(text, &mut sink, &["a", "b", "c"], &["a"], |r, _| {
            out.push((
                r.line,
                r.fields
                    .iter()
                    .map(|f| match &f.value {
                        RawValue::Scalar(s) => (f.key.to_string(), s.to_string()),
                        _ => unreachable!(),
                    })
                    .collect(),
            ))
        });
        (out, sink.findings.into_iter().map(|f| (f.code, f.line, f.message)).collect())
    }

    #[test]
    fn crlf_quotes_and_column_order() {
        let (rows, findings) = rows("c,a\r\n\"x, y\",1\r\n\"multi\nline\",2\r\n");
        assert!(findings.is_empty());
        assert_eq!(rows[0], (2, vec![("c".into(), "x, y".into()), ("a".into(), "1".into())]));
        assert_eq!(rows[1].0, 3);
        assert_eq!(rows[1].1[0].1, "multi\nline");
    }

    #[test]
    fn bad_rows_are_reported_and_skipped() {
        let (rows, findings) = rows("a,b\n1,2\n1,2,3\n,\n4,5\n");
        assert_eq!(rows.len(), 2);
        assert_eq!(findings, vec![(Code::ParseError, Some(3), "row has 3 fields but the header has 2".into())]);
    }

    #[test]
    fn the_quote_walk() {
        let text = b"a,\"x\"\"y,\n\",b\"c\n";
        let inside: String = quotes(text).map(|s| if s.inside { 'q' } else { '.' }).collect();
        // `""` is one step; the comma and newline inside the quotes are part of the value; a
        // quote in the middle of a field (`b"c`) is a literal.
        assert_eq!(inside, "..qqqqqq......");
        let opened: Vec<usize> = quotes(text).filter(|s| s.opened).map(|s| s.at).collect();
        assert_eq!(opened, [2]);
    }

    #[test]
    fn unclosed_quotes() {
        assert_eq!(unclosed_quote("a,b\n1,\"x\"\"y\"\n"), None);
        assert_eq!(unclosed_quote("a,b\n1,\"multi\nline\"\n"), None);
        assert_eq!(unclosed_quote("a,b\n1,他说\"好\n"), None); // a quote inside a field is literal
        assert_eq!(unclosed_quote("a,b\n1,2\n3,\"看望老人，询问"), Some(3));
        assert_eq!(unclosed_quote("a,b\r\n1,\"x\r\n"), Some(2));
    }

    #[test]
    fn header_problems_once() {
        let (_, findings) = rows("b,d,b\n1,2,3\n");
        let codes: Vec<_> = findings.iter().map(|f| f.0).collect();
        assert_eq!(codes, [Code::UnknownField, Code::ParseError, Code::MissingField]);
        let (rows, findings) = rows("");
        assert!(rows.is_empty() && findings.is_empty());
    }
}
