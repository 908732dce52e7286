//! Tests of the generator: determinism, shapes, and the planted structure.

use super::*;
use std::collections::BTreeMap;

fn default_inst() -> Instrument {
    Instrument::from_json(crate::instrument::DEFAULT_JSON, "default").expect("default instrument")
}

fn run(inst: &Instrument, opts: &GenerateOptions) -> (Vec<u8>, GenerateSummary) {
    let mut buf = Vec::new();
    let s = generate(inst, opts, &mut buf, None).expect("generate");
    (buf, s)
}

fn parse(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(bytes);
    let header = r
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = r
        .records()
        .map(|rec| rec.expect("record").iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

fn col(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .expect("column present")
}

fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let mx = x.iter().sum::<f64>() / n;
    let my = y.iter().sum::<f64>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx).powi(2);
        syy += (b - my).powi(2);
    }
    sxy / (sxx * syy).sqrt()
}

/// Per company: mean of the respondents' reverse-coded answers to `items`.
fn company_means(
    inst: &Instrument,
    header: &[String],
    rows: &[Vec<String>],
    items: &[usize],
) -> BTreeMap<String, f64> {
    let ci = col(header, &inst.columns.company);
    let mut acc: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    for row in rows {
        let (mut s, mut n) = (0.0, 0.0);
        for &i in items {
            let it = &inst.items[i];
            let cell = &row[col(header, &it.column)];
            if let Ok(v) = cell.parse::<i64>() {
                let v = if it.reverse {
                    inst.scale.min + inst.scale.max - v
                } else {
                    v
                };
                s += v as f64;
                n += 1.0;
            }
        }
        if n > 0.0 {
            let e = acc.entry(row[ci].clone()).or_insert((0.0, 0.0));
            e.0 += s / n;
            e.1 += 1.0;
        }
    }
    acc.into_iter().map(|(k, (s, n))| (k, s / n)).collect()
}

#[test]
fn default_instrument_is_valid_and_complete() {
    let inst = default_inst();
    assert_eq!(inst.name, "Sales-Marketing Alignment Survey");
    assert_eq!(inst.version, "1.0");
    assert_eq!((inst.scale.min, inst.scale.max), (1, 5));
    assert_eq!(inst.scale.preset.as_deref(), Some("agree5"));
    assert_eq!(inst.scale.all_labels().len(), 8);
    let dims: Vec<&str> = inst.dimensions.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        dims,
        ["shared_understanding", "interdependence", "collaboration"]
    );
    for (d, prefix) in dims.iter().zip(["su_", "in_", "co_"]) {
        let items = inst.items_of(d);
        assert!((7..=8).contains(&items.len()), "{d}: {} items", items.len());
        assert!(
            items.iter().any(|&i| inst.items[i].reverse),
            "{d}: no reverse item"
        );
        for &i in &items {
            assert!(inst.items[i].id.starts_with(prefix));
            assert_eq!(inst.items[i].id, inst.items[i].column);
        }
    }
    assert_eq!(inst.perception.len(), 3);
    assert_eq!(inst.statements.len(), 4);
    assert!(inst.statements.iter().all(|q| q.id.starts_with("st_")));
    let outcomes: Vec<(&str, &str)> = inst
        .outcomes
        .iter()
        .map(|o| (o.id.as_str(), o.group.as_str()))
        .collect();
    assert_eq!(
        outcomes,
        [
            ("revenue_growth_3y", "growth"),
            ("win_rate_growth_3y", "growth"),
            ("lead_quality_growth_3y", "growth"),
            ("pipeline_growth", "pipeline_health"),
            ("forecast_accuracy", "pipeline_health"),
        ]
    );
    assert!(inst
        .outcomes
        .iter()
        .all(|o| o.unit == "%" && o.direction == Direction::HigherIsBetter));
    let stages: Vec<(&str, f64)> = inst
        .stages
        .iter()
        .map(|s| (s.name.as_str(), s.min))
        .collect();
    assert_eq!(
        stages,
        [
            ("Undefined", 0.0),
            ("Defined", 25.0),
            ("Aligned", 50.0),
            ("Integrated", 75.0)
        ]
    );
    assert_eq!(inst.columns.finished, None);
    assert_eq!(inst.missing, ["", "NA", "N/A", "-99"]);
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let inst = default_inst();
    let opts = GenerateOptions {
        companies: 40,
        ..Default::default()
    };
    let (a, _) = run(&inst, &opts);
    let (b, _) = run(&inst, &opts);
    assert_eq!(a, b);
    let (c, _) = run(
        &inst,
        &GenerateOptions {
            seed: 2,
            ..opts.clone()
        },
    );
    assert_ne!(a, c);
    let (d, _) = run(
        &inst,
        &GenerateOptions {
            interleave: false,
            ..opts
        },
    );
    assert_ne!(a, d);
}

