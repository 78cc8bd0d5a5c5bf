//! Activities (活动与服务), volunteers (志愿者) and the in-service members' new fields end to end:
//! every rule over the new files on their fixtures, in both languages.

mod common;

use common::{check, copy_fixture, expected};

/// Unknown kinds (an activity's, a volunteer's, a registration mode) and dangling references
/// (members, volunteers, issues, an org, a registration grid), each where the fixture's
/// README.md puts it; the kind gov.yaml adds (`文明实践`) is accepted.
#[test]
fn new_files_are_checked_like_every_kind() {
    let dir = copy_fixture("activities");
    let out = check(dir.path(), &["--format", "json"]);
    assert_eq!(out.code, Some(1));
    let want = [
        ("invalid-value", "activities/2022-10.csv", Some(3)), // kind: parade
        ("dangling-reference", "activities/2022-10.csv", Some(3)), // member M7
        ("dangling-reference", "activities/2022-10.csv", Some(3)), // volunteer Y3
        ("dangling-reference", "activities/2022-10.csv", Some(3)), // issue I9
        ("invalid-value", "activities/2022-10.csv", Some(4)), // hours 两小时
        ("wrong-month-file", "activities/2022-10.csv", Some(4)), // dated in November
        ("invalid-value", "members.csv", Some(3)),            // registered_mode: by_post
        ("dangling-reference", "members.csv", Some(3)),       // registered_grid G9
        ("invalid-value", "volunteers.csv", Some(3)),         // kind: student
        ("dangling-reference", "volunteers.csv", Some(3)),    // org O9
    ];
    assert_eq!(out.json_findings(), expected(&want));
    let text = check(dir.path(), &[]);
    insta::assert_snapshot!("activities_check", text.snapshot(&[dir.path()]));
    assert!(text.stdout.ends_with(
        "checked 1 grid, 2 members, 1 org, 0 households, 0 visits, 0 issues, 2 volunteers, 3 activities: 9 errors, 1 warning\n"
    ));
    let zh = check(dir.path(), &["--lang", "zh"]);
    insta::assert_snapshot!("activities_check_zh", zh.snapshot(&[dir.path()]));
}

mod write_support;

use write_support::{assert_clean, ok, read, run};

/// One activity from flags, names made ids, into a new month file with every column; the
/// same command again writes nothing.
#[test]
fn add_writes_the_month_file_and_not_twice() {
    let dir = copy_fixture("service");
    let d = dir.path();
    let args = [
        "activity",
        "add",
        "--date",
        "2022-09-10",
        "--kind",
        "疫情防控",
        "--title",
        "核酸检测",
        "--members",
        "周敏:4;李强",
        "--hours",
        "3",
        "--volunteers",
        "赵敏",
        "--orgs",
        "测试社区党委",
    ];
    let out = run(d, &args);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, "added to activities/2022-09.csv:2: A8 2022-09-10 核酸检测 (epidemic control)\n");
    assert_eq!(out.stderr, "new activity id: A8 (the next free one; give --id to choose)\n");
    assert_eq!(
        read(d, "activities/2022-09.csv"),
        "id,date,kind,title,orgs,grid,place,members,hours,volunteers,others,households,beneficiaries,items,issues,note\n\
         A8,2022-09-10,epidemic,核酸检测,O1,,,M2:4;M3,3,Y1,,,,,,\n"
    );
    let again = run(d, &args);
    assert_eq!(again.code, Some(0));
    assert_eq!(again.stdout, "already recorded as A8 at activities/2022-09.csv:2; nothing was written\n");
    assert_clean(d, 0);
}

/// Into a month kept in YAML: a new item in the file's style, lists as flow lists.
#[test]
fn add_appends_to_a_yaml_month() {
    let dir = copy_fixture("service");
    let d = dir.path();
    let before = read(d, "activities/2022-07.yaml");
    ok(
        d,
        &[
            "activity",
            "add",
            "--id",
            "A20",
            "--date",
            "2022-07-20",
            "--kind",
            "aid",
            "--title",
            "送清凉",
            "--members",
            "M3:2",
            "--beneficiaries",
            "困难妇女:2",
            "--items",
            "电风扇:2",
        ],
    );
    assert_eq!(
        read(d, "activities/2022-07.yaml"),
        format!(
            "{before}- id: A20\n  date: 2022-07-20\n  kind: aid\n  title: 送清凉\n  members: [M3:2]\n  beneficiaries: [困难妇女:2]\n  items: [电风扇:2]\n"
        )
    );
    assert_clean(d, 0);
}

