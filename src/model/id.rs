//! Record ids, and the interner that turns them into small copyable symbols. Pure; no I/O.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Longest id accepted.
pub const MAX_ID_LEN: usize = 64;

/// Why an id is not acceptable, for messages.
pub fn id_problem(s: &str) -> Option<&'static str> {
    if s.is_empty() {
        Some("is empty")
    } else if s.len() > MAX_ID_LEN {
        Some("is longer than 64 characters")
    } else if s.starts_with('.') {
        Some("starts with `.`")
    } else if !s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')) {
        Some("may only contain A-Z a-z 0-9 _ - .")
    } else {
        None
    }
}

/// A fast, non-cryptographic hasher for short ids (the multiply-rotate scheme of rustc's
/// `FxHasher`, eight bytes at a time, with a final mix). Ids come from the user's own files, so hash flooding is not
/// a concern; SipHash, the standard default, was a tenth of the load time of a district folder.
#[derive(Debug, Default, Clone, Copy)]
pub struct IdHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl IdHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for IdHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    /// Mixes the high bits down: a multiply leaves the low bits depending on the low input bits
    /// only, and ids sharing a prefix (`H000123`) would otherwise land in the same buckets.
    #[inline]
    fn finish(&self) -> u64 {
        let h = self.0;
        (h ^ (h >> 32)).wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ (h >> 29)
    }
}

/// A `HashMap` keyed by ids, with [`IdHasher`].
pub type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

/// A `HashSet` of ids or positions, with [`IdHasher`].
pub type IdSet<K> = std::collections::HashSet<K, BuildHasherDefault<IdHasher>>;

/// An interned id: the index of its text in an [`Interner`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sym(pub u32);

/// Keeps each distinct id once; records refer to ids by [`Sym`].
///
/// The texts live end to end in one string and the table maps a 64-bit hash of the text to its
/// symbol, so a look-up touches the table and a compact arena rather than one heap box per id
/// (at district scale, visits look up six million ids). Two ids whose hashes collide are told
/// apart by their text: the later one goes to a small overflow map.
#[derive(Debug, Default, Clone)]
pub struct Interner {
    by_hash: HashMap<u64, Sym, BuildHasherDefault<PassHasher>>,
    overflow: HashMap<Box<str>, Sym>,
    text: String,
    ends: Vec<u32>,
}

fn hash_id(s: &str) -> u64 {
    let mut h = IdHasher::default();
    h.write(s.as_bytes());
    h.finish()
}

