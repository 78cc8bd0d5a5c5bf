//! Property tests of every editor in [`super::csv_edit`] and [`super::yaml_edit`] on text full
//! of what people type: CJK comments at column 0, full-width spaces, emoji, lone `\r` and CR-only
//! files. No editor panics on any text; an edit that succeeds re-reads with the loader's own
//! parser, and only its target changed.

use std::path::Path;

use proptest::prelude::*;
use proptest::sample::select;

use super::{csv_edit, yaml_edit};
use crate::kinds::Record;

const HOUSEHOLD: &[&str] = crate::kinds::Household::COLUMNS;
use crate::load::csv::for_each_row;
use crate::load::csv::split::count_line_ends;
use crate::load::fields::{Sink, split_list};
use crate::load::raw::{RawRecord, RawValue};
use crate::load::yaml::parse_records;

/// Values people write (a full-width space, an emoji with a joiner, text that looks like YAML).
const VALUES: &[&str] = &[
    "张伟",
    "独居老人",
    "　",
    "全角　空格",
    "😀",
    "👨‍👩‍👧",
    "a",
    "中文 #注释",
    "x: y",
    "\"引号\"",
    "'单'",
    "é",
    "red",
    "-",
    "[a]",
    "{b}",
    "a, b",
    "；",
    " 前后 ",
    "行\r行",
    "M1",
];
const COMMENTS: &[&str] = &["#中文注释", "# 注释", "#😀", "#　全角", "#\u{3000}"];
const ENDS: &[&str] = &["\n", "\r\n", "\r"];

/// Pieces of arbitrary text, for the never-panic property.
fn any_text() -> impl Strategy<Value = String> {
    let pieces = vec![
        "#中文注释",
        "- id: H1",
        "id: H1",
        "  color: ",
        "contacts:",
        "  - M1",
        "[M1, M2]",
        "M1；M2",
        "events:",
        "　",
        "😀",
        "\r",
        "\n",
        "\r\n",
        " ",
        "  ",
        "#",
        "\"",
        "'",
        ",",
        ":",
        "-",
        "[",
        "]",
        "{",
        "}",
        "中",
        "é",
        "id,color,contacts",
        "H1,red,M1",
        "\"a\r\nb\"",
    ];
    proptest::collection::vec(select(pieces), 0..50).prop_map(|p| p.concat())
}

/// Calls every editor on `text` with arbitrary places and values; only a panic fails.
fn poke_all(text: &str, a: usize, b: usize, line: u32, value: &str) {
    let nl = "\n";
    let _ = csv_edit::header(text, HOUSEHOLD);
    let _ = csv_edit::field(value);
    let _ = csv_edit::row(&csv_edit::header(text, HOUSEHOLD), &[("color", value.to_string())]);
    let _ = csv_edit::new_file(&["id", "color"], &[value.to_string()]);
    for (_, range) in csv_edit::records(text) {
        for span in csv_edit::field_spans(text, range) {
            let _ = csv_edit::value(text, span.clone());
            let _ = csv_edit::set_cell(text, span, value);
        }
    }
    let _ = csv_edit::record_at(text, line, "id", "H1", HOUSEHOLD);
    let _ = csv_edit::field_spans(text, a..b);
    let _ = csv_edit::value(text, a..b);
    let _ = csv_edit::set_cell(text, a..b, value);
    let _ = yaml_edit::scalar(value);
    let _ = yaml_edit::flow_list(&[value.to_string()]);
    let fields = [("date", yaml_edit::Value::Scalar(value.into())), ("note", yaml_edit::Value::Plain("x".into()))];
    let _ = yaml_edit::flow_mapping(&fields);
    let _ = yaml_edit::is_list(text);
    let _ = yaml_edit::append_item(text, nl, &fields);
    let rec = yaml_edit::record(text, line, Some(line.saturating_add(b as u32 % 5)));
    for key in ["id", "color", "contacts", "events", "中"] {
        let _ = yaml_edit::find_key(text, &rec, key);
        let _ = yaml_edit::check_id(text, &rec, "H1");
        let _ = yaml_edit::set_value(text, nl, &rec, key, value, Some(value), "id");
        let _ = yaml_edit::set_value(text, "\r", &rec, key, value, None, "id");
        let _ = yaml_edit::list_items(text, &rec, key);
        let _ = yaml_edit::list_add(text, nl, &rec, key, value, "id");
        let _ = yaml_edit::list_remove(text, &rec, key, value);
        let _ = yaml_edit::list_remove(text, &rec, key, "M1");
        let _ = yaml_edit::append_to_list(text, nl, &rec, key, &fields);
    }
}

