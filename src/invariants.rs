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

/// An older version of `doc` as a reader may have read it, so that the walk of
/// [`check_render`] draws every kind of change mark: every other claim, source
/// and event left out (new now), and a word more in every third claim kept
/// (changed now).
fn read_before(doc: &Document) -> Document {
    let mut old = doc.clone();
    let paragraphs = old.lead.iter_mut().chain(
        old.sections
            .iter_mut()
            .flat_map(|s| s.paragraphs.iter_mut()),
    );
    for p in paragraphs {
        let mut i = 0;
        p.sentences.retain(|_| {
            i += 1;
            i % 2 == 1
        });
        for s in p.sentences.iter_mut().step_by(3) {
            s.text.push_str(" formerly");
        }
    }
    let mut i = 0;
    old.sources.retain(|_| {
        i += 1;
        i % 2 == 1
    });
    let mut i = 0;
    old.timeline.retain(|_| {
        i += 1;
        i % 2 == 1
    });
    old
}

/// The keys a reader walks a document with while [`check_render`] draws.
const WALK: &[Action] = &[
    Action::Open,
    Action::UnfoldAll,
    Action::NextClaim,
    Action::NextChange,
    Action::NextChange,
    Action::PrevChange,
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
/// colours the reader itself asks for, and its hyperlinks. Returns the text of
/// every frame drawn, as the terminal shows it.
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
        thread: None,
        feeds: 0,
        outlets: 0,
        updated: true,
    };
    let mut app = App::new(width, height, None);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).map_err(|e| e.to_string())?;
    app.receive(Arrival::ListLoaded(vec![crate::store::Headline {
        id: 1,
        item: item.clone(),
    }]));
    app.receive(Arrival::Loaded(Box::new(Loaded {
        id: 0,
        item,
        doc: doc.clone(),
        related: vec![None; doc.related.len()],
        changes: Some(crate::diff::changes(&read_before(doc), doc)),
    })));
    let theme = crate::ui::theme::Theme::default();
    let mut frames = String::new();
    for action in WALK {
        app.update(action.clone());
        terminal
            .draw(|f| crate::ui::draw(f, &app, &theme))
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
            frames.extend(row.iter().map(|c| crate::ui::links::shown(c.symbol())));
            frames.push('\n');
        }
    }
    Ok(frames)
}

/// Checks bytes bound for the terminal: valid UTF-8, and every control is an ESC
/// starting a CSI that moves the cursor or sets colours (final byte `H` or `m`,
/// parameters digits and `;` only), or a hyperlink (OSC 8) of the one shape
/// the reader writes: `ESC ]8;id=HEX;URL ESC \`, the URL printable ASCII
/// without spaces, quotes or backslashes, then the text of one cell and its
/// close `ESC ]8;; ESC \` before any other escape. No other OSC, no DCS or
/// C1, no bidi control.
pub fn check_terminal_bytes(bytes: &[u8]) -> Result<(), String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8: {e}"))?;
    let mut it = text.char_indices().peekable();
    let mut link_open = false;
    while let Some((at, c)) = it.next() {
        if c == '\u{1b}' {
            let rest = &text[at..];
            if rest.starts_with("\u{1b}]") {
                let (len, opens) = hyperlink(rest)
                    .ok_or_else(|| format!("an OSC that is not a clean hyperlink at byte {at}"))?;
                if opens == link_open {
                    return Err(format!("a hyperlink not closed in its cell at byte {at}"));
                }
                link_open = opens;
                while it.peek().is_some_and(|(i, _)| *i < at + len) {
                    it.next();
                }
                continue;
            }
            if link_open {
                return Err(format!("an escape inside a hyperlink at byte {at}"));
            }
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
    if link_open {
        return Err("a hyperlink left open".into());
    }
    Ok(())
}

/// The length of the hyperlink escape `s` starts with, and whether it opens a
/// link (or closes one); `None` for anything else.
fn hyperlink(s: &str) -> Option<(usize, bool)> {
    const CLOSE: &str = "\u{1b}]8;;\u{1b}\\";
    if s.starts_with(CLOSE) {
        return Some((CLOSE.len(), false));
    }
    let rest = s.strip_prefix("\u{1b}]8;id=")?;
    let end = rest.find("\u{1b}\\")?;
    let (id, url) = rest[..end].split_once(';')?;
    let id_ok = !id.is_empty() && id.bytes().all(|b| b.is_ascii_hexdigit());
    let url_ok = url.starts_with("http")
        && url
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=%".contains(&b));
    (id_ok && url_ok).then_some(("\u{1b}]8;id=".len() + end + 2, true))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Source};

    #[test]
    fn terminal_bytes_hold_only_colours_moves_and_clean_hyperlinks() {
        let open = "\u{1b}]8;id=0a1b;https://example.org/a%20b?q=1\u{1b}\\";
        let close = "\u{1b}]8;;\u{1b}\\";
        let ok = format!("\u{1b}[1;2H\u{1b}[38;5;6m{open}港{close}{open}x{close}\u{1b}[0m");
        assert_eq!(check_terminal_bytes(ok.as_bytes()), Ok(()));
        for bad in [
            "\u{1b}]52;c;UFdORUQ=\u{1b}\\".to_string(),
            "\u{1b}]8;id=1;https://a b\u{1b}\\x\u{1b}]8;;\u{1b}\\".into(),
            "\u{1b}]8;id=1;https://a\u{7}\u{1b}\\x\u{1b}]8;;\u{1b}\\".into(),
            "\u{1b}]8;id=zz;https://a\u{1b}\\x\u{1b}]8;;\u{1b}\\".into(),
            "\u{1b}]8;;javascript:x\u{1b}\\".into(),
            format!("{open}x"),
            format!("{open}x\u{1b}[1;1H{close}"),
            format!("{open}{open}x{close}"),
            close.to_string(),
        ] {
            assert!(check_terminal_bytes(bad.as_bytes()).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_hostile_source_url_draws_as_a_clean_hyperlink_at_any_size() {
        let mut doc = Document::new(Kind::Story, "Strike".into());
        doc.lead
            .push(crate::parse::sentences::paragraph("It ended [1]."));
        doc.sources.push(Source {
            n: 1,
            outlet: Some("Wire".into()),
            title: "Strike over 港".into(),
            summary: None,
            url: Some("https://exämple.org/\u{1b}]52;c;PWNED\u{7}\"<>`\\x y".into()),
        });
        for (w, h) in [(120, 40), (60, 20), (40, 12), (12, 6)] {
            let frames = check_render(&doc, w, h).unwrap();
            assert!(
                !frames.contains("PWNED") && !frames.contains('\u{1b}'),
                "{frames}"
            );
        }
    }
}
