//! Opening an input and sniffing its layout before the CSV reader sees it:
//! the encoding ([`super::encoding`]: UTF-8, UTF-16 with a byte-order mark,
//! Windows-1252), a UTF-8 byte-order mark (stripped), the delimiter (`,` `;`
//! or tab, whichever occurs most often outside quotes on the header line)
//! and the line ends (LF, CR LF, or a lone CR as old Mac exports have).

use super::encoding::{looks_utf8, Decode, Encoding};
use crate::error::{Error, Result};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// What sniffing found out about an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    pub delimiter: u8,
    pub bom: bool,
    /// The header line ends in CR LF (the input is read with CR LF folded to LF).
    pub crlf: bool,
    /// Lines end in a lone CR (the input is read with each CR turned into LF).
    pub cr_only: bool,
    /// The input's encoding (anything but UTF-8 is decoded to UTF-8).
    pub encoding: Encoding,
}

impl Layout {
    /// Can the input's bytes be cut at offsets into lines ending in LF,
    /// each part decoded on its own? (Only then can the file be read in
    /// parts.) True of UTF-8 and Windows-1252 (a byte a character) and of
    /// UTF-16 (two bytes a unit, cut at even offsets), unless lines end
    /// in a lone CR.
    pub fn splittable(&self) -> bool {
        self.encoding != Encoding::Xlsx && !self.cr_only
    }
}

/// An opened input, positioned after any BOM, with its sniffed layout.
pub struct Opened {
    pub name: String,
    pub layout: Layout,
    pub reader: Box<dyn Read + Send>,
    /// The progress bar fed by the reader, if one is shown.
    pub progress: Option<indicatif::ProgressBar>,
    /// How many `"` bytes the reader has passed on so far.
    pub quotes: Arc<AtomicU64>,
}

/// Inputs at least this large get a progress bar (on a terminal).
const PROGRESS_MIN_BYTES: u64 = 16 << 20;

/// A progress bar on standard error, drawn only when it is a terminal.
fn progress_bar(name: &str, len: Option<u64>) -> indicatif::ProgressBar {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    let target = ProgressDrawTarget::stderr();
    let pb = ProgressBar::with_draw_target(len, target);
    let template = if len.is_some() {
        "{spinner} {msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta}"
    } else {
        "{spinner} {msg} {bytes} {bytes_per_sec}"
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        pb.set_style(style.progress_chars("=> "));
    }
    pb.set_message(format!("reading {name}"));
    pb
}

/// A progress bar for reading a file of `len` bytes, when it is large and
/// standard error is a terminal.
pub fn file_progress(name: &str, len: u64) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    (len >= PROGRESS_MIN_BYTES && io::stderr().is_terminal()).then(|| progress_bar(name, Some(len)))
}

/// How much of the input is looked at to find the header line.
const SNIFF_LIMIT: usize = 1 << 20;

/// Open `path` (`-` is standard input) and sniff it. With `progress`, a
/// large file or standard input shows a progress bar on a terminal.
pub fn open(path: &Path, progress: bool) -> Result<Opened> {
    use std::io::IsTerminal;
    let name = display_name(path);
    let show = progress && io::stderr().is_terminal();
    let mut bar = None;
    let raw: Box<dyn Read + Send> = if path.as_os_str() == "-" {
        if show {
            let pb = progress_bar(&name, None);
            bar = Some(pb.clone());
            Box::new(pb.wrap_read(io::stdin()))
        } else {
            Box::new(io::stdin())
        }
    } else {
        let meta =
            std::fs::metadata(path).map_err(|e| Error::io(format!("failed to open {name}"), e))?;
        if meta.is_dir() {
            return Err(Error::io(
                format!("failed to open {name}"),
                io::Error::other("it is a directory, not a file"),
            ));
        }
        let file = File::open(path).map_err(|e| Error::io(format!("failed to open {name}"), e))?;
        match progress.then(|| file_progress(&name, meta.len())).flatten() {
            Some(pb) => {
                bar = Some(pb.clone());
                Box::new(pb.wrap_read(file))
            }
            None => Box::new(file),
        }
    };
    let mut opened = sniff_any(name, raw)?;
    opened.progress = bar;
    Ok(opened)
}

