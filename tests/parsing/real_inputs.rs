//! Real input nobody here wrote, from `../shared`: the Kagi News samples, imported
//! as a user would (every cluster lands as a story with its talking points, timeline
//! and sources, every inline citation resolves to a numbered source or stays
//! visible), and the corpus of 1,022 real-world feeds, read as the reference parser
//! reads them.

use crate::common;

use common::tidings;

use std::path::{Path, PathBuf};

use serde_json::Value;

fn kagi_dir() -> Option<PathBuf> {
    let dir = common::shared()?.join("samples/kagi");
    dir.is_dir().then_some(dir)
}

fn documents(data: &Path) -> Vec<Value> {
    let list = tidings(data, &["list", "--json", "--limit", "1000"]);
    let items: Vec<Value> = String::from_utf8_lossy(&list.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    items
        .iter()
        .map(|i| {
            let id = i["id"].as_str().unwrap();
            let shown = tidings(data, &["show", "--json", id]);
            serde_json::from_slice(&shown.stdout).unwrap()
        })
        .collect()
}

fn citations(doc: &Value) -> Vec<u64> {
    let mut out = Vec::new();
    let paragraphs = doc["lead"]
        .as_array()
        .unwrap()
        .iter()
        .chain(doc["reactions"].as_array().unwrap())
        .chain(
            doc["sections"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|s| s["paragraphs"].as_array().unwrap()),
        );
    for p in paragraphs {
        for s in p["sentences"].as_array().unwrap() {
            out.extend(
                s["citations"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|n| n.as_u64().unwrap()),
            );
        }
    }
    for e in doc["timeline"].as_array().unwrap() {
        out.extend(
            e["citations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_u64().unwrap()),
        );
    }
    out
}

#[test]
fn all_31_clusters_import_with_talking_points_timelines_and_resolved_sources() {
    let Some(kagi) = kagi_dir() else {
        eprintln!("SKIPPED: ../shared/samples/kagi is not present beside this checkout");
        return;
    };
    let data = tempfile::tempdir().unwrap();
    let older = kagi.join("kagi-kite_world_2025-04-27.json");
    let newer = kagi.join("kagi-kite-feed_processed_2025-12-26.json");
    let out = tidings(
        data.path(),
        &["import", older.to_str().unwrap(), newer.to_str().unwrap()],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{err}");
    assert!(
        summary.contains("imported: 31 added, 0 updated, 0 unchanged, 0 failed"),
        "{summary}"
    );
    assert!(
        summary.contains("citations: 637 resolved, 0 unresolved"),
        "{summary}"
    );

    let raw: Vec<Value> = [&older, &newer]
        .iter()
        .flat_map(|p| {
            let v: Value = serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap();
            match v.get("clusters") {
                Some(c) => c.as_array().unwrap().clone(),
                None => v.as_array().unwrap().clone(),
            }
        })
        .collect();
    let docs = documents(data.path());
    assert_eq!(docs.len(), 31);
    for cluster in &raw {
        let title = cluster["title"].as_str().unwrap();
        let doc = docs
            .iter()
            .find(|d| d["title"] == title)
            .unwrap_or_else(|| panic!("{title} was imported"));
        let points = cluster["talking_points"].as_array().unwrap();
        let headings: Vec<&str> = doc["sections"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|s| s["heading"].as_str())
            .collect();
        for p in points {
            let head = p.as_str().unwrap().split(": ").next().unwrap();
            assert!(
                headings.contains(&head),
                "{title}: talking point {head:?} is a section"
            );
        }
        let timeline = cluster["timeline"].as_array().map_or(0, Vec::len);
        assert_eq!(
            doc["timeline"].as_array().unwrap().len(),
            timeline,
            "{title}: timeline"
        );
        let articles = cluster["articles"].as_array().unwrap().len();
        let sources = doc["sources"].as_array().unwrap();
        assert!(
            sources.len() >= articles,
            "{title}: every article is a source"
        );
        for n in citations(doc) {
            assert!(
                n >= 1 && n as usize <= sources.len(),
                "{title}: citation [{n}] names a listed source"
            );
        }
        let text = serde_json::to_string(doc).unwrap();
        assert!(!text.contains("[common]"), "{title}: [common] is not shown");
        assert!(
            !text.contains(".com#"),
            "{title}: no citation left unresolved"
        );
    }
    // The older shape's perspectives cite their sources.
    let nine = docs
        .iter()
        .find(|d| d["title"] == "Nine killed at Filipino festival in Vancouver")
        .unwrap();
    let persp = nine["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["heading"] == "Perspectives")
        .unwrap();
    for p in persp["paragraphs"].as_array().unwrap() {
        let last = p["sentences"].as_array().unwrap().last().unwrap();
        assert!(!last["citations"].as_array().unwrap().is_empty());
    }
    let first = &nine["timeline"][0]["date"];
    assert_eq!(first["label"], "April 27, 2025, approximately 8 pm");
    assert_eq!(
        (
            first["year"].as_i64(),
            first["month"].as_i64(),
            first["day"].as_i64()
        ),
        (Some(2025), Some(4), Some(27))
    );

    let again = tidings(
        data.path(),
        &["import", older.to_str().unwrap(), newer.to_str().unwrap()],
    );
    assert!(String::from_utf8_lossy(&again.stdout)
        .contains("imported: 0 added, 0 updated, 31 unchanged, 0 failed"));
}

#[test]
fn an_index_imports_the_category_files_beside_it_and_names_the_missing_ones() {
    let Some(kagi) = kagi_dir() else {
        eprintln!("SKIPPED: ../shared/samples/kagi is not present beside this checkout");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        kagi.join("kagi-kite_index_2025-04-27.json"),
        dir.path().join("kite.json"),
    )
    .unwrap();
    std::fs::copy(
        kagi.join("kagi-kite_world_2025-04-27.json"),
        dir.path().join("world.json"),
    )
    .unwrap();
    let data = tempfile::tempdir().unwrap();
    let out = tidings(
        data.path(),
        &["import", dir.path().join("kite.json").to_str().unwrap()],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(summary.contains("imported: 12 added"), "{summary}");
    assert!(
        err.contains("Kagi index: 34 of 35 category files are not next to it (usa.json, business.json, tech.json and 31 more)"),
        "{err}"
    );
    assert!(
        !out.status.success(),
        "a partial import says so in its exit code"
    );
}

/// The shared feed corpus through `check-feeds`: at least 99% of the files read as
/// feedparser reads them (entry count, titles, dates), none panics or hangs.
#[test]
fn the_feed_corpus_reads_as_the_reference_parser_reads_it() {
    let Some(shared) = common::shared() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "../shared is missing in CI: the feed corpus must be checked"
        );
        eprintln!("SKIPPED: ../shared is not beside this checkout; feed corpus not checked");
        return;
    };
    let out = std::process::Command::new("python3")
        .arg(shared.join("tools/check-feeds"))
        .args(["--jobs", "2", "--bin", env!("CARGO_BIN_EXE_tidings")])
        .arg(shared.join("corpus/feeds"))
        .output()
        .expect("python3 runs check-feeds");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        !report.contains("panic:") && !report.contains("hang:"),
        "{report}"
    );
    let line = report
        .lines()
        .find_map(|l| l.strip_prefix("files matched: "))
        .unwrap_or_else(|| panic!("no summary from check-feeds:\n{report}"));
    let (ok, total) = line.split_once(' ').unwrap().0.split_once('/').unwrap();
    let (ok, total): (f64, f64) = (ok.parse().unwrap(), total.parse().unwrap());
    assert!(
        ok / total >= 0.99,
        "only {line} files read as the reference reads them:\n{report}"
    );
}
