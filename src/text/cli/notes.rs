//! What gov says about a folder with errors when it reports on it anyway: the note on stderr,
//! and the marks of an incomplete export pack.

use super::super::Text;
use crate::finding::thousands;

/// The note's first line: how many errors, so the output may be incomplete.
pub fn errors_warning(errors: usize) -> Text {
    let n = thousands(errors);
    Text::new(
        if errors == 1 {
            "warning: the data folder has 1 error, so this output may be incomplete:".to_string()
        } else {
            format!("warning: the data folder has {n} errors, so this output may be incomplete:")
        },
        format!("警告：数据文件夹有 {n} 个错误，本次输出可能不完整："),
    )
}

/// After the note: the report is printed but the exit status says the errors.
pub fn then_fail() -> Text {
    Text::new(
        "exit status 1: fix the errors, or pass --allow-errors to use this output anyway",
        "退出码为 1：请先改正这些错误；如仍要使用本次结果，可加 --allow-errors",
    )
}

/// After the note: nothing exported.
pub fn then_refuse() -> Text {
    Text::new(
        "nothing was exported: fix the errors, or pass --allow-errors to export a pack marked incomplete",
        "未导出任何文件：请先改正这些错误；确需报送的，可加 --allow-errors 导出标明“未完成”的材料",
    )
}

/// The words that start the title of every file of an incomplete pack.
pub fn incomplete_title(errors: usize) -> Text {
    let n = thousands(errors);
    Text::new(
        if errors == 1 {
            "[INCOMPLETE: the data has 1 error] ".to_string()
        } else {
            format!("[INCOMPLETE: the data has {n} errors] ")
        },
        format!("【未完成：数据有 {n} 个错误】"),
    )
}

/// The head of the marker file of an incomplete pack (two lines and a blank one).
pub fn incomplete_file_head(errors: usize) -> Text {
    let n = thousands(errors);
    Text::new(
        format!(
            "INCOMPLETE: the data folder had {n} error{} when this pack was exported, so its reports may be incomplete.\n\
             Run `gov check`, fix the errors, and export again.\n\n",
            if errors == 1 { "" } else { "s" }
        ),
        format!(
            "未完成：导出时数据文件夹有 {n} 个错误，本文件夹中的报表可能不完整。\n\
             请运行 `gov check`，改正错误后重新导出。\n\n"
        ),
    )
}

/// The line after the errors shown, when there are more.
pub fn more_errors(more: usize) -> Text {
    let m = thousands(more);
    Text::new(
        format!("… and {m} more; `gov check` lists them all\n"),
        format!("……另有 {m} 个，运行 `gov check` 可查看全部\n"),
    )
}
