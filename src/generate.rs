//! Synthetic survey data with a known, planted structure (`align generate`).
//!
//! [`generate`] writes a responses CSV (one row per respondent) and,
//! optionally, a per-company outcomes CSV, for *any* valid instrument. The
//! output is a pure function of the instrument and [`GenerateOptions`]: the
//! same seed gives the same bytes (one `ChaCha8Rng` stream, seeded with
//! `seed_from_u64`). Rows are streamed in blocks of at most 256 companies
//! (fewer when a block would pass about a million rows), so memory does not
//! grow with the number of companies.
//!
//! # Planted structure
//!
//! Everything is built on a latent scale `z` whose unit is one standard
//! deviation of company alignment, turned into a scale answer by
//! `r = round(min + (max − min)·(0.55 + 0.12·z))`, clipped to `[min, max]`
//! (on a 1–5 scale: `round(3.2 + 0.48·z)`). Reverse-worded items are written
//! mirrored, `min + max − r`, so that after reverse-coding a higher latent
//! value is always a higher score.
//!
//! **Companies.** Company `c` (ids `C0001`, `C0002`, …; at least four digits)
//! has a size drawn uniformly from `min_respondents..=max_respondents`, a
//! latent alignment `a_c ~ N(0, 1)`, a deviation `d_ck ~ N(0, 0.6²)` per
//! dimension `k`, and a perception deviation `p_c ~ N(0, 0.6²)`.
//!
//! **Respondents.** Ids `R000001`, … (at least six digits, more when
//! `companies × max_respondents` needs them) are unique and increase in file
//! order. When the instrument has a role column, the role is
//! sales 45%, marketing 45%, both 10% (sales / marketing 50% each when `both`
//! has no alias), written as the first alias of the role. Without a role
//! column there are no role effects at all. Each respondent has a general
//! response tendency `u ~ N(0, 1.7²)`: people in one company disagree far
//! more than companies differ, as in real organisational surveys.
//!
//! **Items.** Each item `j` has a fixed offset `o_j ~ U(−0.4, 0.4)` (drawn
//! first from the seed). A respondent's answer to item `j` of dimension `k` is
//! `z = a_c + d_ck + o_j + u + role + e`, `e ~ N(0, 2.0²)`, where `role` is
//! the **marketing shift**: `+1.0` latent units for marketing (`+0.5` for
//! both, `0` for sales) on the *shift dimension* only — the dimension with id
//! `collaboration` if there is one, else the last dimension. On a 1–5 scale
//! that is +0.48 scale points before clipping; measured, marketing rates
//! collaboration 9–10.5 index points above sales (pooled over respondents;
//! 7–12 in 120-company surveys, seeds 1–12).
//!
//! **Perception items** are inflated and only loosely tied to reality:
//! `z = 2.9 + 0.5·a_c + 0.6·d̃_c + p_c + u + m + e`, `e ~ N(0, 1.0²)`, where
//! `d̃_c = d_ck/0.6` is the standardised deviation of the dimension with id
//! `interdependence` when there is one (shared goals and KPIs make people
//! *feel* aligned; `0` otherwise) and `m = +0.4` for marketing (`+0.2`
//! both). With the default 1–5 scale about 80–90% of companies reach a
//! perception index ≥ 75 (85–87% over seeds 1–4 with 1000 companies, 82–93%
//! over seeds 1–12 with 120), while outcomes follow `a_c`: the company
//! perception index correlates 0.35–0.40 with the outcome composite (mean of
//! the standardised outcomes), the alignment index 0.72–0.78.
//!
//! **Statements** (what each function says about the other):
//! `z = 1.0 + 0.8·a_c + u + s + e`, `e ~ N(0, 0.5²)`. The *subject* of a
//! statement is whichever of the words "sales" / "marketing" comes first in
//! its text (if neither occurs: sales for even positions, marketing for odd
//! ones). The subject's own function rates it `s = +1.0`, the other function
//! `s = −0.5`, both `s = +0.25`. With the default instrument about half of
//! sales agree that marketing understands our customers (46–48%), about three
//! in four of marketing do (75–76%), and vice versa for the statements about
//! sales.
//!
//! **Outcomes** are company values, linear in `a_c`:
//! `value = base + sign·slope·signal + noise·N(0, 1)`, `sign = −1` for
//! `lower_is_better` outcomes; `(base, slope, noise)` by the outcome's
//! position, cycling: `(8, 6, 4)`, `(5, 4, 3)`, `(10, 6, 4)`, `(12, 7, 5)`,
//! `(70, 8, 6)` — with the default instrument revenue growth
//! `8 + 6·a_c ± 4`, win-rate growth `5 + 4·a_c ± 3`, lead-quality growth
//! `10 + 6·signal ± 4`, pipeline growth `12 + 7·a_c ± 5` and forecast
//! accuracy `70 + 8·a_c ± 6` (all in %).
//! `signal = a_c` for every outcome except the **planted driver**: when the
//! instrument has two or more outcomes, the outcome at position
//! `min(2, n − 1)` (the default's `lead_quality_growth_3y`) has
//! `signal = 0.4·a_c + 0.9·d̃_c` with `d̃_c` the standardised deviation of the
//! *driver dimension*: the dimension with id `shared_understanding` if there
//! is one, else the first dimension. Lead-quality growth is thus driven mostly
//! by shared understanding (lead definitions, scoring, hand-off), not by the
//! overall level of alignment: over seeds 1–4 with 1000 companies it
//! correlates 0.54–0.59 with the company shared-understanding score, 0.16–0.29
//! with the other two dimensions and 0.34–0.42 with the alignment index,
//! while the other outcomes correlate 0.60–0.68 with the alignment index
//! (company scores are means of a few noisy respondents, so these are well
//! below the latent correlations).
//!
//! **Calibration.** Measured by `align score` with the default instrument,
//! 3–12 respondents per company and 3% missing answers (seeds 1–4, 1000
//! companies; 120 companies give the same within sampling error): per
//! dimension ICC(1) 0.24–0.29, ICC(2) 0.71–0.75, median r_wg(J) 0.79–0.82,
//! Cronbach's α 0.86–0.89. Company alignment indexes average about 56 with
//! about 95% between 30 and 80, spread over the stages roughly 1% / 31% /
//! 61% / 7% (0–25–50–75).
//!
//! With an outcomes writer, outcomes go to a CSV with the company column and
//! the outcome columns (exact company values, two decimals), and the responses
//! carry no outcome columns. Without one (and with `outcomes_in_responses`),
//! every respondent row carries its company's values plus
//! `N(0, (0.1·slope)²)` reporting noise, one decimal.
//!
//! **Missing answers and unfinished rows.** Every answer cell (items,
//! perception, statements, outcome cells in the responses) is independently
//! missing with probability `missing_rate`, written as an empty cell (or as
//! the instrument's first `missing` token when its list lacks the empty
//! string). When the instrument has a finished column, finished rows say `1`
//! and about 2% of rows are unfinished (`0`) and blank from a random question
//! onwards.
//!
//! **Order.** With `interleave`, the rows of each block of companies are
//! shuffled, like an export ordered by submission time; otherwise they come
//! company by company. Columns: respondent, company, role, finished (those the
//! instrument names), then items, perception items, statements, outcomes.