/// A record as plain data: each key with its value (a list as its items).
fn plain(rec: &RawRecord<'_>) -> Vec<(String, String)> {
    rec.fields.iter().map(|f| (f.key.to_string(), shown(&f.value))).collect()
}

fn shown(v: &RawValue<'_>) -> String {
    match v {
        RawValue::Null => String::new(),
        RawValue::Scalar(s) => s.to_string(),
        RawValue::List(items) => format!("{items:?}"),
        other => format!("{other:?}"),
    }
}

/// A contacts value as the loader's list reader splits it.
fn items(v: Option<&RawValue<'_>>) -> Vec<String> {
    match v {
        None | Some(RawValue::Null) => Vec::new(),
        Some(RawValue::Scalar(s)) => split_list(s).map(str::to_string).collect(),
        Some(RawValue::List(l)) => l.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
        Some(other) => vec![format!("{other:?}")],
    }
}

fn field<'r, 'a>(rec: &'r RawRecord<'a>, key: &str) -> Option<&'r RawValue<'a>> {
    rec.fields.iter().find(|f| f.key == key).map(|f| &f.value)
}

/// A YAML list of households, each a few lines of fields written as people write them.
#[derive(Debug, Clone)]
struct YamlRec {
    color: Option<usize>,
    address: usize,
    contacts: u8,   // 0 absent, 1 flow, 2 block, 3 separated
    comments: u8,   // bits: a comment line after the id, before the address, a trailing comment
    comment: usize, // which comment text
}

fn yaml_rec() -> impl Strategy<Value = YamlRec> {
    (proptest::option::of(0..VALUES.len()), 0..VALUES.len(), 0u8..4, 0u8..8, 0..COMMENTS.len()).prop_map(
        |(color, address, contacts, comments, comment)| YamlRec { color, address, contacts, comments, comment },
    )
}

fn yaml_text(recs: &[YamlRec], nl: &str) -> String {
    let mut s = String::new();
    s.push_str(&format!("#中文注释：住户{nl}"));
    for (k, r) in recs.iter().enumerate() {
        let c = COMMENTS[r.comment];
        let trail = if r.comments & 4 != 0 { format!("  # 备注{c}") } else { String::new() };
        s.push_str(&format!("- id: H{k}{trail}{nl}"));
        if r.comments & 1 != 0 {
            s.push_str(&format!("{c}{nl}"));
        }
        if let Some(v) = r.color {
            s.push_str(&format!("  color: {}{trail}{nl}", yaml_edit::scalar(VALUES[v])));
        }
        if r.comments & 2 != 0 {
            s.push_str(&format!("  {c}{nl}"));
        }
        s.push_str(&format!("  address: {}{nl}", yaml_edit::scalar(VALUES[r.address])));
        match r.contacts {
            1 => s.push_str(&format!("  contacts: [M1, M2]{trail}{nl}")),
            2 => s.push_str(&format!("  contacts:{nl}    - M1{trail}{nl}{c}{nl}    - M2{nl}")),
            3 => s.push_str(&format!("  contacts: M1；M2{nl}")),
            _ => {}
        }
        s.push_str(nl);
    }
    s
}

