use super::*;
use crate::model::labels::VisitMethod;
use crate::report::col;

fn sample() -> Table {
    let mut t = Table::new(
        "t",
        &[
            col("who", "走访党员", "member"),
            col("method", "走访方式", "method"),
            col("n", "次数", "visits"),
            col("phone", "电话", "phone"),
            col("share", "覆盖率", "coverage"),
        ],
    )
    .titled("测试", "Test");
    t.push(vec![
        Value::text("=SUM(A1)"),
        Value::label(VisitMethod::Home),
        Value::Int(1234),
        Value::Phone("13812345678".into()),
        Value::ratio(1, 3),
    ]);
    t.push(vec![Value::text("-1"), Value::label(VisitMethod::Phone), Value::Int(-2), Value::Empty, Value::ratio(0, 0)]);
    t.total = Some(vec![Value::Empty, Value::Empty, Value::Int(1232), Value::Empty, Value::ratio(1, 3)]);
    t
}

fn opts(lang: Lang) -> RenderOptions {
    RenderOptions { lang, unmask: false, bom: false, width: None }
}

fn render(t: &Table, f: OutFormat, o: &RenderOptions) -> String {
    let mut buf = Vec::new();
    write(&mut buf, t, f, o).unwrap();
    String::from_utf8(buf).unwrap()
}

#[test]
fn csv_is_safe_for_excel() {
    let out = render(&sample(), OutFormat::Csv, &RenderOptions { bom: true, ..opts(Lang::Zh) });
    assert_eq!(
        out,
        "\u{FEFF}走访党员,走访方式,次数,电话,覆盖率\r\n'=SUM(A1),入户,1234,138****5678,33.3%\r\n'-1,电话,-2,,—\r\n合计,,1232,,33.3%\r\n"
    );
}

#[test]
fn english_labels_and_unmasking() {
    let out = render(&sample(), OutFormat::Csv, &RenderOptions { unmask: true, ..opts(Lang::En) });
    assert!(
        out.starts_with("member,method,visits,phone,coverage\r\n'=SUM(A1),home visit,1234,13812345678,33.3%"),
        "{out}"
    );
    assert!(out.ends_with("Total,,1232,,33.3%\r\n"));
}

#[test]
fn json_keeps_codes_and_numbers() {
    let out: Json = serde_json::from_str(&render(&sample(), OutFormat::Json, &opts(Lang::Zh))).unwrap();
    assert_eq!(out["rows"][0]["method"], "home");
    assert_eq!(out["rows"][0]["n"], 1234);
    assert_eq!(out["rows"][0]["phone"], "138****5678");
    assert_eq!(out["rows"][0]["share"], 0.3333);
    assert_eq!(out["rows"][1]["share"], Json::Null);
    assert_eq!(out["total"]["n"], 1232);
}

#[test]
fn markdown_and_terminal() {
    let md = render(&sample(), OutFormat::Md, &opts(Lang::Zh));
    assert!(
        md.contains(
            "| 走访党员 | 走访方式 | 次数 | 电话 | 覆盖率 |\n|---|---|---:|---|---:|\n| =SUM(A1) | 入户 | 1,234 |"
        ),
        "{md}"
    );
    assert!(md.contains("| **合计** |  | **1,232** |  | **33.3%** |"), "{md}");
    let table = render(&sample(), OutFormat::Table, &opts(Lang::Zh));
    assert!(table.starts_with("测试\n"));
    assert!(table.contains("1,234"));
}

#[test]
fn transposed_tables_list_columns_as_lines() {
    let mut t = Table::new("one", &[col("n", "件数", "count"), col("share", "比率", "share"), col("who", "户", "who")])
        .titled("一行", "One row");
    t.push(vec![Value::Int(1234), Value::ratio(1, 4), Value::Address("3号楼101室".into())]);
    t.transpose = true;
    let table = render(&t, OutFormat::Table, &opts(Lang::Zh));
    assert!(table.starts_with("一行\n"), "{table}");
    assert!(!table.contains('╞'), "no header row: {table}");
    assert!(table.contains("│ 件数 ┆ 1,234      │"), "{table}");
    assert!(table.contains("│ 户   ┆ 3号楼***室 │"), "{table}");
    let md = render(&t, OutFormat::Md, &opts(Lang::En));
    assert_eq!(
        md,
        "### One row\n\n| field | value |\n|---|---|\n| count | 1,234 |\n| share | 25.0% |\n| who | 3号楼***室 |\n"
    );
    // CSV and JSON keep the row as a row.
    let csv = render(&t, OutFormat::Csv, &opts(Lang::Zh));
    assert_eq!(csv, "件数,比率,户\r\n1234,25.0%,3号楼***室\r\n");
}

