//! JSON: the report model serialized, pretty-printed. Every figure in a
//! model is an `Option<f64>` that is `None` unless finite, so the output is
//! strict JSON (no NaN or Infinity tokens).

use serde::Serialize;
use serde_json::ser::Formatter;
use std::io::{self, BufWriter, Write};

pub fn write<T: Serialize>(model: &T, w: &mut dyn Write) -> io::Result<()> {
    // The serializer emits many tiny writes; a buffer of a concrete type
    // takes them without a dynamic call each.
    let mut buf = BufWriter::with_capacity(64 * 1024, w);
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, Pretty::default());
    model.serialize(&mut ser).map_err(io::Error::from)?;
    buf.write_all(b"\n")?;
    buf.flush()
}

/// The output of `serde_json`'s `PrettyFormatter` (two-space indent), with
/// each line break and its indentation written at once.
#[derive(Default)]
struct Pretty {
    depth: usize,
    has_value: bool,
}

/// `,` and a line break followed by the deepest indentation written at once.
const BREAK: [u8; 2 + 2 * 32] = {
    let mut b = [b' '; 2 + 2 * 32];
    b[0] = b',';
    b[1] = b'\n';
    b
};

impl Pretty {
    /// A line break (after a comma unless `first`) and the current indentation.
    fn new_line<W: ?Sized + Write>(&self, w: &mut W, first: bool) -> io::Result<()> {
        let start = if first { 1 } else { 0 };
        let width = 2 * self.depth;
        match BREAK.get(start..2 + width) {
            Some(line) => w.write_all(line),
            None => {
                w.write_all(&BREAK[start..2])?;
                for _ in 0..self.depth {
                    w.write_all(b"  ")?;
                }
                Ok(())
            }
        }
    }

    fn end<W: ?Sized + Write>(&mut self, w: &mut W, close: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(w, true)?;
        }
        w.write_all(close)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.end(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.new_line(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.end(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.new_line(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Same bytes as `serde_json::to_writer_pretty`, nesting deeper than
    /// the indentation written at once included.
    #[test]
    fn matches_serde_json_pretty() {
        let mut deep = serde_json::json!([]);
        for i in 0..40 {
            deep = serde_json::json!({ "level": i, "empty": {}, "none": [], "next": [deep, 1.5, null] });
        }
        let value = serde_json::json!({ "a": [1, 2, {"b": "c\n\"d\""}], "deep": deep, "e": [] });
        let mut ours = Vec::new();
        write(&value, &mut ours).unwrap();
        let mut theirs = serde_json::to_vec_pretty(&value).unwrap();
        theirs.push(b'\n');
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            String::from_utf8(theirs).unwrap()
        );
    }
}
