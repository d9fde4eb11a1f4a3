//! The headline list's header line: the counts and what limits them, then the
//! filter box ([`edit_box`]), the terminal's cursor standing where it is while
//! typing.

use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::{edit_box, theme};
use crate::app::{App, Filter};
use crate::text::width as text;

/// The fewest columns the filter box gets while the header has words to drop.
const MIN_BOX: usize = 12;

pub fn render(frame: &mut Frame, app: &App, area: Rect) {
    let width = area.width as usize;
    let count = match app.filter.as_ref().and_then(capped) {
        Some((shown, total)) => format!("newest {} of {}", thousands(shown), thousands(total)),
        None => format!("{}/{}", app.visible.len(), app.items.len()),
    };
    let mut notes = String::new();
    if app.loading {
        notes.push_str(" · reading…");
    }
    if app.unread_only {
        notes.push_str(" · unread");
    }
    let Some(f) = &app.filter else {
        let head = text::truncate(&format!(" Headlines {count}{notes}"), width);
        frame.render_widget(Paragraph::new(head).style(theme::header()), area);
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
    let (spans, cursor) = edit_box::fit(&f.input, f.editing, width - start);
    let mut line = vec![Span::raw(prefix)];
    line.extend(spans);
    frame.render_widget(
        Paragraph::new(Line::from(line)).style(theme::header()),
        area,
    );
    if f.editing && start < width {
        frame.set_cursor_position(Position::new(area.x + (start + cursor) as u16, area.y));
    }
}

/// The rows shown and the matches in all, when the rows stopped at the limit.
fn capped(f: &Filter) -> Option<(usize, usize)> {
    let shown = f.results.as_ref()?.len();
    (shown < f.total).then_some((shown, f.total))
}

/// `n` with a comma between each group of three digits: 19,412.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
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
