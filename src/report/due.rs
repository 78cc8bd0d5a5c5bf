//! Three-colour management (三色管理): when each household is next due a visit, and which are
//! overdue. A household's interval is its colour's (gov.yaml `visit_interval_days`), or a tag's
//! when shorter (`tag_interval_days`); a tag set to `none` takes it off the schedule. It is due
//! that interval after its last visit; one never visited, that interval after it was registered
//! (`since`), or, when no record says, from the start of the data (the earliest visit in the
//! folder). Pure; no I/O.

use chrono::{Days, NaiveDate};

use super::index::Index;
use super::table::{Table, Value, col};
use crate::model::Sym;
use crate::model::labels::{Color, HouseholdTag};
use crate::model::settings::{Interval, IntervalRule};

/// One household's visit schedule as of a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    /// Position in `Dataset::households`.
    pub household: usize,
    pub last: Option<NaiveDate>,
    /// When never visited: the registration date the due date counts from, if the record has one.
    pub since: Option<NaiveDate>,
    pub interval: u32,
    /// Where the interval comes from: the colour, or a shorter tag.
    pub rule: IntervalRule,
    /// A tag whose interval is `none`: never due, never overdue.
    pub exempt: Option<HouseholdTag>,
    pub due: NaiveDate,
    /// Days past the due date as of the date asked about; negative when not yet due.
    pub days_overdue: i64,
}

impl Due {
    /// Overdue: past its due date; or never visited, with no registration date, once the data
    /// has started. Never when exempt.
    pub fn overdue(&self) -> bool {
        self.exempt.is_none()
            && (self.days_overdue > 0 || (self.last.is_none() && self.since.is_none() && self.days_overdue >= 0))
    }
}

fn plus(d: NaiveDate, days: u32) -> NaiveDate {
    d.checked_add_days(Days::new(days.into())).unwrap_or(NaiveDate::MAX)
}

/// Every household's schedule as of `as_of`, counting only visits on or before it.
pub fn schedule(ix: &Index<'_>, as_of: NaiveDate) -> Vec<Due> {
    let settings = &ix.ds.settings;
    ix.last_visits(as_of)
        .into_iter()
        .enumerate()
        .map(|(h, last)| {
            let hh = &ix.ds.households[h];
            let (interval, rule, exempt) = match settings.interval(hh.color, &hh.tags) {
                Interval::Every(days, rule) => (days, rule, None),
                Interval::Exempt(tag) => (0, IntervalRule::Tag(tag), Some(tag)),
            };
            let since = if last.is_none() { hh.since } else { None };
            let due = match (last, since) {
                (Some(d), _) | (None, Some(d)) => plus(d, interval),
                (None, None) => ix.data_start.unwrap_or(as_of),
            };
            Due { household: h, last, since, interval, rule, exempt, due, days_overdue: (as_of - due).num_days() }
        })
        .collect()
}

/// The interval's source as a cell: the colour's label, or the tag's.
pub fn rule_value(rule: IntervalRule) -> Value {
    match rule {
        IntervalRule::Color(c) => Value::label(c),
        IntervalRule::Tag(t) => Value::label(t),
    }
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
    /// Only households of this colour.
    pub color: Option<Color>,
}

const COLUMNS: &[super::Column] = &[
    col("household", "户号", "household"),
    col("address", "地址", "address"),
    col("head", "户主", "head"),
    col("grid", "网格", "grid"),
    col("color", "颜色", "colour"),
    col("contacts", "联系党员", "linked members"),
    col("last_visit", "最近走访", "last visit"),
    col("since", "登记日期", "registered"),
    col("interval", "走访周期(天)", "interval (days)"),
    col("rule", "周期依据", "interval source"),
    col("due", "应访日期", "due"),
    col("days_overdue", "逾期天数", "days overdue"),
    col("status", "状态", "status"),
];

/// The member columns that lead a row of the by-member list in one table (CSV, JSON).
const MEMBER_COLUMNS: &[super::Column] = &[col("member_id", "党员编号", "member id"), col("member", "党员", "member")];

