//! `gov import` end to end, on the hand-counted fixture `tests/fixtures/reports` (14 visits,
//! described in `tests/report_support`) and a workbook built here with rust_xlsxwriter to look
//! like an office's 走访台账:
//!
//! ```text
//! sheet 2024年2月上旬                          sheet 2024年2月下旬
//! 1  title (merged A1:G1)                     1  title
//! 2  序号 走访日期 走访党员 走访对象(C2:D2) 走访方式 走访内容 备注   2  序号 日期 党员 住户 方式 内容
//! 3           住户 户主                        3  1 2024-02-05 王芳 H01 入户 了解身体情况  (= row 4 of the first: already there)
//! 4  1 2024-02-05 (date cell) 王芳 H01 刘大爷 入户 了解身体情况   4  2 45352 (day number: 2024-03-01) 陈静 H06 电话 回访
//! 5  2 2024年2月6日 (text)    李强 H03 吴先生 电话 询问供暖      5  合计 … 2
//! 6  3 45328 (day number: 2024-02-06) 陈静 H04 郑奶奶 微信 提醒缴费
//! 7  合计 … 3户
//! ```
//!
//! Counted by hand: the first sheet adds 3 visits, the second 1 (its first row is the first
//! sheet's row 4); 14 + 4 = 18 visits in all; importing again adds 0. A GBK CSV (title row,
//! 序号, Chinese header) adds 1 more.

mod common;
mod report_support;

use std::path::Path;

use report_support::{TODAY, fixture, ok, run};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn workbook(path: &Path) {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let ws = book.add_worksheet();
    ws.set_name("2024年2月上旬").unwrap();
    ws.merge_range(0, 0, 0, 6, "测试社区党员联系户走访台账（2024年2月上旬）", &Format::new()).unwrap();
    for (c, h) in ["序号", "走访日期", "走访党员", "走访对象", "", "走访方式", "走访内容", "备注"].iter().enumerate()
    {
        if c != 3 && c != 4 && !h.is_empty() {
            ws.write_string(1, c as u16, *h).unwrap();
        }
    }
    ws.write_string(1, 7, "备注").unwrap();
    ws.merge_range(1, 3, 1, 4, "走访对象", &Format::new()).unwrap();
    ws.write_string(2, 3, "住户").unwrap();
    ws.write_string(2, 4, "户主").unwrap();
    ws.write_number(3, 0, 1).unwrap();
    ws.write_datetime_with_format(3, 1, ExcelDateTime::from_ymd(2024, 2, 5).unwrap(), &date).unwrap();
    for (c, v) in ["王芳", "H01", "刘大爷", "入户", "了解身体情况"].iter().enumerate() {
        ws.write_string(3, 2 + c as u16, *v).unwrap();
    }
    ws.write_number(4, 0, 2).unwrap();
    for (c, v) in ["2024年2月6日", "李强", "H03", "吴先生", "电话", "询问供暖"].iter().enumerate() {
        ws.write_string(4, 1 + c as u16, *v).unwrap();
    }
    ws.write_number(5, 0, 3).unwrap();
    ws.write_number(5, 1, 45328).unwrap();
    for (c, v) in ["陈静", "H04", "郑奶奶", "微信", "提醒缴费"].iter().enumerate() {
        ws.write_string(5, 2 + c as u16, *v).unwrap();
    }
    ws.write_string(6, 0, "合计").unwrap();
    ws.write_string(6, 6, "3户").unwrap();

    let ws = book.add_worksheet();
    ws.set_name("2024年2月下旬").unwrap();
    ws.write_string(0, 0, "测试社区党员联系户走访台账（2024年2月下旬）").unwrap();
    for (c, h) in ["序号", "日期", "党员", "住户", "方式", "内容"].iter().enumerate() {
        ws.write_string(1, c as u16, *h).unwrap();
    }
    ws.write_number(2, 0, 1).unwrap();
    ws.write_datetime_with_format(2, 1, ExcelDateTime::from_ymd(2024, 2, 5).unwrap(), &date).unwrap();
    for (c, v) in ["王芳", "H01", "入户", "了解身体情况"].iter().enumerate() {
        ws.write_string(2, 2 + c as u16, *v).unwrap();
    }
    ws.write_number(3, 0, 2).unwrap();
    ws.write_number(3, 1, 45352).unwrap();
    for (c, v) in ["陈静", "H06", "电话", "回访"].iter().enumerate() {
        ws.write_string(3, 2 + c as u16, *v).unwrap();
    }
    ws.write_string(4, 0, "合计").unwrap();
    ws.write_number(4, 5, 2).unwrap();
    book.save(path).unwrap();
}