#[test]
fn rows_are_the_sum_of_company_sizes() {
    let inst = default_inst();
    let opts = GenerateOptions {
        companies: 300,
        ..Default::default()
    };
    let (bytes, s) = run(&inst, &opts);
    let (header, rows) = parse(&bytes);
    assert_eq!(s.rows as usize, rows.len());
    assert_eq!(s.companies, 300);
    let ci = col(&header, "company_id");
    let mut sizes: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &rows {
        *sizes.entry(r[ci].as_str()).or_default() += 1;
    }
    assert_eq!(sizes.len(), 300);
    assert!(sizes.values().all(|&n| (3..=12).contains(&n)));
    assert_eq!(sizes.values().sum::<usize>(), rows.len());
    assert_eq!(sizes.keys().next(), Some(&"C0001"));
    assert_eq!(sizes.keys().last(), Some(&"C0300"));
    // Respondent ids are unique and increase in file order.
    let ri = col(&header, "respondent_id");
    assert_eq!(rows[0][ri], "R000001");
    for w in rows.windows(2) {
        assert!(w[0][ri] < w[1][ri]);
    }
    // Interleaved: the first rows come from several companies.
    let first: std::collections::BTreeSet<&str> =
        rows[..10].iter().map(|r| r[ci].as_str()).collect();
    assert!(first.len() > 3);

    let fixed = GenerateOptions {
        companies: 7,
        min_respondents: 5,
        max_respondents: 5,
        ..opts
    };
    let (bytes, s) = run(&inst, &fixed);
    assert_eq!(s.rows, 35);
    assert_eq!(parse(&bytes).1.len(), 35);
}

#[test]
fn header_order_and_cells() {
    let inst = default_inst();
    let (bytes, _) = run(
        &inst,
        &GenerateOptions {
            companies: 50,
            ..Default::default()
        },
    );
    let (header, rows) = parse(&bytes);
    let mut expected = vec!["respondent_id", "company_id", "role"];
    expected.extend(inst.items.iter().map(|i| i.column.as_str()));
    expected.extend(inst.perception.iter().map(|i| i.column.as_str()));
    expected.extend(inst.statements.iter().map(|i| i.column.as_str()));
    expected.extend(inst.outcomes.iter().map(|i| i.column.as_str()));
    assert_eq!(header, expected);
    let n_answers = inst.items.len() + inst.perception.len() + inst.statements.len();
    let (mut missing, mut total) = (0usize, 0usize);
    let mut roles: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &rows {
        *roles.entry(r[2].as_str()).or_default() += 1;
        for cell in &r[3..3 + n_answers] {
            total += 1;
            if cell.is_empty() {
                missing += 1;
            } else {
                let v: i64 = cell.parse().expect("integer answer");
                assert!((1..=5).contains(&v));
            }
        }
        for cell in &r[3 + n_answers..] {
            if !cell.is_empty() {
                let (_, dec) = cell.split_once('.').expect("one decimal");
                assert_eq!(dec.len(), 1);
            }
        }
    }
    let rate = missing as f64 / total as f64;
    assert!((0.015..0.05).contains(&rate), "missing rate {rate}");
    assert_eq!(
        roles.keys().copied().collect::<Vec<_>>(),
        ["both", "marketing", "sales"]
    );
    let share_both = roles["both"] as f64 / rows.len() as f64;
    assert!((0.05..0.16).contains(&share_both));
}

