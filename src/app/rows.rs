//! The headline list's rows at any size: a compact index of every story listed
//! (its id, its read and saved marks, its feed as a number into a table of
//! names: 13 bytes a row), and the full rows (title, dates, counts, uid) only of
//! those near the screen, read by id as the screen moves and dropped once far
//! from it.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::store::{Headline, IndexFrom, IndexPart, ListItem};

/// The read mark's bit.
const READ: u8 = 1;
/// The saved mark's bit.
const SAVED: u8 = 2;

/// Every listed story's id, marks and feed, in list order, with the full rows
/// held near the screen.
#[derive(Debug, Clone)]
pub struct Rows {
    ids: Vec<i64>,
    marks: Vec<u8>,
    feeds: Vec<u32>,
    /// Feed names by number, and the number of each name.
    names: Vec<String>,
    numbers: HashMap<String, u32>,
    /// Full rows by id: those near the screen.
    window: HashMap<i64, ListItem>,
    /// Where the next part of the index starts in the store.
    pub next: IndexFrom,
}

impl Default for Rows {
    fn default() -> Self {
        Rows {
            ids: Vec::new(),
            marks: Vec::new(),
            feeds: Vec::new(),
            names: Vec::new(),
            numbers: HashMap::new(),
            window: HashMap::new(),
            next: IndexFrom::Offset(0),
        }
    }
}

/// The bits of a row's marks.
fn bits(read: bool, saved: bool) -> u8 {
    (u8::from(read) * READ) | (u8::from(saved) * SAVED)
}

impl Rows {
    /// The first rows of the list, full, with the index of every story still
    /// to come after them.
    pub fn first(rows: Vec<Headline>) -> Rows {
        let mut out = Rows {
            next: IndexFrom::Offset(rows.len()),
            ..Rows::default()
        };
        for h in rows {
            let feed = out.number(&h.item.feed);
            out.ids.push(h.id);
            out.marks.push(bits(h.item.read, h.item.saved));
            out.feeds.push(feed);
            out.window.insert(h.id, h.item);
        }
        out
    }

    /// The number of feed `name`, given one when new.
    fn number(&mut self, name: &str) -> u32 {
        if let Some(&n) = self.numbers.get(name) {
            return n;
        }
        let n = self.names.len() as u32;
        self.names.push(name.to_string());
        self.numbers.insert(name.to_string(), n);
        n
    }

    /// Appends a part of the index read from the store.
    pub fn extend(&mut self, part: IndexPart) {
        let numbers: Vec<u32> = part.feeds.iter().map(|f| self.number(f)).collect();
        self.ids.reserve(part.rows.len());
        self.marks.reserve(part.rows.len());
        self.feeds.reserve(part.rows.len());
        for r in part.rows {
            self.ids.push(r.id);
            self.marks.push(bits(r.read, r.saved));
            self.feeds.push(numbers[r.feed as usize]);
        }
        self.next = part.next;
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The id of row `i`.
    pub fn id(&self, i: usize) -> i64 {
        self.ids[i]
    }

    /// The ids of the rows from `from` on.
    pub fn ids_from(&self, from: usize) -> &[i64] {
        &self.ids[from.min(self.ids.len())..]
    }

    pub fn read(&self, i: usize) -> bool {
        self.marks[i] & READ != 0
    }

    pub fn saved(&self, i: usize) -> bool {
        self.marks[i] & SAVED != 0
    }

    /// A test of whether row `i` is of feed `name`.
    pub fn of_feed(&self, name: &str) -> impl Fn(usize) -> bool + '_ {
        let of: Vec<u32> = (0..self.names.len() as u32)
            .filter(|&n| self.names[n as usize] == name)
            .collect();
        move |i| of.contains(&self.feeds[i])
    }

    /// The full row `i`, when it is held.
    pub fn item(&self, i: usize) -> Option<&ListItem> {
        self.window.get(self.ids.get(i)?)
    }

    /// Sets the read mark of row `i`.
    pub fn set_read(&mut self, i: usize, on: bool) {
        self.set(i, READ, on);
        // Read again, a story updated since is no longer (`store::versions`).
        if let Some(item) = self.window.get_mut(&self.ids[i]).filter(|_| on) {
            item.updated = false;
        }
    }

    /// Sets the saved mark of row `i`.
    pub fn set_saved(&mut self, i: usize, on: bool) {
        self.set(i, SAVED, on);
    }

    fn set(&mut self, i: usize, bit: u8, on: bool) {
        if on {
            self.marks[i] |= bit;
        } else {
            self.marks[i] &= !bit;
        }
        if let Some(item) = self.window.get_mut(&self.ids[i]) {
            item.read = self.marks[i] & READ != 0;
            item.saved = self.marks[i] & SAVED != 0;
        }
    }

    /// The row of id `id`.
    pub fn position(&self, id: i64) -> Option<usize> {
        self.ids.iter().position(|&i| i == id)
    }

    /// The rows of these ids, in list order.
    pub fn positions(&self, ids: &[i64]) -> Vec<usize> {
        if ids.len() <= 8 {
            let mut at: Vec<usize> = ids.iter().filter_map(|&id| self.position(id)).collect();
            at.sort_unstable();
            return at;
        }
        let set: HashSet<i64> = ids.iter().copied().collect();
        (0..self.ids.len())
            .filter(|&i| set.contains(&self.ids[i]))
            .collect()
    }

