//! Threads: the stories of one event, found as they are imported. Each story's
//! similarity signature (`crate::thread`) is kept with its day and outlets; an
//! import holds the signatures of the days near those it imports in memory
//! ([`Window`]) and puts a new story in the thread of the most similar one
//! within the window. A thread's newest story heads it: the list shows the head
//! alone, with the thread's counts. Threading never changes a document; a
//! thread split or merged by hand stays as it was made ([`Store::split_thread`],
//! [`Store::merge_threads`]).

use std::collections::{BTreeSet, HashMap, HashSet};

use rusqlite::{params, Connection, OptionalExtension};

use super::{sql_err, Store, StoreError};
use crate::model::Document;
use crate::thread::{same_event, Signature, WINDOW_DAYS};

/// The tables of threading (a schema step), and the trigger that takes a
/// removed story out of its thread: the head is chosen again among the rest, a
/// thread left with one story ends, and its outlet count is unknown (NULL)
/// until a story joins it again or it is read whole ([`Store::thread`]). Each
/// statement seeks by key (the newest member is the first of its thread in
/// `thread_members_newest`): a removal costs the same whatever the threads'
/// sizes.
pub(super) const THREADS_SCHEMA: &str = "CREATE TABLE thread_sigs (
        doc     INTEGER PRIMARY KEY,
        day     INTEGER,
        sig     BLOB NOT NULL,
        outlets TEXT NOT NULL
    );
    CREATE INDEX thread_sigs_day ON thread_sigs(day);
    CREATE TABLE threads (
        id      INTEGER PRIMARY KEY,
        uid     TEXT NOT NULL,
        head    INTEGER NOT NULL,
        stories INTEGER NOT NULL,
        outlets INTEGER,
        outlet_ids TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE thread_members (
        doc      INTEGER PRIMARY KEY,
        thread   INTEGER NOT NULL,
        sort_key TEXT NOT NULL,
        tail     INTEGER NOT NULL
    );
    CREATE INDEX thread_members_newest ON thread_members(thread, sort_key DESC, doc DESC);
    CREATE TABLE thread_choices (
        doc    INTEGER PRIMARY KEY,
        chosen INTEGER NOT NULL
    );
    CREATE TRIGGER documents_thread_gone AFTER DELETE ON documents BEGIN
        DELETE FROM thread_sigs WHERE doc = old.id;
        DELETE FROM thread_choices WHERE doc = old.id;
        UPDATE threads SET stories = stories - 1, outlets = NULL
            WHERE id = (SELECT thread FROM thread_members WHERE doc = old.id);
        UPDATE threads SET head = (SELECT m.doc FROM thread_members m
                WHERE m.thread = threads.id AND m.doc <> old.id
                ORDER BY m.sort_key DESC, m.doc DESC LIMIT 1)
            WHERE id = (SELECT thread FROM thread_members WHERE doc = old.id)
                AND head = old.id;
        UPDATE thread_members SET tail = 0 WHERE doc = (SELECT head FROM threads
            WHERE id = (SELECT thread FROM thread_members WHERE doc = old.id));
        DELETE FROM threads
            WHERE id = (SELECT thread FROM thread_members WHERE doc = old.id) AND stories < 2;
        DELETE FROM thread_members
            WHERE thread = (SELECT thread FROM thread_members WHERE doc = old.id)
                AND NOT EXISTS (SELECT 1 FROM threads t WHERE t.id = thread_members.thread);
        DELETE FROM thread_members WHERE doc = old.id;
    END;";

/// The SQL condition on `d` that leaves out the stories a thread's head
/// stands for in the list.
pub(super) const NOT_A_TAIL: &str =
    "NOT EXISTS (SELECT 1 FROM thread_members m WHERE m.doc = d.id AND m.tail)";

/// A list row's thread, when its story shares one with others.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ThreadMark {
    /// The thread's id: the uid of the story that began it.
    pub uid: String,
    pub stories: u32,
    /// Distinct outlets across its stories, when known.
    pub outlets: Option<u32>,
}

