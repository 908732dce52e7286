//! `align score`: ingest → accumulate → score → render.

use crate::analysis::score::{self, ScoreOptions};
use crate::cli::ScoreArgs;
use crate::error::Result;
use crate::report::{self, DocOptions, Format};

pub fn run(a: ScoreArgs) -> Result<u8> {
    crate::output::check_paths(
        &super::inputs(&a.input, &[]),
        &[("-o", a.output.output.as_deref())],
    )?;
    let (format, render) = a.output.resolve(Format::Table)?;
    let inst = super::load_instrument(&a.input)?;
    let (acc, input) = super::accumulate(&inst, &a.input, a.output.quiet)?;
    let weighting = a.weighting.into();
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
    report::emit(
        &model,
        format,
        &DocOptions { by_role: a.by_role },
        &render,
        a.output.output.as_deref(),
    )?;
    super::drop_later((acc, model));
    Ok(0)
}
