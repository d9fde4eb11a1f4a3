//! A one-line text box (the filter box, the story's search box): its text
//! fitted into the columns it has, scrolled so that the cursor stays in view
//! while typing, and a text selected for replacement shown reversed.

use ratatui::style::{Modifier, Style};
use ratatui::text::Span;

use crate::app::line_edit::LineEdit;
use crate::text::sanitize::for_terminal;
use crate::text::width as text;

/// `input` fitted into `width` columns, and the cursor's column in it. While
/// typing (`editing`), the text scrolls so that the cursor (one column past the
/// end at most) is in view, `…` marking what is cut off on the left; a kept
/// text shows its start.
pub fn fit(input: &LineEdit, editing: bool, width: usize) -> (Vec<Span<'static>>, usize) {
    let style = if input.selected() {
        Style::new().add_modifier(Modifier::REVERSED)
    } else {
        Style::new()
    };
    if !editing {
        let shown = text::truncate(&for_terminal(input.text()), width);
        return (vec![Span::styled(shown, style)], 0);
    }
    let clusters: Vec<String> = input
        .graphemes()
        .map(|g| for_terminal(g).into_owned())
        .collect();
    let widths: Vec<usize> = clusters.iter().map(|g| text::width(g)).collect();
    let col = |i: usize| widths[..i].iter().sum::<usize>();
    let cursor = input.cursor();
    // Text before the cursor, plus `…` when scrolled, fits in width - 1.
    let room = width.saturating_sub(1);
    let mut first = 0;
    while first < cursor && col(cursor) - col(first) + usize::from(first > 0) > room {
        first += 1;
    }
    let lead = if first > 0 { "…" } else { "" };
    let mut shown = String::new();
    let mut used = lead.chars().count();
    for (g, w) in clusters[first..].iter().zip(&widths[first..]) {
        if used + w > width {
            break;
        }
        shown.push_str(g);
        used += w;
    }
    let at = lead.chars().count() + col(cursor) - col(first);
    (
        vec![Span::raw(lead), Span::styled(shown, style)],
        at.min(width.saturating_sub(1)),
    )
}
