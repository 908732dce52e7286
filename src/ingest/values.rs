//! Turning one cell into a value: scale answers (numbers or labels), missing
//! tokens, outcome numbers, roles and the completion flag. Each parser says
//! in words what it expected when a cell does not fit.

use crate::instrument::validate::normalize_label;
use std::collections::HashMap;

mod build;
mod number;

pub use number::Number;
use number::{decimal_with, fast_decimal, looks_decimal};

/// A respondent's role: a canonical one, an extra named role
/// (`roles.other`), or `Role::None` when the instrument has no role column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Role {
    /// Declared sales.
    Sales,
    /// Declared marketing.
    Marketing,
    /// Declared both sales and marketing.
    Both,
    /// No role: the instrument has no role column.
    #[default]
    None,
    /// An extra role, by its position in `roles.other`.
    Other(u8),
}

impl Role {
    /// The three canonical roles a respondent can declare.
    pub const NAMED: [Role; 3] = [Role::Sales, Role::Marketing, Role::Both];

    /// The role's name in the output (`"sales"`, `"marketing"`, `"both"`;
    /// `"unspecified"` for none; `"other"` for an extra role, whose name
    /// the accumulator's plan holds).
    pub fn key(self) -> &'static str {
        match self {
            Role::Sales => "sales",
            Role::Marketing => "marketing",
            Role::Both => "both",
            Role::None => "unspecified",
            Role::Other(_) => "other",
        }
    }
}

/// The result of reading one scale cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// Offset from the scale minimum (`value − min`), not reverse-coded.
    Point(u16),
    /// A missing-value token (or an empty cell).
    Missing,
    /// Not a scale answer; the message says what was expected.
    Invalid(String),
}

/// Precomputed lookups for the cells of one instrument.
#[derive(Debug, Clone)]
pub struct ValueParser {
    min: i64,
    max: i64,
    /// Offset of each one-digit answer on the scale (`u16::MAX`: off it).
    digits: [u16; 10],
    labels: HashMap<String, u16>,
    /// Scale labels as exports spell them (as the instrument writes them,
    /// lower case, capitalized, title case), each with the point the long
    /// way reads it as: a lookup without normalising (none that the long
    /// way would read otherwise, so that the two always agree).
    labels_exact: HashMap<Box<[u8]>, u16, ahash::RandomState>,
    missing_exact: Vec<Vec<u8>>,
    missing_norm: Vec<String>,
    /// Is a blank cell missing? Which bytes start an exact / normalized token?
    blank_missing: bool,
    first_exact: [bool; 256],
    first_norm: [bool; 256],
    roles: HashMap<String, Role>,
    /// The same aliases, packed for already normalized cells of up to 16
    /// bytes: (length, bytes as a little-endian number, role).
    role_exact: Vec<(usize, u128, Role)>,
    role_list: String,
    /// The role of a blank role cell (`roles.blank`), if any.
    blank_role: Option<Role>,
    expected: String,
    /// Every acceptable answer, spelled out, for unknown text.
    choices: String,
    /// Company aliases: normal form → company id.
    aliases: HashMap<String, String>,
    /// Is the file `;`-delimited (`,` then the decimal mark of outcomes
    /// written as spreadsheets write them)?
    semicolon: bool,
}

fn truthy(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "y" | "t" => Some(true),
        "0" | "false" | "no" | "n" | "f" => Some(false),
        _ => None,
    }
}

/// The message for an outcome that is not a number, with the ways one may
/// be written (`semicolon`: in a `;`-delimited file).
fn not_a_number(semicolon: bool) -> String {
    if semicolon {
        "is not a number; outcomes may be written like 12,5, 12,5 %, 1.234,5, 1.200 € or (12,5)"
            .into()
    } else {
        "is not a number; outcomes may be written like 12.5, 12.5%, 1,234.5, $1,200 or (12.5)"
            .into()
    }
}

/// The message for a cell that is not valid UTF-8, with the usual remedy.
pub const NOT_UTF8: &str =
    "is not valid UTF-8 text; save the file as UTF-8 (in Excel: \"CSV UTF-8\")";

