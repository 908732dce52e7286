//! Reading a responses file in one streaming pass: sniffing, header mapping,
//! cell parsing, row validation and the row accounting
//! (`rows_read = rows_scored + rows_excluded`).
//!
//! Rows are handed one at a time to a [`RowSink`] (the accumulator) and never
//! kept. A row with invalid values is a [`Problem`]; with `skip_invalid` it
//! becomes a counted exclusion instead. The sink may exclude a valid row too
//! (for instance when too few items are answered to score any dimension).
//!
//! With two or more CPUs, records after the header rows are split and
//! parsed (`row`) on a second thread, in batches, while the calling thread
//! takes the batches in file order (`state`: the duplicate check, the
//! accounting, the sink), so every sum, message and order is the same as on
//! one thread ([`ReadPath::Sequential`], the reference).
//!
//! A large regular file can instead be read in parts on every core, each
//! with its own copy of the sink, merged at the end ([`split`], for sinks
//! whose sums do not depend on row order; lines of the common kind are read
//! by `quick`); it falls back to the pass above whenever that could differ
//! from one pass.

pub mod aliases;
pub mod companies;
pub(crate) mod encoding;
pub mod exclusion;
pub(crate) mod header;
pub(crate) mod idform;
pub(crate) mod lines;
pub mod outcomes;
pub(crate) mod quick;
pub(crate) mod records;
pub(crate) mod row;
pub(crate) mod seen;
pub(crate) mod side;
pub(crate) mod sniff;
// Public for the tests of the parallel reader (`try_split`); its API is
// `read_responses_split` and `SplitSink`, re-exported below.
#[doc(hidden)]
pub mod split;
pub(crate) mod state;
pub mod values;
pub mod xlsx;

use crate::error::{Error, Problem, Result};
use crate::instrument::Instrument;
use csv::ByteRecord;
use records::{Rec, Records};
use row::{Batch, RowParser};
use serde::Serialize;
use state::RowState;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use values::{Role, ValueParser};

pub use exclusion::{Exclusion, ExclusionReason};
pub use values::Number;

pub use sniff::display_name;
pub use split::{read_responses_split, SplitSink};

/// One valid respondent row, as handed to a [`RowSink`].
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    /// The row's physical line (0 on a pass that reads the input in parts,
    /// where lines are known only at the end).
    pub line: u64,
    /// Sorts rows in file order: the line, or on a pass that reads the
    /// input in parts ([`split`]), the part's number and the line within it.
    pub order: u64,
    /// The company id, after aliases are applied.
    pub company: &'a str,
    /// The respondent's role ([`Role::None`] without a role column).
    pub role: Role,
    /// Scale answers as offsets from the scale minimum, not reverse-coded:
    /// items, then perception items, then statements.
    pub answers: &'a [Option<u16>],
    /// One per instrument outcome.
    pub outcomes: &'a [Option<Number>],
    /// The values of the instrument's declared segment columns.
    pub segments: SegmentCells<'a>,
}

/// The values of a row's declared segment columns
/// ([`crate::instrument::Instrument::segments`]): trimmed text, blank or a
/// missing-value token meaning no value.
#[derive(Debug, Clone, Copy, Default)]
pub struct SegmentCells<'a> {
    /// The text the spans index (a batch's text, or a line).
    text: &'a [u8],
    /// One per declared segment; empty for no value.
    spans: &'a [std::ops::Range<usize>],
}

impl<'a> SegmentCells<'a> {
    /// Spans of `text`, one per declared segment, each valid UTF-8.
    pub fn new(text: &'a [u8], spans: &'a [std::ops::Range<usize>]) -> SegmentCells<'a> {
        SegmentCells { text, spans }
    }

    /// How many segment columns the row has.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether the instrument declares no segments.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Segment `k`'s value; `None` when it has none.
    pub fn get(&self, k: usize) -> Option<&'a str> {
        let span = self.spans.get(k)?.clone();
        if span.is_empty() {
            return None;
        }
        std::str::from_utf8(self.text.get(span)?).ok()
    }
}

/// Receives valid rows. Returning `Err(reason)` excludes the row.
pub trait RowSink {
    /// Take one valid row; `Err(reason)` excludes it (counted in `rows_excluded`).
    fn add(&mut self, row: &Row<'_>) -> std::result::Result<(), ExclusionReason>;
}

/// The input accounting of one responses file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputReport {
    /// The responses file as named on the command line (`-` for standard input).
    pub file: String,
    /// Data rows read, header rows not counted (`rows_scored + rows_excluded`).
    pub rows_read: u64,
    /// Rows that entered the analysis.
    pub rows_scored: u64,
    /// Rows left out, each listed in `exclusions`.
    pub rows_excluded: u64,
    /// Every excluded row with its line and reason.
    pub exclusions: Vec<Exclusion>,
    /// Header rows skipped: 1, or 2–3 for a Qualtrics export.
    pub header_rows: u64,
    /// The field delimiter: `","`, `";"` or `"tab"`.
    pub delimiter: String,
    /// Whether the file is a Qualtrics export (extra header rows).
    pub qualtrics: bool,
    /// The survey tool the header rows come from: "csv", "qualtrics",
    /// "surveymonkey", "google_forms" or "microsoft_forms".
    pub dialect: String,
    /// Whether the file starts with a byte-order mark.
    pub bom: bool,
    /// The input's text encoding ("UTF-8", "UTF-16LE", "UTF-16BE",
    /// "Windows-1252").
    pub encoding: String,
}

