//! `gov household move H --grid G` end to end: only the `grid` value changes, in a hand-edited
//! households.yaml (`tests/fixtures/write-yaml`, a comment put on H03's grid line here), in the
//! CRLF households.csv with a BOM of `tests/fixtures/write-csv`, and in a GBK copy of it written
//! here. Each folder gets a second grid, G2 二网格, in its grids.csv. Exact bytes after each move,
//! `gov check` clean, --dry-run, --commit, and the refusal of a grid that does not exist.

mod common;
mod write_support;

use common::copy_fixture;
use encoding_rs::GBK;
use write_support::{assert_clean, bytes, data_tree as tree, git, ok, read, run, run_env};

const YAML: &str = "households.yaml";
const CSV: &str = "households.csv";
const GRIDS: &str = "id,name,level,parent,leader\nG1,一网格,1,,\nG2,二网格,2,G1,\n";

/// A copy of the fixture with grids G1 and G2.
fn folder(fixture: &str) -> tempfile::TempDir {
    let dir = copy_fixture(fixture);
    std::fs::write(dir.path().join("grids.csv"), GRIDS).unwrap();
    dir
}

#[test]
fn yaml_changes_only_the_grid_value() {
    let dir = folder("write-yaml");
    let d = dir.path();
    let original = read(d, YAML);
    let with_comment =
        original.replacen("  grid: G1\n  address: 幸福里2号楼", "  grid: G1  # 老网格\n  address: 幸福里2号楼", 1);
    std::fs::write(d.join(YAML), &with_comment).unwrap();
    // By id and by the head's name; the grid by id and by name.
    assert_eq!(
        ok(d, &["household", "move", "H01", "--grid", "G2"]),
        "household H01: grid G1 一网格 → G2 二网格 (households.yaml:5)\n"
    );
    assert_eq!(
        ok(d, &["household", "move", "吴先生", "--grid", "二网格"]),
        "household H03: grid G1 一网格 → G2 二网格 (households.yaml:18)\n"
    );
    let expected = with_comment.replacen("  head: 刘大爷\n  grid: G1\n", "  head: 刘大爷\n  grid: G2\n", 1).replacen(
        "  grid: G1  # 老网格\n",
        "  grid: G2 # 老网格\n",
        1,
    );
    assert_eq!(read(d, YAML), expected);
    assert_clean(d, 0);
    // Already there: said, nothing written, exit 0.
    let out = run(d, &["household", "move", "H01", "--grid", "二网格"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (Some(0), "household H01 is already in grid G2 二网格; nothing was written\n")
    );
    assert_eq!(read(d, YAML), expected);
    // In Chinese.
    let out = run(d, &["--lang", "zh", "household", "move", "H02", "--grid", "G2"]);
    insta::assert_snapshot!("household_move_zh", out.snapshot(&[d]));
}

#[test]
fn crlf_bom_csv_changes_only_the_grid_cell() {
    let dir = folder("write-csv");
    let d = dir.path();
    ok(d, &["household", "move", "H02", "--grid", "G2"]);
    let expected = "\u{feff}id,head,address,grid,color,contacts,备注\r\n\
H01,刘大爷,幸福里1号楼1单元101室,G1,红,M01;M02,腿脚不便\r\n\
H02,孙阿姨,幸福里1号楼1单元102室,G2,,M01,\r\n";
    assert_eq!(String::from_utf8(bytes(d, CSV)).unwrap(), expected);
    assert_clean(d, 1); // the extra column `备注`, as before
}

#[test]
fn gbk_csv_stays_gbk() {
    let dir = folder("write-csv");
    let d = dir.path();
    let gbk = |s: &str| GBK.encode(s).0.into_owned();
    let text = "id,head,address,grid,color,contacts\r\nH01,刘大爷,幸福里1号楼1单元101室,G1,红,M01;M02\r\nH02,孙阿姨,幸福里1号楼1单元102室,G1,,M01\r\n";
    std::fs::write(d.join(CSV), gbk(text)).unwrap();
    ok(d, &["household", "move", "刘大爷", "--grid", "二网格"]);
    assert_eq!(bytes(d, CSV), gbk(&text.replacen("101室,G1,", "101室,G2,", 1)));
    assert_clean(d, 0);
}

#[test]
fn dry_run_and_refusals_write_nothing() {
    let dir = folder("write-yaml");
    let d = dir.path();
    let before = tree(d);
    let out = ok(d, &["household", "move", "H02", "--grid", "G2", "--dry-run"]);
    assert_eq!(out, "would change\n--- households.yaml (line 13)\n-  grid: G1\n+  grid: G2\n");
    // A grid id that names no grid: the check's words.
    let out = run(d, &["household", "move", "H02", "--grid", "G7"]);
    assert_eq!(out.code, Some(1));
    insta::assert_snapshot!("household_move_unknown_grid", out.snapshot(&[d]));
    // Neither a grid's name nor an id: a usage error.
    let out = run(d, &["household", "move", "H02", "--grid", "三网格"]);
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("no grid matches `三网格`"), "{}", out.stderr);
    let out = run(d, &["household", "move", "H09", "--grid", "G2"]);
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("no household matches `H09`"), "{}", out.stderr);
    assert_eq!(tree(d), before);
}

#[test]
fn commit_names_the_move() {
    let dir = folder("write-yaml");
    let d = dir.path();
    git(d, &["init", "-q"]);
    git(d, &["add", "."]);
    git(d, &["commit", "-qm", "start"]);
    let out = run_env(d, &[], &["household", "move", "H01", "--grid", "G2", "--commit"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stderr, "committed: household: H01 moved to grid G2 二网格\n");
    assert_eq!(
        git(d, &["show", "--name-only", "--format=%s"]),
        "household: H01 moved to grid G2 二网格\n\nhouseholds.yaml\n"
    );
}
