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
