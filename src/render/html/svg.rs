//! A small SVG chart drawer of gov's own, for the report page: bars (grouped or stacked, with
//! target marks and a reference line) and lines. Why not plotters: it would add a large
//! dependency tree for five kinds of chart, and we need exact control of what a printed page
//! shows — a `<title>` with the number on every bar and point (hover), fill patterns that
//! survive a black-and-white printer, and CJK text left to the page's font stack rather than
//! drawn as paths. Every mark also carries `data-series`, `data-category` and `data-value` so a
//! test can read the figures back.

use std::fmt::Write as _;

use super::esc;

/// How a series is filled: patterns and greys for print, and the three colours only for the
/// three-colour categories (each with its own pattern too, so grey print still tells them apart).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    Solid,
    Light,
    Hatch,
    Dots,
    Cross,
    Open,
    Red,
    Yellow,
    Green,
}

/// The fills given to series in order, for charts that are not about the three colours.
pub const SERIES_FILLS: [Fill; 6] = [Fill::Solid, Fill::Hatch, Fill::Light, Fill::Dots, Fill::Cross, Fill::Open];

/// How values read on the axis and in the hover titles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Whole counts (visits, problems) or hours, one decimal when not whole.
    Count,
    /// Shares between 0 and 1, shown as percentages.
    Share,
}

impl Unit {
    pub fn show(self, v: f64) -> String {
        match self {
            Unit::Share => format!("{:.1}%", v * 100.0),
            Unit::Count if (v - v.round()).abs() < 1e-9 => format!("{}", v.round() as i64),
            Unit::Count => format!("{v:.1}"),
        }
    }
}

pub struct Series {
    pub name: String,
    /// One per category; `None` where there is nothing to show (a rate with no cases).
    pub values: Vec<Option<f64>>,
    pub fill: Fill,
}

/// A bar chart: one group (or stack) of bars per category.
pub struct Bars {
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    pub stacked: bool,
    pub unit: Unit,
    /// The axis titles: the categories' (x) and the values' with their unit (y).
    pub x_label: String,
    pub y_label: String,
    /// A target per category, drawn as a dashed mark across its bars.
    pub targets: Vec<Option<f64>>,
    /// A reference value across the whole chart (the community's rate), with its name.
    pub line: Option<(String, f64)>,
}

/// A line chart: one line per series over the categories.
pub struct Lines {
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    pub unit: Unit,
    pub x_label: String,
    pub y_label: String,
}

/// A chart with its caption, ready for the page.
pub struct Figure {
    pub id: String,
    pub caption: String,
    pub svg: String,
    pub wide: bool,
}

impl Figure {
    pub fn html(&self) -> String {
        let class = if self.wide { " class=\"wide\"" } else { "" };
        format!(
            "<figure id=\"{}\"{class}><figcaption>{}</figcaption>\n{}</figure>\n",
            esc(&self.id),
            esc(&self.caption),
            self.svg
        )
    }
}

const W: f64 = 520.0;
const H: f64 = 250.0;
const LEFT: f64 = 52.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 14.0;

fn n(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == r.trunc() { format!("{}", r as i64) } else { format!("{r:.1}") }
}

/// A round top for the value axis and its step: 1, 2 or 5 times a power of ten.
fn nice_top(max: f64, unit: Unit) -> (f64, f64) {
    if unit == Unit::Share {
        return (1.0, 0.25);
    }
    if max <= 0.0 {
        return (1.0, 1.0);
    }
    let raw = max / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag);
    let step = if step < 1.0 { 1.0 } else { step };
    ((max / step).ceil() * step, step)
}

