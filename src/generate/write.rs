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
        let role = if p.has_role {
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
        } else {
            None
        };
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

        let a = b.a[c];
        let dev = &b.dev[c * p.n_dims..(c + 1) * p.n_dims];
        let missing_rate = self.missing_rate;
        let mut q = 0usize;
        let cell = |rng: &mut ChaCha8Rng, q: &mut usize| -> bool {
            let missing = *q >= stop || rng.gen::<f64>() < missing_rate;
            *q += 1;
            missing
        };

        // Items.
        for it in &p.items {
            let shift = if it.dim == p.shift_dim {
                match role {
                    Some(Role::Marketing) => MARKETING_SHIFT,
                    Some(Role::Both) => MARKETING_SHIFT / 2.0,
                    _ => 0.0,
                }
            } else {
                0.0
            };
            let z = a + dev[it.dim] + it.offset + u + shift + ITEM_NOISE_SD * normal(rng);
            let mut r = p.answer(z);
            if it.reverse {
                r = p.min + p.max - r;
            }
            if cell(rng, &mut q) {
                w.write_field(&p.missing)?;
            } else {
                w.write_field(p.point(r))?;
            }
        }

        // Perception items.
        if p.n_perception > 0 {
            let feel = p.feel_dim.map_or(0.0, |k| dev[k] / DIM_DEV_SD);
            let m = match role {
                Some(Role::Marketing) => PERC_MARKETING,
                Some(Role::Both) => PERC_MARKETING / 2.0,
                _ => 0.0,
            };
            let base = PERC_SHIFT + PERC_A * a + PERC_FEEL * feel + b.perc[c] + u + m;
            for _ in 0..p.n_perception {
                let r = p.answer(base + PERC_NOISE_SD * normal(rng));
                if cell(rng, &mut q) {
                    w.write_field(&p.missing)?;
                } else {
                    w.write_field(p.point(r))?;
                }
            }
        }

        // Statements about the other function.
        for &subject in &p.statements {
            let s = match role {
                Some(Role::Both) => ST_OWN / 4.0,
                Some(r) if r == subject => ST_OWN,
                Some(_) => ST_OTHER,
                None => 0.0,
            };
            let z = ST_SHIFT + ST_A * a + u + s + ST_NOISE_SD * normal(rng);
            let r = p.answer(z);
            if cell(rng, &mut q) {
                w.write_field(&p.missing)?;
            } else {
                w.write_field(p.point(r))?;
            }
        }

        // Outcomes as reported by the respondent.
        if p.outcomes_in_responses {
            let n_out = p.outcomes.len();
            for (o, &v) in p
                .outcomes
                .iter()
                .zip(&b.outcomes[c * n_out..(c + 1) * n_out])
            {
                let reported = v + REPORT_NOISE * o.slope * normal(rng);
                if cell(rng, &mut q) {
                    w.write_field(&p.missing)?;
                } else {
                    format_number(&mut self.num_buf, reported, 1);
                    w.write_field(&self.num_buf)?;
                }
            }
        }
        w.write_record(None::<&[u8]>)
    }
}
