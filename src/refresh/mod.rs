//! `tidings refresh`: fetches every subscription over HTTP(S), several at once, each
//! conditionally (ETag / Last-Modified), and imports what changed. Network and
//! parsing run on worker threads; the store is written by the calling thread only,
//! one transaction per subscription, so one failing source never costs the others.
//! After each subscription lands, its feeds are cut to their `max_items`.

pub mod http;

use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use crate::feeds::{self, kagi::CitationTally, Contents};
use crate::store::{
    feed_name, Change, ChangeCounts, MaxItems, Store, StoreError, Subscription, Validators,
};
use http::{Client, Fetched, Limits};

/// Subscriptions fetched at once, unless told otherwise.
pub const DEFAULT_JOBS: u16 = 4;
/// The most subscriptions fetched at once.
pub const MAX_JOBS: u16 = 32;
/// Seconds allowed for each fetch, from connecting to the last byte, unless told
/// otherwise.
pub const DEFAULT_TIMEOUT_SECS: u64 = 30;
/// The longest timeout accepted, in seconds.
pub const MAX_TIMEOUT_SECS: u64 = 3600;
/// The largest response read, in bytes, unless told otherwise.
pub const DEFAULT_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// The longest a feed's `<ttl>` or `Retry-After` keeps the automatic refresh
/// away from it: a day.
pub const LONGEST_WAIT_SECS: u64 = 24 * 60 * 60;

/// How a refresh runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Subscriptions fetched at once.
    pub jobs: usize,
    pub limits: Limits,
    /// An automatic refresh every so many seconds: only the subscriptions due
    /// ([`Store::due_subscriptions`]); `None` fetches every one.
    pub due_every: Option<u64>,
    /// How many stories each feed keeps (the config's `[retention]`): a feed a
    /// subscription brought news to is cut to it after the news lands.
    pub max_items: MaxItems,
}

impl Options {
    /// `jobs` at once (1 to [`MAX_JOBS`]), `timeout_secs` for each fetch (1 to
    /// [`MAX_TIMEOUT_SECS`]), responses up to `max_bytes`.
    pub fn new(jobs: u16, timeout_secs: u64, max_bytes: u64) -> Options {
        Options {
            jobs: jobs.clamp(1, MAX_JOBS).into(),
            limits: Limits {
                timeout: Duration::from_secs(timeout_secs.clamp(1, MAX_TIMEOUT_SECS)),
                max_bytes,
            },
            due_every: None,
            max_items: MaxItems::default(),
        }
    }
}

impl Default for Options {
    fn default() -> Self {
        Options::new(DEFAULT_JOBS, DEFAULT_TIMEOUT_SECS, DEFAULT_MAX_BYTES)
    }
}

/// What refreshing one subscription did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedOutcome {
    /// The server said nothing changed (304).
    NotModified,
    /// The feed was read and imported; `skipped` items, clusters or category
    /// files could not be, the first of them for `first_skip`'s reason;
    /// `removed` older stories went to keep its feeds to their max items.
    Imported {
        tally: ChangeCounts,
        removed: u64,
        skipped: usize,
        first_skip: Option<String>,
        citations: CitationTally,
    },
    /// Nothing was imported, for this reason.
    Failed(String),
}

/// One subscription's result.
#[derive(Debug, Clone)]
pub struct SourceResult {
    pub subscription: Subscription,
    pub outcome: FeedOutcome,
}

impl SourceResult {
    /// The status line kept with the subscription and shown to the user; its
    /// reasons may quote a server, so it is cleaned for a terminal.
    pub fn status(&self) -> String {
        let line = match &self.outcome {
            FeedOutcome::NotModified => "not modified".into(),
            FeedOutcome::Imported {
                tally,
                removed,
                skipped,
                first_skip,
                ..
            } => {
                let mut s = format!(
                    "{} added, {} updated, {} unchanged",
                    tally.added, tally.updated, tally.unchanged
                );
                if *removed > 0 {
                    s.push_str(&format!(", {removed} over max_items removed"));
                }
                if *skipped > 0 {
                    s.push_str(&format!(", {skipped} skipped"));
                }
                if let Some(reason) = first_skip {
                    s.push_str(&format!(" (first: {reason})"));
                }
                s
            }
            FeedOutcome::Failed(reason) => format!("failed: {reason}"),
        };
        crate::text::sanitize::for_terminal_owned(line)
    }
}

