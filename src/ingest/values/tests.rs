//! Tests of the cell readers: answers, labels, missing tokens, outcomes,
//! roles, completion flags, shortened values.

use super::*;
use crate::instrument::Instrument;

fn parser() -> ValueParser {
    ValueParser::new(&Instrument::default_instrument())
}

#[test]
fn answers_numbers_labels_missing() {
    let p = parser();
    assert_eq!(p.answer(b"1"), Answer::Point(0));
    assert_eq!(p.answer(b" 5 "), Answer::Point(4));
    assert_eq!(p.answer(b"4.0"), Answer::Point(3));
    assert_eq!(p.answer(b"  Strongly   AGREE "), Answer::Point(4));
    assert_eq!(p.answer(b""), Answer::Missing);
    assert_eq!(p.answer(b"na"), Answer::Missing);
    assert_eq!(p.answer(b"-99"), Answer::Missing);
}

/// Answers written as decimals (`3.0`, as pandas writes a column of whole
/// numbers with gaps) read on the fast path as the long way reads them;
/// a decimal comma only in a `;`-delimited file.
#[test]
fn answers_written_as_decimals() {
    let mut p = parser();
    for (cell, want) in [
        ("3.0", 2),
        ("5.00", 4),
        ("1.000", 0),
        (" 4.0 ", 3),
        ("+2.0", 1),
    ] {
        assert_eq!(p.answer(cell.as_bytes()), Answer::Point(want), "{cell}");
        // The long way agrees.
        assert_eq!(
            p.answer_slow(cell.as_bytes()),
            Answer::Point(want),
            "{cell}"
        );
    }
    let msg = |p: &ValueParser, b: &[u8]| match p.answer(b) {
        Answer::Invalid(m) => m,
        other => panic!("{other:?}"),
    };
    assert!(msg(&p, b"6.0").contains("above the scale maximum 5"));
    assert!(msg(&p, b"0.0").contains("below the scale minimum 1"));
    assert_eq!(p.answer(b"3."), Answer::Point(2));
    assert!(msg(&p, b"3,0").contains("neither a number nor a scale label"));
    p.set_semicolon(true);
    for (cell, want) in [("3,0", 2), ("5,00", 4), ("3.0", 2), ("4", 3)] {
        assert_eq!(p.answer(cell.as_bytes()), Answer::Point(want), "{cell}");
        assert_eq!(
            p.answer_slow(cell.as_bytes()),
            Answer::Point(want),
            "{cell}"
        );
    }
    assert!(msg(&p, b"2,5").contains("whole scale point"));
    assert!(msg(&p, b"6,0").contains("above the scale maximum 5"));
    assert!(msg(&p, b"3,0,0").contains("neither a number nor a scale label"));
    // Labels holding a comma are still labels.
    let mut inst = Instrument::default_instrument();
    inst.scale.labels.insert("Agree, mostly".into(), 4);
    let mut q = ValueParser::new(&inst);
    q.set_semicolon(true);
    assert_eq!(q.answer(b"agree,  mostly"), Answer::Point(3));
}

/// Labels looked up as exports spell them read as the long way reads
/// them; a label that is also a missing token stays missing.
#[test]
fn labels_as_spelled_read_as_the_long_way_reads_them() {
    let mut inst = Instrument::default_instrument();
    // A label that is also a missing token: missing, as the long way says.
    inst.scale.labels.insert("N/A".into(), 3);
    inst.missing.push("n/a".into());
    let p = ValueParser::new(&inst);
    for spelled in ["Strongly agree", "strongly agree", "Strongly Agree"] {
        assert!(p.labels_exact.contains_key(spelled.as_bytes()), "{spelled}");
    }
    assert!(!p.labels_exact.contains_key(&b"N/A"[..]));
    assert_eq!(p.answer(b"N/A"), Answer::Missing);
    let mut cells: Vec<Vec<u8>> = inst
        .scale
        .all_labels()
        .iter()
        .flat_map(|(l, _)| {
            [
                l.clone(),
                l.to_uppercase(),
                format!(" {l}"),
                l.replace(' ', "  "),
            ]
        })
        .map(String::into_bytes)
        .collect();
    cells.extend(p.labels_exact.keys().map(|k| k.to_vec()));
    assert!(cells.len() > 40);
    for cell in cells {
        assert_eq!(p.answer(&cell), p.answer_slow(&cell), "{cell:?}");
    }
}

