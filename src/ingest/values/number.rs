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
    decimal_with(t, b'.')
}

/// `[-]digits[mark digits]` with at most 15 digits in all, `mark` the
/// decimal mark; anything else returns `None`.
#[inline]
pub(super) fn decimal_with(t: &[u8], mark: u8) -> Option<Decimal> {
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
        } else if b == mark && point.is_none() {
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

/// A number as spreadsheets write it: currency symbols before or after
/// (`$1,200`, `1.200 €`), a leading `+` or `-`, accounting negatives
/// `(12.5)`, a trailing `%` (read as written: `12.5%` is 12.5), thousands
/// grouped by `,` (by `.` or spaces when `semicolon`, where `,` is the
/// decimal mark). A `.` followed by exactly three digits groups thousands
/// in a `;`-delimited file (`1.200` is 1200, `12.5` stays 12.5); a single
/// `,` not followed by exactly three digits is a decimal comma anywhere
/// (`12,5 %`). `None` for anything else.
pub fn spreadsheet_number(text: &str, semicolon: bool) -> Option<f64> {
    let (t, negative) = strip_decorations(text)?;
    let spaced = without_spaces(t)?;
    let t = spaced.as_str();
    let commas = t.matches(',').count();
    let dots = t.matches('.').count();
    if semicolon
        || (commas == 1 && dots == 0 && {
            let after = &t[t.find(',')? + 1..];
            after.len() != 3
        })
    {
        comma_decimal(t, commas, dots, negative)
    } else {
        point_decimal(t, dots, negative)
    }
}

/// The currency symbols spreadsheets put before or after a number.
const CURRENCY: &[char] = &['$', '€', '£', '¥'];

/// Whitespace, including the no-break spaces spreadsheets group with.
#[inline]
fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}'
}

/// Whether `s`, split at `sep`, is one to three digits followed by groups
/// of exactly three.
#[inline]
fn groups_of_three(s: &str, sep: char) -> bool {
    let mut parts = s.split(sep);
    let first = parts.next().unwrap_or("");
    !first.is_empty() && first.len() <= 3 && parts.all(|p| p.len() == 3)
}

/// The number's text without the blanks, accounting parentheses, signs,
/// currency symbol and trailing `%` around it, and whether it is negative.
/// `None` when it is negated twice (`(-12)`, `--12`).
fn strip_decorations(text: &str) -> Option<(&str, bool)> {
    let mut t = text.trim_matches(is_blank);
    let mut negative = false;
    if let Some(inner) = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        negative = true;
        t = inner.trim_matches(is_blank);
    }
    strip_sign(&mut t, &mut negative)?;
    if let Some(r) = t.strip_prefix(CURRENCY) {
        t = r.trim_start_matches(is_blank);
        strip_sign(&mut t, &mut negative)?;
    }
    if let Some(r) = t.strip_suffix('%') {
        t = r.trim_end_matches(is_blank);
    } else if let Some(r) = t.strip_suffix(CURRENCY) {
        t = r.trim_end_matches(is_blank);
    }
    Some((t, negative))
}

/// A leading `+` or `-` (and the blanks after it) removed from `t`, a `-`
/// setting `negative`; `None` when `negative` was already set by a `-`
/// or parentheses.
#[inline]
fn strip_sign(t: &mut &str, negative: &mut bool) -> Option<()> {
    if let Some(r) = t.strip_prefix('-') {
        if *negative {
            return None;
        }
        *negative = true;
        *t = r.trim_start_matches(is_blank);
    } else if let Some(r) = t.strip_prefix('+') {
        *t = r.trim_start_matches(is_blank);
    }
    Some(())
}

/// Digits and separators with the blanks that group thousands removed;
/// `None` when `t` is empty, holds anything else, or has a blank that does
/// not group thousands.
fn without_spaces(t: &str) -> Option<String> {
    // Digits with separators only from here on.
    if t.is_empty()
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',') || is_blank(c))
    {
        return None;
    }
    // Spaces may only group thousands.
    let spaced: String = t.chars().filter(|&c| !is_blank(c)).collect();
    if spaced.len() != t.len() && !t.split(is_blank).skip(1).all(|p| p.len() >= 3) {
        return None;
    }
    Some(spaced)
}

/// Digits where `,` is the decimal mark and `.` groups thousands, except a
/// single `.` that cannot group thousands (`12.5`), a decimal point after
/// all; `commas` and `dots` count them in `t`.
fn comma_decimal(t: &str, commas: usize, dots: usize, negative: bool) -> Option<f64> {
    if commas > 1 {
        return None;
    }
    let (int, frac) = match t.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    let int = if int.contains('.') {
        if dots == 1 && frac.is_none() && !groups_of_three(int, '.') {
            // `12.5`: a decimal point after all.
            return finish(int, negative);
        }
        if !groups_of_three(int, '.') {
            return None;
        }
        int.replace('.', "")
    } else {
        int.to_string()
    };
    let plain = match frac {
        Some(f) => format!("{int}.{f}"),
        None => int,
    };
    finish(&plain, negative)
}

/// Digits where `.` is the decimal mark and `,` groups thousands; `dots`
/// counts the points in `t`.
fn point_decimal(t: &str, dots: usize, negative: bool) -> Option<f64> {
    if dots > 1 {
        return None;
    }
    let (int, frac) = match t.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    if int.contains(',') && !groups_of_three(int, ',') {
        return None;
    }
    let int = int.replace(',', "");
    let plain = match frac {
        Some(f) => format!("{int}.{f}"),
        None => int,
    };
    finish(&plain, negative)
}

/// `digits[.digits]` (at least one digit before or after the point) as a
/// finite number, negated when `negative`.
fn finish(t: &str, negative: bool) -> Option<f64> {
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits(int) || !digits(frac) {
        return None;
    }
    let v: f64 = t.parse().ok()?;
    v.is_finite().then_some(if negative { -v } else { v })
}
