//! What changed between the version of a story last read and the one stored:
//! claims matched across the versions by their words (so a claim that moved is
//! unchanged and an edited one is changed, with a word-level diff), sources by
//! URL (else outlet and title), timeline events by date and words. Pure: the
//! store keeps the versions (`store::versions`), the CLI and the reader show
//! the [`Changes`].

mod words;

pub use words::{Tag, Words};

use words::Bag;

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{Document, Event, Source};
use crate::text::fold::fold;

/// How alike two claims (or events) must be, 0 to 1 ([`Bag::likeness`]),
/// to be one claim edited rather than one removed and another new.
const CUTOFF: f64 = 0.5;

/// How alike two events of different dates must be to be one event redated.
const REDATED: f64 = 0.8;

/// How one claim, source or event compares with the version read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "lowercase")]
pub enum Mark {
    /// Not in the version read.
    New,
    /// Edited: its words, as the version read had them and as they are now.
    Changed { words: Vec<Words> },
    /// In the version read only.
    Removed,
}

/// A claim (a sentence of the lead or a section) that is new, changed or gone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimChange {
    /// Its place among the stored version's `Document::sentences()`; none when
    /// removed.
    #[serde(skip)]
    pub at: Option<usize>,
    /// Its text now (removed: as it was read).
    pub text: String,
    pub citations: Vec<u32>,
    #[serde(flatten)]
    pub mark: Mark,
}

/// A source that is new, changed (its outlet, title or summary) or gone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceChange {
    #[serde(flatten)]
    pub source: Source,
    #[serde(flatten)]
    pub mark: Mark,
}

/// A timeline event that is new, changed (its date or words) or gone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventChange {
    /// Its place in the stored version's timeline; none when removed.
    #[serde(skip)]
    pub at: Option<usize>,
    #[serde(flatten)]
    pub event: Event,
    #[serde(flatten)]
    pub mark: Mark,
}

/// Everything that changed, in the stored version's order (what was removed
/// after it, in the order it was read).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Changes {
    pub claims: Vec<ClaimChange>,
    pub sources: Vec<SourceChange>,
    pub events: Vec<EventChange>,
}

impl Changes {
    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        self.claims.is_empty() && self.sources.is_empty() && self.events.is_empty()
    }

    /// The change of the stored version's claim `at` (its place among
    /// `Document::sentences()`), if it is new or changed.
    pub fn claim(&self, at: usize) -> Option<&ClaimChange> {
        self.claims.iter().find(|c| c.at == Some(at))
    }

    /// The change of the stored version's source numbered `n`.
    pub fn source(&self, n: u32) -> Option<&SourceChange> {
        self.sources
            .iter()
            .find(|s| s.source.n == n && s.mark != Mark::Removed)
    }

    /// The change of the stored version's timeline event `at`.
    pub fn event(&self, at: usize) -> Option<&EventChange> {
        self.events.iter().find(|e| e.at == Some(at))
    }
}

/// What changed from `read` (the version last read) to `now`.
pub fn changes(read: &Document, now: &Document) -> Changes {
    let (sources, renumber) = source_changes(read, now);
    // A citation as the stored version numbers its source (a source renumbered
    // is still the same source), else as it was.
    let cite = |n: &u32| format!("[{}]", renumber(*n).unwrap_or(*n));
    let cite_now = |n: &u32| format!("[{n}]");
    let old_claims: Vec<String> = read
        .sentences()
        .map(|s| with_citations(&s.text, s.citations.iter().map(cite)))
        .collect();
    let new_claims: Vec<String> = now
        .sentences()
        .map(|s| with_citations(&s.text, s.citations.iter().map(cite_now)))
        .collect();
    let olds: Vec<Bag> = read.sentences().map(|s| Bag::of(&s.text)).collect();
    let news: Vec<Bag> = now.sentences().map(|s| Bag::of(&s.text)).collect();
    let keys = |doc: &Document| -> Vec<String> { doc.sentences().map(|s| fold(&s.text)).collect() };
    let pairs = pair(&keys(read), &keys(now), |o, n| {
        let score = olds[o].likeness(&news[n]);
        (score >= CUTOFF).then_some(score)
    });
    let mut claims = Vec::new();
    for (at, s) in now.sentences().enumerate() {
        let mark = match pairs.new_to_old[at] {
            None => Mark::New,
            Some(o) if old_claims[o] == new_claims[at] => continue,
            Some(o) => Mark::Changed {
                words: words::diff(&old_claims[o], &new_claims[at]),
            },
        };
        claims.push(ClaimChange {
            at: Some(at),
            text: s.text.clone(),
            citations: s.citations.clone(),
            mark,
        });
    }
    for (o, s) in read.sentences().enumerate() {
        if !pairs.old_matched[o] {
            claims.push(ClaimChange {
                at: None,
                text: s.text.clone(),
                citations: s.citations.clone(),
                mark: Mark::Removed,
            });
        }
    }
    Changes {
        claims,
        sources,
        events: event_changes(read, now, &renumber),
    }
}

