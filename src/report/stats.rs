//! `gov stats`: the headline figures a community reports upward — members taking part, linked
//! households, households visited, contacts (visits) by method, problems received / resolved /
//! open and the problem rates (响应率, 按时办结率, 回访率, 解决率, 满意率, 重办率), whistles blown,
//! in-service members registered, meetings held, decisions made and the 落实率 — for a period
//! and cumulatively (from the first record to the period's end), each broken down by member
//! kind; when the folder keeps activities or volunteers, in-service members' service, hours,
//! problems they solved, volunteers and people given aid ([`super::service_facts`]); and when it
//! keeps them, reserve cadres and five-star branches. Definitions are in docs/metrics.md. Pure;
//! no I/O.

use chrono::Datelike;

use super::Period;
use super::index::Index;
use super::issue_facts::period_facts;
use super::issues::Tally;
use super::table::{Table, Value, col};
use crate::model::labels::{Action, Labelled, MemberKind, MemberStatus, VisitMethod};
use crate::model::{IssueStatus, Sym};

/// One figure split by member kind; `total` also counts records whose kind is unknown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Split {
    pub resident: usize,
    pub in_service: usize,
    pub mobile: usize,
    pub total: usize,
}

impl Split {
    fn add(&mut self, kind: Option<MemberKind>) {
        match kind {
            Some(MemberKind::Resident) => self.resident += 1,
            Some(MemberKind::InService) => self.in_service += 1,
            Some(MemberKind::Mobile) => self.mobile += 1,
            None => {}
        }
        self.total += 1;
    }
}

/// The headline figures over one range of dates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figures {
    /// Members who visited at least one household (参与党员).
    pub members_visiting: Split,
    /// Households with at least one active linked member, by the kinds of their contacts (a household
    /// linked to a resident and an in-service member counts under both; the total counts it once).
    pub linked_households: Split,
    /// Distinct households visited, by the kind of the visiting member.
    pub households_visited: Split,
    /// Visits (contacts, 走访人次), by the kind of the visiting member.
    pub visits: Split,
    /// Visits by method, in [`VisitMethod::ALL`] order.
    pub by_method: Vec<Split>,
    /// Problems received (受理), by the kind of the member who recorded them.
    pub received: Split,
    /// Problems with a `resolved` event in the range (办结), counted once each.
    pub resolved: Split,
    /// Problems received by the range's end and not resolved or closed at its end.
    pub open: Split,
    /// The problem figures behind the rates, by the kind of the member who recorded the problem:
    /// resident, in-service, mobile, and all problems.
    pub problems: [Tally; 4],
    /// Whistle events (吹哨).
    pub whistles: Split,
    /// In-service members who registered with the community (双报到) in the range.
    pub registered: Split,
    /// Meetings held in the range and their decisions, as of its end (not split by member kind).
    pub meetings: super::meetings::MeetingTally,
    /// The range runs from the start of the data.
    pub cumulative: bool,
}

/// Computes the figures for visits and events dated in `range` (open problems as of its end).
pub fn figures(ix: &Index<'_>, range: &Period) -> Figures {
    let ds = ix.ds;
    // Each member's kind by symbol, looked up once rather than through the member table for
    // each of millions of visits.
    let kinds: Vec<Option<MemberKind>> =
        (0..ds.ids.len() as u32).map(|s| ix.member(Sym(s)).and_then(|m| m.kind)).collect();
    let kind_of = |m: Sym| kinds[m.0 as usize];
    let mut f = Figures {
        by_method: vec![Split::default(); VisitMethod::ALL.len()],
        cumulative: range.from == chrono::NaiveDate::MIN,
        ..Figures::default()
    };

    // Seen-sets indexed by symbol: one byte per interned id, a bit per member kind (and bit 4
    // for "any"), instead of hash sets over two million visits.
    let mut members = vec![false; ds.ids.len()];
    let mut households = vec![0u8; ds.ids.len()];
    let kind_bit = |k: Option<MemberKind>| -> u8 {
        match k {
            Some(MemberKind::Resident) => 1,
            Some(MemberKind::InService) => 2,
            Some(MemberKind::Mobile) => 4,
            None => 8,
        }
    };
    for v in ds.visits.iter().filter(|v| range.contains(v.date)) {
        let kind = kind_of(v.member);
        f.visits.add(kind);
        f.by_method[VisitMethod::ALL.iter().position(|&m| m == v.method).expect("every method is listed")].add(kind);
        if !std::mem::replace(&mut members[v.member.0 as usize], true) {
            f.members_visiting.add(kind);
        }
        let seen = &mut households[v.household.0 as usize];
        if *seen & kind_bit(kind) == 0 {
            bump(&mut f.households_visited, kind);
        }
        if *seen & 16 == 0 {
            f.households_visited.total += 1;
        }
        *seen |= kind_bit(kind) | 16;
    }

    for h in &ds.households {
        let active = h.contacts.iter().filter(|&&c| ix.member(c).is_some_and(|m| m.status == MemberStatus::Active));
        let bits = active.fold(0u8, |bits, &c| bits | kind_bit(kind_of(c)));
        for k in [Some(MemberKind::Resident), Some(MemberKind::InService), Some(MemberKind::Mobile), None] {
            if bits & kind_bit(k) != 0 {
                bump(&mut f.linked_households, k);
            }
        }
        if bits != 0 {
            f.linked_households.total += 1;
        }
    }

    for i in &ds.issues {
        let kind = i.recorded_by.and_then(kind_of);
        let facts = period_facts(i, &ds.settings, range.from, range.to, range.to);
        if let Some(k) = kind_column(kind) {
            f.problems[k].add(&facts);
        }
        f.problems[3].add(&facts);
        if range.contains(i.received) {
            f.received.add(kind);
        }
        if i.events.iter().any(|e| e.action == Action::Resolved && range.contains(e.date)) {
            f.resolved.add(kind);
        }
        if i.received <= range.to {
            let status = i.status_on(range.to);
            if !matches!(status, IssueStatus::Resolved | IssueStatus::Closed) {
                f.open.add(kind);
            }
        }
        for _ in i.events.iter().filter(|e| e.action == Action::Whistle && range.contains(e.date)) {
            f.whistles.add(kind);
        }
    }

    for m in &ds.members {
        if m.kind == Some(MemberKind::InService) && m.registered.is_some_and(|d| range.contains(d)) {
            f.registered.add(m.kind);
        }
    }
    f.meetings = super::meetings::tally(ds.meetings.iter().filter(|m| range.contains(m.date)), range.to);
    f
}

