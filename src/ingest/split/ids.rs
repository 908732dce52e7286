//! The duplicate-id check of a split pass. Each thread files the keys of
//! its rows' respondent ids ([`crate::ingest::idform`]) into buckets,
//! appended in order within a bucket (no cache miss per row, as a hash
//! table would cost) and never sorted while reading:
//! - an id of the file's numbered pattern by its number, first mapped one
//!   to one so that numbers close together spread over the buckets: the
//!   bucket is the top bits and the place in the bucket the bits below, in
//!   2 bytes (up to 8 digits) or 4 (up to 12); such keys are exact;
//! - any other id by its 64-bit hash, into buckets by the hash's top bits
//!   (one bucket per [`PER_HASH_BUCKET`] ids expected, at most
//!   [`MAX_HASH_BUCKETS`]), keeping the low 32 bits: 4 bytes a respondent.
//!   Two ids alike in their bucket and low 32 bits are a *suspect* pair:
//!   for n ids the number of such pairs is about n² / 2⁴⁵ with the most
//!   buckets (0.03 for a million ids, 0.7 for five million). The check
//!   hands the suspect keys back ([`Repeats::Maybe`]) and the pass reads
//!   the ids filed under them again (module `recheck`) to tell whether
//!   two are the same id.
//!
//! Once every part is read, the keys of each bucket of all threads
//! together go into a bitmap of the bucket's range (2-byte places) or a
//! table of their own (open addressing), which finds one that comes twice;
//! buckets are small, so either stays in the cache. The check runs on a
//! thread of its own while the sums are merged.

use crate::ingest::idform;

/// Numbered ids aimed at per bucket of 4-byte places (over all threads).
const PER_BUCKET: usize = 16384;
/// At most this many buckets of numbers (a power of two).
const MAX_BUCKETS: usize = 4096;

/// Hashed ids aimed at per bucket (over all threads): the more buckets,
/// the more bits of a hash its bucket stands for, and the fewer suspect
/// pairs; each bucket costs a few dozen bytes on each thread.
const PER_HASH_BUCKET: usize = 256;
/// At most this many buckets of hashes (a power of two).
const MAX_HASH_BUCKETS: usize = 4096;

/// Bytes kept of a hash key.
const KEPT: usize = 4;

/// More hash keys than this coming twice: ids surely repeat (a file
/// holding some rows twice), and reading them again would not pay.
const MAX_SUSPECTS: usize = 256;

/// One thread's keys, by bucket.
#[derive(Debug, Default)]
pub(super) struct IdBuckets {
    /// `64 − log₂(buckets)`: a hash key's bucket is its top bits.
    shift: u32,
    /// Per bucket, the low [`KEPT`] bytes of each hash key, little-endian.
    buckets: Vec<Vec<u8>>,
    /// The bytes a hash bucket is expected to take.
    room: usize,
    /// Number keys, when the file's ids are numbered.
    numbers: Option<Numbers>,
}

/// Bytes a number's place in its bucket takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Width {
    Two,
    Four,
}

impl Width {
    fn bytes(self) -> usize {
        match self {
            Width::Two => 2,
            Width::Four => 4,
        }
    }
}

/// One thread's number keys, by bucket.
#[derive(Debug)]
struct Numbers {
    /// Bits of the largest number.
    bits: u32,
    /// A number's bucket is `n >> shift`, its place the bits below, of the
    /// number [`spread`] first.
    shift: u32,
    width: Width,
    /// The bytes a bucket is expected to take.
    room: usize,
    /// Per bucket, each number's place, little-endian.
    buckets: Vec<Vec<u8>>,
}

/// Buckets of numbers for `expect` ids over all threads.
fn buckets_for(expect: usize) -> usize {
    (expect / PER_BUCKET)
        .clamp(1, MAX_BUCKETS)
        .next_power_of_two()
}

/// Buckets of hashes for `expect` ids over all threads.
pub(super) fn hash_buckets_for(expect: usize) -> usize {
    (expect / PER_HASH_BUCKET)
        .clamp(1, MAX_HASH_BUCKETS)
        .next_power_of_two()
}

/// The bytes a bucket is expected to take: `entries` of `width` bytes
/// (and a margin).
fn room_for(entries: usize, width: usize) -> usize {
    (entries + entries / 32 + 16) * width
}

/// `n` empty buckets, each with `room` bytes.
fn buckets_with(n: usize, room: usize) -> Vec<Vec<u8>> {
    (0..n).map(|_| Vec::with_capacity(room)).collect()
}

