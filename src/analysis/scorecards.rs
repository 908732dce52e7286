//! `align scorecards`: one confidential scorecard per shown company of a
//! responses file, built from the benchmark model ([`super::benchmark`]) so
//! its figures are the benchmark's, with the company's sales vs marketing
//! view, perception index and stage from the score model
//! ([`super::score`]) and, with outcomes, its tier.
//!
//! Decisions where the spec is silent:
//! - a norm figure is shown only when built from at least `min_companies`
//!   companies: a dimension's percentile and norm median need that many
//!   norm companies with a score, an item's norm mean that many with a mean,
//!   a leaders' mean that many leader companies; a figure left out is said
//!   so on the card;
//! - strengths and priorities compare the company's item means with the
//!   leaders' means when those are shown, otherwise with the norm means
//!   (so with leaders from too few companies, the comparison falls back to
//!   the average norm company; `benchmark` would use the leaders);
//!   `difference = company mean − reference mean`, reverse-coded, so a
//!   strength is a positive difference and a priority a negative one;
//!   differences that agree to 1e-9 tie and keep instrument order;
//! - the sales vs marketing view is shown when both the sales and the
//!   marketing group of the company are shown by `score --by-role`;
//! - a tier is shown when at least `min_companies` shown companies of the
//!   file were classified (a tier among fewer says too much about the
//!   others);
//! - file names: see [`file_stems`].

use super::benchmark::{
    BenchmarkReport, CompanyBenchmark, Comparison, DimensionBenchmark, ItemBenchmark, NormsRef,
    ScaleRef,
};
use super::norms::{Norms, ALIGNMENT_INDEX};
use super::outcomes::{CompanyOutcome, Outcomes};
use super::score::{DimensionInfo, RoleScores, ScoreReport};
use super::{InstrumentRef, OrderedMap};
use serde::Serialize;
use std::collections::HashMap;

/// How many strengths and how many priorities a scorecard lists.
pub const LISTED: usize = 3;

/// Longest file name stem (bytes) before numbering, so a numbered name
/// with its extension stays within 100 bytes.
pub const MAX_STEM: usize = 80;

/// What a company's item means are compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reference {
    /// The leaders of the norms (from at least `min_companies` companies).
    Leaders,
    /// The mean norm company.
    AverageCompany,
    /// No norm figure built from enough companies.
    None,
}

/// One item against the reference, in scale points (reverse-coded).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemGap {
    /// The item's id.
    pub item: String,
    /// The question as asked.
    pub text: String,
    /// Whether the item is reverse-worded (its means are reverse-coded).
    pub reverse: bool,
    /// The company's mean on the scale.
    pub company_mean: Option<f64>,
    /// The reference mean on the scale (leaders' or mean norm company's); null when not shown.
    pub reference_mean: Option<f64>,
    /// Company mean − reference mean.
    pub difference: Option<f64>,
}

/// One dimension (or the alignment index) by role.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleRow {
    /// The dimension's id, or `alignment_index`.
    pub id: String,
    /// The sales group's 0–100 index.
    pub sales: Option<f64>,
    /// The marketing group's 0–100 index.
    pub marketing: Option<f64>,
    /// Marketing − sales (dimensions only, as `score --by-role`).
    pub gap: Option<f64>,
}

/// A company's tier, or why it has none.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierView {
    /// The tier (`"leader"`, `"average"`, `"laggard"`); null when none is shown.
    pub tier: Option<String>,
    /// Why no tier is shown (unclassified, or too few classified companies); null when a tier is
    /// shown.
    pub note: Option<String>,
}

/// One company's scorecard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scorecard {
    /// The company id.
    pub company_id: String,
    /// Scored respondents of the company.
    pub n: u64,
    /// The file name without its extension.
    pub file_stem: String,
    /// `<dim>` and `alignment_index`, with the norm figures from too few
    /// companies left out (`null`).
    pub dimensions: OrderedMap<DimensionBenchmark>,
    /// The maturity stage of the alignment index; null when none applies.
    pub stage: Option<String>,
    /// Sales and marketing side by side, when both are shown.
    pub roles: Option<Vec<RoleRow>>,
    /// The perception index (0–100); null without perception items or answers.
    pub perception_index: Option<f64>,
    /// Up to three items furthest above the reference, largest difference first.
    pub strengths: Vec<ItemGap>,
    /// Up to three items furthest below the reference, largest shortfall first.
    pub priorities: Vec<ItemGap>,
    /// The tier; null without `--outcomes`.
    pub tier: Option<TierView>,
}

