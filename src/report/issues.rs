//! `gov report issues`: how the problems raised by residents (群众诉求) were handled in a period,
//! overall or by category, grid, department or source — received, resolved, the rates with the
//! numerator and denominator of each shown beside it (响应率, 按时办结率, 回访率, 解决率, 满意率,
//! 重办率), days to resolve (median, 90th percentile), and the problems open, overdue and awaiting
//! rework at the period's end with their ageing. Definitions are in docs/metrics.md. Pure; no I/O.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::Period;
use super::index::Index;
use super::issue_facts::{FollowUp, PeriodFacts, age_bucket, percentile, period_facts};
use super::table::{Column, Table, Value, col};
use crate::model::labels::{Action, IssueCategory, IssueSource, Labelled, Satisfaction};
use crate::model::{Category, Issue, Sym};

/// The figures of a set of problems over one period.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub received: usize,
    /// Received and first responded to within `response_days`.
    pub responded: usize,
    /// Resolved in the period (distinct problems).
    pub resolved: usize,
    pub on_time: usize,
    /// Days from receipt to the period's (last) resolution, one per resolved problem.
    pub days: Vec<i64>,
    /// Resolved problems whose follow-up reached the resident.
    pub followed_up: usize,
    /// Resolved problems whose every follow-up call was unreachable.
    pub unreachable: usize,
    /// Followed up, and the resident said solved.
    pub solved: usize,
    /// Followed up, and rated satisfied.
    pub satisfied: usize,
    /// Followed up, and rated basically satisfied.
    pub basic: usize,
    /// Resolved problems reopened after a resolution in the period.
    pub reopened: usize,
    /// Open at the as-of date, and of those past due.
    pub open: usize,
    pub overdue: usize,
    /// Open at the as-of date and awaiting rework (待重办).
    pub awaiting_rework: usize,
    /// Open problems by days since receipt: ≤7, 8–15, 16–30, >30.
    pub ageing: [usize; 4],
}

impl Tally {
    pub fn add(&mut self, f: &PeriodFacts) {
        self.received += usize::from(f.received);
        self.responded += usize::from(f.responded);
        if let Some(r) = f.resolution {
            self.resolved += 1;
            self.on_time += usize::from(r.on_time);
            self.days.push(r.days);
            self.reopened += usize::from(r.reopened);
            match r.follow_up {
                FollowUp::None => {}
                FollowUp::Unreachable => self.unreachable += 1,
                FollowUp::Reached { solved, satisfaction } => {
                    self.followed_up += 1;
                    self.solved += usize::from(solved);
                    match satisfaction {
                        Some(Satisfaction::Satisfied) => self.satisfied += 1,
                        Some(Satisfaction::Basic) => self.basic += 1,
                        _ => {}
                    }
                }
            }
        }
        if let Some(age) = f.open_age {
            self.open += 1;
            self.overdue += usize::from(f.overdue);
            self.awaiting_rework += usize::from(f.awaiting_rework);
            self.ageing[age_bucket(age)] += 1;
        }
    }

    /// Adds another set's figures (another community's: no problem is in both).
    pub fn merge(&mut self, o: &Tally) {
        let Tally {
            received,
            responded,
            resolved,
            on_time,
            days,
            followed_up,
            unreachable,
            solved,
            satisfied,
            basic,
            reopened,
            open,
            overdue,
            awaiting_rework,
            ageing,
        } = o;
        self.received += received;
        self.responded += responded;
        self.resolved += resolved;
        self.on_time += on_time;
        self.days.extend_from_slice(days);
        self.followed_up += followed_up;
        self.unreachable += unreachable;
        self.solved += solved;
        self.satisfied += satisfied;
        self.basic += basic;
        self.reopened += reopened;
        self.open += open;
        self.overdue += overdue;
        self.awaiting_rework += awaiting_rework;
        for (a, b) in self.ageing.iter_mut().zip(ageing) {
            *a += b;
        }
    }

    /// The satisfaction numerator: satisfied, and with `count_basic` basically satisfied too.
    pub fn satisfied(&self, count_basic: bool) -> usize {
        self.satisfied + if count_basic { self.basic } else { 0 }
    }
}

/// The facts of every problem for the period, with open and overdue as of the period's end (or
/// today, for a period still running).
pub fn all_facts(ix: &Index<'_>, period: &Period, today: NaiveDate) -> Vec<PeriodFacts> {
    let as_of = period.to.min(today);
    ix.ds.issues.iter().map(|i| period_facts(i, &ix.ds.settings, period.from, period.to, as_of)).collect()
}

/// The tally of the problems `keep` selects.
pub fn tally(facts: &[PeriodFacts], issues: &[Issue], keep: impl Fn(&Issue) -> bool) -> Tally {
    let mut t = Tally::default();
    for (f, i) in facts.iter().zip(issues) {
        if keep(i) {
            t.add(f);
        }
    }
    t
}

