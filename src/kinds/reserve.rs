//! 后备力量 (红色雏雁): the community's reserve cadres, kept in `reserves.(csv|yaml)` or
//! `reserves/`, each with a mentor (a member) and the trainings attended (YAML only: a CSV file
//! holds no trainings).

use chrono::NaiveDate;

use super::{Load, Record, Ref};
use crate::kinds::Kind;
use crate::load::cache::codec::{Dec, Decoded, Enc};
use crate::load::convert::Resolve;
use crate::load::fields::Fields;
use crate::model::labels::labelled;
use crate::model::{FileId, Loc, Settings, Sym};

labelled! {
    /// 政治面貌.
    PoliticalStatus, "political status" / "政治面貌" {
        Member = "member", "中共党员", "Party member", ["党员"];
        Probationary = "probationary", "中共预备党员", "probationary member", ["预备党员"];
        Activist = "activist", "入党积极分子", "activist", ["积极分子"];
        Masses = "masses", "群众", "masses";
    }
}

labelled! {
    /// 性别.
    Gender, "gender" / "性别" {
        Male = "male", "男", "male", ["m"];
        Female = "female", "女", "female", ["f"];
    }
}

labelled! {
    /// 学历.
    Education, "education" / "学历" {
        Postgraduate = "postgraduate", "研究生", "postgraduate", ["硕士", "博士", "研究生及以上"];
        Bachelor = "bachelor", "大学本科", "bachelor's degree", ["本科"];
        College = "college", "大学专科", "college", ["大专", "专科"];
        Secondary = "secondary", "高中及以下", "secondary or below", ["高中", "中专", "初中"];
    }
}

labelled! {
    /// 培养状态.
    ReserveStatus, "reserve status" / "培养状态" {
        /// 培养中.
        Training = "training", "培养中", "in training", ["在培"];
        /// 已使用: appointed (to the community's committee, a grid, a branch).
        Appointed = "appointed", "已使用", "appointed", ["已任用"];
        /// 已退出.
        Left = "left", "已退出", "left", ["退出"];
    }
}

/// 培训: one training attended.
#[derive(Debug, Clone, PartialEq)]
pub struct Training {
    pub date: NaiveDate,
    pub topic: String,
    pub line: u32,
}

/// 后备干部: one reserve cadre.
#[derive(Debug, Clone, PartialEq)]
pub struct Reserve {
    pub id: Sym,
    pub name: String,
    pub born: Option<NaiveDate>,
    pub gender: Option<Gender>,
    pub education: Option<Education>,
    pub political_status: Option<PoliticalStatus>,
    pub grid: Option<Sym>,
    pub org: Option<Sym>,
    /// 培养联系人: a member.
    pub mentor: Option<Sym>,
    /// Entered the reserve roster.
    pub since: Option<NaiveDate>,
    pub trainings: Vec<Training>,
    pub status: ReserveStatus,
    pub loc: Loc,
}

/// The fields of one training.
pub const TRAINING_FIELDS: &[&str] = &["date", "topic"];

