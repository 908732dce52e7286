//! Property tests: no input makes the pipeline panic, and the figures obey
//! the invariants of their definitions (row order is irrelevant, reverse
//! coding twice is the identity, shifting the scale changes nothing, α ≤ 1).

use align::accumulate::Accumulator;
use align::analysis::score::{self, ScoreOptions};
use align::ingest::{self, IngestOptions};
use align::instrument::Instrument;
use proptest::prelude::*;
use serde_json::Value;
use std::io::Cursor;

fn instrument(min: i64, max: i64, reverse: [bool; 4]) -> Instrument {
    let json = format!(
        r#"{{"name":"p","version":"1","scale":{{"min":{min},"max":{max},"labels":{{"agree":{max}}}}},
           "columns":{{"respondent":"rid","company":"co","role":"role"}},
           "dimensions":[{{"id":"a","label":"A"}},{{"id":"b","label":"B"}}],
           "items":[{{"id":"a1","column":"a1","dimension":"a","text":"x","reverse":{}}},
                    {{"id":"a2","column":"a2","dimension":"a","text":"x","reverse":{}}},
                    {{"id":"b1","column":"b1","dimension":"b","text":"x","reverse":{}}},
                    {{"id":"b2","column":"b2","dimension":"b","text":"x","reverse":{}}}],
           "perception":[{{"id":"p1","column":"p1","text":"x"}}]}}"#,
        reverse[0], reverse[1], reverse[2], reverse[3]
    );
    Instrument::from_json(&json, "p").unwrap()
}

/// Run ingest and scoring on bytes; `None` when the input is refused.
fn score(inst: &Instrument, bytes: Vec<u8>, anonymity: u64) -> Option<Value> {
    let mut acc = Accumulator::new(inst);
    let opts = IngestOptions {
        skip_invalid: true,
        ..IngestOptions::default()
    };
    let got =
        ingest::read_responses_from("p.csv", Box::new(Cursor::new(bytes)), inst, opts, &mut acc)
            .ok()?;
    let report = got.into_result().ok()?;
    let model = score::build(
        inst,
        &acc,
        report,
        ScoreOptions {
            anonymity,
            ..ScoreOptions::default()
        },
    );
    let text = serde_json::to_string(&model).unwrap();
    assert!(!text.contains("NaN") && !text.contains("Infinity"));
    Some(serde_json::from_str(&text).unwrap())
}

/// A respondent: company, role, four item answers and a perception answer
/// (offsets from the scale minimum; `None` is a blank).
type Resp = (u8, u8, [Option<u8>; 4], Option<u8>);

fn respondent(points: u8) -> impl Strategy<Value = Resp> {
    (
        0u8..5,
        0u8..3,
        proptest::array::uniform4(proptest::option::weighted(0.9, 0..points)),
        proptest::option::weighted(0.9, 0..points),
    )
}

fn csv_of(rows: &[Resp], min: i64, flip: [bool; 4], max: i64) -> Vec<u8> {
    let roles = ["sales", "marketing", "both"];
    let mut s = String::from("rid,co,role,a1,a2,b1,b2,p1\n");
    let cell = |v: Option<u8>, flip: bool| match v {
        None => String::new(),
        Some(o) => {
            let x = min + o as i64;
            (if flip { min + max - x } else { x }).to_string()
        }
    };
    for (i, (co, role, items, p)) in rows.iter().enumerate() {
        s.push_str(&format!("r{i},C{co},{}", roles[*role as usize]));
        for k in 0..4 {
            s.push(',');
            s.push_str(&cell(items[k], flip[k]));
        }
        s.push(',');
        s.push_str(&cell(*p, false));
        s.push('\n');
    }
    s.into_bytes()
}

/// Every number in `a` is within `tol` of the one at the same place in `b`;
/// everything else is equal. Arrays of companies are matched by id.
fn close(a: &Value, b: &Value, tol: f64, path: &str) -> Result<(), String> {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            if (x - y).abs() <= tol * (1.0 + x.abs().max(y.abs())) {
                Ok(())
            } else {
                Err(format!("{path}: {x} vs {y}"))
            }
        }
        (Value::Object(x), Value::Object(y)) => {
            if x.len() != y.len() {
                return Err(format!("{path}: keys differ"));
            }
            for (k, v) in x {
                close(
                    v,
                    y.get(k).ok_or(format!("{path}.{k} missing"))?,
                    tol,
                    &format!("{path}.{k}"),
                )?;
            }
            Ok(())
        }
        (Value::Array(x), Value::Array(y)) => {
            if x.len() != y.len() {
                return Err(format!("{path}: lengths differ"));
            }
            let key = |v: &Value| v.get("company_id").cloned();
            let mut ys: Vec<&Value> = y.iter().collect();
            if x.first().and_then(key).is_some() {
                ys.sort_by_key(|v| key(v).map(|k| k.to_string()));
                let mut xs: Vec<&Value> = x.iter().collect();
                xs.sort_by_key(|v| key(v).map(|k| k.to_string()));
                for (i, (p, q)) in xs.iter().zip(ys).enumerate() {
                    close(p, q, tol, &format!("{path}[{i}]"))?;
                }
                return Ok(());
            }
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                close(p, q, tol, &format!("{path}[{i}]"))?;
            }
            Ok(())
        }
        _ if a == b => Ok(()),
        _ => Err(format!("{path}: {a} vs {b}")),
    }
}

