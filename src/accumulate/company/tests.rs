//! Tests of a company's record: its size, role blocks, outcome cells.

use super::*;
use crate::instrument::Instrument;

/// The list of companies is what a row's lookup reads first: an entry
/// is three words (the record and the rarely used extras).
#[test]
fn a_company_entry_is_three_words() {
    assert_eq!(std::mem::size_of::<CompanyAcc>(), 24);
}

/// The bundled instrument's record: 9 words of order key, counts and block
/// positions, 5 outcome cells of 2 words, and two blocks of 4 narrow
/// group cells (2 words) and 30 narrow item cells (1 word): 95 words.
#[test]
fn a_record_holds_two_roles_in_narrow_cells() {
    let plan = Plan::new(&Instrument::default_instrument());
    let l = plan.layout;
    assert!(l.narrow() && l.narrow_groups());
    assert_eq!((l.slots, l.groups, l.outcomes, l.n_scale), (3, 4, 5, 30));
    assert_eq!(l.block_words(), 4 * 2 + 30);
    assert_eq!(l.words(), 9 + 10 + 2 * 38);
    let c = CompanyAcc::new(&plan, 7);
    assert_eq!(c.w.len(), l.words());
    assert!(c.extra.is_none());
}

/// Roles take block positions in the order they come; the third is
/// kept with the extras, and every role reads back its own sums.
#[test]
fn a_third_role_is_kept_apart_and_reads_back() {
    let plan = Plan::new(&Instrument::default_instrument());
    let mut c = CompanyAcc::new(&plan, 0);
    let steps = Step::table(&plan);
    // Slot 2 (both) first, then marketing, then sales.
    for (slot, point) in [(2, 4), (1, 3), (0, 1), (2, 2)] {
        let cells = c.items_mut(&plan, slot);
        add_step(cells, 5, &steps[point], true);
        let cells = c.groups_mut(&plan, slot);
        CompanyAcc::add_mean(&plan, cells, 0, 105, 8, point as u64 * 8);
        c.count_row(&plan, slot);
    }
    let l = plan.layout;
    assert_eq!(
        (0..3).map(|s| c.position(&l, s)).collect::<Vec<_>>(),
        [Some(2), Some(1), Some(0)]
    );
    assert_eq!(c.extra.as_ref().map(|e| e.blocks.len()), Some(38));
    let sums = |s| {
        let i = c.item(&plan, s, 5);
        (i.n, i.sum, i.sumsq, i.top2)
    };
    assert_eq!(
        [sums(0), sums(1), sums(2)],
        [(1, 1, 1, 0), (1, 3, 9, 1), (2, 6, 20, 1)]
    );
    // Means of 8 answers: 4 and 2 for slot 2, each × L = 840.
    let g = c.group(&plan, 2, 0);
    assert_eq!((g.n, g.sum, g.sumsq), (2, 6.0, 20.0));
    let t = c.group_total(&plan, 0);
    assert_eq!((t.n, t.sum, t.sumsq), (4, 10.0, 30.0));
    assert_eq!(c.slot_counts().collect::<Vec<_>>(), [1, 1, 2]);
    // A role with no rows reads as zero.
    let mut d = CompanyAcc::new(&plan, 0);
    assert_eq!(d.item(&plan, 1, 0), ItemSums::default());
    assert_eq!(d.group(&plan, 1, 0), MeanSums::default());
    // Merged into a company whose roles came in another order.
    let cells = d.items_mut(&plan, 0);
    add_step(cells, 5, &steps[4], true);
    d.count_row(&plan, 0);
    d.merge(&plan, &c, 4095);
    assert_eq!(d.position(&l, 0), Some(0));
    let i = d.item(&plan, 0, 5);
    assert_eq!((i.n, i.sum), (2, 5));
    let i = d.item(&plan, 2, 5);
    assert_eq!((i.n, i.sum, i.sumsq), (2, 6, 20));
    assert_eq!(d.group_total(&plan, 0), t);
}