/// Sums over a refresh's results, for the closing line of the command and the
/// reader's status bar.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct RefreshTotals {
    pub added: usize,
    pub updated: usize,
    pub not_modified: usize,
    /// Stories removed to keep feeds to their max items.
    pub removed: u64,
    /// `label: reason` of each subscription that failed.
    pub failed: Vec<String>,
}

impl RefreshTotals {
    pub fn of(results: &[SourceResult]) -> RefreshTotals {
        let mut t = RefreshTotals::default();
        for r in results {
            match &r.outcome {
                FeedOutcome::Imported { tally, removed, .. } => {
                    t.added += tally.added;
                    t.updated += tally.updated;
                    t.removed += removed;
                }
                FeedOutcome::NotModified => t.not_modified += 1,
                FeedOutcome::Failed(reason) => t
                    .failed
                    .push(format!("{}: {reason}", r.subscription.label())),
            }
        }
        t
    }
}

/// One URL a subscription needed (the feed, or a Kagi index and its categories).
struct Page {
    url: String,
    result: Result<PageContent, String>,
}

enum PageContent {
    NotModified,
    Loaded(Box<Contents>, Validators),
}

/// Why a refresh could not run at all.
#[derive(Debug, thiserror::Error)]
pub enum RefreshError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The HTTP client could not be set up (an unusable `SSL_CERT_FILE`).
    #[error("{0}")]
    Client(String),
}

/// What to say when there is nothing to refresh.
pub const NO_SUBSCRIPTIONS: &str = "no subscriptions; add one with `tidings subscribe URL`";

/// Refreshes every subscription (none: no results); `progress(done, total,
/// result)` is called on this thread as each one lands. Store errors stop the refresh; network and feed
/// errors are results.
pub fn refresh(
    store: &mut Store,
    opts: &Options,
    mut progress: impl FnMut(usize, usize, &SourceResult),
) -> Result<Vec<SourceResult>, RefreshError> {
    let subs = match opts.due_every {
        Some(every) => store.due_subscriptions(
            chrono::Utc::now().timestamp(),
            i64::try_from(every).unwrap_or(i64::MAX),
        )?,
        None => store.subscriptions()?,
    };
    if subs.is_empty() {
        return Ok(Vec::new());
    }
    let known = store.all_validators()?;
    let client = Client::new(opts.limits).map_err(RefreshError::Client)?;
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, Result<Vec<Page>, Failure>)>();
    let mut results: Vec<Option<SourceResult>> = vec![None; subs.len()];
    std::thread::scope(|scope| -> Result<(), StoreError> {
        for _ in 0..opts.jobs.clamp(1, MAX_JOBS.into()).min(subs.len()) {
            let tx = tx.clone();
            let (subs, known, client, next) = (&subs, &known, &client, &next);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(sub) = subs.get(i) else { break };
                if tx.send((i, fetch(client, &sub.url, known))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        for (done, (i, fetched)) in rx.iter().enumerate() {
            let mut subscription = subs[i].clone();
            // How long the feed asks to be left alone: its <ttl>, or Retry-After,
            // never more than a day (a feed must not silence itself for years).
            let wait = match &fetched {
                Ok(pages) => ttl_of(pages).map(|m| u64::from(m) * 60),
                Err(f) => f.retry_after,
            }
            .map(|secs| secs.min(LONGEST_WAIT_SECS));
            let outcome = match fetched {
                Ok(pages) => {
                    let (outcome, title) = land(
                        store,
                        &subscription.url,
                        subscription.name.as_deref(),
                        pages,
                        &opts.max_items,
                    )?;
                    // A subscription without a name takes its feed's title.
                    if let (None, Some(title)) = (&subscription.name, title) {
                        store.name_subscription(&subscription.url, &title)?;
                        subscription.name = Some(title);
                    }
                    outcome
                }
                Err(f) => FeedOutcome::Failed(f.reason),
            };
            let result = SourceResult {
                subscription,
                outcome,
            };
            let not_before = wait.map(|secs| {
                chrono::Utc::now()
                    .timestamp()
                    .saturating_add(i64::try_from(secs).unwrap_or(i64::MAX))
            });
            store.record_check(&subs[i].url, &result.status(), not_before)?;
            progress(done + 1, subs.len(), &result);
            results[i] = Some(result);
        }
        Ok(())
    })?;
    Ok(results.into_iter().flatten().collect())
}

/// The `<ttl>` of a subscription's first page, when it loaded and has one.
fn ttl_of(pages: &[Page]) -> Option<u32> {
    match &pages.first()?.result {
        Ok(PageContent::Loaded(contents, _)) => contents.ttl_minutes,
        _ => None,
    }
}

/// What a URL held when `subscribe` fetched it once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// The feed's own title.
    pub title: Option<String>,
    /// Items (feed items, Kagi News clusters) it holds now.
    pub items: usize,
    /// Category files, when it is a Kagi News index.
    pub categories: usize,
}

