//! The terminal itself: raw mode and the alternate screen, put back on every way
//! out (normal exit, panic, a signal, a terminal that went away).

use std::io;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use crossterm::{cursor, event, execute, terminal};

/// Puts the terminal in raw mode on the alternate screen; puts it back on drop.
pub struct TerminalGuard;

/// True while the terminal is in the reader's modes, so that it is restored once:
/// leaving the alternate screen twice would move the cursor back over whatever
/// was printed in between (a panic message, say).
static ENTERED: AtomicBool = AtomicBool::new(false);

impl TerminalGuard {
    pub fn enter() -> io::Result<Self> {
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

/// A stop a signal asked for, and the event loop's word that it left its loop.
#[derive(Debug, Clone, Default)]
pub struct Stopping {
    pub asked: Arc<AtomicBool>,
    pub left: Arc<AtomicBool>,
}

/// After a stop signal the event loop normally ends within a poll interval and
/// says so in `left` (it then writes the marks still owed, however long that
/// takes, and the reader ends as on `q`). When the terminal itself is gone (a
/// hung-up pty), crossterm keeps reading EOF inside `poll` and never returns;
/// then this thread restores what it can, runs `on_exit` (what the dropping of
/// the store would have done) and exits with the status of the `signal` that
/// stopped it.
pub fn spawn_watchdog(
    stopping: Stopping,
    signal: Arc<AtomicUsize>,
    on_exit: impl FnOnce() + Send + 'static,
) {
    std::thread::spawn(move || {
        while !stopping.asked.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(100));
        }
        std::thread::sleep(Duration::from_secs(1));
        if stopping.left.load(Ordering::SeqCst) {
            return;
        }
        restore();
        on_exit();
        let signal = signal.load(Ordering::SeqCst) as i32;
        std::process::exit(super::signal_status(signal).into());
    });
}
