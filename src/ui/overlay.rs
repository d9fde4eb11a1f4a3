//! Boxes drawn over the story: a source's card (its URL a hyperlink), the
//! choice among a claim's sources, and the list of claims that cite a source,
//! each entry wrapped whole and the list scrolled to the selected one, with
//! `↑ more`/`↓ more` on the border when some is out of sight.

use std::ops::Range;

use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

use super::links::{clip, Link};
use super::theme::Theme;
use crate::app::action::Action;
use crate::app::keymap::{KeyMap, Scope};
use crate::app::layout::SpanKind;
use crate::app::{App, Overlay};
use crate::model::Document;
use crate::text::sanitize::for_terminal;
use crate::text::width as text;

/// A centred box of at most `w` x `h` inside `area`.
pub fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// `block` with `↑ more` on its top border when lines are hidden above and
/// `↓ more` on its bottom border when lines are hidden below.
pub fn more_marks(block: Block<'_>, above: bool, below: bool) -> Block<'_> {
    let block = if above {
        block.title_top(Line::from(" ↑ more ").right_aligned())
    } else {
        block
    };
    if below {
        block.title_bottom(Line::from(" ↓ more ").right_aligned())
    } else {
        block
    }
}

fn wrapped(s: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    text::wrap(&for_terminal(s), width)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

fn source_line(doc: &Document, n: u32) -> String {
    match doc.source(n) {
        Some(s) => match &s.outlet {
            Some(o) => format!("[{n}] {o}: {}", s.title),
            None => format!("[{n}] {}", s.title),
        },
        None => format!("[{n}] not listed on this page (unresolved)"),
    }
}

/// A source's card: its title, its lines, and which of them are its URL.
type Card = (String, Vec<Line<'static>>, Option<(Range<usize>, String)>);

fn source_card(theme: &Theme, doc: &Document, n: u32, width: usize, keys: &KeyMap) -> Card {
    let mut lines = Vec::new();
    let Some(s) = doc.source(n) else {
        lines.extend(wrapped(
            &format!("The page cites [{n}] but does not list a source with that number."),
            width,
            theme.span(SpanKind::Unresolved),
        ));
        return (format!(" Source [{n}] (unresolved) "), lines, None);
    };
    if let Some(o) = &s.outlet {
        lines.extend(wrapped(o, width, theme.span(SpanKind::Source)));
    }
    lines.extend(wrapped(
        &s.title,
        width,
        Style::new().add_modifier(Modifier::BOLD),
    ));
    if let Some(sum) = &s.summary {
        lines.push(Line::raw(""));
        lines.extend(wrapped(sum, width, Style::new()));
    }
    let mut url = None;
    if let Some(u) = &s.url {
        lines.push(Line::raw(""));
        let start = lines.len();
        lines.extend(wrapped(u, width, theme.span(SpanKind::Link)));
        url = Some((start..lines.len(), u.clone()));
    }
    lines.push(Line::raw(""));
    let key = |a: Action| keys.key_for(Scope::Overlay, &a).unwrap_or_default();
    let keys = format!(
        "{}: claims citing it · {}: open URL · {}: copy it · {}: back to the claim",
        key(Action::Open),
        key(Action::OpenUrl),
        key(Action::CopyUrl),
        key(Action::JumpBack)
    );
    lines.extend(wrapped(&keys, width, theme.dim));
    (format!(" Source [{n}] "), lines, url)
}

/// The rows to pick from, each wrapped to `width` under a two-column hanging
/// indent, the selected one highlighted; scrolled so the selected row shows (its
/// head when it is taller than `height`). Also says whether rows are hidden
/// above and below.
fn pick_list(
    theme: &Theme,
    rows: Vec<String>,
    selected: usize,
    width: usize,
    height: usize,
) -> (Vec<Line<'static>>, bool, bool) {
    let mut lines = Vec::new();
    let mut span = (0, 0);
    for (i, r) in rows.iter().enumerate() {
        let first = lines.len();
        let style = if i == selected {
            theme.cursor
        } else {
            Style::new()
        };
        let body = text::wrap(&for_terminal(r), width.saturating_sub(2).max(1));
        for (n, l) in body.into_iter().enumerate() {
            let indent = if n == 0 { "" } else { "  " };
            lines.push(Line::from(Span::raw(format!("{indent}{l}"))).style(style));
        }
        if i == selected {
            span = (first, lines.len());
        }
    }
    let start = span.1.saturating_sub(height).min(span.0);
    let below = lines.len() > start + height;
    let shown = lines.into_iter().skip(start).take(height).collect();
    (shown, start > 0, below)
}

/// Draws the overlay, cutting the links it covers; a card's URL lines are
/// links.
pub fn render(frame: &mut Frame, app: &App, theme: &Theme, area: Rect, links: &mut Vec<Link>) {
    let (Some(o), Some(s)) = (&app.overlay, &app.story) else {
        return;
    };
    if area.width < 3 || area.height < 3 {
        return;
    }
    let width = area.width.min(90);
    let inner_w = width.saturating_sub(2) as usize;
    let inner_h = area.height.saturating_sub(2) as usize;
    let mut url = None;
    let (title, (lines, above, below)) = match o {
        Overlay::Source { n } => {
            let (title, mut lines, u) = source_card(theme, &s.doc, *n, inner_w, &app.keys);
            url = u;
            let below = lines.len() > inner_h;
            lines.truncate(inner_h);
            (title, (lines, false, below))
        }
        Overlay::Choose {
            citations,
            selected,
        } => {
            let rows = citations.iter().map(|&n| source_line(&s.doc, n)).collect();
            (
                " This claim cites several sources ".to_string(),
                pick_list(theme, rows, *selected, inner_w, inner_h),
            )
        }
        Overlay::Citers {
            n,
            entries,
            selected,
        } => {
            let rows: Vec<String> = entries.iter().map(|c| c.label.clone()).collect();
            let title = format!(" {} claims and events cite [{n}] ", rows.len());
            (title, pick_list(theme, rows, *selected, inner_w, inner_h))
        }
        // Drawn over the whole screen (`ui::claims`, `ui::thread`).
        Overlay::Claims { .. } | Overlay::Thread(_) => return,
    };
    let rect = centred(area, width, lines.len() as u16 + 2);
    clip(links, rect);
    if let Some((range, url)) = url {
        for i in range.filter(|&i| i < lines.len()) {
            let y = rect.y + 1 + i as u16;
            links.extend(Link::new(rect.x + 1, y, lines[i].width() as u16, &url));
        }
    }
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.frame)
        .title(text::truncate(&title, inner_w));
    let block = more_marks(block, above, below);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
