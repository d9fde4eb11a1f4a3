//! Work the reader runs off its event loop: refreshing the subscriptions on a
//! thread with its own store connection, reporting progress and the outcome as
//! actions that the event loop picks up between keys.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::app::action::Action;
use crate::refresh::{self, Options, Outcome, RefreshError, SourceResult};
use crate::store::Store;

/// Background work in flight.
#[derive(Default)]
pub struct Background {
    refresh: Option<Receiver<Action>>,
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
                if store.subscriptions()?.is_empty() {
                    return Ok(None);
                }
                refresh::refresh(&mut store, &opts, |done, total, r| {
                    let _ = progress.send(Action::RefreshProgress {
                        done,
                        total,
                        label: r.subscription.label().to_string(),
                    });
                })
                .map(Some)
            })();
            let summary = match outcome {
                Ok(Some(results)) => summary(&results),
                Ok(None) => "no subscriptions; add one with `tidings subscribe URL`".into(),
                Err(e) => format!("refresh failed: {e}"),
            };
            let _ = tx.send(Action::RefreshDone(summary));
        });
    }

    /// What the background work reported since the last look, without waiting.
    pub fn poll(&mut self) -> Vec<Action> {
        let mut out = Vec::new();
        let Some(rx) = &self.refresh else {
            return out;
        };
        loop {
            match rx.try_recv() {
                Ok(action) => {
                    let done = matches!(action, Action::RefreshDone(_));
                    out.push(action);
                    if done {
                        self.refresh = None;
                        break;
                    }
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.refresh = None;
                    out.push(Action::RefreshDone(
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
    let (mut added, mut updated, mut failed) = (0, 0, Vec::new());
    for r in results {
        match &r.outcome {
            Outcome::Imported { tally, .. } => {
                added += tally.added;
                updated += tally.updated;
            }
            Outcome::Failed(reason) => failed.push(format!("{}: {reason}", r.subscription.label())),
            Outcome::NotModified => {}
        }
    }
    let mut s = format!(
        "refreshed {}: {added} new, {updated} updated",
        results.len()
    );
    if let Some(first) = failed.first() {
        s.push_str(&format!(", {} failed ({first})", failed.len()));
    }
    s
}