impl Checked {
    /// `2 items`, or `a Kagi News index of 35 category files`.
    pub fn describe(&self) -> String {
        if self.categories > 0 {
            format!(
                "a Kagi News index of {}",
                crate::summary::plural(self.categories, "category file")
            )
        } else {
            crate::summary::plural(self.items, "item")
        }
    }
}

/// Fetches `url` once, as a refresh would, and says what it holds, or why it is
/// not a feed (an HTTP error, an HTML page, a timeout). Nothing is stored.
pub fn check(url: &str, limits: Limits) -> Result<Checked, String> {
    let client = Client::new(limits)?;
    match fetch_page(&client, url, &HashMap::new())? {
        PageContent::Loaded(contents, _) => Ok(Checked {
            title: contents.title,
            items: contents.documents.len(),
            categories: contents.categories.len(),
        }),
        PageContent::NotModified => Err("HTTP 304 Not Modified to a plain request".into()),
    }
}

/// Why a URL could not be read, and how many seconds its server asked to wait
/// (`Retry-After`), when it said.
struct Failure {
    reason: String,
    retry_after: Option<u64>,
}

impl From<String> for Failure {
    fn from(reason: String) -> Failure {
        Failure {
            reason,
            retry_after: None,
        }
    }
}

impl From<Failure> for String {
    fn from(f: Failure) -> String {
        f.reason
    }
}

/// Fetches a subscription's URL, and a Kagi index's category files after it.
fn fetch(
    client: &Client,
    url: &str,
    known: &HashMap<String, Validators>,
) -> Result<Vec<Page>, Failure> {
    let first = fetch_page(client, url, known)?;
    let categories = match &first {
        PageContent::Loaded(l, _) => l.categories.clone(),
        PageContent::NotModified => Vec::new(),
    };
    let mut pages = vec![Page {
        url: url.to_string(),
        result: Ok(first),
    }];
    for (name, file) in categories {
        let page_url = match join(url, &file) {
            Ok(u) => u,
            Err(reason) => {
                pages.push(Page {
                    url: file,
                    result: Err(format!("{name}: {reason}")),
                });
                continue;
            }
        };
        let result =
            fetch_page(client, &page_url, known).map_err(|f| format!("{name}: {}", f.reason));
        pages.push(Page {
            url: page_url,
            result,
        });
    }
    Ok(pages)
}

fn fetch_page(
    client: &Client,
    url: &str,
    known: &HashMap<String, Validators>,
) -> Result<PageContent, Failure> {
    let none = Validators::default();
    match client.get(url, known.get(url).unwrap_or(&none))? {
        Fetched::NotModified => Ok(PageContent::NotModified),
        Fetched::Refused {
            reason,
            retry_after,
        } => Err(Failure {
            reason,
            retry_after,
        }),
        Fetched::Body { bytes, validators } => match feeds::load(&bytes, Some(url)) {
            Some(Ok(loaded)) => Ok(PageContent::Loaded(Box::new(loaded), validators)),
            Some(Err(reason)) => Err(reason.into()),
            None => Err(format!(
                "neither a feed nor Kagi News JSON (it starts {:?})",
                crate::text::sanitize::for_terminal(&String::from_utf8_lossy(
                    &bytes[..bytes.len().min(40)]
                ))
            )
            .into()),
        },
    }
}

/// A category file named by a Kagi index, relative to the index's URL; only files
/// on the index's own server are followed.
fn join(index_url: &str, file: &str) -> Result<String, String> {
    let base = url::Url::parse(index_url).map_err(|e| format!("bad index URL: {e}"))?;
    let joined = base
        .join(file)
        .map_err(|e| format!("bad category file {file:?}: {e}"))?;
    if joined.origin() != base.origin() {
        return Err(format!(
            "category file {file:?} is on another server; not fetched"
        ));
    }
    Ok(joined.to_string())
}

