//! `gov household list`: the households' roster (住户花名册), one row per household in file
//! order with address, grid, head, phone, size, colour (三色管理), tags and linked members.
//! Pure; no I/O.

use super::index::Index;
use super::table::{Table, Value, col};
use crate::model::Sym;
use crate::model::labels::{Color, HouseholdTag};

/// Which households to list.
#[derive(Debug, Clone, Default)]
pub struct HouseholdFilter {
    /// Households in this grid or a grid under it.
    pub grid: Option<Sym>,
    pub color: Option<Color>,
    pub tag: Option<HouseholdTag>,
    /// Households this member is linked to (党员联系户).
    pub member: Option<Sym>,
}

const COLUMNS: &[super::Column] = &[
    col("id", "住户编号", "id"),
    col("address", "地址", "address"),
    col("grid", "网格", "grid"),
    col("head", "户主", "head"),
    col("phone", "联系电话", "phone"),
    col("size", "人数", "size"),
    col("color", "颜色", "colour"),
    col("tags", "标签", "tags"),
    col("contacts", "联系党员", "contacts"),
];

pub fn household_table(ix: &Index<'_>, filter: &HouseholdFilter) -> Table {
    let ds = ix.ds;
    let mut t = Table::new("households", COLUMNS)
        .titled(format!("{}住户花名册", ds.settings.name), format!("{} households", ds.settings.name));
    for h in &ds.households {
        let keep = filter.grid.is_none_or(|g| ix.within(h.grid, g))
            && filter.color.is_none_or(|c| h.color == c)
            && filter.tag.is_none_or(|tag| h.tags.contains(&tag))
            && filter.member.is_none_or(|m| h.contacts.contains(&m));
        if !keep {
            continue;
        }
        t.push(vec![
            Value::text(ds.name(h.id)),
            Value::Address(h.address.to_string()),
            h.grid.map_or(Value::Empty, |g| Value::text(ix.grid_name(g))),
            Value::text(&*h.head),
            h.phone.as_deref().map_or(Value::Empty, |p| Value::Phone(p.to_string())),
            h.size.map_or(Value::Empty, |n| Value::int(n as usize)),
            Value::label(h.color),
            Value::labels(&h.tags),
            Value::text(h.contacts.iter().map(|&c| ix.member_name(c)).collect::<Vec<_>>().join("、")),
        ]);
    }
    t
}
