//! 走访记录: the visit ledger, kept by month in `visits/YYYY-MM.(csv|yaml)`. The bulk of every
//! folder (millions of rows in a district): records are compact, CSV files have a fast path of
//! their own ([`crate::load::visits`]), and summaries and topics live in a cache section that
//! commands showing no text never read.

use std::hash::{DefaultHasher, Hash, Hasher};

use chrono::NaiveDate;

use super::{Load, ReadCtx, Record, Ref};
use crate::kinds::Kind;
use crate::load::cache::codec::{Dec, Decoded, Enc};
use crate::load::convert::{LocalIds, Resolve};
use crate::load::fields::{Fields, Sink};
use crate::load::source::Parsed;
use crate::model::labels::VisitMethod;
use crate::model::{FileId, Loc, Settings, Sym};

/// 走访记录: one contact between a member and a household.
///
/// Kept compact (56 bytes; a district holds millions): what most visits lack or most commands
/// do not read lives behind a pointer.
#[derive(Debug, Clone, PartialEq)]
pub struct Visit {
    pub id: Option<Sym>,
    pub date: NaiveDate,
    pub member: Sym,
    pub household: Sym,
    pub method: VisitMethod,
    /// Summary and topics, when the load kept them (`LoadOptions::visit_text`).
    pub text: Option<Box<VisitText>>,
    /// Accompanying members and issues raised, when there are any.
    pub refs: Option<Box<VisitRefs>>,
    /// Hash of the row's normalised content, for finding exact duplicates.
    pub fingerprint: u64,
    pub loc: Loc,
}

/// What was said on a visit.
#[derive(Debug, Clone, PartialEq)]
pub struct VisitText {
    pub summary: Box<str>,
    pub topics: Box<[Box<str>]>,
}

/// Whom a visit was made with and which issues it raised.
#[derive(Debug, Clone, PartialEq)]
pub struct VisitRefs {
    /// Accompanying member ids.
    pub with: Box<[Sym]>,
    /// Issue ids raised during the visit.
    pub issues: Box<[Sym]>,
}

impl VisitRefs {
    /// `None` when both lists are empty, as they are for most visits.
    pub fn new(with: Box<[Sym]>, issues: Box<[Sym]>) -> Option<Box<VisitRefs>> {
        (!with.is_empty() || !issues.is_empty()).then(|| Box::new(VisitRefs { with, issues }))
    }
}

impl Visit {
    /// What was discussed; empty when the load left text out.
    pub fn summary(&self) -> &str {
        self.text.as_ref().map_or("", |t| &t.summary)
    }

    pub fn topics(&self) -> &[Box<str>] {
        self.text.as_ref().map_or(&[], |t| &t.topics)
    }

    /// Accompanying member ids.
    pub fn with(&self) -> &[Sym] {
        self.refs.as_ref().map_or(&[], |r| &r.with)
    }

    /// Issue ids raised during the visit.
    pub fn issues(&self) -> &[Sym] {
        self.refs.as_ref().map_or(&[], |r| &r.issues)
    }
}

