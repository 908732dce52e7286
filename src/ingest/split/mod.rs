//! Reading a large regular file in parts, on every core at once, when that
//! gives exactly what one pass would.
//!
//! After the header rows, the file is cut into parts of up to 2 MiB; a
//! line belongs to the part its first byte falls in. A Windows-1252 or
//! UTF-16 file is cut the same way (UTF-16 at even offsets, lines ending in
//! an LF unit) and each part decoded to UTF-8 as it is read (`PartText`).
//! Each thread takes the
//! next unread part, reads its lines (`ingest::quick`, or `ingest::row`
//! for the uncommon ones) and feeds them to its own copy of the sink, which
//! must sum in a way that does not depend on row order
//! ([`SplitSink::order_free`]); the copies are merged at the end. A line
//! goes to the copy of the thread that owns its company (module `route`:
//! companies partitioned by a hash of their id, other threads' lines sent
//! to them between parts), so that no company is built, or merged, twice
//! however the file interleaves them. Excluded
//! rows and rows with problems are put back in file order and given their
//! lines: the same exclusions, the same first problems and the same counts
//! as one pass (a thread takes parts in file order, so the first problems
//! it finds are its earliest).
//!
//! The split pass gives up, leaving the sink untouched, whenever one pass
//! could tell a different story, and the caller reads the file the usual
//! way ([`read_responses_split`] does both):
//! - a data line ends inside a quoted field (the field spans lines, so a
//!   cut may fall inside a record: module `quoted`) and the file is UTF-16,
//!   or a record spanning lines is not what the `csv` crate reads (module
//!   `spanning`: other files are read again in parts cut between records),
//!   or a line holds a CR that does not end it;
//! - a respondent id comes twice (one pass names the line of its first
//!   use), found from the fingerprints each thread files (module `ids`)
//!   and, when two ids' fingerprints are alike, from those ids read again
//!   (module `recheck`);
//! - a sink's sums turn out to depend on order (an outcome value with no
//!   exact fixed-point form, for instance).
//!
//! On a split pass a sink sees rows with `line` 0 (lines are known only once
//! every earlier part is counted) and [`super::Row::order`] sorting rows in file
//! order.

mod ids;
mod layout;
mod quoted;
mod recheck;
mod route;
mod spanning;
mod worker;

use super::encoding::Encoding;
use super::idform::IdForm;
use super::quick::QuickParser;
use super::row::RowParser;
use super::{
    head, read_responses, records, sniff, Exclusion, ExclusionReason, Head, IngestOptions,
    Ingested, InputReport, RowSink,
};
use crate::error::{Error, Problem, Result, PROBLEMS_SHOWN};
use crate::instrument::Instrument;
use ids::{repeated_id, IdBuckets, Repeats};
use layout::{bytes_per_row, data_start, part_bounds};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use worker::{work, Worker};

/// A sink that can be fed in parts: a copy per thread, merged at the end.
pub trait SplitSink: RowSink + Send + Sized {
    /// An empty sink of the same kind and settings.
    fn empty_like(&self) -> Self;
    /// Add what `other` was fed (rows from elsewhere in the same input).
    fn merge(&mut self, other: Self);
    /// Would the result be the same had the rows come in another order?
    fn order_free(&self) -> bool;
    /// Where the rows of these companies will be added: `places[i]` for
    /// `companies[i]` (`None`: not seen yet, or no places kept). A pass
    /// looks a batch of rows up together, so that the cache misses of the
    /// lookups are waited for together, and asks for each row's sums with
    /// [`Self::prefetch_head`] and [`Self::prefetch_block`] a batch before
    /// adding the row.
    fn places(&self, _companies: &[&str], places: &mut [Option<usize>]) {
        places.fill(None);
    }
    /// Ask for what every row of the company at `place` touches (and what
    /// says where the rest is), without waiting for it. Changes nothing.
    fn prefetch_head(&self, _place: usize) {}
    /// Ask for the rest of what a row of `role` at `place` touches, best
    /// some rows after [`Self::prefetch_head`]. Changes nothing.
    fn prefetch_block(&self, _place: usize, _role: crate::ingest::values::Role) {}
}

/// Files smaller than this are read in one pass: threads would not pay.
pub const SPLIT_MIN_BYTES: u64 = 8 << 20;

