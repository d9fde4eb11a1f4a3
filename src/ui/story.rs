//! The story pane, in its story or timeline face: the cached layout's visible
//! lines, styled, with the item under the cursor highlighted and the matches of
//! a search within the story marked.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use unicode_segmentation::UnicodeSegmentation;

use super::links::Link;
use super::theme::Theme;
use crate::app::geometry::story_text;
use crate::app::layout::Item;
use crate::app::search::Hit;
use crate::app::{App, Focus, OpenStory};
use crate::text::width::width as display_width;

pub fn render(frame: &mut Frame, app: &App, theme: &Theme, pane: Rect, links: &mut Vec<Link>) {
    let area = story_text(pane);
    if area.height == 0 || area.width == 0 {
        return;
    }
    let Some(s) = &app.story else {
        if app.visible.is_empty() {
            // The list says why it is empty; there is nothing to select.
            return;
        }
        let hint = Paragraph::new(Line::styled("Select a story and press Enter.", theme.dim));
        frame.render_widget(hint, area);
        return;
    };
    let focused = app.focus == Focus::Story && app.overlay.is_none();
    let cursor = if focused {
        theme.cursor
    } else {
        theme.cursor_unfocused
    };
    let shown = s.scroll..s.scroll + area.height as usize;
    let hits = visible_hits(theme, s, &shown);
    let lines: Vec<Line> = s
        .layout
        .lines
        .iter()
        .enumerate()
        .skip(s.scroll)
        .take(area.height as usize)
        .map(|(n, spans)| {
            let on_line: Vec<(Hit, Style)> =
                hits.iter().filter(|(h, _)| h.line == n).cloned().collect();
            let mut out = Vec::new();
            let mut at = 0;
            for sp in spans {
                let mut style = theme.span(sp.kind);
                if sp.item == Some(s.cursor) && !sp.text.trim().is_empty() {
                    style = style.patch(cursor);
                }
                if on_line.is_empty() {
                    out.push(Span::styled(sp.text.as_str(), style));
                } else {
                    at = marked(&sp.text, style, at, &on_line, &mut out);
                }
            }
            Line::from(out)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
    source_links(s, area, links);
}

/// The listed sources in sight, each line of one a link to its URL: from its
/// number to the end of its title.
fn source_links(s: &OpenStory, area: Rect, links: &mut Vec<Link>) {
    let shown = s.layout.lines.iter().enumerate().skip(s.scroll);
    for (row, (_, spans)) in shown.take(area.height as usize).enumerate() {
        let mut x = 0;
        let mut run: Option<(usize, usize, &str)> = None;
        for sp in spans {
            let w = display_width(&sp.text);
            let url = sp.item.and_then(|i| match s.layout.items.get(i)?.item {
                Item::Source(n) => s.doc.sources.get(n)?.url.as_deref(),
                _ => None,
            });
            if let Some(url) = url {
                let end = x + display_width(sp.text.trim_end());
                run = Some(run.map_or((x, end, url), |(start, _, u)| (start, end, u)));
            }
            x += w;
        }
        if let Some((start, end, url)) = run {
            let end = end.min(area.width as usize);
            if start < end {
                links.extend(Link::new(
                    area.x + start as u16,
                    area.y + row as u16,
                    (end - start) as u16,
                    url,
                ));
            }
        }
    }
}

/// The hits of the search's matches on the `shown` lines of the view on
/// screen, each with its style (the current match's apart).
fn visible_hits(theme: &Theme, s: &OpenStory, shown: &std::ops::Range<usize>) -> Vec<(Hit, Style)> {
    let Some(search) = &s.search else {
        return Vec::new();
    };
    search
        .matches
        .iter()
        .enumerate()
        .filter(|(_, m)| m.view == s.view)
        .flat_map(|(i, m)| {
            let style = if i == search.current {
                theme.search_current
            } else {
                theme.search_hit
            };
            m.hits.iter().map(move |h| (*h, style))
        })
        .filter(|(h, _)| shown.contains(&h.line))
        .collect()
}

/// Pushes `text` (whose first cluster is the line's cluster `at`) as spans of
/// `style`, the clusters inside a hit patched with the hit's style; returns the
/// cluster after it.
fn marked<'a>(
    text: &'a str,
    style: Style,
    mut at: usize,
    hits: &[(Hit, Style)],
    out: &mut Vec<Span<'a>>,
) -> usize {
    let mut run: Option<(usize, Style)> = None;
    for (byte, _) in text.grapheme_indices(true) {
        let here = hits
            .iter()
            .find(|(h, _)| (h.start..h.end).contains(&at))
            .map_or(style, |(_, hit)| style.patch(*hit));
        match run {
            Some((_, st)) if st == here => {}
            Some((from, st)) => {
                out.push(Span::styled(&text[from..byte], st));
                run = Some((byte, here));
            }
            None => run = Some((byte, here)),
        }
        at += 1;
    }
    if let Some((from, st)) = run {
        out.push(Span::styled(&text[from..], st));
    }
    at
}
