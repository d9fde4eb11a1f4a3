//! `tidings thread …`: a story's thread (its stories and merged timeline), and
//! the hand-made choices that split a story out of one or merge two.

use chrono::{DateTime, Local};
use serde::Serialize;

use super::args::ThreadAction;
use super::error::{CommandResult, Finished};
use super::output::Stdout;
use crate::model::DateStyle;
use crate::store::{Store, Thread, ThreadEvent};
use crate::summary;
use crate::text::sanitize::for_terminal;

/// Runs `thread show`, `split` or `merge`; `dates` is how the config shows dates.
pub fn run(
    store: &mut Store,
    action: ThreadAction,
    dates: &DateStyle,
    out: &mut Stdout,
) -> CommandResult {
    match action {
        ThreadAction::Show { id, json } => {
            let thread = store.thread(&store.resolve(&id)?)?;
            if json {
                out.json_line(&ThreadJson::of(&thread))?;
            } else {
                show(out, &thread, dates, Local::now())?;
            }
        }
        ThreadAction::Split { id } => {
            let uid = store.resolve(&id)?;
            let title = store.get(&uid)?.item.title;
            let was_in_one = store.split_thread(&uid)?;
            let what = if was_in_one {
                "taken out of its thread"
            } else {
                "in no thread; it stays alone"
            };
            out.line(format_args!(
                "{}  {}: {what}",
                &uid[..8],
                for_terminal(&title)
            ))?;
        }
        ThreadAction::Merge { id, other } => {
            let (into, other) = (store.resolve(&id)?, store.resolve(&other)?);
            let thread = store.merge_threads(&into, &other)?;
            let stories = store.thread(&into)?.stories.len();
            out.line(format_args!(
                "thread {}: {}",
                &thread[..8.min(thread.len())],
                stories_count(stories)
            ))?;
        }
    }
    Ok(Finished::Success)
}

/// `1 story`, `3 stories`.
fn stories_count(n: usize) -> String {
    match n {
        1 => "1 story".to_string(),
        n => format!("{n} stories"),
    }
}

/// The thread as text: a line of counts, its stories, then its timeline.
fn show(
    out: &mut Stdout,
    thread: &Thread,
    dates: &DateStyle,
    now: DateTime<Local>,
) -> Result<(), super::output::WriteError> {
    out.line(format_args!(
        "thread {}: {}, {}",
        &thread.uid[..8.min(thread.uid.len())],
        stories_count(thread.stories.len()),
        summary::plural(thread.outlets as usize, "outlet")
    ))?;
    for s in &thread.stories {
        out.line(format_args!(
            "  {}  {}  ({})",
            &s.item.uid[..8],
            for_terminal(&s.item.title),
            for_terminal(&s.item.feed)
        ))?;
    }
    let timeline = thread.timeline();
    if !timeline.is_empty() {
        out.line("\ntimeline")?;
    }
    for e in &timeline {
        let what = if e.published {
            format!("published: {}", e.text)
        } else {
            e.text.clone()
        };
        out.line(format_args!(
            "  {:<18} {}  [{}]",
            for_terminal(&e.date.styled(dates, now)),
            for_terminal(&what),
            &e.story[..8]
        ))?;
    }
    Ok(())
}

/// `thread show --json`.
#[derive(Serialize)]
struct ThreadJson<'a> {
    thread: &'a str,
    outlets: u32,
    stories: Vec<StoryJson<'a>>,
    timeline: Vec<EventJson>,
}

#[derive(Serialize)]
struct StoryJson<'a> {
    id: &'a str,
    title: &'a str,
    feed: &'a str,
    latest: Option<&'a str>,
}

#[derive(Serialize)]
struct EventJson {
    date: String,
    text: String,
    story: String,
    published: bool,
}

impl<'a> ThreadJson<'a> {
    fn of(thread: &'a Thread) -> Self {
        let event = |e: ThreadEvent| EventJson {
            date: e.date.label,
            text: e.text,
            story: e.story,
            published: e.published,
        };
        ThreadJson {
            thread: &thread.uid,
            outlets: thread.outlets,
            stories: thread
                .stories
                .iter()
                .map(|s| StoryJson {
                    id: &s.item.uid,
                    title: &s.item.title,
                    feed: &s.item.feed,
                    latest: s.item.latest.as_deref(),
                })
                .collect(),
            timeline: thread.timeline().into_iter().map(event).collect(),
        }
    }
}
