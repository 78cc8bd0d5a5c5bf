//! Calendar dates as files write them. Pure; no I/O.

use chrono::NaiveDate;

/// Parses a date as Chinese offices write one, into a calendar date: `YYYY-MM-DD`, also
/// `YYYY/MM/DD` and `YYYY.MM.DD`, with one- or two-digit month and day as spreadsheets write
/// them (`2022/3/5`, `2024-3-12`); `2024年3月13日` (or `…13号`); and any of these in full-width
/// digits and separators (`２０２４－０３－１２`, `２０２４年３月１３日`). Spaces around it, a
/// full-width one too, are not part of it. Colons are not a date's separator (`2024:03:12`
/// reads as a time, so it is refused rather than guessed). Anything else, or an impossible
/// date, is `None`. Excel's day numbers are [`parse_date_cell`]'s.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim_matches(char::is_whitespace);
    if s.is_ascii() {
        return ymd(s);
    }
    // Full-width digits and separators as their ASCII twins; `年` and `月` as `-`.
    let mut t = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    let mut chinese = false;
    while let Some(c) = chars.next() {
        match c {
            '0'..='9' | '-' | '/' | '.' => t.push(c),
            '０'..='９' => t.push((b'0' + (c as u32 - '０' as u32) as u8) as char),
            '－' | '／' | '．' => t.push((c as u32 - 0xFEE0) as u8 as char),
            '年' | '月' => {
                chinese = true;
                t.push('-')
            }
            '日' | '号' if chinese && chars.peek().is_none() => {}
            _ => return None,
        }
    }
    // `2024年3月13日` needs its `日`: `2024年3月13` is taken too, `2024年3-13` is not.
    if chinese && (t.matches('-').count() != 2 || s.contains(['-', '－', '/', '／', '.', '．'])) {
        return None;
    }
    ymd(&t)
}

/// `YYYY-MM-DD` (or `/`, `.`), ASCII only, one- or two-digit month and day.
fn ymd(s: &str) -> Option<NaiveDate> {
    let sep = s.bytes().find(|b| matches!(b, b'-' | b'/' | b'.'))?;
    let mut parts = s.split(sep as char);
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || !(1..=2).contains(&m.len()) || !(1..=2).contains(&d.len()) {
        return None;
    }
    let num = |p: &str| -> Option<u32> { p.bytes().all(|b| b.is_ascii_digit()).then(|| p.parse().ok())? };
    NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, num(d)?)
}

/// The Excel day numbers a CSV date column may hold (a date cell saved as a number):
/// 20000 is 1954-10-03 and 80000 is 2119-01-11, so no plausible record date falls outside and
/// no small count or year (`2024`) is taken for a date.
pub const EXCEL_SERIALS: std::ops::RangeInclusive<u32> = 20_000..=80_000;

/// A date in a CSV cell: what [`parse_date`] takes, or an Excel day number in
/// [`EXCEL_SERIALS`] (`45364` is 2024-03-13; day 0 is 1899-12-30, as Excel counts past its
/// phantom 1900-02-29).
pub fn parse_date_cell(s: &str) -> Option<NaiveDate> {
    parse_date(s).or_else(|| {
        let t = s.trim_matches(char::is_whitespace);
        if t.is_empty() || t.len() > 5 || !t.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: u32 = t.parse().ok()?;
        if !EXCEL_SERIALS.contains(&n) {
            return None;
        }
        NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(chrono::Days::new(n.into()))
    })
}

