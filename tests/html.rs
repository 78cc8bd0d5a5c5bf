//! `--format html` end to end: one self-contained page (`tests/html_support`), masked, whose
//! tables hold exactly what the CSV of the same report holds. On the hand-counted fixture
//! `tests/fixtures/reports` (`tests/report_support`).

mod common;
mod html_support;
mod report_support;

use html_support::{check_page, plain, tables};
use report_support::{TODAY, csv, fixture, ok};

/// Each command's page, next to the same report as CSV: same header, same cells.
#[test]
fn every_report_page_equals_its_csv() {
    let dir = fixture();
    let commands: &[&[&str]] = &[
        &["stats", "--month", "2024-01"],
        &["report", "--from", "2024-01-01", "--to", "2024-01-31"],
        &["report", "--month", "2024-01", "--by", "grid"],
        &["report", "issues", "--month", "2024-01"],
        &["report", "whistles", "--month", "2024-02"],
        &["due"],
    ];
    for lang in ["en", "zh"] {
        for args in commands {
            let args: Vec<&str> = ["--lang", lang].iter().chain(args.iter()).copied().collect();
            let page = ok(dir.path(), TODAY, &[&args[..], &["--format", "html"]].concat());
            check_page(&page);
            let expected = csv(dir.path(), TODAY, &args);
            let found = tables(&page);
            assert_eq!(found.len(), 1, "{args:?}");
            let cells: Vec<Vec<String>> = found[0].1.iter().map(|r| r.iter().map(|c| plain(c)).collect()).collect();
            assert_eq!(cells, expected, "{args:?}");
        }
    }
}

/// `-o x.html` picks the format, and the page is masked like every output unless `--unmask`.
#[test]
fn file_by_extension_masked() {
    let dir = fixture();
    let path = dir.path().join("due.html");
    ok(dir.path(), TODAY, &["due", "-o", path.to_str().unwrap()]);
    let page = std::fs::read_to_string(&path).unwrap();
    check_page(&page);
    assert!(page.contains("和平苑6号楼2单元***室"));
    assert!(!page.contains("和平苑6号楼2单元202室"));
    let page = ok(dir.path(), TODAY, &["due", "--format", "html", "--unmask"]);
    assert!(page.contains("和平苑6号楼2单元202室"));
}

/// The monthly page's marks (figure id, series, category) → value, for January 2024.
fn january(lang: &str) -> (String, std::collections::BTreeMap<(String, String, String), String>) {
    let dir = fixture();
    let page = ok(dir.path(), TODAY, &["--lang", lang, "report", "--month", "2024-01", "--format", "html"]);
    check_page(&page);
    let marks = html_support::marks(&page);
    (page, marks)
}

fn mark<'a>(
    marks: &'a std::collections::BTreeMap<(String, String, String), String>,
    f: &str,
    s: &str,
    c: &str,
) -> &'a str {
    marks.get(&(f.to_string(), s.to_string(), c.to_string())).unwrap_or_else(|| panic!("no mark {f} {s} {c}"))
}

