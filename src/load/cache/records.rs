//! How each kind of record, and the loader's findings, are laid out in the parse cache. Records
//! are stored without their file (a file's place in the folder can change between runs); the
//! decoder puts the current [`FileId`] back.

use std::path::PathBuf;

use super::codec::{Corrupt, Dec, Decoded, Enc};
use crate::finding::{Code, Finding, Snippet};
use crate::model::{Category, Event, FileId, Grid, Household, Issue, Loc, Member, Visit, VisitRefs, VisitText};

fn loc(d: &mut Dec<'_>, file: FileId) -> Decoded<Loc> {
    Ok(Loc { file, line: d.u32()? })
}

pub fn grid(e: &mut Enc, g: &Grid) {
    e.sym(g.id);
    e.str(&g.name);
    e.u8(g.level);
    e.opt_sym(g.parent);
    e.opt_sym(g.leader);
    e.u32(g.loc.line);
}

pub fn read_grid(d: &mut Dec<'_>, file: FileId) -> Decoded<Grid> {
    Ok(Grid {
        id: d.sym()?,
        name: d.string()?,
        level: d.u8()?,
        parent: d.opt_sym()?,
        leader: d.opt_sym()?,
        loc: loc(d, file)?,
    })
}

pub fn member(e: &mut Enc, m: &Member) {
    e.sym(m.id);
    e.str(&m.name);
    e.opt_label(m.kind);
    e.opt_str(m.branch.as_deref());
    e.opt_sym(m.grid);
    e.opt_str(m.phone.as_deref());
    e.opt_str(m.unit.as_deref());
    e.opt_date(m.registered);
    e.label(m.status);
    e.strs(&m.roles);
    e.u32(m.loc.line);
}

pub fn read_member(d: &mut Dec<'_>, file: FileId) -> Decoded<Member> {
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
        loc: loc(d, file)?,
    })
}

pub fn household(e: &mut Enc, h: &Household) {
    e.sym(h.id);
    e.str(&h.address);
    e.opt_sym(h.grid);
    e.str(&h.head);
    e.opt_str(h.phone.as_deref());
    e.opt_u32(h.size);
    e.label(h.color);
    e.len(h.tags.len());
    h.tags.iter().for_each(|&t| e.label(t));
    e.syms(&h.contacts);
    e.u32(h.loc.line);
}

pub fn read_household(d: &mut Dec<'_>, file: FileId) -> Decoded<Household> {
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
        loc: loc(d, file)?,
    })
}

/// A visit's figures. Its summary and topics go in a section of their own
/// ([`visit_text`]), which commands that show no text never read.
pub fn visit(e: &mut Enc, v: &Visit) {
    e.date(v.date);
    e.sym(v.member);
    e.sym(v.household);
    e.opt_sym(v.id);
    e.label(v.method);
    e.u64(v.fingerprint);
    e.u32(v.loc.line);
    e.syms(v.with());
    e.syms(v.issues());
}

pub fn read_visit(d: &mut Dec<'_>, file: FileId) -> Decoded<Visit> {
    Ok(Visit {
        date: d.date()?,
        member: d.sym()?,
        household: d.sym()?,
        id: d.opt_sym()?,
        method: d.label()?,
        fingerprint: d.u64()?,
        loc: loc(d, file)?,
        refs: VisitRefs::new(d.syms()?.into(), d.syms()?.into()),
        text: None,
    })
}

pub fn visit_text(e: &mut Enc, v: &Visit) {
    e.str(v.summary());
    e.strs(v.topics());
}

pub fn read_visit_text(d: &mut Dec<'_>, v: &mut Visit) -> Decoded<()> {
    let summary = d.str()?.into();
    let n = d.len(4)?;
    let topics = (0..n).map(|_| d.str().map(Into::into)).collect::<Decoded<_>>()?;
    v.text = Some(Box::new(VisitText { summary, topics }));
    Ok(())
}

pub fn issue(e: &mut Enc, i: &Issue) {
    e.sym(i.id);
    e.str(&i.title);
    e.date(i.received);
    match &i.category {
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
    e.label(i.urgency);
    e.opt_label(i.source);
    e.opt_sym(i.grid);
    e.opt_sym(i.household);
    e.opt_sym(i.recorded_by);
    e.opt_str(i.description.as_deref());
    e.len(i.events.len());
    for ev in &i.events {
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
    e.u32(i.loc.line);
}

pub fn read_issue(d: &mut Dec<'_>, file: FileId) -> Decoded<Issue> {
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
        loc: loc(d, file)?,
    })
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

pub fn finding(e: &mut Enc, f: &Finding) {
    e.u8(Code::ALL.iter().position(|&c| c == f.code).expect("a code") as u8);
    e.str(&f.file.to_string_lossy());
    e.opt_u32(f.line);
    e.opt_u32(f.column);
    e.str(&f.message);
    e.opt_str(f.hint.as_deref());
    match &f.snippet {
        None => e.u8(0),
        Some(s) => {
            e.u8(1);
            e.str(&s.text);
            e.u32(s.column);
        }
    }
}

pub fn read_finding(d: &mut Dec<'_>) -> Decoded<Finding> {
    let code = *Code::ALL.get(d.u8()? as usize).ok_or(Corrupt)?;
    let mut f = Finding::new(code, PathBuf::from(d.str()?), d.opt_u32()?, "");
    f.column = d.opt_u32()?;
    f.message = d.string()?;
    f.hint = d.opt_string()?;
    f.snippet = if d.bool()? { Some(Snippet { text: d.string()?, column: d.u32()? }) } else { None };
    Ok(f)
}
