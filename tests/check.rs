//! End-to-end tests of `gov check`: one fixture folder per finding code (tests/fixtures/<code>/),
//! a clean folder that must pass, the exit codes, `--strict`, `--format json`, folder discovery
//! and the errors for a missing folder.
//!
//! Every fixture test states the findings it expects as (code, file, line), worked out by reading
//! the fixture's files, and also snapshots the whole output (exit code, stdout, stderr).

mod common;

use std::fs;

use common::{Outcome, TODAY, check, copy_fixture, expected, fixture_path, gov, hide_paths};
use gov::finding::Code;
use serde_json::Value;

type Expected<'a> = &'a [(&'a str, &'a str, Option<u64>)];

/// Runs `gov check` on a copy of the fixture, snapshots the text output, and checks the exit code
/// and the findings (from the JSON output, and the same list from the text output).
fn check_fixture(name: &str, exit: i32, want: Expected<'_>) -> Outcome {
    let dir = copy_fixture(name);
    let text = check(dir.path(), &[]);
    insta::assert_snapshot!(name, text.snapshot(&[dir.path()]));
    assert_eq!(text.code, Some(exit), "exit code of `gov check` on {name}");
    assert_eq!(text.stderr, "", "stderr of `gov check` on {name}");

    let json = check(dir.path(), &["--format", "json"]);
    assert_eq!(json.code, Some(exit), "exit code of `gov check --format json` on {name}");
    assert_eq!(json.json_findings(), expected(want), "findings of {name}");
    assert_eq!(text.text_findings(), expected(want), "text and JSON output of {name} disagree");
    text
}

/// Asserts the fixture named after a code produced that code only.
fn only_code(name: &str, want: Expected<'_>) {
    assert!(!want.is_empty());
    assert!(want.iter().all(|(code, _, _)| *code == name), "{name} fixture expects other codes too");
}

#[test]
fn every_code_has_a_fixture() {
    for code in Code::ALL {
        assert!(fixture_path(code.as_str()).is_dir(), "no tests/fixtures/{}/", code.as_str());
    }
    assert!(fixture_path("clean").is_dir());
}

/// UTF-8 YAML, GB18030 CSV (members), CSV with a BOM (households), CRLF CSV (visits), Chinese
/// labels for enums, the three list separators, dates with `/` and `.`, and an issue that goes
/// through dispatch, whistle, two reports, resolution and feedback: no findings.
#[test]
fn clean() {
    let out = check_fixture("clean", 0, &[]);
    assert!(
        out.stdout.starts_with("checked 3 grids, 3 members, 3 households, 5 visits, 1 issue: 0 errors, 0 warnings")
    );
    // The encodings the fixture claims to have.
    let members = fs::read(fixture_path("clean/members.csv")).unwrap();
    assert!(std::str::from_utf8(&members).is_err(), "members.csv should be GB18030, not UTF-8");
    assert!(fs::read(fixture_path("clean/households.csv")).unwrap().starts_with(b"\xEF\xBB\xBF"));
    assert!(fs::read_to_string(fixture_path("clean/visits/2022-11.csv")).unwrap().contains("\r\n"));
}

#[test]
fn parse_error() {
    let want = [
        ("parse-error", "households.csv", Some(3)), // 6 fields, header has 5
        ("parse-error", "issues/2022/I-2022-001.yaml", Some(2)), // `a: b: c`, with a snippet
        ("parse-error", "issues/2022/I-2022-002.yaml", Some(3)), // duplicate key
        ("parse-error", "issues/2022/I-2022-003.yaml", Some(1)), // a single value, not a record
        ("parse-error", "issues/2022/I-2022-004.yaml", Some(5)), // list item not a mapping
        ("parse-error", "issues/2022/I-2022-005.yaml", None), // UTF-16
        ("parse-error", "members/extra.csv", Some(1)), // column named twice
        ("parse-error", "visits/2022-03.csv", Some(1)), // column without a name
        ("parse-error", "visits/2022-04.csv", None), // NUL bytes: not text
    ];
    only_code("parse-error", &want);
    let out = check_fixture("parse-error", 1, &want);
    // The YAML error shows the source line with a caret under the second `:`.
    assert!(
        out.stdout.contains(
            "issues/2022/I-2022-001.yaml:2:13: error[parse-error] invalid YAML: mapping values are not allowed"
        )
    );
    assert!(out.stdout.contains("2 | title: 楼道灯坏了: 又坏了"));
}

