//! The list of claims that answer the list's query (`C`): a box over the
//! screen, two lines a claim (its sentence, then its story's title and the
//! outlets it cites, dim), each cut to the box's width, scrolled to the
//! selected one.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

use super::overlay::{centred, more_marks};
use super::theme::Theme;
use crate::app::action::Action;
use crate::app::claims::ClaimRow;
use crate::app::geometry::{help_box, inside_border};
use crate::app::keymap::Scope;
use crate::app::App;
use crate::text::sanitize::for_terminal;
use crate::text::width as text;

/// Lines a claim takes.
const LINES: usize = 2;

pub fn render(frame: &mut Frame, theme: &Theme, app: &App, rows: &[ClaimRow], selected: usize) {
    let area = frame.area();
    let room = help_box(area.width, area.height);
    let rect = centred(room, 100, (rows.len() * LINES) as u16 + 2);
    if rect.width < 3 || rect.height < 3 {
        return;
    }
    let inside = inside_border(rect);
    let (width, height) = (inside.width as usize, inside.height as usize);
    // Whole claims show; the selected one is the last when it would be below.
    let fits = (height / LINES).max(1);
    let first = (selected + 1).saturating_sub(fits);
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(fits)
        .flat_map(|(i, r)| {
            let style = if i == selected {
                theme.cursor
            } else {
                Style::new()
            };
            let text = text::truncate(&format!(" {}", for_terminal(&r.text)), width);
            let from = from_line(&r.title, &r.outlets, width);
            [
                Line::from(Span::raw(text)).style(style),
                Line::from(Span::styled(from, theme.dim)).style(style),
            ]
        })
        .take(height)
        .collect();
    let key = |s, a: Action| app.keys.key_for(s, &a).unwrap_or_default();
    let title = format!(
        " {} claims answer the query ({}: go to it · {}: close) ",
        rows.len(),
        key(Scope::Overlay, Action::Open),
        key(Scope::Global, Action::Back)
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.frame)
        .title(text::truncate(&title, width));
    let block = more_marks(block, first > 0, first + fits < rows.len());
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

/// A claim's second line, indented: its story's title, then the outlets it
/// cites, which keep up to half of `width` when both do not fit.
fn from_line(title: &str, outlets: &str, width: usize) -> String {
    let title = for_terminal(title);
    if outlets.is_empty() {
        return text::truncate(&format!("   {title}"), width);
    }
    let outlets = for_terminal(outlets);
    let keep = (text::width(&outlets) + 3).min(width / 2);
    let title = text::truncate(&format!("   {title}"), width.saturating_sub(keep));
    text::truncate(&format!("{title} · {outlets}"), width)
}
