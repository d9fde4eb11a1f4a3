//! Views of the headline list (all, unread, saved; one feed or every one), its
//! sorts, the counts a reader's header and feed picker show, and the feeds.
//! Everything here reads the list's covering indexes, never a document.

use std::str::FromStr;

use std::collections::HashMap;

use rusqlite::types::{ToSql, Value};

use super::read::{item, ListItem, ITEM_COLUMNS, ITEM_WIDTH};
use super::{sql_err, Store, StoreError};
use crate::text::sanitize::for_terminal_owned;

/// Which documents of a feed a view shows, by their marks (named in the config
/// file's `default_view` as [`Show::as_str`] says).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Show {
    #[default]
    All,
    Unread,
    Saved,
}

impl Show {
    /// The name the config file takes.
    pub fn as_str(self) -> &'static str {
        match self {
            Show::All => "all",
            Show::Unread => "unread",
            Show::Saved => "saved",
        }
    }
}

/// What the headline list shows: documents by their marks, of one feed or of
/// every feed. The reader's `v` cycles [`View::show`] and `F` picks the feed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct View {
    pub show: Show,
    /// Only this feed (a name from [`Store::feeds`]), or every feed.
    pub feed: Option<String>,
    /// Each thread once, as its newest story (the reader's list), or every
    /// story.
    pub heads: bool,
}

impl View {
    /// Every document.
    pub fn all() -> View {
        View::default()
    }

    /// Every thread once, as its newest story: the reader's list.
    pub fn heads() -> View {
        View::list(true)
    }

    /// The reader's list: each thread once (`threads`, the config's), or every
    /// story.
    pub fn list(threads: bool) -> View {
        View {
            heads: threads,
            ..View::default()
        }
    }

    /// The SQL condition on `d` that keeps this view's rows, with the feed bound
    /// as `:feed` when there is one.
    pub(super) fn condition(&self) -> String {
        let mut parts = vec![match self.show {
            Show::All => "1",
            Show::Unread => "d.is_read = 0",
            Show::Saved => "d.is_saved = 1",
        }];
        if self.feed.is_some() {
            parts.push("d.feed = :feed");
        }
        if self.heads {
            parts.push(super::threads::NOT_A_TAIL);
        }
        parts.join(" AND ")
    }

    /// The named parameters [`View::condition`] uses.
    pub(super) fn params(&self) -> Vec<(&'static str, &dyn ToSql)> {
        match &self.feed {
            Some(feed) => vec![(":feed", feed as &dyn ToSql)],
            None => Vec::new(),
        }
    }
}

/// The order of the headline list. The reader's `S` cycles [`Sort::ALL`] and
/// remembers the choice by [`Sort::as_str`] (read back with `parse`), the name
/// the config file's `default_sort` takes too.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// The latest dated news first (the list's order since schema 1).
    #[default]
    Newest,
    Oldest,
    /// The most sources first; newest first among equals.
    Sources,
    /// By title, case and accents aside; newest first among equals.
    Title,
}

impl Sort {
    /// Every sort, in the order `S` cycles them.
    pub const ALL: [Sort; 4] = [Sort::Newest, Sort::Oldest, Sort::Sources, Sort::Title];

    /// The name the command line takes and the store remembers.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Sources => "sources",
            Sort::Title => "title",
        }
    }

    /// What a header or status bar calls it.
    pub fn label(self) -> &'static str {
        match self {
            Sort::Newest => "newest first",
            Sort::Oldest => "oldest first",
            Sort::Sources => "most sources",
            Sort::Title => "by title",
        }
    }

    /// The next sort `S` goes to.
    pub fn next(self) -> Sort {
        let i = Sort::ALL.iter().position(|&s| s == self).unwrap_or(0);
        Sort::ALL[(i + 1) % Sort::ALL.len()]
    }

    /// The order, over the columns of `d` (or of the id step `o`, which names
    /// them alike).
    fn order_by(self) -> &'static str {
        match self {
            Sort::Newest => "sort_key DESC, id DESC",
            Sort::Oldest => "sort_key, id",
            Sort::Sources => "source_count DESC, sort_key DESC, id DESC",
            Sort::Title => "title_key, id",
        }
    }

    /// The small index that holds a view's rows in this order with the marks
    /// and feed that filter them, and the order's columns (besides `id`) that
    /// the id step hands on: a page of ids is read there, then the rows by id
    /// from `documents_row`. Sorting every row for each page instead cost
    /// 3-10 s to read 121,000 headlines 5,000 at a time.
    fn id_index(self) -> (&'static str, &'static str) {
        match self {
            Sort::Newest | Sort::Oldest => ("documents_feed", "d.sort_key"),
            Sort::Sources => ("documents_sources", "d.source_count, d.sort_key"),
            Sort::Title => ("documents_title_key", "d.title_key"),
        }
    }
}

