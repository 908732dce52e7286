//! Splitting the input into records, each with its physical line number.
//!
//! Most exports hold no quote characters and no carriage returns (CR LF is
//! already folded to LF by [`super::sniff`]): then a record is simply a
//! non-blank line and its fields are the bytes between delimiters, which is
//! what the `csv` crate would make of it. The input is read in large blocks
//! and such lines are split in place, without copying.
//!
//! As soon as a block brings in a `"` or a CR, the rest of the input, from
//! the record boundary reached so far, goes through the `csv` crate
//! ([`super::lines::LineReader`]), with line numbers continuing from there.
//! Both paths hand out the same fields and the same lines.

use super::lines::LineReader;
use csv::ByteRecord;
use std::io::{self, Cursor, Read};

/// One record, borrowed from the reader until the next call.
#[derive(Clone, Copy)]
pub enum Rec<'a> {
    /// A line without quotes: its bytes and the start of each field, plus
    /// one past the end (`starts[i]..starts[i + 1] - 1` is field `i`).
    Plain {
        bytes: &'a [u8],
        starts: &'a [u32],
    },
    Csv(&'a ByteRecord),
}

impl<'a> Rec<'a> {
    pub fn len(&self) -> usize {
        match self {
            Rec::Plain { starts, .. } => starts.len() - 1,
            Rec::Csv(r) => r.len(),
        }
    }

    /// Field `i` (which must exist).
    #[inline(always)]
    pub fn get(&self, i: usize) -> &'a [u8] {
        match self {
            Rec::Plain { bytes, starts } => &bytes[starts[i] as usize..starts[i + 1] as usize - 1],
            Rec::Csv(r) => &r[i],
        }
    }

    /// Does a field hold a newline (a quoted field spanning lines)?
    pub fn spans_lines(&self) -> bool {
        match self {
            Rec::Plain { .. } => false,
            Rec::Csv(r) => r.as_slice().contains(&b'\n'),
        }
    }

    /// Does the last field end in a newline (a quote that never closed)?
    pub fn ends_in_newline(&self) -> bool {
        match self {
            Rec::Plain { .. } => false,
            Rec::Csv(r) => r.as_slice().last() == Some(&b'\n'),
        }
    }

    pub fn to_byte_record(self) -> ByteRecord {
        match self {
            Rec::Plain { .. } => (0..self.len()).map(|i| self.get(i)).collect(),
            Rec::Csv(r) => (*r).clone(),
        }
    }
}

/// Push one past each delimiter position in `bytes` onto `starts`, eight
/// bytes at a time (SWAR: a zero byte of `word ^ delimiters` is a delimiter).
pub(super) fn split_fields(bytes: &[u8], delimiter: u8, starts: &mut Vec<u32>) {
    const LO7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let pattern = u64::from_ne_bytes([delimiter; 8]);
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0u32;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("8 bytes")) ^ pattern;
        // High bit set exactly in the zero bytes of `word`.
        let mut zero = !(((word & LO7) + LO7) | word | LO7);
        while zero != 0 {
            starts.push(base + zero.trailing_zeros() / 8 + 1);
            zero &= zero - 1;
        }
        base += 8;
    }
    for (i, &b) in chunks.remainder().iter().enumerate() {
        if b == delimiter {
            starts.push(base + i as u32 + 1);
        }
    }
}

type SlowReader = LineReader<io::Chain<Cursor<Vec<u8>>, Box<dyn Read + Send>>>;

/// Reads records, on the fast path while the input allows.
pub struct Records {
    builder: csv::ReaderBuilder,
    delimiter: u8,
    src: Option<Box<dyn Read + Send>>,
    buf: Vec<u8>,
    pos: usize,
    len: usize,
    eof: bool,
    /// Physical line of `buf[pos]`.
    line: u64,
    /// `buf[pos..scanned]` holds no LF: a long line is searched once, not
    /// again from its start after every refill.
    scanned: usize,
    /// Bytes searched for line ends so far (each byte once: reading is linear).
    searched: u64,
    starts: Vec<u32>,
    slow: Option<(SlowReader, u64)>,
    rec: ByteRecord,
    /// Bytes read from the source on the fast path.
    read_total: u64,
}

