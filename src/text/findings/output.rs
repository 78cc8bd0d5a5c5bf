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
    pub errors: usize,
    pub warnings: usize,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// `checked 3 grids, 5 members, …: 2 errors, 1 warning`.
pub fn checked(c: &Checked) -> Text {
    let orgs_en = if c.orgs > 0 { format!("{}, ", plural(c.orgs, "org", "orgs")) } else { String::new() };
    let orgs_zh = if c.orgs > 0 { format!("组织 {} 个、", thousands(c.orgs)) } else { String::new() };
    let meetings_en =
        if c.meetings > 0 { format!(", {}", plural(c.meetings, "meeting", "meetings")) } else { String::new() };
    let meetings_zh = if c.meetings > 0 { format!("、会议 {} 次", thousands(c.meetings)) } else { String::new() };
    let mut more_en = meetings_en;
    let mut more_zh = meetings_zh;
    if c.volunteers > 0 {
        more_en.push_str(&format!(", {}", plural(c.volunteers, "volunteer", "volunteers")));
        more_zh.push_str(&format!("、志愿者 {} 名", thousands(c.volunteers)));
    }
    if c.activities > 0 {
        more_en.push_str(&format!(", {}", plural(c.activities, "activity", "activities")));
        more_zh.push_str(&format!("、活动 {} 项", thousands(c.activities)));
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
