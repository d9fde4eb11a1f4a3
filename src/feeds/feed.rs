//! RSS (0.90 to 2.0, RDF, with or without a namespace) and Atom (0.3 and 1.0, and a
//! standalone entry) from the element tree to items, reading what the reference
//! parser reads: text constructs of any `type`/`mode` (HTML, XHTML, plain, base64),
//! the fallback fields (`dc:`, `media:`, `itunes:`, `content:encoded`), links
//! resolved against `xml:base` or the feed's address, enclosures and images, and
//! the first date that reads.

use base64::Engine;

use super::dates;
use super::html;
use super::item::{Body, Channel, Enclosure, FeedDocuments, Item};
use super::xml::{self, Element, Ns};
use crate::model::Image;
use crate::text::sanitize::for_terminal_owned;

/// Parses feed bytes; `url` is where they were fetched from (the base of relative
/// links). The error says why the bytes are not a feed. Items are read as the XML
/// parser hands them over, so the whole tree of a long feed is never held.
pub fn parse(bytes: &[u8], url: Option<&str>) -> Result<FeedDocuments, String> {
    let text = xml::decode(bytes)?;
    let mut items = Vec::new();
    // The parser's message quotes the input, which may hold anything.
    let root = xml::parse(&text, &mut |e| items.push(item(&e)))
        .map_err(|e| for_terminal_owned(format!("not a feed: {e}")))?;
    let mut ch = channel(&root, url, items)?;
    // Links still relative after `xml:base` resolve against the feed's address,
    // else its home page.
    let base = url.map(str::to_string).or_else(|| ch.home.clone());
    ch.items
        .iter_mut()
        .for_each(|it| rebase(it, base.as_deref()));
    Ok(super::item::documents(ch))
}

/// The channel a root element holds (with the items read from it), or why it
/// holds none.
fn channel(root: &Element, url: Option<&str>, items: Vec<Item>) -> Result<Channel, String> {
    let described = |chan: &Element| Channel {
        items,
        ..describe(chan, url)
    };
    match root.name.as_str() {
        // RSS 0.90/1.0 put items beside the channel, 2.0 inside it; CDF
        // (Active Channels) is `<CHANNEL>` with `<ITEM HREF=… LASTMOD=…>`.
        "rss" | "rdf" => Ok(described(root.main_child("channel").unwrap_or(root))),
        "feed" | "channel" => Ok(described(root)),
        "entry" => Ok(Channel {
            home: url.map(str::to_string),
            items: vec![item(root)],
            ..Channel::default()
        }),
        "html" => Err(format!(
            "not a feed: an HTML page{}",
            root.main_child("head")
                .and_then(|h| h.main_child("title"))
                .map(|t| format!(" ({:?})", t.text()))
                .unwrap_or_default()
        )),
        other => Err(for_terminal_owned(format!(
            "not a feed: the document is <{other}>, not <rss>, <feed> or <rdf:RDF>"
        ))),
    }
}

/// Resolves an item's relative URLs against `base`.
fn rebase(it: &mut Item, base: Option<&str>) {
    let Some(base) = base else {
        return;
    };
    let abs = |u: &mut String| *u = xml::join(Some(base), u);
    it.link.iter_mut().for_each(abs);
    it.images
        .iter_mut()
        .filter_map(|i| i.url.as_mut())
        .for_each(abs);
    it.enclosures.iter_mut().for_each(|e| abs(&mut e.url));
    it.base.get_or_insert_with(|| base.to_string());
}

/// A channel's title, identity and home page.
fn describe(chan: &Element, url: Option<&str>) -> Channel {
    let home = link_of(chan, url).or_else(|| chan.attr("href").map(|h| h.trim().to_string()));
    let identity = chan
        .child(Ns::Atom, "id")
        .map(Element::text)
        .filter(|s| !s.is_empty())
        .or_else(|| home.clone());
    Channel {
        title: chan.main_child("title").map(title_text),
        identity,
        home: home.or_else(|| url.map(str::to_string)),
        items: Vec::new(),
        ttl_minutes: chan
            .main_child("ttl")
            .and_then(|t| t.text().trim().parse().ok()),
    }
}

