//! `align gaps`: ingest → accumulate → outcomes (when there are any) →
//! perception vs reality and the sales–marketing disconnect → render.

use crate::analysis::gaps::{self, GapsOptions};
use crate::analysis::outcomes::Scheme;
use crate::analysis::score::Weighting;
use crate::cli::{GapsArgs, WeightingArg};
use crate::error::{Error, Result};
use crate::report::{self, RenderOptions};

pub fn run(a: GapsArgs) -> Result<u8> {
    crate::output::check_paths(
        &super::inputs(&a.input, &[("--outcomes", a.outcomes.outcomes.as_deref())]),
        &[("-o", a.output.output.as_deref())],
    )?;
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
    let weighting = match a.weighting {
        WeightingArg::Respondent => Weighting::Respondent,
        WeightingArg::Role => Weighting::Role,
    };
    let model = gaps::build(
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
    super::warn_all(&model.warnings, a.output.quiet);
    let render = RenderOptions::for_stdout(false, a.output.output.is_some());
    report::write_output(a.output.output.as_deref(), |w| {
        report::render(&model, a.output.format, &render, w)
    })?;
    super::drop_later((acc, model));
    Ok(0)
}
