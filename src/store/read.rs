//! Reading the store: the headline list (without loading whole documents), one
//! document, full-text search, name resolution, related-card links, export order.

use rusqlite::{params, OptionalExtension, Row};

use super::snippet::{snippet, Term, WIDTH};
use super::{codec, sql_err, Show, Sort, Store, StoreError, View};
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
}

/// A stored document with its list row.
#[derive(Debug, Clone)]
pub struct Stored {
    pub item: ListItem,
    pub doc: Document,
}

/// A search result: the row and a snippet with the match between `«` and `»`.
#[derive(Debug, Clone)]
pub struct Hit {
    pub item: ListItem,
    pub snippet: String,
}

pub(super) const ITEM_COLUMNS: &str =
    "d.uid, d.kind, d.title, d.article_count, d.source_count, d.event_count, d.latest_label, d.is_read, d.is_saved, d.feed";

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
    })
}

/// Turns what a person typed into an FTS5 query: every word must match, the last
/// as a prefix once it has [`PREFIX_MIN`] characters (a one-letter prefix merges
/// the lists of every word that starts with it: 250-500 ms over 100,000
/// documents). Shorter, it is a whole word when alone and left out after other
/// words (still being typed). Punctuation and operators carry no meaning.
pub fn fts_query(input: &str) -> Option<String> {
    let terms = terms(input);
    let q: Vec<String> = terms
        .iter()
        .map(|t| match t.prefix {
            true => format!("\"{}\"*", t.word),
            false => format!("\"{}\"", t.word),
        })
        .collect();
    (!q.is_empty()).then(|| q.join(" "))
}

/// The words [`fts_query`] looks for, folded, the last maybe as a prefix.
fn terms(input: &str) -> Vec<Term> {
    let folded = fold(input);
    let words = words(&folded);
    let Some((last, rest)) = words.split_last() else {
        return Vec::new();
    };
    let whole = |w: &&str| Term {
        word: w.to_string(),
        prefix: false,
    };
    let mut terms: Vec<Term> = rest.iter().map(whole).collect();
    if last.chars().count() >= PREFIX_MIN {
        terms.push(Term {
            word: last.to_string(),
            prefix: true,
        });
    } else if terms.is_empty() {
        // A short word alone is a whole word ("EU").
        terms.push(whole(last));
    }
    // After other words, a short last word is still being typed: wait for it.
    terms
}

/// The shortest last word that is matched as a prefix.
pub const PREFIX_MIN: usize = 3;

