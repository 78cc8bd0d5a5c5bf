//! The checks over a loaded folder: ids, references, dates, events, contacts, visits, phones,
//! cycles, orgs, and the summary of repeated findings.

use chrono::NaiveDate;

use super::super::Text;
use super::noun_zh;
use crate::model::Kind;
use crate::model::labels::{Action, Color, Labelled, MemberStatus};

// ---- ids and references ----

/// `duplicate-id`: a record's id already used at `first` (`file:line`).
pub fn duplicate_id(kind: Kind, id: &str, first: &str) -> Text {
    Text::new(
        format!("{} id `{id}` is already used at {first}", kind.noun()),
        format!("{}编号“{id}”已在 {first} 使用", noun_zh(kind)),
    )
}

/// The hint under a duplicate id.
pub fn duplicate_id_hint(kind: Kind) -> Text {
    let what = kind.noun();
    Text::new(
        format!("give each {what} its own id, or delete one of the two records"),
        format!("请给每个{}不同的编号，或删除其中一条记录", noun_zh(kind)),
    )
}

/// `dangling-reference`: `field` names a record of `kind` that does not exist.
pub fn dangling_reference(field: &str, kind: Kind, id: &str) -> Text {
    Text::new(
        format!("`{field}` refers to {} `{id}`, which does not exist", kind.noun()),
        format!("`{field}` 引用的{}“{id}”不存在", noun_zh(kind)),
    )
}

/// The hint under a dangling reference: the closest id, or where to add the record.
pub fn dangling_reference_hint(kind: Kind, close: Option<&str>) -> Text {
    match close {
        Some(close) => did_you_mean(close),
        None => Text::new(
            format!("add the {} to {}, or correct the id", kind.noun(), kind.home()),
            format!("请在 {} 中添加该{}，或改正编号", kind.home(), noun_zh(kind)),
        ),
    }
}

/// "did you mean `x`?"
pub fn did_you_mean(close: &str) -> Text {
    Text::new(format!("did you mean `{close}`?"), format!("是否应为“{close}”？"))
}

/// `dangling-reference`: a department gov.yaml does not list.
pub fn unknown_department(name: &str) -> Text {
    Text::new(format!("department `{name}` is not listed in gov.yaml"), format!("部门“{name}”未在 gov.yaml 中列出"))
}

/// The hint under an unknown department: the closest listed one, if any.
pub fn unknown_department_hint(close: Option<&str>) -> Text {
    match close {
        Some(close) => Text::new(
            format!("did you mean `{close}`? or add it under `departments` in gov.yaml"),
            format!("是否应为“{close}”？也可在 gov.yaml 的 `departments` 下添加该部门"),
        ),
        None => Text::new("list it under `departments` in gov.yaml", "请在 gov.yaml 的 `departments` 下列出该部门"),
    }
}

/// The hint for a name written where an id goes: the records it names, `(id, what shows it)`.
pub fn name_for_id_hint(found: &[(String, String)]) -> Text {
    let en: Vec<String> = found.iter().map(|(id, shown)| format!("`{id}` ({shown})")).collect();
    let zh: Vec<String> = found.iter().map(|(id, shown)| format!("“{id}”（{shown}）")).collect();
    Text::new(
        format!("did you mean {}? write the id, not the name", en.join(" or ")),
        format!("是否应为{}？请填编号，不要填名称", zh.join("或")),
    )
}

// ---- dates ----

/// Which date of a record is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOf {
    /// A member's registration.
    Registered,
    Visit,
    /// An issue's receipt.
    Received,
    Event(Action),
    /// An activity's date.
    Activity,
}

/// `future-date`: a date after today.
pub fn future_date(what: DateOf, date: NaiveDate, today: NaiveDate) -> Text {
    let (en, zh) = match what {
        DateOf::Registered => ("registration date".to_string(), "登记日期".to_string()),
        DateOf::Visit => ("visit date".to_string(), "走访日期".to_string()),
        DateOf::Received => ("received date".to_string(), "受理日期".to_string()),
        DateOf::Event(a) => (format!("`{a}` event date"), format!("{}日期（`{a}`）", a.zh())),
        DateOf::Activity => ("activity date".to_string(), "活动日期".to_string()),
    };
    Text::new(format!("{en} {date} is after today ({today})"), format!("{zh} {date} 晚于今天（{today}）"))
}

