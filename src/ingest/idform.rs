//! Numbered respondent ids: the pattern a file's ids share when they are a
//! fixed text followed by a number, zero-padded to a fixed count of digits
//! (`R0000001`, `resp-00017`) or written plainly (`1042`, `R17`), as survey
//! tools and panels number their respondents, and the duplicate key such an
//! id gets in a split pass.
//!
//! A split pass looks only for whether any id comes twice ([`super::split`]).
//! An id of the file's pattern is keyed by its number, exactly, so that the
//! pass can file it in two or four bytes and check it against a bitmap or a
//! small table; any other id is keyed by its 64-bit hash as before. The
//! pattern is the first data row's id's, when most of the first rows' ids
//! have it ([`IdForm::of_sample`]); it is taken before the threads start,
//! the same for every thread, so an id always gets the same key wherever
//! it is read. Number keys carry a mark
//! in their top bits, and a hash that happens to carry it has its top bit
//! flipped: the two kinds never meet.

/// Digits an id's number may have at most (below 2⁴⁰).
pub const MAX_DIGITS: usize = 12;
/// Bytes of text an id's fixed part may have at most.
const MAX_PREFIX: usize = 32;

/// Bits below the mark: a number key's number.
const NUMBER_BITS: u32 = 40;
/// The top bits of every number key.
const MARK: u64 = 0xA1_D5E7 << NUMBER_BITS;

/// A fixed text, then a number: written in a fixed count of digits
/// (zero-padded), or plainly, without leading zeros.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdForm {
    prefix: Vec<u8>,
    /// Zero-padded to exactly `digits` digits, or (`false`) a plain number
    /// of 1 to `digits` digits, the first not a 0 unless it is the only one.
    padded: bool,
    digits: usize,
}

impl IdForm {
    /// The pattern of `id` (trimmed), when it ends in 1 to [`MAX_DIGITS`]
    /// ASCII digits after at most 32 bytes of text that do not end in a
    /// digit. Digits with a leading zero (`R0000001`) make a fixed count;
    /// others (`R17`, `1042`) a plain number of at most as many digits
    /// (see [`IdForm::plain_up_to`]).
    pub fn of(id: &[u8]) -> Option<IdForm> {
        let digits = id.iter().rev().take_while(|b| b.is_ascii_digit()).count();
        let (prefix, run) = id.split_at(id.len() - digits);
        ((1..=MAX_DIGITS).contains(&digits) && prefix.len() <= MAX_PREFIX).then(|| IdForm {
            prefix: prefix.to_vec(),
            padded: digits > 1 && run[0] == b'0',
            digits,
        })
    }

    /// A plain pattern taking numbers of up to `digits` digits (at most
    /// [`MAX_DIGITS`]), if that is more than it takes; a zero-padded one as
    /// it is. A survey tool counting its responses writes numbers up to
    /// about the count of rows, and the fewer digits a pattern takes, the
    /// fewer bytes its numbers are filed in; a longer number is simply not
    /// of the pattern.
    pub fn plain_up_to(mut self, digits: usize) -> IdForm {
        if !self.padded {
            self.digits = self.digits.max(digits).min(MAX_DIGITS);
        }
        self
    }

    /// The pattern of a file's ids from the first few (`sample`, trimmed):
    /// the first one's, taking plain numbers of up to `digits` digits
    /// ([`IdForm::plain_up_to`]), when at least three in four of them
    /// have it. A file whose ids are not numbered but for a first test row
    /// (`test1`) has none: its ids are filed as ids of no pattern from the
    /// start.
    pub fn of_sample(sample: &[Vec<u8>], digits: usize) -> Option<IdForm> {
        let form = IdForm::of(sample.first()?)?.plain_up_to(digits);
        let fit = sample.iter().filter(|id| form.number(id).is_some()).count();
        (4 * fit >= 3 * sample.len()).then_some(form)
    }

    /// How many digits the ids' numbers have at most.
    pub fn max_digits(&self) -> usize {
        self.digits
    }

    /// The number of `id` (trimmed), when `id` has this pattern: the same
    /// text, then exactly as many digits, or a plain number. Each number
    /// has one way of being written (`R01` and `R1` are different ids, and
    /// not of one pattern), so the number stands for the id.
    #[inline]
    pub fn number(&self, id: &[u8]) -> Option<u64> {
        let rest = id.strip_prefix(self.prefix.as_slice())?;
        let fits = match self.padded {
            true => rest.len() == self.digits,
            false => {
                (1..=self.digits).contains(&rest.len()) && (rest[0] != b'0' || rest.len() == 1)
            }
        };
        if !fits {
            return None;
        }
        rest.iter().try_fold(0u64, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u64::from(b - b'0'))
        })
    }
}