impl ThreadMark {
    /// Reads the thread column of a list row (`uid stories outlets`, outlets
    /// empty when unknown; NULL for a story alone: `read::ITEM_COLUMNS`).
    pub(super) fn parse(column: Option<String>) -> Option<ThreadMark> {
        let column = column?;
        let mut parts = column.split(' ');
        Some(ThreadMark {
            uid: parts.next()?.to_string(),
            stories: parts.next()?.parse().ok()?,
            outlets: parts.next().and_then(|n| n.parse().ok()),
        })
    }
}

/// What threading compares a story by: the signature of its headline and
/// lead, when they have the words for one.
pub(super) fn signature(doc: &Document) -> Option<Signature> {
    let (title, lead) = crate::thread::text_of(doc);
    Signature::of(&title, &lead)
}

/// The day ([`crate::thread::day_number`]) of a story's latest news, when it has a
/// whole date: threading compares a story with those of the days around it,
/// and one without a day (a saved page that gives none) with every story
/// without one and those of the days held.
pub(super) fn day_of(doc: &Document) -> Option<i64> {
    crate::thread::day_number(doc.latest_date()?)
}

/// A story to thread: its row id, signature, day and outlets.
pub(super) struct Placing<'a> {
    pub id: i64,
    pub sig: Option<&'a Signature>,
    pub day: Option<i64>,
    pub outlets: &'a [String],
}

/// One stored story as threading compares it.
struct Known {
    doc: i64,
    sig: Signature,
    day: Option<i64>,
}

/// The signatures of one day, and where each of its band hashes points.
#[derive(Default)]
struct Day {
    known: Vec<Known>,
    bands: HashMap<u64, Vec<usize>>,
}

impl Day {
    fn add(&mut self, doc: i64, sig: Signature, day: Option<i64>) {
        let at = self.known.len();
        for band in sig.bands() {
            self.bands.entry(band).or_default().push(at);
        }
        self.known.push(Known { doc, sig, day });
    }
}

/// The most stories of the days a story is compared with that may share one
/// of its bands for that band to find candidates: a band is one of its
/// lowest-hashing words, and a word this many stories of a few days share (a
/// name in every headline of the week) says little of which event it is,
/// while comparing with all of them would make each story cost as much as
/// the days hold (generated pages with a small vocabulary: 100,000 took over
/// ten minutes instead of one). The labelled sets never reach it.
const BAND_STORIES: usize = 64;

/// The most signatures an import holds before it lets go of the days farthest
/// from the one it is placing (each ~0.5 KB with its bands).
const WINDOW_STORIES: usize = 200_000;

/// What threading holds in memory while an import runs: the signatures of the
/// days near those imported, read from the store as they are first needed and
/// joined by every story placed, and the stories placed by hand, which it
/// neither moves nor puts others with.
#[derive(Default)]
pub(super) struct Window {
    days: HashMap<i64, Day>,
    /// The stories without a day, read with the first story placed.
    undated: Day,
    /// The day of the last story placed that had one: a story without a day is
    /// compared with the days around it (those an import is at).
    last_day: Option<i64>,
    held: usize,
    chosen: Option<HashSet<i64>>,
}

impl Window {
    /// Reads the days within [`WINDOW_DAYS`] of `day` not yet held (the first
    /// time, the stories placed by hand and those without a day too).
    fn load_around(&mut self, conn: &Connection, day: Option<i64>) -> rusqlite::Result<()> {
        if self.chosen.is_none() {
            let mut stmt = conn.prepare_cached("SELECT doc FROM thread_choices")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            self.chosen = Some(rows.collect::<Result<_, _>>()?);
            self.undated = read_day(conn, None)?;
            self.held += self.undated.known.len();
        }
        let Some(day) = day else {
            return Ok(());
        };
        for d in day - WINDOW_DAYS..=day + WINDOW_DAYS {
            if self.days.contains_key(&d) {
                continue;
            }
            if self.held > WINDOW_STORIES {
                self.forget_far_from(day);
            }
            let held = read_day(conn, Some(d))?;
            self.held += held.known.len();
            self.days.insert(d, held);
        }
        Ok(())
    }

    /// Lets go of the half of the held days farthest from `day`.
    fn forget_far_from(&mut self, day: i64) {
        let mut days: Vec<i64> = self.days.keys().copied().collect();
        days.sort_by_key(|d| std::cmp::Reverse((d - day).abs()));
        for d in days.iter().take(days.len() / 2) {
            if let Some(gone) = self.days.remove(d) {
                self.held -= gone.known.len();
            }
        }
    }

