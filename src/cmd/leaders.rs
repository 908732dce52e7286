//! `align leaders`: ingest → accumulate → outcomes (composite, tiers) →
//! leaders vs laggards → render.

use crate::analysis::leaders::{self, LeadersOptions};
use crate::analysis::outcomes::NothingVaries;
use crate::cli::LeadersArgs;
use crate::error::Result;
use crate::render::{self, DocOptions, Format};

pub fn run(a: LeadersArgs) -> Result<u8> {
    super::check_outcome_paths(&a.input, &a.outcomes, &a.segments, &a.output)?;
    let (format, render) = a.output.resolve(Format::Table)?;
    let inst = super::load_instrument(&a.input)?;
    let (acc, input) = super::accumulate(&inst, &a.input, a.output.quiet)?;
    // When no outcome varies, companies are tied rather than unclassified,
    // so the report can say so (with null comparisons) instead of failing.
    let outcomes = super::prepare_outcomes_with(
        &inst,
        &acc,
        &a.outcomes,
        a.scheme,
        NothingVaries::TieEveryone,
        a.output.anonymity,
    )?;
    let weighting = a.weighting.into();
    let opts = LeadersOptions {
        weighting,
        anonymity: a.output.anonymity,
    };
    let mut model = match leaders::build(&inst, &acc, input, &outcomes, opts) {
        Ok(m) => m,
        Err(e) => {
            // The outcome warnings say why nobody could be classified.
            super::warn_all(&outcomes.warnings, a.output.quiet);
            return Err(e);
        }
    };
    let segments = super::prepare_segments(
        &inst,
        &acc,
        &a.segments,
        Some(&outcomes),
        super::SegmentSettings {
            anonymity: a.output.anonymity,
            weighting,
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
