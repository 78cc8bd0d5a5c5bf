//! Links, FIFOs and deep trees in a data folder, end to end: `gov check` reports each one
//! (`outside-folder`, `symbolic-link`, `not-a-file`, `too-deep`) and finishes, and no write goes
//! through a link, so files outside the folder are never touched. Folders are temp copies of
//! tests/fixtures/reports, with the odd entries made here (git does not keep FIFOs).

mod common;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;

use common::{Outcome, copy_fixture, gov, tree};
use tempfile::TempDir;

const TODAY: &str = "2024-03-01";

fn check(dir: &Path, args: &[&str]) -> Outcome {
    let mut cmd = gov(dir);
    cmd.args(["--today", TODAY, "--lang", "en", "check"]).args(args);
    Outcome::of(&mut cmd)
}

/// One January visit, to visits/2024-01.csv.
fn add_january_visit(dir: &Path) -> Outcome {
    let mut cmd = gov(dir);
    cmd.args(["--today", TODAY, "visit", "add", "--member", "M04", "--household", "H04"]).args([
        "--method",
        "phone",
        "--summary",
        "电话问候",
        "--date",
        "2024-01-20",
    ]);
    Outcome::of(&mut cmd)
}

/// The snapshot text, the data folder shown as `[TMP]` and the place outside as `[OUTSIDE]`.
fn snapshot(out: &Outcome, data: &Path, outside: &Path) -> String {
    let text = common::hide_paths(&out.snapshot(&[]), &[outside]).replace("[TMP]", "[OUTSIDE]");
    common::hide_paths(&text, &[data])
}

/// (code, file) of each finding of a `--format json` check.
fn codes(out: &Outcome) -> Vec<(String, String)> {
    out.json_findings().into_iter().map(|(c, f, _)| (c, f)).collect()
}

/// The visits a `--format json` check counted.
fn visits(out: &Outcome) -> u64 {
    serde_json::from_str::<serde_json::Value>(&out.stdout).unwrap()["summary"]["visits"].as_u64().unwrap()
}

fn pair(code: &str, file: &str) -> (String, String) {
    (code.to_string(), file.to_string())
}

/// The reports fixture has one warning by design (inactive-contact, households.csv).
fn fixture_warning() -> (String, String) {
    pair("inactive-contact", "households.csv")
}

#[test]
fn a_linked_month_file_outside_is_an_error_and_never_appended_to() {
    let dir = copy_fixture("reports");
    let outside = TempDir::new().unwrap();
    let d = dir.path();
    let target = outside.path().join("2024-01.csv");
    fs::rename(d.join("visits/2024-01.csv"), &target).unwrap();
    symlink(&target, d.join("visits/2024-01.csv")).unwrap();
    let before = fs::read(&target).unwrap();

    let out = check(d, &["--format", "json"]);
    assert_eq!(out.code, Some(1), "{}", out.stdout);
    assert_eq!(codes(&out), [fixture_warning(), pair("outside-folder", "visits/2024-01.csv")]);
    // 4 December rows and 4 February records; January's 6 are behind the link.
    assert_eq!(visits(&out), 8);
    insta::assert_snapshot!("linked-file-outside", snapshot(&check(d, &[]), d, outside.path()));

    let out = add_january_visit(d);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    insta::assert_snapshot!("linked-file-outside-write", snapshot(&out, d, outside.path()));
    assert_eq!(fs::read(&target).unwrap(), before, "the file outside is untouched");
    assert!(fs::symlink_metadata(d.join("visits/2024-01.csv")).unwrap().file_type().is_symlink());
}

#[test]
fn a_linked_visits_folder_outside_is_an_error_and_gets_no_new_files() {
    let dir = copy_fixture("reports");
    let outside = TempDir::new().unwrap();
    let d = dir.path();
    let target = outside.path().join("visits");
    fs::rename(d.join("visits"), &target).unwrap();
    symlink(&target, d.join("visits")).unwrap();
    let before = tree(outside.path());

    let out = check(d, &["--format", "json"]);
    assert_eq!(out.code, Some(1), "{}", out.stdout);
    assert_eq!(codes(&out), [fixture_warning(), pair("outside-folder", "visits")]);
    assert_eq!(visits(&out), 0);
    insta::assert_snapshot!("linked-folder-outside", snapshot(&check(d, &[]), d, outside.path()));

    // An existing month and a new one: both refused at the linked folder.
    let out = add_january_visit(d);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    let said = snapshot(&out, d, outside.path());
    // The folder says `lang: zh`, so gov speaks Chinese.
    assert!(said.contains("[TMP]/visits 是指向数据文件夹外 [OUTSIDE]/visits 的符号链接"), "{said}");
    let mut cmd = gov(d);
    cmd.args(["--today", TODAY, "visit", "add", "--member", "M04", "--household", "H04"]).args([
        "--method",
        "phone",
        "--summary",
        "电话问候",
    ]);
    let out = Outcome::of(&mut cmd);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert_eq!(tree(outside.path()), before, "nothing written outside");
}

#[test]
fn a_linked_private_dir_is_reported_and_no_lock_or_cache_is_written_there() {
    let dir = copy_fixture("reports");
    let outside = TempDir::new().unwrap();
    let d = dir.path();
    symlink(outside.path(), d.join(".gov")).unwrap();

    let out = check(d, &["--format", "json"]);
    assert_eq!(out.code, Some(1), "{}", out.stdout);
    assert_eq!(codes(&out), [pair("outside-folder", ".gov"), fixture_warning()]);
    insta::assert_snapshot!("linked-private-dir", snapshot(&check(d, &[]), d, outside.path()));

    let before = tree(d);
    let out = add_january_visit(d);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    insta::assert_snapshot!("linked-private-dir-write", snapshot(&out, d, outside.path()));
    assert_eq!(tree(d), before, "nothing written in the folder");
    assert!(tree(outside.path()).is_empty(), "nothing written at the link's target");
}

