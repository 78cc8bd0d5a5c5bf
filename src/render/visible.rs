//! Terminal control characters made visible, for the writers people read (the terminal table,
//! Markdown, `gov check`'s text): a title or file name holding `ESC ] 0 ; … BEL` must show as
//! those characters, never retitle the window, clear the screen or hide a line. CSV and JSON
//! keep the data as it is (JSON escapes them itself).
//!
//! Escaped: C0 controls (U+0000–U+001F) but tab and line feed, DEL (U+007F) and the C1 controls
//! (U+0080–U+009F). The common ones take their C names (`\0 \a \b \e \f \r \v`), the other C0
//! controls and DEL `\xNN`, the C1 controls `\u{NN}` (they are characters, not bytes). Pure.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `c` is escaped by [`visible`].
pub fn is_control(c: char) -> bool {
    matches!(c, '\0'..='\u{1F}' | '\u{7F}'..='\u{9F}') && c != '\t' && c != '\n'
}

/// `s` with every control character ([`is_control`]) written as a visible escape; `s` itself,
/// uncopied, when it has none (the usual case).
pub fn visible(s: &str) -> Cow<'_, str> {
    let Some(first) = s.find(is_control) else { return Cow::Borrowed(s) };
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(&s[..first]);
    for c in s[first..].chars() {
        match c {
            '\0' => out.push_str("\\0"),
            '\u{07}' => out.push_str("\\a"),
            '\u{08}' => out.push_str("\\b"),
            '\u{1B}' => out.push_str("\\e"),
            '\u{0C}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            '\u{0B}' => out.push_str("\\v"),
            c if c < '\u{80}' && is_control(c) => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if is_control(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// [`visible`] for an owned string: no copy when there is nothing to escape.
pub fn visible_owned(s: String) -> String {
    match visible(&s) {
        Cow::Borrowed(_) => s,
        Cow::Owned(o) => o,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_readable() {
        assert_eq!(visible("\u{1b}]0;pwned\u{07}\u{1b}[2J"), "\\e]0;pwned\\a\\e[2J");
        assert_eq!(visible("a\0b\u{08}\u{0C}\r\u{0B}"), "a\\0b\\b\\f\\r\\v");
        assert_eq!(visible("\u{01}\u{1F}\u{7F}"), "\\x01\\x1f\\x7f");
        assert_eq!(visible("\u{85}\u{9B}31m"), "\\u{85}\\u{9b}31m");
    }

    #[test]
    fn text_without_controls_is_kept_as_is() {
        for s in ["楼道灯坏了", "tab\tand\nnewline", "C:\\路径", "é\u{A0}…"] {
            assert!(matches!(visible(s), Cow::Borrowed(b) if b == s), "{s:?}");
        }
        assert_eq!(visible_owned("x\u{1b}".into()), "x\\e");
    }
}
