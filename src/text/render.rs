//! The catalogue's part for what the writers add to a report: the note under a table shown in
//! blocks.

use super::Text;

/// Under a table too wide for the terminal, shown one row per block.
pub fn shown_in_blocks(width: usize) -> Text {
    Text::new(
        format!(
            "(the table is wider than {width} columns, so each row is shown as a block: widen the terminal or set COLUMNS, or use --format csv for the whole table)"
        ),
        format!(
            "（表格宽于终端的 {width} 列，已按每行一段显示。可加宽终端或设置 COLUMNS，或加 --format csv 查看整张表。）"
        ),
    )
}
