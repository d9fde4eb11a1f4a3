//! Search snippets cut from a document's own text: the search index keeps no copy
//! of it (a contentless FTS5 table since schema 7), so `search` cuts them here,
//! for the hits it prints, as FTS5's `snippet()` did: a window of a dozen words
//! holding the most query words, each match between `«` and `»`, `…` where text
//! was left out. Words are matched folded (`text::fold`), as the index folds them.

use crate::text::fold::fold;

/// A word of a query: the whole word, or (the last word typed) a prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub word: String,
    pub prefix: bool,
}

impl Term {
    fn matches(&self, folded: &str) -> bool {
        if self.prefix {
            folded.starts_with(&self.word)
        } else {
            folded == self.word
        }
    }
}

/// The words of a snippet.
pub const WIDTH: usize = 12;

/// A token: its byte range in the text and the query word it matches.
struct Token {
    start: usize,
    end: usize,
    hit: Option<usize>,
}

/// Byte ranges of the words of `text`: runs of letters, digits and combining
/// marks, as the index's `unicode61` tokenizer reads them.
fn tokens(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let word = |c: char| c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c);
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.by_ref().find(|&(_, c)| word(c))?;
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !word(c) {
                end = i;
                break;
            }
            chars.next();
        }
        Some((start, end))
    })
}

/// `width` words of `text` around its best matches of `terms`; the start of
/// the text when nothing in it matches (the match was in the title or sources).
pub fn snippet(text: &str, terms: &[Term], width: usize) -> String {
    let toks: Vec<Token> = tokens(text)
        .map(|(start, end)| {
            let folded = fold(&text[start..end]);
            let hit = terms.iter().position(|t| t.matches(&folded));
            Token { start, end, hit }
        })
        .collect();
    if toks.is_empty() || width == 0 {
        return String::new();
    }
    // The window that starts at a match and holds the most distinct query
    // words; the first such.
    let mut best: Option<(usize, usize, usize)> = None; // (words, first, last match)
    for first in (0..toks.len()).filter(|&i| toks[i].hit.is_some()) {
        let end = (first + width).min(toks.len());
        let mut seen = vec![false; terms.len()];
        let mut last = first;
        for (i, t) in toks.iter().enumerate().take(end).skip(first) {
            if let Some(k) = t.hit {
                seen[k] = true;
                last = i;
            }
        }
        let words = seen.iter().filter(|&&s| s).count();
        if best.is_none_or(|(w, ..)| words > w) {
            best = Some((words, first, last));
        }
    }
    // Centre the matches: the words they leave spare go half before them.
    let start = match best {
        Some((_, first, last)) => first.saturating_sub((width - (last - first + 1)) / 2),
        None => 0,
    };
    let end = (start + width).min(toks.len());
    let start = start.min(end.saturating_sub(width));
    let mut out = String::new();
    let mut at = if start == 0 { 0 } else { toks[start].start };
    if start > 0 {
        out.push('…');
    }
    for t in &toks[start..end] {
        push_spaced(&mut out, &text[at..t.start]);
        if t.hit.is_some() {
            out.push('«');
            out.push_str(&text[t.start..t.end]);
            out.push('»');
        } else {
            out.push_str(&text[t.start..t.end]);
        }
        at = t.end;
    }
    if end < toks.len() {
        out.push('…');
    } else {
        push_spaced(&mut out, text[at..].trim_end());
    }
    out
}

/// Pushes the text between two words with each run of white space (paragraph
/// breaks too) as one space.
fn push_spaced(out: &mut String, between: &str) {
    let mut space = false;
    for c in between.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(words: &[&str], prefix_last: bool) -> Vec<Term> {
        words
            .iter()
            .enumerate()
            .map(|(i, w)| Term {
                word: w.to_string(),
                prefix: prefix_last && i == words.len() - 1,
            })
            .collect()
    }

    #[test]
    fn matches_are_marked_in_a_window_of_words_with_ellipses_where_text_was_cut() {
        let text = "One two three four five six seven eight nine ten eleven twelve \
                    thirteen fourteen. The harbour plan passed at the council\non Monday \
                    after a long debate about the barrier and the costs of it all.";
        assert_eq!(
            snippet(text, &terms(&["harbour", "plan"], false), WIDTH),
            "…eleven twelve thirteen fourteen. The «harbour» «plan» passed at the council on…"
        );
        assert_eq!(
            snippet(text, &terms(&["counc"], true), 6),
            "…at the «council» on Monday after…"
        );
        assert_eq!(
            snippet(text, &terms(&["costs"], false), WIDTH),
            "…a long debate about the barrier and the «costs» of it all.",
            "the window ends with the text"
        );
        assert_eq!(
            snippet(text, &terms(&["absent"], false), 3),
            "One two three…",
            "no match in this text: its start"
        );
    }

    #[test]
    fn the_window_with_the_most_query_words_wins_and_words_match_folded() {
        let text = "Seoul said little. Later, talks between Korea\u{2011}China and the \
                    Corée du Sud went on in Séoul today.";
        assert_eq!(
            snippet(text, &terms(&["coree", "seoul"], false), 8),
            "…«Corée» du Sud went on in «Séoul» today."
        );
        assert_eq!(
            snippet(text, &terms(&["korea", "china"], false), 4),
            "…between «Korea»\u{2011}«China» and…"
        );
        assert_eq!(snippet("", &terms(&["x"], false), WIDTH), "");
    }
}