/// The column of a member kind among resident, in-service, mobile.
fn kind_column(kind: Option<MemberKind>) -> Option<usize> {
    match kind? {
        MemberKind::Resident => Some(0),
        MemberKind::InService => Some(1),
        MemberKind::Mobile => Some(2),
    }
}

/// Adds to the kind's column only (for figures whose total is counted separately).
fn bump(s: &mut Split, kind: Option<MemberKind>) {
    let total = s.total;
    s.add(kind);
    s.total = total;
}

const COLUMNS: &[super::Column] = &[
    col("scope", "范围", "scope"),
    col("figure", "指标", "figure"),
    col("resident", "社区党员", "resident"),
    col("in_service", "在职党员", "in-service"),
    col("mobile", "流动党员", "mobile"),
    col("total", "合计", "total"),
];

/// The figures for the period and cumulatively (from the first record to the period's end).
pub fn stats_table(ix: &Index<'_>, period: &Period) -> Table {
    let cumulative = Period::range(chrono::NaiveDate::MIN, period.to);
    let mut t = Table::new("stats", COLUMNS).titled(
        format!("{}党员联系户工作统计（{}）", ix.ds.settings.name, period.label()),
        format!("{} linked-households figures ({})", ix.ds.settings.name, period.label()),
    );
    let (now, all) = rayon::join(|| figures(ix, period), || figures(ix, &cumulative));
    let scopes = [
        (now, Value::Label { code: "period", zh: "本期", en: "period" }),
        (all, Value::Label { code: "cumulative", zh: "累计", en: "cumulative" }),
    ];
    for (f, scope) in scopes {
        let ints = |s: Split| [s.resident, s.in_service, s.mobile, s.total].map(Value::int).to_vec();
        let mut rows: Vec<(&'static str, &'static str, &'static str, Vec<Value>)> = vec![
            ("members_visiting", "参与走访党员", "members who visited", ints(f.members_visiting)),
            ("linked_households", "联系户数", "linked households", ints(f.linked_households)),
            ("households_visited", "走访户数", "households visited", ints(f.households_visited)),
            ("visits", "走访次数", "visits (contacts)", ints(f.visits)),
        ];
        for (m, s) in VisitMethod::ALL.iter().zip(&f.by_method) {
            let (zh, en) = method_label(m.code(), m.zh(), m.en());
            rows.push((m.code(), zh, en, ints(*s)));
        }
        rows.extend([
            ("received", "受理诉求", "problems received", ints(f.received)),
            ("resolved", "办结诉求", "problems resolved", ints(f.resolved)),
            ("open", "未办结诉求", "problems open", ints(f.open)),
        ]);
        // The rates; `gov report issues` shows each one's numerator and denominator.
        let rate = |num: fn(&Tally) -> usize, den: fn(&Tally) -> usize| {
            f.problems.iter().map(|t| Value::ratio(num(t), den(t))).collect::<Vec<_>>()
        };
        rows.extend([
            ("response_rate", "响应率", "response rate", rate(|t| t.responded, |t| t.received)),
            ("on_time_rate", "按时办结率", "on-time resolution rate", rate(|t| t.on_time, |t| t.resolved)),
            ("follow_up_rate", "回访率", "follow-up rate", rate(|t| t.followed_up, |t| t.resolved)),
            ("solved_rate", "解决率", "solved rate", rate(|t| t.solved, |t| t.followed_up)),
            ("satisfaction_rate", "满意率", "satisfaction rate", rate(|t| t.satisfied, |t| t.followed_up)),
            ("reopen_rate", "重办率", "reopen rate", rate(|t| t.reopened, |t| t.resolved)),
            ("whistles", "吹哨次数", "whistles blown", ints(f.whistles)),
            ("registered", "在职党员报到", "in-service members registered", ints(f.registered)),
        ]);
        // Meetings are not split by member kind: the total column only.
        let total = |v: Value| vec![Value::Empty, Value::Empty, Value::Empty, v];
        let m = &f.meetings;
        rows.extend([
            ("meetings", "召开会议", "meetings held", total(Value::int(m.meetings))),
            ("decisions", "议定事项", "decisions made", total(Value::int(m.decisions))),
            ("decisions_to_carry_out", "应落实事项", "decisions to carry out", total(Value::int(m.to_carry_out()))),
            ("decisions_done", "已落实事项", "decisions done", total(Value::int(m.done))),
            ("done_rate", "落实率", "done rate", total(Value::ratio(m.done, m.to_carry_out()))),
        ]);
        if !ix.ds.activities.is_empty() || !ix.ds.volunteers.is_empty() {
            rows.extend(service_rows(ix, if f.cumulative { &cumulative } else { period }));
        }
        // Branch strength, as of the period's end, named only when the folder keeps it.
        if !ix.ds.reserves.is_empty() {
            let n = super::reserves::in_training(ix, period.to).count();
            rows.push(("reserves", "后备力量", "reserve cadres", total(Value::int(n))));
        }
        if !ix.ds.ratings.is_empty() {
            let n = super::stars::five_star_branches(ix, period.to.year() as u32);
            rows.push(("five_star_branches", "五星支部", "five-star branches", total(Value::int(n))));
        }
        for (code, zh, en, values) in rows {
            let mut row = vec![scope.clone(), Value::Label { code, zh, en }];
            row.extend(values);
            t.push(row);
        }
    }
    t
}

