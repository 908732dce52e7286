//! One thread of a split pass: taking parts in turn, reading their lines
//! (the quick reader, or the full one for the uncommon lines) and feeding
//! its own copy of the sink with the lines of the companies it owns (the
//! others' sent to them, module `route`), noting what one pass would
//! report.
//!
//! Lines are fed [`BATCH`] at a time, a batch behind the one read: a
//! batch's lines are read and their companies looked up together
//! ([`SplitSink::places`]), then the batch before it is added, and while
//! each of its rows is added the sums of a row of the batch just read are
//! asked for without waiting ([`SplitSink::prefetch_head`], then, some
//! rows later, [`SplitSink::prefetch_block`]). A survey of many companies
//! has its sums spread over far more memory than the cache holds, and one
//! row's sums are found only once its company is known: read one row
//! after another, every row waits for its own cache misses; asked for a
//! batch ahead, they arrive while other rows are added. The requests are
//! spread over the rows added rather than made all at once: the memory
//! system takes only so many at a time, and a burst of them stalls.

use super::ids::IdBuckets;
use super::layout::read_at;
use super::quoted::QuotedLine;
use super::route::{Outbox, Route};
use super::spanning;
use super::{PartText, Shared, SplitSink};
use crate::error::{Problem, PROBLEMS_SHOWN};
use crate::ingest::quick::Quick;
use crate::ingest::records::{split_fields, Rec};
use crate::ingest::row::Batch;
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
    /// The part decoded to UTF-8, for a Windows-1252 file.
    text: Vec<u8>,
}

/// The LF unit of `text`'s bytes (UTF-16: two bytes).
fn lf_unit(text: PartText) -> &'static [u8] {
    match text {
        PartText::Utf16 { big_endian: true } => &[0, b'\n'],
        PartText::Utf16 { big_endian: false } => &[b'\n', 0],
        _ => b"\n",
    }
}

/// Does `buf` (a part from a unit boundary) end a line?
fn ends_line(buf: &[u8], text: PartText) -> bool {
    let unit = text.unit() as usize;
    buf.len().is_multiple_of(unit) && buf.ends_with(lf_unit(text))
}

/// Just past the first line end in `buf` at or after `from` (a unit
/// boundary, as `buf` starts at one): an LF, or in UTF-16 an LF unit at
/// an even offset.
fn line_end_after(buf: &[u8], from: usize, text: PartText) -> Option<usize> {
    let unit = text.unit() as usize;
    let lf = lf_unit(text);
    let mut at = from;
    loop {
        let i = at + memchr::memchr(b'\n', buf.get(at..)?)?;
        let u = i - (i - from) % unit;
        if buf.get(u..u + unit) == Some(lf) {
            return Some(u + unit);
        }
        at = i + 1;
    }
}

