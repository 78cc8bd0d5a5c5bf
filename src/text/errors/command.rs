//! Errors and hints the commands word themselves (see [`super`]).

use std::path::Path;

use super::Text;
use crate::finding::{shorten, thousands};

// ---- finding the data folder ----

/// No data folder here: how to name one or make one.
pub fn hint_pass_data() -> Text {
    Text::new(
        "pass --data DIR, set GOV_DATA, or run `gov init` to make a data folder",
        "请用 --data DIR 指定数据文件夹，或设置 GOV_DATA，也可运行 `gov init` 新建数据文件夹",
    )
}

/// A folder without gov.yaml.
pub fn hint_init_there() -> Text {
    Text::new("run `gov init DIR` to make a data folder there", "可运行 `gov init DIR` 在那里新建数据文件夹")
}

/// A command that works on one community, given a town's folder.
pub fn town_not_here(command: &str, town: &str, root: &Path) -> Text {
    let p = root.display();
    Text::new(
        format!("{p} is the folder of a town ({town}); `{command}` works on one community's folder"),
        format!("{p} 是镇（街道）“{town}”的文件夹；`{command}` 只能用于某一个社区的文件夹"),
    )
}

/// An option that chooses within one community, on a town.
pub fn town_option(option: &str, town: &str) -> Text {
    Text::new(
        format!("{option} chooses within one community; {town} is a town, whose reports have one row per community"),
        format!("{option} 用于在一个社区之内选择；“{town}”是镇（街道），其报表每个社区一行"),
    )
}

/// The hint under a command refused on a town: name a community's folder.
pub fn hint_town_community(example: &str) -> Text {
    Text::new(
        format!("pass a community's folder, for example --data {example}"),
        format!("请用 --data 指定某个社区的文件夹，例如 --data {example}"),
    )
}

/// The hint under a town's gov.yaml that is wrong.
pub fn hint_town_yaml() -> Text {
    Text::new(
        "a town's gov.yaml holds `kind: town`, `name` and `communities`, a list of folders or globs (docs/town.md)",
        "镇（街道）的 gov.yaml 应含 `kind: town`、`name` 和 `communities`（社区文件夹或通配符列表，见 docs/town.md）",
    )
}

/// What lies under an error met loading one community of a town.
pub fn in_community(dir: &str) -> Text {
    Text::new(format!("in the community folder {dir}"), format!("出错的社区文件夹：{dir}"))
}

/// A --data path that is not a folder.
pub fn hint_check_data() -> Text {
    Text::new("check the --data path", "请检查 --data 的路径")
}

// ---- picking records by what the user typed ----

/// Several members or households match, or none: how to say which.
pub fn hint_id_or_name() -> Text {
    Text::new("give the id, or more of the name", "请填编号，或写出更完整的姓名")
}

/// Several households match.
pub fn hint_id_or_address() -> Text {
    Text::new("give the id, or more of the address", "请填编号，或写出更完整的地址")
}

/// Several orgs match.
pub fn hint_org_id_or_name() -> Text {
    Text::new("give the org's id, or more of its name", "请填组织编号，或写出更完整的名称")
}

/// Nothing matches a report's `--member`, `--household`, `--grid`.
pub fn hint_as_written() -> Text {
    Text::new("give an id or a name as written in the data folder", "请按数据文件夹中的写法填写编号或名称")
}

/// `--date` that is not a date.
pub fn date_flag_not_date(d: &str) -> Text {
    let d = shorten(d);
    Text::new(format!("--date `{d}` is not a date"), format!("--date 的值“{d}”不是日期"))
}

/// How to write a date.
pub fn hint_write_date() -> Text {
    Text::new("write YYYY-MM-DD", "请写成 YYYY-MM-DD")
}

/// An issue id that names no issue.
pub fn no_issue(id: &str) -> Text {
    let id = shorten(id);
    Text::new(format!("no issue `{id}`"), format!("没有编号为“{id}”的诉求"))
}

