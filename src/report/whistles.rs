//! `gov report whistles`: whistle and report (吹哨报到) in a period. One row per department
//! summoned by a whistle dated in the period: how often it was summoned, how often it reported
//! (报到) and how soon, and how many of the problems it was summoned to were resolved and how soon
//! after the whistle, and the joint meetings held on those problems in the period; a totals row. With `--pending`, instead, the list of summonses the
//! department has not answered. Definitions are in docs/metrics.md. Pure; no I/O.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;

use super::Period;
use super::index::Index;
use super::issue_facts::{days, percentile};
use super::table::{Column, Table, Value, col};
use crate::model::labels::Action;
use crate::model::{Issue, IssueStatus};

/// One department summoned by one whistle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summons<'d> {
    /// Position in `Dataset::issues`.
    pub issue: usize,
    /// Position of the whistle in the problem's events.
    pub event: usize,
    pub department: &'d str,
    pub whistle: NaiveDate,
    /// The department's first report after the whistle, if any.
    pub reported: Option<NaiveDate>,
    /// The problem's first resolution after the whistle, if any.
    pub resolved: Option<NaiveDate>,
}

/// Every summons by a whistle dated in the period, in file order. A department named twice in
/// one whistle is summoned once.
pub fn summonses<'d>(issues: &'d [Issue], period: &Period) -> Vec<Summons<'d>> {
    let mut out = Vec::new();
    for (n, issue) in issues.iter().enumerate() {
        for (w, e) in issue.events.iter().enumerate() {
            if e.action != Action::Whistle || !period.contains(e.date) {
                continue;
            }
            let later = &issue.events[w + 1..];
            let resolved = later.iter().find(|x| x.action == Action::Resolved).map(|x| x.date);
            let mut seen: HashSet<&str> = HashSet::new();
            for d in e.departments.iter().filter(|d| seen.insert(&***d)) {
                let reported = later
                    .iter()
                    .find(|x| x.action == Action::Report && x.department.as_deref() == Some(&**d))
                    .map(|x| x.date);
                out.push(Summons { issue: n, event: w, department: d, whistle: e.date, reported, resolved });
            }
        }
    }
    out
}

/// The figures of a set of summonses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WhistleTally {
    /// Distinct whistle events (for a department: those that summoned it).
    pub whistles: usize,
    pub summoned: usize,
    pub reported: usize,
    /// Days from whistle to report, one per report.
    pub report_days: Vec<i64>,
    /// Distinct problems.
    pub problems: usize,
    /// Of those, resolved after their first whistle in the period (of this set).
    pub resolved: usize,
    /// Days from that first whistle to the first resolution after it, one per resolved problem.
    pub resolve_days: Vec<i64>,
}

impl WhistleTally {
    /// Adds another community's figures (no whistle or problem is in both).
    pub fn merge(&mut self, o: &WhistleTally) {
        let WhistleTally { whistles, summoned, reported, report_days, problems, resolved, resolve_days } = o;
        self.whistles += whistles;
        self.summoned += summoned;
        self.reported += reported;
        self.report_days.extend_from_slice(report_days);
        self.problems += problems;
        self.resolved += resolved;
        self.resolve_days.extend_from_slice(resolve_days);
    }
}

fn tally(set: &[&Summons<'_>]) -> WhistleTally {
    let mut t = WhistleTally { summoned: set.len(), ..WhistleTally::default() };
    let mut whistles: HashSet<(usize, usize)> = HashSet::new();
    // Each problem's earliest summons in the set, by whistle date, and the resolution after it.
    let mut first: HashMap<usize, &Summons<'_>> = HashMap::new();
    for s in set {
        whistles.insert((s.issue, s.event));
        if let Some(r) = s.reported {
            t.reported += 1;
            t.report_days.push(days(s.whistle, r));
        }
        first
            .entry(s.issue)
            .and_modify(|f| {
                if s.whistle < f.whistle {
                    *f = s
                }
            })
            .or_insert(s);
    }
    t.whistles = whistles.len();
    t.problems = first.len();
    for s in first.values() {
        if let Some(r) = s.resolved {
            t.resolved += 1;
            t.resolve_days.push(days(s.whistle, r));
        }
    }
    t
}

const COLUMNS: &[Column] = &[
    col("department", "部门", "department"),
    col("whistles", "吹哨次数", "whistles"),
    col("summoned", "被召集次数", "times summoned"),
    col("reported", "已报到", "reported"),
    col("pending", "未报到", "not reported"),
    col("report_rate", "报到率", "report rate"),
    col("median_days_to_report", "报到用时中位数(天)", "median days to report"),
    col("problems", "涉及诉求", "problems"),
    col("resolved", "已办结", "resolved"),
    col("resolved_rate", "办结率", "share resolved"),
    col("median_days_to_resolve", "吹哨至办结中位数(天)", "median days whistle to resolution"),
    col("joint_meetings", "联席会议次数", "joint meetings"),
];

fn figures(t: &WhistleTally) -> Vec<Value> {
    let median = |v: &[i64]| percentile(v, 50).map_or(Value::Empty, Value::Int);
    vec![
        Value::int(t.whistles),
        Value::int(t.summoned),
        Value::int(t.reported),
        Value::int(t.summoned - t.reported),
        Value::ratio(t.reported, t.summoned),
        median(&t.report_days),
        Value::int(t.problems),
        Value::int(t.resolved),
        Value::ratio(t.resolved, t.problems),
        median(&t.resolve_days),
    ]
}

/// Joint meetings (党建 and 红色物业联席会议) held in the period that discussed one of the
/// problems of these summonses.
fn joint_meetings(ix: &Index<'_>, set: &[&Summons<'_>], period: &Period) -> usize {
    let ds = ix.ds;
    let problems: HashSet<crate::model::Sym> = set.iter().map(|s| ds.issues[s.issue].id).collect();
    ds.meetings
        .iter()
        .filter(|m| {
            period.contains(m.date)
                && m.issues.iter().any(|i| problems.contains(i))
                && crate::report::meetings::is_joint(m)
        })
        .count()
}

