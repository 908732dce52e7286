//! Reading a large regular file in parts, on every core at once, when that
//! gives exactly what one pass would.
//!
//! After the header rows, the file is cut into parts of up to 2 MiB; a
//! line belongs to the part its first byte falls in. Each thread takes the
//! next unread part, reads its lines ([`super::quick`], or [`super::row`]
//! for the uncommon ones) and feeds them to its own copy of the sink, which
//! must sum in a way that does not depend on row order
//! ([`SplitSink::order_free`]); the copies are merged at the end. Excluded
//! rows and rows with problems are put back in file order and given their
//! lines: the same exclusions, the same first problems and the same counts
//! as one pass (a thread takes parts in file order, so the first problems
//! it finds are its earliest).
//!
//! The split pass gives up, leaving the sink untouched, whenever one pass
//! could tell a different story, and the caller reads the file the usual
//! way ([`read_responses_split`] does both):
//! - the data rows hold a `"` (a quoted field may span lines, so a cut may
//!   fall inside a record) or a CR that does not end a line;
//! - a respondent id comes twice (one pass names the line of its first
//!   use), found from the fingerprints each thread files (module `ids`);
//! - a sink's sums turn out to depend on order (an outcome value with no
//!   exact fixed-point form, for instance).
//!
//! On a split pass a sink sees rows with `line` 0 (lines are known only once
//! every earlier part is counted) and [`Row::order`] sorting rows in file
//! order.

mod ids;

use super::quick::{Quick, QuickParser};
use super::records::{split_fields, Rec};
use super::row::{Batch, RowParser};
use super::state::invalid_reason;
use super::{
    head, read_responses, records, sniff, Exclusion, Head, IngestOptions, Ingested, InputReport,
    Row, RowSink,
};
use crate::error::{Problem, Result, PROBLEMS_SHOWN};
use crate::instrument::Instrument;
use ids::{repeated_id, IdBuckets};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// A sink that can be fed in parts: a copy per thread, merged at the end.
pub trait SplitSink: RowSink + Send + Sized {
    /// An empty sink of the same kind and settings.
    fn empty_like(&self) -> Self;
    /// Add what `other` was fed (rows from elsewhere in the same input).
    fn merge(&mut self, other: Self);
    /// Would the result be the same had the rows come in another order?
    fn order_free(&self) -> bool;
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
    if threads >= 2 && len >= SPLIT_MIN_BYTES && !opts.keep_all_problems {
        // Parts of about 1/16 of each thread's share, at most 2 MiB (a
        // thread holds the part it reads).
        let part = (len / (threads as u64 * 16)).clamp(1 << 20, 2 << 20);
        if let Some(got) = try_split(path, inst, opts, sink, threads, part) {
            return Ok(got);
        }
    }
    read_responses(path, inst, opts, sink)
}

/// One thread's results.
struct Worker<S> {
    sink: S,
    /// Per part taken: (part, lines starting in it).
    lines: Vec<(usize, u64)>,
    /// (part, line within it, reason).
    exclusions: Vec<(usize, u64, String)>,
    /// The first problems this thread found, with their part and line in it
    /// (threads take parts in file order, so these are its earliest).
    problems: Vec<(usize, u64, Problem)>,
    problem_count: usize,
    rows_invalid: u64,
    rows_read: u64,
    rows_scored: u64,
    /// Fingerprints of the respondent ids of this thread's rows.
    ids: IdBuckets,
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
    progress: Option<indicatif::ProgressBar>,
    delimiter: u8,
    skip_invalid: bool,
}

/// Where the parts of `data_start..len` start, then `len`: parts of `part`
/// bytes, then smaller ones (down to an eighth) as the end nears, so that
/// the threads run out of work at about the same time.
fn part_bounds(data_start: u64, len: u64, threads: usize, part: u64) -> Vec<u64> {
    let part = part.max(1);
    let mut bounds = vec![data_start];
    let mut at = data_start;
    while at < len {
        let size = ((len - at) / (4 * threads.max(1) as u64)).clamp((part / 8).max(1), part);
        at = (at + size).min(len);
        bounds.push(at);
    }
    bounds
}