impl ValueParser {
    fn is_missing(&self, raw: &[u8], text: &str) -> bool {
        let Some(&first) = raw.first() else {
            return self.blank_missing;
        };
        if self.first_exact[first as usize] && self.missing_exact.iter().any(|m| m == raw) {
            return true;
        }
        if is_normal(raw) {
            // Already normalized: no need to build the normal form.
            return self.first_norm[first as usize]
                && self.missing_norm.iter().any(|m| m.as_bytes() == raw);
        }
        let n = normalize_label(text);
        self.missing_norm.contains(&n)
    }

    /// A one-character answer, read quickly: `Some(Some(_))` for a digit on
    /// the scale, `None` for anything [`Self::answer`] reads the long way.
    #[inline(always)]
    pub fn digit_answer(&self, c: u8) -> Option<Option<u16>> {
        let p = *self.digits.get(c.wrapping_sub(b'0') as usize)?;
        (p != u16::MAX).then_some(Some(p))
    }

    /// A blank answer, read quickly: `Some(None)` when blank means missing.
    #[inline(always)]
    pub fn blank_answer(&self) -> Option<Option<u16>> {
        self.blank_missing.then_some(None)
    }

    /// Read a scale answer from raw cell bytes.
    #[inline]
    pub fn answer(&self, raw: &[u8]) -> Answer {
        // Fast path: one digit on the scale, or blank meaning missing; a
        // digit written as a decimal (`3.0`, as pandas writes a column of
        // whole numbers with gaps; `3,0` in a `;`-delimited file) too. No
        // missing token can be either: a token that reads as a number on
        // the scale is refused when the instrument is loaded.
        let quick = match raw {
            [c] => self.digit_answer(*c),
            [] => self.blank_answer(),
            [c, mark, zeros @ ..]
                if self.is_decimal_mark(*mark)
                    && !zeros.is_empty()
                    && zeros.iter().all(|&z| z == b'0') =>
            {
                self.digit_answer(*c)
            }
            _ => None,
        };
        match quick {
            Some(Some(p)) => Answer::Point(p),
            Some(None) => Answer::Missing,
            None => match self.labels_exact.get(raw) {
                Some(&p) => Answer::Point(p),
                None => self.answer_slow(raw),
            },
        }
    }

    /// Is `b` a decimal mark of answers written as decimals: `.`, and in a
    /// `;`-delimited file `,` too?
    #[inline(always)]
    fn is_decimal_mark(&self, b: u8) -> bool {
        b == b'.' || (self.semicolon && b == b',')
    }

    #[inline(never)]
    fn answer_slow(&self, raw: &[u8]) -> Answer {
        let text = match std::str::from_utf8(raw) {
            Ok(t) => t,
            Err(_) => return Answer::Invalid(NOT_UTF8.into()),
        };
        if self.is_missing(raw, text) {
            return Answer::Missing;
        }
        let t = text.trim();
        if t.is_empty() {
            // Blank cells are missing only when "" is a missing token.
            return Answer::Invalid(format!(
                "is blank, and blank is not one of the instrument's missing-value tokens; expected {}",
                self.expected
            ));
        }
        // In a `;`-delimited file a decimal comma (`3,0`, `2,5`) is read as
        // the outcome columns read it.
        let comma;
        let num = match self.semicolon && t.bytes().filter(|&b| b == b',').count() == 1 {
            true if !t.contains('.') => {
                comma = t.replace(',', ".");
                comma.as_str()
            }
            _ => t,
        };
        if let Ok(v) = num.parse::<f64>() {
            if !looks_decimal(num) {
                return Answer::Invalid(format!(
                    "is not a plain number; expected {}",
                    self.expected
                ));
            }
            if !v.is_finite() {
                return Answer::Invalid(format!(
                    "is not a finite number; expected {}",
                    self.expected
                ));
            }
            if v.fract() != 0.0 {
                return Answer::Invalid(format!(
                    "is not a whole scale point; expected {}",
                    self.expected
                ));
            }
            if v > self.max as f64 {
                return Answer::Invalid(format!("is above the scale maximum {}", self.max));
            }
            if v < self.min as f64 {
                return Answer::Invalid(format!("is below the scale minimum {}", self.min));
            }
            return Answer::Point((v as i64 - self.min) as u16);
        }
        if let Some(&p) = self.labels.get(&normalize_label(t)) {
            return Answer::Point(p);
        }
        Answer::Invalid(format!(
            "is neither a number nor a scale label; expected {}",
            self.choices
        ))
    }

