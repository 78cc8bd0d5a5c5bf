//! `gov household show`: one household's card (居民信息工作台账), everything about it in one
//! place: the record with its visit schedule (三色管理), its linked members, its colour history,
//! every visit with its summary, every problem with its status as of today, and the activities
//! that served it (aid received, services done for it). Pure; no I/O.

use chrono::NaiveDate;

use super::activity_list::{items, kind_value, org_name};
use super::due::{rule_value, schedule};
use super::index::Index;
use super::issue_list::category_value;
use super::table::{Table, Value, col};

const RECORD: &[super::Column] = &[
    col("id", "户号", "id"),
    col("address", "地址", "address"),
    col("grid", "网格", "grid"),
    col("head", "户主", "head"),
    col("phone", "联系电话", "phone"),
    col("size", "人数", "size"),
    col("color", "颜色", "colour"),
    col("tags", "标签", "tags"),
    col("since", "登记日期", "registered"),
    col("contacts", "联系党员", "linked members"),
    col("visits", "走访次数", "visits"),
    col("last_visit", "最近走访", "last visit"),
    col("interval", "走访周期(天)", "interval (days)"),
    col("rule", "周期依据", "interval source"),
    col("due", "应访日期", "due"),
    col("days_overdue", "逾期天数", "days overdue"),
    col("issues", "诉求件数", "problems"),
    col("file", "文件", "file"),
];

const MEMBERS: &[super::Column] = &[
    col("id", "党员编号", "id"),
    col("name", "姓名", "name"),
    col("kind", "党员类别", "kind"),
    col("phone", "联系电话", "phone"),
    col("status", "状态", "status"),
    col("visits", "走访次数", "visits"),
    col("last_visit", "最近走访", "last visit"),
];

const COLORS: &[super::Column] = &[
    col("date", "调整日期", "date"),
    col("color", "颜色", "colour"),
    col("reason", "调整原因", "reason"),
    col("by", "决定人", "decided by"),
];

const VISITS: &[super::Column] = &[
    col("date", "走访日期", "date"),
    col("member", "走访党员", "member"),
    col("method", "走访方式", "method"),
    col("summary", "走访内容", "summary"),
    col("topics", "主题", "topics"),
    col("issues", "发现问题", "problems raised"),
];

const ISSUES: &[super::Column] = &[
    col("id", "诉求编号", "id"),
    col("title", "标题", "title"),
    col("category", "类别", "category"),
    col("urgency", "紧急程度", "urgency"),
    col("received", "受理日期", "received"),
    col("status", "状态", "status"),
];

const ACTIVITIES: &[super::Column] = &[
    col("id", "活动编号", "id"),
    col("date", "活动日期", "date"),
    col("kind", "活动类别", "kind"),
    col("title", "活动名称", "title"),
    col("orgs", "组织单位", "organised by"),
    col("members", "参与党员", "members"),
    col("items", "发放物品", "items"),
    col("issues", "解决问题", "problems solved"),
];

