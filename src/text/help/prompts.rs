//! The words of the interactive prompts (`gov visit add` in a terminal): labels, the picker's
//! help line, the yes/no question and its answers, and what is said when an answer is wrong.

use super::super::Text;

// ---- prompts ----

/// The label of the member picker.
pub fn member() -> Text {
    Text::new("Visiting member:", "走访党员：")
}

/// The label of the household picker.
pub fn household() -> Text {
    Text::new("Visited household:", "走访住户：")
}

/// The label of the method picker.
pub fn method() -> Text {
    Text::new("Visit method:", "走访方式：")
}

/// The label of the date question.
pub fn date() -> Text {
    Text::new("Visit date:", "走访日期：")
}

/// Said under the date question when the answer is no date.
pub fn not_a_date() -> Text {
    Text::new(
        "not a date: write it as 2024-01-20, 2024/1/20 or 2024年1月20日",
        "不是日期，请写成 2024-01-20、2024/1/20 或 2024年1月20日",
    )
}

/// The label of the summary question.
pub fn summary() -> Text {
    Text::new("Visit summary:", "走访内容：")
}

/// Said under the summary question when the answer is empty.
pub fn summary_empty() -> Text {
    Text::new("write what was discussed or done", "请填写走访内容")
}

/// The label of the activity kind picker (`gov activity add`).
pub fn activity_kind() -> Text {
    Text::new("Activity kind:", "活动类别：")
}

/// The label of the activity's title question.
pub fn activity_title() -> Text {
    Text::new("Activity (what was done):", "活动名称：")
}

/// Said under the title question when the answer is empty.
pub fn activity_title_empty() -> Text {
    Text::new("write what the activity was", "请填写活动名称")
}

/// The label of the activity's date question.
pub fn activity_date() -> Text {
    Text::new("Activity date:", "活动日期：")
}

/// The label of the participants question.
pub fn activity_members() -> Text {
    Text::new(
        "Members who took part (ids, `M0001:3` with hours; `;` between; may be empty):",
        "参与党员（编号，可写作“M0001:3”注明时长，用 ; 分隔；可不填）：",
    )
}

/// The label of the default hours question.
pub fn activity_hours() -> Text {
    Text::new("Hours of each participant (may be empty):", "每人服务时长（小时，可不填）：")
}

/// The question before an activity is written; `what` is the activity in one line.
pub fn record_activity(what: &str) -> Text {
    Text::new(format!("Record {what}?"), format!("登记这项活动：{what}？"))
}

/// The pickers' help line.
pub fn picker_help() -> Text {
    Text::new("↑↓ to move, enter to select, type to filter", "↑↓ 选择，回车确认，输入文字筛选")
}

/// The question before a visit is written; `what` is the visit in one line.
pub fn record(what: &str) -> Text {
    Text::new(format!("Record {what}?"), format!("登记这次走访：{what}？"))
}

/// The answers the yes/no question shows, with the default first in capitals in English.
pub fn yes_no_hint(default: bool) -> Text {
    match default {
        true => Text::new("Y/n", "是/否，默认是"),
        false => Text::new("y/N", "是/否，默认否"),
    }
}

/// A yes or no as it is shown once answered.
pub fn yes_no(answer: bool) -> Text {
    match answer {
        true => Text::new("yes", "是"),
        false => Text::new("no", "否"),
    }
}

/// Said when the answer to a yes/no question is neither.
pub fn yes_no_wrong() -> Text {
    Text::new("answer y (yes) or n (no)", "请回答“是”或“否”（也可输入 y 或 n）")
}

/// Said when the user cancels a prompt.
pub fn cancelled() -> Text {
    Text::new("cancelled; nothing was written", "已取消，没有写入任何内容")
}

/// Said when the terminal cannot be asked; `why` is the prompt library's reason.
pub fn cannot_ask(why: &str) -> Text {
    Text::new(format!("cannot ask: {why}"), format!("无法在终端中逐项询问：{why}"))
}

/// The label of the meeting kind picker (`gov meeting add`).
pub fn meeting_kind() -> Text {
    Text::new("Meeting kind:", "会议类别：")
}

/// The label of the meeting topic question.
pub fn meeting_topic() -> Text {
    Text::new("Topic:", "议题：")
}

/// Said under the topic question when the answer is empty.
pub fn meeting_topic_empty() -> Text {
    Text::new("write what the meeting was about", "请填写会议议题")
}

/// The label of the meeting date question.
pub fn meeting_date() -> Text {
    Text::new("Date held:", "开会日期：")
}

/// An answer to a yes/no question, in either language whatever gov speaks: 是/否, 是的, 对,
/// 好, 不, y/n, yes/no.
pub fn parse_yes_no(answer: &str) -> Option<bool> {
    let a = answer.trim().to_lowercase();
    match a.as_str() {
        "y" | "yes" | "是" | "是的" | "对" | "好" | "确认" => Some(true),
        "n" | "no" | "否" | "不" | "不是" | "取消" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yes_and_no_in_both_languages() {
        for (typed, meant) in [("是", true), ("否", false), ("y", true), ("N", false), ("Yes", true), ("no", false)] {
            assert_eq!(parse_yes_no(typed), Some(meant), "{typed}");
        }
        assert_eq!(parse_yes_no("也许"), None);
    }
}
