//! `tidings outlet NAME`: an outlet's dossier, every claim and event that
//! cites it across the stories that do, newest first (an event by its own
//! date, a claim by its story's), each with its story.

use chrono::Local;
use serde::Serialize;

use super::error::{CliError, CommandResult, Finished};
use super::output::{self, Stdout};
use super::query::{citations_line, story_line, StoryRef};
use crate::model::{DateStyle, PartialDate};
use crate::query::claims::{citing, Cited, Citing, Place};
use crate::query::outlet;
use crate::store::{ListItem, Store};
use crate::summary::{self, plural};
use crate::text::sanitize::for_terminal;

/// One claim or event of the dossier, with its story and the date it goes by.
struct Entry<'a> {
    item: &'a ListItem,
    date: Option<PartialDate>,
    citing: Citing,
}

/// Prints the dossier of the outlet `name` over its `limit` most recent
/// stories (0: all of them).
pub fn dossier(
    store: &Store,
    out: &mut Stdout,
    name: &str,
    json: bool,
    limit: usize,
    dates: &DateStyle,
) -> CommandResult {
    let wanted = outlet::wanted(name);
    if wanted.is_empty() {
        return Err(CliError::NoWords { query: name.into() });
    }
    let limit = if limit == 0 { i64::MAX as usize } else { limit };
    let stories = store.outlet_stories(&wanted, limit)?;
    let mut entries: Vec<Entry> = stories
        .iter()
        .flat_map(|s| {
            let story_date = s.item.latest.as_deref().map(PartialDate::from_compact);
            citing(&s.doc, &wanted).into_iter().map(move |c| Entry {
                item: &s.item,
                date: match &c.place {
                    Place::Event { date } => Some(date.clone()),
                    Place::Claim { .. } => story_date.clone(),
                },
                citing: c,
            })
        })
        .collect();
    // Stable: a story's claims stay before its events of the same day.
    entries.sort_by_key(|e| std::cmp::Reverse(e.date.as_ref().map(PartialDate::sort_key)));
    if entries.is_empty() {
        eprintln!("no story cites \"{}\"", for_terminal(name));
        return Ok(Finished::Shortfall);
    }
    let counts = Counts::of(&entries);
    let shown = shown_name(&entries).unwrap_or_else(|| name.to_string());
    if json {
        out.json_line(&Dossier::of(&shown, &counts, &entries))?;
    } else {
        out.line(format_args!(
            "{}: {} and {} in {}",
            for_terminal(&shown),
            plural(counts.claims, "claim"),
            plural(counts.events, "event"),
            summary::stories(counts.stories)
        ))?;
        let now = Local::now();
        for e in &entries {
            let date = e
                .date
                .as_ref()
                .map(|d| d.styled(dates, now))
                .unwrap_or_else(|| "undated".into());
            let what = match e.citing.place {
                Place::Claim { .. } => "claim",
                Place::Event { .. } => "event",
            };
            out.line(format_args!(
                "{}  {what}  {}  {}",
                for_terminal(&date),
                for_terminal(&e.citing.text),
                citations_line(&e.citing.sources)
            ))?;
            out.line(format_args!("    {}", story_line(e.item, dates, now)))?;
        }
    }
    if stories.len() == limit && output::person_reads_stderr() {
        out.flush_quietly();
        eprintln!(
            "… from the {} citing it most recently (--limit N reads more, --limit 0 all)",
            summary::stories(limit)
        );
    }
    Ok(Finished::Success)
}

/// How many claims, events and stories the dossier holds.
struct Counts {
    claims: usize,
    events: usize,
    stories: usize,
}

impl Counts {
    fn of(entries: &[Entry]) -> Counts {
        let claims = entries
            .iter()
            .filter(|e| matches!(e.citing.place, Place::Claim { .. }))
            .count();
        let mut stories: Vec<&str> = entries.iter().map(|e| e.item.uid.as_str()).collect();
        stories.sort_unstable();
        stories.dedup();
        Counts {
            claims,
            events: entries.len() - claims,
            stories: stories.len(),
        }
    }
}

/// The outlet as its sources name it most often (`Yonhap News Agency` for
/// `yonhap`).
fn shown_name(entries: &[Entry]) -> Option<String> {
    let mut names: Vec<(&str, usize)> = Vec::new();
    for name in entries
        .iter()
        .flat_map(|e| &e.citing.sources)
        .filter_map(|s| s.outlet.as_deref())
    {
        match names.iter_mut().find(|(n, _)| *n == name) {
            Some((_, count)) => *count += 1,
            None => names.push((name, 1)),
        }
    }
    // The first of the most named: max_by_key keeps the last of equals.
    names
        .iter()
        .rev()
        .max_by_key(|(_, count)| *count)
        .map(|(n, _)| n.to_string())
}

/// The dossier as `outlet --json` prints it.
#[derive(Serialize)]
struct Dossier<'a> {
    outlet: &'a str,
    claims: usize,
    events: usize,
    stories: usize,
    entries: Vec<EntryRow<'a>>,
}

/// A claim or event as `outlet --json` prints it.
#[derive(Serialize)]
struct EntryRow<'a> {
    kind: &'static str,
    date: Option<String>,
    text: &'a str,
    /// A claim's place among its story's sentences.
    #[serde(skip_serializing_if = "Option::is_none")]
    index: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    section: Option<&'a str>,
    story: StoryRef<'a>,
    sources: &'a [Cited],
}

impl<'a> Dossier<'a> {
    fn of(outlet: &'a str, counts: &Counts, entries: &'a [Entry]) -> Self {
        Dossier {
            outlet,
            claims: counts.claims,
            events: counts.events,
            stories: counts.stories,
            entries: entries
                .iter()
                .map(|e| {
                    let (kind, index, section) = match &e.citing.place {
                        Place::Claim { index, section } => {
                            ("claim", Some(*index), section.as_deref())
                        }
                        Place::Event { .. } => ("event", None, None),
                    };
                    EntryRow {
                        kind,
                        date: e.date.as_ref().map(PartialDate::compact),
                        text: &e.citing.text,
                        index,
                        section,
                        story: StoryRef::of(e.item),
                        sources: &e.citing.sources,
                    }
                })
                .collect(),
        }
    }
}
