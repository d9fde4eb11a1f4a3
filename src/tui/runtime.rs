//! The event loop: draw, wait for a key, the mouse, a resize or background news,
//! and carry out each effect the app asks for against the store and the browser,
//! handing what it produced back to the app.

use std::io::{self, Stdout};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use crossterm::clipboard::CopyToClipboard;
use crossterm::event;
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;

use super::background::Background;
use super::marker::Job;
use super::terminal::Stopping;
use crate::app::action::{Action, Arrival, Effect, Loaded};
use crate::app::claims::claim_rows;
use crate::app::keymap::KeyMap;
use crate::app::thread::ThreadView;
use crate::app::App;
use crate::config::Config;
use crate::diff;
use crate::opener;
use crate::query::Query;
use crate::store::{Headline, IndexFrom, ReadVersion, Sort, Store, StoreError, View};
use crate::ui;
use crate::ui::theme::Theme;

/// Fault injection for the terminal tests, in debug builds only: with
/// `TIDINGS_FAULT=panic-in-draw` the reader panics inside the draw once a story has the focus.
#[cfg(debug_assertions)]
fn injected_fault(app: &App) {
    if app.focus == crate::app::Focus::Story
        && std::env::var_os("TIDINGS_FAULT").is_some_and(|v| v == "panic-in-draw")
    {
        panic!("injected fault: panic in draw");
    }
}

/// The reader state name that remembers the last selected story.
pub(super) const LAST_SELECTED: &str = "last_selected";

/// The reader state name that remembers the list's sort.
pub(super) const SORT: &str = "sort";

/// The reader state name that remembers the config's `default_sort` at the
/// last start.
const SORT_DEFAULT: &str = "sort_default";

/// The sort the reader starts in: the one `S` picked last, unless the config's
/// `default_sort` changed since (the newer choice wins: the file's, which `S`
/// overrides again). Stores from before the setting started in `newest`.
pub(super) fn start_sort(store: &mut Store, configured: Sort) -> Result<Sort, StoreError> {
    let read = |name| -> Result<Option<Sort>, StoreError> {
        Ok(store.state(name)?.and_then(|s| s.parse().ok()))
    };
    let seen = read(SORT_DEFAULT)?;
    let sort = match read(SORT)? {
        Some(picked) if seen.unwrap_or_default() == configured => picked,
        _ => configured,
    };
    if seen != Some(configured) {
        store.set_state(SORT_DEFAULT, configured.as_str())?;
        store.set_state(SORT, sort.as_str())?;
    }
    Ok(sort)
}

/// How often the reader asks whether another process changed the store.
const CHECK_EVERY: Duration = Duration::from_millis(500);

/// Headlines read before the first frame: more than any screen shows.
pub(super) const FIRST_ROWS: usize = 500;
/// Rows of the list index read per step after the first frame, between looks
/// at the keyboard.
const INDEX_ROWS: usize = 20_000;

