//! Finding things in YAML text by lines: the lines themselves, a record's lines and key
//! indentation, one of its own keys and the span of its value and comment, the block under a key
//! and a block list's items. Pure; no I/O.

use std::ops::Range;

use super::EditError;
use super::scalar::unquote;
use crate::load::csv::split;
use crate::store::span;

/// One line: `start..end` is its content (no terminator), `next` where the following line starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Line {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) next: usize,
}

/// The text's lines. `\n`, `\r\n` and a lone `\r` each end one, as the YAML reader and the CSV
/// splitter count them, so line `n` of a finding is item `n - 1`.
pub(super) fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let (end, next) = match bytes[start..].iter().position(|&b| b == b'\n' || b == b'\r') {
            Some(i) => {
                let end = start + i;
                let crlf = bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n');
                (end, end + if crlf { 2 } else { 1 })
            }
            None => (text.len(), text.len()),
        };
        out.push(Line { start, end, next });
        start = next;
    }
    out
}

pub(super) fn indent(s: &str) -> usize {
    s.len() - s.trim_start_matches(' ').len()
}

/// YAML's white space: spaces and tabs only (a full-width space `　` is text).
pub(super) const WHITE: [char; 2] = [' ', '\t'];

/// Blank, or only a comment.
pub(super) fn is_filler(s: &str) -> bool {
    let t = s.trim_matches(WHITE);
    t.is_empty() || t.starts_with('#')
}

/// Does the file hold a list of records (its first content line starts with `-`)? An empty file
/// (or only comments) counts as a list: items can be appended to it.
pub fn is_list(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match split::lines(text).map(str::trim_end).find(|l| !is_filler(l) && *l != "---") {
        None => true,
        Some(l) => l.trim_start().starts_with('-'),
    }
}

/// The indentation of a list's items: spaces before the `-`, and after it up to the first key.
pub(super) fn item_style(text: &str) -> (usize, usize) {
    for l in split::lines(text) {
        let t = l.trim_start_matches(' ');
        if let Some(rest) = t.strip_prefix('-')
            && !rest.is_empty()
            && rest.starts_with(' ')
        {
            let gap = rest.len() - rest.trim_start_matches(' ').len();
            return (indent(l), gap);
        }
    }
    (0, 1)
}

/// One record of a file, by lines: the 0-based line range it covers and the column its keys
/// start at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub lines: Range<usize>,
    pub key_indent: usize,
}

/// The record starting on 1-based line `start` and ending before the record on `next` (or at
/// the end of the file). Its keys start after any `- ` on its first line.
pub fn record(text: &str, start: u32, next: Option<u32>) -> Record {
    let ls = lines(text);
    let first = (start.max(1) - 1) as usize;
    let end = next.map_or(ls.len(), |n| ((n.max(1) - 1) as usize).min(ls.len())).max(first + 1);
    let line = ls.get(first).map_or("", |l| &text[l.start..l.end]);
    let mut key_indent = indent(line);
    let mut rest = &line[key_indent..];
    while let Some(r) = rest.strip_prefix('-').filter(|r| r.starts_with(' ')) {
        let gap = r.len() - r.trim_start_matches(' ').len();
        key_indent += 1 + gap;
        rest = &r[gap..];
    }
    Record { lines: first..end.min(ls.len()).max(first), key_indent }
}

/// Where a key sits in a record: its line, the byte range of its value (trailing spaces and any
/// comment excluded; empty when the value is on later lines), and of its comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyAt {
    pub(super) line: usize,
    pub value: Range<usize>,
    pub(super) comment: Option<Range<usize>>,
}

