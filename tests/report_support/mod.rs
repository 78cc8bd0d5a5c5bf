//! Helpers for the report tests (`tests/{stats,report,visit,due,export,output}.rs`): the
//! hand-counted fixture `tests/fixtures/reports`, a pinned today, and readers for the CSV and
//! JSON the reports write. Built on `tests/common`.
//!
//! The fixture, in full (every expected number in the report tests is counted from this):
//!
//! ```text
//! gov.yaml  lang zh; intervals red 7, yellow 14, green 30; departments 城管局 房产中心 供水公司
//! grids     G0 测试社区 (1) > G1 一网格 (2), G2 二网格 (2)
//! members   M01 王芳 resident   第一支部 G1  active
//!           M02 周敏 in_service 第一支部 G2  active, registered 2023-12-15, never visits
//!           M03 李强 in_service 第一支部 G1  active, registered 2024-01-10
//!           M04 陈静 mobile     第二支部 G2  active
//!           M05 赵军 resident   第二支部 G2  transferred (still a contact of H06: 1 warning)
//! households H01 G1 red    幸福里1号楼1单元101室 刘大爷  M01
//!            H02 G1 yellow 幸福里1号楼1单元102室 孙阿姨  M01 M03
//!            H03 G1 green  幸福里2号楼3单元301室 吴先生  M03
//!            H04 G2 red    和平苑5号楼1单元101室 郑奶奶  M04
//!            H05 G2 green  和平苑6号楼2单元202室 冯女士  M02      (never visited)
//!            H06 G2 yellow 和平苑6号楼2单元201室 何先生  M04 M05
//! visits  #1  2023-12-05 M05 H06 home
//!         #2  2023-12-20 M01 H01 home
//!         #3  2023-12-28 M04 H04 phone
//!         #4  2023-12-30 M03 H03 wechat
//!         #5  2024-01-03 M01 H01 home    with M02
//!         #6  2024-01-08 M01 H02 phone   issues I-2024-0001
//!         #7  2024-01-15 M03 H03 home    summary "-楼道灯不亮，已报修"
//!         #8  2024-01-20 M04 H06 video   issues I-2024-0002
//!         #9  2024-01-25 M04 H04 group
//!         #10 2024-01-31 M01 H01 home    summary "=同上"
//!         #11 2024-02-10 M03 H02 phone
//!         #12 2024-02-20 M01 H01 wechat
//!         #13 2024-02-29 M04 H04 home    issues I-2024-0004   (listed before #14 in the file)
//!         #14 2024-02-29 M01 H02 home
//! issues  I-2024-0001 H02 by M01: received 01-08, resolved 01-15, feedback 01-18 (closed)
//!         I-2024-0002 H06 by M04: received 01-20, dispatched 01-22, resolved 02-05
//!         I-2024-0003 H05 by M02: received 01-25, dispatched 01-26 (open)
//!         I-2024-0004 H04 by M04: received 02-29, whistle 02-29 (城管局, 供水公司), report (open)
//! ```
#![allow(dead_code)]

use std::fs;
use std::path::Path;

use serde_json::Value;
use tempfile::TempDir;

use crate::common::{self, Outcome};

/// The fixture's "today": the day after the leap day 2024-02-29.
pub const TODAY: &str = "2024-03-01";

/// The count columns of `gov report` (JSON keys), coverage left out: it is checked as text.
pub const COUNTS: [&str; 11] =
    ["linked", "visited", "visits", "home", "phone", "wechat", "video", "group", "overdue", "raised", "resolved"];

/// A fresh copy of `tests/fixtures/reports` in a temp dir.
pub fn fixture() -> TempDir {
    common::copy_fixture("reports")
}

/// `gov --data DIR --today TODAY <args>`, run from DIR with an empty environment.
pub fn run(dir: &Path, today: &str, args: &[&str]) -> Outcome {
    let mut cmd = common::gov(dir);
    cmd.arg("--data").arg(dir).args(["--today", today]).args(args);
    Outcome::of(&mut cmd)
}

