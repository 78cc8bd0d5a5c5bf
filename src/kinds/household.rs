//! 户: the community's households, their colour (三色管理), tags and linked members (党员联系户),
//! kept in `households.(csv|yaml)` or `households/`.

use chrono::NaiveDate;

use super::{Load, Record, Ref};
use crate::kinds::Kind;
use crate::load::cache::codec::{Dec, Decoded, Enc};
use crate::load::convert::{Resolve, syms};
use crate::load::fields::Fields;
use crate::model::labels::{Color, HouseholdTag};
use crate::model::{FileId, Loc, Settings, Sym};

/// 户: a household.
#[derive(Debug, Clone, PartialEq)]
pub struct Household {
    pub id: Sym,
    pub address: Box<str>,
    pub grid: Option<Sym>,
    /// 户主.
    pub head: Box<str>,
    pub phone: Option<Box<str>>,
    pub size: Option<u32>,
    pub color: Color,
    pub tags: Box<[HouseholdTag]>,
    /// Member ids linked to this household (党员联系户).
    pub contacts: Box<[Sym]>,
    /// 登记日期: when the household was registered; a household never visited is due one
    /// interval after it.
    pub since: Option<NaiveDate>,
    pub loc: Loc,
}

impl Record for Household {
    const STEM: &'static str = "households";
    const NOUN: &'static str = "household";
    const HOME: &'static str = "households";
    const FIELDS: &'static [&'static str] =
        &["id", "address", "grid", "head", "phone", "size", "color", "tags", "contacts", "since"];
    const REQUIRED: &'static [&'static str] = &["id", "address", "grid", "head", "contacts"];
    const ZH: &'static [(&'static str, &'static [&'static str])] = &[
        ("id", &["户号", "编号", "户编号"]),
        ("address", &["地址", "住址", "门牌", "门牌号", "家庭住址"]),
        ("grid", &["网格", "所在网格", "所属网格"]),
        ("head", &["户主", "户主姓名"]),
        ("phone", &["联系电话", "电话", "手机", "手机号"]),
        ("size", &["家庭人口", "人数", "人口"]),
        ("color", &["管理类别", "三色", "颜色", "三色管理"]),
        ("tags", &["标签", "户类别"]),
        ("contacts", &["联系党员", "联户党员"]),
        ("since", &["登记日期", "建档日期", "登记时间"]),
    ];
    const LOAD: Load = Load::Serial;
    const PHASE: u8 = 2;

    fn read(mut f: Fields<'_, '_, '_, '_>, ids: &mut impl Resolve, loc: Loc, _: &Settings) -> Option<Household> {
        let id = f.id("id", true);
        let address = f.string("address", true);
        let grid = f.id("grid", true).map(|s| ids.sym(s));
        let head = f.string("head", true);
        let phone = f.string("phone", false);
        let size = f.number("size", 1, 100);
        let color = f.labelled::<Color>("color", false).unwrap_or(Color::Green);
        let tags = f.labelled_list("tags");
        // `contacts` is required as a field, but an empty list is allowed here and reported by
        // the `no-contacts` check, which says what to do about it.
        let present = f.has_field("contacts");
        let contacts = syms(ids, f.ids("contacts", !present));
        let since = f.date("since", false);
        f.finish(Self::FIELDS);
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
            since,
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
        let Household { grid, contacts, .. } = self;
        if let Some(sym) = *grid {
            each(Ref { field: "grid", target: Kind::Grids, sym });
        }
        for &sym in contacts {
            each(Ref { field: "contacts", target: Kind::Members, sym });
        }
    }

    fn syms_mut(&mut self, each: &mut impl FnMut(&mut Sym)) {
        let Household {
            id,
            address: _,
            grid,
            head: _,
            phone: _,
            size: _,
            color: _,
            tags: _,
            contacts,
            since: _,
            loc: _,
        } = self;
        each(id);
        grid.iter_mut().chain(contacts.iter_mut()).for_each(each);
    }

    fn encode(&self, e: &mut Enc) {
        e.sym(self.id);
        e.str(&self.address);
        e.opt_sym(self.grid);
        e.str(&self.head);
        e.opt_str(self.phone.as_deref());
        e.opt_u32(self.size);
        e.label(self.color);
        e.len(self.tags.len());
        self.tags.iter().for_each(|&t| e.label(t));
        e.syms(&self.contacts);
        e.opt_date(self.since);
        e.u32(self.loc.line);
    }

    fn decode(d: &mut Dec<'_>, file: FileId) -> Decoded<Household> {
        Ok(Household {
            id: d.sym()?,
            address: d.boxed()?,
            grid: d.opt_sym()?,
            head: d.boxed()?,
            phone: d.opt_boxed()?,
            size: d.opt_u32()?,
            color: d.label()?,
            tags: {
                let n = d.len(1)?;
                (0..n).map(|_| d.label()).collect::<Decoded<_>>()?
            },
            contacts: d.syms()?.into(),
            since: d.opt_date()?,
            loc: d.loc(file)?,
        })
    }
}