/// How to give an issue's id.
pub fn hint_issue_id() -> Text {
    Text::new(
        "give the id as in the file (I-2022-0041); `gov issue list` lists them",
        "请按文件中的写法填写编号（如 I-2022-0041）；`gov issue list` 可列出全部诉求",
    )
}

/// A `--category` that is none of the categories.
pub fn not_a_category(s: &str) -> Text {
    let s = shorten(s);
    Text::new(format!("`{s}` is not a problem category"), format!("“{s}”不是诉求类别"))
}

/// The values allowed (`allowed: a, b`).
pub fn hint_allowed(list: &str) -> Text {
    Text::new(format!("allowed: {list}"), format!("可填：{list}"))
}

/// No department matches.
pub fn no_department(q: &str) -> Text {
    let q = shorten(q);
    Text::new(format!("no department matches `{q}`"), format!("没有与“{q}”相符的部门"))
}

/// The departments there are.
pub fn hint_departments(list: &[&str]) -> Text {
    Text::new(
        format!("departments in gov.yaml and the whistles: {}", list.join(", ")),
        format!("gov.yaml 和吹哨记录中的部门有：{}", list.join("、")),
    )
}

/// Several departments match.
pub fn many_departments(q: &str, many: &[&str]) -> Text {
    let q = shorten(q);
    let n = thousands(many.len());
    Text::new(
        format!("`{q}` matches {n} departments: {}", many.join(", ")),
        format!("“{q}”与 {n} 个部门相符：{}", many.join("、")),
    )
}

/// Several match: say more of the name.
pub fn hint_more_of_name() -> Text {
    Text::new("give more of the name", "请写出更完整的名称")
}

// ---- report output ----

/// `--output` whose extension names no format.
pub fn unknown_extension(path: &Path) -> Text {
    let p = path.display();
    Text::new(format!("cannot tell the format of `{p}` from its extension"), format!("无法从扩展名判断“{p}”的格式"))
}

/// How to name the output's format.
pub fn hint_name_format() -> Text {
    Text::new(
        "name the file .csv, .json, .md, .html, .txt or .xlsx, or pass --format",
        "请把文件扩展名改为 .csv、.json、.md、.html、.txt 或 .xlsx，或加 --format 指定格式",
    )
}

/// `--format xlsx` without `-o`, on a terminal: a workbook is not for the screen.
pub fn xlsx_to_terminal() -> Text {
    Text::new("an Excel workbook cannot be shown on the terminal", "Excel 工作簿无法在终端中显示")
}

/// How to write a workbook.
pub fn hint_xlsx_file() -> Text {
    Text::new("write it to a file with -o FILE.xlsx", "请用 -o 文件名.xlsx 写入文件")
}

// ---- gov init ----

/// `gov init` in a folder that already has some of the template's files.
pub fn init_not_empty(dir: &str, existing: &[String]) -> Text {
    Text::new(
        format!("{dir} already has {}; nothing was written", existing.join(", ")),
        format!("{dir} 中已有 {}；未写入任何内容", existing.join("、")),
    )
}

/// Where `gov init` can work.
pub fn hint_init_empty() -> Text {
    Text::new("run `gov init` in a new or empty folder", "请在新的或空的文件夹中运行 `gov init`")
}

// ---- recording commands ----

/// Another writer kept the lock: what to do.
pub fn hint_wait_longer() -> Text {
    Text::new(
        "wait for it to finish and run the command again, or give --wait SECONDS to wait longer",
        "请待其写完后重新运行该命令，或用 --wait 秒数 延长等待时间",
    )
}

/// The new record has errors (printed above).
pub fn refused_errors(n: usize) -> Text {
    let c = thousands(n);
    Text::new(
        format!("{c} {} in the new record; nothing was written", if n == 1 { "error" } else { "errors" }),
        format!("新记录有 {c} 个错误，未写入任何内容"),
    )
}

