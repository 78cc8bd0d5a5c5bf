//! `gov due` end to end: three-colour management (三色管理) on the hand-counted fixture
//! `tests/fixtures/reports` (described in `tests/report_support`). Intervals: red 7, yellow 14,
//! green 30 days; never-visited households are due from the first visit in the data, 2023-12-05.

mod common;
mod report_support;

use report_support::{TODAY, column, csv, csv_column, edit, fixture, json, lf, ok};

/// (household, last visit, interval, due, days overdue, status) for each row.
fn schedule(r: &serde_json::Value) -> Vec<(String, String, String, String, String, String)> {
    let cols = ["household", "last_visit", "interval", "due", "days_overdue", "status"].map(|k| column(r, k));
    (0..cols[0].len())
        .map(|i| {
            let c = |k: usize| cols[k][i].clone();
            (c(0), c(1), c(2), c(3), c(4), c(5))
        })
        .collect()
}

fn expect(rows: &[(&str, &str, u32, &str, i64, &str)]) -> Vec<(String, String, String, String, String, String)> {
    rows.iter()
        .map(|&(h, last, interval, due, days, status)| {
            (h.into(), last.into(), interval.to_string(), due.into(), days.to_string(), status.into())
        })
        .collect()
}

/// As of 2024-03-01, the day after the leap day. H01: red, last 02-20, due 02-27 → 3 days
/// (28th, 29th, 1st; it would be 2 in a common year). H03: green, last 01-15, due 02-14 → 16.
/// H06: yellow, last 01-20, due 02-03 → 27. H05: never visited, due 2023-12-05 → 87.
#[test]
fn as_of_the_day_after_the_leap_day() {
    let dir = fixture();
    let r = json(dir.path(), TODAY, &["due"]);
    assert_eq!(r["report"], "due");
    assert_eq!(r["title"], "逾期未访户（截至2024-03-01）");
    assert_eq!(
        schedule(&r),
        expect(&[
            ("H05", "never", 30, "2023-12-05", 87, "overdue"),
            ("H06", "2024-01-20", 14, "2024-02-03", 27, "overdue"),
            ("H03", "2024-01-15", 30, "2024-02-14", 16, "overdue"),
            ("H01", "2024-02-20", 7, "2024-02-27", 3, "overdue"),
        ])
    );
    assert_eq!(column(&r, "contacts"), ["周敏", "陈静、赵军", "李强", "王芳"]);
    assert_eq!(column(&r, "color"), ["green", "yellow", "green", "red"]);
}

/// On the leap day itself H01 is 2 days overdue and H04, visited that day, is not listed.
#[test]
fn on_the_leap_day() {
    let dir = fixture();
    let r = json(dir.path(), "2024-02-29", &["due"]);
    assert_eq!(column(&r, "household"), ["H05", "H06", "H03", "H01"]);
    assert_eq!(column(&r, "days_overdue"), ["86", "26", "15", "2"]);
}

/// As of 2024-01-05, only visits up to that day count. H04: red, last 2023-12-28, due
/// 2024-01-04 → 1 day, across the new year. H06: yellow, last 2023-12-05, due 12-19 → 17.
/// H02 (first visited 01-08) and H05 are not yet visited: due 2023-12-05 → 31; ties keep file
/// order.
#[test]
fn across_the_year_boundary() {
    let dir = fixture();
    let r = json(dir.path(), "2024-01-05", &["due"]);
    assert_eq!(
        schedule(&r),
        expect(&[
            ("H02", "never", 14, "2023-12-05", 31, "overdue"),
            ("H05", "never", 30, "2023-12-05", 31, "overdue"),
            ("H06", "2023-12-05", 14, "2023-12-19", 17, "overdue"),
            ("H04", "2023-12-28", 7, "2024-01-04", 1, "overdue"),
        ])
    );
    // H01 (red, last 01-03) is due 01-10, in 5 days; H03 (green, last 12-30) on 01-29.
    let r = json(dir.path(), "2024-01-05", &["due", "--within", "5"]);
    assert_eq!(column(&r, "household"), ["H02", "H05", "H06", "H04", "H01"]);
    assert_eq!(column(&r, "days_overdue").last().unwrap(), "-5");
    assert_eq!(column(&r, "status").last().unwrap(), "due_soon");
    let r = json(dir.path(), "2024-01-05", &["due", "--within", "24"]);
    assert_eq!(column(&r, "household"), ["H02", "H05", "H06", "H04", "H01", "H03"]);
}

/// `--within N` adds households due in the next N days: H04 (red, visited on the leap day, due
/// 03-07, in 6 days) and H02 (yellow, visited on the leap day, due 03-14, in 13 days).
#[test]
fn within() {
    let dir = fixture();
    let d = dir.path();
    let households = |n: &str| column(&json(d, TODAY, &["due", "--within", n]), "household");
    assert_eq!(households("0"), ["H05", "H06", "H03", "H01"]);
    assert_eq!(households("5"), ["H05", "H06", "H03", "H01"]);
    assert_eq!(households("6"), ["H05", "H06", "H03", "H01", "H04"]);
    assert_eq!(households("12"), ["H05", "H06", "H03", "H01", "H04"]);
    assert_eq!(households("13"), ["H05", "H06", "H03", "H01", "H04", "H02"]);
    let r = json(d, TODAY, &["due", "--within", "13"]);
    assert_eq!(
        schedule(&r)[4..],
        expect(&[
            ("H04", "2024-02-29", 7, "2024-03-07", -6, "due_soon"),
            ("H02", "2024-02-29", 14, "2024-03-14", -13, "due_soon"),
        ])
    );
}

