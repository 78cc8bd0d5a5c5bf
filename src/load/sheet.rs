//! Spreadsheets as offices keep them, made into CSV in a kind's own columns for `gov import`:
//! `.xlsx`, `.xls`, `.ods` through calamine. The header row is found below any title rows (the
//! first row where two cells name the kind's fields, in English or by a Chinese name); a header
//! in two rows (merged cells over sub-headers) is read as one; columns the kind does not know
//! (序号, 户主, 备注…) are left out; totals rows (合计, 总计, 小计) and empty rows are skipped.
//! Numbers are written whole (a phone keeps every digit: never `1.38e10`) and date cells as
//! `YYYY-MM-DD`; dates typed as text (`2022年10月5日`) and Excel serials in a date column are
//! the loader's to read, as in any CSV.
//!
//! The CSV keeps the sheet's row numbers as its line numbers (blank lines stand for the rows
//! left out), so what the checks say about line 7 is the sheet's row 7.

use std::collections::BTreeMap;
use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};
use serde::Deserialize;

use super::csv::columns::field_name;

#[derive(Debug, thiserror::Error)]
pub enum SheetError {
    #[error("{0}")]
    Read(String),
    #[error("no sheet {0}")]
    NoSheet(String),
    #[error("no header row")]
    NoHeader,
}

/// A rules file (`--rules 走访台账.rules.yaml`) for a template that uses other words: column
/// names, values to replace, constants for every row, rows to skip. See docs/import.md.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// A header cell as written → the field it stands for (`走访人: member`).
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
    /// Per field, a value as written → the value gov reads (`method: {上门: 入户}`).
    #[serde(default)]
    pub values: BTreeMap<String, BTreeMap<String, String>>,
    /// A value for every row of a field (`member: 王芳`): the column when the sheet has none,
    /// else its empty cells.
    #[serde(default)]
    pub constants: BTreeMap<String, String>,
    /// Rows any cell of which contains one of these are skipped (`填表人：`).
    #[serde(default)]
    pub skip: Vec<String>,
}

impl Rules {
    pub fn parse(text: &str) -> Result<Rules, String> {
        let rules: Option<Rules> = serde_saphyr::from_str(text).map_err(|e| e.to_string())?;
        Ok(rules.unwrap_or_default())
    }
}

/// One sheet, as CSV in the kind's columns.
#[derive(Debug)]
pub struct Tidy {
    pub sheet: String,
    pub csv: String,
    /// Data rows kept.
    pub rows: usize,
    /// Totals rows left out.
    pub totals: usize,
    /// Each field's column in the sheet (0 for A), for naming a cell: `Sheet1!C7`.
    pub cells: Vec<(String, usize)>,
}

/// A column's letters: 0 → `A`, 25 → `Z`, 26 → `AA`.
pub fn column_letters(mut i: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A sheet's name and its rows of text cells.
pub type Rows = (String, Vec<Vec<String>>);

/// The sheets asked for: `sheet` by name or 1-based number, every sheet with `all`, else the
/// first.
pub fn read(path: &Path, sheet: Option<&str>, all: bool) -> Result<Vec<Rows>, SheetError> {
    let mut book = open_workbook_auto(path).map_err(|e| SheetError::Read(e.to_string()))?;
    let names = book.sheet_names().to_vec();
    let chosen: Vec<String> = match (sheet, all) {
        (_, true) => names.clone(),
        (Some(s), _) => {
            let by_number = s.parse::<usize>().ok().and_then(|n| n.checked_sub(1)).and_then(|i| names.get(i));
            match names.iter().find(|n| n.as_str() == s).or(by_number) {
                Some(n) => vec![n.clone()],
                None => return Err(SheetError::NoSheet(s.to_string())),
            }
        }
        (None, false) => names.first().cloned().into_iter().collect(),
    };
    let mut out = Vec::new();
    for name in chosen {
        let range = book.worksheet_range(&name).map_err(|e| SheetError::Read(e.to_string()))?;
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut rows: Vec<Vec<String>> = vec![Vec::new(); top as usize];
        for r in range.rows() {
            let mut row = vec![String::new(); left as usize];
            row.extend(r.iter().map(cell_text));
            rows.push(row);
        }
        out.push((name, rows));
    }
    Ok(out)
}

/// A cell as text: whole numbers without a fraction or exponent, dates as `YYYY-MM-DD`.
pub fn cell_text(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Float(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{}", *x as i64),
        Data::Float(x) => x.to_string(),
        Data::Int(n) => n.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => serial_date(d.as_f64()),
        Data::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(_) => String::new(),
    }
}

/// An Excel day number as `YYYY-MM-DD` (the 1900 system).
fn serial_date(serial: f64) -> String {
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).expect("a date");
    match base.checked_add_signed(chrono::Duration::days(serial.floor() as i64)) {
        Some(d) => d.to_string(),
        None => serial.to_string(),
    }
}

