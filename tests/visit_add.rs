//! `gov visit add` end to end on temp copies of tests/fixtures/reports: one visit, refusals in
//! the words `gov check` uses, batches (all or nothing), files kept in their encoding, line
//! endings and columns, 8 concurrent writers, crashes mid-write, the interactive prompts through
//! a pseudo-terminal, and git commits. Every sequence ends with `gov check` passing.

mod common;

use std::fs;
use std::path::Path;

use common::{Outcome, copy_fixture};

/// `common::gov` in English whatever the folder's `lang`: the words matched here are English
/// (`tests/messages_cli.rs` has both languages).
fn gov(dir: &Path) -> assert_cmd::Command {
    let mut cmd = common::gov(dir);
    cmd.env("GOV_LANG", "en");
    cmd
}
use encoding_rs::GB18030;

const TODAY: &str = "2024-03-01";
const JAN: &str = "visits/2024-01.csv";

fn add(dir: &Path, args: &[&str]) -> Outcome {
    let mut cmd = gov(dir);
    cmd.args(["--today", TODAY, "--lang", "en", "visit", "add"]).args(args);
    Outcome::of(&mut cmd)
}

/// The folder's files, leaving out gov's own scratch folder `.gov/` (the lock lives there).
fn data(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    common::tree(dir).into_iter().filter(|(p, _)| !p.starts_with(".gov")).collect()
}

fn read(dir: &Path, rel: &str) -> String {
    fs::read_to_string(dir.join(rel)).unwrap()
}

/// `gov check` passes: no errors (the fixture has one warning by design: H06's contact M05 has
/// transferred, which is `inactive-contact`).
fn assert_checks(dir: &Path) {
    let mut cmd = gov(dir);
    cmd.args(["--today", TODAY, "--lang", "en", "check"]);
    let out = Outcome::of(&mut cmd);
    assert_eq!(out.code, Some(0), "{}", out.stdout);
    assert!(out.stdout.ends_with("0 errors, 1 warning\n"), "{}", out.stdout);
}

#[test]
fn adds_a_visit_named_by_name_and_address() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    let before = read(d, JAN);
    let out = add(
        d,
        &[
            "--member",
            "王芳",
            "--household",
            "刘大爷",
            "--method",
            "入户",
            "--summary",
            "看望, 聊家常",
            "--date",
            "2024-01-20",
            "--topics",
            "养老服务;防诈骗",
        ],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, "added to visits/2024-01.csv:8: 2024-01-20 王芳 → 幸福里1号楼1单元***室 (home visit)\n");
    assert_eq!(read(d, JAN), format!("{before}2024-01-20,M01,H01,home,\"看望, 聊家常\",养老服务;防诈骗,,\n"));
    assert_checks(d);
}

#[test]
fn a_new_month_gets_a_new_file_with_a_header() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    let out = add(d, &["--member", "M04", "--household", "H04", "--method", "phone", "--summary", "电话问候"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        read(d, "visits/2024-03.csv"),
        "date,member,household,method,summary,topics,with,issues\n2024-03-01,M04,H04,phone,电话问候,,,\n"
    );
    assert_checks(d);
}

#[test]
fn refusals_use_the_checks_words_and_write_nothing() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    let before = data(d);
    let out = add(
        d,
        &["--member", "M99", "--household", "H01", "--method", "home", "--summary", "x", "--date", "2024-01-20"],
    );
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.contains(
            "visits/2024-01.csv:8: error[dangling-reference] `member` refers to member `M99`, which does not exist"
        ),
        "{}",
        out.stderr
    );
    assert!(out.stderr.ends_with("Error: 1 error in the new record; nothing was written\n"), "{}", out.stderr);
    let out = add(
        d,
        &["--member", "M01", "--household", "H01", "--method", "home", "--summary", "x", "--date", "2024-03-02"],
    );
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.contains("error[future-date] visit date 2024-03-02 is after today (2024-03-01)"),
        "{}",
        out.stderr
    );
    let out = add(d, &["--member", "M01", "--household", "H01", "--method", "walk", "--summary", "x"]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.contains("error[invalid-value] `method` value `walk` is not a valid visit method"),
        "{}",
        out.stderr
    );
    // A warning is shown but does not stop the write: M04 is not one of H01's contacts.
    assert!(data(d) == before, "nothing was written");
    let out = add(
        d,
        &["--member", "M04", "--household", "H01", "--method", "home", "--summary", "代访", "--date", "2024-01-21"],
    );
    assert_eq!(out.code, Some(0));
    assert!(out.stderr.contains("warning[visit-not-contact] member `M04` visited household `H01`"), "{}", out.stderr);
    insta::assert_snapshot!(
        "visit_add_refused",
        add(d, &["--member", "M99", "--household", "H01", "--method", "hom", "--summary", "x", "--date", "2024-02-30"])
            .snapshot(&[d])
    );
}

