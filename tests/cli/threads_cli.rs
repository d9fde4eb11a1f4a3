//! Threads as scripts see them: a feed with two tellings of one strike and one
//! other story lists every story with its thread's id (`list --json`), each
//! thread once (`list --threads`), the thread's stories and merged timeline
//! (`thread show`), and a split that later imports keep.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::tidings;

fn ok(d: &Path, args: &[&str]) -> String {
    let o: Output = tidings(d, args);
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn strike() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/feeds/strike.rss")
}

fn rows(d: &Path, args: &[&str]) -> Vec<serde_json::Value> {
    ok(d, args)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn every_row_names_its_thread_and_threads_list_once_and_show_their_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["import", strike().to_str().unwrap()]);
    let all = rows(d, &["list", "--json"]);
    assert_eq!(all.len(), 3);
    let strikes: Vec<&serde_json::Value> = all
        .iter()
        .filter(|r| {
            r["title"]
                .as_str()
                .unwrap()
                .starts_with("Harbour ferry strike")
        })
        .collect();
    assert_eq!(strikes.len(), 2);
    assert_eq!(strikes[0]["thread"], strikes[1]["thread"], "{all:?}");
    assert_eq!(strikes[0]["thread_stories"], 2);
    let museum = all
        .iter()
        .find(|r| r["title"].as_str().unwrap().starts_with("Museum"))
        .unwrap();
    assert_eq!(
        museum["thread"], museum["id"],
        "a story alone is its own thread"
    );
    assert!(museum.get("thread_stories").is_none());

    let threads = ok(d, &["list", "--threads"]);
    assert_eq!(threads.lines().count(), 2, "{threads}");
    assert!(threads.contains("thread of 2 stories"), "{threads}");

    let shown = ok(
        d,
        &[
            "thread",
            "show",
            "Harbour ferry strike halts every crossing as the",
        ],
    );
    assert!(shown.starts_with("thread "), "{shown}");
    assert!(shown.contains("2 stories"), "{shown}");
    assert!(shown.contains("timeline"), "{shown}");
    assert!(shown.contains("published: Harbour ferry strike"), "{shown}");

    // Split out, it stays out when its feed is imported again.
    ok(
        d,
        &[
            "thread",
            "split",
            "Harbour ferry strike halts every crossing as the",
        ],
    );
    assert_eq!(ok(d, &["list", "--threads"]).lines().count(), 3);
    ok(d, &["import", strike().to_str().unwrap()]);
    let after = ok(d, &["list", "--threads"]);
    assert_eq!(after.lines().count(), 3, "{after}");
    assert!(!after.contains("thread of"), "{after}");
}
