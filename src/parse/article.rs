//! Article pages: image captions with credits or AI badges, title, stand-first,
//! body with subheadings, a "what people are saying" block, related-article cards,
//! and page chrome (sign-up prompts, cookie banners) in the page's UI language.
//!
//! Labels come from `assets/labels/`; where a page's language has no table, badges
//! are recognized as short lines that recur and name AI, and a cookie banner as the
//! few lines left after a run of blank spacer lines at the end of the page.

use super::labels::{Badges, Labels};
use super::{sentences, Line};
use crate::model::{Document, Image, Kind, Related, Section};

/// What a line of an article page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Text,
    Chrome,
    Credit,
    Badge(Badges),
    ReactionsLabel,
    RelatedLabel,
}

/// Which part of the page the walk is in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Body,
    Reactions,
    Related,
}

const MAX_TITLE_WORDS: usize = 30;
const MAX_SUBHEADING_WORDS: usize = 8;
const FOOTER_LINES: usize = 4;

/// Parses an article page.
pub fn parse(lines: &[Line], labels: &Labels) -> Document {
    let end = footer_start(lines, labels);
    let lines = &lines[..end];
    let roles = classify(lines, labels);
    let mut w = Walk {
        doc: Document::new(Kind::Article, String::new()),
        section: Section {
            heading: None,
            paragraphs: Vec::new(),
        },
        card: Related {
            title: None,
            summary: None,
            image: None,
            ai_generated: false,
        },
        paragraphs_seen: 0,
        has_title: false,
    };
    let body_paragraphs = count_body_paragraphs(lines, &roles);
    let mut part = Part::Body;
    let mut i = 0;
    while i < lines.len() {
        let text = lines[i].text;
        let next_role = roles.get(i + 1).copied();
        match roles[i] {
            Role::Chrome | Role::Credit => {}
            Role::ReactionsLabel => part = Part::Reactions,
            Role::RelatedLabel => {
                w.flush_section();
                part = Part::Related;
            }
            Role::Badge(b) => {
                if part == Part::Related {
                    w.card.ai_generated |= b.ai_image || b.ai_report;
                }
            }
            Role::Text => {
                // A caption is followed by its credit, or reads as a sentence and is
                // followed by an AI-image badge (titles are followed by badges too).
                let is_caption = next_role == Some(Role::Credit)
                    || (matches!(next_role, Some(Role::Badge(b)) if b.ai_image)
                        && ends_sentence(text));
                if is_caption {
                    let (credit, ai) = match next_role {
                        Some(Role::Credit) => {
                            (Some(labels.strip_credit_label(lines[i + 1].text)), false)
                        }
                        _ => (None, true),
                    };
                    if part == Part::Related {
                        w.card.image = Some(text.to_string());
                        w.card.ai_generated |= ai;
                    } else {
                        w.doc.images.push(Image {
                            caption: text.to_string(),
                            credit,
                            ai_generated: ai,
                            url: None,
                        });
                    }
                    i += 2;
                    continue;
                }
                match part {
                    Part::Body => w.body_text(lines, i, &roles, body_paragraphs),
                    Part::Reactions => w.doc.reactions.push(sentences::paragraph(text)),
                    Part::Related => w.card_text(text),
                }
            }
        }
        i += 1;
    }
    w.finish(lines)
}

/// The state of the walk over an article's lines.
struct Walk {
    doc: Document,
    section: Section,
    card: Related,
    paragraphs_seen: usize,
    has_title: bool,
}

impl Walk {
    fn body_text(&mut self, lines: &[Line], i: usize, roles: &[Role], body_paragraphs: usize) {
        let text = lines[i].text;
        let untitled = !self.has_title && self.paragraphs_seen == 0;
        if untitled && is_title_like(text) {
            self.doc.title = text.to_string();
            self.has_title = true;
            return;
        }
        // A page that starts at its lead (no title line): the first paragraph of
        // several sentences is the lead, kept whole; the title comes from it at
        // the end, and a short line after it is a subheading, not the title.
        if untitled && self.doc.lead.is_empty() {
            let paragraph = sentences::paragraph(text);
            if paragraph.sentences.len() >= 2 {
                self.doc.lead.push(paragraph);
                self.paragraphs_seen += 1;
                return;
            }
        }
        let next_is_body = roles.get(i + 1) == Some(&Role::Text)
            && lines
                .get(i + 1)
                .is_some_and(|l| word_count(l.text) > MAX_SUBHEADING_WORDS);
        let titled = self.has_title || !self.doc.lead.is_empty();
        if titled && is_subheading(text) && next_is_body {
            self.flush_section();
            self.section.heading = Some(text.to_string());
            return;
        }
        let paragraph = sentences::paragraph(text);
        let first = self.paragraphs_seen == 0;
        self.paragraphs_seen += 1;
        if first
            && self.has_title
            && body_paragraphs >= 3
            && !has_dateline(text)
            && self.section.heading.is_none()
        {
            self.doc.lead.push(paragraph);
        } else {
            self.section.paragraphs.push(paragraph);
        }
    }

