//! Where a stored document came from, as a list row names it: its feed (a
//! subscription's name or a feed's title), its Kagi News category, the site an
//! article page was saved from, else "pages I saved". Kept in the `feed` column
//! (schema 5) so the list shows and filters by it from its covering indexes.

use rusqlite::{params, Transaction};

use crate::feeds::host_of;
use crate::model::{Document, Kind};

/// The feed of saved pages whose site is not known.
pub const PAGES_I_SAVED: &str = "pages I saved";

/// The feed of Kagi News clusters that name no category.
const KAGI_NEWS: &str = "Kagi News";

/// What names a document's feed: the parts of it that tell where it came from.
struct Provenance<'a> {
    kind: Kind,
    /// Kagi's category (only Kagi News clusters have one).
    category: Option<&'a str>,
    /// A feed item (it carries its identity within its feed).
    feed_item: bool,
    /// The first source's outlet and URL.
    outlet: Option<&'a str>,
    url: Option<&'a str>,
}

impl<'a> Provenance<'a> {
    fn of(doc: &'a Document) -> Self {
        let first = doc.sources.first();
        Provenance {
            kind: doc.kind,
            category: doc.category.as_deref(),
            feed_item: doc.item_id.is_some(),
            outlet: first.and_then(|s| s.outlet.as_deref()),
            url: first.and_then(|s| s.url.as_deref()),
        }
    }

    /// `given` is the subscription's name or the feed file's title, when the
    /// document came from one.
    fn name(&self, given: Option<&str>) -> String {
        if let Some(category) = nonempty(self.category) {
            return format!("Kagi: {category}");
        }
        if self.kind == Kind::Story && self.category.is_some() {
            return KAGI_NEWS.into();
        }
        if let Some(given) = nonempty(given) {
            return given.to_string();
        }
        // A feed item's first source is its own link, named after its feed; an
        // article page's is the page it was saved from. A story page's first
        // source is only one of the outlets it cites: it says nothing of where
        // the page was saved.
        if self.feed_item || self.kind == Kind::Article {
            let site = nonempty(self.outlet)
                .map(str::to_string)
                .or_else(|| self.url.and_then(host_of));
            if let Some(site) = site {
                return site;
            }
        }
        PAGES_I_SAVED.into()
    }
}

/// The feed a document is listed under; `given` is the subscription's name (or
/// its feed's title) for refreshed items, the feed's title for imported feed
/// files, `None` for pages and exported JSON. A Kagi News cluster is listed under
/// its category (`Kagi: World`) whatever brought it.
pub fn feed_name(doc: &Document, given: Option<&str>) -> String {
    crate::text::sanitize::for_terminal_owned(Provenance::of(doc).name(given))
}

fn nonempty(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}

/// Schema step 4 -> 5: every document gets its feed, read from the parts of its
/// JSON that name it and from the subscription it was refreshed from (its origin
/// is the subscription's URL); the covering list indexes gain the column, and a
/// small index on it answers the per-feed counts.
pub(super) fn add_feeds(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch("ALTER TABLE documents ADD COLUMN feed TEXT NOT NULL DEFAULT ''")?;
    name_feeds(tx, None)?;
    tx.execute_batch(super::schema::FEED_INDEXES)
}

/// The parts of a stored document's JSON that name its feed.
#[derive(Default, serde::Deserialize)]
struct Named {
    category: Option<String>,
    item_id: Option<serde::de::IgnoredAny>,
    #[serde(default)]
    sources: Vec<NamedSource>,
}

#[derive(serde::Deserialize)]
struct NamedSource {
    outlet: Option<String>,
    url: Option<String>,
}

/// Names the feed of every document again, or of those refreshed from the
/// subscription `origin` (renamed), by the same rules as [`feed_name`]. A
/// document whose JSON does not read is named from nothing but its kind.
pub(super) fn name_feeds(tx: &Transaction, origin: Option<&str>) -> rusqlite::Result<()> {
    let mut read = tx.prepare(
        "SELECT d.id, d.kind, d.json, s.name
         FROM documents d LEFT JOIN subscriptions s ON s.url = d.origin
         WHERE ?1 IS NULL OR d.origin = ?1",
    )?;
    let mut write = tx.prepare("UPDATE documents SET feed = ?2 WHERE id = ?1")?;
    let mut rows = read.query([origin])?;
    while let Some(r) = rows.next()? {
        let kind: String = r.get(1)?;
        let named: Named = super::codec::unpack(&super::codec::column(r, 2)?)
            .ok()
            .and_then(|json| serde_json::from_slice(&json).ok())
            .unwrap_or_default();
        let subscription: Option<String> = r.get(3)?;
        let first = named.sources.first();
        let provenance = Provenance {
            kind: if kind == Kind::Story.as_str() {
                Kind::Story
            } else {
                Kind::Article
            },
            category: named.category.as_deref(),
            feed_item: named.item_id.is_some(),
            outlet: first.and_then(|s| s.outlet.as_deref()),
            url: first.and_then(|s| s.url.as_deref()),
        };
        let name = provenance.name(subscription.as_deref());
        write.execute(params![
            r.get::<_, i64>(0)?,
            crate::text::sanitize::for_terminal_owned(name)
        ])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Source;

    fn with_source(kind: Kind, outlet: Option<&str>, url: Option<&str>) -> Document {
        let mut d = Document::new(kind, "T".into());
        d.sources.push(Source {
            n: 1,
            outlet: outlet.map(Into::into),
            title: "T".into(),
            summary: None,
            url: url.map(Into::into),
        });
        d
    }

    #[test]
    fn a_document_is_listed_under_where_it_came_from() {
        let mut item = with_source(
            Kind::Article,
            Some("Coastal Wire"),
            Some("https://w.example/1"),
        );
        item.item_id = Some("link:https://w.example/1".into());
        assert_eq!(
            feed_name(&item, Some("My wire")),
            "My wire",
            "the subscription's name"
        );
        assert_eq!(
            feed_name(&item, None),
            "Coastal Wire",
            "else the outlet its feed gave it"
        );

        let mut kagi = with_source(Kind::Story, Some("ft.com"), Some("https://ft.com/a"));
        kagi.category = Some("World".into());
        assert_eq!(feed_name(&kagi, Some("Kagi index")), "Kagi: World");
        kagi.category = Some(" ".into());
        assert_eq!(feed_name(&kagi, None), "Kagi News");

        let page = with_source(Kind::Article, None, Some("https://www.Harbour.example/x"));
        assert_eq!(
            feed_name(&page, None),
            "harbour.example",
            "an article page's site"
        );
        let story = with_source(
            Kind::Story,
            Some("Reuters"),
            Some("https://reuters.example/x"),
        );
        assert_eq!(
            feed_name(&story, None),
            PAGES_I_SAVED,
            "a story page's first source is one outlet it cites, not its site"
        );
        assert_eq!(
            feed_name(&Document::new(Kind::Article, "T".into()), None),
            PAGES_I_SAVED
        );
        assert_eq!(
            feed_name(&item, Some("Evil\x1b[2Jfeed")),
            "Evilfeed",
            "names are cleaned for the terminal"
        );
    }
}