/// Parses a month written `YYYY-MM` (also `YYYY/MM`, `YYYY.MM`) into its first day.
pub fn parse_month(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let (y, m) = s.split_once(['-', '/', '.'])?;
    if y.len() != 4 || !(1..=2).contains(&m.len()) {
        return None;
    }
    if !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn accepts_the_three_separators_and_short_parts() {
        assert_eq!(parse_date("2022-03-05"), Some(d(2022, 3, 5)));
        assert_eq!(parse_date("2022/03/05"), Some(d(2022, 3, 5)));
        assert_eq!(parse_date("2022.03.05"), Some(d(2022, 3, 5)));
        assert_eq!(parse_date("2022/3/5"), Some(d(2022, 3, 5)));
        assert_eq!(parse_date(" 2022-12-31 "), Some(d(2022, 12, 31)));
    }

    /// Every form an office writes, one row each: 22 accepted, 17 refused (counted by hand).
    #[test]
    fn chinese_office_forms() {
        let accepted: &[(&str, NaiveDate)] = &[
            ("2024-03-13", d(2024, 3, 13)),
            ("2024-3-12", d(2024, 3, 12)),
            ("2024/3/13", d(2024, 3, 13)),
            ("2024.3.13", d(2024, 3, 13)),
            ("2024.03.13", d(2024, 3, 13)),
            ("2024年3月13日", d(2024, 3, 13)),
            ("2024年03月13日", d(2024, 3, 13)),
            ("2024年3月13号", d(2024, 3, 13)),
            ("2024年3月13", d(2024, 3, 13)),
            ("２０２４－０３－１２", d(2024, 3, 12)),
            ("２０２４／３／１２", d(2024, 3, 12)),
            ("２０２４．３．１２", d(2024, 3, 12)),
            ("２０２４年３月１３日", d(2024, 3, 13)),
            ("2024－03－12", d(2024, 3, 12)),
            ("２０２４-03-12", d(2024, 3, 12)),
            ("\u{3000}2024年3月13日\u{3000}", d(2024, 3, 13)),
            (" 2024/3/13 ", d(2024, 3, 13)),
            ("2024年2月29日", d(2024, 2, 29)),
            ("2000.2.29", d(2000, 2, 29)),
            ("1999年12月31日", d(1999, 12, 31)),
            ("2024年1月1日", d(2024, 1, 1)),
            ("２０２４年１２月３１号", d(2024, 12, 31)),
        ];
        assert_eq!(accepted.len(), 22);
        for (text, date) in accepted {
            assert_eq!(parse_date(text), Some(*date), "{text:?}");
        }
        let refused = [
            "2024：03：12",
            "2024:03:12",
            "2024年3月",
            "2024年13月1日",
            "2023年2月29日",
            "2024年3-13",
            "2024-3月13日",
            "2024年3月13日日",
            "2024日3月13年",
            "24年3月13日",
            "二〇二四年三月十三日",
            "2024年3月13日上午",
            "2024／03-12x",
            "２０２４－０３",
            "2024 03 12",
            "45364",
            "20240313",
        ];
        assert_eq!(refused.len(), 17);
        for text in refused {
            assert_eq!(parse_date(text), None, "{text:?}");
        }
    }

    /// Excel day numbers, in a CSV cell only: 6 accepted, 6 refused (counted by hand).
    #[test]
    fn excel_serials_in_cells() {
        for (text, date) in [
            ("45364", d(2024, 3, 13)),
            ("45292", d(2024, 1, 1)),
            ("20000", d(1954, 10, 3)),
            ("80000", d(2119, 1, 11)),
            (" 44927 ", d(2023, 1, 1)),
            ("2024/3/13", d(2024, 3, 13)),
        ] {
            assert_eq!(parse_date_cell(text), Some(date), "{text:?}");
        }
        for text in ["19999", "80001", "2024", "45364.5", "-45364", "４５３６４"] {
            assert_eq!(parse_date_cell(text), None, "{text:?}");
        }
    }

    #[test]
    fn leap_days() {
        assert_eq!(parse_date("2024-02-29"), Some(d(2024, 2, 29)));
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("1900-02-29"), None);
        assert_eq!(parse_date("2000-02-29"), Some(d(2000, 2, 29)));
    }

    #[test]
    fn rejects_malformed() {
        for bad in [
            "",
            "2022",
            "2022-13-01",
            "2022-00-10",
            "2022-01-32",
            "22-01-01",
            "2022-01-01-01",
            "2022-1-001",
            "2022/01-05x",
            "二〇二二年",
            "2022-0a-01",
            "+022-01-01",
            "2022-+1-01",
        ] {
            assert_eq!(parse_date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn months() {
        assert_eq!(parse_month("2022-10"), Some(d(2022, 10, 1)));
        assert_eq!(parse_month("2022/3"), Some(d(2022, 3, 1)));
        assert_eq!(parse_month("2022-13"), None);
        assert_eq!(parse_month("2022-10-01"), None);
    }
}
