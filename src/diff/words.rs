//! Words: how alike two texts are (to match claims and events across versions),
//! and the word-level diff of two texts (the `similar` crate's).

use std::collections::HashMap;

use similar::{ChangeTag, TextDiff};

use crate::text::fold::fold;

/// How a run of words of a changed text compares with the version read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tag {
    Same,
    Added,
    Removed,
}

/// A run of words (with the spaces between them) that share a [`Tag`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Words {
    pub tag: Tag,
    pub text: String,
}

/// The folded words of a text, each with how often it is there: what
/// [`Bag::likeness`] compares, made once per text.
#[derive(Debug, Clone, Default)]
pub struct Bag {
    words: HashMap<String, usize>,
    total: usize,
}

impl Bag {
    pub fn of(text: &str) -> Bag {
        let mut bag = Bag::default();
        for w in crate::query::parse::words(&fold(text)) {
            *bag.words.entry(w.to_string()).or_default() += 1;
            bag.total += 1;
        }
        bag
    }

    /// How alike two texts are, 0 to 1: the Dice coefficient of their folded
    /// words, counted with repeats (the order of the words does not matter, so
    /// a sentence that moved is as alike as one that stayed).
    pub fn likeness(&self, other: &Bag) -> f64 {
        let total = self.total + other.total;
        if total == 0 {
            return 1.0;
        }
        let (small, large) = if self.words.len() <= other.words.len() {
            (self, other)
        } else {
            (other, self)
        };
        let shared: usize = small
            .words
            .iter()
            .map(|(w, n)| (*n).min(large.words.get(w).copied().unwrap_or(0)))
            .sum();
        2.0 * shared as f64 / total as f64
    }
}

/// The longest a word-level diff may take: past it (a sentence of thousands of
/// words), `similar` gives a coarser diff, still right.
const WORD_DIFF_TIME: std::time::Duration = std::time::Duration::from_millis(50);

/// The word-level diff of `old` and `new`: runs of words the same, added and
/// removed, in reading order (a removed run before what replaced it); the same
/// and added runs spell `new`.
pub fn diff(old: &str, new: &str) -> Vec<Words> {
    let mut runs: Vec<Words> = Vec::new();
    let diff = TextDiff::configure()
        .timeout(WORD_DIFF_TIME)
        .diff_words(old, new);
    for change in diff.iter_all_changes() {
        let tag = match change.tag() {
            ChangeTag::Equal => Tag::Same,
            ChangeTag::Insert => Tag::Added,
            ChangeTag::Delete => Tag::Removed,
        };
        let value = change.value();
        match runs.last_mut() {
            Some(last) if last.tag == tag => last.text.push_str(value),
            // A space added before added words belongs to the words around
            // them (the same and added runs still spell the new text), and a
            // space removed alone is no change to show.
            Some(last) if last.tag == Tag::Same && value.trim().is_empty() => {
                if tag == Tag::Added {
                    last.text.push_str(value)
                }
            }
            _ => runs.push(Words {
                tag,
                text: value.to_string(),
            }),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reordered_words_are_alike_and_other_words_are_not() {
        let similarity = |a: &str, b: &str| Bag::of(a).likeness(&Bag::of(b));
        assert_eq!(
            similarity("Ships left the port.", "The port: ships left"),
            1.0
        );
        assert!(similarity("Ships left the port.", "Ships left the harbour.") > 0.7);
        assert!(similarity("Ships left the port.", "Rain fell all week in Oslo.") < 0.2);
    }

    #[test]
    fn a_diff_marks_the_words_added_and_removed() {
        let runs = diff("About 40 ships waited.", "About 45 ships waited at anchor.");
        let tagged: Vec<(Tag, &str)> = runs.iter().map(|w| (w.tag, w.text.as_str())).collect();
        assert_eq!(
            tagged,
            [
                (Tag::Same, "About "),
                (Tag::Removed, "40"),
                (Tag::Added, "45"),
                (Tag::Same, " ships "),
                (Tag::Removed, "waited."),
                (Tag::Added, "waited at anchor."),
            ]
        );
        let spelled: String = runs
            .iter()
            .filter(|w| w.tag != Tag::Removed)
            .map(|w| w.text.as_str())
            .collect();
        assert_eq!(spelled, "About 45 ships waited at anchor.");
    }
}
