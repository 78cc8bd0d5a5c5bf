//! Byte ranges of text taken only at character boundaries: the editors find their spans by
//! bytes, and a range that would split a character (a CJK comment, a full-width space, an
//! emoji) is widened to the whole character instead of panicking. The editors' own spans end at
//! ASCII bytes, so for them nothing changes; the widening is the guard for everything else.

use std::ops::Range;

/// The nearest character boundary at or before `i` (the text's end if `i` is past it).
pub fn floor(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The nearest character boundary at or after `i` (the text's end if `i` is past it).
pub fn ceil(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// `range` widened to character boundaries and kept inside the text (`start <= end`).
pub fn snap(text: &str, range: Range<usize>) -> Range<usize> {
    let start = floor(text, range.start);
    start..ceil(text, range.end).max(start)
}

/// The text of `range`, widened to character boundaries.
pub fn get(text: &str, range: Range<usize>) -> &str {
    &text[snap(text, range)]
}

/// `text` with `range` (widened to character boundaries) replaced by `with`.
pub fn splice(text: &str, range: Range<usize>, with: &str) -> String {
    let range = snap(text, range);
    let mut out = String::with_capacity(text.len() + with.len());
    out.push_str(&text[..range.start]);
    out.push_str(with);
    out.push_str(&text[range.end..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_never_split_a_character() {
        let t = "#中文"; // `中` is bytes 1..4, `文` 4..7
        assert_eq!(get(t, 0..2), "#中");
        assert_eq!(get(t, 2..3), "中");
        assert_eq!(get(t, 5..99), "文");
        assert_eq!(splice(t, 2..5, "x"), "#x");
        let (a, b) = (6, 2);
        assert_eq!(snap(t, a..b), 4..4);
    }
}