/// How records are read. Every path gives the same rows, problems and sums;
/// the slower ones are the references the faster ones are tested against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ReadPath {
    /// Split in place where possible, parsed on a second thread when there
    /// are two or more CPUs.
    #[default]
    Fastest,
    /// Split in place where possible, parsed on the calling thread.
    Sequential,
    /// Every record through the `csv` crate, on the calling thread.
    CsvOnly,
}

/// How a responses file is read.
#[derive(Debug, Clone, Copy, Default)]
pub struct IngestOptions {
    /// Exclude rows with invalid values instead of failing.
    pub skip_invalid: bool,
    /// Keep every problem (for `validate`), not just the first few.
    pub keep_all_problems: bool,
    /// Show a progress bar on standard error for long inputs (terminal only).
    pub progress: bool,
    /// How records are read (the default is the fastest path).
    pub path: ReadPath,
    /// Threads to read with on the fastest path (0: one per core, up to 8;
    /// never more than one per core, as each keeps sums of its own).
    /// 1 reads on the calling thread only, the same as
    /// [`ReadPath::Sequential`].
    pub threads: usize,
    /// Read a regular file in parts of at most this many bytes on every
    /// core whatever its size (`None`: only files of
    /// [`split::SPLIT_MIN_BYTES`] or more, in parts the size of the file
    /// sets). Both reads give the same result; this is how the tests run
    /// small files through the parallel path too.
    pub parts_of: Option<u64>,
}

impl IngestOptions {
    /// Threads the fastest path may use: [`Self::threads`], or one per core
    /// (at most 8); always 1 on the other paths.
    pub fn thread_count(&self) -> usize {
        if self.path != ReadPath::Fastest {
            return 1;
        }
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        match self.threads {
            0 => cores.min(8),
            n => n.min(cores),
        }
    }
}

/// The outcome of a pass: the accounting plus the problems found.
#[derive(Debug)]
pub struct Ingested {
    /// The input accounting.
    pub report: InputReport,
    /// The problems kept (the first few, or every one with `keep_all_problems`), grouped.
    pub problems: Vec<Problem>,
    /// Every problem found, repeats included.
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
    // A regular file can be read again to find where a duplicate id was
    // first used, so the duplicate index need not keep lines.
    let again = std::fs::metadata(path).ok().filter(|m| m.is_file());
    let source = again.map(|m| (path.to_path_buf(), m.len()));
    read_opened(opened, inst, opts, sink, source)
}

/// Read responses from any reader; `name` stands for it in messages.
pub fn read_responses_from(
    name: &str,
    reader: Box<dyn std::io::Read + Send>,
    inst: &Instrument,
    opts: IngestOptions,
    sink: &mut dyn RowSink,
) -> Result<Ingested> {
    let opened = sniff::sniff(name.to_string(), reader)?;
    read_opened(opened, inst, opts, sink, None)
}

/// The record reader for an opened input.
fn records(opened: sniff::Opened, csv_only: bool) -> Records {
    let mut builder = csv::ReaderBuilder::new();
    builder
        .delimiter(opened.layout.delimiter)
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(256 * 1024);
    let mut rdr = records::Records::new(builder, opened.layout.delimiter, opened.reader);
    if csv_only {
        rdr.csv_only();
    }
    rdr
}

