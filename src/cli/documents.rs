//! The commands on documents: `parse` (files in, documents out, no store), and
//! `import`, `list`, `show`, `search`, `export`, `remove` and `mark` on the store.
//! Content shown on a terminal goes through [`for_terminal`].

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::args::{DocumentCommand, Format, Mark, ParseArgs};
use super::error::{CliError, CommandResult, Finished};
use super::output::{self, Progress, Stdout, WriteError};
use crate::model::{Document, PartialDate};
use crate::store::{ListItem, Store};
use crate::text::sanitize::for_terminal;
use crate::{export, import, summary};

/// Runs a command on the store's documents.
pub fn run(store: &mut Store, command: DocumentCommand, out: &mut Stdout) -> CommandResult {
    match command {
        DocumentCommand::Import {
            max_page_bytes,
            paths,
        } => import_paths(store, &paths, max_page_bytes),
        DocumentCommand::List {
            json,
            limit,
            unread,
        } => {
            print_items(out, &store.list(limit, unread, 0)?, json)?;
            Ok(Finished::Success)
        }
        DocumentCommand::Show { id, json } => {
            show(store, out, &id, json)?;
            Ok(Finished::Success)
        }
        DocumentCommand::Search { query, json, limit } => search(store, out, &query, json, limit),
        DocumentCommand::Export {
            format,
            output,
            ids,
        } => {
            export_docs(store, out, format, output.as_deref(), &ids)?;
            Ok(Finished::Success)
        }
        DocumentCommand::Remove { id } => {
            let uid = store.resolve(&id)?;
            store.remove(&uid)?;
            Ok(Finished::Success)
        }
        DocumentCommand::Mark { mark, id } => {
            let uid = store.resolve(&id)?;
            match mark {
                Mark::Read | Mark::Unread => store.set_read(&uid, mark == Mark::Read),
                Mark::Saved | Mark::Unsaved => store.set_saved(&uid, mark == Mark::Saved),
            }?;
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

/// Imports of fewer files than this are over before a progress bar would help.
const IMPORT_BAR_FROM: usize = 50;

fn import_paths(store: &mut Store, paths: &[PathBuf], limit: u64) -> CommandResult {
    let mut bar = Progress::new("importing");
    let report = import::import_paths(store, paths, limit, |done, total| {
        if total >= IMPORT_BAR_FROM {
            bar.show(done, total, "");
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
    eprintln!(
        "imported: {} added, {} updated, {} unchanged, {} failed{skipped}",
        t.added, t.updated, t.unchanged, t.failed
    );
    let c = report.citations;
    if c.resolved + c.unresolved + c.common > 0 {
        eprintln!(
            "citations: {} resolved, {} unresolved (shown as written), {} [common] dropped",
            c.resolved, c.unresolved, c.common
        );
    }
    Ok(Finished::shortfall_if(t.failed > 0))
}

/// A headline as `list --json` and `search --json` print it. The fields are in the
/// order serde_json has always written them (by name), so the JSON is unchanged.
#[derive(Serialize)]
struct ItemRow<'a> {
    article_count: Option<u32>,
    event_count: u32,
    id: &'a str,
    kind: &'a str,
    latest: Option<&'a str>,
    read: bool,
    saved: bool,
    /// Search hits only.
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<&'a str>,
    source_count: u32,
    title: &'a str,
}

impl<'a> ItemRow<'a> {
    fn of(i: &'a ListItem, snippet: Option<&'a str>) -> Self {
        ItemRow {
            article_count: i.article_count,
            event_count: i.event_count,
            id: &i.uid,
            kind: &i.kind,
            latest: i.latest.as_deref(),
            read: i.read,
            saved: i.saved,
            snippet,
            source_count: i.source_count,
            title: &i.title,
        }
    }
}

fn item_line(i: &ListItem) -> String {
    let now = chrono::Local::now();
    let mark = if i.read { ' ' } else { '●' };
    let saved = if i.saved { "★ " } else { "" };
    let latest = i
        .latest
        .as_deref()
        .map(|l| format!(", {}", PartialDate::from_compact(l).shown(Some(now))))
        .unwrap_or_default();
    format!(
        "{}  {mark} {saved}{}  ({}{})",
        &i.uid[..8],
        for_terminal(&i.title),
        summary::plural(i.source_count as usize, "source"),
        for_terminal(&latest)
    )
}

fn print_items(out: &mut Stdout, items: &[ListItem], json: bool) -> Result<(), WriteError> {
    for i in items {
        if json {
            out.json_line(&ItemRow::of(i, None))?;
        } else {
            out.line(item_line(i))?;
        }
    }
    Ok(())
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

fn search(store: &Store, out: &mut Stdout, query: &str, json: bool, limit: usize) -> CommandResult {
    let hits = store.search(query, limit)?;
    for h in &hits {
        if json {
            out.json_line(&ItemRow::of(&h.item, Some(&h.snippet)))?;
        } else {
            out.line(format_args!(
                "{}\n    {}",
                item_line(&h.item),
                for_terminal(&h.snippet)
            ))?;
        }
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
    let uids = if ids.is_empty() {
        store.all_uids()?
    } else {
        ids.iter()
            .map(|i| store.resolve(i))
            .collect::<Result<_, _>>()?
    };
    let mut text = String::new();
    for uid in &uids {
        let doc = store.get(uid)?.doc;
        match format {
            Format::Json => {
                text.push_str(&serde_json::to_string(&doc).expect("documents serialize"));
                text.push('\n');
            }
            Format::Markdown => {
                text.push_str(&export::markdown(&doc));
                text.push_str("\n---\n\n");
            }
        }
    }
    out.text_or_save(output, &text)?;
    Ok(())
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
            "latest": i.latest,
            "read": i.read,
            "saved": i.saved,
        })
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
