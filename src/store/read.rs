//! Reading the store: the headline list (without loading whole documents), one
//! document, full-text search, name resolution, related-card links, export order.

use rusqlite::{params, OptionalExtension, Row};

use super::snippet::Term;
use super::views::ROWS_AT_ONCE;
use super::{codec, sql_err, Headline, Show, Sort, Store, StoreError, View};
use crate::model::Document;
use crate::text::fold::{fold, title_key};
use crate::text::sanitize::for_terminal_owned;

/// One row of the headline list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListItem {
    pub uid: String,
    pub kind: String,
    pub title: String,
    pub article_count: Option<u32>,
    pub source_count: u32,
    pub event_count: u32,
    pub latest: Option<String>,
    pub read: bool,
    pub saved: bool,
    /// Where it came from: its feed, Kagi category or site (see [`super::feed_name`]).
    pub feed: String,
    /// How many feeds brought it: more than one when the same link came from
    /// several (`store::links`), 0 for what no feed brought.
    pub feeds: u32,
    /// The distinct outlets among its sources (`query::facts`).
    pub outlets: u32,
    /// The thread it shares with other stories of its event, if any.
    pub thread: Option<super::threads::ThreadMark>,
    /// Changed since it was read (`super::versions`).
    pub updated: bool,
}

/// A stored document with its list row.
#[derive(Debug, Clone)]
pub struct Stored {
    /// Its row id, by which the reader's list knows it.
    pub id: i64,
    pub item: ListItem,
    pub doc: Document,
    /// Its date as the list sorts it and `date:` asks (`YYYY-MM-DD`, missing
    /// parts `00`; a story with no date, the day it was stored).
    pub date: String,
}

impl Stored {
    /// The story as claim-level answers see it (`query::claims`).
    pub fn story(&self) -> crate::query::claims::Story<'_> {
        crate::query::claims::Story {
            doc: &self.doc,
            feed: &self.item.feed,
            read: self.item.read,
            saved: self.item.saved,
            updated: self.item.updated,
            date: &self.date,
        }
    }
}

/// A search result: the row and a snippet with the match between `«` and `»`.
#[derive(Debug, Clone)]
pub struct Hit {
    pub item: ListItem,
    pub snippet: String,
}

/// The columns of a list row ([`item`] reads them): the last three are read
/// from small indexes, one seek each, never from the row itself: how many
/// feeds brought the story (`story_feeds`), its outlets (the facts), its
/// thread as [`super::threads::ThreadMark::parse`] reads it, and whether it
/// changed since it was read (`super::versions`).
pub(super) const ITEM_COLUMNS: &str = concat!(
    "d.uid, d.kind, d.title, d.article_count, d.source_count, d.event_count, d.latest_label, d.is_read, d.is_saved, d.feed,
     (SELECT count(*) FROM story_feeds f WHERE f.doc = d.id),
     (SELECT o.outlet_count FROM documents o INDEXED BY documents_facts WHERE o.id = d.id), ",
    "(SELECT t.uid || ' ' || t.stories || ' ' || coalesce(t.outlets, '')
        FROM thread_members m JOIN threads t ON t.id = m.thread WHERE m.doc = d.id),
     EXISTS (SELECT 1 FROM read_versions v WHERE v.doc = d.id AND v.json IS NOT NULL)"
);

/// How many columns [`ITEM_COLUMNS`] names: those a query selects after them
/// start here.
pub(super) const ITEM_WIDTH: usize = 14;

/// The most matches a filter or a search takes: the most recently stored ones,
/// ranked best first. The reader's filter shows all of them (and says so when
/// there are more); `search` prints the best `--limit` of them.
pub const MATCH_LIMIT: usize = 1_000;

pub(super) fn item(r: &Row) -> rusqlite::Result<ListItem> {
    Ok(ListItem {
        uid: r.get(0)?,
        kind: r.get(1)?,
        title: for_terminal_owned(r.get(2)?),
        article_count: r.get(3)?,
        source_count: r.get(4)?,
        event_count: r.get(5)?,
        latest: r.get::<_, Option<String>>(6)?.map(for_terminal_owned),
        read: r.get(7)?,
        saved: r.get(8)?,
        feed: for_terminal_owned(r.get(9)?),
        feeds: r.get(10)?,
        outlets: r.get::<_, Option<u32>>(11)?.unwrap_or(0),
        thread: super::threads::ThreadMark::parse(r.get(12)?),
        updated: r.get(13)?,
    })
}

/// The most matches a filter counts (`Store::query_rows`): past it, "more than".
pub const COUNT_LIMIT: usize = 10_000;

/// The most words a prefix is spelled out as (see [`prefix_words`]).
const PREFIX_WORDS: usize = 64;

/// How well a headline answers the words typed; better compares greater.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum TitleMatch {
    /// The words are elsewhere in the document.
    None,
    /// Every word is in the headline, in any order.
    AllWords,
    /// The headline holds the words one after another, as typed.
    Phrase,
}