    /// Read an outcome: any finite number, or missing.
    pub fn outcome(&self, raw: &[u8]) -> Result<Option<f64>, String> {
        Ok(self.outcome_number(raw)?.map(Number::value))
    }

    /// Read `;`-delimited files' outcomes with `,` as the decimal mark
    /// (when they are not plain numbers): see [`Self::outcome_number`].
    pub fn set_semicolon(&mut self, semicolon: bool) {
        self.semicolon = semicolon;
    }

    /// Read an outcome as a [`Number`]: exact when it is written with at
    /// most nine decimal places. A plain number (`12.5`, `-3`, `1e3`) is
    /// read as written; anything else as spreadsheets write numbers, as in
    /// the outcomes file ([`Self::sheet_outcome`]: `12,5`, `12.5%`,
    /// `$1,200`; in a `;`-delimited file `,` is the decimal mark), so a
    /// decimal comma is read exactly too.
    #[inline]
    pub fn outcome_number(&self, raw: &[u8]) -> Result<Option<Number>, String> {
        match raw.first() {
            Some(&b) => {
                // Fast path: a plain decimal (with a decimal comma in a
                // `;`-delimited file), unless it is a missing-value token
                // (it is then its own normal form).
                if let Some(d) = self.plain_decimal(raw) {
                    let token = (self.first_exact[b as usize] || self.first_norm[b as usize])
                        && (self.missing_exact.iter().any(|m| m == raw)
                            || self.missing_norm.iter().any(|m| m.as_bytes() == raw));
                    return Ok((!token).then(|| d.number()));
                }
            }
            None if self.blank_missing => return Ok(None),
            None => {}
        }
        self.outcome_slow(raw)
    }

    /// A plain decimal (`-12.5`; in a `;`-delimited file also `-12,5`).
    #[inline]
    fn plain_decimal(&self, t: &[u8]) -> Option<number::Decimal> {
        match fast_decimal(t) {
            None if self.semicolon => decimal_with(t, b','),
            d => d,
        }
    }

    #[cold]
    fn outcome_slow(&self, raw: &[u8]) -> Result<Option<Number>, String> {
        let text = std::str::from_utf8(raw).map_err(|_| NOT_UTF8.to_string())?;
        if self.is_missing(raw, text) {
            return Ok(None);
        }
        let t = text.trim();
        if let Some(d) = self.plain_decimal(t.as_bytes()) {
            return Ok(Some(d.number()));
        }
        match t.parse::<f64>() {
            Ok(v) if v.is_finite() && looks_decimal(t) => Ok(Some(Number::Float(v))),
            Ok(_) => Err("is not a finite number; outcomes must be finite numbers".into()),
            _ if t.is_empty() => Err(
                "is blank, and blank is not one of the instrument's missing-value tokens".into(),
            ),
            _ => match number::spreadsheet_number(t, self.semicolon) {
                Some(v) if v.is_finite() => Ok(Some(Number::Float(v))),
                _ => Err(not_a_number(self.semicolon)),
            },
        }
    }