/// A text with its citations after it, each a word of its own (`[1] [3]`), so
/// that a citation added shows in the word diff.
fn with_citations(text: &str, citations: impl Iterator<Item = String>) -> String {
    let mut s = text.to_string();
    for c in citations {
        s.push(' ');
        s.push_str(&c);
    }
    s
}

/// The sources of `now` that are new or changed and those of `read` that are
/// gone, and the number in `now` of each source of `read` still listed.
fn source_changes(
    read: &Document,
    now: &Document,
) -> (Vec<SourceChange>, impl Fn(u32) -> Option<u32>) {
    let key = |s: &Source| match s.url.as_deref().map(str::trim) {
        Some(url) if !url.is_empty() => url.trim_end_matches('/').to_ascii_lowercase(),
        _ => format!(
            "{}|{}",
            fold(s.outlet.as_deref().unwrap_or("")),
            fold(&s.title)
        ),
    };
    let old_keys: Vec<String> = read.sources.iter().map(key).collect();
    let new_keys: Vec<String> = now.sources.iter().map(key).collect();
    let pairs = pair(&old_keys, &new_keys, |o, n| {
        (old_keys[o] == new_keys[n]).then_some(1.0)
    });
    let mut changes = Vec::new();
    for (n, source) in now.sources.iter().enumerate() {
        let mark = match pairs.new_to_old[n].map(|o| &read.sources[o]) {
            None => Mark::New,
            Some(old)
                if (&old.outlet, &old.title, &old.summary)
                    == (&source.outlet, &source.title, &source.summary) =>
            {
                continue
            }
            Some(old) => Mark::Changed {
                words: words::diff(&source_text(old), &source_text(source)),
            },
        };
        changes.push(SourceChange {
            source: source.clone(),
            mark,
        });
    }
    for (o, source) in read.sources.iter().enumerate() {
        if !pairs.old_matched[o] {
            changes.push(SourceChange {
                source: source.clone(),
                mark: Mark::Removed,
            });
        }
    }
    let numbers: Vec<(u32, u32)> = pairs
        .new_to_old
        .iter()
        .enumerate()
        .filter_map(|(n, o)| o.map(|o| (read.sources[o].n, now.sources[n].n)))
        .collect();
    let renumber = move |old: u32| numbers.iter().find(|(o, _)| *o == old).map(|(_, n)| *n);
    (changes, renumber)
}

/// A source as its change is shown: outlet, title and summary.
fn source_text(s: &Source) -> String {
    let mut text = s.outlet.clone().map(|o| o + ": ").unwrap_or_default();
    text.push_str(&s.title);
    if let Some(summary) = &s.summary {
        text.push_str(" — ");
        text.push_str(summary);
    }
    text
}