/// Imports a subscription's pages in one transaction, then keeps the validators
/// of the pages that landed (so a failed import is fetched in full next time)
/// and cuts the feeds its items are listed under to their `max_items`.
/// Its items are listed under the subscription's `name`, else the title the
/// first page gave itself, which it also returns.
fn land(
    store: &mut Store,
    origin: &str,
    name: Option<&str>,
    pages: Vec<Page>,
    max_items: &MaxItems,
) -> Result<(FeedOutcome, Option<String>), StoreError> {
    if pages
        .iter()
        .all(|p| matches!(p.result, Ok(PageContent::NotModified)))
    {
        return Ok((FeedOutcome::NotModified, None));
    }
    let title = match pages.first().map(|p| &p.result) {
        Some(Ok(PageContent::Loaded(loaded, _))) => loaded.title.clone(),
        _ => None,
    };
    let mut tally = ChangeCounts::default();
    let mut skipped = 0;
    let mut citations = CitationTally::default();
    let mut landed = Vec::new();
    let mut first_error = None;
    let feed = name.map(str::to_string).or_else(|| title.clone());
    let mut feeds = BTreeSet::new();
    // What the feed still carries but its max items already removed: not
    // stored again (each page's items in turn).
    let mut gone = Vec::new();
    let loaded_pages = pages.iter().filter_map(|p| match &p.result {
        Ok(PageContent::Loaded(loaded, _)) if !max_items.is_off() => Some(loaded),
        _ => None,
    });
    for loaded in loaded_pages {
        let docs = loaded.documents.iter();
        gone.push(
            store.beyond_max_items(max_items, docs.map(|d| (d, feed_name(d, feed.as_deref()))))?,
        );
    }
    let mut gone = gone.into_iter();
    let mut importer = store.begin_import()?;
    for page in pages {
        match page.result {
            Ok(PageContent::Loaded(loaded, validators)) => {
                let page_gone = gone.next().unwrap_or_default();
                for (i, doc) in loaded.documents.iter().enumerate() {
                    if page_gone.get(i) == Some(&true) {
                        tally.count(Change::Unchanged);
                        continue;
                    }
                    tally.count(importer.put(doc, Some(origin), feed.as_deref())?);
                    if !max_items.is_off() {
                        feeds.insert(feed_name(doc, feed.as_deref()));
                    }
                }
                skipped += loaded.problems.len();
                if let Some(p) = loaded.problems.into_iter().next() {
                    first_error.get_or_insert(p);
                }
                citations.add(loaded.citations);
                landed.push((page.url, validators));
            }
            Ok(PageContent::NotModified) => {}
            Err(reason) => {
                skipped += 1;
                first_error.get_or_insert(reason);
            }
        }
    }
    importer.commit()?;
    for (url, v) in &landed {
        store.set_validators(url, v)?;
    }
    if landed.is_empty() {
        if let Some(reason) = first_error {
            return Ok((FeedOutcome::Failed(reason), None));
        }
    }
    let feeds: Vec<String> = feeds.into_iter().collect();
    let removed = store.keep_max_items(max_items, Some(&feeds))?;
    let outcome = FeedOutcome::Imported {
        tally,
        removed,
        skipped,
        first_skip: first_error,
        citations,
    };
    Ok((outcome, title))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_files_stay_beside_their_index() {
        assert_eq!(
            join("https://kite.example/news/kite.json", "world.json").unwrap(),
            "https://kite.example/news/world.json"
        );
        assert!(join(
            "https://kite.example/kite.json",
            "https://evil.example/x.json"
        )
        .unwrap_err()
        .contains("another server"));
    }

    #[test]
    fn status_lines_say_what_happened() {
        let sub = Subscription {
            url: "https://a.example/rss".into(),
            name: None,
            checked_at: None,
            status: None,
        };
        let r = SourceResult {
            subscription: sub,
            outcome: FeedOutcome::Imported {
                tally: ChangeCounts {
                    added: 2,
                    updated: 1,
                    unchanged: 0,
                    failed: 0,
                },
                removed: 3,
                skipped: 1,
                first_skip: Some("item 3: no title or text".into()),
                citations: CitationTally::default(),
            },
        };
        assert_eq!(
            r.status(),
            "2 added, 1 updated, 0 unchanged, 3 over max_items removed, 1 skipped (first: item 3: no title or text)"
        );
    }
}