/// The caret under a CSV header problem should point at the offending column, not at the
/// character whose index equals the column number.
#[test]
fn csv_header_findings_name_the_column_not_a_position() {
    let dir = copy_fixture("parse-error");
    let out = check(dir.path(), &[]);
    // members/extra.csv: `id,name,kind,name`. CSV findings carry no character column (a field
    // number would mislead editors reading file:line:col); the message names the column.
    let line = out.stdout.lines().find(|l| l.starts_with("members/extra.csv:")).unwrap();
    assert_eq!(line, "members/extra.csv:1: error[parse-error] column `name` appears twice in the header");
}

#[test]
fn missing_field() {
    let want = [
        ("missing-field", "gov.yaml", Some(1)),                     // no `name`
        ("missing-field", "households.csv", Some(1)),               // no `head` column
        ("missing-field", "households.csv", Some(3)),               // empty address
        ("missing-field", "issues/2022/I-2022-001.yaml", Some(1)),  // no category
        ("missing-field", "issues/2022/I-2022-001.yaml", Some(5)),  // whistle without departments
        ("missing-field", "issues/2022/I-2022-001.yaml", Some(7)),  // report without department
        ("missing-field", "issues/2022/I-2022-001.yaml", Some(11)), // feedback without satisfaction
        ("missing-field", "issues/2022/I-2022-001.yaml", Some(11)), // ... and without solved
        ("missing-field", "issues/2022/I-2022-001.yaml", Some(13)), // event without date
        ("missing-field", "members.yaml", Some(4)),                 // no kind
        ("missing-field", "members.yaml", Some(6)),                 // name ""
        ("missing-field", "visits/2022-03.csv", Some(2)),           // empty summary
        ("missing-field", "visits/2022-03.csv", Some(3)),           // empty date
    ];
    only_code("missing-field", &want);
    check_fixture("missing-field", 1, &want);
}

#[test]
fn invalid_value() {
    let want = [
        ("invalid-value", "gov.yaml", Some(2)), // lang: fr (see gov_yaml_lang_points_at_its_line)
        ("invalid-value", "gov.yaml", Some(3)), // auto_commit: 也许
        ("invalid-value", "gov.yaml", Some(6)), // visit_interval_days.red: 0
        ("invalid-value", "grids.yaml", Some(2)), // name is a list
        ("invalid-value", "grids.yaml", Some(3)), // level 4
        ("invalid-value", "households.csv", Some(2)), // size 多
        ("invalid-value", "households.csv", Some(2)), // tag 富豪
        ("invalid-value", "households.csv", Some(2)), // contact id 张伟
        ("invalid-value", "households.csv", Some(3)), // colour 紫
        ("invalid-value", "issues/2022/I-2022-001.yaml", Some(4)), // category 暖气
        ("invalid-value", "issues/2022/I-2022-001.yaml", Some(5)), // urgency urgnet
        ("invalid-value", "issues/2022/I-2022-001.yaml", Some(8)), // action resovled
        ("invalid-value", "members.yaml", Some(4)), // 2022-02-30
        ("invalid-value", "members.yaml", Some(5)), // status transfered
        ("invalid-value", "members.yaml", Some(6)), // id `M 002`
        ("invalid-value", "visits/2022-03.csv", Some(2)), // method hom
        ("invalid-value", "visits/2022-03.csv", Some(3)), // 2022/3/32
    ];
    only_code("invalid-value", &want);
    let out = check_fixture("invalid-value", 1, &want);
    for hint in
        ["did you mean `home`?", "did you mean `urgent`?", "did you mean `resolved`?", "did you mean `transferred`?"]
    {
        assert!(out.stdout.contains(hint), "no hint {hint:?}");
    }
    // households.csv starts with a BOM; its columns are still found (`2:5` is `size`).
    assert!(
        out.stdout
            .contains("households.csv:2: error[invalid-value] `size` value `多` is not a whole number from 1 to 100")
    );
}

/// `lang: fr` is on line 2 of gov.yaml; the finding names line 1 (the mapping's first line).
#[test]
fn gov_yaml_lang_points_at_its_line() {
    let dir = copy_fixture("invalid-value");
    let out = check(dir.path(), &[]);
    assert!(
        out.stdout.contains("gov.yaml:2:1: error[invalid-value] `lang` value `fr` is not a language"),
        "{}",
        out.stdout
    );
}

