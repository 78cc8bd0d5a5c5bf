//! Turning a file's bytes into text: UTF-8 with or without a BOM, or GB18030/GBK as Excel and
//! WPS save CSV on Chinese Windows. Binary files (a workbook saved where a CSV was expected) and
//! UTF-16 are refused with a reason and what to do, once per file.

use std::borrow::Cow;

use encoding_rs::GB18030;

/// Why a file's bytes are not text gov reads. Each message completes "the file …" and names
/// what the file is; the catalogue says what to do ([`crate::text::findings::not_text_hint`]). A file that is not text is one
/// finding, never one per line of mojibake.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("starts with a UTF-8 byte order mark but is not valid UTF-8 ({0})")]
    BadUtf8AfterBom(std::str::Utf8Error),
    #[error("is UTF-16 text, not UTF-8 or GB18030")]
    Utf16,
    #[error("is not text: it looks like {0}")]
    Binary(Binary),
    #[error("ends in the middle of a UTF-8 character: it was probably cut short")]
    CutShort,
    #[error("is UTF-8 up to line {line}, where it has bytes that are not UTF-8; re-save it as UTF-8")]
    BadUtf8At { line: usize },
    #[error("is neither UTF-8 nor GB18030 text; save it as UTF-8")]
    Unknown,
}

/// What a file that is not text looks like, from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Binary {
    #[error("an Excel workbook (xlsx)")]
    Xlsx,
    #[error("an old Excel or WPS workbook (xls, et)")]
    Xls,
    #[error("a ZIP archive")]
    Zip,
    #[error("a PDF document")]
    Pdf,
    #[error("a binary file (it holds NUL bytes)")]
    Other,
}

/// Bytes that are not text: a spreadsheet, an archive or another binary file (by its first
/// bytes, or the NUL bytes text never holds), or UTF-16 (with or without its byte order mark:
/// NUL bytes mostly at odd offsets, or mostly at even ones, as ASCII in UTF-16 makes them).
fn not_text(bytes: &[u8]) -> Option<DecodeError> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Some(DecodeError::Utf16);
    }
    let kind = if bytes.starts_with(b"PK\x03\x04") {
        let head = &bytes[..bytes.len().min(64 * 1024)];
        let xlsx = head.windows(3).any(|w| w == b"xl/");
        Some(if xlsx { Binary::Xlsx } else { Binary::Zip })
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Some(Binary::Xls)
    } else if bytes.starts_with(b"%PDF-") {
        Some(Binary::Pdf)
    } else {
        None
    };
    if let Some(kind) = kind {
        return Some(DecodeError::Binary(kind));
    }
    if !bytes.contains(&0) {
        return None;
    }
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, _) in head.iter().enumerate().filter(|(_, b)| **b == 0) {
        if i.is_multiple_of(2) { even += 1 } else { odd += 1 }
    }
    let one_sided = (odd >= 2 && odd > 8 * even) || (even >= 2 && even > 8 * odd);
    Some(if bytes.len().is_multiple_of(2) && one_sided {
        DecodeError::Utf16
    } else {
        DecodeError::Binary(Binary::Other)
    })
}

/// The encoding a file was found to be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Gb18030,
}

/// Decodes a file: BOM → UTF-8; valid UTF-8 → UTF-8; otherwise GB18030. Errors say why the bytes
/// are not text.
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest)
            .map(|s| (Cow::Borrowed(s), Encoding::Utf8Bom))
            .map_err(DecodeError::BadUtf8AfterBom);
    }
    let bad = match std::str::from_utf8(bytes) {
        Ok(s) if s.contains('\0') => return Err(not_text(bytes).unwrap_or(DecodeError::Binary(Binary::Other))),
        Ok(s) => return Ok((Cow::Borrowed(s), Encoding::Utf8)),
        Err(e) => e,
    };
    // Not UTF-8: before GB18030 (which takes almost any bytes), what is plainly not text.
    if let Some(e) = not_text(bytes) {
        return Err(e);
    }
    // UTF-8 cut off mid-character, or UTF-8 with a bad byte after a stretch of Chinese that only
    // UTF-8 explains: not GB18030, which would silently turn it into mojibake. (GB18030 Chinese
    // breaks UTF-8 within a character or two.)
    let good = std::str::from_utf8(&bytes[..bad.valid_up_to()]).unwrap_or_default();
    let multibyte = good.chars().filter(|c| !c.is_ascii()).take(8).count();
    if bad.error_len().is_none() && multibyte >= 1 {
        return Err(DecodeError::CutShort);
    }
    if multibyte >= 8 {
        let line = super::csv::split::count_line_ends(good.as_bytes()) + 1;
        return Err(DecodeError::BadUtf8At { line });
    }
    match GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(s) => Ok((Cow::Owned(s.into_owned()), Encoding::Gb18030)),
        None => Err(DecodeError::Unknown),
    }
}

