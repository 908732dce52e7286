//! Renderers: one module per format, each writing a report model to a
//! `&mut dyn Write`. Output files are written atomically (a temporary file
//! in the same folder, renamed into place), so a failed command leaves an
//! existing file untouched; pipes and devices are written in place
//! ([`crate::output`]).

pub mod csv;
pub mod document;
pub mod fmt;
pub mod html;
pub mod json;
pub mod markdown;
pub mod rows;
pub mod table;

use crate::analysis::benchmark::BenchmarkReport;
use crate::analysis::gaps::GapsReport;
use crate::analysis::leaders::LeadersReport;
use crate::analysis::score::ScoreReport;
use crate::cli::Format;
use crate::error::{Error, Result};
use crate::terminal::Printable;
use std::io::{self, IsTerminal, Write};
use std::path::Path;

/// Terminal styling decided once per run (`NO_COLOR`, terminal or not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
}

impl Style {
    /// Colour on standard error: only on a terminal and without `NO_COLOR`.
    pub fn detect_stderr() -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Style {
            color: !no_color && io::stderr().is_terminal(),
        }
    }

    pub fn warning_prefix(&self) -> &'static str {
        if self.color {
            "\x1b[33mwarning:\x1b[0m "
        } else {
            "warning: "
        }
    }
}

/// Choices that shape a rendering but not the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderOptions {
    /// Table width in columns (`None`: the terminal's).
    pub width: Option<u16>,
    /// Show per-role figures in tables.
    pub by_role: bool,
}

impl RenderOptions {
    /// Width 100 unless standard output is a terminal and no file is written.
    pub fn for_stdout(by_role: bool, to_file: bool) -> RenderOptions {
        let tty = !to_file && io::stdout().is_terminal();
        RenderOptions {
            width: if tty { None } else { Some(100) },
            by_role,
        }
    }
}

/// A report model that every text format renders (`--format json` is the
/// model itself, serialized).
pub trait Report: serde::Serialize {
    /// The model serialized (what [`json::write`] writes).
    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        json::write(self, w)
    }
    fn table(&self, opts: &RenderOptions, w: &mut dyn Write) -> io::Result<()>;
    fn csv(&self, opts: &RenderOptions, w: &mut dyn Write) -> io::Result<()>;
    fn markdown(&self, opts: &RenderOptions, w: &mut dyn Write) -> io::Result<()>;
}

/// Render a report in `format`.
pub fn render<R: Report>(
    model: &R,
    format: Format,
    opts: &RenderOptions,
    w: &mut dyn Write,
) -> io::Result<()> {
    // Text formats are read on terminals: control characters from the data
    // are shown escaped (JSON escapes them itself; CSV keeps the data as is).
    match format {
        Format::Json => model.json(w),
        Format::Table => model.table(opts, &mut Printable::new(w)),
        Format::Csv => model.csv(opts, w),
        Format::Markdown => model.markdown(opts, &mut Printable::new(w)),
    }
}

macro_rules! report_impl {
    ($model:ty, $f:ident $(, $json:path)?) => {
        impl Report for $model {
            $(fn json(&self, w: &mut dyn Write) -> io::Result<()> {
                $json(self, w)
            })?
            fn table(&self, opts: &RenderOptions, w: &mut dyn Write) -> io::Result<()> {
                table::$f(self, opts, w)
            }
            fn csv(&self, opts: &RenderOptions, w: &mut dyn Write) -> io::Result<()> {
                csv::$f(self, opts, w)
            }
            fn markdown(&self, opts: &RenderOptions, w: &mut dyn Write) -> io::Result<()> {
                markdown::$f(self, opts, w)
            }
        }
    };
}

report_impl!(ScoreReport, score, json::write_score);
report_impl!(GapsReport, gaps);
report_impl!(LeadersReport, leaders);
report_impl!(BenchmarkReport, benchmark);

/// Write to `path` (atomically when it is a regular file), or to standard
/// output when `None` or `-`.
pub fn write_output(
    path: Option<&Path>,
    f: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let name = match crate::output::target(path) {
        crate::output::Target::Stdout => "standard output".to_string(),
        _ => path.map_or(String::new(), |p| p.display().to_string()),
    };
    write_output_with(path, |w| {
        f(w).map_err(|e| Error::io(format!("failed to write {name}"), e))
    })
}

