//! The byte encoding of the parse cache: little-endian fixed-width numbers, strings as a length
//! and UTF-8 bytes, and a reader that checks every length, tag and symbol, so a corrupt or
//! truncated cache is an error to rebuild from, never a panic or a wrong record.

use chrono::{Datelike, NaiveDate};

use crate::model::labels::Labelled;
use crate::model::{FileId, Loc, Sym};

/// The cache's bytes do not decode: rebuild it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the parse cache does not decode")]
pub struct Corrupt;

pub type Decoded<T> = Result<T, Corrupt>;

/// Appends values to a byte buffer.
#[derive(Debug, Default)]
pub struct Enc {
    pub buf: Vec<u8>,
}

impl Enc {
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }

    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub fn i64(&mut self, v: i64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub fn bool(&mut self, v: bool) {
        self.u8(u8::from(v));
    }

    pub fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).expect("fewer than 4 billion items"));
    }

    pub fn str(&mut self, s: &str) {
        self.len(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }

    pub fn opt_str(&mut self, s: Option<&str>) {
        match s {
            None => self.u8(0),
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
        }
    }

    pub fn strs<S: AsRef<str>>(&mut self, list: &[S]) {
        self.len(list.len());
        list.iter().for_each(|s| self.str(s.as_ref()));
    }

    pub fn sym(&mut self, s: Sym) {
        self.u32(s.0);
    }

    /// `None` as `u32::MAX`, which no symbol reaches.
    pub fn opt_sym(&mut self, s: Option<Sym>) {
        self.u32(s.map_or(u32::MAX, |s| s.0));
    }

    pub fn syms(&mut self, list: &[Sym]) {
        self.len(list.len());
        list.iter().for_each(|&s| self.sym(s));
    }

    pub fn date(&mut self, d: NaiveDate) {
        self.u32(d.num_days_from_ce() as u32);
    }

    pub fn opt_date(&mut self, d: Option<NaiveDate>) {
        self.u32(d.map_or(u32::MAX, |d| d.num_days_from_ce() as u32));
    }

    /// An enum value as its position in [`Labelled::ALL`].
    pub fn label<L: Labelled + PartialEq>(&mut self, v: L) {
        self.u8(L::ALL.iter().position(|&x| x == v).expect("a value of the enum") as u8);
    }

    pub fn opt_label<L: Labelled + PartialEq>(&mut self, v: Option<L>) {
        match v {
            None => self.u8(u8::MAX),
            Some(v) => self.label(v),
        }
    }

    pub fn opt_u32(&mut self, v: Option<u32>) {
        match v {
            None => self.u8(0),
            Some(v) => {
                self.u8(1);
                self.u32(v);
            }
        }
    }
}

/// Reads values back, checking as it goes. `ids` is the number of interned symbols: a symbol at
/// or beyond it is corruption.
pub struct Dec<'a> {
    bytes: &'a [u8],
    at: usize,
    ids: u32,
}

impl<'a> Dec<'a> {
    pub fn new(bytes: &'a [u8], ids: u32) -> Self {
        Dec { bytes, at: 0, ids }
    }

    pub fn is_done(&self) -> bool {
        self.at == self.bytes.len()
    }

    /// How many bytes have been read.
    pub fn position(&self) -> usize {
        self.at
    }

    pub fn take(&mut self, n: usize) -> Decoded<&'a [u8]> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or(Corrupt)?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn array<const N: usize>(&mut self) -> Decoded<[u8; N]> {
        Ok(self.take(N)?.try_into().expect("N bytes"))
    }

    pub fn u8(&mut self) -> Decoded<u8> {
        Ok(self.array::<1>()?[0])
    }

    pub fn u32(&mut self) -> Decoded<u32> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    pub fn u64(&mut self) -> Decoded<u64> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    pub fn i64(&mut self) -> Decoded<i64> {
        Ok(i64::from_le_bytes(self.array()?))
    }

    pub fn bool(&mut self) -> Decoded<bool> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Corrupt),
        }
    }

    /// A count of items, each at least `min_size` bytes: more than the bytes left is corruption
    /// (so a bad count cannot make a huge allocation).
    pub fn len(&mut self, min_size: usize) -> Decoded<usize> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_size.max(1)) > self.bytes.len() - self.at {
            return Err(Corrupt);
        }
        Ok(n)
    }

    pub fn str(&mut self) -> Decoded<&'a str> {
        let n = self.len(1)?;
        std::str::from_utf8(self.take(n)?).map_err(|_| Corrupt)
    }

    pub fn string(&mut self) -> Decoded<String> {
        Ok(self.str()?.to_owned())
    }

    pub fn boxed(&mut self) -> Decoded<Box<str>> {
        Ok(self.str()?.into())
    }

    pub fn opt_boxed(&mut self) -> Decoded<Option<Box<str>>> {
        Ok(if self.bool()? { Some(self.boxed()?) } else { None })
    }

    pub fn boxed_strs(&mut self) -> Decoded<Box<[Box<str>]>> {
        let n = self.len(4)?;
        (0..n).map(|_| self.boxed()).collect()
    }

    pub fn opt_string(&mut self) -> Decoded<Option<String>> {
        Ok(if self.bool()? { Some(self.string()?) } else { None })
    }

    pub fn strings(&mut self) -> Decoded<Vec<String>> {
        let n = self.len(4)?;
        (0..n).map(|_| self.string()).collect()
    }

    pub fn sym(&mut self) -> Decoded<Sym> {
        let s = self.u32()?;
        if s < self.ids { Ok(Sym(s)) } else { Err(Corrupt) }
    }

    pub fn opt_sym(&mut self) -> Decoded<Option<Sym>> {
        match self.u32()? {
            u32::MAX => Ok(None),
            s if s < self.ids => Ok(Some(Sym(s))),
            _ => Err(Corrupt),
        }
    }

    pub fn syms(&mut self) -> Decoded<Vec<Sym>> {
        let n = self.len(4)?;
        (0..n).map(|_| self.sym()).collect()
    }

    pub fn date(&mut self) -> Decoded<NaiveDate> {
        let days = i32::try_from(self.u32()?).map_err(|_| Corrupt)?;
        NaiveDate::from_num_days_from_ce_opt(days).ok_or(Corrupt)
    }

    pub fn opt_date(&mut self) -> Decoded<Option<NaiveDate>> {
        match self.u32()? {
            u32::MAX => Ok(None),
            days => {
                NaiveDate::from_num_days_from_ce_opt(i32::try_from(days).map_err(|_| Corrupt)?).map(Some).ok_or(Corrupt)
            }
        }
    }

    pub fn label<L: Labelled>(&mut self) -> Decoded<L> {
        L::ALL.get(self.u8()? as usize).copied().ok_or(Corrupt)
    }

    pub fn opt_label<L: Labelled>(&mut self) -> Decoded<Option<L>> {
        match self.u8()? {
            u8::MAX => Ok(None),
            i => L::ALL.get(i as usize).copied().map(Some).ok_or(Corrupt),
        }
    }

    pub fn opt_u32(&mut self) -> Decoded<Option<u32>> {
        Ok(if self.bool()? { Some(self.u32()?) } else { None })
    }

    /// A record's line, in `file` (records are stored without their file: a file's place in the
    /// folder can change between runs).
    pub fn loc(&mut self, file: FileId) -> Decoded<Loc> {
        Ok(Loc { file, line: self.u32()? })
    }
}

