//! Text bound for a terminal: data from an input file (company ids, header
//! names, a norms file's fields) can hold control characters that a terminal
//! would act on (escape sequences that recolour, retitle or rewrite the
//! screen). Everything printed as text goes through [`printable`] or
//! [`Printable`], which show such characters escaped the way values in data
//! errors are shown (`\u{1b}`, `\t`, see [`crate::ingest::values::shorten`]).
//!
//! Standard error is written with [`eprint_line`], which never panics: a
//! closed or broken standard error loses the message, not the exit code.

use std::borrow::Cow;
use std::io::{self, Write};

/// Would a terminal act on `c` rather than show it: C0 and C1 controls,
/// DEL, and the invisible marks that reorder or break lines (bidirectional
/// embeddings, overrides and isolates; line and paragraph separators).
pub fn acts_on_terminal(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every character a terminal would act on escaped (a line break
/// too: one message, one line).
pub fn printable(s: &str) -> Cow<'_, str> {
    printable_keeping(s, None)
}

/// [`printable`], but keeping `keep` as it is (a line break between the
/// lines of a multi-line message).
pub fn printable_keeping(s: &str, keep: Option<char>) -> Cow<'_, str> {
    let escape = |c: char| acts_on_terminal(c) && Some(c) != keep;
    if !s.chars().any(escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if escape(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Write `prefix` and `text` (escaped, line breaks kept) as one line on
/// standard error. A failure to write is ignored: there is nowhere left to
/// report it, and the exit code still tells what happened.
pub fn eprint_line(prefix: &str, text: &str) {
    let line = format!("{prefix}{}\n", printable_keeping(text, Some('\n')));
    let _ = io::stderr().lock().write_all(line.as_bytes());
}

/// A writer passing text on with the characters a terminal would act on
/// escaped (line breaks kept). Each write is taken to be whole UTF-8 text,
/// as formatted output is; bytes that are not UTF-8 are passed on, C0
/// controls among them escaped.
pub struct Printable<W> {
    inner: W,
}

impl<W: Write> Printable<W> {
    /// A writer passing text to `inner` with the characters that act on a terminal escaped.
    pub fn new(inner: W) -> Self {
        Printable { inner }
    }
}

impl<W: Write> Write for Printable<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match std::str::from_utf8(buf) {
            Ok(s) => match printable_keeping(s, Some('\n')) {
                Cow::Borrowed(_) => self.inner.write_all(buf),
                Cow::Owned(t) => self.inner.write_all(t.as_bytes()),
            },
            Err(_) => {
                let mut out = Vec::with_capacity(buf.len());
                for &b in buf {
                    if (b < 0x20 && b != b'\n') || b == 0x7f {
                        out.extend((b as char).escape_debug().to_string().bytes());
                    } else {
                        out.push(b);
                    }
                }
                self.inner.write_all(&out)
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_and_text_is_kept() {
        assert_eq!(printable("Acme Café"), "Acme Café");
        assert_eq!(printable("a\u{1b}]0;x\u{7}b"), "a\\u{1b}]0;x\\u{7}b");
        assert_eq!(printable("a\tb\nc"), "a\\tb\\nc");
        assert_eq!(printable("\u{9b}31m"), "\\u{9b}31m");
        assert_eq!(printable("x\u{202e}y"), "x\\u{202e}y");
        assert_eq!(printable_keeping("a\nb\u{1b}", Some('\n')), "a\nb\\u{1b}");
    }

    #[test]
    fn the_writer_escapes_what_passes_through() {
        let mut out = Vec::new();
        let mut w = Printable::new(&mut out);
        writeln!(w, "| C\u{1b}[2J |").unwrap();
        w.write_all(b"\xff\x1b\n").unwrap();
        assert_eq!(out, b"| C\\u{1b}[2J |\n\xff\\u{1b}\n");
    }
}
