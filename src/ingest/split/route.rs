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
//! Each thread's inbox holds at most [`IN_FLIGHT`] outboxes: a thread
//! whose outbox finds the inbox full sums the lines in its own inbox while
//! it waits, so neither waits on the other for good, and the lines in
//! flight stay a few parts' worth however unevenly the threads are
//! scheduled (an unbounded inbox grew by the lines of every part the other
//! thread read while this one was held up).
//!
//! Only the sums' location depends on the routing, never their values:
//! rows keep their file-order key ([`crate::ingest::Row::order`]) and their
//! part and line, every sink sums order-free, and merging accumulators that
//! do share a company is still exact. So a line whose company cell cannot
//! be found cheaply (too few cells, not UTF-8) stays where it was read,
//! and an outbox that cannot be sent (its thread did not start, or gave up)
//! is summed by the thread that filled it.

use super::Shared;
use crate::ingest::quick::nth_byte;
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, TrySendError};
use std::time::Duration;

/// Outboxes an inbox holds at most (each about half a part).
const IN_FLIGHT: usize = 4;

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
    pub(super) fn iter(&self) -> impl Iterator<Item = (usize, u64, &[u8])> + '_ {
        let mut from = 0;
        self.lines.iter().map(move |&(k, i, to)| {
            let line = (k, i, &self.bytes[from..to]);
            from = to;
            line
        })
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
    senders: Vec<Option<SyncSender<Outbox>>>,
    inbox: Receiver<Outbox>,
}

/// A route for each of `threads` threads, linked to one another.
pub(super) fn routes(threads: usize) -> Vec<Route> {
    let threads = threads.max(1);
    let (txs, rxs): (Vec<_>, Vec<_>) = (0..threads)
        .map(|_| std::sync::mpsc::sync_channel(IN_FLIGHT))
        .unzip();
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
    /// The thread that sums `line`: found from the cell between the
    /// delimiters around the company column, quotes and all. A quoted
    /// cell holding a delimiter may make it another cell: only where the
    /// line is summed depends on that, and a company whose lines were
    /// summed by two threads is merged exactly (see the module's
    /// documentation).
    #[inline]
    pub(super) fn owner(&self, sh: &Shared, line: &[u8]) -> usize {
        if self.owners < 2 {
            return self.me;
        }
        let column = sh.rows.map.company;
        let d = sh.delimiter;
        let from = match column {
            0 => 0,
            c => match nth_byte(line, d, c - 1) {
                Some(at) => at + 1,
                None => return self.me,
            },
        };
        let to = nth_byte(&line[from..], d, 0).map_or(line.len(), |at| from + at);
        let Ok(id) = std::str::from_utf8(line[from..to].trim_ascii()) else {
            return self.me;
        };
        let t = (company_hash(sh.rows.parser.company(id).as_bytes()) % self.owners as u64) as usize;
        match self.senders[t] {
            Some(_) => t,
            None => self.me,
        }
    }

    /// Send every outbox to its thread; the lines of one that cannot be sent
    /// are given to `here`, as are those received while an inbox is full.
    pub(super) fn flush(&mut self, mut here: impl FnMut(&Outbox)) {
        for t in 0..self.owners {
            if self.outbox[t].is_empty() {
                continue;
            }
            let mut lines = std::mem::take(&mut self.outbox[t]);
            loop {
                let Some(tx) = &self.senders[t] else {
                    here(&lines);
                    break;
                };
                match tx.try_send(lines) {
                    Ok(()) => break,
                    Err(TrySendError::Full(back)) => {
                        lines = back;
                        // Sum what came here meanwhile, or wait a little
                        // for it: the other thread may be waiting on this
                        // inbox in turn.
                        match self.inbox.recv_timeout(Duration::from_millis(1)) {
                            Ok(received) => here(&received),
                            Err(RecvTimeoutError::Timeout) => {}
                            // Nothing more can come here (every other
                            // thread is done sending).
                            Err(RecvTimeoutError::Disconnected) => std::thread::yield_now(),
                        }
                    }
                    Err(TrySendError::Disconnected(back)) => {
                        self.senders[t] = None;
                        here(&back);
                        break;
                    }
                }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Two threads that each send many more outboxes than an inbox holds,
    /// before either reads its inbox between parts, both finish, and every
    /// line is summed once: by its owner, or by the sender when the owner
    /// is gone.
    #[test]
    fn full_inboxes_neither_block_nor_lose_lines() {
        const SENT: u64 = 20 * IN_FLIGHT as u64;
        let routes = routes(2);
        let counts: Vec<u64> = std::thread::scope(|s| {
            let handles: Vec<_> = routes
                .into_iter()
                .map(|mut route| {
                    s.spawn(move || {
                        let other = 1 - route.me;
                        let mut summed = 0u64;
                        let mut lines_of = |o: &Outbox| summed += o.iter().count() as u64;
                        for i in 0..SENT {
                            route.outbox[other].push(0, i, b"line");
                            route.flush(&mut lines_of);
                        }
                        for o in route.close() {
                            lines_of(&o);
                        }
                        summed
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert_eq!(counts, [SENT, SENT]);
    }

    /// An outbox for a thread that is gone is summed where it was filled.
    #[test]
    fn an_outbox_for_a_thread_gone_is_summed_here() {
        let mut routes = routes(2);
        let gone = routes.pop();
        drop(gone);
        let mut route = routes.pop().unwrap();
        let mut summed = 0;
        for i in 0..3 * IN_FLIGHT as u64 {
            route.outbox[1].push(0, i, b"x");
            route.flush(|o| summed += o.iter().count());
        }
        assert_eq!(summed, 3 * IN_FLIGHT);
        assert!(route.senders[1].is_none());
    }
}
