//! The store's schema and its migration ladder. `user_version` holds the schema
//! version and `application_id` marks the file as a tidings store, so a foreign
//! SQLite file is refused rather than migrated.

use rusqlite::Connection;

/// `application_id` of a tidings store: "tid1" in ASCII.
pub const APPLICATION_ID: i32 = 0x7469_6431;

/// The schema version this build writes.
pub const CURRENT_VERSION: i32 = 12;

/// One step of the ladder: SQL, or a pass in Rust over rows SQL cannot rework.
enum Step {
    Sql(&'static str),
    Rows(fn(&rusqlite::Transaction) -> rusqlite::Result<()>),
}

/// Each step takes the store from version `i` to `i + 1`.
const MIGRATIONS: &[Step] = &[
    // 0 -> 1: documents, their search index, and app state.
    Step::Sql(
        "CREATE TABLE documents (
        id            INTEGER PRIMARY KEY,
        uid           TEXT NOT NULL UNIQUE,
        doc_key       TEXT NOT NULL UNIQUE,
        title_key     TEXT NOT NULL,
        kind          TEXT NOT NULL,
        title         TEXT NOT NULL,
        article_count INTEGER,
        source_count  INTEGER NOT NULL,
        event_count   INTEGER NOT NULL,
        latest_label  TEXT,
        sort_key      TEXT NOT NULL,
        content_hash  TEXT NOT NULL,
        json          TEXT NOT NULL,
        origin        TEXT,
        added_at      INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL,
        is_read       INTEGER NOT NULL DEFAULT 0,
        is_saved      INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX documents_newest ON documents(sort_key DESC, id DESC);
    CREATE INDEX documents_title_key ON documents(title_key);
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, body, sources, timeline,
        tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TABLE app_state (name TEXT PRIMARY KEY, value TEXT NOT NULL);",
    ),
    // 1 -> 2: headline rows come from covering indexes, in list order or by id,
    // never from the rows themselves: their read and saved marks sit after the
    // document JSON, at the end of its overflow pages (2,000 page reads for the
    // first 500 headlines of 100,000, now a handful).
    Step::Sql(
        "DROP INDEX documents_newest;
    CREATE INDEX documents_list ON documents(
        sort_key DESC, id DESC, uid, kind, title, article_count, source_count,
        event_count, latest_label, is_read, is_saved
    );
    CREATE INDEX documents_row ON documents(
        id, uid, kind, title, article_count, source_count, event_count,
        latest_label, is_read, is_saved
    );",
    ),
    // 2 -> 3: subscriptions, and the validators (ETag, Last-Modified) of every URL
    // fetched, so a refresh with nothing new costs one conditional request each.
    Step::Sql(
        "CREATE TABLE subscriptions (
        id         INTEGER PRIMARY KEY,
        url        TEXT NOT NULL UNIQUE,
        name       TEXT,
        added_at   INTEGER NOT NULL,
        checked_at INTEGER,
        status     TEXT
    );
    CREATE TABLE http_cache (
        url           TEXT PRIMARY KEY,
        etag          TEXT,
        last_modified TEXT
    );",
    ),
    // 3 -> 4: list rows hold the latest date in its compact form (`2025-09-20
    // evening`) instead of as written, so every screen shows it one way; and a
    // deadline no longer counts as the story's latest date.
    Step::Rows(super::write::redate_rows),
    // 4 -> 5: each document names its feed (where it came from), in the list's
    // covering indexes so a row shows it and a view of one feed reads no document.
    Step::Rows(super::feed::add_feeds),
    // 5 -> 6: when a subscription may next be fetched by the reader's automatic
    // refresh (Unix seconds), from the feed's `<ttl>`.
    Step::Sql("ALTER TABLE subscriptions ADD COLUMN not_before INTEGER;"),
    // 6 -> 7: no text stored twice, and the JSON compressed: each document's JSON
    // is packed with zstd (a third of its size; `store::codec`), whether it
    // carries a feed item identity is a column (`item`) rather than read out of
    // the JSON, and the search index keeps no copy of the text (contentless
    // FTS5: snippets are cut from the document, `store::snippet`).
    Step::Rows(|tx| {
        super::codec::pack_rows(tx)?;
        tx.execute_batch(CONTENTLESS_FTS)
    }),
    // 7 -> 8: every word the search index holds, so that the filter can ask for
    // the words a prefix stands for instead of a prefix query, which FTS5 answers
    // by merging all their document lists in memory (`store::read`). Filled from
    // the index's own vocabulary; imports add the words of what they store.
    Step::Rows(|tx| {
        tx.execute_batch("CREATE TABLE search_words (word TEXT PRIMARY KEY) WITHOUT ROWID;")?;
        tx.execute_batch(FILL_SEARCH_WORDS)
    }),
    // 8 -> 9: what the query language asks of a story's structure, kept beside
    // it (`store::facts`): counts of outlets, claims, unresolved citations and
    // claims one source backs, its language, the outlets it lists and cites, the
    // days of its events; one index covers them; and the saved queries.
    Step::Rows(super::facts::add_facts),
    // 9 -> 10: same link, one story (`store::links`): the canonical link of
    // every stored feed item, and every feed (and item key) that brought a
    // story, so an item another feed already brought joins its story.
    Step::Rows(super::links::add_links),
    // 10 -> 11: threads, the stories of one event (`store::threads`): each
    // story's similarity signature with its day and outlets, the threads and
    // their members (the newest heads the thread in the list), and the stories
    // split or merged by hand. Every stored story is threaded, oldest first.
    Step::Rows(super::threads::add_threads),
    // 11 -> 12: the version of each story the person last read, kept when a newer
    // one arrives, so that it can say what changed since (`store::versions`).
    Step::Sql(super::versions::SCHEMA),
];

