//! The text encoding of an input (README "Reliability"): UTF-8 with or
//! without a byte-order mark is read as it is; UTF-16 LE or BE with a
//! byte-order mark (Excel's "Unicode text") and Windows-1252 (a file that is
//! not UTF-8, as older spreadsheets save it) are decoded to UTF-8 on the way
//! in ([`Decode`]), so everything after sees UTF-8.
//!
//! Text that the encoding cannot decode (UTF-16 with a lone surrogate or an
//! odd number of bytes) stops the read with an [`Undecodable`] error, which
//! the readers report as invalid input (exit 3) naming the encoding.

use std::fmt;
use std::io::{self, Read};

/// The encodings an input can be read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    #[default]
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
    /// The first sheet of an `.xlsx` workbook, converted to UTF-8 CSV as
    /// displayed (see [`crate::ingest::xlsx`]).
    Xlsx,
}

impl Encoding {
    /// The name shown in the input summary and the JSON `input.encoding`.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Windows1252 => "Windows-1252",
            Encoding::Xlsx => "xlsx (first sheet)",
        }
    }

    /// The encoding a byte-order mark at the start of `head` names, and the
    /// mark's length (UTF-8's mark is left to the sniffer, which strips it).
    pub fn from_bom(head: &[u8]) -> Option<(Encoding, usize)> {
        match head {
            [0xFF, 0xFE, ..] => Some((Encoding::Utf16Le, 2)),
            [0xFE, 0xFF, ..] => Some((Encoding::Utf16Be, 2)),
            _ => None,
        }
    }

    fn decoder(self) -> encoding_rs::Decoder {
        match self {
            Encoding::Utf8 | Encoding::Xlsx => encoding_rs::UTF_8,
            Encoding::Utf16Le => encoding_rs::UTF_16LE,
            Encoding::Utf16Be => encoding_rs::UTF_16BE,
            Encoding::Windows1252 => encoding_rs::WINDOWS_1252,
        }
        .new_decoder_without_bom_handling()
    }
}

/// Is `sample` (the first bytes of an input) UTF-8? A character cut off at
/// the end of the sample counts as UTF-8.
pub fn looks_utf8(sample: &[u8]) -> bool {
    match std::str::from_utf8(sample) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    }
}

/// Text an encoding cannot decode, with where it was found.
#[derive(Debug)]
pub struct Undecodable {
    pub encoding: Encoding,
    /// Lines decoded before the bad bytes (the problem is on the next one).
    pub lines_before: u64,
}

impl fmt::Display for Undecodable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}: the text is not valid {} (the byte-order mark says {}); save the file as UTF-8 (in Excel: \"CSV UTF-8\")",
            self.lines_before + 1,
            self.encoding.name(),
            self.encoding.name()
        )
    }
}

impl std::error::Error for Undecodable {}

/// The decoding problem an I/O error carries, if it is one.
pub fn undecodable(e: &io::Error) -> Option<&Undecodable> {
    e.get_ref()
        .and_then(|inner| inner.downcast_ref::<Undecodable>())
}

/// A reader decoding `inner` from an encoding to UTF-8.
pub struct Decode<R> {
    inner: R,
    encoding: Encoding,
    decoder: encoding_rs::Decoder,
    input: Vec<u8>,
    in_pos: usize,
    in_len: usize,
    output: Vec<u8>,
    out_pos: usize,
    eof: bool,
    done: bool,
    lines: u64,
}

impl<R: Read> Decode<R> {
    pub fn new(inner: R, encoding: Encoding) -> Self {
        Decode {
            inner,
            encoding,
            decoder: encoding.decoder(),
            input: vec![0; 64 * 1024],
            in_pos: 0,
            in_len: 0,
            output: Vec::new(),
            out_pos: 0,
            eof: false,
            done: false,
            lines: 0,
        }
    }

    /// Decode the next stretch of input into `output`.
    fn decode_more(&mut self) -> io::Result<()> {
        if self.in_pos == self.in_len && !self.eof {
            self.in_pos = 0;
            self.in_len = loop {
                match self.inner.read(&mut self.input) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(e),
                }
            };
            self.eof = self.in_len == 0;
        }
        let src = &self.input[self.in_pos..self.in_len];
        // Three bytes of UTF-8 per input byte is always enough room.
        self.output.clear();
        self.output.resize(src.len() * 3 + 16, 0);
        self.out_pos = 0;
        let (result, read, written) =
            self.decoder
                .decode_to_utf8_without_replacement(src, &mut self.output, self.eof);
        self.in_pos += read;
        self.output.truncate(written);
        self.lines += memchr::memchr_iter(b'\n', &self.output).count() as u64;
        match result {
            encoding_rs::DecoderResult::InputEmpty => {
                self.done = self.eof;
                Ok(())
            }
            encoding_rs::DecoderResult::OutputFull => Ok(()),
            encoding_rs::DecoderResult::Malformed(..) => Err(io::Error::new(
                io::ErrorKind::InvalidData,
                Undecodable {
                    encoding: self.encoding,
                    lines_before: self.lines,
                },
            )),
        }
    }
}

impl<R: Read> Read for Decode<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        while self.out_pos == self.output.len() {
            if self.done || out.is_empty() {
                return Ok(0);
            }
            self.decode_more()?;
        }
        let n = out.len().min(self.output.len() - self.out_pos);
        out[..n].copy_from_slice(&self.output[self.out_pos..self.out_pos + n]);
        self.out_pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8], enc: Encoding) -> io::Result<String> {
        let mut out = String::new();
        Decode::new(bytes, enc).read_to_string(&mut out)?;
        Ok(out)
    }

    #[test]
    fn decodes_utf16_both_ways_and_windows_1252() {
        let text = "company,q\nCafé €,5\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le, Encoding::Utf16Le).unwrap(), text);
        assert_eq!(decode(&be, Encoding::Utf16Be).unwrap(), text);
        assert_eq!(
            decode(b"company\nCaf\xe9 \x80\n", Encoding::Windows1252).unwrap(),
            "company\nCafé €\n"
        );
        // Longer than one read of the input.
        let long = "x,1\n".repeat(50_000);
        let le: Vec<u8> = long.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&le, Encoding::Utf16Le).unwrap(), long);
    }

    #[test]
    fn undecodable_text_names_the_encoding_and_line() {
        // "a\nb\n" then a lone high surrogate.
        let bytes = [b'a', 0, b'\n', 0, b'b', 0, b'\n', 0, 0x00, 0xD8, b'c', 0];
        let e = decode(&bytes, Encoding::Utf16Le).unwrap_err();
        let u = undecodable(&e).expect("a decoding error");
        assert_eq!(u.lines_before, 2);
        assert!(u
            .to_string()
            .starts_with("line 3: the text is not valid UTF-16LE"));
        assert!(looks_utf8(b"caf\xc3"));
        assert!(!looks_utf8(b"caf\xe9 x"));
    }
}
