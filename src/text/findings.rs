//! The catalogue's part for findings (see [`super`]).

#[allow(unused_imports)]
use super::Text;
