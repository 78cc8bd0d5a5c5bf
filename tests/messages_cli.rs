//! Every writing command's confirmation, and the errors and notes around them, in both
//! languages: one run each on a copy of `tests/fixtures/write-yaml` (a `lang: zh` folder, so
//! English is asked for with `--lang en`), in the order a community office would meet them.
//! One snapshot per language holds the whole session, each command under its own heading.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

use common::{Outcome, TODAY, copy_fixture, gov};

/// `gov --lang LANG --data DIR --today 2023-01-01 <args>`, with git on the PATH (for
/// `--commit`) and an identity for its commits.
fn run(dir: &Path, lang: &str, args: &[&str]) -> Outcome {
    let mut cmd = gov(dir);
    cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@t")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@t")
        .args(["--lang", lang, "--data"])
        .arg(dir)
        .args(["--today", TODAY])
        .args(args);
    Outcome::of(&mut cmd)
}

/// Runs and adds the outcome to the session under `gov <args>`.
fn step(log: &mut String, dir: &Path, lang: &str, args: &[&str]) {
    let out = run(dir, lang, args);
    log.push_str(&format!("===== gov {}\n{}\n", args.join(" "), out.snapshot(&[dir])));
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@t"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn session(lang: &str) -> String {
    let dir = copy_fixture("write-yaml");
    let d = dir.path();
    git(d, &["init", "-q"]);
    git(d, &["add", "-A"]);
    git(d, &["commit", "-qm", "fixture"]);
    let mut log = String::new();
    let s = &mut log;

    // Adding records: the id gov chooses is said, the record echoed; one commits.
    step(s, d, lang, &["member", "add", "--name", "赵新", "--kind", "resident", "--grid", "G1", "--commit"]);
    s.push_str(&format!("git log: {}\n", git(d, &["log", "-1", "--format=%s"])));
    step(s, d, lang, &["org", "add", "--name", "第一党支部", "--kind", "branch"]);
    step(
        s,
        d,
        lang,
        &[
            "household",
            "add",
            "--address",
            "幸福里3号楼1单元301室",
            "--grid",
            "G1",
            "--head",
            "钱奶奶",
            "--contacts",
            "M01",
        ],
    );
    // Changing them, and doing it again (nothing to do).
    step(s, d, lang, &["household", "set-color", "H02", "yellow", "--reason", "独居老人住院"]);
    step(s, d, lang, &["household", "set-color", "H02", "黄", "--reason", "再次"]);
    step(s, d, lang, &["household", "link", "H03", "M03"]);
    step(s, d, lang, &["household", "link", "H03", "M03"]);
    step(s, d, lang, &["household", "unlink", "H03", "M03"]);
    step(s, d, lang, &["household", "unlink", "H03", "M03"]);
    // Visits: one, the same again, a batch over two months, the batch again.
    let visit = ["visit", "add", "--member", "M01", "--household", "H01", "--method", "phone", "--summary", "电话问候"];
    let visit: Vec<&str> = visit.iter().copied().chain(["--date", "2022-12-20"]).collect();
    step(s, d, lang, &visit);
    step(s, d, lang, &visit);
    std::fs::write(
        d.join("batch.csv"),
        "date,member,household,method,summary\n2022-11-03,M01,H02,home,入户走访\n2022-12-05,M02,H01,wechat,微信询问\n",
    )
    .unwrap();
    step(s, d, lang, &["visit", "add", "--from", "batch.csv", "--dry-run"]);
    step(s, d, lang, &["visit", "add", "--from", "batch.csv"]);
    step(s, d, lang, &["visit", "add", "--from", "batch.csv"]);
    // A problem's whole life.
    step(
        s,
        d,
        lang,
        &[
            "issue",
            "add",
            "--title",
            "路灯不亮",
            "--category",
            "infrastructure",
            "--household",
            "H02",
            "--date",
            "2022-12-10",
        ],
    );
    step(
        s,
        d,
        lang,
        &[
            "issue",
            "add",
            "--title",
            "路灯不亮",
            "--category",
            "infrastructure",
            "--household",
            "H02",
            "--date",
            "2022-12-10",
        ],
    );
    let id = "I-2022-0003";
    step(s, d, lang, &["issue", "dispatch", id, "--date", "2022-12-11", "--by", "社区居委会"]);
    step(s, d, lang, &["issue", "dispatch", id, "--date", "2022-12-11", "--by", "社区居委会"]);
    step(s, d, lang, &["issue", "whistle", id, "--date", "2022-12-12", "--departments", "城管局"]);
    step(s, d, lang, &["issue", "report", id, "--date", "2022-12-13", "--department", "城管局"]);
    step(s, d, lang, &["issue", "progress", id, "--date", "2022-12-14", "--note", "已更换灯泡"]);
    step(s, d, lang, &["issue", "resolve", id, "--date", "2022-12-15"]);
    step(
        s,
        d,
        lang,
        &["issue", "feedback", id, "--date", "2022-12-16", "--solved", "no", "--satisfaction", "unsatisfied"],
    );
    step(s, d, lang, &["issue", "reopen", id, "--date", "2022-12-17"]);
    step(s, d, lang, &["issue", "resolve", id, "--date", "2022-12-20"]);
    step(s, d, lang, &["issue", "close", id, "--date", "2022-12-21"]);
    // A dry run, a refusal (the result would be invalid), usage errors.
    step(s, d, lang, &["household", "set-color", "H01", "green", "--reason", "已搬走", "--dry-run"]);
    step(s, d, lang, &["member", "add", "--name", "钱多", "--kind", "retired", "--dry-run"]);
    step(s, d, lang, &["household", "link", "H01", "张三丰"]);
    step(s, d, lang, &["issue", "resolve", "I-2022-9999"]);
    step(s, d, lang, &["visit", "add", "--member", "M01"]);
    step(s, d, lang, &["stats", "--month", "2022-13"]);
    step(s, d, lang, &["visit", "add", "--from", "no-such-file.csv"]);
    // Another writer holds the lock (python's flock stands in for it).
    let mut holder = Command::new("python3")
        .current_dir(d)
        .args([
            "-c",
            "import fcntl,sys,time\nf=open('.gov/lock','w')\nfcntl.flock(f,fcntl.LOCK_EX)\nf.write('pid 4242, gov visit add, since 2023-01-01 09:30:00')\nf.flush()\nprint('held',flush=True)\nsys.stdin.read()",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(holder.stdout.take().unwrap()), &mut line).unwrap();
    assert_eq!(line, "held\n");
    step(s, d, lang, &["household", "set-color", "H01", "green", "--reason", "已搬走", "--wait", "0"]);
    drop(holder.stdin.take());
    holder.wait().unwrap();
    log
}

/// `init`, `export`, and the note of a report made from a folder with errors.
fn others(lang: &str) -> String {
    let mut log = String::new();
    let empty = tempfile::tempdir().unwrap();
    let e = empty.path();
    let mut cmd = gov(e);
    cmd.args(["--lang", lang, "init", "office"]);
    log.push_str(&format!("===== gov init office\n{}\n", Outcome::of(&mut cmd).snapshot(&[e])));
    let mut cmd = gov(e);
    cmd.args(["--lang", lang, "init", "office"]);
    log.push_str(&format!("===== gov init office (again)\n{}\n", Outcome::of(&mut cmd).snapshot(&[e])));

    let dir = copy_fixture("reports");
    let d = dir.path();
    let mut cmd = gov(d);
    cmd.args(["--lang", lang, "--today", "2024-03-01", "export", "--month", "2024-01", "--out", "pack"]);
    log.push_str(&format!("===== gov export --month 2024-01\n{}\n", Outcome::of(&mut cmd).snapshot(&[d])));

    let dir = copy_fixture("report-errors");
    let d = dir.path();
    for args in [&["stats", "--month", "2022-11"][..], &["export", "--month", "2022-11", "--out", "pack"]] {
        let mut cmd = gov(d);
        cmd.args(["--lang", lang, "--today", "2022-12-01"]).args(args);
        log.push_str(&format!("===== gov {}\n{}\n", args.join(" "), Outcome::of(&mut cmd).snapshot(&[d])));
    }
    let mut cmd = gov(d);
    cmd.args([
        "--lang",
        lang,
        "--today",
        "2022-12-01",
        "export",
        "--month",
        "2022-11",
        "--out",
        "pack",
        "--allow-errors",
    ]);
    log.push_str(&format!("===== gov export --allow-errors\n{}\n", Outcome::of(&mut cmd).snapshot(&[d])));
    log
}

#[test]
fn writing_commands_in_english() {
    insta::assert_snapshot!("session-en", session("en"));
}

#[test]
fn writing_commands_in_chinese() {
    insta::assert_snapshot!("session-zh", session("zh"));
}

#[test]
fn init_export_and_notes_in_english() {
    insta::assert_snapshot!("others-en", others("en"));
}

#[test]
fn init_export_and_notes_in_chinese() {
    insta::assert_snapshot!("others-zh", others("zh"));
}
