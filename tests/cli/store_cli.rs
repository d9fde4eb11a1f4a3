//! The store as scripts use it: import, list, show, search, export, remove, mark,
//! each against a temporary data directory (never the user's).

use crate::common;

use common::tidings;

use std::path::Path;
use std::process::Output;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

const STORY_V1: &str = "Harbour Bridge Reopens After Repairs\nUpdated (2 articles)\nRepairs Finish Ahead of Schedule The bridge reopened on Monday after eight weeks of work [1]. Traffic returned to normal by evening [2].\nSources (2 articles)\n[1]\nCity Desk: Bridge reopens: Reports the reopening and the repairs.\n[2]\nTraffic Today: Roads clear: Tracks the traffic after the reopening.\nTimeline\nSep 2025 – The bridge closes for repairs. [1]\nNov 3, 2025 – The bridge reopens. [1][2]\n";

fn story_v2() -> String {
    STORY_V1.replace("Updated (2 articles)", "Updated (3 articles)")
        + "Nov 4, 2025 – Engineers publish the inspection report. [2]\n"
}

#[test]
fn reimport_is_unchanged_and_a_newer_version_updates_in_place_keeping_marks() {
    let dir = tempfile::tempdir().unwrap();
    let pages = tempfile::tempdir().unwrap();
    let v1 = write(pages.path(), "v1.txt", STORY_V1);
    let out = tidings(dir.path(), &["import", &v1]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("1 added, 0 updated, 0 unchanged, 0 failed"));
    let again = tidings(dir.path(), &["import", &v1]);
    assert!(stdout(&again).contains("0 added, 0 updated, 1 unchanged"));

    assert!(tidings(dir.path(), &["mark", "read", "harbour"])
        .status
        .success());
    assert!(tidings(dir.path(), &["mark", "saved", "harbour"])
        .status
        .success());
    let v2 = write(pages.path(), "v2.txt", &story_v2());
    let upd = tidings(dir.path(), &["import", &v2]);
    assert!(
        stdout(&upd).contains("0 added, 1 updated"),
        "{}",
        stdout(&upd)
    );
    let older = tidings(dir.path(), &["import", &v1]);
    assert!(
        stdout(&older).contains("1 unchanged"),
        "an older version never overwrites"
    );

    let list = stdout(&tidings(dir.path(), &["list", "--json"]));
    let item: serde_json::Value = serde_json::from_str(list.lines().next().unwrap()).unwrap();
    assert_eq!(item["event_count"], 3);
    assert_eq!(item["article_count"], 3);
    assert_eq!(item["read"], false, "updated since read: unread again");
    assert_eq!(item["updated"], true);
    assert_eq!(item["saved"], true);
    assert_eq!(
        item["latest"], "2025-11-04",
        "the date, not the label as written"
    );
    let text = stdout(&tidings(dir.path(), &["list"]));
    assert!(text.contains("4 Nov 2025"), "shown one way: {text}");
}

#[test]
fn list_is_newest_first_and_unread_filters() {
    let dir = tempfile::tempdir().unwrap();
    let pages = tempfile::tempdir().unwrap();
    let a = write(pages.path(), "a.txt", STORY_V1);
    let b = write(
        pages.path(),
        "b.txt",
        &STORY_V1
            .replace("Harbour Bridge Reopens", "Ferry Terminal Opens")
            .replace("Nov 3, 2025", "Dec 1, 2025"),
    );
    assert!(tidings(dir.path(), &["import", &a, &b]).status.success());
    let titles: Vec<String> = stdout(&tidings(dir.path(), &["list", "--json"]))
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["title"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        titles,
        [
            "Ferry Terminal Opens After Repairs",
            "Harbour Bridge Reopens After Repairs"
        ]
    );
    tidings(dir.path(), &["mark", "read", "ferry"]);
    let unread = stdout(&tidings(dir.path(), &["list", "--unread"]));
    assert!(
        unread.contains("Harbour") && !unread.contains("Ferry"),
        "{unread}"
    );
    assert_eq!(
        stdout(&tidings(dir.path(), &["list", "--limit", "1"]))
            .lines()
            .count(),
        1
    );
}