/// A company without a scorecard: fewer respondents than the threshold.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HiddenCompany {
    /// The company id.
    pub company_id: String,
    /// Scored respondents of the company.
    pub n: u64,
}

/// Every scorecard of a responses file, with what they share.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scorecards {
    /// The instrument's name and version.
    pub instrument: InstrumentRef,
    /// The instrument's answer scale.
    pub scale: ScaleRef,
    /// What the cards say about the norms they used.
    pub norms: NormsRef,
    /// The anonymity threshold in respondents.
    pub anonymity: u64,
    /// Minimum companies behind a norm figure for it to be shown (`--min-companies`).
    pub min_companies: u64,
    /// The instrument's dimensions with their items.
    pub dimensions: Vec<DimensionInfo>,
    /// Leaders' means are shown (the norms have at least `min_companies`
    /// leaders).
    pub leaders_shown: bool,
    /// What item means are compared with.
    pub reference: Reference,
    /// The instrument has perception items.
    pub perception: bool,
    /// `--outcomes` was given (tiers asked for).
    pub tiers: bool,
    /// One card per shown company, by company id.
    pub cards: Vec<Scorecard>,
    /// Companies below the anonymity threshold, without a card.
    pub hidden: Vec<HiddenCompany>,
    /// Why some norm figures are not shown, one sentence each, for every
    /// card.
    pub notes: Vec<String>,
}

/// Options of [`build`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScorecardOptions {
    /// Minimum respondents for a company to have a card.
    pub anonymity: u64,
    /// Minimum companies behind a norm figure for it to be shown.
    pub min_companies: u64,
}

/// The Windows device names, reserved with any extension.
fn reserved(stem: &str) -> bool {
    let base = stem.split('.').next().unwrap_or("").trim_end();
    let upper = base.to_ascii_uppercase();
    match upper.as_str() {
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$" => true,
        _ => {
            let rest = upper
                .strip_prefix("COM")
                .or_else(|| upper.strip_prefix("LPT"));
            matches!(
                rest,
                Some("1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "¹" | "²" | "³")
            )
        }
    }
}

/// Invisible format characters (zero-width, direction marks and
/// overrides, the byte order mark): a name with them reads as another.
fn invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// A file name stem for `id` that every common file system accepts.
fn safe_stem(id: &str) -> String {
    let replaced: String = id
        .chars()
        .map(|c| {
            if c.is_control()
                || invisible(c)
                || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
            {
                '_'
            } else {
                c
            }
        })
        .collect();
    let mut s = replaced
        .trim_start_matches(['.', ' '])
        .trim_end_matches(['.', ' '])
        .to_string();
    if s.len() > MAX_STEM {
        let mut end = MAX_STEM;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
        s = s.trim_end_matches(['.', ' ']).to_string();
    }
    if s.is_empty() {
        s = "company".to_string();
    }
    if reserved(&s) {
        s.insert(0, '_');
    }
    s
}

/// File name stems for `ids`, in order: control and invisible format
/// characters and `/ \ : * ? " < > |` become `_`; leading dots and spaces and
/// trailing dots and spaces go; an id longer than [`MAX_STEM`] bytes is
/// cut; Windows device names (`CON`, `com1.txt`, …) get a leading `_`; a
/// stem already taken, ignoring case (or `index`, the index file), gets
/// `-2`, `-3`, ….
pub fn file_stems(ids: &[&str]) -> Vec<String> {
    let mut used: std::collections::HashSet<String> = ["index".to_string()].into();
    ids.iter()
        .map(|id| {
            let base = safe_stem(id);
            let mut stem = base.clone();
            let mut k = 2;
            while !used.insert(stem.to_lowercase()) {
                stem = format!("{base}-{k}");
                k += 1;
            }
            stem
        })
        .collect()
}

/// The items most above (`sign` 1) or below (`sign` −1) the reference.
fn pick(items: &[ItemGap], sign: f64) -> Vec<ItemGap> {
    let key = |g: f64| (sign * g * 1e9).round() as i64;
    let mut cand: Vec<(i64, usize)> = items
        .iter()
        .enumerate()
        .filter_map(|(j, it)| it.difference.map(key).filter(|k| *k > 0).map(|k| (k, j)))
        .collect();
    cand.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    cand.iter()
        .take(LISTED)
        .map(|&(_, j)| items[j].clone())
        .collect()
}

/// What every card shares: the models it is built from and which norm
/// figures are shown.
struct CardContext<'a> {
    /// The score model of the same pass.
    score: &'a ScoreReport,
    /// The norms the benchmark used.
    norms: &'a Norms,
    /// The score model's shown companies by id.
    shown: HashMap<&'a str, &'a super::score::CompanyScore>,
    /// The file's companies' outcomes and tiers by id, with `--outcomes`.
    outcomes: Option<HashMap<&'a str, &'a CompanyOutcome>>,
    /// Shown companies of the file with a tier.
    classified: usize,
    /// `--min-companies`.
    k: usize,
    /// Whether the leaders' means are shown.
    leaders_shown: bool,
    /// What item means are compared with.
    reference: Reference,
}

