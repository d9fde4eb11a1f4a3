//! The subscription commands: `subscribe`, `unsubscribe`, `subscriptions`, `opml`
//! and `refresh`, with refresh's progress line on a terminal.

use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use crate::cli::OpmlAction;
use crate::feeds::opml::{self, Outline};
use crate::import;
use crate::refresh::{self, http::Limits, Options, Outcome, SourceResult, Totals};
use crate::store::Store;
use crate::text::sanitize::for_terminal;

/// Checks that `url` is an http(s) URL with a host, as a subscription must be.
pub fn check_url(url: &str) -> Result<(), String> {
    let parsed =
        url::Url::parse(url).map_err(|e| format!("{}: not a URL: {e}", for_terminal(url)))?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
        return Err(format!(
            "{}: only http:// and https:// URLs can be subscribed to",
            for_terminal(url)
        ));
    }
    Ok(())
}

pub fn subscribe(store: &mut Store, url: &str, name: Option<&str>) -> Result<ExitCode, String> {
    check_url(url)?;
    let new = store.subscribe(url, name).map_err(|e| e.to_string())?;
    let shown = for_terminal(name.unwrap_or(url));
    if new {
        println!("subscribed to {shown}; `tidings refresh` fetches it");
    } else {
        println!("already subscribed to {}", for_terminal(url));
    }
    Ok(ExitCode::SUCCESS)
}

pub fn unsubscribe(store: &mut Store, url_or_name: &str) -> Result<ExitCode, String> {
    let sub = store.unsubscribe(url_or_name).map_err(|e| e.to_string())?;
    println!(
        "unsubscribed from {}; its stories stay in the store",
        sub.label()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn list(store: &Store, out: &mut impl Write, json: bool) -> Result<ExitCode, String> {
    let subs = store.subscriptions().map_err(|e| e.to_string())?;
    let write_err = |e: std::io::Error| format!("cannot write the output: {e}");
    if subs.is_empty() && !json {
        eprintln!("{}", refresh::NO_SUBSCRIPTIONS);
    }
    for s in &subs {
        if json {
            let v = serde_json::json!({
                "url": s.url, "name": s.name, "checked_at": s.checked_at, "status": s.status,
            });
            writeln!(out, "{v}").map_err(write_err)?;
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
            writeln!(
                out,
                "{name}{}  ({checked}{})",
                s.url,
                s.status
                    .as_deref()
                    .map(|st| format!(": {st}"))
                    .unwrap_or_default()
            )
            .map_err(write_err)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn opml(
    store: &mut Store,
    out: &mut impl Write,
    action: OpmlAction,
) -> Result<ExitCode, String> {
    match action {
        OpmlAction::Import { file } => opml_import(store, &file),
        OpmlAction::Export { output } => {
            let outlines: Vec<Outline> = store
                .subscriptions()
                .map_err(|e| e.to_string())?
                .into_iter()
                .map(|s| Outline {
                    url: s.url,
                    name: s.name,
                })
                .collect();
            let text = opml::write(&outlines);
            crate::commands::write_output(out, output.as_deref(), &text)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn opml_import(store: &mut Store, file: &Path) -> Result<ExitCode, String> {
    let name = import::display(file);
    let bytes =
        import::read_page(file, refresh::DEFAULT_MAX_BYTES).map_err(|r| format!("{name}: {r}"))?;
    let text = String::from_utf8_lossy(&bytes);
    let outlines = opml::read(&text).map_err(|r| format!("{name}: {r}"))?;
    let (mut added, mut known, mut refused) = (0, 0, 0);
    let existing: HashSet<String> = store
        .subscriptions()
        .map_err(|e| e.to_string())?
        .into_iter()
        .map(|s| s.url)
        .collect();
    for o in &outlines {
        if let Err(reason) = check_url(&o.url) {
            eprintln!("tidings: {name}: {reason}");
            refused += 1;
            continue;
        }
        // An existing subscription keeps the name the user gave it.
        if existing.contains(&o.url) {
            known += 1;
        } else if store
            .subscribe(&o.url, o.name.as_deref())
            .map_err(|e| e.to_string())?
        {
            added += 1;
        }
    }
    println!("{name}: {added} subscribed, {known} already subscribed, {refused} refused");
    Ok(if refused > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Options of `tidings refresh` from its flags.
pub fn options(jobs: u16, timeout: u64, max_bytes: u64) -> Options {
    Options {
        jobs: jobs as usize,
        limits: Limits {
            timeout: Duration::from_secs(timeout),
            max_bytes,
        },
    }
}

pub fn refresh_cmd(store: &mut Store, opts: &Options) -> Result<ExitCode, String> {
    let live = std::io::stderr().is_terminal();
    let results = refresh::refresh(store, opts, |done, total, r| {
        if live {
            let width = 20;
            let filled = done * width / total.max(1);
            eprint!(
                "\r\x1b[2Krefreshing [{}{}] {done}/{total}  {}",
                "#".repeat(filled),
                " ".repeat(width - filled),
                r.subscription.label()
            );
            let _ = std::io::stderr().flush();
        }
    })
    .map_err(|e| e.to_string())?;
    if live {
        eprint!("\r\x1b[2K");
    }
    if results.is_empty() {
        eprintln!("{}", refresh::NO_SUBSCRIPTIONS);
        return Ok(ExitCode::SUCCESS);
    }
    print_results(&results);
    Ok(
        if results
            .iter()
            .any(|r| matches!(r.outcome, Outcome::Failed(_)))
        {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        },
    )
}

fn print_results(results: &[SourceResult]) {
    for r in results {
        let label = r.subscription.label();
        match &r.outcome {
            Outcome::Failed(reason) => eprintln!("tidings: {label}: {}", for_terminal(reason)),
            _ => println!("{label}: {}", r.status()),
        }
    }
    let t = Totals::of(results);
    eprintln!(
        "refreshed {} subscriptions: {} added, {} updated, {} not modified, {} failed",
        results.len(),
        t.added,
        t.updated,
        t.not_modified,
        t.failed.len()
    );
}