/// A record read back: the line it starts on, its fields as plain data, its contacts.
type Read = (u32, Vec<(String, String)>, Vec<String>);

/// The records of a YAML text as plain data, with the line each starts on.
fn yaml_records(text: &str) -> Vec<Read> {
    let recs = parse_records(text).unwrap_or_else(|e| panic!("{e:?} in {text:?}"));
    recs.iter().map(|r| (r.line, plain(r), items(field(r, "contacts")))).collect()
}

/// `after` holds the records of `before`, the `k`th changed by `change` (and nothing else).
fn only_target_changed(
    before: &[Read],
    after: &str,
    k: usize,
    change: impl Fn(&mut Vec<(String, String)>, &mut Vec<String>),
) -> Result<(), TestCaseError> {
    let after = yaml_records(after);
    prop_assert_eq!(after.len(), before.len());
    for (j, (b, a)) in before.iter().zip(&after).enumerate() {
        let (mut fields, mut list) = (b.1.clone(), b.2.clone());
        if j == k {
            change(&mut fields, &mut list);
            fields.sort();
            let mut got = a.1.clone();
            got.sort();
            prop_assert_eq!(&got, &fields, "record {}", j);
        } else {
            prop_assert_eq!(&a.1, &fields, "record {}", j);
        }
        prop_assert_eq!(&a.2, &list, "contacts of record {}", j);
    }
    Ok(())
}

fn set(fields: &mut Vec<(String, String)>, key: &str, value: String) {
    match fields.iter_mut().find(|(k, _)| k == key) {
        Some(f) => f.1 = value,
        None => fields.push((key.to_string(), value)),
    }
}

/// A CSV households file: header, rows of CJK and emoji cells (quoted where they must be),
/// line ends of the file's kind, blank lines and stray lone `\r` between rows.
fn csv_text(rows: &[(usize, usize, u8)], nl: &str) -> String {
    let mut s = format!("id,address,color,contacts{nl}");
    for (k, &(address, color, gap)) in rows.iter().enumerate() {
        let cells = [format!("H{k}"), VALUES[address].to_string(), VALUES[color].to_string(), "M1;M2".to_string()];
        let cells: Vec<String> = cells.iter().map(|c| csv_edit::field(c)).collect();
        s.push_str(&cells.join(","));
        s.push_str(match gap % 4 {
            0 => "\r",
            1 => "\n\n",
            _ => nl,
        });
    }
    s
}

/// The rows of a CSV text as the loader reads them: line and fields.
fn csv_rows(text: &str) -> Vec<(u32, Vec<(String, String)>)> {
    let mut sink = Sink::new(Path::new("households.csv"));
    let mut out = Vec::new();
    for_each_row(text, &mut sink, &["id", "address", "color", "contacts"], &["id"], |r, _| {
        out.push((r.line, plain(r)))
    });
    assert!(sink.findings.is_empty(), "{:?} in {text:?}", sink.findings);
    out
}

