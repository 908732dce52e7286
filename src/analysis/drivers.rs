//! `align drivers`: key-driver analysis (docs/methods.md#key-drivers; JSON
//! keys docs/formats.md#drivers-json). Which alignment dimensions and
//! practices move each outcome and the outcome composite, how sure that is
//! (bootstrap intervals, `drivers/bootstrap.rs`), and which practices to fix
//! first (importance × performance).
//!
//! Decisions where the definitions leave room:
//! - the unit is the shown company. Dimension values are company scores
//!   (0–100 index, `--weighting`), item values company means of the
//!   reverse-coded answers on the answer scale (as in `leaders`); a score
//!   or item mean of fewer respondents than `--anonymity` is not shown, so
//!   that company is not a complete case of a model that needs it;
//! - an outcome target is the company value with the sign flipped for
//!   `lower_is_better`; the composite target is the company's composite;
//! - each model (dimension or item level, per target) uses its own
//!   complete cases, and its bootstrap resamples those cases;
//! - an item that does not vary over a model's complete cases is left out
//!   of that model (its weight and share are null) with a warning;
//! - performance of an item = the mean, over the shown companies with a
//!   value, of the company item index `100·(mean − min)/(max − min)`;
//! - quadrants use the items with both an importance (share for the
//!   composite) and a performance; their medians split them, "above"
//!   meaning strictly above; without a composite item model there are no
//!   quadrants and no items to fix first (with a warning);
//! - privacy (docs/methods.md, "Disclosure control"): a hidden company has
//!   no value in any model, resample, performance or tier figure.

mod bootstrap;
mod model;
mod quadrants;

pub use bootstrap::{intervals, thread_count, Intervals, LEVEL, PERCENTILE};
pub use model::*;

use quadrants::{performance, quadrants, summary};

use super::leaders::{outcomes_by_tier, OutcomeInfo, Tiers};
use super::outcomes::Outcomes;
use super::score::{company_group_means, Hidden, InputSummary, Scale};
use super::{finite, InstrumentRef, SCHEMA_VERSION};
use crate::accumulate::Accumulator;
use crate::disclosure::Disclosure;
use crate::ingest::InputReport;
use crate::instrument::{Direction, Instrument};
use crate::stats::regression::{ols_from, Correlations, Unfit};
use crate::stats::relimp::{lmg_from, relative_weights_from};

/// The company values every model draws on, indexed [company][variable];
/// `None` for a hidden company or a value not shown.
struct Values {
    dims: Vec<Vec<Option<f64>>>,
    /// Items in dimension order (the order of `Plan::groups`).
    items: Vec<Vec<Option<f64>>>,
    /// Instrument item index of each item column.
    item_cols: Vec<usize>,
    /// Company indexes by company id: the order of every model's cases, so
    /// the bootstrap draws the same companies whatever the order of the
    /// rows in the file.
    order: Vec<usize>,
}

fn values(inst: &Instrument, acc: &Accumulator, vis: &Disclosure, opts: &DriversOptions) -> Values {
    let plan = &acc.plan;
    let scale = Scale::new(inst);
    let item_cols: Vec<usize> = plan.groups[..plan.n_dims]
        .iter()
        .flatten()
        .copied()
        .collect();
    let mut dims = Vec::with_capacity(acc.companies.len());
    let mut items = Vec::with_capacity(acc.companies.len());
    for (i, c) in acc.companies.iter().enumerate() {
        if !vis.shown(i) {
            dims.push(vec![None; plan.n_dims]);
            items.push(vec![None; item_cols.len()]);
            continue;
        }
        let means = company_group_means(plan, c, opts.weighting, opts.anonymity);
        dims.push(
            (0..plan.n_dims)
                .map(|d| means[d].and_then(|m| scale.index(m)))
                .collect(),
        );
        items.push(
            item_cols
                .iter()
                .map(|&col| {
                    let t = c.item_total(plan, col);
                    (t.n > 0 && vis.cell_shown(t.n))
                        .then(|| scale.min + t.sum as f64 / t.n as f64)
                        .and_then(finite)
                })
                .collect(),
        );
    }
    let mut order: Vec<usize> = (0..acc.ids.len()).collect();
    order.sort_by(|&a, &b| acc.ids[a].cmp(&acc.ids[b]));
    Values {
        dims,
        items,
        item_cols,
        order,
    }
}

