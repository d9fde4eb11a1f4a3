//! The reader's writer of marks off the event loop: one thread with its own store
//! connection takes the markings in the order they were asked for (marking
//! 60,000 stories read takes seconds in SQLite, and a frame must never wait for
//! it) and answers each with exactly what changed.

use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread::JoinHandle;

use crate::app::action::Arrival;
use crate::store::{Mark, Marked, Selection, Store, StoreError};

/// One write for the marker thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Job {
    /// Set (or clear) the read mark of these stories.
    Read { uids: Vec<String>, on: bool },
    /// Mark every story of a selection read.
    Selection(Selection),
    /// Turn a marking back.
    Undo(Marked),
    /// The reader opened a story: mark it read and remember it as the last
    /// selected (while other marks are being written, so as not to wait).
    Opened(String),
    /// Save or unsave a story (while other marks are being written).
    Saved { uid: String, saved: bool },
    /// Remember a piece of the reader's state (while marks are being written).
    State { name: &'static str, value: String },
}

/// The marker thread and the answers it owes.
pub struct Marker {
    jobs: Option<Sender<Job>>,
    answers: Receiver<Option<Arrival>>,
    pending: usize,
    /// Jobs answered since [`Marker::take_answered`]: each wrote to the store,
    /// whether or not the reader hears of it (an opened story's read mark).
    answered: usize,
    thread: Option<JoinHandle<()>>,
}

impl Marker {
    /// Starts the thread on its own connection to the store ([`Store::sibling`]),
    /// or on why there is none (each job then says so).
    pub fn start(store: Result<Store, StoreError>) -> Marker {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (answer, answers) = mpsc::channel();
        let thread = std::thread::spawn(move || {
            let mut store = store;
            for job in inbox {
                let reply = match &mut store {
                    Ok(store) => run(store, job),
                    Err(e) => Some(Arrival::MarkFailed(format!("cannot mark: {e}"))),
                };
                if answer.send(reply).is_err() {
                    break;
                }
            }
        });
        Marker {
            jobs: Some(jobs),
            answers,
            pending: 0,
            answered: 0,
            thread: Some(thread),
        }
    }

    /// Queues a job.
    pub fn send(&mut self, job: Job) {
        if let Some(jobs) = &self.jobs {
            if jobs.send(job).is_ok() {
                self.pending += 1;
            }
        }
    }

    /// True while jobs are waiting for their answer.
    pub fn busy(&self) -> bool {
        self.pending > 0
    }

    /// The answers so far, without waiting.
    pub fn poll(&mut self) -> Vec<Arrival> {
        self.drain(false)
    }

    /// Waits until every job is written, and ends the thread.
    pub fn finish(&mut self) -> Vec<Arrival> {
        self.jobs = None;
        let out = self.drain(true);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        out
    }

    /// True when a job was answered since the last call.
    pub fn take_answered(&mut self) -> bool {
        std::mem::take(&mut self.answered) > 0
    }

    /// The answers owed, waiting for each when `wait`. A thread that is gone
    /// fails every job still owed, so nobody waits for it.
    fn drain(&mut self, wait: bool) -> Vec<Arrival> {
        let mut out = Vec::new();
        while self.pending > 0 {
            let answer = if wait {
                self.answers.recv().map_err(|_| TryRecvError::Disconnected)
            } else {
                self.answers.try_recv()
            };
            match answer {
                Ok(a) => {
                    self.pending -= 1;
                    self.answered += 1;
                    out.extend(a);
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    let failed = "the marks stopped being written unexpectedly";
                    out.extend((0..self.pending).map(|_| Arrival::MarkFailed(failed.into())));
                    self.pending = 0;
                }
            }
        }
        out
    }
}

/// Writes one job; what the reader hears of it.
fn run(store: &mut Store, job: Job) -> Option<Arrival> {
    let marked = |r: Result<Marked, StoreError>, undo| match r {
        Ok(marked) => Arrival::Marked { marked, undo },
        Err(e) => Arrival::MarkFailed(e.to_string()),
    };
    match job {
        Job::Read { uids, on } => Some(marked(store.mark_uids(&uids, Mark::Read, on), false)),
        Job::Selection(s) => Some(marked(store.mark_selection(&s, Mark::Read, true), false)),
        Job::Undo(m) => Some(marked(store.undo(&m), true)),
        Job::Opened(uid) => store
            .set_read(&uid, true)
            .and_then(|_| store.set_state(super::runtime::LAST_SELECTED, &uid))
            .err()
            .map(|e| Arrival::Notice(e.to_string())),
        Job::Saved { uid, saved } => Some(match store.set_saved(&uid, saved) {
            Ok(()) => Arrival::Saved { uid, saved },
            Err(e) => super::runtime::failed(uid, e),
        }),
        Job::State { name, value } => store
            .set_state(name, &value)
            .err()
            .map(|e| Arrival::Notice(e.to_string())),
    }
}
