//! End to end in a real terminal: the binary runs in tmux, keys are sent with
//! `send-keys`, and the screen is read with `capture-pane`, waiting for text with a
//! timeout rather than sleeping. Without tmux these say so plainly (and fail on CI,
//! which installs it).

use crate::common;

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
                "-e",
                &format!("XDG_CONFIG_HOME={}", common::NO_CONFIG_HOME),
                "-e",
                "TIDINGS_CONFIG=",
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
            // Generous: a loaded CI machine may be slow; a pass returns at once.
            if start.elapsed() > Duration::from_secs(30) {
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

/// The reader on the store in `dir`, listing every story (`threads = false`
/// in a config file written beside the store): the tests of other features
/// import many stories whose generated headlines would thread together.
fn reader_cmd(dir: &Path) -> String {
    std::fs::create_dir_all(dir).unwrap();
    let config = dir.join("every-story.toml");
    std::fs::write(&config, "[reader]\nthreads = false\n").unwrap();
    format!(
        "{} --data-dir {} --config {}",
        env!("CARGO_BIN_EXE_tidings"),
        dir.display(),
        config.display()
    )
}

/// The reader on the store in `dir` as configured by default: each thread
/// listed once.
fn threaded_cmd(dir: &Path) -> String {
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
    // Back on the same claim, the card gone (waiting for both: tmux may be
    // captured halfway through a redraw).
    t.wait("the card to close on claim 7", |s| {
        !s.contains("Source [2]") && s.contains("STORY 7/15")
    });
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
    t.wait_for("Headlines 12/12");
    t.keys(&["Enter"]);
    t.wait_for("STORY");
    assert!(!t.screen().contains("Headlines"));
    t.keys(&["Escape"]);
    t.wait_for("Headlines 12/12");
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

/// `stty -a` before and after the reader ends the way `how` ends it, the exit
/// status the shell saw, and the `--demo` directory gone.
fn terminal_restored_after(how: &str) {
    let dir = tempfile::tempdir().unwrap();
    let before = dir.path().join("before");
    let after = dir.path().join("after");
    let pid = dir.path().join("pid");
    let status = dir.path().join("status");
    let tmp = dir.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let fault = if how == "panic" {
        "panic-in-draw"
    } else {
        "none"
    };
    let cmd = format!(
        "env RUST_BACKTRACE=0 TIDINGS_FAULT={fault} TMPDIR={} {} --demo",
        tmp.display(),
        env!("CARGO_BIN_EXE_tidings")
    );
    let script = format!(
        "stty -a > {b}; sh -c 'echo $$ > {p}; exec {cmd}'; echo $? > {s}; stty -a > {a}; echo RE''STORED",
        b = before.display(),
        a = after.display(),
        p = pid.display(),
        s = status.display(),
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
    // As shells expect: 128 and the signal's number.
    let expected = match how {
        "quit" => "0",
        "TERM" => "143",
        "HUP" => "129",
        "INT" => "130",
        _ => "101",
    };
    assert_eq!(
        std::fs::read_to_string(&status).unwrap().trim(),
        expected,
        "exit status after {how}"
    );
    if how != "panic" {
        let left: Vec<_> = std::fs::read_dir(&tmp).unwrap().collect();
        assert!(left.is_empty(), "--demo left {left:?} after {how}");
    }
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

/// A story whose every field carries escape sequences (title set, OSC 52
/// clipboard write, OSC 8 link, screen clear, bidi override), and whose sources
/// have a hostile but valid https URL and a `file:` URL.
const HOSTILE_JSON: &str = r#"{"schema":1,"kind":"story","title":"Harbour \u001b]0;PWNED\u0007Strike \u001b]52;c;UFdORUQ=\u0007Ends \u202eeert",
"sections":[{"heading":"Talks \u001b[2J\u001b[31mresume\u001b[0m","paragraphs":[{"sentences":[
{"text":"Dockers \u001b]8;;https://PWNED.example\u001b\\voted\u001b]8;;\u001b\\ to return.","citations":[1]},
{"text":"The union \u009d0;PWNED\u009c agreed.","citations":[2]}]}]}],
"sources":[{"n":1,"outlet":"Wire \u001bP+qPWNED\u001b\\","title":"Strike over","url":"https://example.org/a?q='x\";$(touch${IFS}pwned)`id`&y=|z"},
{"n":2,"outlet":"Local","title":"Union vote","url":"file:///etc/passwd"}],
"timeline":[{"date":{"label":"Nov 3, 2025","year":2025,"month":11,"day":3},"text":"Vote \u001b]52;c;UFdORUQ=\u0007held.","citations":[1]}]}"#;

#[test]
fn hostile_story_reaches_the_terminal_as_text_and_urls_as_one_argument() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("hostile.json");
    std::fs::write(&json, HOSTILE_JSON).unwrap();
    let store = dir.path().join("store");
    let out = common::run(&[
        "--data-dir",
        store.to_str().unwrap(),
        "import",
        json.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A browser that records its argv, NUL-separated.
    let argv_file = dir.path().join("argv");
    let browser = dir.path().join("browser");
    std::fs::write(
        &browser,
        format!(
            "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done > {}\n",
            argv_file.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).unwrap();
    let cwd = dir.path().join("cwd");
    std::fs::create_dir(&cwd).unwrap();
    let cmd = format!(
        "cd {} && BROWSER={} exec {}",
        cwd.display(),
        browser.display(),
        reader_cmd(&store)
    );
    let Some(t) = Tmux::start("hostile", 120, 40, &cmd) else {
        return;
    };
    t.cmd(&["set-option", "-g", "set-clipboard", "on"]);
    let title_before = t
        .cmd(&["display-message", "-p", "-t", "e2e", "#{pane_title}"])
        .stdout;
    t.wait_for("Harbour Strike Ends");
    // Open the story, the first claim's source card, and its URL.
    t.keys(&["Enter", "]", "Enter"]);
    t.wait_for("Source [1]");
    t.keys(&["o"]);
    let start = Instant::now();
    while !argv_file.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the browser never ran"
        );
        std::thread::sleep(Duration::from_millis(40));
    }
    std::thread::sleep(Duration::from_millis(100));
    let argv = std::fs::read(&argv_file).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&argv),
        format!("{CLEANED}\0"),
        "the URL is one argument, cleaned"
    );
    assert!(!cwd.join("pwned").exists(), "a shell ran the URL");
    // The second claim's source has a file: URL, which is not opened.
    std::fs::remove_file(&argv_file).unwrap();
    // Escape on its own: followed at once by `]` a terminal reads ESC ] (OSC).
    t.keys(&["Escape"]);
    t.wait("the card to close", |s| !s.contains("Source [1]"));
    t.keys(&["]", "Enter"]);
    t.wait_for("Source [2]");
    t.keys(&["o"]);
    t.wait_for("only http and https links are opened");
    assert!(!argv_file.exists(), "a file: URL reached the browser");
    // The timeline too, then look at every byte tmux holds for the screen.
    t.keys(&["Escape"]);
    t.wait("the card to close", |s| !s.contains("Source [2]"));
    t.keys(&["t"]);
    t.wait_for("Vote held.");
    let raw = t.cmd(&["capture-pane", "-p", "-e", "-t", "e2e"]).stdout;
    let raw = String::from_utf8(raw).expect("UTF-8 screen");
    assert!(
        !raw.contains("PWNED"),
        "an escape's payload reached the screen:\n{raw}"
    );
    assert!(
        !raw.contains('\u{202e}'),
        "a bidi override reached the screen"
    );
    let mut rest = raw.as_str();
    while let Some(at) = rest.find('\u{1b}') {
        let seq: String = rest[at..].chars().take_while(|&c| c != 'm').collect();
        assert!(
            seq.starts_with("\u{1b}[")
                && seq[2..]
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ';' || c == ':'),
            "only colours and attributes reach the screen, found {seq:?}"
        );
        rest = &rest[at + 1..];
    }
    let title_after = t
        .cmd(&["display-message", "-p", "-t", "e2e", "#{pane_title}"])
        .stdout;
    assert_eq!(title_before, title_after, "the window title changed");
    let buffers = t.cmd(&["list-buffers"]).stdout;
    assert!(
        buffers.is_empty(),
        "something reached the clipboard: {buffers:?}"
    );
    // `y` on the first source's card: the cleaned URL, and only it, reaches
    // the clipboard (OSC 52, which tmux keeps as a paste buffer).
    t.keys(&["Escape"]);
    t.wait_for("LIST 1/1");
    t.keys(&["Enter", "]", "Enter"]);
    t.wait_for("Source [1]");
    t.keys(&["y"]);
    t.wait_for("copied https://example.org/a?q=%27x%22");
    let buffers = t.cmd(&["list-buffers", "-F", "#{buffer_name}"]).stdout;
    assert_eq!(String::from_utf8_lossy(&buffers).lines().count(), 1);
    let copied = t.cmd(&["show-buffer"]).stdout;
    assert_eq!(String::from_utf8_lossy(&copied), CLEANED);
    t.keys(&["q"]);
}

