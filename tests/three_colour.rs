//! Three-colour management (三色管理) end to end on `tests/fixtures/three-colour`: colour and
//! tag intervals, exempt tags, registration dates (`since`), each member's list (`--member`,
//! `--within`, `--by member`) and `--color`. Every figure is counted by hand in the fixture's
//! README.md.

mod common;
mod report_support;

use report_support::{TODAY, column, json, lf, ok, usage_error};

fn fixture() -> tempfile::TempDir {
    common::copy_fixture("three-colour")
}

#[test]
fn colour_and_tag_intervals_since_and_exempt() {
    let dir = fixture();
    let r = json(dir.path(), TODAY, &["due"]);
    assert_eq!(column(&r, "household"), ["H05", "H08", "H03", "H01"]);
    assert_eq!(column(&r, "days_overdue"), ["87", "31", "16", "5"]);
    assert_eq!(column(&r, "interval"), ["30", "10", "30", "5"]);
    assert_eq!(column(&r, "rule"), ["green", "rental", "green", "elderly_alone"]);
    assert_eq!(column(&r, "last_visit"), ["never", "never", "2024-01-15", "2024-02-20"]);
    assert_eq!(column(&r, "since"), ["", "2024-01-20", "", ""]);
    assert_eq!(column(&r, "due"), ["2023-12-05", "2024-01-30", "2024-02-14", "2024-02-25"]);

    let r = json(dir.path(), TODAY, &["due", "--within", "10"]);
    assert_eq!(column(&r, "household"), ["H05", "H08", "H03", "H01", "H04", "H02", "H07"]);
    assert_eq!(column(&r, "days_overdue")[4..], ["-6", "-9", "-10"]);
    // H04: disability's 60 days are longer than red's 7, so the colour stays.
    assert_eq!(column(&r, "rule")[4..], ["red", "rental", "green"]);
    assert_eq!(column(&r, "status")[4..], ["due_soon"; 3]);
    // H06 (困难家庭: none) is never listed, however far ahead one looks.
    let r = json(dir.path(), TODAY, &["due", "--within", "3660"]);
    assert!(!column(&r, "household").contains(&"H06".to_string()));
}

#[test]
fn a_never_visited_household_counts_from_its_registration() {
    let dir = fixture();
    // H07, registered 02-10, green: due 03-11; not overdue on the 11th, 1 day on the 12th.
    let r = json(dir.path(), "2024-03-11", &["due", "--member", "M02"]);
    assert_eq!(column(&r, "household"), ["H05"]);
    let r = json(dir.path(), "2024-03-12", &["due", "--member", "M02"]);
    assert_eq!(column(&r, "household"), ["H05", "H07"]);
    assert_eq!(column(&r, "days_overdue"), ["98", "1"]);
}

#[test]
fn member_within_and_colour() {
    let dir = fixture();
    let d = dir.path();
    let households = |args: &[&str]| column(&json(d, TODAY, &[&["due"], args].concat()), "household");
    assert_eq!(households(&["--member", "M04"]), ["H08"]);
    assert_eq!(households(&["--member", "陈静", "--within", "7"]), ["H08", "H04"]);
    assert_eq!(households(&["--color", "green", "--within", "10"]), ["H05", "H03", "H07"]);
    assert_eq!(households(&["--color", "红", "--within", "10"]), ["H01", "H04"]);
    assert_eq!(households(&["--grid", "G2", "--color", "yellow"]), ["H08"]);
    let e = usage_error(d, TODAY, &["due", "--color", "blue"]);
    assert!(e.stderr.contains("blue"), "{}", e.stderr);
}