#[test]
fn ambiguity_and_missing_fields_are_usage_errors() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    let out = add(d, &["--member", "M01", "--household", "1单元101室", "--method", "home", "--summary", "x"]);
    assert_eq!(out.code, Some(2));
    assert!(
        out.stderr.contains(
            "`1单元***室` matches 2 households: H01 (幸福里1号楼1单元***室 刘大爷), H04 (和平苑5号楼1单元***室 郑奶奶)"
        ),
        "{}",
        out.stderr
    );
    // Standard input is not a terminal: no prompt, no hang.
    let mut cmd = gov(d);
    cmd.args(["--today", TODAY, "visit", "add", "--member", "M01"]).write_stdin("");
    let out = Outcome::of(&mut cmd);
    assert_eq!(out.code, Some(2));
    assert_eq!(
        out.stderr,
        "Error: missing --household, --method, --summary\nHint: give them as flags, or run `gov visit add` in a terminal to be asked\n"
    );
}

#[test]
fn dry_run_writes_nothing() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    let before = data(d);
    let out = add(d, &["--member", "M01", "--household", "H01", "--method", "home", "--summary", "看望", "--dry-run"]);
    assert_eq!(out.code, Some(0));
    assert_eq!(out.stdout, "would add to visits/2024-03.csv:2\n2024-03-01,M01,H01,home,看望,,,\n");
    assert!(data(d) == before, "nothing was written");
}

#[test]
fn files_keep_their_encoding_line_endings_and_columns() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    // A person's January file: GB18030 from Excel, CRLF, an extra column in the middle, columns
    // in their own order, and no newline after the last row.
    let hand = "member,date,备注,household,method,summary\r\nM01,2024-01-03,春节,H01,入户,送春联\r\nM03,2024-01-15,,H03,home,楼道灯";
    fs::write(d.join(JAN), GB18030.encode(hand).0).unwrap();
    let out = add(
        d,
        &[
            "--member",
            "M03",
            "--household",
            "H02",
            "--method",
            "wechat",
            "--summary",
            "微信问候",
            "--date",
            "2024-01-25",
        ],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let expected = format!("{hand}\r\nM03,2024-01-25,,H02,wechat,微信问候\r\n");
    assert_eq!(fs::read(d.join(JAN)).unwrap(), GB18030.encode(&expected).0.into_owned());
    // A value for a column the file lacks is refused rather than dropped.
    let out = add(
        d,
        &[
            "--member",
            "M03",
            "--household",
            "H02",
            "--method",
            "home",
            "--summary",
            "x",
            "--date",
            "2024-01-26",
            "--topics",
            "防诈骗",
        ],
    );
    assert_eq!(out.code, Some(1));
    assert!(out.stderr.contains("visits/2024-01.csv: the file has no `topics` column"), "{}", out.stderr);
    let mut cmd = gov(d);
    cmd.args(["--today", TODAY, "--lang", "en", "check"]);
    let check = Outcome::of(&mut cmd);
    assert_eq!(check.code, Some(0), "{}", check.stdout);
}

#[test]
fn batches_are_all_or_nothing() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    let before = data(d);
    let bad = "date,member,household,method,summary\n2024-01-22,M01,H01,home,好的一行\n2024-01-23,M98,H01,home,没有这个党员\n2024/02/31,M01,H01,home,没有这一天\n";
    fs::write(d.join("../bad.csv"), bad).unwrap();
    let out = add(d, &["--from", "../bad.csv"]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stderr.contains("../bad.csv:3: error[dangling-reference] `member` refers to member `M98`"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("../bad.csv:4:"), "{}", out.stderr);
    assert!(data(d) == before, "nothing was written");

    let good = "date,member,household,method,summary,with\n2024-01-22,M01,H01,入户,好的一行,M02\n2024-02-10,M04,H04,phone,二月的一行,\n";
    let mut cmd = gov(d);
    cmd.args(["--today", TODAY, "visit", "add", "--from", "-"]).write_stdin(good);
    let out = Outcome::of(&mut cmd);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, "added 1 to visits/2024-01.csv\nadded 1 to visits/2024-02.csv\n");
    assert!(read(d, JAN).ends_with("\n2024-01-22,M01,H01,home,好的一行,,M02,\n"));
    assert_eq!(
        read(d, "visits/2024-02.csv"),
        "date,member,household,method,summary,topics,with,issues\n2024-02-10,M04,H04,phone,二月的一行,,,\n"
    );
    assert_checks(d);
}

