//! What the writing commands confirm: what was added or changed, what a `--dry-run` would do,
//! what was already there, the git commit's message and what became of it, and the notes of
//! the folder's lock and batch journal.

use std::path::Path;

use super::super::Text;
use crate::finding::thousands;
use crate::model::labels::{Action, Labelled};
use crate::text::errors::noun_zh;

// ---- every writing command ----

/// Nothing was written (the user said no, or it was already there).
pub fn nothing_written() -> Text {
    Text::new("nothing was written", "未写入任何内容")
}

/// A record with the same values is in the file already.
pub fn already_recorded_as(old: &str, rel: &Path, line: u32) -> Text {
    let p = rel.display();
    Text::new(
        format!("already recorded as {old} at {p}:{line}; nothing was written"),
        format!("已有相同记录（编号 {old}，{p}:{line}），未写入任何内容"),
    )
}

/// The id gov chose for a new record.
pub fn new_id(noun: &str, id: &str) -> Text {
    Text::new(
        format!("new {noun} id: {id} (the next free one; give --id to choose)"),
        format!("新{}编号：{id}（按顺序取下一个空闲编号；可用 --id 自行指定）", noun_zh(noun)),
    )
}

/// `--dry-run`: the lines that would be added at `rel:line` (they follow).
pub fn would_add_at(rel: &Path, line: u32) -> Text {
    let p = rel.display();
    Text::new(format!("would add to {p}:{line}"), format!("将添加到 {p}:{line}（试运行，未写入）："))
}

/// `--dry-run`: a new file and its text (it follows).
pub fn would_create(rel: &Path) -> Text {
    let p = rel.display();
    Text::new(format!("would create {p}"), format!("将新建 {p}（试运行，未写入）："))
}

/// `--dry-run`: the change (a diff follows).
pub fn would_change() -> Text {
    Text::new("would change", "将作如下修改（试运行，未写入）：")
}

/// The record was added at `rel:line`.
pub fn added_at(rel: &Path, line: u32, shown: &str) -> Text {
    let p = rel.display();
    Text::new(format!("added to {p}:{line}: {shown}"), format!("已添加到 {p}:{line}：{shown}"))
}

/// An edit was made (`done`), at `rel:line`.
pub fn changed_at(done: &Text, rel: &Path, line: usize) -> Text {
    let p = rel.display();
    Text::new(format!("{} ({p}:{line})", done.en()), format!("{}（{p}:{line}）", done.zh()))
}

/// The changed lines' header in a diff (`--- rel (line N)`).
pub fn diff_header(rel: &Path, line: usize) -> Text {
    let p = rel.display();
    Text::new(format!("--- {p} (line {line})"), format!("--- {p}（第 {line} 行）"))
}

// ---- git ----

/// Committed, with the message.
pub fn committed(message: &str) -> Text {
    Text::new(format!("committed: {message}"), format!("已提交到 git：{message}"))
}

/// Asked to commit outside a repository.
pub fn not_a_repository() -> Text {
    Text::new(
        "not a git repository: the change is written but not committed",
        "此处不是 git 仓库：修改已写入，但未提交",
    )
}

/// git failed (its own words kept).
pub fn commit_failed(why: &str) -> Text {
    Text::new(
        format!("git commit failed ({why}); the change is written but not committed"),
        format!("git 提交失败（{why}）；修改已写入，但未提交"),
    )
}

/// git cannot be run at all (the OS's words kept).
pub fn cannot_run_git(why: &str) -> Text {
    Text::new(format!("cannot run git: {why}"), format!("无法运行 git：{why}"))
}

// ---- the lock and the batch journal ----

/// Waiting for another writer.
pub fn waiting_for_lock(holder: &str) -> Text {
    let (he, hz) = crate::text::errors::library::holder_text(holder);
    Text::new(
        format!("waiting for another gov that is writing to this folder ({he})…"),
        format!("另一个 gov 正在写入本数据文件夹（{hz}），等待中……"),
    )
}

/// An earlier batch was undone: the heading of the list.
pub fn undone_heading() -> Text {
    Text::new(
        "an earlier gov was stopped part-way through a batch; it has been undone:",
        "上次批量写入中途被中断，已撤销已写入的内容：",
    )
}

