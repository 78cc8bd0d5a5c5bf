//! The whole `--help` tree in both languages, snapshotted so that any change to it is seen in
//! review. The pages are found by walking the command tree, so a new command cannot be missed.

mod common;

use clap::CommandFactory;
use common::{Outcome, gov};

/// `args` run with `lang` (`GOV_LANG`), exit 0 asserted, as one snapshot string.
fn help_in(lang: &str, args: &[&str]) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let mut cmd = gov(tmp.path());
    cmd.args(args).env("GOV_LANG", lang);
    let out = Outcome::of(&mut cmd);
    assert_eq!(out.code, Some(0), "{args:?}: {out:?}");
    out.snapshot(&[tmp.path()])
}

fn help(args: &[&str]) -> String {
    help_in("en", args)
}

/// Every command's path below `gov` (`[]`, `["check"]`, `["visit", "add"]`, …).
fn pages() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(path.clone());
        for sub in cmd.get_subcommands() {
            let mut p = path.clone();
            p.push(sub.get_name().to_string());
            walk(sub, p, out);
        }
    }
    let mut out = Vec::new();
    walk(&gov::cli::Cli::command(), Vec::new(), &mut out);
    out
}

/// Every page, `--help` in English and Chinese, and `-h` in Chinese (whose layout gov decides
/// for Chinese: see `gov::text::help`). English pages keep the snapshot names they had.
#[test]
fn every_help_page_in_both_languages() {
    let pages = pages();
    assert!(pages.len() > 30, "{pages:?}");
    for path in pages {
        let name = if path.is_empty() { "gov".to_string() } else { path.join("_") };
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        insta::assert_snapshot!(name.clone(), help_in("en", &args));
        insta::assert_snapshot!(format!("zh_{name}"), help_in("zh", &args));
        args.pop();
        args.push("-h");
        insta::assert_snapshot!(format!("zh_short_{name}"), help_in("zh", &args));
    }
}

/// `--lang zh` anywhere on the line speaks Chinese as `GOV_LANG=zh` does.
#[test]
fn the_lang_flag_chooses_the_help_language() {
    assert_eq!(help_in("en", &["visit", "add", "--help", "--lang", "zh"]), help_in("zh", &["visit", "add", "--help"]));
    assert_eq!(help_in("zh", &["--lang=en", "check", "--help"]), help(&["check", "--help"]));
}

#[test]
fn help_subcommand_matches_help_flag() {
    assert_eq!(help(&["help", "check"]), help(&["check", "--help"]));
    assert_eq!(help_in("zh", &["help", "visit", "add"]), help_in("zh", &["visit", "add", "--help"]));
}

#[test]
fn no_subcommand_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let out = Outcome::of(&mut gov(tmp.path()));
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.starts_with("Keep the records"), "{}", out.stderr);
    let out = Outcome::of(gov(tmp.path()).env("GOV_LANG", "zh"));
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.starts_with("党员联系户工作台账"), "{}", out.stderr);
}

/// Every command listed by `gov --help` says what it does, in both languages.
#[test]
fn every_command_has_a_description() {
    for (lang, heading) in [("en", "Commands:\n"), ("zh", "命令：\n")] {
        let text = help_in(lang, &["--help"]);
        let commands = text.split(heading).nth(1).unwrap().split("\n\n").next().unwrap();
        for line in commands.lines().filter(|l| l.starts_with("  ") && !l.starts_with("   ")) {
            let mut words = line.split_whitespace();
            let name = words.next().unwrap();
            assert!(words.next().is_some(), "{lang}: command `{name}` has no description");
        }
    }
}

/// The version in both languages is the same line, exit 0.
#[test]
fn version_in_chinese() {
    assert_eq!(help_in("zh", &["--version"]), help(&["--version"]));
}