    /// The most similar story of the same event ([`same_event`]) within the
    /// window of `day` or without a day, with its similarity; for a story
    /// without a day, the window of the last story placed that had one.
    fn best(&self, doc: i64, sig: &Signature, day: Option<i64>) -> Option<(i64, f32)> {
        let chosen = self.chosen.as_ref();
        let mut seen = HashSet::new();
        let mut best: Option<(i64, f32)> = None;
        let bands = sig.bands();
        let days: Vec<&Day> = match day.or(self.last_day) {
            Some(day) => (day - WINDOW_DAYS..=day + WINDOW_DAYS)
                .filter_map(|d| self.days.get(&d))
                .collect(),
            None => Vec::new(),
        };
        let days: Vec<&Day> = days.into_iter().chain([&self.undated]).collect();
        for band in &bands {
            // A band most stories of these days share is a word too common
            // to say which event: its stories are not candidates by it.
            let lists: Vec<(&Day, &Vec<usize>)> = days
                .iter()
                .filter_map(|held| held.bands.get(band).map(|list| (*held, list)))
                .collect();
            if lists.iter().map(|(_, l)| l.len()).sum::<usize>() > BAND_STORIES {
                continue;
            }
            for (held, list) in lists {
                for &at in list {
                    let known = &held.known[at];
                    if known.doc == doc
                        || chosen.is_some_and(|c| c.contains(&known.doc))
                        || !seen.insert(known.doc)
                    {
                        continue;
                    }
                    if !same_event(sig, &known.sig, day, known.day) {
                        continue;
                    }
                    let similarity = sig.similarity(&known.sig);
                    if best.is_none_or(|(_, b)| similarity > b) {
                        best = Some((known.doc, similarity));
                    }
                }
            }
        }
        best
    }

    fn add(&mut self, day: Option<i64>, doc: i64, sig: Signature) {
        let held = match day {
            Some(day) => self.days.get_mut(&day),
            None => Some(&mut self.undated),
        };
        if let Some(held) = held {
            held.add(doc, sig, day);
            self.held += 1;
        }
    }
}

/// The signatures stored for one day, or for no day.
fn read_day(conn: &Connection, day: Option<i64>) -> rusqlite::Result<Day> {
    let mut held = Day::default();
    let mut stmt = conn.prepare_cached("SELECT doc, sig FROM thread_sigs WHERE day IS ?1")?;
    let mut rows = stmt.query([day])?;
    while let Some(r) = rows.next()? {
        let bytes: Vec<u8> = r.get(1)?;
        if let Some(sig) = Signature::from_bytes(&bytes) {
            held.add(r.get(0)?, sig, day);
        }
    }
    Ok(held)
}

/// Threads the story `id` (just added, or updated when `updated`): keeps its
/// signature, and puts it in the thread of the most similar story of its days,
/// if one is similar enough. A story in a thread already stays there (its
/// thread's head and counts are brought up to date); one placed by hand is
/// left as it was placed.
pub(super) fn place(
    conn: &Connection,
    window: &mut Window,
    story: Placing,
    updated: bool,
) -> rusqlite::Result<()> {
    let Placing {
        id,
        sig,
        day,
        outlets: outlet_ids,
    } = story;
    let Some(sig) = sig else {
        if updated {
            conn.prepare_cached("DELETE FROM thread_sigs WHERE doc = ?1")?
                .execute([id])?;
        }
        return Ok(());
    };
    conn.prepare_cached(
        "INSERT INTO thread_sigs (doc, day, sig, outlets) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(doc) DO UPDATE SET day = excluded.day, sig = excluded.sig,
            outlets = excluded.outlets",
    )?
    .execute(params![id, day, sig.to_bytes(), outlet_ids.join("\n")])?;
    if updated {
        if let Some(thread) = thread_of(conn, id)? {
            conn.prepare_cached(
                "UPDATE thread_members SET sort_key = (SELECT sort_key FROM documents WHERE id = ?1)
                 WHERE doc = ?1",
            )?
            .execute([id])?;
            return settle(conn, thread, outlet_ids);
        }
    }
    window.load_around(conn, day)?;
    if window.chosen.as_ref().is_some_and(|c| c.contains(&id)) {
        return Ok(());
    }
    let best = window.best(id, sig, day);
    window.add(day, id, sig.clone());
    window.last_day = day.or(window.last_day);
    match best {
        Some((other, _)) => join(conn, id, other, outlet_ids),
        None => Ok(()),
    }
}

