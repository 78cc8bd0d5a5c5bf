//! CSV files to [`RawRecord`]s, one row at a time, borrowing from the file's text. Records,
//! fields and line numbers come from [`split`], which the editor uses too. The header is
//! checked once (unknown, duplicate and missing columns); rows whose field count differs from the
//! header's are reported and skipped; blank rows (Excel leaves `,,,`) are skipped silently.

use std::borrow::Cow;

use super::fields::Sink;
use super::raw::{RawField, RawRecord, RawValue};
use crate::finding::Code;
use crate::finding::shorten;
use crate::text::findings as say;

pub mod columns;
pub mod split;

/// Reads `text` as CSV and calls `each` with every well-formed row. Records and their lines come
/// from [`split`], the splitter the editor uses too.
pub fn for_each_row(
    text: &str,
    sink: &mut Sink<'_>,
    known: &[&str],
    required: &[&str],
    mut each: impl FnMut(&RawRecord<'_>, &mut Sink<'_>),
) {
    let mut records = split::Splitter::new(text);
    let mut spans = Vec::new();
    if records.next_record(&mut spans).is_none() {
        return; // an empty file holds no records
    }
    let cells: Vec<Cow<'_, str>> = spans.iter().map(|f| split::value(text, f.clone())).collect();
    let header = columns::field_names(cells.iter().map(|c| c.as_ref()), known);
    if !check_header(&header, sink, known, required) {
        return;
    }
    let mut values: Vec<Cow<'_, str>> = Vec::with_capacity(header.len());
    while let Some(record) = records.next_record(&mut spans) {
        let line = record.line;
        values.clear();
        values.extend(spans.iter().map(|f| split::value(text, f.clone())));
        if values.iter().all(|v| v.bytes().all(|b| b.is_ascii_whitespace())) {
            continue;
        }
        if values.len() != header.len() {
            sink.push(
                Code::ParseError,
                line,
                0,
                say::row_width(values.len(), header.len()),
                Some(say::row_width_hint()),
            );
            continue;
        }
        let fields = header
            .iter()
            .zip(values.drain(..))
            .map(|(key, value)| RawField {
                key: Cow::Borrowed(key.as_str()),
                value: RawValue::Scalar(trimmed(value)),
                line,
                column: 0, // CSV findings name the column instead of a character position
            })
            .collect();
        each(&RawRecord { line, fields }, sink);
    }
}

/// A value trimmed, still borrowed if it was.
fn trimmed(value: Cow<'_, str>) -> Cow<'_, str> {
    match value {
        Cow::Borrowed(s) => Cow::Borrowed(s.trim()),
        Cow::Owned(s) if s.trim().len() == s.len() => Cow::Owned(s),
        Cow::Owned(s) => Cow::Owned(s.trim().to_string()),
    }
}

/// The line where a quoted value opens and is never closed, if any.
pub fn unclosed_quote(text: &str) -> Option<u32> {
    if !text.as_bytes().contains(&b'"') {
        return None; // most files: one fast scan instead of a walk
    }
    split::records(text).find_map(|r| r.unclosed)
}

/// Reports a column no field is named by, listing the known ones with their Chinese names.
/// Unknown columns of one header that get a hint: `gov check` shows the first 20 findings of a
/// code in a file and counts the rest, so a header of 150,000 made-up columns costs 20 hints.
const HINTED: usize = 20;

fn unknown_column(sink: &mut Sink<'_>, name: &str, known: &[&str], list: Option<&str>) {
    let shown = shorten(name);
    let hint = list.map(|list| say::unknown_column_hint(columns::closest(&shown, known).as_deref(), list));
    sink.push(Code::UnknownField, 1, 0, say::unknown_column(&shown), hint);
}

/// Reports header problems once per file; false when the file cannot be read at all.
pub(crate) fn check_header(header: &[String], sink: &mut Sink<'_>, known: &[&str], required: &[&str]) -> bool {
    let mut ok = true;
    let mut seen = std::collections::HashSet::new();
    let mut unknown = 0;
    let mut list = None;
    for (i, name) in header.iter().enumerate() {
        let shown = shorten(name);
        if name.is_empty() {
            sink.push(Code::ParseError, 1, 0, say::unnamed_column(i + 1), Some(say::unnamed_column_hint()));
            ok = false;
        } else if !seen.insert(name.as_str()) {
            sink.push(Code::ParseError, 1, 0, say::duplicate_column(&shown), None);
            ok = false;
        } else if !known.contains(&name.as_str()) {
            unknown += 1;
            let list = (unknown <= HINTED).then(|| list.get_or_insert_with(|| columns::known_list(known)).as_str());
            unknown_column(sink, name, known, list);
        }
    }
    for name in required {
        if !header.iter().any(|h| h == name) {
            sink.push(Code::MissingField, 1, 0, say::missing_column(name), Some(say::missing_column_hint(name)));
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
        (out, sink.findings.into_iter().map(|f| (f.code, f.line, f.message.en().to_string())).collect())
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
    fn every_line_end_counts() {
        // A stray lone `\r` ends a record and a line, as in a CR-only (old Mac) file.
        let (got, findings) = rows("a,b\n1,2\r3,4\n5,6\n");
        assert!(findings.is_empty());
        assert_eq!(got.iter().map(|r| (r.0, r.1[0].1.as_str())).collect::<Vec<_>>(), [(2, "1"), (3, "3"), (4, "5")]);
        let (got, _) = rows("a,b\r1,2\r\r3,4\r");
        assert_eq!(got.iter().map(|r| (r.0, r.1[0].1.as_str())).collect::<Vec<_>>(), [(2, "1"), (4, "3")]);
        let (_, findings) = rows("a,b\r1,2\r1,2,3\r");
        assert_eq!(findings, vec![(Code::ParseError, Some(3), "row has 3 fields but the header has 2".into())]);
    }

    #[test]
    fn bad_rows_are_reported_and_skipped() {
        let (rows, findings) = rows("a,b\n1,2\n1,2,3\n,\n4,5\n");
        assert_eq!(rows.len(), 2);
        assert_eq!(findings, vec![(Code::ParseError, Some(3), "row has 3 fields but the header has 2".into())]);
    }

    #[test]
    fn unclosed_quotes() {
        assert_eq!(unclosed_quote("a,b\n1,\"x\"\"y\"\n"), None);
        assert_eq!(unclosed_quote("a,b\n1,\"multi\nline\"\n"), None);
        assert_eq!(unclosed_quote("a,b\n1,他说\"好\n"), None); // a quote inside a field is literal
        assert_eq!(unclosed_quote("a,b\n1,2\n3,\"看望老人，询问"), Some(3));
        assert_eq!(unclosed_quote("a,b\r\n1,\"x\r\n"), Some(2));
        assert_eq!(unclosed_quote("a,b\r1,2\r3,\"x\r"), Some(3));
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