fn item(e: &Element) -> Item {
    let base = e.base.as_deref().map(str::to_string);
    // Media RSS elements of the item, of its `media:group`s and of its enclosures.
    let media_all: Vec<&Element> = e
        .elements()
        .flat_map(|c| std::iter::once(c).chain(c.elements()))
        .filter(|m| m.ns == Ns::Media)
        .collect();
    let media = |name: &str| media_all.iter().find(|m| m.name == name).copied();
    let title = [
        e.main_child("title"),
        e.child(Ns::Dc, "title"),
        media("title"),
        e.child(Ns::Itunes, "title"),
    ]
    .into_iter()
    .flatten()
    .map(title_text)
    .find(|t| !t.is_empty());
    let bodies = [
        e.child(Ns::Content, "encoded"),
        e.main_child("content"),
        e.child(Ns::Xhtml, "body"),
        e.main_child("body"),
        e.main_child("fullitem"),
        e.main_child("description"),
        e.main_child("summary"),
        e.child(Ns::Dc, "description"),
        e.child(Ns::Itunes, "summary"),
        e.child(Ns::Itunes, "subtitle"),
        media("description"),
        e.main_child("abstract"),
    ]
    .into_iter()
    .flatten()
    .map(body_of)
    .collect();
    let id = [
        e.main_child("guid"),
        e.main_child("id"),
        e.child(Ns::Dc, "identifier"),
    ]
    .into_iter()
    .flatten()
    .map(Element::text)
    .find(|t| !t.is_empty())
    .or_else(|| {
        e.attr("about")
            .map(str::to_string)
            .filter(|a| !a.is_empty())
    });
    let published = [
        e.main_child("pubdate"),
        e.main_child("published"),
        e.main_child("issued"),
        e.child(Ns::Dc, "date"),
        e.main_child("updated"),
        e.main_child("modified"),
        e.main_child("created"),
        e.child(Ns::DcTerms, "issued"),
        e.child(Ns::DcTerms, "created"),
        e.child(Ns::DcTerms, "modified"),
    ]
    .into_iter()
    .flatten()
    .find_map(|d| dates::parse(&d.text()))
    .or_else(|| e.attr("lastmod").and_then(dates::parse));
    let mut it = Item {
        id,
        title,
        bodies,
        link: link_of(e, base.as_deref())
            .or_else(|| e.attr("href").map(|h| xml::join(base.as_deref(), h.trim()))),
        published,
        base,
        ..Item::default()
    };
    attachments(e, &media_all, &mut it);
    it
}

/// Enclosures and images: `<enclosure>`, Atom `rel="enclosure"` links,
/// `media:content`/`media:thumbnail`, `itunes:image`.
fn attachments(e: &Element, media: &[&Element], it: &mut Item) {
    let base = it.base.clone();
    let abs = |u: &str| xml::join(base.as_deref(), u.trim());
    let push = |url: String, mime: Option<&str>, caption: Option<String>, it: &mut Item| {
        let mime = mime.map(|m| m.trim().to_ascii_lowercase());
        let image = mime
            .as_deref()
            .map_or_else(|| looks_like_image(&url), |m| m.starts_with("image/"));
        if image {
            if !it.images.iter().any(|i| i.url.as_deref() == Some(&url)) {
                it.images.push(Image {
                    caption: caption.unwrap_or_default(),
                    credit: None,
                    ai_generated: false,
                    url: Some(url),
                });
            }
        } else if !it.enclosures.iter().any(|x| x.url == url) {
            it.enclosures.push(Enclosure { url, mime });
        }
    };
    for c in e.elements() {
        let href = match (c.ns, c.name.as_str()) {
            (Ns::Core, "enclosure") => c.attr("url"),
            (ns, "link") if ns.is_main() && c.attr("rel") == Some("enclosure") => c.attr("href"),
            (Ns::Itunes, "image") => c.attr("href"),
            _ => None,
        };
        if let Some(u) = href.filter(|u| !u.trim().is_empty()) {
            let mime = match c.name.as_str() {
                "image" => Some("image/*"),
                _ => c.attr("type"),
            };
            push(abs(u), mime, None, it);
        }
    }
    for m in media {
        let caption = m
            .child(Ns::Media, "description")
            .or_else(|| m.child(Ns::Media, "title"))
            .map(Element::text);
        match m.name.as_str() {
            "content" => {
                if let Some(u) = m.attr("url").filter(|u| !u.trim().is_empty()) {
                    let mime = m.attr("type").or(match m.attr("medium") {
                        Some("image") => Some("image/*"),
                        _ => None,
                    });
                    push(abs(u), mime, caption, it);
                }
            }
            "thumbnail" => {
                if let Some(u) = m.attr("url").filter(|u| !u.trim().is_empty()) {
                    push(abs(u), Some("image/*"), caption, it);
                }
            }
            _ => {}
        }
    }
}

