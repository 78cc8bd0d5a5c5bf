//! Editing YAML text in place, line by line, the way a person would: append a list item in the
//! file's own indentation, set one key's value on its line (keeping the comment or replacing it),
//! insert a key after the record's `id:` line, add or remove one item of a flow (`[a, b]`) or
//! block (`- a`) list, append an item to a nested list (an issue's `events`). Pure functions on
//! text; no I/O, no re-serialising: everything outside the edited span stays byte for byte,
//! comments and key order included. Text keeps its own line endings: callers pass the file's
//! newline (`"\n"` or `"\r\n"`) for the lines they add.

use std::ops::Range;

/// One line: `start..end` is its content (no terminator), `next` where the following line starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Line {
    start: usize,
    end: usize,
    next: usize,
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let (end, next) = match text[start..].find('\n') {
            Some(i) => {
                let nl = start + i;
                let end = if nl > start && text.as_bytes()[nl - 1] == b'\r' { nl - 1 } else { nl };
                (end, nl + 1)
            }
            None => (text.len(), text.len()),
        };
        out.push(Line { start, end, next });
        start = next;
    }
    out
}

fn indent(s: &str) -> usize {
    s.len() - s.trim_start_matches(' ').len()
}

/// Blank, or only a comment.
fn is_filler(s: &str) -> bool {
    let t = s.trim();
    t.is_empty() || t.starts_with('#')
}

/// A value as a YAML scalar: plain when that reads back as the same text (also inside a flow
/// collection), double-quoted otherwise.
pub fn scalar(value: &str) -> String {
    let special_word = matches!(
        value.to_ascii_lowercase().as_str(),
        "null" | "~" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n"
    );
    let numberish = (value.parse::<f64>().is_ok() && !value.bytes().all(|b| b.is_ascii_digit()))
        || ["0x", "0o", "0b", "+", "."].iter().any(|p| value.to_ascii_lowercase().starts_with(p));
    let plain = !value.is_empty()
        && !special_word
        && !numberish
        && value.trim() == value
        && !value.starts_with([
            '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`',
        ])
        && !value.contains([',', '[', ']', '{', '}', '\n', '\r', '\t', '"'])
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.ends_with(':');
    if plain {
        return value.to_string();
    }
    let mut s = String::with_capacity(value.len() + 2);
    s.push('"');
    for c in value.chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            '\r' => s.push_str("\\r"),
            '\t' => s.push_str("\\t"),
            c => s.push(c),
        }
    }
    s.push('"');
    s
}

/// Items as a flow list: `[a, b]`.
pub fn flow_list(items: &[String]) -> String {
    format!("[{}]", items.iter().map(|i| scalar(i)).collect::<Vec<_>>().join(", "))
}

/// A field's value as written: one scalar, or a flow list.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Scalar(String),
    List(Vec<String>),
    /// Written as is: a value known to read back as meant (`solved: no`).
    Plain(String),
}

impl Value {
    fn text(&self) -> String {
        match self {
            Value::Scalar(s) => scalar(s),
            Value::List(items) => flow_list(items),
            Value::Plain(s) => s.clone(),
        }
    }
}

/// Does the file hold a list of records (its first content line starts with `-`)? An empty file
/// (or only comments) counts as a list: items can be appended to it.
pub fn is_list(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match text.lines().map(str::trim_end).find(|l| !is_filler(l) && *l != "---") {
        None => true,
        Some(l) => l.trim_start().starts_with('-'),
    }
}

