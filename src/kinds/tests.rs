//! The registry and every kind's definition hold together: field lists, references, the cache
//! encoding. Each kind is typed from a record that fills every field, through its own reader.

use std::path::Path;

use super::*;
use crate::load::cache::codec::{Dec, Enc};
use crate::load::fields::Sink;
use crate::load::yaml::parse_records;

/// One record of each kind with every field given.
const FULL: &[(Kind, &str)] = &[
    (Kind::Grids, "- {id: G1, name: 一网格, level: 2, parent: G0, leader: M1}\n"),
    (
        Kind::Members,
        "- {id: M1, name: 张伟, kind: in_service, branch: 第一支部, grid: G1, phone: '13700001111', unit: O9,\n   registered: 2022-01-02, status: active, roles: [楼栋长],\n   pledge: 每月服务一次, registered_mode: online, registered_grid: G2}\n",
    ),
    (
        Kind::Orgs,
        "- {id: O2, name: 第一支部, kind: branch, parent: O1, leader: M1, grids: [G1, G2], phone: '0371-1',\n   since: 2020-05-01, partner_of: O3, note: 联建}\n",
    ),
    (
        Kind::Households,
        "- {id: H1, address: 1号楼101, grid: G1, head: 李四, phone: '13700002222', size: 3, color: red,\n   tags: [hardship], contacts: [M1, M2], since: 2021-06-01}\n",
    ),
    (Kind::Colors, "- {household: H1, date: 2022-03-01, color: red, reason: 独居老人住院, by: M1}\n"),
    (
        Kind::Issues,
        "- id: I1\n  title: 路灯坏了\n  received: 2022-03-01\n  category: infrastructure\n  urgency: urgent\n  source: visit\n  grid: G1\n  household: H1\n  recorded_by: M1\n  description: 三号楼\n  events:\n    - {date: 2022-03-02, action: whistle, departments: [城管局], by: 网格员}\n",
    ),
    (
        Kind::Visits,
        "- {id: V1, date: 2022-03-01, member: M1, household: H1, method: home, summary: 了解情况,\n   topics: [养老], with: [M2], issues: [I1]}\n",
    ),
    (
        Kind::Meetings,
        "- id: M-2022-0001\n  date: 2022-03-05\n  kind: party_joint\n  topic: 供暖联席会议\n  place: 社区会议室\n  convened_by: O1\n  chair: M1\n  attendees: {members: [M1, M2], orgs: [O2], departments: [城管局], residents: 12}\n  issues: [I1]\n  minutes: 议定三项\n  decisions:\n    - no: 1\n      text: 更换管道\n      owner: O2\n      due: 2022-03-20\n      events:\n        - {date: 2022-03-10, action: progress, note: 已进场}\n        - {date: 2022-03-18, action: done, reported_back: 2022-03-19}\n",
    ),
    (
        Kind::Volunteers,
        "- {id: Y1, name: 王芳, kind: youth, org: O4, grid: G1, phone: '13700003333', registered: 2022-06-01,\n   status: active, skills: [摄影, 急救]}\n",
    ),
    (
        Kind::Activities,
        "- id: A1\n  date: 2022-07-15\n  kind: aid\n  title: 清凉夏日\n  orgs: [O5, O6]\n  grid: G1\n  place: 社区广场\n  members:\n    - {member: M1, hours: 3}\n    - {member: M2}\n  hours: 2\n  volunteers: [Y1:1.5]\n  others: 4\n  households: [H1]\n  beneficiaries:\n    - {type: 困难妇女, count: 4}\n  items: [棉被:7, 电风扇:7]\n  issues: [I1]\n  note: 妇联主办\n",
    ),
    (
        Kind::Ratings,
        "- branch: O1\n  year: 2022\n  date: 2022-12-20\n  rater: 镇党委\n  innovation: 楼道议事厅\n  scores:\n    - {criterion: organisation, score: 28, evidence: 三会一课记录完整, rater: 组织办}\n  note: 年度评定\n",
    ),
    (Kind::Reviews, "- {member: M1, year: 2022, grade: excellent, note: 带头联户}\n"),
    (
        Kind::Projects,
        "- id: P1\n  branch: O1\n  lead: M1\n  topic: 加装电梯\n  goal: 两部电梯\n  start: 2022-03-01\n  due: 2022-10-31\n  events:\n    - {date: 2022-04-01, action: milestone, note: 意见征集}\n    - {date: 2022-09-01, action: done}\n",
    ),
    (
        Kind::Reserves,
        "- id: R1\n  name: 张某\n  born: 1995-05-01\n  gender: female\n  education: bachelor\n  political_status: activist\n  grid: G1\n  org: O1\n  mentor: M1\n  since: 2022-01-10\n  trainings:\n    - {date: 2022-05-01, topic: 基层治理}\n  status: training\n",
    ),
];

struct Full<'a> {
    text: &'a str,
}

