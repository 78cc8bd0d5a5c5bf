//! Reading gov's HTML pages back in tests. The page is polyglot (HTML5 that is also well-formed
//! XML), so `roxmltree` — a strict XML parser with no dependencies of its own — checks the whole
//! page, every SVG in it included: an HTML5 parser never fails (it repairs whatever it is given),
//! so it could not tell a broken page from a good one. On top of that, [`check_page`] insists on
//! what makes the page an HTML page that opens with the network off.
#![allow(dead_code)]

use std::collections::BTreeMap;

/// The parsed page; panics with the parser's message when it is not well formed.
pub fn parse(html: &str) -> roxmltree::Document<'_> {
    let opts = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
    roxmltree::Document::parse_with_options(html, opts).unwrap_or_else(|e| panic!("page is not well formed: {e}"))
}

/// The page is one HTML document that needs nothing from outside: `<html lang>` with a head
/// (charset, title, one inline style) and a body; no script, no `src`/`href` to anywhere, CSS
/// with no `url()` but a page-local `#pattern`, and every SVG in the SVG namespace.
pub fn check_page(html: &str) {
    assert!(html.starts_with("<!DOCTYPE html>\n"), "no doctype");
    let doc = parse(html);
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "html");
    assert!(root.attribute("lang").is_some());
    let names: Vec<&str> = root.children().filter(|n| n.is_element()).map(|n| n.tag_name().name()).collect();
    assert_eq!(names, ["head", "body"]);
    for n in doc.descendants().filter(|n| n.is_element()) {
        let tag = n.tag_name().name();
        assert!(!["script", "link", "img", "iframe", "object"].contains(&tag), "<{tag}> on the page");
        for a in n.attributes() {
            assert!(!["src", "href"].contains(&a.name()), "<{tag} {}> fetches", a.name());
            if a.value().contains("url(") {
                assert!(a.value().starts_with("url(#"), "<{tag}> fill fetches: {}", a.value());
            }
        }
        if tag == "svg" {
            assert_eq!(n.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
        }
    }
    let styles: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("style")).collect();
    assert_eq!(styles.len(), 1, "one inline style");
    let css = styles[0].text().unwrap_or("");
    assert!(!css.contains("@import") && !css.contains("url("), "the style fetches");
    assert!(css.contains("Noto Sans CJK SC") && css.contains("Microsoft YaHei"), "CJK font stack");
    assert!(css.contains("size: A4") && css.contains("break-inside: avoid"), "print stylesheet");
}

/// Every text inside an element, joined.
pub fn text_of(n: roxmltree::Node<'_, '_>) -> String {
    n.descendants().filter(|d| d.is_text()).filter_map(|d| d.text()).collect::<Vec<_>>().join("")
}

/// Each table on the page by its report name (`data-report`): its header cells and its rows'
/// cells as text, the totals row included.
pub fn tables(html: &str) -> Vec<(String, Vec<Vec<String>>)> {
    let doc = parse(html);
    doc.descendants()
        .filter(|n| n.has_tag_name("table"))
        .map(|t| {
            let rows = t
                .descendants()
                .filter(|n| n.has_tag_name("tr"))
                .map(|tr| tr.children().filter(|c| c.is_element()).map(text_of).collect())
                .collect();
            (t.attribute("data-report").unwrap_or("").to_string(), rows)
        })
        .collect()
}

/// Every chart mark on the page: (figure id, series, category) → value as the mark holds it.
pub fn marks(html: &str) -> BTreeMap<(String, String, String), String> {
    let doc = parse(html);
    let mut out = BTreeMap::new();
    for fig in doc.descendants().filter(|n| n.has_tag_name("figure")) {
        let id = fig.attribute("id").unwrap_or("").to_string();
        for m in fig.descendants().filter(|n| n.attribute("data-value").is_some()) {
            let key = (
                id.clone(),
                m.attribute("data-series").unwrap_or("").into(),
                m.attribute("data-category").unwrap_or("").into(),
            );
            let value = m.attribute("data-value").unwrap_or("").to_string();
            // Every mark shows its number on hover.
            let title = m.children().find(|c| c.has_tag_name("title")).map(text_of).unwrap_or_default();
            assert!(!title.is_empty(), "mark {key:?} has no <title>");
            out.insert(key, value);
        }
    }
    out
}

/// A cell as CSV writes it: thousands separators dropped.
pub fn plain(cell: &str) -> String {
    if cell.chars().all(|c| c.is_ascii_digit() || c == ',') && cell.contains(',') {
        cell.replace(',', "")
    } else {
        cell.to_string()
    }
}
