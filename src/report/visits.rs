//! `gov visit list`: the detailed visit ledger (走访台账) a member or grid submits: date, member,
//! household (grid, address, head), method, summary, topics, problems raised, companions; sorted
//! by date then member. The summary is free text and may name a room or a mobile number, so it is
//! a [`Value::FreeText`], masked on output unless `--unmask`. Pure; no I/O.

use super::Period;
use super::index::Index;
use super::table::{Table, Value, col};
use crate::model::labels::VisitMethod;
use crate::model::{Sym, Visit};

#[derive(Debug, Clone, Default)]
pub struct VisitFilter {
    pub member: Option<Sym>,
    pub household: Option<Sym>,
    pub grid: Option<Sym>,
    pub method: Option<VisitMethod>,
}

const COLUMNS: &[super::Column] = &[
    col("date", "走访日期", "date"),
    col("member", "走访党员", "member"),
    col("grid", "网格", "grid"),
    col("address", "地址", "address"),
    col("head", "户主", "head"),
    col("method", "走访方式", "method"),
    col("summary", "走访内容", "summary"),
    col("topics", "主题", "topics"),
    col("issues", "发现问题", "problems raised"),
    col("with", "同行党员", "with"),
];

pub fn visit_table(ix: &Index<'_>, period: &Period, filter: &VisitFilter) -> Table {
    let ds = ix.ds;
    let mut visits: Vec<&Visit> = ds
        .visits
        .iter()
        .filter(|v| period.contains(v.date))
        .filter(|v| filter.member.is_none_or(|m| v.member == m))
        .filter(|v| filter.household.is_none_or(|h| v.household == h))
        .filter(|v| filter.method.is_none_or(|m| v.method == m))
        .filter(|v| filter.grid.is_none_or(|g| ix.household(v.household).is_some_and(|h| ix.within(h.grid, g))))
        .collect();
    visits.sort_by(|a, b| (a.date, ds.name(a.member), a.loc).cmp(&(b.date, ds.name(b.member), b.loc)));
    let mut t = Table::new("ledger", COLUMNS).titled(
        format!("{}走访台账（{}）", ds.settings.name, period.label()),
        format!("{} visit ledger ({})", ds.settings.name, period.label()),
    );
    for v in visits {
        let h = ix.household(v.household);
        let names = |ids: &[Sym]| ids.iter().map(|&s| ix.member_name(s)).collect::<Vec<_>>().join("、");
        t.push(vec![
            Value::Date(v.date),
            Value::text(ix.member_name(v.member)),
            h.and_then(|h| h.grid).map_or(Value::Empty, |g| Value::text(ix.grid_name(g))),
            h.map_or_else(|| Value::text(ds.name(v.household)), |h| Value::Address(h.address.to_string())),
            h.map_or(Value::Empty, |h| Value::text(&*h.head)),
            Value::label(v.method),
            Value::FreeText(v.summary().to_string()),
            Value::text(v.topics().join("、")),
            Value::text(v.issues().iter().map(|&i| ds.name(i)).collect::<Vec<_>>().join("、")),
            Value::text(names(v.with())),
        ]);
    }
    t
}
