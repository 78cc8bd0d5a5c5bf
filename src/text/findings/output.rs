//! How `gov check` prints findings: the severity word, the hint's label and the summary line.

use super::super::Text;
use crate::finding::{Severity, thousands};

// ---- gov check ----

/// The severity before a finding's `[code]`.
pub fn severity(s: Severity) -> Text {
    match s {
        Severity::Error => Text::new("error", "错误"),
        Severity::Warning => Text::new("warning", "警告"),
    }
}

/// The label before a finding's hint.
pub fn hint_label() -> Text {
    Text::new("hint: ", "提示：")
}

/// What `gov check` counted, for its last line.
#[derive(Debug, Clone, Copy, Default)]
pub struct Checked {
    pub grids: usize,
    pub members: usize,
    /// Named only when non-zero (a folder need not keep orgs).
    pub orgs: usize,
    pub households: usize,
    pub visits: usize,
    pub issues: usize,
    /// Named only when non-zero (a folder need not keep meetings).
    pub meetings: usize,
    /// Named only when non-zero, as orgs.
    pub volunteers: usize,
    /// Named only when non-zero, as orgs.
    pub activities: usize,
    /// Named only when non-zero, as orgs.
    pub ratings: usize,
    /// Named only when non-zero, as orgs.
    pub reviews: usize,
    /// Named only when non-zero, as orgs.
    pub projects: usize,
    /// Named only when non-zero, as orgs.
    pub reserves: usize,
    pub errors: usize,
    pub warnings: usize,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// `checked 3 grids, 5 members, …: 2 errors, 1 warning`.
/// What a town's check puts in front of a community's lines.
pub fn community_prefix(name: &str) -> Text {
    Text::new(format!("[{name}] "), format!("【{name}】"))
}

/// A town's summary line: the town, how many communities, and their counts together.
pub fn town_checked(town: &str, communities: usize, all: &Text) -> Text {
    Text::new(
        format!("{town}, {} together: {}", plural(communities, "community", "communities"), all.en()),
        format!("{town} {} 个社区合计，{}", thousands(communities), all.zh()),
    )
}

pub fn checked(c: &Checked) -> Text {
    let orgs_en = if c.orgs > 0 { format!("{}, ", plural(c.orgs, "org", "orgs")) } else { String::new() };
    let orgs_zh = if c.orgs > 0 { format!("组织 {} 个、", thousands(c.orgs)) } else { String::new() };
    // The kinds a folder need not keep, named only when it has some.
    let more = [
        (c.meetings, "meeting", "meetings", "会议", "次"),
        (c.volunteers, "volunteer", "volunteers", "志愿者", "名"),
        (c.activities, "activity", "activities", "活动", "项"),
        (c.ratings, "branch rating", "branch ratings", "支部星级评定", "条"),
        (c.reviews, "member review", "member reviews", "民主评议", "条"),
        (c.projects, "project", "projects", "书记攻关项目", "个"),
        (c.reserves, "reserve cadre", "reserve cadres", "后备力量", "名"),
    ];
    let (mut more_en, mut more_zh) = (String::new(), String::new());
    for (n, one, many, noun, measure) in more.into_iter().filter(|m| m.0 > 0) {
        more_en.push_str(&format!(", {}", plural(n, one, many)));
        more_zh.push_str(&format!("、{noun} {} {measure}", thousands(n)));
    }
    Text::new(
        format!(
            "checked {}, {}, {orgs_en}{}, {}, {}{more_en}: {}, {}",
            plural(c.grids, "grid", "grids"),
            plural(c.members, "member", "members"),
            plural(c.households, "household", "households"),
            plural(c.visits, "visit", "visits"),
            plural(c.issues, "issue", "issues"),
            plural(c.errors, "error", "errors"),
            plural(c.warnings, "warning", "warnings"),
        ),
        format!(
            "已检查：网格 {} 个、党员 {} 名、{orgs_zh}住户 {} 户、走访记录 {} 条、诉求 {} 件{more_zh}；错误 {} 个，警告 {} 个",
            thousands(c.grids),
            thousands(c.members),
            thousands(c.households),
            thousands(c.visits),
            thousands(c.issues),
            thousands(c.errors),
            thousands(c.warnings),
        ),
    )
}
