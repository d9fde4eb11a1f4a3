//! Story pages: title, `Updated (N articles)`, bullet sections with flattened
//! headings (or `• Heading: text` Key Facts bullets), `Sources`, and a `Timeline`.

use super::heading::{self, Recurrence};
use super::labels::{CountLabel, Labels};
use super::{dates, sentences, Line};
use crate::model::{Document, Event, Kind, Section, Source};

/// Which block of a story page a line belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Block {
    Body,
    Sources,
    Timeline,
}

/// Parses one story: `lines[0]` is its title, the rest runs to the next story.
pub fn parse(lines: &[Line], labels: &Labels) -> Document {
    let mut doc = Document::new(Kind::Story, lines[0].text.to_string());
    // A page that starts at its lead (no title line): the paragraph stays whole as
    // the lead and the title is taken from its first sentence.
    let opening = sentences::paragraph(lines[0].text);
    if opening.sentences.len() >= 2 {
        doc.title = super::article::fallback_title(lines);
        doc.lead.push(opening);
    }
    let body_text: String = lines.iter().map(|l| l.text).collect::<Vec<_>>().join("\n");
    let rec = Recurrence::new(&body_text);

    let mut block = Block::Body;
    let mut pending_heading: Option<String> = None;
    let mut source_lines: Vec<&str> = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(1) {
        let text = line.text;
        if let Some((label, n)) = labels.count_line(text) {
            if label == CountLabel::Sources {
                block = Block::Sources;
            }
            if label == CountLabel::Updated || doc.article_count.is_none() {
                doc.article_count = Some(n);
            }
            continue;
        }
        if labels.is_sources(text) {
            block = Block::Sources;
            continue;
        }
        if labels.is_timeline(text) {
            block = Block::Timeline;
            continue;
        }
        if labels.is_status_line(text) || labels.is_key_facts(text) || labels.is_navigation(text) {
            continue;
        }
        match block {
            Block::Body => {
                let next = lines.get(i + 1).map(|l| l.text);
                body_line(&mut doc, text, next, &mut pending_heading, &rec, labels);
            }
            Block::Sources => source_lines.push(text),
            Block::Timeline => timeline_line(&mut doc, text, labels),
        }
    }
    if let Some(h) = pending_heading {
        doc.sections.push(Section {
            heading: Some(h),
            paragraphs: Vec::new(),
        });
    }
    doc.sources = parse_sources(&source_lines);
    doc
}

/// One line of the body: a bullet, a heading on its own line, or a paragraph whose
/// heading was flattened onto it.
fn body_line(
    doc: &mut Document,
    text: &str,
    next: Option<&str>,
    pending: &mut Option<String>,
    rec: &Recurrence,
    labels: &Labels,
) {
    let (bullet, text) = strip_bullet(text);
    if bullet {
        if let Some((head, rest)) = colon_heading(text) {
            push_section(doc, Some(head.to_string()), rest);
            return;
        }
    }
    if pending.is_none() && is_standalone_heading(text, next, labels) {
        *pending = Some(text.to_string());
        return;
    }
    if let Some(h) = pending.take() {
        push_section(doc, Some(h), text);
        return;
    }
    match heading::split(text, rec) {
        Some(cut) => push_section(doc, Some(text[..cut].trim().to_string()), &text[cut..]),
        None if doc.sections.is_empty() => doc.lead.push(sentences::paragraph(text)),
        None => push_section(doc, None, text),
    }
}

fn push_section(doc: &mut Document, heading: Option<String>, body: &str) {
    let paragraph = sentences::paragraph(body.trim());
    doc.sections.push(Section {
        heading,
        paragraphs: vec![paragraph],
    });
}

/// `• Heading: text`, `- Heading: text`, `* Heading: text`.
fn strip_bullet(text: &str) -> (bool, &str) {
    for b in ['•', '●', '◦', '▪', '‣', '·', '*', '-', '–'] {
        if let Some(rest) = text.strip_prefix(b) {
            if rest.starts_with(' ') {
                return (true, rest.trim_start());
            }
        }
    }
    (false, text)
}

/// Splits `Heading: text` when the part before the colon is short and has no stop.
fn colon_heading(text: &str) -> Option<(&str, &str)> {
    let i = text.find(": ")?;
    let head = text[..i].trim();
    let words = head.split_whitespace().count();
    if words == 0 || words > 16 || head.contains(['.', '!', '?', '[']) {
        return None;
    }
    Some((head, text[i + 2..].trim()))
}

/// A short line without a full stop or citations, followed by a longer line.
fn is_standalone_heading(text: &str, next: Option<&str>, labels: &Labels) -> bool {
    let words = text.split_whitespace().count();
    let Some(next) = next else { return false };
    words <= 14
        && !text.ends_with(['.', '!', '?', ':', ';', ','])
        && !text.contains('[')
        && next.split_whitespace().count() > words
        && next.ends_with(['.', '!', '?', ']', '”', '"'])
        && labels.count_line(next).is_none()
}

/// One timeline line: a dated event, or the continuation of the one before.
fn timeline_line(doc: &mut Document, text: &str, labels: &Labels) {
    match dates::dated_line(text, labels) {
        Some((date, rest)) => {
            let (clean, markers) = sentences::lift_markers(&rest);
            let mut citations: Vec<u32> = Vec::new();
            for n in markers.into_iter().flat_map(|(_, v)| v) {
                if !citations.contains(&n) {
                    citations.push(n);
                }
            }
            doc.timeline.push(Event {
                date,
                text: clean.trim().to_string(),
                citations,
            });
        }
        None => {
            let (clean, markers) = sentences::lift_markers(text);
            if let Some(last) = doc.timeline.last_mut() {
                last.text.push(' ');
                last.text.push_str(clean.trim());
                for n in markers.into_iter().flat_map(|(_, v)| v) {
                    if !last.citations.contains(&n) {
                        last.citations.push(n);
                    }
                }
            }
        }
    }
}

