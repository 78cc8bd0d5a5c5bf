//! Chinese where clap and the prompts speak: clap's parse errors under `--lang zh` (exit 2, as
//! clap's), and `gov visit add` asking in a pseudo-terminal with `GOV_LANG=zh`, answered 是.

mod common;

use std::path::Path;

use common::{Outcome, copy_fixture, gov};

const TODAY: &str = "2024-03-01";

fn zh_error(args: &[&str]) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let mut cmd = gov(tmp.path());
    cmd.arg("--lang").arg("zh").args(args);
    let out = Outcome::of(&mut cmd);
    assert_eq!(out.code, Some(2), "{args:?}: {out:?}");
    assert!(out.stdout.is_empty(), "{out:?}");
    out.snapshot(&[tmp.path()])
}

#[test]
fn unknown_option() {
    insta::assert_snapshot!("unknown_option", zh_error(&["visit", "add", "--bogus"]));
    insta::assert_snapshot!("unknown_option_suggested", zh_error(&["visit", "add", "--membr", "M01"]));
}

#[test]
fn value_not_among_the_possible_ones() {
    insta::assert_snapshot!("bad_value", zh_error(&["check", "--format", "xml"]));
    insta::assert_snapshot!("missing_value", zh_error(&["visit", "add", "--member"]));
}

#[test]
fn unknown_command() {
    insta::assert_snapshot!("unknown_command", zh_error(&["vist"]));
}

#[test]
fn missing_required_argument() {
    insta::assert_snapshot!("missing_required", zh_error(&["export"]));
    insta::assert_snapshot!("missing_positional", zh_error(&["issue", "show"]));
}

#[test]
fn options_that_exclude_each_other() {
    insta::assert_snapshot!("conflict", zh_error(&["visit", "add", "--from", "x.csv", "--member", "M01"]));
}

#[test]
fn a_value_gov_refuses() {
    insta::assert_snapshot!("bad_today", zh_error(&["--today", "2024-13-01", "check"]));
    insta::assert_snapshot!("bad_method", zh_error(&["visit", "list", "--method", "bike"]));
}

/// English errors stay clap's, word for word.
#[test]
fn english_errors_are_claps() {
    let tmp = tempfile::tempdir().unwrap();
    let out = Outcome::of(gov(tmp.path()).args(["--lang", "en", "visit", "add", "--bogus"]));
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.starts_with("error: unexpected argument '--bogus' found"), "{}", out.stderr);
}

/// The prompts in Chinese: each label, the picker's help line, a date that is no date and an
/// answer that is neither yes nor no (each refused in Chinese), then 是.
#[test]
fn asks_in_chinese_on_a_terminal() {
    let dir = copy_fixture("reports");
    let d: &Path = dir.path();
    let gov_bin = assert_cmd::cargo::cargo_bin("gov");
    let driver = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/pty_drive.py");
    let steps = r#"[["走访党员：", "M01"], ["M01", "\r"], ["走访住户：", "\r"], ["走访方式：", "\r"],
        ["走访日期：", "\u007f\u007f\u007f\u007f\u007f\u007f\u007f\u007f\u007f\u007f明天\r"], ["不是日期", "\u007f\u007f2024年1月20日\r"],
        ["走访内容：", "看望老人\r"], ["登记这次走访", "也许\r"], ["请回答", "\u007f\u007f是\r"]]"#;
    let out = std::process::Command::new("python3")
        .args([driver, steps, "--"])
        .arg(&gov_bin)
        .args(["--data", d.to_str().unwrap(), "--today", TODAY, "visit", "add"])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("TERM", "xterm")
        .env("GOV_LANG", "zh")
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{shown}");
    for words in ["↑↓ 选择，回车确认，输入文字筛选", "是/否，默认是", "请回答“是”或“否”（也可输入 y 或 n）"]
    {
        assert!(shown.contains(words), "{words}: {shown}");
    }
    for english in ["to move", "Y/n", "member:", "Invalid answer"] {
        assert!(!shown.contains(english), "{english}: {shown}");
    }
    let jan = std::fs::read_to_string(d.join("visits/2024-01.csv")).unwrap();
    assert!(jan.ends_with("\n2024-01-20,M01,H01,home,看望老人,,,\n"), "{jan}");
}
