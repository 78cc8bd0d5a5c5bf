//! One self-contained HTML page (`--format html`, `-o FILE.html`): inline CSS with a CJK font
//! stack and a print stylesheet for A4 (a running header with the community and the period on
//! every printed page, no chart or table row split across pages), charts as inline SVG drawn by
//! [`svg`], and the reports' tables, masked like every output. Nothing is fetched: the page opens
//! with the network off. The page is polyglot: HTML5 that is also well-formed XML (void elements
//! closed with `/>`), so a strict XML parser can check it whole in tests.

pub mod monthly;
pub mod svg;

use std::fmt::Write as _;
use std::io::{self, Write};

use super::report::{RenderOptions, headers, numeric_columns, text_rows};
use crate::model::privacy::shown;
use crate::report::Table;
use crate::text::{Lang, render as words};

/// `<`, `>`, `&` and quotes as entities: text and attribute values alike.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A CSS string literal's content.
fn css_string(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '"' | '\\' => format!("\\{c}"),
            c if c.is_control() => " ".into(),
            c => c.to_string(),
        })
        .collect()
}

const STYLE: &str = include_str!("style.css");

/// Cells of at most this many characters are not wrapped.
const SHORT_CELL: usize = 12;

/// A page's parts: its heading (the community and the period), charts, and tables.
pub struct Page<'a> {
    pub heading: String,
    /// Under the heading: what the page covers (already in the output language).
    pub subheading: Option<String>,
    /// A heading over the charts.
    pub charts_heading: Option<String>,
    /// Each chart: its caption and its drawing, and whether it takes the page's full width.
    pub charts: Vec<svg::Figure>,
    /// A heading over the tables, when the page has charts above them.
    pub tables_heading: Option<String>,
    pub tables: &'a [Table],
}

/// Writes the tables as one page, titled by the first table's title.
pub fn write_tables_page(w: &mut impl Write, tables: &[Table], o: &RenderOptions) -> io::Result<()> {
    let heading = tables.first().map(|t| page_title(t, o)).unwrap_or_default();
    let page =
        Page { heading, subheading: None, charts_heading: None, charts: Vec::new(), tables_heading: None, tables };
    w.write_all(page_html(&page, o).as_bytes())
}

fn page_title(t: &Table, o: &RenderOptions) -> String {
    let title = if o.lang == Lang::Zh { &t.title_zh } else { &t.title_en };
    shown(title, o.unmask).into_owned()
}

/// The whole page as text.
pub fn page_html(page: &Page<'_>, o: &RenderOptions) -> String {
    let mut h = String::new();
    let lang = if o.lang == Lang::Zh { "zh-CN" } else { "en" };
    let heading = esc(&page.heading);
    let _ = write!(h, "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    let _ = write!(h, "<meta name=\"generator\" content=\"gov\"/>\n<title>{heading}</title>\n<style>\n{STYLE}");
    // The running header and the page numbers on every printed page.
    let running = css_string(&page.heading);
    let counter = css_string(words::page_number_prefix().get(o.lang));
    let counter_tail = css_string(words::page_number_suffix().get(o.lang));
    let _ = write!(
        h,
        "@page {{ @top-center {{ content: \"{running}\"; font-family: var(--sans); font-size: 8.5pt; }}\n  \
         @bottom-center {{ content: \"{counter}\" counter(page) \"{counter_tail}\"; font-size: 8.5pt; }} }}\n</style>\n</head>\n<body>\n"
    );
    let _ = write!(h, "<header class=\"page\"><h1>{heading}</h1>");
    if let Some(sub) = &page.subheading {
        let _ = write!(h, "<p>{}</p>", esc(sub));
    }
    h.push_str("</header>\n<main>\n");
    if !page.charts.is_empty() {
        if let Some(ch) = &page.charts_heading {
            let _ = write!(h, "<h2>{}</h2>", esc(ch));
        }
        h.push_str("<section class=\"charts\">\n");
        for f in &page.charts {
            h.push_str(&f.html());
        }
        h.push_str("</section>\n");
    }
    if let Some(th) = &page.tables_heading {
        let _ = write!(h, "<h2>{}</h2>", esc(th));
        h.push('\n');
    }
    for t in page.tables {
        table_html(&mut h, t, o);
    }
    let _ = write!(
        h,
        "</main>\n<footer class=\"page\"><p>{}</p></footer>\n</body>\n</html>\n",
        esc(words::page_footer(o.unmask).get(o.lang))
    );
    h
}

/// One report as an HTML table: its title as the caption, numbers right-aligned, the totals
/// row last in bold.
fn table_html(h: &mut String, t: &Table, o: &RenderOptions) {
    let numeric = numeric_columns(t);
    let _ = write!(h, "<table class=\"report\" data-report=\"{}\">", esc(t.name));
    let title = page_title(t, o);
    if !title.is_empty() {
        let _ = write!(h, "<caption>{}</caption>", esc(&title));
    }
    h.push_str("<thead><tr>");
    for (head, c) in headers(t, o.lang).iter().zip(&t.columns) {
        let _ = write!(h, "<th data-key=\"{}\">{}</th>", esc(c.key), esc(head));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    let rows = text_rows(t, o, true);
    let n = rows.len();
    for (i, row) in rows.into_iter().enumerate() {
        let total = t.total.is_some() && i + 1 == n;
        h.push_str(if total { "<tr class=\"total\">" } else { "<tr>" });
        for (c, cell) in row.iter().enumerate() {
            // Numbers right-aligned; short words (an id, a name, a date) kept on one line.
            let class = if numeric.get(c).copied().unwrap_or(false) {
                " class=\"n\""
            } else if cell.chars().count() <= SHORT_CELL {
                " class=\"s\""
            } else {
                ""
            };
            let _ = write!(h, "<td{class}>{}</td>", esc(cell).replace('\n', "<br/>"));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
}
