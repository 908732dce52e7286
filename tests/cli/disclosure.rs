//! The attacker of docs/methods.md#disclosure-control: surveys with many small groups, every command
//! run on them in every weighting, and the printed figures solved as
//! equations against the true figures of the hidden groups, which the test
//! computes itself from the rows it generated. Nothing about a company or a
//! role group under `--anonymity N` may come out.

mod generic;
mod outputs;
mod perception;
mod pooled;
mod roles;
mod segments;
mod summaries;
mod survey;
mod tiers;

use outputs::{scenario, Scenario, WEIGHTINGS};
use serde_json::Value;
use std::sync::OnceLock;
use survey::{mixes_for, Survey};

/// Every role group of these companies holds 3 or more respondents, but one
/// company has 2: pools less the shown companies leave just that company.
const ONE_HIDDEN_COMPANY: [[usize; 3]; 12] = [
    [3, 3, 0],
    [4, 3, 3],
    [5, 0, 3],
    [3, 4, 0],
    [6, 3, 3],
    [2, 0, 0],
    [3, 3, 3],
    [0, 4, 3],
    [7, 3, 0],
    [3, 0, 4],
    [4, 5, 3],
    [3, 6, 3],
];

/// No company or role group under 3 respondents.
const NO_SMALL_GROUP: [[usize; 3]; 10] = [
    [3, 3, 0],
    [4, 3, 3],
    [5, 0, 3],
    [3, 4, 0],
    [6, 3, 3],
    [3, 0, 0],
    [0, 4, 3],
    [7, 3, 0],
    [3, 0, 4],
    [4, 5, 3],
];

/// The generated surveys: seed, threshold, companies.
const GENERATED: [(u64, usize, usize); 4] = [(11, 3, 30), (12, 3, 26), (13, 5, 30), (14, 5, 36)];

/// The surveys attacked: several seeds at the default threshold and at 5.
fn scenarios() -> &'static [Scenario] {
    static ALL: OnceLock<Vec<Scenario>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut v: Vec<Scenario> = GENERATED
            .into_iter()
            .map(|(seed, thr, count)| {
                let survey = Survey::generate(seed, &mixes_for(seed, count));
                scenario(
                    &format!("seed {seed}, --anonymity {thr}"),
                    seed,
                    &survey,
                    thr,
                )
            })
            .collect();
        let one = Survey::generate(15, &ONE_HIDDEN_COMPANY);
        v.push(scenario("one hidden company, --anonymity 3", 15, &one, 3));
        v
    })
}

fn unsuppressed() -> &'static Scenario {
    static ONE: OnceLock<Scenario> = OnceLock::new();
    ONE.get_or_init(|| {
        let survey = Survey::generate(16, &NO_SMALL_GROUP);
        scenario("no small group, --anonymity 3", 16, &survey, 3)
    })
}

/// Fail with every finding, each prefixed with its survey.
fn assert_none(what: &str, findings: Vec<(String, String)>) {
    if findings.is_empty() {
        return;
    }
    let mut lines: Vec<String> = findings.iter().map(|(s, f)| format!("[{s}] {f}")).collect();
    lines.dedup();
    let total = lines.len();
    lines.truncate(60);
    panic!(
        "{what}: {total} disclosure(s) found\n{}{}",
        lines.join("\n"),
        if total > 60 { "\n…" } else { "" }
    );
}

/// Run `attack` on every scenario and weighting, collecting findings.
fn each(
    attack: impl Fn(&Scenario, usize, &outputs::Jsons, &str) -> Vec<String>,
) -> Vec<(String, String)> {
    let mut all = Vec::new();
    for sc in scenarios() {
        for (w, (name, j)) in WEIGHTINGS.iter().zip(&sc.runs).enumerate() {
            for f in attack(sc, w, j, &format!("--weighting {name}")) {
                all.push((sc.name.clone(), f));
            }
        }
    }
    all
}

fn part<'a>(report: &'a Value, key: &str) -> &'a Value {
    report.get(key).unwrap_or(&Value::Null)
}

#[test]
fn score_hidden_role_groups_survive_subtraction() {
    let findings = each(|sc, w, j, wl| {
        let mut f = roles::subtraction(sc, w == 1, &j.score, &format!("score --by-role {wl}"));
        let report_score = part(&j.report, "score");
        f.extend(roles::subtraction(
            sc,
            w == 1,
            report_score,
            &format!("report (score part) {wl}"),
        ));
        f
    });
    assert_none("role subtraction in score", findings);
}

