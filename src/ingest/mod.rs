//! Reading a responses file in one streaming pass: sniffing, header mapping,
//! cell parsing, row validation and the row accounting
//! (`rows_read = rows_scored + rows_excluded`).
//!
//! Rows are handed one at a time to a [`RowSink`] (the accumulator) and never
//! kept. A row with invalid values is a [`Problem`]; with `skip_invalid` it
//! becomes a counted exclusion instead. The sink may exclude a valid row too
//! (for instance when too few items are answered to score any dimension).

pub mod header;
pub mod lines;
pub mod outcomes;
pub mod records;
pub mod sniff;
pub mod values;

use crate::error::{Error, Problem, Result, PROBLEMS_SHOWN};
use crate::instrument::Instrument;
use ahash::RandomState;
use csv::ByteRecord;
use header::ColumnMap;
use records::Rec;
use serde::Serialize;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::path::Path;
use values::{Answer, Role, ValueParser};

pub use sniff::display_name;

/// One valid respondent row, as handed to a [`RowSink`].
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    pub line: u64,
    pub company: &'a str,
    pub role: Role,
    /// Scale answers as offsets from the scale minimum, not reverse-coded:
    /// items, then perception items, then statements.
    pub answers: &'a [Option<u16>],
    /// One per instrument outcome.
    pub outcomes: &'a [Option<f64>],
}

/// Receives valid rows. Returning `Err(reason)` excludes the row.
pub trait RowSink {
    fn add(&mut self, row: &Row<'_>) -> std::result::Result<(), String>;
}

/// A row left out of the analysis, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Exclusion {
    pub line: u64,
    pub reason: String,
}

/// The input accounting of one responses file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputReport {
    pub file: String,
    pub rows_read: u64,
    pub rows_scored: u64,
    pub rows_excluded: u64,
    pub exclusions: Vec<Exclusion>,
    /// Header rows skipped: 1, or 2–3 for a Qualtrics export.
    pub header_rows: u64,
    pub delimiter: String,
    pub qualtrics: bool,
    pub bom: bool,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct IngestOptions {
    /// Exclude rows with invalid values instead of failing.
    pub skip_invalid: bool,
    /// Keep every problem (for `validate`), not just the first few.
    pub keep_all_problems: bool,
    /// Show a progress bar on standard error for long inputs (terminal only).
    pub progress: bool,
}

/// The outcome of a pass: the accounting plus the problems found.
#[derive(Debug)]
pub struct Ingested {
    pub report: InputReport,
    pub problems: Vec<Problem>,
    pub problem_count: usize,
    /// Rows with at least one problem (not scored, not excluded).
    pub rows_invalid: u64,
}

impl Ingested {
    /// Fail with exit 3 when problems were found.
    pub fn into_result(self) -> Result<InputReport> {
        if self.problem_count > 0 {
            Err(Error::Data {
                file: self.report.file,
                problems: self.problems,
                total: self.problem_count,
                hint: crate::error::RESPONSES_HINT.to_string(),
            })
        } else {
            Ok(self.report)
        }
    }
}

/// Read a responses file (`-` for stdin) in one pass, feeding `sink`.
pub fn read_responses(
    path: &Path,
    inst: &Instrument,
    opts: IngestOptions,
    sink: &mut dyn RowSink,
) -> Result<Ingested> {
    let opened = sniff::open(path, opts.progress)?;
    read_opened(opened, inst, opts, sink)
}

/// Read responses from any reader; `name` stands for it in messages.
pub fn read_responses_from(
    name: &str,
    reader: Box<dyn std::io::Read>,
    inst: &Instrument,
    opts: IngestOptions,
    sink: &mut dyn RowSink,
) -> Result<Ingested> {
    let opened = sniff::sniff(name.to_string(), reader)?;
    read_opened(opened, inst, opts, sink)
}

/// Like [`read_responses_from`], but every record goes through the `csv`
/// crate: the reference the fast path is tested against.
pub fn read_responses_from_csv_only(
    name: &str,
    reader: Box<dyn std::io::Read>,
    inst: &Instrument,
    opts: IngestOptions,
    sink: &mut dyn RowSink,
) -> Result<Ingested> {
    let mut opened = sniff::sniff(name.to_string(), reader)?;
    opened.csv_only = true;
    read_opened(opened, inst, opts, sink)
}