#[test]
fn by_member_one_page_each() {
    let dir = fixture();
    let d = dir.path();
    let r = json(d, TODAY, &["due", "--by", "member", "--within", "10"]);
    assert_eq!(column(&r, "member_id"), ["M01", "M01", "M02", "M02", "M03", "M03", "M04", "M04"]);
    assert_eq!(column(&r, "household"), ["H01", "H02", "H05", "H07", "H03", "H02", "H08", "H04"]);
    let r = json(d, TODAY, &["due", "--by", "member", "--member", "M03", "--within", "10"]);
    assert_eq!(column(&r, "household"), ["H03", "H02"]);
    insta::assert_snapshot!(
        "due_by_member_md_zh",
        ok(d, TODAY, &["due", "--by", "member", "--within", "10", "--format", "md"])
    );
    insta::assert_snapshot!(
        "due_by_member_table_en",
        ok(d, TODAY, &["due", "--by", "member", "--within", "7", "--format", "table", "--lang", "en"])
    );
    insta::assert_snapshot!("due_by_member_csv_zh", lf(&ok(d, TODAY, &["due", "--by", "member", "--format", "csv"])));
}

/// The ledger's 逾期户数 goes through the same schedule: H06 is exempt, H08 counts from `since`.
#[test]
fn the_ledger_counts_overdue_the_same_way() {
    let dir = fixture();
    let r = json(dir.path(), TODAY, &["report", "--month", "2024-02"]);
    let m04 = report_support::row(&r, "member", "M04");
    assert_eq!(m04["overdue"], 1, "{m04}");
}

/// A tag that is none of the tags, a number out of range, a word that is not `none`, a tag
/// twice: each an `invalid-value` in gov.yaml, in both languages; the good entries still count.
#[test]
fn bad_tag_intervals_are_reported() {
    let dir = fixture();
    let d = dir.path();
    report_support::edit(
        d,
        "gov.yaml",
        "  disability: 60\n",
        "  disability: 0\n  朋友: 5\n  vacant: 有时\n  出租户: 3\n",
    );
    let en = report_support::run(d, TODAY, &["check", "--lang", "en"]);
    let zh = report_support::run(d, TODAY, &["check", "--lang", "zh"]);
    insta::assert_snapshot!("bad_tag_intervals_en", lf(&en.stdout));
    insta::assert_snapshot!("bad_tag_intervals_zh", lf(&zh.stdout));
    // rental keeps its first entry, 10 days.
    let out = report_support::run(d, TODAY, &["due", "--allow-errors", "--member", "M04", "--format", "json"]);
    let r: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(column(&r, "interval"), ["10"]);
}

/// `household set-color` records the change in the colour history (a CSV folder), and `check`
/// holds the history to the household's colour.
#[test]
fn set_color_keeps_the_history() {
    let dir = fixture();
    let d = dir.path();
    let out = report_support::run(
        d,
        TODAY,
        &["household", "set-color", "H03", "red", "--reason", "独居老人住院", "--by", "李强", "--lang", "en"],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "household H03: green → red (独居老人住院) (households.csv:4)\nadded to colors.csv:4: H03 red\n"
    );
    let colors = std::fs::read_to_string(d.join("colors.csv")).unwrap();
    assert!(colors.ends_with("\nH03,2024-03-01,red,独居老人住院,M03\n"), "{colors}");
    let r = json(d, TODAY, &["due", "--member", "M03"]);
    assert_eq!((column(&r, "interval"), column(&r, "days_overdue")), (vec!["7".to_string()], vec!["39".to_string()]));
    let check = report_support::run(d, TODAY, &["check", "--lang", "en"]);
    assert!(!check.stdout.contains("color-"), "{}", check.stdout);
    // Back to green by hand, without the history: a warning says so.
    report_support::edit(d, "households.csv", "吴先生,13600004444,4,red,", "吴先生,13600004444,4,green,");
    let check = report_support::run(d, TODAY, &["check", "--lang", "zh"]);
    assert!(
        check.stdout.contains(
            "households.csv:4: 警告[color-not-current] 住户“H03”现为“绿”，但最近一条三色调整记录（2024-03-01）为“红”"
        ),
        "{}",
        check.stdout
    );
}

