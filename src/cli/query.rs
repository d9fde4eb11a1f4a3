//! The commands that answer with a query: `search --claims` (the claims that
//! answer it, each under its story) and saved queries (`query save`, `list`,
//! `rm`); `outlet` is [`super::outlet`]'s. A query is read finished
//! (`query::parse_finished`): its last word a prefix from three letters on, as
//! the filter shows, and a shorter one a word, not one still being typed.

use chrono::{DateTime, Local};
use serde::Serialize;

use super::args::{QueryAction, QueryCommand};
use super::error::{CliError, CommandResult, Finished};
use super::output::Stdout;
use crate::model::{DateStyle, PartialDate};
use crate::query::claims::{matching_claims, story_query, Cited, ClaimMatch};
use crate::query::Query;
use crate::store::{ListItem, Store, MATCH_LIMIT, UNREAD_LIMIT};
use crate::summary;
use crate::text::sanitize::for_terminal;

/// Runs `outlet` or `query …`; `dates` is how the config shows dates.
pub fn run(
    store: &Store,
    command: QueryCommand,
    dates: &DateStyle,
    out: &mut Stdout,
) -> CommandResult {
    match command {
        QueryCommand::Outlet { name, json, limit } => {
            super::outlet::dossier(store, out, &name, json, limit, dates)
        }
        QueryCommand::Query(QueryAction::Save { name, query }) => save(store, out, &name, &query),
        QueryCommand::Query(QueryAction::List { json }) => list(store, out, json),
        QueryCommand::Query(QueryAction::Rm { name }) => {
            if !store.remove_query(&name)? {
                return Err(CliError::NoSavedQuery { name });
            }
            out.line(format_args!("removed query {}", for_terminal(&name)))?;
            Ok(Finished::Success)
        }
    }
}

/// `text` read as a finished query (its last word a prefix from three letters
/// on, so `search`, `mark --query` and a saved query find what `/` shows;
/// a shorter last word is kept), with something to look for.
pub fn parse(text: &str) -> Result<Query, CliError> {
    let today = Local::now().date_naive();
    let q = crate::query::parse_finished(text, today).map_err(|error| CliError::Query {
        query: text.to_string(),
        error,
    })?;
    if q.expr.is_none() {
        return Err(CliError::NoWords {
            query: text.to_string(),
        });
    }
    Ok(q)
}

/// A story as the JSON of `search --claims` and `outlet` names it.
#[derive(Serialize)]
pub struct StoryRef<'a> {
    pub uid: &'a str,
    pub title: &'a str,
    pub date: Option<&'a str>,
}

impl<'a> StoryRef<'a> {
    pub fn of(item: &'a ListItem) -> Self {
        StoryRef {
            uid: &item.uid,
            title: &item.title,
            date: item.latest.as_deref(),
        }
    }
}

/// `0123abcd  Title  (20 Jan 2026)`: a story above what it says.
pub fn story_line(item: &ListItem, dates: &DateStyle, now: DateTime<Local>) -> String {
    let date = item
        .latest
        .as_deref()
        .map(|l| format!("  ({})", PartialDate::from_compact(l).styled(dates, now)))
        .unwrap_or_default();
    format!(
        "{}  {}{}",
        &item.uid[..8],
        for_terminal(&item.title),
        for_terminal(&date)
    )
}

/// `[1] Reuters [3] Yonhap`: citations as a person reads them.
pub fn citations_line(cited: &[Cited]) -> String {
    let labels: Vec<String> = cited.iter().map(Cited::label).collect();
    for_terminal(&labels.join(" ")).into_owned()
}

/// `tidings search --claims`: the first `limit` claims that answer `text`, from
/// the best stories down, each under its story.
pub fn claims(
    store: &Store,
    out: &mut Stdout,
    text: &str,
    json: bool,
    limit: usize,
    dates: &DateStyle,
) -> CommandResult {
    /// A claim as `search --claims --json` prints it.
    #[derive(Serialize)]
    struct ClaimRow<'a> {
        story: StoryRef<'a>,
        claim: &'a str,
        section: Option<&'a str>,
        index: usize,
        citations: &'a [Cited],
    }
    let q = parse(text)?;
    let found = claims_of(store, &q, limit)?;
    if json {
        let rows: Vec<ClaimRow> = found
            .iter()
            .flat_map(|(item, claims)| {
                claims.iter().map(move |c| ClaimRow {
                    story: StoryRef::of(item),
                    claim: &c.text,
                    section: c.section.as_deref(),
                    index: c.index,
                    citations: &c.citations,
                })
            })
            .collect();
        out.json_line(&rows)?;
    } else {
        let now = Local::now();
        for (item, claims) in &found {
            out.line(story_line(item, dates, now))?;
            for c in claims {
                out.line(format_args!("  {}", for_terminal(&c.text)))?;
                out.line(format_args!("      {}", citations_line(&c.citations)))?;
            }
        }
    }
    if found.is_empty() {
        eprintln!("no claim answers \"{}\"", for_terminal(text));
    }
    Ok(Finished::shortfall_if(found.is_empty()))
}

