//! `gov export` end to end: the month's pack of six CSV files, on the hand-counted fixture
//! `tests/fixtures/reports` (described in `tests/report_support`).

mod common;
mod report_support;

use std::fs;
use std::path::Path;

use report_support::{TODAY, csv_column, fixture, lf, ok, parse_csv, run, usage_error};

const BOM: &str = "\u{FEFF}";

/// A written file: its text without the BOM (which must be there) as CSV records.
fn read_with_bom(path: &Path) -> Vec<Vec<String>> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let body = text.strip_prefix(BOM).unwrap_or_else(|| panic!("{} has no BOM", path.display()));
    assert!(body.contains("\r\n"), "CSV rows end in CRLF");
    parse_csv(body)
}

/// The row whose first cell is `first`.
fn line<'a>(records: &'a [Vec<String>], first: &str, second: &str) -> &'a [String] {
    records.iter().find(|r| r[0] == first && (second.is_empty() || r[1] == second)).expect("row")
}

#[test]
fn january_pack() {
    let dir = fixture();
    let d = dir.path();
    let stdout = ok(d, TODAY, &["export", "--month", "2024-01", "--out", "pack"]);
    insta::assert_snapshot!("export_2024_01_stdout", stdout);
    let out = d.join("pack");
    let mut names: Vec<String> =
        fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "2024-01-会议议事.csv",
            "2024-01-月报.html",
            "2024-01-统计.csv",
            "2024-01-诉求办理.csv",
            "2024-01-走访台账.csv",
            "2024-01-走访汇总-按党员.csv",
            "2024-01-走访汇总-按网格.csv",
            "2024-01-逾期未访.csv",
            "台账-2024-01.xlsx"
        ]
    );

    let stats = read_with_bom(&out.join("2024-01-统计.csv"));
    // 25 figures (6 of them the problem rates, 5 about meetings) for the period and cumulatively.
    assert_eq!(stats.len(), 1 + 50);
    assert_eq!(line(&stats, "本期", "走访次数"), ["本期", "走访次数", "3", "1", "2", "6"]);
    assert_eq!(line(&stats, "累计", "走访次数"), ["累计", "走访次数", "5", "2", "3", "10"]);
    assert_eq!(line(&stats, "本期", "办结诉求"), ["本期", "办结诉求", "1", "0", "0", "1"]);

    let by_member = read_with_bom(&out.join("2024-01-走访汇总-按党员.csv"));
    assert_eq!(csv_column(&by_member, "党员编号"), ["M01", "M03", "M04", "M02", "合计"]);
    assert_eq!(
        line(&by_member, "合计", ""),
        ["合计", "", "", "6", "5", "83.3%", "6", "3", "1", "0", "1", "1", "2", "2", "1"]
    );

    let by_grid = read_with_bom(&out.join("2024-01-走访汇总-按网格.csv"));
    assert_eq!(
        line(&by_grid, "G1", ""),
        ["G1", "一网格", "2", "2", "3", "3", "100.0%", "4", "3", "1", "0", "0", "0", "1", "1", "1"]
    );
    assert_eq!(line(&by_grid, "合计", "")[2..8], ["4", "3", "6", "5", "83.3%", "6"]);

    let ledger = read_with_bom(&out.join("2024-01-走访台账.csv"));
    assert_eq!(ledger.len(), 1 + 6);
    assert_eq!(csv_column(&ledger, "走访内容")[2], "'-楼道灯不亮，已报修");
    assert_eq!(csv_column(&ledger, "走访内容")[5], "'=同上");
    assert_eq!(csv_column(&ledger, "地址")[0], "幸福里1号楼1单元***室");

    // Overdue as of the month's end, 01-31: H05 (never; 2023-12-05 + 57 days) and H02 (yellow,
    // last 01-08, due 01-22: 9 days).
    let overdue = read_with_bom(&out.join("2024-01-逾期未访.csv"));
    assert_eq!(csv_column(&overdue, "户号"), ["H05", "H02"]);
    assert_eq!(csv_column(&overdue, "逾期天数"), ["57", "9"]);
    assert_eq!(csv_column(&overdue, "应访日期"), ["2023-12-05", "2024-01-22"]);
}

/// English file names and headers; --no-bom and --unmask reach every file.
#[test]
fn english_without_bom_unmasked() {
    let dir = fixture();
    let d = dir.path();
    ok(d, TODAY, &["export", "--month", "2024-02", "--out", "en", "--lang", "en", "--no-bom", "--unmask"]);
    let out = d.join("en");
    for stem in ["stats", "summary-by-member", "summary-by-grid", "ledger", "overdue", "issues"] {
        let path = out.join(format!("2024-02-{stem}.csv"));
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(!text.starts_with(BOM), "{stem} starts with a BOM");
    }
    let ledger = parse_csv(&fs::read_to_string(out.join("2024-02-ledger.csv")).unwrap());
    assert_eq!(ledger[0][..6], ["date", "member", "grid", "address", "head", "method"]);
    assert_eq!(csv_column(&ledger, "address")[0], "幸福里1号楼1单元102室");
    assert_eq!(csv_column(&ledger, "method"), ["phone", "WeChat", "home visit", "home visit"]);
    // Overdue as of 02-29: H05 86, H06 26, H03 15, H01 2.
    let overdue = parse_csv(&fs::read_to_string(out.join("2024-02-overdue.csv")).unwrap());
    assert_eq!(csv_column(&overdue, "household"), ["H05", "H06", "H03", "H01"]);
    assert_eq!(csv_column(&overdue, "days overdue"), ["86", "26", "15", "2"]);
    let by_member = parse_csv(&fs::read_to_string(out.join("2024-02-summary-by-member.csv")).unwrap());
    assert_eq!(by_member.last().unwrap()[0], "Total");
}

/// The current month's overdue list is as of today, not the month's end.
#[test]
fn current_month_overdue_as_of_today() {
    let dir = fixture();
    let d = dir.path();
    let stdout = ok(d, TODAY, &["export", "--month", "this-month", "--out", "now"]);
    assert!(stdout.contains("2024-03-逾期未访.csv（4 行）"), "{stdout}");
    let overdue = read_with_bom(&d.join("now/2024-03-逾期未访.csv"));
    assert_eq!(csv_column(&overdue, "逾期天数"), ["87", "27", "16", "3"]);
}

#[test]
fn bad_month_is_a_usage_error() {
    let dir = fixture();
    let out = usage_error(dir.path(), TODAY, &["export", "--month", "2024-1x", "--out", "x"]);
    assert!(out.stderr.contains("`2024-1x` is not a month"), "{}", out.stderr);
    assert!(!dir.path().join("x").exists());
    assert_eq!(run(dir.path(), TODAY, &["export", "--out", "x"]).code, Some(2)); // --month is required
    insta::assert_snapshot!("export_bad_month", lf(&out.snapshot(&[dir.path()])));
}