/// Read a responses file like [`read_responses`], in parts on every core
/// when the file is large and allows it (see the module docs), and in one
/// pass otherwise. The sink must be empty.
pub fn read_responses_split<S: SplitSink>(
    path: &Path,
    inst: &Instrument,
    opts: IngestOptions,
    sink: &mut S,
) -> Result<Ingested> {
    let threads = opts.thread_count();
    let len = std::fs::metadata(path)
        .ok()
        .filter(|m| m.is_file())
        .map_or(0, |m| m.len());
    let wanted = opts.parts_of.is_some() || len >= SPLIT_MIN_BYTES;
    if threads >= 2 && len > 0 && wanted && !opts.keep_all_problems {
        // Parts of about 1/16 of each thread's share, at most 2 MiB (a
        // thread holds the part it reads).
        let part = opts
            .parts_of
            .unwrap_or_else(|| (len / (threads as u64 * 16)).clamp(1 << 20, 2 << 20))
            .max(1);
        if let Some(got) = try_split(path, inst, opts, sink, threads, part)? {
            return Ok(got);
        }
    }
    read_responses(path, inst, opts, sink)
}

/// What every thread shares.
struct Shared<'a> {
    path: &'a Path,
    rows: &'a RowParser<'a>,
    quick: QuickParser<'a>,
    len: u64,
    /// Where each part starts, then the end of the file.
    bounds: Vec<u64>,
    parts: usize,
    next: AtomicUsize,
    give_up: AtomicBool,
    /// Ids the file may hold (an estimate from its first rows), and a
    /// thread's share of them.
    expect_ids: usize,
    expect_mine: usize,
    /// Digits of the file's numbered ids at most, if its ids are numbered
    /// ([`crate::ingest::idform`]).
    id_digits: Option<usize>,
    progress: Option<indicatif::ProgressBar>,
    delimiter: u8,
    skip_invalid: bool,
    /// How a part's bytes become the text its lines are read from.
    text: PartText,
    /// Records may span lines (module `spanning`): for each part, whether
    /// its first byte read comes inside quotes.
    inside: Option<Vec<bool>>,
    /// A line ended inside a quoted field, on a pass that did not expect it.
    saw_spanning: AtomicBool,
}

/// How a part's bytes become the UTF-8 text its lines are read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PartText {
    /// UTF-8: read as they are.
    Utf8,
    /// Windows-1252: a byte a character, decoded.
    Windows1252,
    /// UTF-16 with a byte-order mark: two bytes a unit, decoded (lines end
    /// in an LF unit at an even offset).
    Utf16 { big_endian: bool },
}

impl PartText {
    fn of(encoding: Encoding) -> Option<PartText> {
        match encoding {
            Encoding::Utf8 => Some(PartText::Utf8),
            Encoding::Windows1252 => Some(PartText::Windows1252),
            Encoding::Utf16Le => Some(PartText::Utf16 { big_endian: false }),
            Encoding::Utf16Be => Some(PartText::Utf16 { big_endian: true }),
            Encoding::Xlsx => None,
        }
    }

    /// Bytes a unit of text takes: parts start at multiples of it.
    fn unit(self) -> u64 {
        match self {
            PartText::Utf16 { .. } => 2,
            _ => 1,
        }
    }
}

/// Read `path` in parts of at most `part` bytes on `threads` threads into
/// `sink`.
/// `Ok(None)` (and `sink` untouched) when a split pass cannot give what one
/// pass would; the caller then reads the file in one pass. An error when
/// the file cannot be read, or shrinks while it is read.
pub fn try_split<S: SplitSink>(
    path: &Path,
    inst: &Instrument,
    opts: IngestOptions,
    sink: &mut S,
    threads: usize,
    part: u64,
) -> Result<Option<Ingested>> {
    // Records are taken for lines until a line ends inside a quoted
    // field; then the file is read again in parts cut between records.
    let mut spanning = false;
    loop {
        let Some((mut workers, pass)) = split_read(path, inst, opts, sink, threads, part, spanning)
        else {
            return Ok(None);
        };
        if let Some(e) = workers.iter_mut().find_map(|w| w.error.take()) {
            return Err(Error::io(format!("failed to read {}", pass.file), e));
        }
        if pass.gave_up && pass.saw_spanning && !pass.spanning {
            spanning = true;
            continue;
        }
        return Ok(finish(path, workers, pass, sink));
    }
}

/// What the pass knows besides the threads' results.
struct Pass {
    file: String,
    layout: sniff::Layout,
    header_rows: u64,
    qualtrics: bool,
    dialect: &'static str,
    first_line: u64,
    parts: usize,
    gave_up: bool,
    /// A line ended inside a quoted field.
    saw_spanning: bool,
    /// Were the parts cut between records that may span lines?
    spanning: bool,
    /// Where the respondent ids are, to read them again.
    ids: Option<recheck::IdColumn>,
}