/// Whether `title` holds the `terms` (folded words, the last maybe a prefix)
/// as a phrase, all of them, or not.
fn title_match(title: &str, terms: &[Term]) -> TitleMatch {
    if terms.is_empty() {
        return TitleMatch::None;
    }
    let folded = fold(title);
    let words: Vec<&str> = crate::query::parse::words(&folded).collect();
    let hit = |t: &Term, w: &str| match t.prefix {
        true => w.starts_with(t.word.as_str()),
        false => w == t.word,
    };
    let phrase = words
        .windows(terms.len())
        .any(|run| run.iter().zip(terms).all(|(w, t)| hit(t, w)));
    if phrase {
        TitleMatch::Phrase
    } else if terms.iter().all(|t| words.iter().any(|w| hit(t, w))) {
        TitleMatch::AllWords
    } else {
        TitleMatch::None
    }
}

impl Store {
    /// Number of stored documents.
    pub fn count(&self) -> Result<u64, StoreError> {
        self.conn
            .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
            .map_err(sql_err(&self.path, "count documents"))
    }

    /// The uids of the documents whose origin (the file or feed they came from)
    /// starts with `prefix`, in the order they were stored.
    pub fn uids_by_origin(&self, prefix: &str) -> Result<Vec<String>, StoreError> {
        let err = sql_err(&self.path, "list documents by origin");
        let mut stmt = self
            .conn
            .prepare(
                "SELECT uid FROM documents WHERE substr(origin, 1, length(?1)) = ?1 ORDER BY id",
            )
            .map_err(&err)?;
        let rows = stmt.query_map([prefix], |r| r.get(0)).map_err(&err)?;
        rows.collect::<Result<_, _>>().map_err(err)
    }

    /// True when the store holds no document (without counting them all).
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        self.conn
            .query_row("SELECT NOT EXISTS (SELECT 1 FROM documents)", [], |r| {
                r.get(0)
            })
            .map_err(sql_err(&self.path, "look into the store"))
    }

    /// Headlines, newest first, reading only the list columns: every document
    /// or the unread ([`Store::list_view`] for the other views and sorts).
    pub fn list(
        &self,
        limit: usize,
        unread_only: bool,
        offset: usize,
    ) -> Result<Vec<ListItem>, StoreError> {
        let view = View {
            show: if unread_only { Show::Unread } else { Show::All },
            feed: None,
            heads: false,
        };
        self.list_view(&view, Sort::Newest, limit, offset)
    }

    /// One document by uid.
    pub fn get(&self, uid: &str) -> Result<Stored, StoreError> {
        let err = sql_err(&self.path, "read a document");
        let row: Option<(ListItem, Vec<u8>, i64, String)> = self
            .conn
            .query_row(
                &format!(
                    "SELECT {ITEM_COLUMNS}, d.json, d.id, d.sort_key FROM documents d WHERE d.uid = ?1"
                ),
                [uid],
                |r| {
                    Ok((
                        item(r)?,
                        codec::column(r, ITEM_WIDTH)?,
                        r.get(ITEM_WIDTH + 1)?,
                        r.get(ITEM_WIDTH + 2)?,
                    ))
                },
            )
            .optional()
            .map_err(err)?;
        let (item, stored, id, date) =
            row.ok_or_else(|| StoreError::NotFound(format!("no document {uid}")))?;
        let doc = codec::document(&self.path, uid, &stored)?;
        Ok(Stored {
            id,
            item,
            doc,
            date,
        })
    }

    /// Resolves what a person typed to one uid: a uid, a unique uid prefix, or a
    /// unique title prefix.
    pub fn resolve(&self, name: &str) -> Result<String, StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::NotFound("an empty name matches nothing".into()));
        }
        let err = sql_err(&self.path, "look up a document");
        let like = |s: &str| {
            format!(
                "{}%",
                s.replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            )
        };
        let mut found: Vec<(String, String)> = Vec::new();
        for (sql, arg) in [
            (
                "SELECT uid, title FROM documents WHERE uid LIKE ?1 ESCAPE '\\' LIMIT 6",
                like(&name.to_lowercase()),
            ),
            (
                "SELECT uid, title FROM documents WHERE title_key LIKE ?1 ESCAPE '\\' LIMIT 6",
                like(&title_key(name)),
            ),
        ] {
            let mut stmt = self.conn.prepare_cached(sql).map_err(&err)?;
            found = stmt
                .query_map([arg], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(&err)?
                .collect::<Result<_, _>>()
                .map_err(&err)?;
            if !found.is_empty() {
                break;
            }
        }
        match found.len() {
            0 => Err(StoreError::NotFound(format!(
                "no document matches {name:?}"
            ))),
            1 => Ok(found.remove(0).0),
            _ => {
                let names: Vec<String> = found
                    .iter()
                    .take(5)
                    .map(|(u, t)| format!("{} {t}", &u[..8]))
                    .collect();
                Err(StoreError::NotFound(format!(
                    "{name:?} matches several documents: {}",
                    names.join("; ")
                )))
            }
        }
    }

    /// For each related card, the uid of a stored document with the same title.
    pub fn related_links(&self, doc: &Document) -> Result<Vec<Option<String>>, StoreError> {
        let err = sql_err(&self.path, "link related articles");
        let mut stmt = self
            .conn
            .prepare_cached("SELECT uid FROM documents WHERE title_key = ?1 LIMIT 1")
            .map_err(&err)?;
        doc.related
            .iter()
            .map(|r| match &r.title {
                Some(t) => stmt
                    .query_row([title_key(t)], |r| r.get(0))
                    .optional()
                    .map_err(&err),
                None => Ok(None),
            })
            .collect()
    }

    /// Every uid in the order they were first stored: the export order, which a
    /// re-import reproduces.
    pub fn all_uids(&self) -> Result<Vec<String>, StoreError> {
        let err = sql_err(&self.path, "list documents");
        let mut stmt = self
            .conn
            .prepare("SELECT uid FROM documents ORDER BY id")
            .map_err(&err)?;
        let rows = stmt.query_map([], |r| r.get(0)).map_err(&err)?;
        rows.collect::<Result<_, _>>().map_err(err)
    }

    /// A remembered piece of reader state.
    pub fn state(&self, name: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT value FROM app_state WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .optional()
            .map_err(sql_err(&self.path, "read the reader's state"))
    }
}

