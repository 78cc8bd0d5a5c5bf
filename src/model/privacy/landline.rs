//! Landlines with an area code: `0371-66781234`, `(0371)66781234`, `0371 6678 1234`,
//! `（0371）66781234`, `010-12345678`. The area code is `0` and two digits for `01x`/`02x`, else
//! `0` and three; the number after it has 7 or 8 digits. Masked `0371-****1234`. Pure.

use super::scan::{Hit, Run, digits, span};

pub(super) fn find(text: &str, chain: &[Run]) -> Option<Hit> {
    let d = digits(chain);
    let b = d.as_bytes();
    if b.len() < 10 || b[0] != b'0' || b[1] == b'0' {
        return None;
    }
    let area = if matches!(b[1], b'1' | b'2') { 3 } else { 4 };
    if chain.len() > 1 && chain[0].digits.len() != area {
        return None;
    }
    let number = &d[area..];
    if !(7..=8).contains(&number.len()) {
        return None;
    }
    let (start, end) = span(text, chain);
    let stars = "*".repeat(number.len() - 4);
    Some(Hit { start, end, with: format!("{}-{stars}{}", &d[..area], &number[number.len() - 4..]) })
}