/// `household show`: H01's card. By hand: the record (phone 136****1111 and door masked), red
/// with 独居老人's 5 days, last visit 02-20, due 02-25, 5 days overdue; 王芳 made all 4 visits
/// (12-20, 01-03, 01-31, 02-20); two colour changes; no problems; one activity served it (A01,
/// 02-08: 王芳 and 李强 brought 大米 2 and 食用油 2), none as of 02-05.
#[test]
fn household_card_in_every_format() {
    let dir = fixture();
    let d = dir.path();
    let r = json(d, TODAY, &["household", "show", "H01"]);
    let record = &r["household"]["rows"][0];
    assert_eq!(
        (&record["visits"], &record["days_overdue"], &record["rule"], &record["phone"]),
        (
            &serde_json::json!(4),
            &serde_json::json!(5),
            &serde_json::json!("elderly_alone"),
            &serde_json::json!("136****1111")
        )
    );
    assert_eq!(column(&r["members"], "visits"), ["4"]);
    assert_eq!(column(&r["colors"], "color"), ["yellow", "red"]);
    assert_eq!(column(&r["visits"], "date"), ["2023-12-20", "2024-01-03", "2024-01-31", "2024-02-20"]);
    assert_eq!(column(&r["issues"], "id"), Vec::<String>::new());
    assert_eq!(column(&r["activities"], "id"), ["A01"]);
    assert_eq!(column(&r["activities"], "members"), ["王芳、李强"]);
    assert_eq!(column(&r["activities"], "items"), ["大米 2、食用油 2"]);
    let before = json(d, "2024-02-05", &["household", "show", "H01"]);
    assert_eq!(column(&before["activities"], "id"), Vec::<String>::new());
    insta::assert_snapshot!(
        "household_show_table_zh",
        ok(d, TODAY, &["household", "show", "H01", "--format", "table"])
    );
    insta::assert_snapshot!(
        "household_show_table_en",
        ok(d, TODAY, &["household", "show", "刘大爷", "--format", "table", "--lang", "en"])
    );
    insta::assert_snapshot!("household_show_md_zh", ok(d, TODAY, &["household", "show", "H01", "--format", "md"]));
    insta::assert_snapshot!(
        "household_show_csv_en",
        lf(&ok(d, TODAY, &["household", "show", "H01", "--format", "csv", "--lang", "en"]))
    );
}

/// H06 (困难家庭: none) is off the schedule; two members, a problem resolved and one visit each
/// by 赵军 (12-05) and 陈静 (01-20, raising I-2024-0002, resolved 02-05).
#[test]
fn household_card_of_an_exempt_household_with_a_problem() {
    let dir = fixture();
    let d = dir.path();
    let r = json(d, TODAY, &["household", "show", "H06"]);
    let record = &r["household"]["rows"][0];
    assert_eq!((&record["interval"], &record["rule"]), (&serde_json::json!("exempt"), &serde_json::json!("hardship")));
    assert_eq!(column(&r["members"], "id"), ["M04", "M05"]);
    assert_eq!(column(&r["members"], "visits"), ["1", "1"]);
    assert_eq!(column(&r["visits"], "issues"), ["", "I-2024-0002"]);
    assert_eq!(column(&r["issues"], "status"), ["resolved"]);
    assert_eq!(column(&r["activities"], "id"), ["A01"]);
    insta::assert_snapshot!(
        "household_show_exempt_json",
        ok(d, TODAY, &["household", "show", "H06", "--format", "json"])
    );
    let e = usage_error(d, TODAY, &["household", "show", "H99"]);
    assert!(e.stderr.contains("H99"), "{}", e.stderr);
}

/// `household edit --since`: H05 (green, never visited) registered 2024-02-20 is due 03-21, no
/// longer from the data's start: off the list as of 03-01, 20 days to go.
#[test]
fn edit_since_moves_a_never_visited_household() {
    let dir = fixture();
    let d = dir.path();
    let out = report_support::run(d, TODAY, &["household", "edit", "H05", "--since", "2024-02-20", "--lang", "en"]);
    assert_eq!(out.stdout, "household H05: since (none) → 2024-02-20 (households.csv:6)\n", "{}", out.stderr);
    assert_eq!(column(&json(d, TODAY, &["due"]), "household"), ["H08", "H03", "H01"]);
    let r = json(d, TODAY, &["due", "--member", "M02", "--within", "30"]);
    assert_eq!(column(&r, "household"), ["H07", "H05"]);
    assert_eq!(column(&r, "days_overdue"), ["-10", "-20"]);
}
