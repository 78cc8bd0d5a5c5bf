//! `gov issue list` and `gov issue show` end to end, on the hand-counted fixture
//! `tests/fixtures/issues` (described in `tests/issue_support`). Today is 2024-04-10: statuses,
//! days taken and days overdue are as of then.

mod common;
mod issue_support;
mod report_support;

use issue_support::{TODAY, fixture};
use report_support::{column, csv, csv_column, json, lf, ok, row, run, usage_error};
use serde_json::Value;

fn ids(dir: &std::path::Path, args: &[&str]) -> Vec<String> {
    column(&json(dir, TODAY, &[&["issue", "list"], args].concat()), "id")
}

/// Every problem, by date received (07 before 09 on 03-20: by id). 10 awaits rework: a follow-up
/// found it unsolved and nothing has been done since, so it is open, its days run to today and it
/// is overdue.
#[test]
fn list_all() {
    let dir = fixture();
    let r = json(dir.path(), TODAY, &["issue", "list"]);
    assert_eq!(r["report"], "issues-list");
    assert_eq!(r["title"], "诉求测试社区群众诉求（截至2024-04-10）");
    let short: Vec<String> = column(&r, "id").iter().map(|i| i[9..].to_string()).collect();
    assert_eq!(short, ["05", "01", "02", "08", "03", "06", "10", "07", "09", "04"]);
    assert_eq!(
        column(&r, "status"),
        [
            "in_progress",
            "closed",
            "closed",
            "closed",
            "resolved",
            "received",
            "awaiting_rework",
            "closed",
            "in_progress",
            "closed"
        ]
    );
    // Due: received + 15 (complex), 7 (normal) or 1 (urgent).
    assert_eq!(
        column(&r, "due"),
        [
            "2024-02-25",
            "2024-03-08",
            "2024-03-11",
            "2024-03-12",
            "2024-03-11",
            "2024-03-22",
            "2024-03-25",
            "2024-03-21",
            "2024-04-04",
            "2024-04-01"
        ]
    );
    // Days taken: to the (last) resolution, to the closing duplicate for 07, else (open, 10
    // awaiting rework among them: 03-18 to 04-10) to 04-10.
    assert_eq!(column(&r, "days_taken"), ["60", "7", "16", "7", "3", "26", "23", "0", "21", "8"]);
    // Open past the due date on 04-10: 05 (45 days), 06 (19), 10 (16: due 03-25), 09 (6).
    assert_eq!(column(&r, "days_overdue"), ["45", "", "", "", "", "19", "16", "", "6", ""]);
    assert_eq!(
        column(&r, "last_event"),
        [
            "report",
            "feedback",
            "feedback",
            "feedback",
            "feedback",
            "received",
            "feedback",
            "duplicate",
            "progress",
            "feedback"
        ]
    );
    assert_eq!(column(&r, "last_date")[5], "2024-03-15"); // 06 has no events: its receipt
}

#[test]
fn list_filters() {
    let dir = fixture();
    let d = dir.path();
    let p = |ids: &[&str]| ids.iter().map(|i| format!("I-2024-00{i}")).collect::<Vec<_>>();
    // Open: received, in progress or awaiting rework (10).
    assert_eq!(ids(d, &["--status", "open"]), p(&["05", "06", "10", "09"]));
    assert_eq!(ids(d, &["--status", "待重办"]), p(&["10"]));
    assert_eq!(ids(d, &["--status", "awaiting_rework,resolved"]), p(&["03", "10"]));
    assert_eq!(ids(d, &["--status", "已办结"]), p(&["03"]));
    assert_eq!(ids(d, &["--status", "received,resolved"]), p(&["03", "06"]));
    assert_eq!(ids(d, &["--status", "received", "--status", "resolved"]), p(&["03", "06"]));
    assert_eq!(ids(d, &["--category", "供暖"]), p(&["03"]));
    assert_eq!(ids(d, &["--category", "养老服务"]), p(&["05"]));
    // G1 (东区) takes in G11; 05 is there through its household H1.
    assert_eq!(ids(d, &["--grid", "东区"]), p(&["05", "01", "08", "03", "06", "10"]));
    assert_eq!(ids(d, &["--grid", "G2"]), p(&["02", "09", "04"]));
    assert_eq!(ids(d, &["--household", "郑奶奶"]), p(&["02", "09"]));
    assert_eq!(ids(d, &["--department", "房产中心"]), p(&["03"]));
    assert_eq!(ids(d, &["--department", "供水"]), p(&["05", "08"]));
    assert_eq!(ids(d, &["--overdue"]), p(&["05", "06", "10", "09"]));
    assert_eq!(ids(d, &["--escalated"]), p(&["05", "08", "03"]));
    // The period flags select by date received.
    assert_eq!(ids(d, &["--month", "2024-02"]), p(&["05"]));
    assert_eq!(ids(d, &["--month", "2024-03"]).len(), 9);
    assert_eq!(ids(d, &["--from", "2024-03-20", "--to", "2024-03-31"]), p(&["07", "09", "04"]));
    assert_eq!(ids(d, &["--month", "2024-03", "--overdue", "--grid", "G11"]), p(&["06", "10"]));
    assert_eq!(ids(d, &["--escalated", "--status", "closed"]), p(&["08"]));
}