/// Source entries: `[n]` then `Outlet: Title: Summary`, entries split by `-` lines;
/// `[n] Outlet: ...` on one line and URL lines are accepted too.
fn parse_sources(lines: &[&str]) -> Vec<Source> {
    let mut out: Vec<Source> = Vec::new();
    let mut current: Option<(u32, Vec<&str>)> = None;
    let flush = |cur: Option<(u32, Vec<&str>)>, out: &mut Vec<Source>| {
        if let Some((n, parts)) = cur {
            if let Some(s) = source_entry(n, &parts) {
                out.push(s);
            }
        }
    };
    for &line in lines {
        if line
            .chars()
            .all(|c| matches!(c, '-' | '–' | '—' | '_' | '*'))
        {
            continue;
        }
        if let Some((n, rest)) = numbered(line) {
            flush(current.take(), &mut out);
            let mut parts = Vec::new();
            if !rest.is_empty() {
                parts.push(rest);
            }
            current = Some((n, parts));
        } else if let Some((_, parts)) = current.as_mut() {
            parts.push(line);
        } else {
            let n = out.last().map_or(1, |s| s.n + 1);
            current = Some((n, vec![line]));
        }
    }
    flush(current, &mut out);
    out
}

/// `[3]` alone, or `[3] rest` on one line.
fn numbered(line: &str) -> Option<(u32, &str)> {
    let inner = line.strip_prefix('[')?;
    let close = inner.find(']')?;
    let n = inner[..close].trim().parse().ok()?;
    Some((n, inner[close + 1..].trim()))
}

fn source_entry(n: u32, parts: &[&str]) -> Option<Source> {
    let mut url = None;
    let mut text_parts: Vec<&str> = Vec::new();
    for p in parts {
        if (p.starts_with("http://") || p.starts_with("https://")) && !p.contains(' ') {
            url.get_or_insert_with(|| p.to_string());
        } else {
            text_parts.push(p);
        }
    }
    let text = text_parts.join(" ");
    if text.trim().is_empty() && url.is_none() {
        return None;
    }
    let (outlet, title, summary) = split_source_text(&text);
    Some(Source {
        n,
        outlet,
        title: title.unwrap_or_else(|| url.clone().unwrap_or_default()),
        summary,
        url,
    })
}

/// `Outlet: Title: Summary`. Titles may hold colons; the summary is the last part
/// that starts with a capital and reads as a sentence of at least four words.
fn split_source_text(text: &str) -> (Option<String>, Option<String>, Option<String>) {
    let parts: Vec<&str> = text.split(": ").map(str::trim).collect();
    let own = |s: &str| (!s.is_empty()).then(|| s.to_string());
    match parts.len() {
        0 => (None, None, None),
        1 => (None, own(parts[0]), None),
        2 => {
            if parts[0].split_whitespace().count() <= 5 {
                (own(parts[0]), own(parts[1]), None)
            } else {
                (None, own(parts[0]), own(parts[1]))
            }
        }
        _ => {
            let k = (2..parts.len())
                .rev()
                .find(|&k| {
                    let first = parts[k].chars().next().unwrap_or(' ');
                    let rest = parts[k..].join(": ");
                    (first.is_uppercase() || !first.is_alphabetic())
                        && rest.split_whitespace().count() >= 4
                })
                .unwrap_or(2);
            (
                own(parts[0]),
                own(&parts[1..k].join(": ")),
                own(&parts[k..].join(": ")),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_text_with_colons_in_the_title() {
        let (o, t, s) = split_source_text("Financial Times: Analysis: Seoul bets on Beijing: The piece weighs the risks of the visit.");
        assert_eq!(o.as_deref(), Some("Financial Times"));
        assert_eq!(t.as_deref(), Some("Analysis: Seoul bets on Beijing"));
        assert_eq!(
            s.as_deref(),
            Some("The piece weighs the risks of the visit.")
        );
    }

    #[test]
    fn source_text_with_a_colon_in_the_summary() {
        let (_, t, s) = split_source_text(
            "The Lancet: Sleep and memory: Reviews two trials: both found small effects.",
        );
        assert_eq!(t.as_deref(), Some("Sleep and memory"));
        assert_eq!(
            s.as_deref(),
            Some("Reviews two trials: both found small effects.")
        );
    }

    #[test]
    fn sources_with_urls_and_one_line_entries() {
        let got = parse_sources(&[
            "-",
            "[1]",
            "Yonhap: Title one: Summary of the first piece here.",
            "https://example.org/a",
            "-",
            "[2] The Lancet: Title two: Summary of the second piece.",
        ]);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].url.as_deref(), Some("https://example.org/a"));
        assert_eq!(got[1].outlet.as_deref(), Some("The Lancet"));
        assert_eq!(got[1].n, 2);
    }

    #[test]
    fn bullets_with_colon_headings() {
        assert_eq!(strip_bullet("• Trade: text"), (true, "Trade: text"));
        assert_eq!(
            colon_heading("Trade deal: Both sides signed [1]."),
            Some(("Trade deal", "Both sides signed [1]."))
        );
        assert_eq!(colon_heading("He said. Then: no"), None);
    }
}