/// `sort_key DESC, id` of `alias`: `d.sort_key DESC, d.id`.
fn qualified(order: &str, alias: &str) -> String {
    format!("{alias}.{}", order.replace(", ", &format!(", {alias}.")))
}

impl FromStr for Sort {
    type Err = String;

    fn from_str(s: &str) -> Result<Sort, String> {
        Sort::ALL
            .into_iter()
            .find(|sort| sort.as_str() == s)
            .ok_or_else(|| format!("no sort {s:?} (newest, oldest, sources or title)"))
    }
}

/// How many documents a view holds, and how many of them are unread.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ViewCounts {
    pub total: u64,
    pub unread: u64,
}

/// One feed: its name as rows carry it, with its counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedCounts {
    pub name: String,
    pub total: u64,
    pub unread: u64,
}

/// A headline with its rowid (`documents.id`, which every list index holds):
/// the reader keeps the id of every row and the full row only near the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headline {
    pub id: i64,
    pub item: ListItem,
}

/// One row of the reader's list index: what triage needs of a story, its feed
/// as a number into [`IndexPart::feeds`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexRow {
    pub id: i64,
    pub read: bool,
    pub saved: bool,
    pub feed: u32,
}

/// Where the next part of the list index starts: after the first rows, or after
/// the row with these sort keys (a keyset read, which never walks the rows
/// before it again).
#[derive(Debug, Clone, PartialEq)]
pub enum IndexFrom {
    Offset(usize),
    After(Vec<Value>),
}

/// A part of the list index in a sort's order, and where the next one starts.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexPart {
    pub rows: Vec<IndexRow>,
    /// The feed names (for the terminal) the rows' numbers point into.
    pub feeds: Vec<String>,
    pub next: IndexFrom,
}

/// The query of [`Store::headlines`]: every row it reads is in an index.
pub(super) fn list_sql(view: &View, sort: Sort) -> String {
    let (condition, order) = (view.condition(), sort.order_by());
    match (sort, &view.feed) {
        // Every feed by date: the rows in list order, from `documents_list`.
        (Sort::Newest | Sort::Oldest, None) => format!(
            "SELECT {ITEM_COLUMNS}, d.id FROM documents d INDEXED BY documents_list
             WHERE {condition} ORDER BY {} LIMIT :limit OFFSET :offset",
            qualified(order, "d")
        ),
        // A page of ids in order from a small index, then their rows.
        _ => {
            let (index, keys) = sort.id_index();
            format!(
                "SELECT {ITEM_COLUMNS}, d.id FROM (
                     SELECT d.id AS id, {keys} FROM documents d INDEXED BY {index}
                     WHERE {condition} ORDER BY {order} LIMIT :limit OFFSET :offset
                 ) o JOIN documents d INDEXED BY documents_row ON d.id = o.id
                 ORDER BY {}",
                qualified(order, "o")
            )
        }
    }
}

/// The columns of `d` that order a sort in the list index, the index holding
/// them with the marks and feed, and how the next row compares with the last.
fn index_keys(sort: Sort) -> (&'static str, &'static str, &'static str) {
    match sort {
        Sort::Newest => ("d.sort_key, d.id", "documents_list", "<"),
        Sort::Oldest => ("d.sort_key, d.id", "documents_list", ">"),
        Sort::Sources => ("d.source_count, d.sort_key, d.id", "documents_sources", "<"),
        Sort::Title => ("d.title_key, d.id", "documents_title_key", ">"),
    }
}

