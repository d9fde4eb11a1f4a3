//! The terminal side of the reader: [`terminal`] sets the terminal up and always
//! puts it back, [`runtime`] runs the event loop and carries out the app's effects
//! against the store and the browser, [`background`] runs a refresh off the loop.

pub mod background;
pub mod runtime;
mod terminal;

use std::io::{self, IsTerminal};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use crate::store::Store;
use runtime::{FIRST_ROWS, LAST_SELECTED};
use terminal::{spawn_watchdog, TerminalGuard};

pub use runtime::{deliver, dispatch};

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
    let result = runtime::event_loop(store, first, remembered, &stop);
    drop(guard);
    result
}
