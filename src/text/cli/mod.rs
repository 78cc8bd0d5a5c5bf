//! The catalogue's part for the command line (see [`super`]): what the writing commands
//! confirm ([`write`]), the notes beside a report ([`notes`]), and `init`, `export`, the
//! progress line and the phase timer (here).

use super::Text;
use crate::finding::thousands;

pub mod meetings;
pub mod notes;
pub mod projects;
pub mod write;

// ---- gov init ----

/// `gov init` made the folder.
pub fn init_made(dir: &str) -> Text {
    Text::new(format!("made a gov data folder in {dir}"), format!("已在 {dir} 新建 gov 数据文件夹"))
}

/// What to do next.
pub fn init_next(dir: &str) -> Text {
    Text::new(
        format!("next: edit {dir}/gov.yaml (name, departments), add members and households, then run `gov check`"),
        format!("下一步：编辑 {dir}/gov.yaml（社区名称、部门），录入党员和住户，再运行 `gov check`"),
    )
}

// ---- gov export ----

/// One file of the pack, with its rows.
pub fn export_file(path: &str, rows: usize) -> Text {
    let n = thousands(rows);
    Text::new(format!("{path}  ({n} {})", if rows == 1 { "row" } else { "rows" }), format!("{path}（{n} 行）"))
}

/// The marker file of an incomplete pack, with what it says.
pub fn export_marker(path: &str, title: &Text) -> Text {
    Text::new(format!("{path}  ({})", title.en().trim()), format!("{path}{}", title.zh().trim()))
}

/// One table of a Parquet dataset, with its files and rows.
pub fn export_table(path: &str, files: usize, rows: usize) -> Text {
    let (f, n) = (thousands(files), thousands(rows));
    let (fs, rs) = (if files == 1 { "file" } else { "files" }, if rows == 1 { "row" } else { "rows" });
    Text::new(format!("{path}  ({f} {fs}, {n} {rs})"), format!("{path}（{f} 个文件，{n} 行）"))
}

/// After a masked Parquet export.
pub fn export_masked() -> Text {
    Text::new(
        "phones, ID and card numbers and door numbers are masked, as in every report; --unmask keeps them in full, \
         for the community's own use only",
        "电话、身份证号、银行卡号和门牌号已按报表的方式遮盖；加 --unmask 可完整保留，仅限本社区自用",
    )
}

/// After an unmasked Parquet export.
pub fn export_unmasked() -> Text {
    Text::new(
        "unmasked: phones, ID and card numbers and door numbers are in full, for the community's own use only; \
         do not pass these files on (export again without --unmask for anyone else)",
        "未遮盖：电话、身份证号、银行卡号和门牌号均完整保留，仅限本社区自用，请勿外传\
         （给他人的数据请不加 --unmask 重新导出）",
    )
}

// ---- while a load runs ----

/// The progress line.
pub fn progress(done: usize, total: usize) -> Text {
    let (d, t) = (thousands(done), thousands(total));
    Text::new(
        format!("reading the data folder: {d} of {t} files…"),
        format!("正在读取数据文件夹：已读 {d} 个，共 {t} 个文件……"),
    )
}

/// A phase time (`GOV_TIMINGS`): seconds so far, the loader's phase (as it names it), peak
/// memory where known.
pub fn timing(secs: f64, what: &str, peak: Option<&str>) -> Text {
    let en = peak.map_or(String::new(), |p| format!(" (peak {p})"));
    let zh = peak.map_or(String::new(), |p| format!("（内存峰值 {p}）"));
    Text::new(format!("[{secs:>8.3} s] {what}{en}"), format!("[{secs:>8.3} 秒] {what}{zh}"))
}
