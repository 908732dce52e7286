//! `align validate`: one pass over a responses file listing every problem.

use crate::accumulate::Accumulator;
use crate::cli::ValidateArgs;
use crate::error::Result;
use crate::ingest::{self, IngestOptions};
use std::io::Write;

pub fn run(a: ValidateArgs) -> Result<u8> {
    crate::output::check_paths(&super::inputs(&a.input, &[]), &[])?;
    let inst = super::load_instrument(&a.input)?;
    // The accumulator applies the scoring rules for exclusions (too few
    // answers), so that `validate` and `score` agree on what is excluded.
    let mut acc = Accumulator::new(&inst);
    let opts = IngestOptions {
        skip_invalid: a.input.skip_invalid,
        keep_all_problems: true,
        progress: !a.quiet,
        threads: a.input.threads.map_or(0, usize::from),
        ..Default::default()
    };
    let got = ingest::read_responses(&a.input.responses, &inst, opts, &mut acc)?;
    let r = &got.report;
    let plural = |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    // The listing is text for a terminal: values from the file are escaped.
    let written = crate::render::write_output(None, |w: &mut dyn Write| {
        let w = &mut crate::terminal::Printable::new(w);
        if !a.quiet {
            for p in &got.problems {
                writeln!(w, "{}: {p}", r.file)?;
            }
            for e in &r.exclusions {
                writeln!(w, "{}: line {}: excluded: {}", r.file, e.line, e.reason)?;
            }
        }
        writeln!(
            w,
            "{}: {} read, {} valid, {} with problems ({}), {}; {}",
            r.file,
            plural(r.rows_read, "row", "rows"),
            r.rows_scored,
            got.rows_invalid,
            plural(got.problem_count as u64, "problem", "problems"),
            plural(r.rows_excluded, "row excluded", "rows excluded"),
            plural(acc.companies.len() as u64, "company", "companies"),
        )
    });
    // A reader that stopped early (`| head`) does not change the verdict:
    // an invalid file still exits 3.
    match written {
        Err(e) if e.is_broken_pipe() => {}
        other => other?,
    }
    if !a.quiet {
        let style = crate::render::Style::detect_stderr();
        for w in crate::ingest::aliases::variant_warnings(&acc.ids) {
            crate::terminal::eprint_line(style.warning_prefix(), &w);
        }
    }
    if got.problem_count == 0 {
        if let Some(message) = super::nothing_scored(r) {
            crate::terminal::eprint_line("error: ", &format!("{}: {message}", r.file));
            return Ok(3);
        }
    }
    Ok(if got.problem_count > 0 { 3 } else { 0 })
}
