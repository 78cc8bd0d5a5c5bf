//! A fast reader for the plain block-style YAML that gov writes and most people write: one
//! mapping of `key: value` lines whose values are plain scalars, `[a, b]` lists, or a block list
//! of `- key: value` mappings (an issue's `events`). It gives exactly what the general reader
//! ([`super::yaml`], serde-saphyr) gives, places included, or declines (`None`) at the first
//! thing outside that subset — quotes, comments after values, anchors, flow mappings, multi-line
//! scalars, values YAML would read as numbers or booleans in another spelling, tabs, duplicate
//! keys — and the general reader takes the file. serde-saphyr spent ~150 µs on a 600-byte issue
//! file; this is what made 60,000 of them slow.

use std::borrow::Cow;

use super::raw::{RawField, RawRecord, RawValue};

/// The largest text the fast path reads; longer files go to the general reader, whose budget
/// ([`super::yaml::MAX_SCALAR_BYTES`] of scalars, two million values, eight million events)
/// then decides. Below 1 MiB no budget can be breached by the subset read here (plain
/// scalars take at most their bytes, and every value needs two bytes or more, so there are
/// fewer than 600,000), so the two readers agree on every file the fast one accepts.
pub const MAX_FAST_BYTES: usize = 1 << 20;

/// The one record of `text`, or `None` when the file is not in the simple subset.
pub fn parse_simple(text: &str) -> Option<RawRecord<'static>> {
    if text.len() > MAX_FAST_BYTES {
        return None;
    }
    if text.contains(['\t', '#', '"', '\'', '&', '*', '!', '|', '>', '{', '}', '%', '@', '`']) {
        // `#` is allowed in full-line comments only; any other use declines. (A quick scan for
        // the characters first keeps the common case simple.)
        if !only_comment_hashes(text)
            || text.contains(['\t', '"', '\'', '&', '*', '!', '|', '>', '{', '}', '%', '@', '`'])
        {
            return None;
        }
    }
    let mut lines = Lines::new(text)?;
    let mut fields: Vec<RawField<'static>> = Vec::new();
    let mut first_line = None;
    while let Some((number, indent, content)) = lines.next_content() {
        if indent != 0 {
            return None;
        }
        let (key, rest) = key_value(content)?;
        first_line.get_or_insert(number);
        if fields.iter().any(|f| f.key == key) {
            return None; // the general reader reports duplicate keys
        }
        let value = if rest.is_empty() {
            match lines.peek_content() {
                Some((_, indent, next)) if next.starts_with("- ") || next == "-" => records(&mut lines, indent)?,
                Some((_, indent, _)) if indent > 0 => return None, // a nested mapping
                _ => RawValue::Null,
            }
        } else {
            value(rest)?
        };
        fields.push(RawField { key: Cow::Owned(key.to_string()), value, line: number, column: 1 });
    }
    Some(RawRecord { line: first_line?, fields })
}

fn only_comment_hashes(text: &str) -> bool {
    text.lines().all(|l| !l.contains('#') || l.trim_start().starts_with('#'))
}

/// A block list of mappings whose dashes are at `indent`.
fn records(lines: &mut Lines<'_>, indent: usize) -> Option<RawValue<'static>> {
    let mut items = Vec::new();
    while let Some((number, at, content)) = lines.peek_content() {
        if at < indent || (at == indent && !content.starts_with("- ")) {
            break;
        }
        if at != indent {
            return None;
        }
        lines.next_content();
        let first = content.strip_prefix("- ")?;
        let inner = indent + 2;
        if first.starts_with(' ') {
            return None;
        }
        let mut fields: Vec<RawField<'static>> = Vec::new();
        let mut entry = Some((number, first));
        while let Some((line, content)) = entry.take() {
            let (key, rest) = key_value(content)?;
            if rest.is_empty() || fields.iter().any(|f| f.key == key) {
                return None; // nested values and duplicate keys: the general reader
            }
            fields.push(RawField {
                key: Cow::Owned(key.to_string()),
                value: value(rest)?,
                line,
                column: inner as u32 + 1,
            });
            match lines.peek_content() {
                Some((line, at, content)) if at == inner => {
                    lines.next_content();
                    entry = Some((line, content));
                }
                Some((_, at, _)) if at > inner || (at > indent && at < inner) => return None,
                _ => {}
            }
        }
        items.push(RawRecord { line: number, fields });
    }
    Some(RawValue::Records(items))
}

/// `key: rest` with a plain key made of letters, digits and `_`.
fn key_value(content: &str) -> Option<(&str, &str)> {
    let (key, rest) = match content.split_once(": ") {
        Some((k, r)) => (k, r.trim_end_matches(' ')),
        None => (content.strip_suffix(':')?, ""),
    };
    let plain = |k: &str| !k.is_empty() && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    plain(key).then_some((key, rest.trim_start_matches(' ')))
}

/// A value on the key's line: a plain scalar, `~`/`null`, or a one-line `[a, b]` list.
fn value(rest: &str) -> Option<RawValue<'static>> {
    if let Some(inner) = rest.strip_prefix('[') {
        let inner = inner.strip_suffix(']')?;
        if inner.trim().is_empty() {
            return Some(RawValue::List(Vec::new()));
        }
        let items: Option<Vec<Cow<'static, str>>> =
            inner.split(',').map(|i| scalar(i.trim()).map(|s| Cow::Owned(s.to_string()))).collect();
        return items.map(RawValue::List);
    }
    if rest == "~" || rest == "null" {
        return Some(RawValue::Null);
    }
    scalar(rest).map(|s| RawValue::Scalar(Cow::Owned(s.to_string())))
}