/// Draws, then waits for input or news, until the person quits or a signal
/// arrives; the selected story is remembered for next time.
pub(super) fn event_loop(
    store: &mut Store,
    first: Vec<Headline>,
    remembered: Option<String>,
    sort: Sort,
    settings: &Config,
    keys: KeyMap,
    stop: &Stopping,
) -> Result<(), String> {
    let mut term: Terminal<CrosstermBackend<Stdout>> =
        Terminal::new(CrosstermBackend::new(io::stdout())).map_err(|e| e.to_string())?;
    let size = term.size().map_err(|e| e.to_string())?;
    let mut app = App::new(size.width, size.height, remembered);
    app.configure(&settings.reader);
    app.hyperlinks &= hyperlinks_wanted(std::env::var("TERM").ok().as_deref());
    app.config_note = match &settings.path {
        Some(path) => format!("config: {}", path.display()),
        None => "config: none (the defaults; `tidings config init` writes one)".into(),
    };
    app.sort = sort;
    app.keys = keys;
    // Under NO_COLOR the theme has no colour but keeps its emphasis. crossterm's
    // own NO_COLOR support would write each colour change as `ESC[m`, which
    // resets reverse and bold too and left the selected row unmarked.
    let theme = Theme::from_config(settings, colour_wanted());
    crossterm::style::force_color_output(true);
    let mut bg = Background::configured(settings);
    let mut quit = deliver(&mut app, store, &mut bg, list_arrival(first));
    let mut checked = Instant::now();
    while !quit && !stop.asked.load(Ordering::Relaxed) {
        if let Some(url) = app.clipboard.take() {
            copy_to_clipboard(term.backend_mut(), &url).map_err(|e| e.to_string())?;
        }
        term.draw(|f| {
            #[cfg(debug_assertions)]
            injected_fault(&app);
            ui::draw(f, &app, &theme)
        })
        .map_err(|e| e.to_string())?;
        quit |= tick(&mut app, store, &mut bg, Instant::now());
        if event::poll(wait(&app, &bg)).map_err(|e| e.to_string())? {
            let input = event::read().map_err(|e| e.to_string())?;
            if let Some(a) = app.keys.translate(app.input_scope(), &input) {
                if a == Action::Redraw {
                    // The next draw then repaints every cell, whatever the
                    // terminal shows now.
                    term.clear().map_err(|e| e.to_string())?;
                }
                quit = dispatch(&mut app, store, &mut bg, a);
            }
        } else if app.counts_wanted {
            // After the first frame: the header counts what is not read in yet.
            let counts = match store.count_view(&View::all()) {
                Ok(c) => Arrival::Counts(c),
                Err(e) => Arrival::Notice(e.to_string()),
            };
            app.counts_wanted = false;
            quit = deliver(&mut app, store, &mut bg, counts);
        } else if app.loading {
            let more = read_index(store, app.sort, &app.list.next, bg.threads);
            quit = deliver(&mut app, store, &mut bg, more);
        }
        if checked.elapsed() >= CHECK_EVERY {
            checked = Instant::now();
            if let Some(news) = outside_change(store, &mut bg) {
                quit |= deliver(&mut app, store, &mut bg, news);
            }
        }
    }
    // Marks asked for are written before the reader goes: the watchdog leaves
    // a loop that ended on its own to finish.
    stop.left.store(true, Ordering::SeqCst);
    bg.finish_marks();
    if let Some(uid) = app.selected_item().map(|i| i.uid.clone()) {
        let _ = store.set_state(LAST_SELECTED, &uid);
    }
    Ok(())
}

/// Hands `url` to the terminal's clipboard (OSC 52, base64, so the bytes hold
/// nothing but the escape itself). Only the URLs the app cleaned come here.
pub fn copy_to_clipboard(out: &mut impl io::Write, url: &str) -> io::Result<()> {
    crossterm::execute!(out, CopyToClipboard::to_clipboard_from(url))
}

/// Hyperlinks (OSC 8) unless the terminal is one known to print them: the
/// Linux console or a dumb terminal. Others ignore an escape they do not know.
fn hyperlinks_wanted(term: Option<&str>) -> bool {
    !term.is_some_and(|t| t == "dumb" || t.starts_with("linux"))
}

/// Colour unless `NO_COLOR` is set to something (<https://no-color.org>).
fn colour_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// How long to wait for input: not at all while the rest of the list is read
/// in (keys still come first), a moment while a question is answered off the
/// loop, briefly while a refresh reports progress.
fn wait(app: &App, bg: &Background) -> Duration {
    if app.loading {
        Duration::ZERO
    } else if bg.asking() {
        Duration::from_millis(10)
    } else if bg.busy() {
        Duration::from_millis(50)
    } else {
        Duration::from_millis(250)
    }
}

/// Whether another process (an `import`, a `refresh` from cron) changed the
/// store since the last look. The reader's own background work writes through
/// connections of its own, which the store counts as others too: while it runs,
/// and for what it wrote, nothing is reported (a refresh reads the list again
/// when it ends anyway).
fn outside_change(store: &Store, bg: &mut Background) -> Option<Arrival> {
    let changed = store.changed_since_last_check().ok()?;
    let ours = bg.take_wrote() || bg.busy();
    (changed && !ours).then_some(Arrival::StoreChanged)
}

/// The next step of the list index in `sort` from `from`.
fn read_index(store: &Store, sort: Sort, from: &IndexFrom, threads: bool) -> Arrival {
    match store.index_part(sort, from, INDEX_ROWS, threads) {
        Ok(part) => Arrival::ListIndex {
            done: part.rows.len() < INDEX_ROWS,
            part,
        },
        Err(e) => Arrival::ListFailed(e.to_string()),
    }
}

