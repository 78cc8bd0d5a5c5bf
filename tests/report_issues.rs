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
const COUNTS: [&str; 18] = [
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
    "awaiting_rework",
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
    assert!(out.stdout.contains("checked 4 grids, 2 members, 2 households, 0 visits, 10 issues: 0 errors, 0 warnings"));
}

/// March 2024: every figure, by hand (see tests/issue_support). 10 (resolved in time, then found
/// unsolved and unsatisfying at follow-up, nothing since) is awaiting rework: it counts as
/// received, responded, resolved on time and followed up (not solved, not satisfied), and, being
/// open again, in the open, overdue and ageing figures. What it changes, figure by figure (without
/// it: 8 6 4 2 | 7 16 | 3 1 3 2 | 1 | 4 2 0 | 1 1 1 1):
/// received +1, responded +1 (dispatched the day received), resolved +1, on time +1 (03-22 ≤ due
/// 03-25); days 3 7 7 16 gain a 4: 3 4 7 7 16, median the 3rd (7), 90th percentile the ⌈4.5⌉ = 5th
/// (16), both unchanged; followed up +1; unreachable, solved, satisfied, reopened unchanged (it is
/// not reopened: nothing since the follow-up); open +1, overdue +1 (due 03-25, open on 03-31),
/// awaiting rework 1; ageing 8–15 days +1 (13 days old on 03-31).
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
            9, 7, // received (not 05, from February); responded within a day: not 02 (2 days), 06 (none)
            5, 3, // resolved 01 02 03 08 10; on time 01 (03-08 = due), 08 (03-12 = due), 10 (03-22)
            7, 16, // days 3 4 7 7 16: median the 3rd, 90th percentile the 5th
            4, 1, // followed up 01 02 08 10; 03's only call was unreachable
            3, 2, // 01 02 08 say solved (10 not); satisfied 01 08 (02 only basically, 10 unsatisfied)
            1, // 02 reopened
            5, 3,
            1, // open on 03-31: 04 05 06 09 10; overdue 05 (due 02-25), 06 (03-22), 10 (03-25); 10 awaits rework
            1, 2, 1, 1, // 04 is 6 days old, 09 11 and 10 13, 06 16, 05 50
        ]
    );
    // Each rate is its numerator over its denominator, both in the table.
    assert_eq!(m["response_rate"], 0.7778); // 7 / 9 (was 6 / 8)
    assert_eq!(m["on_time_rate"], 0.6); // 3 / 5 (was 2 / 4)
    assert_eq!(m["follow_up_rate"], 0.8); // 4 / 5 resolved (was 3 / 4)
    assert_eq!(m["solved_rate"], 0.75); // 3 / 4 followed up (was 3 / 3)
    assert_eq!(m["satisfaction_rate"], 0.5); // 2 / 4 followed up, the unreachable call not one (was 2 / 3)
    assert_eq!(m["reopen_rate"], 0.2); // 1 / 5 resolved (was 1 / 4)
}

/// The same month as of 03-23, before 10's follow-up: 10 is resolved, not open; on 03-24 the
/// unsatisfied call leaves it awaiting rework and open again. Reopening it (03-26) takes it out
/// of rework but keeps it open; resolving it again (03-28) without a reopening closes the open
/// count too, and a satisfied call (03-29) closes it.
#[test]
fn rework_on_the_as_of_date() {
    let dir = fixture();
    let d = dir.path();
    let open = |today: &str| {
        let r = json(d, today, &["report", "issues", "--month", "2024-03"]);
        ints(&r["rows"][0], &["open", "overdue", "awaiting_rework"])
    };
    // 03-23: open 05 06 09 (04 not yet received); overdue 05 (06 is due 03-22: overdue too).
    assert_eq!(open("2024-03-23"), [3, 2, 0]);
    // 03-24: and 10, awaiting rework (due 03-25: not yet overdue).
    assert_eq!(open("2024-03-24"), [4, 2, 1]);
    let file = "issues/2024/I-2024-0010.yaml";
    edit(d, file, "仍有异味}", "仍有异味}\n  - {date: 2024-03-28, action: 办结, note: 更换存水弯}");
    assert_eq!(open("2024-03-31"), [4, 2, 0]); // resolved again: 04 05 06 09 open, 05 06 overdue
    edit(d, file, "更换存水弯}", "更换存水弯}\n  - {date: 2024-03-29, action: 回访, solved: 是, satisfaction: 满意}");
    let r = json(d, TODAY, &["report", "issues", "--month", "2024-03"]);
    // Its period's resolution is now 03-28 (10 days, late), followed up solved and satisfied.
    assert_eq!(ints(&r["rows"][0], &["resolved", "on_time", "followed_up", "solved", "satisfied"]), [5, 2, 4, 4, 3]);
    let out = run(d, TODAY, &["--lang", "en", "check"]);
    assert_eq!(out.code, Some(0), "{}", out.stdout);
}

