//! The key map screen, written from the effective key map that dispatches keys, wrapped
//! to its box, scrolled, and saying when there is more above or below.

use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

use super::overlay;
use super::theme::Theme;
use crate::app::action::Action;
use crate::app::geometry::{help_box, inside_border};
use crate::app::keymap::Scope;
use crate::app::{layout, App};

pub fn render(frame: &mut Frame, theme: &Theme, app: &App) {
    let area = frame.area();
    let rect = help_box(area.width, area.height);
    if rect.width < 3 || rect.height < 3 {
        return;
    }
    let inside = inside_border(rect);
    let all = layout::help(inside.width as usize, &app.config_note, &app.keys).lines;
    let shown = inside.height as usize;
    let scroll = app.help_scroll.min(all.len().saturating_sub(shown));
    let lines: Vec<Line> = all
        .iter()
        .skip(scroll)
        .take(shown)
        .map(|spans| {
            Line::from(
                spans
                    .iter()
                    .map(|s| Span::styled(s.text.as_str(), theme.span(s.kind)))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    let close: Vec<String> = [Action::Help, Action::Back]
        .iter()
        .filter_map(|a| app.keys.key_for(Scope::Help, a))
        .collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.frame)
        .title(format!(" Keys ({} to close) ", close.join(" or ")));
    let block = overlay::more_marks(block, scroll > 0, scroll + shown < all.len());
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
