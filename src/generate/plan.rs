//! The generator's model: its constants and the instrument turned into
//! what the draws need, by position.

use super::*;

pub(super) const CENTER: f64 = 0.55;
pub(super) const SPREAD: f64 = 0.12;
pub(super) const DIM_DEV_SD: f64 = 0.6;
pub(super) const PERC_DEV_SD: f64 = 0.6;
pub(super) const RESPONDENT_SD: f64 = 1.7;
pub(super) const ITEM_OFFSET_MAX: f64 = 0.4;
pub(super) const ITEM_NOISE_SD: f64 = 2.0;
pub(super) const MARKETING_SHIFT: f64 = 1.0;
pub(super) const PERC_SHIFT: f64 = 2.9;
pub(super) const PERC_A: f64 = 0.5;
pub(super) const PERC_FEEL: f64 = 0.6;
pub(super) const PERC_MARKETING: f64 = 0.4;
pub(super) const PERC_NOISE_SD: f64 = 1.0;
pub(super) const ST_SHIFT: f64 = 1.0;
pub(super) const ST_A: f64 = 0.8;
pub(super) const ST_OWN: f64 = 1.0;
pub(super) const ST_OTHER: f64 = -0.5;
pub(super) const ST_NOISE_SD: f64 = 0.5;
pub(super) const DRIVER_A: f64 = 0.4;
pub(super) const DRIVER_DIM: f64 = 0.9;
/// `(base, slope, noise sd)` of outcomes by position, cycling.
pub(super) const OUTCOME_TABLE: [(f64, f64, f64); 5] = [
    (8.0, 6.0, 4.0),
    (5.0, 4.0, 3.0),
    (10.0, 6.0, 4.0),
    (12.0, 7.0, 5.0),
    (70.0, 8.0, 6.0),
];
pub(super) const REPORT_NOISE: f64 = 0.1;
pub(super) const UNFINISHED_RATE: f64 = 0.02;
pub(super) const P_SALES: f64 = 0.45;
pub(super) const P_MARKETING: f64 = 0.45;
/// Companies per shuffled block, and a cap on the rows of one block.
pub(super) const BLOCK_COMPANIES: usize = 256;
pub(super) const BLOCK_ROWS: usize = 1 << 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Sales,
    Marketing,
    Both,
}

pub(super) struct ItemPlan {
    pub(super) dim: usize,
    pub(super) reverse: bool,
    pub(super) offset: f64,
}

pub(super) struct OutcomePlan {
    pub(super) base: f64,
    pub(super) slope: f64,
    pub(super) noise: f64,
    pub(super) sign: f64,
    pub(super) driver: bool,
}

/// The instrument turned into what the generator needs, by position.
pub(super) struct Plan {
    pub(super) min: i64,
    pub(super) max: i64,
    pub(super) n_dims: usize,
    pub(super) items: Vec<ItemPlan>,
    pub(super) shift_dim: usize,
    pub(super) driver_dim: usize,
    pub(super) feel_dim: Option<usize>,
    pub(super) n_perception: usize,
    /// Subject of each statement.
    pub(super) statements: Vec<Role>,
    pub(super) outcomes: Vec<OutcomePlan>,
    pub(super) outcomes_in_responses: bool,
    pub(super) has_respondent: bool,
    pub(super) has_role: bool,
    pub(super) has_finished: bool,
    pub(super) has_both: bool,
    pub(super) role_names: [Vec<u8>; 3],
    pub(super) missing: Vec<u8>,
    /// The text of every scale point, `min..=max`.
    pub(super) points: Vec<Vec<u8>>,
}

