//! A whole data folder in memory: settings, the files it came from, and every record. Pure; no
//! I/O (the loader in [`crate::load`] builds it).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::id::{Interner, Sym};
use super::records::{FileId, Grid, Household, Issue, Member, Visit};
use super::settings::Settings;

/// The kinds of record file in a folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Settings,
    Grids,
    Members,
    Households,
    Visits,
    Issues,
}

impl Kind {
    /// The file or folder name that holds this kind.
    pub fn stem(self) -> &'static str {
        match self {
            Kind::Settings => "gov",
            Kind::Grids => "grids",
            Kind::Members => "members",
            Kind::Households => "households",
            Kind::Visits => "visits",
            Kind::Issues => "issues",
        }
    }

    pub fn from_stem(stem: &str) -> Option<Kind> {
        [Kind::Grids, Kind::Members, Kind::Households, Kind::Visits, Kind::Issues]
            .into_iter()
            .find(|k| k.stem() == stem)
    }
}

/// Text format of a record file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Yaml,
    Csv,
}

/// One file of the folder, by its path relative to the folder root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    pub path: PathBuf,
    pub kind: Kind,
    pub format: Format,
}

/// Everything loaded from a data folder.
#[derive(Debug, Default)]
pub struct Dataset {
    pub root: PathBuf,
    pub settings: Settings,
    pub files: Vec<SourceFile>,
    pub ids: Interner,
    pub grids: Vec<Grid>,
    pub members: Vec<Member>,
    pub households: Vec<Household>,
    pub visits: Vec<Visit>,
    pub issues: Vec<Issue>,
}

impl Dataset {
    pub fn path(&self, file: FileId) -> &Path {
        &self.files[file.0 as usize].path
    }

    pub fn name(&self, sym: Sym) -> &str {
        self.ids.name(sym)
    }

    /// Position of the first record with each id, for reference look-ups.
    pub fn index<T>(records: &[T], id: impl Fn(&T) -> Sym) -> HashMap<Sym, usize> {
        let mut map = HashMap::with_capacity(records.len());
        for (i, r) in records.iter().enumerate() {
            map.entry(id(r)).or_insert(i);
        }
        map
    }
}
