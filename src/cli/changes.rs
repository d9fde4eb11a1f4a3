//! `tidings show ID --changes`: what changed in a story since the version last
//! read (`diff`), each claim, source and event marked `+` new, `~` changed (its
//! words `{+added+}` and `[-removed-]`) or `-` removed; `--json` too.

use serde::Serialize;

use super::error::CliError;
use super::output::Stdout;
use crate::diff::{self, Changes, Mark, Tag, Words};
use crate::model::Document;
use crate::store::{ReadVersion, Store};
use crate::text::sanitize::for_terminal;

/// What `show --changes --json` prints: `read_before` false when the story was
/// never read (everything in it is then new).
#[derive(Serialize)]
struct ChangesJson<'a> {
    id: &'a str,
    read_before: bool,
    #[serde(flatten)]
    changes: &'a Changes,
}

/// Prints the changes of document `uid` since it was read.
pub fn show(store: &Store, out: &mut Stdout, uid: &str, json: bool) -> Result<(), CliError> {
    let now = store.get(uid)?.doc;
    let read = store.read_version(uid)?;
    let changes = match &read {
        ReadVersion::NotRead => diff::changes(&Document::new(now.kind, now.title.clone()), &now),
        ReadVersion::Current => Changes::default(),
        ReadVersion::Older(old) => diff::changes(old, &now),
    };
    if json {
        out.json_line(&ChangesJson {
            id: uid,
            read_before: read != ReadVersion::NotRead,
            changes: &changes,
        })?;
        return Ok(());
    }
    let text = match read {
        ReadVersion::NotRead => format!("{}\nnot read yet: everything is new\n", now.title),
        _ if changes.is_empty() => format!("{}\nno changes since you read it\n", now.title),
        _ => format!("{}\n{}", now.title, lines(&changes)),
    };
    let text: String = text
        .lines()
        .map(|l| for_terminal(l).into_owned() + "\n")
        .collect();
    out.text(&text)?;
    Ok(())
}

/// The changes as text, one marked line each: claims, then sources, then the
/// timeline, under a heading each.
fn lines(changes: &Changes) -> String {
    let mut text = String::new();
    let mut block = |heading: &str, rows: Vec<String>| {
        if !rows.is_empty() {
            text.push_str(&format!("\n{heading}\n"));
            for row in rows {
                text.push_str(&row);
                text.push('\n');
            }
        }
    };
    block(
        "Claims",
        changes
            .claims
            .iter()
            .map(|c| marked(&c.mark, &cited(&c.text, &c.citations)))
            .collect(),
    );
    block(
        "Sources",
        changes
            .sources
            .iter()
            .map(|s| {
                let outlet = s.source.outlet.as_deref().map(|o| format!("{o}: "));
                let text = format!(
                    "[{}] {}{}",
                    s.source.n,
                    outlet.unwrap_or_default(),
                    s.source.title
                );
                marked(&s.mark, &text)
            })
            .collect(),
    );
    block(
        "Timeline",
        changes
            .events
            .iter()
            .map(|e| {
                let text = format!("{}: {}", e.event.date.label, e.event.text);
                marked(&e.mark, &cited(&text, &e.event.citations))
            })
            .collect(),
    );
    text
}

/// A text with its citations after it (`… paid. [1] [2]`), as the diff's words
/// have them.
fn cited(text: &str, citations: &[u32]) -> String {
    let mut s = text.to_string();
    for n in citations {
        s.push_str(&format!(" [{n}]"));
    }
    s
}

/// One line: `+ ` new, `- ` removed, `~ ` changed with its words marked.
fn marked(mark: &Mark, text: &str) -> String {
    match mark {
        Mark::New => format!("+ {text}"),
        Mark::Removed => format!("- {text}"),
        Mark::Changed { words } => format!("~ {}", word_diff(words)),
    }
}

/// The words of a change, `{+added+}` and `[-removed-]` as `git diff
/// --word-diff` writes them.
fn word_diff(words: &[Words]) -> String {
    words
        .iter()
        .map(|w| match w.tag {
            Tag::Same => w.text.clone(),
            Tag::Added => format!("{{+{}+}}", w.text),
            Tag::Removed => format!("[-{}-]", w.text),
        })
        .collect()
}