/// Every target's company values: each outcome (higher is better), then
/// the composite.
fn targets(inst: &Instrument, outcomes: &Outcomes) -> Vec<(String, String, Vec<Option<f64>>)> {
    let mut v: Vec<(String, String, Vec<Option<f64>>)> = inst
        .outcomes
        .iter()
        .enumerate()
        .map(|(k, o)| {
            let sign = match o.direction {
                Direction::HigherIsBetter => 1.0,
                Direction::LowerIsBetter => -1.0,
            };
            let y = outcomes
                .companies
                .iter()
                .map(|c| c.values[k].map(|x| sign * x).and_then(finite))
                .collect();
            (o.id.clone(), o.label.clone(), y)
        })
        .collect();
    v.push((
        "composite".to_string(),
        "Outcome composite".to_string(),
        outcomes
            .companies
            .iter()
            .map(|c| c.composite.and_then(finite))
            .collect(),
    ));
    v
}

/// The complete cases of `cols` and `y`, in company-id order: the rows and
/// targets.
fn complete(
    rows: &[Vec<Option<f64>>],
    order: &[usize],
    cols: &[usize],
    y: &[Option<f64>],
) -> (Vec<Vec<f64>>, Vec<f64>) {
    let mut x = Vec::new();
    let mut t = Vec::new();
    for &i in order {
        let (r, yi) = (&rows[i], &y[i]);
        let Some(yi) = yi else { continue };
        let row: Option<Vec<f64>> = cols.iter().map(|&j| r[j]).collect();
        if let Some(row) = row {
            x.push(row);
            t.push(*yi);
        }
    }
    (x, t)
}

/// Why a model has no estimate, in words.
fn unfit_text(u: Unfit) -> String {
    match u {
        Unfit::TooFewCases { n, needed } => format!(
            "{n} compan{} with every value it needs; at least {needed} are needed",
            if n == 1 { "y" } else { "ies" }
        ),
        Unfit::NoVariance => "a predictor or the target does not vary over its companies".into(),
        Unfit::Singular => {
            "its predictors are collinear (one is a linear combination of others)".into()
        }
        Unfit::TooManyPredictors { p, max } => {
            format!("{p} predictors; the exact computation takes at most {max}")
        }
    }
}

fn shares_of(d: &crate::stats::relimp::Decomposition) -> Vec<Option<f64>> {
    d.shares.iter().map(|s| s.and_then(finite)).collect()
}

/// The dimension model of one target.
fn dimension_model(
    inst: &Instrument,
    v: &Values,
    (id, y): (&str, &[Option<f64>]),
    opts: &DriversOptions,
    warnings: &mut Vec<String>,
) -> (usize, Option<f64>, Option<f64>, Vec<DimensionDriver>) {
    let p = inst.dimensions.len();
    let cols: Vec<usize> = (0..p).collect();
    let (x, t) = complete(&v.dims, &v.order, &cols, y);
    let n = t.len();
    let fit = if n < p + 2 {
        Err(Unfit::TooFewCases { n, needed: p + 2 })
    } else {
        Correlations::from_rows(&x, &t).and_then(|c| Ok((ols_from(&c)?, lmg_from(&c)?)))
    };
    let mut dims: Vec<DimensionDriver> = inst
        .dimensions
        .iter()
        .map(|d| DimensionDriver {
            dimension: d.id.clone(),
            label: d.label.clone(),
            beta: None,
            p: None,
            lmg: None,
            share: None,
            share_ci95: None,
        })
        .collect();
    let (ols, lmg) = match fit {
        Ok(f) => f,
        Err(u) => {
            warnings.push(format!(
                "the dimension model of {id} is null: {}",
                unfit_text(u)
            ));
            return (n, None, None, dims);
        }
    };
    let boot = intervals(
        &x,
        &t,
        opts.bootstrap,
        opts.seed,
        thread_count(opts.threads),
        |c| lmg_from(c).map(|d| shares_of(&d)),
    );
    failed_warning(id, "dimension", &boot, opts.bootstrap, warnings);
    let shares = shares_of(&lmg);
    for (j, d) in dims.iter_mut().enumerate() {
        d.beta = finite(ols.beta[j]);
        d.p = ols.p[j].and_then(finite);
        d.lmg = finite(lmg.parts[j]);
        d.share = shares[j];
        d.share_ci95 = boot.ci[j];
    }
    (n, finite(ols.r2), ols.adj_r2.and_then(finite), dims)
}

