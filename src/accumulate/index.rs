//! Company ids to accumulator positions. Most ids are short: those of up to
//! 16 bytes are keyed by their bytes packed into one number (hashed and
//! compared without a call to compare memory), longer ones by the string.

use ahash::RandomState;
use std::collections::HashMap;

/// A map from company id to position.
#[derive(Debug, Clone)]
pub struct CompanyIndex {
    /// Ids of up to 16 bytes: (length, bytes as a little-endian number).
    short: HashMap<(u8, u128), usize, RandomState>,
    long: HashMap<Box<str>, usize, RandomState>,
}

/// `id` packed, if it has at most 16 bytes.
#[inline]
fn pack(id: &str) -> Option<(u8, u128)> {
    Some((
        id.len() as u8,
        crate::ingest::values::pack16(id.as_bytes())?,
    ))
}

impl CompanyIndex {
    pub fn new() -> CompanyIndex {
        CompanyIndex {
            short: HashMap::with_hasher(RandomState::with_seeds(1, 2, 3, 4)),
            long: HashMap::with_hasher(RandomState::with_seeds(1, 2, 3, 4)),
        }
    }

    #[inline]
    pub fn get(&self, id: &str) -> Option<usize> {
        match pack(id) {
            Some(k) => self.short.get(&k).copied(),
            None => self.long.get(id).copied(),
        }
    }

    pub fn insert(&mut self, id: &str, at: usize) {
        match pack(id) {
            Some(k) => self.short.insert(k, at),
            None => self.long.insert(id.into(), at),
        };
    }

    pub fn clear(&mut self) {
        self.short.clear();
        self.long.clear();
    }
}

impl Default for CompanyIndex {
    fn default() -> Self {
        CompanyIndex::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_ids_and_ids_alike_in_their_bytes() {
        let mut ix = CompanyIndex::new();
        let ids = [
            "C1",
            "C1\0",
            "",
            "sixteen-bytes-16",
            "seventeen-bytes-7",
            "é",
        ];
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(ix.get(id), None);
            ix.insert(id, i);
        }
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(ix.get(id), Some(i), "{id:?}");
        }
        ix.insert("C1", 9);
        assert_eq!(ix.get("C1"), Some(9));
        assert_eq!(ix.get("C1\0"), Some(1));
        ix.clear();
        assert_eq!(ix.get("sixteen-bytes-16"), None);
    }
}