#[test]
fn unknown_field() {
    let want = [
        ("unknown-field", "gov.yaml", Some(2)),                    // departements
        ("unknown-field", "gov.yaml", Some(4)),                    // visit_interval_days.redd
        ("unknown-field", "households.csv", Some(1)),              // column colour
        ("unknown-field", "households.csv", Some(1)),              // column 备注
        ("unknown-field", "issues/2022/I-2022-001.yaml", Some(5)), // priority
        ("unknown-field", "issues/2022/I-2022-001.yaml", Some(9)), // event field notes
        ("unknown-field", "members.yaml", Some(4)),                // phon
    ];
    only_code("unknown-field", &want);
    let out = check_fixture("unknown-field", 0, &want);
    for hint in [
        "did you mean `departments`?",
        "did you mean `red`?",
        "did you mean `color`?",
        "did you mean `note`?",
        "did you mean `phone`?",
    ] {
        assert!(out.stdout.contains(hint), "no hint {hint:?}");
    }
}

#[test]
fn duplicate_id() {
    let want = [
        ("duplicate-id", "grids.yaml", Some(3)),
        ("duplicate-id", "households.yaml", Some(6)),
        ("duplicate-id", "issues/2022/I-2.yaml", Some(1)),
        ("duplicate-id", "meetings/2022/M-2022-0001.yaml", Some(8)), // decision no 1 twice
        ("duplicate-id", "members.yaml", Some(4)),                   // first seen in members/extra.csv, read first
        ("duplicate-id", "ratings/2022.yaml", Some(3)),              // O1 rated for 2022 twice
        ("duplicate-id", "reviews.csv", Some(4)),                    // M001 reviewed for 2022 twice
        ("duplicate-id", "visits/2022-03.csv", Some(3)),
    ];
    only_code("duplicate-id", &want);
    let out = check_fixture("duplicate-id", 1, &want);
    assert!(out.stdout.contains("member id `M002` is already used at members/extra.csv:2"));
    assert!(out.stdout.contains("issue id `I-2022-001` is already used at issues/2022/I-1.yaml:1"));
    assert!(out.stdout.contains("decision number 1 is already used on line 6 of this meeting"));
    assert!(out.stdout.contains("branch `O1` is already rated for 2022 at ratings/2022.yaml:1"));
    assert!(out.stdout.contains("member `M001` is already reviewed for 2022 at reviews.csv:2"));
}

#[test]
fn dangling_reference() {
    let want = [
        ("dangling-reference", "grids.yaml", Some(1)),      // leader M009
        ("dangling-reference", "grids.yaml", Some(4)),      // parent G2
        ("dangling-reference", "households.yaml", Some(1)), // contact M0O2
        ("dangling-reference", "issues/2022/I-2022-001.yaml", Some(1)), // grid G9
        ("dangling-reference", "issues/2022/I-2022-001.yaml", Some(1)), // household H009
        ("dangling-reference", "issues/2022/I-2022-001.yaml", Some(1)), // recorded_by M009
        ("dangling-reference", "issues/2022/I-2022-001.yaml", Some(9)), // whistle: 水务局
        ("dangling-reference", "issues/2022/I-2022-001.yaml", Some(9)), // whistle: 房产中新
        ("dangling-reference", "issues/2022/I-2022-001.yaml", Some(12)), // report: 水务局
        ("dangling-reference", "meetings/2022/M-2022-0001.yaml", Some(1)), // convened_by O9
        ("dangling-reference", "meetings/2022/M-2022-0001.yaml", Some(1)), // chair M009
        ("dangling-reference", "meetings/2022/M-2022-0001.yaml", Some(1)), // attendee M009
        ("dangling-reference", "meetings/2022/M-2022-0001.yaml", Some(1)), // attendee O9
        ("dangling-reference", "meetings/2022/M-2022-0001.yaml", Some(1)), // issues I-2022-009
        ("dangling-reference", "meetings/2022/M-2022-0001.yaml", Some(1)), // department 房产中新
        ("dangling-reference", "meetings/2022/M-2022-0001.yaml", Some(10)), // owner 城关局
        ("dangling-reference", "members.yaml", Some(4)),    // grid G3
        ("dangling-reference", "visits/2022-03.csv", Some(2)), // member M003
        ("dangling-reference", "visits/2022-03.csv", Some(3)), // household H002
        ("dangling-reference", "visits/2022-03.csv", Some(4)), // with M007
        ("dangling-reference", "visits/2022-03.csv", Some(4)), // issues I-2022-009
    ];
    only_code("dangling-reference", &want);
    let out = check_fixture("dangling-reference", 1, &want);
    assert!(
        out.stdout.contains("`contacts` refers to member `M0O2`, which does not exist\n    hint: did you mean `M002`?")
    );
    assert!(out.stdout.contains("department `房产中新` is not listed in gov.yaml\n    hint: did you mean `房产中心`?"));
    assert!(out.stdout.contains("owner `城关局` is neither an org, a member nor a department listed in gov.yaml\n    hint: did you mean `城管局`?"));
    assert!(
        out.stdout.contains(
            "department `水务局` is not listed in gov.yaml\n    hint: list it under `departments` in gov.yaml"
        )
    );
}

