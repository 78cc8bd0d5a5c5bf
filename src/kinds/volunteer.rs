//! 志愿者: the community's volunteer roster — youth league members (团员青年), residents,
//! Party members and others who serve in its activities — kept in `volunteers.(csv|yaml)` or
//! `volunteers/`.

use chrono::NaiveDate;

use super::{Load, Record, Ref};
use crate::kinds::Kind;
use crate::load::cache::codec::{Dec, Decoded, Enc};
use crate::load::convert::{Resolve, owned};
use crate::load::fields::Fields;
use crate::model::labels::labelled;
use crate::model::{FileId, Loc, Settings, Sym};

labelled! {
    /// 志愿者类别: who a volunteer is.
    VolunteerKind, "volunteer kind" / "志愿者类别" {
        /// 团员青年: mobilised by the youth league (团委).
        Youth = "youth", "团员青年", "youth", ["青年", "团员", "青年志愿者"];
        /// 居民: a resident.
        Resident = "resident", "居民", "resident", ["居民志愿者"];
        /// 党员: a Party member serving as a volunteer.
        Member = "member", "党员", "Party member", ["党员志愿者"];
        Other = "other", "其他", "other";
    }
}

labelled! {
    /// 志愿者状态: on the roster or no longer serving.
    VolunteerStatus, "volunteer status" / "志愿者状态" {
        Active = "active", "在册", "active", ["正常"];
        Left = "left", "已退出", "left", ["退出"];
    }
}

/// 志愿者: one volunteer on the roster.
#[derive(Debug, Clone, PartialEq)]
pub struct Volunteer {
    pub id: Sym,
    pub name: String,
    pub kind: Option<VolunteerKind>,
    /// The org that mobilised them (团委, 妇联, a volunteer team).
    pub org: Option<Sym>,
    pub grid: Option<Sym>,
    pub phone: Option<String>,
    pub registered: Option<NaiveDate>,
    pub status: VolunteerStatus,
    pub skills: Vec<String>,
    pub loc: Loc,
}

impl Record for Volunteer {
    const STEM: &'static str = "volunteers";
    const NOUN: &'static str = "volunteer";
    const HOME: &'static str = "volunteers";
    const FIELDS: &'static [&'static str] =
        &["id", "name", "kind", "org", "grid", "phone", "registered", "status", "skills"];
    const REQUIRED: &'static [&'static str] = &["id", "name"];
    const ZH: &'static [(&'static str, &'static [&'static str])] = &[
        ("id", &["志愿者编号", "编号"]),
        ("name", &["姓名", "志愿者姓名"]),
        ("kind", &["志愿者类别", "类别"]),
        ("org", &["所属组织", "组织"]),
        ("grid", &["网格", "所在网格"]),
        ("phone", &["联系电话", "电话", "手机"]),
        ("registered", &["注册日期", "登记日期"]),
        ("status", &["状态"]),
        ("skills", &["特长", "服务特长"]),
    ];
    const LOAD: Load = Load::Serial;
    const PHASE: u8 = 1;

    fn read(mut f: Fields<'_, '_, '_, '_>, ids: &mut impl Resolve, loc: Loc, _: &Settings) -> Option<Volunteer> {
        let id = f.id("id", true);
        let name = f.string("name", true);
        let kind = f.labelled::<VolunteerKind>("kind", false);
        let org = f.id("org", false).map(|s| ids.sym(s));
        let grid = f.id("grid", false).map(|s| ids.sym(s));
        let phone = f.string("phone", false);
        let registered = f.date("registered", false);
        let status = f.labelled::<VolunteerStatus>("status", false).unwrap_or(VolunteerStatus::Active);
        let skills = owned(f.list("skills", false));
        f.finish(Self::FIELDS);
        Some(Volunteer {
            id: ids.sym(id?),
            name: name.unwrap_or_default(),
            kind,
            org,
            grid,
            phone,
            registered,
            status,
            skills,
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
        let Volunteer { org, grid, .. } = self;
        if let Some(sym) = *org {
            each(Ref { field: "org", target: Kind::Orgs, sym });
        }
        if let Some(sym) = *grid {
            each(Ref { field: "grid", target: Kind::Grids, sym });
        }
    }

    fn syms_mut(&mut self, each: &mut impl FnMut(&mut Sym)) {
        let Volunteer { id, name: _, kind: _, org, grid, phone: _, registered: _, status: _, skills: _, loc: _ } = self;
        each(id);
        org.iter_mut().chain(grid).for_each(each);
    }

    fn encode(&self, e: &mut Enc) {
        e.sym(self.id);
        e.str(&self.name);
        e.opt_label(self.kind);
        e.opt_sym(self.org);
        e.opt_sym(self.grid);
        e.opt_str(self.phone.as_deref());
        e.opt_date(self.registered);
        e.label(self.status);
        e.strs(&self.skills);
        e.u32(self.loc.line);
    }

    fn decode(d: &mut Dec<'_>, file: FileId) -> Decoded<Volunteer> {
        Ok(Volunteer {
            id: d.sym()?,
            name: d.string()?,
            kind: d.opt_label()?,
            org: d.opt_sym()?,
            grid: d.opt_sym()?,
            phone: d.opt_string()?,
            registered: d.opt_date()?,
            status: d.label()?,
            skills: d.strings()?,
            loc: d.loc(file)?,
        })
    }
}
