//! JSON: the report model serialized, pretty-printed. Every figure in a
//! model is an `Option<f64>` that is `None` unless finite, so the output is
//! strict JSON (no NaN or Infinity tokens).

use serde::Serialize;
use std::io::{self, Write};

pub fn write<T: Serialize>(model: &T, w: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, model).map_err(io::Error::from)?;
    writeln!(w)
}
