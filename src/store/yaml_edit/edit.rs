//! The edits: append a record to a list file, set one key's value, add or remove one item of a
//! list, append a mapping to a nested list. Each returns the new text or why it cannot be made;
//! everything outside the edited span stays byte for byte.

use std::ops::Range;

use super::EditError;
use super::locate::{
    Record, WHITE, block, block_items, find_key, has_nested, indent, is_filler, item_style, lines, splice,
};
use super::scalar::{Value, flow_list, flow_mapping, inline_items, one_line, scalar, unquote};

/// Appends a record (a mapping, `fields` in order, empty values left out) as a new item at the
/// end of a list file, indented like the file's first item. `nl` is the file's newline.
pub fn append_item(text: &str, nl: &str, fields: &[(&str, Value)]) -> String {
    let (dash, gap) = item_style(text);
    let mut out = text.to_string();
    if !out.is_empty() && !out.ends_with(['\n', '\r']) {
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
            return Err(EditError::Nested { key: key.to_string() });
        }
        let ls = lines(text);
        let line_end = ls[at.line].end;
        return Ok(match (comment, at.comment) {
            (Some(_), _) => splice(text, at.value.start..line_end, &format!("{value}{tail}")),
            (None, Some(c)) => splice(text, at.value.start..c.start, &format!("{value} ")),
            (None, None) => splice(text, at.value.start..line_end, &value),
        });
    }
    let anchor = find_key(text, rec, after).ok_or_else(|| EditError::NoAnchor { key: after.to_string() })?;
    let ls = lines(text);
    let l = ls[anchor.line];
    if text[anchor.value.clone()].starts_with('{') {
        return Err(EditError::FlowMapping);
    }
    let newline = if l.next == l.end { nl } else { "" };
    let line = format!("{newline}{}{key}: {value}{tail}{nl}", " ".repeat(rec.key_indent));
    Ok(splice(text, l.next..l.next, &line))
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
                let gap = s[dash + 1..].len() - s[dash + 1..].trim_start_matches(WHITE).len();
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
            return Err(EditError::MultiLineFlowList { key: key.to_string() });
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
pub(super) fn set_raw_after(
    text: &str,
    nl: &str,
    rec: &Record,
    key: &str,
    raw: &str,
    after: &str,
) -> Result<String, EditError> {
    let anchor = find_key(text, rec, after).ok_or_else(|| EditError::NoAnchor { key: after.to_string() })?;
    if text[anchor.value.clone()].starts_with('{') {
        return Err(EditError::FlowMapping);
    }
    let l = lines(text)[anchor.line];
    let newline = if l.next == l.end { nl } else { "" };
    Ok(splice(text, l.next..l.next, &format!("{newline}{}{key}: {raw}{nl}", " ".repeat(rec.key_indent))))
}

/// Removes `item` from the list under `key`, touching only that item: its `- item` line in a
/// block list, or the item and one separator in a flow list or a separated value.
pub fn list_remove(text: &str, rec: &Record, key: &str, item: &str) -> Result<String, EditError> {
    let at = find_key(text, rec, key).ok_or_else(|| EditError::NoKey { key: key.to_string() })?;
    if at.value.is_empty() {
        let items = block_items(text, rec, &at)?;
        let ls = lines(text);
        let (line, _) = items
            .iter()
            .find(|(_, r)| unquote(&text[r.clone()]) == item)
            .ok_or_else(|| EditError::NotInList { item: item.to_string(), key: key.to_string() })?;
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
        .ok_or_else(|| EditError::NotInList { item: item.to_string(), key: key.to_string() })?;
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
        let content = |&i: &usize| ls.get(i).is_some_and(|l| !is_filler(&text[l.start..l.end]));
        let last = rec.lines.clone().rev().find(content).unwrap_or(rec.lines.start);
        let Some(&l) = ls.get(last) else { return Err(EditError::NotInFile) };
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
        let rest = s[dash..].strip_prefix('-').ok_or(EditError::NoDash)?;
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
    Err(EditError::NotAList { key: key.to_string() })
}

/// The byte range of the list item that starts on 1-based `line` (a `- ` line) with the lines
/// under it indented deeper than its dash (its block mapping, comments indented with it); a
/// blank line or one at the dash's indentation or less ends it. Line ends included.
pub fn item_range(text: &str, line: u32) -> Result<Range<usize>, EditError> {
    let ls = lines(text);
    let first = (line.max(1) - 1) as usize;
    let l = ls.get(first).ok_or(EditError::NotInFile)?;
    let s = &text[l.start..l.end];
    let dash = indent(s);
    if !s[dash..].starts_with('-') {
        return Err(EditError::NoDash);
    }
    let mut last = first;
    for (i, l) in ls.iter().enumerate().skip(first + 1) {
        let s = &text[l.start..l.end];
        if s.trim().is_empty() || indent(s) <= dash {
            break;
        }
        last = i;
    }
    Ok(ls[first].start..ls[last].next)
}

/// `text` without the list item that starts on 1-based `line` ([`item_range`]).
pub fn remove_item(text: &str, line: u32) -> Result<String, EditError> {
    Ok(splice(text, item_range(text, line)?, ""))
}
