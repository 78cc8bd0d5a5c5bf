//! Shared by the member, household and issue recording tests: run `gov` on a temp copy of a
//! `tests/fixtures/write-*` folder, read files back as bytes or text, check that the folder still
//! checks clean, and run git in it.
#![allow(dead_code)]

use std::path::Path;

use crate::common::{Outcome, TODAY, gov};

/// `gov --data <dir> --today 2023-01-01 <args>`, in English (`GOV_LANG=en`) whatever the
/// folder's `lang`: these tests match English words; `tests/messages_cli.rs` has both languages.
pub fn run(dir: &Path, args: &[&str]) -> Outcome {
    let mut cmd = gov(dir);
    cmd.env("GOV_LANG", "en").arg("--data").arg(dir).args(["--today", TODAY]).args(args);
    Outcome::of(&mut cmd)
}

/// Like [`run`], with git on the PATH and an identity for commits, and extra environment.
pub fn run_env(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Outcome {
    let mut cmd = gov(dir);
    cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@t")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@t")
        .env("GOV_LANG", "en");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.arg("--data").arg(dir).args(["--today", TODAY]).args(args);
    Outcome::of(&mut cmd)
}

/// Runs a command that must succeed; returns its stdout.
pub fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert_eq!(out.code, Some(0), "gov {args:?}\n{}", out.snapshot(&[dir]));
    out.stdout
}

pub fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

pub fn bytes(dir: &Path, rel: &str) -> Vec<u8> {
    std::fs::read(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// `gov check` finds no errors, and no findings beyond `allowed` lines of its output.
pub fn assert_clean(dir: &Path, warnings: usize) {
    let out = crate::common::check(dir, &[]);
    assert_eq!(out.code, Some(0), "{}", out.stdout);
    assert!(out.stdout.contains(&format!(": 0 errors, {warnings} warning")), "{}", out.stdout);
}

pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@t"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every data file with its bytes (the `.gov` lock folder left out), for before/after comparisons.
pub fn data_tree(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    crate::common::tree(dir).into_iter().filter(|(p, _)| !p.starts_with(".gov")).collect()
}