/// The indentation of a list's items: spaces before the `-`, and after it up to the first key.
fn item_style(text: &str) -> (usize, usize) {
    for l in text.lines() {
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

/// Appends a record (a mapping, `fields` in order, empty values left out) as a new item at the
/// end of a list file, indented like the file's first item. `nl` is the file's newline.
pub fn append_item(text: &str, nl: &str, fields: &[(&str, Value)]) -> String {
    let (dash, gap) = item_style(text);
    let mut out = text.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push_str(nl);
    }
    let key_indent = dash + 1 + gap;
    let mut first = true;
    for (k, v) in fields {
        if matches!(v, Value::Scalar(s) if s.is_empty()) || matches!(v, Value::List(l) if l.is_empty()) {
            continue;
        }
        if first {
            out.push_str(&format!("{}-{}{k}: {}{nl}", " ".repeat(dash), " ".repeat(gap), v.text()));
            first = false;
        } else {
            out.push_str(&format!("{}{k}: {}{nl}", " ".repeat(key_indent), v.text()));
        }
    }
    out
}

/// A mapping as one flow item: `{date: 2022-03-06, action: dispatched}`.
pub fn flow_mapping(fields: &[(&str, Value)]) -> String {
    let parts: Vec<String> = fields.iter().map(|(k, v)| format!("{k}: {}", v.text())).collect();
    format!("{{{}}}", parts.join(", "))
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
    line: usize,
    pub value: Range<usize>,
    comment: Option<Range<usize>>,
}

/// Finds `key` among the record's own keys (not nested ones).
pub fn find_key(text: &str, rec: &Record, key: &str) -> Option<KeyAt> {
    let ls = lines(text);
    for (i, &l) in ls.iter().enumerate().take(rec.lines.end).skip(rec.lines.start) {
        let s = &text[l.start..l.end];
        if s.len() < rec.key_indent {
            continue;
        }
        let head = &s[..rec.key_indent];
        let own = head.bytes().all(|b| b == b' ') || (i == rec.lines.start && head.trim_start().starts_with('-'));
        if !own {
            continue;
        }
        let Some(after) = s[rec.key_indent..].strip_prefix(key).and_then(|r| r.strip_prefix(':')) else {
            continue;
        };
        if !(after.is_empty() || after.starts_with([' ', '\t'])) {
            continue;
        }
        let vstart = l.end - after.len() + (after.len() - after.trim_start().len());
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
        Some(found) => Err(format!(
            "the record on line {line} is `{}`, not `{id}`; the file may have changed since it was read; run the command again",
            crate::finding::shorten(&found)
        )),
        None => Err(format!("the record on line {line} has no `id:` line of its own; edit it by hand")),
    }
}

/// The end of a value starting at `start` on a line ending at `end`, and the comment after it.
fn value_end(text: &str, start: usize, end: usize) -> (usize, Option<Range<usize>>) {
    let s = &text[start..end];
    let mut quote: Option<char> = None;
    let mut prev_space = true;
    for (i, c) in s.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if (c == '"' || c == '\'') && i == 0 => quote = Some(c),
            None if c == '#' && prev_space => {
                let vend = start + s[..i].trim_end().len();
                return (vend, Some(start + i..end));
            }
            None => {}
        }
        prev_space = c == ' ' || c == '\t';
    }
    (start + s.trim_end().len(), None)
}

fn splice(text: &str, range: Range<usize>, with: &str) -> String {
    let mut out = String::with_capacity(text.len() + with.len());
    out.push_str(&text[..range.start]);
    out.push_str(with);
    out.push_str(&text[range.end..]);
    out
}

/// Why an edit could not be made as text.
pub type EditError = String;

/// Sets `key` to `value` on its line, replacing the comment with `comment` when one is given.
/// When the key is absent, inserts `key: value` after the record's `after` key line (its `id`),
/// at the record's key indentation.
pub fn set_value(
    text: &str,
    nl: &str,
    rec: &Record,
    key: &str,
    value: &str,
    comment: Option<&str>,
    after: &str,
) -> Result<String, EditError> {
    let value = scalar(value);
    let tail = comment.map(|c| format!("  # {}", one_line(c))).unwrap_or_default();
    if let Some(at) = find_key(text, rec, key) {
        if at.value.is_empty() && has_nested(text, rec, &at) {
            return Err(format!("`{key}` holds a nested value; edit it by hand"));
        }
        let ls = lines(text);
        let line_end = ls[at.line].end;
        return Ok(match (comment, at.comment) {
            (Some(_), _) => splice(text, at.value.start..line_end, &format!("{value}{tail}")),
            (None, Some(c)) => splice(text, at.value.start..c.start, &format!("{value} ")),
            (None, None) => splice(text, at.value.start..line_end, &value),
        });
    }
    let anchor = find_key(text, rec, after).ok_or_else(|| format!("the record has no `{after}:` line"))?;
    let ls = lines(text);
    let l = ls[anchor.line];
    if text[anchor.value.clone()].starts_with('{') {
        return Err("the record is written as a flow mapping `{…}`; edit it by hand".into());
    }
    let newline = if l.next == l.end { nl } else { "" };
    let line = format!("{newline}{}{key}: {value}{tail}{nl}", " ".repeat(rec.key_indent));
    Ok(splice(text, l.next..l.next, &line))
}