/// The first headlines: all of them, or the first part of more.
fn list_arrival(first: Vec<Headline>) -> Arrival {
    if first.len() < FIRST_ROWS {
        Arrival::ListLoaded(first)
    } else {
        Arrival::ListPartial(first)
    }
}

/// Takes in what the background work reported, and starts the automatic
/// refresh when it is due at `now`; true to quit.
pub fn tick(app: &mut App, store: &mut Store, bg: &mut Background, now: Instant) -> bool {
    let mut quit = false;
    for news in bg.poll() {
        quit |= deliver(app, store, bg, news);
    }
    if bg.auto_due(now) {
        bg.start_auto_refresh(store.sibling());
    }
    quit
}

/// Applies an action and every effect that follows from it; true to quit.
pub fn dispatch(app: &mut App, store: &mut Store, bg: &mut Background, action: Action) -> bool {
    let effect = app.update(action);
    follow(app, store, bg, effect)
}

/// Takes in an arrival and every effect that follows from it; true to quit.
pub fn deliver(app: &mut App, store: &mut Store, bg: &mut Background, arrival: Arrival) -> bool {
    let effect = app.receive(arrival);
    follow(app, store, bg, effect)
}

/// Carries out effects until one brings nothing back, then reads the full
/// rows the screen lacks (and what follows from them); true to quit.
fn follow(app: &mut App, store: &mut Store, bg: &mut Background, effect: Option<Effect>) -> bool {
    let mut next = effect;
    loop {
        while let Some(e) = next.take() {
            if e == Effect::Quit {
                return true;
            }
            next = run_effect(store, bg, e).and_then(|arrival| app.receive(arrival));
        }
        let asked = app.rows_wanted();
        if asked.is_empty() {
            return false;
        }
        next = match store.rows_by_id(&asked) {
            Ok(rows) => app.receive(Arrival::Rows { asked, rows }),
            Err(e) => {
                app.receive(Arrival::Notice(e.to_string()));
                return false;
            }
        };
    }
}

/// What the app hears when the store refused an effect on document `uid`: that
/// it is gone (another process removed it), or why not.
pub(super) fn failed(uid: String, e: StoreError) -> Arrival {
    match e {
        StoreError::NotFound(_) => Arrival::Gone(uid),
        e => Arrival::Notice(e.to_string()),
    }
}

