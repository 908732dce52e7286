//! `align gaps`: perception vs reality, and where sales and marketing
//! disagree (docs/methods.md#perception-vs-reality, #sales-vs-marketing-disconnect; keys: docs/formats.md#gaps-json).
//!
//! Two parts, each built when the instrument and data allow it:
//! - the **disconnect** ([`disconnect`]): needs a role column;
//! - **perception vs reality** ([`perception`]): needs perception items;
//!   the outcome parts (quadrants, the share below the median, correlations
//!   with the composite) also need outcomes. Without them, perceived
//!   alignment is compared with the measured alignment index instead, and
//!   `needs_outcomes` names what is missing.
//!
//! Units: `pct_*` and `gap_pp` are percentages / percentage points (0–100);
//! `share_*` are proportions (0–1); indexes are 0–100.
//!
//! Company scoring is exactly `score`'s: the perception index is the
//! perception items scored like a dimension, the alignment index the mean of
//! the dimension scores (all of them needed), both under the chosen
//! weighting. Companies below the anonymity threshold enter no figure
//! (quadrants, shares, correlations, the disconnect's pools; docs/methods.md,
//! "Disclosure control"): they are listed last, by id, as
//! `"suppressed": true` with nothing else but their respondent count.

mod companies;
pub mod disconnect;
pub mod perception;

pub use disconnect::{DisconnectRow, Kind};
pub use perception::{Cell, CompanyFigures, Measured, Perception, Quadrants};

use super::outcomes::{CompositeMethod, Outcomes};
use super::score::{Hidden, InputSummary, Weighting};
use super::{snap_ties, InstrumentRef, OrderedMap, SCHEMA_VERSION};
use crate::accumulate::Accumulator;
use crate::disclosure::Disclosure;
use crate::ingest::values::Role;
use crate::ingest::InputReport;
use crate::instrument::Instrument;
use serde::Serialize;

/// Choices of a `gaps` run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GapsOptions {
    /// How company scores (perception and alignment indexes) average respondents.
    pub weighting: Weighting,
    /// Minimum respondents for a company or role pool to be shown (default 3).
    pub anonymity: u64,
    /// Perception index at or above which a company is "perceived aligned".
    pub perceived_threshold: f64,
}

impl Default for GapsOptions {
    fn default() -> Self {
        GapsOptions {
            weighting: Weighting::Respondent,
            anonymity: 3,
            perceived_threshold: 75.0,
        }
    }
}

/// The settings the `gaps` report was built with (`settings`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapsSettings {
    /// How company indexes average respondents.
    pub weighting: Weighting,
    /// The anonymity threshold in respondents.
    pub anonymity: u64,
    /// Perception index at or above which a company is "perceived aligned".
    pub perceived_threshold: f64,
    /// How outcomes were combined; `null` without outcomes.
    pub composite: Option<CompositeMethod>,
}

/// The two headline sentences (each `null` when its part is unavailable).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Headlines {
    /// The perception headline; null without perception items.
    pub perception: Option<String>,
    /// The disconnect headline; null without a role column.
    pub disconnect: Option<String>,
}

/// One company's perception, alignment and overconfidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapsCompany {
    /// The company id.
    pub company_id: String,
    /// Scored respondents of the company.
    pub n: u64,
    /// Whether the company is hidden (fewer respondents than the anonymity threshold).
    pub suppressed: bool,
    /// The perception index (0–100); null when hidden or without perception answers.
    pub perception_index: Option<f64>,
    /// The alignment index (0–100); null when hidden or undefined.
    pub alignment_index: Option<f64>,
    /// `perception_index − alignment_index`, in index points.
    pub overconfidence: Option<f64>,
    /// Perception index at or above the perceived threshold; null without a perception index.
    pub perceived_aligned: Option<bool>,
    /// Alignment index at or above the perceived threshold.
    pub measured_aligned: Option<bool>,
    /// The outcome composite; null without outcomes, when unclassified or hidden.
    pub composite: Option<f64>,
    /// Composite strictly above the median of all classified companies.
    pub above_median: Option<bool>,
}

