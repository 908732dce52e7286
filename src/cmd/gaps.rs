//! `align gaps`: ingest → accumulate → outcomes (when there are any) →
//! perception vs reality and the sales–marketing disconnect → render.

use crate::analysis::gaps::{self, GapsOptions};
use crate::analysis::outcomes::Scheme;
use crate::cli::GapsArgs;
use crate::error::{Error, Result};
use crate::render::{self, DocOptions, Format};

pub fn run(a: GapsArgs) -> Result<u8> {
    super::check_outcome_paths(&a.input, &a.outcomes, &a.segments, &a.output)?;
    let (format, render) = a.output.resolve(Format::Table)?;
    let inst = super::load_instrument(&a.input)?;
    if let Some(why) = gaps::unavailable(&inst) {
        return Err(Error::Usage(why));
    }
    let (acc, input) = super::accumulate(&inst, &a.input, a.output.quiet)?;
    // Only the composites and their median are used; the scheme is irrelevant.
    // An outcomes file is always read (and checked) when given.
    let wanted =
        a.outcomes.outcomes.is_some() || (!inst.outcomes.is_empty() && !inst.perception.is_empty());
    let outcomes = if wanted {
        Some(super::prepare_outcomes(
            &inst,
            &acc,
            &a.outcomes,
            Scheme::Aberdeen,
            a.output.anonymity,
        )?)
    } else {
        None
    };
    let weighting = a.weighting.into();
    let mut model = gaps::build(
        &inst,
        &acc,
        input,
        outcomes.as_ref(),
        GapsOptions {
            weighting,
            anonymity: a.output.anonymity,
            perceived_threshold: a.perceived_threshold,
        },
    );
    let segments = super::prepare_segments(
        &inst,
        &acc,
        &a.segments,
        outcomes.as_ref(),
        super::SegmentSettings {
            anonymity: a.output.anonymity,
            weighting,
            perceived_threshold: a.perceived_threshold,
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
