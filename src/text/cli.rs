//! The catalogue's part for cli (see [`super`]).

#[allow(unused_imports)]
use super::Text;
