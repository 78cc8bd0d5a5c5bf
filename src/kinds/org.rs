//! 组织: the community's organisations — its Party committee and branches, in-service members'
//! employers (双报到单位), partner units (支部联建), departments, property companies, owners'
//! committees, residents' councils, mass organisations and volunteer teams — kept in
//! `orgs.(csv|yaml)` or `orgs/`. Orgs form a tree through `parent`.

use chrono::NaiveDate;

use super::{Load, Record, Ref};
use crate::kinds::Kind;
use crate::load::cache::codec::{Dec, Decoded, Enc};
use crate::load::convert::{Resolve, syms};
use crate::load::fields::Fields;
use crate::model::labels::labelled;
use crate::model::{FileId, Loc, Settings, Sym};

labelled! {
    /// 组织类别: what kind of organisation.
    OrgKind, "org kind" / "组织类别" {
        /// 社区党委.
        PartyCommittee = "party_committee", "社区党委", "community Party committee", ["党委", "社区党组织"];
        /// 党支部.
        Branch = "branch", "党支部", "Party branch", ["支部"];
        /// 网格党支部 (often a temporary one set up per grid).
        GridBranch = "grid_branch", "网格党支部", "grid Party branch", ["网格临时党支部"];
        /// 双报到单位: an in-service member's employer.
        Unit = "unit", "双报到单位", "registered unit", ["报到单位"];
        /// 联建单位: a unit whose branch works with the community's (支部联建).
        Partner = "partner", "联建单位", "partner unit", ["共建单位"];
        /// 职能部门: a department that can be summoned (吹哨报到).
        Department = "department", "职能部门", "department";
        /// 物业企业.
        Property = "property", "物业企业", "property company", ["物业", "物业公司"];
        /// 业主委员会.
        OwnersCommittee = "owners_committee", "业主委员会", "owners' committee", ["业委会"];
        /// 居民理事会.
        ResidentsCouncil = "residents_council", "居民理事会", "residents' council";
        /// 自管会.
        SelfManagement = "self_management", "自管会", "self-management committee";
        /// 群团组织: 工会, 妇联, 团委.
        Mass = "mass", "群团组织", "mass organisation";
        /// 志愿服务队.
        Team = "team", "志愿服务队", "volunteer team", ["志愿队"];
        Other = "other", "其他", "other";
    }
}

/// 组织: one organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct Org {
    pub id: Sym,
    pub name: String,
    /// `None` only when the file's value was invalid (already reported).
    pub kind: Option<OrgKind>,
    /// The org it belongs to (a branch's Party committee).
    pub parent: Option<Sym>,
    /// A member id: its secretary or head.
    pub leader: Option<Sym>,
    /// The grids it serves.
    pub grids: Box<[Sym]>,
    pub phone: Option<String>,
    /// Founded, or joined the community.
    pub since: Option<NaiveDate>,
    /// The org whose branch it is paired with (支部联建).
    pub partner_of: Option<Sym>,
    pub note: Option<String>,
    pub loc: Loc,
}

impl Record for Org {
    const STEM: &'static str = "orgs";
    const NOUN: &'static str = "org";
    const HOME: &'static str = "orgs";
    const FIELDS: &'static [&'static str] =
        &["id", "name", "kind", "parent", "leader", "grids", "phone", "since", "partner_of", "note"];
    const REQUIRED: &'static [&'static str] = &["id", "name", "kind"];
    const ZH: &'static [(&'static str, &'static [&'static str])] = &[
        ("id", &["组织编号", "编号"]),
        ("name", &["组织名称", "名称"]),
        ("kind", &["组织类别", "类别", "类型"]),
        ("parent", &["上级组织", "上级"]),
        ("leader", &["负责人", "书记"]),
        ("grids", &["服务网格", "网格"]),
        ("phone", &["联系电话", "电话", "手机"]),
        ("since", &["成立日期", "成立时间"]),
        ("partner_of", &["联建组织", "结对组织"]),
        ("note", &["备注"]),
    ];
    const LOAD: Load = Load::Serial;
    const PHASE: u8 = 1;

    fn read(mut f: Fields<'_, '_, '_, '_>, ids: &mut impl Resolve, loc: Loc, _: &Settings) -> Option<Org> {
        let id = f.id("id", true);
        let name = f.string("name", true);
        let kind = f.labelled::<OrgKind>("kind", true);
        let parent = f.id("parent", false).map(|s| ids.sym(s));
        let leader = f.id("leader", false).map(|s| ids.sym(s));
        let grids = syms(ids, f.ids("grids", false));
        let phone = f.string("phone", false);
        let since = f.date("since", false);
        let partner_of = f.id("partner_of", false).map(|s| ids.sym(s));
        let note = f.string("note", false);
        f.finish(Self::FIELDS);
        Some(Org {
            id: ids.sym(id?),
            name: name.unwrap_or_default(),
            kind,
            parent,
            leader,
            grids: grids.into(),
            phone,
            since,
            partner_of,
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
        let Org { parent, leader, grids, partner_of, .. } = self;
        if let Some(sym) = *parent {
            each(Ref { field: "parent", target: Kind::Orgs, sym });
        }
        if let Some(sym) = *leader {
            each(Ref { field: "leader", target: Kind::Members, sym });
        }
        for &sym in grids {
            each(Ref { field: "grids", target: Kind::Grids, sym });
        }
        if let Some(sym) = *partner_of {
            each(Ref { field: "partner_of", target: Kind::Orgs, sym });
        }
    }

    fn syms_mut(&mut self, each: &mut impl FnMut(&mut Sym)) {
        let Org { id, name: _, kind: _, parent, leader, grids, phone: _, since: _, partner_of, note: _, loc: _ } = self;
        each(id);
        parent.iter_mut().chain(leader).chain(grids.iter_mut()).chain(partner_of).for_each(each);
    }

    fn encode(&self, e: &mut Enc) {
        e.sym(self.id);
        e.str(&self.name);
        e.opt_label(self.kind);
        e.opt_sym(self.parent);
        e.opt_sym(self.leader);
        e.syms(&self.grids);
        e.opt_str(self.phone.as_deref());
        e.opt_date(self.since);
        e.opt_sym(self.partner_of);
        e.opt_str(self.note.as_deref());
        e.u32(self.loc.line);
    }

    fn decode(d: &mut Dec<'_>, file: FileId) -> Decoded<Org> {
        Ok(Org {
            id: d.sym()?,
            name: d.string()?,
            kind: d.opt_label()?,
            parent: d.opt_sym()?,
            leader: d.opt_sym()?,
            grids: d.syms()?.into(),
            phone: d.opt_string()?,
            since: d.opt_date()?,
            partner_of: d.opt_sym()?,
            note: d.opt_string()?,
            loc: d.loc(file)?,
        })
    }
}
