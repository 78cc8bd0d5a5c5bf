//! 星级评定: a branch's scores for a year, criterion by criterion, each with its evidence and
//! its rater, kept in `ratings/YYYY.yaml` (or `ratings.yaml`); the rules they are scored against
//! are gov.yaml's `stars:` ([`rules`]). Member reviews (民主评议党员) are a kind of their own
//! (`crate::kinds::review`).

use chrono::NaiveDate;

use super::{Load, Record, Ref};
use crate::kinds::Kind;
use crate::load::cache::codec::{Dec, Decoded, Enc};
use crate::load::convert::Resolve;
use crate::load::fields::Fields;
use crate::load::raw::RawRecord;
use crate::model::{FileId, Loc, Settings, Sym};

pub mod rules;
pub use rules::{Criterion, Earned, Figure, Star, StarRules};

/// 评分: one criterion's points.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// The criterion's id in the rules.
    pub criterion: String,
    pub points: u32,
    /// 评分依据: what the rater saw.
    pub evidence: Option<String>,
    /// Who scored it, when not the rating's rater.
    pub rater: Option<String>,
    pub line: u32,
}

/// 星级评定: one branch's rating for one year.
#[derive(Debug, Clone, PartialEq)]
pub struct Rating {
    /// The org rated (a Party branch).
    pub branch: Sym,
    pub year: u32,
    pub date: Option<NaiveDate>,
    /// 评定单位 or 评分人.
    pub rater: Option<String>,
    /// 创新项目: the innovation project some schemes ask of the top rating.
    pub innovation: Option<String>,
    pub scores: Vec<Score>,
    pub note: Option<String>,
    pub loc: Loc,
}

/// The fields of one score.
pub const SCORE_FIELDS: &[&str] = &["criterion", "score", "evidence", "rater"];

impl Record for Rating {
    const STEM: &'static str = "ratings";
    const NOUN: &'static str = "rating";
    const HOME: &'static str = "ratings/";
    const FIELDS: &'static [&'static str] = &["branch", "year", "date", "rater", "innovation", "scores", "note"];
    const REQUIRED: &'static [&'static str] = &["branch", "year"];
    /// A CSV file of ratings holds no scores (nested).
    const COLUMNS: &'static [&'static str] = &["branch", "year", "date", "rater", "innovation", "note"];
    const ZH: &'static [(&'static str, &'static [&'static str])] = &[
        ("branch", &["支部", "党支部", "评定支部"]),
        ("year", &["年度", "评定年度"]),
        ("date", &["评定日期", "日期"]),
        ("rater", &["评定单位", "评分人"]),
        ("innovation", &["创新项目"]),
        ("note", &["备注"]),
    ];
    const LOAD: Load = Load::Serial;
    const PHASE: u8 = 2;

    fn read(mut f: Fields<'_, '_, '_, '_>, ids: &mut impl Resolve, loc: Loc, _: &Settings) -> Option<Rating> {
        let branch = f.id("branch", true).map(|s| ids.sym(s));
        let year = f.number("year", 1949, 2999);
        let date = f.date("date", false);
        let rater = f.string("rater", false);
        let innovation = f.string("innovation", false);
        let scores = match f.records("scores") {
            Some(recs) => recs.iter().filter_map(|r| score(r, &mut f)).collect(),
            None => Vec::new(),
        };
        let note = f.string("note", false);
        f.finish(Self::FIELDS);
        Some(Rating { branch: branch?, year: year?, date, rater, innovation, scores, note, loc })
    }

    fn loc(&self) -> Loc {
        self.loc
    }

    fn id(&self) -> Option<Sym> {
        None
    }

    fn refs(&self, each: &mut impl FnMut(Ref)) {
        each(Ref { field: "branch", target: Kind::Orgs, sym: self.branch });
    }

    fn syms_mut(&mut self, each: &mut impl FnMut(&mut Sym)) {
        let Rating { branch, year: _, date: _, rater: _, innovation: _, scores: _, note: _, loc: _ } = self;
        each(branch);
    }

    fn encode(&self, e: &mut Enc) {
        e.sym(self.branch);
        e.u32(self.year);
        e.opt_date(self.date);
        e.opt_str(self.rater.as_deref());
        e.opt_str(self.innovation.as_deref());
        e.len(self.scores.len());
        for s in &self.scores {
            e.str(&s.criterion);
            e.u32(s.points);
            e.opt_str(s.evidence.as_deref());
            e.opt_str(s.rater.as_deref());
            e.u32(s.line);
        }
        e.opt_str(self.note.as_deref());
        e.u32(self.loc.line);
    }

    fn decode(d: &mut Dec<'_>, file: FileId) -> Decoded<Rating> {
        Ok(Rating {
            branch: d.sym()?,
            year: d.u32()?,
            date: d.opt_date()?,
            rater: d.opt_string()?,
            innovation: d.opt_string()?,
            scores: {
                let n = d.len(10)?;
                (0..n)
                    .map(|_| {
                        Ok(Score {
                            criterion: d.string()?,
                            points: d.u32()?,
                            evidence: d.opt_string()?,
                            rater: d.opt_string()?,
                            line: d.u32()?,
                        })
                    })
                    .collect::<Decoded<_>>()?
            },
            note: d.opt_string()?,
            loc: d.loc(file)?,
        })
    }
}

fn score(rec: &RawRecord<'_>, parent: &mut Fields<'_, '_, '_, '_>) -> Option<Score> {
    let mut f = Fields::new(rec, parent.sink(), false);
    let criterion = f.id("criterion", true).map(str::to_owned);
    let points = f.number("score", 0, 100_000);
    let evidence = f.string("evidence", false);
    let rater = f.string("rater", false);
    f.finish(SCORE_FIELDS);
    Some(Score { criterion: criterion?, points: points?, evidence, rater, line: rec.line })
}

impl Rating {
    /// The stars its scores earn under the rules.
    pub fn earned(&self, rules: &StarRules) -> Earned {
        rules.earned(self.scores.iter().map(|s| (s.criterion.as_str(), s.points)), self.innovation.is_some())
    }
}
