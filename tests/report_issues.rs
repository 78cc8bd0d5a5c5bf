//! `gov report issues` and `gov report whistles` end to end, on the hand-counted fixture
//! `tests/fixtures/issues` (described in `tests/issue_support`), and on the demo folder
//! `examples/xiawo` (623 problems resolved in 2022, as `gov stats` says). Every expected number
//! below is counted from the fixture's table, never copied from the program's output.

mod common;
mod issue_support;
mod report_support;

use std::path::Path;

use issue_support::{TODAY, fixture};
use report_support::{column, csv, csv_column, edit, figure, ints, json, lf, ok, row, run, usage_error};
use serde_json::Value;

/// The figure columns of `gov report issues` (JSON keys) that are counts, in table order.
const COUNTS: [&str; 17] = [
    "received",
    "responded",
    "resolved",
    "on_time",
    "median_days",
    "p90_days",
    "followed_up",
    "unreachable",
    "solved",
    "satisfied",
    "reopened",
    "open",
    "overdue",
    "open_0_7",
    "open_8_15",
    "open_16_30",
    "open_over_30",
];

fn overall(dir: &Path, args: &[&str]) -> Value {
    let r = json(dir, TODAY, &[&["report", "issues"], args].concat());
    assert_eq!(r["rows"].as_array().unwrap().len(), 1, "one row for all problems");
    r["rows"][0].clone()
}

#[test]
fn fixture_passes_check() {
    let dir = fixture();
    let out = run(dir.path(), TODAY, &["--lang", "en", "check"]);
    assert_eq!(out.code, Some(0), "{}", out.stdout);
    assert!(out.stdout.contains("checked 4 grids, 2 members, 2 households, 0 visits, 9 issues: 0 errors, 0 warnings"));
}

/// March 2024: every figure, by hand (see tests/issue_support).
#[test]
fn march_overall() {
    let dir = fixture();
    let r = json(dir.path(), TODAY, &["report", "issues", "--month", "2024-03"]);
    assert_eq!(r["report"], "issues");
    assert_eq!(r["title"], "诉求测试社区群众诉求办理情况（2024-03）");
    let m = &r["rows"][0];
    assert_eq!(
        ints(m, &COUNTS),
        [
            8, 6, // received (not 05, from February); responded within a day: not 02 (2 days), 06 (none)
            4, 2, // resolved 01 02 03 08; on time 01 (03-08 = due) and 08 (03-12 = due)
            7, 16, // days 3 7 7 16: median the 2nd, 90th percentile the 4th
            3, 1, // followed up 01 02 08; 03's only call was unreachable
            3, 2, // all three say solved; satisfied 01 08 (02 only basically)
            1, // 02 reopened
            4, 2, // open on 03-31: 04 05 06 09; overdue 05 (due 02-25) and 06 (due 03-22)
            1, 1, 1, 1, // 04 is 6 days old, 09 11, 06 16, 05 50
        ]
    );
    // Each rate is its numerator over its denominator, both in the table.
    assert_eq!(m["response_rate"], 0.75); // 6 / 8
    assert_eq!(m["on_time_rate"], 0.5); // 2 / 4
    assert_eq!(m["follow_up_rate"], 0.75); // 3 / 4 resolved
    assert_eq!(m["solved_rate"], 1.0); // 3 / 3 followed up
    assert_eq!(m["satisfaction_rate"], 0.6667); // 2 / 3 followed up (the unreachable call is not one)
    assert_eq!(m["reopen_rate"], 0.25); // 1 / 4 resolved
}

/// With --count-basic, 02's 基本满意 counts: 3 of 3.
#[test]
fn count_basic() {
    let dir = fixture();
    let m = overall(dir.path(), &["--month", "2024-03", "--count-basic"]);
    assert_eq!(m["satisfied_or_basic"], 3);
    assert_eq!(m["satisfaction_rate"], 1.0);
    assert!(m.get("satisfied").is_none());
    let c = csv(dir.path(), TODAY, &["report", "issues", "--month", "2024-03", "--count-basic"]);
    assert_eq!(csv_column(&c, "满意及基本满意件数"), ["3"]);
    assert_eq!(csv_column(&c, "满意率"), ["100.0%"]);
}

