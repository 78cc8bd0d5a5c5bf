//! `gov report`: the monthly ledger summary (走访台账汇总), one row per member, grid or branch:
//! linked households, households visited, coverage, visits by method, households overdue at the
//! period's end, problems raised on those visits and problems among the households resolved in
//! the period, with a totals row. "Overdue" is as of the period's end, or today if that is earlier.
//! Members with no visits are listed last. Pure; no I/O.

use std::collections::BTreeMap;

use super::Period;
use super::due::schedule;
use super::index::Index;
use super::table::{Column, Table, Value, col};
use crate::model::id::IdSet;
use crate::model::labels::{Action, Labelled, MemberStatus, VisitMethod};
use crate::model::{Member, Sym, Visit};

/// What one row is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    Member,
    Grid,
    Branch,
}

#[derive(Debug, Clone, Default)]
pub struct LedgerFilter {
    pub grid: Option<Sym>,
    pub member: Option<Sym>,
}

/// How many visit methods there are: a sixth method widens the ledger by itself.
const METHODS: usize = <VisitMethod as crate::model::labels::Labelled>::ALL.len();

/// The counts of one row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    pub members: usize,
    pub members_visiting: usize,
    pub linked: usize,
    pub visited: usize,
    pub visits: usize,
    /// Visits by method, in the order of `VisitMethod::ALL`.
    pub by_method: [usize; METHODS],
    pub overdue: usize,
    pub raised: usize,
    pub resolved: usize,
}

/// A group of members and the households they answer for.
struct Unit {
    members: IdSet<usize>,
    households: IdSet<usize>,
}

struct Facts<'a, 'd> {
    ix: &'a Index<'d>,
    /// `--grid` and `--member` narrow the visits counted, not only the rows shown.
    filter: &'a LedgerFilter,
    /// The visits dated in the period (one pass over all visits, shared by every count).
    visits: Vec<&'d Visit>,
    overdue: Vec<bool>,
    /// Households (by position) with a problem resolved in the period, and which problems.
    resolved: Vec<Vec<Sym>>,
}

impl Facts<'_, '_> {
    /// The counts for each unit, in one pass over the period's visits. A grid's visits are those
    /// to its households; a member's or branch's, those made by its members.
    fn rows(&self, units: &[&Unit], by_household: bool) -> Vec<Row> {
        let ds = self.ix.ds;
        let n = if by_household { ds.households.len() } else { ds.members.len() };
        let mut owner = vec![usize::MAX; n];
        for (u, unit) in units.iter().enumerate() {
            for &k in if by_household { &unit.households } else { &unit.members } {
                owner[k] = u;
            }
        }
        let mut rows: Vec<Row> = units
            .iter()
            .map(|u| Row { members: u.members.len(), linked: u.households.len(), ..Row::default() })
            .collect();
        let mut visiting: Vec<IdSet<usize>> = vec![IdSet::default(); units.len()];
        let mut visited: Vec<IdSet<usize>> = vec![IdSet::default(); units.len()];
        let mut raised: Vec<IdSet<Sym>> = vec![IdSet::default(); units.len()];
        for &v in &self.visits {
            let (Some(m), h) = (self.ix.look.member(v.member), self.ix.look.household(v.household)) else { continue };
            if self.filter.member.is_some_and(|f| f != v.member)
                || self.filter.grid.is_some_and(|g| h.is_none_or(|h| !self.ix.within(ds.households[h].grid, g)))
            {
                continue;
            }
            let key = if by_household { h } else { Some(m) };
            let Some(u) = key.map(|k| owner[k]).filter(|&u| u != usize::MAX) else { continue };
            let r = &mut rows[u];
            r.visits += 1;
            r.by_method[VisitMethod::ALL.iter().position(|&x| x == v.method).expect("listed")] += 1;
            visiting[u].insert(m);
            if let Some(h) = h.filter(|h| units[u].households.contains(h)) {
                visited[u].insert(h);
            }
            raised[u].extend(v.issues().iter().copied());
        }
        for (u, r) in rows.iter_mut().enumerate() {
            r.members_visiting = visiting[u].len();
            r.visited = visited[u].len();
            r.raised = raised[u].len();
            r.overdue = units[u].households.iter().filter(|&&h| self.overdue[h]).count();
            r.resolved = units[u].households.iter().flat_map(|&h| &self.resolved[h]).collect::<IdSet<_>>().len();
        }
        rows
    }
}

