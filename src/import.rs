//! `tidings import`: page dumps, exported JSON documents (and the read and saved
//! marks they carry), Kagi News JSON, RSS/Atom/JSON Feed files, directories
//! (recursive) and stdin into the store, in batches of whole files that each
//! commit (a killed import keeps the batches it committed, and running it again
//! finishes it). A file that fails is reported with its reason and the rest
//! still land.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::mpsc::SyncSender;

use serde::Deserialize;

use crate::feeds::{self, kagi::CitationTally, Contents};
use crate::model::{Document, Marks, SCHEMA_VERSION};
use crate::parse::{self, InputError};
use crate::store::{ChangeCounts, Prepared, Store, StoreError};
use crate::text::sanitize::for_terminal;

/// What an import did, with the reason for each file that failed.
#[derive(Debug, Default)]
pub struct ImportReport {
    pub tally: ChangeCounts,
    pub failures: Vec<(String, String)>,
    /// Items left out of a file that was read (no title or text): said, but not
    /// failures.
    pub skipped: Vec<(String, String)>,
    /// Files read that held nothing to store (an empty feed).
    pub empty: Vec<String>,
    /// Kagi News citations seen, resolved or not.
    pub citations: CitationTally,
}

mod walk;

use walk::Walk;

/// Imports every path (files, directories, `-`), committing a batch whenever the
/// files read since the last one fill it ([`crate::store::Batch`]);
/// `progress(done, total)` is called before each file is stored (`total` grows
/// when a Kagi index brings its category files). The work runs as a pipeline
/// on three threads, each a few files behind the one before: one reads and
/// parses the files, one makes their documents ready to store ([`Prepared`]:
/// serialized, packed, their search text), and this one writes them.
pub fn import_paths(
    store: &mut Store,
    paths: &[PathBuf],
    limit: u64,
    mut progress: impl FnMut(usize, usize),
) -> Result<ImportReport, StoreError> {
    let mut report = ImportReport::default();
    // A first walk counts the files (and says which directories do not list);
    // the reading thread walks again as it goes.
    let mut counted = 0;
    for found in Walk::new(paths) {
        match found {
            Ok(_) => counted += 1,
            Err((dir, e)) => {
                report.tally.failed += 1;
                report.failures.push((display(&dir), e.to_string()));
            }
        }
    }
    std::thread::scope(|scope| {
        let (send_read, receive_read) = std::sync::mpsc::sync_channel(READ_AHEAD);
        let (send, receive) = std::sync::mpsc::sync_channel(READ_AHEAD);
        let thread = |name: &str| std::thread::Builder::new().name(name.into());
        let started = "a thread starts, as std::thread::spawn expects";
        thread("import-reader")
            .spawn_scoped(scope, move || read_files(paths, counted, limit, send_read))
            .expect(started);
        thread("import-preparer")
            .spawn_scoped(scope, move || {
                for mut file in receive_read {
                    file.ready = match &file.outcome {
                        Ok(loaded) => loaded.documents.iter().map(Prepared::of).collect(),
                        Err(_) => Vec::new(),
                    };
                    if send.send(file).is_err() {
                        return;
                    }
                }
            })
            .expect(started);
        let mut importer = store.begin_import()?;
        for (done, file) in receive.iter().enumerate() {
            progress(done, file.total);
            let name = file.name;
            match file.outcome {
                Ok(loaded) => {
                    for (i, (doc, ready)) in loaded.documents.iter().zip(&file.ready).enumerate() {
                        let listed = loaded.feeds.get(i).and_then(Option::as_deref);
                        let given = listed.or(loaded.title.as_deref());
                        let outcome = importer.put_prepared(doc, ready, Some(&name), given)?;
                        report.tally.count(outcome);
                        if let Some(marks) = loaded.marks.get(i) {
                            importer.add_marks(doc, *marks)?;
                        }
                    }
                    if loaded.documents.is_empty()
                        && loaded.problems.is_empty()
                        && loaded.categories.is_empty()
                    {
                        report.empty.push(name.clone());
                    }
                    for problem in loaded.problems {
                        report
                            .skipped
                            .push((name.clone(), format!("skipped {problem}")));
                    }
                    report.citations.add(loaded.citations);
                    if let Some(missing) = file.missing {
                        report.tally.failed += 1;
                        report.failures.push((name, missing));
                    }
                    importer.end_of_file()?;
                }
                Err(reason) => {
                    report.tally.failed += 1;
                    report.failures.push((name, reason));
                }
            }
        }
        importer.commit()?;
        Ok(report)
    })
}

