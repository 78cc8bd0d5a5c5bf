//! Turning a file's bytes into text: UTF-8 with or without a BOM, or GB18030/GBK as Excel and
//! WPS save CSV on Chinese Windows. Binary files and UTF-16 are refused with a reason.

use std::borrow::Cow;

use encoding_rs::GB18030;

/// The encoding a file was found to be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Gb18030,
}

/// Decodes a file: BOM → UTF-8; valid UTF-8 → UTF-8; otherwise GB18030. Errors say why the bytes
/// are not text.
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest)
            .map(|s| (Cow::Borrowed(s), Encoding::Utf8Bom))
            .map_err(|e| format!("starts with a UTF-8 byte order mark but is not valid UTF-8 ({e})"));
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err("is UTF-16 text; save it as UTF-8 (or \"CSV UTF-8\" in Excel)".into());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        if s.contains('\0') {
            return Err("contains NUL bytes: it looks like a binary file, not text".into());
        }
        return Ok((Cow::Borrowed(s), Encoding::Utf8));
    }
    if bytes.contains(&0) {
        return Err("contains NUL bytes: it looks like a binary file, not text".into());
    }
    match GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(s) => Ok((Cow::Owned(s.into_owned()), Encoding::Gb18030)),
        None => Err("is neither UTF-8 nor GB18030 text; save it as UTF-8".into()),
    }
}

/// The text of 1-based line `line`, for snippets.
pub fn line_text(text: &str, line: u32) -> Option<&str> {
    text.lines().nth(line.checked_sub(1)? as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("编号".as_bytes()).unwrap(), (Cow::Borrowed("编号"), Encoding::Utf8));
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend("编号".as_bytes());
        assert_eq!(decode(&bom).unwrap(), (Cow::Borrowed("编号"), Encoding::Utf8Bom));
    }

    #[test]
    fn gb18030_as_excel_writes_it() {
        let (bytes, _, _) = GB18030.encode("date,member\n2022-03-01,张伟\n");
        let (text, enc) = decode(&bytes).unwrap();
        assert_eq!(enc, Encoding::Gb18030);
        assert_eq!(text, "date,member\n2022-03-01,张伟\n");
    }

    #[test]
    fn binary_and_utf16_are_refused() {
        assert!(decode(b"\x00\x01\x02garbage").unwrap_err().contains("binary"));
        assert!(decode(b"\xFF\xFEa\x00").unwrap_err().contains("UTF-16"));
        assert!(decode(b"\x80\x80\xFF\xFF").unwrap_err().contains("neither UTF-8 nor GB18030"));
        assert!(decode(b"\xEF\xBB\xBF\xFF").unwrap_err().contains("not valid UTF-8"));
    }

    #[test]
    fn lines() {
        assert_eq!(line_text("a\nb\r\nc", 2), Some("b"));
        assert_eq!(line_text("a", 0), None);
        assert_eq!(line_text("a", 5), None);
    }
}