/// Departments in gov.yaml order, then any others alphabetically.
fn department_order<'a>(ix: &Index<'_>, d: &'a str) -> (usize, &'a str) {
    let listed = &ix.ds.settings.departments;
    (listed.iter().position(|x| x == d).unwrap_or(listed.len()), d)
}

/// The whistle-and-report summary for the period: one row per department summoned, and totals
/// (whistles counted once however many departments they summoned).
pub fn whistles_table(ix: &Index<'_>, period: &Period) -> Table {
    let ds = ix.ds;
    let all = summonses(&ds.issues, period);
    let mut by_department: BTreeMap<(usize, &str), Vec<&Summons<'_>>> = BTreeMap::new();
    for s in &all {
        by_department.entry(department_order(ix, s.department)).or_default().push(s);
    }
    let mut t = Table::new("whistles", COLUMNS).titled(
        format!("{}吹哨报到情况（{}）", ds.settings.name, period.label()),
        format!("{} whistle and report ({})", ds.settings.name, period.label()),
    );
    for ((_, department), set) in &by_department {
        let mut row = vec![Value::text(*department)];
        row.extend(figures(&tally(set)));
        row.push(Value::int(joint_meetings(ix, set, period)));
        t.push(row);
    }
    let everything: Vec<&Summons<'_>> = all.iter().collect();
    let mut total = vec![Value::Empty];
    total.extend(figures(&tally(&everything)));
    total.push(Value::int(joint_meetings(ix, &everything, period)));
    t.total = Some(total);
    t
}

/// The town's whistle-and-report summary: one row per community (all its departments together)
/// and the town's total, whose medians are over every community's summonses together.
pub fn whistles_town_table(town: &str, parts: &[(&str, &Index<'_>)], period: &Period) -> Table {
    let mut columns = vec![super::town::COMMUNITY];
    columns.extend_from_slice(&COLUMNS[1..]);
    let mut t = Table::new("whistles-by-community", &columns).titled(
        format!("{town}吹哨报到情况（{}，按社区）", period.label()),
        format!("{town} whistle and report ({}, by community)", period.label()),
    );
    let (mut all, mut meetings) = (WhistleTally::default(), 0);
    for (name, ix) in parts {
        let summonses = summonses(&ix.ds.issues, period);
        let everything: Vec<&Summons<'_>> = summonses.iter().collect();
        let tally = tally(&everything);
        let joint = joint_meetings(ix, &everything, period);
        let mut row = vec![Value::text(*name)];
        row.extend(figures(&tally));
        row.push(Value::int(joint));
        t.push(row);
        all.merge(&tally);
        meetings += joint;
    }
    let mut total = vec![Value::Empty];
    total.extend(figures(&all));
    total.push(Value::int(meetings));
    t.total = Some(total);
    t
}

const PENDING_COLUMNS: &[Column] = &[
    col("department", "部门", "department"),
    col("issue", "诉求编号", "problem"),
    col("title", "标题", "title"),
    col("whistle", "吹哨日期", "whistle"),
    col("days_waiting", "已等待天数", "days waiting"),
    col("status", "诉求状态", "problem status"),
];

/// The summonses of the period's whistles that the department has not answered with a report,
/// by department then whistle date; days waiting and the problem's status as of `today`.
pub fn pending_table(ix: &Index<'_>, period: &Period, today: NaiveDate) -> Table {
    let ds = ix.ds;
    let mut pending: Vec<Summons<'_>> =
        summonses(&ds.issues, period).into_iter().filter(|s| s.reported.is_none()).collect();
    pending.sort_by(|a, b| {
        (department_order(ix, a.department), a.whistle, ds.name(ds.issues[a.issue].id)).cmp(&(
            department_order(ix, b.department),
            b.whistle,
            ds.name(ds.issues[b.issue].id),
        ))
    });
    let mut t = Table::new("whistles-pending", PENDING_COLUMNS).titled(
        format!("{}吹哨未报到部门（{}，截至{}）", ds.settings.name, period.label(), today),
        format!(
            "{} departments summoned that have not reported ({}, as of {})",
            ds.settings.name,
            period.label(),
            today
        ),
    );
    for s in pending {
        let issue = &ds.issues[s.issue];
        let status: IssueStatus = issue.status_on(today);
        t.push(vec![
            Value::text(s.department),
            Value::text(ds.name(issue.id)),
            Value::FreeText(issue.title.clone()),
            Value::Date(s.whistle),
            Value::Int(days(s.whistle, today)),
            Value::label(status),
        ]);
    }
    t
}