/// The hint under a future date.
pub fn future_date_hint() -> Text {
    Text::new("correct the date; a record cannot be dated in the future", "请改正日期，记录日期不能晚于今天")
}

/// `wrong-month-file`: a visit in another month's file (`month` is `YYYY-MM`).
pub fn wrong_month(date: NaiveDate, month: &str) -> Text {
    Text::new(
        format!("visit dated {date} is in the file for {month}"),
        format!("走访日期为 {date}，却记在 {month} 的文件中"),
    )
}

/// The hint under a visit in the wrong month's file: the file it belongs in.
pub fn wrong_month_hint(file: &str) -> Text {
    Text::new(format!("move it to {file}, or correct its date"), format!("请移到 {file}，或改正日期"))
}

// ---- issue events ----

/// `event-order`: an event dated before the problem was received.
pub fn event_before_received(action: Action, date: NaiveDate, received: NaiveDate) -> Text {
    Text::new(
        format!("`{action}` on {date} is before the problem was received ({received})"),
        format!("{}（`{action}`）日期 {date} 早于受理日期 {received}", action.zh()),
    )
}

/// The hint under an event before receipt.
pub fn event_before_received_hint() -> Text {
    Text::new("correct the event date or the received date", "请改正该步骤的日期或受理日期")
}

/// `event-order`: an event dated before the one listed above it.
pub fn event_out_of_order(action: Action, date: NaiveDate, prev: NaiveDate) -> Text {
    Text::new(
        format!("`{action}` on {date} comes after an event dated {prev}"),
        format!("{}（`{action}`）日期 {date} 早于上一步的日期 {prev}", action.zh()),
    )
}

/// The hint under events out of order.
pub fn event_out_of_order_hint() -> Text {
    Text::new("events are a history: list them in date order", "办理经过须按日期先后排列")
}

/// `event-order`: feedback before resolution.
pub fn feedback_before_resolved(date: NaiveDate) -> Text {
    Text::new(
        format!("feedback (回访) on {date} before the problem was resolved"),
        format!("{date} 回访，但诉求尚未办结"),
    )
}

/// The hint under feedback before resolution.
pub fn feedback_before_resolved_hint() -> Text {
    Text::new(
        "record a `resolved` event first; feedback follows resolution",
        "请先登记办结（`resolved`），办结后才能回访",
    )
}

/// `event-order`: resolved twice without a reopen.
pub fn resolved_again(date: NaiveDate) -> Text {
    Text::new(format!("resolved again on {date} without being reopened"), format!("{date} 再次办结，但之前没有重办"))
}

/// The hint under a second resolution.
pub fn resolved_again_hint() -> Text {
    Text::new(
        "add a `reopened` event between the two, or delete one",
        "请在两次办结之间补登重办（`reopened`），或删去其中一次办结",
    )
}

/// `event-order`: reopened while not resolved or closed.
pub fn reopened_while_open(date: NaiveDate) -> Text {
    Text::new(
        format!("reopened on {date} but the problem was not resolved or closed"),
        format!("{date} 重办，但诉求尚未办结或结案"),
    )
}

/// The hint under a reopen of an open problem.
pub fn reopened_while_open_hint() -> Text {
    Text::new(
        "only a resolved, awaiting-rework or closed problem can be reopened",
        "只有已办结、待重办或已结案的诉求才能重办",
    )
}

/// `event-order`: a department reports without being summoned.
pub fn report_without_whistle(department: &str, date: NaiveDate) -> Text {
    Text::new(
        format!("department `{department}` reports (报到) on {date} but no earlier whistle (吹哨) summoned it"),
        format!("部门“{department}”于 {date} 报到，但此前没有吹哨召集该部门"),
    )
}

/// The hint under a report without a whistle.
pub fn report_without_whistle_hint() -> Text {
    Text::new(
        "add the department to an earlier `whistle` event's departments",
        "请把该部门补进此前吹哨（`whistle`）的 `departments`",
    )
}

/// `event-order`: work on a closed problem.
pub fn after_closed(action: Action, date: NaiveDate) -> Text {
    Text::new(
        format!("`{action}` on {date} after the problem was closed"),
        format!("诉求已结案，{date} 又登记了{}（`{action}`）", action.zh()),
    )
}

/// The hint under work on a closed problem.
pub fn after_closed_hint() -> Text {
    Text::new("reopen the problem (`reopened`) before working on it again", "请先重办（`reopened`），再继续办理")
}

