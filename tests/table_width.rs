//! Tables on an ordinary terminal (issue 12, part 5): at 80, 120 and 200 columns no id, number,
//! date or percentage is broken inside; too narrow for the columns side by side, one record per
//! block with a note saying how to see the table whole. On the hand-counted fixture
//! `tests/fixtures/reports`; the width comes from `COLUMNS`, as a shell sets it.

mod common;

use std::path::Path;

use common::{fixture_path, gov};

const TODAY: &str = "2024-03-01";

fn table(dir: &Path, columns: u16, lang: &str, args: &[&str]) -> String {
    let out = gov(dir)
        .env("COLUMNS", columns.to_string())
        .args(["--data", dir.to_str().unwrap(), "--today", TODAY, "--lang", lang])
        .args(args)
        .args(["--format", "table"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn csv(dir: &Path, lang: &str, args: &[&str]) -> String {
    let out = gov(dir)
        .args(["--data", dir.to_str().unwrap(), "--today", TODAY, "--lang", lang])
        .args(args)
        .args(["--format", "csv", "--no-bom"])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// The display width of a line (CJK characters are two columns).
fn width(line: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(line)
}

/// What must never be broken: every cell of the report's CSV that is an id, a number, a
/// date, a percentage or a masked phone (no space, no Chinese), and every such run inside
/// a longer cell.
fn tokens(csv: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in csv.lines().skip(1) {
        for cell in line.split(',') {
            let cell = cell.trim_matches('"');
            for run in cell.split(|c: char| c.is_whitespace() || (c as u32) > 0x2e80) {
                if run.len() >= 2 && run.len() <= 24 && run.chars().any(|c| c.is_ascii_alphanumeric()) {
                    out.push(run.to_string());
                }
            }
        }
    }
    out
}

const REPORTS: &[&[&str]] = &[
    &["report", "--month", "2024-01"],
    &["report", "--month", "2024-01", "--by", "grid"],
    &["visit", "list", "--month", "2024-01"],
    &["due"],
    &["issue", "list"],
    &["stats", "--year", "2024"],
    &["report", "issues", "--month", "2024-02"],
    &["report", "whistles", "--month", "2024-02"],
];

#[test]
fn no_token_is_broken_and_no_line_is_too_wide() {
    let dir = fixture_path("reports");
    for args in REPORTS {
        for lang in ["zh", "en"] {
            let tokens = tokens(&csv(&dir, lang, args));
            assert!(!tokens.is_empty(), "{args:?}");
            for columns in [80u16, 120, 200] {
                let out = table(&dir, columns, lang, args);
                for line in out.lines().skip(1) {
                    assert!(width(line) <= columns as usize, "{args:?} {lang} at {columns}: too wide: {line}");
                }
                for t in &tokens {
                    assert!(out.contains(t.as_str()), "{args:?} {lang} at {columns}: `{t}` is broken:\n{out}");
                }
            }
        }
    }
}

#[test]
fn the_ledger_at_80_120_and_200_columns() {
    let dir = fixture_path("reports");
    for lang in ["zh", "en"] {
        for columns in [80u16, 120, 200] {
            let out = table(&dir, columns, lang, &["report", "--month", "2024-01"]);
            insta::assert_snapshot!(format!("ledger_{lang}_{columns}"), out);
            let out = table(&dir, columns, lang, &["visit", "list", "--month", "2024-01"]);
            insta::assert_snapshot!(format!("visits_{lang}_{columns}"), out);
        }
    }
}

/// 40 columns cannot hold the ledger's 15 columns even without a frame: one block per member,
/// then the note.
#[test]
fn too_narrow_shows_one_record_per_block() {
    let dir = fixture_path("reports");
    for lang in ["zh", "en"] {
        let out = table(&dir, 40, lang, &["report", "--month", "2024-01"]);
        // M01, M03, M04, M02 and the totals row.
        assert_eq!(out.lines().filter(|l| l.starts_with('[')).count(), 5, "{out}");
        assert!(out.contains("[1/5]") && out.contains("[5/5]"), "{out}");
        assert!(out.contains("COLUMNS") && out.contains("--format"), "{out}");
        insta::assert_snapshot!(format!("ledger_{lang}_40"), out);
    }
}
