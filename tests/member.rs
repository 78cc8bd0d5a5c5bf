//! `gov member add` end to end: a hand-edited members.yaml (comments kept, item appended in its
//! indentation), a GB18030 members.csv (stays GB18030, own column order), no members file yet
//! (members.csv made from the template header), members as a folder, a single-mapping YAML file
//! (refused), --dry-run and refusals in the words of `gov check`.

mod common;
mod write_support;

use common::copy_fixture;
use encoding_rs::GB18030;
use write_support::{assert_clean, bytes, data_tree, ok, read, run};

#[test]
fn yaml_gets_an_item_in_its_own_style() {
    let dir = copy_fixture("write-yaml");
    let d = dir.path();
    let before = read(d, "members.yaml");
    let out = run(
        d,
        &[
            "member",
            "add",
            "--name",
            "陈静",
            "--kind",
            "流动党员",
            "--phone",
            "+8613912345678",
            "--roles",
            "楼栋长;志愿者",
        ],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stderr, "new member id: M03 (the next free one; give --id to choose)\n");
    assert_eq!(out.stdout, "added to members.yaml:10: M03 陈静\n");
    assert_eq!(
        read(d, "members.yaml"),
        format!(
            "{before}- id: M03\n  name: 陈静\n  kind: mobile\n  phone: \"+8613912345678\"\n  roles: [楼栋长, 志愿者]\n"
        )
    );
    assert_clean(d, 0);
}

#[test]
fn gb18030_csv_stays_gb18030() {
    let dir = copy_fixture("write-csv");
    let d = dir.path();
    let before = bytes(d, "members.csv");
    ok(d, &["member", "add", "--id", "M10", "--name", "赵军", "--kind", "resident", "--grid", "G1"]);
    let mut expected = before.clone();
    expected.extend_from_slice(&GB18030.encode("M10,赵军,resident,G1,\n").0);
    assert_eq!(bytes(d, "members.csv"), expected);
    assert_clean(d, 1);
    // A value for a column the file does not have is refused, naming it.
    let out = run(d, &["member", "add", "--name", "x", "--kind", "resident", "--unit", "税务局"]);
    assert_eq!(out.code, Some(1));
    assert!(out.stderr.ends_with("Error: members.csv: the file has no `unit` column; add it to the header, or leave the value out; nothing was written\n"), "{}", out.stderr);
    assert_eq!(bytes(d, "members.csv"), expected);
}

#[test]
fn where_new_members_go() {
    // No members file: members.csv with the template's header.
    let dir = copy_fixture("write-yaml");
    let d = dir.path();
    std::fs::remove_file(d.join("members.yaml")).unwrap();
    std::fs::write(d.join("households.yaml"), "[]\n").unwrap();
    std::fs::remove_dir_all(d.join("issues")).unwrap();
    ok(d, &["member", "add", "--name", "王芳", "--kind", "resident"]);
    assert_eq!(
        read(d, "members.csv"),
        format!("{}M0001,王芳,resident,,,,,,,,,,\n", include_str!("../data-template/members.csv"))
    );
    assert_clean(d, 0);

    // A folder: members/members.csv when there is one, else its first file.
    std::fs::create_dir(d.join("members")).unwrap();
    std::fs::rename(d.join("members.csv"), d.join("members/a.csv")).unwrap();
    std::fs::write(d.join("members/b.yaml"), "- id: M0002\n  name: 李强\n  kind: resident\n").unwrap();
    ok(d, &["member", "add", "--name", "周敏", "--kind", "resident"]);
    assert!(read(d, "members/a.csv").ends_with("M0003,周敏,resident,,,,,,,,,,\n"));
    std::fs::write(d.join("members/members.csv"), "id,name,kind\n").unwrap();
    ok(d, &["member", "add", "--name", "吴刚", "--kind", "resident"]);
    assert_eq!(read(d, "members/members.csv"), "id,name,kind\nM0004,吴刚,resident\n");
    assert_clean(d, 0);
}

#[test]
fn refusals() {
    let dir = copy_fixture("write-yaml");
    let d = dir.path();
    let before = data_tree(d);
    let out = run(d, &["member", "add", "--id", "M01", "--name", "x", "--kind", "party", "--grid", "G2"]);
    assert_eq!(out.code, Some(1));
    insta::assert_snapshot!("member_add_refused", out.snapshot(&[d]));
    let out = ok(d, &["member", "add", "--id", "M05", "--name", "x", "--kind", "resident", "--dry-run"]);
    assert_eq!(out, "would add to members.yaml:10\n- id: M05\n  name: x\n  kind: resident\n");
    assert_eq!(data_tree(d), before);

    // A file holding one mapping is not a list to add to.
    std::fs::write(d.join("members.yaml"), "id: M01\nname: 王芳\nkind: resident\n").unwrap();
    let out = run(d, &["member", "add", "--name", "x", "--kind", "resident"]);
    assert_eq!(out.code, Some(1));
    insta::assert_snapshot!("member_add_single_mapping", out.snapshot(&[d]));
}
