//! JSON: the report model serialized, pretty-printed. Every figure in a
//! model is an `Option<f64>` that is `None` unless finite, so the output is
//! strict JSON (no NaN or Infinity tokens).

mod company;

use crate::analysis::score::{
    Aggregation, CompanyScore, DimensionInfo, Hidden, InputSummary, ItemScore, Reliability,
    ScoreReport, ScoreStream, Settings,
};
use crate::analysis::{InstrumentRef, OrderedMap};
use serde::Serialize;
use serde_json::ser::Formatter;
use std::io::{self, BufWriter, Write};

/// Write `model` as pretty-printed JSON (two-space indent) with a final line break.
pub fn write<T: Serialize + ?Sized>(model: &T, w: &mut dyn Write) -> io::Result<()> {
    // The serializer emits many tiny writes; a buffer of a concrete type
    // takes them without a dynamic call each.
    let mut buf = BufWriter::with_capacity(64 * 1024, w);
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, Pretty::default());
    model.serialize(&mut ser).map_err(io::Error::from)?;
    buf.write_all(b"\n")?;
    buf.flush()
}

/// The `score` report: as [`write()`] would write it, with the companies
/// (most of the output) serialized in chunks on two threads and spliced in.
pub fn write_score(model: &ScoreReport, w: &mut dyn Write) -> io::Result<()> {
    let companies = &model.companies;
    write_score_with(model, companies.len(), w, |range, out| {
        write_items(
            range.start,
            &companies[range],
            1,
            out,
            company::write_company,
        )
    })
}

/// A `score` report whose companies are made as they are written: as
/// [`write_score`] writes the whole report, with each chunk of companies
/// made, written and dropped in turn.
pub fn write_score_stream(model: &ScoreStream, w: &mut dyn Write) -> io::Result<()> {
    let rows = model.rows();
    write_score_with(&model.report, rows.len(), w, |range, out| {
        let made = rows.make(range.clone());
        write_items(range.start, &made, 1, out, company::write_company)
    })
}

/// The report's frame with `n` companies spliced in, `chunk` writing those
/// of a range of places (with their line breaks) into a buffer.
fn write_score_with(
    model: &ScoreReport,
    n: usize,
    w: &mut dyn Write,
    chunk: impl Fn(std::ops::Range<usize>, &mut Vec<u8>) -> io::Result<()> + Sync,
) -> io::Result<()> {
    /// [`ScoreReport`] field for field, the companies left out.
    #[derive(Serialize)]
    struct Frame<'a> {
        schema_version: u32,
        command: &'static str,
        instrument: &'a InstrumentRef,
        input: &'a InputSummary,
        settings: &'a Settings,
        dimensions: &'a [DimensionInfo],
        reliability: &'a OrderedMap<Reliability>,
        aggregation: &'a OrderedMap<Aggregation>,
        companies: &'a [CompanyScore],
        items: &'a [ItemScore],
        #[serde(skip_serializing_if = "Option::is_none")]
        segments: Option<&'a crate::analysis::segments::Segments>,
        hidden: &'a Hidden,
        warnings: &'a [String],
    }
    let frame = Frame {
        schema_version: model.schema_version,
        command: model.command,
        instrument: &model.instrument,
        input: &model.input,
        settings: &model.settings,
        dimensions: &model.dimensions,
        reliability: &model.reliability,
        aggregation: &model.aggregation,
        companies: &[],
        items: &model.items,
        segments: model.segments.as_ref(),
        hidden: &model.hidden,
        warnings: &model.warnings,
    };
    let mut head = Vec::new();
    write(&frame, &mut head)?;
    // The empty array of the top-level key: its `[` and `]`.
    let marker = b"\n  \"companies\": []";
    let Some(at) = head.windows(marker.len()).position(|m| m == marker) else {
        // Not reached: the frame always has the key.
        return Err(io::Error::other(
            "the score report's frame has no companies key",
        ));
    };
    let split = at + marker.len() - 1;
    w.write_all(&head[..split])?;
    write_chunks(n, 1, w, chunk)?;
    w.write_all(&head[split..])
}

/// Write `items`, the elements at places `from..` of an array whose `[` is
/// at nesting `depth`, each after its line break, as `serde_json` with a
/// [`Pretty`] would; `write_item` writes one element at a given nesting.
fn write_items<T>(
    from: usize,
    items: &[T],
    depth: usize,
    out: &mut Vec<u8>,
    write_item: impl Fn(&T, usize, &mut Vec<u8>) -> io::Result<()>,
) -> io::Result<()> {
    let at = Pretty {
        depth: depth + 1,
        has_value: false,
    };
    for (i, item) in items.iter().enumerate() {
        at.new_line(out, from + i == 0)?;
        write_item(item, depth + 1, out)?;
    }
    Ok(())
}

/// Elements serialized per chunk of [`write_chunks`].
const CHUNK: usize = 256;

/// Write the bytes between `[` and `]` of `items` as a pretty array whose
/// `[` is at nesting `depth` ([`write_chunks`]). `write_item` writes one
/// element as `serde_json` with a [`Pretty`] at the given nesting would.
#[cfg(test)]
fn write_array_body<T: Sync>(
    items: &[T],
    depth: usize,
    w: &mut dyn Write,
    write_item: impl Fn(&T, usize, &mut Vec<u8>) -> io::Result<()> + Sync,
) -> io::Result<()> {
    write_chunks(items.len(), depth, w, |range, out| {
        write_items(range.start, &items[range], depth, out, &write_item)
    })
}

