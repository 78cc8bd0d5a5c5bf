//! Record ids, and the interner that turns them into small copyable symbols. Pure; no I/O.

use std::collections::HashMap;

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

/// An interned id: the index of its text in an [`Interner`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sym(pub u32);

/// Keeps each distinct id once; records refer to ids by [`Sym`].
#[derive(Debug, Default, Clone)]
pub struct Interner {
    map: HashMap<Box<str>, Sym>,
    names: Vec<Box<str>>,
}

impl Interner {
    pub fn intern(&mut self, s: &str) -> Sym {
        if let Some(&sym) = self.map.get(s) {
            return sym;
        }
        let sym = Sym(u32::try_from(self.names.len()).expect("fewer than 4 billion ids"));
        self.names.push(s.into());
        self.map.insert(s.into(), sym);
        sym
    }

    /// Looks an id up without adding it.
    pub fn get(&self, s: &str) -> Option<Sym> {
        self.map.get(s).copied()
    }

    pub fn name(&self, sym: Sym) -> &str {
        &self.names[sym.0 as usize]
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
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
}
