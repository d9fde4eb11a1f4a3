//! Drawing: a read-only view of the [`App`] onto a frame, pane by pane.

mod cells;
mod headlines;
pub mod help;
mod list_header;
mod overlay;
mod picker;
mod status;
mod story;
mod theme;

use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::app::App;

/// Draws the whole screen, then makes every cell hold what the terminal will draw
/// there, without colour when the app has none.
pub fn draw(frame: &mut Frame, app: &App) {
    draw_panes(frame, app);
    let buf = frame.buffer_mut();
    cells::settle(buf);
    if !app.colour {
        theme::without_colour(buf);
    }
}

fn draw_panes(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    let g = app.geometry();
    if let Some(list) = g.list {
        headlines::render(frame, app, list);
    }
    if let Some(pane) = g.story {
        story::render(frame, app, pane);
        if let Some(list) = g.list {
            let sep = Rect::new(list.x + list.width, pane.y, 1, pane.height);
            let bar: Vec<ratatui::text::Line> = (0..sep.height).map(|_| "│".into()).collect();
            frame.render_widget(Paragraph::new(bar).style(theme::dim()), sep);
        }
        overlay::render(frame, app, pane);
    }
    if let Some(st) = g.status {
        status::render(frame, app, st);
    }
    if let Some(p) = &app.picker {
        picker::render(frame, p);
    }
    if app.help {
        help::render(frame, app.help_scroll);
    }
}
