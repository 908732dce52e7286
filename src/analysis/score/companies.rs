//! The per-company part of the `score` model: dimension scores, role scores
//! and gaps, r_wg(J), best first. Companies are independent of each other,
//! so a long list is built in two halves on two threads and the sorted
//! halves are merged; the result is the same as building it in one piece.

use super::{
    company_group_means_into, rwg_of_totals, CompanyScore, Hidden, RoleScores, Scale, ScoreOptions,
};
use crate::accumulate::{CompanyAcc, ItemSums, Plan};
use crate::analysis::{finite, larger_first, mean_all, OrderedMap};
use crate::disclosure::{suppress_parts_ordered, CompanyPlan, Disclosure};
use crate::ingest::values::Role;
use crate::instrument::Instrument;
use crate::stats::GroupMoments;
use std::cmp::Ordering;
use std::sync::Arc;

/// Below this many companies one thread builds them all.
const PARALLEL_MIN: usize = 1024;

/// Every company's figures, plus what the pooled summaries need from them.
pub(super) struct CompanyBlock {
    pub companies: Vec<CompanyScore>,
    pub hidden: Hidden,
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

/// What every company's figures are computed from.
struct Context<'a> {
    inst: &'a Instrument,
    plan: &'a Plan,
    opts: ScoreOptions,
    scale: Scale,
    points: f64,
}

/// Scores, roles, gaps and r_wg(J) per company, best first; what is shown
/// follows `vis`.
pub(super) fn company_block(
    inst: &Instrument,
    ids: &[Box<str>],
    companies: &[CompanyAcc],
    plan: &Plan,
    opts: ScoreOptions,
    scale: Scale,
    vis: &Disclosure,
) -> CompanyBlock {
    let cx = Context {
        inst,
        plan,
        opts,
        scale,
        points: inst.scale_points() as f64,
    };
    let vis_all = vis.companies();
    let n = ids.len().min(companies.len()).min(vis_all.len());
    let (ids, companies, vis_all) = (&ids[..n], &companies[..n], &vis_all[..n]);
    let part = if n < PARALLEL_MIN {
        Part::build(&cx, ids, companies, vis_all)
    } else {
        let mid = n / 2;
        let second_half = || Part::build(&cx, &ids[mid..], &companies[mid..], &vis_all[mid..]);
        std::thread::scope(|s| {
            let second = std::thread::Builder::new().spawn_scoped(s, second_half);
            let first = Part::build(&cx, &ids[..mid], &companies[..mid], &vis_all[..mid]);
            match second.map(|h| h.join()) {
                Ok(Ok(second)) => first.merge(second),
                Ok(Err(panic)) => std::panic::resume_unwind(panic),
                // No second thread: build the rest on this one.
                Err(_) => first.merge(second_half()),
            }
        })
    };
    let (small, complementary) = vis.hidden_roles();
    CompanyBlock {
        companies: part.companies,
        hidden: Hidden {
            threshold: opts.anonymity,
            companies: vis.hidden_companies(),
            roles: small + complementary,
        },
        rwg_all: part.rwg_all,
        no_score: part.no_score,
        moments: part.moments,
        item_sums: part.item_sums,
        item_rest: part.item_rest,
        item_answers: part.item_answers,
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

/// The companies of a contiguous slice, sorted, with their tallies.
struct Part {
    companies: Vec<CompanyScore>,
    rwg_all: Vec<Vec<f64>>,
    no_score: Vec<usize>,
    moments: Vec<Vec<GroupMoments>>,
    item_sums: Vec<ItemSums>,
    item_rest: Vec<ItemSums>,
    item_answers: Vec<u64>,
}

impl Part {
    fn build(
        cx: &Context,
        ids: &[Box<str>],
        companies: &[CompanyAcc],
        vis: &[CompanyPlan],
    ) -> Part {
        let n_dims = cx.plan.n_dims;
        let mut b = Builder {
            cx,
            keys: Keys::new(cx.inst, cx.plan),
            part: Part {
                companies: Vec::with_capacity(companies.len()),
                rwg_all: vec![Vec::with_capacity(companies.len()); n_dims],
                no_score: vec![0; n_dims],
                moments: vec![Vec::with_capacity(companies.len()); n_dims],
                item_sums: vec![ItemSums::default(); cx.plan.role_slots * cx.plan.n_scale()],
                item_rest: vec![ItemSums::default(); cx.plan.n_scale()],
                item_answers: vec![0; cx.plan.n_scale()],
            },
            totals: Vec::new(),
            means: Vec::new(),
            dim_scores: Vec::new(),
            rwg: Vec::new(),
            vars: Vec::new(),
            role_scores: vec![Vec::new(); cx.plan.role_slots],
            scratch: Vec::new(),
        };
        for ((id, c), v) in ids.iter().zip(companies).zip(vis) {
            let score = b.company(id, c, v);
            b.part.companies.push(score);
        }
        let mut part = b.part;
        part.companies = sort_best_first(part.companies);
        part
    }

    /// This part followed by `next`, the companies merged in order.
    fn merge(self, next: Part) -> Part {
        let mut companies = Vec::with_capacity(self.companies.len() + next.companies.len());
        let mut a = self.companies.into_iter().peekable();
        let mut b = next.companies.into_iter().peekable();
        loop {
            let take_b = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) => Rank::of(y).cmp(&Rank::of(x)) == Ordering::Less,
                (Some(_), None) => false,
                (None, Some(_)) => true,
                (None, None) => break,
            };
            companies.extend(if take_b { b.next() } else { a.next() });
        }
        let mut rwg_all = self.rwg_all;
        for (all, more) in rwg_all.iter_mut().zip(next.rwg_all) {
            all.extend(more);
        }
        let mut no_score = self.no_score;
        for (n, more) in no_score.iter_mut().zip(next.no_score) {
            *n += more;
        }
        let mut moments = self.moments;
        for (all, more) in moments.iter_mut().zip(next.moments) {
            all.extend(more);
        }
        let mut item_sums = self.item_sums;
        for (sums, more) in item_sums.iter_mut().zip(&next.item_sums) {
            sums.merge(more);
        }
        let mut item_rest = self.item_rest;
        for (sums, more) in item_rest.iter_mut().zip(&next.item_rest) {
            sums.merge(more);
        }
        let mut item_answers = self.item_answers;
        for (n, more) in item_answers.iter_mut().zip(&next.item_answers) {
            *n += more;
        }
        Part {
            companies,
            rwg_all,
            no_score,
            moments,
            item_sums,
            item_rest,
            item_answers,
        }
    }
}

