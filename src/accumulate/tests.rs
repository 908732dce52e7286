//! Tests of the accumulator: spills, merges of parts, rows too sparse to
//! score, common multiples.

use super::plan::lcm_upto;
use super::*;
use crate::ingest::values::Role;

/// Rows for two companies, every role, some answers missing.
fn feed(accs: &mut [&mut Accumulator], part: impl Fn(u64) -> usize) {
    feed_roles(accs, part, &EVERY_ROLE);
}

/// [`feed`] with the roles taken in turn from `roles`.
fn feed_roles(accs: &mut [&mut Accumulator], part: impl Fn(u64) -> usize, roles: &[Role]) {
    let n_scale = accs[0].plan.n_scale();
    let n_outcomes = accs[0].plan.n_outcomes;
    for i in 0..1000u64 {
        let answers: Vec<Option<u16>> = (0..n_scale as u64)
            .map(|k| ((i + k) % 7 != 0).then_some(((i * 31 + k * 7) % 5) as u16))
            .collect();
        // Tenths, read as exact counts of 10⁻⁹ or as floats by turns.
        let outcomes: Vec<Option<Number>> = (0..n_outcomes as u64)
            .map(|k| {
                let tenths = (i * 7 + k) as i64 - 33;
                ((i + k) % 5 != 0).then_some(match (i + k) % 2 {
                    0 => Number::Nanos(tenths * 100_000_000),
                    _ => Number::Float(tenths as f64 / 10.0),
                })
            })
            .collect();
        let row = Row {
            line: i + 2,
            order: i + 2,
            company: ["c", "a", "b"][(i % 3) as usize],
            role: roles[(i % roles.len() as u64) as usize],
            answers: &answers,
            outcomes: &outcomes,
            segments: Default::default(),
        };
        let _ = accs[part(i)].add(&row);
    }
}

/// [`feed_roles`] into every one of `parts`.
fn feed_parts(parts: &mut [Accumulator], part: impl Fn(u64) -> usize, roles: &[Role]) {
    let mut refs: Vec<&mut Accumulator> = parts.iter_mut().collect();
    feed_roles(&mut refs, part, roles);
}

/// Every role in turn, as [`feed`] deals them.
const EVERY_ROLE: [Role; 3] = [Role::Sales, Role::Marketing, Role::Both];

/// Roles in a cycle of four against [`feed`]'s three companies: every
/// company has every role, first in another order in each run of rows.
const ROLES_ACROSS: [Role; 4] = [Role::Both, Role::Marketing, Role::Sales, Role::Both];

/// The rows of [`feed_roles`] dealt to `n` parts by `part`, part `early`
/// spilling after `spill_after` rows (which it is checked to do), then
/// merged in order.
fn in_parts(
    whole: &Accumulator,
    n: usize,
    (early, spill_after): (usize, u32),
    part: impl Fn(u64) -> usize,
    roles: &[Role],
) -> Accumulator {
    let mut parts: Vec<Accumulator> = (0..n).map(|_| whole.empty_like()).collect();
    parts[early].spill_after = spill_after;
    feed_parts(&mut parts, part, roles);
    assert!(parts[early].companies.iter().all(|c| c.has_spilled()));
    merged(whole, parts)
}

/// `parts` merged, in order, into an empty accumulator like `like`.
fn merged(like: &Accumulator, parts: Vec<Accumulator>) -> Accumulator {
    let mut all = like.empty_like();
    for p in parts {
        all.merge(p);
    }
    all
}

fn assert_same(a: &Accumulator, b: &Accumulator) {
    let plan = &a.plan;
    assert_eq!(a.ids, b.ids);
    assert_eq!(a.reliability, b.reliability);
    for (s, w) in a.companies.iter().zip(&b.companies) {
        assert!(s.slot_counts().eq(w.slot_counts()));
        for slot in 0..plan.role_slots {
            // All columns at once read as one at a time.
            let mut all = vec![ItemSums::default(); plan.n_scale()];
            s.add_items_of(plan, slot, &mut all);
            let each: Vec<ItemSums> = (0..plan.n_scale()).map(|c| s.item(plan, slot, c)).collect();
            assert_eq!(all, each);
        }
        for col in 0..plan.n_scale() {
            assert_eq!(s.item_total(plan, col), w.item_total(plan, col));
            for slot in 0..plan.role_slots {
                assert_eq!(s.item(plan, slot, col), w.item(plan, slot, col));
            }
        }
        for g in 0..plan.groups.len() {
            assert_eq!(s.group_total(plan, g), w.group_total(plan, g));
            for slot in 0..plan.role_slots {
                assert_eq!(s.group(plan, slot, g), w.group(plan, slot, g));
            }
        }
        for j in 0..plan.n_outcomes {
            assert_eq!(s.outcome(plan, j), w.outcome(plan, j));
        }
    }
}

