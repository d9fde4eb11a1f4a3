//! Properties every parse, import and frame must hold whatever the input: the
//! fuzz targets (`fuzz/`), the stable fuzz loop (`examples/fuzz.rs`) and the
//! property tests (`tests/parsing/properties.rs`) all check through these functions.

use std::path::Path;

use ratatui::backend::{Backend, CrosstermBackend, TestBackend};
use ratatui::Terminal;

use crate::app::action::{Action, Arrival, Loaded};
use crate::app::App;

use crate::import;
use crate::model::Document;
use crate::parse;
use crate::store::{doc_key, uid_of, Change, ListItem, Store};
use crate::text::sanitize::is_dropped;

/// The page size limit used when checking: big enough for any fuzz input.
const LIMIT: u64 = 64 << 20;

/// Parses `bytes` as a page and checks the result: an error is one clean line;
/// every string of every document is free of controls; each document survives
/// its JSON export unchanged, and its Markdown export is clean.
pub fn check_page(bytes: &[u8]) -> Result<Vec<Document>, String> {
    match parse::parse_bytes(bytes, LIMIT) {
        Err(e) => {
            clean_line(&e.to_string(), "parse error")?;
            Ok(Vec::new())
        }
        Ok(docs) => {
            for doc in &docs {
                check_document(doc)?;
                check_json_round_trip(doc)?;
                clean_text(&crate::export::markdown(doc), "markdown export")?;
            }
            Ok(docs)
        }
    }
}

/// Imports `bytes` as a file named `name` (a page, or exported JSON when the name
/// ends in `.json`) into `store`, then reads each document back: it must come out
/// as it went in, free of controls. An unreadable file must be a clean one-line
/// error and must leave the store as it was.
pub fn check_import(store: &mut Store, name: &str, bytes: &[u8]) -> Result<usize, String> {
    let before = store.count().map_err(|e| e.to_string())?;
    let docs = match import::documents(Path::new(name), bytes, LIMIT) {
        Ok(docs) => docs,
        Err(reason) => {
            clean_line(&reason, "import error")?;
            let after = store.count().map_err(|e| e.to_string())?;
            return if after == before {
                Ok(0)
            } else {
                Err(format!(
                    "a refused file changed the store: {before} -> {after}"
                ))
            };
        }
    };
    let mut importer = store.begin_import().map_err(|e| e.to_string())?;
    let mut written = Vec::new();
    for doc in &docs {
        check_document(doc)?;
        let outcome = importer
            .put(doc, Some(name), None)
            .map_err(|e| e.to_string())?;
        if outcome != Change::Unchanged {
            written.push(doc);
        }
    }
    importer.commit().map_err(|e| e.to_string())?;
    for (i, doc) in written.iter().enumerate() {
        let key = doc_key(doc);
        if written[i + 1..].iter().any(|d| doc_key(d) == key) {
            continue; // a later document of the same story replaced this one
        }
        let stored = store.get(&uid_of(&key)).map_err(|e| e.to_string())?;
        if &stored.doc != *doc {
            return Err(format!("stored document differs from the import: {key}"));
        }
        clean_line(&stored.item.title, "list title")?;
    }
    Ok(docs.len())
}

/// Every string in `doc` is free of controls; titles, names and labels are one line.
pub fn check_document(doc: &Document) -> Result<(), String> {
    let value = serde_json::to_value(doc).map_err(|e| e.to_string())?;
    walk(&value, "$")
}

fn walk(v: &serde_json::Value, at: &str) -> Result<(), String> {
    match v {
        serde_json::Value::String(s) => clean_line(s, at),
        serde_json::Value::Array(items) => items
            .iter()
            .enumerate()
            .try_for_each(|(i, x)| walk(x, &format!("{at}[{i}]"))),
        serde_json::Value::Object(map) => map
            .iter()
            .try_for_each(|(k, x)| walk(x, &format!("{at}.{k}"))),
        _ => Ok(()),
    }
}

/// Reads `bytes` as a feed or Kagi News JSON and checks the result: an error, and
/// each item or cluster left out, is one clean line; every document is clean and
/// survives its JSON export; every citation names a source the document lists.
pub fn check_feed(bytes: &[u8]) -> Result<usize, String> {
    let loaded = match crate::feeds::load(bytes, None) {
        None => return Ok(0),
        Some(Err(e)) => return clean_line(&e, "feed error").map(|_| 0),
        Some(Ok(l)) => l,
    };
    for p in &loaded.problems {
        clean_line(p, "feed problem")?;
    }
    for doc in &loaded.documents {
        check_document(doc)?;
        check_json_round_trip(doc)?;
        let reactions = doc.reactions.iter().flat_map(|p| &p.sentences);
        let cited = doc
            .sentences()
            .chain(reactions)
            .flat_map(|s| &s.citations)
            .chain(doc.timeline.iter().flat_map(|e| &e.citations));
        for n in cited {
            if doc.source(*n).is_none() {
                return Err(format!("[{n}] cites no listed source in {:?}", doc.title));
            }
        }
    }
    Ok(loaded.documents.len())
}