    /// A declared segment's value (`Instrument::segments`): the cell
    /// trimmed; `None` when blank or a missing-value token (case- and
    /// white-space-insensitively, whether or not blank is one).
    pub fn segment_value<'a>(&self, raw: &'a [u8]) -> Result<Option<&'a str>, String> {
        let text = std::str::from_utf8(raw).map_err(|_| NOT_UTF8.to_string())?;
        let t = text.trim();
        if t.is_empty() || self.is_missing(t.as_bytes(), t) {
            return Ok(None);
        }
        Ok(Some(t))
    }

    /// A company id (trimmed) after the aliases.
    #[inline]
    pub fn company<'a>(&'a self, id: &'a str) -> &'a str {
        if self.aliases.is_empty() {
            return id;
        }
        self.aliases
            .get(&normalize_label(id))
            .map_or(id, String::as_str)
    }

    /// Read an outcome from an outcomes file, as spreadsheets write
    /// numbers (`12.5%`, `1,234.5`, `$1,200`, `(12.5)`; with `semicolon`,
    /// `,` is the decimal mark), or missing.
    pub fn sheet_outcome(&self, raw: &[u8], semicolon: bool) -> Result<Option<f64>, String> {
        let text = std::str::from_utf8(raw).map_err(|_| NOT_UTF8.to_string())?;
        if self.is_missing(raw, text) {
            return Ok(None);
        }
        if text.trim().is_empty() {
            return Err(
                "is blank, and blank is not one of the instrument's missing-value tokens".into(),
            );
        }
        number::spreadsheet_number(text, semicolon)
            .map(Some)
            .ok_or_else(|| {
                if text.trim().parse::<f64>().is_ok_and(|v| !v.is_finite()) {
                    "is not a finite number; outcomes must be finite numbers".into()
                } else {
                    not_a_number(semicolon)
                }
            })
    }

    /// Read a role.
    pub fn role(&self, raw: &[u8]) -> Result<Role, String> {
        let unknown = || format!("is not a known role; expected one of {}", self.role_list);
        if raw.trim_ascii().is_empty() {
            return self.blank_role.ok_or_else(|| {
                format!(
                    "is blank; expected one of {} (roles.blank in the instrument can give blank roles a role)",
                    self.role_list
                )
            });
        }
        if let Some(key) = pack16(raw) {
            // Most cells are a role's normal form, byte for byte (which
            // normalizing would leave as it is).
            let exact = self
                .role_exact
                .iter()
                .find(|&&(len, k, _)| len == raw.len() && k == key);
            if let Some(&(_, _, r)) = exact {
                return Ok(r);
            }
            if is_normal(raw) {
                return Err(unknown());
            }
        }
        let text = std::str::from_utf8(raw).map_err(|_| NOT_UTF8.to_string())?;
        self.roles
            .get(&normalize_label(text))
            .copied()
            .ok_or_else(unknown)
    }

    /// Read the completion flag.
    pub fn finished(&self, raw: &[u8]) -> Result<bool, String> {
        let text = std::str::from_utf8(raw).map_err(|_| NOT_UTF8.to_string())?;
        truthy(text).ok_or_else(|| {
            "is not a completion flag; expected 1/0, true/false or yes/no".to_string()
        })
    }
}

/// Up to 16 bytes as one number (little-endian, zero-padded), read as at
/// most two overlapping loads of whole words (copying a short slice into a
/// buffer would call `memcpy` and then stall reading it back).
#[inline]
pub(crate) fn pack16(b: &[u8]) -> Option<u128> {
    /// `n` bytes from `b` (`w <= n <= 2w`, `w` the word size) as two
    /// overlapping words, the second shifted down past the overlap.
    macro_rules! two {
        ($t:ty, $w:expr) => {{
            let n = b.len();
            let lo = <$t>::from_le_bytes(b[..$w].try_into().ok()?);
            let hi = <$t>::from_le_bytes(b[n - $w..].try_into().ok()?);
            let hi = hi.checked_shr(((2 * $w - n) * 8) as u32).unwrap_or(0);
            (lo as u128) | (hi as u128) << ($w * 8)
        }};
    }
    Some(match b.len() {
        0 => 0,
        1 => b[0] as u128,
        2..=3 => {
            let n = b.len();
            let lo = u16::from_le_bytes([b[0], b[1]]) as u128;
            lo | (b[n - 1] as u128) << ((n - 1) * 8)
        }
        4..=7 => two!(u32, 4),
        8..=16 => two!(u64, 8),
        _ => return None,
    })
}

/// True when `normalize_label` would leave the text as it is: ASCII, no
/// whitespace, no upper case (the common case, checked without allocating).
fn is_normal(raw: &[u8]) -> bool {
    !raw.is_empty()
        && raw
            .iter()
            .all(|&b| b.is_ascii_graphic() && !b.is_ascii_uppercase())
}

/// Shorten a value for a message: at most 60 characters; control
/// characters, backslashes and double quotes escaped (apostrophes are shown
/// as written), bytes that are not UTF-8 shown as `\xNN`.
pub fn shorten(raw: &[u8]) -> String {
    const MAX: usize = 60;
    let mut out = String::new();
    let mut shown = 0usize;
    for chunk in raw.utf8_chunks() {
        for c in chunk.valid().chars() {
            if shown == MAX {
                out.push('…');
                return out;
            }
            if c == '\'' {
                out.push(c);
            } else {
                out.extend(c.escape_debug());
            }
            shown += 1;
        }
        for b in chunk.invalid() {
            if shown == MAX {
                out.push('…');
                return out;
            }
            out.push_str(&format!("\\x{b:02X}"));
            shown += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests;
