//! Any document as Markdown: pipe tables, charts as small tables (or left
//! out when a table next to them has their figures), the warnings and the
//! input accounting at the end. Every text is escaped with [`esc`] so that
//! input strings cannot break a table or inject markup.

use super::super::document::{is_later, Align, Block, Document, LaterRows, Show, Table};
use super::super::RenderOptions;
use std::io::{self, Write};

/// Escape text for Markdown (a table cell or a paragraph).
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

fn table(
    w: &mut dyn Write,
    t: &Table,
    later: Option<&dyn LaterRows>,
    opts: &RenderOptions,
) -> io::Result<()> {
    let header: Vec<String> = t.header().iter().map(|h| esc(h)).collect();
    writeln!(w, "| {} |", header.join(" | "))?;
    let aligns: Vec<&str> = t
        .shown_columns()
        .into_iter()
        .map(|i| match t.columns[i].align {
            Align::Left => ":---",
            Align::Right => "---:",
        })
        .collect();
    writeln!(w, "| {} |", aligns.join(" | "))?;
    let mut rows = |t: &Table| -> io::Result<()> {
        for r in t.text_rows(opts.decimals) {
            let cells: Vec<String> = r.iter().map(|c| esc(c)).collect();
            writeln!(w, "| {} |", cells.join(" | "))?;
        }
        Ok(())
    };
    match later.filter(|_| is_later(t, later)) {
        Some(later) => {
            let mut part = t.clone();
            let mut written = Ok(());
            later.each_chunk(&mut |chunk| {
                if written.is_ok() {
                    part.rows = chunk;
                    written = rows(&part);
                }
            });
            written?;
        }
        None => rows(t)?,
    }
    writeln!(w)?;
    if let Some(c) = &t.caption {
        writeln!(w, "{}\n", esc(c))?;
    }
    Ok(())
}

fn block(
    w: &mut dyn Write,
    b: &Block,
    later: Option<&dyn LaterRows>,
    opts: &RenderOptions,
) -> io::Result<()> {
    match b {
        Block::Paragraph { text } => writeln!(w, "{}\n", esc(text)),
        Block::Lead { text } => writeln!(w, "**{}**\n", esc(text)),
        Block::Note { text } => writeln!(w, "> Note: {}\n", esc(text)),
        Block::Subheading { text } => writeln!(w, "### {}\n", esc(text)),
        Block::List { items } => {
            for i in items {
                writeln!(w, "- {}", esc(i))?;
            }
            writeln!(w)
        }
        Block::Definitions { items } => {
            for (term, text) in items {
                writeln!(w, "- **{}**: {}", esc(term), esc(text))?;
            }
            writeln!(w)
        }
        Block::Table { table: t } if t.show != Show::Data => table(w, t, later, opts),
        Block::Table { .. } => Ok(()),
        Block::Figure { figure } => match &figure.fallback {
            Some(t) => {
                writeln!(
                    w,
                    "**{}** (a chart in the HTML report). {}\n",
                    esc(&figure.title),
                    esc(&figure.caption)
                )?;
                table(w, t, None, opts)
            }
            None => Ok(()),
        },
    }
}

/// Write a document as Markdown.
pub fn write(doc: &Document, opts: &RenderOptions, w: &mut dyn Write) -> io::Result<()> {
    write_with(doc, None, opts, w)
}

/// Write a document as Markdown, the rows of the table `later` names
/// made as they are written.
pub fn write_with(
    doc: &Document,
    later: Option<&dyn LaterRows>,
    opts: &RenderOptions,
    w: &mut dyn Write,
) -> io::Result<()> {
    writeln!(w, "# {}\n", esc(&doc.title))?;
    if !doc.subtitle.is_empty() {
        writeln!(w, "{}\n", esc(&doc.subtitle))?;
    }
    for h in &doc.headlines {
        writeln!(w, "- {}", esc(h))?;
    }
    if !doc.headlines.is_empty() {
        writeln!(w)?;
    }
    for s in &doc.sections {
        if !s.title.is_empty() {
            writeln!(w, "## {}\n", esc(&s.title))?;
        }
        for b in &s.blocks {
            block(w, b, later, opts)?;
        }
    }
    if doc.sections.iter().any(|s| s.id == "input") {
        return Ok(());
    }
    if !doc.warnings.is_empty() {
        writeln!(w, "## Warnings\n")?;
        for wmsg in &doc.warnings {
            writeln!(w, "- {}", esc(wmsg))?;
        }
        writeln!(w)?;
    }
    writeln!(w, "## Input\n")?;
    for line in &doc.accounting {
        writeln!(w, "- {}", esc(line.trim_start()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_table_breakers_and_markup() {
        assert_eq!(esc("a|b"), "a\\|b");
        assert_eq!(esc("<img src=x>"), "\\<img src=x\\>");
        assert_eq!(esc("x\ny"), "x y");
    }
}