fn one_line(s: &str) -> String {
    s.split(['\n', '\r']).map(str::trim).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ")
}

/// The block under a key whose value is on the following lines: (first, last) content line
/// indexes, if any.
fn block(text: &str, rec: &Record, at: &KeyAt) -> Option<(usize, usize)> {
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

fn has_nested(text: &str, rec: &Record, at: &KeyAt) -> bool {
    block(text, rec, at).is_some()
}

/// The items of a block list under a key: (line index, item text range) for each `- item` line.
fn block_items(text: &str, rec: &Record, at: &KeyAt) -> Result<Vec<(usize, Range<usize>)>, EditError> {
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
            return Err("the list's items span several lines; edit it by hand".into());
        };
        let vstart = l.start + ind + 1 + (rest.len() - rest.trim_start().len());
        let (vend, _) = value_end(text, vstart, l.end);
        items.push((i, vstart..vend));
    }
    Ok(items)
}

/// A list written on the key's line: `[a, b]`, or items in one scalar separated by `;` `；` `、`.
fn inline_items(v: &str) -> (Vec<String>, Option<&'static str>) {
    let v = v.trim();
    if let Some(inner) = v.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        let items = inner.split(',').map(|p| unquote(p.trim())).filter(|p| !p.is_empty()).collect();
        return (items, None);
    }
    let sep = [";", "；", "、"].into_iter().find(|s| v.contains(s)).unwrap_or(";");
    (v.split([';', '；', '、']).map(|p| unquote(p.trim())).filter(|p| !p.is_empty()).collect(), Some(sep))
}

fn unquote(s: &str) -> String {
    if s.len() >= 2 && ((s.starts_with('"') && s.ends_with('"')) || (s.starts_with('\'') && s.ends_with('\''))) {
        s[1..s.len() - 1].to_string()
    } else {
        s.to_string()
    }
}

/// The list items `key` holds now, in whichever style it is written.
pub fn list_items(text: &str, rec: &Record, key: &str) -> Result<Option<Vec<String>>, EditError> {
    let Some(at) = find_key(text, rec, key) else { return Ok(None) };
    if at.value.is_empty() {
        let items = block_items(text, rec, &at)?;
        return Ok(Some(items.into_iter().map(|(_, r)| unquote(&text[r])).collect()));
    }
    Ok(Some(inline_items(&text[at.value.clone()]).0))
}

/// Adds `item` to the list under `key`: a flow list gets `, item` before its `]`, a block list a
/// `- item` line after its last item, a `;`-separated value `;item`; an absent key becomes
/// `key: [item]` after the record's `after` line.
pub fn list_add(text: &str, nl: &str, rec: &Record, key: &str, item: &str, after: &str) -> Result<String, EditError> {
    let Some(at) = find_key(text, rec, key) else {
        return set_raw_after(text, nl, rec, key, &flow_list(&[item.to_string()]), after);
    };
    let v = &text[at.value.clone()];
    if at.value.is_empty() {
        let items = block_items(text, rec, &at)?;
        let ls = lines(text);
        return Ok(match items.last() {
            Some(&(line, _)) => {
                let l = ls[line];
                let s = &text[l.start..l.end];
                let dash = indent(s);
                let gap = s[dash + 1..].len() - s[dash + 1..].trim_start().len();
                let newline = if l.next == l.end { nl } else { "" };
                let new = format!("{newline}{}-{}{}{nl}", " ".repeat(dash), " ".repeat(gap.max(1)), scalar(item));
                splice(text, l.next..l.next, &new)
            }
            None => {
                let l = ls[at.line];
                let colon = l.start + rec.key_indent + key.len() + 1;
                let rest = at.comment.as_ref().map_or(String::new(), |c| format!("  {}", &text[c.clone()]));
                splice(text, colon..l.end, &format!(" {}{rest}", flow_list(&[item.to_string()])))
            }
        });
    }
    if v.starts_with('[') {
        if !v.ends_with(']') {
            return Err(format!("`{key}` is a flow list over several lines; edit it by hand"));
        }
        let inner = &v[1..v.len() - 1];
        let close = at.value.end - 1;
        let insert = if inner.trim().is_empty() {
            scalar(item)
        } else {
            let sep = if inner.contains(", ") || !inner.contains(',') { ", " } else { "," };
            let trailing = inner.len() - inner.trim_end().len();
            return Ok(splice(text, close - trailing..close - trailing, &format!("{sep}{}", scalar(item))));
        };
        return Ok(splice(text, at.value.start + 1..close, &insert));
    }
    let (_, sep) = inline_items(v);
    Ok(splice(text, at.value.end..at.value.end, &format!("{}{}", sep.unwrap_or(";"), item)))
}

