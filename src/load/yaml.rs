//! YAML files to [`RawRecord`]s, with the line and column of every record and field. Parsing is
//! bounded: a budget caps depth, nodes, aliases and scalar bytes, so deeply nested or alias-bomb
//! input is an error, never a hang or unbounded memory.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{Budget, Options, Spanned};

use super::raw::{RawField, RawRecord, RawValue};
use crate::text::Text;
use crate::text::findings::{self as say, Shape};

/// A YAML node before it is given meaning.
#[derive(Debug)]
enum Node {
    Null,
    Scalar(String),
    Seq(Vec<Spanned<Node>>),
    Map(Vec<(Spanned<Node>, Spanned<Node>)>),
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        Node::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string()))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string()))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string()))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string()))
    }
    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::Scalar(v))
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Node, E> {
        Err(E::custom("binary values are not supported"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Node::Map(entries))
    }
}

/// A YAML syntax or structure error with its place (findings show the three apart).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message} (line {line}, column {column})")]
pub struct YamlError {
    pub message: Text,
    pub line: u32,
    pub column: u32,
}

/// Deepest nesting accepted; records need three or four levels.
const MAX_DEPTH: usize = 32;

/// The most scalar text one YAML file may hold (a file is refused, `parse-error`, beyond it).
pub const MAX_SCALAR_BYTES: usize = 64 * 1024 * 1024;

/// The most values (nodes) one YAML file may hold.
pub const MAX_NODES: usize = 2_000_000;

fn options() -> Options {
    let mut budget = Budget::default();
    // A folder's YAML is records; these bounds are far above any real file and far below what
    // would hurt: 64 MiB of scalars, 2 million values (an issue file has ~50; big tables belong in CSV), nesting 32 deep.
    budget.max_depth = MAX_DEPTH;
    budget.max_recorded_anchor_events = 100_000;
    budget.max_recorded_anchor_bytes = 8 * 1024 * 1024;
    budget.max_nodes = MAX_NODES;
    budget.max_events = 8_000_000;
    budget.max_aliases = 10_000;
    budget.max_anchors = 10_000;
    budget.max_total_scalar_bytes = MAX_SCALAR_BYTES;
    budget.max_documents = 1;
    let mut opts = Options::default();
    opts.budget = Some(budget);
    opts.with_snippet = false;
    opts.emit_comments = false;
    opts.leading_zero_numbers_as_strings = true;
    opts
}

fn line_col(s: &Spanned<Node>) -> (u32, u32) {
    let loc = s.referenced;
    (loc.line().min(u32::MAX as u64) as u32, loc.column().min(u32::MAX as u64) as u32)
}

/// Parses a file that holds one record (a mapping) or a list of records. The plain block style
/// gov and most people write is read by [`super::yaml_fast`]; anything else by serde-saphyr.
pub fn parse_records(text: &str) -> Result<Vec<RawRecord<'static>>, YamlError> {
    if let Some(record) = super::yaml_fast::parse_simple(text) {
        return Ok(vec![record]);
    }
    parse(text).map(|(_, records)| records)
}

/// [`parse_records`] without the fast path: serde-saphyr alone. Public so the differential
/// tests and fuzz targets (`fuzz/`) can compare the two readers.
pub fn parse_records_general(text: &str) -> Result<Vec<RawRecord<'static>>, YamlError> {
    parse(text).map(|(_, records)| records)
}

/// Parses a file that must hold exactly one mapping (gov.yaml); an empty file is an empty mapping.
pub fn parse_mapping(text: &str) -> Result<RawRecord<'static>, YamlError> {
    match parse(text)? {
        (false, mut records) if records.len() == 1 => Ok(records.remove(0)),
        (false, _) => Ok(RawRecord { line: 1, fields: Vec::new() }),
        (true, _) => Err(YamlError { message: say::yaml_settings_list(), line: 1, column: 1 }),
    }
}

/// The records, and whether the file was a list.
fn parse(text: &str) -> Result<(bool, Vec<RawRecord<'static>>), YamlError> {
    let root: Option<Spanned<Node>> = serde_saphyr::from_str_with_options(text, options()).map_err(|e| {
        let (line, column) = e.location().map_or((0, 0), |l| (l.line() as u32, l.column() as u32));
        YamlError { message: describe_error(&e), line, column }
    })?;
    let Some(root) = root else { return Ok((false, Vec::new())) };
    let (line, column) = line_col(&root);
    match root.value {
        Node::Null => Ok((false, Vec::new())),
        Node::Map(entries) => Ok((false, vec![record(line, entries)])),
        Node::Seq(items) => items
            .into_iter()
            .map(|item| {
                let (line, column) = line_col(&item);
                match item.value {
                    Node::Map(entries) => Ok(record(line, entries)),
                    other => Err(YamlError { message: say::yaml_not_a_record(describe(&other)), line, column }),
                }
            })
            .collect::<Result<_, _>>()
            .map(|records| (true, records)),
        Node::Scalar(_) => Err(YamlError { message: say::yaml_single_value(), line, column }),
    }
}

fn describe(n: &Node) -> Shape {
    match n {
        Node::Null => Shape::Nothing,
        Node::Scalar(_) => Shape::SingleValue,
        Node::Seq(_) => Shape::List,
        Node::Map(_) => Shape::Mapping,
    }
}

