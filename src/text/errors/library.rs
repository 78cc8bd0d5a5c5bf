//! The library's error types in both languages: `e.text()` is what the command line shows; the
//! types keep their English `Display` for logs and tests.

use super::{Text, noun_zh, os};
use crate::finding::{shorten, thousands};

// ---- loading a folder (src/load) ----

impl crate::load::LoadError {
    /// The error in both languages.
    pub fn text(&self) -> Text {
        use crate::load::LoadError as E;
        match self {
            E::NotFound { searched } => {
                let p = searched.display();
                Text::new(
                    format!("no gov.yaml found in {p} or any folder above it"),
                    format!("在 {p} 及其上级文件夹中都找不到 gov.yaml"),
                )
            }
            E::NoFolder { path } => {
                let p = path.display();
                Text::new(format!("{p} does not exist or is not a folder"), format!("{p} 不存在，或不是文件夹"))
            }
            E::NoSettings { path } => {
                let p = path.display();
                Text::new(
                    format!("{p} has no gov.yaml, so it is not a gov data folder"),
                    format!("{p} 中没有 gov.yaml，不是 gov 的数据文件夹"),
                )
            }
            E::Walk { path, error } => {
                let p = path.display();
                let why = os(error);
                Text::new(
                    format!("cannot list the files of {p}: {}", why.en()),
                    format!("无法列出 {p} 中的文件：{}", why.zh()),
                )
            }
        }
    }
}

// ---- a town's gov.yaml (src/load/town.rs) ----

impl crate::load::town::TownError {
    /// The error in both languages, after `gov.yaml:LINE: `.
    pub fn text(&self) -> Text {
        use crate::load::town::TownProblem as P;
        let at = format!("{}:{}", self.file.display(), self.line);
        let what = match &self.problem {
            P::NoName => Text::new("a town needs its `name`", "镇（街道）的 gov.yaml 缺少 `name`（名称）"),
            P::NoCommunities => Text::new(
                "a town needs `communities`, a list of its community folders (paths or globs)",
                "镇（街道）的 gov.yaml 缺少 `communities`：须列出所辖各社区的文件夹（路径或通配符）",
            ),
            P::NotAList => Text::new("`communities` must be a list of folders", "`communities` 应为文件夹列表"),
            P::UnknownField(f) => Text::new(
                format!("`{f}` is not a field of a town's gov.yaml (kind, name, lang, communities)"),
                format!("“{f}”不是镇（街道）gov.yaml 的字段（可填：kind、name、lang、communities）"),
            ),
            P::BadLang(l) => {
                Text::new(format!("`lang` must be zh or en, not `{l}`"), format!("`lang` 应为 zh 或 en，不能是“{l}”"))
            }
            P::Missing(d) => {
                Text::new(format!("community folder `{d}` does not exist"), format!("社区文件夹“{d}”不存在"))
            }
            P::NotACommunity(d) => Text::new(
                format!("`{d}` has no gov.yaml, so it is not a community folder"),
                format!("“{d}”中没有 gov.yaml，不是社区数据文件夹"),
            ),
            P::NoMatch(p) => {
                Text::new(format!("`{p}` matches no community folder"), format!("“{p}”没有匹配到任何社区文件夹"))
            }
            P::Nested(d) => Text::new(
                format!("`{d}` is itself a town; a town lists community folders only"),
                format!("“{d}”本身是镇（街道）文件夹；`communities` 只能列社区文件夹"),
            ),
            P::BadPattern(p) => Text::new(
                format!("`{p}`: a glob must stay inside the town's folder (no `..`, no absolute path)"),
                format!("“{p}”：通配符只能用于本镇文件夹之内（不能含 `..`，不能是绝对路径）"),
            ),
        };
        Text::new(format!("{at}: {}", what.en()), format!("{at}：{}", what.zh()))
    }
}

