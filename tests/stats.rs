//! `gov stats` end to end: headline figures for a period and cumulatively, by member kind, on
//! the hand-counted fixture `tests/fixtures/reports` (described in `tests/report_support`), and
//! the source article's figures on the demo folder `examples/xiawo`.

mod common;
mod report_support;

use std::path::Path;

use report_support::{TODAY, figure, fixture, json, ok, run, usage_error};

/// Every figure of January 2024, for the month and cumulatively (December + January).
#[test]
fn january_period_and_cumulative() {
    let dir = fixture();
    let s = json(dir.path(), TODAY, &["stats", "--month", "2024-01"]);
    assert_eq!(s["report"], "stats");
    assert_eq!(s["title"], "测试社区党员联系户工作统计（2024-01）");
    // [resident, in_service, mobile, total]; resident = M01 M05, in_service = M02 M03, mobile = M04.
    let period = |f| figure(&s, "period", f);
    // Visits #5-#10: M01 ×3, M03 ×1, M04 ×2. M02 only came along (`with`) and does not count.
    assert_eq!(period("members_visiting"), [1, 1, 1, 3]);
    // H01 {M01}, H02 {M01, M03}, H03 {M03}, H04 {M04}, H05 {M02}, H06 {M04, M05}; only active
    // members count, and M05 has transferred: resident = H01 H02 (M01).
    assert_eq!(period("linked_households"), [2, 3, 2, 6]);
    // M01: H01 H02; M03: H03; M04: H06 H04. Five distinct.
    assert_eq!(period("households_visited"), [2, 1, 2, 5]);
    assert_eq!(period("visits"), [3, 1, 2, 6]);
    assert_eq!(period("home"), [2, 1, 0, 3]); // #5 #10 (M01), #7 (M03)
    assert_eq!(period("phone"), [1, 0, 0, 1]); // #6
    assert_eq!(period("wechat"), [0, 0, 0, 0]);
    assert_eq!(period("video"), [0, 0, 1, 1]); // #8
    assert_eq!(period("group"), [0, 0, 1, 1]); // #9
    // I-0001 (M01), I-0002 (M04), I-0003 (M02) received; only I-0001 resolved in January.
    assert_eq!(period("received"), [1, 1, 1, 3]);
    assert_eq!(period("resolved"), [1, 0, 0, 1]);
    // Open on 01-31: I-0002 (dispatched) and I-0003 (dispatched).
    assert_eq!(period("open"), [0, 1, 1, 2]);
    assert_eq!(period("whistles"), [0, 0, 0, 0]);
    assert_eq!(period("registered"), [0, 1, 0, 1]); // M03 on 2024-01-10

    let cumulative = |f| figure(&s, "cumulative", f);
    // Visits #1-#10: M05 ×1 and M01 ×4 (resident), M03 ×2, M04 ×3.
    assert_eq!(cumulative("members_visiting"), [2, 1, 1, 4]);
    assert_eq!(cumulative("linked_households"), [2, 3, 2, 6]);
    // Resident: H06 (M05), H01 H02 (M01); in-service: H03; mobile: H04 H06. H05 never.
    assert_eq!(cumulative("households_visited"), [3, 1, 2, 5]);
    assert_eq!(cumulative("visits"), [5, 2, 3, 10]);
    assert_eq!(cumulative("home"), [4, 1, 0, 5]); // #1 #2 #5 #10, #7
    assert_eq!(cumulative("phone"), [1, 0, 1, 2]); // #6, #3
    assert_eq!(cumulative("wechat"), [0, 1, 0, 1]); // #4
    assert_eq!(cumulative("video"), [0, 0, 1, 1]);
    assert_eq!(cumulative("group"), [0, 0, 1, 1]);
    assert_eq!(cumulative("received"), [1, 1, 1, 3]);
    assert_eq!(cumulative("resolved"), [1, 0, 0, 1]);
    assert_eq!(cumulative("open"), [0, 1, 1, 2]);
    assert_eq!(cumulative("whistles"), [0, 0, 0, 0]);
    assert_eq!(cumulative("registered"), [0, 2, 0, 2]); // M02 2023-12-15, M03 2024-01-10
}