/// A plain scalar whose text YAML keeps as it is, or `None`.
fn scalar(s: &str) -> Option<&str> {
    let first = s.chars().next()?;
    if matches!(first, '-' | '?' | ':' | ',' | '[' | ']' | '.' | '+' | '~')
        || s.contains([':', '[', ']', ','])
        || s.ends_with(' ')
    {
        return None;
    }
    if s == "true" || s == "false" {
        return Some(s); // read as booleans and written back the same
    }
    let lower = s.to_ascii_lowercase();
    if matches!(lower.as_str(), "null" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n") {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        // An integer: kept as written unless it has a leading zero the number would lose (the
        // general reader keeps those as text too, but leave the edge to it).
        return (s.len() == 1 || !s.starts_with('0')).then_some(s).filter(|s| s.len() < 19);
    }
    if s.parse::<f64>().is_ok() || lower.starts_with("0x") || lower.starts_with("0o") || lower.starts_with("0b") {
        return None;
    }
    Some(s)
}

/// Content lines with their 1-based numbers and indentation; blank and comment lines skipped.
struct Lines<'t> {
    lines: Vec<(u32, usize, &'t str)>,
    at: usize,
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Option<Lines<'t>> {
        let mut lines = Vec::new();
        for (i, line) in text.split('\n').enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.contains('\r') {
                return None;
            }
            let content = line.trim_start_matches(' ');
            if content.is_empty() || content.starts_with('#') {
                continue;
            }
            if content.starts_with("---") || content.starts_with("...") {
                return None;
            }
            lines.push((i as u32 + 1, line.len() - content.len(), content.trim_end_matches(' ')));
        }
        Some(Lines { lines, at: 0 })
    }

    fn peek_content(&self) -> Option<(u32, usize, &'t str)> {
        self.lines.get(self.at).copied()
    }

    fn next_content(&mut self) -> Option<(u32, usize, &'t str)> {
        let l = self.peek_content();
        self.at += 1;
        l
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::load::yaml::parse_records_general;

    #[test]
    fn big_files_go_to_the_general_reader_and_its_budget() {
        let small = format!("id: I-1\ntitle: {}\n", "a".repeat(MAX_FAST_BYTES - 20));
        assert!(small.len() <= MAX_FAST_BYTES && parse_simple(&small).is_some());
        let big = format!("id: I-1\ntitle: {}\n", "a".repeat(MAX_FAST_BYTES));
        assert!(parse_simple(&big).is_none());
        assert_eq!(crate::load::yaml::parse_records(&big).unwrap()[0].fields.len(), 2);
        // Past the general reader's 64 MiB of scalars: refused, by either entry point.
        let huge = format!("id: I-1\ntitle: {}\n", "a".repeat(crate::load::yaml::MAX_SCALAR_BYTES));
        assert!(parse_simple(&huge).is_none());
        let e = crate::load::yaml::parse_records(&huge).unwrap_err();
        assert!(e.message.contains("too much text"), "{}", e.message);
    }

    #[test]
    fn an_issue_file() {
        let text = "# 诉求\nid: I-2023-1\ntitle: 19号楼2单元 楼道充电\nreceived: 2023-08-14\nevents:\n  - date: 2023-08-15\n    action: dispatched\n  - date: 2023-08-16\n    departments: [城管局, 房产中心]\n    solved: true\ndescription:\n";
        let fast = parse_simple(text).expect("simple");
        assert_eq!(vec![fast], parse_records_general(text).unwrap());
    }

    #[test]
    fn declines_what_it_does_not_know() {
        for text in [
            "a: 1.50\n",
            "a: 'q'\n",
            "a: x # c\n",
            "a: yes\n",
            "a: 007\n",
            "a: &x 1\n",
            "a:\n  b: 1\n",
            "a: 1\na: 2\n",
            "- a: 1\n",
            "events:\n  - {date: 2022-01-01}\n",
            "a: multi\n  line\n",
            "a: 12:30\n",
            "",
        ] {
            assert_eq!(parse_simple(text), None, "{text:?}");
        }
    }

    #[test]
    fn answers_for_the_simple_subset() {
        let good = ["I-2023-0001", "派单", "19号楼 2单元", "true", "false", "3", "0", "2023-08-15", "满意"];
        for (i, v) in good.iter().enumerate() {
            for indent in [0, 2] {
                let pad = " ".repeat(indent);
                let w = good[(i + 3) % good.len()];
                let text = format!(
                    "id: {v}\r\nevents:\r\n{pad}- date: {w}\r\n{pad}  note: {v}\r\n{pad}- action: [{v}, {w}]\r\nempty:\r\n"
                );
                let fast = parse_simple(&text).unwrap_or_else(|| panic!("{text:?}"));
                assert_eq!(Ok(vec![fast]), parse_records_general(&text), "{text:?}");
            }
        }
    }

    fn scalar_text() -> impl Strategy<Value = String> {
        proptest::sample::select(vec![
            "I-2023-0001",
            "派单",
            "19号楼 2单元",
            "true",
            "True",
            "false",
            "3",
            "007",
            "0",
            "1.5",
            "1e3",
            "-3",
            "+3",
            "~",
            "null",
            "NULL",
            "yes",
            "no",
            "on",
            "x: y",
            "a,b",
            "[a, b]",
            "[]",
            "[a, , b]",
            "{a: 1}",
            "'q'",
            "\"q\"",
            "a # c",
            "a#b",
            "2023-08-15",
            "2023/8/15",
            "12:30",
            ".5",
            "0x1F",
            "inf",
            "nan",
            "-",
            "a ",
            "",
            "满意 ",
            "?x",
            "%x",
            "@x",
            "a\tb",
            "&a x",
            "*a",
            "!t x",
            "|",
            ">",
            "---",
            "...",
            "12345678901234567890",
        ])
        .prop_map(str::to_string)
    }

    prop_compose! {
        fn doc()(
            keys in proptest::collection::vec(proptest::sample::select(vec!["id", "title", "note", "by", "x_1", "id"]), 1..5),
            values in proptest::collection::vec(scalar_text(), 5),
            events in proptest::collection::vec(
                proptest::collection::vec((proptest::sample::select(vec!["date", "action", "solved", "date"]), scalar_text()), 1..4),
                0..3,
            ),
            indent in proptest::sample::select(vec![0usize, 2, 4]),
            crlf in any::<bool>(),
            comment in any::<bool>(),
            trailing_space in any::<bool>(),
        ) -> String {
            let mut out = String::new();
            if comment {
                out.push_str("# 注释\n\n");
            }
            for (k, v) in keys.iter().zip(&values) {
                out.push_str(&format!("{k}: {v}{}\n", if trailing_space { "  " } else { "" }));
            }
            if !events.is_empty() {
                out.push_str("events:\n");
                for e in &events {
                    for (i, (k, v)) in e.iter().enumerate() {
                        let lead = if i == 0 { format!("{}- ", " ".repeat(indent)) } else { " ".repeat(indent + 2) };
                        out.push_str(&format!("{lead}{k}: {v}\n"));
                    }
                }
            }
            if crlf { out.replace('\n', "\r\n") } else { out }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Whenever the fast reader answers, it answers as serde-saphyr does.
        #[test]
        fn agrees_with_the_general_reader(text in doc()) {
            if let Some(fast) = parse_simple(&text) {
                prop_assert_eq!(Ok(vec![fast]), parse_records_general(&text));
            }
        }
    }
}