/// Carries out one effect; what it produced comes back as an arrival.
fn run_effect(store: &mut Store, bg: &mut Background, effect: Effect) -> Option<Arrival> {
    let notice = |e: StoreError| Some(Arrival::Notice(e.to_string()));
    match effect {
        Effect::Quit => None,
        Effect::Load { uid, mark_read } => {
            // The version last read, before opening marks this one read.
            let read = store.read_version(&uid);
            if mark_read && bg.marking() {
                // Marks are being written: this one waits its turn off the loop.
                bg.mark(store, Job::Opened(uid.clone()));
            } else if mark_read {
                if let Err(e) = store
                    .set_read(&uid, true)
                    .and_then(|_| store.set_state(LAST_SELECTED, &uid))
                {
                    return Some(failed(uid, e));
                }
            }
            let mut stored = match store.get(&uid) {
                Ok(s) => s,
                Err(e) => return Some(failed(uid, e)),
            };
            // Read, whether written already or waiting its turn.
            stored.item.read |= mark_read;
            let related = store.related_links(&stored.doc).unwrap_or_default();
            let changes = match read {
                Ok(ReadVersion::Older(old)) => Some(diff::changes(&old, &stored.doc)),
                _ => None,
            };
            Some(Arrival::Loaded(Box::new(Loaded {
                id: stored.id,
                item: stored.item,
                doc: stored.doc,
                related,
                changes,
            })))
        }
        // While marks are being written, every write waits its turn off the loop
        // (the store's write lock is theirs: a frame must not wait for it).
        Effect::SetSaved { uid, saved } if bg.marking() => {
            bg.mark(store, Job::Saved { uid, saved });
            None
        }
        Effect::SetSaved { uid, saved } => Some(match store.set_saved(&uid, saved) {
            Ok(()) => Arrival::Saved { uid, saved },
            Err(e) => failed(uid, e),
        }),
        Effect::OpenUrl(url) => Some(Arrival::Notice(match opener::open(&url, &bg.browser) {
            Ok(()) => format!("opened {url}"),
            Err(e) => e,
        })),
        Effect::LinkOf { uid, then } => Some(match store.get(&uid) {
            Ok(stored) => Arrival::Link {
                url: stored.doc.link().map(String::from),
                then,
            },
            Err(e) => failed(uid, e),
        }),
        Effect::Search { text, query } => match store.query_rows(&query) {
            Ok((items, total)) => Some(Arrival::FilterResults {
                query: text,
                items,
                total,
            }),
            Err(e) => notice(e),
        },
        Effect::Refresh if bg.refreshing() => Some(Arrival::RefreshDone(
            "an automatic refresh is running; press R again when it ends".into(),
        )),
        Effect::Refresh => {
            bg.start_refresh(store.sibling(), bg.options.clone());
            None
        }
        Effect::ReloadList(sort) => reload(store, sort, bg.threads),
        Effect::SaveSort(sort) if bg.marking() => {
            let value = sort.as_str().to_string();
            bg.mark(store, Job::State { name: SORT, value });
            reload(store, sort, bg.threads)
        }
        Effect::SaveSort(sort) => match store.set_state(SORT, sort.as_str()) {
            Ok(()) => reload(store, sort, bg.threads),
            Err(e) => notice(e),
        },
        Effect::MarkRead { uids, on } => {
            bg.mark(store, Job::Read { uids, on });
            None
        }
        Effect::MarkSelection(selection) => {
            bg.mark(store, Job::Selection(selection));
            None
        }
        Effect::Undo(marked) => {
            bg.mark(store, Job::Undo(marked));
            None
        }
        Effect::Feeds => match store.feeds().and_then(|f| Ok((f, store.saved_queries()?))) {
            Ok((feeds, saved)) => Some(Arrival::Feeds { feeds, saved }),
            Err(e) => notice(e),
        },
        Effect::CountSaved(queries) => {
            bg.ask(store.sibling(), move |s| count_saved(s, &queries));
            None
        }
        Effect::Claims(query) => {
            bg.ask(store.sibling(), move |s| claims_of(s, &query));
            None
        }
        Effect::Thread(uid) => {
            bg.ask(store.sibling(), move |s| match s.thread(&uid) {
                Ok(thread) => Arrival::Thread(Box::new(ThreadView::of(&thread))),
                Err(e) => Arrival::Notice(e.to_string()),
            });
            None
        }
        Effect::Locate(uid) => match store.id_of(&uid) {
            Ok(id) => Some(Arrival::Located { uid, id }),
            Err(e) => notice(e),
        },
    }
}

/// The stories whose claims the list of claims (`C`) shows: the best of a
/// query's matches, as many as a person reads through.
const CLAIM_STORIES: usize = 50;

/// The unread counts of saved queries, by name (off the event loop).
fn count_saved(store: &Store, queries: &[(String, Query)]) -> Arrival {
    let counts = queries
        .iter()
        .map(|(name, q)| Ok((name.clone(), store.unread_matches(q)?)))
        .collect::<Result<_, StoreError>>();
    match counts {
        Ok(counts) => Arrival::SavedCounts(counts),
        Err(e) => Arrival::Notice(e.to_string()),
    }
}

/// The claims that answer `query` of the best [`CLAIM_STORIES`] stories one
/// of whose claims may (`query::claims::story_query`), off the event loop.
fn claims_of(store: &Store, query: &Query) -> Arrival {
    let stories = crate::query::claims::story_query(query);
    match store.query_stories(&stories, CLAIM_STORIES) {
        Ok(stories) => Arrival::Claims(claim_rows(&stories, query)),
        Err(e) => Arrival::Notice(e.to_string()),
    }
}

