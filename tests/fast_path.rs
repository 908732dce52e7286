//! The fast record path (quote-free blocks split in place) must give exactly
//! what the `csv` crate path gives: same accounting, same problems in the
//! same order, same sums, on clean and messy generated files.

use align::accumulate::Accumulator;
use align::generate::{self, GenerateOptions};
use align::ingest::{self, IngestOptions, Ingested};
use align::instrument::Instrument;

fn sample(companies: usize) -> Vec<u8> {
    let inst = Instrument::default_instrument();
    // 40–60 respondents each: 300 companies make more than one 1 MiB block,
    // so the switch to the `csv` crate happens mid-file.
    let opts = GenerateOptions {
        companies,
        seed: 7,
        min_respondents: 40,
        max_respondents: 60,
        ..GenerateOptions::default()
    };
    let mut out = Vec::new();
    generate::generate(&inst, &opts, &mut out, None).unwrap();
    out
}

fn run(data: &[u8], opts: IngestOptions, csv_only: bool) -> (String, Accumulator) {
    let inst = Instrument::default_instrument();
    let mut acc = Accumulator::new(&inst);
    let reader = Box::new(std::io::Cursor::new(data.to_vec()));
    let got: Result<Ingested, _> = if csv_only {
        ingest::read_responses_from_csv_only("t.csv", reader, &inst, opts, &mut acc)
    } else {
        ingest::read_responses_from("t.csv", reader, &inst, opts, &mut acc)
    };
    let shown = match got {
        Ok(i) => format!(
            "{:?}\n{:?}\n{} {}",
            i.report, i.problems, i.problem_count, i.rows_invalid
        ),
        Err(e) => format!("error: {e}"),
    };
    (shown, acc)
}

fn same(data: &[u8]) {
    for skip_invalid in [false, true] {
        let opts = IngestOptions {
            skip_invalid,
            keep_all_problems: true,
            progress: false,
        };
        let (fast, a) = run(data, opts, false);
        let (slow, b) = run(data, opts, true);
        assert_eq!(fast, slow);
        assert_eq!(a.ids, b.ids);
        assert_eq!(a.companies, b.companies);
        assert_eq!(a.reliability, b.reliability);
    }
}

/// Insert `what` at the start of data line `k` (1-based, after the header).
fn at_line(data: &[u8], k: usize, what: &str) -> Vec<u8> {
    let text = String::from_utf8(data.to_vec()).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    lines[k] = format!("{what}{}", lines[k]);
    let mut s = lines.join("\n");
    s.push('\n');
    s.into_bytes()
}

#[test]
fn clean_generated_file() {
    same(&sample(300));
}

#[test]
fn quoted_newline_late_in_the_file_switches_paths() {
    let data = sample(300);
    let n = String::from_utf8_lossy(&data).lines().count();
    // A quoted respondent id spanning two lines near the end.
    let data = at_line(&data, n - 5, "\"X\nY");
    let text = String::from_utf8(data)
        .unwrap()
        .replacen("\"X\nY", "\"X\nY\"", 1);
    same(text.as_bytes());
}

#[test]
fn crlf_blank_lines_invalid_rows_and_duplicates() {
    let data = sample(100);
    let text = String::from_utf8(data.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let mut messy = String::new();
    for (i, l) in lines.iter().enumerate() {
        messy.push_str(l);
        messy.push('\n');
        if i % 97 == 0 {
            messy.push('\n');
        }
        if i % 1000 == 999 {
            // A duplicate of an early respondent, far from its first use.
            messy.push_str(lines[1 + i % 50]);
            messy.push('\n');
        }
        if i % 777 == 5 {
            messy.push_str(&l.replacen(",3,", ",9,", 1).replacen("R", "Z", 1));
            messy.push('\n');
        }
    }
    same(messy.as_bytes());
    same(messy.replace('\n', "\r\n").as_bytes());
}

#[test]
fn qualtrics_rows_and_tiny_files() {
    let data = sample(3);
    let text = String::from_utf8(data).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    let header = lines[0].to_string();
    let question = header.replace(',', ",Q ");
    let import = format!(
        "{{\"ImportId\":\"x\"}}{}",
        ",".repeat(header.matches(',').count())
    );
    let mut q = vec![header.as_str(), question.as_str(), import.as_str()];
    q.extend(&lines[1..]);
    same(q.join("\n").as_bytes());
    lines.truncate(2);
    same(lines.join("\n").as_bytes());
    same(format!("{}\n", lines.join("\n")).as_bytes());
    same(lines[0].as_bytes());
    same(b"");
}
