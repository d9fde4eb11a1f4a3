//! Work the reader runs off its event loop: refreshing the subscriptions on a
//! thread with its own store connection, reporting progress and the outcome as
//! arrivals that the event loop picks up between keys; and writing marks
//! ([`Marker`]). It also keeps the settings effects are carried out with (the
//! refresh's limits, the browser command).

use std::sync::mpsc::{self, Receiver, TryRecvError};

use super::marker::{Job, Marker};
use crate::app::action::Arrival;
use crate::config::Config;
use crate::refresh::{self, Options, RefreshError, RefreshTotals, SourceResult};
use crate::store::{Store, StoreError};

/// Background work in flight, and how effects are carried out.
#[derive(Default)]
pub struct Background {
    refresh: Option<Receiver<Arrival>>,
    marker: Option<Marker>,
    /// Set when background work wrote to the store, until [`Background::take_wrote`].
    wrote: bool,
    /// How `R` refreshes (the config's `[refresh]`).
    pub options: Options,
    /// The config's browser command (empty: `$BROWSER`, else the platform's).
    pub browser: String,
}

impl Background {
    /// Background work with the built-in settings.
    pub fn new() -> Self {
        Background::default()
    }

    /// Background work with the config's settings.
    pub fn configured(settings: &Config) -> Self {
        Background {
            options: settings.refresh.options(),
            browser: settings.reader.browser.clone(),
            ..Background::default()
        }
    }

    /// True while a refresh runs or marks are being written.
    pub fn busy(&self) -> bool {
        self.refresh.is_some() || self.marking()
    }

    /// True while marks are being written.
    pub fn marking(&self) -> bool {
        self.marker.as_ref().is_some_and(Marker::busy)
    }

    /// Writes marks to `store` off the event loop, through a connection of the
    /// marker's own, after those asked for before.
    pub fn mark(&mut self, store: &Store, job: Job) {
        self.marker
            .get_or_insert_with(|| Marker::start(store.sibling()))
            .send(job);
    }

    /// Waits for the marks still being written (the reader is closing).
    pub fn finish_marks(&mut self) -> Vec<Arrival> {
        let out = self.marker.as_mut().map(Marker::finish).unwrap_or_default();
        self.marker = None;
        self.wrote |= !out.is_empty();
        out
    }

    /// True when background work wrote to the store since the last call: the
    /// store's change counter moved for our own writes, not another process's.
    pub fn take_wrote(&mut self) -> bool {
        std::mem::take(&mut self.wrote)
    }

    /// Starts refreshing on another thread, on `store`: a connection of its own
    /// ([`Store::sibling`]), or why there is none.
    pub fn start_refresh(&mut self, store: Result<Store, StoreError>, opts: Options) {
        let (tx, rx) = mpsc::channel();
        self.refresh = Some(rx);
        std::thread::spawn(move || {
            let progress = tx.clone();
            let outcome = (|| -> Result<_, RefreshError> {
                let mut store = store?;
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
        let mut out = self.marker.as_mut().map(Marker::poll).unwrap_or_default();
        self.wrote |= !out.is_empty();
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
                        self.wrote = true;
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