fn failed_warning(id: &str, level: &str, boot: &Intervals, b: usize, warnings: &mut Vec<String>) {
    if boot.failed > 0 {
        warnings.push(format!(
            "{} of {b} bootstrap resamples of the {level} model of {id} could not be fitted (a predictor constant or collinear in the resample); its intervals use the others",
            boot.failed
        ));
    }
}

/// The item model of one target: items, n and R² (`None` items when it
/// cannot be fitted).
fn item_model(
    inst: &Instrument,
    v: &Values,
    (id, y): (&str, &[Option<f64>]),
    opts: &DriversOptions,
    warnings: &mut Vec<String>,
    flat_items: &mut Vec<String>,
) -> (Option<Vec<ItemDriver>>, usize, Option<f64>) {
    let all: Vec<usize> = (0..v.item_cols.len()).collect();
    let (x, t) = complete(&v.items, &v.order, &all, y);
    let n = t.len();
    let varies = varying_items(inst, v, &x, flat_items);
    let x: Vec<Vec<f64>> = x
        .iter()
        .map(|r| varies.iter().map(|&j| r[j]).collect())
        .collect();
    // With fewer than 2 cases nothing can vary: every item would be needed.
    let needed = if n < 2 { all.len() } else { varies.len() } + 2;
    if n < needed {
        warnings.push(format!(
            "the item model of {id} is null: {n} compan{} with every item value and the target, at least {needed} (the items + 2) are needed; see the dimension level, which needs {}",
            if n == 1 { "y" } else { "ies" },
            inst.dimensions.len() + 2
        ));
        return (None, n, None);
    }
    let rw = match Correlations::from_rows(&x, &t).and_then(|c| relative_weights_from(&c)) {
        Ok(rw) => rw,
        Err(u) => {
            warnings.push(format!(
                "the item model of {id} is null: {}; see the dimension level",
                unfit_text(u)
            ));
            return (None, n, None);
        }
    };
    let boot = intervals(
        &x,
        &t,
        opts.bootstrap,
        opts.seed,
        thread_count(opts.threads),
        |c| relative_weights_from(c).map(|d| shares_of(&d)),
    );
    failed_warning(id, "item", &boot, opts.bootstrap, warnings);
    let items = item_drivers(inst, v, &varies, &rw, &boot);
    (Some(items), n, finite(rw.r2))
}

/// The item columns (indices into `v.item_cols`) that vary over the
/// complete cases `x`; with at least 2 cases, the items that do not are
/// added to `flat_items` (once each, by item id).
fn varying_items(
    inst: &Instrument,
    v: &Values,
    x: &[Vec<f64>],
    flat_items: &mut Vec<String>,
) -> Vec<usize> {
    let all = 0..v.item_cols.len();
    let varies: Vec<usize> = all
        .clone()
        .filter(|&j| x.len() >= 2 && x.iter().any(|r| r[j] != x[0][j]))
        .collect();
    for j in all {
        if !varies.contains(&j) && x.len() >= 2 {
            let item = &inst.items[v.item_cols[j]].id;
            if !flat_items.contains(item) {
                flat_items.push(item.clone());
            }
        }
    }
    varies
}

