//! `gov volunteer list`: the volunteer roster (志愿者花名册), one row per volunteer in file order:
//! kind, org, grid, phone (masked), registration, status, skills, and the activities and hours
//! they served in the period. Pure; no I/O.

use super::activity_list::org_name;
use super::index::Index;
use super::period::Period;
use super::table::{Table, Value, col};
use crate::kinds::volunteer::{VolunteerKind, VolunteerStatus};
use crate::model::Sym;

/// Which volunteers to list.
#[derive(Debug, Clone, Default)]
pub struct VolunteerFilter {
    pub kind: Option<VolunteerKind>,
    pub status: Option<VolunteerStatus>,
    pub org: Option<Sym>,
    pub grid: Option<Sym>,
}

const COLUMNS: &[super::Column] = &[
    col("id", "志愿者编号", "id"),
    col("name", "姓名", "name"),
    col("kind", "志愿者类别", "kind"),
    col("org", "所属组织", "org"),
    col("grid", "网格", "grid"),
    col("phone", "联系电话", "phone"),
    col("registered", "注册日期", "registered"),
    col("status", "状态", "status"),
    col("skills", "特长", "skills"),
    col("activities", "参与活动", "activities"),
    col("hours", "服务时长", "hours"),
];

pub fn volunteer_table(ix: &Index<'_>, period: &Period, filter: &VolunteerFilter) -> Table {
    let ds = ix.ds;
    let mut t = Table::new("volunteers", COLUMNS).titled(
        format!("{}志愿者花名册（{}）", ds.settings.name, period.label()),
        format!("{} volunteers ({})", ds.settings.name, period.label()),
    );
    // Activities and hours per volunteer in the period.
    let mut served: std::collections::HashMap<Sym, (usize, f64)> = std::collections::HashMap::new();
    for a in ds.activities.iter().filter(|a| period.contains(a.date)) {
        for p in &a.volunteers {
            let e = served.entry(p.id).or_default();
            e.0 += 1;
            e.1 += a.hours_of(p);
        }
    }
    for v in &ds.volunteers {
        let keep = filter.kind.is_none_or(|k| v.kind == Some(k))
            && filter.status.is_none_or(|s| v.status == s)
            && filter.org.is_none_or(|o| v.org == Some(o))
            && filter.grid.is_none_or(|g| ix.within(v.grid, g));
        if !keep {
            continue;
        }
        let (n, hours) = served.get(&v.id).copied().unwrap_or_default();
        t.push(vec![
            Value::text(ds.name(v.id)),
            Value::text(v.name.as_str()),
            v.kind.map_or(Value::Empty, Value::label),
            v.org.map_or(Value::Empty, |o| Value::text(org_name(ds, o))),
            v.grid.map_or(Value::Empty, |g| Value::text(ix.grid_name(g))),
            v.phone.as_ref().map_or(Value::Empty, |p| Value::Phone(p.clone())),
            v.registered.map_or(Value::Empty, Value::Date),
            Value::label(v.status),
            Value::text(v.skills.join("、")),
            Value::int(n),
            Value::Decimal(hours),
        ]);
    }
    t
}
