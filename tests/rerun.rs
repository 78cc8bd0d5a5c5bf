//! A recording command run twice, or again after it was stopped without knowing whether it had
//! written, records once: the second run finds the same record (every field but a chosen id the
//! same) and says where, writing nothing. `scripts/crash-test.sh` relies on this.

mod common;

use std::path::Path;

use common::{Outcome, copy_fixture, gov};

fn run(d: &Path, args: &[&str]) -> Outcome {
    let mut cmd = gov(d);
    // English whatever the folder's `lang`: the words matched below are English.
    cmd.env("GOV_LANG", "en").args(["--today", "2024-03-01"]).args(args);
    Outcome::of(&mut cmd)
}

fn data(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    common::tree(dir).into_iter().filter(|(p, _)| !p.starts_with(".gov")).collect()
}

#[test]
fn each_recording_command_run_twice_records_once() {
    let dir = copy_fixture("reports");
    let d = dir.path();
    let cases: [(&[&str], &str, &str); 5] = [
        (
            &["member", "add", "--name", "新党员", "--kind", "resident", "--phone", "13900001111"],
            "added to members.csv:7: M06 新党员\n",
            "already recorded as M06 at members.csv:7; nothing was written\n",
        ),
        (
            &[
                "household",
                "add",
                "--address",
                "幸福里3号楼1单元101室",
                "--grid",
                "G1",
                "--head",
                "钱先生",
                "--contacts",
                "M01",
            ],
            "added to households.csv:8: H07 幸福里3号楼1单元***室\n",
            "already recorded as H07 at households.csv:8; nothing was written\n",
        ),
        (
            &["org", "add", "--name", "第三党支部", "--kind", "branch"],
            "added to orgs.csv:2: O0001 第三党支部\n",
            "already recorded as O0001 at orgs.csv:2; nothing was written\n",
        ),
        (
            &["issue", "add", "--title", "路灯不亮", "--category", "infrastructure", "--household", "H01"],
            "added issue I-2024-0005 (issues/2024/I-2024-0005.yaml): 路灯不亮\n",
            "already recorded as I-2024-0005 (issues/2024/I-2024-0005.yaml:1); nothing was written\n",
        ),
        (
            &["issue", "progress", "I-2024-0003", "--note", "已联系物业", "--by", "网格员"],
            "I-2024-0003: progress (进展) on 2024-03-01 (issues/2024/I-2024-0003.yaml:12)\n",
            "I-2024-0003: progress (进展) on 2024-03-01 is already recorded (issues/2024/I-2024-0003.yaml:12); \
             nothing was written\n",
        ),
    ];
    for (args, first, second) in cases {
        let out = run(d, args);
        assert_eq!((out.code, out.stdout.as_str()), (Some(0), first), "{args:?}: {}", out.stderr);
        let once = data(d);
        let out = run(d, args);
        assert_eq!((out.code, out.stdout.as_str(), out.stderr.as_str()), (Some(0), second, ""), "{args:?}");
        assert!(data(d) == once, "{args:?} wrote nothing the second time");
    }
    // Something different is recorded as usual.
    let out = run(d, &["member", "add", "--name", "新党员", "--kind", "resident", "--phone", "13900002222"]);
    assert_eq!(out.stdout, "added to members.csv:8: M07 新党员\n", "{}", out.stderr);
    let out = run(d, &["issue", "progress", "I-2024-0003", "--note", "物业已维修", "--by", "网格员"]);
    assert_eq!(out.stdout, "I-2024-0003: progress (进展) on 2024-03-01 (issues/2024/I-2024-0003.yaml:13)\n");
    let out = run(d, &["--lang", "en", "check"]);
    assert_eq!(out.code, Some(0), "{}", out.stdout);
}
