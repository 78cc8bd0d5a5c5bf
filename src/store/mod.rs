//! The only code that writes data files. Every write happens under the folder's lock
//! ([`lock::FolderLock`]); appends add whole records to the end of a file in one write and fsync
//! it; whole-file changes go through a temporary file in the same folder, fsync, rename, and an
//! fsync of the folder. Files keep the encoding (UTF-8, UTF-8 with BOM, GB18030) and line endings
//! they have; new files are UTF-8 with LF. Edits touch the exact span they change, never
//! re-serialising what a person wrote by hand. Nothing is written through a symbolic link or
//! outside the folder ([`guard`]).

pub mod csv_edit;
#[cfg(test)]
mod edit_props;
pub mod file;
pub mod guard;
pub mod journal;
pub mod lock;
mod span;
pub mod yaml_edit;

pub use file::TextFile;
pub use lock::FolderLock;