#[test]
fn outcomes_file_holds_company_values() {
    let inst = default_inst();
    let opts = GenerateOptions {
        companies: 30,
        ..Default::default()
    };
    let mut resp = Vec::new();
    let mut outc = Vec::new();
    let s = generate(&inst, &opts, &mut resp, Some(&mut outc)).expect("generate");
    let (header, rows) = parse(&resp);
    assert_eq!(rows.len() as u64, s.rows);
    assert!(inst.outcomes.iter().all(|o| !header.contains(&o.column)));
    let (oh, orows) = parse(&outc);
    let mut expected = vec!["company_id"];
    expected.extend(inst.outcomes.iter().map(|o| o.column.as_str()));
    assert_eq!(oh, expected);
    assert_eq!(orows.len(), 30);
    assert_eq!(orows[0][0], "C0001");
    for r in &orows {
        for cell in &r[1..] {
            let (_, dec) = cell.split_once('.').expect("two decimals");
            assert_eq!(dec.len(), 2);
            assert!(cell.parse::<f64>().is_ok_and(f64::is_finite));
        }
    }
    // Without outcomes in the responses and without a file: no outcome columns.
    let (bytes, _) = run(
        &inst,
        &GenerateOptions {
            outcomes_in_responses: false,
            ..opts
        },
    );
    let (header, _) = parse(&bytes);
    assert!(inst.outcomes.iter().all(|o| !header.contains(&o.column)));
}

