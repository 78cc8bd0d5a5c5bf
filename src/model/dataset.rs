//! A whole data folder in memory: settings, the files it came from, and every record. The
//! [`Dataset`] struct itself is generated from the registry of record kinds in [`crate::kinds`];
//! this is what it offers besides. Pure; no I/O (the loader in [`crate::load`] builds it).

use std::path::{Path, PathBuf};

use super::id::Sym;
use super::records::FileId;
pub use crate::kinds::{Dataset, Kind};

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

impl Dataset {
    pub fn path(&self, file: FileId) -> &Path {
        &self.files[file.0 as usize].path
    }

    pub fn name(&self, sym: Sym) -> &str {
        self.ids.name(sym)
    }

    /// The records of `kind` that `text` names where an id was expected, each with what shows
    /// it: members by their exact name (`M0001`, `张伟`), households by their exact address or
    /// head (`H001`, the address with its door masked by [`mask_door`]), grids, orgs and
    /// volunteers by their exact name. Other kinds: none.
    ///
    /// [`mask_door`]: crate::model::privacy::mask_door
    pub fn named(&self, kind: Kind, text: &str) -> Vec<(Sym, String)> {
        let text = text.trim();
        match kind {
            Kind::Members => self.members.iter().filter(|m| m.name == text).map(|m| (m.id, m.name.clone())).collect(),
            Kind::Households => self
                .households
                .iter()
                .filter(|h| &*h.address == text || &*h.head == text)
                .map(|h| (h.id, format!("{}, {}", crate::model::privacy::mask_door(&h.address), h.head)))
                .collect(),
            Kind::Grids => {
                self.grids.iter().filter(|g| g.name.trim() == text).map(|g| (g.id, g.name.clone())).collect()
            }
            Kind::Orgs => self.orgs.iter().filter(|o| o.name.trim() == text).map(|o| (o.id, o.name.clone())).collect(),
            Kind::Volunteers => {
                self.volunteers.iter().filter(|v| v.name.trim() == text).map(|v| (v.id, v.name.clone())).collect()
            }
            _ => Vec::new(),
        }
    }

    /// The id of the file at `rel`, adding it when the folder does not have it yet (a writing
    /// command's new file).
    pub fn file_id(&mut self, rel: &Path, kind: Kind, format: Format) -> FileId {
        match self.files.iter().position(|f| f.path == rel) {
            Some(i) => FileId(i as u32),
            None => {
                self.files.push(SourceFile { path: rel.to_path_buf(), kind, format });
                FileId(self.files.len() as u32 - 1)
            }
        }
    }
}