/// What one row of `gov report issues` is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssuesBy {
    /// One row for all problems.
    All,
    Category,
    Grid,
    /// Departments summoned by a whistle; a problem that summoned two counts in both rows.
    Department,
    Source,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct IssuesOptions {
    /// Satisfaction counts basically satisfied (基本满意) too.
    pub count_basic: bool,
}

/// A row's key, ordered as the rows are listed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Builtin(usize),
    Custom(String),
    /// A department in gov.yaml (by position), or one summoned without being listed there.
    Listed(usize),
    Unlisted(String),
    Grid(String, Sym),
    /// No category / grid / source, or (by department) never whistled.
    None,
}

/// The grid a problem is about: its own, else its household's.
pub fn issue_grid(ix: &Index<'_>, i: &Issue) -> Option<Sym> {
    i.grid.or_else(|| i.household.and_then(|h| ix.household(h)).and_then(|h| h.grid))
}

/// The departments summoned by the problem's whistles, each once.
pub fn summoned(i: &Issue) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for e in i.events.iter().filter(|e| e.action == Action::Whistle) {
        for d in &e.departments {
            if !out.contains(&&**d) {
                out.push(d);
            }
        }
    }
    out
}

fn keys(ix: &Index<'_>, i: &Issue, by: IssuesBy) -> Vec<Key> {
    let ds = ix.ds;
    match by {
        IssuesBy::All => vec![Key::None],
        IssuesBy::Category => vec![match &i.category {
            Some(Category::Builtin(c)) => Key::Builtin(IssueCategory::ALL.iter().position(|x| x == c).unwrap_or(0)),
            Some(Category::Custom(c)) => Key::Custom(c.clone()),
            None => Key::None,
        }],
        IssuesBy::Source => vec![
            i.source.map_or(Key::None, |s| Key::Builtin(IssueSource::ALL.iter().position(|x| *x == s).unwrap_or(0))),
        ],
        IssuesBy::Grid => vec![issue_grid(ix, i).map_or(Key::None, |g| Key::Grid(ds.name(g).to_string(), g))],
        IssuesBy::Department => {
            let ks: Vec<Key> = summoned(i)
                .into_iter()
                .map(|d| match ds.settings.departments.iter().position(|x| x == d) {
                    Some(p) => Key::Listed(p),
                    None => Key::Unlisted(d.to_string()),
                })
                .collect();
            if ks.is_empty() { vec![Key::None] } else { ks }
        }
    }
}

fn key_values(ix: &Index<'_>, by: IssuesBy, key: &Key) -> Vec<Value> {
    let none = |zh: &'static str, en: &'static str| Value::Label { code: "none", zh, en };
    match (by, key) {
        (IssuesBy::Category, Key::Builtin(p)) => vec![Value::label(IssueCategory::ALL[*p])],
        (IssuesBy::Source, Key::Builtin(p)) => vec![Value::label(IssueSource::ALL[*p])],
        (_, Key::Custom(s) | Key::Unlisted(s)) => vec![Value::text(s)],
        (_, Key::Listed(p)) => vec![Value::text(&ix.ds.settings.departments[*p])],
        (_, Key::Grid(id, g)) => vec![Value::text(id), Value::text(ix.grid_name(*g))],
        (IssuesBy::Grid, _) => vec![none("（未填网格）", "(no grid)"), Value::Empty],
        (IssuesBy::Department, _) => vec![none("（未吹哨）", "(no whistle)")],
        (IssuesBy::Source, _) => vec![none("（未填来源）", "(no source)")],
        _ => vec![none("（未分类）", "(no category)")],
    }
}

const CATEGORY_KEYS: &[Column] = &[col("category", "类别", "category")];
const GRID_KEYS: &[Column] = &[col("grid", "网格编号", "grid"), col("grid_name", "网格名称", "grid name")];
const DEPARTMENT_KEYS: &[Column] = &[col("department", "部门", "department")];
const SOURCE_KEYS: &[Column] = &[col("source", "来源", "source")];

/// The figure columns, in order; the satisfaction numerator's header depends on `--count-basic`.
fn figure_columns(count_basic: bool) -> Vec<Column> {
    vec![
        col("received", "受理件数", "received"),
        col("responded", "及时响应件数", "responded in time"),
        col("response_rate", "响应率", "response rate"),
        col("resolved", "办结件数", "resolved"),
        col("on_time", "按时办结件数", "resolved on time"),
        col("on_time_rate", "按时办结率", "on-time rate"),
        col("median_days", "办结用时中位数(天)", "median days to resolve"),
        col("p90_days", "办结用时90%分位(天)", "90th percentile days to resolve"),
        col("followed_up", "已回访件数", "followed up"),
        col("follow_up_rate", "回访率", "follow-up rate"),
        col("unreachable", "回访未联系上件数", "follow-up unreachable"),
        col("solved", "已解决件数", "solved"),
        col("solved_rate", "解决率", "solved rate"),
        if count_basic {
            col("satisfied_or_basic", "满意及基本满意件数", "satisfied or basically satisfied")
        } else {
            col("satisfied", "满意件数", "satisfied")
        },
        col("satisfaction_rate", "满意率", "satisfaction rate"),
        col("reopened", "重办件数", "reopened"),
        col("reopen_rate", "重办率", "reopen rate"),
        col("open", "期末未办结", "open at period end"),
        col("overdue", "期末超期", "overdue at period end"),
        col("awaiting_rework", "期末待重办", "awaiting rework at period end"),
        col("open_0_7", "未办结≤7天", "open ≤7 days"),
        col("open_8_15", "未办结8–15天", "open 8–15 days"),
        col("open_16_30", "未办结16–30天", "open 16–30 days"),
        col("open_over_30", "未办结>30天", "open >30 days"),
    ]
}

