//! `gov member list`: the party members' roster (党员花名册), one row per member in file order
//! with kind, branch, grid, phone, unit, registration, status, roles and how many households
//! they are linked to. Pure; no I/O.

use super::index::Index;
use super::table::{Table, Value, col};
use crate::model::Sym;
use crate::model::labels::{MemberKind, MemberStatus};

/// Which members to list.
#[derive(Debug, Clone, Default)]
pub struct MemberFilter {
    /// Members serving this grid or a grid under it.
    pub grid: Option<Sym>,
    /// Members whose `branch` is this text, or names this org (by id or name).
    pub branch: Option<Branch>,
    pub kind: Option<MemberKind>,
    pub status: Option<MemberStatus>,
}

/// A branch as the user named it: the texts a member's `branch` may hold for it.
#[derive(Debug, Clone)]
pub struct Branch(pub Vec<String>);

const COLUMNS: &[super::Column] = &[
    col("id", "党员编号", "id"),
    col("name", "姓名", "name"),
    col("kind", "党员类别", "kind"),
    col("branch", "所在支部", "branch"),
    col("grid", "网格", "grid"),
    col("phone", "联系电话", "phone"),
    col("unit", "工作单位", "unit"),
    col("registered", "报到日期", "registered"),
    col("status", "状态", "status"),
    col("roles", "职务", "roles"),
    col("households", "联系户数", "households"),
];

pub fn member_table(ix: &Index<'_>, filter: &MemberFilter) -> Table {
    let ds = ix.ds;
    let mut t = Table::new("members", COLUMNS)
        .titled(format!("{}党员花名册", ds.settings.name), format!("{} party members", ds.settings.name));
    for (i, m) in ds.members.iter().enumerate() {
        let keep = filter.grid.is_none_or(|g| ix.within(m.grid, g))
            && filter.kind.is_none_or(|k| m.kind == Some(k))
            && filter.status.is_none_or(|s| m.status == s)
            && filter
                .branch
                .as_ref()
                .is_none_or(|b| m.branch.as_deref().is_some_and(|t| b.0.iter().any(|n| n == t.trim())));
        if !keep {
            continue;
        }
        t.push(vec![
            Value::text(ds.name(m.id)),
            Value::text(m.name.as_str()),
            m.kind.map_or(Value::Empty, Value::label),
            m.branch.as_deref().map_or(Value::Empty, |b| Value::text(ix.org_text(b))),
            m.grid.map_or(Value::Empty, |g| Value::text(ix.grid_name(g))),
            m.phone.as_ref().map_or(Value::Empty, |p| Value::Phone(p.clone())),
            m.unit.as_deref().map_or(Value::Empty, |u| Value::text(ix.org_text(u))),
            m.registered.map_or(Value::Empty, Value::Date),
            Value::label(m.status),
            Value::text(m.roles.join("、")),
            Value::int(ix.linked[i].len()),
        ]);
    }
    t
}
