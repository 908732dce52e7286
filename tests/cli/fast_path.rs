//! The fast record path (quote-free blocks split in place, parsed on a
//! second thread) must give exactly what the `csv` crate path on one thread
//! gives, and what the fast path on one thread gives: same accounting, same
//! problems in the same order, same sums (so the same JSON), on clean and
//! messy generated files: quoted newlines mid-file, CRLF, blank lines,
//! Qualtrics header rows, invalid rows with and without `skip_invalid`,
//! duplicates across blocks and batches, a one-row file. Read from a regular
//! file (the duplicate index then re-reads the file for the first line of a
//! duplicate id), the results are the same again.
//!
//! A regular file read in parts on several threads (`ingest::split`) must
//! give the same again whenever the split pass goes through (quoted cells
//! included), and must give up (so that the file is read in one pass) when
//! it cannot be sure to (a quoted cell spanning lines, a repeated id).

use align::accumulate::Accumulator;
use align::generate::{self, GenerateOptions};
use align::ingest::{self, IngestOptions, Ingested, ReadPath};
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

#[derive(Clone, Copy, PartialEq)]
enum Path {
    /// Split in place where possible, parsed on a second thread.
    Pipelined,
    /// Split in place where possible, parsed on the calling thread.
    Sequential,
    /// Every record through the `csv` crate, on the calling thread.
    CsvOnly,
}

fn run(data: &[u8], opts: IngestOptions, path: Path) -> (String, Accumulator) {
    let inst = Instrument::default_instrument();
    let mut acc = Accumulator::new(&inst);
    let reader = Box::new(std::io::Cursor::new(data.to_vec()));
    let opts = IngestOptions {
        path: match path {
            Path::CsvOnly => ReadPath::CsvOnly,
            Path::Sequential => ReadPath::Sequential,
            Path::Pipelined => ReadPath::Fastest,
        },
        ..opts
    };
    let got: Result<Ingested, _> =
        ingest::read_responses_from("t.csv", reader, &inst, opts, &mut acc);
    let shown = match got {
        Ok(i) => show(&i),
        Err(e) => format!("error: {e}"),
    };
    (shown, acc)
}

/// An ingest outcome as text, to compare passes.
fn show(i: &Ingested) -> String {
    format!(
        "{:?}\n{:?}\n{} {}",
        i.report, i.problems, i.problem_count, i.rows_invalid
    )
}

/// Like [`run`], reading `data` from a regular file named `t.csv`.
fn run_file(data: &[u8], opts: IngestOptions) -> (String, Accumulator) {
    run_file_with(&Instrument::default_instrument(), data, opts)
}

/// Like [`run_file`], with any instrument.
fn run_file_with(inst: &Instrument, data: &[u8], opts: IngestOptions) -> (String, Accumulator) {
    let mut acc = Accumulator::new(inst);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.csv");
    std::fs::write(&path, data).unwrap();
    let shown = match ingest::read_responses(&path, inst, opts, &mut acc) {
        Ok(mut i) => {
            i.report.file = "t.csv".into();
            show(&i)
        }
        Err(e) => format!("error: {e}"),
    };
    (shown.replace(&path.display().to_string(), "t.csv"), acc)
}

/// Everything an accumulator holds, read through its accessors (a split
/// pass may leave a different compact layout, never different sums).
fn sums(acc: &Accumulator) -> String {
    use std::fmt::Write;
    let plan = &acc.plan;
    let mut out = format!("{:?}\n{:?}\n", acc.ids, acc.reliability);
    for c in &acc.companies {
        write!(out, "{:?}", c.slot_counts().collect::<Vec<_>>()).unwrap();
        for slot in 0..plan.role_slots {
            for col in 0..plan.n_scale() {
                write!(out, "{:?}", c.item(plan, slot, col)).unwrap();
            }
            for g in 0..plan.groups.len() {
                write!(out, "{:?}", c.group(plan, slot, g)).unwrap();
            }
        }
        for j in 0..plan.n_outcomes {
            write!(out, "{:?}", c.outcome(plan, j)).unwrap();
        }
        out.push('\n');
    }
    out
}

