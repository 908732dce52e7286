//! `align generate`: a synthetic survey with a known planted structure.

use crate::cli::GenerateArgs;
use crate::error::Result;
use crate::generate::{self, GenerateOptions};
use crate::instrument::Instrument;

pub fn run(a: GenerateArgs) -> Result<u8> {
    crate::output::check_paths(
        &[("--instrument", a.instrument.as_deref())],
        &[
            ("-o", a.output.as_deref()),
            ("--outcomes", a.outcomes.as_deref()),
        ],
    )?;
    let inst = Instrument::load(a.instrument.as_deref())?;
    let opts = GenerateOptions {
        companies: a.companies,
        seed: a.seed,
        min_respondents: a.min_respondents,
        max_respondents: a.max_respondents,
        missing_rate: a.missing_rate,
        interleave: !a.grouped,
        outcomes_in_responses: a.outcomes.is_none(),
    };
    let mut summary = None;
    crate::render::write_output_with(a.output.as_deref(), |w| match &a.outcomes {
        Some(path) => crate::render::write_output_with(Some(path), |o| {
            summary = Some(generate::generate(&inst, &opts, w, Some(o))?);
            Ok(())
        }),
        None => {
            summary = Some(generate::generate(&inst, &opts, w, None)?);
            Ok(())
        }
    })?;
    // Standard output (`-o -`) needs no note of where the file went.
    let to_file = crate::output::target(a.output.as_deref()) != crate::output::Target::Stdout;
    if let (Some(s), Some(path), false, true) = (summary, &a.output, a.quiet, to_file) {
        let line = format!(
            "wrote {}: {} respondents in {} companies (synthetic)",
            path.display(),
            s.rows,
            s.companies
        );
        crate::terminal::eprint_line("", &line);
    }
    Ok(0)
}