/// The hostile story's first source URL as tidings hands it on: percent-encoded
/// where a shell or a terminal could read more into it.
const CLEANED: &str = "https://example.org/a?q=%27x%22;$(touch$%7BIFS%7Dpwned)%60id%60&y=%7Cz";

#[test]
fn terminal_restored_after_sigint() {
    terminal_restored_after("INT");
}

/// A store subscribed to a local server's feed ("Gazette", two items) and to a
/// feed that answers only after `stall` ("Slow", no items).
fn subscribed_to_gazette_and_slow(
    stall: Duration,
) -> (common::http_server::Server, tempfile::TempDir) {
    use common::http_server::{Route, Server};
    let rss = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/feeds/gazette.rss"))
        .unwrap();
    let server = Server::start(vec![
        ("/gazette.rss", Route::body(rss, "application/rss+xml")),
        ("/slow.rss", Route::Stall(stall)),
    ]);
    let dir = tempfile::tempdir().unwrap();
    // A subscribed store gets no samples: import them, so the reader has a list.
    let samples = common::samples();
    let o = common::tidings(dir.path(), &["import", samples.to_str().unwrap()]);
    assert!(o.status.success());
    for (path, name) in [("/gazette.rss", "Gazette"), ("/slow.rss", "Slow")] {
        let o = common::tidings(
            dir.path(),
            &["subscribe", "--no-check", &server.url(path), "--name", name],
        );
        assert!(o.status.success());
    }
    (server, dir)
}

#[test]
fn r_refreshes_feeds_in_the_background_while_the_reader_stays_live() {
    let (_server, dir) = subscribed_to_gazette_and_slow(Duration::from_secs(6));
    let cmd = format!(
        "env -u http_proxy -u HTTP_PROXY -u all_proxy -u ALL_PROXY {}",
        reader_cmd(dir.path())
    );
    let Some(t) = Tmux::start("refresh", 140, 40, &cmd) else {
        return;
    };
    t.wait_for("Headlines 12/12");
    t.keys(&["R"]);
    t.wait_for("⟳");
    // The slow server holds the refresh for 6 s; the reader answers keys meanwhile.
    t.keys(&["j"]);
    t.wait("the selection to move while the refresh runs", |s| {
        s.contains("LIST 2/12") && s.contains("⟳")
    });
    let s = t.wait_for("refreshed 2: 2 new, 0 updated");
    assert!(!s.contains("⟳"), "{s}");
    let s = t.wait_for("Headlines 14/14");
    // The row gives part of its width to the story's sources and date.
    assert!(s.contains("Harbour bridge reopens"), "{s}");
    t.keys(&["q"]);
}

#[test]
fn refresh_on_a_terminal_shows_progress_then_clears_it() {
    let (_server, dir) = subscribed_to_gazette_and_slow(Duration::from_secs(5));
    let data = dir.path().to_str().unwrap();
    let cmd = format!(
        "env -u http_proxy -u HTTP_PROXY -u all_proxy -u ALL_PROXY {} --data-dir {data} refresh; sleep 30",
        env!("CARGO_BIN_EXE_tidings")
    );
    let Some(t) = Tmux::start("refresh-cli", 120, 20, &cmd) else {
        return;
    };
    // The fast feed has landed; the slow one holds the run open.
    t.wait_for("refreshing [##########          ] 1/2  Gazette");
    let s = t.wait_for("refreshed 2 subscriptions: 2 added");
    assert!(
        !s.contains("refreshing ["),
        "the progress line is cleared:\n{s}"
    );
    assert!(
        s.contains("Gazette: 2 added") && s.contains("Slow: 0 added"),
        "{s}"
    );
}

#[test]
fn import_on_a_terminal_shows_its_pace_and_the_time_left_then_clears_it() {
    let pages = tempfile::tempdir().unwrap();
    // Enough for the import to last over a second, when the pace first shows.
    const PAGES: usize = 12_000;
    for i in 0..PAGES {
        std::fs::write(
            pages.path().join(format!("p{i:05}.txt")),
            format!(
                "Harbour Story Number {i} Is Here\nUpdated (1 articles)\nThe council voted on item {i} on Monday [1].\nSources (1 articles)\n[1]\nDesk: Item {i}: The vote.\n"
            ),
        )
        .unwrap();
    }
    let data = tempfile::tempdir().unwrap();
    let cmd = format!(
        "{} --data-dir {} import {}; sleep 30",
        env!("CARGO_BIN_EXE_tidings"),
        data.path().display(),
        pages.path().display()
    );
    let Some(t) = Tmux::start("import-pace", 120, 20, &cmd) else {
        return;
    };
    let s = t.wait("the pace", |s| {
        s.contains(" pages/s, ") && s.contains(" left")
    });
    let line = s.lines().find(|l| l.contains("pages/s")).unwrap();
    assert!(
        line.starts_with("importing ["),
        "one line, drawn in place: {s}"
    );
    assert_eq!(
        s.matches("pages/s").count(),
        1,
        "rewritten, not repeated: {s}"
    );
    let s = t.wait_for(&format!("imported: {PAGES} added"));
    assert!(
        !s.contains("importing ["),
        "the progress line is cleared:\n{s}"
    );
}

#[test]
fn dates_read_one_way_relative_this_week_and_a_deadline_never_leads() {
    let dir = tempfile::tempdir().unwrap();
    let three_hours_ago = chrono::Utc::now().timestamp() - 3 * 3600 - 60;
    let cluster = serde_json::json!([{
        "title": "Conclave date set as cardinals gather",
        "summary": "Cardinals met in Rome to set the conclave's date.",
        "published": three_hours_ago,
        "talking_points": ["Meeting: The cardinals met for a second day."],
        "timeline": [
            "Apr 21, 2025:: The pope died.",
            "By May 10, 2099:: The conclave must begin."
        ]
    }]);
    let file = dir.path().join("conclave.json");
    std::fs::write(&file, cluster.to_string()).unwrap();
    let store = dir.path().join("store");
    let store_arg = store.to_str().unwrap();
    assert!(
        common::run(&["--data-dir", store_arg, "import", file.to_str().unwrap()])
            .status
            .success()
    );
    let Some(t) = Tmux::start("dates", 120, 40, &reader_cmd(&store)) else {
        return;
    };
    t.wait_for("Headlines 1/1");
    // The story's date is its publication, three hours ago, not the deadline.
    let s = t.wait_for("3h ago");
    assert!(!s.contains("2099") && !s.contains("By May"), "{s}");
    // The timeline keeps each date as written, the deadline too.
    t.keys(&["Enter", "t"]);
    let s = t.wait_for("By May 10, 2099");
    assert!(s.contains("Apr 21, 2025"), "{s}");
    t.keys(&["q"]);
}