/// A tally as the figure columns' values.
fn figures(t: &Tally, o: IssuesOptions) -> Vec<Value> {
    let days = |p| percentile(&t.days, p).map_or(Value::Empty, Value::Int);
    let satisfied = t.satisfied(o.count_basic);
    let mut v = vec![
        Value::int(t.received),
        Value::int(t.responded),
        Value::ratio(t.responded, t.received),
        Value::int(t.resolved),
        Value::int(t.on_time),
        Value::ratio(t.on_time, t.resolved),
        days(50),
        days(90),
        Value::int(t.followed_up),
        Value::ratio(t.followed_up, t.resolved),
        Value::int(t.unreachable),
        Value::int(t.solved),
        Value::ratio(t.solved, t.followed_up),
        Value::int(satisfied),
        Value::ratio(satisfied, t.followed_up),
        Value::int(t.reopened),
        Value::ratio(t.reopened, t.resolved),
        Value::int(t.open),
        Value::int(t.overdue),
        Value::int(t.awaiting_rework),
    ];
    v.extend(t.ageing.iter().map(|&n| Value::int(n)));
    v
}

/// The problems report for the period, overall (one row, shown as a list of figures) or one
/// row per group with a totals row over all problems (each counted once).
pub fn issues_table(ix: &Index<'_>, period: &Period, today: NaiveDate, by: IssuesBy, o: IssuesOptions) -> Table {
    let ds = ix.ds;
    let facts = all_facts(ix, period, today);
    let (name, key_columns, zh, en): (&'static str, &[Column], &str, &str) = match by {
        IssuesBy::All => ("issues", &[], "", ""),
        IssuesBy::Category => ("issues-by-category", CATEGORY_KEYS, "，按类别", ", by category"),
        IssuesBy::Grid => ("issues-by-grid", GRID_KEYS, "，按网格", ", by grid"),
        IssuesBy::Department => ("issues-by-department", DEPARTMENT_KEYS, "，按吹哨部门", ", by department summoned"),
        IssuesBy::Source => ("issues-by-source", SOURCE_KEYS, "，按来源", ", by source"),
    };
    let mut columns = key_columns.to_vec();
    columns.extend(figure_columns(o.count_basic));
    let mut t = Table::new(name, &columns).titled(
        format!("{}群众诉求办理情况（{}{}）", ds.settings.name, period.label(), zh),
        format!("{} problems raised by residents ({}{})", ds.settings.name, period.label(), en),
    );
    let all = tally(&facts, &ds.issues, |_| true);
    if by == IssuesBy::All {
        t.push(figures(&all, o));
        t.transpose = true;
        return t;
    }
    let mut groups: BTreeMap<Key, Tally> = BTreeMap::new();
    for (f, i) in facts.iter().zip(&ds.issues) {
        if !f.counts() {
            continue;
        }
        // Distinct keys: `summoned` lists each department once.
        for k in keys(ix, i, by) {
            groups.entry(k).or_default().add(f);
        }
    }
    for (key, tally) in &groups {
        let mut row = key_values(ix, by, key);
        row.extend(figures(tally, o));
        t.push(row);
    }
    let mut total = vec![Value::Empty; key_columns.len()];
    total.extend(figures(&all, o));
    t.total = Some(total);
    t
}

/// The town's problems report: one row per community (its problems tallied by its own settings)
/// and the town's total, whose medians are over every community's problems together.
pub fn issues_town_table(
    town: &str,
    parts: &[(&str, &Index<'_>)],
    period: &Period,
    today: NaiveDate,
    o: IssuesOptions,
) -> Table {
    let mut columns = vec![super::town::COMMUNITY];
    columns.extend(figure_columns(o.count_basic));
    let mut t = Table::new("issues-by-community", &columns).titled(
        format!("{town}群众诉求办理情况（{}，按社区）", period.label()),
        format!("{town} problems raised by residents ({}, by community)", period.label()),
    );
    let mut all = Tally::default();
    for (name, ix) in parts {
        let facts = all_facts(ix, period, today);
        let tally = tally(&facts, &ix.ds.issues, |_| true);
        let mut row = vec![Value::text(*name)];
        row.extend(figures(&tally, o));
        t.push(row);
        all.merge(&tally);
    }
    let mut total = vec![Value::Empty];
    total.extend(figures(&all, o));
    t.total = Some(total);
    t
}
