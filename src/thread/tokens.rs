//! The tokens a signature is made of: folded words without stop words and short
//! words, lightly stemmed, hashed to 64 bits with a fixed hash.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::text::fold::fold;

/// Words too common to say what a story is about: English, and the French,
/// Spanish and German that a few sources come in.
#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    // English
    "about",
    "after",
    "again",
    "against",
    "all",
    "also",
    "and",
    "any",
    "are",
    "amid",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "can",
    "could",
    "did",
    "does",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "into",
    "its",
    "just",
    "more",
    "most",
    "new",
    "not",
    "now",
    "off",
    "once",
    "one",
    "only",
    "other",
    "our",
    "out",
    "over",
    "own",
    "said",
    "same",
    "say",
    "says",
    "she",
    "should",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "under",
    "until",
    "upon",
    "very",
    "was",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yet",
    "may",
    "might",
    "must",
    "per",
    "via",
    "since",
    "still",
    "two",
    "three",
    "first",
    "last",
    "week",
    "year",
    "years",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tomorrow",
    // French
    "les",
    "des",
    "une",
    "est",
    "dans",
    "pour",
    "par",
    "sur",
    "avec",
    "qui",
    "que",
    "aux",
    "son",
    "ses",
    "leur",
    "pas",
    "plus",
    "ont",
    "été",
    "cette",
    // Spanish
    "los",
    "las",
    "del",
    "por",
    "para",
    "con",
    "una",
    "unos",
    "como",
    "pero",
    "sus",
    "fue",
    "sobre",
    "entre",
    "este",
    "esta",
    // German
    "der",
    "die",
    "das",
    "den",
    "dem",
    "des",
    "und",
    "ein",
    "eine",
    "einen",
    "ist",
    "mit",
    "von",
    "für",
    "auf",
    "sich",
    "nicht",
    "auch",
    "wird",
    "bei",
    "nach",
    "zum",
    "zur",
];

/// The stop words as a set: a word is looked up once per word of every story.
static STOP: LazyLock<HashSet<&str>> = LazyLock::new(|| STOP_WORDS.iter().copied().collect());

/// Words shorter than this (in characters) are dropped.
const MIN_CHARS: usize = 3;
/// A stemmed word keeps at most this many characters, so `Kenya` and `Kenyan`,
/// `minister` and `ministry` meet (the sweep in docs/threads.md chose 5 over 6
/// and over none).
const PREFIX_CHARS: usize = 5;

/// The distinct token hashes of a title and lead, sorted: one per kept word, and
/// a second one for a capitalized word of the lead (a name, mostly: a place, a
/// person, an outlet), so the lead's names weigh twice. A title's capitals are
/// not counted: titles come in title case, and weighting them let the one name
/// of the week (a president) chain unrelated real headlines into one thread.
pub fn hashes(title: &str, lead: &str) -> Vec<u64> {
    let mut out = Vec::new();
    for w in words(title) {
        out.push(fnv1a(w.stem.as_bytes()));
    }
    for w in words(lead) {
        out.push(fnv1a(w.stem.as_bytes()));
        if w.capitalized {
            out.push(fnv1a(&[b"\x01", w.stem.as_bytes()].concat()));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// A kept word of some text.
#[derive(Debug, PartialEq, Eq)]
pub struct Word {
    /// Folded and stemmed.
    pub stem: String,
    /// Written with a capital first letter.
    pub capitalized: bool,
}

/// The kept words of some text, in order.
pub fn words(text: &str) -> Vec<Word> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| {
            let folded = fold(w);
            if folded.chars().count() < MIN_CHARS || STOP.contains(folded.as_str()) {
                return None;
            }
            Some(Word {
                stem: stem(&folded),
                capitalized: w.chars().next().is_some_and(char::is_uppercase),
            })
        })
        .collect()
}

/// A light English stemmer: plurals, `-ing`, `-ed`, `-ly`, each only where enough
/// of the word stays; then the first `PREFIX_CHARS` characters.
fn stem(w: &str) -> String {
    let s = suffix_stem(w);
    match s.char_indices().nth(PREFIX_CHARS) {
        Some((i, _)) => s[..i].to_string(),
        None => s,
    }
}

fn suffix_stem(w: &str) -> String {
    let n = w.len();
    let cut = |suffix: &str, min_rest: usize| {
        w.strip_suffix(suffix)
            .filter(|rest| rest.len() >= min_rest)
            .map(str::to_string)
    };
    if !w.is_ascii() {
        return w.to_string();
    }
    if n > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..n - 3]);
    }
    cut("ing", 4)
        .or_else(|| cut("ed", 4))
        .or_else(|| cut("ly", 4))
        .or_else(|| (!w.ends_with("ss")).then(|| cut("s", 3)).flatten())
        .unwrap_or_else(|| w.to_string())
}

/// FNV-1a, 64 bits: fixed, so stored signatures stay comparable across builds.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.stem).collect()
    }

    #[test]
    fn words_are_folded_stemmed_and_stop_words_go() {
        assert_eq!(
            stems("The Strikers' Unions are Striking in Zürich, says the mayor"),
            ["strik", "union", "strik", "zuric", "mayor"]
        );
    }

    #[test]
    fn plurals_and_tenses_meet() {
        assert_eq!(stems("cities"), stems("city"));
        assert_eq!(stems("talks"), stems("talk"));
        assert_eq!(stems("reopened"), stems("reopens"));
        assert_eq!(stems("Kenya"), stems("Kenyan"));
    }

    #[test]
    fn capitals_of_the_lead_weigh_twice() {
        assert!(words("Dockers in Rotterdam")[1].capitalized);
        assert_eq!(hashes("Dockers in Rotterdam strike", "").len(), 3);
        assert_eq!(hashes("", "Dockers in Rotterdam strike").len(), 5);
    }

    #[test]
    fn hashes_are_distinct_and_fixed() {
        assert_eq!(hashes("ferry ferry ferries", "").len(), 1);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