impl crate::load::text::DecodeError {
    /// What is wrong with a file's bytes, said after the file's name (`visits.csv is …`).
    pub fn text(&self) -> Text {
        use crate::load::text::DecodeError as E;
        match self {
            E::BadUtf8AfterBom(e) => Text::new(
                format!("starts with a UTF-8 byte order mark but is not valid UTF-8 ({e})"),
                format!("以 UTF-8 BOM 开头，但内容不是有效的 UTF-8（{e}）"),
            ),
            E::Utf16 => {
                Text::new("is UTF-16 text, not UTF-8 or GB18030", "是 UTF-16 编码的文本，不是 UTF-8 或 GB18030")
            }
            E::Binary(b) => {
                let what = b.text();
                Text::new(
                    format!("is not text: it looks like {}", what.en()),
                    format!("不是文本文件，看起来是{}", what.zh()),
                )
            }
            E::CutShort => Text::new(
                "ends in the middle of a UTF-8 character: it was probably cut short",
                "在一个 UTF-8 字符中间结束，文件可能不完整",
            ),
            E::BadUtf8At { line } => Text::new(
                format!("is UTF-8 up to line {line}, where it has bytes that are not UTF-8; re-save it as UTF-8"),
                format!("第 {line} 行之前是 UTF-8，该行含有非 UTF-8 字节；请另存为 UTF-8"),
            ),
            E::Unknown => Text::new(
                "is neither UTF-8 nor GB18030 text; save it as UTF-8",
                "既不是 UTF-8 也不是 GB18030 文本；请另存为 UTF-8",
            ),
        }
    }

    /// What to do about it (`csv`: the file is meant to be a CSV file).
    pub fn hint_text(&self, csv: bool) -> Text {
        use crate::load::text::{Binary, DecodeError as E};
        match self {
            E::Utf16 if !csv => Text::new(
                "save it as UTF-8 in a text editor (Notepad: Save As, Encoding UTF-8)",
                "请用文本编辑器另存为 UTF-8（记事本：另存为，编码选 UTF-8）",
            ),
            E::Utf16 | E::Binary(Binary::Xlsx | Binary::Xls) => Text::new(
                "open it in Excel or WPS and save it as CSV UTF-8 (File > Save As > CSV UTF-8), then put that file here",
                "请用 Excel 或 WPS 打开，另存为“CSV UTF-8”（文件 > 另存为 > CSV UTF-8），再把该文件放到这里",
            ),
            E::Binary(Binary::Zip) => {
                Text::new("unpack the archive and put the text file itself here", "请解压，把其中的文本文件放到这里")
            }
            E::Binary(_) => Text::new(
                "put the CSV or YAML text file here; a spreadsheet must be saved as CSV UTF-8",
                "请放入 CSV 或 YAML 文本文件；表格须另存为“CSV UTF-8”",
            ),
            _ => read_utf8_or_gbk(),
        }
    }
}

/// What gov reads: the hint when a file is not text.
pub fn read_utf8_or_gbk() -> Text {
    Text::new("gov reads UTF-8 or GB18030 (GBK) text files", "gov 只读取 UTF-8 或 GB18030（GBK）编码的文本文件")
}

impl crate::load::text::Binary {
    /// What kind of binary file it looks like.
    pub fn text(&self) -> Text {
        use crate::load::text::Binary as B;
        match self {
            B::Xlsx => Text::new("an Excel workbook (xlsx)", " Excel 工作簿（xlsx）"),
            B::Xls => Text::new("an old Excel or WPS workbook (xls, et)", "旧版 Excel 或 WPS 工作簿（xls、et）"),
            B::Zip => Text::new("a ZIP archive", " ZIP 压缩包"),
            B::Pdf => Text::new("a PDF document", " PDF 文档"),
            B::Other => Text::new("a binary file (it holds NUL bytes)", "二进制文件（含 NUL 字节）"),
        }
    }
}

impl crate::load::ReadError {
    /// Why a file of the folder could not be read.
    pub fn text(&self) -> Text {
        use crate::load::ReadError as E;
        match self {
            E::Io(e) => {
                let why = os(e);
                Text::new(format!("cannot read file: {}", why.en()), format!("无法读取文件：{}", why.zh()))
            }
            E::TooLarge { bytes } => {
                let (mb, max) = (bytes >> 20, crate::load::MAX_FILE_BYTES >> 20);
                Text::new(
                    format!("file is {mb} MB, more than gov reads ({max} MB); split it, e.g. visits by month"),
                    format!("文件大小 {mb} MB，超过 gov 的读取上限（{max} MB）；请拆分文件，如走访记录按月分开"),
                )
            }
            E::NotText(why) => why.text().map(|lang, s| match lang {
                crate::text::Lang::En => format!("file {s}"),
                crate::text::Lang::Zh => format!("文件{s}"),
            }),
            E::NotRegular(what) => Text::new(
                format!("cannot read file: it is {what}; gov reads only regular files inside the folder"),
                format!("无法读取文件：它是{}；gov 只读取数据文件夹内的普通文件", not_regular_zh(what)),
            ),
        }
    }
}

