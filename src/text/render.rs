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

/// A chart's caption on the monthly page, by its id.
pub fn chart_caption(id: &str) -> Text {
    match id {
        "weekly-visits" => Text::new("Visits per week, by method", "每周走访次数（按走访方式）"),
        "coverage" => {
            Text::new("Coverage by grid: linked households visited", "各网格走访覆盖率（本月已走访户数 / 联系户数）")
        }
        "overdue" => {
            Text::new("Overdue at the month's end, by grid and colour", "月末逾期未访户数（按网格、三色分类）")
        }
        "weekly-problems" => Text::new("Problems received and resolved per week", "每周受理、办结诉求数"),
        "rates" => Text::new("Rates for the month against the targets", "本月各项办理指标与目标值"),
        "whistles" => Text::new("Whistles by department, reported or not", "吹哨报到情况（按部门）"),
        "year-counts" => Text::new("Year to date: visits, problems resolved", "本年逐月走访次数、办结诉求数"),
        "year-coverage" => Text::new("Year to date: coverage", "本年逐月走访覆盖率"),
        "year-service" => Text::new("Year to date: service hours", "本年逐月服务时长"),
        _ => Text::new(id, id),
    }
}

/// A chart's category axis title, by the chart's id.
pub fn chart_x(id: &str) -> Text {
    match id {
        "weekly-visits" | "weekly-problems" => {
            Text::new("week (Monday to Sunday, within the month)", "周次（周一至周日，限本月内）")
        }
        "coverage" | "overdue" => Text::new("grid", "网格"),
        "rates" => Text::new("rate", "指标"),
        "whistles" => Text::new("department", "部门"),
        _ => Text::new("month", "月份"),
    }
}

/// A chart's value axis title with its unit, by the chart's id.
pub fn chart_y(id: &str) -> Text {
    match id {
        "weekly-visits" | "year-counts" => Text::new("visits / problems (count)", "次数（次、件）"),
        "weekly-problems" => Text::new("problems (count)", "诉求（件）"),
        "coverage" | "year-coverage" | "rates" => Text::new("share (%)", "比率（%）"),
        "overdue" => Text::new("households", "户数（户）"),
        "whistles" => Text::new("times summoned", "召集次数（次）"),
        "year-service" => Text::new("hours", "时长（小时）"),
        _ => Text::new("", ""),
    }
}

/// The reference line on the coverage chart.
pub fn community_rate() -> Text {
    Text::new("community's rate", "社区整体覆盖率")
}

/// The target marks' legend on the rates chart.
pub fn target_mark() -> Text {
    Text::new("target (gov.yaml)", "目标值（gov.yaml 设定）")
}

/// The series name of the rates chart.
pub fn rate_this_month() -> Text {
    Text::new("this month", "本月")
}

/// Over the ledger tables under the charts.
pub fn ledger_tables_heading() -> Text {
    Text::new("The month's ledger tables", "本月台账")
}

/// Over the charts.
pub fn charts_heading() -> Text {
    Text::new("The month in charts", "本月工作图表")
}

/// Under the monthly page's title: the community, the town and the dates it covers.
pub fn monthly_subheading(community: &str, town: Option<&str>, from: &str, to: &str, as_of: &str) -> Text {
    let town_en = town.map(|t| format!(", {t}")).unwrap_or_default();
    let town_zh = town.map(str::to_string).unwrap_or_default();
    Text::new(
        format!("{community}{town_en} · {from} to {to} · overdue as of {as_of}"),
        format!("{town_zh}{community} · 统计期间 {from} 至 {to} · 逾期截至 {as_of}"),
    )
}
