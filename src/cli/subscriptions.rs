//! The commands on subscriptions: `subscribe`, `unsubscribe`, `subscriptions`,
//! `opml import` / `opml export` and `refresh`, with refresh's progress line on a
//! terminal.

use std::collections::HashSet;
use std::path::Path;

use serde::Serialize;

use super::args::{OpmlAction, SubscriptionCommand};
use super::error::{CliError, CommandResult, Finished};
use super::output::{self, Progress, Stdout, WriteError};
use crate::config;
use crate::feeds::opml::{self, Outline};
use crate::import;
use crate::refresh::{self, http::Limits, Checked, Options, RefreshTotals, SourceResult};
use crate::store::{MaxItems, Store, Subscription};
use crate::text::sanitize::for_terminal;

/// Runs a command on subscriptions; `settings` are the config's `[refresh]`, the
/// defaults of `refresh`'s flags and of `subscribe`'s one fetch; `max_items` its
/// `[retention]`, what `refresh` keeps of each feed.
pub fn run(
    store: &mut Store,
    command: SubscriptionCommand,
    settings: &config::Refresh,
    max_items: MaxItems,
    out: &mut Stdout,
) -> CommandResult {
    match command {
        SubscriptionCommand::Subscribe {
            url,
            name,
            no_check,
        } => {
            let limits = settings.options().limits;
            subscribe(
                store,
                out,
                &url,
                name.as_deref(),
                (!no_check).then_some(limits),
            )
        }
        SubscriptionCommand::Unsubscribe { url_or_name } => {
            let sub = store.unsubscribe(&url_or_name)?;
            out.line(format_args!(
                "unsubscribed from {}; its stories stay in the store",
                sub.label()
            ))?;
            Ok(Finished::Success)
        }
        SubscriptionCommand::Subscriptions { json } => {
            list(store, out, json)?;
            Ok(Finished::Success)
        }
        SubscriptionCommand::Opml { action } => match action {
            OpmlAction::Import { file } => opml_import(store, out, &file),
            OpmlAction::Export { output } => {
                let outlines: Vec<Outline> = store
                    .subscriptions()?
                    .into_iter()
                    .map(|s| Outline {
                        url: s.url,
                        name: s.name,
                    })
                    .collect();
                out.text_or_save(output.as_deref(), &opml::write(&outlines))?;
                Ok(Finished::Success)
            }
        },
        SubscriptionCommand::Refresh {
            jobs,
            timeout,
            max_bytes,
        } => {
            let opts = Options {
                max_items,
                ..Options::new(
                    jobs.unwrap_or(settings.jobs),
                    timeout.unwrap_or(settings.timeout_secs),
                    max_bytes.unwrap_or(settings.max_bytes),
                )
            };
            refresh_all(store, out, &opts)
        }
    }
}

/// Checks that `url` is an http(s) URL with a host, as a subscription must be.
fn check_url(url: &str) -> Result<(), CliError> {
    let parsed = url::Url::parse(url).map_err(|source| CliError::NotAUrl {
        url: url.into(),
        source,
    })?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
        return Err(CliError::NotHttp { url: url.into() });
    }
    Ok(())
}

/// Subscribes to `url`; a new one is fetched once first within `check`'s limits
/// (unless none) to say what it is, and is not subscribed to when it is no feed.
fn subscribe(
    store: &mut Store,
    out: &mut Stdout,
    url: &str,
    name: Option<&str>,
    check: Option<Limits>,
) -> CommandResult {
    check_url(url)?;
    if store.is_subscribed(url)? {
        store.subscribe(url, name)?;
        out.line(format_args!("already subscribed to {}", for_terminal(url)))?;
        return Ok(Finished::Success);
    }
    let checked = if let Some(limits) = check {
        let checked = refresh::check(url, limits).map_err(|reason| CliError::NotAFeed {
            url: url.into(),
            reason,
        })?;
        Some(checked)
    } else {
        None
    };
    store.subscribe(url, name)?;
    let title = checked.as_ref().and_then(|c| c.title.as_deref());
    if let (None, Some(title)) = (name, title) {
        store.name_subscription(url, title)?;
    }
    let what = checked
        .as_ref()
        .map_or_else(|| "not checked".to_string(), Checked::describe);
    let shown = match name.or(title) {
        Some(n) => format!("{} ({})", for_terminal(n), for_terminal(url)),
        None => for_terminal(url).into_owned(),
    };
    out.line(format_args!(
        "subscribed to {shown}: {what}; `tidings refresh` fetches it"
    ))?;
    Ok(Finished::Success)
}

/// A subscription as `subscriptions --json` prints it. The fields are in the order
/// serde_json has always written them (by name), so the JSON is unchanged.
#[derive(Serialize)]
struct SubscriptionRow<'a> {
    checked_at: Option<i64>,
    name: Option<&'a str>,
    status: Option<&'a str>,
    url: &'a str,
}

