//! The words of the activity checks: `bad-hours`, `no-quantity`, and `wrong-month-file` for
//! activities.

use crate::text::Text;

/// `bad-hours`: one participant's hours on one activity out of range.
pub fn hours_out_of_range(who: &str, hours: f64) -> Text {
    Text::new(
        format!("{who} is given {hours} hours: hours are from 0 to 24"),
        format!("{who} 的服务时长为 {hours} 小时，时长应在 0 至 24 小时之间"),
    )
}

/// `bad-hours`: one participant's hours on one day add up to more than a day.
pub fn hours_over_a_day(who: &str, date: chrono::NaiveDate, hours: f64, n: usize) -> Text {
    Text::new(
        format!("{who} served {hours} hours on {date} across {n} activities: more than 24"),
        format!("{who} 在 {date} 的 {n} 项活动中服务时长合计 {hours} 小时，超过 24 小时"),
    )
}

/// The hint under bad hours.
pub fn bad_hours_hint() -> Text {
    Text::new(
        "correct the hours; an activity over several days is recorded once a day",
        "请更正服务时长；跨日活动请按日分别登记",
    )
}

/// `no-quantity`: an aid item without a quantity.
pub fn item_without_quantity(item: &str) -> Text {
    Text::new(format!("item `{item}` has no quantity"), format!("发放物品“{item}”未填写数量"))
}

/// `no-quantity`: beneficiaries without a count.
pub fn beneficiaries_without_count(kind: &str) -> Text {
    Text::new(format!("beneficiaries `{kind}` have no count"), format!("受益对象“{kind}”未填写人数"))
}

/// The hint under a missing quantity or count.
pub fn no_quantity_hint() -> Text {
    Text::new(
        "write the number after a colon (`棉被:7`), or as `quantity` / `count` in YAML",
        "请在冒号后填写数量（如“棉被:7”），YAML 中也可写作 `quantity` / `count`",
    )
}

/// Who a `bad-hours` finding is about when it is the activity's own `hours`.
pub fn noun_hours_default() -> Text {
    Text::new("every participant (`hours`)", "全体参与人（`hours`）")
}

/// `wrong-month-file`: an activity in another month's file.
pub fn activity_wrong_month(date: chrono::NaiveDate, month: &str) -> Text {
    Text::new(
        format!("activity dated {date} is in the file for {month}"),
        format!("活动日期为 {date}，却记在 {month} 的文件中"),
    )
}