/// The parts of a score report that are figures about the survey.
fn figures(v: &Value) -> Value {
    serde_json::json!({
        "reliability": v["reliability"],
        "aggregation": v["aggregation"],
        "companies": v["companies"],
        // The `reverse` flag is instrument metadata, not a figure.
        "items": v["items"].as_array().map(|items| {
            items.iter().map(|i| {
                let mut i = i.clone();
                i["reverse"] = Value::Null;
                i
            }).collect::<Vec<_>>()
        }),
        "hidden": v["hidden"],
        "rows": [v["input"]["rows_read"], v["input"]["rows_scored"], v["input"]["rows_excluded"]],
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        .. ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let inst = instrument(1, 5, [false; 4]);
        let _ = score(&inst, bytes.clone(), 3);
        let mut with_header = b"rid,co,role,a1,a2,b1,b2,p1\n".to_vec();
        with_header.extend(bytes);
        let _ = score(&inst, with_header, 1);
    }

    #[test]
    fn arbitrary_csv_shapes_never_panic(
        cells in proptest::collection::vec(
            proptest::collection::vec(
                prop_oneof![
                    Just(String::new()), Just("3".to_string()), Just("agree".to_string()),
                    Just("9".to_string()), Just("\"".to_string()), Just("a,b".to_string()),
                    Just("\"x\ny\"".to_string()), Just("sales".to_string()), Just("NA".to_string()),
                    Just("-0".to_string()), Just("1e3".to_string()), Just("\r".to_string()),
                    "[a-z0-9 ]{0,4}",
                ],
                0..10,
            ),
            0..30,
        ),
        sep in prop_oneof![Just(","), Just(";"), Just("\t")],
        eol in prop_oneof![Just("\n"), Just("\r\n")],
    ) {
        let inst = instrument(1, 5, [false, true, false, true]);
        let mut s = ["rid", "co", "role", "a1", "a2", "b1", "b2", "p1"].join(sep);
        s.push_str(eol);
        for row in &cells {
            s.push_str(&row.join(sep));
            s.push_str(eol);
        }
        if let Some(v) = score(&inst, s.into_bytes(), 1) {
            let input = &v["input"];
            prop_assert_eq!(
                input["rows_read"].as_u64().unwrap(),
                input["rows_scored"].as_u64().unwrap() + input["rows_excluded"].as_u64().unwrap()
            );
        }
    }

    #[test]
    fn permuting_rows_changes_no_figure(
        rows in proptest::collection::vec(respondent(5), 1..60),
        seed in any::<u64>(),
    ) {
        let inst = instrument(1, 5, [false, true, false, false]);
        let a = score(&inst, csv_of(&rows, 1, [false; 4], 5), 2);
        let mut shuffled = rows.clone();
        // A seeded Fisher–Yates shuffle.
        let mut x = seed | 1;
        for i in (1..shuffled.len()).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            shuffled.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let b = score(&inst, csv_of(&shuffled, 1, [false; 4], 5), 2);
        match (a, b) {
            (Some(a), Some(b)) => close(&figures(&a), &figures(&b), 1e-9, "").map_err(TestCaseError::fail)?,
            (a, b) => prop_assert_eq!(a.is_none(), b.is_none()),
        }
    }

    #[test]
    fn reverse_coding_twice_is_the_identity(
        rows in proptest::collection::vec(respondent(7), 1..50),
        flips in proptest::array::uniform4(any::<bool>()),
    ) {
        // Flipping an item's data and its `reverse` flag together reverses it twice.
        let plain = score(&instrument(1, 7, [false; 4]), csv_of(&rows, 1, [false; 4], 7), 2);
        let twice = score(&instrument(1, 7, flips), csv_of(&rows, 1, flips, 7), 2);
        match (plain, twice) {
            (Some(a), Some(b)) => close(&figures(&a), &figures(&b), 1e-9, "").map_err(TestCaseError::fail)?,
            (a, b) => prop_assert_eq!(a.is_none(), b.is_none()),
        }
    }

    #[test]
    fn shifting_every_answer_and_the_scale_changes_nothing(
        rows in proptest::collection::vec(respondent(5), 1..50),
        shift in -50i64..50,
    ) {
        let a = score(&instrument(1, 5, [true, false, false, true]), csv_of(&rows, 1, [false; 4], 5), 2);
        let b = score(
            &instrument(1 + shift, 5 + shift, [true, false, false, true]),
            csv_of(&rows, 1 + shift, [false; 4], 5 + shift),
            2,
        );
        match (a, b) {
            (Some(a), Some(b)) => {
                // Raw item means move with the scale; everything else is unchanged.
                for (x, y) in a["items"].as_array().unwrap().iter().zip(b["items"].as_array().unwrap()) {
                    if let (Some(p), Some(q)) = (x["mean"].as_f64(), y["mean"].as_f64()) {
                        prop_assert!((q - p - shift as f64).abs() < 1e-9);
                    }
                }
                let strip = |v: &Value| {
                    let mut f = figures(v);
                    for it in f["items"].as_array_mut().unwrap() {
                        it["mean"] = Value::Null;
                    }
                    f
                };
                close(&strip(&a), &strip(&b), 1e-9, "").map_err(TestCaseError::fail)?;
                for d in ["a", "b"] {
                    if let Some(alpha) = a["reliability"][d]["alpha"].as_f64() {
                        prop_assert!(alpha <= 1.0 + 1e-12, "α = {}", alpha);
                    }
                }
            }
            (a, b) => prop_assert_eq!(a.is_none(), b.is_none()),
        }
    }
}