/// How many files each thread may be ahead of the next one: enough to keep
/// the three busy (small pages), few enough that large files (a Kagi or JSONL
/// export of many megabytes each) do not pile up in memory.
const READ_AHEAD: usize = 8;

/// A file as the reading thread hands it over.
struct ReadFile {
    name: String,
    /// The files to import, as known so far.
    total: usize,
    /// Its contents, or why it failed.
    outcome: Result<Contents, String>,
    /// Its documents made ready to store (by the second thread).
    ready: Vec<Prepared>,
    /// For a Kagi index, the category files it lists that are not beside it.
    missing: Option<String>,
}

/// Reads and parses every file the paths name (`counted` of them) in turn, then
/// the category files of each Kagi index among them that they do not name;
/// stops when the writing side hangs up.
fn read_files(paths: &[PathBuf], counted: usize, limit: u64, send: SyncSender<ReadFile>) {
    let mut found = Walk::new(paths).filter_map(Result::ok);
    let mut listed_only: Vec<PathBuf> = Vec::new();
    let mut next_listed = 0;
    loop {
        let file = match found.next() {
            Some(file) => file,
            None if next_listed < listed_only.len() => {
                next_listed += 1;
                listed_only[next_listed - 1].clone()
            }
            None => return,
        };
        let mut missing = None;
        let outcome = read_page(&file, limit)
            .and_then(|bytes| contents(&file, &bytes, limit))
            .inspect(|loaded| {
                let (listed, absent) = index_files(&file, &loaded.categories);
                missing = absent;
                // An index that lists itself, or one listed twice, is read once.
                for p in listed {
                    if !walk::reads(paths, &p) && !listed_only.contains(&p) {
                        listed_only.push(p);
                    }
                }
            });
        let read = ReadFile {
            name: display(&file),
            total: counted + listed_only.len(),
            outcome,
            ready: Vec::new(),
            missing,
        };
        if send.send(read).is_err() {
            return;
        }
    }
}

/// The category files a Kagi index lists that sit next to it, and a line that
/// names those that do not.
fn index_files(index: &Path, categories: &[(String, String)]) -> (Vec<PathBuf>, Option<String>) {
    let dir = index.parent().unwrap_or(Path::new("."));
    let mut present = Vec::new();
    let mut missing = Vec::new();
    for (_, file) in categories {
        // Only plain names: an index must not point outside its directory.
        let plain = Path::new(file)
            .file_name()
            .is_some_and(|n| n == std::ffi::OsStr::new(file));
        let path = dir.join(file);
        if plain && path.is_file() {
            present.push(path);
        } else {
            missing.push(file.as_str());
        }
    }
    if missing.is_empty() {
        return (present, None);
    }
    let shown: Vec<&str> = missing.iter().take(3).copied().collect();
    let more = missing.len().saturating_sub(shown.len());
    let line = format!(
        "Kagi index: {} of {} category files are not next to it ({}{})",
        missing.len(),
        categories.len(),
        shown.join(", "),
        if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        }
    );
    (present, Some(line))
}

/// Imports documents already in memory (the bundled samples) in one transaction.
pub fn import_documents(
    store: &mut Store,
    docs: &[(String, Document)],
) -> Result<ChangeCounts, StoreError> {
    let mut tally = ChangeCounts::default();
    let mut importer = store.begin_import()?;
    for (origin, doc) in docs {
        tally.count(importer.put(doc, Some(origin), None)?);
    }
    importer.commit()?;
    Ok(tally)
}

