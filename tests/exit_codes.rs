//! Exit codes end to end (`src/cli/error.rs`). 0 means ok. 1 means a data problem: a refused
//! write, or `gov check` finding errors. 2 means a usage or I/O error. A reader that closes
//! standard output early (`gov … | head`) gets exit 0 and nothing on stderr.

mod common;
mod write_support;

use std::io::Read;
use std::process::Stdio;

use common::{TODAY, copy_fixture};
use write_support::{data_tree, run};

#[test]
fn a_refused_edit_exits_1_and_writes_nothing() {
    let dir = copy_fixture("write-yaml");
    let d = dir.path();
    // A flow list over two lines is beyond what gov edits as text (a store EditError).
    let households = "- id: H09\n  head: 郑大妈\n  address: 幸福里3号楼\n  grid: G1\n  contacts: [M01,\n    M02]\n";
    std::fs::write(d.join("households.yaml"), households).unwrap();
    std::fs::remove_dir_all(d.join("issues")).unwrap();
    let before = data_tree(d);
    let out = run(d, &["household", "link", "H09", "M03"]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "Error: households.yaml:1: `contacts` is a flow list over several lines; edit it by hand; nothing was written\n"
    );
    assert_eq!(data_tree(d), before);

    // A refusal the command words itself: the same exit code.
    std::fs::write(d.join("orgs.yaml"), "id: O1\nname: 第一党支部\nkind: branch\n").unwrap();
    let before = data_tree(d);
    let out = run(d, &["org", "add", "--name", "第二党支部", "--kind", "branch"]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stderr.starts_with(
            "Error: orgs.yaml holds a single record (a mapping), not a list, so gov cannot add to it\nHint: "
        ),
        "{}",
        out.stderr
    );
    assert_eq!(data_tree(d), before);
}

#[test]
fn usage_errors_exit_2() {
    let dir = copy_fixture("clean");
    let d = dir.path();
    let out = run(d, &["stats", "--month", "2022-13"]);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert_eq!(out.stderr, "Error: `2022-13` is not a month; write YYYY-MM, this-month or last-month\n");

    // A folder that is not a data folder.
    let empty = tempfile::tempdir().unwrap();
    let out = run(empty.path(), &["--lang", "en", "check"]);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(out.stderr.ends_with(
        "has no gov.yaml, so it is not a gov data folder\nHint: run `gov init DIR` to make a data folder there\n"
    ));
}

#[test]
fn io_errors_exit_2() {
    let dir = copy_fixture("clean");
    let d = dir.path();
    let out = run(d, &["stats", "-o", "no-such-folder/stats.csv"]);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(out.stderr.starts_with("Error: cannot write in "), "{}", out.stderr);
    assert!(out.stderr.contains("no-such-folder\nCaused by: "), "{}", out.stderr);
    assert!(!d.join("no-such-folder").exists());
}

#[test]
fn a_closed_stdout_exits_0_quietly() {
    // A folder with an error in each of 3,000 rows: more findings than a pipe holds, so writing
    // them fails even if gov writes before the pipe's reading end is closed. 150 files of 20 rows
    // each, so that no file has more findings of one code than `check` shows.
    let dir = copy_fixture("clean");
    let d = dir.path();
    std::fs::create_dir(d.join("households")).unwrap();
    for f in 0..150 {
        let mut rows = String::from("id,address,head,grid,color,contacts\n");
        for r in 0..20 {
            let i = f * 20 + r;
            rows.push_str(&format!("X{i:04},幸福里{i}号,某某,G9,green,\n"));
        }
        std::fs::write(d.join(format!("households/h{f:03}.csv")), rows).unwrap();
    }
    let check = || {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("gov"));
        cmd.env_clear().current_dir(d).arg("--data").arg(d).args(["--today", TODAY, "--lang", "en", "check"]);
        cmd
    };
    let out = check().output().unwrap();
    assert_eq!(out.status.code(), Some(1), "the folder has errors");
    assert!(out.stdout.len() > 1 << 17, "{} bytes: too few to fill a pipe", out.stdout.len());

    let mut child = check().stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(0), "{stderr}");
    assert_eq!(stderr, "");
}
