//! One feed item, whatever format it came in, to an article: its text (the longest
//! of its content, description and summaries) as the lead, its `<h2>`-`<h4>`
//! headings as sections and list items as claims of their own, its link as source
//! [1] cited by the closing claim, enclosures as further sources, its images, and
//! the identity that finds it again on the next fetch.

use super::dates::Stamp;
use super::html::{self, BlockKind};
use super::{date_of, host_of};
use crate::model::{Document, Image, Kind, Paragraph, Section, Source};
use crate::parse::sentences;

/// An item as read from RSS, Atom or JSON Feed, before it is a document.
#[derive(Debug, Default)]
pub struct Item {
    /// `<guid>`, Atom's or JSON Feed's `id`.
    pub id: Option<String>,
    /// Plain text.
    pub title: Option<String>,
    /// Every text the item carries (content, description, summaries); the longest
    /// becomes the article.
    pub bodies: Vec<Body>,
    /// Absolute when a base was known.
    pub link: Option<String>,
    pub published: Option<Stamp>,
    pub images: Vec<Image>,
    pub enclosures: Vec<Enclosure>,
    /// What relative URLs inside the item's HTML are resolved against.
    pub base: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Body {
    Html(String),
    Text(String),
}

/// A file attached to an item (a podcast's episode).
#[derive(Debug, Clone)]
pub struct Enclosure {
    pub url: String,
    pub mime: Option<String>,
}

/// A feed's items with what names and scopes them.
#[derive(Debug, Default)]
pub struct Channel {
    pub title: Option<String>,
    /// The feed's own identity (Atom `id`, home link, else title): item guids are
    /// only unique within their feed.
    pub identity: Option<String>,
    /// The home page, for naming the outlet when the feed has no title.
    pub home: Option<String>,
    pub items: Vec<Item>,
    /// RSS `<ttl>`: minutes the feed may be cached before it is fetched again.
    pub ttl_minutes: Option<u32>,
}

/// A read feed: its title and the articles its items became.
#[derive(Debug)]
pub struct FeedDocuments {
    pub title: Option<String>,
    /// The channel's `<ttl>`, in minutes.
    pub ttl_minutes: Option<u32>,
    pub documents: Vec<Document>,
    /// Items left out, with the reason (`item 3: no title or text`).
    pub problems: Vec<String>,
}

/// The articles of a channel; items without a title or any text are named in
/// `problems`, never dropped silently.
pub fn documents(channel: Channel) -> FeedDocuments {
    let title = channel.title.filter(|t| !t.is_empty());
    let outlet = title
        .clone()
        .or_else(|| channel.home.as_deref().and_then(host_of));
    let scope = channel
        .identity
        .or_else(|| title.clone())
        .unwrap_or_default();
    let mut out = FeedDocuments {
        title,
        ttl_minutes: channel.ttl_minutes,
        documents: Vec::new(),
        problems: Vec::new(),
    };
    for (i, item) in channel.items.into_iter().enumerate() {
        match article(item, outlet.as_deref(), &scope) {
            Some(doc) => out.documents.push(doc),
            None => out
                .problems
                .push(format!("item {}: no title or text", i + 1)),
        }
    }
    out
}

fn article(item: Item, outlet: Option<&str>, scope: &str) -> Option<Document> {
    // The longest text; of equal ones the first (content before summaries).
    let read = item.bodies.iter().rev().map(read_body).max_by_key(|b| b.1);
    let (blocks, images_in_body) = read.map(|(b, _)| (b.blocks, b.images)).unwrap_or_default();
    let title = item
        .title
        .filter(|t| !t.is_empty())
        .or_else(|| blocks.first().map(|(_, p)| first_words(p, 12)))?;
    let mut doc = Document::new(Kind::Article, title.clone());
    doc.published = item.published.map(|s| {
        let mut d = date_of(s.at);
        d.time = s.has_time.then(|| s.at.format("%H:%M").to_string());
        d
    });
    fill_text(&mut doc, &blocks);
    let is_web = |h: &String| h.starts_with("http://") || h.starts_with("https://");
    let link = item.link.filter(is_web).or_else(|| {
        // An RSS `<guid>` that is a URL is the item's page.
        item.id.clone().filter(is_web)
    });
    doc.item_id = Some(match (&item.id, &link) {
        (Some(id), _) => format!("guid:{scope} | {id}"),
        (None, Some(url)) => format!("link:{url}"),
        (None, None) => format!(
            "title:{scope} | {title} | {}",
            item.published
                .map(|s| s.at.to_rfc3339())
                .unwrap_or_default()
        ),
    });
    doc.sources.push(Source {
        n: 1,
        outlet: outlet
            .map(str::to_string)
            .or_else(|| link.as_deref().and_then(host_of)),
        title,
        summary: None,
        url: link,
    });
    for e in item.enclosures {
        let name = e
            .url
            .rsplit('/')
            .find(|s| !s.is_empty())
            .unwrap_or(&e.url)
            .split(['?', '#'])
            .next()
            .unwrap_or_default()
            .to_string();
        doc.sources.push(Source {
            n: doc.sources.len() as u32 + 1,
            outlet: host_of(&e.url),
            title: format!("Enclosure: {name}"),
            summary: e.mime,
            url: Some(e.url),
        });
    }
    doc.images = item.images;
    if doc.images.is_empty() {
        if let Some((src, alt)) = images_in_body.into_iter().next() {
            doc.images.push(Image {
                caption: alt.unwrap_or_default(),
                credit: None,
                ai_generated: false,
                url: Some(super::xml::join(item.base.as_deref(), &src)),
            });
        }
    }
    if let Some(last) = doc
        .sections
        .last_mut()
        .and_then(|s| s.paragraphs.last_mut())
        .or(doc.lead.last_mut())
        .and_then(|p| p.sentences.last_mut())
    {
        if !last.citations.contains(&1) {
            last.citations.push(1);
        }
    }
    Some(doc)
}

/// A body's blocks and the length of its text.
fn read_body(b: &Body) -> (html::Blocks, usize) {
    let blocks = match b {
        Body::Html(h) => html::blocks(h),
        Body::Text(t) => html::Blocks {
            blocks: t
                .split("\n\n")
                .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|p| !p.is_empty())
                .map(|p| (BlockKind::Paragraph, p))
                .collect(),
            images: Vec::new(),
        },
    };
    // Letters, not spaces: the same text split into paragraphs is as long.
    let len = blocks
        .blocks
        .iter()
        .map(|(_, t)| t.chars().filter(|c| !c.is_whitespace()).count())
        .sum();
    (blocks, len)
}

