//! The story pane as wrapped, styled lines, built once per story, width and fold
//! state (not per frame), with the line range of every selectable item so the
//! cursor can move item by item and drawing only touches visible lines; and the
//! key map screen, wrapped the same way.

use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;

use super::keymap::{KeyMap, SCOPES};
use super::story_marks::{self, Sourcing};
use crate::diff::Changes;
use crate::model::{DateStyle, Document, Paragraph};
use crate::summary::plural;
use crate::text::sanitize::for_terminal;
use crate::text::width::{split_at_width, truncate, width as display_width};
use unicode_segmentation::UnicodeSegmentation;

/// What a span is, for the theme to colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanKind {
    Title,
    Meta,
    Heading,
    Body,
    Citation,
    Unresolved,
    Label,
    Date,
    Dim,
    Link,
    /// A key's name on the key map screen.
    Key,
    /// A source's outlet in the list of sources.
    Source,
    /// The mark of what is new (`+`) or changed (`~`) since the version read,
    /// and the header's line that counts them.
    ChangeMark,
    /// Words new since the version read: a new claim's, a changed one's added.
    Added,
}

/// A selectable thing in the story pane, identified stably across re-layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Item {
    /// A section heading (its fold mark).
    Heading(usize),
    /// A sentence: of the lead (`section: None`) or of a section.
    Claim {
        section: Option<usize>,
        para: usize,
        sent: usize,
    },
    /// A listed source, by position in `doc.sources`.
    Source(usize),
    /// A related-article card.
    Related(usize),
    /// A timeline event, by position in `doc.timeline`.
    Event(usize),
}

/// Where an item stands and what it cites.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemInfo {
    pub item: Item,
    pub first: usize,
    pub last: usize,
    pub citations: Vec<u32>,
    /// New or changed since the version read (what `c` moves to).
    pub changed: bool,
}

/// A styled run of text; `item` is the index into [`PaneLines::items`] it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub kind: SpanKind,
    pub item: Option<usize>,
}

/// The pane's lines and items.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaneLines {
    pub lines: Vec<Vec<Span>>,
    pub items: Vec<ItemInfo>,
    /// For each item, its number among claims and events (for the status bar).
    pub ordinals: Vec<Option<usize>>,
    /// How many claims and events there are.
    pub claims: usize,
}

impl PaneLines {
    /// Numbers the claims and events once, so drawing never counts them.
    fn number(mut self) -> Self {
        let mut n = 0;
        self.ordinals = self
            .items
            .iter()
            .map(|i| {
                matches!(i.item, Item::Claim { .. } | Item::Event(_)).then(|| {
                    n += 1;
                    n
                })
            })
            .collect();
        self.claims = n;
        self
    }

    /// The index of `item`, if it is laid out (not folded away).
    pub fn find(&self, item: Item) -> Option<usize> {
        self.items.iter().position(|i| i.item == item)
    }

    /// The item drawn on `line`, if any.
    pub fn item_at(&self, line: usize) -> Option<usize> {
        self.items
            .iter()
            .position(|i| (i.first..=i.last).contains(&line))
    }
}

/// A word (or part of a long one) waiting to be wrapped; `tail` are styled runs
/// glued to it (citation markers), which wrap with the word.
#[derive(Debug)]
struct Piece {
    text: String,
    kind: SpanKind,
    item: Option<usize>,
    width: usize,
    space: bool,
    tail: Vec<(String, SpanKind)>,
}

impl Fragment for Piece {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        if self.space {
            1.0
        } else {
            0.0
        }
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Builds the layout as it is assembled.
struct Builder {
    width: usize,
    out: PaneLines,
}

impl Builder {
    fn new(width: usize) -> Self {
        Builder {
            width: width.max(1),
            out: PaneLines::default(),
        }
    }

    fn blank(&mut self) {
        self.out.lines.push(Vec::new());
    }

