//! `gov household set-color | link | unlink` find the record the loader found, whatever the file's
//! line ends (a stray lone `\r`, an old Mac CR-only file) and whatever it holds (a comment of
//! Chinese at column 0), refuse a target that is not exactly one record, and change nothing else.
//! Each test writes its households file into a temp copy of `tests/fixtures/write-csv` or
//! `write-yaml` (members M01 and M02, grid G1); the expected bytes are written out by hand.

mod common;
mod write_support;

use common::copy_fixture;
use write_support::{assert_clean, bytes, data_tree as tree, ok, read, run};

const CSV: &str = "households.csv";
const YAML: &str = "households.yaml";

fn write(dir: &std::path::Path, rel: &str, text: &str) {
    std::fs::write(dir.join(rel), text).unwrap();
}

#[test]
fn a_stray_lone_cr_moves_no_edit_to_the_row_above() {
    let dir = copy_fixture("write-csv");
    let d = dir.path();
    // H02's line ends in a lone `\r`: H03 starts line 4, and is the row that changes.
    let text = "id,head,address,grid,color,contacts\n\
                H01,刘大爷,幸福里1号楼1单元101室,G1,red,M01\n\
                H02,孙阿姨,幸福里1号楼1单元102室,G1,green,M02\r\
                H03,吴先生,幸福里2号楼1单元201室,G1,yellow,M01\n\
                H04,赵奶奶,幸福里3号楼101室,G1,green,M02\n";
    write(d, CSV, text);
    assert_clean(d, 0);
    assert_eq!(
        ok(d, &["household", "set-color", "H03", "red", "--reason", "住院"]),
        "household H03: yellow → red (住院) (households.csv:4)\nadded to colors.csv:2: H03 red\n"
    );
    let expected = "id,head,address,grid,color,contacts\n\
                    H01,刘大爷,幸福里1号楼1单元101室,G1,red,M01\n\
                    H02,孙阿姨,幸福里1号楼1单元102室,G1,green,M02\r\
                    H03,吴先生,幸福里2号楼1单元201室,G1,red,M01\n\
                    H04,赵奶奶,幸福里3号楼101室,G1,green,M02\n";
    assert_eq!(read(d, CSV), expected);
    assert_clean(d, 0);
}

#[test]
fn a_cr_only_file_keeps_its_header_and_its_line_ends() {
    let dir = copy_fixture("write-csv");
    let d = dir.path();
    let text = "id,head,address,grid,color,contacts\r\
                H01,刘大爷,幸福里1号楼1单元101室,G1,red,M01\r\
                H02,孙阿姨,幸福里1号楼1单元102室,G1,green,M02\r\
                H03,吴先生,幸福里2号楼1单元201室,G1,yellow,M01\r";
    write(d, CSV, text);
    assert_clean(d, 0);
    assert_eq!(
        ok(d, &["household", "set-color", "H02", "yellow", "--reason", "独居"]),
        "household H02: green → yellow (独居) (households.csv:3)\nadded to colors.csv:2: H02 yellow\n"
    );
    ok(d, &["household", "link", "H03", "M02"]);
    let expected = "id,head,address,grid,color,contacts\r\
                    H01,刘大爷,幸福里1号楼1单元101室,G1,red,M01\r\
                    H02,孙阿姨,幸福里1号楼1单元102室,G1,yellow,M02\r\
                    H03,吴先生,幸福里2号楼1单元201室,G1,yellow,M01;M02\r";
    assert_eq!(read(d, CSV), expected);
    assert!(!bytes(d, CSV).contains(&b'\n'), "still CR-only");
    assert_clean(d, 0);
}

#[test]
fn an_id_in_two_rows_is_refused() {
    let dir = copy_fixture("write-csv");
    let d = dir.path();
    let text = "id,head,address,grid,color,contacts\n\
                H01,刘大爷,幸福里1号楼1单元101室,G1,red,M01\n\
                H02,孙阿姨,幸福里1号楼1单元102室,G1,green,M02\n\
                H02,吴先生,幸福里2号楼1单元201室,G1,yellow,M01\n";
    write(d, CSV, text);
    let before = tree(d);
    let out = run(d, &["household", "set-color", "H02", "red", "--reason", "x"]);
    assert_ne!(out.code, Some(0));
    assert!(
        out.stderr
            .contains("`H02` is in more than one record (lines 3, 4); remove the duplicate first; nothing was written"),
        "{}",
        out.stderr
    );
    assert_eq!(tree(d), before);
}

