//! `gov` keeps the records of the "party member linked to households" system (党员联系户) as a
//! folder of plain YAML/CSV files, checks them, and reports on them.
//!
//! The library is the core: [`model`] (records, no I/O), [`load`] (folder → [`model::Dataset`]
//! plus findings), [`check`] (rules over a dataset → findings) and [`render`] (findings and
//! reports → text, JSON). The command-line layer lives in [`cli`].

#![forbid(unsafe_code)]

pub mod check;
pub mod cli;
pub mod finding;
pub mod fuzzing;
pub mod kinds;
pub mod layout;
pub mod load;
pub mod model;
pub mod render;
pub mod report;
pub mod store;
pub mod text;
pub mod warehouse;
