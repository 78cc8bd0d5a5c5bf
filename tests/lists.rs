//! `gov grid list`, `gov member list` and `gov household list` end to end on the hand-counted
//! fixture `tests/fixtures/reports` (described in `tests/report_support`): every filter once,
//! with the rows counted by hand from the fixture, JSON, and a Chinese table snapshot of each.

mod common;
mod report_support;

use report_support::{TODAY, csv, csv_column, fixture, json, ok, usage_error};

/// The ids (first column) of a list, in order.
fn ids(dir: &std::path::Path, args: &[&str]) -> Vec<String> {
    csv_column(&csv(dir, TODAY, &[args, &["--no-bom", "--lang", "en"]].concat()), "id")
}

#[test]
fn grid_list_is_a_tree_with_counts_and_a_total() {
    let dir = fixture();
    let d = dir.path();
    let rows = csv(d, TODAY, &["grid", "list", "--no-bom", "--lang", "en"]);
    // G0 holds G1 and G2. Members: G1 = M01 M03 (2), G2 = M02 M04 M05 (3); households: G1 =
    // H01-H03, G2 = H04-H06; G0 counts both. The total counts each once: 5 and 6.
    assert_eq!(
        rows,
        [
            ["id", "name", "level", "parent", "leader", "members", "households"],
            ["G0", "测试社区", "1", "", "", "5", "6"],
            ["G1", "　一网格", "2", "测试社区", "王芳", "2", "3"],
            ["G2", "　二网格", "2", "测试社区", "陈静", "3", "3"],
            ["Total", "", "", "", "", "5", "6"],
        ]
    );
    // --grid: that grid and those under it, indented from it.
    let rows = csv(d, TODAY, &["grid", "list", "--grid", "二网格", "--no-bom", "--lang", "en"]);
    assert_eq!(rows[1..], [["G2", "二网格", "2", "测试社区", "陈静", "3", "3"], ["Total", "", "", "", "", "3", "3"]]);
    insta::assert_snapshot!("grid_list_zh", ok(d, TODAY, &["grid", "list", "--format", "table", "--lang", "zh"]));
    let j = json(d, TODAY, &["grid", "list"]);
    assert_eq!(j["report"], "grids");
    assert_eq!(j["rows"][1]["members"], 2);
    assert_eq!(j["total"]["households"], 6);
}

#[test]
fn member_list_filters() {
    let dir = fixture();
    let d = dir.path();
    assert_eq!(ids(d, &["member", "list"]), ["M01", "M02", "M03", "M04", "M05"]);
    // Grid G1: M01 M03; G0 takes in both area grids: all five.
    assert_eq!(ids(d, &["member", "list", "--grid", "G1"]), ["M01", "M03"]);
    assert_eq!(ids(d, &["member", "list", "--grid", "测试社区"]).len(), 5);
    // 第二支部: M04 M05.
    assert_eq!(ids(d, &["member", "list", "--branch", "第二支部"]), ["M04", "M05"]);
    // in_service (written `在职党员` for M02, `in_service` for M03).
    assert_eq!(ids(d, &["member", "list", "--kind", "在职党员"]), ["M02", "M03"]);
    // Only M05 has left (已转出).
    assert_eq!(ids(d, &["member", "list", "--status", "transferred"]), ["M05"]);
    assert_eq!(ids(d, &["member", "list", "--status", "active", "--grid", "G2"]), ["M02", "M04"]);
    insta::assert_snapshot!("member_list_zh", ok(d, TODAY, &["member", "list", "--format", "table", "--lang", "zh"]));
    // JSON: codes, masked phones, linked households (M01: H01 H02; M05: H06).
    let j = json(d, TODAY, &["member", "list"]);
    let rows = j["rows"].as_array().unwrap();
    assert_eq!(rows[0]["phone"], "138****5678");
    assert_eq!(rows[0]["households"], 2);
    assert_eq!(rows[1]["kind"], "in_service");
    assert_eq!(rows[1]["registered"], "2023-12-15");
    assert_eq!(rows[4]["status"], "transferred");
    assert_eq!(rows[4]["households"], 1);
    let bad = usage_error(d, TODAY, &["member", "list", "--kind", "party"]);
    assert!(bad.stderr.contains("allowed: resident"), "{}", bad.stderr);
}

/// A branch named by an org's id or name takes in the members who name it either way.
#[test]
fn member_list_branch_by_org() {
    let dir = common::copy_fixture("org-by-name");
    let d = dir.path();
    // M1 and M3 write `第一党支部`, M2 writes `O2`; M4's 老年协会 is not an org.
    assert_eq!(ids(d, &["member", "list", "--branch", "O2"]), ["M1", "M2", "M3"]);
    assert_eq!(ids(d, &["member", "list", "--branch", "第一党支部"]), ["M1", "M2", "M3"]);
    assert_eq!(ids(d, &["member", "list", "--branch", "老年协会"]), ["M4"]);
    let rows = csv(d, TODAY, &["member", "list", "--no-bom", "--lang", "en"]);
    assert_eq!(csv_column(&rows, "branch"), ["第一党支部", "第一党支部", "第一党支部", "老年协会"]);
    assert_eq!(csv_column(&rows, "unit"), ["", "区税务局", "区税务局", ""]);
}

#[test]
fn household_list_filters() {
    let dir = fixture();
    let d = dir.path();
    assert_eq!(ids(d, &["household", "list"]), ["H01", "H02", "H03", "H04", "H05", "H06"]);
    assert_eq!(ids(d, &["household", "list", "--grid", "二网格"]), ["H04", "H05", "H06"]);
    assert_eq!(ids(d, &["household", "list", "--grid", "G0"]).len(), 6);
    // Red: H01 and H04 (written `红`).
    assert_eq!(ids(d, &["household", "list", "--color", "red"]), ["H01", "H04"]);
    assert_eq!(ids(d, &["household", "list", "--color", "黄"]), ["H02", "H06"]);
    // 低保: only H01 (独居老人;低保).
    assert_eq!(ids(d, &["household", "list", "--tag", "dibao"]), ["H01"]);
    // Linked to M04 陈静: H04 H06; to M03: H02 H03.
    assert_eq!(ids(d, &["household", "list", "--member", "陈静"]), ["H04", "H06"]);
    assert_eq!(ids(d, &["household", "list", "--member", "M03", "--color", "green"]), ["H03"]);
    insta::assert_snapshot!(
        "household_list_zh",
        ok(d, TODAY, &["household", "list", "--format", "table", "--lang", "zh"])
    );
    let j = json(d, TODAY, &["household", "list", "--tag", "独居老人"]);
    let rows = j["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["address"], "幸福里1号楼1单元***室");
    assert_eq!(rows[0]["phone"], "136****1111");
    assert_eq!(rows[0]["color"], "red");
    assert_eq!(rows[0]["tags"], serde_json::json!(["elderly_alone", "dibao"]));
    assert_eq!(rows[0]["contacts"], "王芳");
    assert_eq!(rows[0]["size"], 1);
    // --unmask shows the door and the phone.
    let j = json(d, TODAY, &["household", "list", "--grid", "G1", "--unmask"]);
    assert_eq!(j["rows"][0]["address"], "幸福里1号楼1单元101室");
    assert_eq!(j["rows"][0]["phone"], "13600001111");
}