#[test]
fn eight_writers_at_once_lose_nothing() {
    let dir = copy_fixture("reports");
    let d = dir.path().to_path_buf();
    let before = read(&d, JAN).lines().count();
    let writers: Vec<_> = (0..8)
        .map(|w| {
            let d = d.clone();
            std::thread::spawn(move || {
                for i in 0..50 {
                    let summary = format!("并发写入 {w}-{i}");
                    let out = add(
                        &d,
                        &[
                            "--member",
                            "M01",
                            "--household",
                            "H02",
                            "--method",
                            "home",
                            "--summary",
                            &summary,
                            "--date",
                            "2024-01-28",
                        ],
                    );
                    assert_eq!(out.code, Some(0), "{}", out.stderr);
                }
            })
        })
        .collect();
    writers.into_iter().for_each(|t| t.join().unwrap());
    let text = read(&d, JAN);
    assert_eq!(text.lines().count(), before + 400);
    let mut seen: Vec<String> = text.lines().skip(before).map(|l| l.to_string()).collect();
    for l in &seen {
        assert!(l.starts_with("2024-01-28,M01,H02,home,并发写入 ") && l.ends_with(",,,"), "torn row: {l:?}");
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 400, "every row distinct and intact");
    assert_checks(&d);
}

#[test]
fn a_crash_leaves_the_old_or_the_new_state() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    let args = ["--member", "M01", "--household", "H01", "--method", "home", "--summary", "看望"];
    // Killed after writing a new month file's temporary copy, before the rename: old state.
    let mut cmd = gov(d);
    cmd.env("GOV_FAILPOINT", "replace-before-rename").args(["--today", TODAY, "visit", "add"]).args(args);
    let out = Outcome::of(&mut cmd);
    assert_ne!(out.code, Some(0));
    assert!(!d.join("visits/2024-03.csv").exists());
    assert_checks(d);
    // Killed after appending, before fsync: the new row is whole.
    let before = read(d, JAN);
    let mut cmd = gov(d);
    cmd.env("GOV_FAILPOINT", "append-before-sync")
        .args(["--today", TODAY, "visit", "add", "--date", "2024-01-20"])
        .args(args);
    let out = Outcome::of(&mut cmd);
    assert_ne!(out.code, Some(0));
    assert_eq!(read(d, JAN), format!("{before}2024-01-20,M01,H01,home,看望,,,\n"));
    assert_checks(d);
    // And the folder takes the next write as usual.
    assert_eq!(add(d, &args).code, Some(0));
    assert_checks(d);
}

#[test]
fn asks_for_what_is_missing_on_a_terminal() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    let gov_bin = assert_cmd::cargo::cargo_bin("gov");
    let driver = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/pty_drive.py");
    // Member by typing its id to filter; household: the member's first linked one (H01 for
    // M01); method: the member's last used (入户 on 2024-02-29 in the fixture); the date, as an
    // office writes it (today is the default); summary; confirm.
    let steps = r#"[["member:", "M01"], ["M01", "\r"], ["household:", "\r"], ["method:", "\r"], ["date:", "2024年1月20日\r"], ["summary:", "看望老人\r"], ["Record", "\r"]]"#;
    let out = std::process::Command::new("python3")
        .args([driver, steps, "--"])
        .arg(&gov_bin)
        .args(["--lang", "en", "--data", d.to_str().unwrap(), "--today", TODAY, "visit", "add"])
        .env_clear()
        .env("GOV_LANG", "en")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("TERM", "xterm")
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{shown}");
    assert!(
        shown.contains("added to visits/2024-01.csv:8: 2024-01-20 王芳 → 幸福里1号楼1单元***室 (home visit)"),
        "{shown}"
    );
    assert!(read(d, JAN).ends_with("\n2024-01-20,M01,H01,home,看望老人,,,\n"));
    assert_checks(d);
}