/// Refused in the words of `gov check`: hours over 24, an item without a quantity, an unknown
/// kind; missing flags without a terminal.
#[test]
fn add_refuses_what_check_would_refuse() {
    let dir = copy_fixture("service");
    let d = dir.path();
    let out =
        run(d, &["activity", "add", "--date", "2022-09-10", "--kind", "aid", "--title", "x", "--members", "M2:25"]);
    assert_eq!(out.code, Some(1));
    assert!(out.stderr.contains("error[bad-hours] M2 is given 25 hours"), "{}", out.stderr);
    let out = run(d, &["activity", "add", "--date", "2022-09-10", "--kind", "aid", "--title", "x", "--items", "米"]);
    assert_eq!(out.code, Some(1));
    assert!(out.stderr.contains("error[no-quantity] item `米` has no quantity"), "{}", out.stderr);
    let out = run(d, &["activity", "add", "--date", "2022-09-10", "--kind", "parade", "--title", "x"]);
    assert_eq!(out.code, Some(1));
    assert!(out.stderr.contains("`kind` value `parade` is not a valid activity kind"), "{}", out.stderr);
    let out = run(d, &["activity", "add", "--kind", "aid"]);
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("missing --title"), "{}", out.stderr);
    assert!(!d.join("activities/2022-09.csv").exists());
    assert!(!d.join("activities/2023-01.csv").exists());
}

/// A batch: all rows or none; run again, every row is skipped.
#[test]
fn batches_are_all_or_nothing_and_not_twice() {
    let dir = copy_fixture("service");
    let d = dir.path();
    let input = tempfile::TempDir::new().unwrap();
    let batch = input.path().join("batch.csv");
    let head = "id,date,kind,title,members,hours,items\n";
    std::fs::write(&batch, format!("{head},2022-09-01,volunteer,清扫,M2,2,\n,2022-12-05,aid,慰问,M3:30,,\n")).unwrap();
    let out = run(d, &["activity", "add", "--from", batch.to_str().unwrap()]);
    assert_eq!(out.code, Some(1), "{}", out.stdout);
    assert!(out.stderr.contains("bad-hours"), "{}", out.stderr);
    assert!(!d.join("activities/2022-09.csv").exists());
    std::fs::write(&batch, format!("{head},2022-09-01,volunteer,清扫,M2,2,\n,2022-12-05,aid,慰问,M3:3,,米:10\n"))
        .unwrap();
    let out = run(d, &["activity", "add", "--from", batch.to_str().unwrap()]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, "added 1 to activities/2022-09.csv\nadded 1 to activities/2022-12.csv\n");
    assert!(read(d, "activities/2022-12.csv").ends_with("A9,2022-12-05,aid,慰问,,,,M3:3,,,,,,米:10,,\n"));
    let again = run(d, &["activity", "add", "--from", batch.to_str().unwrap()]);
    assert_eq!(again.code, Some(0));
    assert_eq!(
        again.stdout,
        "2 already recorded (the first at activities/2022-09.csv:2): skipped\nbatch.csv has no activities; nothing was written\n"
            .replace("batch.csv", batch.to_str().unwrap())
    );
    assert_clean(d, 0);
}

#[test]
fn volunteers_are_added_and_listed() {
    let dir = copy_fixture("service");
    let d = dir.path();
    let out = run(
        d,
        &["volunteer", "add", "--name", "何静", "--kind", "团员青年", "--org", "镇团委", "--phone", "13500009999"],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, "added to volunteers.csv:6: Y5 何静\n");
    assert!(read(d, "volunteers.csv").ends_with("Y5,何静,youth,O6,,13500009999,,,\n"));
    assert_clean(d, 0);
    let list = run(d, &["volunteer", "list", "--year", "2022", "--format", "table"]);
    insta::assert_snapshot!("volunteer_list", list.snapshot(&[d]));
    let zh = run(d, &["--lang", "zh", "volunteer", "list", "--year", "2022", "--kind", "youth", "--format", "table"]);
    insta::assert_snapshot!("volunteer_list_zh", zh.snapshot(&[d]));
}

