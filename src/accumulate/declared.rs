//! Counts of the values of the instrument's declared segment columns
//! (`Instrument::segments`, e.g. industry), per company, over its scored
//! rows: what a company's attribute is read from (its respondents' most
//! frequent value, see `crate::analysis::segments`).
//!
//! Each segment's distinct values are interned once per accumulator
//! ([`DeclaredValues`]); a company keeps a short list of (value, count)
//! pairs, usually one. Memory grows with companies × distinct values seen,
//! never with rows. Counts are integers, so they do not depend on row
//! order, and accumulators read in parts merge exactly: the other's value
//! numbers are translated into this one's ([`DeclaredValues::absorb`])
//! before the companies' lists are added.

use crate::ingest::SegmentCells;
use std::collections::HashMap;

/// The distinct values seen of each declared segment.
#[derive(Debug, Clone, Default)]
pub struct DeclaredValues {
    /// The declared segment ids, in instrument order.
    ids: Vec<String>,
    /// Per segment: value → its number.
    lookup: Vec<HashMap<Box<str>, u32>>,
    /// By number: (segment, value).
    values: Vec<(usize, Box<str>)>,
}

impl DeclaredValues {
    /// No values yet of the segments `ids`.
    pub fn new(ids: Vec<String>) -> DeclaredValues {
        DeclaredValues {
            lookup: vec![HashMap::new(); ids.len()],
            ids,
            values: Vec::new(),
        }
    }

    /// The declared segment ids, in instrument order.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    /// Forget every value (the ids stay).
    pub fn clear(&mut self) {
        self.lookup.iter_mut().for_each(HashMap::clear);
        self.values.clear();
    }

    /// The number of `value` of segment `k`, given one when new.
    fn intern(&mut self, k: usize, value: &str) -> u32 {
        if let Some(&v) = self.lookup[k].get(value) {
            return v;
        }
        let v = self.values.len() as u32;
        self.values.push((k, value.into()));
        self.lookup[k].insert(value.into(), v);
        v
    }

    /// Count a row's values into a company's list.
    pub(super) fn count(&mut self, cells: &SegmentCells<'_>, counts: &mut Vec<(u32, u64)>) {
        for k in 0..cells.len().min(self.ids.len()) {
            if let Some(value) = cells.get(k) {
                let v = self.intern(k, value);
                bump(counts, v, 1);
            }
        }
    }

    /// Take in the values of `other`; returns, by the other's number, the
    /// number here.
    pub(super) fn absorb(&mut self, other: &DeclaredValues) -> Vec<u32> {
        other
            .values
            .iter()
            .map(|(k, value)| self.intern(*k, value))
            .collect()
    }

    /// Segment `k`'s values in a company's list, with their counts (any
    /// order).
    pub fn of<'a>(&'a self, k: usize, counts: &'a [(u32, u64)]) -> Vec<(&'a str, u64)> {
        counts
            .iter()
            .filter_map(|&(v, n)| {
                let (seg, value) = self.values.get(v as usize)?;
                (*seg == k).then_some((&**value, n))
            })
            .collect()
    }
}

/// Add `n` to value `v`'s count in `counts`.
pub(super) fn bump(counts: &mut Vec<(u32, u64)>, v: u32, n: u64) {
    match counts.iter_mut().find(|c| c.0 == v) {
        Some(c) => c.1 += n,
        None => counts.push((v, n)),
    }
}

/// Add the counts `from` (already in this accumulator's numbers) to `into`.
pub(super) fn merge_counts(into: &mut Vec<(u32, u64)>, from: &[(u32, u64)]) {
    for &(v, n) in from {
        bump(into, v, n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells<'a>(text: &'a str, spans: &'a [std::ops::Range<usize>]) -> SegmentCells<'a> {
        SegmentCells::new(text.as_bytes(), spans)
    }

    #[test]
    fn counts_merge_across_interners() {
        let ids = vec!["industry".to_string(), "region".to_string()];
        let mut a = DeclaredValues::new(ids.clone());
        let mut b = DeclaredValues::new(ids);
        let (mut ca, mut cb) = (Vec::new(), Vec::new());
        // "RetailEU": industry Retail, region EU.
        a.count(&cells("RetailEU", &[0..6, 6..8]), &mut ca);
        a.count(&cells("Tech", &[0..4, 0..0]), &mut ca);
        b.count(&cells("EUTech", &[2..6, 0..2]), &mut cb);
        b.count(&cells("Tech", &[0..4, 0..0]), &mut cb);
        let map = a.absorb(&b);
        let cb: Vec<(u32, u64)> = cb.iter().map(|&(v, n)| (map[v as usize], n)).collect();
        merge_counts(&mut ca, &cb);
        let mut industry = a.of(0, &ca);
        industry.sort();
        assert_eq!(industry, [("Retail", 1), ("Tech", 3)]);
        assert_eq!(a.of(1, &ca), [("EU", 2)]);
    }
}
