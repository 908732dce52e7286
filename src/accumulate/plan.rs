//! How an instrument's scale columns are summed: which group (dimension,
//! or the perception items) each feeds, which are reverse-coded, how many
//! answers score a group, and the common multiple that makes respondent
//! means integers.

use crate::ingest::values::Role;
use crate::instrument::Instrument;
use std::sync::Arc;

/// How the instrument's scale columns group into dimensions.
#[derive(Debug, Clone)]
pub struct Plan {
    /// `max − min` of the scale.
    pub range: u16,
    /// Dimension items (the first scale columns).
    pub n_items: usize,
    /// Perception items (the scale columns after the dimension items).
    pub n_perception: usize,
    /// Agreement statements (the last scale columns).
    pub n_statements: usize,
    /// Outcome columns.
    pub n_outcomes: usize,
    /// Per scale column (items, perception, statements): reverse-coded?
    pub reverse: Vec<bool>,
    /// Scale columns of each group: the dimensions in instrument order, then
    /// the perception items as one more group when the instrument has any.
    pub groups: Vec<Vec<usize>>,
    /// Answers needed for a respondent mean in each group: half, rounded up.
    pub min_answered: Vec<usize>,
    /// Number of real dimensions (the perception group, if any, follows them).
    pub n_dims: usize,
    /// Role slots kept per company: with a role column, 3 (sales,
    /// marketing, both) plus one per extra role in instrument order; else 1.
    pub role_slots: usize,
    /// The extra roles' names (`roles.other`), slots 3, 4, … (empty without
    /// a role column).
    pub other_roles: Vec<Arc<str>>,
    /// Per group: a common multiple of every answer count that can make a
    /// respondent mean, so that means are summed as integers (0 when the
    /// group is too large for one; see [`super::CompanyAcc::group`]).
    pub group_scale: Vec<u64>,
    /// Where a company's counts and sums sit in its record.
    pub(crate) layout: super::company::Layout,
}

/// The least common multiple of `lo..=hi`, if `limit` is not passed first.
pub(super) fn lcm_upto(lo: usize, hi: usize, limit: u64) -> Option<u64> {
    fn gcd(a: u64, b: u64) -> u64 {
        if b == 0 {
            a
        } else {
            gcd(b, a % b)
        }
    }
    let mut l = 1u64;
    for k in lo.max(1)..=hi {
        let k = k as u64;
        l = (l / gcd(l, k)).checked_mul(k).filter(|&v| v <= limit)?;
    }
    Some(l)
}

impl Plan {
    /// The plan of `inst`'s scale columns.
    pub(crate) fn new(inst: &Instrument) -> Plan {
        let n_items = inst.items.len();
        let n_perception = inst.perception.len();
        let mut groups: Vec<Vec<usize>> = inst
            .dimensions
            .iter()
            .map(|d| inst.items_of(&d.id))
            .collect();
        let n_dims = groups.len();
        if n_perception > 0 {
            groups.push((n_items..n_items + n_perception).collect());
        }
        let min_answered: Vec<usize> = groups.iter().map(|g| g.len().div_ceil(2)).collect();
        let range = (inst.scale.max - inst.scale.min) as u64;
        // A mean adds at most 2 × range × L; keep that within 2³² so the
        // sums take billions of rows.
        let group_scale = groups
            .iter()
            .zip(&min_answered)
            .map(|(g, &lo)| lcm_upto(lo, g.len(), (1u64 << 31) / range.max(1)).unwrap_or(0))
            .collect();
        let has_roles = inst.columns.role.is_some();
        let other_roles: Vec<Arc<str>> = if has_roles {
            inst.roles
                .other
                .0
                .iter()
                .map(|r| Arc::from(r.name.as_str()))
                .collect()
        } else {
            Vec::new()
        };
        let mut reverse: Vec<bool> = inst.items.iter().map(|i| i.reverse).collect();
        reverse.resize(n_items + n_perception + inst.statements.len(), false);
        let mut plan = Plan {
            range: (inst.scale.max - inst.scale.min) as u16,
            n_items,
            n_perception,
            n_statements: inst.statements.len(),
            n_outcomes: inst.outcomes.len(),
            reverse,
            groups,
            min_answered,
            n_dims,
            role_slots: if has_roles { 3 + other_roles.len() } else { 1 },
            other_roles,
            group_scale,
            layout: Default::default(),
        };
        plan.layout = super::company::Layout::new(&plan);
        plan
    }

    /// Scale columns: items, perception items and statements.
    pub fn n_scale(&self) -> usize {
        self.reverse.len()
    }

    /// The perception group's index, when the instrument has perception items.
    pub fn perception_group(&self) -> Option<usize> {
        (self.n_perception > 0).then_some(self.n_dims)
    }

    /// True when the instrument has a role column (role groups are kept).
    pub fn has_roles(&self) -> bool {
        self.role_slots >= 3
    }

    /// Role slot of a role (0 for everyone when there is no role column):
    /// 0 sales, 1 marketing, 2 both, then the extra roles in instrument
    /// order.
    #[inline]
    pub fn slot(&self, role: Role) -> usize {
        if self.role_slots == 1 {
            return 0;
        }
        match role {
            Role::Sales => 0,
            Role::Marketing => 1,
            Role::Both | Role::None => 2,
            Role::Other(k) => (3 + k as usize).min(self.role_slots - 1),
        }
    }

    /// Every role slot with its name in the output, in slot order.
    pub fn role_keys(&self) -> Vec<(usize, Arc<str>)> {
        if !self.has_roles() {
            return Vec::new();
        }
        let named = Role::NAMED.iter().map(|r| Arc::from(r.key()));
        named
            .chain(self.other_roles.iter().cloned())
            .enumerate()
            .collect()
    }

    /// Role slots in the order ties are broken when role groups are
    /// suppressed: sales, marketing, both, then the extra roles by name.
    pub fn role_tie_order(&self) -> Vec<usize> {
        if !self.has_roles() {
            return vec![0];
        }
        let mut other: Vec<usize> = (3..self.role_slots).collect();
        other.sort_by(|&a, &b| self.other_roles[a - 3].cmp(&self.other_roles[b - 3]));
        [0, 1, 2].into_iter().chain(other).collect()
    }

    /// Raw offsets at or above this are "top-2-box" (the two highest points;
    /// the top point alone on a two-point scale).
    pub fn top2_threshold(&self) -> u16 {
        self.range.saturating_sub(1).max(1)
    }
}
