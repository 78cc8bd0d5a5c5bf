//! `gov grid add` end to end on temp copies of `tests/fixtures/write-csv` and `write-yaml`
//! (grids.csv: one grid G1; members M01, M02), and on grids files written into them by hand: a
//! commented grids.yaml, a CRLF grids.csv with a BOM, a GBK grids.csv. Exact bytes after each
//! add, `gov check` clean after it, --dry-run, and the refusals of a parent or a leader that does
//! not exist, in the check's words.

mod common;
mod write_support;

use common::copy_fixture;
use encoding_rs::GBK;
use write_support::{assert_clean, bytes, data_tree as tree, ok, read, run};

const CSV: &str = "grids.csv";

#[test]
fn add_appends_a_row_with_the_next_id_and_ids_for_names() {
    let dir = copy_fixture("write-csv");
    let d = dir.path();
    let out = run(d, &["grid", "add", "--name", "二网格", "--level", "2", "--parent", "一网格", "--leader", "M01"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stderr, "new grid id: G2 (the next free one; give --id to choose)\n");
    assert_eq!(out.stdout, "added to grids.csv:3: G2 二网格\n");
    // The leader by name (王芳 is M01), no level.
    ok(d, &["grid", "add", "--id", "G3", "--name", "幸福里3号楼", "--parent", "G2", "--leader", "王芳"]);
    assert_eq!(
        read(d, CSV),
        "id,name,level,parent,leader\nG1,一网格,1,,\nG2,二网格,2,G1,M01\nG3,幸福里3号楼,,G2,M01\n"
    );
    assert_clean(d, 1); // households.csv's extra column `备注`, as before
    // Run again: already there, nothing written.
    let out = run(d, &["grid", "add", "--id", "G9", "--name", "幸福里3号楼", "--parent", "G2", "--leader", "王芳"]);
    assert_eq!(out.code, Some(0));
    assert_eq!(out.stdout, "already recorded as G3 at grids.csv:4; nothing was written\n");
}

#[test]
fn a_parent_or_leader_that_does_not_exist_is_refused() {
    let dir = copy_fixture("write-csv");
    let d = dir.path();
    let before = tree(d);
    let out = run(d, &["grid", "add", "--name", "二网格", "--parent", "G9"]);
    assert_eq!(out.code, Some(1));
    insta::assert_snapshot!("grid_add_unknown_parent", out.snapshot(&[d]));
    let out = run(d, &["grid", "add", "--name", "二网格", "--leader", "M09"]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.starts_with(
            "grids.csv:3: error[dangling-reference] `leader` refers to member `M09`, which does not exist\n"
        ),
        "{}",
        out.stderr
    );
    // In Chinese too.
    let out = run(d, &["--lang", "zh", "grid", "add", "--name", "二网格", "--parent", "G9"]);
    assert_eq!(out.code, Some(1));
    insta::assert_snapshot!("grid_add_unknown_parent_zh", out.snapshot(&[d]));
    // A name that matches no grid and is no id: a usage error.
    let out = run(d, &["grid", "add", "--name", "二网格", "--parent", "没有这个网格"]);
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("no grid matches `没有这个网格`"), "{}", out.stderr);
    assert_eq!(tree(d), before);
}

#[test]
fn dry_run_writes_nothing() {
    let dir = copy_fixture("write-yaml");
    let d = dir.path();
    let before = tree(d);
    let out = ok(d, &["grid", "add", "--id", "G2", "--name", "二网格", "--parent", "G1", "--dry-run"]);
    assert_eq!(out, "would add to grids.csv:3\nG2,二网格,,G1,\n");
    assert_eq!(tree(d), before);
}

#[test]
fn yaml_gets_an_item_in_its_own_style() {
    let dir = copy_fixture("write-yaml");
    let d = dir.path();
    std::fs::remove_file(d.join(CSV)).unwrap();
    let yaml = "# 网格：手工编辑\n- id: G1\n  name: 一网格   # 社区\n  level: 1\n";
    std::fs::write(d.join("grids.yaml"), yaml).unwrap();
    let out = ok(d, &["grid", "add", "--id", "G2", "--name", "二网格", "--level", "2", "--parent", "G1"]);
    assert_eq!(out, "added to grids.yaml:5: G2 二网格\n");
    assert_eq!(read(d, "grids.yaml"), format!("{yaml}- id: G2\n  name: 二网格\n  level: 2\n  parent: G1\n"));
    assert_clean(d, 0);
    // Confirmations in Chinese.
    let out = run(d, &["--lang", "zh", "grid", "add", "--id", "G3", "--name", "三网格", "--parent", "二网格"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    insta::assert_snapshot!("grid_add_zh", out.snapshot(&[d]));
}

#[test]
fn crlf_bom_and_gbk_files_keep_their_bytes() {
    let dir = copy_fixture("write-csv");
    let d = dir.path();
    std::fs::write(d.join(CSV), "\u{feff}网格编号,网格名称,层级,上级网格,网格长\r\nG1,一网格,1,,\r\n").unwrap();
    ok(d, &["grid", "add", "--id", "G2", "--name", "二网格", "--parent", "G1", "--leader", "M02"]);
    assert_eq!(
        read(d, CSV),
        "\u{feff}网格编号,网格名称,层级,上级网格,网格长\r\nG1,一网格,1,,\r\nG2,二网格,,G1,M02\r\n"
    );
    assert_clean(d, 1);

    let gbk = |s: &str| GBK.encode(s).0.into_owned();
    std::fs::write(d.join(CSV), gbk("id,name,parent,level\nG1,一网格,,1\n")).unwrap();
    ok(d, &["grid", "add", "--id", "G2", "--name", "二网格", "--parent", "一网格"]);
    assert_eq!(bytes(d, CSV), gbk("id,name,parent,level\nG1,一网格,,1\nG2,二网格,G1,\n"));
    assert_clean(d, 1);
}

/// Without --id, a grid under a parent that has sub-grids takes the next id in their pattern;
/// without a parent, the next free one in the folder's pattern.
#[test]
fn a_sub_grid_gets_the_next_id_under_its_parent() {
    let dir = copy_fixture("write-csv");
    let d = dir.path();
    let grids = "id,name,level,parent,leader\nG-01,社区,1,,\nG-01-01,阳光新村,2,G-01,\nG-01-01-01,1号楼,3,G-01-01,\nG-01-02,香樟里,2,G-01,\nG1,一网格,1,,\n";
    std::fs::write(d.join(CSV), grids).unwrap();
    let out = run(d, &["grid", "add", "--name", "2号楼", "--parent", "阳光新村"]);
    assert_eq!(out.stderr, "new grid id: G-01-01-02 (the next free one; give --id to choose)\n");
    let out = run(d, &["grid", "add", "--name", "翠柳家园", "--level", "2", "--parent", "G-01"]);
    assert_eq!(out.stderr, "new grid id: G-01-03 (the next free one; give --id to choose)\n");
    assert_eq!(read(d, CSV), format!("{grids}G-01-01-02,2号楼,,G-01-01,\nG-01-03,翠柳家园,2,G-01,\n"));
    assert_clean(d, 1);
}
