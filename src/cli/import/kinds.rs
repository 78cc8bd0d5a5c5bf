//! What `gov import` knows of each kind beyond its fields ([`Record::COLUMNS`], which also name
//! the sheet's columns): which fields hold other records' ids (where a name may stand), which
//! hold dates and lists, the id a folder's first record gets, where new records are kept, and
//! the kind's fingerprint: the rule by which a row is a record the folder already holds
//! (docs/import.md lists each). One impl per kind; the path itself is [`super::rows`].

use std::path::PathBuf;

use super::rows::Row;
use crate::cli::record::Session;
use crate::cli::write::{Numbering, folded, folded_phone};
use crate::kinds::Record;
use crate::kinds::activity::Activity;
use chrono::{Datelike, NaiveDate};

use crate::kinds::volunteer::Volunteer;
use crate::model::{Dataset, Grid, Household, Issue, Kind, Loc, Member, Org};

/// Where a kind's new records are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Store {
    /// Appended to the kind's file (`members.csv`, `grids.yaml`), as `gov member add` does.
    OneFile,
    /// A new file each, `issues/YYYY/<id>.yaml`, as `gov issue add` does.
    FilePerRecord,
    /// The month files of their dates, as `gov activity add --from` does.
    Months,
}

/// A kind `gov import` reads.
pub(super) trait Import: Record {
    /// Fields that hold ids of other records (a `;` list or one), and the kind they name.
    const REFS: &'static [(&'static str, Kind)];
    /// Fields that hold dates: written `YYYY-MM-DD` whatever form the sheet has.
    const DATES: &'static [&'static str] = &[];
    /// Fields that hold lists (`;` in a cell).
    const LISTS: &'static [&'static str] = &[];
    /// Fields whose Chinese labels are written as codes ([`crate::cli::values::canonical`]
    /// knows them for this kind); the loader reads the others' labels as they are.
    const LABELLED: &'static [&'static str] = &[];
    /// The id of a folder's first record of the kind.
    const FIRST: &'static str;
    const STORE: Store = Store::OneFile;
    /// Items of its lists of ids may carry a count after a colon (`周敏:2`, an activity's hours).
    const COUNTED: bool = false;

    /// A row without an id is the record of the folder that has the same key (folded text:
    /// full-width digits, case and spaces do not count); `None` when the row has too little to
    /// say (an empty name), which then never matches.
    fn key(row: &Row) -> Option<String>;
    /// The same key for a record of the folder.
    fn key_of(ds: &Dataset, r: &Self) -> Option<String>;

    /// The record already in the folder that `row` is: the same id when the row gives one,
    /// else the same key. `keys` holds every record's key, and `ids` every record's id.
    fn already(_s: &Session, keys: &Keys, row: &Row) -> Option<Loc> {
        match row.get("id") {
            "" => Self::key(row).and_then(|k| keys.by_key.get(&k).copied()),
            id => keys.by_id.get(id).copied(),
        }
    }

    /// The id for a row that has none: the next free one in the folder's pattern (`ids`: the
    /// folder's and the sheet's), after those `taken` by the rows before it.
    fn new_id(_s: &Session, _today: NaiveDate, ids: &mut Numbering, _taken: &[String], _row: &Row) -> String {
        ids.next_id()
    }

    /// Values the kind writes in a form of its own, after the common ones (dates, labels,
    /// names) are done.
    fn finish(_ds: &Dataset, _row: &mut Row) {}
}

/// The folder's records of one kind by id and by key ([`Import::key_of`]).
#[derive(Debug, Default)]
pub(super) struct Keys {
    pub by_id: std::collections::HashMap<String, Loc>,
    pub by_key: std::collections::HashMap<String, Loc>,
}

impl Keys {
    pub fn of<K: Import>(ds: &Dataset) -> Keys {
        let mut keys = Keys::default();
        for r in K::all(ds) {
            if let Some(id) = r.id() {
                keys.by_id.entry(ds.name(id).to_string()).or_insert(r.loc());
            }
            if let Some(k) = K::key_of(ds, r) {
                keys.by_key.entry(k).or_insert(r.loc());
            }
        }
        keys
    }
}

/// Parts of a key joined by a character no cell holds.
fn key(parts: &[&str]) -> Option<String> {
    parts.first().filter(|p| !p.is_empty())?;
    Some(parts.join("\u{1f}"))
}

fn name_of(ds: &Dataset, sym: Option<crate::model::Sym>) -> &str {
    sym.map_or("", |s| ds.name(s))
}

