//! Writing to the store: importing documents (and the marks an export carried) in
//! `BEGIN IMMEDIATE` transactions of bounded size, removing them, and the reader's
//! marks (read, saved) and state.

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::{feed_name, sql_err, Store, StoreError};
use crate::model::{Document, Marks};
use crate::text::fold::title_key;

/// What importing one document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Added,
    Updated,
    /// Same content, or an older version of a story already stored.
    Unchanged,
}

/// Counts for the summary line of an import.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ChangeCounts {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub failed: usize,
}

impl ChangeCounts {
    pub fn count(&mut self, o: Change) {
        match o {
            Change::Added => self.added += 1,
            Change::Updated => self.updated += 1,
            Change::Unchanged => self.unchanged += 1,
        }
    }
}

/// An import in progress: a transaction, committed by [`Importer::commit`], and
/// before that by [`Importer::end_of_file`] each time the documents put since the
/// last commit reach a batch ([`Batch`]). Dropped uncommitted, it rolls back the
/// batch in progress.
pub struct Importer<'a> {
    conn: &'a Connection,
    /// The connection's page cache before the import, given back after it.
    cache_size: i64,
    store_path: std::path::PathBuf,
    batch: Batch,
    /// Documents and bytes of document JSON put since the last commit.
    docs: usize,
    bytes: usize,
    /// Words already in `search_words`, so that most are not asked for again.
    words: std::collections::HashSet<String>,
    /// The signatures of the days near those imported, to thread each story.
    threads: super::threads::Window,
}

/// When an import commits what it has put so far: after this many documents or
/// this many bytes of document JSON, whichever comes first, at the end of a file.
/// The write-ahead log holds one batch at a time (see [`Importer::end_of_file`]),
/// and an import that is killed keeps every batch it committed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Batch {
    pub docs: usize,
    pub bytes: usize,
}

impl Batch {
    /// 5,000 documents or 64 MB (300,000 pages: 2,000 a batch took 87-90 s
    /// and 116 s of CPU, 5,000 75 s and 103 s, the log's peak 70 -> 128 MiB;
    /// docs/performance.md); in debug builds [`BATCH_ENV`] sets the number of
    /// documents, so a test can watch an import commit batch by batch.
    pub fn default_size() -> Batch {
        let docs = 5_000;
        #[cfg(debug_assertions)]
        let docs = std::env::var(BATCH_ENV)
            .ok()
            .and_then(|s| s.parse::<usize>().ok())
            .filter(|&n| n > 0)
            .unwrap_or(docs);
        Batch {
            docs,
            bytes: 64 << 20,
        }
    }
}

/// The page cache of an import, in KiB (SQLite's negative form): it keeps the
/// indexes' upper pages and the newest search-index segments between batches
/// (100,000 pages: the last 10,000 at 3,950 pages/s instead of 2,300, 96 MB
/// peak RSS; docs/performance.md).
const IMPORT_CACHE: i64 = -64 * 1024;

/// FTS5's buffer of the terms it has yet to write (bytes; its default is
/// 1 MiB): each time it fills, a new segment is written that later merges cost
/// again (300,000 pages: 75 -> 67 s, 103 -> 95 s of CPU, 12 MiB more memory).
const FTS_HASHSIZE: i64 = 8 << 20;

/// What the write-ahead log is cut back to once checkpointed (bytes).
const WAL_LIMIT: i64 = 64 << 20;

/// Debug builds only: the number of documents in an import's batch.
pub const BATCH_ENV: &str = "TIDINGS_IMPORT_BATCH";

/// The identity of a document across versions. A feed item is known by what its
/// feed reader chose (`Document::item_id`: its guid, else its link, else its title
/// and date), so items that share a link stay apart and a corrected headline
/// updates the article; an item known by its link keeps the key that stores
/// written before guids counted gave it. Other documents: the kind and folded title.
pub fn doc_key(doc: &Document) -> String {
    match doc.item_id.as_deref() {
        Some(id) => match id.strip_prefix("link:") {
            Some(url) => format!("article:url:{url}"),
            None => format!("item:{id}"),
        },
        None => legacy_key(doc),
    }
}

