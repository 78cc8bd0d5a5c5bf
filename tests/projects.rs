//! The project and reserve commands end to end: `gov project add`, its steps (progress,
//! milestone, done, share, drop) appended to `events` with a step out of order refused in the
//! words of `gov check`, `project list` and `show`; `gov reserve add` and `reserve list`; the
//! files they write and their words in both languages.

mod common;

use std::fs;

use common::{Outcome, copy_fixture, gov};

fn run(dir: &std::path::Path, today: &str, lang: &str, args: &[&str]) -> Outcome {
    let mut cmd = gov(dir);
    cmd.arg("--data").arg(dir).args(["--today", today, "--lang", lang]).args(args);
    Outcome::of(&mut cmd)
}

#[test]
fn a_project_from_add_to_shared_template() {
    // mentor-inactive has members M1 (张伟, active), M2 and branches O2, O3, and no projects.
    let dir = copy_fixture("mentor-inactive");
    let d = dir.path();
    let out = run(
        d,
        "2022-03-01",
        "en",
        &[
            "project",
            "add",
            "--branch",
            "第一党支部",
            "--lead",
            "张伟",
            "--topic",
            "加装电梯",
            "--goal",
            "两部电梯",
            "--due",
            "2022-10-31",
        ],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, "added to projects.yaml:1: P-2022-01 加装电梯\n");
    let steps: [(&str, &[&str]); 3] = [
        ("2022-04-15", &["project", "progress", "P-2022-01", "--milestone", "--note", "完成意见征集"]),
        ("2022-09-30", &["project", "done", "P-2022-01"]),
        ("2022-11-10", &["project", "share", "P-2022-01", "--note", "全镇推广"]),
    ];
    for (today, args) in steps {
        let out = run(d, today, "en", args);
        assert_eq!(out.code, Some(0), "{}", out.stderr);
    }
    assert_eq!(
        fs::read_to_string(d.join("projects.yaml")).unwrap(),
        "- id: P-2022-01\n  branch: O2\n  lead: M1\n  topic: 加装电梯\n  goal: 两部电梯\n  start: 2022-03-01\n  due: 2022-10-31\n  events:\n    - date: 2022-04-15\n      action: milestone\n      note: 完成意见征集\n    - date: 2022-09-30\n      action: done\n    - date: 2022-11-10\n      action: shared_as_template\n      note: 全镇推广\n"
    );
    // The same step again writes nothing; a step after done is refused as `gov check` says.
    let again = run(d, "2022-11-10", "en", &["project", "share", "P-2022-01", "--note", "全镇推广"]);
    assert_eq!(again.code, Some(0));
    assert!(again.stdout.contains("is already recorded (projects.yaml:14); nothing was written"), "{}", again.stdout);
    let late = run(d, "2022-12-01", "zh", &["project", "progress", "P-2022-01"]);
    assert_ne!(late.code, Some(0));
    assert!(
        late.stderr.contains("error[project-order]") || late.stderr.contains("错误[project-order]"),
        "{}",
        late.stderr
    );
    assert!(late.stderr.contains("记在项目完成或终止之后"), "{}", late.stderr);
    let unknown = run(d, "2022-12-01", "zh", &["project", "done", "P-9"]);
    assert!(unknown.stderr.contains("没有编号为“P-9”的攻关项目"), "{}", unknown.stderr);

    for lang in ["en", "zh"] {
        let list = run(d, "2022-12-01", lang, &["project", "list", "--format", "table"]);
        let show = run(d, "2022-12-01", lang, &["project", "show", "P-2022-01", "--format", "table"]);
        insta::assert_snapshot!(format!("project-list-show-{lang}"), format!("{}\n{}", list.stdout, show.stdout));
    }
    let done = run(d, "2022-12-01", "en", &["project", "list", "--status", "template", "--format", "csv"]);
    assert_eq!(done.stdout.lines().count(), 2);
    let none = run(d, "2022-12-01", "en", &["project", "list", "--status", "dropped", "--format", "csv"]);
    assert_eq!(none.stdout.lines().count(), 1);
}

#[test]
fn reserve_cadres_added_and_listed() {
    let dir = copy_fixture("review-not-member");
    let d = dir.path();
    let out = run(
        d,
        "2022-06-01",
        "en",
        &[
            "reserve",
            "add",
            "--name",
            "周洁",
            "--born",
            "1996-02-03",
            "--gender",
            "女",
            "--education",
            "本科",
            "--political-status",
            "积极分子",
            "--org",
            "第一党支部",
            "--mentor",
            "张伟",
        ],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        fs::read_to_string(d.join("reserves.yaml")).unwrap(),
        "- id: R0001\n  name: 周洁\n  born: 1996-02-03\n  gender: female\n  education: bachelor\n  political_status: activist\n  org: O2\n  mentor: M1\n  since: 2022-06-01\n"
    );
    // A mentor who is not active: written, with the warning `gov check` gives.
    let out = run(d, "2022-06-01", "en", &["reserve", "add", "--name", "钱多", "--mentor", "M2", "--status", "已使用"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    for lang in ["en", "zh"] {
        let list = run(d, "2022-12-31", lang, &["reserve", "list", "--format", "table"]);
        insta::assert_snapshot!(format!("reserve-list-{lang}"), list.stdout);
    }
    let training = run(d, "2022-12-31", "en", &["reserve", "list", "--status", "training", "--format", "csv"]);
    assert_eq!(training.stdout.lines().count(), 2);
}

/// A project kept in a CSV file takes no steps, and says where to move it; `--branch` filters.
#[test]
fn a_project_in_csv_and_the_branch_filter() {
    let dir = copy_fixture("mentor-inactive");
    let d = dir.path();
    fs::write(d.join("projects.csv"), "id,branch,lead,topic\nP1,O2,M1,加装电梯\nP2,O3,M1,停车治理\n").unwrap();
    let out = run(d, "2022-06-01", "zh", &["project", "progress", "P1"]);
    assert_ne!(out.code, Some(0));
    assert!(
        out.stderr.contains("该项目记在 CSV 文件中，CSV 无法记录项目进展；请移到 projects.yaml 后再登记"),
        "{}",
        out.stderr
    );
    let out = run(d, "2022-06-01", "en", &["project", "progress", "P1"]);
    assert!(out.stderr.contains("move it to projects.yaml to record them"), "{}", out.stderr);
    let list = run(d, "2022-06-01", "en", &["project", "list", "--branch", "第一网格党支部", "--format", "csv"]);
    assert_eq!(list.stdout.lines().skip(1).map(|l| l.split(',').next().unwrap()).collect::<Vec<_>>(), ["P2"]);
}
