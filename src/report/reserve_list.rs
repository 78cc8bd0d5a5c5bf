//! `gov reserve list`: the reserve cadres (后备力量 / 红色雏雁), one row each. Pure; no I/O.

use chrono::NaiveDate;

use super::index::Index;
use super::reserves::age;
use super::table::{Table, Value, col};
use crate::kinds::reserve::ReserveStatus;

const COLUMNS: &[super::Column] = &[
    col("id", "编号", "id"),
    col("name", "姓名", "name"),
    col("gender", "性别", "gender"),
    col("age", "年龄", "age"),
    col("education", "学历", "education"),
    col("political_status", "政治面貌", "political status"),
    col("grid", "所在网格", "grid"),
    col("org", "所在组织", "org"),
    col("mentor", "培养联系人", "mentor"),
    col("since", "纳入日期", "since"),
    col("trainings", "培训次数", "trainings"),
    col("status", "培养状态", "status"),
];

/// The reserve cadres in file order (only those of `status`, when given); ages as of `today`.
pub fn reserve_table(ix: &Index<'_>, status: Option<ReserveStatus>, today: NaiveDate) -> Table {
    let ds = ix.ds;
    let mut t = Table::new("reserves", COLUMNS).titled(
        format!("{}后备力量（红色雏雁）名册", ds.settings.name),
        format!("{} reserve cadres", ds.settings.name),
    );
    for r in ds.reserves.iter().filter(|r| status.is_none_or(|s| r.status == s)) {
        t.push(vec![
            Value::text(ds.name(r.id)),
            Value::text(&r.name),
            r.gender.map_or(Value::Empty, Value::label),
            r.born.map_or(Value::Empty, |b| Value::int(age(b, today) as usize)),
            r.education.map_or(Value::Empty, Value::label),
            r.political_status.map_or(Value::Empty, Value::label),
            r.grid.map_or(Value::Empty, |g| Value::text(ix.grid_name(g))),
            r.org.map_or(Value::Empty, |s| {
                Value::text(ix.look.org(s).map_or_else(|| ds.name(s), |i| ds.orgs[i].name.as_str()))
            }),
            r.mentor.map_or(Value::Empty, |m| Value::text(ix.member_name(m))),
            r.since.map_or(Value::Empty, Value::Date),
            Value::int(r.trainings.len()),
            Value::label(r.status),
        ]);
    }
    t
}
