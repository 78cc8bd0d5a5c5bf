//! The tables of who and where: `grids`, `members`, `orgs`, `households`, `colors` (colour
//! changes), `volunteers`, `reserves` and `reserve_trainings`. Pure.

use super::Mask;
use super::column::Table;
use crate::model::{Dataset, Sym};

/// An optional id as text.
pub(super) fn id(ds: &Dataset, s: Option<Sym>) -> Option<String> {
    s.map(|s| ds.name(s).to_string())
}

/// A list of ids as text.
pub(super) fn ids<'a>(ds: &'a Dataset, s: &'a [Sym]) -> impl Iterator<Item = String> + 'a {
    s.iter().map(|&s| ds.name(s).to_string())
}

pub fn grids(ds: &Dataset) -> Table {
    let g = &ds.grids;
    let mut t = Table::new("grids", g.len());
    t.text("id", g.iter().map(|x| Some(ds.name(x.id))))
        .text("name", g.iter().map(|x| Some(x.name.as_str())))
        .int32("level", g.iter().map(|x| Some(i32::from(x.level))))
        .text("parent", g.iter().map(|x| id(ds, x.parent)))
        .text("leader", g.iter().map(|x| id(ds, x.leader)));
    t
}

pub fn members(ds: &Dataset, mask: Mask) -> Table {
    let m = &ds.members;
    let mut t = Table::new("members", m.len());
    t.text("id", m.iter().map(|x| Some(ds.name(x.id))))
        .text("name", m.iter().map(|x| Some(x.name.as_str())))
        .code("kind", m.iter().map(|x| x.kind))
        .text("branch", m.iter().map(|x| x.branch.as_deref()))
        .text("grid", m.iter().map(|x| id(ds, x.grid)))
        .text("phone", m.iter().map(|x| x.phone.as_deref().map(|p| mask.phone(p))))
        .text("unit", m.iter().map(|x| x.unit.as_deref()))
        .date("registered", m.iter().map(|x| x.registered))
        .code("status", m.iter().map(|x| Some(x.status)))
        .text_list("roles", m.iter().map(|x| x.roles.iter().map(String::as_str)))
        .text("pledge", m.iter().map(|x| x.pledge.as_deref().map(|p| mask.text(p))))
        .code("registered_mode", m.iter().map(|x| x.registered_mode))
        .text("registered_grid", m.iter().map(|x| id(ds, x.registered_grid)));
    t
}

pub fn orgs(ds: &Dataset, mask: Mask) -> Table {
    let o = &ds.orgs;
    let mut t = Table::new("orgs", o.len());
    t.text("id", o.iter().map(|x| Some(ds.name(x.id))))
        .text("name", o.iter().map(|x| Some(x.name.as_str())))
        .code("kind", o.iter().map(|x| x.kind))
        .text("parent", o.iter().map(|x| id(ds, x.parent)))
        .text("leader", o.iter().map(|x| id(ds, x.leader)))
        .text_list("grids", o.iter().map(|x| ids(ds, &x.grids)))
        .text("phone", o.iter().map(|x| x.phone.as_deref().map(|p| mask.phone(p))))
        .date("since", o.iter().map(|x| x.since))
        .text("partner_of", o.iter().map(|x| id(ds, x.partner_of)))
        .text("note", o.iter().map(|x| x.note.as_deref().map(|n| mask.text(n))));
    t
}

pub fn households(ds: &Dataset, mask: Mask) -> Table {
    let h = &ds.households;
    let mut t = Table::new("households", h.len());
    t.text("id", h.iter().map(|x| Some(ds.name(x.id))))
        .text("address", h.iter().map(|x| Some(mask.address(&x.address))))
        .text("grid", h.iter().map(|x| id(ds, x.grid)))
        .text("head", h.iter().map(|x| Some(&*x.head)))
        .text("phone", h.iter().map(|x| x.phone.as_deref().map(|p| mask.phone(p))))
        .int32("size", h.iter().map(|x| x.size.map(|n| n as i32)))
        .code("color", h.iter().map(|x| Some(x.color)))
        .code_list("tags", h.iter().map(|x| x.tags.iter().copied()))
        .text_list("contacts", h.iter().map(|x| ids(ds, &x.contacts)))
        .date("since", h.iter().map(|x| x.since));
    t
}

pub fn colors(ds: &Dataset, mask: Mask) -> Table {
    let c = &ds.colors;
    let mut t = Table::new("colors", c.len());
    t.text("household", c.iter().map(|x| Some(ds.name(x.household))))
        .date("date", c.iter().map(|x| Some(x.date)))
        .code("color", c.iter().map(|x| x.color))
        .text("reason", c.iter().map(|x| x.reason.as_deref().map(|r| mask.text(r))))
        .text("by", c.iter().map(|x| id(ds, x.by)));
    t
}

pub fn volunteers(ds: &Dataset, mask: Mask) -> Table {
    let v = &ds.volunteers;
    let mut t = Table::new("volunteers", v.len());
    t.text("id", v.iter().map(|x| Some(ds.name(x.id))))
        .text("name", v.iter().map(|x| Some(x.name.as_str())))
        .code("kind", v.iter().map(|x| x.kind))
        .text("org", v.iter().map(|x| id(ds, x.org)))
        .text("grid", v.iter().map(|x| id(ds, x.grid)))
        .text("phone", v.iter().map(|x| x.phone.as_deref().map(|p| mask.phone(p))))
        .date("registered", v.iter().map(|x| x.registered))
        .code("status", v.iter().map(|x| Some(x.status)))
        .text_list("skills", v.iter().map(|x| x.skills.iter().map(String::as_str)));
    t
}

pub fn reserves(ds: &Dataset) -> Table {
    let r = &ds.reserves;
    let mut t = Table::new("reserves", r.len());
    t.text("id", r.iter().map(|x| Some(ds.name(x.id))))
        .text("name", r.iter().map(|x| Some(x.name.as_str())))
        .date("born", r.iter().map(|x| x.born))
        .code("gender", r.iter().map(|x| x.gender))
        .code("education", r.iter().map(|x| x.education))
        .code("political_status", r.iter().map(|x| x.political_status))
        .text("grid", r.iter().map(|x| id(ds, x.grid)))
        .text("org", r.iter().map(|x| id(ds, x.org)))
        .text("mentor", r.iter().map(|x| id(ds, x.mentor)))
        .date("since", r.iter().map(|x| x.since))
        .code("status", r.iter().map(|x| Some(x.status)));
    t
}

pub fn reserve_trainings(ds: &Dataset, mask: Mask) -> Table {
    let rows: Vec<_> = ds.reserves.iter().flat_map(|r| r.trainings.iter().map(move |x| (r, x))).collect();
    let mut t = Table::new("reserve_trainings", rows.len());
    t.text("reserve", rows.iter().map(|(r, _)| Some(ds.name(r.id))))
        .date("date", rows.iter().map(|(_, x)| Some(x.date)))
        .text("topic", rows.iter().map(|(_, x)| Some(mask.text(&x.topic))));
    t
}
