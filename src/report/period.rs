//! Report periods: a month, a year, or an inclusive range of dates, chosen relative to a "today"
//! that is always passed in. Pure; no I/O.

use chrono::{Datelike, Months, NaiveDate};

use crate::model::date::{parse_date, parse_month};

/// An inclusive range of dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub kind: PeriodKind,
}

/// How the period was chosen, for titles and file names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodKind {
    Month,
    Year,
    Range,
}

impl Period {
    pub fn month(first: NaiveDate) -> Period {
        let from = first.with_day(1).expect("day 1 exists");
        let to = from + Months::new(1) - chrono::Days::new(1);
        Period { from, to, kind: PeriodKind::Month }
    }

    pub fn year(year: i32) -> Option<Period> {
        Some(Period {
            from: NaiveDate::from_ymd_opt(year, 1, 1)?,
            to: NaiveDate::from_ymd_opt(year, 12, 31)?,
            kind: PeriodKind::Year,
        })
    }

    pub fn range(from: NaiveDate, to: NaiveDate) -> Period {
        Period { from, to, kind: PeriodKind::Range }
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }

    /// `2022-03`, `2022` or `2022-03-01..2022-03-15`: used in titles and file names.
    pub fn label(&self) -> String {
        match self.kind {
            PeriodKind::Month => format!("{}-{:02}", self.from.year(), self.from.month()),
            PeriodKind::Year => self.from.year().to_string(),
            PeriodKind::Range => format!("{}..{}", self.from, self.to),
        }
    }
}

/// Why the period flags do not name a period. The messages are shown as usage errors.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    #[error("`{0}` is not a month; write YYYY-MM, this-month or last-month")]
    Month(String),
    #[error("`{0}` is not a year; write YYYY")]
    Year(String),
    #[error("{0} is not a year gov can handle")]
    YearOutOfRange(i32),
    /// `flag` is `--from` or `--to`.
    #[error("{flag} `{value}` is not a date; write YYYY-MM-DD")]
    Date { flag: &'static str, value: String },
    #[error("--from {from} is after --to {to}")]
    Backwards { from: NaiveDate, to: NaiveDate },
    #[error("choose one of --month, --year, or --from/--to")]
    Conflict,
}

/// Parses a `--month` value: `YYYY-MM`, `this-month` or `last-month`.
pub fn parse_month_arg(s: &str, today: NaiveDate) -> Result<Period, PeriodError> {
    let this = Period::month(today);
    match s.trim() {
        "this-month" | "本月" => Ok(this),
        "last-month" | "上月" => Ok(Period::month(this.from - Months::new(1))),
        other => parse_month(other).map(Period::month).ok_or_else(|| PeriodError::Month(other.to_string())),
    }
}

/// Parses a `--year` value: `YYYY`, `this-year` or `last-year`.
pub fn parse_year_arg(s: &str, today: NaiveDate) -> Result<Period, PeriodError> {
    let year = match s.trim() {
        "this-year" | "今年" => today.year(),
        "last-year" | "去年" => today.year() - 1,
        other => other
            .parse::<i32>()
            .ok()
            .filter(|y| (1900..=9999).contains(y))
            .ok_or_else(|| PeriodError::Year(other.to_string()))?,
    };
    Period::year(year).ok_or(PeriodError::YearOutOfRange(year))
}

/// The period the flags choose; the current month when none is given.
pub fn choose(
    month: Option<&str>,
    year: Option<&str>,
    from: Option<&str>,
    to: Option<&str>,
    today: NaiveDate,
) -> Result<Period, PeriodError> {
    let date =
        |s: &str, flag: &'static str| parse_date(s).ok_or_else(|| PeriodError::Date { flag, value: s.to_string() });
    match (month, year, from, to) {
        (Some(m), None, None, None) => parse_month_arg(m, today),
        (None, Some(y), None, None) => parse_year_arg(y, today),
        (None, None, None, None) => Ok(Period::month(today)),
        (None, None, f, t) => {
            let from = f.map(|s| date(s, "--from")).transpose()?;
            let to = t.map(|s| date(s, "--to")).transpose()?.unwrap_or(today);
            let from = from.unwrap_or(NaiveDate::MIN);
            if from > to {
                return Err(PeriodError::Backwards { from, to });
            }
            Ok(Period::range(from, to))
        }
        _ => Err(PeriodError::Conflict),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn months_end_on_their_last_day() {
        assert_eq!(Period::month(d(2024, 2, 10)).to, d(2024, 2, 29));
        assert_eq!(Period::month(d(2023, 2, 1)).to, d(2023, 2, 28));
        assert_eq!(Period::month(d(2022, 12, 31)).to, d(2022, 12, 31));
        assert_eq!(Period::month(d(2022, 12, 31)).from, d(2022, 12, 1));
    }

    #[test]
    fn relative_months_cross_year_boundaries() {
        let today = d(2023, 1, 15);
        assert_eq!(parse_month_arg("this-month", today).unwrap().label(), "2023-01");
        assert_eq!(parse_month_arg("last-month", today).unwrap().label(), "2022-12");
        assert_eq!(parse_month_arg("2022-10", today).unwrap(), Period::month(d(2022, 10, 1)));
        assert!(parse_month_arg("2022-13", today).is_err());
    }

    #[test]
    fn choosing() {
        let today = d(2023, 3, 9);
        assert_eq!(choose(None, None, None, None, today).unwrap().label(), "2023-03");
        assert_eq!(choose(None, Some("2022"), None, None, today).unwrap(), Period::year(2022).unwrap());
        assert_eq!(choose(None, Some("last-year"), None, None, today).unwrap().label(), "2022");
        let r = choose(None, None, Some("2022-01-05"), Some("2022/02/01"), today).unwrap();
        assert_eq!((r.from, r.to), (d(2022, 1, 5), d(2022, 2, 1)));
        assert_eq!(choose(None, None, Some("2022-01-05"), None, today).unwrap().to, today);
        assert!(choose(Some("2022-01"), Some("2022"), None, None, today).is_err());
        assert!(choose(None, None, Some("2022-02-01"), Some("2022-01-01"), today).is_err());
    }

    #[test]
    fn errors_say_what_to_write() {
        let today = d(2023, 3, 9);
        let msg = |r: Result<Period, PeriodError>| r.unwrap_err().to_string();
        assert_eq!(
            msg(parse_month_arg("2022-13", today)),
            "`2022-13` is not a month; write YYYY-MM, this-month or last-month"
        );
        assert_eq!(msg(parse_year_arg("22", today)), "`22` is not a year; write YYYY");
        assert_eq!(msg(choose(None, None, Some("x"), None, today)), "--from `x` is not a date; write YYYY-MM-DD");
        assert_eq!(msg(choose(None, None, None, Some("y"), today)), "--to `y` is not a date; write YYYY-MM-DD");
        assert_eq!(
            msg(choose(None, None, Some("2022-02-01"), Some("2022-01-01"), today)),
            "--from 2022-02-01 is after --to 2022-01-01"
        );
        assert_eq!(
            msg(choose(Some("2022-01"), Some("2022"), None, None, today)),
            "choose one of --month, --year, or --from/--to"
        );
        assert_eq!(PeriodError::YearOutOfRange(99999).to_string(), "99999 is not a year gov can handle");
    }
}
