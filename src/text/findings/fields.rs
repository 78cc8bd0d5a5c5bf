//! Typing a record's fields: missing fields, values of the wrong shape or kind, unknown fields.

use super::super::Text;
use super::Shape;
use crate::model::id::IdProblem;
use crate::model::labels::Labelled;

// ---- required and unknown fields ----

/// `missing-field`: a required field absent or empty.
pub fn missing_field(name: &str) -> Text {
    Text::new(format!("required field `{name}` is missing or empty"), format!("必填字段 `{name}` 缺失或为空"))
}

/// The hint under a missing field.
pub fn missing_field_hint(name: &str) -> Text {
    Text::new(format!("add a value for `{name}`"), format!("请填写 `{name}`"))
}

/// `unknown-field`: a YAML field the format does not define.
pub fn unknown_field(key: &str) -> Text {
    Text::new(format!("unknown field `{key}`"), format!("未知字段 `{key}`"))
}

/// The hint under an unknown field: the closest known one, if any, and every known one.
pub fn unknown_field_hint(close: Option<&str>, known: &[&str]) -> Text {
    let (list, list_zh) = (known.join(", "), known.join("、"));
    match close {
        Some(close) => Text::new(
            format!("did you mean `{close}`? known fields: {list}"),
            format!("是否应为 `{close}`？可用字段：{list_zh}"),
        ),
        None => Text::new(format!("known fields: {list}"), format!("可用字段：{list_zh}")),
    }
}

// ---- values ----

/// `invalid-value`: a field holding a value of the wrong shape (a list where one value goes).
pub fn wrong_shape(name: &str, want: Shape, found: Shape) -> Text {
    Text::new(
        format!("`{name}` should be {}, found {}", want.en(), found.en()),
        format!("`{name}` 应为{}，实际为{}", want.zh(), found.zh()),
    )
}

/// `invalid-value`: an id that breaks the id rules.
pub fn invalid_id(name: &str, value: &str, problem: IdProblem) -> Text {
    let (en, zh) = match problem {
        IdProblem::Empty => ("is empty", "为空"),
        IdProblem::TooLong => ("is longer than 64 characters", "超过 64 个字符"),
        IdProblem::LeadingDot => ("starts with `.`", "以 `.` 开头"),
        IdProblem::BadCharacter => ("may only contain A-Z a-z 0-9 _ - .", "含有 A-Z a-z 0-9 _ - . 以外的字符"),
    };
    Text::new(
        format!("`{name}` value `{value}` is not a valid id: it {en}"),
        format!("`{name}` 的值“{value}”不是有效编号：{zh}"),
    )
}

/// The hint under an invalid id.
pub fn invalid_id_hint() -> Text {
    Text::new(
        "ids are 1-64 characters of A-Z a-z 0-9 _ - . and do not start with `.`",
        "编号为 1 至 64 个字符，只能使用 A-Z a-z 0-9 _ - .，且不能以 `.` 开头",
    )
}

/// `invalid-value`: text that is not a date.
pub fn not_a_date(name: &str, value: &str) -> Text {
    Text::new(format!("`{name}` value `{value}` is not a date"), format!("`{name}` 的值“{value}”不是日期"))
}

/// The hint under a bad date.
pub fn not_a_date_hint() -> Text {
    Text::new("write dates as YYYY-MM-DD, e.g. 2022-03-05", "日期请写成 YYYY-MM-DD，如 2022-03-05")
}

/// `invalid-value`: a value that is none of an enum's.
pub fn not_a_label<E: Labelled>(name: &str, value: &str) -> Text {
    Text::new(
        format!("`{name}` value `{value}` is not a valid {}", E::WHAT),
        format!("`{name}` 的值“{value}”不是有效的{}", E::WHAT_ZH),
    )
}

