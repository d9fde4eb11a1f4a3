//! The commands on documents: `parse` (files in, documents out, no store), and
//! `import`, `list`, `show`, `search`, `export`, `remove` and `mark` on the store.
//! Content shown on a terminal goes through [`for_terminal`].

use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};
use serde::Serialize;

use super::args::{DocumentCommand, Format, Mark, ParseArgs};
use super::error::{CliError, CommandResult, Finished};
use super::output::{self, Progress, Stdout, WriteError};
use crate::model::{DateStyle, Document, Marks, PartialDate};
use crate::store::{self, ListItem, Selection, Show, Sort, Store, Stored, View};
use crate::text::sanitize::for_terminal;
use crate::{export, import, samples, summary};

/// Runs a command on the store's documents.
/// Runs a command on the store's documents; `dates` is how the config shows dates.
pub fn run(
    store: &mut Store,
    command: DocumentCommand,
    dates: &DateStyle,
    out: &mut Stdout,
) -> CommandResult {
    match command {
        DocumentCommand::Import {
            max_page_bytes,
            paths,
        } => import_paths(store, out, &paths, max_page_bytes),
        DocumentCommand::List {
            json,
            limit,
            unread,
            saved,
            feed,
            sort,
            threads,
        } => {
            let show = match (unread, saved) {
                (true, _) => Show::Unread,
                (_, true) => Show::Saved,
                _ => Show::All,
            };
            let feed = feed.map(|name| feed_named(store, &name)).transpose()?;
            let view = View {
                show,
                feed,
                heads: threads,
            };
            list(store, out, &view, sort, limit, json, dates)?;
            Ok(Finished::Success)
        }
        DocumentCommand::Thread(action) => super::thread::run(store, action, dates, out),
        DocumentCommand::Feeds { json } => {
            feeds(store, out, json)?;
            Ok(Finished::Success)
        }
        DocumentCommand::Show { id, json, changes } => {
            if changes {
                super::changes::show(store, out, &store.resolve(&id)?, json)?;
            } else {
                show(store, out, &id, json)?;
            }
            Ok(Finished::Success)
        }
        DocumentCommand::Search {
            query,
            json,
            limit,
            claims: true,
        } => super::query::claims(store, out, &query.join(" "), json, limit, dates),
        DocumentCommand::Search {
            query,
            json,
            limit,
            claims: false,
        } => search(store, out, &query.join(" "), json, limit, dates),
        DocumentCommand::Export {
            format,
            output,
            ids,
        } => {
            export_docs(store, out, format, output.as_deref(), &ids)?;
            Ok(Finished::Success)
        }
        DocumentCommand::Remove {
            feed: Some(name),
            yes,
            ..
        } => remove_feed(store, out, &name, yes),
        DocumentCommand::Remove {
            ids, samples, yes, ..
        } => {
            let uids = if samples {
                let uids = store.uids_by_origin(samples::ORIGIN_PREFIX)?;
                if uids.is_empty() {
                    eprintln!("no sample stories in the store");
                }
                uids
            } else {
                removable(store, &ids)?
            };
            remove(store, out, &uids, yes)
        }
        DocumentCommand::Mark {
            mark,
            ids,
            all: _,
            feed,
            query,
            before,
        } => {
            let (which, on) = match mark {
                Mark::Read => (store::Mark::Read, true),
                Mark::Unread => (store::Mark::Read, false),
                Mark::Saved => (store::Mark::Saved, true),
                Mark::Unsaved => (store::Mark::Saved, false),
            };
            let marked = if ids.is_empty() {
                let query = query.as_deref().map(super::query::parse).transpose()?;
                let view = View {
                    show: Show::All,
                    feed: feed.map(|name| feed_named(store, &name)).transpose()?,
                    heads: false,
                };
                let selection = Selection {
                    view,
                    query,
                    before,
                };
                store.mark_selection(&selection, which, on)?
            } else {
                let uids = ids
                    .iter()
                    .map(|id| store.resolve(id))
                    .collect::<Result<Vec<_>, _>>()?;
                store.mark_uids(&uids, which, on)?
            };
            out.line(format_args!(
                "marked {} {}",
                summary::stories(marked.len()),
                mark.as_str()
            ))?;
            Ok(Finished::Success)
        }
    }
}

