//! `align score`: ingest → accumulate → score → render.

use crate::analysis::score::{self, ScoreOptions, Weighting};
use crate::cli::{ScoreArgs, WeightingArg};
use crate::error::Result;
use crate::report::{self, RenderOptions};

pub fn run(a: ScoreArgs) -> Result<u8> {
    crate::output::check_paths(
        &super::inputs(&a.input, &[]),
        &[("-o", a.output.output.as_deref())],
    )?;
    let inst = super::load_instrument(&a.input)?;
    let (acc, input) = super::accumulate(&inst, &a.input, a.output.quiet)?;
    let weighting = match a.weighting {
        WeightingArg::Respondent => Weighting::Respondent,
        WeightingArg::Role => Weighting::Role,
    };
    let model = score::build(
        &inst,
        &acc,
        input,
        ScoreOptions {
            weighting,
            anonymity: a.output.anonymity,
        },
    );
    super::warn_all(&model.warnings, a.output.quiet);
    let render = RenderOptions::for_stdout(a.by_role, a.output.output.is_some());
    report::write_output(a.output.output.as_deref(), |w| {
        report::render(&model, a.output.format, &render, w)
    })?;
    super::drop_later((acc, model));
    Ok(0)
}