/// On 03-20 (today pinned earlier) 02 was just resolved again and 09 just received.
#[test]
fn list_as_of_another_today() {
    let dir = fixture();
    let r = json(dir.path(), "2024-03-20", &["issue", "list", "--household", "H2"]);
    assert_eq!(column(&r, "status"), ["resolved", "received"]);
    assert_eq!(column(&r, "days_taken"), ["16", "0"]);
    assert_eq!(column(&r, "days_overdue"), ["", ""]);
}

#[test]
fn list_refuses_bad_filters() {
    let dir = fixture();
    let d = dir.path();
    let out = usage_error(d, TODAY, &["issue", "list", "--status", "done"]);
    assert!(out.stderr.contains("allowed: received (已受理), in_progress (办理中)"), "{}", out.stderr);
    let out = usage_error(d, TODAY, &["issue", "list", "--category", "噪音"]);
    insta::assert_snapshot!("issue_list_bad_category", lf(&out.snapshot(&[d])));
    let out = usage_error(d, TODAY, &["issue", "list", "--department", "公安局"]);
    assert!(out.stderr.contains("no department matches `公安局`"), "{}", out.stderr);
    assert!(out.stderr.contains("Hint: departments in gov.yaml and the whistles: 城管局, 房产中心, 供水公司"));
    let out = usage_error(d, TODAY, &["issue", "list", "--grid", "北区"]);
    assert!(out.stderr.contains("no grid matches `北区`"), "{}", out.stderr);
    usage_error(d, TODAY, &["issue", "list", "--month", "2024-3x"]);
}

/// Door numbers and mobiles in free text are masked like addresses, unless --unmask.
#[test]
fn titles_are_masked() {
    let dir = fixture();
    let c = csv(dir.path(), TODAY, &["issue", "list", "--month", "2024-03"]);
    assert_eq!(csv_column(&c, "标题")[0], "2单元***室厨房漏水");
    let c = csv(dir.path(), TODAY, &["issue", "list", "--month", "2024-03", "--unmask"]);
    assert_eq!(csv_column(&c, "标题")[0], "2单元301室厨房漏水");
}

#[test]
fn list_snapshots() {
    let dir = fixture();
    let d = dir.path();
    insta::assert_snapshot!("issue_list_table", ok(d, TODAY, &["issue", "list", "--format", "table"]));
    insta::assert_snapshot!(
        "issue_list_open_csv_en",
        lf(&ok(d, TODAY, &["issue", "list", "--status", "open", "--format", "csv", "--lang", "en"]))
    );
}

/// 03: the whistle summoned two departments; only 城管局 reported; the follow-up was unreachable,
/// so the problem stays resolved.
#[test]
fn show_a_whistled_problem() {
    let dir = fixture();
    let r = json(dir.path(), TODAY, &["issue", "show", "I-2024-0003"]);
    let record = &r["issue"]["rows"][0];
    assert_eq!(record["id"], "I-2024-0003");
    assert_eq!(record["urgency"], "urgent");
    assert_eq!(record["due"], "2024-03-11");
    assert_eq!(record["status"], "resolved");
    assert_eq!(record["days_taken"], 3);
    assert_eq!(record["file"], "issues/2024/I-2024-0003.yaml");
    let t = &r["timeline"];
    assert_eq!(column(t, "action"), ["received", "whistle", "report", "resolved", "feedback"]);
    assert_eq!(column(t, "day"), ["0", "0", "1", "3", "4"]);
    assert_eq!(column(t, "by"), ["王芳", "城管局、房产中心", "城管局", "", ""]);
    assert_eq!(column(t, "satisfaction"), ["", "", "", "", "unreachable"]);
    assert_eq!(column(t, "status"), ["received", "in_progress", "in_progress", "resolved", "resolved"]);
    let s = &r["summons"];
    assert_eq!(column(s, "department"), ["城管局", "房产中心"]);
    assert_eq!(column(s, "reported"), ["2024-03-11", ""]);
    assert_eq!(column(s, "days_to_report"), ["1", ""]);
    assert_eq!(column(s, "state"), ["reported", "pending"]);
    insta::assert_snapshot!(
        "issue_show_0003_table",
        ok(dir.path(), TODAY, &["issue", "show", "I-2024-0003", "--format", "table"])
    );
}

