//! `align report`: ingest → accumulate (once) → outcomes (when there are
//! any) → the score, leaders and gaps models from the same pass → one
//! document (HTML, Markdown or the combined JSON).

use crate::analysis::report::{self, ReportOptions};
use crate::analysis::score::Weighting;
use crate::cli::{ReportArgs, ReportFormat, WeightingArg};
use crate::error::Result;
use crate::report as render;

pub fn run(a: ReportArgs) -> Result<u8> {
    crate::output::check_paths(
        &super::inputs(&a.input, &[("--outcomes", a.outcomes.outcomes.as_deref())]),
        &[("-o", a.output.as_deref())],
    )?;
    let inst = super::load_instrument(&a.input)?;
    let (acc, input) = super::accumulate(&inst, &a.input, a.quiet)?;
    // An outcomes file is always read (and checked) when given.
    let outcomes = if a.outcomes.outcomes.is_some() || !inst.outcomes.is_empty() {
        Some(super::prepare_outcomes(
            &inst,
            &acc,
            &a.outcomes,
            a.scheme,
            a.anonymity,
        )?)
    } else {
        None
    };
    let weighting = match a.weighting {
        WeightingArg::Respondent => Weighting::Respondent,
        WeightingArg::Role => Weighting::Role,
    };
    let model = report::build(
        &inst,
        &acc,
        input,
        outcomes.as_ref(),
        ReportOptions {
            weighting,
            anonymity: a.anonymity,
            perceived_threshold: a.perceived_threshold,
        },
    );
    super::warn_all(&model.warnings, a.quiet);
    let format = a.resolved_format();
    render::write_output(a.output.as_deref(), |w| match format {
        ReportFormat::Json => render::json::write(&model, w),
        ReportFormat::Html => render::html::report(&model, w),
        ReportFormat::Markdown => {
            render::markdown::report(&model, &mut crate::terminal::Printable::new(w))
        }
    })?;
    super::drop_later((acc, model));
    Ok(0)
}