/// Like [`write_output`] for writers that fail with the crate's own errors
/// (how each kind of path is written: [`crate::output`]).
pub fn write_output_with(
    path: Option<&Path>,
    f: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    crate::output::write_with(path, f)
}

/// Exclusions grouped by kind of reason: (reason, count, first lines).
pub fn exclusion_groups(exclusions: &[crate::ingest::Exclusion]) -> Vec<(String, u64, Vec<u64>)> {
    let mut groups: Vec<(String, u64, Vec<u64>)> = Vec::new();
    for e in exclusions {
        let key = if e.reason.starts_with("invalid:") {
            "invalid values (--skip-invalid)".to_string()
        } else {
            e.reason.clone()
        };
        match groups.iter_mut().find(|g| g.0 == key) {
            Some(g) => {
                g.1 += 1;
                if g.2.len() < 5 {
                    g.2.push(e.line);
                }
            }
            None => groups.push((key, 1, vec![e.line])),
        }
    }
    groups
}

/// The input accounting every report ends with, as lines of text.
pub fn accounting_lines(
    input: &crate::analysis::score::InputSummary,
    hidden: &crate::analysis::score::Hidden,
    inst: &crate::analysis::InstrumentRef,
) -> Vec<String> {
    use fmt::{count, plural};
    let mut layout = vec![match input.delimiter.as_str() {
        "tab" => "tab-delimited".to_string(),
        d => format!("'{d}'-delimited"),
    }];
    if input.bom {
        layout.push("UTF-8 BOM".into());
    }
    // UTF-8 goes without saying; another encoding is named.
    if input.encoding != "UTF-8" && !input.encoding.is_empty() {
        layout.push(match input.encoding.as_str() {
            "UTF-16LE" | "UTF-16BE" => format!("{} with BOM", input.encoding),
            other => other.to_string(),
        });
    }
    if input.qualtrics {
        layout.push(format!(
            "Qualtrics export, {} header rows",
            input.header_rows
        ));
    }
    let mut lines = vec![format!("Input: {} ({})", input.file, layout.join(", "))];
    lines.push(format!(
        "Rows: {} read = {} scored + {} excluded",
        count(input.rows_read),
        count(input.rows_scored),
        count(input.rows_excluded)
    ));
    for (reason, n, first) in exclusion_groups(&input.exclusions) {
        let lines_txt: Vec<String> = first.iter().map(|l| l.to_string()).collect();
        let more = if n as usize > first.len() {
            ", …"
        } else {
            ""
        };
        lines.push(format!(
            "  excluded, {reason}: {n} (line{} {}{more})",
            if n == 1 { "" } else { "s" },
            lines_txt.join(", ")
        ));
    }
    let mut comp = format!("Companies: {}", count(input.companies as u64));
    if hidden.companies + hidden.roles > 0 {
        comp.push_str(&format!(
            "; hidden for anonymity (fewer than {} respondents): {} and {} within companies; change the threshold with --anonymity N",
            hidden.threshold,
            plural(hidden.companies as u64, "company", "companies"),
            plural(hidden.roles as u64, "role group", "role groups"),
        ));
    } else {
        comp.push_str(&format!(
            "; none hidden (anonymity threshold {} respondents)",
            hidden.threshold
        ));
    }
    lines.push(comp);
    lines.push(format!(
        "Instrument: {}, version {}",
        inst.name, inst.version
    ));
    lines
}

/// Write the input accounting as plain text, wrapped to the width.
pub fn write_accounting(
    input: &crate::analysis::score::InputSummary,
    hidden: &crate::analysis::score::Hidden,
    inst: &crate::analysis::InstrumentRef,
    opts: &RenderOptions,
    w: &mut dyn Write,
) -> io::Result<()> {
    let width = opts.width.unwrap_or(100) as usize;
    for line in accounting_lines(input, hidden, inst) {
        for l in fmt::wrap(&line, width, "    ") {
            writeln!(w, "{l}")?;
        }
    }
    Ok(())
}