/// Keeps the outlets of the story `id` (whose sources another feed changed,
/// `store::links`) and brings its thread's count up to date.
pub(super) fn restate_outlets(
    conn: &Connection,
    id: i64,
    outlet_ids: &[String],
) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE thread_sigs SET outlets = ?2 WHERE doc = ?1")?
        .execute(params![id, outlet_ids.join("\n")])?;
    match thread_of(conn, id)? {
        Some(thread) => settle(conn, thread, outlet_ids),
        None => Ok(()),
    }
}

/// The thread the story `doc` is in, if any.
fn thread_of(conn: &Connection, doc: i64) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached("SELECT thread FROM thread_members WHERE doc = ?1")?
        .query_row([doc], |r| r.get(0))
        .optional()
}

/// Puts `doc` in the thread of `other`, beginning one with `other` when it has
/// none.
fn join(conn: &Connection, doc: i64, other: i64, outlets: &[String]) -> rusqlite::Result<()> {
    let thread = match thread_of(conn, other)? {
        Some(t) => t,
        None => begin(conn, other)?,
    };
    enlist(conn, doc, thread, true)?;
    conn.prepare_cached("UPDATE threads SET stories = stories + 1 WHERE id = ?1")?
        .execute([thread])?;
    settle(conn, thread, outlets)
}

/// A new thread of the story `founder` alone, to be joined: its id.
fn begin(conn: &Connection, founder: i64) -> rusqlite::Result<i64> {
    conn.prepare_cached(
        "INSERT INTO threads (uid, head, stories, outlets, outlet_ids)
         SELECT d.uid, d.id, 1, 0, coalesce(s.outlets, '')
         FROM documents d LEFT JOIN thread_sigs s ON s.doc = d.id WHERE d.id = ?1",
    )?
    .execute([founder])?;
    let thread = conn.last_insert_rowid();
    enlist(conn, founder, thread, false)?;
    Ok(thread)
}

/// Makes the story `doc` a member of `thread` (a tail unless told), with its
/// list order.
fn enlist(conn: &Connection, doc: i64, thread: i64, tail: bool) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO thread_members (doc, thread, sort_key, tail)
         SELECT id, ?2, sort_key, ?3 FROM documents WHERE id = ?1 AND true
         ON CONFLICT(doc) DO UPDATE SET thread = excluded.thread, sort_key = excluded.sort_key,
            tail = excluded.tail",
    )?
    .execute(params![doc, thread, tail])?;
    Ok(())
}

