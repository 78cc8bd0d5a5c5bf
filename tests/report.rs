//! `gov report` end to end: the ledger summary by member, grid and branch, with its totals row,
//! on the hand-counted fixture `tests/fixtures/reports` (described in `tests/report_support`).
//! Count columns are compared in the order of `report_support::COUNTS`:
//! linked, visited, visits, home, phone, wechat, video, group, overdue, raised, resolved.

mod common;
mod report_support;

use report_support::{COUNTS, TODAY, column, csv, csv_column, fixture, ints, json, ok, row, run, usage_error};

/// The fixture is clean: no errors, and the one warning is the transferred member still linked.
#[test]
fn fixture_passes_check() {
    let dir = fixture();
    let out = run(dir.path(), TODAY, &["--lang", "en", "check"]);
    assert_eq!(out.code, Some(0), "{}", out.stdout);
    assert!(out.stdout.contains("checked 3 grids, 5 members, 6 households, 14 visits, 4 issues: 0 errors, 1 warning"));
    assert!(out.stdout.contains("households.csv:7: warning[inactive-contact]"), "{}", out.stdout);
}

/// January 2024. Overdue is as of 01-31: H02 (yellow, last 01-08, due 01-22) and H05 (never).
#[test]
fn by_member_january() {
    let dir = fixture();
    let r = json(dir.path(), TODAY, &["report", "--month", "2024-01"]);
    assert_eq!(r["report"], "report-member");
    assert_eq!(r["title"], "测试社区走访台账汇总（2024-01，按党员）");
    // M02 has no visits (only came along on #5) and comes last; M05 is transferred and did not
    // visit in January, so is not listed.
    assert_eq!(column(&r, "member"), ["M01", "M03", "M04", "M02"]);
    assert_eq!(column(&r, "kind"), ["resident", "in_service", "mobile", "in_service"]);
    // M01: H01 H02; visits #5 #6 #10; raised I-0001; I-0001 (H02) resolved 01-15.
    assert_eq!(ints(row(&r, "member", "M01"), &COUNTS), [2, 2, 3, 2, 1, 0, 0, 0, 1, 1, 1]);
    // M03: H02 H03; visit #7 to H03 only; H02 overdue; I-0001 is about H02.
    assert_eq!(ints(row(&r, "member", "M03"), &COUNTS), [2, 1, 1, 1, 0, 0, 0, 0, 1, 0, 1]);
    // M04: H04 H06; #8 video, #9 group; raised I-0002, resolved only in February.
    assert_eq!(ints(row(&r, "member", "M04"), &COUNTS), [2, 2, 2, 0, 0, 0, 1, 1, 0, 1, 0]);
    assert_eq!(ints(row(&r, "member", "M02"), &COUNTS), [1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
    // Totals over the union: H02 (linked to M01 and M03) counts once.
    assert_eq!(ints(&r["total"], &COUNTS), [6, 5, 6, 3, 1, 0, 1, 1, 2, 2, 1]);
    assert_eq!(r["total"]["member"], serde_json::Value::Null);
    assert_eq!(r["total"]["coverage"], 0.8333);

    let c = csv(dir.path(), TODAY, &["report", "--month", "2024-01"]);
    assert_eq!(csv_column(&c, "走访覆盖率"), ["100.0%", "50.0%", "100.0%", "0.0%", "83.3%"]);
    assert_eq!(csv_column(&c, "党员编号"), ["M01", "M03", "M04", "M02", "合计"]);
}

/// December 2023: the transferred member M05 visited (#1), so is listed; M02 last.
/// Overdue as of 12-31: H01 (red, due 12-27), H02 and H05 (never), H06 (yellow, due 12-19).
#[test]
fn by_member_december_lists_the_transferred_member_who_visited() {
    let dir = fixture();
    let r = json(dir.path(), TODAY, &["report", "--month", "2023-12"]);
    assert_eq!(column(&r, "member"), ["M01", "M03", "M04", "M05", "M02"]);
    assert_eq!(ints(row(&r, "member", "M01"), &COUNTS), [2, 1, 1, 1, 0, 0, 0, 0, 2, 0, 0]);
    assert_eq!(ints(row(&r, "member", "M03"), &COUNTS), [2, 1, 1, 0, 0, 1, 0, 0, 1, 0, 0]);
    assert_eq!(ints(row(&r, "member", "M04"), &COUNTS), [2, 1, 1, 0, 1, 0, 0, 0, 1, 0, 0]);
    assert_eq!(ints(row(&r, "member", "M05"), &COUNTS), [1, 1, 1, 1, 0, 0, 0, 0, 1, 0, 0]);
    assert_eq!(ints(row(&r, "member", "M02"), &COUNTS), [1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
    assert_eq!(ints(&r["total"], &COUNTS), [6, 4, 4, 2, 1, 1, 0, 0, 4, 0, 0]);
    let c = csv(dir.path(), TODAY, &["report", "--month", "2023-12"]);
    assert_eq!(csv_column(&c, "走访覆盖率"), ["50.0%", "50.0%", "50.0%", "100.0%", "0.0%", "66.7%"]);
    assert_eq!(csv_column(&c, "类别"), ["社区党员", "在职党员", "流动党员", "社区党员", "在职党员", ""]);
}

/// February 2024 ends on the 29th: overdue as of 02-29 is H01 (due 02-27), H03 (due 02-14),
/// H05 (never) and H06 (due 02-03); H02 and H04 were visited on the 29th.
#[test]
fn by_member_february_to_the_leap_day() {
    let dir = fixture();
    let r = json(dir.path(), TODAY, &["report", "--month", "2024-02"]);
    assert_eq!(column(&r, "member"), ["M01", "M03", "M04", "M02"]);
    assert_eq!(ints(row(&r, "member", "M01"), &COUNTS), [2, 2, 2, 1, 0, 1, 0, 0, 1, 0, 0]);
    assert_eq!(ints(row(&r, "member", "M03"), &COUNTS), [2, 1, 1, 0, 1, 0, 0, 0, 1, 0, 0]);
    // M04: #13 raised I-0004; I-0002 (H06) resolved 02-05.
    assert_eq!(ints(row(&r, "member", "M04"), &COUNTS), [2, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1]);
    assert_eq!(ints(row(&r, "member", "M02"), &COUNTS), [1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
    assert_eq!(ints(&r["total"], &COUNTS), [6, 3, 4, 2, 1, 1, 0, 0, 4, 1, 1]);
    assert_eq!(r["total"]["coverage"], 0.5);
}

/// No period: March 2024, which has no visits yet, so every row has none and the rows keep
/// file order. Overdue is as of today (03-01): H01, H03, H05, H06.
#[test]
fn current_month_overdue_as_of_today() {
    let dir = fixture();
    let r = json(dir.path(), TODAY, &["report"]);
    assert_eq!(r["title"], "测试社区走访台账汇总（2024-03，按党员）");
    assert_eq!(column(&r, "member"), ["M01", "M02", "M03", "M04"]);
    assert_eq!(column(&r, "overdue"), ["1", "1", "1", "1"]);
    assert_eq!(column(&r, "coverage"), ["0.0", "0.0", "0.0", "0.0"]);
    assert_eq!(ints(&r["total"], &COUNTS), [6, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0]);
}

#[test]
fn by_grid_january() {
    let dir = fixture();
    let r = json(dir.path(), TODAY, &["report", "--by", "grid", "--month", "2024-01"]);
    assert_eq!(r["report"], "report-grid");
    assert_eq!(column(&r, "grid"), ["G1", "G2"]);
    assert_eq!(column(&r, "grid_name"), ["一网格", "二网格"]);
    let members = ["members", "members_visiting"];
    // G1: H01 H02 H03; members M01 M03; visits #5 #6 #7 #10.
    let g1 = row(&r, "grid", "G1");
    assert_eq!(ints(g1, &members), [2, 2]);
    assert_eq!(ints(g1, &COUNTS), [3, 3, 4, 3, 1, 0, 0, 0, 1, 1, 1]);
    // G2: H04 H05 H06; members M04 M02 (M05 is not listed in January); visits #8 #9 by M04.
    let g2 = row(&r, "grid", "G2");
    assert_eq!(ints(g2, &members), [2, 1]);
    assert_eq!(ints(g2, &COUNTS), [3, 2, 2, 0, 0, 0, 1, 1, 1, 1, 0]);
    assert_eq!(ints(&r["total"], &members), [4, 3]);
    assert_eq!(ints(&r["total"], &COUNTS), [6, 5, 6, 3, 1, 0, 1, 1, 2, 2, 1]);
    let c = csv(dir.path(), TODAY, &["report", "--by", "grid", "--month", "2024-01"]);
    assert_eq!(csv_column(&c, "网格编号"), ["G1", "G2", "合计"]);
    assert_eq!(csv_column(&c, "走访覆盖率"), ["100.0%", "66.7%", "83.3%"]);
}

#[test]
fn by_branch_january_and_december() {
    let dir = fixture();
    let members = ["members", "members_visiting"];
    let r = json(dir.path(), TODAY, &["report", "--by", "branch", "--month", "2024-01"]);
    assert_eq!(r["report"], "report-branch");
    assert_eq!(column(&r, "branch"), ["第一支部", "第二支部"]);
    // 第一支部: M01 M03 M02 → H01 H02 H03 H05; visits #5 #6 #7 #10.
    let one = row(&r, "branch", "第一支部");
    assert_eq!(ints(one, &members), [3, 2]);
    assert_eq!(ints(one, &COUNTS), [4, 3, 4, 3, 1, 0, 0, 0, 2, 1, 1]);
    // 第二支部: M04 only in January (M05 transferred, no visits) → H04 H06.
    let two = row(&r, "branch", "第二支部");
    assert_eq!(ints(two, &members), [1, 1]);
    assert_eq!(ints(two, &COUNTS), [2, 2, 2, 0, 0, 0, 1, 1, 0, 1, 0]);
    assert_eq!(ints(&r["total"], &members), [4, 3]);
    assert_eq!(ints(&r["total"], &COUNTS), [6, 5, 6, 3, 1, 0, 1, 1, 2, 2, 1]);

    let r = json(dir.path(), TODAY, &["report", "--by", "branch", "--month", "2023-12"]);
    // December: M05 visited, so 第二支部 has M04 and M05; overdue as of 12-31: H01 H02 H05 H06.
    assert_eq!(ints(row(&r, "branch", "第一支部"), &members), [3, 2]);
    assert_eq!(ints(row(&r, "branch", "第一支部"), &COUNTS), [4, 2, 2, 1, 0, 1, 0, 0, 3, 0, 0]);
    assert_eq!(ints(row(&r, "branch", "第二支部"), &members), [2, 2]);
    assert_eq!(ints(row(&r, "branch", "第二支部"), &COUNTS), [2, 2, 2, 1, 1, 0, 0, 0, 1, 0, 0]);
    assert_eq!(ints(&r["total"], &members), [5, 4]);
    assert_eq!(ints(&r["total"], &COUNTS), [6, 4, 4, 2, 1, 1, 0, 0, 4, 0, 0]);
    let c = csv(dir.path(), TODAY, &["report", "--by", "branch", "--month", "2023-12"]);
    assert_eq!(csv_column(&c, "支部"), ["第一支部", "第二支部", "合计"]);
    assert_eq!(csv_column(&c, "走访覆盖率"), ["50.0%", "100.0%", "66.7%"]);
}

/// `--grid` by name, with `last-month` (February, as today is 2024-03-01): M01 and M03, whose
/// households in 一网格 are H01 H02 H03; visits #11 #12 #14; overdue as of 02-29: H01 H03.
#[test]
fn grid_filter() {
    let dir = fixture();
    let r = json(dir.path(), TODAY, &["report", "--grid", "一网格", "--month", "last-month"]);
    assert_eq!(r["title"], "测试社区走访台账汇总（2024-02，按党员）");
    assert_eq!(column(&r, "member"), ["M01", "M03"]);
    assert_eq!(ints(&r["total"], &COUNTS), [3, 2, 3, 1, 1, 1, 0, 0, 2, 0, 0]);
    let c = csv(dir.path(), TODAY, &["report", "--grid", "G2", "--month", "2024-01"]);
    assert_eq!(csv_column(&c, "党员编号"), ["M04", "M02", "合计"]);
}

#[test]
fn member_filter() {
    let dir = fixture();
    let r = json(dir.path(), TODAY, &["report", "--member", "陈静", "--month", "2024-01"]);
    assert_eq!(column(&r, "member"), ["M04"]);
    assert_eq!(ints(&r["rows"][0], &COUNTS), ints(&r["total"], &COUNTS));
    // A member without visits still gets a row (and a total).
    let r = json(dir.path(), TODAY, &["report", "--member", "M02", "--month", "2024-01"]);
    assert_eq!(column(&r, "name"), ["周敏"]);
    assert_eq!(ints(&r["total"], &COUNTS), [1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
    // By branch, one member is one branch of one.
    let r = json(dir.path(), TODAY, &["report", "--by", "branch", "--member", "李强", "--month", "2024-01"]);
    assert_eq!(ints(&r["total"], &["members", "members_visiting"]), [1, 1]);
    assert_eq!(ints(&r["total"], &COUNTS), [2, 1, 1, 1, 0, 0, 0, 0, 1, 0, 1]);

    let out = usage_error(dir.path(), TODAY, &["report", "--member", "张三"]);
    assert!(out.stderr.contains("no member matches `张三`"), "{}", out.stderr);
}

/// `report --grid G` should count only the visits to G's households, as `visit list --grid G`
/// and the G row of `report --by grid` do. Here M03 (一网格) also looks after H05 (二网格) and
/// visits it on 2024-01-28.
#[test]

fn grid_filter_counts_only_visits_in_the_grid() {
    let dir = fixture();
    let d = dir.path();
    report_support::edit(d, "households.csv", "冯女士,13600006666,3,green,,M02", "冯女士,13600006666,3,green,,M02;M03");
    let mut visits = std::fs::read_to_string(d.join("visits/2024-01.csv")).unwrap();
    visits.push_str("2024-01-28,M03,H05,home,顺路看望,,,\n");
    std::fs::write(d.join("visits/2024-01.csv"), visits).unwrap();

    let listed = csv(d, TODAY, &["visit", "list", "--grid", "G1", "--month", "2024-01"]).len() - 1;
    assert_eq!(listed, 4); // #5 #6 #7 #10
    let by_grid = json(d, TODAY, &["report", "--by", "grid", "--month", "2024-01"]);
    assert_eq!(ints(row(&by_grid, "grid", "G1"), &["visits"]), [4]);
    let r = json(d, TODAY, &["report", "--grid", "G1", "--month", "2024-01"]);
    // M03 in 一网格: linked H02 H03, one visit there (#7).
    assert_eq!(ints(row(&r, "member", "M03"), &COUNTS), [2, 1, 1, 1, 0, 0, 0, 0, 1, 0, 1]);

    assert_eq!(ints(&r["total"], &COUNTS), [3, 3, 4, 3, 1, 0, 0, 0, 1, 1, 1]);
}

/// `report --by grid --member M` should count only M's visits: one member cannot have two
/// members visiting. 李强 (M03) looks after H02 and H03 in 一网格; in January he visited H03
/// once (#7); 王芳 visited H02 (#6).
#[test]

fn by_grid_with_member_counts_only_that_members_visits() {
    let dir = fixture();
    let r = json(dir.path(), TODAY, &["report", "--by", "grid", "--member", "李强", "--month", "2024-01"]);
    let g1 = row(&r, "grid", "G1");

    assert_eq!(ints(g1, &["members", "members_visiting"]), [1, 1]);

    assert_eq!(ints(g1, &COUNTS), [2, 1, 1, 1, 0, 0, 0, 0, 1, 0, 1]);
    // The same as the branch view of the same member.
    let b = json(dir.path(), TODAY, &["report", "--by", "branch", "--member", "李强", "--month", "2024-01"]);
    assert_eq!(ints(&r["total"], &COUNTS), ints(&b["total"], &COUNTS));
}

#[test]
fn snapshots() {
    let dir = fixture();
    let d = dir.path();
    insta::assert_snapshot!(
        "report_2024_01_table",
        ok(d, TODAY, &["report", "--month", "2024-01", "--format", "table"])
    );
    insta::assert_snapshot!(
        "report_2023_12_by_grid_csv_en",
        report_support::lf(&ok(d, TODAY, &["report", "--by", "grid", "--month", "2023-12", "--lang", "en"]))
    );
    insta::assert_snapshot!(
        "report_2024_01_by_branch_md",
        ok(d, TODAY, &["report", "--by", "branch", "--month", "2024-01", "--format", "md"])
    );
}

/// `--grid` on a grid above the households' own (G0 holds G1 and G2) should cover them all.
#[test]
fn grid_filter_takes_in_sub_grids() {
    let dir = fixture();
    let all = json(dir.path(), TODAY, &["report", "--month", "2024-01"]);
    let g0 = json(dir.path(), TODAY, &["report", "--month", "2024-01", "--grid", "G0"]);

    assert_eq!(column(&g0, "member"), ["M01", "M03", "M04", "M02"]);
    assert_eq!(ints(&g0["total"], &COUNTS), ints(&all["total"], &COUNTS));
}