/// How a pass keys respondent ids: by a hash with fixed seeds (duplicate
/// detection must not depend on the run), and with a pattern, ids of the
/// pattern by their number. Read again to check keys that came twice, the
/// ids must get the keys they got the first time.
#[derive(Debug, Clone)]
pub struct IdKeys {
    hasher: ahash::RandomState,
    form: Option<IdForm>,
}

impl Default for IdKeys {
    fn default() -> IdKeys {
        IdKeys {
            hasher: ahash::RandomState::with_seeds(0x5eed, 0xa11, 0x9e37, 0x79b9),
            form: None,
        }
    }
}

impl IdKeys {
    /// Keys that take ids of `form` by their number ([`number_key`]), any
    /// other by a hash that is never a number key ([`hash_key`]); with no
    /// form, every id by its plain hash.
    pub fn with_form(form: Option<IdForm>) -> IdKeys {
        IdKeys {
            form,
            ..IdKeys::default()
        }
    }

    /// The key of a respondent id (trimmed).
    #[inline]
    pub fn key(&self, id: &[u8]) -> u64 {
        let Some(form) = &self.form else {
            return self.hasher.hash_one(id);
        };
        match form.number(id) {
            Some(n) => number_key(n),
            None => hash_key(self.hasher.hash_one(id)),
        }
    }
}

/// The key of an id of the file's pattern, numbered `n` (below 10¹²).
#[inline]
pub fn number_key(n: u64) -> u64 {
    debug_assert!(n < 1 << NUMBER_BITS);
    MARK | n
}

/// The key of any other id, from its hash: never a number key.
#[inline]
pub fn hash_key(h: u64) -> u64 {
    if h >> NUMBER_BITS == MARK >> NUMBER_BITS {
        h ^ 1 << 63
    } else {
        h
    }
}

