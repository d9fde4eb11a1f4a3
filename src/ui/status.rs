//! The status bar: the mode, the position, then what is wrong with the filter's
//! query while it does not parse, else a notice or the most useful keys (from
//! the key map table); while searching within the story, its search box (the
//! terminal's cursor in it) and how many matches.

use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::edit_box;
use super::theme::Theme;
use crate::app::keymap::{Scope, TYPING_HINT};
use crate::app::search::Search;
use crate::app::{App, Overlay, View};
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
    if app.searching() {
        return "SEARCH".into();
    }
    match app.scope() {
        Scope::Overlay if matches!(app.overlay, Some(Overlay::Claims { .. })) => "CLAIMS".into(),
        Scope::Overlay => "SOURCE".into(),
        Scope::Picker => "FEEDS".into(),
        Scope::Thread => match &app.overlay {
            Some(Overlay::Thread(v)) if v.on_timeline => {
                format!("THREAD TIMELINE {}/{}", v.line_at + 1, v.timeline.len())
            }
            Some(Overlay::Thread(v)) => format!("THREAD {}/{}", v.story_at + 1, v.stories.len()),
            _ => "THREAD".into(),
        },
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

/// The widest the search box grows.
const SEARCH_BOX: usize = 30;

/// How many matches, or none.
fn matches(search: &Search) -> String {
    match search.matches.len() {
        _ if search.query().trim().is_empty() => String::new(),
        0 => format!("no match for “{}”", search.query()),
        n => format!("match {}/{n}", search.current + 1),
    }
}

pub fn render(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    if let Some(search) = app.story.as_ref().and_then(|s| s.search.as_ref()) {
        if app.searching() {
            return render_search(frame, app, theme, search, area);
        }
    }
    let mut s = format!(" {} │ ", position(app));
    if let Some((done, total)) = app.refreshing {
        if total == 0 {
            s.push_str("⟳ │ ");
        } else {
            s.push_str(&format!("⟳ {done}/{total} │ "));
        }
    }
    let error = app
        .filter
        .as_ref()
        .filter(|f| f.editing)
        .and_then(|f| f.error.as_ref());
    if let Some(e) = error {
        s.push_str(&for_terminal(&e.to_string()));
    } else if let Some(n) = &app.notice {
        s.push_str(&for_terminal(n));
    } else {
        let mut keys: Vec<String> = app
            .keys
            .hints(app.input_scope())
            .into_iter()
            .map(|(k, h)| format!("{k} {h}"))
            .collect();
        if app.typing() {
            keys.insert(0, TYPING_HINT.into());
        }
        s.push_str(&keys.join(" · "));
    }
    let line = Line::raw(text::truncate(&s, area.width as usize));
    frame.render_widget(Paragraph::new(line).style(theme.status), area);
}

/// ` SEARCH │ /query │ match 2/7 · keys`, the terminal's cursor in the query.
fn render_search(frame: &mut Frame, app: &App, theme: &Theme, search: &Search, area: Rect) {
    let width = area.width as usize;
    let prefix = text::truncate(&format!(" {} │ /", position(app)), width);
    let start = text::width(&prefix);
    let room = width.saturating_sub(start);
    let want = (text::width(&for_terminal(search.query())) + 1).clamp(8, SEARCH_BOX);
    let (spans, cursor) = edit_box::fit(&search.input, true, want.min(room));
    let used: usize = spans.iter().map(|s| text::width(&s.content)).sum();
    let mut after = vec![" ".repeat(want.min(room).saturating_sub(used))];
    let found = matches(search);
    if !found.is_empty() {
        after.push(format!(" │ {}", for_terminal(&found)));
    }
    let keys: Vec<String> = app
        .keys
        .hints(app.input_scope())
        .into_iter()
        .map(|(k, h)| format!("{k} {h}"))
        .collect();
    after.push(format!(" │ {}", keys.join(" · ")));
    let tail = text::truncate(&after.concat(), room.saturating_sub(used));
    let mut line = vec![Span::raw(prefix)];
    line.extend(spans);
    line.push(Span::raw(tail));
    frame.render_widget(Paragraph::new(Line::from(line)).style(theme.status), area);
    if start < width {
        frame.set_cursor_position(Position::new(area.x + (start + cursor) as u16, area.y));
    }
}
