//! `gov report stars`: each branch's rating for a year under gov.yaml's `stars` — its points
//! per star and in all, the stars earned and its rank; the points per criterion with the
//! rater's evidence and, where the rules name one, a figure computed from the folder beside
//! it (never in its place); branches not rated listed as such. Definitions in docs/metrics.md.
//! Pure; no I/O.

use super::Period;
use super::index::Index;
use super::issue_facts::period_facts;
use super::issues::Tally;
use super::table::{Table, Value, col};
use crate::kinds::org::OrgKind;
use crate::kinds::rating::{Earned, Figure, Rating, StarRules};
use crate::model::labels::{Action, MemberStatus};
use crate::model::{Org, Sym};

const SUMMARY: &[super::Column] = &[
    col("rank", "名次", "rank"),
    col("branch", "支部编号", "branch"),
    col("name", "支部名称", "name"),
    col("rated", "评定情况", "rated"),
    col("total", "总分", "total"),
    col("reached", "达标星数", "stars reached"),
    col("stars", "评定星级", "stars earned"),
    col("five_star", "五星支部", "five-star"),
    col("innovation", "创新项目", "innovation project"),
    col("rater", "评定单位", "rated by"),
];

const PER_STAR: &[super::Column] = &[
    col("branch", "支部名称", "branch"),
    col("star", "星", "star"),
    col("points", "得分", "points"),
    col("max", "满分", "maximum"),
    col("star_min", "得星线", "needed"),
    col("earned", "是否得星", "earned"),
];

const PER_CRITERION: &[super::Column] = &[
    col("branch", "支部名称", "branch"),
    col("star", "星", "star"),
    col("criterion", "评分细则", "criterion"),
    col("max", "满分", "maximum"),
    col("score", "得分", "score"),
    col("evidence", "评分依据", "evidence"),
    col("rater", "评分人", "scored by"),
    col("figure", "佐证指标", "computed figure"),
    col("figure_value", "佐证数值", "computed value"),
];

fn yes_no(b: bool) -> Value {
    if b {
        Value::Label { code: "yes", zh: "是", en: "yes" }
    } else {
        Value::Label { code: "no", zh: "否", en: "no" }
    }
}

/// The branches rated or to be rated: orgs of kind `branch` or `grid_branch`, in file order.
pub fn branches<'d>(ix: &Index<'d>) -> impl Iterator<Item = &'d Org> {
    ix.ds.orgs.iter().filter(|o| matches!(o.kind, Some(OrgKind::Branch | OrgKind::GridBranch)))
}

/// The year's rating of a branch (the first, when there are two).
pub fn rating_of<'d>(ix: &Index<'d>, branch: Sym, year: u32) -> Option<&'d Rating> {
    ix.ds.ratings.iter().find(|r| r.branch == branch && r.year == year)
}

/// Five stars: every star earned (the rules' top rating).
pub fn is_top(rules: &StarRules, e: &Earned) -> bool {
    !rules.stars.is_empty() && e.stars == rules.stars.len()
}

/// The branches earning every star in `year`.
pub fn five_star_branches(ix: &Index<'_>, year: u32) -> usize {
    let Some(rules) = ix.ds.settings.stars.as_ref() else { return 0 };
    branches(ix).filter_map(|o| rating_of(ix, o.id, year)).filter(|r| is_top(rules, &r.earned(rules))).count()
}

/// The members whose `branch` names the org, by its id or its name.
pub fn branch_members(ix: &Index<'_>, org: &Org) -> Vec<usize> {
    let id = ix.ds.name(org.id);
    (0..ix.ds.members.len())
        .filter(|&i| ix.ds.members[i].branch.as_deref().is_some_and(|b| b == id || b == org.name))
        .collect()
}

/// A computed figure for a branch over a year.
pub fn figure(ix: &Index<'_>, org: &Org, period: &Period, f: Figure) -> Value {
    let ds = ix.ds;
    let members = branch_members(ix, org);
    let mut is_member = vec![false; ds.ids.len()];
    for &m in &members {
        is_member[ds.members[m].id.0 as usize] = true;
    }
    let ours = |s: Sym| is_member.get(s.0 as usize).copied().unwrap_or(false);
    match f {
        Figure::Coverage => {
            let mut linked: Vec<u32> = members
                .iter()
                .filter(|&&m| ds.members[m].status == MemberStatus::Active)
                .flat_map(|&m| ix.linked[m].iter().copied())
                .collect();
            linked.sort_unstable();
            linked.dedup();
            let mut visited = vec![false; ds.households.len()];
            for v in ds.visits.iter().filter(|v| period.contains(v.date) && ours(v.member)) {
                if let Some(h) = ix.look.household(v.household) {
                    visited[h] = true;
                }
            }
            Value::ratio(linked.iter().filter(|&&h| visited[h as usize]).count(), linked.len())
        }
        Figure::Visits => Value::int(ds.visits.iter().filter(|v| period.contains(v.date) && ours(v.member)).count()),
        Figure::Resolved | Figure::OnTime => {
            let mut t = Tally::default();
            let mut resolved = 0;
            for i in ds.issues.iter().filter(|i| i.recorded_by.is_some_and(ours)) {
                t.add(&period_facts(i, &ds.settings, period.from, period.to, period.to));
                resolved +=
                    usize::from(i.events.iter().any(|e| e.action == Action::Resolved && period.contains(e.date)));
            }
            if f == Figure::Resolved { Value::int(resolved) } else { Value::ratio(t.on_time, t.resolved) }
        }
        Figure::DoneRate => {
            let held = ds.meetings.iter().filter(|m| m.convened_by == Some(org.id) && period.contains(m.date));
            let t = super::meetings::tally(held, period.to);
            Value::ratio(t.done, t.to_carry_out())
        }
        Figure::Hours => Value::Decimal(
            super::service_facts::activities_in(ds, period)
                .flat_map(|a| a.members.iter().filter(|p| ours(p.id)).map(move |p| a.hours_of(p)))
                .sum(),
        ),
    }
}