#[test]
fn several_tables_in_one_output() {
    let tables = [sample(), Table::new("second", &[col("x", "甲", "x")]).titled("第二", "Second")];
    let json: Json = serde_json::from_str(&{
        let mut buf = Vec::new();
        write_all(&mut buf, &tables, OutFormat::Json, &opts(Lang::Zh)).unwrap();
        String::from_utf8(buf).unwrap()
    })
    .unwrap();
    assert_eq!(json["t"]["rows"][0]["n"], 1234);
    assert_eq!(json["second"]["title"], "第二");
    let mut buf = Vec::new();
    write_all(&mut buf, &tables, OutFormat::Csv, &RenderOptions { bom: true, ..opts(Lang::Zh) }).unwrap();
    let csv = String::from_utf8(buf).unwrap();
    assert_eq!(csv.matches('\u{FEFF}').count(), 1, "one BOM, at the start");
    assert!(csv.ends_with("合计,,1232,,33.3%\r\n\r\n甲\r\n"), "{csv}");
    // One table alone is written exactly as `write` writes it.
    let mut one = Vec::new();
    write_all(&mut one, &tables[..1], OutFormat::Json, &opts(Lang::Zh)).unwrap();
    assert_eq!(String::from_utf8(one).unwrap(), render(&tables[0], OutFormat::Json, &opts(Lang::Zh)));
}

#[test]
fn free_text_is_masked_unless_asked() {
    let v = Value::FreeText("5号楼501室漏水，电话13812345678".into());
    assert_eq!(cell_text(&v, &opts(Lang::Zh), false), "5号楼***室漏水，电话138****5678");
    let unmasked = RenderOptions { unmask: true, ..opts(Lang::Zh) };
    assert_eq!(cell_text(&v, &unmasked, false), "5号楼501室漏水，电话13812345678");
}

#[test]
fn extensions() {
    use std::path::Path;
    assert_eq!(OutFormat::from_extension(Path::new("a.CSV")), Some(OutFormat::Csv));
    assert_eq!(OutFormat::from_extension(Path::new("a.json")), Some(OutFormat::Json));
    assert_eq!(OutFormat::from_extension(Path::new("a.md")), Some(OutFormat::Md));
    assert_eq!(OutFormat::from_extension(Path::new("a.xlsx")), Some(OutFormat::Xlsx));
    assert_eq!(OutFormat::from_extension(Path::new("a.xls")), None);
}

#[test]
fn long_cells_are_clipped_for_people_and_kept_whole_for_programs() {
    let mut t = Table::new("t", &[col("summary", "内容", "summary")]);
    // 2,000 + 1,500 characters, CJK so that characters and bytes differ.
    t.push(vec![Value::text(format!("{}{}", "甲".repeat(2_000), "乙".repeat(1_500)))]);
    let clipped = text_rows(&t, &opts(Lang::En), true);
    assert_eq!(clipped[0][0], format!("{}… (1,500 more characters)", "甲".repeat(2_000)));
    assert_eq!(text_rows(&t, &opts(Lang::Zh), true)[0][0], format!("{}…（另有 1,500 字）", "甲".repeat(2_000)));
    let md = render(&t, OutFormat::Md, &opts(Lang::En));
    assert!(md.contains("… (1,500 more characters) |") && !md.contains('乙'));
    let csv = render(&t, OutFormat::Csv, &opts(Lang::En));
    assert_eq!(csv.matches('乙').count(), 1_500);
    let json = render(&t, OutFormat::Json, &opts(Lang::En));
    assert_eq!(json.matches('乙').count(), 1_500);
    // Exactly at the limit: whole.
    let mut t = Table::new("t", &[col("summary", "内容", "summary")]);
    t.push(vec![Value::text("a".repeat(2_000))]);
    assert_eq!(text_rows(&t, &opts(Lang::En), true)[0][0], "a".repeat(2_000));
}

#[test]
fn control_characters_are_visible_for_people_and_kept_for_programs() {
    let raw = "\u{1b}]0;pwned\u{7}\u{1b}[2J";
    let mut t = Table::new("t", &[col("title", "标题", "title")]).titled(raw, raw);
    t.push(vec![Value::FreeText(raw.into())]);
    for f in [OutFormat::Table, OutFormat::Md] {
        let out = render(&t, f, &opts(Lang::En));
        assert!(!out.contains(['\u{1b}', '\u{7}']), "{f:?}: {out:?}");
        assert_eq!(out.matches("\\e]0;pwned\\a\\e[2J").count(), 2, "title and cell, {f:?}: {out}");
    }
    let json: Json = serde_json::from_str(&render(&t, OutFormat::Json, &opts(Lang::En))).unwrap();
    assert_eq!(json["rows"][0]["title"], raw);
    assert_eq!(json["title"], raw);
    assert!(render(&t, OutFormat::Csv, &opts(Lang::En)).contains(raw));
}

#[test]
fn decimals_show_one_place_only_when_they_have_one() {
    let o = opts(Lang::En);
    let shown = |x: f64, human: bool| cell_text(&Value::Decimal(x), &o, human);
    assert_eq!(shown(1234.0, true), "1,234");
    assert_eq!(shown(1234.0, false), "1234");
    assert_eq!(shown(2.5, true), "2.5");
    assert_eq!(shown(0.25 + 0.05, true), "0.3");
    assert_eq!(shown(-2.0, true), "-2");
    assert!(Value::Decimal(1.5).is_numeric());
}

#[test]
fn xlsx_sheet_names_are_what_excel_accepts() {
    use super::xlsx::sheet_name;
    assert_eq!(sheet_name("a/b:c", &[]), "a-b-c");
    assert_eq!(sheet_name("", &[]), "Sheet");
    let long = "走".repeat(40);
    assert_eq!(sheet_name(&long, &[]).chars().count(), 31);
    let taken = vec!["ledger".to_string()];
    assert_eq!(sheet_name("Ledger", &taken), "Ledger-2");
}
