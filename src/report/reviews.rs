//! `gov report reviews --year Y`: the members' review grades (民主评议党员) by branch, each
//! beside the member's own 联户 figures for the year (households linked, households visited,
//! visits); a summary by branch with the active members not reviewed. Pure; no I/O.

use std::collections::BTreeMap;

use super::Period;
use super::index::Index;
use super::table::{Table, Value, col};
use crate::kinds::review::Grade;
use crate::model::labels::{Labelled, MemberStatus};

const BY_BRANCH: &[super::Column] = &[
    col("branch", "支部", "branch"),
    col("reviewed", "参评人数", "reviewed"),
    col("excellent", "优秀", "excellent"),
    col("qualified", "合格", "qualified"),
    col("basically_qualified", "基本合格", "basically qualified"),
    col("unqualified", "不合格", "unqualified"),
    col("excellent_rate", "优秀率", "excellent rate"),
    col("not_reviewed", "未参评党员", "active members not reviewed"),
];

const MEMBERS: &[super::Column] = &[
    col("branch", "支部", "branch"),
    col("member", "党员编号", "member"),
    col("name", "姓名", "name"),
    col("grade", "评议等次", "grade"),
    col("linked", "联系户数", "linked households"),
    col("visited", "走访户数", "households visited"),
    col("visits", "走访次数", "visits"),
    col("note", "备注", "note"),
];

/// Where a branch sorts: named or not, then its place in the orgs file.
type Place = (bool, usize);

/// The two tables of `gov report reviews`.
pub fn reviews_tables(ix: &Index<'_>, year: i32) -> Vec<Table> {
    let ds = ix.ds;
    let name = &ds.settings.name;
    let period = Period::year(year).unwrap_or_else(|| Period::range(chrono::NaiveDate::MIN, chrono::NaiveDate::MIN));
    let reviews: Vec<_> = ds.reviews.iter().filter(|r| r.year == year as u32).collect();
    let branch_of = |m: usize| ds.members[m].branch.as_deref().map(|b| ix.org_text(b)).unwrap_or("");
    // Branches in the order the orgs file lists them, then other names, then none.
    let place = |b: &str| (b.is_empty(), ds.orgs.iter().position(|o| o.name == b).unwrap_or(usize::MAX));

    // Per member: visits and households visited in the year.
    let mut visits = vec![0usize; ds.members.len()];
    let mut seen: Vec<Vec<u32>> = vec![Vec::new(); ds.members.len()];
    for v in ds.visits.iter().filter(|v| period.contains(v.date)) {
        if let (Some(m), Some(h)) = (ix.look.member(v.member), ix.look.household(v.household)) {
            visits[m] += 1;
            seen[m].push(h as u32);
        }
    }
    for s in &mut seen {
        s.sort_unstable();
        s.dedup();
    }

    let mut rows: BTreeMap<(Place, &str, &str), Vec<Value>> = BTreeMap::new();
    let mut counts: BTreeMap<(Place, &str), [usize; 5]> = BTreeMap::new();
    let mut reviewed = vec![false; ds.members.len()];
    for r in &reviews {
        let Some(m) = ix.look.member(r.member) else { continue };
        reviewed[m] = true;
        let member = &ds.members[m];
        let branch = branch_of(m);
        let c = counts.entry((place(branch), branch)).or_default();
        c[0] += 1;
        if let Some(g) = r.grade {
            c[1 + Grade::ALL.iter().position(|&x| x == g).unwrap_or(0)] += 1;
        }
        rows.insert(
            (place(branch), branch, ds.name(member.id)),
            vec![
                Value::opt_text(Some(branch).filter(|b| !b.is_empty())),
                Value::text(ds.name(member.id)),
                Value::text(&member.name),
                r.grade.map_or(Value::Empty, Value::label),
                Value::int(ix.linked[m].len()),
                Value::int(seen[m].len()),
                Value::int(visits[m]),
                r.note.clone().map_or(Value::Empty, Value::FreeText),
            ],
        );
    }
    let mut missing: BTreeMap<&str, usize> = BTreeMap::new();
    for (m, member) in ds.members.iter().enumerate() {
        if member.status == MemberStatus::Active && !reviewed[m] {
            *missing.entry(branch_of(m)).or_default() += 1;
            counts.entry((place(branch_of(m)), branch_of(m))).or_default();
        }
    }

    let mut by_branch = Table::new("reviews", BY_BRANCH)
        .titled(format!("{name}{year}年度民主评议党员结果"), format!("{name} member reviews, {year}"));
    let mut total = [0usize; 6];
    for ((_, branch), c) in &counts {
        let not = missing.get(branch).copied().unwrap_or(0);
        let mut row = vec![Value::opt_text(Some(*branch).filter(|b| !b.is_empty()))];
        row.extend(c.iter().map(|&n| Value::int(n)));
        row.push(Value::ratio(c[1], c[0]));
        row.push(Value::int(not));
        by_branch.push(row);
        for (t, n) in total.iter_mut().zip(c.iter().chain([&not])) {
            *t += n;
        }
    }
    let mut row = vec![Value::Empty];
    row.extend(total[..5].iter().map(|&n| Value::int(n)));
    row.push(Value::ratio(total[1], total[0]));
    row.push(Value::int(total[5]));
    by_branch.total = Some(row);

    let mut members = Table::new("review_members", MEMBERS).titled(
        format!("{name}{year}年度党员评议等次及联户情况"),
        format!("{name} review grades beside each member's linked households, {year}"),
    );
    for row in rows.into_values() {
        members.push(row);
    }
    vec![by_branch, members]
}
