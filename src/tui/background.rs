//! Work the reader runs off its event loop: refreshing the subscriptions on a
//! thread with its own store connection, reporting progress and the outcome as
//! arrivals that the event loop picks up between keys.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::app::action::Arrival;
use crate::refresh::{self, Options, RefreshError, RefreshTotals, SourceResult};
use crate::store::Store;

/// Background work in flight.
#[derive(Default)]
pub struct Background {
    refresh: Option<Receiver<Arrival>>,
}

impl Background {
    pub fn new() -> Self {
        Background::default()
    }

    /// True while a refresh runs.
    pub fn busy(&self) -> bool {
        self.refresh.is_some()
    }

    /// Starts refreshing the store in `dir` on another thread.
    pub fn start_refresh(&mut self, dir: PathBuf, opts: Options) {
        let (tx, rx) = mpsc::channel();
        self.refresh = Some(rx);
        std::thread::spawn(move || {
            let progress = tx.clone();
            let outcome = (|| -> Result<_, RefreshError> {
                let mut store = Store::open(&dir)?;
                refresh::refresh(&mut store, &opts, |done, total, r| {
                    let _ = progress.send(Arrival::RefreshProgress {
                        done,
                        total,
                        label: r.subscription.label().to_string(),
                    });
                })
            })();
            let summary = match outcome {
                Ok(results) if results.is_empty() => refresh::NO_SUBSCRIPTIONS.into(),
                Ok(results) => summary(&results),
                Err(e) => format!("refresh failed: {e}"),
            };
            let _ = tx.send(Arrival::RefreshDone(summary));
        });
    }

    /// What the background work reported since the last look, without waiting.
    pub fn poll(&mut self) -> Vec<Arrival> {
        let mut out = Vec::new();
        let Some(rx) = &self.refresh else {
            return out;
        };
        loop {
            match rx.try_recv() {
                Ok(action) => {
                    let done = matches!(action, Arrival::RefreshDone(_));
                    out.push(action);
                    if done {
                        self.refresh = None;
                        break;
                    }
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.refresh = None;
                    out.push(Arrival::RefreshDone(
                        "the refresh stopped unexpectedly".into(),
                    ));
                    break;
                }
            }
        }
        out
    }
}

/// One line for the status bar: the totals, and the first failure by name.
pub fn summary(results: &[SourceResult]) -> String {
    let t = RefreshTotals::of(results);
    let mut s = format!(
        "refreshed {}: {} new, {} updated",
        results.len(),
        t.added,
        t.updated
    );
    if let Some(first) = t.failed.first() {
        s.push_str(&format!(", {} failed ({first})", t.failed.len()));
    }
    s
}
