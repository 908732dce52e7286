//! Any document as plain text for a terminal: paragraphs wrapped to the
//! width, tables drawn with comfy-table (readable at 100 columns; the
//! terminal's width on a terminal), the input accounting at the end. Text
//! from the input is shown with control characters escaped (the caller
//! wraps the writer in [`crate::terminal::Printable`]).

use super::super::document::{is_later, Align, Block, Document, LaterRows, Show, Table};
use super::super::fmt::wrap;
use super::super::RenderOptions;
use comfy_table::{presets, CellAlignment, ColumnConstraint, ContentArrangement, Width};
use std::io::{self, Write};

/// A comfy-table with the house style: condensed UTF-8 borders, wrapped to
/// the width, headings wrapped at spaces.
fn comfy(t: &Table, opts: &RenderOptions) -> comfy_table::Table {
    let mut out = styled(t);
    if let Some(w) = opts.width {
        out.set_width(w);
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

/// A comfy-table of `t`'s header and no rows yet, in the house style.
fn styled(t: &Table) -> comfy_table::Table {
    let mut out = house();
    out.set_header(
        t.header()
            .iter()
            .map(|h| wrap_header(h))
            .collect::<Vec<_>>(),
    );
    align(&mut out, t);
    out
}

/// An empty comfy-table in the house style: condensed UTF-8 borders,
/// wrapped to the width.
fn house() -> comfy_table::Table {
    let mut out = comfy_table::Table::new();
    out.load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .force_no_tty();
    out
}

/// Figures right-aligned (once `out` has its columns).
fn align(out: &mut comfy_table::Table, t: &Table) {
    for (k, i) in t.shown_columns().into_iter().enumerate() {
        if let (Some(c), Align::Right) = (out.column_mut(k), t.columns[i].align) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
}

/// The widest a cell's lines are, as comfy-table measures them (at least
/// one column).
fn text_width(text: &str) -> usize {
    use unicode_width::UnicodeWidthStr;
    text.split('\n')
        .map(|l| l.width())
        .max()
        .unwrap_or(0)
        .max(1)
}

/// Draw `t`, whose rows `later` makes, a chunk of rows at a time, never
/// holding them all (nor comfy-table's copy of them). The rows are made
/// twice: once to find each column's widest cell, then to draw them. When
/// the table fits at its natural width (its columns as wide as their
/// widest cell) each chunk is drawn at the widths of the whole table and
/// the chunks are joined, which gives the whole table's drawing line for
/// line; when it must be wrapped to the width, comfy-table lays out
/// wrapped cells from all of them, so the rows are gathered and the table
/// drawn whole.
fn table_later(
    w: &mut dyn Write,
    t: &Table,
    later: &dyn LaterRows,
    opts: &RenderOptions,
) -> io::Result<()> {
    let header = styled(t);
    let mut widths: Vec<usize> = header
        .column_max_content_widths()
        .iter()
        .map(|&w| w as usize)
        .collect();
    let mut part = t.clone();
    let mut rows = 0usize;
    later.each_chunk(&mut |chunk| {
        part.rows = chunk;
        for r in part.text_rows(opts.decimals) {
            rows += 1;
            for (w, cell) in widths.iter_mut().zip(&r) {
                *w = (*w).max(text_width(cell));
            }
        }
    });
    let natural: usize = widths.iter().map(|w| w + 3).sum::<usize>() + 1;
    if rows == 0 || opts.width.is_some_and(|limit| natural > limit as usize) {
        let mut whole = t.clone();
        later.each_chunk(&mut |chunk| whole.rows.extend(chunk));
        return table(w, &whole, opts);
    }
    // Each chunk drawn at the whole table's widths, the first with the
    // header; the bottom border is the last chunk's.
    let mut bottom = None;
    let mut written = Ok(());
    later.each_chunk(&mut |chunk| {
        if written.is_err() || chunk.is_empty() {
            return;
        }
        part.rows = chunk;
        let first = bottom.is_none();
        let mut out = if first { styled(t) } else { house() };
        out.set_content_arrangement(ContentArrangement::Disabled);
        for r in part.text_rows(opts.decimals) {
            out.add_row(r);
        }
        align(&mut out, t);
        for (k, &width) in widths.iter().enumerate() {
            if let Some(c) = out.column_mut(k) {
                c.set_constraint(ColumnConstraint::Absolute(Width::Fixed(width as u16 + 2)));
            }
        }
        let drawn = out.to_string();
        let mut lines: Vec<&str> = drawn.lines().collect();
        bottom = lines.pop().map(str::to_string);
        let from = if first { 0 } else { 1 };
        written = lines.iter().skip(from).try_for_each(|l| writeln!(w, "{l}"));
    });
    written?;
    if let Some(b) = bottom {
        writeln!(w, "{b}")?;
    }
    match &t.caption {
        Some(c) => para(w, c, opts.width.unwrap_or(100) as usize, ""),
        None => Ok(()),
    }
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

fn block(
    w: &mut dyn Write,
    b: &Block,
    later: Option<&dyn LaterRows>,
    opts: &RenderOptions,
) -> io::Result<()> {
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
        Block::Table { table: t } if t.show != Show::Data => match later {
            Some(later) if is_later(t, Some(later)) => table_later(w, t, later, opts),
            _ => table(w, t, opts),
        },
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
    write_with(doc, None, opts, w)
}

/// Write a document as text, the rows of the table `later` names made as
/// they are written.
pub fn write_with(
    doc: &Document,
    later: Option<&dyn LaterRows>,
    opts: &RenderOptions,
    w: &mut dyn Write,
) -> io::Result<()> {
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
            block(w, b, later, opts)?;
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

    /// Rows handed out in chunks of `size`.
    struct Chunks {
        rows: Vec<Vec<Cell>>,
        size: usize,
    }

    impl LaterRows for Chunks {
        fn table(&self) -> &str {
            "t"
        }
        fn each_chunk(&self, take: &mut dyn FnMut(Vec<Vec<Cell>>)) {
            for c in self.rows.chunks(self.size) {
                take(c.to_vec());
            }
        }
    }

    /// A table drawn a chunk of rows at a time is the table drawn whole,
    /// line for line: at its natural width (cells of wide and combining
    /// characters, a multi-line heading, the widest cell in a later
    /// chunk), and when it must be wrapped to a narrow width; in chunks of
    /// one row, of a few, and of all.
    #[test]
    fn tables_drawn_in_chunks_are_the_whole_table() {
        let mut t = Table::with_columns(
            "t",
            "t",
            vec![
                Column::left("a", "Company"),
                Column::right("b", "Shared understanding"),
                Column::left("c", "Stage"),
            ],
        );
        t.caption = Some("A caption.".into());
        let names = [
            "C1",
            "公司二",
            "Zoë ünïcode",
            "C4",
            "a much longer company name here",
        ];
        let rows: Vec<Vec<Cell>> = (0..11)
            .map(|i| {
                vec![
                    Cell::text(names[i % names.len()]),
                    Cell::index(Some(i as f64 * 9.87)),
                    Cell::text(if i % 3 == 0 { "Integrated" } else { "Siloed" }),
                ]
            })
            .collect();
        let mut whole = t.clone();
        whole.rows = rows.clone();
        for width in [None, Some(100), Some(30)] {
            let opts = RenderOptions {
                width,
                ..RenderOptions::default()
            };
            let mut expected = Vec::new();
            table(&mut expected, &whole, &opts).unwrap();
            for size in [1, 4, 11] {
                let later = Chunks {
                    rows: rows.clone(),
                    size,
                };
                let mut drawn = Vec::new();
                table_later(&mut drawn, &t, &later, &opts).unwrap();
                assert_eq!(
                    String::from_utf8(drawn).unwrap(),
                    String::from_utf8(expected.clone()).unwrap(),
                    "width {width:?}, chunks of {size}"
                );
            }
        }
        // No rows: the header alone, as drawn whole.
        let opts = RenderOptions::default();
        let (mut expected, mut drawn) = (Vec::new(), Vec::new());
        table(&mut expected, &t, &opts).unwrap();
        let later = Chunks {
            rows: Vec::new(),
            size: 4,
        };
        table_later(&mut drawn, &t, &later, &opts).unwrap();
        assert_eq!(drawn, expected);
    }

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
