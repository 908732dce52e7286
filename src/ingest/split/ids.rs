//! The duplicate-id check of a split pass. Each thread files the 64-bit
//! fingerprints of its rows' respondent ids into buckets by their top bits
//! (one bucket per [`PER_BUCKET`] ids expected), keeping the low 48 bits: 6
//! bytes a respondent, appended in order within a bucket (no cache miss per
//! row, as a hash table would cost) and never sorted while reading. Two ids
//! alike in their bucket and low 48 bits count as one repeated: for n ids
//! the chance that any two do is about n / 2³⁵ (1 in 7,000 for 5 million),
//! and such a repeat only sends the file to one pass, which finds out
//! exactly.
//! Once every part is read, the fingerprints of each bucket of all threads
//! together go into a table of their own (open addressing, the
//! fingerprint's low bits as its place: fingerprints are hashes already),
//! which finds one that comes twice; buckets are small, so the table stays
//! in the cache. The check runs on a thread of its own while the sums are
//! merged.

/// Fingerprints aimed at per bucket (over all threads).
const PER_BUCKET: usize = 16384;
/// At most this many buckets (a power of two).
const MAX_BUCKETS: usize = 4096;

/// Bytes kept of a fingerprint.
const KEPT: usize = 6;

/// One thread's fingerprints, by bucket.
#[derive(Debug, Default)]
pub(super) struct IdBuckets {
    /// `64 − log₂(buckets)`: a fingerprint's bucket is its top bits.
    shift: u32,
    /// Per bucket, the low [`KEPT`] bytes of each fingerprint, little-endian.
    buckets: Vec<Vec<u8>>,
}

impl IdBuckets {
    /// Buckets for a pass expecting about `expect` ids in all, this thread
    /// about `mine` of them. Every thread of a pass must be given the same
    /// `expect`.
    pub fn new(expect: usize, mine: usize) -> IdBuckets {
        let n = (expect / PER_BUCKET)
            .clamp(1, MAX_BUCKETS)
            .next_power_of_two();
        let room = (mine / n + mine / n / 32 + 16) * KEPT;
        IdBuckets {
            shift: 64 - n.trailing_zeros(),
            buckets: (0..n).map(|_| Vec::with_capacity(room)).collect(),
        }
    }

    #[inline]
    pub fn push(&mut self, fingerprint: u64) {
        let b = fingerprint.checked_shr(self.shift).unwrap_or(0) as usize;
        let bucket = &mut self.buckets[b];
        if bucket.capacity() - bucket.len() < KEPT {
            // Grow by an eighth, not twice over: memory stays close to
            // 6 bytes a respondent when the estimate falls short.
            bucket.reserve_exact(bucket.capacity() / 8 + 64 * KEPT);
        }
        bucket.extend_from_slice(&fingerprint.to_le_bytes()[..KEPT]);
    }
}

/// Does any fingerprint come twice, within one thread's buckets or across
/// threads? All must have been made with the same `expect`.
pub(super) fn repeated_id(all: &[IdBuckets]) -> bool {
    let n = all.first().map_or(0, |t| t.buckets.len());
    debug_assert!(all.iter().all(|t| t.buckets.len() == n));
    let mut table = Vec::new();
    (0..n).any(|b| {
        let len: usize = all.iter().map(|t| t.buckets[b].len() / KEPT).sum();
        // At most half full; 0 marks a free place (a fingerprint 0 is
        // counted apart).
        let size = (2 * len).next_power_of_two().max(16);
        let mask = size as u64 - 1;
        table.clear();
        table.resize(size, 0u64);
        let mut zeros = 0;
        let kept = all.iter().flat_map(|t| t.buckets[b].chunks_exact(KEPT));
        for h in kept.map(|k| {
            let mut w = [0u8; 8];
            w[..KEPT].copy_from_slice(k);
            u64::from_le_bytes(w)
        }) {
            if h == 0 {
                zeros += 1;
                if zeros > 1 {
                    return true;
                }
                continue;
            }
            let mut at = h & mask;
            loop {
                match table[at as usize] {
                    0 => {
                        table[at as usize] = h;
                        break;
                    }
                    x if x == h => return true,
                    _ => at = (at + 1) & mask,
                }
            }
        }
        false
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filed(expect: usize, ids: &[u64]) -> IdBuckets {
        let mut b = IdBuckets::new(expect, ids.len());
        ids.iter().for_each(|&h| b.push(h));
        b
    }

    #[test]
    fn repeats_are_found_within_and_across_threads() {
        // Fingerprints spread over the whole range, top bits included.
        let spread: Vec<u64> = (0..5000u64)
            .map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15))
            .collect();
        for expect in [0, 1, 5000, 10_000_000] {
            let a = filed(expect, &spread[..2500]);
            let b = filed(expect, &spread[2500..]);
            assert!(!repeated_id(&[a, b]), "expect {expect}");
            // The same fingerprint on two threads.
            let a = filed(expect, &spread[..2500]);
            let b = filed(expect, &[spread[2499], spread[3000]]);
            assert!(repeated_id(&[a, b]), "expect {expect}");
            // Twice on one thread, far apart.
            let mut twice = spread[..2500].to_vec();
            twice.push(spread[7]);
            assert!(repeated_id(&[filed(expect, &twice)]), "expect {expect}");
            // The extremes of the range are buckets like any other.
            assert!(repeated_id(&[filed(expect, &[u64::MAX, 0, u64::MAX])]));
            assert!(!repeated_id(&[filed(expect, &[u64::MAX, 0, 1])]));
            // 0 is a fingerprint like any other.
            assert!(repeated_id(&[filed(expect, &[0, 5]), filed(expect, &[0])]));
            // Fingerprints alike in their low bits take the next places.
            let alike: Vec<u64> = (1..200u64).map(|i| i << 40).collect();
            assert!(!repeated_id(&[filed(expect, &alike)]));
            let mut again = alike.clone();
            again.push(150 << 40);
            assert!(repeated_id(&[filed(expect, &again)]));
            // Only the low 48 bits are kept beside the bucket: fingerprints
            // that differ only between them count as repeated (one pass then
            // finds out).
            assert!(repeated_id(&[filed(expect, &[5, 5 | 1 << 50])]));
        }
        assert!(!repeated_id(&[]));
    }
}
