//! The duplicate-respondent index: the set of respondent-id fingerprints
//! (64-bit hashes) seen so far, in one flat open-addressing table of `u64`
//! slots (0 marks an empty slot; the fingerprint 0 is kept aside).
//!
//! A slot's index is the fingerprint scaled to the capacity (fast range:
//! `h × cap / 2⁶⁴`), so the capacity need not be a power of two; collisions
//! probe linearly. The table grows by a quarter when 90 % full, or straight
//! to the size the input's length predicts (`expect`), so a large file is
//! indexed in about 9 bytes per respondent, with no growth peak.
//!
//! The line of each id's first use is needed only to report a duplicate.
//! When the input can be read again (a regular file), the table keeps no
//! lines: the first duplicate makes the caller re-read the file up to that
//! row ([`Seen::note_first`] for each earlier row) and from then on lines
//! are kept for every slot. Otherwise (standard input, any other reader)
//! lines are kept from the start.

/// Fill at which the table grows (numerator over 10).
const MAX_LOAD_TENTHS: usize = 9;
/// Slots before anything is known about the input.
const INITIAL: usize = 4096;

/// The set of fingerprints, with first lines when they are known.
pub struct Seen {
    slots: Vec<u64>,
    /// Line of first use per slot (0: not known yet), once kept.
    lines: Option<Vec<u64>>,
    /// The fingerprint 0, which cannot mark a slot: its first line, if seen.
    zero: Option<u64>,
    len: usize,
}

/// What [`Seen::insert`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// Not seen before; now recorded.
    New,
    /// Seen before, on this line (`None`: lines are not kept yet).
    Duplicate(Option<u64>),
}

#[inline]
fn home(h: u64, cap: usize) -> usize {
    ((h as u128 * cap as u128) >> 64) as usize
}

impl Seen {
    /// An empty index; `keep_lines` when the input cannot be read twice.
    pub fn new(keep_lines: bool) -> Seen {
        Seen {
            slots: vec![0; INITIAL],
            lines: keep_lines.then(|| vec![0; INITIAL]),
            zero: None,
            len: 0,
        }
    }

    /// Number of fingerprints held.
    pub fn len(&self) -> usize {
        self.len + self.zero.is_some() as usize
    }

    /// Slot holding `h`, or the empty slot where it belongs.
    #[inline]
    fn find(&self, h: u64) -> usize {
        let cap = self.slots.len();
        let mut i = home(h, cap);
        loop {
            let s = self.slots[i];
            if s == h || s == 0 {
                return i;
            }
            i += 1;
            if i == cap {
                i = 0;
            }
        }
    }

    /// Record `h` first used on `line`, or say where it was used before.
    /// `expect` estimates how many fingerprints the whole input will bring,
    /// consulted only when the table must grow.
    #[inline]
    pub fn insert(&mut self, h: u64, line: u64, expect: impl FnOnce() -> Option<usize>) -> Found {
        if h == 0 {
            return match self.zero {
                Some(first) => Found::Duplicate(self.lines.as_ref().map(|_| first)),
                None => {
                    self.zero = Some(line);
                    Found::New
                }
            };
        }
        let i = self.find(h);
        if self.slots[i] == h {
            return Found::Duplicate(self.lines.as_ref().map(|l| l[i]));
        }
        self.slots[i] = h;
        if let Some(l) = self.lines.as_mut() {
            l[i] = line;
        }
        self.len += 1;
        if self.len * 10 >= self.slots.len() * MAX_LOAD_TENTHS {
            let quarter = self.slots.len() + self.slots.len() / 4;
            // Aim for 87 % full at the predicted end.
            let predicted = expect().map_or(0, |n| n.saturating_mul(100) / 87);
            self.grow(quarter.max(predicted));
        }
        Found::New
    }

    fn grow(&mut self, cap: usize) {
        let old = std::mem::replace(&mut self.slots, vec![0; cap]);
        let old_lines = self.lines.take();
        let mut lines = old_lines.as_ref().map(|_| vec![0u64; cap]);
        for (k, &h) in old.iter().enumerate() {
            if h != 0 {
                let i = self.find(h);
                self.slots[i] = h;
                if let (Some(l), Some(o)) = (lines.as_mut(), old_lines.as_ref()) {
                    l[i] = o[k];
                }
            }
        }
        self.lines = lines.take();
    }

    /// Start keeping lines (all unknown); then feed every earlier row to
    /// [`Seen::note_first`] in file order.
    pub fn start_lines(&mut self) {
        if self.lines.is_none() {
            self.lines = Some(vec![0; self.slots.len()]);
        }
    }

    /// While recovering lines: `h` was used on `line` (an earlier row).
    pub fn note_first(&mut self, h: u64, line: u64) {
        if h == 0 {
            return; // the fingerprint 0 always has its line
        }
        let i = self.find(h);
        if let Some(l) = self.lines.as_mut() {
            if self.slots[i] == h && l[i] == 0 {
                l[i] = line;
            }
        }
    }

    /// The first line of `h` (lines must be kept; 0 if it was never noted).
    pub fn first_line(&self, h: u64) -> u64 {
        if h == 0 {
            return self.zero.unwrap_or(0);
        }
        let i = self.find(h);
        match &self.lines {
            Some(l) if self.slots[i] == h => l[i],
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mix(i: u64) -> u64 {
        let mut x = i.wrapping_add(0x9e37_79b9_7f4a_7c15);
        x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        x ^ (x >> 31)
    }

    #[test]
    fn finds_duplicates_across_growth_with_and_without_lines() {
        for keep in [true, false] {
            let mut s = Seen::new(keep);
            for i in 0..50_000u64 {
                assert_eq!(s.insert(mix(i), i + 2, || None), Found::New);
            }
            assert_eq!(s.len(), 50_000);
            for i in (0..50_000u64).step_by(997) {
                let want = if keep { Some(i + 2) } else { None };
                assert_eq!(s.insert(mix(i), 99, || None), Found::Duplicate(want));
            }
            if !keep {
                s.start_lines();
                for i in 0..50_000u64 {
                    s.note_first(mix(i), i + 2);
                    s.note_first(mix(i), i + 70_000); // a later use: ignored
                }
                assert_eq!(s.insert(mix(12), 99, || None), Found::Duplicate(Some(14)));
            }
            assert_eq!(s.first_line(mix(49_999)), 50_001);
        }
    }

    #[test]
    fn zero_fingerprint_and_predicted_size() {
        let mut s = Seen::new(false);
        assert_eq!(s.insert(0, 5, || None), Found::New);
        assert_eq!(s.insert(0, 9, || None), Found::Duplicate(None));
        s.start_lines();
        assert_eq!(s.insert(0, 9, || None), Found::Duplicate(Some(5)));
        let mut s = Seen::new(false);
        for i in 0..10_000u64 {
            s.insert(mix(i), i + 1, || Some(100_000));
        }
        // One jump to the predicted size: 100k / 0.87, not a power of two.
        assert_eq!(s.slots.len(), 100_000 * 100 / 87);
    }
}