impl Interner {
    pub fn intern(&mut self, s: &str) -> Sym {
        let hash = hash_id(s);
        if let Some(sym) = self.find(hash, s) {
            return sym;
        }
        let sym = Sym(u32::try_from(self.ends.len()).expect("fewer than 4 billion ids"));
        self.text.push_str(s);
        self.ends.push(u32::try_from(self.text.len()).expect("ids shorter than 4 GB in all"));
        match self.by_hash.entry(hash) {
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(sym);
            }
            std::collections::hash_map::Entry::Occupied(_) => {
                self.overflow.insert(s.into(), sym);
            }
        }
        sym
    }

    fn find(&self, hash: u64, s: &str) -> Option<Sym> {
        match self.by_hash.get(&hash) {
            Some(&sym) if self.name(sym) == s => Some(sym),
            Some(_) => self.overflow.get(s).copied(),
            None => None,
        }
    }

    /// Looks an id up without adding it.
    pub fn get(&self, s: &str) -> Option<Sym> {
        self.find(hash_id(s), s)
    }

    pub fn name(&self, sym: Sym) -> &str {
        let i = sym.0 as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The ids end to end, and where each ends: what [`Interner::from_parts`] takes back.
    pub fn parts(&self) -> (&str, &[u32]) {
        (&self.text, &self.ends)
    }

    /// Rebuilds an interner from [`Interner::parts`], numbering the ids as before. `None` when
    /// the parts do not describe distinct ids (a damaged cache).
    pub fn from_parts(text: String, ends: Vec<u32>) -> Option<Interner> {
        let mut start = 0;
        for &end in &ends {
            text.get(start..end as usize)?;
            start = end as usize;
        }
        if start != text.len() {
            return None;
        }
        let mut ids = Interner { text, ends, ..Interner::default() };
        ids.by_hash.reserve(ids.ends.len());
        for i in 0..ids.ends.len() {
            let sym = Sym(i as u32);
            let hash = hash_id(ids.name(sym));
            if let Some(&other) = ids.by_hash.get(&hash) {
                let name: Box<str> = ids.name(sym).into();
                if ids.name(other) == &*name || ids.overflow.insert(name, sym).is_some() {
                    return None;
                }
            } else {
                ids.by_hash.insert(hash, sym);
            }
        }
        Some(ids)
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

/// For keys that are already hashes.
#[derive(Debug, Default, Clone, Copy)]
pub struct PassHasher(u64);

impl Hasher for PassHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_syntax() {
        assert_eq!(id_problem("M001"), None);
        assert_eq!(id_problem("I-2022-0001"), None);
        assert_eq!(id_problem("a.b_c-9"), None);
        assert_eq!(id_problem(""), Some("is empty"));
        assert_eq!(id_problem(".hidden"), Some("starts with `.`"));
        assert_eq!(id_problem("../etc"), Some("starts with `.`"));
        assert!(id_problem("a/b").is_some());
        assert!(id_problem("张伟").is_some());
        assert!(id_problem("has space").is_some());
        assert_eq!(id_problem(&"x".repeat(64)), None);
        assert!(id_problem(&"x".repeat(65)).is_some());
    }

    #[test]
    fn interning_is_stable() {
        let mut i = Interner::default();
        let a = i.intern("M001");
        let b = i.intern("H001");
        assert_eq!(i.intern("M001"), a);
        assert_ne!(a, b);
        assert_eq!(i.name(b), "H001");
        assert_eq!(i.get("H001"), Some(b));
        assert_eq!(i.get("nope"), None);
    }

    #[test]
    fn rebuilt_from_parts() {
        let mut i = Interner::default();
        let syms: Vec<Sym> = ["M1", "H1", "I-2024-1"].iter().map(|s| i.intern(s)).collect();
        let (text, ends) = i.parts();
        let j = Interner::from_parts(text.to_string(), ends.to_vec()).unwrap();
        for s in syms {
            assert_eq!(j.get(i.name(s)), Some(s));
        }
        assert!(Interner::from_parts("M1M1".into(), vec![2, 4]).is_none(), "the same id twice");
        assert!(Interner::from_parts("M1".into(), vec![3]).is_none(), "past the end");
        assert!(Interner::from_parts("M1H".into(), vec![2]).is_none(), "text left over");
        assert!(Interner::from_parts("张".into(), vec![1]).is_none(), "inside a character");
    }

    #[test]
    fn colliding_hashes_are_told_apart() {
        // Force every id into one hash slot: the overflow map must keep them distinct.
        let mut i = Interner::default();
        let syms: Vec<Sym> = (0..50).map(|n| i.intern(&format!("H{n:06}"))).collect();
        for (n, &s) in syms.iter().enumerate() {
            assert_eq!(i.name(s), format!("H{n:06}"));
            assert_eq!(i.get(&format!("H{n:06}")), Some(s));
        }
        let (a, b) = (i.name(syms[3]).to_string(), i.name(syms[4]).to_string());
        let sym_a = syms[3];
        i.by_hash.clear();
        i.by_hash.insert(hash_id(&a), sym_a);
        i.overflow.insert(b.clone().into(), syms[4]);
        // `b` now hashes to a slot holding `a` only when the hashes are equal; simulate that.
        i.by_hash.insert(hash_id(&b), sym_a);
        assert_eq!(i.get(&b), Some(syms[4]));
        assert_eq!(i.get(&a), Some(sym_a));
    }
}