/// February 2024 has 29 days: the two visits and the whistle on the 29th are in the month.
#[test]
fn february_includes_the_leap_day() {
    let dir = fixture();
    let s = json(dir.path(), TODAY, &["stats", "--month", "2024-02"]);
    let period = |f| figure(&s, "period", f);
    // #11 M03 phone H02, #12 M01 wechat H01, #13 M04 home H04, #14 M01 home H02.
    assert_eq!(period("members_visiting"), [1, 1, 1, 3]);
    assert_eq!(period("households_visited"), [2, 1, 1, 3]);
    assert_eq!(period("visits"), [2, 1, 1, 4]);
    assert_eq!(period("home"), [1, 0, 1, 2]);
    assert_eq!(period("phone"), [0, 1, 0, 1]);
    assert_eq!(period("wechat"), [1, 0, 0, 1]);
    assert_eq!(period("received"), [0, 0, 1, 1]); // I-0004
    assert_eq!(period("resolved"), [0, 0, 1, 1]); // I-0002 on 02-05
    assert_eq!(period("open"), [0, 1, 1, 2]); // I-0003, I-0004
    assert_eq!(period("whistles"), [0, 0, 1, 1]); // I-0004 on 02-29
    assert_eq!(period("registered"), [0, 0, 0, 0]);

    let cumulative = |f| figure(&s, "cumulative", f);
    assert_eq!(cumulative("members_visiting"), [2, 1, 1, 4]);
    assert_eq!(cumulative("households_visited"), [3, 2, 2, 5]);
    assert_eq!(cumulative("visits"), [7, 3, 4, 14]);
    assert_eq!(cumulative("home"), [5, 1, 1, 7]);
    assert_eq!(cumulative("phone"), [1, 1, 1, 3]);
    assert_eq!(cumulative("wechat"), [1, 1, 0, 2]);
    assert_eq!(cumulative("video"), [0, 0, 1, 1]);
    assert_eq!(cumulative("group"), [0, 0, 1, 1]);
    assert_eq!(cumulative("received"), [1, 1, 2, 4]);
    assert_eq!(cumulative("resolved"), [1, 0, 1, 2]);
    assert_eq!(cumulative("open"), [0, 1, 1, 2]);
    assert_eq!(cumulative("whistles"), [0, 0, 1, 1]);
    assert_eq!(cumulative("registered"), [0, 2, 0, 2]);
}

/// Problems month by month: received in January and resolved in January (I-0001), received in
/// January and resolved in February (I-0002), open (I-0003), whistle (I-0004).
#[test]
fn problems_received_resolved_open_and_whistles_by_month() {
    let dir = fixture();
    let totals = |month: &str| {
        let s = json(dir.path(), TODAY, &["stats", "--month", month]);
        ["received", "resolved", "open", "whistles"].map(|f| figure(&s, "period", f)[3])
    };
    assert_eq!(totals("2023-12"), [0, 0, 0, 0]);
    assert_eq!(totals("2024-01"), [3, 1, 2, 0]);
    assert_eq!(totals("2024-02"), [1, 1, 2, 1]);
    assert_eq!(totals("2024-03"), [0, 0, 2, 0]);
}

#[test]
fn december_alone() {
    let dir = fixture();
    let s = json(dir.path(), TODAY, &["stats", "--month", "2023-12"]);
    // #1 M05 home H06, #2 M01 home H01, #3 M04 phone H04, #4 M03 wechat H03.
    assert_eq!(figure(&s, "period", "members_visiting"), [2, 1, 1, 4]);
    assert_eq!(figure(&s, "period", "households_visited"), [2, 1, 1, 4]);
    assert_eq!(figure(&s, "period", "visits"), [2, 1, 1, 4]);
    assert_eq!(figure(&s, "period", "home"), [2, 0, 0, 2]);
    assert_eq!(figure(&s, "period", "registered"), [0, 1, 0, 1]); // M02
    assert_eq!(figure(&s, "period", "visits"), figure(&s, "cumulative", "visits"));
}

/// A range across the new year: #3 (12-28), #4 (12-30), #5 (01-03), #6 (01-08).
#[test]
fn range_across_the_year_boundary() {
    let dir = fixture();
    let s = json(dir.path(), TODAY, &["stats", "--from", "2023-12-25", "--to", "2024/1/10"]);
    assert_eq!(s["title"], "测试社区党员联系户工作统计（2023-12-25..2024-01-10）");
    assert_eq!(figure(&s, "period", "visits"), [2, 1, 1, 4]);
    assert_eq!(figure(&s, "period", "members_visiting"), [1, 1, 1, 3]);
    assert_eq!(figure(&s, "period", "households_visited"), [2, 1, 1, 4]);
    assert_eq!(figure(&s, "period", "received"), [1, 0, 0, 1]); // I-0001 on 01-08
    assert_eq!(figure(&s, "period", "registered"), [0, 1, 0, 1]); // M03 on 01-10, the last day
    // Cumulative runs to 2024-01-10: #1-#6.
    assert_eq!(figure(&s, "cumulative", "visits"), [4, 1, 1, 6]);
}

#[test]
fn year_2024_so_far() {
    let dir = fixture();
    let s = json(dir.path(), TODAY, &["stats", "--year", "2024"]);
    assert_eq!(s["title"], "测试社区党员联系户工作统计（2024）");
    assert_eq!(figure(&s, "period", "visits"), [5, 2, 3, 10]); // #5-#14
    assert_eq!(figure(&s, "period", "members_visiting"), [1, 1, 1, 3]);
    assert_eq!(figure(&s, "period", "received"), [1, 1, 2, 4]);
    assert_eq!(figure(&s, "period", "resolved"), [1, 0, 1, 2]);
    assert_eq!(figure(&s, "cumulative", "visits"), [7, 3, 4, 14]);
}