/// The key stores gave a document before feed items carried their identity: a
/// feed item's link (its only source), else kind and title. An item found under
/// it is moved to its [`doc_key`], keeping its marks.
pub(super) fn legacy_key(doc: &Document) -> String {
    let link = match (doc.kind, doc.sources.first()) {
        (crate::model::Kind::Article, Some(first))
            if doc.item_id.is_some() || doc.sources.len() == 1 =>
        {
            first.url.as_deref()
        }
        _ => None,
    };
    match link {
        Some(url) => format!("article:url:{url}"),
        None => format!("{}:{}", doc.kind.as_str(), title_key(&doc.title)),
    }
}

/// The public id: 16 hex digits of the key's FNV-1a hash.
pub fn uid_of(key: &str) -> String {
    format!("{:016x}", fnv64(key.as_bytes()))
}

fn fnv64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Rewrites every row's latest date in its compact form and, when the document
/// is dated, its list order (an undated one keeps the day it was stored).
/// Documents whose JSON does not read are left as they are.
pub(super) fn redate_rows(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    let mut read = tx.prepare("SELECT id, json FROM documents")?;
    let mut write =
        tx.prepare("UPDATE documents SET latest_label = ?2, sort_key = ?3 WHERE id = ?1")?;
    let mut rows = read.query([])?;
    while let Some(row) = rows.next()? {
        let (id, json): (i64, String) = (row.get(0)?, row.get(1)?);
        let Ok(doc) = serde_json::from_str::<Document>(&json) else {
            continue;
        };
        let latest = doc.latest_date();
        if latest.is_some_and(|d| d.year.is_some()) {
            write.execute(params![id, latest.map(|d| d.compact()), sort_key(&doc)])?;
        } else {
            tx.execute(
                "UPDATE documents SET latest_label = ?2 WHERE id = ?1",
                params![id, latest.map(|d| d.compact())],
            )?;
        }
    }
    Ok(())
}

/// `YYYY-MM-DD` of the latest dated event (missing parts as 00), else today.
pub(super) fn sort_key(doc: &Document) -> String {
    match doc.latest_date() {
        Some(d) if d.year.is_some() => format!(
            "{:04}-{:02}-{:02}",
            d.year.unwrap_or(0).clamp(0, 9999),
            d.month.unwrap_or(0),
            d.day.unwrap_or(0)
        ),
        _ => chrono::Utc::now().format("%Y-%m-%d").to_string(),
    }
}

/// What storing a document needs that does not need the store: its key, its
/// JSON packed ([`super::codec`]) and hashed, its search text and words. An
/// import makes it on a thread of its own, between the one that reads and
/// parses the files and the one that writes.
pub struct Prepared {
    key: String,
    packed: Vec<u8>,
    /// The JSON's length before packing: what a batch counts.
    json_len: usize,
    hash: String,
    cols: [String; 4],
    /// The distinct words of `cols` as the search index holds them.
    words: Vec<String>,
    /// What the query language asks of its structure.
    facts: crate::query::facts::Facts,
    /// What threading compares it by, when it has the words for it.
    sig: Option<crate::thread::Signature>,
}

impl Prepared {
    pub fn of(doc: &Document) -> Prepared {
        let json = serde_json::to_string(doc).expect("documents serialize");
        let cols = search_columns(doc);
        Prepared {
            key: doc_key(doc),
            packed: super::codec::pack(json.as_bytes()),
            json_len: json.len(),
            hash: format!("{:016x}", fnv64(json.as_bytes())),
            words: index_words(&cols),
            cols,
            facts: crate::query::facts::Facts::of(doc),
            sig: super::threads::signature(doc),
        }
    }
}

