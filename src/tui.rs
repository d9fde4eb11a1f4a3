//! The terminal side of the reader: a guard that always restores the terminal
//! (normal exit, panic, SIGTERM/SIGHUP/SIGINT), the event loop, and the runner
//! that carries out the app's effects against the store and the browser.

use std::io::{self, IsTerminal, Stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use crossterm::event::{self, Event, KeyEventKind, MouseEventKind};
use crossterm::{cursor, execute, terminal};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;

use crate::app::action::{Action, Effect, Loaded};
use crate::app::keymap::{self, Key};
use crate::app::App;
use crate::background::Background;
use crate::opener;
use crate::refresh::Options;
use crate::store::Store;
use crate::ui;

/// The reader state name that remembers the last selected story.
const LAST_SELECTED: &str = "last_selected";

/// Puts the terminal in raw mode on the alternate screen; puts it back on drop.
struct TerminalGuard;

/// True while the terminal is in the reader's modes, so that it is restored once:
/// leaving the alternate screen twice would move the cursor back over whatever
/// was printed in between (a panic message, say).
static ENTERED: AtomicBool = AtomicBool::new(false);

impl TerminalGuard {
    fn enter() -> io::Result<Self> {
        install_panic_hook();
        terminal::enable_raw_mode()?;
        ENTERED.store(true, Ordering::SeqCst);
        let guard = TerminalGuard;
        execute!(
            io::stdout(),
            terminal::EnterAlternateScreen,
            event::EnableMouseCapture,
            cursor::Hide
        )?;
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Leaves raw mode and the alternate screen; does nothing the second time.
fn restore() {
    if !ENTERED.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = execute!(
        io::stdout(),
        event::DisableMouseCapture,
        terminal::LeaveAlternateScreen,
        cursor::Show
    );
    let _ = terminal::disable_raw_mode();
}

/// Restores the terminal before the panic message is printed.
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

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

/// Runs the reader on `store` until the person quits or a signal arrives.
pub fn run(store: &mut Store) -> Result<(), String> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(
            "the reader needs a terminal; for scripts use `tidings list`, `show` or `search`"
                .into(),
        );
    }
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(sig, Arc::clone(&stop))
            .map_err(|e| format!("cannot watch signals: {e}"))?;
    }
    spawn_watchdog(Arc::clone(&stop));
    let remembered = store.state(LAST_SELECTED).map_err(|e| e.to_string())?;
    let first = store
        .list(FIRST_ROWS, false, 0)
        .map_err(|e| e.to_string())?;
    let guard = TerminalGuard::enter().map_err(|e| format!("cannot set up the terminal: {e}"))?;
    let result = event_loop(store, first, remembered, &stop);
    drop(guard);
    result
}

/// After a stop signal the event loop normally ends within a poll interval. When
/// the terminal itself is gone (a hung-up pty), crossterm keeps reading EOF inside
/// `poll` and never returns; then this thread restores what it can and exits.
fn spawn_watchdog(stop: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        while !stop.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(100));
        }
        std::thread::sleep(Duration::from_secs(1));
        restore();
        std::process::exit(1);
    });
}

/// The most headlines a filter shows.
const FILTER_ROWS: usize = 500;
/// Headlines read before the first frame: more than any screen shows.
const FIRST_ROWS: usize = 500;
/// Headlines read per step after the first frame, between looks at the keyboard.
const MORE_ROWS: usize = 5_000;