/// Members: name and phone.
impl Import for Member {
    const REFS: &'static [(&'static str, Kind)] = &[("grid", Kind::Grids), ("registered_grid", Kind::Grids)];
    const DATES: &'static [&'static str] = &["registered"];
    const LISTS: &'static [&'static str] = &["roles"];
    const LABELLED: &'static [&'static str] = &["kind", "status", "registered_mode"];
    const FIRST: &'static str = "M0001";
    fn key(row: &Row) -> Option<String> {
        key(&[&folded(row.get("name")), &folded_phone(row.get("phone"))])
    }
    fn key_of(_: &Dataset, m: &Member) -> Option<String> {
        key(&[&folded(&m.name), &folded_phone(m.phone.as_deref().unwrap_or(""))])
    }
}

/// Households: the address.
impl Import for Household {
    const REFS: &'static [(&'static str, Kind)] = &[("grid", Kind::Grids), ("contacts", Kind::Members)];
    const DATES: &'static [&'static str] = &["since"];
    const LISTS: &'static [&'static str] = &["tags", "contacts"];
    const LABELLED: &'static [&'static str] = &["color", "tags"];
    const FIRST: &'static str = "H0001";
    fn key(row: &Row) -> Option<String> {
        key(&[&folded(row.get("address"))])
    }
    fn key_of(_: &Dataset, h: &Household) -> Option<String> {
        key(&[&folded(&h.address)])
    }
}

/// Grids: the name under the same parent.
impl Import for Grid {
    const REFS: &'static [(&'static str, Kind)] = &[("parent", Kind::Grids), ("leader", Kind::Members)];
    const FIRST: &'static str = "G01";
    fn key(row: &Row) -> Option<String> {
        key(&[&folded(row.get("name")), row.get("parent")])
    }
    fn key_of(ds: &Dataset, g: &Grid) -> Option<String> {
        key(&[&folded(&g.name), name_of(ds, g.parent)])
    }
}

/// Orgs: the name.
impl Import for Org {
    const REFS: &'static [(&'static str, Kind)] =
        &[("parent", Kind::Orgs), ("leader", Kind::Members), ("grids", Kind::Grids), ("partner_of", Kind::Orgs)];
    const DATES: &'static [&'static str] = &["since"];
    const LISTS: &'static [&'static str] = &["grids"];
    const LABELLED: &'static [&'static str] = &["kind"];
    const FIRST: &'static str = "O0001";
    fn key(row: &Row) -> Option<String> {
        key(&[&folded(row.get("name"))])
    }
    fn key_of(_: &Dataset, o: &Org) -> Option<String> {
        key(&[&folded(&o.name)])
    }
}

/// Volunteers: name and phone, as members.
impl Import for Volunteer {
    const REFS: &'static [(&'static str, Kind)] = &[("org", Kind::Orgs), ("grid", Kind::Grids)];
    const DATES: &'static [&'static str] = &["registered"];
    const LISTS: &'static [&'static str] = &["skills"];
    const FIRST: &'static str = "Y0001";
    fn key(row: &Row) -> Option<String> {
        key(&[&folded(row.get("name")), &folded_phone(row.get("phone"))])
    }
    fn key_of(_: &Dataset, v: &Volunteer) -> Option<String> {
        key(&[&folded(&v.name), &folded_phone(v.phone.as_deref().unwrap_or(""))])
    }
}

/// Issues: the day received, the household and the title, as `gov issue add` compares them.
impl Import for Issue {
    const REFS: &'static [(&'static str, Kind)] =
        &[("grid", Kind::Grids), ("household", Kind::Households), ("recorded_by", Kind::Members)];
    const DATES: &'static [&'static str] = &["received"];
    const LABELLED: &'static [&'static str] = &["category", "urgency", "source"];
    const FIRST: &'static str = "I-0001";
    const STORE: Store = Store::FilePerRecord;
    fn key(row: &Row) -> Option<String> {
        key(&[&folded(row.get("title")), row.get("received"), row.get("household")])
    }
    fn key_of(ds: &Dataset, i: &Issue) -> Option<String> {
        key(&[&folded(&i.title), &i.received.to_string(), name_of(ds, i.household)])
    }
    /// `I-YYYY-NNNN` in the year it was received (this year when its date does not read),
    /// after the ids of the folder, the files of that year's folder and the rows before.
    fn new_id(s: &Session, today: NaiveDate, _: &mut Numbering, taken: &[String], row: &Row) -> String {
        let year = issue_year(row).unwrap_or(today.year());
        let dir = s.root.join("issues").join(year.to_string());
        let files: Vec<String> = std::fs::read_dir(&dir)
            .map(|rd| rd.filter_map(|e| Some(e.ok()?.path().file_stem()?.to_string_lossy().into_owned())).collect())
            .unwrap_or_default();
        let ids = s.ds.issues.iter().map(|i| s.ds.name(i.id));
        crate::cli::issue::add::next_issue_id(
            year,
            ids.chain(files.iter().map(String::as_str)).chain(taken.iter().map(String::as_str)),
        )
    }
}

