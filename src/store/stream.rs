//! Reading every row of a view, or every document, in turn without collecting
//! them: `list --limit 0` and `export` of a store of a million write each row as
//! it is read, so their memory stays flat whatever the store holds.

use super::read::{item, ITEM_COLUMNS};
use super::views::list_sql;
use super::{codec, sql_err, ListItem, Sort, Store, StoreError, Stored, View};

impl Store {
    /// The first `limit` headlines of `view` in `sort` order, as
    /// [`Store::list_view`] reads them, each given to `each` as it is read; an
    /// error from `each` stops the reading. The number of rows given.
    pub fn each_headline<E: From<StoreError>>(
        &self,
        view: &View,
        sort: Sort,
        limit: usize,
        mut each: impl FnMut(&ListItem) -> Result<(), E>,
    ) -> Result<usize, E> {
        let sql = list_sql(view, sort);
        let (limit, offset) = (limit.min(i64::MAX as usize) as i64, 0i64);
        let mut params = view.params();
        params.push((":limit", &limit));
        params.push((":offset", &offset));
        let err = sql_err(&self.path, "list documents");
        let mut stmt = self.conn.prepare_cached(&sql).map_err(&err)?;
        let mut rows = stmt.query(&params[..]).map_err(&err)?;
        let mut given = 0;
        while let Some(row) = rows.next().map_err(&err)? {
            each(&item(row).map_err(&err)?)?;
            given += 1;
        }
        Ok(given)
    }

    /// Every document in the order they were first stored (the export order,
    /// which a re-import reproduces), each given to `each` as it is read; an
    /// error from `each` stops the reading.
    pub fn each_document<E: From<StoreError>>(
        &self,
        mut each: impl FnMut(Stored) -> Result<(), E>,
    ) -> Result<(), E> {
        let err = sql_err(&self.path, "read the documents");
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {ITEM_COLUMNS}, d.json, d.id, d.sort_key FROM documents d ORDER BY d.id"
            ))
            .map_err(&err)?;
        let mut rows = stmt.query([]).map_err(&err)?;
        while let Some(row) = rows.next().map_err(&err)? {
            let item = item(row).map_err(&err)?;
            let stored = codec::column(row, 11).map_err(&err)?;
            let doc = codec::document(&self.path, &item.uid, &stored)?;
            let id = row.get(12).map_err(&err)?;
            let date = row.get(13).map_err(&err)?;
            each(Stored {
                id,
                item,
                doc,
                date,
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::views::tests::{store_of, DOCS};
    use super::*;

    #[test]
    fn rows_are_given_in_order_as_read_and_an_error_stops_the_reading() {
        let (_dir, store) = store_of(DOCS);
        let all = store
            .list_view(&View::all(), Sort::Title, usize::MAX, 0)
            .unwrap();
        let mut seen = Vec::new();
        let given = store
            .each_headline(&View::all(), Sort::Title, usize::MAX, |i| {
                seen.push(i.clone());
                Ok::<_, StoreError>(())
            })
            .unwrap();
        assert_eq!((given, &seen), (all.len(), &all));
        let mut calls = 0;
        let stopped = store.each_headline(&View::all(), Sort::Newest, usize::MAX, |_| {
            calls += 1;
            Err(StoreError::NotFound("the reader went away".into()))
        });
        assert!(stopped.is_err());
        assert_eq!(calls, 1, "the first error ends the reading");
        let mut titles = Vec::new();
        store
            .each_document(|s| {
                assert_eq!(s.item.title, s.doc.title);
                titles.push(s.doc.title);
                Ok::<_, StoreError>(())
            })
            .unwrap();
        let stored: Vec<&str> = DOCS.iter().map(|d| d.0).collect();
        assert_eq!(titles, stored, "in the order they were stored");
    }
}
