//! The domain model: record types, enums with Chinese and English labels, ids, dates, phone
//! numbers and folder settings. Pure; no I/O.

pub mod dataset;
pub mod date;
pub mod id;
pub mod labels;
pub mod lookup;
pub mod privacy;
pub mod records;
pub mod settings;

pub use dataset::{Dataset, Format, Kind, SourceFile};
pub use id::{Interner, Sym};
pub use labels::Lang;
pub use lookup::Lookup;
pub use records::*;
pub use settings::Settings;