/// A file cut back to its length before the batch.
pub fn undone_truncated(path: &Path, to: u64) -> Text {
    let (p, n) = (path.display(), thousands(to as usize));
    Text::new(format!("  {p}: back to its {n} bytes before the batch"), format!("  {p}：已恢复为批量写入前的 {n} 字节"))
}

/// A file the batch made, removed.
pub fn undone_removed(path: &Path) -> Text {
    let p = path.display();
    Text::new(format!("  {p}: made by the batch, removed"), format!("  {p}：由该次批量写入新建，已删除"))
}

/// A file changed since the batch, left alone.
pub fn undone_kept(path: &Path, len: u64) -> Text {
    let (p, n) = (path.display(), thousands(len as usize));
    Text::new(
        format!("  {p}: changed since ({n} bytes), left as it is; check it for rows of the batch"),
        format!("  {p}：此后又被改动过（{n} 字节），未作处理；请检查其中是否有该次批量写入的行"),
    )
}

// ---- member, org, household add ----

/// What `member add`, `org add`, `household add` commit as.
pub fn add_commit(noun: &str, shown: &str) -> Text {
    Text::new(format!("{noun}: add {shown}"), format!("新增{}：{shown}", noun_zh(noun)))
}

// ---- household set-color, link, unlink ----

/// The household has that colour already.
pub fn already_color(id: &str, color: &str) -> Text {
    Text::new(
        format!("household {id} is already {color}; nothing was written"),
        format!("住户 {id} 已是{}，未写入任何内容", color_zh(color)),
    )
}

/// The colour was changed.
pub fn color_changed(id: &str, old: &str, new: &str, reason: &str) -> Text {
    Text::new(
        format!("household {id}: {old} → {new} ({reason})"),
        format!("住户 {id}：{} → {}（{reason}）", color_zh(old), color_zh(new)),
    )
}

/// The commit message of a colour change.
pub fn color_commit(id: &str, new: &str, reason: &str) -> Text {
    Text::new(format!("household: {id} → {new} ({reason})"), format!("住户 {id} 改为{}（{reason}）", color_zh(new)))
}

/// A colour code's Chinese (红, 黄, 绿), else the code as typed.
fn color_zh(code: &str) -> String {
    crate::model::labels::Color::parse(code).map_or_else(|| code.to_string(), |c| c.zh().to_string())
}

// ---- household move ----

/// The household is in that grid already.
pub fn already_in_grid(id: &str, grid: &str) -> Text {
    Text::new(
        format!("household {id} is already in grid {grid}; nothing was written"),
        format!("住户 {id} 已在网格 {grid}，未写入任何内容"),
    )
}

/// The household was moved to another grid.
pub fn moved(id: &str, old: &str, new: &str) -> Text {
    Text::new(format!("household {id}: grid {old} → {new}"), format!("住户 {id}：网格 {old} → {new}"))
}

/// The commit message of a move.
pub fn move_commit(id: &str, new: &str) -> Text {
    Text::new(format!("household: {id} moved to grid {new}"), format!("住户 {id} 调整至网格 {new}"))
}

/// Already linked.
pub fn already_linked(member: &str, hid: &str) -> Text {
    Text::new(
        format!("{member} is already linked to household {hid}; nothing was written"),
        format!("{member} 已是住户 {hid} 的联系党员，未写入任何内容"),
    )
}

/// Not linked, so nothing to unlink.
pub fn not_linked(member: &str, hid: &str) -> Text {
    Text::new(
        format!("{member} is not linked to household {hid}; nothing was written"),
        format!("{member} 不是住户 {hid} 的联系党员，未写入任何内容"),
    )
}

/// Linked.
pub fn linked(member: &str, hid: &str) -> Text {
    Text::new(format!("linked {member} to household {hid}"), format!("已将 {member} 设为住户 {hid} 的联系党员"))
}

/// Unlinked.
pub fn unlinked(member: &str, hid: &str) -> Text {
    Text::new(format!("unlinked {member} from household {hid}"), format!("已取消 {member} 对住户 {hid} 的联系"))
}

/// The commit message of a link.
pub fn link_commit(hid: &str, member: &str) -> Text {
    Text::new(format!("household: {hid} + {member} (link)"), format!("住户 {hid} 增加联系党员 {member}"))
}