/// The number a key holds, if it is a number key.
#[inline]
pub fn number_of(key: u64) -> Option<u64> {
    (key >> NUMBER_BITS == MARK >> NUMBER_BITS).then_some(key & ((1 << NUMBER_BITS) - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_of_ids() {
        let f = IdForm::of(b"R0000001").unwrap();
        assert_eq!((f.prefix.as_slice(), f.max_digits()), (&b"R"[..], 7));
        assert_eq!(f.number(b"R0000001"), Some(1));
        assert_eq!(f.number(b"R9999999"), Some(9_999_999));
        assert_eq!(f.number(b"R0420017"), Some(420_017));
        // Leading zeros count: another length is another pattern.
        assert_eq!(f.number(b"R000001"), None);
        assert_eq!(f.number(b"R00000001"), None);
        assert_eq!(f.number(b"R1"), None);
        // Another text, or anything but digits after it.
        assert_eq!(f.number(b"r0000001"), None);
        assert_eq!(f.number(b"S0000001"), None);
        assert_eq!(f.number(b"R00000x1"), None);
        assert_eq!(f.number(b"R000000 "), None);
        assert_eq!(f.number(b"R-000001"), None);
        assert_eq!(f.number(b""), None);
        // Zero-padded digits only; text with digits inside it.
        let f = IdForm::of(b"0042").unwrap();
        assert_eq!((f.prefix.len(), f.max_digits()), (0, 4));
        assert_eq!(f.number(b"0007"), Some(7));
        assert_eq!(f.number(b"7"), None);
        assert_eq!(f.number(b"R007"), None);
        let f = IdForm::of(b"wave2-resp-00017").unwrap();
        assert_eq!(
            (f.prefix.as_slice(), f.max_digits()),
            (&b"wave2-resp-"[..], 5)
        );
        assert_eq!(f.number(b"wave2-resp-99999"), Some(99_999));
        assert_eq!(f.number(b"wave3-resp-99999"), None);
        // No digits at the end, too many, too long a text.
        assert_eq!(IdForm::of(b"R_3kX9aQ"), None);
        assert_eq!(IdForm::of(b""), None);
        assert_eq!(IdForm::of(b"1234567890123"), None);
        let long: Vec<u8> = [b'x'; 33].iter().chain(b"1").copied().collect();
        assert_eq!(IdForm::of(&long), None);
    }

    #[test]
    fn plain_numbers() {
        // No leading zero: numbers of up to as many digits as the first,
        // or as many as asked for.
        let f = IdForm::of(b"1042").unwrap();
        assert_eq!(f.max_digits(), 4);
        assert_eq!(f.number(b"7"), Some(7));
        assert_eq!(f.number(b"9999"), Some(9999));
        assert_eq!(f.number(b"10000"), None);
        assert_eq!(f.clone().plain_up_to(2).max_digits(), 4);
        assert_eq!(f.clone().plain_up_to(7).number(b"5000000"), Some(5_000_000));
        assert_eq!(f.clone().plain_up_to(7).number(b"50000000"), None);
        assert_eq!(f.plain_up_to(40).max_digits(), MAX_DIGITS);
        // A zero-padded pattern keeps its count.
        let f = IdForm::of(b"R0042").unwrap().plain_up_to(9);
        assert_eq!(f.max_digits(), 4);
        assert_eq!(f.number(b"R42"), None);
        for first in [&b"1042"[..], b"1", b"0", b"999999999999"] {
            let f = IdForm::of(first).unwrap().plain_up_to(MAX_DIGITS);
            assert_eq!(
                (f.prefix.len(), f.max_digits()),
                (0, MAX_DIGITS),
                "{first:?}"
            );
            assert_eq!(f.number(b"1"), Some(1));
            assert_eq!(f.number(b"0"), Some(0));
            assert_eq!(f.number(b"5000000"), Some(5_000_000));
            assert_eq!(f.number(b"999999999999"), Some(999_999_999_999));
            // A leading zero writes a number another way: not this pattern.
            assert_eq!(f.number(b"01"), None);
            assert_eq!(f.number(b"00"), None);
            assert_eq!(f.number(b"1234567890123"), None);
            assert_eq!(f.number(b""), None);
            assert_eq!(f.number(b"12a"), None);
        }
        let f = IdForm::of(b"resp-17").unwrap();
        assert_eq!(f.number(b"resp-3"), Some(3));
        assert_eq!(f.number(b"resp-100"), None);
        assert_eq!(f.number(b"resp-03"), None);
        assert_eq!(f.number(b"resp-"), None);
        assert_eq!(f.number(b"17"), None);
    }

    #[test]
    fn patterns_of_samples() {
        let ids = |s: &[&str]| s.iter().map(|s| s.as_bytes().to_vec()).collect::<Vec<_>>();
        // Three in four of the first ids have the first one's pattern.
        let sample = ids(&["R0000007", "R0000001", "X", "R0000120"]);
        let f = IdForm::of_sample(&sample, 8).unwrap();
        assert_eq!(f, IdForm::of(b"R0000007").unwrap());
        // Plain numbers take up to the digits asked for.
        let sample = ids(&["17", "3", "20415"]);
        assert_eq!(IdForm::of_sample(&sample, 8).unwrap().max_digits(), 8);
        // Fewer than three in four: none.
        assert_eq!(
            IdForm::of_sample(&ids(&["test1", "R_3kX9aQ", "R_x9", "R_7"]), 8),
            None
        );
        assert_eq!(
            IdForm::of_sample(&ids(&["R01", "R02", "x", "y", "R03"]), 8),
            None
        );
        // The first id has no pattern, or there are none.
        assert_eq!(
            IdForm::of_sample(&ids(&["R_3kX9aQ", "1", "2", "3"]), 8),
            None
        );
        assert_eq!(IdForm::of_sample(&[], 8), None);
        assert_eq!(IdForm::of_sample(&ids(&["9"]), 1).unwrap().max_digits(), 1);
    }

    #[test]
    fn number_keys_and_hash_keys_never_meet() {
        for n in [0, 1, 9_999_999, 999_999_999_999] {
            assert_eq!(number_of(number_key(n)), Some(n));
        }
        // A hash carrying the mark loses it; any other is kept as it is.
        let marked = number_key(12345);
        assert_eq!(number_of(hash_key(marked)), None);
        assert_ne!(hash_key(marked), marked);
        for h in [0, 1, u64::MAX, 0x9E37_79B9_7F4A_7C15] {
            assert_eq!(hash_key(h), h);
            assert_eq!(number_of(h), None);
        }
    }
}
