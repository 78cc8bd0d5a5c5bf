//! Reading typed fields out of a [`RawRecord`], reporting every problem as a finding instead of
//! stopping: missing required fields, invalid values (with the allowed ones as a hint) and unknown
//! fields (with "did you mean"). Shared by every record kind and both file formats.

use std::path::Path;

use chrono::NaiveDate;

use super::raw::{RawField, RawRecord, RawValue};
use crate::finding::{Code, FieldValue, Finding, did_you_mean, shorten};
use crate::model::date::{parse_date, parse_date_cell};
use crate::model::id::id_problem;
use crate::model::labels::Labelled;
use crate::text::Text;
use crate::text::findings::{self as say, Shape};

/// Collects the findings of one file.
#[derive(Debug)]
pub struct Sink<'p> {
    pub path: &'p Path,
    pub findings: Vec<Finding>,
}

impl<'p> Sink<'p> {
    pub fn new(path: &'p Path) -> Self {
        Sink { path, findings: Vec::new() }
    }

    pub fn push(&mut self, code: Code, line: u32, column: u32, message: Text, hint: Option<Text>) {
        let mut f = Finding::new(code, self.path, Some(line).filter(|&l| l > 0), message).column(Some(column));
        f.hint = hint;
        self.findings.push(f);
    }
}

/// Separators accepted between list items in one cell: `;`, `；` and `、`.
pub fn split_list(s: &str) -> impl Iterator<Item = &str> {
    s.split([';', '；', '、']).map(str::trim).filter(|p| !p.is_empty())
}

/// A cursor over one record's fields.
pub struct Fields<'r, 'a, 's, 'p> {
    rec: &'r RawRecord<'a>,
    used: Vec<bool>,
    sink: &'s mut Sink<'p>,
    /// CSV: a column missing from the header is reported once per file, not per row.
    csv: bool,
}

impl<'r, 'a, 's, 'p> Fields<'r, 'a, 's, 'p> {
    pub fn new(rec: &'r RawRecord<'a>, sink: &'s mut Sink<'p>, csv: bool) -> Self {
        Fields { rec, used: vec![false; rec.fields.len()], sink, csv }
    }

    pub fn line(&self) -> u32 {
        self.rec.line
    }