impl<'a> SubscriptionRow<'a> {
    fn of(s: &'a Subscription) -> Self {
        SubscriptionRow {
            checked_at: s.checked_at,
            name: s.name.as_deref(),
            status: s.status.as_deref(),
            url: &s.url,
        }
    }
}

fn list(store: &Store, out: &mut Stdout, json: bool) -> Result<(), CliError> {
    let subs = store.subscriptions()?;
    if subs.is_empty() && !json {
        eprintln!("{}", refresh::NO_SUBSCRIPTIONS);
    }
    for s in &subs {
        if json {
            out.json_line(&SubscriptionRow::of(s))?;
        } else {
            let checked = s
                .checked_at
                .and_then(|t| chrono::DateTime::from_timestamp(t, 0))
                .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_else(|| "never refreshed".into());
            let name = s
                .name
                .as_deref()
                .map(|n| format!("{n}  "))
                .unwrap_or_default();
            let status = s
                .status
                .as_deref()
                .map(|st| format!(": {st}"))
                .unwrap_or_default();
            out.line(format_args!("{name}{}  ({checked}{status})", s.url))?;
        }
    }
    Ok(())
}

fn opml_import(store: &mut Store, out: &mut Stdout, file: &Path) -> CommandResult {
    let name = import::display(file);
    let unreadable = |reason| CliError::File {
        name: name.clone(),
        reason,
    };
    let bytes = import::read_page(file, refresh::DEFAULT_MAX_BYTES).map_err(unreadable)?;
    let outlines = opml::read(&String::from_utf8_lossy(&bytes)).map_err(unreadable)?;
    let (mut added, mut known, mut refused) = (0, 0, 0);
    let existing: HashSet<String> = store.subscriptions()?.into_iter().map(|s| s.url).collect();
    for o in &outlines {
        if let Err(reason) = check_url(&o.url) {
            output::report(&name, &reason.to_string());
            refused += 1;
            continue;
        }
        // An existing subscription keeps the name the user gave it.
        if existing.contains(&o.url) {
            known += 1;
        } else if store.subscribe(&o.url, o.name.as_deref())? {
            added += 1;
        }
    }
    out.line(format_args!(
        "{name}: {added} subscribed, {known} already subscribed, {refused} refused"
    ))?;
    Ok(Finished::shortfall_if(refused > 0))
}

fn refresh_all(store: &mut Store, out: &mut Stdout, opts: &Options) -> CommandResult {
    let mut bar = Progress::new("refreshing");
    let results = refresh::refresh(store, opts, |done, total, r| {
        bar.show(done, total, r.subscription.label());
    })?;
    bar.done();
    if results.is_empty() {
        eprintln!("{}", refresh::NO_SUBSCRIPTIONS);
        return Ok(Finished::Success);
    }
    print_results(out, &results)?;
    Ok(Finished::shortfall_if(results.iter().any(|r| {
        matches!(r.outcome, refresh::FeedOutcome::Failed(_))
    })))
}

/// A line per subscription, on stdout or (failed, a diagnostic) stderr, in the
/// order they were fetched in, then the totals on stdout.
fn print_results(out: &mut Stdout, results: &[SourceResult]) -> Result<(), WriteError> {
    for r in results {
        let label = r.subscription.label();
        match &r.outcome {
            refresh::FeedOutcome::Failed(reason) => {
                out.flush_quietly();
                output::report(label, reason);
            }
            _ => out.line(format_args!("{label}: {}", r.status()))?,
        }
    }
    let t = RefreshTotals::of(results);
    out.line(format_args!(
        "refreshed {} subscriptions: {} added, {} updated, {} not modified, {} failed",
        results.len(),
        t.added,
        t.updated,
        t.not_modified,
        t.failed.len()
    ))?;
    if t.removed > 0 {
        out.line(super::maintenance::over_max_items(t.removed))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_the_json_they_always_were() {
        let never = Subscription {
            url: "https://example.org/feed.xml".into(),
            name: None,
            checked_at: None,
            status: None,
        };
        let checked = Subscription {
            name: Some("Harbour \"Gazette\"".into()),
            checked_at: Some(1_796_047_242),
            status: Some("not modified".into()),
            ..never.clone()
        };
        for s in [never, checked] {
            let literal = serde_json::json!({
                "url": s.url, "name": s.name, "checked_at": s.checked_at, "status": s.status,
            });
            let row = serde_json::to_string(&SubscriptionRow::of(&s)).unwrap();
            assert_eq!(row, literal.to_string());
        }
    }

    #[test]
    fn only_http_urls_with_a_host_can_be_subscribed_to() {
        assert!(check_url("https://example.org/feed.xml").is_ok());
        assert!(matches!(
            check_url("ftp://example.org/feed"),
            Err(CliError::NotHttp { .. })
        ));
        assert!(matches!(
            check_url("not a url"),
            Err(CliError::NotAUrl { .. })
        ));
    }
}