/// `tidings parse`: every file in turn, read exactly as `import` reads it (pages,
/// feeds, Kagi News, exported JSON); a bad one is reported and the rest go on.
pub fn parse(args: ParseArgs) -> Finished {
    let ParseArgs {
        json,
        max_page_bytes: limit,
        files,
    } = args;
    let mut out = Stdout::lock();
    let mut failed = false;
    for path in &files {
        let name = import::display(path);
        let contents =
            import::read_page(path, limit).and_then(|bytes| import::contents(path, &bytes, limit));
        match contents {
            Ok(contents) => {
                let docs = contents.documents;
                for problem in &contents.problems {
                    output::report(&name, &format!("skipped {problem}"));
                }
                if !contents.categories.is_empty() {
                    output::report(
                        &name,
                        &format!(
                            "a Kagi News index of {} category files: `tidings import` reads them",
                            contents.categories.len()
                        ),
                    );
                } else if docs.is_empty() && contents.problems.is_empty() {
                    output::report(&name, "nothing to import: no items in it");
                }
                if let Err(e) = print_docs(&mut out, &name, &docs, json, files.len() > 1) {
                    if e.io().kind() == std::io::ErrorKind::BrokenPipe {
                        return Finished::Success;
                    }
                    output::report(&name, &e.io().to_string());
                    failed = true;
                }
            }
            Err(reason) => {
                out.flush_quietly();
                output::report(&name, &reason);
                failed = true;
            }
        }
    }
    // As `parse` always did: a failure of the last flush is not said and leaves the
    // exit code alone.
    let _ = out.finish();
    Finished::shortfall_if(failed)
}

fn print_docs(
    out: &mut Stdout,
    name: &str,
    docs: &[Document],
    json: bool,
    many: bool,
) -> Result<(), WriteError> {
    for doc in docs {
        if json {
            out.json_line(doc)?;
        } else {
            if many {
                out.line(format_args!("{name}:"))?;
            }
            out.text(&summary::render(doc))?;
        }
    }
    Ok(())
}

/// The shortest name `remove` takes: a one-letter title prefix is too easily a
/// story nobody meant.
const REMOVE_MIN_NAME: usize = 4;

/// The uids `remove` names, each resolved (unique, at least [`REMOVE_MIN_NAME`]
/// characters) before anything is removed; a uid named twice counts once.
fn removable(store: &Store, names: &[String]) -> Result<Vec<String>, CliError> {
    let mut uids: Vec<String> = Vec::new();
    for name in names {
        if name.trim().chars().count() < REMOVE_MIN_NAME {
            return Err(CliError::NameTooShort {
                name: name.clone(),
                min: REMOVE_MIN_NAME,
            });
        }
        let uid = store.resolve(name)?;
        if !uids.contains(&uid) {
            uids.push(uid);
        }
    }
    Ok(uids)
}

/// Removes documents, naming each; saved ones only when `yes`, or when the
/// person at the terminal says so.
fn remove(store: &mut Store, out: &mut Stdout, uids: &[String], yes: bool) -> CommandResult {
    let items: Vec<ListItem> = uids
        .iter()
        .map(|uid| store.get(uid).map(|s| s.item))
        .collect::<Result<_, _>>()?;
    let saved: Vec<String> = items.iter().filter(|i| i.saved).map(id_and_title).collect();
    if !saved.is_empty() && !yes {
        for line in &saved {
            eprintln!("saved: {line}");
        }
        let question = match saved.len() {
            1 => "remove this saved story?".to_string(),
            n => format!("remove these {n} saved stories?"),
        };
        match output::confirm(&question) {
            Some(true) => {}
            Some(false) => {
                eprintln!("nothing removed");
                return Ok(Finished::Shortfall);
            }
            None => {
                return Err(CliError::SavedNotConfirmed {
                    what: saved.join("; "),
                })
            }
        }
    }
    for item in &items {
        store.remove(&item.uid)?;
        out.line(format_args!("removed {}", id_and_title(item)))?;
    }
    Ok(Finished::Success)
}