/// With --count-basic, 02's 基本满意 counts: 3 of 4 (10 is unsatisfied).
#[test]
fn count_basic() {
    let dir = fixture();
    let m = overall(dir.path(), &["--month", "2024-03", "--count-basic"]);
    assert_eq!(m["satisfied_or_basic"], 3);
    assert_eq!(m["satisfaction_rate"], 0.75);
    assert!(m.get("satisfied").is_none());
    let c = csv(dir.path(), TODAY, &["report", "issues", "--month", "2024-03", "--count-basic"]);
    assert_eq!(csv_column(&c, "满意及基本满意件数"), ["3"]);
    assert_eq!(csv_column(&c, "满意率"), ["75.0%"]);
}

/// April: 04, received in March, is resolved (a day late: due 04-01, resolved 04-02, 8 days) and
/// followed up. Open as of today (04-10, the month is still running): 05 (60 days), 06 (26), 09
/// (21, due 04-04), and 10 (23, due 03-25, awaiting rework), all overdue.
#[test]
fn april_counts_the_march_problem_resolved_in_april() {
    let dir = fixture();
    let m = overall(dir.path(), &["--month", "2024-04"]);
    assert_eq!(ints(&m, &COUNTS), [0, 0, 1, 0, 8, 8, 1, 0, 1, 1, 0, 4, 4, 1, 0, 0, 3, 1]);
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
    assert_eq!(ints(&m, &COUNTS[11..]), [1, 1, 0, 0, 0, 1, 0]);
}

/// `response_days` in gov.yaml moves the response limit: with 2 days 02 is in time too (7 + 1);
/// with 0 only same-day answers count (01, 03, 07, 10).
#[test]
fn response_days_is_configurable() {
    let dir = fixture();
    edit(dir.path(), "gov.yaml", "response_days: 1", "response_days: 2");
    assert_eq!(overall(dir.path(), &["--month", "2024-03"])["responded"], 8);
    edit(dir.path(), "gov.yaml", "response_days: 2", "response_days: 0");
    assert_eq!(overall(dir.path(), &["--month", "2024-03"])["responded"], 4);
    edit(dir.path(), "gov.yaml", "response_days: 0", "response_days: soon");
    let out = run(dir.path(), TODAY, &["--lang", "en", "check"]);
    assert!(out.stdout.contains("`response_days` value `soon` is not a whole number from 0 to 3660"), "{}", out.stdout);
}

