//! Where records come from: a file of the folder ([`FileId`]) and a line ([`Loc`]). The record
//! types themselves are defined, one module per kind, in [`crate::kinds`]. Pure; no I/O.

/// Index of a file in [`crate::model::Dataset::files`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

/// Where a record starts: file and 1-based line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Loc {
    pub file: FileId,
    pub line: u32,
}
