//! Typed table cells: a cell says what a figure is (a 0–100 index, a
//! statistic, a p-value, a count, a percentage), and each writer formats it
//! the same way ([`Cell::text`] for the reading formats, [`Cell::values`]
//! for the data formats). Hidden and undefined figures are cells of their
//! own, so no writer can show a number the model does not hold.

use crate::render::fmt::{self, NONE};

/// What kind of figure a number is, which sets its default decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A 0–100 index or a percentage point figure (1 decimal).
    Index,
    /// A statistic shown with this many decimals.
    Stat(u8),
    /// A p- or q-value (3 decimals, `<0.001` below that).
    PValue,
    /// A percentage on the 0–100 scale, shown with `%`, with this many decimals.
    Percent(u8),
    /// A ratio, shown with `×`.
    Ratio(u8),
    /// A whole number (thousands separators when read).
    Count,
}

impl Kind {
    /// Decimals shown: `decimals` when given, else the kind's own.
    pub fn decimals(self, decimals: Option<u8>) -> usize {
        let own = match self {
            Kind::Index => 1,
            Kind::Stat(d) | Kind::Percent(d) | Kind::Ratio(d) => d,
            Kind::PValue => 3,
            Kind::Count => 0,
        };
        match (self, decimals) {
            (Kind::Count, _) => 0,
            (_, Some(d)) => d as usize,
            _ => own as usize,
        }
    }

    /// The spreadsheet number format that shows what the reading formats show.
    pub fn number_format(self) -> String {
        let dp = self.decimals(None);
        let base = if dp == 0 {
            "0".to_string()
        } else {
            format!("0.{}", "0".repeat(dp))
        };
        match self {
            Kind::Count => "#,##0".into(),
            Kind::Percent(_) => format!("{base}\"%\""),
            Kind::Ratio(_) => format!("{base}\"×\""),
            _ => base,
        }
    }
}

/// How a cell of several figures reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Combo {
    /// `[lo, hi]`
    Interval,
    /// `est [lo, hi]`
    EstimateCi,
    /// `mean (sd)`
    MeanSd,
    /// `a / b`
    Slash,
}

/// One table cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text (from the input or the program), shown as it is and escaped by
    /// each writer for its format.
    Text(String),
    /// An id with a mark the reading formats add (` (R)` for a
    /// reverse-worded item); the data formats write the id alone.
    Label {
        /// The id.
        text: String,
        /// Whether the item is reverse-worded (` (R)` appended when read).
        reverse: bool,
    },
    /// A finite figure; `signed` shows `+` before positive values.
    Num {
        /// The figure, always finite.
        value: f64,
        /// What the figure is, which sets how it is formatted.
        kind: Kind,
        /// Whether `+` is shown before a positive value.
        signed: bool,
    },
    /// Several figures read as one cell (written as one column each by
    /// the data formats); a missing part is `None`.
    Combo {
        /// How the figures read together.
        combo: Combo,
        /// The figures, in reading order; a missing one is `None`.
        values: Vec<Option<f64>>,
        /// What the figures are, which sets how they are formatted.
        kind: Kind,
    },
    /// A figure not shown for anonymity.
    Hidden,
    /// An undefined figure (too few answers, no variance, …).
    Missing,
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}

fn finite(x: Option<f64>) -> Option<f64> {
    x.filter(|v| v.is_finite())
}

