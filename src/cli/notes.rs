//! What gov tells the user about a folder with errors when it reports on it anyway: the note on
//! stderr, and the marks of an incomplete export pack. The words are the catalogue's
//! ([`crate::text::cli::notes`]); `lang` picks one.

use crate::finding::Finding;
use crate::model::Lang;
use crate::render::findings::finding_line;
use crate::text::{Text, cli::notes as words};

use super::output::OnErrors;

/// How many findings the note on stderr shows.
const NOTE_SHOWS: usize = 3;

/// The file inside an incomplete pack that says so, in both languages whatever the folder's.
pub const INCOMPLETE_FILE: &str = "未完成-INCOMPLETE.txt";

/// The note on stderr for a report made from a folder with errors: how many, the first few of
/// the errors `listed`, and what happens now (nothing more is said with `--allow-errors`).
pub fn errors_note(lang: Lang, errors: usize, listed: &[Finding], on_errors: OnErrors) -> String {
    let mut out = words::errors_warning(errors).get(lang).to_string();
    out.push('\n');
    let shown: Vec<&Finding> = listed.iter().take(NOTE_SHOWS).collect();
    for f in &shown {
        out.push_str("  ");
        out.push_str(&finding_line(f));
        out.push('\n');
    }
    if errors > shown.len() {
        out.push_str("  ");
        out.push_str(words::more_errors(errors - shown.len()).get(lang));
    }
    let then = match on_errors {
        OnErrors::Allow => return out,
        OnErrors::Fail => words::then_fail(),
        OnErrors::Refuse => words::then_refuse(),
    };
    out.push_str(then.get(lang));
    out.push('\n');
    out
}

/// The words that start the title of every file in an incomplete pack (and, in CSV, its
/// first row), in both languages: each title takes its own.
pub fn incomplete_title(errors: usize) -> Text {
    words::incomplete_title(errors)
}

/// The text of [`INCOMPLETE_FILE`]: why the pack is incomplete, and the errors.
pub fn incomplete_file(lang: Lang, errors: usize, listed: &[Finding]) -> String {
    let mut out = words::incomplete_file_head(errors).get(lang).to_string();
    for f in listed {
        out.push_str(&finding_line(f));
        out.push('\n');
    }
    if errors > listed.len() {
        out.push_str(words::more_errors(errors - listed.len()).get(lang));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Code;

    fn errors(n: usize) -> Vec<Finding> {
        (1..=n)
            .map(|i| Finding::new(Code::DuplicateId, "members.csv", Some(i as u32), crate::text::Text::test("twice")))
            .collect()
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
        assert!(refused.contains("  ……另有 1,231 个，运行 `gov check` 可查看全部\n未导出任何文件"), "{refused}");
    }

    #[test]
    fn the_marker_says_how_many_are_not_listed() {
        let text = incomplete_file(Lang::En, 25, &errors(20));
        assert!(text.starts_with("INCOMPLETE: the data folder had 25 errors when"), "{text}");
        assert!(
            text.ends_with("members.csv:20: error[duplicate-id] twice\n… and 5 more; `gov check` lists them all\n")
        );
        assert_eq!(incomplete_title(1).en(), "[INCOMPLETE: the data has 1 error] ");
        assert_eq!(incomplete_title(1_500).zh(), "【未完成：数据有 1,500 个错误】");
    }
}
