//! What the meeting commands confirm (`gov meeting …`).

use std::path::Path;

use crate::kinds::meeting::DecisionAction;
use crate::model::labels::Labelled;
use crate::text::Text;

/// A meeting was recorded.
pub fn meeting_added(id: &str, rel: &Path, topic: &str) -> Text {
    let p = rel.display();
    Text::new(format!("added meeting {id} ({p}): {topic}"), format!("已登记会议 {id}（{p}）：{topic}"))
}

/// The same meeting is in the folder already.
pub fn meeting_already(id: &str, path: &Path, line: u32) -> Text {
    let p = path.display();
    Text::new(
        format!("already recorded as {id} ({p}:{line}); nothing was written"),
        format!("已有相同会议（编号 {id}，{p}:{line}），未写入任何内容"),
    )
}

/// The commit message of a new meeting.
pub fn meeting_commit(id: &str, topic: &str) -> Text {
    Text::new(format!("meeting: {id} {topic}"), format!("登记会议 {id} {topic}"))
}

/// A decision was recorded (`M-2022-0003/2`).
pub fn decision_added(id: &str, no: u32) -> Text {
    Text::new(format!("{id}/{no}: decision recorded"), format!("{id}/{no}：已登记议定事项"))
}

/// The same decision is the meeting's already.
pub fn decision_already(id: &str, no: u32, path: &Path, line: u32) -> Text {
    let p = path.display();
    Text::new(
        format!("{id}/{no} is already this decision ({p}:{line}); nothing was written"),
        format!("{id}/{no} 已是该议定事项（{p}:{line}），未写入任何内容"),
    )
}

/// The commit message of a new decision.
pub fn decision_commit(id: &str, no: u32) -> Text {
    Text::new(format!("meeting: {id}/{no} decision"), format!("会议 {id}/{no} 议定事项"))
}

/// A step of a decision, as recorded (`M-2022-0003/2: done (已落实) on 2022-11-29`).
pub fn decision_step(id: &str, no: u32, action: DecisionAction, date: &str) -> Text {
    Text::new(
        format!("{id}/{no}: {} ({}) on {date}", action.code(), action.zh()),
        format!("{id}/{no}：{date} {}", action.zh()),
    )
}

/// That step is the decision's last one already.
pub fn decision_step_already(step: &Text, path: &Path, line: u32) -> Text {
    let p = path.display();
    Text::new(
        format!("{} is already recorded ({p}:{line}); nothing was written", step.en()),
        format!("{}，已有记录（{p}:{line}），未写入任何内容", step.zh()),
    )
}

/// The commit message of a decision's step.
pub fn decision_step_commit(id: &str, no: u32, action: DecisionAction, date: &str) -> Text {
    Text::new(
        format!("meeting: {id}/{no} {} ({date})", action.code()),
        format!("会议 {id}/{no} {}（{date}）", action.zh()),
    )
}
