//! The findings about meetings and their decisions (check/meetings.rs).

use chrono::NaiveDate;

use crate::kinds::meeting::DecisionAction;
use crate::model::labels::Labelled;
use crate::text::Text;

/// `dangling-reference`: a decision's owner that is no org, no member and no department.
pub fn unknown_owner(owner: &str) -> Text {
    Text::new(
        format!("owner `{owner}` is neither an org, a member nor a department listed in gov.yaml"),
        format!("落实责任方“{owner}”既不是组织或党员编号，也不是 gov.yaml 中列出的部门"),
    )
}

/// The hint under an unknown owner.
pub fn unknown_owner_hint(close: Option<&str>) -> Text {
    match close {
        Some(close) => Text::new(
            format!("did you mean `{close}`? write an org's or a member's id, or a department as gov.yaml lists it"),
            format!("是否应为“{close}”？请填写组织或党员编号，或按 gov.yaml 所列名称填写部门"),
        ),
        None => Text::new(
            "write an org's or a member's id, or a department as gov.yaml lists it",
            "请填写组织或党员编号，或按 gov.yaml 所列名称填写部门",
        ),
    }
}

/// `duplicate-id`: two decisions of one meeting with the same number.
pub fn duplicate_decision(no: u32, first_line: u32) -> Text {
    Text::new(
        format!("decision number {no} is already used on line {first_line} of this meeting"),
        format!("议定事项序号 {no} 已在本会议第 {first_line} 行使用"),
    )
}

/// The hint under a duplicate decision number.
pub fn duplicate_decision_hint() -> Text {
    Text::new("number a meeting's decisions 1, 2, 3, …", "请按 1、2、3……为本会议的议定事项编号")
}

/// `decision-due-early`: a decision due before the meeting that made it.
pub fn due_before_meeting(no: u32, due: NaiveDate, meeting: NaiveDate) -> Text {
    Text::new(
        format!("decision {no} is due on {due}, before the meeting ({meeting})"),
        format!("议定事项 {no} 的完成时限 {due} 早于会议日期 {meeting}"),
    )
}

/// The hint under a decision due before its meeting.
pub fn due_before_meeting_hint() -> Text {
    Text::new("correct the due date or the meeting's date", "请改正完成时限或会议日期")
}

/// `decision-order`: a step dated before the meeting that made the decision.
pub fn step_before_meeting(action: DecisionAction, date: NaiveDate, meeting: NaiveDate) -> Text {
    match action {
        DecisionAction::Done => Text::new(
            format!("decision done on {date}, before the meeting that made it ({meeting})"),
            format!("议定事项于 {date} 落实，早于作出决定的会议日期 {meeting}"),
        ),
        _ => Text::new(
            format!("`{action}` on {date} is before the meeting that made the decision ({meeting})"),
            format!("{}（`{action}`）日期 {date} 早于作出决定的会议日期 {meeting}", action.zh()),
        ),
    }
}

/// The hint under a step before the meeting.
pub fn step_before_meeting_hint() -> Text {
    Text::new("correct the step's date or the meeting's date", "请改正该步骤的日期或会议日期")
}

/// `decision-order`: a step dated before the one listed above it.
pub fn step_out_of_order(action: DecisionAction, date: NaiveDate, prev: NaiveDate) -> Text {
    Text::new(
        format!("`{action}` on {date} comes after a step dated {prev}"),
        format!("{}（`{action}`）日期 {date} 早于上一步的日期 {prev}", action.zh()),
    )
}

/// The hint under steps out of order.
pub fn step_out_of_order_hint() -> Text {
    Text::new("a decision's events are a history: list them in date order", "落实经过须按日期先后排列")
}

/// `decision-order`: a step after the decision was dropped or done.
pub fn step_after_end(action: DecisionAction, date: NaiveDate, end: DecisionAction) -> Text {
    let (en, zh) = match end {
        DecisionAction::Dropped => ("dropped", "已不再落实"),
        _ => ("done", "已落实"),
    };
    Text::new(
        format!("`{action}` on {date} after the decision was {en}"),
        format!("议定事项{zh}，其后又记录了“{}”步骤（`{action}`，{date}）", action.zh()),
    )
}

/// The hint under a step after the end.
pub fn step_after_end_hint() -> Text {
    Text::new(
        "a decision done or dropped takes no further step: delete it, or record a new decision at a later meeting",
        "已落实或不再落实的事项不再记录后续步骤：请删除该步骤，或在后续会议中另立议定事项",
    )
}

/// `decision-order`: residents told before the decision was done, or `reported_back` on a step
/// that is not `done`.
pub fn reported_back_early(reported: NaiveDate, done: NaiveDate) -> Text {
    Text::new(
        format!("reported back to residents on {reported}, before the decision was done ({done})"),
        format!("反馈群众日期 {reported} 早于落实日期 {done}"),
    )
}

/// The hint under an early report-back.
pub fn reported_back_early_hint() -> Text {
    Text::new("correct the date it was reported back", "请改正反馈群众的日期")
}

/// `decision-order`: `reported_back` on a step other than `done`.
pub fn reported_back_not_done(action: DecisionAction) -> Text {
    Text::new(
        format!("`reported_back` belongs to a `done` step, not to `{action}`"),
        format!("“反馈群众”（reported_back）只用于落实（done）步骤，不用于{}（`{action}`）", action.zh()),
    )
}

/// The hint under `reported_back` on another step.
pub fn reported_back_not_done_hint() -> Text {
    Text::new("move it to the `done` step, or delete it", "请将其移到落实（done）步骤，或删除")
}

/// `joint-without-department`: a 党建联席会议 that no department attended.
pub fn joint_without_department() -> Text {
    Text::new(
        "Party-building joint meeting (党建联席会议) with no department attending",
        "党建联席会议未记录参会职能部门",
    )
}

/// The hint under a joint meeting without departments.
pub fn joint_without_department_hint() -> Text {
    Text::new(
        "list the departments that attended under `attendees: departments`, or give the meeting another kind",
        "请在 `attendees` 的 `departments` 下列出参会部门，或改填其他会议类别",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_has_its_own_chinese() {
        let d = NaiveDate::from_ymd_opt(2022, 3, 5).unwrap();
        let e = NaiveDate::from_ymd_opt(2022, 3, 1).unwrap();
        for t in [
            unknown_owner("城关局"),
            unknown_owner_hint(Some("城管局")),
            unknown_owner_hint(None),
            duplicate_decision(2, 9),
            duplicate_decision_hint(),
            due_before_meeting(1, e, d),
            due_before_meeting_hint(),
            step_before_meeting(DecisionAction::Done, e, d),
            step_before_meeting(DecisionAction::Progress, e, d),
            step_before_meeting_hint(),
            step_out_of_order(DecisionAction::Progress, e, d),
            step_out_of_order_hint(),
            step_after_end(DecisionAction::Progress, d, DecisionAction::Dropped),
            step_after_end(DecisionAction::Done, d, DecisionAction::Done),
            step_after_end_hint(),
            reported_back_early(e, d),
            reported_back_early_hint(),
            reported_back_not_done(DecisionAction::Progress),
            reported_back_not_done_hint(),
            joint_without_department(),
            joint_without_department_hint(),
        ] {
            assert!(t.zh().chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{}", t.en());
            assert_ne!(t.zh(), t.en());
        }
    }
}