impl Cell {
    /// A figure of `kind`, or [`Cell::Missing`] when `x` is null or not finite.
    pub fn num(x: Option<f64>, kind: Kind) -> Cell {
        match finite(x) {
            Some(value) => Cell::Num {
                value,
                kind,
                signed: false,
            },
            None => Cell::Missing,
        }
    }
    /// A 0–100 index (1 decimal).
    pub fn index(x: Option<f64>) -> Cell {
        Cell::num(x, Kind::Index)
    }
    /// A statistic with `dp` decimals.
    pub fn stat(x: Option<f64>, dp: u8) -> Cell {
        Cell::num(x, Kind::Stat(dp))
    }
    /// A p- or q-value.
    pub fn p(x: Option<f64>) -> Cell {
        Cell::num(x, Kind::PValue)
    }
    /// A count of companies, respondents or rows.
    pub fn count(n: u64) -> Cell {
        Cell::Num {
            value: n as f64,
            kind: Kind::Count,
            signed: false,
        }
    }
    /// A percentage on the 0–100 scale with `dp` decimals.
    pub fn percent(x: Option<f64>, dp: u8) -> Cell {
        Cell::num(x, Kind::Percent(dp))
    }
    /// A ratio (e.g. a lift) with `dp` decimals.
    pub fn ratio(x: Option<f64>, dp: u8) -> Cell {
        Cell::num(x, Kind::Ratio(dp))
    }
    /// A figure with its sign always shown (a difference, a gap).
    pub fn signed(x: Option<f64>, kind: Kind) -> Cell {
        match Cell::num(x, kind) {
            Cell::Num { value, kind, .. } => Cell::Num {
                value,
                kind,
                signed: true,
            },
            other => other,
        }
    }
    /// A text cell.
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
    /// An item id, marked ` (R)` when reverse-worded.
    pub fn item(id: &str, reverse: bool) -> Cell {
        Cell::Label {
            text: id.to_string(),
            reverse,
        }
    }
    /// Several figures read as one cell; non-finite ones become missing parts.
    pub fn combo(combo: Combo, values: Vec<Option<f64>>, kind: Kind) -> Cell {
        Cell::Combo {
            combo,
            values: values.into_iter().map(finite).collect(),
            kind,
        }
    }
    /// `lo`–`hi` as an interval (two data columns).
    pub fn interval(ci: Option<[f64; 2]>, kind: Kind) -> Cell {
        Cell::combo(
            Combo::Interval,
            vec![ci.map(|c| c[0]), ci.map(|c| c[1])],
            kind,
        )
    }
    /// An estimate with its interval (three data columns).
    pub fn estimate_ci(x: Option<f64>, ci: Option<[f64; 2]>, kind: Kind) -> Cell {
        Cell::combo(
            Combo::EstimateCi,
            vec![x, ci.map(|c| c[0]), ci.map(|c| c[1])],
            kind,
        )
    }
    /// A mean with its sd (two data columns).
    pub fn mean_sd(mean: Option<f64>, sd: Option<f64>, kind: Kind) -> Cell {
        Cell::combo(Combo::MeanSd, vec![mean, sd], kind)
    }
    /// `a / b` (two data columns).
    pub fn pair(a: Option<f64>, b: Option<f64>, kind: Kind) -> Cell {
        Cell::combo(Combo::Slash, vec![a, b], kind)
    }

    /// How many data columns the cell fills.
    pub fn width(&self) -> usize {
        match self {
            Cell::Combo { values, .. } => values.len(),
            _ => 1,
        }
    }

    /// The cell as read in a table, Markdown or HTML.
    pub fn text_with(&self, decimals: Option<u8>) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Label { text, reverse } => match reverse {
                true => format!("{text} (R)"),
                false => text.clone(),
            },
            Cell::Hidden => "hidden".into(),
            Cell::Missing => NONE.into(),
            Cell::Num {
                value,
                kind,
                signed,
            } => number(*value, *kind, *signed, decimals),
            Cell::Combo {
                combo,
                values,
                kind,
            } => {
                let v = |i: usize| match values.get(i).copied().flatten() {
                    Some(x) => number(x, *kind, false, decimals),
                    None => NONE.to_string(),
                };
                match combo {
                    Combo::Interval if values.iter().all(Option::is_none) => NONE.into(),
                    Combo::Interval => format!("[{}, {}]", v(0), v(1)),
                    Combo::EstimateCi => match (values[0], values[1].zip(values[2])) {
                        (None, _) => NONE.into(),
                        (Some(_), None) => v(0),
                        (Some(_), Some(_)) => format!("{} [{}, {}]", v(0), v(1), v(2)),
                    },
                    Combo::MeanSd => match (values[0], values[1]) {
                        (None, _) => NONE.into(),
                        (Some(_), None) => v(0),
                        _ => format!("{} ({})", v(0), v(1)),
                    },
                    Combo::Slash => format!("{} / {}", v(0), v(1)),
                }
            }
        }
    }

    /// The cell's figures for a data format (CSV): numbers rounded as read
    /// but without signs, units or separators; hidden and undefined figures
    /// empty. Text is returned as it is (the writer neutralises it).
    pub fn values(&self, decimals: Option<u8>) -> Vec<String> {
        match self {
            Cell::Text(s) | Cell::Label { text: s, .. } => vec![s.clone()],
            Cell::Hidden | Cell::Missing => vec![String::new()],
            Cell::Num { value, kind, .. } => vec![plain(*value, *kind, decimals)],
            Cell::Combo { values, kind, .. } => values
                .iter()
                .map(|v| v.map(|x| plain(x, *kind, decimals)).unwrap_or_default())
                .collect(),
        }
    }
}

