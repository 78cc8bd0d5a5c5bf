use proptest::prelude::*;

use super::*;

fn lines_of(text: &str) -> Vec<u32> {
    records(text).map(|r| r.line).collect()
}

/// Each record's field values.
fn values(text: &str) -> Vec<Vec<String>> {
    let mut s = Splitter::new(text);
    let mut fields = Vec::new();
    let mut out = Vec::new();
    while s.next_record(&mut fields).is_some() {
        out.push(fields.iter().map(|f| value(text, f.clone()).into_owned()).collect());
    }
    out
}

#[test]
fn every_line_end_counts_once() {
    assert_eq!(lines_of("id,a\nH1,x\nH2,y\n"), [1, 2, 3]);
    assert_eq!(lines_of("id,a\r\nH1,x\r\nH2,y\r\n"), [1, 2, 3]);
    assert_eq!(lines_of("id,a\rH1,x\rH2,y\r"), [1, 2, 3]);
    assert_eq!(lines_of("id,a\nH1,x\rH2,y\r\nH3,z"), [1, 2, 3, 4]);
    // Blank lines are skipped and counted: `\n` (line 2), `\r\n` (3), then H1 on 4, a blank
    // line 5 between two lone `\r`, H2 on 6.
    assert_eq!(lines_of("id\n\n\r\nH1\r\rH2\n"), [1, 4, 6]);
    assert_eq!(lines_of(""), [0u32; 0]);
    assert_eq!(lines_of("\r\n\n"), [0u32; 0]);
}

#[test]
fn spans_leave_the_line_end_out() {
    let text = "id\r\nH1,x\r\nH2";
    let recs: Vec<Record> = records(text).collect();
    assert_eq!(recs[1], Record { line: 2, span: 4..8, next: 10, unclosed: None });
    assert_eq!(recs[2], Record { line: 3, span: 10..12, next: 12, unclosed: None });
}

#[test]
fn quoted_line_ends_belong_to_the_value_and_still_count() {
    // H1's note runs over lines 2-3; H2's over 4-6 (a `\r\n` and a lone `\r` inside it).
    let text = "id,note\nH1,\"a\nb\"\nH2,\"c\r\nd\re\"\nH3,x\n";
    assert_eq!(lines_of(text), [1, 2, 4, 7]);
    let v = values(text);
    assert_eq!(v[1], ["H1", "a\nb"]);
    assert_eq!(v[2], ["H2", "c\r\nd\re"]);
}

#[test]
fn quotes_as_the_csv_crate_reads_them() {
    // `""` inside quotes is one quote; a quote in the middle of a field is literal; text after
    // a closing quote is kept; an empty last field is a field.
    assert_eq!(values("\"x\"\"y\",b\"c,\"ab\"cd,\n"), [["x\"y", "b\"c", "abcd", ""]]);
    assert_eq!(values(" \"a\",\"中,文\""), [[" \"a\"", "中,文"]]);
    assert_eq!(values("\"\"\""), [["\""]]); // `""` then the end: an open value holding one quote
    let open: Vec<Record> = records("a\n\"open\nmore").collect();
    assert_eq!(open[1].unclosed, Some(2));
    assert_eq!(values("a\n\"open\nmore")[1], ["open\nmore"]);
}

#[test]
fn values_borrow_when_they_can() {
    let text = "\"plain\",\"with \"\"quote\"\"\",bare";
    let mut fields = Vec::new();
    Splitter::new(text).next_record(&mut fields);
    assert!(matches!(value(text, fields[0].clone()), Cow::Borrowed("plain")));
    assert!(matches!(value(text, fields[1].clone()), Cow::Owned(_)));
    assert!(matches!(value(text, fields[2].clone()), Cow::Borrowed("bare")));
}

#[test]
fn line_helpers() {
    assert_eq!(count_line_ends(b"a\nb\r\nc\rd\r\r\n"), 5);
    assert_eq!(lines("a\nb\r\nc\rd").collect::<Vec<_>>(), ["a", "b", "c", "d"]);
    assert_eq!(lines("a\r\r\n").collect::<Vec<_>>(), ["a", ""]);
    assert_eq!(lines("").count(), 0);
    assert_eq!(newline("a,b\r\nc"), "\r\n");
    assert_eq!(newline("a,b\rc\r"), "\r");
    assert_eq!(newline("a,b\nc\r\n"), "\n");
    assert_eq!(newline("a,b"), "\n");
}

/// Records as the csv crate splits them: each one's 1-based line (line ends counted
/// independently of [`count_line_ends`]) and its field values.
fn csv_crate(text: &str) -> Vec<(u32, Vec<String>)> {
    let mut reader = ::csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut row = ::csv::ByteRecord::new();
    let mut out = Vec::new();
    while reader.read_byte_record(&mut row).expect("csv reads any text") {
        let mut start = row.position().expect("a position").byte() as usize;
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        let line = text[..start].replace("\r\n", "\n").matches(['\r', '\n']).count() as u32 + 1;
        out.push((line, row.iter().map(|f| String::from_utf8(f.to_vec()).unwrap()).collect()));
    }
    out
}

fn ours(text: &str) -> Vec<(u32, Vec<String>)> {
    let mut s = Splitter::new(text);
    let mut fields = Vec::new();
    let mut out = Vec::new();
    while let Some(r) = s.next_record(&mut fields) {
        out.push((r.line, fields.iter().map(|f| value(text, f.clone()).into_owned()).collect()));
    }
    out
}

fn csv_text() -> impl Strategy<Value = String> {
    let pieces = vec!["a", "H1", "中", "　", "😀", ",", "\"", "\"\"", "\r", "\n", "\r\n", " ", ""];
    proptest::collection::vec(proptest::sample::select(pieces), 0..40).prop_map(|p| p.concat())
}

proptest! {
    #[test]
    fn splits_as_the_csv_crate_does(text in csv_text()) {
        prop_assert_eq!(ours(&text), csv_crate(&text));
    }

    #[test]
    fn spans_cover_the_text_in_order(text in csv_text()) {
        let mut next = 0;
        for r in records(&text) {
            prop_assert!(r.span.start >= next && r.span.end <= r.next);
            prop_assert!(text[next..r.span.start].bytes().all(|b| b == b'\r' || b == b'\n'));
            prop_assert_eq!(r.line as usize, count_line_ends(&text.as_bytes()[..r.span.start]) + 1);
            next = r.next;
        }
    }
}
