//! Keeping the store to size (newsboat's `max-items` and `keep-articles-days`):
//! which stories a prune removes (older than a day, beyond a feed's newest
//! `max_items`; never a saved one), removing them in bounded transactions so the
//! write-ahead log stays small and other processes get their turn, and the
//! store's own upkeep: its size and what fills it, and `VACUUM`. Works from the
//! list's columns only (`sort_key`, `is_saved`, `feed`), never the document JSON.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, TransactionBehavior};

use super::schema::FILL_SEARCH_WORDS;
use super::write::{doc_key, sort_key};
use super::{sql_err, Store, StoreError};
use crate::model::Document;

/// Stories removed per transaction: a thousand keeps each commit (and the
/// write-ahead log it grows: 66 MiB, where 2,000 took 118 MiB, since deleting
/// from the search index writes much of it) small, and lets a reader's marks or
/// a refresh in another process in between (they wait up to the busy timeout,
/// 10 s). Figures: docs/performance.md.
pub const PRUNE_BATCH: usize = 1_000;

/// The `app_state` name under which the last `VACUUM` is remembered.
const LAST_VACUUM: &str = "last_vacuum";

/// How many stories each feed keeps: the newest `max_items` by date that are not
/// saved (saved stories are always kept and do not count). 0 keeps them all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MaxItems {
    /// Every feed's, unless `feeds` names it.
    pub default: u64,
    /// By feed name (as `tidings feeds` lists it).
    pub feeds: BTreeMap<String, u64>,
}

impl MaxItems {
    /// The limit of `feed`; 0 is none.
    pub fn of(&self, feed: &str) -> u64 {
        self.feeds.get(feed).copied().unwrap_or(self.default)
    }

    /// True when no feed has a limit.
    pub fn is_off(&self) -> bool {
        self.default == 0 && self.feeds.values().all(|&n| n == 0)
    }
}

/// What a prune removes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rules {
    /// Stories dated before this day (their latest news, else the day they were
    /// stored: the list's `sort_key`).
    pub before: Option<NaiveDate>,
    /// Stories beyond each feed's newest N.
    pub max_items: MaxItems,
}

/// One feed's share of a prune.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedPrune {
    pub feed: String,
    /// Stories older than the rule's day.
    pub older: u64,
    /// Stories beyond the feed's max items (and not older).
    pub over: u64,
    /// The feed's max items (0: none).
    pub limit: u64,
}

/// What a prune would remove, found without writing; [`Store::prune`] removes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PrunePlan {
    /// Feeds losing stories, by name.
    pub feeds: Vec<FeedPrune>,
    /// Saved stories the rules reach (older, or beyond a max) and keep.
    pub kept_saved: u64,
    /// Feeds `max_items` names that the store does not hold.
    pub unknown_feeds: Vec<String>,
    /// Rows to remove for their age: removed only if still unsaved and old.
    older: Vec<i64>,
    /// Rows to remove for their feed's max: removed only if still unsaved.
    over: Vec<i64>,
    /// The day of `older`.
    before: Option<String>,
    /// When it was made (Unix seconds): a row stored since, under an id a
    /// removed row left free, is not one it found.
    made_at: i64,
}

impl PrunePlan {
    /// How many stories it removes.
    pub fn len(&self) -> usize {
        self.older.len() + self.over.len()
    }

    /// True when it removes nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The store's size and what fills it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    /// The store file on disk.
    pub file_bytes: u64,
    /// Its write-ahead log on disk (0 when there is none).
    pub wal_bytes: u64,
    /// The database as SQLite sees it (pages × page size, the log's pages too,
    /// free ones too).
    pub database_bytes: u64,
    pub page_size: u64,
    /// Unused pages: what `VACUUM` would give back.
    pub free_pages: u64,
    pub documents: u64,
    pub stories: u64,
    pub articles: u64,
    pub read: u64,
    pub saved: u64,
    /// The document table (rows and their JSON).
    pub documents_table_bytes: u64,
    /// The document table's indexes (the list's, titles, feeds).
    pub documents_index_bytes: u64,
    /// The full-text index, every table of it.
    pub fts_bytes: u64,
    /// Everything else (subscriptions, state, the schema).
    pub other_bytes: u64,
    /// When `VACUUM` last ran (RFC 3339, UTC), if ever.
    pub last_vacuum: Option<String>,
}