    fn card_text(&mut self, text: &str) {
        if self.card.title.is_none() && !ends_sentence(text) && words_at_most(text, MAX_TITLE_WORDS)
        {
            self.card.title = Some(text.to_string());
            return;
        }
        self.card.summary = Some(text.to_string());
        self.push_card();
    }

    fn push_card(&mut self) {
        let card = std::mem::replace(
            &mut self.card,
            Related {
                title: None,
                summary: None,
                image: None,
                ai_generated: false,
            },
        );
        if card.title.is_some() || card.summary.is_some() {
            self.doc.related.push(card);
        }
    }

    fn flush_section(&mut self) {
        let heading = self.section.heading.take();
        let paragraphs = std::mem::take(&mut self.section.paragraphs);
        if heading.is_some() || !paragraphs.is_empty() {
            self.doc.sections.push(Section {
                heading,
                paragraphs,
            });
        }
    }

    fn finish(mut self, lines: &[Line]) -> Document {
        self.flush_section();
        self.push_card();
        if !self.has_title {
            self.doc.title = fallback_title(lines);
        }
        self.doc
    }
}

/// Marks every line with its role: labels first, then badges learned from the page,
/// then the related and reactions labels inferred from where they stand.
fn classify(lines: &[Line], labels: &Labels) -> Vec<Role> {
    let learned = learned_badges(lines, labels);
    let mut roles: Vec<Role> = lines
        .iter()
        .map(|l| {
            let t = l.text;
            if labels.is_navigation(t) || labels.is_chrome(t) {
                Role::Chrome
            } else if labels.is_credit(t) {
                Role::Credit
            } else if let Some(b) = labels.badges(t) {
                Role::Badge(b)
            } else if labels.is_reactions(t) {
                Role::ReactionsLabel
            } else if labels.is_related(t) {
                Role::RelatedLabel
            } else if let Some(b) = learned_badge(t, &learned) {
                Role::Badge(b)
            } else {
                Role::Text
            }
        })
        .collect();
    infer_block_labels(lines, &mut roles);
    roles
}

/// For a UI language without a table: the related label is the first short line
/// after the body that is followed, within three lines, by card structure (a badge
/// not directly under it); the reactions label is a short line that stands right
/// before it with one paragraph between.
fn infer_block_labels(lines: &[Line], roles: &mut [Role]) {
    let has_badges = roles.iter().any(|r| matches!(r, Role::Badge(_)));
    if !has_badges || roles.contains(&Role::RelatedLabel) {
        return;
    }
    let is_badge = |i: usize| matches!(roles.get(i), Some(Role::Badge(_)));
    let short = |i: usize| roles[i] == Role::Text && is_subheading(lines[i].text);
    let mut paragraphs = 0;
    let mut related = None;
    for i in 0..lines.len() {
        if roles[i] == Role::Text && ends_sentence(lines[i].text) {
            paragraphs += 1;
        }
        if paragraphs >= 2 && short(i) && !is_badge(i + 1) && (i + 2..=i + 3).any(is_badge) {
            related = Some(i);
            break;
        }
    }
    let Some(r) = related else { return };
    let reactions = r >= 2
        && !roles.contains(&Role::ReactionsLabel)
        && short(r - 2)
        && roles[r - 1] == Role::Text
        && ends_sentence(lines[r - 1].text);
    roles[r] = Role::RelatedLabel;
    if reactions {
        roles[r - 2] = Role::ReactionsLabel;
    }
}

/// A badge learned from the page, and whether it marks an AI image.
struct Learned {
    text: String,
    image: bool,
}

/// Short lines that name AI and recur on the page, alone or inside a longer badge
/// line: badges in a language we have no table for. A badge is an image badge when
/// it stands under the page's first line (the hero caption) or last in a combined
/// line (pages put the report badge first); otherwise a report badge.
fn learned_badges(lines: &[Line], labels: &Labels) -> Vec<Learned> {
    let candidates: Vec<&str> = lines
        .iter()
        .map(|l| l.text)
        .filter(|t| {
            words_at_most(t, 8) && !ends_sentence(t) && names_ai(t) && labels.badges(t).is_none()
        })
        .collect();
    let mut found: Vec<Learned> = Vec::new();
    for &c in &candidates {
        let uses = candidates.iter().filter(|o| o.contains(c)).count();
        if !words_at_most(c, 6) || uses < 2 || found.iter().any(|f| f.text == c) {
            continue;
        }
        let under_hero = lines.get(1).is_some_and(|l| l.text == c);
        let last_in_combined = candidates
            .iter()
            .any(|o| o.len() > c.len() && o.ends_with(c));
        found.push(Learned {
            text: c.to_string(),
            image: under_hero || last_in_combined,
        });
    }
    found.sort_by_key(|l| std::cmp::Reverse(l.text.len()));
    found
}

