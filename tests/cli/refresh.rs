//! `tidings subscribe`/`refresh`/`opml` against a real HTTP server on 127.0.0.1
//! started inside the test: Kagi samples, RSS, Atom, a 304, a 500, a stalled
//! server, a malformed feed and hostile bodies. Never touches the outside network.

use crate::common;

use common::tidings;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

use common::http_server::{Route, Server};

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/feeds")
            .join(name),
    )
    .unwrap()
}

fn kagi(name: &str) -> Option<Vec<u8>> {
    let p: PathBuf = common::shared()?.join("samples/kagi").join(name);
    std::fs::read(p).ok()
}

/// Subscribes without the check `subscribe` makes (these tests are about refresh).
fn subscribe(data: &Path, server: &Server, path: &str, name: &str) {
    let o = tidings(
        data,
        &["subscribe", "--no-check", &server.url(path), "--name", name],
    );
    assert!(o.status.success(), "{:?}", text(&o));
}

fn titles(data: &Path) -> Vec<String> {
    let (out, _) = text(&tidings(data, &["list", "--json", "--limit", "1000"]));
    out.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["title"].as_str().unwrap().to_string()
        })
        .collect()
}

const RSS: &str = "application/rss+xml";
const ATOM: &str = "application/atom+xml";
const JSON: &str = "application/json";

#[test]
fn refresh_lands_every_good_source_and_names_each_failing_one() {
    let Some(world) = kagi("kagi-kite_world_2025-04-27.json") else {
        eprintln!("SKIPPED: ../shared/samples/kagi is not present beside this checkout");
        return;
    };
    let index = kagi("kagi-kite_index_2025-04-27.json").unwrap();
    let newer = kagi("kagi-kite-feed_processed_2025-12-26.json").unwrap();
    let server = Server::start(vec![
        ("/kagi/kite.json", Route::body(index, JSON)),
        ("/kagi/world.json", Route::body(world, JSON)),
        ("/kagi/feed.json", Route::body(newer, JSON)),
        ("/gazette.rss", Route::body(fixture("gazette.rss"), RSS)),
        ("/wire.atom", Route::body(fixture("wire.atom"), ATOM)),
        ("/broken", Route::Status(500)),
        ("/stalled", Route::Stall(Duration::from_secs(30))),
        (
            "/malformed.rss",
            Route::body(&b"<rss version=\"2.0\"><channel><item><title>cut"[..], RSS),
        ),
        (
            "/page.html",
            Route::body(&b"<html><body>not a feed</body></html>"[..], "text/html"),
        ),
    ]);
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    subscribe(d, &server, "/kagi/kite.json", "Kagi");
    subscribe(d, &server, "/kagi/feed.json", "Kagi archive");
    subscribe(d, &server, "/gazette.rss", "Gazette");
    subscribe(d, &server, "/wire.atom", "Wire");
    subscribe(d, &server, "/broken", "Broken");
    subscribe(d, &server, "/stalled", "Stalled");
    subscribe(d, &server, "/malformed.rss", "Malformed");
    subscribe(d, &server, "/page.html", "Web page");

    let started = Instant::now();
    let o = tidings(d, &["refresh", "--timeout", "2"]);
    let elapsed = started.elapsed();
    let (out, err) = text(&o);
    assert_eq!(
        o.status.code(),
        Some(1),
        "a failing source makes the exit code 1"
    );
    assert!(
        out.contains(
            "Kagi: 12 added, 0 updated, 0 unchanged, 34 skipped (first: USA: HTTP 404 Not Found)"
        ),
        "{out}"
    );
    assert!(out.contains("Kagi archive: 19 added"), "{out}");
    assert!(out.contains("Gazette: 2 added"), "{out}");
    assert!(out.contains("Wire: 2 added"), "{out}");
    assert!(
        err.contains("tidings: Broken: HTTP 500 Internal Server Error"),
        "{err}"
    );
    assert!(
        err.contains("tidings: Stalled: no complete answer within 2 s; cut off"),
        "{err}"
    );
    assert!(err.contains("tidings: Malformed: not a feed:"), "{err}");
    assert!(
        err.contains("tidings: Web page: not a feed: an HTML page"),
        "{err}"
    );
    assert!(
        out.contains("refreshed 8 subscriptions: 35 added, 0 updated, 0 not modified, 4 failed"),
        "{out}"
    );
    // Bounded by the 2 s deadline, not by the 30 s stall (generous for a busy machine).
    assert!(elapsed < Duration::from_secs(20), "took {elapsed:?}");

    let all = titles(d);
    assert_eq!(all.len(), 35);
    let feeds = feeds(d);
    let count = |name: &str| feeds.iter().filter(|f| *f == name).count();
    assert_eq!(count("Gazette"), 2, "the subscription's name: {feeds:?}");
    assert_eq!(count("Wire"), 2);
    assert!(
        count("Kagi: World") > 0,
        "Kagi clusters by category: {feeds:?}"
    );
    assert!(
        feeds
            .iter()
            .all(|f| f.starts_with("Kagi: ") || f == "Gazette" || f == "Wire"),
        "{feeds:?}"
    );
    assert!(all.contains(&"Storm warning for the coast".to_string()));
    let fish = tidings(d, &["show", "--json", "Fish market"]);
    let doc: serde_json::Value = serde_json::from_slice(&fish.stdout).unwrap();
    assert_eq!(
        doc["lead"][0]["sentences"][0]["text"],
        "Stalls open at 6 a.m. on the north quay from next week — the old hall closes for renovation."
    );
    assert_eq!(
        doc["sources"][0]["url"],
        "https://gazette.example/2025/12/fish-market"
    );
    assert_eq!(doc["lead"][0]["sentences"][0]["citations"][0], 1);

    let (subs, _) = text(&tidings(d, &["subscriptions"]));
    assert!(
        subs.contains("Broken  ") && subs.contains("failed: HTTP 500"),
        "{subs}"
    );
}

