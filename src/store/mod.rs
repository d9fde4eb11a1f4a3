//! The local store: one SQLite file in the data directory. The only code that
//! speaks SQL. Opening checks what the file is before anything could write to it:
//! a foreign, newer, empty or corrupt file is refused and left byte-for-byte as is.

mod codec;
mod facts;
mod feed;
mod links;
mod marks;
mod query;
mod read;
mod retention;
mod saved;
mod schema;
mod snippet;
mod stream;
mod subscriptions;
mod threads;
mod versions;
mod views;
mod write;

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

pub use feed::feed_name;
pub use links::FeedStories;
pub use marks::{Mark, Marked, Selection};
pub use query::UNREAD_LIMIT;
pub use read::{Hit, ListItem, Stored, COUNT_LIMIT, MATCH_LIMIT};
pub use retention::{FeedPrune, MaxItems, PrunePlan, Rules, Stats, Vacuumed, PRUNE_BATCH};
pub use saved::SavedQuery;
pub use schema::{APPLICATION_ID, CURRENT_VERSION};
pub use subscriptions::{Subscription, Validators};
pub use threads::{Thread, ThreadEvent, ThreadMark};
pub use versions::ReadVersion;
pub use views::{
    FeedCounts, Headline, IndexFrom, IndexPart, IndexRow, Show, Sort, View, ViewCounts,
};
pub use write::{doc_key, uid_of, Batch, Change, ChangeCounts, Prepared, BATCH_ENV};

use crate::paths::STORE_FILE;

/// How long a writer waits for another process's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The store, open for reading and writing.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// `PRAGMA data_version` when [`Store::changed_since_last_check`] last looked.
    data_version: Cell<i64>,
}

/// Why the store cannot be used; each displays as one line naming the file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The data directory names something that is not a directory.
    #[error(
        "{}: not a directory; --data-dir (or TIDINGS_DATA_DIR) names the directory the store is kept in",
        .dir.display()
    )]
    NotADir { dir: PathBuf },
    /// The data directory could not be created.
    #[error("cannot create the data directory {}: {source}", .dir.display())]
    NoDir {
        dir: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file is not a tidings store (empty, another program's, or not SQLite).
    #[error(
        "{}: not a tidings store ({what}); left untouched, choose another --data-dir",
        .path.display()
    )]
    Foreign { path: PathBuf, what: String },
    /// The file was written by a newer tidings.
    #[error(
        "{}: written by a newer tidings (schema {version}, this build knows {CURRENT_VERSION}); left untouched, upgrade tidings",
        .path.display()
    )]
    Newer { path: PathBuf, version: i32 },
    /// The file is damaged.
    #[error(
        "{}: the store is damaged ({reason}); left untouched, restore a backup or choose another --data-dir",
        .path.display()
    )]
    Corrupt { path: PathBuf, reason: String },
    /// A write-ahead log that SQLite would replay into the wrong file.
    #[error(
        "{}: {what}; left untouched, move it away (or restore the store it belongs to)",
        .path.display()
    )]
    StrayWal { path: PathBuf, what: &'static str },
    /// The file could not be read.
    #[error("{}: cannot {doing}: {source}", .path.display())]
    Io {
        path: PathBuf,
        doing: &'static str,
        #[source]
        source: std::io::Error,
    },
    /// Any other SQLite failure, with what was being done.
    #[error("{}: cannot {doing}: {}", .path.display(), describe(.source))]
    Sqlite {
        path: PathBuf,
        doing: &'static str,
        #[source]
        source: rusqlite::Error,
    },
    /// The named document is not in the store, or the name is ambiguous.
    #[error("{0}")]
    NotFound(String),
}

/// SQLite's message, with the common causes said plainly.
fn describe(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode::*;
    match e.sqlite_error_code() {
        Some(ReadOnly) => "the store or its directory is read-only".into(),
        Some(CannotOpen) => "cannot open the file (is the directory writable?)".into(),
        Some(DiskFull) => "the disk is full".into(),
        Some(DatabaseBusy) | Some(DatabaseLocked) => "another tidings is writing; try again".into(),
        _ => e.to_string(),
    }
}

fn is_corruption(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseCorrupt) | Some(rusqlite::ErrorCode::NotADatabase)
    )
}

