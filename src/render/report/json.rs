//! JSON for programs: numbers as numbers, labels as their codes, ratios as fractions.

use std::io::{self, Write};

use serde_json::{Map, Value as Json};

use super::{RenderOptions, cell_text, shown_title};
use crate::report::{Table, Value};

fn json_value(v: &Value, o: &RenderOptions) -> Json {
    match v {
        Value::Empty => Json::Null,
        Value::Int(n) => Json::from(*n),
        Value::Decimal(x) => Json::from((x * 10.0).round() / 10.0),
        Value::Ratio { den: 0, .. } => Json::Null,
        Value::Ratio { num, den } => Json::from((*num as f64 / *den as f64 * 10_000.0).round() / 10_000.0),
        Value::Label { code, .. } => Json::from(*code),
        Value::Labels(ls) => Json::from(ls.iter().map(|l| l.code).collect::<Vec<_>>()),
        other => Json::from(cell_text(other, o, false)),
    }
}

/// One report as a JSON document: `{report, title, rows, total}`.
pub(super) fn json_doc(t: &Table, o: &RenderOptions) -> Json {
    let object = |row: &[Value]| -> Json {
        let mut m = Map::new();
        for (c, v) in t.columns.iter().zip(row) {
            m.insert(c.key.to_string(), json_value(v, o));
        }
        Json::Object(m)
    };
    let mut doc = Map::new();
    doc.insert("report".into(), Json::from(t.name));
    doc.insert("title".into(), Json::from(shown_title(t, o)));
    doc.insert("rows".into(), Json::Array(t.rows.iter().map(|r| object(r)).collect()));
    if let Some(total) = &t.total {
        doc.insert("total".into(), object(total));
    }
    Json::Object(doc)
}

pub(super) fn write_json(w: &mut impl Write, t: &Table, o: &RenderOptions) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, &json_doc(t, o))?;
    writeln!(w)
}
