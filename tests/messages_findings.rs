//! Every finding code, in both languages: `gov check` on tests/fixtures/every-code (one mistake
//! per code, listed in its README.md), with the links, the FIFO, the deep tree and the many bad
//! rows that the folder's shape codes need made here. Snapshotted in English and Chinese, and as
//! JSON in Chinese; a code without a case in the fixture fails the test.

mod common;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;

use common::{Outcome, TODAY, copy_fixture, gov};
use gov::finding::Code;
use tempfile::TempDir;

/// The fixture copied, with the entries git cannot keep or that would flood the fixture:
/// a link out of the folder (`outside-folder`), a link inside it (`symbolic-link`), a FIFO
/// (`not-a-file`), folders 34 deep (`too-deep`) and 21 bad rows in one file (`more-findings`).
fn every_code() -> (TempDir, TempDir) {
    let dir = copy_fixture("every-code");
    let outside = TempDir::new().unwrap();
    let d = dir.path();
    let target = outside.path().join("2022-10.csv");
    fs::write(&target, "date,member,household,method,summary\n").unwrap();
    symlink(&target, d.join("visits/2022-10.csv")).unwrap();
    symlink("I-1.yaml", d.join("issues/2022/I-9.yaml")).unwrap();
    let fifo = d.join("issues/2022/I-8.yaml");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let deep: std::path::PathBuf = (1..=34).map(|n| format!("d{n}")).collect();
    fs::create_dir_all(d.join("issues").join(deep)).unwrap();
    let rows: String = (0..21).map(|_| "2022-09-01,M1\n").collect();
    fs::write(d.join("visits/2022-09.csv"), format!("date,member,household,method,summary\n{rows}")).unwrap();
    (dir, outside)
}

fn check(dir: &Path, lang: &str, args: &[&str]) -> Outcome {
    let mut cmd = gov(dir);
    cmd.arg("--data").arg(dir).args(["--today", TODAY, "--lang", lang, "check"]).args(args);
    Outcome::of(&mut cmd)
}

/// The snapshot text, the data folder shown as `[TMP]` and the place outside as `[OUTSIDE]`.
fn shown(out: &Outcome, data: &Path, outside: &Path) -> String {
    let text = common::hide_paths(&out.snapshot(&[]), &[outside]).replace("[TMP]", "[OUTSIDE]");
    common::hide_paths(&text, &[data])
}

fn assert_every_code(out: &Outcome) {
    for code in Code::ALL {
        assert!(out.stdout.contains(&format!("[{}]", code.as_str())), "no `{}` in:\n{}", code.as_str(), out.stdout);
    }
}

/// The findings, as counted in the fixture's README.md, then the ones made here.
#[test]
fn every_code_once_where_the_readme_says() {
    let (dir, _outside) = every_code();
    let out = check(dir.path(), "en", &[]);
    assert_eq!(out.code, Some(1), "{}", out.stdout);
    let mut expected: Vec<(String, String, Option<u64>)> = [
        ("bad-hours", "activities/2022-11.yaml", Some(5)),
        ("no-quantity", "activities/2022-11.yaml", Some(6)),
        ("grid-cycle", "grids.yaml", Some(4)),
        ("invalid-value", "households.yaml", Some(6)),
        ("dangling-reference", "households.yaml", Some(7)),
        ("inactive-contact", "households.yaml", Some(7)),
        ("no-contacts", "households.yaml", Some(12)),
        ("event-order", "issues/2022/I-1.yaml", Some(6)),
        ("parse-error", "issues/2022/I-2.yaml", Some(2)),
        ("not-a-file", "issues/2022/I-8.yaml", None),
        ("symbolic-link", "issues/2022/I-9.yaml", None),
        ("joint-without-department", "meetings/2022/M-2022-0001.yaml", Some(1)),
        ("decision-due-early", "meetings/2022/M-2022-0001.yaml", Some(6)),
        ("decision-order", "meetings/2022/M-2022-0001.yaml", Some(9)),
        ("org-by-name", "members.yaml", Some(1)),
        ("future-date", "members.yaml", Some(7)),
        ("missing-field", "members.yaml", Some(13)),
        ("bad-phone", "members.yaml", Some(13)),
        ("unknown-field", "members.yaml", Some(17)),
        ("duplicate-id", "members.yaml", Some(18)),
        ("unknown-file", "notes.txt", None),
        ("org-cycle", "orgs.yaml", Some(1)),
        ("outside-folder", "visits/2022-10.csv", None),
        ("duplicate-visit", "visits/2022-11.csv", Some(3)),
        ("wrong-month-file", "visits/2022-11.csv", Some(4)),
        ("visit-not-contact", "visits/2022-11.csv", Some(5)),
        ("invalid-value", "visits/2022-11.csv", Some(6)),
        ("color-history-order", "colors.yaml", Some(2)),
        ("color-not-current", "households.yaml", Some(7)),
        ("rating-not-branch", "ratings/2022.yaml", Some(1)),
        ("score-over-max", "ratings/2022.yaml", Some(4)),
        ("unknown-criterion", "ratings/2022.yaml", Some(5)),
        ("review-not-member", "reviews.csv", Some(2)),
        ("mentor-inactive", "reserves.yaml", Some(1)),
        ("project-order", "projects.yaml", Some(7)),
        ("star-rules", "gov.yaml", None),
    ]
    .iter()
    .map(|&(c, f, l)| (c.to_string(), f.to_string(), l))
    .collect();
    let too_deep: String = (1..=32).map(|n| format!("/d{n}")).collect();
    expected.push(("too-deep".into(), format!("issues{too_deep}"), None));
    expected.extend((2..=21).map(|l| ("parse-error".to_string(), "visits/2022-09.csv".to_string(), Some(l))));
    expected.push(("more-findings".into(), "visits/2022-09.csv".into(), None));
    let mut found = out.text_findings();
    found.sort();
    expected.sort();
    assert_eq!(found, expected);
    assert!(out.stdout.ends_with(": 41 errors, 17 warnings\n"), "{}", out.stdout);
}

