//! Subscriptions (the feeds `tidings refresh` fetches) and the HTTP validators kept
//! for every URL fetched, so an unchanged source costs one conditional request.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension};

use super::{sql_err, Store, StoreError};

/// A feed or Kagi News URL the user subscribed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    pub url: String,
    pub name: Option<String>,
    /// Unix seconds of the last refresh that reached it.
    pub checked_at: Option<i64>,
    /// What the last refresh said of it (`3 added`, `not modified`, `HTTP 500`).
    pub status: Option<String>,
}

impl Subscription {
    /// The name to show: the one given, else the URL.
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.url)
    }
}

/// What a server said about a URL's version last time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

impl Store {
    /// Adds a subscription, or renames it (and the feed its stories are listed
    /// under) when `name` is given; true when new.
    pub fn subscribe(&mut self, url: &str, name: Option<&str>) -> Result<bool, StoreError> {
        let err = sql_err(&self.path, "add a subscription");
        let now = chrono::Utc::now().timestamp();
        let added = self
            .conn
            .execute(
                "INSERT INTO subscriptions (url, name, added_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT(url) DO NOTHING",
                params![url, name, now],
            )
            .map_err(err)?;
        if let (0, Some(name)) = (added, name) {
            // Its stories are listed under the new name too (not Kagi clusters,
            // which are listed under their category).
            let tx = self.conn.transaction().map_err(err)?;
            let listed_as = |tx: &rusqlite::Transaction| {
                tx.query_row(
                    "SELECT feed FROM documents WHERE origin = ?1 AND item LIMIT 1",
                    [url],
                    |r| r.get::<_, String>(0),
                )
                .optional()
            };
            let old = listed_as(&tx).map_err(err)?;
            tx.execute(
                "UPDATE subscriptions SET name = ?2 WHERE url = ?1",
                params![url, name],
            )
            .and_then(|_| super::feed::name_feeds(&tx, Some(url)))
            .map_err(err)?;
            if let (Some(old), Some(new)) = (old, listed_as(&tx).map_err(err)?) {
                super::links::rename_feed(&tx, &old, &new).map_err(err)?;
            }
            tx.commit().map_err(err)?;
        }
        Ok(added == 1)
    }