/// Read `path` in parts of at most `part` bytes on `threads` threads into
/// `sink`.
/// `None` (and `sink` untouched) when a split pass cannot give what one
/// pass would; the caller then reads the file in one pass.
pub fn try_split<S: SplitSink>(
    path: &Path,
    inst: &Instrument,
    opts: IngestOptions,
    sink: &mut S,
    threads: usize,
    part: u64,
) -> Option<Ingested> {
    let opened = sniff::open(path, false).ok()?;
    let layout = opened.layout;
    let file = opened.name.clone();
    let mut rdr = records(opened, false);
    let Head {
        map,
        parser,
        header_rows,
        qualtrics,
        ..
    } = head(&mut rdr, inst, &file).ok()?;
    drop(rdr);
    let len = std::fs::metadata(path).ok()?.len();
    let (data_start, first_line) = data_start(path, layout.bom, header_rows)?;
    let rows = RowParser::new(&map, &parser);
    let data = len - data_start;
    // Room for the ids the file can bring at the length of the first rows
    // (plus a margin: running out only means one more pass).
    let per_row = bytes_per_row(path, data_start, len)?;
    let expect = (data / per_row.max(1)) as usize;
    let bounds = part_bounds(data_start, len, threads, part);
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
        progress: opts
            .progress
            .then(|| sniff::file_progress(&file, len))
            .flatten(),
        delimiter: layout.delimiter,
        skip_invalid: opts.skip_invalid,
    };
    let workers: Vec<Worker<S>> = std::thread::scope(|scope| {
        // A thread that cannot start leaves its parts to the others.
        let handles: Vec<_> = (1..threads)
            .filter_map(|_| {
                let s = sink.empty_like();
                let shared = &shared;
                std::thread::Builder::new()
                    .spawn_scoped(scope, move || work(shared, s))
                    .ok()
            })
            .collect();
        let mine = work(&shared, sink.empty_like());
        let mut all = vec![mine];
        for h in handles {
            match h.join() {
                Ok(w) => all.push(w),
                Err(p) => std::panic::resume_unwind(p),
            }
        }
        all
    });
    if let Some(pb) = &shared.progress {
        pb.finish_and_clear();
    }
    if shared.give_up.load(Ordering::Relaxed) || workers.iter().any(|w| !w.sink.order_free()) {
        return None;
    }

    // The first line of every part, from the lines of the parts before it.
    let mut lines = vec![0u64; shared.parts];
    for w in &workers {
        for &(k, n) in &w.lines {
            lines[k] = n;
        }
    }
    let mut first = Vec::with_capacity(shared.parts);
    let mut at = first_line;
    for n in lines {
        first.push(at);
        at += n;
    }
    let mut report = InputReport {
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
        bom: layout.bom,
    };
    let mut workers = workers;
    let ids: Vec<IdBuckets> = workers
        .iter_mut()
        .map(|w| std::mem::take(&mut w.ids))
        .collect();
    // Whether an id came twice is found out on another thread while this
    // one merges the sums.
    let (repeated, (merged, all)) = std::thread::scope(|scope| {
        let check = std::thread::Builder::new().spawn_scoped(scope, || repeated_id(&ids));
        let merged = gather(workers);
        match check.map(|h| h.join()) {
            Ok(Ok(repeated)) => (repeated, merged),
            Ok(Err(p)) => std::panic::resume_unwind(p),
            Err(_) => (repeated_id(&ids), merged),
        }
    });
    if repeated {
        return None;
    }
    drop(ids);
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