/// The card of the household at position `h`, as of `today`: the record, then the linked
/// members, the colour history, the visits (oldest first), the problems (by date received) and
/// the activities that served it up to `today` (oldest first). JSON holds them under
/// `household`, `members`, `colors`, `visits`, `issues` and `activities`.
pub fn household_card(ix: &Index<'_>, h: usize, today: NaiveDate) -> Vec<Table> {
    let ds = ix.ds;
    let hh = &ds.households[h];
    let id = ds.name(hh.id);
    let mut visits: Vec<&crate::model::Visit> =
        ds.visits.iter().filter(|v| v.household == hh.id && v.date <= today).collect();
    visits.sort_by_key(|v| v.date);
    let mut issues: Vec<&crate::model::Issue> = ds.issues.iter().filter(|i| i.household == Some(hh.id)).collect();
    issues.sort_by_key(|i| i.received);
    let due = schedule(ix, today).swap_remove(h);
    let member = |m| Value::text(ix.member_name(m));

    let mut record = Table::new("household", RECORD)
        .titled(format!("居民信息工作台账：{id} {}", hh.head), format!("Household card: {id} {}", hh.head));
    record.transpose = true;
    let schedule_cells = match due.exempt {
        Some(tag) => [
            Value::Label { code: "exempt", zh: "不走访", en: "not scheduled" },
            Value::label(tag),
            Value::Empty,
            Value::Empty,
        ],
        None => {
            [Value::Int(due.interval.into()), rule_value(due.rule), Value::Date(due.due), Value::Int(due.days_overdue)]
        }
    };
    let [interval, rule, due_date, overdue] = schedule_cells;
    record.push(vec![
        Value::text(id),
        Value::Address(hh.address.to_string()),
        hh.grid.map_or(Value::Empty, |g| Value::text(ix.grid_name(g))),
        Value::text(&*hh.head),
        hh.phone.as_deref().map_or(Value::Empty, |p| Value::Phone(p.to_string())),
        hh.size.map_or(Value::Empty, |n| Value::int(n as usize)),
        Value::label(hh.color),
        Value::labels(&hh.tags),
        hh.since.map_or(Value::Empty, Value::Date),
        Value::text(hh.contacts.iter().map(|&c| ix.member_name(c)).collect::<Vec<_>>().join("、")),
        Value::int(visits.len()),
        due.last.map_or(Value::Label { code: "never", zh: "从未走访", en: "never" }, Value::Date),
        interval,
        rule,
        due_date,
        overdue,
        Value::int(issues.len()),
        Value::text(ds.path(hh.loc.file).display().to_string()),
    ]);

    let mut members = Table::new("members", MEMBERS).titled(format!("{id} 联系党员"), format!("{id}: linked members"));
    for &c in &hh.contacts {
        let theirs: Vec<_> = visits.iter().filter(|v| v.member == c).collect();
        let m = ix.member(c);
        members.push(vec![
            Value::text(ds.name(c)),
            member(c),
            m.and_then(|m| m.kind).map_or(Value::Empty, Value::label),
            m.and_then(|m| m.phone.as_deref()).map_or(Value::Empty, |p| Value::Phone(p.to_string())),
            m.map_or(Value::Empty, |m| Value::label(m.status)),
            Value::int(theirs.len()),
            theirs.last().map_or(Value::Empty, |v| Value::Date(v.date)),
        ]);
    }

    let mut colors = Table::new("colors", COLORS).titled(format!("{id} 三色调整记录"), format!("{id}: colour history"));
    for c in ds.colors.iter().filter(|c| c.household == hh.id) {
        colors.push(vec![
            Value::Date(c.date),
            c.color.map_or(Value::Empty, Value::label),
            c.reason.clone().map_or(Value::Empty, Value::FreeText),
            c.by.map_or(Value::Empty, member),
        ]);
    }

    let mut visit_table = Table::new("visits", VISITS).titled(format!("{id} 走访记录"), format!("{id}: visits"));
    for v in &visits {
        let text = v.text.as_deref();
        visit_table.push(vec![
            Value::Date(v.date),
            member(v.member),
            Value::label(v.method),
            text.map_or(Value::Empty, |t| Value::FreeText(t.summary.to_string())),
            text.map_or(Value::Empty, |t| Value::text(t.topics.join("、"))),
            v.refs.as_deref().map_or(Value::Empty, |r| {
                Value::text(r.issues.iter().map(|&i| ds.name(i)).collect::<Vec<_>>().join("、"))
            }),
        ]);
    }

    let mut issue_table =
        Table::new("issues", ISSUES).titled(format!("{id} 群众诉求"), format!("{id}: problems raised"));
    for i in &issues {
        issue_table.push(vec![
            Value::text(ds.name(i.id)),
            Value::FreeText(i.title.clone()),
            category_value(i.category.as_ref()),
            Value::label(i.urgency),
            Value::Date(i.received),
            Value::label(i.status_on(today)),
        ]);
    }

    let mut activity_table =
        Table::new("activities", ACTIVITIES).titled(format!("{id} 活动与帮扶"), format!("{id}: activities and aid"));
    let mut served: Vec<&crate::kinds::Activity> =
        ds.activities.iter().filter(|a| a.date <= today && a.households.contains(&hh.id)).collect();
    served.sort_by_key(|a| a.date);
    for a in served {
        activity_table.push(vec![
            Value::text(ds.name(a.id)),
            Value::Date(a.date),
            kind_value(&a.kind),
            Value::FreeText(a.title.clone()),
            Value::text(a.orgs.iter().map(|&o| org_name(ds, o)).collect::<Vec<_>>().join("、")),
            Value::text(a.members.iter().map(|p| ix.member_name(p.id)).collect::<Vec<_>>().join("、")),
            Value::text(items(a)),
            Value::text(a.issues.iter().map(|&i| ds.name(i)).collect::<Vec<_>>().join("、")),
        ]);
    }

    vec![record, members, colors, visit_table, issue_table, activity_table]
}
