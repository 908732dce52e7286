//! The suppression plan on hand-made cases (worked by hand).

use super::*;

const S: Visibility = Visibility::Shown;
const A: Visibility = Visibility::Absent;
const SMALL: Visibility = Visibility::Hidden(Hidden::Small);
const COMP: Visibility = Visibility::Hidden(Hidden::Complementary);

fn roles(n_by_role: [u64; 3], threshold: u64) -> [Visibility; 3] {
    let n = n_by_role.iter().sum();
    let d = Disclosure::from_counts([(n, n_by_role)], true, threshold);
    let r = &d.companies()[0].roles;
    [r[0], r[1], r[2]]
}

#[test]
fn extra_roles_are_role_groups_with_ties_broken_by_name() {
    // Slots: sales, marketing, both, then extra roles in instrument order
    // ("zeta", "alpha"); ties after both go by name: alpha before zeta.
    // Company of 12: sales 4, marketing 4, both 0, zeta 2, alpha 2. Both
    // extra groups are below 3: hidden, 4 hidden in all, no more needed.
    let d = Disclosure::from_counts_ordered([(12, [4, 4, 0, 2, 2])], true, 3, &[0, 1, 2, 4, 3]);
    assert_eq!(d.companies()[0].roles[..], [S, S, A, SMALL, SMALL]);
    // Company of 12: sales 4, marketing 4, zeta 1, alpha 3: the 1 alone
    // would follow from the total, so the smallest shown part (alpha, 3)
    // is hidden too.
    let d = Disclosure::from_counts_ordered([(12, [4, 4, 0, 1, 3])], true, 3, &[0, 1, 2, 4, 3]);
    assert_eq!(d.companies()[0].roles[..], [S, S, A, SMALL, COMP]);
    // Sales 3, marketing 4, zeta 3, alpha 1: sales and zeta tie at 3; the
    // fixed order puts sales first.
    let d = Disclosure::from_counts_ordered([(11, [3, 4, 0, 3, 1])], true, 3, &[0, 1, 2, 4, 3]);
    assert_eq!(d.companies()[0].roles[..], [COMP, S, A, S, SMALL]);
    // Alpha 3 and zeta 3 tie, sales and marketing larger: alpha (by name)
    // goes though it sits in the later slot.
    let d =
        Disclosure::from_counts_ordered([(15, [4, 4, 0, 3, 3, 1])], true, 3, &[0, 1, 2, 4, 3, 5]);
    assert_eq!(d.companies()[0].roles[..], [S, S, A, S, COMP, SMALL]);
}

#[test]
fn company_of_five_with_roles_four_and_one_hides_both() {
    // The 1 alone would follow from 5·company − 4·sales: the 4 goes too.
    assert_eq!(roles([4, 1, 0], 3), [COMP, SMALL, A]);
    assert_eq!(roles([1, 4, 0], 3), [SMALL, COMP, A]);
}

#[test]
fn three_one_one_hides_every_role() {
    // Hidden 1 + 1 = 2 < 3, so the 3 is hidden as well.
    assert_eq!(roles([3, 1, 1], 3), [COMP, SMALL, SMALL]);
}

#[test]
fn two_two_two_hides_every_role_and_needs_nothing_more() {
    assert_eq!(roles([2, 2, 2], 3), [SMALL, SMALL, SMALL]);
}

#[test]
fn ties_hide_in_fixed_order_sales_marketing_both() {
    // Both (1) is hidden; sales and marketing tie at 3: sales goes.
    assert_eq!(roles([3, 3, 1], 3), [COMP, S, SMALL]);
    assert_eq!(roles([4, 3, 3], 5), [SMALL, SMALL, SMALL]);
    assert_eq!(roles([5, 5, 2], 3), [COMP, S, SMALL]);
}

#[test]
fn hidden_parts_of_at_least_the_threshold_need_nothing_more() {
    assert_eq!(roles([1, 2, 6], 3), [SMALL, SMALL, S]);
    assert_eq!(roles([4, 4, 3], 3), [S, S, S]);
    assert_eq!(roles([7, 0, 0], 3), [S, A, A]);
}

#[test]
fn a_hidden_company_hides_every_role_it_has() {
    let d = Disclosure::from_counts([(2, [1, 1, 0]), (3, [3, 0, 0])], true, 3);
    assert!(!d.shown(0));
    assert_eq!(d.companies()[0].roles[..], [SMALL, SMALL, A]);
    assert!(d.shown(1));
    assert_eq!(d.shown_indices(), vec![1]);
    assert_eq!(d.hidden_companies(), 1);
    // Only role groups of shown companies are counted as hidden roles.
    assert_eq!(d.hidden_roles(), (0, 0));
    assert!(!d.shown(7));
}

#[test]
fn threshold_one_shows_everything() {
    assert_eq!(roles([1, 1, 1], 1), [S, S, S]);
}

#[test]
fn a_higher_threshold_hides_more() {
    // N = 5: 4 + 1 are both small; 5 + 4 + 1: 4 + 1 = 5 is enough.
    assert_eq!(roles([4, 1, 0], 5), [SMALL, SMALL, A]);
    assert_eq!(roles([5, 4, 1], 5), [S, SMALL, SMALL]);
    assert_eq!(roles([6, 5, 1], 5), [S, COMP, SMALL]);
}

#[test]
fn without_a_role_column_no_role_is_shown_or_counted() {
    let d = Disclosure::from_counts([(5, [5, 0, 0])], false, 3);
    assert_eq!(d.companies()[0].roles[..], [A, A, A]);
    assert!(!d.companies()[0].role_shown(0));
}

