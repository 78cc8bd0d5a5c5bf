//! Writers for report [`Table`]s: a terminal table (comfy-table; CJK aligned; fits the terminal),
//! CSV (Excel/WPS-safe: optional BOM, formula cells neutralised), JSON, Markdown, XLSX and one
//! HTML page ([`crate::render::html`]). Personal
//! data is masked here unless the user asked otherwise.

mod csv;
mod fit;
mod json;
mod md;
mod terminal;
#[cfg(test)]
mod tests;
mod xlsx;

use std::io::{self, Write};

use serde_json::{Map, Value as Json};

use super::findings::thousands;
use super::visible::visible_owned;
use crate::model::Lang;
use crate::model::privacy::{mask_address, mask_phone_field, mask_text};
use crate::report::{Table, Value};

use self::csv::write_csv;
use self::json::{json_doc, write_json};
use self::md::write_md;
use self::terminal::write_terminal;
use self::xlsx::write_xlsx;
pub use self::xlsx::{Sheet, write_workbook};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutFormat {
    Table,
    Csv,
    Json,
    Md,
    /// One self-contained HTML page ([`crate::render::html`]).
    Html,
    /// An Excel workbook (binary): one sheet per table.
    Xlsx,
}

impl OutFormat {
    /// The format a file name implies: `.csv`, `.json`, `.md`, `.txt`, `.xlsx`.
    pub fn from_extension(path: &std::path::Path) -> Option<OutFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "csv" => Some(OutFormat::Csv),
            "json" => Some(OutFormat::Json),
            "md" | "markdown" => Some(OutFormat::Md),
            "txt" => Some(OutFormat::Table),
            "html" | "htm" => Some(OutFormat::Html),
            "xlsx" => Some(OutFormat::Xlsx),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    pub lang: Lang,
    /// Show phone numbers, ID and card numbers and door numbers in full, in every cell.
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
        Value::Decimal(x) => decimal(*x, human),
        Value::Ratio { den: 0, .. } => "—".into(),
        Value::Ratio { num, den } => format!("{:.1}%", *num as f64 * 100.0 / *den as f64),
        Value::Date(d) => d.to_string(),
        Value::Text(s) if o.unmask => s.clone(),
        Value::Text(s) => mask_text(s).into_owned(),
        Value::Label { zh, en, .. } => match o.lang {
            Lang::Zh => zh.to_string(),
            Lang::En => en.to_string(),
        },
        Value::Labels(ls) => match o.lang {
            Lang::Zh => ls.iter().map(|l| l.zh).collect::<Vec<_>>().join("、"),
            Lang::En => ls.iter().map(|l| l.en).collect::<Vec<_>>().join("; "),
        },
        Value::Phone(p) if o.unmask => p.clone(),
        Value::Phone(p) => mask_phone_field(p).into_owned(),
        Value::Address(a) if o.unmask => a.clone(),
        Value::Address(a) => mask_address(a).into_owned(),
        Value::FreeText(t) if o.unmask => t.clone(),
        Value::FreeText(t) => mask_text(t).into_owned(),
    }
}

/// `12`, `1,234`, `2.5`: one decimal, and none when the number is whole.
fn decimal(x: f64, human: bool) -> String {
    let tenths = (x * 10.0).round();
    if tenths % 10.0 == 0.0 {
        let n = (tenths / 10.0) as i64;
        return if human && n >= 0 { thousands(n as usize) } else { n.to_string() };
    }
    format!("{:.1}", tenths / 10.0)
}

pub(crate) fn headers(t: &Table, lang: Lang) -> Vec<&'static str> {
    t.columns.iter().map(|c| if lang == Lang::Zh { c.zh } else { c.en }).collect()
}

fn title(t: &Table, lang: Lang) -> &str {
    if lang == Lang::Zh { &t.title_zh } else { &t.title_en }
}

/// A report's title as shown: masked like a cell (a record's title can name a person's room).
fn shown_title(t: &Table, o: &RenderOptions) -> String {
    crate::model::privacy::shown(title(t, o.lang), o.unmask).into_owned()
}

/// The most characters a cell shows in a table or Markdown (for people); CSV and JSON, for
/// programs, keep every value whole.
pub const MAX_CELL_CHARS: usize = 2_000;

/// A cell for people: the first [`MAX_CELL_CHARS`] characters and how many more there are. One
/// pass over the text, so a 200 MB summary costs what reading it does (comfy-table's layout of
/// a huge cell does not).
fn clip(mut s: String, lang: Lang) -> String {
    let Some((cut, _)) = s.char_indices().nth(MAX_CELL_CHARS) else { return s };
    let more = thousands(s[cut..].chars().count());
    s.truncate(cut);
    match lang {
        Lang::Zh => s.push_str(&format!("…（另有 {more} 字）")),
        Lang::En => s.push_str(&format!("… ({more} more characters)")),
    }
    s
}

/// Rows as text, the totals row last with its first cell filled in. `human` (tables, Markdown)
/// adds thousands separators, clips long cells ([`clip`]) and makes control characters visible
/// ([`visible`]), once here for every cell.
pub(crate) fn text_rows(t: &Table, o: &RenderOptions, human: bool) -> Vec<Vec<String>> {
    let cell = |v: &Value| {
        let text = cell_text(v, o, human);
        if human { visible_owned(clip(text, o.lang)) } else { text }
    };
    let mut rows: Vec<Vec<String>> = t.rows.iter().map(|r| r.iter().map(cell).collect()).collect();
    if let Some(total) = &t.total {
        let mut row: Vec<String> = total.iter().map(cell).collect();
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
pub(crate) fn numeric_columns(t: &Table) -> Vec<bool> {
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
        OutFormat::Html => crate::render::html::write_tables_page(w, std::slice::from_ref(t), o),
        OutFormat::Xlsx => write_xlsx(w, std::slice::from_ref(t), o),
    }
}

/// Several reports in one output (a record and its history): on a terminal, in CSV and in
/// Markdown one after the other with a blank line between; in JSON one object holding each
/// report under its name; in XLSX one workbook with a sheet per report. A BOM, when asked for,
/// starts the whole output only.
pub fn write_all(w: &mut impl Write, tables: &[Table], format: OutFormat, o: &RenderOptions) -> io::Result<()> {
    if format == OutFormat::Xlsx {
        return write_xlsx(w, tables, o);
    }
    if format == OutFormat::Json && tables.len() != 1 {
        let mut doc = Map::new();
        for t in tables {
            doc.insert(t.name.to_string(), json_doc(t, o));
        }
        serde_json::to_writer_pretty(&mut *w, &Json::Object(doc))?;
        return writeln!(w);
    }
    if format == OutFormat::Html {
        return crate::render::html::write_tables_page(w, tables, o);
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