#[test]
fn show_by_id_prefix_or_title_prefix_and_ambiguity_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let samples = common::samples();
    assert!(tidings(dir.path(), &["import", samples.to_str().unwrap()])
        .status
        .success());
    let json = stdout(&tidings(dir.path(), &["show", "private lander", "--json"]));
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["timeline"].as_array().unwrap().len(), 14);
    let id = stdout(&tidings(dir.path(), &["list", "--json"]))
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["title"] == doc["title"])
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let by_id = tidings(dir.path(), &["show", &id[..6]]);
    assert!(
        stdout(&by_id).starts_with("# Private Lander Touches Down"),
        "{}",
        stdout(&by_id)
    );
    let amb = tidings(dir.path(), &["show", "c"]);
    assert!(!amb.status.success());
    let none = tidings(dir.path(), &["show", "zzzz no such"]);
    assert!(
        stderr(&none).contains("no document matches"),
        "{}",
        stderr(&none)
    );
}

#[test]
fn search_folds_case_diacritics_dashes_quotes_and_spaces() {
    let dir = tempfile::tempdir().unwrap();
    let pages = tempfile::tempdir().unwrap();
    let page = "La Corée du Sud et le Japon signent un accord\nUpdated (1 articles)\nAccord Sur la Pêche Signé à Séoul The Korea\u{2011}China talks and “pragmatic” diplomacy went on in Seoul\u{a0}today [1].\n";
    let p = write(pages.path(), "p.txt", page);
    assert!(tidings(dir.path(), &["import", &p]).status.success());
    for q in [
        "coree",
        "CORÉE",
        "Korea-China",
        "korea china",
        "\"pragmatic\"",
        "seoul today",
        "peche",
    ] {
        let out = tidings(dir.path(), &["search", q]);
        assert!(out.status.success(), "query {q:?} found nothing");
        assert!(stdout(&out).contains("La Corée du Sud"), "{q}");
    }
    let snippet = stdout(&tidings(dir.path(), &["search", "pragm"]));
    assert!(snippet.contains("«pragmatic»"), "{snippet}");
    assert!(!tidings(dir.path(), &["search", "nothing-like-this"])
        .status
        .success());
}

#[test]
fn json_export_reimports_to_an_identical_store() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let samples = common::samples();
    assert!(tidings(dir.path(), &["import", samples.to_str().unwrap()])
        .status
        .success());
    let first = out_dir.path().join("first.jsonl");
    assert!(
        tidings(dir.path(), &["export", "-o", first.to_str().unwrap()])
            .status
            .success()
    );
    let dir2 = tempfile::tempdir().unwrap();
    let imp = tidings(dir2.path(), &["import", first.to_str().unwrap()]);
    assert!(stdout(&imp).contains("12 added"), "{}", stdout(&imp));
    let second = out_dir.path().join("second.jsonl");
    assert!(
        tidings(dir2.path(), &["export", "-o", second.to_str().unwrap()])
            .status
            .success()
    );
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap()
    );
    assert_eq!(
        stdout(&tidings(dir.path(), &["list", "--json"])),
        stdout(&tidings(dir2.path(), &["list", "--json"]))
    );
}

#[test]
fn markdown_export_numbers_sources_and_keeps_markers() {
    let dir = tempfile::tempdir().unwrap();
    let pages = tempfile::tempdir().unwrap();
    let p = write(pages.path(), "v1.txt", STORY_V1);
    tidings(dir.path(), &["import", &p]);
    let md = stdout(&tidings(dir.path(), &["export", "--format", "markdown"]));
    assert!(md.contains("# Harbour Bridge Reopens After Repairs"));
    assert!(
        md.contains("The bridge reopened on Monday after eight weeks of work.[1]"),
        "{md}"
    );
    assert!(
        md.contains("2. Traffic Today: Roads clear — Tracks the traffic"),
        "{md}"
    );
    assert!(
        md.contains("- **Nov 3, 2025** — The bridge reopens.[1][2]"),
        "{md}"
    );
}

#[test]
fn remove_and_failed_files_are_reported_while_good_ones_land() {
    let dir = tempfile::tempdir().unwrap();
    let pages = tempfile::tempdir().unwrap();
    let good = write(pages.path(), "good.txt", STORY_V1);
    let empty = write(pages.path(), "empty.txt", "");
    let bad_json = write(pages.path(), "bad.json", "{\"title\": \"x\"}");
    let out = tidings(dir.path(), &["import", &good, &empty, &bad_json]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("empty.txt: empty page"), "{err}");
    assert!(
        err.contains("bad.json: document 1 is not a tidings document"),
        "{err}"
    );
    assert!(
        stdout(&out).contains("1 added, 0 updated, 0 unchanged, 2 failed"),
        "{}",
        stdout(&out)
    );
    assert!(tidings(dir.path(), &["remove", "harbour"]).status.success());
    assert_eq!(stdout(&tidings(dir.path(), &["list"])), "");
}