/// [`sniff`], a workbook (zip) being read as the CSV of its first sheet.
fn sniff_any(name: String, mut raw: Box<dyn Read + Send>) -> Result<Opened> {
    let mut head = Vec::with_capacity(4);
    (&mut raw)
        .take(4)
        .read_to_end(&mut head)
        .map_err(|e| read_failure(&name, e))?;
    let mut raw: Box<dyn Read + Send> = Box::new(Cursor::new(head.clone()).chain(raw));
    if !super::xlsx::is_zip(&head) {
        return sniff(name, raw);
    }
    let mut bytes = Vec::new();
    raw.read_to_end(&mut bytes)
        .map_err(|e| read_failure(&name, e))?;
    let csv = super::xlsx::first_sheet_as_csv(&name, bytes)?;
    let mut opened = sniff(name, Box::new(Cursor::new(csv)))?;
    opened.layout.encoding = Encoding::Xlsx;
    Ok(opened)
}

/// The name used for an input in messages.
pub fn display_name(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// An I/O error while reading `name`: text the encoding cannot decode is
/// invalid input (exit 3), anything else a failure to read (exit 1).
pub(crate) fn read_failure(name: &str, e: io::Error) -> Error {
    match super::encoding::undecodable(&e) {
        Some(u) => Error::Format {
            file: name.to_string(),
            message: u.to_string(),
        },
        None => Error::io(format!("failed to read {name}"), e),
    }
}

/// Sniff an already opened reader.
pub fn sniff(name: String, mut raw: Box<dyn Read + Send>) -> Result<Opened> {
    let mut first = Vec::with_capacity(2);
    (&mut raw)
        .take(2)
        .read_to_end(&mut first)
        .map_err(|e| read_failure(&name, e))?;
    match Encoding::from_bom(&first) {
        Some((encoding, _)) => sniff_text(name, Box::new(Decode::new(raw, encoding)), encoding),
        None => sniff_text(
            name,
            Box::new(Cursor::new(first).chain(raw)),
            Encoding::Utf8,
        ),
    }
}

/// Sniff a reader of text in `encoding` (already decoded to UTF-8 unless it
/// is UTF-8); input that is not UTF-8 after all is read as Windows-1252.
fn sniff_text(name: String, raw: Box<dyn Read + Send>, encoding: Encoding) -> Result<Opened> {
    let mut buf = BufReader::with_capacity(64 * 1024, raw);
    let mut prefix: Vec<u8> = Vec::new();
    // Read whole lines until the header line is complete (outside quotes)
    // or the limit is reached.
    loop {
        let n = read_line(&mut buf, &mut prefix).map_err(|e| read_failure(&name, e))?;
        if n == 0 || prefix.len() >= SNIFF_LIMIT || !inside_quotes(&prefix) {
            break;
        }
    }
    if encoding == Encoding::Utf8 {
        // The header line and the next bytes (what the buffer holds) tell.
        let ahead = buf.fill_buf().map_err(|e| read_failure(&name, e))?;
        let sample = [&prefix[..], &ahead[..ahead.len().min(64 * 1024)]].concat();
        if !looks_utf8(&sample) {
            let again = Decode::new(Cursor::new(prefix).chain(buf), Encoding::Windows1252);
            return sniff_text(name, Box::new(again), Encoding::Windows1252);
        }
    }
    let bom = prefix.starts_with(&[0xEF, 0xBB, 0xBF]);
    let start = if bom { 3 } else { 0 };
    let delimiter = detect_delimiter(&prefix[start..]);
    let (crlf, cr_only) = match first_line_end(&prefix[start..]) {
        Some(LineEnd::CrLf) => (true, false),
        Some(LineEnd::Cr) => (false, true),
        _ => (false, false),
    };
    let prefix = prefix.split_off(start);
    let reader: Box<dyn Read + Send> = Box::new(Cursor::new(prefix).chain(buf));
    let quotes = Arc::new(AtomicU64::new(0));
    let mut folded = CrlfToLf::new(reader, quotes.clone());
    folded.lone_cr_ends_lines(cr_only);
    Ok(Opened {
        name,
        layout: Layout {
            delimiter,
            bom,
            crlf,
            cr_only,
            encoding,
        },
        progress: None,
        // The CSV reader counts a line at each LF but ends a record at the CR
        // before it, which puts later line numbers one short. Folding every
        // CR LF to LF (mixed line endings included) keeps them physical; in
        // a file whose lines end in a lone CR, each CR is a line end.
        reader: Box::new(folded),
        quotes,
    })
}

/// Read on to the end of the next line (LF, CR LF or a lone CR), appending
/// to `out`; the bytes read (0 at the end of the input).
fn read_line(buf: &mut impl BufRead, out: &mut Vec<u8>) -> io::Result<usize> {
    let mut total = 0;
    loop {
        let avail = match buf.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok(total);
        }
        match memchr::memchr2(b'\n', b'\r', avail) {
            Some(i) => {
                let cr = avail[i] == b'\r';
                out.extend_from_slice(&avail[..=i]);
                buf.consume(i + 1);
                total += i + 1;
                if cr && buf.fill_buf()?.first() == Some(&b'\n') {
                    out.push(b'\n');
                    buf.consume(1);
                    total += 1;
                }
                return Ok(total);
            }
            None => {
                let n = avail.len();
                out.extend_from_slice(avail);
                buf.consume(n);
                total += n;
            }
        }
    }
}

