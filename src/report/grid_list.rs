//! `gov grid list`: the three-level grid (网格) as a tree, one row per grid with its level,
//! parent, leader and how many members and households it holds, its sub-grids included; a
//! totals row counts each member and household once. Pure; no I/O.

use super::index::Index;
use super::table::{Table, Value, col};
use crate::model::Sym;

/// Which grids to list.
#[derive(Debug, Clone, Default)]
pub struct GridFilter {
    /// Only this grid and the grids under it.
    pub grid: Option<Sym>,
}

const COLUMNS: &[super::Column] = &[
    col("id", "网格编号", "id"),
    col("name", "网格名称", "name"),
    col("level", "层级", "level"),
    col("parent", "上级网格", "parent"),
    col("leader", "网格长", "leader"),
    col("members", "党员数", "members"),
    col("households", "住户数", "households"),
];

/// Full-width spaces before a name, per level below the top, as `gov org list` indents.
const INDENT: &str = "　";

pub fn grid_table(ix: &Index<'_>, filter: &GridFilter) -> Table {
    let ds = ix.ds;
    let mut t =
        Table::new("grids", COLUMNS).titled(format!("{}网格", ds.settings.name), format!("{} grids", ds.settings.name));
    let order = tree_order(ix, filter.grid);
    let listed: Vec<Sym> = order.iter().map(|&(i, _)| ds.grids[i].id).collect();
    let in_listed = |g: Option<Sym>| listed.iter().any(|&l| ix.within(g, l));
    let members = under(ix, ds.members.iter().map(|m| m.grid));
    let households = under(ix, ds.households.iter().map(|h| h.grid));
    for &(i, depth) in &order {
        let g = &ds.grids[i];
        t.push(vec![
            Value::text(ds.name(g.id)),
            Value::text(format!("{}{}", INDENT.repeat(depth), g.name)),
            Value::int(g.level as usize),
            g.parent.map_or(Value::Empty, |p| Value::text(ix.grid_name(p))),
            g.leader.map_or(Value::Empty, |l| Value::text(ix.member_name(l))),
            Value::int(members[i]),
            Value::int(households[i]),
        ]);
    }
    t.total = Some(vec![
        Value::Empty,
        Value::Empty,
        Value::Empty,
        Value::Empty,
        Value::Empty,
        Value::int(ds.members.iter().filter(|m| in_listed(m.grid)).count()),
        Value::int(ds.households.iter().filter(|h| in_listed(h.grid)).count()),
    ]);
    t
}

/// For each grid (by position), how many of `grids` (a member's or household's grid) are it or
/// under it.
fn under(ix: &Index<'_>, grids: impl Iterator<Item = Option<Sym>>) -> Vec<usize> {
    let mut count = vec![0; ix.ds.grids.len()];
    for g in grids {
        let mut cur = g.and_then(|g| ix.look.grid(g));
        // Each grid once: a `parent` cycle (reported by `gov check`) ends the walk.
        let mut walked: Vec<usize> = Vec::new();
        while let Some(i) = cur.filter(|i| !walked.contains(i)) {
            walked.push(i);
            count[i] += 1;
            cur = ix.ds.grids[i].parent.and_then(|p| ix.look.grid(p));
        }
    }
    count
}

/// The grids depth first from the roots (grids without a known parent, then any left on a
/// `parent` cycle, which `gov check` reports), children in file order, with their depth; from
/// `start` alone when given.
fn tree_order(ix: &Index<'_>, start: Option<Sym>) -> Vec<(usize, usize)> {
    let ds = ix.ds;
    let n = ds.grids.len();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut roots = Vec::new();
    for (i, g) in ds.grids.iter().enumerate() {
        match g.parent.and_then(|p| ix.look.grid(p)).filter(|&p| p != i) {
            Some(p) => children[p].push(i),
            None => roots.push(i),
        }
    }
    let mut seen = vec![false; n];
    let mut out = Vec::with_capacity(n);
    let mut visit = |start: usize, seen: &mut Vec<bool>| {
        let mut stack = vec![(start, 0)];
        while let Some((i, depth)) = stack.pop() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            out.push((i, depth));
            stack.extend(children[i].iter().rev().map(|&c| (c, depth + 1)));
        }
    };
    if let Some(i) = start.and_then(|s| ix.look.grid(s)) {
        visit(i, &mut seen);
        return out;
    }
    for r in roots {
        visit(r, &mut seen);
    }
    for i in 0..n {
        if !seen[i] {
            visit(i, &mut seen);
        }
    }
    out
}