/// The `gaps` report: what `--format json` serializes and every other format renders.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapsReport {
    /// The JSON schema version (1).
    pub schema_version: u32,
    /// The command name, `"gaps"`.
    pub command: &'static str,
    /// The instrument's name and version.
    pub instrument: InstrumentRef,
    /// The input accounting.
    pub input: InputSummary,
    /// The settings used.
    pub settings: GapsSettings,
    /// Scored respondents by role in the shown companies (empty without a role column).
    pub n_by_role: OrderedMap<u64>,
    /// The perception and disconnect headline sentences.
    pub headlines: Headlines,
    /// `null` when the instrument has no perception items.
    pub perception: Option<Perception>,
    /// Widest |gap| first; empty without a role column.
    pub disconnect: Vec<DisconnectRow>,
    /// Most overconfident first; hidden companies last, by id.
    pub companies: Vec<GapsCompany>,
    /// Parts of the report that need outcomes and are missing for want of them.
    pub needs_outcomes: Vec<String>,
    /// What could not be computed and why (outcomes, roles, perception items).
    pub notes: Vec<String>,
    /// Peer-group figures (`--segment`); absent without it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segments: Option<crate::analysis::segments::Segments>,
    /// How many groups the anonymity threshold hid.
    pub hidden: Hidden,
    /// Sentences about null figures and suspect data, also printed on standard error.
    pub warnings: Vec<String>,
}

impl GapsReport {
    /// True when the disconnect part could be built (a role column exists).
    pub fn has_disconnect(&self) -> bool {
        !self.disconnect.is_empty()
    }
}

/// Why `gaps` cannot run at all with this instrument, if so.
pub fn unavailable(inst: &Instrument) -> Option<String> {
    (inst.perception.is_empty() && inst.columns.role.is_none()).then(|| {
        format!(
            "align gaps needs perception items (for perception vs reality) or a role column (for the sales vs marketing disconnect), and the instrument \"{}\" has neither; add \"perception\" items or \"columns.role\" (see `align instrument --init`)",
            inst.name
        )
    })
}

/// The figures with near-equal values (equal means computed along
/// different paths) made equal, so that they tie in the rank correlations
/// and the median split ([`snap_ties`]).
fn snapped(mut figures: Vec<CompanyFigures>) -> Vec<CompanyFigures> {
    type Field = fn(&mut CompanyFigures) -> &mut Option<f64>;
    let fields: [Field; 3] = [
        |f| &mut f.perception,
        |f| &mut f.alignment,
        |f| &mut f.composite,
    ];
    for field in fields {
        let mut v: Vec<Option<f64>> = figures.iter_mut().map(|f| *field(f)).collect();
        snap_ties(&mut v);
        for (f, x) in figures.iter_mut().zip(v) {
            *field(f) = x;
        }
    }
    figures
}

impl GapsSettings {
    /// The settings of a run with `opts`, composite from `outcomes` if used.
    fn of(opts: GapsOptions, outcomes: Option<&Outcomes>) -> GapsSettings {
        GapsSettings {
            weighting: opts.weighting,
            anonymity: opts.anonymity,
            perceived_threshold: opts.perceived_threshold,
            composite: outcomes.map(|o| o.method),
        }
    }
}

/// Whether any company's outcomes were read from a file (outcome warnings
/// are passed on whenever outcomes were read, usable or not).
fn read_from_file(o: &Outcomes) -> bool {
    o.companies
        .iter()
        .any(|c| c.source == crate::analysis::outcomes::Source::File)
}

/// The outcomes the perception part uses: only with perception items and
/// when at least one company has a composite. Their warnings are passed
/// on whenever there are perception items.
fn usable_outcomes<'o>(
    outcomes: Option<&'o Outcomes>,
    has_perception: bool,
    warnings: &mut Vec<String>,
) -> Option<&'o Outcomes> {
    let o = outcomes.filter(|_| has_perception)?;
    warnings.extend(o.warnings.iter().cloned());
    o.companies
        .iter()
        .any(|c| c.composite.is_some())
        .then_some(o)
}

/// No company listed, so none hidden (an instrument without perception items).
fn nothing_hidden(threshold: u64) -> Hidden {
    Hidden {
        threshold,
        companies: 0,
        roles: 0,
    }
}

/// The warning when shown companies have no alignment index.
fn no_alignment_warning(shown: &[CompanyFigures]) -> Option<String> {
    let n = shown.iter().filter(|f| f.alignment.is_none()).count();
    (n > 0).then(|| {
        format!(
            "{n} compan{} no alignment index (a dimension without a score), so no overconfidence",
            if n == 1 { "y has" } else { "ies have" },
        )
    })
}