/// A fast 64-bit checksum of a cache section (four independent multiply-rotate lanes over
/// eight-byte words), to tell a damaged cache from a good one. Not cryptographic.
pub fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut lanes = [1u64, 2, 3, 4];
    let mut blocks = bytes.chunks_exact(32);
    for b in &mut blocks {
        for (i, lane) in lanes.iter_mut().enumerate() {
            let w = u64::from_le_bytes(b[i * 8..i * 8 + 8].try_into().expect("8 bytes"));
            *lane = (lane.rotate_left(23) ^ w).wrapping_mul(K);
        }
    }
    let mut h = bytes.len() as u64;
    for lane in lanes {
        h = (h.rotate_left(17) ^ lane).wrapping_mul(K);
    }
    for &b in blocks.remainder() {
        h = (h.rotate_left(8) ^ u64::from(b)).wrapping_mul(K);
    }
    h ^ (h >> 29)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::labels::VisitMethod;

    #[test]
    fn values_round_trip() {
        let mut e = Enc::default();
        let d = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        e.u8(7);
        e.u32(70_000);
        e.u64(u64::MAX - 1);
        e.i64(-5);
        e.str("幸福里1号楼");
        e.opt_str(None);
        e.opt_str(Some(""));
        e.sym(Sym(3));
        e.opt_sym(None);
        e.syms(&[Sym(0), Sym(4)]);
        e.date(d);
        e.opt_date(None);
        e.label(VisitMethod::Wechat);
        e.opt_label::<VisitMethod>(None);
        e.opt_u32(Some(9));
        let mut r = Dec::new(&e.buf, 5);
        assert_eq!(r.u8(), Ok(7));
        assert_eq!(r.u32(), Ok(70_000));
        assert_eq!(r.u64(), Ok(u64::MAX - 1));
        assert_eq!(r.i64(), Ok(-5));
        assert_eq!(r.str(), Ok("幸福里1号楼"));
        assert_eq!(r.opt_string(), Ok(None));
        assert_eq!(r.opt_string(), Ok(Some(String::new())));
        assert_eq!(r.sym(), Ok(Sym(3)));
        assert_eq!(r.opt_sym(), Ok(None));
        assert_eq!(r.syms(), Ok(vec![Sym(0), Sym(4)]));
        assert_eq!(r.date(), Ok(d));
        assert_eq!(r.opt_date(), Ok(None));
        assert_eq!(r.label(), Ok(VisitMethod::Wechat));
        assert_eq!(r.opt_label::<VisitMethod>(), Ok(None));
        assert_eq!(r.opt_u32(), Ok(Some(9)));
        assert!(r.is_done());
    }

    #[test]
    fn damage_is_an_error_not_a_panic() {
        let mut e = Enc::default();
        e.str("走访");
        e.sym(Sym(9));
        // Cut short anywhere: an error.
        for cut in 0..e.buf.len() {
            let mut r = Dec::new(&e.buf[..cut], 10);
            assert!(r.str().and_then(|_| r.sym()).is_err(), "cut at {cut}");
        }
        // A symbol beyond the interner, a huge count, bad UTF-8, a bad tag.
        assert_eq!(Dec::new(&e.buf, 9).str().and_then(|_| Dec::new(&e.buf[10..], 9).sym()), Err(Corrupt));
        assert_eq!(Dec::new(&u32::MAX.to_le_bytes(), 1).syms(), Err(Corrupt));
        assert_eq!(Dec::new(&[1, 0, 0, 0, 0xff], 1).str(), Err(Corrupt));
        assert_eq!(Dec::new(&[2], 1).bool(), Err(Corrupt));
        assert_eq!(Dec::new(&[200], 1).label::<VisitMethod>(), Err(Corrupt));
    }

    #[test]
    fn checksums_see_any_changed_byte() {
        let bytes: Vec<u8> = (0..100u8).collect();
        let sum = checksum(&bytes);
        for i in 0..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 1;
            assert_ne!(checksum(&b), sum, "byte {i}");
        }
        assert_ne!(checksum(&bytes[..99]), sum);
    }
}
