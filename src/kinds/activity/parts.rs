//! An activity's nested lists: participants with their hours, aid items with their quantity and
//! beneficiaries with their count. Each is written either as YAML mappings
//! (`- {member: M1, hours: 3}`) or as `key:number` items of a `;` list (`M1:3;M2`), in CSV and
//! YAML alike.

use crate::finding::shorten;
use crate::load::cache::codec::{Dec, Decoded, Enc};
use crate::load::convert::Resolve;
use crate::load::fields::{Fields, split_list};
use crate::load::raw::RawValue;
use crate::model::Sym;
use crate::model::id::id_problem;
use crate::text::findings::{self as say, Shape};

/// One member or volunteer who took part.
#[derive(Debug, Clone, PartialEq)]
pub struct Participant {
    pub id: Sym,
    /// Their own hours (else the activity's `hours`); may be out of range, for the check.
    pub hours: Option<f64>,
    pub line: u32,
}

/// Aid handed out: an item and how many.
#[derive(Debug, Clone, PartialEq)]
pub struct Aid {
    pub item: String,
    /// `None` when the file gives none (`no-quantity`).
    pub quantity: Option<u32>,
    pub line: u32,
}

/// People reached of one type (困境儿童, 困难妇女, 外卖员…) and how many.
#[derive(Debug, Clone, PartialEq)]
pub struct Beneficiaries {
    pub kind: String,
    /// `None` when the file gives none (`no-quantity`).
    pub count: Option<u32>,
    pub line: u32,
}

/// One item of a nested list: its key, its number as written, and where it is.
struct Pair<'r> {
    key: &'r str,
    value: Option<&'r str>,
    line: u32,
    column: u32,
}

/// `M1:3` → (`M1`, `3`); `M1` → (`M1`, none). Full-width colons too.
fn split_pair(item: &str) -> (&str, Option<&str>) {
    match item.rfind([':', '：']) {
        Some(i) => {
            let colon = item[i..].chars().next().map_or(1, char::len_utf8);
            let value = item[i + colon..].trim();
            (item[..i].trim(), (!value.is_empty()).then_some(value))
        }
        None => (item.trim(), None),
    }
}

fn pairs<'r>(f: &mut Fields<'r, '_, '_, '_>, name: &str, key: &str, value: &str) -> Vec<Pair<'r>> {
    let Some(field) = f.raw(name) else { return Vec::new() };
    let (line, column) = (field.line, field.column);
    let of = |item: &'r str| {
        let (key, value) = split_pair(item);
        Pair { key, value, line, column }
    };
    match &field.value {
        RawValue::Scalar(s) => split_list(s).map(of).collect(),
        RawValue::List(items) => items.iter().flat_map(|s| split_list(s)).map(of).collect(),
        RawValue::Records(recs) => {
            let mut out = Vec::new();
            for rec in recs {
                let mut g = Fields::new(rec, f.sink(), false);
                let k = g.text(key, true);
                let v = g.text(value, false);
                g.finish(&[key, value]);
                if let Some(k) = k {
                    out.push(Pair { key: k, value: v, line: rec.line, column: 0 });
                }
            }
            out
        }
        other => {
            let what = other.describe();
            f.invalid(field, say::wrong_shape(name, Shape::List, what), None);
            Vec::new()
        }
    }
}

/// Hours as written: a number (`2`, `1.5`), negative or not (the check judges the range).
fn parse_hours(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|h| h.is_finite())
}

/// The activity's default `hours`.
pub fn hours(f: &mut Fields<'_, '_, '_, '_>, name: &str) -> Option<f64> {
    let field = f.raw(name)?;
    let text = f.text(name, false)?;
    let hours = parse_hours(text);
    if hours.is_none() {
        f.invalid(field, say::not_hours(name, &shorten(text)), Some(say::hours_hint()));
    }
    hours
}

/// `members` or `volunteers`: ids, each with hours or not; bad ids and hours reported.
pub fn participants(f: &mut Fields<'_, '_, '_, '_>, name: &str, key: &str, ids: &mut impl Resolve) -> Vec<Participant> {
    let found = pairs(f, name, key, "hours");
    let mut out = Vec::with_capacity(found.len());
    for p in found {
        if let Some(problem) = id_problem(p.key) {
            let msg = say::invalid_id(name, &shorten(p.key), problem);
            f.sink().push(crate::finding::Code::InvalidValue, p.line, p.column, msg, Some(say::invalid_id_hint()));
            continue;
        }
        let hours = match p.value {
            None => None,
            Some(text) => match parse_hours(text) {
                Some(h) => Some(h),
                None => {
                    let msg = say::not_hours(name, &shorten(text));
                    f.sink().push(crate::finding::Code::InvalidValue, p.line, p.column, msg, Some(say::hours_hint()));
                    None
                }
            },
        };
        out.push(Participant { id: ids.sym(p.key), hours, line: p.line });
    }
    out
}

/// A whole number of a nested list (a quantity, a count), reported when it is not one.
fn count(f: &mut Fields<'_, '_, '_, '_>, name: &str, p: &Pair<'_>) -> Option<u32> {
    let text = p.value?;
    match text.parse::<u32>() {
        Ok(n) => Some(n),
        Err(_) => {
            let msg = say::not_a_number(name, &shorten(text), 0, u32::MAX);
            f.sink().push(crate::finding::Code::InvalidValue, p.line, p.column, msg, None);
            None
        }
    }
}

/// `items`: aid given, each with its quantity.
pub fn items(f: &mut Fields<'_, '_, '_, '_>) -> Vec<Aid> {
    let found = pairs(f, "items", "item", "quantity");
    found.iter().map(|p| Aid { item: p.key.to_string(), quantity: count(f, "items", p), line: p.line }).collect()
}

/// `beneficiaries`: people reached, by type, each with its count.
pub fn beneficiaries(f: &mut Fields<'_, '_, '_, '_>) -> Vec<Beneficiaries> {
    let found = pairs(f, "beneficiaries", "type", "count");
    found
        .iter()
        .map(|p| Beneficiaries { kind: p.key.to_string(), count: count(f, "beneficiaries", p), line: p.line })
        .collect()
}

pub fn encode_hours(e: &mut Enc, h: Option<f64>) {
    match h {
        None => e.u8(0),
        Some(h) => {
            e.u8(1);
            e.u64(h.to_bits());
        }
    }
}

pub fn decode_hours(d: &mut Dec<'_>) -> Decoded<Option<f64>> {
    Ok(match d.u8()? {
        0 => None,
        _ => Some(f64::from_bits(d.u64()?)),
    })
}

pub fn encode_participants(e: &mut Enc, list: &[Participant]) {
    e.len(list.len());
    for p in list {
        e.sym(p.id);
        encode_hours(e, p.hours);
        e.u32(p.line);
    }
}

pub fn decode_participants(d: &mut Dec<'_>) -> Decoded<Vec<Participant>> {
    let n = d.len(6)?;
    (0..n).map(|_| Ok(Participant { id: d.sym()?, hours: decode_hours(d)?, line: d.u32()? })).collect()
}

#[cfg(test)]
mod tests {
    use super::split_pair;

    #[test]
    fn pairs_split_at_the_last_colon() {
        assert_eq!(split_pair("M1:3"), ("M1", Some("3")));
        assert_eq!(split_pair("棉被：7"), ("棉被", Some("7")));
        assert_eq!(split_pair("M2"), ("M2", None));
        assert_eq!(split_pair("V1: "), ("V1", None));
    }
}