#[test]
fn spilled_item_sums_equal_the_unspilled_ones() {
    let inst = Instrument::default_instrument();
    let mut small = Accumulator::new(&inst);
    small.spill_after = 7;
    let mut wide = Accumulator::new(&inst);
    feed(&mut [&mut small], |_| 0);
    feed(&mut [&mut wide], |_| 0);
    assert!(small.companies.iter().all(|c| c.has_spilled()));
    assert!(wide.companies.iter().all(|c| !c.has_spilled()));
    assert_same(&small, &wide);
    // The default limit: a 1–5 scale adds at most 16 to a `u16` sum of
    // squares.
    assert_eq!(wide.spill_after, u16::MAX as u32 / 16);
}

#[test]
fn merged_parts_equal_one_pass() {
    let inst = Instrument::default_instrument();
    let mut whole = Accumulator::new(&inst);
    feed(&mut [&mut whole], |_| 0);
    assert!(whole.order_free());
    assert_eq!(&*whole.ids, ["c".into(), "a".into(), "b".into()]);
    // Rows dealt out in runs to three parts; the last part sees company
    // "c" first, and spills early.
    let mut parts: Vec<Accumulator> = (0..3).map(|_| whole.empty_like()).collect();
    parts[2].spill_after = 5;
    feed_parts(
        &mut parts,
        |i| [2, 0, 1][(i as usize / 100) % 3],
        &EVERY_ROLE,
    );
    let mut merged = whole.empty_like();
    for p in parts.into_iter().rev() {
        merged.merge(p);
    }
    assert!(merged.order_free());
    assert_same(&merged, &whole);
}

/// A merge moves companies and leaves the index to be built again: rows
/// added after it reach the companies they belong to.
#[test]
fn rows_added_after_a_merge_reach_their_companies() {
    let inst = Instrument::default_instrument();
    let mut whole = Accumulator::new(&inst);
    feed(&mut [&mut whole], |_| 0);
    let (mut a, mut b, mut rest) = (whole.empty_like(), whole.empty_like(), whole.empty_like());
    // The first 600 rows dealt by turns to two parts (company "a" first
    // in part 0 and "c" first in part 1: the merge puts "c" first).
    feed(&mut [&mut a, &mut b, &mut rest], |i| match i {
        ..600 => ((i + 1) % 2) as usize,
        _ => 2,
    });
    assert_eq!(&*a.ids, ["a".into(), "c".into(), "b".into()]);
    let mut merged = merged(&whole, vec![a, b]);
    let mut unused = whole.empty_like();
    feed(&mut [&mut unused, &mut merged], |i| usize::from(i >= 600));
    assert_same(&merged, &whole);
}