/// The query of [`Store::index_part`] from an offset (`keyset` false) or after
/// the last row's keys: every row it reads is in one index.
fn index_sql(sort: Sort, keyset: bool, heads: bool) -> String {
    let (keys, index, cmp) = index_keys(sort);
    let order = qualified(sort.order_by(), "d");
    let (condition, offset) = if keyset {
        let n = keys.split(", ").count();
        let marks = (2..=n + 1).map(|i| format!("?{i}")).collect::<Vec<_>>();
        (format!("({keys}) {cmp} ({})", marks.join(", ")), "")
    } else {
        ("1".to_string(), " OFFSET ?2")
    };
    let condition = match heads {
        true => format!("{condition} AND {}", super::threads::NOT_A_TAIL),
        false => condition,
    };
    format!(
        "SELECT d.id, d.is_read, d.is_saved, d.feed, {keys} FROM documents d INDEXED BY {index}
         WHERE {condition} ORDER BY {order} LIMIT ?1{offset}"
    )
}

impl Store {
    /// A page of the headlines `view` shows in `sort` order: `limit` rows after
    /// the first `offset`, read from the list's covering indexes.
    pub fn list_view(
        &self,
        view: &View,
        sort: Sort,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<ListItem>, StoreError> {
        let rows = self.headlines(view, sort, limit, offset)?;
        Ok(rows.into_iter().map(|h| h.item).collect())
    }

    /// [`Store::list_view`] with each row's id.
    pub fn headlines(
        &self,
        view: &View,
        sort: Sort,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<Headline>, StoreError> {
        let sql = list_sql(view, sort);
        let (limit, offset) = (limit.min(i64::MAX as usize) as i64, offset as i64);
        let mut params = view.params();
        params.push((":limit", &limit));
        params.push((":offset", &offset));
        let err = sql_err(&self.path, "list documents");
        let mut stmt = self.conn.prepare_cached(&sql).map_err(&err)?;
        let rows = stmt.query_map(&params[..], headline).map_err(&err)?;
        rows.collect::<Result<_, _>>().map_err(err)
    }

    /// The next `limit` rows of the list index of every story, or of every
    /// thread as its newest story (`heads`, as [`View::heads`]), in `sort`
    /// order from `from`, read from one covering index; the next part starts
    /// where [`IndexPart::next`] says.
    pub fn index_part(
        &self,
        sort: Sort,
        from: &IndexFrom,
        limit: usize,
        heads: bool,
    ) -> Result<IndexPart, StoreError> {
        let keyset = matches!(from, IndexFrom::After(_));
        let sql = index_sql(sort, keyset, heads);
        let err = sql_err(&self.path, "read the list index");
        let mut stmt = self.conn.prepare_cached(&sql).map_err(&err)?;
        let mut bound = vec![Value::Integer(limit.min(i64::MAX as usize) as i64)];
        match from {
            IndexFrom::Offset(n) => bound.push(Value::Integer(*n as i64)),
            IndexFrom::After(keys) => bound.extend(keys.iter().cloned()),
        }
        let mut rows = stmt
            .query(rusqlite::params_from_iter(bound))
            .map_err(&err)?;
        let (mut out, mut feeds) = (Vec::with_capacity(limit.min(1 << 16)), Vec::new());
        let mut numbers: HashMap<String, u32> = HashMap::new();
        let mut last = None;
        let keys = stmt_keys(sort);
        while let Some(r) = rows.next().map_err(&err)? {
            let name = r.get_ref(3).and_then(|v| Ok(v.as_str()?)).map_err(&err)?;
            let feed = match numbers.get(name) {
                Some(&n) => n,
                None => {
                    let n = feeds.len() as u32;
                    numbers.insert(name.to_string(), n);
                    feeds.push(for_terminal_owned(name.to_string()));
                    n
                }
            };
            out.push(IndexRow {
                id: r.get(0).map_err(&err)?,
                read: r.get(1).map_err(&err)?,
                saved: r.get(2).map_err(&err)?,
                feed,
            });
            last = Some(
                (4..4 + keys)
                    .map(|i| r.get::<_, Value>(i))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(&err)?,
            );
        }
        let next = match last {
            Some(keys) => IndexFrom::After(keys),
            None => from.clone(),
        };
        Ok(IndexPart {
            rows: out,
            feeds,
            next,
        })
    }

    /// The full rows of these ids (those still stored), in no particular order:
    /// one lookup each in `documents_row`.
    pub fn rows_by_id(&self, ids: &[i64]) -> Result<Vec<Headline>, StoreError> {
        let mut out = Vec::with_capacity(ids.len());
        let err = sql_err(&self.path, "read list rows");
        for chunk in ids.chunks(ROWS_AT_ONCE) {
            let marks = vec!["?"; chunk.len()].join(", ");
            let sql = format!(
                "SELECT {ITEM_COLUMNS}, d.id FROM documents d INDEXED BY documents_row
                 WHERE d.id IN ({marks})"
            );
            let mut stmt = self.conn.prepare_cached(&sql).map_err(&err)?;
            let rows = stmt
                .query_map(rusqlite::params_from_iter(chunk), headline)
                .map_err(&err)?;
            for row in rows {
                out.push(row.map_err(&err)?);
            }
        }
        Ok(out)
    }

    /// The id of document `uid`, if it is stored.
    pub fn id_of(&self, uid: &str) -> Result<Option<i64>, StoreError> {
        use rusqlite::OptionalExtension;
        self.conn
            .prepare_cached("SELECT id FROM documents WHERE uid = ?1")
            .and_then(|mut stmt| stmt.query_row([uid], |r| r.get(0)).optional())
            .map_err(sql_err(&self.path, "find a document"))
    }

    /// How many documents `view` shows, and how many of them are unread (the
    /// reader's header).
    pub fn count_view(&self, view: &View) -> Result<ViewCounts, StoreError> {
        let sql = format!(
            "SELECT count(*), count(*) FILTER (WHERE d.is_read = 0) FROM documents d WHERE {}",
            view.condition()
        );
        let err = sql_err(&self.path, "count documents");
        let mut stmt = self.conn.prepare_cached(&sql).map_err(&err)?;
        stmt.query_row(&view.params()[..], |r| {
            Ok(ViewCounts {
                total: r.get(0)?,
                unread: r.get(1)?,
            })
        })
        .map_err(err)
    }

    /// Every feed with its counts, by name (case aside): what `tidings feeds`
    /// prints and the reader's feed picker shows.
    pub fn feeds(&self) -> Result<Vec<FeedCounts>, StoreError> {
        let err = sql_err(&self.path, "count the feeds");
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT feed, count(*), count(*) FILTER (WHERE is_read = 0) FROM documents
                 GROUP BY feed ORDER BY feed COLLATE NOCASE, feed",
            )
            .map_err(&err)?;
        let rows = stmt
            .query_map([], |r| {
                Ok(FeedCounts {
                    name: for_terminal_owned(r.get(0)?),
                    total: r.get(1)?,
                    unread: r.get(2)?,
                })
            })
            .map_err(&err)?;
        rows.collect::<Result<_, _>>().map_err(err)
    }
}

/// How many ids one statement looks up (`Store::rows_by_id`, the filter's ranking).
pub(super) const ROWS_AT_ONCE: usize = 100;

/// How many sort keys end each row of [`index_sql`].
fn stmt_keys(sort: Sort) -> usize {
    index_keys(sort).0.split(", ").count()
}

/// A row of [`list_sql`]: the list row, then its id.
fn headline(r: &rusqlite::Row) -> rusqlite::Result<Headline> {
    Ok(Headline {
        item: item(r)?,
        id: r.get(ITEM_WIDTH)?,
    })
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::{Document, Event, Kind, PartialDate, Source};

    /// A document of `feed` dated `day` (`2025-11-03`) with `sources` sources.
    pub fn doc(title: &str, day: &str, sources: u32) -> Document {
        let mut d = Document::new(Kind::Story, title.into());
        let parts: Vec<u32> = day.split('-').map(|p| p.parse().unwrap()).collect();
        d.timeline.push(Event {
            date: PartialDate {
                label: day.into(),
                year: Some(parts[0] as i32),
                month: Some(parts[1]),
                day: Some(parts[2]),
                part: None,
                time: None,
            },
            text: format!("{title} happened."),
            citations: Vec::new(),
        });
        for n in 1..=sources {
            d.sources.push(Source {
                n,
                outlet: None,
                title: format!("{title} {n}"),
                summary: None,
                url: None,
            });
        }
        d
    }

    /// A store holding `(title, day, sources, feed)` documents.
    pub fn store_of(docs: &[(&str, &str, u32, &str)]) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let mut importer = store.begin_import().unwrap();
        for (title, day, sources, feed) in docs {
            importer
                .put(&doc(title, day, *sources), Some("test"), Some(feed))
                .unwrap();
        }
        importer.commit().unwrap();
        (dir, store)
    }