/// April: 04, received in March, is resolved (a day late: due 04-01, resolved 04-02, 8 days) and
/// followed up. Open as of today (04-10, the month is still running): 05 (60 days), 06 (26), 09
/// (21, due 04-04), all overdue.
#[test]
fn april_counts_the_march_problem_resolved_in_april() {
    let dir = fixture();
    let m = overall(dir.path(), &["--month", "2024-04"]);
    assert_eq!(ints(&m, &COUNTS), [0, 0, 1, 0, 8, 8, 1, 0, 1, 1, 0, 3, 3, 0, 0, 2, 1]);
    assert_eq!(m["response_rate"], Value::Null); // nothing received: no denominator
    assert_eq!(m["on_time_rate"], 0.0);
    let c = csv(dir.path(), TODAY, &["report", "issues", "--month", "2024-04"]);
    assert_eq!(csv_column(&c, "响应率"), ["—"]);
}

/// February: only 05, answered two days late, open and overdue on 02-29 (19 days old).
#[test]
fn february() {
    let dir = fixture();
    let m = overall(dir.path(), &["--month", "2024-02"]);
    assert_eq!(ints(&m, &COUNTS[..4]), [1, 0, 0, 0]);
    assert_eq!(m["median_days"], Value::Null);
    assert_eq!(ints(&m, &COUNTS[11..]), [1, 1, 0, 0, 1, 0]);
}

/// `response_days` in gov.yaml moves the response limit: with 2 days 02 is in time too; with 0
/// only same-day answers count (01, 03, 07).
#[test]
fn response_days_is_configurable() {
    let dir = fixture();
    edit(dir.path(), "gov.yaml", "response_days: 1", "response_days: 2");
    assert_eq!(overall(dir.path(), &["--month", "2024-03"])["responded"], 7);
    edit(dir.path(), "gov.yaml", "response_days: 2", "response_days: 0");
    assert_eq!(overall(dir.path(), &["--month", "2024-03"])["responded"], 3);
    edit(dir.path(), "gov.yaml", "response_days: 0", "response_days: soon");
    let out = run(dir.path(), TODAY, &["--lang", "en", "check"]);
    assert!(out.stdout.contains("`response_days` value `soon` is not a whole number from 0 to 3660"), "{}", out.stdout);
}

/// The problem figures agree with `gov stats`, which now carries the rates too.
#[test]
fn stats_agrees() {
    let dir = fixture();
    let s = json(dir.path(), TODAY, &["stats", "--month", "2024-03"]);
    // [resident, in_service, mobile, total]; M1 recorded 01 03 05 06 08, M2 02 04 09; 07 nobody.
    assert_eq!(figure(&s, "period", "received"), [4, 3, 0, 8]);
    assert_eq!(figure(&s, "period", "resolved"), [3, 1, 0, 4]);
    assert_eq!(figure(&s, "period", "open"), [2, 2, 0, 4]);
    // As text: a rate with no denominator is null, shown as "".
    let rate = |f: &str| -> Vec<String> {
        let r = report_support::rows(&s).iter().find(|r| r["scope"] == "period" && r["figure"] == f).unwrap();
        ["resident", "in_service", "mobile", "total"].iter().map(|k| report_support::text(&r[*k])).collect()
    };
    // M1: responded 01 03 08 of 01 03 06 08; M2: 04 09 of 02 04 09.
    assert_eq!(rate("response_rate"), ["0.75", "0.6667", "", "0.75"]);
    // M1: on time 01 08 of 01 03 08; M2: 02 late.
    assert_eq!(rate("on_time_rate"), ["0.6667", "0.0", "", "0.5"]);
    assert_eq!(rate("follow_up_rate"), ["0.6667", "1.0", "", "0.75"]);
    assert_eq!(rate("solved_rate"), ["1.0", "1.0", "", "1.0"]);
    assert_eq!(rate("satisfaction_rate"), ["1.0", "0.0", "", "0.6667"]);
    assert_eq!(rate("reopen_rate"), ["0.0", "1.0", "", "0.25"]);
}

