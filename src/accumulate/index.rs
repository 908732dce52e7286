//! Company ids to accumulator positions. Most ids are short: those of up to
//! 16 bytes are keyed by their bytes packed into one number (hashed and
//! compared without a call to compare memory), longer ones by the string.

use ahash::RandomState;
use std::collections::HashMap;

/// Hashes a packed id with two multiplications: ids are the file's own
/// (no adversary to guard against), and this is done once a row.
#[derive(Debug, Clone, Copy, Default)]
struct Packed(u64);

impl std::hash::Hasher for Packed {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u8(b);
        }
    }
    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.0 ^= n as u64;
    }
    #[inline]
    fn write_u128(&mut self, n: u128) {
        const K: u64 = 0x9E37_79B9_7F4A_7C15;
        let (lo, hi) = (n as u64, (n >> 64) as u64);
        let m = (lo ^ self.0).wrapping_mul(K) ^ hi;
        self.0 = m.wrapping_mul(K).rotate_left(29);
    }
    #[inline]
    fn finish(&self) -> u64 {
        // Both ends of the hash well mixed: the table takes its place from
        // the low bits and a tag from the top ones.
        self.0 ^ (self.0 >> 32)
    }
}

/// A map from company id to position.
#[derive(Debug, Clone)]
pub struct CompanyIndex {
    /// Ids of up to 16 bytes: (length, bytes as a little-endian number).
    short: HashMap<(u8, u128), usize, std::hash::BuildHasherDefault<Packed>>,
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
            short: HashMap::default(),
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

    /// Room for `more` ids (of up to 16 bytes, as most are) without growing.
    pub fn reserve(&mut self, more: usize) {
        self.short.reserve(more);
    }

    /// Ids held.
    pub fn len(&self) -> usize {
        self.short.len() + self.long.len()
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

    /// Ids alike but for a digit or two still spread over a table's places
    /// (low bits) and tags (top 7 bits).
    #[test]
    fn packed_ids_hash_apart() {
        use std::hash::BuildHasher;
        let build = std::hash::BuildHasherDefault::<Packed>::default();
        let hashes: Vec<u64> = (0..10_000)
            .map(|i| build.hash_one(pack(&format!("C{i:05}")).unwrap()))
            .collect();
        let places: std::collections::HashSet<u64> = hashes.iter().map(|h| h & 4095).collect();
        let tags: std::collections::HashSet<u64> = hashes.iter().map(|h| h >> 57).collect();
        assert!(places.len() > 3500, "{}", places.len());
        assert_eq!(tags.len(), 128);
    }

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
