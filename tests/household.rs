//! `gov household add | set-color | link | unlink` end to end on temp copies of
//! `tests/fixtures/write-yaml` (a hand-edited households.yaml: comments, odd key order, flow,
//! block and separated contact lists) and `tests/fixtures/write-csv` (a CRLF households.csv with
//! a BOM and an extra column): exact bytes after each sequence, `gov check` clean after it,
//! --dry-run, refusals, --commit, and a crash in the middle of a whole-file rewrite.

mod common;
mod write_support;

use common::copy_fixture;
use write_support::{assert_clean, bytes, data_tree as tree, git, ok, read, run, run_env};

const YAML: &str = "households.yaml";

#[test]
fn yaml_edits_touch_only_their_span() {
    let dir = copy_fixture("write-yaml");
    let d = dir.path();
    let before = read(d, YAML);
    // Colour inserted after the id line (H02 has none), then replaced on its line (H01).
    assert_eq!(
        ok(d, &["household", "set-color", "H02", "red", "--reason", "独居老人住院"]),
        "household H02: green → red (独居老人住院) (households.yaml:11)\nadded to colors.csv:2: H02 red\n"
    );
    // A reason naming a mobile is echoed masked (the file keeps it whole, as a comment on
    // line 6, where H01's colour is).
    assert_eq!(
        ok(d, &["household", "set-color", "幸福里1号楼1单元101室", "yellow", "--reason", "已出院，家属13812345678"]),
        "household H01: red → yellow (已出院，家属138****5678) (households.yaml:6)\nadded to colors.csv:3: H01 yellow\n"
    );
    assert!(read(d, YAML).contains("已出院，家属13812345678"));
    // Separated value, block list, flow list.
    ok(d, &["household", "link", "H03", "M01"]);
    ok(d, &["household", "link", "H02", "李强"]);
    ok(d, &["household", "unlink", "H01", "M01"]);
    let out = run(
        d,
        &[
            "household",
            "add",
            "--address",
            "幸福里3号楼101室",
            "--grid",
            "G1",
            "--head",
            "赵奶奶",
            "--contacts",
            "M01;M02",
            "--tags",
            "低保;独居老人",
        ],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stderr, "new household id: H04 (the next free one; give --id to choose)\n");
    assert_eq!(out.stdout, "added to households.yaml:24: H04 幸福里3号楼***室\n");
    let expected = "\
# 住户：手工编辑，注意保留注释
- address: 幸福里1号楼1单元101室   # 地址在前
  id: H01
  head: 刘大爷
  grid: G1
  color: yellow  # 2023-01-01 已出院，家属13812345678
  tags: [独居老人]
  contacts: [M02]

- id: H02
  color: red  # 2023-01-01 独居老人住院
  head: 孙阿姨
  address: 幸福里1号楼1单元102室
  grid: G1
  contacts:
    - M01   # 主要联系人
    - M02

- id: H03
  grid: G1
  address: 幸福里2号楼1单元201室
  head: 吴先生
  contacts: M02;M01
- id: H04
  address: 幸福里3号楼101室
  grid: G1
  head: 赵奶奶
  tags: [dibao, elderly_alone]
  contacts: [M01, M02]
  since: 2023-01-01
";
    assert_ne!(before, expected);
    assert_eq!(read(d, YAML), expected);
    assert_clean(d, 0);
    // Undo the links: each list goes back to what it was.
    ok(d, &["household", "unlink", "H03", "M01"]);
    ok(d, &["household", "unlink", "H02", "M02"]);
    ok(d, &["household", "link", "H01", "M01"]);
    let after = read(d, YAML);
    assert!(after.contains("  contacts: M02\n- id: H04"), "{after}");
    assert!(after.contains("  contacts:\n    - M01   # 主要联系人\n\n- id: H03"), "{after}");
    assert!(after.contains("  contacts: [M02, M01]\n"), "{after}");
    assert_clean(d, 0);
}