/// The Chinese of what a path that is not a regular file is (`a symbolic link`).
fn not_regular_zh(en: &str) -> &str {
    match en {
        s if s.contains("link") => "符号链接",
        s if s.contains("folder") || s.contains("directory") => "文件夹",
        s if s.contains("FIFO") || s.contains("pipe") => "命名管道（FIFO）",
        s if s.contains("socket") => "套接字",
        s if s.contains("device") => "设备文件",
        _ => "特殊文件",
    }
}

impl crate::load::cache::codec::Corrupt {
    /// The parse cache is damaged.
    pub fn text(&self) -> Text {
        Text::new("the parse cache does not decode", "解析缓存已损坏，无法读取")
    }
}

// ---- the folder's private files (src/layout.rs) ----

impl crate::layout::PrivateDirError {
    /// Why gov will not use the `.gov` folder.
    pub fn text(&self) -> Text {
        use crate::layout::PrivateDirError as E;
        match self {
            E::LinkOutside { path, target } => link_outside(path, target),
            E::Link { path, target } => link(path, target),
            E::NotAFolder { path } => {
                let p = path.display();
                Text::new(
                    format!("{p} is not a folder; gov keeps its lock and parse cache in a folder of that name"),
                    format!("{p} 不是文件夹；gov 要用同名文件夹存放锁和解析缓存"),
                )
            }
        }
    }
}

fn link_outside(path: &std::path::Path, target: &std::path::Path) -> Text {
    let (p, t) = (path.display(), target.display());
    Text::new(
        format!("{p} is a symbolic link to {t}, a place outside the folder; gov writes only inside the folder"),
        format!("{p} 是指向数据文件夹外 {t} 的符号链接；gov 只在数据文件夹内写入"),
    )
}

fn link(path: &std::path::Path, target: &std::path::Path) -> Text {
    let (p, t) = (path.display(), target.display());
    Text::new(
        format!("{p} is a symbolic link (to {t}); gov writes only to real files and folders, never through a link"),
        format!("{p} 是指向 {t} 的符号链接；gov 只写入真实的文件和文件夹，不经链接写入"),
    )
}

// ---- finding a record by what the user typed (src/report/index.rs) ----

impl crate::report::index::FindError {
    /// Nothing, or more than one record, matches.
    pub fn text(&self) -> Text {
        use crate::report::index::FindError as E;
        match self {
            E::None { what, query } => {
                let q = shorten(query);
                Text::new(format!("no {what} matches `{q}`"), format!("没有与“{q}”相符的{}", noun_zh(what)))
            }
            E::Ambiguous { what, query, total, candidates } => {
                let q = shorten(query);
                let n = thousands(*total);
                let more = total.saturating_sub(candidates.len());
                let (list_en, list_zh) = if more > 0 {
                    let m = thousands(more);
                    (
                        format!("{}, … {m} more", candidates.join(", ")),
                        format!("{}……另有 {m} 个", candidates.join("、")),
                    )
                } else {
                    (candidates.join(", "), candidates.join("、"))
                };
                Text::new(
                    format!("`{q}` matches {n} {what}s: {list_en}"),
                    format!("“{q}”与 {n} 个{}相符：{list_zh}", noun_zh(what)),
                )
            }
        }
    }
}

// ---- periods (src/report/period.rs) ----

impl crate::report::period::PeriodError {
    /// `--month`, `--year`, `--from`, `--to` that name no period.
    pub fn text(&self) -> Text {
        use crate::report::period::PeriodError as E;
        match self {
            E::Month(s) => {
                let s = shorten(s);
                Text::new(
                    format!("`{s}` is not a month; write YYYY-MM, this-month or last-month"),
                    format!("“{s}”不是月份；请写成 YYYY-MM、this-month（本月）或 last-month（上月）"),
                )
            }
            E::Year(s) => {
                let s = shorten(s);
                Text::new(format!("`{s}` is not a year; write YYYY"), format!("“{s}”不是年份；请写成 YYYY"))
            }
            E::YearOutOfRange(y) => {
                Text::new(format!("{y} is not a year gov can handle"), format!("{y} 年超出 gov 能处理的范围"))
            }
            E::Date { flag, value } => {
                let v = shorten(value);
                Text::new(
                    format!("{flag} `{v}` is not a date; write YYYY-MM-DD"),
                    format!("{flag} 的值“{v}”不是日期；请写成 YYYY-MM-DD"),
                )
            }
            E::Backwards { from, to } => {
                Text::new(format!("--from {from} is after --to {to}"), format!("--from {from} 晚于 --to {to}"))
            }
            E::Conflict => Text::new(
                "choose one of --month, --year, or --from/--to",
                "--month、--year 和 --from/--to 只能选用一种",
            ),
        }
    }
}