/// The first `limit` claims answering `q`, by story, best story first. The
/// store finds the stories one of whose claims may answer (`story_query`),
/// read a few at a time: one that matched by its headline may hold no claim
/// that does.
fn claims_of(
    store: &Store,
    q: &Query,
    limit: usize,
) -> Result<Vec<(ListItem, Vec<ClaimMatch>)>, CliError> {
    let stories_q = story_query(q);
    let mut stories = limit.max(1);
    loop {
        let stored = store.query_stories(&stories_q, stories)?;
        let mut left = limit;
        let found: Vec<(ListItem, Vec<ClaimMatch>)> = stored
            .iter()
            .map(|s| (s, matching_claims(&s.story(), q)))
            .filter(|(_, claims)| !claims.is_empty())
            .map_while(|(s, mut claims)| {
                (left > 0).then(|| {
                    claims.truncate(left);
                    left -= claims.len();
                    (s.item.clone(), claims)
                })
            })
            .collect();
        // Fewer stories than asked for: every one was read (a story whose
        // document does not read is left out of `stored`, not of the ids).
        let all_read = store.query_ids(&stories_q, stories)?.len() < stories;
        if left == 0 || all_read || stories >= MATCH_LIMIT {
            return Ok(found);
        }
        stories = (stories * 4).min(MATCH_LIMIT);
    }
}

/// `tidings query save`: a query that parses, under `name`.
fn save(store: &Store, out: &mut Stdout, name: &str, text: &str) -> CommandResult {
    if name.trim().is_empty() {
        return Err(CliError::NoQueryName);
    }
    parse(text)?;
    let name_shown = for_terminal(name);
    match store.save_query(name, text)? {
        Some(old) if old != text => out.line(format_args!(
            "replaced query {name_shown} (was {}): {}",
            for_terminal(&old),
            for_terminal(text)
        ))?,
        _ => out.line(format_args!(
            "saved query {name_shown}: {}",
            for_terminal(text)
        ))?,
    }
    Ok(Finished::Success)
}

/// `tidings query list`: each saved query with how many unread stories it
/// matches; one saved by a tidings whose language read it otherwise says why
/// it no longer parses.
fn list(store: &Store, out: &mut Stdout, json: bool) -> CommandResult {
    /// A saved query as `query list --json` prints it.
    #[derive(Serialize)]
    struct SavedRow<'a> {
        name: &'a str,
        query: &'a str,
        /// Counted up to [`UNREAD_LIMIT`] + 1; absent when it does not parse.
        unread: Option<usize>,
        #[serde(skip_serializing_if = "Option::is_none")]
        error: Option<String>,
    }
    let saved = store.saved_queries()?;
    for s in &saved {
        let (unread, error) = match parse(&s.query) {
            Ok(q) => (Some(store.unread_matches(&q)?), None),
            Err(CliError::Query { error, .. }) => (None, Some(error.to_string())),
            Err(e) => (None, Some(e.to_string())),
        };
        if json {
            out.json_line(&SavedRow {
                name: &s.name,
                query: &s.query,
                unread,
                error,
            })?;
        } else {
            let count = match unread {
                Some(n) if n > UNREAD_LIMIT => format!("{}+", summary::thousands(UNREAD_LIMIT)),
                Some(n) => summary::thousands(n),
                None => "?".into(),
            };
            let error = error
                .map(|e| format!("  (does not parse: {})", for_terminal(&e)))
                .unwrap_or_default();
            out.line(format_args!(
                "{count:>7} unread  {}  {}{error}",
                for_terminal(&s.name),
                for_terminal(&s.query)
            ))?;
        }
    }
    if saved.is_empty() && !json {
        eprintln!("no saved queries; `tidings query save NAME QUERY` saves one");
    }
    Ok(Finished::Success)
}
