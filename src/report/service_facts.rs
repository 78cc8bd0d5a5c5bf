//! The figures of in-service members' service (双报到), volunteering and aid over one range of
//! dates, shared by `gov stats`, `gov report dual` and `gov report service`. Definitions are in
//! docs/metrics.md ("In-service members, volunteers and aid"). Pure; no I/O.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::Period;
use super::index::Index;
use crate::kinds::activity::Activity;
use crate::kinds::volunteer::{VolunteerKind, VolunteerStatus};
use crate::model::labels::{Action, MemberKind};
use crate::model::{Dataset, Sym};

/// Is `m` an in-service member (在职党员)?
fn in_service(ix: &Index<'_>, m: Sym) -> bool {
    ix.member(m).is_some_and(|m| m.kind == Some(MemberKind::InService))
}

/// Problems solved by in-service members in `range`: resolved in the range (a `resolved`
/// event dated in it) and recorded by an in-service member, or named in the `issues` of an
/// activity that an in-service member took part in; each problem once. Sorted.
pub fn solved_by_in_service(ix: &Index<'_>, range: &Period) -> Vec<Sym> {
    let ds = ix.ds;
    let named: HashSet<Sym> = ds
        .activities
        .iter()
        .filter(|a| a.members.iter().any(|p| in_service(ix, p.id)))
        .flat_map(|a| a.issues.iter().copied())
        .collect();
    let mut out: Vec<Sym> = ds
        .issues
        .iter()
        .filter(|i| i.events.iter().any(|e| e.action == Action::Resolved && range.contains(e.date)))
        .filter(|i| i.recorded_by.is_some_and(|m| in_service(ix, m)) || named.contains(&i.id))
        .map(|i| i.id)
        .collect();
    out.sort_by_key(|&s| ds.name(s));
    out.dedup();
    out
}

/// What one in-service member did in a range.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MemberService {
    pub activities: usize,
    pub hours: f64,
    /// Problems solved in the range ([`solved_by_in_service`]) that they recorded or took part in
    /// solving.
    pub solved: usize,
}

/// Each in-service member's activities, hours and problems solved in `range`.
pub fn member_service(ix: &Index<'_>, range: &Period) -> HashMap<Sym, MemberService> {
    let ds = ix.ds;
    let solved: HashSet<Sym> = solved_by_in_service(ix, range).into_iter().collect();
    let mut out: HashMap<Sym, MemberService> = HashMap::new();
    let mut credited: HashSet<(Sym, Sym)> = HashSet::new();
    for a in ds.activities.iter().filter(|a| range.contains(a.date)) {
        for p in a.members.iter().filter(|p| in_service(ix, p.id)) {
            let e = out.entry(p.id).or_default();
            e.activities += 1;
            e.hours += a.hours_of(p);
        }
    }
    for a in &ds.activities {
        for p in a.members.iter().filter(|p| in_service(ix, p.id)) {
            for &i in a.issues.iter().filter(|i| solved.contains(i)) {
                credited.insert((p.id, i));
            }
        }
    }
    for i in ds.issues.iter().filter(|i| solved.contains(&i.id)) {
        if let Some(m) = i.recorded_by.filter(|&m| in_service(ix, m)) {
            credited.insert((m, i.id));
        }
    }
    for (m, _) in credited {
        out.entry(m).or_default().solved += 1;
    }
    out
}

/// Volunteers registered in `range` who are still on the roster (status active), and how many
/// of them are youth (团员青年). A volunteer without a date counts in a range from the start of
/// the data (cumulative figures) only.
pub fn volunteers_registered(ds: &Dataset, range: &Period) -> (usize, usize) {
    let on: Vec<_> = ds
        .volunteers
        .iter()
        .filter(|v| v.status == VolunteerStatus::Active)
        .filter(|v| v.registered.map_or(range.from == chrono::NaiveDate::MIN, |d| range.contains(d)))
        .collect();
    let youth = on.iter().filter(|v| v.kind == Some(VolunteerKind::Youth)).count();
    (on.len(), youth)
}

/// Volunteers who took part in an activity in `range`.
pub fn volunteers_active(ds: &Dataset, range: &Period) -> usize {
    let seen: HashSet<Sym> = ds
        .activities
        .iter()
        .filter(|a| range.contains(a.date))
        .flat_map(|a| a.volunteers.iter().map(|p| p.id))
        .collect();
    seen.len()
}

/// The activities dated in `range`.
pub fn activities_in<'d>(ds: &'d Dataset, range: &Period) -> impl Iterator<Item = &'d Activity> {
    ds.activities.iter().filter(move |a| range.contains(a.date))
}

/// Hours served in `range` by members of each kind (resident, in-service, mobile) and by
/// volunteers, and in all.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Hours {
    pub resident: f64,
    pub in_service: f64,
    pub mobile: f64,
    pub volunteers: f64,
    pub total: f64,
}