// ---- writing (src/store) ----

impl crate::store::csv_edit::RowError {
    /// A new CSV row that the file's header cannot hold.
    pub fn text(&self) -> Text {
        use crate::store::csv_edit::RowError as E;
        match self {
            E::NoColumn(c) => Text::new(
                format!("the file has no `{c}` column; add it to the header, or leave the value out"),
                format!("文件没有 `{c}` 列；请在表头补上该列，或不填此项"),
            ),
        }
    }
}

/// The file changed since gov read it: the last words of several place errors.
fn changed_since() -> (&'static str, &'static str) {
    ("the file may have changed since it was read; run the command again", "文件可能在读取后被改动过；请重新运行该命令")
}

impl crate::store::csv_edit::PlaceError {
    /// The record to edit is not where the loader found it.
    pub fn text(&self) -> Text {
        use crate::store::csv_edit::PlaceError as E;
        let (ce, cz) = changed_since();
        match self {
            E::NoRecord { line } => {
                Text::new(format!("no record starts on line {line}; {ce}"), format!("第 {line} 行不是记录的开头；{cz}"))
            }
            E::OtherRecord { line, found, id } => other_record(*line as usize, found, id),
            E::Duplicate { id, lines } => duplicate(id, lines),
            E::NoColumn { column } => no_column(column),
        }
    }
}

fn other_record(line: usize, found: &str, id: &str) -> Text {
    let (ce, cz) = changed_since();
    let (found, id) = (shorten(found), shorten(id));
    Text::new(
        format!("the record on line {line} is `{found}`, not `{id}`; {ce}"),
        format!("第 {line} 行的记录是“{found}”，不是“{id}”；{cz}"),
    )
}

/// An id held by more than one record of the file (`lines`: `2, 4`).
pub fn duplicate(id: &str, lines: &str) -> Text {
    let id = shorten(id);
    Text::new(
        format!("`{id}` is in more than one record (lines {lines}); remove the duplicate first"),
        format!("编号“{id}”出现在多条记录中（第 {lines} 行）；请先删除重复记录"),
    )
}

/// The file has no such column.
pub fn no_column(column: &str) -> Text {
    Text::new(format!("the file has no `{column}` column"), format!("文件没有 `{column}` 列"))
}

impl crate::store::file::NotText {
    /// A file gov was to edit that is not text.
    pub fn text(&self) -> Text {
        let p = self.path.display();
        self.error.text().map(|lang, s| match lang {
            crate::text::Lang::En => format!("{p} {s}"),
            crate::text::Lang::Zh => format!("{p} {s}"),
        })
    }
}

impl crate::store::guard::GuardError {
    /// Why a write was refused before anything was written.
    pub fn text(&self) -> Text {
        use crate::store::guard::GuardError as E;
        match self {
            E::LinkOutside { path, target } => link_outside(path, target),
            E::Link { path, target } => link(path, target),
            E::NotAFile { path } => {
                let p = path.display();
                Text::new(
                    format!(
                        "{p} is not a regular file (a FIFO, socket, device or folder); gov writes only to regular files"
                    ),
                    format!("{p} 不是普通文件（而是管道、套接字、设备或文件夹）；gov 只写入普通文件"),
                )
            }
            E::NotAFolder { path } => {
                let p = path.display();
                Text::new(
                    format!("{p} is not a folder; gov writes only inside real folders"),
                    format!("{p} 不是文件夹；gov 只在真实的文件夹中写入"),
                )
            }
            E::NotInside { path, root } => {
                let (p, r) = (path.display(), root.display());
                Text::new(
                    format!("{p} is not inside the data folder {r}; gov writes only inside the folder"),
                    format!("{p} 不在数据文件夹 {r} 内；gov 只在数据文件夹内写入"),
                )
            }
            E::Io { path, source } => {
                let (p, why) = (path.display(), os(source));
                Text::new(format!("cannot look at {p}: {}", why.en()), format!("无法查看 {p}：{}", why.zh()))
            }
        }
    }
}

impl crate::store::journal::Unjournalable {
    /// A path the batch journal cannot hold.
    pub fn text(&self) -> Text {
        let p = self.path.display();
        Text::new(
            format!("cannot journal the path {p}"),
            format!("批量写入日志无法记录路径 {p}（路径须为 UTF-8，且不含制表符或换行符）"),
        )
    }
}