fn read_opened(
    mut opened: sniff::Opened,
    inst: &Instrument,
    opts: IngestOptions,
    sink: &mut dyn RowSink,
) -> Result<Ingested> {
    let progress = opened.progress.take();
    let quotes = opened.quotes.clone();
    let file = opened.name.clone();
    let mut builder = csv::ReaderBuilder::new();
    builder
        .delimiter(opened.layout.delimiter)
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(256 * 1024);
    let mut rdr = records::Records::new(builder, opened.layout.delimiter, opened.reader);
    if opened.csv_only {
        rdr.csv_only();
    }
    let read_err = |e: csv::Error| match e.into_kind() {
        csv::ErrorKind::Io(io) => Error::io(format!("failed to read {file}"), io),
        other => Error::Format {
            file: file.clone(),
            message: format!("{other:?}"),
        },
    };

    let header = match rdr.next_record().map_err(read_err)? {
        Some((rec, _)) => rec.to_byte_record(),
        None => {
            return Err(Error::Format {
                file: file.clone(),
                message: "the file is empty; expected a header row and one row per respondent"
                    .into(),
            })
        }
    };
    let names = header::header_names(&header);
    let qualtrics = header::is_qualtrics_header(&names);
    let map = header::map_columns(names, inst, qualtrics).map_err(|message| Error::Format {
        file: file.clone(),
        message,
    })?;
    let parser = ValueParser::new(inst);

    // Look ahead up to two rows for Qualtrics' extra header rows.
    let mut ahead: Vec<(ByteRecord, u64)> = Vec::new();
    for _ in 0..2 {
        if let Some((r, line)) = rdr.next_record().map_err(read_err)? {
            ahead.push((r.to_byte_record(), line));
        }
    }
    let mut header_rows = 1u64;
    let mut skip = 0usize;
    if let Some(pos) = ahead.iter().position(|(r, _)| header::is_import_id_row(r)) {
        skip = pos + 1;
    } else if qualtrics
        && ahead
            .first()
            .is_some_and(|(r, _)| header::is_question_text_row(r, &map, &parser))
    {
        skip = 1;
    }
    header_rows += skip as u64;
    ahead.drain(..skip);

    let mut state = RowState::new(inst, &map, &parser, opts, file.clone());
    state.report.header_rows = header_rows;
    state.report.qualtrics = qualtrics;
    state.report.bom = opened.layout.bom;
    state.report.delimiter = match opened.layout.delimiter {
        b'\t' => "tab".into(),
        d => (d as char).to_string(),
    };
    // (line, spans lines) of the last record. When a quote never closes, the
    // final newline belongs to the runaway field, not to a terminator, so the
    // record starts one line later than the reader assumed.
    let span = |rec: &Rec, line: u64| (line + rec.ends_in_newline() as u64, rec.spans_lines());
    let mut last: Option<(u64, bool)> = None;
    for (rec, line) in &ahead {
        let rec = Rec::Csv(rec);
        state.process(&rec, *line, sink);
        last = Some(span(&rec, *line));
    }
    while let Some((rec, line)) = rdr.next_record().map_err(read_err)? {
        state.process(&rec, line, sink);
        last = Some(span(&rec, line));
    }
    // An odd number of quotes and a last record spanning lines: a quoted
    // field opened and never closed, swallowing the rest of the file.
    if let Some((line, true)) = last {
        if quotes.get() % 2 == 1 {
            return Err(Error::Format {
                file: file.clone(),
                message: format!(
                    "line {line}: a quoted field never closes (unbalanced quotes), so every line after it was read into one value; check the quotes on that line"
                ),
            });
        }
    }
    if let Some(pb) = progress {
        pb.finish_and_clear();
    }
    Ok(Ingested {
        report: state.report,
        problems: state.problems,
        problem_count: state.problem_count,
        rows_invalid: state.rows_invalid,
    })
}

/// A hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// Per-pass state: reused buffers, the duplicate index and the accounting.
struct RowState<'a> {
    map: &'a ColumnMap,
    parser: &'a ValueParser,
    opts: IngestOptions,
    has_role: bool,
    answers: Vec<Option<u16>>,
    outcomes: Vec<Option<f64>>,
    row_problems: Vec<Problem>,
    /// Respondent-id hash → line of first use. The keys are already hashes,
    /// so the table passes them through instead of hashing them again.
    seen: HashMap<u64, u64, BuildHasherDefault<PassThrough>>,
    hasher: RandomState,
    report: InputReport,
    problems: Vec<Problem>,
    problem_count: usize,
    rows_invalid: u64,
}