/// Build the `gaps` report. `outcomes` are the classified companies (any
/// scheme; only composites and the median are used), `None` without outcomes.
pub fn build(
    inst: &Instrument,
    acc: &Accumulator,
    input: InputReport,
    outcomes: Option<&Outcomes>,
    opts: GapsOptions,
) -> GapsReport {
    let vis = Disclosure::plan(acc, opts.anonymity);
    let (mut warnings, mut notes) = (Vec::new(), Vec::new());

    // Outcomes count only when at least one company has a composite.
    // They are used by the perception part only.
    let has_perception = acc.plan.perception_group().is_some();
    let outcomes_read = outcomes.is_some_and(read_from_file);
    let outcomes = usable_outcomes(outcomes, has_perception, &mut warnings);

    let figures = companies::figures(inst, acc, &vis, outcomes, opts);
    let disconnect = disconnect::disconnect(inst, acc, &vis, &mut warnings);
    // Hidden companies have no figures, so they tie with nothing.
    let tied = snapped(figures.clone());
    let shown_figures: Vec<CompanyFigures> = (0..tied.len())
        .filter(|&i| vis.shown(i))
        .map(|i| tied[i])
        .collect();
    if !acc.plan.has_roles() {
        notes.push(format!(
            "The sales vs marketing disconnect needs a role column; the instrument \"{}\" names none (set \"columns.role\").",
            inst.name
        ));
    }
    let part = PerceptionPart {
        inst,
        figures: &shown_figures,
        threshold: opts.perceived_threshold,
        outcomes,
        outcomes_read,
    };
    let (perception, needs_outcomes) =
        perception_or_note(part, has_perception, &mut warnings, &mut notes);

    // Companies: most overconfident first, hidden ones last by id.
    let median = outcomes.and_then(|o| o.median_composite);
    let (companies, hidden) = if has_perception {
        companies::list(acc, &vis, &figures, &tied, median, opts)
    } else {
        (Vec::new(), nothing_hidden(opts.anonymity))
    };
    warnings.extend(vis.companies_warning(&acc.ids));
    warnings.extend(crate::ingest::aliases::variant_warnings(&acc.ids));

    GapsReport {
        schema_version: SCHEMA_VERSION,
        command: "gaps",
        instrument: InstrumentRef {
            name: inst.name.clone(),
            version: inst.version.clone(),
        },
        input: InputSummary::new(input, acc.companies.len()),
        settings: GapsSettings::of(opts, outcomes),
        n_by_role: n_by_role(acc, &vis),
        headlines: Headlines {
            perception: perception.as_ref().and_then(perception_headline),
            disconnect: disconnect_headline(&disconnect),
        },
        perception,
        disconnect,
        companies,
        needs_outcomes,
        notes,
        segments: None,
        hidden,
        warnings,
    }
}

/// The perception part and the outcomes it needs, or, for an instrument
/// without perception items, a note saying what is missing.
fn perception_or_note(
    part: PerceptionPart,
    has_perception: bool,
    warnings: &mut Vec<String>,
    notes: &mut Vec<String>,
) -> (Option<Perception>, Vec<String>) {
    if has_perception {
        let (p, needs) = part.build(warnings, notes);
        warnings.extend(no_alignment_warning(part.figures));
        (Some(p), needs)
    } else {
        notes.push(format!(
            "Perception vs reality needs perception items; the instrument \"{}\" has none (add \"perception\" items).",
            part.inst.name
        ));
        (None, Vec::new())
    }
}

/// What the perception part is built from: the shown companies' figures
/// (near-equal values made equal) and the usable outcomes.
struct PerceptionPart<'a> {
    inst: &'a Instrument,
    figures: &'a [CompanyFigures],
    threshold: f64,
    /// Outcomes with at least one composite.
    outcomes: Option<&'a Outcomes>,
    /// Whether an outcomes file was read, usable or not.
    outcomes_read: bool,
}