/// Read `data` from a regular file in parts of `part` bytes on `threads`
/// threads; `None` when the split pass gave up.
fn run_split(
    inst: &Instrument,
    data: &[u8],
    opts: IngestOptions,
    threads: usize,
    part: u64,
) -> Option<(String, Accumulator)> {
    let mut acc = Accumulator::new(inst);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.csv");
    std::fs::write(&path, data).unwrap();
    let mut i = ingest::split::try_split(&path, inst, opts, &mut acc, threads, part)
        .expect("the file reads")?;
    i.report.file = "t.csv".into();
    Some((show(&i), acc))
}

/// Split passes in parts of many sizes on two and three threads: each that
/// goes through gives what one pass gives. Returns whether all went through.
fn same_split(inst: &Instrument, data: &[u8]) -> bool {
    let mut all = true;
    for skip_invalid in [false, true] {
        let opts = IngestOptions {
            skip_invalid,
            ..IngestOptions::default()
        };
        let (one, a) = run_file_with(inst, data, opts);
        for (threads, part) in [(2, 1), (2, 97), (3, 4096), (2, 1 << 20)] {
            match run_split(inst, data, opts, threads, part) {
                Some((shown, b)) => {
                    assert_eq!(shown, one, "{threads} threads, parts of {part}");
                    assert_eq!(sums(&b), sums(&a), "{threads} threads, parts of {part}");
                }
                None => {
                    eprintln!("GAVE UP {threads} {part} {skip_invalid}");
                    all = false
                }
            }
        }
    }
    all
}

fn same(data: &[u8]) -> bool {
    let split = same_split(&Instrument::default_instrument(), data);
    for skip_invalid in [false, true] {
        for keep_all_problems in [true, false] {
            let opts = IngestOptions {
                skip_invalid,
                keep_all_problems,
                progress: false,
                path: ReadPath::Fastest,
                threads: 0,
                parts_of: None,
            };
            let (fast, a) = run(data, opts, Path::Pipelined);
            let (slow, b) = run(data, opts, Path::CsvOnly);
            let (seq, d) = run(data, opts, Path::Sequential);
            let (file, c) = run_file(data, opts);
            assert_eq!(fast, slow);
            assert_eq!(fast, seq);
            assert_eq!(fast, file);
            assert_eq!(a.companies, d.companies);
            assert_eq!(a.reliability, d.reliability);
            assert_eq!(a.ids, b.ids);
            assert_eq!(a.companies, b.companies);
            assert_eq!(a.reliability, b.reliability);
            assert_eq!(a.companies, c.companies);
            assert_eq!(a.reliability, c.reliability);
        }
    }
    split
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
    assert!(same(&sample(300)));
}

#[test]
fn split_passes_keep_lines_exclusions_and_order() {
    // CR LF, blank lines (also at the cuts of small parts), Qualtrics header
    // rows with quotes (and a newline inside one), unfinished rows, rows with
    // too few answers, no final newline: every split pass goes through and
    // agrees with one pass.
    let mut inst = Instrument::default_instrument();
    inst.columns.finished = Some("Finished".into());
    let data = String::from_utf8(sample(40)).unwrap();
    let lines: Vec<&str> = data.lines().collect();
    let header = format!("{},Finished", lines[0]);
    let question = format!("\"Q \"\"one\"\"\nand two\",{}", header.replace(',', ",Q "));
    let import = format!(
        "{{\"ImportId\":\"x\"}}{}",
        ",".repeat(header.matches(',').count())
    );
    let mut out = vec![header.clone(), question, import];
    for (i, l) in lines[1..].iter().enumerate() {
        let cells: Vec<&str> = l.split(',').collect();
        let row = match i % 50 {
            7 => format!("{l},0"),
            // Every answer blank: too few items answered.
            9 => {
                let mut c = cells.clone();
                let answers = 3..c.len() - 5;
                c[answers].iter_mut().for_each(|v| *v = "");
                format!("{},1", c.join(","))
            }
            _ => format!("{l},1"),
        };
        out.push(row);
        if i % 13 == 0 {
            out.push(String::new());
        }
    }
    let text = out.join("\r\n");
    assert!(same_split(&inst, text.as_bytes()));
    let (shown, _) = run_file_with(&inst, text.as_bytes(), IngestOptions::default());
    assert!(shown.contains("reason: Unfinished"), "{shown}");
    assert!(shown.contains("reason: TooFewAnswers"), "{shown}");
    assert!(shown.contains("header_rows: 3"), "{shown}");
    // With a byte-order mark, and with LF line ends and semicolons.
    let bom = format!("\u{feff}{text}");
    assert!(same_split(&inst, bom.as_bytes()));
    let semi = text.replace("\r\n", "\n").replace(',', ";");
    assert!(same_split(&inst, semi.as_bytes()));
    let (shown, _) = run_file_with(&inst, semi.as_bytes(), IngestOptions::default());
    assert!(shown.contains("delimiter: \";\""), "{shown}");
}