proptest! {
    #[test]
    fn no_editor_panics_on_any_text(
        text in any_text(),
        a in 0usize..200,
        b in 0usize..200,
        line in 0u32..12,
        value in select(VALUES),
    ) {
        poke_all(&text, a, b, line, value);
    }

    #[test]
    fn yaml_edits_change_only_their_target(
        recs in proptest::collection::vec(yaml_rec(), 1..4),
        nl in select(ENDS),
        pick in any::<proptest::sample::Index>(),
        value in select(VALUES),
        why in select(COMMENTS),
    ) {
        let text = yaml_text(&recs, nl);
        let before = yaml_records(&text);
        let k = pick.index(before.len());
        let starts: Vec<u32> = before.iter().map(|r| r.0).collect();
        let rec = yaml_edit::record(&text, starts[k], starts.get(k + 1).copied());
        let id = format!("H{k}");
        prop_assert_eq!(yaml_edit::check_id(&text, &rec, &id), Ok(()));
        prop_assert!(yaml_edit::check_id(&text, &rec, "H9").is_err());

        let listed = yaml_edit::list_items(&text, &rec, "contacts").unwrap().unwrap_or_default();
        prop_assert_eq!(&listed, &before[k].2);

        for comment in [None, Some(why)] {
            if let Ok(new) = yaml_edit::set_value(&text, nl, &rec, "color", value, comment, "id") {
                only_target_changed(&before, &new, k, |f, _| set(f, "color", value.to_string()))?;
            }
        }
        if let Ok(new) = yaml_edit::list_add(&text, nl, &rec, "contacts", "M9", "id") {
            only_target_changed(&before, &new, k, |f, l| {
                l.push("M9".into());
                let shown = if recs[k].contacts == 3 { l.join("；") } else { format!("{l:?}") };
                set(f, "contacts", shown);
            })?;
        }
        if let Ok(new) = yaml_edit::list_remove(&text, &rec, "contacts", "M1") {
            only_target_changed(&before, &new, k, |f, l| {
                l.retain(|m| m != "M1");
                let shown = if recs[k].contacts == 3 { l.join("；") } else { format!("{l:?}") };
                set(f, "contacts", shown);
            })?;
        }
        let event = [("date", yaml_edit::Value::Scalar("2022-03-10".into())), ("note", yaml_edit::Value::Scalar(value.into()))];
        if let Ok((new, _)) = yaml_edit::append_to_list(&text, nl, &rec, "events", &event) {
            let after = yaml_records(&new);
            prop_assert_eq!(after.len(), before.len());
            for (j, (b, a)) in before.iter().zip(&after).enumerate() {
                let mut got = a.1.clone();
                if j == k {
                    prop_assert!(got.iter().any(|(key, v)| key == "events" && v.contains("2022-03-10")), "{:?}", got);
                    got.retain(|(key, _)| key != "events");
                }
                prop_assert_eq!(&got, &b.1, "record {}", j);
            }
        }
    }

    #[test]
    fn csv_edits_change_only_their_target(
        rows in proptest::collection::vec((0..VALUES.len(), 0..VALUES.len(), 0u8..8), 1..6),
        nl in select(ENDS),
        pick in any::<proptest::sample::Index>(),
        value in select(VALUES),
    ) {
        let text = csv_text(&rows, nl);
        let before = csv_rows(&text);
        prop_assert_eq!(before.len(), rows.len());
        let k = pick.index(before.len());
        let id = format!("H{k}");
        let row = csv_edit::record_at(&text, before[k].0, "id", &id, HOUSEHOLD).unwrap();
        prop_assert!(csv_edit::record_at(&text, before[k].0, "id", "H99", HOUSEHOLD).is_err());
        let spans = csv_edit::field_spans(&text, row);
        for (span, (_, want)) in spans.iter().zip(&before[k].1) {
            prop_assert_eq!(&csv_edit::value(&text, span.clone()), want);
        }
        let new = csv_edit::set_cell(&text, spans[2].clone(), value);
        let after = csv_rows(&new);
        prop_assert_eq!(after.len(), before.len());
        // Rows after the target move by the line ends the new cell adds or takes away.
        let ends = |s: &str| count_line_ends(s.as_bytes()) as i64;
        let shift = ends(&csv_edit::field(value)) - ends(&text[spans[2].clone()]);
        for (j, (b, a)) in before.iter().zip(&after).enumerate() {
            let mut want = b.clone();
            if j == k {
                want.1[2].1 = value.trim().to_string();
            }
            if j > k {
                want.0 = (want.0 as i64 + shift) as u32;
            }
            prop_assert_eq!(a, &want, "row {}", j);
        }
        // The file keeps its own line ends: only the cell's bytes changed.
        let (cut, tail) = (spans[2].start, text.len() - spans[2].end);
        prop_assert_eq!(&new[..cut], &text[..cut]);
        prop_assert_eq!(&new[new.len() - tail..], &text[text.len() - tail..]);
    }
}