/// Every figure on January's page, counted by hand from the fixture (`tests/report_support`).
#[test]
fn monthly_page_hand_counted() {
    let (_, m) = january("en");
    // Weeks Monday to Sunday within January: #5 home 01-03; #6 phone 01-08; #7 home 01-15 and
    // #8 video 01-20; #9 group 01-25; #10 home 01-31.
    let weeks = ["01-01–01-07", "01-08–01-14", "01-15–01-21", "01-22–01-28", "01-29–01-31"];
    let by_method = [
        ("home visit", [1, 0, 1, 0, 1]),
        ("phone", [0, 1, 0, 0, 0]),
        ("video", [0, 0, 1, 0, 0]),
        ("group visit", [0, 0, 0, 1, 0]),
    ];
    for (method, counts) in by_method {
        for (w, n) in weeks.iter().zip(counts) {
            assert_eq!(mark(&m, "weekly-visits", method, w), n.to_string(), "{method} {w}");
        }
    }
    // Received: I-0001 01-08, I-0002 01-20, I-0003 01-25; resolved: I-0001 01-15.
    for (w, (r, s)) in weeks.iter().zip([(0, 0), (1, 0), (1, 1), (1, 0), (0, 0)]) {
        assert_eq!(mark(&m, "weekly-problems", "problems received", w), r.to_string());
        assert_eq!(mark(&m, "weekly-problems", "problems resolved", w), s.to_string());
    }
    // Coverage: G1 H01 H02 H03 all visited; G2 H04 H06 of H04 H05 H06; community 5 of 6.
    assert_eq!(mark(&m, "coverage", "coverage", "一网格"), "1.0000");
    assert_eq!(mark(&m, "coverage", "coverage", "二网格"), "0.6667");
    assert_eq!(mark(&m, "coverage", "line", ""), "0.8333");
    // Overdue at 01-31: H02 (G1, yellow, due 01-22) and H05 (G2, green, never visited).
    assert_eq!(mark(&m, "overdue", "yellow", "一网格"), "1");
    assert_eq!(mark(&m, "overdue", "green", "二网格"), "1");
    assert_eq!(mark(&m, "overdue", "red", "一网格"), "0");
    // Rates: 2 of 3 responded within a day (I-0003 waited to 01-26); the one resolved problem
    // on time, followed up, solved and satisfied; no decisions, so no done rate, only its target.
    assert_eq!(mark(&m, "rates", "this month", "response rate"), "0.6667");
    assert_eq!(mark(&m, "rates", "this month", "on-time resolution rate"), "1.0000");
    assert_eq!(mark(&m, "rates", "target", "response rate"), "1.0000");
    assert_eq!(mark(&m, "rates", "target", "done rate"), "0.9000");
    assert!(!m.contains_key(&("rates".into(), "this month".into(), "done rate".into())));
    // The year to date is January alone: 6 visits, 1 resolved, coverage 5 of 6.
    assert_eq!(mark(&m, "year-counts", "visits (contacts)", "2024-01"), "6");
    assert_eq!(mark(&m, "year-counts", "problems resolved", "2024-01"), "1");
    assert_eq!(mark(&m, "year-coverage", "coverage", "2024-01"), "0.8333");
}

