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
