//! The folder lock is held only for the write: a `gov visit add` waiting at a prompt or on a
//! slow standard input keeps nobody waiting, and judges its record again against what the
//! others wrote meanwhile. A writer that cannot get the lock in `--wait` seconds says who holds
//! it and exits 2, having written nothing.

mod common;

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Outcome, copy_fixture};

/// `common::gov` in English whatever the folder's `lang`: the words matched here are English
/// (`tests/messages_cli.rs` has both languages).
fn gov(dir: &Path) -> assert_cmd::Command {
    let mut cmd = common::gov(dir);
    cmd.env("GOV_LANG", "en");
    cmd
}

const TODAY: &str = "2024-03-01";
const JAN: &str = "visits/2024-01.csv";

fn run(dir: &Path, args: &[&str]) -> Outcome {
    let mut cmd = gov(dir);
    // English whatever the folder's `lang`: the words matched below are English.
    cmd.env("GOV_LANG", "en").args(["--today", TODAY]).args(args);
    Outcome::of(&mut cmd)
}

/// Another writer, allowed to wait 2 s: it must not have to.
fn other_writer(d: &Path) {
    let out = run(d, &["household", "set-color", "H02", "red", "--reason", "住院", "--wait", "2"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(!out.stderr.contains("waiting"), "{}", out.stderr);
    let out = run(
        d,
        &["visit", "add", "--member", "M03", "--household", "H03", "--method", "phone", "--summary", "电话回访"]
            .iter()
            .copied()
            .chain(["--date", "2024-01-21", "--wait", "2"])
            .collect::<Vec<_>>(),
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, "added to visits/2024-01.csv:8: 2024-01-21 李强 → 幸福里2号楼3单元***室 (phone)\n");
}

/// The folder's files, leaving out gov's own scratch folder `.gov/`.
fn data(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    common::tree(dir).into_iter().filter(|(p, _)| !p.starts_with(".gov")).collect()
}

fn assert_checks(d: &Path) {
    let out = run(d, &["--lang", "en", "check"]);
    assert_eq!(out.code, Some(0), "{}", out.stdout);
    assert!(out.stdout.ends_with("0 errors, 1 warning\n"), "{}", out.stdout);
}

fn wait_for(path: &Path) {
    let end = Instant::now() + Duration::from_secs(20);
    while !path.exists() {
        assert!(Instant::now() < end, "{} never appeared", path.display());
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_writer_at_a_prompt_keeps_nobody_waiting() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    let flags = tempfile::tempdir().unwrap();
    let (asking, go) = (flags.path().join("asking"), flags.path().join("go"));
    let steps = serde_json::json!([
        ["member:", "M01"],
        ["M01", "\r"],
        ["household:", "\r"],
        ["method:", "\r"],
        ["summary:", "看望老人\r"],
        ["Record", ""],
        ["@touch", asking],
        ["@file", go],
        ["", "\r"],
    ]);
    let driver = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/pty_drive.py");
    let first = Command::new("python3")
        .arg(driver)
        .arg(steps.to_string())
        .arg("--")
        .arg(assert_cmd::cargo::cargo_bin("gov"))
        .args(["--lang", "en", "--data", d.to_str().unwrap(), "--today", TODAY, "visit", "add", "--date", "2024-01-20"])
        .env_clear()
        .env("GOV_LANG", "en")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("TERM", "xterm")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    // While the first asks for confirmation, two others write, one to the same month file.
    wait_for(&asking);
    other_writer(d);
    fs::write(&go, "").unwrap();
    let out = first.wait_with_output().unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{shown}");
    // Judged again under the lock: the row after the other writer's, on line 9.
    assert!(
        shown.contains("added to visits/2024-01.csv:9: 2024-01-20 王芳 → 幸福里1号楼1单元***室 (home visit)"),
        "{shown}"
    );
    let jan = fs::read_to_string(d.join(JAN)).unwrap();
    assert!(jan.ends_with("\n2024-01-21,M03,H03,phone,电话回访,,,\n2024-01-20,M01,H01,home,看望老人,,,\n"), "{jan}");
    assert!(
        fs::read_to_string(d.join("households.csv"))
            .unwrap()
            .contains("\nH02,幸福里1号楼1单元102室,G1,孙阿姨,13600003333,3,red,")
    );
    assert_checks(d);
}

#[test]
fn a_batch_on_a_slow_standard_input_keeps_nobody_waiting() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    let mut first = Command::new(assert_cmd::cargo::cargo_bin("gov"))
        .current_dir(d)
        .env_clear()
        .env("GOV_LANG", "en")
        .args(["--today", TODAY, "visit", "add", "--from", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    other_writer(d);
    let mut stdin = first.stdin.take().unwrap();
    stdin.write_all("date,member,household,method,summary\n2024-01-22,M01,H01,home,送温暖\n".as_bytes()).unwrap();
    drop(stdin);
    let out = first.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "added 1 to visits/2024-01.csv\n");
    let jan = fs::read_to_string(d.join(JAN)).unwrap();
    assert!(jan.ends_with("\n2024-01-21,M03,H03,phone,电话回访,,,\n2024-01-22,M01,H01,home,送温暖,,,\n"), "{jan}");
    assert_checks(d);
}

#[test]
fn a_writer_that_cannot_get_the_lock_says_who_holds_it() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    fs::create_dir_all(d.join(".gov")).unwrap();
    let mut holder = fs::File::options().create(true).truncate(true).write(true).open(d.join(".gov/lock")).unwrap();
    holder.lock().unwrap();
    holder.write_all(b"pid 4242, gov visit add, since 2024-03-01 09:30:00\n").unwrap();
    let before = data(d);

    let started = Instant::now();
    let out = run(d, &["household", "set-color", "H02", "red", "--reason", "住院", "--wait", "1"]);
    assert!(started.elapsed() >= Duration::from_secs(1));
    assert_eq!(out.code, Some(2));
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "waiting for another gov that is writing to this folder (pid 4242, gov visit add, since 2024-03-01 09:30:00)…\n\
         Error: another gov is writing to this folder and did not finish within 1 s \
         (pid 4242, gov visit add, since 2024-03-01 09:30:00)\n\
         Hint: wait for it to finish and run the command again, or give --wait SECONDS to wait longer\n"
    );
    assert!(data(d) == before, "nothing written");

    // Once it is let go, the same command goes through and leaves its own name behind.
    drop(holder);
    let out = run(d, &["household", "set-color", "H02", "red", "--reason", "住院", "--wait", "1"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let lock = fs::read_to_string(d.join(".gov/lock")).unwrap();
    assert!(lock.starts_with("pid ") && lock.contains(", gov household set-color, since "), "{lock}");
}
