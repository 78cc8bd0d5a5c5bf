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

pub use edit::{append_item, append_to_list, item_range, list_add, list_items, list_remove, remove_item, set_value};
pub use locate::{KeyAt, Record, check_id, find_key, is_list, record};
pub use scalar::{Value, flow_list, flow_mapping, scalar};

/// Why an edit could not be made as text: the record is written in a way these line edits do
/// not handle (the user edits it by hand), or it lacks what the edit needs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("`{key}` holds a nested value; edit it by hand")]
    Nested { key: String },
    #[error("the record has no `{key}:` line")]
    NoAnchor { key: String },
    #[error("the record is written as a flow mapping `{{…}}`; edit it by hand")]
    FlowMapping,
    #[error("the list's items span several lines; edit it by hand")]
    MultiLineItems,
    #[error("`{key}` is a flow list over several lines; edit it by hand")]
    MultiLineFlowList { key: String },
    #[error("the record has no `{key}`")]
    NoKey { key: String },
    #[error("`{item}` is not in `{key}`")]
    NotInList { item: String, key: String },
    #[error("the list's first item does not start with `-`")]
    NoDash,
    #[error("`{key}` is not a list this command can add to; edit it by hand")]
    NotAList { key: String },
    #[error(
        "the record on line {line} is `{found}`, not `{id}`; the file may have changed since it was read; run the command again"
    )]
    OtherRecord { line: usize, found: String, id: String },
    #[error("the record on line {line} has no `id:` line of its own; edit it by hand")]
    NoId { line: usize },
    #[error("the record is not in the file")]
    NotInFile,
}

#[cfg(test)]
mod tests;
