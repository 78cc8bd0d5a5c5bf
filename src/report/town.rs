//! A town's reports from its communities' own: each community's table is computed on its own
//! dataset with its own settings, and the town's rows are put together from them here. Counts,
//! shares (numerator over denominator) and hours add up across communities, because no record
//! belongs to two: H00001 in two communities are two households, so a town's distinct
//! households or members are the sum of its communities'. Medians cannot be added; the reports
//! that have them pool their communities' figures themselves ([`super::issues::issues_town_table`],
//! [`super::whistles::whistles_town_table`]). Pure; no I/O.

use chrono::NaiveDate;

use super::due::schedule;
use super::index::Index;
use super::table::{Column, Table, Value, col};
use crate::model::labels::Color;

/// A community's name and its own report.
pub type Part<'a> = (&'a str, Table);

/// The column that names the community.
pub const COMMUNITY: Column = col("community", "社区", "community");

/// Two cells of the same column in two communities' tables, added: counts, shares (numerator
/// and denominator each) and decimals; anything else (a name, a label) is not a figure and
/// gives an empty cell.
pub fn add(a: &Value, b: &Value) -> Value {
    match (a, b) {
        (Value::Empty, v) | (v, Value::Empty) if v.is_numeric() => v.clone(),
        (Value::Int(x), Value::Int(y)) => Value::Int(x + y),
        (Value::Decimal(x), Value::Decimal(y)) => Value::Decimal(x + y),
        (Value::Int(x), Value::Decimal(y)) | (Value::Decimal(y), Value::Int(x)) => Value::Decimal(*x as f64 + y),
        (Value::Ratio { num: n1, den: d1 }, Value::Ratio { num: n2, den: d2 }) => {
            Value::Ratio { num: n1 + n2, den: d1 + d2 }
        }
        _ => Value::Empty,
    }
}

/// The sum of rows, cell by cell ([`add`]); `None` for no rows.
pub fn sum_rows<'r>(mut rows: impl Iterator<Item = &'r Vec<Value>>) -> Option<Vec<Value>> {
    let first = rows.next()?.clone();
    Some(rows.fold(first, |acc, r| acc.iter().zip(r).map(|(a, b)| add(a, b)).collect()))
}

/// A community's title made the town's: the community's name at its start becomes the town's.
pub fn retitle(t: &mut Table, community: &str, town: &str) {
    for title in [&mut t.title_zh, &mut t.title_en] {
        if let Some(rest) = title.strip_prefix(community) {
            *title = format!("{town}{rest}");
        }
    }
}

/// How many leading columns of a table name its rows (the cells its totals row leaves empty).
fn key_columns(t: &Table) -> usize {
    t.total.as_ref().map_or(0, |total| total.iter().take_while(|v| matches!(v, Value::Empty)).count())
}