/// Write the bytes between `[` and `]` of an array of `n` elements whose
/// `[` is at nesting `depth`; `write_range` writes the elements at a range
/// of places, each after its line break, into a buffer. Long arrays are
/// written in chunks on two threads by turns: this one makes and writes
/// the even chunks, a second makes the odd ones into buffers that this one
/// writes in their place and hands back for reuse. So the output is written
/// while it is made, and memory stays a few chunks however long the array.
fn write_chunks(
    n: usize,
    depth: usize,
    w: &mut dyn Write,
    write_range: impl Fn(std::ops::Range<usize>, &mut Vec<u8>) -> io::Result<()> + Sync,
) -> io::Result<()> {
    let at = |depth: usize| Pretty {
        depth,
        has_value: false,
    };
    let chunk = |k: usize, out: &mut Vec<u8>| -> io::Result<()> {
        out.clear();
        let from = k * CHUNK;
        write_range(from..(from + CHUNK).min(n), out)
    };
    let chunks = n.div_ceil(CHUNK);
    std::thread::scope(|scope| -> io::Result<()> {
        // The second thread's chunks, and its buffers coming back.
        let (full, from_other) = std::sync::mpsc::sync_channel::<io::Result<Vec<u8>>>(2);
        let (give_back, reuse) = std::sync::mpsc::channel::<Vec<u8>>();
        let other = (chunks >= 2)
            .then(|| {
                std::thread::Builder::new().spawn_scoped(scope, move || {
                    for k in (1..chunks).step_by(2) {
                        let mut out = reuse.try_recv().unwrap_or_default();
                        let r = chunk(k, &mut out).map(|()| out);
                        // This end hangs up when the output fails.
                        if full.send(r).is_err() {
                            break;
                        }
                    }
                })
            })
            .and_then(|h| h.ok());
        let mut mine = Vec::new();
        for k in 0..chunks {
            if k % 2 == 1 && other.is_some() {
                let got = from_other
                    .recv()
                    .map_err(|_| io::Error::other("the thread serializing the output stopped"))??;
                w.write_all(&got)?;
                let _ = give_back.send(got);
            } else {
                chunk(k, &mut mine)?;
                w.write_all(&mine)?;
            }
        }
        Ok(())
    })?;
    if n > 0 {
        at(depth).new_line(w, true)?;
    }
    Ok(())
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

    /// Serialize `item` with a [`Pretty`] at nesting `depth`.
    fn serialize_item<T: Serialize>(item: &T, depth: usize, out: &mut Vec<u8>) -> io::Result<()> {
        let pretty = Pretty {
            depth,
            has_value: false,
        };
        let mut ser = serde_json::Serializer::with_formatter(out, pretty);
        item.serialize(&mut ser).map_err(io::Error::from)
    }

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

    /// Arrays serialized in chunks, spliced into a frame: the same bytes.
    #[test]
    fn arrays_in_chunks_match_one_pass() {
        for n in [
            0usize,
            1,
            CHUNK - 1,
            CHUNK,
            CHUNK + 1,
            2 * CHUNK,
            5 * CHUNK + 7,
        ] {
            let items: Vec<serde_json::Value> = (0..n)
                .map(|i| serde_json::json!({ "id": i, "v": [i as f64 / 3.0, null], "o": {} }))
                .collect();
            let value = serde_json::json!({ "before": 1, "list": items, "after": [] });
            let mut whole = Vec::new();
            write(&value, &mut whole).unwrap();
            let frame = serde_json::json!({ "before": 1, "list": [], "after": [] });
            let mut head = Vec::new();
            write(&frame, &mut head).unwrap();
            let marker = b"\"list\": []";
            let at = head
                .windows(marker.len())
                .position(|m| m == marker)
                .unwrap();
            let split = at + marker.len() - 1;
            let mut spliced = head[..split].to_vec();
            write_array_body(&items, 1, &mut spliced, serialize_item).unwrap();
            spliced.extend_from_slice(&head[split..]);
            assert_eq!(
                String::from_utf8(spliced).unwrap(),
                String::from_utf8(whole).unwrap(),
                "{n}"
            );
        }
    }

    #[test]
    fn score_report_written_in_chunks_matches_one_pass() {
        let (inst, acc, input) = crate::generate::read_generated(1100, 9);
        let stream = crate::analysis::score::stream(&inst, &acc, input, Default::default());
        let model = stream.to_report();
        assert!(model.companies.len() >= 1024);
        // Both kinds of row, so the order of places is exercised.
        assert!(model.companies.iter().any(|c| c.suppressed));
        assert!(model.companies.iter().any(|c| !c.suppressed));
        let (mut chunked, mut whole) = (Vec::new(), Vec::new());
        write_score(&model, &mut chunked).unwrap();
        write(&model, &mut whole).unwrap();
        assert!(chunked == whole);
        // The streamed model: made chunk by chunk, or serialized whole.
        let (mut streamed, mut serialized) = (Vec::new(), Vec::new());
        write_score_stream(&stream, &mut streamed).unwrap();
        write(&stream, &mut serialized).unwrap();
        assert!(streamed == whole);
        assert!(serialized == whole);
    }

    /// A writer that fails once `left` bytes are written.
    struct FailsAfter {
        left: usize,
    }

    impl Write for FailsAfter {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.left == 0 {
                return Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"));
            }
            let n = buf.len().min(self.left);
            self.left -= n;
            Ok(n)
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// An output that fails midway fails the write (the second thread
    /// stops; nothing hangs), whichever chunk it fails in.
    #[test]
    fn a_failing_output_stops_both_threads() {
        let items: Vec<serde_json::Value> = (0..20 * CHUNK)
            .map(|i| serde_json::json!({ "id": i }))
            .collect();
        for left in [0, 10, 5_000, 50_000, 90_000] {
            let mut w = FailsAfter { left };
            let e = write_array_body(&items, 1, &mut w, serialize_item).unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::BrokenPipe, "{left}");
        }
    }
}
