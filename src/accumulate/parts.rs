//! Reading in parts: the sums of one input read in parts (on several
//! threads) merged into one accumulator, companies in order of first
//! appearance, and what the split pass reads ahead of adding its rows.

use super::{Accumulator, CompanyAcc};

impl Accumulator {
    /// Add the sums of `other`, an accumulator for the same instrument fed
    /// other rows of the same input. Companies end up in the order of their
    /// first row (by [`crate::ingest::Row::order`]), as if all rows had
    /// come through one accumulator; sums are the same whenever both were
    /// [`order_free`](Self::order_free).
    pub fn merge(&mut self, mut other: Accumulator) {
        self.ensure_index();
        if self.ids.is_empty() && self.reliability.iter().all(|r| r.n == 0) {
            // Nothing here yet: take the other's sums as they are.
            other.order_free &= self.order_free;
            *self = other;
            return;
        }
        // The other's segment values in this one's numbers.
        if !other.declared.ids().is_empty() {
            let map = self.declared.absorb(&other.declared);
            for c in &mut other.companies {
                if !c.declared().is_empty() {
                    c.declared_mut()
                        .iter_mut()
                        .for_each(|v| v.0 = map[v.0 as usize]);
                }
            }
        }
        // Where each of the other's companies goes: its place here, if any.
        let places: Vec<Option<usize>> = other.ids.iter().map(|id| self.index.get(id)).collect();
        self.merge_known(&other.companies, &places);
        for (a, b) in self.reliability.iter_mut().zip(&other.reliability) {
            a.merge(b);
        }
        self.order_free &= other.order_free;
        // The other's companies new here join.
        let joining = places.iter().filter(|p| p.is_none()).count();
        self.ids.reserve_exact(joining);
        self.companies.reserve_exact(joining);
        for ((id, c), place) in other.ids.into_iter().zip(other.companies).zip(places) {
            if place.is_none() {
                self.ids.push(id);
                self.companies.push(c);
            }
        }
        self.first_appearance_order();
        // Companies have moved: the index is built again should a row or
        // another merge come (most often none does, and the reader frees
        // it).
        self.release_index();
    }

    /// Put the companies in order of their first row (in place: a long
    /// list is not copied). The index is left as it was, out of date.
    fn first_appearance_order(&mut self) {
        let mut order: Vec<(u64, usize)> = self
            .companies
            .iter()
            .enumerate()
            .map(|(i, c)| (c.first(), i))
            .collect();
        order.sort_unstable();
        if order.iter().enumerate().all(|(k, &(_, i))| k == i) {
            return;
        }
        // `from[k]`: where the company that belongs at `k` is now. Each
        // cycle of the permutation is followed once, by swaps.
        let mut from: Vec<usize> = order.into_iter().map(|(_, i)| i).collect();
        for k in 0..from.len() {
            let mut at = k;
            while from[at] != k {
                let next = from[at];
                self.ids.swap(at, next);
                self.companies.swap(at, next);
                from[at] = at;
                at = next;
            }
            from[at] = at;
        }
    }
}

/// Below this many companies the sums are not asked for ahead of a row
/// ([`crate::ingest::SplitSink::places`]): they stay in the cache.
const AHEAD_MIN: usize = 4096;

/// Below this many companies to merge, one thread merges them all.
const PARALLEL_MERGE_MIN: usize = 1024;

impl Accumulator {
    /// Add each of `theirs` to the company at its place here (`None`: none
    /// here), the two halves of this list on two threads when long.
    fn merge_known(&mut self, theirs: &[CompanyAcc], places: &[Option<usize>]) {
        let (plan, spill_after) = (&self.plan, self.spill_after);
        let merge_into = |part: &mut [CompanyAcc], from: usize| {
            let to = from + part.len();
            for (c, place) in theirs.iter().zip(places) {
                if let Some(i) = place.filter(|i| (from..to).contains(i)) {
                    part[i - from].merge(plan, c, spill_after);
                }
            }
        };
        let mid = self.companies.len() / 2;
        let (lo, hi) = self.companies.split_at_mut(mid);
        if theirs.len() < PARALLEL_MERGE_MIN {
            merge_into(lo, 0);
            merge_into(hi, mid);
            return;
        }
        // The second half is lent through a lock, so that this thread can
        // still merge it should no second thread start.
        let hi = std::sync::Mutex::new(hi);
        let merge_hi = || {
            let mut hi = hi.lock().unwrap_or_else(|e| e.into_inner());
            merge_into(&mut hi, mid);
        };
        std::thread::scope(|scope| {
            let second = std::thread::Builder::new().spawn_scoped(scope, merge_hi);
            merge_into(lo, 0);
            match second.map(|h| h.join()) {
                Ok(Ok(())) => {}
                Ok(Err(panic)) => std::panic::resume_unwind(panic),
                Err(_) => merge_hi(),
            }
        });
    }
}

impl crate::ingest::SplitSink for Accumulator {
    fn empty_like(&self) -> Self {
        Accumulator::empty_like(self)
    }
    fn merge(&mut self, other: Self) {
        Accumulator::merge(self, other)
    }
    fn order_free(&self) -> bool {
        Accumulator::order_free(self)
    }
    fn places(&self, companies: &[&str], places: &mut [Option<usize>]) {
        // A few thousand companies' sums stay in the cache as they are.
        if self.companies.len() < AHEAD_MIN {
            places.fill(None);
            return;
        }
        for (at, id) in places.iter_mut().zip(companies) {
            *at = self.index.get(id);
        }
        // The list entries, which say where the records are, read together.
        let mut sum = 0u64;
        for c in places
            .iter()
            .flatten()
            .filter_map(|&at| self.companies.get(at))
        {
            sum = sum.wrapping_add(c.words() as u64);
        }
        std::hint::black_box(sum);
    }
    fn prefetch_head(&self, place: usize) {
        if let Some(c) = self.companies.get(place) {
            c.prefetch_head(&self.plan);
        }
    }
    fn prefetch_block(&self, place: usize, role: crate::ingest::values::Role) {
        if let Some(c) = self.companies.get(place) {
            c.prefetch_block(&self.plan, self.plan.slot(role));
        }
    }
}