use std::io::Write;

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::StandardNormal;

use crate::error::Error;
use crate::instrument::{Direction, Instrument};

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct GenerateOptions {
    /// Number of companies (≥ 1).
    pub companies: usize,
    /// Seed of the random stream; the same seed gives the same bytes.
    pub seed: u64,
    /// Smallest company size (≥ 1).
    pub min_respondents: usize,
    /// Largest company size (≥ `min_respondents`).
    pub max_respondents: usize,
    /// Share of answer cells left missing, in `[0, 0.9]`.
    pub missing_rate: f64,
    /// Shuffle rows of different companies together (by blocks of companies).
    pub interleave: bool,
    /// Without an outcomes writer, put the outcome columns in the responses.
    pub outcomes_in_responses: bool,
}

impl Default for GenerateOptions {
    fn default() -> Self {
        GenerateOptions {
            companies: 120,
            seed: 1,
            min_respondents: 3,
            max_respondents: 12,
            missing_rate: 0.03,
            interleave: true,
            outcomes_in_responses: true,
        }
    }
}

/// What was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenerateSummary {
    /// Data rows written to the responses (header not counted).
    pub rows: u64,
    /// Companies generated.
    pub companies: usize,
}

// The planted structure; the module documentation states these numbers.
const CENTER: f64 = 0.55;
const SPREAD: f64 = 0.12;
const DIM_DEV_SD: f64 = 0.6;
const PERC_DEV_SD: f64 = 0.6;
const RESPONDENT_SD: f64 = 1.7;
const ITEM_OFFSET_MAX: f64 = 0.4;
const ITEM_NOISE_SD: f64 = 2.0;
const MARKETING_SHIFT: f64 = 1.0;
const PERC_SHIFT: f64 = 2.9;
const PERC_A: f64 = 0.5;
const PERC_FEEL: f64 = 0.6;
const PERC_MARKETING: f64 = 0.4;
const PERC_NOISE_SD: f64 = 1.0;
const ST_SHIFT: f64 = 1.0;
const ST_A: f64 = 0.8;
const ST_OWN: f64 = 1.0;
const ST_OTHER: f64 = -0.5;
const ST_NOISE_SD: f64 = 0.5;
const DRIVER_A: f64 = 0.4;
const DRIVER_DIM: f64 = 0.9;
/// `(base, slope, noise sd)` of outcomes by position, cycling.
const OUTCOME_TABLE: [(f64, f64, f64); 5] = [
    (8.0, 6.0, 4.0),
    (5.0, 4.0, 3.0),
    (10.0, 6.0, 4.0),
    (12.0, 7.0, 5.0),
    (70.0, 8.0, 6.0),
];
const REPORT_NOISE: f64 = 0.1;
const UNFINISHED_RATE: f64 = 0.02;
const P_SALES: f64 = 0.45;
const P_MARKETING: f64 = 0.45;
/// Companies per shuffled block, and a cap on the rows of one block.
const BLOCK_COMPANIES: usize = 256;
const BLOCK_ROWS: usize = 1 << 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Sales,
    Marketing,
    Both,
}

struct ItemPlan {
    dim: usize,
    reverse: bool,
    offset: f64,
}

struct OutcomePlan {
    base: f64,
    slope: f64,
    noise: f64,
    sign: f64,
    driver: bool,
}

/// The instrument turned into what the generator needs, by position.
struct Plan {
    min: i64,
    max: i64,
    n_dims: usize,
    items: Vec<ItemPlan>,
    shift_dim: usize,
    driver_dim: usize,
    feel_dim: Option<usize>,
    n_perception: usize,
    /// Subject of each statement.
    statements: Vec<Role>,
    outcomes: Vec<OutcomePlan>,
    outcomes_in_responses: bool,
    has_respondent: bool,
    has_role: bool,
    has_finished: bool,
    has_both: bool,
    role_names: [Vec<u8>; 3],
    missing: Vec<u8>,
    /// The text of every scale point, `min..=max`.
    points: Vec<Vec<u8>>,
}

