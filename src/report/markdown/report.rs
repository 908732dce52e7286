//! The report as Markdown: the same sections as the HTML report, from the
//! same document ([`crate::report::document`]); a chart appears as a small
//! table when no table next to it already has its figures, and is left out
//! otherwise. Every text is escaped with [`super::esc`].

use super::esc;
use crate::analysis::report::Report;
use crate::report::document::{self, Align, Block, Document, Table};
use std::io::{self, Write};

fn table(w: &mut dyn Write, t: &Table) -> io::Result<()> {
    let header: Vec<String> = t.header.iter().map(|h| esc(h)).collect();
    writeln!(w, "| {} |", header.join(" | "))?;
    let aligns: Vec<&str> = t
        .align
        .iter()
        .map(|a| match a {
            Align::Left => ":---",
            Align::Right => "---:",
        })
        .collect();
    writeln!(w, "| {} |", aligns.join(" | "))?;
    for r in &t.rows {
        let cells: Vec<String> = r.iter().map(|c| esc(c)).collect();
        writeln!(w, "| {} |", cells.join(" | "))?;
    }
    writeln!(w)?;
    if let Some(c) = &t.caption {
        writeln!(w, "{}\n", esc(c))?;
    }
    Ok(())
}

fn block(w: &mut dyn Write, b: &Block) -> io::Result<()> {
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
        Block::Table { table: t } => table(w, t),
        Block::Figure { figure } => match &figure.fallback {
            Some(t) => {
                writeln!(
                    w,
                    "**{}** (a chart in the HTML report). {}\n",
                    esc(&figure.title),
                    esc(&figure.caption)
                )?;
                table(w, t)
            }
            None => Ok(()),
        },
    }
}

/// Write a document as Markdown.
pub fn write_document(doc: &Document, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "# {}\n", esc(&doc.title))?;
    writeln!(w, "{}\n", esc(&doc.subtitle))?;
    for s in &doc.sections {
        writeln!(w, "## {}\n", esc(&s.title))?;
        for b in &s.blocks {
            block(w, b)?;
        }
    }
    Ok(())
}

/// The report as Markdown.
pub fn report(r: &Report, w: &mut dyn Write) -> io::Result<()> {
    write_document(&document::build(r), w)
}