const BLOCK: usize = 1 << 20;

impl Records {
    /// The field delimiter.
    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    pub fn new(builder: csv::ReaderBuilder, delimiter: u8, src: Box<dyn Read + Send>) -> Records {
        Records {
            builder,
            delimiter,
            src: Some(src),
            buf: vec![0; BLOCK],
            pos: 0,
            len: 0,
            eof: false,
            line: 1,
            scanned: 0,
            searched: 0,
            starts: Vec::new(),
            slow: None,
            rec: ByteRecord::new(),
            read_total: 0,
        }
    }

    /// Skip the fast path: the `csv` crate reads every record.
    pub fn csv_only(&mut self) {
        if self.slow.is_none() && self.pos == 0 && self.len == 0 {
            self.go_slow();
        }
    }

    /// Read more input after the unread bytes; `false` when the fast path
    /// must end because the new bytes hold a quote or a CR.
    fn refill(&mut self) -> io::Result<bool> {
        if self.pos > 0 {
            self.buf.copy_within(self.pos..self.len, 0);
            self.len -= self.pos;
            self.scanned = self.scanned.saturating_sub(self.pos);
            self.pos = 0;
        }
        if self.len == self.buf.len() {
            let n = self.buf.len() * 2;
            self.buf.resize(n, 0);
        }
        let src = self.src.as_mut().expect("fast path has its source");
        let n = loop {
            match src.read(&mut self.buf[self.len..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        };
        self.read_total += n as u64;
        let fresh = &self.buf[self.len..self.len + n];
        self.len += n;
        if n == 0 {
            self.eof = true;
        }
        Ok(memchr::memchr2(b'"', b'\r', fresh).is_none())
    }

    /// Input bytes up to the end of the last record handed out (0 once the
    /// `csv` crate has taken over).
    pub fn consumed(&self) -> u64 {
        match self.slow {
            None => self.read_total - (self.len - self.pos) as u64,
            Some(_) => 0,
        }
    }

    /// Bytes searched for line ends so far.
    #[cfg(test)]
    pub fn searched(&self) -> u64 {
        self.searched
    }

    /// Hand the rest of the input, from `pos`, to the `csv` crate.
    fn go_slow(&mut self) {
        let rest = self.buf[self.pos..self.len].to_vec();
        let src = self.src.take().expect("fast path has its source");
        let rdr = LineReader::new(&self.builder, Cursor::new(rest).chain(src));
        self.slow = Some((rdr, self.line - 1));
        self.buf = Vec::new();
    }

    /// The next record and its line, or `None` at the end.
    pub fn next_record(&mut self) -> csv::Result<Option<(Rec<'_>, u64)>> {
        if self.slow.is_none() {
            loop {
                let from = self.scanned.max(self.pos);
                let nl = memchr::memchr(b'\n', &self.buf[from..self.len]);
                self.searched += (nl.map_or(self.len, |i| from + i + 1) - from) as u64;
                let (end, next) = match nl {
                    Some(i) => (from + i, from + i + 1),
                    None if self.eof => (self.len, self.len),
                    None => {
                        self.scanned = self.len;
                        if !self.refill()? {
                            self.go_slow();
                            break;
                        }
                        continue;
                    }
                };
                if end == self.pos {
                    if next == self.pos {
                        return Ok(None);
                    }
                    // A blank line: no record.
                    self.pos = next;
                    self.line += 1;
                    continue;
                }
                let start = self.pos;
                let line = self.line;
                self.pos = next;
                self.line += (next > end) as u64;
                let bytes = &self.buf[start..end];
                self.starts.clear();
                self.starts.push(0);
                split_fields(bytes, self.delimiter, &mut self.starts);
                self.starts.push(bytes.len() as u32 + 1);
                return Ok(Some((
                    Rec::Plain {
                        bytes,
                        starts: &self.starts,
                    },
                    line,
                )));
            }
        }
        let (rdr, offset) = self.slow.as_mut().expect("slow path set up");
        match rdr.read(&mut self.rec)? {
            Some(line) => Ok(Some((Rec::Csv(&self.rec), line + *offset))),
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(data: &[u8], delim: u8) -> Vec<(Vec<Vec<u8>>, u64)> {
        let mut b = csv::ReaderBuilder::new();
        b.has_headers(false).flexible(true).delimiter(delim);
        let mut r = Records::new(b, delim, Box::new(Cursor::new(data.to_vec())));
        let mut out = Vec::new();
        while let Some((rec, line)) = r.next_record().unwrap() {
            out.push(((0..rec.len()).map(|i| rec.get(i).to_vec()).collect(), line));
        }
        out
    }

    fn via_csv(data: &[u8], delim: u8) -> Vec<(Vec<Vec<u8>>, u64)> {
        let mut b = csv::ReaderBuilder::new();
        b.has_headers(false).flexible(true).delimiter(delim);
        let mut r = LineReader::new(&b, data);
        let mut rec = ByteRecord::new();
        let mut out = Vec::new();
        while let Some(l) = r.read(&mut rec).unwrap() {
            out.push((rec.iter().map(|f| f.to_vec()).collect(), l));
        }
        out
    }

    #[test]
    fn fast_path_matches_the_csv_crate() {
        let cases: [&[u8]; 9] = [
            b"",
            b"h",
            b"h\n",
            b"\n\nh,x\n\na,1\n\n\nb,2\n,\n;,;\n",
            b"h,x\na,1\nb,2",
            b"h,x\na,1\n\"b\nc\",2\n\nd,3",
            b"h,x\na,1\nb\r2\nc,3\n",
            b"h;x\n\na;1;;\n b ;\t\n",
            b"h,x\n\n\n",
        ];
        for data in cases {
            for d in [b',', b';'] {
                assert_eq!(collect(data, d), via_csv(data, d), "{:?}", data);
            }
        }
    }

    /// A reader handing out a few bytes at a time, as a pipe may.
    struct Trickle(Cursor<Vec<u8>>);

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = buf.len().min(4096);
            self.0.read(&mut buf[..n])
        }
    }

    #[test]
    fn a_long_line_over_many_refills_is_read_once() {
        let long = "x".repeat(3 << 20);
        let data = format!("h,x\na,{long},b\nc,1\n");
        let mut b = csv::ReaderBuilder::new();
        b.has_headers(false).flexible(true);
        let src = Box::new(Trickle(Cursor::new(data.clone().into_bytes())));
        let mut r = Records::new(b, b',', src);
        let mut got = Vec::new();
        while let Some((rec, line)) = r.next_record().unwrap() {
            got.push(((0..rec.len()).map(|i| rec.get(i).to_vec()).collect(), line));
        }
        assert_eq!(got, via_csv(data.as_bytes(), b','));
        // Each byte searched once, not once per refill (some 800 here).
        assert_eq!(r.searched(), data.len() as u64);
    }

    #[test]
    fn splits_fields_at_every_delimiter() {
        let line = b";a;;bcdefghij;klmnopq;;;;;;;;;r;";
        let mut got = Vec::new();
        split_fields(line, b';', &mut got);
        let want: Vec<u32> = (0..line.len())
            .filter(|&i| line[i] == b';')
            .map(|i| i as u32 + 1)
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn switches_to_the_csv_crate_mid_file() {
        let mut data = Vec::new();
        for i in 0..200_000 {
            data.extend_from_slice(format!("{i},a,b\n").as_bytes());
            if i % 7 == 0 {
                data.push(b'\n');
            }
        }
        data.extend_from_slice(b"\"x\ny\",1\n\nlast,2");
        assert_eq!(collect(&data, b','), via_csv(&data, b','));
    }
}
