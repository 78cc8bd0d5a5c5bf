//! `gov report reserves`: the reserve cadres (后备力量 / 红色雏雁) in training at the period's
//! end, counted by political status, age band and education; and the trainings attended in the
//! period. Pure; no I/O.

use chrono::{Datelike, NaiveDate};

use super::Period;
use super::index::Index;
use super::table::{Table, Value, col};
use crate::kinds::reserve::{Education, PoliticalStatus, Reserve, ReserveStatus};
use crate::model::labels::Labelled;

const COUNTS: &[super::Column] = &[
    col("group", "分类", "by"),
    col("item", "类别", "group"),
    col("count", "人数", "reserve cadres"),
    col("share", "占比", "share"),
];

const TRAININGS: &[super::Column] = &[
    col("date", "日期", "date"),
    col("reserve", "编号", "id"),
    col("name", "姓名", "name"),
    col("topic", "培训内容", "topic"),
];

/// Age bands as of a day: up to 25, 26–30, 31–35, 36–40, over 40.
const BANDS: &[(u32, &str, &str, &str)] = &[
    (25, "up_to_25", "25岁及以下", "25 or under"),
    (30, "26_30", "26–30岁", "26–30"),
    (35, "31_35", "31–35岁", "31–35"),
    (40, "36_40", "36–40岁", "36–40"),
    (u32::MAX, "over_40", "40岁以上", "over 40"),
];

/// Whole years from `born` to `day`.
pub fn age(born: NaiveDate, day: NaiveDate) -> u32 {
    let mut years = day.year() - born.year();
    if (day.month(), day.day()) < (born.month(), born.day()) {
        years -= 1;
    }
    years.max(0) as u32
}

/// Reserve cadres in training on `day`: entered the roster by then (or undated) and neither
/// appointed nor left.
pub fn in_training<'d>(ix: &Index<'d>, day: NaiveDate) -> impl Iterator<Item = &'d Reserve> {
    ix.ds.reserves.iter().filter(move |r| r.status == ReserveStatus::Training && r.since.is_none_or(|s| s <= day))
}

fn group(code: &'static str, zh: &'static str, en: &'static str) -> Value {
    Value::Label { code, zh, en }
}

/// The two tables of `gov report reserves`.
pub fn reserves_tables(ix: &Index<'_>, period: &Period) -> Vec<Table> {
    let ds = ix.ds;
    let name = &ds.settings.name;
    let day = period.to;
    let roster: Vec<&Reserve> = in_training(ix, day).collect();
    let n = roster.len();
    let mut counts = Table::new("reserves", COUNTS)
        .titled(format!("{name}后备力量（红色雏雁）结构（截至{day}）"), format!("{name} reserve cadres (as of {day})"));
    let by = group("political_status", "政治面貌", "political status");
    for s in PoliticalStatus::ALL {
        let k = roster.iter().filter(|r| r.political_status == Some(*s)).count();
        counts.push(vec![by.clone(), Value::label(*s), Value::int(k), Value::ratio(k, n)]);
    }
    let unknown = |k: usize, rows: &mut Table, by: &Value| {
        if k > 0 {
            rows.push(vec![by.clone(), group("unknown", "未填写", "not given"), Value::int(k), Value::ratio(k, n)]);
        }
    };
    unknown(roster.iter().filter(|r| r.political_status.is_none()).count(), &mut counts, &by);
    let by = group("age", "年龄", "age");
    let mut lower = 0;
    for &(upper, code, zh, en) in BANDS {
        let k = roster.iter().filter(|r| r.born.is_some_and(|b| (lower..=upper).contains(&age(b, day)))).count();
        counts.push(vec![by.clone(), group(code, zh, en), Value::int(k), Value::ratio(k, n)]);
        lower = upper.saturating_add(1);
    }
    unknown(roster.iter().filter(|r| r.born.is_none()).count(), &mut counts, &by);
    let by = group("education", "学历", "education");
    for e in Education::ALL {
        let k = roster.iter().filter(|r| r.education == Some(*e)).count();
        counts.push(vec![by.clone(), Value::label(*e), Value::int(k), Value::ratio(k, n)]);
    }
    unknown(roster.iter().filter(|r| r.education.is_none()).count(), &mut counts, &by);
    counts.total = Some(vec![Value::Empty, Value::Empty, Value::int(n), Value::ratio(n, n)]);

    let mut trainings = Table::new("reserve_trainings", TRAININGS).titled(
        format!("{name}后备力量培训情况（{}）", period.label()),
        format!("{name} reserve cadres' trainings ({})", period.label()),
    );
    let mut list: Vec<(NaiveDate, &Reserve, &str)> = ds
        .reserves
        .iter()
        .flat_map(|r| {
            r.trainings.iter().filter(|t| period.contains(t.date)).map(move |t| (t.date, r, t.topic.as_str()))
        })
        .collect();
    list.sort_by_key(|(d, r, _)| (*d, ds.name(r.id)));
    for (d, r, topic) in list {
        trainings.push(vec![Value::Date(d), Value::text(ds.name(r.id)), Value::text(&r.name), Value::text(topic)]);
    }
    vec![counts, trainings]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_in_whole_years() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(age(d("1997-12-31"), d("2022-12-31")), 25);
        assert_eq!(age(d("1997-01-01"), d("2022-12-31")), 25);
        assert_eq!(age(d("1996-12-31"), d("2022-12-30")), 25);
    }
}
