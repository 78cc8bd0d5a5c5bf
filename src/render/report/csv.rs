//! CSV for Excel/WPS: CRLF, an optional BOM, and text cells that would run as formulas
//! neutralised.

use std::io::{self, Write};

use super::{RenderOptions, headers, text_rows};
use crate::report::{Table, Value};

/// Excel and WPS run a cell starting with one of these as a formula.
fn neutralise(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { cell }
}

pub(super) fn write_csv(w: &mut impl Write, t: &Table, o: &RenderOptions) -> io::Result<()> {
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