/// Runs, insists on exit 0 and a quiet stderr, and returns stdout.
pub fn ok(dir: &Path, today: &str, args: &[&str]) -> String {
    let out = run(dir, today, args);
    assert_eq!(out.code, Some(0), "gov {args:?} failed:\n{}", out.stderr);
    assert_eq!(out.stderr, "", "gov {args:?} wrote to stderr");
    out.stdout
}

/// Runs, insists on exit 2 (a usage error), and returns the whole outcome for a snapshot, in
/// English whatever the folder's `lang` (`tests/messages_cli.rs` has the Chinese).
pub fn usage_error(dir: &Path, today: &str, args: &[&str]) -> Outcome {
    let args: Vec<&str> = ["--lang", "en"].into_iter().chain(args.iter().copied()).collect();
    let out = run(dir, today, &args);
    assert_eq!(out.code, Some(2), "gov {args:?} should fail with 2:\n{}{}", out.stdout, out.stderr);
    assert!(out.stderr.starts_with("Error: ") || out.stderr.starts_with("error: "), "{}", out.stderr);
    out
}

/// The report as JSON (`--format json` is added).
pub fn json(dir: &Path, today: &str, args: &[&str]) -> Value {
    let args: Vec<&str> = args.iter().copied().chain(["--format", "json"]).collect();
    serde_json::from_str(&ok(dir, today, &args)).expect("stdout is JSON")
}

/// The report as CSV records, the header row first (`--format csv` is added).
pub fn csv(dir: &Path, today: &str, args: &[&str]) -> Vec<Vec<String>> {
    let args: Vec<&str> = args.iter().copied().chain(["--format", "csv"]).collect();
    parse_csv(&ok(dir, today, &args))
}

/// CSV text (without a BOM) as records.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    assert!(!text.starts_with('\u{FEFF}'), "unexpected BOM");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_string).collect())
        .collect()
}

/// One column of CSV records (header row skipped), by header.
pub fn csv_column(records: &[Vec<String>], header: &str) -> Vec<String> {
    let i = records[0].iter().position(|h| h == header).unwrap_or_else(|| panic!("no column {header}"));
    records[1..].iter().map(|r| r[i].clone()).collect()
}

/// One stats figure as [resident, in_service, mobile, total].
pub fn figure(stats: &Value, scope: &str, figure: &str) -> [i64; 4] {
    let row = stats["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["scope"] == scope && r["figure"] == figure)
        .unwrap_or_else(|| panic!("no {scope} {figure} row"));
    ["resident", "in_service", "mobile", "total"].map(|k| row[k].as_i64().expect("a number"))
}

/// The rows of a JSON report.
pub fn rows(report: &Value) -> &Vec<Value> {
    report["rows"].as_array().expect("rows")
}

/// The row of a JSON report whose `key` is `value`.
pub fn row<'a>(report: &'a Value, key: &str, value: &str) -> &'a Value {
    rows(report).iter().find(|r| r[key] == value).unwrap_or_else(|| panic!("no row with {key} = {value}"))
}

/// One column of a JSON report as text, in row order (null as "").
pub fn column(report: &Value, key: &str) -> Vec<String> {
    rows(report).iter().map(|r| text(&r[key])).collect()
}

/// A JSON value as plain text.
pub fn text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The integers of `keys` in a JSON row.
pub fn ints(row: &Value, keys: &[&str]) -> Vec<i64> {
    keys.iter().map(|k| row[*k].as_i64().unwrap_or_else(|| panic!("{k} is not an integer in {row}"))).collect()
}

/// Replaces text in one file of a fixture copy, insisting that it was there.
pub fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = fs::read_to_string(&path).expect("read fixture file");
    assert!(text.contains(from), "{file} does not contain {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).expect("write fixture file");
}

/// CSV line endings made plain for a readable snapshot (CRLF is asserted separately).
pub fn lf(text: &str) -> String {
    text.replace("\r\n", "\n")
}
