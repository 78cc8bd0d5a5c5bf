//! What `gov member edit`, `gov member set-status` and `gov household edit` share: set a few of
//! a record's fields in place, each in its own span (a CSV cell, a YAML value on its line, the
//! items of a list), leaving every other byte of the file as it was, and word the change.

use crate::cli::write::{Place, yaml_record};
use crate::load::fields::split_list;
use crate::store::yaml_edit::{self, Value};
use crate::store::{csv_edit, yaml_edit::EditError};
use crate::text::{Text, errors};

/// One field to set: its name, its old value as shown (`;`-joined for a list) and the new one.
pub struct Change {
    pub key: &'static str,
    pub old: String,
    pub new: Value,
}

impl Change {
    /// The new value as shown (a list `;`-joined).
    pub fn shown(&self) -> String {
        crate::cli::write::cell(&self.new)
    }
}

/// The changes among `given` that change something: a value the same as the old one (an
/// unordered list with the same items) is left out, so that a second run writes nothing.
pub fn changes(given: Vec<Change>) -> Vec<Change> {
    given
        .into_iter()
        .filter(|c| match &c.new {
            Value::List(items) => {
                let mut a: Vec<&str> = items.iter().map(String::as_str).collect();
                let mut b: Vec<&str> = split_list(&c.old).collect();
                a.sort_unstable();
                b.sort_unstable();
                a != b
            }
            v => crate::cli::write::cell(v).trim() != c.old.trim(),
        })
        .collect()
}

/// `text` with every change made in the record at `place`, which starts on 1-based `line`.
/// A YAML scalar keeps the comment on its line, or gets `comment` in its place when one is
/// given; a YAML list loses the items no longer in it and gets the new ones in its own style
/// (flow, block or separated), comments on the other items kept. A CSV list keeps its
/// separator.
pub fn apply(
    text: &str,
    nl: &str,
    place: &Place,
    line: u32,
    changes: &[(&str, Value)],
    comment: Option<&str>,
) -> Result<String, Text> {
    match place {
        Place::Csv { row, header } => {
            let spans = csv_edit::field_spans(text, row.clone());
            let mut edits = Vec::new();
            for (key, v) in changes {
                let Some(i) = header.iter().position(|h| h == key) else {
                    return Err(errors::no_column_to_edit(key));
                };
                let span = spans.get(i).ok_or_else(errors::row_shorter)?.clone();
                let value = match v {
                    Value::List(items) => {
                        let old = csv_edit::value(text, span.clone());
                        let sep = [";", "；", "、"].into_iter().find(|sep| old.contains(sep)).unwrap_or(";");
                        items.join(sep)
                    }
                    Value::Scalar(s) | Value::Plain(s) => s.clone(),
                };
                edits.push((span, value));
            }
            // From the last cell back, so that the spans before each edit still hold.
            edits.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
            let mut out = text.to_string();
            for (span, value) in edits {
                out = csv_edit::set_cell(&out, span, &value);
            }
            Ok(out)
        }
        Place::Yaml(_) => {
            // A key the record lacks goes after the one added before it (the first after `id`),
            // so that new keys read in the order given.
            let (mut out, mut after) = (text.to_string(), "id");
            for (key, v) in changes {
                let rec = yaml_record(&out, line);
                let absent = yaml_edit::find_key(&out, &rec, key).is_none();
                out = match v {
                    Value::List(items) => set_list(&out, nl, line, key, items, after)?,
                    Value::Scalar(s) | Value::Plain(s) => {
                        yaml_edit::set_value(&out, nl, &rec, key, s, comment, after).map_err(|e| e.text())?
                    }
                };
                if absent {
                    after = key;
                }
            }
            Ok(out)
        }
    }
}

/// A YAML list set to `items`: the old items not wanted are taken out, the new ones added.
fn set_list(text: &str, nl: &str, line: u32, key: &str, items: &[String], after: &str) -> Result<String, Text> {
    let text_of = |e: EditError| e.text();
    let rec = yaml_record(text, line);
    let have = yaml_edit::list_items(text, &rec, key).map_err(text_of)?.unwrap_or_default();
    // Compared by code: `独居老人` in the file is the `elderly_alone` asked for.
    let same = |a: &str, b: &str| crate::cli::values::canonical(key, a) == crate::cli::values::canonical(key, b);
    let mut out = text.to_string();
    for old in have.iter().filter(|h| !items.iter().any(|i| same(i, h))) {
        let rec = yaml_record(&out, line);
        out = yaml_edit::list_remove(&out, &rec, key, old).map_err(text_of)?;
    }
    for new in items.iter().filter(|i| !have.iter().any(|h| same(i, h))) {
        let rec = yaml_record(&out, line);
        out = yaml_edit::list_add(&out, nl, &rec, key, new, after).map_err(text_of)?;
    }
    Ok(out)
}

/// The changes for the file: the field names and new values, enum values in the folder's words.
pub fn fields(values: crate::model::Lang, changes: &[Change]) -> Vec<(&'static str, Value)> {
    let raw: Vec<(&'static str, Value)> = changes.iter().map(|c| (c.key, c.new.clone())).collect();
    crate::cli::values::in_folder_words(values, &raw)
}