    pub fn sink(&mut self) -> &mut Sink<'p> {
        self.sink
    }

    /// The field named `name`, marked as used; empty values count as absent.
    fn take(&mut self, name: &str) -> Option<&'r RawField<'a>> {
        let i = self.rec.fields.iter().position(|f| f.key == name)?;
        self.used[i] = true;
        let field = &self.rec.fields[i];
        (!field.value.is_empty()).then_some(field)
    }

    /// The field itself, marked as used (a nested list a kind reads its own way); `None` when
    /// absent or empty.
    pub fn raw(&mut self, name: &str) -> Option<&'r RawField<'a>> {
        self.take(name)
    }

    /// Is the field present at all (even empty)?
    pub fn has_field(&self, name: &str) -> bool {
        self.has_key(name)
    }

    /// A text field with the field itself, for messages that point at it.
    pub fn text_with_field(&mut self, name: &str, required: bool) -> Option<(&'r str, &'r RawField<'a>)> {
        let field = self.take(name);
        match field {
            Some(f) => self.scalar_of(f).map(|s| (s, f)),
            None => {
                if required {
                    self.missing(name);
                }
                None
            }
        }
    }

    fn has_key(&self, name: &str) -> bool {
        self.rec.fields.iter().any(|f| f.key == name)
    }

    fn missing(&mut self, name: &str) {
        if self.csv && !self.has_key(name) {
            return; // reported once for the header
        }
        let line = self.rec.line;
        self.sink.push(Code::MissingField, line, 0, say::missing_field(name), Some(say::missing_field_hint(name)));
    }

    /// An `invalid-value` finding about `field`, which it names ([`Finding::value`]: `gov
    /// import` names the sheet's cell by it).
    pub fn invalid(&mut self, field: &RawField<'_>, message: Text, hint: Option<Text>) {
        self.sink.push(Code::InvalidValue, field.line, field.column, message, hint);
        if let Some(f) = self.sink.findings.last_mut()
            && f.value.is_none()
        {
            let value = match &field.value {
                RawValue::Scalar(s) => s.trim(),
                _ => "",
            };
            f.value = Some(FieldValue { field: field.key.as_ref().into(), value: value.into() });
        }
    }

    fn scalar_of(&mut self, field: &'r RawField<'a>) -> Option<&'r str> {
        match &field.value {
            RawValue::Scalar(s) => Some(s.trim()),
            other => {
                let what = other.describe();
                self.invalid(field, say::wrong_shape(&field.key, Shape::SingleValue, what), None);
                None
            }
        }
    }

    /// A text field, trimmed; reported when required and absent.
    pub fn text(&mut self, name: &str, required: bool) -> Option<&'r str> {
        match self.take(name) {
            Some(f) => self.scalar_of(f),
            None => {
                if required {
                    self.missing(name);
                }
                None
            }
        }
    }

    pub fn string(&mut self, name: &str, required: bool) -> Option<String> {
        self.text(name, required).map(str::to_owned)
    }

    /// A list field: a YAML sequence, or one value with items separated by `;`, `；` or `、`.
    pub fn list(&mut self, name: &str, required: bool) -> Option<Vec<&'r str>> {
        let Some(field) = self.take(name) else {
            if required {
                self.missing(name);
            }
            return None;
        };
        match &field.value {
            RawValue::Scalar(s) => Some(split_list(s).collect()),
            RawValue::List(items) => Some(items.iter().flat_map(|s| split_list(s)).collect()),
            other => {
                let what = other.describe();
                self.invalid(field, say::wrong_shape(name, Shape::List, what), None);
                None
            }
        }
    }

    /// An id (this record's own or a reference), syntax-checked.
    pub fn id(&mut self, name: &str, required: bool) -> Option<&'r str> {
        let field = self.take(name);
        let value = match field {
            Some(f) => self.scalar_of(f)?,
            None => {
                if required {
                    self.missing(name);
                }
                return None;
            }
        };
        self.check_id(field?, name, value)
    }

    /// A list of ids, each syntax-checked; bad ones are reported and dropped.
    pub fn ids(&mut self, name: &str, required: bool) -> Option<Vec<&'r str>> {
        let items = self.list(name, required)?;
        let field = self.rec.fields.iter().find(|f| f.key == name)?;
        Some(items.into_iter().filter_map(|v| self.check_id(field, name, v)).collect())
    }

    fn check_id(&mut self, field: &RawField<'_>, name: &str, value: &'r str) -> Option<&'r str> {
        match id_problem(value) {
            None => Some(value),
            Some(problem) => {
                self.sink.push(
                    Code::InvalidValue,
                    field.line,
                    field.column,
                    say::invalid_id(name, &shorten(value), problem),
                    Some(say::invalid_id_hint()),
                );
                if let Some(f) = self.sink.findings.last_mut() {
                    f.value = Some(FieldValue { field: name.into(), value: value.into() });
                }
                None
            }
        }
    }

    pub fn date(&mut self, name: &str, required: bool) -> Option<NaiveDate> {
        let field = self.take(name);
        let Some(text) = field.and_then(|f| self.scalar_of(f)) else {
            if required && field.is_none() {
                self.missing(name);
            }
            return None;
        };
        // A CSV cell may hold an Excel day number (a date cell saved as a number).
        let date = if self.csv { parse_date_cell(text) } else { parse_date(text) };
        if date.is_none() {
            self.invalid(field?, say::not_a_date(name, &shorten(text)), Some(say::not_a_date_hint()));
        }
        date
    }

    pub fn labelled<E: Labelled>(&mut self, name: &str, required: bool) -> Option<E> {
        let field = self.take(name);
        let Some(text) = field.and_then(|f| self.scalar_of(f)) else {
            if required && field.is_none() {
                self.missing(name);
            }
            return None;
        };
        let value = E::parse(text);
        if value.is_none() {
            self.bad_label::<E>(field?, name, text);
        }
        value
    }

    pub fn bad_label<E: Labelled>(&mut self, field: &RawField<'_>, name: &str, text: &str) {
        let codes = E::ALL.iter().map(|v| v.code());
        let hint = say::allowed_hint::<E>(did_you_mean(&text.to_lowercase(), codes));
        self.invalid(field, say::not_a_label::<E>(name, &shorten(text)), Some(hint));
    }

    /// A list of enum values; invalid items are reported and dropped.
    pub fn labelled_list<E: Labelled>(&mut self, name: &str) -> Vec<E> {
        let Some(items) = self.list(name, false) else { return Vec::new() };
        let Some(field) = self.rec.fields.iter().find(|f| f.key == name) else { return Vec::new() };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match E::parse(item) {
                Some(v) => out.push(v),
                None => self.bad_label::<E>(field, name, item),
            }
        }
        out
    }

    pub fn number(&mut self, name: &str, min: u32, max: u32) -> Option<u32> {
        let field = self.take(name)?;
        let text = self.scalar_of(field)?;
        match text.parse::<u32>() {
            Ok(n) if (min..=max).contains(&n) => Some(n),
            _ => {
                self.invalid(field, say::not_a_number(name, &shorten(text), min, max), None);
                None
            }
        }
    }

    pub fn boolean(&mut self, name: &str) -> Option<bool> {
        let field = self.take(name)?;
        let text = self.scalar_of(field)?;
        match text.to_lowercase().as_str() {
            "true" | "yes" | "y" | "是" | "已解决" => Some(true),
            "false" | "no" | "n" | "否" | "未解决" => Some(false),
            _ => {
                self.invalid(field, say::not_yes_no(name, &shorten(text)), Some(say::yes_no_hint()));
                None
            }
        }
    }

    /// A nested mapping field (gov.yaml settings).
    pub fn map(&mut self, name: &str) -> Option<&'r RawRecord<'a>> {
        let field = self.take(name)?;
        match &field.value {
            RawValue::Map(rec) => Some(rec),
            other => {
                let what = other.describe();
                self.invalid(field, say::wrong_shape(name, Shape::Mapping, what), None);
                None
            }
        }
    }

    /// A nested list of mappings (an issue's `events`).
    pub fn records(&mut self, name: &str) -> Option<&'r [RawRecord<'a>]> {
        let field = self.take(name)?;
        match &field.value {
            RawValue::Records(recs) => Some(recs),
            RawValue::List(items) if items.is_empty() => Some(&[]),
            other => {
                let what = other.describe();
                self.invalid(field, say::wrong_shape(name, Shape::Records, what), None);
                None
            }
        }
    }

    /// Reports fields nobody asked for (YAML only: CSV headers are checked once per file).
    pub fn finish(self, known: &[&str]) {
        if self.csv {
            return;
        }
        for (field, used) in self.rec.fields.iter().zip(&self.used) {
            if !used {
                unknown_field(self.sink, &field.key, field.line, field.column, known);
            }
        }
    }
}

/// Reports an unknown field or column, suggesting the closest known name.
pub fn unknown_field(sink: &mut Sink<'_>, key: &str, line: u32, column: u32, known: &[&str]) {
    let hint = say::unknown_field_hint(did_you_mean(&shorten(key), known.iter().copied()), known);
    sink.push(Code::UnknownField, line, column, say::unknown_field(&shorten(key)), Some(hint));
}

mod intervals;
pub use intervals::MAX_DAYS;

#[cfg(test)]
mod tests;
