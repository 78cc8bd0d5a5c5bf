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
        ("invalid-value", "members.csv", Some(3)),            // registered_mode: by_post
        ("dangling-reference", "members.csv", Some(3)),       // registered_grid G9
        ("invalid-value", "volunteers.csv", Some(3)),         // kind: student
        ("dangling-reference", "volunteers.csv", Some(3)),    // org O9
    ];
    assert_eq!(out.json_findings(), expected(&want));
    let text = check(dir.path(), &[]);
    insta::assert_snapshot!("activities_check", text.snapshot(&[dir.path()]));
    assert!(text.stdout.ends_with(
        "checked 1 grid, 2 members, 1 org, 0 households, 0 visits, 0 issues, 2 volunteers, 2 activities: 8 errors, 0 warnings\n"
    ));
    let zh = check(dir.path(), &["--lang", "zh"]);
    insta::assert_snapshot!("activities_check_zh", zh.snapshot(&[dir.path()]));
}
