//! Personal data in output: phone validity and masking, door-number masking. Pure; no I/O.

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

/// Masks the door number of an address (the last run of digits): `3号楼2单元301室` →
/// `3号楼2单元***室`. Building and unit numbers stay, so a ledger still reads.
pub fn mask_door(address: &str) -> String {
    let Some(end) = address.rfind(|c: char| c.is_ascii_digit()) else { return address.to_string() };
    let start = address[..end]
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |i| i + address[i..].chars().next().map_or(1, char::len_utf8));
    let mut out = String::with_capacity(address.len());
    out.push_str(&address[..start]);
    out.extend(std::iter::repeat_n('*', end + 1 - start));
    out.push_str(&address[end + 1..]);
    out
}

/// Masks what names a person's home or phone inside free text (a problem's title or notes): a
/// room number (the digits before `室`: `5号楼1单元501室漏水` → `5号楼1单元***室漏水`) and a
/// mainland mobile number (`138****1234`). Building and unit numbers stay.
pub fn mask_free_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        out.push_str(&rest[..start]);
        let run_len = rest[start..].find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len() - start);
        let run = &rest[start..start + run_len];
        let after = &rest[start + run_len..];
        let b = run.as_bytes();
        if after.starts_with('室') {
            out.extend(std::iter::repeat_n('*', run_len));
        } else if b.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1]) {
            out.push_str(&mask_phone(run));
        } else {
            out.push_str(run);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
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
