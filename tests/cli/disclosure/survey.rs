//! Surveys with many small groups, written under the default instrument,
//! and every figure of every company and role group computed here by plain
//! arithmetic (never through the library), so the attacker knows what a
//! hidden group's figures truly are.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The default instrument's dimensions, in order.
pub const DIMS: [&str; 3] = ["shared_understanding", "interdependence", "collaboration"];
/// The roles, in the fixed order of complementary suppression.
pub const ROLES: [&str; 3] = ["sales", "marketing", "both"];
/// The default instrument's items: id, dimension, reverse-worded.
pub const ITEMS: [(&str, usize, bool); 23] = [
    ("su_icp", 0, false),
    ("su_value_props", 0, false),
    ("su_buying_process", 0, false),
    ("su_lead_stages", 0, false),
    ("su_sales_ready", 0, false),
    ("su_handoff", 0, true),
    ("su_recycling", 0, false),
    ("su_messaging", 0, true),
    ("in_need_each_other", 1, false),
    ("in_shared_goals", 1, false),
    ("in_shared_kpis", 1, false),
    ("in_shared_accountability", 1, false),
    ("in_shared_incentives", 1, false),
    ("in_sales_feedback", 1, false),
    ("in_separate_goals", 1, true),
    ("co_joint_meetings", 2, false),
    ("co_cross_teams", 2, false),
    ("co_informal", 2, false),
    ("co_realtime_info", 2, false),
    ("co_lead_followup", 2, false),
    ("co_content_use", 2, false),
    ("co_joint_planning", 2, false),
    ("co_after_the_fact", 2, true),
];
const PERCEPTION: [&str; 3] = ["perc_aligned", "perc_work_well", "perc_relationship"];
const STATEMENTS: [&str; 4] = [
    "st_mkt_understands_customers",
    "st_mkt_good_investment",
    "st_sales_qualifies",
    "st_sales_follows_up",
];
const OUTCOMES: [&str; 5] = [
    "revenue_growth_3y",
    "win_rate_growth_3y",
    "lead_quality_growth_3y",
    "pipeline_growth",
    "forecast_accuracy",
];
const MIN: f64 = 1.0;
const MAX: f64 = 5.0;

/// One respondent: role (index into `ROLES`) and raw answers as written.
pub struct Respondent {
    pub role: usize,
    pub items: Vec<u8>,
    pub perception: Vec<u8>,
    pub statements: Vec<u8>,
}

pub struct Company {
    pub id: String,
    pub respondents: Vec<Respondent>,
    pub outcomes: [f64; 5],
}

pub struct Survey {
    pub companies: Vec<Company>,
}

/// The figures of one group of respondents.
#[derive(Clone, Debug)]
pub struct Figures {
    pub n: usize,
    /// Dimension indexes (0–100).
    pub dims: [f64; 3],
    pub alignment: f64,
    pub perception: f64,
    /// Item means on the answer scale, reverse-coded.
    pub items: Vec<f64>,
}

impl Figures {
    /// Every figure with a name, for messages and the generic search.
    pub fn named(&self) -> Vec<(String, f64)> {
        let mut v: Vec<(String, f64)> = DIMS
            .iter()
            .zip(self.dims)
            .map(|(d, x)| (format!("{d} score"), x))
            .collect();
        v.push(("alignment index".into(), self.alignment));
        v.push(("perception index".into(), self.perception));
        v.push(("overconfidence".into(), self.perception - self.alignment));
        for ((id, _, _), m) in ITEMS.iter().zip(&self.items) {
            v.push((format!("{id} item mean"), *m));
            v.push((format!("{id} item index"), index(*m)));
        }
        v
    }
}

/// A company's true figures under both weightings, and its role groups'.
pub struct Truth {
    pub id: String,
    pub n: usize,
    pub n_by_role: [usize; 3],
    /// `[respondent weighting, role weighting]`.
    pub weighted: [Figures; 2],
    pub groups: [Option<Figures>; 3],
    pub outcomes: [f64; 5],
    /// Each respondent's dimension means (answer scale), for ICC.
    pub respondent_dims: Vec<[f64; 3]>,
}

