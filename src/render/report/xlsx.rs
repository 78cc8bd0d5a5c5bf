//! XLSX for Excel/WPS (rust_xlsxwriter): a title row, a bold frozen header, widths that fit CJK
//! text, numbers, percentages and dates typed, ids and phones as text, the totals row set apart,
//! personal data masked like every other writer.
//!
//! Text is always written as a string cell, never as a formula, so a cell starting with `=`, `+`,
//! `-`, `@`, a tab or a CR is kept as the text it is (no formula injection) and needs no `'`.

use std::io::{self, Write};

use rust_xlsxwriter::{Color, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use super::{RenderOptions, cell_text, headers, shown_title, total_word};
use crate::report::{Table, Value};

/// One sheet of a workbook: its name and the tables it holds, one under the other.
pub struct Sheet<'a> {
    pub name: &'a str,
    pub tables: &'a [Table],
}

/// The widest a column gets, in characters of the default font (a CJK character counts two).
const MAX_WIDTH: usize = 60;

struct Formats {
    title: Format,
    lead: Format,
    header: Format,
    date: Format,
    percent: Format,
    decimal: Format,
    total: Format,
    total_percent: Format,
    total_decimal: Format,
}

impl Formats {
    fn new() -> Formats {
        let total =
            Format::new().set_bold().set_border_top(FormatBorder::Thin).set_background_color(Color::RGB(0xF2F2F2));
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            lead: Format::new().set_bold().set_font_color(Color::RGB(0xC00000)),
            header: Format::new()
                .set_bold()
                .set_border_bottom(FormatBorder::Thin)
                .set_background_color(Color::RGB(0xDDEBF7)),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            percent: Format::new().set_num_format("0.0%"),
            decimal: Format::new().set_num_format("0.0"),
            total_percent: total.clone().set_num_format("0.0%"),
            total_decimal: total.clone().set_num_format("0.0"),
            total,
        }
    }
}

/// Excel refuses these in a sheet name, and names longer than 31 characters.
pub(super) fn sheet_name(name: &str, taken: &[String]) -> String {
    let clean: String =
        name.chars().map(|c| if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') { '-' } else { c }).collect();
    let clean = clean.trim_matches('\'');
    let base: String = if clean.is_empty() { "Sheet".into() } else { clean.chars().take(31).collect() };
    let mut name = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        let suffix = format!("-{n}");
        name = base.chars().take(31 - suffix.len()).collect::<String>() + &suffix;
        n += 1;
    }
    name
}

fn xlsx_err(e: XlsxError) -> io::Error {
    io::Error::other(e.to_string())
}

/// One sheet per table, named after the table (a record and its history, a report's parts).
pub(super) fn write_xlsx(w: &mut impl Write, tables: &[Table], o: &RenderOptions) -> io::Result<()> {
    let sheets: Vec<Sheet> = tables.iter().map(|t| Sheet { name: t.name, tables: std::slice::from_ref(t) }).collect();
    write_workbook(w, &sheets, None, o)
}

/// A workbook of several sheets (`gov export`'s pack). `lead`, when given, is a first row on
/// every sheet (an incomplete pack says so).
pub fn write_workbook(w: &mut impl Write, sheets: &[Sheet], lead: Option<&str>, o: &RenderOptions) -> io::Result<()> {
    let mut book = Workbook::new();
    let formats = Formats::new();
    let mut taken: Vec<String> = Vec::new();
    for sheet in sheets {
        let name = sheet_name(sheet.name, &taken);
        let ws = book.add_worksheet();
        ws.set_name(&name).map_err(xlsx_err)?;
        taken.push(name);
        let mut row = 0u32;
        let mut widths: Vec<usize> = Vec::new();
        if let Some(lead) = lead {
            ws.write_string_with_format(row, 0, lead, &formats.lead).map_err(xlsx_err)?;
            row += 1;
        }
        for (i, t) in sheet.tables.iter().enumerate() {
            if i > 0 {
                row += 1;
            }
            row = write_table(ws, row, t, o, &formats, &mut widths, i == 0).map_err(xlsx_err)?;
        }
        for (c, width) in widths.iter().enumerate() {
            ws.set_column_width(c as u16, (*width).clamp(6, MAX_WIDTH) as f64 + 2.0).map_err(xlsx_err)?;
        }
    }
    if sheets.is_empty() {
        book.add_worksheet();
    }
    let bytes = book.save_to_buffer().map_err(xlsx_err)?;
    w.write_all(&bytes)
}

