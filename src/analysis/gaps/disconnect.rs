//! The sales vs marketing disconnect (docs/methods.md#sales-vs-marketing-disconnect): per item, perception item and
//! statement, the share of sales and of marketing respondents agreeing
//! (top-2-box, as worded), the gap, a two-proportion z test and BH q-values.
//!
//! Respondents are pooled over every shown company (docs/methods.md,
//! "Disclosure control"). A role's percentage is hidden when fewer than
//! `--anonymity` respondents of that role answered the statement (the pooled
//! role is a group shown on its own), and the three role pools of a row are
//! parts of one total, so a hidden pool takes the smallest shown one with it
//! until the hidden ones hold at least the threshold; the gap and the test
//! then are undefined too and the row is left out of the Benjamini–Hochberg
//! family. The `both` role is shown but not tested.

use super::super::finite;
use crate::accumulate::{Accumulator, ItemSums};
use crate::disclosure::{suppress_parts, Disclosure};
use crate::ingest::values::Role;
use crate::instrument::Instrument;
use crate::stats;
use serde::Serialize;

/// Which part of the instrument a disconnect row comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// An item of a dimension.
    Item,
    /// A perception item.
    Perception,
    /// A cross-function statement.
    Statement,
}

impl Kind {
    /// The name of the kind as written in JSON and tables.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Item => "item",
            Kind::Perception => "perception",
            Kind::Statement => "statement",
        }
    }
}

/// One row of the disconnect table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DisconnectRow {
    /// The id of the item, perception item or statement.
    pub item: String,
    /// Which kind of question the row is.
    pub kind: Kind,
    /// The dimension of an item; `null` for perception items and statements.
    pub dimension: Option<String>,
    /// The question as asked.
    pub text: String,
    /// Reverse-worded item: agreement is with the wording, not reverse-coded.
    pub reverse: bool,
    /// Respondents of each role who answered it.
    pub n_sales: u64,
    /// Marketing respondents who answered it.
    pub n_marketing: u64,
    /// Respondents with the role `both` who answered it.
    pub n_both: u64,
    /// Percent agreeing (top-2-box), 0–100; `null` when hidden or unanswered.
    pub pct_sales: Option<f64>,
    /// Percent of marketing respondents agreeing (top-2-box), 0–100; null when hidden or
    /// unanswered.
    pub pct_marketing: Option<f64>,
    /// Percent of `both` respondents agreeing (top-2-box), 0–100; null when hidden or unanswered.
    pub pct_both: Option<f64>,
    /// `pct_marketing − pct_sales`, in percentage points.
    pub gap_pp: Option<f64>,
    /// Two-sided p of the pooled two-proportion z test, sales vs marketing.
    pub p: Option<f64>,
    /// Benjamini–Hochberg q over the rows with a p.
    pub q: Option<f64>,
}

