//! The labelled sets threading is measured on, read the same way by the tests and
//! by `examples/thread_eval.rs`: this repository's feeds in
//! `tests/fixtures/threads` (truth in `events.tsv`), the real Kagi clusters in
//! `../shared/samples/kagi` (each cluster's articles are one event) and the five
//! seed pages in `../shared/seeds` (one event).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tidings::thread::cluster::{pairwise, Rule, Score, Threader};
use tidings::thread::{day_number, text_of, Signature};

/// One story of a set: what threading reads, and its true event.
pub struct Story {
    pub title: String,
    pub lead: String,
    pub day: Option<i64>,
    /// The time of day (`09:30`), when known: stories are threaded in the order
    /// they were published, as they arrive.
    pub time: String,
    pub event: String,
}

/// A named set of labelled stories.
pub struct Set {
    pub name: String,
    pub stories: Vec<Story>,
}

impl Set {
    /// Each story's thread, threading them in date order as import would.
    pub fn threads(&self, rule: Rule) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.stories.len()).collect();
        order.sort_by_key(|&i| (self.stories[i].day, &self.stories[i].time));
        let mut threader = Threader::new(rule);
        let mut threads = vec![0; self.stories.len()];
        for i in order {
            let s = &self.stories[i];
            threads[i] = threader.add(Signature::of(&s.title, &s.lead), s.day);
        }
        threads
    }

    /// Pairwise precision and recall of threading under `rule`.
    pub fn score(&self, rule: Rule) -> Score {
        let truth: Vec<&str> = self.stories.iter().map(|s| s.event.as_str()).collect();
        pairwise(&truth, &self.threads(rule))
    }

    /// The same stories with only the first `n` words of their leads.
    pub fn with_lead_words(&self, n: usize) -> Set {
        let stories = self
            .stories
            .iter()
            .map(|s| Story {
                title: s.title.clone(),
                lead: s
                    .lead
                    .split_whitespace()
                    .take(n)
                    .collect::<Vec<_>>()
                    .join(" "),
                day: s.day,
                time: s.time.clone(),
                event: s.event.clone(),
            })
            .collect();
        Set {
            name: self.name.clone(),
            stories,
        }
    }

    /// How many distinct events the set holds.
    pub fn events(&self) -> usize {
        let mut e: Vec<&str> = self.stories.iter().map(|s| s.event.as_str()).collect();
        e.sort_unstable();
        e.dedup();
        e.len()
    }
}

/// `../shared` beside the checkout, when it is there.
pub fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    p.join("seeds").is_dir().then_some(p)
}

/// The feeds in `tests/fixtures/threads`, each item labelled by `events.tsv`
/// (`guid<TAB>event`); panics on an item without a label or a label without an item.
pub fn fixtures() -> Set {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/threads");
    let tsv = std::fs::read_to_string(dir.join("events.tsv")).expect("events.tsv");
    let mut truth: HashMap<&str, &str> = tsv
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_once('\t').expect("guid<TAB>event"))
        .collect();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rss" || e == "atom"))
        .collect();
    paths.sort();
    let mut stories = Vec::new();
    for path in paths {
        let bytes = std::fs::read(&path).unwrap();
        let contents = tidings::feeds::load(&bytes, None)
            .expect("a feed")
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(contents.problems.is_empty(), "{:?}", contents.problems);
        for doc in contents.documents {
            let id = doc.item_id.as_deref().unwrap_or_default();
            let guid = id.rsplit(" | ").next().unwrap_or(id);
            let event = truth
                .remove(guid)
                .unwrap_or_else(|| panic!("{}: {guid} has no event", path.display()));
            let (title, lead) = text_of(&doc);
            let published = doc.published.as_ref();
            stories.push(Story {
                title,
                lead,
                day: published.and_then(day_number),
                time: published.and_then(|d| d.time.clone()).unwrap_or_default(),
                event: event.to_string(),
            });
        }
    }
    assert!(truth.is_empty(), "labels without items: {truth:?}");
    Set {
        name: "fixtures".into(),
        stories,
    }
}

/// The Kagi clusters in `shared/samples/kagi`, one set per category file:
/// headlines only (no lead), dated by the article.
pub fn kagi(shared: &Path) -> Vec<Set> {
    let dir = shared.join("samples/kagi");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && !n.contains("_index_"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let value: serde_json::Value =
                serde_json::from_slice(&std::fs::read(dir.join(&name)).unwrap()).unwrap();
            let clusters = value.get("clusters").unwrap_or(&value);
            let mut stories = Vec::new();
            for (n, cluster) in clusters.as_array().unwrap().iter().enumerate() {
                let articles = cluster["articles"].as_array().cloned().unwrap_or_default();
                for a in articles {
                    let date = a["date"].as_str().unwrap_or_default();
                    stories.push(Story {
                        title: a["title"].as_str().unwrap_or_default().to_string(),
                        lead: String::new(),
                        day: day_of_iso(date),
                        time: date.get(11..16).unwrap_or_default().to_string(),
                        event: n.to_string(),
                    });
                }
            }
            Set {
                name: format!("kagi {name}"),
                stories,
            }
        })
        .collect()
}

/// The five seed pages, parsed as import parses them: one event.
pub fn seeds(shared: &Path) -> Set {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(shared.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let stories = paths
        .iter()
        .flat_map(|p| tidings::parse::parse_text(&std::fs::read_to_string(p).unwrap()))
        .map(|doc| {
            let (title, lead) = text_of(&doc);
            Story {
                title,
                lead,
                day: doc.published.as_ref().and_then(day_number),
                time: String::new(),
                event: "seeds".into(),
            }
        })
        .collect();
    Set {
        name: "seeds".into(),
        stories,
    }
}

/// The day of an ISO 8601 date-time (`2025-04-27T07:05:25+00:00`).
fn day_of_iso(s: &str) -> Option<i64> {
    let d = chrono::NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()?;
    day_number(&tidings::model::PartialDate {
        label: String::new(),
        year: Some(chrono::Datelike::year(&d)),
        month: Some(chrono::Datelike::month(&d)),
        day: Some(chrono::Datelike::day(&d)),
        part: None,
        time: None,
    })
}
