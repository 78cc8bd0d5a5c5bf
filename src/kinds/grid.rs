//! 网格: the community's three-level grid (community, area or compound, building or micro-grid),
//! kept in `grids.(csv|yaml)` or `grids/`.

use super::{Load, Record, Ref};
use crate::kinds::Kind;
use crate::load::cache::codec::{Dec, Decoded, Enc};
use crate::load::convert::Resolve;
use crate::load::fields::Fields;
use crate::model::{FileId, Loc, Settings, Sym};

/// 网格: a grid at one of three levels.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub id: Sym,
    pub name: String,
    /// 1 community, 2 area/compound, 3 building/micro-grid.
    pub level: u8,
    pub parent: Option<Sym>,
    /// A member id.
    pub leader: Option<Sym>,
    pub loc: Loc,
}

impl Record for Grid {
    const STEM: &'static str = "grids";
    const NOUN: &'static str = "grid";
    const HOME: &'static str = "grids";
    const FIELDS: &'static [&'static str] = &["id", "name", "level", "parent", "leader"];
    const REQUIRED: &'static [&'static str] = &["id", "name"];
    const ZH: &'static [(&'static str, &'static [&'static str])] = &[
        ("id", &["网格编号", "编号"]),
        ("name", &["网格名称", "名称"]),
        ("level", &["层级", "网格层级", "级别"]),
        ("parent", &["上级网格", "上级"]),
        ("leader", &["网格长", "负责人"]),
    ];
    const LOAD: Load = Load::Serial;
    const PHASE: u8 = 1;

    fn read(mut f: Fields<'_, '_, '_, '_>, ids: &mut impl Resolve, loc: Loc, _: &Settings) -> Option<Grid> {
        let id = f.id("id", true);
        let name = f.string("name", true);
        let level = f.number("level", 1, 3).unwrap_or(3) as u8;
        let parent = f.id("parent", false).map(|s| ids.sym(s));
        let leader = f.id("leader", false).map(|s| ids.sym(s));
        f.finish(Self::FIELDS);
        Some(Grid { id: ids.sym(id?), name: name.unwrap_or_default(), level, parent, leader, loc })
    }

    fn loc(&self) -> Loc {
        self.loc
    }

    fn id(&self) -> Option<Sym> {
        Some(self.id)
    }

    fn refs(&self, each: &mut impl FnMut(Ref)) {
        let Grid { id: _, name: _, level: _, parent, leader, loc: _ } = self;
        if let Some(sym) = *parent {
            each(Ref { field: "parent", target: Kind::Grids, sym });
        }
        if let Some(sym) = *leader {
            each(Ref { field: "leader", target: Kind::Members, sym });
        }
    }

    fn syms_mut(&mut self, each: &mut impl FnMut(&mut Sym)) {
        let Grid { id, name: _, level: _, parent, leader, loc: _ } = self;
        each(id);
        parent.iter_mut().chain(leader).for_each(each);
    }

    fn encode(&self, e: &mut Enc) {
        e.sym(self.id);
        e.str(&self.name);
        e.u8(self.level);
        e.opt_sym(self.parent);
        e.opt_sym(self.leader);
        e.u32(self.loc.line);
    }

    fn decode(d: &mut Dec<'_>, file: FileId) -> Decoded<Grid> {
        Ok(Grid {
            id: d.sym()?,
            name: d.string()?,
            level: d.u8()?,
            parent: d.opt_sym()?,
            leader: d.opt_sym()?,
            loc: d.loc(file)?,
        })
    }
}
