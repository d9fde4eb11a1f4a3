//! The reader drawn into a `TestBackend`: snapshots of each view at 80x24 and
//! 140x40, and at 80x24 with styles marked (reviewed by eye, under
//! `tests/reader/snapshots/`), key sequences through the real key map against a
//! real store, every size down to 1x1, and wide text.

use crate::common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};
use ratatui::Terminal;
use tidings::app::action::{Action, Arrival};
use tidings::app::layout::Item;
use tidings::app::{App, Focus, Overlay, View};
use tidings::store::Store;
use tidings::tui::background::Background;
use unicode_width::UnicodeWidthStr;

/// A reader on a store holding the bundled samples (and optional extra pages).
struct Rig {
    app: App,
    store: Store,
    bg: Background,
    _dir: tempfile::TempDir,
}

impl Rig {
    fn new(w: u16, h: u16, extra: &[&str]) -> Rig {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let mut docs = tidings::samples::documents();
        for page in extra {
            for d in tidings::parse::parse_text(page) {
                docs.push(("test".into(), d));
            }
        }
        tidings::import::import_documents(&mut store, &docs).unwrap();
        let items = store.list(1000, false, 0).unwrap();
        let mut rig = Rig {
            app: App::new(w, h, None),
            store,
            bg: Background::new(),
            _dir: dir,
        };
        rig.arrive(Arrival::ListLoaded(items));
        rig
    }

    fn act(&mut self, a: Action) {
        tidings::tui::dispatch(&mut self.app, &mut self.store, &mut self.bg, a);
    }

    fn arrive(&mut self, a: Arrival) {
        tidings::tui::deliver(&mut self.app, &mut self.store, &mut self.bg, a);
    }

    /// Presses keys as a person would, through the key map.
    fn keys(&mut self, keys: &str) {
        for c in keys.chars() {
            let code = match c {
                '\n' => KeyCode::Enter,
                '\x1b' => KeyCode::Esc,
                '\x08' => KeyCode::Backspace,
                '\t' => KeyCode::Tab,
                c => KeyCode::Char(c),
            };
            let ev = KeyEvent::new(code, KeyModifiers::NONE);
            let input = crossterm::event::Event::Key(ev);
            if let Some(a) = tidings::app::keymap::translate(self.app.input_scope(), &input) {
                self.act(a);
            }
        }
    }

    /// Presses one key with modifiers, through the key map.
    fn press(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        let input = crossterm::event::Event::Key(KeyEvent::new(code, modifiers));
        if let Some(a) = tidings::app::keymap::translate(self.app.input_scope(), &input) {
            self.act(a);
        }
    }

    /// Where the terminal shows its cursor after a frame, if it shows it.
    fn cursor(&self) -> Option<(u16, u16)> {
        let (w, h) = self.app.size;
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| tidings::ui::draw(f, &self.app)).unwrap();
        let b = term.backend();
        b.cursor_visible()
            .then(|| (b.cursor_position().x, b.cursor_position().y))
    }

    /// Selects the list row whose title starts with `title` and opens it.
    fn open(&mut self, title: &str) {
        let pos = self
            .app
            .visible
            .iter()
            .position(|&i| self.app.rows()[i].title.starts_with(title))
            .unwrap_or_else(|| panic!("no row {title}"));
        self.act(Action::Top);
        for _ in 0..pos {
            self.act(Action::Down);
        }
        self.keys("\n");
        let opened = &self.app.story.as_ref().expect("a story opened").item.title;
        assert!(opened.starts_with(title), "opened {opened}");
    }

    fn screen(&self) -> String {
        buffer_text(&self.buffer())
    }

    /// The screen with each styled run marked, to show focus and selection.
    fn styled_screen(&self) -> String {
        styled_text(&self.buffer())
    }

    /// One frame drawn at the app's size.
    fn buffer(&self) -> Buffer {
        let (w, h) = self.app.size;
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| tidings::ui::draw(f, &self.app)).unwrap();
        term.backend().buffer().clone()
    }
}