#[test]
fn a_second_refresh_with_nothing_new_costs_one_conditional_request_each_and_changes_nothing() {
    let world = kagi("kagi-kite_world_2025-04-27.json");
    let mut routes = vec![
        (
            "/gazette.rss",
            Route::with_etag(fixture("gazette.rss"), RSS, "\"g1\""),
        ),
        (
            "/wire.atom",
            Route::with_last_modified(fixture("wire.atom"), ATOM, "Sun, 02 Nov 2025 10:00:00 GMT"),
        ),
    ];
    if let Some(world) = world {
        let index = br#"{"timestamp": 1, "categories": [{"name": "World", "file": "world.json"}]}"#;
        routes.push(("/kite.json", Route::with_etag(&index[..], JSON, "\"i1\"")));
        routes.push(("/world.json", Route::with_etag(world, JSON, "\"w1\"")));
    }
    let kagi_served = routes.len() == 4;
    let server = Server::start(routes);
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    subscribe(d, &server, "/gazette.rss", "Gazette");
    subscribe(d, &server, "/wire.atom", "Wire");
    if kagi_served {
        subscribe(d, &server, "/kite.json", "Kagi");
    }
    let first = tidings(d, &["refresh"]);
    assert!(first.status.success(), "{:?}", text(&first));
    let before = tidings(d, &["export"]).stdout;
    server.take_log();

    let second = tidings(d, &["refresh"]);
    let (out, err) = text(&second);
    assert!(second.status.success(), "{err}");
    assert!(
        out.contains("Gazette: not modified") && out.contains("Wire: not modified"),
        "{out}"
    );
    let log = server.take_log();
    let subs = if kagi_served { 3 } else { 2 };
    assert_eq!(log.len(), subs, "one request per subscription: {log:?}");
    for seen in &log {
        let conditional = seen.headers.contains_key("if-none-match")
            || seen.headers.contains_key("if-modified-since");
        assert!(conditional, "{} was asked for conditionally", seen.path);
        assert!(seen.headers["accept"].starts_with("application/rss+xml, application/atom+xml"));
    }
    assert_eq!(
        tidings(d, &["export"]).stdout,
        before,
        "the store is unchanged"
    );
    assert!(
        out.contains(&format!(
            "0 added, 0 updated, {subs} not modified, 0 failed"
        )),
        "{out}"
    );

    // A changed feed is fetched in full and its new item lands.
    let changed = String::from_utf8(fixture("gazette.rss")).unwrap().replacen(
        "<item>",
        "<item><title>Ferry timetable changes</title><link>https://gazette.example/ferry</link><description>New times from Monday.</description></item><item>",
        1,
    );
    server.set("/gazette.rss", Route::with_etag(changed, RSS, "\"g2\""));
    let (out, _) = text(&tidings(d, &["refresh"]));
    assert!(
        out.contains("Gazette: 1 added, 0 updated, 2 unchanged"),
        "{out}"
    );
}

