//! Three-colour management (三色管理): when each household is next due a visit, and which are
//! overdue. A household is due its colour's interval (gov.yaml `visit_interval_days`) after its
//! last visit; one never visited is due from the start of the data (the earliest visit in the
//! folder), as no record says when it first appeared. Pure; no I/O.

use chrono::{Days, NaiveDate};

use super::index::Index;
use super::table::{Table, Value, col};
use crate::model::Sym;
use crate::model::labels::Labelled;

/// One household's visit schedule as of a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    /// Position in `Dataset::households`.
    pub household: usize,
    pub last: Option<NaiveDate>,
    pub interval: u32,
    pub due: NaiveDate,
    /// Days past the due date as of the date asked about; negative when not yet due.
    pub days_overdue: i64,
}

impl Due {
    /// Overdue: past its due date, or never visited (and the data has started).
    pub fn overdue(&self) -> bool {
        self.days_overdue > 0 || (self.last.is_none() && self.days_overdue >= 0)
    }
}

/// Every household's schedule as of `as_of`, counting only visits on or before it.
pub fn schedule(ix: &Index<'_>, as_of: NaiveDate) -> Vec<Due> {
    let intervals = &ix.ds.settings.visit_interval_days;
    ix.last_visits(as_of)
        .into_iter()
        .enumerate()
        .map(|(h, last)| {
            let interval = intervals.get(ix.ds.households[h].color);
            let due = match last {
                Some(d) => d.checked_add_days(Days::new(interval.into())).unwrap_or(NaiveDate::MAX),
                None => ix.data_start.unwrap_or(as_of),
            };
            Due { household: h, last, interval, due, days_overdue: (as_of - due).num_days() }
        })
        .collect()
}

/// Filters for the overdue list.
#[derive(Debug, Clone, Default)]
pub struct DueFilter {
    /// Also list households falling due within this many days.
    pub within: Option<u32>,
    /// Only households linked to this member.
    pub member: Option<Sym>,
    /// Only households in this grid.
    pub grid: Option<Sym>,
}

const COLUMNS: &[super::Column] = &[
    col("household", "户号", "household"),
    col("address", "地址", "address"),
    col("head", "户主", "head"),
    col("grid", "网格", "grid"),
    col("color", "颜色", "colour"),
    col("contacts", "联系党员", "linked members"),
    col("last_visit", "最近走访", "last visit"),
    col("interval", "走访周期(天)", "interval (days)"),
    col("due", "应访日期", "due"),
    col("days_overdue", "逾期天数", "days overdue"),
    col("status", "状态", "status"),
];

/// The overdue list as of `today`, most overdue first.
pub fn due_table(ix: &Index<'_>, today: NaiveDate, filter: &DueFilter) -> Table {
    let ds = ix.ds;
    let mut rows: Vec<Due> = schedule(ix, today)
        .into_iter()
        .filter(|d| d.overdue() || filter.within.is_some_and(|w| -d.days_overdue <= i64::from(w)))
        .filter(|d| {
            let h = &ds.households[d.household];
            filter.member.is_none_or(|m| h.contacts.contains(&m)) && filter.grid.is_none_or(|g| ix.within(h.grid, g))
        })
        .collect();
    rows.sort_by(|a, b| b.days_overdue.cmp(&a.days_overdue).then(a.household.cmp(&b.household)));
    let mut t = Table::new("due", COLUMNS)
        .titled(format!("逾期未访户（截至{today}）"), format!("Households due a visit as of {today}"));
    for d in rows {
        let h = &ds.households[d.household];
        let contacts: Vec<&str> = h.contacts.iter().map(|&c| ix.member_name(c)).collect();
        let status = if d.overdue() {
            Value::Label { code: "overdue", zh: "逾期", en: "overdue" }
        } else {
            Value::Label { code: "due_soon", zh: "即将到期", en: "due soon" }
        };
        t.push(vec![
            Value::text(ds.name(h.id)),
            Value::Address(h.address.to_string()),
            Value::text(&*h.head),
            h.grid.map_or(Value::Empty, |g| Value::text(ix.grid_name(g))),
            Value::Label { code: h.color.code(), zh: h.color.zh(), en: h.color.en() },
            Value::text(contacts.join("、")),
            d.last.map_or(Value::Label { code: "never", zh: "从未走访", en: "never" }, Value::Date),
            Value::Int(d.interval.into()),
            Value::Date(d.due),
            Value::Int(d.days_overdue),
            status,
        ]);
    }
    t
}