#[test]
fn score_text_formats_hide_small_role_groups() {
    let mut findings = Vec::new();
    for sc in scenarios() {
        for (format, text) in &sc.texts {
            let f = if *format == "csv" {
                roles::csv_rows(sc, text)
            } else {
                roles::text_rows(sc, format, text)
            };
            findings.extend(f.into_iter().map(|f| (sc.name.clone(), f)));
        }
    }
    assert_none(
        "role subtraction in the table, markdown and csv formats",
        findings,
    );
}

#[test]
fn leaders_tier_aggregates_exclude_hidden_companies() {
    let findings = each(|sc, w, j, wl| {
        let mut f = tiers::aggregates(
            sc,
            w,
            &j.leaders,
            &j.score,
            &j.benchmark,
            &format!("leaders {wl}"),
        );
        let (l, s) = (part(&j.report, "leaders"), part(&j.report, "score"));
        f.extend(tiers::aggregates(
            sc,
            w,
            l,
            s,
            &j.benchmark,
            &format!("report (leaders part) {wl}"),
        ));
        f
    });
    assert_none("tier mean × tier count − listed members", findings);
}

#[test]
fn leaders_correlations_use_shown_companies_only() {
    let findings = each(|sc, _, j, wl| {
        tiers::correlations(sc, &j.leaders, &j.score, &format!("leaders {wl}"))
    });
    assert_none("Spearman ρ over the listed companies", findings);
}

#[test]
fn gaps_overconfidence_mean_reveals_no_hidden_company() {
    let findings = each(|sc, w, j, wl| {
        let mut f = perception::overconfidence(sc, w, &j.gaps, &format!("gaps {wl}"));
        f.extend(perception::overconfidence(
            sc,
            w,
            part(&j.report, "gaps"),
            &format!("report (gaps part) {wl}"),
        ));
        f
    });
    assert_none("overconfidence mean × n − listed companies", findings);
}

#[test]
fn gaps_quadrants_count_only_listed_companies() {
    let findings = each(|sc, _, j, wl| perception::quadrants(sc, &j.gaps, &format!("gaps {wl}")));
    assert_none("perception quadrants, shares and correlations", findings);
}

#[test]
fn norms_hold_no_hidden_company() {
    let findings = each(|sc, w, j, wl| summaries::norms(sc, w, &j.norms, &format!("norms {wl}")));
    assert_none("norms built from shown companies only", findings);
}

#[test]
fn score_agreement_summaries_use_shown_companies_only() {
    let findings = each(|sc, _, j, wl| summaries::agreement(sc, &j.score, &format!("score {wl}")));
    assert_none("ICC and r_wg(J) summaries", findings);
}

#[test]
fn score_pooled_items_minus_companies_leave_no_small_remainder() {
    let findings = each(|sc, w, j, wl| {
        let mut pools = pooled::Pools::default();
        let mut f = pooled::role_minus_groups(sc, &j.score, &format!("score {wl}"), &mut pools);
        if w == 0 {
            f.extend(pooled::minus_companies(
                sc,
                &j.score,
                &j.benchmark,
                &format!("score {wl}"),
            ));
        }
        f
    });
    assert_none(
        "pooled figures less the shown companies or role groups",
        findings,
    );
}

#[test]
fn all_commands_printed_pools_differ_by_threshold_or_more() {
    let mut findings = Vec::new();
    for sc in scenarios() {
        let mut pools = pooled::Pools::default();
        for (name, j) in WEIGHTINGS.iter().zip(&sc.runs) {
            let label = |c: &str| format!("{c} --weighting {name}");
            pooled::role_minus_groups(sc, &j.score, &label("score"), &mut pools);
            pools.collect(&label("score"), &j.score);
            pools.collect(&label("leaders"), &j.leaders);
            pools.collect(&label("gaps"), &j.gaps);
            for part_name in ["score", "leaders", "gaps"] {
                pools.collect(
                    &label(&format!("report ({part_name} part)")),
                    part(&j.report, part_name),
                );
            }
        }
        findings.extend(
            pools
                .check(sc.threshold)
                .into_iter()
                .map(|f| (sc.name.clone(), f)),
        );
    }
    assert_none(
        "pools of one statistic differing by fewer than N respondents",
        findings,
    );
}