#[test]
fn hostile_feeds_are_refused_or_cut_off_with_a_clear_message() {
    let escapes = "<rss version=\"2.0\"><channel><title>T</title><item><title>Breaking \x1b]0;pwned\x07news\x1b[2J here \u{202e}txet</title><link>https://e.example/1</link><description>Body \x1b[31mred\x1b[0m text.</description></item></channel></rss>";
    let server = Server::start(vec![
        ("/gigabyte", Route::Huge(1 << 30)),
        ("/endless", Route::Endless),
        ("/trickle", Route::Trickle(Duration::from_millis(100))),
        ("/laughs.rss", Route::body(fixture("hostile.rss"), RSS)),
        ("/escapes.rss", Route::body(escapes, RSS)),
        ("/bomb.rss", Route::Gzip(gzip_bomb(64 << 20))),
    ]);
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    subscribe(d, &server, "/gigabyte", "Gigabyte");
    subscribe(d, &server, "/endless", "Endless");
    subscribe(d, &server, "/trickle", "Trickle");
    subscribe(d, &server, "/laughs.rss", "Laughs");
    subscribe(d, &server, "/escapes.rss", "Escapes");
    subscribe(d, &server, "/bomb.rss", "Bomb");
    let started = Instant::now();
    let o = tidings(d, &["refresh", "--timeout", "3", "--max-bytes", "1048576"]);
    let elapsed = started.elapsed();
    let (out, err) = text(&o);
    assert!(
        err.contains("tidings: Gigabyte: the response is 1.0 GiB (over the 1 MiB limit); not read"),
        "{err}"
    );
    assert!(
        err.contains("tidings: Endless: the response is larger than 1 MiB; cut off"),
        "{err}"
    );
    assert!(
        err.contains("tidings: Trickle: no complete answer within 3 s; cut off"),
        "{err}"
    );
    assert!(
        err.contains("tidings: Bomb: the response is larger than 1 MiB; cut off"),
        "{err}"
    );
    assert!(out.contains("Laughs: 2 added"), "{out}");
    assert!(out.contains("Escapes: 1 added"), "{out}");
    assert!(elapsed < Duration::from_secs(25), "took {elapsed:?}");

    let all = titles(d);
    let laugh = all
        .iter()
        .find(|t| t.starts_with("Billion laughs"))
        .unwrap();
    assert_eq!(laugh, "Billion laughs &lol9;", "entities are not expanded");
    let breaking = all.iter().find(|t| t.starts_with("Breaking")).unwrap();
    assert!(!common::has_control(breaking), "{breaking:?}");
    let (shown, _) = text(&tidings(d, &["show", "Breaking"]));
    assert!(
        !shown.contains('\x1b') && !shown.contains('\u{202e}'),
        "{shown:?}"
    );
}

/// `size` bytes of spaces, gzipped (a few dozen KiB on the wire).
fn gzip_bomb(size: usize) -> Vec<u8> {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..size / chunk.len() {
        gz.write_all(&chunk).unwrap();
    }
    gz.finish().unwrap()
}