/// Records spanning lines are read in parts cut between records; a quote
/// that throws the count of quotes off (one inside an unquoted cell, one
/// that never closes), a lone CR and repeated ids send the file to one
/// pass.
#[test]
fn split_passes_read_quoted_newlines_and_give_up_on_stray_quotes_and_duplicates() {
    let inst = Instrument::default_instrument();
    let data = String::from_utf8(sample(40)).unwrap();
    let n = data.lines().count();
    // A respondent id in quotes with text after them (`"x"R…`, read as
    // `xR…`): a whole record, read on the split pass as one pass reads it.
    let quoted = at_line(data.as_bytes(), n / 2, "\"");
    let quoted = String::from_utf8(quoted)
        .unwrap()
        .replacen("\"", "\"x\"", 1);
    assert!(same_split(&inst, quoted.as_bytes()));
    assert!(same(quoted.as_bytes()));
    // The same id with a line break in its quotes: a record of two lines,
    // read in parts cut between records; a row after it that answers
    // nothing is excluded with its line, counted past the line break.
    let mut lines: Vec<String> = quoted.lines().map(String::from).collect();
    let mut cells: Vec<&str> = lines[n / 2 + 5].split(',').collect();
    cells[3..33].fill("");
    lines[n / 2 + 5] = cells.join(",");
    let spanning = (lines.join("\n") + "\n").replacen("\"x\"", "\"x\ny\"", 1);
    let (shown, _) = run_file_with(&inst, spanning.as_bytes(), IngestOptions::default());
    let line = n / 2 + 7;
    assert!(
        shown.contains(&format!("line: {line}, reason: TooFewAnswers")),
        "{shown}"
    );
    assert!(same_split(&inst, spanning.as_bytes()));
    assert!(same(spanning.as_bytes()));
    // A quote inside an unquoted id: a character to the `csv` crate, read
    // so on a split pass; but in a file with records spanning lines, an
    // odd count of quotes on its line.
    let stray = at_line(data.as_bytes(), n / 3, "x\"y");
    assert!(same_split(&inst, &stray));
    let stray = at_line(spanning.as_bytes(), n / 3, "x\"y");
    // A quote that never closes (one pass says so).
    let runaway = at_line(data.as_bytes(), n / 2, "\"");
    let lone_cr = at_line(data.as_bytes(), n / 2, "R\r");
    let second: Vec<&str> = data.lines().collect();
    let dup = format!("{data}{}\n", second[1]);
    // An invalid row whose id repeats an earlier one.
    let bad_dup = format!("{data}{}\n", second[1].replacen(",3,", ",9,", 1));
    for case in [
        &stray[..],
        &runaway,
        &lone_cr,
        dup.as_bytes(),
        bad_dup.as_bytes(),
    ] {
        for (threads, part) in [(2, 97), (2, 1 << 20)] {
            for skip_invalid in [false, true] {
                let opts = IngestOptions {
                    skip_invalid,
                    ..IngestOptions::default()
                };
                assert!(run_split(&inst, case, opts, threads, part).is_none());
            }
        }
        // One pass still reads them (and says what is wrong).
        same(case);
    }
}