/// The hint under a bad enum value: the closest value, if any, and every allowed one.
pub fn allowed_hint<E: Labelled>(close: Option<&str>) -> Text {
    let en = E::allowed();
    let zh = allowed_zh::<E>();
    match close {
        Some(close) => {
            Text::new(format!("did you mean `{close}`? allowed: {en}"), format!("是否应为“{close}”？可填：{zh}"))
        }
        None => Text::new(format!("allowed: {en}"), format!("可填：{zh}")),
    }
}

/// An enum's values for a Chinese hint: `home（入户）、phone（电话）`.
fn allowed_zh<E: Labelled>() -> String {
    E::ALL.iter().map(|v| format!("{}（{}）", v.code(), v.zh())).collect::<Vec<_>>().join("、")
}

/// `invalid-value`: an issue category neither built in nor added in gov.yaml.
pub fn not_a_category(value: &str) -> Text {
    Text::new(
        format!("`category` value `{value}` is not a valid issue category"),
        format!("`category` 的值“{value}”不是有效的诉求类别"),
    )
}

/// The hint under a bad category: the built-in ones and the folder's own (`custom`).
pub fn category_hint<E: Labelled>(custom: &[String]) -> Text {
    allowed_and_custom::<E>(custom, "issue_categories", "类别")
}

/// "allowed: the built-in values and the folder's own (`custom`); more under `setting`".
fn allowed_and_custom<E: Labelled>(custom: &[String], setting: &str, noun_zh: &str) -> Text {
    let mut en = E::allowed();
    let mut zh = allowed_zh::<E>();
    for c in custom {
        en.push_str(", ");
        en.push_str(c);
        zh.push('、');
        zh.push_str(c);
    }
    Text::new(
        format!("allowed: {en}; more can be added under {setting} in gov.yaml"),
        format!("可填：{zh}；也可在 gov.yaml 的 {setting} 下增加{noun_zh}"),
    )
}

/// `invalid-value`: a meeting kind gov does not know.
pub fn not_a_meeting_kind(value: &str) -> Text {
    Text::new(format!("`{value}` is not a meeting kind"), format!("“{value}”不是会议类别"))
}

/// The hint under an unknown meeting kind: the built-in kinds and those added in gov.yaml.
pub fn meeting_kind_hint(custom: &[String]) -> Text {
    allowed_and_custom::<crate::kinds::MeetingKind>(custom, "meeting_kinds", "会议类别")
}

/// `invalid-value`: not a whole number in range.
pub fn not_a_number(name: &str, value: &str, min: u32, max: u32) -> Text {
    Text::new(
        format!("`{name}` value `{value}` is not a whole number from {min} to {max}"),
        format!("`{name}` 的值“{value}”不是 {min} 至 {max} 之间的整数"),
    )
}

/// `invalid-value`: neither yes nor no.
pub fn not_yes_no(name: &str, value: &str) -> Text {
    Text::new(format!("`{name}` value `{value}` is not yes or no"), format!("`{name}` 的值“{value}”应为“是”或“否”"))
}

/// The hint under a bad yes/no.
pub fn yes_no_hint() -> Text {
    Text::new("write yes/no (or 是/否)", "请填“是”或“否”（也可填 yes、no）")
}

/// `invalid-value`: gov.yaml's `lang` is not a language gov speaks.
pub fn not_a_language(value: &str) -> Text {
    Text::new(format!("`lang` value `{value}` is not a language"), format!("`lang` 的值“{value}”不是可用的语言代码"))
}

/// A `values` in gov.yaml that names no language.
pub fn not_a_values_language(value: &str) -> Text {
    Text::new(format!("`values` value `{value}` is not a language"), format!("`values` 的值“{value}”不是可用的语言"))
}

/// `invalid-value`: gov.yaml's `kind` is neither a community nor a town.
pub fn not_a_folder_kind(value: &str) -> Text {
    Text::new(
        format!("`kind` value `{value}` is not a kind of folder"),
        format!("`kind` 的值“{value}”不是可用的文件夹类型"),
    )
}

