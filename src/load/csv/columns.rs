//! Header cells to field names: a CSV column may be named by its field (`address`) or by one
//! of the Chinese names the kind declares ([`crate::kinds::Record::ZH`]: `地址`, `住址`, `门牌`),
//! and one header may mix both. Whitespace around a name, full-width spaces included, is not
//! part of it. The reader, the visit fast path and the writers all name columns through here,
//! so a row is read and written under the same header. Pure; no I/O.

use crate::finding::did_you_mean;
use crate::kinds::Kind;

type Table = &'static [(&'static str, &'static [&'static str])];

/// The Chinese names of the kind whose columns are `known`; when `known` is no kind's list (a
/// subset a writer reads), every kind's names for the fields in `known`.
fn tables(known: &[&str]) -> Vec<Table> {
    let exact: Vec<Table> =
        Kind::ALL.iter().filter(|k| k.columns().0 == known && !k.zh().is_empty()).map(|k| k.zh()).collect();
    if exact.is_empty() { Kind::ALL.iter().map(|k| k.zh()).collect() } else { exact }
}

/// A header cell without the spaces around it (ASCII, full-width U+3000, any Unicode space).
pub fn trim_cell(cell: &str) -> &str {
    cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

/// The field a header cell names among `known`: the cell itself when it is a field name, the
/// field whose Chinese name it is, or else the trimmed cell unchanged (an unknown column).
pub fn field_name(cell: &str, known: &[&str]) -> String {
    let cell = trim_cell(cell);
    if known.contains(&cell) {
        return cell.to_string();
    }
    tables(known)
        .into_iter()
        .flat_map(|t| t.iter())
        .find(|(field, names)| known.contains(field) && names.contains(&cell))
        .map_or_else(|| cell.to_string(), |(field, _)| field.to_string())
}

/// Every cell of a header row named as [`field_name`] names it.
pub fn field_names<'a>(cells: impl IntoIterator<Item = &'a str>, known: &[&str]) -> Vec<String> {
    cells.into_iter().map(|c| field_name(c, known)).collect()
}

/// The known fields with their Chinese names, as a hint lists them: `id (户号/编号), size`.
pub fn known_list(known: &[&str]) -> String {
    let tables = tables(known);
    known
        .iter()
        .map(|f| {
            let mut zh: Vec<&str> = Vec::new();
            for (_, names) in tables.iter().flat_map(|t| t.iter()).filter(|(field, _)| field == f) {
                for n in names.iter() {
                    if !zh.contains(n) {
                        zh.push(n);
                    }
                }
            }
            if zh.is_empty() { f.to_string() } else { format!("{f} ({})", zh.join("/")) }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The closest known name to an unknown column, English or Chinese, with the field it names.
pub fn closest(cell: &str, known: &[&str]) -> Option<String> {
    let tables = tables(known);
    let zh = tables.iter().flat_map(|t| t.iter()).filter(|(f, _)| known.contains(f)).flat_map(|(_, n)| n.iter());
    let close = did_you_mean(cell, known.iter().copied().chain(zh.copied()))?;
    let field = field_name(close, known);
    Some(if field == close { format!("`{close}`") } else { format!("`{close}` ({field})") })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::{Household, Member, Record, Visit};

    #[test]
    fn chinese_names_and_variants_map_to_fields() {
        let h = Household::COLUMNS;
        for (cell, field) in [
            ("户号", "id"),
            ("编号", "id"),
            ("地址", "address"),
            ("住址", "address"),
            ("门牌", "address"),
            ("户主", "head"),
            ("户主姓名", "head"),
            ("联系电话", "phone"),
            ("电话", "phone"),
            ("手机", "phone"),
            ("家庭人口", "size"),
            ("人数", "size"),
            ("管理类别", "color"),
            ("三色", "color"),
            ("颜色", "color"),
            ("联系党员", "contacts"),
            ("联户党员", "contacts"),
            ("address", "address"),
        ] {
            assert_eq!(field_name(cell, h), field, "{cell}");
        }
        let v = Visit::COLUMNS;
        for (cell, field) in [
            ("走访日期", "date"),
            ("日期", "date"),
            ("走访方式", "method"),
            ("方式", "method"),
            ("走访内容", "summary"),
            ("情况", "summary"),
            ("户号", "household"),
            ("联系党员", "member"),
        ] {
            assert_eq!(field_name(cell, v), field, "{cell}");
        }
        assert_eq!(field_name("姓名", Member::COLUMNS), "name");
        assert_eq!(field_name("所在支部", Member::COLUMNS), "branch");
    }

    #[test]
    fn spaces_around_a_name_are_not_part_of_it() {
        let h = Household::COLUMNS;
        assert_eq!(field_name(" 地址 ", h), "address");
        assert_eq!(field_name("\u{3000}户主\u{3000}", h), "head");
        assert_eq!(field_name("\u{3000}id\t", h), "id");
        assert_eq!(field_name(" 备注 ", h), "备注"); // unknown: trimmed, kept
    }

    #[test]
    fn a_subset_of_fields_takes_every_kinds_names() {
        assert_eq!(field_name("三色", &["id", "color"]), "color");
        assert_eq!(field_name("户号", &["id", "color"]), "id");
        assert_eq!(field_name("网格长", &["id", "color"]), "网格长");
    }

    #[test]
    fn a_mixed_header() {
        let got = field_names(["id", "地址", "grid", "户主姓名", "contacts"], Household::COLUMNS);
        assert_eq!(got, ["id", "address", "grid", "head", "contacts"]);
    }

    #[test]
    fn hints_name_the_chinese_too() {
        let list = known_list(Household::COLUMNS);
        assert!(list.starts_with("id (户号/编号/户编号), address (地址/住址/门牌"), "{list}");
        assert!(list.contains("size (家庭人口/人数/人口)"), "{list}");
        assert_eq!(closest("地扯", Household::COLUMNS).as_deref(), Some("`地址` (address)"));
        assert_eq!(closest("adress", Household::COLUMNS).as_deref(), Some("`address`"));
    }
}
