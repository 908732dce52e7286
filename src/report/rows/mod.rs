//! Rows shared by the plain-text and Markdown renderers: the same cells in
//! the same order, each format escaping the text that comes from the input
//! its own way (`esc`) and laying the rows out its own way.

pub mod gaps;
pub mod score;

pub use score::*;

use super::fmt::NONE;

/// How a format escapes text from the input.
pub type Escape = fn(&str) -> String;

/// Text as it is (plain-text tables).
pub fn plain(s: &str) -> String {
    s.to_string()
}

/// `yes`, `no` or `–`.
pub fn yes_no(b: Option<bool>) -> String {
    match b {
        Some(true) => "yes".into(),
        Some(false) => "no".into(),
        None => NONE.into(),
    }
}

/// A table's header and rows.
pub struct Rows {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Headers from string literals.
pub fn header(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}