#[test]
fn a_chinese_comment_at_column_0_is_stepped_over() {
    let dir = copy_fixture("write-yaml");
    let d = dir.path();
    let text = "# 住户\n\
                - id: H01\n\
                #中文注释\n  head: 刘大爷\n  address: 幸福里1号楼1单元101室\n  grid: G1\n  color: green\n\
                #注释\n  contacts: [M01]\n";
    write(d, YAML, text);
    assert_eq!(
        ok(d, &["household", "set-color", "H01", "red", "--reason", "住院"]),
        "household H01: green → red (住院) (households.yaml:7)\nadded to colors.csv:2: H01 red\n"
    );
    ok(d, &["household", "link", "H01", "M02"]);
    ok(d, &["household", "unlink", "H01", "M01"]);
    let expected = "# 住户\n\
                    - id: H01\n\
                    #中文注释\n  head: 刘大爷\n  address: 幸福里1号楼1单元101室\n  grid: G1\n  color: red  # 2023-01-01 住院\n\
                    #注释\n  contacts: [M02]\n";
    assert_eq!(read(d, YAML), expected);
    assert_clean(d, 0);
}

#[test]
fn an_id_in_two_yaml_records_is_refused() {
    let dir = copy_fixture("write-yaml");
    let d = dir.path();
    let text = "- id: H01\n  head: 刘大爷\n  address: a\n  grid: G1\n  contacts: [M01]\n\
                - id: H01\n  head: 孙阿姨\n  address: b\n  grid: G1\n  contacts: [M02]\n";
    write(d, YAML, text);
    let before = tree(d);
    let out = run(d, &["household", "link", "H01", "M02"]);
    assert_ne!(out.code, Some(0));
    assert!(
        out.stderr
            .contains("`H01` is in more than one record (lines 1, 6); remove the duplicate first; nothing was written"),
        "{}",
        out.stderr
    );
    assert_eq!(tree(d), before);
}

/// The new row is judged on the line the loader reads it on (line 3: two lone `\r` before it).
#[test]
fn a_household_added_to_a_cr_only_file_is_judged_on_its_line() {
    let dir = copy_fixture("write-csv");
    let d = dir.path();
    let text = "id,head,address,grid,color,contacts\r\
                H01,刘大爷,幸福里1号楼1单元101室,G1,red,M01\r";
    write(d, CSV, text);
    let args = ["household", "add", "--id", "H02", "--address", "幸福里2号楼101室", "--grid", "G1", "--head", "赵奶奶"];
    let out = run(d, &[&args[..], &["--contacts", "M02"]].concat());
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, "added to households.csv:3: H02 幸福里2号楼***室\n");
    let added = read(d, CSV);
    assert!(added.starts_with(text) && added.trim_end().ends_with("H02,赵奶奶,幸福里2号楼101室,G1,,M02"), "{added:?}");
    assert_clean(d, 0);
}

#[test]
fn a_cr_only_yaml_file_is_edited_on_the_loaders_lines() {
    let dir = copy_fixture("write-yaml");
    let d = dir.path();
    // Lone `\r` line ends: H02 starts on line 7.
    let text = "# 住户\r- id: H01\r  head: 刘大爷\r  address: a\r  grid: G1\r  contacts: [M01]\r\
                - id: H02\r  head: 孙阿姨\r  address: b\r  grid: G1\r  contacts: [M02]\r";
    write(d, YAML, text);
    assert_clean(d, 0);
    assert_eq!(
        ok(d, &["household", "set-color", "H02", "red", "--reason", "住院"]),
        "household H02: green → red (住院) (households.yaml:8)\nadded to colors.csv:2: H02 red\n"
    );
    ok(d, &["household", "link", "H02", "M01"]);
    let expected = "# 住户\r- id: H01\r  head: 刘大爷\r  address: a\r  grid: G1\r  contacts: [M01]\r\
                    - id: H02\r  color: red  # 2023-01-01 住院\r  head: 孙阿姨\r  address: b\r  grid: G1\r  contacts: [M02, M01]\r";
    assert_eq!(read(d, YAML), expected);
    assert_clean(d, 0);
}