/// Append `bytes` to `bucket`. Below the `room` it was expected to take
/// (a bucket not given its room from the start: ids of the kind the first
/// row's is not), it grows twice over, up to that room; beyond it, by an
/// eighth, so that memory stays close to the bytes filed when the
/// estimate falls short.
#[inline]
fn file(bucket: &mut Vec<u8>, bytes: &[u8], room: usize) {
    if bucket.capacity() - bucket.len() < bytes.len() {
        let cap = bucket.capacity();
        let more = match cap < room {
            true => cap.max(64 * bytes.len()).min(room - cap),
            false => cap / 8 + 64 * bytes.len(),
        };
        bucket.reserve_exact(more.max(bytes.len()));
    }
    bucket.extend_from_slice(bytes);
}

impl Numbers {
    /// Buckets for numbers of at most `digits` digits, `expect` ids over all
    /// threads and about `mine` on this one.
    fn new(digits: usize, expect: usize, mine: usize) -> Numbers {
        // Bits of the largest number.
        let bits = (10u64.pow(digits.clamp(1, idform::MAX_DIGITS) as u32) - 1).ilog2() + 1;
        let most = MAX_BUCKETS.trailing_zeros();
        let (buckets, width) = if bits <= 16 + most {
            // 2-byte places, as many buckets as that takes.
            (bits.saturating_sub(16), Width::Two)
        } else {
            let by_count = buckets_for(expect).trailing_zeros();
            (by_count.max(bits.saturating_sub(32)), Width::Four)
        };
        let n = 1usize << buckets;
        let room = room_for(mine / n, width.bytes());
        Numbers {
            bits,
            shift: bits - buckets,
            width,
            room,
            buckets: buckets_with(n, room),
        }
    }

    #[inline]
    fn push(&mut self, n: u64) {
        let n = spread(n, self.bits);
        let place = n & ((1 << self.shift) - 1);
        let bucket = &mut self.buckets[(n >> self.shift) as usize];
        match self.width {
            Width::Two => file(bucket, &(place as u16).to_le_bytes(), self.room),
            Width::Four => file(bucket, &(place as u32).to_le_bytes(), self.room),
        }
    }
}

/// `n` (below 2^`bits`) mapped one to one onto the numbers below
/// 2^`bits`, so that numbers close together fall in different buckets.
/// Ids are numbered within a narrow part of their range (counted from 1,
/// or a tool's 11-digit ids counted from some start): by their top bits
/// alone they would crowd into a few buckets, which would grow past the
/// room they were given while the others' room went unused, and a
/// crowded bucket with 4-byte places would take a check table as large as
/// the file's ids. Multiplying by an odd number and xor-shifting to the
/// right are each one to one modulo 2^`bits`.
#[inline]
fn spread(n: u64, bits: u32) -> u64 {
    let mask = (1u64 << bits) - 1;
    let n = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) & mask;
    let n = n ^ (n >> (bits / 2));
    n.wrapping_mul(0xD6E8_FEB8_6659_FD93) & mask
}

impl IdBuckets {
    /// Buckets for a pass expecting about `expect` ids in all, this thread
    /// about `mine` of them, numbered with at most `digits` digits if the
    /// file's ids are. Every thread of a pass must be given the same `expect` and
    /// `digits`.
    pub fn new(expect: usize, mine: usize, digits: Option<usize>) -> IdBuckets {
        let n = hash_buckets_for(expect);
        let room = room_for(mine / n, KEPT);
        // Numbered files bring few other ids: their buckets get room as
        // they fill.
        let now = if digits.is_some() { 0 } else { room };
        IdBuckets {
            shift: 64 - n.trailing_zeros(),
            buckets: buckets_with(n, now),
            room,
            numbers: digits.map(|d| Numbers::new(d, expect, mine)),
        }
    }

    #[inline]
    pub fn push(&mut self, key: u64) {
        if let Some(numbers) = &mut self.numbers {
            if let Some(n) = idform::number_of(key) {
                numbers.push(n);
                return;
            }
        }
        let b = key.checked_shr(self.shift).unwrap_or(0) as usize;
        file(&mut self.buckets[b], &key.to_le_bytes()[..KEPT], self.room);
    }
}

/// What the check of the filed keys found.
#[derive(Debug)]
pub(super) enum Repeats {
    /// No key comes twice: no id does.
    None,
    /// An id comes twice (number keys are exact), or so many hash keys do
    /// that ids surely do.
    Sure,
    /// Some hash keys come twice: an id does only if two ids filed under
    /// one of them are the same.
    Maybe(Suspects),
}

