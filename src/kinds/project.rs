//! 书记攻关项目: a branch secretary's breakthrough project ("项目化"破难题), kept in
//! `projects.yaml` or `projects/`, with an append-only `events` list; its status is derived from
//! the events, never stored.

use chrono::NaiveDate;

use super::{Load, Record, Ref};
use crate::kinds::Kind;
use crate::load::cache::codec::{Dec, Decoded, Enc};
use crate::load::convert::Resolve;
use crate::load::fields::Fields;
use crate::load::raw::RawRecord;
use crate::model::labels::labelled;
use crate::model::{FileId, Loc, Settings, Sym};

labelled! {
    /// 项目进展: one step of a project.
    ProjectAction, "project step" / "项目进展" {
        /// 推进: work on it.
        Progress = "progress", "推进", "progress", ["进展"];
        /// 节点: a milestone reached.
        Milestone = "milestone", "阶段节点", "milestone", ["节点", "里程碑"];
        /// 完成: the goal met.
        Done = "done", "完成", "done", ["已完成", "结项"];
        /// 终止: dropped.
        Dropped = "dropped", "终止", "dropped", ["中止", "撤销"];
        /// 推广为模板: a done project others copy (经验推广).
        SharedAsTemplate = "shared_as_template", "推广为模板", "shared as a template", ["推广", "经验推广"];
    }
}

labelled! {
    /// 项目状态: derived from the events, never written in files.
    ProjectStatus, "project status" / "项目状态" {
        /// 未启动: no step recorded yet.
        Open = "open", "未启动", "not started";
        InProgress = "in_progress", "推进中", "in progress";
        Done = "done", "已完成", "done";
        /// 已推广: done and shared as a template.
        Template = "template", "已推广", "shared as a template";
        Dropped = "dropped", "已终止", "dropped";
    }
}

/// One step of a project.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectEvent {
    pub date: NaiveDate,
    pub action: ProjectAction,
    pub note: Option<String>,
    pub line: u32,
}

/// 攻关项目.
#[derive(Debug, Clone, PartialEq)]
pub struct Project {
    pub id: Sym,
    /// The branch (an org).
    pub branch: Option<Sym>,
    /// The secretary who leads it (a member).
    pub lead: Option<Sym>,
    pub topic: String,
    pub goal: Option<String>,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub events: Vec<ProjectEvent>,
    pub loc: Loc,
}

/// The fields of one event.
pub const PROJECT_EVENT_FIELDS: &[&str] = &["date", "action", "note"];