/// Brings a thread's head up to date after one of its stories came or changed
/// (its newest story, one seek in `thread_members_newest`; the head before and
/// after swap their tail marks), and adds `outlets` to its outlets. At the cost
/// of one story whatever the thread's size; a thread whose outlets a removal
/// left unknown is read whole instead ([`refresh`]).
fn settle(conn: &Connection, thread: i64, outlets: &[String]) -> rusqlite::Result<()> {
    let (head, known): (i64, Option<String>) = conn
        .prepare_cached(
            "SELECT head, CASE WHEN outlets IS NULL THEN NULL ELSE outlet_ids END
             FROM threads WHERE id = ?1",
        )?
        .query_row([thread], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let Some(known) = known else {
        return refresh(conn, thread);
    };
    let newest: i64 = conn
        .prepare_cached(
            "SELECT doc FROM thread_members WHERE thread = ?1
             ORDER BY sort_key DESC, doc DESC LIMIT 1",
        )?
        .query_row([thread], |r| r.get(0))?;
    if newest != head {
        conn.prepare_cached("UPDATE thread_members SET tail = (doc <> ?2) WHERE doc IN (?1, ?2)")?
            .execute([head, newest])?;
    }
    let mut ids: BTreeSet<&str> = known.split('\n').filter(|o| !o.is_empty()).collect();
    ids.extend(outlets.iter().map(String::as_str));
    conn.prepare_cached(
        "UPDATE threads SET head = ?2, outlets = ?3, outlet_ids = ?4 WHERE id = ?1",
    )?
    .execute(params![
        thread,
        newest,
        ids.len(),
        ids.into_iter().collect::<Vec<_>>().join("\n")
    ])?;
    Ok(())
}

/// Brings a thread's head, tails and counts up to date with its stories; a
/// thread of fewer than two stories ends.
fn refresh(conn: &Connection, thread: i64) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.doc, s.outlets FROM thread_members m
            LEFT JOIN thread_sigs s ON s.doc = m.doc
         WHERE m.thread = ?1 ORDER BY m.sort_key DESC, m.doc DESC",
    )?;
    let members: Vec<(i64, Option<String>)> = stmt
        .query_map([thread], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    if members.len() < 2 {
        conn.prepare_cached("DELETE FROM thread_members WHERE thread = ?1")?
            .execute([thread])?;
        conn.prepare_cached("DELETE FROM threads WHERE id = ?1")?
            .execute([thread])?;
        return Ok(());
    }
    let outlets: BTreeSet<&str> = members
        .iter()
        .filter_map(|(_, o)| o.as_deref())
        .flat_map(|o| o.split('\n'))
        .filter(|o| !o.is_empty())
        .collect();
    let head = members[0].0;
    conn.prepare_cached("UPDATE thread_members SET tail = (doc <> ?2) WHERE thread = ?1")?
        .execute([thread, head])?;
    conn.prepare_cached(
        "UPDATE threads SET head = ?2, stories = ?3, outlets = ?4, outlet_ids = ?5 WHERE id = ?1",
    )?
    .execute(params![
        thread,
        head,
        members.len(),
        outlets.len(),
        outlets.into_iter().collect::<Vec<_>>().join("\n")
    ])?;
    Ok(())
}

/// Schema step: threads every stored story, oldest first, as an import would.
pub(super) fn add_threads(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(THREADS_SCHEMA)?;
    let mut window = Window::default();
    super::codec::each_document(tx, "sort_key, id", |id, doc| {
        let facts = crate::query::facts::Facts::of(&doc);
        let sig = signature(&doc);
        let story = Placing {
            id,
            sig: sig.as_ref(),
            day: day_of(&doc),
            outlets: &facts.outlet_ids,
        };
        place(tx, &mut window, story, false)
    })
}

/// A thread read whole: its stories newest first.
#[derive(Debug, Clone)]
pub struct Thread {
    /// Its id ([`ThreadMark::uid`]); a story alone is a thread of its own uid.
    pub uid: String,
    pub stories: Vec<super::Stored>,
    /// Distinct outlets across its stories.
    pub outlets: u32,
}

/// One line of a thread's merged timeline: a dated event of one of its
/// stories, or a story's publication.
#[derive(Debug, Clone, PartialEq)]
pub struct ThreadEvent {
    pub date: crate::model::PartialDate,
    pub text: String,
    /// The story it comes from: its uid and headline.
    pub story: String,
    pub title: String,
    /// True for a story's publication, false for an event of its timeline.
    pub published: bool,
}

impl Thread {
    /// Every dated event of every story and each story's publication, oldest
    /// first; an event two stories tell alike (same day, same words) once, citing
    /// the first story that tells it.
    pub fn timeline(&self) -> Vec<ThreadEvent> {
        let mut out: Vec<ThreadEvent> = Vec::new();
        let mut told = HashSet::new();
        for s in self.stories.iter().rev() {
            let mut push = |date: &crate::model::PartialDate, text: &str, published: bool| {
                let key = (
                    date.year,
                    date.month,
                    date.day,
                    crate::text::fold::fold(text),
                );
                if published || told.insert(key) {
                    out.push(ThreadEvent {
                        date: date.clone(),
                        text: text.to_string(),
                        story: s.item.uid.clone(),
                        title: s.item.title.clone(),
                        published,
                    });
                }
            };
            if let Some(p) = s.doc.published.as_ref().filter(|d| d.year.is_some()) {
                push(p, &s.doc.title, true);
            }
            for e in s.doc.timeline.iter().filter(|e| e.date.year.is_some()) {
                push(&e.date, &e.text, false);
            }
        }
        out.sort_by_key(|e| (e.date.sort_key(), e.date.time.clone()));
        out
    }
}

