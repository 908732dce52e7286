//! Plain-text tables (comfy-table), readable at 100 columns.

use super::RenderOptions;
use comfy_table::{presets, CellAlignment, ContentArrangement, Table};

/// A table with the house style: condensed UTF-8 borders, wrapped to width.
pub fn new_table(header: Vec<String>, opts: &RenderOptions) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .force_no_tty();
    if let Some(w) = opts.width {
        t.set_width(w);
    }
    // Headers are wrapped at spaces beforehand, so columns are only as wide
    // as their longest header word and the table rarely needs to break words.
    let header: Vec<String> = header.iter().map(|h| wrap_header(h)).collect();
    t.set_header(header);
    for i in 1..t.column_count() {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    t
}

/// Put each word of a long header on its own line (short words stay paired).
fn wrap_header(h: &str) -> String {
    let longest = h
        .split_whitespace()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0)
        .max(6);
    let mut lines: Vec<String> = Vec::new();
    for word in h.split_whitespace() {
        match lines.last_mut() {
            Some(l) if l.chars().count() + 1 + word.chars().count() <= longest => {
                l.push(' ');
                l.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines.join("\n")
}

/// Render a finished table: at its natural width when that fits, otherwise
/// wrapped to the width (comfy-table's dynamic arrangement).
pub fn render(t: &mut Table, opts: &RenderOptions) -> String {
    if let Some(limit) = opts.width {
        let widths = t.column_max_content_widths();
        let natural: usize = widths.iter().map(|w| *w as usize + 3).sum::<usize>() + 1;
        if natural <= limit as usize {
            t.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    t.to_string()
}

pub(crate) mod benchmark;
mod gaps;
mod leaders;
mod score;
pub use benchmark::benchmark;
pub use gaps::gaps;
pub use leaders::leaders;
pub use score::score;

#[cfg(test)]
mod tests {
    use super::super::fmt::plural;
    use super::*;

    #[test]
    fn tables_keep_to_the_width() {
        let opts = RenderOptions {
            width: Some(60),
            by_role: false,
        };
        let mut t = new_table(
            vec!["A".into(), "A long header that must wrap".into()],
            &opts,
        );
        t.add_row(vec!["x".repeat(50), "1.0".into()]);
        for line in t.to_string().lines() {
            assert!(line.chars().count() <= 60, "{line}");
        }
        assert_eq!(plural(1, "row", "rows"), "1 row");
    }
}
