//! `align report`: ingest → accumulate (once) → outcomes (when there are
//! any) → the score, leaders, drivers and gaps models from the same pass → one
//! document (HTML, Markdown or the combined JSON).

use crate::analysis::report::{self, ReportOptions};
use crate::cli::ReportArgs;
use crate::error::Result;
use crate::render::{emit, DocOptions, Format};

pub fn run(a: ReportArgs) -> Result<u8> {
    super::check_outcome_paths(&a.input, &a.outcomes, &a.segments, &a.output)?;
    let (format, render) = a.output.resolve(Format::Html)?;
    let inst = super::load_instrument(&a.input)?;
    let (acc, input) = super::accumulate(&inst, &a.input, a.output.quiet)?;
    // An outcomes file is always read (and checked) when given.
    let outcomes = if a.outcomes.outcomes.is_some() || !inst.outcomes.is_empty() {
        Some(super::prepare_outcomes(
            &inst,
            &acc,
            &a.outcomes,
            a.scheme,
            a.output.anonymity,
        )?)
    } else {
        None
    };
    let mut model = report::build(
        &inst,
        &acc,
        input,
        outcomes.as_ref(),
        ReportOptions {
            weighting: a.weighting.into(),
            anonymity: a.output.anonymity,
            perceived_threshold: a.perceived_threshold,
            bootstrap: a.bootstrap as usize,
            seed: a.seed,
            threads: a.input.threads.map_or(0, usize::from),
        },
    );
    let segments = super::prepare_segments(
        &inst,
        &acc,
        &a.segments,
        outcomes.as_ref(),
        super::SegmentSettings {
            anonymity: a.output.anonymity,
            weighting: a.weighting.into(),
            perceived_threshold: a.perceived_threshold,
        },
    )?;
    model.segments = super::with_segment_warnings(segments, &mut model.warnings);
    super::warn_all(&model.warnings, a.output.quiet);
    emit(
        &model,
        format,
        &DocOptions::default(),
        &render,
        a.output.output.as_deref(),
    )?;
    let path = a.output.output.as_deref();
    let to_file = crate::output::target(path) != crate::output::Target::Stdout;
    if let (Some(path), false, true) = (path, a.output.quiet, to_file) {
        crate::terminal::eprint_line(
            "",
            &format!(
                "wrote {}: {} report of {}",
                path.display(),
                format.name(),
                crate::render::fmt::plural(
                    model.score.input.companies as u64,
                    "company",
                    "companies"
                )
            ),
        );
    }
    super::drop_later((acc, model));
    Ok(0)
}