    /// The id of the held row of `uid`, if one is held.
    pub fn id_of(&self, uid: &str) -> Option<i64> {
        self.window
            .iter()
            .find(|(_, item)| item.uid == uid)
            .map(|(&id, _)| id)
    }

    /// The ids of the rows at `positions` whose full rows are not held.
    pub fn missing(&self, positions: impl Iterator<Item = usize>) -> Vec<i64> {
        positions
            .filter_map(|i| self.ids.get(i))
            .filter(|id| !self.window.contains_key(id))
            .copied()
            .collect()
    }

    /// Takes in full rows read by id, found among the rows `near` (else in the
    /// whole list); their marks are the index's (which holds the marks shown
    /// before the store has written them).
    pub fn hold(&mut self, rows: Vec<Headline>, near: Range<usize>) {
        let near = near.start.min(self.len())..near.end.min(self.len());
        let at: HashMap<i64, usize> = near.map(|i| (self.ids[i], i)).collect();
        for mut h in rows {
            let Some(i) = at.get(&h.id).copied().or_else(|| self.position(h.id)) else {
                continue;
            };
            h.item.read = self.read(i);
            h.item.saved = self.saved(i);
            self.window.insert(h.id, h.item);
        }
    }

    /// Drops the full rows but those at `positions`.
    pub fn keep_only(&mut self, positions: impl Iterator<Item = usize>) {
        let keep: HashSet<i64> = positions.filter_map(|i| self.ids.get(i).copied()).collect();
        self.window.retain(|id, _| keep.contains(id));
    }

    /// How many full rows are held.
    pub fn held(&self) -> usize {
        self.window.len()
    }

    /// The full rows held, in list order.
    pub fn items(&self) -> impl Iterator<Item = &ListItem> {
        (0..self.len()).filter_map(|i| self.item(i))
    }

    /// Takes row `i` out of the list.
    pub fn remove(&mut self, i: usize) {
        let id = self.ids.remove(i);
        self.marks.remove(i);
        self.feeds.remove(i);
        self.window.remove(&id);
    }

    /// The bytes the index holds for its rows (what it has room for, whatever
    /// it uses), without the full rows near the screen.
    pub fn index_bytes(&self) -> usize {
        self.ids.capacity() * size_of::<i64>()
            + self.marks.capacity() * size_of::<u8>()
            + self.feeds.capacity() * size_of::<u32>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::IndexRow;

    fn headline(id: i64, feed: &str) -> Headline {
        Headline {
            id,
            item: ListItem {
                uid: format!("u{id}"),
                title: format!("Story {id}"),
                feed: feed.into(),
                thread: None,
                ..ListItem::default()
            },
        }
    }

    /// A part of `n` rows from id `from` on, in two feeds, every third read.
    fn part(from: i64, n: i64) -> IndexPart {
        IndexPart {
            rows: (from..from + n)
                .map(|id| IndexRow {
                    id,
                    read: id % 3 == 0,
                    saved: id % 5 == 0,
                    feed: (id % 2) as u32,
                })
                .collect(),
            feeds: vec!["Even".into(), "Odd".into()],
            next: IndexFrom::Offset((from + n) as usize),
        }
    }

    #[test]
    fn the_index_holds_about_13_bytes_a_row_however_many_rows() {
        let mut rows = Rows::first((0..50).map(|id| headline(id, "Even")).collect());
        let step = 20_000;
        for k in 0..10 {
            rows.extend(part(50 + k * step, step));
        }
        let n = rows.len();
        assert_eq!(n, 200_050);
        let per_row = rows.index_bytes() as f64 / n as f64;
        assert!(
            (13.0..=2.0 * 13.0).contains(&per_row),
            "{per_row:.1} bytes a row"
        );
        assert_eq!(rows.held(), 50, "only the first rows are full");
        rows.keep_only(100..120);
        assert_eq!(rows.held(), 0);
    }

    #[test]
    fn rows_keep_their_marks_and_feeds_and_full_rows_come_and_go() {
        let mut rows = Rows::first(vec![headline(10, "Odd"), headline(11, "Even")]);
        rows.extend(part(12, 6));
        assert_eq!(rows.len(), 8);
        let of_odd = rows.of_feed("Odd");
        let odd: Vec<usize> = (0..8).filter(|&i| of_odd(i)).collect();
        drop(of_odd);
        assert_eq!(odd, [0, 3, 5, 7]);
        assert!(rows.read(5) && !rows.read(6), "15 read, 16 not");
        assert_eq!(rows.missing(1..4), [12, 13]);
        rows.set_read(3, true);
        let mut far = headline(13, "Odd");
        far.item.read = false;
        rows.hold(vec![headline(12, "Even"), far], 0..2);
        assert!(rows.item(3).unwrap().read, "the index's mark wins");
        assert_eq!(rows.missing(1..4), Vec::<i64>::new());
        assert_eq!(rows.id_of("u12"), Some(12));
        assert_eq!(rows.positions(&[17, 10]), [0, 7]);
        rows.keep_only(2..4);
        assert_eq!(rows.held(), 2);
        assert!(rows.item(0).is_none());
        rows.remove(2);
        assert_eq!(rows.ids_from(2), [13, 14, 15, 16, 17]);
    }
}