/// Read the parts on the threads; `None` when the file does not allow it.
fn split_read<S: SplitSink>(
    path: &Path,
    inst: &Instrument,
    opts: IngestOptions,
    sink: &mut S,
    threads: usize,
    part: u64,
    spanning: bool,
) -> Option<(Vec<Worker<S>>, Pass)> {
    let (file, layout, head, first) = open_head(path, inst)?;
    // Records seen spanning lines: parts cut between records from the start.
    let spanning = spanning || first.spanning;
    let Head {
        map,
        parser,
        header_rows,
        qualtrics,
        dialect,
        ..
    } = head;
    let len = std::fs::metadata(path).ok()?.len();
    let text = PartText::of(layout.encoding)?;
    if !len.is_multiple_of(text.unit()) {
        return None; // an odd byte at the end: one pass says what is wrong
    }
    let (data_start, first_line) = data_start(path, layout.bom, header_rows, text)?;
    let (bounds, expect) = plan_parts(path, data_start, len, threads, part, text.unit())?;
    // Quotes are counted in bytes: not in UTF-16.
    let inside = match spanning {
        true if text.unit() > 1 => return None,
        true => Some(spanning::inside_quotes(path, &bounds, threads)?),
        false => None,
    };
    // Numbered ids take the pattern of the first rows' ids; plain numbers
    // up to a digit more than the count of rows expected has.
    let counted = (expect.max(1).ilog10() + 2) as usize;
    let id_form = IdForm::of_sample(&first.ids, counted);
    let id_digits = id_form.as_ref().map(IdForm::max_digits);
    let rows = RowParser::new(&map, &parser).with_id_form(id_form);
    let shared = Shared {
        path,
        rows: &rows,
        quick: QuickParser::new(&rows, layout.delimiter),
        len,
        parts: bounds.len() - 1,
        bounds,
        next: AtomicUsize::new(0),
        give_up: AtomicBool::new(false),
        expect_ids: expect,
        expect_mine: (expect + expect / 32) / threads.max(1),
        id_digits,
        progress: opts
            .progress
            .then(|| sniff::file_progress(&file, len))
            .flatten(),
        delimiter: layout.delimiter,
        skip_invalid: opts.skip_invalid,
        text,
        inside,
        saw_spanning: AtomicBool::new(false),
    };
    let workers = run_workers(&shared, sink, threads);
    if let Some(pb) = &shared.progress {
        pb.finish_and_clear();
    }
    let pass = Pass {
        file,
        layout,
        header_rows,
        qualtrics,
        dialect: dialect.key(),
        first_line,
        parts: shared.parts,
        gave_up: shared.give_up.load(Ordering::Relaxed),
        saw_spanning: shared.saw_spanning.load(Ordering::Relaxed),
        spanning,
        ids: map.respondent.map(|column| recheck::IdColumn {
            data: data_start..len,
            column,
            threads,
            delimiter: layout.delimiter,
            keys: rows.id_keys().clone(),
            text,
            spanning,
        }),
    };
    Some((workers, pass))
}

/// Data rows whose respondent ids show whether the file's ids are
/// numbered, and whether records span lines.
const ID_SAMPLE: usize = 64;

/// The file's name, layout and header rows read, and what its first
/// [`ID_SAMPLE`] data rows show; `None` for a workbook
/// (converted in memory and read in one pass), for bytes that are not
/// UTF-8, Windows-1252 or UTF-16 lines ending in LF, or for a header one
/// pass would reject.
fn open_head(path: &Path, inst: &Instrument) -> Option<(String, sniff::Layout, Head, FirstRows)> {
    if crate::ingest::xlsx::is_workbook(path) {
        return None; // converted in memory and read in one pass
    }
    let opened = sniff::open(path, false).ok()?;
    let layout = opened.layout;
    // Parts are cut at byte offsets of lines ending in LF.
    if !layout.splittable() {
        return None;
    }
    let file = opened.name.clone();
    let mut rdr = records(opened, false);
    let head = head(&mut rdr, inst, &file).ok()?;
    let mut first = FirstRows::default();
    let id = |r: &[u8]| r.trim_ascii().to_vec();
    let column = head.map.respondent;
    for (r, _) in &head.ahead {
        first.spanning |= r.as_slice().contains(&b'\n');
        first.ids.extend(column.and_then(|c| r.get(c)).map(id));
    }
    for _ in head.ahead.len()..ID_SAMPLE {
        match rdr.next_record() {
            Ok(Some((r, _))) => {
                first.spanning |= r.spans_lines();
                if let Some(c) = column.filter(|&c| c < r.len()) {
                    first.ids.push(id(r.get(c)));
                }
            }
            _ => break,
        }
    }
    drop(rdr);
    Some((file, layout, head, first))
}

