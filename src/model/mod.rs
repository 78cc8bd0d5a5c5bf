//! The domain model: enums with Chinese and English labels, ids, dates, phone numbers, folder
//! settings and the dataset; the record types are defined per kind in [`crate::kinds`] and
//! re-exported here. Pure; no I/O.

pub mod dataset;
pub mod date;
pub mod id;
pub mod labels;
pub mod lookup;
pub mod privacy;
pub mod records;
pub mod settings;

pub use crate::kinds::{
    Category, Decision, DecisionStatus, Event, Grid, Household, Issue, IssueStatus, Meeting, MeetingKind, MeetingType,
    Member, Org, Owner, Visit, VisitRefs, VisitText,
};
pub use dataset::{Dataset, Format, Kind, SourceFile};
pub use id::{Interner, Sym};
pub use labels::Lang;
pub use lookup::Lookup;
pub use records::{FileId, Loc};
pub use settings::Settings;
