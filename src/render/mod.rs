//! Rendering: the [`document::Document`] every command's model turns into,
//! and one writer per format (table, Markdown, CSV, xlsx, HTML; JSON is the
//! model serialized), each writing to a `&mut dyn Write`. (The `report`
//! command's analysis is [`crate::analysis::report`]; this module renders
//! every command.) Output files are written atomically (a temporary file
//! in the same folder, renamed into place), so a failed command leaves an
//! existing file untouched; pipes and devices are written in place
//! (`crate::output`).

pub mod document;
pub(crate) mod fmt;
pub mod html;
pub mod json;
pub(crate) mod write;

use crate::error::{Error, Result};
use crate::terminal::Printable;
use std::io::{self, IsTerminal, Write};
use std::path::Path;

/// Terminal styling decided once per run (`NO_COLOR`, terminal or not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Whether warnings are coloured.
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

    /// `warning: ` to put before a warning, coloured when [`Style::color`] is set.
    pub fn warning_prefix(&self) -> &'static str {
        if self.color {
            "\x1b[33mwarning:\x1b[0m "
        } else {
            "warning: "
        }
    }
}

/// An output format. The command line maps its `--format` values to these
/// in one place (`cli.rs`); the writers know nothing of the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A plain-text table for a terminal (`table`).
    Table,
    /// The serialized model (`json`).
    Json,
    /// One table as comma-separated values (`csv`).
    Csv,
    /// Markdown (`markdown`).
    Markdown,
    /// A self-contained HTML page (`html`).
    Html,
    /// An Excel workbook, one sheet per table (`xlsx`).
    Xlsx,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 6] = [
        Format::Table,
        Format::Json,
        Format::Csv,
        Format::Markdown,
        Format::Html,
        Format::Xlsx,
    ];

    /// The format's name as given to `--format`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Xlsx => "xlsx",
        }
    }

    /// The format a file extension stands for (`table` has none).
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }

    /// The format to write: `given` (`--format`), else the one the
    /// extension of `output` names, else `default`. An output file whose
    /// extension names no format, without `--format`, is a usage error
    /// listing the formats; `--format` wins over the extension, with a
    /// warning (returned) when they disagree. An xlsx workbook is written
    /// only to a file named with `-o`.
    pub fn resolve(
        given: Option<Format>,
        output: Option<&Path>,
        default: Format,
    ) -> Result<(Format, Option<String>)> {
        let file =
            output.filter(|p| crate::output::target(Some(p)) != crate::output::Target::Stdout);
        let ext = file.map(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .map(|e| (e.to_string(), Format::from_extension(e)))
        });
        let (format, warning) = match (given, ext) {
            (Some(f), Some(Some((e, Some(g))))) if g != f => (
                f,
                Some(format!(
                    "writing {} to a file named .{e}, as --format {} asks",
                    f.name(),
                    f.name()
                )),
            ),
            (Some(f), _) => (f, None),
            (None, Some(Some((_, Some(g))))) => (g, None),
            (None, Some(ext)) if !is_device(file) => {
                let what = match ext {
                    Some((e, _)) => format!("the extension .{e}"),
                    None => "no extension".to_string(),
                };
                return Err(Error::Usage(format!(
                    "cannot tell the format of -o {} ({what}); name the file .json, .csv, .md, .html or .xlsx, or pass --format with one of: {}",
                    file.map_or(String::new(), |p| p.display().to_string()),
                    Format::ALL.map(Format::name).join(", ")
                )));
            }
            (None, _) => (default, None),
        };
        if format == Format::Xlsx && output.is_none() {
            return Err(Error::Usage(
                "an xlsx workbook is not text: write it to a file with -o FILE.xlsx".into(),
            ));
        }
        Ok((format, warning))
    }
}

/// Is `p` a device or a pipe (named without an extension on purpose)?
fn is_device(p: Option<&Path>) -> bool {
    matches!(crate::output::target(p), crate::output::Target::InPlace(_))
}

/// Choices that shape a rendering but not the model or its document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// Table width in columns (`None`: the terminal's).
    pub width: Option<u16>,
    /// Decimals of every figure in table, CSV and Markdown (`None`: each
    /// kind of figure's own).
    pub decimals: Option<u8>,
    /// The table CSV writes (`None`: the document's main table).
    pub table: Option<String>,
}

impl RenderOptions {
    /// Width 100 unless standard output is a terminal and no file is written.
    pub fn for_stdout(to_file: bool) -> RenderOptions {
        let tty = !to_file && io::stdout().is_terminal();
        RenderOptions {
            width: if tty { None } else { Some(100) },
            ..RenderOptions::default()
        }
    }
}

/// Choices that shape a document but not the model.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DocOptions {
    /// Show per-role figures.
    pub by_role: bool,
}