#[test]
fn planted_structure_is_recoverable() {
    let inst = default_inst();
    let opts = GenerateOptions {
        companies: 500,
        ..Default::default()
    };
    let mut resp = Vec::new();
    let mut outc = Vec::new();
    generate(&inst, &opts, &mut resp, Some(&mut outc)).expect("generate");
    let (header, rows) = parse(&resp);
    let ri = col(&header, "role");

    // Marketing rates collaboration higher than sales does.
    let collab = inst.items_of("collaboration");
    let role_mean = |role: &str, items: &[usize]| {
        let (mut s, mut n) = (0.0, 0.0);
        for r in rows.iter().filter(|r| r[ri] == role) {
            for &i in items {
                let it = &inst.items[i];
                if let Ok(v) = r[col(&header, &it.column)].parse::<i64>() {
                    s += if it.reverse { (6 - v) as f64 } else { v as f64 };
                    n += 1.0;
                }
            }
        }
        s / n
    };
    // Planted: +0.48 scale points before clipping, about +10 index points.
    let gap = role_mean("marketing", &collab) - role_mean("sales", &collab);
    assert!(
        (0.3..0.5).contains(&gap),
        "marketing − sales on collaboration: {gap}"
    );
    let su = inst.items_of("shared_understanding");
    let su_gap = role_mean("marketing", &su) - role_mean("sales", &su);
    assert!(
        su_gap.abs() < 0.15,
        "no planted gap on shared understanding: {su_gap}"
    );

    // Company alignment (all items) tracks the first outcome.
    let all: Vec<usize> = (0..inst.items.len()).collect();
    let align = company_means(&inst, &header, &rows, &all);
    let (oh, orows) = parse(&outc);
    let outcome = |name: &str| -> Vec<f64> {
        let k = col(&oh, name);
        orows
            .iter()
            .map(|r| r[k].parse::<f64>().expect("number"))
            .collect()
    };
    let x: Vec<f64> = orows.iter().map(|r| align[&r[0]]).collect();
    let r_rev = pearson(&x, &outcome("revenue_growth_3y"));
    assert!(r_rev > 0.5, "alignment vs revenue growth r = {r_rev}");

    // The planted driver: lead quality follows shared understanding more
    // than collaboration.
    let su_means = company_means(&inst, &header, &rows, &su);
    let co_means = company_means(&inst, &header, &rows, &collab);
    let lq = outcome("lead_quality_growth_3y");
    let r_su = pearson(
        &orows.iter().map(|r| su_means[&r[0]]).collect::<Vec<_>>(),
        &lq,
    );
    let r_co = pearson(
        &orows.iter().map(|r| co_means[&r[0]]).collect::<Vec<_>>(),
        &lq,
    );
    assert!(
        r_su > r_co + 0.2,
        "lead quality: r(su) = {r_su}, r(co) = {r_co}"
    );

    // Perception is inflated: most companies look aligned.
    let pcols: Vec<usize> = inst
        .perception
        .iter()
        .map(|q| col(&header, &q.column))
        .collect();
    let ci = col(&header, "company_id");
    let mut perc: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
    for r in &rows {
        let vals: Vec<f64> = pcols
            .iter()
            .filter_map(|&k| r[k].parse::<f64>().ok())
            .collect();
        if vals.len() >= 2 {
            let e = perc.entry(r[ci].as_str()).or_default();
            e.0 += vals.iter().sum::<f64>() / vals.len() as f64;
            e.1 += 1.0;
        }
    }
    let aligned = perc
        .values()
        .filter(|(s, n)| 100.0 * (s / n - 1.0) / 4.0 >= 75.0)
        .count();
    let share = aligned as f64 / perc.len() as f64;
    assert!((0.75..=0.93).contains(&share), "perceived aligned: {share}");
    // ... but perception tracks outcomes clearly less than alignment does.
    let p_rev: Vec<f64> = orows
        .iter()
        .filter_map(|r| perc.get(r[0].as_str()).map(|(s, n)| s / n))
        .collect();
    let rev_p: Vec<f64> = orows
        .iter()
        .filter(|r| perc.contains_key(r[0].as_str()))
        .map(|r| {
            r[col(&oh, "revenue_growth_3y")]
                .parse::<f64>()
                .expect("number")
        })
        .collect();
    let r_perc = pearson(&p_rev, &rev_p);
    assert!(
        r_perc < r_rev - 0.15,
        "perception vs revenue r = {r_perc}, alignment r = {r_rev}"
    );

    // Statements: sales agrees less that marketing understands customers.
    let st = col(&header, "st_mkt_understands_customers");
    let agree = |role: &str| {
        let v: Vec<i64> = rows
            .iter()
            .filter(|r| r[ri] == role)
            .filter_map(|r| r[st].parse().ok())
            .collect();
        v.iter().filter(|&&x| x >= 4).count() as f64 / v.len() as f64
    };
    assert!(agree("marketing") > agree("sales") + 0.15);
}

/// One-way ICC(1) of per-respondent scores grouped by company.
fn icc1(groups: &BTreeMap<String, Vec<f64>>) -> f64 {
    let n: f64 = groups.values().map(|g| g.len() as f64).sum();
    let k = groups.len() as f64;
    let grand = groups.values().flatten().sum::<f64>() / n;
    let (mut ssb, mut ssw) = (0.0, 0.0);
    for g in groups.values() {
        let m = g.iter().sum::<f64>() / g.len() as f64;
        ssb += g.len() as f64 * (m - grand).powi(2);
        ssw += g.iter().map(|x| (x - m).powi(2)).sum::<f64>();
    }
    let (msb, msw) = (ssb / (k - 1.0), ssw / (n - k));
    let gbar = n / k;
    (msb - msw) / (msb + (gbar - 1.0) * msw)
}

