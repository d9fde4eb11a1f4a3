//! What each command does: open the store, call it, print. Output that shows
//! content goes through [`crate::sanitize`]; errors come back as one line.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::{Cli, Command, Format, Mark};
use crate::import;
use crate::model::Document;
use crate::paths;
use crate::store::{ListItem, Store};
use crate::subscription_commands as subs;
use crate::text::sanitize::for_terminal;
use crate::{export, samples, summary};

/// The state name that records that the samples were offered to this store.
const SAMPLES_STATE: &str = "samples_imported";

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode, String> {
    if let Some(Command::Parse {
        json,
        max_page_bytes,
        files,
    }) = &cli.command
    {
        return Ok(parse_files(files, *json, *max_page_bytes));
    }
    let (mut store, _demo) = open_store(&cli)?;
    let Some(command) = cli.command else {
        return crate::tui::run(&mut store).map(|_| ExitCode::SUCCESS);
    };
    let out = io::stdout();
    let mut out = io::BufWriter::new(out.lock());
    let result = match Some(command) {
        None => unreachable!("the reader is handled above"),
        Some(Command::Parse { .. }) => unreachable!("handled above"),
        Some(Command::Import {
            max_page_bytes,
            paths,
        }) => import_cmd(&mut store, &paths, max_page_bytes),
        Some(Command::List {
            json,
            limit,
            unread,
        }) => {
            let items = store.list(limit, unread, 0).map_err(|e| e.to_string())?;
            print_items(&mut out, &items, json).map(|_| ExitCode::SUCCESS)
        }
        Some(Command::Show { id, json }) => show(&store, &mut out, &id, json),
        Some(Command::Search { query, json, limit }) => {
            search(&store, &mut out, &query, json, limit)
        }
        Some(Command::Export {
            format,
            output,
            ids,
        }) => export_cmd(&store, &mut out, format, output, &ids),
        Some(Command::Remove { id }) => {
            let uid = store.resolve(&id).map_err(|e| e.to_string())?;
            store.remove(&uid).map_err(|e| e.to_string())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Mark { mark, id }) => {
            let uid = store.resolve(&id).map_err(|e| e.to_string())?;
            match mark {
                Mark::Read | Mark::Unread => store.set_read(&uid, mark == Mark::Read),
                Mark::Saved | Mark::Unsaved => store.set_saved(&uid, mark == Mark::Saved),
            }
            .map_err(|e| e.to_string())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Subscribe { url, name }) => {
            subs::subscribe(&mut store, &url, name.as_deref())
        }
        Some(Command::Unsubscribe { url_or_name }) => subs::unsubscribe(&mut store, &url_or_name),
        Some(Command::Subscriptions { json }) => subs::list(&store, &mut out, json),
        Some(Command::Opml { action }) => subs::opml(&mut store, &mut out, action),
        Some(Command::Refresh {
            jobs,
            timeout,
            max_bytes,
        }) => subs::refresh_cmd(&mut store, &subs::options(jobs, timeout, max_bytes)),
    };
    match out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write the output: {e}"))
        }
        _ => result,
    }
}

/// A throw-away data directory for `--demo`, removed when dropped.
pub struct DemoDir(PathBuf);

impl Drop for DemoDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Opens the store the command line names. The reader (no command) on an empty
/// store that never had them imports the bundled samples; `--demo` uses a
/// throw-away store with only the samples.
fn open_store(cli: &Cli) -> Result<(Store, Option<DemoDir>), String> {
    let (dir, demo) = if cli.demo {
        let dir = std::env::temp_dir().join(format!("tidings-demo-{}", std::process::id()));
        (dir.clone(), Some(DemoDir(dir)))
    } else {
        (paths::data_dir(cli.data_dir.clone())?, None)
    };
    let mut store = Store::open(&dir).map_err(|e| e.to_string())?;
    let wants_samples = cli.demo || cli.command.is_none();
    if wants_samples
        && store.is_empty().map_err(|e| e.to_string())?
        && store
            .state(SAMPLES_STATE)
            .map_err(|e| e.to_string())?
            .is_none()
    {
        import::import_documents(&mut store, &samples::documents()).map_err(|e| e.to_string())?;
        store
            .set_state(SAMPLES_STATE, "1")
            .map_err(|e| e.to_string())?;
    }
    Ok((store, demo))
}