    pub fn titles(items: &[ListItem]) -> Vec<&str> {
        items.iter().map(|i| i.title.as_str()).collect()
    }

    fn uid(store: &Store, title: &str) -> String {
        store.resolve(title).unwrap()
    }

    pub const DOCS: &[(&str, &str, u32, &str)] = &[
        ("Bridge reopens", "2025-11-03", 2, "Harbour Gazette"),
        ("apple harvest", "2025-10-01", 5, "Farm Wire"),
        ("Élection results", "2025-11-05", 1, "Harbour Gazette"),
        ("Dock strike", "2025-09-12", 5, "Harbour Gazette"),
    ];

    #[test]
    fn views_show_all_unread_saved_or_one_feed_in_each_sort() {
        let (_dir, mut store) = store_of(DOCS);
        let all = View::all();
        let list = |store: &Store, view: &View, sort| {
            titles(&store.list_view(view, sort, 10, 0).unwrap())
                .into_iter()
                .map(String::from)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            list(&store, &all, Sort::Newest),
            [
                "Élection results",
                "Bridge reopens",
                "apple harvest",
                "Dock strike"
            ]
        );
        assert_eq!(
            list(&store, &all, Sort::Oldest),
            [
                "Dock strike",
                "apple harvest",
                "Bridge reopens",
                "Élection results"
            ]
        );
        assert_eq!(
            list(&store, &all, Sort::Sources),
            [
                "apple harvest",
                "Dock strike",
                "Bridge reopens",
                "Élection results"
            ],
            "most sources first, the newer of equals first"
        );
        assert_eq!(
            list(&store, &all, Sort::Title),
            [
                "apple harvest",
                "Bridge reopens",
                "Dock strike",
                "Élection results"
            ],
            "case aside"
        );
        let page = store.list_view(&all, Sort::Oldest, 2, 1).unwrap();
        assert_eq!(titles(&page), ["apple harvest", "Bridge reopens"], "paged");

        store.set_read(&uid(&store, "Bridge"), true).unwrap();
        store.set_saved(&uid(&store, "Dock"), true).unwrap();
        let unread = View {
            show: Show::Unread,
            feed: None,
            heads: false,
        };
        assert_eq!(
            list(&store, &unread, Sort::Newest),
            ["Élection results", "apple harvest", "Dock strike"]
        );
        let saved = View {
            show: Show::Saved,
            feed: None,
            heads: false,
        };
        assert_eq!(list(&store, &saved, Sort::Newest), ["Dock strike"]);
        let harbour = View {
            show: Show::All,
            feed: Some("Harbour Gazette".into()),
            heads: false,
        };
        assert_eq!(
            list(&store, &harbour, Sort::Newest),
            ["Élection results", "Bridge reopens", "Dock strike"]
        );
        let harbour_unread = View {
            show: Show::Unread,
            ..harbour.clone()
        };
        assert_eq!(
            list(&store, &harbour_unread, Sort::Sources),
            ["Dock strike", "Élection results"]
        );
        assert_eq!(
            store.list_view(&harbour, Sort::Newest, 10, 0).unwrap()[0].feed,
            "Harbour Gazette",
            "rows carry their feed"
        );
    }