/// The first headlines in `sort`, read again: what the store holds now, so
/// whatever changed it before is taken in.
fn reload(store: &Store, sort: Sort, threads: bool) -> Option<Arrival> {
    let _ = store.changed_since_last_check();
    Some(
        match store.headlines(&View::list(threads), sort, FIRST_ROWS, 0) {
            Ok(items) => list_arrival(items),
            Err(e) => Arrival::Notice(e.to_string()),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A store holding the bundled samples, and a narrow reader on its list.
    fn rig() -> (tempfile::TempDir, Store, App, Background) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        crate::import::import_documents(&mut store, &crate::samples::documents()).unwrap();
        let mut app = App::new(60, 20, None);
        let mut bg = Background::new();
        let first = store
            .headlines(&View::all(), Sort::Newest, FIRST_ROWS, 0)
            .unwrap();
        assert!(!deliver(&mut app, &mut store, &mut bg, list_arrival(first)));
        (dir, store, app, bg)
    }

    #[test]
    fn opening_a_row_loads_it_and_marks_it_read_in_the_store() {
        let (_dir, mut store, mut app, mut bg) = rig();
        let uid = app.selected_item().unwrap().uid.clone();
        assert!(!dispatch(&mut app, &mut store, &mut bg, Action::Open));
        assert_eq!(app.story.as_ref().unwrap().item.uid, uid);
        assert!(store.get(&uid).unwrap().item.read);
        assert_eq!(store.state(LAST_SELECTED).unwrap(), Some(uid));
    }

    #[test]
    fn saving_reaches_the_store_and_quit_ends_the_loop() {
        let (_dir, mut store, mut app, mut bg) = rig();
        let uid = app.selected_item().unwrap().uid.clone();
        assert!(!dispatch(
            &mut app,
            &mut store,
            &mut bg,
            Action::ToggleSaved
        ));
        assert!(store.get(&uid).unwrap().item.saved);
        assert!(dispatch(&mut app, &mut store, &mut bg, Action::Quit));
    }

    #[test]
    fn a_story_removed_elsewhere_is_refused_and_dropped() {
        let (_dir, mut store, mut app, mut bg) = rig();
        let gone = app.selected_item().unwrap().clone();
        assert!(store.remove(&gone.uid).unwrap());
        dispatch(&mut app, &mut store, &mut bg, Action::ToggleSaved);
        assert_ne!(app.notice.as_deref(), Some("saved"));
        assert!(app.list.items().all(|i| i.uid != gone.uid), "dropped");
        let next = app.selected_item().unwrap().uid.clone();
        assert!(store.remove(&next).unwrap());
        dispatch(&mut app, &mut store, &mut bg, Action::Open);
        assert!(app.list.items().all(|i| i.uid != next), "dropped");
        assert!(app.story.is_none());
        let notice = app.notice.clone().unwrap();
        assert!(notice.contains("no longer in the store"), "{notice}");
        assert_eq!(app.list.len(), 10);
    }

    /// Delivers what the background work reports until it is idle.
    fn settle(app: &mut App, store: &mut Store, bg: &mut Background) {
        let start = Instant::now();
        while bg.busy() {
            assert!(start.elapsed() < Duration::from_secs(30), "settled");
            for news in bg.poll() {
                deliver(app, store, bg, news);
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    fn unread_in_store(store: &Store) -> u64 {
        store.count_view(&View::all()).unwrap().unread
    }

    #[test]
    fn marking_the_view_and_undoing_it_reach_the_store_off_the_loop() {
        let (_dir, mut store, mut app, mut bg) = rig();
        assert_eq!(unread_in_store(&store), 12);
        dispatch(&mut app, &mut store, &mut bg, Action::MarkAllRead);
        assert_eq!(app.unread, 0, "the rows at once");
        settle(&mut app, &mut store, &mut bg);
        assert_eq!(unread_in_store(&store), 0);
        assert_eq!(app.notice.as_deref(), Some("marked 12 stories read"));
        dispatch(&mut app, &mut store, &mut bg, Action::ToggleRead);
        settle(&mut app, &mut store, &mut bg);
        assert_eq!(unread_in_store(&store), 1);
        dispatch(&mut app, &mut store, &mut bg, Action::Undo);
        dispatch(&mut app, &mut store, &mut bg, Action::Undo);
        settle(&mut app, &mut store, &mut bg);
        assert_eq!(unread_in_store(&store), 12);
        assert_eq!(app.unread, 12);
        // Our own writes through the marker's connection are not news.
        assert_eq!(outside_change(&store, &mut bg), None);
    }

    #[test]
    fn a_story_opened_while_marks_are_written_waits_its_turn_off_the_loop() {
        let (_dir, mut store, mut app, mut bg) = rig();
        dispatch(&mut app, &mut store, &mut bg, Action::MarkAllRead);
        dispatch(&mut app, &mut store, &mut bg, Action::Undo);
        dispatch(&mut app, &mut store, &mut bg, Action::Open);
        assert!(app.story.as_ref().unwrap().item.read);
        settle(&mut app, &mut store, &mut bg);
        let uid = app.story.as_ref().unwrap().item.uid.clone();
        assert!(store.get(&uid).unwrap().item.read);
        assert_eq!(store.state(LAST_SELECTED).unwrap(), Some(uid));
    }

    #[test]
    fn another_processs_import_is_noticed_and_counted_as_new() {
        let (dir, mut store, mut app, mut bg) = rig();
        assert_eq!(outside_change(&store, &mut bg), None);
        app.update(Action::Down);
        let selected = app.selected_item().unwrap().uid.clone();
        let mut other = Store::open(dir.path()).unwrap();
        let docs = crate::parse::parse_text(
            "Tram depot opens\nUpdated (1 articles)\nThe depot opened on Monday [1].\n",
        );
        let docs: Vec<_> = docs.into_iter().map(|d| ("x".to_string(), d)).collect();
        crate::import::import_documents(&mut other, &docs).unwrap();
        let news = outside_change(&store, &mut bg).expect("noticed");
        deliver(&mut app, &mut store, &mut bg, news);
        assert_eq!(app.list.len(), 13);
        assert_eq!(app.notice.as_deref(), Some("1 new"));
        assert_eq!(app.selected_item().unwrap().uid, selected);
        assert_eq!(outside_change(&store, &mut bg), None, "said once");
    }

    #[test]
    fn a_story_marked_read_by_the_marker_is_not_taken_for_an_outside_change() {
        let (_dir, store, _app, mut bg) = rig();
        assert_eq!(outside_change(&store, &mut bg), None);
        let uid = store.list(1, false, 0).unwrap()[0].uid.clone();
        // An opened story's read mark answers nothing the reader hears of.
        bg.mark(&store, crate::tui::marker::Job::Opened(uid));
        let start = std::time::Instant::now();
        while bg.marking() {
            assert!(start.elapsed() < Duration::from_secs(10), "written");
            assert!(bg.poll().is_empty());
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(outside_change(&store, &mut bg), None, "our own write");
    }

    #[test]
    fn saving_while_marks_are_written_waits_its_turn_off_the_loop() {
        let (_dir, mut store, _app, mut bg) = rig();
        let uids: Vec<String> = store
            .list(100, false, 0)
            .unwrap()
            .into_iter()
            .map(|i| i.uid)
            .collect();
        bg.mark(
            &store,
            Job::Read {
                uids: uids.clone(),
                on: true,
            },
        );
        let saved = Effect::SetSaved {
            uid: uids[0].clone(),
            saved: true,
        };
        if bg.marking() {
            assert_eq!(
                run_effect(&mut store, &mut bg, saved),
                None,
                "not on the loop"
            );
        } else {
            run_effect(&mut store, &mut bg, saved);
        }
        let start = std::time::Instant::now();
        while bg.marking() {
            assert!(start.elapsed() < Duration::from_secs(10), "written");
            bg.poll();
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(store.get(&uids[0]).unwrap().item.saved);
    }

    #[test]
    fn the_sort_is_remembered_in_the_store_and_the_list_read_in_it() {
        let (_dir, mut store, mut app, mut bg) = rig();
        let newest = app.list.id(0);
        dispatch(&mut app, &mut store, &mut bg, Action::CycleSort);
        assert_eq!(store.state(SORT).unwrap().as_deref(), Some("oldest"));
        assert_eq!(app.list.id(app.list.len() - 1), newest);
        let Arrival::ListIndex { part, .. } =
            read_index(&store, Sort::Oldest, &IndexFrom::Offset(11), false)
        else {
            panic!("more rows");
        };
        assert_eq!(part.rows[0].id, newest, "read on in the same order");
    }

    #[test]
    fn the_feed_picker_lists_the_stores_feeds() {
        let (_dir, mut store, mut app, mut bg) = rig();
        dispatch(&mut app, &mut store, &mut bg, Action::Feeds);
        let picker = app.picker.clone().expect("open");
        assert_eq!(picker.feeds, store.feeds().unwrap());
        let coastal = picker
            .feeds
            .iter()
            .position(|f| f.name == "Coastal Wire")
            .unwrap();
        for _ in 0..coastal {
            dispatch(&mut app, &mut store, &mut bg, Action::Down);
        }
        dispatch(&mut app, &mut store, &mut bg, Action::Open);
        assert_eq!(app.visible.len(), 2);
        assert!(app.selected_item().unwrap().feed == "Coastal Wire");
        let coastal = View {
            feed: Some("Coastal Wire".into()),
            ..View::all()
        };
        dispatch(&mut app, &mut store, &mut bg, Action::MarkAllRead);
        settle(&mut app, &mut store, &mut bg);
        assert_eq!(store.count_view(&coastal).unwrap().unread, 0);
        dispatch(&mut app, &mut store, &mut bg, Action::Undo);
        settle(&mut app, &mut store, &mut bg);
        assert_eq!(
            app.notice.as_deref(),
            Some("undone: 2 stories unread again")
        );
        assert_eq!(store.count_view(&coastal).unwrap().unread, 2);
    }

    #[test]
    fn o_and_y_on_a_row_not_loaded_read_its_link_from_the_store() {
        let (_dir, mut store, mut app, mut bg) = rig();
        let feed_item = app
            .list
            .items()
            .position(|i| i.title.starts_with("Ferry operators add"))
            .unwrap();
        for _ in 0..feed_item {
            dispatch(&mut app, &mut store, &mut bg, Action::Down);
        }
        assert!(app.story.is_none(), "one pane: nothing loaded");
        dispatch(&mut app, &mut store, &mut bg, Action::CopyUrl);
        let url = app.clipboard.take().expect("copied");
        assert!(url.starts_with("https://"), "{url}");
        assert_eq!(app.notice, Some(format!("copied {url}")));
        // A story gathering several sources has no link of its own.
        dispatch(&mut app, &mut store, &mut bg, Action::Top);
        dispatch(&mut app, &mut store, &mut bg, Action::OpenUrl);
        assert!(app.notice.as_deref().unwrap().starts_with("no link"));
        assert_eq!(app.clipboard, None);
    }

    #[test]
    fn hyperlinks_except_on_the_linux_console_and_dumb_terminals() {
        assert!(hyperlinks_wanted(Some("xterm-256color")));
        assert!(hyperlinks_wanted(Some("tmux-256color")));
        assert!(hyperlinks_wanted(None));
        assert!(!hyperlinks_wanted(Some("linux")));
        assert!(!hyperlinks_wanted(Some("dumb")));
    }

    #[test]
    fn the_clipboard_gets_one_osc_52_with_the_url_in_base64() {
        let mut out = Vec::new();
        copy_to_clipboard(&mut out, "https://example.org/a%20b").unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\x1b]52;c;aHR0cHM6Ly9leGFtcGxlLm9yZy9hJTIwYg==\x1b\\"
        );
    }

    #[test]
    fn the_sort_s_picked_lasts_until_the_configs_default_changes() {
        let (_dir, mut store, mut app, mut bg) = rig();
        assert_eq!(start_sort(&mut store, Sort::Newest).unwrap(), Sort::Newest);
        app.sort = Sort::Newest;
        dispatch(&mut app, &mut store, &mut bg, Action::CycleSort);
        assert_eq!(
            start_sort(&mut store, Sort::Newest).unwrap(),
            Sort::Oldest,
            "S wins"
        );
        assert_eq!(
            start_sort(&mut store, Sort::Title).unwrap(),
            Sort::Title,
            "the file changed since: it wins"
        );
        assert_eq!(
            start_sort(&mut store, Sort::Title).unwrap(),
            Sort::Title,
            "and stays"
        );
        dispatch(&mut app, &mut store, &mut bg, Action::CycleSort);
        assert_eq!(
            start_sort(&mut store, Sort::Title).unwrap(),
            app.sort,
            "S again"
        );
    }

    #[test]
    fn the_rest_of_a_long_list_is_read_in_steps() {
        let (_dir, store, _app, _bg) = rig();
        let Arrival::ListIndex { part, done } =
            read_index(&store, Sort::Newest, &IndexFrom::Offset(5), false)
        else {
            panic!("more rows");
        };
        assert_eq!(part.rows.len(), 12 - 5);
        assert!(done);
    }
}
