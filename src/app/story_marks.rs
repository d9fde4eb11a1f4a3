//! The marks the story pane puts beside what it shows: what changed since the
//! version last read (`+` new, `~` changed, the words added highlighted; from
//! [`crate::diff`]) and, for sourcing at a glance, a claim that sources of one
//! outlet alone back (`¹`), with the count of outlets in the header.

use std::collections::BTreeSet;
use std::ops::Range;

use crate::diff::{Changes, Mark, Tag};
use crate::model::Document;
use crate::query::outlet;
use crate::summary::plural;

/// The mark after a claim that one outlet alone backs.
pub const SINGLE: &str = "¹";

/// The mark before something new since the version read.
pub const NEW: &str = "+";

/// The mark before something changed since the version read.
pub const CHANGED: &str = "~";

/// What the marks mean, as the key map (`?`) says under the keys.
pub const LEGEND: [(&str, &str); 3] = [
    (SINGLE, "after a claim: one outlet alone backs it"),
    (NEW, "new since you read it (c: next change)"),
    (CHANGED, "changed since you read it, words added bold"),
];

/// How a story's claims are sourced: the outlet of each listed source.
pub struct Sourcing {
    /// By source number: its outlet (a source with neither name nor site is an
    /// outlet of its own).
    outlets: Vec<(u32, String)>,
}

impl Sourcing {
    pub fn of(doc: &Document) -> Sourcing {
        let ids = outlet::ids(&doc.sources);
        let outlets = doc
            .sources
            .iter()
            .zip(ids)
            .map(|(s, id)| (s.n, id.unwrap_or_else(|| format!("#{}", s.n))))
            .collect();
        Sourcing { outlets }
    }

    /// The independent outlets among the sources listed.
    pub fn outlet_count(&self) -> usize {
        self.outlets
            .iter()
            .map(|(_, o)| o)
            .collect::<BTreeSet<_>>()
            .len()
    }

    /// True when the sources a claim cites that the story lists are all of one
    /// outlet (one source, or several of one outlet); citations the story does
    /// not list do not count, and a claim citing none it lists is not marked.
    pub fn one_outlet(&self, citations: &[u32]) -> bool {
        let backing: BTreeSet<&String> = citations
            .iter()
            .filter_map(|n| self.outlets.iter().find(|(m, _)| m == n).map(|(_, o)| o))
            .collect();
        backing.len() == 1
    }
}

/// The mark of a change (`+` new, `~` changed); removed things are not shown.
pub fn glyph(mark: &Mark) -> Option<&'static str> {
    match mark {
        Mark::New => Some(NEW),
        Mark::Changed { .. } => Some(CHANGED),
        Mark::Removed => None,
    }
}

/// The byte ranges of the words added among the first `len` bytes of a
/// changed claim's or event's new text as the diff has it (the text, which its
/// citations follow).
pub fn added(mark: &Mark, len: usize) -> Vec<Range<usize>> {
    let Mark::Changed { words } = mark else {
        return Vec::new();
    };
    let mut at = 0;
    let mut ranges = Vec::new();
    for w in words {
        match w.tag {
            Tag::Removed => {}
            Tag::Same => at += w.text.len(),
            Tag::Added => {
                let end = (at + w.text.len()).min(len);
                if at < end {
                    ranges.push(at..end);
                }
                at += w.text.len();
            }
        }
    }
    ranges
}

/// The header's line about what changed since the version read (`since you
/// read it: 1 new claim, 2 changed, 1 removed · 1 new source`), if anything did.
pub fn summary(changes: &Changes) -> Option<String> {
    let count = |marks: Vec<&Mark>, what: &str| -> Option<String> {
        let new = marks.iter().filter(|m| ***m == Mark::New).count();
        let changed = marks
            .iter()
            .filter(|m| matches!(m, Mark::Changed { .. }))
            .count();
        let removed = marks.iter().filter(|m| ***m == Mark::Removed).count();
        let counted: Vec<(usize, &str)> =
            [(new, "new"), (changed, "changed"), (removed, "removed")]
                .into_iter()
                .filter(|(n, _)| *n > 0)
                .collect();
        // The noun after the first count only: `2 new claims, 1 changed`.
        let (first, rest) = counted.split_first()?;
        let noun = plural(first.0, what);
        let noun = noun.split_once(' ').map_or(noun.as_str(), |(_, n)| n);
        let mut text = format!("{} {} {noun}", first.0, first.1);
        for (n, label) in rest {
            text.push_str(&format!(", {n} {label}"));
        }
        Some(text)
    };
    let parts: Vec<String> = [
        count(changes.claims.iter().map(|c| &c.mark).collect(), "claim"),
        count(changes.sources.iter().map(|s| &s.mark).collect(), "source"),
        count(changes.events.iter().map(|e| &e.mark).collect(), "event"),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| format!("since you read it: {}", parts.join(" · ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::{ClaimChange, Words};
    use crate::model::{Kind, Source};

    fn source(n: u32, outlet: Option<&str>, url: Option<&str>) -> Source {
        Source {
            n,
            outlet: outlet.map(String::from),
            title: format!("Report {n}"),
            summary: None,
            url: url.map(String::from),
        }
    }

    #[test]
    fn a_claim_one_outlet_backs_is_marked_and_outlets_are_counted_once() {
        let mut doc = Document::new(Kind::Story, "Port".into());
        doc.sources = vec![
            source(1, Some("Reuters"), Some("https://www.reuters.com/a")),
            source(2, None, Some("https://reuters.com/b")),
            source(3, Some("AP"), None),
            source(4, None, None),
        ];
        let s = Sourcing::of(&doc);
        assert_eq!(s.outlet_count(), 3, "Reuters twice, AP, and one unknown");
        assert!(s.one_outlet(&[1]), "one source");
        assert!(s.one_outlet(&[1, 2]), "two sources of one outlet");
        assert!(!s.one_outlet(&[1, 3]), "two outlets");
        assert!(
            s.one_outlet(&[3, 9]),
            "an unresolved citation does not count"
        );
        assert!(
            !s.one_outlet(&[9]),
            "nothing listed backs it: left as it is"
        );
        assert!(!s.one_outlet(&[]));
    }

    #[test]
    fn the_words_added_are_found_in_the_new_text_and_the_summary_counts() {
        let words = vec![
            Words {
                tag: Tag::Same,
                text: "About ".into(),
            },
            Words {
                tag: Tag::Removed,
                text: "40".into(),
            },
            Words {
                tag: Tag::Added,
                text: "45".into(),
            },
            Words {
                tag: Tag::Same,
                text: " ships. ".into(),
            },
            Words {
                tag: Tag::Added,
                text: "[3]".into(),
            },
        ];
        let mark = Mark::Changed { words };
        assert_eq!(added(&mark, "About 45 ships.".len()), vec![6..8]);
        let changes = Changes {
            claims: vec![
                ClaimChange {
                    at: Some(1),
                    text: "About 45 ships.".into(),
                    citations: vec![3],
                    mark,
                },
                ClaimChange {
                    at: Some(2),
                    text: "New.".into(),
                    citations: vec![],
                    mark: Mark::New,
                },
            ],
            ..Changes::default()
        };
        assert_eq!(
            summary(&changes).as_deref(),
            Some("since you read it: 1 new claim, 1 changed")
        );
        assert_eq!(summary(&Changes::default()), None);
    }
}
