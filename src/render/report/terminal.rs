//! The terminal table: comfy-table for the frame, CJK aligned, numbers right-aligned, and the
//! cells wrapped by [`super::fit`] so that no id, number, date or percentage is broken; one
//! record per block when the columns cannot stand side by side.

use std::io::{self, Write};

use comfy_table::{CellAlignment, ContentArrangement, presets};

use super::fit::{self, text_width, wrap};
use super::{RenderOptions, headers, numeric_columns, shown_title, text_rows};
use crate::render::visible::visible;
use crate::report::Table;

/// A framed table must show every body cell whole up to this width; else frameless.
const ROOMY: usize = 12;

pub(super) fn write_terminal(w: &mut impl Write, t: &Table, o: &RenderOptions, header: bool) -> io::Result<()> {
    let title = shown_title(t, o);
    if !title.is_empty() {
        writeln!(w, "{}", visible(&title))?;
    }
    let heads: Vec<&str> = headers(t, o.lang);
    let rows = text_rows(t, o, true);
    let cells: Vec<Vec<&str>> = (0..heads.len())
        .map(|c| header.then_some(heads[c]).into_iter().chain(rows.iter().map(|r| r[c].as_str())).collect())
        .collect();
    let width = o.width.map(usize::from);
    let n = heads.len();
    // Framed (`│ a │ b │`: 3 per column and 1) when the frame leaves the cells room, else
    // frameless (a space between columns), else framed however tight, else blocks.
    let framed = fit::layout(&cells, header, width.map(|w| w.saturating_sub(3 * n + 1)));
    let bare = || fit::layout(&cells, header, width.map(|w| w.saturating_sub(n.saturating_sub(1))));
    let (widths, framed) = match framed {
        Some(w) if fit::roomy(&cells, header, &w, ROOMY) => (w, true),
        framed => match (bare(), framed) {
            (Some(w), _) => (w, false),
            (None, Some(w)) => (w, true),
            (None, None) => return write_blocks(w, &heads, &rows, o),
        },
    };
    let fitted = |row: &[String]| -> Vec<String> { row.iter().zip(&widths).map(|(s, &cw)| wrap(s, cw)).collect() };
    let mut table = comfy_table::Table::new();
    table.set_content_arrangement(ContentArrangement::Disabled);
    if framed {
        table.load_style(presets::UTF8_FULL_CONDENSED);
    } else {
        table.load_style(presets::NOTHING);
    }
    if header {
        let heads: Vec<String> = heads.iter().map(|h| h.to_string()).collect();
        table.set_header(fitted(&heads));
    }
    for row in &rows {
        table.add_row(fitted(row));
    }
    for (i, numeric) in numeric_columns(t).into_iter().enumerate() {
        let Some(c) = table.column_mut(i) else { continue };
        if numeric {
            c.set_cell_alignment(CellAlignment::Right);
        }
        if !framed {
            c.set_padding(if i == 0 { (0, 0) } else { (1, 0) });
        }
    }
    writeln!(w, "{table}")
}

/// One block per row: `[n/N]`, then each column's header and value, the values wrapped beside
/// the headers; then a note saying how to see the table whole.
fn write_blocks(w: &mut impl Write, heads: &[&str], rows: &[Vec<String>], o: &RenderOptions) -> io::Result<()> {
    let width = o.width.map_or(80, usize::from);
    let label = heads.iter().map(|h| text_width(h)).max().unwrap_or(0).min(width / 3);
    let room = width.saturating_sub(label + 2).max(fit::LONGEST_UNBROKEN);
    for (n, row) in rows.iter().enumerate() {
        writeln!(w, "[{}/{}]", n + 1, rows.len())?;
        for (head, value) in heads.iter().zip(row) {
            let head = wrap(head, label);
            let value = wrap(value, room);
            let (heads, values): (Vec<&str>, Vec<&str>) = (head.lines().collect(), value.lines().collect());
            for i in 0..heads.len().max(values.len()).max(1) {
                let h = heads.get(i).copied().unwrap_or("");
                let v = values.get(i).copied().unwrap_or("");
                let pad = " ".repeat(label - text_width(h).min(label));
                writeln!(w, "{}", format!("{h}{pad}  {v}").trim_end())?;
            }
        }
    }
    writeln!(w, "{}", wrap(crate::text::render::shown_in_blocks(width).get(o.lang), width))
}
