//! The status bar: the mode, the position, then a notice or the most useful keys
//! (from the key map table).

use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::theme;
use crate::app::keymap::{hints, Scope, TYPING_HINT};
use crate::app::{App, View};
use crate::text::sanitize::for_terminal;
use crate::text::width as text;

/// The mode name and position, e.g. `STORY 3/15`.
pub fn position(app: &App) -> String {
    if app.help {
        return "HELP".into();
    }
    if app.typing() {
        return "FILTER".into();
    }
    match app.scope() {
        Scope::Overlay => "SOURCE".into(),
        Scope::Picker => "FEEDS".into(),
        Scope::Story => {
            let s = app.story.as_ref().expect("story scope has a story");
            let mode = if s.view == View::Timeline {
                "TIMELINE"
            } else {
                "STORY"
            };
            match s.layout.ordinals.get(s.cursor).copied().flatten() {
                Some(p) => format!("{mode} {p}/{}", s.layout.claims),
                None => mode.into(),
            }
        }
        _ => format!(
            "LIST {}/{}",
            (app.selected + 1).min(app.visible.len()),
            app.visible.len()
        ),
    }
}

pub fn render(frame: &mut Frame, app: &App, area: Rect) {
    let mut s = format!(" {} │ ", position(app));
    if let Some((done, total)) = app.refreshing {
        if total == 0 {
            s.push_str("⟳ │ ");
        } else {
            s.push_str(&format!("⟳ {done}/{total} │ "));
        }
    }
    if let Some(n) = &app.notice {
        s.push_str(&for_terminal(n));
    } else {
        let mut keys: Vec<String> = hints(app.input_scope())
            .into_iter()
            .map(|(k, h)| format!("{k} {h}"))
            .collect();
        if app.typing() {
            keys.insert(0, TYPING_HINT.into());
        }
        s.push_str(&keys.join(" · "));
    }
    let line = Line::raw(text::truncate(&s, area.width as usize));
    frame.render_widget(Paragraph::new(line).style(theme::status()), area);
}