/// The distinct words of a document's search text for `search_words`: folded as
/// a query is (`text::fold`: case, diacritics, dashes), and also only lower-cased,
/// which is how the index's tokenizer leaves scripts whose marks `fold` takes
/// off and it keeps (Hangul syllables, Japanese voiced kana). A word too many
/// costs nothing; a word missing would hide its documents from the filter.
fn index_words(cols: &[String; 4]) -> Vec<String> {
    let split = |text: String| -> Vec<String> {
        text.split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let mut words: Vec<String> = cols
        .iter()
        .flat_map(|c| {
            let mut both = split(crate::text::fold::fold(c));
            if !c.is_ascii() {
                both.extend(split(c.to_lowercase()));
            }
            both
        })
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// The most words an import remembers having written to `search_words` (the
/// rest are looked up again; each costs a B-tree probe, not a write).
const WORDS_REMEMBERED: usize = 200_000;

/// The text the search index holds for a document, by column.
pub(super) fn search_columns(doc: &Document) -> [String; 4] {
    let mut body = String::new();
    let mut push = |s: &str| {
        body.push_str(s);
        body.push('\n');
    };
    for s in doc.category.iter().chain(&doc.location) {
        push(s);
    }
    for p in doc.lead.iter().chain(&doc.reactions) {
        push(&p.text());
    }
    for s in &doc.sections {
        if let Some(h) = &s.heading {
            push(h);
        }
        for p in &s.paragraphs {
            push(&p.text());
        }
    }
    for r in &doc.related {
        push(r.title.as_deref().unwrap_or(""));
        push(r.summary.as_deref().unwrap_or(""));
    }
    let sources = doc
        .sources
        .iter()
        .map(|s| {
            format!(
                "{} {} {}",
                s.outlet.as_deref().unwrap_or(""),
                s.title,
                s.summary.as_deref().unwrap_or("")
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    let timeline = doc
        .timeline
        .iter()
        .map(|e| format!("{} {}", e.date.label, e.text))
        .collect::<Vec<_>>()
        .join("\n");
    [doc.title.clone(), body, sources, timeline]
}

impl Store {
    /// Starts an import: everything put through it lands in one transaction,
    /// unless [`Importer::end_of_file`] commits it in batches.
    pub fn begin_import(&mut self) -> Result<Importer<'_>, StoreError> {
        let store_path = self.path.clone();
        let cache_size: i64 = self
            .conn
            .pragma_query_value(None, "cache_size", |r| r.get(0))
            .map_err(sql_err(&store_path, "start an import"))?;
        self.conn
            .pragma_update(None, "journal_size_limit", WAL_LIMIT)
            .and_then(|_| self.conn.pragma_update(None, "cache_size", IMPORT_CACHE))
            .and_then(|_| self.conn.execute_batch("BEGIN IMMEDIATE"))
            .and_then(|_| {
                self.conn.execute(
                    "INSERT INTO documents_fts(documents_fts, rank) VALUES ('hashsize', ?1)",
                    [FTS_HASHSIZE],
                )
            })
            .map_err(sql_err(&store_path, "start an import"))?;
        Ok(Importer {
            conn: &self.conn,
            cache_size,
            store_path,
            batch: Batch::default_size(),
            docs: 0,
            bytes: 0,
            words: Default::default(),
            threads: Default::default(),
        })
    }

    /// Removes a document by uid; false when there was none.
    pub fn remove(&mut self, uid: &str) -> Result<bool, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql_err(&self.path, "remove a document"))?;
        let id: Option<i64> = tx
            .query_row("SELECT id FROM documents WHERE uid = ?1", [uid], |r| {
                r.get(0)
            })
            .optional()
            .map_err(sql_err(&self.path, "remove a document"))?;
        if let Some(id) = id {
            tx.execute("DELETE FROM documents WHERE id = ?1", [id])
                .and_then(|_| tx.execute("DELETE FROM documents_fts WHERE rowid = ?1", [id]))
                .map_err(sql_err(&self.path, "remove a document"))?;
        }
        tx.commit()
            .map_err(sql_err(&self.path, "remove a document"))?;
        Ok(id.is_some())
    }

    /// Sets or clears the read mark; [`StoreError::NotFound`] when no document
    /// has `uid` (removed meanwhile).
    pub fn set_read(&mut self, uid: &str, read: bool) -> Result<(), StoreError> {
        self.set_flag("is_read", uid, read)
    }

    /// Sets or clears the saved mark; [`StoreError::NotFound`] when no document
    /// has `uid` (removed meanwhile).
    pub fn set_saved(&mut self, uid: &str, saved: bool) -> Result<(), StoreError> {
        self.set_flag("is_saved", uid, saved)
    }

    fn set_flag(&mut self, column: &'static str, uid: &str, on: bool) -> Result<(), StoreError> {
        let sql = format!("UPDATE documents SET {column} = ?1 WHERE uid = ?2");
        // SQLite counts every row the WHERE matched, changed value or not.
        let rows = self
            .conn
            .execute(&sql, params![on, uid])
            .map_err(sql_err(&self.path, "update a mark"))?;
        if rows == 0 {
            return Err(StoreError::NotFound(format!("no document {uid}")));
        }
        Ok(())
    }

    /// Remembers a piece of reader state (the last selected story).
    pub fn set_state(&mut self, name: &str, value: &str) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO app_state(name, value) VALUES (?1, ?2)
                 ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                params![name, value],
            )
            .map_err(sql_err(&self.path, "save the reader's state"))?;
        Ok(())
    }
}