/// Roles looked up as exports spell them (`Sales`, `SALES`, `Sales And
/// Marketing`) read as the normal forms they normalise to.
#[test]
fn roles_as_spelled_read_as_their_normal_forms() {
    let p = parser();
    assert!(p.role_exact.len() > p.roles.len());
    for (alias, &role) in &p.roles {
        for spelled in [
            alias.clone(),
            super::build::capital(alias),
            super::build::title_case(alias),
            alias.to_uppercase(),
            format!(" {} ", alias.to_uppercase()),
        ] {
            assert_eq!(p.role(spelled.as_bytes()), Ok(role), "{spelled}");
        }
    }
    assert!(p.role(b"SALEZ").is_err());
    assert!(p.role(b"Sales ops").is_err());
}

#[test]
fn presets_read_every_common_wording() {
    // The default instrument uses agree5.
    let p = parser();
    assert_eq!(p.answer(b"Somewhat agree"), Answer::Point(3));
    assert_eq!(p.answer(b"somewhat  DISAGREE"), Answer::Point(1));
    assert_eq!(p.answer(b"Neutral"), Answer::Point(2));
    assert_eq!(p.answer(b"Don't know"), Answer::Missing);
    assert_eq!(p.answer("Don\u{2019}t know".as_bytes()), Answer::Missing);
    assert_eq!(p.answer(b" Prefer not to say "), Answer::Missing);
    assert_eq!(p.answer(b"Not applicable"), Answer::Missing);
    let with = |preset: &str, min: i64, max: i64| {
        let mut inst = Instrument::default_instrument();
        inst.scale.preset = Some(preset.into());
        inst.scale.min = min;
        inst.scale.max = max;
        ValueParser::new(&inst)
    };
    let p7 = with("agree7", 1, 7);
    assert_eq!(p7.answer(b"Somewhat agree"), Answer::Point(4));
    assert_eq!(p7.answer(b"Agree"), Answer::Point(5));
    assert_eq!(p7.answer(b"Neither agree nor disagree"), Answer::Point(3));
    let f = with("frequency5", 0, 4);
    assert_eq!(f.answer(b"Never"), Answer::Point(0));
    assert_eq!(f.answer(b"Most of the time"), Answer::Point(3));
    let q = with("quality5", 1, 5);
    assert_eq!(q.answer(b"Very good"), Answer::Point(3));
    assert_eq!(q.answer(b"Excellent"), Answer::Point(4));
}

#[test]
fn rejects_bad_answers_with_reasons() {
    let p = parser();
    let msg = |b: &[u8]| match p.answer(b) {
        Answer::Invalid(m) => m,
        other => panic!("{other:?}"),
    };
    assert!(msg(b"6").contains("above the scale maximum 5"));
    assert!(msg(b"0").contains("below the scale minimum 1"));
    assert!(msg(b"4.5").contains("whole scale point"));
    assert!(msg(b"NaN").contains("neither a number nor") || msg(b"NaN").contains("not a"));
    assert!(msg(b"inf").contains("not a"));
    assert!(msg(b"1e309").contains("finite"));
    assert!(msg(b"0x4").contains("neither a number nor a scale label"));
    let text = msg(b"Totally agree");
    assert!(
        text.contains("\"strongly disagree\" = 1")
            && text.contains("\"strongly agree\" = 5")
            && text.contains("missing-value token (\"\", \"NA\", \"N/A\", \"-99\", \"don't know\""),
        "{text}"
    );
    assert!(msg(b"\xff").contains("save the file as UTF-8"));
    assert!(msg(b"\xff").contains("UTF-8"));
}

#[test]
fn shortened_values_are_readable() {
    assert_eq!(shorten(b"Caf\xc3\xa9 \"x\""), "Café \\\"x\\\"");
    assert_eq!(shorten(b"a\xff\xfeb"), "a\\xFF\\xFEb");
    assert_eq!(shorten(b"tab\there"), "tab\\there");
    assert_eq!(shorten(b"Don't know"), "Don't know");
    let long = shorten(&[b'x'; 5_000_000]);
    assert_eq!(long.chars().count(), 61);
    assert!(long.ends_with('…'));
}

