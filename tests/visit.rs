//! `gov visit list` end to end: the detailed visit ledger, its order, filters and periods, on
//! the hand-counted fixture `tests/fixtures/reports` (described in `tests/report_support`).

mod common;
mod report_support;

use report_support::{TODAY, column, csv, csv_column, edit, fixture, json, lf, ok, usage_error};

/// The January file lists its rows out of date order; the ledger is sorted by date.
#[test]
fn january_ledger_in_date_order() {
    let dir = fixture();
    let r = json(dir.path(), TODAY, &["visit", "list", "--month", "2024-01"]);
    assert_eq!(r["report"], "ledger");
    assert_eq!(r["title"], "测试社区走访台账（2024-01）");
    assert_eq!(
        column(&r, "date"),
        ["2024-01-03", "2024-01-08", "2024-01-15", "2024-01-20", "2024-01-25", "2024-01-31"]
    );
    assert_eq!(column(&r, "member"), ["王芳", "王芳", "李强", "陈静", "陈静", "王芳"]);
    assert_eq!(column(&r, "head"), ["刘大爷", "孙阿姨", "吴先生", "何先生", "郑奶奶", "刘大爷"]);
    assert_eq!(column(&r, "grid"), ["一网格", "一网格", "一网格", "二网格", "二网格", "一网格"]);
    assert_eq!(column(&r, "method"), ["home", "phone", "home", "video", "group", "home"]);
    assert_eq!(column(&r, "issues"), ["", "I-2024-0001", "", "I-2024-0002", "", ""]);
    assert_eq!(column(&r, "with"), ["周敏", "", "", "", "", ""]);
    assert_eq!(column(&r, "topics"), ["", "", "", "供暖", "防诈骗", ""]);
}

/// Two visits on 2024-02-29: M04's row comes first in the file, M01's first in the ledger.
#[test]
fn same_day_sorted_by_member_id() {
    let dir = fixture();
    let r = json(dir.path(), TODAY, &["visit", "list", "--month", "2024-02"]);
    assert_eq!(column(&r, "date"), ["2024-02-10", "2024-02-20", "2024-02-29", "2024-02-29"]);
    assert_eq!(column(&r, "member"), ["李强", "王芳", "王芳", "陈静"]);
    assert_eq!(column(&r, "issues"), ["", "", "", "I-2024-0004"]);
}

#[test]
fn periods() {
    let dir = fixture();
    let d = dir.path();
    let count = |args: &[&str]| csv(d, TODAY, &[&["visit", "list"], args].concat()).len() - 1;
    assert_eq!(count(&["--year", "2023"]), 4);
    assert_eq!(count(&["--year", "2024"]), 10);
    assert_eq!(count(&["--month", "last-month"]), 4); // February
    assert_eq!(count(&[]), 0); // March
    assert_eq!(count(&["--from", "2023-12-25", "--to", "2024-01-10"]), 4); // #3 #4 #5 #6
    assert_eq!(count(&["--from", "2024-02-29"]), 2); // to today
    assert_eq!(count(&["--to", "2023-12-31"]), 4); // from the start of the data
    // last-month in January is December of the year before.
    assert_eq!(csv(d, "2024-01-05", &["visit", "list", "--month", "last-month"]).len() - 1, 4);
}

#[test]
fn member_grid_and_method_filters() {
    let dir = fixture();
    let d = dir.path();
    let all = ["visit", "list", "--from", "2023-12-01", "--to", "2024-02-29"];
    let dates = |extra: &[&str]| csv_column(&csv(d, TODAY, &[&all[..], extra].concat()), "走访日期");
    assert_eq!(
        dates(&["--member", "M01"]),
        ["2023-12-20", "2024-01-03", "2024-01-08", "2024-01-31", "2024-02-20", "2024-02-29"]
    );
    assert_eq!(dates(&["--member", "赵军"]), ["2023-12-05"]); // the transferred member
    assert_eq!(dates(&["--member", "周敏"]), Vec::<String>::new()); // came along, never visited
    assert_eq!(dates(&[]).len(), 14);
    assert_eq!(dates(&["--grid", "二网格"]), ["2023-12-05", "2023-12-28", "2024-01-20", "2024-01-25", "2024-02-29"]);
    assert_eq!(dates(&["--method", "phone"]), ["2023-12-28", "2024-01-08", "2024-02-10"]);
    assert_eq!(dates(&["--method", "电话"]), ["2023-12-28", "2024-01-08", "2024-02-10"]);
    assert_eq!(dates(&["--method", "集中走访"]), ["2024-01-25"]);
    assert_eq!(
        dates(&["--member", "王芳", "--method", "home", "--grid", "G1"]),
        ["2023-12-20", "2024-01-03", "2024-01-31", "2024-02-29"]
    );

    let out = usage_error(d, TODAY, &["visit", "list", "--method", "letter"]);
    assert!(out.stderr.contains("allowed: home (入户), phone (电话)"), "{}", out.stderr);
}

