//! `align drivers`: ingest → accumulate → outcomes (composite, tiers) →
//! key-driver models with bootstrap intervals → render.

use crate::analysis::drivers::{self, DriversOptions};
use crate::cli::DriversArgs;
use crate::error::Result;
use crate::render::{self, DocOptions, Format};

pub fn run(a: DriversArgs) -> Result<u8> {
    super::check_outcome_paths(&a.input, &a.outcomes, &a.segments, &a.output)?;
    let (format, render) = a.output.resolve(Format::Table)?;
    let inst = super::load_instrument(&a.input)?;
    let (acc, input) = super::accumulate(&inst, &a.input, a.output.quiet)?;
    let outcomes = super::prepare_outcomes(&inst, &acc, &a.outcomes, a.scheme, a.output.anonymity)?;
    if outcomes
        .companies
        .iter()
        .all(|c| c.values.iter().all(|v| v.is_none()))
    {
        super::warn_all(&outcomes.warnings, a.output.quiet);
        let cols: Vec<String> = inst
            .outcomes
            .iter()
            .map(|o| format!("\"{}\"", o.column))
            .collect();
        return Err(crate::error::Error::Usage(format!(
            "no shown company has any outcome value, so there is nothing to explain; put the outcome columns ({}) in the responses, or give one row per company with --outcomes FILE",
            cols.join(", ")
        )));
    }
    let opts = DriversOptions {
        weighting: a.weighting.into(),
        anonymity: a.output.anonymity,
        bootstrap: a.bootstrap as usize,
        seed: a.seed,
        threads: a.input.threads.map_or(0, usize::from),
    };
    let mut model = drivers::build(&inst, &acc, input, &outcomes, opts);
    let segments = super::prepare_segments(
        &inst,
        &acc,
        &a.segments,
        Some(&outcomes),
        super::SegmentSettings {
            anonymity: a.output.anonymity,
            weighting: opts.weighting,
            perceived_threshold: crate::analysis::gaps::GapsOptions::default().perceived_threshold,
        },
    )?;
    model.segments = super::with_segment_warnings(segments, &mut model.warnings);
    super::warn_all(&model.warnings, a.output.quiet);
    render::emit(
        &model,
        format,
        &DocOptions { by_role: false },
        &render,
        a.output.output.as_deref(),
    )?;
    super::drop_later((acc, model));
    Ok(0)
}
