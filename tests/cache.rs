//! The parse cache seen from the command line: a second run reads it and prints exactly what a
//! run without it prints; edits, `--no-cache`, `GOV_NO_CACHE` and a damaged cache file behave.

mod common;

use std::fs;
use std::path::Path;
use std::time::Duration;

use common::*;

const CACHE: &str = ".gov/cache/parsed.bin";

/// Today for the `reports` fixture, whose visits run to February 2024.
const TODAY: &str = "2024-03-01";

/// Waits until the copied files have been left alone long enough for the cache to keep them
/// (gov keeps no file modified or changed in the 2 seconds before a run starts).
fn settle(_dir: &Path) {
    std::thread::sleep(Duration::from_millis(3100));
}

fn run(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Outcome {
    let mut cmd = gov(dir);
    cmd.env("GOV_TODAY", TODAY).env("GOV_TIMINGS", "1").args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    Outcome::of(&mut cmd)
}

/// The `cache: H of N files` line the load prints under GOV_TIMINGS.
fn hits(out: &Outcome) -> String {
    let line = out.stderr.lines().find(|l| l.contains("] cache: ") && l.contains(" of ")).expect("a cache line");
    let from = line.find("cache: ").unwrap() + 7;
    line[from..line.find(" files").unwrap()].to_string()
}

const COMMANDS: &[&[&str]] = &[
    &["check"],
    &["check", "--format", "json"],
    &["stats", "--from", "2023-12-01", "--to", "2024-02-29"],
    &["report", "--month", "2024-01"],
    &["report", "--month", "2024-01", "--by", "grid"],
    &["visit", "list", "--month", "2024-01", "--unmask"],
    &["due"],
    &["issue", "list"],
    &["report", "issues", "--year", "2024"],
];

#[test]
fn a_second_run_reads_the_cache_and_prints_the_same() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    settle(d);
    let files = tree_files(d);
    for args in COMMANDS {
        let cold = run(d, &[&["--no-cache"][..], args].concat(), &[]);
        let first = run(d, args, &[]);
        let warm = run(d, args, &[]);
        assert!(d.join(CACHE).is_file());
        // Every file but gov.yaml, which is always read.
        assert_eq!(hits(&warm), format!("{} of {}", files - 1, files), "{args:?}");
        for out in [&first, &warm] {
            assert_eq!((out.code, &out.stdout), (cold.code, &cold.stdout), "{args:?}");
        }
    }
}

#[test]
fn no_cache_and_gov_no_cache_leave_no_cache() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    settle(d);
    assert_eq!(run(d, &["--no-cache", "check"], &[]).code, Some(0));
    assert_eq!(run(d, &["--lang", "en", "check"], &[("GOV_NO_CACHE", "1")]).code, Some(0));
    assert!(!d.join(".gov/cache").exists());
    assert_eq!(run(d, &["--lang", "en", "check"], &[]).code, Some(0));
    assert!(d.join(CACHE).is_file());
    // gov's folder keeps itself out of git whatever the data folder's .gitignore says.
    assert_eq!(fs::read_to_string(d.join(".gov/.gitignore")).unwrap().lines().last(), Some("*"));
}

#[test]
fn a_fresh_copy_writes_no_cache_until_its_files_settle() {
    let dir = copy_fixture("reports");
    let out = run(dir.path(), &["--lang", "en", "check"], &[]);
    assert_eq!(out.code, Some(0));
    assert!(!dir.path().join(CACHE).exists(), "every file was modified just now");
}

#[test]
fn an_edit_that_keeps_size_and_time_is_still_seen() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    settle(d);
    let args = ["stats", "--month", "2023-12", "--format", "csv", "--lang", "en", "--no-bom"];
    let before = run(d, &args, &[]);
    let path = d.join("visits/2023-12.csv");
    let mtime = fs::metadata(&path).unwrap().modified().unwrap();
    // 2023-12-28, M04 → H04 by phone becomes a video call: same bytes count, same mtime.
    let text = fs::read_to_string(&path).unwrap().replace("M04,H04,phone,", "M04,H04,video,");
    fs::write(&path, text).unwrap();
    fs::File::options().write(true).open(&path).unwrap().set_modified(mtime).unwrap();
    let after = run(d, &args, &[]);
    let row = |out: &Outcome, figure: &str| -> String {
        out.stdout.lines().find(|l| l.starts_with(&format!("period,of which {figure},"))).unwrap().to_string()
    };
    // M04 is a mobile member (tests/fixtures/reports/members.csv): the only phone visit that month.
    assert_eq!(row(&before, "phone"), "period,of which phone,0,0,1,1");
    assert_eq!(row(&after, "phone"), "period,of which phone,0,0,0,0");
    assert_eq!(row(&after, "video"), "period,of which video,0,0,1,1");
    assert_eq!(after.stdout, run(d, &[&["--no-cache"][..], &args].concat(), &[]).stdout);
}

#[test]
fn a_damaged_cache_is_rebuilt_and_the_output_does_not_change() {
    let dir = copy_fixture("parse-error");
    let d = dir.path();
    settle(d);
    let want = run(d, &["--no-cache", "check"], &[]);
    assert_eq!(want.code, Some(1));
    run(d, &["--lang", "en", "check"], &[]);
    let good = fs::read(d.join(CACHE)).unwrap();
    for bad in [Vec::new(), good[..good.len() / 2].to_vec(), b"GOVCACHE garbage".repeat(40)] {
        fs::write(d.join(CACHE), &bad).unwrap();
        let out = run(d, &["--lang", "en", "check"], &[]);
        assert_eq!((out.code, &out.stdout), (want.code, &want.stdout));
        assert!(fs::read(d.join(CACHE)).unwrap().starts_with(b"GOVCACHE"), "rebuilt");
        assert!(hits(&run(d, &["--lang", "en", "check"], &[])).starts_with(&format!("{} of", tree_files(d) - 1)));
    }
}

/// Data files in the folder, gov.yaml included, gov's own files not.
fn tree_files(d: &Path) -> usize {
    tree(d).iter().filter(|(p, _)| d.join(p).is_file() && !p.starts_with(".gov")).count()
}