/// The documents a file holds (see [`contents`]).
pub fn documents(path: &Path, bytes: &[u8], limit: u64) -> Result<Vec<Document>, String> {
    contents(path, bytes, limit).map(|l| l.documents)
}

/// What a file holds: a feed or Kagi News JSON, exported JSON (an object, an
/// array, or one object per line), else a page dump to parse.
pub fn contents(path: &Path, bytes: &[u8], limit: u64) -> Result<Contents, String> {
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge {
            size: bytes.len() as u64,
            limit,
        }
        .to_string());
    }
    if let Some(loaded) = feeds::load(bytes, None) {
        return loaded;
    }
    let start = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(bytes)
        .iter()
        .find(|b| !b.is_ascii_whitespace());
    let json_name = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json") || e.eq_ignore_ascii_case("jsonl"));
    let (mut documents, mut marks, mut feeds) = (Vec::new(), Vec::new(), Vec::new());
    if json_name || matches!(start, Some(b'{') | Some(b'[')) {
        let text = parse::input::decode(bytes, limit).map_err(|e| e.to_string())?;
        for (doc, mark, feed) in json_documents(&text)? {
            documents.push(doc);
            marks.push(mark);
            feeds.push(feed);
        }
    } else {
        documents = parse::parse_bytes(bytes, limit).map_err(|e: InputError| e.to_string())?;
    }
    Ok(Contents {
        documents,
        marks,
        feeds,
        ..Contents::default()
    })
}

/// Documents exported by tidings, each with the reader marks and the feed name
/// it carries.
fn json_documents(text: &str) -> Result<Vec<(Document, Marks, Option<String>)>, String> {
    let trimmed = text.trim_start();
    let values: Vec<serde_json::Value> = if trimmed.starts_with('[') {
        serde_json::from_str(trimmed).map_err(|e| format!("not JSON: {e}"))?
    } else {
        serde_json::Deserializer::from_str(trimmed)
            .into_iter()
            .collect::<Result<_, _>>()
            .map_err(|e| format!("not JSON: {e}"))?
    };
    if values.is_empty() {
        return Err("no documents in this JSON".into());
    }
    values
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            // Exported documents always carry the contract's schema number; other
            // JSON (a facts file, a feed) is not a document even if it has a title.
            match v.get("schema").and_then(|s| s.as_u64()) {
                Some(n) if n as u32 <= SCHEMA_VERSION => {}
                Some(n) => {
                    return Err(format!(
                        "document {} has schema {n}, newer than this tidings reads",
                        i + 1
                    ))
                }
                None => {
                    return Err(format!(
                        "document {} is not a tidings document (no \"schema\" field)",
                        i + 1
                    ))
                }
            }
            let malformed = |e: serde_json::Error| format!("document {} is malformed: {e}", i + 1);
            let marks = match v.get("marks") {
                Some(m) => Marks::deserialize(m).map_err(malformed)?,
                None => Marks::default(),
            };
            let feed = v
                .get("feed")
                .and_then(|f| f.as_str())
                .map(|f| for_terminal(f).into_owned());
            let mut doc: Document = serde_json::from_value(v).map_err(malformed)?;
            doc.sanitize();
            Ok((doc, marks, feed))
        })
        .collect()
}

/// Reads a page, refusing files over the limit before reading them.
pub fn read_page(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        std::io::stdin()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(bytes);
    }
    let file = std::fs::File::open(path).map_err(|e| io_reason(&e))?;
    let meta = file.metadata().map_err(|e| io_reason(&e))?;
    if meta.is_dir() {
        return Err("is a directory".into());
    }
    if meta.len() > limit {
        return Err(InputError::TooLarge {
            size: meta.len(),
            limit,
        }
        .to_string());
    }
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_reason(&e))?;
    Ok(bytes)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// A path as it may be shown on a terminal.
pub fn display(path: &Path) -> String {
    if path == Path::new("-") {
        return "<stdin>".into();
    }
    for_terminal(&path.to_string_lossy()).into_owned()
}