/// What the first data rows show.
#[derive(Default)]
struct FirstRows {
    /// Their respondent ids (trimmed).
    ids: Vec<Vec<u8>>,
    /// Does one span lines (a quoted cell holding a line break)?
    spanning: bool,
}

/// Where each part of the data (`data_start..len`) starts, then its end,
/// and the number of ids the file may hold; `None` when the file is now
/// shorter than its header rows (one pass will tell).
fn plan_parts(
    path: &Path,
    data_start: u64,
    len: u64,
    threads: usize,
    part: u64,
    unit: u64,
) -> Option<(Vec<u64>, usize)> {
    // A file shorter than its header rows now: one pass will tell.
    let data = len.checked_sub(data_start)?;
    // Room for the ids the file can bring at the length of the first rows
    // (plus a margin: running out only means one more pass).
    let per_row = bytes_per_row(path, data_start, len)?;
    let expect = (data / per_row.max(1)) as usize;
    let bounds = part_bounds(data_start, len, threads, part, unit);
    Some((bounds, expect))
}

/// Run a worker on each of `threads` threads (this one included), each with
/// an empty copy of `sink`; their results, this thread's first.
fn run_workers<S: SplitSink>(shared: &Shared<'_>, sink: &S, threads: usize) -> Vec<Worker<S>> {
    std::thread::scope(|scope| {
        // A thread that cannot start leaves its parts to the others.
        // (its companies' lines, sent to it, come back to their reader).
        let mut routes = route::routes(threads).into_iter();
        let mine = routes.next().expect("one route a thread");
        let handles: Vec<_> = routes
            .filter_map(|r| {
                let s = sink.empty_like();
                std::thread::Builder::new()
                    .spawn_scoped(scope, move || work(shared, s, r))
                    .ok()
            })
            .collect();
        let mine = work(shared, sink.empty_like(), mine);
        let mut all = vec![mine];
        for h in handles {
            match h.join() {
                Ok(w) => all.push(w),
                Err(p) => std::panic::resume_unwind(p),
            }
        }
        all
    })
}

/// Put the threads' results together as one pass would have them; `None`
/// when that could differ from one pass.
fn finish<S: SplitSink>(
    path: &Path,
    workers: Vec<Worker<S>>,
    pass: Pass,
    sink: &mut S,
) -> Option<Ingested> {
    if pass.gave_up || workers.iter().any(|w| !w.sink.order_free()) {
        return None;
    }
    let first = first_lines(&workers, pass.parts, pass.first_line);
    let ids = pass.ids.clone();
    let mut report = empty_report(pass);
    let (repeats, merged, all) = merge_checking_ids(workers);
    // Problems are grouped in file order, which only one pass gives.
    if all.problem_count > 0 {
        return None;
    }
    let repeated = match (repeats, ids) {
        (Repeats::None, _) => false,
        (Repeats::Maybe(suspects), Some(ids)) => {
            recheck::may_repeat(path, &ids, &suspects, all.rows_read)
        }
        _ => true,
    };
    if repeated {
        return None;
    }
    report.rows_read = all.rows_read;
    report.rows_scored = all.rows_scored;
    let (mut excluded, mut problems) = (all.excluded, all.problems);
    excluded.sort_by_key(|e| (e.0, e.1));
    report.rows_excluded = excluded.len() as u64;
    report.exclusions = excluded
        .into_iter()
        .map(|(k, i, reason)| Exclusion {
            line: first[k] + i,
            reason,
        })
        .collect();
    if let Some(m) = merged {
        sink.merge(m);
    }
    // A row's problems stay in their order (the sort is stable).
    problems.sort_by_key(|p| (p.0, p.1));
    problems.truncate(PROBLEMS_SHOWN);
    let problems = problems
        .into_iter()
        .map(|(k, i, p)| Problem {
            line: first[k] + i,
            ..p
        })
        .collect();
    Some(Ingested {
        report,
        problems,
        problem_count: all.problem_count,
        rows_invalid: all.rows_invalid,
    })
}

/// The first line of every part, from the lines of the parts before it.
fn first_lines<S>(workers: &[Worker<S>], parts: usize, first_line: u64) -> Vec<u64> {
    let mut lines = vec![0u64; parts];
    for w in workers {
        for &(k, n) in &w.lines {
            lines[k] = n;
        }
    }
    let mut first = Vec::with_capacity(parts);
    let mut at = first_line;
    for n in lines {
        first.push(at);
        at += n;
    }
    first
}