/// `--demo` when its terminal goes away (the shell in the pane dies of the
/// hangup, the reader gets SIGHUP and its terminal reads nothing but EOF, so the
/// watchdog ends it): the throw-away store goes too.
#[test]
fn demo_directory_is_removed_when_the_terminal_goes_away() {
    let dir = tempfile::tempdir().unwrap();
    let tmp = dir.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let cmd = format!(
        "sh -c 'env TMPDIR={t} {bin} --demo; echo never reached'",
        t = tmp.display(),
        bin = env!("CARGO_BIN_EXE_tidings"),
    );
    let Some(t) = Tmux::start("demo-hangup", 100, 30, &cmd) else {
        return;
    };
    t.wait_for("Headlines 12/12");
    assert_eq!(
        std::fs::read_dir(&tmp).unwrap().count(),
        1,
        "the demo store"
    );
    t.cmd(&["kill-server"]);
    let start = Instant::now();
    while std::fs::read_dir(&tmp).unwrap().count() > 0 {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "--demo left {:?}",
            std::fs::read_dir(&tmp).unwrap().collect::<Vec<_>>()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A subscribed store that has not been refreshed opens empty: no samples.
#[test]
fn a_subscribed_store_opens_without_the_samples() {
    let dir = tempfile::tempdir().unwrap();
    let o = common::tidings(
        dir.path(),
        &["subscribe", "--no-check", "https://feeds.example/news.rss"],
    );
    assert!(o.status.success());
    let Some(t) = Tmux::start("subscribed", 120, 30, &reader_cmd(dir.path())) else {
        return;
    };
    let s = t.wait_for("Headlines");
    assert!(!s.contains("Kestrel Bay"), "{s}");
    t.keys(&["q"]);
    let list = common::tidings(dir.path(), &["list", "--json"]);
    assert!(list.stdout.is_empty(), "the store got documents");
}

/// The command line on a terminal: `list` says how many it left out, `remove`
/// asks before removing a saved story.
#[test]
fn list_counts_what_it_left_out_and_remove_asks_about_saved_stories() {
    let dir = tempfile::tempdir().unwrap();
    let samples = common::samples();
    let d = dir.path();
    assert!(common::tidings(d, &["import", samples.to_str().unwrap()])
        .status
        .success());
    assert!(common::tidings(d, &["mark", "saved", "Kestrel Bay"])
        .status
        .success());
    let Some(t) = Tmux::start("cli", 120, 30, "bash --norc --noprofile") else {
        return;
    };
    let bin = format!(
        "{} --data-dir {}",
        env!("CARGO_BIN_EXE_tidings"),
        d.display()
    );
    t.keys(&["-l", &format!("{bin} list --limit 3\n")]);
    t.wait_for("… 9 more (use --limit N, or --limit 0 for all)");
    t.keys(&["-l", &format!("clear; {bin} remove 'Kestrel Bay'\n")]);
    t.wait_for("remove this saved story? [y/N]");
    t.keys(&["-l", "n\n"]);
    t.wait_for("nothing removed");
    t.keys(&[
        "-l",
        &format!("clear; {bin} remove 'Kestrel Bay'; echo status=$?\n"),
    ]);
    t.wait_for("[y/N]");
    t.keys(&["-l", "y\n"]);
    let s = t.wait_for("status=0");
    assert!(
        s.contains("removed") && s.contains("Kestrel Bay container port reopens"),
        "{s}"
    );
    let list = common::tidings(d, &["list", "--json", "--limit", "0"]);
    assert_eq!(String::from_utf8_lossy(&list.stdout).lines().count(), 11);
}

/// A store holding the samples and stories titled in complex scripts.
fn complex_scripts_store() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let titles = [
        "Plain news: harbour reopens",
        "Hindi news: भारत में चुनाव",
        "Arabic news: مرحبا بالعالم",
        "Hebrew news: שָׁלוֹם עולם",
        "Family 👨\u{200D}👩\u{200D}👧\u{200D}👦 day out",
        "Hearts ❤\u{FE0F} and waves 👋\u{1F3FD} at the fair",
        "Another plain one",
    ];
    let docs: Vec<String> = titles
        .iter()
        .map(|t| {
            format!(
                r#"{{"schema":1,"kind":"story","title":"{t}","lead":[{{"sentences":[{{"text":"{t} in the lead.","citations":[]}}]}}],"sections":[],"sources":[],"timeline":[]}}"#
            )
        })
        .collect();
    let json = dir.path().join("complex.json");
    std::fs::write(&json, format!("[{}]", docs.join(","))).unwrap();
    let o = common::tidings(
        &dir.path().join("store"),
        &["import", json.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    dir
}

/// The display column of `needle` in `line`, counting as the terminal does:
/// character by character.
fn column(line: &str, needle: char) -> Option<usize> {
    use unicode_width::UnicodeWidthChar;
    let at = line.find(needle)?;
    Some(line[..at].chars().map(|c| c.width().unwrap_or(0)).sum())
}

/// Issue #15 item 6: after opening a Devanagari title and going back, no vowel
/// sign stays behind in other rows, and a ZWJ family does not push the border;
/// Ctrl-L repaints over whatever else reached the terminal.
#[test]
fn complex_scripts_leave_no_stray_glyphs_and_ctrl_l_repaints() {
    let dir = complex_scripts_store();
    let store = dir.path().join("store");
    for (w, h) in [(120, 30), (80, 24)] {
        let Some(t) = Tmux::start(&format!("scripts{w}"), w, h, &reader_cmd(&store)) else {
            return;
        };
        t.wait_for("Headlines 7/7");
        for _ in 0..7 {
            t.keys(&["j", "Enter"]);
            t.wait_for("STORY");
            t.keys(&["Escape"]);
            t.wait_for("LIST");
        }
        t.keys(&["g", "Enter", "Escape"]);
        let s = t.wait_for("LIST 1/7");
        let devanagari = |l: &str| l.chars().any(|c| ('\u{900}'..='\u{97F}').contains(&c));
        for line in s.lines().filter(|l| !l.contains("Hindi news")) {
            assert!(!devanagari(line), "a stray glyph in {line:?}:\n{s}");
        }
        if w >= 100 {
            let rows: Vec<&str> = s.lines().filter(|l| l.contains('│')).collect();
            let border = column(rows[0], '│');
            for row in &rows[..rows.len() - 1] {
                assert_eq!(column(row, '│'), border, "{row:?}:\n{s}");
            }
        }
        // Something else writes to the terminal; Ctrl-L paints it over.
        let out = t.cmd(&["display-message", "-p", "-t", "e2e", "#{pane_tty}"]);
        let tty = String::from_utf8_lossy(&out.stdout).trim().to_string();
        // A frame the reader was still drawing may paint over it: write it
        // again until it shows.
        for _ in 0..20 {
            std::fs::write(&tty, "\x1b[5;5HSTRAY-OUTPUT").unwrap();
            std::thread::sleep(std::time::Duration::from_millis(100));
            if t.screen().contains("STRAY-OUTPUT") {
                break;
            }
        }
        t.wait_for("STRAY-OUTPUT");
        t.keys(&["C-l"]);
        t.wait("Ctrl-L to repaint", |s| !s.contains("STRAY-OUTPUT"));
        t.keys(&["q"]);
    }
}

/// Issue #15 item 5: with NO_COLOR the selected row is still reversed and
/// marked, and nothing is coloured.
#[test]
fn no_color_keeps_the_selected_row_reversed_and_marked() {
    let dir = tempfile::tempdir().unwrap();
    let cmd = format!("env NO_COLOR=1 {}", reader_cmd(dir.path()));
    let Some(t) = Tmux::start("nocolor", 60, 20, &cmd) else {
        return;
    };
    t.wait_for("Headlines 12/12");
    t.keys(&["j"]);
    t.wait_for("LIST 2/12");
    let raw = t.cmd(&["capture-pane", "-p", "-e", "-t", "e2e"]).stdout;
    let raw = String::from_utf8(raw).unwrap();
    let row = raw
        .lines()
        .find(|l| l.contains('›'))
        .unwrap_or_else(|| panic!("no › mark:\n{raw}"));
    assert!(
        row.contains("\x1b[7m") || row.contains(";7m") || row.contains("[7;"),
        "the selected row is not reversed: {row:?}"
    );
    for seq in raw.split('\x1b').skip(1) {
        let Some(params) = seq.strip_prefix('[').and_then(|s| s.split('m').next()) else {
            continue;
        };
        for p in params.split(';') {
            let colour = matches!(
                p.parse::<u32>(),
                Ok(30..=38 | 40..=48 | 90..=97 | 100..=107)
            );
            assert!(!colour, "a colour reached the screen: {params:?}");
        }
    }
    t.keys(&["q"]);
}

/// The SGR parameter lists (`ESC[…m`) in a `capture-pane -e` of the screen.
fn sgr_params(raw: &str) -> Vec<&str> {
    raw.split('\x1b')
        .skip(1)
        .filter_map(|seq| seq.strip_prefix('[')?.split('m').next())
        .collect()
}

/// Issue 17: `[colors]` overrides reach the terminal (the status bar in
/// `#5f0087` with text in colour 226, headings in `#ff8700`), and under NO_COLOR
/// the same file draws no colour.
#[test]
fn colour_overrides_reach_the_terminal_and_no_color_wins_over_them() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("colours.toml");
    std::fs::write(
        &config,
        "theme = \"light\"\n[colors]\nstatus_bar = \"#5f0087\"\nstatus_bar_text = 226\nheading = \"#FF8700\"\n",
    )
    .unwrap();
    for no_color in [false, true] {
        // A store of its own each time: the last one remembers its selection.
        let store = tempfile::tempdir().unwrap();
        let cmd = format!(
            "{} --config {}",
            threaded_cmd(store.path()),
            config.display()
        );
        let cmd = if no_color {
            format!("env NO_COLOR=1 {cmd}")
        } else {
            cmd
        };
        let Some(t) = Tmux::start(&format!("colours-{no_color}"), 120, 40, &cmd) else {
            return;
        };
        t.wait_for("Headlines 12/12");
        t.keys(&["j", "j", "j", "j", "j", "j"]);
        t.wait_for("LIST 7/12");
        t.keys(&["Enter"]);
        t.wait("the story", |s| {
            s.contains("▾ Lander Settles") && s.contains(" STORY")
        });
        let raw =
            String::from_utf8(t.cmd(&["capture-pane", "-p", "-e", "-t", "e2e"]).stdout).unwrap();
        let status = raw.lines().rev().find(|l| l.contains("STORY")).unwrap();
        let params = sgr_params(&raw);
        if no_color {
            for p in params.iter().flat_map(|p| p.split(';')) {
                let colour = matches!(
                    p.parse::<u32>(),
                    Ok(30..=38 | 40..=48 | 90..=97 | 100..=107)
                );
                assert!(!colour, "a colour reached the screen: {params:?}");
            }
            assert!(
                sgr_params(status)
                    .iter()
                    .any(|p| p.split(';').any(|n| n == "7")),
                "reversed: {status:?}"
            );
        } else {
            let bar = sgr_params(status).join(";");
            assert!(
                bar.contains("48;2;95;0;135"),
                "the bar's colour: {status:?}"
            );
            assert!(bar.contains("38;5;226"), "the bar's text: {status:?}");
            assert!(
                params.iter().any(|p| p.contains("38;2;255;135;0")),
                "a heading in #ff8700: {raw:?}"
            );
        }
        t.keys(&["q", "q"]);
    }
}

/// Issue #15 item 10: at 120x35 the key map says there is more below, and
/// G/End reach its end, where the query terms are (issue #18).
#[test]
fn the_key_map_says_there_is_more_and_scrolls_to_its_end() {
    let dir = tempfile::tempdir().unwrap();
    let Some(t) = Tmux::start("help", 120, 35, &reader_cmd(dir.path())) else {
        return;
    };
    t.wait_for("Headlines 12/12");
    t.keys(&["?"]);
    let s = t.wait_for("↓ more");
    let status = s.lines().rfind(|l| !l.trim().is_empty()).unwrap();
    assert!(
        status.contains("HELP") && status.contains("scroll down"),
        "{s}"
    );
    assert!(!status.contains("open the story"), "{s}");
    t.keys(&["End"]);
    let end = t.wait("the end of the key map", |s| {
        s.contains("↑ more") && !s.contains("↓ more")
    });
    for term in [
        "Query terms",
        "cites:reuters.com",
        "newer:3d older:2w",
        "lang:fr",
    ] {
        assert!(end.contains(term), "{term}:\n{end}");
    }
    t.keys(&["Home"]);
    t.wait("the top again", |s| {
        s.contains("↓ more") && s.contains("Headline list")
    });
    t.keys(&["q"]);
}

/// A store holding three one-claim stories, newest first: "Council votes on
/// tram", "Ferry timetable changes", "Harbour cranes restart".
fn three_stories() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let json: String = [
        "Harbour cranes restart",
        "Ferry timetable changes",
        "Council votes on tram",
    ]
    .iter()
    .map(|t| {
        format!(
            r#"{{"schema":1,"kind":"story","title":"{t}","sections":[{{"heading":"What happened","paragraphs":[{{"sentences":[{{"text":"{t} today.","citations":[]}}]}}]}}],"sources":[],"timeline":[]}}"#
        ) + "\n"
    })
    .collect();
    let file = dir.path().join("stories.jsonl");
    std::fs::write(&file, json).unwrap();
    let out = common::tidings(dir.path(), &["import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");
    dir
}

#[test]
fn u_on_a_read_row_keeps_the_nearest_row() {
    let dir = three_stories();
    assert!(common::tidings(dir.path(), &["mark", "read", "Ferry"])
        .status
        .success());
    let Some(t) = Tmux::start("nearest", 120, 40, &reader_cmd(dir.path())) else {
        return;
    };
    t.wait_for("Headlines 3/3");
    t.keys(&["j"]);
    t.wait("the read Ferry row previewed", |s| {
        s.contains("LIST 2/3") && s.contains("│ Ferry timetable changes")
    });
    t.keys(&["u"]);
    t.wait("the row after Ferry selected and previewed", |s| {
        s.contains("Headlines 2/3 · unread")
            && s.contains("LIST 2/2")
            && s.contains("│ Harbour cranes restart")
    });
    t.keys(&["q"]);
}

/// Issue #15 item 11: the claims citing a source show whole, wrapped.
#[test]
fn claims_citing_a_source_are_wrapped_whole() {
    let dir = tempfile::tempdir().unwrap();
    let Some(t) = Tmux::start("citers", 60, 20, &reader_cmd(dir.path())) else {
        return;
    };
    t.wait_for("Headlines 12/12");
    for _ in 0..6 {
        t.keys(&["j"]);
    }
    t.wait_for("LIST 7/12");
    t.keys(&["Enter"]);
    t.wait_for("Private Lander");
    t.keys(&["]", "Enter", "Enter", "Enter"]);
    let s = t.wait_for("claims and events cite [1]");
    assert!(s.contains("kilometres from its target."), "{s}");
    t.keys(&["q"]);
}

#[test]
fn empty_lists_say_what_is_true_and_the_preview_clears() {
    let dir = three_stories();
    for name in ["Harbour", "Ferry", "Council"] {
        assert!(common::tidings(dir.path(), &["mark", "read", name])
            .status
            .success());
    }
    let Some(t) = Tmux::start("empty", 120, 40, &reader_cmd(dir.path())) else {
        return;
    };
    t.wait_for("│ Council votes on tram");
    t.keys(&["u"]);
    let s = t.wait_for("All 3 stories are read. u: show them all.");
    assert!(!s.contains("Council votes"), "the preview cleared:\n{s}");
    assert!(!s.contains("import"), "{s}");
    t.keys(&["u", "/", "-l", "xyzzy"]);
    let s = t.wait_for("Nothing matches “xyzzy”.");
    assert!(!s.contains("Council votes"), "the preview cleared:\n{s}");
    t.keys(&["BSpace", "BSpace", "BSpace"]);
    t.wait_for("No story has the word “xy”; keep typing");
    t.keys(&["Escape"]);
    t.wait_for("│ Council votes on tram");
    t.keys(&["q"]);
}

/// Another process removes the selected story: the reader notices the change
/// on its own (issue 16) and drops the row, selecting the nearest one. (Saving
/// or opening a story removed before the reader noticed is refused: the
/// TestBackend test `a_story_removed_elsewhere_is_refused_and_dropped_from_the_list`.)
#[test]
fn a_story_removed_while_the_reader_is_open_is_dropped() {
    let dir = three_stories();
    let Some(t) = Tmux::start("gone", 120, 40, &reader_cmd(dir.path())) else {
        return;
    };
    t.wait_for("│ Council votes on tram");
    t.keys(&["j"]);
    t.wait_for("│ Ferry timetable changes");
    let out = common::tidings(dir.path(), &["remove", "Ferry timetable changes"]);
    assert!(out.status.success(), "{out:?}");
    let listed = |s: &str, title: &str| s.lines().any(|l| l.starts_with("● ") && l.contains(title));
    let s = t.wait_for("Headlines 2/2");
    assert!(!listed(&s, "Ferry"), "{s}");
    t.wait_for("│ Harbour cranes restart");
    t.keys(&["q"]);
}

/// A reader in a shell that says when the reader exits, so quitting is seen.
fn reader_in_shell(dir: &Path) -> String {
    format!("sh -c '{}; echo READER-EXITED; sleep 60'", reader_cmd(dir))
}

/// Issue 16: `n` opens the unread stories one after another from the list and
/// the story pane, `J`/`K` go story to story without the list, `q` goes back
/// one level and quits only from the list, `Q` quits from a story.
#[test]
fn n_across_stories_j_in_the_story_pane_q_back_and_shift_q_quits() {
    let dir = three_stories();
    let Some(t) = Tmux::start("triage-n", 60, 20, &reader_in_shell(dir.path())) else {
        return;
    };
    t.wait_for("Headlines 3/3");
    t.keys(&["n"]);
    t.wait("the first unread story open", |s| {
        s.starts_with(" Council votes on tram") && s.contains("STORY")
    });
    t.keys(&["n"]);
    t.wait_for(" Ferry timetable changes");
    t.keys(&["J"]);
    t.wait_for(" Harbour cranes restart");
    t.keys(&["n"]);
    let s = t.wait_for("no more unread");
    assert!(s.starts_with(" Harbour cranes restart"), "stays: {s}");
    t.keys(&["K"]);
    t.wait_for(" Ferry timetable changes");
    t.keys(&["q"]);
    let s = t.wait_for("Headlines 3/3");
    assert!(s.contains(" 0 unread"), "{s}");
    t.keys(&["Enter"]);
    t.wait("a story open", |s| s.contains("STORY"));
    t.keys(&["Q"]);
    t.wait_for("READER-EXITED");
}

#[test]
fn q_quits_from_the_list() {
    let dir = three_stories();
    let Some(t) = Tmux::start("triage-q", 60, 20, &reader_in_shell(dir.path())) else {
        return;
    };
    t.wait_for("Headlines 3/3");
    t.keys(&["q"]);
    t.wait_for("READER-EXITED");
}

/// Issue 16: `F` picks a feed from a popup with its unread counts, `A` marks
/// that view read (the status bar says how many), `U` undoes it, `F` goes back
/// to every feed, and the store holds the marks.
#[test]
fn a_feed_from_the_picker_marked_read_with_a_then_undone_with_u() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::tidings(dir.path(), &["import", common::samples().to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");
    let Some(t) = Tmux::start("triage-a", 120, 40, &reader_cmd(dir.path())) else {
        return;
    };
    t.wait_for("Headlines 12/12");
    t.keys(&["F"]);
    let s = t.wait_for("Feeds (Enter");
    assert!(
        s.contains("Coastal Wire") && s.contains("2 unread of 2"),
        "{s}"
    );
    // The feeds come by name: Coastal Wire first.
    t.keys(&["Enter"]);
    t.wait("one feed", |s| {
        s.contains("Headlines 2/12 · Coastal Wire") && s.contains(" 2 unread")
    });
    t.keys(&["A"]);
    t.wait("marked", |s| {
        s.contains("marked 2 stories read") && s.contains(" 0 unread")
    });
    let unread = |dir: &Path| {
        let out = common::tidings(dir, &["list", "--unread", "--feed", "Coastal Wire"]);
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stdout).lines().count()
    };
    assert_eq!(unread(dir.path()), 0);
    t.keys(&["U"]);
    t.wait("undone", |s| {
        s.contains("undone: 2 stories unread again") && s.contains(" 2 unread")
    });
    assert_eq!(unread(dir.path()), 2);
    t.keys(&["F"]);
    t.wait_for("Headlines 12/12");
    t.keys(&["q"]);
}

/// Issue 16: an `import` by another process while the reader is open is
/// noticed within a second, the list read again keeping the selection, and the
/// status bar says how many are new.
#[test]
fn an_outside_import_is_noticed_while_the_reader_is_open() {
    let dir = three_stories();
    let Some(t) = Tmux::start("triage-import", 120, 40, &reader_cmd(dir.path())) else {
        return;
    };
    t.wait_for("Headlines 3/3");
    t.keys(&["j"]);
    t.wait_for("│ Ferry timetable changes");
    let file = dir.path().join("more.jsonl");
    let json: String = ["Tram depot opens", "Lighthouse repainted"]
        .iter()
        .map(|t| format!(r#"{{"schema":1,"kind":"story","title":"{t}","sections":[],"sources":[],"timeline":[]}}"#) + "\n")
        .collect();
    std::fs::write(&file, json).unwrap();
    let out = common::tidings(dir.path(), &["import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");
    let started = Instant::now();
    let s = t.wait("the import noticed", |s| {
        s.contains("Headlines 5/5") && s.contains("2 new")
    });
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "noticed at once: {s}"
    );
    assert!(
        s.contains("│ Ferry timetable changes"),
        "the selection stays: {s}"
    );
    t.keys(&["q"]);
}

#[test]
fn a_filter_says_when_it_shows_only_the_newest_matches() {
    let dir = tempfile::tempdir().unwrap();
    let json: String = (0..1_005)
        .map(|n| {
            format!(
                "{{\"schema\":1,\"kind\":\"article\",\"title\":\"Harbour report number {n}\"}}\n"
            )
        })
        .collect();
    let file = dir.path().join("many.jsonl");
    std::fs::write(&file, json).unwrap();
    let out = common::tidings(dir.path(), &["import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");
    let Some(t) = Tmux::start("limit", 120, 40, &reader_cmd(dir.path())) else {
        return;
    };
    t.wait_for("Headlines 1005/1005");
    t.keys(&["/", "-l", "harbour"]);
    t.wait_for("newest 1,000 of 1,005");
    t.keys(&["Enter", "End"]);
    t.wait_for("LIST 1000/1000");
    t.keys(&["q"]);
}

/// Where tmux shows the pane's cursor, `(x, y)`, when it shows it.
fn cursor(t: &Tmux) -> Option<(usize, usize)> {
    let out = t.cmd(&[
        "display-message",
        "-p",
        "-t",
        "e2e",
        "#{cursor_flag} #{cursor_x} #{cursor_y}",
    ]);
    let s = String::from_utf8_lossy(&out.stdout);
    let v: Vec<usize> = s.split_whitespace().map(|n| n.parse().unwrap()).collect();
    (v[0] == 1).then(|| (v[1], v[2]))
}

#[test]
fn the_filter_box_edits_at_its_cursor_and_esc_goes_back_to_the_kept_filter() {
    let dir = three_stories();
    let Some(t) = Tmux::start("edit", 60, 20, &reader_cmd(dir.path())) else {
        return;
    };
    t.wait_for("Headlines 3/3");
    // A typo fixed in the middle: "hxarbour" -> "harbour".
    t.keys(&["/", "-l", "hxarbour"]);
    t.wait_for("/hxarbour");
    t.keys(&["Home", "Right", "Delete"]);
    t.wait_for("Headlines 1/3 · /harbour");
    let header = t.screen().lines().next().unwrap().to_string();
    let col = header[..header.find("/harbour").unwrap()].chars().count();
    assert_eq!(cursor(&t), Some((col + 2, 0)), "the cursor after “h”");
    t.keys(&["Enter"]);
    t.wait("the filter kept", |s| s.contains("LIST 1/1"));
    // `/` selects the kept text: typing replaces it instead of appending.
    t.keys(&["/", "-l", "ferry"]);
    let s = t.wait_for("Headlines 1/3 · /ferry");
    assert!(!s.contains("harbourferry"), "{s}");
    // Esc goes back to the kept filter; a second Esc drops it.
    t.keys(&["Escape"]);
    t.wait_for("Headlines 1/3 · /harbour");
    t.wait("the kept filter's row", |s| {
        s.contains("Harbour cranes restart")
    });
    assert_eq!(cursor(&t), None, "no cursor once not typing");
    t.keys(&["Escape"]);
    t.wait("the filter dropped", |s| {
        s.contains("Headlines 3/3") && !s.contains("/harbour")
    });
    // A query longer than the box scrolls with the cursor.
    t.keys(&[
        "/",
        "-l",
        "council votes on tram council votes on tram ferry",
    ]);
    t.wait("the end of the long query, scrolled", |s| {
        let header = s.lines().next().unwrap_or("");
        header.contains("…") && header.trim_end().ends_with("tram ferry")
    });
    let (x, y) = cursor(&t).unwrap();
    assert_eq!(y, 0);
    assert!(x < 60, "{x}");
    t.keys(&["C-w", "C-w"]);
    t.wait("two words deleted", |s| {
        let header = s.lines().next().unwrap_or("");
        header.trim_end().ends_with("tram council votes on")
    });
    t.keys(&["C-u"]);
    t.wait_for("Headlines 3/3 · /");
    t.keys(&["q"]);
}

/// A `$BROWSER` script in `dir` that writes its arguments, one a line, to the
/// file returned beside it.
fn recording_browser(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let argv = dir.join("opened");
    let browser = dir.join("browser");
    std::fs::write(
        &browser,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > {}.tmp && mv {0}.tmp {0}\n",
            argv.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).unwrap();
    (browser, argv)
}

/// Waits for the recording browser to have run, and returns what it was given.
fn opened(argv: &Path) -> String {
    let start = Instant::now();
    while !argv.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the browser never ran"
        );
        std::thread::sleep(Duration::from_millis(40));
    }
    let s = std::fs::read_to_string(argv).unwrap();
    std::fs::remove_file(argv).unwrap();
    s
}

#[test]
fn o_opens_and_y_copies_the_story_link_from_the_list_and_the_story() {
    let dir = tempfile::tempdir().unwrap();
    let (browser, argv) = recording_browser(dir.path());
    let store = dir.path().join("store");
    let cmd = format!("BROWSER={} exec {}", browser.display(), reader_cmd(&store));
    let Some(t) = Tmux::start("links", 60, 20, &cmd) else {
        return;
    };
    t.cmd(&["set-option", "-g", "set-clipboard", "on"]);
    t.wait_for("Headlines 12/12");
    // The feed item "Ferry operators add a late sailing…", one from the end.
    t.keys(&["G", "k"]);
    t.wait_for("LIST 11/12");
    t.keys(&["o"]);
    assert_eq!(opened(&argv), "https://wire.example/late-sailing\n");
    t.keys(&["y"]);
    t.wait_for("copied https://wire.example/late-sailing");
    let copied = t.cmd(&["show-buffer"]).stdout;
    assert_eq!(
        String::from_utf8_lossy(&copied),
        "https://wire.example/late-sailing"
    );
    // In the story, away from its source: still the story's link.
    t.keys(&["Enter", "j"]);
    t.wait_for("STORY");
    t.keys(&["o"]);
    assert_eq!(opened(&argv), "https://wire.example/late-sailing\n");
    // A story gathering several sources has none of its own.
    t.keys(&["Escape", "g", "Enter"]);
    t.wait_for("STORY");
    t.keys(&["o"]);
    t.wait_for("no link");
    t.keys(&["q"]);
}

#[test]
fn slash_in_a_story_finds_marks_and_moves_between_matches() {
    let dir = tempfile::tempdir().unwrap();
    let Some(t) = Tmux::start("find", 120, 40, &reader_cmd(dir.path())) else {
        return;
    };
    t.wait_for("Headlines 12/12");
    // Kestrel Bay, one row above the feed's two items.
    t.keys(&["G", "k", "k", "Enter"]);
    t.wait_for("STORY");
    t.keys(&["/"]);
    t.wait_for("SEARCH │ /");
    t.keys(&["-l", "Container"]);
    // All of it typed: the count of a shorter query may show on the way.
    let s = t.wait("the query's count", |s| {
        s.contains("/Container ") && s.contains("match 1/")
    });
    let total: usize = s
        .split("match 1/")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a count:\n{s}"));
    assert!(total >= 3, "{s}");
    // The marks reach the terminal as colours around the matched words.
    let raw = t.cmd(&["capture-pane", "-p", "-e", "-t", "e2e"]).stdout;
    let raw = String::from_utf8_lossy(&raw);
    assert!(
        raw.contains("\u{1b}[48;5;10m"),
        "the current match is marked:\n{raw}"
    );
    assert!(
        raw.contains("\u{1b}[48;5;3m"),
        "the others are marked:\n{raw}"
    );
    t.keys(&["Tab"]);
    t.wait_for(&format!("match 2/{total}"));
    t.keys(&["Enter"]);
    t.wait_for(&format!("match 3/{total}"));
    t.keys(&["BTab"]);
    t.wait_for(&format!("match 2/{total}"));
    t.keys(&["-l", "xq"]);
    t.wait_for("no match for “Containerxq”");
    t.keys(&["Escape"]);
    t.wait("the search to close", |s| {
        !s.contains("SEARCH") && s.contains("STORY")
    });
    // Typing q in the box typed it; now q quits.
    t.keys(&["q"]);
}

/// A story whose source URL is hostile: a non-ASCII host, an escape sequence,
/// quotes, angle brackets, a backslash and a space.
const HOSTILE_LINK_JSON: &str = r#"{"schema":1,"kind":"story","title":"Ferry Strike Ends",
"lead":[{"sentences":[{"text":"Crews returned on Monday.","citations":[1]}]}],
"sources":[{"n":1,"outlet":"Wire","title":"Strike over","url":"https://exämple.org/a\u001b]52;c;PWNED\u0007\"<x>\\ b\u001b]8;;https://evil.example\u001b\\"}]}"#;

/// What tidings links to for that URL: cleaned and percent-encoded.
const HOSTILE_LINK: &str = "https://xn--exmple-cua.org/a%22%3Cx%3E/%20b";

#[test]
fn source_urls_reach_the_terminal_as_clean_osc_8_hyperlinks() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("link.json");
    std::fs::write(&json, HOSTILE_LINK_JSON).unwrap();
    let store = dir.path().join("store");
    let out = common::run(&[
        "--data-dir",
        store.to_str().unwrap(),
        "import",
        json.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let Some(t) = Tmux::start("osc8", 120, 40, &reader_cmd(&store)) else {
        return;
    };
    // Every byte the reader writes, as the terminal receives it (tmux 3.3
    // keeps no hyperlinks for capture-pane; later ones do, checked below).
    let raw_file = dir.path().join("raw");
    t.cmd(&[
        "pipe-pane",
        "-O",
        "-t",
        "e2e",
        &format!("cat > {}", raw_file.display()),
    ]);
    t.wait_for("Headlines 1/1");
    // The source's line in the story, then its card.
    t.keys(&["Enter", "G"]);
    t.wait_for("[1] Wire: Strike over");
    t.keys(&["Enter"]);
    t.wait_for("Source [1]");
    let mut raw = String::new();
    let start = Instant::now();
    while !raw.contains("Enter: claims citing it") {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "no card in:\n{raw}"
        );
        std::thread::sleep(Duration::from_millis(40));
        raw = String::from_utf8_lossy(&std::fs::read(&raw_file).unwrap_or_default()).into_owned();
    }
    t.keys(&["q"]);
    let mut links = 0;
    let mut rest = raw.as_str();
    while let Some(at) = rest.find("\u{1b}]") {
        rest = &rest[at + 2..];
        let end = rest.find("\u{1b}\\").expect("an OSC ended by ST");
        let osc = &rest[..end];
        if osc == "8;;" {
            continue;
        }
        let link = osc
            .strip_prefix("8;id=")
            .and_then(|s| s.split_once(';'))
            .map(|(id, url)| {
                assert!(id.bytes().all(|b| b.is_ascii_hexdigit()), "{osc:?}");
                url
            })
            .unwrap_or_else(|| panic!("an OSC other than a hyperlink: {osc:?}"));
        assert_eq!(link, HOSTILE_LINK);
        // The text of one cell, then the link closes.
        let cell = &rest[end + 2..];
        let text_end = cell.find('\u{1b}').unwrap();
        assert!(
            cell[text_end..].starts_with("\u{1b}]8;;\u{1b}\\"),
            "{:?}",
            &cell[..40]
        );
        assert_eq!(cell[..text_end].chars().count(), 1);
        links += 1;
    }
    assert!(
        links >= "[1] Wire: Strike over".len() + HOSTILE_LINK.len() / 2,
        "{links} links"
    );
    assert!(
        !raw.contains("PWNED") && !raw.contains("evil.example"),
        "{raw}"
    );
    // Where tmux keeps hyperlinks, the screen holds the same clean ones.
    let screen = t.cmd(&["capture-pane", "-p", "-e", "-t", "e2e"]).stdout;
    let screen = String::from_utf8_lossy(&screen);
    for osc in screen.split("\u{1b}]").skip(1) {
        assert!(
            osc.starts_with("8;;") || osc.starts_with("8;id=") && osc.contains(HOSTILE_LINK),
            "{osc:?}"
        );
    }
}

/// Issue 17: the key map names the config file in use, and a bad one never
/// starts the reader.
#[test]
fn the_key_map_names_the_config_file_and_a_bad_one_never_starts() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("my-config.toml");
    std::fs::write(&config, "theme = \"dark\"\n").unwrap();
    let cmd = format!(
        "{} --config {}",
        threaded_cmd(&dir.path().join("store")),
        config.display()
    );
    let Some(t) = Tmux::start("config", 120, 40, &cmd) else {
        return;
    };
    t.wait_for("Headlines 12/12");
    t.keys(&["?"]);
    t.wait_for(&format!("config: {}", config.display()));
    t.keys(&["Q"]);

    std::fs::write(&config, "theme = \"neon\"\n").unwrap();
    let bad = format!("{cmd}; echo status=$?; sleep 30");
    let Some(t) = Tmux::start("config-bad", 120, 40, &bad) else {
        return;
    };
    let s = t.wait_for("status=2");
    assert!(
        s.contains("my-config.toml:1:9: unknown variant `neon`"),
        "{s}"
    );
    assert!(!s.contains("Headlines"), "{s}");
}

/// Issue 17: a config file moves `next_unread` in the list from `n` to `x`: `x`
/// opens the next unread story, `n` does nothing any more, and the key map shows
/// `x` for it with the action's name.
#[test]
fn a_remapped_key_works_the_old_one_no_longer_does_and_help_shows_the_new_one() {
    let dir = three_stories();
    let config = dir.path().join("keys.toml");
    std::fs::write(&config, "[keys.list]\nnext_unread = \"x\"\n").unwrap();
    let cmd = format!("{} --config {}", threaded_cmd(dir.path()), config.display());
    let Some(t) = Tmux::start("keys-remap", 60, 20, &cmd) else {
        return;
    };
    t.wait_for("Headlines 3/3");
    // Keys are read in order: once `j` has moved the selection, `n` was read
    // and left the list as it was.
    t.keys(&["n", "j"]);
    let s = t.wait_for("LIST 2/3");
    assert!(!s.contains("STORY"), "{s}");
    t.keys(&["x"]);
    t.wait("x opens the next unread story", |s| s.contains("STORY"));
    t.keys(&["q"]);
    t.wait_for("LIST");
    t.keys(&["?"]);
    let s = t.wait_for("(next_unread)");
    let row = s
        .lines()
        .find(|l| l.contains("open the next unread story"))
        .unwrap_or_default();
    assert!(
        row.contains("│  x "),
        "the list's row shows x: {row:?}\n{s}"
    );
    t.keys(&["Q"]);
}

#[test]
fn the_automatic_refresh_says_what_it_brought_in_the_status_bar() {
    let (_server, dir) = subscribed_to_gazette_and_slow(Duration::from_millis(10));
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[refresh]\nauto_interval_minutes = 30\n").unwrap();
    // Debug builds read the interval in seconds from the environment (tests only).
    let cmd = format!(
        "env -u http_proxy -u HTTP_PROXY -u all_proxy -u ALL_PROXY TIDINGS_AUTO_REFRESH_SECS=1 {} --config {}",
        threaded_cmd(dir.path()),
        config.display()
    );
    let Some(t) = Tmux::start("auto-refresh", 140, 40, &cmd) else {
        return;
    };
    t.wait_for("Headlines 12/12");
    let s = t.wait_for("auto-refresh: 2 new, 0 updated");
    assert!(!s.contains("⟳"), "quiet while it runs: {s}");
    t.wait_for("Headlines 14/14");
    t.keys(&["q"]);
}

#[test]
fn the_configs_reader_settings_ask_before_a_and_show_dates_its_way() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::tidings(dir.path(), &["import", common::samples().to_str().unwrap()]);
    assert!(out.status.success());
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[reader]\nconfirm_bulk_marking = true\ndate_style = \"%Y-%m-%d\"\ntwo_pane_min_width = 150\n",
    )
    .unwrap();
    let cmd = format!("{} --config {}", threaded_cmd(dir.path()), config.display());
    let Some(t) = Tmux::start("reader-settings", 120, 40, &cmd) else {
        return;
    };
    let s = t.wait_for("Headlines 12/12");
    assert!(s.contains("2025-09-20"), "the pattern: {s}");
    let top = s.lines().next().unwrap();
    assert!(!top.contains('│'), "one pane below 150 columns: {s}");
    t.keys(&["A"]);
    t.wait_for("mark 12 stories of this view read? y/n");
    t.keys(&["n"]);
    t.wait_for("not marked");
    t.keys(&["A"]);
    t.wait_for("y/n");
    t.keys(&["y"]);
    t.wait_for("marked 12 stories read");
    t.keys(&["q"]);
}

