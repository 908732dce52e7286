//! `align instrument`: show the instrument, or write it for editing.

use crate::cli::InstrumentArgs;
use crate::error::{Error, Result};
use crate::instrument::{self, Instrument};
use std::io::Write;

pub fn run(a: InstrumentArgs) -> Result<u8> {
    crate::output::check_paths(
        &[("--instrument", a.instrument.as_deref())],
        &[("--init", a.init.as_deref())],
    )?;
    let inst = Instrument::load(a.instrument.as_deref())?;
    match &a.init {
        Some(path) => {
            // `-` is standard output; a pipe or a device is not overwritten.
            let target = crate::output::target(Some(path));
            let replaces = matches!(target, crate::output::Target::Atomic(_)) && path.exists();
            if replaces && !a.force {
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
            if target == crate::output::Target::Stdout {
                return Ok(0);
            }
            let line = format!(
                "wrote {}: edit it, then pass it with --instrument {}",
                path.display(),
                path.display()
            );
            crate::terminal::eprint_line("", &line);
        }
        None => {
            crate::report::write_output(None, |w| {
                instrument::write_summary(&inst, &mut crate::terminal::Printable::new(w))
            })?;
        }
    }
    Ok(0)
}
