//! The whole `--help` tree, snapshotted so that any change to it is seen in review.

mod common;

use common::{Outcome, gov};

fn help(args: &[&str]) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let mut cmd = gov(tmp.path());
    cmd.args(args);
    let out = Outcome::of(&mut cmd);
    assert_eq!(out.code, Some(0), "{args:?}: {out:?}");
    out.snapshot(&[tmp.path()])
}

#[test]
fn gov_help() {
    insta::assert_snapshot!("gov", help(&["--help"]));
}

#[test]
fn check_help() {
    insta::assert_snapshot!("check", help(&["check", "--help"]));
}

#[test]
fn init_help() {
    insta::assert_snapshot!("init", help(&["init", "--help"]));
}

/// `link` and `unlink` share their arguments but each says what it does.
#[test]
fn household_help() {
    insta::assert_snapshot!("household", help(&["household", "--help"]));
    insta::assert_snapshot!("household_unlink", help(&["household", "unlink", "--help"]));
}

#[test]
fn org_help() {
    insta::assert_snapshot!("org", help(&["org", "--help"]));
    insta::assert_snapshot!("org_add", help(&["org", "add", "--help"]));
    insta::assert_snapshot!("org_list", help(&["org", "list", "--help"]));
}

#[test]
fn help_subcommand_matches_help_flag() {
    assert_eq!(help(&["help", "check"]), help(&["check", "--help"]));
}

#[test]
fn no_subcommand_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let out = Outcome::of(&mut gov(tmp.path()));
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.starts_with("Keep the records"), "{}", out.stderr);
}

/// Every command listed by `gov --help` says what it does.
#[test]
fn every_command_has_a_description() {
    let text = help(&["--help"]);
    let commands = text.split("Commands:\n").nth(1).unwrap().split("\n\n").next().unwrap();
    for line in commands.lines().filter(|l| l.starts_with("  ") && !l.starts_with("   ")) {
        let mut words = line.split_whitespace();
        let name = words.next().unwrap();
        assert!(words.next().is_some(), "command `{name}` has no description");
    }
}

/// `gov report` is the ledger summary with flags, and has the problem reports as subcommands.
#[test]
fn report_help() {
    insta::assert_snapshot!("report", help(&["report", "--help"]));
}