#[test]
fn a_link_inside_the_folder_is_a_warning_and_read_once() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    // The December file also under a second name: its 3 visits must not count twice.
    symlink("2023-12.csv", d.join("visits/2023-12b.csv")).unwrap();
    let plain = copy_fixture("reports");

    let out = check(d, &["--format", "json"]);
    assert_eq!(out.code, Some(0), "{}", out.stdout);
    assert_eq!(codes(&out), [fixture_warning(), pair("symbolic-link", "visits/2023-12b.csv")]);
    // 4 + 6 + 4, as in the fixture without the link.
    assert_eq!(visits(&out), 14);
    assert_eq!(visits(&check(plain.path(), &["--format", "json"])), 14);
    insta::assert_snapshot!("linked-file-inside", snapshot(&check(d, &[]), d, d));
}

#[test]
fn a_fifo_is_reported_and_never_opened() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    let made = std::process::Command::new("mkfifo").arg(d.join("visits/2024-01b.csv")).status().unwrap();
    assert!(made.success());
    // Opening the FIFO would block until the time limit (no writer ever comes).
    let out = check(d, &["--format", "json"]);
    assert_eq!(out.code, Some(0), "{}", out.stdout);
    assert_eq!(codes(&out), [fixture_warning(), pair("not-a-file", "visits/2024-01b.csv")]);
    insta::assert_snapshot!("fifo", check(d, &[]).snapshot(&[d]));
    let mut cmd = gov(d);
    cmd.args(["--today", TODAY, "report", "--format", "csv"]);
    assert_eq!(Outcome::of(&mut cmd).code, Some(0));
}

#[test]
fn a_tree_two_thousand_folders_deep_is_reported_not_walked() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    // Made one level at a time, relative to the last: the whole path is longer than PATH_MAX.
    let made = std::process::Command::new("sh")
        .current_dir(d.join("visits"))
        .args(["-c", "i=0; while [ $i -lt 2000 ]; do mkdir d && cd d || exit 1; i=$((i+1)); done"])
        .status()
        .unwrap();
    assert!(made.success());
    let out = check(d, &["--format", "json"]);
    assert_eq!(out.code, Some(0), "{}\n{}", out.stdout, out.stderr);
    // visits/ is level 1 and the n-th `d` level n + 1: the first past 32 is the 32nd `d`.
    let deep = format!("visits/{}d", "d/".repeat(31));
    assert_eq!(codes(&out), [fixture_warning(), pair("too-deep", &deep)]);
    insta::assert_snapshot!("deep-tree", check(d, &[]).snapshot(&[d]));
}

/// The fixtures named after the codes of this file that git cannot hold: each is a gov.yaml
/// (and a README saying so); the link or FIFO is made here.
#[test]
fn fixtures_made_at_run_time() {
    let outside = TempDir::new().unwrap();
    fs::write(outside.path().join("grids.yaml"), "- id: G1\n  name: 一区\n").unwrap();
    fs::create_dir(outside.path().join("visits")).unwrap();

    let dir = copy_fixture("outside-folder");
    let d = dir.path();
    symlink(outside.path().join("grids.yaml"), d.join("grids.yaml")).unwrap();
    symlink(outside.path().join("visits"), d.join("visits")).unwrap();
    let out = check(d, &["--format", "json"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(codes(&out), [pair("outside-folder", "grids.yaml"), pair("outside-folder", "visits")]);
    insta::assert_snapshot!("outside-folder", snapshot(&check(d, &[]), d, outside.path()));

    let dir = copy_fixture("symbolic-link");
    let d = dir.path();
    fs::write(d.join("grids.yaml"), "- id: G1\n  name: 一区\n").unwrap();
    symlink("grids.yaml", d.join("members.yaml")).unwrap();
    let out = check(d, &["--format", "json"]);
    assert_eq!(out.code, Some(0));
    assert_eq!(codes(&out), [pair("symbolic-link", "members.yaml")]);
    insta::assert_snapshot!("symbolic-link", check(d, &[]).snapshot(&[d]));

    let dir = copy_fixture("not-a-file");
    let d = dir.path();
    fs::create_dir(d.join("visits")).unwrap();
    assert!(std::process::Command::new("mkfifo").arg(d.join("visits/2024-01.csv")).status().unwrap().success());
    let out = check(d, &["--format", "json"]);
    assert_eq!(out.code, Some(0));
    assert_eq!(codes(&out), [pair("not-a-file", "visits/2024-01.csv")]);
    insta::assert_snapshot!("not-a-file", check(d, &[]).snapshot(&[d]));
}

/// gov.yaml is read whatever the walk finds, so the reader refuses a link itself: the settings
/// are not read from outside (and the departments they list are then unknown).
#[test]
fn a_linked_gov_yaml_is_not_read() {
    let dir = copy_fixture("outside-folder");
    let outside = TempDir::new().unwrap();
    let d = dir.path();
    fs::rename(d.join("gov.yaml"), outside.path().join("gov.yaml")).unwrap();
    symlink(outside.path().join("gov.yaml"), d.join("gov.yaml")).unwrap();
    let out = check(d, &["--format", "json"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(codes(&out), [pair("parse-error", "gov.yaml"), pair("outside-folder", "gov.yaml")]);
    insta::assert_snapshot!("linked-gov-yaml", snapshot(&check(d, &[]), d, outside.path()));
}