/// `source`: the input's path and length when it is a regular file.
fn read_opened(
    mut opened: sniff::Opened,
    inst: &Instrument,
    opts: IngestOptions,
    sink: &mut dyn RowSink,
    source: Option<(PathBuf, u64)>,
) -> Result<Ingested> {
    let progress = opened.progress.take();
    let quotes = opened.quotes.clone();
    let file = opened.name.clone();
    let layout = opened.layout;
    let sequential = opts.thread_count() < 2;
    let mut rdr = records(opened, opts.path == ReadPath::CsvOnly);
    let read_err = read_error(&file);

    let Head {
        map,
        parser,
        header_rows,
        qualtrics,
        dialect,
        ahead,
    } = head(&mut rdr, inst, &file)?;
    let rows = RowParser::new(&map, &parser);
    let mut state = RowState::new(&rows, opts, file.clone(), source);
    state.report.header_rows = header_rows;
    state.report.qualtrics = qualtrics;
    state.report.dialect = dialect.key().to_string();
    state.report.bom = layout.bom;
    state.report.encoding = layout.encoding.name().to_string();
    state.report.delimiter = match layout.delimiter {
        b'\t' => "tab".into(),
        d => (d as char).to_string(),
    };
    let mut batch = Batch::default();
    for (rec, line) in &ahead {
        let rec = Rec::Csv(rec);
        rows.parse(&rec, *line, 0, &mut batch);
        batch.last = Some(span(&rec, *line));
    }
    state.take(&mut batch, sink);
    let mut last = batch.last;
    let rest = if sequential {
        one_thread(&mut rdr, &rows, &mut state, sink)
    } else {
        pipelined(rdr, &rows, &mut state, sink, std::thread::Builder::new())
    };
    if let Some(l) = rest.map_err(read_err)? {
        last = Some(l);
    }
    // An odd number of quotes and a last record spanning lines: a quoted
    // field opened and never closed, swallowing the rest of the file.
    if let Some((line, true)) = last {
        if quotes.load(std::sync::atomic::Ordering::Relaxed) % 2 == 1 {
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
        problem_count: state.problems.total,
        problems: state.problems.shown,
        rows_invalid: state.rows_invalid,
    })
}

/// How a failure of the record reader is reported.
fn read_error(file: &str) -> impl Fn(csv::Error) -> Error + Copy + '_ {
    move |e: csv::Error| match e.into_kind() {
        csv::ErrorKind::Io(io) => sniff::read_failure(file, io),
        other => Error::Format {
            file: file.to_string(),
            message: format!("{other:?}"),
        },
    }
}

/// The header row(s) of an input, mapped onto the instrument.
struct Head {
    map: header::ColumnMap,
    parser: ValueParser,
    /// 1, or 2–3 for a Qualtrics export.
    header_rows: u64,
    qualtrics: bool,
    dialect: header::Dialect,
    /// Records read ahead to look for Qualtrics rows that are data after all.
    ahead: Vec<(ByteRecord, u64)>,
}

/// Read the header row and look ahead for Qualtrics' extra header rows.
fn head(rdr: &mut Records, inst: &Instrument, file: &str) -> Result<Head> {
    let read_err = read_error(file);
    let header = match rdr.next_record().map_err(read_err)? {
        Some((rec, _)) => rec.to_byte_record(),
        None => {
            return Err(Error::Format {
                file: file.to_string(),
                message: "the file is empty; expected a header row and one row per respondent"
                    .into(),
            })
        }
    };
    let mut names = header::header_names(&header);
    // Look ahead up to two rows for the extra header rows of survey tools.
    let mut ahead: Vec<(ByteRecord, u64)> = Vec::new();
    for _ in 0..2 {
        if let Some((r, line)) = rdr.next_record().map_err(read_err)? {
            ahead.push((r.to_byte_record(), line));
        }
    }
    let dialect = header::Dialect::detect(&names, ahead.first().map(|(r, _)| r));
    let qualtrics = dialect == header::Dialect::Qualtrics;
    let mut header_rows = 1u64;
    if dialect == header::Dialect::SurveyMonkey {
        if let Some((second, _)) = ahead.first() {
            names = header::two_row_names(&names, second);
            ahead.remove(0);
            header_rows = 2;
        }
    }
    let map = header::map_columns(names, inst, dialect).map_err(|message| Error::Format {
        file: file.to_string(),
        message,
    })?;
    let mut parser = ValueParser::new(inst);
    parser.set_semicolon(rdr.delimiter() == b';');

    let skip = match ahead.iter().position(|(r, _)| header::is_import_id_row(r)) {
        _ if dialect == header::Dialect::SurveyMonkey => 0,
        Some(pos) => pos + 1,
        None if qualtrics
            && ahead
                .first()
                .is_some_and(|(r, _)| header::is_question_text_row(r, &map, &parser)) =>
        {
            1
        }
        None => 0,
    };
    header_rows += skip as u64;
    ahead.drain(..skip);

    Ok(Head {
        map,
        parser,
        header_rows,
        qualtrics,
        dialect,
        ahead,
    })
}

/// (line, spans lines) of a record. When a quote never closes, the final
/// newline belongs to the runaway field, not to a terminator, so the record
/// starts one line later than the reader assumed.
fn span(rec: &Rec, line: u64) -> (u64, bool) {
    (line + rec.ends_in_newline() as u64, rec.spans_lines())
}