#[test]
fn opml_import_subscribes_export_reads_back_and_unsubscribe_keeps_stories() {
    let server = Server::start(vec![(
        "/gazette.rss",
        Route::body(fixture("gazette.rss"), RSS),
    )]);
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let opml = format!(
        r#"<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
<outline text="Local"><outline text="Gazette" xmlUrl="{}"/></outline>
<outline text="Wire &amp; Co" xmlUrl="https://wire.example/atom"/>
<outline text="Bad" xmlUrl="file:///etc/passwd"/></body></opml>"#,
        server.url("/gazette.rss")
    );
    let file = d.join("subs.opml");
    std::fs::write(&file, opml).unwrap();
    let o = tidings(d, &["opml", "import", file.to_str().unwrap()]);
    let (out, err) = text(&o);
    assert!(
        out.contains("2 subscribed, 0 already subscribed, 1 refused"),
        "{out}"
    );
    assert!(
        err.contains("file:///etc/passwd: only http:// and https:// URLs"),
        "{err}"
    );

    let exported = tidings(d, &["opml", "export"]).stdout;
    let again = d.join("again.opml");
    std::fs::write(&again, &exported).unwrap();
    let (out, _) = text(&tidings(d, &["opml", "import", again.to_str().unwrap()]));
    assert!(
        out.contains("0 subscribed, 2 already subscribed, 0 refused"),
        "{out}"
    );
    assert!(String::from_utf8_lossy(&exported).contains("text=\"Wire &amp; Co\""));

    let (_, err) = text(&tidings(d, &["unsubscribe", "Wire & Co"]));
    assert!(err.is_empty(), "{err}");
    tidings(d, &["refresh"]);
    let (out, _) = text(&tidings(d, &["unsubscribe", "Gazette"]));
    assert!(out.contains("its stories stay"), "{out}");
    assert_eq!(titles(d).len(), 2);
    let (subs, err) = text(&tidings(d, &["subscriptions"]));
    assert!(
        subs.is_empty() && err.contains("no subscriptions"),
        "{subs} {err}"
    );
}

#[test]
fn a_subscription_without_a_name_takes_its_feeds_title() {
    let server = Server::start(vec![(
        "/gazette.rss",
        Route::body(fixture("gazette.rss"), RSS),
    )]);
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let url = server.url("/gazette.rss");
    assert!(tidings(d, &["subscribe", &url]).status.success());
    let (out, _) = text(&tidings(d, &["refresh"]));
    assert!(out.contains("Harbour Gazette: 2 added"), "{out}");
    let (subs, _) = text(&tidings(d, &["subscriptions"]));
    assert!(
        subs.starts_with(&format!("Harbour Gazette  {url}")),
        "{subs}"
    );
    assert_eq!(feeds(d), ["Harbour Gazette", "Harbour Gazette"]);
    // A name the user gives is kept, and its stories are listed under it.
    tidings(d, &["subscribe", &url, "--name", "HG"]);
    assert_eq!(feeds(d), ["HG", "HG"]);
    tidings(d, &["refresh"]);
    let (subs, _) = text(&tidings(d, &["subscriptions"]));
    assert!(subs.starts_with("HG  "), "{subs}");
    assert_eq!(feeds(d), ["HG", "HG"]);
}

/// The feed of every listed story.
fn feeds(data: &Path) -> Vec<String> {
    let (out, _) = text(&tidings(data, &["list", "--json", "--limit", "0"]));
    out.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["feed"].as_str().unwrap().to_string()
        })
        .collect()
}