fn defs(h: &mut String, id: &str) {
    let _ = write!(
        h,
        "<defs>\
<pattern id=\"{id}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#222\" stroke-width=\"2.2\"/></pattern>\
<pattern id=\"{id}-dots\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\"><rect width=\"5\" height=\"5\" fill=\"#fff\"/><circle cx=\"2.5\" cy=\"2.5\" r=\"1.3\" fill=\"#222\"/></pattern>\
<pattern id=\"{id}-cross\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/><path d=\"M0 0L6 6M6 0L0 6\" stroke=\"#222\" stroke-width=\"1\"/></pattern>\
<pattern id=\"{id}-yellow\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#f2c200\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#6b5600\" stroke-width=\"1.2\"/></pattern>\
<pattern id=\"{id}-green\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\"><rect width=\"5\" height=\"5\" fill=\"#3d9a4a\"/><circle cx=\"2.5\" cy=\"2.5\" r=\"1\" fill=\"#fff\"/></pattern>\
</defs>"
    );
}

fn paint(fill: Fill, id: &str) -> String {
    match fill {
        Fill::Solid => "fill=\"#333\"".into(),
        Fill::Light => "fill=\"#bbb\"".into(),
        Fill::Open => "fill=\"#fff\"".into(),
        Fill::Red => "fill=\"#c8102e\"".into(),
        Fill::Hatch => format!("fill=\"url(#{id}-hatch)\""),
        Fill::Dots => format!("fill=\"url(#{id}-dots)\""),
        Fill::Cross => format!("fill=\"url(#{id}-cross)\""),
        Fill::Yellow => format!("fill=\"url(#{id}-yellow)\""),
        Fill::Green => format!("fill=\"url(#{id}-green)\""),
    }
}

fn open_svg(h: &mut String, id: &str, height: f64, label: &str) {
    let _ = write!(
        h,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W} {}\" role=\"img\" aria-label=\"{}\">",
        n(height),
        esc(label)
    );
    defs(h, id);
}

/// The legend: a swatch and a name per series, above the plot.
fn legend(h: &mut String, id: &str, items: &[(String, Option<Fill>)], y: f64) {
    let mut x = LEFT;
    for (name, fill) in items {
        match fill {
            Some(f) => {
                let _ = write!(
                    h,
                    "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"10\" {} stroke=\"#222\" stroke-width=\"0.8\"/>",
                    n(x),
                    n(y - 9.0),
                    paint(*f, id)
                );
            }
            None => {
                let _ = write!(
                    h,
                    "<line class=\"rate\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
                    n(x),
                    n(y - 4.0),
                    n(x + 12.0),
                    n(y - 4.0)
                );
            }
        }
        let _ = write!(h, "<text x=\"{}\" y=\"{}\">{}</text>", n(x + 16.0), n(y), esc(name));
        x += 24.0 + name.chars().map(|c| if c.is_ascii() { 6.2 } else { 11.0 }).sum::<f64>();
    }
}

/// Where the plot sits in the drawing, and its value axis.
#[derive(Clone, Copy)]
struct Frame {
    top: f64,
    step: f64,
    unit: Unit,
    plot_top: f64,
    plot_bottom: f64,
    height: f64,
}

/// The value axis, its grid lines and both axis titles.
fn axes(h: &mut String, f: &Frame, x_label: &str, y_label: &str) {
    let Frame { top, step, unit, plot_top, plot_bottom, height } = *f;
    let scale = |v: f64| plot_bottom - (plot_bottom - plot_top) * v / top;
    h.push_str("<g class=\"axis\">");
    let mut v = 0.0;
    while v <= top + 1e-9 {
        let y = scale(v);
        let _ = write!(
            h,
            "<line class=\"grid\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            n(LEFT),
            n(y),
            n(W - RIGHT),
            n(y)
        );
        let _ = write!(
            h,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            n(LEFT - 4.0),
            n(y + 4.0),
            esc(&unit.show(v))
        );
        v += step;
    }
    let _ = write!(h, "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>", n(LEFT), n(plot_top), n(LEFT), n(plot_bottom));
    let _ = write!(
        h,
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
        n(LEFT),
        n(plot_bottom),
        n(W - RIGHT),
        n(plot_bottom)
    );
    let _ = write!(
        h,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
        n((LEFT + W - RIGHT) / 2.0),
        n(height - 4.0),
        esc(x_label)
    );
    let _ = write!(
        h,
        "<text x=\"12\" y=\"{}\" text-anchor=\"middle\" transform=\"rotate(-90 12 {})\">{}</text>",
        n((plot_top + plot_bottom) / 2.0),
        n((plot_top + plot_bottom) / 2.0),
        esc(y_label)
    );
    h.push_str("</g>");
}

