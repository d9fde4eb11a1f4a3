//! Read and saved marks in bulk, with what is needed to undo them: marking every
//! document of a view (or of a full-text query, or dated before a day) in one
//! transaction returns exactly the documents whose mark changed, and
//! [`Store::undo`] puts those back.

use chrono::NaiveDate;
use rusqlite::types::ToSql;
use rusqlite::{params, OptionalExtension, TransactionBehavior};

use super::{sql_err, Store, StoreError, View};
use crate::query::Query;

/// One of a document's two marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Read,
    Saved,
}

impl Mark {
    fn column(self) -> &'static str {
        match self {
            Mark::Read => "is_read",
            Mark::Saved => "is_saved",
        }
    }
}

/// A marking that happened: `mark` was set to `on` on exactly these documents,
/// which all had it the other way before (those that already had it are not
/// here). [`Store::undo`] turns them back; keep a stack of these to undo
/// several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    pub mark: Mark,
    pub on: bool,
    pub uids: Vec<String>,
    /// The same documents' ids (`documents.id`), in the same order: the reader's
    /// list index knows its rows by them.
    pub ids: Vec<i64>,
}

impl Marked {
    /// How many documents changed.
    pub fn len(&self) -> usize {
        self.uids.len()
    }

    /// True when nothing changed (everything was marked so already).
    pub fn is_empty(&self) -> bool {
        self.uids.is_empty()
    }
}

/// Which documents a bulk marking touches: those of a view, narrowed to the
/// matches of a full-text query and to those dated before a day when given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub view: View,
    /// A query every document must match (`crate::query`). Every match
    /// counts, not only the ranked ones the filter shows; a query of nothing
    /// matches nothing.
    pub query: Option<Query>,
    /// Only documents whose date (their latest dated news, else the day they were
    /// stored, as the list sorts them) is before this day.
    pub before: Option<NaiveDate>,
}

