//! A folder with errors never passes silently as a report: `gov report`, `stats`, `due`,
//! `visit list`, `issue list` and `export` on `tests/fixtures/report-errors` (the clean folder
//! with four dangling references in visits/2022-11.csv and an issue title made of terminal
//! control characters) name the errors on stderr, in the folder's language, and exit 1 unless
//! `--allow-errors`; `export` writes nothing without it and marks the pack incomplete with it.
//! Control characters show as visible escapes in tables, Markdown and `gov check`, and stay
//! data in JSON and CSV.

mod common;

use std::fs;
use std::path::Path;

use common::{Outcome, TODAY, copy_fixture, gov};

const ESCAPED: &str = "\\e]0;pwned\\a\\e[2J";
const RAW: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J";

fn run(dir: &Path, args: &[&str]) -> Outcome {
    let mut cmd = gov(dir);
    cmd.arg("--data").arg(dir).args(["--today", TODAY]).args(args);
    Outcome::of(&mut cmd)
}

/// The fixture in English (`lang: en` in its gov.yaml).
fn in_english(dir: &Path) {
    let settings = fs::read_to_string(dir.join("gov.yaml")).unwrap().replace("lang: zh", "lang: en");
    fs::write(dir.join("gov.yaml"), settings).unwrap();
}

const COMMANDS: [&[&str]; 6] = [
    &["report", "--month", "2022-11", "--format", "csv"],
    &["stats", "--month", "2022-11", "--format", "csv"],
    &["due", "--format", "csv"],
    &["visit", "list", "--month", "2022-11", "--format", "csv"],
    &["issue", "list", "--format", "csv"],
    &["export", "--month", "2022-11", "--out", "pack"],
];

#[test]
fn errors_exit_1_unless_allowed_and_are_named_on_stderr() {
    let dir = copy_fixture("report-errors");
    let d = dir.path();
    for args in COMMANDS {
        let out = run(d, args);
        assert_eq!(out.code, Some(1), "gov {args:?}: {}", out.stderr);
        assert!(out.stderr.starts_with("警告：数据文件夹有 4 个错误"), "gov {args:?}: {}", out.stderr);
        assert_eq!(out.stderr.matches(": 错误[dangling-reference]").count(), 3, "the first three: {}", out.stderr);
        assert!(out.stderr.contains("  ……另有 1 个，运行 `gov check` 可查看全部\n"), "{}", out.stderr);
        if args[0] != "export" {
            assert!(!out.stdout.is_empty(), "gov {args:?} still prints what it can");
        }

        let allowed: Vec<&str> = args.iter().copied().chain(["--allow-errors"]).collect();
        let ok = run(d, &allowed);
        assert_eq!(ok.code, Some(0), "gov {allowed:?}: {}", ok.stderr);
        assert!(out.stderr.starts_with(&ok.stderr), "the same note, less what exit 1 means: {}", ok.stderr);
        assert_eq!(ok.stderr.lines().count() + 1, out.stderr.lines().count());
        assert_eq!(ok.stdout.is_empty(), out.stdout.is_empty() && args[0] != "export");
    }
}

#[test]
fn the_note_in_both_languages() {
    let dir = copy_fixture("report-errors");
    let d = dir.path();
    let zh = run(d, &["stats", "--month", "2022-11", "--format", "json"]);
    insta::assert_snapshot!("note-zh", zh.stderr);
    let zh_export = run(d, &["export", "--month", "2022-11", "--out", "pack"]);
    insta::assert_snapshot!("note-zh-export", zh_export.stderr);
    in_english(d);
    let en = run(d, &["stats", "--month", "2022-11", "--format", "json"]);
    insta::assert_snapshot!("note-en", en.stderr);
    let en_export = run(d, &["export", "--month", "2022-11", "--out", "pack"]);
    insta::assert_snapshot!("note-en-export", en_export.stderr);
    let allowed = run(d, &["due", "--format", "json", "--allow-errors"]);
    insta::assert_snapshot!("note-en-allowed", allowed.stderr);
}

/// A clean folder says nothing on stderr and exits 0, as before.
#[test]
fn a_clean_folder_is_quiet() {
    let dir = copy_fixture("clean");
    for args in COMMANDS {
        let out = run(dir.path(), args);
        assert_eq!((out.code, out.stderr.as_str()), (Some(0), ""), "gov {args:?}");
    }
}