/// Parse and take the rest of the records on this thread. Returns the last
/// record's span.
fn one_thread(
    rdr: &mut Records,
    rows: &RowParser,
    state: &mut RowState,
    sink: &mut dyn RowSink,
) -> csv::Result<Option<(u64, bool)>> {
    let mut batch = Batch::default();
    let mut last = None;
    loop {
        batch.clear();
        let consumed = rdr.consumed();
        let Some((rec, line)) = rdr.next_record()? else {
            return Ok(last);
        };
        rows.parse(&rec, line, consumed, &mut batch);
        last = Some(span(&rec, line));
        state.take(&mut batch, sink);
    }
}

/// Rows per batch handed from the parsing thread to the calling one.
const BATCH_ROWS: usize = 1024;

/// Parse the rest of the records on a second thread, in batches, while
/// this one takes them in file order: the same rows, problems and sums as
/// parsing and taking them one at a time. Returns the last record's span.
/// When `thread` cannot start one, everything is read on this thread.
fn pipelined(
    rdr: Records,
    rows: &RowParser,
    state: &mut RowState,
    sink: &mut dyn RowSink,
    thread: std::thread::Builder,
) -> csv::Result<Option<(u64, bool)>> {
    // The reader goes to the parsing thread, or stays here if none starts.
    let slot = std::sync::Mutex::new(Some(rdr));
    let piped = std::thread::scope(|scope| {
        // At most two parsed batches wait; taken batches go back for reuse.
        let (full_tx, full_rx) = mpsc::sync_channel::<(Batch, Option<csv::Error>)>(2);
        let (free_tx, free_rx) = mpsc::channel::<Batch>();
        let slot = &slot;
        let started = thread.name("parse".into()).spawn_scoped(scope, move || {
            let taken = slot.lock().ok().and_then(|mut s| s.take());
            let Some(mut rdr) = taken else {
                return;
            };
            parse_batches(&mut rdr, rows, full_tx, free_rx)
        });
        if started.is_err() {
            return None;
        }
        let mut last = None;
        for (mut b, err) in full_rx {
            state.take(&mut b, sink);
            last = b.last.or(last);
            if let Some(e) = err {
                return Some(Err(e));
            }
            let _ = free_tx.send(b);
        }
        Some(Ok(last))
    });
    match piped {
        Some(done) => done,
        None => match slot.into_inner().ok().flatten() {
            Some(mut rdr) => one_thread(&mut rdr, rows, state, sink),
            None => Ok(None),
        },
    }
}

/// The parsing thread's loop: parse batches of records and send them on,
/// reusing the batches sent back, until the input ends or fails.
fn parse_batches(
    rdr: &mut Records,
    rows: &RowParser,
    full_tx: mpsc::SyncSender<(Batch, Option<csv::Error>)>,
    free_rx: mpsc::Receiver<Batch>,
) {
    loop {
        let mut b = free_rx.try_recv().unwrap_or_default();
        b.clear();
        b.last = None;
        let mut end = None;
        while b.rows.len() < BATCH_ROWS {
            let consumed = rdr.consumed();
            match rdr.next_record() {
                Ok(Some((rec, line))) => {
                    rows.parse(&rec, line, consumed, &mut b);
                    b.last = Some(span(&rec, line));
                }
                Ok(None) => {
                    end = Some(None);
                    break;
                }
                Err(e) => {
                    end = Some(Some(e));
                    break;
                }
            }
        }
        let (done, err) = match end {
            Some(err) => (true, err),
            None => (false, None),
        };
        if full_tx.send((b, err)).is_err() || done {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accumulate::Accumulator;

    /// Read `data` the pipelined way with threads from `thread`.
    fn pipelined_with(data: Vec<u8>, thread: std::thread::Builder) -> (u64, u64) {
        let inst = Instrument::default_instrument();
        let opened = sniff::sniff("t.csv".into(), Box::new(std::io::Cursor::new(data))).unwrap();
        let mut rdr = records(opened, false);
        let Head { map, parser, .. } = head(&mut rdr, &inst, "t.csv").unwrap();
        let rows = RowParser::new(&map, &parser);
        let mut state = RowState::new(&rows, IngestOptions::default(), "t.csv".into(), None);
        let mut acc = Accumulator::new(&inst);
        pipelined(rdr, &rows, &mut state, &mut acc, thread).unwrap();
        (state.report.rows_read, state.report.rows_scored)
    }

    #[test]
    fn pipelined_reading_falls_back_to_one_thread_when_none_starts() {
        let inst = Instrument::default_instrument();
        let mut data = Vec::new();
        crate::generate::generate(&inst, &Default::default(), &mut data, None).unwrap();
        let usual = pipelined_with(data.clone(), std::thread::Builder::new());
        // A stack no system can give: the thread cannot start.
        let refused = std::thread::Builder::new().stack_size(1 << 62);
        assert_eq!(pipelined_with(data, refused), usual);
        assert!(usual.0 > 100);
    }
}
