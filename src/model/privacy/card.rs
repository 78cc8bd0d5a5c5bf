//! Bank card numbers: 16 to 19 digits that pass the Luhn check, whole or in groups of four
//! (`6222 0212 3456 7890`). Masked `6222********7890`. Pure.

use super::scan::{Hit, Run, digits, keep_ends, span};

pub(super) fn luhn(d: &str) -> bool {
    let sum: u32 = d
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let n = u32::from(b - b'0');
            if i % 2 == 1 { if n * 2 > 9 { n * 2 - 9 } else { n * 2 } } else { n }
        })
        .sum();
    sum.is_multiple_of(10)
}

pub(super) fn find(text: &str, chain: &[Run]) -> Option<Hit> {
    let d = digits(chain);
    let grouped = chain.len() == 1 || chain[..chain.len() - 1].iter().all(|r| matches!(r.digits.len(), 4 | 6));
    if !(16..=19).contains(&d.len()) || !grouped || !luhn(&d) {
        return None;
    }
    let (start, end) = span(text, chain);
    Some(Hit { start, end, with: keep_ends(&d, 4, 4) })
}