#[test]
fn export_writes_nothing_without_allow_errors() {
    let dir = copy_fixture("report-errors");
    let d = dir.path();
    let out = run(d, &["export", "--month", "2022-11", "--out", "pack"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(out.stdout, "");
    assert!(!d.join("pack").exists(), "not even the folder");
}

#[test]
fn an_allowed_export_is_marked_incomplete() {
    let dir = copy_fixture("report-errors");
    let d = dir.path();
    let out = run(d, &["export", "--month", "2022-11", "--out", "pack", "--allow-errors"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.starts_with("pack/未完成-INCOMPLETE.txt【未完成：数据有 4 个错误】\n"), "{}", out.stdout);
    let marker = fs::read_to_string(d.join("pack/未完成-INCOMPLETE.txt")).unwrap();
    insta::assert_snapshot!("incomplete-marker-zh", marker);
    let mut csvs = 0;
    for entry in fs::read_dir(d.join("pack")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "csv") {
            let text = fs::read_to_string(&path).unwrap();
            let first = text.lines().next().unwrap();
            assert_eq!(first, "\u{FEFF}【未完成：数据有 4 个错误】", "{}", path.display());
            csvs += 1;
        }
    }
    assert_eq!(csvs, 7);

    // JSON and Markdown: the title says it.
    in_english(d);
    let out = run(d, &["export", "--month", "2022-11", "--out", "json", "--format", "json", "--allow-errors"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let stats: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(d.join("json/2022-11-stats.json")).unwrap()).unwrap();
    assert!(stats["title"].as_str().unwrap().starts_with("[INCOMPLETE: the data has 4 errors] "), "{stats}");
    let marker = fs::read_to_string(d.join("json/未完成-INCOMPLETE.txt")).unwrap();
    assert!(marker.starts_with("INCOMPLETE: the data folder had 4 errors when this pack was exported"), "{marker}");
    let out = run(d, &["export", "--month", "2022-11", "--out", "md", "--format", "md", "--allow-errors"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let md = fs::read_to_string(d.join("md/2022-11-ledger.md")).unwrap();
    assert!(md.starts_with("### [INCOMPLETE: the data has 4 errors] "), "{md}");

    // Fixed, and exported again into the same folder: the marker goes, the titles are plain.
    fs::copy(common::fixture_path("clean/visits/2022-11.csv"), d.join("visits/2022-11.csv")).unwrap();
    let out = run(d, &["export", "--month", "2022-11", "--out", "pack"]);
    assert_eq!((out.code, out.stderr.as_str()), (Some(0), ""));
    assert!(!d.join("pack/未完成-INCOMPLETE.txt").exists());
    assert!(!fs::read_to_string(d.join("pack/2022-11-stats.csv")).unwrap().contains("INCOMPLETE"));
}

#[test]
fn control_characters_are_escaped_for_people_and_kept_for_programs() {
    let dir = copy_fixture("report-errors");
    let d = dir.path();
    for format in ["table", "md"] {
        let out = run(d, &["issue", "list", "--format", format, "--allow-errors"]);
        assert_eq!(out.code, Some(0));
        assert!(out.stdout.contains(ESCAPED), "{format}: {}", out.stdout);
        assert!(!out.stdout.contains(['\u{1b}', '\u{7}']), "{format}: raw control characters");
    }
    let json = run(d, &["issue", "list", "--format", "json", "--allow-errors"]);
    assert!(json.stdout.contains(r#""title": "\u001b]0;pwned\u0007\u001b[2J""#), "{}", json.stdout);
    let rows: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(rows["rows"][0]["title"], RAW);
    let csv = run(d, &["issue", "list", "--format", "csv", "--allow-errors"]);
    assert!(csv.stdout.contains(RAW), "CSV is data: {:?}", csv.stdout);

    // `gov check` quoting a value with control characters in a finding.
    let issue = d.join("issues/2022/I-2022-001.yaml");
    let text = fs::read_to_string(&issue).unwrap().replace("urgency: 一般", "urgency: \"\\e[31m急\"");
    fs::write(&issue, text).unwrap();
    let check = run(d, &["--lang", "en", "check"]);
    assert_eq!(check.code, Some(1));
    assert!(!check.stdout.contains('\u{1b}'), "{:?}", check.stdout);
    let line = check.stdout.lines().find(|l| l.contains("[invalid-value]")).expect("an invalid-value finding");
    assert!(line.contains("\\e[31m急"), "{line}");
}

/// A date after the real today is an error for a report as for `gov check`; a `--today` the
/// user chose makes the report one as of that day, whose later records are no mistake.
#[test]
fn future_dates_count_against_the_real_today_only() {
    let dir = copy_fixture("clean");
    let d = dir.path();
    let visits = d.join("visits/2022-11.csv");
    let text = fs::read_to_string(&visits).unwrap() + "2099-11-05,M001,H001,入户,写错了年份,,,\n";
    fs::write(&visits, text).unwrap();
    let mut cmd = gov(d);
    cmd.arg("--data").arg(d).args(["stats", "--format", "csv"]);
    let real = Outcome::of(&mut cmd);
    assert_eq!(real.code, Some(1), "{}", real.stderr);
    assert!(real.stderr.contains("错误[future-date]"), "{}", real.stderr);
    let pinned = run(d, &["stats", "--format", "csv"]);
    assert_eq!((pinned.code, pinned.stderr.as_str()), (Some(0), ""));
}
