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

/// Before the page number at the foot of a printed report page.
pub fn page_number_prefix() -> Text {
    Text::new("Page ", "第 ")
}

/// After the page number at the foot of a printed report page.
pub fn page_number_suffix() -> Text {
    Text::new("", " 页")
}

/// The foot of a report page: where the figures come from, and whether personal numbers show.
pub fn page_footer(unmask: bool) -> Text {
    if unmask {
        Text::new(
            "Compiled by gov from the community's records. Personal numbers are shown in full: keep this page within the office.",
            "本页由 gov 根据社区台账生成。个人号码已完整显示，请勿外传。",
        )
    } else {
        Text::new(
            "Compiled by gov from the community's records. Phone, ID and door numbers are masked.",
            "本页由 gov 根据社区台账生成。电话、身份证号和门牌号已作脱敏处理。",
        )
    }
}
