//! Writers for report [`Table`]s: a terminal table (comfy-table; CJK aligned; fits the terminal),
//! CSV (Excel/WPS-safe: optional BOM, formula cells neutralised), JSON and Markdown. Personal
//! data is masked here unless the user asked otherwise.

use std::io::{self, Write};

use comfy_table::{CellAlignment, ContentArrangement, presets};
use serde_json::{Map, Value as Json};

use super::findings::thousands;
use crate::model::Lang;
use crate::model::privacy::{mask_door, mask_free_text, mask_phone};
use crate::report::{Table, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutFormat {
    Table,
    Csv,
    Json,
    Md,
}

impl OutFormat {
    /// The format a file name implies: `.csv`, `.json`, `.md`, `.txt`.
    pub fn from_extension(path: &std::path::Path) -> Option<OutFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "csv" => Some(OutFormat::Csv),
            "json" => Some(OutFormat::Json),
            "md" | "markdown" => Some(OutFormat::Md),
            "txt" => Some(OutFormat::Table),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    pub lang: Lang,
    /// Show phone numbers and door numbers in full.
    pub unmask: bool,
    /// Start CSV with a UTF-8 byte order mark (for Excel/WPS).
    pub bom: bool,
    /// Terminal width to fit tables to, when known.
    pub width: Option<u16>,
}

/// The words a writer adds itself.
fn total_word(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "合计",
        Lang::En => "Total",
    }
}

/// A value as text. `human` adds thousands separators (tables, Markdown).
pub fn cell_text(v: &Value, o: &RenderOptions, human: bool) -> String {
    match v {
        Value::Empty => String::new(),
        Value::Int(n) if human && *n >= 0 => thousands(*n as usize),
        Value::Int(n) => n.to_string(),
        Value::Ratio { den: 0, .. } => "—".into(),
        Value::Ratio { num, den } => format!("{:.1}%", *num as f64 * 100.0 / *den as f64),
        Value::Date(d) => d.to_string(),
        Value::Text(s) => s.clone(),
        Value::Label { zh, en, .. } => match o.lang {
            Lang::Zh => zh.to_string(),
            Lang::En => en.to_string(),
        },
        Value::Phone(p) if o.unmask => p.clone(),
        Value::Phone(p) => mask_phone(p),
        Value::Address(a) if o.unmask => a.clone(),
        Value::Address(a) => mask_door(a),
        Value::FreeText(t) if o.unmask => t.clone(),
        Value::FreeText(t) => mask_free_text(t),
    }
}

fn headers(t: &Table, lang: Lang) -> Vec<&'static str> {
    t.columns.iter().map(|c| if lang == Lang::Zh { c.zh } else { c.en }).collect()
}

fn title(t: &Table, lang: Lang) -> &str {
    if lang == Lang::Zh { &t.title_zh } else { &t.title_en }
}

/// Rows as text, the totals row last with its first cell filled in.
fn text_rows(t: &Table, o: &RenderOptions, human: bool) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> =
        t.rows.iter().map(|r| r.iter().map(|v| cell_text(v, o, human)).collect()).collect();
    if let Some(total) = &t.total {
        let mut row: Vec<String> = total.iter().map(|v| cell_text(v, o, human)).collect();
        if let Some(first) = row.first_mut()
            && first.is_empty()
        {
            *first = total_word(o.lang).to_string();
        }
        rows.push(row);
    }
    rows
}

/// Columns to right-align: those whose every non-empty value is a number.
fn numeric_columns(t: &Table) -> Vec<bool> {
    (0..t.columns.len())
        .map(|i| {
            let mut cells = t.rows.iter().chain(t.total.iter()).map(|r| &r[i]).filter(|v| **v != Value::Empty);
            let first = cells.next();
            first.is_some_and(Value::is_numeric) && cells.all(Value::is_numeric)
        })
        .collect()
}

pub fn write(w: &mut impl Write, t: &Table, format: OutFormat, o: &RenderOptions) -> io::Result<()> {
    match format {
        OutFormat::Table if t.transpose => write_terminal(w, &transposed(t, o), o, false),
        OutFormat::Md if t.transpose => write_md(w, &transposed(t, o), o),
        OutFormat::Table => write_terminal(w, t, o, true),
        OutFormat::Csv => write_csv(w, t, o),
        OutFormat::Json => write_json(w, t, o),
        OutFormat::Md => write_md(w, t, o),
    }
}

/// Several reports in one output (a record and its history): on a terminal, in CSV and in
/// Markdown one after the other with a blank line between; in JSON one object holding each
/// report under its name. A BOM, when asked for, starts the whole output only.
pub fn write_all(w: &mut impl Write, tables: &[Table], format: OutFormat, o: &RenderOptions) -> io::Result<()> {
    if format == OutFormat::Json && tables.len() != 1 {
        let mut doc = Map::new();
        for t in tables {
            doc.insert(t.name.to_string(), json_doc(t, o));
        }
        serde_json::to_writer_pretty(&mut *w, &Json::Object(doc))?;
        return writeln!(w);
    }
    for (i, t) in tables.iter().enumerate() {
        if i > 0 {
            w.write_all(if format == OutFormat::Csv { b"\r\n" } else { b"\n" })?;
        }
        write(w, t, format, &RenderOptions { bom: o.bom && i == 0, ..*o })?;
    }
    Ok(())
}