/// Finds `key` among the record's own keys (not nested ones).
pub fn find_key(text: &str, rec: &Record, key: &str) -> Option<KeyAt> {
    let ls = lines(text);
    for (i, &l) in ls.iter().enumerate().take(rec.lines.end).skip(rec.lines.start) {
        let s = &text[l.start..l.end];
        // A line shorter than the indentation, or with a character across it (`#中文`), holds
        // no key of the record's.
        let (Some(head), Some(tail)) = (s.get(..rec.key_indent), s.get(rec.key_indent..)) else {
            continue;
        };
        let own = head.bytes().all(|b| b == b' ') || (i == rec.lines.start && head.trim_start().starts_with('-'));
        if !own {
            continue;
        }
        let Some(after) = tail.strip_prefix(key).and_then(|r| r.strip_prefix(':')) else {
            continue;
        };
        if !(after.is_empty() || after.starts_with([' ', '\t'])) {
            continue;
        }
        let vstart = l.end - after.trim_start_matches(WHITE).len();
        let (vend, comment) = value_end(text, vstart, l.end);
        return Some(KeyAt { line: i, value: vstart..vend, comment });
    }
    None
}

/// Refuses the record unless its own `id:` is `id`: the record found at a line is the one the
/// command means, or the file changed since it was read.
pub fn check_id(text: &str, rec: &Record, id: &str) -> Result<(), EditError> {
    let line = rec.lines.start + 1;
    match find_key(text, rec, "id").map(|at| unquote(&text[at.value])) {
        Some(found) if found == id => Ok(()),
        Some(found) => Err(EditError::OtherRecord {
            line,
            found: crate::finding::shorten(&found).into_owned(),
            id: id.to_string(),
        }),
        None => Err(EditError::NoId { line }),
    }
}

/// The end of a value starting at `start` on a line ending at `end`, and the comment after it.
pub(super) fn value_end(text: &str, start: usize, end: usize) -> (usize, Option<Range<usize>>) {
    let s = &text[start..end];
    let mut quote: Option<char> = None;
    let mut prev_space = true;
    for (i, c) in s.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if (c == '"' || c == '\'') && i == 0 => quote = Some(c),
            None if c == '#' && prev_space => {
                let vend = start + s[..i].trim_end_matches(WHITE).len();
                return (vend, Some(start + i..end));
            }
            None => {}
        }
        prev_space = c == ' ' || c == '\t';
    }
    (start + s.trim_end_matches(WHITE).len(), None)
}

/// `text` with `range` replaced, at character boundaries ([`span::splice`]).
pub(super) fn splice(text: &str, range: Range<usize>, with: &str) -> String {
    span::splice(text, range, with)
}

/// The block under a key whose value is on the following lines: (first, last) content line
/// indexes, if any.
pub(super) fn block(text: &str, rec: &Record, at: &KeyAt) -> Option<(usize, usize)> {
    let ls = lines(text);
    let mut first = None;
    let mut last = None;
    for i in at.line + 1..rec.lines.end.min(ls.len()) {
        let s = &text[ls[i].start..ls[i].end];
        if is_filler(s) {
            continue;
        }
        let ind = indent(s);
        let deeper = ind > rec.key_indent || (ind == rec.key_indent && s[ind..].starts_with('-'));
        if !deeper {
            break;
        }
        first.get_or_insert(i);
        last = Some(i);
    }
    Some((first?, last?))
}

pub(super) fn has_nested(text: &str, rec: &Record, at: &KeyAt) -> bool {
    block(text, rec, at).is_some()
}

/// The items of a block list under a key: (line index, item text range) for each `- item` line.
pub(super) fn block_items(text: &str, rec: &Record, at: &KeyAt) -> Result<Vec<(usize, Range<usize>)>, EditError> {
    let ls = lines(text);
    let Some((first, last)) = block(text, rec, at) else { return Ok(Vec::new()) };
    let mut items = Vec::new();
    for (i, &l) in ls.iter().enumerate().take(last + 1).skip(first) {
        let s = &text[l.start..l.end];
        if is_filler(s) {
            continue;
        }
        let ind = indent(s);
        let Some(rest) = s[ind..].strip_prefix('-') else {
            return Err(EditError::MultiLineItems);
        };
        let vstart = l.start + ind + 1 + (rest.len() - rest.trim_start_matches(WHITE).len());
        let (vend, _) = value_end(text, vstart, l.end);
        items.push((i, vstart..vend));
    }
    Ok(items)
}