/// `remove --feed NAME`: removes the stories the feed brought, as [`remove`]
/// does (asking about saved ones), but keeps those another feed also brought,
/// and says how many; those lose the feed (and the source it added).
fn remove_feed(store: &mut Store, out: &mut Stdout, name: &str, yes: bool) -> CommandResult {
    let name = match feed_named(store, name) {
        Ok(name) => name,
        // A feed whose every story another feed lists is known by them.
        Err(e) if store.feed_stories(name)?.shared.is_empty() => return Err(e),
        Err(_) => name.to_string(),
    };
    let stories = store.feed_stories(&name)?;
    if !stories.only.is_empty() {
        let removed = remove(store, out, &stories.only, yes)?;
        if removed != Finished::Success {
            return Ok(removed);
        }
    }
    let kept = store.release_feed(&name, &stories.shared)?;
    if kept > 0 {
        out.line(format_args!(
            "kept {} another feed also brought",
            summary::stories(kept)
        ))?;
    }
    Ok(Finished::Success)
}

/// `0123abcd  Title`: a document as `list` and `remove` name it.
fn id_and_title(i: &ListItem) -> String {
    format!("{}  {}", &i.uid[..8], for_terminal(&i.title))
}

/// What `list` says on stderr when it lists nothing.
const NO_STORIES: &str =
    "no stories yet; add some with `tidings import PATH`, or `tidings subscribe URL` and `tidings refresh`";

/// The feed a person named: its exact name, else the one name it matches with
/// case aside.
fn feed_named(store: &Store, name: &str) -> Result<String, CliError> {
    let names: Vec<String> = store.feeds()?.into_iter().map(|f| f.name).collect();
    if names.iter().any(|n| n == name) {
        return Ok(name.to_string());
    }
    let folded = name.to_lowercase();
    let mut like = names.into_iter().filter(|n| n.to_lowercase() == folded);
    match (like.next(), like.next()) {
        (Some(one), None) => Ok(one),
        _ => Err(CliError::NoFeed {
            name: name.to_string(),
        }),
    }
}

/// `tidings feeds`: every feed with its counts, by name.
fn feeds(store: &Store, out: &mut Stdout, json: bool) -> Result<(), CliError> {
    /// A feed as `feeds --json` prints it.
    #[derive(Serialize)]
    struct FeedRow<'a> {
        feed: &'a str,
        total: u64,
        unread: u64,
    }
    let feeds = store.feeds()?;
    for f in &feeds {
        if json {
            out.json_line(&FeedRow {
                feed: &f.name,
                total: f.total,
                unread: f.unread,
            })?;
        } else {
            out.line(format_args!(
                "{:>6} unread {:>7} in all  {}",
                f.unread,
                f.total,
                for_terminal(&f.name)
            ))?;
        }
    }
    if feeds.is_empty() && !json {
        eprintln!("{NO_STORIES}");
    }
    Ok(())
}

