//! Personal data in output: phone validity, and the one masking engine every output passes
//! through ([`mask_text`]). Pure; no I/O.
//!
//! [`mask_text`] finds, in any text, mainland mobiles ([`mobile`]), landlines with an area code
//! ([`landline`]), resident ID numbers ([`id_number`]), bank card numbers ([`card`]) and door
//! numbers ([`door`]), typed with ASCII or full-width digits, spaces, dashes, dots, brackets and
//! `+86`/`0086`, and masks them; dates, counts, amounts, postcodes, building and unit numbers and
//! gov's own ids stay. The scanner ([`scan`]) pre-scans the bytes: text with no digit comes back
//! borrowed. `render` and `cli` call it on every cell, message and echo unless `--unmask`.

mod card;
mod door;
mod id_number;
mod landline;
mod mobile;
mod scan;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

/// `text` with every personal number in it masked (see the module doc); borrowed when nothing
/// was.
pub fn mask_text(text: &str) -> Cow<'_, str> {
    scan::mask(text)
}

/// [`mask_text`] unless `unmask`.
pub fn shown(text: &str, unmask: bool) -> Cow<'_, str> {
    if unmask { Cow::Borrowed(text) } else { mask_text(text) }
}

/// An address field: the numbers [`mask_text`] finds, else its door number (the last run of
/// digits: `3号楼101` → `3号楼***`).
pub fn mask_address(address: &str) -> Cow<'_, str> {
    match mask_text(address) {
        Cow::Owned(s) => Cow::Owned(s),
        Cow::Borrowed(s) if scan::has_digit(s) => Cow::Owned(door::mask_last_run(s)),
        Cow::Borrowed(s) => Cow::Borrowed(s),
    }
}

/// A phone field: the number masked as [`mask_text`] would, else (not a number it knows) as
/// [`mask_phone`] does, so a malformed phone is never shown whole either.
pub fn mask_phone_field(phone: &str) -> Cow<'_, str> {
    match mask_text(phone) {
        Cow::Owned(s) => Cow::Owned(s),
        Cow::Borrowed(s) if s.trim().is_empty() => Cow::Borrowed(s),
        Cow::Borrowed(s) => Cow::Owned(mask_phone(s)),
    }
}

/// Is this a mainland mobile (`1[3-9]` + 9 digits, optional `+86`) or a landline
/// (`0` + area code + number)? Spaces and dashes are ignored.
pub fn is_valid_phone(s: &str) -> bool {
    let digits: String = s.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    let digits = digits.strip_prefix("+86").unwrap_or(&digits);
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let b = digits.as_bytes();
    let mobile = b.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1]);
    let landline = (10..=12).contains(&b.len()) && b[0] == b'0' && b[1] != b'0';
    mobile || landline
}

/// Masks a phone number for output: `138****1234`. Keeps the first three and last four
/// characters of an 11-character mobile; for anything else keeps at most a quarter at each end.
pub fn mask_phone(s: &str) -> String {
    if let Some(rest) = s.trim().strip_prefix("+86") {
        return format!("+86{}", mask_phone(rest));
    }
    let chars: Vec<char> = s.trim().chars().collect();
    let n = chars.len();
    let (head, tail) = if n >= 11 { (3, 4) } else { (n / 4, n / 4) };
    let mut out: String = chars[..head].iter().collect();
    out.push_str("****");
    out.extend(&chars[n - tail..]);
    out
}

/// Masks the door number of an address (see [`mask_address`]): `3号楼2单元301室` →
/// `3号楼2单元***室`. Building and unit numbers stay, so a ledger still reads.
pub fn mask_door(address: &str) -> String {
    mask_address(address).into_owned()
}

/// [`mask_text`], owned.
pub fn mask_free_text(text: &str) -> String {
    mask_text(text).into_owned()
}

#[cfg(test)]
mod field_tests {
    use super::*;

    #[test]
    fn valid_numbers() {
        for ok in [
            "13812345678",
            "+8613812345678",
            "138-1234-5678",
            "138 1234 5678",
            "19912345678",
            "010-12345678",
            "0571-8888888",
        ] {
            assert!(is_valid_phone(ok), "{ok}");
        }
    }

    #[test]
    fn malformed_numbers() {
        for bad in
            ["1381234567", "12812345678", "138123456789", "phone", "1381234567a", "", "00012345678", "+8612812345678"]
        {
            assert!(!is_valid_phone(bad), "{bad}");
        }
    }

    #[test]
    fn doors() {
        assert_eq!(mask_door("幸福里小区3号楼2单元301室"), "幸福里小区3号楼2单元***室");
        assert_eq!(mask_door("3号楼101"), "3号楼***");
        assert_eq!(mask_door("1201"), "****");
        assert_eq!(mask_door("平房区"), "平房区");
    }

    #[test]
    fn free_text() {
        assert_eq!(mask_free_text("4号楼1单元501室屋顶漏雨"), "4号楼1单元***室屋顶漏雨");
        assert_eq!(mask_free_text("2号楼4单元突然停水"), "2号楼4单元突然停水");
        assert_eq!(mask_free_text("联系电话13812345678，3室"), "联系电话138****5678，*室");
        assert_eq!(mask_free_text("12345热线转来"), "12345热线转来");
        assert_eq!(mask_free_text(""), "");
        assert_eq!(mask_free_text("室1"), "室1");
    }

    #[test]
    fn masking() {
        assert_eq!(mask_phone("13812341234"), "138****1234");
        assert_eq!(mask_phone("+8613812341234"), "+86138****1234");
        assert_eq!(mask_phone("12345678"), "12****78");
        assert_eq!(mask_phone("123"), "****");
        assert_eq!(mask_phone(""), "****");
    }
}
