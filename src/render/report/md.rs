//! Markdown, for pasting into a document: the totals row in bold.

use std::io::{self, Write};

use super::{RenderOptions, headers, numeric_columns, shown_title, text_rows};
use crate::render::visible::visible;
use crate::report::Table;

pub(super) fn write_md(w: &mut impl Write, t: &Table, o: &RenderOptions) -> io::Result<()> {
    // Cells come masked and visible from `text_rows`; the title is made so here.
    let esc = |s: &str| visible(s).replace('|', "\\|").replace('\n', " ");
    let title = shown_title(t, o);
    if !title.is_empty() {
        writeln!(w, "### {}\n", esc(&title))?;
    }
    writeln!(w, "| {} |", headers(t, o.lang).iter().map(|h| esc(h)).collect::<Vec<_>>().join(" | "))?;
    let aligns: Vec<&str> = numeric_columns(t).iter().map(|&n| if n { "---:" } else { "---" }).collect();
    writeln!(w, "|{}|", aligns.join("|"))?;
    let has_total = t.total.is_some();
    let rows = text_rows(t, o, true);
    let n = rows.len();
    for (i, row) in rows.into_iter().enumerate() {
        let bold = has_total && i + 1 == n;
        let cells: Vec<String> =
            row.iter().map(|c| if bold && !c.is_empty() { format!("**{}**", esc(c)) } else { esc(c) }).collect();
        writeln!(w, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}