#[test]
fn fast_decimals_parse_like_the_standard_library() {
    for t in [
        "0",
        "-0",
        "-0.0",
        "1.",
        ".5",
        "12.5",
        "-1.3",
        "3.6",
        "0.1",
        "0.3",
        "99.99",
        "123456789012345",
        "-98765.4321",
        "0.00000000000001",
        "007.70",
    ] {
        let want: f64 = t.parse().unwrap();
        let got = fast_decimal(t.as_bytes()).unwrap();
        assert_eq!(got.value().to_bits(), want.to_bits(), "{t}");
        // Exact or not, the number reads back as the text (-0 as 0).
        assert_eq!(got.number().value(), want, "{t}");
    }
    for t in [
        "",
        "-",
        ".",
        "1e5",
        "+1",
        "1.2.3",
        "1234567890123456",
        " 1",
        "inf",
    ] {
        assert!(fast_decimal(t.as_bytes()).is_none(), "{t}");
    }
    // Every value with up to four decimals in a small range.
    for i in -20000..20000 {
        let t = format!("{}", i as f64 / 1000.0);
        let want: f64 = t.parse().unwrap();
        let got = fast_decimal(t.as_bytes()).unwrap();
        assert_eq!(got.value().to_bits(), want.to_bits());
        assert_eq!(got.number().value().to_bits(), want.to_bits(), "{t}");
    }
}

#[test]
fn decimals_of_up_to_nine_places_are_exact_nanos() {
    let n = |t: &str| fast_decimal(t.as_bytes()).unwrap().number();
    assert_eq!(n("12.5"), Number::Nanos(12_500_000_000));
    assert_eq!(n("-1.3"), Number::Nanos(-1_300_000_000));
    assert_eq!(n("0.000000001"), Number::Nanos(1));
    assert_eq!(n("70"), Number::Nanos(70_000_000_000));
    assert_eq!(n("-0"), Number::Nanos(0));
    // Up to 2⁵³ × 10⁻⁹ = 9007199.254740992 (15 digits at most are read).
    assert_eq!(n("9007199.25474099"), Number::Nanos(9_007_199_254_740_990));
    assert_eq!(n("9007199.2547410"), Number::Float(9007199.254741));
    assert_eq!(n("10000000"), Number::Float(1e7));
    // Ten places: not a whole number of 10⁻⁹.
    assert_eq!(n("0.1234567891"), Number::Float(0.1234567891));
    // Both kinds read back as the standard library reads the text.
    for t in [
        "9007199.25474099",
        "9007199.2547410",
        "0.1234567891",
        "-3.75",
    ] {
        assert_eq!(n(t).value(), t.parse::<f64>().unwrap(), "{t}");
    }
    let p = parser();
    assert_eq!(
        p.outcome_number(b" 2.25 "),
        Ok(Some(Number::Nanos(2_250_000_000)))
    );
    assert_eq!(p.outcome_number(b"1e3"), Ok(Some(Number::Float(1000.0))));
    assert_eq!(p.outcome_number(b"NA"), Ok(None));
}

#[test]
fn roles_and_flags() {
    let p = parser();
    assert_eq!(p.role(b" Sales and  Marketing"), Ok(Role::Both));
    assert_eq!(p.role(b"MARKETING"), Ok(Role::Marketing));
    assert!(p.role(b"intern").unwrap_err().contains("not a known role"));
    assert_eq!(p.finished(b"True"), Ok(true));
    assert_eq!(p.finished(b"0"), Ok(false));
    assert!(p.finished(b"maybe").is_err());
    assert_eq!(p.outcome(b"12.5"), Ok(Some(12.5)));
    assert_eq!(p.outcome(b"NA"), Ok(None));
    assert!(p.outcome(b"inf").is_err());
    assert!(p.outcome(b"abc").is_err());
}