/// How a line ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineEnd {
    Lf,
    CrLf,
    Cr,
}

/// How the first line (outside quotes) ends, if it ends in `bytes`.
fn first_line_end(bytes: &[u8]) -> Option<LineEnd> {
    let mut quoted = false;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => return Some(LineEnd::Lf),
            b'\r' if !quoted => {
                return Some(match bytes.get(i + 1) {
                    Some(b'\n') => LineEnd::CrLf,
                    _ => LineEnd::Cr,
                })
            }
            _ => {}
        }
    }
    None
}

/// A reader that turns every CR LF into LF (a lone CR is kept, or made a
/// LF with [`CrlfToLf::lone_cr_ends_lines`]) and counts
/// the quote characters it passes on (an odd count at the end means a quoted
/// field never closed).
pub struct CrlfToLf<R> {
    inner: R,
    quotes: Arc<AtomicU64>,
    buf: Vec<u8>,
    pos: usize,
    len: usize,
    pending_cr: bool,
    eof: bool,
    /// What a lone CR becomes: itself, or LF where it ends lines.
    lone_cr: u8,
}

impl<R: Read> CrlfToLf<R> {
    pub fn new(inner: R, quotes: Arc<AtomicU64>) -> Self {
        CrlfToLf {
            inner,
            quotes,
            buf: vec![0; 64 * 1024],
            pos: 0,
            len: 0,
            pending_cr: false,
            eof: false,
            lone_cr: b'\r',
        }
    }

    /// Turn every lone CR into LF: a file whose lines end in CR alone.
    pub fn lone_cr_ends_lines(&mut self, yes: bool) {
        self.lone_cr = if yes { b'\n' } else { b'\r' };
    }
}

impl<R: Read> Read for CrlfToLf<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        loop {
            if self.pos == self.len && !self.eof {
                self.len = self.inner.read(&mut self.buf)?;
                self.pos = 0;
                let q = memchr::memchr_iter(b'"', &self.buf[..self.len]).count();
                self.quotes.fetch_add(q as u64, Ordering::Relaxed);
                if self.len == 0 {
                    self.eof = true;
                }
            }
            let mut n = 0;
            if self.pending_cr {
                // A CR ended the previous chunk: drop it if LF follows.
                if self.pos < self.len && self.buf[self.pos] == b'\n' {
                    self.pending_cr = false;
                } else if self.pos < self.len || self.eof {
                    out[0] = self.lone_cr;
                    n = 1;
                    self.pending_cr = false;
                }
            }
            while n < out.len() && self.pos < self.len {
                // Copy up to the next CR in one go.
                let avail = &self.buf[self.pos..self.len];
                let room = out.len() - n;
                let upto = avail.len().min(room);
                let run = memchr::memchr(b'\r', &avail[..upto]).unwrap_or(upto);
                out[n..n + run].copy_from_slice(&avail[..run]);
                n += run;
                self.pos += run;
                if run == upto {
                    continue;
                }
                // At a CR.
                if self.pos + 1 == self.len {
                    self.pos += 1;
                    self.pending_cr = true;
                    break;
                }
                if self.buf[self.pos + 1] == b'\n' {
                    self.pos += 1;
                    continue;
                }
                out[n] = self.lone_cr;
                n += 1;
                self.pos += 1;
            }
            if n > 0 || (self.eof && !self.pending_cr) {
                return Ok(n);
            }
        }
    }
}

fn inside_quotes(bytes: &[u8]) -> bool {
    bytes.iter().filter(|&&b| b == b'"').count() % 2 == 1
}