pub fn index(m: f64) -> f64 {
    100.0 * (m - MIN) / (MAX - MIN)
}

fn coded(r: &Respondent, i: usize) -> f64 {
    let raw = f64::from(r.items[i]);
    if ITEMS[i].2 {
        MIN + MAX - raw
    } else {
        raw
    }
}

fn respondent_dims(r: &Respondent) -> [f64; 3] {
    [0, 1, 2].map(|d| {
        mean(
            (0..ITEMS.len())
                .filter(|&i| ITEMS[i].1 == d)
                .map(|i| coded(r, i)),
        )
    })
}

fn mean(v: impl IntoIterator<Item = f64>) -> f64 {
    let (s, n) = v
        .into_iter()
        .fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    s / n as f64
}

/// Respondent weighting over any set of respondents (each answers every item).
pub fn figures(rs: &[&Respondent]) -> Figures {
    let dims = [0, 1, 2].map(|d| index(mean(rs.iter().map(|r| respondent_dims(r)[d]))));
    let perception = index(mean(
        rs.iter()
            .map(|r| mean(r.perception.iter().map(|&x| f64::from(x)))),
    ));
    let items = (0..ITEMS.len())
        .map(|i| mean(rs.iter().map(|r| coded(r, i))))
        .collect();
    Figures {
        n: rs.len(),
        dims,
        alignment: mean(dims),
        perception,
        items,
    }
}

/// `--weighting role`: the mean of the present role groups' figures.
fn role_weighted(groups: &[&Figures]) -> Figures {
    let dims = [0, 1, 2].map(|d| mean(groups.iter().map(|g| g.dims[d])));
    Figures {
        n: groups.iter().map(|g| g.n).sum(),
        dims,
        alignment: mean(dims),
        perception: mean(groups.iter().map(|g| g.perception)),
        items: (0..ITEMS.len())
            .map(|i| mean(groups.iter().map(|g| g.items[i])))
            .collect(),
    }
}

impl Company {
    pub fn of_role(&self, role: usize) -> Vec<&Respondent> {
        self.respondents.iter().filter(|r| r.role == role).collect()
    }

    pub fn truth(&self) -> Truth {
        let groups = [0, 1, 2].map(|role| {
            let rs = self.of_role(role);
            (!rs.is_empty()).then(|| figures(&rs))
        });
        let all: Vec<&Respondent> = self.respondents.iter().collect();
        let present: Vec<&Figures> = groups.iter().flatten().collect();
        Truth {
            id: self.id.clone(),
            n: all.len(),
            n_by_role: [0, 1, 2].map(|r| self.of_role(r).len()),
            weighted: [figures(&all), role_weighted(&present)],
            groups: groups.clone(),
            outcomes: self.outcomes,
            respondent_dims: self.respondents.iter().map(respondent_dims).collect(),
        }
    }
}

impl Survey {
    /// Companies with the given role mixes `[sales, marketing, both]`,
    /// answers driven by a latent company level, so that company figures
    /// differ and outcomes follow alignment.
    pub fn generate(seed: u64, mixes: &[[usize; 3]]) -> Survey {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let companies = mixes
            .iter()
            .enumerate()
            .map(|(c, mix)| {
                let level: f64 = rng.gen_range(1.6..4.4);
                let mut respondents = Vec::new();
                for (role, &k) in mix.iter().enumerate() {
                    let shift = [-0.3, 0.3, 0.0][role];
                    for _ in 0..k {
                        respondents.push(respondent(&mut rng, role, level + shift));
                    }
                }
                let outcomes = [0, 1, 2, 3, 4].map(|k| {
                    let x = 4.0 + 7.0 * level + f64::from(k) + rng.gen_range(-6.0..6.0);
                    (x * 1000.0).round() / 1000.0
                });
                Company {
                    id: format!("K{:03}", c + 1),
                    respondents,
                    outcomes,
                }
            })
            .collect();
        Survey { companies }
    }

