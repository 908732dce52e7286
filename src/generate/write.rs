//! Writing generated rows and outcomes: the CSV writers and the
//! allocation-free id and number formatting they use.

use super::*;

pub(super) fn csv_error(context: &str, e: csv::Error) -> Error {
    let message = e.to_string();
    match e.into_kind() {
        csv::ErrorKind::Io(io) => Error::io(context, io),
        _ => Error::io(context, std::io::Error::other(message)),
    }
}

/// Write `prefix` and `n` zero-padded to `width` digits into `buf`.
pub(super) fn format_id(buf: &mut Vec<u8>, prefix: u8, n: u64, width: usize) {
    buf.clear();
    buf.push(prefix);
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut v = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    let len = digits.len() - i;
    buf.extend(std::iter::repeat_n(b'0', width.saturating_sub(len)));
    buf.extend_from_slice(&digits[i..]);
}

/// Write `v` with `decimals` decimals into `buf`, never as `-0.0`.
pub(super) fn format_number(buf: &mut Vec<u8>, v: f64, decimals: usize) {
    buf.clear();
    let scale = 10f64.powi(decimals as i32);
    let mut r = (v * scale).round() / scale;
    if r == 0.0 {
        r = 0.0;
    }
    // Writing into a Vec cannot fail.
    let _ = write!(buf, "{r:.decimals$}");
}

pub(super) fn digits(n: u64) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

pub(super) fn write_outcomes<W: Write>(
    w: &mut csv::Writer<W>,
    b: &Block,
    plan: &Plan,
    company_width: usize,
    id_buf: &mut Vec<u8>,
    num_buf: &mut Vec<u8>,
) -> Result<(), csv::Error> {
    let n_out = plan.outcomes.len();
    for c in 0..b.sizes.len() {
        format_id(id_buf, b'C', (b.first + c + 1) as u64, company_width);
        w.write_field(&*id_buf)?;
        for &v in &b.outcomes[c * n_out..(c + 1) * n_out] {
            format_number(num_buf, v, 2);
            w.write_field(&*num_buf)?;
        }
        w.write_record(None::<&[u8]>)?;
    }
    Ok(())
}

pub(super) struct RowWriter<'p> {
    pub(super) plan: &'p Plan,
    pub(super) missing_rate: f64,
    pub(super) respondent_width: usize,
    pub(super) company_width: usize,
    pub(super) next_respondent: u64,
    pub(super) id_buf: Vec<u8>,
    pub(super) num_buf: Vec<u8>,
}

/// What one respondent's answers are drawn from.
struct Respondent<'a> {
    role: Option<Role>,
    /// The company's alignment on the latent scale.
    a: f64,
    /// The respondent's own shift.
    u: f64,
    /// The company's deviation per dimension.
    dev: &'a [f64],
}

/// Which answers are missing: those from `stop` on (an unfinished
/// response), and each other one with probability `rate`.
struct Missing {
    stop: usize,
    rate: f64,
    q: usize,
}

impl Missing {
    /// Whether the next answer is missing.
    fn next(&mut self, rng: &mut ChaCha8Rng) -> bool {
        let missing = self.q >= self.stop || rng.gen::<f64>() < self.rate;
        self.q += 1;
        missing
    }
}

/// A respondent's role: sales or marketing, or both when the plan has it.
fn draw_role(p: &Plan, rng: &mut ChaCha8Rng) -> Option<Role> {
    if !p.has_role {
        return None;
    }
    let x: f64 = rng.gen();
    Some(if !p.has_both {
        if x < 0.5 {
            Role::Sales
        } else {
            Role::Marketing
        }
    } else if x < P_SALES {
        Role::Sales
    } else if x < P_SALES + P_MARKETING {
        Role::Marketing
    } else {
        Role::Both
    })
}

/// Write answer point `r`, or the missing code.
fn answer<W: Write>(
    w: &mut csv::Writer<W>,
    p: &Plan,
    rng: &mut ChaCha8Rng,
    missing: &mut Missing,
    r: i64,
) -> Result<(), csv::Error> {
    if missing.next(rng) {
        w.write_field(&p.missing)
    } else {
        w.write_field(p.point(r))
    }
}

