//! The feed picker: a box over the screen listing every feed with how many of
//! its stories are unread, then under a heading the saved queries with their
//! unread counts (`…` until counted, the error of one that no longer parses),
//! scrolled to the selected one.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

use super::overlay::{centred, more_marks};
use super::theme::Theme;
use crate::app::geometry::{help_box, inside_border};
use crate::app::layout::SpanKind;
use crate::app::Picker;
use crate::store::UNREAD_LIMIT;
use crate::summary::thousands;
use crate::text::sanitize::for_terminal;
use crate::text::width as text;

/// The heading above the saved queries.
const SAVED_HEADING: &str = "Saved queries";

pub fn render(frame: &mut Frame, theme: &Theme, picker: &Picker) {
    let area = frame.area();
    let room = help_box(area.width, area.height);
    let (lines, at) = entries(theme, picker);
    let rect = centred(room, 64, lines.len() as u16 + 2);
    if rect.width < 3 || rect.height < 3 {
        return;
    }
    let inside = inside_border(rect);
    let (width, shown) = (inside.width as usize, inside.height as usize);
    let first = (at + 1).saturating_sub(shown);
    let total = lines.len();
    let lines: Vec<Line> = lines
        .into_iter()
        .enumerate()
        .skip(first)
        .take(shown)
        .map(
            |(
                i,
                Entry {
                    name,
                    right: counts,
                    style,
                    heading,
                },
            )| {
                // A long error leaves the name a third of the width.
                let counts = text::truncate(&for_terminal(&counts), width * 2 / 3);
                let name = text::truncate(
                    &format!(" {}", for_terminal(&name)),
                    width.saturating_sub(text::width(&counts)),
                );
                let pad = width.saturating_sub(text::width(&name) + text::width(&counts));
                let name_style = if heading {
                    theme.span(SpanKind::Heading)
                } else {
                    Style::new()
                };
                let line = Line::from(vec![
                    Span::styled(name, name_style),
                    Span::raw(" ".repeat(pad)),
                    Span::styled(counts, style),
                ]);
                if i == at {
                    line.style(theme.cursor)
                } else {
                    line
                }
            },
        )
        .collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.frame)
        .title(if picker.saved.is_empty() {
            " Feeds (Enter: this one only · Esc: close) "
        } else {
            " Feeds and saved queries (Enter: show it · Esc: close) "
        });
    let block = more_marks(block, first > 0, first + shown < total);
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

/// One line of the picker: a name, what stands at its right in `style`, and
/// whether it is the heading above the saved queries.
struct Entry {
    name: String,
    right: String,
    style: Style,
    heading: bool,
}

/// The picker's lines and which one is selected: the feeds, then the saved
/// queries under a heading.
fn entries(theme: &Theme, picker: &Picker) -> (Vec<Entry>, usize) {
    let entry = |name: &str, right: String, style: Style| Entry {
        name: name.to_string(),
        right,
        style,
        heading: false,
    };
    let mut lines: Vec<Entry> = picker
        .feeds
        .iter()
        .map(|f| {
            let counts = format!(" {} unread of {} ", f.unread, f.total);
            entry(&f.name, counts, theme.dim)
        })
        .collect();
    if !picker.saved.is_empty() {
        lines.push(Entry {
            heading: true,
            ..entry(SAVED_HEADING, String::new(), theme.dim)
        });
    }
    for s in &picker.saved {
        let (right, style) = match (&s.query, s.unread) {
            (Err(e), _) => (format!(" {e} "), theme.span(SpanKind::Unresolved)),
            (Ok(_), None) => (" … ".into(), theme.dim),
            (Ok(_), Some(n)) if n > UNREAD_LIMIT => {
                (format!(" {}+ unread ", thousands(UNREAD_LIMIT)), theme.dim)
            }
            (Ok(_), Some(n)) => (format!(" {} unread ", thousands(n)), theme.dim),
        };
        lines.push(entry(&s.name, right, style));
    }
    let heading = usize::from(picker.selected >= picker.feeds.len());
    (lines, picker.selected + heading)
}