/// Ranks by stars earned, then points in all; equal places share a rank (1, 1, 3).
fn ranks(scored: &[(usize, u32)]) -> Vec<usize> {
    scored.iter().map(|&(s, p)| 1 + scored.iter().filter(|&&(s2, p2)| (s2, p2) > (s, p)).count()).collect()
}

/// The three tables of `gov report stars --year Y`.
pub fn stars_tables(ix: &Index<'_>, year: i32) -> Vec<Table> {
    let ds = ix.ds;
    let name = &ds.settings.name;
    let empty = StarRules::default();
    let rules = ds.settings.stars.as_ref().unwrap_or(&empty);
    let period = Period::year(year).unwrap_or_else(|| Period::range(chrono::NaiveDate::MIN, chrono::NaiveDate::MIN));
    let scheme = rules.scheme.as_deref().unwrap_or("");
    let mut summary = Table::new("stars", SUMMARY).titled(
        format!(
            "{name}{year}年度星级支部评定{}",
            if scheme.is_empty() { String::new() } else { format!("：{scheme}") }
        ),
        format!(
            "{name} branch star ratings, {year}{}",
            if scheme.is_empty() { String::new() } else { format!(" ({scheme})") }
        ),
    );
    let mut per_star = Table::new("star_points", PER_STAR)
        .titled(format!("{name}{year}年度各星得分"), format!("{name} points per star, {year}"));
    let mut per_criterion = Table::new("star_criteria", PER_CRITERION).titled(
        format!("{name}{year}年度评分细则及佐证"),
        format!("{name} points per criterion with their evidence, {year}"),
    );

    let list: Vec<&Org> = branches(ix).collect();
    let rated: Vec<(usize, &Rating, Earned)> = list
        .iter()
        .enumerate()
        .filter_map(|(i, o)| rating_of(ix, o.id, year as u32).map(|r| (i, r, r.earned(rules))))
        .collect();
    let rank = ranks(&rated.iter().map(|(_, _, e)| (e.stars, e.total)).collect::<Vec<_>>());
    let mut order: Vec<usize> = (0..rated.len()).collect();
    order.sort_by_key(|&k| (rank[k], rated[k].0));
    for k in order {
        let (i, r, e) = &rated[k];
        let o = list[*i];
        summary.push(vec![
            Value::int(rank[k]),
            Value::text(ds.name(o.id)),
            Value::text(&o.name),
            Value::Label { code: "rated", zh: "已评定", en: "rated" },
            Value::int(e.total as usize),
            Value::int(e.reached),
            Value::int(e.stars),
            yes_no(is_top(rules, e)),
            Value::opt_text(r.innovation.as_deref()),
            Value::opt_text(r.rater.as_deref()),
        ]);
        for (s, &points) in rules.stars.iter().zip(&e.per_star) {
            per_star.push(vec![
                Value::text(&o.name),
                Value::text(&s.name),
                Value::int(points as usize),
                Value::int(s.max() as usize),
                Value::int(rules.star_min as usize),
                yes_no(points >= rules.star_min),
            ]);
            for c in &s.criteria {
                let score = r.scores.iter().find(|x| x.criterion == c.id);
                per_criterion.push(vec![
                    Value::text(&o.name),
                    Value::text(&s.name),
                    Value::text(&c.name),
                    Value::int(c.max as usize),
                    score.map_or(Value::Empty, |x| Value::int(x.points as usize)),
                    score.and_then(|x| x.evidence.clone()).map_or(Value::Empty, Value::FreeText),
                    Value::opt_text(score.and_then(|x| x.rater.as_deref()).or(r.rater.as_deref())),
                    c.figure.map_or(Value::Empty, Value::label),
                    c.figure.map_or(Value::Empty, |f| figure(ix, o, &period, f)),
                ]);
            }
        }
    }
    for (i, o) in list.iter().enumerate() {
        if rated.iter().any(|(j, _, _)| *j == i) {
            continue;
        }
        let mut row = vec![
            Value::Empty,
            Value::text(ds.name(o.id)),
            Value::text(&o.name),
            Value::Label { code: "not_rated", zh: "未评定", en: "not rated" },
        ];
        row.extend(std::iter::repeat_n(Value::Empty, SUMMARY.len() - 4));
        summary.push(row);
    }
    vec![summary, per_star, per_criterion]
}

#[cfg(test)]
mod tests {
    #[test]
    fn equal_places_share_a_rank() {
        assert_eq!(super::ranks(&[(5, 480), (4, 430), (4, 430), (3, 500)]), vec![1, 2, 2, 4]);
    }
}
