//! `show --changes` and the updated mark: a story read, then a newer version of
//! it imported (the pages in `tests/fixtures/changes`), says what changed since.

use crate::common::tidings;

use std::path::{Path, PathBuf};

fn page(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/changes")
        .join(name)
}

fn run(dir: &Path, args: &[&str]) -> String {
    let out = tidings(dir, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn import(dir: &Path, name: &str) -> String {
    run(dir, &["import", page(name).to_str().unwrap()])
}

#[test]
fn show_changes_prints_only_what_changed_since_the_version_read() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    import(store, "port_v1.txt");
    assert_eq!(
        run(store, &["show", "kestrel", "--changes"]),
        "Kestrel Bay Port Reopens After Cyber Attack\nnot read yet: everything is new\n"
    );
    let json: serde_json::Value =
        serde_json::from_str(&run(store, &["show", "kestrel", "--changes", "--json"])).unwrap();
    assert_eq!(json["read_before"], false);
    let new: Vec<&serde_json::Value> = json["claims"].as_array().unwrap().iter().collect();
    assert_eq!(new.len(), 4, "every claim is new: {json}");
    assert!(new.iter().all(|c| c["change"] == "new"));
    run(store, &["mark", "read", "kestrel"]);
    assert_eq!(
        run(store, &["show", "kestrel", "--changes"]),
        "Kestrel Bay Port Reopens After Cyber Attack\nno changes since you read it\n"
    );
    assert!(import(store, "port_v2.txt").contains("1 updated"));
    assert_eq!(
        run(store, &["show", "kestrel", "--changes"]),
        "Kestrel Bay Port Reopens After Cyber Attack

Claims
~ About [-40-]{+45+} ships waited at anchor during the outage. [2]
+ Night shifts should clear the backlog within ten days. [3]
~ The operator said no ransom was paid. [2] {+[3]+}

Sources
+ [3] Coastal Wire: Night shifts for the backlog

Timeline
+ Sep 21, 2025: Night shifts begin to clear the backlog. [3]
"
    );
    let json: serde_json::Value =
        serde_json::from_str(&run(store, &["show", "kestrel", "--changes", "--json"])).unwrap();
    assert_eq!(json["read_before"], true);
    let claims: Vec<&str> = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["change"].as_str().unwrap())
        .collect();
    assert_eq!(claims, ["changed", "new", "changed"]);
    assert_eq!(json["sources"][0]["outlet"], "Coastal Wire");
    assert_eq!(json["events"][0]["change"], "new");

    let row: serde_json::Value =
        serde_json::from_str(run(store, &["list", "--json"]).lines().next().unwrap()).unwrap();
    assert_eq!(row["updated"], true);
    assert_eq!(row["read"], false, "an updated story is unread again");
    assert!(run(store, &["list"]).contains("(updated · 3 sources"));
    assert!(run(store, &["search", "is:updated"]).contains("Kestrel Bay"));

    run(store, &["mark", "read", "--all"]);
    assert!(
        run(store, &["show", "kestrel", "--changes"]).ends_with("no changes since you read it\n")
    );
    let row: serde_json::Value =
        serde_json::from_str(run(store, &["list", "--json"]).lines().next().unwrap()).unwrap();
    assert_eq!(row.get("updated"), None, "read again: no longer updated");
}

#[test]
fn a_corrected_feed_item_read_before_says_what_the_correction_changed() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    import(store, "wire_v1.rss");
    run(store, &["mark", "read", "ferry"]);
    assert!(import(store, "wire_v2.rss").contains("1 updated"));
    assert!(run(store, &["list"]).contains("(updated · 1 source"));
    assert_eq!(
        run(store, &["show", "ferry", "--changes"]),
        "Ferry line adds a late sailing

Claims
~ The ferry line will add a sailing at [-23:00-]{+23:30+} from next month.
~ Tickets go on sale on Monday.[-[1]-]
+ Season passes stay valid. [1]
"
    );
}
