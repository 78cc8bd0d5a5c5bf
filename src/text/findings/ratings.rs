//! The findings about branch ratings, member reviews, secretaries' projects and reserve cadres
//! (check/ratings.rs).

use chrono::NaiveDate;

use crate::kinds::project::ProjectAction;
use crate::model::labels::{Labelled, MemberStatus};
use crate::text::Text;

/// `score-over-max`: a score above its criterion's maximum.
pub fn score_over_max(criterion: &str, score: u32, max: u32) -> Text {
    Text::new(
        format!("criterion `{criterion}` is scored {score}, above its maximum of {max}"),
        format!("评分细则“{criterion}”得分 {score} 分，超过满分 {max} 分"),
    )
}

/// The hint under a score above its maximum.
pub fn score_over_max_hint() -> Text {
    Text::new(
        "correct the score, or the criterion's `max` in gov.yaml `stars`",
        "请改正得分，或改正 gov.yaml `stars` 中该细则的满分（max）",
    )
}

/// `rating-not-branch`: a rating of an org that is not a Party branch.
pub fn rating_not_branch(org: &str, name: &str, kind: &str, kind_zh: &str) -> Text {
    Text::new(
        format!("org `{org}` ({name}) is rated, but it is a {kind}, not a Party branch"),
        format!("被评定的组织“{org}”（{name}）是{kind_zh}，不是党支部"),
    )
}

/// The hint under a rating of an org that is not a branch.
pub fn rating_not_branch_hint() -> Text {
    Text::new(
        "rate a `branch` or `grid_branch` org, or correct the org's `kind`",
        "请填写党支部或网格党支部的编号，或改正该组织的类别（kind）",
    )
}

/// `unknown-criterion`: a score of a criterion gov.yaml's `stars` does not name.
pub fn unknown_criterion(criterion: &str) -> Text {
    Text::new(
        format!("criterion `{criterion}` is not among the rules in gov.yaml `stars`"),
        format!("评分细则“{criterion}”不在 gov.yaml `stars` 的评定规则中"),
    )
}

/// The hint under an unknown criterion.
pub fn unknown_criterion_hint(close: Option<&str>, rules: bool) -> Text {
    match (close, rules) {
        (Some(close), _) => Text::new(
            format!("did you mean `{close}`? write a criterion id as gov.yaml `stars` lists it"),
            format!("是否应为“{close}”？请按 gov.yaml `stars` 所列编号填写评分细则"),
        ),
        (None, true) => Text::new(
            "write a criterion id as gov.yaml `stars` lists it, or add the criterion there",
            "请按 gov.yaml `stars` 所列编号填写评分细则，或在其中增加该细则",
        ),
        (None, false) => Text::new(
            "gov.yaml has no `stars`: copy a scheme from data-template/stars-*.yaml into it",
            "gov.yaml 尚未设置 `stars`：请将 data-template/stars-*.yaml 中的评定规则复制进去",
        ),
    }
}

/// `review-not-member`: a review of someone who is not a member.
pub fn review_not_member(id: &str) -> Text {
    Text::new(format!("`{id}` is reviewed, but is not a member"), format!("评议对象“{id}”不是党员"))
}

/// The hint under a review of a non-member.
pub fn review_not_member_hint(close: Option<&str>) -> Text {
    match close {
        Some(close) => Text::new(
            format!("did you mean `{close}`? only members are reviewed (民主评议党员)"),
            format!("是否应为“{close}”？民主评议的对象只能是党员"),
        ),
        None => Text::new(
            "write a member's id: only members are reviewed (民主评议党员)",
            "请填写党员编号，民主评议的对象只能是党员",
        ),
    }
}

/// `mentor-inactive`: a reserve cadre whose mentor is not an active member.
pub fn mentor_inactive(reserve: &str, name: &str, mentor: &str, mentor_name: &str, status: MemberStatus) -> Text {
    Text::new(
        format!(
            "reserve cadre `{reserve}` ({name}) has mentor `{mentor}` ({mentor_name}), whose status is {} ({})",
            status.code(),
            status.zh()
        ),
        format!("后备力量“{reserve}”（{name}）的培养联系人“{mentor}”（{mentor_name}）状态为“{}”", status.zh()),
    )
}

/// The hint under an inactive mentor.
pub fn mentor_inactive_hint() -> Text {
    Text::new("name an active member as mentor", "请改由状态正常的党员担任培养联系人")
}

/// `project-order`: a project's step out of order.
pub fn project_step_out_of_order(action: ProjectAction, date: NaiveDate, before: NaiveDate) -> Text {
    Text::new(
        format!("{} on {date} comes after a step dated {before}", action.en()),
        format!("{date}“{}”记在 {before} 的记录之后，顺序颠倒", action.zh()),
    )
}

/// `project-order`: a step after the project was done or dropped.
pub fn project_step_after_end(action: ProjectAction, date: NaiveDate) -> Text {
    Text::new(
        format!("{} on {date} comes after the project was done or dropped", action.en()),
        format!("{date}“{}”记在项目完成或终止之后", action.zh()),
    )
}

/// `project-order`: shared as a template before it was done.
pub fn project_shared_before_done(date: NaiveDate) -> Text {
    Text::new(
        format!("shared as a template on {date}, before the project was done"),
        format!("{date}推广为模板，但项目尚未完成"),
    )
}

/// The hint under a project step out of order.
pub fn project_order_hint() -> Text {
    Text::new(
        "keep steps in date order; after done only shared_as_template may follow",
        "请按日期顺序记录；项目完成后只能再记“推广为模板”",
    )
}

/// `duplicate-id`: a second rating of one branch for one year.
pub fn duplicate_rating(branch: &str, year: u32, first: &str) -> Text {
    Text::new(
        format!("branch `{branch}` is already rated for {year} at {first}"),
        format!("支部“{branch}”{year}年度的星级评定已记在 {first}"),
    )
}

/// `duplicate-id`: a second review of one member for one year.
pub fn duplicate_review(member: &str, year: u32, first: &str) -> Text {
    Text::new(
        format!("member `{member}` is already reviewed for {year} at {first}"),
        format!("党员“{member}”{year}年度的民主评议已记在 {first}"),
    )
}

/// The hint under a second rating or review.
pub fn duplicate_rating_hint() -> Text {
    Text::new(
        "keep one record per year: remove this one, or correct its `year`",
        "每年只保留一条记录：请删除本条，或改正其年度（year）",
    )
}

/// `star-rules`: a criterion id listed twice in gov.yaml's `stars`.
pub fn criterion_twice(criterion: &str) -> Text {
    Text::new(
        format!("criterion `{criterion}` is listed twice in gov.yaml `stars`; scores count for the first"),
        format!("gov.yaml `stars` 中评分细则“{criterion}”出现了两次，得分只计入第一处"),
    )
}

/// `star-rules`: a star whose criteria cannot reach the per-star minimum.
pub fn star_out_of_reach(star: &str, max: u32, star_min: u32) -> Text {
    Text::new(
        format!("star `{star}` can score at most {max} points, below `star_min` {star_min}: no branch can earn it"),
        format!("“{star}”各项细则满分合计 {max} 分，低于单星得星线 {star_min} 分，任何支部都无法得星"),
    )
}

/// The hint under a mistake in the rules.
pub fn star_rules_hint() -> Text {
    Text::new(
        "compare gov.yaml `stars` with the town's scoring rules (data-template/stars-*.yaml are examples)",
        "请对照镇里的评分细则核对 gov.yaml `stars`（data-template/stars-*.yaml 可作参考）",
    )
}
