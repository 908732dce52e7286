//! One row swept once: its answers reverse-coded through a table of steps
//! worked out per scale point, summed by group run by run of neighbouring
//! columns (the sums kept in registers), each handed on to its cell.

use super::items::Step;
use super::Plan;

/// What a row is swept with: per-column tables, and the row's answers
/// reverse-coded and summed by group.
#[derive(Debug, Clone)]
pub(super) struct Sweep {
    /// Per scale column: where its answers' steps start in `steps` (0, or
    /// `range + 1` when reverse-coded).
    bases: Vec<u32>,
    /// Runs of neighbouring scale columns in the same group: (first column,
    /// end, group; the number of groups for columns in none).
    runs: Vec<(usize, usize, usize)>,
    /// Per raw answer, plain then reverse-coded: what it adds.
    steps: Vec<Step>,
    /// The row being added, reverse-coded (`u16::MAX`: missing).
    pub(super) coded: Vec<u16>,
    /// Per group (and one for columns in none): answers and their sum.
    pub(super) group_sums: Vec<(usize, u64)>,
    /// Per group: its columns, when they are neighbours in column order.
    pub(super) spans: Vec<Option<std::ops::Range<usize>>>,
}

impl Sweep {
    pub fn new(plan: &Plan) -> Sweep {
        let bases = plan
            .reverse
            .iter()
            .map(|&r| if r { plan.range as u32 + 1 } else { 0 })
            .collect();
        let mut group_of = vec![plan.groups.len(); plan.n_scale()];
        for (g, members) in plan.groups.iter().enumerate() {
            for &c in members {
                group_of[c] = g;
            }
        }
        let mut runs: Vec<(usize, usize, usize)> = Vec::new();
        for (c, &g) in group_of.iter().enumerate() {
            match runs.last_mut() {
                Some(run) if run.2 == g => run.1 = c + 1,
                _ => runs.push((c, c + 1, g)),
            }
        }
        let spans = plan
            .groups
            .iter()
            .map(|m| {
                let first = *m.first()?;
                let neighbours = m.iter().enumerate().all(|(j, &c)| c == first + j);
                neighbours.then(|| first..first + m.len())
            })
            .collect();
        Sweep {
            bases,
            runs,
            spans,
            steps: Step::table(plan),
            coded: vec![u16::MAX; plan.n_scale()],
            group_sums: vec![(0, 0); plan.groups.len() + 1],
        }
    }

    /// Reverse-code a row's answers (one per scale column) into `coded`,
    /// sum them by group, and hand each answered column and its step to
    /// `add`.
    #[inline]
    pub fn run(&mut self, answers: &[Option<u16>], mut add: impl FnMut(usize, &Step)) {
        let (steps, coded, bases) = (&self.steps[..], &mut self.coded[..], &self.bases[..]);
        self.group_sums.iter_mut().for_each(|g| *g = (0, 0));
        for &(from, to, g) in &self.runs {
            // Sums kept in registers along the run, not through memory.
            let (mut n, mut sum) = (0usize, 0u64);
            let run = answers[from..to]
                .iter()
                .zip(&bases[from..to])
                .zip(&mut coded[from..to]);
            for (c, ((a, &base), coded)) in (from..to).zip(run) {
                *coded = match *a {
                    Some(raw) => {
                        let step = &steps[(base + raw as u32) as usize];
                        add(c, step);
                        n += 1;
                        sum += step.coded as u64;
                        step.coded
                    }
                    None => u16::MAX,
                };
            }
            let gs = &mut self.group_sums[g];
            gs.0 += n;
            gs.1 += sum;
        }
    }

    /// The step of column `c`'s answer `raw`.
    pub fn step(&self, c: usize, raw: u16) -> &Step {
        &self.steps[(self.bases[c] + raw as u32) as usize]
    }
}
