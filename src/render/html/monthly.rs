//! The monthly page ([`crate::report::monthly`]) as one self-contained HTML page: the charts
//! drawn by [`super::svg`], then the month's ledger tables.

use super::svg::{self, Bars, Fill, Lines, SERIES_FILLS, Unit};
use super::{Page, page_html};
use crate::model::privacy::shown;
use crate::render::report::RenderOptions;
use crate::report::monthly::{Chart, ChartKind, Monthly, Name};
use crate::text::{Lang, render as words};

fn name(n: &Name, o: &RenderOptions) -> String {
    let s = if o.lang == Lang::Zh { &n.zh } else { &n.en };
    shown(s, o.unmask).into_owned()
}

fn figure(c: &Chart, o: &RenderOptions) -> svg::Figure {
    let id = c.kind.id();
    let caption = words::chart_caption(id).get(o.lang).to_string();
    let unit = if c.share { Unit::Share } else { Unit::Count };
    let categories: Vec<String> = c.categories.iter().map(|n| name(n, o)).collect();
    let fill = |i: usize| match (c.kind, i) {
        (ChartKind::Overdue, 0) => Fill::Red,
        (ChartKind::Overdue, 1) => Fill::Yellow,
        (ChartKind::Overdue, _) => Fill::Green,
        _ => SERIES_FILLS[i % SERIES_FILLS.len()],
    };
    let series: Vec<svg::Series> = c
        .series
        .iter()
        .enumerate()
        .map(|(i, s)| svg::Series {
            name: if c.kind == ChartKind::Rates {
                words::rate_this_month().get(o.lang).to_string()
            } else {
                name(&s.name, o)
            },
            values: s.values.clone(),
            fill: fill(i),
        })
        .collect();
    let (x_label, y_label) = (words::chart_x(id).get(o.lang).to_string(), words::chart_y(id).get(o.lang).to_string());
    let lines = matches!(c.kind, ChartKind::YearCounts | ChartKind::YearCoverage);
    let drawing = if lines {
        Lines { categories, series, unit, x_label, y_label }.svg(id, &caption)
    } else {
        let line = c.line.map(|v| (words::community_rate().get(o.lang).to_string(), v));
        let targets = c.targets.clone();
        let mut bars = Bars {
            categories,
            series,
            stacked: matches!(c.kind, ChartKind::WeeklyVisits | ChartKind::Overdue | ChartKind::Whistles),
            unit,
            x_label,
            y_label,
            targets,
            line,
        };
        if c.kind == ChartKind::Rates {
            bars.line = None;
        }
        let mut svg = bars.svg(id, &caption);
        if c.kind == ChartKind::Rates {
            // The target's legend, under the caption.
            svg = svg.replacen("</svg>", &target_legend(o), 1);
        }
        svg
    };
    let wide = matches!(c.kind, ChartKind::Coverage | ChartKind::Overdue) && c.categories.len() > 6;
    svg::Figure { id: id.to_string(), caption, svg: drawing, wide }
}

fn target_legend(o: &RenderOptions) -> String {
    format!(
        "<line class=\"target\" x1=\"360\" y1=\"16\" x2=\"380\" y2=\"16\"/><text x=\"384\" y=\"20\">{}</text></svg>",
        super::esc(words::target_mark().get(o.lang))
    )
}

/// The whole page.
pub fn monthly_html(m: &Monthly, town: Option<&str>, as_of: &str, o: &RenderOptions) -> String {
    let heading = shown(if o.lang == Lang::Zh { &m.title_zh } else { &m.title_en }, o.unmask).into_owned();
    let from = m.period.from.to_string();
    let to = m.period.to.to_string();
    let sub = words::monthly_subheading(&m.community, town, &from, &to, as_of);
    let page = Page {
        heading,
        subheading: Some(shown(sub.get(o.lang), o.unmask).into_owned()),
        charts_heading: Some(words::charts_heading().get(o.lang).to_string()),
        charts: m.charts.iter().map(|c| figure(c, o)).collect(),
        tables_heading: Some(words::ledger_tables_heading().get(o.lang).to_string()),
        tables: &m.tables,
    };
    page_html(&page, o)
}