impl CardContext<'_> {
    /// Whether the norm figures of dimension `id` (or the alignment index)
    /// come from at least `k` norm companies.
    fn distribution_shown(&self, id: &str) -> bool {
        if id == ALIGNMENT_INDEX {
            self.norms.alignment_index.n >= self.k
        } else {
            self.norms.dimensions.get(id).is_some_and(|d| d.n >= self.k)
        }
    }

    /// Whether the norm mean of item `id` comes from at least `k` companies.
    fn item_norm_shown(&self, id: &str) -> bool {
        self.norms.items.get(id).is_some_and(|x| x.n >= self.k)
    }

    /// A company's dimensions with the norm figures from too few companies
    /// left out.
    fn dimensions(&self, dims: &OrderedMap<DimensionBenchmark>) -> OrderedMap<DimensionBenchmark> {
        let mut dimensions = OrderedMap::with_capacity(dims.0.len());
        for (id, d) in dims.iter() {
            let ok = self.distribution_shown(id);
            dimensions.insert(
                id,
                DimensionBenchmark {
                    score: d.score,
                    percentile: d.percentile.filter(|_| ok),
                    norm_median: d.norm_median.filter(|_| ok),
                    leader_mean: d.leader_mean.filter(|_| self.leaders_shown),
                },
            );
        }
        dimensions
    }

    /// The card of a shown company of the benchmark.
    fn card(
        &self,
        c: &CompanyBenchmark,
        dims: &OrderedMap<DimensionBenchmark>,
        items: &[ItemBenchmark],
        file_stem: String,
    ) -> Scorecard {
        let gaps = item_gaps(items, self.reference, |id| self.item_norm_shown(id));
        let sc = self.shown.get(&*c.company_id).copied();
        Scorecard {
            company_id: c.company_id.clone(),
            n: c.n,
            file_stem,
            dimensions: self.dimensions(dims),
            stage: sc.and_then(|s| s.stage.clone()),
            roles: sc.and_then(|s| role_rows(self.score, s)),
            perception_index: sc.and_then(|s| s.perception_index),
            strengths: pick(&gaps, 1.0),
            priorities: pick(&gaps, -1.0),
            tier: self
                .outcomes
                .as_ref()
                .map(|o| tier_view(o.get(&*c.company_id).copied(), self.classified, self.k)),
        }
    }
}

/// What item means are compared with: the leaders when shown, otherwise
/// the average norm company when some item norm comes from at least `k`
/// companies.
fn reference(norms: &Norms, leaders_shown: bool, k: usize) -> Reference {
    if leaders_shown {
        Reference::Leaders
    } else if norms.items.values().any(|x| x.n >= k) {
        Reference::AverageCompany
    } else {
        Reference::None
    }
}

