//! `gov report dual`: the 双报到 ledger (双报到台账) — per unit, its in-service members, how many
//! registered with the community and how many served in the period, their activities, hours
//! and the problems they solved, the unit's report-in and service rates; then per in-service
//! member, their registration, pledge, grid, activities, hours, problems solved and whether the
//! yearly hours target (gov.yaml `dual_report.hours_per_year`) is met. Definitions are in
//! docs/metrics.md. Pure; no I/O.

use std::collections::HashSet;

use super::Period;
use super::index::Index;
use super::service_facts::{member_service, solved_by_in_service};
use super::table::{Table, Value, col};
use crate::model::labels::{MemberKind, MemberStatus};
use crate::model::{Member, Sym};

const UNITS: &[super::Column] = &[
    col("unit", "报到单位", "unit"),
    col("in_service", "在职党员", "in-service members"),
    col("registered", "已报到", "registered"),
    col("report_in_rate", "报到率", "report-in rate"),
    col("served", "参与服务", "served"),
    col("service_rate", "服务率", "service rate"),
    col("activities", "参与活动", "activities"),
    col("hours", "服务时长", "hours"),
    col("solved", "解决问题", "problems solved"),
];

const MEMBERS: &[super::Column] = &[
    col("id", "党员编号", "id"),
    col("name", "姓名", "name"),
    col("unit", "工作单位", "unit"),
    col("registered", "报到日期", "registered"),
    col("mode", "报到方式", "mode"),
    col("grid", "报到网格", "grid"),
    col("pledge", "承诺", "pledge"),
    col("activities", "参与活动", "activities"),
    col("hours", "服务时长", "hours"),
    col("solved", "解决问题", "problems solved"),
    col("target_met", "达到年度时长", "yearly hours met"),
];

/// The in-service members on the roster (status active), in file order.
fn in_service<'d>(ix: &Index<'d>) -> Vec<&'d Member> {
    ix.ds.members.iter().filter(|m| m.kind == Some(MemberKind::InService) && m.status == MemberStatus::Active).collect()
}

/// Registered with the community by the period's end.
fn registered(m: &Member, period: &Period) -> bool {
    m.registered.is_some_and(|d| d <= period.to)
}

/// The two tables: by unit, then by member.
pub fn dual_tables(ix: &Index<'_>, period: &Period) -> Vec<Table> {
    vec![unit_table(ix, period), member_table(ix, period)]
}

pub fn unit_table(ix: &Index<'_>, period: &Period) -> Table {
    let ds = ix.ds;
    let mut t = Table::new("dual_units", UNITS).titled(
        format!("{}双报到台账：按单位（{}）", ds.settings.name, period.label()),
        format!("{} dual registration by unit ({})", ds.settings.name, period.label()),
    );
    let members = in_service(ix);
    let service = member_service(ix, period);
    let solved_now: HashSet<Sym> = solved_by_in_service(ix, period).into_iter().collect();
    // Units in the order their first member appears.
    let mut units: Vec<Option<&str>> = Vec::new();
    for m in &members {
        let u = m.unit.as_deref().map(str::trim);
        if !units.contains(&u) {
            units.push(u);
        }
    }
    let mut all = (0, 0, 0, 0.0);
    let mut all_acts: HashSet<Sym> = HashSet::new();
    let mut all_solved: HashSet<Sym> = HashSet::new();
    for unit in units {
        let of: Vec<&Member> = members.iter().copied().filter(|m| m.unit.as_deref().map(str::trim) == unit).collect();
        let ids: HashSet<Sym> = of.iter().map(|m| m.id).collect();
        let reg = of.iter().filter(|m| registered(m, period)).count();
        let served =
            of.iter().filter(|m| registered(m, period) && service.get(&m.id).is_some_and(|s| s.activities > 0)).count();
        let hours: f64 = of.iter().filter_map(|m| service.get(&m.id)).map(|s| s.hours).sum();
        let acts: HashSet<Sym> = ds
            .activities
            .iter()
            .filter(|a| period.contains(a.date) && a.members.iter().any(|p| ids.contains(&p.id)))
            .map(|a| a.id)
            .collect();
        let solved = solved_of(ix, &ids, &solved_now);
        t.push(vec![
            unit.map_or(Value::Label { code: "none", zh: "未填单位", en: "no unit" }, |u| {
                Value::text(ix.org_text(u))
            }),
            Value::int(of.len()),
            Value::int(reg),
            Value::ratio(reg, of.len()),
            Value::int(served),
            Value::ratio(served, reg),
            Value::int(acts.len()),
            Value::Decimal(hours),
            Value::int(solved.len()),
        ]);
        all.0 += of.len();
        all.1 += reg;
        all.2 += served;
        all.3 += hours;
        all_acts.extend(acts);
        all_solved.extend(solved);
    }
    t.total = Some(vec![
        Value::Empty,
        Value::int(all.0),
        Value::int(all.1),
        Value::ratio(all.1, all.0),
        Value::int(all.2),
        Value::ratio(all.2, all.1),
        Value::int(all_acts.len()),
        Value::Decimal(all.3),
        Value::int(all_solved.len()),
    ]);
    t
}

/// The problems solved in the period (`solved`) that `members` recorded or took part in solving.
fn solved_of(ix: &Index<'_>, members: &HashSet<Sym>, solved: &HashSet<Sym>) -> HashSet<Sym> {
    let ds = ix.ds;
    let mut out: HashSet<Sym> = ds
        .issues
        .iter()
        .filter(|i| solved.contains(&i.id) && i.recorded_by.is_some_and(|m| members.contains(&m)))
        .map(|i| i.id)
        .collect();
    for a in ds.activities.iter().filter(|a| a.members.iter().any(|p| members.contains(&p.id))) {
        out.extend(a.issues.iter().copied().filter(|i| solved.contains(i)));
    }
    out
}

pub fn member_table(ix: &Index<'_>, period: &Period) -> Table {
    let ds = ix.ds;
    let mut t = Table::new("dual_members", MEMBERS).titled(
        format!("{}双报到台账：在职党员（{}）", ds.settings.name, period.label()),
        format!("{} in-service members ({})", ds.settings.name, period.label()),
    );
    let service = member_service(ix, period);
    let target = ds.settings.dual_hours_per_year;
    for m in in_service(ix) {
        let s = service.get(&m.id).cloned().unwrap_or_default();
        let met = target.map_or(Value::Empty, |h| {
            let yes = s.hours + 1e-9 >= f64::from(h);
            Value::Label {
                code: if yes { "yes" } else { "no" },
                zh: if yes { "是" } else { "否" },
                en: if yes { "yes" } else { "no" },
            }
        });
        t.push(vec![
            Value::text(ds.name(m.id)),
            Value::text(m.name.as_str()),
            m.unit.as_deref().map_or(Value::Empty, |u| Value::text(ix.org_text(u))),
            m.registered.map_or(Value::Empty, Value::Date),
            m.registered_mode.map_or(Value::Empty, Value::label),
            m.registered_grid.or(m.grid).map_or(Value::Empty, |g| Value::text(ix.grid_name(g))),
            m.pledge.as_deref().map_or(Value::Empty, |p| Value::FreeText(p.to_string())),
            Value::int(s.activities),
            Value::Decimal(s.hours),
            Value::int(s.solved),
            met,
        ]);
    }
    t
}