/// What `VACUUM` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vacuumed {
    /// Store file and log on disk before and after.
    pub before: u64,
    pub after: u64,
}

/// Lets the story `id` go from the feed it is listed under when another feed
/// also brought it (`store::links::release`) and it is still unsaved and
/// was found by the plan made at `made_at`.
fn release_over(tx: &rusqlite::Connection, id: i64, made_at: i64) -> rusqlite::Result<bool> {
    let feed: Option<String> = tx
        .prepare_cached(
            "SELECT feed FROM documents WHERE id = ?1 AND NOT is_saved AND added_at <= ?2",
        )?
        .query_row(params![id, made_at], |r| r.get(0))
        .optional()?;
    match feed {
        Some(feed) => super::links::release(tx, id, &feed),
        None => Ok(false),
    }
}

impl Store {
    /// Finds what `rules` remove, writing nothing.
    pub fn plan_prune(&self, rules: &Rules) -> Result<PrunePlan, StoreError> {
        let err = sql_err(&self.path, "find the stories to prune");
        let before = rules.before.map(|d| d.format("%Y-%m-%d").to_string());
        let mut feeds: BTreeMap<String, FeedPrune> = BTreeMap::new();
        let mut plan = PrunePlan {
            before: before.clone(),
            made_at: chrono::Utc::now().timestamp(),
            ..PrunePlan::default()
        };
        if let Some(day) = &before {
            let mut stmt = self
                .conn
                .prepare("SELECT id, feed FROM documents WHERE sort_key < ?1 AND NOT is_saved")
                .map_err(err)?;
            let mut rows = stmt.query([day]).map_err(err)?;
            while let Some(row) = rows.next().map_err(err)? {
                plan.older.push(row.get(0).map_err(err)?);
                let feed = row.get_ref(1).map_err(err)?.as_str().unwrap_or_default();
                entry(&mut feeds, feed, &rules.max_items).older += 1;
            }
            plan.kept_saved += self
                .conn
                .query_row(
                    "SELECT count(*) FROM documents WHERE sort_key < ?1 AND is_saved",
                    [day],
                    |r| r.get::<_, u64>(0),
                )
                .map_err(err)?;
        }
        if !rules.max_items.is_off() {
            let totals: Vec<(String, u64)> = {
                let mut stmt = self
                    .conn
                    .prepare("SELECT feed, count(*) FROM documents GROUP BY feed")
                    .map_err(err)?;
                let rows = stmt
                    .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                    .map_err(err)?;
                rows.collect::<Result<_, _>>().map_err(err)?
            };
            let held: HashSet<&str> = totals.iter().map(|(f, _)| f.as_str()).collect();
            plan.unknown_feeds = (rules.max_items.feeds.keys())
                .filter(|f| !held.contains(f.as_str()))
                .cloned()
                .collect();
            let mut stmt = self
                .conn
                .prepare(
                    "SELECT id, sort_key, is_saved FROM documents WHERE feed = ?1
                     ORDER BY sort_key DESC, id DESC",
                )
                .map_err(err)?;
            for (feed, total) in &totals {
                let limit = rules.max_items.of(feed);
                if limit == 0 || *total <= limit {
                    continue;
                }
                let mut unsaved = 0u64;
                let mut rows = stmt.query([feed]).map_err(err)?;
                while let Some(row) = rows.next().map_err(err)? {
                    let older = before.as_deref().is_some_and(|day| {
                        row.get_ref(1).ok().and_then(|v| v.as_str().ok()) < Some(day)
                    });
                    let saved: bool = row.get(2).map_err(err)?;
                    if saved {
                        // Counted among the old ones already when older.
                        if unsaved >= limit && !older {
                            plan.kept_saved += 1;
                        }
                        continue;
                    }
                    unsaved += 1;
                    if unsaved > limit && !older {
                        plan.over.push(row.get(0).map_err(err)?);
                        entry(&mut feeds, feed, &rules.max_items).over += 1;
                    }
                }
            }
        }
        plan.feeds = feeds.into_values().collect();
        Ok(plan)
    }