/// Every figure on the page equals the report's own: each week's against `gov stats --from
/// --to`, coverage against `gov report --by grid`, overdue against `gov due`'s rows, rates
/// against `gov stats`, whistles against `gov report whistles`; and the page's tables against
/// the same reports' CSV.
#[test]
fn monthly_page_equals_the_reports() {
    let dir = fixture();
    let d = dir.path();
    for month in ["2024-01", "2024-02"] {
        let page = ok(d, TODAY, &["--lang", "en", "report", "--month", month, "--format", "html"]);
        check_page(&page);
        let m = html_support::marks(&page);
        let close = |mark: &str, json: &serde_json::Value| {
            let v: f64 = mark.parse().unwrap();
            assert!((v - json.as_f64().unwrap_or(f64::NAN)).abs() < 5e-5, "{mark} vs {json}");
        };
        for ((fig, series, cat), value) in &m {
            match fig.as_str() {
                "weekly-visits" | "weekly-problems" => {
                    let (from, to) = cat.split_once('–').unwrap();
                    let year = &month[..4];
                    let (from, to) = (format!("{year}-{from}"), format!("{year}-{to}"));
                    let stats =
                        report_support::json(d, TODAY, &["--lang", "en", "stats", "--from", &from, "--to", &to]);
                    let code = match series.as_str() {
                        "home visit" => "home".into(),
                        "group visit" => "group".into(),
                        "phone" | "video" => series.clone(),
                        "WeChat" => "wechat".into(),
                        "problems received" => "received".into(),
                        "problems resolved" => "resolved".into(),
                        other => panic!("series {other}"),
                    };
                    assert_eq!(
                        value.parse::<i64>().unwrap(),
                        report_support::figure(&stats, "period", &code)[3],
                        "{cat} {code}"
                    );
                }
                "coverage" => {
                    let grids = report_support::json(d, TODAY, &["report", "--month", month, "--by", "grid"]);
                    let want = if series == "line" {
                        &grids["total"]["coverage"]
                    } else {
                        &report_support::row(&grids, "grid_name", cat)["coverage"]
                    };
                    close(value, want);
                }
                "rates" if series == "this month" => {
                    let stats = report_support::json(d, TODAY, &["--lang", "en", "stats", "--month", month]);
                    let code = match cat.as_str() {
                        "response rate" => "response_rate",
                        "on-time resolution rate" => "on_time_rate",
                        "solved rate" => "solved_rate",
                        "satisfaction rate" => "satisfaction_rate",
                        "done rate" => "done_rate",
                        other => panic!("rate {other}"),
                    };
                    let row = report_support::rows(&stats)
                        .iter()
                        .find(|r| r["scope"] == "period" && r["figure"] == code)
                        .unwrap();
                    close(value, &row["total"]);
                }
                "whistles" => {
                    let w = report_support::json(d, TODAY, &["report", "whistles", "--month", month]);
                    let key = if series == "reported" { "reported" } else { "pending" };
                    assert_eq!(value, &report_support::row(&w, "department", cat)[key].to_string());
                }
                _ => {}
            }
        }
        // Overdue: the marks add up, grid by grid and colour by colour, to `gov due`'s list at
        // the month's end.
        let end = if month == "2024-01" { "2024-01-31" } else { "2024-02-29" };
        let due = report_support::csv(d, end, &["--lang", "en", "due"]);
        let overdue: i64 = m.iter().filter(|(k, _)| k.0 == "overdue").map(|(_, v)| v.parse::<i64>().unwrap()).sum();
        assert_eq!(overdue as usize, due.len() - 1, "{month}");
        // The tables: headline figures (the period's rows), the grid summary and whistles.
        let found = tables(&page);
        let names: Vec<&str> = found.iter().map(|t| t.0.as_str()).collect();
        assert_eq!(names, ["stats", "report-grid", "whistles"]);
        let plain_rows = |rows: &[Vec<String>]| -> Vec<Vec<String>> {
            rows.iter().map(|r| r.iter().map(|c| plain(c)).collect()).collect()
        };
        let grid_csv = csv(d, TODAY, &["--lang", "en", "report", "--month", month, "--by", "grid"]);
        assert_eq!(plain_rows(&found[1].1), grid_csv);
        let stats_csv = csv(d, TODAY, &["--lang", "en", "stats", "--month", month]);
        let period_rows: Vec<Vec<String>> = stats_csv.iter().filter(|r| r[0] != "cumulative").cloned().collect();
        assert_eq!(plain_rows(&found[0].1), period_rows);
    }
}

/// The page in both languages, for reading: the body (the style is the same file every time).
#[test]
fn monthly_page_snapshots() {
    for lang in ["en", "zh"] {
        let (page, _) = january(lang);
        let body = &page[page.find("<body>").unwrap()..];
        insta::assert_snapshot!(format!("monthly_2024_01_{lang}"), body);
    }
}

/// gov.yaml's `targets` (percent) move the marks; those not given keep their defaults; a target
/// above 100 is a finding, and the default stands.
#[test]
fn targets_from_gov_yaml() {
    let dir = fixture();
    let yaml = dir.path().join("gov.yaml");
    let mut text = std::fs::read_to_string(&yaml).unwrap();
    text.push_str("targets:\n  response_rate: 95\n  satisfaction_rate: 80\n");
    std::fs::write(&yaml, &text).unwrap();
    let page = ok(dir.path(), TODAY, &["--lang", "en", "report", "--month", "2024-01", "--format", "html"]);
    let m = html_support::marks(&page);
    assert_eq!(mark(&m, "rates", "target", "response rate"), "0.9500");
    assert_eq!(mark(&m, "rates", "target", "satisfaction rate"), "0.8000");
    assert_eq!(mark(&m, "rates", "target", "on-time resolution rate"), "0.9000");
    std::fs::write(&yaml, text.replace("response_rate: 95", "response_rate: 150")).unwrap();
    let out = report_support::run(dir.path(), TODAY, &["--lang", "en", "check"]);
    assert_eq!(out.code, Some(1), "{}", out.stdout);
    assert!(out.stdout.contains("gov.yaml") && out.stdout.contains("response_rate"), "{}", out.stdout);
}
