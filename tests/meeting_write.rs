//! `gov meeting add|decide|progress|done|drop` on a copy of tests/fixtures/meetings: the files
//! they write, byte for byte; a rerun writes nothing; what the checks forbid is refused in their
//! words, with nothing written; `--dry-run` writes nothing. Words in both languages are in the
//! snapshot at the end.

mod common;
mod write_support;

use common::{Outcome, TODAY, copy_fixture, gov};
use write_support::{assert_clean, data_tree, ok, read, run};

const NEW: &str = "meetings/2022/M-2022-0005.yaml";

#[test]
fn a_meetings_whole_life() {
    let dir = copy_fixture("meetings");
    let d = dir.path();
    let add = [
        "meeting",
        "add",
        "--kind",
        "党建联席会议",
        "--topic",
        "供暖不热联席会议",
        "--date",
        "2022-12-22",
        "--convened-by",
        "幸福社区党委",
        "--chair",
        "M001",
        "--members",
        "M001;M002",
        "--departments",
        "城管局,房产中心",
        "--residents",
        "4",
        "--issues",
        "I-2022-001",
        "--minutes",
        "现场研判",
    ];
    let out = ok(d, &add);
    assert_eq!(out, format!("added meeting M-2022-0005 ({NEW}): 供暖不热联席会议\n"));
    assert_eq!(
        read(d, NEW),
        "id: M-2022-0005\ndate: 2022-12-22\nkind: party_joint\ntopic: 供暖不热联席会议\nconvened_by: O1\nchair: M001\n\
         attendees: {members: [M001, M002], departments: [城管局, 房产中心], residents: 4}\nissues: [I-2022-001]\n\
         minutes: 现场研判\n"
    );
    // The same meeting again: nothing written.
    let before = data_tree(d);
    assert!(ok(d, &add).starts_with("already recorded as M-2022-0005"));
    assert_eq!(data_tree(d), before);

    assert_eq!(
        ok(d, &["meeting", "decide", "M-2022-0005", "--text", "更换管道", "--owner", "房产", "--due", "2022-12-31"]),
        format!("M-2022-0005/1: decision recorded ({NEW}:10)\n")
    );
    ok(d, &["meeting", "decide", "M-2022-0005", "--text", "回访住户", "--owner", "张伟"]);
    ok(d, &["meeting", "progress", "M-2022-0005/1", "--date", "2022-12-24", "--note", "已进场"]);
    ok(d, &["meeting", "done", "M-2022-0005/1", "--date", "2022-12-28", "--reported-back", "2022-12-29"]);
    ok(d, &["meeting", "drop", "M-2022-0005/2", "--date", "2022-12-30"]);
    assert_eq!(
        read(d, NEW).split_once("decisions:\n").unwrap().1,
        "  - no: 1\n    text: 更换管道\n    owner: 房产中心\n    due: 2022-12-31\n    events:\n\
         \x20     - date: 2022-12-24\n        action: progress\n        note: 已进场\n\
         \x20     - date: 2022-12-28\n        action: done\n        reported_back: 2022-12-29\n\
         \x20 - no: 2\n    text: 回访住户\n    owner: M001\n    events:\n\
         \x20     - date: 2022-12-30\n        action: dropped\n"
    );
    // A step run twice: nothing written.
    let before = data_tree(d);
    assert!(ok(d, &["meeting", "drop", "M-2022-0005/2", "--date", "2022-12-30"]).contains("already recorded"));
    assert_eq!(data_tree(d), before);
    assert_clean(d, 0);
    let rows = ok(d, &["report", "meetings", "--year", "2022", "--format", "csv"]);
    assert!(rows.lines().any(|l| l == "Party-building joint meeting,2,7,4,4,1,3,2,66.7%,2,66.7%,0,2"), "{rows}");
}

#[test]
fn what_the_checks_forbid_is_refused_and_nothing_is_written() {
    let dir = copy_fixture("meetings");
    let d = dir.path();
    let before = data_tree(d);
    let refused = |args: &[&str], code: i32, says: &str| {
        let out = run(d, args);
        assert_eq!(out.code, Some(code), "{args:?}: {}", out.snapshot(&[d]));
        assert!(out.stdout.contains(says) || out.stderr.contains(says), "{args:?}: {}", out.snapshot(&[d]));
    };
    refused(&["meeting", "add", "--kind", "茶话会", "--topic", "t"], 1, "`茶话会` is not a meeting kind");
    refused(&["meeting", "add", "--topic", "t"], 2, "a meeting needs --kind");
    refused(
        &["meeting", "add", "--kind", "consultation", "--topic", "t", "--issues", "I-2022-009"],
        1,
        "[dangling-reference]",
    );
    refused(&["meeting", "decide", "M-2022-0003", "--text", "t", "--due", "2022-11-01"], 1, "[decision-due-early]");
    refused(&["meeting", "decide", "M-2022-0003", "--text", "t", "--owner", "水务局"], 1, "owner `水务局` is neither");
    refused(&["meeting", "decide", "M-2099-0001", "--text", "t"], 2, "no meeting `M-2099-0001`");
    refused(&["meeting", "done", "M-2022-0003/2", "--date", "2022-11-01"], 1, "before the meeting that made it");
    refused(&["meeting", "progress", "M-2022-0002/2"], 1, "M-2022-0002/2 is dropped already");
    refused(&["meeting", "progress", "M-2022-0002/9"], 2, "meeting M-2022-0002 has no decision 9");
    refused(&["meeting", "progress", "M-2022-0002"], 2, "does not name a decision");
    refused(
        &["meeting", "add", "--kind", "consultation", "--topic", "商铺电动车停放协商议事", "--date", "2022-03-10"],
        1,
        "already recorded as M-2022-0001",
    );
    assert_eq!(data_tree(d), before);
}

