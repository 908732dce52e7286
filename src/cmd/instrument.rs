//! `align instrument`: show the instrument, or write it for editing.

use crate::cli::InstrumentArgs;
use crate::error::{Error, Result};
use crate::instrument::{self, Instrument};
use std::io::Write;

pub fn run(a: InstrumentArgs) -> Result<u8> {
    let inst = Instrument::load(a.instrument.as_deref())?;
    match &a.init {
        Some(path) => {
            if path.exists() && !a.force {
                return Err(Error::Usage(format!(
                    "{} already exists; pass --force to overwrite it",
                    path.display()
                )));
            }
            let json = if a.instrument.is_none() {
                instrument::DEFAULT_JSON.to_string()
            } else {
                inst.to_json_pretty() + "\n"
            };
            crate::report::write_output(Some(path), |w: &mut dyn Write| {
                w.write_all(json.as_bytes())
            })?;
            eprintln!(
                "wrote {}: edit it, then pass it with --instrument {}",
                path.display(),
                path.display()
            );
        }
        None => {
            crate::report::write_output(None, |w| instrument::write_summary(&inst, w))?;
        }
    }
    Ok(0)
}