fn listed(m: &Member, linked: &[u32], visited: bool) -> bool {
    visited || (m.status == MemberStatus::Active && !linked.is_empty())
}

/// The ledger summary for the period.
pub fn ledger_table(ix: &Index<'_>, period: &Period, today: chrono::NaiveDate, by: By, filter: &LedgerFilter) -> Table {
    let ds = ix.ds;
    // Overdue at the period's end, or today for a period still running.
    let as_of = period.to.min(today);
    let overdue: Vec<bool> = schedule(ix, as_of).iter().map(|d| d.overdue()).collect();
    let mut resolved = vec![Vec::new(); ds.households.len()];
    for i in &ds.issues {
        if i.events.iter().any(|e| e.action == Action::Resolved && period.contains(e.date))
            && let Some(h) = i.household.and_then(|h| ix.look.household(h))
        {
            resolved[h].push(i.id);
        }
    }
    let visits: Vec<&Visit> = ds.visits.iter().filter(|v| period.contains(v.date)).collect();
    let visitors: IdSet<usize> = visits.iter().filter_map(|v| ix.look.member(v.member)).collect();
    let facts = Facts { ix, filter, visits, overdue, resolved };

    // The members in scope, and the households they answer for.
    let in_grid = |h: usize| filter.grid.is_none_or(|g| ix.within(ds.households[h].grid, g));
    let members: Vec<usize> = (0..ds.members.len())
        .filter(|&m| filter.member.is_none_or(|s| ds.members[m].id == s))
        .filter(|&m| listed(&ds.members[m], &ix.linked[m], visitors.contains(&m)))
        .filter(|&m| {
            filter
                .grid
                .is_none_or(|g| ix.within(ds.members[m].grid, g) || ix.linked[m].iter().any(|&h| in_grid(h as usize)))
        })
        .collect();
    let mut in_scope = vec![false; ds.members.len()];
    members.iter().for_each(|&m| in_scope[m] = true);
    let households_of = |ms: &mut dyn Iterator<Item = usize>| -> IdSet<usize> {
        ms.flat_map(|m| ix.linked[m].iter().map(|&h| h as usize)).filter(|&h| in_grid(h)).collect()
    };

    let mut units: Vec<(Vec<Value>, Unit)> = Vec::new();
    match by {
        By::Member => {
            for &m in &members {
                let member = &ds.members[m];
                let unit = Unit { members: IdSet::from_iter([m]), households: households_of(&mut std::iter::once(m)) };
                let kind = member.kind.map_or(Value::Empty, Value::label);
                units.push((vec![Value::text(ds.name(member.id)), Value::text(&member.name), kind], unit));
            }
        }
        By::Grid => {
            let mut grids: BTreeMap<Option<Sym>, Unit> = BTreeMap::new();
            for (h, household) in ds.households.iter().enumerate().filter(|(h, _)| in_grid(*h)) {
                if filter.member.is_some_and(|s| !household.contacts.contains(&s)) {
                    continue;
                }
                let unit = grids
                    .entry(household.grid)
                    .or_insert_with(|| Unit { members: IdSet::default(), households: IdSet::default() });
                unit.households.insert(h);
                unit.members
                    .extend(household.contacts.iter().filter_map(|&c| ix.look.member(c)).filter(|&m| in_scope[m]));
            }
            for (grid, unit) in grids {
                let name = grid.map_or(Value::Empty, |g| Value::text(ix.grid_name(g)));
                units.push((vec![grid.map_or(Value::Empty, |g| Value::text(ds.name(g))), name], unit));
            }
        }
        By::Branch => {
            let mut branches: BTreeMap<Option<&str>, Vec<usize>> = BTreeMap::new();
            for &m in &members {
                branches.entry(ds.members[m].branch.as_deref().map(|b| ix.org_text(b))).or_default().push(m);
            }
            for (branch, ms) in branches {
                let households = households_of(&mut ms.iter().copied());
                units.push((vec![Value::opt_text(branch)], Unit { members: ms.into_iter().collect(), households }));
            }
        }
    }

    let by_household = by == By::Grid;
    let counted = facts.rows(&units.iter().map(|(_, u)| u).collect::<Vec<_>>(), by_household);
    let mut rows: Vec<(Vec<Value>, Row)> = units.iter().map(|(key, _)| key.clone()).zip(counted).collect();
    // Stable: members (or groups) with visits first in their original order, then those without.
    rows.sort_by_key(|(_, r)| r.visits == 0);

    let all = Unit {
        members: units.iter().flat_map(|(_, u)| u.members.iter().copied()).collect(),
        households: units.iter().flat_map(|(_, u)| u.households.iter().copied()).collect(),
    };
    let total = facts.rows(&[&all], by_household).remove(0);

    let (name, key_columns, zh, en): (&'static str, &[Column], &str, &str) = match by {
        By::Member => ("report-member", MEMBER_KEYS, "按党员", "by member"),
        By::Grid => ("report-grid", GRID_KEYS, "按网格", "by grid"),
        By::Branch => ("report-branch", BRANCH_KEYS, "按支部", "by branch"),
    };
    let mut columns = key_columns.to_vec();
    if by != By::Member {
        columns.extend([
            col("members", "党员数", "members"),
            col("members_visiting", "参与走访党员", "members who visited"),
        ]);
    }
    columns.extend_from_slice(COUNT_COLUMNS);
    let mut t = Table::new(name, &columns).titled(
        format!("{}走访台账汇总（{}，{}）", ds.settings.name, period.label(), zh),
        format!("{} visit ledger summary ({}, {})", ds.settings.name, period.label(), en),
    );
    for (key, r) in rows {
        let mut row = key;
        row.extend(counts(&r, by != By::Member));
        t.push(row);
    }
    let mut total_row = vec![Value::Empty; key_columns.len()];
    total_row.extend(counts(&total, by != By::Member));
    t.total = Some(total_row);
    t
}

