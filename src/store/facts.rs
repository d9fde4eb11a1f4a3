//! The facts of each story kept beside it (`crate::query::facts` computes
//! them): its counts and language as columns, the names of the outlets it lists
//! and cites (`story_outlets`), and the days of its timeline as words of a small
//! contentless index (`story_dates`); one covering index over the columns.

use rusqlite::{params, Transaction};

use crate::query::facts::Facts;

/// Writes `facts` for the document `id`: its columns (which an import writes
/// with the row itself), then its outlet keys and event days.
fn put(tx: &rusqlite::Connection, id: i64, facts: &Facts) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "UPDATE documents SET outlet_count = ?2, claim_count = ?3, unresolved_count = ?4,
            single_count = ?5, lang = ?6 WHERE id = ?1",
    )?
    .execute(params![
        id,
        facts.outlets,
        facts.claims,
        facts.unresolved,
        facts.single,
        facts.lang
    ])?;
    put_keys_and_days(tx, id, facts, false)
}

/// Writes the outlet keys and event days of the document `id`, replacing those
/// it had when `replace` (a new row has none: its id's last ones went with
/// their row, by the trigger).
pub(super) fn put_keys_and_days(
    tx: &rusqlite::Connection,
    id: i64,
    facts: &Facts,
    replace: bool,
) -> rusqlite::Result<()> {
    if replace {
        tx.prepare_cached("DELETE FROM story_outlets WHERE doc = ?1")?
            .execute([id])?;
        tx.prepare_cached("DELETE FROM story_dates WHERE rowid = ?1")?
            .execute([id])?;
    }
    let mut key =
        tx.prepare_cached("INSERT INTO story_outlets (key, doc, cited) VALUES (?1, ?2, ?3)")?;
    for (k, cited) in &facts.keys {
        key.execute(params![k, id, cited])?;
    }
    if !facts.event_days.is_empty() {
        let words: Vec<&str> = facts.event_days.iter().map(String::as_str).collect();
        tx.prepare_cached("INSERT INTO story_dates (rowid, days) VALUES (?1, ?2)")?
            .execute(params![id, words.join(" ")])?;
    }
    Ok(())
}

/// Schema step 8 -> 9: the facts of every stored document. A document whose
/// JSON does not read keeps no facts (its counts stay 0), as `show` reports it.
pub(super) fn add_facts(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(FACTS_SCHEMA)?;
    super::codec::each_document(tx, "id", |id, doc| put(tx, id, &Facts::of(&doc)))?;
    tx.execute_batch(FACTS_INDEX)
}

/// The columns, tables and index of step 8 -> 9. A document removed takes its
/// outlet keys and event days with it (the triggers), whatever removes it.
const FACTS_SCHEMA: &str =
    "ALTER TABLE documents ADD COLUMN outlet_count INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE documents ADD COLUMN claim_count INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE documents ADD COLUMN unresolved_count INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE documents ADD COLUMN single_count INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE documents ADD COLUMN lang TEXT;
    CREATE TABLE story_outlets (
        key   TEXT NOT NULL,
        doc   INTEGER NOT NULL,
        cited INTEGER NOT NULL,
        PRIMARY KEY (key, doc)
    ) WITHOUT ROWID;
    CREATE INDEX story_outlets_doc ON story_outlets(doc, cited);
    CREATE VIRTUAL TABLE story_dates USING fts5(
        days, content = '', contentless_delete = 1, detail = none
    );
    CREATE TRIGGER documents_facts_gone AFTER DELETE ON documents BEGIN
        DELETE FROM story_outlets WHERE doc = old.id;
        DELETE FROM story_dates WHERE rowid = old.id;
    END;
    CREATE TABLE saved_queries (
        name     TEXT PRIMARY KEY,
        query    TEXT NOT NULL,
        saved_at INTEGER NOT NULL
    );";

/// The index a structured query scans or seeks by id: every column a term
/// asks about, so no query reads a row (`store::query`).
const FACTS_INDEX: &str = "CREATE INDEX documents_facts ON documents(
        id, kind, sort_key, source_count, event_count, outlet_count, claim_count,
        unresolved_count, single_count, lang, is_read, is_saved, feed
    );";