/// A field an event's action needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// A whistle's departments.
    Departments,
    /// A report's department.
    Department,
    /// Feedback's satisfaction.
    Satisfaction,
    /// Feedback's solved.
    Solved,
}

impl Needs {
    pub fn field(self) -> &'static str {
        match self {
            Needs::Departments => "departments",
            Needs::Department => "department",
            Needs::Satisfaction => "satisfaction",
            Needs::Solved => "solved",
        }
    }
}

/// `missing-field`: an event without a field its action needs.
pub fn event_needs(action: Action, needs: Needs) -> Text {
    let field = needs.field();
    Text::new(format!("`{action}` event has no `{field}`"), format!("{}（`{action}`）缺少 `{field}`", action.zh()))
}

/// Why the event needs the field.
pub fn event_needs_hint(needs: Needs) -> Text {
    match needs {
        Needs::Departments => Text::new("a whistle (吹哨) names the departments it summons", "吹哨须写明召集的部门"),
        Needs::Department => Text::new("a report (报到) names the department that reported", "报到须写明报到的部门"),
        Needs::Satisfaction => Text::new(
            "feedback records satisfied, basic, unsatisfied or unreachable",
            "回访须记录满意程度：satisfied（满意）、basic（基本满意）、unsatisfied（不满意）或 unreachable（未回访）",
        ),
        Needs::Solved => Text::new(
            "feedback records whether the resident says it is solved: yes or no",
            "回访须记录群众是否认为已解决：是或否",
        ),
    }
}

// ---- contacts and visits ----

/// `no-contacts`: a household nobody is linked to.
pub fn no_contacts(id: &str, head: &str) -> Text {
    Text::new(format!("household `{id}` ({head}) has no linked member"), format!("住户“{id}”（{head}）没有联系党员"))
}

/// The hint under a household without contacts.
pub fn no_contacts_hint() -> Text {
    Text::new(
        "link at least one member in `contacts`, so someone visits this household",
        "请在 `contacts` 中至少填一名联系党员，确保该户有人走访",
    )
}

/// `inactive-contact`: a household linked to a member who is not active.
pub fn inactive_contact(household: &str, member: &str, name: &str, status: MemberStatus) -> Text {
    Text::new(
        format!(
            "household `{household}` is linked to member `{member}` ({name}), whose status is {} ({})",
            status.code(),
            status.zh()
        ),
        format!("住户“{household}”的联系党员“{member}”（{name}）状态为“{}”", status.zh()),
    )
}

/// The hint under an inactive contact.
pub fn inactive_contact_hint() -> Text {
    Text::new("link an active member instead", "请改为联系状态正常的党员")
}

/// `visit-not-contact`: a visit by a member not linked to the household.
pub fn visit_not_contact(member: &str, household: &str) -> Text {
    Text::new(
        format!("member `{member}` visited household `{household}` but is not one of its contacts"),
        format!("党员“{member}”走访了住户“{household}”，但不是该户的联系党员"),
    )
}

/// The hint under a visit by a non-contact.
pub fn visit_not_contact_hint() -> Text {
    Text::new(
        "link the member to the household (`contacts`), or record the visit under a linked member with this one in `with`",
        "请把该党员加为该户的联系党员（`contacts`）；或改由联系党员登记这次走访，把该党员写入 `with`（同去党员）",
    )
}

/// `duplicate-visit`: the same visit as the row at `first` (`file:line`).
pub fn duplicate_visit(first: &str, date: NaiveDate, member: &str, household: &str) -> Text {
    Text::new(
        format!("same visit as {first} ({date} {member} → {household})"),
        format!("与 {first} 的走访记录相同（{date} {member} → {household}）"),
    )
}

/// The hint under a duplicate visit.
pub fn duplicate_visit_hint() -> Text {
    Text::new("delete one of the two rows if the visit was entered twice", "如属重复录入，请删除其中一行")
}

// ---- phones, cycles, orgs ----

/// `bad-phone`: a number that is neither a mobile nor a landline (`masked` as shown).
pub fn bad_phone(kind: Kind, id: &str, masked: &str) -> Text {
    Text::new(
        format!("{} `{id}` has phone `{masked}`, which is not a valid number", kind.noun()),
        format!("{}“{id}”的电话“{masked}”不是有效号码", noun_zh(kind)),
    )
}