    /// Starts an item; returns its index.
    fn begin(&mut self, item: Item, citations: Vec<u32>) -> usize {
        let line = self.out.lines.len();
        self.out.items.push(ItemInfo {
            item,
            first: line,
            last: line,
            citations,
            changed: false,
        });
        self.out.items.len() - 1
    }

    fn end(&mut self, idx: usize) {
        let last = self
            .out
            .lines
            .len()
            .saturating_sub(1)
            .max(self.out.items[idx].first);
        self.out.items[idx].last = last;
    }

    /// Wraps pieces to the width after `indent` columns; `prefix` fills the first
    /// line's indent (a fold mark, a date) and spaces the rest.
    fn wrap(&mut self, pieces: Vec<Piece>, indent: usize, prefix: Vec<Span>) {
        let avail = self.width.saturating_sub(indent).max(1);
        let pieces = split_long(pieces, avail);
        let lines = wrap_first_fit(&pieces, &[avail as f64]);
        let mut first = true;
        for line in lines {
            let mut spans: Vec<Span> = if first {
                prefix.clone()
            } else {
                vec![Span {
                    text: " ".repeat(indent),
                    kind: SpanKind::Body,
                    item: None,
                }]
            };
            first = false;
            for (i, p) in line.iter().enumerate() {
                let space = p.space && i + 1 < line.len();
                let mut runs = vec![(p.text.clone(), p.kind)];
                runs.extend(p.tail.iter().cloned());
                if space {
                    runs.last_mut().expect("one run at least").0.push(' ');
                }
                for (text, kind) in runs {
                    match spans.last_mut() {
                        Some(s)
                            if s.kind == kind && s.item == p.item && !s.text.trim().is_empty() =>
                        {
                            s.text.push_str(&text)
                        }
                        _ => spans.push(Span {
                            text,
                            kind,
                            item: p.item,
                        }),
                    }
                }
            }
            self.out.lines.push(spans);
        }
        if first {
            self.out.lines.push(prefix);
        }
    }
}

/// Words of `text` as pieces of one style and item.
fn words(text: &str, kind: SpanKind, item: Option<usize>) -> Vec<Piece> {
    let clean = for_terminal(text);
    clean
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| Piece {
            text: w.to_string(),
            kind,
            item,
            width: display_width(w),
            space: true,
            tail: Vec::new(),
        })
        .collect()
}

/// Citation markers after a sentence: `[1][2]`, unresolved ones styled apart,
/// glued to the sentence's last word so they never wrap onto a line alone.
fn markers(citations: &[u32], doc: &Document, item: Option<usize>, into: &mut Vec<Piece>) {
    let runs: Vec<(String, SpanKind)> = citations
        .iter()
        .map(|n| {
            let kind = if doc.source(*n).is_some() {
                SpanKind::Citation
            } else {
                SpanKind::Unresolved
            };
            (format!("[{n}]"), kind)
        })
        .collect();
    let width: usize = runs.iter().map(|(t, _)| t.len()).sum();
    match into.last_mut() {
        Some(last) => {
            last.width += width;
            last.tail.extend(runs);
        }
        None => into.extend(runs.into_iter().map(|(text, kind)| Piece {
            width: text.len(),
            text,
            kind,
            item,
            space: true,
            tail: Vec::new(),
        })),
    }
}

/// The words of a claim or event, marked as the diff since the version read
/// has it: `+` before a new one, all its words added; `~` before a changed
/// one, the words added highlighted (`skip`: the bytes of the diff's text
/// before `text`).
fn changed_words(
    text: &str,
    change: Option<&crate::diff::Mark>,
    skip: usize,
    item: Option<usize>,
) -> Vec<Piece> {
    let Some(mark) = change else {
        return words(text, SpanKind::Body, item);
    };
    let Some(glyph) = story_marks::glyph(mark) else {
        return words(text, SpanKind::Body, item);
    };
    let mut mark_piece = words(glyph, SpanKind::ChangeMark, item);
    if *mark == crate::diff::Mark::New {
        mark_piece.extend(words(text, SpanKind::Added, item));
        return glue_mark(mark_piece);
    }
    let mut pieces = mark_piece;
    let added: Vec<std::ops::Range<usize>> = story_marks::added(mark, skip + text.len())
        .into_iter()
        .filter(|r| r.end > skip)
        .map(|r| r.start.saturating_sub(skip)..r.end - skip)
        .collect();
    let clean = for_terminal(text);
    let mut at = 0;
    for w in clean.split(' ') {
        let range = at..at + w.len();
        at += w.len() + 1;
        if w.is_empty() {
            continue;
        }
        let is_added = matches!(clean, std::borrow::Cow::Borrowed(_))
            && added
                .iter()
                .any(|r| r.start < range.end && range.start < r.end);
        let kind = if is_added {
            SpanKind::Added
        } else {
            SpanKind::Body
        };
        pieces.extend(words(w, kind, item));
    }
    glue_mark(pieces)
}

