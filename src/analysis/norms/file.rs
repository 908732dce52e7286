//! Reading and checking a norms file: every way a file can be unusable —
//! empty, not JSON, another format or version, a bad checksum, inconsistent
//! content, built with another instrument — is an [`Error::Format`] (exit 3)
//! naming the file and saying what is wrong and what to do.

use super::{
    fingerprint, Distribution, Norms, TierNorm, ALIGNMENT_INDEX, FORMAT, NORMS_VERSION,
    TIE_TOLERANCE,
};
use crate::error::{Error, Result};
use crate::instrument::Instrument;
use crate::stats;
use std::io::Read;
use std::path::Path;

const REBUILD: &str = "build norms with `align norms RESPONSES.csv -o norms.json`";

fn bad(file: &str, message: impl Into<String>) -> Error {
    Error::Format {
        file: file.to_string(),
        message: message.into(),
    }
}

/// Read and check a norms file (`-` reads standard input).
pub fn load(path: &Path) -> Result<Norms> {
    let name = crate::ingest::sniff::display_name(path);
    let mut text = String::new();
    let read = if path.as_os_str() == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_string(&mut text).map(|_| ()))
    };
    read.map_err(|e| match e.kind() {
        std::io::ErrorKind::InvalidData => bad(&name, "is not UTF-8 text, so not a norms file"),
        _ => Error::io(format!("failed to read norms {name}"), e),
    })?;
    from_json(&text, &name)
}

/// Parse and check the text of a norms file; `file` names it in messages.
pub fn from_json(text: &str, file: &str) -> Result<Norms> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(bad(file, format!("the norms file is empty; {REBUILD}")));
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        bad(
            file,
            format!("is not a norms file: not valid JSON ({e}); {REBUILD}"),
        )
    })?;
    let Some(obj) = value.as_object() else {
        return Err(bad(
            file,
            format!("is not a norms file: expected a JSON object; {REBUILD}"),
        ));
    };
    match obj.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        Some(other) => {
            return Err(bad(
                file,
                format!(
                    "is not a norms file: its format is \"{other}\", not \"{FORMAT}\"; {REBUILD}"
                ),
            ))
        }
        None => {
            let hint = match obj.get("command").and_then(|c| c.as_str()) {
                Some(c) => format!(" (it looks like the JSON output of `align {c}`)"),
                None => String::new(),
            };
            return Err(bad(
                file,
                format!("is not a norms file: it has no \"format\": \"{FORMAT}\"{hint}; {REBUILD}"),
            ));
        }
    }
    match obj.get("norms_version").and_then(|v| v.as_u64()) {
        Some(v) if v == NORMS_VERSION as u64 => {}
        Some(v) => {
            return Err(bad(
                file,
                format!("has norms_version {v}, which this align cannot read (it reads version {NORMS_VERSION}); rebuild the norms with this align: {REBUILD}"),
            ))
        }
        None => {
            return Err(bad(
                file,
                format!("has no valid \"norms_version\"; {REBUILD}"),
            ))
        }
    }
    let norms: Norms = serde_json::from_value(value)
        .map_err(|e| bad(file, format!("is not a valid norms file: {e}; {REBUILD}")))?;
    let actual = norms.content_checksum();
    if actual != norms.checksum {
        return Err(bad(
            file,
            format!(
                "the checksum does not match the content: the file was edited or damaged after `align norms` wrote it (stored {}, content {actual}); rebuild the norms rather than editing them",
                short(&norms.checksum)
            ),
        ));
    }
    check_content(&norms).map_err(|m| bad(file, format!("is inconsistent: {m}; {REBUILD}")))?;
    Ok(norms)
}

fn short(s: &str) -> String {
    if s.is_empty() {
        "(none)".into()
    } else {
        s.chars().take(19).collect::<String>() + "…"
    }
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= TIE_TOLERANCE * x.abs().max(y.abs()).max(1.0),
        _ => false,
    }
}

fn check_distribution(
    key: &str,
    d: &Distribution,
    companies: usize,
) -> std::result::Result<(), String> {
    if d.n != d.scores.len() {
        return Err(format!(
            "{key}: n is {} but {} scores are listed",
            d.n,
            d.scores.len()
        ));
    }
    if d.n > companies {
        return Err(format!("{key}: {} scores for {companies} companies", d.n));
    }
    if let Some(x) = d.scores.iter().find(|x| !(0.0..=100.0).contains(*x)) {
        return Err(format!("{key}: score {x} is outside 0–100"));
    }
    if d.scores.windows(2).any(|w| w[0] > w[1]) {
        return Err(format!("{key}: the scores are not in ascending order"));
    }
    let checks = [
        ("mean", d.mean, stats::mean(&d.scores)),
        ("sd", d.sd, stats::sample_sd(&d.scores)),
        ("median", d.median, stats::median(&d.scores)),
    ];
    for (what, stored, computed) in checks {
        if !close(stored, computed) {
            return Err(format!("{key}: the {what} does not match the scores"));
        }
    }
    Ok(())
}

