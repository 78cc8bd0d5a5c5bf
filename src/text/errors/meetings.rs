//! The errors and hints of the meeting commands (`gov meeting …`).

use crate::finding::shorten;
use crate::kinds::meeting::DecisionStatus;
use crate::model::labels::Labelled;
use crate::text::Text;

/// No meeting has this id.
pub fn no_meeting(id: &str) -> Text {
    let id = shorten(id);
    Text::new(format!("no meeting `{id}`"), format!("没有编号为“{id}”的会议"))
}

/// How to name a meeting.
pub fn hint_meeting_id() -> Text {
    Text::new(
        "give the id as in the file (M-2022-0003); `gov meeting list` lists them",
        "请按文件中的写法填写编号（如 M-2022-0003）；`gov meeting list` 可列出全部会议",
    )
}

/// A decision is named `ID/N`.
pub fn not_a_decision_ref(typed: &str) -> Text {
    let typed = shorten(typed);
    Text::new(
        format!("`{typed}` does not name a decision: write the meeting's id, a slash and the decision's number"),
        format!("“{typed}”不是议定事项的写法：请写会议编号、斜杠和事项序号"),
    )
}

/// The hint under a malformed decision reference.
pub fn hint_decision_ref() -> Text {
    Text::new(
        "for example M-2022-0003/2; `gov meeting show M-2022-0003` lists its decisions",
        "例如 M-2022-0003/2；`gov meeting show M-2022-0003` 可列出该会议的议定事项",
    )
}

/// The meeting has no decision with this number.
pub fn no_decision(id: &str, no: u32) -> Text {
    Text::new(format!("meeting {id} has no decision {no}"), format!("会议 {id} 没有序号为 {no} 的议定事项"))
}

/// The meeting is kept in a CSV file, which holds no decisions.
pub fn meeting_in_csv() -> Text {
    Text::new(
        "the meeting is kept in a CSV file, which holds no decisions; move it to meetings/YYYY/<id>.yaml to record them",
        "该会议记在 CSV 文件中，CSV 无法记录议定事项；请移到 meetings/YYYY/<id>.yaml 后再登记",
    )
}

/// `--from` and the flags that describe the meeting cannot both be given.
pub fn meeting_from_and_flags() -> Text {
    Text::new(
        "give the meeting either with --from FILE or with --date, --kind and --topic, not both",
        "会议内容请用 --from 文件给出，或用 --date、--kind、--topic 等参数给出，二者不能同时使用",
    )
}

/// Without `--from`, the flags a meeting needs.
pub fn meeting_needs(flag: &str) -> Text {
    Text::new(format!("a meeting needs {flag}"), format!("登记会议须给出 {flag}"))
}

/// The hint under a missing meeting flag.
pub fn hint_meeting_needs() -> Text {
    Text::new(
        "give --kind, --topic (and --date, default today), or the whole meeting as a YAML file with --from",
        "请给出 --kind、--topic（--date 不填时为今天），或用 --from 给出整条会议记录的 YAML 文件",
    )
}

/// The `--from` file is not one meeting.
pub fn meeting_file_not_one(path: &str) -> Text {
    Text::new(
        format!("{path} does not hold one meeting (a YAML mapping with date, kind and topic)"),
        format!("{path} 不是一条会议记录（应为含 date、kind、topic 的 YAML 映射）"),
    )
}

/// A meeting with the same date, kind and topic but other content.
pub fn meeting_taken(id: &str, place: &str) -> Text {
    Text::new(
        format!(
            "a meeting of this kind on this topic and date is already recorded as {id} ({place}), with other details"
        ),
        format!("同日同类同议题的会议已登记为 {id}（{place}），但内容不同"),
    )
}

/// The hint under a meeting taken.
pub fn hint_meeting_taken() -> Text {
    Text::new(
        "correct that record (its file), or give this meeting its own topic",
        "请直接修改该会议的文件，或为本次会议另拟议题",
    )
}

/// The decision is done or dropped: no further step.
pub fn decision_closed(id: &str, no: u32, status: DecisionStatus) -> Text {
    let zh = status.zh().trim_start_matches('已');
    Text::new(
        format!("{id}/{no} is {} already: it takes no further step", status.en()),
        format!("{id}/{no} 已{zh}，不再登记后续步骤"),
    )
}

/// The hint under a closed decision.
pub fn hint_decision_closed() -> Text {
    Text::new(
        "record a new decision at a later meeting with `gov meeting decide`",
        "如需继续，请在后续会议中用 `gov meeting decide` 另立议定事项",
    )
}