impl Record for Project {
    const STEM: &'static str = "projects";
    const NOUN: &'static str = "project";
    const HOME: &'static str = "projects";
    const FIELDS: &'static [&'static str] = &["id", "branch", "lead", "topic", "goal", "start", "due", "events"];
    const REQUIRED: &'static [&'static str] = &["id", "branch", "lead", "topic"];
    const COLUMNS: &'static [&'static str] = &["id", "branch", "lead", "topic", "goal", "start", "due"];
    const ZH: &'static [(&'static str, &'static [&'static str])] = &[
        ("id", &["项目编号", "编号"]),
        ("branch", &["支部", "党支部"]),
        ("lead", &["领办书记", "负责人", "书记"]),
        ("topic", &["攻关课题", "项目名称", "课题"]),
        ("goal", &["目标", "承诺事项"]),
        ("start", &["开始日期", "启动日期"]),
        ("due", &["完成时限", "计划完成"]),
    ];
    const LOAD: Load = Load::Serial;
    const PHASE: u8 = 2;

    fn read(mut f: Fields<'_, '_, '_, '_>, ids: &mut impl Resolve, loc: Loc, _: &Settings) -> Option<Project> {
        let id = f.id("id", true);
        let branch = f.id("branch", true).map(|s| ids.sym(s));
        let lead = f.id("lead", true).map(|s| ids.sym(s));
        let topic = f.string("topic", true);
        let goal = f.string("goal", false);
        let start = f.date("start", false);
        let due = f.date("due", false);
        let events = match f.records("events") {
            Some(recs) => recs.iter().filter_map(|r| event(r, &mut f)).collect(),
            None => Vec::new(),
        };
        f.finish(Self::FIELDS);
        Some(Project {
            id: ids.sym(id?),
            branch,
            lead,
            topic: topic.unwrap_or_default(),
            goal,
            start,
            due,
            events,
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
        if let Some(sym) = self.branch {
            each(Ref { field: "branch", target: Kind::Orgs, sym });
        }
        if let Some(sym) = self.lead {
            each(Ref { field: "lead", target: Kind::Members, sym });
        }
    }

    fn syms_mut(&mut self, each: &mut impl FnMut(&mut Sym)) {
        let Project { id, branch, lead, topic: _, goal: _, start: _, due: _, events: _, loc: _ } = self;
        each(id);
        branch.iter_mut().chain(lead).for_each(each);
    }

    fn encode(&self, e: &mut Enc) {
        e.sym(self.id);
        e.opt_sym(self.branch);
        e.opt_sym(self.lead);
        e.str(&self.topic);
        e.opt_str(self.goal.as_deref());
        e.opt_date(self.start);
        e.opt_date(self.due);
        e.len(self.events.len());
        for ev in &self.events {
            e.date(ev.date);
            e.label(ev.action);
            e.opt_str(ev.note.as_deref());
            e.u32(ev.line);
        }
        e.u32(self.loc.line);
    }

    fn decode(d: &mut Dec<'_>, file: FileId) -> Decoded<Project> {
        Ok(Project {
            id: d.sym()?,
            branch: d.opt_sym()?,
            lead: d.opt_sym()?,
            topic: d.string()?,
            goal: d.opt_string()?,
            start: d.opt_date()?,
            due: d.opt_date()?,
            events: {
                let n = d.len(8)?;
                (0..n)
                    .map(|_| {
                        Ok(ProjectEvent { date: d.date()?, action: d.label()?, note: d.opt_string()?, line: d.u32()? })
                    })
                    .collect::<Decoded<_>>()?
            },
            loc: d.loc(file)?,
        })
    }
}

fn event(rec: &RawRecord<'_>, parent: &mut Fields<'_, '_, '_, '_>) -> Option<ProjectEvent> {
    let mut f = Fields::new(rec, parent.sink(), false);
    let date = f.date("date", true);
    let action = f.labelled::<ProjectAction>("action", true);
    let note = f.string("note", false);
    f.finish(PROJECT_EVENT_FIELDS);
    Some(ProjectEvent { date: date?, action: action?, note, line: rec.line })
}

impl Project {
    /// The status its events dated on or before `date` lead to. A step after `done` or `dropped`
    /// (other than sharing a done project) changes nothing: `project-order` reports it.
    pub fn status_on(&self, date: NaiveDate) -> ProjectStatus {
        use ProjectAction as A;
        use ProjectStatus as S;
        let mut s = S::Open;
        for e in self.events.iter().filter(|e| e.date <= date) {
            s = match (s, e.action) {
                (S::Done, A::SharedAsTemplate) => S::Template,
                (S::Done | S::Template | S::Dropped, _) => s,
                (_, A::Progress | A::Milestone) => S::InProgress,
                (_, A::Done) => S::Done,
                (_, A::Dropped) => S::Dropped,
                (_, A::SharedAsTemplate) => s,
            };
        }
        s
    }

    pub fn status(&self) -> ProjectStatus {
        self.status_on(NaiveDate::MAX)
    }

    /// The first event out of order: dated before the one above it, after the project was done
    /// or dropped, or sharing a project not yet done. Its index.
    pub fn out_of_order(&self) -> Option<usize> {
        use ProjectAction as A;
        let mut done = false;
        let mut closed = false;
        for (i, e) in self.events.iter().enumerate() {
            if i > 0 && e.date < self.events[i - 1].date {
                return Some(i);
            }
            match e.action {
                A::SharedAsTemplate if !done => return Some(i),
                A::SharedAsTemplate => {}
                _ if closed => return Some(i),
                A::Done => (done, closed) = (true, true),
                A::Dropped => closed = true,
                A::Progress | A::Milestone => {}
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(events: &[(&str, ProjectAction)]) -> Project {
        let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        Project {
            id: Sym(0),
            branch: None,
            lead: None,
            topic: "t".into(),
            goal: None,
            start: None,
            due: None,
            events: events
                .iter()
                .map(|&(d, action)| ProjectEvent { date: date(d), action, note: None, line: 1 })
                .collect(),
            loc: Loc { file: FileId(0), line: 1 },
        }
    }

    #[test]
    fn status_and_order() {
        use ProjectAction::*;
        assert_eq!(project(&[]).status(), ProjectStatus::Open);
        assert_eq!(project(&[("2022-03-01", Milestone)]).status(), ProjectStatus::InProgress);
        let shared = project(&[("2022-03-01", Progress), ("2022-06-01", Done), ("2022-07-01", SharedAsTemplate)]);
        assert_eq!(shared.status(), ProjectStatus::Template);
        assert_eq!(shared.out_of_order(), None);
        assert_eq!(project(&[("2022-03-01", SharedAsTemplate)]).out_of_order(), Some(0));
        assert_eq!(project(&[("2022-03-02", Progress), ("2022-03-01", Progress)]).out_of_order(), Some(1));
        let after = project(&[("2022-03-01", Dropped), ("2022-03-02", Done)]);
        assert_eq!(after.out_of_order(), Some(1));
        assert_eq!(after.status(), ProjectStatus::Dropped);
    }
}