/// Fills `search_words` with the vocabulary of the search index (step 7 -> 8,
/// and `store vacuum`, which drops the words of stories removed since).
pub(super) const FILL_SEARCH_WORDS: &str =
    "CREATE VIRTUAL TABLE temp.search_vocabulary USING fts5vocab(main, documents_fts, row);
    INSERT OR IGNORE INTO search_words SELECT term FROM temp.search_vocabulary;
    DROP TABLE temp.search_vocabulary;";

/// Step 6 -> 7's search index: contentless, so it holds the index alone and no
/// copy of the text; `contentless_delete` lets a document's entry be deleted
/// (removing or updating it) without giving back the text it was indexed with.
/// The text of every row is copied over from the old index.
pub(super) const CONTENTLESS_FTS: &str = "ALTER TABLE documents_fts RENAME TO documents_fts_old;
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, body, sources, timeline,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO documents_fts (rowid, title, body, sources, timeline)
        SELECT rowid, title, body, sources, timeline FROM documents_fts_old;
    DROP TABLE documents_fts_old;";

/// The indexes of the list's views (step 4 -> 5): the covering list indexes with
/// the `feed` column, and for every other view and sort a small index holding
/// its rows in order with what filters them (marks, feed), whose ids then read
/// their rows from `documents_row`; `documents_feed` also answers the per-feed
/// counts. Figures: docs/performance.md.
pub(super) const FEED_INDEXES: &str = "DROP INDEX documents_list;
    DROP INDEX documents_row;
    DROP INDEX documents_title_key;
    CREATE INDEX documents_list ON documents(
        sort_key DESC, id DESC, uid, kind, title, article_count, source_count,
        event_count, latest_label, is_read, is_saved, feed
    );
    CREATE INDEX documents_row ON documents(
        id, uid, kind, title, article_count, source_count, event_count,
        latest_label, is_read, is_saved, feed
    );
    CREATE INDEX documents_title_key ON documents(title_key, id, is_read, is_saved, feed);
    CREATE INDEX documents_feed ON documents(feed, sort_key DESC, id DESC, is_read, is_saved);
    CREATE INDEX documents_sources ON documents(
        source_count DESC, sort_key DESC, id DESC, is_read, is_saved, feed
    );";