/// The commit message of an unlink.
pub fn unlink_commit(hid: &str, member: &str) -> Text {
    Text::new(format!("household: {hid} - {member} (unlink)"), format!("住户 {hid} 取消联系党员 {member}"))
}

// ---- issue add and its events ----

/// The same problem was recorded on the same day already.
pub fn issue_already(id: &str, path: &Path, line: u32) -> Text {
    let p = path.display();
    Text::new(
        format!("already recorded as {id} ({p}:{line}); nothing was written"),
        format!("已有相同诉求（编号 {id}，{p}:{line}），未写入任何内容"),
    )
}

/// The problem was recorded.
pub fn issue_added(id: &str, rel: &Path, title: &str) -> Text {
    let p = rel.display();
    Text::new(format!("added issue {id} ({p}): {title}"), format!("已登记诉求 {id}（{p}）：{title}"))
}

/// The commit message of a new problem.
pub fn issue_commit(id: &str, title: &str) -> Text {
    Text::new(format!("issue: {id} {title}"), format!("登记诉求 {id} {title}"))
}

/// An event of a problem, as recorded (`I-2022-0041: dispatched (派单) on 2022-05-03`).
pub fn issue_event(id: &str, action: Action, date: &str) -> Text {
    Text::new(format!("{id}: {} ({}) on {date}", action.code(), action.zh()), format!("{id}：{date} {}", action.zh()))
}

/// That event is the problem's last one already.
pub fn issue_event_already(event: &Text, path: &Path, line: u32) -> Text {
    let p = path.display();
    Text::new(
        format!("{} is already recorded ({p}:{line}); nothing was written", event.en()),
        format!("{}，已有记录（{p}:{line}），未写入任何内容", event.zh()),
    )
}

/// The commit message of an event.
pub fn issue_event_commit(id: &str, action: Action, date: &str) -> Text {
    Text::new(format!("issue: {id} {} ({date})", action.code()), format!("诉求 {id} {}（{date}）", action.zh()))
}

// ---- visit add ----

/// A visit with the same values is in the folder already.
pub fn visit_already(path: &Path, line: u32, shown: &str) -> Text {
    let p = path.display();
    Text::new(
        format!("already recorded at {p}:{line}: {shown}; nothing was written"),
        format!("已有相同的走访记录（{p}:{line}）：{shown}；未写入任何内容"),
    )
}

/// The month is kept in YAML too; new visits go to the CSV file.
pub fn visit_month_in_yaml(yaml: &str, month: &str) -> Text {
    Text::new(
        format!("{yaml} holds visits of {month} too; new visits go to visits/{month}.csv (gov reads both)"),
        format!("{yaml} 中也有 {month} 的走访记录；新记录写入 visits/{month}.csv（两个文件 gov 都会读取）"),
    )
}

/// The commit message of a visit.
pub fn visit_commit(member: &str, household: &str, date: &str) -> Text {
    Text::new(format!("visit: {member} → {household} ({date})"), format!("走访：{member} → {household}（{date}）"))
}

/// A batch of one visit, already recorded.
pub fn batch_one_already(input: &Path, at: &str) -> Text {
    let p = input.display();
    Text::new(
        format!("the visit of {p} is already recorded at {at}; nothing was written"),
        format!("{p} 中的走访记录已有（{at}），未写入任何内容"),
    )
}

/// The rows of a batch that are recorded already, skipped.
pub fn batch_skipped(n: usize, at: &str) -> Text {
    let c = thousands(n);
    Text::new(
        format!("skipped {c} already recorded (the first at {at}); --allow-duplicates writes them anyway"),
        format!("跳过 {c} 条已有的走访记录（第一条在 {at}）；如确需重复登记，请加 --allow-duplicates"),
    )
}

/// A batch whose every visit is recorded already.
pub fn batch_all_already(n: usize, input: &Path, at: &str) -> Text {
    let (p, c) = (input.display(), thousands(n));
    Text::new(
        format!("all {c} visits of {p} are already recorded (the first at {at}); nothing was written"),
        format!("{p} 中的 {c} 条走访记录均已存在（第一条在 {at}），未写入任何内容"),
    )
}