impl Importer<'_> {
    /// Adds a document, updates the stored version of the same story when this one
    /// is not older (keeping read and saved marks), or leaves it unchanged.
    /// `origin` is the file or subscription URL it came from; `feed` the name of
    /// the feed that brought it (a subscription's name, a feed file's title), from
    /// which [`feed_name`] names the row. An update without a `feed` keeps the
    /// row's feed (an export re-imported keeps its subscription's name).
    pub fn put(
        &mut self,
        doc: &Document,
        origin: Option<&str>,
        feed: Option<&str>,
    ) -> Result<Change, StoreError> {
        self.put_prepared(doc, &Prepared::of(doc), origin, feed)
    }

    /// [`Importer::put`] of a document made ready on another thread.
    pub fn put_prepared(
        &mut self,
        doc: &Document,
        ready: &Prepared,
        origin: Option<&str>,
        feed: Option<&str>,
    ) -> Result<Change, StoreError> {
        let err = sql_err(&self.store_path, "import a document");
        let Prepared {
            key,
            packed,
            json_len,
            hash,
            cols,
            words,
            facts,
            sig,
        } = ready;
        self.docs += 1;
        self.bytes += *json_len;
        let arrival = super::links::Arrival::of(doc, feed);
        if let Some(change) = arrival.merge(self.conn, doc, key).map_err(err)? {
            return Ok(change);
        }
        // `only_legacy`: only a row stored without an item identity (by an older
        // version) may be taken over; a link-known item of today stays itself.
        let find = |key: &str, only_legacy: bool| {
            self.conn
                .prepare_cached(
                    "SELECT id, content_hash, article_count, event_count FROM documents
                     WHERE doc_key = ?1 AND (NOT ?2 OR NOT item)",
                )?
                .query_row(params![key, only_legacy], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })
                .optional()
        };
        let mut existing: Option<(i64, String, Option<u32>, usize)> =
            find(key, false).map_err(err)?;
        if existing.is_none() && doc.item_id.is_some() {
            let legacy = legacy_key(doc);
            if legacy != *key {
                existing = find(&legacy, true).map_err(err)?;
                if let Some((id, ..)) = existing {
                    // The same item as stored before its identity was kept: take
                    // it over under the new key (uid unchanged, marks kept).
                    self.conn
                        .execute(
                            "UPDATE documents SET doc_key = ?2 WHERE id = ?1",
                            params![id, key],
                        )
                        .map_err(err)?;
                }
            }
        }
        let now = chrono::Utc::now().timestamp();
        let latest = doc.latest_date().map(|d| d.compact());
        match existing {
            Some((_, old_hash, _, _)) if old_hash == *hash => Ok(Change::Unchanged),
            Some((_, _, old_articles, old_events))
                if doc.article_count < old_articles || doc.timeline.len() < old_events =>
            {
                Ok(Change::Unchanged)
            }
            Some((id, ..)) => {
                super::versions::keep_read_version(self.conn, id).map_err(err)?;
                self.conn
                    .prepare_cached(
                        "UPDATE documents SET title = ?2, title_key = ?3, article_count = ?4,
                            source_count = ?5, event_count = ?6, latest_label = ?7, sort_key = ?8,
                            content_hash = ?9, json = ?10, origin = coalesce(?11, origin),
                            updated_at = ?12, feed = coalesce(?13, feed), item = ?14,
                            outlet_count = ?15, claim_count = ?16, unresolved_count = ?17,
                            single_count = ?18, lang = ?19
                         WHERE id = ?1",
                    )
                    .and_then(|mut stmt| {
                        stmt.execute(params![
                            id,
                            doc.title,
                            title_key(&doc.title),
                            doc.article_count,
                            doc.sources.len(),
                            doc.timeline.len(),
                            latest,
                            sort_key(doc),
                            hash,
                            packed,
                            origin,
                            now,
                            feed.map(|_| feed_name(doc, feed)),
                            doc.item_id.is_some(),
                            facts.outlets,
                            facts.claims,
                            facts.unresolved,
                            facts.single,
                            facts.lang
                        ])
                    })
                    .map_err(err)?;
                self.conn
                    .prepare_cached("DELETE FROM documents_fts WHERE rowid = ?1")
                    .and_then(|mut stmt| stmt.execute([id]))
                    .map_err(err)?;
                self.index(id, cols).map_err(err)?;
                super::facts::put_keys_and_days(self.conn, id, facts, true).map_err(err)?;
                add_words(self.conn, &mut self.words, words).map_err(err)?;
                arrival.record(self.conn, id, doc, key, true).map_err(err)?;
                let story = super::threads::Placing {
                    id,
                    sig: sig.as_ref(),
                    day: super::threads::day_of(doc),
                    outlets: &facts.outlet_ids,
                };
                super::threads::place(self.conn, &mut self.threads, story, true).map_err(err)?;
                Ok(Change::Updated)
            }
            None => {
                self.conn
                    .prepare_cached(
                        "INSERT INTO documents (uid, doc_key, title_key, kind, title, article_count,
                            source_count, event_count, latest_label, sort_key, content_hash, json,
                            origin, added_at, updated_at, feed, item, outlet_count, claim_count,
                            unresolved_count, single_count, lang)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, ?15,
                            ?16, ?17, ?18, ?19, ?20, ?21)",
                    )
                    .and_then(|mut stmt| {
                        stmt.execute(params![
                            uid_of(key),
                            key,
                            title_key(&doc.title),
                            doc.kind.as_str(),
                            doc.title,
                            doc.article_count,
                            doc.sources.len(),
                            doc.timeline.len(),
                            latest,
                            sort_key(doc),
                            hash,
                            packed,
                            origin,
                            now,
                            feed_name(doc, feed),
                            doc.item_id.is_some(),
                            facts.outlets,
                            facts.claims,
                            facts.unresolved,
                            facts.single,
                            facts.lang
                        ])
                    })
                    .map_err(err)?;
                let id = self.conn.last_insert_rowid();
                self.index(id, cols).map_err(err)?;
                super::facts::put_keys_and_days(self.conn, id, facts, false).map_err(err)?;
                add_words(self.conn, &mut self.words, words).map_err(err)?;
                arrival
                    .record(self.conn, id, doc, key, false)
                    .map_err(err)?;
                let story = super::threads::Placing {
                    id,
                    sig: sig.as_ref(),
                    day: super::threads::day_of(doc),
                    outlets: &facts.outlet_ids,
                };
                super::threads::place(self.conn, &mut self.threads, story, false).map_err(err)?;
                Ok(Change::Added)
            }
        }
    }

    /// Sets the marks an export carried on a document just put: a mark is only
    /// ever added, so importing an old export never unsaves a story.
    pub fn add_marks(&mut self, doc: &Document, marks: Marks) -> Result<(), StoreError> {
        if marks.is_none() {
            return Ok(());
        }
        self.conn
            .execute(
                "UPDATE documents SET is_read = is_read OR ?2, is_saved = is_saved OR ?3
                 WHERE doc_key = ?1",
                params![doc_key(doc), marks.read, marks.saved],
            )
            .map_err(sql_err(
                &self.store_path,
                "restore the read and saved marks",
            ))?;
        Ok(())
    }

    fn index(&self, id: i64, cols: &[String; 4]) -> rusqlite::Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO documents_fts (rowid, title, body, sources, timeline)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![id, cols[0], cols[1], cols[2], cols[3]])?;
        Ok(())
    }

    /// Sets the size of the batches [`Importer::end_of_file`] commits.
    pub fn with_batch(mut self, batch: Batch) -> Self {
        self.batch = batch;
        self
    }

    /// Says that the documents of one file have all been put: when they fill a
    /// batch, commits them and starts the next transaction. Each commit lets
    /// SQLite's automatic checkpoint move the write-ahead log into the store and
    /// start it again from the top, cut back to [`WAL_LIMIT`], so the log holds
    /// about one batch (an explicit `wal_checkpoint(TRUNCATE)` after each batch
    /// kept it no smaller and cost more: docs/performance.md). True when it
    /// committed.
    pub fn end_of_file(&mut self) -> Result<bool, StoreError> {
        if self.docs < self.batch.docs && self.bytes < self.batch.bytes {
            return Ok(false);
        }
        self.conn
            .execute_batch("COMMIT; BEGIN IMMEDIATE")
            .map_err(sql_err(&self.store_path, "commit a batch of the import"))?;
        (self.docs, self.bytes) = (0, 0);
        Ok(true)
    }

    /// Commits everything put so far.
    pub fn commit(self) -> Result<(), StoreError> {
        self.conn
            .execute_batch("COMMIT")
            .map_err(sql_err(&self.store_path, "commit the import"))
    }
}