/// One driver row per item of `v`, in item order: the weights, shares and
/// bootstrap intervals of the fitted model `rw` for the items in `varies`,
/// `None` for the items left out because they do not vary.
fn item_drivers(
    inst: &Instrument,
    v: &Values,
    varies: &[usize],
    rw: &crate::stats::relimp::Decomposition,
    boot: &Intervals,
) -> Vec<ItemDriver> {
    let shares = shares_of(rw);
    (0..v.item_cols.len())
        .map(|j| {
            let col = v.item_cols[j];
            let it = &inst.items[col];
            let k = varies.iter().position(|&m| m == j);
            ItemDriver {
                item: it.id.clone(),
                text: it.text.clone(),
                dimension: it.dimension.clone(),
                reverse: it.reverse,
                raw_weight: k.and_then(|k| finite(rw.parts[k])),
                share: k.and_then(|k| shares[k]),
                share_ci95: k.and_then(|k| boot.ci[k]),
                performance: None,
                quadrant: None,
            }
        })
        .collect()
}

/// Build the `drivers` report from a finished pass and the classified
/// outcomes.
pub fn build(
    inst: &Instrument,
    acc: &Accumulator,
    input: InputReport,
    outcomes: &Outcomes,
    opts: DriversOptions,
) -> DriversReport {
    let vis = Disclosure::plan(acc, opts.anonymity);
    let mut warnings = outcomes.warnings.clone();
    let v = values(inst, acc, &vis, &opts);
    let performance = performance(inst, acc, &v);
    let mut out = target_models(inst, &v, outcomes, &opts, &mut warnings);
    let fix_first = quadrants(&mut out, &performance, &mut warnings);
    let tiers = Tiers::new(acc, outcomes, &vis, opts.anonymity);
    let outcomes_by_tier = outcomes_by_tier(inst, outcomes, &tiers);
    warnings.extend(vis.companies_warning(&acc.ids));
    let hidden = Hidden {
        threshold: opts.anonymity,
        companies: vis.hidden_companies(),
        roles: 0,
    };
    let mut report = DriversReport {
        schema_version: SCHEMA_VERSION,
        command: "drivers",
        instrument: InstrumentRef {
            name: inst.name.clone(),
            version: inst.version.clone(),
        },
        input: InputSummary::new(input, acc.companies.len()),
        settings: DriversSettings {
            scheme: outcomes.scheme,
            composite: outcomes.method,
            weighting: opts.weighting,
            anonymity: opts.anonymity,
        },
        outcomes: outcome_infos(inst),
        summary: Vec::new(),
        targets: out,
        fix_first,
        outcomes_by_tier,
        bootstrap: BootstrapInfo {
            b: opts.bootstrap,
            seed: opts.seed,
            level: LEVEL,
            percentile: PERCENTILE,
        },
        segments: None,
        hidden,
        warnings,
    };
    report.summary = summary(&report);
    report
}

/// The dimension and item models of every target (each outcome, then the
/// composite), with a warning naming the items left out of the item models
/// because they do not vary.
fn target_models(
    inst: &Instrument,
    v: &Values,
    outcomes: &Outcomes,
    opts: &DriversOptions,
    warnings: &mut Vec<String>,
) -> Vec<TargetDrivers> {
    let mut flat_items = Vec::new();
    let mut out = Vec::new();
    for (id, label, y) in targets(inst, outcomes) {
        // Warnings name the target as a reader knows it.
        let name = if id == "composite" {
            "the outcome composite".to_string()
        } else {
            format!("\"{label}\"")
        };
        let (n, r2, adj_r2, dimensions) = dimension_model(inst, v, (&name, &y), opts, warnings);
        let (items, items_n, items_r2) =
            item_model(inst, v, (&name, &y), opts, warnings, &mut flat_items);
        out.push(TargetDrivers {
            target: id,
            label,
            n,
            r2,
            adj_r2,
            dimensions,
            items,
            items_n,
            items_r2,
        });
    }
    if !flat_items.is_empty() {
        warnings.push(format!(
            "left out of the item models where they do not vary over the companies: {}",
            flat_items.join(", ")
        ));
    }
    out
}

/// The instrument's outcomes as the report describes them.
fn outcome_infos(inst: &Instrument) -> Vec<OutcomeInfo> {
    inst.outcomes
        .iter()
        .map(|o| OutcomeInfo {
            id: o.id.clone(),
            label: o.label.clone(),
            unit: o.unit.clone(),
            direction: o.direction,
            group: o.group.clone(),
        })
        .collect()
}