/// A batch without visits.
pub fn batch_empty(input: &Path) -> Text {
    let p = input.display();
    Text::new(format!("{p} has no visits; nothing was written"), format!("{p} 中没有走访记录，未写入任何内容"))
}

/// `--dry-run` of a batch: `n` rows would go to `rel` (they follow).
pub fn batch_would_add(n: usize, rel: &Path) -> Text {
    let (p, c) = (rel.display(), thousands(n));
    Text::new(format!("would add {c} to {p}:"), format!("将向 {p} 添加 {c} 条（试运行，未写入）："))
}

/// A batch's rows added to one month file.
pub fn batch_added(n: usize, rel: &Path) -> Text {
    let (p, c) = (rel.display(), thousands(n));
    Text::new(format!("added {c} to {p}"), format!("已向 {p} 添加 {c} 条"))
}

/// The commit message of a batch.
pub fn batch_commit(n: usize, input: &Path) -> Text {
    let (p, c) = (input.display(), thousands(n));
    Text::new(format!("visits: {c} from {p}"), format!("走访：从 {p} 导入 {c} 条"))
}

// ---- judging a new record ----

/// What to do about it.
pub fn hint_report_bug() -> Text {
    Text::new(
        "gov made text it cannot read back; nothing was written (please report this)",
        "gov 生成的内容无法读回，未写入任何内容（这是 gov 自身的问题，请反馈）",
    )
}

/// A visit as a confirmation shows it: `2022-12-30 谢成峰 → 阳光新村1号楼1单元****室 (home)`.
pub fn visit_shown(date: &str, member: &str, address: &str, method_en: &str, method_zh: &str) -> Text {
    Text::new(
        format!("{date} {member} → {address} ({method_en})"),
        format!("{date} {member} → {address}（{method_zh}）"),
    )
}

// ---- member edit, member set-status, household edit ----

/// One changed field as shown: its name in both languages, the old and the new value.
pub struct FieldChange<'a> {
    pub field: &'a str,
    pub field_zh: &'a str,
    pub old: &'a str,
    pub new: &'a str,
    /// The values in Chinese (enum values as their labels).
    pub old_zh: String,
    pub new_zh: String,
}