/// `data` with the respondent id (the first cell) of data line `k`
/// (1-based) set to `id`.
fn with_id(data: &[u8], k: usize, id: &str) -> Vec<u8> {
    let text = String::from_utf8(data.to_vec()).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let rest = lines[k].split_once(',').unwrap().1.to_string();
    lines[k] = format!("{id},{rest}");
    let mut s = lines.join("\n");
    s.push('\n');
    s.into_bytes()
}

/// Ids numbered like the first rows' (`R000001`, or a plain `1`) are keyed
/// by number in a split pass, any other by hash: ids of other lengths or
/// texts are other ids, and a repeat among any of them still sends the file
/// to one pass.
#[test]
fn numbered_and_other_ids_are_told_apart() {
    let inst = Instrument::default_instrument();
    let data = sample(40);
    let first = String::from_utf8(data.clone()).unwrap();
    let first = first
        .lines()
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .to_string();
    assert_eq!(first, "R000001");
    let n = String::from_utf8(data.clone()).unwrap().lines().count() - 1;
    let mut mixed = data.clone();
    for (k, id) in [
        (n / 7, "R001"),
        (n / 5, "R0000001"),
        (n / 3, "r000001"),
        (n / 2, "000001"),
        (n - 2, "resp-7"),
        (n - 1, "X"),
    ] {
        mixed = with_id(&mixed, k, id);
    }
    // None of these is a repeat: the split pass goes through.
    assert!(same(&mixed));
    // A repeat among ids of no pattern, of another pattern, or of the pattern.
    let opts = IngestOptions::default();
    for (k, id) in [
        (n / 4, "resp-7"),
        (n / 6, "R001"),
        (3, "R000001"),
        (n, "R000002"),
    ] {
        let dup = with_id(&mixed, k, id);
        assert!(run_split(&inst, &dup, opts, 2, 97).is_none(), "{id}");
        assert!(run_split(&inst, &dup, opts, 2, 1 << 20).is_none(), "{id}");
        same(&dup);
    }
    // A first row of no pattern: every id by hash, repeats found alike.
    let unnumbered = with_id(&mixed, 1, "first");
    assert!(same(&unnumbered));
    let dup = with_id(&unnumbered, n / 3, "R000002");
    assert!(run_split(&inst, &dup, opts, 2, 97).is_none());
    same(&dup);
    // Plain numbers (`17`, as a survey tool counts its responses): the same
    // number zero-padded is another id; the same number again a repeat.
    let text = String::from_utf8(data).unwrap();
    let plain: String = text
        .lines()
        .enumerate()
        .map(|(k, line)| match k {
            0 => format!("{line}\n"),
            _ => format!("{}\n", line.trim_start_matches("R").trim_start_matches('0')),
        })
        .collect();
    assert!(plain.lines().nth(1).unwrap().starts_with("1,"));
    let padded = with_id(plain.as_bytes(), n / 2, "0017");
    let padded = with_id(&padded, n / 3, "0");
    assert!(same(&padded));
    for (k, id) in [(n / 4, "17"), (n, "2")] {
        let dup = with_id(&padded, k, id);
        assert!(run_split(&inst, &dup, opts, 2, 97).is_none(), "{id}");
        same(&dup);
    }
    let dup = with_id(&padded, 5, "0017");
    assert!(run_split(&inst, &dup, opts, 2, 1 << 20).is_none());
}

