//! The samples bundled in the binary (`assets/samples/`: pages, a Kagi News
//! cluster and an RSS feed, all written for the project): imported on the first run
//! into a store with no documents and no subscriptions, marked by their origin
//! (`tidings remove --samples` clears them), and opened by `--demo` in a
//! throw-away store.

use crate::model::Document;
use crate::parse;

/// The bundled pages, by file name.
const PAGES: &[(&str, &str)] = &[
    (
        "story_lunar_lander_timeline.txt",
        include_str!("../assets/samples/story_lunar_lander_timeline.txt"),
    ),
    (
        "story_ferry_cjk.txt",
        include_str!("../assets/samples/story_ferry_cjk.txt"),
    ),
    (
        "story_flood_sentence_case.txt",
        include_str!("../assets/samples/story_flood_sentence_case.txt"),
    ),
    (
        "story_key_facts_rates.txt",
        include_str!("../assets/samples/story_key_facts_rates.txt"),
    ),
    (
        "story_transit_no_blank_lines.txt",
        include_str!("../assets/samples/story_transit_no_blank_lines.txt"),
    ),
    (
        "article_en_ai_site.txt",
        include_str!("../assets/samples/article_en_ai_site.txt"),
    ),
    (
        "article_himalaya_storms.txt",
        include_str!("../assets/samples/article_himalaya_storms.txt"),
    ),
    (
        "article_es_ui.txt",
        include_str!("../assets/samples/article_es_ui.txt"),
    ),
    (
        "article_de_ui.txt",
        include_str!("../assets/samples/article_de_ui.txt"),
    ),
    (
        "kagi_port_cyber_attack.json",
        include_str!("../assets/samples/kagi_port_cyber_attack.json"),
    ),
    (
        "feed_coastal_wire.rss",
        include_str!("../assets/samples/feed_coastal_wire.rss"),
    ),
];

/// How the origin of every sample starts (`sample:story_ferry_cjk.txt`): what
/// marks a stored document as one of the samples.
pub const ORIGIN_PREFIX: &str = "sample:";

/// Every bundled document with its origin: [`ORIGIN_PREFIX`] and its file name.
pub fn documents() -> Vec<(String, Document)> {
    PAGES
        .iter()
        .flat_map(|(name, text)| {
            let docs = match crate::feeds::load(text.as_bytes(), None) {
                Some(loaded) => loaded.map(|l| l.documents),
                None => parse::parse_bytes(text.as_bytes(), parse::DEFAULT_MAX_PAGE_BYTES)
                    .map_err(|e| e.to_string()),
            }
            .unwrap_or_else(|e| panic!("bundled sample {name} does not load: {e}"));
            docs.into_iter()
                .map(move |d| (format!("{ORIGIN_PREFIX}{name}"), d))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    #[test]
    fn samples_show_every_feature() {
        let docs = documents();
        assert!(docs.len() >= 8);
        let any = |f: &dyn Fn(&Document) -> bool| docs.iter().any(|(_, d)| f(d));
        assert!(any(&|d| d.kind == Kind::Story && d.sections.len() >= 4));
        assert!(any(&|d| d.sources.iter().any(|s| s.url.is_some())));
        assert!(any(&|d| d.timeline.len() >= 12));
        assert!(any(&|d| !d.related.is_empty()));
        assert!(any(&|d| !d.reactions.is_empty()));
        assert!(any(&|d| d.title.contains('–') && d.title.contains('🚢')));
        // A Kagi News cluster: perspectives citing sources, an undated event.
        assert!(any(&|d| d
            .sections
            .iter()
            .any(|s| s.heading.as_deref() == Some("Perspectives"))
            && d.timeline.iter().any(|e| e.date.year.is_none())));
        // Feed items: the link is source [1].
        assert!(any(&|d| d.kind == Kind::Article && d.sources.len() == 1));
    }
}