#[test]
fn extra_role_slots_merge_and_spill_like_the_canonical_ones() {
    let mut inst = Instrument::default_instrument();
    inst.roles.other = serde_json::from_str(r#"{"revops": ["RevOps"], "leadership": ["CEO"]}"#)
        .expect("extra roles");
    let roles = [
        Role::Sales,
        Role::Other(0),
        Role::Marketing,
        Role::Other(1),
        Role::Both,
    ];
    let mut whole = Accumulator::new(&inst);
    assert_eq!(whole.plan.role_slots, 5);
    assert_eq!(whole.plan.role_tie_order(), [0, 1, 2, 4, 3]);
    feed_roles(&mut [&mut whole], |_| 0, &roles);
    // Companies take rows i ≡ 0, 1, 2 (mod 3), roles i mod 5: each company
    // has 66 or 67 rows of each role out of 1000 (all scored).
    for c in &whole.companies {
        let n: Vec<u64> = c.slot_counts().collect();
        assert_eq!(n.len(), 5);
        assert!(n.iter().all(|&k| k == 66 || k == 67), "{n:?}");
        assert_eq!(n.iter().sum::<u64>(), c.n());
    }
    let merged = in_parts(&whole, 2, (1, 5), |i| (i as usize / 70) % 2, &roles);
    assert_same(&merged, &whole);
}

/// Each company's roles come in another order in each part, so a role's
/// block sits at other positions (in the record or apart) in the parts:
/// merged, and spilled early in one part, the sums are those of one pass.
#[test]
fn roles_in_any_order_merge_like_one_pass() {
    let inst = Instrument::default_instrument();
    // Roles i mod 4 and companies i mod 3: every company has every role.
    let roles = ROLES_ACROSS;
    let mut whole = Accumulator::new(&inst);
    feed_roles(&mut [&mut whole], |_| 0, &roles);
    let plan = &whole.plan;
    // Three roles each: the third is kept apart.
    assert!(whole.companies.iter().all(|c| c.blocks_apart(plan) == 1));
    for c in &whole.companies {
        let n: Vec<u64> = c.slot_counts().collect();
        // 1000 rows in 12-row cycles: each company has 83 or 84 of each
        // role, and twice as many "both".
        assert!(n[0] >= 83 && n[1] >= 83 && n[2] >= 166, "{n:?}");
    }
    // Runs of 7 rows: the parts see each company's roles first in
    // different orders.
    let merged = in_parts(&whole, 3, (1, 3), |i| (i as usize / 7) % 3, &roles);
    assert_same(&merged, &whole);
}

/// On a scale too wide for narrow cells (0–20: two-word item cells,
/// four-word group cells), parts merged and spilled early still give the
/// sums of one pass.
#[test]
fn wide_cells_merge_and_spill_like_one_pass() {
    let mut inst = Instrument::default_instrument();
    inst.scale.min = 0;
    inst.scale.max = 20;
    let roles = ROLES_ACROSS;
    let mut whole = Accumulator::new(&inst);
    assert!(!whole.plan.layout.narrow());
    assert_eq!(whole.spill_after, u32::MAX / 400);
    feed_roles(&mut [&mut whole], |_| 0, &roles);
    let merged = in_parts(&whole, 2, (0, 4), |i| (i as usize / 9) % 2, &roles);
    assert_same(&merged, &whole);
}

/// Respondent-mean sums read back from narrow group cells, spilled every
/// three rows, are those worked out directly from the rows in `f64`.
#[test]
fn group_sums_match_means_worked_out_directly() {
    let inst = Instrument::default_instrument();
    let mut acc = Accumulator::new(&inst);
    acc.spill_after = 3;
    feed_roles(&mut [&mut acc], |_| 0, &ROLES_ACROSS);
    let plan = &acc.plan;
    // The rows of `feed_roles`, worked out again: per (company, slot,
    // group), n, Σ mean, Σ mean² of reverse-coded offsets.
    let mut want = std::collections::HashMap::<(usize, usize, usize), (u64, f64, f64)>::new();
    for i in 0..1000u64 {
        let raw: Vec<Option<u16>> = (0..plan.n_scale() as u64)
            .map(|k| ((i + k) % 7 != 0).then_some(((i * 31 + k * 7) % 5) as u16))
            .collect();
        let company = [0, 1, 2][(i % 3) as usize];
        let slot = plan.slot(ROLES_ACROSS[(i % 4) as usize]);
        for (g, members) in plan.groups.iter().enumerate() {
            let coded: Vec<f64> = members
                .iter()
                .filter_map(|&c| raw[c].map(|v| if plan.reverse[c] { plan.range - v } else { v }))
                .map(f64::from)
                .collect();
            if coded.len() >= plan.min_answered[g] {
                let m = coded.iter().sum::<f64>() / coded.len() as f64;
                let e = want.entry((company, slot, g)).or_default();
                *e = (e.0 + 1, e.1 + m, e.2 + m * m);
            }
        }
    }
    // Companies "c", "a", "b" are at places 0, 1, 2.
    assert!(acc.companies.iter().all(|c| c.has_spilled()));
    assert_eq!(want.len(), 3 * 3 * plan.groups.len());
    for (&(c, slot, g), &(n, sum, sumsq)) in &want {
        let got = acc.companies[c].group(plan, slot, g);
        assert_eq!(got.n, n, "company {c} slot {slot} group {g}");
        assert!(
            (got.sum - sum).abs() < 1e-9 * sum.max(1.0),
            "{} vs {sum}",
            got.sum
        );
        assert!(
            (got.sumsq - sumsq).abs() < 1e-9 * sumsq.max(1.0),
            "{} vs {sumsq}",
            got.sumsq
        );
    }
}

/// With the company index released, more rows and merges still find
/// their companies.
#[test]
fn a_released_index_is_built_again_when_needed() {
    let inst = Instrument::default_instrument();
    let mut whole = Accumulator::new(&inst);
    feed(&mut [&mut whole], |_| 0);
    let mut parts: Vec<Accumulator> = (0..2).map(|_| whole.empty_like()).collect();
    // The first part's index is released halfway through its rows.
    feed_parts(&mut parts, |i| (i >= 500) as usize, &EVERY_ROLE);
    let mut b = parts.pop().expect("a second part");
    let mut a = parts.pop().expect("a first part");
    a.release_index();
    b.release_index();
    let mut more = whole.empty_like();
    feed(&mut [&mut more], |_| 0);
    more.release_index();
    // `a` takes more rows of its own companies after the release.
    feed(&mut [&mut a], |_| 0);
    a.merge(b);
    let mut twice = whole.clone();
    twice.merge(more);
    assert_eq!(a.ids.len(), 3);
    assert_same(&a, &twice);
    twice.release_index();
    twice.merge(whole.clone());
    assert_eq!(twice.ids, whole.ids);
}

#[test]
fn rows_too_sparse_to_score_leave_no_trace() {
    let inst = Instrument::default_instrument();
    let mut with = Accumulator::new(&inst);
    let mut without = Accumulator::new(&inst);
    let n_scale = with.plan.n_scale();
    let outcomes = vec![Some(Number::Nanos(1_500_000_000)); with.plan.n_outcomes];
    for i in 0..300u64 {
        // Every third row answers only the last two columns.
        let sparse = i % 3 == 1;
        let answers: Vec<Option<u16>> = (0..n_scale as u64)
            .map(|k| (!sparse || k + 2 >= n_scale as u64).then_some(((i + k) % 5) as u16))
            .collect();
        let row = Row {
            line: i + 2,
            order: i + 2,
            company: ["a", "b"][(i % 2) as usize],
            role: [Role::Sales, Role::Marketing][(i / 2 % 2) as usize],
            answers: &answers,
            outcomes: &outcomes,
            segments: Default::default(),
        };
        let got = with.add(&row);
        assert_eq!(got.is_err(), sparse, "row {i}");
        if got.is_ok() {
            without.add(&row).unwrap();
        }
    }
    assert_same(&with, &without);
}

#[test]
fn common_multiples_stop_at_the_limit() {
    assert_eq!(lcm_upto(4, 8, u64::MAX), Some(840));
    assert_eq!(lcm_upto(1, 10, 2000), None);
    assert_eq!(lcm_upto(1, 10, 2520), Some(2520));
}

/// Many companies, each part with some of its own: the two-thread merge
/// gives what one pass does.
#[test]
fn merged_parts_of_many_companies_equal_one_pass() {
    let inst = Instrument::default_instrument();
    let n_scale = Accumulator::new(&inst).plan.n_scale();
    let n_outcomes = Accumulator::new(&inst).plan.n_outcomes;
    let ids: Vec<String> = (0..3000).map(|i| format!("C{i}")).collect();
    let rows = |sink: &mut dyn FnMut(&Row)| {
        for i in 0..12_000u64 {
            let answers: Vec<Option<u16>> = (0..n_scale as u64)
                .map(|k| ((i + k) % 9 != 0).then_some(((i * 13 + k * 3) % 5) as u16))
                .collect();
            let outcomes: Vec<Option<Number>> = (0..n_outcomes as i64)
                .map(|k| Some(Number::Nanos((i as i64 % 50 - k) * 250_000_000)))
                .collect();
            // Companies come back at random-looking intervals.
            let c = (i * 7919 % 3000) as usize;
            sink(&Row {
                line: i + 2,
                order: i + 2,
                company: &ids[c],
                role: [Role::Sales, Role::Marketing, Role::Both][(i % 3) as usize],
                answers: &answers,
                outcomes: &outcomes,
                segments: Default::default(),
            });
        }
    };
    let mut whole = Accumulator::new(&inst);
    rows(&mut |r| {
        let _ = whole.add(r);
    });
    // Rows dealt to two parts in runs, as parts of a file are.
    let mut parts = [whole.empty_like(), whole.empty_like()];
    rows(&mut |r| {
        let _ = parts[(r.order / 700 % 2) as usize].add(r);
    });
    let [a, b] = parts;
    assert!(a.companies.len() >= 1024 && b.companies.len() >= 1024);
    let mut merged = whole.empty_like();
    merged.merge(b);
    merged.merge(a);
    assert_same(&merged, &whole);
    assert_eq!(merged.ids, whole.ids);
}