/// `PATH: why; nothing was written` (the place, then why the write is refused).
pub fn refused_in(place: &str, why: &Text) -> Text {
    Text::new(format!("{place}: {}; nothing was written", why.en()), format!("{place}：{}；未写入任何内容", why.zh()))
}

/// A YAML file that no longer parses (the parser's own words are kept).
pub fn yaml_no_longer_reads(line: impl std::fmt::Display, message: &Text) -> Text {
    Text::new(
        format!("the file no longer reads as YAML (line {line}: {})", message.en()),
        format!("文件已无法按 YAML 读取（第 {line} 行：{}）", message.zh()),
    )
}

/// A YAML file holding one mapping, not a list.
pub fn yaml_not_a_list(rel: &Path) -> Text {
    let p = rel.display();
    Text::new(
        format!("{p} holds a single record (a mapping), not a list, so gov cannot add to it"),
        format!("{p} 只有一条记录（映射），不是列表，gov 无法追加记录"),
    )
}

/// How to make it a list.
pub fn hint_make_a_list() -> Text {
    Text::new(
        "make it a list: put `- ` before its first key and indent the other keys by two spaces",
        "请改为列表：在第一个键前加 `- `，其余各键缩进两个空格",
    )
}

/// A CSV file without the `color` column.
pub fn no_color_column() -> Text {
    Text::new("the file has no `color` column; add one to the header", "文件没有 `color` 列；请在表头补上该列")
}

/// The file has no `grid` column to edit.
pub fn no_grid_column() -> Text {
    Text::new("the file has no `grid` column; add one to the header", "文件没有 `grid` 列；请在表头加上")
}

/// A CSV row with fewer cells than the header.
pub fn row_shorter() -> Text {
    Text::new("the row is shorter than the header", "该行的单元格比表头的列少")
}

/// Events cannot be added to an issue kept in CSV.
pub fn issue_in_csv() -> Text {
    Text::new(
        "the problem is kept in a CSV file, which holds no events; move it to issues/YYYY/<id>.yaml to record events",
        "该诉求记在 CSV 文件中，CSV 无法记录办理经过；请移到 issues/YYYY/<id>.yaml 后再登记",
    )
}

/// Values missing and nobody to ask (`--member, --method`).
pub fn missing_flags(flags: &[&str]) -> Text {
    Text::new(format!("missing {}", flags.join(", ")), format!("缺少 {}", flags.join("、")))
}

/// How to give them.
pub fn hint_missing_flags() -> Text {
    Text::new(
        "give them as flags, or run `gov visit add` in a terminal to be asked",
        "请用选项填写，或在终端中运行 `gov visit add`，按提示逐项填写",
    )
}

/// A batch's input that is not text (`visits.csv` then why).
pub fn input_not_text(path: &Path, why: &Text) -> Text {
    let p = path.display();
    Text::new(format!("{p} {}", why.en()), format!("{p} {}", why.zh()))
}

/// A batch with columns gov does not know.
pub fn batch_unknown_columns(path: &Path, n: usize) -> Text {
    let p = path.display();
    let cols = if n == 1 { "a column".to_string() } else { format!("{} columns", thousands(n)) };
    Text::new(
        format!("{p} has {cols} gov does not know (above); nothing was written"),
        format!("{p} 有 {} 个无法识别的列（见上）；未写入任何内容", thousands(n)),
    )
}

/// What a visit's columns are.
pub fn hint_visit_columns(fields: &[&str]) -> Text {
    Text::new(
        format!("rename or remove it: a visit's columns are {}", fields.join(", ")),
        format!("请改名或删除；走访记录的列为 {}", fields.join("、")),
    )
}

/// A batch's journal cannot be started.
pub fn batch_cannot_start() -> Text {
    Text::new("cannot start the batch", "无法开始批量写入")
}

