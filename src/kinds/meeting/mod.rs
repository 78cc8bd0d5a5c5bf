//! 会议与议事: meetings — 协商议事, 红色物业 and 党建 joint meetings, owners' and residents'
//! meetings — one per file in `meetings/YYYY/M-….yaml`, kept as issues are. Each holds its
//! decisions, and each decision its append-only events; a decision's status is derived from its
//! events, never stored.

use chrono::NaiveDate;

use super::{Load, Record, Ref};
use crate::finding::shorten;
use crate::kinds::Kind;
use crate::load::cache::codec::{Corrupt, Dec, Decoded, Enc};
use crate::load::convert::{Resolve, owned, syms};
use crate::load::fields::Fields;
use crate::model::labels::{Labelled, labelled};
use crate::model::{FileId, Loc, Settings, Sym};

pub mod decision;
pub use decision::{Decision, DecisionAction, DecisionEvent, DecisionStatus, Owner};

labelled! {
    /// 会议类别: what kind of meeting.
    MeetingKind, "meeting kind" / "会议类别" {
        /// 协商议事 ("有事好商量"): residents, members and those concerned settle a matter on site.
        Consultation = "consultation", "协商议事", "consultation", ["协商议事会", "有事好商量", "议事协商"];
        /// 红色物业联席会议: the Party branch, the property company and residents.
        PropertyJoint = "property_joint", "红色物业联席会议", "red-property joint meeting", ["红色物业", "物业联席会议"];
        /// 党建联席会议: the community and the departments a whistle summoned.
        PartyJoint = "party_joint", "党建联席会议", "Party-building joint meeting", ["联席会议", "吹哨联席会议"];
        /// 业主大会.
        Owners = "owners", "业主大会", "owners' assembly";
        /// 居民会议.
        Residents = "residents", "居民会议", "residents' meeting", ["居民代表会议"];
        Other = "other", "其他", "other";
    }
}

/// A meeting kind: built in, or one added in gov.yaml (`meeting_kinds`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MeetingType {
    Builtin(MeetingKind),
    Custom(String),
}

impl MeetingType {
    /// As a file writes it: the code, or the custom kind's own name.
    pub fn code(&self) -> &str {
        match self {
            MeetingType::Builtin(k) => k.code(),
            MeetingType::Custom(s) => s,
        }
    }
}

/// Who attended: members and orgs by id, departments by their gov.yaml name, and how many
/// residents.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Attendees {
    pub members: Box<[Sym]>,
    pub orgs: Box<[Sym]>,
    pub departments: Box<[Box<str>]>,
    pub residents: Option<u32>,
}

impl Attendees {
    /// People present: the members named and the residents counted.
    pub fn people(&self) -> usize {
        self.members.len() + self.residents.unwrap_or(0) as usize
    }
}

/// 会议: one meeting and what it decided.
#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    pub id: Sym,
    pub date: NaiveDate,
    /// `None` only when the file's value was invalid (already reported).
    pub kind: Option<MeetingType>,
    pub topic: String,
    pub place: Option<String>,
    /// The org that convened it.
    pub convened_by: Option<Sym>,
    /// A member id.
    pub chair: Option<Sym>,
    pub attendees: Attendees,
    /// The problems discussed (issue ids).
    pub issues: Box<[Sym]>,
    pub minutes: Option<String>,
    pub decisions: Vec<Decision>,
    pub loc: Loc,
}

/// The fields of a meeting's `attendees`.
pub const ATTENDEE_FIELDS: &[&str] = &["members", "orgs", "departments", "residents"];

