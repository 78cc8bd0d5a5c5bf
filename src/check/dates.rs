//! `future-date`: dates after today. `wrong-month-file`: a visit in visits/YYYY-MM.csv dated in
//! another month.

use chrono::{Datelike, NaiveDate};

use super::at;
use crate::finding::{Code, Finding};
use crate::model::date::parse_month;
use crate::model::{Dataset, FileId, Loc};

pub fn future_dates(ds: &Dataset, today: NaiveDate, out: &mut Vec<Finding>) {
    let mut flag = |loc: Loc, what: &str, date: NaiveDate| {
        if date > today {
            out.push(
                at(ds, loc, Code::FutureDate, format!("{what} {date} is after today ({today})"))
                    .hint("correct the date; a record cannot be dated in the future"),
            );
        }
    };
    for m in &ds.members {
        if let Some(d) = m.registered {
            flag(m.loc, "registration date", d);
        }
    }
    for v in &ds.visits {
        flag(v.loc, "visit date", v.date);
    }
    for i in &ds.issues {
        flag(i.loc, "received date", i.received);
        for e in &i.events {
            flag(Loc { file: i.loc.file, line: e.line }, &format!("`{}` event date", e.action), e.date);
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
                .filter(|_| f.kind == crate::model::Kind::Visits)
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
                    format!("visit dated {} is in the file for {}-{:02}", v.date, m.year(), m.month()),
                )
                .hint(format!(
                    "move it to visits/{}-{:02}.{}, or correct its date",
                    v.date.year(),
                    v.date.month(),
                    ext_of(ds, v.loc.file)
                )),
            );
        }
    }
}

fn ext_of(ds: &Dataset, file: FileId) -> &str {
    ds.path(file).extension().and_then(|e| e.to_str()).unwrap_or("csv")
}
