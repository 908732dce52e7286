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

use super::{
    company_group_means_into, rwg_of_totals, CompanyScore, Hidden, RoleScores, Scale, ScoreOptions,
};
use crate::accumulate::{CompanyAcc, ItemSums, Plan};
use crate::analysis::{finite, larger_first, mean_all, OrderedMap};
use crate::disclosure::{suppress_parts_ordered, CompanyPlan, Disclosure};
use crate::ingest::values::Role;
use crate::instrument::Instrument;
use crate::stats::GroupMoments;
use std::ops::Range;
use std::sync::Arc;

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
    fn new(plan: &Plan, companies: usize) -> Tallies {
        let n_dims = plan.n_dims;
        Tallies {
            rwg_all: vec![Vec::with_capacity(companies); n_dims],
            no_score: vec![0; n_dims],
            moments: vec![Vec::with_capacity(companies); n_dims],
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

/// What every company's figures are computed from.
struct Context<'a> {
    inst: &'a Instrument,
    plan: &'a Plan,
    opts: ScoreOptions,
    scale: Scale,
    points: f64,
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
    let tally = |range: Range<usize>| {
        let mut b = Builder::new(&cx, Some(Tallies::new(plan, range.len())));
        let places: Vec<Place> = range
            .map(|i| Place {
                suppressed: !vis_all[i].shown,
                alignment: b.tally(&companies[i], &vis_all[i]),
                at: i as u32,
            })
            .collect();
        (places, b.tallies.unwrap_or_else(|| Tallies::new(plan, 0)))
    };
    let (mut places, tallies) = if n < PARALLEL_MIN {
        tally(0..n)
    } else {
        let mid = n / 2;
        std::thread::scope(|s| {
            let second = std::thread::Builder::new().spawn_scoped(s, || tally(mid..n));
            let (mut places, first) = tally(0..mid);
            let (more, rest) = match second.map(|h| h.join()) {
                Ok(Ok(second)) => second,
                Ok(Err(panic)) => std::panic::resume_unwind(panic),
                // No second thread: the rest on this one.
                Err(_) => tally(mid..n),
            };
            places.extend(more);
            (places, first.merge(rest))
        })
    };
    places.sort_unstable_by(|a, b| a.cmp(b, ids));
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
            order: places.into_iter().map(|p| p.at).collect(),
            vis,
        },
        hidden,
        tallies,
    }
}

/// Where a company goes in the list: best first; hidden companies last, by
/// id, so their order reveals nothing. Company ids are unique, so no two
/// companies rank equal.
struct Place {
    suppressed: bool,
    alignment: Option<f64>,
    /// The company's position in the accumulator.
    at: u32,
}

impl Place {
    fn cmp(&self, o: &Place, ids: &[Box<str>]) -> std::cmp::Ordering {
        self.suppressed
            .cmp(&o.suppressed)
            .then_with(|| larger_first(self.alignment, o.alignment))
            .then_with(|| ids[self.at as usize].cmp(&ids[o.at as usize]))
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
        self.order[range]
            .iter()
            .map(|&i| {
                let i = i as usize;
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
            let (a, b) = std::thread::scope(|s| {
                let other = second.clone();
                let handle = std::thread::Builder::new().spawn_scoped(s, || run(other));
                let a = run(first);
                let b = match handle.map(|h| h.join()) {
                    Ok(Ok(b)) => b,
                    Ok(Err(panic)) => std::panic::resume_unwind(panic),
                    // No second thread: that chunk on this one.
                    Err(_) => run(second),
                };
                (a, b)
            });
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
        std::thread::scope(|s| {
            let second = std::thread::Builder::new().spawn_scoped(s, || self.make(mid..n));
            let mut all = self.make(0..mid);
            all.extend(match second.map(|h| h.join()) {
                Ok(Ok(second)) => second,
                Ok(Err(panic)) => std::panic::resume_unwind(panic),
                Err(_) => self.make(mid..n),
            });
            all
        })
    }
}

/// The keys of a company's maps, made once and shared by every company.
struct Keys {
    dims: Vec<Arc<str>>,
    alignment: Arc<str>,
    /// Every role slot and its name (none without a role column).
    roles: Vec<(usize, Arc<str>)>,
    /// Role slots in the order ties are broken when suppressing.
    tie_order: Vec<usize>,
}

impl Keys {
    fn new(inst: &Instrument, plan: &Plan) -> Keys {
        Keys {
            dims: inst
                .dimensions
                .iter()
                .map(|d| Arc::from(d.id.as_str()))
                .collect(),
            alignment: Arc::from("alignment_index"),
            roles: plan.role_keys(),
            tie_order: plan.role_tie_order(),
        }
    }

    /// One value per dimension (`null` past the end of `vals`).
    fn dim_map(&self, vals: &[Option<f64>]) -> OrderedMap<Option<f64>> {
        let mut m = OrderedMap::with_capacity(self.dims.len() + 1);
        for (d, k) in self.dims.iter().enumerate() {
            m.insert(k.clone(), vals.get(d).copied().flatten());
        }
        m
    }

    /// One value per dimension and their mean as `alignment_index`.
    fn score_map(&self, vals: &[Option<f64>], alignment: Option<f64>) -> OrderedMap<Option<f64>> {
        let mut m = self.dim_map(vals);
        m.insert(self.alignment.clone(), alignment);
        m
    }
}

/// Works out companies' figures one after another, reusing its scratch
/// space; adds them to the tallies when it keeps them.
struct Builder<'a> {
    cx: &'a Context<'a>,
    keys: Keys,
    tallies: Option<Tallies>,
    /// Per scale column: the company's item sums over all roles.
    totals: Vec<ItemSums>,
    means: Vec<Option<f64>>,
    dim_scores: Vec<Option<f64>>,
    rwg: Vec<Option<f64>>,
    vars: Vec<f64>,
    /// Per role slot: its dimension scores (while building one company).
    role_scores: Vec<Vec<Option<f64>>>,
    scratch: Vec<Option<f64>>,
}

impl<'a> Builder<'a> {
    fn new(cx: &'a Context<'a>, tallies: Option<Tallies>) -> Builder<'a> {
        Builder {
            cx,
            keys: Keys::new(cx.inst, cx.plan),
            tallies,
            totals: Vec::new(),
            means: Vec::new(),
            dim_scores: Vec::new(),
            rwg: Vec::new(),
            vars: Vec::new(),
            role_scores: vec![Vec::new(); cx.plan.role_slots],
            scratch: Vec::new(),
        }
    }

