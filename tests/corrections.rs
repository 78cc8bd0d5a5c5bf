//! `gov member edit`, `gov member set-status` and `gov household edit` change only the values
//! they are given, each in its own span: the file's other bytes (a BOM, CRLF line ends, GBK
//! text, comments, key order) stay as they were. Each test runs on a temp copy of
//! `tests/fixtures/write-yaml` (hand-edited YAML), `write-csv` (households.csv is UTF-8 with a
//! BOM and CRLF line ends; members.csv is GBK with LF) or `reports` (CSV with every column);
//! the expected bytes are the fixture's with the edited values replaced, written out by hand.
//! The last test runs member and household edits against `gov visit add` at once.

mod common;
mod write_support;

use std::path::Path;

use common::copy_fixture;
use encoding_rs::GBK;
use write_support::{assert_clean, bytes, data_tree as tree, git, ok, read, run, run_env};

/// The fixture's bytes of `rel` with each `(old, new)` replaced once (each old text occurs once).
fn replaced(fixture: &str, rel: &str, edits: &[(&[u8], &[u8])]) -> Vec<u8> {
    let mut b = std::fs::read(common::fixture_path(fixture).join(rel)).unwrap();
    for (old, new) in edits {
        let at = b.windows(old.len()).position(|w| w == *old).expect("in the fixture");
        assert!(b[at + 1..].windows(old.len()).all(|w| w != *old), "occurs once");
        b.splice(at..at + old.len(), new.iter().copied());
    }
    b
}

fn gbk(s: &str) -> Vec<u8> {
    GBK.encode(s).0.into_owned()
}

#[test]
fn member_edit_on_hand_edited_yaml_changes_only_its_values() {
    let dir = copy_fixture("write-yaml");
    let d = dir.path();
    // M01 has no phone and no roles: both are added after `id:`, in the order given; `grid` is
    // changed on its line. M02's `unit` line is changed, nothing else.
    assert_eq!(
        ok(d, &["member", "edit", "M01", "--phone", "13900001111", "--roles", "网格长;楼栋长"]),
        "member M01 王芳: phone (none) → 139****1111; roles (none) → 网格长;楼栋长 (members.yaml:3)\n"
    );
    assert_eq!(
        ok(d, &["member", "edit", "李强", "--unit", "财政局"]),
        "member M02 李强: unit 税务局 → 财政局 (members.yaml:11)\n"
    );
    // Roles are the whole new list: one taken out, one kept, one added, in the list's style.
    ok(d, &["member", "edit", "M01", "--roles", "楼栋长;志愿者"]);
    let expected = "# 党员名册（手工维护）\n\
                    - id: M01\n  phone: 13900001111\n  roles: [楼栋长, 志愿者]\n  name: 王芳\n  kind: resident   # 社区党员\n  grid: G1\n\
                    - id: M02\n  name: 李强\n  kind: in_service\n  unit: 财政局\n";
    assert_eq!(read(d, "members.yaml"), expected);
    // The same values again: nothing to do (run twice, written once).
    let out = run(d, &["member", "edit", "M01", "--phone", "13900001111"]);
    assert_eq!((out.code, out.stdout.as_str()), (Some(0), ""));
    assert_eq!(out.stderr, "member M01 王芳 already has these values; nothing was written\n");
    assert_eq!(read(d, "members.yaml"), expected);
    assert_clean(d, 0);
}

#[test]
fn member_edit_on_a_gbk_csv_keeps_its_encoding() {
    let dir = copy_fixture("write-csv");
    let d = dir.path();
    let before = bytes(d, "members.csv");
    assert!(std::str::from_utf8(&before).is_err(), "the fixture's members.csv is GBK");
    assert_eq!(
        ok(d, &["member", "edit", "M02", "--phone", "13900001111"]),
        "member M02 李强: phone (none) → 139****1111 (members.csv:3)\n"
    );
    // M02's row ended in an empty phone cell: `G1,\n` became `G1,13900001111\n`; the GBK name
    // bytes before it are untouched.
    let mut want = before.clone();
    let row = gbk("M02,李强,在职党员,G1,\n");
    let at = want.windows(row.len()).position(|w| w == row).unwrap();
    want.splice(at..at + row.len(), gbk("M02,李强,在职党员,G1,13900001111\n"));
    assert_eq!(bytes(d, "members.csv"), want);
    // households.csv has a column `备注` the loader does not know: its one warning.
    assert_clean(d, 1);
}

