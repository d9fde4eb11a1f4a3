//! News from outside the saved pages: Kagi News JSON, RSS/Atom/JSON Feed, OPML
//! subscription lists, and the recognition of which of them some bytes are.

pub mod dates;
mod entities;
pub mod feed;
pub mod html;
pub mod item;
pub mod jsonfeed;
pub mod kagi;
pub mod opml;
pub mod xml;

use serde_json::Value;

use crate::model::{Document, Marks, PartialDate};
use kagi::CitationTally;

/// Documents read from a feed or Kagi file, with what could not be read.
#[derive(Debug, Default)]
pub struct Contents {
    pub documents: Vec<Document>,
    /// Items or clusters left out, each with its reason.
    pub problems: Vec<String>,
    pub citations: CitationTally,
    /// A Kagi index: `(category name, file)` pairs to read next.
    pub categories: Vec<(String, String)>,
    /// The feed's own title, when it has one.
    pub title: Option<String>,
    /// The reader marks tidings' own exported JSON carries, one per document
    /// (empty for everything else).
    pub marks: Vec<Marks>,
    /// The feed each of those documents was listed under, when it says.
    pub feeds: Vec<Option<String>>,
    /// How long the feed asks to be left alone after a fetch (RSS `<ttl>`), in minutes.
    pub ttl_minutes: Option<u32>,
}

/// Reads bytes that may be a feed or Kagi News JSON; `None` when they are neither
/// (a page dump, or tidings' own JSON), `Some(Err)` when they are but cannot be read
/// (any XML that is not a feed among them). `url` is where the bytes were fetched
/// from, the base of relative links. Everything it returns is cleaned for a terminal.
pub fn load(bytes: &[u8], url: Option<&str>) -> Option<Result<Contents, String>> {
    let read = if is_xml(bytes) {
        feed::parse(bytes, url).map(Contents::from)
    } else {
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let first = body.iter().find(|b| !b.is_ascii_whitespace())?;
        if !matches!(first, b'{' | b'[') {
            return None;
        }
        let value: Value = serde_json::from_slice(body).ok()?;
        load_json(&value, url)?
    };
    Some(read.map(clean))
}

/// Markup: `<` first (after a byte order mark and white space), or UTF-16/32 text,
/// which only XML arrives in here.
fn is_xml(bytes: &[u8]) -> bool {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match body {
        [0xFE, 0xFF, ..] | [0xFF, 0xFE, ..] | [0x00, 0x00, 0xFE, 0xFF, ..] => true,
        [0x00, b'<', ..] | [b'<', 0x00, ..] | [0x00, 0x00, 0x00, b'<', ..] => true,
        _ => body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<'),
    }
}

impl From<item::FeedDocuments> for Contents {
    fn from(f: item::FeedDocuments) -> Self {
        Contents {
            documents: f.documents,
            problems: f.problems,
            title: f.title,
            ttl_minutes: f.ttl_minutes,
            ..Contents::default()
        }
    }
}

/// Cleans what a feed or Kagi file gave: documents, problems, title, category names.
fn clean(mut c: Contents) -> Contents {
    use crate::text::sanitize::for_terminal_owned;
    c.documents
        .iter_mut()
        .for_each(crate::model::Document::sanitize);
    c.problems = c.problems.into_iter().map(for_terminal_owned).collect();
    c.title = c.title.map(for_terminal_owned);
    for (name, _) in &mut c.categories {
        *name = for_terminal_owned(std::mem::take(name));
    }
    c
}

/// Reads an already parsed JSON value that may be Kagi News or a JSON Feed.
fn load_json(value: &Value, url: Option<&str>) -> Option<Result<Contents, String>> {
    if jsonfeed::is_json_feed(value) {
        let channel = jsonfeed::channel(value, url);
        return Some(Ok(item::documents(channel).into()));
    }
    let loaded = match kagi::shape(value)? {
        kagi::Shape::Index(categories) => Contents {
            categories,
            ..Contents::default()
        },
        kagi::Shape::Clusters(clusters, time, category) => {
            let mapped = kagi::map_clusters(clusters, time, category);
            Contents {
                documents: mapped.documents,
                problems: mapped.problems,
                citations: mapped.citations,
                title: value
                    .get("category")
                    .and_then(Value::as_str)
                    .map(str::to_string),
                ..Contents::default()
            }
        }
    };
    Some(Ok(loaded))
}