#[test]
fn all_commands_print_no_hidden_figure() {
    let mut findings = Vec::new();
    for sc in scenarios() {
        let secrets = generic::secrets(sc);
        assert!(
            !secrets.is_empty(),
            "{}: the survey has hidden figures to look for",
            sc.name
        );
        for (label, v) in sc.all_json() {
            findings.extend(
                generic::search(&secrets, v, &label)
                    .into_iter()
                    .map(|f| (sc.name.clone(), f)),
            );
        }
    }
    assert_none("a printed number equal to a hidden figure", findings);
}

#[test]
fn all_commands_hidden_objects_carry_only_ids_and_counts() {
    let mut findings = Vec::new();
    for sc in scenarios() {
        for (label, v) in sc.all_json() {
            let mut f = Vec::new();
            generic::hidden_objects(v, "", &label, &mut f);
            findings.extend(f.into_iter().map(|f| (sc.name.clone(), f)));
        }
    }
    assert_none("hidden objects carrying figures", findings);
}

#[test]
fn all_commands_suppress_nothing_without_small_groups() {
    let sc = unsuppressed();
    let mut findings = Vec::new();
    for (label, v) in sc.all_json() {
        let mut paths = Vec::new();
        generic::suppressed_paths(v, "", &mut paths);
        findings.extend(
            paths
                .into_iter()
                .map(|p| (sc.name.clone(), format!("{label}: {p} is suppressed"))),
        );
    }
    for (format, text) in &sc.texts {
        let hidden_cell = text
            .lines()
            .any(|l| l.split(['│', '┆', '|']).any(|c| c.trim() == "hidden"));
        if hidden_cell {
            findings.push((
                sc.name.clone(),
                format!("score --by-role --format {format} shows `hidden`"),
            ));
        }
    }
    assert_none("suppression in a survey without small groups", findings);
}

#[test]
fn score_shown_figures_match_the_attackers_arithmetic() {
    // The attacker's arithmetic is only as good as its agreement with what
    // align prints for the groups it may show.
    for sc in scenarios().iter().chain([unsuppressed()]) {
        for (w, j) in sc.runs.iter().enumerate() {
            for c in outputs::list(&j.score, "companies")
                .iter()
                .filter(|c| !outputs::is_suppressed(c))
            {
                let t = sc.truth(outputs::id(c)).expect("a generated company");
                let scores = c.get("scores").expect("scores");
                for (d, dim) in survey::DIMS.iter().enumerate() {
                    let printed = outputs::get(scores, dim).expect("a dimension score");
                    assert!(
                        outputs::close(printed, t.weighted[w].dims[d]),
                        "{}: company {} {dim} printed {printed}, computed {}",
                        sc.name,
                        t.id,
                        t.weighted[w].dims[d]
                    );
                }
            }
        }
    }
}

/// The generated surveys again with `--segment industry`, at a
/// `--min-companies` per survey: (scenario, segment runs).
fn segment_scenarios() -> &'static [(usize, segments::SegmentRuns)] {
    static ALL: OnceLock<Vec<(usize, segments::SegmentRuns)>> = OnceLock::new();
    ALL.get_or_init(|| {
        let all = scenarios();
        let mut v: Vec<(usize, segments::SegmentRuns)> = GENERATED
            .into_iter()
            .zip([5, 4, 5, 3])
            .enumerate()
            .map(|(k, ((seed, _, count), min_companies))| {
                let survey = Survey::generate(seed, &mixes_for(seed, count));
                (k, segments::run(&all[k], seed, &survey, min_companies))
            })
            .collect();
        let one = Survey::generate(15, &ONE_HIDDEN_COMPANY);
        v.push((4, segments::run(&all[4], 15, &one, 2)));
        v
    })
}

#[test]
fn segments_reveal_no_hidden_segment_or_company() {
    let mut findings = Vec::new();
    let (mut small_hidden, mut complementary) = (false, false);
    for (k, sr) in segment_scenarios() {
        let sc = &scenarios()[*k];
        for (_, seg) in &sr.runs[0] {
            for g in outputs::list(seg, "groups")
                .iter()
                .filter(|g| outputs::is_suppressed(g))
            {
                let n = g["n_companies"].as_u64().unwrap_or(0) as usize;
                small_hidden |= (1..sr.min_companies).contains(&n);
                complementary |= n >= sr.min_companies;
            }
        }
        findings.extend(segments::attack(sc, sr).into_iter().map(|f| {
            (
                format!("{}, --min-companies {}", sc.name, sr.min_companies),
                f,
            )
        }));
    }
    assert_none(
        "segment figures against the field and the shown companies",
        findings,
    );
    assert!(
        small_hidden && complementary,
        "the surveys hold a small hidden segment and a complementary one"
    );
}