/// `key: raw` on a new line after the record's `after` key line.
fn set_raw_after(text: &str, nl: &str, rec: &Record, key: &str, raw: &str, after: &str) -> Result<String, EditError> {
    let anchor = find_key(text, rec, after).ok_or_else(|| format!("the record has no `{after}:` line"))?;
    if text[anchor.value.clone()].starts_with('{') {
        return Err("the record is written as a flow mapping `{…}`; edit it by hand".into());
    }
    let l = lines(text)[anchor.line];
    let newline = if l.next == l.end { nl } else { "" };
    Ok(splice(text, l.next..l.next, &format!("{newline}{}{key}: {raw}{nl}", " ".repeat(rec.key_indent))))
}

/// Removes `item` from the list under `key`, touching only that item: its `- item` line in a
/// block list, or the item and one separator in a flow list or a separated value.
pub fn list_remove(text: &str, rec: &Record, key: &str, item: &str) -> Result<String, EditError> {
    let at = find_key(text, rec, key).ok_or_else(|| format!("the record has no `{key}`"))?;
    if at.value.is_empty() {
        let items = block_items(text, rec, &at)?;
        let ls = lines(text);
        let (line, _) = items
            .iter()
            .find(|(_, r)| unquote(&text[r.clone()]) == item)
            .ok_or_else(|| format!("`{item}` is not in `{key}`"))?;
        let l = ls[*line];
        return Ok(splice(text, l.start..l.next, ""));
    }
    let v = &text[at.value.clone()];
    let (inner, base) = match v.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        Some(inner) => (inner, at.value.start + 1),
        None => (v, at.value.start),
    };
    let flow = v.starts_with('[');
    // Pieces: (range of the item text within `inner`), found by walking the separators.
    let seps: &[char] = if flow { &[','] } else { &[';', '；', '、'] };
    let mut pieces: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for (i, c) in inner.char_indices() {
        if seps.contains(&c) {
            pieces.push(start..i);
            start = i + c.len_utf8();
        }
    }
    pieces.push(start..inner.len());
    let k = pieces
        .iter()
        .position(|p| unquote(inner[p.clone()].trim()) == item)
        .ok_or_else(|| format!("`{item}` is not in `{key}`"))?;
    let cut = if pieces.len() == 1 {
        pieces[0].clone()
    } else if k + 1 < pieces.len() {
        // The item, its separator and the spaces before the next item.
        let next = &pieces[k + 1];
        let lead = inner[next.clone()].len() - inner[next.clone()].trim_start().len();
        pieces[k].start + (inner[pieces[k].clone()].len() - inner[pieces[k].clone()].trim_start().len())
            ..next.start + lead
    } else {
        // The last item and the separator before it.
        let prev = &pieces[k - 1];
        prev.end..pieces[k].end - (inner[pieces[k].clone()].len() - inner[pieces[k].clone()].trim_end().len())
    };
    Ok(splice(text, base + cut.start..base + cut.end, ""))
}