/// The screen as text, one line per row, wide characters once.
fn buffer_text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        let mut line = String::new();
        while x < buf.area.width {
            let sym = buf[(x, y)].symbol();
            line.push_str(sym);
            x += UnicodeWidthStr::width(sym).max(1) as u16;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The screen as `buffer_text` writes it, with each run of cells whose style is
/// not the terminal's default between markers naming what the style adds:
/// `[rev]…[/]`, `[bold,fg:White,bg:DarkGray]…[/]`. A row closes what it opened;
/// trailing unstyled blanks are trimmed, styled ones kept (they show how far a
/// highlight reaches).
fn styled_text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut open = String::new();
        let mut x = 0;
        while x < buf.area.width {
            let cell = &buf[(x, y)];
            let marker = style_marker(cell.style());
            if marker != open {
                if !open.is_empty() {
                    line.push_str("[/]");
                }
                if !marker.is_empty() {
                    line.push_str(&format!("[{marker}]"));
                }
                open = marker;
            }
            let sym = cell.symbol();
            line.push_str(sym);
            x += UnicodeWidthStr::width(sym).max(1) as u16;
        }
        if !open.is_empty() {
            line.push_str("[/]");
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// What `style` adds to the default, e.g. `bold,fg:LightBlue`; empty for none.
fn style_marker(style: Style) -> String {
    const MODIFIERS: [(Modifier, &str); 9] = [
        (Modifier::BOLD, "bold"),
        (Modifier::DIM, "dim"),
        (Modifier::ITALIC, "italic"),
        (Modifier::UNDERLINED, "ul"),
        (Modifier::SLOW_BLINK, "blink"),
        (Modifier::RAPID_BLINK, "rapid-blink"),
        (Modifier::REVERSED, "rev"),
        (Modifier::HIDDEN, "hidden"),
        (Modifier::CROSSED_OUT, "strike"),
    ];
    let mut parts: Vec<String> = MODIFIERS
        .iter()
        .filter(|(m, _)| style.add_modifier.contains(*m))
        .map(|(_, name)| name.to_string())
        .collect();
    let colors = [
        ("fg", style.fg),
        ("bg", style.bg),
        ("ul", style.underline_color),
    ];
    for (what, color) in colors {
        if let Some(c) = color.filter(|c| *c != Color::Reset) {
            parts.push(format!("{what}:{c:?}"));
        }
    }
    parts.join(",")
}

fn cursor_item(r: &Rig) -> Item {
    let s = r.app.story.as_ref().unwrap();
    s.layout.items[s.cursor].item
}

const SIZES: [(u16, u16); 2] = [(80, 24), (140, 40)];

/// Snapshots the screen as `{name}_{w}x{h}`; at 80x24 also with its styles
/// marked (`styled_{name}_80x24`), so that what only colour and attributes say
/// shows in review: the selected row, the cursor, the pane header and the mode in
/// the status bar.
fn snapshot(r: &Rig, name: &str) {
    let (w, h) = r.app.size;
    insta::assert_snapshot!(format!("{name}_{w}x{h}"), r.screen());
    if (w, h) == (80, 24) {
        insta::assert_snapshot!(format!("styled_{name}_80x24"), r.styled_screen());
    }
}

#[test]
fn snapshot_headline_list() {
    for (w, h) in SIZES {
        let r = Rig::new(w, h, &[]);
        snapshot(&r, "list");
    }
}

#[test]
fn snapshot_story_with_a_folded_section() {
    for (w, h) in SIZES {
        let mut r = Rig::new(w, h, &[]);
        r.open("Private Lander");
        r.keys("jjjj ");
        snapshot(&r, "story");
    }
}

#[test]
fn snapshot_timeline() {
    for (w, h) in SIZES {
        let mut r = Rig::new(w, h, &[]);
        r.open("Private Lander");
        r.keys("t");
        snapshot(&r, "timeline");
    }
}

#[test]
fn snapshot_source_card_and_chooser() {
    for (w, h) in SIZES {
        let mut r = Rig::new(w, h, &[]);
        r.open("Private Lander");
        r.keys("]\n");
        snapshot(&r, "chooser");
        r.keys("\n");
        snapshot(&r, "source");
    }
}

#[test]
fn snapshot_help_from_the_key_table() {
    for (w, h) in SIZES {
        let mut r = Rig::new(w, h, &[]);
        r.keys("?");
        let screen = r.screen();
        let list_scope = tidings::app::keymap::BINDINGS
            .iter()
            .filter(|b| b.scope == tidings::app::keymap::Scope::List);
        for b in list_scope {
            assert!(screen.contains(b.help), "help lists {:?}", b.help);
        }
        snapshot(&r, "help");
    }
}

#[test]
fn claim_to_source_and_back_through_the_history_stack() {
    let mut r = Rig::new(140, 40, &[]);
    r.open("Private Lander");
    r.keys("]");
    let claim = cursor_item(&r);
    assert!(matches!(
        claim,
        Item::Claim {
            section: Some(0),
            para: 0,
            sent: 0
        }
    ));
    r.keys("\n");
    assert!(
        matches!(r.app.overlay, Some(Overlay::Choose { .. })),
        "cites [1][2]: a choice"
    );
    r.keys("j\n");
    assert_eq!(r.app.overlay, Some(Overlay::Source { n: 2 }));
    assert!(r.screen().contains("How the descent unfolded"));
    r.keys("\n");
    let Some(Overlay::Citers { entries, .. }) = &r.app.overlay else {
        panic!("citers")
    };
    assert!(entries.iter().any(|c| c.view == View::Timeline));
    // Pick the last citer (a timeline event): the view switches to the timeline.
    r.keys("G\n");
    assert_eq!(r.app.story.as_ref().unwrap().view, View::Timeline);
    assert!(matches!(cursor_item(&r), Item::Event(_)));
    r.keys("\x08");
    assert_eq!(r.app.story.as_ref().unwrap().view, View::Story);
    assert_eq!(cursor_item(&r), claim, "back to the claim");
    assert!(r.app.overlay.is_none());
}

#[test]
fn folding_unfolding_and_all_sections() {
    let mut r = Rig::new(80, 24, &[]);
    r.open("Private Lander");
    assert!(matches!(cursor_item(&r), Item::Heading(0)));
    r.keys(" ");
    assert!(r.app.story.as_ref().unwrap().folded[0]);
    assert!(r.screen().contains("▸ Lander Settles"));
    r.keys("\n");
    assert!(
        !r.app.story.as_ref().unwrap().folded[0],
        "Enter on a heading unfolds"
    );
    r.keys("-");
    assert!(r.app.story.as_ref().unwrap().folded.iter().all(|f| *f));
    r.keys("+");
    assert!(r.app.story.as_ref().unwrap().folded.iter().all(|f| !*f));
}

#[test]
fn one_pane_below_100_columns_and_back_with_esc() {
    let mut r = Rig::new(80, 24, &[]);
    assert!(r.screen().contains("Headlines"));
    r.open("Busan");
    assert_eq!(r.app.focus, Focus::Story);
    assert!(!r.screen().contains("Headlines"));
    r.keys("\x1b");
    assert_eq!(r.app.focus, Focus::List);
    assert!(r.screen().contains("Headlines"));
}

#[test]
fn opening_marks_read_and_unread_filter_hides_it() {
    let mut r = Rig::new(140, 40, &[]);
    let total = r.app.visible.len();
    r.open("Busan");
    r.keys("\x1bu");
    assert_eq!(r.app.visible.len(), total - 1);
    let listed = r.store.list(100, true, 0).unwrap();
    assert!(
        listed.iter().all(|i| !i.title.starts_with("Busan")),
        "read mark persisted"
    );
    r.keys("u");
    assert_eq!(r.app.visible.len(), total);
}

#[test]
fn filter_narrows_as_you_type_through_the_store() {
    let mut r = Rig::new(140, 40, &[]);
    r.keys("/coree");
    assert!(
        r.app.visible.is_empty(),
        "nothing about Corée in the samples"
    );
    for _ in 0..5 {
        r.keys("\x08");
    }
    r.keys("shackleton");
    assert_eq!(r.app.visible.len(), 1);
    assert!(r.screen().contains("/shackleton"));
    // A short last word is still being typed: the list does not empty.
    r.keys(" c");
    assert_eq!(r.app.visible.len(), 1, "after a one-letter word");
    r.keys("ra");
    assert_eq!(r.app.visible.len(), 1, "\"cra\" is a prefix of crater");
    r.keys("\x08\x08\x08");
    r.keys("\n");
    assert!(r.app.filter.is_some() && !r.app.typing());
    r.keys("\x1b");
    assert!(r.app.filter.is_none());
}

#[test]
fn related_card_opens_the_stored_document_and_back_returns() {
    let mut r = Rig::new(140, 40, &[]);
    r.open("Helicopter crews");
    r.keys("G");
    assert!(matches!(cursor_item(&r), Item::Related(_)));
    // The first related card links to a stored sample; the cursor is on the last.
    while !matches!(cursor_item(&r), Item::Related(0)) {
        r.keys("k");
    }
    r.keys("\n");
    assert!(r
        .app
        .story
        .as_ref()
        .unwrap()
        .item
        .title
        .starts_with("Late-season storms"));
    r.keys("\x08");
    assert!(r
        .app
        .story
        .as_ref()
        .unwrap()
        .item
        .title
        .starts_with("Helicopter crews"));
    assert!(matches!(cursor_item(&r), Item::Related(0)));
}

#[test]
fn resize_rewraps_and_keeps_the_cursor() {
    let mut r = Rig::new(140, 40, &[]);
    r.open("Private Lander");
    r.keys("]]]");
    let before = cursor_item(&r);
    r.act(Action::Resize(60, 20));
    assert_eq!(cursor_item(&r), before);
    let s = r.app.story.as_ref().unwrap();
    let info = &s.layout.items[s.cursor];
    assert!(
        info.first >= s.scroll && info.last < s.scroll + 19,
        "cursor still visible"
    );
    r.act(Action::Resize(140, 40));
    assert_eq!(cursor_item(&r), before);
}

#[test]
fn no_panic_at_any_size_in_any_view() {
    let mut r = Rig::new(80, 24, &[]);
    r.open("Busan");
    let views: [&str; 5] = ["", "t", "t]\n", "\x1b\x1b?", "?\x1b\x1b"];
    for keys in views {
        r.keys(keys);
        for w in (1..=60).chain([99, 100, 101, 200]) {
            for h in (1..=14).chain([24, 60]) {
                r.act(Action::Resize(w, h));
                let _ = r.screen();
            }
        }
    }
}

#[test]
fn wide_and_combining_text_lands_in_the_right_columns() {
    let yoruba = "Ìròyìn Àgbáyé Lónìí\nUpdated (1 articles)\nỌjà Ẹja Ṣí Sílẹ̀ Lẹ́ẹ̀kan Síi The market reopened with 부산 traders, 福岡 buyers and 🚢 ferries [1].\n";
    let mut r = Rig::new(100, 30, &[yoruba]);
    r.open("Ìròyìn");
    let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
    term.draw(|f| tidings::ui::draw(f, &r.app)).unwrap();
    let buf = term.backend().buffer().clone();
    let text = buffer_text(&buf);
    assert!(text.contains("Ìròyìn Àgbáyé Lónìí"), "{text}");
    assert!(text.contains("Ọjà Ẹja Ṣí Sílẹ̀ Lẹ́ẹ̀kan Síi"), "{text}");
    // Every row adds up to exactly the screen width in display columns.
    for y in 0..30 {
        let mut cols = 0;
        let mut x = 0;
        while x < 100 {
            let w = UnicodeWidthStr::width(buf[(x, y)].symbol()).max(1);
            cols += w;
            x += w as u16;
        }
        assert_eq!(cols, 100, "row {y}");
    }
    let row = text.lines().find(|l| l.contains("부산")).unwrap();
    let before = &row[..row.find("부산").unwrap()];
    let col = UnicodeWidthStr::width(before);
    let x = col as u16;
    let y = text.lines().position(|l| l.contains("부산")).unwrap() as u16;
    assert_eq!(buf[(x, y)].symbol(), "부");
    assert_eq!(
        buf[(x + 2, y)].symbol(),
        "산",
        "a wide character takes two columns"
    );
}

/// A large store's list arrives in parts: the first screenful draws at once with
/// "reading…", later parts append without moving the selection, and the story
/// remembered from last time is selected when the part holding it arrives.
#[test]
fn the_list_arrives_in_parts_keeping_the_selection_and_finding_the_remembered_story() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    tidings::import::import_documents(&mut store, &tidings::samples::documents()).unwrap();
    let all = store.list(100, false, 0).unwrap();
    assert_eq!(all.len(), 12);
    let remembered = all[7].uid.clone();
    let mut app = App::new(140, 40, Some(remembered.clone()));
    let mut bg = Background::new();
    let mut act = |app: &mut App, store: &mut Store, a: Result<Action, Arrival>| match a {
        Ok(a) => tidings::tui::dispatch(app, store, &mut bg, a),
        Err(a) => tidings::tui::deliver(app, store, &mut bg, a),
    };
    act(
        &mut app,
        &mut store,
        Err(Arrival::ListPartial(all[..3].to_vec())),
    );
    assert!(app.loading);
    assert_eq!(app.selected_item().unwrap().uid, all[0].uid);
    let mut term = Terminal::new(TestBackend::new(140, 40)).unwrap();
    term.draw(|f| tidings::ui::draw(f, &app)).unwrap();
    assert!(buffer_text(term.backend().buffer()).contains("Headlines 3/3 · reading…"));
    act(
        &mut app,
        &mut store,
        Err(Arrival::ListMore {
            items: all[3..6].to_vec(),
            done: false,
        }),
    );
    assert_eq!(app.items.len(), 6);
    assert!(app.loading);
    act(
        &mut app,
        &mut store,
        Err(Arrival::ListMore {
            items: all[6..].to_vec(),
            done: true,
        }),
    );
    assert!(!app.loading);
    assert_eq!(app.selected_item().unwrap().uid, remembered);
    assert_eq!(
        app.story.as_ref().map(|s| s.item.uid.clone()),
        Some(remembered),
        "the remembered story is previewed"
    );
    term.draw(|f| tidings::ui::draw(f, &app)).unwrap();
    assert!(buffer_text(term.backend().buffer()).contains("Headlines 12/12 "));
    // A person who moved meanwhile keeps their place as parts arrive, even when
    // the remembered story arrives later.
    for remembered in [None, Some(all[7].uid.clone())] {
        let mut app = App::new(140, 40, remembered);
        act(
            &mut app,
            &mut store,
            Err(Arrival::ListPartial(all[..3].to_vec())),
        );
        act(&mut app, &mut store, Ok(Action::Down));
        act(
            &mut app,
            &mut store,
            Err(Arrival::ListMore {
                items: all[3..].to_vec(),
                done: true,
            }),
        );
        assert_eq!(app.selected_item().unwrap().uid, all[1].uid);
    }
}

/// `R` refreshes the subscriptions on another thread: keys still move the
/// selection while a slow server keeps it busy, progress shows in the status bar,
/// and the new stories join the list with the selection kept.
#[test]
fn r_refreshes_in_the_background_while_keys_keep_working() {
    use common::http_server::{Route, Server};
    let rss = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/feeds/gazette.rss"),
    )
    .unwrap();
    let server = Server::start(vec![
        ("/gazette.rss", Route::body(rss, "application/rss+xml")),
        (
            "/slow.rss",
            Route::Stall(std::time::Duration::from_millis(1500)),
        ),
    ]);
    let mut rig = Rig::new(140, 40, &[]);
    rig.store
        .subscribe(&server.url("/gazette.rss"), Some("Gazette"))
        .unwrap();
    rig.store
        .subscribe(&server.url("/slow.rss"), Some("Slow"))
        .unwrap();
    let before = rig.app.items.len();

    rig.keys("R");
    assert!(rig.bg.busy());
    assert_eq!(rig.app.refreshing, Some((0, 0)));
    rig.keys("j");
    assert_eq!(rig.app.selected, 1, "keys work while the refresh runs");
    let selected = rig.app.selected_item().unwrap().uid.clone();
    rig.keys("R");
    assert_eq!(
        rig.app.notice.as_deref(),
        Some("a refresh is already running")
    );

    let started = std::time::Instant::now();
    let mut progress = Vec::new();
    while rig.bg.busy() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(30),
            "refresh finished"
        );
        for news in rig.bg.poll() {
            if let Arrival::RefreshProgress { done, total, .. } = &news {
                progress.push((*done, *total));
            }
            rig.arrive(news);
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(progress, [(1, 2), (2, 2)]);
    assert_eq!(rig.app.refreshing, None);
    assert_eq!(rig.app.items.len(), before + 2);
    assert_eq!(
        rig.app.selected_item().unwrap().uid,
        selected,
        "the selection stays"
    );
    let screen = rig.screen();
    assert!(screen.contains("refreshed 2: 2 new, 0 updated"), "{screen}");
    assert!(!screen.contains("failed"), "{screen}");
    assert!(
        screen.contains("Harbour bridge reopens after eight weeks"),
        "{screen}"
    );
}

