//! The catalogue's part for errors (see [`super`]).

#[allow(unused_imports)]
use super::Text;