fn check_figure(key: &str, x: Option<f64>, lo: f64, hi: f64) -> std::result::Result<(), String> {
    match x {
        Some(v) if !(lo..=hi).contains(&v) => Err(format!("{key}: {v} is outside {lo}–{hi}")),
        _ => Ok(()),
    }
}

/// The file's own consistency (no instrument needed).
fn check_content(n: &Norms) -> std::result::Result<(), String> {
    if n.companies == 0 {
        return Err("it holds no companies".into());
    }
    if !n.instrument.fingerprint.starts_with("sha256:") || n.instrument.fingerprint.len() != 71 {
        return Err("the instrument fingerprint is not sha256:<64 hex digits>".into());
    }
    if n.anonymity == 0 {
        return Err("anonymity is 0".into());
    }
    for (id, d) in n.dimensions.iter() {
        check_distribution(&format!("dimensions.{id}"), d, n.companies)?;
    }
    check_distribution(ALIGNMENT_INDEX, &n.alignment_index, n.companies)?;
    for (id, it) in n.items.iter() {
        if it.n > n.companies {
            return Err(format!(
                "items.{id}: n is {} for {} companies",
                it.n, n.companies
            ));
        }
        if (it.n == 0) != it.mean.is_none() {
            return Err(format!("items.{id}: n and mean disagree"));
        }
    }
    check_tiers("tiers", n.tiers.as_ref(), n.companies)?;
    if let Some(seg) = &n.segments {
        let mut total = 0;
        for g in &seg.groups {
            let key = format!("segments.{}", g.value);
            if (g.companies as u64) < seg.min_companies {
                return Err(format!(
                    "{key}: {} companies, fewer than min_companies {}",
                    g.companies, seg.min_companies
                ));
            }
            total += g.companies;
            for (id, d) in g.dimensions.iter() {
                check_distribution(&format!("{key}.dimensions.{id}"), d, g.companies)?;
            }
            check_distribution(
                &format!("{key}.{ALIGNMENT_INDEX}"),
                &g.alignment_index,
                g.companies,
            )?;
            if let Some((id, _)) = g.items.iter().find(|(_, it)| it.n > g.companies) {
                return Err(format!(
                    "{key}.items.{id}: n exceeds the segment's companies"
                ));
            }
            check_tiers(&format!("{key}.tiers"), g.tiers.as_ref(), g.companies)?;
        }
        if total > n.companies {
            return Err(format!(
                "segments: {total} companies in segments, {} in the norms",
                n.companies
            ));
        }
    }
    Ok(())
}

/// Tier counts add up to `companies`; tier means lie within 0–100.
fn check_tiers(
    key: &str,
    tiers: Option<&super::Tiers>,
    companies: usize,
) -> std::result::Result<(), String> {
    if let Some(t) = tiers {
        let total = t.leader.n + t.average.n + t.laggard.n + t.unclassified;
        if total != companies {
            return Err(format!(
                "{key}: {total} companies in tiers and unclassified, {companies} in the norms"
            ));
        }
        for (name, tier) in [
            ("leader", &t.leader),
            ("average", &t.average),
            ("laggard", &t.laggard),
        ] {
            for (id, x) in tier.dimensions.iter() {
                check_figure(&format!("{key}.{name}.dimensions.{id}"), *x, 0.0, 100.0)?;
            }
        }
    }
    Ok(())
}

/// Check that the norms were built with `inst` (by fingerprint) and that
/// their keys are the instrument's. Returns warnings (e.g. another name or
/// version with the same fingerprint).
pub fn check_instrument(n: &Norms, inst: &Instrument, file: &str) -> Result<Vec<String>> {
    let warnings = check_fingerprint(n, inst, file)?;
    check_keys(n, inst, file)?;
    let lo = inst.scale.min as f64;
    let hi = inst.scale.max as f64;
    for (key, x) in item_means(n) {
        check_figure(&key, x, lo, hi).map_err(|m| {
            bad(
                file,
                format!("is inconsistent: {m} (the instrument's scale); {REBUILD}"),
            )
        })?;
    }
    Ok(warnings)
}

