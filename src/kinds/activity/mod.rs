//! 活动与服务: what in-service members (双报到), volunteers, partner branches (支部联建) and mass
//! organisations do for the community, kept by month in `activities/YYYY-MM.(csv|yaml)`. YAML
//! holds the nested lists as mappings (`{member: M1, hours: 3}`, `{item: 棉被, quantity: 7}`,
//! `{type: 困难妇女, count: 4}`); CSV, and YAML too, as `;` lists of `key:number` (`M1:3;M2`).

use chrono::NaiveDate;

use super::{Load, Record, Ref};
use crate::finding::shorten;
use crate::kinds::Kind;
use crate::load::cache::codec::{Corrupt, Dec, Decoded, Enc};
use crate::load::convert::{Resolve, syms};
use crate::load::fields::Fields;
use crate::model::labels::{Labelled, labelled};
use crate::model::{FileId, Loc, Settings, Sym};

mod parts;
pub use parts::{Aid, Beneficiaries, Participant};

labelled! {
    /// 活动类别: what kind of activity.
    ActivityKind, "activity kind" / "活动类别" {
        /// 双报到服务: in-service members serving where they registered.
        DualReport = "dual_report", "双报到服务", "dual-report service", ["双报到"];
        /// 志愿服务.
        Volunteer = "volunteer", "志愿服务", "volunteer service";
        /// 联建活动: with a partner unit's branch (支部联建).
        Partner = "partner", "联建活动", "partner activity", ["支部联建", "共建活动"];
        /// 疫情防控: 卡点值守, 核酸检测, 物资保供.
        Epidemic = "epidemic", "疫情防控", "epidemic control", ["卡点值守", "核酸检测", "物资保供"];
        /// 政策宣传: 防诈骗, 人居环境.
        Publicity = "publicity", "政策宣传", "publicity", ["宣传"];
        /// 帮扶慰问.
        Aid = "aid", "帮扶慰问", "aid", ["帮扶", "慰问"];
        /// 关爱服务: 爱心驿站.
        Care = "care", "关爱服务", "care service", ["爱心驿站"];
        Other = "other", "其他", "other";
    }
}

/// An activity's kind: built in, or one added under `activity_kinds` in gov.yaml.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActivityType {
    Builtin(ActivityKind),
    Custom(String),
}

impl ActivityType {
    /// Its name in `lang` (a custom kind is its own name in both).
    pub fn label(&self, lang: crate::text::Lang) -> &str {
        match self {
            ActivityType::Builtin(k) => k.label(lang),
            ActivityType::Custom(c) => c,
        }
    }
}

/// 活动与服务: one activity or service, and who took part.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub id: Sym,
    pub date: NaiveDate,
    /// `None` only when the file's value was invalid (already reported).
    pub kind: Option<ActivityType>,
    pub title: String,
    /// The organiser first, then its partners.
    pub orgs: Box<[Sym]>,
    pub grid: Option<Sym>,
    pub place: Option<String>,
    /// Members who took part, each with their hours when given.
    pub members: Vec<Participant>,
    /// Hours of each participant who has none of their own.
    pub hours: Option<f64>,
    /// Volunteers (roster ids) who took part, with hours as members.
    pub volunteers: Vec<Participant>,
    /// Participants on no roster.
    pub others: Option<u32>,
    /// Households served.
    pub households: Box<[Sym]>,
    pub beneficiaries: Vec<Beneficiaries>,
    /// Aid handed out.
    pub items: Vec<Aid>,
    /// Problems (issue ids) the activity solved.
    pub issues: Box<[Sym]>,
    pub note: Option<String>,
    pub loc: Loc,
}

impl Activity {
    /// The hours `p` served on this activity: their own, else the activity's, else none.
    pub fn hours_of(&self, p: &Participant) -> f64 {
        p.hours.or(self.hours).unwrap_or(0.0)
    }

    /// Every participant on a roster, members first.
    pub fn participants(&self) -> impl Iterator<Item = &Participant> {
        self.members.iter().chain(&self.volunteers)
    }