/// Hash keys that came twice, as they were filed.
#[derive(Debug)]
pub(super) struct Suspects {
    /// The buckets' shift ([`IdBuckets`]).
    shift: u32,
    /// Whether number keys went to buckets of their own.
    numbered: bool,
    /// Each as its bucket above its kept bits ([`as_filed`]).
    keys: Vec<u64>,
}

impl Suspects {
    /// The suspect key `key` was filed under (`None`: it was not, or it is
    /// a number key): an index below [`Suspects::len`].
    pub fn of(&self, key: u64) -> Option<usize> {
        if self.numbered && idform::number_of(key).is_some() {
            return None;
        }
        self.keys.binary_search(&as_filed(key, self.shift)).ok()
    }

    /// How many suspect keys there are.
    pub fn len(&self) -> usize {
        self.keys.len()
    }
}

/// `key` as a hash bucket files it: its bucket (`key >> shift`) above the
/// [`KEPT`] bytes it keeps.
fn as_filed(key: u64, shift: u32) -> u64 {
    let bucket = key.checked_shr(shift).unwrap_or(0);
    bucket << (8 * KEPT) | key & ((1 << (8 * KEPT)) - 1)
}

/// Does any key come twice, within one thread's buckets or across
/// threads? All must have been made with the same `expect` and `digits`.
pub(super) fn repeated_id(all: &[IdBuckets]) -> Repeats {
    let mut table = Vec::new();
    if numbers_repeat(all, &mut table) {
        return Repeats::Sure;
    }
    let Some(first) = all.first() else {
        return Repeats::None;
    };
    debug_assert!(all.iter().all(|t| t.buckets.len() == first.buckets.len()));
    let mut keys = Vec::new();
    for b in 0..first.buckets.len() {
        let kept = all.iter().flat_map(|t| t.buckets[b].chunks_exact(KEPT));
        let len = kept.clone().count();
        let bucket = (b as u64) << (8 * KEPT);
        let stopped = repeats(kept.map(word), len, &mut table, |k| {
            keys.push(bucket | k);
            keys.len() <= MAX_SUSPECTS
        });
        if stopped {
            return Repeats::Sure;
        }
    }
    if keys.is_empty() {
        return Repeats::None;
    }
    keys.sort_unstable();
    keys.dedup();
    Repeats::Maybe(Suspects {
        shift: first.shift,
        numbered: first.numbers.is_some(),
        keys,
    })
}
/// The little-endian word of up to 8 bytes.
fn word(bytes: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w[..bytes.len()].copy_from_slice(bytes);
    u64::from_le_bytes(w)
}

/// Does any number come twice?
fn numbers_repeat(all: &[IdBuckets], table: &mut Vec<u64>) -> bool {
    let numbers: Vec<&Numbers> = all.iter().filter_map(|t| t.numbers.as_ref()).collect();
    debug_assert!(numbers.is_empty() || numbers.len() == all.len());
    let Some(first) = numbers.first() else {
        return false;
    };
    let mut seen = vec![0u64; 1 << 10];
    (0..first.buckets.len()).any(|b| {
        let mut places = numbers
            .iter()
            .flat_map(|t| t.buckets[b].chunks_exact(first.width.bytes()));
        match first.width {
            Width::Two => {
                // A bitmap of the bucket's 2¹⁶ places.
                seen.fill(0);
                places.any(|p| {
                    let at = usize::from(u16::from_le_bytes([p[0], p[1]]));
                    let (w, bit) = (at / 64, 1u64 << (at % 64));
                    let twice = seen[w] & bit != 0;
                    seen[w] |= bit;
                    twice
                })
            }
            Width::Four => {
                let len = places.clone().count();
                repeats(places.map(word), len, table, |_| false)
            }
        }
    })
}

