//! Reports as plain data: each report computes a [`Table`] (numbers, dates, labels; no layout)
//! from a [`crate::model::Dataset`], a [`Period`] and a "today". Pure; no I/O.

pub mod period;
pub mod table;

pub use period::Period;
pub use table::{Column, Table, Value, col};