/// The events of `now` that are new or changed and those of `read` that are
/// gone: an event is the same when its date is and its words are alike, or its
/// words are very alike (redated).
fn event_changes(
    read: &Document,
    now: &Document,
    renumber: &impl Fn(u32) -> Option<u32>,
) -> Vec<EventChange> {
    let text = |e: &Event, numbers: &dyn Fn(u32) -> u32| {
        let cites = e.citations.iter().map(|&n| format!("[{}]", numbers(n)));
        with_citations(&format!("{}: {}", e.date.label, e.text), cites)
    };
    let old_texts: Vec<String> = read
        .timeline
        .iter()
        .map(|e| text(e, &|n| renumber(n).unwrap_or(n)))
        .collect();
    let new_texts: Vec<String> = now.timeline.iter().map(|e| text(e, &|n| n)).collect();
    let olds: Vec<Bag> = read.timeline.iter().map(|e| Bag::of(&e.text)).collect();
    let news: Vec<Bag> = now.timeline.iter().map(|e| Bag::of(&e.text)).collect();
    let keys = |doc: &Document| -> Vec<String> {
        doc.timeline
            .iter()
            .map(|e| fold(&format!("{} {}", e.date.label, e.text)))
            .collect()
    };
    let pairs = pair(&keys(read), &keys(now), |o, n| {
        let (old, new) = (&read.timeline[o], &now.timeline[n]);
        let score = olds[o].likeness(&news[n]);
        let same_day = fold(&old.date.label) == fold(&new.date.label);
        (score >= REDATED || (same_day && score >= CUTOFF)).then_some(score)
    });
    let mut changes = Vec::new();
    for (at, event) in now.timeline.iter().enumerate() {
        let mark = match pairs.new_to_old[at] {
            None => Mark::New,
            Some(o) if old_texts[o] == new_texts[at] => continue,
            Some(o) => Mark::Changed {
                words: words::diff(&old_texts[o], &new_texts[at]),
            },
        };
        changes.push(EventChange {
            at: Some(at),
            event: event.clone(),
            mark,
        });
    }
    for (o, event) in read.timeline.iter().enumerate() {
        if !pairs.old_matched[o] {
            changes.push(EventChange {
                at: None,
                event: event.clone(),
                mark: Mark::Removed,
            });
        }
    }
    changes
}

/// Which old item each new one is, and which old items are taken.
struct Pairs {
    new_to_old: Vec<Option<usize>>,
    old_matched: Vec<bool>,
}

/// The most pairs of old and new items weighed one by one: past it (a page of
/// thousands of claims), only items of the same key (their folded text) pair,
/// so that opening such a story never waits on the diff.
const MAX_PAIRS: usize = 250_000;

/// Pairs old items with new ones, best score first (`score` says how alike two
/// are, none when they cannot be one); among equals, the pair nearest in place.
/// `old_keys` and `new_keys` name the items: past [`MAX_PAIRS`], only items of
/// one key are weighed.
fn pair(
    old_keys: &[String],
    new_keys: &[String],
    score: impl Fn(usize, usize) -> Option<f64>,
) -> Pairs {
    let (olds, news) = (old_keys.len(), new_keys.len());
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    let mut weigh = |o: usize, n: usize| {
        if let Some(s) = score(o, n) {
            candidates.push((s, o, n));
        }
    };
    if olds.saturating_mul(news) <= MAX_PAIRS {
        for o in 0..olds {
            for n in 0..news {
                weigh(o, n);
            }
        }
    } else {
        let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
        for (o, k) in old_keys.iter().enumerate() {
            by_key.entry(k).or_default().push(o);
        }
        for (n, k) in new_keys.iter().enumerate() {
            for &o in by_key.get(k.as_str()).into_iter().flatten() {
                weigh(o, n);
            }
        }
    }
    candidates.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then_with(|| a.1.abs_diff(a.2).cmp(&b.1.abs_diff(b.2)))
    });
    let mut pairs = Pairs {
        new_to_old: vec![None; news],
        old_matched: vec![false; olds],
    };
    for (_, o, n) in candidates {
        if pairs.new_to_old[n].is_none() && !pairs.old_matched[o] {
            pairs.new_to_old[n] = Some(o);
            pairs.old_matched[o] = true;
        }
    }
    pairs
}

#[cfg(test)]
mod tests;
