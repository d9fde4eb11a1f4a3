//! The document JSON as the store keeps it (the `json` column): a zstd frame
//! since schema 7, about a third of the text's size. Rows written before that
//! hold the JSON as text, and read as well: a JSON document starts with `{`,
//! never with zstd's magic number.

use std::cell::RefCell;

use rusqlite::types::ValueRef;
use rusqlite::Row;

/// zstd's level: 3 (its default) packs a typical document to ~30-40% in ~30 µs;
/// higher levels gain a few percent at several times the cost, and an import
/// packs every document it stores.
const LEVEL: i32 = 3;

/// The first four bytes of every zstd frame.
const ZSTD_MAGIC: [u8; 4] = [0x28, 0xb5, 0x2f, 0xfd];

thread_local! {
    /// A compression context per thread, reused: creating one per document
    /// costs about as much as compressing it.
    static PACKER: RefCell<Option<zstd::bulk::Compressor<'static>>> = const { RefCell::new(None) };
}

/// The stored form of a document's JSON.
pub(super) fn pack(json: &[u8]) -> Vec<u8> {
    PACKER.with(|cell| {
        let mut cell = cell.borrow_mut();
        let packer = match cell.as_mut() {
            Some(p) => p,
            None => cell.insert(zstd::bulk::Compressor::new(LEVEL).expect("a zstd context")),
        };
        packer
            .compress(json)
            .expect("compressing into memory does not fail")
    })
}

/// The JSON of a stored document, packed or (from an older store) as text.
pub(super) fn unpack(stored: &[u8]) -> Result<Vec<u8>, String> {
    if stored.starts_with(&ZSTD_MAGIC) {
        zstd::stream::decode_all(stored).map_err(|e| format!("cannot unpack the document: {e}"))
    } else {
        Ok(stored.to_vec())
    }
}

/// A document from its stored JSON, cleaned for the terminal.
pub(super) fn document(
    store: &std::path::Path,
    uid: &str,
    stored: &[u8],
) -> Result<crate::model::Document, super::StoreError> {
    let corrupt = |e: String| super::StoreError::Corrupt {
        path: store.to_path_buf(),
        reason: format!("document {uid} does not read back: {e}"),
    };
    let json = unpack(stored).map_err(corrupt)?;
    let mut doc: crate::model::Document =
        serde_json::from_slice(&json).map_err(|e| corrupt(e.to_string()))?;
    doc.sanitize();
    Ok(doc)
}

/// The bytes of the `json` column at `i`, whether it holds text or a blob.
pub(super) fn column(r: &Row, i: usize) -> rusqlite::Result<Vec<u8>> {
    match r.get_ref(i)? {
        ValueRef::Text(b) | ValueRef::Blob(b) => Ok(b.to_vec()),
        other => Err(rusqlite::Error::InvalidColumnType(
            i,
            "json".into(),
            other.data_type(),
        )),
    }
}

/// Whether a document's JSON carries its feed item identity (`item_id`).
#[derive(serde::Deserialize)]
struct Identity {
    item_id: Option<serde::de::IgnoredAny>,
}

/// Schema step 6 -> 7, first part: every row's JSON packed, and its `item`
/// column (does it carry a feed item identity) set from it. A row whose JSON
/// Each stored document whose JSON reads, with its row id, in the order
/// `order_by` (SQL over `documents`) gives: what a schema step that computes
/// something of every story goes through. A document that does not read is
/// passed over (its row keeps the defaults), as `show` reports it.
pub(super) fn each_document(
    conn: &rusqlite::Connection,
    order_by: &str,
    mut each: impl FnMut(i64, crate::model::Document) -> rusqlite::Result<()>,
) -> rusqlite::Result<()> {
    let mut read = conn.prepare(&format!(
        "SELECT id, json FROM documents ORDER BY {order_by}"
    ))?;
    let mut rows = read.query([])?;
    while let Some(row) = rows.next()? {
        let (id, stored): (i64, Vec<u8>) = (row.get(0)?, column(row, 1)?);
        let doc = unpack(&stored)
            .ok()
            .and_then(|json| serde_json::from_slice::<crate::model::Document>(&json).ok());
        if let Some(doc) = doc {
            each(id, doc)?;
        }
    }
    Ok(())
}

/// does not read is packed as it is (reading it fails as before).
pub(super) fn pack_rows(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    tx.execute_batch("ALTER TABLE documents ADD COLUMN item INTEGER NOT NULL DEFAULT 0")?;
    let mut read = tx.prepare("SELECT id, json FROM documents")?;
    let mut write = tx.prepare("UPDATE documents SET json = ?2, item = ?3 WHERE id = ?1")?;
    let mut rows = read.query([])?;
    while let Some(row) = rows.next()? {
        let (id, stored): (i64, Vec<u8>) = (row.get(0)?, column(row, 1)?);
        if stored.starts_with(&ZSTD_MAGIC) {
            continue;
        }
        let item = serde_json::from_slice::<Identity>(&stored).is_ok_and(|d| d.item_id.is_some());
        write.execute(rusqlite::params![id, pack(&stored), item])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_json_unpacks_to_itself_and_text_reads_as_it_is() {
        let json =
            r#"{"kind":"story","title":"Harbour","lead":"The harbour plan passed."}"#.repeat(20);
        let packed = pack(json.as_bytes());
        assert!(packed.len() < json.len() / 4, "{} bytes", packed.len());
        assert_eq!(unpack(&packed).unwrap(), json.as_bytes());
        assert_eq!(unpack(json.as_bytes()).unwrap(), json.as_bytes());
        let mut broken = packed.clone();
        broken.truncate(8);
        assert!(unpack(&broken).is_err());
    }
}
