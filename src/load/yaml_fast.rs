//! A fast reader for the plain block-style YAML that gov writes and most people write: one
//! mapping of `key: value` lines whose values are plain scalars, `[a, b]` lists, or a block list
//! of `- key: value` mappings (an issue's `events`). It gives exactly what the general reader
//! ([`super::yaml`], serde-saphyr) gives, places included, or declines (`None`) at the first
//! thing outside that subset — quotes, comments after values, anchors, flow mappings, multi-line
//! scalars, tabs, duplicate keys; keys or values serde-saphyr would read as something other than
//! their text (booleans and nulls in any case, `yes`/`on`/`y`, numbers in any base, with
//! underscores or exponents, floats and their specials); characters YAML forbids (C0 but tab,
//! DEL, C1, U+FFFE, U+FFFF, a BOM inside the text); keys over 1,024 characters; Unicode spaces at
//! the edge of a value or list item — and the general reader takes the file. serde-saphyr spent ~150 µs on a 600-byte issue
//! file; this is what made 60,000 of them slow.

use std::borrow::Cow;

use super::raw::{RawField, RawRecord, RawValue};

/// The largest text the fast path reads; longer files go to the general reader, whose budget
/// ([`super::yaml::MAX_SCALAR_BYTES`] of scalars, [`super::yaml::MAX_NODES`] values, eight
/// million events) then decides. Below 1 MiB no budget can be breached by the subset read here
/// (plain scalars take at most their bytes, and every value needs two bytes or more, so there
/// are fewer than 600,000), so the two readers agree on every file the fast one accepts. The
/// assertions below keep that argument true if either number changes.
pub const MAX_FAST_BYTES: usize = 1 << 20;

const _: () = assert!(MAX_FAST_BYTES <= super::yaml::MAX_SCALAR_BYTES);
const _: () = assert!(MAX_FAST_BYTES / 2 < super::yaml::MAX_NODES);

/// The longest key YAML allows for an implicit (`key: value`) key; saphyr enforces it.
pub const MAX_KEY_CHARS: usize = 1024;

/// The one record of `text`, or `None` when the file is not in the simple subset.
pub fn parse_simple(text: &str) -> Option<RawRecord<'static>> {
    if text.len() > MAX_FAST_BYTES || text.chars().any(forbidden) {
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
    // A key is a scalar too: `true`, `null`, `0x1F` or `1_000` as a key are not the text they
    // show to serde-saphyr, so they decline like the same values do.
    let plain = |k: &str| {
        !k.is_empty()
            && k.len() <= MAX_KEY_CHARS
            && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            && scalar(k) == Some(k)
            && !matches!(k, "true" | "false")
    };
    plain(key).then_some((key, rest.trim_start_matches(' ')))
}

/// A character YAML does not allow in a file (C0 controls but tab, DEL, C1, U+FFFE, U+FFFF), a
/// byte-order mark inside the text, or a line or paragraph separator (which readers disagree
/// on). The general reader reports or reads these its own way.
fn forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
        || matches!(c, '\u{feff}' | '\u{fffe}' | '\u{ffff}' | '\u{2028}' | '\u{2029}')
}

/// A value on the key's line: a plain scalar, `~`/`null`, or a one-line `[a, b]` list.
fn value(rest: &str) -> Option<RawValue<'static>> {
    if let Some(inner) = rest.strip_prefix('[') {
        let inner = inner.strip_suffix(']')?;
        if inner.trim_matches(' ').is_empty() {
            return Some(RawValue::List(Vec::new()));
        }
        // Only spaces are trimmed: YAML's flow whitespace is space and tab, so an item padded
        // with U+3000 or another Unicode space keeps it in serde-saphyr; `scalar` declines those.
        let items: Option<Vec<Cow<'static, str>>> =
            inner.split(',').map(|i| scalar(i.trim_matches(' ')).map(|s| Cow::Owned(s.to_string()))).collect();
        return items.map(RawValue::List);
    }
    if rest == "~" || rest == "null" {
        return Some(RawValue::Null);
    }
    scalar(rest).map(|s| RawValue::Scalar(Cow::Owned(s.to_string())))
}

