use super::*;
use crate::model::labels::{Color, HouseholdTag};
use std::borrow::Cow;

fn rec(fields: &[(&'static str, RawValue<'static>)]) -> RawRecord<'static> {
    RawRecord {
        line: 3,
        fields: fields
            .iter()
            .enumerate()
            .map(|(i, (k, v))| RawField { key: Cow::Borrowed(*k), value: v.clone(), line: 3 + i as u32, column: 1 })
            .collect(),
    }
}

fn s(v: &'static str) -> RawValue<'static> {
    RawValue::Scalar(Cow::Borrowed(v))
}

#[test]
fn list_separators() {
    assert_eq!(split_list("a;b；c、 d ;;").collect::<Vec<_>>(), ["a", "b", "c", "d"]);
    let r = rec(&[("tags", s("独居老人；低保")), ("ids", RawValue::List(vec!["M1".into(), "M2;M3".into()]))]);
    let path = Path::new("x.yaml");
    let mut sink = Sink::new(path);
    let mut f = Fields::new(&r, &mut sink, false);
    assert_eq!(f.labelled_list::<HouseholdTag>("tags"), [HouseholdTag::ElderlyAlone, HouseholdTag::Dibao]);
    assert_eq!(f.ids("ids", true).unwrap(), ["M1", "M2", "M3"]);
    f.finish(&["tags", "ids"]);
    assert!(sink.findings.is_empty());
}

#[test]
fn every_problem_is_reported() {
    let r = rec(&[
        ("color", s("purple")),
        ("date", s("2022-02-30")),
        ("size", s("0")),
        ("id", s("../x")),
        ("colour", s("red")),
    ]);
    let path = Path::new("households.yaml");
    let mut sink = Sink::new(path);
    let mut f = Fields::new(&r, &mut sink, false);
    assert_eq!(f.labelled::<Color>("color", false), None);
    assert_eq!(f.date("date", true), None);
    assert_eq!(f.number("size", 1, 1000), None);
    assert_eq!(f.id("id", true), None);
    assert_eq!(f.text("head", true), None);
    f.finish(&["color", "date", "size", "id", "head"]);
    let got: Vec<_> = sink.findings.iter().map(|f| (f.code, f.line)).collect();
    assert_eq!(
        got,
        [
            (Code::InvalidValue, Some(3)),
            (Code::InvalidValue, Some(4)),
            (Code::InvalidValue, Some(5)),
            (Code::InvalidValue, Some(6)),
            (Code::MissingField, Some(3)),
            (Code::UnknownField, Some(7)),
        ]
    );
    assert_eq!(sink.findings[5].hint.as_ref().unwrap().en().split('?').next(), Some("did you mean `color`"));
    assert!(sink.findings[0].hint.as_ref().unwrap().en().starts_with("allowed: red (红)"));
}

#[test]
fn csv_missing_column_is_not_reported_per_row() {
    let r = rec(&[("date", s(""))]);
    let path = Path::new("visits/2022-01.csv");
    let mut sink = Sink::new(path);
    let mut f = Fields::new(&r, &mut sink, true);
    assert_eq!(f.text("summary", true), None); // column absent: header check reports it
    assert_eq!(f.date("date", true), None); // column present but empty: reported here
    assert_eq!(sink.findings.len(), 1);
    assert_eq!(sink.findings[0].code, Code::MissingField);
}

#[test]
fn booleans() {
    let r = rec(&[("a", s("是")), ("b", s("No")), ("c", s("maybe"))]);
    let path = Path::new("x.yaml");
    let mut sink = Sink::new(path);
    let mut f = Fields::new(&r, &mut sink, false);
    assert_eq!(f.boolean("a"), Some(true));
    assert_eq!(f.boolean("b"), Some(false));
    assert_eq!(f.boolean("c"), None);
    assert_eq!(sink.findings.len(), 1);
}