#[test]
fn csv_keeps_bom_crlf_column_order_and_extra_columns() {
    let dir = copy_fixture("write-csv");
    let d = dir.path();
    ok(d, &["household", "set-color", "H02", "红", "--reason", "独居老人住院"]);
    ok(d, &["household", "link", "H02", "M02"]);
    ok(d, &["household", "unlink", "H01", "M01"]);
    ok(
        d,
        &[
            "household",
            "add",
            "--id",
            "H03",
            "--address",
            "幸福里3号楼,101室",
            "--grid",
            "G1",
            "--head",
            "赵奶奶",
            "--contacts",
            "M01",
        ],
    );
    let expected = "\u{feff}id,head,address,grid,color,contacts,备注\r\n\
H01,刘大爷,幸福里1号楼1单元101室,G1,红,M02,腿脚不便\r\n\
H02,孙阿姨,幸福里1号楼1单元102室,G1,red,M01;M02,\r\n\
H03,赵奶奶,\"幸福里3号楼,101室\",G1,,M01,\r\n";
    assert_eq!(String::from_utf8(bytes(d, "households.csv")).unwrap(), expected);
    assert_clean(d, 1); // the extra column `备注`, as before
}

#[test]
fn dry_run_writes_nothing() {
    let dir = copy_fixture("write-yaml");
    let d = dir.path();
    let before = tree(d);
    let out = ok(d, &["household", "set-color", "H01", "green", "--reason", "稳定", "--dry-run"]);
    assert_eq!(
        out,
        "would change\n--- households.yaml (line 6)\n-  color: red # 独居\n+  color: green  # 2023-01-01 稳定\n\
         would add to colors.csv:2\nH01,2023-01-01,green,稳定,\n"
    );
    let out = ok(d, &["household", "link", "H02", "M02", "--dry-run"]);
    assert_eq!(out, "would change\n--- households.yaml (line 16)\n+    - M02\n");
    let out = ok(
        d,
        &[
            "household",
            "add",
            "--id",
            "H09",
            "--address",
            "a",
            "--grid",
            "G1",
            "--head",
            "b",
            "--contacts",
            "M01",
            "--dry-run",
        ],
    );
    assert_eq!(
        out,
        "would add to households.yaml:22\n- id: H09\n  address: a\n  grid: G1\n  head: b\n  contacts: [M01]\n  since: 2023-01-01\n"
    );
    assert_eq!(tree(d), before);
}

#[test]
fn refusals_say_why_and_write_nothing() {
    let dir = copy_fixture("write-yaml");
    let d = dir.path();
    let before = tree(d);
    let out = run(d, &["household", "link", "H01", "M99"]);
    assert_eq!(out.code, Some(1));
    insta::assert_snapshot!("household_link_unknown_member", out.snapshot(&[d]));
    let out = run(
        d,
        &["household", "add", "--id", "H01", "--address", "a", "--grid", "G9", "--head", "b", "--contacts", "M01"],
    );
    assert_eq!(out.code, Some(1));
    insta::assert_snapshot!("household_add_duplicate_id", out.snapshot(&[d]));
    // The next free id is said only when something is written (or would be, with --dry-run):
    // not when the check refuses the record, nor when it is there already.
    let new = ["household", "add", "--address", "幸福里9号楼101室", "--head", "b", "--contacts", "M01"];
    let out = run(d, &[&new[..], &["--grid", "G9"]].concat());
    assert_eq!(out.code, Some(1));
    assert!(!out.stderr.contains("new household id"), "{}", out.stderr);
    let out = run(d, &[&new[..], &["--grid", "G1", "--dry-run"]].concat());
    assert!(out.stderr.starts_with("new household id: H04 "), "{}", out.stderr);
    let h03 =
        ["household", "add", "--id", "H03", "--address", "幸福里2号楼1单元201室", "--grid", "G1", "--head", "吴先生"];
    let out = run(d, &[&h03[..], &["--contacts", "M02"]].concat());
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.starts_with("already recorded"), "{}", out.stdout);
    assert_eq!(out.stderr, "");
    // Unlinking who is not linked is already done (a second run): said, and exit 0.
    let out = run(d, &["household", "unlink", "H03", "M01"]);
    assert_eq!(out.code, Some(0));
    assert_eq!(out.stderr, "M01 王芳 is not linked to household H03; nothing was written\n");
    let out = run(d, &["household", "set-color", "H01", "purple", "--reason", "x"]);
    assert_eq!(out.code, Some(1));
    insta::assert_snapshot!("household_set_color_invalid", out.snapshot(&[d]));
    let out = run(d, &["household", "set-color", "幸福里", "red", "--reason", "x"]);
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("`幸福里` matches 3 households"), "{}", out.stderr);
    assert_eq!(tree(d), before);
    // Already so: nothing to do, nothing written.
    let out = run(d, &["household", "link", "H01", "M01"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (Some(0), "M01 王芳 is already linked to household H01; nothing was written\n")
    );
    assert_eq!(tree(d), before);
}