impl Plan {
    fn new(inst: &Instrument, outcomes_in_responses: bool, rng: &mut ChaCha8Rng) -> Plan {
        let dim_index = |id: &str| inst.dimensions.iter().position(|d| d.id == id);
        let n_dims = inst.dimensions.len();
        let items = inst
            .items
            .iter()
            .map(|it| ItemPlan {
                dim: dim_index(&it.dimension).unwrap_or(0),
                reverse: it.reverse,
                offset: rng.gen_range(-ITEM_OFFSET_MAX..=ITEM_OFFSET_MAX),
            })
            .collect();
        let statements = inst
            .statements
            .iter()
            .enumerate()
            .map(|(i, q)| statement_subject(&q.text, i))
            .collect();
        let n_out = inst.outcomes.len();
        let driver_outcome = if n_out >= 2 {
            Some(2.min(n_out - 1))
        } else {
            None
        };
        let outcomes = inst
            .outcomes
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
            .collect();
        let first = |list: &[String]| {
            list.first()
                .map(|s| s.as_bytes().to_vec())
                .unwrap_or_default()
        };
        let missing = if inst.missing.is_empty() || inst.missing.iter().any(|m| m.trim().is_empty())
        {
            Vec::new()
        } else {
            inst.missing[0].as_bytes().to_vec()
        };
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
    fn answer(&self, z: f64) -> i64 {
        let range = (self.max - self.min) as f64;
        let r = (self.min as f64 + range * (CENTER + SPREAD * z)).round();
        // The clamp keeps the cast in range; NaN cannot occur (finite inputs).
        r.clamp(self.min as f64, self.max as f64) as i64
    }

    fn point(&self, r: i64) -> &[u8] {
        let i = usize::try_from(r - self.min).unwrap_or(0);
        self.points.get(i).map(Vec::as_slice).unwrap_or(b"")
    }
}

/// Which function a statement is about: the first of "sales" / "marketing"
/// in its text, else alternating by position.
fn statement_subject(text: &str, index: usize) -> Role {
    let t = text.to_lowercase();
    match (t.find("sales"), t.find("marketing")) {
        (Some(s), Some(m)) if m < s => Role::Marketing,
        (Some(_), _) => Role::Sales,
        (None, Some(_)) => Role::Marketing,
        (None, None) if index % 2 == 0 => Role::Sales,
        (None, None) => Role::Marketing,
    }
}

/// Company-level draws of one block, flattened by position.
#[derive(Default)]
struct Block {
    first: usize,
    sizes: Vec<usize>,
    a: Vec<f64>,
    dev: Vec<f64>,
    perc: Vec<f64>,
    outcomes: Vec<f64>,
}

fn normal(rng: &mut ChaCha8Rng) -> f64 {
    rng.sample::<f64, _>(StandardNormal)
}

fn csv_error(context: &str, e: csv::Error) -> Error {
    let message = e.to_string();
    match e.into_kind() {
        csv::ErrorKind::Io(io) => Error::io(context, io),
        _ => Error::io(context, std::io::Error::other(message)),
    }
}

/// Write `prefix` and `n` zero-padded to `width` digits into `buf`.
fn format_id(buf: &mut Vec<u8>, prefix: u8, n: u64, width: usize) {
    buf.clear();
    buf.push(prefix);
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut v = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    let len = digits.len() - i;
    buf.extend(std::iter::repeat_n(b'0', width.saturating_sub(len)));
    buf.extend_from_slice(&digits[i..]);
}

/// Write `v` with `decimals` decimals into `buf`, never as `-0.0`.
fn format_number(buf: &mut Vec<u8>, v: f64, decimals: usize) {
    buf.clear();
    let scale = 10f64.powi(decimals as i32);
    let mut r = (v * scale).round() / scale;
    if r == 0.0 {
        r = 0.0;
    }
    // Writing into a Vec cannot fail.
    let _ = write!(buf, "{r:.decimals$}");
}

fn digits(n: u64) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// Generate a synthetic survey for `inst` (see the module documentation for
/// the planted structure). Responses go to `responses`; with `outcomes`, the
/// per-company outcomes go there and the responses carry no outcome columns.
pub fn generate(
    inst: &Instrument,
    opts: &GenerateOptions,
    responses: &mut dyn Write,
    outcomes: Option<&mut dyn Write>,
) -> Result<GenerateSummary, Error> {
    check_options(inst, opts, outcomes.is_some())?;
    let mut rng = ChaCha8Rng::seed_from_u64(opts.seed);
    let in_responses = outcomes.is_none() && opts.outcomes_in_responses;
    let plan = Plan::new(inst, in_responses, &mut rng);

    let mut out = csv::WriterBuilder::new()
        .buffer_capacity(1 << 16)
        .from_writer(responses);
    const RESP: &str = "failed to write the responses";
    const OUTC: &str = "failed to write the outcomes";
    let mut header: Vec<&str> = Vec::new();
    header.extend(inst.columns.respondent.as_deref());
    header.push(&inst.columns.company);
    header.extend(inst.columns.role.as_deref());
    header.extend(inst.columns.finished.as_deref());
    header.extend(inst.items.iter().map(|i| i.column.as_str()));
    header.extend(inst.perception.iter().map(|q| q.column.as_str()));
    header.extend(inst.statements.iter().map(|q| q.column.as_str()));
    if in_responses {
        header.extend(inst.outcomes.iter().map(|o| o.column.as_str()));
    }
    out.write_record(&header).map_err(|e| csv_error(RESP, e))?;

    let mut outc = outcomes.map(|w| {
        csv::WriterBuilder::new()
            .buffer_capacity(1 << 16)
            .from_writer(w)
    });
    if let Some(w) = outc.as_mut() {
        let mut h: Vec<&str> = vec![&inst.columns.company];
        h.extend(inst.outcomes.iter().map(|o| o.column.as_str()));
        w.write_record(&h).map_err(|e| csv_error(OUTC, e))?;
    }

    let company_width = digits(opts.companies as u64).max(4);
    let max_rows = (opts.companies as u64).saturating_mul(opts.max_respondents as u64);
    let mut row_gen = RowWriter {
        plan: &plan,
        missing_rate: opts.missing_rate,
        respondent_width: digits(max_rows).max(6),
        company_width,
        next_respondent: 1,
        id_buf: Vec::with_capacity(32),
        num_buf: Vec::with_capacity(32),
    };

    let mut block = Block::default();
    let mut slots: Vec<u32> = Vec::new();
    let mut next_company = 0usize;
    while next_company < opts.companies {
        draw_block(&plan, opts, &mut rng, &mut block, next_company);
        next_company += block.sizes.len();
        if let Some(w) = outc.as_mut() {
            write_outcomes(
                w,
                &block,
                &plan,
                company_width,
                &mut row_gen.id_buf,
                &mut row_gen.num_buf,
            )
            .map_err(|e| csv_error(OUTC, e))?;
        }
        if opts.interleave {
            slots.clear();
            for (i, &n) in block.sizes.iter().enumerate() {
                slots.extend(std::iter::repeat_n(i as u32, n));
            }
            slots.shuffle(&mut rng);
            for &c in &slots {
                row_gen
                    .write_row(&mut out, &mut rng, &block, c as usize)
                    .map_err(|e| csv_error(RESP, e))?;
            }
        } else {
            for (c, &n) in block.sizes.iter().enumerate() {
                for _ in 0..n {
                    row_gen
                        .write_row(&mut out, &mut rng, &block, c)
                        .map_err(|e| csv_error(RESP, e))?;
                }
            }
        }
    }
    out.flush().map_err(|e| Error::io(RESP, e))?;
    if let Some(w) = outc.as_mut() {
        w.flush().map_err(|e| Error::io(OUTC, e))?;
    }
    Ok(GenerateSummary {
        rows: row_gen.next_respondent - 1,
        companies: opts.companies,
    })
}

fn check_options(
    inst: &Instrument,
    opts: &GenerateOptions,
    outcomes_file: bool,
) -> Result<(), Error> {
    if opts.companies == 0 {
        return Err(Error::Usage(
            "the number of companies must be at least 1".into(),
        ));
    }
    if opts.min_respondents == 0 {
        return Err(Error::Usage(
            "the smallest company size must be at least 1 respondent".into(),
        ));
    }
    if opts.min_respondents > opts.max_respondents {
        return Err(Error::Usage(format!(
            "the smallest company size ({}) is above the largest ({})",
            opts.min_respondents, opts.max_respondents
        )));
    }
    if !(0.0..=0.9).contains(&opts.missing_rate) {
        return Err(Error::Usage(format!(
            "the missing rate must be between 0 and 0.9, not {}",
            opts.missing_rate
        )));
    }
    if u32::try_from(opts.max_respondents).is_err() || u32::try_from(opts.companies).is_err() {
        return Err(Error::Usage(
            "too many companies or respondents per company".into(),
        ));
    }
    if outcomes_file && inst.outcomes.is_empty() {
        return Err(Error::Usage(format!(
            "instrument \"{}\" has no outcomes to write to an outcomes file",
            inst.name
        )));
    }
    Ok(())
}

/// Draw the companies of the next block, starting at company `first`.
fn draw_block(
    plan: &Plan,
    opts: &GenerateOptions,
    rng: &mut ChaCha8Rng,
    b: &mut Block,
    first: usize,
) {
    b.first = first;
    b.sizes.clear();
    b.a.clear();
    b.dev.clear();
    b.perc.clear();
    b.outcomes.clear();
    let mut rows = 0usize;
    let mut c = first;
    while c < opts.companies
        && b.sizes.len() < BLOCK_COMPANIES
        && (rows < BLOCK_ROWS || b.sizes.is_empty())
    {
        let size = rng.gen_range(opts.min_respondents..=opts.max_respondents);
        let a = normal(rng);
        let start = b.dev.len();
        for _ in 0..plan.n_dims {
            b.dev.push(DIM_DEV_SD * normal(rng));
        }
        b.perc.push(PERC_DEV_SD * normal(rng));
        let driver_dev = b.dev[start + plan.driver_dim] / DIM_DEV_SD;
        for o in &plan.outcomes {
            let signal = if o.driver {
                DRIVER_A * a + DRIVER_DIM * driver_dev
            } else {
                a
            };
            b.outcomes
                .push(o.base + o.sign * o.slope * signal + o.noise * normal(rng));
        }
        b.sizes.push(size);
        b.a.push(a);
        rows += size;
        c += 1;
    }
}

fn write_outcomes<W: Write>(
    w: &mut csv::Writer<W>,
    b: &Block,
    plan: &Plan,
    company_width: usize,
    id_buf: &mut Vec<u8>,
    num_buf: &mut Vec<u8>,
) -> Result<(), csv::Error> {
    let n_out = plan.outcomes.len();
    for c in 0..b.sizes.len() {
        format_id(id_buf, b'C', (b.first + c + 1) as u64, company_width);
        w.write_field(&*id_buf)?;
        for &v in &b.outcomes[c * n_out..(c + 1) * n_out] {
            format_number(num_buf, v, 2);
            w.write_field(&*num_buf)?;
        }
        w.write_record(None::<&[u8]>)?;
    }
    Ok(())
}

struct RowWriter<'p> {
    plan: &'p Plan,
    missing_rate: f64,
    respondent_width: usize,
    company_width: usize,
    next_respondent: u64,
    id_buf: Vec<u8>,
    num_buf: Vec<u8>,
}