/// Glues a change's mark (the first piece) to the word after it, so that the
/// mark never ends a line alone.
fn glue_mark(mut pieces: Vec<Piece>) -> Vec<Piece> {
    if pieces.len() < 2 {
        return pieces;
    }
    let word = pieces.remove(1);
    let mark = &mut pieces[0];
    mark.tail.push((" ".into(), SpanKind::Body));
    mark.tail.push((word.text, word.kind));
    mark.tail.extend(word.tail);
    mark.width += 1 + word.width;
    mark.space = word.space;
    pieces
}

/// Splits pieces wider than the line into chunks that fit (CJK runs, URLs).
fn split_long(pieces: Vec<Piece>, avail: usize) -> Vec<Piece> {
    let mut out = Vec::with_capacity(pieces.len());
    for mut p in pieces {
        if p.width <= avail {
            out.push(p);
            continue;
        }
        // Markers that do not fit beside their word go on as pieces of their own.
        if !p.tail.is_empty() {
            let tail = std::mem::take(&mut p.tail);
            p.width = display_width(&p.text);
            let space = std::mem::replace(&mut p.space, false);
            let n = tail.len();
            let item = p.item;
            let rest = tail.into_iter().enumerate().map(|(i, (text, kind))| Piece {
                width: text.len(),
                text,
                kind,
                item,
                space: space && i + 1 == n,
                tail: Vec::new(),
            });
            let mut again = vec![p];
            again.extend(rest);
            out.extend(split_long(again, avail));
            continue;
        }
        let tail_width = p.width - display_width(&p.text);
        let mut rest = p.text.as_str();
        loop {
            let (head, _) = split_at_width(rest, avail);
            // A cluster wider than the line still takes a line of its own.
            let head = match head {
                "" => rest.graphemes(true).next().unwrap_or(rest),
                h => h,
            };
            rest = &rest[head.len()..];
            if rest.is_empty() {
                out.push(Piece {
                    text: head.to_string(),
                    kind: p.kind,
                    item: p.item,
                    width: display_width(head) + tail_width,
                    space: p.space,
                    tail: p.tail,
                });
                break;
            }
            out.push(Piece {
                text: head.to_string(),
                kind: p.kind,
                item: p.item,
                width: display_width(head),
                space: false,
                tail: Vec::new(),
            });
        }
    }
    out
}

fn plain(text: &str, kind: SpanKind) -> Span {
    Span {
        text: for_terminal(text).into_owned(),
        kind,
        item: None,
    }
}

/// The title, the meta line (with the count of independent outlets) and, when
/// the story changed since it was read, what changed.
fn header(
    b: &mut Builder,
    doc: &Document,
    saved: bool,
    dates: &DateStyle,
    changes: Option<&Changes>,
) {
    b.wrap(words(&doc.title, SpanKind::Title, None), 0, Vec::new());
    let mut meta = vec![doc.kind.as_str().to_string()];
    meta.extend(doc.category.iter().chain(&doc.location).cloned());
    if let Some(n) = doc.article_count {
        meta.push(plural(n as usize, "article"));
    }
    meta.push(plural(doc.sources.len(), "source"));
    if !doc.sources.is_empty() {
        meta.push(plural(Sourcing::of(doc).outlet_count(), "outlet"));
    }
    if let Some(d) = doc.latest_date() {
        meta.push(d.styled(dates, chrono::Local::now()));
    }
    if saved {
        meta.push("★ saved".into());
    }
    b.wrap(
        words(&meta.join(" · "), SpanKind::Meta, None),
        0,
        Vec::new(),
    );
    if let Some(line) = changes.and_then(story_marks::summary) {
        b.wrap(words(&line, SpanKind::ChangeMark, None), 0, Vec::new());
    }
    b.blank();
}

