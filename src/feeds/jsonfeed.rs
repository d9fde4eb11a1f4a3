//! JSON Feed (1.0 and 1.1, whatever its `version` says) to items: `content_html`,
//! `content_text` and `summary` as text, `url` (else `external_url`) as the link,
//! `id` as the identity, `image`/`banner_image` and image attachments as images,
//! the other attachments as enclosures.

use serde_json::Value;

use super::dates;
use super::item::{Body, Channel, Enclosure, Item};
use super::xml::join;
use crate::model::Image;

/// Whether a JSON value is a JSON Feed: a version naming jsonfeed.org, or an object
/// with an `items` array and a feed's own fields.
pub fn is_json_feed(v: &Value) -> bool {
    let version = v.get("version").and_then(Value::as_str).unwrap_or("");
    version.contains("jsonfeed.org")
        || (v.get("items").is_some_and(Value::is_array)
            && ["version", "home_page_url", "feed_url", "title"]
                .iter()
                .any(|k| v.get(k).is_some()))
}

/// The channel of a JSON Feed; `url` is where it was fetched from.
pub fn channel(v: &Value, url: Option<&str>) -> Channel {
    let s = |v: &Value, k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let home = s(v, "home_page_url")
        .or_else(|| s(v, "feed_url"))
        .or_else(|| url.map(str::to_string));
    let items = v
        .get("items")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    Channel {
        title: s(v, "title"),
        identity: s(v, "feed_url").or_else(|| s(v, "home_page_url")),
        home: home.clone(),
        ttl_minutes: None,
        items: items
            .iter()
            .map(|i| {
                let base = home.as_deref();
                let abs = |u: String| join(base, &u);
                let mut bodies = Vec::new();
                bodies.extend(s(i, "content_html").map(Body::Html));
                bodies.extend(s(i, "content_text").map(Body::Text));
                bodies.extend(s(i, "summary").map(Body::Text));
                let mut it = Item {
                    // Ids may be numbers in feeds that ignore the spec.
                    id: s(i, "id")
                        .or_else(|| i.get("id").filter(|x| x.is_number()).map(Value::to_string)),
                    title: s(i, "title"),
                    bodies,
                    link: s(i, "url").or_else(|| s(i, "external_url")).map(abs),
                    published: s(i, "date_published")
                        .or_else(|| s(i, "date_modified"))
                        .and_then(|d| dates::parse(&d)),
                    base: home.clone(),
                    ..Item::default()
                };
                for key in ["image", "banner_image"] {
                    if let Some(u) = s(i, key) {
                        it.images.push(image(abs(u)));
                    }
                }
                for a in i
                    .get("attachments")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    let (Some(u), mime) = (s(a, "url"), s(a, "mime_type")) else {
                        continue;
                    };
                    if mime.as_deref().is_some_and(|m| m.starts_with("image/")) {
                        it.images.push(image(abs(u)));
                    } else {
                        it.enclosures.push(Enclosure { url: abs(u), mime });
                    }
                }
                it
            })
            .collect(),
    }
}

fn image(url: String) -> Image {
    Image {
        caption: String::new(),
        credit: None,
        ai_generated: false,
        url: Some(url),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_1_0_and_1_1_and_a_bare_version_are_json_feeds() {
        for v in [
            r#"{"version":"https://jsonfeed.org/version/1.1","items":[]}"#,
            r#"{"version":"http://jsonfeed.org/version/1","items":[]}"#,
            r#"{"version":"1.0","title":"t","items":[]}"#,
        ] {
            assert!(is_json_feed(&serde_json::from_str(v).unwrap()), "{v}");
        }
        let kagi = r#"{"category":"World","clusters":[]}"#;
        assert!(!is_json_feed(&serde_json::from_str(kagi).unwrap()));
    }

    #[test]
    fn items_read_with_their_links_dates_and_attachments() {
        let v: Value = serde_json::from_str(
            r#"{"version":"https://jsonfeed.org/version/1.1","title":"JF","home_page_url":"https://jf.example/",
            "items":[{"id":7,"title":"Hello","content_html":"<p>Hi there.</p>","url":"/1",
            "date_published":"2025-10-01T08:15:00+02:00","image":"img.png",
            "attachments":[{"url":"https://cdn.example/a.mp3","mime_type":"audio/mpeg"}]}]}"#,
        )
        .unwrap();
        let ch = channel(&v, None);
        let it = &ch.items[0];
        assert_eq!(it.id.as_deref(), Some("7"));
        assert_eq!(it.link.as_deref(), Some("https://jf.example/1"));
        assert_eq!(
            it.images[0].url.as_deref(),
            Some("https://jf.example/img.png")
        );
        assert_eq!(it.enclosures[0].mime.as_deref(), Some("audio/mpeg"));
        assert_eq!(
            it.published.unwrap().at.to_rfc3339(),
            "2025-10-01T06:15:00+00:00"
        );
    }
}