/// A plain scalar whose text YAML keeps as it is, or `None`.
///
/// The rule is "decline what might not be a string": the YAML 1.1 and 1.2 special words in
/// every case (booleans, nulls, `inf`, `nan`), and anything numeric-ish — a number in any
/// base, with underscores, signs, exponents or a leading dot, however large. Only two
/// non-strings are answered, because serde-saphyr's value prints back as the same text:
/// `true` / `false`, and a plain decimal integer without a leading zero that fits in 18 digits.
fn scalar(s: &str) -> Option<&str> {
    let first = s.chars().next()?;
    let last = s.chars().next_back()?;
    if matches!(first, '-' | '?' | ':' | ',' | '[' | ']' | '.' | '+' | '~')
        || s.contains([':', '[', ']', ','])
        || first.is_whitespace()
        || last.is_whitespace()
    {
        return None;
    }
    if s == "true" || s == "false" {
        return Some(s); // read as booleans and written back the same
    }
    let lower = s.to_ascii_lowercase();
    if SPECIAL_WORDS.contains(&lower.as_str()) {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        // An integer: kept as written unless it has a leading zero the number would lose (the
        // general reader keeps those as text too, but leave the edge to it).
        return (s.len() == 1 || !s.starts_with('0')).then_some(s).filter(|s| s.len() < 19);
    }
    if numeric_ish(&lower) {
        return None;
    }
    Some(s)
}

/// Words some YAML schema reads as a boolean, a null or a special float (compared lower-cased).
const SPECIAL_WORDS: &[&str] =
    &["null", "true", "false", "yes", "no", "on", "off", "y", "n", "inf", "infinity", "nan", "none"];