impl Record for Visit {
    const STEM: &'static str = "visits";
    const NOUN: &'static str = "visit";
    const HOME: &'static str = "visits/";
    const FIELDS: &'static [&'static str] =
        &["id", "date", "member", "household", "method", "summary", "topics", "with", "issues"];
    const REQUIRED: &'static [&'static str] = &["date", "member", "household", "method", "summary"];
    const ZH: &'static [(&'static str, &'static [&'static str])] = &[
        ("id", &["编号", "走访编号"]),
        ("date", &["走访日期", "日期", "走访时间"]),
        ("member", &["走访党员", "党员", "联系党员", "联户党员"]),
        ("household", &["走访户", "户号", "走访对象", "住户"]),
        ("method", &["走访方式", "方式"]),
        ("summary", &["走访内容", "情况", "走访情况", "内容"]),
        ("topics", &["话题", "宣传内容"]),
        ("with", &["同行党员", "同行人员"]),
        ("issues", &["发现问题", "问题编号"]),
    ];
    const LOAD: Load = Load::Stream;
    const PHASE: u8 = 3;
    const MIN_BYTES: usize = 24;
    const DETAIL: bool = true;

    fn read(mut f: Fields<'_, '_, '_, '_>, ids: &mut impl Resolve, loc: Loc, _: &Settings) -> Option<Visit> {
        let id = f.id("id", false);
        let date = f.date("date", true);
        let member = f.id("member", true);
        let household = f.id("household", true);
        let method = f.labelled("method", true);
        let summary = f.text("summary", true);
        let topics = f.list("topics", false).unwrap_or_default();
        let with = f.ids("with", false).unwrap_or_default();
        let issues = f.ids("issues", false).unwrap_or_default();
        f.finish(Self::FIELDS);
        let (date, member, household, method) = (date?, member?, household?, method?);
        let summary = summary.unwrap_or_default();
        let fingerprint = fingerprint(id, date, member, household, method, summary, &topics, &with, &issues);
        Some(Visit {
            id: id.map(|s| ids.sym(s)),
            date,
            member: ids.sym(member),
            household: ids.sym(household),
            method,
            text: Some(Box::new(VisitText {
                summary: summary.into(),
                topics: topics.into_iter().map(Into::into).collect(),
            })),
            refs: VisitRefs::new(
                with.into_iter().map(|s| ids.sym(s)).collect(),
                issues.into_iter().map(|s| ids.sym(s)).collect(),
            ),
            fingerprint,
            loc,
        })
    }

    /// CSV files through the fast path; YAML through the general reader.
    fn read_file(
        parsed: &Parsed,
        sink: &mut Sink<'_>,
        ids: &mut LocalIds<'_>,
        file: FileId,
        ctx: &ReadCtx<'_>,
        out: &mut Vec<Visit>,
    ) {
        match parsed {
            Parsed::Csv { text } => {
                out.reserve(text.bytes().filter(|&b| b == b'\n').count());
                crate::load::visits::read_csv(text, sink, ids, file, ctx.detail, out);
            }
            _ => parsed.each_record(sink, Self::COLUMNS, Self::REQUIRED, |rec, sink| {
                let f = Fields::new(rec, sink, false);
                let v = Self::read(f, ids, Loc { file, line: rec.line }, ctx.settings);
                out.extend(v.map(|v| if ctx.detail { v } else { v.without_detail() }));
            }),
        }
    }

    fn loc(&self) -> Loc {
        self.loc
    }

    fn id(&self) -> Option<Sym> {
        self.id
    }

    fn refs(&self, each: &mut impl FnMut(Ref)) {
        each(Ref { field: "member", target: Kind::Members, sym: self.member });
        each(Ref { field: "household", target: Kind::Households, sym: self.household });
        for &sym in self.with() {
            each(Ref { field: "with", target: Kind::Members, sym });
        }
        for &sym in self.issues() {
            each(Ref { field: "issues", target: Kind::Issues, sym });
        }
    }

    fn syms_mut(&mut self, each: &mut impl FnMut(&mut Sym)) {
        let Visit { id, date: _, member, household, method: _, text: _, refs, fingerprint: _, loc: _ } = self;
        each(member);
        each(household);
        id.iter_mut().for_each(&mut *each);
        if let Some(r) = refs {
            let VisitRefs { with, issues } = &mut **r;
            with.iter_mut().chain(issues.iter_mut()).for_each(each);
        }
    }

    /// A visit's figures. Its summary and topics go in a section of their own
    /// ([`Record::encode_detail`]).
    fn encode(&self, e: &mut Enc) {
        e.date(self.date);
        e.sym(self.member);
        e.sym(self.household);
        e.opt_sym(self.id);
        e.label(self.method);
        e.u64(self.fingerprint);
        e.u32(self.loc.line);
        e.syms(self.with());
        e.syms(self.issues());
    }

    fn decode(d: &mut Dec<'_>, file: FileId) -> Decoded<Visit> {
        Ok(Visit {
            date: d.date()?,
            member: d.sym()?,
            household: d.sym()?,
            id: d.opt_sym()?,
            method: d.label()?,
            fingerprint: d.u64()?,
            loc: d.loc(file)?,
            refs: VisitRefs::new(d.syms()?.into(), d.syms()?.into()),
            text: None,
        })
    }

    fn encode_detail(&self, e: &mut Enc) {
        e.str(self.summary());
        e.strs(self.topics());
    }

    fn decode_detail(&mut self, d: &mut Dec<'_>) -> Decoded<()> {
        let summary = d.str()?.into();
        let n = d.len(4)?;
        let topics = (0..n).map(|_| d.str().map(Into::into)).collect::<Decoded<_>>()?;
        self.text = Some(Box::new(VisitText { summary, topics }));
        Ok(())
    }

    fn without_detail(mut self) -> Visit {
        self.text = None;
        self
    }
}

/// The hash of a visit row's normalised content that finds exact duplicates. Every reader (the
/// general one above and the CSV fast path) must hash through here, so equal rows hash equal.
#[allow(clippy::too_many_arguments)]
pub fn fingerprint(
    id: Option<&str>,
    date: NaiveDate,
    member: &str,
    household: &str,
    method: VisitMethod,
    summary: &str,
    topics: &[&str],
    with: &[&str],
    issues: &[&str],
) -> u64 {
    let mut h = DefaultHasher::new();
    (id, date, member, household, method, summary, topics, with, issues).hash(&mut h);
    h.finish()
}
