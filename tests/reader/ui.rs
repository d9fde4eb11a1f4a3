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
use tidings::config::Config;
use tidings::model::Document;
use tidings::store::{Headline, IndexFrom, Sort, Store, View as StoreView};
use tidings::tui::background::Background;
use tidings::ui::links::shown;
use tidings::ui::theme::Theme;
use unicode_width::UnicodeWidthStr;

/// A reader on a store holding the bundled samples (and optional extra pages).
struct Rig {
    app: App,
    /// What the frames are drawn in: the dark theme unless a test says otherwise.
    theme: Theme,
    store: Store,
    bg: Background,
    _dir: tempfile::TempDir,
}

/// The first `n` headlines with their ids.
fn headlines(store: &Store, n: usize) -> Vec<Headline> {
    store
        .headlines(&StoreView::all(), Sort::Newest, n, 0)
        .unwrap()
}

/// Times of day are shown in local time: the snapshots are taken in UTC
/// wherever the tests run.
fn in_utc() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| std::env::set_var("TZ", "UTC"));
}

impl Rig {
    fn new(w: u16, h: u16, extra: &[&str]) -> Rig {
        let docs = extra
            .iter()
            .flat_map(|page| tidings::parse::parse_text(page))
            .collect();
        Rig::with_documents(w, h, docs)
    }

    /// A reader on the bundled samples and `extra` documents.
    fn with_documents(w: u16, h: u16, extra: Vec<Document>) -> Rig {
        let docs = extra.into_iter().map(|d| ("test".into(), d));
        Rig::with_feeds(w, h, docs, StoreView::all())
    }

    /// A reader on the bundled samples and `extra` documents, each of its
    /// feed, listing the stories of `view`.
    fn with_feeds(
        w: u16,
        h: u16,
        extra: impl IntoIterator<Item = (String, Document)>,
        view: StoreView,
    ) -> Rig {
        in_utc();
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let mut docs = tidings::samples::documents();
        docs.extend(extra);
        tidings::import::import_documents(&mut store, &docs).unwrap();
        let items = store.headlines(&view, Sort::Newest, 1000, 0).unwrap();
        let mut app = App::new(w, h, None);
        // The reader lists each thread once, or every story, as the view does.
        app.threads = view.heads;
        let mut rig = Rig {
            app,
            theme: Theme::default(),
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
            if let Some(a) = self.app.keys.translate(self.app.input_scope(), &input) {
                self.act(a);
            }
        }
    }

    /// Presses one key with modifiers, through the key map.
    fn press(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        let input = crossterm::event::Event::Key(KeyEvent::new(code, modifiers));
        if let Some(a) = self.app.keys.translate(self.app.input_scope(), &input) {
            self.act(a);
        }
    }

