//! The order of the `score` list: best first by alignment index; companies
//! without one after those with one; hidden companies last; ties by id, so
//! that no two companies rank equal and the order of hidden companies
//! reveals nothing.
//!
//! Each company's place carries its sort key inline (the alignment index
//! as an integer of the same order, and the first 16 bytes of its id), so
//! that sorting a list of hundreds of thousands of companies compares
//! numbers and reads an id only when two share their first 16 bytes. Each
//! thread sorts the places it tallied; the two sorted halves are merged.

use std::cmp::Ordering;

/// Where a company goes in the list (32 bytes).
#[derive(Debug, Clone, Copy)]
pub(super) struct Place {
    /// The alignment index from the largest down (as
    /// [`crate::analysis::larger_first`] orders them), then shown companies
    /// without one ([`NO_INDEX`]), then hidden ones ([`HIDDEN`]).
    rank: u64,
    /// The first 16 bytes of the id, zero-padded, as two big-endian
    /// numbers: ordered as the bytes are.
    head: [u64; 2],
    /// The id's length in bytes.
    len: u32,
    /// The company's position in the accumulator.
    pub at: u32,
}

/// The rank of a shown company without an alignment index: after every
/// index (a finite number's rank is far below).
const NO_INDEX: u64 = u64::MAX - 1;
/// The rank of a hidden company (which has no index).
const HIDDEN: u64 = u64::MAX;

impl Place {
    pub fn new(suppressed: bool, alignment: Option<f64>, id: &str, at: u32) -> Place {
        let rank = match (suppressed, alignment) {
            (true, _) => HIDDEN,
            (false, None) => NO_INDEX,
            // Only NaNs come as close to the sentinels, and no index is one.
            (false, Some(x)) => (!total_order(x)).min(NO_INDEX - 1),
        };
        debug_assert!(!suppressed || alignment.is_none());
        let bytes = id.as_bytes();
        let mut head = [0u8; 16];
        let n = bytes.len().min(16);
        head[..n].copy_from_slice(&bytes[..n]);
        let (hi, lo) = head.split_at(8);
        let word = |b: &[u8]| u64::from_be_bytes(b.try_into().unwrap_or_default());
        Place {
            rank,
            head: [word(hi), word(lo)],
            len: u32::try_from(bytes.len()).unwrap_or(u32::MAX),
            at,
        }
    }

    /// The list's order; `ids` are the companies' ids by position.
    pub fn cmp(&self, o: &Place, ids: &[Box<str>]) -> Ordering {
        self.rank
            .cmp(&o.rank)
            .then(self.head.cmp(&o.head))
            .then_with(|| {
                if self.len > 16 && o.len > 16 {
                    ids[self.at as usize].cmp(&ids[o.at as usize])
                } else {
                    // Alike in their first 16 bytes, padding included: the
                    // shorter is a prefix of the longer.
                    self.len.cmp(&o.len)
                }
            })
    }
}

/// `x` as an unsigned integer in the order of [`f64::total_cmp`].
fn total_order(x: f64) -> u64 {
    let b = x.to_bits() as i64;
    let b = b ^ ((((b >> 63) as u64) >> 1) as i64);
    (b as u64) ^ (1 << 63)
}

/// Sort places in the list's order.
pub(super) fn sort(places: &mut [Place], ids: &[Box<str>]) {
    places.sort_unstable_by(|a, b| a.cmp(b, ids));
}

/// The positions of two sorted runs of places, merged in the list's order.
pub(super) fn merge(a: &[Place], b: &[Place], ids: &[Box<str>]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i].cmp(&b[j], ids) == Ordering::Greater {
            out.push(b[j].at);
            j += 1;
        } else {
            out.push(a[i].at);
            i += 1;
        }
    }
    out.extend(a[i..].iter().map(|p| p.at));
    out.extend(b[j..].iter().map(|p| p.at));
    out
}