#[test]
fn related_cards_link_to_stored_documents_by_title() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = tidings::store::Store::open(dir.path()).unwrap();
    tidings::import::import_documents(&mut store, &tidings::samples::documents()).unwrap();
    let uid = store.resolve("Helicopter crews").unwrap();
    let doc = store.get(&uid).unwrap().doc;
    let links = store.related_links(&doc).unwrap();
    let storms = store.resolve("Late-season storms").unwrap();
    assert_eq!(links[0].as_deref(), Some(storms.as_str()));
    assert_eq!(links[1], None);
}

#[test]
fn demo_uses_a_throw_away_store_with_the_samples() {
    let dir = tempfile::tempdir().unwrap();
    let out = tidings(dir.path(), &["--demo", "list"]);
    assert_eq!(stdout(&out).lines().count(), 12, "{}", stdout(&out));
    assert!(
        !dir.path().join("tidings.db").exists(),
        "--demo never touches the real store"
    );
}

/// A store that some other program wrote escape sequences into (tidings cleans
/// what it imports, so only tampering puts them there): every command that prints
/// from it, in every format, still prints no control character.
#[test]
fn a_tampered_store_prints_no_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        tidings(dir.path(), &["import", common::samples().to_str().unwrap()])
            .status
            .success()
    );
    let evil = "\u{1b}]0;PWNED\u{7}\u{1b}]52;c;UFdORUQ=\u{7}\u{9b}2J\u{202e}";
    let sql = format!(
        "UPDATE documents SET title = title || '{evil}', latest_label = '{evil}',
           json = replace(json, '\"title\":\"', '\"title\":\"{json_evil}')",
        json_evil = serde_json::to_string(evil).unwrap().trim_matches('"')
    );
    // Python's sqlite3 writes the file as another program would.
    let py = std::process::Command::new("python3")
        .arg("-c")
        .arg("import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()")
        .arg(dir.path().join("tidings.db"))
        .arg(sql)
        .output()
        .unwrap();
    assert!(
        py.status.success(),
        "{}",
        String::from_utf8_lossy(&py.stderr)
    );
    let id = stdout(&tidings(dir.path(), &["list", "--limit", "1"]))[..8].to_string();
    for args in [
        vec!["list"],
        vec!["list", "--json"],
        vec!["show", &id],
        vec!["show", "--json", &id],
        vec!["search", "the"],
        vec!["search", "--json", "the"],
        vec!["export", "--format", "json"],
        vec!["export", "--format", "markdown"],
    ] {
        let out = tidings(dir.path(), &args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(!text.is_empty(), "{args:?} printed nothing");
        assert!(
            !common::has_control(&text),
            "{args:?} printed a control: {text:?}"
        );
    }
}

/// A podcast feed: every item links to the show's home page, each has its own guid.
fn podcast(episodes: usize, corrected: Option<usize>) -> String {
    let items: String = (1..=episodes)
        .rev()
        .map(|n| {
            let title = if corrected == Some(n) {
                format!("Episode {n}: the corrected title")
            } else {
                format!("Episode {n}")
            };
            format!(
                "<item><title>{title}</title><link>https://show.example/</link>\
                 <guid isPermaLink=\"false\">show-ep-{n}</guid>\
                 <pubDate>Mon, {:02} Sep 2025 06:00:00 GMT</pubDate>\
                 <description>Notes for episode {n}.</description>\
                 <enclosure url=\"https://cdn.example/ep{n}.mp3\" type=\"audio/mpeg\" length=\"1\"/></item>",
                n % 28 + 1
            )
        })
        .collect();
    format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>The Show</title><link>https://show.example/</link>{items}</channel></rss>")
}