impl Record for Reserve {
    const STEM: &'static str = "reserves";
    const NOUN: &'static str = "reserve cadre";
    const HOME: &'static str = "reserves";
    const FIELDS: &'static [&'static str] = &[
        "id",
        "name",
        "born",
        "gender",
        "education",
        "political_status",
        "grid",
        "org",
        "mentor",
        "since",
        "trainings",
        "status",
    ];
    const REQUIRED: &'static [&'static str] = &["id", "name"];
    const COLUMNS: &'static [&'static str] =
        &["id", "name", "born", "gender", "education", "political_status", "grid", "org", "mentor", "since", "status"];
    const ZH: &'static [(&'static str, &'static [&'static str])] = &[
        ("id", &["编号"]),
        ("name", &["姓名"]),
        ("born", &["出生日期", "出生年月"]),
        ("gender", &["性别"]),
        ("education", &["学历"]),
        ("political_status", &["政治面貌"]),
        ("grid", &["所在网格", "网格"]),
        ("org", &["所在组织", "组织", "支部"]),
        ("mentor", &["培养联系人", "联系人", "导师"]),
        ("since", &["纳入日期", "入库日期"]),
        ("status", &["培养状态", "状态"]),
    ];
    const LOAD: Load = Load::Serial;
    const PHASE: u8 = 2;

    fn read(mut f: Fields<'_, '_, '_, '_>, ids: &mut impl Resolve, loc: Loc, _: &Settings) -> Option<Reserve> {
        let id = f.id("id", true);
        let name = f.string("name", true);
        let born = f.date("born", false);
        let gender = f.labelled::<Gender>("gender", false);
        let education = f.labelled::<Education>("education", false);
        let political_status = f.labelled::<PoliticalStatus>("political_status", false);
        let grid = f.id("grid", false).map(|s| ids.sym(s));
        let org = f.id("org", false).map(|s| ids.sym(s));
        let mentor = f.id("mentor", false).map(|s| ids.sym(s));
        let since = f.date("since", false);
        let trainings = match f.records("trainings") {
            Some(recs) => recs
                .iter()
                .filter_map(|r| {
                    let mut t = Fields::new(r, f.sink(), false);
                    let date = t.date("date", true);
                    let topic = t.string("topic", true);
                    t.finish(TRAINING_FIELDS);
                    Some(Training { date: date?, topic: topic.unwrap_or_default(), line: r.line })
                })
                .collect(),
            None => Vec::new(),
        };
        let status = f.labelled::<ReserveStatus>("status", false).unwrap_or(ReserveStatus::Training);
        f.finish(Self::FIELDS);
        Some(Reserve {
            id: ids.sym(id?),
            name: name.unwrap_or_default(),
            born,
            gender,
            education,
            political_status,
            grid,
            org,
            mentor,
            since,
            trainings,
            status,
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
        if let Some(sym) = self.grid {
            each(Ref { field: "grid", target: Kind::Grids, sym });
        }
        if let Some(sym) = self.org {
            each(Ref { field: "org", target: Kind::Orgs, sym });
        }
        if let Some(sym) = self.mentor {
            each(Ref { field: "mentor", target: Kind::Members, sym });
        }
    }

    fn syms_mut(&mut self, each: &mut impl FnMut(&mut Sym)) {
        let Reserve {
            id,
            name: _,
            born: _,
            gender: _,
            education: _,
            political_status: _,
            grid,
            org,
            mentor,
            since: _,
            trainings: _,
            status: _,
            loc: _,
        } = self;
        each(id);
        grid.iter_mut().chain(org).chain(mentor).for_each(each);
    }

    fn encode(&self, e: &mut Enc) {
        e.sym(self.id);
        e.str(&self.name);
        e.opt_date(self.born);
        e.opt_label(self.gender);
        e.opt_label(self.education);
        e.opt_label(self.political_status);
        e.opt_sym(self.grid);
        e.opt_sym(self.org);
        e.opt_sym(self.mentor);
        e.opt_date(self.since);
        e.len(self.trainings.len());
        for t in &self.trainings {
            e.date(t.date);
            e.str(&t.topic);
            e.u32(t.line);
        }
        e.label(self.status);
        e.u32(self.loc.line);
    }

    fn decode(d: &mut Dec<'_>, file: FileId) -> Decoded<Reserve> {
        Ok(Reserve {
            id: d.sym()?,
            name: d.string()?,
            born: d.opt_date()?,
            gender: d.opt_label()?,
            education: d.opt_label()?,
            political_status: d.opt_label()?,
            grid: d.opt_sym()?,
            org: d.opt_sym()?,
            mentor: d.opt_sym()?,
            since: d.opt_date()?,
            trainings: {
                let n = d.len(8)?;
                (0..n)
                    .map(|_| Ok(Training { date: d.date()?, topic: d.string()?, line: d.u32()? }))
                    .collect::<Decoded<_>>()?
            },
            status: d.label()?,
            loc: d.loc(file)?,
        })
    }
}