/// Outcome sums do not depend on order, and stay exact past one word.
#[test]
fn outcome_sums_do_not_depend_on_order() {
    let plan = Plan::new(&Instrument::default_instrument());
    // Values read as floats (from their `f64`) and as exact counts of
    // 10⁻⁹ sum the same way.
    let values = [
        Number::Float(0.1),
        Number::Float(0.2),
        Number::Nanos(300_000_000),
        Number::Float(-1.3),
        Number::Nanos(70_000_000_000),
        Number::Float(12.55),
        Number::Nanos(1),
    ];
    let mut a = CompanyAcc::new(&plan, 0);
    let mut b = CompanyAcc::new(&plan, 0);
    for v in values {
        assert!(a.add_outcome(&plan, 0, v));
    }
    for v in values.iter().rev() {
        assert!(b.add_outcome(&plan, 0, *v));
    }
    assert_eq!(a, b);
    // 0.1 + 0.2 + 0.3 + … in f64 would not be exact; the fixed sum is:
    // 81.850000001 is the nearest double to 81,850,000,001 × 10⁻⁹.
    assert_eq!(a.outcome(&plan, 0), (7, 81_850_000_001.0 / 1e9));
    // A value with no exact form is summed apart.
    assert!(!a.add_outcome(&plan, 0, Number::Float(1.0 / 3.0)));
    assert_eq!(a.outcome(&plan, 0), (8, 81_850_000_001.0 / 1e9 + 1.0 / 3.0));
    // Negative sums and sums past 2⁶⁴ units stay exact, also merged.
    let mut c = CompanyAcc::new(&plan, 0);
    c.add_outcome(&plan, 1, Number::Float(-3e12));
    c.add_outcome(&plan, 1, Number::Float(-3e12));
    c.add_outcome(&plan, 1, Number::Float(5.5));
    assert_eq!(c.outcome(&plan, 1), (3, -6e12 + 5.5));
    let mut d = CompanyAcc::new(&plan, 0);
    d.add_outcome(&plan, 1, Number::Float(9e9));
    d.merge(&plan, &c, 4095);
    d.merge(&plan, &c, 4095);
    // −12e21 + 9e18 + 11e9 units, exactly, then once rounded.
    let want = (-12_000_000_000_000_000_000_000i128 + 9_000_000_000_000_000_000 + 11_000_000_000)
        as f64
        / 1e9;
    assert_eq!(d.outcome(&plan, 1), (7, want));
}

/// A company's outcome mean reads the same from a sum in one word's
/// range and from one past it, negative or not.
#[test]
fn outcome_totals_read_alike_in_and_past_one_word() {
    let plan = Plan::new(&Instrument::default_instrument());
    let mut c = CompanyAcc::new(&plan, 0);
    for v in [12.5, 0.25, -1.0] {
        assert!(c.add_outcome(&plan, 0, Number::Float(v)));
    }
    assert_eq!(c.outcome(&plan, 0), (3, 11.75));
    // −6e12 is −6e21 units of 10⁻⁹: past 2⁶³, in the wide sums.
    for v in [-3e12, -3e12] {
        assert!(c.add_outcome(&plan, 1, Number::Float(v)));
    }
    assert_eq!(c.outcome(&plan, 1), (2, -6e12));
    for v in [3e12, 3e12, 3e12] {
        assert!(c.add_outcome(&plan, 2, Number::Float(v)));
    }
    assert_eq!(c.outcome(&plan, 2), (3, 9e12));
    // 4e9 (4e18 units) three times passes 2⁶³ units only on the third:
    // the cell keeps two, the wide sums the third.
    for _ in 0..3 {
        assert!(c.add_outcome(&plan, 3, Number::Float(4e9)));
    }
    let at = plan.layout.outcome_at(3);
    assert_eq!(c.w[at + 1] as i64, 8_000_000_000_000_000_000);
    assert_eq!(c.outcome(&plan, 3), (3, 12e9));
}