/// The words of folded text; punctuation and operators carry no meaning.
fn words(folded: &str) -> Vec<&str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// True when `input` is one word shorter than [`PREFIX_MIN`]: it matches only
/// as a whole word, and typing on may match more.
pub fn is_one_short_word(input: &str) -> bool {
    matches!(words(&fold(input))[..], [w] if w.chars().count() < PREFIX_MIN)
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
        };
        self.list_view(&view, Sort::Newest, limit, offset)
    }

    /// One document by uid.
    pub fn get(&self, uid: &str) -> Result<Stored, StoreError> {
        let err = sql_err(&self.path, "read a document");
        let row: Option<(ListItem, Vec<u8>)> = self
            .conn
            .query_row(
                &format!("SELECT {ITEM_COLUMNS}, d.json FROM documents d WHERE d.uid = ?1"),
                [uid],
                |r| Ok((item(r)?, codec::column(r, 10)?)),
            )
            .optional()
            .map_err(err)?;
        let (item, stored) =
            row.ok_or_else(|| StoreError::NotFound(format!("no document {uid}")))?;
        let doc = self.document(uid, &stored)?;
        Ok(Stored { item, doc })
    }

    /// A document from its stored JSON, cleaned for the terminal.
    fn document(&self, uid: &str, stored: &[u8]) -> Result<Document, StoreError> {
        let corrupt = |e: String| StoreError::Corrupt {
            path: self.path.clone(),
            reason: format!("document {uid} does not read back: {e}"),
        };
        let json = codec::unpack(stored).map_err(corrupt)?;
        let mut doc: Document =
            serde_json::from_slice(&json).map_err(|e| corrupt(e.to_string()))?;
        doc.sanitize();
        Ok(doc)
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

    /// Headlines matching `query` (every word, the last as a prefix), best first
    /// among the [`MATCH_LIMIT`] most recently stored matches: ranking every
    /// match of a common word over 100,000 documents costs 50-100 ms, and a
    /// reader filtering headlines looks for recent news.
    pub fn filter(&self, query: &str, limit: usize) -> Result<Vec<ListItem>, StoreError> {
        let Some(q) = fts_query(query) else {
            return Ok(Vec::new());
        };
        Ok(self
            .ranked(&q, limit)?
            .into_iter()
            .map(|(_, item)| item)
            .collect())
    }

    /// How many documents match `query` in all (as [`Store::filter`] reads it).
    /// FTS5 walks the query's document lists without reading a document: 1-5 ms
    /// over 20,000 documents, also for a word that every one holds.
    pub fn match_count(&self, query: &str) -> Result<usize, StoreError> {
        let Some(q) = fts_query(query) else {
            return Ok(0);
        };
        self.conn
            .prepare_cached("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?1")
            .and_then(|mut stmt| stmt.query_row([q], |r| r.get::<_, i64>(0)))
            .map(|n| n as usize)
            .map_err(sql_err(&self.path, "count matches"))
    }

    /// [`Store::filter`] with a snippet of each document's matching text, cut
    /// from the document itself ([`super::snippet`]).
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, StoreError> {
        let Some(q) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let terms = terms(query);
        let err = sql_err(&self.path, "search");
        let mut json = self
            .conn
            .prepare_cached("SELECT json FROM documents WHERE id = ?1")
            .map_err(&err)?;
        self.ranked(&q, limit)?
            .into_iter()
            .map(|(id, item)| {
                let stored = json
                    .query_row([id], |r| codec::column(r, 0))
                    .map_err(&err)?;
                // A document that does not read back is still a hit, shown
                // without its text (`show` says what is wrong with it).
                let snippet = self
                    .document(&item.uid, &stored)
                    .map(|doc| snippet(&super::write::search_columns(&doc)[1], &terms, WIDTH))
                    .unwrap_or_default();
                Ok(Hit {
                    snippet: for_terminal_owned(snippet),
                    item,
                })
            })
            .collect()
    }

    /// Row ids and headlines of the best matches; see [`Store::filter`].
    /// `q` is an FTS5 query from [`fts_query`].
    fn ranked(&self, q: &str, limit: usize) -> Result<Vec<(i64, ListItem)>, StoreError> {
        let err = sql_err(&self.path, "search");
        let sql = format!(
            "SELECT {ITEM_COLUMNS}, d.id FROM (
                 SELECT rowid AS id, bm25(documents_fts, 10.0, 1.0, 2.0, 1.0) AS score
                 FROM documents_fts WHERE documents_fts MATCH ?1
                 ORDER BY rowid DESC LIMIT {MATCH_LIMIT}
             ) m JOIN documents d INDEXED BY documents_row ON d.id = m.id
             ORDER BY m.score, d.sort_key DESC
             LIMIT ?2"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(&err)?;
        let rows = stmt
            .query_map(params![q, limit as i64], |r| Ok((r.get(10)?, item(r)?)))
            .map_err(&err)?;
        rows.collect::<Result<_, _>>().map_err(err)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_quoted_words_with_a_prefix_last() {
        assert_eq!(
            fts_query("Korea‑China").as_deref(),
            Some("\"korea\" \"china\"*")
        );
        assert_eq!(
            fts_query("Corée OR \"x").as_deref(),
            Some("\"coree\" \"or\""),
            "a short last word after others waits to be typed"
        );
        assert_eq!(
            fts_query("EU").as_deref(),
            Some("\"eu\""),
            "alone, a whole word"
        );
        assert_eq!(fts_query("EU sum").as_deref(), Some("\"eu\" \"sum\"*"));
        assert_eq!(fts_query("EU sum").as_deref(), Some("\"eu\" \"sum\"*"));
        assert_eq!(fts_query("  ...  "), None);
    }
}