impl Store {
    /// The thread of the story `uid` (a story alone is a thread of one), its
    /// stories newest first.
    pub fn thread(&self, uid: &str) -> Result<Thread, StoreError> {
        let err = sql_err(&self.path, "read a thread");
        let id = self
            .id_of(uid)?
            .ok_or_else(|| StoreError::NotFound(format!("no document {uid}")))?;
        let Some(thread) = thread_of(&self.conn, id).map_err(&err)? else {
            let story = self.get(uid)?;
            let outlets = crate::query::facts::Facts::of(&story.doc).outlets;
            return Ok(Thread {
                uid: uid.to_string(),
                stories: vec![story],
                outlets,
            });
        };
        let (thread_uid, members): (String, Vec<String>) = {
            let thread_uid = self
                .conn
                .prepare_cached("SELECT uid FROM threads WHERE id = ?1")
                .and_then(|mut s| s.query_row([thread], |r| r.get(0)))
                .map_err(&err)?;
            let mut stmt = self
                .conn
                .prepare_cached(
                    "SELECT d.uid FROM thread_members m JOIN documents d ON d.id = m.doc
                     WHERE m.thread = ?1 ORDER BY d.sort_key DESC, d.id DESC",
                )
                .map_err(&err)?;
            let rows = stmt.query_map([thread], |r| r.get(0)).map_err(&err)?;
            (thread_uid, rows.collect::<Result<_, _>>().map_err(&err)?)
        };
        let stories = members
            .iter()
            .map(|u| self.get(u))
            .collect::<Result<Vec<_>, _>>()?;
        let outlets: BTreeSet<String> = stories
            .iter()
            .flat_map(|s| crate::query::facts::Facts::of(&s.doc).outlet_ids)
            .collect();
        Ok(Thread {
            uid: thread_uid,
            stories,
            outlets: outlets.len() as u32,
        })
    }

    /// Takes the story `uid` out of its thread, for good: threading never puts
    /// it in one again. False when it was in none.
    pub fn split_thread(&mut self, uid: &str) -> Result<bool, StoreError> {
        let err = sql_err(&self.path, "split a thread");
        let id = self
            .id_of(uid)?
            .ok_or_else(|| StoreError::NotFound(format!("no document {uid}")))?;
        let tx = self.conn.unchecked_transaction().map_err(&err)?;
        let thread = thread_of(&tx, id).map_err(&err)?;
        tx.execute(
            "INSERT OR REPLACE INTO thread_choices (doc, chosen) VALUES (?1, 0)",
            [id],
        )
        .map_err(&err)?;
        if let Some(thread) = thread {
            tx.execute("DELETE FROM thread_members WHERE doc = ?1", [id])
                .map_err(&err)?;
            refresh(&tx, thread).map_err(&err)?;
        }
        tx.commit().map_err(&err)?;
        Ok(thread.is_some())
    }

    /// Puts the story `other` and the rest of its thread in the thread of the
    /// story `into`, for good: threading never takes them out again. The
    /// thread's id afterwards.
    pub fn merge_threads(&mut self, into: &str, other: &str) -> Result<String, StoreError> {
        let err = sql_err(&self.path, "merge threads");
        let find = |uid: &str| {
            self.id_of(uid)?
                .ok_or_else(|| StoreError::NotFound(format!("no document {uid}")))
        };
        let (into, other) = (find(into)?, find(other)?);
        let tx = self.conn.unchecked_transaction().map_err(&err)?;
        let target = match thread_of(&tx, into).map_err(&err)? {
            Some(t) => t,
            None => begin(&tx, into).map_err(&err)?,
        };
        let moved: Vec<i64> = match thread_of(&tx, other).map_err(&err)? {
            Some(t) if t == target => Vec::new(),
            Some(t) => {
                let mut stmt = tx
                    .prepare("SELECT doc FROM thread_members WHERE thread = ?1")
                    .map_err(&err)?;
                let rows = stmt.query_map([t], |r| r.get(0)).map_err(&err)?;
                let docs = rows.collect::<Result<Vec<i64>, _>>().map_err(&err)?;
                tx.execute("DELETE FROM threads WHERE id = ?1", [t])
                    .map_err(&err)?;
                docs
            }
            None => vec![other],
        };
        for doc in moved.iter().chain([&into]) {
            if *doc != into {
                enlist(&tx, *doc, target, true).map_err(&err)?;
            }
            tx.execute(
                "INSERT OR REPLACE INTO thread_choices (doc, chosen) VALUES (?1, 1)",
                [*doc],
            )
            .map_err(&err)?;
        }
        refresh(&tx, target).map_err(&err)?;
        let uid = tx
            .query_row("SELECT uid FROM threads WHERE id = ?1", [target], |r| {
                r.get(0)
            })
            .map_err(&err)?;
        tx.commit().map_err(&err)?;
        Ok(uid)
    }