impl PerceptionPart<'_> {
    /// Perception vs reality, and the parts that need outcomes and are
    /// missing for want of them (with a note why).
    fn build(
        &self,
        warnings: &mut Vec<String>,
        notes: &mut Vec<String>,
    ) -> (Perception, Vec<String>) {
        let p = perception::perception(
            self.figures,
            self.threshold,
            self.outcomes.map(|o| o.median_composite),
            warnings,
        );
        let mut needs_outcomes = Vec::new();
        if !p.outcomes_available {
            needs_outcomes.extend(
                [
                    "quadrants",
                    "share_perceived_below_median",
                    "rho_perception_outcome",
                    "rho_alignment_outcome",
                ]
                .map(String::from),
            );
            notes.push(self.needs_outcomes_note());
        }
        let no_perception = self
            .figures
            .iter()
            .filter(|f| f.perception.is_none())
            .count();
        if no_perception > 0 {
            warnings.push(format!(
                "{no_perception} compan{} no perception index (no respondent answered at least half of the perception items) and {} left out of the perception figures",
                if no_perception == 1 { "y has" } else { "ies have" },
                if no_perception == 1 { "is" } else { "are" },
            ));
        }
        (p, needs_outcomes)
    }

    /// Why the outcome parts are missing: no outcomes in the instrument,
    /// none usable among those read, or none given.
    fn needs_outcomes_note(&self) -> String {
        let threshold = fmt_threshold(self.threshold);
        if self.inst.outcomes.is_empty() {
            format!(
                "The quadrants by outcome, the share of perceived-aligned companies below the median on outcomes and the correlations with the outcome composite need outcomes; the instrument \"{}\" defines none. Perceived alignment is compared with the measured alignment index (≥ {threshold}) instead.",
                self.inst.name,
            )
        } else if self.outcomes_read {
            format!(
                "The quadrants by outcome, the share of perceived-aligned companies below the median on outcomes and the correlations with the outcome composite need outcome composites, and no company has one (see the warnings). Perceived alignment is compared with the measured alignment index (≥ {threshold}) instead."
            )
        } else {
            format!(
                "The quadrants by outcome, the share of perceived-aligned companies below the median on outcomes and the correlations with the outcome composite need outcomes: give --outcomes FILE or outcome columns in the responses. Perceived alignment is compared with the measured alignment index (≥ {threshold}) instead."
            )
        }
    }
}

/// Scored respondents by role in the shown companies; empty without a
/// role column.
fn n_by_role(acc: &Accumulator, vis: &Disclosure) -> OrderedMap<u64> {
    let plan = &acc.plan;
    let mut n_by_role = OrderedMap::new();
    if plan.has_roles() {
        for r in Role::NAMED {
            let s = plan.slot(r);
            let n = vis
                .companies()
                .iter()
                .zip(&acc.companies)
                .filter(|(v, _)| v.shown)
                .map(|(_, c)| c.n_in(s))
                .sum();
            n_by_role.insert(r.key(), n);
        }
    }
    n_by_role
}

/// A threshold without needless decimals: `75`, `62.5`.
pub fn fmt_threshold(t: f64) -> String {
    if t.fract() == 0.0 {
        format!("{t:.0}")
    } else {
        format!("{t}")
    }
}

/// A share as a whole percentage.
fn pct(share: f64) -> String {
    format!("{:.0}%", 100.0 * share)
}

/// "X% of companies say they are aligned; Y% of those are below the median
/// on outcomes" (without outcomes: below the threshold on the measured index).
fn perception_headline(p: &Perception) -> Option<String> {
    let share = p.share_perceived_aligned?;
    let t = fmt_threshold(p.perceived_threshold);
    let first = format!(
        "{} of companies say they are aligned ({} of {}, perception index ≥ {t})",
        pct(share),
        p.n_perceived_aligned,
        p.n_companies
    );
    let second = if p.outcomes_available {
        match (p.share_perceived_below_median, p.n_perceived_below_median) {
            (Some(s), Some(b)) => format!(
                "; {} of those ({b} of {}) are below the median on outcomes.",
                pct(s),
                p.n_perceived_aligned
            ),
            _ => ".".to_string(),
        }
    } else {
        let m = &p.measured;
        let perceived = m.perceived_and_measured_aligned.n + m.perceived_not_measured_aligned.n;
        match m.share_perceived_not_measured {
            Some(s) => format!(
                "; {} of those ({} of {perceived}) score below {t} on the measured alignment index.",
                pct(s),
                m.perceived_not_measured_aligned.n
            ),
            None => ".".to_string(),
        }
    };
    Some(first + &second)
}

/// The widest sales–marketing gap as a sentence.
fn disconnect_headline(rows: &[DisconnectRow]) -> Option<String> {
    let r = rows.first()?;
    let (s, m, g) = (r.pct_sales?, r.pct_marketing?, r.gap_pp?);
    let text = r.text.trim().trim_end_matches('.');
    let q = match r.q {
        Some(q) if q < 0.001 => ", q < 0.001".to_string(),
        Some(q) => format!(", q = {q:.3}"),
        None => String::new(),
    };
    Some(format!(
        "Widest sales–marketing gap: {s:.0}% of sales and {m:.0}% of marketing agree that \"{text}\" ({g:+.0} points{q})."
    ))
}
