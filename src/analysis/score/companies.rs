//! The per-company part of the `score` model: dimension scores, role scores
//! and gaps, r_wg(J), best first.
//!
//! Companies are made in two steps. A first pass over every company works
//! out what the pooled summaries need (ICC moments, r_wg(J) values, pooled
//! item sums) and each company's place in the list, and keeps no company's
//! figures. [`CompanyRows`] then makes the companies at any range of places
//! when they are wanted: `score` writes its JSON chunk by chunk as the
//! companies are made, so the whole list is never held, and a full list is
//! made in two halves on two threads. Companies are independent of each
//! other, so the result is the same as making the list in one piece.

use super::builder::{Builder, Context};
use super::order::{self, Place};
use super::{CompanyScore, Hidden, Scale, ScoreOptions};
use crate::accumulate::{CompanyAcc, ItemSums, Plan};
use crate::disclosure::Disclosure;
use crate::instrument::Instrument;
use crate::stats::GroupMoments;
use std::ops::Range;

/// Places ahead that a company's sums are read while the list is made.
const AHEAD: usize = 4;

/// Below this many companies one thread does all the work.
const PARALLEL_MIN: usize = 1024;

/// What the pooled summaries need from the companies, and the companies.
pub(super) struct CompanyBlock<'a> {
    pub rows: CompanyRows<'a>,
    pub hidden: Hidden,
    pub tallies: Tallies,
}

/// What the pooled summaries need from every company.
pub(super) struct Tallies {
    /// Per dimension: the defined r_wg(J) of every company.
    pub rwg_all: Vec<Vec<f64>>,
    /// Per dimension: companies without a score.
    pub no_score: Vec<usize>,
    /// Per dimension: the moments of respondent means of every shown company
    /// whose score on it is shown, in input order.
    pub moments: Vec<Vec<GroupMoments>>,
    /// Item sums over the shown role groups of shown companies, indexed
    /// `slot * n_scale + column`.
    pub item_sums: Vec<ItemSums>,
    /// Item sums over the hidden role groups of shown companies, per column:
    /// in an item's total, in none of its role pools.
    pub item_rest: Vec<ItemSums>,
    /// Per column: answers of the shown companies, pooled or not.
    pub item_answers: Vec<u64>,
}

impl Tallies {
    /// Empty tallies with room for `companies` companies' values.
    pub(super) fn new(plan: &Plan, companies: usize) -> Tallies {
        let n_dims = plan.n_dims;
        Tallies {
            rwg_all: (0..n_dims).map(|_| Vec::with_capacity(companies)).collect(),
            no_score: vec![0; n_dims],
            moments: (0..n_dims).map(|_| Vec::with_capacity(companies)).collect(),
            item_sums: vec![ItemSums::default(); plan.role_slots * plan.n_scale()],
            item_rest: vec![ItemSums::default(); plan.n_scale()],
            item_answers: vec![0; plan.n_scale()],
        }
    }

    /// These tallies followed by `next`'s (lists concatenated in order).
    fn merge(mut self, next: Tallies) -> Tallies {
        for (all, more) in self.rwg_all.iter_mut().zip(next.rwg_all) {
            all.extend(more);
        }
        for (n, more) in self.no_score.iter_mut().zip(next.no_score) {
            *n += more;
        }
        for (all, more) in self.moments.iter_mut().zip(next.moments) {
            all.extend(more);
        }
        for (sums, more) in self.item_sums.iter_mut().zip(&next.item_sums) {
            sums.merge(more);
        }
        for (sums, more) in self.item_rest.iter_mut().zip(&next.item_rest) {
            sums.merge(more);
        }
        for (n, more) in self.item_answers.iter_mut().zip(&next.item_answers) {
            *n += more;
        }
        self
    }
}