/// Category labels under the plot, turned when there are many or they are long.
fn category_labels(h: &mut String, cats: &[String], x_of: impl Fn(usize) -> f64, y: f64) {
    let (turn, size) = match layout(cats) {
        Labels::Flat => (0, ""),
        Labels::Turned => (-35, ""),
        Labels::Upright => (-90, " font-size=\"8\""),
    };
    for (i, c) in cats.iter().enumerate() {
        let x = x_of(i);
        if turn == 0 {
            let _ = write!(h, "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>", n(x), n(y), esc(c));
        } else {
            let (x, y) = (n(x + if turn == -90 { 3.0 } else { 0.0 }), n(y - 8.0 + if turn == -90 { 0.0 } else { 8.0 }));
            let _ = write!(
                h,
                "<text x=\"{x}\" y=\"{y}\" text-anchor=\"end\"{size} transform=\"rotate({turn} {x} {y})\">{}</text>",
                esc(c)
            );
        }
    }
}

/// How category labels are set: flat under their bars; turned when long or many; upright and
/// small when there are so many (a grid each) that turned ones would overlap.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Labels {
    Flat,
    Turned,
    Upright,
}

fn layout(cats: &[String]) -> Labels {
    if cats.len() > 20 {
        Labels::Upright
    } else if cats.len() > 8 || cats.iter().any(|c| c.chars().count() > 6) {
        Labels::Turned
    } else {
        Labels::Flat
    }
}

/// Room under the plot for the category labels, in drawing units.
fn label_room(cats: &[String]) -> f64 {
    let width = |c: &String| c.chars().map(|ch| if ch.is_ascii() { 5.0 } else { 8.5 }).sum::<f64>();
    match layout(cats) {
        Labels::Flat => 38.0,
        Labels::Turned => 78.0,
        Labels::Upright => 30.0 + cats.iter().map(width).fold(0.0, f64::max),
    }
}

fn mark_attrs(series: &str, category: &str, value: String) -> String {
    format!("data-series=\"{}\" data-category=\"{}\" data-value=\"{}\"", esc(series), esc(category), esc(&value))
}

/// The value as the data attribute holds it: a count as a whole number, a share to 4 places.
fn data_value(v: f64, unit: Unit) -> String {
    match unit {
        Unit::Share => format!("{:.4}", v),
        Unit::Count => Unit::Count.show(v),
    }
}

