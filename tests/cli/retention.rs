//! `tidings prune`, the config's `[retention]` max items after an import and a
//! refresh, and `tidings store stats` / `store vacuum`: saved stories are never
//! removed, a dry run changes nothing, removed stories leave the search index,
//! and a vacuum keeps every document, mark and subscription.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::http_server::{Route, Server};
use common::tidings;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs `args` and expects it to succeed.
fn ok(d: &Path, args: &[&str]) -> Output {
    let o = tidings(d, args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    o
}

/// A store of the bundled samples: eight dated from September 2025 to January
/// 2026 (Coastal Wire 2, Kagi: Business 1, pages I saved 5), four undated (pages
/// I saved, dated the day they were stored).
fn samples_store() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["import", common::samples().to_str().unwrap()]);
    dir
}

fn list(d: &Path) -> Vec<serde_json::Value> {
    stdout(&ok(d, &["list", "--json", "--limit", "0"]))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn titles(d: &Path) -> Vec<String> {
    list(d)
        .iter()
        .map(|v| v["title"].as_str().unwrap().to_string())
        .collect()
}

/// A config file in `d` holding `text`.
fn config(d: &Path, text: &str) -> PathBuf {
    let path = d.join("config.toml");
    std::fs::write(&path, text).unwrap();
    path
}

fn with_config(d: &Path, config: &Path, args: &[&str]) -> Output {
    let all = [&["--config", config.to_str().unwrap()], args].concat();
    tidings(d, &all)
}

const SEABIRDS: &str = "Volunteers count seabirds";
const KESTREL: &str = "Kestrel Bay container port";
const CENTRAL_BANK: &str = "Central Bank Holds Rates";

#[test]
fn prune_never_removes_a_saved_story_and_a_dry_run_removes_nothing() {
    let dir = samples_store();
    let d = dir.path();
    ok(d, &["mark", "saved", "volunteers count", "central bank"]);
    let before = list(d);

    let dry = ok(d, &["prune", "--older-than", "1d", "--dry-run"]);
    let text = stdout(&dry);
    assert!(
        text.starts_with("would remove 6 stories (kept 2 saved)\n"),
        "{text}"
    );
    assert!(
        text.contains("      1  Coastal Wire: 1 dated before "),
        "a line per feed: {text}"
    );
    assert!(text.contains("      4  pages I saved: 4 dated before "));
    assert_eq!(list(d), before, "a dry run changes nothing");

    let real = ok(d, &["prune", "--older-than", "1d"]);
    assert_eq!(stdout(&real), "removed 6 stories (kept 2 saved)\n");
    let left = titles(d);
    assert_eq!(left.len(), 6, "{left:?}");
    for saved in [SEABIRDS, CENTRAL_BANK] {
        assert!(
            left.iter().any(|t| t.starts_with(saved)),
            "{saved}: {left:?}"
        );
    }
    assert!(!left.iter().any(|t| t.starts_with(KESTREL)));

    let again = ok(d, &["prune", "--older-than", "1y"]);
    assert_eq!(stdout(&again), "removed 0 stories (kept 2 saved)\n");
}

#[test]
fn a_pruned_story_is_no_longer_found_by_search() {
    let dir = samples_store();
    let d = dir.path();
    assert!(stdout(&ok(d, &["search", "kestrel"])).contains(KESTREL));
    ok(d, &["prune", "--older-than", "1d"]);
    let search = tidings(d, &["search", "kestrel"]);
    assert_eq!(search.status.code(), Some(1), "{}", stdout(&search));
    assert!(stderr(&search).contains("no matches"));
}

#[test]
fn an_age_that_does_not_read_is_a_usage_error_naming_the_flag() {
    let dir = samples_store();
    for bad in ["1x", "ten days", "0d", "-3d"] {
        let o = tidings(dir.path(), &["prune", &format!("--older-than={bad}")]);
        assert_eq!(o.status.code(), Some(2), "{bad}: {}", stderr(&o));
        assert!(stderr(&o).contains("--older-than <AGE>"), "{}", stderr(&o));
        assert!(stdout(&o).is_empty());
    }
    assert_eq!(list(dir.path()).len(), 12, "nothing removed");
}

#[test]
fn max_items_is_kept_after_an_import_and_by_prune_and_checked_by_config_check() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let conf = config(
        d,
        "[retention]\nmax_items = 3\n[retention.feeds]\n\"Coastal Wire\" = 1\n\"Kagi: Business\" = 0\n",
    );
    let check = with_config(d, &conf, &["config", "check"]);
    assert!(check.status.success(), "{}", stderr(&check));

    let import = with_config(d, &conf, &["import", common::samples().to_str().unwrap()]);
    assert!(import.status.success(), "{}", stderr(&import));
    assert!(
        stdout(&import).contains("max_items: removed 7 stories (the config's [retention])\n"),
        "{}",
        stdout(&import)
    );
    let by_feed = |feed: &str| {
        list(d)
            .into_iter()
            .filter(|v| v["feed"] == feed)
            .map(|v| v["title"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        by_feed("Coastal Wire"),
        ["Ferry operators add a late sailing for the harvest festival"],
        "the newest one"
    );
    assert_eq!(by_feed("Kagi: Business").len(), 1);
    assert_eq!(by_feed("pages I saved").len(), 3);

    // Saved stories do not count: with one saved, three others stay beside it.
    let plain = tempfile::tempdir().unwrap();
    let p = plain.path();
    ok(p, &["import", common::samples().to_str().unwrap()]);
    ok(p, &["mark", "saved", "central bank"]);
    let pruned = with_config(p, &conf, &["prune"]);
    assert_eq!(stdout(&pruned), "removed 6 stories (kept 1 saved)\n");
    let pages: Vec<_> = list(p)
        .into_iter()
        .filter(|v| v["feed"] == "pages I saved")
        .collect();
    assert_eq!(pages.len(), 4);
    assert_eq!(pages.iter().filter(|v| v["saved"] == true).count(), 1);

    // A feed named that the store does not hold is said, and nothing else
    // changes.
    let typo = config(d, "[retention.feeds]\n\"Costal Wire\" = 1\n");
    let o = with_config(p, &typo, &["prune", "--dry-run"]);
    assert!(
        stderr(&o).contains(
            "tidings: [retention.feeds] \"Costal Wire\": no feed of that name in the store"
        ),
        "{}",
        stderr(&o)
    );
    assert_eq!(stdout(&o), "would remove 0 stories (kept 0 saved)\n");

    for (bad, at) in [
        ("[retention]\nmax_items = -1\n", "config.toml:2:13: "),
        (
            "[retention.feeds]\n\"Coastal Wire\" = \"ten\"\n",
            "config.toml:2:18: ",
        ),
    ] {
        let conf = config(d, bad);
        let o = with_config(d, &conf, &["config", "check"]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(stderr(&o).contains(at), "{bad}: {}", stderr(&o));
    }
}

#[test]
fn a_refresh_cuts_the_feeds_it_brought_news_to_down_to_their_max_items() {
    let fixture = |name: &str| {
        std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/feeds")
                .join(name),
        )
        .unwrap()
    };
    let server = Server::start(vec![
        (
            "/gazette.rss",
            Route::body(fixture("gazette.rss"), "application/rss+xml"),
        ),
        (
            "/wire.atom",
            Route::body(fixture("wire.atom"), "application/atom+xml"),
        ),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (path, name) in [("/gazette.rss", "Gazette"), ("/wire.atom", "Wire")] {
        ok(
            d,
            &["subscribe", "--no-check", &server.url(path), "--name", name],
        );
    }
    let conf = config(
        d,
        "[retention]\nmax_items = 1\n[retention.feeds]\nWire = 0\n",
    );
    let refresh = with_config(d, &conf, &["refresh"]);
    assert!(refresh.status.success(), "{}", stderr(&refresh));
    let out = stdout(&refresh);
    assert!(
        out.contains("Gazette: 2 added, 0 updated, 0 unchanged, 1 over max_items removed\n"),
        "{out}"
    );
    assert!(
        out.contains("Wire: 2 added, 0 updated, 0 unchanged\n"),
        "{out}"
    );
    assert!(
        out.ends_with("max_items: removed 1 story (the config's [retention])\n"),
        "{out}"
    );
    let feeds: Vec<String> = list(d)
        .iter()
        .map(|v| v["feed"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(feeds.iter().filter(|f| *f == "Gazette").count(), 1);
    assert_eq!(feeds.iter().filter(|f| *f == "Wire").count(), 2);

    // The feed still carries the story that went: fetched again, it is not
    // added back (to be removed again, and shown as new meanwhile).
    let again = with_config(d, &conf, &["refresh"]);
    let out = stdout(&again);
    assert!(
        out.contains("Gazette: 0 added, 0 updated, 2 unchanged\n"),
        "{out}"
    );
    assert!(!out.contains("max_items"), "{out}");
    assert_eq!(list(d).len(), 3);
}

#[test]
fn stats_agree_with_list_and_a_vacuum_keeps_everything() {
    let dir = samples_store();
    let d = dir.path();
    ok(
        d,
        &[
            "subscribe",
            "--no-check",
            "https://example.org/feed.xml",
            "--name",
            "Example",
        ],
    );
    ok(d, &["mark", "saved", "kestrel"]);
    ok(d, &["mark", "read", "volunteers count", "central bank"]);
    ok(d, &["prune", "--older-than", "1d"]);

    let stats = |d: &Path| -> serde_json::Value {
        serde_json::from_str(&stdout(&ok(d, &["store", "stats", "--json"]))).unwrap()
    };
    let s = stats(d);
    let listed = list(d);
    assert_eq!(s["documents"], listed.len());
    assert_eq!(s["documents"], 5);
    assert_eq!(s["saved"], 1);
    assert_eq!(s["read"], 0, "both read stories were pruned");
    assert_eq!(s["last_vacuum"], serde_json::Value::Null);
    assert!(s["fts_bytes"].as_u64().unwrap() > 0, "{s}");
    assert!(
        s["free_pages"].as_u64().unwrap() > 0,
        "the prune left free pages: {s}"
    );
    let text = stdout(&ok(d, &["store", "stats"]));
    assert!(text.contains("last vacuum     never\n"), "{text}");
    assert!(
        text.contains("documents       5 (1 story, 4 articles; 0 read, 1 saved)"),
        "{text}"
    );

    let export = |d: &Path| stdout(&ok(d, &["export"]));
    let subscriptions = |d: &Path| stdout(&ok(d, &["subscriptions", "--json"]));
    let (docs, subs) = (export(d), subscriptions(d));
    let vacuum = ok(d, &["store", "vacuum"]);
    assert!(
        stdout(&vacuum).starts_with("vacuumed: "),
        "{}",
        stdout(&vacuum)
    );
    assert!(stderr(&vacuum).contains("may take a while"));
    assert_eq!(export(d), docs, "every document and mark");
    assert_eq!(subscriptions(d), subs);
    let s = stats(d);
    assert_eq!(s["free_pages"], 0);
    assert_eq!(s["wal_bytes"], 0);
    assert!(
        s["last_vacuum"]
            .as_str()
            .is_some_and(|t| t.starts_with("20")),
        "{s}"
    );
}

/// `n` story pages dated 3 Nov 2025, `Story bulk Number {i} Makes the News`.
fn write_pages(dir: &Path, n: usize) {
    for i in 0..n {
        std::fs::write(
            dir.join(format!("bulk-{i:05}.txt")),
            format!(
                "Story bulk Number {i} Makes the News\nUpdated (2 articles)\nFirst Heading Is Here The council met on Monday and voted on item {i} [1]. It passed easily [2].\nSources (2 articles)\n[1]\nDesk: Item {i} passes: Reports the vote on item {i}.\n[2]\nWire: Vote {i}: Covers the debate on item {i}.\nTimeline\nNov 3, 2025 – The vote on item {i} takes place. [1]\n"
            ),
        )
        .unwrap();
    }
}

/// `sql`'s one value in the store, read by the SQLite tidings is built with.
fn sqlite(dir: &Path, sql: &str) -> String {
    let conn = rusqlite::Connection::open_with_flags(
        dir.join("tidings.db"),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    conn.query_row(sql, [], |r| r.get::<_, rusqlite::types::Value>(0))
        .map(|v| match v {
            rusqlite::types::Value::Integer(n) => n.to_string(),
            rusqlite::types::Value::Text(t) => t,
            other => format!("{other:?}"),
        })
        .unwrap()
}

#[test]
fn a_prune_killed_half_way_keeps_whole_batches_and_every_saved_story() {
    const N: usize = 4_000;
    const BATCH: usize = tidings::store::PRUNE_BATCH;
    let pages = tempfile::tempdir().unwrap();
    write_pages(pages.path(), N);
    let made = tempfile::tempdir().unwrap();
    let m = made.path();
    ok(m, &["import", pages.path().to_str().unwrap()]);
    ok(
        m,
        &[
            "mark",
            "saved",
            "Story bulk Number 7 Makes",
            "Story bulk Number 3999 Makes",
        ],
    );
    let copy = |to: &Path| {
        for f in std::fs::read_dir(m).unwrap() {
            let f = f.unwrap();
            std::fs::copy(f.path(), to.join(f.file_name())).unwrap();
        }
    };
    let timed = tempfile::tempdir().unwrap();
    copy(timed.path());
    let started = std::time::Instant::now();
    ok(timed.path(), &["prune", "--older-than", "1d"]);
    let full = started.elapsed();

    const TRIALS: u32 = 6;
    let mut halfway = 0;
    for trial in 0..TRIALS {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        copy(d);
        let mut child = common::bin()
            .arg("--data-dir")
            .arg(d)
            .args(["prune", "--older-than", "1d"])
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(full.mul_f64(0.1 + 0.8 * f64::from(trial) / f64::from(TRIALS)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let left = list(d);
        let unsaved = left.iter().filter(|v| v["saved"] == false).count();
        assert_eq!(
            left.iter().filter(|v| v["saved"] == true).count(),
            2,
            "trial {trial}"
        );
        let removed = N - 2 - unsaved;
        assert!(
            removed.is_multiple_of(BATCH) || removed == N - 2,
            "trial {trial}: a batch was cut in half ({removed} removed)"
        );
        halfway += u32::from(removed > 0 && removed < N - 2);
        assert_eq!(sqlite(d, "PRAGMA integrity_check"), "ok", "trial {trial}");
        assert_eq!(
            sqlite(
                d,
                "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'council'"
            ),
            left.len().to_string(),
            "trial {trial}: the search rows went with their stories"
        );
    }
    eprintln!("prune kill -9 trials: {TRIALS}, killed half way: {halfway}");
    assert!(halfway > 0, "no trial killed a prune half way");
}
