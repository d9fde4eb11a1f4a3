//! A thread over the screen: a box titled with its counts, its newest headline,
//! then either its stories (two lines each: `[n]`, the read mark and the
//! headline, then dim its feed, its sources' outlets and its date) or its merged timeline (one line an
//! event: its date, `[n]` citing its story, and its text; a story's
//! publication marked `published:`), scrolled to the selected line.

use chrono::Local;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

use super::overlay::more_marks;
use super::theme::Theme;
use crate::app::action::Action;
use crate::app::geometry::{help_box, inside_border};
use crate::app::keymap::Scope;
use crate::app::thread::ThreadView;
use crate::app::App;
use crate::text::sanitize::for_terminal;
use crate::text::width as text;

/// Lines above the list: the newest headline and a blank line.
const HEAD: usize = 2;

pub fn render(frame: &mut Frame, theme: &Theme, app: &App, view: &ThreadView) {
    let area = frame.area();
    let rect = help_box(area.width, area.height);
    if rect.width < 3 || rect.height < 3 {
        return;
    }
    let inside = inside_border(rect);
    let (width, height) = (inside.width as usize, inside.height as usize);
    let now = Local::now();
    let date = |d: &crate::model::PartialDate| {
        for_terminal(&d.styled_short(&app.date_style, now)).into_owned()
    };
    let rows: Vec<Vec<Line>> = if view.on_timeline {
        let wide = view
            .timeline
            .iter()
            .map(|l| text::width(&date(&l.date)))
            .max()
            .unwrap_or(0);
        view.timeline
            .iter()
            .map(|l| {
                let when = date(&l.date);
                let pad = " ".repeat(wide.saturating_sub(text::width(&when)));
                let what = match l.event {
                    Some(_) => for_terminal(&l.text).into_owned(),
                    None => format!("published: {}", for_terminal(&l.text)),
                };
                let line = format!(" {when}{pad}  [{}] {what}", l.story + 1);
                vec![Line::raw(text::truncate(&line, width))]
            })
            .collect()
    } else {
        view.stories
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mark = if s.read { " " } else { "●" };
                let title = text::truncate(
                    &format!(" [{}] {mark} {}", i + 1, for_terminal(&s.title)),
                    width,
                );
                let from: Vec<String> = [
                    (!s.feed.is_empty()).then(|| for_terminal(&s.feed).into_owned()),
                    outlets(&s.outlets, &s.feed),
                    s.date.as_ref().map(date),
                ]
                .into_iter()
                .flatten()
                .collect();
                let from = text::truncate(&format!("       {}", from.join(" · ")), width);
                vec![Line::raw(title), Line::from(Span::styled(from, theme.dim))]
            })
            .collect()
    };
    let per = rows.first().map_or(1, Vec::len);
    // Whole rows show; the selected one is the last when it would be below.
    let fits = (height.saturating_sub(HEAD) / per).max(1);
    let selected = view.selected();
    let first = (selected + 1).saturating_sub(fits);
    let newest = view.stories.first().map_or("", |s| s.title.as_str());
    let mut lines = vec![
        Line::styled(
            text::truncate(&format!(" {}", for_terminal(newest)), width),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Line::raw(""),
    ];
    for (i, row) in rows.into_iter().enumerate().skip(first).take(fits) {
        let style = if i == selected {
            theme.cursor
        } else {
            Style::new()
        };
        lines.extend(row.into_iter().map(|l| l.style(style)));
    }
    lines.truncate(height);
    let key = |s, a: Action| app.keys.key_for(s, &a).unwrap_or_default();
    let title = if view.on_timeline {
        format!(
            " Merged timeline: {} lines ({}: stories · {}: close) ",
            view.timeline.len(),
            key(Scope::Thread, Action::Timeline),
            key(Scope::Global, Action::Back)
        )
    } else {
        format!(
            " Thread: {} · {} ({}: timeline · {}: close) ",
            count(view.stories.len(), "story", "stories"),
            count(view.outlets as usize, "outlet", "outlets"),
            key(Scope::Thread, Action::Timeline),
            key(Scope::Global, Action::Back)
        )
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.frame)
        .title(text::truncate(&title, width));
    let block = more_marks(block, first > 0, first + fits < view.len());
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

/// `n` and the noun it counts: `1 story`, `3 stories`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The most outlets a story's line names; more are counted.
const OUTLETS: usize = 3;

/// A story's outlets as its line names them, but for its feed (named before
/// them): `Gazette, AP`, or the first [`OUTLETS`] and `+2`; `None` for none.
fn outlets(all: &[String], feed: &str) -> Option<String> {
    let all: Vec<&String> = all
        .iter()
        .filter(|o| !o.eq_ignore_ascii_case(feed))
        .collect();
    if all.is_empty() {
        return None;
    }
    let named: Vec<String> = all
        .iter()
        .take(OUTLETS)
        .map(|o| for_terminal(o).into_owned())
        .collect();
    let more = all.len().saturating_sub(OUTLETS);
    Some(match more {
        0 => named.join(", "),
        n => format!("{} +{n}", named.join(", ")),
    })
}
