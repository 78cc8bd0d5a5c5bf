//! The one way gov splits CSV text into records and fields, shared by the loader
//! ([`super::for_each_row`]) and the editor ([`crate::store::csv_edit`]), so the `file:line` of a
//! finding and the row an edit changes are always the same row.
//!
//! It reads as the csv crate reads: `\n`, `\r\n` and a lone `\r` each end a record, and each
//! counts as one line; blank lines between records are skipped (but counted). A `"` at the very
//! start of a field opens a quoted value, in which `,` and line ends are part of the value (the
//! line ends still count as lines) and `""` is one quote; after the closing quote the rest of
//! the field is literal, and a quote anywhere else is literal. A quoted value left open runs to
//! the end of the text. Pure; spans only ever end at ASCII bytes, so slicing the text with them
//! never splits a character.

use std::borrow::Cow;
use std::ops::Range;

/// One record of a CSV text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The 1-based line it starts on.
    pub line: u32,
    /// Its bytes, the line end excluded.
    pub span: Range<usize>,
    /// Where the text after its line end starts (the end of the text for the last record).
    pub next: usize,
    /// The line on which a quoted value of this record opens and is never closed.
    pub unclosed: Option<u32>,
}

/// Walks a CSV text record by record: [`Splitter::next_record`] fills in the field spans, the
/// [`Iterator`] yields records alone.
pub struct Splitter<'t> {
    bytes: &'t [u8],
    at: usize,
    line: u32,
    /// The field spans of the [`Iterator`]'s records, reused.
    scratch: Vec<Range<usize>>,
}

impl<'t> Splitter<'t> {
    pub fn new(text: &'t str) -> Splitter<'t> {
        Splitter { bytes: text.as_bytes(), at: 0, line: 1, scratch: Vec::new() }
    }

    /// Steps over one line end at `self.at` (`\r\n` as one), counting it.
    fn line_end(&mut self) {
        let crlf = self.bytes[self.at] == b'\r' && self.bytes.get(self.at + 1) == Some(&b'\n');
        self.at += if crlf { 2 } else { 1 };
        self.line += 1;
    }

    /// The next record, with the byte range of each of its fields (quotes included) in `fields`.
    pub fn next_record(&mut self, fields: &mut Vec<Range<usize>>) -> Option<Record> {
        fields.clear();
        let b = self.bytes;
        while self.at < b.len() && matches!(b[self.at], b'\r' | b'\n') {
            self.line_end();
        }
        if self.at >= b.len() {
            return None;
        }
        let (start, line) = (self.at, self.line);
        let mut unclosed = None;
        loop {
            let field = self.at;
            if b.get(self.at) == Some(&b'"') {
                let opened = self.line;
                self.at += 1;
                loop {
                    match b.get(self.at) {
                        None => {
                            unclosed = Some(opened);
                            break;
                        }
                        Some(b'"') if b.get(self.at + 1) == Some(&b'"') => self.at += 2,
                        Some(b'"') => {
                            self.at += 1;
                            break;
                        }
                        Some(b'\r' | b'\n') => self.line_end(),
                        Some(_) => self.at += 1,
                    }
                }
            }
            while self.at < b.len() && !matches!(b[self.at], b',' | b'\r' | b'\n') {
                self.at += 1;
            }
            fields.push(field..self.at);
            match b.get(self.at) {
                Some(b',') => self.at += 1,
                Some(_) => {
                    let end = self.at;
                    self.line_end();
                    return Some(Record { line, span: start..end, next: self.at, unclosed });
                }
                None => return Some(Record { line, span: start..b.len(), next: b.len(), unclosed }),
            }
        }
    }
}

impl Iterator for Splitter<'_> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        let mut fields = std::mem::take(&mut self.scratch);
        let record = self.next_record(&mut fields);
        self.scratch = fields;
        record
    }
}

/// The records of `text`.
pub fn records(text: &str) -> Splitter<'_> {
    Splitter::new(text)
}

/// The value of a field (a span from [`Splitter::next_record`]) as the csv crate gives it:
/// quotes removed, `""` as `"`. Borrowed unless the field holds an escaped quote or text after
/// its closing quote.
pub fn value(text: &str, field: Range<usize>) -> Cow<'_, str> {
    let raw = &text[field];
    let Some(inner) = raw.strip_prefix('"') else { return Cow::Borrowed(raw) };
    // Left open, the value runs to the end.
    let (quoted, after) = match closing_quote(inner) {
        Some(close) => (&inner[..close], &inner[close + 1..]),
        None => (inner, ""),
    };
    if after.is_empty() && !quoted.contains('"') {
        return Cow::Borrowed(quoted);
    }
    let mut out = quoted.replace("\"\"", "\"");
    out.push_str(after);
    Cow::Owned(out)
}

/// The position of the quote that closes a quoted value (`inner` is the text after the opening
/// quote): the first `"` not part of a `""`.
fn closing_quote(inner: &str) -> Option<usize> {
    let b = inner.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'"' {
            if b.get(i + 1) != Some(&b'"') {
                return Some(i);
            }
            i += 1;
        }
        i += 1;
    }
    None
}

/// The number of line ends in `bytes`: `\n`, `\r\n` (one) and a lone `\r`.
pub fn count_line_ends(bytes: &[u8]) -> usize {
    let mut n = 0;
    for (i, &c) in bytes.iter().enumerate() {
        n += usize::from(c == b'\n' || (c == b'\r' && bytes.get(i + 1) != Some(&b'\n')));
    }
    n
}

/// The text's lines, split at every line end as [`count_line_ends`] counts them, without their
/// line ends: line `n` (1-based) of a finding is item `n - 1`.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text).filter(|s| !s.is_empty());
    std::iter::from_fn(move || {
        let r = rest?;
        match r.find(['\r', '\n']) {
            Some(i) => {
                let len = if r[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = Some(&r[i + len..]).filter(|s| !s.is_empty());
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// The line ending a text is written with: `\r\n` or a lone `\r` when its first line end is one,
/// `\n` otherwise (also for a text without any).
pub fn newline(text: &str) -> &'static str {
    match text.find(['\r', '\n']) {
        Some(i) if text[i..].starts_with("\r\n") => "\r\n",
        Some(i) if text[i..].starts_with('\r') => "\r",
        _ => "\n",
    }
}

#[cfg(test)]
mod tests;
