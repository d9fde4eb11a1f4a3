//! The feed picker: a box over the screen listing every feed with how many of
//! its stories are unread, scrolled to the selected one.

use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

use super::overlay::{centred, more_marks};
use super::theme::Theme;
use crate::app::geometry::{help_box, inside_border};
use crate::app::Picker;
use crate::text::sanitize::for_terminal;
use crate::text::width as text;

pub fn render(frame: &mut Frame, theme: &Theme, picker: &Picker) {
    let area = frame.area();
    let room = help_box(area.width, area.height);
    let rect = centred(room, 64, picker.feeds.len() as u16 + 2);
    if rect.width < 3 || rect.height < 3 {
        return;
    }
    let inside = inside_border(rect);
    let (width, shown) = (inside.width as usize, inside.height as usize);
    let first = (picker.selected + 1).saturating_sub(shown);
    let lines: Vec<Line> = picker
        .feeds
        .iter()
        .enumerate()
        .skip(first)
        .take(shown)
        .map(|(i, f)| {
            let counts = format!(" {} unread of {} ", f.unread, f.total);
            let name = text::truncate(
                &format!(" {}", for_terminal(&f.name)),
                width.saturating_sub(text::width(&counts)),
            );
            let pad = width.saturating_sub(text::width(&name) + text::width(&counts));
            let line = Line::from(vec![
                Span::raw(name),
                Span::raw(" ".repeat(pad)),
                Span::styled(counts, theme.dim),
            ]);
            if i == picker.selected {
                line.style(theme.cursor)
            } else {
                line
            }
        })
        .collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.frame)
        .title(" Feeds (Enter: this one only · Esc: close) ");
    let block = more_marks(block, first > 0, first + shown < picker.feeds.len());
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