/// Each empty list says what is true and what to press, and the story pane
/// beside it shows no story.
#[test]
fn empty_states_say_what_is_true_and_the_preview_clears() {
    let mut r = Rig::new(140, 40, &[]);
    let first = r.app.rows()[0].title.clone();
    assert!(
        r.screen().matches(&first[..20]).count() >= 2,
        "listed and previewed"
    );
    for item in r.store.list(100, false, 0).unwrap() {
        r.store.set_read(&item.uid, true).unwrap();
    }
    let items = r.store.list(100, false, 0).unwrap();
    r.arrive(Arrival::ListLoaded(items));
    r.keys("u");
    let s = r.screen();
    assert!(
        s.contains("All 12 stories are read. u: show them all."),
        "{s}"
    );
    assert!(!s.contains(&first[..20]), "the preview cleared:\n{s}");
    assert!(!s.contains("no stories"), "{s}");
    r.keys("u/xyzzy");
    let s = r.screen();
    assert!(s.contains("Nothing matches “xyzzy”."), "{s}");
    assert!(!s.contains(&first[..20]), "the preview cleared:\n{s}");
    r.keys("\x08\x08\x08");
    let s = r.screen();
    assert!(s.contains("No story has the word “xy”; keep typing"), "{s}");
}

/// A story removed by another process while the reader shows it: opening or
/// saving it is refused, and its row goes.
#[test]
fn a_story_removed_elsewhere_is_refused_and_dropped_from_the_list() {
    let mut r = Rig::new(140, 40, &[]);
    let gone = r.app.selected_item().unwrap().clone();
    assert!(r.store.remove(&gone.uid).unwrap());
    r.keys("s");
    let s = r.screen();
    assert!(!s.contains("saved"), "{s}");
    assert!(!s.contains('★'), "{s}");
    assert!(s.contains("is no longer in the store"), "{s}");
    assert!(s.contains("Headlines 11/11"), "{s}");
    let listed = |s: &str, title: &str| {
        s.lines()
            .any(|l| l.starts_with("● ") && l.contains(&title[..20]))
    };
    assert!(!listed(&s, &gone.title), "{s}");
    let next = r.app.selected_item().unwrap().clone();
    assert!(r.store.remove(&next.uid).unwrap());
    r.keys("\n");
    let s = r.screen();
    assert!(!s.contains("no document"), "{s}");
    assert!(s.contains("Headlines 10/10"), "{s}");
    assert!(!listed(&s, &next.title), "{s}");
    assert_eq!(r.app.focus, Focus::List);
}

