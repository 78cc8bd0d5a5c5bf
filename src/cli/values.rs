//! The words gov writes into a folder's files for enum values: the English codes (`home`,
//! `red`, `in_service`), or, with `values: zh` in gov.yaml, the Chinese labels an Excel user
//! reads (入户, 红, 在职党员; `solved` as 是/否). Reading takes both, so a file may mix them; a
//! record is compared with what a file holds through [`canonical`], so a repeat is found
//! whichever way either was written.

use crate::kinds::org::OrgKind;
use crate::model::Lang;
use crate::model::labels::{
    Action, Color, HouseholdTag, IssueCategory, IssueSource, Labelled, MemberKind, MemberStatus, Satisfaction, Urgency,
    VisitMethod,
};
use crate::store::yaml_edit::Value;

/// The code and the Chinese label of `value` in a field named `field`, when it is one of the
/// field's enum values.
fn parse(field: &str, value: &str) -> Option<(&'static str, &'static str)> {
    fn as_<E: Labelled>(v: &str) -> Option<(&'static str, &'static str)> {
        E::parse(v).map(|e| (e.code(), e.zh()))
    }
    match field {
        "kind" => as_::<MemberKind>(value).or_else(|| as_::<OrgKind>(value)),
        "status" => as_::<MemberStatus>(value),
        "color" => as_::<Color>(value),
        "tags" => as_::<HouseholdTag>(value),
        "method" => as_::<VisitMethod>(value),
        "category" => as_::<IssueCategory>(value),
        "urgency" => as_::<Urgency>(value),
        "source" => as_::<IssueSource>(value),
        "action" => as_::<Action>(value),
        "satisfaction" => as_::<Satisfaction>(value),
        "registered_mode" => as_::<crate::kinds::member::RegisteredMode>(value),
        "solved" => match value.trim() {
            "yes" | "是" => Some(("yes", "是")),
            "no" | "否" => Some(("no", "否")),
            _ => None,
        },
        _ => None,
    }
}

/// `value` as its code when it is one of the field's values, else as it is; each item of a
/// `;`-joined list alike.
pub fn canonical(field: &str, value: &str) -> String {
    value.split(';').map(|v| parse(field, v.trim()).map_or(v.trim(), |(code, _)| code)).collect::<Vec<_>>().join(";")
}

/// `value` with each of its `;`-joined items that is one of the field's enum values as its
/// Chinese label (for a Chinese message), the rest as they are.
pub fn label_zh(field: &str, value: &str) -> String {
    if value.is_empty() {
        return String::new();
    }
    value.split(';').map(|v| parse(field, v.trim()).map_or(v.trim(), |(_, zh)| zh)).collect::<Vec<_>>().join("；")
}

/// The fields with their enum values in the folder's words: unchanged for `values: en`.
pub fn in_folder_words<'k>(values: Lang, fields: &[(&'k str, Value)]) -> Vec<(&'k str, Value)> {
    let word = |field: &str, v: &str| -> String {
        match (values, parse(field, v)) {
            (Lang::Zh, Some((_, zh))) => zh.to_string(),
            _ => v.to_string(),
        }
    };
    fields
        .iter()
        .map(|(k, v)| {
            let v = match v {
                Value::Scalar(s) => Value::Scalar(word(k, s)),
                Value::Plain(s) => Value::Plain(word(k, s)),
                Value::List(items) => Value::List(items.iter().map(|i| word(k, i)).collect()),
            };
            (*k, v)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_in_the_folders_words() {
        let fields = [
            ("method", Value::Scalar("home".into())),
            ("tags", Value::List(vec!["dibao".into(), "自定义".into()])),
            ("solved", Value::Plain("yes".into())),
            ("summary", Value::Scalar("home".into())),
            ("kind", Value::Scalar("branch".into())),
        ];
        let zh = in_folder_words(Lang::Zh, &fields);
        assert_eq!(zh[0].1, Value::Scalar("入户".into()));
        assert_eq!(zh[1].1, Value::List(vec!["低保".into(), "自定义".into()]));
        assert_eq!(zh[2].1, Value::Plain("是".into()));
        assert_eq!(zh[3].1, Value::Scalar("home".into()), "free text is left alone");
        assert_eq!(zh[4].1, Value::Scalar("党支部".into()));
        assert_eq!(in_folder_words(Lang::En, &fields), fields.to_vec());
    }

    #[test]
    fn canonical_reads_both() {
        assert_eq!(canonical("method", "入户"), "home");
        assert_eq!(canonical("tags", "低保;dibao;自定义"), "dibao;dibao;自定义");
        assert_eq!(canonical("summary", "入户"), "入户");
    }
}