/// The input report of the pass, its row counts and exclusions still to
/// be filled in.
fn empty_report(pass: Pass) -> InputReport {
    let Pass {
        file,
        layout,
        header_rows,
        qualtrics,
        dialect,
        ..
    } = pass;
    InputReport {
        file,
        rows_read: 0,
        rows_scored: 0,
        rows_excluded: 0,
        exclusions: Vec::new(),
        header_rows,
        delimiter: match layout.delimiter {
            b'\t' => "tab".into(),
            d => (d as char).to_string(),
        },
        qualtrics,
        dialect: dialect.to_string(),
        bom: layout.bom,
        encoding: layout.encoding.name().to_string(),
    }
}

/// Whether a respondent id came twice, found out on another thread while
/// this one merges the threads' sums ([`gather`]), and what that gives.
fn merge_checking_ids<S: SplitSink>(mut workers: Vec<Worker<S>>) -> (Repeats, Option<S>, Gathered) {
    let ids: Vec<IdBuckets> = workers
        .iter_mut()
        .map(|w| std::mem::take(&mut w.ids))
        .collect();
    let (repeated, (merged, all)) = std::thread::scope(|scope| {
        let check = std::thread::Builder::new().spawn_scoped(scope, || repeated_id(&ids));
        let merged = gather(workers);
        match check.map(|h| h.join()) {
            Ok(Ok(repeated)) => (repeated, merged),
            Ok(Err(p)) => std::panic::resume_unwind(p),
            Err(_) => (repeated_id(&ids), merged),
        }
    });
    (repeated, merged, all)
}

/// What the threads found besides their sums, put together.
#[derive(Default)]
struct Gathered {
    rows_read: u64,
    rows_scored: u64,
    /// (part, line within it, reason).
    excluded: Vec<(usize, u64, ExclusionReason)>,
    /// (part, line within it, problem): each thread's first few.
    problems: Vec<(usize, u64, Problem)>,
    problem_count: usize,
    rows_invalid: u64,
}

/// Merge the threads' sinks and put together their counts, exclusions and
/// problems (not yet in file order).
fn gather<S: SplitSink>(workers: Vec<Worker<S>>) -> (Option<S>, Gathered) {
    let mut all = Gathered::default();
    let mut merged: Option<S> = None;
    for w in workers {
        all.rows_read += w.rows_read;
        all.rows_scored += w.rows_scored;
        all.excluded.extend(w.exclusions);
        all.problems.extend(w.problems);
        all.problem_count += w.problem_count;
        all.rows_invalid += w.rows_invalid;
        match merged.as_mut() {
            Some(m) => m.merge(w.sink),
            None => merged = Some(w.sink),
        }
    }
    (merged, all)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accumulate::Accumulator;
    use crate::ingest::Row;
    use std::path::PathBuf;

    /// A sink that cuts its file short as the threads take their copies:
    /// after the parts are laid out, before they are read.
    struct Shrinking {
        acc: Accumulator,
        path: PathBuf,
        to: u64,
    }

    impl RowSink for Shrinking {
        fn add(&mut self, row: &Row<'_>) -> std::result::Result<(), ExclusionReason> {
            self.acc.add(row)
        }
    }

    impl SplitSink for Shrinking {
        fn empty_like(&self) -> Self {
            let file = std::fs::OpenOptions::new().write(true).open(&self.path);
            file.and_then(|f| f.set_len(self.to)).unwrap();
            Shrinking {
                acc: self.acc.empty_like(),
                path: self.path.clone(),
                to: self.to,
            }
        }
        fn merge(&mut self, other: Self) {
            self.acc.merge(other.acc)
        }
        fn order_free(&self) -> bool {
            self.acc.order_free()
        }
    }

    #[test]
    fn a_file_that_shrinks_while_read_is_an_io_error_naming_it() {
        let inst = Instrument::default_instrument();
        let mut data = Vec::new();
        crate::generate::generate(&inst, &Default::default(), &mut data, None).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.csv");
        std::fs::write(&path, &data).unwrap();
        let mut sink = Shrinking {
            acc: Accumulator::new(&inst),
            path: path.clone(),
            to: data.len() as u64 / 2,
        };
        let opts = IngestOptions::default();
        match try_split(&path, &inst, opts, &mut sink, 2, 4096) {
            Err(e @ Error::Io { .. }) => {
                let msg = e.to_string();
                assert!(
                    msg.contains("failed to read") && msg.contains("r.csv"),
                    "{msg}"
                );
                assert!(msg.contains("shrank"), "{msg}");
                assert_eq!(e.exit_code(), 1);
            }
            other => panic!(
                "expected an I/O error, got {:?}",
                other.map(|o| o.is_some())
            ),
        }
    }
}
