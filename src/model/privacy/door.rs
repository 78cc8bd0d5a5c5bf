//! Door and room numbers: the digits before `室` or `号房` (`101室`, `１０１室`, `101号房`) and
//! the digits straight after `单元` (`1单元101`), each digit a `*`. Building and unit numbers
//! stay (`3号楼2单元***室`); so do floors (`2单元3楼`). Pure.

use super::scan::{Hit, Run};

pub(super) fn find(text: &str, run: &Run) -> Option<Hit> {
    let after = &text[run.end..];
    let before = &text[..run.start];
    let room = after.starts_with('室') || after.starts_with("号房");
    let after_unit = (before.ends_with("单元") || before.ends_with("单元-"))
        && !["楼", "层", "号楼", "栋", "单元", "幢"].iter().any(|w| after.starts_with(w));
    (room || after_unit).then(|| Hit { start: run.start, end: run.end, with: "*".repeat(run.digits.chars().count()) })
}

/// The door number of an address field: the last run of digits, ASCII or full-width, as `*`s
/// (`3号楼2单元301室` → `3号楼2单元***室`; `3号楼101` → `3号楼***`).
pub(super) fn mask_last_run(address: &str) -> String {
    let is_digit = |c: char| super::scan::digit(c).is_some();
    let Some((end, c)) = address.char_indices().rev().find(|&(_, c)| is_digit(c)) else {
        return address.to_string();
    };
    let end = end + c.len_utf8();
    let start = address[..end].char_indices().rev().take_while(|&(_, c)| is_digit(c)).last().map_or(end, |(i, _)| i);
    let mut out = String::with_capacity(address.len());
    out.push_str(&address[..start]);
    out.extend(std::iter::repeat_n('*', address[start..end].chars().count()));
    out.push_str(&address[end..]);
    out
}
