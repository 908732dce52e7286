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
    if let Some(export) = &a.from_export {
        return from_export(export, &a);
    }
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
            crate::render::write_output(Some(path), |w: &mut dyn Write| {
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
            crate::render::write_output(None, |w| {
                instrument::write_summary(&inst, &mut crate::terminal::Printable::new(w))
            })?;
        }
    }
    Ok(0)
}

/// `--from-export`: draft an instrument from an export, print the mapping
/// and what needs a decision, write the draft.
fn from_export(export: &std::path::Path, a: &InstrumentArgs) -> Result<u8> {
    let out = a.output.as_deref();
    crate::output::check_paths(
        &[
            ("--from-export", Some(export)),
            ("--base", a.base.as_deref()),
        ],
        &[("-o", out)],
    )?;
    if let Some(path) = out {
        let target = crate::output::target(Some(path));
        if matches!(target, crate::output::Target::Atomic(_)) && path.exists() && !a.force {
            return Err(Error::Usage(format!(
                "{} already exists; pass --force to overwrite it",
                path.display()
            )));
        }
    }
    let base = Instrument::load(a.base.as_deref())?;
    let read = instrument::draft::read_export(export)?;
    let draft = instrument::draft::draft(read, &base);
    let Some(inst) = &draft.instrument else {
        for d in &draft.decisions {
            crate::terminal::eprint_line("  ", d);
        }
        return Err(Error::Format {
            file: draft.export.file.clone(),
            message: "no instrument could be drafted from this export (see above)".into(),
        });
    };
    let json = inst.to_json_pretty() + "\n";
    crate::render::write_output(out, |w: &mut dyn Write| w.write_all(json.as_bytes()))?;
    let mut table = draft.table();
    if let Some(path) =
        out.filter(|p| crate::output::target(Some(p)) != crate::output::Target::Stdout)
    {
        table.push_str(&format!("wrote {}\n", path.display()));
        crate::render::write_output(None, |w| {
            crate::terminal::Printable::new(w).write_all(table.as_bytes())
        })?;
    } else {
        // The draft went to standard output: the table goes beside the warnings.
        crate::terminal::eprint_line("", table.trim_end());
    }
    if !draft.decisions.is_empty() {
        crate::terminal::eprint_line(
            "",
            &format!(
                "{} to decide before scoring with it:",
                if draft.decisions.len() == 1 {
                    "1 thing".to_string()
                } else {
                    format!("{} things", draft.decisions.len())
                }
            ),
        );
        for d in &draft.decisions {
            crate::terminal::eprint_line("  - ", d);
        }
    }
    Ok(0)
}
