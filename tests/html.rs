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
        &["report", "--month", "2024-01"],
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
