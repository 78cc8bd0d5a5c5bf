//! `gov report service`: volunteering and aid (志愿服务与帮扶) for a period — volunteers registered
//! and active, activities and hours by organiser and by kind, and the aid given: people reached
//! by beneficiary type and items by quantity. Definitions are in docs/metrics.md. Pure; no I/O.

use super::Period;
use super::activity_list::{kind_value, org_name};
use super::index::Index;
use super::service_facts as sf;
use super::table::{Table, Value, col};

/// The five tables: the summary, by organiser, by kind, beneficiaries, items.
pub fn service_tables(ix: &Index<'_>, period: &Period) -> Vec<Table> {
    vec![summary(ix, period), by_org(ix, period), by_kind(ix, period), beneficiaries(ix, period), items(ix, period)]
}

fn titled(t: Table, ix: &Index<'_>, period: &Period, zh: &str, en: &str) -> Table {
    let name = &ix.ds.settings.name;
    t.titled(format!("{name}{zh}（{}）", period.label()), format!("{name} {en} ({})", period.label()))
}

pub fn summary(ix: &Index<'_>, period: &Period) -> Table {
    const COLUMNS: &[super::Column] = &[col("figure", "指标", "figure"), col("value", "数值", "value")];
    let ds = ix.ds;
    let mut t = titled(Table::new("service_summary", COLUMNS), ix, period, "志愿服务与帮扶", "volunteering and aid");
    let cumulative = Period::range(chrono::NaiveDate::MIN, period.to);
    let (registered, _) = sf::volunteers_registered(ds, period);
    let (roster, youth) = sf::volunteers_registered(ds, &cumulative);
    let h = sf::hours(ix, period);
    let rows: [(&'static str, &'static str, &'static str, Value); 10] = [
        ("volunteers_registered", "本期注册志愿者", "volunteers registered in the period", Value::int(registered)),
        ("volunteers_on_roster", "在册志愿者", "volunteers on the roster", Value::int(roster)),
        ("youth_volunteers", "其中：团员青年", "of which youth", Value::int(youth)),
        ("volunteers_active", "参与服务志愿者", "volunteers who served", Value::int(sf::volunteers_active(ds, period))),
        ("volunteer_hours", "志愿者服务时长", "volunteers' hours", Value::Decimal(h.volunteers)),
        ("activities", "活动次数", "activities", Value::int(sf::activities_in(ds, period).count())),
        ("service_hours", "服务时长（小时）", "service hours", Value::Decimal(h.total)),
        ("households_served", "服务户数", "households served", Value::int(sf::households_served(ds, period))),
        ("aid_persons", "帮扶人数", "people given aid", Value::int(sf::persons_aided(ds, period) as usize)),
        (
            "persons_reached",
            "受益人数（全部活动）",
            "people reached (every activity)",
            Value::int(sf::persons_reached(ds, period) as usize),
        ),
    ];
    for (code, zh, en, v) in rows {
        t.push(vec![Value::Label { code, zh, en }, v]);
    }
    t.transpose = false;
    t
}

const BY: &[super::Column] =
    &[col("key", "分类", "by"), col("activities", "活动次数", "activities"), col("hours", "服务时长", "hours")];

pub fn by_org(ix: &Index<'_>, period: &Period) -> Table {
    let ds = ix.ds;
    let mut cols = BY.to_vec();
    cols[0] = col("org", "主办单位", "organiser");
    let mut t =
        titled(Table::new("service_by_org", &cols), ix, period, "活动与服务：按主办单位", "activities by organiser");
    for (org, (n, hours)) in sf::by(ds, period, |a| a.orgs.first().copied()) {
        let name = org
            .map_or(Value::Label { code: "none", zh: "未填组织", en: "no org" }, |o| Value::text(org_name(ds, o)));
        t.push(vec![name, Value::int(n), Value::Decimal(hours)]);
    }
    total(&mut t);
    t
}

pub fn by_kind(ix: &Index<'_>, period: &Period) -> Table {
    let ds = ix.ds;
    let mut cols = BY.to_vec();
    cols[0] = col("kind", "活动类别", "kind");
    let mut t = titled(Table::new("service_by_kind", &cols), ix, period, "活动与服务：按类别", "activities by kind");
    for (kind, (n, hours)) in sf::by(ds, period, |a| a.kind.clone()) {
        t.push(vec![kind_value(&kind), Value::int(n), Value::Decimal(hours)]);
    }
    total(&mut t);
    t
}

/// The totals of a by-table: activities and hours.
fn total(t: &mut Table) {
    let n: i64 = t.rows.iter().map(|r| if let Value::Int(n) = r[1] { n } else { 0 }).sum();
    let h: f64 = t.rows.iter().map(|r| if let Value::Decimal(h) = r[2] { h } else { 0.0 }).sum();
    t.total = Some(vec![Value::Empty, Value::Int(n), Value::Decimal(h)]);
}

pub fn beneficiaries(ix: &Index<'_>, period: &Period) -> Table {
    const COLUMNS: &[super::Column] = &[
        col("type", "受益对象", "beneficiaries"),
        col("activities", "活动次数", "activities"),
        col("households", "服务户数", "households"),
        col("persons", "人数", "people"),
    ];
    let mut t = titled(Table::new("aid_beneficiaries", COLUMNS), ix, period, "帮扶对象", "people given aid");
    let list = sf::beneficiaries(ix.ds, period);
    let sum: u64 = list.iter().map(|b| b.persons).sum();
    for b in list {
        t.push(vec![
            Value::text(b.kind),
            Value::int(b.activities),
            Value::int(b.households),
            Value::Int(b.persons as i64),
        ]);
    }
    t.total = Some(vec![Value::Empty, Value::Empty, Value::Empty, Value::Int(sum as i64)]);
    t
}

pub fn items(ix: &Index<'_>, period: &Period) -> Table {
    const COLUMNS: &[super::Column] = &[
        col("item", "物品", "item"),
        col("activities", "活动次数", "activities"),
        col("quantity", "数量", "quantity"),
    ];
    let mut t = titled(Table::new("aid_items", COLUMNS), ix, period, "发放物品", "aid handed out");
    for (item, n, q) in sf::items(ix.ds, period) {
        t.push(vec![Value::text(item), Value::int(n), Value::Int(q as i64)]);
    }
    t
}
