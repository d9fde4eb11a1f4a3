//! Same event, one thread, measured: pairwise precision and recall of threading
//! on this repository's labelled feeds, on real Kagi clusters and on the seeds.
//! `cargo run --release --example thread_eval` prints the full sweep.

mod sets;

use tidings::thread::cluster::Rule;

#[test]
fn the_labelled_feeds_are_large_and_fully_labelled() {
    let set = sets::fixtures();
    assert!(set.stories.len() >= 220, "{} items", set.stories.len());
    assert!(set.events() >= 100, "{} events", set.events());
}

#[test]
fn the_labelled_feeds_thread_by_event() {
    let set = sets::fixtures();
    let s = set.score(Rule::default());
    eprintln!(
        "fixtures: precision {:.3} recall {:.3}",
        s.precision, s.recall
    );
    assert!(s.precision >= 0.9, "precision {:.3}", s.precision);
    assert!(s.recall >= 0.8, "recall {:.3}", s.recall);
}

#[test]
fn the_lead_is_worth_reading() {
    // Headlines alone: 0.78 F1 where title and lead reach 0.94.
    let set = sets::fixtures();
    let full = set.score(Rule::default()).f1();
    let titles = set.with_lead_words(0).score(Rule::default()).f1();
    assert!(
        titles + 0.1 < full,
        "titles {titles:.3}, with leads {full:.3}"
    );
}

#[test]
fn real_kagi_clusters_thread_above_the_measured_floor() {
    let Some(shared) = sets::shared() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "../shared is missing in CI: the Kagi clusters must be measured"
        );
        eprintln!("SKIPPED: ../shared is not beside this checkout; Kagi clusters not measured");
        return;
    };
    // Headlines only (Kagi gives no lead), and clusters broader than one event
    // (a pope's funeral with what leaders said there): floors a little under
    // what the tuned rule reaches (docs/threads.md).
    let floors = [
        ("kagi-kite-feed_processed_2025-12-26.json", 0.95, 0.72),
        ("kagi-kite_world_2025-04-27.json", 0.75, 0.6),
    ];
    let kagi = sets::kagi(&shared);
    assert_eq!(kagi.len(), floors.len());
    for (set, (file, precision, recall)) in kagi.iter().zip(floors) {
        assert!(set.name.ends_with(file), "{}", set.name);
        let s = set.score(Rule::default());
        eprintln!(
            "{}: precision {:.3} recall {:.3}",
            set.name, s.precision, s.recall
        );
        assert!(
            s.precision >= precision,
            "{}: precision {:.3}",
            set.name,
            s.precision
        );
        assert!(s.recall >= recall, "{}: recall {:.3}", set.name, s.recall);
    }
}

#[test]
fn the_five_seeds_are_one_thread() {
    let Some(shared) = sets::shared() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "../shared is missing in CI: the seeds must thread together"
        );
        eprintln!("SKIPPED: ../shared/seeds is not beside this checkout");
        return;
    };
    let set = sets::seeds(&shared);
    assert_eq!(set.stories.len(), 5);
    let threads = set.threads(Rule::default());
    assert!(threads.iter().all(|&t| t == threads[0]), "{threads:?}");
}

/// The store threads as the evaluation does: the labelled feeds imported into
/// a real store (in the order of their files, as a person would import them,
/// not by date) thread above the same floors, each stored row's thread read
/// from the list.
#[test]
fn the_store_threads_the_labelled_feeds_above_the_same_floors() {
    use tidings::store::{Sort, Store, View};
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/threads");
    let tsv = std::fs::read_to_string(dir.join("events.tsv")).unwrap();
    let truth: std::collections::HashMap<&str, &str> = tsv
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_once('\t').unwrap())
        .collect();
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rss" || e == "atom"))
        .collect();
    paths.sort();
    let store_dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(store_dir.path()).unwrap();
    tidings::import::import_paths(&mut store, &paths, 1 << 22, |_, _| {}).unwrap();
    let rows = store
        .list_view(&View::all(), Sort::Oldest, 10_000, 0)
        .unwrap();
    assert!(rows.len() >= 200, "{} rows", rows.len());
    let mut threads: Vec<String> = Vec::new();
    let mut events: Vec<&str> = Vec::new();
    for row in &rows {
        let doc = store.get(&row.uid).unwrap().doc;
        let id = doc.item_id.unwrap();
        let guid = id.rsplit(" | ").next().unwrap().to_string();
        events.push(truth[guid.as_str()]);
        threads.push(
            row.thread
                .as_ref()
                .map_or(row.uid.clone(), |t| t.uid.clone()),
        );
    }
    let mut numbers = std::collections::HashMap::new();
    let threads: Vec<usize> = threads
        .iter()
        .map(|t| {
            let next = numbers.len();
            *numbers.entry(t.clone()).or_insert(next)
        })
        .collect();
    let s = tidings::thread::cluster::pairwise(&events, &threads);
    eprintln!("store: precision {:.3} recall {:.3}", s.precision, s.recall);
    assert!(s.precision >= 0.9, "precision {:.3}", s.precision);
    assert!(s.recall >= 0.8, "recall {:.3}", s.recall);
}
