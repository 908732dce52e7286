//! `align benchmark`: load and check the norms → ingest → accumulate →
//! place every company against the norms → render.

use crate::analysis::benchmark;
use crate::analysis::norms::file as norms_file;
use crate::cli::BenchmarkArgs;
use crate::error::Result;
use crate::render::{self, DocOptions, Format};

pub fn run(a: BenchmarkArgs) -> Result<u8> {
    crate::output::check_paths(
        &super::inputs(
            &a.input,
            &[
                ("--norms", Some(a.norms.as_path())),
                ("--companies", a.companies.as_deref()),
            ],
        ),
        &[("-o", a.output.output.as_deref())],
    )?;
    let (format, render) = a.output.resolve(Format::Table)?;
    let inst = super::load_instrument(&a.input)?;
    // The norms are checked first: a wrong file fails before a long read.
    let name = crate::ingest::sniff::display_name(&a.norms);
    let norms = norms_file::load(&a.norms)?;
    let warnings = norms_file::check_instrument(&norms, &inst, &name)?;
    if let Some(e) = a
        .peer
        .as_deref()
        .and_then(|p| benchmark::peer_attribute_error(&norms, &name, p))
    {
        return Err(crate::error::Error::Usage(e));
    }
    let (acc, input) = super::accumulate(&inst, &a.input, a.output.quiet)?;
    let attribute = super::company_attribute(
        &inst,
        &acc,
        a.companies.as_deref(),
        a.companies_key.as_deref(),
        a.peer.as_deref(),
        a.output.anonymity,
    )?;
    let model = benchmark::build_with_peers(
        &inst,
        &acc,
        input,
        &norms,
        &name,
        a.output.anonymity,
        warnings,
        attribute
            .as_ref()
            .map(|attribute| benchmark::Peers { attribute }),
    );
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