impl Store {
    /// Sets `mark` to `on` on every document of `selection` that had it the
    /// other way, in one transaction; returns exactly those documents.
    pub fn mark_selection(
        &mut self,
        selection: &Selection,
        mark: Mark,
        on: bool,
    ) -> Result<Marked, StoreError> {
        let column = mark.column();
        let mut sql = format!(
            "UPDATE documents AS d SET {column} = :on WHERE {column} <> :on AND {}",
            selection.view.condition()
        );
        let mut params = selection.view.params();
        params.push((":on", &on));
        let condition = match selection.query.as_ref().map(|q| &q.expr) {
            Some(Some(expr)) => Some(self.condition(expr)?),
            Some(None) => {
                sql.push_str(" AND 0");
                None
            }
            None => None,
        };
        if let Some(c) = &condition {
            sql.push_str(&format!(" AND ({})", c.sql));
            params.extend(c.params.named());
        }
        let before = selection.before.map(|d| d.format("%Y-%m-%d").to_string());
        if let Some(day) = &before {
            sql.push_str(" AND d.sort_key < :before");
            params.push((":before", day as &dyn ToSql));
        }
        sql.push_str(" RETURNING uid, id");
        let err = sql_err(&self.path, "mark documents");
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let (uids, ids) = {
            let mut stmt = tx.prepare(&sql).map_err(err)?;
            let rows = stmt
                .query_map(&params[..], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
                })
                .map_err(err)?;
            rows.collect::<Result<(Vec<String>, Vec<i64>), _>>()
                .map_err(err)?
        };
        tx.commit().map_err(err)?;
        Ok(Marked {
            mark,
            on,
            uids,
            ids,
        })
    }

    /// Sets `mark` to `on` on these documents, in one transaction; returns those
    /// whose mark changed (an unknown uid, or one marked so already, is left out).
    pub fn mark_uids(
        &mut self,
        uids: &[String],
        mark: Mark,
        on: bool,
    ) -> Result<Marked, StoreError> {
        let err = sql_err(&self.path, "mark documents");
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let (mut changed, mut ids) = (Vec::new(), Vec::new());
        {
            let sql = format!(
                "UPDATE documents SET {0} = ?2 WHERE uid = ?1 AND {0} <> ?2 RETURNING id",
                mark.column()
            );
            let mut stmt = tx.prepare(&sql).map_err(err)?;
            for uid in uids {
                let id = stmt
                    .query_row(params![uid, on], |r| r.get(0))
                    .optional()
                    .map_err(err)?;
                if let Some(id) = id {
                    changed.push(uid.clone());
                    ids.push(id);
                }
            }
        }
        tx.commit().map_err(err)?;
        Ok(Marked {
            mark,
            on,
            uids: changed,
            ids,
        })
    }

    /// Turns a marking back: the documents it changed get their mark as it was
    /// before. Returns what undoing changed (itself undoable: a redo).
    pub fn undo(&mut self, marked: &Marked) -> Result<Marked, StoreError> {
        self.mark_uids(&marked.uids, marked.mark, !marked.on)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::views::tests::{store_of, titles, DOCS};
    use crate::store::{Show, Sort};

    fn unread(store: &Store) -> Vec<String> {
        let view = View {
            show: Show::Unread,
            feed: None,
            heads: false,
        };
        titles(&store.list_view(&view, Sort::Title, 10, 0).unwrap())
            .into_iter()
            .map(String::from)
            .collect()
    }

    fn uids(store: &Store, titles: &[&str]) -> Vec<String> {
        let mut uids: Vec<String> = titles.iter().map(|t| store.resolve(t).unwrap()).collect();
        uids.sort();
        uids
    }

    #[test]
    fn marking_a_view_read_returns_exactly_what_changed_and_undo_restores_it() {
        let (_dir, mut store) = store_of(DOCS);
        let bridge = store.resolve("Bridge").unwrap();
        store.set_read(&bridge, true).unwrap();
        let harbour = Selection {
            view: View {
                show: Show::All,
                feed: Some("Harbour Gazette".into()),
                heads: false,
            },
            ..Selection::default()
        };
        let mut marked = store.mark_selection(&harbour, Mark::Read, true).unwrap();
        marked.uids.sort();
        assert_eq!(
            marked.uids,
            uids(&store, &["Dock", "Élection"]),
            "the one read already is not among them"
        );
        assert_eq!(unread(&store), ["apple harvest"]);
        let undone = store.undo(&marked).unwrap();
        assert_eq!(undone.len(), 2);
        assert_eq!(
            unread(&store),
            ["apple harvest", "Dock strike", "Élection results"],
            "the bridge stays read: it was before"
        );
        store.undo(&undone).unwrap();
        assert_eq!(unread(&store), ["apple harvest"], "undoing the undo redoes");
    }

    #[test]
    fn a_selection_narrows_by_words_and_by_day() {
        let (_dir, mut store) = store_of(DOCS);
        let words = Selection {
            query: Some(crate::query::parsed("strike")),
            ..Selection::default()
        };
        let marked = store.mark_selection(&words, Mark::Read, true).unwrap();
        assert_eq!(marked.uids, uids(&store, &["Dock"]));
        let before = Selection {
            before: NaiveDate::from_ymd_opt(2025, 11, 3),
            ..Selection::default()
        };
        let mut marked = store.mark_selection(&before, Mark::Read, true).unwrap();
        marked.uids.sort();
        assert_eq!(
            marked.uids,
            uids(&store, &["apple"]),
            "the 3rd itself is not before the 3rd; the strike was read already"
        );
        let nothing = Selection {
            query: Some(crate::query::parsed("«»")),
            ..Selection::default()
        };
        assert!(store
            .mark_selection(&nothing, Mark::Read, true)
            .unwrap()
            .is_empty());
        let unread_all = store
            .mark_selection(&Selection::default(), Mark::Read, false)
            .unwrap();
        assert_eq!(unread_all.len(), 2);
        assert!(!unread_all.on);
        let saved = store
            .mark_selection(&Selection::default(), Mark::Saved, true)
            .unwrap();
        assert_eq!(saved.len(), 4, "saved marks too");
    }

    #[test]
    fn marking_uids_skips_the_unchanged_and_the_unknown() {
        let (_dir, mut store) = store_of(DOCS);
        let dock = store.resolve("Dock").unwrap();
        let both = vec![dock.clone(), "nope".to_string()];
        assert_eq!(
            store.mark_uids(&both, Mark::Read, true).unwrap().uids,
            std::slice::from_ref(&dock)
        );
        assert!(store.mark_uids(&both, Mark::Read, true).unwrap().is_empty());
    }

    #[test]
    fn another_connections_commit_is_noticed_once_and_our_own_never() {
        let (dir, mut store) = store_of(DOCS);
        assert!(!store.changed_since_last_check().unwrap());
        let dock = store.resolve("Dock").unwrap();
        store.set_read(&dock, true).unwrap();
        assert!(
            !store.changed_since_last_check().unwrap(),
            "our own writes are not news"
        );
        let mut other = Store::open(dir.path()).unwrap();
        other.set_read(&dock, false).unwrap();
        assert!(store.changed_since_last_check().unwrap());
        assert!(!store.changed_since_last_check().unwrap(), "said once");
    }
}
