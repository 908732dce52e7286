//! Outcome numbers: plain decimals read quickly and exactly (a count of
//! 10⁻⁹ when they have at most nine places), anything else as `f64`.

/// A number as read from an outcome cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// Written with at most nine decimal places (and below 2⁵³ × 10⁻⁹ in
    /// magnitude): its exact count of 10⁻⁹, summed without rounding.
    Nanos(i64),
    /// Any other finite number.
    Float(f64),
}

impl Number {
    /// The number as `str::parse::<f64>` reads its text.
    #[inline]
    pub fn value(self) -> f64 {
        match self {
            // Both exact in `f64`: one correctly rounded division gives the
            // closest `f64` to the decimal.
            Number::Nanos(n) => n as f64 / 1e9,
            Number::Float(v) => v,
        }
    }
}

/// `[-]digits[.digits]`: its digits as an integer, and how many of them
/// follow the point.
#[derive(Debug, Clone, Copy)]
pub(super) struct Decimal {
    negative: bool,
    digits: u64,
    places: usize,
}

impl Decimal {
    #[inline]
    pub fn number(self) -> Number {
        const POW10: [u64; 10] = [
            1,
            10,
            100,
            1_000,
            10_000,
            100_000,
            1_000_000,
            10_000_000,
            100_000_000,
            1_000_000_000,
        ];
        let nanos = POW10
            .get(9usize.wrapping_sub(self.places))
            .and_then(|&p| self.digits.checked_mul(p))
            .filter(|&n| n < 1 << 53);
        match nanos {
            Some(n) => Number::Nanos(if self.negative { -(n as i64) } else { n as i64 }),
            None => Number::Float(self.value()),
        }
    }

    /// Converted exactly as `str::parse::<f64>` would: the digits form an
    /// integer that `f64` holds exactly, and one division by an exact power
    /// of ten rounds correctly (Clinger's fast path).
    pub fn value(self) -> f64 {
        const POW10: [f64; 16] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
        ];
        let v = self.digits as f64 / POW10[self.places];
        if self.negative {
            -v
        } else {
            v
        }
    }
}

/// `[-]digits[.digits]` with at most 15 digits in all; anything else
/// returns `None`.
#[inline]
pub(super) fn fast_decimal(t: &[u8]) -> Option<Decimal> {
    let (negative, body) = match t.first() {
        Some(b'-') => (true, &t[1..]),
        _ => (false, t),
    };
    if body.is_empty() || body.len() > 16 {
        return None;
    }
    let mut digits = 0u64;
    let mut point = None;
    for (i, &b) in body.iter().enumerate() {
        let d = b.wrapping_sub(b'0');
        if d < 10 {
            digits = digits * 10 + d as u64;
        } else if b == b'.' && point.is_none() {
            point = Some(i);
        } else {
            return None;
        }
    }
    let places = point.map_or(0, |p| body.len() - 1 - p);
    let n_digits = body.len() - point.is_some() as usize;
    (n_digits > 0 && n_digits <= 15).then_some(Decimal {
        negative,
        digits,
        places,
    })
}

/// Plain decimal notation only: no hex, no `inf`/`nan` words, no exponent
/// overflow surprises. Rust's float parser accepts `inf`, `NaN` and
/// `infinity`, which are not answers.
pub(super) fn looks_decimal(t: &str) -> bool {
    let b = t.as_bytes();
    let body = match b.first() {
        Some(b'+') | Some(b'-') => &b[1..],
        _ => b,
    };
    !body.is_empty()
        && body
            .iter()
            .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'))
        && body[0] != b'e'
        && body[0] != b'E'
}