/// The scorecards of every shown company of `bench`. `score` is the score
/// model of the same pass with the norms' weighting; `outcomes` the tiers
/// of the file's shown companies when `--outcomes` was given.
pub fn build(
    bench: &BenchmarkReport,
    score: &ScoreReport,
    norms: &Norms,
    outcomes: Option<&Outcomes>,
    opts: ScorecardOptions,
) -> Scorecards {
    let k = opts.min_companies as usize;
    let leaders_shown =
        bench.norms.comparison == Comparison::Leaders && norms.leaders().is_some_and(|l| l.n >= k);
    // Ids to companies, looked up once a card (the first of an id, as a
    // search would find).
    let mut shown_scores = HashMap::with_capacity(score.companies.len());
    for s in score.companies.iter().filter(|s| !s.suppressed) {
        shown_scores.entry(&*s.company_id).or_insert(s);
    }
    let outcomes_by_id = outcomes.map(|o| {
        let mut by_id = HashMap::with_capacity(o.companies.len());
        for x in &o.companies {
            by_id.entry(&*x.company_id).or_insert(x);
        }
        by_id
    });
    let ctx = CardContext {
        score,
        norms,
        shown: shown_scores,
        outcomes: outcomes_by_id,
        classified: outcomes.map_or(0, |o| {
            o.companies
                .iter()
                .filter(|c| !c.hidden && c.tier.is_some())
                .count()
        }),
        k,
        leaders_shown,
        reference: reference(norms, leaders_shown, k),
    };
    let mut cards = Vec::new();
    let mut hidden = Vec::new();
    let shown: Vec<&str> = bench
        .companies
        .iter()
        .filter(|c| !c.suppressed)
        .map(|c| c.company_id.as_str())
        .collect();
    let mut stems = file_stems(&shown).into_iter();
    for c in &bench.companies {
        let (Some(dims), Some(items)) = (&c.dimensions, &c.items) else {
            hidden.push(HiddenCompany {
                company_id: c.company_id.clone(),
                n: c.n,
            });
            continue;
        };
        let file_stem = stems.next().unwrap_or_default();
        cards.push(ctx.card(c, dims, items, file_stem));
    }
    Scorecards {
        instrument: bench.instrument.clone(),
        scale: bench.scale,
        norms: bench.norms.clone(),
        anonymity: bench.settings.anonymity,
        min_companies: opts.min_companies,
        dimensions: bench.dimensions.clone(),
        leaders_shown,
        reference: ctx.reference,
        perception: score.companies.iter().any(|c| c.perception_index.is_some()),
        tiers: outcomes.is_some(),
        cards,
        hidden,
        notes: norm_notes(norms, leaders_shown, k),
    }
}

/// The run's warnings: the benchmark's, then the outcomes' not already
/// among them.
pub fn warnings(bench: &BenchmarkReport, outcomes: Option<&Outcomes>) -> Vec<String> {
    let mut warnings = bench.warnings.clone();
    for w in outcomes.iter().flat_map(|o| &o.warnings) {
        if !warnings.contains(w) {
            warnings.push(w.clone());
        }
    }
    warnings
}

/// Why norm figures are left out: too few companies in the norms, too
/// few leaders among them.
fn norm_notes(norms: &Norms, leaders_shown: bool, k: usize) -> Vec<String> {
    let mut notes = Vec::new();
    if norms.companies < k {
        notes.push(format!(
            "The norms were built from {} companies, fewer than {k}: no percentile, norm median or norm mean is shown.",
            norms.companies
        ));
    }
    if let Some(t) = &norms.tiers {
        if !leaders_shown && t.leader.n > 0 {
            notes.push(format!(
                "The leaders' mean is not shown: the norms hold {} leader {}, fewer than {k}.",
                t.leader.n,
                if t.leader.n == 1 {
                    "company"
                } else {
                    "companies"
                }
            ));
        }
    }
    notes
}

