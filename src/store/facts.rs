//! What the query language asks of a story's structure, kept beside it so no
//! query reads a document: counts (outlets, claims, unresolved citations,
//! claims one source backs), its language, the names of the outlets it lists
//! and cites (`story_outlets`), and the days of its timeline (`story_events`).

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{params, Transaction};

use crate::model::Document;
use crate::query::outlet;

/// A story's structure as the query language asks about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    /// Distinct outlets among the listed sources (by name, else by site).
    pub outlets: u32,
    /// Sentences that cite at least one source.
    pub claims: u32,
    /// Distinct numbers cited that the source list does not hold.
    pub unresolved: u32,
    /// Claims that cite exactly one listed source.
    pub single: u32,
    /// The language of its text, ISO 639-1, when it can be told.
    pub lang: Option<String>,
    /// Every key of every listed source ([`outlet::keys`]), and whether a claim
    /// or an event cites a source known by it.
    pub keys: BTreeMap<String, bool>,
    /// The days of its dated timeline events, as sort keys (`2026-01-00`).
    pub event_days: BTreeSet<String>,
}

/// The fewest letters of text whose language is worth telling.
const LANG_MIN_CHARS: usize = 24;

impl Facts {
    pub fn of(doc: &Document) -> Facts {
        let listed: BTreeSet<u32> = doc.sources.iter().map(|s| s.n).collect();
        let mut cited: BTreeSet<u32> = BTreeSet::new();
        let mut unresolved: BTreeSet<u32> = BTreeSet::new();
        let mut facts = Facts::default();
        for s in doc.sentences().filter(|s| !s.citations.is_empty()) {
            facts.claims += 1;
            let backing: BTreeSet<u32> = s
                .citations
                .iter()
                .copied()
                .filter(|n| listed.contains(n))
                .collect();
            if backing.len() == 1 {
                facts.single += 1;
            }
            cited.extend(&s.citations);
        }
        for e in &doc.timeline {
            cited.extend(&e.citations);
            if e.date.year.is_some() {
                facts.event_days.insert(day_key(&e.date));
            }
        }
        unresolved.extend(cited.iter().filter(|n| !listed.contains(n)));
        facts.unresolved = unresolved.len() as u32;
        let mut outlets: BTreeSet<String> = BTreeSet::new();
        for source in &doc.sources {
            let keys = outlet::keys(source);
            // An outlet is its name, else its site (the shortest domain).
            if let Some(name) = source
                .outlet
                .as_deref()
                .filter(|o| !o.trim().is_empty())
                .map(|_| keys[0].clone())
                .or_else(|| keys.last().cloned())
            {
                outlets.insert(name);
            }
            let is_cited = cited.contains(&source.n);
            for key in keys {
                *facts.keys.entry(key).or_insert(false) |= is_cited;
            }
        }
        facts.outlets = outlets.len() as u32;
        facts.lang = language(doc);
        facts
    }
}

/// A partial date as a sort key: `2026-01-05`, `2026-01-00`, `2026-00-00`.
pub(super) fn day_key(d: &crate::model::PartialDate) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        d.year.unwrap_or(0).clamp(0, 9999),
        d.month.unwrap_or(0),
        d.day.unwrap_or(0)
    )
}

/// The language of the headline and lead (or first section), as ISO 639-1,
/// when whatlang is sure of it.
fn language(doc: &Document) -> Option<String> {
    let mut text = doc.title.clone();
    let paragraphs = doc
        .lead
        .iter()
        .chain(doc.sections.iter().flat_map(|s| s.paragraphs.iter()));
    for p in paragraphs.take(3) {
        text.push_str(". ");
        text.push_str(&p.text());
    }
    if text.chars().filter(|c| c.is_alphabetic()).count() < LANG_MIN_CHARS {
        return None;
    }
    let info = whatlang::detect(&text).filter(|i| i.is_reliable())?;
    let code = isolang::Language::from_639_3(info.lang().code())?.to_639_1()?;
    Some(code.to_string())
}

/// Writes `facts` for the document `id`: its columns, outlet keys and event
/// days, replacing any it had.
pub(super) fn put(tx: &rusqlite::Connection, id: i64, facts: &Facts) -> rusqlite::Result<()> {
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
    tx.prepare_cached("DELETE FROM story_outlets WHERE doc = ?1")?
        .execute([id])?;
    tx.prepare_cached("DELETE FROM story_events WHERE doc = ?1")?
        .execute([id])?;
    let mut key =
        tx.prepare_cached("INSERT INTO story_outlets (key, doc, cited) VALUES (?1, ?2, ?3)")?;
    for (k, cited) in &facts.keys {
        key.execute(params![k, id, cited])?;
    }
    let mut day = tx.prepare_cached("INSERT INTO story_events (day, doc) VALUES (?1, ?2)")?;
    for d in &facts.event_days {
        day.execute(params![d, id])?;
    }
    Ok(())
}

/// Schema step 8 -> 9: the facts of every stored document. A document whose
/// JSON does not read keeps no facts (its counts stay 0), as `show` reports it.
pub(super) fn add_facts(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(FACTS_SCHEMA)?;
    let mut read = tx.prepare("SELECT id, json FROM documents")?;
    let mut rows = read.query([])?;
    while let Some(row) = rows.next()? {
        let (id, stored): (i64, Vec<u8>) = (row.get(0)?, super::codec::column(row, 1)?);
        let Some(doc) = super::codec::unpack(&stored)
            .ok()
            .and_then(|json| serde_json::from_slice::<Document>(&json).ok())
        else {
            continue;
        };
        put(tx, id, &Facts::of(&doc))?;
    }
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
    CREATE INDEX story_outlets_doc ON story_outlets(doc);
    CREATE TABLE story_events (
        day TEXT NOT NULL,
        doc INTEGER NOT NULL,
        PRIMARY KEY (day, doc)
    ) WITHOUT ROWID;
    CREATE INDEX story_events_doc ON story_events(doc);
    CREATE TRIGGER documents_facts_gone AFTER DELETE ON documents BEGIN
        DELETE FROM story_outlets WHERE doc = old.id;
        DELETE FROM story_events WHERE doc = old.id;
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
