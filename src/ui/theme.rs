//! Named styles: the one place colours are chosen, and what stays of them
//! without colour.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

use crate::app::layout::SpanKind;

pub const ACCENT: Color = Color::Cyan;
pub const WARN: Color = Color::Yellow;

pub fn span(kind: SpanKind) -> Style {
    match kind {
        SpanKind::Title => Style::new().add_modifier(Modifier::BOLD),
        SpanKind::Meta | SpanKind::Dim => Style::new().fg(Color::DarkGray),
        SpanKind::Heading => Style::new()
            .add_modifier(Modifier::BOLD)
            .fg(Color::LightBlue),
        SpanKind::Body => Style::new(),
        SpanKind::Citation => Style::new().fg(ACCENT).add_modifier(Modifier::BOLD),
        SpanKind::Unresolved => Style::new()
            .fg(WARN)
            .add_modifier(Modifier::DIM | Modifier::CROSSED_OUT),
        SpanKind::Label => Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        SpanKind::Date => Style::new().fg(Color::LightMagenta),
        SpanKind::Link => Style::new().fg(ACCENT).add_modifier(Modifier::UNDERLINED),
        SpanKind::Key => Style::new().fg(ACCENT),
    }
}

/// The item under the cursor in the focused pane.
pub fn cursor() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// A match of the story's search. It replaces the cursor's reverse, and keeps
/// an underline without colour.
pub fn search_hit() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::UNDERLINED)
        .remove_modifier(Modifier::REVERSED)
}

/// The match of the story's search moved to: bold besides.
pub fn search_current() -> Style {
    search_hit()
        .bg(Color::LightGreen)
        .add_modifier(Modifier::BOLD)
}

/// The item under the cursor in a pane without the keyboard.
pub fn cursor_unfocused() -> Style {
    Style::new().add_modifier(Modifier::UNDERLINED)
}

pub fn header() -> Style {
    Style::new()
        .add_modifier(Modifier::BOLD)
        .bg(Color::DarkGray)
        .fg(Color::White)
}

pub fn status() -> Style {
    Style::new().bg(Color::Blue).fg(Color::White)
}

pub fn unread_mark() -> Style {
    Style::new().fg(ACCENT)
}

pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

/// The frame without colour (`NO_COLOR`), keeping what the colours said as
/// emphasis: a coloured bar (the list's header, the status bar) is reversed, grey
/// text dim; reverse, bold and underline stay as they are.
pub fn without_colour(buf: &mut Buffer) {
    for cell in &mut buf.content {
        if cell.bg != Color::Reset {
            cell.modifier.insert(Modifier::REVERSED);
        }
        if cell.fg == Color::DarkGray {
            cell.modifier.insert(Modifier::DIM);
        }
        cell.fg = Color::Reset;
        cell.bg = Color::Reset;
    }
}
