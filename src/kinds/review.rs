//! 民主评议党员: each member's grade for a year, kept in `reviews.(csv|yaml)` or `reviews/`
//! (`reviews/2022.csv`). The member is checked in check/ratings.rs (`review-not-member`), not
//! as a reference of one kind: a review of a reserve cadre or a resident is a mistake of its own.

use super::{Load, Record, Ref};
use crate::load::cache::codec::{Dec, Decoded, Enc};
use crate::load::convert::Resolve;
use crate::load::fields::Fields;
use crate::model::labels::labelled;
use crate::model::{FileId, Loc, Settings, Sym};

labelled! {
    /// 评议等次.
    Grade, "review grade" / "评议等次" {
        Excellent = "excellent", "优秀", "excellent";
        Qualified = "qualified", "合格", "qualified";
        BasicallyQualified = "basically_qualified", "基本合格", "basically qualified";
        Unqualified = "unqualified", "不合格", "unqualified";
    }
}

/// 民主评议: one member's grade for one year.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    pub member: Sym,
    pub year: u32,
    /// `None` only when the file's value was invalid (already reported).
    pub grade: Option<Grade>,
    pub note: Option<String>,
    pub loc: Loc,
}

impl Record for Review {
    const STEM: &'static str = "reviews";
    const NOUN: &'static str = "review";
    const HOME: &'static str = "reviews";
    const FIELDS: &'static [&'static str] = &["member", "year", "grade", "note"];
    const REQUIRED: &'static [&'static str] = &["member", "year", "grade"];
    const ZH: &'static [(&'static str, &'static [&'static str])] = &[
        ("member", &["党员编号", "党员"]),
        ("year", &["年度", "评议年度"]),
        ("grade", &["评议等次", "等次", "评议结果"]),
        ("note", &["备注", "评语"]),
    ];
    const LOAD: Load = Load::Serial;
    const PHASE: u8 = 2;

    fn read(mut f: Fields<'_, '_, '_, '_>, ids: &mut impl Resolve, loc: Loc, _: &Settings) -> Option<Review> {
        let member = f.id("member", true).map(|s| ids.sym(s));
        let year = f.number("year", 1949, 2999);
        let grade = f.labelled::<Grade>("grade", true);
        let note = f.string("note", false);
        f.finish(Self::FIELDS);
        Some(Review { member: member?, year: year?, grade, note, loc })
    }

    fn loc(&self) -> Loc {
        self.loc
    }

    fn id(&self) -> Option<Sym> {
        None
    }

    fn refs(&self, _each: &mut impl FnMut(Ref)) {}

    fn syms_mut(&mut self, each: &mut impl FnMut(&mut Sym)) {
        let Review { member, year: _, grade: _, note: _, loc: _ } = self;
        each(member);
    }

    fn encode(&self, e: &mut Enc) {
        e.sym(self.member);
        e.u32(self.year);
        e.opt_label(self.grade);
        e.opt_str(self.note.as_deref());
        e.u32(self.loc.line);
    }

    fn decode(d: &mut Dec<'_>, file: FileId) -> Decoded<Review> {
        Ok(Review { member: d.sym()?, year: d.u32()?, grade: d.opt_label()?, note: d.opt_string()?, loc: d.loc(file)? })
    }
}