/// bm25 scores of documents by id (FTS5's: lower is better).
pub(super) type Scores = std::collections::HashMap<i64, f64>;

/// The best `limit` of the documents `ids`, for the words `terms`: a
/// headline holding the words as typed first, then one holding every word,
/// each newest first; then the rest by their bm25 `scores` when given
/// (`store::query` says when), newest first among equals. The headline is
/// weighed here, in Rust, over rows read from `documents_row`.
pub(super) fn ranked_by(
    store: &Store,
    terms: &[Term],
    ids: &[i64],
    scores: &Scores,
    limit: usize,
) -> Result<Vec<Headline>, StoreError> {
    let err = sql_err(&store.path, "search");
    let mut rows: Vec<(TitleMatch, String, Headline)> = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(ROWS_AT_ONCE) {
        let marks = vec!["?"; chunk.len()].join(", ");
        let sql = format!(
            "SELECT {ITEM_COLUMNS}, d.id, d.sort_key FROM documents d INDEXED BY documents_row
             WHERE d.id IN ({marks})"
        );
        let mut stmt = store.conn.prepare_cached(&sql).map_err(&err)?;
        let found = stmt
            .query_map(rusqlite::params_from_iter(chunk), |r| {
                let item = item(r)?;
                Ok((
                    title_match(&item.title, terms),
                    r.get(ITEM_WIDTH + 1)?,
                    Headline {
                        id: r.get(ITEM_WIDTH)?,
                        item,
                    },
                ))
            })
            .map_err(&err)?;
        for row in found {
            rows.push(row.map_err(&err)?);
        }
    }
    // bm25 is lower for a better match; an unscored row after every scored one.
    let score = |id: i64| scores.get(&id).copied().unwrap_or(f64::INFINITY);
    rows.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| match a.0 {
                TitleMatch::None => score(a.2.id).total_cmp(&score(b.2.id)),
                _ => std::cmp::Ordering::Equal,
            })
            .then_with(|| b.1.cmp(&a.1))
            .then(b.2.id.cmp(&a.2.id))
    });
    rows.truncate(limit);
    Ok(rows.into_iter().map(|(.., h)| h).collect())
}

/// The words of the index that `prefix` starts, when there are at most
/// [`PREFIX_WORDS`] of them and at least one. FTS5 answers a prefix by
/// merging every such word's document list in memory before it can walk the
/// newest (35-95 ms for a common prefix over 1,000,000 documents); words put
/// together with OR are walked from their ends (about 1 ms). More words, or
/// none known (a store whose `search_words` is empty), keep the prefix.
pub(super) fn prefix_words(store: &Store, prefix: &str) -> Result<Option<Vec<String>>, StoreError> {
    let err = sql_err(&store.path, "search");
    let mut stmt = store
        .conn
        .prepare_cached("SELECT word FROM search_words WHERE word >= ?1 AND word < ?2 LIMIT ?3")
        .map_err(&err)?;
    let end = format!("{prefix}\u{10FFFF}");
    let words: Vec<String> = stmt
        .query_map(params![prefix, end, PREFIX_WORDS as i64 + 1], |r| r.get(0))
        .map_err(&err)?
        .collect::<Result<_, _>>()
        .map_err(err)?;
    Ok((!words.is_empty() && words.len() <= PREFIX_WORDS).then_some(words))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_import_learns_every_word_the_search_index_holds() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        crate::import::import_documents(&mut store, &crate::samples::documents()).unwrap();
        store
            .conn
            .execute_batch("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, documents_fts, row)")
            .unwrap();
        let missing: Vec<String> = store
            .conn
            .prepare("SELECT term FROM temp.v WHERE term NOT IN (SELECT word FROM search_words)")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            missing,
            Vec::<String>::new(),
            "words the filter could not spell out"
        );
        let known: i64 = store
            .conn
            .query_row("SELECT count(*) FROM search_words", [], |r| r.get(0))
            .unwrap();
        assert!(known > 500, "{known}");
    }
}