    /// True when `url` is subscribed to.
    pub fn is_subscribed(&self, url: &str) -> Result<bool, StoreError> {
        self.conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM subscriptions WHERE url = ?1)",
                [url],
                |r| r.get(0),
            )
            .map_err(sql_err(&self.path, "read the subscriptions"))
    }

    /// Names a subscription that has no name yet (from its feed's title).
    pub fn name_subscription(&mut self, url: &str, name: &str) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE subscriptions SET name = ?2 WHERE url = ?1 AND name IS NULL",
                params![url, name],
            )
            .map_err(sql_err(&self.path, "name a subscription"))?;
        Ok(())
    }

    /// Removes the subscription with this URL or name (its stories stay).
    pub fn unsubscribe(&mut self, url_or_name: &str) -> Result<Subscription, StoreError> {
        let matches: Vec<Subscription> = self
            .subscriptions()?
            .into_iter()
            .filter(|s| s.url == url_or_name || s.name.as_deref() == Some(url_or_name))
            .collect();
        let sub = match matches.as_slice() {
            [one] => one.clone(),
            [] => {
                return Err(StoreError::NotFound(format!(
                "no subscription has the URL or name {url_or_name:?} (see `tidings subscriptions`)"
            )))
            }
            _ => {
                return Err(StoreError::NotFound(format!(
                    "{} subscriptions are named {url_or_name:?}; give the URL",
                    matches.len()
                )))
            }
        };
        let err = sql_err(&self.path, "remove a subscription");
        let tx = self.conn.transaction().map_err(err)?;
        tx.execute("DELETE FROM subscriptions WHERE url = ?1", [&sub.url])
            .and_then(|_| tx.execute("DELETE FROM http_cache WHERE url = ?1", [&sub.url]))
            .map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(sub)
    }

    /// Every subscription, in the order they were added.
    pub fn subscriptions(&self) -> Result<Vec<Subscription>, StoreError> {
        self.subscriptions_where("1", &[])
    }

    /// The subscriptions an automatic refresh every `every` seconds fetches at
    /// `now` (Unix seconds): those not checked within `every`, and not asked
    /// (by their `<ttl>`) to be left alone longer.
    pub fn due_subscriptions(&self, now: i64, every: i64) -> Result<Vec<Subscription>, StoreError> {
        self.subscriptions_where(
            "(not_before IS NULL OR not_before <= ?1)
             AND (checked_at IS NULL OR checked_at + ?2 <= ?1)",
            &[&now, &every],
        )
    }

    /// The subscriptions matching `condition`, in the order they were added.
    fn subscriptions_where(
        &self,
        condition: &str,
        values: &[&dyn rusqlite::ToSql],
    ) -> Result<Vec<Subscription>, StoreError> {
        let err = sql_err(&self.path, "read the subscriptions");
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT url, name, checked_at, status FROM subscriptions
                 WHERE {condition} ORDER BY id"
            ))
            .map_err(err)?;
        let rows = stmt
            .query_map(values, |r| {
                Ok(Subscription {
                    url: r.get(0)?,
                    name: r.get(1)?,
                    checked_at: r.get(2)?,
                    status: r.get(3)?,
                })
            })
            .map_err(err)?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(err)
            .map(|mut subs| {
                for s in &mut subs {
                    s.url = crate::text::sanitize::for_terminal_owned(std::mem::take(&mut s.url));
                    s.name = s.name.take().map(crate::text::sanitize::for_terminal_owned);
                    s.status = s
                        .status
                        .take()
                        .map(crate::text::sanitize::for_terminal_owned);
                }
                subs
            })
    }

    /// Records what a refresh said of a subscription, and that an automatic refresh leaves it alone until `not_before` (Unix
    /// seconds), when it says.
    pub fn record_check(
        &mut self,
        url: &str,
        status: &str,
        not_before: Option<i64>,
    ) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE subscriptions SET checked_at = ?2, status = ?3, not_before = ?4
                 WHERE url = ?1",
                params![url, chrono::Utc::now().timestamp(), status, not_before],
            )
            .map_err(sql_err(&self.path, "record a refresh"))?;
        Ok(())
    }

    /// The validators last seen, by URL.
    pub fn all_validators(&self) -> Result<HashMap<String, Validators>, StoreError> {
        let err = sql_err(&self.path, "read the HTTP validators");
        let mut stmt = self
            .conn
            .prepare("SELECT url, etag, last_modified FROM http_cache")
            .map_err(err)?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    Validators {
                        etag: r.get(1)?,
                        last_modified: r.get(2)?,
                    },
                ))
            })
            .map_err(err)?;
        rows.collect::<Result<HashMap<_, _>, _>>().map_err(err)
    }

    /// Keeps the validators a server sent with `url`'s current version.
    pub fn set_validators(&mut self, url: &str, v: &Validators) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO http_cache (url, etag, last_modified) VALUES (?1, ?2, ?3)
                 ON CONFLICT(url) DO UPDATE SET etag = excluded.etag,
                     last_modified = excluded.last_modified",
                params![url, v.etag, v.last_modified],
            )
            .map_err(sql_err(&self.path, "save the HTTP validators"))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subscribe_rename_list_and_unsubscribe_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        assert!(store.subscribe("https://a.example/rss", None).unwrap());
        assert!(store
            .subscribe("https://b.example/atom", Some("Wire"))
            .unwrap());
        assert!(!store
            .subscribe("https://a.example/rss", Some("Gazette"))
            .unwrap());
        let subs = store.subscriptions().unwrap();
        assert_eq!(subs.len(), 2);
        assert_eq!(subs[0].label(), "Gazette");
        store
            .set_validators(
                "https://b.example/atom",
                &Validators {
                    etag: Some("\"v1\"".into()),
                    last_modified: None,
                },
            )
            .unwrap();
        assert_eq!(
            store.unsubscribe("Wire").unwrap().url,
            "https://b.example/atom"
        );
        assert!(store.all_validators().unwrap().is_empty());
        assert!(store
            .unsubscribe("Wire")
            .unwrap_err()
            .to_string()
            .contains("no subscription"));
        assert_eq!(store.subscriptions().unwrap().len(), 1);
    }
}
