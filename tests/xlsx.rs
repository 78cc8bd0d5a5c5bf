//! XLSX out, read back with calamine: every report and list written with `-o FILE.xlsx` holds,
//! cell for cell, what the same report writes as CSV (the figures the CSV tests count by hand on
//! `tests/fixtures/reports`, see `tests/report_support`), typed: numbers as numbers, shares as
//! percentages, dates as dates, ids and phones as text, masked; text that looks like a formula
//! kept as text. And `gov export` writes the whole pack as one workbook, a sheet per report.

mod common;
mod report_support;

use std::fs;
use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};
use chrono::{Duration, NaiveDate};
use report_support::{TODAY, fixture, ok};

/// CSV records, flexible: several reports in one output have different widths.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("valid CSV").iter().map(String::from).collect())
        .collect()
}

/// Every sheet of a workbook: its name and its rows, empty rows left out.
fn read_book(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book = open_workbook_auto(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let names = book.sheet_names().to_vec();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let rows = range
                .rows()
                .filter(|r| r.iter().any(|c| *c != Data::Empty))
                .map(|r| {
                    let mut r = r.to_vec();
                    while r.last() == Some(&Data::Empty) {
                        r.pop();
                    }
                    r
                })
                .collect();
            (name, rows)
        })
        .collect()
}

/// A cell as the CSV writer writes it: numbers plain, dates ISO, text behind a `'` when it
/// would run as a formula. `percent` when the CSV cell is a percentage (calamine does not say
/// which number format a number has).
fn as_csv(c: &Data, percent: bool) -> String {
    match c {
        Data::Empty => String::new(),
        Data::String(s) if s.starts_with(['=', '+', '-', '@', '\t', '\r']) => format!("'{s}"),
        Data::String(s) => s.clone(),
        Data::Float(x) if percent => format!("{:.1}%", x * 100.0),
        Data::Float(x) if x.fract() == 0.0 => format!("{}", *x as i64),
        Data::Float(x) => format!("{x:.1}"),
        Data::Int(n) => n.to_string(),
        Data::DateTime(d) => date(d.as_f64()).to_string(),
        other => panic!("unexpected cell {other:?}"),
    }
}

/// An Excel serial day as a date (1900 system; every date gov writes is after 1900-03-01).
fn date(serial: f64) -> NaiveDate {
    NaiveDate::from_ymd_opt(1899, 12, 30).unwrap() + Duration::days(serial as i64)
}

/// The sheet's rows as CSV text, with its title rows (a row of one text cell that the CSV has
/// not) dropped: every CSV record must be there, in order.
fn assert_same(what: &str, sheet: &[Vec<Data>], csv: &[Vec<String>]) {
    let mut csv_rows = csv.iter().filter(|r| r.iter().any(|c| !c.is_empty())).peekable();
    let mut titles = 0;
    for row in sheet {
        let Some(expected) = csv_rows.peek() else {
            panic!("{what}: a row more in the workbook than in the CSV: {row:?}");
        };
        let got: Vec<String> = row
            .iter()
            .zip(expected.iter().chain(std::iter::repeat(&String::new())))
            .map(|(c, e)| as_csv(c, e.ends_with('%')))
            .collect();
        let mut want: Vec<String> = expected.to_vec();
        while want.last().is_some_and(String::is_empty) {
            want.pop();
        }
        if got == want {
            csv_rows.next();
        } else if row.len() == 1 && matches!(row[0], Data::String(_)) {
            titles += 1;
        } else {
            panic!("{what}: workbook row {got:?}\n  differs from CSV row {want:?}");
        }
    }
    assert!(csv_rows.next().is_none(), "{what}: CSV rows missing from the workbook");
    assert!(titles >= 1, "{what}: no title row");
}

/// The reports and lists, each written as CSV and as XLSX from the same data.
const COMMANDS: &[&[&str]] = &[
    &["stats", "--month", "2024-01"],
    &["report", "--month", "2024-01"],
    &["report", "--month", "2024-01", "--by", "grid"],
    &["report", "--month", "2024-01", "--by", "branch"],
    &["report", "issues", "--month", "2024-02"],
    &["report", "whistles", "--month", "2024-02"],
    &["report", "meetings", "--month", "2024-02"],
    &["report", "dual", "--month", "2024-02"],
    &["report", "service", "--month", "2024-02"],
    &["visit", "list", "--month", "2024-01"],
    &["member", "list"],
    &["household", "list"],
    &["household", "show", "H02"],
    &["grid", "list"],
    &["org", "list"],
    &["issue", "list"],
    &["issue", "show", "I-2024-0004"],
    &["meeting", "list"],
    &["activity", "list"],
    &["volunteer", "list"],
    &["due"],
    &["due", "--by", "member"],
];