/// A list of thousands (the reader holds full rows only near the screen):
/// the header counts the unread as `tidings list --unread` does, `G` and PgDn
/// reach the last row, and a mark there stays after going to the top and back.
#[test]
fn a_long_list_reaches_its_last_row_and_counts_its_unread_as_list_does() {
    let dir = tempfile::tempdir().unwrap();
    let json: String = (0..3_000)
        .map(|n| {
            format!("{{\"schema\":1,\"kind\":\"article\",\"title\":\"Long list story {n:04}\"}}\n")
        })
        .collect();
    let file = dir.path().join("many.jsonl");
    std::fs::write(&file, json).unwrap();
    let out = common::tidings(dir.path(), &["import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");
    {
        let mut store = tidings::store::Store::open(dir.path()).unwrap();
        for item in store.list(5_000, false, 0).unwrap().iter().step_by(7) {
            store.set_read(&item.uid, true).unwrap();
        }
    }
    let listed = common::tidings(dir.path(), &["list", "--unread", "--limit", "0"]);
    let unread = String::from_utf8_lossy(&listed.stdout).lines().count();
    assert!(unread > 2_000 && unread < 3_000, "{unread}");
    let Some(t) = Tmux::start("long", 120, 40, &reader_cmd(dir.path())) else {
        return;
    };
    t.wait_for("Headlines 3000/3000");
    t.wait_for(&format!("{},{:03} unread", unread / 1000, unread % 1000));
    t.keys(&["G"]);
    t.wait_for("LIST 3000/3000");
    t.wait_for("Long list story 0000");
    t.keys(&["g"]);
    t.wait_for("LIST 1/3000");
    t.cmd(&["send-keys", "-t", "e2e", "-N", "100", "NPage"]);
    let s = t.wait_for("LIST 3000/3000");
    // The list's row (the story pane beside it may show the title too).
    let row = |s: &str| {
        s.lines()
            .find(|l| {
                l.find("Long list story 0000")
                    .is_some_and(|at| l[..at].chars().count() < 40)
            })
            .map(String::from)
    };
    assert!(row(&s).is_some_and(|r| r.contains('●')), "unread:\n{s}");
    t.keys(&["N"]);
    t.wait("marked read", |s| row(s).is_some_and(|r| !r.contains('●')));
    t.keys(&["g"]);
    t.wait_for("LIST 1/3000");
    t.keys(&["End"]);
    t.wait_for("LIST 3000/3000");
    let s = t.screen();
    assert!(
        row(&s).is_some_and(|r| !r.contains('●')),
        "still read:\n{s}"
    );
    t.wait_for(&format!(
        "{},{:03} unread",
        (unread - 1) / 1000,
        (unread - 1) % 1000
    ));
    t.keys(&["q"]);
}

/// Issue #18: the filter reads the query language in a real terminal: a
/// structured term shows its matches' count, a term that does not parse names
/// itself and its column in the status bar.
#[test]
fn a_structured_filter_counts_its_matches_and_a_bad_term_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let Some(t) = Tmux::start("query", 120, 40, &reader_cmd(dir.path())) else {
        return;
    };
    t.wait_for("Headlines 12/12");
    t.keys(&["/", "-l", "outlets>=3"]);
    t.wait_for("Headlines 6/12 · /outlets>=3");
    t.keys(&["-l", " iz:"]);
    let s = t.wait_for(r#"FILTER │ unknown term "iz:" at 12; did you mean "is:"?"#);
    assert!(s.contains("Headlines 6/12"), "the rows stay:\n{s}");
    t.keys(&["BSpace", "BSpace", "BSpace", "-l", "cites:reuters"]);
    t.wait_for("Headlines 1/12 · /outlets>=3 cites:reuters");
    t.keys(&["Escape", "q"]);
}

/// Issue #18: a query saved with `tidings query save` shows in the `F`
/// picker with its unread count; chosen, it filters the list under its name,
/// and `C` lists the claims that answer it.
#[test]
fn a_saved_query_shows_in_the_picker_with_its_count_and_filters_the_list() {
    let dir = tempfile::tempdir().unwrap();
    for (name, query) in [("big", "sources>=5"), ("bank", "cites:reuters")] {
        let out = common::tidings(dir.path(), &["query", "save", name, query]);
        assert!(out.status.success(), "{out:?}");
    }
    let Some(t) = Tmux::start("saved", 120, 40, &reader_cmd(dir.path())) else {
        return;
    };
    t.wait_for("Headlines 12/12");
    t.keys(&["F"]);
    t.wait("the saved queries with their counts", |s| {
        s.contains("Saved queries")
            && s.lines()
                .any(|l| l.contains("big") && l.contains("4 unread"))
            && s.lines()
                .any(|l| l.contains("bank") && l.contains("1 unread"))
    });
    // The feeds, the heading, bank, then big.
    t.keys(&["G", "Enter"]);
    t.wait_for("Headlines 4/12 · Query: big");
    t.keys(&["q"]);
    t.wait_for("Headlines 12/12");
    t.keys(&["F", "G", "k", "Enter"]);
    t.wait_for("Headlines 1/12 · Query: bank");
    t.keys(&["C"]);
    t.wait_for("3 claims answer the query");
    t.keys(&["j", "j", "Enter"]);
    t.wait_for("STORY");
    t.keys(&["BSpace"]);
    t.wait_for("3 claims answer the query");
    t.keys(&["Escape", "q", "q"]);
}

/// Issue #19 item 1: the same link from two feeds is one row, counting its
/// outlets, at 120 columns (two panes) and at 60 (one).
#[test]
fn a_story_two_feeds_brought_is_one_row_counting_its_outlets() {
    let dir = tempfile::tempdir().unwrap();
    let feeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/feeds");
    let out = common::tidings(
        dir.path(),
        &[
            "import",
            feeds.join("overlap-agency.rss").to_str().unwrap(),
            feeds.join("overlap-daily.rss").to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{out:?}");
    for (w, h, shows) in [(120, 40, "2 outl · "), (60, 20, "2 outlets · ")] {
        let Some(t) = Tmux::start(&format!("outlets-{w}"), w, h, &reader_cmd(dir.path())) else {
            return;
        };
        let screen = t.wait_for("Headlines 4/4");
        let rows: Vec<&str> = screen
            .lines()
            .filter(|l| l.contains("Ferry strike ends"))
            .collect();
        assert_eq!(rows.len(), 1, "{screen}");
        assert!(rows[0].contains(shows), "{w}x{h}: {screen}");
        let lighthouse = screen.lines().find(|l| l.contains("Lighthouse")).unwrap();
        assert!(!lighthouse.contains("outl"), "{screen}");
        t.keys(&["q"]);
    }
}

/// A store holding the Kestrel Bay page of `tests/fixtures/changes`, read, and
/// then its newer version: updated since it was read.
fn updated_store() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let page = |name: &str| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/changes")
            .join(name)
            .to_str()
            .unwrap()
            .to_string()
    };
    for args in [
        vec!["--data-dir", data, "import", &page("port_v1.txt")],
        vec!["--data-dir", data, "mark", "read", "kestrel"],
        vec!["--data-dir", data, "import", &page("port_v2.txt")],
    ] {
        assert!(common::run(&args).status.success(), "{args:?}");
    }
    dir
}

#[test]
fn what_changed_since_read_is_marked_and_c_goes_change_to_change() {
    let dir = updated_store();
    let Some(t) = Tmux::start("changes", 80, 24, &reader_cmd(dir.path())) else {
        return;
    };
    let list = t.wait_for("Headlines 1/1");
    assert!(list.contains("›~  Kestrel Bay Port"), "updated: ~\n{list}");
    t.keys(&["Enter"]);
    let story = t.wait_for("since you read it: 1 new claim, 2 changed");
    for mark in ["~ About 45 ships", "+ Night shifts", "+ [3] Coastal Wire"] {
        assert!(story.contains(mark), "{mark}:\n{story}");
    }
    // Sourcing at a glance: one outlet behind a claim, outlets in the header.
    assert!(story.contains("attack.[1]¹"), "{story}");
    assert!(story.contains("3 sources · 3 outlets"), "{story}");
    // c: the changed claim (2nd of 5), the new one, the one citing more.
    for at in ["STORY 2/5", "STORY 3/5", "STORY 5/5"] {
        t.keys(&["c"]);
        t.wait_for(at);
    }
    // Then the new source (no claim number), and no further.
    t.keys(&["c"]);
    t.wait_for(" STORY │");
    t.keys(&["c"]);
    t.wait_for("no more changes here");
    t.keys(&["C"]);
    t.wait_for("STORY 5/5");
    t.keys(&["t"]);
    t.wait_for("Sep 21, 2025 │ + Night shifts begin");
    // Opened, it is read: back in the list its row is no longer updated.
    t.keys(&["q"]);
    t.wait("the row read", |s| s.contains("›   Kestrel Bay Port"));
}

/// Issue #19: a feed bringing two tellings of one strike (and one other story)
/// lists the thread once, marked `▸2`; Enter lists both stories, `t` the merged
/// timeline (each publication citing its story), Enter on a line opens that
/// story, marked read, and Backspace comes back to the thread. At 120 and 60
/// columns (one pane).
#[test]
fn a_thread_lists_once_and_opens_to_its_stories_and_merged_timeline() {
    let feed = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/feeds/strike.rss");
    for (w, h) in [(120, 40), (60, 20)] {
        let dir = tempfile::tempdir().unwrap();
        let out = common::tidings(dir.path(), &["import", feed.to_str().unwrap()]);
        assert!(out.status.success(), "{out:?}");
        let name = format!("thread{w}");
        let Some(t) = Tmux::start(&name, w, h, &threaded_cmd(dir.path())) else {
            return;
        };
        let s = t.wait_for("Headlines 2/2");
        // The list's side of each line (two panes from 100 columns).
        let rows: Vec<&str> = s
            .lines()
            .map(|l| l.split('│').next().unwrap())
            .filter(|l| l.contains("Harbour ferry"))
            .collect();
        assert_eq!(rows.len(), 1, "one row for the thread:\n{s}");
        assert!(rows[0].contains("▸2"), "{s}");
        t.keys(&["Enter"]);
        let s = t.wait_for("Thread: 2 stories");
        assert!(
            s.contains("[1] ● Harbour ferry") && s.contains("[2] ● Harbour ferry"),
            "{s}"
        );
        t.keys(&["t"]);
        let s = t.wait_for("Merged timeline: 2 lines");
        let at = |needle: &str| {
            s.lines()
                .position(|l| l.contains(needle))
                .unwrap_or_else(|| panic!("{needle}:\n{s}"))
        };
        assert!(
            at("3 Nov 2025  [2] published:") < at("4 Nov 2025  [1] published:"),
            "{s}"
        );
        // The first line: the older story opens, read.
        t.keys(&["Enter"]);
        t.wait("the older story", |s| {
            s.contains("STORY") && s.contains("the union walks out over") && s.contains("08:00")
        });
        t.keys(&["BSpace"]);
        t.wait_for("Merged timeline: 2 lines");
        t.keys(&["t"]);
        t.wait_for("[2]   Harbour ferry");
        t.keys(&["Escape"]);
        t.wait_for("LIST 1/2");
        t.keys(&["q"]);
    }
}