/// The disconnect rows, widest |gap| first, and the warnings they raise.
pub fn disconnect(
    inst: &Instrument,
    acc: &Accumulator,
    vis: &Disclosure,
    warnings: &mut Vec<String>,
) -> Vec<DisconnectRow> {
    let anonymity = vis.threshold();
    let plan = &acc.plan;
    if !plan.has_roles() {
        return Vec::new();
    }
    let slots = [
        plan.slot(Role::Sales),
        plan.slot(Role::Marketing),
        plan.slot(Role::Both),
    ];
    let mut rows = Vec::with_capacity(plan.n_scale());
    let mut hidden_rows = [Vec::new(), Vec::new(), Vec::new()];
    let mut no_test = Vec::new();
    for (col, pooled) in pooled(acc, vis, &slots).into_iter().enumerate() {
        let (row, tested) = compare_roles(inst, col, &pooled, anonymity);
        let pcts = [row.pct_sales, row.pct_marketing, row.pct_both];
        for r in 0..3 {
            if pooled[r].n > 0 && pcts[r].is_none() {
                hidden_rows[r].push(col);
            }
        }
        if !tested {
            no_test.push(row.item.clone());
        }
        rows.push(row);
    }
    let ps: Vec<Option<f64>> = rows.iter().map(|r| r.p).collect();
    for (row, q) in rows.iter_mut().zip(stats::benjamini_hochberg(&ps)) {
        row.q = q.and_then(finite);
    }
    // Widest gap first; rows without a gap last; ties keep instrument order.
    rows.sort_by(|a, b| match (a.gap_pp, b.gap_pp) {
        (Some(x), Some(y)) => y.abs().total_cmp(&x.abs()),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    warnings.extend(hidden_warnings(&hidden_rows, anonymity));
    if !no_test.is_empty() {
        warnings.push(format!(
            "the sales vs marketing test is undefined (p and q are null) for {}: sales and marketing all agree, or none do",
            list(&no_test)
        ));
    }
    warnings.extend(missing_role_warnings(acc, vis, &slots));
    rows
}

/// Per scale column, the answers of each role (sales, marketing, both;
/// `slots`) pooled over the shown companies: one pass over the companies
/// for every column at once.
fn pooled(acc: &Accumulator, vis: &Disclosure, slots: &[usize; 3]) -> Vec<[ItemSums; 3]> {
    let plan = &acc.plan;
    let n = plan.n_scale();
    let mut by_role: [Vec<ItemSums>; 3] = std::array::from_fn(|_| vec![ItemSums::default(); n]);
    for (_, c) in acc
        .companies
        .iter()
        .enumerate()
        .filter(|(i, _)| vis.shown(*i))
    {
        for (sums, &s) in by_role.iter_mut().zip(slots) {
            c.add_items_of(plan, s, sums);
        }
    }
    (0..n)
        .map(|col| std::array::from_fn(|r| by_role[r][col]))
        .collect()
}

/// The row of scale column `col`: each role's top-2-box percentage (hidden
/// below `anonymity`, with complementary suppression), the gap and its
/// test; and false when both percentages are shown but the test is
/// undefined.
fn compare_roles(
    inst: &Instrument,
    col: usize,
    pooled: &[ItemSums; 3],
    anonymity: u64,
) -> (DisconnectRow, bool) {
    let shown = suppress_parts(&pooled.map(|t| t.n), 0, anonymity);
    let pct = |r: usize| -> Option<f64> {
        let t = &pooled[r];
        shown[r]
            .is_shown()
            .then(|| 100.0 * t.top2 as f64 / t.n as f64)
            .and_then(finite)
    };
    let pcts = [pct(0), pct(1), pct(2)];
    let (item, kind, dimension, text, reverse) = describe(inst, col);
    let mut tested = true;
    let (gap_pp, p) = match (pcts[0], pcts[1]) {
        (Some(s), Some(m)) => {
            let p =
                stats::two_proportion_z(pooled[0].top2, pooled[0].n, pooled[1].top2, pooled[1].n);
            tested = p.is_some();
            (finite(m - s), p.and_then(finite))
        }
        _ => (None, None),
    };
    let row = DisconnectRow {
        item,
        kind,
        dimension,
        text,
        reverse,
        n_sales: pooled[0].n,
        n_marketing: pooled[1].n,
        n_both: pooled[2].n,
        pct_sales: pcts[0],
        pct_marketing: pcts[1],
        pct_both: pcts[2],
        gap_pp,
        p,
        q: None,
    };
    (row, tested)
}

/// One warning per role whose percentage is hidden on some items
/// (`hidden_rows`: the scale columns, per role).
fn hidden_warnings(hidden_rows: &[Vec<usize>; 3], anonymity: u64) -> Vec<String> {
    let mut warnings = Vec::new();
    for (r, role) in Role::NAMED.iter().enumerate() {
        let n = hidden_rows[r].len();
        if n > 0 {
            warnings.push(format!(
                "the {role} percentage is hidden for {n} item{} answered by fewer than {anonymity} {role} respondents of the shown companies, or hidden with such a group so that it cannot be worked out{}",
                if n == 1 { "" } else { "s" },
                if r < 2 {
                    if n == 1 { "; it is not tested" } else { "; they are not tested" }
                } else {
                    ""
                },
                role = role.key(),
            ));
        }
    }
    warnings
}

/// A warning for sales or marketing when the shown companies have no
/// respondent of that role.
fn missing_role_warnings(acc: &Accumulator, vis: &Disclosure, slots: &[usize; 3]) -> Vec<String> {
    let total = |s: usize| {
        acc.companies
            .iter()
            .enumerate()
            .filter(|(i, _)| vis.shown(*i))
            .map(|(_, c)| c.n_in(s))
            .sum::<u64>()
    };
    let mut warnings = Vec::new();
    for (r, role) in [Role::Sales, Role::Marketing].iter().enumerate() {
        if total(slots[r]) == 0 {
            warnings.push(format!(
                "no {} respondents in the shown companies, so the disconnect table has no {} percentages, gaps or tests",
                role.key(),
                role.key()
            ));
        }
    }
    warnings
}

/// Id, kind, dimension, text and reverse flag of a scale column.
fn describe(inst: &Instrument, col: usize) -> (String, Kind, Option<String>, String, bool) {
    let n_items = inst.items.len();
    let n_perc = inst.perception.len();
    if col < n_items {
        let it = &inst.items[col];
        (
            it.id.clone(),
            Kind::Item,
            Some(it.dimension.clone()),
            it.text.clone(),
            it.reverse,
        )
    } else if col < n_items + n_perc {
        let q = &inst.perception[col - n_items];
        (q.id.clone(), Kind::Perception, None, q.text.clone(), false)
    } else {
        let q = &inst.statements[col - n_items - n_perc];
        (q.id.clone(), Kind::Statement, None, q.text.clone(), false)
    }
}

/// Up to five ids, then a count.
fn list(ids: &[String]) -> String {
    let shown: Vec<&str> = ids.iter().take(5).map(String::as_str).collect();
    if ids.len() > 5 {
        format!("{}, … ({} in all)", shown.join(", "), ids.len())
    } else {
        shown.join(", ")
    }
}