    /// Removes what `plan` found, [`PRUNE_BATCH`] stories per transaction, each
    /// only if it is still unsaved (and still old, for the age rule): a story
    /// saved meanwhile in the reader stays. `progress(done, total)` is called
    /// after each transaction commits. Returns how many were removed.
    pub fn prune(
        &mut self,
        plan: &PrunePlan,
        mut progress: impl FnMut(usize, usize),
    ) -> Result<u64, StoreError> {
        let err = sql_err(&self.path, "prune stories");
        let total = plan.len();
        let day = plan.before.as_deref().unwrap_or("");
        let batches = (plan.older.chunks(PRUNE_BATCH).map(|b| (b, true)))
            .chain(plan.over.chunks(PRUNE_BATCH).map(|b| (b, false)));
        let (mut done, mut removed) = (0, 0);
        for (batch, by_age) in batches {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(err)?;
            {
                let mut doc = tx
                    .prepare(
                        "DELETE FROM documents WHERE id = ?1 AND NOT is_saved
                         AND (NOT ?2 OR sort_key < ?3) AND added_at <= ?4",
                    )
                    .map_err(err)?;
                let mut fts = tx
                    .prepare("DELETE FROM documents_fts WHERE rowid = ?1")
                    .map_err(err)?;
                for id in batch {
                    // A story beyond its feed's max that another feed also
                    // brought stays, theirs alone.
                    if !by_age && release_over(&tx, *id, plan.made_at).map_err(err)? {
                        continue;
                    }
                    if doc
                        .execute(params![id, by_age, day, plan.made_at])
                        .map_err(err)?
                        > 0
                    {
                        fts.execute([id]).map_err(err)?;
                        removed += 1;
                    }
                }
            }
            tx.commit().map_err(err)?;
            done += batch.len();
            progress(done, total);
        }
        Ok(removed)
    }

