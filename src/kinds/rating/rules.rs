//! 星级评定规则: the stars a branch is rated against, as gov.yaml's `stars:` sets them — each
//! star with its criteria and their maximum points, the per-star minimum, the total minimum,
//! and whether the top rating needs an innovation project. How stars are earned is in
//! [`StarRules::earned`] (docs/metrics.md says it in words). Pure; no I/O.

use crate::load::fields::Fields;
use crate::model::labels::labelled;

labelled! {
    /// 佐证指标: a figure gov computes from the folder and shows beside a criterion's score as
    /// evidence (never in its place).
    Figure, "evidence figure" / "佐证指标" {
        /// 联户走访覆盖率: households linked to the branch's members visited in the year.
        Coverage = "coverage", "联户走访覆盖率", "linked households visited", ["联户覆盖率", "覆盖率"];
        /// 走访次数: visits by the branch's members in the year.
        Visits = "visits", "走访次数", "visits", ["走访"];
        /// 办结诉求: problems the branch's members recorded, resolved in the year.
        Resolved = "resolved", "办结诉求", "problems resolved", ["办结", "解决诉求"];
        /// 按时办结率 of those problems.
        OnTime = "on_time", "按时办结率", "on-time rate", ["按时率", "办结及时率"];
        /// 落实率: decisions of meetings the branch convened in the year, carried out.
        DoneRate = "done_rate", "落实率", "decisions carried out", ["议定事项落实率"];
        /// 服务时长: hours the branch's members served in activities (活动与服务) in the year.
        Hours = "hours", "服务时长", "service hours", ["志愿服务时长", "服务时数"];
    }
}

/// One criterion (评分细则) of a star.
#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    pub id: String,
    pub name: String,
    pub max: u32,
    pub figure: Option<Figure>,
}

/// One star (星): its name and criteria; its maximum is theirs summed.
#[derive(Debug, Clone, PartialEq)]
pub struct Star {
    pub id: String,
    pub name: String,
    pub criteria: Vec<Criterion>,
}

impl Star {
    pub fn max(&self) -> u32 {
        self.criteria.iter().map(|c| c.max).sum()
    }
}

/// The rating scheme of gov.yaml's `stars:`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StarRules {
    /// The scheme's name, as the town's document calls it.
    pub scheme: Option<String>,
    pub stars: Vec<Star>,
    /// A star is earned at this many points or more.
    pub star_min: u32,
    /// The top rating (every star) needs this many points in all.
    pub total_min: u32,
    /// The top rating needs an innovation project (创新项目) recorded with the rating.
    pub innovation: bool,
}

/// The fields of `stars:`, of one star, and of one criterion.
pub const RULE_FIELDS: &[&str] = &["scheme", "star_min", "total_min", "innovation", "list"];
pub const STAR_FIELDS: &[&str] = &["id", "name", "criteria"];
pub const CRITERION_FIELDS: &[&str] = &["id", "name", "max", "figure"];

/// What a branch earned under the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Earned {
    /// Points per star, in the rules' order.
    pub per_star: Vec<u32>,
    pub total: u32,
    /// Stars reaching the per-star minimum.
    pub reached: usize,
    /// Stars awarded: those reached, one fewer than all when every star is reached but the
    /// total or the innovation project is missing.
    pub stars: usize,
}

impl StarRules {
    /// The criterion of this id, and the star it belongs to.
    pub fn criterion(&self, id: &str) -> Option<(&Star, &Criterion)> {
        self.stars.iter().find_map(|s| s.criteria.iter().find(|c| c.id == id).map(|c| (s, c)))
    }

    /// The stars earned by scores (criterion id, points); unknown criteria count for nothing.
    pub fn earned<'a>(&self, scores: impl IntoIterator<Item = (&'a str, u32)>, innovation: bool) -> Earned {
        let mut per_star = vec![0u32; self.stars.len()];
        for (id, points) in scores {
            if let Some(i) = self.stars.iter().position(|s| s.criteria.iter().any(|c| c.id == id)) {
                per_star[i] += points;
            }
        }
        let total = per_star.iter().sum();
        let reached = per_star.iter().filter(|&&p| p >= self.star_min).count();
        let all = !self.stars.is_empty() && reached == self.stars.len();
        let top = total >= self.total_min && (!self.innovation || innovation);
        let stars = if all && !top { reached - 1 } else { reached };
        Earned { per_star, total, reached, stars }
    }
}

/// Reads `stars:` from gov.yaml.
pub fn read(f: &mut Fields<'_, '_, '_, '_>) -> Option<StarRules> {
    let map = f.map("stars")?;
    let mut m = Fields::new(map, f.sink(), false);
    let scheme = m.string("scheme", false);
    let star_min = m.number("star_min", 0, 100_000).unwrap_or(0);
    let total_min = m.number("total_min", 0, 1_000_000).unwrap_or(0);
    let innovation = m.boolean("innovation").unwrap_or(false);
    let mut stars = Vec::new();
    for rec in m.records("list").unwrap_or_default() {
        let mut s = Fields::new(rec, m.sink(), false);
        let id = s.id("id", true).map(str::to_owned);
        let name = s.string("name", true);
        let mut criteria = Vec::new();
        for c in s.records("criteria").unwrap_or_default() {
            let mut c = Fields::new(c, s.sink(), false);
            let cid = c.id("id", true).map(str::to_owned);
            let cname = c.string("name", false);
            let max = c.number("max", 0, 100_000);
            let figure = c.labelled::<Figure>("figure", false);
            c.finish(CRITERION_FIELDS);
            if let (Some(id), Some(max)) = (cid, max) {
                criteria.push(Criterion { name: cname.unwrap_or_else(|| id.clone()), id, max, figure });
            }
        }
        s.finish(STAR_FIELDS);
        if let Some(id) = id {
            stars.push(Star { name: name.unwrap_or_else(|| id.clone()), id, criteria });
        }
    }
    m.finish(RULE_FIELDS);
    Some(StarRules { scheme, stars, star_min, total_min, innovation })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(star_min: u32, total_min: u32, innovation: bool) -> StarRules {
        let star = |i: usize| Star {
            id: format!("s{i}"),
            name: format!("s{i}"),
            criteria: vec![Criterion { id: format!("c{i}"), name: format!("c{i}"), max: 100, figure: None }],
        };
        StarRules { scheme: None, stars: (0..5).map(star).collect(), star_min, total_min, innovation }
    }

    #[test]
    fn stars_under_both_schemes() {
        let henan = rules(80, 450, false);
        let s = |p: [u32; 5]| ["c0", "c1", "c2", "c3", "c4"].into_iter().zip(p).collect::<Vec<_>>();
        assert_eq!(henan.earned(s([90, 90, 90, 90, 90]), false).stars, 5);
        // Every star reached but 449 in all: four.
        assert_eq!(henan.earned(s([90, 90, 90, 89, 89]), false).total, 448);
        assert_eq!(henan.earned(s([90, 90, 90, 89, 89]), false).stars, 4);
        assert_eq!(henan.earned(s([90, 90, 90, 90, 79]), false).stars, 4);
        let b = rules(90, 0, true);
        assert_eq!(b.earned(s([95, 95, 95, 95, 95]), true).stars, 5);
        assert_eq!(b.earned(s([95, 95, 95, 95, 95]), false).stars, 4);
        assert_eq!(b.earned(s([95, 95, 95, 89, 95]), true).stars, 4);
        assert_eq!(henan.earned([("nope", 50)], false).total, 0);
    }
}
