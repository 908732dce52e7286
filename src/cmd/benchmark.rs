//! `align benchmark`: load and check the norms → ingest → accumulate →
//! place every company against the norms → render.

use crate::analysis::benchmark;
use crate::analysis::norms::file as norms_file;
use crate::cli::BenchmarkArgs;
use crate::error::Result;
use crate::report::{self, RenderOptions};

pub fn run(a: BenchmarkArgs) -> Result<u8> {
    crate::output::check_paths(
        &super::inputs(&a.input, &[("--norms", Some(a.norms.as_path()))]),
        &[("-o", a.output.output.as_deref())],
    )?;
    let inst = super::load_instrument(&a.input)?;
    // The norms are checked first: a wrong file fails before a long read.
    let name = crate::ingest::sniff::display_name(&a.norms);
    let norms = norms_file::load(&a.norms)?;
    let warnings = norms_file::check_instrument(&norms, &inst, &name)?;
    let (acc, input) = super::accumulate(&inst, &a.input, a.output.quiet)?;
    let model = benchmark::build(
        &inst,
        &acc,
        input,
        &norms,
        &name,
        a.output.anonymity,
        warnings,
    );
    super::warn_all(&model.warnings, a.output.quiet);
    let render = RenderOptions::for_stdout(false, a.output.output.is_some());
    report::write_output(a.output.output.as_deref(), |w| {
        report::render(&model, a.output.format, &render, w)
    })?;
    super::drop_later((acc, model));
    Ok(0)
}
