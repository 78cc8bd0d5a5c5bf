//! What several reports need from a dataset, computed once: id look-ups, the households linked
//! to each member, each household's last visit up to a date, and the date the data starts.
//! Pure; no I/O.

use chrono::NaiveDate;

use crate::model::{Dataset, Household, Lookup, Member, Sym};

pub struct Index<'d> {
    pub ds: &'d Dataset,
    pub look: Lookup,
    /// For each member (by position), the positions of the households linked to them.
    pub linked: Vec<Vec<u32>>,
    /// The earliest visit date: never-visited households are due from here.
    pub data_start: Option<NaiveDate>,
}

impl<'d> Index<'d> {
    pub fn new(ds: &'d Dataset) -> Index<'d> {
        let look = Lookup::new(ds);
        let mut linked = vec![Vec::new(); ds.members.len()];
        for (h, household) in ds.households.iter().enumerate() {
            for &c in &household.contacts {
                if let Some(m) = look.member(c)
                    && !linked[m].contains(&(h as u32))
                {
                    linked[m].push(h as u32);
                }
            }
        }
        let data_start = ds.visits.iter().map(|v| v.date).min();
        Index { ds, look, linked, data_start }
    }

    pub fn member(&self, s: Sym) -> Option<&'d Member> {
        self.look.member(s).map(|i| &self.ds.members[i])
    }

    pub fn household(&self, s: Sym) -> Option<&'d Household> {
        self.look.household(s).map(|i| &self.ds.households[i])
    }

    /// A member's name, or the id when the member is unknown.
    pub fn member_name(&self, s: Sym) -> &'d str {
        self.member(s).map_or_else(|| self.ds.name(s), |m| m.name.as_str())
    }

    /// A grid's name, or its id when unknown.
    pub fn grid_name(&self, s: Sym) -> &'d str {
        self.look.grid(s).map_or_else(|| self.ds.name(s), |i| self.ds.grids[i].name.as_str())
    }

    /// A member's `branch` or `unit` as reports show it: the org's name when the text is an
    /// org's id, else the text as written.
    pub fn org_text(&self, text: &'d str) -> &'d str {
        match self.ds.ids.get(text).and_then(|s| self.look.org(s)) {
            Some(i) => self.ds.orgs[i].name.as_str(),
            None => text,
        }
    }

    /// Is `grid` the grid `ancestor` or one below it (following `parent`)? Naming an area or the
    /// community grid in a filter takes in the building grids under it.
    pub fn within(&self, grid: Option<Sym>, ancestor: Sym) -> bool {
        let mut cur = grid;
        for _ in 0..=self.ds.grids.len() {
            match cur {
                Some(g) if g == ancestor => return true,
                Some(g) => cur = self.look.grid(g).and_then(|i| self.ds.grids[i].parent),
                None => return false,
            }
        }
        false // a parent cycle, reported by `gov check`
    }

    /// Each household's last visit on or before `upto` (by household position).
    pub fn last_visits(&self, upto: NaiveDate) -> Vec<Option<NaiveDate>> {
        let mut last = vec![None; self.ds.households.len()];
        for v in self.ds.visits.iter().filter(|v| v.date <= upto) {
            if let Some(h) = self.look.household(v.household) {
                let slot: &mut Option<NaiveDate> = &mut last[h];
                if slot.is_none_or(|d| d < v.date) {
                    *slot = Some(v.date);
                }
            }
        }
        last
    }
}

/// Why a name given on the command line does not pick out one record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FindError {
    #[error("no {what} matches `{query}`")]
    None { what: &'static str, query: String },
    #[error("`{query}` matches {total} {what}s: {}", candidates.join(", "))]
    Ambiguous { what: &'static str, query: String, total: usize, candidates: Vec<String> },
}

/// Picks one record by id, else by exact name, else by a unique name fragment.
fn find<'a, T>(
    what: &'static str,
    query: &str,
    records: &'a [T],
    id: impl Fn(&'a T) -> &'a str,
    names: impl Fn(&'a T) -> Vec<&'a str>,
) -> Result<&'a T, FindError> {
    let q = query.trim();
    if let Some(r) = records.iter().find(|r| id(r) == q) {
        return Ok(r);
    }
    for exact in [true, false] {
        let hits: Vec<&T> =
            records.iter().filter(|r| names(r).iter().any(|n| if exact { *n == q } else { n.contains(q) })).collect();
        match hits.len() {
            0 => continue,
            1 => return Ok(hits[0]),
            _ => {
                // The first ten; the message says how many more.
                let candidates: Vec<String> =
                    hits.iter().take(10).map(|r| format!("{} ({})", id(r), names(r).join(" "))).collect();
                return Err(FindError::Ambiguous { what, query: q.to_string(), total: hits.len(), candidates });
            }
        }
    }
    Err(FindError::None { what, query: q.to_string() })
}

impl Index<'_> {
    /// A member by id, name or name fragment.
    pub fn find_member(&self, q: &str) -> Result<Sym, FindError> {
        find("member", q, &self.ds.members, |m| self.ds.name(m.id), |m| vec![m.name.as_str()]).map(|m| m.id)
    }

    /// A household by id, address (fragment) or head of household.
    pub fn find_household(&self, q: &str) -> Result<Sym, FindError> {
        find("household", q, &self.ds.households, |h| self.ds.name(h.id), |h| vec![&*h.address, &*h.head])
            .map(|h| h.id)
            .map_err(|e| match e {
                // Candidates are listed with their door numbers masked, like every output.
                FindError::Ambiguous { what, query, total, candidates } => FindError::Ambiguous {
                    what,
                    query,
                    total,
                    candidates: candidates.iter().map(|c| crate::model::privacy::mask_door(c)).collect(),
                },
                other => other,
            })
    }

    /// A grid by id or name.
    pub fn find_grid(&self, q: &str) -> Result<Sym, FindError> {
        find("grid", q, &self.ds.grids, |g| self.ds.name(g.id), |g| vec![g.name.as_str()]).map(|g| g.id)
    }

    /// An org by id, name or name fragment.
    pub fn find_org(&self, q: &str) -> Result<Sym, FindError> {
        find("org", q, &self.ds.orgs, |o| self.ds.name(o.id), |o| vec![o.name.as_str()]).map(|o| o.id)
    }
}
