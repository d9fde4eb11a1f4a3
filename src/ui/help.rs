//! The key map screen, written from the same table that dispatches keys.

use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

use super::theme;
use crate::app::keymap::{Scope, BINDINGS};

/// The scopes in the order the help screen (and the README) lists them.
pub const SCOPES: [Scope; 5] = [
    Scope::List,
    Scope::Story,
    Scope::Overlay,
    Scope::Typing,
    Scope::Global,
];

/// The key map as lines: a title per scope, then `keys  what they do`.
pub fn lines() -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for scope in SCOPES {
        out.push(Line::styled(
            scope.title(),
            Style::new().add_modifier(Modifier::BOLD),
        ));
        for b in BINDINGS.iter().filter(|b| b.scope == scope) {
            let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
            out.push(Line::from(vec![
                Span::styled(
                    format!("  {:<18}", keys.join(" ")),
                    Style::new().fg(theme::ACCENT),
                ),
                Span::raw(b.help),
            ]));
        }
        out.push(Line::raw(""));
    }
    out
}

pub fn render(frame: &mut Frame, scroll: usize, area: Rect) {
    let rect = super::overlay::centred(area, 72, area.height);
    frame.render_widget(Clear, rect);
    let all = lines();
    let visible = rect.height.saturating_sub(2) as usize;
    let scroll = scroll.min(all.len().saturating_sub(visible));
    let shown: Vec<Line> = all.into_iter().skip(scroll).collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Keys (? or Esc to close) ");
    frame.render_widget(Paragraph::new(shown).block(block), rect);
}