/// By category, in the built-in order then the gov.yaml ones; the totals row is the overall.
#[test]
fn by_category() {
    let dir = fixture();
    let r = json(dir.path(), TODAY, &["report", "issues", "--month", "2024-03", "--by", "category"]);
    assert_eq!(r["report"], "issues-by-category");
    assert_eq!(
        column(&r, "category"),
        ["heating", "water", "property", "sanitation", "infrastructure", "dispute", "safety", "welfare", "养老服务"]
    );
    // 02 (物业): received, late answer; resolved late after a reopening; basically satisfied.
    assert_eq!(ints(row(&r, "category", "property"), &COUNTS), [1, 0, 1, 0, 16, 16, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
    // 05 (养老服务) counts only as open: 50 days, overdue.
    let care = row(&r, "category", "养老服务");
    assert_eq!(ints(care, &["received", "resolved", "open", "overdue", "open_over_30"]), [0, 0, 1, 1, 1]);
    assert_eq!(care["median_days"], Value::Null);
    assert_eq!(ints(&r["total"], &COUNTS), ints(&overall(dir.path(), &["--month", "2024-03"]), &COUNTS));
    let c = csv(dir.path(), TODAY, &["report", "issues", "--month", "2024-03", "--by", "category"]);
    assert_eq!(csv_column(&c, "类别").last().unwrap(), "合计");
}

/// By grid: a problem without a grid takes its household's (02 and 09 through H2 in G2, 05
/// through H1 in G11); 07 has neither and is listed last.
#[test]
fn by_grid() {
    let dir = fixture();
    let r = json(dir.path(), TODAY, &["report", "issues", "--month", "2024-03", "--by", "grid"]);
    assert_eq!(column(&r, "grid"), ["G11", "G2", "none"]);
    assert_eq!(column(&r, "grid_name"), ["东区1号楼", "西区", ""]);
    // G11: 01 03 05 06 08. Days 7 3 7; 03 unreachable; open 05 (50 days) 06 (16), both overdue.
    assert_eq!(ints(row(&r, "grid", "G11"), &COUNTS), [4, 3, 3, 2, 7, 7, 2, 1, 2, 2, 0, 2, 2, 0, 0, 1, 1]);
    // G2: 02 04 09. 02 late answer, resolved late after reopening, basically satisfied; open 04
    // (6 days) and 09 (11), neither overdue.
    assert_eq!(ints(row(&r, "grid", "G2"), &COUNTS), [3, 2, 1, 0, 16, 16, 1, 0, 1, 0, 1, 2, 0, 1, 1, 0, 0]);
    // 07: received and answered (the duplicate) the same day.
    assert_eq!(ints(row(&r, "grid", "none"), &["received", "responded", "resolved", "open"]), [1, 1, 0, 0]);
    assert_eq!(ints(&r["total"], &COUNTS[..4]), [8, 6, 4, 2]);
}

/// By department summoned: 03 counts under both 城管局 and 房产中心, 05 (whistled in February)
/// under 供水公司 with 08; the totals row counts every problem once.
#[test]
fn by_department() {
    let dir = fixture();
    let r = json(dir.path(), TODAY, &["report", "issues", "--month", "2024-03", "--by", "department"]);
    assert_eq!(column(&r, "department"), ["城管局", "房产中心", "供水公司", "none"]);
    let three = [1, 1, 1, 0, 3, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    assert_eq!(ints(row(&r, "department", "城管局"), &COUNTS), three);
    assert_eq!(ints(row(&r, "department", "房产中心"), &COUNTS), three);
    // 08 resolved on its due date in 7 days, satisfied; 05 open 50 days, overdue.
    assert_eq!(ints(row(&r, "department", "供水公司"), &COUNTS), [1, 1, 1, 1, 7, 7, 1, 0, 1, 1, 0, 1, 1, 0, 0, 0, 1]);
    // Never whistled: 01 02 04 06 07 09.
    assert_eq!(ints(row(&r, "department", "none"), &COUNTS), [6, 4, 2, 1, 7, 16, 2, 0, 2, 1, 1, 3, 1, 1, 1, 1, 0]);
    assert_eq!(ints(&r["total"], &COUNTS[..3]), [8, 6, 4]);
    let c = csv(dir.path(), TODAY, &["report", "issues", "--month", "2024-03", "--by", "department"]);
    assert_eq!(csv_column(&c, "部门"), ["城管局", "房产中心", "供水公司", "（未吹哨）", "合计"]);
}

#[test]
fn by_source() {
    let dir = fixture();
    let r = json(dir.path(), TODAY, &["report", "issues", "--month", "2024-03", "--by", "source"]);
    assert_eq!(column(&r, "source"), ["visit", "patrol", "hotline", "walk_in", "wechat", "meeting"]);
    // Hotline: 02 (answered late) and 07 (the same day).
    assert_eq!(ints(row(&r, "source", "hotline"), &["received", "responded", "resolved", "reopened"]), [2, 1, 1, 1]);
    // WeChat: 03 and 09.
    assert_eq!(ints(row(&r, "source", "wechat"), &["received", "responded", "resolved", "open"]), [2, 2, 1, 1]);
}

/// March's whistles: 03 summoned 城管局 (reported the next day) and 房产中心 (never); 08 summoned
/// 供水公司 (reported in 2 days). Resolved 3 days after 03's whistle, 6 after 08's.
#[test]
fn whistles_march() {
    let dir = fixture();
    let r = json(dir.path(), TODAY, &["report", "whistles", "--month", "2024-03"]);
    assert_eq!(r["title"], "诉求测试社区吹哨报到情况（2024-03）");
    assert_eq!(column(&r, "department"), ["城管局", "房产中心", "供水公司"]);
    let keys = ["whistles", "summoned", "reported", "pending", "problems", "resolved"];
    assert_eq!(ints(row(&r, "department", "城管局"), &keys), [1, 1, 1, 0, 1, 1]);
    assert_eq!(ints(row(&r, "department", "房产中心"), &keys), [1, 1, 0, 1, 1, 1]);
    assert_eq!(ints(row(&r, "department", "供水公司"), &keys), [1, 1, 1, 0, 1, 1]);
    let days = ["median_days_to_report", "median_days_to_resolve"];
    assert_eq!(ints(row(&r, "department", "城管局"), &days), [1, 3]);
    assert_eq!(ints(row(&r, "department", "供水公司"), &days), [2, 6]);
    assert_eq!(row(&r, "department", "房产中心")["median_days_to_report"], Value::Null);
    // Two whistles summoned three departments; two reported (1 and 2 days: the lower middle is
    // 1); both problems resolved (3 and 6 days: 3).
    assert_eq!(ints(&r["total"], &keys), [2, 3, 2, 1, 2, 2]);
    assert_eq!(ints(&r["total"], &days), [1, 3]);
    assert_eq!(r["total"]["report_rate"], 0.6667);
    assert_eq!(r["total"]["resolved_rate"], 1.0);
}

/// February: 05's whistle to 供水公司, reported the next day; the problem is still open.
/// April: no whistles, only a totals row of zeros.
#[test]
fn whistles_february_and_april() {
    let dir = fixture();
    let r = json(dir.path(), TODAY, &["report", "whistles", "--month", "2024-02"]);
    assert_eq!(column(&r, "department"), ["供水公司"]);
    let keys = ["whistles", "summoned", "reported", "pending", "median_days_to_report", "problems", "resolved"];
    assert_eq!(ints(&r["total"], &keys), [1, 1, 1, 0, 1, 1, 0]);
    assert_eq!(r["total"]["resolved_rate"], 0.0);
    assert_eq!(r["total"]["median_days_to_resolve"], Value::Null);
    let r = json(dir.path(), TODAY, &["report", "whistles", "--month", "2024-04"]);
    assert_eq!(r["rows"].as_array().unwrap().len(), 0);
    assert_eq!(ints(&r["total"], &["whistles", "summoned", "problems"]), [0, 0, 0]);
}

/// `--pending`: the one summons never answered, 房产中心 for 03, waiting since 03-10 (31 days on
/// 04-10); 03 itself is resolved.
#[test]
fn whistles_pending() {
    let dir = fixture();
    let r = json(dir.path(), TODAY, &["report", "whistles", "--month", "2024-03", "--pending"]);
    assert_eq!(r["report"], "whistles-pending");
    assert_eq!(column(&r, "department"), ["房产中心"]);
    assert_eq!(column(&r, "issue"), ["I-2024-0003"]);
    assert_eq!(column(&r, "whistle"), ["2024-03-10"]);
    assert_eq!(column(&r, "days_waiting"), ["31"]);
    assert_eq!(column(&r, "status"), ["resolved"]);
    let feb = json(dir.path(), TODAY, &["report", "whistles", "--month", "2024-02", "--pending"]);
    assert_eq!(feb["rows"].as_array().unwrap().len(), 0);
    insta::assert_snapshot!(
        "whistles_pending_march_md",
        ok(dir.path(), TODAY, &["report", "whistles", "--month", "2024-03", "--pending", "--format", "md"])
    );
}

/// The month's pack gains the problems by category.
#[test]
fn export_has_the_issues_file() {
    let dir = fixture();
    let d = dir.path();
    let stdout = ok(d, TODAY, &["export", "--month", "2024-03", "--out", "pack", "--no-bom"]);
    assert!(stdout.contains("pack/2024-03-诉求办理.csv（9 行）"), "{stdout}");
    let text = std::fs::read_to_string(d.join("pack/2024-03-诉求办理.csv")).unwrap();
    let c = report_support::parse_csv(&text);
    assert_eq!(csv_column(&c, "类别").last().unwrap(), "合计");
    assert_eq!(c.last().unwrap()[1..5], ["8", "6", "75.0%", "4"]);
}

#[test]
fn snapshots() {
    let dir = fixture();
    let d = dir.path();
    insta::assert_snapshot!(
        "report_issues_march_table",
        ok(d, TODAY, &["report", "issues", "--month", "2024-03", "--format", "table"])
    );
    insta::assert_snapshot!(
        "report_issues_march_md_en",
        ok(d, TODAY, &["report", "issues", "--month", "2024-03", "--format", "md", "--lang", "en"])
    );
    insta::assert_snapshot!(
        "report_issues_march_by_department_csv_en",
        lf(&ok(
            d,
            TODAY,
            &["report", "issues", "--month", "2024-03", "--by", "department", "--format", "csv", "--lang", "en"]
        ))
    );
    insta::assert_snapshot!(
        "report_whistles_march_table",
        ok(d, TODAY, &["report", "whistles", "--month", "2024-03", "--format", "table"])
    );
}

/// `gov report` with flags is still the ledger summary; flags before a subcommand are refused;
/// a bad `--by` is a usage error.
#[test]
fn subcommands_and_the_ledger_summary() {
    let dir = fixture();
    let d = dir.path();
    let ledger = json(d, TODAY, &["report", "--month", "2024-03", "--by", "grid"]);
    assert_eq!(ledger["report"], "report-grid");
    let out = usage_error(d, TODAY, &["report", "--month", "2024-03", "issues"]);
    assert!(out.stderr.contains("issues"), "{}", out.stderr);
    let out = usage_error(d, TODAY, &["report", "issues", "--by", "member"]);
    insta::assert_snapshot!("report_issues_bad_by", lf(&out.snapshot(&[d])));
    let out = usage_error(d, TODAY, &["report", "whistles", "--month", "2024-13"]);
    assert!(out.stderr.contains("`2024-13` is not a month"), "{}", out.stderr);
}

/// On the demo folder: 680 problems received and 623 resolved in 2022, as `gov stats` says.
#[test]
fn xiawo_2022_agrees_with_stats() {
    let xiawo = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/xiawo");
    let m = json(&xiawo, "2022-12-31", &["report", "issues", "--year", "2022"]);
    let m = &m["rows"][0];
    assert_eq!(m["resolved"], 623);
    assert_eq!(m["received"], 680);
    let s = json(&xiawo, "2022-12-31", &["stats", "--year", "2022"]);
    assert_eq!(figure(&s, "period", "resolved")[3], 623);
    assert_eq!(figure(&s, "period", "open")[3], m["open"].as_i64().unwrap());
    // Plausible: nearly every problem answered within a day, most resolved on time, every
    // numerator within its denominator.
    let n = |k: &str| m[k].as_i64().unwrap();
    assert!(n("responded") <= n("received") && n("responded") * 10 > n("received") * 9);
    assert!(n("on_time") <= n("resolved") && n("on_time") * 2 > n("resolved"));
    assert!(n("followed_up") + n("unreachable") <= n("resolved"));
    assert!(n("solved") <= n("followed_up") && n("satisfied") <= n("followed_up"));
    assert!(n("overdue") <= n("open"));
    assert_eq!(n("open_0_7") + n("open_8_15") + n("open_16_30") + n("open_over_30"), n("open"));
    let w = json(&xiawo, "2022-12-31", &["report", "whistles", "--year", "2022"]);
    assert_eq!(w["total"]["whistles"], figure(&s, "period", "whistles")[3]);
}