#[test]
fn split_passes_report_invalid_rows_as_one_pass_does() {
    // Invalid values spread over the file, more than the problems shown,
    // several in one row, a row of the wrong length, a blank company: the
    // same problems (the first ones, in file order, with their lines, the
    // same ones grouped), counts and exclusions as one pass. With
    // `skip_invalid` every split pass goes through; without it a split
    // pass gives way to one pass, which groups problems in file order.
    let data = String::from_utf8(sample(40)).unwrap();
    let mut out = Vec::new();
    for (i, l) in data.lines().enumerate() {
        let row = match i % 37 {
            5 => l.replacen(",3,", ",9,", 1),
            11 => l.replacen(",2,", ",x,", 2).replacen(",4,", ",7,", 1),
            17 if i % 3 == 0 => format!("{l},extra"),
            23 if i % 2 == 0 => {
                let mut cells: Vec<&str> = l.split(',').collect();
                cells[1] = " ";
                cells.join(",")
            }
            _ => l.to_string(),
        };
        out.push(row);
    }
    let text = out.join("\n");
    assert!(!same(text.as_bytes()));
    let inst = Instrument::default_instrument();
    let skip = IngestOptions {
        skip_invalid: true,
        ..IngestOptions::default()
    };
    assert!(run_split(&inst, text.as_bytes(), skip, 2, 97).is_some());
    let (shown, _) = run_file(text.as_bytes(), IngestOptions::default());
    assert!(shown.contains("is above the scale maximum 5"), "{shown}");
    // More problems than are shown: the count says how many.
    let last = shown.lines().last().unwrap();
    let count: usize = last.split(' ').next().unwrap().parse().unwrap();
    assert!(count > align::error::PROBLEMS_SHOWN, "{shown}");
    assert!(shown.contains("fields but the header has"), "{shown}");
    assert!(shown.contains("every row needs a company id"), "{shown}");
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

#[test]
fn duplicates_after_quotes_and_qualtrics_rows_name_the_first_line() {
    let data = sample(300);
    let text = String::from_utf8(data).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let header = lines[0].to_string();
    let question = header.replace(',', ",Q ");
    let import = format!(
        "{{\"ImportId\":\"x\"}}{}",
        ",".repeat(header.matches(',').count())
    );
    let mut out = vec![header.clone(), question, import];
    for (i, l) in lines[1..].iter().enumerate() {
        out.push(l.to_string());
        if i == 10 {
            // A quoted field spanning lines: the rest goes through the csv crate.
            out.push(l.replacen("R", "\"Q\nR", 1).replacen(",", "\",", 1));
        }
        if i % 3000 == 2999 {
            out.push(lines[1 + i % 3000 / 1000].to_string());
            out.push(lines[i - 5].to_string());
        }
    }
    // A row whose id is the header's own: not a duplicate of the header;
    // then a duplicate of the first respondent.
    out.push(lines[2].replacen(lines[2].split(',').next().unwrap(), "respondent_id", 1));
    out.push(lines[1].to_string());

    let joined = out.join("\n");
    let (shown, _) = run_file(joined.as_bytes(), IngestOptions::default());
    // Line 4 holds the first respondent (after three header rows).
    assert!(shown.contains("already used on line 4\""), "{shown}");
    assert!(shown.contains("already used on line 6\""), "{shown}");
    assert!(!shown.contains("value: Some(\"respondent_id\")"), "{shown}");
    assert!(!shown.contains("on line 0\""), "{shown}");
    same(joined.as_bytes());
}

/// How a generated file is dressed up before it is read.
#[derive(Clone, Copy, Debug, Default)]
struct Dress {
    crlf: bool,
    bom: bool,
    /// One line in this many followed by a blank line (0: none).
    blank_every: usize,
    /// One line in this many with a cell in quotes (0: none).
    quote_every: usize,
    /// Written as R's `write.csv` writes: text cells in quotes, missing
    /// answers and outcomes `NA`.
    r_style: bool,
    /// Every cell in quotes (as some spreadsheets and survey tools write).
    quote_all: bool,
    /// Some company ids holding a delimiter, or a quote (`""` in quotes),
    /// or with spaces around them, or letters beyond ASCII.
    odd_ids: bool,
    /// `;`-delimited, with decimal commas (as European spreadsheets
    /// write).
    semicolon: bool,
    /// Saved as Windows-1252 (as older spreadsheets save CSV; characters
    /// beyond Latin-1 written as `?`). Not with `bom`.
    windows_1252: bool,
    /// Saved as UTF-16 with its byte-order mark, big-endian or not (as
    /// Excel's "Unicode text" and some survey tools' TSV), some ids holding
    /// a character of two units. Not with `bom` or `windows_1252`.
    utf16: Option<bool>,
    /// Answers written as decimals (`3.0`; `3,0` with `semicolon`), as
    /// pandas writes a column of whole numbers with gaps.
    decimals: bool,
    /// A last column of open-ended comments, some in quotes spanning two
    /// or three lines (with `""` in them, LF or CR LF breaks). Not with
    /// `utf16`.
    comments: bool,
    /// The company column after the answers and outcomes (as a survey
    /// tool appends embedded data).
    company_last: bool,
}

/// A generated survey of `companies` companies (1 to 8 respondents each,
/// some answers missing), its rows fully shuffled so that every company's
/// rows are spread over the file, dressed as `d` says; `seed` drives all.
fn dressed(companies: usize, seed: u64, d: Dress) -> Vec<u8> {
    use rand::seq::SliceRandom;
    use rand::{Rng, SeedableRng};
    let inst = Instrument::default_instrument();
    let opts = GenerateOptions {
        companies,
        seed,
        min_respondents: 1,
        max_respondents: 8,
        missing_rate: 0.1,
        ..GenerateOptions::default()
    };
    let mut out = Vec::new();
    generate::generate(&inst, &opts, &mut out, None).unwrap();
    let text = String::from_utf8(out).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    lines[1..].shuffle(&mut rng);
    let eol = if d.crlf { "\r\n" } else { "\n" };
    let mut s = String::new();
    if d.bom {
        s.push('\u{feff}');
    }
    for (k, line) in lines.iter().enumerate() {
        let mut line = line.clone();
        if k > 0 && d.quote_every > 0 && rng.gen_range(0..d.quote_every) == 0 {
            // Quote one cell: the same value, read the same way.
            let cells: Vec<&str> = line.split(',').collect();
            let at = rng.gen_range(0..cells.len());
            let quoted: Vec<String> = cells
                .iter()
                .enumerate()
                .map(|(i, c)| match i == at {
                    true => format!("\"{c}\""),
                    false => c.to_string(),
                })
                .collect();
            line = quoted.join(",");
        }
        s.push_str(&dress_cells(&line, k == 0, d));
        if d.comments {
            s.push(if d.semicolon { ';' } else { ',' });
            s.push_str(match (k, rng.gen_range(0..8)) {
                (0, _) => "comments",
                (_, 0) => "\"We meet \"\"weekly\"\".\nIn practice, rarely.\r\n-- sales\"",
                (_, 1) => "\"Slow hand-offs\nafter events\"",
                (_, 2) => "\"Fine, mostly\"",
                (_, 3) => "More planning",
                _ => "",
            });
        }
        s.push_str(eol);
        if k > 0 && d.blank_every > 0 && rng.gen_range(0..d.blank_every) == 0 {
            s.push_str(eol);
        }
    }
    if let Some(big_endian) = d.utf16 {
        let mut out = match big_endian {
            true => vec![0xFE, 0xFF],
            false => vec![0xFF, 0xFE],
        };
        for u in s.encode_utf16() {
            out.extend(match big_endian {
                true => u.to_be_bytes(),
                false => u.to_le_bytes(),
            });
        }
        return out;
    }
    if d.windows_1252 {
        let latin: String = s
            .chars()
            .map(|c| if (c as u32) < 0x100 { c } else { '?' })
            .collect();
        return encoding_rs::WINDOWS_1252.encode(&latin).0.into_owned();
    }
    s.into_bytes()
}

/// A generated line's cells as `d` writes them (`header`: the first line).
fn dress_cells(line: &str, header: bool, d: Dress) -> String {
    let quote = |c: &str| format!("\"{}\"", c.replace('"', "\"\""));
    let mut cells: Vec<String> = line
        .split(',')
        .enumerate()
        .map(|(i, c)| {
            // Ids ending in 3 hold a delimiter; in 7, quotes; in 5 and 9,
            // spaces around them; in 1 and 2, letters beyond ASCII at
            // their ends; in 8, on some lines, a no-break space after them
            // (trimmed, as Unicode white space: the same company as the
            // lines without it).
            let c = match (header, i, d.odd_ids) {
                (false, 1, true) if c.ends_with('3') => quote(&format!("{c}, Inc.")),
                (false, 1, true) if c.ends_with('7') => quote(&format!("{c} \"Co\"")),
                (false, 1, true) if c.ends_with('5') => format!(" {c}  "),
                (false, 1, true) if c.ends_with('9') => quote(&format!("\t{c} ")),
                (false, 1, true) if c.ends_with('1') => format!("Ørsted {c} Å"),
                (false, 1, true) if c.ends_with('2') => format!("株式会社{c}"),
                (false, 1, _) if d.utf16.is_some() && c.ends_with('4') => format!("{c}😀"),
                (false, 1, true) if c.ends_with('8') && line.len() % 2 == 1 => {
                    format!("{c}\u{a0}")
                }
                _ => c.to_string(),
            };
            let c = match d.decimals && !header && (3..33).contains(&i) && c.len() == 1 {
                true => format!("{c}.0"),
                false => c,
            };
            let number = !c.is_empty() && c.parse::<f64>().is_ok();
            let c = match d.semicolon && number {
                true => c.replace('.', ","),
                false => c,
            };
            match () {
                _ if c.starts_with('"') => c,
                _ if d.quote_all => quote(&c),
                _ if d.r_style && c.is_empty() && !header => "NA".into(),
                _ if d.r_style && !number => quote(&c),
                _ => c,
            }
        })
        .collect();
    if d.company_last {
        let company = cells.remove(1);
        cells.push(company);
    }
    cells.join(if d.semicolon { ";" } else { "," })
}

/// Seeded generated surveys with every company's rows interleaved, in
/// every dress (CR LF, BOM, blank lines, quoted cells, R's and
/// spreadsheets' quoting, ids holding delimiters and quotes, `;` and
/// decimal commas, Windows-1252, UTF-16 both ways, answers written as
/// decimals, comments spanning lines, the company column last): the quick
/// reader of the split pass (parts on two and three threads, down to one
/// byte) gives what the full reader gives in one pass, on every read path,
/// and the split pass goes through.
#[test]
fn generated_interleaved_surveys_read_alike_on_every_path() {
    for seed in 0..9u64 {
        let d = Dress {
            crlf: seed % 2 == 1,
            bom: seed % 3 == 1,
            blank_every: [0, 7, 50][seed as usize % 3],
            quote_every: [0, 0, 40][(seed as usize / 2) % 3],
            r_style: seed % 4 == 1,
            quote_all: seed % 4 == 3,
            odd_ids: seed % 3 != 0,
            semicolon: seed % 4 == 2,
            windows_1252: seed % 3 == 2,
            utf16: (seed % 3 == 0).then_some(seed % 2 == 1),
            decimals: matches!(seed % 5, 1 | 2),
            comments: seed % 3 != 0 && seed != 4,
            company_last: seed % 4 == 0,
        };
        let data = dressed(60 + 37 * seed as usize, seed, d);
        assert!(same(&data), "seed {seed}, {d:?}: a split pass gave up");
        // Every dress is read without a problem.
        let (shown, _) = run(&data, IngestOptions::default(), Path::Sequential);
        assert!(shown.ends_with("\n0 0"), "seed {seed}, {d:?}: {shown}");
    }
}

/// A survey of more companies than a thread keeps in the cache (so that
/// the split pass reads each batch's sums ahead of its rows), its rows
/// interleaved: the split pass gives what one pass gives.
#[test]
fn many_companies_read_ahead_alike() {
    let inst = Instrument::default_instrument();
    let data = dressed(20_000, 11, Dress::default());
    let opts = IngestOptions::default();
    let (one, a) = run_file_with(&inst, &data, opts);
    assert!(a.companies.len() >= 19_000, "{}", a.companies.len());
    let (shown, b) =
        run_split(&inst, &data, opts, 2, 1 << 20).expect("the split pass goes through");
    assert_eq!(shown, one);
    assert_eq!(sums(&b), sums(&a));
}
