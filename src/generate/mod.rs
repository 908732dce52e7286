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
mod plan;
#[cfg(test)]
mod tests;

/// A generated survey of `companies` companies of 1 to `most` respondents
/// on the default instrument, read (for tests of what is made from the
/// sums): the instrument, the sums and the input accounting.
#[cfg(test)]
pub(crate) fn read_generated(
    companies: usize,
    most: usize,
) -> (
    Instrument,
    crate::accumulate::Accumulator,
    crate::ingest::InputReport,
) {
    let inst = Instrument::default_instrument();
    let mut data = Vec::new();
    let opts = GenerateOptions {
        companies,
        min_respondents: 1,
        max_respondents: most,
        ..Default::default()
    };
    generate(&inst, &opts, &mut data, None).expect("generated");
    let mut acc = crate::accumulate::Accumulator::new(&inst);
    let input = crate::ingest::read_responses_from(
        "t.csv",
        Box::new(std::io::Cursor::new(data)),
        &inst,
        crate::ingest::IngestOptions::default(),
        &mut acc,
    )
    .and_then(|i| i.into_result())
    .expect("read");
    (inst, acc, input)
}
mod write;

use plan::*;
use write::*;

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

    let mut out = csv_writer(responses);
    out.write_record(response_header(inst, in_responses))
        .map_err(|e| csv_error(RESP, e))?;
    let mut outc = outcomes.map(csv_writer);
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
        write_block_rows(
            &mut row_gen,
            &mut out,
            &mut rng,
            &block,
            opts.interleave,
            &mut slots,
        )
        .map_err(|e| csv_error(RESP, e))?;
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

/// Context of an error writing the responses.
const RESP: &str = "failed to write the responses";
/// Context of an error writing the outcomes.
const OUTC: &str = "failed to write the outcomes";

/// A buffered CSV writer over `w`.
fn csv_writer(w: &mut dyn Write) -> csv::Writer<&mut dyn Write> {
    csv::WriterBuilder::new()
        .buffer_capacity(1 << 16)
        .from_writer(w)
}

/// The responses' header: respondent, company, role and finished columns
/// (those the instrument has), then items, perception questions, statements
/// and, when `in_responses`, the outcome columns.
fn response_header(inst: &Instrument, in_responses: bool) -> Vec<&str> {
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
    header
}

/// Write every respondent of `block`: company by company, or, when
/// `interleave`, in an order shuffled across the block's companies (`slots`
/// is a reusable buffer of company indices).
fn write_block_rows<W: Write>(
    row_gen: &mut RowWriter<'_>,
    out: &mut csv::Writer<W>,
    rng: &mut ChaCha8Rng,
    block: &Block,
    interleave: bool,
    slots: &mut Vec<u32>,
) -> Result<(), csv::Error> {
    if interleave {
        slots.clear();
        for (i, &n) in block.sizes.iter().enumerate() {
            slots.extend(std::iter::repeat_n(i as u32, n));
        }
        slots.shuffle(rng);
        for &c in slots.iter() {
            row_gen.write_row(out, rng, block, c as usize)?;
        }
    } else {
        for (c, &n) in block.sizes.iter().enumerate() {
            for _ in 0..n {
                row_gen.write_row(out, rng, block, c)?;
            }
        }
    }
    Ok(())
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