#[test]
fn future_date() {
    let want = [
        ("future-date", "issues/2022/I-2022-001.yaml", Some(8)), // resolved 2023-01-02
        ("future-date", "issues/2023/I-2023-001.yaml", Some(1)), // received 2023-01-05
        ("future-date", "issues/2023/I-2023-001.yaml", Some(6)), // dispatched 2023-01-06
        ("future-date", "members.yaml", Some(1)),                // registered 2023-02-01
        ("future-date", "visits/2023-01.csv", Some(3)),          // 2023-01-02; 2023-01-01 is today
    ];
    only_code("future-date", &want);
    check_fixture("future-date", 1, &want);
}

#[test]
fn event_order() {
    let want = [
        ("event-order", "issues/2022/I-1.yaml", Some(7)), // resolved before received
        ("event-order", "issues/2022/I-2.yaml", Some(9)), // feedback before resolved
        ("event-order", "issues/2022/I-3.yaml", Some(7)), // report before whistle
        ("event-order", "issues/2022/I-4.yaml", Some(9)), // dates out of order
        ("event-order", "issues/2022/I-5.yaml", Some(9)), // resolved twice
        ("event-order", "issues/2022/I-6.yaml", Some(9)), // reopened, never resolved
        ("event-order", "issues/2022/I-7.yaml", Some(14)), // dispatched after closed
    ];
    only_code("event-order", &want);
    check_fixture("event-order", 1, &want);
}

#[test]
fn decision_order() {
    let f = "meetings/2022/M-2022-0001.yaml";
    let want = [
        ("decision-order", f, Some(9)),  // done before the meeting
        ("decision-order", f, Some(14)), // out of order
        ("decision-order", f, Some(19)), // after dropped
        ("decision-order", f, Some(23)), // reported back before done
        ("decision-order", f, Some(27)), // reported_back on progress
        ("decision-order", f, Some(29)), // done again
        ("decision-order", f, Some(33)), // progress before the meeting
    ];
    only_code("decision-order", &want);
    check_fixture("decision-order", 1, &want);
}

#[test]
fn decision_due_early() {
    let want = [("decision-due-early", "meetings/2022/M-2022-0001.yaml", Some(6))];
    only_code("decision-due-early", &want);
    check_fixture("decision-due-early", 1, &want);
}

#[test]
fn joint_without_department() {
    let f = "meetings/2022/M-2022-0001.yaml";
    let want = [("joint-without-department", f, Some(1)), ("joint-without-department", f, Some(6))];
    only_code("joint-without-department", &want);
    check_fixture("joint-without-department", 0, &want);
}

#[test]
fn no_contacts() {
    let want = [
        ("no-contacts", "households/more.csv", Some(2)), // empty cell
        ("no-contacts", "households.yaml", Some(1)),     // contacts: []
        ("no-contacts", "households.yaml", Some(6)),     // contacts: (null)
    ];
    only_code("no-contacts", &want);
    check_fixture("no-contacts", 0, &want);
}

#[test]
fn inactive_contact() {
    let want = [
        ("inactive-contact", "households.yaml", Some(1)), // M002 transferred
        ("inactive-contact", "households.yaml", Some(6)), // M003 已故
        ("inactive-contact", "households.yaml", Some(6)), // M004 失联
    ];
    only_code("inactive-contact", &want);
    check_fixture("inactive-contact", 0, &want);
}

