//! The library's front door gives the very models the command line prints.

use crate::support;
use support::cli::run_json;

use align::analysis::outcomes::{CompositeMethod, Scheme};
use align::analysis::{gaps::GapsOptions, leaders::LeadersOptions, score::ScoreOptions};
use align::{Instrument, Survey};
use std::path::Path;

const SURVEY: &str = "tests/data/leaders/responses.csv";
const INST: &str = "tests/data/leaders/instrument.json";
const OUTCOMES: &str = "tests/data/leaders/outcomes.csv";

#[test]
fn survey_score_leaders_and_gaps_equal_the_commands_json() {
    let inst = Instrument::load(Some(Path::new(INST))).unwrap();
    let survey = Survey::open(SURVEY, &inst).unwrap();
    assert_eq!(survey.input().rows_read, 79);

    let score = serde_json::to_value(survey.score(ScoreOptions::default())).unwrap();
    let (cli, _) = run_json(&["score", SURVEY, "--instrument", INST, "--format", "json"]);
    assert_eq!(score["companies"], cli["companies"]);
    assert_eq!(score["items"], cli["items"]);
    assert_eq!(score["reliability"], cli["reliability"]);

    let tiers = survey
        .outcomes(
            Some(Path::new(OUTCOMES)),
            CompositeMethod::Z,
            Scheme::Aberdeen,
            3,
        )
        .unwrap();
    let leaders = survey.leaders(&tiers, LeadersOptions::default()).unwrap();
    let leaders = serde_json::to_value(leaders).unwrap();
    let (cli, _) = run_json(&[
        "leaders",
        SURVEY,
        "--instrument",
        INST,
        "--outcomes",
        OUTCOMES,
        "--format",
        "json",
    ]);
    assert_eq!(leaders["companies"], cli["companies"]);
    assert_eq!(leaders["dimensions"], cli["dimensions"]);

    let gaps = serde_json::to_value(survey.gaps(Some(&tiers), GapsOptions::default())).unwrap();
    let (cli, _) = run_json(&[
        "gaps",
        SURVEY,
        "--instrument",
        INST,
        "--outcomes",
        OUTCOMES,
        "--format",
        "json",
    ]);
    assert_eq!(gaps["disconnect"], cli["disconnect"]);
}

#[test]
fn survey_open_fails_on_invalid_data_with_exit_code_3() {
    let inst = Instrument::default_instrument();
    let e = Survey::open("tests/data/errors/value_above_max.csv", &inst).unwrap_err();
    assert_eq!(e.exit_code(), 3);
    assert!(e.to_string().contains("value_above_max.csv"), "{e}");
}

#[test]
fn survey_drivers_equals_the_commands_json() {
    const D: &str = "tests/data/drivers/";
    let inst = Instrument::load(Some(Path::new(&format!("{D}instrument.json")))).unwrap();
    let survey = Survey::open(format!("{D}survey.csv"), &inst).unwrap();
    let outcomes_file = format!("{D}outcomes.csv");
    let tiers = survey
        .outcomes(
            Some(Path::new(&outcomes_file)),
            CompositeMethod::Z,
            Scheme::Aberdeen,
            3,
        )
        .unwrap();
    let opts = align::analysis::drivers::DriversOptions {
        bootstrap: 25,
        seed: 4,
        threads: 1,
        ..Default::default()
    };
    let model = serde_json::to_value(survey.drivers(&tiers, opts)).unwrap();
    let (cli, _) = run_json(&[
        "drivers",
        &format!("{D}survey.csv"),
        "--instrument",
        &format!("{D}instrument.json"),
        "--outcomes",
        &outcomes_file,
        "--bootstrap",
        "25",
        "--seed",
        "4",
        "--format",
        "json",
    ]);
    assert_eq!(model["targets"], cli["targets"]);
    assert_eq!(model["fix_first"], cli["fix_first"]);
    assert_eq!(model["outcomes_by_tier"], cli["outcomes_by_tier"]);
}
