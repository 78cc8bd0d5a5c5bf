//! Meetings and their decisions, end to end: the findings of the meeting checks in both
//! languages (every message and hint of check/meetings.rs), the commands and `report meetings`.

mod common;

use common::{Outcome, TODAY, copy_fixture, gov};

fn check(fixture: &str, lang: &str) -> Outcome {
    let dir = copy_fixture(fixture);
    let mut cmd = gov(dir.path());
    cmd.arg("--data").arg(dir.path()).args(["--today", TODAY, "--lang", lang, "check"]);
    Outcome::of(&mut cmd)
}

/// Every message and hint of the meeting checks, in English and in Chinese.
#[test]
fn meeting_findings_in_both_languages() {
    for lang in ["en", "zh"] {
        let mut all = String::new();
        for fixture in ["decision-order", "decision-due-early", "joint-without-department", "duplicate-id"] {
            let out = check(fixture, lang);
            let mine: Vec<&str> = out
                .stdout
                .lines()
                .scan(false, |keep, l| {
                    if !l.starts_with(' ') {
                        *keep = l.starts_with("meetings/");
                    }
                    Some((*keep, l))
                })
                .filter_map(|(keep, l)| keep.then_some(l))
                .collect();
            all.push_str(&format!("## {fixture}\n{}\n", mine.join("\n")));
        }
        let out = check("dangling-reference", lang);
        let mine: Vec<&str> = out.stdout.lines().skip_while(|l| !l.starts_with("meetings/")).take(14).collect();
        all.push_str(&format!("## dangling-reference\n{}\n", mine.join("\n")));
        insta::assert_snapshot!(format!("meeting-findings-{lang}"), all);
    }
}

fn run(dir: &std::path::Path, args: &[&str]) -> Outcome {
    let mut cmd = gov(dir);
    cmd.arg("--data").arg(dir).args(["--today", TODAY, "--lang", "en"]).args(args);
    Outcome::of(&mut cmd)
}

fn csv(dir: &std::path::Path, args: &[&str]) -> Vec<String> {
    let out = run(dir, &[args, &["--format", "csv"]].concat());
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    out.stdout.lines().map(str::to_string).collect()
}