/// A company's items against the reference (the leaders' mean or the
/// average company's, when the norms show it).
fn item_gaps(
    items: &[ItemBenchmark],
    reference: Reference,
    item_norm_ok: impl Fn(&str) -> bool,
) -> Vec<ItemGap> {
    items
        .iter()
        .map(|it| {
            let reference_mean = match reference {
                Reference::Leaders => it.leader_mean,
                Reference::AverageCompany => it.norm_mean.filter(|_| item_norm_ok(&it.item)),
                Reference::None => None,
            };
            ItemGap {
                item: it.item.to_string(),
                text: it.text.to_string(),
                reverse: it.reverse,
                company_mean: it.company_mean,
                reference_mean,
                difference: it
                    .company_mean
                    .zip(reference_mean)
                    .and_then(|(m, r)| super::finite(m - r)),
            }
        })
        .collect()
}

/// A company's tier among the survey's classified companies (`classified`
/// of them) from its outcomes (`None`: it has none), or why it has none.
fn tier_view(co: Option<&CompanyOutcome>, classified: usize, k: usize) -> TierView {
    match co {
        _ if classified < k => TierView {
            tier: None,
            note: Some(format!(
                "fewer than {k} companies of this survey could be classified by their outcomes"
            )),
        },
        Some(x) if x.tier.is_some() => TierView {
            tier: x.tier.map(|t| t.label().to_string()),
            note: None,
        },
        Some(x) => TierView {
            tier: None,
            note: x.unclassified.clone(),
        },
        None => TierView {
            tier: None,
            note: Some("no outcomes for this company".into()),
        },
    }
}

/// Sales and marketing side by side, when the score model shows both.
fn role_rows(score: &ScoreReport, c: &super::score::CompanyScore) -> Option<Vec<RoleRow>> {
    let by_role = c.by_role.as_ref()?;
    let shown = |k: &str| match by_role.get(k) {
        Some(RoleScores::Shown(m)) => Some(m),
        _ => None,
    };
    let (sales, marketing) = (shown("sales")?, shown("marketing")?);
    let gap = c.role_gap.as_ref();
    let ids = score
        .dimensions
        .iter()
        .map(|d| d.id.as_str())
        .chain([ALIGNMENT_INDEX]);
    Some(
        ids.map(|id| RoleRow {
            id: id.to_string(),
            sales: sales.get(id).copied().flatten(),
            marketing: marketing.get(id).copied().flatten(),
            gap: gap.and_then(|g| g.get(id).copied().flatten()),
        })
        .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_safe_and_distinct() {
        let long = "x".repeat(300);
        let ids = [
            "../evil", "CON", "con.txt", ".hidden", "a/b", &long, "Acme", "ACME", "index", "lpt9",
            "COM10", "a b. ", "...", "a_b",
        ];
        let s = file_stems(&ids);
        assert_eq!(s[0], "_evil");
        assert_eq!(s[1], "_CON");
        assert_eq!(s[2], "_con.txt");
        assert_eq!(s[3], "hidden");
        assert_eq!(s[4], "a_b");
        assert_eq!(s[5].len(), MAX_STEM);
        assert_eq!(s[6], "Acme");
        assert_eq!(s[7], "ACME-2");
        assert_eq!(s[8], "index-2");
        assert_eq!(s[9], "_lpt9");
        assert_eq!(s[10], "COM10");
        assert_eq!(s[11], "a b");
        assert_eq!(s[12], "company");
        assert_eq!(s[13], "a_b-2");
        let more = file_stems(&["COM¹", "CONOUT$", "a\u{202E}lmth.exe", "x\ty"]);
        assert_eq!(more, ["_COM¹", "_CONOUT$", "a_lmth.exe", "x_y"]);
        let mut lower: Vec<String> = s.iter().map(|x| x.to_lowercase()).collect();
        lower.sort();
        lower.dedup();
        assert_eq!(lower.len(), ids.len());
    }

    #[test]
    fn long_multibyte_ids_are_cut_on_a_character() {
        let id = "é".repeat(100);
        let s = &file_stems(&[&id])[0];
        assert!(s.len() <= MAX_STEM && s.chars().all(|c| c == 'é'));
    }
}