    /// Add a company to the tallies; its alignment index (none when hidden).
    fn tally(&mut self, c: &CompanyAcc, vis: &CompanyPlan) -> Option<f64> {
        // A hidden company enters no figure at all.
        if !vis.shown {
            return None;
        }
        self.figures(c, vis)
    }

    /// A company's entry in the list.
    fn company(&mut self, id: &str, c: &CompanyAcc, vis: &CompanyPlan) -> CompanyScore {
        let cx = self.cx;
        let plan = cx.plan;
        let n = c.n();
        let mut n_by_role = OrderedMap::with_capacity(self.keys.roles.len());
        for (s, k) in &self.keys.roles {
            n_by_role.insert(k.clone(), c.n_in(*s));
        }
        if !vis.shown {
            return CompanyScore::hidden(id, n, n_by_role);
        }
        let alignment = self.figures(c, vis);
        let (by_role, role_gap) = if plan.has_roles() {
            let (by_role, role_gap) = self.roles(c, vis);
            (Some(by_role), Some(role_gap))
        } else {
            (None, None)
        };
        let perception_index = plan
            .perception_group()
            .and_then(|g| self.means[g])
            .and_then(|m| cx.scale.index(m));
        CompanyScore {
            company_id: id.to_string(),
            n,
            n_by_role,
            suppressed: false,
            stage: alignment
                .and_then(|a| cx.inst.stage_for(a))
                .map(str::to_string),
            scores: Some(self.keys.score_map(&self.dim_scores, alignment)),
            by_role,
            role_gap,
            rwg_j: Some(self.keys.dim_map(&self.rwg)),
            perception_index,
        }
    }

    /// A shown company's group means, dimension scores and r_wg(J) (into
    /// the scratch space; added to the tallies when kept); its alignment
    /// index.
    fn figures(&mut self, c: &CompanyAcc, vis: &CompanyPlan) -> Option<f64> {
        let cx = self.cx;
        let plan = cx.plan;
        let n_dims = plan.n_dims;
        self.item_totals(c);
        self.pool(c, vis);
        company_group_means_into(
            plan,
            c,
            cx.opts.weighting,
            cx.opts.anonymity,
            &mut self.means,
        );
        self.dim_scores.clear();
        self.dim_scores.extend(
            self.means[..n_dims]
                .iter()
                .map(|m| m.and_then(|m| cx.scale.index(m))),
        );
        self.rwg.clear();
        for d in 0..n_dims {
            // r_wg(J) is a figure of the dimension's respondents: shown with
            // the dimension's score only.
            let r = rwg_of_totals(plan, &self.totals, c.n(), d, cx.points, &mut self.vars)
                .and_then(finite)
                .filter(|_| self.dim_scores[d].is_some());
            self.rwg.push(r);
            if let Some(t) = &mut self.tallies {
                if let Some(r) = r {
                    t.rwg_all[d].push(r);
                }
                if self.dim_scores[d].is_none() {
                    t.no_score[d] += 1;
                }
            }
        }
        mean_all(&self.dim_scores)
    }