    #[test]
    fn counts_of_a_view_and_of_every_feed() {
        let (_dir, mut store) = store_of(DOCS);
        store.set_read(&uid(&store, "Bridge"), true).unwrap();
        store.set_saved(&uid(&store, "Dock"), true).unwrap();
        assert_eq!(
            store.count_view(&View::all()).unwrap(),
            ViewCounts {
                total: 4,
                unread: 3
            }
        );
        let harbour = View {
            show: Show::All,
            feed: Some("Harbour Gazette".into()),
            heads: false,
        };
        assert_eq!(
            store.count_view(&harbour).unwrap(),
            ViewCounts {
                total: 3,
                unread: 2
            }
        );
        let saved = View {
            show: Show::Saved,
            feed: None,
            heads: false,
        };
        assert_eq!(
            store.count_view(&saved).unwrap(),
            ViewCounts {
                total: 1,
                unread: 1
            }
        );
        let none = View {
            show: Show::All,
            feed: Some("Nobody".into()),
            heads: false,
        };
        assert_eq!(store.count_view(&none).unwrap(), ViewCounts::default());
        assert_eq!(
            store.feeds().unwrap(),
            [
                FeedCounts {
                    name: "Farm Wire".into(),
                    total: 1,
                    unread: 1
                },
                FeedCounts {
                    name: "Harbour Gazette".into(),
                    total: 3,
                    unread: 2
                },
            ]
        );
    }

