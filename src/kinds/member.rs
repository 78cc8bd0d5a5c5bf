//! 党员: the community's party members (resident, in-service and mobile), kept in
//! `members.(csv|yaml)` or `members/`.

use chrono::NaiveDate;

use super::{Load, Record, Ref};
use crate::kinds::Kind;
use crate::load::cache::codec::{Dec, Decoded, Enc};
use crate::load::convert::{Resolve, owned};
use crate::load::fields::Fields;
use crate::model::labels::{MemberKind, MemberStatus, labelled};
use crate::model::{FileId, Loc, Settings, Sym};

labelled! {
    /// 报到方式: how an in-service member registered with the community (双报到).
    RegisteredMode, "registration mode" / "报到方式" {
        /// 线上报到.
        Online = "online", "线上", "online", ["线上报到", "网上报到"];
        /// 线下报到.
        Offline = "offline", "线下", "offline", ["线下报到", "现场报到"];
    }
}

/// 党员: a party member.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub id: Sym,
    pub name: String,
    /// `None` only when the file's value was invalid (already reported).
    pub kind: Option<MemberKind>,
    /// 支部: an org's id, or its name as free text.
    pub branch: Option<String>,
    pub grid: Option<Sym>,
    pub phone: Option<String>,
    /// 工作单位, for in-service members: an org's id, or its name as free text.
    pub unit: Option<String>,
    /// Date of registering with the community (双报到).
    pub registered: Option<NaiveDate>,
    pub status: MemberStatus,
    pub roles: Vec<String>,
    /// 承诺: an in-service member's pledge (亮身份、作承诺), free text.
    pub pledge: Option<String>,
    /// How they registered: online or offline.
    pub registered_mode: Option<RegisteredMode>,
    /// The grid they reported to (三级网格).
    pub registered_grid: Option<Sym>,
    pub loc: Loc,
}

impl Record for Member {
    const STEM: &'static str = "members";
    const NOUN: &'static str = "member";
    const HOME: &'static str = "members";
    const FIELDS: &'static [&'static str] = &[
        "id",
        "name",
        "kind",
        "branch",
        "grid",
        "phone",
        "unit",
        "registered",
        "status",
        "roles",
        "pledge",
        "registered_mode",
        "registered_grid",
    ];
    const REQUIRED: &'static [&'static str] = &["id", "name", "kind"];
    const ZH: &'static [(&'static str, &'static [&'static str])] = &[
        ("id", &["党员编号", "编号"]),
        ("name", &["姓名", "党员姓名"]),
        ("kind", &["党员类别", "党员类型", "类别"]),
        ("branch", &["所在支部", "支部", "所属支部"]),
        ("grid", &["网格", "所在网格", "所属网格"]),
        ("phone", &["联系电话", "电话", "手机", "手机号"]),
        ("unit", &["工作单位", "单位"]),
        ("registered", &["报到日期", "报到时间"]),
        ("status", &["状态"]),
        ("roles", &["职务", "岗位"]),
        ("pledge", &["承诺", "服务承诺", "承诺事项"]),
        ("registered_mode", &["报到方式"]),
        ("registered_grid", &["报到网格"]),
    ];
    const LOAD: Load = Load::Serial;
    const PHASE: u8 = 1;

    fn read(mut f: Fields<'_, '_, '_, '_>, ids: &mut impl Resolve, loc: Loc, _: &Settings) -> Option<Member> {
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
        let pledge = f.string("pledge", false);
        let registered_mode = f.labelled::<RegisteredMode>("registered_mode", false);
        let registered_grid = f.id("registered_grid", false).map(|s| ids.sym(s));
        f.finish(Self::FIELDS);
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
            pledge,
            registered_mode,
            registered_grid,
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
        // `branch` and `unit` are free text that may name an org: see check/orgs.rs.
        let Member { grid, registered_grid, .. } = self;
        if let Some(sym) = *grid {
            each(Ref { field: "grid", target: Kind::Grids, sym });
        }
        if let Some(sym) = *registered_grid {
            each(Ref { field: "registered_grid", target: Kind::Grids, sym });
        }
    }

    fn syms_mut(&mut self, each: &mut impl FnMut(&mut Sym)) {
        let Member {
            id,
            name: _,
            kind: _,
            branch: _,
            grid,
            phone: _,
            unit: _,
            registered: _,
            status: _,
            roles: _,
            pledge: _,
            registered_mode: _,
            registered_grid,
            loc: _,
        } = self;
        each(id);
        grid.iter_mut().chain(registered_grid).for_each(each);
    }

    fn encode(&self, e: &mut Enc) {
        e.sym(self.id);
        e.str(&self.name);
        e.opt_label(self.kind);
        e.opt_str(self.branch.as_deref());
        e.opt_sym(self.grid);
        e.opt_str(self.phone.as_deref());
        e.opt_str(self.unit.as_deref());
        e.opt_date(self.registered);
        e.label(self.status);
        e.strs(&self.roles);
        e.opt_str(self.pledge.as_deref());
        e.opt_label(self.registered_mode);
        e.opt_sym(self.registered_grid);
        e.u32(self.loc.line);
    }

    fn decode(d: &mut Dec<'_>, file: FileId) -> Decoded<Member> {
        Ok(Member {
            id: d.sym()?,
            name: d.string()?,
            kind: d.opt_label()?,
            branch: d.opt_string()?,
            grid: d.opt_sym()?,
            phone: d.opt_string()?,
            unit: d.opt_string()?,
            registered: d.opt_date()?,
            status: d.label()?,
            roles: d.strings()?,
            pledge: d.opt_string()?,
            registered_mode: d.opt_label()?,
            registered_grid: d.opt_sym()?,
            loc: d.loc(file)?,
        })
    }
}
