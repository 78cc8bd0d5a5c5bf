//! What typing records needs besides each kind's own reader (in [`crate::kinds`]): resolving id
//! text to symbols, alone ([`Interner`]) or in parallel ([`LocalIds`]), and the settings of
//! gov.yaml. Readers report every problem they find and keep a record whenever its id is usable,
//! so one bad field does not hide the record from the checks that follow.

use super::fields::Fields;
use crate::finding::shorten;
use crate::kinds::Record;
use crate::model::id::IdMap;
use crate::model::labels::{Color, Labelled, Lang, Urgency};
use crate::model::settings::{ColorDays, Settings, Targets, UrgencyDays};
use crate::model::{Interner, Sym};
use crate::text::findings as say;

/// The settings gov.yaml may hold.
pub const SETTINGS_FIELDS: &[&str] = &[
    "name",
    "town",
    "lang",
    "values",
    "visit_interval_days",
    "tag_interval_days",
    "issue_due_days",
    "response_days",
    "departments",
    "issue_categories",
    "meeting_kinds",
    "auto_commit",
    "activity_kinds",
    "dual_report",
    "stars",
    "targets",
    "kind",
];

/// Turns id text into a [`Sym`].
pub trait Resolve {
    fn sym(&mut self, id: &str) -> Sym;
}

impl Resolve for Interner {
    fn sym(&mut self, id: &str) -> Sym {
        self.intern(id)
    }
}

/// Marks a [`Sym`] handed out by [`LocalIds`] and not yet in the global interner.
const PENDING: u32 = 1 << 31;

/// Resolves ids against a shared, read-only interner; ids it has not seen are numbered locally
/// and interned afterwards by [`LocalIds::patch`]. Lets visit files be read in parallel.
pub struct LocalIds<'g> {
    global: &'g Interner,
    extra: Vec<Box<str>>,
    map: IdMap<Box<str>, Sym>,
}

impl<'g> LocalIds<'g> {
    pub fn new(global: &'g Interner) -> Self {
        LocalIds { global, extra: Vec::new(), map: IdMap::default() }
    }

    /// The shared interner ids are looked up in.
    pub fn global(&self) -> &'g Interner {
        self.global
    }

    /// Interns the locally numbered ids and rewrites the records that use them.
    pub fn patch<T: Record>(extra: Vec<Box<str>>, records: &mut [T], global: &mut Interner) {
        if extra.is_empty() {
            return;
        }
        let real: Vec<Sym> = extra.iter().map(|s| global.intern(s)).collect();
        let mut fix = |s: &mut Sym| {
            if s.0 & PENDING != 0 {
                *s = real[(s.0 & !PENDING) as usize];
            }
        };
        for r in records {
            r.syms_mut(&mut fix);
        }
    }

    pub fn into_extra(self) -> Vec<Box<str>> {
        self.extra
    }
}

impl Resolve for LocalIds<'_> {
    fn sym(&mut self, id: &str) -> Sym {
        if let Some(s) = self.global.get(id) {
            return s;
        }
        if let Some(&s) = self.map.get(id) {
            return s;
        }
        let s = Sym(PENDING | self.extra.len() as u32);
        self.extra.push(id.into());
        self.map.insert(id.into(), s);
        s
    }
}