#[test]
fn companies_are_realistically_heterogeneous() {
    // Real organisational surveys: ICC(1) about 0.15–0.35, median r_wg(J)
    // about 0.7–0.9, α about 0.8–0.9. Checked here without missing
    // answers, dimension by dimension.
    let inst = default_inst();
    let opts = GenerateOptions {
        companies: 400,
        missing_rate: 0.0,
        interleave: false,
        ..Default::default()
    };
    let (bytes, _) = run(&inst, &opts);
    let (header, rows) = parse(&bytes);
    let ci = col(&header, &inst.columns.company);
    assert!(inst.columns.finished.is_none(), "every row is complete");
    for d in &inst.dimensions {
        let items = inst.items_of(&d.id);
        let answers: Vec<Vec<f64>> = rows
            .iter()
            .map(|r| {
                items
                    .iter()
                    .map(|&i| {
                        let it = &inst.items[i];
                        let v: i64 = r[col(&header, &it.column)].parse().expect("answered");
                        (if it.reverse { 6 - v } else { v }) as f64
                    })
                    .collect()
            })
            .collect();

        // ICC(1) of the dimension score.
        let mut groups: BTreeMap<String, Vec<f64>> = BTreeMap::new();
        for (r, a) in rows.iter().zip(&answers) {
            let score = a.iter().sum::<f64>() / a.len() as f64;
            groups.entry(r[ci].clone()).or_default().push(score);
        }
        let icc = icc1(&groups);
        assert!((0.18..0.36).contains(&icc), "{}: ICC(1) = {icc}", d.id);

        // Cronbach's α over all respondents.
        let k = items.len() as f64;
        let var = |xs: &[f64]| {
            let m = xs.iter().sum::<f64>() / xs.len() as f64;
            xs.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (xs.len() as f64 - 1.0)
        };
        let item_vars: f64 = (0..items.len())
            .map(|j| var(&answers.iter().map(|a| a[j]).collect::<Vec<_>>()))
            .sum();
        let total = var(&answers.iter().map(|a| a.iter().sum()).collect::<Vec<_>>());
        let alpha = k / (k - 1.0) * (1.0 - item_vars / total);
        assert!((0.8..0.92).contains(&alpha), "{}: α = {alpha}", d.id);

        // Median r_wg(J) over companies (uniform null, σ² = 2 on 1–5).
        let mut by_company: BTreeMap<&str, Vec<&Vec<f64>>> = BTreeMap::new();
        for (r, a) in rows.iter().zip(&answers) {
            by_company.entry(r[ci].as_str()).or_default().push(a);
        }
        let mut rwg: Vec<f64> = by_company
            .values()
            .filter(|g| g.len() >= 2)
            .map(|g| {
                let s2 = (0..items.len())
                    .map(|j| var(&g.iter().map(|a| a[j]).collect::<Vec<_>>()))
                    .sum::<f64>()
                    / k
                    / 2.0;
                if s2 > 1.0 {
                    0.0
                } else {
                    k * (1.0 - s2) / (k * (1.0 - s2) + s2)
                }
            })
            .collect();
        rwg.sort_by(f64::total_cmp);
        let median = rwg[rwg.len() / 2];
        assert!(
            (0.72..0.9).contains(&median),
            "{}: r_wg(J) = {median}",
            d.id
        );
    }
}

#[test]
fn any_instrument_works() {
    let json = r#"{
        "name": "Tiny", "version": "0",
        "scale": {"min": 1, "max": 7},
        "columns": {"respondent": null, "company": "firm", "role": null, "finished": "Finished"},
        "dimensions": [{"id": "x", "label": "X"}],
        "items": [
            {"id": "a", "column": "A", "dimension": "x", "text": "A"},
            {"id": "b", "column": "B", "dimension": "x", "text": "B", "reverse": true}
        ]
    }"#;
    let inst = Instrument::from_json(json, "tiny").expect("valid");
    let opts = GenerateOptions {
        companies: 200,
        missing_rate: 0.0,
        ..Default::default()
    };
    let (bytes, s) = run(&inst, &opts);
    let (header, rows) = parse(&bytes);
    assert_eq!(header, ["firm", "Finished", "A", "B"]);
    assert_eq!(rows.len() as u64, s.rows);
    let mut unfinished = 0;
    for r in &rows {
        match r[1].as_str() {
            "1" => {
                for cell in &r[2..] {
                    let v: i64 = cell.parse().expect("answered");
                    assert!((1..=7).contains(&v));
                }
            }
            "0" => unfinished += 1,
            other => panic!("finished = {other}"),
        }
    }
    assert!(unfinished > 0 && unfinished < rows.len() / 10);
    // Reverse item mirrored: A and 8 − B agree.
    let x: Vec<f64> = rows
        .iter()
        .filter(|r| r[1] == "1")
        .map(|r| r[2].parse().unwrap_or(0.0))
        .collect();
    let y: Vec<f64> = rows
        .iter()
        .filter(|r| r[1] == "1")
        .map(|r| r[3].parse().unwrap_or(0.0))
        .collect();
    assert!(pearson(&x, &y) < -0.3);

    // An outcomes file for an instrument without outcomes is a usage error.
    let mut o = Vec::new();
    let e = generate(&inst, &opts, &mut Vec::new(), Some(&mut o));
    assert!(matches!(e, Err(Error::Usage(_))));
}