/// 02: resolved, unsolved at follow-up (awaiting rework), reopened, resolved again, basically
/// satisfied. No whistle, so no summons table. Found by the end of its id.
#[test]
fn show_a_reopened_problem() {
    let dir = fixture();
    let r = json(dir.path(), TODAY, &["issue", "show", "0002"]);
    assert!(r.get("summons").is_none());
    let t = &r["timeline"];
    assert_eq!(
        column(t, "status"),
        ["received", "in_progress", "resolved", "awaiting_rework", "in_progress", "in_progress", "resolved", "closed"]
    );
    assert_eq!(column(t, "solved"), ["", "", "", "no", "", "", "", "yes"]);
    assert_eq!(column(t, "day"), ["0", "2", "6", "8", "9", "10", "16", "18"]);
    assert_eq!(row(t, "date", "2024-03-13")["note"], "居民反映仍不亮");
    assert_eq!(r["issue"]["rows"][0]["household"], "H2");
    assert_eq!(r["issue"]["rows"][0]["address"], "和平苑5号楼1单元***室");
    insta::assert_snapshot!(
        "issue_show_0002_csv_en",
        lf(&ok(dir.path(), TODAY, &["issue", "show", "0002", "--format", "csv", "--lang", "en"]))
    );
}

/// A fragment of the title finds a problem; one that fits two is refused with both listed.
#[test]
fn show_finds_by_title_and_refuses_ambiguity() {
    let dir = fixture();
    let d = dir.path();
    let r = json(d, TODAY, &["issue", "show", "路面"]);
    assert_eq!(r["issue"]["rows"][0]["id"], "I-2024-0004");
    let out = usage_error(d, TODAY, &["issue", "show", "楼道灯"]);
    insta::assert_snapshot!("issue_show_ambiguous", lf(&out.snapshot(&[d])));
    let out = usage_error(d, TODAY, &["issue", "show", "I-2099-0001"]);
    assert!(out.stderr.contains("no problem matches `I-2099-0001`"), "{}", out.stderr);
    // The masked description of 01, and in full with --unmask.
    let r = json(d, TODAY, &["issue", "show", "I-2024-0001"]);
    assert_eq!(r["issue"]["rows"][0]["description"], "住户反映厨房水管漏水，联系电话136****1111");
    assert_eq!(r["issue"]["rows"][0]["title"], "2单元***室厨房漏水");
    let r = json(d, TODAY, &["issue", "show", "I-2024-0001", "--unmask"]);
    assert_eq!(r["issue"]["rows"][0]["description"], "住户反映厨房水管漏水，联系电话13600001111");
}

/// Markdown and `-o FILE`: the three parts one after another.
#[test]
fn show_markdown_and_file() {
    let dir = fixture();
    let d = dir.path();
    let md = ok(d, TODAY, &["issue", "show", "I-2024-0008", "--format", "md"]);
    assert!(md.starts_with("### 群众诉求 I-2024-0008\n\n| 项目 | 内容 |\n"), "{md}");
    assert!(md.contains("\n### I-2024-0008 办理经过\n"), "{md}");
    assert!(md.contains("\n### I-2024-0008 吹哨报到\n"), "{md}");
    ok(d, TODAY, &["issue", "show", "I-2024-0008", "-o", "out.json"]);
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(d.join("out.json")).unwrap()).unwrap();
    assert_eq!(saved["summons"]["rows"][0]["days_to_report"], 2);
    assert_eq!(run(d, TODAY, &["issue", "show"]).code, Some(2)); // the id is required
}