#[test]
fn packed_bytes_are_the_zero_padded_little_endian_number() {
    let bytes: Vec<u8> = (1..=17).map(|i| i * 13).collect();
    for n in 0..=16 {
        let mut buf = [0u8; 16];
        buf[..n].copy_from_slice(&bytes[..n]);
        assert_eq!(pack16(&bytes[..n]), Some(u128::from_le_bytes(buf)), "{n}");
    }
    assert_eq!(pack16(&bytes), None);
}

#[test]
fn spreadsheet_numbers_read_as_written() {
    use super::number::spreadsheet_number as n;
    for (text, semicolon, want) in [
        ("12.5%", false, 12.5),
        ("12,5 %", false, 12.5),
        ("1,234.5", false, 1234.5),
        ("1,200", false, 1200.0),
        ("$1,200", false, 1200.0),
        ("+7", false, 7.0),
        ("(12.5)", false, -12.5),
        ("-1.8%", false, -1.8),
        ("-$3", false, -3.0),
        ("1.234,5", true, 1234.5),
        ("12,5", true, 12.5),
        ("1.200", true, 1200.0),
        ("12.5", true, 12.5),
        ("1.200 €", true, 1200.0),
        ("1.234.567", true, 1_234_567.0),
        ("1 234,5", true, 1234.5),
    ] {
        assert_eq!(n(text, semicolon), Some(want), "{text} ({semicolon})");
    }
    for (text, semicolon) in [
        ("12.5.1", false),
        ("1,23,4", false),
        ("abc", false),
        ("1e3", false),
        ("--1", false),
        ("(-1)", false),
        ("1,2,3", true),
        ("%", false),
        ("", false),
        ("NaN", false),
    ] {
        assert_eq!(n(text, semicolon), None, "{text} ({semicolon})");
    }
}

/// Outcomes in the responses: plain numbers as written (`1.200` is 1.2
/// even in a `;`-delimited file), anything else as the outcomes file reads
/// it; decimal commas exactly.
#[test]
fn response_outcomes_read_plain_then_as_spreadsheets_write_them() {
    let mut p = parser();
    let n = |p: &ValueParser, t: &str| p.outcome_number(t.as_bytes());
    // A `,`-delimited file (the cell quoted in it).
    assert_eq!(n(&p, "12.5"), Ok(Some(Number::Nanos(12_500_000_000))));
    assert_eq!(n(&p, "12,5"), Ok(Some(Number::Float(12.5))));
    assert_eq!(n(&p, "1,200"), Ok(Some(Number::Float(1200.0))));
    assert_eq!(n(&p, " 12.5% "), Ok(Some(Number::Float(12.5))));
    assert_eq!(n(&p, "(3.5)"), Ok(Some(Number::Float(-3.5))));
    assert_eq!(n(&p, "1e3"), Ok(Some(Number::Float(1000.0))));
    assert!(n(&p, "12.5.1")
        .unwrap_err()
        .contains("12.5, 12.5%, 1,234.5"));
    assert!(n(&p, "inf").unwrap_err().contains("finite"));
    assert!(n(&p, "NaN").unwrap_err().contains("finite"));
    p.set_semicolon(true);
    // `;`-delimited: `,` is the decimal mark; exact when plain.
    assert_eq!(n(&p, "12,5"), Ok(Some(Number::Nanos(12_500_000_000))));
    assert_eq!(n(&p, "-1,3"), Ok(Some(Number::Nanos(-1_300_000_000))));
    assert_eq!(n(&p, " 0,07 "), Ok(Some(Number::Nanos(70_000_000))));
    assert_eq!(n(&p, "1,234"), Ok(Some(Number::Nanos(1_234_000_000))));
    assert_eq!(n(&p, "12.5"), Ok(Some(Number::Nanos(12_500_000_000))));
    assert_eq!(n(&p, "1.200"), Ok(Some(Number::Nanos(1_200_000_000))));
    assert_eq!(n(&p, "1.234,5"), Ok(Some(Number::Float(1234.5))));
    assert_eq!(n(&p, "12,5 %"), Ok(Some(Number::Float(12.5))));
    assert_eq!(n(&p, "NA"), Ok(None));
    assert_eq!(n(&p, ""), Ok(None));
    assert!(n(&p, "12,5,1")
        .unwrap_err()
        .contains("12,5, 12,5 %, 1.234,5"));
    assert!(n(&p, ",").is_err());
}