fn event_loop(
    store: &mut Store,
    first: Vec<crate::store::ListItem>,
    remembered: Option<String>,
    stop: &AtomicBool,
) -> Result<(), String> {
    let mut term: Terminal<CrosstermBackend<Stdout>> =
        Terminal::new(CrosstermBackend::new(io::stdout())).map_err(|e| e.to_string())?;
    let size = term.size().map_err(|e| e.to_string())?;
    let mut app = App::new(size.width, size.height, remembered);
    let mut bg = Background::new();
    let mut quit = dispatch(&mut app, store, &mut bg, list_action(first));
    while !quit && !stop.load(Ordering::Relaxed) {
        term.draw(|f| {
            #[cfg(debug_assertions)]
            injected_fault(&app);
            ui::draw(f, &app)
        })
        .map_err(|e| e.to_string())?;
        // While the rest of the list is read in, keys still come first; while a
        // refresh runs, its progress is looked at often.
        let wait = if app.loading {
            Duration::ZERO
        } else if bg.busy() {
            Duration::from_millis(50)
        } else {
            Duration::from_millis(250)
        };
        for news in bg.poll() {
            quit |= dispatch(&mut app, store, &mut bg, news);
        }
        if !event::poll(wait).map_err(|e| e.to_string())? {
            if app.loading {
                let more = match store.list(MORE_ROWS, false, app.items.len()) {
                    Ok(items) => Action::ListMore {
                        done: items.len() < MORE_ROWS,
                        items,
                    },
                    Err(e) => {
                        app.loading = false;
                        Action::Notice(e.to_string())
                    }
                };
                quit = dispatch(&mut app, store, &mut bg, more);
            }
            continue;
        }
        let action = match event::read().map_err(|e| e.to_string())? {
            Event::Key(k) if k.kind != KeyEventKind::Release => key_action(&app, k),
            Event::Mouse(m) => match m.kind {
                MouseEventKind::Down(_) => Some(Action::Click(m.column, m.row)),
                MouseEventKind::ScrollUp => Some(Action::Scroll(-1)),
                MouseEventKind::ScrollDown => Some(Action::Scroll(1)),
                _ => None,
            },
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            _ => None,
        };
        if let Some(a) = action {
            quit = dispatch(&mut app, store, &mut bg, a);
        }
    }
    if let Some(uid) = app.selected_item().map(|i| i.uid.clone()) {
        let _ = store.set_state(LAST_SELECTED, &uid);
    }
    Ok(())
}

/// The action for a key: typed text while filtering, else the key map's.
pub fn key_action(app: &App, k: crossterm::event::KeyEvent) -> Option<Action> {
    let key = Key::from_event(k)?;
    if app.typing() {
        return match key {
            Key::Char(c) => Some(Action::FilterChar(c)),
            Key::Backspace => Some(Action::FilterBackspace),
            Key::Enter => Some(Action::FilterAccept),
            Key::Esc => Some(Action::FilterCancel),
            Key::Ctrl('c') => Some(Action::Quit),
            Key::Up => Some(Action::Up),
            Key::Down => Some(Action::Down),
            _ => None,
        };
    }
    keymap::lookup(app.scope(), key)
}

/// The first headlines as an action: all of them, or the first part of more.
fn list_action(first: Vec<crate::store::ListItem>) -> Action {
    if first.len() < FIRST_ROWS {
        Action::ListLoaded(first)
    } else {
        Action::ListPartial(first)
    }
}

/// Applies an action and every effect that follows from it; true to quit.
pub fn dispatch(app: &mut App, store: &mut Store, bg: &mut Background, action: Action) -> bool {
    let mut next = Some(action);
    while let Some(a) = next.take() {
        match app.update(a) {
            Some(Effect::Quit) => return true,
            Some(e) => next = run_effect(store, bg, e),
            None => {}
        }
    }
    false
}

/// Carries out one effect; what it produced comes back as an action.
fn run_effect(store: &mut Store, bg: &mut Background, effect: Effect) -> Option<Action> {
    let notice = |e: crate::store::StoreError| Some(Action::Notice(e.to_string()));
    match effect {
        Effect::Quit => None,
        Effect::Load { uid, mark_read } => {
            if mark_read {
                if let Err(e) = store
                    .set_read(&uid, true)
                    .and_then(|_| store.set_state(LAST_SELECTED, &uid))
                {
                    return notice(e);
                }
            }
            let stored = match store.get(&uid) {
                Ok(s) => s,
                Err(e) => return notice(e),
            };
            let related = store.related_links(&stored.doc).unwrap_or_default();
            Some(Action::Loaded(Box::new(Loaded {
                item: stored.item,
                doc: stored.doc,
                related,
            })))
        }
        Effect::SetSaved { uid, saved } => store.set_saved(&uid, saved).err().and_then(notice),
        Effect::OpenUrl(url) => Some(Action::Notice(match opener::open(&url) {
            Ok(()) => format!("opened {url}"),
            Err(e) => e,
        })),
        Effect::Search(q) => match store.filter(&q, FILTER_ROWS) {
            Ok(items) => Some(Action::FilterResults(q, items)),
            Err(e) => notice(e),
        },
        Effect::Refresh => match store.path().parent() {
            Some(dir) => {
                bg.start_refresh(dir.to_path_buf(), Options::default());
                None
            }
            None => Some(Action::RefreshDone("cannot tell where the store is".into())),
        },
        Effect::ReloadList => match store.list(FIRST_ROWS, false, 0) {
            Ok(items) => Some(list_action(items)),
            Err(e) => notice(e),
        },
    }
}
