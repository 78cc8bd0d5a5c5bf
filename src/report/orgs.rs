//! `gov org list`: the community's organisations as a tree (a Party committee, its branches,
//! the grid branches under them; partner units, property companies and the rest beside), one
//! row per org with its kind, parent, leader, grids, phone and how many members name it as
//! their branch or unit. Pure; no I/O.

use std::collections::HashMap;

use super::index::Index;
use super::table::{Table, Value, col};
use crate::kinds::org::OrgKind;
use crate::model::{Org, Sym};

/// Which orgs to list.
#[derive(Debug, Clone, Default)]
pub struct OrgFilter {
    pub kind: Option<OrgKind>,
    /// Only orgs serving this grid (or a grid under it).
    pub grid: Option<Sym>,
}

const COLUMNS: &[super::Column] = &[
    col("id", "组织编号", "id"),
    col("name", "组织名称", "name"),
    col("kind", "组织类别", "kind"),
    col("parent", "上级组织", "parent"),
    col("leader", "负责人", "leader"),
    col("grids", "服务网格", "grids"),
    col("phone", "联系电话", "phone"),
    col("since", "成立日期", "since"),
    col("partner_of", "联建组织", "partner of"),
    col("members", "党员数", "members"),
];

/// Full-width spaces before a name, per level below a root: the tree as Chinese office
/// documents indent it, readable in a terminal and in Excel alike.
const INDENT: &str = "　";

pub fn org_table(ix: &Index<'_>, filter: &OrgFilter) -> Table {
    let ds = ix.ds;
    let org_name = |s: Sym| ix.look.org(s).map_or_else(|| ds.name(s), |i| ds.orgs[i].name.as_str());
    // Members per org: a `branch` or `unit` naming the org by id or by name.
    let mut members: HashMap<Sym, usize> = HashMap::new();
    let by_name: HashMap<&str, Sym> = ds.orgs.iter().rev().map(|o| (o.name.as_str(), o.id)).collect();
    for m in &ds.members {
        let mut named: Vec<Sym> = [&m.branch, &m.unit]
            .into_iter()
            .flatten()
            .filter_map(|t| {
                ds.ids.get(t).filter(|&s| ix.look.org(s).is_some()).or_else(|| by_name.get(t.as_str()).copied())
            })
            .collect();
        named.dedup();
        for s in named {
            *members.entry(s).or_default() += 1;
        }
    }

    let mut t = Table::new("orgs", COLUMNS)
        .titled(format!("{}组织架构", ds.settings.name), format!("{} organisations", ds.settings.name));
    let keep = |o: &Org| {
        filter.kind.is_none_or(|k| o.kind == Some(k))
            && filter.grid.is_none_or(|g| o.grids.iter().any(|&og| ix.within(Some(og), g)))
    };
    // A filtered list leaves out ancestors, so it is flat: the parent column says where each
    // org belongs.
    let flat = filter.kind.is_some() || filter.grid.is_some();
    for (i, depth) in tree_order(ix) {
        let o = &ds.orgs[i];
        if !keep(o) {
            continue;
        }
        let depth = if flat { 0 } else { depth };
        t.push(vec![
            Value::text(ds.name(o.id)),
            Value::text(format!("{}{}", INDENT.repeat(depth), o.name)),
            o.kind.map_or(Value::Empty, Value::label),
            o.parent.map_or(Value::Empty, |p| Value::text(org_name(p))),
            o.leader.map_or(Value::Empty, |l| Value::text(ix.member_name(l))),
            Value::text(o.grids.iter().map(|&g| ix.grid_name(g)).collect::<Vec<_>>().join("、")),
            o.phone.as_ref().map_or(Value::Empty, |p| Value::Phone(p.clone())),
            o.since.map_or(Value::Empty, Value::Date),
            o.partner_of.map_or(Value::Empty, |p| Value::text(org_name(p))),
            Value::int(members.get(&o.id).copied().unwrap_or(0)),
        ]);
    }
    t
}

/// Every org once, depth first from the roots (orgs without a known parent, and orgs on a
/// `parent` cycle, which `gov check` reports), children in file order; with its depth.
fn tree_order(ix: &Index<'_>) -> Vec<(usize, usize)> {
    let ds = ix.ds;
    let n = ds.orgs.len();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut roots = Vec::new();
    for (i, o) in ds.orgs.iter().enumerate() {
        match o.parent.and_then(|p| ix.look.org(p)).filter(|&p| p != i) {
            Some(p) => children[p].push(i),
            None => roots.push(i),
        }
    }
    let mut seen = vec![false; n];
    let mut out = Vec::with_capacity(n);
    let visit = |start: usize, seen: &mut Vec<bool>, out: &mut Vec<(usize, usize)>| {
        let mut stack = vec![(start, 0)];
        while let Some((i, depth)) = stack.pop() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            out.push((i, depth));
            stack.extend(children[i].iter().rev().map(|&c| (c, depth + 1)));
        }
    };
    for r in roots {
        visit(r, &mut seen, &mut out);
    }
    // What is left sits on a cycle: listed from its first org, at the top level.
    for i in 0..n {
        if !seen[i] {
            visit(i, &mut seen, &mut out);
        }
    }
    out
}