    /// For each of `docs` (a document and the feed it would be listed under):
    /// true when its feed's max items would remove it as soon as it landed: it
    /// is not stored, and older than the feed's newest `max_items` unsaved
    /// stories. A refresh leaves these out, so an item the feed still carries
    /// is not added back (and shown as new) only to go again. Stories of the
    /// same day as the last one kept are never left out: new news may be among
    /// them.
    pub fn beyond_max_items<'a>(
        &self,
        max_items: &MaxItems,
        docs: impl IntoIterator<Item = (&'a Document, String)>,
    ) -> Result<Vec<bool>, StoreError> {
        if max_items.is_off() {
            return Ok(docs.into_iter().map(|_| false).collect());
        }
        let err = sql_err(&self.path, "read a feed's max items");
        let mut floor_stmt = self
            .conn
            .prepare_cached(
                "SELECT sort_key FROM documents WHERE feed = ?1 AND NOT is_saved
                 ORDER BY sort_key DESC, id DESC LIMIT 1 OFFSET ?2",
            )
            .map_err(err)?;
        let mut stored = self
            .conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM documents WHERE doc_key = ?1)")
            .map_err(err)?;
        let mut floors: HashMap<String, Option<String>> = HashMap::new();
        let mut beyond = Vec::new();
        for (doc, feed) in docs {
            let limit = max_items.of(&feed);
            if limit == 0 {
                beyond.push(false);
                continue;
            }
            let floor = match floors.get(&feed) {
                Some(floor) => floor.clone(),
                None => {
                    let floor: Option<String> = floor_stmt
                        .query_row(params![feed, limit - 1], |r| r.get(0))
                        .optional()
                        .map_err(err)?;
                    floors.insert(feed, floor.clone());
                    floor
                }
            };
            let older = floor.is_some_and(|f| sort_key(doc) < f);
            beyond.push(
                older
                    && !stored
                        .query_row([doc_key(doc)], |r| r.get::<_, bool>(0))
                        .map_err(err)?,
            );
        }
        Ok(beyond)
    }

    /// Removes the stories beyond the max items of `feeds` (all of them when
    /// `None`), as `tidings prune` with no age does: what a refresh or an import
    /// runs after it commits. Returns how many went.
    pub fn keep_max_items(
        &mut self,
        max_items: &MaxItems,
        feeds: Option<&[String]>,
    ) -> Result<u64, StoreError> {
        if max_items.is_off() {
            return Ok(0);
        }
        let rules = Rules {
            before: None,
            max_items: match feeds {
                // Only these feeds: each at its own limit, every other at none.
                Some(feeds) => MaxItems {
                    default: 0,
                    feeds: feeds.iter().map(|f| (f.clone(), max_items.of(f))).collect(),
                },
                None => max_items.clone(),
            },
        };
        let plan = self.plan_prune(&rules)?;
        self.prune(&plan, |_, _| {})
    }

    /// The store's size and what fills it. The sizes of the tables come from
    /// SQLite's `dbstat`, which reads every page: seconds for a large store.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        let err = sql_err(&self.path, "measure the store");
        let pragma = |name: &str| -> Result<u64, StoreError> {
            self.conn
                .pragma_query_value(None, name, |r| r.get(0))
                .map_err(err)
        };
        let page_size = pragma("page_size")?;
        let mut stats = Stats {
            file_bytes: file_len(&self.path),
            wal_bytes: file_len(&wal_path(&self.path)),
            database_bytes: pragma("page_count")? * page_size,
            page_size,
            free_pages: pragma("freelist_count")?,
            last_vacuum: self.state(LAST_VACUUM)?,
            ..Stats::default()
        };
        {
            let mut stmt = self
                .conn
                .prepare(
                    "SELECT kind, count(*), coalesce(sum(is_read), 0), coalesce(sum(is_saved), 0)
                     FROM documents GROUP BY kind",
                )
                .map_err(err)?;
            let mut rows = stmt.query([]).map_err(err)?;
            while let Some(row) = rows.next().map_err(err)? {
                let kind: String = row.get(0).map_err(err)?;
                let n: u64 = row.get(1).map_err(err)?;
                stats.documents += n;
                match kind.as_str() {
                    "story" => stats.stories += n,
                    _ => stats.articles += n,
                }
                stats.read += row.get::<_, u64>(2).map_err(err)?;
                stats.saved += row.get::<_, u64>(3).map_err(err)?;
            }
        }
        let mut stmt = self
            .conn
            .prepare(
                "SELECT CASE
                     WHEN s.name LIKE 'documents\\_fts%' ESCAPE '\\' THEN 'fts'
                     WHEN s.name = 'documents' THEN 'table'
                     WHEN m.type = 'index' AND m.tbl_name = 'documents' THEN 'indexes'
                     ELSE 'other' END AS part,
                     sum(s.pgsize)
                 FROM dbstat AS s LEFT JOIN sqlite_schema AS m ON m.name = s.name
                 GROUP BY part",
            )
            .map_err(err)?;
        let mut rows = stmt.query([]).map_err(err)?;
        while let Some(row) = rows.next().map_err(err)? {
            let bytes: u64 = row.get(1).map_err(err)?;
            match row.get_ref(0).map_err(err)?.as_str().unwrap_or_default() {
                "fts" => stats.fts_bytes = bytes,
                "table" => stats.documents_table_bytes = bytes,
                "indexes" => stats.documents_index_bytes = bytes,
                _ => stats.other_bytes = bytes,
            }
        }
        Ok(stats)
    }

    /// Folds the write-ahead log into the store and truncates it, then rewrites
    /// the store without its free pages (`VACUUM`: it needs about the store's
    /// size free on disk, and waits for other processes' transactions), and
    /// remembers when. Every document, mark, subscription and setting stays.
    pub fn vacuum(&mut self) -> Result<Vacuumed, StoreError> {
        let path = self.path.clone();
        let err = sql_err(&path, "vacuum the store");
        let before = self.disk_bytes();
        self.checkpoint().map_err(err)?;
        // The words of stories removed since they were stored go too.
        let words =
            format!("BEGIN IMMEDIATE; DELETE FROM search_words; {FILL_SEARCH_WORDS} COMMIT;");
        if let Err(e) = self.conn.execute_batch(&words) {
            let _ = self.conn.execute_batch("ROLLBACK");
            return Err(err(e));
        }
        self.checkpoint().map_err(err)?;
        self.conn.execute_batch("VACUUM").map_err(err)?;
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        self.set_state(LAST_VACUUM, &now)?;
        // VACUUM wrote the whole store through the log: fold it in again.
        self.checkpoint().map_err(err)?;
        Ok(Vacuumed {
            before,
            after: self.disk_bytes(),
        })
    }

    /// The bytes of the pages in use (not free): about what `VACUUM` writes.
    pub fn used_bytes(&self) -> Result<u64, StoreError> {
        self.conn
            .query_row(
                "SELECT (page_count - freelist_count) * page_size
                 FROM pragma_page_count, pragma_freelist_count, pragma_page_size",
                [],
                |r| r.get(0),
            )
            .map_err(sql_err(&self.path, "measure the store"))
    }

    /// The store file and its log, on disk.
    pub fn disk_bytes(&self) -> u64 {
        file_len(&self.path) + file_len(&wal_path(&self.path))
    }

    fn checkpoint(&self) -> rusqlite::Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
    }
}