/// An analysis model: serialized, it is the JSON; its document is what
/// every other format writes.
pub trait Model: serde::Serialize {
    /// The model serialized (what [`json::write`] writes).
    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        json::write(self, w)
    }
    /// The document every format other than JSON writes.
    fn document(&self, opts: &DocOptions) -> document::Document;
}

/// Refuse (usage error) a `--table` the document does not have, naming those it has.
pub fn check_table(doc: &document::Document, opts: &RenderOptions) -> Result<()> {
    let Some(name) = &opts.table else {
        return Ok(());
    };
    let names: Vec<&str> = doc.data_tables().iter().map(|t| t.name.as_str()).collect();
    if names.contains(&name.as_str()) {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "no table named \"{name}\"; the tables are: {}",
        names.join(", ")
    )))
}

/// Write a document in `format` (not JSON, which is the model's).
pub fn write_document(
    doc: document::Document,
    format: Format,
    opts: &RenderOptions,
    w: &mut dyn Write,
) -> io::Result<()> {
    // Text formats are read on terminals: control characters from the data
    // are shown escaped (CSV and xlsx keep the data as is).
    match format {
        Format::Table => write::table::write(&doc, opts, &mut Printable::new(w)),
        Format::Markdown => write::markdown::write(&doc, opts, &mut Printable::new(w)),
        Format::Csv => write::csv::write(&doc, opts, w),
        Format::Html => html::write(doc, w),
        Format::Xlsx => write::xlsx::write(&doc, w),
        Format::Json => Err(io::Error::other("JSON is written from the model")),
    }
}

/// Write `score`'s CSV when it is the companies table (no `--table`, or
/// `--table companies`) a chunk of companies at a time, never holding the
/// table; `false` (nothing written) when another table is asked for.
pub fn emit_score_csv(
    stream: &crate::analysis::score::ScoreStream<'_>,
    opts: &RenderOptions,
    path: Option<&Path>,
) -> Result<bool> {
    if opts.table.as_deref().is_some_and(|t| t != "companies") {
        return Ok(false);
    }
    write_output(path, |w| {
        document::commands::write_companies_csv(stream, opts, w)
    })?;
    Ok(true)
}

/// Write `score`'s document as a table, Markdown, HTML or a workbook with
/// the companies' rows made as they are written ([`document::LaterRows`]),
/// never holding the list; `false` (nothing written) for the other formats.
pub fn emit_score_later(
    stream: &crate::analysis::score::ScoreStream<'_>,
    format: Format,
    doc_opts: &DocOptions,
    opts: &RenderOptions,
    path: Option<&Path>,
) -> Result<bool> {
    if !matches!(
        format,
        Format::Table | Format::Markdown | Format::Html | Format::Xlsx
    ) {
        return Ok(false);
    }
    let (doc, later) = document::commands::score_document_later(stream, doc_opts);
    check_table(&doc, opts)?;
    write_output(path, |w| match format {
        Format::Table => write::table::write_with(&doc, Some(&later), opts, &mut Printable::new(w)),
        Format::Markdown => {
            write::markdown::write_with(&doc, Some(&later), opts, &mut Printable::new(w))
        }
        Format::Xlsx => write::xlsx::write_with(&doc, Some(&later), w),
        _ => html::write_with(doc, Some(&later), w),
    })?;
    Ok(true)
}

/// Write a model in `format` to `path` (standard output when `None`),
/// after checking `--table`.
pub fn emit<M: Model>(
    model: &M,
    format: Format,
    doc_opts: &DocOptions,
    opts: &RenderOptions,
    path: Option<&Path>,
) -> Result<()> {
    if format == Format::Json {
        return write_output(path, |w| model.json(w));
    }
    emit_document(model.document(doc_opts), format, opts, path)
}

/// Write a model's document in `format` (not JSON) to `path` (see
/// [`emit`]), once the model itself may be gone.
pub fn emit_document(
    doc: document::Document,
    format: Format,
    opts: &RenderOptions,
    path: Option<&Path>,
) -> Result<()> {
    check_table(&doc, opts)?;
    write_output(path, |w| write_document(doc, format, opts, w))
}

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
/// (how each kind of path is written: `crate::output`).
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
        let key = e.reason.group();
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
    let tool = match input.dialect.as_str() {
        "surveymonkey" => Some("SurveyMonkey export"),
        "google_forms" => Some("Google Forms export"),
        "microsoft_forms" => Some("Microsoft Forms export"),
        _ if input.qualtrics => Some("Qualtrics export"),
        _ => None,
    };
    if let Some(tool) = tool {
        layout.push(format!(
            "{tool}, {}",
            plural(input.header_rows, "header row", "header rows")
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
            "; hidden for anonymity (threshold {} respondents): {} and {} within companies; change the threshold with --anonymity N",
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
