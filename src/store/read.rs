//! Reading the store: the headline list (without loading whole documents), one
//! document, full-text search, name resolution, related-card links, export order.

use rusqlite::{params, OptionalExtension, Row};

use super::snippet::{snippet, Term, WIDTH};
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
}

/// A stored document with its list row.
#[derive(Debug, Clone)]
pub struct Stored {
    /// Its row id, by which the reader's list knows it.
    pub id: i64,
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

/// The most matches [`Store::match_count`] counts: past it, "more than".
pub const COUNT_LIMIT: usize = 10_000;

/// The most words a prefix is spelled out as (see [`Store::match_query`]).
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
    let words = words(&folded);
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
        };
        self.list_view(&view, Sort::Newest, limit, offset)
    }

    /// One document by uid.
    pub fn get(&self, uid: &str) -> Result<Stored, StoreError> {
        let err = sql_err(&self.path, "read a document");
        let row: Option<(ListItem, Vec<u8>, i64)> = self
            .conn
            .query_row(
                &format!("SELECT {ITEM_COLUMNS}, d.json, d.id FROM documents d WHERE d.uid = ?1"),
                [uid],
                |r| Ok((item(r)?, codec::column(r, 10)?, r.get(11)?)),
            )
            .optional()
            .map_err(err)?;
        let (item, stored, id) =
            row.ok_or_else(|| StoreError::NotFound(format!("no document {uid}")))?;
        let doc = codec::document(&self.path, uid, &stored)?;
        Ok(Stored { id, item, doc })
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
    /// among the [`MATCH_LIMIT`] most recently stored matches (see
    /// [`Store::ranked`]).
    pub fn filter(&self, query: &str, limit: usize) -> Result<Vec<ListItem>, StoreError> {
        Ok(self
            .best(query, limit)?
            .into_iter()
            .map(|h| h.item)
            .collect())
    }

    /// The best `limit` rows of the [`MATCH_LIMIT`] newest matches.
    fn best(&self, query: &str, limit: usize) -> Result<Vec<Headline>, StoreError> {
        match self.match_query(query)? {
            Some(q) => self.ranked(query, &self.newest_matches(&q, MATCH_LIMIT)?, limit),
            None => Ok(Vec::new()),
        }
    }

    /// [`fts_query`] of `input`, its last word's prefix spelled out as the
    /// words it stands for (`"harbour" OR "harbours"`) when the index holds at
    /// most [`PREFIX_WORDS`] of them: FTS5 answers a prefix by merging every
    /// such word's document list in memory before it can walk the newest
    /// (35-95 ms for a common prefix over 1,000,000 documents), and words put
    /// together with OR are walked from their ends (about 1 ms). More words, or
    /// none known (a store whose `search_words` is empty), keep the prefix.
    fn match_query(&self, input: &str) -> Result<Option<String>, StoreError> {
        let terms = terms(input);
        let Some((last, rest)) = terms.split_last() else {
            return Ok(None);
        };
        let quoted = |w: &str| format!("\"{w}\"");
        let mut q: Vec<String> = rest.iter().map(|t| quoted(&t.word)).collect();
        if !last.prefix {
            q.push(quoted(&last.word));
            return Ok(Some(q.join(" ")));
        }
        let Some(words) = prefix_words(self, &last.word)? else {
            q.push(format!("{}*", quoted(&last.word)));
            return Ok(Some(q.join(" ")));
        };
        let any: Vec<String> = words.iter().map(|w| quoted(w)).collect();
        q.push(format!("({})", any.join(" OR ")));
        // FTS5 takes a group in parentheses only after an explicit AND.
        Ok(Some(q.join(" AND ")))
    }

    /// The ids of the `limit` most recently stored documents matching `q` (an
    /// FTS5 query from [`Store::match_query`]), newest first: FTS5 walks the end of
    /// each word's document list and stops there.
    pub(super) fn newest_matches(&self, q: &str, limit: usize) -> Result<Vec<i64>, StoreError> {
        let err = sql_err(&self.path, "search");
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?1
                 ORDER BY rowid DESC LIMIT ?2",
            )
            .map_err(&err)?;
        let ids = stmt
            .query_map(params![q, limit as i64], |r| r.get(0))
            .map_err(&err)?;
        ids.collect::<Result<_, _>>().map_err(err)
    }

    /// What the reader's filter shows for `query`: [`Store::filter`]'s rows with
    /// their ids, and how many match in all, counted up to [`COUNT_LIMIT`] + 1
    /// (as [`Store::match_count`]), from one walk of the search index: a
    /// prefix's document lists are merged once, not again to count them.
    pub fn filter_rows(&self, query: &str) -> Result<(Vec<Headline>, usize), StoreError> {
        let Some(q) = self.match_query(query)? else {
            return Ok((Vec::new(), 0));
        };
        let ids = self.newest_matches(&q, COUNT_LIMIT + 1)?;
        let rows = self.ranked(query, &ids[..ids.len().min(MATCH_LIMIT)], MATCH_LIMIT)?;
        Ok((rows, ids.len()))
    }

    /// How many documents match `query` (as [`Store::filter`] reads it), counted
    /// up to [`COUNT_LIMIT`] + 1: past that a person needs to know only that
    /// there are more, and counting every match of a common word walks its
    /// whole document list (35-100 ms over 1,000,000 documents).
    pub fn match_count(&self, query: &str) -> Result<usize, StoreError> {
        self.count_matches(query, COUNT_LIMIT)
    }

    /// The matches of `query`, counted up to `limit` + 1.
    fn count_matches(&self, query: &str, limit: usize) -> Result<usize, StoreError> {
        let Some(q) = self.match_query(query)? else {
            return Ok(0);
        };
        self.conn
            .prepare_cached(
                "SELECT count(*) FROM (
                     SELECT 1 FROM documents_fts WHERE documents_fts MATCH ?1 LIMIT ?2
                 )",
            )
            .and_then(|mut stmt| {
                stmt.query_row(params![q, limit as i64 + 1], |r| r.get::<_, i64>(0))
            })
            .map(|n| n as usize)
            .map_err(sql_err(&self.path, "count matches"))
    }

    /// [`Store::filter`] with a snippet of each document's matching text, cut
    /// from the document itself ([`super::snippet`]).
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, StoreError> {
        let terms = terms(query);
        let err = sql_err(&self.path, "search");
        let mut json = self
            .conn
            .prepare_cached("SELECT json FROM documents WHERE id = ?1")
            .map_err(&err)?;
        self.best(query, limit)?
            .into_iter()
            .map(|Headline { id, item }| {
                let stored = json
                    .query_row([id], |r| codec::column(r, 0))
                    .map_err(&err)?;
                // A document that does not read back is still a hit, shown
                // without its text (`show` says what is wrong with it).
                let snippet = codec::document(&self.path, &item.uid, &stored)
                    .map(|doc| snippet(&super::write::search_columns(&doc)[1], &terms, WIDTH))
                    .unwrap_or_default();
                Ok(Hit {
                    snippet: for_terminal_owned(snippet),
                    item,
                })
            })
            .collect()
    }

    /// The best `limit` of the documents `ids` (matches of `input`), as
    /// [`ranked_by`] weighs them.
    fn ranked(&self, input: &str, ids: &[i64], limit: usize) -> Result<Vec<Headline>, StoreError> {
        ranked_by(self, &terms(input), ids, &Scores::new(), limit)
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
                    r.get(11)?,
                    Headline {
                        id: r.get(10)?,
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
/// [`PREFIX_WORDS`] of them and at least one (see [`Store::match_query`]).
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
    use crate::model::{Event, PartialDate};
    use crate::store::views::tests::doc;

    /// A store of `(title, day, more text)` stories.
    fn stories(docs: &[(&str, &str, &str)]) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let mut importer = store.begin_import().unwrap();
        for (title, day, text) in docs {
            let mut d = doc(title, day, 1);
            d.timeline.push(Event {
                date: PartialDate {
                    label: "earlier".into(),
                    ..d.timeline[0].date.clone()
                },
                text: text.to_string(),
                citations: Vec::new(),
            });
            importer.put(&d, Some("test"), Some("Wire")).unwrap();
        }
        importer.commit().unwrap();
        (dir, store)
    }

    fn found(store: &Store, query: &str) -> Vec<String> {
        store
            .filter(query, MATCH_LIMIT)
            .unwrap()
            .into_iter()
            .map(|i| i.title)
            .collect()
    }

    #[test]
    fn a_headline_phrase_comes_first_then_every_word_in_the_headline_then_the_rest_newest_first() {
        let (_dir, store) = stories(&[
            ("Lee Declares China Visit Sets Foundation", "2025-11-01", ""),
            (
                "South Korean President Lee Declares Irreversible Path",
                "2025-11-04",
                "Lee will visit China in the spring.",
            ),
            ("China Visit: What Lee Declares", "2025-11-02", ""),
            (
                "Summit ends",
                "2025-11-05",
                "Lee declares the China visit a success.",
            ),
            (
                "Trade talks",
                "2025-11-03",
                "Lee declares a China visit soon.",
            ),
        ]);
        assert_eq!(
            found(&store, "Lee Declares China Visit"),
            [
                "Lee Declares China Visit Sets Foundation",
                "China Visit: What Lee Declares",
                "Summit ends",
                "South Korean President Lee Declares Irreversible Path",
                "Trade talks",
            ]
        );
        assert_eq!(
            found(&store, "lee declares"),
            [
                "South Korean President Lee Declares Irreversible Path",
                "China Visit: What Lee Declares",
                "Lee Declares China Visit Sets Foundation",
                "Summit ends",
                "Trade talks",
            ],
            "the phrase in three headlines, newest first; then the rest"
        );
        assert_eq!(
            found(&store, "china vis")[..2],
            [
                "China Visit: What Lee Declares",
                "Lee Declares China Visit Sets Foundation"
            ],
            "the last word typed is a prefix in the headline too"
        );
    }

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

    #[test]
    fn a_prefix_spelled_out_as_its_words_finds_what_the_prefix_finds() {
        let (_dir, store) = stories(&[
            ("Harbour plan passes", "2025-11-01", ""),
            ("Harbours reopen", "2025-11-02", "The harboured ships left."),
            ("Hardware prices", "2025-11-03", ""),
            ("Dock strike", "2025-11-04", "At the harbourside."),
        ]);
        let spelled = store.match_query("harb").unwrap().unwrap();
        assert_eq!(
            spelled,
            "(\"harbour\" OR \"harboured\" OR \"harbours\" OR \"harbourside\")"
        );
        for query in ["harb", "harbour", "dock harb", "har", "strike at"] {
            let mut prefix = store
                .newest_matches(&fts_query(query).unwrap(), 100)
                .unwrap();
            let mut words = store
                .newest_matches(&store.match_query(query).unwrap().unwrap(), 100)
                .unwrap();
            prefix.sort();
            words.sort();
            assert_eq!(words, prefix, "{query}");
        }
        store.conn.execute("DELETE FROM search_words", []).unwrap();
        assert_eq!(
            store.match_query("harb").unwrap().as_deref(),
            Some("\"harb\"*"),
            "no words known: the prefix"
        );
    }

    #[test]
    fn matches_are_counted_up_to_one_past_the_limit() {
        let days: Vec<String> = (1..=9).map(|d| format!("2025-11-0{d}")).collect();
        let docs: Vec<(&str, &str, &str)> = [
            "Harbour one",
            "Harbour two",
            "Harbour three",
            "Harbour four",
            "Harbour five",
            "Harbour six",
            "Harbour seven",
            "Harbour eight",
            "Dock nine",
        ]
        .iter()
        .zip(&days)
        .map(|(t, d)| (*t, d.as_str(), ""))
        .collect();
        let (_dir, store) = stories(&docs);
        assert_eq!(
            store.count_matches("harbour", 100).unwrap(),
            8,
            "all, under the limit"
        );
        assert_eq!(
            store.count_matches("harbour", 5).unwrap(),
            6,
            "past it: limit + 1"
        );
        assert_eq!(store.count_matches("harb", 5).unwrap(), 6, "a prefix too");
        assert_eq!(store.match_count("dock").unwrap(), 1);
    }

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
