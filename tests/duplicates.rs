//! No silent duplicates (issue 13, part 3): a whistle to a department that has not reported, a
//! household at an address already recorded, a member with a name and phone already recorded and
//! a problem with the title, household and date of one already recorded are refused, naming the
//! record there (masked), and write nothing; the same command run twice still says "already
//! recorded" and exits 0. On temp copies of `tests/fixtures/write-yaml` (hand-edited YAML) and
//! `tests/fixtures/write-csv` (a CRLF households.csv with a BOM, a GB18030 members.csv). The
//! visit batches' duplicates are in `tests/visit_add.rs`
//! (`the_same_visit_run_again_is_recorded_once`). `gov check`'s warnings for duplicates that
//! arrive by hand-editing are in `tests/check.rs`.

mod common;
mod write_support;

use common::copy_fixture;
use write_support::{assert_clean, data_tree as tree, ok, run};

/// What a refused command printed, in both languages, and that it wrote nothing.
fn refused(dir: &std::path::Path, args: &[&str]) -> (String, String) {
    let before = tree(dir);
    let en = run(dir, args);
    assert_eq!(en.code, Some(1), "{args:?}\n{}", en.snapshot(&[dir]));
    assert_eq!(en.stdout, "");
    let zh = run(dir, &[&["--lang", "zh"], args].concat());
    assert_eq!(zh.code, Some(1));
    assert!(tree(dir) == before, "{args:?} wrote something");
    (en.stderr, zh.stderr)
}

/// I-2022-0002 summoned 城管局 on 2022-12-02 and no report followed: another whistle to it is
/// refused, also when named among others; `--again` summons it once more; after its report a new
/// whistle is allowed without `--again`.
#[test]
fn a_whistle_to_a_department_that_has_not_reported() {
    let dir = copy_fixture("write-yaml");
    let d = dir.path();
    let file = "issues/2022/I-2022-0002.yaml";
    let args = ["issue", "whistle", "I-2022-0002", "--departments", "房产中心,城管局", "--date", "2022-12-05"];
    let (en, zh) = refused(d, &args);
    insta::assert_snapshot!("whistle_unreported_en", en);
    insta::assert_snapshot!("whistle_unreported_zh", zh);
    let mut again = args.to_vec();
    again.push("--again");
    assert_eq!(ok(d, &again), "I-2022-0002: whistle (吹哨) on 2022-12-05 (issues/2022/I-2022-0002.yaml:7)\n");
    // Run again: the problem's last event is this one, so it is "already recorded", not refused.
    let out = run(d, &args);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.contains("is already recorded"), "{}", out.stdout);
    // 房产中心 summoned on 12-05 and not reported either, once 城管局 has.
    ok(d, &["issue", "report", "I-2022-0002", "--department", "城管局", "--date", "2022-12-06"]);
    ok(d, &["issue", "whistle", "I-2022-0002", "--departments", "城管局", "--date", "2022-12-07"]);
    let (en, _) = refused(d, &["issue", "whistle", "I-2022-0002", "--departments", "房产中心", "--date", "2022-12-08"]);
    assert!(en.starts_with("Error: 房产中心 was summoned on 2022-12-05 and has not reported"), "{en}");
    assert_eq!(
        std::fs::read_to_string(d.join(file)).unwrap(),
        "id: I-2022-0002\ntitle: 楼道积水\nreceived: 2022-12-02\ncategory: infrastructure\nevents:\n  \
         - {date: 2022-12-02, action: whistle, departments: [城管局]}\n  \
         - {date: 2022-12-05, action: whistle, departments: [房产中心, 城管局]}\n  \
         - {date: 2022-12-06, action: report, department: 城管局}\n  \
         - {date: 2022-12-07, action: whistle, departments: [城管局]}\n"
    );
    assert_clean(d, 0);
}

/// The address of H01 (幸福里1号楼1单元101室), typed with a full-width digit and spaces around
/// it, is H01's: refused, naming H01 with its door number masked; no "new household id" note,
/// since nothing was written.
#[test]
fn a_household_at_an_address_already_recorded() {
    // write-yaml has H01-H03, write-csv H01 and H02.
    for (fixture, place, next) in [("write-yaml", "households.yaml:2", "H04"), ("write-csv", "households.csv:2", "H03")]
    {
        let dir = copy_fixture(fixture);
        let d = dir.path();
        let args = [
            "household",
            "add",
            "--address",
            " 幸福里１号楼1单元101室 ",
            "--grid",
            "G1",
            "--head",
            "刘大爷",
            "--contacts",
            "M01",
        ];
        let (en, zh) = refused(d, &args);
        assert_eq!(
            en,
            format!(
                "Error: the address 幸福里1号楼1单元***室 is already household H01 ({place}); nothing was written\n\
                 Hint: it is the same household: link members with `gov household link`; a different household \
                 needs its own address (room number)\n"
            )
        );
        assert!(
            zh.starts_with(&format!("错误：地址“幸福里1号楼1单元***室”已登记为住户 H01（{place}）；未写入任何内容\n")),
            "{zh}"
        );
        // Another door of the same building is another household.
        let out = run(
            d,
            &[
                "household",
                "add",
                "--address",
                "幸福里1号楼1单元201室",
                "--grid",
                "G1",
                "--head",
                "周女士",
                "--contacts",
                "M01",
            ],
        );
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        assert!(out.stderr.starts_with(&format!("new household id: {next} ")), "{}", out.stderr);
    }
}

/// M01 王芳 has phone 13812345678 in the GB18030 members.csv: the same name and phone (written
/// with +86 and dashes) is refused, naming M01 and masking the phone; the same name without a
/// phone, or with another, is another person and is added.
#[test]
fn a_member_with_a_name_and_phone_already_recorded() {
    let dir = copy_fixture("write-csv");
    let d = dir.path();
    let args =
        ["member", "add", "--name", "王芳", "--kind", "resident", "--grid", "G1", "--phone", "+86 138-1234-5678"];
    let (en, zh) = refused(d, &args);
    insta::assert_snapshot!("member_taken_en", en);
    insta::assert_snapshot!("member_taken_zh", zh);
    let out =
        run(d, &["member", "add", "--name", "王芳", "--kind", "resident", "--grid", "G1", "--phone", "13900001111"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, "added to members.csv:4: M03 王芳\n");
}

/// I-2022-0001 (暖气不热, H01, 2022-12-01): the same title, household and date with a
/// description it lacks is refused, naming it; the very same command as the record (no
/// description) is "already recorded"; another day is another problem.
#[test]
fn a_problem_with_the_title_household_and_date_of_one_recorded() {
    let dir = copy_fixture("write-yaml");
    let d = dir.path();
    let base =
        ["issue", "add", "--title", "暖气不热", "--category", "heating", "--household", "H01", "--date", "2022-12-01"];
    let with_description = [&base[..], &["--description", "3楼也不热"]].concat();
    let (en, zh) = refused(d, &with_description);
    insta::assert_snapshot!("issue_taken_en", en);
    insta::assert_snapshot!("issue_taken_zh", zh);
    let out = run(d, &base);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.contains("I-2022-0001") && out.stdout.contains("nothing was written"), "{}", out.stdout);
    let next_day =
        ["issue", "add", "--title", "暖气不热", "--category", "heating", "--household", "H01", "--date", "2022-12-03"];
    assert_eq!(ok(d, &next_day), "added issue I-2022-0003 (issues/2022/I-2022-0003.yaml): 暖气不热\n");
}
