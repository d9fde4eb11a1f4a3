//! The tokens a signature is made of: folded words without stop words and short
//! words, lightly stemmed, hashed to 64 bits with a fixed hash.

use crate::text::fold::fold;

/// Words too common to say what a story is about: English, and the French,
/// Spanish and German that a few sources come in.
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

/// Words shorter than this (in characters) are dropped.
const MIN_CHARS: usize = 3;

/// The distinct token hashes of a title and lead, sorted.
pub fn hashes(title: &str, lead: &str) -> Vec<u64> {
    let mut out: Vec<u64> = words(title)
        .into_iter()
        .chain(words(lead))
        .map(|w| fnv1a(w.as_bytes()))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The kept words of some text, folded and stemmed, in order.
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= MIN_CHARS && !STOP_WORDS.contains(w))
        .map(stem)
        .collect()
}

/// A light English stemmer: plurals, `-ing`, `-ed`, `-ly`, each only where enough
/// of the word stays.
fn stem(w: &str) -> String {
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

    #[test]
    fn words_are_folded_stemmed_and_stop_words_go() {
        assert_eq!(
            words("The Strikers' Unions are Striking in Zürich, says the mayor"),
            ["striker", "union", "strik", "zurich", "mayor"]
        );
    }

    #[test]
    fn plurals_and_tenses_meet() {
        assert_eq!(words("cities"), words("city"));
        assert_eq!(words("talks"), words("talk"));
        assert_eq!(words("reopened"), words("reopens"));
    }

    #[test]
    fn hashes_are_distinct_and_fixed() {
        assert_eq!(hashes("ferry ferry ferries", "").len(), 1);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
