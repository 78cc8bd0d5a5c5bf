//! Shared helpers for the end-to-end tests: copy a fixture folder into a temp dir, run the real
//! `gov` binary with a cleared environment, and turn its exit code, stdout and stderr into one
//! string for an insta snapshot, with temp paths replaced by `[TMP]`.
//!
//! Each test file includes this module with `mod common;` and uses only part of it.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// The date every test takes as today.
pub const TODAY: &str = "2023-01-01";

/// Longest any single run of `gov` may take.
pub const TIME_LIMIT: Duration = Duration::from_secs(20);

/// `tests/fixtures/<name>` in the source tree.
pub fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// A fresh copy of `tests/fixtures/<name>` in a temp dir (which is deleted when dropped).
pub fn copy_fixture(name: &str) -> TempDir {
    let src = fixture_path(name);
    assert!(src.is_dir(), "no fixture folder {}", src.display());
    let tmp = tempfile::tempdir().expect("temp dir");
    copy_dir(&src, tmp.path());
    tmp
}

/// Copies a folder tree byte for byte, leaving out gov's own `.gov/` (a lock or parse cache
/// left by a run on the source folder).
pub fn copy_dir(src: &Path, dst: &Path) {
    fs::create_dir_all(dst).expect("create dir");
    for entry in fs::read_dir(src).expect("read fixture dir") {
        let entry = entry.expect("dir entry");
        if entry.file_name() == ".gov" {
            continue;
        }
        let to = dst.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &to);
        } else {
            fs::copy(entry.path(), &to).expect("copy file");
        }
    }
}

/// Every file under `dir` with its bytes, sorted by path, for before/after comparisons.
pub fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
        for entry in fs::read_dir(dir).expect("read dir") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                out.push((path.strip_prefix(root).unwrap().join(""), Vec::new()));
                walk(root, &path, out);
            } else {
                out.push((path.strip_prefix(root).unwrap().to_path_buf(), fs::read(&path).expect("read file")));
            }
        }
    }
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// The `gov` binary with an empty environment, run in `cwd`, bounded in time.
pub fn gov(cwd: &Path) -> Command {
    let mut cmd = Command::cargo_bin("gov").expect("gov binary");
    cmd.env_clear().current_dir(cwd).timeout(TIME_LIMIT);
    cmd
}

/// `gov --data <dir> --today 2023-01-01 --lang en check <args>`, run from `dir`: in English
/// whatever the folder's `lang` (tests/messages_findings.rs runs it in Chinese).
pub fn check(dir: &Path, args: &[&str]) -> Outcome {
    let mut cmd = gov(dir);
    cmd.arg("--data").arg(dir).args(["--today", TODAY, "--lang", "en", "check"]).args(args);
    Outcome::of(&mut cmd)
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Outcome {
    /// `None` when killed by a signal (as on reaching the time limit).
    pub code: Option<i32>,
    pub elapsed: Duration,
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    /// Runs the command to completion (or the time limit, which fails the test).
    pub fn of(cmd: &mut Command) -> Outcome {
        let start = std::time::Instant::now();
        let out = cmd.output().expect("gov ran");
        Outcome {
            code: out.status.code(),
            elapsed: start.elapsed(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Exit code, stdout and stderr as one string, with each of `dirs` shown as `[TMP]`.
    pub fn snapshot(&self, dirs: &[&Path]) -> String {
        let code = self.code.map_or("signal".to_string(), |c| c.to_string());
        let text = format!("exit: {code}\n--- stdout\n{}--- stderr\n{}", self.stdout, self.stderr);
        hide_paths(&text, dirs)
    }

    /// The findings of a `--format json` run as (code, file, line).
    pub fn json_findings(&self) -> Vec<(String, String, Option<u64>)> {
        let report: Value = serde_json::from_str(&self.stdout).expect("stdout is JSON");
        report["findings"]
            .as_array()
            .expect("findings is an array")
            .iter()
            .map(|f| {
                (f["code"].as_str().unwrap().to_string(), f["file"].as_str().unwrap().to_string(), f["line"].as_u64())
            })
            .collect()
    }

    /// The findings of a text run as (code, file, line), read from the `file:line:col: severity[code]`
    /// lines.
    pub fn text_findings(&self) -> Vec<(String, String, Option<u64>)> {
        self.stdout
            .lines()
            .filter(|l| {
                !l.starts_with(' ') && [": error[", ": warning[", ": 错误[", ": 警告["].iter().any(|s| l.contains(s))
            })
            .map(|l| {
                let (place, rest) = l.split_once(": ").unwrap();
                let code = rest.split_once('[').unwrap().1.split_once(']').unwrap().0;
                let mut parts = place.split(':');
                let file = parts.next().unwrap().to_string();
                let line = parts.next().map(|n| n.parse().unwrap());
                (code.to_string(), file, line)
            })
            .collect()
    }
}

/// Replaces each path (and its canonical form, which differs where /tmp is a symlink) with `[TMP]`.
pub fn hide_paths(text: &str, dirs: &[&Path]) -> String {
    let mut text = text.to_string();
    for dir in dirs {
        let mut forms = vec![dir.display().to_string()];
        if let Ok(canon) = dir.canonicalize() {
            forms.push(canon.display().to_string());
        }
        forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        for form in forms {
            text = text.replace(&form, "[TMP]");
        }
    }
    text
}

/// (code, file, line) triples from string literals, for comparing with [`Outcome::json_findings`].
pub fn expected(list: &[(&str, &str, Option<u64>)]) -> Vec<(String, String, Option<u64>)> {
    list.iter().map(|&(c, f, l)| (c.to_string(), f.to_string(), l)).collect()
}