impl Drop for Importer<'_> {
    fn drop(&mut self) {
        if !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        // The reader's connection (its refresh imports too) keeps its small cache.
        let _ = self.conn.pragma_update(None, "cache_size", self.cache_size);
    }
}

/// Writes `doc` over the stored document `id` (a story that gained or lost a
/// source another feed brought, `store::links`): its JSON, counts, facts and
/// search text; its key, feed, marks, language (its text is the same) and
/// content hash (that of the version its own feed brought) stay.
/// `search_words` gains the words of `added` (a source's text: the rest of the
/// story's are there already).
pub(super) fn rewrite(
    conn: &Connection,
    id: i64,
    doc: &Document,
    added: Option<&str>,
) -> rusqlite::Result<()> {
    let json = serde_json::to_string(doc).expect("documents serialize");
    let facts = crate::query::facts::Facts::of_structure(doc);
    conn.prepare_cached(
        "UPDATE documents SET json = ?2, source_count = ?3, outlet_count = ?4, claim_count = ?5,
            unresolved_count = ?6, single_count = ?7
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        super::codec::pack(json.as_bytes()),
        doc.sources.len(),
        facts.outlets,
        facts.claims,
        facts.unresolved,
        facts.single
    ])?;
    conn.prepare_cached("DELETE FROM documents_fts WHERE rowid = ?1")?
        .execute([id])?;
    let cols = search_columns(doc);
    conn.prepare_cached(
        "INSERT INTO documents_fts (rowid, title, body, sources, timeline)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![id, cols[0], cols[1], cols[2], cols[3]])?;
    super::facts::put_keys_and_days(conn, id, &facts, true)?;
    super::threads::restate_outlets(conn, id, &facts.outlet_ids)?;
    match added {
        Some(text) => {
            let words = index_words(&[
                text.to_string(),
                String::new(),
                String::new(),
                String::new(),
            ]);
            add_words(conn, &mut Default::default(), &words)
        }
        None => Ok(()),
    }
}

