//! `future-date`: dates after today. `wrong-month-file`: a visit in visits/YYYY-MM.csv (or an
//! activity in activities/YYYY-MM.*) dated in another month.

use chrono::{Datelike, NaiveDate};

use super::at;
use crate::finding::{Code, Finding};
use crate::model::date::parse_month;
use crate::model::{Dataset, FileId, Loc};
use crate::text::findings::{self as say, DateOf};

pub fn future_dates(ds: &Dataset, today: NaiveDate, out: &mut Vec<Finding>) {
    let mut flag = |loc: Loc, what: DateOf, date: NaiveDate| {
        if date > today {
            out.push(at(ds, loc, Code::FutureDate, say::future_date(what, date, today)).hint(say::future_date_hint()));
        }
    };
    for m in &ds.members {
        if let Some(d) = m.registered {
            flag(m.loc, DateOf::Registered, d);
        }
    }
    for v in &ds.visits {
        flag(v.loc, DateOf::Visit, v.date);
    }
    for v in &ds.volunteers {
        if let Some(d) = v.registered {
            flag(v.loc, DateOf::Registered, d);
        }
    }
    for a in &ds.activities {
        flag(a.loc, DateOf::Activity, a.date);
    }
    for i in &ds.issues {
        flag(i.loc, DateOf::Received, i.received);
        for e in &i.events {
            flag(Loc { file: i.loc.file, line: e.line }, DateOf::Event(e.action), e.date);
        }
    }
}

pub fn wrong_month_files(ds: &Dataset, out: &mut Vec<Finding>) {
    let months: Vec<Option<NaiveDate>> = ds
        .files
        .iter()
        .map(|f| {
            f.path
                .file_stem()
                .and_then(|s| s.to_str())
                .and_then(parse_month)
                .filter(|_| matches!(f.kind, crate::model::Kind::Visits | crate::model::Kind::Activities))
        })
        .collect();
    let month_of = |file: FileId| months[file.0 as usize];
    for v in &ds.visits {
        if let Some(m) = month_of(v.loc.file)
            && (v.date.year(), v.date.month()) != (m.year(), m.month())
        {
            out.push(
                at(
                    ds,
                    v.loc,
                    Code::WrongMonthFile,
                    say::wrong_month(v.date, &format!("{}-{:02}", m.year(), m.month())),
                )
                .hint(say::wrong_month_hint(&format!(
                    "visits/{}-{:02}.{}",
                    v.date.year(),
                    v.date.month(),
                    ext_of(ds, v.loc.file)
                ))),
            );
        }
    }
    for a in &ds.activities {
        if let Some(m) = month_of(a.loc.file)
            && (a.date.year(), a.date.month()) != (m.year(), m.month())
        {
            let month = format!("{}-{:02}", m.year(), m.month());
            let file = format!("activities/{}-{:02}.{}", a.date.year(), a.date.month(), ext_of(ds, a.loc.file));
            out.push(
                at(ds, a.loc, Code::WrongMonthFile, say::activity_wrong_month(a.date, &month))
                    .hint(say::wrong_month_hint(&file)),
            );
        }
    }
}

fn ext_of(ds: &Dataset, file: FileId) -> &str {
    ds.path(file).extension().and_then(|e| e.to_str()).unwrap_or("csv")
}