/// The hint under a bad phone.
pub fn bad_phone_hint() -> Text {
    Text::new(
        "mobile numbers are 11 digits starting 13-19 (optionally +86); landlines start with 0 and an area code",
        "手机号为 11 位，以 13 至 19 开头（可加 +86）；固定电话以 0 和区号开头",
    )
}

/// `grid-cycle` / `org-cycle`: a record that is its own ancestor.
pub fn own_ancestor(kind: Kind, id: &str) -> Text {
    Text::new(
        format!("{} `{id}` is its own ancestor through `parent`", kind.noun()),
        format!("{}“{id}”沿 `parent` 逐级上溯，又回到了自身", noun_zh(kind)),
    )
}

/// The hint under a cycle of grids or orgs.
pub fn own_ancestor_hint(kind: Kind) -> Text {
    if kind == Kind::Orgs {
        Text::new(
            "an org's parent is the org it belongs to (a branch's Party committee), never one below it",
            "组织的 `parent` 须是它所属的上级组织（如党支部所属的社区党委），不能是下级",
        )
    } else {
        Text::new(
            "a grid's parent must be a grid above it (level 1 community, 2 area, 3 building)",
            "网格的 `parent` 须是它上一级的网格（一级社区、二级片区、三级楼栋）",
        )
    }
}

/// `org-by-name`: a member's `branch` or `unit` written as an org's name.
pub fn org_by_name(field: &str, text: &str, id: &str) -> Text {
    Text::new(
        format!("`{field}` `{text}` is the name of org `{id}`"),
        format!("`{field}` 的值“{text}”是组织“{id}”的名称"),
    )
}

/// The hint under an org written by name.
pub fn org_by_name_hint(id: &str) -> Text {
    Text::new(
        format!("write `{id}` (the org's id) instead of its name"),
        format!("请改填该组织的编号“{id}”，不要填名称"),
    )
}

// ---- repeated findings ----

/// `more-findings`: `rest` more findings of `code` in a file (`total` in all, `shown` listed).
pub fn more_findings(code: &str, rest: usize, total: usize, shown: usize) -> Text {
    let noun = if rest == 1 { "finding" } else { "findings" };
    let (rest, total) = (crate::finding::thousands(rest), crate::finding::thousands(total));
    Text::new(
        format!("and {rest} more `{code}` {noun} in this file ({total} in all; the first {shown} are shown)"),
        format!("本文件另有 {rest} 条 `{code}` 问题（共 {total} 条，只列出前 {shown} 条）"),
    )
}

/// The hint under the summary of repeated findings.
pub fn more_findings_hint(rest: usize) -> Text {
    let verb = if rest == 1 { "is" } else { "are" };
    Text::new(
        format!(
            "the rest {verb} counted in the summary; one cause (a wrong header, a bad export) often makes them all"
        ),
        "其余的已计入末尾的汇总；这类问题往往出自同一原因，如表头有误或导出有误",
    )
}

/// `color-history-order`: a colour change dated before the household's previous one.
pub fn color_history_order(household: &str, date: NaiveDate, before: NaiveDate) -> Text {
    Text::new(
        format!("colour change of household `{household}` on {date} is recorded after one on {before}"),
        format!("住户“{household}”的三色调整记录中，{date} 的一条排在 {before} 的一条之后"),
    )
}

/// The hint under a colour history out of order.
pub fn color_history_order_hint() -> Text {
    Text::new(
        "keep each household's colour changes in date order, or correct the date",
        "同一住户的三色调整记录应按日期先后排列，请调整顺序或更正日期",
    )
}

/// `color-not-current`: the latest colour change is not the household's colour.
pub fn color_not_current(household: &str, now: Color, last: Color, date: NaiveDate) -> Text {
    Text::new(
        format!(
            "household `{household}` is {}, but its latest colour change ({date}) made it {}",
            now.code(),
            last.code()
        ),
        format!("住户“{household}”现为“{}”，但最近一条三色调整记录（{date}）为“{}”", now.zh(), last.zh()),
    )
}

/// The hint under a colour the history does not end with.
pub fn color_not_current_hint() -> Text {
    Text::new(
        "change colours with `gov household set-color`, which records the change too; or correct the household's colour",
        "请用 `gov household set-color` 调整颜色（同时记入调整记录），或更正住户的颜色",
    )
}
