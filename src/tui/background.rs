//! Work the reader runs off its event loop: refreshing the subscriptions on a
//! thread with its own store connection, reporting progress and the outcome as
//! arrivals that the event loop picks up between keys; writing marks
//! ([`Marker`]); and questions that read for longer than a key may wait (the
//! saved queries' counts, the claims that answer a query, a thread read
//! whole), each answered on a
//! thread of its own ([`Background::ask`]). It also keeps the settings effects are carried out with (the
//! refresh's limits, the browser command).

use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

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
    /// Questions asked off the event loop, not answered yet.
    asked: Vec<Receiver<Arrival>>,
    /// Set when background work wrote to the store, until [`Background::take_wrote`].
    wrote: bool,
    /// How `R` refreshes (the config's `[refresh]`).
    pub options: Options,
    /// The config's browser command (empty: `$BROWSER`, else the platform's).
    pub browser: String,
    /// The list shows each thread once (the config's `threads`), or every story.
    pub threads: bool,
    /// The automatic refresh's interval (the config's `auto_interval_minutes`),
    /// if on.
    pub auto_every: Option<Duration>,
    /// True while the refresh running is the automatic one.
    auto_running: bool,
    /// When the last refresh ended (or the reader started): the next automatic
    /// one starts an interval later.
    idle_since: Option<Instant>,
}

/// Debug builds only: `TIDINGS_AUTO_REFRESH_SECS` sets the automatic refresh's
/// interval in seconds, so a test can watch several refreshes.
pub const AUTO_SECS_ENV: &str = "TIDINGS_AUTO_REFRESH_SECS";

/// The automatic refresh's interval: the config's minutes (0 is off), or in
/// debug builds [`AUTO_SECS_ENV`]'s seconds.
fn auto_interval(minutes: u64) -> Option<Duration> {
    #[cfg(debug_assertions)]
    if let Some(secs) = std::env::var(AUTO_SECS_ENV)
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
    {
        return (secs > 0).then(|| Duration::from_secs(secs));
    }
    (minutes > 0).then(|| Duration::from_secs(minutes.saturating_mul(60)))
}

impl Background {
    /// Background work with the built-in settings.
    pub fn new() -> Self {
        Background::default()
    }

    /// Background work with the config's settings.
    pub fn configured(settings: &Config) -> Self {
        Background {
            options: settings.refresh_options(),
            browser: settings.reader.browser.clone(),
            auto_every: auto_interval(settings.refresh.auto_interval_minutes),
            threads: settings.reader.threads,
            ..Background::default()
        }
    }

    /// True while a refresh runs.
    pub fn refreshing(&self) -> bool {
        self.refresh.is_some()
    }

    /// True when the automatic refresh is on and an interval has passed since
    /// the last refresh ended (or the reader started) at `now`.
    pub fn auto_due(&mut self, now: Instant) -> bool {
        let Some(every) = self.auto_every else {
            return false;
        };
        let since = *self.idle_since.get_or_insert(now);
        !self.refreshing() && now.duration_since(since) >= every
    }

    /// Starts the automatic refresh: only the subscriptions due, quietly (no
    /// progress; the status bar hears of it only when it brought news).
    pub fn start_auto_refresh(&mut self, store: Result<Store, StoreError>) {
        let every = self.auto_every.map(|d| d.as_secs().max(1));
        let opts = Options {
            due_every: every,
            ..self.options.clone()
        };
        self.auto_running = true;
        self.start_refresh(store, opts);
    }

    /// True while a refresh runs or marks are being written.
    pub fn busy(&self) -> bool {
        self.refresh.is_some() || self.marking()
    }

    /// True while a question asked with [`Background::ask`] is not answered.
    pub fn asking(&self) -> bool {
        !self.asked.is_empty()
    }