/// One row per community, holding its table's totals row (a table without one, its single
/// row), under the community's name; the town's total is their sum. The tables must be one
/// report's, each community's.
pub fn by_community(town: &str, parts: &[Part<'_>]) -> Table {
    let Some((first_name, first)) = parts.first() else { return Table::new("town", &[COMMUNITY]) };
    let keys = key_columns(first);
    let mut columns = vec![COMMUNITY];
    columns.extend_from_slice(&first.columns[keys..]);
    let mut t = Table::new(first.name, &columns);
    t.title_zh = first.title_zh.clone();
    t.title_en = first.title_en.clone();
    retitle(&mut t, first_name, town);
    for (name, table) in parts {
        let figures = table.total.as_ref().or(table.rows.first());
        let mut row = vec![Value::text(*name)];
        match figures {
            Some(f) => row.extend(f[keys..].iter().cloned()),
            None => row.extend(std::iter::repeat_n(Value::Empty, columns.len() - 1)),
        }
        t.push(row);
    }
    t.total = sum_rows(t.rows.iter()).map(|mut total| {
        total[0] = Value::Empty;
        total
    });
    t
}

/// Every community's rows under its name, in the order given; the town's total is the sum of
/// the communities' totals rows.
pub fn prefixed(town: &str, parts: &[Part<'_>]) -> Table {
    let Some((first_name, first)) = parts.first() else { return Table::new("town", &[COMMUNITY]) };
    let mut columns = vec![COMMUNITY];
    columns.extend_from_slice(&first.columns);
    let mut t = Table::new(first.name, &columns);
    t.title_zh = first.title_zh.clone();
    t.title_en = first.title_en.clone();
    t.transpose = false;
    retitle(&mut t, first_name, town);
    for (name, table) in parts {
        for r in &table.rows {
            let mut row = vec![Value::text(*name)];
            row.extend(r.iter().cloned());
            t.push(row);
        }
    }
    if first.total.is_some() {
        t.total = sum_rows(parts.iter().filter_map(|(_, p)| p.total.as_ref())).map(|total| {
            let mut row = vec![Value::Empty];
            row.extend(total);
            row
        });
    }
    t
}

/// The town's figures where each row is one figure (`gov stats`): rows matched by their first
/// `keys` cells (scope and figure) and added cell by cell. A row only some communities have (the
/// service figures of those that keep activities) is the sum of those that have it, in the
/// place the first of them gives it.
pub fn summed(town: &str, parts: &[Part<'_>], keys: usize) -> Table {
    let Some((first_name, first)) = parts.first() else { return Table::new("town", &[]) };
    let mut t = first.clone();
    retitle(&mut t, first_name, town);
    for (_, table) in &parts[1..] {
        let mut at = 0;
        for r in &table.rows {
            match t.rows.iter().position(|row| row[..keys] == r[..keys]) {
                Some(i) => {
                    let sum: Vec<Value> = t.rows[i].iter().zip(r).map(|(a, b)| add(a, b)).collect();
                    t.rows[i][keys..].clone_from_slice(&sum[keys..]);
                    at = i + 1;
                }
                None => {
                    t.rows.insert(at, r.clone());
                    at += 1;
                }
            }
        }
    }
    t
}

const DUE_COLUMNS: &[Column] = &[
    COMMUNITY,
    col("households", "户数", "households"),
    col("on_schedule", "应走访户数", "households on the schedule"),
    col("overdue", "逾期户数", "overdue"),
    col("overdue_rate", "逾期率", "share overdue"),
    col("overdue_red", "其中：红色", "of which red"),
    col("overdue_yellow", "其中：黄色", "of which yellow"),
    col("overdue_green", "其中：绿色", "of which green"),
    col("never_visited", "从未走访", "never visited"),
];

/// Households overdue for a visit as of `as_of`, one row per community (each by its own
/// intervals): households, those on the schedule (not exempt), overdue and their share, by
/// colour, and those never visited; the town's total.
pub fn due_town_table(town: &str, parts: &[(&str, &Index<'_>)], as_of: NaiveDate) -> Table {
    let mut t = Table::new("due", DUE_COLUMNS).titled(
        format!("{town}逾期未访户数（截至 {as_of}）"),
        format!("{town} households overdue for a visit (as of {as_of})"),
    );
    for (name, ix) in parts {
        let due = schedule(ix, as_of);
        let overdue: Vec<_> = due.iter().filter(|d| d.overdue()).collect();
        let by = |c: Color| overdue.iter().filter(|d| ix.ds.households[d.household].color == c).count();
        let on_schedule = due.iter().filter(|d| d.exempt.is_none()).count();
        t.push(vec![
            Value::text(*name),
            Value::int(ix.ds.households.len()),
            Value::int(on_schedule),
            Value::int(overdue.len()),
            Value::ratio(overdue.len(), on_schedule),
            Value::int(by(Color::Red)),
            Value::int(by(Color::Yellow)),
            Value::int(by(Color::Green)),
            Value::int(overdue.iter().filter(|d| d.last.is_none()).count()),
        ]);
    }
    t.total = sum_rows(t.rows.iter()).map(|mut total| {
        total[0] = Value::Empty;
        total
    });
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(name: &'static str, rows: Vec<Vec<Value>>, total: Option<Vec<Value>>) -> Table {
        let columns = [col("grid", "网格", "grid"), col("n", "数", "n"), col("r", "率", "r")];
        let mut t = Table::new(name, &columns).titled("甲社区表", "甲社区 table");
        t.rows = rows;
        t.total = total;
        t
    }

    #[test]
    fn figures_add_and_names_do_not() {
        assert_eq!(add(&Value::Int(2), &Value::Int(3)), Value::Int(5));
        assert_eq!(add(&Value::ratio(1, 4), &Value::ratio(3, 4)), Value::ratio(4, 8));
        assert_eq!(add(&Value::Empty, &Value::Int(3)), Value::Int(3));
        assert_eq!(add(&Value::Empty, &Value::Empty), Value::Empty);
        assert_eq!(add(&Value::text("a"), &Value::text("a")), Value::Empty);
        assert_eq!(add(&Value::Decimal(1.5), &Value::Int(2)), Value::Decimal(3.5));
    }

    #[test]
    fn by_community_takes_each_total_and_adds_them() {
        let a = table(
            "x",
            vec![vec![Value::text("G1"), Value::Int(1), Value::ratio(1, 2)]],
            Some(vec![Value::Empty, Value::Int(1), Value::ratio(1, 2)]),
        );
        let b = table("x", vec![], Some(vec![Value::Empty, Value::Int(4), Value::ratio(3, 6)]));
        let t = by_community("河湾镇", &[("甲社区", a), ("乙社区", b)]);
        assert_eq!(t.title_zh, "河湾镇表");
        assert_eq!(t.columns.iter().map(|c| c.key).collect::<Vec<_>>(), ["community", "n", "r"]);
        assert_eq!(t.rows[1], vec![Value::text("乙社区"), Value::Int(4), Value::ratio(3, 6)]);
        assert_eq!(t.total, Some(vec![Value::Empty, Value::Int(5), Value::ratio(4, 8)]));
    }

    #[test]
    fn summed_matches_rows_by_key_and_keeps_rows_only_some_have() {
        let row = |k: &str, n: i64| vec![Value::text(k), Value::Int(n), Value::Empty];
        let a = table("s", vec![row("visits", 2), row("issues", 1)], None);
        let b = table("s", vec![row("visits", 5), row("hours", 7), row("issues", 1)], None);
        let t = summed("镇", &[("甲社区", a), ("乙社区", b)], 1);
        assert_eq!(t.rows, vec![row("visits", 7), row("hours", 7), row("issues", 2)]);
    }
}
