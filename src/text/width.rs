//! Display width, measured one way for every layer: by grapheme cluster, as the
//! terminal screen's cells hold text (wide CJK and emoji count two, a letter with
//! its marks one); fitting and wrapping text into columns by it; and how a
//! terminal that lays out character by character draws a cluster.

use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width of `s`: the sum of its clusters' widths.
pub fn width(s: &str) -> usize {
    if printable_ascii(s) {
        return s.len();
    }
    s.graphemes(true).map(cluster_width).sum()
}

/// Text whose every byte is a printable ASCII character: one column each, each
/// its own cluster (most titles and words; measured without segmenting).
fn printable_ascii(s: &str) -> bool {
    s.bytes().all(|b| (0x20..0x7f).contains(&b))
}

/// Display width of one grapheme cluster, as a screen cell measures it (the
/// halfwidth sound marks ﾞ ﾟ take a column of their own).
pub fn cluster_width(g: &str) -> usize {
    g.width() + g.chars().filter(|&c| is_halfwidth_sound_mark(c)).count()
}

fn is_halfwidth_sound_mark(c: char) -> bool {
    matches!(c, '\u{FF9E}' | '\u{FF9F}')
}

/// `s` cut to at most `width` columns between clusters, with `…` when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if self::width(s) <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let (head, _) = split_at_width(s, width - 1);
    format!("{head}…")
}

/// The longest head of `s` (whole clusters) at most `width` columns wide, and its
/// width.
pub fn split_at_width(s: &str, width: usize) -> (&str, usize) {
    if printable_ascii(s) {
        let n = s.len().min(width);
        return (&s[..n], n);
    }
    let mut w = 0;
    for (at, g) in s.grapheme_indices(true) {
        let gw = cluster_width(g);
        if w + gw > width {
            return (&s[..at], w);
        }
        w += gw;
    }
    (s, w)
}

/// A word waiting to be wrapped.
#[derive(Debug)]
struct Word<'a> {
    text: &'a str,
    width: usize,
}

impl Fragment for Word<'_> {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        1.0
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// `s` wrapped into lines of at most `width` columns at spaces; a word wider than
/// a line is cut between clusters.
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut words = Vec::new();
    for mut w in s.split(' ').filter(|w| !w.is_empty()) {
        while self::width(w) > width {
            let (head, hw) = split_at_width(w, width);
            // A cluster wider than the whole line goes on a line of its own.
            let head = if head.is_empty() {
                w.graphemes(true).next().unwrap_or(w)
            } else {
                head
            };
            words.push(Word {
                text: head,
                width: hw.max(1),
            });
            w = &w[head.len()..];
        }
        words.push(Word {
            text: w,
            width: self::width(w),
        });
    }
    let lines = wrap_first_fit(&words, &[width as f64]);
    let mut out: Vec<String> = lines
        .iter()
        .map(|line| line.iter().map(|w| w.text).collect::<Vec<&str>>().join(" "))
        .collect();
    if out.is_empty() {
        out.push(String::new());
    }
    out
}

/// How a terminal that lays text out character by character (xterm, tmux, the
/// VTE terminals) draws the cluster `g`: each character that takes columns starts
/// a cell of its own and marks that take none join the cell before. The joiner
/// and the presentation selectors are left out: terminals disagree on whether
/// they join emoji or widen a symbol, so a cell holding them could be drawn wider
/// or narrower than the screen thinks.
pub fn terminal_cells(g: &str) -> Vec<(String, usize)> {
    let mut cells: Vec<(String, usize)> = Vec::new();
    for c in g.chars() {
        if matches!(c, '\u{200D}' | '\u{FE0E}' | '\u{FE0F}') {
            continue;
        }
        let w = if is_halfwidth_sound_mark(c) {
            1
        } else {
            c.width().unwrap_or(0)
        };
        match cells.last_mut() {
            Some(last) if w == 0 => last.0.push(c),
            _ => cells.push((c.to_string(), w)),
        }
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_count_two_columns() {
        assert_eq!(width("부산"), 4);
        assert_eq!(truncate("부산福岡🚢", 5), "부산…");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 0), "");
    }

    #[test]
    fn clusters_are_measured_and_cut_whole() {
        // A family joined with ZWJ is one cluster two columns wide, not four emoji.
        assert_eq!(width("👨\u{200D}👩\u{200D}👧\u{200D}👦"), 2);
        // भा is one cluster of two columns; में one column.
        assert_eq!(width("भारत में"), 6);
        assert_eq!(truncate("भारत में चुनाव", 4), "भार…");
        assert_eq!(truncate("שָׁלוֹם עולם", 3), "שָׁל…");
        assert_eq!(split_at_width("e\u{301}x", 1), ("e\u{301}", 1));
    }

    #[test]
    fn wrapping_keeps_words_and_clusters_whole() {
        assert_eq!(
            wrap("claims citing this source", 12),
            ["claims", "citing this", "source"]
        );
        assert_eq!(wrap("भारतभारत", 3), ["भार", "तभा", "रत"]);
        assert_eq!(wrap("", 5), [""]);
    }

    #[test]
    fn a_character_terminal_draws_marks_with_their_letter_and_splits_the_rest() {
        let cells = |g: &str| terminal_cells(g);
        assert_eq!(cells("भा"), [("भ".into(), 1), ("ा".into(), 1)]);
        assert_eq!(cells("में"), [("में".into(), 1)]);
        assert_eq!(cells("👨\u{200D}👩"), [("👨".into(), 2), ("👩".into(), 2)]);
        assert_eq!(cells("❤\u{FE0F}"), [("❤".into(), 1)]);
        assert_eq!(cells("ｶﾞ"), [("ｶ".into(), 1), ("ﾞ".into(), 1)]);
    }
}