/// A household by id, by a unique address fragment or by head of household; a fragment that
/// matches two households is refused with both listed.
#[test]
fn household_filter() {
    let dir = fixture();
    let d = dir.path();
    let all = ["visit", "list", "--from", "2023-12-01", "--to", "2024-02-29"];
    let dates = |h: &str| csv_column(&csv(d, TODAY, &[&all[..], &["--household", h]].concat()), "走访日期");
    let h01 = ["2023-12-20", "2024-01-03", "2024-01-31", "2024-02-20"];
    assert_eq!(dates("H01"), h01);
    assert_eq!(dates("刘大爷"), h01);
    assert_eq!(dates("幸福里1号楼1单元101室"), h01);
    assert_eq!(dates("2号楼"), ["2023-12-30", "2024-01-15"]); // H03 only
    assert_eq!(dates("202室"), Vec::<String>::new()); // H05, never visited

    let out = usage_error(d, TODAY, &["visit", "list", "--household", "1单元101室"]);
    // Candidates are shown with door numbers masked, like all output; the ids tell them apart.
    assert!(out.stderr.contains("H01 (幸福里1号楼1单元***室 刘大爷)"), "{}", out.stderr);
    assert!(out.stderr.contains("H04 (和平苑5号楼1单元***室 郑奶奶)"), "{}", out.stderr);
    assert_eq!(out.stdout, "");
    insta::assert_snapshot!("visit_list_ambiguous_household", out.snapshot(&[d]));

    let out = usage_error(d, TODAY, &["visit", "list", "--household", "6号楼"]);
    assert!(out.stderr.contains("`6号楼` matches 2 households"), "{}", out.stderr);
    let out = usage_error(d, TODAY, &["visit", "list", "--household", "幸福里9号楼"]);
    assert!(out.stderr.contains("no household matches `幸福里9号楼`"), "{}", out.stderr);
}

#[test]
fn snapshots() {
    let dir = fixture();
    let d = dir.path();
    insta::assert_snapshot!(
        "visit_list_all_table",
        ok(d, TODAY, &["visit", "list", "--from", "2023-12-01", "--to", "2024-02-29", "--format", "table"])
    );
    insta::assert_snapshot!("visit_list_2024_01_csv", lf(&ok(d, TODAY, &["visit", "list", "--month", "2024-01"])));
    insta::assert_snapshot!(
        "visit_list_2024_02_csv_en_unmasked",
        lf(&ok(d, TODAY, &["visit", "list", "--month", "2024-02", "--lang", "en", "--unmask"]))
    );
}

/// Grids nest (三级网格: community > area > building): households sit in the lowest grid, so
/// `--grid` on a grid above should take in the grids below it. G0 (测试社区) holds G1 and G2.
#[test]
fn grid_filter_takes_in_sub_grids() {
    let dir = fixture();
    let rows = |g: &str| csv(dir.path(), TODAY, &["visit", "list", "--year", "2024", "--grid", g]).len() - 1;
    assert_eq!(rows("G1") + rows("G2"), 10);

    assert_eq!(rows("G0"), 10);
    assert_eq!(rows("测试社区"), 10);
}

/// A summary is free text and may name a room or a mobile: like a problem's title, those are
/// masked in every format (and in the export pack's ledger) unless --unmask. #14 (2024-02-29,
/// 王芳 → 孙阿姨, H02) is given a summary that names both; building and unit numbers stay.
#[test]
fn summaries_masked_unless_unmask() {
    let dir = fixture();
    let d = dir.path();
    edit(
        d,
        "visits/2024-02.yaml",
        "summary: 回访漏水维修情况",
        "summary: 回访1号楼1单元102室漏水维修情况，孙阿姨电话13912345678",
    );
    let full = "回访1号楼1单元102室漏水维修情况，孙阿姨电话13912345678";
    let masked = "回访1号楼1单元***室漏水维修情况，孙阿姨电话139****5678";
    let month = ["visit", "list", "--month", "2024-02"];

    // February in ledger order: #11 #12 #14 #13 (#14 is 王芳's, sorted before 陈静's #13).
    let summaries = csv_column(&csv(d, TODAY, &month), "走访内容");
    assert_eq!(summaries, ["春节问候", "询问身体状况", masked, "入户查看燃气管道，发现管道锈蚀"]);
    let summaries = csv_column(&csv(d, TODAY, &[&month[..], &["--unmask"]].concat()), "走访内容");
    assert_eq!(summaries[2], full);

    assert_eq!(json(d, TODAY, &month)["rows"][2]["summary"], masked);
    assert_eq!(json(d, TODAY, &[&month[..], &["--unmask"]].concat())["rows"][2]["summary"], full);
    for format in ["md", "table"] {
        let out = ok(d, TODAY, &[&month[..], &["--format", format]].concat());
        assert!(out.contains(masked) && !out.contains("102室") && !out.contains("13912345678"), "{out}");
    }
    let table = ok(d, TODAY, &[&month[..], &["--format", "table"]].concat());
    insta::assert_snapshot!("visit_list_summary_masked_table", table);

    ok(d, TODAY, &["export", "--month", "2024-02", "--out", "pack"]);
    let pack = std::fs::read_to_string(d.join("pack/2024-02-走访台账.csv")).unwrap();
    assert!(pack.contains(masked) && !pack.contains(full), "{pack}");
    ok(d, TODAY, &["export", "--month", "2024-02", "--out", "full", "--unmask"]);
    let pack = std::fs::read_to_string(d.join("full/2024-02-走访台账.csv")).unwrap();
    assert!(pack.contains(full), "{pack}");
}
