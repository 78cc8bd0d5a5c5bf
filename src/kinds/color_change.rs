//! 三色调整记录: each household's colour history (三色管理), kept in `colors.(csv|yaml)` or
//! `colors/`: on what date a household was given which colour, why, and who decided.
//! `gov household set-color` appends one record each time it changes a colour; `gov check`
//! holds the history to the households' colours (`check/colors.rs`).

use chrono::NaiveDate;

use super::{Load, Record, Ref};
use crate::kinds::Kind;
use crate::load::cache::codec::{Dec, Decoded, Enc};
use crate::load::convert::Resolve;
use crate::load::fields::Fields;
use crate::model::labels::Color;
use crate::model::{FileId, Loc, Settings, Sym};

/// 三色调整: a household given a colour on a date.
#[derive(Debug, Clone, PartialEq)]
pub struct ColorChange {
    /// The household (an id).
    pub household: Sym,
    pub date: NaiveDate,
    /// `None` only when the file's value was invalid (already reported).
    pub color: Option<Color>,
    /// 调整原因.
    pub reason: Option<String>,
    /// Who decided (a member id).
    pub by: Option<Sym>,
    pub loc: Loc,
}

impl Record for ColorChange {
    const STEM: &'static str = "colors";
    const NOUN: &'static str = "colour change";
    const HOME: &'static str = "colors";
    const FIELDS: &'static [&'static str] = &["household", "date", "color", "reason", "by"];
    const REQUIRED: &'static [&'static str] = &["household", "date", "color"];
    const ZH: &'static [(&'static str, &'static [&'static str])] = &[
        ("household", &["户号", "住户", "住户编号"]),
        ("date", &["调整日期", "日期"]),
        ("color", &["颜色", "管理类别", "三色"]),
        ("reason", &["调整原因", "原因", "理由"]),
        ("by", &["决定人", "经办人", "调整人"]),
    ];
    const LOAD: Load = Load::Serial;
    const PHASE: u8 = 2;

    fn read(mut f: Fields<'_, '_, '_, '_>, ids: &mut impl Resolve, loc: Loc, _: &Settings) -> Option<ColorChange> {
        let household = f.id("household", true);
        let date = f.date("date", true);
        let color = f.labelled::<Color>("color", true);
        let reason = f.string("reason", false);
        let by = f.id("by", false).map(|s| ids.sym(s));
        f.finish(Self::FIELDS);
        Some(ColorChange { household: ids.sym(household?), date: date?, color, reason, by, loc })
    }

    fn loc(&self) -> Loc {
        self.loc
    }

    fn id(&self) -> Option<Sym> {
        None
    }

    fn refs(&self, each: &mut impl FnMut(Ref)) {
        let ColorChange { household, by, .. } = self;
        each(Ref { field: "household", target: Kind::Households, sym: *household });
        if let Some(sym) = *by {
            each(Ref { field: "by", target: Kind::Members, sym });
        }
    }

    fn syms_mut(&mut self, each: &mut impl FnMut(&mut Sym)) {
        let ColorChange { household, date: _, color: _, reason: _, by, loc: _ } = self;
        each(household);
        by.iter_mut().for_each(each);
    }

    fn encode(&self, e: &mut Enc) {
        e.sym(self.household);
        e.date(self.date);
        e.opt_label(self.color);
        e.opt_str(self.reason.as_deref());
        e.opt_sym(self.by);
        e.u32(self.loc.line);
    }

    fn decode(d: &mut Dec<'_>, file: FileId) -> Decoded<ColorChange> {
        Ok(ColorChange {
            household: d.sym()?,
            date: d.date()?,
            color: d.opt_label()?,
            reason: d.opt_string()?,
            by: d.opt_sym()?,
            loc: d.loc(file)?,
        })
    }
}