/// A batch's journal cannot be closed.
pub fn batch_cannot_finish() -> Text {
    Text::new("cannot finish the batch", "无法完成批量写入")
}

/// A household that the index found but the look-up does not hold (`gov household show`).
pub fn no_household(id: &str) -> Text {
    let id = shorten(id);
    Text::new(format!("no household `{id}`"), format!("没有编号为“{id}”的住户"))
}

/// A problem's id that names no problem.
pub fn no_problem(id: &str) -> Text {
    let id = shorten(id);
    Text::new(format!("no problem `{id}`"), format!("没有编号为“{id}”的诉求"))
}

// ---- duplicates refused (each names the record already there) ----

/// A whistle to a department already summoned on the problem that has not reported.
pub fn whistle_unreported(department: &str, date: &str) -> Text {
    let d = shorten(department);
    Text::new(
        format!("{d} was summoned on {date} and has not reported; nothing was written"),
        format!("{date} 已吹哨召集“{d}”，尚未报到；未写入任何内容"),
    )
}

/// How to summon it again anyway.
pub fn hint_whistle_again() -> Text {
    Text::new(
        "record its report with `gov issue report`, or add `--again` to summon it once more",
        "如已报到，请用 `gov issue report` 登记；确需再次召集，请加 `--again`",
    )
}

/// A household whose address is already a household's.
pub fn household_address_taken(address: &str, id: &str, place: &str) -> Text {
    let a = shorten(address);
    Text::new(
        format!("the address {a} is already household {id} ({place}); nothing was written"),
        format!("地址“{a}”已登记为住户 {id}（{place}）；未写入任何内容"),
    )
}

/// How to go on after a household's address is refused.
pub fn hint_household_taken() -> Text {
    Text::new(
        "it is the same household: link members with `gov household link`; a different household needs its own address (room number)",
        "如是同一户，请用 `gov household link` 联系党员；如是另一户，请写明它自己的地址（门牌号）",
    )
}

/// A member whose name and phone are already a member's.
pub fn member_taken(name: &str, phone: &str, id: &str, place: &str) -> Text {
    let n = shorten(name);
    Text::new(
        format!("{n} with phone {phone} is already member {id} ({place}); nothing was written"),
        format!("姓名“{n}”、电话 {phone} 已登记为党员 {id}（{place}）；未写入任何内容"),
    )
}

/// How to go on after a member is refused.
pub fn hint_member_taken() -> Text {
    Text::new("it is the same member: use the id that is there", "如是同一名党员，请使用已有的编号")
}

/// A problem with the title, household and date of one already there.
pub fn issue_taken(id: &str, place: &str) -> Text {
    Text::new(
        format!("problem {id} ({place}) has this title, household and date; nothing was written"),
        format!("诉求 {id}（{place}）的标题、住户和受理日期与此相同；未写入任何内容"),
    )
}

/// How to go on after a problem is refused.
pub fn hint_issue_taken() -> Text {
    Text::new(
        "record what is new as an event of it (`gov issue progress`), or give a title that tells them apart",
        "如是同一诉求，请作为它的办理记录登记（`gov issue progress`）；如是另一诉求，请换一个能区分的标题",
    )
}

/// An edit given no field to change.
pub fn nothing_to_edit(flags: &[&str]) -> Text {
    Text::new(
        format!("give at least one field to change ({})", flags.join(", ")),
        format!("请至少给出一项要修改的内容（{}）", flags.join("、")),
    )
}

/// An edit of a field whose column the CSV file lacks.
pub fn no_column_to_edit(column: &str) -> Text {
    Text::new(
        format!("the file has no `{column}` column; add it to the header first"),
        format!("文件没有 `{column}` 列，请先在表头中加上这一列"),
    )
}

// ---- visit rm, visit edit ----

