//! Resident ID numbers: 18 digits (or 17 and a final `X`/`x`) and the old 15-digit ones, in any
//! grouping. Masked `110105********002X` (region and last four kept) and `110105******123`. Any
//! such number is masked, check digit right or not: a mistyped ID is still someone's. Pure.

use super::scan::{Hit, Run, digits, span};

pub(super) fn find(text: &str, chain: &[Run]) -> Option<Hit> {
    // In groups, the first is the six-digit region code (`110105 19491231 002X`).
    if chain.len() > 1 && chain[0].digits.len() != 6 {
        return None;
    }
    let d = digits(chain);
    let (start, mut end) = span(text, chain);
    let x = text[end..].chars().next().filter(|c| matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ'));
    let with = match (d.len(), x) {
        (17, Some(c)) => {
            end += c.len_utf8();
            format!("{}********{}X", &d[..6], &d[14..])
        }
        (18, _) => format!("{}********{}", &d[..6], &d[14..]),
        (15, _) => format!("{}******{}", &d[..6], &d[12..]),
        _ => return None,
    };
    Some(Hit { start, end, with })
}