/// `raw[first..]` decoded from `encoding` to UTF-8 into `text`, in place
/// of what it held (no other buffer: parts are large), with one decoder (a
/// character cut by `limit` is decoded whole); returns where the decoded
/// bytes of `raw[first..limit]` end (0 when `first` is not before `limit`:
/// no line starts in the part), or `None` when the text cannot be decoded
/// (a lone surrogate in UTF-16; every Windows-1252 byte is a character).
fn decode_part(
    encoding: &'static encoding_rs::Encoding,
    raw: &[u8],
    first: usize,
    limit: usize,
    text: &mut Vec<u8>,
) -> Option<usize> {
    text.clear();
    if first >= limit {
        return Some(0);
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut decode = |bytes: &[u8], last: bool, text: &mut Vec<u8>| {
        let from = text.len();
        let room = decoder.max_utf8_buffer_length_without_replacement(bytes.len())?;
        text.resize(from + room, 0);
        let (result, _, written) =
            decoder.decode_to_utf8_without_replacement(bytes, &mut text[from..], last);
        text.truncate(from + written);
        (result == encoding_rs::DecoderResult::InputEmpty).then_some(())
    };
    decode(&raw[first..limit], false, text)?;
    let at = text.len();
    decode(&raw[limit..], true, text)?;
    Some(at)
}

/// Lines read ahead of the rows added.
const BATCH: usize = 16;

/// Rows ahead of the row added that a row's role block is asked for.
const BLOCK_AHEAD: usize = 8;

/// A thread's buffers for reading lines, reused from batch to batch.
struct Lines {
    starts: Vec<u32>,
    /// The cells of a line with quotes, for the full reader.
    quoted: QuotedLine,
    batch: Batch,
    /// One per line of two batches: the one being added and the next,
    /// read ahead.
    quick: Vec<Quick>,
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
        text: Vec::new(),
    };
    let mut lines = Lines {
        starts: Vec::new(),
        quoted: QuotedLine::new(sh.delimiter),
        batch: Batch::default(),
        quick: (0..2 * BATCH).map(|_| sh.quick.row()).collect(),
    };
    let sum = |lines: &mut Lines, w: &mut Worker<S>, sent: &Outbox| {
        let mut batch = Vec::with_capacity(BATCH);
        let mut pending = None;
        for line in sent.iter() {
            batched(sh, &mut batch, &mut pending, line, lines, w);
        }
        finish(sh, &batch, pending, lines, w);
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
    let Scratch { file: f, buf, text } = scratch;
    let (start, end) = (sh.bounds[k], sh.bounds[k + 1]);
    // From the unit before the part, to find the first line starting in it.
    let from = if k == 0 {
        start
    } else {
        start - sh.text.unit()
    };
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
    // The last record starting in the part runs on to its newline: a line
    // feed outside quotes when records may span lines, whether the part's
    // last byte is in quotes known from the next part's count.
    if let Some(inside) = sh.inside.as_ref().and_then(|v| v.get(k + 1)) {
        record_tail(sh, f, from, limit - 1, *inside, buf)?;
    } else if !ends_line(buf, sh.text) {
        let mut at = from + buf.len() as u64;
        while at < sh.len {
            let before = buf.len();
            read_at(f, at, 4 << 10, buf).ok()?;
            if buf.len() == before {
                break;
            }
            at = from + buf.len() as u64;
            if let Some(i) = line_end_after(buf, before, sh.text) {
                buf.truncate(i);
                break;
            }
        }
    }
    // The text of the part, and where the part's own bytes end in it; the
    // first line starting in the part, if known.
    let (buf, limit, first) = match sh.text {
        PartText::Utf8 => (&*buf, limit, None),
        // Decoded a byte at a time: the lines, and where the part ends,
        // are where they were.
        PartText::Windows1252 => {
            let limit = decode_part(encoding_rs::WINDOWS_1252, buf, 0, limit, text)?;
            (&*text, limit, None)
        }
        // Decoded from the first line starting in the part (a unit cut in
        // two before it cannot be decoded); undecodable text is left to
        // one pass, which says what is wrong.
        PartText::Utf16 { big_endian } => {
            let first = match k {
                0 => 0,
                _ => line_end_after(buf, 0, sh.text).unwrap_or(buf.len()),
            };
            let encoding = match big_endian {
                true => encoding_rs::UTF_16BE,
                false => encoding_rs::UTF_16LE,
            };
            let limit = decode_part(encoding, buf, first, limit, text)?;
            (&*text, limit, Some(0))
        }
    };
    let mut p = match (k, first, &sh.inside) {
        (_, Some(p), _) => p,
        (0, None, _) => 0,
        (_, None, Some(inside)) => {
            spanning::record_end_after(buf, 0, inside[k]).unwrap_or(buf.len())
        }
        _ => match memchr::memchr(b'\n', buf) {
            Some(i) => i + 1,
            None => buf.len(),
        },
    };
    // CR only before LF.
    for i in memchr::memchr_iter(b'\r', &buf[p..]) {
        if buf.get(p + i + 1) != Some(&b'\n') {
            return None;
        }
    }
    if let Some(pb) = &sh.progress {
        pb.inc(end - start);
    }
    let mut line = 0u64;
    let mut batch = Vec::with_capacity(BATCH);
    let mut pending = None;
    while p < limit {
        let mut nl = memchr::memchr(b'\n', &buf[p..]).map_or(buf.len(), |i| p + i);
        let i = line;
        line += 1;
        // A record spanning lines runs on to where its quotes are even.
        if sh.inside.is_some() && spanning::odd_quotes(&buf[p..nl]) {
            let end = spanning::record_end_after(buf, nl, true).map_or(buf.len(), |e| e - 1);
            line += memchr::memchr_iter(b'\n', &buf[nl..end]).count() as u64;
            nl = end;
            // It must be one whole record as the `csv` crate reads it
            // (without its line end, as every line is read).
            let record = &buf[p..nl];
            if !lines
                .quoted
                .read(record.strip_suffix(b"\r").unwrap_or(record))
            {
                return None;
            }
        }
        let mut bytes = &buf[p..nl];
        p = nl + 1;
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
        batched(sh, &mut batch, &mut pending, (k, i, bytes), lines, w);
    }
    finish(sh, &batch, pending, lines, w);
    w.lines.push((k, line));
    Some(())
}

/// Add `line` to `batch`; once it is full, read it and look its companies
/// up, then feed the batch read before it (`pending`), asking for the new
/// batch's sums as it goes.
fn batched<'b, S: SplitSink>(
    sh: &'b Shared,
    batch: &mut Vec<(usize, u64, &'b [u8])>,
    pending: &mut Option<Pending<'b>>,
    line: (usize, u64, &'b [u8]),
    lines: &mut Lines,
    w: &mut Worker<S>,
) {
    batch.push(line);
    if batch.len() == BATCH {
        let half = pending.as_ref().map_or(0, |p| 1 - p.half);
        let next = read_batch(sh, batch, half, lines, w);
        if let Some(p) = pending.take() {
            add_batch(sh, &p, Some(&next), lines, w);
        }
        *pending = Some(next);
        batch.clear();
    }
}

/// Feed what is left: the pending batch, then the lines of `batch`.
fn finish<'b, S: SplitSink>(
    sh: &'b Shared,
    batch: &[(usize, u64, &'b [u8])],
    pending: Option<Pending<'b>>,
    lines: &mut Lines,
    w: &mut Worker<S>,
) {
    let half = pending.as_ref().map_or(0, |p| 1 - p.half);
    let last = (!batch.is_empty()).then(|| read_batch(sh, batch, half, lines, w));
    if let Some(p) = pending {
        add_batch(sh, &p, last.as_ref(), lines, w);
    }
    if let Some(last) = last {
        add_batch(sh, &last, None, lines, w);
    }
}

/// A batch of lines read (into half `half` of [`Lines::quick`]) and their
/// companies looked up, not yet fed.
struct Pending<'b> {
    half: usize,
    len: usize,
    /// (part, line within it, bytes).
    lines: [(usize, u64, &'b [u8]); BATCH],
    /// Each line's company, `None` when it needs the full reader.
    company: [Option<&'b str>; BATCH],
    /// Where each line's sums are ([`SplitSink::places`]).
    places: [Option<usize>; BATCH],
}

/// Read a batch of lines (part, line within it, bytes; not blank, without
/// their line ends; at most [`BATCH`]) into half `half` of the quick rows,
/// and find where their rows' sums are.
fn read_batch<'b, S: SplitSink>(
    sh: &'b Shared,
    batch: &[(usize, u64, &'b [u8])],
    half: usize,
    lines: &mut Lines,
    w: &mut Worker<S>,
) -> Pending<'b> {
    debug_assert!(batch.len() <= BATCH);
    let mut p = Pending {
        half,
        len: batch.len(),
        lines: [(0, 0, &[][..]); BATCH],
        company: [None; BATCH],
        places: [None; BATCH],
    };
    p.lines[..batch.len()].copy_from_slice(batch);
    let mut ahead: [&str; BATCH] = [""; BATCH];
    let mut of: [usize; BATCH] = [0; BATCH];
    let mut n_ahead = 0;
    let quick = &mut lines.quick[half * BATCH..(half + 1) * BATCH];
    for (j, ((c, &(_, _, bytes)), quick)) in p.company.iter_mut().zip(batch).zip(quick).enumerate()
    {
        *c = quick_company(sh, bytes, quick);
        if let Some(id) = c {
            if !quick.unfinished {
                ahead[n_ahead] = id;
                of[n_ahead] = j;
                n_ahead += 1;
            }
        }
    }
    let mut places = [None; BATCH];
    w.sink.places(&ahead[..n_ahead], &mut places[..n_ahead]);
    for (&j, &place) in of.iter().zip(&places).take(n_ahead) {
        p.places[j] = place;
    }
    p
}

/// Feed a batch read by [`read_batch`], in order, asking for the sums of
/// the `next` batch's rows one row at a time as it goes (asked for all at
/// once, the requests stall on a memory system that takes only so many).
fn add_batch<S: SplitSink>(
    sh: &Shared,
    p: &Pending,
    next: Option<&Pending>,
    lines: &mut Lines,
    w: &mut Worker<S>,
) {
    for (j, &(k, i, bytes)) in p.lines[..p.len].iter().enumerate() {
        // The heads of the rows a batch ahead; the blocks of the rows
        // `BLOCK_AHEAD` ahead, whose heads came in meanwhile.
        if let Some(place) = next.and_then(|n| n.places[j]) {
            w.sink.prefetch_head(place);
        }
        let (b, at) = match j + BLOCK_AHEAD {
            a if a < BATCH => (Some(p), a),
            a => (next, a - BATCH),
        };
        if let Some(b) = b {
            if let Some(place) = b.places[at] {
                w.sink
                    .prefetch_block(place, lines.quick[b.half * BATCH + at].role);
            }
        }
        let order = (k as u64) << 32 | i;
        match p.company[j] {
            Some(company) => {
                let quick = &lines.quick[p.half * BATCH + j];
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

/// Read on from `buf`'s end (the bytes from `from` in the file) until a
/// line feed outside quotes at or after `buf[at]`, `inside` saying whether
/// `buf[at]` comes inside them, and cut `buf` after it (at the end of the
/// file, the record runs to it); `None` on a read error.
fn record_tail(
    sh: &Shared,
    f: &mut File,
    from: u64,
    mut at: usize,
    mut inside: bool,
    buf: &mut Vec<u8>,
) -> Option<()> {
    loop {
        if let Some(end) = spanning::record_end_after(buf, at, inside) {
            buf.truncate(end);
            return Some(());
        }
        inside ^= spanning::odd_quotes(&buf[at..]);
        at = buf.len();
        if from + at as u64 >= sh.len {
            return Some(());
        }
        read_at(f, from + at as u64, 64 << 10, buf).ok()?;
        if buf.len() == at {
            return Some(());
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
    let Lines {
        starts,
        quoted,
        batch,
        ..
    } = lines;
    let order = (k as u64) << 32 | i;
    let rec = if memchr::memchr(b'"', bytes).is_none() {
        starts.clear();
        starts.push(0);
        split_fields(bytes, sh.delimiter, starts);
        starts.push(bytes.len() as u32 + 1);
        Rec::Plain { bytes, starts }
    } else if quoted.read(bytes) {
        Rec::Csv(&quoted.record)
    } else {
        // A quoted cell spanning lines (module `quoted`): the file is read
        // again in parts cut between records (module `spanning`).
        sh.saw_spanning.store(true, Ordering::Relaxed);
        sh.give_up.store(true, Ordering::Relaxed);
        return;
    };
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

#[cfg(test)]
mod tests {
    use super::{decode_part, line_end_after, PartText};
    use encoding_rs::{UTF_16LE, WINDOWS_1252};

    fn le(t: &str) -> Vec<u8> {
        t.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    /// Lines of UTF-16 end at an LF unit on an even offset: `Ċ` (U+010A)
    /// holds an LF byte, first in little-endian order, and is no line end.
    #[test]
    fn utf16_lines_end_at_lf_units() {
        let text = PartText::Utf16 { big_endian: false };
        let raw = le("aĊb\ncd\n");
        assert_eq!(line_end_after(&raw, 0, text), Some(8));
        assert_eq!(line_end_after(&raw, 8, text), Some(14));
        assert_eq!(line_end_after(&raw, 14, text), None);
        let be: Vec<u8> = "\u{a00}x\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        let text = PartText::Utf16 { big_endian: true };
        assert_eq!(line_end_after(&be, 0, text), Some(6));
        assert_eq!(line_end_after(b"ab\ncd", 1, PartText::Utf8), Some(3));
    }

    /// A part decoded from its first line: a character of two units cut
    /// by the part's end is whole in the text, after the part's end; a
    /// lone surrogate cannot be decoded.
    #[test]
    fn a_utf16_part_decodes_from_its_first_line() {
        let raw = le("xx\nab😀c\nd\n");
        let first = 6; // after "xx\n"
        let limit = 12; // inside the emoji's two units
        let mut text = b"left over".to_vec();
        let at = decode_part(UTF_16LE, &raw, first, limit, &mut text);
        assert_eq!(text, "ab😀c\nd\n".as_bytes());
        assert_eq!(at, Some(2));
        assert_eq!(decode_part(UTF_16LE, &raw, 12, 10, &mut text), Some(0));
        assert!(text.is_empty());
        let mut lone = le("ab\n");
        lone.extend([0x3D, 0xD8]); // a high surrogate, then an LF unit
        lone.extend(le("\n"));
        assert_eq!(decode_part(UTF_16LE, &lone, 0, 4, &mut text), None);
    }

    /// A part decoded from Windows-1252: characters beyond ASCII take two
    /// or three bytes, and the part's end moves with them.
    #[test]
    fn a_windows_1252_part_decodes_with_its_end() {
        let raw = b"a\xe9;\x80\nb\xd8\n\x81c\n";
        let mut text = b"left over".to_vec();
        let at = decode_part(WINDOWS_1252, raw, 0, 5, &mut text).unwrap();
        assert_eq!(text, "aé;€\nbØ\n\u{81}c\n".as_bytes());
        assert_eq!(&text[..at], "aé;€\n".as_bytes());
        assert_eq!(decode_part(WINDOWS_1252, raw, 0, 0, &mut text), Some(0));
        let at = decode_part(WINDOWS_1252, raw, 0, raw.len(), &mut text);
        assert_eq!(at, Some(text.len()));
    }
}
