//! The terminal side of the reader: [`terminal`] sets the terminal up and always
//! puts it back, [`runtime`] runs the event loop and carries out the app's effects
//! against the store and the browser, [`background`] runs a refresh off the loop
//! and [`marker`] writes marks off it.

pub mod background;
pub mod marker;
pub mod runtime;
mod terminal;

use std::io::{self, IsTerminal};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use crate::app::keymap::KeyMap;
use crate::config::Config;
use crate::store::Store;
use runtime::{start_sort, FIRST_ROWS, LAST_SELECTED};
use terminal::{spawn_watchdog, Stopping, TerminalGuard};

pub use runtime::{deliver, dispatch, tick};

/// How the reader ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The person quit.
    Quit,
    /// This signal stopped it.
    Signal(i32),
}

/// The exit status a shell expects of a program a signal ended: 128 and the
/// signal's number (143 for SIGTERM, 130 for SIGINT, 129 for SIGHUP).
pub fn signal_status(signal: i32) -> u8 {
    u8::try_from(128 + signal).unwrap_or(u8::MAX)
}

/// Runs the reader on `store`, with the effective key map `keys`, until the
/// person quits or a signal arrives. When
/// the terminal is gone and the reader has to be ended from another thread,
/// `on_forced_exit` runs just before the process exits.
pub fn run(
    store: &mut Store,
    settings: &Config,
    keys: KeyMap,
    on_forced_exit: impl FnOnce() + Send + 'static,
) -> Result<Ended, String> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(
            "the reader needs a terminal; for scripts use `tidings list`, `show` or `search`"
                .into(),
        );
    }
    let stopping = Stopping::default();
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        // Which signal first, then the stop: the loop that sees the stop finds it.
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)
            .and_then(|_| signal_hook::flag::register(sig, Arc::clone(&stopping.asked)))
            .map_err(|e| format!("cannot watch signals: {e}"))?;
    }
    spawn_watchdog(stopping.clone(), Arc::clone(&signal), on_forced_exit);
    let remembered = store.state(LAST_SELECTED).map_err(|e| e.to_string())?;
    let sort = start_sort(store, settings.reader.default_sort).map_err(|e| e.to_string())?;
    let first = store
        .headlines(
            &crate::store::View::list(settings.reader.threads),
            sort,
            FIRST_ROWS,
            0,
        )
        .map_err(|e| e.to_string())?;
    let guard = TerminalGuard::enter().map_err(|e| format!("cannot set up the terminal: {e}"))?;
    let result = runtime::event_loop(store, first, remembered, sort, settings, keys, &stopping);
    drop(guard);
    result.map(|()| match signal.load(Ordering::SeqCst) {
        0 => Ended::Quit,
        n => Ended::Signal(n as i32),
    })
}
