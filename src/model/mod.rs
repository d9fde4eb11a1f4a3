//! The parsed document: serde types of the JSON contract (`shared/docs/model.md`).
//!
//! The same shape is printed by `tidings parse --json`, written by `tidings export`
//! and read back by `tidings import`, so changes here are additive only.

mod citing;
mod clean;
mod date;

pub use citing::Citing;
pub use date::{DateStyle, PartialDate};

use serde::{Deserialize, Serialize};

/// The contract version written into every document.
pub const SCHEMA_VERSION: u32 = 1;

/// Whether a page was an aggregated story or a single article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Story,
    Article,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Story => "story",
            Kind::Article => "article",
        }
    }
}

/// One parsed page: a story (sections, sources, timeline) or an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    #[serde(default = "schema_default")]
    pub schema: u32,
    pub kind: Kind,
    pub title: String,
    #[serde(default)]
    pub article_count: Option<u32>,
    #[serde(default)]
    pub published: Option<PartialDate>,
    #[serde(default)]
    pub images: Vec<Image>,
    #[serde(default)]
    pub lead: Vec<Paragraph>,
    #[serde(default)]
    pub sections: Vec<Section>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub timeline: Vec<Event>,
    #[serde(default)]
    pub reactions: Vec<Paragraph>,
    #[serde(default)]
    pub related: Vec<Related>,
    /// The desk it belongs to (Kagi's `World`, `Tragedy`), when a source says; an
    /// addition the contract allows, absent from page output.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Where it happened (Kagi's `location`), when a source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// A feed item's identity across fetches (`guid:`, `link:` or `title:` and the
    /// value, see `feeds::item`); absent from pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
}

fn schema_default() -> u32 {
    SCHEMA_VERSION
}

/// A stored document's reader marks, as `tidings export` writes them beside its
/// fields (`"marks": {"read": true, "saved": false}`, left out when neither is
/// set) and `tidings import` restores them: an addition the contract allows, so
/// the schema stays 1 and exports without it still import.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marks {
    #[serde(default)]
    pub read: bool,
    #[serde(default)]
    pub saved: bool,
}

impl Marks {
    /// Neither read nor saved: nothing to write.
    pub fn is_none(&self) -> bool {
        !self.read && !self.saved
    }
}

impl Document {
    /// An empty document of the given kind and title.
    pub fn new(kind: Kind, title: String) -> Self {
        Document {
            schema: SCHEMA_VERSION,
            kind,
            title,
            article_count: None,
            published: None,
            images: Vec::new(),
            lead: Vec::new(),
            sections: Vec::new(),
            sources: Vec::new(),
            timeline: Vec::new(),
            reactions: Vec::new(),
            related: Vec::new(),
            category: None,
            location: None,
            item_id: None,
        }
    }

    /// Every claim (sentence) of the lead and sections, in page order.
    pub fn sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.lead
            .iter()
            .chain(self.sections.iter().flat_map(|s| s.paragraphs.iter()))
            .flat_map(|p| p.sentences.iter())
    }

    /// The source numbered `n`, if the page listed it.
    pub fn source(&self, n: u32) -> Option<&Source> {
        self.sources.iter().find(|s| s.n == n)
    }

    /// The document's own link, as written: a feed item's is its source [1]
    /// (the item's link); a page or cluster that lists one source only is that
    /// source's; one that gathers several sources has none of its own.
    pub fn link(&self) -> Option<&str> {
        let own = if self.item_id.is_some() {
            self.source(1)
        } else if self.sources.len() == 1 {
            self.sources.first()
        } else {
            None
        };
        own?.url.as_deref()
    }

    /// The latest of the publication date and the dated timeline events, by
    /// year/month/day/part (an event on the publication day wins: it says more).
    /// A story whose timeline is all history still counts as news of its day. A
    /// deadline (`By May 10, 2025`) is not an event, and neither is anything dated
    /// after a publication day: both are plans, not news.
    pub fn latest_date(&self) -> Option<&PartialDate> {
        let day_of = |d: &PartialDate| (d.year, d.month, d.day);
        let published_day = self
            .published
            .as_ref()
            .filter(|d| d.day.is_some())
            .map(day_of);
        let planned =
            |d: &PartialDate| d.is_deadline() || published_day.is_some_and(|p| day_of(d) > p);
        let dated = self.published.iter().filter(|d| d.year.is_some());
        dated
            .chain(
                self.timeline
                    .iter()
                    .map(|e| &e.date)
                    .filter(|d| d.year.is_some() && !planned(d)),
            )
            .max_by_key(|d| d.sort_key())
            .or(self.published.as_ref())
    }
}

/// An image: its caption, the photo credit, whether a badge said it is AI-made,
/// and where it is (feeds name it; pages do not).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    pub caption: String,
    #[serde(default)]
    pub credit: Option<String>,
    #[serde(default)]
    pub ai_generated: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A bullet section of a story, or a run of body paragraphs under a subheading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub heading: Option<String>,
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
}

/// A paragraph as a list of sentences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Paragraph {
    pub sentences: Vec<Sentence>,
}

impl Paragraph {
    /// The paragraph's text, sentences joined by one space.
    pub fn text(&self) -> String {
        let parts: Vec<&str> = self.sentences.iter().map(|s| s.text.as_str()).collect();
        parts.join(" ")
    }
}

/// One sentence; with citations it is a claim that names its sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub text: String,
    #[serde(default)]
    pub citations: Vec<u32>,
}

/// A numbered source the page lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub n: u32,
    #[serde(default)]
    pub outlet: Option<String>,
    pub title: String,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

/// A dated timeline entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub date: PartialDate,
    pub text: String,
    #[serde(default)]
    pub citations: Vec<u32>,
}

/// A related-article card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub image: Option<String>,
    #[serde(default)]
    pub ai_generated: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(n: u32, url: Option<&str>) -> Source {
        Source {
            n,
            outlet: None,
            title: format!("Source {n}"),
            summary: None,
            url: url.map(String::from),
        }
    }

    #[test]
    fn a_feed_item_links_to_its_first_source_and_a_gathering_story_to_none() {
        let mut item = Document::new(Kind::Article, "Item".into());
        item.item_id = Some("guid:feed | 1".into());
        item.sources
            .push(source(1, Some("https://example.org/item")));
        item.sources
            .push(source(2, Some("https://example.org/audio.mp3")));
        assert_eq!(item.link(), Some("https://example.org/item"));
        let mut story = Document::new(Kind::Story, "Story".into());
        story.sources.push(source(1, Some("https://a.example/1")));
        assert_eq!(story.link(), Some("https://a.example/1"), "one source says");
        story.sources.push(source(2, Some("https://b.example/2")));
        assert_eq!(story.link(), None, "several sources: none of its own");
        assert_eq!(Document::new(Kind::Article, "Page".into()).link(), None);
        item.sources[0].url = None;
        assert_eq!(item.link(), None);
    }
}