/// The feed's entry in a plan being made.
fn entry<'a>(
    feeds: &'a mut BTreeMap<String, FeedPrune>,
    feed: &str,
    max_items: &MaxItems,
) -> &'a mut FeedPrune {
    feeds.entry(feed.to_string()).or_insert_with(|| FeedPrune {
        feed: feed.to_string(),
        limit: max_items.of(feed),
        ..FeedPrune::default()
    })
}

fn wal_path(store: &Path) -> PathBuf {
    PathBuf::from(format!("{}-wal", store.display()))
}

fn file_len(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

#[cfg(test)]
mod tests {
    use super::super::views::tests::{store_of, titles};
    use super::*;

    fn day(s: &str) -> Option<NaiveDate> {
        Some(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
    }

    fn titles_of(store: &Store) -> Vec<String> {
        let items = store.list(100, false, 0).unwrap();
        titles(&items).into_iter().map(String::from).collect()
    }

    /// Wire: five stories a day apart; Gazette: two; Pages: one very old.
    fn store() -> (tempfile::TempDir, Store) {
        store_of(&[
            ("Wire one", "2025-11-05", 1, "Wire"),
            ("Wire two", "2025-11-04", 1, "Wire"),
            ("Wire three", "2025-11-03", 1, "Wire"),
            ("Wire four", "2025-11-02", 1, "Wire"),
            ("Wire five", "2025-11-01", 1, "Wire"),
            ("Gazette new", "2025-10-20", 1, "Gazette"),
            ("Gazette old", "2019-01-01", 1, "Gazette"),
            ("Ancient pharaoh", "1999-01-01", 1, "Pages"),
        ])
    }

    fn save(store: &mut Store, title: &str) {
        let uid = store.resolve(title).unwrap();
        store.set_saved(&uid, true).unwrap();
    }

    #[test]
    fn a_story_stored_after_the_plan_under_a_freed_id_stays() {
        let (_d, mut store) = store();
        // Stored a while ago, and planned a moment ago.
        store
            .conn
            .execute("UPDATE documents SET added_at = added_at - 100", [])
            .unwrap();
        let rules = Rules {
            before: day("2025-01-01"),
            ..Rules::default()
        };
        let mut plan = store.plan_prune(&rules).unwrap();
        assert_eq!(plan.len(), 2);
        plan.made_at -= 10;
        // The newest row goes, and a new old story takes its id.
        let last = store.resolve("Ancient pharaoh").unwrap();
        let id = store.id_of(&last).unwrap().unwrap();
        assert!(store.remove(&last).unwrap());
        let mut import = store.begin_import().unwrap();
        let newcomer = crate::store::views::tests::doc("Roman coins", "1998-05-05", 1);
        import.put(&newcomer, Some("test"), Some("Pages")).unwrap();
        import.commit().unwrap();
        let uid = store.resolve("Roman coins").unwrap();
        assert_eq!(
            store.id_of(&uid).unwrap(),
            Some(id),
            "the id was free again"
        );
        assert_eq!(store.prune(&plan, |_, _| {}).unwrap(), 1);
        assert!(titles_of(&store).contains(&"Roman coins".to_string()));
    }

    #[test]
    fn an_age_prune_removes_older_stories_but_never_a_saved_one() {
        let (_d, mut store) = store();
        save(&mut store, "Ancient pharaoh");
        let rules = Rules {
            before: day("2025-01-01"),
            ..Rules::default()
        };
        let plan = store.plan_prune(&rules).unwrap();
        assert_eq!(plan.len(), 1, "{plan:?}");
        assert_eq!(plan.kept_saved, 1);
        assert_eq!(
            plan.feeds,
            [FeedPrune {
                feed: "Gazette".into(),
                older: 1,
                over: 0,
                limit: 0
            }]
        );
        assert_eq!(store.count().unwrap(), 8, "planning writes nothing");
        assert_eq!(store.prune(&plan, |_, _| {}).unwrap(), 1);
        let left = titles_of(&store);
        assert!(left.contains(&"Ancient pharaoh".to_string()), "{left:?}");
        assert!(!left.contains(&"Gazette old".to_string()), "{left:?}");
        assert_eq!(left.len(), 7);
    }

    #[test]
    fn a_story_saved_after_the_plan_was_made_stays() {
        let (_d, mut store) = store();
        let max = MaxItems {
            default: 1,
            feeds: BTreeMap::new(),
        };
        let plan = store
            .plan_prune(&Rules {
                before: day("2025-01-01"),
                max_items: max,
            })
            .unwrap();
        assert_eq!(plan.len(), 6, "{plan:?}");
        // Saved in the reader while the prune was on its way.
        save(&mut store, "Gazette old");
        save(&mut store, "Wire three");
        assert_eq!(store.prune(&plan, |_, _| {}).unwrap(), 4);
        let left = titles_of(&store);
        assert!(left.contains(&"Gazette old".to_string()), "{left:?}");
        assert!(left.contains(&"Wire three".to_string()), "{left:?}");
    }

    #[test]
    fn a_pruned_storys_search_rows_go_with_it() {
        let (_d, mut store) = store();
        assert_eq!(
            store
                .query_ids(&crate::query::parsed("pharaoh"), 100)
                .unwrap()
                .len(),
            1
        );
        let plan = store
            .plan_prune(&Rules {
                before: day("2000-01-01"),
                ..Rules::default()
            })
            .unwrap();
        store.prune(&plan, |_, _| {}).unwrap();
        assert_eq!(
            store
                .query_ids(&crate::query::parsed("pharaoh"), 100)
                .unwrap()
                .len(),
            0
        );
        assert!(store
            .search(&crate::query::parsed("pharaoh"), 10)
            .unwrap()
            .is_empty());
        assert_eq!(
            store
                .query_ids(&crate::query::parsed("wire"), 100)
                .unwrap()
                .len(),
            5,
            "the rest stay found"
        );
    }

    #[test]
    fn max_items_keeps_each_feeds_newest_unsaved_and_every_saved_one() {
        let (_d, mut store) = store();
        save(&mut store, "Wire four");
        save(&mut store, "Wire one");
        let max = MaxItems {
            default: 2,
            feeds: BTreeMap::from([("Pages".into(), 0), ("Nowhere".into(), 3)]),
        };
        let plan = store
            .plan_prune(&Rules {
                before: None,
                max_items: max.clone(),
            })
            .unwrap();
        assert_eq!(plan.unknown_feeds, ["Nowhere"]);
        assert_eq!(plan.kept_saved, 1, "Wire four is beyond the newest two");
        let removed = store.keep_max_items(&max, None).unwrap();
        assert_eq!(removed, 1);
        let left = titles_of(&store);
        assert_eq!(
            left,
            [
                "Wire one",
                "Wire two",
                "Wire three",
                "Wire four",
                "Gazette new",
                "Gazette old",
                "Ancient pharaoh"
            ],
            "two unsaved Wire stories besides the saved ones; Pages unlimited"
        );
    }

    #[test]
    fn max_items_of_named_feeds_leaves_the_others() {
        let (_d, mut store) = store();
        let max = MaxItems {
            default: 1,
            feeds: BTreeMap::new(),
        };
        assert_eq!(
            store
                .keep_max_items(&max, Some(&["Gazette".into()]))
                .unwrap(),
            1
        );
        assert_eq!(store.count().unwrap(), 7, "Wire keeps its five");
        assert_eq!(store.keep_max_items(&MaxItems::default(), None).unwrap(), 0);
    }

    #[test]
    fn an_item_its_feeds_max_items_removed_is_not_taken_back() {
        use super::super::views::tests::doc;
        let (_d, mut store) = store();
        let max = MaxItems {
            default: 2,
            feeds: BTreeMap::new(),
        };
        store.keep_max_items(&max, None).unwrap();
        let arrivals = [
            doc("Wire five", "2025-11-01", 1),
            doc("Wire older still", "2025-10-01", 1),
            doc("Wire same day", "2025-11-04", 1),
            doc("Wire newest", "2025-11-09", 1),
            doc("Wire one", "2025-11-05", 1),
            doc("Pharaoh's heir", "1990-01-01", 1),
        ];
        let beyond = store
            .beyond_max_items(
                &max,
                arrivals.iter().map(|d| {
                    let feed = if d.title.starts_with("Wire") {
                        "Wire"
                    } else {
                        "Elsewhere"
                    };
                    (d, feed.to_string())
                }),
            )
            .unwrap();
        assert_eq!(
            beyond,
            [true, true, false, false, false, false],
            "older than the newest two: left out; the second's day, newer, stored \
             or a feed with fewer: taken"
        );
        assert_eq!(
            store
                .beyond_max_items(
                    &MaxItems::default(),
                    arrivals.iter().map(|d| (d, "Wire".into()))
                )
                .unwrap(),
            [false; 6]
        );
    }

    #[test]
    fn a_prune_commits_batch_by_batch_so_other_writers_get_in() {
        let docs: Vec<(String, String)> = (0..PRUNE_BATCH + 10)
            .map(|i| (format!("Story {i}"), format!("20{:02}-01-01", i % 20)))
            .collect();
        let rows: Vec<(&str, &str, u32, &str)> = docs
            .iter()
            .map(|(t, d)| (t.as_str(), d.as_str(), 0, "Wire"))
            .collect();
        let (_d, mut store) = store_of(&rows);
        let other = store.sibling().unwrap();
        other.conn.busy_timeout(std::time::Duration::ZERO).unwrap();
        let plan = store
            .plan_prune(&Rules {
                before: day("2030-01-01"),
                ..Rules::default()
            })
            .unwrap();
        let mut commits = Vec::new();
        let removed = store
            .prune(&plan, |done, total| {
                // Between two batches no transaction is open: another
                // connection writes at once, without waiting.
                other
                    .conn
                    .execute(
                        "INSERT INTO app_state(name, value) VALUES ('x', ?1)
                         ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                        [done.to_string()],
                    )
                    .unwrap();
                commits.push((done, total));
            })
            .unwrap();
        assert_eq!(removed as usize, PRUNE_BATCH + 10);
        assert_eq!(
            commits,
            [
                (PRUNE_BATCH, PRUNE_BATCH + 10),
                (PRUNE_BATCH + 10, PRUNE_BATCH + 10)
            ]
        );
    }

    #[test]
    fn stats_count_documents_and_vacuum_keeps_them_and_says_when() {
        let (_d, mut store) = store();
        save(&mut store, "Wire one");
        let uid = store.resolve("Wire two").unwrap();
        store.set_read(&uid, true).unwrap();
        let s = store.stats().unwrap();
        assert_eq!((s.documents, s.stories, s.articles), (8, 8, 0));
        assert_eq!((s.read, s.saved), (1, 1));
        assert!(s.fts_bytes > 0 && s.documents_table_bytes > 0 && s.documents_index_bytes > 0);
        assert_eq!(
            s.fts_bytes + s.documents_table_bytes + s.documents_index_bytes + s.other_bytes,
            s.database_bytes - s.free_pages * s.page_size,
            "{s:?}"
        );
        assert_eq!(s.last_vacuum, None);
        let plan = store
            .plan_prune(&Rules {
                before: day("2025-11-03"),
                ..Rules::default()
            })
            .unwrap();
        store.prune(&plan, |_, _| {}).unwrap();
        let before = titles_of(&store);
        let words = |store: &Store| -> i64 {
            store
                .conn
                .query_row("SELECT count(*) FROM search_words", [], |r| r.get(0))
                .unwrap()
        };
        let words_before = words(&store);
        let done = store.vacuum().unwrap();
        store
            .conn
            .execute_batch("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, documents_fts, row)")
            .unwrap();
        let vocabulary: i64 = store
            .conn
            .query_row("SELECT count(*) FROM temp.v", [], |r| r.get(0))
            .unwrap();
        assert_eq!(words(&store), vocabulary, "the words of what is stored");
        assert!(vocabulary < words_before, "the pruned stories' words went");
        assert!(done.after <= done.before, "{done:?}");
        assert_eq!(titles_of(&store), before);
        let s = store.stats().unwrap();
        assert_eq!((s.free_pages, s.wal_bytes), (0, 0));
        assert!(s.last_vacuum.is_some());
    }
}
