//! Writers: turn findings (and, later, reports) into text for people or JSON for programs.
//! Nothing here computes; everything here formats.

pub mod findings;
pub mod html;
pub mod report;
pub mod visible;
