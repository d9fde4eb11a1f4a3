//! The version of each story the person last read, so that a newer version can
//! say what changed since (`crate::diff`).
//!
//! `read_versions` holds a row for every story ever read. Its `json` is NULL
//! while the stored document is the version last read, which is what marking it
//! read says (a trigger, so every way of marking — `N`, `A`, `mark --all`, an
//! export's marks — does it, and marking 60,000 stories copies no JSON). When an
//! import brings a newer version of a story read before, the version being
//! replaced is kept there ([`keep_read_version`]) and the story becomes unread
//! again: it is *updated* (its `json` is not NULL) until it is read again.

use rusqlite::{Connection, OptionalExtension};

use super::{codec, sql_err, Store, StoreError};
use crate::model::Document;

/// Migration step: the table, filled with the stories read so far (their
/// current version is the one read), and the triggers that keep it.
pub(super) const SCHEMA: &str = "CREATE TABLE read_versions (
        doc     INTEGER PRIMARY KEY,
        json    BLOB,
        read_at INTEGER NOT NULL
    );
    INSERT INTO read_versions (doc, json, read_at)
        SELECT id, NULL, updated_at FROM documents WHERE is_read;
    CREATE TRIGGER read_versions_read AFTER UPDATE OF is_read ON documents
        WHEN NEW.is_read AND NOT OLD.is_read
    BEGIN
        INSERT OR REPLACE INTO read_versions (doc, json, read_at)
            VALUES (NEW.id, NULL, unixepoch());
    END;
    CREATE TRIGGER read_versions_gone AFTER DELETE ON documents
    BEGIN
        DELETE FROM read_versions WHERE doc = OLD.id;
    END;";

/// The SQL condition (over `documents d`) of a story updated since it was read.
pub(super) const UPDATED: &str =
    "EXISTS (SELECT 1 FROM read_versions v WHERE v.doc = d.id AND v.json IS NOT NULL)";

/// Before an import replaces document `id` with a newer version: when it was
/// read, keeps the version read (unless an older one read is kept already) and
/// marks it unread, so that it shows as updated and `n` finds it.
pub(super) fn keep_read_version(conn: &Connection, id: i64) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE read_versions SET json = (SELECT json FROM documents WHERE id = ?1)
         WHERE doc = ?1 AND json IS NULL",
    )?
    .execute([id])?;
    conn.prepare_cached(
        "UPDATE documents SET is_read = 0
         WHERE id = ?1 AND is_read AND EXISTS (SELECT 1 FROM read_versions WHERE doc = ?1)",
    )?
    .execute([id])?;
    Ok(())
}

/// What the person last read of a story.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadVersion {
    /// Never read: everything in it is new.
    NotRead,
    /// The version stored is the one read: nothing changed since.
    Current,
    /// An older version, read before this one arrived.
    Older(Box<Document>),
}

impl Store {
    /// The version of document `uid` the person last read.
    pub fn read_version(&self, uid: &str) -> Result<ReadVersion, StoreError> {
        let err = sql_err(&self.path, "read the version last read");
        let row: Option<Option<Vec<u8>>> = self
            .conn
            .query_row(
                "SELECT v.json FROM read_versions v JOIN documents d ON d.id = v.doc
                 WHERE d.uid = ?1",
                [uid],
                |r| match r.get_ref(0)? {
                    rusqlite::types::ValueRef::Null => Ok(None),
                    _ => codec::column(r, 0).map(Some),
                },
            )
            .optional()
            .map_err(err)?;
        Ok(match row {
            None => ReadVersion::NotRead,
            Some(None) => ReadVersion::Current,
            Some(Some(json)) => {
                ReadVersion::Older(Box::new(codec::document(&self.path, uid, &json)?))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Paragraph, Sentence};
    use crate::query::parsed;
    use crate::store::{Mark, Selection};

    fn story(claims: &[&str]) -> Document {
        let mut d = Document::new(Kind::Story, "Harbour reopens".into());
        d.lead.push(Paragraph {
            sentences: claims
                .iter()
                .map(|c| Sentence {
                    text: c.to_string(),
                    citations: vec![1],
                })
                .collect(),
        });
        d
    }

    fn put(store: &mut Store, doc: &Document) -> super::super::Change {
        let mut import = store.begin_import().unwrap();
        let change = import.put(doc, None, None).unwrap();
        import.commit().unwrap();
        change
    }

    fn updated(store: &Store) -> Vec<String> {
        store
            .search(&parsed("is:updated"), 10)
            .unwrap()
            .into_iter()
            .map(|h| h.item.uid)
            .collect()
    }

    #[test]
    fn an_update_of_a_read_story_keeps_the_version_read_until_it_is_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let first = story(&["The port reopened."]);
        put(&mut store, &first);
        let uid = store.list(1, false, 0).unwrap()[0].uid.clone();
        assert_eq!(store.read_version(&uid).unwrap(), ReadVersion::NotRead);
        let second = story(&["The port reopened.", "Ships are leaving."]);
        put(&mut store, &second);
        assert_eq!(
            store.read_version(&uid).unwrap(),
            ReadVersion::NotRead,
            "an update of a story never read keeps nothing"
        );
        store.set_read(&uid, true).unwrap();
        assert_eq!(store.read_version(&uid).unwrap(), ReadVersion::Current);
        assert!(!store.get(&uid).unwrap().item.updated);

        let third = story(&["The port reopened.", "Ships are leaving.", "A third."]);
        assert_eq!(put(&mut store, &third), super::super::Change::Updated);
        assert_eq!(
            store.read_version(&uid).unwrap(),
            ReadVersion::Older(Box::new(second.clone()))
        );
        let row = store.get(&uid).unwrap().item;
        assert!(
            row.updated && !row.read,
            "updated and unread again: {row:?}"
        );
        assert_eq!(updated(&store), std::slice::from_ref(&uid));

        let fourth = story(&["The port reopened.", "A fourth."]);
        put(&mut store, &fourth);
        assert_eq!(
            store.read_version(&uid).unwrap(),
            ReadVersion::Older(Box::new(second)),
            "the version read stays until the story is read again"
        );

        store
            .mark_selection(&Selection::default(), Mark::Read, true)
            .unwrap();
        assert_eq!(store.read_version(&uid).unwrap(), ReadVersion::Current);
        assert!(!store.get(&uid).unwrap().item.updated);
        assert!(updated(&store).is_empty());
        assert!(store.remove(&uid).unwrap());
        let left: i64 = store
            .conn
            .query_row("SELECT count(*) FROM read_versions", [], |r| r.get(0))
            .unwrap();
        assert_eq!(left, 0, "removing a story removes its version read");
    }
}