    /// Hours served by everyone on a roster.
    pub fn total_hours(&self) -> f64 {
        self.participants().map(|p| self.hours_of(p)).sum()
    }

    /// People given aid: the beneficiaries' counts.
    pub fn persons_reached(&self) -> u32 {
        self.beneficiaries.iter().filter_map(|b| b.count).sum()
    }
}

impl Record for Activity {
    const STEM: &'static str = "activities";
    const NOUN: &'static str = "activity";
    const HOME: &'static str = "activities/";
    const FIELDS: &'static [&'static str] = &[
        "id",
        "date",
        "kind",
        "title",
        "orgs",
        "grid",
        "place",
        "members",
        "hours",
        "volunteers",
        "others",
        "households",
        "beneficiaries",
        "items",
        "issues",
        "note",
    ];
    const REQUIRED: &'static [&'static str] = &["id", "date", "kind", "title"];
    const ZH: &'static [(&'static str, &'static [&'static str])] = &[
        ("id", &["活动编号", "编号"]),
        ("date", &["活动日期", "日期", "时间"]),
        ("kind", &["活动类别", "类别", "类型"]),
        ("title", &["活动名称", "名称", "活动内容", "主题"]),
        ("orgs", &["组织单位", "主办单位", "参与组织"]),
        ("grid", &["网格", "服务网格"]),
        ("place", &["地点", "活动地点"]),
        ("members", &["参与党员", "党员"]),
        ("hours", &["服务时长", "时长"]),
        ("volunteers", &["参与志愿者", "志愿者"]),
        ("others", &["其他参与人数", "其他人数"]),
        ("households", &["服务住户", "服务户", "住户"]),
        ("beneficiaries", &["受益对象", "帮扶对象"]),
        ("items", &["发放物品", "物品", "慰问物资"]),
        ("issues", &["解决问题", "问题编号", "诉求编号"]),
        ("note", &["备注"]),
    ];
    const LOAD: Load = Load::Parallel;
    const PHASE: u8 = 3;

    fn read(mut f: Fields<'_, '_, '_, '_>, ids: &mut impl Resolve, loc: Loc, settings: &Settings) -> Option<Activity> {
        let id = f.id("id", true);
        let date = f.date("date", true);
        let kind = kind(&mut f, settings);
        let title = f.string("title", true);
        let orgs = syms(ids, f.ids("orgs", false));
        let grid = f.id("grid", false).map(|s| ids.sym(s));
        let place = f.string("place", false);
        let members = parts::participants(&mut f, "members", "member", ids);
        let hours = parts::hours(&mut f, "hours");
        let volunteers = parts::participants(&mut f, "volunteers", "volunteer", ids);
        let others = f.number("others", 0, 1_000_000);
        let households = syms(ids, f.ids("households", false));
        let beneficiaries = parts::beneficiaries(&mut f);
        let items = parts::items(&mut f);
        let issues = syms(ids, f.ids("issues", false));
        let note = f.string("note", false);
        f.finish(Self::FIELDS);
        Some(Activity {
            id: ids.sym(id?),
            date: date?,
            kind,
            title: title.unwrap_or_default(),
            orgs: orgs.into(),
            grid,
            place,
            members,
            hours,
            volunteers,
            others,
            households: households.into(),
            beneficiaries,
            items,
            issues: issues.into(),
            note,
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
        let Activity { orgs, grid, members, volunteers, households, issues, .. } = self;
        for &sym in orgs.iter() {
            each(Ref { field: "orgs", target: Kind::Orgs, sym });
        }
        if let Some(sym) = *grid {
            each(Ref { field: "grid", target: Kind::Grids, sym });
        }
        for p in members {
            each(Ref { field: "members", target: Kind::Members, sym: p.id });
        }
        for p in volunteers {
            each(Ref { field: "volunteers", target: Kind::Volunteers, sym: p.id });
        }
        for &sym in households.iter() {
            each(Ref { field: "households", target: Kind::Households, sym });
        }
        for &sym in issues.iter() {
            each(Ref { field: "issues", target: Kind::Issues, sym });
        }
    }

    fn syms_mut(&mut self, each: &mut impl FnMut(&mut Sym)) {
        let Activity {
            id,
            date: _,
            kind: _,
            title: _,
            orgs,
            grid,
            place: _,
            members,
            hours: _,
            volunteers,
            others: _,
            households,
            beneficiaries: _,
            items: _,
            issues,
            note: _,
            loc: _,
        } = self;
        each(id);
        orgs.iter_mut()
            .chain(grid)
            .chain(members.iter_mut().map(|p| &mut p.id))
            .chain(volunteers.iter_mut().map(|p| &mut p.id))
            .chain(households.iter_mut())
            .chain(issues.iter_mut())
            .for_each(each);
    }

    fn encode(&self, e: &mut Enc) {
        e.sym(self.id);
        e.date(self.date);
        match &self.kind {
            None => e.u8(0),
            Some(ActivityType::Builtin(k)) => {
                e.u8(1);
                e.label(*k);
            }
            Some(ActivityType::Custom(c)) => {
                e.u8(2);
                e.str(c);
            }
        }
        e.str(&self.title);
        e.syms(&self.orgs);
        e.opt_sym(self.grid);
        e.opt_str(self.place.as_deref());
        parts::encode_participants(e, &self.members);
        parts::encode_hours(e, self.hours);
        parts::encode_participants(e, &self.volunteers);
        e.opt_u32(self.others);
        e.syms(&self.households);
        e.len(self.beneficiaries.len());
        for b in &self.beneficiaries {
            e.str(&b.kind);
            e.opt_u32(b.count);
            e.u32(b.line);
        }
        e.len(self.items.len());
        for i in &self.items {
            e.str(&i.item);
            e.opt_u32(i.quantity);
            e.u32(i.line);
        }
        e.syms(&self.issues);
        e.opt_str(self.note.as_deref());
        e.u32(self.loc.line);
    }

    fn decode(d: &mut Dec<'_>, file: FileId) -> Decoded<Activity> {
        Ok(Activity {
            id: d.sym()?,
            date: d.date()?,
            kind: match d.u8()? {
                0 => None,
                1 => Some(ActivityType::Builtin(d.label()?)),
                2 => Some(ActivityType::Custom(d.string()?)),
                _ => return Err(Corrupt),
            },
            title: d.string()?,
            orgs: d.syms()?.into(),
            grid: d.opt_sym()?,
            place: d.opt_string()?,
            members: parts::decode_participants(d)?,
            hours: parts::decode_hours(d)?,
            volunteers: parts::decode_participants(d)?,
            others: d.opt_u32()?,
            households: d.syms()?.into(),
            beneficiaries: {
                let n = d.len(6)?;
                (0..n)
                    .map(|_| Ok(Beneficiaries { kind: d.string()?, count: d.opt_u32()?, line: d.u32()? }))
                    .collect::<Decoded<_>>()?
            },
            items: {
                let n = d.len(6)?;
                (0..n)
                    .map(|_| Ok(Aid { item: d.string()?, quantity: d.opt_u32()?, line: d.u32()? }))
                    .collect::<Decoded<_>>()?
            },
            issues: d.syms()?.into(),
            note: d.opt_string()?,
            loc: d.loc(file)?,
        })
    }
}

fn kind(f: &mut Fields<'_, '_, '_, '_>, settings: &Settings) -> Option<ActivityType> {
    let text = f.text_with_field("kind", true)?;
    if let Some(k) = ActivityKind::parse(text.0) {
        return Some(ActivityType::Builtin(k));
    }
    if let Some(c) = settings.activity_kinds.iter().find(|c| c.as_str() == text.0) {
        return Some(ActivityType::Custom(c.clone()));
    }
    f.invalid(
        text.1,
        crate::text::findings::not_an_activity_kind(&shorten(text.0)),
        Some(crate::text::findings::activity_kind_hint::<ActivityKind>(&settings.activity_kinds)),
    );
    None
}
