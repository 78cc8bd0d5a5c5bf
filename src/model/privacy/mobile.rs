//! Mainland mobiles (`1[3-9]` + 9 digits) in any typed form, with an optional `+86`, `0086` or
//! `86` in front: masked `138****5678` (the prefix kept as `+86`/`0086`/`86`). Pure.

use super::scan::{Hit, Run, digits, keep_ends, span};

pub(super) fn is_mobile(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1])
}

pub(super) fn find(text: &str, chain: &[Run]) -> Option<Hit> {
    let d = digits(chain);
    let (mut start, end) = span(text, chain);
    let plus = text[..chain[0].start].chars().next_back().filter(|c| matches!(c, '+' | '＋'));
    let (prefix, rest) = if let (Some(p), Some(rest)) = (plus, d.strip_prefix("86")) {
        start = chain[0].start - p.len_utf8();
        ("+86", rest)
    } else if let Some(rest) = d.strip_prefix("0086") {
        ("0086", rest)
    } else if d.len() == 13
        && let Some(rest) = d.strip_prefix("86")
    {
        ("86", rest)
    } else {
        ("", d.as_str())
    };
    // In groups, the number's first group is 3 or 7 digits (`138 1234 5678`, `1381234 5678`),
    // after a prefix of its own or in one with it (`+86 138…`, `+86138 …`).
    if chain.len() > 1 {
        let first = chain[0].digits.len();
        let p = prefix.trim_start_matches('+').len();
        let own = if first == p { Some(chain[1].digits.len()) } else { first.checked_sub(p) };
        if !matches!(own, Some(3 | 7 | 11)) {
            return None;
        }
    }
    is_mobile(rest).then(|| Hit { start, end, with: format!("{prefix}{}", keep_ends(rest, 3, 4)) })
}