/// Runs an import, insists on exit 0, and returns stdout (stderr may note that February's
/// visits are kept in YAML and new ones go to a CSV beside it).
fn import(d: &Path, args: &[&str]) -> String {
    let out = run(d, TODAY, args);
    assert_eq!(out.code, Some(0), "{args:?}\n{}\n{}", out.stdout, out.stderr);
    out.stdout
}

/// How many visits the folder holds, from the detailed ledger's CSV.
fn visits(d: &Path) -> usize {
    let out = ok(d, TODAY, &["visit", "list", "--from", "2023-01-01", "--to", TODAY, "--format", "csv"]);
    out.lines().count() - 1
}

#[test]
fn a_ledger_workbook_imports_once() {
    let dir = fixture();
    let d = dir.path();
    let book = d.join("走访台账.xlsx");
    workbook(&book);
    assert_eq!(visits(d), 14);
    // A preview by default: nothing written.
    let preview = import(d, &["import", "走访台账.xlsx", "--kind", "visits", "--all-sheets"]);
    assert!(preview.contains("2024年2月上旬：读取 3 行，略去合计行 1 行"), "{preview}");
    assert!(preview.contains("未写入"), "{preview}");
    assert_eq!(visits(d), 14);
    let out = import(d, &["import", "走访台账.xlsx", "--kind", "visits", "--all-sheets", "--apply"]);
    assert_eq!(visits(d), 18, "{out}");
    assert!(out.contains("跳过 1 条已有的走访记录"), "{out}");
    assert!(out.contains("合计：新增 4 条，已有 1 条，未导入 0 条"), "{out}");
    // Again: nothing added.
    let again = import(d, &["import", "走访台账.xlsx", "--kind", "visits", "--all-sheets", "--apply"]);
    assert_eq!(visits(d), 18, "{again}");
    assert!(again.contains("合计：新增 0 条，已有 5 条，未导入 0 条"), "{again}");
    // The dates as read: a date cell, 2024年2月6日 typed, and day numbers 45328 and 45352.
    let ledger = ok(d, TODAY, &["visit", "list", "--from", "2024-02-05", "--to", TODAY, "--format", "csv"]);
    for day in ["2024-02-05", "2024-02-06", "2024-03-01"] {
        assert!(ledger.contains(day), "{day} in {ledger}");
    }
    assert_eq!(ledger.matches("2024-02-06").count(), 2, "{ledger}");
}

#[test]
fn one_sheet_by_name_or_number_and_a_missing_one_is_named() {
    let dir = fixture();
    let d = dir.path();
    workbook(&d.join("book.xlsx"));
    let out = import(d, &["--lang", "en", "import", "book.xlsx", "--kind", "visits", "--sheet", "2", "--apply"]);
    assert!(out.contains("2024年2月下旬: 2 rows read, 1 totals row left out"), "{out}");
    assert_eq!(visits(d), 16);
    let bad = run(d, TODAY, &["--lang", "en", "import", "book.xlsx", "--kind", "visits", "--sheet", "三月"]);
    assert_eq!(bad.code, Some(2), "{}", bad.stderr);
    assert!(bad.stderr.contains("has no sheet `三月`"), "{}", bad.stderr);
}

#[test]
fn a_gbk_csv_with_a_title_row_imports() {
    let dir = fixture();
    let d = dir.path();
    let text = "测试社区走访台账\r\n序号,走访日期,走访党员,住户,走访方式,走访内容\r\n1,2024年2月8日,王芳,H02,入户,了解情况\r\n合计,,,,,1\r\n";
    let (gbk, _, bad) = encoding_rs::GBK.encode(text);
    assert!(!bad);
    std::fs::write(d.join("台账.csv"), &gbk).unwrap();
    let out = import(d, &["import", "台账.csv", "--kind", "visits", "--apply"]);
    assert_eq!(visits(d), 15, "{out}");
}

#[test]
fn a_wrong_row_stops_the_whole_import_and_names_its_row() {
    let dir = fixture();
    let d = dir.path();
    let text = "序号,走访日期,走访党员,住户,走访方式,走访内容\n1,2024-02-08,王芳,H02,入户,了解情况\n2,2024-02-09,无此人,H02,入户,了解情况\n";
    std::fs::write(d.join("bad.csv"), text).unwrap();
    let out = run(d, TODAY, &["--lang", "en", "import", "bad.csv", "--kind", "visits", "--apply"]);
    assert_ne!(out.code, Some(0), "{}", out.stdout);
    assert!(out.stderr.contains("bad.csv!bad!C3"), "{}", out.stderr);
    assert_eq!(visits(d), 14);
}

