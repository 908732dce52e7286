//! Which thread sums a line: the one that owns its company.
//!
//! Real exports are ordered by response time, so every company's rows are
//! spread over the whole file. Were each thread to sum every line of the
//! parts it reads, each would build every company (twice the memory), and
//! the two copies of each company would be merged at the end (a cache miss
//! per company, on a list as long as the companies). Instead companies are
//! partitioned by a hash of their id: thread `t` owns the companies whose
//! hash is `t` modulo the threads. A thread reads its parts as before
//! (lines counted, quotes checked, by the reader), sums the lines of the
//! companies it owns at once, and puts the others' lines, with their part
//! and line number, into one outbox per owner, sent when the part is read.
//! Between parts, and once its parts are done until every other thread is,
//! a thread reads its inbox and sums those lines as its own. So a company
//! is built by one thread only, its sums never merged across threads, and
//! each thread's companies are half as many (a smaller working set).
//!
//! Only the sums' location depends on the routing, never their values:
//! rows keep their file-order key ([`crate::ingest::Row::order`]) and their
//! part and line, every sink sums order-free, and merging accumulators that
//! do share a company is still exact. So a line whose company cell cannot
//! be found cheaply (too few cells, not UTF-8) stays where it was read,
//! and an outbox that cannot be sent (its thread did not start, or gave up)
//! is summed by the thread that filled it.

use super::Shared;
use std::sync::mpsc::{Receiver, Sender};

/// Lines read by one thread for another: their bytes, one after another,
/// and per line (part, line within it, end in `bytes`).
#[derive(Default)]
pub(super) struct Outbox {
    bytes: Vec<u8>,
    lines: Vec<(usize, u64, usize)>,
}

impl Outbox {
    pub(super) fn push(&mut self, k: usize, i: u64, line: &[u8]) {
        self.bytes.extend_from_slice(line);
        self.lines.push((k, i, self.bytes.len()));
    }

    fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Every line: (part, line within it, bytes).
    pub(super) fn each(&self, mut f: impl FnMut(usize, u64, &[u8])) {
        let mut from = 0;
        for &(k, i, to) in &self.lines {
            f(k, i, &self.bytes[from..to]);
            from = to;
        }
    }
}

/// One thread's end of the routing.
pub(super) struct Route {
    /// This thread's number.
    pub(super) me: usize,
    /// Threads that own companies.
    owners: usize,
    /// Per thread, lines waiting to be sent (this thread's stays empty).
    pub(super) outbox: Vec<Outbox>,
    /// Per thread, where its lines go (`None`: here, or no longer there).
    senders: Vec<Option<Sender<Outbox>>>,
    inbox: Receiver<Outbox>,
}

/// A route for each of `threads` threads, linked to one another.
pub(super) fn routes(threads: usize) -> Vec<Route> {
    let threads = threads.max(1);
    let (txs, rxs): (Vec<_>, Vec<_>) = (0..threads).map(|_| std::sync::mpsc::channel()).unzip();
    rxs.into_iter()
        .enumerate()
        .map(|(me, inbox)| Route {
            me,
            owners: threads,
            outbox: (0..threads).map(|_| Outbox::default()).collect(),
            senders: txs
                .iter()
                .enumerate()
                .map(|(t, tx)| (t != me).then(|| tx.clone()))
                .collect(),
            inbox,
        })
        .collect()
}

/// The hash that partitions companies (FNV-1a: ids are short).
fn company_hash(id: &[u8]) -> u64 {
    id.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

impl Route {
    /// The thread that sums `line`, read from a quote-free part.
    #[inline]
    pub(super) fn owner(&self, sh: &Shared, line: &[u8]) -> usize {
        if self.owners < 2 {
            return self.me;
        }
        let column = sh.rows.map.company;
        let mut cells = memchr::memchr_iter(sh.delimiter, line);
        let from = match column {
            0 => 0,
            c => match cells.nth(c - 1) {
                Some(d) => d + 1,
                None => return self.me,
            },
        };
        let to = cells.next().unwrap_or(line.len());
        let Ok(id) = std::str::from_utf8(&line[from..to]) else {
            return self.me;
        };
        let t = (company_hash(sh.rows.parser.company(id).as_bytes()) % self.owners as u64) as usize;
        match self.senders[t] {
            Some(_) => t,
            None => self.me,
        }
    }

    /// Send every outbox to its thread; the lines of one that cannot be sent
    /// are given to `here`.
    pub(super) fn flush(&mut self, mut here: impl FnMut(&Outbox)) {
        for t in 0..self.owners {
            if self.outbox[t].is_empty() {
                continue;
            }
            let lines = std::mem::take(&mut self.outbox[t]);
            let sent = match &self.senders[t] {
                Some(tx) => tx.send(lines),
                None => Err(std::sync::mpsc::SendError(lines)),
            };
            if let Err(std::sync::mpsc::SendError(lines)) = sent {
                self.senders[t] = None;
                here(&lines);
            }
        }
    }

    /// The lines other threads have sent so far.
    pub(super) fn received(&self) -> Option<Outbox> {
        self.inbox.try_recv().ok()
    }

    /// No more lines will be sent from here: the lines still to come, until
    /// every other thread is done.
    pub(super) fn close(mut self) -> impl Iterator<Item = Outbox> {
        self.senders.clear();
        self.inbox.into_iter()
    }
}