/// The hint under a bad `kind`.
pub fn folder_kind_hint() -> Text {
    Text::new(
        "allowed: community (社区, the default), town (镇, 街道: a gov.yaml listing `communities`)",
        "可填：community（社区，默认）、town（镇、街道：列出 `communities` 的 gov.yaml）",
    )
}

/// The hint under a bad `lang` or `values`.
pub fn language_hint() -> Text {
    Text::new("allowed: zh, en", "可填：zh、en")
}

/// `invalid-value` (`gov visit batch`): a name that fits several records of `kind`.
pub fn ambiguous_name(field: &str, value: &str, n: usize, kind: crate::model::Kind) -> Text {
    Text::new(
        format!("`{field}` value `{value}` names {n} {}s", kind.noun()),
        format!("`{field}` 的值“{value}”同时对应 {n} 个{}", super::noun_zh(kind)),
    )
}

/// The hint under an ambiguous name: the candidates, `id (what shows it)`.
pub fn ambiguous_name_hint(candidates: &[String]) -> Text {
    Text::new(format!("give the id: {}", candidates.join("; ")), format!("请改填编号：{}", candidates.join("；")))
}

// ---- gov.yaml: tag_interval_days ----

/// `invalid-value`: a `tag_interval_days` entry that is neither a number of days nor `none`.
pub fn not_a_tag_interval(tag: &str, value: &str) -> Text {
    Text::new(
        format!(
            "`tag_interval_days` value `{value}` for `{tag}` is neither a number of days from 1 to 3660 nor `none`"
        ),
        format!("`tag_interval_days` 中“{tag}”的值“{value}”应为 1 至 3660 之间的天数，或 none（不走访）"),
    )
}

/// `invalid-value`: a `tag_interval_days` key that is none of the household tags.
pub fn not_a_tag_key(key: &str) -> Text {
    Text::new(
        format!("`tag_interval_days` names `{key}`, which is not a household tag"),
        format!("`tag_interval_days` 中的“{key}”不是住户标签"),
    )
}

/// The hint under a bad tag interval.
pub fn tag_interval_hint() -> Text {
    Text::new(
        "write the days between visits (elderly_alone: 7), or none to take such households off the schedule (vacant: none)",
        "请填写走访间隔天数（如 独居老人: 7）；此类住户不需走访的，填 none 或“不走访”（如 空挂户: 不走访）",
    )
}

/// `invalid-value`: a tag given twice in `tag_interval_days`.
pub fn tag_interval_twice(tag: &str) -> Text {
    Text::new(
        format!("`tag_interval_days` names `{tag}` twice; the first entry is used"),
        format!("`tag_interval_days` 中“{tag}”重复出现，以第一项为准"),
    )
}

/// `invalid-value`: an activity kind neither built in nor added in gov.yaml.
pub fn not_an_activity_kind(value: &str) -> Text {
    Text::new(
        format!("`kind` value `{value}` is not a valid activity kind"),
        format!("`kind` 的值“{value}”不是有效的活动类别"),
    )
}

/// The hint under a bad activity kind: the built-in ones and the folder's own (`custom`).
pub fn activity_kind_hint<E: Labelled>(custom: &[String]) -> Text {
    allowed_and_custom::<E>(custom, "activity_kinds", "类别")
}

/// `invalid-value`: hours that are not a number.
pub fn not_hours(name: &str, value: &str) -> Text {
    Text::new(
        format!("`{name}` value `{value}` is not a number of hours"),
        format!("`{name}` 的值“{value}”不是有效的服务时长"),
    )
}

/// The hint under hours that are not a number.
pub fn hours_hint() -> Text {
    Text::new(
        "write hours as a number (2, 1.5); a participant's own as `M0001:2`",
        "时长请填数字（如 2、1.5）；单个参与人的时长写作“M0001:2”",
    )
}