/// `tidings list`: the first `limit` headlines of a view (0: all). On a terminal
/// it says how many more there are; when there are none, it says why.
fn list(
    store: &Store,
    out: &mut Stdout,
    view: &View,
    sort: Sort,
    limit: usize,
    json: bool,
    dates: &DateStyle,
) -> Result<(), CliError> {
    let limit = if limit == 0 { i64::MAX as usize } else { limit };
    let now = Local::now();
    let listed = store.each_headline(view, sort, limit, |i| -> Result<(), CliError> {
        Ok(print_item(out, i, json, dates, now)?)
    });
    let Some(given) = unless_reader_left(listed)? else {
        return Ok(());
    };
    if given == 0 {
        if !json {
            if store.is_empty()? {
                eprintln!("{NO_STORIES}");
            } else {
                let what = match view.show {
                    Show::All => "no stories",
                    Show::Unread => "no unread stories",
                    Show::Saved => "no saved stories",
                };
                let feed = match &view.feed {
                    Some(f) => format!(" in {}", for_terminal(f)),
                    None => String::new(),
                };
                eprintln!("{what}{feed}; `tidings list` shows them all");
            }
        }
    } else if given == limit && output::person_reads_stderr() {
        let more = store.count_view(view)?.total.saturating_sub(given as u64);
        if more > 0 {
            out.flush_quietly();
            eprintln!("… {more} more (use --limit N, or --limit 0 for all)");
        }
    }
    Ok(())
}

/// Imports of fewer files than this are over before a progress bar would help.
const IMPORT_BAR_FROM: usize = 50;

fn import_paths(
    store: &mut Store,
    out: &mut Stdout,
    paths: &[PathBuf],
    limit: u64,
) -> CommandResult {
    let mut bar = Progress::new("importing");
    let start = std::time::Instant::now();
    let report = import::import_paths(store, paths, limit, |done, total| {
        if total >= IMPORT_BAR_FROM {
            bar.show(done, total, &pace(done, total, start.elapsed()));
        }
    })?;
    bar.done();
    for (file, reason) in report.failures.iter().chain(&report.skipped) {
        output::report(file, reason);
    }
    for file in &report.empty {
        output::report(file, "nothing to import: no items in it");
    }
    let t = report.tally;
    let skipped = match report.skipped.len() {
        0 => String::new(),
        n => format!(", {n} skipped"),
    };
    out.line(format_args!(
        "imported: {} added, {} updated, {} unchanged, {} failed{skipped}",
        t.added, t.updated, t.unchanged, t.failed
    ))?;
    let c = report.citations;
    if c.resolved + c.unresolved + c.common > 0 {
        out.line(format_args!(
            "citations: {} resolved, {} unresolved (shown as written), {} [common] dropped",
            c.resolved, c.unresolved, c.common
        ))?;
    }
    Ok(Finished::shortfall_if(t.failed > 0))
}

/// How fast an import goes and how long it has left, once it has gone on long
/// enough to tell: `2,150 pages/s, 45 s left`.
fn pace(done: usize, total: usize, elapsed: std::time::Duration) -> String {
    let secs = elapsed.as_secs_f64();
    if secs < 1.0 || done == 0 {
        return String::new();
    }
    let rate = done as f64 / secs;
    let left = (total.saturating_sub(done) as f64 / rate).ceil() as u64;
    let left = match left {
        0..60 => format!("{left} s"),
        60..3600 => format!("{} min", left.div_ceil(60)),
        _ => format!("{} h {} min", left / 3600, left % 3600 / 60),
    };
    format!(
        "{} pages/s, {left} left",
        crate::summary::thousands(rate as usize)
    )
}

/// A headline as `list --json` and `search --json` print it. The fields are in the
/// order serde_json has always written them (by name), so the JSON is unchanged.
#[derive(Serialize)]
struct ItemRow<'a> {
    article_count: Option<u32>,
    event_count: u32,
    feed: &'a str,
    id: &'a str,
    kind: &'a str,
    latest: Option<&'a str>,
    /// The distinct outlets among its sources.
    outlets: u32,
    read: bool,
    saved: bool,
    /// Search hits only.
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<&'a str>,
    source_count: u32,
    /// Its thread's id: the uid of the story that began it, its own when alone.
    thread: &'a str,
    /// How many stories and outlets its thread holds, when it shares one.
    #[serde(skip_serializing_if = "Option::is_none")]
    thread_outlets: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    thread_stories: Option<u32>,
    title: &'a str,
    /// Only when it changed since it was read.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    updated: bool,
}

