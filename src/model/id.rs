//! Record ids, and the interner that turns them into small copyable symbols. Pure; no I/O.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Longest id accepted.
pub const MAX_ID_LEN: usize = 64;

/// Why an id is not acceptable, for messages.
pub fn id_problem(s: &str) -> Option<IdProblem> {
    if s.is_empty() {
        Some(IdProblem::Empty)
    } else if s.len() > MAX_ID_LEN {
        Some(IdProblem::TooLong)
    } else if s.starts_with('.') {
        Some(IdProblem::LeadingDot)
    } else if !s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')) {
        Some(IdProblem::BadCharacter)
    } else {
        None
    }
}

/// Why a text is not an id (the catalogue words it: [`crate::text::findings::invalid_id`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdProblem {
    Empty,
    /// Longer than 64 characters.
    TooLong,
    /// Starts with `.`.
    LeadingDot,
    /// Holds a character other than A-Z a-z 0-9 _ - .
    BadCharacter,
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
/// apart by their text: the later one goes to a small overflow map. The table is built on the
/// first look-up by text: an interner read back from the parse cache often needs none.
#[derive(Debug, Default, Clone)]
pub struct Interner {
    table: OnceLock<Table>,
    text: String,
    ends: Vec<u32>,
}

#[derive(Debug, Default, Clone)]
struct Table {
    by_hash: HashMap<u64, Slot, BuildHasherDefault<PassHasher>>,
    overflow: HashMap<Box<str>, Sym>,
}

/// A table entry: the symbol, with the id's length and first eight bytes, so that most ids
/// (`M00001`, `H000123`) are confirmed without reading the text arena, a second cache miss
/// per look-up that was a tenth of a cold load.
#[derive(Debug, Clone, Copy)]
struct Slot {
    sym: Sym,
    len: u32,
    head: u64,
}

impl Slot {
    fn new(sym: Sym, s: &str) -> Slot {
        let mut head = [0u8; 8];
        let n = s.len().min(8);
        head[..n].copy_from_slice(&s.as_bytes()[..n]);
        Slot { sym, len: s.len() as u32, head: u64::from_le_bytes(head) }
    }

    /// Whether this is the slot of `s`, reading the arena only for ids longer than eight bytes.
    fn is(&self, s: &str, text: &str, ends: &[u32]) -> bool {
        let probe = Slot::new(self.sym, s);
        probe.len == self.len && probe.head == self.head && (s.len() <= 8 || name_in(text, ends, self.sym) == s)
    }
}

fn hash_id(s: &str) -> u64 {
    let mut h = IdHasher::default();
    h.write(s.as_bytes());
    h.finish()
}

fn name_in<'a>(text: &'a str, ends: &[u32], sym: Sym) -> &'a str {
    let i = sym.0 as usize;
    let start = if i == 0 { 0 } else { ends[i - 1] as usize };
    &text[start..ends[i] as usize]
}

impl Table {
    fn build(text: &str, ends: &[u32]) -> Table {
        let mut t = Table::default();
        t.by_hash.reserve(ends.len());
        for i in 0..ends.len() {
            let sym = Sym(i as u32);
            let id = name_in(text, ends, sym);
            let hash = hash_id(id);
            if t.find(text, ends, hash, id).is_none() {
                t.add(hash, id, sym);
            }
        }
        t
    }

    fn find(&self, text: &str, ends: &[u32], hash: u64, s: &str) -> Option<Sym> {
        match self.by_hash.get(&hash) {
            Some(slot) if slot.is(s, text, ends) => Some(slot.sym),
            Some(_) => self.overflow.get(s).copied(),
            None => None,
        }
    }

    fn add(&mut self, hash: u64, s: &str, sym: Sym) {
        match self.by_hash.entry(hash) {
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(Slot::new(sym, s));
            }
            std::collections::hash_map::Entry::Occupied(_) => {
                self.overflow.insert(s.into(), sym);
            }
        }
    }
}

impl Interner {
    fn table(&self) -> &Table {
        self.table.get_or_init(|| Table::build(&self.text, &self.ends))
    }

    pub fn intern(&mut self, s: &str) -> Sym {
        let hash = hash_id(s);
        self.table();
        let table = self.table.get_mut().expect("built above");
        if let Some(sym) = table.find(&self.text, &self.ends, hash, s) {
            return sym;
        }
        let sym = Sym(u32::try_from(self.ends.len()).expect("fewer than 4 billion ids"));
        self.text.push_str(s);
        self.ends.push(u32::try_from(self.text.len()).expect("ids shorter than 4 GB in all"));
        table.add(hash, s, sym);
        sym
    }

    /// Looks an id up without adding it.
    pub fn get(&self, s: &str) -> Option<Sym> {
        self.table().find(&self.text, &self.ends, hash_id(s), s)
    }

    pub fn name(&self, sym: Sym) -> &str {
        name_in(&self.text, &self.ends, sym)
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The ids end to end, and where each ends: what [`Interner::from_parts`] takes back.
    pub fn parts(&self) -> (&str, &[u32]) {
        (&self.text, &self.ends)
    }

    /// Rebuilds an interner from [`Interner::parts`], numbering the ids as before. `None` when
    /// the parts do not describe the ids' places in the text (a damaged cache). Should an id
    /// appear twice, look-ups by text find the first.
    pub fn from_parts(text: String, ends: Vec<u32>) -> Option<Interner> {
        let mut start = 0;
        for &end in &ends {
            text.get(start..end as usize)?;
            start = end as usize;
        }
        (start == text.len()).then(|| Interner { table: OnceLock::new(), text, ends })
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
        assert_eq!(id_problem(""), Some(IdProblem::Empty));
        assert_eq!(id_problem(".hidden"), Some(IdProblem::LeadingDot));
        assert_eq!(id_problem("../etc"), Some(IdProblem::LeadingDot));
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
    fn long_ids_sharing_their_first_eight_bytes_stay_apart() {
        let mut i = Interner::default();
        let a = i.intern("I-2024-00001");
        let b = i.intern("I-2024-00002");
        assert_ne!(a, b);
        assert_eq!(i.get("I-2024-00002"), Some(b));
        assert_eq!(i.get("I-2024-0000"), None);
        assert_eq!(i.get("I-2024-000011"), None);
        // A short id and a long one with the same first eight bytes.
        let c = i.intern("I-2024-0");
        assert_ne!(c, a);
        assert_eq!(i.get("I-2024-0"), Some(c));
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
        let twice = Interner::from_parts("M1M1".into(), vec![2, 4]).unwrap();
        assert_eq!(twice.get("M1"), Some(Sym(0)), "the first of an id given twice");
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
        let t = i.table.get_mut().unwrap();
        t.by_hash.clear();
        t.by_hash.insert(hash_id(&a), Slot::new(sym_a, &a));
        t.overflow.insert(b.clone().into(), syms[4]);
        // `b` now hashes to a slot holding `a` only when the hashes are equal; simulate that.
        t.by_hash.insert(hash_id(&b), Slot::new(sym_a, &a));
        assert_eq!(i.get(&b), Some(syms[4]));
        assert_eq!(i.get(&a), Some(sym_a));
    }
}