impl KindFn for Full<'_> {
    type Out = ();
    fn call<T: Record>(&mut self) {
        let records = parse_records(self.text).unwrap();
        let mut sink = Sink::new(Path::new("x.yaml"));
        let mut ids = Interner::default();
        let settings = Settings::default();
        let loc = Loc { file: FileId(0), line: 1 };
        let f = Fields::new(&records[0], &mut sink, false);
        let mut r = T::read(f, &mut ids, loc, &settings).expect("typed");
        assert_eq!(sink.findings, [], "{}: the full record is clean", T::STEM);

        // Every reference is among the ids the record holds, and the only other one is its own.
        let mut refs = Vec::new();
        r.refs(&mut |x| refs.push(x.sym));
        let mut held = Vec::new();
        r.clone().syms_mut(&mut |s| held.push(*s));
        let own = usize::from(r.id().is_some());
        // A decision's owner (an org, a member or a department) is held but checked in
        // check/meetings.rs, not listed as a reference of one kind.
        let owners = usize::from(matches!(T::KIND, Kind::Meetings | Kind::Reviews));
        assert_eq!(held.len(), refs.len() + own + owners, "{}: refs {refs:?}, ids {held:?}", T::STEM);
        assert!(refs.iter().all(|s| held.contains(s)), "{}", T::STEM);
        // A review's member is checked in check/ratings.rs (review-not-member), not as a reference.
        assert!(T::KIND == Kind::Reviews || !refs.is_empty(), "{}: the full record refers to something", T::STEM);

        // Rewriting through syms_mut reaches every id (the loader's patch relies on it).
        let mut moved = r.clone();
        moved.syms_mut(&mut |s| s.0 += 1000);
        let mut after = Vec::new();
        moved.syms_mut(&mut |s| after.push(s.0));
        assert_eq!(after, held.iter().map(|s| s.0 + 1000).collect::<Vec<_>>(), "{}", T::STEM);

        // The cache gives back what it was given, detail text included.
        let mut e = Enc::default();
        r.encode(&mut e);
        let mut d = Dec::new(&e.buf, ids.len() as u32);
        let mut back = T::decode(&mut d, FileId(0)).unwrap();
        assert!(d.is_done(), "{}", T::STEM);
        assert!(e.buf.len() >= T::MIN_BYTES, "{}: at least MIN_BYTES", T::STEM);
        if T::DETAIL {
            let mut e = Enc::default();
            r.encode_detail(&mut e);
            back.decode_detail(&mut Dec::new(&e.buf, ids.len() as u32)).unwrap();
        } else {
            r = r.without_detail();
        }
        assert_eq!(format!("{back:?}"), format!("{r:?}"), "{}", T::STEM);
    }
}

#[test]
fn every_kind_types_refers_and_caches_consistently() {
    let listed: Vec<Kind> = FULL.iter().map(|f| f.0).collect();
    assert_eq!(listed, Kind::ALL[1..], "a full record for every kind");
    for (kind, text) in FULL {
        kind.with(&mut Full { text }).expect("a record kind");
    }
}

struct Lists;

impl KindFn for Lists {
    type Out = ();
    fn call<T: Record>(&mut self) {
        let within = |list: &[&str]| list.iter().all(|f| T::FIELDS.contains(f));
        assert!(within(T::REQUIRED) && within(T::COLUMNS), "{}", T::STEM);
        assert!(T::ZH.iter().all(|(f, _)| T::FIELDS.contains(f)), "{}: Chinese names of known fields", T::STEM);
        // No Chinese name may stand for two fields of one kind.
        let mut seen = std::collections::HashSet::new();
        for (_, names) in T::ZH {
            assert!(!names.is_empty(), "{}", T::STEM);
            assert!(names.iter().all(|n| seen.insert(*n)), "{}: a Chinese name used twice", T::STEM);
        }
        // docs/data-format.md lists every name, in a table per kind.
        let docs = include_str!("../../docs/data-format.md");
        for (field, names) in T::ZH {
            let row = format!("| `{field}` | {} |", names.join(" · "));
            assert!(docs.contains(&row), "{}: docs/data-format.md lacks {row}", T::STEM);
        }
        assert_eq!(Kind::from_stem(T::STEM), Some(T::KIND));
        assert_eq!(T::KIND.stem(), T::STEM);
    }
}

#[test]
fn field_lists_and_stems_agree() {
    each_kind(&mut Lists);
    let mut stems: Vec<&str> = Kind::ALL.iter().map(|k| k.stem()).collect();
    stems.sort();
    stems.dedup();
    assert_eq!(stems.len(), Kind::ALL.len());
    assert_eq!(Kind::from_stem("gov"), None);
    assert!(Kind::ALL.iter().enumerate().all(|(i, k)| k.index() == i));
}

#[test]
fn records_stay_compact() {
    // A district holds two million visits (every byte here is two megabytes), 200,000
    // households and a quarter of a million problem events.
    assert_eq!(std::mem::size_of::<Visit>(), 56);
    // A household's registration date (`since`) took it from 112 to 120 bytes: 1.6 MB a district.
    assert!(std::mem::size_of::<Household>() <= 120, "{}", std::mem::size_of::<Household>());
    assert!(std::mem::size_of::<Event>() <= 80, "{}", std::mem::size_of::<Event>());
}
