//! Fitting a table to the terminal without breaking what must not be broken. Ids, numbers,
//! dates, percentages and phone numbers are runs of characters with no space or Chinese
//! character inside (`M0001`, `1,234`, `2022-10-05`, `100.0%`); a line may break only between
//! such runs, at a space, or between two Chinese characters. Each column gets at least the width
//! of its longest run; the rest of the width goes to the columns that want it most. The writer
//! tries a framed table, then a frameless one, then one record per block.

use unicode_width::UnicodeWidthChar;

/// A run longer than this may be broken (a pasted URL, a 2,000-character word): no id, number,
/// date or phone is this long, and one such run must not push a whole table into blocks.
pub const LONGEST_UNBROKEN: usize = 24;

/// A cell of a table's body this wide or less, with no space, is one word: a name (张伟), a
/// label (在职党员), a short place. Headers may still break between their characters.
const SHORT_WORD: usize = 8;

/// The columns' widths for `room` display columns inside the frame (`None`: no limit), or
/// `None` when even the narrowest layout does not fit. `cells[c]` are column `c`'s texts, its
/// header first when `header`.
///
/// Each column gets at least its longest unbroken run. The rest is shared out level, narrowest
/// column first: up to half its header's width (a header on two lines), then up to the body's
/// widest cell (wrapping the header of a column of counts is better than wrapping a name), then
/// up to the whole header.
pub fn layout(cells: &[Vec<&str>], header: bool, room: Option<usize>) -> Option<Vec<usize>> {
    let widest = |skip: usize| -> Vec<usize> {
        cells.iter().map(|col| col.iter().skip(skip).map(|s| widest_line(s)).max().unwrap_or(0)).collect()
    };
    let all = widest(0);
    let Some(room) = room else { return Some(all) };
    if all.iter().sum::<usize>() <= room {
        return Some(all);
    }
    let least: Vec<usize> = cells
        .iter()
        .map(|col| {
            let unbroken = |(i, s): (usize, &&str)| {
                let whole = text_width(s);
                // A short cell of the body (a name, a label) is one word.
                let word = (i > 0 || !header) && whole <= SHORT_WORD && !s.contains(char::is_whitespace);
                if word { whole } else { longest_run(s).min(LONGEST_UNBROKEN) }
            };
            col.iter().enumerate().map(unbroken).max().unwrap_or(0).max(1)
        })
        .collect();
    if least.iter().sum::<usize>() > room {
        return None;
    }
    let mut widths = least.clone();
    let body: Vec<usize> = widest(usize::from(header)).iter().zip(&least).map(|(&b, &l)| b.max(l)).collect();
    let mut spare = room - widths.iter().sum::<usize>();
    // A header on two lines, not one character a line.
    let half: Vec<usize> = if header {
        cells.iter().zip(&least).map(|(col, &l)| text_width(col[0]).div_ceil(2).max(l)).collect()
    } else {
        least.clone()
    };
    // Fill level: each column of spare width goes to the narrowest column still short of its
    // target: half its header, then the body's widest cell, then the whole header.
    for target in [&half, &body, &all] {
        while spare > 0 {
            let narrowest = (0..widths.len()).filter(|&c| widths[c] < target[c]).min_by_key(|&c| (widths[c], c));
            let Some(c) = narrowest else { break };
            widths[c] += 1;
            spare -= 1;
        }
    }
    Some(widths)
}

/// Whether `widths` show every body cell of `cells` on one line, or at least `cap` wide.
pub fn roomy(cells: &[Vec<&str>], header: bool, widths: &[usize], cap: usize) -> bool {
    cells.iter().zip(widths).all(|(col, &w)| col.iter().skip(usize::from(header)).all(|s| widest_line(s).min(cap) <= w))
}

fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// The display width of a line.
pub fn text_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

fn widest_line(s: &str) -> usize {
    s.lines().map(text_width).max().unwrap_or(0)
}

/// May a line break before `c`? Between two Chinese characters, yes; but not before a
/// closing mark (，。、) that belongs to what precedes it.
fn breaks_around(c: char) -> bool {
    char_width(c) == 2 && !closes(c)
}

fn closes(c: char) -> bool {
    matches!(c, '，' | '。' | '、' | '；' | '：' | '？' | '！' | '）' | '」' | '』' | '”' | '’' | '》' | '】' | '％')
}

/// The pieces a line may be broken between: runs of characters that stay together, and the
/// spaces between them (as `" "`-led pieces, dropped at a line's start).
fn pieces(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in line.char_indices() {
        let cut = match prev {
            None => false,
            Some(p) => {
                (c.is_whitespace() != p.is_whitespace())
                    || (breaks_around(c) && !p.is_whitespace())
                    || ((breaks_around(p) || closes(p)) && !closes(c))
            }
        };
        if cut && i > start {
            out.push(&line[start..i]);
            start = i;
        }
        prev = Some(c);
    }
    if start < line.len() {
        out.push(&line[start..]);
    }
    out
}

