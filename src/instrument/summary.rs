//! A readable summary of an instrument, for `align instrument`.

use super::Instrument;
use std::io::Write;

/// Write a plain-text summary: scale, columns, dimensions with their items.
pub fn write_summary(inst: &Instrument, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{} (version {})", inst.name, inst.version)
}