impl Record for Meeting {
    const STEM: &'static str = "meetings";
    const NOUN: &'static str = "meeting";
    const HOME: &'static str = "meetings/";
    const FIELDS: &'static [&'static str] = &[
        "id",
        "date",
        "kind",
        "topic",
        "place",
        "convened_by",
        "chair",
        "attendees",
        "issues",
        "minutes",
        "decisions",
    ];
    const REQUIRED: &'static [&'static str] = &["id", "date", "kind", "topic"];
    /// A CSV file of meetings holds neither attendees nor decisions (nested).
    const COLUMNS: &'static [&'static str] =
        &["id", "date", "kind", "topic", "place", "convened_by", "chair", "issues", "minutes"];
    const ZH: &'static [(&'static str, &'static [&'static str])] = &[
        ("id", &["会议编号", "编号"]),
        ("date", &["会议日期", "日期", "时间"]),
        ("kind", &["会议类别", "类别", "会议类型"]),
        ("topic", &["议题", "会议议题", "主题"]),
        ("place", &["地点", "会议地点"]),
        ("convened_by", &["召集单位", "召集组织"]),
        ("chair", &["主持人"]),
        ("issues", &["涉及诉求", "诉求"]),
        ("minutes", &["会议纪要", "纪要", "记录"]),
    ];
    const LOAD: Load = Load::Parallel;
    const PHASE: u8 = 2;

    fn read(mut f: Fields<'_, '_, '_, '_>, ids: &mut impl Resolve, loc: Loc, settings: &Settings) -> Option<Meeting> {
        let id = f.id("id", true);
        let date = f.date("date", true);
        let kind = kind(&mut f, settings);
        let topic = f.string("topic", true);
        let place = f.string("place", false);
        let convened_by = f.id("convened_by", false).map(|s| ids.sym(s));
        let chair = f.id("chair", false).map(|s| ids.sym(s));
        let mut attendees = Attendees::default();
        if f.has_field("attendees")
            && let Some(map) = f.map("attendees")
        {
            let mut m = Fields::new(map, f.sink(), false);
            attendees = Attendees {
                members: syms(ids, m.ids("members", false)).into(),
                orgs: syms(ids, m.ids("orgs", false)).into(),
                departments: owned(m.list("departments", false)).into_iter().map(Into::into).collect(),
                residents: m.number("residents", 0, 1_000_000),
            };
            m.finish(ATTENDEE_FIELDS);
        }
        let issues = syms(ids, f.ids("issues", false));
        let minutes = f.string("minutes", false);
        let decisions = match f.records("decisions") {
            Some(recs) => recs
                .iter()
                .enumerate()
                .filter_map(|(n, r)| decision::read(r, n, &mut f, &settings.departments, ids))
                .collect(),
            None => Vec::new(),
        };
        f.finish(Self::FIELDS);
        Some(Meeting {
            id: ids.sym(id?),
            date: date?,
            kind,
            topic: topic.unwrap_or_default(),
            place,
            convened_by,
            chair,
            attendees,
            issues: issues.into(),
            minutes,
            decisions,
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
        // Departments, and decisions' owners (an org, a member or a department), are checked in
        // check/meetings.rs.
        let Meeting { convened_by, chair, attendees, issues, .. } = self;
        if let Some(sym) = *convened_by {
            each(Ref { field: "convened_by", target: Kind::Orgs, sym });
        }
        if let Some(sym) = *chair {
            each(Ref { field: "chair", target: Kind::Members, sym });
        }
        for &sym in &attendees.members {
            each(Ref { field: "members", target: Kind::Members, sym });
        }
        for &sym in &attendees.orgs {
            each(Ref { field: "orgs", target: Kind::Orgs, sym });
        }
        for &sym in issues {
            each(Ref { field: "issues", target: Kind::Issues, sym });
        }
    }

    fn syms_mut(&mut self, each: &mut impl FnMut(&mut Sym)) {
        let Meeting {
            id,
            date: _,
            kind: _,
            topic: _,
            place: _,
            convened_by,
            chair,
            attendees: Attendees { members, orgs, departments: _, residents: _ },
            issues,
            minutes: _,
            decisions,
            loc: _,
        } = self;
        each(id);
        convened_by.iter_mut().chain(chair).chain(members.iter_mut()).chain(orgs.iter_mut()).for_each(&mut *each);
        issues.iter_mut().for_each(&mut *each);
        for d in decisions {
            if let Some(Owner::Id(s)) = &mut d.owner {
                each(s);
            }
        }
    }

    fn encode(&self, e: &mut Enc) {
        e.sym(self.id);
        e.date(self.date);
        match &self.kind {
            None => e.u8(0),
            Some(MeetingType::Builtin(k)) => {
                e.u8(1);
                e.label(*k);
            }
            Some(MeetingType::Custom(k)) => {
                e.u8(2);
                e.str(k);
            }
        }
        e.str(&self.topic);
        e.opt_str(self.place.as_deref());
        e.opt_sym(self.convened_by);
        e.opt_sym(self.chair);
        e.syms(&self.attendees.members);
        e.syms(&self.attendees.orgs);
        e.strs(&self.attendees.departments);
        e.opt_u32(self.attendees.residents);
        e.syms(&self.issues);
        e.opt_str(self.minutes.as_deref());
        e.len(self.decisions.len());
        for d in &self.decisions {
            decision::encode(d, e);
        }
        e.u32(self.loc.line);
    }

    fn decode(d: &mut Dec<'_>, file: FileId) -> Decoded<Meeting> {
        Ok(Meeting {
            id: d.sym()?,
            date: d.date()?,
            kind: match d.u8()? {
                0 => None,
                1 => Some(MeetingType::Builtin(d.label()?)),
                2 => Some(MeetingType::Custom(d.string()?)),
                _ => return Err(Corrupt),
            },
            topic: d.string()?,
            place: d.opt_string()?,
            convened_by: d.opt_sym()?,
            chair: d.opt_sym()?,
            attendees: Attendees {
                members: d.syms()?.into(),
                orgs: d.syms()?.into(),
                departments: d.boxed_strs()?,
                residents: d.opt_u32()?,
            },
            issues: d.syms()?.into(),
            minutes: d.opt_string()?,
            decisions: {
                let n = d.len(12)?;
                (0..n).map(|_| decision::decode(d)).collect::<Decoded<_>>()?
            },
            loc: d.loc(file)?,
        })
    }
}

fn kind(f: &mut Fields<'_, '_, '_, '_>, settings: &Settings) -> Option<MeetingType> {
    let text = f.text_with_field("kind", true)?;
    if let Some(k) = MeetingKind::parse(text.0) {
        return Some(MeetingType::Builtin(k));
    }
    if let Some(k) = settings.meeting_kinds.iter().find(|k| k.as_str() == text.0.trim()) {
        return Some(MeetingType::Custom(k.clone()));
    }
    f.invalid(
        text.1,
        crate::text::findings::not_a_meeting_kind(&shorten(text.0)),
        Some(crate::text::findings::meeting_kind_hint(&settings.meeting_kinds)),
    );
    None
}

impl Meeting {
    /// The decision numbered `no`.
    pub fn decision(&self, no: u32) -> Option<&Decision> {
        self.decisions.iter().find(|d| d.no == no)
    }
}