/// What laying out claims needs besides the paragraph: the story, how its
/// claims are sourced, what changed since it was read, and the number among
/// `Document::sentences()` of the next claim.
struct Claims<'a> {
    doc: &'a Document,
    sourcing: Sourcing,
    changes: Option<&'a Changes>,
    next: usize,
}

fn paragraph(
    b: &mut Builder,
    ctx: &mut Claims,
    p: &Paragraph,
    section: Option<usize>,
    para: usize,
    indent: usize,
) {
    let mut pieces = Vec::new();
    let mut claims = Vec::new();
    for (sent, s) in p.sentences.iter().enumerate() {
        let idx = b.begin(
            Item::Claim {
                section,
                para,
                sent,
            },
            s.citations.clone(),
        );
        let change = ctx.changes.and_then(|c| c.claim(ctx.next)).map(|c| &c.mark);
        ctx.next += 1;
        b.out.items[idx].changed = change.is_some();
        let mut words = changed_words(&s.text, change, 0, Some(idx));
        markers(&s.citations, ctx.doc, Some(idx), &mut words);
        if ctx.sourcing.one_outlet(&s.citations) {
            if let Some(last) = words.last_mut() {
                last.width += display_width(story_marks::SINGLE);
                last.tail
                    .push((story_marks::SINGLE.to_string(), SpanKind::Dim));
            }
        }
        claims.push(idx);
        pieces.extend(words);
    }
    let start = b.out.lines.len();
    b.wrap(
        pieces,
        indent,
        vec![plain(&" ".repeat(indent), SpanKind::Body)],
    );
    // Each sentence's line range, from the lines its spans landed on.
    for idx in claims {
        let lines: Vec<usize> = (start..b.out.lines.len())
            .filter(|&l| b.out.lines[l].iter().any(|s| s.item == Some(idx)))
            .collect();
        let info = &mut b.out.items[idx];
        info.first = lines.first().copied().unwrap_or(start);
        info.last = lines.last().copied().unwrap_or(start);
    }
}

