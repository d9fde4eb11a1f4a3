//! The claims that answer a query, as the reader lists them (`C`): each claim's
//! sentence, its story's title and the outlets it cites, and where the claim
//! stands in its story (to open the story on it). Built from the stories the
//! store found and `query::claims`, off the event loop.

use super::layout::Item;
use crate::model::Document;
use crate::query::claims::{matching_claims, ClaimMatch};
use crate::query::Query;
use crate::store::Stored;

/// One claim of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRow {
    /// Its story.
    pub uid: String,
    pub title: String,
    /// The claim as written.
    pub text: String,
    /// Who it cites, as `[1] Reuters, [2] Yonhap` (`[9] unlisted` for a number
    /// the story does not list).
    pub outlets: String,
    /// The first URL it cites, for `o` and `y`.
    pub link: Option<String>,
    /// The sentence in its story.
    pub item: Item,
}

/// Every claim of `stories` that answers `q`, story by story in their order.
pub fn claim_rows(stories: &[Stored], q: &Query) -> Vec<ClaimRow> {
    stories
        .iter()
        .flat_map(|s| {
            matching_claims(&s.story(), q)
                .into_iter()
                .filter_map(|m| row(&s.item.uid, &s.item.title, &s.doc, m))
        })
        .collect()
}

fn row(uid: &str, title: &str, doc: &Document, m: ClaimMatch) -> Option<ClaimRow> {
    let outlets: Vec<String> = m.citations.iter().map(|c| c.label()).collect();
    Some(ClaimRow {
        uid: uid.to_string(),
        title: title.to_string(),
        item: sentence_item(doc, m.index)?,
        outlets: outlets.join(", "),
        link: m.citations.iter().find_map(|c| c.url.clone()),
        text: m.text,
    })
}

/// The story item of sentence `index` of `doc`, counted as
/// [`Document::sentences`] counts them: the lead's, then each section's.
pub fn sentence_item(doc: &Document, index: usize) -> Option<Item> {
    let lead = std::iter::once((None, &doc.lead));
    let sections = doc
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| (Some(i), &s.paragraphs));
    let mut left = index;
    for (section, paragraphs) in lead.chain(sections) {
        for (para, p) in paragraphs.iter().enumerate() {
            if left < p.sentences.len() {
                return Some(Item::Claim {
                    section,
                    para,
                    sent: left,
                });
            }
            left -= p.sentences.len();
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Section};
    use crate::parse::sentences;

    #[test]
    fn a_sentence_index_counts_the_lead_then_each_section_paragraph_by_paragraph() {
        let mut doc = Document::new(Kind::Story, "T".into());
        doc.lead = vec![sentences::paragraph("One [1]. Two.")];
        doc.sections.push(Section {
            heading: Some("A".into()),
            paragraphs: vec![
                sentences::paragraph("Three."),
                sentences::paragraph("Four [2]. Five."),
            ],
        });
        let texts: Vec<&str> = doc.sentences().map(|s| s.text.as_str()).collect();
        assert_eq!(texts.len(), 5);
        let claim = |section, para, sent| Item::Claim {
            section,
            para,
            sent,
        };
        assert_eq!(sentence_item(&doc, 0), Some(claim(None, 0, 0)));
        assert_eq!(sentence_item(&doc, 1), Some(claim(None, 0, 1)));
        assert_eq!(sentence_item(&doc, 2), Some(claim(Some(0), 0, 0)));
        assert_eq!(sentence_item(&doc, 4), Some(claim(Some(0), 1, 1)));
        assert_eq!(sentence_item(&doc, 5), None);
    }
}