#[test]
fn visit_not_contact() {
    let want = [
        ("visit-not-contact", "visits/2022-03.csv", Some(4)), // after a two-line quoted cell
        ("visit-not-contact", "visits/2022-03.csv", Some(5)),
        ("visit-not-contact", "visits/2022-04.yaml", Some(6)),
    ];
    only_code("visit-not-contact", &want);
    check_fixture("visit-not-contact", 0, &want);
}

#[test]
fn duplicate_visit() {
    let want = [
        ("duplicate-visit", "visits/2022-03.csv", Some(3)),  // same as :2
        ("duplicate-visit", "visits/2022-03.csv", Some(4)),  // home = 入户, trimmed, ； = ;
        ("duplicate-visit", "visits/2022-03.yaml", Some(1)), // the same visit in YAML
    ];
    only_code("duplicate-visit", &want);
    let out = check_fixture("duplicate-visit", 0, &want);
    assert!(out.stdout.contains(
        "visits/2022-03.csv:3: warning[duplicate-visit] same visit as visits/2022-03.csv:2 (2022-03-05 M001 → H001)"
    ));
}

#[test]
fn wrong_month_file() {
    let want = [
        ("wrong-month-file", "visits/2022/2022-05.csv", Some(2)),
        ("wrong-month-file", "visits/2022-03.csv", Some(3)), // CRLF file
        ("wrong-month-file", "visits/2022-03.csv", Some(4)),
        ("wrong-month-file", "visits/2022-04.yaml", Some(1)),
    ];
    only_code("wrong-month-file", &want);
    check_fixture("wrong-month-file", 0, &want);
}

#[test]
fn bad_phone() {
    let want = [
        ("bad-phone", "households.csv", Some(3)), // 12345
        ("bad-phone", "households.csv", Some(5)), // 电话待补 (GB18030 file)
        ("bad-phone", "members.yaml", Some(5)),   // 10 digits
        ("bad-phone", "members.yaml", Some(9)),   // +86 then 128...
    ];
    only_code("bad-phone", &want);
    let out = check_fixture("bad-phone", 0, &want);
    // Numbers are shown masked, never in full.
    assert!(
        out.stdout.contains("`13****67`")
            && out.stdout.contains("`+86128****5678`")
            && out.stdout.contains("`电****补`")
    );
    assert!(!out.stdout.contains("1381234567"));
}

#[test]
fn grid_cycle() {
    let want = [
        ("grid-cycle", "grids.yaml", Some(1)), // G1 -> G2 -> G1
        ("grid-cycle", "grids.yaml", Some(4)), // G2 -> G1 -> G2
        ("grid-cycle", "grids.yaml", Some(7)), // G3 -> G3
    ];
    only_code("grid-cycle", &want);
    check_fixture("grid-cycle", 1, &want);
}

#[test]
fn org_cycle() {
    let want = [
        ("org-cycle", "orgs.yaml", Some(1)), // O1 -> O2 -> O1
        ("org-cycle", "orgs.yaml", Some(5)), // O2 -> O1 -> O2
        ("org-cycle", "orgs.yaml", Some(9)), // O3 -> O3; O4 -> O1 sits under the cycle, not on it
    ];
    only_code("org-cycle", &want);
    check_fixture("org-cycle", 1, &want);
}

#[test]
fn bad_hours() {
    let want = [
        ("bad-hours", "activities/2022-10.yaml", Some(6)),  // M1: -2 hours
        ("bad-hours", "activities/2022-10.yaml", Some(8)),  // A2's `hours: 30`
        ("bad-hours", "activities/2022-10.yaml", Some(23)), // M2: 14 + 12 hours on 2022-10-07
    ];
    only_code("bad-hours", &want);
    check_fixture("bad-hours", 1, &want);
}

#[test]
fn no_quantity() {
    let want = [
        ("no-quantity", "activities/2022-07.yaml", Some(8)), // 困境儿童 without a count
        ("no-quantity", "activities/2022-07.yaml", Some(11)), // 电风扇 without a quantity
        ("no-quantity", "activities/2022-08.csv", Some(2)),  // 矿泉水 without `:number`
    ];
    only_code("no-quantity", &want);
    check_fixture("no-quantity", 1, &want);
}