    /// Answers a question off the event loop: `work` reads `store` (a
    /// connection of its own, [`Store::sibling`], or why there is none) on
    /// another thread, and what it returns arrives with [`Background::poll`].
    pub fn ask(
        &mut self,
        store: Result<Store, StoreError>,
        work: impl FnOnce(&Store) -> Arrival + Send + 'static,
    ) {
        let (tx, rx) = mpsc::channel();
        self.asked.push(rx);
        std::thread::spawn(move || {
            let answer = match store {
                Ok(store) => work(&store),
                Err(e) => Arrival::Notice(e.to_string()),
            };
            let _ = tx.send(answer);
        });
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
        let Some(mut marker) = self.marker.take() else {
            return Vec::new();
        };
        let out = marker.finish();
        self.wrote |= marker.take_answered();
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
        let auto = opts.due_every.is_some();
        std::thread::spawn(move || {
            let progress = tx.clone();
            let outcome = (|| -> Result<_, RefreshError> {
                let mut store = store?;
                refresh::refresh(&mut store, &opts, |done, total, r| {
                    if !auto {
                        let _ = progress.send(Arrival::RefreshProgress {
                            done,
                            total,
                            label: r.subscription.label().to_string(),
                        });
                    }
                })
            })();
            let done = match outcome {
                Ok(results) if auto => Arrival::AutoRefreshed(news(&results)),
                Err(_) if auto => Arrival::AutoRefreshed(None),
                Ok(results) if results.is_empty() => {
                    Arrival::RefreshDone(refresh::NO_SUBSCRIPTIONS.into())
                }
                Ok(results) => Arrival::RefreshDone(summary(&results)),
                Err(e) => Arrival::RefreshDone(format!("refresh failed: {e}")),
            };
            let _ = tx.send(done);
        });
    }

    /// What the background work reported since the last look, without waiting.
    pub fn poll(&mut self) -> Vec<Arrival> {
        let mut out = Vec::new();
        if let Some(marker) = &mut self.marker {
            out = marker.poll();
            self.wrote |= marker.take_answered();
        }
        self.asked.retain(|rx| match rx.try_recv() {
            Ok(answer) => {
                out.push(answer);
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => false,
        });
        let Some(rx) = &self.refresh else {
            return out;
        };
        loop {
            match rx.try_recv() {
                Ok(action) => {
                    let done =
                        matches!(action, Arrival::RefreshDone(_) | Arrival::AutoRefreshed(_));
                    out.push(action);
                    if done {
                        self.refresh_ended();
                        self.wrote = true;
                        break;
                    }
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    let auto = self.auto_running;
                    self.refresh_ended();
                    out.push(if auto {
                        Arrival::AutoRefreshed(None)
                    } else {
                        Arrival::RefreshDone("the refresh stopped unexpectedly".into())
                    });
                    break;
                }
            }
        }
        out
    }
}

impl Background {
    /// A refresh ended: the next automatic one is an interval away.
    fn refresh_ended(&mut self) {
        self.refresh = None;
        self.auto_running = false;
        self.idle_since = Some(Instant::now());
    }
}

/// What the status bar says of an automatic refresh: only news (`auto-refresh:
/// 3 new, 1 updated`), else nothing.
pub fn news(results: &[SourceResult]) -> Option<String> {
    let t = RefreshTotals::of(results);
    (t.added + t.updated > 0)
        .then(|| format!("auto-refresh: {} new, {} updated", t.added, t.updated))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_automatic_refresh_is_off_by_default_and_minutes_apart() {
        assert_eq!(auto_interval(0), None);
        assert_eq!(auto_interval(5), Some(Duration::from_secs(300)));
        let mut bg = Background::configured(&Config::default());
        assert!(!bg.auto_due(Instant::now() + Duration::from_secs(86_400)));
        bg.auto_every = Some(Duration::from_secs(60));
        let start = Instant::now();
        assert!(!bg.auto_due(start), "not at start");
        assert!(!bg.auto_due(start + Duration::from_secs(59)));
        assert!(bg.auto_due(start + Duration::from_secs(60)));
    }
}