/// Appends an item to the list of mappings under `key` (an issue's `events`), in the style of
/// the items already there: block mappings (`- date: …` then `  action: …`) or flow mappings
/// (`- {date: …, action: …}`), at the same indentation, after the last item. `events: []`
/// becomes a block list; a missing key is added at the end of the record. Returns the new text
/// and the 1-based line the new item starts on.
pub fn append_to_list(
    text: &str,
    nl: &str,
    rec: &Record,
    key: &str,
    fields: &[(&str, Value)],
) -> Result<(String, u32), EditError> {
    let ls = lines(text);
    let block_item = |dash: usize, gap: usize| {
        let mut s = String::new();
        for (n, (k, v)) in fields.iter().enumerate() {
            if n == 0 {
                s.push_str(&format!("{}-{}{k}: {}{nl}", " ".repeat(dash), " ".repeat(gap), v.text()));
            } else {
                s.push_str(&format!("{}{k}: {}{nl}", " ".repeat(dash + 1 + gap), v.text()));
            }
        }
        s
    };
    let Some(at) = find_key(text, rec, key) else {
        // At the end of the record: after its last content line.
        let last = rec.lines.clone().rev().find(|&i| !is_filler(&text[ls[i].start..ls[i].end]));
        let last = last.unwrap_or(rec.lines.start);
        let l = ls[last];
        let newline = if l.next == l.end { nl } else { "" };
        let new = format!("{newline}{}{key}:{nl}{}", " ".repeat(rec.key_indent), block_item(rec.key_indent + 2, 1));
        return Ok((splice(text, l.next..l.next, &new), last as u32 + 3));
    };
    let v = &text[at.value.clone()];
    if at.value.is_empty() {
        let Some((first, last)) = block(text, rec, &at) else {
            // `events:` with nothing after it.
            let l = ls[at.line];
            let newline = if l.next == l.end { nl } else { "" };
            let new = format!("{newline}{}", block_item(rec.key_indent + 2, 1));
            return Ok((splice(text, l.next..l.next, &new), at.line as u32 + 2));
        };
        let s = &text[ls[first].start..ls[first].end];
        let dash = indent(s);
        let rest = s[dash..].strip_prefix('-').ok_or("the list's first item does not start with `-`")?;
        let gap = rest.len() - rest.trim_start().len();
        let item = if rest.trim_start().starts_with('{') {
            format!("{}-{}{}{nl}", " ".repeat(dash), " ".repeat(gap), flow_mapping(fields))
        } else {
            block_item(dash, gap.max(1))
        };
        let l = ls[last];
        let newline = if l.next == l.end { nl } else { "" };
        return Ok((splice(text, l.next..l.next, &format!("{newline}{item}")), last as u32 + 2));
    }
    if v == "[]" {
        let l = ls[at.line];
        let comment = text[at.value.end..l.end].trim_end();
        let items = block_item(rec.key_indent + 2, 1);
        let replaced = format!("{comment}{nl}{}", items.strip_suffix(nl).unwrap_or(&items));
        let colon = l.start + rec.key_indent + key.len() + 1;
        return Ok((splice(text, colon..l.end, &replaced), at.line as u32 + 2));
    }
    if v.starts_with('[') && v.ends_with(']') {
        let close = at.value.end - 1;
        return Ok((splice(text, close..close, &format!(", {}", flow_mapping(fields))), at.line as u32 + 1));
    }
    Err(format!("`{key}` is not a list this command can add to; edit it by hand"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec_at(text: &str, start: u32, next: Option<u32>) -> Record {
        record(text, start, next)
    }

    #[test]
    fn scalars_are_quoted_only_when_needed() {
        assert_eq!(scalar("张伟"), "张伟");
        assert_eq!(scalar("M0012"), "M0012");
        assert_eq!(scalar("13812345678"), "13812345678");
        assert_eq!(scalar("2022-03-05"), "2022-03-05");
        assert_eq!(scalar("+8613912345678"), "\"+8613912345678\"");
        assert_eq!(scalar("1.5"), "\"1.5\"");
        assert_eq!(scalar("null"), "\"null\"");
        assert_eq!(scalar("a, b"), "\"a, b\"");
        assert_eq!(scalar("- x"), "\"- x\"");
        assert_eq!(scalar("说 \"好\""), "\"说 \\\"好\\\"\"");
        assert_eq!(scalar(""), "\"\"");
        assert_eq!(flow_list(&["M1".into(), "M2".into()]), "[M1, M2]");
    }

    #[test]
    fn list_or_mapping() {
        assert!(is_list("# members\n\n- id: M1\n"));
        assert!(is_list("---\n  - id: M1\n"));
        assert!(is_list("# nothing yet\n"));
        assert!(!is_list("id: M1\nname: x\n"));
    }

    #[test]
    fn append_items_in_the_files_indentation() {
        let fields = [
            ("id", Value::Scalar("M3".into())),
            ("name", Value::Scalar("李娜".into())),
            ("roles", Value::List(vec!["楼栋长".into()])),
            ("unit", Value::Scalar(String::new())),
        ];
        let text = "# 党员\n- id: M1\n  name: 张伟\n";
        assert_eq!(append_item(text, "\n", &fields), format!("{text}- id: M3\n  name: 李娜\n  roles: [楼栋长]\n"));
        let text = "  -   id: M1\r\n      name: 张伟";
        assert_eq!(
            append_item(text, "\r\n", &fields),
            format!("{text}\r\n  -   id: M3\r\n      name: 李娜\r\n      roles: [楼栋长]\r\n")
        );
        assert_eq!(append_item("", "\n", &fields[..1]), "- id: M3\n");
    }

    #[test]
    fn records_and_keys() {
        let text = "- id: H1   # first\n  color: red # 独居\n  contacts: [M1]\n- id: H2\n  address: x\n";
        let r = rec_at(text, 1, Some(4));
        assert_eq!(r, Record { lines: 0..3, key_indent: 2 });
        let at = find_key(text, &r, "color").unwrap();
        assert_eq!(&text[at.value.clone()], "red");
        assert_eq!(&text[find_key(text, &r, "id").unwrap().value], "H1");
        assert!(find_key(text, &r, "address").is_none());
        let single = "id: I-1\ntitle: t\nevents:\n  - date: 2022-01-01\n    action: x\n";
        let r = rec_at(single, 1, None);
        assert_eq!(r.key_indent, 0);
        assert!(find_key(single, &r, "date").is_none(), "nested keys are not the record's");
    }

    #[test]
    fn set_a_value_keeping_everything_else() {
        let text = "- id: H1\n  color: green # 稳定\n  tags: [低保]\n- id: H2\n  head: x\n";
        let r = rec_at(text, 1, Some(4));
        let out = set_value(text, "\n", &r, "color", "red", Some("2026-11-25 住院"), "id").unwrap();
        assert_eq!(out, "- id: H1\n  color: red  # 2026-11-25 住院\n  tags: [低保]\n- id: H2\n  head: x\n");
        let out = set_value(text, "\n", &r, "color", "yellow", None, "id").unwrap();
        assert_eq!(out, "- id: H1\n  color: yellow # 稳定\n  tags: [低保]\n- id: H2\n  head: x\n");
        // Absent: inserted after the id line, at the record's indentation.
        let r2 = rec_at(text, 4, None);
        let out = set_value(text, "\n", &r2, "color", "red", Some("why"), "id").unwrap();
        assert_eq!(out, "- id: H1\n  color: green # 稳定\n  tags: [低保]\n- id: H2\n  color: red  # why\n  head: x\n");
        let crlf = "id: H9\r\nhead: x\r\n";
        let out = set_value(crlf, "\r\n", &rec_at(crlf, 1, None), "color", "red", None, "id").unwrap();
        assert_eq!(out, "id: H9\r\ncolor: red\r\nhead: x\r\n");
        let flow = "- {id: H1, color: red}\n";
        assert!(set_value(flow, "\n", &rec_at(flow, 1, None), "size", "2", None, "id").is_err());
    }

    #[test]
    fn flow_lists() {
        let text = "- id: H1\n  contacts: [M1, M2]  # 两人\n";
        let r = rec_at(text, 1, None);
        let added = list_add(text, "\n", &r, "contacts", "M3", "id").unwrap();
        assert_eq!(added, "- id: H1\n  contacts: [M1, M2, M3]  # 两人\n");
        assert_eq!(list_items(&added, &r, "contacts").unwrap().unwrap(), ["M1", "M2", "M3"]);
        assert_eq!(list_remove(&added, &r, "contacts", "M2").unwrap(), "- id: H1\n  contacts: [M1, M3]  # 两人\n");
        assert_eq!(list_remove(&added, &r, "contacts", "M3").unwrap(), text);
        assert_eq!(list_remove(&added, &r, "contacts", "M1").unwrap(), "- id: H1\n  contacts: [M2, M3]  # 两人\n");
        let one = "- id: H1\n  contacts: [M1]\n";
        assert_eq!(list_remove(one, &r, "contacts", "M1").unwrap(), "- id: H1\n  contacts: []\n");
        assert_eq!(
            list_add("- id: H1\n  contacts: []\n", "\n", &r, "contacts", "M4", "id").unwrap(),
            "- id: H1\n  contacts: [M4]\n"
        );
        assert!(list_remove(one, &r, "contacts", "M9").is_err());
    }

    #[test]
    fn block_lists_and_separated_values() {
        let text = "- id: H1\n  contacts:\n    - M1\n    - M2   # 楼栋长\n  color: red\n";
        let r = rec_at(text, 1, None);
        assert_eq!(list_items(text, &r, "contacts").unwrap().unwrap(), ["M1", "M2"]);
        let added = list_add(text, "\n", &r, "contacts", "M3", "id").unwrap();
        assert_eq!(added, "- id: H1\n  contacts:\n    - M1\n    - M2   # 楼栋长\n    - M3\n  color: red\n");
        assert_eq!(
            list_remove(&added, &r, "contacts", "M1").unwrap(),
            "- id: H1\n  contacts:\n    - M2   # 楼栋长\n    - M3\n  color: red\n"
        );
        let sep = "- id: H1\n  contacts: M1；M2\n";
        let r = rec_at(sep, 1, None);
        assert_eq!(list_add(sep, "\n", &r, "contacts", "M3", "id").unwrap(), "- id: H1\n  contacts: M1；M2；M3\n");
        assert_eq!(list_remove(sep, &r, "contacts", "M1").unwrap(), "- id: H1\n  contacts: M2\n");
        let none = "- id: H1\n  head: x\n";
        let r = rec_at(none, 1, None);
        assert_eq!(
            list_add(none, "\n", &r, "contacts", "M1", "id").unwrap(),
            "- id: H1\n  contacts: [M1]\n  head: x\n"
        );
    }

    #[test]
    fn events_are_appended_in_the_files_style() {
        let ev = [("date", Value::Scalar("2022-03-10".into())), ("action", Value::Scalar("resolved".into()))];
        let block = "id: I-1\nevents:\n  - date: 2022-03-06\n    action: 派单\n# 以上\n";
        let (out, line) = append_to_list(block, "\n", &rec_at(block, 1, None), "events", &ev).unwrap();
        assert_eq!(
            out,
            "id: I-1\nevents:\n  - date: 2022-03-06\n    action: 派单\n  - date: 2022-03-10\n    action: resolved\n# 以上\n"
        );
        assert_eq!(line, 5);
        let flow = "id: I-1\nevents:\n- {date: 2022-03-06, action: 派单}\ntitle: t\n";
        let (out, line) = append_to_list(flow, "\n", &rec_at(flow, 1, None), "events", &ev).unwrap();
        assert_eq!(
            out,
            "id: I-1\nevents:\n- {date: 2022-03-06, action: 派单}\n- {date: 2022-03-10, action: resolved}\ntitle: t\n"
        );
        assert_eq!(line, 4);
        let none = "id: I-1\ntitle: t   # 标题\n\n";
        let (out, line) = append_to_list(none, "\n", &rec_at(none, 1, None), "events", &ev).unwrap();
        assert_eq!(out, "id: I-1\ntitle: t   # 标题\nevents:\n  - date: 2022-03-10\n    action: resolved\n\n");
        assert_eq!(line, 4);
        let open = "id: I-1\ntitle: t";
        let (out, _) = append_to_list(open, "\r\n", &rec_at(open, 1, None), "events", &ev).unwrap();
        assert_eq!(out, "id: I-1\ntitle: t\r\nevents:\r\n  - date: 2022-03-10\r\n    action: resolved\r\n");
        let empty = "id: I-1\nevents: []\ntitle: t\n";
        let (out, line) = append_to_list(empty, "\n", &rec_at(empty, 1, None), "events", &ev).unwrap();
        assert_eq!(out, "id: I-1\nevents:\n  - date: 2022-03-10\n    action: resolved\ntitle: t\n");
        assert_eq!(line, 3);
        let inline = "id: I-1\nevents: [{date: 2022-03-06, action: 派单}]\n";
        let (out, line) = append_to_list(inline, "\n", &rec_at(inline, 1, None), "events", &ev).unwrap();
        assert_eq!(out, "id: I-1\nevents: [{date: 2022-03-06, action: 派单}, {date: 2022-03-10, action: resolved}]\n");
        assert_eq!(line, 2);
    }
}