/// The story view: header, lead, sections (folded or not), reactions, sources and
/// related cards.
pub fn story(
    doc: &Document,
    folded: &[bool],
    related: &[Option<String>],
    saved: bool,
    changes: Option<&Changes>,
    width: usize,
    dates: &DateStyle,
) -> PaneLines {
    let mut b = Builder::new(width);
    header(&mut b, doc, saved, dates, changes);
    let mut claims = Claims {
        doc,
        sourcing: Sourcing::of(doc),
        changes,
        next: 0,
    };
    for (i, p) in doc.lead.iter().enumerate() {
        paragraph(&mut b, &mut claims, p, None, i, 0);
        b.blank();
    }
    for (si, s) in doc.sections.iter().enumerate() {
        let is_folded = folded.get(si).copied().unwrap_or(false);
        if let Some(h) = &s.heading {
            let idx = b.begin(Item::Heading(si), Vec::new());
            let mark = if is_folded { "▸ " } else { "▾ " };
            b.wrap(
                words(h, SpanKind::Heading, Some(idx)),
                2,
                vec![Span {
                    text: mark.into(),
                    kind: SpanKind::Heading,
                    item: Some(idx),
                }],
            );
            b.end(idx);
        }
        if !is_folded || s.heading.is_none() {
            for (pi, p) in s.paragraphs.iter().enumerate() {
                if pi > 0 {
                    b.blank();
                }
                paragraph(&mut b, &mut claims, p, Some(si), pi, 2);
            }
        } else {
            claims.next += s
                .paragraphs
                .iter()
                .map(|p| p.sentences.len())
                .sum::<usize>();
        }
        b.blank();
    }
    if !doc.reactions.is_empty() {
        b.wrap(
            words("What people are saying", SpanKind::Label, None),
            0,
            Vec::new(),
        );
        for p in &doc.reactions {
            b.wrap(
                words(&p.text(), SpanKind::Body, None),
                2,
                vec![plain("  ", SpanKind::Body)],
            );
        }
        b.blank();
    }
    if !doc.sources.is_empty() {
        b.wrap(words("Sources", SpanKind::Label, None), 0, Vec::new());
        for (i, s) in doc.sources.iter().enumerate() {
            let idx = b.begin(Item::Source(i), vec![s.n]);
            let mut pieces = words(&format!("[{}]", s.n), SpanKind::Citation, Some(idx));
            if let Some(o) = &s.outlet {
                pieces.extend(words(&format!("{o}:"), SpanKind::Source, Some(idx)));
            }
            pieces.extend(words(&s.title, SpanKind::Body, Some(idx)));
            // What changed since the version read, in the margin.
            let margin = changes
                .and_then(|c| c.source(s.n))
                .and_then(|c| story_marks::glyph(&c.mark))
                .map_or(plain("  ", SpanKind::Body), |g| {
                    b.out.items[idx].changed = true;
                    plain(&format!("{g} "), SpanKind::ChangeMark)
                });
            b.wrap(pieces, 2, vec![margin]);
            b.end(idx);
        }
        b.blank();
    }
    if !doc.related.is_empty() {
        b.wrap(words("Related", SpanKind::Label, None), 0, Vec::new());
        for (i, r) in doc.related.iter().enumerate() {
            let idx = b.begin(Item::Related(i), Vec::new());
            let linked = related.get(i).is_some_and(Option::is_some);
            let text = r.title.as_deref().or(r.summary.as_deref()).unwrap_or("");
            let mut pieces = words(
                text,
                if linked {
                    SpanKind::Link
                } else {
                    SpanKind::Dim
                },
                Some(idx),
            );
            if linked {
                pieces.extend(words("→", SpanKind::Link, Some(idx)));
            }
            b.wrap(pieces, 2, vec![plain("• ", SpanKind::Dim)]);
            b.end(idx);
        }
        b.blank();
    }
    b.out.number()
}

/// The display order of the timeline: by date, equal dates in page order. An
/// undated event (`Shortly after the blast`) sorts with the dated one before it
/// on the page, so it stays where the page put it.
pub fn timeline_order(doc: &Document) -> Vec<usize> {
    let mut last = None;
    let keys: Vec<_> = doc
        .timeline
        .iter()
        .map(|e| {
            if e.date.year.is_some() {
                last = Some(e.date.sort_key());
            }
            last.unwrap_or_else(|| e.date.sort_key())
        })
        .collect();
    let mut order: Vec<usize> = (0..doc.timeline.len()).collect();
    order.sort_by_key(|&i| keys[i]);
    order
}

/// The timeline view: a date gutter on the left and each event's text beside it.
pub fn timeline(
    doc: &Document,
    order: &[usize],
    changes: Option<&Changes>,
    width: usize,
    dates: &DateStyle,
) -> PaneLines {
    let mut b = Builder::new(width);
    header(&mut b, doc, false, dates, changes);
    if doc.timeline.is_empty() {
        b.wrap(
            words("This page has no timeline.", SpanKind::Dim, None),
            0,
            Vec::new(),
        );
        return b.out.number();
    }
    let widest = doc
        .timeline
        .iter()
        .map(|e| display_width(&for_terminal(&e.date.label)))
        .max()
        .unwrap_or(0);
    let gutter = widest.min(24).min(width / 3).max(4);
    for &i in order {
        let e = &doc.timeline[i];
        let idx = b.begin(Item::Event(i), e.citations.clone());
        let change = changes.and_then(|c| c.event(i)).map(|c| &c.mark);
        b.out.items[idx].changed = change.is_some();
        // The diff's words of an event start with its date (`Sep 21: `).
        let skip = format!("{}: ", e.date.label).len();
        let mut pieces = changed_words(&e.text, change, skip, Some(idx));
        markers(&e.citations, doc, Some(idx), &mut pieces);
        let label = fit(&for_terminal(&e.date.label), gutter);
        let prefix = vec![
            Span {
                text: label,
                kind: SpanKind::Date,
                item: Some(idx),
            },
            plain(" │ ", SpanKind::Dim),
        ];
        let start = b.out.lines.len();
        b.wrap(pieces, gutter + 3, prefix);
        for line in &mut b.out.lines[start + 1..] {
            if let Some(first) = line.first_mut() {
                first.text = " ".repeat(gutter);
            }
            line.insert(1, plain(" │ ", SpanKind::Dim));
        }
        b.end(idx);
    }
    b.out.number()
}

