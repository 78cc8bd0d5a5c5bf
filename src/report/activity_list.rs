//! `gov activity list`: the activity ledger (活动台账), one row per activity in the period by date:
//! kind, title, organiser and partners, grid, place, how many members, volunteers and others took
//! part, their hours, households served, people given aid, the aid itself and the problems it
//! solved. Pure; no I/O.

use super::index::Index;
use super::period::Period;
use super::table::{Table, Value, col};
use crate::kinds::activity::{Activity, ActivityType};
use crate::model::{Dataset, Sym};

/// Which activities to list.
#[derive(Debug, Clone, Default)]
pub struct ActivityFilter {
    pub kind: Option<ActivityType>,
    /// Activities serving this grid or a grid under it.
    pub grid: Option<Sym>,
    /// Activities this org organised or joined.
    pub org: Option<Sym>,
}

const COLUMNS: &[super::Column] = &[
    col("id", "活动编号", "id"),
    col("date", "日期", "date"),
    col("kind", "活动类别", "kind"),
    col("title", "活动名称", "title"),
    col("orgs", "组织单位", "orgs"),
    col("grid", "网格", "grid"),
    col("place", "地点", "place"),
    col("members", "参与党员", "members"),
    col("volunteers", "参与志愿者", "volunteers"),
    col("others", "其他参与人数", "others"),
    col("hours", "服务时长", "hours"),
    col("households", "服务户数", "households"),
    col("persons", "受益人数", "people given aid"),
    col("items", "发放物品", "items"),
    col("issues", "解决问题", "problems solved"),
];

/// An org's name, or its id when unknown.
pub fn org_name(ds: &Dataset, s: Sym) -> &str {
    ds.orgs.iter().find(|o| o.id == s).map_or_else(|| ds.name(s), |o| o.name.as_str())
}

/// An activity's kind as a cell: a label, or a custom kind's own name.
pub fn kind_value(kind: &Option<ActivityType>) -> Value {
    match kind {
        None => Value::Empty,
        Some(ActivityType::Builtin(k)) => Value::label(*k),
        Some(ActivityType::Custom(c)) => Value::text(c.as_str()),
    }
}

/// `棉被 7、电风扇 7`.
pub fn items(a: &Activity) -> String {
    a.items
        .iter()
        .map(|i| match i.quantity {
            Some(q) => format!("{} {q}", i.item),
            None => i.item.clone(),
        })
        .collect::<Vec<_>>()
        .join("、")
}

pub fn activity_table(ix: &Index<'_>, period: &Period, filter: &ActivityFilter) -> Table {
    let ds = ix.ds;
    let mut t = Table::new("activities", COLUMNS).titled(
        format!("{}活动台账（{}）", ds.settings.name, period.label()),
        format!("{} activities ({})", ds.settings.name, period.label()),
    );
    let mut list: Vec<&Activity> = ds
        .activities
        .iter()
        .filter(|a| period.contains(a.date))
        .filter(|a| filter.kind.as_ref().is_none_or(|k| a.kind.as_ref() == Some(k)))
        .filter(|a| filter.grid.is_none_or(|g| ix.within(a.grid, g)))
        .filter(|a| filter.org.is_none_or(|o| a.orgs.contains(&o)))
        .collect();
    list.sort_by_key(|a| (a.date, ds.name(a.id)));
    let (mut hours, mut persons, mut members, mut volunteers, mut others) = (0.0, 0, 0, 0, 0);
    for a in list {
        hours += a.total_hours();
        persons += a.persons_reached() as usize;
        members += a.members.len();
        volunteers += a.volunteers.len();
        others += a.others.unwrap_or(0) as usize;
        t.push(vec![
            Value::text(ds.name(a.id)),
            Value::Date(a.date),
            kind_value(&a.kind),
            Value::FreeText(a.title.clone()),
            Value::text(a.orgs.iter().map(|&o| org_name(ds, o)).collect::<Vec<_>>().join("、")),
            a.grid.map_or(Value::Empty, |g| Value::text(ix.grid_name(g))),
            a.place.as_deref().map_or(Value::Empty, |p| Value::Address(p.to_string())),
            Value::int(a.members.len()),
            Value::int(a.volunteers.len()),
            Value::int(a.others.unwrap_or(0) as usize),
            Value::Decimal(a.total_hours()),
            Value::int(a.households.len()),
            Value::int(a.persons_reached() as usize),
            Value::text(items(a)),
            Value::int(a.issues.len()),
        ]);
    }
    let n = t.rows.len();
    let e = || Value::Empty;
    t.total = Some(vec![
        e(),
        e(),
        e(),
        Value::int(n),
        e(),
        e(),
        e(),
        Value::int(members),
        Value::int(volunteers),
        Value::int(others),
        Value::Decimal(hours),
        e(),
        Value::int(persons),
        e(),
        e(),
    ]);
    t
}