/// The host of an http(s) URL, without `www.`.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_lowercase())
}

/// The date of a Unix time, as [`date_of`] labels it, with its time of day: a
/// timestamp is a moment.
pub fn date_of_timestamp(secs: i64) -> Option<PartialDate> {
    let t = chrono::DateTime::from_timestamp(secs, 0)?;
    let mut d = date_of(t);
    d.time = Some(t.format("%H:%M").to_string());
    Some(d)
}

/// A full date from a point in time, labelled `YYYY-MM-DD`.
pub fn date_of(t: chrono::DateTime<chrono::Utc>) -> PartialDate {
    use chrono::Datelike;
    PartialDate {
        label: t.format("%Y-%m-%d").to_string(),
        year: Some(t.year()),
        month: Some(t.month()),
        day: Some(t.day()),
        part: None,
        time: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_dumps_and_tidings_json_are_left_to_the_page_reader() {
        assert!(load(b"Headline\n\nSome text", None).is_none());
        assert!(load(br#"{"schema":1,"kind":"story","title":"x"}"#, None).is_none());
    }

    #[test]
    fn markup_that_is_not_a_feed_is_refused_with_its_reason() {
        let err = load(b"<html><body>x</body></html>", None)
            .unwrap()
            .unwrap_err();
        assert!(err.contains("HTML page"), "{err}");
        let err = load(b"\xEF\xBB\xBF  <note/>", None).unwrap().unwrap_err();
        assert!(err.contains("<note>"), "{err}");
    }

    #[test]
    fn a_bare_kagi_cluster_imports() {
        let one = br#"{"title":"A story","talking_points":["H: t."]}"#;
        assert_eq!(
            load(one, None).unwrap().unwrap().documents[0].title,
            "A story"
        );
    }

    #[test]
    fn feeds_and_kagi_are_recognized() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title></item></channel></rss>"#;
        assert_eq!(load(rss, None).unwrap().unwrap().documents.len(), 1);
        let kagi = br#"{"category":"World","timestamp":1745759866,"clusters":[{"title":"A story","talking_points":["H: t."]}]}"#;
        let loaded = load(kagi, None).unwrap().unwrap();
        assert_eq!(loaded.documents[0].title, "A story");
        assert_eq!(loaded.title.as_deref(), Some("World"));
    }

    /// Found by the properties: a no-break space survived loading but not the
    /// JSON export's re-import, which decodes as pages do.
    #[test]
    fn loaded_text_is_normalized_as_pages_are() {
        let kagi =
            "{\"clusters\":[{\"title\":\"Story\",\"summary\":\"\\u000e\\u00a0A [a.example#0].\"}]}";
        assert_eq!(crate::invariants::check_feed(kagi.as_bytes()), Ok(1));
        let doc = &load(kagi.as_bytes(), None).unwrap().unwrap().documents[0];
        assert_eq!(doc.lead[0].sentences[0].text, " A [a.example#0].");
    }

    #[test]
    fn a_kagi_category_name_is_cleaned_like_the_stories() {
        let kagi = br#"{"category":"W\u001b]0;pwned\u0007orld","clusters":[{"title":"A story"}]}"#;
        let loaded = load(kagi, None).unwrap().unwrap();
        assert_eq!(loaded.title.as_deref(), Some("World"));
    }

    #[test]
    fn a_broken_feed_says_so() {
        let err = load(b"<rss version=\"2.0\"><channel><item><title>x</ti", None).unwrap();
        assert!(err.unwrap_err().contains("ill-formed XML at line 1"));
    }
}
