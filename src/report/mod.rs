//! Reports as plain data: each report computes a [`Table`] (numbers, dates, labels; no layout)
//! from a [`crate::model::Dataset`], a [`Period`] and a "today". Pure; no I/O.

pub mod activity_list;
pub mod dual;
pub mod due;
pub mod grid_list;
pub mod household_card;
pub mod household_list;
pub mod index;
pub mod issue_facts;
pub mod issue_list;
pub mod issues;
pub mod ledger;
pub mod meetings;
pub mod member_list;
pub mod monthly;
pub mod orgs;
pub mod period;
pub mod projects;
pub mod reserve_list;
pub mod reserves;
pub mod reviews;
pub mod service;
pub mod service_facts;
pub mod stars;
pub mod stats;
pub mod table;
pub mod town;
pub mod visits;
pub mod volunteer_list;
pub mod whistles;

#[cfg(test)]
mod issue_tests;
#[cfg(test)]
mod service_tests;
#[cfg(test)]
mod tests;

pub use index::Index;
pub use period::Period;
pub use table::{Column, Table, Value, col};
