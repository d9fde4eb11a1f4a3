//! The headline list's header line: the counts and what limits them (the view,
//! the feed, a saved query by name, the sort), then the filter box
//! ([`edit_box`]), the terminal's cursor standing where it is while typing, and
//! the unread count at the right.

use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::edit_box;
use super::theme::Theme;
use crate::app::{App, Filter};
use crate::store::{Show, Sort, COUNT_LIMIT};
use crate::summary::thousands;
use crate::text::sanitize::for_terminal;
use crate::text::width as text;

/// The fewest columns the filter box gets while the header has words to drop.
const MIN_BOX: usize = 12;

pub fn render(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let width = area.width as usize;
    let count = match app.filter.as_ref().and_then(capped) {
        Some((shown, total)) if total > COUNT_LIMIT => format!(
            "newest {} of more than {}",
            thousands(shown),
            thousands(COUNT_LIMIT)
        ),
        Some((shown, total)) => format!("newest {} of {}", thousands(shown), thousands(total)),
        None => format!("{}/{}", app.counts().0, app.counts().1),
    };
    let notes = notes(app);
    // The unread count stands at the right end when there is room for it.
    let unread = format!(" {} unread ", thousands(app.counts().2));
    // A saved query's view names it instead of showing its text.
    let Some(f) = app
        .filter
        .as_ref()
        .filter(|f| f.editing || f.saved.is_none())
    else {
        // The count of unread keeps its place; the word "Headlines" and then the
        // notes' end give way to it.
        let heads = [
            format!(" Headlines {count}{notes}"),
            format!(" {count}{notes}"),
        ];
        let room = width.saturating_sub(text::width(&unread));
        let line = match heads.iter().find(|h| text::width(h) <= room) {
            Some(head) => format!("{head}{}{unread}", " ".repeat(room - text::width(head))),
            None if room >= MIN_BOX => {
                let head = text::truncate(&heads[1], room);
                format!("{head}{}{unread}", " ".repeat(room - text::width(&head)))
            }
            None => text::truncate(&heads[0], width),
        };
        frame.render_widget(Paragraph::new(line).style(theme.header), area);
        return;
    };
    // The richest header that leaves the box room, then barer ones.
    let prefixes = [
        format!(" Headlines {count}{notes} · /"),
        format!(" {count}{notes} · /"),
        format!(" {count} · /"),
        " /".to_string(),
    ];
    let prefix = prefixes
        .iter()
        .find(|p| text::width(p) + MIN_BOX <= width)
        .unwrap_or(&prefixes[3]);
    let prefix = text::truncate(prefix, width);
    let start = text::width(&prefix);
    // While typing, the box keeps every column it can get.
    let tail = if !f.editing && start + MIN_BOX + text::width(&unread) <= width {
        unread
    } else {
        String::new()
    };
    let (spans, cursor) = edit_box::fit(&f.input, f.editing, width - start - text::width(&tail));
    let used: usize = spans.iter().map(|s| text::width(&s.content)).sum();
    let pad = (width - start - text::width(&tail)).saturating_sub(used);
    let mut line = vec![Span::raw(prefix)];
    line.extend(spans);
    if !tail.is_empty() {
        line.push(Span::raw(" ".repeat(pad)));
        line.push(Span::raw(tail));
    }
    frame.render_widget(Paragraph::new(Line::from(line)).style(theme.header), area);
    if f.editing && start < width {
        frame.set_cursor_position(Position::new(area.x + (start + cursor) as u16, area.y));
    }
}

/// What limits the rows, after the counts: still reading, which marks, one
/// feed, a saved query, an order other than newest first.
fn notes(app: &App) -> String {
    let mut notes = String::new();
    if app.loading {
        notes.push_str(" · reading…");
    }
    match app.show {
        Show::All => {}
        Show::Unread => notes.push_str(" · unread only"),
        Show::Saved => notes.push_str(" · saved only"),
    }
    if let Some(feed) = &app.feed {
        notes.push_str(&format!(" · {}", for_terminal(feed)));
    }
    if let Some(name) = app.filter.as_ref().and_then(|f| f.saved.as_ref()) {
        notes.push_str(&format!(" · Query: {}", for_terminal(name)));
    }
    if app.sort != Sort::Newest {
        notes.push_str(&format!(" · {}", app.sort.label()));
    }
    notes
}

/// The rows shown and the matches in all, when the rows stopped at the limit.
fn capped(f: &Filter) -> Option<(usize, usize)> {
    let shown = f.results.as_ref()?.len();
    (shown < f.total).then_some((shown, f.total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(19_412), "19,412");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