/// Whether a lower-cased scalar could be read as a number by some YAML schema: a base prefix,
/// digits with underscores, or anything Rust's float parser takes (`1e3`, `1e400`, `inf`).
fn numeric_ish(lower: &str) -> bool {
    let unsigned = lower.trim_start_matches(['-', '+']);
    let no_underscores: String = unsigned.chars().filter(|&c| c != '_').collect();
    unsigned.starts_with("0x")
        || unsigned.starts_with("0o")
        || unsigned.starts_with("0b")
        || (unsigned.starts_with(|c: char| c.is_ascii_digit()) && unsigned.contains('_'))
        || unsigned.parse::<f64>().is_ok()
        || no_underscores.parse::<f64>().is_ok()
        || no_underscores.parse::<i128>().is_ok()
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
        assert!(e.message.en().contains("too much text"), "{}", e.message.en());
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

    /// One text of each class the fast reader must decline (or answer exactly as saphyr does).
    fn adversarial() -> Vec<String> {
        let mut v: Vec<String> = [
            // booleans and nulls of YAML 1.1 and 1.2, in every case
            "true",
            "True",
            "TRUE",
            "false",
            "False",
            "FALSE",
            "yes",
            "Yes",
            "YES",
            "no",
            "No",
            "NO",
            "on",
            "On",
            "ON",
            "off",
            "Off",
            "OFF",
            "y",
            "Y",
            "n",
            "N",
            "null",
            "Null",
            "NULL",
            "~",
            "none",
            "None",
            // numbers in every base, signed, with underscores, floats and their specials
            "0x1F",
            "0X1f",
            "0o17",
            "0O17",
            "0b101",
            "017",
            "1_000",
            "1__0",
            "0x_1F",
            "+1",
            "-1",
            "+0x1F",
            "1e3",
            "1E3",
            "1e400",
            "-1e400",
            "1.",
            "1.5",
            ".5",
            "5.",
            "1_0.5",
            ".inf",
            ".Inf",
            ".INF",
            "-.inf",
            "+.inf",
            ".nan",
            ".NaN",
            ".NAN",
            "inf",
            "Inf",
            "nan",
            "NaN",
            "infinity",
            "12345678901234567890",
            "999999999999999999",
            "9223372036854775808",
            "1e",
            "1e+",
            "0",
            "00",
            "1-2",
            "1_a",
            // ordinary text
            "派单",
            "19号楼 2单元",
            "2023-08-15",
            "满意",
            "I-2023-0001",
            "a b",
        ]
        .map(str::to_string)
        .to_vec();
        // characters YAML forbids: C0 but tab, DEL, C1, U+FFFE, U+FFFF, a BOM inside the text
        for c in [
            '\u{0}', '\u{1}', '\u{7}', '\u{b}', '\u{c}', '\u{1b}', '\u{1f}', '\u{7f}', '\u{80}', '\u{85}', '\u{9f}',
            '\u{fffe}', '\u{ffff}', '\u{feff}', '\u{2028}',
        ] {
            v.push(format!("a{c}b"));
            v.push(format!("派单{c}"));
        }
        // Unicode spaces, which YAML does not trim
        for c in ['\u{3000}', '\u{a0}', '\u{2003}', '\u{202f}'] {
            v.push(format!("a{c}"));
            v.push(format!("{c}a"));
            v.push(format!("[a,{c}b]"));
            v.push(format!("[a{c}, b]"));
            v.push(format!("[{c}]"));
        }
        v
    }

    /// Every class above, as a value, as a key, inside a list and inside an event: the fast
    /// reader either declines or gives what serde-saphyr gives.
    #[test]
    fn corpus_agrees_or_declines() {
        let long_key = "k".repeat(MAX_KEY_CHARS + 1);
        let ok_key = "k".repeat(MAX_KEY_CHARS);
        let mut texts = Vec::new();
        for a in adversarial() {
            texts.push(format!("id: I-1\nnote: {a}\n"));
            texts.push(format!("id: I-1\n{a}: x\n"));
            texts.push(format!("id: I-1\nlist: [{a}, b]\n"));
            texts.push(format!("id: I-1\nevents:\n  - date: 2023-08-15\n    {a}: {a}\n"));
            texts.push(format!("{long_key}: {a}\n"));
            texts.push(format!("{ok_key}: {a}\n"));
        }
        texts.push("\u{feff}id: I-1\n".to_string());
        let mut answered = 0;
        for text in &texts {
            if let Some(fast) = parse_simple(text) {
                answered += 1;
                assert_eq!(Ok(vec![fast]), parse_records_general(text), "{text:?}");
            }
        }
        assert!(answered > 20, "{answered} of {}", texts.len());
    }

    /// What the fast reader must not answer, class by class (the values serde-saphyr reads as
    /// something other than their text, and the characters it refuses).
    #[test]
    fn declines_each_class() {
        for a in [
            "True",
            "TRUE",
            "False",
            "yes",
            "Null",
            "NULL",
            "0x1F",
            "0o17",
            "1_000",
            "1e3",
            "1e400",
            ".5",
            ".inf",
            ".nan",
            "-.inf",
            "1.5",
            "9223372036854775808",
            "a\u{0}",
            "a\u{7f}",
            "a\u{85}",
            "a\u{fffe}",
            "a\u{ffff}",
            "a\u{feff}",
            "a\u{3000}",
        ] {
            assert_eq!(parse_simple(&format!("id: I-1\nnote: {a}\n")), None, "value {a:?}");
            assert_eq!(parse_simple(&format!("id: I-1\n{a}: x\n")), None, "key {a:?}");
        }
        for k in ["true", "false", "null", "y", "n", "on", "0x1F", "1_000", "1e3", "007"] {
            assert_eq!(parse_simple(&format!("{k}: x\n")), None, "key {k:?}");
        }
        for l in ["[a,\u{3000}b]", "[a\u{3000}, b]", "[a, b\u{a0}]"] {
            assert_eq!(parse_simple(&format!("list: {l}\n")), None, "list {l:?}");
        }
        assert_eq!(parse_simple(&format!("{}: x\n", "k".repeat(MAX_KEY_CHARS + 1))), None);
        let at_limit = format!("{}: x\n", "k".repeat(MAX_KEY_CHARS));
        assert_eq!(parse_simple(&at_limit).map(|r| vec![r]), parse_records_general(&at_limit).ok());
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

    /// The plain values above, the adversarial corpus, and now and then a long key.
    fn any_text() -> impl Strategy<Value = String> {
        prop_oneof![
            3 => scalar_text(),
            3 => proptest::sample::select(adversarial()),
            1 => (MAX_KEY_CHARS - 2..MAX_KEY_CHARS + 3).prop_map(|n| "k".repeat(n)),
        ]
    }

    fn key_text() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => proptest::sample::select(vec!["id", "title", "note", "by", "x_1", "id"]).prop_map(str::to_string),
            2 => any_text(),
        ]
    }

    prop_compose! {
        fn doc()(
            keys in proptest::collection::vec(key_text(), 1..5),
            values in proptest::collection::vec(any_text(), 5),
            events in proptest::collection::vec(
                proptest::collection::vec((key_text(), any_text()), 1..4),
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