    /// Where the terminal shows its cursor after a frame, if it shows it.
    fn cursor(&self) -> Option<(u16, u16)> {
        let (w, h) = self.app.size;
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| tidings::ui::draw(f, &self.app, &self.theme))
            .unwrap();
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
            .position(|&i| self.app.row(i).unwrap().title.starts_with(title))
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
        term.draw(|f| tidings::ui::draw(f, &self.app, &self.theme))
            .unwrap();
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
            let sym = shown(buf[(x, y)].symbol());
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
            let sym = shown(cell.symbol());
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

/// A page of `tests/fixtures/changes` (two versions of one story).
fn changes_page(name: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/changes");
    std::fs::read_to_string(dir.join(name)).unwrap()
}

/// A reader whose store holds the first version of the Kestrel Bay page, read,
/// and then its second: updated since it was read.
fn updated_since_read(w: u16, h: u16) -> Rig {
    let mut r = Rig::new(w, h, &[&changes_page("port_v1.txt")]);
    let uid = r.store.resolve("Kestrel Bay Port").unwrap();
    r.store.set_read(&uid, true).unwrap();
    let newer = tidings::parse::parse_text(&changes_page("port_v2.txt")).remove(0);
    tidings::import::import_documents(&mut r.store, &[("test".to_string(), newer)]).unwrap();
    let items = headlines(&r.store, 1000);
    r.arrive(Arrival::ListLoaded(items));
    r
}

#[test]
fn a_story_updated_since_read_marks_what_changed_and_c_goes_change_to_change() {
    let mut r = updated_since_read(80, 24);
    let row = |r: &Rig| {
        r.app
            .list
            .items()
            .find(|i| i.title.starts_with("Kestrel Bay Port"))
            .cloned()
            .unwrap()
    };
    assert!(row(&r).updated && !row(&r).read, "unread again, updated");
    assert!(r.screen().contains("~  Kestrel Bay Port"), "{}", r.screen());
    r.open("Kestrel Bay Port");
    snapshot(&r, "changes");
    let claim = |section, sent| Item::Claim {
        section: Some(section),
        para: 0,
        sent,
    };
    let mut seen = Vec::new();
    for _ in 0..4 {
        r.keys("c");
        seen.push(cursor_item(&r));
    }
    assert_eq!(
        seen,
        [claim(0, 1), claim(0, 2), claim(1, 1), Item::Source(2)],
        "the changed, the new, the one citing more, the new source"
    );
    r.keys("c");
    assert_eq!(cursor_item(&r), Item::Source(2), "no more: it stays");
    assert!(r
        .app
        .notice
        .as_deref()
        .unwrap()
        .starts_with("no more changes"));
    r.keys("C");
    assert_eq!(cursor_item(&r), claim(1, 1), "C goes back");
    r.keys("tc");
    assert_eq!(cursor_item(&r), Item::Event(2), "the new event");
    assert!(
        r.screen().contains("Sep 21, 2025 │ + Night shifts"),
        "{}",
        r.screen()
    );

    assert!(!row(&r).updated && row(&r).read, "opening it read it");
    r.keys("q");
    r.open("Kestrel Bay Port");
    let screen = r.screen();
    assert!(
        !screen.contains("since you read it") && !screen.contains("+ Night"),
        "read now: no marks\n{screen}"
    );
    r.keys("c");
    assert_eq!(
        r.app.notice.as_deref(),
        Some("no changes since you read it")
    );
}

#[test]
fn a_claim_one_outlet_alone_backs_is_marked_and_the_header_counts_outlets() {
    let page = "Harbour Ferry Returns\nUpdated (3 articles)\nService Resumes After Three Years The ferry sailed on Monday [1][2]. Tickets sold out [1][3]. The port was repainted [2]. A band played [9].\nSources (3 articles)\n[1]\nCoastal Wire: Ferry is back: Reports the first sailing.\n[2]\nHarbour Gazette: Crowds at the pier: Describes the day.\n[3]\nCoastal Wire: Tickets gone: Counts the tickets sold.\n";
    let mut r = Rig::new(140, 40, &[page]);
    r.open("Harbour Ferry Returns");
    let screen = r.screen();
    assert!(
        screen.contains("3 sources · 2 outlets"),
        "two outlets among three sources:\n{screen}"
    );
    assert!(
        screen.contains("on Monday.[1][2] Tickets"),
        "two outlets: no mark\n{screen}"
    );
    assert!(
        screen.contains("sold out.[1][3]¹"),
        "one outlet, twice\n{screen}"
    );
    assert!(screen.contains("repainted.[2]¹"), "one source\n{screen}");
    assert!(
        screen.contains("played.[9]\n"),
        "unresolved: as it is\n{screen}"
    );
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

/// The theme a config file with `text` in it asks for, as the reader builds it.
fn theme_of(text: &str, colour: bool) -> Theme {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, text).unwrap();
    let at = tidings::config::Located { path, named: true };
    Theme::from_config(&tidings::config::read(&at, |_| Ok(())).unwrap().0, colour)
}

/// The light and mono themes and a dark one with `[colors]` overrides, each as
/// styled snapshots at 120x30 (two panes, so the border shows): the list with a
/// saved and a read row beside the story, then the sources with a source's card
/// over them.
#[test]
fn each_theme_and_an_override_as_styled_snapshots() {
    let themes = [
        ("light", "theme = \"light\"\n"),
        ("mono", "theme = \"mono\"\n"),
        (
            "override",
            "[colors]\nselection = \"blue\"\nheading = \"#ff8700\"\nsource = 173\n\
             border = \"lightblue\"\nstatus_bar = \"22\"\nstatus_bar_text = \"black\"\nsaved = \"yellow\"\n",
        ),
    ];
    for (name, text) in themes {
        let mut r = Rig::new(120, 30, &[]);
        r.theme = theme_of(text, true);
        r.keys("js");
        r.open("Private Lander");
        r.keys("\x1b");
        insta::assert_snapshot!(format!("styled_{name}_list_120x30"), r.styled_screen());
        r.keys("\nG\n");
        assert_eq!(r.app.overlay, Some(Overlay::Source { n: 6 }), "{name}");
        insta::assert_snapshot!(format!("styled_{name}_source_120x30"), r.styled_screen());
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
    term.draw(|f| tidings::ui::draw(f, &r.app, &r.theme))
        .unwrap();
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
    let all: Vec<_> = store.list(100, false, 0).unwrap();
    assert_eq!(all.len(), 12);
    let first = headlines(&store, 3);
    // The rest of the list index, in two parts and then in one.
    let part = |from, n| {
        let part = store.index_part(Sort::Newest, &IndexFrom::Offset(from), n, false);
        part.unwrap()
    };
    let (second, third, rest) = (part(3, 3), part(6, 100), part(3, 100));
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
        Err(Arrival::ListPartial(first.clone())),
    );
    assert!(app.loading);
    assert_eq!(app.selected_item().unwrap().uid, all[0].uid);
    let mut term = Terminal::new(TestBackend::new(140, 40)).unwrap();
    term.draw(|f| tidings::ui::draw(f, &app, &Theme::default()))
        .unwrap();
    assert!(buffer_text(term.backend().buffer()).contains("Headlines 3/3 · reading…"));
    // After the first frame the store's counts come: the header counts every
    // story while the rest of the list is read in.
    let counts = store.count_view(&StoreView::all()).unwrap();
    act(&mut app, &mut store, Err(Arrival::Counts(counts)));
    term.draw(|f| tidings::ui::draw(f, &app, &Theme::default()))
        .unwrap();
    let s = buffer_text(term.backend().buffer());
    assert!(s.contains("Headlines 12/12 · reading…"), "{s}");
    assert!(s.contains(&format!(" {} unread", counts.unread)), "{s}");
    act(
        &mut app,
        &mut store,
        Err(Arrival::ListIndex {
            part: second,
            done: false,
        }),
    );
    assert_eq!(app.list.len(), 6);
    term.draw(|f| tidings::ui::draw(f, &app, &Theme::default()))
        .unwrap();
    let s = buffer_text(term.backend().buffer());
    assert!(s.contains("Headlines 12/12 · reading…"), "{s}");
    assert!(app.loading);
    act(
        &mut app,
        &mut store,
        Err(Arrival::ListIndex {
            part: third,
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
    term.draw(|f| tidings::ui::draw(f, &app, &Theme::default()))
        .unwrap();
    assert!(buffer_text(term.backend().buffer()).contains("Headlines 12/12 "));
    // A person who moved meanwhile keeps their place as parts arrive, even when
    // the remembered story arrives later.
    for remembered in [None, Some(all[7].uid.clone())] {
        let mut app = App::new(140, 40, remembered);
        act(
            &mut app,
            &mut store,
            Err(Arrival::ListPartial(first.clone())),
        );
        act(&mut app, &mut store, Ok(Action::Down));
        act(
            &mut app,
            &mut store,
            Err(Arrival::ListIndex {
                part: rest.clone(),
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
    let before = rig.app.list.len();

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
    assert_eq!(rig.app.list.len(), before + 2);
    assert_eq!(
        rig.app.selected_item().unwrap().uid,
        selected,
        "the selection stays"
    );
    let screen = rig.screen();
    assert!(screen.contains("refreshed 2: 2 new, 0 updated"), "{screen}");
    assert!(!screen.contains("failed"), "{screen}");
    // The row gives part of its width to the story's sources and date.
    assert!(screen.contains("Harbour bridge reopens"), "{screen}");
}

/// Stories titled in scripts whose clusters a terminal lays out differently from
/// one cell each: Devanagari vowel signs, Hebrew points, Arabic, a ZWJ family,
/// an emoji with a presentation selector and one with a skin tone.
fn complex_scripts() -> Vec<Document> {
    [
        "Hindi news: भारत में चुनाव",
        "Arabic news: مرحبا بالعالم",
        "Hebrew news: שָׁלוֹם עולם",
        "Family 👨\u{200D}👩\u{200D}👧\u{200D}👦 day out",
        "Hearts ❤\u{FE0F} and waves 👋\u{1F3FD} at the fair",
        "Thai news: กำลังใจ",
    ]
    .iter()
    .map(|t| {
        let mut d = Document::new(tidings::model::Kind::Story, t.to_string());
        d.lead.push(tidings::parse::sentences::paragraph(&format!(
            "{t} is the lead, long enough to wrap across the pane at any width."
        )));
        d
    })
    .collect()
}

/// A terminal that lays text out character by character, as xterm, tmux and
/// the VTE terminals do: a character that takes columns fills the cell under
/// the cursor (two for a wide one, blanking any wide character it cuts), and one
/// that takes none joins the cell before. It is fed what ratatui's terminal
/// backend writes: each changed cell's symbol, moving the cursor only when the
/// cell does not follow the last one written.
struct CharTerminal {
    width: usize,
    cells: Vec<Vec<String>>,
}

impl CharTerminal {
    fn new(width: u16, height: u16) -> Self {
        CharTerminal {
            width: width as usize,
            cells: vec![vec![" ".to_string(); width as usize]; height as usize],
        }
    }

    /// Writes the difference between two frames, as the backend does.
    fn apply(&mut self, prev: &Buffer, next: &Buffer) {
        let mut last: Option<(u16, u16)> = None;
        let mut cursor = (0usize, 0usize);
        for (x, y, cell) in prev.diff(next) {
            if !matches!(last, Some((lx, ly)) if x == lx + 1 && y == ly) {
                cursor = (x as usize, y as usize);
            }
            for c in shown(cell.symbol()).chars() {
                self.put(&mut cursor, c);
            }
            last = Some((x, y));
        }
    }

    fn put(&mut self, cursor: &mut (usize, usize), c: char) {
        use unicode_width::UnicodeWidthChar;
        let (x, y) = *cursor;
        let w = c.width().unwrap_or(0);
        let row = &mut self.cells[y];
        if w == 0 {
            if x > 0 {
                let at = if row[x - 1].is_empty() && x > 1 {
                    x - 2
                } else {
                    x - 1
                };
                row[at].push(c);
            }
            return;
        }
        if x + w > self.width {
            return;
        }
        for col in x..x + w {
            if row[col].is_empty() && col > 0 {
                row[col - 1] = " ".into();
            }
            if col + 1 < self.width && row[col + 1].is_empty() {
                row[col + 1] = " ".into();
            }
        }
        row[x] = c.to_string();
        if w == 2 {
            row[x + 1] = String::new();
        }
        cursor.0 += w;
    }

    fn text(&self) -> String {
        self.cells
            .iter()
            .map(|row| format!("{}\n", row.concat().trim_end()))
            .collect()
    }
}

/// Drives the reader through `steps`, feeding each frame to a character
/// terminal, and checks after every frame that the terminal shows exactly what
/// the frame holds: no glyph left behind, nothing shifted.
fn terminal_agrees_through(r: &mut Rig, steps: &[&str]) {
    let (w, h) = r.app.size;
    let mut term = CharTerminal::new(w, h);
    let mut prev = Buffer::empty(ratatui::layout::Rect::new(0, 0, w, h));
    for (i, step) in steps.iter().enumerate() {
        r.keys(step);
        let next = r.buffer();
        term.apply(&prev, &next);
        assert_eq!(
            term.text(),
            buffer_text(&next),
            "after step {i} ({step:?}) at {w}x{h}"
        );
        prev = next;
    }
}

#[test]
fn a_character_terminal_shows_exactly_the_frame_with_complex_scripts() {
    // Each script on its own, so that one failing says which.
    for doc in complex_scripts() {
        for (w, h) in [(120, 30), (80, 24), (60, 20)] {
            let mut r = Rig::with_documents(w, h, vec![doc.clone()]);
            let mut steps = vec![""];
            for _ in 0..3 {
                steps.extend(["j", "\n", "\x1b"]);
            }
            steps.extend(["g", "\n", "\x1b", "j"]);
            terminal_agrees_through(&mut r, &steps);
        }
    }
}

/// NO_COLOR: no colour at all, whatever the file's theme and `[colors]` say.
#[test]
fn without_colour_the_selected_row_keeps_reverse_and_a_mark() {
    let file =
        "theme = \"light\"\n[colors]\nselection = \"blue\"\nstatus_bar = \"#ff0000\"\ndim = 240\n";
    for (w, h) in [(60, 20), (120, 30)] {
        let mut r = Rig::new(w, h, &[]);
        r.theme = theme_of(file, false);
        r.keys("jj");
        let buf = r.buffer();
        for cell in buf.content() {
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "no colour at {w}x{h}"
            );
        }
        let text = buffer_text(&buf);
        let marked: Vec<usize> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.starts_with('›'))
            .map(|(y, _)| y)
            .collect();
        assert_eq!(marked, [3], "one row marked, the third: {text}");
        assert!(buf[(5, 3)].modifier.contains(Modifier::REVERSED));
        // The status bar and header keep apart from the text by reverse too.
        assert!(buf[(1, h - 1)].modifier.contains(Modifier::REVERSED));
        assert!(buf[(1, 0)].modifier.contains(Modifier::REVERSED));
    }
}

#[test]
fn read_saved_and_unread_rows_put_their_titles_in_one_column() {
    let mut r = Rig::new(80, 24, &[]);
    // Row 1 read and saved, row 2 read, row 3 unread and saved.
    r.keys("\n\x1bs");
    r.keys("j\n\x1b");
    r.keys("js");
    let text = r.screen();
    let mut rows = 0;
    for &i in &r.app.visible {
        let title: String = r.app.row(i).unwrap().title.chars().take(12).collect();
        let Some(line) = text.lines().find(|l| l.contains(&title)) else {
            continue;
        };
        let col = UnicodeWidthStr::width(&line[..line.find(&title).unwrap()]);
        assert_eq!(col, 4, "{line:?}");
        rows += 1;
    }
    assert_eq!(rows, r.app.visible.len(), "{text}");
    assert!(text.contains("★ "), "{text}");
}

#[test]
fn two_pane_rows_show_sources_and_date_and_never_crowd_the_title() {
    // The rows of dated stories, and those of them showing `what` in the list.
    let dated = |w: u16, h: u16, what: &str| {
        let r = Rig::new(w, h, &[]);
        let text = r.screen();
        let rows: Vec<&str> = text.lines().skip(1).take(r.app.visible.len()).collect();
        let dated: Vec<&str> = r
            .app
            .visible
            .iter()
            .zip(rows)
            .filter(|(&i, _)| r.app.row(i).unwrap().latest.is_some())
            .map(|(_, l)| l.split('│').next().unwrap())
            .collect();
        let showing = dated.iter().filter(|l| l.contains(what)).count();
        (showing, dated.len(), text)
    };
    // At 120 columns most dated rows show their date, some their sources too.
    let (n, all, text) = dated(120, 40, " 202");
    assert!(all >= 4 && n >= all / 2, "{text}");
    let (n, _, text) = dated(120, 40, " src · ");
    assert!(n >= 1, "{text}");
    // Wherever the title is cut, it keeps half of its room.
    for (w, h) in [(60, 20), (120, 40), (140, 40), (40, 12)] {
        let r = Rig::new(w, h, &[]);
        let text = r.screen();
        let list_w = r.app.geometry().list.unwrap().width as usize;
        for &i in r.app.visible.iter().take(h as usize - 2) {
            let title = &r.app.row(i).unwrap().title;
            // Half the room, one column of it the `…`.
            let keep: String = title.chars().take((list_w - 4) / 2 - 1).collect();
            assert!(
                text.contains(&keep),
                "at {w}x{h} the row keeps {keep:?}:\n{text}"
            );
        }
    }
}

#[test]
fn the_key_map_scrolls_to_its_end_and_says_when_there_is_more() {
    let mut r = Rig::new(120, 35, &[]);
    r.keys("?");
    let top = r.screen();
    assert!(top.contains("↓ more") && !top.contains("↑ more"), "{top}");
    let status = top.lines().last().unwrap();
    assert!(status.starts_with(" HELP"), "{status}");
    assert!(status.contains("scroll down"), "{status}");
    assert!(!status.contains("open the story"), "{status}");
    r.keys("G");
    let bottom = r.screen();
    let (_, terms) = tidings::query::reference_entries();
    let last = terms.last().unwrap().0;
    assert!(
        bottom.contains(last),
        "the last query term, {last}: {bottom}"
    );
    assert!(
        bottom.contains("↑ more") && !bottom.contains("↓ more"),
        "{bottom}"
    );
    let end = r.app.help_scroll;
    r.keys("j");
    assert_eq!(r.app.help_scroll, end, "no scrolling past the end");
    r.keys("g");
    assert_eq!(r.app.help_scroll, 0);
    r.act(Action::PageDown);
    assert!(r.app.help_scroll > 20, "a page is most of the box");
    r.act(Action::Bottom);
    assert_eq!(r.app.help_scroll, end);
    r.act(Action::PageUp);
    assert!(r.app.help_scroll < end);
}

/// Issue #18: the key map ends with the query language's terms, each example
/// and what it finds, in two columns when the box is wide enough and one
/// under the other when it is not.
#[test]
fn the_key_map_ends_with_the_query_terms() {
    let (title, entries) = tidings::query::reference_entries();
    for (w, h) in [(120, 40), (60, 20)] {
        let mut r = Rig::new(w, h, &[]);
        r.keys("?G");
        let screen = r.screen();
        assert_eq!(screen.contains(title), h == 40, "{screen}");
        for (example, what) in &entries[entries.len() - 5..] {
            assert!(screen.contains(example), "{example} at {w}x{h}:\n{screen}");
            let start: String = what.split(' ').take(2).collect::<Vec<_>>().join(" ");
            assert!(screen.contains(&start), "{what} at {w}x{h}:\n{screen}");
        }
        insta::assert_snapshot!(format!("help_query_terms_{w}x{h}"), screen);
    }
}

#[test]
fn the_key_map_wraps_between_words_at_40x12() {
    use tidings::app::keymap::BINDINGS;
    let mut words: std::collections::HashSet<String> = BINDINGS
        .iter()
        .flat_map(|b| {
            let keys = b.keys.iter().map(|k| k.label());
            let help = b.help.split(' ').map(String::from);
            keys.flat_map(|k| k.split(' ').map(String::from).collect::<Vec<_>>())
                .chain(help)
                .chain([format!("({})", b.name)])
                .collect::<Vec<_>>()
        })
        .collect();
    for s in tidings::app::keymap::SCOPES {
        words.extend(s.title().split(' ').map(String::from));
        words.insert(format!("[keys.{}]", s.config_name()));
    }
    let (title, entries) = tidings::query::reference_entries();
    let terms = entries.iter().flat_map(|(example, what)| [*example, *what]);
    let marks = tidings::app::story_marks::LEGEND
        .iter()
        .flat_map(|(mark, what)| [*mark, *what]);
    for text in terms.chain(marks).chain([title, "Marks in a story"]) {
        words.extend(text.split_whitespace().map(String::from));
    }
    let mut r = Rig::new(40, 12, &[]);
    r.keys("?");
    let mut last = usize::MAX;
    while r.app.help_scroll != last {
        last = r.app.help_scroll;
        let text = r.screen();
        for line in text.lines().skip(1).take(9) {
            let inside = line
                .trim_start_matches('│')
                .trim_end()
                .trim_end_matches('│');
            for word in inside.split_whitespace() {
                assert!(words.contains(word), "{word:?} cut in {line:?}:\n{text}");
            }
        }
        r.keys("j");
    }
}

#[test]
fn claims_citing_a_source_wrap_whole_and_scroll_to_the_selected_one() {
    let mut r = Rig::new(60, 14, &[]);
    r.open("Private Lander");
    r.keys("]\n\n\n");
    let Some(Overlay::Citers { entries, .. }) = r.app.overlay.clone() else {
        panic!("citers")
    };
    assert!(entries.len() > 2);
    let popup = |r: &Rig| -> String {
        r.screen()
            .lines()
            .filter(|l| l.starts_with('│'))
            .map(|l| l.trim_matches(|c| c == '│' || c == ' ').to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let spaced = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        spaced(&popup(&r)).contains(&spaced(&entries[0].label)),
        "{}",
        r.screen()
    );
    r.keys("G");
    let last = &entries[entries.len() - 1].label;
    assert!(spaced(&popup(&r)).contains(&spaced(last)), "{}", r.screen());
    assert!(r.screen().contains("↑ more"), "{}", r.screen());
}

/// Each empty list says what is true and what to press, and the story pane
/// beside it shows no story.
#[test]
fn empty_states_say_what_is_true_and_the_preview_clears() {
    let mut r = Rig::new(140, 40, &[]);
    let first = r.app.row(0).unwrap().title.clone();
    assert!(
        r.screen().matches(&first[..20]).count() >= 2,
        "listed and previewed"
    );
    for item in r.store.list(100, false, 0).unwrap() {
        r.store.set_read(&item.uid, true).unwrap();
    }
    let items = headlines(&r.store, 100);
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
    // Rows name their feed ("pages I saved"): the status bar is what says it.
    assert!(!s.lines().last().unwrap().contains("saved"), "{s}");
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

/// Past `COUNT_LIMIT` matches the filter stops counting and says "more than".
#[test]
fn a_filter_with_more_matches_than_it_counts_says_more_than() {
    let limit = tidings::store::COUNT_LIMIT;
    assert_eq!(limit, 10_000, "the README says 10,000");
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let docs: Vec<(String, tidings::model::Document)> = (0..3)
        .map(|n| {
            let title = format!("Harbour report number {n}");
            let doc = tidings::model::Document::new(tidings::model::Kind::Article, title);
            ("test".to_string(), doc)
        })
        .collect();
    tidings::import::import_documents(&mut store, &docs).unwrap();
    let items = headlines(&store, 100);
    let (found, _) = store.query_rows(&parsed("harbour")).unwrap();
    let mut r = Rig {
        app: App::new(140, 40, None),
        theme: Theme::default(),
        store,
        bg: Background::new(),
        _dir: dir,
    };
    r.arrive(Arrival::ListPartial(items));
    r.keys("/harbour");
    // As the store answers when more match than it counts.
    r.arrive(Arrival::FilterResults {
        query: "harbour".into(),
        items: found,
        total: limit + 1,
    });
    let s = r.screen();
    assert!(s.contains("newest 3 of more than 10,000"), "{s}");
}

/// `input` as the filter reads it.
fn parsed(input: &str) -> tidings::query::Query {
    tidings::query::parse(input, chrono::Local::now().date_naive()).unwrap()
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
    assert_eq!(store.query_rows(&parsed("harbour")).unwrap().1, limit + 5);
    assert_eq!(store.query_rows(&parsed("report 123")).unwrap().1, 1);
    let items = headlines(&store, 100);
    let mut r = Rig {
        app: App::new(140, 40, None),
        theme: Theme::default(),
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

/// `y` copies the story's own link from a row (through the store in one pane)
/// and from anywhere in the story, saying so; `o` on a story gathering several
/// sources says it has none; on a listed source both use that source.
#[test]
fn o_and_y_use_the_story_link_from_a_row_and_the_story_and_a_source_below_it() {
    let mut r = Rig::new(60, 20, &[]);
    let pos = r
        .app
        .visible
        .iter()
        .position(|&i| {
            r.app
                .row(i)
                .unwrap()
                .title
                .starts_with("Ferry operators add")
        })
        .unwrap();
    for _ in 0..pos {
        r.keys("j");
    }
    r.keys("y");
    let link = "https://wire.example/late-sailing";
    assert_eq!(r.app.clipboard.take().as_deref(), Some(link));
    assert!(
        r.screen().contains(&format!("copied {link}")),
        "{}",
        r.screen()
    );
    r.keys("\nj");
    r.keys("y");
    assert_eq!(r.app.clipboard.take().as_deref(), Some(link));
    r.keys("\x1b");
    r.open("Private Lander");
    r.keys("o");
    assert!(r.screen().contains("no link"), "{}", r.screen());
    r.keys("G");
    let Item::Source(last) = cursor_item(&r) else {
        panic!("the last source");
    };
    r.keys("y");
    let copied = r.app.clipboard.take().unwrap();
    assert!(r.screen().contains(&format!("copied {copied}")));
    let doc = &r.app.story.as_ref().unwrap().doc;
    assert_eq!(Some(copied), doc.sources[last].url.clone());
}

/// `/` in the story pane: every match marked, the current one apart, the
/// status bar's box with the terminal's cursor in it and the count; Tab and
/// Enter go on, Shift-Tab back, Esc clears; in NO_COLOR the marks keep an
/// underline. The list's `/` still filters the list.
#[test]
fn slash_in_the_story_marks_every_match_and_moves_between_them() {
    for (w, h) in [(120, 40), (60, 20)] {
        let mut r = Rig::new(w, h, &[]);
        r.open("Kestrel Bay");
        r.keys("/CONTAINER");
        let status = r.screen().lines().last().unwrap().to_string();
        assert!(status.contains(" SEARCH │ /CONTAINER"), "{status}");
        let total = r
            .app
            .story
            .as_ref()
            .unwrap()
            .search
            .as_ref()
            .unwrap()
            .matches
            .len();
        assert!(total >= 3, "{total}");
        assert!(status.contains(&format!("match 1/{total}")), "{status}");
        let at = UnicodeWidthStr::width(&status[..status.find("/CONTAINER").unwrap()]);
        assert_eq!(
            r.cursor(),
            Some((at as u16 + 1 + 9, h - 1)),
            "after “CONTAINER”"
        );
        // Every visible match is marked, the current one bold.
        let buf = r.buffer();
        let marked: Vec<(u16, u16)> = buf
            .content()
            .iter()
            .enumerate()
            .filter(|(_, c)| c.bg == Color::Yellow || c.bg == Color::LightGreen)
            .map(|(i, _)| buf.pos_of(i))
            .collect();
        assert!(marked.len() >= 9 * 2, "{marked:?}");
        let current = buf
            .content()
            .iter()
            .filter(|c| c.bg == Color::LightGreen && c.modifier.contains(Modifier::BOLD))
            .map(|c| c.symbol())
            .collect::<String>();
        assert!(current.eq_ignore_ascii_case("container"), "{current}");
        r.keys("\t\n");
        assert!(r.screen().contains(&format!("match 3/{total}")));
        r.press(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert!(r.screen().contains(&format!("match 2/{total}")));
        // Without colour the marks stay: reverse and an underline.
        r.theme = Theme::from_config(&Config::default(), false);
        let buf = r.buffer();
        assert!(buf.content().iter().any(|c| c
            .modifier
            .contains(Modifier::REVERSED | Modifier::UNDERLINED | Modifier::BOLD)));
        r.theme = Theme::default();
        r.keys("zz");
        assert!(
            r.screen().contains("no match for “CONTAINERzz”"),
            "{}",
            r.screen()
        );
        r.keys("\x1b");
        assert!(r.app.story.as_ref().unwrap().search.is_none());
        assert_eq!(r.cursor(), None);
        assert!(!r.buffer().content().iter().any(|c| c.bg == Color::Yellow));
        r.keys("\x1b/port");
        assert_eq!(r.app.filter.as_ref().unwrap().query(), "port");
    }
}

/// A story whose one source has a hostile URL (non-ASCII host, an escape, a
/// bell, quotes, a backslash, a space) and a wide title.
fn hostile_link_story() -> Document {
    let mut doc = Document::new(tidings::model::Kind::Story, "Harbour strike ends".into());
    doc.lead.push(tidings::parse::sentences::paragraph(
        "Dockers voted to return to work on Monday [1].",
    ));
    doc.sources.push(tidings::model::Source {
        n: 1,
        outlet: Some("Wire".into()),
        title: "Strike over at 港 docks".into(),
        summary: None,
        url: Some("https://exämple.org/a\u{1b}]52;c;PWNED\u{7}\"<>\\ b".into()),
    });
    doc
}

/// The import already drops the escape sequence; the rest is percent-encoded.
const HOSTILE_CLEANED: &str = "https://xn--exmple-cua.org/a%22%3C%3E/%20b";

/// The URL of the OSC 8 link a cell's symbol opens, if any.
fn link_of(symbol: &str) -> Option<&str> {
    let rest = symbol.strip_prefix("\u{1b}]8;id=")?;
    let (_, rest) = rest.split_once(';')?;
    rest.split_once('\u{1b}').map(|(url, _)| url)
}

/// Source URLs are OSC 8 hyperlinks over the source's line in the story and
/// the URL on its card: every cell of the link text carries its own cleaned,
/// percent-encoded link and keeps its width, the screen reads the same as
/// without links (also without colour and in one narrow pane), and nothing
/// outside the link text is linked.
#[test]
fn source_urls_are_hyperlinks_cell_by_cell_that_nothing_escapes() {
    for (w, h, colour) in [(120, 40, true), (60, 20, true), (60, 20, false)] {
        let mut r = Rig::with_documents(w, h, vec![hostile_link_story()]);
        r.theme = Theme::from_config(&Config::default(), colour);
        r.open("Harbour strike ends");
        r.keys("G");
        assert_eq!(cursor_item(&r), Item::Source(0));
        for step in ["", "\n"] {
            r.keys(step);
            let buf = r.buffer();
            let mut linked = Vec::new();
            for (i, cell) in buf.content().iter().enumerate() {
                if let Some(url) = link_of(cell.symbol()) {
                    assert_eq!(url, HOSTILE_CLEANED);
                    let (x, y) = buf.pos_of(i);
                    linked.push((x, y, shown(cell.symbol()).to_string()));
                    assert_eq!(
                        tidings::ui::links::shown(cell.symbol()).chars().count(),
                        1,
                        "one character a cell here"
                    );
                }
            }
            let text: String = linked.iter().map(|(.., s)| s.as_str()).collect();
            let expected = if step.is_empty() {
                "[1]Wire:Strikeoveratdocks"
            } else {
                // The card: its URL line as shown (wrapped when narrow).
                "https://exämple.org/a\"<>\\b"
            };
            let seen: String = text
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '港')
                .collect();
            if step.is_empty() {
                assert_eq!(seen, expected, "at {w}x{h}");
            } else {
                // The source's line stays a link where the card leaves it in sight.
                let rest = seen.replace(expected, "");
                assert!(
                    ["", "[1]Wire:Strikeoveratdocks"].contains(&rest.as_str()),
                    "at {w}x{h}: {seen}"
                );
            }
            // The links change no column: the screen is the one drawn without them.
            r.app.hyperlinks = false;
            let plain = r.buffer();
            r.app.hyperlinks = true;
            assert_eq!(buffer_text(&buf), buffer_text(&plain));
            for (i, (a, b)) in buf.content().iter().zip(plain.content()).enumerate() {
                use ratatui::buffer::CellWidth;
                assert_eq!(a.cell_width(), b.cell_width(), "cell {:?}", buf.pos_of(i));
                assert_eq!(a.style(), b.style());
            }
            // And what a terminal is sent holds nothing but clean escapes.
            let mut bytes = Vec::new();
            let cells = buf.content.iter().enumerate().map(|(i, c)| {
                let (x, y) = buf.pos_of(i);
                (x, y, c)
            });
            ratatui::backend::Backend::draw(
                &mut ratatui::backend::CrosstermBackend::new(&mut bytes),
                cells,
            )
            .unwrap();
            tidings::invariants::check_terminal_bytes(&bytes).unwrap();
        }
    }
}

/// Issue 16: a row names its feed after the title, dim, only when the whole
/// title still fits; at 60 columns no title is cut for it.
#[test]
fn rows_name_their_feed_dim_when_the_title_stays_whole() {
    for (w, h) in [(60, 20), (80, 24), (200, 50)] {
        let r = Rig::new(w, h, &[]);
        let buf = r.buffer();
        let text = buffer_text(&buf);
        let mut named = 0;
        for (row, &i) in r.app.visible.iter().enumerate() {
            let item = &r.app.row(i).unwrap();
            let line = text.lines().nth(row + 1).unwrap();
            let Some(at) = line.find(item.feed.as_str()) else {
                continue;
            };
            named += 1;
            assert!(line.contains(&item.title), "{w}: whole title: {line:?}");
            let col = UnicodeWidthStr::width(&line[..at]) as u16;
            assert_eq!(buf[(col, row as u16 + 1)].fg, Color::DarkGray, "dim");
        }
        // At 60 columns the samples' titles leave no room for it.
        assert!(
            w == 60 || named > 0,
            "{w}x{h}: some row names its feed:\n{text}"
        );
    }
}

/// Issue 16: the header says the view, the feed and the sort, and counts the
/// unread at its right end; `A` marks the view read and `U` undoes it on screen.
#[test]
fn the_header_says_the_view_feed_sort_and_unread_count() {
    let mut r = Rig::new(120, 40, &[]);
    let header = |r: &Rig| r.screen().lines().next().unwrap().to_string();
    assert!(header(&r).contains("12 unread"), "{}", header(&r));
    r.keys("\n\x1b");
    assert!(header(&r).contains("11 unread"), "{}", header(&r));
    r.keys("v");
    assert!(header(&r).contains("11/12 · unread only"), "{}", header(&r));
    r.keys("v");
    assert!(header(&r).contains("0/12 · saved only"), "{}", header(&r));
    r.keys("vS");
    assert!(
        header(&r).contains("12/12 · oldest first"),
        "{}",
        header(&r)
    );
    r.keys("F");
    let s = r.screen();
    assert!(s.contains("Feeds (Enter"), "{s}");
    assert!(
        s.contains("Coastal Wire") && s.contains("2 unread of 2"),
        "{s}"
    );
    assert!(s.lines().last().unwrap().starts_with(" FEEDS"), "{s}");
    let coastal = r
        .app
        .picker
        .as_ref()
        .unwrap()
        .feeds
        .iter()
        .position(|f| f.name == "Coastal Wire")
        .unwrap();
    r.keys(&"j".repeat(coastal));
    r.keys("\n");
    assert!(
        header(&r).contains(" 2/12 · Coastal Wire · oldest first"),
        "{}",
        header(&r)
    );
    assert!(header(&r).contains(" 2 unread"), "{}", header(&r));
    r.keys("A");
    assert!(header(&r).contains(" 0 unread"), "{}", header(&r));
    let start = std::time::Instant::now();
    while r.bg.busy() {
        assert!(start.elapsed() < std::time::Duration::from_secs(30));
        for news in r.bg.poll() {
            r.arrive(news);
        }
    }
    assert!(
        r.screen().contains("marked 2 stories read"),
        "{}",
        r.screen()
    );
    r.keys("U");
    assert!(header(&r).contains(" 2 unread"), "{}", header(&r));
    r.keys("F");
    assert!(
        header(&r).contains("12/12 · oldest first"),
        "{}",
        header(&r)
    );
}

/// Issue 16: `n` from the list opens the first unread story and from the story
/// the next; at the end the status bar says so and the story stays.
#[test]
fn n_reads_through_the_unread_stories_and_says_when_there_are_no_more() {
    let mut r = Rig::new(80, 24, &[]);
    let mut seen = Vec::new();
    for _ in 0..12 {
        r.keys("n");
        seen.push(r.app.story.as_ref().unwrap().item.uid.clone());
    }
    seen.dedup();
    assert_eq!(seen.len(), 12, "every story once");
    assert_eq!(r.app.unread, 0);
    r.keys("n");
    let s = r.screen();
    assert!(s.lines().last().unwrap().contains("no more unread"), "{s}");
    assert_eq!(r.app.story.as_ref().unwrap().item.uid, seen[11]);
    r.keys("K");
    assert_eq!(r.app.story.as_ref().unwrap().item.uid, seen[10]);
    r.keys("q");
    assert_eq!(r.app.focus, Focus::List);
    assert!(r.screen().contains("Headlines 12/12"));
}

/// Issue 17: the effective key map (a config file's `[keys]` over the table)
/// drives the keys, the status bar's hints, the key map screen and its title.
#[test]
fn the_effective_key_map_drives_keys_hints_and_the_key_map() {
    use tidings::app::keymap::KeyMap;
    let text = "[keys.list]\nnext_unread = \"x\"\n[keys.global]\nhelp = \"f1\"\n";
    let (_, keys) = tidings::config::parse(std::path::Path::new("k.toml"), text, |c| {
        KeyMap::from_config(&c.keys)
    })
    .unwrap();
    let mut r = Rig::new(140, 40, &[]);
    r.app.keys = keys;
    let s = r.screen();
    let status = s.lines().last().unwrap();
    assert!(status.contains("F1 show or hide this key map"), "{status}");
    let hints = r.app.keys.hints(tidings::app::keymap::Scope::List);
    assert!(hints.contains(&("x".into(), "open the next unread story")));
    r.keys("?");
    assert!(!r.app.help, "? no longer opens the key map");
    r.press(KeyCode::F(1), KeyModifiers::NONE);
    assert!(r.app.help);
    let s = r.screen();
    assert!(s.contains("┌ Keys (F1 or Esc to close) "), "{s}");
    assert!(
        s.contains("  x                 open the next unread story (next_unread)"),
        "{s}"
    );
    r.press(KeyCode::F(1), KeyModifiers::NONE);
    assert!(!r.app.help);
    r.keys("n");
    assert_eq!(r.app.focus, Focus::List, "n no longer opens a story");
    r.keys("x");
    assert_eq!(r.app.focus, Focus::Story, "x does");
}

/// The config's `[reader]` on screen: dates in its pattern on the rows and in the
/// story's header, and two panes only from its width.
#[test]
fn the_configs_date_style_and_two_pane_width_show_on_screen() {
    let mut r = Rig::new(120, 40, &[]);
    let reader = tidings::config::Reader {
        date_style: "%Y-%m-%d".to_string().try_into().unwrap(),
        two_pane_min_width: 130,
        ..Default::default()
    };
    r.app.configure(&reader);
    r.act(Action::Resize(120, 40));
    assert!(r.app.geometry().story.is_none(), "one pane below 130");
    let text = r.screen();
    assert!(text.contains("2025-09-20"), "{text}");
    assert!(!text.contains("20 Sep 2025"), "{text}");
    r.open("Kestrel Bay");
    let text = r.screen();
    assert!(text.contains("· 2025-09-20"), "{text}");
    r.act(Action::Resize(130, 40));
    assert!(r.app.geometry().story.is_some(), "two from 130");
}

/// An RSS feed of one item, with a `<ttl>` when given.
fn one_item_feed(title: &str, ttl: Option<u32>) -> String {
    let ttl = ttl.map(|m| format!("<ttl>{m}</ttl>")).unwrap_or_default();
    format!(
        r#"<rss version="2.0"><channel><title>{title}</title>{ttl}<item><title>{title} news</title><link>https://example.org/{title}</link><description>Something happened.</description></item></channel></rss>"#
    )
}

/// The automatic refresh against the loopback server, every second: in 2.6 s it
/// runs twice, no more, fetching a feed without `<ttl>` each time, and once
/// only one whose `<ttl>` is longer than the interval and one whose server
/// answered with a longer `Retry-After`; the first brings news and says so.
#[test]
fn the_automatic_refresh_runs_on_its_interval_and_honours_ttl() {
    use common::http_server::{Route, Server};
    use std::time::{Duration, Instant};
    let server = Server::start(vec![
        (
            "/often.rss",
            Route::body(one_item_feed("Often", None), "application/rss+xml"),
        ),
        (
            "/rarely.rss",
            Route::body(one_item_feed("Rarely", Some(60)), "application/rss+xml"),
        ),
        ("/busy.rss", Route::RetryAfter("3600")),
        (
            "/forever.rss",
            Route::body(
                one_item_feed("Forever", Some(99_999_999)),
                "application/rss+xml",
            ),
        ),
    ]);
    let mut rig = Rig::new(140, 40, &[]);
    for name in ["often", "rarely", "busy", "forever"] {
        rig.store
            .subscribe(&server.url(&format!("/{name}.rss")), None)
            .unwrap();
    }
    let before = rig.app.list.len();
    rig.bg.auto_every = Some(Duration::from_secs(1));
    let started = Instant::now();
    let mut said = Vec::new();
    while started.elapsed() < Duration::from_millis(2600) {
        tidings::tui::tick(&mut rig.app, &mut rig.store, &mut rig.bg, Instant::now());
        said.extend(rig.app.notice.take());
        std::thread::sleep(Duration::from_millis(20));
    }
    let paths: Vec<String> = server.take_log().into_iter().map(|s| s.path).collect();
    let count = |p: &str| paths.iter().filter(|s| *s == p).count();
    assert_eq!(count("/often.rss"), 2, "{paths:?}");
    assert_eq!(count("/rarely.rss"), 1, "its <ttl> is an hour: {paths:?}");
    assert_eq!(count("/busy.rss"), 1, "Retry-After an hour: {paths:?}");
    assert_eq!(count("/forever.rss"), 1, "{paths:?}");
    // A feed cannot keep itself away for longer than a day.
    let tomorrow = chrono::Utc::now().timestamp() + 24 * 3600 + 60;
    let due: Vec<String> = rig
        .store
        .due_subscriptions(tomorrow, 1)
        .unwrap()
        .into_iter()
        .map(|s| s.url)
        .collect();
    assert!(due.iter().any(|u| u.ends_with("/forever.rss")), "{due:?}");
    assert_eq!(
        said,
        ["auto-refresh: 3 new, 0 updated"],
        "only news is said"
    );
    assert_eq!(rig.app.list.len(), before + 3, "the list read again");
    let none = Background::new();
    assert_eq!(none.auto_every, None, "off unless the config says");
}

/// Waits for the marks being written and the questions asked off the loop,
/// taking in what they say.
fn settle(app: &mut App, store: &mut Store, bg: &mut Background) {
    let start = std::time::Instant::now();
    while bg.busy() || bg.asking() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(30),
            "settled"
        );
        for news in bg.poll() {
            tidings::tui::deliver(app, store, bg, news);
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

/// A list of thousands arrives as the reader reads it (the first screens of
/// full rows, then the list index in parts) and holds full rows only near the
/// screen: `G` pressed before the index is in goes to the last row once it is,
/// PgDn reaches it too, the header counts the unread as the store does, and a
/// mark far from the start stays after scrolling away and back.
#[test]
fn a_windowed_list_of_thousands_reaches_its_last_row_and_keeps_its_marks() {
    in_utc();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let docs: Vec<(String, Document)> = (0..3_000)
        .map(|n| {
            let title = format!("Long list story {n:04}");
            let doc = Document::new(tidings::model::Kind::Article, title);
            ("gen".to_string(), doc)
        })
        .collect();
    tidings::import::import_documents(&mut store, &docs).unwrap();
    let all = headlines(&store, 5_000);
    for h in all.iter().step_by(7) {
        store.set_read(&h.item.uid, true).unwrap();
    }
    let last = all.last().unwrap().item.clone();
    let (w, h) = (80, 24);
    let mut app = App::new(w, h, None);
    let mut bg = Background::new();
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut screen = |app: &App| {
        term.draw(|f| tidings::ui::draw(f, app, &Theme::default()))
            .unwrap();
        buffer_text(term.backend().buffer())
    };
    let held_at_most = 9 * h as usize;
    let first = Arrival::ListPartial(headlines(&store, 500));
    tidings::tui::deliver(&mut app, &mut store, &mut bg, first);
    tidings::tui::dispatch(&mut app, &mut store, &mut bg, Action::Bottom);
    assert_eq!(app.selected, 0, "no wrong last row before the index is in");
    assert!(screen(&app).contains("once every row is read"));
    let mut from = IndexFrom::Offset(500);
    loop {
        let part = store.index_part(Sort::Newest, &from, 1_000, false).unwrap();
        let done = part.rows.len() < 1_000;
        from = part.next.clone();
        tidings::tui::deliver(
            &mut app,
            &mut store,
            &mut bg,
            Arrival::ListIndex { part, done },
        );
        if done {
            break;
        }
    }
    assert_eq!(app.list.len(), 3_000);
    assert_eq!(app.selected_item(), Some(&last), "G went to the end");
    let s = screen(&app);
    assert!(
        s.contains("LIST 3000/3000"),
        "the status bar says where:\n{s}"
    );
    assert!(s.contains(&last.title), "{s}");
    let unread = store
        .count_view(&StoreView {
            show: tidings::store::Show::Unread,
            feed: None,
            heads: false,
        })
        .unwrap()
        .unread;
    assert_eq!(app.unread as u64, unread);
    assert!(
        s.contains(&format!("{},{:03} unread", unread / 1000, unread % 1000)),
        "{s}"
    );
    assert!(app.list.held() <= held_at_most, "{} held", app.list.held());

    tidings::tui::dispatch(&mut app, &mut store, &mut bg, Action::Top);
    assert_eq!(app.selected_item().unwrap().uid, all[0].item.uid);
    let mut pages = 0;
    loop {
        let before = app.selected;
        tidings::tui::dispatch(&mut app, &mut store, &mut bg, Action::PageDown);
        assert!(app.selected_item().is_some(), "the selected row is read");
        assert!(app.list.held() <= held_at_most, "{} held", app.list.held());
        if app.selected == before {
            break;
        }
        pages += 1;
    }
    assert!(pages > 100, "{pages} pages");
    assert_eq!(app.selected_item(), Some(&last), "PgDn reached the end");
    assert!(screen(&app).contains(&last.title));

    // A mark far from the start stays after scrolling away and back.
    assert!(!last.read);
    tidings::tui::dispatch(&mut app, &mut store, &mut bg, Action::ToggleRead);
    settle(&mut app, &mut store, &mut bg);
    tidings::tui::dispatch(&mut app, &mut store, &mut bg, Action::Top);
    assert!(
        !app.list.items().any(|i| i.uid == last.uid),
        "dropped far away"
    );
    for _ in 0..pages {
        tidings::tui::dispatch(&mut app, &mut store, &mut bg, Action::PageDown);
    }
    assert_eq!(
        app.selected_item().map(|i| i.read),
        Some(true),
        "still read"
    );
    assert!(store.get(&last.uid).unwrap().item.read);
    assert_eq!(app.unread as u64, unread - 1);
}

/// A story opened far from the rows the list holds (from a related card, say)
/// gets its read and saved marks on its list row too: the list knows it by the
/// row id the store hands over with the story.
#[test]
fn a_story_opened_far_down_the_list_marks_its_own_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let docs: Vec<(String, Document)> = (0..2_000)
        .map(|n| {
            let title = format!("Far list story {n:04}");
            (
                "gen".to_string(),
                Document::new(tidings::model::Kind::Article, title),
            )
        })
        .collect();
    tidings::import::import_documents(&mut store, &docs).unwrap();
    let all = headlines(&store, 5_000);
    let mut app = App::new(80, 24, None);
    let mut bg = Background::new();
    let first = Arrival::ListPartial(headlines(&store, 500));
    tidings::tui::deliver(&mut app, &mut store, &mut bg, first);
    let part = store
        .index_part(Sort::Newest, &IndexFrom::Offset(500), 5_000, false)
        .unwrap();
    let index = Arrival::ListIndex { part, done: true };
    tidings::tui::deliver(&mut app, &mut store, &mut bg, index);
    assert_eq!(app.unread, 2_000);
    let far = &all[1_990];
    assert!(!app.list.items().any(|i| i.uid == far.item.uid), "not held");
    // As the runtime loads a story it opens: marked read in the store first.
    store.set_read(&far.item.uid, true).unwrap();
    let stored = store.get(&far.item.uid).unwrap();
    let loaded = tidings::app::action::Loaded {
        id: stored.id,
        item: stored.item,
        doc: stored.doc,
        related: Vec::new(),
        changes: None,
    };
    tidings::tui::deliver(
        &mut app,
        &mut store,
        &mut bg,
        Arrival::Loaded(Box::new(loaded)),
    );
    assert_eq!(app.unread, 1_999, "its row counts as read");
    store.set_saved(&far.item.uid, true).unwrap();
    let saved = Arrival::Saved {
        uid: far.item.uid.clone(),
        saved: true,
    };
    tidings::tui::deliver(&mut app, &mut store, &mut bg, saved);
    let at = app.list.position(far.id).unwrap();
    assert!(app.list.saved(at), "its row shows it saved");
}

/// The status bar's line.
fn status_line(r: &Rig) -> String {
    r.screen().lines().last().unwrap_or_default().to_string()
}

/// Issue #18: the filter reads the query language. A structured term shows
/// exactly the stories the store says match it; a term that does not parse
/// names itself and its column in the status bar, and the rows of the last
/// text that parsed stay.
#[test]
fn a_structured_filter_shows_its_matches_and_a_bad_term_its_column() {
    let mut r = Rig::new(120, 40, &[]);
    r.keys("/outlets>=3");
    let (_, total) = r.store.query_rows(&parsed("outlets>=3")).unwrap();
    assert_eq!(
        total, 6,
        "the samples: six stories list three outlets or more"
    );
    assert_eq!(r.app.visible.len(), total);
    assert!(
        r.screen().starts_with(" Headlines 6/12 · /outlets>=3"),
        "{}",
        r.screen()
    );
    r.keys(" iz:");
    let status = status_line(&r);
    assert!(
        status.contains(r#"FILTER │ unknown term "iz:" at 12; did you mean "is:"?"#),
        "{status}"
    );
    assert_eq!(r.app.visible.len(), 6, "the last good rows stay");
    r.keys("\x08\x08\x08");
    assert!(!status_line(&r).contains("unknown term"));
    r.keys("sources>=5 is:unread");
    let (rows, _) = r
        .store
        .query_rows(&parsed("outlets>=3 sources>=5 is:unread"))
        .unwrap();
    let titles: Vec<&str> = r
        .app
        .visible
        .iter()
        .map(|&i| r.app.row(i).unwrap().title.as_str())
        .collect();
    let want: Vec<&str> = rows.iter().map(|h| h.item.title.as_str()).collect();
    assert_eq!(titles, want);
    assert_eq!(titles.len(), 4);
}

/// A store of the samples with three saved queries, one no longer parsing.
fn with_saved_queries(w: u16, h: u16) -> Rig {
    let r = Rig::new(w, h, &[]);
    r.store.save_query("bank", "cites:reuters").unwrap();
    r.store.save_query("big", "sources>=5").unwrap();
    r.store.save_query("broken", "cite:x").unwrap();
    r
}

/// Issue #18: saved queries in the `F` picker under the feeds, each with its
/// unread count (counted off the event loop), a bad one with its error; one
/// chosen shows its matches under its name, `A` marks every match read, and
/// `q` goes back to every story.
#[test]
fn saved_queries_in_the_picker_show_their_counts_and_one_chosen_its_matches() {
    let mut r = with_saved_queries(80, 24);
    r.keys("F");
    settle(&mut r.app, &mut r.store, &mut r.bg);
    let screen = r.screen();
    for line in [
        "Saved queries",
        "bank",
        "1 unread",
        "4 unread",
        "unknown term",
    ] {
        assert!(screen.contains(line), "{line}:\n{screen}");
    }
    snapshot(&r, "picker_saved_queries");
    // The broken one says why, and the picker stays.
    r.keys("G\n");
    assert!(r.app.picker.is_some());
    assert!(status_line(&r).contains("the saved query “broken”: unknown term"));
    r.keys("k\n");
    assert!(r.app.picker.is_none());
    assert!(
        r.screen().starts_with(" Headlines 4/12 · Query: big"),
        "{}",
        r.screen()
    );
    assert_eq!(r.app.visible.len(), 4);
    // A marks the query's matches read, U undoes it.
    let big = parsed("sources>=5");
    assert_eq!(r.store.unread_matches(&big).unwrap(), 4);
    r.keys("A");
    settle(&mut r.app, &mut r.store, &mut r.bg);
    assert_eq!(r.store.unread_matches(&big).unwrap(), 0);
    assert_eq!(r.store.count_view(&StoreView::all()).unwrap().unread, 8);
    r.keys("U");
    settle(&mut r.app, &mut r.store, &mut r.bg);
    assert_eq!(r.store.unread_matches(&big).unwrap(), 4);
    r.keys("q");
    assert!(r.app.filter.is_none(), "q: back to every story");
    assert_eq!(r.app.visible.len(), 12);
}

/// Issue #18: `C` lists the claims that answer the filter (found off the
/// event loop), Enter opens a claim's story with the cursor on that claim,
/// and Backspace returns to the list of claims.
#[test]
fn c_lists_the_claims_of_the_filter_and_enter_lands_on_the_claim() {
    let mut r = Rig::new(80, 24, &[]);
    r.keys("/cites:reuters\n");
    assert_eq!(r.app.visible.len(), 1);
    r.keys("C");
    settle(&mut r.app, &mut r.store, &mut r.bg);
    let Some(Overlay::Claims { rows, .. }) = &r.app.overlay else {
        panic!("the claims: {:?}", r.app.notice);
    };
    assert_eq!(rows.len(), 3, "three claims of the bank story cite Reuters");
    assert!(r.screen().contains("3 claims answer the query"));
    snapshot(&r, "claims_of_a_query");
    r.keys("jj\n");
    let story = r.app.story.as_ref().expect("opened");
    assert!(story.item.title.starts_with("Central Bank Holds Rates"));
    let s = story;
    let claim = s.layout.items[s.cursor].item;
    let Item::Claim {
        section,
        para,
        sent,
    } = claim
    else {
        panic!("on a claim: {claim:?}");
    };
    let text = match section {
        None => &s.doc.lead[para],
        Some(i) => &s.doc.sections[i].paragraphs[para],
    }
    .sentences[sent]
        .text
        .clone();
    assert!(text.starts_with("Sterling rose 0.4%"), "{text}");
    assert_eq!(r.app.focus, Focus::Story);
    r.keys("\x08");
    assert!(matches!(
        r.app.overlay,
        Some(Overlay::Claims { selected: 2, .. })
    ));
    r.keys("\x1b");
    assert!(r.app.overlay.is_none());
}

#[test]
fn a_story_two_feeds_brought_shows_its_outlets_on_its_row() {
    let mut r = Rig::with_documents(120, 40, Vec::new());
    let feeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/feeds");
    let paths = ["overlap-agency.rss", "overlap-daily.rss"].map(|f| feeds.join(f));
    tidings::import::import_paths(&mut r.store, &paths, 1 << 20, |_, _| {}).unwrap();
    let items = headlines(&r.store, 1000);
    r.arrive(Arrival::ListLoaded(items));
    let text = r.screen();
    let row = |title: &str| {
        text.lines()
            .find(|l| l.contains(title))
            .unwrap_or_else(|| panic!("no row {title}:\n{text}"))
            .split('│')
            .next()
            .unwrap()
            .to_string()
    };
    assert!(
        row("Ferry strike ends").contains(" 2 outl · 6 Dec 2025"),
        "{text}"
    );
    assert!(!row("Lighthouse").contains("outl"), "{text}");
    assert_eq!(
        text.matches("Ferry strike ends").count(),
        1,
        "one row for both feeds:\n{text}"
    );
}

const STRIKE: &str = "Harbour ferry strike halts every crossing as the union walks out over pay";
const STRIKE_AGAIN: &str =
    "Harbour ferry strike halts every crossing as union walks out over pay talks";

/// A story of `feed` published on `day`, with these dated events and sources
/// from these outlets.
fn told(
    feed: &str,
    title: &str,
    day: &str,
    events: &[(&str, &str)],
    outlets: &[&str],
) -> (String, Document) {
    use tidings::model::{Event, Kind, PartialDate, Source};
    let mut d = Document::new(Kind::Story, title.into());
    d.published = Some(PartialDate::from_compact(day));
    d.lead = vec![tidings::parse::sentences::paragraph(&format!(
        "{title} [1]."
    ))];
    d.timeline = events
        .iter()
        .map(|(day, text)| Event {
            date: PartialDate::from_compact(day),
            text: text.to_string(),
            citations: vec![1],
        })
        .collect();
    d.sources = outlets
        .iter()
        .enumerate()
        .map(|(i, o)| Source {
            n: i as u32 + 1,
            outlet: Some(o.to_string()),
            title: format!("{o} report"),
            summary: None,
            url: Some(format!("https://{}.example/strike", o.to_lowercase())),
        })
        .collect();
    (feed.into(), d)
}

/// The samples and two tellings of one ferry strike, from two feeds a day
/// apart (one thread), the second repeating an event of the first; the list
/// as the reader reads it, a thread once.
fn with_a_thread(w: u16, h: u16) -> Rig {
    let walkout = (
        "2025-11-03",
        "The union walks out and every crossing stops.",
    );
    Rig::with_feeds(
        w,
        h,
        [
            told(
                "Wire",
                STRIKE,
                "2025-11-03",
                &[("2025-10-30", "Pay talks with the operator fail."), walkout],
                &["Reuters"],
            ),
            told(
                "Harbour Gazette",
                STRIKE_AGAIN,
                "2025-11-04",
                &[
                    walkout,
                    ("2025-11-04", "The operator offers new talks on Friday."),
                ],
                &["Gazette", "AP"],
            ),
        ],
        StoreView::heads(),
    )
}

/// Selects the list row whose title starts with `title`.
fn select(r: &mut Rig, title: &str) {
    let pos = r
        .app
        .visible
        .iter()
        .position(|&i| r.app.row(i).unwrap().title.starts_with(title))
        .unwrap_or_else(|| panic!("no row {title}"));
    r.act(Action::Top);
    for _ in 0..pos {
        r.act(Action::Down);
    }
}

/// Issue #19: a thread is one row, its newest headline marked `▸2`, within the
/// row's width at 60 and 120 columns; its older story has no row.
#[test]
fn a_thread_is_one_row_marked_with_its_story_count() {
    for (w, h) in [(60, 20), (120, 40)] {
        let mut r = with_a_thread(w, h);
        select(&mut r, STRIKE_AGAIN);
        let rows = r.app.visible.iter().map(|&i| r.app.row(i).unwrap());
        let strike: Vec<&str> = rows
            .map(|i| i.title.as_str())
            .filter(|t| t.starts_with("Harbour ferry"))
            .collect();
        assert_eq!(strike, [STRIKE_AGAIN], "the newest heads the thread");
        let screen = r.screen();
        let row = screen.lines().find(|l| l.starts_with('›')).unwrap();
        assert!(
            row.contains("Harbour ferry strike") && row.contains("▸2"),
            "{w}x{h}: {row}"
        );
        assert_eq!(r.app.visible.len(), 13, "12 samples and the thread");
        snapshot(&r, "thread_row");
    }
}

/// Issue #19: Enter on a thread's row shows its stories newest first, each
/// with its feed and date; `t` its merged timeline, each line citing its
/// story by number; Enter on an event opens that story on it, marked read;
/// Backspace comes back to the thread, and `t` to its stories.
#[test]
fn enter_on_a_thread_lists_its_stories_and_t_its_merged_timeline() {
    for (w, h) in SIZES {
        let mut r = with_a_thread(w, h);
        select(&mut r, STRIKE_AGAIN);
        r.keys("\n");
        settle(&mut r.app, &mut r.store, &mut r.bg);
        let screen = r.screen();
        assert!(screen.contains("Thread: 2 stories · 3 outlets"), "{screen}");
        let at = |s: &str, needle: &str| {
            s.lines()
                .position(|l| l.contains(needle))
                .unwrap_or_else(|| panic!("{needle}:\n{s}"))
        };
        assert!(at(&screen, "[1] ● Harbour ferry") < at(&screen, "[2] ● Harbour ferry"));
        assert!(screen.contains("Gazette, AP · 4 Nov 2025"), "{screen}");
        assert!(screen.contains("Reuters · 3 Nov 2025"), "{screen}");
        snapshot(&r, "thread_view");
        r.keys("t");
        let screen = r.screen();
        assert!(screen.contains("Merged timeline: 5 lines"), "{screen}");
        assert!(
            at(&screen, "[2] Pay talks") < at(&screen, "[2] published: Harbour")
                && at(&screen, "[2] The union walks out") < at(&screen, "[1] published: Harbour")
                && at(&screen, "[1] published: Harbour") < at(&screen, "[1] The operator offers"),
            "{screen}"
        );
        snapshot(&r, "thread_timeline");
        // Something sane at any size, and the same view back.
        for (w, h) in [(1, 1), (12, 4), (40, 12), (w, h)] {
            r.act(Action::Resize(w, h));
            let _ = r.screen();
        }
        assert!(r.screen().contains("Merged timeline: 5 lines"));
        // The first event: the older story opens on it, read.
        r.keys("\n");
        let s = r.app.story.as_ref().expect("opened");
        assert_eq!(s.item.title, STRIKE);
        assert_eq!(s.view, View::Timeline);
        let Item::Event(i) = s.layout.items[s.cursor].item else {
            panic!("on an event")
        };
        assert_eq!(s.doc.timeline[i].text, "Pay talks with the operator fail.");
        let uid = s.item.uid.clone();
        settle(&mut r.app, &mut r.store, &mut r.bg);
        assert!(
            r.store.get(&uid).unwrap().item.read,
            "opening marks it read"
        );
        r.keys("\x08");
        let Some(Overlay::Thread(v)) = &r.app.overlay else {
            panic!("the thread again")
        };
        assert!(v.on_timeline && v.stories[1].read);
        r.keys("t");
        assert!(r.screen().contains("[2]   Harbour ferry"), "{}", r.screen());
        r.keys("\x1b");
        assert!(r.app.overlay.is_none());
    }
}