/// `tidings parse`: every file in turn, read exactly as `import` reads it (pages,
/// feeds, Kagi News, exported JSON); a bad one is reported and the rest go on.
fn parse_files(files: &[PathBuf], json: bool, limit: u64) -> ExitCode {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for path in files {
        let contents =
            import::read_page(path, limit).and_then(|bytes| import::contents(path, &bytes, limit));
        match contents {
            Ok(contents) => {
                let docs = contents.documents;
                for problem in &contents.problems {
                    report(path, &format!("skipped {problem}"));
                }
                if !contents.categories.is_empty() {
                    report(
                        path,
                        &format!(
                            "a Kagi News index of {} category files: `tidings import` reads them",
                            contents.categories.len()
                        ),
                    );
                } else if docs.is_empty() && contents.problems.is_empty() {
                    report(path, "nothing to import: no items in it");
                }
                if let Err(e) = print_docs(&mut out, path, &docs, json, files.len() > 1) {
                    if e.kind() == io::ErrorKind::BrokenPipe {
                        return ExitCode::SUCCESS;
                    }
                    report(path, &e.to_string());
                    failed = true;
                }
            }
            Err(reason) => {
                let _ = out.flush();
                report(path, &reason);
                failed = true;
            }
        }
    }
    let _ = out.flush();
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn print_docs(
    out: &mut impl Write,
    path: &Path,
    docs: &[Document],
    json: bool,
    many: bool,
) -> io::Result<()> {
    for doc in docs {
        if json {
            serde_json::to_writer(&mut *out, doc)?;
            writeln!(out)?;
        } else {
            if many {
                writeln!(out, "{}:", import::display(path))?;
            }
            write!(out, "{}", summary::render(doc))?;
        }
    }
    Ok(())
}

/// One line on stderr: `tidings: FILE: reason`.
fn report(path: &Path, reason: &str) {
    eprintln!(
        "tidings: {}: {}",
        import::display(path),
        for_terminal(reason)
    );
}

fn import_cmd(store: &mut Store, paths: &[PathBuf], limit: u64) -> Result<ExitCode, String> {
    let report_ = import::import_paths(store, paths, limit).map_err(|e| e.to_string())?;
    for (file, reason) in report_.failures.iter().chain(&report_.skipped) {
        eprintln!("tidings: {file}: {}", for_terminal(reason));
    }
    for file in &report_.empty {
        eprintln!("tidings: {file}: nothing to import: no items in it");
    }
    let t = report_.tally;
    let skipped = match report_.skipped.len() {
        0 => String::new(),
        n => format!(", {n} skipped"),
    };
    eprintln!(
        "imported: {} added, {} updated, {} unchanged, {} failed{skipped}",
        t.added, t.updated, t.unchanged, t.failed
    );
    let c = report_.citations;
    if c.resolved + c.unresolved + c.common > 0 {
        eprintln!(
            "citations: {} resolved, {} unresolved (shown as written), {} [common] dropped",
            c.resolved, c.unresolved, c.common
        );
    }
    Ok(if t.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn item_json(i: &ListItem) -> serde_json::Value {
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

fn item_line(i: &ListItem) -> String {
    let mark = if i.read { ' ' } else { '●' };
    let saved = if i.saved { "★ " } else { "" };
    let latest = i
        .latest
        .as_deref()
        .map(|l| format!(", {l}"))
        .unwrap_or_default();
    format!(
        "{}  {mark} {saved}{}  ({}{})",
        &i.uid[..8],
        for_terminal(&i.title),
        summary::plural(i.source_count as usize, "source"),
        for_terminal(&latest)
    )
}

fn print_items(out: &mut impl Write, items: &[ListItem], json: bool) -> Result<(), String> {
    let w = |r: io::Result<()>| r.map_err(|e| format!("cannot write the output: {e}"));
    for i in items {
        if json {
            w(writeln!(out, "{}", item_json(i)))?;
        } else {
            w(writeln!(out, "{}", item_line(i)))?;
        }
    }
    Ok(())
}

fn show(store: &Store, out: &mut impl Write, id: &str, json: bool) -> Result<ExitCode, String> {
    let uid = store.resolve(id).map_err(|e| e.to_string())?;
    let stored = store.get(&uid).map_err(|e| e.to_string())?;
    let text = if json {
        serde_json::to_string(&stored.doc).expect("documents serialize") + "\n"
    } else {
        let md = export::markdown(&stored.doc);
        md.lines()
            .map(|l| for_terminal(l).into_owned() + "\n")
            .collect()
    };
    out.write_all(text.as_bytes())
        .map_err(|e| format!("cannot write the output: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

fn search(
    store: &Store,
    out: &mut impl Write,
    query: &str,
    json: bool,
    limit: usize,
) -> Result<ExitCode, String> {
    let hits = store.search(query, limit).map_err(|e| e.to_string())?;
    let w = |r: io::Result<()>| r.map_err(|e| format!("cannot write the output: {e}"));
    for h in &hits {
        if json {
            let mut v = item_json(&h.item);
            v["snippet"] = serde_json::Value::String(h.snippet.clone());
            w(writeln!(out, "{v}"))?;
        } else {
            w(writeln!(
                out,
                "{}\n    {}",
                item_line(&h.item),
                for_terminal(&h.snippet)
            ))?;
        }
    }
    Ok(if hits.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn export_cmd(
    store: &Store,
    out: &mut impl Write,
    format: Format,
    output: Option<PathBuf>,
    ids: &[String],
) -> Result<ExitCode, String> {
    let uids = if ids.is_empty() {
        store.all_uids().map_err(|e| e.to_string())?
    } else {
        ids.iter()
            .map(|i| store.resolve(i))
            .collect::<Result<_, _>>()
            .map_err(|e| e.to_string())?
    };
    let mut text = String::new();
    for uid in &uids {
        let doc = store.get(uid).map_err(|e| e.to_string())?.doc;
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
    write_output(out, output.as_deref(), &text)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes a command's output to the file `-o` named, else to `out`.
pub(crate) fn write_output(
    out: &mut impl Write,
    path: Option<&Path>,
    text: &str,
) -> Result<(), String> {
    match path {
        Some(p) => std::fs::write(p, text)
            .map_err(|e| format!("{}: cannot write: {e}", import::display(p))),
        None => out
            .write_all(text.as_bytes())
            .map_err(|e| format!("cannot write the output: {e}")),
    }
}