/// The document's JSON (as `tidings export --format json` writes it) reads back
/// through the importer as the same document.
pub fn check_json_round_trip(doc: &Document) -> Result<(), String> {
    let json = serde_json::to_string_pretty(doc).map_err(|e| e.to_string())?;
    let back = import::documents(Path::new("export.json"), json.as_bytes(), LIMIT)
        .map_err(|e| format!("export does not import: {e}"))?;
    if back.len() != 1 || &back[0] != doc {
        return Err("JSON export does not read back as the same document".into());
    }
    Ok(())
}

/// No control character, line break or bidi control in `s`.
pub fn clean_line(s: &str, what: &str) -> Result<(), String> {
    match s.chars().find(|&c| is_dropped(c) || c == '\n' || c == '\r') {
        None => Ok(()),
        Some(c) => Err(format!("{what} holds U+{:04X}: {s:?}", c as u32)),
    }
}

/// No control character but line breaks in `s`.
pub fn clean_text(s: &str, what: &str) -> Result<(), String> {
    s.split('\n').try_for_each(|line| clean_line(line, what))
}

/// The keys a reader walks a document with while [`check_render`] draws.
const WALK: &[Action] = &[
    Action::Open,
    Action::UnfoldAll,
    Action::NextClaim,
    Action::Open,
    Action::Open,
    Action::JumpBack,
    Action::Bottom,
    Action::PageUp,
    Action::Timeline,
    Action::Bottom,
    Action::Open,
    Action::Back,
    Action::FoldAll,
    Action::Help,
    Action::PageDown,
];

/// Opens `doc` in a reader of `width` x `height`, walks it (folds, claims, sources,
/// timeline, help), drawing after every step. No step may panic, and the bytes
/// crossterm writes for each frame may hold no control but the cursor moves and
/// colours the reader itself asks for. Returns the text of every frame drawn.
pub fn check_render(doc: &Document, width: u16, height: u16) -> Result<String, String> {
    let item = ListItem {
        uid: uid_of(&doc_key(doc)),
        kind: doc.kind.as_str().into(),
        title: doc.title.clone(),
        article_count: doc.article_count,
        source_count: doc.sources.len() as u32,
        event_count: doc.timeline.len() as u32,
        latest: doc.latest_date().map(|d| d.compact()),
        read: false,
        saved: false,
        feed: crate::store::feed_name(doc, None),
    };
    let mut app = App::new(width, height, None);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).map_err(|e| e.to_string())?;
    app.receive(Arrival::ListLoaded(vec![item.clone()]));
    app.receive(Arrival::Loaded(Box::new(Loaded {
        item,
        doc: doc.clone(),
        related: vec![None; doc.related.len()],
    })));
    let mut frames = String::new();
    for action in WALK {
        app.update(action.clone());
        terminal
            .draw(|f| crate::ui::draw(f, &app))
            .map_err(|e| e.to_string())?;
        let buffer = terminal.backend().buffer();
        let mut bytes = Vec::new();
        let cells = buffer.content.iter().enumerate().map(|(i, c)| {
            let (x, y) = buffer.pos_of(i);
            (x, y, c)
        });
        CrosstermBackend::new(&mut bytes)
            .draw(cells)
            .map_err(|e| e.to_string())?;
        check_terminal_bytes(&bytes)
            .map_err(|e| format!("after {action:?} at {width}x{height}: {e}"))?;
        for row in buffer.content.chunks(width as usize) {
            frames.extend(row.iter().map(|c| c.symbol()));
            frames.push('\n');
        }
    }
    Ok(frames)
}

/// Checks bytes bound for the terminal: valid UTF-8, and every control is an ESC
/// starting a CSI that moves the cursor or sets colours (final byte `H` or `m`,
/// parameters digits and `;` only). No OSC, DCS or C1, no bidi control.
pub fn check_terminal_bytes(bytes: &[u8]) -> Result<(), String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8: {e}"))?;
    let mut it = text.char_indices().peekable();
    while let Some((at, c)) = it.next() {
        if c == '\u{1b}' {
            if it.next().map(|(_, c)| c) != Some('[') {
                return Err(format!("an escape that is not CSI at byte {at}"));
            }
            let fin = loop {
                match it.next() {
                    Some((_, c)) if c.is_ascii_digit() || c == ';' => continue,
                    Some((_, c)) => break c,
                    None => return Err(format!("an unterminated CSI at byte {at}")),
                }
            };
            if !matches!(fin, 'H' | 'm') {
                return Err(format!("CSI ending in {fin:?} at byte {at}"));
            }
        } else if c.is_control() || is_dropped(c) {
            return Err(format!("U+{:04X} at byte {at}", c as u32));
        }
    }
    Ok(())
}