/// `visit rm` / `visit edit` without a way to name the visit.
pub fn name_the_visit() -> Text {
    Text::new(
        "name the visit: its row (visits/2022-10.csv:17), --id, or --date with --member and --household",
        "请指明哪一条走访记录：写行号（visits/2022-10.csv:17），或 --id，或 --date 加 --member、--household",
    )
}

/// No visit fits what was given.
pub fn no_such_visit() -> Text {
    Text::new("no visit matches", "没有符合条件的走访记录")
}

/// Several visits fit what was given (listed above).
pub fn visits_match(n: usize) -> Text {
    let c = thousands(n);
    Text::new(format!("{c} visits match; nothing was written"), format!("有 {c} 条走访记录符合条件，未写入任何内容"))
}

/// How to name one of several visits.
pub fn hint_name_the_row() -> Text {
    Text::new(
        "name one by its row (visits/2022-10.csv:17), or add --member, --household or --date",
        "请写其中一条的行号（visits/2022-10.csv:17），或再加 --member、--household、--date",
    )
}

/// A row given in another form than `path:line`.
pub fn not_a_row(typed: &str) -> Text {
    Text::new(
        format!("`{typed}` is not a row; write it as visits/2022-10.csv:17"),
        format!("“{typed}”不是行号，请写成 visits/2022-10.csv:17 的形式"),
    )
}

/// A visit kept in a YAML month file.
pub fn visit_in_yaml() -> Text {
    Text::new("the visit is in a YAML month file; edit it by hand", "这条走访记录在 YAML 月份文件中，请手工修改")
}

/// The row on the visit's line no longer holds it.
pub fn visit_moved(line: u32) -> Text {
    Text::new(
        format!(
            "the row on line {line} is not that visit any more; the file may have changed since it was read; run the command again"
        ),
        format!("第 {line} 行已不是这条走访记录，文件可能在读取后被改动，请重新运行命令"),
    )
}

// ---- issue undo, issue amend ----

/// A problem with no events to undo.
pub fn no_events(id: &str) -> Text {
    Text::new(format!("{id} has no events; nothing to undo"), format!("诉求 {id} 没有办理记录，无可撤销"))
}

/// `issue undo` without a terminal to confirm on.
pub fn undo_needs_yes() -> Text {
    Text::new(
        "no terminal to confirm on; give --yes to remove the event; nothing was written",
        "没有终端可供确认；确要删除这条办理记录，请加 --yes；未写入任何内容",
    )
}

/// Another writer changed the problem while gov asked.
pub fn issue_changed(id: &str) -> Text {
    Text::new(
        format!("{id} changed while gov asked; look at it again (gov issue show {id}); nothing was written"),
        format!("询问期间诉求 {id} 已被改动，请重新查看（gov issue show {id}）；未写入任何内容"),
    )
}

/// How to give what `gov activity add` lacks.
pub fn hint_activity_flags() -> Text {
    Text::new(
        "give them as flags, or run `gov activity add` in a terminal to be asked",
        "请用选项填写，或在终端中运行 `gov activity add`，按提示逐项填写",
    )
}

/// The columns an activity batch may have.
pub fn hint_activity_columns(fields: &[&str]) -> Text {
    Text::new(
        format!("rename or remove it: an activity's columns are {}", fields.join(", ")),
        format!("请改名或删除；活动记录的列为 {}", fields.join("、")),
    )
}

/// No volunteer matches.
pub fn no_volunteer(q: &str) -> Text {
    Text::new(format!("no volunteer matches `{q}`"), format!("没有与“{q}”相符的志愿者"))
}

/// Several volunteers match.
pub fn many_volunteers(q: &str, many: &[String]) -> Text {
    let n = many.len();
    Text::new(
        format!("`{q}` matches {n} volunteers: {}", many.join(", ")),
        format!("“{q}”同时与 {n} 名志愿者相符：{}", many.join("、")),
    )
}

// ---- gov import ----

