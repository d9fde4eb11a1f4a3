//! Same link, one story, as scripts see it: two feed files that carry the same
//! link (one with tracking parameters, one its AMP page) imported into one
//! store list it once with both outlets, import again without change, and
//! `remove --feed` keeps what the other feed also brought.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::tidings;

fn ok(d: &Path, args: &[&str]) -> Output {
    let o = tidings(d, args);
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn feed(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/feeds")
        .join(name)
}

fn import_both(d: &Path) -> String {
    let agency = feed("overlap-agency.rss");
    let daily = feed("overlap-daily.rss");
    stdout(&ok(
        d,
        &["import", agency.to_str().unwrap(), daily.to_str().unwrap()],
    ))
}

fn rows(d: &Path) -> Vec<serde_json::Value> {
    stdout(&ok(d, &["list", "--json", "--limit", "0"]))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn row<'a>(rows: &'a [serde_json::Value], title: &str) -> &'a serde_json::Value {
    rows.iter()
        .find(|r| r["title"].as_str().unwrap().starts_with(title))
        .unwrap_or_else(|| panic!("no row {title}: {rows:?}"))
}

const FERRY: &str = "Ferry strike ends";

#[test]
fn the_same_link_from_two_feeds_is_one_story_of_two_outlets() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    import_both(d);
    let listed = rows(d);
    assert_eq!(
        listed.len(),
        4,
        "five items, two of them one story: {listed:?}"
    );
    let ferry = row(&listed, FERRY);
    assert_eq!(ferry["outlets"], 2);
    assert_eq!(ferry["source_count"], 2);
    assert_eq!(ferry["feed"], "Tidewater Agency");
    for apart in ["Ferry timetable", "Lighthouse", "Council passes"] {
        assert_eq!(row(&listed, apart)["outlets"], 1, "{apart}");
    }
    let id = ferry["id"].as_str().unwrap();

    let text = stdout(&ok(d, &["list"]));
    let line = text.lines().find(|l| l.contains(FERRY)).unwrap();
    assert!(line.contains("2 sources, 2 outlets"), "{line}");
    let lighthouse = text.lines().find(|l| l.contains("Lighthouse")).unwrap();
    assert!(!lighthouse.contains("outlet"), "{lighthouse}");

    let shown = stdout(&ok(d, &["show", id]));
    for source in ["Tidewater Agency", "Quayside Daily", "Ferries sail again"] {
        assert!(shown.contains(source), "{source}: {shown}");
    }

    ok(d, &["mark", "read", id]);
    let again = import_both(d);
    assert!(again.contains("5 unchanged"), "{again}");
    let listed = rows(d);
    assert_eq!(listed.len(), 4);
    assert_eq!(row(&listed, FERRY)["read"], true, "one read mark per story");
}

#[test]
fn removing_a_feed_keeps_the_stories_another_feed_also_brought() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    import_both(d);
    let out = stdout(&ok(d, &["remove", "--feed", "quayside daily"]));
    assert!(out.contains("Council passes"), "{out}");
    assert!(out.contains("Ferry timetable"), "{out}");
    assert!(
        out.contains("kept 1 story another feed also brought"),
        "{out}"
    );
    let listed = rows(d);
    assert_eq!(listed.len(), 2, "{listed:?}");
    let ferry = row(&listed, FERRY);
    assert_eq!(
        (ferry["outlets"].clone(), ferry["source_count"].clone()),
        (1.into(), 1.into())
    );

    // Listed under the feed that goes, it stays, under the other.
    import_both(d);
    let out = stdout(&ok(d, &["remove", "--feed", "Tidewater Agency"]));
    assert!(out.contains("Lighthouse"), "{out}");
    assert!(!out.contains(FERRY), "{out}");
    let listed = rows(d);
    assert_eq!(row(&listed, FERRY)["feed"], "Quayside Daily");
    assert_eq!(listed.len(), 3, "{listed:?}");

    let unknown = tidings(d, &["remove", "--feed", "No Such Feed"]);
    assert!(!unknown.status.success());
}
