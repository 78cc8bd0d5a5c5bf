//! The monthly page's figures (`gov report --month M -o 月报.html`): each chart's numbers, read
//! from the same report tables `gov stats`, `gov report --by grid`, `gov report whistles` and
//! `gov due` print, so the page can never disagree with them; and the month's ledger tables.
//! Pure: the writer in [`crate::render::html`] draws them.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate};

use super::due::schedule;
use super::ledger::{By, LedgerFilter, ledger_table};
use super::period::Period;
use super::stats::stats_table;
use super::whistles::whistles_table;
use super::{Index, Table, Value};
use crate::model::labels::{Color, Labelled, VisitMethod};

/// A name in both languages: a series, or a category that is a figure (a rate).
#[derive(Debug, Clone, PartialEq)]
pub struct Name {
    pub code: String,
    pub zh: String,
    pub en: String,
}

impl Name {
    fn new(code: &str, zh: &str, en: &str) -> Name {
        Name { code: code.into(), zh: zh.into(), en: en.into() }
    }

    /// The same words in both languages (a grid's or a department's name, a date).
    fn plain(s: &str) -> Name {
        Name::new(s, s, s)
    }
}

/// One series of a chart: a value per category, `None` where there is nothing to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: Name,
    pub values: Vec<Option<f64>>,
}

/// Which chart the figures are for (the page's figure ids).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// Visits per week by method: stacked bars.
    WeeklyVisits,
    /// Linked households visited / linked, by grid, sorted, with the community's rate.
    Coverage,
    /// Households overdue at the month's end, by grid, stacked by colour.
    Overdue,
    /// Problems received and resolved per week.
    WeeklyProblems,
    /// The rates against gov.yaml's `targets`.
    Rates,
    /// Whistles' summonses by department, reported and not.
    Whistles,
    /// The year to date per month: visits and problems resolved.
    YearCounts,
    /// The year to date per month: coverage.
    YearCoverage,
    /// The year to date per month: service hours (activities).
    YearService,
}

impl ChartKind {
    pub fn id(self) -> &'static str {
        match self {
            ChartKind::WeeklyVisits => "weekly-visits",
            ChartKind::Coverage => "coverage",
            ChartKind::Overdue => "overdue",
            ChartKind::WeeklyProblems => "weekly-problems",
            ChartKind::Rates => "rates",
            ChartKind::Whistles => "whistles",
            ChartKind::YearCounts => "year-counts",
            ChartKind::YearCoverage => "year-coverage",
            ChartKind::YearService => "year-service",
        }
    }
}

/// One chart's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub kind: ChartKind,
    pub categories: Vec<Name>,
    pub series: Vec<Series>,
    /// Shares (0–1) rather than counts.
    pub share: bool,
    /// A target per category (shares).
    pub targets: Vec<Option<f64>>,
    /// The community's figure across the chart (coverage).
    pub line: Option<f64>,
}

/// The month's page: its title, charts and tables.
#[derive(Debug, Clone, PartialEq)]
pub struct Monthly {
    pub title_zh: String,
    pub title_en: String,
    pub community: String,
    pub period: Period,
    pub charts: Vec<Chart>,
    pub tables: Vec<Table>,
}

/// A figure as a number: counts and hours as they are, a share as a fraction, nothing for a
/// rate with no cases or an empty cell.
pub fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Int(n) => Some(*n as f64),
        Value::Decimal(x) => Some(*x),
        Value::Ratio { den: 0, .. } => None,
        Value::Ratio { num, den } => Some(*num as f64 / *den as f64),
        _ => None,
    }
}

/// A text cell's words as the data has them (the writer masks what it shows).
fn raw(v: &Value) -> String {
    match v {
        Value::Text(s) | Value::FreeText(s) => s.clone(),
        Value::Label { code, .. } => code.to_string(),
        _ => String::new(),
    }
}

fn code(v: &Value) -> Option<&str> {
    match v {
        Value::Label { code, .. } => Some(code),
        _ => None,
    }
}

/// One figure of `gov stats` for the period (the total column), by its code.
pub fn stat(t: &Table, figure: &str) -> Option<f64> {
    t.rows
        .iter()
        .find(|r| code(&r[0]) == Some("period") && code(&r[1]) == Some(figure))
        .and_then(|r| r.get(5))
        .and_then(number)
}

/// A figure's name in `gov stats` (its row label), by code.
fn stat_name(t: &Table, figure: &str) -> Name {
    t.rows
        .iter()
        .find_map(|r| match &r[1] {
            Value::Label { code, zh, en } if *code == figure => Some(Name::new(code, zh, en)),
            _ => None,
        })
        .unwrap_or_else(|| Name::plain(figure))
}

fn column(t: &Table, key: &str) -> Option<usize> {
    t.columns.iter().position(|c| c.key == key)
}

fn column_name(t: &Table, key: &str) -> Name {
    t.columns.iter().find(|c| c.key == key).map_or_else(|| Name::plain(key), |c| Name::new(c.key, c.zh, c.en))
}

