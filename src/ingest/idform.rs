//! Numbered respondent ids: the pattern a file's ids share when they are a
//! fixed text followed by a fixed count of digits (`R0000001`, `1042`,
//! `resp-00017`), as survey tools and panels number their respondents, and
//! the duplicate key such an id gets in a split pass.
//!
//! A split pass looks only for whether any id comes twice ([`super::split`]).
//! An id of the file's pattern is keyed by its number, exactly, so that the
//! pass can file it in two or four bytes and check it against a bitmap;
//! any other id is keyed by its 64-bit hash as before. The pattern is taken
//! from the file's first data row, the same for every thread, so an id
//! always gets the same key wherever it is read. Number keys carry a mark
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

/// A fixed text and a fixed count of digits after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdForm {
    prefix: Vec<u8>,
    digits: usize,
}

impl IdForm {
    /// The pattern of `id` (trimmed), when it ends in 1 to [`MAX_DIGITS`]
    /// ASCII digits after at most 32 bytes of text that do not end in a
    /// digit.
    pub fn of(id: &[u8]) -> Option<IdForm> {
        let digits = id.iter().rev().take_while(|b| b.is_ascii_digit()).count();
        let prefix = &id[..id.len() - digits];
        ((1..=MAX_DIGITS).contains(&digits) && prefix.len() <= MAX_PREFIX).then(|| IdForm {
            prefix: prefix.to_vec(),
            digits,
        })
    }

    /// How many digits the ids' numbers have.
    pub fn digits(&self) -> usize {
        self.digits
    }

    /// The number of `id` (trimmed), when `id` has this pattern: the same
    /// text, then exactly as many digits (leading zeros count: `R01` and
    /// `R1` are different ids, and not of one pattern).
    #[inline]
    pub fn number(&self, id: &[u8]) -> Option<u64> {
        let rest = id.strip_prefix(self.prefix.as_slice())?;
        if rest.len() != self.digits {
            return None;
        }
        rest.iter().try_fold(0u64, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u64::from(b - b'0'))
        })
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
        assert_eq!((f.prefix.as_slice(), f.digits()), (&b"R"[..], 7));
        assert_eq!(f.number(b"R0000001"), Some(1));
        assert_eq!(f.number(b"R9999999"), Some(9_999_999));
        assert_eq!(f.number(b"R0420017"), Some(420_017));
        // Leading zeros count: another length is another pattern.
        assert_eq!(f.number(b"R000001"), None);
        assert_eq!(f.number(b"R00000001"), None);
        // Another text, or anything but digits after it.
        assert_eq!(f.number(b"r0000001"), None);
        assert_eq!(f.number(b"S0000001"), None);
        assert_eq!(f.number(b"R00000x1"), None);
        assert_eq!(f.number(b"R000000 "), None);
        assert_eq!(f.number(b"R-000001"), None);
        assert_eq!(f.number(b""), None);
        // Digits only; text with digits inside it.
        let f = IdForm::of(b"1042").unwrap();
        assert_eq!((f.prefix.len(), f.digits()), (0, 4));
        assert_eq!(f.number(b"0007"), Some(7));
        assert_eq!(f.number(b"R007"), None);
        let f = IdForm::of(b"wave2-resp-00017").unwrap();
        assert_eq!((f.prefix.as_slice(), f.digits()), (&b"wave2-resp-"[..], 5));
        assert_eq!(f.number(b"wave2-resp-99999"), Some(99_999));
        assert_eq!(f.number(b"wave3-resp-99999"), None);
        // No digits at the end, too many, too long a text.
        assert_eq!(IdForm::of(b"R_3kX9aQ"), None);
        assert_eq!(IdForm::of(b""), None);
        assert_eq!(IdForm::of(b"1234567890123"), None);
        let f = IdForm::of(b"123456789012").unwrap();
        assert_eq!(f.number(b"999999999999"), Some(999_999_999_999));
        assert_eq!(
            IdForm::of(&[b'x'; 33].iter().chain(b"1").copied().collect::<Vec<_>>()),
            None
        );
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
