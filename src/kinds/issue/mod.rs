//! 群众诉求: problems raised by residents, one per file in `issues/YYYY/I-….yaml`, each with its
//! append-only history of events (dispatched, whistle and report, resolved, follow-up…). Its
//! status is derived from the events, never stored.

use chrono::NaiveDate;

use super::{Load, Record, Ref};
use crate::finding::shorten;
use crate::kinds::Kind;
use crate::load::cache::codec::{Corrupt, Dec, Decoded, Enc};
use crate::load::convert::{Resolve, owned};
use crate::load::fields::Fields;
use crate::load::raw::RawRecord;
use crate::model::labels::{Action, IssueCategory, IssueSource, Labelled, Satisfaction, Urgency};
use crate::model::{FileId, Loc, Settings, Sym};

mod status;
pub use status::IssueStatus;

/// A problem category: built in, or one added in gov.yaml.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Category {
    Builtin(IssueCategory),
    Custom(String),
}

/// 群众诉求: a problem raised by residents, with its append-only event history.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub id: Sym,
    pub title: String,
    pub received: NaiveDate,
    pub category: Option<Category>,
    pub urgency: Urgency,
    pub source: Option<IssueSource>,
    pub grid: Option<Sym>,
    pub household: Option<Sym>,
    /// A member id.
    pub recorded_by: Option<Sym>,
    pub description: Option<String>,
    pub events: Vec<Event>,
    pub loc: Loc,
}

/// One step in an issue's life.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub date: NaiveDate,
    pub action: Action,
    pub by: Option<Box<str>>,
    pub note: Option<Box<str>>,
    /// Departments summoned by a whistle.
    pub departments: Box<[Box<str>]>,
    /// The department that reported.
    pub department: Option<Box<str>>,
    pub solved: Option<bool>,
    pub satisfaction: Option<Satisfaction>,
    pub line: u32,
}

/// The fields of one event in an issue's `events`.
pub const EVENT_FIELDS: &[&str] =
    &["date", "action", "by", "note", "departments", "department", "solved", "satisfaction"];

impl Record for Issue {
    const STEM: &'static str = "issues";
    const NOUN: &'static str = "issue";
    const HOME: &'static str = "issues/";
    const FIELDS: &'static [&'static str] = &[
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
    const REQUIRED: &'static [&'static str] = &["id", "title", "received", "category"];
    /// A CSV file of issues holds no events (a nested list).
    const COLUMNS: &'static [&'static str] = &[
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
    ];
    const ZH: &'static [(&'static str, &'static [&'static str])] = &[
        ("id", &["诉求编号", "编号"]),
        ("title", &["诉求标题", "标题", "诉求"]),
        ("received", &["受理日期", "受理时间", "日期"]),
        ("category", &["类别", "诉求类别", "问题类别"]),
        ("urgency", &["紧急程度", "缓急"]),
        ("source", &["来源", "诉求来源"]),
        ("grid", &["网格", "所在网格"]),
        ("household", &["诉求户", "户号", "住户"]),
        ("recorded_by", &["登记人", "受理人"]),
        ("description", &["诉求描述", "描述", "诉求内容", "具体情况"]),
    ];
    const LOAD: Load = Load::Parallel;
    const PHASE: u8 = 2;

    fn read(mut f: Fields<'_, '_, '_, '_>, ids: &mut impl Resolve, loc: Loc, settings: &Settings) -> Option<Issue> {
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
        f.finish(Self::FIELDS);
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

    fn loc(&self) -> Loc {
        self.loc
    }

    fn id(&self) -> Option<Sym> {
        Some(self.id)
    }

    fn refs(&self, each: &mut impl FnMut(Ref)) {
        // Departments named in events are checked against gov.yaml: see check/refs.rs.
        let Issue { grid, household, recorded_by, .. } = self;
        for (field, target, sym) in [
            ("grid", Kind::Grids, grid),
            ("household", Kind::Households, household),
            ("recorded_by", Kind::Members, recorded_by),
        ] {
            if let Some(sym) = *sym {
                each(Ref { field, target, sym });
            }
        }
    }

    fn syms_mut(&mut self, each: &mut impl FnMut(&mut Sym)) {
        let Issue {
            id,
            title: _,
            received: _,
            category: _,
            urgency: _,
            source: _,
            grid,
            household,
            recorded_by,
            description: _,
            events: _,
            loc: _,
        } = self;
        each(id);
        grid.iter_mut().chain(household).chain(recorded_by).for_each(each);
    }

    fn encode(&self, e: &mut Enc) {
        e.sym(self.id);
        e.str(&self.title);
        e.date(self.received);
        match &self.category {
            None => e.u8(0),
            Some(Category::Builtin(c)) => {
                e.u8(1);
                e.label(*c);
            }
            Some(Category::Custom(c)) => {
                e.u8(2);
                e.str(c);
            }
        }
        e.label(self.urgency);
        e.opt_label(self.source);
        e.opt_sym(self.grid);
        e.opt_sym(self.household);
        e.opt_sym(self.recorded_by);
        e.opt_str(self.description.as_deref());
        e.len(self.events.len());
        for ev in &self.events {
            e.date(ev.date);
            e.label(ev.action);
            e.opt_str(ev.by.as_deref());
            e.opt_str(ev.note.as_deref());
            e.strs(&ev.departments);
            e.opt_str(ev.department.as_deref());
            e.u8(match ev.solved {
                None => 2,
                Some(b) => u8::from(b),
            });
            e.opt_label(ev.satisfaction);
            e.u32(ev.line);
        }
        e.u32(self.loc.line);
    }

    fn decode(d: &mut Dec<'_>, file: FileId) -> Decoded<Issue> {
        Ok(Issue {
            id: d.sym()?,
            title: d.string()?,
            received: d.date()?,
            category: match d.u8()? {
                0 => None,
                1 => Some(Category::Builtin(d.label()?)),
                2 => Some(Category::Custom(d.string()?)),
                _ => return Err(Corrupt),
            },
            urgency: d.label()?,
            source: d.opt_label()?,
            grid: d.opt_sym()?,
            household: d.opt_sym()?,
            recorded_by: d.opt_sym()?,
            description: d.opt_string()?,
            events: {
                let n = d.len(8)?;
                (0..n).map(|_| read_event(d)).collect::<Decoded<_>>()?
            },
            loc: d.loc(file)?,
        })
    }
}

fn read_event(d: &mut Dec<'_>) -> Decoded<Event> {
    Ok(Event {
        date: d.date()?,
        action: d.label()?,
        by: d.opt_boxed()?,
        note: d.opt_boxed()?,
        departments: d.boxed_strs()?,
        department: d.opt_boxed()?,
        solved: match d.u8()? {
            0 => Some(false),
            1 => Some(true),
            2 => None,
            _ => return Err(Corrupt),
        },
        satisfaction: d.opt_label()?,
        line: d.u32()?,
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
    f.invalid(
        text.1,
        crate::text::findings::not_a_category(&shorten(text.0)),
        Some(crate::text::findings::category_hint::<IssueCategory>(&settings.issue_categories)),
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