impl<'a> RowState<'a> {
    fn new(
        inst: &Instrument,
        map: &'a ColumnMap,
        parser: &'a ValueParser,
        opts: IngestOptions,
        file: String,
    ) -> RowState<'a> {
        RowState {
            map,
            parser,
            opts,
            has_role: inst.columns.role.is_some(),
            answers: vec![None; map.scale.len()],
            outcomes: vec![None; map.outcomes.len()],
            row_problems: Vec::new(),
            seen: HashMap::default(),
            // Fixed keys: duplicate detection must not depend on the run.
            hasher: RandomState::with_seeds(0x5eed, 0xa11, 0x9e37, 0x79b9),
            report: InputReport {
                file,
                rows_read: 0,
                rows_scored: 0,
                rows_excluded: 0,
                exclusions: Vec::new(),
                header_rows: 1,
                delimiter: ",".into(),
                qualtrics: false,
                bom: false,
            },
            problems: Vec::new(),
            problem_count: 0,
            rows_invalid: 0,
        }
    }

    fn problem(&mut self, line: u64, col: usize, raw: &[u8], message: impl Into<String>) {
        self.row_problems.push(Problem {
            line,
            column: Some(self.map.names[col].clone()),
            value: Some(values::shorten(raw)),
            message: message.into(),
        });
    }

    fn exclude(&mut self, line: u64, reason: String) {
        self.report.rows_excluded += 1;
        self.report.exclusions.push(Exclusion { line, reason });
    }

    fn process(&mut self, rec: &Rec, line: u64, sink: &mut dyn RowSink) {
        self.report.rows_read += 1;
        self.row_problems.clear();
        let map = self.map;
        if rec.len() != map.names.len() {
            self.row_problems.push(Problem {
                line,
                column: None,
                value: None,
                message: format!(
                    "the row has {} field{} but the header has {}{}",
                    rec.len(),
                    if rec.len() == 1 { "" } else { "s" },
                    map.names.len(),
                    if rec.spans_lines() {
                        " (a quoted field spans lines: is a closing quote missing?)"
                    } else {
                        ""
                    }
                ),
            });
            return self.finish_invalid(line);
        }
        if let Some(f) = map.finished {
            match self.parser.finished(rec.get(f)) {
                Ok(true) => {}
                Ok(false) => {
                    return self.exclude(line, "unfinished response".into());
                }
                Err(m) => self.problem(line, f, rec.get(f), m),
            }
        }
        let company_raw = rec.get(map.company);
        let company = match std::str::from_utf8(company_raw) {
            Ok(s) if !s.trim().is_empty() => s.trim(),
            Ok(_) => {
                self.problem(
                    line,
                    map.company,
                    company_raw,
                    "is blank; every row needs a company id",
                );
                ""
            }
            Err(_) => {
                self.problem(line, map.company, company_raw, "is not valid UTF-8 text");
                ""
            }
        };
        let role = match map.role {
            Some(c) => match self.parser.role(rec.get(c)) {
                Ok(r) => r,
                Err(m) => {
                    self.problem(line, c, rec.get(c), m);
                    Role::None
                }
            },
            None => Role::None,
        };
        debug_assert!(self.has_role || role == Role::None);
        for (k, &c) in map.scale.iter().enumerate() {
            self.answers[k] = match self.parser.answer(rec.get(c)) {
                Answer::Point(p) => Some(p),
                Answer::Missing => None,
                Answer::Invalid(m) => {
                    self.problem(line, c, rec.get(c), m);
                    None
                }
            };
        }
        for (k, col) in map.outcomes.iter().enumerate() {
            self.outcomes[k] = match col {
                Some(c) => match self.parser.outcome(rec.get(*c)) {
                    Ok(v) => v,
                    Err(m) => {
                        self.problem(line, *c, rec.get(*c), m);
                        None
                    }
                },
                None => None,
            };
        }
        if let Some(c) = map.respondent {
            let raw = rec.get(c);
            if raw.trim_ascii().is_empty() {
                self.problem(line, c, raw, "is blank; every row needs a respondent id");
            } else {
                // Checked whatever else is wrong with the row, so that
                // `validate` lists every duplicate.
                let h = self.hasher.hash_one(raw.trim_ascii());
                if let Some(&first) = self.seen.get(&h) {
                    self.problem(
                        line,
                        c,
                        raw,
                        format!(
                            "is a duplicate respondent id: it was already used on line {first}"
                        ),
                    );
                } else {
                    self.seen.insert(h, line);
                }
            }
        }
        if !self.row_problems.is_empty() {
            return self.finish_invalid(line);
        }
        let row = Row {
            line,
            company,
            role,
            answers: &self.answers,
            outcomes: &self.outcomes,
        };
        match sink.add(&row) {
            Ok(()) => self.report.rows_scored += 1,
            Err(reason) => self.exclude(line, reason),
        }
    }

    fn finish_invalid(&mut self, line: u64) {
        if self.opts.skip_invalid {
            let p = &self.row_problems[0];
            let mut reason = String::new();
            if let Some(c) = &p.column {
                reason.push_str(&format!("column \"{c}\": "));
            }
            if let Some(v) = &p.value {
                reason.push_str(&format!("\"{v}\" "));
            }
            reason.push_str(&p.message);
            if self.row_problems.len() > 1 {
                reason.push_str(&format!(
                    " (and {} more problems)",
                    self.row_problems.len() - 1
                ));
            }
            return self.exclude(line, format!("invalid: {reason}"));
        }
        self.problem_count += self.row_problems.len();
        let keep = if self.opts.keep_all_problems {
            usize::MAX
        } else {
            PROBLEMS_SHOWN
        };
        for p in self.row_problems.drain(..) {
            if self.problems.len() < keep {
                self.problems.push(p);
            }
        }
        self.rows_invalid += 1;
    }
}