/// The columns as lines: each header, then its value in each row (and the totals row, under the
/// writer's 合计 / Total).
fn transposed(t: &Table, o: &RenderOptions) -> Table {
    let mut rows: Vec<&Vec<Value>> = t.rows.iter().collect();
    rows.extend(t.total.iter());
    let mut columns = vec![crate::report::col("field", "项目", "field")];
    columns.extend(rows.iter().map(|_| crate::report::col("value", "内容", "value")));
    let mut out = Table::new(t.name, &columns).titled(t.title_zh.clone(), t.title_en.clone());
    if t.total.is_some() {
        let mut head = vec![Value::Empty; rows.len()];
        head[rows.len() - 1] = Value::text(total_word(o.lang));
        out.push(std::iter::once(Value::Empty).chain(head).collect());
    }
    for (c, column) in t.columns.iter().enumerate() {
        let header = if o.lang == Lang::Zh { column.zh } else { column.en };
        out.push(std::iter::once(Value::text(header)).chain(rows.iter().map(|r| r[c].clone())).collect());
    }
    out
}

fn write_terminal(w: &mut impl Write, t: &Table, o: &RenderOptions, header: bool) -> io::Result<()> {
    let mut table = comfy_table::Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    if header {
        table.set_header(headers(t, o.lang));
    }
    // Dynamic: wrap to the terminal's width when there is one (comfy-table asks the terminal).
    table.set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(width) = o.width {
        table.set_width(width);
    }
    for row in text_rows(t, o, true) {
        table.add_row(row);
    }
    for (i, numeric) in numeric_columns(t).into_iter().enumerate() {
        if numeric && let Some(c) = table.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    let title = title(t, o.lang);
    if !title.is_empty() {
        writeln!(w, "{title}")?;
    }
    writeln!(w, "{table}")
}

/// Excel and WPS run a cell starting with one of these as a formula.
fn neutralise(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { cell }
}

fn write_csv(w: &mut impl Write, t: &Table, o: &RenderOptions) -> io::Result<()> {
    if o.bom {
        w.write_all("\u{FEFF}".as_bytes())?;
    }
    let mut out = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(w);
    out.write_record(headers(t, o.lang))?;
    let numeric: Vec<Vec<bool>> =
        t.rows.iter().chain(t.total.iter()).map(|r| r.iter().map(Value::is_numeric).collect()).collect();
    for (row, numeric) in text_rows(t, o, false).into_iter().zip(numeric) {
        out.write_record(row.into_iter().zip(numeric).map(|(c, n)| if n { c } else { neutralise(c) }))?;
    }
    out.flush()
}

fn json_value(v: &Value, o: &RenderOptions) -> Json {
    match v {
        Value::Empty => Json::Null,
        Value::Int(n) => Json::from(*n),
        Value::Ratio { den: 0, .. } => Json::Null,
        Value::Ratio { num, den } => Json::from((*num as f64 / *den as f64 * 10_000.0).round() / 10_000.0),
        Value::Label { code, .. } => Json::from(*code),
        other => Json::from(cell_text(other, o, false)),
    }
}

/// One report as a JSON document: `{report, title, rows, total}`.
fn json_doc(t: &Table, o: &RenderOptions) -> Json {
    let object = |row: &[Value]| -> Json {
        let mut m = Map::new();
        for (c, v) in t.columns.iter().zip(row) {
            m.insert(c.key.to_string(), json_value(v, o));
        }
        Json::Object(m)
    };
    let mut doc = Map::new();
    doc.insert("report".into(), Json::from(t.name));
    doc.insert("title".into(), Json::from(title(t, o.lang)));
    doc.insert("rows".into(), Json::Array(t.rows.iter().map(|r| object(r)).collect()));
    if let Some(total) = &t.total {
        doc.insert("total".into(), object(total));
    }
    Json::Object(doc)
}

fn write_json(w: &mut impl Write, t: &Table, o: &RenderOptions) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, &json_doc(t, o))?;
    writeln!(w)
}

fn write_md(w: &mut impl Write, t: &Table, o: &RenderOptions) -> io::Result<()> {
    let esc = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let title = title(t, o.lang);
    if !title.is_empty() {
        writeln!(w, "### {}\n", esc(title))?;
    }
    writeln!(w, "| {} |", headers(t, o.lang).iter().map(|h| esc(h)).collect::<Vec<_>>().join(" | "))?;
    let aligns: Vec<&str> = numeric_columns(t).iter().map(|&n| if n { "---:" } else { "---" }).collect();
    writeln!(w, "|{}|", aligns.join("|"))?;
    let has_total = t.total.is_some();
    let rows = text_rows(t, o, true);
    let n = rows.len();
    for (i, row) in rows.into_iter().enumerate() {
        let bold = has_total && i + 1 == n;
        let cells: Vec<String> =
            row.iter().map(|c| if bold && !c.is_empty() { format!("**{}**", esc(c)) } else { esc(c) }).collect();
        writeln!(w, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
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
        t.push(vec![
            Value::text("-1"),
            Value::label(VisitMethod::Phone),
            Value::Int(-2),
            Value::Empty,
            Value::ratio(0, 0),
        ]);
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
        let mut t =
            Table::new("one", &[col("n", "件数", "count"), col("share", "比率", "share"), col("who", "户", "who")])
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
        assert_eq!(OutFormat::from_extension(Path::new("a.xlsx")), None);
    }
}