#[test]
fn org_by_name() {
    let want = [
        ("org-by-name", "members.csv", Some(2)), // M1's branch is O2's name
        ("org-by-name", "members.csv", Some(3)), // M2's branch is an id; its unit is O3's name
        ("org-by-name", "members.csv", Some(4)), // M3's branch by name, unit by id; M4's is free text
    ];
    only_code("org-by-name", &want);
    check_fixture("org-by-name", 0, &want);
}

/// H1's history: yellow 03-01, red 05-01, then green 04-01 (line 4, before the red above it).
/// H2's two changes share a day, which is in order. H1's latest in order is red, as it is now.
#[test]
fn color_history_order() {
    let want = [("color-history-order", "colors.csv", Some(4))];
    only_code("color-history-order", &want);
    check_fixture("color-history-order", 0, &want);
}

/// H1 is red, but its only change made it yellow; H2 (green) has no history; H3's history ends
/// with yellow, as it is.
#[test]
fn color_not_current() {
    let want = [("color-not-current", "households.csv", Some(2))];
    only_code("color-not-current", &want);
    check_fixture("color-not-current", 0, &want);
}

#[test]
fn unknown_file() {
    let want = [
        ("unknown-file", "households.yaml.bak", None),
        ("unknown-file", "junk", None),
        ("unknown-file", "members.json", None),
        ("unknown-file", "notes.txt", None),
        ("unknown-file", "visits/2022-03.xlsx", None),
    ];
    only_code("unknown-file", &want);
    check_fixture("unknown-file", 0, &want);
}

/// visits/ and 32 folders `d` below it, a month file at the bottom: the 32nd `d` is level 33,
/// past the limit, and not entered (so the file is not read: no visits).
#[test]
fn too_deep() {
    let deep = format!("visits/{}d", "d/".repeat(31));
    let want = [("too-deep", deep.as_str(), None)];
    only_code("too-deep", &want);
    let out = check_fixture("too-deep", 0, &want);
    assert!(out.stdout.contains("0 visits"), "{}", out.stdout);
}

/// grids.csv has 23 columns the format does not know (x01 … x23): the first 20 are listed, then
/// one finding for the other 3; the summary counts all 23.
#[test]
fn more_findings() {
    let mut want = vec![("unknown-field", "grids.csv", Some(1)); 20];
    want.push(("more-findings", "grids.csv", None));
    let out = check_fixture("more-findings", 0, &want);
    assert!(out.stdout.ends_with("0 errors, 23 warnings\n"), "{}", out.stdout);
    assert!(
        out.stdout.contains("and 3 more `unknown-field` findings in this file (23 in all; the first 20 are shown)")
    );
    let dir = copy_fixture("more-findings");
    let json: Value = serde_json::from_str(&check(dir.path(), &["--format", "json"]).stdout).unwrap();
    assert_eq!(json["summary"]["warnings"], 23);
    assert_eq!(json["findings"].as_array().unwrap().len(), 21);
}

// ---- flags -------------------------------------------------------------------------------------

#[test]
fn strict_turns_warnings_into_exit_1() {
    let dir = copy_fixture("unknown-field");
    assert_eq!(check(dir.path(), &[]).code, Some(0));
    let strict = check(dir.path(), &["--strict"]);
    assert_eq!(strict.code, Some(1));
    assert!(strict.stdout.contains("0 errors, 7 warnings"));

    let clean = copy_fixture("clean");
    assert_eq!(check(clean.path(), &["--strict"]).code, Some(0), "--strict with no findings");
    let errors = copy_fixture("grid-cycle");
    assert_eq!(check(errors.path(), &["--strict"]).code, Some(1));
}