/// Hand each of `keys` (`len` of them) that comes again to `again`, until
/// it answers `false`; whether it did. `table` is scratch.
fn repeats(
    keys: impl Iterator<Item = u64>,
    len: usize,
    table: &mut Vec<u64>,
    mut again: impl FnMut(u64) -> bool,
) -> bool {
    // At most half full; 0 marks a free place (a key 0 is counted apart).
    let size = (2 * len).next_power_of_two().max(16);
    let bits = size.trailing_zeros();
    let mask = size - 1;
    table.clear();
    table.resize(size, 0u64);
    let mut zeros = 0;
    for k in keys {
        if k == 0 {
            zeros += 1;
            if zeros > 1 && !again(0) {
                return true;
            }
            continue;
        }
        // Places spread by a multiplicative hash: numbers close together,
        // or alike in their low bits, do not crowd.
        let mut at = (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize;
        loop {
            match table[at] {
                0 => {
                    table[at] = k;
                    break;
                }
                x if x == k => {
                    if !again(k) {
                        return true;
                    }
                    break;
                }
                _ => at = (at + 1) & mask,
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filed(expect: usize, ids: &[u64]) -> IdBuckets {
        let mut b = IdBuckets::new(expect, ids.len(), None);
        ids.iter().for_each(|&h| b.push(h));
        b
    }

    fn none(all: &[IdBuckets]) -> bool {
        matches!(repeated_id(all), Repeats::None)
    }

    fn sure(all: &[IdBuckets]) -> bool {
        matches!(repeated_id(all), Repeats::Sure)
    }

    /// The suspect keys found, as filed (none unless [`Repeats::Maybe`]).
    fn suspects(all: &[IdBuckets]) -> Vec<u64> {
        match repeated_id(all) {
            Repeats::Maybe(s) => s.keys,
            _ => Vec::new(),
        }
    }

    /// A thread's buckets for ids numbered with `digits` digits: numbers
    /// as number keys, other keys as they are.
    fn numbered(expect: usize, digits: usize, numbers: &[u64], other: &[u64]) -> IdBuckets {
        let mut b = IdBuckets::new(expect, numbers.len() + other.len(), Some(digits));
        numbers.iter().for_each(|&n| b.push(idform::number_key(n)));
        other.iter().for_each(|&h| b.push(idform::hash_key(h)));
        b
    }

    #[test]
    fn buckets_grow_twice_over_up_to_their_room_then_by_an_eighth() {
        let mut bucket = Vec::new();
        let mut sizes = Vec::new();
        for i in 0..2000u64 {
            file(&mut bucket, &i.to_le_bytes()[..6], 6000);
            if sizes.last() != Some(&bucket.capacity()) {
                sizes.push(bucket.capacity());
            }
        }
        // 64 entries of 6 bytes, doubled, up to the room; then an eighth
        // and 64 entries more.
        assert_eq!(sizes[..7], [384, 768, 1536, 3072, 6000, 7134, 8409]);
        assert_eq!(bucket.len(), 12_000);
        // A bucket given its room grows by an eighth at once.
        let mut bucket = Vec::with_capacity(6000);
        (0..1001u64).for_each(|i| file(&mut bucket, &i.to_le_bytes()[..6], 6000));
        assert_eq!(bucket.capacity(), 7134);
    }

    #[test]
    fn numbers_are_spread_one_to_one() {
        // Every number below 2^bits maps to a different one, below 2^bits.
        for bits in [4u32, 10, 17] {
            let mut hit = vec![false; 1 << bits];
            for n in 0..1u64 << bits {
                let m = spread(n, bits) as usize;
                assert!(!hit[m], "{bits} bits: {n}");
                hit[m] = true;
            }
        }
        // 12-digit ids counted from a start fill the buckets evenly.
        let b = numbered(
            1 << 22,
            12,
            &(0..100_000)
                .map(|i| 114_000_000_000 + i)
                .collect::<Vec<_>>(),
            &[],
        );
        let numbers = b.numbers.as_ref().unwrap();
        assert_eq!(numbers.width, Width::Four);
        let n = numbers.buckets.len();
        assert_eq!(n, 256);
        let most = numbers.buckets.iter().map(|v| v.len() / 4).max().unwrap();
        assert!(most < 2 * 100_000 / n, "{most} in one bucket");
        assert!(none(&[b]));
        // So do 8-digit ids counted from 1 (2-byte places, 2¹¹ buckets).
        let b = numbered(0, 8, &(1..=300_000).collect::<Vec<_>>(), &[]);
        let numbers = b.numbers.as_ref().unwrap();
        assert_eq!((numbers.width, numbers.buckets.len()), (Width::Two, 2048));
        let most = numbers.buckets.iter().map(|v| v.len() / 2).max().unwrap();
        assert!(most < 2 * 300_000 / 2048, "{most} in one bucket");
        assert!(none(&[b]));
    }

    #[test]
    fn numbers_repeat_within_and_across_threads() {
        // 2-byte places (7 and 8 digits: 2⁸ and 2¹¹ buckets, 1 for 3) and
        // 4-byte ones (9 to 12 digits), at several expected sizes.
        for digits in [1, 3, 7, 8, 9, 11, 12] {
            let top = 10u64.pow(digits as u32) - 1;
            // Spread over the whole range, the ends included.
            let spread: Vec<u64> = (0..4000u64)
                .map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15) % (top + 1))
                .chain([0, top])
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            let half = spread.len() / 2;
            let hashes: Vec<u64> = (1..300u64)
                .map(|i| i.wrapping_mul(0xD6E8_FEB8_6659_FD93))
                .collect();
            for expect in [0, 5000, 10_000_000] {
                let case = format!("{digits} digits, expect {expect}");
                let a = numbered(expect, digits, &spread[..half], &hashes[..150]);
                let b = numbered(expect, digits, &spread[half..], &hashes[150..]);
                assert!(none(&[a, b]), "{case}");
                // The same number on two threads.
                let a = numbered(expect, digits, &spread[..half], &[]);
                let b = numbered(expect, digits, &[spread[half - 1]], &[]);
                assert!(sure(&[a, b]), "{case}");
                // Twice on one thread, the range's ends.
                let (lo, hi) = spread.split_at(half);
                for (part, n) in [(lo, 0), (lo, lo[half / 2]), (hi, top)] {
                    let mut twice = part.to_vec();
                    twice.push(n);
                    assert!(sure(&[numbered(expect, digits, &twice, &[])]), "{case} {n}");
                }
                // A number and a hash with the same low bits are not the same id.
                let a = numbered(expect, digits, &[5, top], &[5, top]);
                assert!(none(&[a]), "{case}");
                // Hashes repeat as before beside numbers: a suspect, to be
                // read again.
                let a = numbered(expect, digits, &spread[..half], &hashes[..10]);
                let b = numbered(expect, digits, &spread[half..], &hashes[9..12]);
                let found = repeated_id(&[a, b]);
                let Repeats::Maybe(s) = found else {
                    panic!("{case}: {found:?}");
                };
                assert_eq!(s.len(), 1, "{case}");
                assert_eq!(s.of(idform::hash_key(hashes[9])), Some(0), "{case}");
                assert_eq!(s.of(idform::hash_key(hashes[8])), None, "{case}");
            }
        }
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
            assert!(none(&[a, b]), "expect {expect}");
            // The same fingerprint on two threads.
            let a = filed(expect, &spread[..2500]);
            let b = filed(expect, &[spread[2499], spread[3000]]);
            let shift = a.shift;
            assert_eq!(
                suspects(&[a, b]),
                [as_filed(spread[2499], shift)],
                "expect {expect}"
            );
            // Twice on one thread, far apart.
            let mut twice = spread[..2500].to_vec();
            twice.push(spread[7]);
            assert_eq!(
                suspects(&[filed(expect, &twice)]),
                [as_filed(spread[7], shift)],
                "expect {expect}"
            );
            // The extremes of the range are buckets like any other.
            let ends = suspects(&[filed(expect, &[u64::MAX, 0, u64::MAX])]);
            assert_eq!(ends, [as_filed(u64::MAX, shift)]);
            assert!(none(&[filed(expect, &[u64::MAX, 0, 1])]));
            // 0 is a fingerprint like any other.
            assert_eq!(
                suspects(&[filed(expect, &[0, 5]), filed(expect, &[0])]),
                [0]
            );
            // Fingerprints alike in their low bits take the next places.
            let alike: Vec<u64> = (1..200u64).map(|i| i << 20).collect();
            assert!(none(&[filed(expect, &alike)]));
            let mut again = alike.clone();
            again.push(150 << 20);
            assert_eq!(suspects(&[filed(expect, &again)]).len(), 1);
            // Only the low 32 bits are kept beside the bucket: fingerprints
            // that differ only between them are suspects, which reading the
            // ids again tells apart.
            let s = suspects(&[filed(expect, &[5, 5 | 1 << 40])]);
            assert_eq!(s, [5], "expect {expect}");
            // Past MAX_SUSPECTS keys twice, ids surely repeat.
            let many: Vec<u64> = spread[..MAX_SUSPECTS + 1].repeat(2);
            assert!(sure(&[filed(expect, &many)]), "expect {expect}");
            let most: Vec<u64> = spread[..MAX_SUSPECTS].repeat(2);
            assert_eq!(suspects(&[filed(expect, &most)]).len(), MAX_SUSPECTS);
        }
        assert!(none(&[]));
    }

    #[test]
    fn hash_buckets_grow_with_the_ids_expected() {
        assert_eq!(hash_buckets_for(0), 1);
        assert_eq!(hash_buckets_for(1000), 4);
        assert_eq!(hash_buckets_for(1_000_000), 4096);
        assert_eq!(hash_buckets_for(50_000_000), 4096);
        // A key is filed as its bucket above its low 32 bits.
        let key = 0xABCD_0000_1234_5678u64;
        assert_eq!(as_filed(key, 64), 0x1234_5678);
        assert_eq!(as_filed(key, 52), 0xABC_1234_5678);
    }
}