/// What the key map shows for an action the config file unbound.
const UNBOUND: &str = "(no key)";

/// The columns of the key map screen's key column (with its two of indent).
const KEYS_COLUMN: usize = 20;

/// The columns of the example column of the query terms under the key map.
const EXAMPLE_COLUMN: usize = 24;

/// The key map screen for a box `width` columns wide, from the effective key map:
/// a title per scope with the config file's table for it, then each binding's
/// keys, what they do and (dim) the name the config file remaps it by, wrapped
/// under itself; when the box is too narrow for both columns, what they do goes
/// under the keys. The query language's terms follow, an example a row.
pub fn help(width: usize, config_note: &str, keymap: &KeyMap) -> PaneLines {
    let mut b = Builder::new(width);
    if !config_note.is_empty() {
        b.wrap(words(config_note, SpanKind::Dim, None), 0, Vec::new());
        b.blank();
    }
    for scope in SCOPES {
        let mut title = words(scope.title(), SpanKind::Title, None);
        title.extend(words(
            &format!("[keys.{}]", scope.config_name()),
            SpanKind::Dim,
            None,
        ));
        b.wrap(title, 0, Vec::new());
        for row in keymap.rows(scope) {
            let keys: Vec<String> = row.keys.iter().map(|k| k.label()).collect();
            let keys = if keys.is_empty() {
                UNBOUND.to_string()
            } else {
                keys.join(" ")
            };
            let mut what = words(row.binding.help, SpanKind::Body, None);
            what.extend(words(
                &format!("({})", row.binding.name),
                SpanKind::Dim,
                None,
            ));
            two_columns(&mut b, &keys, what, KEYS_COLUMN);
        }
        b.blank();
    }
    b.wrap(
        words("Marks in a story", SpanKind::Title, None),
        0,
        Vec::new(),
    );
    for (mark, what) in story_marks::LEGEND {
        two_columns(&mut b, mark, words(what, SpanKind::Body, None), KEYS_COLUMN);
    }
    b.blank();
    let (title, entries) = crate::query::reference_entries();
    b.wrap(words(title, SpanKind::Title, None), 0, Vec::new());
    for (example, what) in entries {
        let what = words(what, SpanKind::Body, None);
        two_columns(&mut b, example, what, EXAMPLE_COLUMN);
    }
    b.out
}

/// A row of the key map: `left` (keys, an example) in a column `column` wide
/// and `what` wrapped beside it, or under it when either does not fit.
fn two_columns(b: &mut Builder, left: &str, what: Vec<Piece>, column: usize) {
    if b.width >= column + 16 && display_width(left) < column - 2 {
        let left = Span {
            text: format!("  {:<w$}", left, w = column - 2),
            kind: SpanKind::Key,
            item: None,
        };
        b.wrap(what, column, vec![left]);
    } else {
        b.wrap(
            words(left, SpanKind::Key, None),
            2,
            vec![plain("  ", SpanKind::Body)],
        );
        b.wrap(what, 4, vec![plain("    ", SpanKind::Body)]);
    }
}