#[test]
fn binary_scale_and_missing_token() {
    let json = r#"{
        "name": "Yes/no", "version": "0",
        "scale": {"min": 0, "max": 1},
        "missing": ["."],
        "columns": {"company": "co", "role": "fn"},
        "roles": {"sales": ["S"], "marketing": ["M"]},
        "dimensions": [{"id": "p", "label": "P"}, {"id": "q", "label": "Q"}],
        "items": [
            {"id": "p1", "column": "p1", "dimension": "p", "text": "p1"},
            {"id": "q1", "column": "q1", "dimension": "q", "text": "q1", "reverse": true}
        ],
        "perception": [{"id": "pa", "column": "pa", "text": "aligned"}],
        "outcomes": [{"id": "o", "column": "o", "label": "O", "direction": "lower_is_better", "group": "g"}]
    }"#;
    let inst = Instrument::from_json(json, "yn").expect("valid");
    let (bytes, _) = run(
        &inst,
        &GenerateOptions {
            companies: 100,
            missing_rate: 0.2,
            ..Default::default()
        },
    );
    let (header, rows) = parse(&bytes);
    assert_eq!(header, ["co", "fn", "p1", "q1", "pa", "o"]);
    let mut dots = 0;
    for r in &rows {
        assert!(r[1] == "S" || r[1] == "M");
        for cell in &r[2..5] {
            match cell.as_str() {
                "0" | "1" => {}
                "." => dots += 1,
                other => panic!("cell {other}"),
            }
        }
    }
    assert!(dots > 0);
}

#[test]
fn impossible_options_are_usage_errors() {
    let inst = default_inst();
    let d = GenerateOptions::default();
    for bad in [
        GenerateOptions {
            companies: 0,
            ..d.clone()
        },
        GenerateOptions {
            min_respondents: 5,
            max_respondents: 4,
            ..d.clone()
        },
        GenerateOptions {
            min_respondents: 0,
            ..d.clone()
        },
        GenerateOptions {
            missing_rate: 0.95,
            ..d.clone()
        },
        GenerateOptions {
            missing_rate: -0.1,
            ..d.clone()
        },
        GenerateOptions {
            missing_rate: f64::NAN,
            ..d.clone()
        },
    ] {
        let e = generate(&inst, &bad, &mut Vec::new(), None);
        assert!(matches!(e, Err(Error::Usage(_))), "{bad:?}");
    }
}

struct Broken;
impl Write for Broken {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::Error::new(
            std::io::ErrorKind::BrokenPipe,
            "closed",
        ))
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn write_failures_are_io_errors() {
    let inst = default_inst();
    let e = generate(&inst, &GenerateOptions::default(), &mut Broken, None);
    assert!(
        matches!(&e, Err(err @ Error::Io { .. }) if err.is_broken_pipe()),
        "{e:?}"
    );
    let e = generate(
        &inst,
        &GenerateOptions::default(),
        &mut Vec::new(),
        Some(&mut Broken),
    );
    assert!(matches!(e, Err(Error::Io { .. })));
}
