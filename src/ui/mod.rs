//! Drawing: a read-only view of the [`App`] onto a frame, pane by pane.

mod cells;
mod claims;
mod edit_box;
mod headlines;
pub mod help;
pub mod links;
mod list_header;
mod overlay;
mod picker;
mod status;
mod story;
pub mod theme;
mod thread;

use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::app::App;
use theme::Theme;

/// Draws the whole screen in `theme`, then makes every cell hold what the
/// terminal will draw there, and the link text hyperlinks when the app writes
/// them.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let links = draw_panes(frame, app, theme);
    let buf = frame.buffer_mut();
    cells::settle(buf);
    if app.hyperlinks {
        links::apply(buf, &links);
    }
}

/// Draws every pane; returns the link text left in sight.
fn draw_panes(frame: &mut Frame, app: &App, theme: &Theme) -> Vec<links::Link> {
    let mut links = Vec::new();
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return links;
    }
    let g = app.geometry();
    if let Some(list) = g.list {
        headlines::render(frame, app, theme, list);
    }
    if let Some(pane) = g.story {
        story::render(frame, app, theme, pane, &mut links);
        if let Some(list) = g.list {
            let sep = Rect::new(list.x + list.width, pane.y, 1, pane.height);
            let bar: Vec<ratatui::text::Line> = (0..sep.height).map(|_| "│".into()).collect();
            frame.render_widget(Paragraph::new(bar).style(theme.separator), sep);
        }
        overlay::render(frame, app, theme, pane, &mut links);
    }
    if let Some(st) = g.status {
        status::render(frame, app, theme, st);
    }
    if let Some(crate::app::Overlay::Claims { rows, selected }) = &app.overlay {
        links::clip(
            &mut links,
            crate::app::geometry::help_box(area.width, area.height),
        );
        claims::render(frame, theme, app, rows, *selected);
    }
    if let Some(crate::app::Overlay::Thread(view)) = &app.overlay {
        links::clip(
            &mut links,
            crate::app::geometry::help_box(area.width, area.height),
        );
        thread::render(frame, theme, app, view);
    }
    if let Some(p) = &app.picker {
        picker::render(frame, theme, p);
    }
    if app.help {
        let g = crate::app::geometry::help_box(area.width, area.height);
        links::clip(&mut links, g);
        help::render(frame, theme, app);
    }
    links
}
