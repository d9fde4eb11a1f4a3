//! The headline list: a header with counts and the filter, then one row per story
//! (selection, unread and saved marks in fixed columns, title, a thread's
//! story count `▸3`, then, dim, the feed, the source count and latest date as
//! far as they leave the title room). Only visible rows are touched.

use chrono::{DateTime, Local};
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use super::list_header;
use super::theme::Theme;
use crate::app::geometry::list_rows;
use crate::app::{App, Focus};
use crate::model::{DateStyle, PartialDate};
use crate::store::ListItem;
use crate::text::sanitize::for_terminal;
use crate::text::width as text;

pub fn render(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    list_header::render(frame, app, theme, Rect::new(area.x, area.y, area.width, 1));

    let rows = list_rows(area);
    let width = rows.width as usize;
    let mut lines = Vec::with_capacity(rows.height as usize);
    let now = chrono::Local::now();
    for (pos, &idx) in app
        .visible
        .iter()
        .enumerate()
        .skip(app.list_scroll)
        .take(rows.height as usize)
    {
        let selected = pos == app.selected;
        // A row not read yet (only while the store is read) shows empty.
        let mut line = match app.row(idx) {
            Some(item) => row(theme, item, selected, width, (&app.date_style, now)),
            None => Line::raw(""),
        };
        if selected {
            line = line.style(if app.focus == Focus::List {
                theme.cursor
            } else {
                theme.cursor_unfocused
            });
        }
        lines.push(line);
    }
    if let Some(msg) = app.empty_list_message() {
        let text = Paragraph::new(for_terminal(&msg).into_owned())
            .style(theme.dim)
            .wrap(Wrap { trim: true });
        let inset = Rect::new(
            rows.x + 2.min(rows.width),
            rows.y,
            rows.width.saturating_sub(2),
            rows.height,
        );
        frame.render_widget(text, inset);
        return;
    }
    frame.render_widget(Paragraph::new(lines), rows);
}

/// Columns before the title on every row: the selection mark, the unread mark,
/// the saved mark and a space.
const MARKS: usize = 4;

/// One row: `›●★ Title…      Harbour Gazette · 5 src · 3h ago`.
/// How rows show dates, and the moment they are relative to.
type Dates<'a> = (&'a DateStyle, DateTime<Local>);

fn row(
    theme: &Theme,
    item: &ListItem,
    selected: bool,
    width: usize,
    dates: Dates,
) -> Line<'static> {
    let thread = thread_mark(item);
    let room = width.saturating_sub(MARKS + text::width(&thread));
    let meta = meta(item, room, text::width(&item.title), dates);
    let title = text::truncate(
        &for_terminal(&item.title),
        room.saturating_sub(text::width(&meta)),
    );
    let pad = room.saturating_sub(text::width(&title) + text::width(&meta));
    Line::from(vec![
        Span::raw(if selected { "›" } else { " " }),
        // Unread, or `~` changed since it was read (and unread again).
        match (item.read, item.updated) {
            (true, _) => Span::styled(" ", theme.unread),
            (false, false) => Span::styled("●", theme.unread),
            (false, true) => Span::styled("~", theme.unread.add_modifier(Modifier::BOLD)),
        },
        if item.saved {
            Span::styled("★", theme.saved)
        } else {
            Span::raw(" ")
        },
        Span::raw(" "),
        Span::raw(title),
        Span::styled(thread, theme.unread),
        Span::raw(" ".repeat(pad)),
        Span::styled(meta, theme.dim),
    ])
}

/// After the title of a thread's row: ` ▸3`, its story count (the thread
/// view, `Enter`, lists them); nothing for a story alone.
fn thread_mark(item: &ListItem) -> String {
    item.thread
        .as_ref()
        .map_or_else(String::new, |t| format!(" ▸{}", t.stories))
}

/// The most columns a feed's name takes on a row.
const FEED_WIDTH: usize = 24;

/// What follows the title in `room` columns: with the feed (the feed, the
/// source count when there are sources, and the date; or the feed and the
/// date) when that leaves the whole title `title` columns; else the source
/// count and the date, or the date alone. The first that fits in half the room:
/// the title always keeps the other half. A story several feeds brought counts
/// its outlets instead of its sources (`3 outlets`, else `3 outl`).
fn meta(item: &ListItem, room: usize, title: usize, (style, now): Dates) -> String {
    let limit = room / 2;
    let date = item
        .latest
        .as_deref()
        .map(|l| for_terminal(&PartialDate::from_compact(l).styled_short(style, now)).into_owned());
    let merged = item.feeds > 1;
    let sources = match merged {
        true => Some(format!("{} outlets", item.outlets)),
        false => (item.source_count > 0).then(|| format!("{} src", item.source_count)),
    };
    let short = merged.then(|| format!("{} outl", item.outlets));
    let feed =
        (!item.feed.is_empty()).then(|| text::truncate(&for_terminal(&item.feed), FEED_WIDTH));
    // Each part measured once; a candidate is ` a · b · c`.
    let (feed, sources, short, date) = (part(&feed), part(&sources), part(&short), part(&date));
    let with_feed = [[feed, sources, date], [feed, date, None]];
    let plain = [
        [sources, date, None],
        [short, date, None],
        [date, None, None],
    ];
    let mut candidates: Vec<&[Part; 3]> = Vec::with_capacity(4);
    if feed.is_some() {
        candidates.extend(
            with_feed
                .iter()
                .filter(|c| span_width(*c).is_some_and(|w| title + w <= room)),
        );
    }
    candidates.extend(plain.iter());
    let chosen = candidates
        .into_iter()
        .find(|c| span_width(*c).is_some_and(|w| w <= limit));
    chosen.map_or_else(String::new, |parts| {
        let texts: Vec<&str> = parts.iter().flatten().map(|p| p.0).collect();
        format!(" {}", texts.join(" · "))
    })
}

/// A part of a row's meta and its width.
type Part<'a> = Option<(&'a str, usize)>;

fn part(p: &Option<String>) -> Part<'_> {
    p.as_deref().map(|s| (s, text::width(s)))
}

/// The width of ` a · b · c` for the parts present, `None` for none.
fn span_width(parts: &[Part]) -> Option<usize> {
    let widths = parts.iter().flatten().map(|p| p.1);
    let (n, sum) = widths.fold((0, 0), |(n, sum), w| (n + 1, sum + w));
    (n > 0).then(|| 1 + sum + 3 * (n - 1))
}