#[test]
fn commit_stages_exactly_the_changed_file() {
    let dir = copy_fixture("write-yaml");
    let d = dir.path();
    // Without a repository: says so, still writes.
    let out = run_env(d, &[], &["household", "set-color", "H01", "green", "--reason", "稳定", "--commit"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stderr, "not a git repository: the change is written but not committed\n");
    assert!(read(d, YAML).contains("  color: green  # 2023-01-01 稳定\n"));

    git(d, &["init", "-q"]);
    git(d, &["add", "."]);
    git(d, &["commit", "-qm", "start"]);
    std::fs::write(d.join("grids.csv"), "id,name,level,parent,leader\nG1,一网格,1,,\n\n").unwrap();
    let out = run_env(d, &[], &["household", "set-color", "H01", "red", "--reason", "独居老人住院", "--commit"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stderr, "committed: household: H01 → red (独居老人住院)\n");
    assert_eq!(git(d, &["log", "-1", "--format=%s"]), "household: H01 → red (独居老人住院)\n");
    // One commit for the colour history and the household.
    assert_eq!(git(d, &["show", "--name-only", "--format="]), "colors.csv\nhouseholds.yaml\n");
    assert_eq!(git(d, &["status", "--porcelain"]), " M grids.csv\n", "the unrelated edit is left alone");
}

/// The process dies after writing the temporary file and before renaming it over the real one:
/// the folder still loads, with the old content.
#[test]
fn a_crash_mid_rewrite_leaves_the_old_file() {
    for fixture in ["write-yaml", "write-csv"] {
        let dir = copy_fixture(fixture);
        let d = dir.path();
        let file = if fixture == "write-yaml" { YAML } else { "households.csv" };
        let before = bytes(d, file);
        let out = run_env(
            d,
            &[("GOV_FAILPOINT", "replace-before-rename")],
            &["household", "set-color", "H02", "red", "--reason", "x"],
        );
        assert_ne!(out.code, Some(0), "the writer was meant to die");
        assert_eq!(bytes(d, file), before);
        let temp = |dir: &std::path::Path| -> Vec<String> {
            std::fs::read_dir(dir)
                .map(|r| r.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect::<Vec<_>>())
                .unwrap_or_default()
                .into_iter()
                .filter(|n| n.starts_with(".gov-tmp-"))
                .collect()
        };
        // The copy (every household's phone number in it) is in .gov/tmp, which git ignores,
        // never beside the data.
        assert_eq!(temp(d), Vec::<String>::new());
        assert_eq!(temp(&d.join(".gov/tmp")).len(), 1, "the temporary file is left in .gov/tmp");
        assert_clean(d, if fixture == "write-csv" { 1 } else { 0 });
        // The next write works, and clears what the killed one left.
        ok(d, &["household", "set-color", "H02", "red", "--reason", "x"]);
        assert_ne!(bytes(d, file), before);
        assert_eq!(temp(&d.join(".gov/tmp")), Vec::<String>::new());
    }
}