/// HTTPS end to end against a local server whose CA only `SSL_CERT_FILE` knows:
/// refused without it (the built-in roots do not know the CA), fetched with it;
/// a file with no certificates is a one-line error.
#[test]
fn https_feeds_are_fetched_with_the_roots_ssl_cert_file_names() {
    let (server, ca_pem) = Server::start_tls(vec![(
        "/gazette.rss",
        Route::body(fixture("gazette.rss"), RSS),
    )]);
    assert!(server.base.starts_with("https://127.0.0.1:"));
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    subscribe(d, &server, "/gazette.rss", "Gazette");

    let o = tidings(d, &["refresh"]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err.contains("tidings: Gazette: the server's TLS certificate is not trusted (UnknownIssuer); a private CA's certificate goes in SSL_CERT_FILE"),
        "{err}"
    );

    let ca = d.join("ca.pem");
    std::fs::write(&ca, ca_pem).unwrap();
    let o = common::bin()
        .args(["--data-dir", d.to_str().unwrap(), "refresh"])
        .env("SSL_CERT_FILE", &ca)
        .env_remove("https_proxy")
        .env_remove("HTTPS_PROXY")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .output()
        .unwrap();
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.contains("Gazette: 2 added"), "{out}");

    let empty = d.join("empty.pem");
    std::fs::write(&empty, "not a certificate\n").unwrap();
    let o = common::bin()
        .args(["--data-dir", d.to_str().unwrap(), "refresh"])
        .env("SSL_CERT_FILE", &empty)
        .output()
        .unwrap();
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err.contains("empty.pem: no PEM certificates in it"),
        "{err}"
    );
}

/// `subscribe` fetches the URL once and says what it is, or why it is not a feed
/// and subscribes to nothing; `--no-check` subscribes offline.
#[test]
fn subscribe_checks_the_url_once_and_says_what_it_is() {
    let server = Server::start(vec![
        ("/gazette.rss", Route::body(fixture("gazette.rss"), RSS)),
        ("/missing.rss", Route::Status(404)),
        (
            "/page.html",
            Route::body(&b"<html><body>not a feed</body></html>"[..], "text/html"),
        ),
    ]);
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let url = server.url("/gazette.rss");
    let o = tidings(d, &["subscribe", &url]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        out.contains("subscribed to Harbour Gazette") && out.contains("2 items"),
        "{out}"
    );
    assert_eq!(server.take_log().len(), 1, "fetched once");
    assert_eq!(titles(d).len(), 0, "the check imports nothing");

    for (path, reason) in [
        ("/missing.rss", "HTTP 404 Not Found"),
        ("/page.html", "not a feed: an HTML page"),
    ] {
        let o = tidings(d, &["subscribe", &server.url(path)]);
        let (out, err) = text(&o);
        assert_eq!(o.status.code(), Some(1), "{out}");
        assert!(err.contains(reason), "{err}");
        assert!(err.contains("--no-check"), "{err}");
    }
    let (subs, _) = text(&tidings(d, &["subscriptions"]));
    assert_eq!(subs.lines().count(), 1, "{subs}");

    let o = tidings(d, &["subscribe", "--no-check", &server.url("/missing.rss")]);
    assert!(o.status.success(), "{:?}", text(&o));
    let (subs, _) = text(&tidings(d, &["subscriptions"]));
    assert_eq!(subs.lines().count(), 2, "{subs}");
}

/// A refresh ended by SIGTERM or SIGINT ends as that signal's default does, so a
/// shell reports 143 or 130 (and a script's loop stops on Ctrl-C).
#[test]
fn a_refresh_ended_by_a_signal_reports_that_signal() {
    use std::os::unix::process::ExitStatusExt;
    let server = Server::start(vec![("/stalled", Route::Stall(Duration::from_secs(30)))]);
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    subscribe(d, &server, "/stalled", "Stalled");
    for (signal, number) in [("TERM", 15), ("INT", 2)] {
        server.take_log();
        let mut child = common::bin()
            .arg("--data-dir")
            .arg(d)
            .arg("refresh")
            .env_remove("http_proxy")
            .env_remove("HTTP_PROXY")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        while server.take_log().is_empty() {
            assert!(start.elapsed() < Duration::from_secs(20), "no request came");
            std::thread::sleep(Duration::from_millis(20));
        }
        let sent = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let status = child.wait().unwrap();
        assert_eq!(status.signal(), Some(number), "{signal}: {status:?}");
    }
}