/// Adds the words of a document just indexed to `search_words`, but those
/// `known` to be there already.
fn add_words(
    conn: &Connection,
    known: &mut std::collections::HashSet<String>,
    words: &[String],
) -> rusqlite::Result<()> {
    if known.len() > WORDS_REMEMBERED {
        known.clear();
    }
    let mut stmt = conn.prepare_cached("INSERT OR IGNORE INTO search_words (word) VALUES (?1)")?;
    for w in words {
        if !known.contains(w) {
            stmt.execute([w])?;
            known.insert(w.clone());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Source};

    fn item(title: &str, url: &str) -> Document {
        let mut d = Document::new(Kind::Article, title.into());
        d.sources.push(Source {
            n: 1,
            outlet: None,
            title: title.into(),
            summary: None,
            url: Some(url.into()),
        });
        d
    }

    #[test]
    fn feed_items_are_known_by_their_link_and_pages_by_their_title() {
        let a = item("Morning briefing", "https://n.example/1");
        let b = item("Morning briefing", "https://n.example/2");
        let a2 = item("Morning briefing (corrected)", "https://n.example/1");
        assert_ne!(doc_key(&a), doc_key(&b));
        assert_eq!(doc_key(&a), doc_key(&a2));
        let page = Document::new(Kind::Article, "Morning Briefing".into());
        assert_eq!(doc_key(&page), "article:morning briefing");
    }

    #[test]
    fn an_import_commits_whole_files_once_they_fill_a_batch() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let reader = store.sibling().unwrap();
        let batch = Batch {
            docs: 3,
            bytes: 64 << 20,
        };
        let mut import = store.begin_import().unwrap().with_batch(batch);
        let mut seen = Vec::new();
        // Files of 2, 2 and 1 documents: the second file fills the batch.
        for (file, docs) in [(0, 2), (1, 2), (2, 1)] {
            for n in 0..docs {
                let url = format!("https://n.example/{file}/{n}");
                import.put(&item("Harbour", &url), None, None).unwrap();
            }
            let committed = import.end_of_file().unwrap();
            seen.push((committed, reader.count().unwrap()));
        }
        assert_eq!(seen, [(false, 0), (true, 4), (false, 4)]);
        drop(import);
        assert_eq!(
            reader.count().unwrap(),
            4,
            "the batch in progress rolls back"
        );
        let big = Batch {
            docs: 1000,
            bytes: 1,
        };
        let mut import = store.begin_import().unwrap().with_batch(big);
        import
            .put(&item("Harbour", "https://n.example/9"), None, None)
            .unwrap();
        assert!(
            import.end_of_file().unwrap(),
            "a batch is also so many bytes"
        );
        import.commit().unwrap();
        assert_eq!(reader.count().unwrap(), 5);
    }

    #[test]
    fn an_import_gives_the_search_index_a_larger_buffer() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        store.begin_import().unwrap().commit().unwrap();
        let hashsize: i64 = store
            .conn
            .query_row(
                "SELECT v FROM documents_fts_config WHERE k = 'hashsize'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(hashsize, FTS_HASHSIZE);
    }

    #[test]
    fn a_mark_on_a_document_that_is_gone_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let mut import = store.begin_import().unwrap();
        import
            .put(&item("Harbour", "https://n.example/1"), None, None)
            .unwrap();
        import.commit().unwrap();
        let uid = store.list(1, false, 0).unwrap()[0].uid.clone();
        store.set_saved(&uid, true).unwrap();
        store.set_saved(&uid, true).unwrap();
        store.set_read(&uid, true).unwrap();
        assert!(store.remove(&uid).unwrap());
        for result in [store.set_saved(&uid, true), store.set_read(&uid, false)] {
            assert!(matches!(result, Err(StoreError::NotFound(_))), "{result:?}");
        }
    }
}