/// An empty summary at the prompt is not taken: the prompt says why and asks again.
#[test]
fn an_empty_summary_at_the_prompt_says_why() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    let gov_bin = assert_cmd::cargo::cargo_bin("gov");
    let driver = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/pty_drive.py");
    let steps = r#"[["summary:", "  \r"], ["write what was discussed or done", "电话问候\r"], ["Record", "\r"]]"#;
    let out = std::process::Command::new("python3")
        .args([driver, steps, "--"])
        .arg(&gov_bin)
        .args(["--lang", "en", "--data", d.to_str().unwrap(), "--today", TODAY, "visit", "add"])
        .args(["--member", "M01", "--household", "H01", "--method", "phone", "--date", "2024-01-21"])
        .env_clear()
        .env("GOV_LANG", "en")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("TERM", "xterm")
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{shown}");
    assert!(shown.contains("write what was discussed or done"), "{shown}");
    let jan = read(d, JAN);
    assert!(jan.ends_with("\n2024-01-21,M01,H01,phone,电话问候,,,\n"), "{jan}");
    assert_checks(d);
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git").current_dir(dir).args(args).output().unwrap();
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn commit_stages_exactly_the_changed_file() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    let with_git = |cmd: &mut assert_cmd::Command| {
        cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.com")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.com");
    };
    let args = ["--member", "M01", "--household", "H01", "--method", "home", "--date", "2024-01-20", "--commit"];
    // Without a repository: says so, still writes.
    let mut cmd = gov(d);
    with_git(&mut cmd);
    cmd.args(["--today", TODAY, "visit", "add"]).args(args).args(["--summary", "看望"]);
    let out = Outcome::of(&mut cmd);
    assert_eq!(out.code, Some(0));
    assert_eq!(out.stderr, "not a git repository: the change is written but not committed\n");

    git(d, &["init", "-q"]);
    git(d, &["-c", "user.name=t", "-c", "user.email=t@example.com", "add", "."]);
    git(d, &["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "start"]);
    fs::write(d.join("members.csv"), read(d, "members.csv") + "M06,新党员,resident,,,,,,,\n").unwrap(); // someone's unrelated edit
    let mut cmd = gov(d);
    with_git(&mut cmd);
    cmd.args(["--today", TODAY, "visit", "add"]).args(args).args(["--summary", "再次看望"]);
    let out = Outcome::of(&mut cmd);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stderr, "committed: visit: 王芳 → 幸福里1号楼1单元101室 (2024-01-20)\n");
    assert_eq!(git(d, &["log", "-1", "--format=%s"]), "visit: 王芳 → 幸福里1号楼1单元101室 (2024-01-20)\n");
    assert_eq!(git(d, &["show", "--name-only", "--format="]), "visits/2024-01.csv\n");
    assert_eq!(git(d, &["status", "--porcelain"]), " M members.csv\n", "the unrelated edit is left alone");
}

