//! Drawing: a read-only view of the [`App`] onto a frame, pane by pane.

mod cells;
mod edit_box;
mod headlines;
pub mod help;
pub mod links;
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
/// there, without colour when the app has none, and the link text hyperlinks
/// when the app writes them.
pub fn draw(frame: &mut Frame, app: &App) {
    let links = draw_panes(frame, app);
    let buf = frame.buffer_mut();
    cells::settle(buf);
    if !app.colour {
        theme::without_colour(buf);
    }
    if app.hyperlinks {
        links::apply(buf, &links);
    }
}

/// Draws every pane; returns the link text left in sight.
fn draw_panes(frame: &mut Frame, app: &App) -> Vec<links::Link> {
    let mut links = Vec::new();
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return links;
    }
    let g = app.geometry();
    if let Some(list) = g.list {
        headlines::render(frame, app, list);
    }
    if let Some(pane) = g.story {
        story::render(frame, app, pane, &mut links);
        if let Some(list) = g.list {
            let sep = Rect::new(list.x + list.width, pane.y, 1, pane.height);
            let bar: Vec<ratatui::text::Line> = (0..sep.height).map(|_| "│".into()).collect();
            frame.render_widget(Paragraph::new(bar).style(theme::dim()), sep);
        }
        overlay::render(frame, app, pane, &mut links);
    }
    if let Some(st) = g.status {
        status::render(frame, app, st);
    }
    if let Some(p) = &app.picker {
        picker::render(frame, p);
    }
    if app.help {
        let g = crate::app::geometry::help_box(area.width, area.height);
        links::clip(&mut links, g);
        help::render(frame, app);
    }
    links
}