fn list_json(dir: &Path) -> Vec<serde_json::Value> {
    stdout(&tidings(dir, &["list", "--json", "--limit", "1000"]))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn feed_items_are_known_by_their_guid_so_shared_links_stay_apart_and_refetches_are_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let feed = write(files.path(), "show.rss", &podcast(40, None));
    let first = tidings(dir.path(), &["import", &feed]);
    assert!(
        stdout(&first).contains("40 added, 0 updated, 0 unchanged, 0 failed"),
        "{}",
        stdout(&first)
    );
    let again = tidings(dir.path(), &["import", &feed]);
    assert!(
        stdout(&again).contains("0 added, 0 updated, 40 unchanged"),
        "{}",
        stdout(&again)
    );

    let items = list_json(dir.path());
    let ep7 = items.iter().find(|i| i["title"] == "Episode 7").unwrap();
    let id = ep7["id"].as_str().unwrap();
    assert!(tidings(dir.path(), &["mark", "read", id]).status.success());
    assert!(tidings(dir.path(), &["mark", "saved", id]).status.success());

    let corrected = write(files.path(), "show2.rss", &podcast(40, Some(7)));
    let upd = tidings(dir.path(), &["import", &corrected]);
    assert!(
        stdout(&upd).contains("0 added, 1 updated, 39 unchanged"),
        "{}",
        stdout(&upd)
    );
    let items = list_json(dir.path());
    assert_eq!(items.len(), 40);
    let ep7 = items.iter().find(|i| i["id"] == id).unwrap();
    assert_eq!(ep7["title"], "Episode 7: the corrected title");
    assert_eq!(
        (
            ep7["read"].clone(),
            ep7["saved"].clone(),
            ep7["updated"].clone()
        ),
        (false.into(), true.into(), true.into()),
        "read before, updated since: unread again, still saved"
    );
}

/// Stores written before guids counted keyed a feed item by its link; the first
/// fetch after the upgrade takes that article over under its guid, marks kept.
#[test]
fn an_item_stored_under_its_link_by_an_older_version_keeps_its_marks() {
    let dir = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let feed = write(files.path(), "show.rss", &podcast(3, None));
    let scratch = tempfile::tempdir().unwrap();
    assert!(tidings(scratch.path(), &["import", &feed]).status.success());
    let ep3 = stdout(&tidings(
        scratch.path(),
        &["export", "--format", "json", "Episode 3"],
    ));
    let mut old: serde_json::Value = serde_json::from_str(ep3.trim()).unwrap();
    // As older versions stored it: no identity, and no enclosure among the sources.
    old.as_object_mut().unwrap().remove("item_id");
    old["sources"].as_array_mut().unwrap().truncate(1);
    let old_file = write(files.path(), "old.json", &old.to_string());
    assert!(tidings(dir.path(), &["import", &old_file]).status.success());
    assert!(tidings(dir.path(), &["mark", "saved", "Episode 3"])
        .status
        .success());

    let out = tidings(dir.path(), &["import", &feed]);
    assert!(
        stdout(&out).contains("2 added, 1 updated, 0 unchanged"),
        "{}",
        stdout(&out)
    );
    let items = list_json(dir.path());
    assert_eq!(items.len(), 3);
    let ep3 = items.iter().find(|i| i["title"] == "Episode 3").unwrap();
    assert_eq!(ep3["saved"], true);
    let again = tidings(dir.path(), &["import", &feed]);
    assert!(
        stdout(&again).contains("0 added, 0 updated, 3 unchanged"),
        "{}",
        stdout(&again)
    );
}

