//! The headline list: a header with counts and the filter, then one row per story
//! (unread mark, saved mark, title, source count, latest date). Only visible rows
//! are touched.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use super::{list_header, theme};
use crate::app::geometry::list_rows;
use crate::app::{App, Focus};
use crate::text::sanitize::for_terminal;
use crate::text::width as text;

pub fn render(frame: &mut Frame, app: &App, area: Rect) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    list_header::render(frame, app, Rect::new(area.x, area.y, area.width, 1));

    let rows = list_rows(area);
    let all = app.rows();
    let width = rows.width as usize;
    let mut lines = Vec::with_capacity(rows.height as usize);
    for (pos, &idx) in app
        .visible
        .iter()
        .enumerate()
        .skip(app.list_scroll)
        .take(rows.height as usize)
    {
        let item = &all[idx];
        let right = match &item.latest {
            Some(l) => format!(" {} src · {}", item.source_count, for_terminal(l)),
            None => format!(" {} src", item.source_count),
        };
        let right = if width >= 60 { right } else { String::new() };
        let mark = if item.read { "  " } else { "● " };
        let saved = if item.saved { "★ " } else { "" };
        let title_w = width.saturating_sub(text::width(&right) + 2 + text::width(saved));
        let title = text::truncate(&for_terminal(&item.title), title_w);
        let pad = width
            .saturating_sub(2 + text::width(saved) + text::width(&title) + text::width(&right));
        let mut line = Line::from(vec![
            Span::styled(mark, theme::unread_mark()),
            Span::raw(saved),
            Span::raw(title),
            Span::raw(" ".repeat(pad)),
            Span::styled(right, theme::dim()),
        ]);
        if pos == app.selected {
            line = line.style(if app.focus == Focus::List {
                theme::cursor()
            } else {
                theme::cursor_unfocused()
            });
        }
        lines.push(line);
    }
    if let Some(msg) = app.empty_list_message() {
        let text = Paragraph::new(for_terminal(&msg).into_owned())
            .style(theme::dim())
            .wrap(Wrap { trim: true });
        let inset = Rect::new(
            rows.x + 2.min(rows.width),
            rows.y,
            rows.width.saturating_sub(2),
            rows.height,
        );
        frame.render_widget(text, inset);
        return;
    }
    frame.render_widget(Paragraph::new(lines), rows);
}