/// The list's order spelled out, as the inline keys must reproduce it.
#[cfg(test)]
fn plain_cmp(a: (bool, Option<f64>, &str), b: (bool, Option<f64>, &str)) -> Ordering {
    a.0.cmp(&b.0)
        .then_with(|| crate::analysis::larger_first(a.1, b.1))
        .then_with(|| a.2.cmp(b.2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::larger_first;

    /// Company ids as the accumulator holds them.
    fn boxed(ids: &[&str]) -> Vec<Box<str>> {
        ids.iter().map(|s| Box::from(*s)).collect()
    }

    #[test]
    fn inline_keys_order_as_the_list_does() {
        let ids = boxed(&[
            "C1",
            "C10",
            "C2",
            "a",
            "",
            "Z",
            "company-0000000001",
            "company-0000000002",
            "company-000000000",
            "company-00000000",
            "company-000000001",
            "\u{e9}tude",
            "x\u{0}",
            "x",
            "acme-industries-international-a",
            "acme-industries-international-b",
        ]);
        let alignments = [
            Some(50.0),
            Some(50.0),
            None,
            Some(0.0),
            Some(-0.0),
            Some(100.0),
            Some(1e-300),
            Some(50.000000000001),
        ];
        let mut all = Vec::new();
        for (i, _) in ids.iter().enumerate() {
            for (k, &a) in alignments.iter().enumerate() {
                // Each id once: a company's rank varies over the cases.
                if (i + k) % 3 == 0 {
                    // A hidden company has no index.
                    let hidden = i % 2 == 1 && k == 0;
                    all.push((hidden, a.filter(|_| !hidden), i));
                }
            }
        }
        // Ids unique per company: take each id's first case only.
        let mut seen = std::collections::HashSet::new();
        all.retain(|c| seen.insert(c.2));
        assert_eq!(all.len(), ids.len());
        let mut expected = all.clone();
        expected.sort_by(|a, b| plain_cmp((a.0, a.1, &ids[a.2]), (b.0, b.1, &ids[b.2])));
        let want: Vec<u32> = expected.iter().map(|c| c.2 as u32).collect();
        let mut places: Vec<Place> = all
            .iter()
            .map(|&(s, a, i)| Place::new(s, a, &ids[i], i as u32))
            .collect();
        sort(&mut places, &ids);
        let got: Vec<u32> = places.iter().map(|p| p.at).collect();
        assert_eq!(got, want);
        // Two runs sorted apart and merged: the same order, wherever the
        // cut falls.
        for cut in 0..=all.len() {
            let mut a: Vec<Place> = all[..cut]
                .iter()
                .map(|&(s, x, i)| Place::new(s, x, &ids[i], i as u32))
                .collect();
            let mut b: Vec<Place> = all[cut..]
                .iter()
                .map(|&(s, x, i)| Place::new(s, x, &ids[i], i as u32))
                .collect();
            sort(&mut a, &ids);
            sort(&mut b, &ids);
            assert_eq!(merge(&a, &b, &ids), want, "cut at {cut}");
        }
    }

    #[test]
    fn every_pair_orders_as_the_list_does() {
        let ids = boxed(&[
            "b",
            "a",
            "ab",
            "a\u{0}",
            "abcdefghijklmnopq",
            "abcdefghijklmnop",
        ]);
        let cases = [
            (false, Some(10.0)),
            (false, Some(-0.0)),
            (false, Some(0.0)),
            (false, None),
            (false, Some(90.0)),
            (true, None),
        ];
        for (i, a) in ids.iter().enumerate() {
            for (j, b) in ids.iter().enumerate() {
                for &x in &cases {
                    for &y in &cases {
                        let (p, q) = (
                            Place::new(x.0, x.1, a, i as u32),
                            Place::new(y.0, y.1, b, j as u32),
                        );
                        assert_eq!(
                            p.cmp(&q, &ids),
                            plain_cmp((x.0, x.1, a), (y.0, y.1, b)),
                            "{a:?} {x:?} against {b:?} {y:?}"
                        );
                    }
                }
            }
        }
        assert_eq!(larger_first(Some(0.0), Some(-0.0)), Ordering::Less);
    }
}
