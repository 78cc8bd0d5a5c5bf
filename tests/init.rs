//! End-to-end tests of `gov init`: it lays down a folder that `gov check` passes, and it never
//! overwrites anything.

mod common;

use std::fs;

use common::{Outcome, TODAY, check, gov, tree};

#[test]
fn init_makes_a_folder_that_checks_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let mut cmd = gov(tmp.path());
    cmd.args(["init", "community"]);
    let out = Outcome::of(&mut cmd);
    insta::assert_snapshot!("init", out.snapshot(&[tmp.path()]));
    assert_eq!(out.code, Some(0));

    let dir = tmp.path().join("community");
    let files: Vec<String> = tree(&dir).into_iter().map(|(p, _)| p.display().to_string()).collect();
    assert_eq!(
        files,
        [".gitignore", "README.md", "gov.yaml", "grids.csv", "households.csv", "issues/", "members.csv", "visits/"]
    );
    // The files are the template, byte for byte.
    for name in ["gov.yaml", "grids.csv", "members.csv", "households.csv", ".gitignore", "README.md"] {
        let template =
            fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data-template").join(name)).unwrap();
        assert_eq!(fs::read(dir.join(name)).unwrap(), template, "{name}");
    }

    let checked = check(&dir, &[]);
    assert_eq!(checked.code, Some(0));
    assert_eq!(checked.stderr, "");
    assert_eq!(checked.stdout, "checked 0 grids, 0 members, 0 households, 0 visits, 0 issues: 0 errors, 0 warnings\n");
    assert_eq!(check(&dir, &["--strict"]).code, Some(0));
}

#[test]
fn init_in_the_current_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let mut cmd = gov(tmp.path());
    cmd.arg("init");
    let out = Outcome::of(&mut cmd);
    assert_eq!(out.code, Some(0), "{out:?}");
    assert!(out.stdout.starts_with("made a gov data folder in .\n"), "{}", out.stdout);
    // Found from the current folder without --data.
    let mut cmd = gov(tmp.path());
    cmd.args(["--today", TODAY, "--lang", "en", "check"]);
    assert_eq!(Outcome::of(&mut cmd).code, Some(0));
}

#[test]
fn init_twice_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("community");
    let mut first = gov(tmp.path());
    first.arg("init").arg(&dir);
    assert_eq!(Outcome::of(&mut first).code, Some(0));

    // Edit a file, as a user would, then run init again.
    fs::write(dir.join("gov.yaml"), "name: 幸福社区\n").unwrap();
    let before = tree(&dir);
    let mut again = gov(tmp.path());
    again.arg("init").arg(&dir);
    let out = Outcome::of(&mut again);
    insta::assert_snapshot!("init-twice", out.snapshot(&[tmp.path()]));
    assert_eq!(out.code, Some(2));
    assert_eq!(tree(&dir), before, "the second init changed the folder");
}

#[test]
fn init_refuses_a_folder_with_any_template_file() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("members.csv"), "id,name,kind\nM001,张伟,resident\n").unwrap();
    let before = tree(tmp.path());
    let mut cmd = gov(tmp.path());
    cmd.arg("init");
    let out = Outcome::of(&mut cmd);
    assert_eq!(out.code, Some(2));
    assert!(
        out.stderr
            .contains(" already has members.csv; nothing was written\nHint: run `gov init` in a new or empty folder\n"),
        "{}",
        out.stderr
    );
    assert_eq!(tree(tmp.path()), before);
}

/// Run in the folder itself, the error names the folder as an empty string: `Error:  already has`.
#[test]
fn init_refusal_names_the_current_folder() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("members.csv"), "id,name,kind\n").unwrap();
    let mut cmd = gov(tmp.path());
    cmd.arg("init");
    let out = Outcome::of(&mut cmd);
    assert_eq!(out.code, Some(2));
    assert_eq!(
        out.stderr,
        "Error: . already has members.csv; nothing was written\nHint: run `gov init` in a new or empty folder\n"
    );
}

#[test]
fn init_where_a_file_is_in_the_way() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("community"), "not a folder").unwrap();
    let mut cmd = gov(tmp.path());
    cmd.args(["init", "community"]);
    let out = Outcome::of(&mut cmd);
    insta::assert_snapshot!("init-file-in-the-way", out.snapshot(&[tmp.path()]));
    assert_eq!(out.code, Some(2));
    assert!(!out.stderr.contains("panicked"));
}