#[test]
fn json_output() {
    let dir = copy_fixture("invalid-value");
    let out = check(dir.path(), &["--format", "json"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(out.stderr, "");
    let report: Value = serde_json::from_str(&out.stdout).unwrap();
    let summary = &report["summary"];
    let counts: Vec<(&str, u64)> = ["grids", "members", "households", "visits", "issues", "errors", "warnings"]
        .iter()
        .map(|k| (*k, summary[k].as_u64().unwrap_or_else(|| panic!("summary.{k}"))))
        .collect();
    assert_eq!(
        counts,
        [
            ("grids", 1),
            ("members", 1),
            ("households", 2),
            ("visits", 0),
            ("issues", 1),
            ("errors", 17),
            ("warnings", 0)
        ]
    );

    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 17);
    for f in findings {
        let keys: Vec<&str> = f.as_object().unwrap().keys().map(String::as_str).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(sorted, ["code", "column", "file", "hint", "line", "message", "severity"], "{f}");
    }
    // One finding with every field set.
    let method = findings.iter().find(|f| f["file"] == "visits/2022-03.csv" && f["line"] == 2).unwrap();
    assert_eq!(method["code"], "invalid-value");
    assert_eq!(method["severity"], "error");
    assert_eq!(method["column"], serde_json::Value::Null); // CSV: the message names the column
    assert_eq!(method["message"], "`method` value `hom` is not a valid visit method");
    assert!(method["hint"].as_str().unwrap().starts_with("did you mean `home`? allowed: home (入户)"));
    // One without a column or hint.
    let red = findings.iter().find(|f| f["file"] == "gov.yaml" && f["line"] == 6).unwrap();
    assert_eq!(red["column"], 3);
    assert!(red["hint"].is_null());

    // Warnings and null lines.
    let dir = copy_fixture("unknown-file");
    let out = check(dir.path(), &["--format", "json"]);
    assert_eq!(out.code, Some(0));
    let report: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(report["summary"]["warnings"], 5);
    assert_eq!(report["summary"]["errors"], 0);
    let first = &report["findings"][0];
    assert_eq!(first["severity"], "warning");
    assert!(first["line"].is_null() && first["column"].is_null());
}

#[test]
fn json_output_of_a_clean_folder() {
    let dir = copy_fixture("clean");
    let out = check(dir.path(), &["--format", "json"]);
    assert_eq!(out.code, Some(0));
    insta::assert_snapshot!("clean-json", out.snapshot(&[dir.path()]));
}

#[test]
fn today_from_the_environment() {
    // With today 2022-12-01, December's visits and the last two events are in the future.
    let dir = copy_fixture("clean");
    let mut cmd = gov(dir.path());
    cmd.env("GOV_TODAY", "2022-12-01").args(["--lang", "en", "check"]);
    let out = Outcome::of(&mut cmd);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.text_findings(),
        expected(&[
            ("future-date", "issues/2022/I-2022-001.yaml", Some(25)),
            ("future-date", "issues/2022/I-2022-001.yaml", Some(28)),
            ("future-date", "visits/2022-12.yaml", Some(1)),
            ("future-date", "visits/2022-12.yaml", Some(7)),
        ])
    );
    // --today wins over GOV_TODAY.
    let mut cmd = gov(dir.path());
    cmd.env("GOV_TODAY", "2022-12-01").args(["--today", TODAY, "--lang", "en", "check"]);
    assert_eq!(Outcome::of(&mut cmd).code, Some(0));
}

#[test]
fn bad_today_is_a_usage_error() {
    let dir = copy_fixture("clean");
    let mut cmd = gov(dir.path());
    cmd.args(["--today", "2023-02-30", "check"]);
    let out = Outcome::of(&mut cmd);
    insta::assert_snapshot!("bad-today", out.snapshot(&[dir.path()]));
    assert_eq!(out.code, Some(2));
}

// ---- finding the folder ------------------------------------------------------------------------

#[test]
fn finds_the_folder_from_a_subfolder() {
    let dir = copy_fixture("event-order");
    for sub in ["issues", "issues/2022"] {
        let mut cmd = gov(&dir.path().join(sub));
        cmd.args(["--today", TODAY, "--lang", "en", "check"]);
        let out = Outcome::of(&mut cmd);
        assert_eq!(out.code, Some(1), "from {sub}");
        // Paths stay relative to the folder root, whatever the current folder.
        assert_eq!(out.text_findings().len(), 7);
        assert!(out.stdout.starts_with("issues/2022/I-1.yaml:7: error[event-order]"), "from {sub}: {}", out.stdout);
    }
}