#[test]
fn parts_hidden_elsewhere_count_as_hidden() {
    // A role group the plan hides (sales) seen on one dimension that its 4
    // respondents answered: hidden, and 4 is enough on its own.
    let given = suppress_parts_given(&[4, 2, 5], &[true, false, false], 0, 3);
    assert_eq!(given, [COMP, SMALL, S]);
    // Marketing answered by 2 of its group on this dimension: hidden, and
    // the smallest shown part with it.
    let given = suppress_parts_given(&[5, 2, 6], &[false, false, false], 0, 3);
    assert_eq!(given, [COMP, SMALL, S]);
    let d = Disclosure::from_counts([(5, [5, 0, 0])], true, 3);
    assert!(d.cell_shown(3) && !d.cell_shown(2) && !d.cell_shown(0));
}

#[test]
fn rest_counts_as_hidden() {
    // Pooled item: 2 respondents of hidden role groups answered it; every
    // role pool is large, so the smallest one is hidden with them.
    assert_eq!(suppress_parts(&[10, 4, 6], 2, 3), [S, COMP, S]);
    assert_eq!(suppress_parts(&[10, 4, 6], 3, 3), [S, S, S]);
    assert_eq!(suppress_parts(&[10, 4, 6], 0, 3), [S, S, S]);
    // Nothing left to hide: the parts stay hidden, nothing is shown.
    assert_eq!(suppress_parts(&[1], 1, 3), [SMALL]);
}

#[test]
fn warnings_name_hidden_companies_sorted_and_count_roles() {
    let d = Disclosure::from_counts(
        [
            (2, [2, 0, 0]),
            (5, [4, 1, 0]),
            (1, [0, 1, 0]),
            (9, [3, 3, 3]),
        ],
        true,
        3,
    );
    let ids: Vec<Box<str>> = ["Zeta", "B", "Alpha", "C"].map(Box::from).to_vec();
    assert_eq!(
        d.companies_warning(&ids).unwrap(),
        "2 companies have fewer than 3 respondents and are hidden: left out of company-level statistics and pooled figures (Alpha, Zeta)"
    );
    assert_eq!(
        d.roles_warning().unwrap(),
        "2 role groups within companies are hidden: 1 role group with fewer than 3 respondents, and 1 more so that no hidden group can be worked out from its company's score"
    );
    let none = Disclosure::from_counts([(9, [3, 3, 3])], true, 3);
    assert_eq!(none.companies_warning(&ids[..1]), None);
    assert_eq!(none.roles_warning(), None);
}

fn segments(sizes: &[(&'static str, u64, u64)], k: u64, n: u64) -> Vec<Visibility> {
    let sizes: Vec<SegmentSize> = sizes
        .iter()
        .map(|&(name, companies, respondents)| SegmentSize {
            name,
            companies,
            respondents,
        })
        .collect();
    suppress_segments(&sizes, k, n)
}

#[test]
fn segments_of_at_least_k_companies_are_shown() {
    let v = segments(&[("a", 5, 20), ("b", 7, 30), ("c", 5, 15)], 5, 3);
    assert_eq!(v, [S, S, S]);
}

#[test]
fn a_small_segment_is_hidden_with_the_smallest_shown_one() {
    // 2 hidden companies would follow from the field minus the others:
    // the smallest shown segment (6) joins them, 8 hidden in all.
    let v = segments(
        &[("retail", 2, 8), ("saas", 9, 40), ("health", 6, 25)],
        5,
        3,
    );
    assert_eq!(v, [SMALL, S, COMP]);
}

#[test]
fn segment_ties_are_broken_by_name() {
    // Two shown segments of 6: "alpha" goes first, whatever the order.
    let v = segments(&[("zeta", 6, 30), ("alpha", 6, 30), ("x", 1, 3)], 5, 3);
    assert_eq!(v, [S, COMP, SMALL]);
}

#[test]
fn hidden_segments_holding_k_companies_need_nothing_more() {
    // 3 + 2 = 5 hidden companies: enough at K = 5.
    let v = segments(&[("a", 3, 9), ("b", 2, 6), ("c", 5, 20)], 5, 3);
    assert_eq!(v, [SMALL, SMALL, S]);
}

#[test]
fn one_complementary_segment_is_always_enough() {
    // K = 10: a shown segment holds at least 10, so hiding the smallest
    // one (12) ends the loop with 13 hidden.
    let v = segments(
        &[("a", 1, 5), ("b", 12, 40), ("c", 15, 50), ("d", 20, 90)],
        10,
        3,
    );
    assert_eq!(v, [SMALL, COMP, S, S]);
}

#[test]
fn a_segment_under_the_respondent_threshold_is_hidden() {
    // Five companies of one respondent each (threshold 1 for companies),
    // but N = 6 respondents are needed.
    let v = segments(&[("a", 5, 5), ("b", 5, 30), ("c", 5, 30)], 5, 6);
    assert_eq!(v, [SMALL, S, S]);
}

#[test]
fn a_segment_without_shown_companies_is_absent() {
    let v = segments(&[("a", 0, 0), ("b", 5, 30)], 5, 3);
    assert_eq!(v, [A, S]);
}

#[test]
fn one_small_segment_alone_hides_everything_it_can() {
    let v = segments(&[("a", 2, 6)], 5, 3);
    assert_eq!(v, [SMALL]);
    let v = segments(&[("a", 2, 6), ("b", 30, 90)], 5, 3);
    assert_eq!(v, [SMALL, COMP]);
}