/// The tallies of every company and their order, best first; what is
/// shown follows `vis`.
pub(super) fn company_block<'a>(
    inst: &'a Instrument,
    ids: &'a [Box<str>],
    companies: &'a [CompanyAcc],
    plan: &'a Plan,
    opts: ScoreOptions,
    scale: Scale,
    vis: Disclosure,
) -> CompanyBlock<'a> {
    let cx = Context {
        inst,
        plan,
        opts,
        scale,
        points: inst.scale_points() as f64,
    };
    let n = ids.len().min(companies.len()).min(vis.companies().len());
    let (ids, companies) = (&ids[..n], &companies[..n]);
    let vis_all = &vis.companies()[..n];
    // The first part's lists have room for every company's, so that the
    // second part's join them in place.
    let tally = |range: Range<usize>, room: usize| {
        let mut b = Builder::new(&cx, Some(Tallies::new(plan, room)));
        let mut places: Vec<Place> = Vec::with_capacity(range.len());
        places.extend(range.map(|i| {
            let alignment = b.tally(&companies[i], &vis_all[i]);
            Place::new(!vis_all[i].shown, alignment, &ids[i], i as u32)
        }));
        order::sort(&mut places, ids);
        (places, b.tallies.unwrap_or_else(|| Tallies::new(plan, 0)))
    };
    // Each half sorted on its thread, then merged.
    let (order, tallies) = if n < PARALLEL_MIN {
        let (places, tallies) = tally(0..n, n);
        (order::merge(&places, &[], ids), tallies)
    } else {
        let mid = n / 2;
        let ((places, first), (more, rest)) =
            on_two_threads(|| tally(0..mid, n), || tally(mid..n, n - mid));
        (order::merge(&places, &more, ids), first.merge(rest))
    };
    let (small, complementary) = vis.hidden_roles();
    let hidden = Hidden {
        threshold: opts.anonymity,
        companies: vis.hidden_companies(),
        roles: small + complementary,
    };
    CompanyBlock {
        rows: CompanyRows {
            cx,
            ids,
            companies,
            order,
            vis,
        },
        hidden,
        tallies,
    }
}

/// The companies of a `score` model, best first, made on demand from the
/// accumulated sums (see the module's documentation).
pub struct CompanyRows<'a> {
    cx: Context<'a>,
    ids: &'a [Box<str>],
    companies: &'a [CompanyAcc],
    vis: Disclosure,
    /// Accumulator positions, best first.
    order: Vec<u32>,
}

impl CompanyRows<'_> {
    /// How many companies the list has.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Is the list empty?
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The companies at places `range` of the list (best first).
    pub fn make(&self, range: Range<usize>) -> Vec<CompanyScore> {
        let mut b = Builder::new(&self.cx, None);
        let vis = self.vis.companies();
        // The list visits the sums at random: each company's are asked for
        // a few places ahead, so that their cache misses overlap with the
        // work.
        range
            .map(|p| {
                if let Some(&ahead) = self.order.get(p + AHEAD) {
                    self.companies[ahead as usize].prefetch();
                }
                let i = self.order[p] as usize;
                b.company(&self.ids[i], &self.companies[i], &vis[i])
            })
            .collect()
    }

    /// Make the companies in chunks of `chunk` places, best first, and
    /// hand what `f` makes of each chunk to `take`, in order. A long list
    /// is made two chunks at a time on two threads; at most two chunks are
    /// held at once.
    pub fn each_chunk<T: Send>(
        &self,
        chunk: usize,
        f: impl Fn(&[CompanyScore]) -> T + Sync,
        mut take: impl FnMut(T),
    ) {
        let n = self.len();
        let chunk = chunk.max(1);
        let run = |r: Range<usize>| f(&self.make(r));
        let mut at = 0;
        while at < n {
            let first = at..(at + chunk).min(n);
            let second = first.end..(first.end + chunk).min(n);
            at = second.end;
            if second.is_empty() || n < PARALLEL_MIN {
                take(run(first));
                if !second.is_empty() {
                    take(run(second));
                }
                continue;
            }
            let (a, b) = on_two_threads(|| run(first), || run(second.clone()));
            take(a);
            take(b);
        }
    }

    /// Every company, best first (a long list made in halves on two
    /// threads).
    pub fn all(&self) -> Vec<CompanyScore> {
        let n = self.len();
        if n < PARALLEL_MIN {
            return self.make(0..n);
        }
        let mid = n / 2;
        let (mut all, rest) = on_two_threads(|| self.make(0..mid), || self.make(mid..n));
        all.extend(rest);
        all
    }
}

/// `first()` on this thread and `second()` on another, at the same time;
/// should no thread start, `second()` runs here after `first()`.
pub(super) fn on_two_threads<A, B: Send>(
    first: impl FnOnce() -> A,
    second: impl Fn() -> B + Sync,
) -> (A, B) {
    std::thread::scope(|s| {
        let handle = std::thread::Builder::new().spawn_scoped(s, &second);
        let a = first();
        let b = match handle.map(|h| h.join()) {
            Ok(Ok(b)) => b,
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            Err(_) => second(),
        };
        (a, b)
    })
}
