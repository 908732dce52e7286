//! Unit tests of the composite and the tier schemes, against values from
//! tests/reference/leaders_reference.py.

use super::*;

#[test]
fn schemes_parse_with_clear_errors() {
    assert_eq!("aberdeen".parse::<Scheme>(), Ok(Scheme::Aberdeen));
    assert_eq!("median".parse::<Scheme>(), Ok(Scheme::Median));
    assert_eq!(
        "all-above-median".parse::<Scheme>(),
        Ok(Scheme::AllAboveMedian)
    );
    assert_eq!(
        "quantiles:0.25,0.5,0.25".parse::<Scheme>(),
        Ok(Scheme::Quantiles([0.25, 0.5, 0.25]))
    );
    assert!("quantiles:0.2,0.5"
        .parse::<Scheme>()
        .unwrap_err()
        .contains("three shares"));
    assert!("quantiles:0.2,0.5,0.5"
        .parse::<Scheme>()
        .unwrap_err()
        .contains("add up to"));
    assert!("top"
        .parse::<Scheme>()
        .unwrap_err()
        .contains("unknown scheme"));
    assert_eq!(
        Scheme::Quantiles([0.25, 0.5, 0.25]).to_string(),
        "quantiles:0.25,0.5,0.25"
    );
}
/// An instrument with the given outcomes `(id, group, lower_is_better)`.
fn inst(outcomes: &[(&str, &str, bool)]) -> Instrument {
    let outs: Vec<String> = outcomes
        .iter()
        .map(|(id, g, low)| {
            format!(
                r#"{{"id":"{id}","column":"{id}","label":"{id}","group":"{g}","direction":"{}"}}"#,
                if *low {
                    "lower_is_better"
                } else {
                    "higher_is_better"
                }
            )
        })
        .collect();
    Instrument::from_json(
        &format!(
            r#"{{"name":"t","version":"1","scale":{{"min":1,"max":5}},
               "columns":{{"company":"c"}},
               "dimensions":[{{"id":"d","label":"D"}}],
               "items":[{{"id":"i1","column":"i1","dimension":"d","text":"x"}}],
               "outcomes":[{}]}}"#,
            outs.join(",")
        ),
        "t",
    )
    .unwrap()
}

fn run(
    inst: &Instrument,
    rows: &[(&str, Vec<Option<f64>>)],
    method: CompositeMethod,
    scheme: Scheme,
) -> Outcomes {
    let ids: Vec<Box<str>> = rows.iter().map(|r| r.0.into()).collect();
    let values = rows
        .iter()
        .map(|r| (r.1.clone(), Source::Responses))
        .collect();
    classify(inst, &ids, values, method, scheme, Vec::new()).unwrap()
}

fn get<'a>(o: &'a Outcomes, id: &str) -> &'a CompanyOutcome {
    o.companies.iter().find(|c| c.company_id == id).unwrap()
}

fn tiers(o: &Outcomes, tier: Tier) -> Vec<&str> {
    let mut v: Vec<&str> = o
        .companies
        .iter()
        .filter(|c| c.tier == Some(tier))
        .map(|c| c.company_id.as_str())
        .collect();
    v.sort();
    v
}

const NA: Option<f64> = None;

