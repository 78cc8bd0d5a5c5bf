//! Typed records from [`RawRecord`]s, one function per kind. Each reports every problem it finds
//! and keeps the record whenever its id (and, for visits, its date, member and household) is
//! usable, so one bad field does not hide the record from the checks that follow.

use std::hash::{DefaultHasher, Hash, Hasher};

use super::fields::Fields;
use super::raw::RawRecord;
use crate::finding::shorten;
use chrono::NaiveDate;

use crate::model::id::IdMap;
use crate::model::labels::{
    Action, Color, IssueCategory, Labelled, Lang, MemberKind, MemberStatus, Urgency, VisitMethod,
};
use crate::model::settings::{ColorDays, Settings, UrgencyDays};
use crate::model::{Category, Event, Grid, Household, Interner, Issue, Loc, Member, Sym, Visit, VisitRefs, VisitText};

pub const SETTINGS_FIELDS: &[&str] = &[
    "name",
    "town",
    "lang",
    "visit_interval_days",
    "issue_due_days",
    "response_days",
    "departments",
    "issue_categories",
    "auto_commit",
];
pub const GRID_FIELDS: &[&str] = &["id", "name", "level", "parent", "leader"];
pub const GRID_REQUIRED: &[&str] = &["id", "name"];
pub const MEMBER_FIELDS: &[&str] =
    &["id", "name", "kind", "branch", "grid", "phone", "unit", "registered", "status", "roles"];
pub const MEMBER_REQUIRED: &[&str] = &["id", "name", "kind"];
pub const HOUSEHOLD_FIELDS: &[&str] = &["id", "address", "grid", "head", "phone", "size", "color", "tags", "contacts"];
pub const HOUSEHOLD_REQUIRED: &[&str] = &["id", "address", "grid", "head", "contacts"];
pub const VISIT_FIELDS: &[&str] =
    &["id", "date", "member", "household", "method", "summary", "topics", "with", "issues"];