pub fn settings(mut f: Fields<'_, '_, '_, '_>) -> Settings {
    let defaults = Settings::default();
    // `kind: town` never reaches here (a town's gov.yaml is read by `load::town`); a community
    // may say so, and anything else is a mistake.
    if let Some((text, field)) = f.text_with_field("kind", false)
        && !matches!(text.trim().to_lowercase().as_str(), "community" | "社区")
    {
        f.invalid(field, say::not_a_folder_kind(&shorten(text)), Some(say::folder_kind_hint()));
    }
    let name = f.string("name", true).unwrap_or_default();
    let town = f.string("town", false);
    let lang = match f.text_with_field("lang", false) {
        None => defaults.lang,
        Some((text, field)) => match text.to_lowercase().as_str() {
            "zh" | "中文" => Some(Lang::Zh),
            "en" | "english" => Some(Lang::En),
            _ => {
                f.invalid(field, say::not_a_language(&shorten(text)), Some(say::language_hint()));
                defaults.lang
            }
        },
    };
    let values = match f.text_with_field("values", false) {
        None => defaults.values,
        Some((text, field)) => match text.to_lowercase().as_str() {
            "zh" | "中文" => Lang::Zh,
            "en" | "english" | "code" | "codes" => Lang::En,
            _ => {
                f.invalid(field, say::not_a_values_language(&shorten(text)), Some(say::language_hint()));
                defaults.values
            }
        },
    };
    let mut visit_interval_days = defaults.visit_interval_days;
    if let Some(map) = f.map("visit_interval_days") {
        let mut m = Fields::new(map, f.sink(), false);
        let d = &mut visit_interval_days;
        *d = ColorDays {
            red: m.number(Color::Red.code(), 1, 3660).unwrap_or(d.red),
            yellow: m.number(Color::Yellow.code(), 1, 3660).unwrap_or(d.yellow),
            green: m.number(Color::Green.code(), 1, 3660).unwrap_or(d.green),
        };
        m.finish(&["red", "yellow", "green"]);
    }
    let tag_interval_days = f.tag_intervals("tag_interval_days");
    let mut issue_due_days = defaults.issue_due_days;
    if let Some(map) = f.map("issue_due_days") {
        let mut m = Fields::new(map, f.sink(), false);
        let d = &mut issue_due_days;
        *d = UrgencyDays {
            urgent: m.number(Urgency::Urgent.code(), 1, 3660).unwrap_or(d.urgent),
            normal: m.number(Urgency::Normal.code(), 1, 3660).unwrap_or(d.normal),
            complex: m.number(Urgency::Complex.code(), 1, 3660).unwrap_or(d.complex),
        };
        m.finish(&["urgent", "normal", "complex"]);
    }
    let response_days = f.number("response_days", 0, 3660).unwrap_or(defaults.response_days);
    let departments = owned(f.list("departments", false));
    let issue_categories = owned(f.list("issue_categories", false));
    let meeting_kinds = owned(f.list("meeting_kinds", false));
    let auto_commit = f.boolean("auto_commit").unwrap_or(false);
    let activity_kinds = owned(f.list("activity_kinds", false));
    let mut dual_hours_per_year = defaults.dual_hours_per_year;
    if let Some(map) = f.map("dual_report") {
        let mut m = Fields::new(map, f.sink(), false);
        dual_hours_per_year = m.number("hours_per_year", 0, 8784).or(dual_hours_per_year);
        m.finish(&["hours_per_year"]);
    }
    let stars = crate::kinds::rating::rules::read(&mut f);
    let mut targets = defaults.targets;
    if let Some(map) = f.map("targets") {
        let mut m = Fields::new(map, f.sink(), false);
        let t = &mut targets;
        *t = Targets {
            response_rate: m.number("response_rate", 0, 100).unwrap_or(t.response_rate),
            on_time_rate: m.number("on_time_rate", 0, 100).unwrap_or(t.on_time_rate),
            solved_rate: m.number("solved_rate", 0, 100).unwrap_or(t.solved_rate),
            satisfaction_rate: m.number("satisfaction_rate", 0, 100).unwrap_or(t.satisfaction_rate),
            done_rate: m.number("done_rate", 0, 100).unwrap_or(t.done_rate),
        };
        m.finish(&Targets::KEYS);
    }
    f.finish(SETTINGS_FIELDS);
    Settings {
        name,
        town,
        lang,
        values,
        visit_interval_days,
        tag_interval_days,
        issue_due_days,
        response_days,
        departments,
        issue_categories,
        meeting_kinds,
        auto_commit,
        activity_kinds,
        dual_hours_per_year,
        stars,
        targets,
    }
}

pub fn owned(items: Option<Vec<&str>>) -> Vec<String> {
    items.unwrap_or_default().into_iter().map(str::to_owned).collect()
}

pub fn syms(ids: &mut impl Resolve, items: Option<Vec<&str>>) -> Vec<Sym> {
    items.unwrap_or_default().into_iter().map(|s| ids.sym(s)).collect()
}