/// The rows of in-service members' service, volunteering and aid (docs/metrics.md), shown when
/// the folder keeps activities or volunteers.
#[allow(clippy::type_complexity)]
fn service_rows(ix: &Index<'_>, range: &Period) -> Vec<(&'static str, &'static str, &'static str, Vec<Value>)> {
    use super::service_facts as sf;
    let ds = ix.ds;
    let e = || Value::Empty;
    let in_service = |n: usize| vec![e(), Value::int(n), e(), Value::int(n)];
    let total = |n: usize| vec![e(), e(), e(), Value::int(n)];
    let h = sf::hours(ix, range);
    let (registered, youth) = sf::volunteers_registered(ds, range);
    vec![
        (
            "in_service_served",
            "在职党员参与服务",
            "in-service members who served",
            in_service(sf::in_service_served(ix, range)),
        ),
        (
            "service_hours",
            "服务时长（小时）",
            "service hours",
            vec![
                Value::Decimal(h.resident),
                Value::Decimal(h.in_service),
                Value::Decimal(h.mobile),
                Value::Decimal(h.total),
            ],
        ),
        (
            "solved_by_in_service",
            "在职党员解决问题",
            "problems solved by in-service members",
            in_service(sf::solved_by_in_service(ix, range).len()),
        ),
        ("volunteers_registered", "志愿者注册", "volunteers registered", total(registered)),
        ("youth_volunteers", "其中：团员青年", "of which youth", total(youth)),
        ("volunteers_active", "参与服务志愿者", "volunteers who served", total(sf::volunteers_active(ds, range))),
        ("aid_persons", "帮扶人数", "people given aid", total(sf::persons_aided(ds, range) as usize)),
    ]
}

/// Method rows read "其中：入户" / "of which home visit" under the visits row.
fn method_label(code: &'static str, zh: &'static str, en: &'static str) -> (&'static str, &'static str) {
    match VisitMethod::parse(code) {
        Some(VisitMethod::Home) => ("其中：入户", "of which home visits"),
        Some(VisitMethod::Phone) => ("其中：电话", "of which phone"),
        Some(VisitMethod::Wechat) => ("其中：微信", "of which WeChat"),
        Some(VisitMethod::Video) => ("其中：视频", "of which video"),
        Some(VisitMethod::Group) => ("其中：集中走访", "of which group visits"),
        None => (zh, en),
    }
}