/// Brings a tidings store (or a new empty file) up to [`CURRENT_VERSION`], one
/// transaction per step.
pub fn migrate(conn: &mut Connection, from: i32) -> rusqlite::Result<()> {
    migrate_between(conn, from, CURRENT_VERSION)
}

/// Takes the store from version `from` to `to`, one transaction per step.
fn migrate_between(conn: &mut Connection, from: i32, to: i32) -> rusqlite::Result<()> {
    for (i, step) in MIGRATIONS
        .iter()
        .enumerate()
        .take(to as usize)
        .skip(from as usize)
    {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        match step {
            Step::Sql(sql) => tx.execute_batch(sql)?,
            Step::Rows(pass) => pass(&tx)?,
        }
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", i as i32 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ladder_reaches_the_current_version() {
        assert_eq!(MIGRATIONS.len() as i32, CURRENT_VERSION);
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, 0).unwrap();
        let v: i32 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, CURRENT_VERSION);
    }

    #[test]
    fn version_1_stores_gain_the_covering_list_indexes() {
        let mut conn = Connection::open_in_memory().unwrap();
        let Step::Sql(first) = MIGRATIONS[0] else {
            unreachable!("the first step creates the tables")
        };
        conn.execute_batch(first).unwrap();
        conn.execute(
            "INSERT INTO documents (uid, doc_key, title_key, kind, title, source_count,
                 event_count, sort_key, content_hash, json, added_at, updated_at)
             VALUES ('u', 'k', 't', 'story', 'T', 0, 0, '2025', 'h', '{}', 0, 0)",
            [],
        )
        .unwrap();
        migrate(&mut conn, 1).unwrap();
        let plan: String = conn
            .query_row(
                "EXPLAIN QUERY PLAN SELECT uid, kind, title, article_count, source_count,
                     event_count, latest_label, is_read, is_saved
                 FROM documents ORDER BY sort_key DESC, id DESC LIMIT 5",
                [],
                |r| r.get(3),
            )
            .unwrap();
        assert!(plan.contains("COVERING INDEX documents_list"), "{plan}");
        let n: i64 = conn
            .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1, "the document survived the upgrade");
    }

    #[test]
    fn version_3_stores_show_dates_one_way_and_deadlines_stop_leading() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_between(&mut conn, 0, 3).unwrap();
        let doc = serde_json::json!({
            "kind": "story", "title": "Conclave",
            "published": {"label": "Apr 27, 2025", "year": 2025, "month": 4, "day": 27},
            "timeline": [
                {"date": {"label": "Apr 21, 2025 (morning)", "year": 2025, "month": 4, "day": 21, "part": "morning"}, "text": "Pope dies."},
                {"date": {"label": "By May 10, 2025", "year": 2025, "month": 5, "day": 10}, "text": "Conclave must begin."}
            ]
        });
        for (uid, json, sort) in [
            ("dated", doc.to_string(), "2025-05-10"),
            ("broken", "{not json".to_string(), "2024-01-01"),
        ] {
            conn.execute(
                "INSERT INTO documents (uid, doc_key, title_key, kind, title, source_count,
                     event_count, latest_label, sort_key, content_hash, json, added_at, updated_at)
                 VALUES (?1, ?1, 't', 'story', 'T', 0, 2, 'By May 10, 2025', ?3, 'h', ?2, 0, 0)",
                rusqlite::params![uid, json, sort],
            )
            .unwrap();
        }
        migrate(&mut conn, 3).unwrap();
        let row = |uid: &str| -> (Option<String>, String) {
            conn.query_row(
                "SELECT latest_label, sort_key FROM documents WHERE uid = ?1",
                [uid],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
        };
        assert_eq!(
            row("dated"),
            (Some("2025-04-27".into()), "2025-04-27".into())
        );
        assert_eq!(
            row("broken"),
            (Some("By May 10, 2025".into()), "2024-01-01".into()),
            "a row that does not read is left as it was"
        );
    }

    #[test]
    fn version_4_stores_name_every_documents_feed_and_list_it_from_an_index() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_between(&mut conn, 0, 4).unwrap();
        conn.execute(
            "INSERT INTO subscriptions (url, name, added_at) VALUES ('https://w.example/rss', 'My wire', 0)",
            [],
        )
        .unwrap();
        let item = |outlet: &str| {
            serde_json::json!({"kind": "article", "title": "T", "item_id": "guid:x | 1",
                "sources": [{"n": 1, "title": "T", "outlet": outlet, "url": "https://w.example/1"}]})
            .to_string()
        };
        let rows = [
            ("refreshed", "article", item("Coastal Wire"), "https://w.example/rss"),
            ("from a file", "article", item("Coastal Wire"), "/feeds/wire.xml"),
            (
                "kagi",
                "story",
                serde_json::json!({"kind": "story", "title": "T", "category": "World",
                    "sources": [{"n": 1, "title": "a", "outlet": "ft.com", "url": "https://ft.com/a"}]})
                .to_string(),
                "https://kite.example/kite.json",
            ),
            (
                "story page",
                "story",
                serde_json::json!({"kind": "story", "title": "T",
                    "sources": [{"n": 1, "title": "a", "outlet": "Reuters", "url": "https://r.example/a"}]})
                .to_string(),
                "pages/story.txt",
            ),
            ("broken", "story", "{not json".to_string(), "pages/x.txt"),
        ];
        for (uid, kind, json, origin) in &rows {
            conn.execute(
                "INSERT INTO documents (uid, doc_key, title_key, kind, title, source_count,
                     event_count, sort_key, content_hash, json, origin, added_at, updated_at)
                 VALUES (?1, ?1, 't', ?2, ?1, 1, 0, '2025-01-01', 'h', ?3, ?4, 0, 0)",
                rusqlite::params![uid, kind, json, origin],
            )
            .unwrap();
        }
        migrate(&mut conn, 4).unwrap();
        let feed = |uid: &str| -> String {
            conn.query_row("SELECT feed FROM documents WHERE uid = ?1", [uid], |r| {
                r.get(0)
            })
            .unwrap()
        };
        assert_eq!(feed("refreshed"), "My wire", "its subscription's name");
        assert_eq!(feed("from a file"), "Coastal Wire", "its feed's title");
        assert_eq!(feed("kagi"), "Kagi: World");
        assert_eq!(feed("story page"), "pages I saved");
        assert_eq!(
            feed("broken"),
            "pages I saved",
            "a row that does not read still gets one"
        );
        let plan: String = conn
            .query_row(
                "EXPLAIN QUERY PLAN SELECT uid, kind, title, article_count, source_count,
                     event_count, latest_label, is_read, is_saved, feed
                 FROM documents ORDER BY sort_key DESC, id DESC LIMIT 5",
                [],
                |r| r.get(3),
            )
            .unwrap();
        assert!(plan.contains("COVERING INDEX documents_list"), "{plan}");
    }

    #[test]
    fn version_7_stores_learn_the_words_their_search_index_holds() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_between(&mut conn, 0, 7).unwrap();
        conn.execute(
            "INSERT INTO documents_fts (rowid, title, body, sources, timeline)
             VALUES (1, 'Harbour plan', 'Le conseil a voté, Tromsø aussi', '', '')",
            [],
        )
        .unwrap();
        migrate(&mut conn, 7).unwrap();
        let words: Vec<String> = conn
            .prepare("SELECT word FROM search_words ORDER BY word")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            words,
            ["a", "aussi", "conseil", "harbour", "le", "plan", "tromsø", "vote"]
        );
    }

    #[test]
    fn version_8_stores_learn_the_outlets_claims_and_event_days_of_every_story() {
        use crate::model::{Document, Kind, Paragraph, Sentence, Source};
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_between(&mut conn, 0, 8).unwrap();
        let mut doc = Document::new(Kind::Story, "Harbour".into());
        doc.sources.push(Source {
            n: 1,
            outlet: Some("Reuters".into()),
            title: "Harbour reopens".into(),
            summary: None,
            url: Some("https://www.reuters.com/a".into()),
        });
        doc.lead.push(Paragraph {
            sentences: vec![Sentence {
                text: "It reopened.".into(),
                citations: vec![1, 4],
            }],
        });
        let good = super::super::codec::pack(serde_json::to_string(&doc).unwrap().as_bytes());
        let bad = super::super::codec::pack(b"{not json");
        for (uid, json) in [("1", good), ("2", bad)] {
            conn.execute(
                "INSERT INTO documents (uid, doc_key, title_key, kind, title, source_count,
                     event_count, sort_key, content_hash, json, added_at, updated_at, feed)
                 VALUES (?1, ?1, 't', 'story', 't', 1, 0, '2025-01-01', 'h', ?2, 0, 0, 'f')",
                rusqlite::params![uid, json],
            )
            .unwrap();
        }
        migrate(&mut conn, 8).unwrap();
        let facts: Vec<(String, i64, i64, i64, i64)> = conn
            .prepare(
                "SELECT uid, outlet_count, claim_count, unresolved_count, single_count
                 FROM documents ORDER BY uid",
            )
            .unwrap()
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            facts,
            [("1".into(), 1, 1, 1, 1), ("2".into(), 0, 0, 0, 0)],
            "a row that does not read keeps no facts, and stays"
        );
        let keys: Vec<(String, bool)> = conn
            .prepare("SELECT key, cited FROM story_outlets ORDER BY key")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            keys,
            [("reuters".into(), true), ("reuters.com".into(), true)]
        );
    }

    #[test]
    fn version_6_stores_pack_their_json_and_keep_one_copy_of_the_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(crate::paths::STORE_FILE);
        let mut conn = Connection::open(&path).unwrap();
        migrate_between(&mut conn, 0, 6).unwrap();
        let mut doc =
            crate::model::Document::new(crate::model::Kind::Article, "Harbour plan passes".into());
        doc.item_id = Some("guid:h-1".into());
        doc.lead.push(crate::model::Paragraph {
            sentences: vec![crate::model::Sentence {
                text: "The council passed the harbour plan on Monday after a long debate.".into(),
                citations: Vec::new(),
            }],
        });
        let rows = [
            ("0000000000000001", serde_json::to_string(&doc).unwrap()),
            ("0000000000000002", "{not json, but harbour".to_string()),
        ];
        for (uid, json) in &rows {
            conn.execute(
                "INSERT INTO documents (uid, doc_key, title_key, kind, title, source_count,
                     event_count, sort_key, content_hash, json, added_at, updated_at, feed)
                 VALUES (?1, ?1, 't', 'article', ?1, 0, 0, '2025-01-01', 'h', ?2, 0, 0, 'f')",
                rusqlite::params![uid, json],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO documents_fts (rowid, title, body, sources, timeline)
                 VALUES (last_insert_rowid(), ?1, ?2, '', '')",
                rusqlite::params![uid, json],
            )
            .unwrap();
        }
        drop(conn);
        let store = crate::store::Store::open(dir.path()).unwrap();
        let hits = store.search(&crate::query::parsed("harbour"), 10).unwrap();
        assert_eq!(hits.len(), 2, "both rows are still found");
        let good = hits.iter().find(|h| h.item.uid == rows[0].0).unwrap();
        assert!(
            good.snippet.contains("the «harbour» plan"),
            "{}",
            good.snippet
        );
        assert_eq!(store.get(rows[0].0).unwrap().doc, doc, "shows as it was");
        assert!(
            store.get(rows[1].0).is_err(),
            "a row that did not read still does not"
        );
        assert_eq!(store.count().unwrap(), 2, "and it is kept");
        let conn = Connection::open(&path).unwrap();
        let (packed, item, text): (i64, i64, Option<String>) = conn
            .query_row(
                "SELECT count(*) FILTER (WHERE typeof(json) = 'blob'),
                        sum(item), (SELECT body FROM documents_fts LIMIT 1)
                 FROM documents",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!((packed, item), (2, 1), "every row packed, one feed item");
        assert_eq!(text, None, "the index keeps no copy of the text");
    }
}