    /// A step of a plan that asks a row's thread (one lookup by key in each
    /// small table of threads), not the row itself.
    fn is_thread_lookup(step: &str) -> bool {
        step.starts_with("CORRELATED SCALAR SUBQUERY")
            || step == "SEARCH m USING INTEGER PRIMARY KEY (rowid=?)"
            || step == "SEARCH t USING INTEGER PRIMARY KEY (rowid=?)"
    }

    #[test]
    fn every_view_in_every_sort_reads_indexes_only() {
        let (_dir, store) = store_of(DOCS);
        for (feed, heads) in [None, Some("Farm Wire".to_string())]
            .into_iter()
            .flat_map(|f| [(f.clone(), false), (f, true)])
        {
            for show in [Show::All, Show::Unread, Show::Saved] {
                let view = View {
                    show,
                    feed: feed.clone(),
                    heads,
                };
                for sort in Sort::ALL {
                    let sql = format!("EXPLAIN QUERY PLAN {}", list_sql(&view, sort));
                    let mut stmt = store.conn.prepare(&sql).unwrap();
                    let mut params = view.params();
                    params.extend([(":limit", &1 as &dyn ToSql), (":offset", &0)]);
                    let steps: Vec<String> = stmt
                        .query_map(&params[..], |r| r.get(3))
                        .unwrap()
                        .collect::<Result<_, _>>()
                        .unwrap();
                    for step in steps.iter().filter(|s| !is_thread_lookup(s)) {
                        assert!(
                            step.contains("COVERING INDEX")
                                || is_updated_lookup(step)
                                || step.starts_with("CO-ROUTINE")
                                || step.starts_with("CORRELATED SCALAR SUBQUERY")
                                || step.starts_with("MATERIALIZE")
                                || step.starts_with("SCAN o")
                                || step.starts_with("USE TEMP B-TREE FOR ORDER BY"),
                            "{view:?} {sort:?} reads beyond the indexes: {steps:?}"
                        );
                    }
                    let sorts_all = steps.iter().any(|s| s.starts_with("USE TEMP B-TREE"))
                        && !steps.iter().any(|s| s.starts_with("SCAN o"));
                    assert!(!sorts_all, "{view:?} {sort:?} sorts every row: {steps:?}");
                }
            }
        }
    }

