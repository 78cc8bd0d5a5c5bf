//! Bounds on what gov prints, end to end: a huge cell is clipped in a table (and kept whole in
//! JSON), and a file with 100,000 unknown columns gives 20 findings and one summary of the rest,
//! with the summary's counts still counting all. Big inputs are generated here, never committed.

mod common;

use std::fs;

use common::{Outcome, copy_fixture, gov};
use serde_json::Value;

const TODAY: &str = "2024-03-01";

#[test]
fn a_three_megabyte_cell_is_clipped_in_a_table_and_whole_in_json() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    // 1,000,000 × 长 (3 bytes each in UTF-8): 3 MB of description, in a character found
    // nowhere else in the issue.
    let issue = d.join("issues/2024/I-2024-0001.yaml");
    let mut text = fs::read_to_string(&issue).unwrap();
    assert!(!text.contains('长'));
    text.push_str(&format!("description: {}\n", "长".repeat(1_000_000)));
    fs::write(&issue, text).unwrap();

    let show = |format: &str| {
        let mut cmd = gov(d);
        cmd.args(["--today", TODAY, "issue", "show", "I-2024-0001", "--format", format, "--lang", "en"]);
        let out = Outcome::of(&mut cmd);
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        out.stdout
    };
    let table = show("table");
    assert_eq!(table.matches('长').count(), 2_000);
    assert!(table.contains(&format!("{}… (998,000 more characters)", "长".repeat(2_000))));
    let md = show("md");
    assert_eq!(md.matches('长').count(), 2_000);
    let json: Value = serde_json::from_str(&show("json")).unwrap();
    assert_eq!(json.to_string().matches('长').count(), 1_000_000);
}

#[test]
fn a_hundred_thousand_unknown_columns_are_twenty_findings_and_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("gov.yaml"), "name: 幸福社区\n").unwrap();
    let extra: Vec<String> = (0..100_000).map(|i| format!("x{i:06}")).collect();
    fs::write(d.join("grids.csv"), format!("id,name,{}\nG1,一区{}\n", extra.join(","), ",".repeat(100_000))).unwrap();

    let mut cmd = gov(d);
    cmd.args(["--today", TODAY, "--lang", "en", "check", "--format", "json"]);
    let out = Outcome::of(&mut cmd);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let report: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(report["summary"]["warnings"], 100_000);
    assert_eq!(report["summary"]["errors"], 0);
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 21);
    assert!(findings[..20].iter().all(|f| f["code"] == "unknown-field" && f["file"] == "grids.csv"));
    assert_eq!(findings[0]["message"], "unknown field `x000000`");
    assert_eq!(findings[19]["message"], "unknown field `x000019`");
    assert_eq!(findings[20]["code"], "more-findings");
    assert_eq!(
        findings[20]["message"],
        "and 99,980 more `unknown-field` findings in this file (100,000 in all; the first 20 are shown)"
    );

    let mut cmd = gov(d);
    cmd.args(["--today", TODAY, "--lang", "en", "check"]);
    let text = Outcome::of(&mut cmd);
    assert!(text.stdout.len() < 10_000, "{} bytes", text.stdout.len());
    assert!(text.stdout.ends_with("0 errors, 100,000 warnings\n"), "{}", text.stdout);
}