/// The filter shows at most `MATCH_LIMIT` rows, and says so when there are more.
#[test]
fn a_filter_with_more_matches_than_it_shows_says_how_many() {
    let limit = tidings::store::MATCH_LIMIT;
    assert_eq!(limit, 1_000, "the README and `search` say 1,000");
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let docs: Vec<(String, tidings::model::Document)> = (0..limit + 5)
        .map(|n| {
            let title = format!("Harbour report number {n}");
            let doc = tidings::model::Document::new(tidings::model::Kind::Article, title);
            ("test".to_string(), doc)
        })
        .collect();
    tidings::import::import_documents(&mut store, &docs).unwrap();
    assert_eq!(store.match_count("harbour").unwrap(), limit + 5);
    assert_eq!(store.match_count("report 123").unwrap(), 1);
    let items = store.list(100, false, 0).unwrap();
    let mut r = Rig {
        app: App::new(140, 40, None),
        store,
        bg: Background::new(),
        _dir: dir,
    };
    r.arrive(Arrival::ListPartial(items));
    r.keys("/harbour");
    assert_eq!(r.app.visible.len(), limit);
    let s = r.screen();
    assert!(s.contains("newest 1,000 of 1,005"), "{s}");
    r.keys(" 123");
    assert_eq!(r.app.visible.len(), 1);
    let s = r.screen();
    assert!(!s.contains("newest"), "{s}");
}