/// Every figure of `report meetings`, as counted in the fixture's README.md.
#[test]
fn report_meetings_by_kind_and_by_owner() {
    let dir = copy_fixture("meetings");
    let rows = csv(dir.path(), &["report", "meetings", "--year", "2022"]);
    assert_eq!(
        rows,
        [
            "meeting kind,meetings held,attendance,departments attending,decisions,dropped,to carry out,done,done rate,done on time,on-time rate,overdue,reported back",
            "consultation,1,14,0,2,0,2,2,100.0%,1,50.0%,0,1",
            "red-property joint meeting,1,6,0,3,1,2,1,50.0%,1,50.0%,1,0",
            "Party-building joint meeting,1,1,2,2,0,2,1,50.0%,1,50.0%,0,1",
            "楼栋议事会,1,8,0,1,0,1,0,0.0%,0,0.0%,0,0",
            "Total,4,29,2,8,1,7,4,57.1%,3,42.9%,1,2",
            "",
            "owner,owner kind,meetings,decisions,dropped,to carry out,done,done rate,done on time,on-time rate,overdue,reported back",
            "城管局,department,1,1,0,1,1,100.0%,1,100.0%,0,1",
            "房产中心,department,1,1,0,1,0,0.0%,0,0.0%,0,0",
            "幸福社区党委,org,1,1,0,1,1,100.0%,1,100.0%,0,1",
            "幸福物业,org,1,3,1,2,1,50.0%,1,50.0%,1,0",
            "张伟,member,1,1,0,1,1,100.0%,0,0.0%,0,0",
            ",none,1,1,0,1,0,0.0%,0,0.0%,0,0",
            "Total,,4,8,1,7,4,57.1%,3,42.9%,1,2",
        ]
    );
    // The rates as numbers beside their numerators and denominators in JSON.
    let out = run(dir.path(), &["report", "meetings", "--year", "2022", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let total = &json["meetings"]["total"];
    assert_eq!((total["done"].as_u64(), total["to_carry_out"].as_u64()), (Some(4), Some(7)));
    assert_eq!(total["done_rate"].as_f64(), Some(0.5714), "{total}");
}

/// Statuses are taken as of the period's end: in March, decision 2 is open and not yet due.
#[test]
fn report_meetings_as_of_the_periods_end() {
    let dir = copy_fixture("meetings");
    let rows = csv(dir.path(), &["report", "meetings", "--month", "2022-03"]);
    assert_eq!(rows[1], "consultation,1,14,0,2,0,2,1,50.0%,1,50.0%,0,1");
    assert_eq!(rows[2], "Total,1,14,0,2,0,2,1,50.0%,1,50.0%,0,1");
}

#[test]
fn report_meetings_in_both_languages() {
    let dir = copy_fixture("meetings");
    for lang in ["en", "zh"] {
        let mut cmd = gov(dir.path());
        cmd.arg("--data").arg(dir.path()).args(["--today", TODAY, "--lang", lang]);
        cmd.args(["report", "meetings", "--year", "2022", "--format", "table"]);
        let out = Outcome::of(&mut cmd);
        insta::assert_snapshot!(format!("report-meetings-{lang}"), out.snapshot(&[dir.path()]));
    }
}

/// The new lines of `gov stats`: meetings held, decisions made, to carry out, done, 落实率.
#[test]
fn stats_count_meetings_and_the_done_rate() {
    let dir = copy_fixture("meetings");
    let rows = csv(dir.path(), &["stats", "--year", "2022"]);
    let mine: Vec<&str> = rows
        .iter()
        .map(String::as_str)
        .filter(|r| ["meetings held", "decisions", "done rate"].iter().any(|k| r.contains(k)))
        .collect();
    assert_eq!(
        mine,
        [
            "period,meetings held,,,,4",
            "period,decisions made,,,,8",
            "period,decisions to carry out,,,,7",
            "period,decisions done,,,,4",
            "period,done rate,,,,57.1%",
            "cumulative,meetings held,,,,5",
            "cumulative,decisions made,,,,9",
            "cumulative,decisions to carry out,,,,8",
            "cumulative,decisions done,,,,5",
            "cumulative,done rate,,,,62.5%",
        ]
    );
}

/// The whistle report counts the joint meetings held on the whistled problems.
#[test]
fn whistles_count_joint_meetings() {
    let dir = copy_fixture("meetings");
    let rows = csv(dir.path(), &["report", "whistles", "--year", "2022"]);
    assert!(rows[0].ends_with(",joint meetings"), "{}", rows[0]);
    assert!(rows[1].starts_with("城管局,") && rows[1].ends_with(",1"), "{}", rows[1]);
    assert!(rows[2].starts_with("房产中心,") && rows[2].ends_with(",1"), "{}", rows[2]);
    assert!(rows[3].starts_with("Total,") && rows[3].ends_with(",1"), "{}", rows[3]);
}

fn ids(rows: &[String]) -> Vec<&str> {
    rows[1..].iter().map(|r| r.split(',').next().unwrap()).collect()
}

#[test]
fn meeting_list_filters() {
    let dir = copy_fixture("meetings");
    let d = dir.path();
    let list = |args: &[&str]| {
        ids(&csv(d, &[&["meeting", "list"], args].concat())).iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    assert_eq!(list(&[]), ["M-2021-0001", "M-2022-0001", "M-2022-0002", "M-2022-0003", "M-2022-0004"]);
    assert_eq!(list(&["--open"]), ["M-2022-0002", "M-2022-0003", "M-2022-0004"]);
    assert_eq!(list(&["--overdue"]), ["M-2022-0002"]);
    assert_eq!(list(&["--kind", "党建联席会议"]), ["M-2022-0003"]);
    assert_eq!(list(&["--kind", "楼栋议事会"]), ["M-2022-0004"]);
    assert_eq!(list(&["--org", "O2"]), ["M-2022-0002"]);
    assert_eq!(list(&["--org", "幸福社区党委"]), ["M-2021-0001", "M-2022-0001", "M-2022-0002"]);
    assert_eq!(list(&["--year", "2021"]), ["M-2021-0001"]);
    assert_eq!(list(&["--issue", "I-2022-001"]), ["M-2022-0003"]);
    let issues = |args: &[&str]| {
        ids(&csv(d, &[&["issue", "list"], args].concat())).iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    assert_eq!(issues(&["--discussed"]), ["I-2022-001"]);
    assert_eq!(issues(&["--meeting", "M-2022-0003"]), ["I-2022-001"]);
    assert!(issues(&["--meeting", "M-2022-0001"]).is_empty());
}

#[test]
fn meeting_show_and_issue_show_in_both_languages() {
    let dir = copy_fixture("meetings");
    for lang in ["en", "zh"] {
        let mut all = String::new();
        for args in [&["meeting", "show", "M-2022-0002"][..], &["issue", "show", "I-2022-001"], &["meeting", "list"]] {
            let mut cmd = gov(dir.path());
            cmd.arg("--data").arg(dir.path()).args(["--today", TODAY, "--lang", lang]).args(args);
            cmd.args(["--format", "table"]);
            all.push_str(&format!("===== gov {}\n{}\n", args.join(" "), Outcome::of(&mut cmd).snapshot(&[dir.path()])));
        }
        insta::assert_snapshot!(format!("meeting-show-{lang}"), all);
    }
}