/// The ids and titles `list --json` prints, in order.
fn ids_and_titles(dir: &Path) -> Vec<(String, String)> {
    list_json(dir)
        .iter()
        .map(|v| {
            (
                v["id"].as_str().unwrap().to_string(),
                v["title"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Two stories in a fresh store: "Harbour Bridge…" and "Ferry Terminal…".
fn two_stories() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let pages = tempfile::tempdir().unwrap();
    let a = write(pages.path(), "a.txt", STORY_V1);
    let b = write(
        pages.path(),
        "b.txt",
        &STORY_V1.replace("Harbour Bridge Reopens", "Ferry Terminal Opens"),
    );
    assert!(tidings(dir.path(), &["import", &a, &b]).status.success());
    dir
}

#[test]
fn remove_refuses_short_or_ambiguous_names_and_says_what_it_removed() {
    let dir = two_stories();
    let d = dir.path();
    let before = ids_and_titles(d);
    // A one-character title prefix that is unique still removes nothing.
    let short = tidings(d, &["remove", "h"]);
    assert_eq!(short.status.code(), Some(1));
    assert!(
        stderr(&short).contains("at least 4 characters"),
        "{}",
        stderr(&short)
    );
    assert_eq!(ids_and_titles(d), before);
    // Several names: all are checked before anything is removed.
    let partly = tidings(d, &["remove", "harbour", "zzzz no such"]);
    assert!(!partly.status.success());
    assert!(stderr(&partly).contains("no document matches"));
    assert_eq!(ids_and_titles(d), before);
    // An id prefix of 4 and a title prefix, at once; each is named as it goes.
    let ferry = &before
        .iter()
        .find(|(_, t)| t.starts_with("Ferry"))
        .unwrap()
        .0;
    let out = tidings(d, &["remove", &ferry[..4], "harb"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let printed = stdout(&out);
    assert!(
        printed.contains(&format!(
            "removed {}  Ferry Terminal Opens After Repairs",
            &ferry[..8]
        )),
        "{printed}"
    );
    assert!(
        printed.contains("Harbour Bridge Reopens After Repairs"),
        "{printed}"
    );
    assert_eq!(printed.lines().count(), 2, "{printed}");
    assert!(ids_and_titles(d).is_empty());
}

#[test]
fn removing_a_saved_story_needs_yes_when_no_terminal_can_ask() {
    let dir = two_stories();
    let d = dir.path();
    assert!(tidings(d, &["mark", "saved", "harbour"]).status.success());
    let refused = tidings(d, &["remove", "ferry", "harbour"]);
    assert_eq!(refused.status.code(), Some(1));
    let err = stderr(&refused);
    assert!(
        err.contains("Harbour Bridge Reopens After Repairs") && err.contains("--yes"),
        "{err}"
    );
    assert_eq!(stdout(&refused), "");
    assert_eq!(ids_and_titles(d).len(), 2, "nothing was removed");
    let yes = tidings(d, &["remove", "--yes", "harbour"]);
    assert!(yes.status.success(), "{}", stderr(&yes));
    assert!(stdout(&yes).contains("removed"));
    assert_eq!(ids_and_titles(d).len(), 1);
}

#[test]
fn remove_samples_clears_the_bundled_samples_and_nothing_else() {
    let dir = two_stories();
    let d = dir.path();
    {
        let mut store = tidings::store::Store::open(d).unwrap();
        tidings::import::import_documents(&mut store, &tidings::samples::documents()).unwrap();
    }
    assert_eq!(ids_and_titles(d).len(), 14);
    let out = tidings(d, &["remove", "--samples"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 12, "{}", stdout(&out));
    let left: Vec<String> = ids_and_titles(d).into_iter().map(|(_, t)| t).collect();
    assert_eq!(
        left,
        [
            "Ferry Terminal Opens After Repairs",
            "Harbour Bridge Reopens After Repairs"
        ]
    );
    let again = tidings(d, &["remove", "--samples"]);
    assert!(again.status.success());
    assert!(
        stderr(&again).contains("no sample stories"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn export_carries_read_and_saved_marks_and_import_restores_them() {
    let dir = two_stories();
    let d = dir.path();
    assert!(tidings(d, &["mark", "read", "harbour"]).status.success());
    assert!(tidings(d, &["mark", "saved", "harbour"]).status.success());
    assert!(tidings(d, &["mark", "saved", "ferry"]).status.success());
    let files = tempfile::tempdir().unwrap();
    let x = files.path().join("x.json");
    assert!(tidings(d, &["export", "-o", x.to_str().unwrap()])
        .status
        .success());
    let fresh = tempfile::tempdir().unwrap();
    let imp = tidings(fresh.path(), &["import", x.to_str().unwrap()]);
    assert!(imp.status.success(), "{}", stderr(&imp));
    assert_eq!(
        stdout(&tidings(d, &["list", "--json"])),
        stdout(&tidings(fresh.path(), &["list", "--json"])),
        "the same marks in the new store"
    );
    // An export written before marks were carried still imports, unmarked.
    let old: String = std::fs::read_to_string(&x)
        .unwrap()
        .lines()
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            v.as_object_mut().unwrap().remove("marks");
            v.to_string() + "\n"
        })
        .collect();
    let old_file = write(files.path(), "old.json", &old);
    let older = tempfile::tempdir().unwrap();
    assert!(tidings(older.path(), &["import", &old_file])
        .status
        .success());
    assert!(list_json(older.path())
        .iter()
        .all(|v| v["read"] == false && v["saved"] == false));
}

#[test]
fn export_carries_the_feed_each_story_is_listed_under() {
    let d = tempfile::tempdir().unwrap();
    let feed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/feeds/gazette.rss");
    assert!(tidings(d.path(), &["import", feed.to_str().unwrap()])
        .status
        .success());
    let before = list_json(d.path());
    assert!(
        before.iter().all(|v| v["feed"] == "Harbour Gazette"),
        "{before:?}"
    );
    let files = tempfile::tempdir().unwrap();
    let x = files.path().join("x.json");
    assert!(tidings(d.path(), &["export", "-o", x.to_str().unwrap()])
        .status
        .success());
    assert!(std::fs::read_to_string(&x)
        .unwrap()
        .contains("\"feed\":\"Harbour Gazette\""));
    let fresh = tempfile::tempdir().unwrap();
    assert!(tidings(fresh.path(), &["import", x.to_str().unwrap()])
        .status
        .success());
    assert_eq!(
        list_json(fresh.path()),
        before,
        "the feed survives the round trip"
    );
}

#[test]
fn list_zero_means_all_and_an_empty_store_says_how_to_add_stories() {
    let empty = tempfile::tempdir().unwrap();
    let out = tidings(empty.path(), &["list"]);
    assert!(out.status.success());
    assert_eq!(stdout(&out), "");
    assert!(stderr(&out).contains("tidings import"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("tidings subscribe"),
        "{}",
        stderr(&out)
    );

    let dir = tempfile::tempdir().unwrap();
    let feed = tempfile::tempdir().unwrap();
    let f = write(feed.path(), "show.rss", &podcast(60, None));
    assert!(tidings(dir.path(), &["import", &f]).status.success());
    let all = tidings(dir.path(), &["list", "--limit", "0"]);
    assert_eq!(stdout(&all).lines().count(), 60);
    let default = tidings(dir.path(), &["list"]);
    assert_eq!(stdout(&default).lines().count(), 50);
    assert_eq!(
        stderr(&default),
        "",
        "the note on what is left out is for a terminal only"
    );
}

#[test]
fn search_says_when_nothing_matches() {
    let dir = two_stories();
    let none = tidings(dir.path(), &["search", "nothing-like-this"]);
    assert_eq!(none.status.code(), Some(1));
    assert_eq!(stdout(&none), "");
    assert!(
        stderr(&none).contains("no matches for \"nothing-like-this\""),
        "{}",
        stderr(&none)
    );
    let empty = tidings(dir.path(), &["search", " "]);
    assert_eq!(empty.status.code(), Some(1));
    assert!(
        stderr(&empty).contains("give a word to search for"),
        "{}",
        stderr(&empty)
    );
}

/// Issue #18: `search --help` carries the query language's reference, every
/// line of it; `-h` stays short; `mark --help` points at it.
#[test]
fn search_help_lists_the_query_terms() {
    let dir = tempfile::tempdir().unwrap();
    let long = stdout(&tidings(dir.path(), &["search", "--help"]));
    assert!(long.contains("cites:reuters.com"), "{long}");
    for line in tidings::query::REFERENCE.lines() {
        assert!(long.contains(line), "{line:?} in:\n{long}");
    }
    let short = stdout(&tidings(dir.path(), &["search", "-h"]));
    assert!(!short.contains("cites:"), "{short}");
    let mark = stdout(&tidings(dir.path(), &["mark", "--help"]));
    assert!(mark.contains("tidings search --help"), "{mark}");
}

#[test]
fn a_data_dir_that_is_a_file_is_said_to_be_no_directory() {
    let files = tempfile::tempdir().unwrap();
    let file = write(files.path(), "not-a-dir", "x");
    let out = tidings(Path::new(&file), &["list"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("not a directory"), "{err}");
    assert!(!err.contains("File exists"), "{err}");
}

/// Results on stdout, progress and diagnostics on stderr: the summary of an
/// import is its result.
#[test]
fn summaries_are_results_on_stdout_and_failures_diagnostics_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let pages = tempfile::tempdir().unwrap();
    let good = write(pages.path(), "good.txt", STORY_V1);
    let empty = write(pages.path(), "empty.txt", "");
    let out = tidings(dir.path(), &["import", &good, &empty]);
    assert!(
        stdout(&out).contains("imported: 1 added, 0 updated, 0 unchanged, 1 failed"),
        "{}",
        stdout(&out)
    );
    assert!(!stderr(&out).contains("imported:"), "{}", stderr(&out));
    assert!(stderr(&out).contains("empty.txt: empty page"));
}

fn samples_store() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let samples = common::samples();
    assert!(tidings(dir.path(), &["import", samples.to_str().unwrap()])
        .status
        .success());
    dir
}

fn field(dir: &Path, args: &[&str], name: &str) -> Vec<String> {
    list_json_of(dir, args)
        .iter()
        .map(|v| v[name].as_str().unwrap().to_string())
        .collect()
}

fn list_json_of(dir: &Path, args: &[&str]) -> Vec<serde_json::Value> {
    let out = tidings(dir, &[&["list", "--json", "--limit", "0"], args].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn every_row_names_its_feed_and_list_shows_one_feed_saved_or_sorted() {
    let dir = samples_store();
    let d = dir.path();
    let feeds = field(d, &[], "feed");
    assert_eq!(feeds.len(), 12);
    assert_eq!(
        feeds.iter().filter(|f| *f == "Coastal Wire").count(),
        2,
        "{feeds:?}"
    );
    assert_eq!(feeds.iter().filter(|f| *f == "Kagi: Business").count(), 1);
    assert_eq!(feeds.iter().filter(|f| *f == "pages I saved").count(), 9);
    let text = stdout(&tidings(d, &["list", "--feed", "coastal wire"]));
    assert_eq!(
        text.lines().count(),
        2,
        "a feed by name, case aside: {text}"
    );
    assert!(
        text.lines().all(|l| l.ends_with("· Coastal Wire)")),
        "the text rows name the feed: {text}"
    );

    let by_title = field(d, &["--sort", "title"], "title");
    let mut sorted = by_title.clone();
    sorted.sort_by_key(|t| t.to_lowercase());
    assert_eq!(by_title, sorted);
    let newest = field(d, &[], "id");
    let mut oldest = field(d, &["--sort", "oldest"], "id");
    oldest.reverse();
    assert_eq!(newest, oldest);
    let sources: Vec<u64> = list_json_of(d, &["--sort", "sources"])
        .iter()
        .map(|v| v["source_count"].as_u64().unwrap())
        .collect();
    assert!(sources.windows(2).all(|w| w[0] >= w[1]), "{sources:?}");
    let bad = tidings(d, &["list", "--sort", "random"]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("newest"), "{}", stderr(&bad));

    assert!(tidings(d, &["mark", "saved", "private lander"])
        .status
        .success());
    assert_eq!(
        field(d, &["--saved"], "title"),
        ["Private Lander Touches Down Near the Moon's South Pole"]
    );
    let none = tidings(d, &["list", "--feed", "No such feed"]);
    assert!(!none.status.success());
    assert!(
        stderr(&none).contains("no feed is named \"No such feed\"; `tidings feeds` lists them"),
        "{}",
        stderr(&none)
    );
    let empty = tidings(d, &["list", "--saved", "--feed", "Coastal Wire"]);
    assert!(empty.status.success());
    assert!(
        stderr(&empty).contains("no saved stories in Coastal Wire"),
        "{}",
        stderr(&empty)
    );
}

#[test]
fn feeds_lists_each_feed_with_its_total_and_unread() {
    let dir = samples_store();
    let d = dir.path();
    assert!(tidings(d, &["mark", "read", "ferry operators"])
        .status
        .success());
    let out = tidings(d, &["feeds", "--json"]);
    let rows: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        rows,
        [
            serde_json::json!({"feed": "Coastal Wire", "total": 2, "unread": 1}),
            serde_json::json!({"feed": "Kagi: Business", "total": 1, "unread": 1}),
            serde_json::json!({"feed": "pages I saved", "total": 9, "unread": 9}),
        ]
    );
    let text = stdout(&tidings(d, &["feeds"]));
    assert_eq!(
        text.lines().next().unwrap(),
        "     1 unread       2 in all  Coastal Wire",
        "{text}"
    );
}

#[test]
fn mark_in_bulk_by_feed_words_or_day_says_how_many_it_changed() {
    let dir = samples_store();
    let d = dir.path();
    let unread = |d: &Path| field(d, &["--unread"], "id").len();
    let out = tidings(d, &["mark", "read", "--feed", "Coastal Wire"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "marked 2 stories read\n");
    assert_eq!(unread(d), 10);
    let again = tidings(d, &["mark", "read", "--feed", "Coastal Wire"]);
    assert_eq!(
        stdout(&again),
        "marked 0 stories read\n",
        "only what changed counts"
    );

    let q = tidings(d, &["mark", "read", "--query", "kestrel bay"]);
    assert_eq!(stdout(&q), "marked 1 story read\n", "{}", stderr(&q));
    let before = tidings(d, &["mark", "read", "--before", "2025-01-01"]);
    assert!(before.status.success(), "{}", stderr(&before));
    let n_before: usize = stdout(&before)
        .split_whitespace()
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        list_json_of(d, &["--unread"])
            .iter()
            .all(|v| v["latest"].as_str().is_none_or(|l| l >= "2025")),
        "every unread one left is dated 2025 or later"
    );
    assert_eq!(unread(d), 9 - n_before);

    let all = tidings(d, &["mark", "unread", "--all"]);
    assert_eq!(
        stdout(&all),
        format!("marked {} stories unread\n", 3 + n_before)
    );
    assert_eq!(unread(d), 12);
    let ids = tidings(d, &["mark", "read", "kestrel", "ferry operators"]);
    assert_eq!(stdout(&ids), "marked 2 stories read\n", "{}", stderr(&ids));

    for (args, says) in [
        (vec!["mark", "read"], "required"),
        (
            vec!["mark", "read", "kestrel", "--all"],
            "cannot be used with",
        ),
        (vec!["mark", "read", "--before", "yesterday"], "YYYY-MM-DD"),
        (
            vec!["mark", "read", "--query", "«»"],
            "give a word to search for",
        ),
        (vec!["mark", "read", "--feed", "nobody"], "no feed is named"),
    ] {
        let o = tidings(d, &args);
        assert!(!o.status.success(), "{args:?}");
        assert!(stderr(&o).contains(says), "{args:?}: {}", stderr(&o));
        assert!(stdout(&o).is_empty());
    }
    assert_eq!(unread(d), 10, "a refused command changed nothing");
}

/// `list --limit 0` and `export` write rows as they read them (a store of a
/// million prints in flat memory): whatever the count, every row comes out
/// once, in order, as text, JSON and an export to a file.
#[test]
fn list_and_export_of_everything_print_every_row_in_order() {
    let n = 20_000;
    let dir = tempfile::tempdir().unwrap();
    let pages = tempfile::tempdir().unwrap();
    let lines: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"schema":1,"kind":"article","title":"Story {i:05}","feed":"Wire","timeline":[{{"date":{{"label":"2025","year":2025,"month":1,"day":1}},"text":"It happened."}}]}}"#
            )
        })
        .collect();
    let file = write(pages.path(), "all.jsonl", &(lines.join("\n") + "\n"));
    let out = tidings(dir.path(), &["import", &file]);
    assert!(
        stdout(&out).contains(&format!("{n} added")),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    // Same date: newest stored first.
    let newest: Vec<String> = (0..n).rev().map(|i| format!("Story {i:05}")).collect();
    let json = stdout(&tidings(dir.path(), &["list", "--json", "--limit", "0"]));
    let titles: Vec<String> = json
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["title"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(titles, newest);
    let text = stdout(&tidings(dir.path(), &["list", "--limit", "0"]));
    assert_eq!(text.lines().count(), n);
    assert!(text
        .lines()
        .zip(&newest)
        .all(|(l, t)| l.contains(t.as_str())));
    let exported = stdout(&tidings(dir.path(), &["export"]));
    let stored: Vec<String> = exported
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["title"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let oldest: Vec<String> = newest.into_iter().rev().collect();
    assert_eq!(stored, oldest, "export keeps the order they were stored in");
    // A reader that stops early (`| head -1`) ends the listing quietly.
    for args in [&["list", "--limit", "0"][..], &["export"][..]] {
        let mut child = common::bin()
            .arg("--data-dir")
            .arg(dir.path())
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        std::io::BufRead::read_line(
            &mut std::io::BufReader::new(child.stdout.take().unwrap()),
            &mut first,
        )
        .unwrap();
        let done = child.wait_with_output().unwrap();
        assert!(!first.is_empty());
        assert_eq!(stderr(&done), "", "{args:?}");
        assert!(done.status.success(), "{args:?}");
    }
    let saved = pages.path().join("export.jsonl");
    assert!(
        tidings(dir.path(), &["export", "-o", saved.to_str().unwrap()])
            .status
            .success()
    );
    assert_eq!(std::fs::read_to_string(&saved).unwrap(), exported);
}
