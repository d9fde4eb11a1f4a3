//! Paragraph text to sentences: citation markers `[n]` are lifted out and attached to
//! the sentence they close, and sentences split at `.`/`!`/`?` before a capital or an
//! opening quote, but not after abbreviations such as `Jan.`, `Mr.` or `U.S.`.

use crate::model::{Paragraph, Sentence};

/// Words that end in a dot without ending a sentence (compared without the dot).
const ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr",
    "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt",
    "cmdr", "adm", "maj", "jr", "sr", "inc", "corp", "ltd", "co", "vs", "vol", "fig", "mt", "ft",
    "rev", "hon", "pres", "approx", "est", "dept", "univ", "a.m", "p.m", "e.g", "i.e", "cf", "al",
    "op", "pp", "ca", "cllr", "supt", "insp", "det", "cpl", "fr", "messrs", "mme", "mlle", "sra",
    "dra", "hr", "nr", "bzw", "vgl", "usw", "str",
];

/// Month names that follow a German ordinal day (`am 1. Mai`): the dot after the
/// day ends no sentence.
const ORDINAL_MONTHS: &[&str] = &[
    "januar",
    "jänner",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    "jan",
    "feb",
    "mär",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "okt",
    "nov",
    "dez",
];

/// `1. Mai`: a day of one or two digits, a dot, a German month name.
fn ordinal_date(before: &str, after: &str) -> bool {
    let day = before.rsplit(char::is_whitespace).next().unwrap_or("");
    if !(1..=2).contains(&day.len()) || !day.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let month = after
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    ORDINAL_MONTHS
        .iter()
        .any(|m| m.chars().eq(month.chars().flat_map(char::to_lowercase)))
}

/// Characters that may close a sentence after its terminator.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '“' | ')' | ']' | '»' | '›')
}

/// Characters that may open a sentence before its first letter.
pub fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '„' | '¿' | '¡'
    )
}

/// Splits paragraph text into sentences, moving citation markers into `citations`.
pub fn paragraph(text: &str) -> Paragraph {
    let (clean, markers) = lift_markers(text);
    assemble(&clean, markers)
}

/// Splits text that holds no citations into sentences; `[2]` in it stays text.
pub fn plain_paragraph(text: &str) -> Paragraph {
    assemble(text, Vec::new())
}

/// Sentences of `clean` text, each given the markers (byte position, numbers)
/// that close it.
pub fn assemble(clean: &str, markers: Vec<(usize, Vec<u32>)>) -> Paragraph {
    let starts = sentence_starts(clean);
    let mut sentences: Vec<Sentence> = Vec::with_capacity(starts.len());
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(clean.len());
        sentences.push(Sentence {
            text: clean[start..end].trim().to_string(),
            citations: Vec::new(),
        });
    }
    for (pos, nums) in markers {
        // A marker belongs to the sentence whose span holds it; one standing right at
        // the start of the next sentence closed the one before it.
        let idx = match starts.binary_search(&pos) {
            Ok(i) => i.saturating_sub(1),
            Err(i) => i.saturating_sub(1),
        };
        if let Some(s) = sentences.get_mut(idx) {
            for n in nums {
                if !s.citations.contains(&n) {
                    s.citations.push(n);
                }
            }
        }
    }
    sentences.retain(|s| !s.text.is_empty() || !s.citations.is_empty());
    // Markers with no text of their own (a paragraph that was only `[3]`) join the
    // sentence before them.
    let mut merged: Vec<Sentence> = Vec::with_capacity(sentences.len());
    for s in sentences {
        match merged.last_mut() {
            Some(prev) if s.text.is_empty() => {
                for n in s.citations {
                    if !prev.citations.contains(&n) {
                        prev.citations.push(n);
                    }
                }
            }
            _ => merged.push(s),
        }
    }
    Paragraph { sentences: merged }
}

/// Removes citation markers from `text`; returns the clean text and, for each run of
/// markers, its byte position in the clean text and the numbers it holds.
pub fn lift_markers(text: &str) -> (String, Vec<(usize, Vec<u32>)>) {
    lift_with(text, marker_run)
}

/// [`lift_markers`] with another notion of a marker: `run` reads a run of markers
/// at the start of its argument (which starts with `[`) and returns the numbers
/// it cites (none for a marker that is only dropped) and its length in bytes.
pub fn lift_with(
    text: &str,
    mut run: impl FnMut(&str) -> Option<(Vec<u32>, usize)>,
) -> (String, Vec<(usize, Vec<u32>)>) {
    let mut clean = String::with_capacity(text.len());
    let mut markers: Vec<(usize, Vec<u32>)> = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let (before, from) = rest.split_at(open);
        match run(from) {
            Some((nums, len)) => {
                clean.push_str(before);
                let trimmed = clean.trim_end().len();
                clean.truncate(trimmed);
                match markers.last_mut() {
                    Some((p, v)) if *p == clean.len() => v.extend(nums),
                    _ => markers.push((clean.len(), nums)),
                }
                rest = &from[len..];
                // "cooling [1]. Next" -> "cooling. Next"; "Lee [1] said" -> "Lee said".
                if rest.starts_with(char::is_whitespace) {
                    let next = rest.trim_start();
                    let glue = next.starts_with(|c: char| c.is_alphanumeric() || is_opener(c));
                    rest = next;
                    if glue && !clean.is_empty() {
                        clean.push(' ');
                    }
                }
            }
            None => {
                clean.push_str(before);
                clean.push('[');
                rest = &from[1..];
            }
        }
    }
    clean.push_str(rest);
    (clean, markers)
}