/// The households due as of `today` under `filter`, most overdue first (ties in file order).
pub fn due_rows(ix: &Index<'_>, today: NaiveDate, filter: &DueFilter) -> Vec<Due> {
    let ds = ix.ds;
    let mut rows: Vec<Due> = schedule(ix, today)
        .into_iter()
        .filter(|d| d.exempt.is_none())
        .filter(|d| d.overdue() || filter.within.is_some_and(|w| -d.days_overdue <= i64::from(w)))
        .filter(|d| {
            let h = &ds.households[d.household];
            filter.member.is_none_or(|m| h.contacts.contains(&m))
                && filter.grid.is_none_or(|g| ix.within(h.grid, g))
                && filter.color.is_none_or(|c| h.color == c)
        })
        .collect();
    rows.sort_by(|a, b| b.days_overdue.cmp(&a.days_overdue).then(a.household.cmp(&b.household)));
    rows
}

fn row(ix: &Index<'_>, d: &Due) -> Vec<Value> {
    let ds = ix.ds;
    let h = &ds.households[d.household];
    let contacts: Vec<&str> = h.contacts.iter().map(|&c| ix.member_name(c)).collect();
    let status = if d.overdue() {
        Value::Label { code: "overdue", zh: "逾期", en: "overdue" }
    } else {
        Value::Label { code: "due_soon", zh: "即将到期", en: "due soon" }
    };
    vec![
        Value::text(ds.name(h.id)),
        Value::Address(h.address.to_string()),
        Value::text(&*h.head),
        h.grid.map_or(Value::Empty, |g| Value::text(ix.grid_name(g))),
        Value::label(h.color),
        Value::text(contacts.join("、")),
        d.last.map_or(Value::Label { code: "never", zh: "从未走访", en: "never" }, Value::Date),
        h.since.map_or(Value::Empty, Value::Date),
        Value::Int(d.interval.into()),
        rule_value(d.rule),
        Value::Date(d.due),
        Value::Int(d.days_overdue),
        status,
    ]
}

/// The overdue list as of `today`, most overdue first.
pub fn due_table(ix: &Index<'_>, today: NaiveDate, filter: &DueFilter) -> Table {
    let mut t = Table::new("due", COLUMNS)
        .titled(format!("逾期未访户（截至{today}）"), format!("Households due a visit as of {today}"));
    for d in due_rows(ix, today, filter) {
        t.push(row(ix, &d));
    }
    t
}

/// Each member's own list (`--by member`): for every member with a household in the list, in
/// the members file's order, that member's linked households, most urgent first. A household
/// with two members is on both lists.
pub fn due_by_member(ix: &Index<'_>, today: NaiveDate, filter: &DueFilter) -> Vec<(usize, Vec<Due>)> {
    let rows = due_rows(ix, today, filter);
    let ds = ix.ds;
    ds.members
        .iter()
        .enumerate()
        .filter(|(_, m)| filter.member.is_none_or(|f| f == m.id))
        .map(|(i, m)| {
            (i, rows.iter().filter(|d| ds.households[d.household].contacts.contains(&m.id)).cloned().collect())
        })
        .filter(|(_, due): &(usize, Vec<Due>)| !due.is_empty())
        .collect()
}

/// `--by member` as pages: one table per member, titled with the member's name.
pub fn due_member_pages(ix: &Index<'_>, today: NaiveDate, filter: &DueFilter) -> Vec<Table> {
    let ds = ix.ds;
    due_by_member(ix, today, filter)
        .into_iter()
        .map(|(m, due)| {
            let member = &ds.members[m];
            let (id, name) = (ds.name(member.id), member.name.as_str());
            let mut t = Table::new("due", COLUMNS).titled(
                format!("{name}（{id}）联系户走访清单（截至{today}）"),
                format!("{name} ({id}): households to visit as of {today}"),
            );
            due.iter().for_each(|d| t.push(row(ix, d)));
            t
        })
        .collect()
}

/// `--by member` as one table (CSV, JSON): the member's id and name before each row.
pub fn due_member_table(ix: &Index<'_>, today: NaiveDate, filter: &DueFilter) -> Table {
    let ds = ix.ds;
    let columns: Vec<super::Column> = MEMBER_COLUMNS.iter().chain(COLUMNS).copied().collect();
    let mut t = Table::new("due", &columns)
        .titled(format!("党员联系户走访清单（截至{today}）"), format!("Households to visit by member as of {today}"));
    for (m, due) in due_by_member(ix, today, filter) {
        let member = &ds.members[m];
        for d in &due {
            let lead = [Value::text(ds.name(member.id)), Value::text(member.name.as_str())];
            t.push(lead.into_iter().chain(row(ix, d)).collect());
        }
    }
    t
}