/// The problem figures agree with `gov stats`, which now carries the rates too.
#[test]
fn stats_agrees() {
    let dir = fixture();
    let s = json(dir.path(), TODAY, &["stats", "--month", "2024-03"]);
    // [resident, in_service, mobile, total]; M1 recorded 01 03 05 06 08 10, M2 02 04 09; 07
    // nobody. 10, awaiting rework on 03-31, is open.
    assert_eq!(figure(&s, "period", "received"), [5, 3, 0, 9]);
    assert_eq!(figure(&s, "period", "resolved"), [4, 1, 0, 5]);
    assert_eq!(figure(&s, "period", "open"), [3, 2, 0, 5]);
    // As text: a rate with no denominator is null, shown as "".
    let rate = |f: &str| -> Vec<String> {
        let r = report_support::rows(&s).iter().find(|r| r["scope"] == "period" && r["figure"] == f).unwrap();
        ["resident", "in_service", "mobile", "total"].iter().map(|k| report_support::text(&r[*k])).collect()
    };
    // M1: responded 01 03 08 10 of 01 03 06 08 10; M2: 04 09 of 02 04 09; total 7 of 9.
    assert_eq!(rate("response_rate"), ["0.8", "0.6667", "", "0.7778"]);
    // M1: on time 01 08 10 of 01 03 08 10; M2: 02 late; total 3 of 5.
    assert_eq!(rate("on_time_rate"), ["0.75", "0.0", "", "0.6"]);
    // M1: followed up 01 08 10 of 4 (03 unreachable); M2: 02; total 4 of 5.
    assert_eq!(rate("follow_up_rate"), ["0.75", "1.0", "", "0.8"]);
    // M1: solved 01 08 of 01 08 10; M2: 02; total 3 of 4.
    assert_eq!(rate("solved_rate"), ["0.6667", "1.0", "", "0.75"]);
    // M1: satisfied 01 08 of 3; M2: 02 only basically; total 2 of 4.
    assert_eq!(rate("satisfaction_rate"), ["0.6667", "0.0", "", "0.5"]);
    assert_eq!(rate("reopen_rate"), ["0.0", "1.0", "", "0.2"]);
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
    assert_eq!(
        ints(row(&r, "category", "property"), &COUNTS),
        [1, 0, 1, 0, 16, 16, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0]
    );
    // 01 and 10 (用水): 10 awaits rework.
    assert_eq!(
        ints(row(&r, "category", "water"), &["received", "resolved", "followed_up", "solved", "awaiting_rework"]),
        [2, 2, 2, 1, 1]
    );
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
    // G11: 01 03 05 06 08 10. Received 01 03 06 08 10, answered in time all but 06; resolved 01 03
    // 08 10, on time 01 08 10; days 3 4 7 7: median the 2nd (4), 90th percentile the ⌈3.6⌉ = 4th
    // (7); followed up 01 08 10 (03 unreachable), solved and satisfied 01 08; open 05 (50 days) 06
    // (16) 10 (13, awaiting rework), all overdue.
    assert_eq!(ints(row(&r, "grid", "G11"), &COUNTS), [5, 4, 4, 3, 4, 7, 3, 1, 2, 2, 0, 3, 3, 1, 0, 1, 1, 1]);
    // G2: 02 04 09. 02 late answer, resolved late after reopening, basically satisfied; open 04
    // (6 days) and 09 (11), neither overdue.
    assert_eq!(ints(row(&r, "grid", "G2"), &COUNTS), [3, 2, 1, 0, 16, 16, 1, 0, 1, 0, 1, 2, 0, 0, 1, 1, 0, 0]);
    // 07: received and answered (the duplicate) the same day.
    assert_eq!(ints(row(&r, "grid", "none"), &["received", "responded", "resolved", "open"]), [1, 1, 0, 0]);
    assert_eq!(ints(&r["total"], &COUNTS[..4]), [9, 7, 5, 3]);
}

/// By department summoned: 03 counts under both 城管局 and 房产中心, 05 (whistled in February)
/// under 供水公司 with 08; the totals row counts every problem once.
#[test]
fn by_department() {
    let dir = fixture();
    let r = json(dir.path(), TODAY, &["report", "issues", "--month", "2024-03", "--by", "department"]);
    assert_eq!(column(&r, "department"), ["城管局", "房产中心", "供水公司", "none"]);
    let three = [1, 1, 1, 0, 3, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    assert_eq!(ints(row(&r, "department", "城管局"), &COUNTS), three);
    assert_eq!(ints(row(&r, "department", "房产中心"), &COUNTS), three);
    // 08 resolved on its due date in 7 days, satisfied; 05 open 50 days, overdue.
    assert_eq!(
        ints(row(&r, "department", "供水公司"), &COUNTS),
        [1, 1, 1, 1, 7, 7, 1, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0, 1]
    );
    // Never whistled: 01 02 04 06 07 09 10. Resolved 01 02 10 (days 7 16 4: median 7, 90th 16),
    // on time 01 10; followed up all three, solved 01 02, satisfied 01; open 04 (6 days) 06 (16)
    // 09 (11) 10 (13), overdue 06 10; 10 awaits rework.
    assert_eq!(ints(row(&r, "department", "none"), &COUNTS), [7, 5, 3, 2, 7, 16, 3, 0, 2, 1, 1, 4, 2, 1, 1, 2, 1, 0]);
    assert_eq!(ints(&r["total"], &COUNTS[..3]), [9, 7, 5]);
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
    assert!(stdout.contains("pack/2024-03-诉求办理.csv（9 行）"), "{stdout}"); // 10 is 用水, a category there already
    let text = std::fs::read_to_string(d.join("pack/2024-03-诉求办理.csv")).unwrap();
    let c = report_support::parse_csv(&text);
    assert_eq!(csv_column(&c, "类别").last().unwrap(), "合计");
    assert_eq!(c.last().unwrap()[1..5], ["9", "7", "77.8%", "5"]);
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