/// The year an issue row was received in.
pub(super) fn issue_year(row: &Row) -> Option<i32> {
    crate::model::date::parse_date(row.get("received")).map(|d| d.year())
}

/// Where an issue row's file goes, and its text (as `gov issue add` writes it).
pub(super) fn issue_file(row: &Row, year: i32) -> (PathBuf, String) {
    let fields: Vec<(&str, String)> = row.values.iter().map(|(k, v)| (*k, v.clone())).collect();
    crate::cli::issue::add::issue_file(year, &fields)
}

/// Activities: the rule `gov activity add --from` skips repeats by (the same id, date and
/// title; without an id, the same date, kind and title).
impl Import for Activity {
    const REFS: &'static [(&'static str, Kind)] = &[
        ("orgs", Kind::Orgs),
        ("grid", Kind::Grids),
        ("members", Kind::Members),
        ("volunteers", Kind::Volunteers),
        ("households", Kind::Households),
    ];
    const DATES: &'static [&'static str] = &["date"];
    const FIRST: &'static str = "A0001";
    const STORE: Store = Store::Months;
    const COUNTED: bool = true;
    fn key(_: &Row) -> Option<String> {
        None
    }
    fn key_of(_: &Dataset, _: &Activity) -> Option<String> {
        None
    }
    fn already(s: &Session, _: &Keys, row: &Row) -> Option<Loc> {
        crate::cli::activity::write::already(s, &activity_row(row))
    }
    /// The kind as its code (卡点值守 → epidemic), as `gov activity add --from` reads it.
    fn finish(_: &Dataset, row: &mut Row) {
        use crate::kinds::activity::ActivityKind;
        use crate::model::labels::Labelled;
        let kind = row.get("kind").to_string();
        row.set("kind", ActivityKind::parse(&kind).map_or(kind.clone(), |k| k.code().to_string()));
    }
}

/// An activity row as the activity writer takes it.
pub(super) fn activity_row(row: &Row) -> crate::cli::activity::write::Row {
    let mut out = crate::cli::activity::write::Row::new();
    for (k, v) in &row.values {
        out.set(k, v.as_str());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(values: &[(&'static str, &str)]) -> Row {
        Row { line: 2, values: values.iter().map(|(k, v)| (*k, v.to_string())).collect() }
    }

    #[test]
    fn members_are_the_same_by_name_and_phone_folded() {
        let a = Member::key(&row(&[("name", "王芳"), ("phone", "13812345678")]));
        assert_eq!(a, Member::key(&row(&[("name", " 王 芳"), ("phone", "+86 138-1234-5678")])));
        assert_ne!(a, Member::key(&row(&[("name", "王芳"), ("phone", "13812345679")])));
        assert_eq!(Member::key(&row(&[("name", ""), ("phone", "13812345678")])), None, "no name, no match");
    }

    #[test]
    fn households_by_address_grids_by_name_under_their_parent_issues_by_title_day_and_household() {
        assert_eq!(
            Household::key(&row(&[("address", "幸福里１号楼１单元１０１室")])),
            Household::key(&row(&[("address", "幸福里1号楼1单元101室")]))
        );
        let g = |parent| Grid::key(&row(&[("name", "三网格"), ("parent", parent)]));
        assert_ne!(g("G0"), g("G1"));
        assert_eq!(g("G0"), g("G0"));
        let i =
            |day, household| Issue::key(&row(&[("title", "暖气不热"), ("received", day), ("household", household)]));
        assert_eq!(i("2024-02-20", "H02"), i("2024-02-20", "H02"));
        assert_ne!(i("2024-02-20", "H02"), i("2024-02-21", "H02"));
        assert_ne!(i("2024-02-20", "H02"), i("2024-02-20", "H03"));
    }
}
