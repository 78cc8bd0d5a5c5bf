//! What the warehouse shows of personal numbers: the same masks as every other output
//! ([`crate::model::privacy`]), or everything for the owner's own use. Pure; no I/O.

use crate::model::privacy;

/// Whether personal numbers are masked in the files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mask {
    /// Phones, ID and card numbers in every text, and door numbers in addresses and free text,
    /// masked as reports mask them (the default).
    Masked,
    /// Every value as the folder holds it: for the owner's own use only (`--unmask`).
    Unmasked,
}

impl Mask {
    /// Free text (a title, a note, a summary).
    pub fn text(self, s: &str) -> String {
        match self {
            Mask::Masked => privacy::mask_text(s).into_owned(),
            Mask::Unmasked => s.to_string(),
        }
    }

    /// A phone field: never shown whole when masked, even when malformed.
    pub fn phone(self, s: &str) -> String {
        match self {
            Mask::Masked => privacy::mask_phone_field(s).into_owned(),
            Mask::Unmasked => s.to_string(),
        }
    }

    /// An address: its door number masked.
    pub fn address(self, s: &str) -> String {
        match self {
            Mask::Masked => privacy::mask_address(s).into_owned(),
            Mask::Unmasked => s.to_string(),
        }
    }

    pub fn is_masked(self) -> bool {
        self == Mask::Masked
    }
}