#[test]
fn refresh_takes_the_configs_limits_and_its_flags_override_them() {
    let server = Server::start(vec![
        ("/stalled", Route::Stall(Duration::from_secs(20))),
        ("/big", Route::Huge(4 << 20)),
    ]);
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    subscribe(d, &server, "/stalled", "Stalled");
    subscribe(d, &server, "/big", "Big");
    let config = d.join("config.toml");
    std::fs::write(
        &config,
        "[refresh]\njobs = 2\ntimeout_secs = 1\nmax_bytes = 1048576\n",
    )
    .unwrap();
    let with_config = |args: &[&str]| {
        let mut all = vec!["--config", config.to_str().unwrap(), "refresh"];
        all.extend_from_slice(args);
        tidings(d, &all)
    };
    let started = Instant::now();
    let (_, err) = text(&with_config(&[]));
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "the file's 1 s"
    );
    assert!(
        err.contains("tidings: Stalled: no complete answer within 1 s; cut off"),
        "{err}"
    );
    assert!(err.contains("over the 1 MiB limit"), "{err}");
    let (_, err) = text(&with_config(&["--timeout", "2", "--max-bytes", "8388608"]));
    assert!(
        err.contains("tidings: Stalled: no complete answer within 2 s; cut off"),
        "{err}"
    );
    assert!(!err.contains("limit"), "8 MiB allowed: {err}");
}

/// Issue #19 item 1: two subscriptions bringing the same link make one story
/// of two outlets (the first keeps it, the other joins it), a refresh again
/// changes nothing, and the feeds keep knowing it when renamed.
#[test]
fn two_subscriptions_bringing_the_same_link_make_one_story() {
    let server = Server::start(vec![
        (
            "/agency.rss",
            Route::body(fixture("overlap-agency.rss"), RSS),
        ),
        ("/daily.rss", Route::body(fixture("overlap-daily.rss"), RSS)),
    ]);
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    subscribe(d, &server, "/agency.rss", "Agency");
    let (out, err) = text(&tidings(d, &["refresh"]));
    assert!(out.contains("Agency: 2 added"), "{out}{err}");
    subscribe(d, &server, "/daily.rss", "Daily");
    let (out, err) = text(&tidings(d, &["refresh"]));
    assert!(out.contains("Daily: 2 added, 1 updated"), "{out}{err}");
    let rows = |d: &Path| -> Vec<serde_json::Value> {
        let (out, _) = text(&tidings(d, &["list", "--json", "--limit", "0"]));
        out.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let listed = rows(d);
    assert_eq!(listed.len(), 4, "{listed:?}");
    let merged: Vec<&serde_json::Value> = listed.iter().filter(|r| r["outlets"] == 2).collect();
    assert_eq!(merged.len(), 1, "{listed:?}");
    let id = merged[0]["id"].clone();
    let (out, _) = text(&tidings(d, &["refresh"]));
    assert!(
        out.contains("Daily: 0 added, 0 updated, 3 unchanged"),
        "{out}"
    );
    assert!(
        out.contains("Agency: 0 added, 0 updated, 2 unchanged"),
        "{out}"
    );
    assert_eq!(rows(d), listed, "nothing changed");

    tidings(
        d,
        &["subscribe", &server.url("/agency.rss"), "--name", "Wire"],
    );
    let (out, _) = text(&tidings(d, &["remove", "--feed", "Daily"]));
    assert!(out.contains("kept 1 story another feed"), "{out}");
    let listed = rows(d);
    assert_eq!(listed.len(), 2, "{listed:?}");
    let kept = listed.iter().find(|r| r["id"] == id).unwrap();
    assert_eq!(
        (kept["feed"].as_str(), kept["outlets"].as_u64()),
        (Some("Wire"), Some(1))
    );
    let (out, _) = text(&tidings(d, &["remove", "--feed", "Wire"]));
    assert!(!out.contains("kept"), "no other feed has it now: {out}");
    assert!(rows(d).is_empty());
}
