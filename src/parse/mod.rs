//! Page dumps to documents: decode the bytes, cut the text into lines, find the
//! stories a page holds (or read it as one article), and parse each.
//!
//! Pure functions of their input: no I/O here (see `crate::cli` for files).

pub mod article;
pub mod dates;
pub mod heading;
pub mod input;
pub mod labels;
pub mod sentences;
pub mod story;

pub use input::{InputError, DEFAULT_MAX_PAGE_BYTES};

use crate::model::Document;
use labels::{CountLabel, Labels};

/// One non-blank line of a page, trimmed.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    pub text: &'a str,
    /// How many white-space-only (spacer) lines stood right before it.
    pub after_spacers: usize,
}

/// Parses page bytes into the documents it holds (one, or several for a listing).
pub fn parse_bytes(bytes: &[u8], max_bytes: u64) -> Result<Vec<Document>, InputError> {
    let text = input::decode(bytes, max_bytes)?;
    Ok(parse_text(&text))
}

/// Parses already decoded, normalized text (see [`input::decode`]).
pub fn parse_text(text: &str) -> Vec<Document> {
    let labels = labels::labels();
    let lines = split_lines(text);
    if lines.is_empty() {
        return Vec::new();
    }
    let starts = story_starts(&lines, labels);
    if starts.is_empty() {
        return vec![article::parse(&lines, labels)];
    }
    starts
        .iter()
        .enumerate()
        .map(|(i, &s)| {
            let end = starts.get(i + 1).copied().unwrap_or(lines.len());
            story::parse(&lines[s..end], labels)
        })
        .collect()
}

/// Non-blank lines, trimmed, each knowing how many spacer lines preceded it.
/// A spacer is a line of spaces only (pages use them as visual gaps), which differs
/// from an empty line.
pub fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut spacers = 0;
    for raw in text.split('\n') {
        let t = raw.trim();
        if t.is_empty() {
            if !raw.is_empty() {
                spacers += 1;
            }
            continue;
        }
        out.push(Line {
            text: t,
            after_spacers: spacers,
        });
        spacers = 0;
    }
    out
}

/// Indexes of the title lines of the stories on a page: the line before each
/// `Updated (N articles)` or Key Facts status line. A page with only a `Sources (N
/// articles)` count or a `Timeline` of dated lines is one story titled by its first
/// line.
fn story_starts(lines: &[Line], labels: &Labels) -> Vec<usize> {
    let mut starts = Vec::new();
    for (i, l) in lines.iter().enumerate().skip(1) {
        let updated = matches!(labels.count_line(l.text), Some((CountLabel::Updated, _)));
        if updated || labels.is_status_line(l.text) {
            let title = (0..i)
                .rev()
                .find(|&j| !labels.is_navigation(lines[j].text))
                .unwrap_or(i - 1);
            if starts.last().is_none_or(|&s| title > s) {
                starts.push(title);
            }
        }
    }
    if starts.is_empty() {
        let has_sources = lines
            .iter()
            .any(|l| matches!(labels.count_line(l.text), Some((CountLabel::Sources, _))));
        let timeline = lines.iter().position(|l| labels.is_timeline(l.text));
        let dated_after = timeline.is_some_and(|t| {
            lines[t + 1..]
                .iter()
                .take(3)
                .any(|l| dates::dated_line(l.text, labels).is_some())
        });
        if has_sources || dated_after {
            if let Some(first) = lines.iter().position(|l| !labels.is_navigation(l.text)) {
                starts.push(first);
            }
        }
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spacer_lines_are_counted_not_kept() {
        let lines = split_lines("a\n\n \n\n\u{20}\nb\n");
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1].after_spacers, 2);
    }

    #[test]
    fn listing_page_holds_several_stories() {
        let page = "Top Headlines\nFirst Story Title\nUpdated (2 articles)\nHeading One Here The body starts here [1].\nSecond Story Title\nUpdated (3 articles)\nHeading Two Here The body starts here too [2].\n";
        let docs = parse_text(page);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].title, "First Story Title");
        assert_eq!(docs[1].article_count, Some(3));
    }

    #[test]
    fn a_page_that_starts_at_its_lead_keeps_it_whole() {
        let lead = "Water levels at the reservoir have fallen to 31% of capacity. The utility asked households to cut their use. A ban remains in force.";
        let page = format!("{lead}\nEngineers said the dam was in good condition, but the banks had begun to crack in the heat of the summer.\nFish rescue under way\nVolunteers moved about 3,000 trout and perch to a neighbouring lake over the weekend.\n");
        let doc = &parse_text(&page)[0];
        assert_eq!(
            doc.lead[0].text(),
            lead,
            "the lead is not cut down into a title"
        );
        assert_eq!(
            doc.title,
            "Water levels at the reservoir have fallen to 31% of capacity."
        );
        let heads: Vec<Option<&str>> = doc.sections.iter().map(|s| s.heading.as_deref()).collect();
        assert_eq!(heads, [None, Some("Fish rescue under way")]);

        let story = format!("{lead}\nSea Wall Rebuilt With Granite Masons cut 600 blocks at the quarry [1].\nSources (1 articles)\n[1]\nCoast News: Pool reopens: Reports it.\n");
        let doc = &parse_text(&story)[0];
        assert_eq!(doc.kind, crate::model::Kind::Story);
        assert_eq!(doc.lead[0].text(), lead);
        assert_eq!(
            doc.sections[0].heading.as_deref(),
            Some("Sea Wall Rebuilt With Granite")
        );
    }

    #[test]
    fn unstructured_text_is_an_article_with_body_paragraphs() {
        let docs = parse_text("just some words without any structure at all, going on and on for a while.\nand another line of it.\n");
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].kind, crate::model::Kind::Article);
        assert!(!docs[0].title.is_empty());
        assert!(!docs[0].sections.is_empty());
    }
}
