//! How one company's figures are worked out from its sums: its group
//! means, dimension scores, r_wg(J), role scores and gaps, and its entry in
//! the `score` list; the first pass also adds each shown company to the
//! tallies the pooled summaries need (module `companies`).

use super::companies::Tallies;
use super::{
    company_group_means_into, rwg_of_totals, CompanyScore, RoleScores, Scale, ScoreOptions,
};
use crate::accumulate::{CompanyAcc, ItemSums, Plan};
use crate::analysis::{finite, mean_all, OrderedMap};
use crate::disclosure::{suppress_parts_ordered, CompanyPlan};
use crate::ingest::values::Role;
use crate::instrument::Instrument;
use crate::stats::GroupMoments;
use std::sync::Arc;

/// What every company's figures are computed from.
pub(super) struct Context<'a> {
    pub inst: &'a Instrument,
    pub plan: &'a Plan,
    pub opts: ScoreOptions,
    pub scale: Scale,
    pub points: f64,
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
pub(super) struct Builder<'a> {
    cx: &'a Context<'a>,
    keys: Keys,
    pub tallies: Option<Tallies>,
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
    pub fn new(cx: &'a Context<'a>, tallies: Option<Tallies>) -> Builder<'a> {
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
    pub fn tally(&mut self, c: &CompanyAcc, vis: &CompanyPlan) -> Option<f64> {
        // A hidden company enters no figure at all.
        if !vis.shown {
            return None;
        }
        self.figures(c, vis)
    }

    /// A company's entry in the list.
    pub fn company(&mut self, id: &str, c: &CompanyAcc, vis: &CompanyPlan) -> CompanyScore {
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
            c.add_items_of(plan, s, &mut self.totals);
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