/// Writes a table from `row` on: its title, its header (frozen when `freeze`), its rows and its
/// totals row. Returns the row after it.
fn write_table(
    ws: &mut Worksheet,
    mut row: u32,
    t: &Table,
    o: &RenderOptions,
    f: &Formats,
    widths: &mut Vec<usize>,
    freeze: bool,
) -> Result<u32, XlsxError> {
    let grow = |widths: &mut Vec<usize>, c: usize, s: &str| {
        if widths.len() <= c {
            widths.resize(c + 1, 0);
        }
        let w = s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0);
        widths[c] = widths[c].max(w);
    };
    let title = shown_title(t, o);
    if !title.is_empty() {
        ws.write_string_with_format(row, 0, &title, &f.title)?;
        row += 1;
    }
    for (c, h) in headers(t, o.lang).into_iter().enumerate() {
        ws.write_string_with_format(row, c as u16, h, &f.header)?;
        grow(widths, c, h);
    }
    row += 1;
    if freeze {
        ws.set_freeze_panes(row, 0)?;
    }
    for r in &t.rows {
        for (c, v) in r.iter().enumerate() {
            let shown = write_cell(ws, row, c as u16, v, o, f, false)?;
            grow(widths, c, &shown);
        }
        row += 1;
    }
    if let Some(total) = &t.total {
        for (c, v) in total.iter().enumerate() {
            let v = match v {
                Value::Empty if c == 0 => Value::text(total_word(o.lang)),
                v => v.clone(),
            };
            let shown = write_cell(ws, row, c as u16, &v, o, f, true)?;
            grow(widths, c, &shown);
        }
        row += 1;
    }
    Ok(row)
}

/// Writes one value typed: numbers as numbers, shares as percentages, dates as dates, all else
/// (ids, phones, names, labels) as text, masked. Returns the text it shows, for the width.
fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    v: &Value,
    o: &RenderOptions,
    f: &Formats,
    total: bool,
) -> Result<String, XlsxError> {
    let plain = if total { Some(&f.total) } else { None };
    match v {
        Value::Int(n) => {
            number(ws, row, col, *n as f64, plain)?;
        }
        Value::Decimal(x) => {
            let fmt = if total { &f.total_decimal } else { &f.decimal };
            if x.fract() == 0.0 {
                number(ws, row, col, *x, plain)?;
            } else {
                ws.write_number_with_format(row, col, *x, fmt)?;
            }
        }
        Value::Ratio { num, den } if *den > 0 => {
            let fmt = if total { &f.total_percent } else { &f.percent };
            ws.write_number_with_format(row, col, *num as f64 / *den as f64, fmt)?;
        }
        Value::Date(d) => {
            use chrono::Datelike;
            let date = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
            ws.write_datetime_with_format(row, col, &date, &f.date)?;
            return Ok(d.to_string());
        }
        Value::Empty => {
            if let Some(fmt) = plain {
                ws.write_blank(row, col, fmt)?;
            }
        }
        _ => {
            let text = cell_text(v, o, false);
            match plain {
                Some(fmt) => ws.write_string_with_format(row, col, &text, fmt)?,
                None => ws.write_string(row, col, &text)?,
            };
            return Ok(text);
        }
    }
    Ok(cell_text(v, o, true))
}

fn number(ws: &mut Worksheet, row: u32, col: u16, x: f64, fmt: Option<&Format>) -> Result<(), XlsxError> {
    match fmt {
        Some(fmt) => ws.write_number_with_format(row, col, x, fmt)?,
        None => ws.write_number(row, col, x)?,
    };
    Ok(())
}
