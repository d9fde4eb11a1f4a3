//! Saved queries: a name for a query's text, kept in the store (`saved_queries`),
//! listed by name. The text is kept as typed and parsed when used, so a query
//! saved by an older tidings reads as the language reads it now.

use rusqlite::{params, OptionalExtension};

use super::{sql_err, Store, StoreError};

/// A saved query: its name and its text as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedQuery {
    pub name: String,
    pub query: String,
}

impl Store {
    /// Saves `query` under `name`; returns the text it replaced, if any.
    pub fn save_query(&self, name: &str, query: &str) -> Result<Option<String>, StoreError> {
        let err = sql_err(&self.path, "save a query");
        let old: Option<String> = self
            .conn
            .query_row(
                "SELECT query FROM saved_queries WHERE name = ?1",
                [name],
                |r| r.get(0),
            )
            .optional()
            .map_err(&err)?;
        self.conn
            .execute(
                "INSERT INTO saved_queries (name, query, saved_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (name) DO UPDATE SET query = ?2, saved_at = ?3",
                params![name, query, chrono::Utc::now().timestamp()],
            )
            .map_err(err)?;
        Ok(old)
    }

    /// Every saved query, by name.
    pub fn saved_queries(&self) -> Result<Vec<SavedQuery>, StoreError> {
        let err = sql_err(&self.path, "read the saved queries");
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT name, query FROM saved_queries ORDER BY name COLLATE NOCASE, name",
            )
            .map_err(&err)?;
        let rows = stmt
            .query_map([], |r| {
                Ok(SavedQuery {
                    name: r.get(0)?,
                    query: r.get(1)?,
                })
            })
            .map_err(&err)?;
        rows.collect::<Result<_, _>>().map_err(err)
    }

    /// Removes the query saved as `name`; false when there was none.
    pub fn remove_query(&self, name: &str) -> Result<bool, StoreError> {
        self.conn
            .execute("DELETE FROM saved_queries WHERE name = ?1", [name])
            .map(|n| n > 0)
            .map_err(sql_err(&self.path, "remove a saved query"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_is_saved_replaced_listed_by_name_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.save_query("yonhap", "outlet:yonhap").unwrap(), None);
        assert_eq!(store.save_query("Big", "sources>=5").unwrap(), None);
        assert_eq!(
            store
                .save_query("yonhap", "cites:yna.co.kr")
                .unwrap()
                .as_deref(),
            Some("outlet:yonhap"),
            "the text it replaced"
        );
        let names: Vec<(String, String)> = store
            .saved_queries()
            .unwrap()
            .into_iter()
            .map(|s| (s.name, s.query))
            .collect();
        assert_eq!(
            names,
            [
                ("Big".into(), "sources>=5".into()),
                ("yonhap".into(), "cites:yna.co.kr".into())
            ]
        );
        assert!(store.remove_query("Big").unwrap());
        assert!(!store.remove_query("Big").unwrap());
        assert_eq!(store.saved_queries().unwrap().len(), 1);
    }
}