impl Bars {
    pub fn svg(&self, id: &str, label: &str) -> String {
        let room = label_room(&self.categories);
        let height = H + room - 38.0;
        let plot_top = TOP + 22.0;
        let plot_bottom = height - room;
        let max = if self.stacked {
            (0..self.categories.len())
                .map(|i| self.series.iter().filter_map(|s| s.values.get(i).copied().flatten()).sum::<f64>())
                .fold(0.0, f64::max)
        } else {
            self.series.iter().flat_map(|s| s.values.iter().flatten().copied()).fold(0.0, f64::max)
        };
        let max = self.targets.iter().flatten().copied().fold(max, f64::max);
        let (top, step) = nice_top(max, self.unit);
        let scale = |v: f64| plot_bottom - (plot_bottom - plot_top) * (v / top).min(1.05);
        let mut h = String::new();
        open_svg(&mut h, id, height, label);
        let mut items: Vec<(String, Option<Fill>)> =
            self.series.iter().map(|s| (s.name.clone(), Some(s.fill))).collect();
        if let Some((name, _)) = &self.line {
            items.push((name.clone(), None));
        }
        legend(&mut h, id, &items, TOP + 6.0);
        let frame = Frame { top, step, unit: self.unit, plot_top, plot_bottom, height };
        axes(&mut h, &frame, &self.x_label, &self.y_label);
        let k = self.categories.len().max(1) as f64;
        let band = (W - RIGHT - LEFT) / k;
        let groups = if self.stacked { 1.0 } else { self.series.len().max(1) as f64 };
        let bar = (band * 0.72 / groups).min(38.0);
        let x_of = |i: usize| LEFT + band * (i as f64 + 0.5);
        for (i, cat) in self.categories.iter().enumerate() {
            let mut base = 0.0;
            for (s_i, s) in self.series.iter().enumerate() {
                let Some(v) = s.values.get(i).copied().flatten() else { continue };
                let x =
                    if self.stacked { x_of(i) - bar / 2.0 } else { x_of(i) - bar * groups / 2.0 + bar * s_i as f64 };
                let (y0, y1) = if self.stacked { (scale(base), scale(base + v)) } else { (scale(0.0), scale(v)) };
                base += v;
                let shown = self.unit.show(v);
                let _ = write!(
                    h,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {} stroke=\"#222\" stroke-width=\"0.6\" {}><title>{} · {}: {}</title></rect>",
                    n(x),
                    n(y1),
                    n(bar),
                    n((y0 - y1).max(0.0)),
                    paint(s.fill, id),
                    mark_attrs(&s.name, cat, data_value(v, self.unit)),
                    esc(cat),
                    esc(&s.name),
                    esc(&shown)
                );
                // Printed figures on grouped bars (a stack prints its total on top).
                if !self.stacked && v > 0.0 && self.categories.len() * self.series.len() <= 16 {
                    let _ = write!(
                        h,
                        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"9\">{}</text>",
                        n(x + bar / 2.0),
                        n(y1 - 2.0),
                        esc(&shown)
                    );
                }
            }
            if self.stacked && base > 0.0 {
                let _ = write!(
                    h,
                    "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"9\">{}</text>",
                    n(x_of(i)),
                    n(scale(base) - 2.0),
                    esc(&self.unit.show(base))
                );
            }
            if let Some(Some(t)) = self.targets.get(i) {
                let half = bar * groups / 2.0 + 4.0;
                let _ = write!(
                    h,
                    "<line class=\"target\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" {}><title>{}</title></line>",
                    n(x_of(i) - half),
                    n(scale(*t)),
                    n(x_of(i) + half),
                    n(scale(*t)),
                    mark_attrs("target", cat, data_value(*t, self.unit)),
                    esc(&self.unit.show(*t))
                );
            }
        }
        if let Some((name, v)) = &self.line {
            let y = scale(*v);
            let _ = write!(
                h,
                "<line class=\"rate\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" {}><title>{}: {}</title></line>",
                n(LEFT),
                n(y),
                n(W - RIGHT),
                n(y),
                mark_attrs("line", "", data_value(*v, self.unit)),
                esc(name),
                esc(&self.unit.show(*v))
            );
        }
        category_labels(&mut h, &self.categories, x_of, plot_bottom + 14.0);
        h.push_str("</svg>\n");
        h
    }
}

/// Marker shapes per line, so lines differ without colour.
const MARKERS: [&str; 3] = ["circle", "square", "triangle"];

