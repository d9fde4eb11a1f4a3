//! Searching within the open story (`/` in the story pane): the query, every
//! place it matches in the laid-out lines of the story and of its timeline, and
//! which match was moved to. Matching is by [`fold`]: case, diacritics and runs
//! of white space do not matter, and a match may run across a wrapped line.

use unicode_segmentation::UnicodeSegmentation;

use super::layout::PaneLines;
use super::line_edit::LineEdit;
use super::View;
use crate::text::fold::fold;

/// Where part of a match shows: a line of the layout and the grapheme clusters
/// `start..end` of its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub line: usize,
    pub start: usize,
    pub end: usize,
}

/// One match: the view it is in and where it shows (one hit per line it covers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub view: View,
    pub hits: Vec<Hit>,
}

/// The search box of the open story and what it found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// The text typed, with its cursor.
    pub input: LineEdit,
    /// Every match: the story view's in line order, then the timeline's.
    pub matches: Vec<Match>,
    /// The match moved to, an index into `matches`.
    pub current: usize,
    /// Where the search started (a view and its first line shown): typing moves
    /// to the first match from there on.
    pub origin: Option<(View, usize)>,
}

impl Search {
    /// The text typed.
    pub fn query(&self) -> &str {
        self.input.text()
    }

    /// The match moved to, if there is one.
    pub fn current(&self) -> Option<&Match> {
        self.matches.get(self.current)
    }

    /// The first match at or after the origin (the first of all when none is).
    pub fn first_from_origin(&self) -> usize {
        let Some((view, line)) = self.origin else {
            return 0;
        };
        let rank = |v: View| usize::from(v == View::Timeline);
        self.matches
            .iter()
            .position(|m| (rank(m.view), m.hits[0].line) >= (rank(view), line))
            .unwrap_or(0)
    }
}

/// The first line of `layout` worth searching in `view`: the timeline repeats
/// the story's title and meta line above its first event, so it starts there.
pub fn first_line(layout: &PaneLines, view: View) -> usize {
    match view {
        View::Story => 0,
        View::Timeline => layout.items.first().map_or(layout.lines.len(), |i| i.first),
    }
}

/// Every match of `query` in the lines of `layout` from line `from` on.
pub fn find(layout: &PaneLines, from: usize, query: &str) -> Vec<Vec<Hit>> {
    let needle = fold(query);
    if needle.is_empty() {
        return Vec::new();
    }
    // The folded text of the lines, one space between them and for every run
    // of white space, and for each of its bytes the line and the cluster it
    // came from.
    let mut hay = String::new();
    let mut from_at: Vec<(usize, usize)> = Vec::new();
    // Clusters per line, from line `from` on.
    let mut lens = Vec::new();
    for (line, spans) in layout.lines.iter().enumerate().skip(from) {
        let mut n = 0;
        for span in spans {
            for g in span.text.graphemes(true) {
                let folded = if g.chars().all(char::is_whitespace) {
                    " ".to_string()
                } else {
                    fold(g)
                };
                for c in folded.chars() {
                    if c == ' ' && (hay.is_empty() || hay.ends_with(' ')) {
                        continue;
                    }
                    hay.push(c);
                    from_at.extend(std::iter::repeat_n((line, n), c.len_utf8()));
                }
                n += 1;
            }
        }
        lens.push(n);
        if !hay.is_empty() && !hay.ends_with(' ') {
            hay.push(' ');
            from_at.push((line, n));
        }
    }
    hay.match_indices(needle.as_str())
        .map(|(at, m)| {
            let mut hits: Vec<Hit> = Vec::new();
            for &(line, g) in &from_at[at..at + m.len()] {
                if g >= lens[line - from] {
                    continue; // the space between two lines
                }
                match hits.last_mut() {
                    Some(h) if h.line == line => h.end = g + 1,
                    _ => hits.push(Hit {
                        line,
                        start: g,
                        end: g + 1,
                    }),
                }
            }
            hits
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::layout::{Span, SpanKind};

    fn lines(text: &[&str]) -> PaneLines {
        PaneLines {
            lines: text
                .iter()
                .map(|t| {
                    vec![Span {
                        text: t.to_string(),
                        kind: SpanKind::Body,
                        item: None,
                    }]
                })
                .collect(),
            ..PaneLines::default()
        }
    }

    fn hit(line: usize, start: usize, end: usize) -> Hit {
        Hit { line, start, end }
    }

    #[test]
    fn case_and_diacritics_do_not_matter_and_positions_are_clusters() {
        let l = lines(&[
            "Zürich council: ZURICH and zu\u{308}rich",
            "Cafe\u{301} Crème",
        ]);
        let found = find(&l, 0, "zurich");
        assert_eq!(
            found,
            vec![
                vec![hit(0, 0, 6)],
                vec![hit(0, 16, 22)],
                vec![hit(0, 27, 33)]
            ]
        );
        assert_eq!(find(&l, 0, "CAFÉ CREME"), vec![vec![hit(1, 0, 10)]]);
        assert!(find(&l, 0, "  ").is_empty());
        assert_eq!(find(&l, 1, "zurich"), Vec::<Vec<Hit>>::new());
    }

    #[test]
    fn a_match_runs_across_a_wrapped_line_and_its_indent() {
        let l = lines(&["  the flood", "  barrier holds"]);
        assert_eq!(
            find(&l, 0, "flood   barrier"),
            vec![vec![hit(0, 6, 11), hit(1, 2, 9)]]
        );
    }

    #[test]
    fn typing_lands_on_the_first_match_from_where_the_search_started() {
        let m = |view, line| Match {
            view,
            hits: vec![hit(line, 0, 1)],
        };
        let mut s = Search {
            matches: vec![m(View::Story, 2), m(View::Story, 9), m(View::Timeline, 4)],
            origin: Some((View::Story, 5)),
            ..Search::default()
        };
        assert_eq!(s.first_from_origin(), 1);
        s.origin = Some((View::Timeline, 0));
        assert_eq!(s.first_from_origin(), 2);
        s.origin = Some((View::Timeline, 7));
        assert_eq!(s.first_from_origin(), 0, "none after it: the first");
    }
}
