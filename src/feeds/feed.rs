//! RSS 0.9x/1.0/2.0, Atom and JSON Feed (through feed-rs) to articles: each item
//! becomes an article whose text is the item's content or description as plain
//! paragraphs, and whose link is source [1], cited by the article's closing claim.

use feed_rs::model::{Entry, Feed, Text};

use super::html;
use super::{date_of, host_of};
use crate::model::{Document, Kind, Source};
use crate::parse::sentences;
use crate::sanitize::for_terminal_owned;

/// A parsed feed: its title and the articles its items became.
#[derive(Debug)]
pub struct FeedDocuments {
    pub title: Option<String>,
    pub documents: Vec<Document>,
    /// Items left out, with the reason (`item 3: no title or text`).
    pub problems: Vec<String>,
}

/// Parses feed bytes; the error says why the bytes are not a feed.
pub fn parse(bytes: &[u8]) -> Result<FeedDocuments, String> {
    let feed = feed_rs::parser::Builder::new()
        .sanitize_content(false)
        .build()
        .parse(bytes)
        // The parser's message quotes the input, which may hold anything.
        .map_err(|e| for_terminal_owned(format!("not a feed: {e}")))?;
    Ok(documents(&feed))
}

fn documents(feed: &Feed) -> FeedDocuments {
    let title = feed.title.as_ref().map(plain).filter(|t| !t.is_empty());
    let outlet = title
        .clone()
        .or_else(|| feed.links.iter().find_map(|l| host_of(&l.href)));
    let mut out = FeedDocuments {
        title,
        documents: Vec::new(),
        problems: Vec::new(),
    };
    for (i, entry) in feed.entries.iter().enumerate() {
        match article(entry, outlet.as_deref()) {
            Some(doc) => out.documents.push(doc),
            None => out
                .problems
                .push(format!("item {}: no title or text", i + 1)),
        }
    }
    out
}

fn article(entry: &Entry, outlet: Option<&str>) -> Option<Document> {
    let summary = entry
        .summary
        .as_ref()
        .map(|t| t.content.as_str())
        .unwrap_or("");
    let content = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .unwrap_or("");
    // Many feeds put a teaser in the description and the article in the content.
    let body = if html::text(content).len() > html::text(summary).len() {
        content
    } else {
        summary
    };
    let paragraphs = html::paragraphs(body);
    let title = entry
        .title
        .as_ref()
        .map(plain)
        .filter(|t| !t.is_empty())
        .or_else(|| paragraphs.first().map(|p| first_words(p, 12)))?;
    let mut doc = Document::new(Kind::Article, title.clone());
    doc.published = entry.published.or(entry.updated).map(date_of);
    // Brackets in a feed's text (`[2]`) are its own words, not citations.
    doc.lead = paragraphs
        .iter()
        .map(|p| sentences::plain_paragraph(p))
        .collect();
    let is_web = |h: &String| h.starts_with("http://") || h.starts_with("https://");
    // The item's page: its alternate link, else any link, else a permalink id
    // (an RSS `<guid>` that is a URL).
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .map(|l| l.href.clone())
        .filter(is_web)
        .or_else(|| Some(entry.id.clone()).filter(is_web));
    let item_outlet = link.as_deref().and_then(host_of);
    doc.sources.push(Source {
        n: 1,
        outlet: outlet.map(str::to_string).or(item_outlet),
        title,
        summary: None,
        url: link,
    });
    if let Some(last) = doc.lead.last_mut().and_then(|p| p.sentences.last_mut()) {
        if !last.citations.contains(&1) {
            last.citations.push(1);
        }
    }
    Some(doc)
}

/// A text construct as plain text: HTML ones lose their markup; plain ones still
/// have character references decoded, as feeds often escape them twice
/// (`It&amp;#8217;s`).
fn plain(t: &Text) -> String {
    if t.content_type.subty().as_str().contains("html") {
        html::text(&t.content)
    } else {
        let decoded = html::decode_references(&t.content);
        decoded.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

fn first_words(p: &str, n: usize) -> String {
    let words: Vec<&str> = p.split_whitespace().take(n + 1).collect();
    if words.len() > n {
        format!("{}…", words[..n].join(" "))
    } else {
        words.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour Gazette</title><link>https://gazette.example/</link>
<item><title>Bridge reopens</title><link>https://gazette.example/bridge</link>
<pubDate>Fri, 05 Dec 2025 09:30:00 GMT</pubDate>
<description>&lt;p&gt;The bridge reopened.&lt;/p&gt;&lt;p&gt;Traffic is &lt;b&gt;light&lt;/b&gt;.&lt;/p&gt;</description></item>
<item><description>Untitled note about the ferry timetable change this weekend [2].</description></item>
<item></item>
</channel></rss>"#;

    #[test]
    fn rss_items_become_articles_citing_their_link() {
        let f = parse(RSS.as_bytes()).unwrap();
        assert_eq!(f.title.as_deref(), Some("Harbour Gazette"));
        assert_eq!(f.documents.len(), 2);
        let d = &f.documents[0];
        assert_eq!(d.kind, Kind::Article);
        assert_eq!(d.title, "Bridge reopens");
        assert_eq!(d.published.as_ref().unwrap().label, "2025-12-05");
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
        let f = parse(atom.as_bytes()).unwrap();
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
        let d = &parse(rss.as_bytes()).unwrap().documents[0];
        assert_eq!(d.title, "It’s here & now");
        assert_eq!(
            d.sources[0].url.as_deref(),
            Some("https://blog.example/p/1")
        );
    }

    #[test]
    fn json_feed_items_are_read() {
        let jf = r#"{"version":"https://jsonfeed.org/version/1.1","title":"JF","items":[{"id":"1","title":"Hello","content_html":"<p>Hi there.</p>","url":"https://jf.example/1","date_published":"2025-10-01T00:00:00Z"}]}"#;
        let f = parse(jf.as_bytes()).unwrap();
        assert_eq!(f.documents[0].title, "Hello");
        assert_eq!(
            f.documents[0].sources[0].url.as_deref(),
            Some("https://jf.example/1")
        );
    }

    #[test]
    fn entity_expansion_is_not_performed() {
        let laughs = r#"<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<rss version="2.0"><channel><title>&b;</title><item><title>x &b;</title></item></channel></rss>"#;
        let f = parse(laughs.as_bytes()).unwrap();
        assert_eq!(
            f.documents[0].title, "x &b;",
            "an unknown entity stays as written"
        );
    }

    /// Found by fuzzing: the parser's message quoted a tag holding NULs.
    #[test]
    fn a_parse_error_quoting_the_input_is_one_clean_line() {
        let err =
            parse(b"<rss version=\"2.0\"><channel><link>x</\0\0link>\n\x1b[2J</channel></rss>")
                .unwrap_err();
        assert!(err.starts_with("not a feed"), "{err}");
        assert!(!err.chars().any(|c| c.is_control()), "{err:?}");
    }

    #[test]
    fn garbage_is_not_a_feed() {
        assert!(parse(b"<html><body>hi</body></html>")
            .unwrap_err()
            .starts_with("not a feed"));
    }
}