fn looks_like_image(url: &str) -> bool {
    let path = url
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"]
        .iter()
        .any(|x| path.ends_with(x))
}

/// The page a channel or item points to: Atom's alternate link (or its first),
/// RSS's `<link>` text, resolved against the base in force.
fn link_of(e: &Element, base: Option<&str>) -> Option<String> {
    let links: Vec<&Element> = e
        .elements()
        .filter(|c| c.ns.is_main() && c.name == "link")
        .collect();
    let rel = |l: &&Element| {
        l.attr("rel")
            .map(str::trim)
            .unwrap_or("alternate")
            .to_string()
    };
    let chosen = links
        .iter()
        .find(|l| l.attr("href").is_some() && rel(l) == "alternate")
        .or_else(|| {
            links
                .iter()
                .find(|l| l.attr("href").is_none() && !l.text().is_empty())
        })
        .or_else(|| {
            links.iter().find(|l| {
                l.attr("href").is_some()
                    && !matches!(rel(l).as_str(), "self" | "enclosure" | "replies" | "hub")
            })
        })?;
    let raw = chosen
        .attr("href")
        .map(str::to_string)
        .unwrap_or_else(|| chosen.text());
    let raw = raw.trim();
    (!raw.is_empty()).then(|| xml::join(chosen.base.as_deref().or(base), raw))
}

/// A title as plain text, whatever its type.
fn title_text(e: &Element) -> String {
    match body_of(e) {
        Body::Html(h) => html::text(&h),
        Body::Text(t) => {
            // Plain text that was escaped twice (`It&amp;#8217;s`) reads as meant.
            let decoded = html::decode_references(&t);
            decoded.split_whitespace().collect::<Vec<_>>().join(" ")
        }
    }
}