impl<'a> ItemRow<'a> {
    fn of(i: &'a ListItem, snippet: Option<&'a str>) -> Self {
        ItemRow {
            article_count: i.article_count,
            event_count: i.event_count,
            feed: &i.feed,
            id: &i.uid,
            kind: &i.kind,
            latest: i.latest.as_deref(),
            outlets: i.outlets,
            read: i.read,
            saved: i.saved,
            snippet,
            source_count: i.source_count,
            thread: i.thread.as_ref().map_or(&i.uid, |t| &t.uid),
            thread_outlets: i.thread.as_ref().and_then(|t| t.outlets),
            thread_stories: i.thread.as_ref().map(|t| t.stories),
            title: &i.title,
            updated: i.updated,
        }
    }
}

fn item_line(i: &ListItem, dates: &DateStyle, now: DateTime<Local>) -> String {
    let mark = if i.read { ' ' } else { '●' };
    let saved = if i.saved { "★ " } else { "" };
    let updated = if i.updated { "updated · " } else { "" };
    let latest = i
        .latest
        .as_deref()
        .map(|l| format!(", {}", PartialDate::from_compact(l).styled(dates, now)))
        .unwrap_or_default();
    let thread = match &i.thread {
        Some(t) => format!(" · {}", thread_counts(t)),
        None => String::new(),
    };
    // A story several feeds brought says from how many outlets.
    let outlets = match i.feeds > 1 {
        true => format!(", {}", summary::plural(i.outlets as usize, "outlet")),
        false => String::new(),
    };
    format!(
        "{}  {mark} {saved}{}  ({updated}{}{outlets}{} · {}{thread})",
        &i.uid[..8],
        for_terminal(&i.title),
        summary::plural(i.source_count as usize, "source"),
        for_terminal(&latest),
        for_terminal(&i.feed)
    )
}

/// `thread of 3 stories, 5 outlets`: what a row in a thread says of it.
pub(super) fn thread_counts(t: &store::ThreadMark) -> String {
    let outlets = t
        .outlets
        .map(|n| format!(", {}", summary::plural(n as usize, "outlet")))
        .unwrap_or_default();
    format!("thread of {} stories{outlets}", t.stories)
}

fn print_item(
    out: &mut Stdout,
    i: &ListItem,
    json: bool,
    dates: &DateStyle,
    now: DateTime<Local>,
) -> Result<(), WriteError> {
    if json {
        out.json_line(&ItemRow::of(i, None))
    } else {
        out.line(item_line(i, dates, now))
    }
}

fn show(store: &Store, out: &mut Stdout, id: &str, json: bool) -> Result<(), CliError> {
    let uid = store.resolve(id)?;
    let stored = store.get(&uid)?;
    let text = if json {
        serde_json::to_string(&stored.doc).expect("documents serialize") + "\n"
    } else {
        let md = export::markdown(&stored.doc);
        md.lines()
            .map(|l| for_terminal(l).into_owned() + "\n")
            .collect()
    };
    out.text(&text)?;
    Ok(())
}

fn search(
    store: &Store,
    out: &mut Stdout,
    query: &str,
    json: bool,
    limit: usize,
    dates: &DateStyle,
) -> CommandResult {
    let hits = store.search(&super::query::parse(query)?, limit)?;
    let now = Local::now();
    for h in &hits {
        if json {
            out.json_line(&ItemRow::of(&h.item, Some(&h.snippet)))?;
        } else {
            out.line(format_args!(
                "{}\n    {}",
                item_line(&h.item, dates, now),
                for_terminal(&h.snippet)
            ))?;
        }
    }
    if hits.is_empty() {
        eprintln!("no matches for \"{}\"", for_terminal(query));
    }
    Ok(Finished::shortfall_if(hits.is_empty()))
}