impl crate::store::lock::LockError {
    /// The folder's lock could not be taken.
    pub fn text(&self) -> Text {
        use crate::store::lock::LockError as E;
        match self {
            E::Busy { holder, waited } => {
                let s = waited.as_secs();
                let (he, hz) = holder_text(holder);
                Text::new(
                    format!("another gov is writing to this folder and did not finish within {s} s ({he})"),
                    format!("另一个 gov 正在写入本数据文件夹，{s} 秒内未写完（{hz}）"),
                )
            }
            E::Io { path, error } => {
                let (p, why) = (path.display(), os(error));
                Text::new(format!("cannot lock {p}: {}", why.en()), format!("无法锁定 {p}：{}", why.zh()))
            }
        }
    }
}

/// Who holds the lock, as its file says (`pid 4242, gov visit add, since …`), or that it has not
/// said.
pub(crate) fn holder_text(holder: &str) -> (String, String) {
    if holder.is_empty() {
        ("it has not said who it is".to_string(), "未注明写入者".to_string())
    } else {
        (holder.to_string(), holder_zh(holder).unwrap_or_else(|| holder.to_string()))
    }
}

/// The lock's note (`pid 4242, gov visit add, since 2023-01-01 09:30:00`) in Chinese.
fn holder_zh(holder: &str) -> Option<String> {
    let (pid, rest) = holder.strip_prefix("pid ")?.split_once(", ")?;
    let (command, since) = rest.rsplit_once(", since ")?;
    Some(format!("进程号 {pid}，{command}，{since} 开始"))
}

impl crate::store::yaml_edit::EditError {
    /// Why a YAML record cannot be edited in place.
    pub fn text(&self) -> Text {
        use crate::store::yaml_edit::EditError as E;
        const BY_HAND: &str = "请手工修改";
        match self {
            E::Nested { key } => Text::new(
                format!("`{key}` holds a nested value; edit it by hand"),
                format!("`{key}` 的值是嵌套结构；{BY_HAND}"),
            ),
            E::NoAnchor { key } => {
                Text::new(format!("the record has no `{key}:` line"), format!("该记录没有 `{key}:` 这一行"))
            }
            E::FlowMapping => Text::new(
                "the record is written as a flow mapping `{…}`; edit it by hand",
                format!("该记录写成了行内映射 `{{…}}`；{BY_HAND}"),
            ),
            E::MultiLineItems => Text::new(
                "the list's items span several lines; edit it by hand",
                format!("列表中有跨多行的项；{BY_HAND}"),
            ),
            E::MultiLineFlowList { key } => Text::new(
                format!("`{key}` is a flow list over several lines; edit it by hand"),
                format!("`{key}` 是跨多行的行内列表；{BY_HAND}"),
            ),
            E::NoKey { key } => Text::new(format!("the record has no `{key}`"), format!("该记录没有 `{key}` 字段")),
            E::NotInList { item, key } => {
                let item = shorten(item);
                Text::new(format!("`{item}` is not in `{key}`"), format!("`{key}` 中没有“{item}”"))
            }
            E::NoDash => Text::new("the list's first item does not start with `-`", "列表的第一项不以 `-` 开头"),
            E::NotAList { key } => Text::new(
                format!("`{key}` is not a list this command can add to; edit it by hand"),
                format!("`{key}` 不是本命令能追加内容的列表；{BY_HAND}"),
            ),
            E::OtherRecord { line, found, id } => other_record(*line, found, id),
            E::NoId { line } => Text::new(
                format!("the record on line {line} has no `id:` line of its own; edit it by hand"),
                format!("第 {line} 行的记录没有自己的 `id:` 行；{BY_HAND}"),
            ),
            E::NotInFile => Text::new("the record is not in the file", "文件中没有这条记录"),
        }
    }
}

// ---- the Parquet dataset (src/warehouse) ----

impl crate::warehouse::WarehouseError {
    /// The error in both languages (the cause, an OS or Parquet error, is said under it).
    pub fn text(&self) -> Text {
        use crate::warehouse::WarehouseError as E;
        match self {
            E::Io { path, .. } | E::Parquet { path, .. } => {
                let p = path.display();
                Text::new(format!("cannot write the Parquet dataset at {p}"), format!("无法在 {p} 写入 Parquet 数据集"))
            }
        }
    }

    /// What lies under it.
    pub fn cause(&self) -> Text {
        use crate::warehouse::WarehouseError as E;
        match self {
            E::Io { source, .. } => os(source),
            E::Parquet { source, .. } => Text::new(source.to_string(), format!("Parquet 写入出错：{source}")),
        }
    }
}