/// [`decode`] for bytes the caller owns: valid UTF-8 (the usual case) becomes the text without
/// a second pass or a copy.
pub fn decode_owned(mut bytes: Vec<u8>) -> Result<(String, Encoding), DecodeError> {
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    if bom {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(s) if !s.contains('\0') => Ok((s, if bom { Encoding::Utf8Bom } else { Encoding::Utf8 })),
        Ok(s) => decode(s.as_bytes()).map(|(t, e)| (t.into_owned(), e)),
        Err(e) => {
            let mut bytes = e.into_bytes();
            if bom {
                bytes.splice(..0, *b"\xEF\xBB\xBF");
            }
            decode(&bytes).map(|(t, e)| (t.into_owned(), e))
        }
    }
}

/// The text of 1-based line `line`, for snippets; `\n`, `\r\n` and a lone `\r` each end a line,
/// as the CSV reader counts them ([`super::csv::split`]).
pub fn line_text(text: &str, line: u32) -> Option<&str> {
    super::csv::split::lines(text).nth(line.checked_sub(1)? as usize)
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
    fn owned_bytes_decode_as_borrowed_ones_do() {
        let (gb, _, _) = GB18030.encode("腊月,穆桂英\n");
        let cases: Vec<Vec<u8>> = vec![
            "编号\n".into(),
            [b"\xEF\xBB\xBF".as_slice(), "编号".as_bytes()].concat(),
            [b"\xEF\xBB\xBF".as_slice(), b"\xFF"].concat(),
            b"a\0b".to_vec(),
            b"\xFF\xFEa\0".to_vec(),
            gb.into_owned(),
            "走访记录".as_bytes()[..5].to_vec(),
        ];
        for bytes in cases {
            let want = decode(&bytes).map(|(t, e)| (t.into_owned(), e));
            assert_eq!(decode_owned(bytes.clone()), want, "{bytes:?}");
        }
    }

    #[test]
    fn gb18030_that_starts_like_utf8() {
        // 穆 is 0xC4 0xC2 in GB18030; 腊 is 0xC0 0xB0, which is also a valid UTF-8 start.
        let (bytes, _, _) = GB18030.encode("腊月,穆桂英\n");
        assert_eq!(decode(&bytes).unwrap().1, Encoding::Gb18030);
    }

    #[test]
    fn gb18030_as_excel_writes_it() {
        let (bytes, _, _) = GB18030.encode("date,member\n2022-03-01,张伟\n");
        let (text, enc) = decode(&bytes).unwrap();
        assert_eq!(enc, Encoding::Gb18030);
        assert_eq!(text, "date,member\n2022-03-01,张伟\n");
    }

    #[test]
    fn broken_utf8_is_not_mistaken_for_gb18030() {
        let cut = &"电话问".as_bytes()[..8];
        assert!(decode(cut).unwrap_err().to_string().contains("cut short"));
        let mut mid = "走访电话问候\n第二行走访".as_bytes().to_vec();
        mid.insert(25, 0xFF);
        assert!(decode(&mid).unwrap_err().to_string().contains("UTF-8 up to line 2"), "{:?}", decode(&mid));
    }

    #[test]
    fn binary_and_utf16_are_refused() {
        assert!(decode(b"\x00\x01\x02garbage").unwrap_err().to_string().contains("binary"));
        assert!(decode(b"\xFF\xFEa\x00").unwrap_err().to_string().contains("UTF-16"));
        let utf16 = |s: &str, le: bool| -> Vec<u8> {
            s.encode_utf16().flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() }).collect()
        };
        let csv = "id,name,kind\nM001,张伟,在职\nM002,一二,退休\n";
        assert_eq!(decode(&utf16(csv, true)), Err(DecodeError::Utf16), "UTF-16LE without a BOM");
        assert_eq!(decode(&utf16(csv, false)), Err(DecodeError::Utf16), "UTF-16BE without a BOM");
        let mut xlsx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00".to_vec();
        xlsx.extend(b"[Content_Types].xml\xC3\x28\x9F\x00\x00xl/workbook.xml\xFF\x00");
        assert_eq!(decode(&xlsx), Err(DecodeError::Binary(Binary::Xlsx)));
        assert_eq!(decode(&xlsx).unwrap_err().to_string(), "is not text: it looks like an Excel workbook (xlsx)");
        assert_eq!(decode(b"PK\x03\x04\x00\x00\xFFdata"), Err(DecodeError::Binary(Binary::Zip)));
        assert_eq!(decode(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00"), Err(DecodeError::Binary(Binary::Xls)));
        // Binary that GB18030 would take (no invalid sequence): refused all the same, for its NULs.
        assert_eq!(decode(b"\x81\x40\x00\x00\x00\x81\x40\x00\x01"), Err(DecodeError::Binary(Binary::Other)));
        assert!(decode(b"\x80\x80\xFF\xFF").unwrap_err().to_string().contains("neither UTF-8 nor GB18030"));
        assert!(decode(b"\xEF\xBB\xBF\xFF").unwrap_err().to_string().contains("not valid UTF-8"));
    }

    #[test]
    fn lines() {
        assert_eq!(line_text("a\nb\r\nc", 2), Some("b"));
        assert_eq!(line_text("a\rb\rc", 3), Some("c"));
        assert_eq!(line_text("a", 0), None);
        assert_eq!(line_text("a", 5), None);
    }
}
