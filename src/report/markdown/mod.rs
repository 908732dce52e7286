//! Markdown: the same sections as the tables, as pipe tables. Every text
//! from the input is escaped so it cannot break a table or inject markup.

use std::io::{self, Write};

/// Escape text for a Markdown table cell.
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

/// Write a pipe table; the first column is left-aligned, the rest right.
pub fn table(w: &mut dyn Write, header: &[String], rows: &[Vec<String>]) -> io::Result<()> {
    writeln!(w, "| {} |", header.join(" | "))?;
    let aligns: Vec<&str> = (0..header.len())
        .map(|i| if i == 0 { ":---" } else { "---:" })
        .collect();
    writeln!(w, "| {} |", aligns.join(" | "))?;
    for r in rows {
        writeln!(w, "| {} |", r.join(" | "))?;
    }
    writeln!(w)
}

mod benchmark;
mod gaps;
mod leaders;
mod report;
mod score;
pub use benchmark::benchmark;
pub use gaps::gaps;
pub use leaders::leaders;
pub use report::report;
pub use score::score;

/// The end of every Markdown report: the warnings, then the input
/// accounting and the instrument (the caller may add lines to the list).
pub fn footer(
    w: &mut dyn Write,
    warnings: &[String],
    input: &crate::analysis::score::InputSummary,
    hidden: &crate::analysis::score::Hidden,
    instrument: &crate::analysis::InstrumentRef,
) -> io::Result<()> {
    if !warnings.is_empty() {
        writeln!(w, "## Warnings\n")?;
        for wmsg in warnings {
            writeln!(w, "- {}", esc(wmsg))?;
        }
        writeln!(w)?;
    }
    writeln!(w, "## Input\n")?;
    for line in crate::report::accounting_lines(input, hidden, instrument) {
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
