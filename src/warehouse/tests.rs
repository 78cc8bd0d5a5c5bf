use std::path::Path;

use chrono::NaiveDate;
use parquet::file::reader::{FileReader, SerializedFileReader};

use super::*;

#[test]
fn partition_values_keep_chinese_and_escape_separators() {
    assert_eq!(partition_value("夏窝社区"), "夏窝社区");
    assert_eq!(partition_value("a/b=c%"), "a%2Fb%3Dc%25");
    assert_eq!(partition_value(".hidden"), "%2Ehidden");
    assert_eq!(partition_value("_x"), "%5Fx");
}

#[test]
fn dates_are_days_since_1970() {
    assert_eq!(days(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()), 0);
    assert_eq!(days(NaiveDate::from_ymd_opt(2022, 10, 1).unwrap()), 19266);
    assert_eq!(days(NaiveDate::from_ymd_opt(1969, 12, 31).unwrap()), -1);
}

#[test]
fn what_a_target_folder_is() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    assert_eq!(inspect(&p.join("none")), Target::Missing);
    std::fs::create_dir(p.join("empty")).unwrap();
    assert_eq!(inspect(&p.join("empty")), Target::Empty);
    std::fs::create_dir(p.join("mine")).unwrap();
    std::fs::write(p.join("mine").join("notes.txt"), "x").unwrap();
    assert_eq!(inspect(&p.join("mine")), Target::Other);
    std::fs::write(p.join("file"), "x").unwrap();
    assert_eq!(inspect(&p.join("file")), Target::Other);
    std::fs::write(p.join("mine").join(MARKER), "{}").unwrap();
    assert_eq!(inspect(&p.join("mine")), Target::Previous);
}

fn read_back(path: &Path) -> (String, i64) {
    let r = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
    let meta = r.metadata().file_metadata();
    let mut schema = Vec::new();
    parquet::schema::printer::print_schema(&mut schema, meta.schema());
    (String::from_utf8(schema).unwrap(), meta.num_rows())
}

#[test]
fn a_table_has_typed_optional_columns_and_lists() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.parquet");
    let d = NaiveDate::from_ymd_opt(2022, 10, 5);
    let mut t = Table::new("t", 2);
    t.text("id", [Some("H1"), None].into_iter())
        .date("date", [d, None].into_iter())
        .int32("n", [Some(3), None].into_iter())
        .int64("m", [Some(4), Some(5)].into_iter())
        .bool("b", [Some(true), None].into_iter())
        .double("h", [Some(1.5), None].into_iter())
        .code("color", [Some(crate::model::labels::Color::Red), None].into_iter())
        .text_list("l", [vec!["a", "b"], vec![]].into_iter());
    t.write(&path).unwrap();
    let (schema, rows) = read_back(&path);
    assert_eq!(rows, 2);
    for line in [
        "OPTIONAL BYTE_ARRAY id (STRING);",
        "OPTIONAL INT32 date (DATE);",
        "OPTIONAL INT32 n;",
        "OPTIONAL INT64 m;",
        "OPTIONAL BOOLEAN b;",
        "OPTIONAL DOUBLE h;",
        "OPTIONAL BYTE_ARRAY color (STRING);",
        "OPTIONAL BYTE_ARRAY color_label_zh (STRING);",
        "OPTIONAL group l (LIST) {",
        "REPEATED group list {",
        "OPTIONAL BYTE_ARRAY element (STRING);",
    ] {
        assert!(schema.contains(line), "{line} in\n{schema}");
    }
}

#[test]
fn a_dataset_replaces_the_earlier_one_whole_and_leaves_nothing_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("warehouse");
    let ds = Dataset::default();
    let written = write_dataset(&out, &[("空社区", &ds)], Mask::Masked).unwrap();
    // No visits: no visits folder; the 22 other tables, one empty file each.
    assert_eq!(written.len(), 22);
    assert!(written.iter().all(|w| w.files == 1 && w.rows == 0));
    assert!(out.join("members/community=空社区/part-0.parquet").is_file());
    std::fs::write(out.join("stale.txt"), "x").unwrap();
    write_dataset(&out, &[("空社区", &ds)], Mask::Unmasked).unwrap();
    assert!(!out.join("stale.txt").exists());
    assert!(std::fs::read_to_string(out.join(MARKER)).unwrap().contains("\"masked\": false"));
    let beside: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(beside, ["warehouse"]);
}

#[test]
fn a_dataset_that_cannot_be_written_is_an_error_naming_the_place() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("file"), "x").unwrap();
    let out = dir.path().join("file/warehouse");
    let e = write_dataset(&out, &[("c", &Dataset::default())], Mask::Masked).unwrap_err();
    assert!(matches!(&e, WarehouseError::Io { path, .. } if path == &dir.path().join("file")), "{e}");
}
