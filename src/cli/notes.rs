//! What gov tells the user about a folder with errors when it reports on it anyway: the note on
//! stderr, and the marks of an incomplete export pack. Both languages are here, side by side,
//! until the messages move into a catalogue (issue 12); the folder's `lang` picks one.

use crate::finding::{Finding, thousands};
use crate::model::Lang;
use crate::render::findings::finding_line;

use super::output::OnErrors;

/// How many findings the note on stderr shows.
const NOTE_SHOWS: usize = 3;

/// The file inside an incomplete pack that says so, in both languages whatever the folder's.
pub const INCOMPLETE_FILE: &str = "未完成-INCOMPLETE.txt";

/// The note on stderr for a report made from a folder with errors: how many, the first few of
/// the errors `listed`, and what happens now (nothing more is said with `--allow-errors`).
pub fn errors_note(lang: Lang, errors: usize, listed: &[Finding], on_errors: OnErrors) -> String {
    let n = thousands(errors);
    let mut out = match (lang, errors) {
        (Lang::Zh, _) => format!("警告：数据文件夹有 {n} 个错误，本次输出可能不完整：\n"),
        (Lang::En, 1) => "warning: the data folder has 1 error, so this output may be incomplete:\n".to_string(),
        (Lang::En, _) => format!("warning: the data folder has {n} errors, so this output may be incomplete:\n"),
    };
    let shown: Vec<&Finding> = listed.iter().take(NOTE_SHOWS).collect();
    for f in &shown {
        out.push_str(&format!("  {}\n", finding_line(f)));
    }
    if errors > shown.len() {
        out.push_str("  ");
        out.push_str(&more(lang, errors - shown.len()));
    }
    let then = match (lang, on_errors) {
        (_, OnErrors::Allow) => return out,
        (Lang::Zh, OnErrors::Fail) => "退出码为 1：请先改正这些错误，或加 --allow-errors 仍然使用这些结果",
        (Lang::En, OnErrors::Fail) => "exit status 1: fix the errors, or pass --allow-errors to use this output anyway",
        (Lang::Zh, OnErrors::Refuse) => "未导出任何文件：请先改正这些错误，或加 --allow-errors 导出标明“未完成”的材料",
        (Lang::En, OnErrors::Refuse) => {
            "nothing was exported: fix the errors, or pass --allow-errors to export a pack marked incomplete"
        }
    };
    out.push_str(then);
    out.push('\n');
    out
}

/// The words that start the title of every file in an incomplete pack (and, in CSV, its
/// first row).
pub fn incomplete_title(lang: Lang, errors: usize) -> String {
    let n = thousands(errors);
    match (lang, errors) {
        (Lang::Zh, _) => format!("【未完成：数据有 {n} 个错误】"),
        (Lang::En, 1) => "[INCOMPLETE: the data has 1 error] ".to_string(),
        (Lang::En, _) => format!("[INCOMPLETE: the data has {n} errors] "),
    }
}

/// The text of [`INCOMPLETE_FILE`]: why the pack is incomplete, and the errors.
pub fn incomplete_file(lang: Lang, errors: usize, listed: &[Finding]) -> String {
    let n = thousands(errors);
    let mut out = match lang {
        Lang::Zh => format!(
            "未完成：导出时数据文件夹有 {n} 个错误，本目录中的报表可能不完整。\n\
             请运行 `gov check` 改正错误后重新导出。\n\n"
        ),
        Lang::En => format!(
            "INCOMPLETE: the data folder had {n} error{} when this pack was exported, so its reports may be incomplete.\n\
             Run `gov check`, fix the errors, and export again.\n\n",
            if errors == 1 { "" } else { "s" }
        ),
    };
    for f in listed {
        out.push_str(&finding_line(f));
        out.push('\n');
    }
    if errors > listed.len() {
        out.push_str(&more(lang, errors - listed.len()));
    }
    out
}

/// The line after the errors shown, when there are more.
fn more(lang: Lang, more: usize) -> String {
    let more = thousands(more);
    match lang {
        Lang::Zh => format!("……另有 {more} 个；`gov check` 列出全部\n"),
        Lang::En => format!("… and {more} more; `gov check` lists them all\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Code;

    fn errors(n: usize) -> Vec<Finding> {
        (1..=n).map(|i| Finding::new(Code::DuplicateId, "members.csv", Some(i as u32), "twice")).collect()
    }

    #[test]
    fn one_error_in_english_and_the_endings() {
        let note = errors_note(Lang::En, 1, &errors(1), OnErrors::Allow);
        assert_eq!(
            note,
            "warning: the data folder has 1 error, so this output may be incomplete:\n  members.csv:1: error[duplicate-id] twice\n"
        );
        let refused = errors_note(Lang::Zh, 1_234, &errors(20), OnErrors::Refuse);
        assert!(refused.starts_with("警告：数据文件夹有 1,234 个错误"), "{refused}");
        assert!(refused.contains("  ……另有 1,231 个；`gov check` 列出全部\n未导出任何文件"), "{refused}");
    }

    #[test]
    fn the_marker_says_how_many_are_not_listed() {
        let text = incomplete_file(Lang::En, 25, &errors(20));
        assert!(text.starts_with("INCOMPLETE: the data folder had 25 errors when"), "{text}");
        assert!(
            text.ends_with("members.csv:20: error[duplicate-id] twice\n… and 5 more; `gov check` lists them all\n")
        );
        assert_eq!(incomplete_title(Lang::En, 1), "[INCOMPLETE: the data has 1 error] ");
        assert_eq!(incomplete_title(Lang::Zh, 1_500), "【未完成：数据有 1,500 个错误】");
    }
}