/// Parses a run of markers `[1][2] [3]` or `[1, 2]` at the start of `s`.
fn marker_run(s: &str) -> Option<(Vec<u32>, usize)> {
    let mut nums = Vec::new();
    let mut len = 0;
    loop {
        let rest = &s[len..];
        let gap = rest.len() - rest.trim_start_matches(' ').len();
        let Some((n, used)) = one_marker(&rest[gap..]) else {
            break;
        };
        if !nums.is_empty() && gap > 1 {
            break;
        }
        nums.extend(n);
        len += gap + used;
    }
    (!nums.is_empty()).then_some((nums, len))
}

/// One `[n]` or `[n, m]` marker: numbers of 1-4 digits, nothing else inside.
fn one_marker(s: &str) -> Option<(Vec<u32>, usize)> {
    let body = s.strip_prefix('[')?;
    // Look no further than a marker can reach, so runs of `[` stay linear.
    let close = body.bytes().take(25).position(|b| b == b']')?;
    let inner = &body[..close];
    if inner.is_empty() {
        return None;
    }
    let mut nums = Vec::new();
    for part in inner.split(',') {
        let p = part.trim();
        if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        nums.push(p.parse().ok()?);
    }
    Some((nums, close + 2))
}

/// Byte offsets at which sentences start (the first is always 0). One pass over
/// the characters, holding none of them: a 10 MB line costs no more than its text.
fn sentence_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let mut it = text.char_indices().peekable();
    while let Some((pos, c)) = it.next() {
        let cjk = matches!(c, '。' | '！' | '？');
        if !(matches!(c, '.' | '!' | '?' | '…' | '।' | '؟') || cjk) {
            continue;
        }
        while it
            .next_if(|&(_, d)| matches!(d, '.' | '!' | '?' | '…'))
            .is_some()
        {}
        while it.next_if(|&(_, d)| is_closer(d)).is_some() {}
        if cjk {
            if let Some(&(at, _)) = it.peek() {
                starts.push(at);
            }
            continue;
        }
        let mut spaced = false;
        while it.next_if(|&(_, d)| d.is_whitespace()).is_some() {
            spaced = true;
        }
        let Some(&(at, next)) = it.peek() else {
            break;
        };
        if !spaced {
            continue;
        }
        let capital = next.is_uppercase() || (next.is_alphabetic() && !next.is_lowercase());
        let not_an_end = c == '.'
            && (ends_abbreviation(&text[..pos]) || ordinal_date(&text[..pos], &text[at..]));
        if (capital || is_opener(next)) && !not_an_end {
            starts.push(at);
        }
    }
    starts
}

/// True when the word just before a dot is an abbreviation or an initial.
pub fn ends_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || is_opener(c))
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    // A single initial ("Jay Y."), or dotted initials ("U.S", "U.N").
    if letters == 1 && word.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2) {
        return true;
    }
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<(String, Vec<u32>)> {
        paragraph(text)
            .sentences
            .into_iter()
            .map(|s| (s.text, s.citations))
            .collect()
    }

    #[test]
    fn markers_before_and_after_the_full_stop() {
        let got = split("He met Li [1][2]. He left[3]. Then it rained. [4]");
        assert_eq!(
            got,
            vec![
                ("He met Li.".into(), vec![1, 2]),
                ("He left.".into(), vec![3]),
                ("Then it rained.".into(), vec![4]),
            ]
        );
    }

    #[test]
    fn grouped_markers_after_the_last_stop_belong_to_the_last_sentence() {
        let got = split("One thing. Another thing. [1][2][3][4]");
        assert_eq!(got[0].1, Vec::<u32>::new());
        assert_eq!(got[1].1, vec![1, 2, 3, 4]);
    }

    #[test]
    fn markers_between_sentences_close_the_first() {
        let got = split("The vote was close. [2] Critics disagreed.");
        assert_eq!(got[0], ("The vote was close.".into(), vec![2]));
        assert_eq!(got[1], ("Critics disagreed.".into(), vec![]));
    }

    #[test]
    fn mid_sentence_marker_keeps_spacing() {
        assert_eq!(split("Lee [1] said so.")[0].0, "Lee said so.");
    }

    #[test]
    fn a_german_ordinal_date_does_not_split() {
        assert_eq!(
            split("Ab dem 1. Mai fahren vier Schiffe. Dann mehr.").len(),
            2
        );
        assert_eq!(split("Prices rose by 12. Officials said so.").len(), 2);
        assert_eq!(
            split("Cllr. Maeve Dunleavy said so. Others agreed.").len(),
            2
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        let got = split(
            "Lee spent Jan. 4 in Beijing. Mr. Lee met U.S. officials and Jay Y. Lee. It ended.",
        );
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[1].0, "Mr. Lee met U.S. officials and Jay Y. Lee.");
    }

    #[test]
    fn quotes_open_and_close_sentences() {
        let got = split("He said “no.” “Yes,” she said. ‘Fine.’ Done!");
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[1].0, "“Yes,” she said.");
    }

    #[test]
    fn lowercase_after_stop_does_not_split() {
        assert_eq!(split("Version 2. it goes on.").len(), 1);
    }

    #[test]
    fn brackets_that_are_not_markers_stay() {
        assert_eq!(
            split("A [[[[ run and [note] stay.")[0].0,
            "A [[[[ run and [note] stay."
        );
        assert_eq!(split("Grouped [1, 3].")[0].1, vec![1, 3]);
    }

    #[test]
    fn caseless_scripts_split() {
        assert_eq!(split("これは文です。次の文です。").len(), 2);
        assert_eq!(split("यह वाक्य है। दूसरा वाक्य।").len(), 2);
    }
}
