//! Same link, one story: a feed item whose canonical link (`links::canonical`)
//! is already stored from another feed becomes a further source of that story
//! instead of a row of its own, and removing a feed keeps what another feed
//! also brought. `story_links` knows each stored feed item's canonical link,
//! `story_feeds` every feed (and its item key) that brought a story, so the
//! same item arriving again from either feed finds its story by one indexed
//! lookup and changes nothing.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::write::{legacy_key, rewrite, Change};
use super::{sql_err, Store, StoreError};
use crate::links::canonical;
use crate::model::{Document, Kind, Source};

/// The tables of the schema step, and the trigger that takes a removed
/// story's links and feeds with it. `story_feeds.source` is the source a
/// merged item added to the story (its JSON), NULL for the item the story
/// was stored from.
const LINKS_SCHEMA: &str = "CREATE TABLE story_links (
        url TEXT PRIMARY KEY,
        doc INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX story_links_doc ON story_links(doc);
    CREATE TABLE story_feeds (
        feed   TEXT NOT NULL,
        key    TEXT NOT NULL,
        doc    INTEGER NOT NULL,
        source TEXT,
        PRIMARY KEY (feed, key)
    ) WITHOUT ROWID;
    CREATE INDEX story_feeds_doc ON story_feeds(doc, feed);
    CREATE TRIGGER documents_links_gone AFTER DELETE ON documents BEGIN
        DELETE FROM story_links WHERE doc = old.id;
        DELETE FROM story_feeds WHERE doc = old.id;
    END;";

/// The parts of a stored document's JSON its link is read from.
#[derive(serde::Deserialize)]
struct Linked {
    #[serde(default)]
    sources: Vec<LinkedSource>,
}

#[derive(serde::Deserialize)]
struct LinkedSource {
    n: u32,
    url: Option<String>,
}