/// The month's weeks, Monday to Sunday, cut to the month.
pub fn weeks(period: &Period) -> Vec<Period> {
    let mut out = Vec::new();
    let mut from = period.from;
    while from <= period.to {
        let to_sunday = 6 - from.weekday().num_days_from_monday();
        let to = from.checked_add_days(Days::new(to_sunday.into())).unwrap_or(period.to).min(period.to);
        out.push(Period::range(from, to));
        match to.succ_opt() {
            Some(next) => from = next,
            None => break,
        }
    }
    out
}

/// Grids as a chart names them: by name, with the id where two grids share a name.
fn grid_names(grids: &[(String, String)]) -> Vec<Name> {
    grids
        .iter()
        .map(|(id, name)| {
            let shared = grids.iter().filter(|(_, n)| n == name).count() > 1;
            if shared || name.is_empty() { Name::plain(format!("{id} {name}").trim()) } else { Name::plain(name) }
        })
        .collect()
}

fn week_name(w: &Period) -> Name {
    Name::plain(&format!("{}–{}", w.from.format("%m-%d"), w.to.format("%m-%d")))
}

/// The monthly page for `period` (a month), overdue as of its end or `today` if sooner.
pub fn monthly(ix: &Index<'_>, period: &Period, today: NaiveDate) -> Monthly {
    let ds = ix.ds;
    let as_of = period.to.min(today);
    let stats = stats_table(ix, period);
    let by_week: Vec<(Period, Table)> = weeks(period).into_iter().map(|w| (w, stats_table(ix, &w))).collect();
    let week_names: Vec<Name> = by_week.iter().map(|(w, _)| week_name(w)).collect();
    let per_week = |figure: &str| Series {
        name: stat_name(&stats, figure),
        values: by_week.iter().map(|(_, t)| stat(t, figure)).collect(),
    };
    let mut charts = Vec::new();

    charts.push(Chart {
        kind: ChartKind::WeeklyVisits,
        categories: week_names.clone(),
        series: VisitMethod::ALL
            .iter()
            .map(|m| Series { name: Name::new(m.code(), m.zh(), m.en()), ..per_week(m.code()) })
            .collect(),
        share: false,
        targets: Vec::new(),
        line: None,
    });

    // Coverage by grid, highest first (ties by name), the community's rate across.
    let grids = ledger_table(ix, period, today, By::Grid, &LedgerFilter::default());
    let cols = (column(&grids, "grid"), column(&grids, "grid_name"), column(&grids, "coverage"));
    if let (Some(id_col), Some(name_col), Some(cov_col)) = cols {
        let mut rows: Vec<((String, String), Option<f64>)> =
            grids.rows.iter().map(|r| ((raw(&r[id_col]), raw(&r[name_col])), number(&r[cov_col]))).collect();
        rows.sort_by(|a, b| b.1.unwrap_or(-1.0).total_cmp(&a.1.unwrap_or(-1.0)).then_with(|| a.0.cmp(&b.0)));
        let names: Vec<(String, String)> = rows.iter().map(|r| r.0.clone()).collect();
        charts.push(Chart {
            kind: ChartKind::Coverage,
            categories: grid_names(&names),
            series: vec![Series { name: column_name(&grids, "coverage"), values: rows.iter().map(|r| r.1).collect() }],
            share: true,
            targets: Vec::new(),
            line: grids.total.as_ref().and_then(|t| number(&t[cov_col])),
        });
    }

    // Overdue households by grid and colour, as `gov due` lists them at the month's end.
    let mut overdue: BTreeMap<(String, String), [usize; 3]> = BTreeMap::new();
    for d in schedule(ix, as_of).iter().filter(|d| d.overdue()) {
        let hh = &ds.households[d.household];
        let grid = hh.grid.map_or_else(Default::default, |g| (ds.name(g).to_string(), ix.grid_name(g).to_string()));
        let i = Color::ALL.iter().position(|c| *c == hh.color).unwrap_or(0);
        overdue.entry(grid).or_default()[i] += 1;
    }
    charts.push(Chart {
        kind: ChartKind::Overdue,
        categories: grid_names(&overdue.keys().cloned().collect::<Vec<_>>()),
        series: Color::ALL
            .iter()
            .enumerate()
            .map(|(i, c)| Series {
                name: Name::new(c.code(), c.zh(), c.en()),
                values: overdue.values().map(|n| Some(n[i] as f64)).collect(),
            })
            .collect(),
        share: false,
        targets: Vec::new(),
        line: None,
    });

    charts.push(Chart {
        kind: ChartKind::WeeklyProblems,
        categories: week_names,
        series: vec![per_week("received"), per_week("resolved")],
        share: false,
        targets: Vec::new(),
        line: None,
    });

    let targets = &ds.settings.targets;
    let rates = crate::model::settings::Targets::KEYS;
    charts.push(Chart {
        kind: ChartKind::Rates,
        categories: rates.iter().map(|r| stat_name(&stats, r)).collect(),
        series: vec![Series { name: Name::plain(""), values: rates.iter().map(|r| stat(&stats, r)).collect() }],
        share: true,
        targets: rates.iter().map(|r| targets.get(r).map(|p| f64::from(p) / 100.0)).collect(),
        line: None,
    });

    let whistles = whistles_table(ix, period);
    if let (Some(dep), Some(rep), Some(pen)) =
        (column(&whistles, "department"), column(&whistles, "reported"), column(&whistles, "pending"))
    {
        charts.push(Chart {
            kind: ChartKind::Whistles,
            categories: whistles.rows.iter().map(|r| Name::plain(&raw(&r[dep]))).collect(),
            series: [rep, pen]
                .iter()
                .map(|&c| Series {
                    name: Name::new(whistles.columns[c].key, whistles.columns[c].zh, whistles.columns[c].en),
                    values: whistles.rows.iter().map(|r| number(&r[c])).collect(),
                })
                .collect(),
            share: false,
            targets: Vec::new(),
            line: None,
        });
    }

    // The year to date, month by month.
    let months: Vec<Period> = (1..=period.from.month())
        .filter_map(|m| NaiveDate::from_ymd_opt(period.from.year(), m, 1))
        .map(Period::month)
        .collect();
    let by_month: Vec<Table> = months.iter().map(|m| stats_table(ix, m)).collect();
    let month_names: Vec<Name> = months.iter().map(|m| Name::plain(&m.label())).collect();
    let per_month = |figure: &str| Series {
        name: stat_name(&stats, figure),
        values: by_month.iter().map(|t| stat(t, figure)).collect(),
    };
    charts.push(Chart {
        kind: ChartKind::YearCounts,
        categories: month_names.clone(),
        series: vec![per_month("visits"), per_month("resolved")],
        share: false,
        targets: Vec::new(),
        line: None,
    });
    let coverage = by_month
        .iter()
        .map(|t| match (stat(t, "households_visited"), stat(t, "linked_households")) {
            (Some(v), Some(l)) if l > 0.0 => Some(v / l),
            _ => None,
        })
        .collect();
    charts.push(Chart {
        kind: ChartKind::YearCoverage,
        categories: month_names.clone(),
        series: vec![Series { name: column_name(&grids, "coverage"), values: coverage }],
        share: true,
        targets: Vec::new(),
        line: None,
    });
    if !ds.activities.is_empty() {
        charts.push(Chart {
            kind: ChartKind::YearService,
            categories: month_names,
            series: vec![per_month("service_hours")],
            share: false,
            targets: Vec::new(),
            line: None,
        });
    }

    // The month's ledger tables: the period's headline figures, the summary by grid and
    // whistles by department. Problems by category (`gov report issues`) is left to its own
    // report: its 25 columns do not fit an A4 page, and the rates chart shows its rates.
    let mut headline = stats.clone();
    headline.rows.retain(|r| code(&r[0]) == Some("period"));
    let tables = vec![headline, grids, whistles];
    let name = &ds.settings.name;
    Monthly {
        title_zh: format!("{name}党员联系户工作月报（{}）", period.label()),
        title_en: format!("{name} monthly report ({})", period.label()),
        community: name.clone(),
        period: *period,
        charts,
        tables,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// October 2022 starts on a Saturday and ends on a Monday: six weeks, the first and the
    /// last cut short.
    #[test]
    fn weeks_are_monday_to_sunday_within_the_month() {
        let got: Vec<(NaiveDate, NaiveDate)> =
            weeks(&Period::month(d("2022-10-01"))).iter().map(|w| (w.from, w.to)).collect();
        assert_eq!(
            got,
            [
                (d("2022-10-01"), d("2022-10-02")),
                (d("2022-10-03"), d("2022-10-09")),
                (d("2022-10-10"), d("2022-10-16")),
                (d("2022-10-17"), d("2022-10-23")),
                (d("2022-10-24"), d("2022-10-30")),
                (d("2022-10-31"), d("2022-10-31")),
            ]
        );
        assert_eq!(week_name(&weeks(&Period::month(d("2022-10-01")))[0]).zh, "10-01–10-02");
    }

    #[test]
    fn grids_sharing_a_name_get_their_ids() {
        let g = |id: &str, name: &str| (id.to_string(), name.to_string());
        let names = grid_names(&[g("G1", "1号楼"), g("G2", "1号楼"), g("G3", "2号楼"), g("G4", "")]);
        let shown: Vec<&str> = names.iter().map(|n| n.zh.as_str()).collect();
        assert_eq!(shown, ["G1 1号楼", "G2 1号楼", "2号楼", "G4"]);
    }

    #[test]
    fn numbers_from_values() {
        assert_eq!(number(&Value::ratio(1, 4)), Some(0.25));
        assert_eq!(number(&Value::ratio(0, 0)), None);
        assert_eq!(number(&Value::Int(7)), Some(7.0));
        assert_eq!(number(&Value::Empty), None);
    }
}