/// `s` cut or padded to exactly `width` columns.
fn fit(s: &str, width: usize) -> String {
    let mut out = truncate(s, width);
    out.push_str(&" ".repeat(width.saturating_sub(display_width(&out))));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        let page = "Ferry Story\nUpdated (2 articles)\nService Resumes After Three Years The ferry between Busan (부산) and Fukuoka (福岡) sailed on Monday [1]. Tickets sold out [2][9].\nSources (2 articles)\n[1]\nDesk: One: First summary here.\n[2]\nWire: Two: Second summary here.\nTimeline\nJan 12, 2026 (afternoon) – It arrives. [2]\n2022 – Service stops. [1]\nJan 12, 2026 (morning) – It leaves. [1]\n";
        crate::parse::parse_text(page).remove(0)
    }

    #[test]
    fn every_line_fits_the_width_in_display_columns() {
        let d = doc();
        // Narrower than the indents, lines are clipped by the frame instead (the
        // size sweep in tests/reader/ui.rs covers those).
        for width in [8, 12, 20, 40, 80] {
            let l = story(&d, &[false], &[], false, None, width, &DateStyle::Relative);
            for line in &l.lines {
                let w: usize = line.iter().map(|s| display_width(&s.text)).sum();
                assert!(w <= width, "width {width}: {line:?}");
            }
        }
    }

    #[test]
    fn claims_carry_citations_and_unresolved_markers_are_marked() {
        let d = doc();
        let l = story(&d, &[false], &[], false, None, 60, &DateStyle::Relative);
        let claims: Vec<&ItemInfo> = l
            .items
            .iter()
            .filter(|i| matches!(i.item, Item::Claim { .. }))
            .collect();
        assert_eq!(claims[1].citations, vec![2, 9]);
        let spans: Vec<&Span> = l.lines.iter().flatten().collect();
        assert!(spans
            .iter()
            .any(|s| s.text.contains("[9]") && s.kind == SpanKind::Unresolved));
        assert!(spans
            .iter()
            .any(|s| s.text.contains("[2]") && s.kind == SpanKind::Citation));
    }

    #[test]
    fn folding_hides_the_section_body() {
        let d = doc();
        let open = story(&d, &[false], &[], false, None, 60, &DateStyle::Relative);
        let shut = story(&d, &[true], &[], false, None, 60, &DateStyle::Relative);
        assert!(open
            .find(Item::Claim {
                section: Some(0),
                para: 0,
                sent: 0
            })
            .is_some());
        assert!(shut
            .find(Item::Claim {
                section: Some(0),
                para: 0,
                sent: 0
            })
            .is_none());
        assert!(shut.lines.iter().flatten().any(|s| s.text.starts_with('▸')));
    }

    #[test]
    fn timeline_sorts_by_date_then_part_and_keeps_a_gutter() {
        let d = doc();
        let order = timeline_order(&d);
        assert_eq!(order, vec![1, 2, 0]);
        let l = timeline(&d, &order, None, 90, &DateStyle::Relative);
        let text: Vec<String> = l
            .lines
            .iter()
            .map(|ln| ln.iter().map(|s| s.text.as_str()).collect())
            .collect();
        let pos = |needle: &str| text.iter().position(|t| t.contains(needle)).unwrap();
        assert!(
            pos("Service stops.") < pos("It leaves.") && pos("It leaves.") < pos("It arrives.")
        );
        assert!(text.iter().any(|t| t.contains(" │ It leaves.")));
    }

    #[test]
    fn an_undated_event_stays_after_the_dated_one_before_it() {
        let mut d = doc();
        let mut undated = d.timeline[1].clone();
        undated.date = crate::model::PartialDate {
            label: "Shortly after".into(),
            year: None,
            month: None,
            day: None,
            part: None,
            time: None,
        };
        undated.text = "Crews arrive.".into();
        // Page order: Jan 12 afternoon, 2022, Shortly after, Jan 12 morning.
        d.timeline.insert(2, undated);
        assert_eq!(timeline_order(&d), vec![1, 2, 3, 0]);
    }
}
