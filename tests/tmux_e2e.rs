//! End to end in a real terminal: the binary runs in tmux, keys are sent with
//! `send-keys`, and the screen is read with `capture-pane`, waiting for text with a
//! timeout rather than sleeping. Without tmux these say so plainly (and fail on CI,
//! which installs it).

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server of our own, killed when dropped.
struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts `cmd` in a detached session of `w` x `h`, or `None` without tmux.
    fn start(name: &str, w: u16, h: u16, cmd: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(std::env::var_os("CI").is_none(), "CI must install tmux");
            eprintln!("SKIPPED: tmux is not installed; end-to-end tests not run");
            return None;
        }
        let t = Tmux {
            socket: format!("tidings-e2e-{}-{name}", std::process::id()),
        };
        let ok = t
            .cmd(&[
                "new-session",
                "-d",
                "-s",
                "e2e",
                "-x",
                &w.to_string(),
                "-y",
                &h.to_string(),
                cmd,
            ])
            .status
            .success();
        assert!(ok, "tmux new-session");
        Some(t)
    }

    fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.cmd(&["send-keys", "-t", "e2e", k]);
        }
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    /// Waits until the screen satisfies `pred`, or fails showing the screen.
    fn wait(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(10) {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    fn wait_for(&self, text: &str) -> String {
        self.wait(text, |s| s.contains(text))
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

fn seeded_store() -> Option<tempfile::TempDir> {
    let shared = common::shared()?;
    let dir = tempfile::tempdir().unwrap();
    let mut pages: Vec<String> = std::fs::read_dir(shared.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| p.to_str().unwrap().to_string())
        .collect();
    pages.sort();
    let mut args = vec!["--data-dir", dir.path().to_str().unwrap(), "import"];
    args.extend(pages.iter().map(String::as_str));
    assert!(common::run(&args).status.success());
    Some(dir)
}

fn reader_cmd(dir: &Path) -> String {
    format!(
        "{} --data-dir {}",
        env!("CARGO_BIN_EXE_tidings"),
        dir.display()
    )
}

#[test]
fn seed_001_fold_jump_to_source_back_and_timeline() {
    let Some(dir) = seeded_store() else {
        eprintln!("SKIPPED: ../shared/seeds is not present; end-to-end seed test not run");
        return;
    };
    let Some(t) = Tmux::start("seed", 160, 50, &reader_cmd(dir.path())) else {
        return;
    };
    t.wait_for("Headlines 5/5");
    // Find seed 001 with the filter, then open it.
    t.keys(&["/", "-l", "Sets Foundation"]);
    t.wait_for("Headlines 1/5");
    t.keys(&["Enter", "Enter"]);
    t.wait_for("STORY");
    t.wait_for("▾ Four-Day State Visit Marks Historic Diplomatic Reset");
    // Fold and unfold the section under the cursor.
    t.keys(&["Space"]);
    t.wait_for("▸ Four-Day State Visit Marks Historic Diplomatic Reset");
    t.keys(&["Space"]);
    t.wait_for("▾ Four-Day State Visit Marks Historic Diplomatic Reset");
    // The first claim of "Security Coordination ..." is the 7th cited claim.
    for _ in 0..7 {
        t.keys(&["]"]);
    }
    t.wait_for("STORY 7/15");
    t.keys(&["Enter"]);
    t.wait_for("This claim cites several sources");
    t.keys(&["Enter"]);
    let s = t.wait_for("Source [2]");
    assert!(
        s.contains("President Lee returns from four-day China visit after talks with Xi"),
        "{s}"
    );
    // Jump back to the claim.
    t.keys(&["BSpace"]);
    let s = t.wait("the source card to close", |s| !s.contains("Source [2]"));
    assert!(s.contains("STORY 7/15"), "back on the same claim: {s}");
    // The timeline: 2017 above Jan 8, 2026.
    t.keys(&["t"]);
    let s = t.wait_for("TIMELINE");
    let row = |needle: &str| {
        s.lines()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle} missing:\n{s}"))
    };
    assert!(row("2017 ") < row("Jan 8, 2026 │"), "{s}");
    t.keys(&["q"]);
}

#[test]
fn narrow_terminal_one_pane_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let Some(t) = Tmux::start("narrow", 40, 12, &reader_cmd(dir.path())) else {
        return;
    };
    // An empty store gets the bundled samples on the first run.
    t.wait_for("Headlines 9/9");
    t.keys(&["Enter"]);
    t.wait_for("STORY");
    assert!(!t.screen().contains("Headlines"));
    t.keys(&["Escape"]);
    t.wait_for("Headlines 9/9");
    t.keys(&["q"]);
}

#[test]
fn reader_exits_when_its_terminal_goes_away() {
    let dir = tempfile::tempdir().unwrap();
    let Some(t) = Tmux::start("hangup", 100, 30, &reader_cmd(dir.path())) else {
        return;
    };
    t.wait_for("Headlines");
    let out = t.cmd(&["display-message", "-p", "-t", "e2e", "#{pane_pid}"]);
    let pid = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(!pid.is_empty());
    t.cmd(&["kill-server"]);
    let start = Instant::now();
    loop {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        if stat.is_empty() || stat.contains(") Z ") {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "reader {pid} still running after hangup"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `stty -a` before and after the reader ends the way `how` ends it.
fn terminal_restored_after(how: &str) {
    let dir = tempfile::tempdir().unwrap();
    let before = dir.path().join("before");
    let after = dir.path().join("after");
    let pid = dir.path().join("pid");
    let fault = if how == "panic" {
        "panic-in-draw"
    } else {
        "none"
    };
    let cmd = format!(
        "env RUST_BACKTRACE=0 TIDINGS_FAULT={fault} {} --demo",
        env!("CARGO_BIN_EXE_tidings")
    );
    let script = format!(
        "stty -a > {b}; sh -c 'echo $$ > {p}; exec {cmd}'; stty -a > {a}; echo RE''STORED",
        b = before.display(),
        a = after.display(),
        p = pid.display(),
    );
    // The reader runs in the foreground of an interactive shell in the pane; the
    // `sh -c 'echo $$; exec ...'` wrapper tells us its pid.
    let Some(t) = Tmux::start(how, 100, 30, "bash --norc --noprofile") else {
        return;
    };
    t.keys(&["-l", &format!("{script}\n")]);
    t.wait_for("Headlines");
    match how {
        "quit" => t.keys(&["q"]),
        "panic" => t.keys(&["Enter"]),
        signal => {
            let p = std::fs::read_to_string(&pid).unwrap();
            let ok = Command::new("kill")
                .args([&format!("-{signal}"), p.trim()])
                .status()
                .unwrap();
            assert!(ok.success());
        }
    }
    // The command line reads RE''STORED; only the echo prints RESTORED.
    let s = t.wait_for("RESTORED");
    assert!(!s.contains("Headlines"), "left the alternate screen: {s}");
    if how == "panic" {
        // The message stays on screen, above what the shell printed after it
        // (leaving the alternate screen twice would put the cursor back over it).
        let message = s
            .lines()
            .position(|l| l.contains("injected fault: panic in draw"));
        let restored = s.lines().position(|l| l.trim_end() == "RESTORED");
        assert!(
            message.is_some() && message < restored,
            "the panic message is shown and not overwritten: {s}"
        );
    }
    assert_eq!(
        std::fs::read_to_string(before).unwrap(),
        std::fs::read_to_string(after).unwrap(),
        "terminal settings restored after {how}"
    );
}

#[test]
fn terminal_restored_after_quit() {
    terminal_restored_after("quit");
}

#[test]
fn terminal_restored_after_sigterm() {
    terminal_restored_after("TERM");
}

#[test]
fn terminal_restored_after_sighup() {
    terminal_restored_after("HUP");
}

#[test]
fn terminal_restored_after_a_panic_inside_a_draw() {
    terminal_restored_after("panic");
}