/// A CSV row is named by the line it is on in the file: blank lines and a cell broken over two
/// lines (quoted) count, as an editor shows them.
#[test]
fn a_csv_row_is_named_by_its_own_line() {
    let dir = fixture();
    let d = dir.path();
    // Line 1 the header; 2–3 a visit whose summary has a line break; 4 blank; 5 a member who
    // does not exist (column B, 走访党员).
    let text = "走访日期,走访党员,住户,走访方式,走访内容\n2024-02-08,王芳,H02,入户,\"了解情况\n已上报\"\n\n2024-02-09,无此人,H02,入户,了解情况\n";
    std::fs::write(d.join("lines.csv"), text).unwrap();
    let out = run(d, TODAY, &["--lang", "en", "import", "lines.csv", "--kind", "visits"]);
    assert_ne!(out.code, Some(0), "{}", out.stdout);
    assert!(out.stderr.contains("lines.csv!lines!B5"), "{}", out.stderr);
}

/// A template in other words, through a rules file: 联系户 and 日期时间 named, 上门 for 入户, the
/// member for the whole sheet (陈静, M04), the 填表人 line skipped. Two rows by hand count.
#[test]
fn a_rules_file_maps_another_template() {
    let dir = fixture();
    let d = dir.path();
    let text = "网格走访记录表\n日期时间,联系户,形式,情况记录\n2024-02-10,H04,上门,送春联\n2024-02-11,H06,电话,拜年\n填表人：陈静,,,\n";
    std::fs::write(d.join("记录表.csv"), text).unwrap();
    let rules = "columns:\n  日期时间: date\n  联系户: household\n  形式: method\n  情况记录: summary\nvalues:\n  method:\n    上门: 入户\nconstants:\n  member: 陈静\nskip:\n  - 填表人\n";
    std::fs::write(d.join("记录表.rules.yaml"), rules).unwrap();
    let out = import(d, &["import", "记录表.csv", "--kind", "visits", "--rules", "记录表.rules.yaml", "--apply"]);
    assert_eq!(visits(d), 16, "{out}");
    let ledger = ok(d, TODAY, &["visit", "list", "--from", "2024-02-10", "--to", "2024-02-11", "--format", "csv"]);
    assert_eq!(ledger.matches("陈静").count(), 2, "{ledger}");
    assert!(ledger.contains("入户"), "{ledger}");
    let bad = run(d, TODAY, &["--lang", "en", "import", "记录表.csv", "--kind", "visits", "--rules", "记录表.csv"]);
    assert_eq!(bad.code, Some(2), "{}", bad.stderr);
    assert!(bad.stderr.contains("the rules file `记录表.csv` cannot be read"), "{}", bad.stderr);
}

/// `--skip-bad`: the wrong row (无此人, row 3) is named and left out, the good one written.
#[test]
fn skip_bad_leaves_the_wrong_rows_out_and_writes_the_rest() {
    let dir = fixture();
    let d = dir.path();
    let text = "序号,走访日期,走访党员,住户,走访方式,走访内容\n1,2024-02-08,王芳,H02,入户,了解情况\n2,2024-02-09,无此人,H02,入户,了解情况\n";
    std::fs::write(d.join("bad.csv"), text).unwrap();
    let out = run(d, TODAY, &["--lang", "en", "import", "bad.csv", "--kind", "visits", "--apply", "--skip-bad"]);
    assert_eq!(out.code, Some(0), "{}\n{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("bad.csv!bad!C3"), "{}", out.stderr);
    assert!(out.stdout.contains("left out 1 row with errors"), "{}", out.stdout);
    assert!(out.stdout.contains("in all: 1 added, 0 already recorded, 1 left out"), "{}", out.stdout);
    assert_eq!(visits(d), 15);
}

/// A name that fits two records refuses its row and lists them: a second household whose head
/// is 刘大爷 (H07, added here) beside H01.
#[test]
fn an_ambiguous_name_is_refused_with_its_candidates() {
    let dir = fixture();
    let d = dir.path();
    let mut households = std::fs::read_to_string(d.join("households.csv")).unwrap();
    households.push_str("H07,幸福里9号楼1单元101室,G1,刘大爷,13600009999,1,green,,M01\n");
    std::fs::write(d.join("households.csv"), households).unwrap();
    std::fs::write(
        d.join("amb.csv"),
        "走访日期,走访党员,住户,走访方式,走访内容\n2024-02-08,王芳,刘大爷,入户,了解情况\n",
    )
    .unwrap();
    let out = run(d, TODAY, &["--lang", "en", "import", "amb.csv", "--kind", "visits", "--apply"]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stderr.contains("amb.csv!amb!C2: error[invalid-value] `household` value `刘大爷` names 2 households"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("H01 (") && out.stderr.contains("H07 ("), "{}", out.stderr);
    assert_eq!(visits(d), 14);
}