/// Three outcomes in two groups, one lower_is_better, with gaps; `g`
/// reports one of three outcomes (two are needed).
type Rows = Vec<(&'static str, Vec<Option<f64>>)>;

fn three_outcomes() -> (Instrument, Rows) {
    let inst = inst(&[
        ("rev", "growth", false),
        ("wins", "growth", false),
        ("cycle", "pipeline", true),
    ]);
    let rows = vec![
        ("a", vec![Some(10.0), Some(3.0), Some(40.0)]),
        ("b", vec![Some(4.0), Some(5.0), Some(55.0)]),
        ("c", vec![NA, Some(1.0), Some(60.0)]),
        ("d", vec![Some(7.5), NA, Some(35.0)]),
        ("e", vec![Some(-2.0), Some(2.0), NA]),
        ("f", vec![Some(12.0), Some(6.0), Some(50.0)]),
        ("g", vec![Some(5.0), NA, NA]),
    ];
    (inst, rows)
}

/// One company's expected standardized values and composite.
type Expect = (&'static str, [Option<f64>; 3], Option<f64>);

/// The z-scores and composites of [`three_outcomes`], from
/// tests/reference/leaders_reference.py --unit: per outcome
/// scipy.stats.zscore(sign·x, ddof=1) over the companies reporting it,
/// composite = mean of the available z-scores when at least 2 of 3.
fn z_expected() -> [Expect; 7] {
    [
        (
            "a",
            [
                Some(0.7890083015254026),
                Some(-0.19289712886816482),
                Some(0.7715885154726594),
            ],
            Some(0.455899896043299),
        ),
        (
            "b",
            [
                Some(-0.41968526676883106),
                Some(0.7715885154726595),
                Some(-0.6751399510385769),
            ],
            Some(-0.10774556744491616),
        ),
        (
            "c",
            [None, Some(-1.1573827732089892), Some(-1.1573827732089892)],
            Some(-1.1573827732089892),
        ),
        (
            "d",
            [Some(0.28538598140280524), None, Some(1.2538313376430716)],
            Some(0.7696086595229384),
        ),
        (
            "e",
            [Some(-1.6283788350630646), Some(-0.6751399510385769), None],
            Some(-1.1517593930508208),
        ),
        (
            "f",
            [
                Some(1.1919061576234804),
                Some(1.2538313376430716),
                Some(-0.19289712886816485),
            ],
            Some(0.7509467887994624),
        ),
        ("g", [Some(-0.21823633871979212), None, None], None),
    ]
}

/// Assert that `got` and `want` are both missing or agree to 1e-12.
fn assert_close(got: Option<f64>, want: Option<f64>, what: &str) {
    match (got, want) {
        (Some(a), Some(b)) => assert!((a - b).abs() < 1e-12, "{what}: {a} vs {b}"),
        (a, b) => assert_eq!(a, b, "{what}"),
    }
}

/// Assert every company's standardized values and composite in `o`.
fn assert_standardized(o: &Outcomes, expect: &[Expect]) {
    for (id, z, comp) in expect {
        let c = get(o, id);
        for (j, want) in z.iter().enumerate() {
            assert_close(c.standardized[j], *want, &format!("{id} z{j}"));
        }
        assert_close(c.composite, *comp, id);
    }
}

#[test]
fn z_composite_matches_scipy() {
    let (inst, rows) = three_outcomes();
    let o = run(&inst, &rows, CompositeMethod::Z, Scheme::Aberdeen);
    assert_standardized(&o, &z_expected());
    assert_eq!(
        get(&o, "g").unclassified.as_deref(),
        Some("1 of 3 outcomes usable; at least 2 are needed")
    );
    assert_eq!(get(&o, "g").tier, None);
    // n = 6: round(1.2) = 1 leader, round(1.8) = 2 laggards.
    // Order: d 0.770, f 0.751, a 0.456, b -0.108, e -1.152, c -1.157.
    assert_eq!(tiers(&o, Tier::Leader), ["d"]);
    assert_eq!(tiers(&o, Tier::Average), ["a", "b", "f"]);
    assert_eq!(tiers(&o, Tier::Laggard), ["c", "e"]);
    assert!(o
        .warnings
        .iter()
        .any(|w| w.contains("1 company is unclassified")));
    // median of the six composites: (0.4559 + -0.1077)/2; strictly above it lead.
    let m = run(&inst, &rows, CompositeMethod::Z, Scheme::Median);
    assert!((m.median_composite.unwrap() - 0.17407716429919142).abs() < 1e-12);
    assert_eq!(tiers(&m, Tier::Leader), ["a", "d", "f"]);
    assert_eq!(tiers(&m, Tier::Laggard), ["b", "c", "e"]);
    // all-above-median: growth medians (0.1759 + 0.2854)/2 = 0.2307 -> a, d, f
    // above; pipeline median -0.1929 (f sits on it, e has none) -> a, d above.
    let a = run(&inst, &rows, CompositeMethod::Z, Scheme::AllAboveMedian);
    assert_eq!(tiers(&a, Tier::Leader), ["a", "d"]);
    assert_eq!(tiers(&a, Tier::Laggard), ["b", "c", "e", "f"]);
    assert_eq!(tiers(&a, Tier::Average), Vec::<&str>::new());
}

#[test]
fn rank_composite_matches_scipy() {
    // tests/reference/leaders_reference.py --unit:
    // scipy.stats.percentileofscore(xs, x, kind='mean') of sign·x.
    let (inst, rows) = three_outcomes();
    let o = run(&inst, &rows, CompositeMethod::Rank, Scheme::Aberdeen);
    let expect = [
        ("a", Some(65.0)),
        ("b", Some(41.666666666666664)),
        ("c", Some(10.0)),
        ("d", Some(74.16666666666667)),
        ("e", Some(19.166666666666668)),
        ("f", Some(77.22222222222223)),
        ("g", None),
    ];
    for (id, comp) in expect {
        match (get(&o, id).composite, comp) {
            (Some(a), Some(b)) => assert!((a - b).abs() < 1e-12, "{id}: {a} vs {b}"),
            (a, b) => assert_eq!(a, b, "{id}"),
        }
    }
    let f = get(&o, "f");
    for (got, want) in f.standardized.iter().zip([91.66666666666667, 90.0, 50.0]) {
        assert!((got.unwrap() - want).abs() < 1e-12, "{got:?} vs {want}");
    }
    assert_eq!(tiers(&o, Tier::Leader), ["f"]);
    assert_eq!(tiers(&o, Tier::Laggard), ["c", "e"]);
}

/// One outcome; rows in the order given (ids decide ties, not order).
fn one(values: &[(&'static str, f64)], scheme: Scheme) -> Outcomes {
    let inst = inst(&[("x", "g", false)]);
    let rows: Vec<(&str, Vec<Option<f64>>)> =
        values.iter().map(|(id, v)| (*id, vec![Some(*v)])).collect();
    run(&inst, &rows, CompositeMethod::Z, scheme)
}

#[test]
fn aberdeen_rounds_half_away_and_breaks_ties_by_id() {
    // n = 5: round(1.0) = 1 leader, round(1.5) = 2 laggards. c01 and c02
    // tie at the top, c03 and c04 tie at the laggard boundary; rows come
    // in reverse order, so only the ids can decide.
    let o = one(
        &[
            ("c05", 1.0),
            ("c04", 5.0),
            ("c03", 5.0),
            ("c02", 10.0),
            ("c01", 10.0),
        ],
        Scheme::Aberdeen,
    );
    assert_eq!(tiers(&o, Tier::Leader), ["c01"]);
    assert_eq!(tiers(&o, Tier::Average), ["c02", "c03"]);
    assert_eq!(tiers(&o, Tier::Laggard), ["c04", "c05"]);
    // n = 15: round(3.0) = 3 leaders, round(4.5) = 5 laggards.
    let ids15: Vec<&'static str> = vec![
        "k01", "k02", "k03", "k04", "k05", "k06", "k07", "k08", "k09", "k10", "k11", "k12", "k13",
        "k14", "k15",
    ];
    let v: Vec<(&str, f64)> = ids15
        .iter()
        .enumerate()
        .map(|(i, id)| (*id, -(i as f64)))
        .collect();
    let o = one(&v, Scheme::Aberdeen);
    assert_eq!(tiers(&o, Tier::Leader), ["k01", "k02", "k03"]);
    assert_eq!(
        tiers(&o, Tier::Laggard),
        ["k11", "k12", "k13", "k14", "k15"]
    );
    assert_eq!(o.count(Tier::Average), 7);
    // n = 7: round(1.4) = 1 leader, round(2.1) = 2 laggards.
    let o = one(&v[..7], Scheme::Aberdeen);
    assert_eq!(tiers(&o, Tier::Leader), ["k01"]);
    assert_eq!(tiers(&o, Tier::Laggard), ["k06", "k07"]);
    assert_eq!(o.count(Tier::Average), 4);
    // n = 2: round(0.4) = 0 leaders, round(0.6) = 1 laggard.
    let o = one(&v[..2], Scheme::Aberdeen);
    assert_eq!((o.count(Tier::Leader), o.count(Tier::Laggard)), (0, 1));
    // quantiles:0.25,0.5,0.25 with n = 10: round(2.5) = 3 each end.
    let o = one(&v[..10], "quantiles:0.25,0.5,0.25".parse().unwrap());
    assert_eq!(tiers(&o, Tier::Leader), ["k01", "k02", "k03"]);
    assert_eq!(tiers(&o, Tier::Laggard), ["k08", "k09", "k10"]);
    // quantiles:0.5,0,0.5 with n = 5: round(2.5) = 3 leaders, 2 laggards left.
    let o = one(&v[..5], "quantiles:0.5,0,0.5".parse().unwrap());
    assert_eq!(
        (
            o.count(Tier::Leader),
            o.count(Tier::Average),
            o.count(Tier::Laggard)
        ),
        (3, 0, 2)
    );
}

#[test]
fn median_ties_are_not_above_the_median() {
    // median of 1, 2, 3, 3, 4, 5 is 3: only 4 and 5 are strictly above.
    let o = one(
        &[
            ("a", 3.0),
            ("b", 1.0),
            ("c", 4.0),
            ("d", 3.0),
            ("e", 5.0),
            ("f", 2.0),
        ],
        Scheme::Median,
    );
    assert_eq!(tiers(&o, Tier::Leader), ["c", "e"]);
    assert_eq!(tiers(&o, Tier::Laggard), ["a", "b", "d", "f"]);
}

#[test]
fn outcomes_that_never_vary_tie_every_company() {
    let inst = inst(&[("x", "g", false), ("y", "g", true)]);
    let rows = vec![
        ("b", vec![Some(4.0), Some(9.0)]),
        ("a", vec![Some(4.0), Some(9.0)]),
        ("c", vec![Some(4.0), NA]),
        ("d", vec![NA, NA]),
    ];
    let ids: Vec<Box<str>> = rows.iter().map(|r| r.0.into()).collect();
    let values = || {
        rows.iter()
            .map(|r| (r.1.clone(), Source::Responses))
            .collect::<Vec<_>>()
    };
    // By default nobody is classified.
    let o = run(&inst, &rows, CompositeMethod::Z, Scheme::Median);
    assert_eq!(o.classified().count(), 0);
    assert!(o
        .warnings
        .iter()
        .any(|w| w.contains("outcome x is left out")));
    for (method, neutral) in [(CompositeMethod::Z, 0.0), (CompositeMethod::Rank, 50.0)] {
        let o = classify_with(
            &inst,
            &ids,
            values(),
            method,
            Scheme::Median,
            NothingVaries::TieEveryone,
            Vec::new(),
        )
        .unwrap();
        for id in ["a", "b", "c"] {
            assert_eq!(get(&o, id).composite, Some(neutral), "{id}");
        }
        assert_eq!(get(&o, "d").composite, None);
        assert_eq!(
            get(&o, "d").unclassified.as_deref(),
            Some("no outcomes reported")
        );
        // Nobody is above the median.
        assert_eq!(o.count(Tier::Leader), 0);
        assert_eq!(o.count(Tier::Laggard), 3);
        assert!(
            o.warnings.iter().any(|w| w.contains("no outcome varies")),
            "{:?}",
            o.warnings
        );
    }
    // One outcome varies: the constant one is left out, as documented.
    let rows = vec![
        ("a", vec![Some(4.0), Some(9.0)]),
        ("b", vec![Some(4.0), Some(7.0)]),
    ];
    let o = run(&inst, &rows, CompositeMethod::Z, Scheme::Median);
    assert!(o
        .warnings
        .iter()
        .any(|w| w.contains("outcome x is left out")));
    assert_eq!(get(&o, "a").standardized[0], None);
    // y is lower-is-better: a (9) is worse than b (7); z of ±1/√2.
    let za = get(&o, "a").composite.unwrap();
    assert!((za + std::f64::consts::FRAC_1_SQRT_2).abs() < 1e-12, "{za}");
}

#[test]
fn no_outcomes_is_a_usage_error() {
    let inst = Instrument::from_json(
        r#"{"name":"t","version":"1","scale":{"min":1,"max":5},
           "columns":{"company":"c"},
           "dimensions":[{"id":"d","label":"D"}],
           "items":[{"id":"i1","column":"i1","dimension":"d","text":"x"}]}"#,
        "t",
    )
    .unwrap();
    let e = classify(
        &inst,
        &[],
        Vec::new(),
        CompositeMethod::Z,
        Scheme::Aberdeen,
        Vec::new(),
    )
    .unwrap_err();
    assert_eq!(e.exit_code(), 2);
    assert!(e.to_string().contains("defines no outcomes"), "{e}");
}

#[test]
fn a_hidden_company_is_classified_nowhere_and_moves_no_one() {
    // Six companies on one outcome: 10, 20, …, 60. Shown all, the average
    // tier (aberdeen: 1 leader, 2 laggards) would be C, D, E; with C hidden
    // (2 respondents at threshold 3) the tiers and z-scores are those of
    // the other five. By hand over 10, 20, 40, 50, 60: mean 36, sample sd
    // √(1720/4) = √430, so F's z = 24/√430 and the median composite is D's
    // 4/√430; aberdeen over 5: round(1.0) = 1 leader, round(1.5) = 2
    // laggards.
    let inst = inst(&[("growth", "g", false)]);
    let ids: Vec<Box<str>> = ["A", "B", "C", "D", "E", "F"].map(Box::from).to_vec();
    let values = (1..=6)
        .map(|k| (vec![Some(10.0 * k as f64)], Source::Responses))
        .collect();
    let counts = [5, 5, 2, 5, 5, 5].map(|n| (n, [n, 0, 0]));
    let vis = Disclosure::from_counts(counts, true, 3);
    let o = classify_shown(
        &inst,
        &ids,
        values,
        &vis,
        CompositeMethod::Z,
        Scheme::Aberdeen,
        NothingVaries::Unclassified,
        Vec::new(),
    )
    .unwrap();
    let c = get(&o, "C");
    assert!(c.hidden && c.tier.is_none() && c.composite.is_none());
    assert_eq!(c.values, vec![None]);
    assert_eq!(c.unclassified, None);
    let sd = 430f64.sqrt();
    assert!((get(&o, "F").composite.unwrap() - 24.0 / sd).abs() < 1e-12);
    assert!((o.median_composite.unwrap() - 4.0 / sd).abs() < 1e-12);
    let tier = |id| get(&o, id).tier;
    assert_eq!(tier("F"), Some(Tier::Leader));
    assert_eq!(tier("E"), Some(Tier::Average));
    assert_eq!(tier("D"), Some(Tier::Average));
    assert_eq!(tier("B"), Some(Tier::Laggard));
    assert_eq!(tier("A"), Some(Tier::Laggard));
    assert_eq!(o.count(Tier::Average), 2);
    assert!(o.warnings.iter().all(|w| !w.contains("unclassified")));
}