/// The fields an edit changed (`member M01 王芳: phone 13812345678 → 13900001111; grid G1 → G2`).
pub fn edited(noun: &str, who: &Text, changes: &[FieldChange<'_>]) -> Text {
    let en = |v: &str| if v.is_empty() { "(none)".to_string() } else { v.to_string() };
    let zh = |v: &str| if v.is_empty() { "（空）".to_string() } else { format!("“{v}”") };
    let en_list: Vec<String> = changes.iter().map(|c| format!("{} {} → {}", c.field, en(c.old), en(c.new))).collect();
    let zh_list: Vec<String> =
        changes.iter().map(|c| format!("{}由{}改为{}", c.field_zh, zh(&c.old_zh), zh(&c.new_zh))).collect();
    Text::new(
        format!("{noun} {}: {}", who.en(), en_list.join("; ")),
        format!("{} {}：{}", noun_zh(noun), who.zh(), zh_list.join("；")),
    )
}

/// A record as an edit names it: its id and name, the same in both languages.
pub fn record_named(id_and_name: &str) -> Text {
    Text::new(id_and_name, id_and_name)
}

/// A visit as an edit names it: its row and what it was.
pub fn visit_named(rel: &Path, line: u32, visit: &Text) -> Text {
    let p = rel.display();
    Text::new(format!("{p}:{line} ({})", visit.en()), format!("{p}:{line}（{}）", visit.zh()))
}

/// The commit message of an edit: the fields it changed, not their values.
pub fn edit_commit(noun: &str, who: &Text, changes: &[FieldChange<'_>]) -> Text {
    let en: Vec<&str> = changes.iter().map(|c| c.field).collect();
    let zh: Vec<&str> = changes.iter().map(|c| c.field_zh).collect();
    Text::new(
        format!("{noun}: edit {} ({})", who.en(), en.join(", ")),
        format!("修改{} {} 的{}", noun_zh(noun), who.zh(), zh.join("、")),
    )
}

/// The record has every value given already.
pub fn already_edited(noun: &str, who: &Text) -> Text {
    Text::new(
        format!("{noun} {} already has these values; nothing was written", who.en()),
        format!("{} {} 已是所给的值，未写入任何内容", noun_zh(noun), who.zh()),
    )
}

/// A member's status changed (`member M01 王芳: active → transferred on 2022-12-31 (迁往外省)`).
pub fn status_changed(who: &str, old: &str, new: &str, date: &str, reason: &str) -> Text {
    let zh = |code: &str| {
        crate::model::labels::MemberStatus::parse(code).map_or_else(|| code.to_string(), |s| s.zh().to_string())
    };
    Text::new(
        format!("member {who}: {old} → {new} on {date} ({reason})"),
        format!("党员 {who}：{} → {}，{date}（{reason}）", zh(old), zh(new)),
    )
}

/// The commit message of a status change.
pub fn status_commit(who: &str, new: &str, date: &str, reason: &str) -> Text {
    let zh = crate::model::labels::MemberStatus::parse(new).map_or_else(|| new.to_string(), |s| s.zh().to_string());
    Text::new(format!("member: {who} → {new} on {date} ({reason})"), format!("党员 {who} {date} 改为{zh}（{reason}）"))
}

/// The member has that status already.
pub fn already_status(who: &str, status: &str) -> Text {
    let zh =
        crate::model::labels::MemberStatus::parse(status).map_or_else(|| status.to_string(), |s| s.zh().to_string());
    Text::new(
        format!("member {who} is already {status}; nothing was written"),
        format!("党员 {who} 已是{zh}，未写入任何内容"),
    )
}

/// The heading of the households a status change leaves without an active contact.
pub fn left_without_contact(n: usize) -> Text {
    Text::new(
        format!("{n} household(s) left without an active contact; link another member (gov household link):"),
        format!("{n} 户已没有在册的联系党员，请另行安排（gov household link）："),
    )
}

/// One household left without an active contact.
pub fn household_line(id: &str, address: &str, head: &str) -> Text {
    Text::new(format!("  {id} {address} ({head})"), format!("  {id} {address}（{head}）"))
}

// ---- visit rm, visit edit ----

/// A visit with its place (`visits/2022-10.csv:17: 2022-10-12 张伟 → … (home visit)`).
pub fn visit_at(rel: &Path, line: u32, visit: &Text) -> Text {
    let p = rel.display();
    Text::new(format!("  {p}:{line}: {}", visit.en()), format!("  {p}:{line}：{}", visit.zh()))
}

/// More candidates than are listed.
pub fn and_more(n: usize) -> Text {
    Text::new(format!("  … {} more", thousands(n)), format!("  ……另有 {} 条", thousands(n)))
}

/// A visit was removed.
pub fn visit_removed(visit: &Text) -> Text {
    Text::new(format!("removed the visit {}", visit.en()), format!("已删除走访记录：{}", visit.zh()))
}

/// The commit message of a removed visit.
pub fn visit_rm_commit(rel: &Path, line: u32, visit: &Text) -> Text {
    let p = rel.display();
    Text::new(format!("visit: remove {p}:{line} {}", visit.en()), format!("删除走访记录 {p}:{line} {}", visit.zh()))
}

// ---- issue undo ----

/// The heading of the event `issue undo` would remove.
pub fn latest_event(event: &Text, rel: &Path, line: u32) -> Text {
    let p = rel.display();
    Text::new(
        format!("the latest event, {} ({p}:{line}):", event.en()),
        format!("最近一条办理记录：{}（{p}:{line}）：", event.zh()),
    )
}

/// The question before removing it.
pub fn remove_this_event() -> Text {
    Text::new("Remove this event?", "删除这条办理记录？")
}

/// The event was removed.
pub fn event_removed(event: &Text) -> Text {
    Text::new(format!("removed the event {}", event.en()), format!("已删除办理记录：{}", event.zh()))
}

/// The commit message of a removed event.
pub fn event_removed_commit(event: &Text) -> Text {
    Text::new(format!("issue: undo {}", event.en()), format!("撤销诉求办理记录：{}", event.zh()))
}

// ---- gov activity add ----

/// `A0005 2022-10-20 卡点值守 (疫情防控)`: an activity in one line.
pub fn activity_shown(id: &str, date: &str, title: &str, kind_en: &str, kind_zh: &str) -> Text {
    Text::new(format!("{id} {date} {title} ({kind_en})"), format!("{id} {date} {title}（{kind_zh}）"))
}

/// `gov activity add --from` with no rows.
pub fn activity_batch_empty(input: &Path) -> Text {
    let p = input.display();
    Text::new(format!("{p} has no activities; nothing was written"), format!("{p} 中没有活动记录，未写入任何内容"))
}

/// The commit message of an activity batch.
pub fn activity_batch_commit(n: usize, input: &Path) -> Text {
    let (p, c) = (input.display(), thousands(n));
    Text::new(format!("activities: {c} from {p}"), format!("活动：从 {p} 导入 {c} 项"))
}

/// Rows of a batch already recorded with the same id, date and title: skipped.
pub fn activity_batch_skipped(n: usize, at: &str) -> Text {
    let c = thousands(n);
    Text::new(
        format!("{c} already recorded (the first at {at}): skipped"),
        format!("{c} 项已登记（第一项在 {at}），已跳过"),
    )
}

// ---- gov import ----

/// What `gov import` read from one sheet before judging its rows.
pub fn import_sheet(sheet: &str, rows: usize, totals: usize) -> Text {
    let (r, t) = (thousands(rows), thousands(totals));
    Text::new(
        format!(
            "{sheet}: {r} {} read, {t} totals {} left out",
            plural(rows, "row", "rows"),
            plural(totals, "row", "rows")
        ),
        format!("{sheet}：读取 {r} 行，略去合计行 {t} 行"),
    )
}

/// `--skip-bad`: how many rows were left out for their errors (named above).
pub fn import_refused(n: usize) -> Text {
    let c = thousands(n);
    Text::new(
        format!("left out {c} {} with errors (named above)", plural(n, "row", "rows")),
        format!("有错误的 {c} 行未导入（见上方所列）"),
    )
}

/// `gov import`'s counts, every sheet together.
pub fn import_tally(dry_run: bool, added: usize, present: usize, refused: usize) -> Text {
    let (a, p, r) = (thousands(added), thousands(present), thousands(refused));
    if dry_run {
        Text::new(
            format!("in all: {a} would be added, {p} already recorded, {r} left out"),
            format!("合计：将新增 {a} 条，已有 {p} 条，未导入 {r} 条"),
        )
    } else {
        Text::new(
            format!("in all: {a} added, {p} already recorded, {r} left out"),
            format!("合计：新增 {a} 条，已有 {p} 条，未导入 {r} 条"),
        )
    }
}

/// A dry run's last word: how to write.
pub fn import_dry_run() -> Text {
    Text::new("nothing written (a preview); --apply writes", "以上为预览，未写入；确认无误后加 --apply 写入")
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

// ---- gov import of members, households, grids, orgs, issues, activities, volunteers ----

/// A kind's noun in Chinese, from its English one.
fn kind_zh(kind: crate::model::Kind) -> &'static str {
    crate::text::findings::noun_zh(kind)
}

/// The rows of a sheet that the folder holds already (by the kind's fingerprint), skipped.
pub fn import_present(n: usize, kind: crate::model::Kind, at: &str) -> Text {
    let c = thousands(n);
    Text::new(
        format!("skipped {c} already recorded (the first at {at})"),
        format!("跳过 {c} 条已有的{}记录（第一条在 {at}）", kind_zh(kind)),
    )
}

/// A sheet with nothing left to add.
pub fn import_nothing_new(sheet: &Path) -> Text {
    let p = sheet.display();
    Text::new(format!("{p}: nothing new; nothing was written"), format!("{p}：没有需要新增的记录，未写入任何内容"))
}

/// The new files of a sheet (issues, one file each), created.
pub fn import_files_created(n: usize, kind: crate::model::Kind) -> Text {
    let c = thousands(n);
    Text::new(
        format!("created {c} {} {}", kind.noun(), plural(n, "file", "files")),
        format!("已新建{}文件 {c} 个", kind_zh(kind)),
    )
}

/// The commit message of an import.
pub fn import_commit(n: usize, kind: crate::model::Kind, sheet: &Path) -> Text {
    let (p, c) = (sheet.display(), thousands(n));
    Text::new(format!("{}: {c} imported from {p}", kind.noun()), format!("{}：从 {p} 导入 {c} 条", kind_zh(kind)))
}