#[test]
fn member_edits_the_checks_reject_write_nothing() {
    let dir = copy_fixture("write-csv");
    let d = dir.path();
    let before = tree(d);
    // A grid that does not exist: refused in the check's words.
    let out = run(d, &["member", "edit", "M01", "--grid", "G9"]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stderr.contains("error[dangling-reference] `grid` refers to grid `G9`, which does not exist"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.ends_with("Error: 1 error in the new record; nothing was written\n"), "{}", out.stderr);
    // members.csv has no `branch` column.
    let out = run(d, &["member", "edit", "M01", "--branch", "O0002"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stderr,
        "Error: members.csv:2: the file has no `branch` column; add it to the header first; nothing was written\n"
    );
    // Nothing to change given.
    let out = run(d, &["member", "edit", "M01"]);
    assert_eq!(out.code, Some(2));
    assert_eq!(
        out.stderr,
        "Error: give at least one field to change (--phone, --branch, --grid, --unit, --roles, --pledge, --registered-mode, --registered-grid)\n"
    );
    // --dry-run shows the change and writes nothing.
    let out = run(d, &["member", "edit", "M01", "--phone", "13900001111", "--dry-run"]);
    assert_eq!(out.code, Some(0));
    assert_eq!(
        out.stdout,
        "would change\n--- members.csv (line 2)\n-M01,王芳,社区党员,G1,138****5678\n+M01,王芳,社区党员,G1,139****1111\n"
    );
    assert_eq!(tree(d), before);
}

#[test]
fn household_edit_on_a_bom_crlf_csv_changes_only_its_cells() {
    let dir = copy_fixture("write-csv");
    let d = dir.path();
    let before = bytes(d, "households.csv");
    assert!(before.starts_with(b"\xEF\xBB\xBF") && before.ends_with(b"\r\n"), "the fixture is BOM + CRLF");
    assert_eq!(
        ok(d, &["household", "edit", "H01", "--head", "刘老伯", "--address", "幸福里1号楼1单元103室"]),
        "household H01: address 幸福里1号楼1单元***室 → 幸福里1号楼1单元***室; head 刘大爷 → 刘老伯 (households.csv:2)\n"
    );
    let want = replaced(
        "write-csv",
        "households.csv",
        &[("H01,刘大爷,幸福里1号楼1单元101室".as_bytes(), "H01,刘老伯,幸福里1号楼1单元103室".as_bytes())],
    );
    assert_eq!(bytes(d, "households.csv"), want);
    // The file has no `size` column: refused, nothing written.
    let out = run(d, &["household", "edit", "H02", "--size", "3"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stderr,
        "Error: households.csv:3: the file has no `size` column; add it to the header first; nothing was written\n"
    );
    assert_eq!(bytes(d, "households.csv"), want);
    assert_clean(d, 1);
}

#[test]
fn household_edit_on_hand_edited_yaml_keeps_comments_and_order() {
    let dir = copy_fixture("write-yaml");
    let d = dir.path();
    // H01: `tags: [独居老人]` gets `低保` (given as its code, written as the folder's values:
    // codes), `head` changes on its line; `size` is new, after `id:`. H02: `phone` is new.
    assert_eq!(
        ok(d, &["household", "edit", "H01", "--tags", "独居老人;dibao", "--head", "刘老伯", "--size", "1"]),
        "household H01: head 刘大爷 → 刘老伯; size (none) → 1; tags elderly_alone → elderly_alone;dibao (households.yaml:4)\n"
    );
    assert_eq!(
        ok(d, &["household", "edit", "孙阿姨", "--phone", "13800002222"]),
        "household H02: phone (none) → 138****2222 (households.yaml:12)\n"
    );
    // Taking the tags away again leaves an empty flow list.
    ok(d, &["household", "edit", "H01", "--tags", "dibao"]);
    let want = replaced(
        "write-yaml",
        "households.yaml",
        &[
            (
                b"  id: H01\n  head: \xe5\x88\x98\xe5\xa4\xa7\xe7\x88\xb7\n",
                "  id: H01\n  size: 1\n  head: 刘老伯\n".as_bytes(),
            ),
            ("tags: [独居老人]".as_bytes(), b"tags: [dibao]"),
            (b"- id: H02\n", b"- id: H02\n  phone: 13800002222\n"),
        ],
    );
    assert_eq!(String::from_utf8(bytes(d, "households.yaml")).unwrap(), String::from_utf8(want).unwrap());
    assert_clean(d, 0);
}

#[test]
fn set_status_in_yaml_keeps_the_date_and_reason_and_names_the_households_left() {
    let dir = copy_fixture("write-yaml");
    let d = dir.path();
    // M01 looks after H01 (with M02, active) and H02 (alone): H02 is left without a contact.
    let out = run(d, &["member", "set-status", "王芳", "transferred", "--date", "2022-12-30", "--reason", "迁往外省"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, "member M01 王芳: active → transferred on 2022-12-30 (迁往外省) (members.yaml:3)\n");
    assert_eq!(
        out.stderr,
        "1 household(s) left without an active contact; link another member (gov household link):\n  \
         H02 幸福里1号楼1单元***室 (孙阿姨)\n"
    );
    let want = replaced(
        "write-yaml",
        "members.yaml",
        &[(b"- id: M01\n", "- id: M01\n  status: transferred  # 2022-12-30 迁往外省\n".as_bytes())],
    );
    assert_eq!(bytes(d, "members.yaml"), want);
    // Again: already so.
    let out = run(d, &["member", "set-status", "M01", "已转出", "--reason", "迁往外省"]);
    assert_eq!(out.stderr, "member M01 王芳 is already transferred; nothing was written\n");
    // Back to active: the comment is replaced, nobody is named.
    let out = run(d, &["member", "set-status", "M01", "active", "--reason", "转回本社区"]);
    assert_eq!(out.stderr, "");
    let want = replaced(
        "write-yaml",
        "members.yaml",
        &[(b"- id: M01\n", "- id: M01\n  status: active  # 2023-01-01 转回本社区\n".as_bytes())],
    );
    assert_eq!(bytes(d, "members.yaml"), want);
    // The households' `inactive-contact` warning (H02's only contact) is gone again.
    assert_clean(d, 0);
}

#[test]
fn set_status_in_csv_changes_the_cell_and_commits_the_reason_in_chinese() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    git(d, &["init", "-q"]);
    git(d, &["add", "."]);
    git(d, &["commit", "-qm", "start"]);
    // M04 looks after H04 alone, and H06 with M05, who has transferred: both are left.
    let out =
        run_env(d, &[("GOV_LANG", "zh")], &["member", "set-status", "M04", "deceased", "--reason", "病故", "--commit"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, "党员 M04 陈静：正常 → 已故，2023-01-01（病故）（members.csv:5）\n");
    assert!(
        out.stderr.ends_with(
            "2 户已没有在册的联系党员，请另行安排（gov household link）：\n  H04 和平苑5号楼1单元***室（郑奶奶）\n  \
             H06 和平苑6号楼2单元***室（何先生）\n"
        ),
        "{}",
        out.stderr
    );
    assert_eq!(git(d, &["log", "-1", "--format=%s"]), "党员 M04 陈静 2023-01-01 改为已故（病故）\n");
    assert_eq!(git(d, &["status", "--porcelain"]), "");
    let want = replaced("reports", "members.csv", &[(b"13700001111,,,active,", b"13700001111,,,deceased,")]);
    assert_eq!(bytes(d, "members.csv"), want);
}

#[test]
fn confirmations_in_both_languages() {
    let dir = copy_fixture("write-yaml");
    let d = dir.path();
    let zh = |args: &[&str]| {
        let out = run_env(d, &[("GOV_LANG", "zh")], args);
        format!("{}{}", out.stdout, out.stderr)
    };
    let en = |args: &[&str]| {
        let out = run(d, args);
        format!("{}{}", out.stdout, out.stderr)
    };
    let mut all = String::new();
    all += &en(&["member", "edit", "M01", "--phone", "13900001111", "--dry-run"]);
    all += &zh(&["member", "edit", "M01", "--phone", "13900001111", "--grid", "G1"]);
    all += &zh(&["household", "edit", "H03", "--tags", "独居老人;低保", "--size", "2"]);
    all += &en(&["household", "edit", "H03", "--tags", "低保"]);
    all += &zh(&["household", "edit", "H03"]);
    all += &zh(&["member", "set-status", "M02", "失联", "--reason", "长期联系不上"]);
    insta::assert_snapshot!("corrections_confirmations", all);
}

#[test]
fn edits_and_visit_adds_at_once_all_land() {
    let dir = copy_fixture("reports");
    let d = dir.path().to_path_buf();
    const JAN: &str = "visits/2024-01.csv";
    let visits_before = read(&d, JAN).lines().count();
    // The visits are of January 2024: today is 2024-03-01, as for the reports fixture's tests.
    fn at(d: &Path, args: &[&str]) -> common::Outcome {
        let mut cmd = common::gov(d);
        cmd.env("GOV_LANG", "en").arg("--data").arg(d).args(["--today", "2024-03-01"]).args(args);
        common::Outcome::of(&mut cmd)
    }
    let gov = |d: &Path, args: Vec<String>| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = at(d, &args);
        assert_eq!(out.code, Some(0), "{args:?}: {}", out.stderr);
    };
    let s = |v: &[&str]| v.iter().map(|a| a.to_string()).collect::<Vec<_>>();
    let mut threads = Vec::new();
    // Three members' phones and three households' sizes, each edited 5 times by its own
    // writer; two writers add 10 visits each.
    for w in 1..=3 {
        let d = d.clone();
        threads.push(std::thread::spawn(move || {
            for i in 0..5 {
                let phone = format!("1390000{w}{i:03}");
                gov(&d, s(&["member", "edit", &format!("M0{w}"), "--phone", &phone]));
                gov(&d, s(&["household", "edit", &format!("H0{w}"), "--size", &format!("{}", i + 1)]));
            }
        }));
    }
    for w in 0..2 {
        let d = d.clone();
        threads.push(std::thread::spawn(move || {
            for i in 0..10 {
                let summary = format!("并发走访 {w}-{i}");
                let args = ["visit", "add", "--member", "M01", "--household", "H02", "--method", "home"];
                gov(&d, s(&[&args[..], &["--summary", &summary, "--date", "2024-01-28"]].concat()));
            }
        }));
    }
    threads.into_iter().for_each(|t| t.join().unwrap());
    // Every writer's last value is there, and every visit, each row whole.
    let members = read(&d, "members.csv");
    let households = read(&d, "households.csv");
    for w in 1..=3 {
        assert!(
            members.lines().any(|l| l.starts_with(&format!("M0{w},")) && l.contains(&format!(",1390000{w}004,"))),
            "{members}"
        );
        let row = households.lines().find(|l| l.starts_with(&format!("H0{w},"))).unwrap();
        assert_eq!(row.split(',').nth(5), Some("5"), "{households}");
    }
    let visits = read(&d, JAN);
    let added: Vec<&str> = visits.lines().skip(visits_before).collect();
    assert_eq!(added.len(), 20);
    let mut seen: Vec<&str> = added.clone();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), 20, "every row distinct and intact");
    assert!(added.iter().all(|l| l.starts_with("2024-01-28,M01,H02,home,并发走访 ")), "{visits}");
    let out = at(&d, &["check"]);
    assert!(out.stdout.contains(": 0 errors, 1 warning"), "{}", out.stdout);
}

/// write-csv's visits of December 2022, UTF-8 with a BOM and CRLF line ends (as Excel saves
/// "CSV UTF-8"): line 2 and 3 are both on 2022-12-01, by M01 and M02, at H01.
const DEC: &str = "visits/2022-12.csv";
const DEC_TEXT: &str = "\u{FEFF}date,member,household,method,summary,topics,with,issues\r\n\
                        2022-12-01,M01,H01,home,看望老人,,,\r\n\
                        2022-12-01,M02,H01,phone,电话问候,,,\r\n\
                        2022-12-05,M01,H02,home,送温暖,供暖,,\r\n";

#[test]
fn visit_rm_and_edit_on_a_bom_crlf_month_file() {
    let dir = copy_fixture("write-csv");
    let d = dir.path();
    std::fs::create_dir(d.join("visits")).unwrap();
    std::fs::write(d.join(DEC), DEC_TEXT).unwrap();
    assert_clean(d, 1);
    let before = tree(d);
    // Two visits on 2022-12-01: refused, both listed, nothing written.
    let out = run(d, &["visit", "rm", "--date", "2022-12-01", "--household", "H01"]);
    assert_eq!(out.code, Some(2));
    assert_eq!(
        out.stderr,
        "  visits/2022-12.csv:2: 2022-12-01 王芳 → 幸福里1号楼1单元***室 (home visit)\n  \
         visits/2022-12.csv:3: 2022-12-01 李强 → 幸福里1号楼1单元***室 (phone)\n\
         Error: 2 visits match; nothing was written\n\
         Hint: name one by its row (visits/2022-10.csv:17), or add --member, --household or --date\n"
    );
    // --dry-run shows the row that would go.
    let out = run(d, &["visit", "rm", "visits/2022-12.csv:2", "--dry-run"]);
    assert_eq!(out.stdout, "would change\n--- visits/2022-12.csv (line 2)\n-2022-12-01,M01,H01,home,看望老人,,,\n");
    assert_eq!(tree(d), before);
    // The date and member name one: line 3 goes, its CRLF with it.
    assert_eq!(
        ok(d, &["visit", "rm", "--date", "2022-12-01", "--member", "李强"]),
        "removed the visit 2022-12-01 李强 → 幸福里1号楼1单元***室 (phone) (visits/2022-12.csv:3)\n"
    );
    // The 12-05 visit, now on line 3: summary and topics change, in their cells.
    assert_eq!(
        ok(d, &["visit", "edit", "visits/2022-12.csv:3", "--summary", "送温暖，检查暖气", "--topics", "供暖;安全"]),
        "visit visits/2022-12.csv:3 (2022-12-05 王芳 → 幸福里1号楼1单元***室 (home visit)): \
         summary 送温暖 → 送温暖，检查暖气; topics 供暖 → 供暖;安全 (visits/2022-12.csv:3)\n"
    );
    let want = "\u{FEFF}date,member,household,method,summary,topics,with,issues\r\n\
                2022-12-01,M01,H01,home,看望老人,,,\r\n\
                2022-12-05,M01,H02,home,送温暖，检查暖气,供暖;安全,,\r\n";
    assert_eq!(read(d, DEC), want);
    // A row that holds no visit, and a row written wrongly.
    let out = run(d, &["visit", "rm", "visits/2022-12.csv:9"]);
    assert_eq!((out.code, out.stderr.as_str()), (Some(2), "Error: no visit matches\n"));
    let out = run(d, &["visit", "edit", "2022-12.csv", "--summary", "x"]);
    assert_eq!(out.stderr, "Error: `2022-12.csv` is not a row; write it as visits/2022-10.csv:17\n");
    // An edit the checks reject: a member who does not exist as a companion.
    let out = run(d, &["visit", "edit", "visits/2022-12.csv:2", "--with", "M09"]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(out.stderr.contains("error[dangling-reference]"), "{}", out.stderr);
    assert_eq!(read(d, DEC), want);
    assert_clean(d, 1);
}

#[test]
fn visit_edit_on_a_gbk_month_file_and_its_commit_in_chinese() {
    let dir = copy_fixture("write-csv");
    let d = dir.path();
    std::fs::create_dir(d.join("visits")).unwrap();
    let text = "date,member,household,method,summary,topics,with,issues\n\
                2022-12-01,M01,H01,入户,看望老人,,,\n\
                2022-12-05,M02,H02,入户,送温暖,,,\n";
    std::fs::write(d.join(DEC), gbk(text)).unwrap();
    git(d, &["init", "-q"]);
    git(d, &["add", "."]);
    git(d, &["commit", "-qm", "start"]);
    let out = run_env(
        d,
        &[("GOV_LANG", "zh")],
        &["visit", "edit", "--member", "M02", "--method", "电话", "--new-date", "2022-12-06", "--commit"],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "走访记录 visits/2022-12.csv:3（2022-12-05 李强 → 幸福里1号楼1单元***室（入户））：\
         走访日期由“2022-12-05”改为“2022-12-06”；走访方式由“入户”改为“电话”（visits/2022-12.csv:3）\n"
    );
    assert_eq!(
        git(d, &["log", "-1", "--format=%s"]),
        "修改走访记录 visits/2022-12.csv:3（2022-12-05 李强 → 幸福里1号楼1单元***室（入户）） 的走访日期、走访方式\n"
    );
    // The method is written as a code (the folder's `values` are codes); the file stays GBK.
    let want = "date,member,household,method,summary,topics,with,issues\n\
                2022-12-01,M01,H01,入户,看望老人,,,\n\
                2022-12-06,M02,H02,phone,送温暖,,,\n";
    assert_eq!(bytes(d, DEC), gbk(want));
    let out = run_env(d, &[("GOV_LANG", "zh")], &["visit", "rm", "visits/2022-12.csv:2", "--commit"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        git(d, &["log", "-1", "--format=%s"]),
        "删除走访记录 visits/2022-12.csv:2 2022-12-01 王芳 → 幸福里1号楼1单元***室（入户）\n"
    );
    assert_eq!(
        bytes(d, DEC),
        gbk("date,member,household,method,summary,topics,with,issues\n2022-12-06,M02,H02,phone,送温暖,,,\n")
    );
    assert_eq!(git(d, &["status", "--porcelain"]), "");
}

const I1: &str = "issues/2022/I-2022-0001.yaml";

#[test]
fn issue_undo_takes_back_the_latest_event_and_only_it() {
    let dir = copy_fixture("write-yaml");
    let d = dir.path();
    let original = bytes(d, I1);
    // An event added by mistake, then taken back: the file is its old bytes again.
    ok(d, &["issue", "progress", "I-2022-0001", "--note", "误登", "--date", "2022-12-02"]);
    assert_ne!(bytes(d, I1), original);
    // Without a terminal (the tests' standard input is not one) and without --yes: refused.
    let out = run(d, &["issue", "undo", "I-2022-0001"]);
    assert_eq!(out.code, Some(2));
    assert_eq!(
        out.stderr,
        "the latest event, I-2022-0001: progress (进展) on 2022-12-02 (issues/2022/I-2022-0001.yaml:11):\n\
         Error: no terminal to confirm on; give --yes to remove the event; nothing was written\n"
    );
    assert_eq!(out.stdout, "  - date: 2022-12-02\n    action: progress\n    note: 误登\n");
    // --dry-run shows the lines that would go.
    let out = run(d, &["issue", "undo", "I-2022-0001", "--dry-run"]);
    assert!(out.stdout.ends_with("would change\n--- issues/2022/I-2022-0001.yaml (line 11)\n-  - date: 2022-12-02\n-    action: progress\n-    note: 误登\n"), "{}", out.stdout);
    let out = run(d, &["issue", "undo", "I-2022-0001", "--yes"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.ends_with(
            "removed the event I-2022-0001: progress (进展) on 2022-12-02 (issues/2022/I-2022-0001.yaml:11)\n"
        ),
        "{}",
        out.stdout
    );
    assert_eq!(bytes(d, I1), original);
    // The flow-mapping event of I-2022-0002 goes as its one line; the problem then has none.
    ok(d, &["issue", "undo", "I-2022-0002", "--yes"]);
    assert_eq!(
        read(d, "issues/2022/I-2022-0002.yaml"),
        "id: I-2022-0002\ntitle: 楼道积水\nreceived: 2022-12-02\ncategory: infrastructure\nevents:\n"
    );
    let out = run(d, &["issue", "undo", "I-2022-0002", "--yes"]);
    assert_eq!(out.stderr, "Error: I-2022-0002 has no events; nothing to undo\n");
    assert_clean(d, 0);
}

#[test]
fn issue_amend_changes_its_own_fields_in_place() {
    let dir = copy_fixture("write-yaml");
    let d = dir.path();
    git(d, &["init", "-q"]);
    git(d, &["add", "."]);
    git(d, &["commit", "-qm", "start"]);
    let out = run_env(
        d,
        &[("GOV_LANG", "zh")],
        &[
            "issue",
            "amend",
            "I-2022-0001",
            "--title",
            "暖气片不热",
            "--urgency",
            "紧急",
            "--household",
            "孙阿姨",
            "--commit",
        ],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "诉求 I-2022-0001：诉求标题由“暖气不热”改为“暖气片不热”；紧急程度由“一般”改为“紧急”；\
         诉求户由“H01”改为“H02”（issues/2022/I-2022-0001.yaml:3）\n"
    );
    assert_eq!(git(d, &["log", "-1", "--format=%s"]), "修改诉求 I-2022-0001 的诉求标题、紧急程度、诉求户\n");
    // `urgency` was absent: added after `id:`; the others changed on their lines; the comment
    // line at the top and the events stay.
    let want = replaced(
        "write-yaml",
        I1,
        &[
            (b"id: I-2022-0001\n", b"id: I-2022-0001\nurgency: urgent\n"),
            ("title: 暖气不热".as_bytes(), "title: 暖气片不热".as_bytes()),
            (b"household: H01", b"household: H02"),
        ],
    );
    assert_eq!(bytes(d, I1), want);
    // What the checks reject is refused in their words.
    let out = run(d, &["issue", "amend", "I-2022-0001", "--household", "H09"]);
    assert_eq!(out.code, Some(1));
    assert!(out.stderr.contains("error[dangling-reference] `household` refers to household `H09`"), "{}", out.stderr);
    assert_eq!(bytes(d, I1), want);
    assert_clean(d, 0);
}

/// `gov issue undo` on a pseudo-terminal (tests/support/pty_drive.py) answering `answer`.
fn undo_on_a_terminal(d: &Path, answer: &str) -> (bool, String) {
    let driver = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/pty_drive.py");
    let steps = format!(r#"[["Remove this event?", "{answer}\r"]]"#);
    let out = std::process::Command::new("python3")
        .args([driver, &steps, "--"])
        .arg(assert_cmd::cargo::cargo_bin("gov"))
        .args(["--data", d.to_str().unwrap(), "--today", common::TODAY, "issue", "undo", "I-2022-0001"])
        .env_clear()
        .env("GOV_LANG", "en")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("TERM", "xterm")
        .output()
        .unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn issue_undo_asks_on_a_terminal() {
    let dir = copy_fixture("write-yaml");
    let d = dir.path();
    let original = bytes(d, I1);
    ok(d, &["issue", "progress", "I-2022-0001", "--note", "误登", "--date", "2022-12-02"]);
    let added = bytes(d, I1);
    // No: nothing written.
    let (success, shown) = undo_on_a_terminal(d, "n");
    assert!(success && shown.contains("nothing was written"), "{shown}");
    assert_eq!(bytes(d, I1), added);
    // Yes: the event goes.
    let (success, shown) = undo_on_a_terminal(d, "y");
    assert!(success && shown.contains("removed the event I-2022-0001: progress (进展) on 2022-12-02"), "{shown}");
    assert_eq!(bytes(d, I1), original);
}

#[test]
fn a_visit_by_its_id_and_a_block_list_of_tags() {
    let dir = copy_fixture("write-csv");
    let d = dir.path();
    std::fs::create_dir(d.join("visits")).unwrap();
    let text = "id,date,member,household,method,summary\n\
                V1,2022-12-01,M01,H01,home,看望老人\n\
                V2,2022-12-01,M01,H01,phone,电话回访\n";
    std::fs::write(d.join(DEC), text).unwrap();
    assert_eq!(
        ok(d, &["visit", "rm", "--id", "V2"]),
        "removed the visit 2022-12-01 王芳 → 幸福里1号楼1单元***室 (phone) (visits/2022-12.csv:3)\n"
    );
    assert_eq!(read(d, DEC), "id,date,member,household,method,summary\nV1,2022-12-01,M01,H01,home,看望老人\n");
    // The file has no `topics` column: refused, naming it.
    let out = run(d, &["visit", "edit", "--id", "V1", "--topics", "养老"]);
    assert_eq!(
        out.stderr,
        "Error: visits/2022-12.csv:2: the file has no `topics` column; add it to the header first; nothing was written\n"
    );

    // A block list keeps the comments on the items that stay.
    let dir = copy_fixture("write-yaml");
    let d = dir.path();
    let text = "- id: H01\n  head: 刘大爷\n  address: 幸福里1号楼1单元101室\n  grid: G1\n  tags:\n    - 独居老人   # 2022 年起\n    - 低保\n  contacts: [M01]\n";
    std::fs::write(d.join("households.yaml"), text).unwrap();
    ok(d, &["household", "edit", "H01", "--tags", "独居老人;残疾"]);
    assert_eq!(
        read(d, "households.yaml"),
        "- id: H01\n  head: 刘大爷\n  address: 幸福里1号楼1单元101室\n  grid: G1\n  tags:\n    - 独居老人   # 2022 年起\n    - disability\n  contacts: [M01]\n"
    );
    assert_clean(d, 0);
}

#[test]
fn each_edit_run_twice_writes_once() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    let cases: [&[&str]; 5] = [
        &["member", "edit", "M01", "--phone", "13900001111", "--roles", "网格长;楼栋长"],
        &["member", "set-status", "M02", "inactive", "--reason", "联系不上"],
        &["household", "edit", "H01", "--size", "2", "--tags", "低保;独居老人"],
        &["visit", "edit", "visits/2024-01.csv:2", "--summary", "更正后的内容"],
        &["issue", "amend", "I-2024-0003", "--title", "更正后的标题"],
    ];
    for args in cases {
        let out = run(d, args);
        assert_eq!(out.code, Some(0), "{args:?}: {}", out.stderr);
        assert!(!out.stdout.is_empty(), "{args:?} wrote");
        let once = tree(d);
        let out = run(d, args);
        assert_eq!((out.code, out.stdout.as_str()), (Some(0), ""), "{args:?}");
        assert!(out.stderr.ends_with("nothing was written\n"), "{args:?}: {}", out.stderr);
        assert!(tree(d) == once, "{args:?} wrote nothing the second time");
    }
}
