//! The benchmark's yardstick: a bare, single-threaded loop with the `csv`
//! crate over the same responses file `align score` reads.
//!
//! `read_byte_record` into one reused record; every numeric field (all
//! fields but the respondent, company and role: the columns
//! `respondent_id`, `company_id` and `role` wherever they are, else the
//! first three) parsed with
//! `str::parse::<f64>`, blank or unparsable cells skipped; per company a
//! count, sum and sum of squares per column in a std `HashMap` keyed by the
//! company id. No validation, no line numbers, no statistics. The
//! delimiter is the one the header row uses most (`,`, `;` or tab).
//!
//! ```text
//! cargo run --release --example baseline -- FILE.csv
//! ```

use std::collections::HashMap;

#[derive(Clone, Copy, Default)]
struct Sums {
    n: u64,
    sum: f64,
    sumsq: f64,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args_os()
        .nth(1)
        .ok_or("usage: baseline FILE.csv")?;
    // The delimiter the header row uses most: `,`, `;` or tab (`,` on a tie).
    let mut header = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(std::fs::File::open(&path)?),
        &mut header,
    )?;
    let delimiter = [b'\t', b';', b',']
        .into_iter()
        .max_by_key(|&d| header.bytes().filter(|&b| b == d).count())
        .unwrap_or(b',');
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .delimiter(delimiter)
        .from_path(path)?;
    let headers = rdr.byte_headers()?.clone();
    let named = |name: &str| headers.iter().position(|h| h == name.as_bytes());
    let ids = match (named("respondent_id"), named("company_id"), named("role")) {
        (Some(r), Some(c), Some(role)) => [r, c, role],
        _ => [0, 1, 2],
    };
    let company_column = ids[1];
    // The usual layout, read as it always was: the three id columns first.
    let first_three = ids == [0, 1, 2];
    let numeric: Vec<usize> = (0..headers.len()).filter(|i| !ids.contains(i)).collect();
    let width = numeric.len();
    let mut companies: HashMap<String, Vec<Sums>> = HashMap::new();
    let mut rec = csv::ByteRecord::new();
    let mut rows = 0u64;
    while rdr.read_byte_record(&mut rec)? {
        rows += 1;
        // Bytes that are not UTF-8 (a Windows-1252 file) replaced.
        let company = String::from_utf8_lossy(rec.get(company_column).unwrap_or_default());
        let company: &str = &company;
        let sums = match companies.get_mut(company) {
            Some(s) => s,
            None => companies
                .entry(company.to_string())
                .or_insert_with(|| vec![Sums::default(); width]),
        };
        let add = |s: &mut Sums, field: &[u8]| {
            let Ok(text) = std::str::from_utf8(field) else {
                return;
            };
            if let Ok(v) = text.parse::<f64>() {
                s.n += 1;
                s.sum += v;
                s.sumsq += v * v;
            }
        };
        if first_three {
            for (s, field) in sums.iter_mut().zip(rec.iter().skip(3)) {
                add(s, field);
            }
        } else {
            for (s, &i) in sums.iter_mut().zip(&numeric) {
                add(s, rec.get(i).unwrap_or_default());
            }
        }
    }
    // Something that depends on every sum, so nothing is optimised away.
    let mut check = 0.0;
    for sums in companies.values() {
        for s in sums {
            if s.n > 0 {
                check += s.sum / s.n as f64 + s.sumsq * 1e-9;
            }
        }
    }
    println!(
        "{rows} rows, {} companies, check {check:.6}",
        companies.len()
    );
    Ok(())
}