#[test]
fn dry_run_writes_nothing_and_a_file_is_read_with_from() {
    let dir = copy_fixture("meetings");
    let d = dir.path();
    let before = data_tree(d);
    let out = ok(d, &["meeting", "add", "--kind", "owners", "--topic", "业主大会", "--dry-run"]);
    assert!(out.starts_with("would create meetings/2023/M-2023-0001.yaml"), "{out}");
    let out = ok(d, &["meeting", "decide", "M-2022-0004", "--text", "t", "--dry-run"]);
    assert!(out.contains("+  - no: 2\n"), "{out}");
    assert_eq!(data_tree(d), before);

    let file = d.join("../meeting.yaml");
    let text = "date: 2022-09-09\nkind: 居民会议\ntopic: 垃圾分类\nattendees: {residents: 30}\ndecisions:\n  - text: 设分类督导员\n    owner: O1\n";
    std::fs::write(&file, text).unwrap();
    let out = ok(d, &["meeting", "add", "--from", file.to_str().unwrap()]);
    assert_eq!(out, "added meeting M-2022-0005 (meetings/2022/M-2022-0005.yaml): 垃圾分类\n");
    assert_eq!(read(d, NEW), format!("id: M-2022-0005\n{text}"));
    assert!(ok(d, &["meeting", "add", "--from", file.to_str().unwrap()]).starts_with("already recorded"));
    assert_clean(d, 0);
}

/// What the commands say, in both languages.
#[test]
fn words_in_both_languages() {
    for lang in ["en", "zh"] {
        let dir = copy_fixture("meetings");
        let d = dir.path();
        let mut all = String::new();
        for args in [
            &["meeting", "add", "--kind", "协商议事", "--topic", "停车", "--date", "2022-12-01"][..],
            &["meeting", "add", "--kind", "协商议事", "--topic", "停车", "--date", "2022-12-01"],
            &["meeting", "add", "--kind", "协商议事", "--topic", "停车", "--date", "2022-12-01", "--residents", "3"],
            &["meeting", "add", "--topic", "停车"],
            &["meeting", "decide", "M-2022-0005", "--text", "划线", "--owner", "O1"],
            &["meeting", "decide", "M-2022-0005", "--text", "划线", "--owner", "O1"],
            &["meeting", "done", "M-2022-0005/1", "--date", "2022-12-02"],
            &["meeting", "done", "M-2022-0005/1", "--date", "2022-12-02"],
            &["meeting", "progress", "M-2022-0005/1", "--date", "2022-12-03"],
            &["meeting", "progress", "M-2022-0005/7"],
            &["meeting", "progress", "M-2022-0005"],
            &["meeting", "show", "M-2022-9999"],
        ] {
            let mut cmd = gov(d);
            cmd.arg("--data").arg(d).args(["--today", TODAY, "--lang", lang]).args(args);
            all.push_str(&format!("===== gov {}\n{}\n", args.join(" "), Outcome::of(&mut cmd).snapshot(&[d])));
        }
        insta::assert_snapshot!(format!("meeting-words-{lang}"), all);
    }
}

/// On a terminal (tests/support/pty_drive.py), `gov meeting add` without --kind and --topic asks
/// for the kind, the topic and the date.
#[test]
fn meeting_add_asks_on_a_terminal() {
    let dir = copy_fixture("meetings");
    let d = dir.path();
    let driver = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/pty_drive.py");
    // The first kind (consultation), a topic, and a date typed in another form.
    let steps = r#"[["Meeting kind:", "\r"], ["Topic:", "楼道照明议事\r"], ["Date held:", "2022年12月5日\r"]]"#;
    let out = std::process::Command::new("python3")
        .args([driver, steps, "--"])
        .arg(assert_cmd::cargo::cargo_bin("gov"))
        .args(["--data", d.to_str().unwrap(), "--today", TODAY, "meeting", "add", "--residents", "7"])
        .env_clear()
        .env("GOV_LANG", "en")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("TERM", "xterm")
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && shown.contains("added meeting M-2022-0005"), "{shown}");
    assert_eq!(
        read(d, NEW),
        "id: M-2022-0005\ndate: 2022-12-05\nkind: consultation\ntopic: 楼道照明议事\nattendees: {residents: 7}\n"
    );
}

/// A step goes into its decision's item even when the meeting has keys after `decisions`, and a
/// decision without `events` gets them.
#[test]
fn steps_land_in_their_decision_whatever_follows() {
    let dir = copy_fixture("meetings");
    let d = dir.path();
    let text = "id: M-2022-0005\ndate: 2022-12-01\nkind: consultation\ntopic: 停车\ndecisions:\n  - no: 1\n    text: 划线\n  - no: 2\n    text: 立牌\nminutes: 会上商定\n";
    std::fs::write(d.join(NEW), text).unwrap();
    ok(d, &["meeting", "done", "M-2022-0005/2", "--date", "2022-12-02"]);
    ok(d, &["meeting", "progress", "M-2022-0005/1", "--date", "2022-12-03"]);
    assert_eq!(
        read(d, NEW),
        "id: M-2022-0005\ndate: 2022-12-01\nkind: consultation\ntopic: 停车\ndecisions:\n  - no: 1\n    text: 划线\n    events:\n      - date: 2022-12-03\n        action: progress\n  - no: 2\n    text: 立牌\n    events:\n      - date: 2022-12-02\n        action: done\nminutes: 会上商定\n"
    );
    assert_clean(d, 0);
}