impl Plan {
    pub(super) fn new(
        inst: &Instrument,
        outcomes_in_responses: bool,
        rng: &mut ChaCha8Rng,
    ) -> Plan {
        let dim_index = |id: &str| inst.dimensions.iter().position(|d| d.id == id);
        let n_dims = inst.dimensions.len();
        let items = item_plans(inst, rng);
        let statements = inst
            .statements
            .iter()
            .enumerate()
            .map(|(i, q)| statement_subject(&q.text, i))
            .collect();
        let outcomes = outcome_plans(inst);
        let first = |list: &[String]| {
            list.first()
                .map(|s| s.as_bytes().to_vec())
                .unwrap_or_default()
        };
        let missing = missing_code(inst);
        Plan {
            min: inst.scale.min,
            max: inst.scale.max,
            n_dims,
            items,
            shift_dim: dim_index("collaboration").unwrap_or(n_dims.saturating_sub(1)),
            driver_dim: dim_index("shared_understanding").unwrap_or(0),
            feel_dim: dim_index("interdependence"),
            n_perception: inst.perception.len(),
            statements,
            outcomes,
            outcomes_in_responses,
            has_respondent: inst.columns.respondent.is_some(),
            has_role: inst.columns.role.is_some(),
            has_finished: inst.columns.finished.is_some(),
            has_both: !inst.roles.both.is_empty(),
            role_names: [
                first(&inst.roles.sales),
                first(&inst.roles.marketing),
                first(&inst.roles.both),
            ],
            missing,
            points: (inst.scale.min..=inst.scale.max)
                .map(|v| v.to_string().into_bytes())
                .collect(),
        }
    }

    /// A latent value as a scale answer.
    pub(super) fn answer(&self, z: f64) -> i64 {
        let range = (self.max - self.min) as f64;
        let r = (self.min as f64 + range * (CENTER + SPREAD * z)).round();
        // The clamp keeps the cast in range; NaN cannot occur (finite inputs).
        r.clamp(self.min as f64, self.max as f64) as i64
    }

    pub(super) fn point(&self, r: i64) -> &[u8] {
        let i = usize::try_from(r - self.min).unwrap_or(0);
        self.points.get(i).map(Vec::as_slice).unwrap_or(b"")
    }
}

/// One plan per item: its dimension, its direction and a random offset
/// (drawn in item order, the only random draws a plan makes).
fn item_plans(inst: &Instrument, rng: &mut ChaCha8Rng) -> Vec<ItemPlan> {
    inst.items
        .iter()
        .map(|it| ItemPlan {
            dim: inst
                .dimensions
                .iter()
                .position(|d| d.id == it.dimension)
                .unwrap_or(0),
            reverse: it.reverse,
            offset: rng.gen_range(-ITEM_OFFSET_MAX..=ITEM_OFFSET_MAX),
        })
        .collect()
}

/// One plan per outcome, cycling through `OUTCOME_TABLE`; the third outcome
/// (or the last, when there are only two) is the one driven by alignment.
fn outcome_plans(inst: &Instrument) -> Vec<OutcomePlan> {
    let n_out = inst.outcomes.len();
    let driver_outcome = if n_out >= 2 {
        Some(2.min(n_out - 1))
    } else {
        None
    };
    inst.outcomes
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let (base, slope, noise) = OUTCOME_TABLE[i % OUTCOME_TABLE.len()];
            OutcomePlan {
                base,
                slope,
                noise,
                sign: match o.direction {
                    Direction::HigherIsBetter => 1.0,
                    Direction::LowerIsBetter => -1.0,
                },
                driver: driver_outcome == Some(i),
            }
        })
        .collect()
}

/// The text written for a missing answer: the first missing code, or empty
/// when there is none or an empty cell already counts as missing.
fn missing_code(inst: &Instrument) -> Vec<u8> {
    if inst.missing.is_empty() || inst.missing.iter().any(|m| m.trim().is_empty()) {
        Vec::new()
    } else {
        inst.missing[0].as_bytes().to_vec()
    }
}

/// Which function a statement is about: the first of "sales" / "marketing"
/// in its text, else alternating by position.
pub(super) fn statement_subject(text: &str, index: usize) -> Role {
    let t = text.to_lowercase();
    match (t.find("sales"), t.find("marketing")) {
        (Some(s), Some(m)) if m < s => Role::Marketing,
        (Some(_), _) => Role::Sales,
        (None, Some(_)) => Role::Marketing,
        (None, None) if index.is_multiple_of(2) => Role::Sales,
        (None, None) => Role::Marketing,
    }
}

/// Company-level draws of one block, flattened by position.
#[derive(Default)]
pub(super) struct Block {
    pub(super) first: usize,
    pub(super) sizes: Vec<usize>,
    pub(super) a: Vec<f64>,
    pub(super) dev: Vec<f64>,
    pub(super) perc: Vec<f64>,
    pub(super) outcomes: Vec<f64>,
}

pub(super) fn normal(rng: &mut ChaCha8Rng) -> f64 {
    rng.sample::<f64, _>(StandardNormal)
}