#[test]
fn every_report_reads_back_as_its_csv() {
    let dir = fixture();
    let d = dir.path();
    for (i, args) in COMMANDS.iter().enumerate() {
        for lang in ["zh", "en"] {
            let csv = d.join(format!("{i}-{lang}.csv"));
            let xlsx = d.join(format!("{i}-{lang}.xlsx"));
            let with = |out: &Path| {
                let mut a: Vec<&str> = vec!["--lang", lang];
                a.extend(args.iter());
                a.extend(["--no-bom", "-o", out.to_str().unwrap()]);
                ok(d, TODAY, &a);
            };
            with(&csv);
            with(&xlsx);
            let records = parse_csv(&fs::read_to_string(&csv).unwrap());
            let sheets = read_book(&xlsx);
            let what = format!("{} ({lang})", args.join(" "));
            let all: Vec<Vec<Data>> = sheets.into_iter().flat_map(|(_, rows)| rows).collect();
            assert_same(&what, &all, &records);
        }
    }
}

#[test]
fn cells_are_typed_masked_and_never_formulas() {
    let dir = fixture();
    let d = dir.path();
    let out = d.join("ledger.xlsx");
    ok(d, TODAY, &["visit", "list", "--month", "2024-01", "-o", out.to_str().unwrap()]);
    let sheets = read_book(&out);
    assert_eq!(sheets.len(), 1);
    let rows = &sheets[0].1;
    // Title, header, the six January visits (#5 to #10).
    assert_eq!(rows.len(), 1 + 1 + 6);
    let header: Vec<String> = rows[1].iter().map(|c| as_csv(c, false)).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("{name} in {header:?}"));
    // Dates are dates: #5 on 2024-01-03.
    let Data::DateTime(first) = &rows[2][col("走访日期")] else {
        panic!("date cell {:?}", rows[2][col("走访日期")])
    };
    assert_eq!(date(first.as_f64()), NaiveDate::from_ymd_opt(2024, 1, 3).unwrap());
    // "=同上" (#10) and "-楼道灯不亮，已报修" (#7) are text cells, as written, not formulas.
    let summaries: Vec<&Data> = rows[2..].iter().map(|r| &r[col("走访内容")]).collect();
    assert!(summaries.contains(&&Data::String("=同上".into())), "{summaries:?}");
    assert!(summaries.contains(&&Data::String("-楼道灯不亮，已报修".into())), "{summaries:?}");
    let mut book = open_workbook_auto(&out).unwrap();
    let formulas = book.worksheet_formula(&sheets[0].0).unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "no formula in the workbook");

    // The household roster: ids and phones as text, phones masked.
    let out = d.join("households.xlsx");
    ok(d, TODAY, &["household", "list", "-o", out.to_str().unwrap()]);
    let rows = &read_book(&out)[0].1;
    let header: Vec<String> = rows[1].iter().map(|c| as_csv(c, false)).collect();
    assert_eq!(rows[2][0], Data::String("H01".into()), "{header:?}");
    if let Some(p) = header.iter().position(|h| h.contains("电话")) {
        for r in &rows[2..] {
            match r.get(p) {
                Some(Data::String(s)) => assert!(s.contains('*'), "masked phone {s}"),
                Some(Data::Empty) | None => {}
                Some(other) => panic!("phone as {other:?}"),
            }
        }
    }
}

#[test]
fn the_ledger_summary_has_numbers_percentages_and_a_totals_row() {
    let dir = fixture();
    let d = dir.path();
    let out = d.join("summary.xlsx");
    ok(d, TODAY, &["report", "--month", "2024-01", "-o", out.to_str().unwrap()]);
    let rows = &read_book(&out)[0].1;
    let last = rows.last().unwrap();
    assert_eq!(last[0], Data::String("合计".into()));
    // January: 6 visits in all (#5 to #10).
    let header: Vec<String> = rows[1].iter().map(|c| as_csv(c, false)).collect();
    let visits = header.iter().position(|h| h == "走访次数").expect("visits column");
    assert_eq!(last[visits], Data::Float(6.0));
}

#[test]
fn export_writes_one_workbook_a_sheet_per_report() {
    let dir = fixture();
    let d = dir.path();
    ok(d, TODAY, &["export", "--month", "2024-01", "--out", "pack", "--no-bom"]);
    let pack = d.join("pack");
    let sheets = read_book(&pack.join("台账-2024-01.xlsx"));
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["统计", "走访汇总-按党员", "走访汇总-按网格", "走访台账", "逾期未访", "诉求办理", "会议议事"]);
    for (name, rows) in &sheets {
        let csv = parse_csv(&fs::read_to_string(pack.join(format!("2024-01-{name}.csv"))).unwrap());
        assert_same(name, rows, &csv);
    }
}

#[test]
fn a_workbook_is_not_written_to_standard_output_on_a_pipe_unasked_but_is_with_format() {
    let dir = fixture();
    let d = dir.path();
    let mut cmd = common::gov(d);
    cmd.arg("--data").arg(d).args(["--today", TODAY, "stats", "--format", "xlsx"]);
    let out = cmd.output().unwrap();
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"PK\x03\x04"), "a ZIP on stdout");
}