impl Store {
    /// Opens (creating if needed) the store in `dir`.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        if dir.exists() && !dir.is_dir() {
            return Err(StoreError::NotADir {
                dir: dir.to_path_buf(),
            });
        }
        std::fs::create_dir_all(dir).map_err(|source| StoreError::NoDir {
            dir: dir.to_path_buf(),
            source,
        })?;
        let path = dir.join(STORE_FILE);
        check_wal(&path)?;
        let version = if path.exists() { inspect(&path)? } else { 0 };
        let sql = |doing| {
            move |source| StoreError::Sqlite {
                path: dir.join(STORE_FILE),
                doing,
                source,
            }
        };
        let mut conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sql("open the store"))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(sql("set the busy timeout"))?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(sql("switch the store to WAL mode"))?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(sql("set synchronous=FULL"))?;
        if version < CURRENT_VERSION {
            schema::migrate(&mut conn, version).map_err(sql("create or upgrade the schema"))?;
        }
        let data_version = Cell::new(data_version(&conn).map_err(sql("read the data version"))?);
        Ok(Store {
            conn,
            path,
            data_version,
        })
    }

    /// Another connection to this store, for another thread of this process.
    /// [`Store::open`] checks the file by reading it through a descriptor of its
    /// own, and closing a descriptor drops every POSIX lock the process holds on
    /// the file, SQLite's too: another process could then take the store for
    /// unused and delete the write-ahead log from under this one, losing what
    /// it writes next. Here SQLite alone opens the file, and it keeps its
    /// descriptors until its locks are released.
    pub fn sibling(&self) -> Result<Store, StoreError> {
        let err = |doing| sql_err(&self.path, doing);
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(err("open the store"))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(err("set the busy timeout"))?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(err("set synchronous=FULL"))?;
        let data_version = Cell::new(data_version(&conn).map_err(err("read the data version"))?);
        Ok(Store {
            conn,
            path: self.path.clone(),
            data_version,
        })
    }

    /// True when another process (an `import`, a `refresh` from cron, the
    /// reader's own background refresh, which has its own connection) has
    /// committed a change to the store since this was last asked (or since it was
    /// opened). This connection's own writes do not count. It asks SQLite's
    /// `PRAGMA data_version`, which reads no table: cheap enough to poll every
    /// second.
    pub fn changed_since_last_check(&self) -> Result<bool, StoreError> {
        let now = data_version(&self.conn).map_err(sql_err(&self.path, "read the data version"))?;
        Ok(self.data_version.replace(now) != now)
    }

    /// The store file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

fn data_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "data_version", |r| r.get(0))
}

/// Maps a SQLite error on `path` while `doing` something; corruption says so.
pub(crate) fn sql_err<'a>(
    path: &'a Path,
    doing: &'static str,
) -> impl Fn(rusqlite::Error) -> StoreError + Copy + 'a {
    move |source| {
        if is_corruption(&source) {
            StoreError::Corrupt {
                path: path.to_path_buf(),
                reason: source.to_string(),
            }
        } else {
            StoreError::Sqlite {
                path: path.to_path_buf(),
                doing,
                source,
            }
        }
    }
}

/// The two magic numbers a SQLite write-ahead log starts with.
const WAL_MAGIC: [[u8; 4]; 2] = [[0x37, 0x7f, 0x06, 0x82], [0x37, 0x7f, 0x06, 0x83]];

/// Refuses a `-wal` file that opening would replay into the wrong database or
/// throw away: one beside no store (or an empty one), or one that is not a log.
/// An empty log, or a log with a valid header beside a store, is what a crash or a
/// clean close leaves, and SQLite recovers it.
fn check_wal(path: &Path) -> Result<(), StoreError> {
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    let header = match read_header(&wal) {
        Ok(h) => h,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            return Err(StoreError::Io {
                path: wal,
                doing: "read the write-ahead log",
                source: e,
            })
        }
    };
    if header.is_empty() {
        return Ok(());
    }
    let store_len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let stray = |what| {
        Err(StoreError::StrayWal {
            path: wal.clone(),
            what,
        })
    };
    if store_len == 0 {
        return stray("a write-ahead log with no store beside it");
    }
    if header.len() < 32 || !WAL_MAGIC.iter().any(|m| header.starts_with(m)) {
        return stray("not a SQLite write-ahead log");
    }
    Ok(())
}

/// Reads an existing file's identity without writing to it: returns its schema
/// version, or why it cannot be used.
fn inspect(path: &Path) -> Result<i32, StoreError> {
    let foreign = |what: &str| StoreError::Foreign {
        path: path.to_path_buf(),
        what: what.into(),
    };
    let header = read_header(path).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        doing: "read the store",
        source,
    })?;
    if header.is_empty() {
        return Err(foreign("an empty file"));
    }
    if !header.starts_with(b"SQLite format 3\0") {
        return Err(foreign("not an SQLite database"));
    }
    if header.len() < 100 {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            reason: "truncated header".into(),
        });
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|source| StoreError::Sqlite {
        path: path.to_path_buf(),
        doing: "open the store",
        source,
    })?;
    let corrupt = |e: rusqlite::Error| StoreError::Corrupt {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    let app: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(corrupt)?;
    let version: i32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(corrupt)?;
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .map_err(corrupt)?;
    if app != APPLICATION_ID {
        return Err(if app == 0 && tables == 0 {
            foreign("an SQLite database with no tidings schema")
        } else {
            foreign(&format!(
                "an SQLite database of another program, application_id {app:#x}"
            ))
        });
    }
    if version > CURRENT_VERSION {
        return Err(StoreError::Newer {
            path: path.to_path_buf(),
            version,
        });
    }
    Ok(version)
}

fn read_header(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut buf = Vec::with_capacity(100);
    std::fs::File::open(path)?.take(100).read_to_end(&mut buf)?;
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_errors_keep_their_cause_as_the_source() {
        use std::error::Error;
        let e = StoreError::Sqlite {
            path: PathBuf::from("/data/tidings.db"),
            doing: "count documents",
            source: rusqlite::Error::QueryReturnedNoRows,
        };
        assert_eq!(
            e.to_string(),
            "/data/tidings.db: cannot count documents: Query returned no rows"
        );
        let source = e.source().expect("a source");
        assert!(source.downcast_ref::<rusqlite::Error>().is_some());
    }
}