/// The candidate delimiter occurring most often outside quotes on the first
/// line; `,` when none occurs (a one-column file).
pub fn detect_delimiter(bytes: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in bytes {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let cands = [b',', b';', b'\t'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    cands[best]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sniffed(bytes: &[u8]) -> (Layout, Vec<u8>) {
        let mut o = sniff("t".into(), Box::new(Cursor::new(bytes.to_vec()))).unwrap();
        let mut rest = Vec::new();
        o.reader.read_to_end(&mut rest).unwrap();
        (o.layout, rest)
    }

    #[test]
    fn detects_each_delimiter_and_bom() {
        assert_eq!(sniffed(b"a,b;c\n1,2;3\n").0.delimiter, b',');
        assert_eq!(sniffed(b"a;b;c\n").0.delimiter, b';');
        assert_eq!(sniffed(b"a\tb\tc\r\n").0.delimiter, b'\t');
        let (layout, rest) = sniffed(b"\xEF\xBB\xBFa;b\n1;2\n");
        assert!(layout.bom);
        assert_eq!(layout.delimiter, b';');
        assert_eq!(rest, b"a;b\n1;2\n");
    }

    #[test]
    fn ignores_delimiters_inside_quotes_and_spans_quoted_newlines() {
        let (layout, rest) = sniffed(b"\"x,\ny,z\";b;c\n1;2;3\n");
        assert_eq!(layout.delimiter, b';');
        assert_eq!(rest, b"\"x,\ny,z\";b;c\n1;2;3\n");
    }

    #[test]
    fn folds_crlf_across_chunk_boundaries() {
        let mut input = Vec::new();
        for i in 0..30_000 {
            input.extend_from_slice(format!("{i},\"a\rb\"\r\n").as_bytes());
        }
        let mut expected = Vec::new();
        for i in 0..30_000 {
            expected.extend_from_slice(format!("{i},\"a\rb\"\n").as_bytes());
        }
        let mut out = Vec::new();
        // Tiny reads force every boundary case.
        let mut r = CrlfToLf::new(Cursor::new(input.clone()), Arc::default());
        let mut chunk = [0u8; 7];
        loop {
            let n = r.read(&mut chunk).unwrap();
            if n == 0 {
                break;
            }
            out.extend_from_slice(&chunk[..n]);
        }
        assert_eq!(out, expected);
        let (layout, rest) = sniffed(&input);
        assert!(layout.crlf);
        assert_eq!(rest, expected);
        let mut lone = Vec::new();
        CrlfToLf::new(Cursor::new(b"a\r".to_vec()), Arc::default())
            .read_to_end(&mut lone)
            .unwrap();
        assert_eq!(lone, b"a\r");
    }

    #[test]
    fn lone_cr_line_ends_become_lf() {
        let (layout, rest) = sniffed(b"a;b\r1;2\r3;\"x\ry\"\r");
        assert!(layout.cr_only && !layout.crlf);
        assert_eq!(layout.delimiter, b';');
        assert_eq!(rest, b"a;b\n1;2\n3;\"x\ny\"\n");
        // CR LF files keep lone CRs inside values.
        let (layout, rest) = sniffed(b"a,b\r\n1,\"x\ry\"\r\n");
        assert!(layout.crlf && !layout.cr_only);
        assert_eq!(rest, b"a,b\n1,\"x\ry\"\n");
    }

    #[test]
    fn utf16_and_windows_1252_are_decoded() {
        let text = "id\tcompany\r\n1\tCafé\r\n";
        for (bom, enc, units) in [
            (
                [0xFF, 0xFE],
                Encoding::Utf16Le,
                u16::to_le_bytes as fn(u16) -> [u8; 2],
            ),
            ([0xFE, 0xFF], Encoding::Utf16Be, u16::to_be_bytes),
        ] {
            let mut bytes = bom.to_vec();
            bytes.extend(text.encode_utf16().flat_map(units));
            let (layout, rest) = sniffed(&bytes);
            assert_eq!(layout.encoding, enc);
            assert_eq!(layout.delimiter, b'\t');
            assert!(!layout.bom && layout.crlf);
            assert_eq!(rest, "id\tcompany\n1\tCafé\n".as_bytes());
        }
        let (layout, rest) = sniffed(b"id;company\n1;Caf\xe9\n");
        assert_eq!(layout.encoding, Encoding::Windows1252);
        assert_eq!(rest, "id;company\n1;Café\n".as_bytes());
        let (layout, _) = sniffed("id;company\n1;Café\n".as_bytes());
        assert_eq!(layout.encoding, Encoding::Utf8);
    }

    #[test]
    fn empty_input_defaults_to_comma() {
        let (layout, rest) = sniffed(b"");
        assert_eq!(layout.delimiter, b',');
        assert!(rest.is_empty());
    }
}