    #[test]
    fn the_list_index_read_in_parts_is_the_list_in_every_sort() {
        let docs: Vec<(String, String, u32, String)> = (0..40)
            .map(|n| {
                let day = format!("2025-{:02}-{:02}", 1 + n % 12, 1 + n % 7);
                (format!("Story {n}"), day, n % 4, format!("Feed {}", n % 3))
            })
            .collect();
        let docs: Vec<(&str, &str, u32, &str)> = docs
            .iter()
            .map(|(t, d, s, f)| (t.as_str(), d.as_str(), *s, f.as_str()))
            .collect();
        let (_dir, mut store) = store_of(&docs);
        let some = store.headlines(&View::all(), Sort::Newest, 3, 5).unwrap();
        store.set_read(&some[0].item.uid, true).unwrap();
        store.set_saved(&some[1].item.uid, true).unwrap();
        for sort in Sort::ALL {
            let list = store.headlines(&View::all(), sort, 100, 0).unwrap();
            let mut from = IndexFrom::Offset(4);
            let mut index: Vec<(i64, bool, bool, String)> = Vec::new();
            loop {
                let part = store.index_part(sort, &from, 7, false).unwrap();
                if part.rows.is_empty() {
                    break;
                }
                for r in &part.rows {
                    index.push((r.id, r.read, r.saved, part.feeds[r.feed as usize].clone()));
                }
                from = part.next;
            }
            let expected: Vec<_> = list[4..]
                .iter()
                .map(|h| (h.id, h.item.read, h.item.saved, h.item.feed.clone()))
                .collect();
            assert_eq!(index, expected, "{sort:?}");
            let ids: Vec<i64> = list[10..14].iter().map(|h| h.id).collect();
            let mut rows = store.rows_by_id(&ids).unwrap();
            rows.sort_by_key(|h| ids.iter().position(|&i| i == h.id));
            assert_eq!(rows, list[10..14], "rows by id");
        }
        assert_eq!(store.id_of(&some[2].item.uid).unwrap(), Some(some[2].id));
        assert_eq!(store.id_of("nobody").unwrap(), None);
    }

    #[test]
    fn the_list_index_and_rows_by_id_read_one_covering_index() {
        let (_dir, store) = store_of(DOCS);
        let plan = |sql: &str, params: Vec<Value>| -> Vec<String> {
            let mut stmt = store
                .conn
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                .unwrap();
            stmt.query_map(rusqlite::params_from_iter(params), |r| r.get(3))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap()
        };
        for (sort, heads) in Sort::ALL.into_iter().flat_map(|s| [(s, false), (s, true)]) {
            for keyset in [false, true] {
                let n = if keyset { stmt_keys(sort) + 1 } else { 2 };
                let sql = index_sql(sort, keyset, heads);
                let mut steps = plan(&sql, vec![Value::Integer(1); n]);
                steps.retain(|s| !is_thread_lookup(s));
                assert_eq!(steps.len(), 1, "{sort:?}: {steps:?}");
                assert!(
                    steps[0].contains("COVERING INDEX"),
                    "{sort:?} keyset {keyset}: {steps:?}"
                );
                assert_eq!(
                    steps[0].starts_with("SEARCH"),
                    keyset,
                    "a keyset read seeks: {steps:?}"
                );
            }
        }
        let steps = plan(
            &format!(
                "SELECT {ITEM_COLUMNS}, d.id FROM documents d INDEXED BY documents_row
                 WHERE d.id IN (?, ?)"
            ),
            vec![Value::Integer(1), Value::Integer(2)],
        );
        assert!(
            steps[0].contains("COVERING INDEX documents_row")
                && steps
                    .iter()
                    .filter(|s| !is_thread_lookup(s))
                    .all(|s| s.contains("COVERING INDEX") || is_updated_lookup(s)),
            "{steps:?}"
        );
    }

    /// A step of a row's `updated` mark: one primary-key lookup in `read_versions`.
    fn is_updated_lookup(step: &str) -> bool {
        step == "CORRELATED SCALAR SUBQUERY 1"
            || step.starts_with("SEARCH v USING INTEGER PRIMARY KEY")
    }

    #[test]
    fn sorts_cycle_and_read_back_by_name() {
        assert_eq!(Sort::Newest.next(), Sort::Oldest);
        assert_eq!(Sort::Title.next(), Sort::Newest);
        for sort in Sort::ALL {
            assert_eq!(sort.as_str().parse::<Sort>(), Ok(sort));
        }
        assert!("random".parse::<Sort>().is_err());
    }
}