fn export_docs(
    store: &Store,
    out: &mut Stdout,
    format: Format,
    output: Option<&Path>,
    ids: &[String],
) -> Result<(), CliError> {
    // Named documents are all found before any is written.
    let uids = ids
        .iter()
        .map(|i| store.resolve(i))
        .collect::<Result<Vec<_>, _>>()?;
    let mut sink = out.file_or_here(output)?;
    let mut write = |Stored { item, doc, .. }: Stored| -> Result<(), CliError> {
        let text = match format {
            Format::Json => {
                let marks = Marks {
                    read: item.read,
                    saved: item.saved,
                };
                export::json(&doc, marks, Some(&item.feed)) + "\n"
            }
            Format::Markdown => export::markdown(&doc) + "\n---\n\n",
        };
        Ok(sink.text(&text)?)
    };
    let written = if uids.is_empty() {
        store.each_document(&mut write)
    } else {
        uids.iter().try_for_each(|uid| write(store.get(uid)?))
    };
    if unless_reader_left(written)?.is_some() {
        sink.finish()?;
    }
    Ok(())
}

/// A reader of standard output that went away (`| head`) ends a long output
/// early, quietly: `None`.
fn unless_reader_left<T>(result: Result<T, CliError>) -> Result<Option<T>, CliError> {
    match result {
        Err(CliError::Write(WriteError::Stdout(e)))
            if e.kind() == std::io::ErrorKind::BrokenPipe =>
        {
            Ok(None)
        }
        other => other.map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(latest: Option<&str>, article_count: Option<u32>) -> ListItem {
        ListItem {
            uid: "0123456789abcdef".into(),
            kind: "story".into(),
            title: "Ferry \"line\" expands".into(),
            article_count,
            source_count: 4,
            event_count: 2,
            latest: latest.map(Into::into),
            read: true,
            saved: false,
            feed: "Harbour Gazette".into(),
            thread: None,
            feeds: 0,
            outlets: 0,
            updated: false,
        }
    }

    /// The rows as they were written before they were structs.
    fn literal(i: &ListItem) -> serde_json::Value {
        serde_json::json!({
            "id": i.uid,
            "kind": i.kind,
            "title": i.title,
            "article_count": i.article_count,
            "source_count": i.source_count,
            "event_count": i.event_count,
            "feed": i.feed,
            "latest": i.latest,
            "outlets": i.outlets,
            "read": i.read,
            "saved": i.saved,
            "thread": i.uid,
        })
    }

    #[test]
    fn the_pace_is_pages_per_second_and_the_time_left_at_that_rate() {
        let secs = std::time::Duration::from_secs_f64;
        assert_eq!(pace(500, 1000, secs(0.5)), "", "too early to tell");
        assert_eq!(pace(2_500, 100_000, secs(1.0)), "2,500 pages/s, 39 s left");
        assert_eq!(pace(3_000, 9_000, secs(2.0)), "1,500 pages/s, 4 s left");
        assert_eq!(
            pace(1_000, 1_000_000, secs(1.0)),
            "1,000 pages/s, 17 min left"
        );
        assert_eq!(
            pace(100, 1_000_000, secs(1.0)),
            "100 pages/s, 2 h 46 min left"
        );
        assert_eq!(pace(10, 10, secs(3.0)), "3 pages/s, 0 s left");
    }

    #[test]
    fn rows_are_the_json_they_always_were() {
        for i in [item(None, None), item(Some("Jul 7, 2025"), Some(4))] {
            let row = serde_json::to_string(&ItemRow::of(&i, None)).unwrap();
            assert_eq!(row, literal(&i).to_string());
            let mut hit = literal(&i);
            hit["snippet"] = "…at «Harbour»…".into();
            let row = serde_json::to_string(&ItemRow::of(&i, Some("…at «Harbour»…"))).unwrap();
            assert_eq!(row, hit.to_string());
        }
    }
}