pub const VISIT_REQUIRED: &[&str] = &["date", "member", "household", "method", "summary"];
pub const ISSUE_FIELDS: &[&str] = &[
    "id",
    "title",
    "received",
    "category",
    "urgency",
    "source",
    "grid",
    "household",
    "recorded_by",
    "description",
    "events",
];
pub const ISSUE_REQUIRED: &[&str] = &["id", "title", "received", "category"];
pub const EVENT_FIELDS: &[&str] =
    &["date", "action", "by", "note", "departments", "department", "solved", "satisfaction"];

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

    /// Interns the locally numbered ids and rewrites the visits that use them.
    pub fn patch(extra: Vec<Box<str>>, visits: &mut [Visit], global: &mut Interner) {
        if extra.is_empty() {
            return;
        }
        let real: Vec<Sym> = extra.iter().map(|s| global.intern(s)).collect();
        let fix = |s: &mut Sym| {
            if s.0 & PENDING != 0 {
                *s = real[(s.0 & !PENDING) as usize];
            }
        };
        for v in visits {
            fix(&mut v.member);
            fix(&mut v.household);
            if let Some(id) = &mut v.id {
                fix(id);
            }
            if let Some(r) = &mut v.refs {
                r.with.iter_mut().for_each(fix);
                r.issues.iter_mut().for_each(fix);
            }
        }
    }

    /// Interns the locally numbered ids and rewrites the issues that use them.
    pub fn patch_issues(extra: Vec<Box<str>>, issues: &mut [Issue], global: &mut Interner) {
        if extra.is_empty() {
            return;
        }
        let real: Vec<Sym> = extra.iter().map(|s| global.intern(s)).collect();
        let fix = |s: &mut Sym| {
            if s.0 & PENDING != 0 {
                *s = real[(s.0 & !PENDING) as usize];
            }
        };
        for i in issues {
            fix(&mut i.id);
            [&mut i.grid, &mut i.household, &mut i.recorded_by].into_iter().flatten().for_each(fix);
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
    let name = f.string("name", true).unwrap_or_default();
    let town = f.string("town", false);
    let lang = match f.text_with_field("lang", false) {
        None => defaults.lang,
        Some((text, field)) => match text.to_lowercase().as_str() {
            "zh" | "中文" => Lang::Zh,
            "en" | "english" => Lang::En,
            _ => {
                f.invalid(
                    field,
                    format!("`lang` value `{}` is not a language", shorten(text)),
                    Some("allowed: zh, en".into()),
                );
                defaults.lang
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
    let auto_commit = f.boolean("auto_commit").unwrap_or(false);
    f.finish(SETTINGS_FIELDS);
    Settings {
        name,
        town,
        lang,
        visit_interval_days,
        issue_due_days,
        response_days,
        departments,
        issue_categories,
        auto_commit,
    }
}

fn owned(items: Option<Vec<&str>>) -> Vec<String> {
    items.unwrap_or_default().into_iter().map(str::to_owned).collect()
}

fn syms(ids: &mut impl Resolve, items: Option<Vec<&str>>) -> Vec<Sym> {
    items.unwrap_or_default().into_iter().map(|s| ids.sym(s)).collect()
}

pub fn grid(mut f: Fields<'_, '_, '_, '_>, ids: &mut impl Resolve, loc: Loc) -> Option<Grid> {
    let id = f.id("id", true);
    let name = f.string("name", true);
    let level = f.number("level", 1, 3).unwrap_or(3) as u8;
    let parent = f.id("parent", false).map(|s| ids.sym(s));
    let leader = f.id("leader", false).map(|s| ids.sym(s));
    f.finish(GRID_FIELDS);
    Some(Grid { id: ids.sym(id?), name: name.unwrap_or_default(), level, parent, leader, loc })
}

pub fn member(mut f: Fields<'_, '_, '_, '_>, ids: &mut impl Resolve, loc: Loc) -> Option<Member> {
    let id = f.id("id", true);
    let name = f.string("name", true);
    let kind = f.labelled::<MemberKind>("kind", true);
    let branch = f.string("branch", false);
    let grid = f.id("grid", false).map(|s| ids.sym(s));
    let phone = f.string("phone", false);
    let unit = f.string("unit", false);
    let registered = f.date("registered", false);
    let status = f.labelled::<MemberStatus>("status", false).unwrap_or(MemberStatus::Active);
    let roles = owned(f.list("roles", false));
    f.finish(MEMBER_FIELDS);
    Some(Member {
        id: ids.sym(id?),
        name: name.unwrap_or_default(),
        kind,
        branch,
        grid,
        phone,
        unit,
        registered,
        status,
        roles,
        loc,
    })
}

pub fn household(mut f: Fields<'_, '_, '_, '_>, ids: &mut impl Resolve, loc: Loc) -> Option<Household> {
    let id = f.id("id", true);
    let address = f.string("address", true);
    let grid = f.id("grid", true).map(|s| ids.sym(s));
    let head = f.string("head", true);
    let phone = f.string("phone", false);
    let size = f.number("size", 1, 100);
    let color = f.labelled::<Color>("color", false).unwrap_or(Color::Green);
    let tags = f.labelled_list("tags");
    let contacts = contacts(&mut f, ids);
    f.finish(HOUSEHOLD_FIELDS);
    Some(Household {
        id: ids.sym(id?),
        address: address.unwrap_or_default().into(),
        grid,
        head: head.unwrap_or_default().into(),
        phone: phone.map(Into::into),
        size,
        color,
        tags: tags.into(),
        contacts: contacts.into(),
        loc,
    })
}

/// `contacts` is required as a field, but an empty list is allowed here and reported by the
/// `no-contacts` check, which says what to do about it.
fn contacts(f: &mut Fields<'_, '_, '_, '_>, ids: &mut impl Resolve) -> Vec<Sym> {
    let present = f.has_field("contacts");
    let list = f.ids("contacts", !present);
    syms(ids, list)
}

pub fn visit(mut f: Fields<'_, '_, '_, '_>, ids: &mut impl Resolve, loc: Loc) -> Option<Visit> {
    let id = f.id("id", false);
    let date = f.date("date", true);
    let member = f.id("member", true);
    let household = f.id("household", true);
    let method = f.labelled("method", true);
    let summary = f.text("summary", true);
    let topics = f.list("topics", false).unwrap_or_default();
    let with = f.ids("with", false).unwrap_or_default();
    let issues = f.ids("issues", false).unwrap_or_default();
    f.finish(VISIT_FIELDS);
    let (date, member, household, method) = (date?, member?, household?, method?);
    let summary = summary.unwrap_or_default();
    let fingerprint = visit_fingerprint(id, date, member, household, method, summary, &topics, &with, &issues);
    Some(Visit {
        id: id.map(|s| ids.sym(s)),
        date,
        member: ids.sym(member),
        household: ids.sym(household),
        method,
        text: Some(Box::new(VisitText {
            summary: summary.into(),
            topics: topics.into_iter().map(Into::into).collect(),
        })),
        refs: VisitRefs::new(
            with.into_iter().map(|s| ids.sym(s)).collect(),
            issues.into_iter().map(|s| ids.sym(s)).collect(),
        ),
        fingerprint,
        loc,
    })
}

/// The hash of a visit row's normalised content that finds exact duplicates. Every reader (the
/// general one above and the CSV fast path) must hash through here, so equal rows hash equal.
#[allow(clippy::too_many_arguments)]
pub fn visit_fingerprint(
    id: Option<&str>,
    date: NaiveDate,
    member: &str,
    household: &str,
    method: VisitMethod,
    summary: &str,
    topics: &[&str],
    with: &[&str],
    issues: &[&str],
) -> u64 {
    let mut h = DefaultHasher::new();
    (id, date, member, household, method, summary, topics, with, issues).hash(&mut h);
    h.finish()
}

pub fn issue(mut f: Fields<'_, '_, '_, '_>, ids: &mut impl Resolve, loc: Loc, settings: &Settings) -> Option<Issue> {
    let id = f.id("id", true);
    let title = f.string("title", true);
    let received = f.date("received", true);
    let category = category(&mut f, settings);
    let urgency = f.labelled("urgency", false).unwrap_or(Urgency::Normal);
    let source = f.labelled("source", false);
    let grid = f.id("grid", false).map(|s| ids.sym(s));
    let household = f.id("household", false).map(|s| ids.sym(s));
    let recorded_by = f.id("recorded_by", false).map(|s| ids.sym(s));
    let description = f.string("description", false);
    let events = match f.records("events") {
        Some(recs) => recs.iter().filter_map(|r| event(r, &mut f)).collect(),
        None => Vec::new(),
    };
    f.finish(ISSUE_FIELDS);
    Some(Issue {
        id: ids.sym(id?),
        title: title.unwrap_or_default(),
        received: received?,
        category,
        urgency,
        source,
        grid,
        household,
        recorded_by,
        description,
        events,
        loc,
    })
}

fn category(f: &mut Fields<'_, '_, '_, '_>, settings: &Settings) -> Option<Category> {
    let text = f.text_with_field("category", true)?;
    if let Some(c) = IssueCategory::parse(text.0) {
        return Some(Category::Builtin(c));
    }
    if let Some(c) = settings.issue_categories.iter().find(|c| c.as_str() == text.0) {
        return Some(Category::Custom(c.clone()));
    }
    let mut allowed = IssueCategory::allowed();
    for c in &settings.issue_categories {
        allowed.push_str(", ");
        allowed.push_str(c);
    }
    f.invalid(
        text.1,
        format!("`category` value `{}` is not a valid issue category", shorten(text.0)),
        Some(format!("allowed: {allowed}; more can be added under issue_categories in gov.yaml")),
    );
    None
}

fn event(rec: &RawRecord<'_>, parent: &mut Fields<'_, '_, '_, '_>) -> Option<Event> {
    let mut f = Fields::new(rec, parent.sink(), false);
    let date = f.date("date", true);
    let action = f.labelled::<Action>("action", true);
    let by = f.string("by", false);
    let note = f.string("note", false);
    let departments = owned(f.list("departments", false));
    let department = f.string("department", false);
    let solved = f.boolean("solved");
    let satisfaction = f.labelled("satisfaction", false);
    f.finish(EVENT_FIELDS);
    Some(Event {
        date: date?,
        action: action?,
        by: by.map(Into::into),
        note: note.map(Into::into),
        departments: departments.into_iter().map(Into::into).collect(),
        department: department.map(Into::into),
        solved,
        satisfaction,
        line: rec.line,
    })
}