fn names_ai(t: &str) -> bool {
    t.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .any(|w| {
            matches!(
                w.trim_start_matches("l'"),
                "AI" | "IA" | "KI" | "ИИ" | "एआई" | "الذكاء"
            )
        })
}

/// A line made only of learned badges, and what they say.
fn learned_badge(text: &str, learned: &[Learned]) -> Option<Badges> {
    if learned.is_empty() {
        return None;
    }
    let mut found = Badges::default();
    let mut rest = text.trim();
    'outer: while !rest.is_empty() {
        for b in learned {
            if let Some(r) = rest.strip_prefix(b.text.as_str()) {
                found.ai_image |= b.image;
                found.ai_report |= !b.image;
                rest = r.trim_start();
                continue 'outer;
            }
        }
        return None;
    }
    Some(found)
}

/// Index where the page's footer chrome (cookie banner and its buttons) starts.
fn footer_start(lines: &[Line], labels: &Labels) -> usize {
    if let Some(i) = lines.iter().position(|l| labels.is_cookie_title(l.text)) {
        let rest = &lines[i + 1..];
        let banner = rest.len() <= FOOTER_LINES
            || rest.iter().take(FOOTER_LINES).all(|l| {
                labels.is_cookie_text(l.text)
                    || labels.is_button(l.text)
                    || words_at_most(l.text, 3)
            });
        if banner {
            return i;
        }
    }
    // A run of blank spacer lines followed by a few short lines: a banner in a
    // language we have no table for.
    let n = lines.len();
    for i in n.saturating_sub(FOOTER_LINES)..n {
        if lines[i].after_spacers >= 2 {
            let rest = &lines[i..];
            let sentences = rest.iter().filter(|l| ends_sentence(l.text)).count();
            if rest.len() <= FOOTER_LINES && sentences <= 1 {
                return i;
            }
        }
    }
    n
}

fn count_body_paragraphs(lines: &[Line], roles: &[Role]) -> usize {
    let stop = roles
        .iter()
        .position(|r| matches!(r, Role::ReactionsLabel | Role::RelatedLabel))
        .unwrap_or(roles.len());
    lines[..stop]
        .iter()
        .zip(roles)
        .filter(|(l, r)| {
            **r == Role::Text
                && ends_sentence(l.text)
                && !words_at_most(l.text, MAX_SUBHEADING_WORDS)
        })
        .count()
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// True when `s` has at most `n` words, without counting past them.
fn words_at_most(s: &str, n: usize) -> bool {
    s.split_whitespace().nth(n).is_none()
}

/// Ends like a sentence (allowing closing quotes and brackets).
fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| "\"'”’)»".contains(c) || c.is_whitespace());
    t.ends_with(['.', '!', '?', '…', '。', '।', '؟']) || s.trim_end().ends_with(']')
}

fn is_title_like(s: &str) -> bool {
    let n = word_count(s);
    (2..=MAX_TITLE_WORDS).contains(&n) && !s.trim_end().ends_with('.')
}

fn is_subheading(s: &str) -> bool {
    let n = word_count(s);
    let first = s.chars().next().unwrap_or(' ');
    (1..=MAX_SUBHEADING_WORDS).contains(&n)
        && !ends_sentence(s)
        && !s.ends_with([':', ',', ';'])
        && !first.is_lowercase()
}

/// `BEIJING – ...` or `LONDON (Reuters) - ...`: a wire dateline opens the body.
fn has_dateline(s: &str) -> bool {
    let head: String = s.chars().take(40).collect();
    ["–", "—", " - "].iter().any(|sep| {
        head.split_once(sep).is_some_and(|(place, _)| {
            let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
            !letters.is_empty()
                && letters.iter().take_while(|c| c.is_uppercase()).count() >= letters.len().min(4)
        })
    })
}

/// A title for a page that had none: its first line, cut at a sentence or 80 chars.
pub(super) fn fallback_title(lines: &[Line]) -> String {
    let Some(first) = lines.first() else {
        return String::new();
    };
    let first_sentence = sentences::paragraph(first.text)
        .sentences
        .into_iter()
        .next()
        .map(|s| s.text)
        .unwrap_or_default();
    if first_sentence.chars().count() <= 100 {
        return first_sentence;
    }
    let cut: String = first_sentence.chars().take(80).collect();
    let cut = cut
        .rsplit_once(' ')
        .map_or(cut.as_str(), |(a, _)| a)
        .to_string();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        assert!(has_dateline("BEIJING – South Korean President Lee"));
        assert!(has_dateline("LONDON (Reuters) - Shares fell"));
        assert!(!has_dateline(
            "In a summit in Beijing, South Korean President"
        ));
        assert!(!has_dateline("Chinese President Xi – and Lee"));
    }

    #[test]
    fn ai_tokens() {
        assert!(names_ai("Picha iliyotengenezwa na AI"));
        assert!(names_ai("Rapporté par l'IA"));
        assert!(!names_ai("Said"));
    }
}