    /// How many threads of two or more stories the store holds.
    #[cfg(test)]
    pub fn thread_count(&self) -> Result<u64, StoreError> {
        self.conn
            .query_row("SELECT count(*) FROM threads", [], |r| r.get(0))
            .map_err(sql_err(&self.path, "count threads"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::views::tests::doc;
    use crate::store::View;

    const STRIKE: &str =
        "Harbour ferry strike halts every crossing as the union walks out over pay";
    const STRIKE_AGAIN: &str =
        "Harbour ferry strike halts every crossing as union walks out over pay talks";
    const MUSEUM: &str = "Museum reopens its east wing after a long restoration of the galleries";

    fn put(store: &mut Store, docs: &[(&str, &str)]) {
        let mut importer = store.begin_import().unwrap();
        for (title, day) in docs {
            importer
                .put(&doc(title, day, 1), None, Some("Wire"))
                .unwrap();
        }
        importer.commit().unwrap();
    }

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        (dir, store)
    }

    fn heads(store: &Store) -> Vec<(String, Option<u32>)> {
        store
            .list_view(&View::heads(), crate::store::Sort::Newest, 100, 0)
            .unwrap()
            .into_iter()
            .map(|i| (i.title, i.thread.map(|t| t.stories)))
            .collect()
    }

    #[test]
    fn the_same_event_within_days_is_one_thread_headed_by_its_newest_story() {
        let (_dir, mut store) = store();
        put(
            &mut store,
            &[
                (STRIKE, "2025-11-03"),
                (MUSEUM, "2025-11-03"),
                (STRIKE_AGAIN, "2025-11-04"),
            ],
        );
        assert_eq!(
            heads(&store),
            vec![
                (STRIKE_AGAIN.to_string(), Some(2)),
                (MUSEUM.to_string(), None)
            ]
        );
        // Every story still lists, each naming its thread.
        let all = store
            .list_view(&View::all(), crate::store::Sort::Newest, 100, 0)
            .unwrap();
        assert_eq!(all.len(), 3);
        let first = store.resolve(STRIKE).unwrap();
        let thread = store.thread(&first).unwrap();
        assert_eq!(
            thread.uid, first,
            "a thread is known by the story that began it"
        );
        assert_eq!(thread.stories.len(), 2);
        assert_eq!(thread.stories[0].item.title, STRIKE_AGAIN);
    }

    #[test]
    fn a_thread_counts_the_outlets_of_its_stories_once_each() {
        let (_dir, mut store) = store();
        let told = |title: &str, day: &str, outlets: &[&str]| {
            let mut d = doc(title, day, outlets.len() as u32);
            for (s, o) in d.sources.iter_mut().zip(outlets) {
                s.outlet = Some(o.to_string());
            }
            d
        };
        let mut importer = store.begin_import().unwrap();
        for d in [
            told(STRIKE, "2025-11-03", &["Reuters", "AP"]),
            told(STRIKE_AGAIN, "2025-11-04", &["AP", "BBC"]),
            told(MUSEUM, "2025-11-04", &["Le Monde"]),
        ] {
            importer.put(&d, None, Some("Wire")).unwrap();
        }
        importer.commit().unwrap();
        let rows = store
            .list_view(&View::heads(), crate::store::Sort::Newest, 10, 0)
            .unwrap();
        let head = rows.iter().find(|r| r.title == STRIKE_AGAIN).unwrap();
        let thread = head.thread.clone().unwrap();
        assert_eq!((thread.stories, thread.outlets), (2, Some(3)), "{rows:?}");
        assert_eq!(store.thread(&head.uid).unwrap().outlets, 3);
    }

    #[test]
    fn the_same_words_weeks_apart_are_two_events() {
        let (_dir, mut store) = store();
        put(
            &mut store,
            &[(STRIKE, "2025-11-03"), (STRIKE_AGAIN, "2025-12-20")],
        );
        assert_eq!(heads(&store).len(), 2);
    }

    #[test]
    fn a_story_split_out_stays_out_when_it_or_its_kin_come_again() {
        let (_dir, mut store) = store();
        put(
            &mut store,
            &[(STRIKE, "2025-11-03"), (STRIKE_AGAIN, "2025-11-04")],
        );
        let again = store.resolve(STRIKE_AGAIN).unwrap();
        assert!(store.split_thread(&again).unwrap());
        assert_eq!(heads(&store).len(), 2, "the thread of two ends");
        // A new version of the split story, and a third telling of the event.
        let mut importer = store.begin_import().unwrap();
        let mut newer = doc(STRIKE_AGAIN, "2025-11-04", 2);
        newer.timeline[0].text = "The crossings stay shut.".into();
        importer.put(&newer, None, Some("Wire")).unwrap();
        importer.commit().unwrap();
        let third = "Ferry strike: harbour crossings halted as the union walks out over pay";
        put(&mut store, &[(third, "2025-11-05")]);
        let thread = store.thread(&again).unwrap();
        assert_eq!(thread.stories.len(), 1, "{:?}", heads(&store));
        let strike = store.resolve(STRIKE).unwrap();
        assert_eq!(store.thread(&strike).unwrap().stories.len(), 2);
    }

    #[test]
    fn stories_merged_by_hand_stay_together_and_removing_one_keeps_the_rest() {
        let (_dir, mut store) = store();
        put(
            &mut store,
            &[
                (STRIKE, "2025-11-03"),
                (MUSEUM, "2025-11-04"),
                (STRIKE_AGAIN, "2025-11-05"),
            ],
        );
        let (strike, museum) = (
            store.resolve(STRIKE).unwrap(),
            store.resolve(MUSEUM).unwrap(),
        );
        let id = store.merge_threads(&strike, &museum).unwrap();
        assert_eq!(id, strike);
        assert_eq!(heads(&store), vec![(STRIKE_AGAIN.to_string(), Some(3))]);
        // The head goes: the next newest heads the thread.
        store.remove(&store.resolve(STRIKE_AGAIN).unwrap()).unwrap();
        assert_eq!(heads(&store), vec![(MUSEUM.to_string(), Some(2))]);
        // One story left: no thread.
        store.remove(&museum).unwrap();
        assert_eq!(heads(&store), vec![(STRIKE.to_string(), None)]);
        assert_eq!(store.thread_count().unwrap(), 0);
    }

    #[test]
    fn the_merged_timeline_orders_every_event_and_publication_citing_its_story() {
        let (_dir, mut store) = store();
        let mut first = doc(STRIKE, "2025-11-03", 1);
        first
            .timeline
            .insert(0, doc("Talks fail", "2025-10-30", 0).timeline.remove(0));
        let mut second = doc(STRIKE_AGAIN, "2025-11-04", 1);
        second.published = Some(second.timeline[0].date.clone());
        second.timeline.push(first.timeline[0].clone());
        let mut importer = store.begin_import().unwrap();
        importer.put(&first, None, Some("Wire")).unwrap();
        importer.put(&second, None, Some("Gazette")).unwrap();
        importer.commit().unwrap();
        let thread = store.thread(&store.resolve(STRIKE).unwrap()).unwrap();
        let lines: Vec<(String, bool, String)> = thread
            .timeline()
            .into_iter()
            .map(|e| (e.date.label, e.published, e.title))
            .collect();
        assert_eq!(
            lines,
            vec![
                ("2025-10-30".into(), false, STRIKE.into()),
                ("2025-11-03".into(), false, STRIKE.into()),
                ("2025-11-04".into(), true, STRIKE_AGAIN.into()),
                ("2025-11-04".into(), false, STRIKE_AGAIN.into()),
            ],
            "the event both tell is told once, by the first"
        );
    }
}