/// A figure rounded for a data format: digits, a point and a minus only.
pub fn plain(x: f64, kind: Kind, decimals: Option<u8>) -> String {
    fmt::num(Some(x), kind.decimals(decimals))
}

/// A figure as read.
pub fn number(x: f64, kind: Kind, signed: bool, decimals: Option<u8>) -> String {
    let dp = kind.decimals(decimals);
    let s = if signed {
        fmt::signed(Some(x), dp)
    } else {
        fmt::num(Some(x), dp)
    };
    match kind {
        Kind::Count => fmt::count(x as u64),
        Kind::PValue if dp > 0 && x < 10f64.powi(-(dp as i32)) => {
            format!("<{}", fmt::num(Some(10f64.powi(-(dp as i32))), dp))
        }
        Kind::Percent(_) => format!("{s}%"),
        Kind::Ratio(_) => format!("{s}×"),
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document of many companies holds millions of cells: a cell is no
    /// larger than its text's `String` and a tag.
    #[test]
    fn a_cell_is_four_words() {
        assert_eq!(std::mem::size_of::<Cell>(), 32);
        assert_eq!(Cell::item("in_x", true).text_with(None), "in_x (R)");
        assert_eq!(Cell::item("in_x", false).text_with(None), "in_x");
        assert_eq!(Cell::item("in_x", true).values(None), vec!["in_x"]);
    }

    #[test]
    fn cells_read_like_the_figures_they_hold() {
        assert_eq!(Cell::index(Some(72.44)).text_with(None), "72.4");
        assert_eq!(Cell::index(Some(72.44)).text_with(Some(2)), "72.44");
        assert_eq!(Cell::p(Some(0.0004)).text_with(None), "<0.001");
        assert_eq!(Cell::p(Some(0.0123)).text_with(None), "0.012");
        assert_eq!(Cell::count(1234).text_with(None), "1,234");
        assert_eq!(Cell::count(1234).values(None), vec!["1234"]);
        assert_eq!(
            Cell::signed(Some(3.21), Kind::Index).text_with(None),
            "+3.2"
        );
        assert_eq!(Cell::percent(Some(78.4), 0).text_with(None), "78%");
        assert_eq!(Cell::percent(Some(78.4), 0).values(None), vec!["78"]);
        assert_eq!(Cell::index(None), Cell::Missing);
        assert_eq!(Cell::index(Some(f64::NAN)).text_with(None), "–");
        assert_eq!(Cell::Hidden.values(None), vec![""]);
        let g = Cell::estimate_ci(Some(1.316), Some([0.41, 2.234]), Kind::Stat(2));
        assert_eq!(g.text_with(None), "1.32 [0.41, 2.23]");
        assert_eq!(g.values(None), vec!["1.32", "0.41", "2.23"]);
        assert_eq!(
            Cell::mean_sd(Some(72.44), Some(8.06), Kind::Index).text_with(None),
            "72.4 (8.1)"
        );
        assert_eq!(Kind::Stat(3).number_format(), "0.000");
        assert_eq!(Kind::Count.number_format(), "#,##0");
    }
}