/// Schema step: the tables, filled from every stored feed item (its link, its
/// feed and key), the oldest first, so a link already stored twice stays with
/// the first row that had it. Stories stored apart before stay apart.
pub(super) fn add_links(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(LINKS_SCHEMA)?;
    let mut read =
        tx.prepare("SELECT id, doc_key, feed, json FROM documents WHERE item ORDER BY id")?;
    let mut link = tx.prepare("INSERT OR IGNORE INTO story_links (url, doc) VALUES (?1, ?2)")?;
    let mut feed =
        tx.prepare("INSERT OR IGNORE INTO story_feeds (feed, key, doc) VALUES (?1, ?2, ?3)")?;
    let mut rows = read.query([])?;
    while let Some(r) = rows.next()? {
        let (id, key, name): (i64, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
        feed.execute(params![name, key, id])?;
        let url = super::codec::unpack(&super::codec::column(r, 3)?)
            .ok()
            .and_then(|json| serde_json::from_slice::<Linked>(&json).ok())
            .and_then(|d| d.sources.into_iter().find(|s| s.n == 1)?.url)
            .and_then(|url| canonical(&url));
        if let Some(url) = url {
            link.execute(params![url, id])?;
        }
    }
    Ok(())
}

/// A document being imported, as same-link merging sees it: a feed item's
/// canonical link and the feed it is listed under.
pub(super) struct Arrival {
    item: Option<(String, String)>,
    /// A feed brought it (a refresh, a feed file), not an export or a page.
    from_feed: bool,
}

impl Arrival {
    /// `feed` is what [`super::Importer::put`] was given.
    pub(super) fn of(doc: &Document, feed: Option<&str>) -> Arrival {
        let item = (doc.kind == Kind::Article && doc.item_id.is_some())
            .then(|| doc.link().and_then(canonical))
            .flatten()
            .map(|link| (link, super::feed_name(doc, feed)));
        Arrival {
            item,
            from_feed: feed.is_some(),
        }
    }

    /// Merges the item into the story another feed stored under the same
    /// link: adds it as a source and says `Updated`; `Unchanged` when it was
    /// merged before (this feed, this item key). `None` leaves it to its own
    /// identity: no story has its link, its own row does, or the story is of
    /// its own feed.
    pub(super) fn merge(
        &self,
        conn: &Connection,
        doc: &Document,
        key: &str,
    ) -> rusqlite::Result<Option<Change>> {
        let Some((link, feed)) = self.item.as_ref().filter(|_| self.from_feed) else {
            return Ok(None);
        };
        let found: Option<i64> = conn
            .prepare_cached("SELECT doc FROM story_links WHERE url = ?1")?
            .query_row([link], |r| r.get(0))
            .optional()?;
        let Some(id) = found else {
            return Ok(None);
        };
        let (row_feed, row_key): (String, String) = conn
            .prepare_cached("SELECT feed, doc_key FROM documents WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let member: Option<i64> = conn
            .prepare_cached("SELECT doc FROM story_feeds WHERE feed = ?1 AND key = ?2")?
            .query_row([feed, key], |r| r.get(0))
            .optional()?;
        if let Some(member) = member {
            // Known already: in its own row (stored apart before merging
            // was, or the story's own), which decides as before; or merged.
            let own = match member == id {
                true => row_key == key,
                false => conn
                    .prepare_cached("SELECT doc_key = ?2 FROM documents WHERE id = ?1")?
                    .query_row(params![member, key], |r| r.get(0))
                    .optional()?
                    .unwrap_or(false),
            };
            return Ok((!own).then_some(Change::Unchanged));
        }
        if row_feed == *feed {
            return Ok(None);
        }
        // A row of its own (stored before its feed was known, or under the
        // key older stores gave it) keeps it.
        let own: Option<i64> = conn
            .prepare_cached("SELECT id FROM documents WHERE doc_key IN (?1, ?2) AND id <> ?3")?
            .query_row(params![key, legacy_key(doc), id], |r| r.get(0))
            .optional()?;
        if own.is_some() {
            return Ok(None);
        }
        let Some(mut story) = stored(conn, id)? else {
            return Ok(None);
        };
        let source = as_source(doc, feed, next_number(&story));
        let known = has_source(&story, &source);
        if !known {
            story.sources.push(source.clone());
            let text = format!(
                "{} {} {}",
                source.outlet.as_deref().unwrap_or(""),
                source.title,
                source.summary.as_deref().unwrap_or("")
            );
            rewrite(conn, id, &story, Some(&text))?;
        }
        conn.prepare_cached(
            "INSERT OR REPLACE INTO story_feeds (feed, key, doc, source) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![
            feed,
            key,
            id,
            (!known).then(|| serde_json::to_string(&source).expect("sources serialize"))
        ])?;
        // A story that lists its source already (an export of it imported)
        // only learns the feed brought it too.
        Ok(Some(match known {
            true => Change::Unchanged,
            false => Change::Updated,
        }))
    }

    /// Records the row `id` the item was just stored in (added, or `updated`
    /// in place) under its link and feed; an update gets back the sources other
    /// feeds added to it, which the new version written over it lacks.
    pub(super) fn record(
        &self,
        conn: &Connection,
        id: i64,
        doc: &Document,
        key: &str,
        updated: bool,
    ) -> rusqlite::Result<()> {
        if let Some((link, feed)) = &self.item {
            conn.prepare_cached("INSERT OR IGNORE INTO story_links (url, doc) VALUES (?1, ?2)")?
                .execute(params![link, id])?;
            // An update from an export keeps the row's feed, which may not be
            // the one its document names.
            if self.from_feed || !updated {
                conn.prepare_cached(
                    "INSERT OR IGNORE INTO story_feeds (feed, key, doc) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![feed, key, id])?;
            }
        }
        if updated {
            let added = member_sources(conn, id)?;
            let mut story = doc.clone();
            let mut changed = false;
            for mut source in added {
                if !has_source(&story, &source) {
                    source.n = next_number(&story);
                    story.sources.push(source);
                    changed = true;
                }
            }
            if changed {
                rewrite(conn, id, &story, None)?;
            }
        }
        Ok(())
    }
}

/// Lets the feed `feed` go from the story `id` when another feed also
/// brought it: its membership goes, and the source it added (when it was
/// merged in); when the story is listed under it, it is listed under the other
/// feed from now on (keeping the text and source it came with). False, and
/// nothing changed, when no other feed brought it: removing the feed removes
/// the story.
pub(super) fn release(conn: &Connection, id: i64, feed: &str) -> rusqlite::Result<bool> {
    let other: Option<String> = conn
        .prepare_cached("SELECT feed FROM story_feeds WHERE doc = ?1 AND feed <> ?2 LIMIT 1")?
        .query_row(params![id, feed], |r| r.get(0))
        .optional()?;
    let Some(other) = other else {
        return Ok(false);
    };
    let added: Vec<Option<String>> = conn
        .prepare_cached("DELETE FROM story_feeds WHERE doc = ?1 AND feed = ?2 RETURNING source")?
        .query_map(params![id, feed], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let added: Vec<Source> = added
        .iter()
        .flatten()
        .filter_map(|json| serde_json::from_str(json).ok())
        .collect();
    if !added.is_empty() {
        if let Some(mut story) = stored(conn, id)? {
            let before = story.sources.len();
            story.sources.retain(|s| {
                s.n == 1 || !added.iter().any(|a| a.url == s.url && a.title == s.title)
            });
            if story.sources.len() != before {
                rewrite(conn, id, &story, None)?;
            }
        }
    }
    conn.prepare_cached("UPDATE documents SET feed = ?3 WHERE id = ?1 AND feed = ?2")?
        .execute(params![id, feed, other])?;
    Ok(true)
}

/// The stories a feed brought, as removing the feed sees them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedStories {
    /// Uids of the stories it alone brought (listed under it, or merged from it).
    pub only: Vec<String>,
    /// Row ids of those another feed also brought.
    pub shared: Vec<i64>,
}

impl Store {
    /// The stories the feed `feed` brought: those listed under it and those it
    /// brought into another feed's story, split by whether another feed also
    /// brought them.
    pub fn feed_stories(&self, feed: &str) -> Result<FeedStories, StoreError> {
        let err = sql_err(&self.path, "find a feed's stories");
        let mut stmt = self
            .conn
            .prepare(
                "SELECT d.id, d.uid, EXISTS (
                     SELECT 1 FROM story_feeds f WHERE f.doc = d.id AND f.feed <> ?1)
                 FROM documents d
                 WHERE d.feed = ?1 OR d.id IN (SELECT doc FROM story_feeds WHERE feed = ?1)
                 ORDER BY d.sort_key DESC, d.id DESC",
            )
            .map_err(err)?;
        let rows = stmt
            .query_map([feed], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(err)?;
        let mut stories = FeedStories::default();
        for row in rows {
            let (id, uid, shared): (i64, String, bool) = row.map_err(err)?;
            match shared {
                true => stories.shared.push(id),
                false => stories.only.push(uid),
            }
        }
        Ok(stories)
    }

    /// Lets the feed `feed` go from the stories `ids` another feed also
    /// brought (see [`release`]), in one transaction; how many stayed.
    pub fn release_feed(&mut self, feed: &str, ids: &[i64]) -> Result<usize, StoreError> {
        let err = sql_err(&self.path, "keep the stories another feed brought");
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(err)?;
        let mut kept = 0;
        for &id in ids {
            kept += usize::from(release(&tx, id, feed).map_err(err)?);
        }
        tx.commit().map_err(err)?;
        Ok(kept)
    }
}

/// The feed `old` is called `new` from now on (a subscription renamed): the
/// stories it brought know it by its new name.
pub(super) fn rename_feed(conn: &Connection, old: &str, new: &str) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE OR IGNORE story_feeds SET feed = ?2 WHERE feed = ?1",
        params![old, new],
    )?;
    Ok(())
}