/// A spreadsheet calamine cannot open.
pub fn import_cannot_read(path: &Path, why: &str) -> Text {
    let p = path.display();
    Text::new(format!("cannot read `{p}` as a spreadsheet: {why}"), format!("无法读取表格文件“{p}”：{why}"))
}

/// `--sheet` names no sheet of the workbook.
pub fn import_no_sheet(path: &Path, sheet: &str) -> Text {
    let p = path.display();
    Text::new(format!("`{p}` has no sheet `{sheet}`"), format!("“{p}”中没有工作表“{sheet}”"))
}

/// How to name a sheet.
pub fn hint_sheet() -> Text {
    Text::new(
        "give --sheet the sheet's name as its tab shows it, or its number (1 for the first), or pass --all-sheets",
        "--sheet 后写工作表标签上的名称，或写序号（第一个为 1）；也可以加 --all-sheets 导入全部工作表",
    )
}

/// No row of a sheet names two of the kind's columns.
pub fn import_no_header(sheet: &str) -> Text {
    Text::new(
        format!("{sheet}: no header row naming the columns (looked for two known column names in one row)"),
        format!("{sheet}：找不到表头行（没有一行同时含有两个可识别的列名）"),
    )
}

/// The columns a sheet can name.
pub fn hint_import_columns(known: &str) -> Text {
    Text::new(format!("name the columns as one of: {known}"), format!("列名请使用：{known}"))
}

/// A rules file that is not what docs/import.md describes.
pub fn import_bad_rules(path: &Path, why: &str) -> Text {
    let p = path.display();
    Text::new(
        format!("the rules file `{p}` cannot be read: {why} (see docs/import.md)"),
        format!("规则文件“{p}”无法读取：{why}（格式见 docs/import.md）"),
    )
}

// ---- gov export --format parquet ----

/// `--out` names a folder that holds other things.
pub fn export_target_taken(dir: &Path) -> Text {
    let d = dir.display();
    Text::new(
        format!("{d} is not empty and is not an earlier gov export: nothing was written"),
        format!("{d} 不是空文件夹，也不是 gov 以前导出的数据集：什么也没有写入"),
    )
}

/// `--out` would replace the data itself (the folder, or a folder holding it), `--force` or not.
pub fn export_target_holds_data(dir: &Path) -> Text {
    let d = dir.display();
    Text::new(
        format!(
            "{d} holds the data folder being exported; gov never writes a dataset over the records: nothing was written"
        ),
        format!("{d} 包含正在导出的数据文件夹本身，不能覆盖原始记录：什么也没有写入"),
    )
}

/// How to go on after [`export_target_holds_data`].
pub fn hint_export_elsewhere() -> Text {
    Text::new(
        "name a folder outside the data folder, for example --out ../数据集",
        "请指定数据文件夹以外的文件夹，例如 --out ../数据集",
    )
}

/// How to go on.
pub fn hint_export_target() -> Text {
    Text::new(
        "name a new or empty folder, or pass --force to replace it and everything in it",
        "请指定一个新的或空的文件夹；如确要替换它（连同其中全部内容），请加 --force",
    )
}

/// `gov export` without `--month` for a monthly pack.
pub fn export_needs_month() -> Text {
    Text::new(
        "--month is needed for the monthly pack (--format csv, json or md)",
        "导出月度报表（--format csv、json 或 md）需要 --month",
    )
}

/// `--month` with `--format parquet`.
pub fn parquet_takes_no_month() -> Text {
    Text::new(
        "--month does not apply to --format parquet: the dataset holds every record of the folder",
        "--format parquet 不用 --month：导出的数据集包含数据文件夹中的全部记录",
    )
}

/// Options of the monthly pack with `--format parquet`.
pub fn parquet_pack_option(option: &str) -> Text {
    Text::new(
        format!("{option} applies to the monthly pack only, not to --format parquet"),
        format!("{option} 只用于月度报表，不用于 --format parquet"),
    )
}