fn counts(r: &Row, with_members: bool) -> Vec<Value> {
    let mut v = Vec::new();
    if with_members {
        v.extend([Value::int(r.members), Value::int(r.members_visiting)]);
    }
    v.extend([Value::int(r.linked), Value::int(r.visited), Value::ratio(r.visited, r.linked), Value::int(r.visits)]);
    v.extend(r.by_method.iter().map(|&n| Value::int(n)));
    v.extend([Value::int(r.overdue), Value::int(r.raised), Value::int(r.resolved)]);
    v
}

const MEMBER_KEYS: &[Column] =
    &[col("member", "党员编号", "member"), col("name", "姓名", "name"), col("kind", "类别", "kind")];
const GRID_KEYS: &[Column] = &[col("grid", "网格编号", "grid"), col("grid_name", "网格名称", "grid name")];
const BRANCH_KEYS: &[Column] = &[col("branch", "支部", "branch")];

const COUNT_COLUMNS: &[Column] = &[
    col("linked", "联系户数", "linked households"),
    col("visited", "已走访户数", "households visited"),
    col("coverage", "走访覆盖率", "coverage"),
    col("visits", "走访次数", "visits"),
    col("home", "入户", "home"),
    col("phone", "电话", "phone"),
    col("wechat", "微信", "WeChat"),
    col("video", "视频", "video"),
    col("group", "集中走访", "group"),
    col("overdue", "逾期户数", "overdue households"),
    col("raised", "发现问题", "problems raised"),
    col("resolved", "办结问题", "problems resolved"),
];