/// A household due today is not yet overdue; `--within 0` lists it as due soon.
#[test]
fn due_today_is_not_overdue() {
    let dir = fixture();
    let r = json(dir.path(), "2024-03-07", &["due", "--member", "陈静"]);
    assert_eq!(column(&r, "household"), ["H06"]);
    let r = json(dir.path(), "2024-03-07", &["due", "--member", "陈静", "--within", "0"]);
    assert_eq!(
        schedule(&r),
        expect(&[
            ("H06", "2024-01-20", 14, "2024-02-03", 33, "overdue"),
            ("H04", "2024-02-29", 7, "2024-03-07", 0, "due_soon"),
        ])
    );
}

/// One member's to-do list, and one grid.
#[test]
fn member_and_grid_filters() {
    let dir = fixture();
    let d = dir.path();
    let households = |args: &[&str]| column(&json(d, TODAY, &[&["due"], args].concat()), "household");
    assert_eq!(households(&["--member", "M01"]), ["H01"]);
    assert_eq!(households(&["--member", "王芳", "--within", "13"]), ["H01", "H02"]);
    assert_eq!(households(&["--member", "李强"]), ["H03"]);
    assert_eq!(households(&["--member", "李强", "--within", "13"]), ["H03", "H02"]);
    assert_eq!(households(&["--member", "周敏"]), ["H05"]);
    assert_eq!(households(&["--member", "赵军"]), ["H06"]); // transferred, still linked
    assert_eq!(households(&["--grid", "二网格"]), ["H05", "H06"]);
    assert_eq!(households(&["--grid", "G1", "--within", "30"]), ["H03", "H01", "H02"]);
    assert_eq!(households(&["--grid", "G1", "--member", "陈静"]), Vec::<String>::new());
}

/// The same household scheduled as red instead of green: H03's last visit is 2024-01-15, so
/// it is due 01-22 (not 02-14) and 39 days overdue (not 16), moving up the list.
#[test]
fn colour_sets_the_interval() {
    let dir = fixture();
    let d = dir.path();
    edit(d, "households.csv", "吴先生,13600004444,4,green,", "吴先生,13600004444,4,red,");
    let r = json(d, TODAY, &["due"]);
    assert_eq!(
        schedule(&r),
        expect(&[
            ("H05", "never", 30, "2023-12-05", 87, "overdue"),
            ("H03", "2024-01-15", 7, "2024-01-22", 39, "overdue"),
            ("H06", "2024-01-20", 14, "2024-02-03", 27, "overdue"),
            ("H01", "2024-02-20", 7, "2024-02-27", 3, "overdue"),
        ])
    );
    assert_eq!(column(&r, "color")[1], "red");
    // Intervals come from gov.yaml: green every 60 days puts H03 (due 03-15) off the list.
    edit(d, "households.csv", "吴先生,13600004444,4,red,", "吴先生,13600004444,4,绿,");
    edit(d, "gov.yaml", "green: 30", "green: 60");
    let r = json(d, TODAY, &["due"]);
    assert_eq!(column(&r, "household"), ["H05", "H06", "H01"]);
    assert_eq!(column(&r, "interval"), ["60", "14", "7"]);
    assert_eq!(column(&r, "days_overdue"), ["87", "27", "3"]);
}

/// Before the first visit nothing is overdue: the data has not started.
#[test]
fn before_the_data_starts() {
    let dir = fixture();
    assert_eq!(column(&json(dir.path(), "2023-12-01", &["due"]), "household"), Vec::<String>::new());
    let r = json(dir.path(), "2023-12-01", &["due", "--within", "4"]);
    assert_eq!(column(&r, "days_overdue"), ["-4", "-4", "-4", "-4", "-4", "-4"]);
    assert_eq!(column(&r, "last_visit"), ["never"; 6]);
}

#[test]
fn zh_labels_and_snapshots() {
    let dir = fixture();
    let d = dir.path();
    let c = csv(d, TODAY, &["due", "--within", "6"]);
    assert_eq!(
        c[0],
        [
            "户号",
            "地址",
            "户主",
            "网格",
            "颜色",
            "联系党员",
            "最近走访",
            "登记日期",
            "走访周期(天)",
            "周期依据",
            "应访日期",
            "逾期天数",
            "状态"
        ]
    );
    assert_eq!(csv_column(&c, "最近走访")[0], "从未走访");
    assert_eq!(csv_column(&c, "颜色"), ["绿", "黄", "绿", "红", "红"]);
    assert_eq!(csv_column(&c, "周期依据"), ["绿", "黄", "绿", "红", "红"]);
    assert_eq!(csv_column(&c, "状态"), ["逾期", "逾期", "逾期", "逾期", "即将到期"]);
    // A negative number stays a number in CSV, not a neutralised formula.
    assert_eq!(csv_column(&c, "逾期天数"), ["87", "27", "16", "3", "-6"]);
    insta::assert_snapshot!("due_2024_03_01_table", ok(d, TODAY, &["due", "--within", "13", "--format", "table"]));
    insta::assert_snapshot!(
        "due_2024_01_05_csv_en",
        lf(&ok(d, "2024-01-05", &["due", "--within", "5", "--lang", "en"]))
    );
}

/// `--grid` on a grid above the households' own (G0 holds G1 and G2) should list theirs.
#[test]
fn grid_filter_takes_in_sub_grids() {
    let dir = fixture();

    assert_eq!(column(&json(dir.path(), TODAY, &["due", "--grid", "G0"]), "household"), ["H05", "H06", "H03", "H01"]);
}