    pub fn truths(&self) -> Vec<Truth> {
        self.companies.iter().map(Company::truth).collect()
    }

    /// The responses CSV, rows shuffled across companies as in an export.
    pub fn responses_csv(&self, seed: u64) -> String {
        let mut header = vec!["respondent_id", "company_id", "role"];
        header.extend(ITEMS.iter().map(|i| i.0));
        header.extend(PERCEPTION);
        header.extend(STATEMENTS);
        let mut rows = Vec::new();
        for c in &self.companies {
            for r in &c.respondents {
                let answers = r.items.iter().chain(&r.perception).chain(&r.statements);
                let cells: Vec<String> = answers.map(u8::to_string).collect();
                rows.push(format!("{},{},{}", c.id, ROLES[r.role], cells.join(",")));
            }
        }
        let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5eed);
        for i in (1..rows.len()).rev() {
            rows.swap(i, rng.gen_range(0..=i));
        }
        let mut out = header.join(",") + "\n";
        for (k, row) in rows.iter().enumerate() {
            out += &format!("R{:05},{row}\n", k + 1);
        }
        out
    }

    pub fn outcomes_csv(&self) -> String {
        let mut out = format!("company_id,{}\n", OUTCOMES.join(","));
        for c in &self.companies {
            let v: Vec<String> = c.outcomes.iter().map(|x| format!("{x:.3}")).collect();
            out += &format!("{},{}\n", c.id, v.join(","));
        }
        out
    }
}

fn answer(rng: &mut ChaCha8Rng, centre: f64) -> u8 {
    let x: f64 = centre + rng.gen_range(-1.4..1.4);
    x.round().clamp(MIN, MAX) as u8
}

fn respondent(rng: &mut ChaCha8Rng, role: usize, centre: f64) -> Respondent {
    let items = ITEMS
        .iter()
        .map(|&(_, _, reverse)| {
            let a = answer(rng, centre);
            if reverse {
                (MIN + MAX) as u8 - a
            } else {
                a
            }
        })
        .collect();
    let perception = PERCEPTION
        .iter()
        .map(|_| answer(rng, centre + 0.5))
        .collect();
    let statements = STATEMENTS.iter().map(|_| rng.gen_range(1..=5)).collect();
    Respondent {
        role,
        items,
        perception,
        statements,
    }
}

/// Role mixes `[sales, marketing, both]` of sizes 1–12, many of them with
/// role groups (or whole companies) under a threshold of 3 or 5.
pub const SMALL_GROUP_MIXES: [[usize; 3]; 24] = [
    [4, 1, 0],
    [3, 1, 1],
    [2, 2, 2],
    [5, 0, 1],
    [1, 0, 0],
    [6, 4, 2],
    [0, 2, 0],
    [3, 3, 3],
    [1, 1, 0],
    [5, 5, 2],
    [4, 4, 4],
    [7, 2, 3],
    [0, 3, 1],
    [2, 0, 1],
    [8, 3, 1],
    [3, 5, 0],
    [6, 6, 0],
    [1, 4, 1],
    [5, 3, 3],
    [0, 0, 2],
    [4, 3, 5],
    [2, 6, 1],
    [9, 1, 2],
    [3, 0, 3],
];

/// Mixes drawn from `SMALL_GROUP_MIXES` for a seed: `count` companies.
pub fn mixes_for(seed: u64, count: usize) -> Vec<[usize; 3]> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed.wrapping_mul(7919));
    let mut v: Vec<[usize; 3]> = SMALL_GROUP_MIXES.to_vec();
    while v.len() < count {
        v.push(SMALL_GROUP_MIXES[rng.gen_range(0..SMALL_GROUP_MIXES.len())]);
    }
    for i in (1..v.len()).rev() {
        v.swap(i, rng.gen_range(0..=i));
    }
    v
}