/// The sources other feeds added to the story `id`, in the order they came.
fn member_sources(conn: &Connection, id: i64) -> rusqlite::Result<Vec<Source>> {
    let json: Vec<String> = conn
        .prepare_cached(
            "SELECT source FROM story_feeds WHERE doc = ?1 AND source IS NOT NULL
             ORDER BY feed, key",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(json
        .iter()
        .filter_map(|j| serde_json::from_str(j).ok())
        .collect())
}

/// The stored document `id`; `None` when its JSON does not read.
fn stored(conn: &Connection, id: i64) -> rusqlite::Result<Option<Document>> {
    let packed: Vec<u8> = conn
        .prepare_cached("SELECT json FROM documents WHERE id = ?1")?
        .query_row([id], |r| super::codec::column(r, 0))?;
    Ok(super::codec::unpack(&packed)
        .ok()
        .and_then(|json| serde_json::from_slice(&json).ok()))
}

/// The source a merged item adds: its link, under its outlet (the feed's
/// title, else the site), its headline, and the day it was published.
fn as_source(item: &Document, feed: &str, n: u32) -> Source {
    let own = item.source(1);
    Source {
        n,
        outlet: own
            .and_then(|s| s.outlet.clone())
            .or_else(|| Some(feed.to_string())),
        title: item.title.clone(),
        summary: item.published.as_ref().map(|d| d.label.clone()),
        url: item.link().map(str::to_string),
    }
}