impl Lines {
    pub fn svg(&self, id: &str, label: &str) -> String {
        let room = label_room(&self.categories);
        let height = H + room - 38.0;
        let plot_top = TOP + 22.0;
        let plot_bottom = height - room;
        let max = self.series.iter().flat_map(|s| s.values.iter().flatten().copied()).fold(0.0, f64::max);
        let (top, step) = nice_top(max, self.unit);
        let scale = |v: f64| plot_bottom - (plot_bottom - plot_top) * v / top;
        let mut h = String::new();
        open_svg(&mut h, id, height, label);
        let items: Vec<(String, Option<Fill>)> = self.series.iter().map(|s| (s.name.clone(), Some(s.fill))).collect();
        legend(&mut h, id, &items, TOP + 6.0);
        let frame = Frame { top, step, unit: self.unit, plot_top, plot_bottom, height };
        axes(&mut h, &frame, &self.x_label, &self.y_label);
        let band = (W - RIGHT - LEFT) / self.categories.len().max(1) as f64;
        let x_of = |i: usize| LEFT + band * (i as f64 + 0.5);
        for (s_i, s) in self.series.iter().enumerate() {
            let dash = ["", " stroke-dasharray=\"6 3\"", " stroke-dasharray=\"2 2\""][s_i % 3];
            let points: Vec<String> = s
                .values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| format!("{},{}", n(x_of(i)), n(scale(v)))))
                .collect();
            let _ = write!(h, "<polyline class=\"line\" points=\"{}\"{dash}/>", points.join(" "));
            for (i, v) in s.values.iter().enumerate() {
                let Some(v) = *v else { continue };
                let (x, y) = (x_of(i), scale(v));
                let cat = self.categories.get(i).map(String::as_str).unwrap_or("");
                let attrs = mark_attrs(&s.name, cat, data_value(v, self.unit));
                let tip = format!("<title>{} · {}: {}</title>", esc(cat), esc(&s.name), esc(&self.unit.show(v)));
                let _ = match MARKERS[s_i % 3] {
                    "circle" => write!(
                        h,
                        "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" {} stroke=\"#222\" {attrs}>{tip}</circle>",
                        n(x),
                        n(y),
                        paint(s.fill, id)
                    ),
                    "square" => write!(
                        h,
                        "<rect x=\"{}\" y=\"{}\" width=\"7\" height=\"7\" {} stroke=\"#222\" {attrs}>{tip}</rect>",
                        n(x - 3.5),
                        n(y - 3.5),
                        paint(s.fill, id)
                    ),
                    _ => write!(
                        h,
                        "<path d=\"M{} {}L{} {}L{} {}Z\" {} stroke=\"#222\" {attrs}>{tip}</path>",
                        n(x),
                        n(y - 4.5),
                        n(x + 4.5),
                        n(y + 3.5),
                        n(x - 4.5),
                        n(y + 3.5),
                        paint(s.fill, id)
                    ),
                };
            }
        }
        category_labels(&mut h, &self.categories, x_of, plot_bottom + 14.0);
        h.push_str("</svg>\n");
        h
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_tops_are_round() {
        assert_eq!(nice_top(0.0, Unit::Count), (1.0, 1.0));
        assert_eq!(nice_top(3.0, Unit::Count), (3.0, 1.0));
        // 97 / 4 = 24.25: the step is the next of 10, 20, 50, 100.
        assert_eq!(nice_top(97.0, Unit::Count), (100.0, 50.0));
        assert_eq!(nice_top(0.3, Unit::Share), (1.0, 0.25));
    }

    #[test]
    fn units_show_as_people_read_them() {
        assert_eq!(Unit::Share.show(0.6667), "66.7%");
        assert_eq!(Unit::Count.show(12.0), "12");
        assert_eq!(Unit::Count.show(2.5), "2.5");
    }

    /// Names are escaped in marks, titles and labels alike.
    #[test]
    fn text_is_escaped() {
        let bars = Bars {
            categories: vec!["<a&b>".into()],
            series: vec![Series { name: "\"s\"".into(), values: vec![Some(1.0)], fill: Fill::Hatch }],
            stacked: false,
            unit: Unit::Count,
            x_label: "x".into(),
            y_label: "y".into(),
            targets: vec![Some(2.0)],
            line: Some(("l".into(), 1.0)),
        };
        let svg = bars.svg("t", "<t>");
        assert!(!svg.contains("<a&b>") && svg.contains("&lt;a&amp;b&gt;"));
        assert!(svg.contains("data-series=\"&quot;s&quot;\""));
        assert!(svg.contains("url(#t-hatch)") && svg.contains("<pattern id=\"t-hatch\""));
    }
}
