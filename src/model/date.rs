//! Calendar dates as files write them. Pure; no I/O.

use chrono::NaiveDate;

/// Parses `YYYY-MM-DD`, also `YYYY/MM/DD` and `YYYY.MM.DD`, with one- or two-digit month and
/// day as spreadsheets write them (`2022/3/5`). Anything else, or an impossible date, is `None`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let sep = s.bytes().find(|b| matches!(b, b'-' | b'/' | b'.'))?;
    let mut parts = s.split(sep as char);
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || !(1..=2).contains(&m.len()) || !(1..=2).contains(&d.len()) {
        return None;
    }
    let num = |p: &str| -> Option<u32> { p.bytes().all(|b| b.is_ascii_digit()).then(|| p.parse().ok())? };
    NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, num(d)?)
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
