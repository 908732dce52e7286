//! One thread of a split pass: taking parts in turn, reading their lines
//! (the quick reader, or the full one for the uncommon lines) and feeding
//! its own copy of the sink with the lines of the companies it owns (the
//! others' sent to them, module `route`), noting what one pass would
//! report.
//!
//! Lines are fed [`BATCH`] at a time: all are read first, and the sums each
//! will add to are read ahead ([`SplitSink::warm`]), then each is added. A
//! survey of many companies has its sums spread over far more memory than
//! the cache holds, and one row's sums are found only once its company is
//! known: read one row after another, every row waits for its own cache
//! misses; read ahead, a batch's misses are waited for together.

use super::ids::IdBuckets;
use super::layout::read_at;
use super::route::{Outbox, Route};
use super::{Shared, SplitSink};
use crate::error::{Problem, PROBLEMS_SHOWN};
use crate::ingest::quick::Quick;
use crate::ingest::records::{split_fields, Rec};
use crate::ingest::row::Batch;
use crate::ingest::values::Role;
use crate::ingest::{ExclusionReason, Row, SegmentCells};
use std::fs::File;
use std::sync::atomic::Ordering;

/// One thread's results.
pub(super) struct Worker<S> {
    pub(super) sink: S,
    /// Per part taken: (part, lines starting in it).
    pub(super) lines: Vec<(usize, u64)>,
    /// (part, line within it, reason).
    pub(super) exclusions: Vec<(usize, u64, ExclusionReason)>,
    /// The first problems this thread found, with their part and line in it
    /// (threads take parts in file order, so these are its earliest).
    pub(super) problems: Vec<(usize, u64, Problem)>,
    pub(super) problem_count: usize,
    pub(super) rows_invalid: u64,
    pub(super) rows_read: u64,
    pub(super) rows_scored: u64,
    /// Fingerprints of the respondent ids of this thread's rows.
    pub(super) ids: IdBuckets,
    /// Why this thread could not read the file (which then fails the
    /// pass, rather than giving up on it: one pass would not do better).
    pub(super) error: Option<std::io::Error>,
}

/// A thread's file handle and part buffer, reused from part to part.
struct Scratch {
    file: File,
    buf: Vec<u8>,
}

/// Lines read ahead of the rows added.
const BATCH: usize = 16;

/// A thread's buffers for reading lines, reused from batch to batch.
struct Lines {
    starts: Vec<u32>,
    batch: Batch,
    /// One per line of a batch.
    quick: Vec<Quick>,
    /// What the reads ahead gave (kept so that they are made).
    warmed: u64,
}

/// A thread's loop: take parts until none is left or the pass gives up,
/// summing the lines other threads send between parts; then sum the lines
/// sent until every thread is done.
pub(super) fn work<S: SplitSink>(sh: &Shared, sink: S, mut route: Route) -> Worker<S> {
    let mut w = Worker {
        sink,
        lines: Vec::new(),
        exclusions: Vec::new(),
        problems: Vec::new(),
        problem_count: 0,
        rows_invalid: 0,
        rows_read: 0,
        rows_scored: 0,
        ids: IdBuckets::new(sh.expect_ids, sh.expect_mine, sh.id_digits),
        error: None,
    };
    let Ok(file) = File::open(sh.path) else {
        sh.give_up.store(true, Ordering::Relaxed);
        return w;
    };
    let mut scratch = Scratch {
        file,
        buf: Vec::new(),
    };
    let mut lines = Lines {
        starts: Vec::new(),
        batch: Batch::default(),
        quick: (0..BATCH).map(|_| sh.quick.row()).collect(),
        warmed: 0,
    };
    let sum = |lines: &mut Lines, w: &mut Worker<S>, sent: &Outbox| {
        let mut batch = Vec::with_capacity(BATCH);
        for line in sent.iter() {
            batched(sh, &mut batch, line, lines, w);
        }
        some_lines(sh, &batch, lines, w);
    };
    loop {
        while let Some(sent) = route.received() {
            sum(&mut lines, &mut w, &sent);
        }
        let k = sh.next.fetch_add(1, Ordering::Relaxed);
        if k >= sh.parts || sh.give_up.load(Ordering::Relaxed) {
            break;
        }
        if part(sh, k, &mut scratch, &mut lines, &mut route, &mut w).is_none() {
            sh.give_up.store(true, Ordering::Relaxed);
            return w;
        }
        route.flush(|unsent| sum(&mut lines, &mut w, unsent));
    }
    for sent in route.close() {
        if !sh.give_up.load(Ordering::Relaxed) {
            sum(&mut lines, &mut w, &sent);
        }
    }
    std::hint::black_box(lines.warmed);
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
        w.exclusions.push((k, i, ExclusionReason::Unfinished));
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
        w.exclusions
            .push((k, i, ExclusionReason::invalid(problems)));
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

/// The error for a file found shorter (`now` bytes) than it was when the
/// pass began (`was`).
fn shrunk(was: u64, now: u64) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::UnexpectedEof,
        format!(
            "the file shrank while it was read (from {was} bytes to {now}); was it being written?"
        ),
    )
}

