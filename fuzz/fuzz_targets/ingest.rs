//! Fuzz the whole `score` path on arbitrary bytes: sniffing, header mapping,
//! cell parsing, accumulation and the report model. Any panic is a bug.

#![no_main]

use align::accumulate::Accumulator;
use align::analysis::score::{self, ScoreOptions};
use align::ingest::{self, IngestOptions};
use align::instrument::Instrument;
use libfuzzer_sys::fuzz_target;
use std::io::Cursor;
use std::sync::OnceLock;

fn instrument() -> &'static Instrument {
    static INST: OnceLock<Instrument> = OnceLock::new();
    INST.get_or_init(|| {
        Instrument::from_json(include_str!("../../tests/data/errors/hostile_instrument.json"), "fuzz")
            .expect("the hostile-input instrument is valid")
    })
}

fuzz_target!(|data: &[u8]| {
    let inst = instrument();
    for skip_invalid in [false, true] {
        let mut acc = Accumulator::new(inst);
        let opts = IngestOptions {
            skip_invalid,
            ..IngestOptions::default()
        };
        let reader = Box::new(Cursor::new(data.to_vec()));
        if let Ok(got) = ingest::read_responses_from("fuzz.csv", reader, inst, opts, &mut acc) {
            if let Ok(input) = got.into_result() {
                let model = score::build(inst, &acc, input, ScoreOptions::default());
                let json = serde_json::to_string(&model).expect("the model serializes");
                assert!(!json.contains("NaN") && !json.contains("Infinity"));
            }
        }
    }
});