/// `auto_commit: true` in gov.yaml commits every write without `--commit`; with the setting
/// off (the fixture as it is) the same add leaves the change uncommitted.
#[test]
fn auto_commit_in_gov_yaml_commits_without_the_flag() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    let add_visit = |summary: &str| {
        let mut cmd = gov(d);
        cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.com")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.com")
            .args(["--today", TODAY, "visit", "add", "--member", "王芳", "--household", "刘大爷"])
            .args(["--method", "phone", "--date", "2024-02-21", "--summary", summary]);
        Outcome::of(&mut cmd)
    };
    fs::write(d.join(".gitignore"), ".gov/\n").unwrap(); // as `gov init` lays it down
    git(d, &["init", "-q"]);
    git(d, &["-c", "user.name=t", "-c", "user.email=t@example.com", "add", "."]);
    git(d, &["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "start"]);

    let out = add_visit("电话问候");
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    // February's visits are kept in YAML in the fixture: the user is told where this one went.
    assert_eq!(
        out.stderr,
        "visits/2024-02.yaml holds visits of 2024-02 too; new visits go to visits/2024-02.csv (gov reads both)\n"
    );
    assert_eq!(git(d, &["log", "--format=%s"]), "start\n");
    // February's visits are in 2024-02.yaml; gov appends to visits/YYYY-MM.csv, made anew.
    assert_eq!(git(d, &["status", "--porcelain"]), "?? visits/2024-02.csv\n");
    git(d, &["add", "visits/2024-02.csv"]);
    git(d, &["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "by hand"]);

    fs::write(d.join("gov.yaml"), read(d, "gov.yaml") + "auto_commit: true\n").unwrap();
    git(d, &["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qam", "auto_commit on"]);
    let out = add_visit("再次电话问候");
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    // M01 王芳 → H01 幸福里1号楼1单元101室 (刘大爷) on 2024-02-21.
    assert_eq!(out.stderr, "committed: visit: 王芳 → 幸福里1号楼1单元101室 (2024-02-21)\n");
    assert_eq!(git(d, &["log", "-1", "--format=%s"]), "visit: 王芳 → 幸福里1号楼1单元101室 (2024-02-21)\n");
    assert_eq!(git(d, &["show", "--name-only", "--format="]), "visits/2024-02.csv\n");
    assert_eq!(git(d, &["status", "--porcelain"]), "");
    assert_checks(d);
}

fn batch(dir: &Path, rows: &str, env: &[(&str, &str)]) -> Outcome {
    let mut cmd = gov(dir);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.args(["--today", TODAY, "--lang", "en", "visit", "add", "--from", "-"]).write_stdin(rows.to_string());
    Outcome::of(&mut cmd)
}

/// Killed after the first month file of a two-month batch: the batch is half applied until the
/// next writer, which undoes it before it does anything else; running the batch again then gives
/// the state of one clean run, not the January row twice.
#[test]
fn a_batch_killed_between_months_is_undone_by_the_next_writer() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    let jan_before = read(d, JAN);
    let rows = "date,member,household,method,summary\n2024-01-22,M01,H01,home,一月\n2024-02-10,M04,H04,phone,二月\n";
    let out = batch(d, rows, &[("GOV_FAILPOINT", "batch-between-files")]);
    assert_ne!(out.code, Some(0), "the writer was meant to die");
    assert_eq!(read(d, JAN), format!("{jan_before}2024-01-22,M01,H01,home,一月,,,\n"), "January written");
    assert!(!d.join("visits/2024-02.csv").exists(), "February not");
    assert!(d.join(".gov/journal").exists());

    let out = batch(d, rows, &[]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "an earlier gov was stopped part-way through a batch; it has been undone:\n  visits/2024-01.csv: back to its 410 bytes before the batch\nvisits/2024-02.yaml holds visits of 2024-02 too; new visits go to visits/2024-02.csv (gov reads both)\n"
    );
    assert_eq!(jan_before.len(), 410, "the fixture's January file (wc -c)");
    assert_eq!(read(d, JAN), format!("{jan_before}2024-01-22,M01,H01,home,一月,,,\n"), "January once");
    assert_eq!(
        read(d, "visits/2024-02.csv"),
        "date,member,household,method,summary,topics,with,issues\n2024-02-10,M04,H04,phone,二月,,,\n"
    );
    assert!(!d.join(".gov/journal").exists());
    assert_checks(d);
}

/// A batch's `id` column is written when the month file has one, refused when it has not, and a
/// column gov does not know is refused rather than dropped.
#[test]
fn a_batch_keeps_its_ids_and_refuses_unknown_columns() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    fs::write(d.join("visits/2024-03.csv"), "id,date,member,household,method,summary\n").unwrap();
    let out = batch(d, "id,date,member,household,method,summary\nV-1,2024-03-01,M01,H01,home,看望\n", &[]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        read(d, "visits/2024-03.csv"),
        "id,date,member,household,method,summary\nV-1,2024-03-01,M01,H01,home,看望\n"
    );

    let before = data(d);
    let out = batch(d, "id,date,member,household,method,summary\nV-2,2024-01-25,M01,H01,home,看望\n", &[]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(out.stderr.contains("`id`") && out.stderr.contains("nothing was written"), "{}", out.stderr);
    let out = batch(d, "date,member,household,method,summary,colour\n2024-01-25,M01,H01,home,看望,红\n", &[]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(out.stderr.contains("unknown field `colour`"), "{}", out.stderr);
    assert!(out.stderr.contains("has a column gov does not know (above); nothing was written"), "{}", out.stderr);
    assert!(data(d) == before, "nothing was written");
    assert_checks(d);
}

/// A month file saved as "CSV (Macintosh)", with lone `\r` line ends: the new row gets one too,
/// is on the line the loader counts, and the folder still checks clean.
#[test]
fn appends_to_a_file_with_lone_cr_line_ends() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    let cr = read(d, JAN).replace('\n', "\r");
    fs::write(d.join(JAN), &cr).unwrap();
    let out = add(
        d,
        &["--member", "M01", "--household", "H01", "--method", "home", "--summary", "看望", "--date", "2024-01-20"],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, "added to visits/2024-01.csv:8: 2024-01-20 王芳 → 幸福里1号楼1单元***室 (home visit)\n");
    assert_eq!(read(d, JAN), format!("{cr}2024-01-20,M01,H01,home,看望,,,\r"));
    assert_checks(d);
    // Every row is still read: 4 in December, 6 + 1 in January, 4 in February's YAML.
    let mut cmd = gov(d);
    cmd.args(["--today", TODAY, "--lang", "en", "check", "--format", "json"]);
    let out = Outcome::of(&mut cmd);
    assert!(out.stdout.contains("\"visits\": 15,"), "{}", out.stdout);
}

/// A command run again after it was stopped, not knowing whether it had written, records once:
/// a visit the same in every field as one in the folder is not added twice, alone or as a whole
/// batch. A batch only partly there is written (the rows already there are `duplicate-visit`
/// warnings), since the journal leaves no half batch behind.
#[test]
fn the_same_visit_run_again_is_recorded_once() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    let args =
        ["--member", "M01", "--household", "H01", "--method", "home", "--summary", "看望", "--date", "2024-01-20"];
    assert_eq!(add(d, &args).code, Some(0));
    let once = data(d);
    let out = add(d, &args);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "already recorded at visits/2024-01.csv:8: 2024-01-20 王芳 → 幸福里1号楼1单元***室 (home visit); nothing was written\n"
    );
    assert_eq!(out.stderr, "");
    assert!(data(d) == once);
    // Another summary is another visit.
    let out = add(
        d,
        &["--member", "M01", "--household", "H01", "--method", "home", "--summary", "再看望", "--date", "2024-01-20"],
    );
    assert_eq!(out.stdout, "added to visits/2024-01.csv:9: 2024-01-20 王芳 → 幸福里1号楼1单元***室 (home visit)\n");

    let rows = "date,member,household,method,summary\n2024-01-22,M01,H01,home,一月\n2024-03-01,M04,H04,phone,三月\n";
    assert_eq!(batch(d, rows, &[]).code, Some(0));
    let once = data(d);
    let out = batch(d, rows, &[]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "all 2 visits of <stdin> are already recorded (the first at visits/2024-01.csv:10); nothing was written\n"
    );
    assert!(data(d) == once);
    let one = "date,member,household,method,summary\n2024-03-01,M04,H04,phone,三月\n";
    assert_eq!(
        batch(d, one, &[]).stdout,
        "the visit of <stdin> is already recorded at visits/2024-03.csv:2; nothing was written\n"
    );
    // A batch that overlaps one already recorded: the two rows there are skipped, and said; the
    // new one is written.
    let partly = format!("{rows}2024-03-01,M01,H02,home,新的\n");
    let out = batch(d, &partly, &[]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "skipped 2 already recorded (the first at visits/2024-01.csv:10); --allow-duplicates writes them anyway\n\
         added 1 to visits/2024-03.csv\n"
    );
    assert_eq!(out.stderr, "");
    // Run once more, every row is there: nothing written.
    let before = data(d);
    let out = batch(d, &partly, &[]);
    assert!(out.stdout.starts_with("all 3 visits of <stdin> are already recorded"), "{}", out.stdout);
    assert!(data(d) == before);
    // --allow-duplicates writes them all again, each warned about as `gov check` would.
    let mut cmd = gov(d);
    cmd.args(["--today", TODAY, "--lang", "en", "visit", "add", "--from", "-", "--allow-duplicates"]);
    let out = Outcome::of(cmd.write_stdin(partly.clone()));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, "added 1 to visits/2024-01.csv\nadded 2 to visits/2024-03.csv\n");
    assert_eq!(out.stderr.matches("warning[duplicate-visit]").count(), 3, "{}", out.stderr);
}