/// What the threads found besides their sums, put together.
#[derive(Default)]
struct Gathered {
    rows_read: u64,
    rows_scored: u64,
    /// (part, line within it, reason).
    excluded: Vec<(usize, u64, String)>,
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

/// Where the data rows start, after the BOM and `header_rows` records
/// (blank lines skipped; quoted fields may span lines), and that line.
fn data_start(path: &Path, bom: bool, header_rows: u64) -> Option<(u64, u64)> {
    // Header rows take a few kilobytes; a long Qualtrics header up to 4 MiB.
    for cap in [64 << 10, 4 << 20] {
        let mut buf = Vec::new();
        File::open(path)
            .ok()?
            .take(cap)
            .read_to_end(&mut buf)
            .ok()?;
        match header_end(&buf, bom, header_rows) {
            Some(found) => return Some(found),
            None if (buf.len() as u64) < cap => return None,
            None => {}
        }
    }
    None
}

/// Where the data rows start in `buf` (the file's first bytes), and that
/// line; `None` if `buf` ends first.
fn header_end(buf: &[u8], bom: bool, header_rows: u64) -> Option<(u64, u64)> {
    let mut pos = if bom { 3 } else { 0 };
    let mut line = 1u64;
    let mut left = header_rows;
    while left > 0 {
        match buf.get(pos..)? {
            [b'\n', ..] => {
                pos += 1;
                line += 1;
                continue;
            }
            [b'\r', b'\n', ..] => {
                pos += 2;
                line += 1;
                continue;
            }
            _ => {}
        }
        let mut quoted = false;
        loop {
            let b = *buf.get(pos)?;
            pos += 1;
            match b {
                b'"' => quoted = !quoted,
                b'\n' => {
                    line += 1;
                    if !quoted {
                        break;
                    }
                }
                _ => {}
            }
        }
        left -= 1;
    }
    Some((pos as u64, line))
}

/// Average bytes per line over the first 64 KiB of data.
fn bytes_per_row(path: &Path, data_start: u64, len: u64) -> Option<u64> {
    let mut f = File::open(path).ok()?;
    f.seek(SeekFrom::Start(data_start)).ok()?;
    let mut buf = Vec::new();
    f.take(64 << 10).read_to_end(&mut buf).ok()?;
    let n = memchr::memchr_iter(b'\n', &buf).count() as u64;
    (buf.len() as u64).checked_div(n).or(Some(len - data_start))
}

/// Read `n` bytes at `at` (fewer at the end of the file) onto `buf`.
fn read_at(f: &mut File, at: u64, n: u64, buf: &mut Vec<u8>) -> std::io::Result<()> {
    f.seek(SeekFrom::Start(at))?;
    f.take(n).read_to_end(buf)?;
    Ok(())
}

/// A thread's file handle and buffers, reused from part to part.
struct Scratch {
    file: File,
    buf: Vec<u8>,
    starts: Vec<u32>,
    batch: Batch,
    quick: Quick,
}

/// A thread's loop: take parts until none is left or the pass gives up.
fn work<S: SplitSink>(sh: &Shared, sink: S) -> Worker<S> {
    let mut w = Worker {
        sink,
        lines: Vec::new(),
        exclusions: Vec::new(),
        problems: Vec::new(),
        problem_count: 0,
        rows_invalid: 0,
        rows_read: 0,
        rows_scored: 0,
        ids: IdBuckets::new(sh.expect_ids, sh.expect_mine),
    };
    let Ok(file) = File::open(sh.path) else {
        sh.give_up.store(true, Ordering::Relaxed);
        return w;
    };
    let mut scratch = Scratch {
        file,
        buf: Vec::new(),
        starts: Vec::new(),
        batch: Batch::default(),
        quick: sh.quick.row(),
    };
    loop {
        let k = sh.next.fetch_add(1, Ordering::Relaxed);
        if k >= sh.parts || sh.give_up.load(Ordering::Relaxed) {
            break;
        }
        if part(sh, k, &mut scratch, &mut w).is_none() {
            sh.give_up.store(true, Ordering::Relaxed);
            break;
        }
    }
    w
}

/// Take one row read without problems (line `i` of part `k`): count it,
/// exclude it if unfinished, note its id, feed it to the sink.
fn take<S: SplitSink>(
    w: &mut Worker<S>,
    k: usize,
    i: u64,
    unfinished: bool,
    key: Option<u64>,
    row: &Row,
) {
    w.rows_read += 1;
    if unfinished {
        w.exclusions.push((k, i, "unfinished response".into()));
        return;
    }
    if let Some(h) = key {
        w.ids.push(h);
    }
    match w.sink.add(row) {
        Ok(()) => w.rows_scored += 1,
        Err(reason) => w.exclusions.push((k, i, reason)),
    }
}

/// Count a row with problems (line `i` of part `k`): excluded under
/// `skip_invalid`, else its problems kept (the first few) and counted, as
/// one pass would. Its id is still noted for the duplicate check.
fn invalid<S: SplitSink>(
    sh: &Shared,
    w: &mut Worker<S>,
    k: usize,
    i: u64,
    key: Option<u64>,
    problems: &[Problem],
) {
    w.rows_read += 1;
    if let Some(h) = key {
        w.ids.push(h);
    }
    if sh.skip_invalid {
        w.exclusions.push((k, i, invalid_reason(problems)));
        return;
    }
    w.rows_invalid += 1;
    w.problem_count += problems.len();
    for p in problems {
        if w.problems.len() < PROBLEMS_SHOWN {
            w.problems.push((k, i, p.clone()));
        }
    }
}

/// Read part `k` and feed its rows; `None` to give up.
fn part<S: SplitSink>(
    sh: &Shared,
    k: usize,
    scratch: &mut Scratch,
    w: &mut Worker<S>,
) -> Option<()> {
    let Scratch {
        file: f,
        buf,
        starts,
        batch,
        quick,
    } = scratch;
    let (start, end) = (sh.bounds[k], sh.bounds[k + 1]);
    // From the byte before the part, to find the first line starting in it.
    let from = if k == 0 { start } else { start - 1 };
    buf.clear();
    // Room for the part and a few kilobytes of its last line, reserved
    // exactly: reading would otherwise double the buffer past a part.
    buf.reserve_exact((end - from) as usize + (8 << 10));
    read_at(f, from, end - from, buf).ok()?;
    // The last line starting in the part runs on to its newline.
    if buf.last() != Some(&b'\n') {
        let mut at = from + buf.len() as u64;
        while at < sh.len {
            let before = buf.len();
            read_at(f, at, 4 << 10, buf).ok()?;
            if buf.len() == before {
                break;
            }
            at = from + buf.len() as u64;
            if let Some(i) = memchr::memchr(b'\n', &buf[before..]) {
                buf.truncate(before + i + 1);
                break;
            }
        }
    }
    let mut p = if k == 0 {
        0
    } else {
        match memchr::memchr(b'\n', buf) {
            Some(i) => i + 1,
            None => buf.len(),
        }
    };
    let limit = (end - from) as usize;
    // No quotes, and CR only before LF.
    for i in memchr::memchr2_iter(b'"', b'\r', &buf[p..]) {
        let i = p + i;
        if buf[i] == b'"' || buf.get(i + 1) != Some(&b'\n') {
            return None;
        }
    }
    if let Some(pb) = &sh.progress {
        pb.inc(end - start);
    }
    let delimiter = sh.delimiter;
    let mut line = 0u64;
    while p < limit {
        let nl = memchr::memchr(b'\n', &buf[p..]).map_or(buf.len(), |i| p + i);
        let mut bytes = &buf[p..nl];
        p = nl + 1;
        let i = line;
        line += 1;
        if let [rest @ .., b'\r'] = bytes {
            bytes = rest;
        }
        if bytes.is_empty() {
            continue;
        }
        let order = (k as u64) << 32 | i;
        let company = match sh.quick.parse(bytes, quick) {
            true => std::str::from_utf8(&bytes[quick.company.clone()]).ok(),
            false => None,
        };
        if let Some(company) = company {
            let row = Row {
                line: 0,
                order,
                company,
                role: quick.role,
                answers: &quick.answers,
                outcomes: &quick.outcomes,
            };
            take(w, k, i, quick.unfinished, quick.key, &row);
            continue;
        }
        starts.clear();
        starts.push(0);
        split_fields(bytes, delimiter, starts);
        starts.push(bytes.len() as u32 + 1);
        let rec = Rec::Plain { bytes, starts };
        batch.clear();
        sh.rows.parse(&rec, 0, 0, batch);
        let parsed = &batch.rows[0];
        if parsed.n_problems > 0 {
            invalid(sh, w, k, i, parsed.key, &batch.problems);
            continue;
        }
        let row = Row {
            line: 0,
            order,
            company: &batch.text[parsed.company.clone()],
            role: parsed.role,
            answers: &batch.answers,
            outcomes: &batch.outcomes,
        };
        take(w, k, i, parsed.unfinished, parsed.key, &row);
    }
    w.lines.push((k, line));
    Some(())
}

#[cfg(test)]
mod tests {
    use super::{data_start, part_bounds};

