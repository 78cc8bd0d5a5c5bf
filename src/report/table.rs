//! The shape every report returns: named columns and rows of typed values. Values stay numbers,
//! dates and enum labels here; the writers in [`crate::render`] decide how they look. Pure.

use chrono::NaiveDate;

use crate::model::labels::Labelled;

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Int(i64),
    /// A number that may have a fraction (service hours): shown with one decimal when it has one.
    Decimal(f64),
    /// A share, shown as a percentage; `den == 0` shows as a dash.
    Ratio {
        num: u64,
        den: u64,
    },
    Date(NaiveDate),
    Text(String),
    /// An enum value, shown in the output language.
    Label {
        code: &'static str,
        zh: &'static str,
        en: &'static str,
    },
    /// Several enum values (a household's tags), shown in the output language; codes in JSON.
    Labels(Vec<Label>),
    /// A phone number: masked unless the user asks otherwise.
    Phone(String),
    /// An address: its door number is masked unless the user asks otherwise.
    Address(String),
    /// Free text that may name a room or a mobile number (a problem's title or notes): those are
    /// masked unless the user asks otherwise.
    FreeText(String),
}

/// One enum value's code and its words in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    pub code: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

impl Value {
    pub fn labels<E: Labelled>(es: &[E]) -> Value {
        Value::Labels(es.iter().map(|e| Label { code: e.code(), zh: e.zh(), en: e.en() }).collect())
    }

    pub fn label<E: Labelled>(e: E) -> Value {
        Value::Label { code: e.code(), zh: e.zh(), en: e.en() }
    }

    pub fn int(n: usize) -> Value {
        Value::Int(n as i64)
    }

    pub fn text(s: impl Into<String>) -> Value {
        Value::Text(s.into())
    }

    pub fn opt_text(s: Option<&str>) -> Value {
        s.map_or(Value::Empty, |s| Value::Text(s.to_string()))
    }

    pub fn ratio(num: usize, den: usize) -> Value {
        Value::Ratio { num: num as u64, den: den as u64 }
    }

    pub fn is_numeric(&self) -> bool {
        matches!(self, Value::Int(_) | Value::Decimal(_) | Value::Ratio { .. })
    }
}

/// A column: its key (JSON, and the English fallback) and its headers in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub key: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

pub const fn col(key: &'static str, zh: &'static str, en: &'static str) -> Column {
    Column { key, zh, en }
}

/// A report: columns, rows and, when it has one, a totals row (its first cell is left for the
/// writer's "合计" / "Total").
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Short name: export file names and JSON.
    pub name: &'static str,
    pub title_zh: String,
    pub title_en: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Value>>,
    pub total: Option<Vec<Value>>,
    /// Shown on a terminal and in Markdown with the columns as lines (header, then each row's
    /// value): for a single record or a single row of figures. CSV and JSON are unaffected.
    pub transpose: bool,
}

impl Table {
    pub fn new(name: &'static str, columns: &[Column]) -> Table {
        Table {
            name,
            title_zh: String::new(),
            title_en: String::new(),
            columns: columns.to_vec(),
            rows: Vec::new(),
            total: None,
            transpose: false,
        }
    }

    pub fn titled(mut self, zh: impl Into<String>, en: impl Into<String>) -> Table {
        self.title_zh = zh.into();
        self.title_en = en.into();
        self
    }

    pub fn push(&mut self, row: Vec<Value>) {
        debug_assert_eq!(row.len(), self.columns.len(), "row width of {}", self.name);
        self.rows.push(row);
    }
}
