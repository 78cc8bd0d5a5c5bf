//! Records as the readers see them, before they are typed: a list of fields with their places.
//! YAML and CSV both produce these, so one converter (see [`super::fields`]) gives the same
//! findings whatever the file format.

use std::borrow::Cow;

pub use crate::text::findings::Shape;

/// An untyped value.
#[derive(Debug, Clone, PartialEq)]
pub enum RawValue<'a> {
    Null,
    Scalar(Cow<'a, str>),
    /// A YAML sequence of scalars.
    List(Vec<Cow<'a, str>>),
    /// A YAML mapping.
    Map(RawRecord<'a>),
    /// A YAML sequence of mappings (e.g. an issue's `events`).
    Records(Vec<RawRecord<'a>>),
    /// Something no field accepts (a list of lists), described for the message.
    Other(Shape),
}

impl RawValue<'_> {
    /// What this value is, for messages ("a list").
    pub fn describe(&self) -> Shape {
        match self {
            RawValue::Null => Shape::Nothing,
            RawValue::Scalar(_) => Shape::Text,
            RawValue::List(_) => Shape::List,
            RawValue::Map(_) => Shape::Mapping,
            RawValue::Records(_) => Shape::Records,
            RawValue::Other(what) => *what,
        }
    }

    /// Empty text and null both count as absent.
    pub fn is_empty(&self) -> bool {
        match self {
            RawValue::Null => true,
            RawValue::Scalar(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RawField<'a> {
    pub key: Cow<'a, str>,
    pub value: RawValue<'a>,
    pub line: u32,
    /// 0 when unknown (CSV).
    pub column: u32,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawRecord<'a> {
    pub line: u32,
    pub fields: Vec<RawField<'a>>,
}