/// The filter box edits at its cursor, which the terminal shows; a long text
/// scrolls to keep the cursor in view; `/` on a kept filter selects its text,
/// and Esc goes back to it.
#[test]
fn the_filter_box_edits_at_a_cursor_the_terminal_shows() {
    let mut r = Rig::new(60, 20, &[]);
    assert_eq!(r.cursor(), None);
    r.keys("/shakleton");
    r.press(KeyCode::Home, KeyModifiers::NONE);
    for _ in 0..3 {
        r.press(KeyCode::Right, KeyModifiers::NONE);
    }
    r.keys("c");
    assert_eq!(r.app.visible.len(), 1, "shackleton");
    let header = r.screen().lines().next().unwrap().to_string();
    let slash = UnicodeWidthStr::width(&header[..header.find("/shackleton").unwrap()]) as u16;
    assert_eq!(
        r.cursor(),
        Some((slash + 1 + 4, 0)),
        "after “shac”: {header}"
    );
    r.press(KeyCode::Char('e'), KeyModifiers::CONTROL);
    r.press(KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(r.app.visible.len(), 12);
    // Longer than the box: the end shows, the cursor with it.
    let long = "tromsø harbour council flood barrier vaccine rollout osaka data";
    r.keys(long);
    let header = r.screen().lines().next().unwrap().to_string();
    assert!(
        header.contains("…") && header.ends_with("osaka data"),
        "{header}"
    );
    let (x, _) = r.cursor().unwrap();
    assert_eq!(x as usize, UnicodeWidthStr::width(header.as_str()));
    r.press(KeyCode::Home, KeyModifiers::NONE);
    let header = r.screen().lines().next().unwrap().to_string();
    assert!(header.contains("/tromsø harbour"), "{header}");
    // Kept, then `/`: its text is selected (reversed); typing replaces it.
    r.keys("\n");
    assert_eq!(r.cursor(), None);
    r.keys("/");
    let buf = r.buffer();
    let header = r.screen().lines().next().unwrap().to_string();
    let at = UnicodeWidthStr::width(&header[..header.find("osaka").unwrap()]) as u16;
    assert!(
        buf[(at, 0)].modifier.contains(Modifier::REVERSED),
        "{header}"
    );
    r.keys("shackleton");
    assert_eq!(r.app.filter.as_ref().unwrap().query(), "shackleton");
    r.keys("\x1b");
    assert_eq!(r.app.filter.as_ref().unwrap().query(), long);
    assert!(!r.app.typing());
    r.keys("\x1b");
    assert!(r.app.filter.is_none());
}