#[test]
fn every_code_in_english() {
    let (dir, outside) = every_code();
    let out = check(dir.path(), "en", &[]);
    assert_every_code(&out);
    insta::assert_snapshot!("every-code-en", shown(&out, dir.path(), outside.path()));
}

#[test]
fn every_code_in_chinese() {
    let (dir, outside) = every_code();
    let out = check(dir.path(), "zh", &[]);
    assert_every_code(&out);
    assert!(out.stdout.contains(": 错误[") && out.stdout.contains(": 警告[") && out.stdout.contains("    提示："));
    assert!(!out.stdout.contains("error[") && !out.stdout.contains("hint:"), "{}", out.stdout);
    insta::assert_snapshot!("every-code-zh", shown(&out, dir.path(), outside.path()));
}

/// JSON keeps its English keys, codes and severities; the words are Chinese.
#[test]
fn every_code_as_json_in_chinese() {
    let (dir, outside) = every_code();
    let out = check(dir.path(), "zh", &["--format", "json"]);
    assert_eq!(out.json_findings().len(), 58);
    assert!(out.stdout.contains("\"severity\": \"error\"") && out.stdout.contains("\"message\": \"YAML 格式有误"));
    insta::assert_snapshot!("every-code-zh-json", shown(&out, dir.path(), outside.path()));
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Every message and hint the fixture produces is Chinese in Chinese, not the English again.
#[test]
fn every_finding_has_its_own_chinese() {
    let (dir, _outside) = every_code();
    let loaded = gov::load::load(dir.path()).unwrap();
    let mut findings = loaded.findings;
    let today = chrono::NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
    findings.extend(gov::check::check(&loaded.dataset, today));
    gov::check::names_where_ids_go(&loaded.dataset, &mut findings);
    gov::check::finish(&mut findings);
    assert_eq!(findings.len(), 58);
    for f in &findings {
        let texts = std::iter::once(&f.message).chain(&f.hint);
        for t in texts {
            assert!(has_cjk(t.zh()) && t.zh() != t.en(), "{}: {:?}", f.code.as_str(), t);
        }
    }
    let name = findings.iter().find(|f| f.file.ends_with("2022-11.csv") && f.code == Code::InvalidValue).unwrap();
    assert_eq!(name.hint.as_ref().unwrap().zh(), "是否应为“M1”（张伟）？请填编号，不要填名称");
}

/// The parse cache keeps both languages and the field and value a finding is about, so a name
/// where an id goes gets its hint on a run from the cache too.
#[test]
fn findings_from_the_cache_are_the_same() {
    let (dir, _outside) = every_code();
    let opts = gov::load::LoadOptions { settle_seconds: 0, ..Default::default() };
    let first = gov::load::load_with(dir.path(), opts).unwrap();
    assert!(first.cache.written);
    let again = gov::load::load_with(dir.path(), opts).unwrap();
    assert!(again.cache.hits > 0, "{:?}", again.cache);
    assert_eq!(again.findings, first.findings);
    assert!(again.findings.iter().any(|f| f.value.as_ref().is_some_and(|v| &*v.value == "张伟")));
}
