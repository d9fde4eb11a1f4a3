//! The sample pages bundled in the binary (`assets/samples/`): imported on the first
//! run into an empty store, and opened by `--demo` in a throw-away store.

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
];

/// Every bundled document with the name of the page it came from.
pub fn documents() -> Vec<(String, Document)> {
    PAGES
        .iter()
        .flat_map(|(name, text)| {
            let docs = parse::parse_bytes(text.as_bytes(), parse::DEFAULT_MAX_PAGE_BYTES)
                .unwrap_or_else(|e| panic!("bundled sample {name} does not parse: {e}"));
            docs.into_iter().map(move |d| (format!("sample:{name}"), d))
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
    }
}