/// Where a company goes in the list: best first; hidden companies last, by
/// id, so their order reveals nothing. Company ids are unique, so no two
/// companies rank equal.
struct Rank<'a> {
    suppressed: bool,
    alignment: Option<f64>,
    id: &'a str,
}

impl Rank<'_> {
    fn of(c: &CompanyScore) -> Rank<'_> {
        Rank {
            suppressed: c.suppressed,
            // `alignment_index` is a reserved id: it is always the last score.
            alignment: c.scores.as_ref().and_then(|s| s.0.last()).and_then(|e| e.1),
            id: &c.company_id,
        }
    }

    fn cmp(&self, o: &Rank) -> Ordering {
        self.suppressed
            .cmp(&o.suppressed)
            .then_with(|| larger_first(self.alignment, o.alignment))
            .then_with(|| self.id.cmp(o.id))
    }
}

/// The companies in rank order (sorting small keys, then moving each
/// company once).
fn sort_best_first(companies: Vec<CompanyScore>) -> Vec<CompanyScore> {
    let mut order: Vec<(Rank, usize)> = companies
        .iter()
        .enumerate()
        .map(|(i, c)| (Rank::of(c), i))
        .collect();
    order.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let order: Vec<usize> = order.into_iter().map(|(_, i)| i).collect();
    let mut slots: Vec<Option<CompanyScore>> = companies.into_iter().map(Some).collect();
    order.iter().filter_map(|&i| slots[i].take()).collect()
}

/// Builds the companies of one part, reusing its scratch space.
struct Builder<'a> {
    cx: &'a Context<'a>,
    keys: Keys,
    part: Part,
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

impl Builder<'_> {
    fn company(&mut self, id: &str, c: &CompanyAcc, vis: &CompanyPlan) -> CompanyScore {
        let cx = self.cx;
        let plan = cx.plan;
        let n_dims = plan.n_dims;
        let has_roles = plan.has_roles();
        let n = c.n();
        let mut n_by_role = OrderedMap::with_capacity(self.keys.roles.len());
        for (s, k) in &self.keys.roles {
            n_by_role.insert(k.clone(), c.n_by_slot[*s]);
        }
        if !vis.shown {
            // A hidden company enters no figure at all.
            return CompanyScore::hidden(id, n, n_by_role);
        }
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
            let r = rwg_of_totals(plan, &self.totals, n, d, cx.points, &mut self.vars)
                .and_then(finite)
                .filter(|_| self.dim_scores[d].is_some());
            self.rwg.push(r);
            if let Some(r) = r {
                self.part.rwg_all[d].push(r);
            }
            if self.dim_scores[d].is_none() {
                self.part.no_score[d] += 1;
            }
        }
        let alignment = mean_all(&self.dim_scores);
        let (by_role, role_gap) = if has_roles {
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

    /// Add a shown company to the pooled item sums (its shown role groups
    /// to their role pools, the others to the rest) and the ICC moments;
    /// keep its item totals. A figure of the company that fewer than the
    /// threshold answered (an item, a dimension) is pooled nowhere, so that
    /// no pool minus the companies' shown figures leaves it.
    fn pool(&mut self, c: &CompanyAcc, vis: &CompanyPlan) {
        let plan = self.cx.plan;
        let anon = self.cx.opts.anonymity;
        let n_scale = plan.n_scale();
        self.totals.clear();
        self.totals.resize(n_scale, ItemSums::default());
        for s in 0..plan.role_slots {
            for (col, t) in self.totals.iter_mut().enumerate() {
                t.merge(&c.item(plan, s, col));
            }
        }
        for (n, t) in self.part.item_answers.iter_mut().zip(&self.totals) {
            *n += t.n;
        }
        let has_roles = plan.has_roles();
        for s in 0..plan.role_slots {
            let role_pool = !has_roles || vis.role_shown(s);
            for col in (0..n_scale).filter(|&col| self.totals[col].n >= anon) {
                let it = c.item(plan, s, col);
                if role_pool {
                    self.part.item_sums[s * n_scale + col].merge(&it);
                } else {
                    self.part.item_rest[col].merge(&it);
                }
            }
        }
        for (d, m) in self.part.moments.iter_mut().enumerate() {
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
            let rn = c.n_by_slot[s];
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
