//! Breaks Chinese paragraphs into lines that fit a width. clap breaks help only at spaces and
//! counts every character as one column; a Chinese character takes two, and Chinese has no
//! spaces to break at.

/// Columns `c` takes on a terminal: two for the wide scripts (CJK, full-width forms).
pub(super) fn columns(c: char) -> usize {
    match c as u32 {
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xA000..=0xA4CF => 2,
        0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 => 2,
        _ => 1,
    }
}

/// Marks that may not begin a line (Chinese typesetting keeps them at the end of the last).
fn no_line_start(c: char) -> bool {
    "，。、；：？！）」』”’》…·".contains(c)
}

/// The pieces a line may break between: each wide character alone, a run of other non-space
/// characters (an ASCII word, a code, a path) whole, and the spaces between.
fn pieces(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = i + c.len_utf8();
        // A `code` span (a file name, a command) is one piece.
        if c == '`'
            && let Some(close) = line[end..].find('`')
        {
            let stop = end + close + 1;
            out.push(&line[start..stop]);
            start = stop;
            while chars.peek().is_some_and(|&(j, _)| j < stop) {
                chars.next();
            }
            continue;
        }
        let wide = columns(c) == 2 || no_line_start(c);
        let next_joins = chars
            .peek()
            .is_some_and(|&(_, n)| !wide && columns(n) == 1 && !no_line_start(n) && (n == ' ') == (c == ' '));
        // An opening mark stays with what it opens.
        if !next_joins && !"[(（“《「".contains(c) {
            out.push(&line[start..end]);
            start = end;
        }
    }
    if start < line.len() {
        out.push(&line[start..]);
    }
    out
}

/// `text` with each line broken to at most `width` columns where it can be.
pub(super) fn wrap(text: &str, width: usize) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in text.split('\n') {
        let mut current = String::new();
        let mut used = 0;
        for piece in pieces(line) {
            let w: usize = piece.chars().map(columns).sum();
            let starts_bad = piece.chars().next().is_some_and(no_line_start);
            if used + w > width && used > 0 && !starts_bad {
                out.push(current.trim_end().to_string());
                current = String::new();
                used = 0;
                if piece.starts_with(' ') {
                    continue;
                }
            }
            current.push_str(piece);
            used += w;
        }
        out.push(current.trim_end().to_string());
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn chinese_breaks_between_characters_and_keeps_words_whole() {
        assert_eq!(wrap("一二三四五", 6), "一二三\n四五");
        assert_eq!(wrap("写入 visits/YYYY-MM.csv 末尾", 12), "写入\nvisits/YYYY-MM.csv\n末尾");
        // A comma stays at the end of its line.
        assert_eq!(wrap("一二三，四", 6), "一二三，\n四");
        assert_eq!(wrap("short", 100), "short");
        // So does an opening bracket with what it opens.
        assert_eq!(wrap("一二三 [可", 8), "一二三\n[可");
        // A `code` span is never broken.
        assert_eq!(wrap("一二`三-x.txt`", 8), "一二\n`三-x.txt`");
        assert_eq!(wrap("一二（`a b`）", 8), "一二\n（`a b`）");
    }
}