/// Paragraphs before the first heading are the lead; each heading opens a section;
/// each list item is a paragraph of its own, so its claims stand apart.
fn fill_text(doc: &mut Document, blocks: &[(BlockKind, String)]) {
    for (kind, text) in blocks {
        // Brackets in a feed's text (`[2]`) are its own words, not citations.
        let paragraph = || sentences::plain_paragraph(text);
        match kind {
            BlockKind::Heading => doc.sections.push(Section {
                heading: Some(text.clone()),
                paragraphs: Vec::new(),
            }),
            _ => {
                let p: Paragraph = paragraph();
                match doc.sections.last_mut() {
                    Some(s) => s.paragraphs.push(p),
                    None => doc.lead.push(p),
                }
            }
        }
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

    fn item(id: Option<&str>, link: Option<&str>, html: &str) -> Item {
        Item {
            id: id.map(String::from),
            title: Some("T".into()),
            bodies: vec![Body::Html(html.into())],
            link: link.map(String::from),
            ..Item::default()
        }
    }

    #[test]
    fn identity_is_the_guid_then_the_link_then_title_and_date() {
        let channel = Channel {
            identity: Some("https://pod.example/".into()),
            items: vec![
                item(Some("ep-1"), Some("https://pod.example/"), "One."),
                item(None, Some("https://pod.example/2"), "Two."),
                item(None, None, "Three."),
            ],
            ..Channel::default()
        };
        let ids: Vec<String> = documents(channel)
            .documents
            .into_iter()
            .map(|d| d.item_id.unwrap())
            .collect();
        assert_eq!(
            ids,
            [
                "guid:https://pod.example/ | ep-1",
                "link:https://pod.example/2",
                "title:https://pod.example/ | T | "
            ]
        );
    }

    #[test]
    fn a_structured_digest_reads_as_a_story() {
        let channel = Channel {
            items: vec![item(
                None,
                Some("https://n.example/a"),
                "<p>Lead sentence.</p><h3>Perspectives</h3><ul><li>One view.</li><li>Another view.</li></ul><h3>Sources</h3><ol><li>Wire.</li></ol>",
            )],
            ..Channel::default()
        };
        let doc = &documents(channel).documents[0];
        assert_eq!(doc.lead[0].text(), "Lead sentence.");
        let heads: Vec<&str> = doc
            .sections
            .iter()
            .map(|s| s.heading.as_deref().unwrap())
            .collect();
        assert_eq!(heads, ["Perspectives", "Sources"]);
        assert_eq!(
            doc.sections[0].paragraphs.len(),
            2,
            "each list item a claim"
        );
        assert_eq!(doc.sections[1].paragraphs[0].sentences[0].citations, [1]);
    }

    #[test]
    fn enclosures_become_sources_and_body_images_fill_images() {
        let mut it = item(
            Some("x"),
            None,
            r#"<p>Episode notes.<img src="/cover.jpg" alt="Cover"></p>"#,
        );
        it.base = Some("https://pod.example/show/".into());
        it.enclosures.push(Enclosure {
            url: "https://cdn.example/ep1.mp3?x=1".into(),
            mime: Some("audio/mpeg".into()),
        });
        let doc = &documents(Channel {
            items: vec![it],
            ..Channel::default()
        })
        .documents[0];
        assert_eq!(doc.sources[1].title, "Enclosure: ep1.mp3");
        assert_eq!(doc.sources[1].summary.as_deref(), Some("audio/mpeg"));
        assert_eq!(
            doc.images[0].url.as_deref(),
            Some("https://pod.example/cover.jpg")
        );
        assert_eq!(doc.images[0].caption, "Cover");
    }

    #[test]
    fn an_item_without_title_or_text_is_named_not_dropped() {
        let mut empty = item(None, None, "");
        empty.title = None;
        let out = documents(Channel {
            items: vec![item(None, None, "x"), empty],
            ..Channel::default()
        });
        assert_eq!(out.documents.len(), 1);
        assert_eq!(out.problems, ["item 2: no title or text"]);
    }
}
