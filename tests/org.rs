//! Organisations (`orgs`) end to end: every rule over the new kind on its fixture, `gov org add`
//! (ids, names for parents and leaders, refusals in the words of `gov check`, a new orgs.csv),
//! `gov org list` as a tree in both languages, and the demo's organisations.

mod common;
mod write_support;

use common::{check, copy_fixture, expected, fixture_path};
use write_support::{assert_clean, ok, read, run};

/// Duplicate ids, dangling references (leader, grids, partner_of), an invalid kind, an unknown
/// field and a missing name, each where the fixture puts it (counted in orgs.yaml by hand).
#[test]
fn orgs_are_checked_like_every_kind() {
    let dir = copy_fixture("orgs");
    let out = check(dir.path(), &["--format", "json"]);
    assert_eq!(out.code, Some(1));
    let want = [
        ("dangling-reference", "orgs.yaml", Some(6)),  // O2's leader M9
        ("dangling-reference", "orgs.yaml", Some(6)),  // O2's grid G7
        ("duplicate-id", "orgs.yaml", Some(13)),       // the second O2
        ("dangling-reference", "orgs.yaml", Some(17)), // O4's partner_of O8
        ("invalid-value", "orgs.yaml", Some(19)),      // kind: company
        ("unknown-field", "orgs.yaml", Some(21)),      // colour
        ("missing-field", "orgs.yaml", Some(22)),      // O5 has no name
    ];
    assert_eq!(out.json_findings(), expected(&want));
    let text = check(dir.path(), &[]);
    insta::assert_snapshot!("orgs_check", text.snapshot(&[dir.path()]));
    assert!(
        text.stdout
            .ends_with("checked 1 grid, 1 member, 5 orgs, 0 households, 0 visits, 0 issues: 6 errors, 1 warning\n")
    );
}

#[test]
fn add_appends_with_the_next_id_and_ids_for_names() {
    let dir = copy_fixture("org-by-name");
    let d = dir.path();
    let before = read(d, "orgs.csv");
    let out = run(d, &["org", "add", "--name", "幸福物业服务中心", "--kind", "物业企业", "--parent", "幸福社区党委"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stderr, "new org id: O4 (the next free one; give --id to choose)\n");
    assert_eq!(out.stdout, "added to orgs.csv:5: O4 幸福物业服务中心\n");
    // The file's own columns (id,name,kind,parent); the parent's name became its id.
    assert_eq!(read(d, "orgs.csv"), format!("{before}O4,幸福物业服务中心,property,O1\n"));
    assert_clean(d, 3);
}

#[test]
fn add_refuses_what_check_would_refuse() {
    let dir = copy_fixture("org-by-name");
    let d = dir.path();
    let before = read(d, "orgs.csv");
    let out = run(d, &["org", "add", "--id", "O2", "--name", "重复", "--kind", "branch"]);
    assert_eq!(out.code, Some(1));
    assert!(out.stderr.contains("error[duplicate-id] org id `O2` is already used at orgs.csv:3"), "{}", out.stderr);
    let out = run(d, &["org", "add", "--name", "x", "--kind", "company"]);
    assert_eq!(out.code, Some(1));
    assert!(out.stderr.contains("`kind` value `company` is not a valid org kind"), "{}", out.stderr);
    assert_eq!(read(d, "orgs.csv"), before, "nothing written");
}

#[test]
fn add_makes_orgs_csv_when_there_is_none() {
    let dir = copy_fixture("clean");
    let d = dir.path();
    assert!(!d.join("orgs.csv").exists());
    let out = run(d, &["org", "add", "--name", "第一党支部", "--kind", "branch", "--leader", "M001", "--grids", "G1"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, "added to orgs.csv:2: O0001 第一党支部\n");
    assert_eq!(
        read(d, "orgs.csv"),
        "id,name,kind,parent,leader,grids,phone,since,partner_of,note\nO0001,第一党支部,branch,,M001,G1,,,,\n"
    );
    let out = check(d, &[]);
    assert!(
        out.stdout.starts_with("checked 3 grids, 3 members, 1 org, 3 households, 5 visits, 1 issue: 0 errors"),
        "{}",
        out.stdout
    );
}

#[test]
fn list_shows_the_tree_in_both_languages() {
    let dir = copy_fixture("org-by-name");
    let d = dir.path();
    let zh = ok(d, &["org", "list", "--lang", "zh", "--format", "table"]);
    insta::assert_snapshot!("org_list_zh", zh);
    let en = ok(d, &["org", "list", "--lang", "en", "--format", "csv", "--no-bom"]);
    insta::assert_snapshot!("org_list_en_csv", en);
    // O2 under O1 (indented), O3 beside; members naming each by id or by name counted once.
    let rows: Vec<&str> = en.lines().collect();
    assert_eq!(rows[1], "O1,幸福社区党委,community Party committee,,,,,,,0");
    assert_eq!(rows[2], "O2,　第一党支部,Party branch,幸福社区党委,,,,,,3");
    assert_eq!(rows[3], "O3,区税务局,registered unit,,,,,,,2");
    let branches = ok(d, &["org", "list", "--kind", "党支部", "--format", "csv", "--no-bom", "--lang", "en"]);
    assert_eq!(branches.lines().count(), 2, "{branches}");
    // A filtered list leaves the committee out, so it is flat: no indent without the parent.
    assert_eq!(branches.lines().nth(1), Some("O2,第一党支部,Party branch,幸福社区党委,,,,,,3"));
}

/// The demo keeps its organisations: a committee, 13 branches and grid branches (whose members
/// add up to the 760), six property companies, three mass organisations and the units of its
/// in-service members; and those the seed names (issue 15): 博文社区党支部 with its partner
/// 万谷机械有限公司党支部, the 区妇联 and 镇团委 (the 区总工会 is already one of the units), an
/// owners' committee and a 自管会. Every member names its branch by id, so the folder checks
/// clean.
#[test]
fn demo_organisations() {
    let demo = fixture_path("../../examples/xiawo");
    let out = check(&demo, &["--no-cache"]);
    assert!(out.stdout.contains("760 members, 59 orgs,"), "{}", out.stdout);
    let orgs = std::fs::read_to_string(demo.join("orgs.csv")).unwrap();
    let kinds = |k: &str| orgs.lines().filter(|l| l.split(',').nth(2) == Some(k)).count();
    assert_eq!(
        (
            kinds("party_committee"),
            kinds("branch"),
            kinds("grid_branch"),
            kinds("property"),
            kinds("mass"),
            kinds("unit"),
            kinds("partner"),
            kinds("owners_committee"),
            kinds("self_management")
        ),
        (1, 8, 6, 6, 5, 30, 1, 1, 1)
    );
    assert!(orgs.lines().any(|l| l.starts_with("O0055,万谷机械有限公司党支部,partner,,,,O0054")), "{orgs}");
}