/// A row that sums the others up: its first cells say so.
fn is_total(row: &[String]) -> bool {
    row.iter().filter(|c| !c.is_empty()).take(2).any(|c| {
        let c: String = c.chars().filter(|c| !c.is_whitespace()).collect();
        matches!(c.as_str(), "合计" | "总计" | "小计" | "Total" | "total" | "TOTAL")
    })
}

/// The sheet's rows as CSV in `known`'s columns, the header found below any title rows.
pub fn tidy(sheet: &str, rows: &[Vec<String>], known: &[&str], rules: &Rules) -> Result<Tidy, SheetError> {
    let fields = |row: &[String]| -> Vec<Option<String>> {
        row.iter()
            .map(|c| {
                let f = rules.columns.get(c.trim()).cloned().unwrap_or_else(|| field_name(c, known));
                known.contains(&f.as_str()).then_some(f)
            })
            .collect()
    };
    let at = rows.iter().position(|r| fields(r).iter().flatten().count() >= 2).ok_or(SheetError::NoHeader)?;
    let mut header = fields(&rows[at]);
    let mut first_data = at + 1;
    // A header in two rows: merged cells above, the fields' names in the row below.
    if let Some(below) = rows.get(at + 1) {
        let under = fields(below);
        if under.iter().flatten().count() >= 1 {
            header.resize(header.len().max(under.len()), None);
            for (i, f) in under.into_iter().enumerate() {
                if let Some(f) = f {
                    header[i] = Some(f);
                }
            }
            first_data = at + 2;
        }
    }
    // A field named twice keeps its first column.
    let mut seen: Vec<&str> = Vec::new();
    let columns: Vec<(usize, &str)> = header
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.as_deref().map(|f| (i, f)))
        .filter(|(_, f)| {
            let new = !seen.contains(f);
            seen.push(f);
            new
        })
        .collect();
    // Constants for fields the sheet has no column for.
    let constants: Vec<(&str, &str)> = rules
        .constants
        .iter()
        .filter(|(f, _)| known.contains(&f.as_str()) && !columns.iter().any(|(_, c)| c == f))
        .map(|(f, v)| (f.as_str(), v.as_str()))
        .collect();
    let value = |field: &str, cell: &str| -> String {
        let cell = match rules.values.get(field).and_then(|m| m.get(cell)) {
            Some(v) => v.as_str(),
            None => cell,
        };
        match rules.constants.get(field) {
            Some(c) if cell.is_empty() => c.clone(),
            _ => cell.to_string(),
        }
    };
    let quote = |s: &str| {
        if s.contains([',', '"', '\r', '\n']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
    };
    let mut csv =
        columns.iter().map(|(_, f)| *f).chain(constants.iter().map(|(f, _)| *f)).collect::<Vec<_>>().join(",");
    csv.push('\n');
    let (mut kept, mut totals) = (0, 0);
    let mut line = 1usize;
    for (i, row) in rows.iter().enumerate().skip(first_data) {
        let sheet_row = i + 1;
        if row.iter().all(String::is_empty) {
            continue;
        }
        if is_total(row) {
            totals += 1;
            continue;
        }
        if row.iter().any(|c| rules.skip.iter().any(|p| !p.is_empty() && c.contains(p.as_str()))) {
            continue;
        }
        let mut cells: Vec<String> =
            columns.iter().map(|(c, f)| quote(&value(f, row.get(*c).map(String::as_str).unwrap_or("")))).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        cells.extend(constants.iter().map(|(_, v)| quote(v)));
        while line + 1 < sheet_row {
            csv.push('\n');
            line += 1;
        }
        let row_text = cells.join(",");
        // A cell with line breaks (quoted) takes more than one line of the CSV.
        line += 1 + row_text.matches('\n').count();
        csv.push_str(&row_text);
        csv.push('\n');
        kept += 1;
    }
    let cells = columns.iter().map(|(i, f)| (f.to_string(), *i)).collect();
    Ok(Tidy { sheet: sheet.to_string(), csv, rows: kept, totals, cells })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect()
    }

    const KNOWN: &[&str] = &["id", "date", "member", "household", "method", "summary", "topics", "with", "issues"];

    #[test]
    fn the_header_is_found_below_the_title_and_totals_are_skipped() {
        let rows = grid(&[
            &["XX社区党员联系户走访台账（2022年10月）", "", "", "", "", ""],
            &["序号", "走访日期", "走访党员", "走访户", "走访方式", "走访内容"],
            &["1", "2022-10-05", "王芳", "H01", "入户", "了解情况"],
            &["", "", "", "", "", ""],
            &["2", "2022年10月6日", "王芳", "H02", "电话", "回访"],
            &["合计", "", "", "", "", "2户"],
        ]);
        let t = tidy("Sheet1", &rows, KNOWN, &Rules::default()).unwrap();
        assert_eq!((t.rows, t.totals), (2, 1));
        assert_eq!(
            t.csv,
            "date,member,household,method,summary\n\n2022-10-05,王芳,H01,入户,了解情况\n\n2022年10月6日,王芳,H02,电话,回访\n"
        );
    }

    #[test]
    fn a_two_row_header_reads_as_one() {
        let rows = grid(&[
            &["序号", "走访日期", "走访对象", "", "走访方式", "走访内容"],
            &["", "", "住户", "户主", "", ""],
            &["1", "2022-10-05", "H01", "刘大爷", "入户", "了解情况"],
        ]);
        let t = tidy("S", &rows, KNOWN, &Rules::default()).unwrap();
        assert_eq!(t.csv, "date,household,method,summary\n\n2022-10-05,H01,入户,了解情况\n");
    }

    #[test]
    fn rules_name_columns_fix_values_set_constants_and_skip_rows() {
        let rules = Rules::parse(
            "columns:\n  走访时间点: date\n  联系户: household\nvalues:\n  method:\n    上门: 入户\nconstants:\n  member: 王芳\n  method: 电话\nskip:\n  - 填表人\n",
        )
        .unwrap();
        let rows = grid(&[
            &["走访时间点", "联系户", "走访方式", "走访内容"],
            &["2022-10-05", "H01", "上门", "了解情况"],
            &["2022-10-06", "H02", "", "回访"],
            &["填表人：张三", "", "", ""],
        ]);
        let t = tidy("S", &rows, KNOWN, &rules).unwrap();
        assert_eq!(
            t.csv,
            "date,household,method,summary,member\n2022-10-05,H01,入户,了解情况,王芳\n2022-10-06,H02,电话,回访,王芳\n"
        );
        assert!(Rules::parse("colums: {}\n").is_err(), "an unknown key is refused");
    }

    #[test]
    fn no_header_is_said() {
        assert!(matches!(tidy("S", &grid(&[&["a", "b"]]), KNOWN, &Rules::default()), Err(SheetError::NoHeader)));
    }

    #[test]
    fn columns_have_letters() {
        assert_eq!(["A", "C", "Z", "AA", "AZ", "BA"].map(String::from), [0, 2, 25, 26, 51, 52].map(column_letters));
    }

    #[test]
    fn numbers_are_whole_and_serials_are_dates() {
        assert_eq!(cell_text(&Data::Float(13812345678.0)), "13812345678");
        assert_eq!(serial_date(44839.0), "2022-10-05");
    }
}