/// No period flag: the month of --today (March 2024, no visits yet); cumulative is everything.
#[test]
fn default_period_is_the_month_of_today() {
    let dir = fixture();
    let s = json(dir.path(), TODAY, &["stats"]);
    assert_eq!(s["title"], "测试社区党员联系户工作统计（2024-03）");
    assert_eq!(figure(&s, "period", "visits"), [0, 0, 0, 0]);
    assert_eq!(figure(&s, "period", "members_visiting"), [0, 0, 0, 0]);
    assert_eq!(figure(&s, "cumulative", "visits"), [7, 3, 4, 14]);
    // `--from` alone runs to today.
    let s = json(dir.path(), TODAY, &["stats", "--from", "2024-02-20"]);
    assert_eq!(s["title"], "测试社区党员联系户工作统计（2024-02-20..2024-03-01）");
    assert_eq!(figure(&s, "period", "visits"), [2, 0, 1, 3]); // #12 #13 #14
}

/// GOV_TODAY and GOV_DATA stand in for the flags; `last-month` in January is December.
#[test]
fn today_and_data_from_the_environment() {
    let dir = fixture();
    let mut cmd = common::gov(Path::new("/"));
    cmd.env("GOV_TODAY", "2024-01-05").env("GOV_DATA", dir.path()).args(["stats", "--month", "last-month"]);
    let out = common::Outcome::of(cmd.args(["--format", "json"]));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let s: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(s["title"], "测试社区党员联系户工作统计（2023-12）");
    assert_eq!(figure(&s, "period", "visits"), [2, 1, 1, 4]);

    let mut cmd = common::gov(Path::new("/"));
    cmd.env("GOV_TODAY", "2024-02-10").env("GOV_DATA", dir.path()).args(["stats", "--format", "json"]);
    let s: serde_json::Value = serde_json::from_str(&common::Outcome::of(&mut cmd).stdout).unwrap();
    assert_eq!(s["title"], "测试社区党员联系户工作统计（2024-02）");
    // A flag wins over the environment.
    cmd.args(["--today", "2024-01-05"]);
    let s: serde_json::Value = serde_json::from_str(&common::Outcome::of(&mut cmd).stdout).unwrap();
    assert_eq!(s["title"], "测试社区党员联系户工作统计（2024-01）");
}

#[test]
fn bad_periods_are_usage_errors() {
    let dir = fixture();
    let d = dir.path();
    let out = usage_error(d, TODAY, &["stats", "--month", "2024-13"]);
    assert!(out.stderr.contains("`2024-13` is not a month"), "{}", out.stderr);
    let out = usage_error(d, TODAY, &["stats", "--from", "2024-02-01", "--to", "2024-01-01"]);
    assert!(out.stderr.contains("--from 2024-02-01 is after --to 2024-01-01"), "{}", out.stderr);
    usage_error(d, TODAY, &["stats", "--month", "2024-01", "--year", "2024"]);
    // 2023 had no 29 February.
    usage_error(d, "2023-02-29", &["stats"]);
    assert_eq!(run(d, "2024-02-29", &["stats"]).code, Some(0));
}

#[test]
fn table_snapshot() {
    let dir = fixture();
    insta::assert_snapshot!(
        "stats_2024_01_table",
        ok(dir.path(), TODAY, &["stats", "--month", "2024-01", "--format", "table"])
    );
    insta::assert_snapshot!(
        "stats_2024_02_csv_en",
        report_support::lf(&ok(dir.path(), TODAY, &["stats", "--month", "2024-02", "--lang", "en"]))
    );
}

/// The source article's figures on the generated demo folder (examples/generate.rs,
/// `--scale demo --seed 1`): 282 members who visited, 5,420 visits, 623 problems resolved in 2022.
#[test]
fn xiawo_reproduces_the_source_figures() {
    let xiawo = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/xiawo");
    assert!(
        xiawo.join("gov.yaml").is_file(),
        "examples/xiawo is missing; generate it with \
         `cargo run --release --example generate -- --scale demo --out examples/xiawo --seed 1`"
    );
    let s = json(&xiawo, "2023-01-01", &["stats", "--year", "2022"]);
    assert_eq!(figure(&s, "period", "members_visiting")[3], 282);
    assert_eq!(figure(&s, "period", "visits")[3], 5420);
    assert_eq!(figure(&s, "period", "resolved")[3], 623);
    // docs/metrics.md: "more than 500 in-service members registered (cumulative)".
    assert!(figure(&s, "cumulative", "registered")[3] > 500);
}