/// A text construct as HTML or plain text, by its `type` and `mode` (Atom 0.3):
/// HTML (escaped or naked), XHTML, plain text, base64 of any of them. RSS
/// elements carry HTML; an Atom element without a type is text. An unknown type
/// never refuses the item: its text is read as text.
fn body_of(e: &Element) -> Body {
    let ty = e
        .attr("type")
        .map(|t| t.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let mode = e
        .attr("mode")
        .map(|m| m.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let textual = ty.is_empty()
        || ty == "text"
        || ty == "html"
        || ty == "xhtml"
        || ty.starts_with("text/")
        || ty.ends_with("xml");
    if mode == "base64" || (e.ns == Ns::Atom && !textual && !e.has_element_children()) {
        let raw: String = e.text().split_whitespace().collect();
        if let Some(decoded) = base64::engine::general_purpose::STANDARD
            .decode(raw.as_bytes())
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
        {
            return if ty.contains("html") {
                Body::Html(decoded)
            } else {
                Body::Text(decoded)
            };
        }
        return Body::Text(e.text());
    }
    if ty.contains("xhtml") || mode == "xml" {
        return Body::Html(e.inner_markup(true));
    }
    let atom_text = e.ns == Ns::Atom && !ty.contains("html");
    if atom_text && !e.has_element_children() {
        Body::Text(e.text())
    } else {
        Body::Html(e.inner_markup(false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    fn docs(xml: &str) -> FeedDocuments {
        parse(xml.as_bytes(), None).unwrap()
    }

    fn titles(xml: &str) -> Vec<String> {
        docs(xml).documents.into_iter().map(|d| d.title).collect()
    }

    const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour Gazette</title><link>https://gazette.example/</link>
<item><title>Bridge reopens</title><link>https://gazette.example/bridge</link>
<pubDate>Fri, 05 Dec 2025 09:30:00 GMT</pubDate>
<description>&lt;p&gt;The bridge reopened.&lt;/p&gt;&lt;p&gt;Traffic is &lt;b&gt;light&lt;/b&gt;.&lt;/p&gt;</description></item>
<item><description>Untitled note about the ferry timetable change this weekend [2].</description></item>
<item></item>
</channel></rss>"#;

    #[test]
    fn an_rss_channels_ttl_is_kept_in_minutes() {
        let rss = |ttl: &str| {
            docs(&format!(
                r#"<rss version="2.0"><channel><title>T</title>{ttl}<item><title>A</title></item></channel></rss>"#
            ))
            .ttl_minutes
        };
        assert_eq!(rss("<ttl>90</ttl>"), Some(90));
        assert_eq!(rss("<ttl> 5 </ttl>"), Some(5));
        assert_eq!(rss("<ttl>soon</ttl>"), None);
        assert_eq!(rss(""), None);
    }

    #[test]
    fn rss_items_become_articles_citing_their_link() {
        let f = docs(RSS);
        assert_eq!(f.title.as_deref(), Some("Harbour Gazette"));
        assert_eq!(f.documents.len(), 2);
        let d = &f.documents[0];
        assert_eq!(d.kind, Kind::Article);
        assert_eq!(d.title, "Bridge reopens");
        let published = d.published.as_ref().unwrap();
        assert_eq!(published.label, "2025-12-05");
        assert_eq!(
            published.time.as_deref(),
            Some("09:30"),
            "the time of day is kept"
        );
        assert_eq!(d.lead.len(), 2);
        assert_eq!(d.lead[1].text(), "Traffic is light.");
        assert_eq!(d.lead[1].sentences[0].citations, [1]);
        assert_eq!(
            d.sources[0].url.as_deref(),
            Some("https://gazette.example/bridge")
        );
        assert_eq!(d.sources[0].outlet.as_deref(), Some("Harbour Gazette"));
        assert_eq!(
            f.documents[1].title,
            "Untitled note about the ferry timetable change this weekend [2]."
        );
        let note = &f.documents[1].lead[0].sentences[0];
        assert_eq!(
            note.citations,
            [1],
            "a feed's own [2] is text; [1] is the item's link"
        );
        assert_eq!(f.problems, ["item 3: no title or text"]);
    }

    #[test]
    fn atom_html_titles_and_content_are_plain_text() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title type="html">Storm &lt;em&gt;warning&lt;/em&gt;</title><id>1</id>
<updated>2025-11-02T10:00:00Z</updated><link href="https://wire.example/storm"/>
<summary>Short.</summary>
<content type="html">&lt;p&gt;Winds of 120 km/h are expected.&lt;/p&gt;</content></entry></feed>"#;
        let f = docs(atom);
        let d = &f.documents[0];
        assert_eq!(d.title, "Storm warning");
        assert_eq!(d.lead[0].text(), "Winds of 120 km/h are expected.");
        assert_eq!(d.published.as_ref().unwrap().day, Some(2));
    }

    #[test]
    fn doubly_escaped_titles_and_guid_permalinks_are_understood() {
        let rss = r#"<rss version="2.0"><channel><title>Blog</title>
<item><title>It&amp;#8217;s here &amp;amp; now</title><guid isPermaLink="true">https://blog.example/p/1</guid><description>Text.</description></item>
</channel></rss>"#;
        let d = &docs(rss).documents[0];
        assert_eq!(d.title, "It’s here & now");
        assert_eq!(
            d.sources[0].url.as_deref(),
            Some("https://blog.example/p/1")
        );
    }

    #[test]
    fn every_rss_version_and_atom_0_3_read() {
        let item = "<item><title>A</title></item>";
        for root in [
            format!(r#"<rss version="0.91"><channel>{item}</channel></rss>"#),
            format!(r#"<rss version="0.92"><channel>{item}</channel></rss>"#),
            format!(r#"<rss><channel>{item}</channel></rss>"#),
            format!(r#"<rss version="2.0" xmlns="http://backend.userland.com/rss2"><channel>{item}</channel></rss>"#),
            format!(r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/"><channel><title>c</title></channel>{item}</rdf:RDF>"#),
            format!(r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"/>{item}</rdf:RDF>"#),
            r#"<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><title>A</title></entry></feed>"#.to_string(),
            r#"<entry xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>x</id></entry>"#.to_string(),
        ] {
            assert_eq!(titles(&root), ["A"], "{root}");
        }
    }

    #[test]
    fn content_constructs_of_any_type_never_refuse_the_feed() {
        let entry = |t: &str| {
            format!(r#"<feed xmlns="http://www.w3.org/2005/Atom"><entry>{t}</entry></feed>"#)
        };
        let cases = [
            (
                r#"<title type="text/plain">Plain &amp; simple</title>"#,
                "Plain & simple",
            ),
            (
                r#"<title type="HTML">A &lt;b&gt;bold&lt;/b&gt; move</title>"#,
                "A bold move",
            ),
            (
                r#"<title type="application/xhtml+xml"><div xmlns="http://www.w3.org/1999/xhtml">X <i>y</i></div></title>"#,
                "X y",
            ),
            (
                r#"<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">a &lt; b</div></title>"#,
                "a < b",
            ),
            (
                r#"<title type="text/html" mode="base64">PGI+QmFzZTwvYj4gNjQ=</title>"#,
                "Base 64",
            ),
            (
                r#"<title type="application/octet-stream">SGVsbG8=</title>"#,
                "Hello",
            ),
            (
                r#"<title type="application/x-custom">not base64!</title>"#,
                "not base64!",
            ),
            (
                r#"<title>Example <a href="/x">test</a></title>"#,
                "Example test",
            ),
            (
                r#"<title type="html">ft&lt;sup&gt;2&lt;/sup&gt;</title>"#,
                "ft2",
            ),
        ];
        for (t, want) in cases {
            assert_eq!(titles(&entry(t)), [want], "{t}");
        }
        let rss =
            r#"<rss><channel><item><title>Example <b>test</b></title></item></channel></rss>"#;
        assert_eq!(titles(rss), ["Example test"]);
    }

    #[test]
    fn fallback_fields_give_titles_and_text() {
        let rss = r#"<rss xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<item><media:group><media:title>Only a media title</media:title><media:description>Video text.</media:description></media:group></item>
<item><dc:title>DC title</dc:title><dc:description>DC text.</dc:description></item>
<item><title>Pod</title><itunes:summary>A longer summary of the episode.</itunes:summary><itunes:subtitle>Short.</itunes:subtitle></item>
<item><title>Full</title><description>Teaser.</description><content:encoded><![CDATA[<p>The whole story, longer.</p>]]></content:encoded></item>
</channel></rss>"#;
        let f = docs(rss);
        let got: Vec<(String, String)> = f
            .documents
            .iter()
            .map(|d| (d.title.clone(), d.lead[0].text()))
            .collect();
        assert_eq!(
            got,
            [
                ("Only a media title".into(), "Video text.".into()),
                ("DC title".into(), "DC text.".into()),
                ("Pod".into(), "A longer summary of the episode.".into()),
                ("Full".into(), "The whole story, longer.".into()),
            ]
        );
    }

    #[test]
    fn of_equally_long_texts_the_content_wins_over_a_flat_summary() {
        let rss = r#"<rss xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><item><title>Ep</title>
<description><![CDATA[<p>First part.</p> <p>Second part.</p>]]></description>
<itunes:summary>First part. Second part.</itunes:summary></item></channel></rss>"#;
        assert_eq!(docs(rss).documents[0].lead.len(), 2);
    }

    #[test]
    fn relative_links_resolve_against_xml_base_or_the_feed_address() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://a.example/blog/"><entry><title>x</title><link href="post/1"/></entry></feed>"#;
        assert_eq!(
            docs(atom).documents[0].sources[0].url.as_deref(),
            Some("http://a.example/blog/post/1")
        );
        let rss = r#"<rss><channel><item><title>x</title><link>/p/2</link></item></channel></rss>"#;
        let f = parse(rss.as_bytes(), Some("https://b.example/feed.xml")).unwrap();
        assert_eq!(
            f.documents[0].sources[0].url.as_deref(),
            Some("https://b.example/p/2")
        );
        let rss = r#"<rss><channel><link>https://c.example/</link><item><title>x</title><link>p/3</link></item></channel></rss>"#;
        assert_eq!(
            docs(rss).documents[0].sources[0].url.as_deref(),
            Some("https://c.example/p/3")
        );
    }

    #[test]
    fn podcast_items_sharing_a_link_stay_apart_with_their_enclosures_and_images() {
        let rss = r#"<rss xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Show</title><link>https://show.example/</link>
<item><title>Ep 2</title><link>https://show.example/</link><guid isPermaLink="false">e2</guid><enclosure url="https://cdn.example/e2.mp3" type="audio/mpeg" length="1"/><media:thumbnail url="https://cdn.example/e2.jpg"/></item>
<item><title>Ep 1</title><link>https://show.example/</link><guid isPermaLink="false">e1</guid><enclosure url="https://cdn.example/e1.jpg" type="image/jpeg"/></item>
</channel></rss>"#;
        let f = docs(rss);
        let ids: Vec<&str> = f
            .documents
            .iter()
            .map(|d| d.item_id.as_deref().unwrap())
            .collect();
        assert_eq!(
            ids,
            [
                "guid:https://show.example/ | e2",
                "guid:https://show.example/ | e1"
            ]
        );
        let ep2 = &f.documents[0];
        assert_eq!(
            ep2.sources[1].url.as_deref(),
            Some("https://cdn.example/e2.mp3")
        );
        assert_eq!(
            ep2.images[0].url.as_deref(),
            Some("https://cdn.example/e2.jpg")
        );
        assert_eq!(
            f.documents[1].images[0].url.as_deref(),
            Some("https://cdn.example/e1.jpg")
        );
        assert_eq!(f.documents[1].sources.len(), 1);
    }

    #[test]
    fn a_bad_date_does_not_hide_a_good_one() {
        let rss = r#"<rss xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><item><title>x</title><dc:date>garbage</dc:date><pubDate>Sat, 06 Dec 2025 10:00:00 +0100</pubDate></item></channel></rss>"#;
        let d = docs(rss).documents.remove(0).published.unwrap();
        assert_eq!(
            (d.label.as_str(), d.time.as_deref()),
            ("2025-12-06", Some("09:00"))
        );
    }

    #[test]
    fn what_is_not_a_feed_says_what_it_is() {
        let err = |x: &str| parse(x.as_bytes(), None).unwrap_err();
        assert!(err("<html><head><title>Moved</title></head></html>")
            .contains("an HTML page (\"Moved\")"));
        assert!(err("<note><to>x</to></note>").contains("the document is <note>"));
        assert!(
            err("<rss><channel><title>x</ti").contains("not a feed"),
            "ill-formed"
        );
    }

    #[test]
    fn cdf_items_with_text_are_articles_and_an_empty_channel_gives_none() {
        let cdf = r#"<CHANNEL HREF="http://c.example/"><ITEM HREF="http://c.example/a" LASTMOD="2004-04-06T23:05:43-05:00"><TITLE>A</TITLE><ABSTRACT>Text.</ABSTRACT></ITEM></CHANNEL>"#;
        let d = &docs(cdf).documents[0];
        assert_eq!(d.sources[0].url.as_deref(), Some("http://c.example/a"));
        assert_eq!(d.published.as_ref().unwrap().label, "2004-04-07");
        assert!(docs("<CHANNEL><TITLE>Only a channel</TITLE></CHANNEL>")
            .documents
            .is_empty());
    }

    #[test]
    fn entity_expansion_is_not_performed() {
        let laughs = r#"<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<rss version="2.0"><channel><title>&b;</title><item><title>x &b;</title></item></channel></rss>"#;
        assert_eq!(
            titles(laughs),
            ["x &b;"],
            "an unknown entity stays as written"
        );
    }

    /// Found by fuzzing: the parser's message quoted a tag holding NULs.
    #[test]
    fn a_parse_error_quoting_the_input_is_one_clean_line() {
        let err = parse(
            b"<rss version=\"2.0\"><channel><link>x</\0\0link>\n\x1b[2J</channel></rss><",
            None,
        )
        .unwrap_err();
        assert!(err.starts_with("not a feed"), "{err}");
        assert!(!err.chars().any(|c| c.is_control()), "{err:?}");
    }
}