/// The widest piece that must stay on one line.
pub fn longest_run(s: &str) -> usize {
    s.lines().flat_map(pieces).filter(|p| !p.starts_with(char::is_whitespace)).map(text_width).max().unwrap_or(0)
}

/// `s` wrapped to `width`: breaks only between pieces, but inside a piece wider than `width`
/// (one longer than [`LONGEST_UNBROKEN`]).
pub fn wrap(s: &str, width: usize) -> String {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    for line in s.split('\n') {
        let mut cur = String::new();
        let mut cur_w = 0;
        for (i, piece) in pieces(line).into_iter().enumerate() {
            let w = text_width(piece);
            let space = piece.starts_with(char::is_whitespace);
            // A line's own indent (a tree's levels) is kept when it fits.
            if space && i == 0 && w < width {
                cur.push_str(piece);
                cur_w = w;
                continue;
            }
            if space {
                if cur_w + w <= width && cur_w > 0 {
                    cur.push_str(piece);
                    cur_w += w;
                } else if cur_w > 0 {
                    lines.push(std::mem::take(&mut cur).trim_end().to_string());
                    cur_w = 0;
                }
                continue;
            }
            if cur_w + w > width && cur_w > 0 {
                lines.push(std::mem::take(&mut cur).trim_end().to_string());
                cur_w = 0;
            }
            if w <= width {
                cur.push_str(piece);
                cur_w += w;
                continue;
            }
            for c in piece.chars() {
                let cw = char_width(c);
                if cur_w + cw > width && cur_w > 0 {
                    lines.push(std::mem::take(&mut cur));
                    cur_w = 0;
                }
                cur.push(c);
                cur_w += cw;
            }
        }
        lines.push(cur.trim_end().to_string());
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn pieces_keep_ids_numbers_and_dates_whole() {
        assert_eq!(pieces("第H0001号"), ["第", "H0001", "号"]);
        assert_eq!(pieces("张伟走访，2022-10-05 入户"), ["张", "伟", "走", "访，", "2022-10-05", " ", "入", "户"]);
        assert_eq!(pieces("100.0%"), ["100.0%"]);
        assert_eq!(pieces("visited 1,234 homes"), ["visited", " ", "1,234", " ", "homes"]);
    }

    #[test]
    fn wrapping_breaks_between_pieces() {
        assert_eq!(wrap("第H0001号住户", 6), "第\nH0001\n号住户");
        assert_eq!(wrap("visited 1,234 homes", 8), "visited\n1,234\nhomes");
        assert_eq!(wrap("张伟走访，了解情况", 6), "张伟走\n访，了\n解情况");
        assert_eq!(wrap("a\nbb cc", 2), "a\nbb\ncc");
        assert_eq!(wrap("\u{3000}第一党支部", 20), "\u{3000}第一党支部");
    }

    #[test]
    fn a_run_longer_than_any_id_may_break() {
        let url = "x".repeat(30);
        assert_eq!(longest_run(&url), 30);
        assert_eq!(wrap(&url, 10), format!("{0}\n{0}\n{0}", "x".repeat(10)));
    }

    #[test]
    fn columns_get_their_longest_run_and_then_what_they_need() {
        let cells = vec![
            vec!["党员", "张伟", "李娜"],
            vec!["走访内容", "入户了解困难，登记需求 M0001"],
            vec!["已走访户数", "1,234"],
        ];
        // No limit: every column as wide as its widest line.
        assert_eq!(layout(&cells, true, None), Some(vec![4, 28, 10]));
        // 30: the least is 4 (the names are words) + 5 + 5; the 16 left go level to the
        // narrowest short of the body's widest: the text column takes them.
        assert_eq!(layout(&cells, true, Some(30)), Some(vec![4, 21, 5]));
        // 40: the body whole (4 + 28 + 5), the 3 left to the header of the figures.
        assert_eq!(layout(&cells, true, Some(40)), Some(vec![4, 28, 8]));
        assert_eq!(layout(&cells, true, Some(14)), Some(vec![4, 5, 5]));
        assert_eq!(layout(&cells, true, Some(13)), None);
    }

    proptest! {
        /// Whatever the width, every piece that fits comes out whole on one line, and no line
        /// is wider than the width.
        #[test]
        fn no_piece_is_broken(s in "[a-zA-Z0-9%.,:\\- 张伟走访，。\n]{0,80}", width in 2usize..40) {
            let out = wrap(&s, width);
            for line in out.lines() {
                prop_assert!(text_width(line) <= width, "{line:?} wider than {width}");
            }
            let joined: Vec<&str> = out.lines().collect();
            for line in s.lines() {
                for p in pieces(line).into_iter().filter(|p| !p.starts_with(char::is_whitespace)) {
                    if text_width(p) <= width {
                        prop_assert!(joined.iter().any(|l| l.contains(p)), "{p:?} broken in {out:?}");
                    }
                }
            }
        }
    }
}
