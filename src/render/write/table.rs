//! Any document as plain text for a terminal: paragraphs wrapped to the
//! width, tables drawn with comfy-table (readable at 100 columns; the
//! terminal's width on a terminal), the input accounting at the end. Text
//! from the input is shown with control characters escaped (the caller
//! wraps the writer in [`crate::terminal::Printable`]).

use super::super::document::{Align, Block, Document, Show, Table};
use super::super::fmt::wrap;
use super::super::RenderOptions;
use comfy_table::{presets, CellAlignment, ColumnConstraint, ContentArrangement};
use std::io::{self, Write};

/// A comfy-table with the house style: condensed UTF-8 borders, wrapped to
/// the width, headings wrapped at spaces.
fn comfy(t: &Table, opts: &RenderOptions) -> comfy_table::Table {
    let mut out = comfy_table::Table::new();
    out.load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .force_no_tty();
    if let Some(w) = opts.width {
        out.set_width(w);
    }
    out.set_header(
        t.header()
            .iter()
            .map(|h| wrap_header(h))
            .collect::<Vec<_>>(),
    );
    for (k, i) in t.shown_columns().into_iter().enumerate() {
        if let (Some(c), Align::Right) = (out.column_mut(k), t.columns[i].align) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    for r in t.text_rows(opts.decimals) {
        out.add_row(r);
    }
    // At its natural width when that fits, otherwise wrapped to the width.
    if let Some(limit) = opts.width {
        let widths = out.column_max_content_widths();
        let natural: usize = widths.iter().map(|w| *w as usize + 3).sum::<usize>() + 1;
        if natural <= limit as usize {
            out.set_content_arrangement(ContentArrangement::Disabled);
        } else {
            keep_figures_whole(&mut out, t, &widths, limit as usize);
        }
    }
    out
}

/// Narrowest a text column is made when the figures keep their width.
const MIN_TEXT: usize = 8;

/// When the table must shrink, shrink its text columns only (a figure
/// such as `4.01 [1.58, 6.44]` broken over two lines is hard to read),
/// provided the figures leave the text columns `MIN_TEXT` characters.
fn keep_figures_whole(out: &mut comfy_table::Table, t: &Table, widths: &[u16], limit: usize) {
    let shown = t.shown_columns();
    let right = |k: usize| t.columns[shown[k]].align == Align::Right;
    let need: usize = (0..shown.len())
        .map(|k| {
            let w = widths.get(k).map_or(0, |w| *w as usize);
            3 + if right(k) { w } else { w.min(MIN_TEXT) }
        })
        .sum::<usize>()
        + 1;
    if need > limit {
        return;
    }
    for k in (0..shown.len()).filter(|&k| right(k)) {
        if let Some(c) = out.column_mut(k) {
            c.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
}

/// Put each word of a long heading on its own line (short words stay paired),
/// so columns are only as wide as their longest heading word.
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

fn para(w: &mut dyn Write, text: &str, width: usize, indent: &str) -> io::Result<()> {
    for l in wrap(text, width, indent) {
        writeln!(w, "{l}")?;
    }
    Ok(())
}

fn table(w: &mut dyn Write, t: &Table, opts: &RenderOptions) -> io::Result<()> {
    writeln!(w, "{}", comfy(t, opts))?;
    match &t.caption {
        Some(c) => para(w, c, opts.width.unwrap_or(100) as usize, ""),
        None => Ok(()),
    }
}

fn block(w: &mut dyn Write, b: &Block, opts: &RenderOptions) -> io::Result<()> {
    let width = opts.width.unwrap_or(100) as usize;
    match b {
        Block::Paragraph { text } | Block::Lead { text } => para(w, text, width, ""),
        Block::Note { text } => para(w, &format!("Note: {text}"), width, ""),
        Block::Subheading { text } => {
            writeln!(w)?;
            para(w, text, width, "")
        }
        Block::List { items } => {
            for i in items {
                para(w, &format!("• {i}"), width, "  ")?;
            }
            Ok(())
        }
        Block::Definitions { items } => {
            for (term, text) in items {
                para(w, &format!("{term}: {text}"), width, "  ")?;
            }
            Ok(())
        }
        Block::Table { table: t } if t.show != Show::Data => table(w, t, opts),
        Block::Table { .. } => Ok(()),
        Block::Figure { figure } => match &figure.fallback {
            Some(t) => {
                para(
                    w,
                    &format!("{}. {}", figure.title, figure.caption),
                    width,
                    "",
                )?;
                table(w, t, opts)
            }
            None => Ok(()),
        },
    }
}

/// Write a document as text.
pub fn write(doc: &Document, opts: &RenderOptions, w: &mut dyn Write) -> io::Result<()> {
    let width = opts.width.unwrap_or(100) as usize;
    para(w, &doc.title, width, "")?;
    if !doc.subtitle.is_empty() {
        para(w, &doc.subtitle, width, "")?;
    }
    if !doc.headlines.is_empty() {
        writeln!(w)?;
        for h in &doc.headlines {
            para(w, &format!("• {h}"), width, "  ")?;
        }
    }
    for s in &doc.sections {
        writeln!(w)?;
        if !s.title.is_empty() {
            para(w, &s.title, width, "")?;
        }
        for b in &s.blocks {
            block(w, b, opts)?;
        }
    }
    if doc.sections.iter().any(|s| s.id == "input") {
        return Ok(());
    }
    writeln!(w)?;
    for line in &doc.accounting {
        para(w, line, width, "    ")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::super::document::{Cell, Column};
    use super::*;

    #[test]
    fn tables_keep_to_the_width() {
        let opts = RenderOptions {
            width: Some(60),
            ..RenderOptions::default()
        };
        let mut t = Table::with_columns(
            "t",
            "t",
            vec![
                Column::left("a", "A"),
                Column::right("b", "A long header that must wrap"),
            ],
        );
        t.push(vec![Cell::text("x".repeat(50)), Cell::index(Some(1.0))]);
        for line in comfy(&t, &opts).to_string().lines() {
            assert!(line.chars().count() <= 60, "{line}");
        }
    }
}
