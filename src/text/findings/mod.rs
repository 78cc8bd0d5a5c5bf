//! The catalogue's part for findings: what the loader and the checks say about a data folder,
//! and how `gov check` prints it. One file per area: reading a file ([`read`]), the folder's
//! walk ([`folder`]), typing fields ([`fields`]), the checks ([`checks`]) and the output
//! ([`output`]). Codes, field names and file names stay English in both languages.

mod checks;
mod fields;
mod folder;
mod output;
mod read;

pub use checks::*;
pub use fields::*;
pub use folder::*;
pub use output::*;
pub use read::*;

use crate::model::Kind;

/// What one record of `kind` is called in Chinese messages (`网格`, `党员`).
pub fn noun_zh(kind: Kind) -> &'static str {
    match kind {
        Kind::Settings => "设置",
        Kind::Grids => "网格",
        Kind::Members => "党员",
        Kind::Orgs => "党组织",
        Kind::Households => "住户",
        Kind::Issues => "诉求",
        Kind::Visits => "走访记录",
    }
}

/// Joins Chinese list items with `、`.
fn list_zh<S: AsRef<str>>(items: &[S]) -> String {
    items.iter().map(AsRef::as_ref).collect::<Vec<_>>().join("、")
}