    #[test]
    fn data_starts_after_headers_short_and_long() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.csv");
        // A first header row of over 64 KiB with a quoted line break, a
        // blank line, a second header row, then data.
        let long = format!(
            "id,\"{}\n{}\"\n\nx,y\n",
            "a".repeat(40_000),
            "b".repeat(40_000)
        );
        let file = format!("{long}1,2\n3,4\n");
        std::fs::write(&path, &file).unwrap();
        assert_eq!(data_start(&path, false, 2), Some((long.len() as u64, 5)));
        assert_eq!(
            data_start(&path, false, 1),
            Some((long.len() as u64 - 5, 3))
        );
        // A short header, and a BOM.
        std::fs::write(&path, "\u{feff}a,b\n1,2\n").unwrap();
        assert_eq!(data_start(&path, true, 1), Some((7, 2)));
        // Header rows that never end.
        std::fs::write(&path, "a,\"b\n1,2\n").unwrap();
        assert_eq!(data_start(&path, false, 1), None);
    }

    #[test]
    fn parts_cover_the_data_and_shrink_towards_the_end() {
        for (start, len, threads, part) in [
            (10u64, 100_000_000u64, 2usize, 3_000_000u64),
            (0, 1_000, 3, 1),
            (5, 6, 2, 1 << 20),
            (7, 7, 2, 1 << 20),
            (1, 50_000, 8, 1_000),
        ] {
            let b = part_bounds(start, len, threads, part);
            assert_eq!(b.first(), Some(&start));
            assert_eq!(b.last(), Some(&len.max(start)));
            let sizes: Vec<u64> = b.windows(2).map(|w| w[1] - w[0]).collect();
            assert!(sizes.iter().all(|&n| n >= 1 && n <= part));
            // Never below an eighth of a part, but for the last.
            let floor = (part / 8).max(1);
            assert!(sizes.iter().rev().skip(1).all(|&n| n >= floor));
            // Sizes never grow.
            assert!(sizes.windows(2).all(|w| w[1] <= w[0]));
        }
        let b = part_bounds(0, 100_000_000, 2, 3_000_000);
        assert_eq!(b[1], 3_000_000);
        assert_eq!(
            b[b.len() - 1] - b[b.len() - 2],
            100_000_000 - b[b.len() - 2]
        );
        assert!(b[b.len() - 2] - b[b.len() - 3] == 375_000);
    }
}