fn record(line: u32, entries: Vec<(Spanned<Node>, Spanned<Node>)>) -> RawRecord<'static> {
    let fields = entries
        .into_iter()
        .map(|(k, v)| {
            let (line, column) = line_col(&k);
            let key = match k.value {
                Node::Scalar(s) => s,
                other => format!("<{}>", describe(&other).en()),
            };
            RawField { key: Cow::Owned(key), value: value(v.value), line, column }
        })
        .collect();
    RawRecord { line, fields }
}

fn value(node: Node) -> RawValue<'static> {
    match node {
        Node::Null => RawValue::Null,
        Node::Scalar(s) => RawValue::Scalar(Cow::Owned(s)),
        Node::Map(entries) => RawValue::Map(record(0, entries)),
        Node::Seq(items) => {
            if items.iter().all(|i| matches!(i.value, Node::Scalar(_) | Node::Null)) {
                RawValue::List(
                    items
                        .into_iter()
                        .filter_map(|i| match i.value {
                            Node::Scalar(s) => Some(Cow::Owned(s)),
                            _ => None,
                        })
                        .collect(),
                )
            } else if items.iter().all(|i| matches!(i.value, Node::Map(_))) {
                RawValue::Records(
                    items
                        .into_iter()
                        .map(|i| {
                            let (line, _) = line_col(&i);
                            match i.value {
                                Node::Map(entries) => record(line, entries),
                                _ => unreachable!("checked above"),
                            }
                        })
                        .collect(),
                )
            } else {
                RawValue::Other(Shape::Mixed)
            }
        }
    }
}

/// Plain words for the errors people meet; serde-saphyr's own text for the rest, without the
/// location it appends (we print the place ourselves).
fn describe_error(e: &serde_saphyr::Error) -> Text {
    use serde_saphyr::budget::BudgetBreach;
    match e {
        serde_saphyr::Error::DuplicateMappingKey { key, .. } => say::yaml_duplicate_key(key.as_deref()),
        serde_saphyr::Error::Budget { breach, .. } => match breach {
            BudgetBreach::Depth { .. } => say::yaml_too_deep(MAX_DEPTH),
            BudgetBreach::Aliases { .. }
            | BudgetBreach::RecordedAnchorEvents { .. }
            | BudgetBreach::RecordedAnchorBytes { .. }
            | BudgetBreach::AliasAnchorRatio { .. } => say::yaml_aliases(),
            _ => say::yaml_budget(),
        },
        other => {
            let text = other.to_string();
            let first = text.lines().next().unwrap_or(&text);
            // Budget breaches met while replaying aliases arrive wrapped; read them by their text.
            if first.contains("recursion limit") || first.contains("budget breached: Depth") {
                return say::yaml_too_deep(MAX_DEPTH);
            }
            if first.contains("budget breached") && (first.contains("Anchor") || first.contains("Alias")) {
                return say::yaml_aliases();
            }
            if first.contains("budget breached") {
                return say::yaml_budget();
            }
            say::yaml_parser_says(first.split(" at line ").next().unwrap_or(first).trim())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_record_or_a_list() {
        let one = parse_records("id: M001\nname: 张伟\n").unwrap();
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].line, 1);
        assert_eq!(one[0].fields[1].key, "name");
        assert_eq!(one[0].fields[1].line, 2);
        let many = parse_records("# members\n- id: M001\n  name: a\n- id: M002\n  name: b\n").unwrap();
        assert_eq!(many.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 4]);
        assert!(parse_records("").unwrap().is_empty());
        assert!(parse_records("# only a comment\n").unwrap().is_empty());
    }

    #[test]
    fn scalars_keep_their_text() {
        let r = parse_records("id: 007\nphone: 13812345678\nok: true\nsize: 3\n").unwrap();
        let vals: Vec<_> = r[0].fields.iter().map(|f| f.value.clone()).collect();
        assert_eq!(vals[0], RawValue::Scalar("007".into()));
        assert_eq!(vals[1], RawValue::Scalar("13812345678".into()));
        assert_eq!(vals[2], RawValue::Scalar("true".into()));
        assert_eq!(vals[3], RawValue::Scalar("3".into()));
    }

    #[test]
    fn nested_events() {
        let r = parse_records(
            "id: I-1\nevents:\n  - date: 2022-01-02\n    action: 派单\n  - date: 2022-01-03\n    action: resolved\n",
        )
        .unwrap();
        match &r[0].fields[1].value {
            RawValue::Records(events) => {
                assert_eq!(events.len(), 2);
                assert_eq!(events[1].line, 5);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn errors_have_places() {
        let e = parse_records("id: M001\nname: [unclosed\n").unwrap_err();
        assert!(e.line >= 2, "{e:?}");
        let e = parse_records("a: 1\na: 2\n").unwrap_err();
        assert_eq!(e.message.en(), "key `a` appears twice in one mapping");
        let e = parse_records("just text").unwrap_err();
        assert!(e.message.en().contains("found a single value"));
    }

    #[test]
    fn bombs_are_refused() {
        let deep = format!("{}1{}", "[".repeat(10_000), "]".repeat(10_000));
        assert_eq!(parse_records(&deep).unwrap_err().message.en(), "nested deeper than 32 levels");
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let prev = if i == 1 { "a".to_string() } else { format!("a{}", i - 1) };
            bomb.push_str(&format!("a{i}: &a{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        let e = parse_records(&bomb).unwrap_err();
        assert!(e.message.en().starts_with("anchors and aliases"), "{e:?}");
    }
}