/// Read part `k`: feed the rows of the companies this thread owns, put
/// the others' in their outboxes; `None` to give up.
fn part<S: SplitSink>(
    sh: &Shared,
    k: usize,
    scratch: &mut Scratch,
    lines: &mut Lines,
    route: &mut Route,
    w: &mut Worker<S>,
) -> Option<()> {
    let Scratch { file: f, buf } = scratch;
    let (start, end) = (sh.bounds[k], sh.bounds[k + 1]);
    // From the byte before the part, to find the first line starting in it.
    let from = if k == 0 { start } else { start - 1 };
    buf.clear();
    // Room for the part and a few kilobytes of its last line, reserved
    // exactly: reading would otherwise double the buffer past a part.
    buf.reserve_exact((end - from) as usize + (8 << 10));
    read_at(f, from, end - from, buf).ok()?;
    let limit = (end - from) as usize;
    if buf.len() < limit {
        w.error = Some(shrunk(sh.len, from + buf.len() as u64));
        return None;
    }
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
    let mut line = 0u64;
    let mut batch = Vec::with_capacity(BATCH);
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
        let owner = route.owner(sh, bytes);
        if owner != route.me {
            route.outbox[owner].push(k, i, bytes);
            continue;
        }
        batched(sh, &mut batch, (k, i, bytes), lines, w);
    }
    some_lines(sh, &batch, lines, w);
    w.lines.push((k, line));
    Some(())
}

/// Add `line` to `batch`, feeding the batch once it is full (the caller
/// feeds what is left at the end).
fn batched<'b, S: SplitSink>(
    sh: &Shared,
    batch: &mut Vec<(usize, u64, &'b [u8])>,
    line: (usize, u64, &'b [u8]),
    lines: &mut Lines,
    w: &mut Worker<S>,
) {
    batch.push(line);
    if batch.len() == BATCH {
        some_lines(sh, batch, lines, w);
        batch.clear();
    }
}

/// Read a batch of lines (part, line within it, bytes; not blank, without
/// their line ends; at most [`BATCH`]), read ahead what their rows will
/// add to, then feed them in order.
fn some_lines<S: SplitSink>(
    sh: &Shared,
    batch: &[(usize, u64, &[u8])],
    lines: &mut Lines,
    w: &mut Worker<S>,
) {
    debug_assert!(batch.len() <= BATCH);
    let mut company: [Option<&str>; BATCH] = [None; BATCH];
    let mut ahead: [(&str, Role); BATCH] = [("", Role::Sales); BATCH];
    let mut n_ahead = 0;
    for ((c, &(_, _, bytes)), quick) in company.iter_mut().zip(batch).zip(&mut lines.quick) {
        *c = quick_company(sh, bytes, quick);
        if let Some(id) = c {
            if !quick.unfinished {
                ahead[n_ahead] = (id, quick.role);
                n_ahead += 1;
            }
        }
    }
    let warmed = w.sink.warm(&ahead[..n_ahead]);
    lines.warmed = lines.warmed.wrapping_add(warmed);
    for (j, &(k, i, bytes)) in batch.iter().enumerate() {
        let order = (k as u64) << 32 | i;
        match company[j] {
            Some(company) => {
                let quick = &lines.quick[j];
                let row = Row {
                    line: 0,
                    order,
                    company,
                    role: quick.role,
                    answers: &quick.answers,
                    outcomes: &quick.outcomes,
                    segments: SegmentCells::new(bytes, &quick.segments),
                };
                take(w, k, i, quick.unfinished, quick.key, &row);
            }
            None => full_line(sh, k, i, bytes, lines, w),
        }
    }
}

/// Read a line with the quick reader: its company, `None` when the line
/// needs the full reader.
fn quick_company<'l>(sh: &'l Shared, bytes: &'l [u8], quick: &mut Quick) -> Option<&'l str> {
    if !sh.quick.parse(bytes, quick) {
        return None;
    }
    let id = std::str::from_utf8(&bytes[quick.company.clone()]).ok()?;
    Some(sh.rows.parser.company(id))
}

/// Read line `i` of part `k` (not blank, without its line end) with the
/// full reader and feed it.
fn full_line<S: SplitSink>(
    sh: &Shared,
    k: usize,
    i: u64,
    bytes: &[u8],
    lines: &mut Lines,
    w: &mut Worker<S>,
) {
    let Lines { starts, batch, .. } = lines;
    let order = (k as u64) << 32 | i;
    starts.clear();
    starts.push(0);
    split_fields(bytes, sh.delimiter, starts);
    starts.push(bytes.len() as u32 + 1);
    let rec = Rec::Plain { bytes, starts };
    batch.clear();
    sh.rows.parse(&rec, 0, 0, batch);
    let parsed = &batch.rows[0];
    if parsed.n_problems > 0 {
        invalid(sh, w, k, i, parsed.key, &batch.problems);
        return;
    }
    let row = Row {
        line: 0,
        order,
        company: &batch.text[parsed.company.clone()],
        role: parsed.role,
        answers: &batch.answers,
        outcomes: &batch.outcomes,
        segments: SegmentCells::new(batch.text.as_bytes(), &batch.segments),
    };
    take(w, k, i, parsed.unfinished, parsed.key, &row);
}