#[test]
fn the_activity_ledger_in_both_languages() {
    let dir = copy_fixture("service");
    let d = dir.path();
    let list = run(d, &["activity", "list", "--year", "2022", "--format", "table"]);
    insta::assert_snapshot!("activity_list", list.snapshot(&[d]));
    let zh = run(d, &["--lang", "zh", "activity", "list", "--year", "2022", "--format", "table"]);
    insta::assert_snapshot!("activity_list_zh", zh.snapshot(&[d]));
    let aid = run(d, &["activity", "list", "--year", "2022", "--kind", "帮扶慰问", "--format", "csv"]);
    assert_eq!(aid.stdout.lines().count(), 3, "{}", aid.stdout); // header, A1, total
}

/// `gov activity add` on a pseudo-terminal (tests/support/pty_drive.py): the kind from the
/// picker (typed to filter), the title, the hours; then the activity shown, and confirmed.
#[test]
fn add_asks_on_a_terminal() {
    let dir = copy_fixture("service");
    let d = dir.path();
    let driver = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/pty_drive.py");
    let steps = r#"[["Activity kind:", "epidemic"], ["epidemic", "\r"], ["Activity (what was done):", "核酸检测\r"], ["Hours of each participant", "3\r"], ["Record A8 2022-09-10 核酸检测 (epidemic control)?", "y\r"]]"#;
    let out = std::process::Command::new("python3")
        .args([driver, steps, "--"])
        .arg(assert_cmd::cargo::cargo_bin("gov"))
        .args(["--data", d.to_str().unwrap(), "--today", common::TODAY, "activity", "add", "--date", "2022-09-10"])
        .args(["--members", "M2:2;M3"])
        .env_clear()
        .env("GOV_LANG", "en")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("TERM", "xterm")
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{shown}");
    assert!(shown.contains("added to activities/2022-09.csv:2: A8 2022-09-10 核酸检测 (epidemic control)"), "{shown}");
    assert!(read(d, "activities/2022-09.csv").ends_with("A8,2022-09-10,epidemic,核酸检测,,,,M2:2;M3,3,,,,,,,\n"));
    assert_clean(d, 0);
}

/// What `gov activity add` says, in Chinese: the place it wrote, and a refusal.
#[test]
fn add_speaks_chinese() {
    let dir = copy_fixture("service");
    let d = dir.path();
    let zh = |args: &[&str]| {
        let mut cmd = common::gov(d);
        cmd.arg("--data").arg(d).args(["--today", common::TODAY, "--lang", "zh"]).args(args);
        common::Outcome::of(&mut cmd)
    };
    let out =
        zh(&["activity", "add", "--date", "2022-09-10", "--kind", "帮扶慰问", "--title", "慰问", "--items", "米:10"]);
    assert_eq!(out.stdout, "已添加到 activities/2022-09.csv:2：A8 2022-09-10 慰问（帮扶慰问）\n");
    assert_eq!(out.stderr, "新活动编号：A8（按顺序取下一个空闲编号；可用 --id 自行指定）\n");
    let out = zh(&["activity", "add", "--date", "2022-09-11", "--kind", "aid", "--title", "x", "--members", "M2:30"]);
    assert_eq!(out.code, Some(1));
    insta::assert_snapshot!("activity_add_refused_zh", out.stderr);
}

/// An in-service member's 双报到 details are corrected in place, like every other field.
#[test]
fn member_edit_changes_the_dual_fields() {
    let dir = copy_fixture("service");
    let d = dir.path();
    let out = ok(d, &["member", "edit", "M4", "--pledge", "每周服务一次", "--registered-mode", "线下"]);
    assert_eq!(out, "member M4 陈静: pledge (none) → 每周服务一次; registered_mode online → offline (members.csv:5)\n");
    assert!(
        read(d, "members.csv")
            .contains("\nM4,陈静,in_service,,G1,13700001111,O3,2022-11-20,active,,每周服务一次,offline,G1\n")
    );
    assert_clean(d, 0);
}

/// A batch with Chinese headers and names where ids go: one match each is written as its id.
#[test]
fn batches_take_chinese_headers_and_names() {
    let dir = copy_fixture("service");
    let d = dir.path();
    let input = tempfile::TempDir::new().unwrap();
    let batch = input.path().join("十二月.csv");
    std::fs::write(
        &batch,
        "活动日期,活动类别,活动名称,参与党员,参与志愿者,组织单位\n2022-09-03,志愿服务,清扫,周敏:2;李强,赵敏:1,镇团委\n",
    )
    .unwrap();
    let out = run(d, &["activity", "add", "--from", batch.to_str().unwrap()]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(read(d, "activities/2022-09.csv").ends_with("A8,2022-09-03,volunteer,清扫,O6,,,M2:2;M3,,Y1:1,,,,,,\n"));
    assert_clean(d, 0);
}
