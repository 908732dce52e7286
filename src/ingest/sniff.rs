//! Opening an input and sniffing its layout before the CSV reader sees it:
//! a UTF-8 byte-order mark (stripped) and the delimiter (`,` `;` or tab,
//! whichever occurs most often outside quotes on the header line).

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
    let mut opened = sniff(name, raw)?;
    opened.progress = bar;
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

/// Sniff an already opened reader.
pub fn sniff(name: String, raw: Box<dyn Read + Send>) -> Result<Opened> {
    let mut buf = BufReader::with_capacity(64 * 1024, raw);
    let mut prefix: Vec<u8> = Vec::new();
    // Read whole lines until the header line is complete (outside quotes)
    // or the limit is reached.
    loop {
        let n = buf
            .read_until(b'\n', &mut prefix)
            .map_err(|e| Error::io(format!("failed to read {name}"), e))?;
        if n == 0 || prefix.len() >= SNIFF_LIMIT || !inside_quotes(&prefix) {
            break;
        }
    }
    let bom = prefix.starts_with(&[0xEF, 0xBB, 0xBF]);
    let start = if bom { 3 } else { 0 };
    let delimiter = detect_delimiter(&prefix[start..]);
    let crlf = first_line_ends_crlf(&prefix[start..]);
    let prefix = prefix.split_off(start);
    let reader: Box<dyn Read + Send> = Box::new(Cursor::new(prefix).chain(buf));
    let quotes = Arc::new(AtomicU64::new(0));
    Ok(Opened {
        name,
        layout: Layout {
            delimiter,
            bom,
            crlf,
        },
        progress: None,
        // The CSV reader counts a line at each LF but ends a record at the CR
        // before it, which puts later line numbers one short. Folding every
        // CR LF to LF (mixed line endings included) keeps them physical.
        reader: Box::new(CrlfToLf::new(reader, quotes.clone())),
        quotes,
    })
}

fn first_line_ends_crlf(bytes: &[u8]) -> bool {
    let mut quoted = false;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => return i > 0 && bytes[i - 1] == b'\r',
            _ => {}
        }
    }
    false
}

/// A reader that turns every CR LF into LF (a lone CR is kept) and counts
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
        }
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
                    out[0] = b'\r';
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
                out[n] = b'\r';
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
            b'\n' if !quoted => break,
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
    fn empty_input_defaults_to_comma() {
        let (layout, rest) = sniffed(b"");
        assert_eq!(layout.delimiter, b',');
        assert!(rest.is_empty());
    }
}
