//! The story pane, in its story or timeline face: the cached layout's visible
//! lines, styled, with the item under the cursor highlighted.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::theme;
use crate::app::geometry::story_text;
use crate::app::{App, Focus};

pub fn render(frame: &mut Frame, app: &App, pane: Rect) {
    let area = story_text(pane);
    if area.height == 0 || area.width == 0 {
        return;
    }
    let Some(s) = &app.story else {
        if app.visible.is_empty() {
            // The list says why it is empty; there is nothing to select.
            return;
        }
        let hint = Paragraph::new(Line::styled(
            "Select a story and press Enter.",
            theme::dim(),
        ));
        frame.render_widget(hint, area);
        return;
    };
    let focused = app.focus == Focus::Story && app.overlay.is_none();
    let cursor = if focused {
        theme::cursor()
    } else {
        theme::cursor_unfocused()
    };
    let lines: Vec<Line> = s
        .layout
        .lines
        .iter()
        .skip(s.scroll)
        .take(area.height as usize)
        .map(|spans| {
            Line::from(
                spans
                    .iter()
                    .map(|sp| {
                        let mut style = theme::span(sp.kind);
                        if sp.item == Some(s.cursor) && !sp.text.trim().is_empty() {
                            style = style.patch(cursor);
                        }
                        Span::styled(sp.text.as_str(), style)
                    })
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