fn next_number(doc: &Document) -> u32 {
    doc.sources.iter().map(|s| s.n).max().unwrap_or(0) + 1
}

/// True when the story lists `source` already (its link, outlet and title;
/// its own link is the same story's under another feed's name).
fn has_source(doc: &Document, source: &Source) -> bool {
    doc.sources
        .iter()
        .any(|s| s.url == source.url && s.outlet == source.outlet && s.title == source.title)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Paragraph, PartialDate, Sentence};
    use crate::store::{MaxItems, Rules, View};

    /// An item of the feed `feed` (its guid `guid`) linking to `url`.
    fn item(feed: &str, guid: &str, title: &str, url: &str) -> Document {
        let mut d = Document::new(Kind::Article, title.into());
        d.item_id = Some(format!("guid:{feed} | {guid}"));
        d.published = Some(PartialDate {
            label: "20 Sep 2025".into(),
            year: Some(2025),
            month: Some(9),
            day: Some(20),
            part: None,
            time: None,
        });
        d.lead.push(Paragraph {
            sentences: vec![Sentence {
                text: format!("{title}, as {feed} tells it."),
                citations: Vec::new(),
            }],
        });
        d.sources.push(Source {
            n: 1,
            outlet: Some(feed.into()),
            title: title.into(),
            summary: None,
            url: Some(url.into()),
        });
        d
    }

    /// The Coastal Wire's item on the port, at `url`.
    fn wire_item(url: &str) -> Document {
        item("Coastal Wire", "1", "Port reopens", url)
    }

    /// The Harbour Gazette's item on the port, at `url`.
    fn paper_item(url: &str) -> Document {
        item("Harbour Gazette", "9", "Port open", url)
    }

    fn put(store: &mut Store, feed: &str, docs: &[&Document]) -> Vec<Change> {
        let mut import = store.begin_import().unwrap();
        let changes = docs
            .iter()
            .map(|d| import.put(d, Some(feed), Some(feed)).unwrap())
            .collect();
        import.commit().unwrap();
        changes
    }

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        (dir, store)
    }

    #[test]
    fn the_same_link_from_two_feeds_is_one_story_with_both_sources() {
        let (_dir, mut store) = store();
        let wire = item(
            "Coastal Wire",
            "w-1",
            "Port reopens",
            "https://port.example/news/reopens",
        );
        let paper = item(
            "Harbour Gazette",
            "g-77",
            "Port reopens after attack",
            "http://www.port.example/news/reopens/?utm_source=rss&utm_medium=feed#top",
        );
        assert_eq!(put(&mut store, "Coastal Wire", &[&wire]), [Change::Added]);
        let uid = store.list(10, false, 0).unwrap()[0].uid.clone();
        store.set_read(&uid, true).unwrap();
        store.set_saved(&uid, true).unwrap();
        assert_eq!(
            put(&mut store, "Harbour Gazette", &[&paper]),
            [Change::Updated]
        );
        let rows = store.list(10, false, 0).unwrap();
        assert_eq!(rows.len(), 1, "{rows:?}");
        let row = &rows[0];
        assert_eq!((row.feeds, row.outlets, row.source_count), (2, 2, 2));
        assert_eq!(
            row.feed, "Coastal Wire",
            "listed under the feed that brought it first"
        );
        assert!(row.read && row.saved, "its marks are the story's: kept");
        let stored = store.get(&uid).unwrap().doc;
        assert_eq!(stored.lead, wire.lead, "the text is the first feed's");
        let added = &stored.sources[1];
        assert_eq!(
            (added.n, added.outlet.as_deref(), added.title.as_str()),
            (2, Some("Harbour Gazette"), "Port reopens after attack")
        );
        assert_eq!(added.summary.as_deref(), Some("20 Sep 2025"));
        let found = store.search(&crate::query::parsed("gazette"), 10).unwrap();
        assert_eq!(found.len(), 1, "the search index knows the new source");

        assert_eq!(
            put(&mut store, "Harbour Gazette", &[&paper]),
            [Change::Unchanged]
        );
        assert_eq!(
            put(&mut store, "Coastal Wire", &[&wire]),
            [Change::Unchanged]
        );
        assert_eq!(store.get(&uid).unwrap().doc.sources.len(), 2);
        assert_eq!(store.count().unwrap(), 1);
    }

    #[test]
    fn a_corrected_item_of_the_first_feed_keeps_the_sources_others_added() {
        let (_dir, mut store) = store();
        let wire = item(
            "Coastal Wire",
            "w-1",
            "Port reopens",
            "https://port.example/a",
        );
        let paper = item(
            "Harbour Gazette",
            "g-1",
            "Port is open",
            "https://amp.port.example/a.amp",
        );
        put(&mut store, "Coastal Wire", &[&wire]);
        put(&mut store, "Harbour Gazette", &[&paper]);
        let mut corrected = wire.clone();
        corrected.title = "Port reopens after six days".into();
        assert_eq!(
            put(&mut store, "Coastal Wire", &[&corrected]),
            [Change::Updated]
        );
        let row = &store.list(10, false, 0).unwrap()[0];
        assert_eq!(row.title, "Port reopens after six days");
        assert_eq!((row.feeds, row.outlets, row.source_count), (2, 2, 2));
        assert_eq!(
            put(&mut store, "Coastal Wire", &[&corrected]),
            [Change::Unchanged]
        );
        assert_eq!(
            put(&mut store, "Harbour Gazette", &[&paper]),
            [Change::Unchanged]
        );
        assert_eq!(store.get(&row.uid).unwrap().doc.sources.len(), 2);
    }

    #[test]
    fn links_that_differ_stay_apart_and_one_feed_keeps_its_own_items() {
        let (_dir, mut store) = store();
        let a = wire_item("https://port.example/story?id=123");
        let b = item(
            "Harbour Gazette",
            "2",
            "Port reopens",
            "https://port.example/story?id=124",
        );
        let c = item(
            "Harbour Gazette",
            "3",
            "Port reopens",
            "https://port.example/story/live",
        );
        // Two items of one feed sharing a link stay two, as before.
        let d = item(
            "Coastal Wire",
            "4",
            "Port reopens, update",
            "https://port.example/story?id=123",
        );
        put(&mut store, "Coastal Wire", &[&a, &d]);
        put(&mut store, "Harbour Gazette", &[&b, &c]);
        let rows = store.list(10, false, 0).unwrap();
        assert_eq!(rows.len(), 4);
        assert!(
            rows.iter().all(|r| r.feeds == 1 && r.outlets == 1),
            "{rows:?}"
        );
    }

    #[test]
    fn pages_and_exports_never_join_a_feeds_story() {
        let (_dir, mut store) = store();
        let wire = item(
            "Coastal Wire",
            "w-1",
            "Port reopens",
            "https://port.example/a",
        );
        put(&mut store, "Coastal Wire", &[&wire]);
        // The same item re-imported from an export names no feed.
        let mut import = store.begin_import().unwrap();
        assert_eq!(import.put(&wire, None, None).unwrap(), Change::Unchanged);
        // Another feed's item from an export: its own row, under its outlet.
        let paper = paper_item("https://port.example/a");
        assert_eq!(import.put(&paper, None, None).unwrap(), Change::Added);
        let mut page = Document::new(Kind::Article, "Port reopens".into());
        page.sources = wire.sources.clone();
        assert_eq!(import.put(&page, None, None).unwrap(), Change::Added);
        import.commit().unwrap();
        assert_eq!(store.count().unwrap(), 3);
        assert_eq!(
            put(&mut store, "My gazette", &[&paper]),
            [Change::Unchanged],
            "its own row keeps it when its subscription brings it"
        );
        let rows = store.list(3, false, 0).unwrap();
        assert!(rows.iter().all(|r| r.source_count == 1), "{rows:?}");
    }

    #[test]
    fn removing_a_feed_keeps_what_another_feed_also_brought() {
        let (_dir, mut store) = store();
        let shared_a = wire_item("https://port.example/a");
        let alone = item(
            "Coastal Wire",
            "2",
            "Ferry delayed",
            "https://port.example/b",
        );
        let shared_b = paper_item("https://m.port.example/a/");
        put(&mut store, "Coastal Wire", &[&shared_a, &alone]);
        put(&mut store, "Harbour Gazette", &[&shared_b]);
        let gazette = store.feed_stories("Harbour Gazette").unwrap();
        assert!(gazette.only.is_empty());
        assert_eq!(gazette.shared.len(), 1);
        let wire = store.feed_stories("Coastal Wire").unwrap();
        assert_eq!((wire.only.len(), wire.shared.len()), (1, 1));

        // The feed that merged in goes: the story stays, without its source.
        assert_eq!(
            store
                .release_feed("Harbour Gazette", &gazette.shared)
                .unwrap(),
            1
        );
        let row = store
            .list(10, false, 0)
            .unwrap()
            .into_iter()
            .find(|r| r.title == "Port reopens")
            .unwrap();
        assert_eq!((row.feeds, row.outlets, row.source_count), (1, 1, 1));
        assert_eq!(row.feed, "Coastal Wire");

        // Merged again, then the feed it is listed under goes: it stays, under the other.
        put(&mut store, "Harbour Gazette", &[&shared_b]);
        let wire = store.feed_stories("Coastal Wire").unwrap();
        assert_eq!(store.release_feed("Coastal Wire", &wire.shared).unwrap(), 1);
        let row = store
            .list(10, false, 0)
            .unwrap()
            .into_iter()
            .find(|r| r.title == "Port reopens")
            .unwrap();
        assert_eq!(row.feed, "Harbour Gazette");
        assert_eq!(row.feeds, 1);
        assert_eq!(
            store.feed_stories("Coastal Wire").unwrap().shared,
            Vec::<i64>::new()
        );
        assert_eq!(
            put(&mut store, "Harbour Gazette", &[&shared_b]),
            [Change::Unchanged],
            "the feed it is listed under now finds it by its own key"
        );
        assert_eq!(store.count().unwrap(), 2);
    }

    #[test]
    fn a_feeds_max_items_never_prunes_a_story_another_feed_brought() {
        let (_dir, mut store) = store();
        let mut older = wire_item("https://port.example/a");
        older.published.as_mut().unwrap().day = Some(1);
        let newer = item(
            "Coastal Wire",
            "2",
            "Ferry delayed",
            "https://port.example/b",
        );
        let merged = paper_item("https://port.example/a");
        put(&mut store, "Coastal Wire", &[&older, &newer]);
        put(&mut store, "Harbour Gazette", &[&merged]);
        let rules = Rules {
            before: None,
            max_items: MaxItems {
                default: 1,
                feeds: Default::default(),
            },
        };
        let plan = store.plan_prune(&rules).unwrap();
        assert_eq!(plan.len(), 1);
        assert_eq!(store.prune(&plan, |_, _| {}).unwrap(), 0, "nothing removed");
        let rows = store.list(10, false, 0).unwrap();
        assert_eq!(rows.len(), 2);
        let kept = rows.iter().find(|r| r.title == "Port reopens").unwrap();
        assert_eq!(kept.feed, "Harbour Gazette", "now the other feed's alone");
    }

    #[test]
    fn a_renamed_subscription_still_knows_the_stories_it_brought() {
        let (_dir, mut store) = store();
        store.subscribe("Coastal Wire", None).unwrap();
        let wire = wire_item("https://port.example/a");
        let paper = paper_item("https://port.example/a");
        put(&mut store, "Coastal Wire", &[&wire]);
        put(&mut store, "Harbour Gazette", &[&paper]);
        store.subscribe("Coastal Wire", Some("Wire")).unwrap();
        let row = &store.list(1, false, 0).unwrap()[0];
        assert_eq!((row.feed.as_str(), row.feeds), ("Wire", 2));
        let wire_stories = store.feed_stories("Wire").unwrap();
        assert_eq!(wire_stories.shared.len(), 1);
        assert!(store
            .feed_stories("Coastal Wire")
            .unwrap()
            .shared
            .is_empty());
        assert_eq!(put(&mut store, "Wire", &[&wire]), [Change::Unchanged]);
        assert_eq!(store.count().unwrap(), 1);
    }

    #[test]
    fn a_merged_story_exported_and_imported_elsewhere_stays_one_story() {
        let (_dir, mut store) = store();
        let wire = wire_item("https://port.example/a");
        let paper = paper_item("https://port.example/a#x");
        put(&mut store, "Coastal Wire", &[&wire]);
        put(&mut store, "Harbour Gazette", &[&paper]);
        let uid = store.list(1, false, 0).unwrap()[0].uid.clone();
        let exported = store.get(&uid).unwrap().doc;
        let (_other_dir, mut other) = self::store();
        assert_eq!(
            put(&mut other, "Coastal Wire", &[&exported]),
            [Change::Added]
        );
        assert_eq!(
            put(&mut other, "Harbour Gazette", &[&paper]),
            [Change::Unchanged],
            "it lists the source already"
        );
        let row = &other.list(5, false, 0).unwrap()[0];
        assert_eq!((row.feeds, row.outlets, row.source_count), (2, 2, 2));
        assert_eq!(other.count().unwrap(), 1);
    }

    #[test]
    fn a_source_another_feed_adds_counts_in_the_outlets_of_the_thread() {
        let (_dir, mut store) = store();
        let strike = "Harbour ferry strike halts every crossing as the union walks out";
        let again = "Harbour ferry strike halts every crossing as union walks out again";
        put(
            &mut store,
            "Wire",
            &[&item("Wire", "1", strike, "https://wire.example/a")],
        );
        put(
            &mut store,
            "Daily",
            &[&item("Daily", "1", again, "https://daily.example/b")],
        );
        let outlets = |store: &Store| {
            let rows = store
                .list_view(&View::heads(), crate::store::Sort::Newest, 10, 0)
                .unwrap();
            assert_eq!(rows.len(), 1, "one thread: {rows:?}");
            rows[0].thread.clone().unwrap().outlets
        };
        assert_eq!(outlets(&store), Some(2));
        put(
            &mut store,
            "Post",
            &[&item(
                "Post",
                "9",
                strike,
                "https://wire.example/a?utm_source=x",
            )],
        );
        assert_eq!(
            outlets(&store),
            Some(3),
            "the Post's source joined the Wire's story"
        );
    }

    #[test]
    fn a_removed_story_takes_its_links_and_feeds_with_it() {
        let (_dir, mut store) = store();
        let wire = wire_item("https://port.example/a");
        let paper = paper_item("https://port.example/a");
        put(&mut store, "Coastal Wire", &[&wire]);
        put(&mut store, "Harbour Gazette", &[&paper]);
        let uid = store.list(1, false, 0).unwrap()[0].uid.clone();
        store.remove(&uid).unwrap();
        let left: i64 = store
            .conn
            .query_row(
                "SELECT (SELECT count(*) FROM story_links) + (SELECT count(*) FROM story_feeds)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(left, 0);
        assert_eq!(
            put(&mut store, "Harbour Gazette", &[&paper]),
            [Change::Added]
        );
    }

    #[test]
    fn the_schema_step_learns_the_links_and_feeds_of_stored_items() {
        let (_dir, mut store) = store();
        let wire = wire_item("https://port.example/a?utm_source=x");
        let twin = item(
            "Coastal Wire",
            "2",
            "Port reopens again",
            "https://port.example/a",
        );
        put(&mut store, "Coastal Wire", &[&wire, &twin]);
        // Stored apart from them (no feed named: as an older store did).
        let apart = item(
            "Harbour Gazette",
            "8",
            "Port reopens",
            "https://m.port.example/a",
        );
        let mut import = store.begin_import().unwrap();
        assert_eq!(import.put(&apart, None, None).unwrap(), Change::Added);
        import.commit().unwrap();
        store
            .conn
            .execute_batch(
                "DROP TRIGGER documents_links_gone; DROP TABLE story_links; DROP TABLE story_feeds;",
            )
            .unwrap();
        let tx = store.conn.transaction().unwrap();
        add_links(&tx).unwrap();
        tx.commit().unwrap();
        let links: Vec<(String, i64)> = store
            .conn
            .prepare("SELECT url, doc FROM story_links")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(links.len(), 1, "one link, the first row's: {links:?}");
        assert_eq!(links[0].0, "https://port.example/a");
        assert_eq!(
            put(&mut store, "Harbour Gazette", &[&apart]),
            [Change::Unchanged],
            "a story stored apart stays apart, its own"
        );
        let paper = paper_item("https://www.port.example/a");
        assert_eq!(
            put(&mut store, "Harbour Gazette", &[&paper]),
            [Change::Updated]
        );
        assert_eq!(
            put(&mut store, "Coastal Wire", &[&wire, &twin]),
            [Change::Unchanged; 2]
        );
        assert_eq!(store.count().unwrap(), 3);
        let rows = store.list(3, false, 0).unwrap();
        let sources: u32 = rows.iter().map(|r| r.source_count).sum();
        assert_eq!(sources, 4, "one source added, to the first: {rows:?}");
    }
}