impl RowWriter<'_> {
    /// Write one respondent of company `c` of block `b`.
    pub(super) fn write_row<W: Write>(
        &mut self,
        w: &mut csv::Writer<W>,
        rng: &mut ChaCha8Rng,
        b: &Block,
        c: usize,
    ) -> Result<(), csv::Error> {
        let p = self.plan;
        let role = draw_role(p, rng);
        let n_questions = p.items.len()
            + p.n_perception
            + p.statements.len()
            + if p.outcomes_in_responses {
                p.outcomes.len()
            } else {
                0
            };
        let finished = !p.has_finished || rng.gen::<f64>() >= UNFINISHED_RATE;
        let stop = if finished {
            n_questions
        } else {
            rng.gen_range(0..n_questions.max(1))
        };
        let u = RESPONDENT_SD * normal(rng);
        self.write_ids(w, b, c, role, finished)?;
        let r = Respondent {
            role,
            a: b.a[c],
            u,
            dev: &b.dev[c * p.n_dims..(c + 1) * p.n_dims],
        };
        let mut missing = Missing {
            stop,
            rate: self.missing_rate,
            q: 0,
        };
        self.write_items(w, rng, &r, &mut missing)?;
        if p.n_perception > 0 {
            self.write_perception(w, rng, &r, b.perc[c], &mut missing)?;
        }
        self.write_statements(w, rng, &r, &mut missing)?;
        if p.outcomes_in_responses {
            let n_out = p.outcomes.len();
            let values = &b.outcomes[c * n_out..(c + 1) * n_out];
            self.write_outcomes(w, rng, values, &mut missing)?;
        }
        w.write_record(None::<&[u8]>)
    }

    /// The respondent id, company id, role and completion columns.
    fn write_ids<W: Write>(
        &mut self,
        w: &mut csv::Writer<W>,
        b: &Block,
        c: usize,
        role: Option<Role>,
        finished: bool,
    ) -> Result<(), csv::Error> {
        let p = self.plan;
        if p.has_respondent {
            format_id(
                &mut self.id_buf,
                b'R',
                self.next_respondent,
                self.respondent_width,
            );
            w.write_field(&self.id_buf)?;
        }
        self.next_respondent += 1;
        format_id(
            &mut self.id_buf,
            b'C',
            (b.first + c + 1) as u64,
            self.company_width,
        );
        w.write_field(&self.id_buf)?;
        if let Some(r) = role {
            w.write_field(&p.role_names[r as usize])?;
        }
        if p.has_finished {
            w.write_field(if finished { "1" } else { "0" })?;
        }
        Ok(())
    }

    /// The practice items: the company's alignment and dimension deviation,
    /// the respondent's shift, marketing's shift on one dimension, noise.
    fn write_items<W: Write>(
        &self,
        w: &mut csv::Writer<W>,
        rng: &mut ChaCha8Rng,
        r: &Respondent,
        missing: &mut Missing,
    ) -> Result<(), csv::Error> {
        let p = self.plan;
        for it in &p.items {
            let shift = if it.dim == p.shift_dim {
                match r.role {
                    Some(Role::Marketing) => MARKETING_SHIFT,
                    Some(Role::Both) => MARKETING_SHIFT / 2.0,
                    _ => 0.0,
                }
            } else {
                0.0
            };
            let z = r.a + r.dev[it.dim] + it.offset + r.u + shift + ITEM_NOISE_SD * normal(rng);
            let mut point = p.answer(z);
            if it.reverse {
                point = p.min + p.max - point;
            }
            answer(w, p, rng, missing, point)?;
        }
        Ok(())
    }

    /// The perception items: alignment, the felt dimension, the company's
    /// own perception shift (`perc`) and marketing's optimism.
    fn write_perception<W: Write>(
        &self,
        w: &mut csv::Writer<W>,
        rng: &mut ChaCha8Rng,
        r: &Respondent,
        perc: f64,
        missing: &mut Missing,
    ) -> Result<(), csv::Error> {
        let p = self.plan;
        let feel = p.feel_dim.map_or(0.0, |k| r.dev[k] / DIM_DEV_SD);
        let m = match r.role {
            Some(Role::Marketing) => PERC_MARKETING,
            Some(Role::Both) => PERC_MARKETING / 2.0,
            _ => 0.0,
        };
        let base = PERC_SHIFT + PERC_A * r.a + PERC_FEEL * feel + perc + r.u + m;
        for _ in 0..p.n_perception {
            let point = p.answer(base + PERC_NOISE_SD * normal(rng));
            answer(w, p, rng, missing, point)?;
        }
        Ok(())
    }

    /// Statements about the other function: each role rates its own
    /// function higher.
    fn write_statements<W: Write>(
        &self,
        w: &mut csv::Writer<W>,
        rng: &mut ChaCha8Rng,
        r: &Respondent,
        missing: &mut Missing,
    ) -> Result<(), csv::Error> {
        let p = self.plan;
        for &subject in &p.statements {
            let s = match r.role {
                Some(Role::Both) => ST_OWN / 4.0,
                Some(role) if role == subject => ST_OWN,
                Some(_) => ST_OTHER,
                None => 0.0,
            };
            let z = ST_SHIFT + ST_A * r.a + r.u + s + ST_NOISE_SD * normal(rng);
            answer(w, p, rng, missing, p.answer(z))?;
        }
        Ok(())
    }

    /// The company's outcomes as reported by the respondent, with noise.
    fn write_outcomes<W: Write>(
        &mut self,
        w: &mut csv::Writer<W>,
        rng: &mut ChaCha8Rng,
        values: &[f64],
        missing: &mut Missing,
    ) -> Result<(), csv::Error> {
        for (o, &v) in self.plan.outcomes.iter().zip(values) {
            let reported = v + REPORT_NOISE * o.slope * normal(rng);
            if missing.next(rng) {
                w.write_field(&self.plan.missing)?;
            } else {
                format_number(&mut self.num_buf, reported, 1);
                w.write_field(&self.num_buf)?;
            }
        }
        Ok(())
    }
}