pub fn hours(ix: &Index<'_>, range: &Period) -> Hours {
    let mut h = Hours::default();
    for a in activities_in(ix.ds, range) {
        for p in &a.members {
            let n = a.hours_of(p);
            match ix.member(p.id).and_then(|m| m.kind) {
                Some(MemberKind::Resident) => h.resident += n,
                Some(MemberKind::InService) => h.in_service += n,
                Some(MemberKind::Mobile) => h.mobile += n,
                None => {}
            }
            h.total += n;
        }
        for p in &a.volunteers {
            h.volunteers += a.hours_of(p);
            h.total += a.hours_of(p);
        }
    }
    h
}

/// In-service members who took part in an activity in `range`.
pub fn in_service_served(ix: &Index<'_>, range: &Period) -> usize {
    let seen: HashSet<Sym> = activities_in(ix.ds, range)
        .flat_map(|a| a.members.iter().map(|p| p.id))
        .filter(|&m| in_service(ix, m))
        .collect();
    seen.len()
}

/// People reached in `range` of one beneficiary type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reached {
    pub kind: String,
    /// Activities that reached them.
    pub activities: usize,
    /// Distinct households served by those activities.
    pub households: usize,
    /// The sum of the counts.
    pub persons: u64,
}

/// People reached in `range`, by beneficiary type in order of first appearance by date.
pub fn beneficiaries(ds: &Dataset, range: &Period) -> Vec<Reached> {
    let mut list: Vec<&Activity> = activities_in(ds, range).collect();
    list.sort_by_key(|a| (a.date, ds.name(a.id)));
    let mut out: Vec<(Reached, HashSet<Sym>)> = Vec::new();
    for a in list {
        let mut seen = HashSet::new();
        for b in &a.beneficiaries {
            let i = match out.iter().position(|(r, _)| r.kind == b.kind) {
                Some(i) => i,
                None => {
                    let r = Reached { kind: b.kind.clone(), activities: 0, households: 0, persons: 0 };
                    out.push((r, HashSet::new()));
                    out.len() - 1
                }
            };
            if seen.insert(i) {
                out[i].0.activities += 1;
                out[i].1.extend(a.households.iter().copied());
            }
            out[i].0.persons += u64::from(b.count.unwrap_or(0));
        }
    }
    out.into_iter()
        .map(|(mut r, h)| {
            r.households = h.len();
            r
        })
        .collect()
}

/// Aid handed out in `range`: each item's activities and quantity, by first appearance.
pub fn items(ds: &Dataset, range: &Period) -> Vec<(String, usize, u64)> {
    let mut list: Vec<&Activity> = activities_in(ds, range).collect();
    list.sort_by_key(|a| (a.date, ds.name(a.id)));
    let mut out: Vec<(String, usize, u64)> = Vec::new();
    for a in list {
        let mut seen = HashSet::new();
        for it in &a.items {
            let i = match out.iter().position(|(k, _, _)| *k == it.item) {
                Some(i) => i,
                None => {
                    out.push((it.item.clone(), 0, 0));
                    out.len() - 1
                }
            };
            if seen.insert(i) {
                out[i].1 += 1;
            }
            out[i].2 += u64::from(it.quantity.unwrap_or(0));
        }
    }
    out
}

/// Distinct households served by activities in `range`.
pub fn households_served(ds: &Dataset, range: &Period) -> usize {
    activities_in(ds, range).flat_map(|a| a.households.iter().copied()).collect::<HashSet<_>>().len()
}

/// People reached by every activity in `range`: the beneficiaries' counts.
pub fn persons_reached(ds: &Dataset, range: &Period) -> u64 {
    activities_in(ds, range).map(|a| u64::from(a.persons_reached())).sum()
}

/// People given aid (帮扶人数) in `range`: the beneficiaries' counts of aid activities (帮扶慰问).
pub fn persons_aided(ds: &Dataset, range: &Period) -> u64 {
    activities_in(ds, range)
        .filter(|a| {
            a.kind == Some(crate::kinds::activity::ActivityType::Builtin(crate::kinds::activity::ActivityKind::Aid))
        })
        .map(|a| u64::from(a.persons_reached()))
        .sum()
}

/// Activities and hours in `range` by a key of each activity (its organiser, its kind), in key
/// order.
pub fn by<K: Ord>(ds: &Dataset, range: &Period, key: impl Fn(&Activity) -> K) -> BTreeMap<K, (usize, f64)> {
    let mut out: BTreeMap<K, (usize, f64)> = BTreeMap::new();
    for a in activities_in(ds, range) {
        let e = out.entry(key(a)).or_default();
        e.0 += 1;
        e.1 += a.total_hours();
    }
    out
}