/// The fingerprint check: an error when the norms were built with an
/// instrument whose scale, dimensions or items differ from `inst`; a warning
/// when only its name or version differ.
fn check_fingerprint(n: &Norms, inst: &Instrument, file: &str) -> Result<Vec<String>> {
    let mut warnings = Vec::new();
    let ours = fingerprint(inst);
    let built = &n.instrument;
    if ours != built.fingerprint {
        let what = if built.name == inst.name && built.version == inst.version {
            format!(
                "the instrument in use has the same name and version but a different scale, dimensions or items ({} vs {})",
                short(&ours),
                short(&built.fingerprint)
            )
        } else {
            format!(
                "the responses are being read with instrument \"{}\" version {}, whose scale, dimensions or items differ",
                inst.name, inst.version
            )
        };
        return Err(bad(
            file,
            format!(
                "these norms were built with instrument \"{}\" version {}, but {what}; pass the instrument the norms were built with: --instrument FILE",
                built.name, built.version
            ),
        ));
    }
    if built.name != inst.name || built.version != inst.version {
        warnings.push(format!(
            "{file} was built with instrument \"{}\" version {}; the responses are read with \"{}\" version {}, which has the same scale, dimensions and items",
            built.name, built.version, inst.name, inst.version
        ));
    }
    Ok(warnings)
}

/// Whether `have` and `want` hold the same keys, in any order.
fn same_keys(have: Vec<&str>, want: &[&str]) -> bool {
    let mut a = have;
    let mut b = want.to_vec();
    a.sort_unstable();
    b.sort_unstable();
    a == b
}

/// Check that the dimension and item keys of the norms, their tiers and
/// their segment groups are the instrument's (tiers also carry the
/// alignment index); a mismatch despite equal fingerprints means the file
/// was edited.
fn check_keys(n: &Norms, inst: &Instrument, file: &str) -> Result<()> {
    let mismatch = |what: &str| {
        bad(
            file,
            format!("is inconsistent: its {what} are not the instrument's although the fingerprints match; {REBUILD}"),
        )
    };
    let dim_ids: Vec<&str> = inst.dimensions.iter().map(|d| d.id.as_str()).collect();
    let item_ids: Vec<&str> = inst.items.iter().map(|i| i.id.as_str()).collect();
    if !same_keys(n.dimensions.iter().map(|(k, _)| k).collect(), &dim_ids) {
        return Err(mismatch("dimensions"));
    }
    if !same_keys(n.items.iter().map(|(k, _)| k).collect(), &item_ids) {
        return Err(mismatch("items"));
    }
    let mut dims_ai = dim_ids.clone();
    dims_ai.push(ALIGNMENT_INDEX);
    let check_tier = |t: &TierNorm| {
        same_keys(t.dimensions.iter().map(|(k, _)| k).collect(), &dims_ai)
            && same_keys(t.items.iter().map(|(k, _)| k).collect(), &item_ids)
    };
    if let Some(t) = &n.tiers {
        if ![&t.leader, &t.average, &t.laggard]
            .into_iter()
            .all(check_tier)
        {
            return Err(mismatch("tier dimensions or items"));
        }
    }
    for g in n.segments.iter().flat_map(|s| &s.groups) {
        let tiers_ok = g.tiers.as_ref().is_none_or(|t| {
            [&t.leader, &t.average, &t.laggard]
                .into_iter()
                .all(check_tier)
        });
        if !same_keys(g.dimensions.iter().map(|(k, _)| k).collect(), &dim_ids)
            || !same_keys(g.items.iter().map(|(k, _)| k).collect(), &item_ids)
            || !tiers_ok
        {
            return Err(mismatch("segment dimensions or items"));
        }
    }
    Ok(())
}

/// Every item mean in the norms (overall, per tier, per segment group),
/// keyed by its path in the file, in file order.
fn item_means(n: &Norms) -> Vec<(String, Option<f64>)> {
    let mut item_means: Vec<(String, Option<f64>)> = n
        .items
        .iter()
        .map(|(k, v)| (format!("items.{k}"), v.mean))
        .collect();
    if let Some(t) = &n.tiers {
        for (name, tier) in [
            ("leader", &t.leader),
            ("average", &t.average),
            ("laggard", &t.laggard),
        ] {
            item_means.extend(
                tier.items
                    .iter()
                    .map(|(k, v)| (format!("tiers.{name}.items.{k}"), *v)),
            );
        }
    }
    for g in n.segments.iter().flat_map(|s| &s.groups) {
        item_means.extend(
            g.items
                .iter()
                .map(|(k, v)| (format!("segments.{}.items.{k}", g.value), v.mean)),
        );
    }
    item_means
}
