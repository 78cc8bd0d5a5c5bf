//! The terminal table: comfy-table, CJK aligned, wrapped to the terminal's width, numbers
//! right-aligned.

use std::io::{self, Write};

use comfy_table::{CellAlignment, ContentArrangement, presets};

use super::{RenderOptions, headers, numeric_columns, shown_title, text_rows};
use crate::render::visible::visible;
use crate::report::Table;

pub(super) fn write_terminal(w: &mut impl Write, t: &Table, o: &RenderOptions, header: bool) -> io::Result<()> {
    let mut table = comfy_table::Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    if header {
        table.set_header(headers(t, o.lang));
    }
    // Dynamic: wrap to the terminal's width when there is one (comfy-table asks the terminal).
    table.set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(width) = o.width {
        table.set_width(width);
    }
    for row in text_rows(t, o, true) {
        table.add_row(row);
    }
    for (i, numeric) in numeric_columns(t).into_iter().enumerate() {
        if numeric && let Some(c) = table.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    let title = shown_title(t, o);
    if !title.is_empty() {
        writeln!(w, "{}", visible(&title))?;
    }
    writeln!(w, "{table}")
}
