//! The scanner behind [`super::mask_text`]: finds runs of digits (ASCII or full-width), joins
//! runs that only separators part (`138-1234-5678`, `(0371) 6678 1234`) into chains, and asks
//! the number kinds ([`super::mobile`], [`super::id_number`], [`super::card`],
//! [`super::landline`], [`super::door`]) what each chain, or the longest part of it from the
//! left, is. Pure; no I/O.

use std::borrow::Cow;

use super::{card, door, id_number, landline, mobile};

/// A run of digits: its byte span and its digits in ASCII.
#[derive(Debug, Clone)]
pub(super) struct Run {
    pub start: usize,
    pub end: usize,
    pub digits: String,
}

/// A number found in text, to be replaced: its byte span and what it becomes.
pub(super) struct Hit {
    pub start: usize,
    pub end: usize,
    pub with: String,
}

/// The digit a character stands for: `0`–`9` or full-width `０`–`９`.
pub(super) fn digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '\u{FF10}'..='\u{FF19}' => char::from_u32(c as u32 - 0xFF10 + '0' as u32),
        _ => None,
    }
}

/// Characters people type between the groups of one number.
fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\u{a0}' | '-' | '－' | '‐' | '–' | '—' | '.' | '．' | '(' | ')' | '（' | '）')
}

pub(super) fn is_open_bracket(c: char) -> bool {
    matches!(c, '(' | '（')
}

/// The most separator characters between two groups of one number (`138 - 1234`).
const MAX_GAP: usize = 3;
/// The most digits a number can have with its prefix (`0086` + a 19-digit card).
const MAX_DIGITS: usize = 23;

/// Whether `s` holds any digit, ASCII or full-width (U+FF10–FF19 is `EF BC 90`–`EF BC 99`).
/// Most cells have none and leave borrowed.
pub(super) fn has_digit(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            return true;
        }
        if c == 0xEF && i + 2 < b.len() && b[i + 1] == 0xBC && (0x90..=0x99).contains(&b[i + 2]) {
            return true;
        }
        i += 1;
    }
    false
}

fn runs(text: &str) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut current: Option<Run> = None;
    for (i, c) in text.char_indices() {
        match (digit(c), current.as_mut()) {
            (Some(d), Some(r)) => {
                r.digits.push(d);
                r.end = i + c.len_utf8();
            }
            (Some(d), None) => current = Some(Run { start: i, end: i + c.len_utf8(), digits: d.to_string() }),
            (None, _) => out.extend(current.take()),
        }
    }
    out.extend(current);
    out
}

/// Whether only separators (at most [`MAX_GAP`]) part two runs.
fn joined(text: &str, a: &Run, b: &Run) -> bool {
    let gap = &text[a.end..b.start];
    let n = gap.chars().count();
    (1..=MAX_GAP).contains(&n) && gap.chars().all(is_separator)
}

/// What a chain of runs is, if it is a number to mask: the kinds in order of how sure a match is.
fn classify(text: &str, chain: &[Run]) -> Option<Hit> {
    mobile::find(text, chain)
        .or_else(|| id_number::find(text, chain))
        .or_else(|| card::find(text, chain))
        .or_else(|| landline::find(text, chain))
        .or_else(|| long_run(chain))
}

/// A single run of 11 digits or more that is none of the kinds: masked all the same, keeping the
/// first three and last four, since nothing gov prints needs so long a number whole.
fn long_run(chain: &[Run]) -> Option<Hit> {
    let [r] = chain else { return None };
    let n = r.digits.len();
    (n >= 11).then(|| Hit { start: r.start, end: r.end, with: keep_ends(&r.digits, 3, 4) })
}

/// `digits` with all but the first `head` and last `tail` as `*`.
pub(super) fn keep_ends(digits: &str, head: usize, tail: usize) -> String {
    let n = digits.len();
    let mut s = String::with_capacity(n);
    s.push_str(&digits[..head]);
    s.extend(std::iter::repeat_n('*', n - head - tail));
    s.push_str(&digits[n - tail..]);
    s
}

/// All the numbers to mask in `text`, in order.
fn hits(text: &str) -> Vec<Hit> {
    let runs = runs(text);
    let mut hits = Vec::new();
    let mut i = 0;
    while i < runs.len() {
        // The chain from run i: runs joined by separators, up to MAX_DIGITS digits.
        let mut j = i;
        let mut digits = runs[i].digits.len();
        while j + 1 < runs.len()
            && joined(text, &runs[j], &runs[j + 1])
            && digits + runs[j + 1].digits.len() <= MAX_DIGITS
        {
            j += 1;
            digits += runs[j].digits.len();
        }
        // The longest part from run i that is a number.
        let found = (i..=j).rev().find_map(|k| classify(text, &runs[i..=k]).map(|h| (k, h)));
        match found {
            Some((k, hit)) => {
                hits.push(hit);
                i = k + 1;
            }
            None => {
                hits.extend(door::find(text, &runs[i]));
                i += 1;
            }
        }
    }
    hits
}

/// `text` with every hit replaced; borrowed when there is none.
pub(super) fn mask(text: &str) -> Cow<'_, str> {
    if !has_digit(text) {
        return Cow::Borrowed(text);
    }
    let hits = hits(text);
    if hits.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for h in hits {
        if h.start < at {
            continue;
        }
        out.push_str(&text[at..h.start]);
        out.push_str(&h.with);
        at = h.end;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

/// The span of a chain, widened to take in an opening bracket before it when a closing one sits
/// inside it (`(0371)6678…` → the whole `(0371)6678…`).
pub(super) fn span(text: &str, chain: &[Run]) -> (usize, usize) {
    let (first, last) = (&chain[0], &chain[chain.len() - 1]);
    let inner = &text[first.start..last.end];
    let mut start = first.start;
    if inner.contains([')', '）'])
        && let Some(c) = text[..start].chars().next_back()
        && is_open_bracket(c)
    {
        start -= c.len_utf8();
    }
    (start, last.end)
}

/// The chain's digits, concatenated.
pub(super) fn digits(chain: &[Run]) -> String {
    chain.iter().map(|r| r.digits.as_str()).collect()
}