impl RowWriter<'_> {
    /// Write one respondent of company `c` of block `b`.
    fn write_row<W: Write>(
        &mut self,
        w: &mut csv::Writer<W>,
        rng: &mut ChaCha8Rng,
        b: &Block,
        c: usize,
    ) -> Result<(), csv::Error> {
        let p = self.plan;
        let role = if p.has_role {
            let x: f64 = rng.gen();
            Some(if !p.has_both {
                if x < 0.5 {
                    Role::Sales
                } else {
                    Role::Marketing
                }
            } else if x < P_SALES {
                Role::Sales
            } else if x < P_SALES + P_MARKETING {
                Role::Marketing
            } else {
                Role::Both
            })
        } else {
            None
        };
        let n_questions = p.items.len()
            + p.n_perception
            + p.statements.len()
            + if p.outcomes_in_responses {
                p.outcomes.len()
            } else {
                0
            };
        let finished = !p.has_finished || rng.gen::<f64>() >= UNFINISHED_RATE;
        let stop = if finished {
            n_questions
        } else {
            rng.gen_range(0..n_questions.max(1))
        };
        let u = RESPONDENT_SD * normal(rng);

        if p.has_respondent {
            format_id(
                &mut self.id_buf,
                b'R',
                self.next_respondent,
                self.respondent_width,
            );
            w.write_field(&self.id_buf)?;
        }
        self.next_respondent += 1;
        format_id(
            &mut self.id_buf,
            b'C',
            (b.first + c + 1) as u64,
            self.company_width,
        );
        w.write_field(&self.id_buf)?;
        if let Some(r) = role {
            w.write_field(&p.role_names[r as usize])?;
        }
        if p.has_finished {
            w.write_field(if finished { "1" } else { "0" })?;
        }

        let a = b.a[c];
        let dev = &b.dev[c * p.n_dims..(c + 1) * p.n_dims];
        let missing_rate = self.missing_rate;
        let mut q = 0usize;
        let cell = |rng: &mut ChaCha8Rng, q: &mut usize| -> bool {
            let missing = *q >= stop || rng.gen::<f64>() < missing_rate;
            *q += 1;
            missing
        };

        // Items.
        for it in &p.items {
            let shift = if it.dim == p.shift_dim {
                match role {
                    Some(Role::Marketing) => MARKETING_SHIFT,
                    Some(Role::Both) => MARKETING_SHIFT / 2.0,
                    _ => 0.0,
                }
            } else {
                0.0
            };
            let z = a + dev[it.dim] + it.offset + u + shift + ITEM_NOISE_SD * normal(rng);
            let mut r = p.answer(z);
            if it.reverse {
                r = p.min + p.max - r;
            }
            if cell(rng, &mut q) {
                w.write_field(&p.missing)?;
            } else {
                w.write_field(p.point(r))?;
            }
        }

        // Perception items.
        if p.n_perception > 0 {
            let feel = p.feel_dim.map_or(0.0, |k| dev[k] / DIM_DEV_SD);
            let m = match role {
                Some(Role::Marketing) => PERC_MARKETING,
                Some(Role::Both) => PERC_MARKETING / 2.0,
                _ => 0.0,
            };
            let base = PERC_SHIFT + PERC_A * a + PERC_FEEL * feel + b.perc[c] + u + m;
            for _ in 0..p.n_perception {
                let r = p.answer(base + PERC_NOISE_SD * normal(rng));
                if cell(rng, &mut q) {
                    w.write_field(&p.missing)?;
                } else {
                    w.write_field(p.point(r))?;
                }
            }
        }

        // Statements about the other function.
        for &subject in &p.statements {
            let s = match role {
                Some(Role::Both) => ST_OWN / 4.0,
                Some(r) if r == subject => ST_OWN,
                Some(_) => ST_OTHER,
                None => 0.0,
            };
            let z = ST_SHIFT + ST_A * a + u + s + ST_NOISE_SD * normal(rng);
            let r = p.answer(z);
            if cell(rng, &mut q) {
                w.write_field(&p.missing)?;
            } else {
                w.write_field(p.point(r))?;
            }
        }

        // Outcomes as reported by the respondent.
        if p.outcomes_in_responses {
            let n_out = p.outcomes.len();
            for (o, &v) in p
                .outcomes
                .iter()
                .zip(&b.outcomes[c * n_out..(c + 1) * n_out])
            {
                let reported = v + REPORT_NOISE * o.slope * normal(rng);
                if cell(rng, &mut q) {
                    w.write_field(&p.missing)?;
                } else {
                    format_number(&mut self.num_buf, reported, 1);
                    w.write_field(&self.num_buf)?;
                }
            }
        }
        w.write_record(None::<&[u8]>)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn default_inst() -> Instrument {
        Instrument::from_json(crate::instrument::DEFAULT_JSON, "default")
            .expect("default instrument")
    }

    fn run(inst: &Instrument, opts: &GenerateOptions) -> (Vec<u8>, GenerateSummary) {
        let mut buf = Vec::new();
        let s = generate(inst, opts, &mut buf, None).expect("generate");
        (buf, s)
    }

    fn parse(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
        let mut r = csv::Reader::from_reader(bytes);
        let header = r
            .headers()
            .expect("header")
            .iter()
            .map(str::to_string)
            .collect();
        let rows = r
            .records()
            .map(|rec| rec.expect("record").iter().map(str::to_string).collect())
            .collect();
        (header, rows)
    }

    fn col(header: &[String], name: &str) -> usize {
        header
            .iter()
            .position(|h| h == name)
            .expect("column present")
    }

    fn pearson(x: &[f64], y: &[f64]) -> f64 {
        let n = x.len() as f64;
        let mx = x.iter().sum::<f64>() / n;
        let my = y.iter().sum::<f64>() / n;
        let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
        for (a, b) in x.iter().zip(y) {
            sxy += (a - mx) * (b - my);
            sxx += (a - mx).powi(2);
            syy += (b - my).powi(2);
        }
        sxy / (sxx * syy).sqrt()
    }

    /// Per company: mean of the respondents' reverse-coded answers to `items`.
    fn company_means(
        inst: &Instrument,
        header: &[String],
        rows: &[Vec<String>],
        items: &[usize],
    ) -> BTreeMap<String, f64> {
        let ci = col(header, &inst.columns.company);
        let mut acc: BTreeMap<String, (f64, f64)> = BTreeMap::new();
        for row in rows {
            let (mut s, mut n) = (0.0, 0.0);
            for &i in items {
                let it = &inst.items[i];
                let cell = &row[col(header, &it.column)];
                if let Ok(v) = cell.parse::<i64>() {
                    let v = if it.reverse {
                        inst.scale.min + inst.scale.max - v
                    } else {
                        v
                    };
                    s += v as f64;
                    n += 1.0;
                }
            }
            if n > 0.0 {
                let e = acc.entry(row[ci].clone()).or_insert((0.0, 0.0));
                e.0 += s / n;
                e.1 += 1.0;
            }
        }
        acc.into_iter().map(|(k, (s, n))| (k, s / n)).collect()
    }

    #[test]
    fn default_instrument_is_valid_and_complete() {
        let inst = default_inst();
        assert_eq!(inst.name, "Sales-Marketing Alignment Survey");
        assert_eq!(inst.version, "1.0");
        assert_eq!((inst.scale.min, inst.scale.max), (1, 5));
        assert_eq!(inst.scale.labels.len(), 5);
        let dims: Vec<&str> = inst.dimensions.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(
            dims,
            ["shared_understanding", "interdependence", "collaboration"]
        );
        for (d, prefix) in dims.iter().zip(["su_", "in_", "co_"]) {
            let items = inst.items_of(d);
            assert!((7..=8).contains(&items.len()), "{d}: {} items", items.len());
            assert!(
                items.iter().any(|&i| inst.items[i].reverse),
                "{d}: no reverse item"
            );
            for &i in &items {
                assert!(inst.items[i].id.starts_with(prefix));
                assert_eq!(inst.items[i].id, inst.items[i].column);
            }
        }
        assert_eq!(inst.perception.len(), 3);
        assert_eq!(inst.statements.len(), 4);
        assert!(inst.statements.iter().all(|q| q.id.starts_with("st_")));
        let outcomes: Vec<(&str, &str)> = inst
            .outcomes
            .iter()
            .map(|o| (o.id.as_str(), o.group.as_str()))
            .collect();
        assert_eq!(
            outcomes,
            [
                ("revenue_growth_3y", "growth"),
                ("win_rate_growth_3y", "growth"),
                ("lead_quality_growth_3y", "growth"),
                ("pipeline_growth", "pipeline_health"),
                ("forecast_accuracy", "pipeline_health"),
            ]
        );
        assert!(inst
            .outcomes
            .iter()
            .all(|o| o.unit == "%" && o.direction == Direction::HigherIsBetter));
        let stages: Vec<(&str, f64)> = inst
            .stages
            .iter()
            .map(|s| (s.name.as_str(), s.min))
            .collect();
        assert_eq!(
            stages,
            [
                ("Undefined", 0.0),
                ("Defined", 25.0),
                ("Aligned", 50.0),
                ("Integrated", 75.0)
            ]
        );
        assert_eq!(inst.columns.finished, None);
        assert_eq!(inst.missing, ["", "NA", "N/A", "-99"]);
    }

    #[test]
    fn same_seed_same_bytes_other_seed_other_bytes() {
        let inst = default_inst();
        let opts = GenerateOptions {
            companies: 40,
            ..Default::default()
        };
        let (a, _) = run(&inst, &opts);
        let (b, _) = run(&inst, &opts);
        assert_eq!(a, b);
        let (c, _) = run(
            &inst,
            &GenerateOptions {
                seed: 2,
                ..opts.clone()
            },
        );
        assert_ne!(a, c);
        let (d, _) = run(
            &inst,
            &GenerateOptions {
                interleave: false,
                ..opts
            },
        );
        assert_ne!(a, d);
    }

    #[test]
    fn rows_are_the_sum_of_company_sizes() {
        let inst = default_inst();
        let opts = GenerateOptions {
            companies: 300,
            ..Default::default()
        };
        let (bytes, s) = run(&inst, &opts);
        let (header, rows) = parse(&bytes);
        assert_eq!(s.rows as usize, rows.len());
        assert_eq!(s.companies, 300);
        let ci = col(&header, "company_id");
        let mut sizes: BTreeMap<&str, usize> = BTreeMap::new();
        for r in &rows {
            *sizes.entry(r[ci].as_str()).or_default() += 1;
        }
        assert_eq!(sizes.len(), 300);
        assert!(sizes.values().all(|&n| (3..=12).contains(&n)));
        assert_eq!(sizes.values().sum::<usize>(), rows.len());
        assert_eq!(sizes.keys().next(), Some(&"C0001"));
        assert_eq!(sizes.keys().last(), Some(&"C0300"));
        // Respondent ids are unique and increase in file order.
        let ri = col(&header, "respondent_id");
        assert_eq!(rows[0][ri], "R000001");
        for w in rows.windows(2) {
            assert!(w[0][ri] < w[1][ri]);
        }
        // Interleaved: the first rows come from several companies.
        let first: std::collections::BTreeSet<&str> =
            rows[..10].iter().map(|r| r[ci].as_str()).collect();
        assert!(first.len() > 3);

        let fixed = GenerateOptions {
            companies: 7,
            min_respondents: 5,
            max_respondents: 5,
            ..opts
        };
        let (bytes, s) = run(&inst, &fixed);
        assert_eq!(s.rows, 35);
        assert_eq!(parse(&bytes).1.len(), 35);
    }

    #[test]
    fn header_order_and_cells() {
        let inst = default_inst();
        let (bytes, _) = run(
            &inst,
            &GenerateOptions {
                companies: 50,
                ..Default::default()
            },
        );
        let (header, rows) = parse(&bytes);
        let mut expected = vec!["respondent_id", "company_id", "role"];
        expected.extend(inst.items.iter().map(|i| i.column.as_str()));
        expected.extend(inst.perception.iter().map(|i| i.column.as_str()));
        expected.extend(inst.statements.iter().map(|i| i.column.as_str()));
        expected.extend(inst.outcomes.iter().map(|i| i.column.as_str()));
        assert_eq!(header, expected);
        let n_answers = inst.items.len() + inst.perception.len() + inst.statements.len();
        let (mut missing, mut total) = (0usize, 0usize);
        let mut roles: BTreeMap<&str, usize> = BTreeMap::new();
        for r in &rows {
            *roles.entry(r[2].as_str()).or_default() += 1;
            for cell in &r[3..3 + n_answers] {
                total += 1;
                if cell.is_empty() {
                    missing += 1;
                } else {
                    let v: i64 = cell.parse().expect("integer answer");
                    assert!((1..=5).contains(&v));
                }
            }
            for cell in &r[3 + n_answers..] {
                if !cell.is_empty() {
                    let (_, dec) = cell.split_once('.').expect("one decimal");
                    assert_eq!(dec.len(), 1);
                }
            }
        }
        let rate = missing as f64 / total as f64;
        assert!((0.015..0.05).contains(&rate), "missing rate {rate}");
        assert_eq!(
            roles.keys().copied().collect::<Vec<_>>(),
            ["both", "marketing", "sales"]
        );
        let share_both = roles["both"] as f64 / rows.len() as f64;
        assert!((0.05..0.16).contains(&share_both));
    }

    #[test]
    fn outcomes_file_holds_company_values() {
        let inst = default_inst();
        let opts = GenerateOptions {
            companies: 30,
            ..Default::default()
        };
        let mut resp = Vec::new();
        let mut outc = Vec::new();
        let s = generate(&inst, &opts, &mut resp, Some(&mut outc)).expect("generate");
        let (header, rows) = parse(&resp);
        assert_eq!(rows.len() as u64, s.rows);
        assert!(inst.outcomes.iter().all(|o| !header.contains(&o.column)));
        let (oh, orows) = parse(&outc);
        let mut expected = vec!["company_id"];
        expected.extend(inst.outcomes.iter().map(|o| o.column.as_str()));
        assert_eq!(oh, expected);
        assert_eq!(orows.len(), 30);
        assert_eq!(orows[0][0], "C0001");
        for r in &orows {
            for cell in &r[1..] {
                let (_, dec) = cell.split_once('.').expect("two decimals");
                assert_eq!(dec.len(), 2);
                assert!(cell.parse::<f64>().is_ok_and(f64::is_finite));
            }
        }
        // Without outcomes in the responses and without a file: no outcome columns.
        let (bytes, _) = run(
            &inst,
            &GenerateOptions {
                outcomes_in_responses: false,
                ..opts
            },
        );
        let (header, _) = parse(&bytes);
        assert!(inst.outcomes.iter().all(|o| !header.contains(&o.column)));
    }

    #[test]
    fn planted_structure_is_recoverable() {
        let inst = default_inst();
        let opts = GenerateOptions {
            companies: 500,
            ..Default::default()
        };
        let mut resp = Vec::new();
        let mut outc = Vec::new();
        generate(&inst, &opts, &mut resp, Some(&mut outc)).expect("generate");
        let (header, rows) = parse(&resp);
        let ri = col(&header, "role");

        // Marketing rates collaboration higher than sales does.
        let collab = inst.items_of("collaboration");
        let role_mean = |role: &str, items: &[usize]| {
            let (mut s, mut n) = (0.0, 0.0);
            for r in rows.iter().filter(|r| r[ri] == role) {
                for &i in items {
                    let it = &inst.items[i];
                    if let Ok(v) = r[col(&header, &it.column)].parse::<i64>() {
                        s += if it.reverse { (6 - v) as f64 } else { v as f64 };
                        n += 1.0;
                    }
                }
            }
            s / n
        };
        // Planted: +0.48 scale points before clipping, about +10 index points.
        let gap = role_mean("marketing", &collab) - role_mean("sales", &collab);
        assert!(
            (0.3..0.5).contains(&gap),
            "marketing − sales on collaboration: {gap}"
        );
        let su = inst.items_of("shared_understanding");
        let su_gap = role_mean("marketing", &su) - role_mean("sales", &su);
        assert!(
            su_gap.abs() < 0.15,
            "no planted gap on shared understanding: {su_gap}"
        );

        // Company alignment (all items) tracks the first outcome.
        let all: Vec<usize> = (0..inst.items.len()).collect();
        let align = company_means(&inst, &header, &rows, &all);
        let (oh, orows) = parse(&outc);
        let outcome = |name: &str| -> Vec<f64> {
            let k = col(&oh, name);
            orows
                .iter()
                .map(|r| r[k].parse::<f64>().expect("number"))
                .collect()
        };
        let x: Vec<f64> = orows.iter().map(|r| align[&r[0]]).collect();
        let r_rev = pearson(&x, &outcome("revenue_growth_3y"));
        assert!(r_rev > 0.5, "alignment vs revenue growth r = {r_rev}");

        // The planted driver: lead quality follows shared understanding more
        // than collaboration.
        let su_means = company_means(&inst, &header, &rows, &su);
        let co_means = company_means(&inst, &header, &rows, &collab);
        let lq = outcome("lead_quality_growth_3y");
        let r_su = pearson(
            &orows.iter().map(|r| su_means[&r[0]]).collect::<Vec<_>>(),
            &lq,
        );
        let r_co = pearson(
            &orows.iter().map(|r| co_means[&r[0]]).collect::<Vec<_>>(),
            &lq,
        );
        assert!(
            r_su > r_co + 0.2,
            "lead quality: r(su) = {r_su}, r(co) = {r_co}"
        );

        // Perception is inflated: most companies look aligned.
        let pcols: Vec<usize> = inst
            .perception
            .iter()
            .map(|q| col(&header, &q.column))
            .collect();
        let ci = col(&header, "company_id");
        let mut perc: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
        for r in &rows {
            let vals: Vec<f64> = pcols
                .iter()
                .filter_map(|&k| r[k].parse::<f64>().ok())
                .collect();
            if vals.len() >= 2 {
                let e = perc.entry(r[ci].as_str()).or_default();
                e.0 += vals.iter().sum::<f64>() / vals.len() as f64;
                e.1 += 1.0;
            }
        }
        let aligned = perc
            .values()
            .filter(|(s, n)| 100.0 * (s / n - 1.0) / 4.0 >= 75.0)
            .count();
        let share = aligned as f64 / perc.len() as f64;
        assert!((0.75..=0.93).contains(&share), "perceived aligned: {share}");
        // ... but perception tracks outcomes clearly less than alignment does.
        let p_rev: Vec<f64> = orows
            .iter()
            .filter_map(|r| perc.get(r[0].as_str()).map(|(s, n)| s / n))
            .collect();
        let rev_p: Vec<f64> = orows
            .iter()
            .filter(|r| perc.contains_key(r[0].as_str()))
            .map(|r| {
                r[col(&oh, "revenue_growth_3y")]
                    .parse::<f64>()
                    .expect("number")
            })
            .collect();
        let r_perc = pearson(&p_rev, &rev_p);
        assert!(
            r_perc < r_rev - 0.15,
            "perception vs revenue r = {r_perc}, alignment r = {r_rev}"
        );

        // Statements: sales agrees less that marketing understands customers.
        let st = col(&header, "st_mkt_understands_customers");
        let agree = |role: &str| {
            let v: Vec<i64> = rows
                .iter()
                .filter(|r| r[ri] == role)
                .filter_map(|r| r[st].parse().ok())
                .collect();
            v.iter().filter(|&&x| x >= 4).count() as f64 / v.len() as f64
        };
        assert!(agree("marketing") > agree("sales") + 0.15);
    }

    /// One-way ICC(1) of per-respondent scores grouped by company.
    fn icc1(groups: &BTreeMap<String, Vec<f64>>) -> f64 {
        let n: f64 = groups.values().map(|g| g.len() as f64).sum();
        let k = groups.len() as f64;
        let grand = groups.values().flatten().sum::<f64>() / n;
        let (mut ssb, mut ssw) = (0.0, 0.0);
        for g in groups.values() {
            let m = g.iter().sum::<f64>() / g.len() as f64;
            ssb += g.len() as f64 * (m - grand).powi(2);
            ssw += g.iter().map(|x| (x - m).powi(2)).sum::<f64>();
        }
        let (msb, msw) = (ssb / (k - 1.0), ssw / (n - k));
        let gbar = n / k;
        (msb - msw) / (msb + (gbar - 1.0) * msw)
    }

    #[test]
    fn companies_are_realistically_heterogeneous() {
        // Real organisational surveys: ICC(1) about 0.15–0.35, median r_wg(J)
        // about 0.7–0.9, α about 0.8–0.9. Checked here without missing
        // answers, dimension by dimension.
        let inst = default_inst();
        let opts = GenerateOptions {
            companies: 400,
            missing_rate: 0.0,
            interleave: false,
            ..Default::default()
        };
        let (bytes, _) = run(&inst, &opts);
        let (header, rows) = parse(&bytes);
        let ci = col(&header, &inst.columns.company);
        assert!(inst.columns.finished.is_none(), "every row is complete");
        for d in &inst.dimensions {
            let items = inst.items_of(&d.id);
            let answers: Vec<Vec<f64>> = rows
                .iter()
                .map(|r| {
                    items
                        .iter()
                        .map(|&i| {
                            let it = &inst.items[i];
                            let v: i64 = r[col(&header, &it.column)].parse().expect("answered");
                            (if it.reverse { 6 - v } else { v }) as f64
                        })
                        .collect()
                })
                .collect();

            // ICC(1) of the dimension score.
            let mut groups: BTreeMap<String, Vec<f64>> = BTreeMap::new();
            for (r, a) in rows.iter().zip(&answers) {
                let score = a.iter().sum::<f64>() / a.len() as f64;
                groups.entry(r[ci].clone()).or_default().push(score);
            }
            let icc = icc1(&groups);
            assert!((0.18..0.36).contains(&icc), "{}: ICC(1) = {icc}", d.id);

            // Cronbach's α over all respondents.
            let k = items.len() as f64;
            let var = |xs: &[f64]| {
                let m = xs.iter().sum::<f64>() / xs.len() as f64;
                xs.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (xs.len() as f64 - 1.0)
            };
            let item_vars: f64 = (0..items.len())
                .map(|j| var(&answers.iter().map(|a| a[j]).collect::<Vec<_>>()))
                .sum();
            let total = var(&answers.iter().map(|a| a.iter().sum()).collect::<Vec<_>>());
            let alpha = k / (k - 1.0) * (1.0 - item_vars / total);
            assert!((0.8..0.92).contains(&alpha), "{}: α = {alpha}", d.id);

            // Median r_wg(J) over companies (uniform null, σ² = 2 on 1–5).
            let mut by_company: BTreeMap<&str, Vec<&Vec<f64>>> = BTreeMap::new();
            for (r, a) in rows.iter().zip(&answers) {
                by_company.entry(r[ci].as_str()).or_default().push(a);
            }
            let mut rwg: Vec<f64> = by_company
                .values()
                .filter(|g| g.len() >= 2)
                .map(|g| {
                    let s2 = (0..items.len())
                        .map(|j| var(&g.iter().map(|a| a[j]).collect::<Vec<_>>()))
                        .sum::<f64>()
                        / k
                        / 2.0;
                    if s2 > 1.0 {
                        0.0
                    } else {
                        k * (1.0 - s2) / (k * (1.0 - s2) + s2)
                    }
                })
                .collect();
            rwg.sort_by(f64::total_cmp);
            let median = rwg[rwg.len() / 2];
            assert!(
                (0.72..0.9).contains(&median),
                "{}: r_wg(J) = {median}",
                d.id
            );
        }
    }

    #[test]
    fn any_instrument_works() {
        let json = r#"{
            "name": "Tiny", "version": "0",
            "scale": {"min": 1, "max": 7},
            "columns": {"respondent": null, "company": "firm", "role": null, "finished": "Finished"},
            "dimensions": [{"id": "x", "label": "X"}],
            "items": [
                {"id": "a", "column": "A", "dimension": "x", "text": "A"},
                {"id": "b", "column": "B", "dimension": "x", "text": "B", "reverse": true}
            ]
        }"#;
        let inst = Instrument::from_json(json, "tiny").expect("valid");
        let opts = GenerateOptions {
            companies: 200,
            missing_rate: 0.0,
            ..Default::default()
        };
        let (bytes, s) = run(&inst, &opts);
        let (header, rows) = parse(&bytes);
        assert_eq!(header, ["firm", "Finished", "A", "B"]);
        assert_eq!(rows.len() as u64, s.rows);
        let mut unfinished = 0;
        for r in &rows {
            match r[1].as_str() {
                "1" => {
                    for cell in &r[2..] {
                        let v: i64 = cell.parse().expect("answered");
                        assert!((1..=7).contains(&v));
                    }
                }
                "0" => unfinished += 1,
                other => panic!("finished = {other}"),
            }
        }
        assert!(unfinished > 0 && unfinished < rows.len() / 10);
        // Reverse item mirrored: A and 8 − B agree.
        let x: Vec<f64> = rows
            .iter()
            .filter(|r| r[1] == "1")
            .map(|r| r[2].parse().unwrap_or(0.0))
            .collect();
        let y: Vec<f64> = rows
            .iter()
            .filter(|r| r[1] == "1")
            .map(|r| r[3].parse().unwrap_or(0.0))
            .collect();
        assert!(pearson(&x, &y) < -0.3);

        // An outcomes file for an instrument without outcomes is a usage error.
        let mut o = Vec::new();
        let e = generate(&inst, &opts, &mut Vec::new(), Some(&mut o));
        assert!(matches!(e, Err(Error::Usage(_))));
    }

    #[test]
    fn binary_scale_and_missing_token() {
        let json = r#"{
            "name": "Yes/no", "version": "0",
            "scale": {"min": 0, "max": 1},
            "missing": ["."],
            "columns": {"company": "co", "role": "fn"},
            "roles": {"sales": ["S"], "marketing": ["M"]},
            "dimensions": [{"id": "p", "label": "P"}, {"id": "q", "label": "Q"}],
            "items": [
                {"id": "p1", "column": "p1", "dimension": "p", "text": "p1"},
                {"id": "q1", "column": "q1", "dimension": "q", "text": "q1", "reverse": true}
            ],
            "perception": [{"id": "pa", "column": "pa", "text": "aligned"}],
            "outcomes": [{"id": "o", "column": "o", "label": "O", "direction": "lower_is_better", "group": "g"}]
        }"#;
        let inst = Instrument::from_json(json, "yn").expect("valid");
        let (bytes, _) = run(
            &inst,
            &GenerateOptions {
                companies: 100,
                missing_rate: 0.2,
                ..Default::default()
            },
        );
        let (header, rows) = parse(&bytes);
        assert_eq!(header, ["co", "fn", "p1", "q1", "pa", "o"]);
        let mut dots = 0;
        for r in &rows {
            assert!(r[1] == "S" || r[1] == "M");
            for cell in &r[2..5] {
                match cell.as_str() {
                    "0" | "1" => {}
                    "." => dots += 1,
                    other => panic!("cell {other}"),
                }
            }
        }
        assert!(dots > 0);
    }

    #[test]
    fn impossible_options_are_usage_errors() {
        let inst = default_inst();
        let d = GenerateOptions::default();
        for bad in [
            GenerateOptions {
                companies: 0,
                ..d.clone()
            },
            GenerateOptions {
                min_respondents: 5,
                max_respondents: 4,
                ..d.clone()
            },
            GenerateOptions {
                min_respondents: 0,
                ..d.clone()
            },
            GenerateOptions {
                missing_rate: 0.95,
                ..d.clone()
            },
            GenerateOptions {
                missing_rate: -0.1,
                ..d.clone()
            },
            GenerateOptions {
                missing_rate: f64::NAN,
                ..d.clone()
            },
        ] {
            let e = generate(&inst, &bad, &mut Vec::new(), None);
            assert!(matches!(e, Err(Error::Usage(_))), "{bad:?}");
        }
    }

    struct Broken;
    impl Write for Broken {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::new(
                std::io::ErrorKind::BrokenPipe,
                "closed",
            ))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn write_failures_are_io_errors() {
        let inst = default_inst();
        let e = generate(&inst, &GenerateOptions::default(), &mut Broken, None);
        assert!(
            matches!(&e, Err(err @ Error::Io { .. }) if err.is_broken_pipe()),
            "{e:?}"
        );
        let e = generate(
            &inst,
            &GenerateOptions::default(),
            &mut Vec::new(),
            Some(&mut Broken),
        );
        assert!(matches!(e, Err(Error::Io { .. })));
    }
}