    /// The company's item sums over all roles, per scale column.
    fn item_totals(&mut self, c: &CompanyAcc) {
        let plan = self.cx.plan;
        self.totals.clear();
        self.totals.resize(plan.n_scale(), ItemSums::default());
        for s in 0..plan.role_slots {
            for (col, t) in self.totals.iter_mut().enumerate() {
                t.merge(&c.item(plan, s, col));
            }
        }
    }

    /// Add a shown company to the pooled item sums (its shown role groups
    /// to their role pools, the others to the rest) and the ICC moments,
    /// when tallying. A figure of the company that fewer than the
    /// threshold answered (an item, a dimension) is pooled nowhere, so that
    /// no pool minus the companies' shown figures leaves it.
    fn pool(&mut self, c: &CompanyAcc, vis: &CompanyPlan) {
        let plan = self.cx.plan;
        let anon = self.cx.opts.anonymity;
        let n_scale = plan.n_scale();
        let Some(tallies) = &mut self.tallies else {
            return;
        };
        for (n, t) in tallies.item_answers.iter_mut().zip(&self.totals) {
            *n += t.n;
        }
        let has_roles = plan.has_roles();
        for s in 0..plan.role_slots {
            let role_pool = !has_roles || vis.role_shown(s);
            for col in (0..n_scale).filter(|&col| self.totals[col].n >= anon) {
                let it = c.item(plan, s, col);
                if role_pool {
                    tallies.item_sums[s * n_scale + col].merge(&it);
                } else {
                    tallies.item_rest[col].merge(&it);
                }
            }
        }
        for (d, m) in tallies.moments.iter_mut().enumerate() {
            let t = c.group_total(plan, d);
            if t.n >= anon {
                m.push(GroupMoments {
                    n: t.n,
                    sum: t.sum,
                    sumsq: t.sumsq,
                });
            }
        }
    }

    /// Which role groups' scores may be shown on each dimension (indexed
    /// `dimension * role_slots + slot`): the plan's role groups, less those
    /// that fewer than the threshold answered on that dimension, suppressed
    /// as parts of the company's score on it (none when that score itself
    /// is hidden).
    fn role_cells(&self, c: &CompanyAcc, vis: &CompanyPlan) -> Vec<bool> {
        let plan = self.cx.plan;
        let anon = self.cx.opts.anonymity;
        let slots = plan.role_slots;
        let order = &self.keys.tie_order;
        let hidden: Vec<bool> = (0..slots).map(|s| !vis.role_shown(s)).collect();
        let mut out = vec![false; plan.n_dims * slots];
        for d in 0..plan.n_dims {
            if self.dim_scores[d].is_none() {
                continue;
            }
            let sizes: Vec<u64> = (0..slots).map(|s| c.group(plan, s, d).n).collect();
            let v = suppress_parts_ordered(&sizes, &hidden, 0, anon, order);
            for (s, v) in v.iter().enumerate() {
                out[d * slots + s] = v.is_shown();
            }
        }
        out
    }

    /// A shown company's scores by role (sales, marketing, both, then the
    /// extra roles) and its marketing − sales gap.
    fn roles(
        &mut self,
        c: &CompanyAcc,
        vis: &CompanyPlan,
    ) -> (OrderedMap<RoleScores>, OrderedMap<Option<f64>>) {
        let cx = self.cx;
        let plan = cx.plan;
        let slots = plan.role_slots;
        let mut by_role = OrderedMap::with_capacity(slots);
        let mut shown = vec![false; slots];
        let cells = self.role_cells(c, vis);
        for (s, k) in &self.keys.roles {
            let s = *s;
            let rn = c.n_in(s);
            if rn == 0 {
                continue;
            }
            if !vis.role_shown(s) {
                by_role.insert(k.clone(), RoleScores::Suppressed);
                continue;
            }
            let vals = &mut self.role_scores[s];
            vals.clear();
            vals.extend((0..plan.n_dims).map(|d| {
                let m = c.group(plan, s, d);
                cells[d * slots + s]
                    .then(|| m.sum / m.n as f64)
                    .and_then(|x| cx.scale.index(x))
            }));
            let map = self.keys.score_map(vals, mean_all(vals));
            by_role.insert(k.clone(), RoleScores::Shown(map));
            shown[s] = true;
        }
        // The gap compares sales and marketing only; extra roles take no
        // part in it.
        let (sales, mkt) = (plan.slot(Role::Sales), plan.slot(Role::Marketing));
        let gap = if shown[sales] && shown[mkt] {
            let (sales, mkt) = (&self.role_scores[sales], &self.role_scores[mkt]);
            self.scratch.clear();
            self.scratch.extend(
                sales
                    .iter()
                    .zip(mkt)
                    .map(|(s, m)| s.zip(*m).and_then(|(s, m)| finite(m - s))),
            );
            self.keys.dim_map(&self.scratch)
        } else {
            self.keys.dim_map(&[])
        };
        (by_role, gap)
    }
}