#[test]
fn data_from_the_environment_and_relative_paths() {
    let dir = copy_fixture("grid-cycle");
    let elsewhere = tempfile::tempdir().unwrap();
    let mut cmd = gov(elsewhere.path());
    cmd.env("GOV_DATA", dir.path()).args(["--today", TODAY, "--lang", "en", "check"]);
    let out = Outcome::of(&mut cmd);
    assert_eq!(out.code, Some(1));
    assert_eq!(out.text_findings().len(), 3);

    // A relative --data is taken from the current folder.
    let parent = dir.path().parent().unwrap();
    let name = dir.path().file_name().unwrap();
    let mut cmd = gov(parent);
    cmd.arg("--data").arg(name).args(["--today", TODAY, "--lang", "en", "check"]);
    let out = Outcome::of(&mut cmd);
    assert_eq!(out.code, Some(1));
    assert_eq!(out.text_findings().len(), 3);

    // --data wins over GOV_DATA.
    let clean = copy_fixture("clean");
    let mut cmd = gov(elsewhere.path());
    cmd.env("GOV_DATA", dir.path()).arg("--data").arg(clean.path()).args(["--today", TODAY, "--lang", "en", "check"]);
    assert_eq!(Outcome::of(&mut cmd).code, Some(0));
}

#[test]
fn no_folder_found() {
    // A temp dir with no gov.yaml in it or (normally) above it.
    let empty = tempfile::tempdir().unwrap();
    let sub = empty.path().join("a/b");
    fs::create_dir_all(&sub).unwrap();
    assert!(sub.ancestors().all(|d| !d.join("gov.yaml").exists()), "a gov.yaml above the temp dir spoils this test");
    let mut cmd = gov(&sub);
    cmd.args(["--today", TODAY, "--lang", "en", "check"]);
    let out = Outcome::of(&mut cmd);
    assert_eq!(out.code, Some(2));
    assert_eq!(out.stdout, "");
    assert_eq!(
        hide_paths(&out.stderr, &[empty.path()]),
        "Error: no gov.yaml found in [TMP]/a/b or any folder above it\n\
         Hint: pass --data DIR, set GOV_DATA, or run `gov init` to make a data folder\n"
    );
}

#[test]
fn data_without_gov_yaml() {
    let empty = tempfile::tempdir().unwrap();
    let out = check(empty.path(), &[]);
    insta::assert_snapshot!("data-without-gov-yaml", out.snapshot(&[empty.path()]));
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("has no gov.yaml, so it is not a gov data folder"));

    // GOV_DATA naming a folder that does not exist.
    let mut cmd = gov(empty.path());
    cmd.env("GOV_DATA", empty.path().join("nope")).args(["--today", TODAY, "--lang", "en", "check"]);
    let out = Outcome::of(&mut cmd);
    insta::assert_snapshot!("data-not-a-folder", out.snapshot(&[empty.path()]));
    assert_eq!(out.code, Some(2));
}

#[test]
fn score_over_max() {
    let want = [("score-over-max", "ratings/2022.yaml", Some(5))];
    only_code("score-over-max", &want);
    check_fixture("score-over-max", 1, &want);
}

#[test]
fn rating_not_branch() {
    let want = [("rating-not-branch", "ratings/2022.yaml", Some(1))];
    only_code("rating-not-branch", &want);
    check_fixture("rating-not-branch", 1, &want);
}

#[test]
fn unknown_criterion() {
    let f = "ratings/2022.yaml";
    let want = [("unknown-criterion", f, Some(5)), ("unknown-criterion", f, Some(6))];
    only_code("unknown-criterion", &want);
    check_fixture("unknown-criterion", 1, &want);
}

#[test]
fn review_not_member() {
    let want = [("review-not-member", "reviews.csv", Some(4)), ("review-not-member", "reviews.csv", Some(5))];
    only_code("review-not-member", &want);
    check_fixture("review-not-member", 1, &want);
}

#[test]
fn mentor_inactive() {
    let want = [("mentor-inactive", "reserves.yaml", Some(4))];
    only_code("mentor-inactive", &want);
    check_fixture("mentor-inactive", 0, &want);
}

#[test]
fn project_order() {
    let f = "projects.yaml";
    let want = [("project-order", f, Some(15)), ("project-order", f, Some(21)), ("project-order", f, Some(28))];
    only_code("project-order", &want);
    check_fixture("project-order", 1, &want);
}

#[test]
fn star_rules() {
    let want = [("star-rules", "gov.yaml", None), ("star-rules", "gov.yaml", None)];
    only_code("star-rules", &want);
    let out = check_fixture("star-rules", 0, &want);
    assert!(out.stdout.contains("criterion `team` is listed twice in gov.yaml `stars`"));
    assert!(out.stdout.contains("star `平安法治星` can score at most 70 points, below `star_min` 80"));
}
