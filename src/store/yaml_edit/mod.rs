//! Editing YAML text in place, line by line, the way a person would: append a list item in the
//! file's own indentation, set one key's value on its line (keeping the comment or replacing it),
//! insert a key after the record's `id:` line, add or remove one item of a flow (`[a, b]`) or
//! block (`- a`) list, append an item to a nested list (an issue's `events`). Pure functions on
//! text; no I/O, no re-serialising: everything outside the edited span stays byte for byte,
//! comments and key order included. Lines end at `\n`, `\r\n` or a lone `\r`, as the YAML
//! reader counts them; text keeps its own line endings: callers pass the file's newline (`"\n"`,
//! `"\r\n"` or `"\r"`) for the lines they add. Every span is taken at character boundaries, so
//! no text (a CJK comment at column 0, a full-width space, an emoji) can make an edit panic.
//!
//! [`locate`] finds records, keys and blocks by lines; [`scalar`] writes values; [`edit`] makes
//! the edits.

mod edit;
mod locate;
mod scalar;

pub use edit::{append_item, append_to_list, list_add, list_items, list_remove, set_value};
pub use locate::{KeyAt, Record, check_id, find_key, is_list, record};
pub use scalar::{Value, flow_list, flow_mapping, scalar};

/// Why an edit could not be made as text.
pub type EditError = String;

#[cfg(test)]
mod tests;
