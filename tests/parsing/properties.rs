//! Property tests over generated pages, bytes and documents: parsing never panics
//! and never lets a control character through, every document reads back from its
//! JSON export and from the store unchanged, the reader draws any document at
//! any size without panicking or putting a control character in a cell, and the
//! query parser answers any input with a query or an error inside it.

use proptest::prelude::*;
use tidings::invariants::{check_document, check_feed, check_import, check_page, check_render};
use tidings::model::{
    Document, Event, Kind, Paragraph, PartialDate, Related, Section, Sentence, Source,
};
use tidings::store::Store;

/// Pieces of text that have broken terminals, parsers or layouts. What an escape
/// sequence carries says `PWNED`, which must never reach the screen.
fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\u{1b}]52;c;PWNED\u{7}".to_string()),
        Just("\u{1b}]8;;https://PWNED.example\u{1b}\\link\u{1b}]8;;\u{1b}\\".to_string()),
        Just("\u{1b}[2J\u{1b}[31mred\u{1b}[0m".to_string()),
        Just("\u{1b}]0;PWNED\u{7}".to_string()),
        Just("\u{9b}31m\u{9d}0;PWNED\u{9c}".to_string()),
        Just("\u{202e}desrever\u{202c}\u{2066}iso\u{2069}".to_string()),
        Just("\u{7f}\u{0}\u{8}\r\u{b}\u{c}".to_string()),
        Just("\u{1b}P+qPWNED\u{1b}\\\u{1b}_PWNED\u{1b}\\\u{1b}".to_string()),
        Just("[[[[[[[[".to_string()),
        Just("[1][2][999999999999][0][-1]".to_string()),
        Just("가나다 漢字 👩‍👩‍👧 e\u{301}".to_string()),
        Just("\u{200b}\u{feff}\u{2028}\u{2029}\t".to_string()),
        "\\PC{0,12}",
        ".{0,12}",
    ]
}

/// Text mixing ordinary words and hostile pieces.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![3 => "[A-Za-z]{1,9}", 1 => hostile()], 0..8)
        .prop_map(|w| w.join(" "))
}

/// One line of a page: the shapes the parser looks for, and noise.
fn page_line() -> impl Strategy<Value = String> {
    let n = 0u32..40;
    prop_oneof![
        text(),
        "[A-Z][a-z]{2,8}( [A-Z][a-z]{2,8}){2,7}",
        n.clone().prop_map(|n| format!("Updated ({n} articles)")),
        (text(), text(), n.clone()).prop_map(|(h, t, c)| format!("{h} {t}. [{c}][{}]", c + 1)),
        n.clone().prop_map(|n| format!("Sources ({n} articles)")),
        Just("-".to_string()),
        n.clone().prop_map(|n| format!("[{n}]")),
        (text(), text(), text()).prop_map(|(a, b, c)| format!("{a}: {b}: {c}")),
        Just("Timeline".to_string()),
        Just("Key Facts".to_string()),
        Just("Updated Published Cached".to_string()),
        (text(), n.clone()).prop_map(|(t, c)| format!("• {t}: {t} [{c}][2]")),
        (1u32..32, text(), n).prop_map(|(d, t, c)| format!("Nov {d}, 2025 – {t} [{c}]")),
        Just("PHOTO: AFP".to_string()),
        Just(String::new()),
        Just("   ".to_string()),
        hostile(),
    ]
}

fn page() -> impl Strategy<Value = String> {
    prop::collection::vec(page_line(), 0..40).prop_map(|l| l.join("\n"))
}

fn date() -> impl Strategy<Value = PartialDate> {
    (
        text(),
        prop::option::of(-3000i32..3000),
        prop::option::of(0u32..14),
        prop::option::of(0u32..33),
        prop::option::of(text()),
    )
        .prop_map(|(label, year, month, day, part)| PartialDate {
            label,
            year,
            month,
            day,
            part,
            time: None,
        })
}

fn sentences() -> impl Strategy<Value = Vec<Sentence>> {
    prop::collection::vec(
        (text(), prop::collection::vec(0u32..12, 0..4))
            .prop_map(|(text, citations)| Sentence { text, citations }),
        0..4,
    )
}

fn paragraphs() -> impl Strategy<Value = Vec<Paragraph>> {
    prop::collection::vec(
        sentences().prop_map(|sentences| Paragraph { sentences }),
        0..3,
    )
}

/// Any document, strings full of hostile pieces, citations to missing sources.
fn document() -> impl Strategy<Value = Document> {
    let sections = prop::collection::vec(
        (prop::option::of(text()), paragraphs()).prop_map(|(heading, paragraphs)| Section {
            heading,
            paragraphs,
        }),
        0..5,
    );
    let sources = prop::collection::vec(
        (
            0u32..12,
            prop::option::of(text()),
            text(),
            prop::option::of(text()),
            prop::option::of(text()),
        )
            .prop_map(|(n, outlet, title, summary, url)| Source {
                n,
                outlet,
                title,
                summary,
                url,
            }),
        0..6,
    );
    let timeline = prop::collection::vec(
        (date(), text(), prop::collection::vec(0u32..12, 0..3)).prop_map(
            |(date, text, citations)| Event {
                date,
                text,
                citations,
            },
        ),
        0..8,
    );
    let related = prop::collection::vec(
        (
            prop::option::of(text()),
            prop::option::of(text()),
            any::<bool>(),
        )
            .prop_map(|(title, summary, ai_generated)| Related {
                title,
                summary,
                image: None,
                ai_generated,
            }),
        0..3,
    );
    (
        any::<bool>(),
        text(),
        prop::option::of(0u32..500),
        paragraphs(),
        sections,
        sources,
        timeline,
        related,
        (prop::option::of(text()), prop::option::of(text())),
    )
        .prop_map(
            |(story, title, count, lead, sections, sources, timeline, related, place)| {
                let kind = if story { Kind::Story } else { Kind::Article };
                let mut d = Document::new(kind, title);
                (d.category, d.location) = place;
                d.article_count = count;
                d.lead = lead;
                d.sections = sections;
                d.sources = sources;
                d.timeline = timeline;
                d.related = related;
                d
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_page_parses_clean_and_round_trips(page in page()) {
        check_page(page.as_bytes()).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn any_bytes_parse_clean_or_fail_in_one_line(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        check_page(&bytes).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn any_parsed_page_draws_at_any_size(page in page(), w in 1u16..220, h in 1u16..70) {
        for doc in check_page(page.as_bytes()).map_err(TestCaseError::fail)? {
            let frames = check_render(&doc, w, h).map_err(TestCaseError::fail)?;
            prop_assert!(!frames.contains("PWNED"), "an escape's payload on screen:\n{frames}");
        }
    }

    /// The reader cleans what it draws even when a document was never sanitized.
    #[test]
    fn any_raw_document_draws_without_controls(doc in document(), w in 1u16..220, h in 1u16..70) {
        let frames = check_render(&doc, w, h).map_err(TestCaseError::fail)?;
        prop_assert!(!frames.contains("PWNED"), "an escape's payload on screen:\n{frames}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Exported JSON with hostile strings imports clean, and reads back from the
    /// store exactly as the importer produced it.
    #[test]
    fn any_json_document_imports_clean(docs in prop::collection::vec(document(), 1..4)) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let json = serde_json::to_string(&docs).unwrap();
        check_import(&mut store, "docs.json", json.as_bytes()).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn any_page_imports_and_reads_back(page in page()) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        check_import(&mut store, "page.txt", page.as_bytes()).map_err(TestCaseError::fail)?;
    }
}

#[test]
fn the_checks_catch_a_control_character() {
    let mut doc = Document::new(Kind::Story, "ok".into());
    assert!(check_document(&doc).is_ok());
    doc.title = "a\u{1b}]52;c;eA==\u{7}b".into();
    assert!(check_document(&doc).is_err());
}

/// Text as it may sit inside an XML element: markup characters escaped, hostile
/// pieces kept (feeds carry raw control characters more often than they should).
fn xml_text() -> impl Strategy<Value = String> {
    text().prop_map(|t| {
        t.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    })
}

/// An RSS 2.0 or Atom feed of generated items, descriptions holding escaped HTML.
fn feed() -> impl Strategy<Value = String> {
    let item = (xml_text(), xml_text(), xml_text(), 0u32..3);
    (any::<bool>(), prop::collection::vec(item, 0..6)).prop_map(|(atom, items)| {
        let mut out = String::new();
        if atom {
            out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>F</title>");
            for (i, (t, a, b, k)) in items.iter().enumerate() {
                out.push_str(&format!(
                    "<entry><id>{i}</id><title type=\"html\">{t}</title><link href=\"https://f.example/{i}\"/><content type=\"html\">&lt;p&gt;{a}&lt;/p&gt;&lt;br&gt;{b} [{k}]</content></entry>"
                ));
            }
            out.push_str("</feed>");
        } else {
            out.push_str("<rss version=\"2.0\"><channel><title>F</title>");
            for (i, (t, a, b, k)) in items.iter().enumerate() {
                out.push_str(&format!(
                    "<item><title>{t}</title><link>https://f.example/{i}</link><description>&lt;p&gt;{a}&lt;/p&gt;&lt;script&gt;x&lt;/script&gt;{b} [{k}]</description></item>"
                ));
            }
            out.push_str("</channel></rss>");
        }
        out
    })
}

const DOMAINS: [&str; 3] = ["a.example", "b.example", "c.example"];

/// A citation marker: one that may resolve, one beyond the articles, or `[common]`.
fn marker() -> impl Strategy<Value = String> {
    prop_oneof![
        (0usize..3, 0usize..5).prop_map(|(d, k)| format!("[{}#{k}]", DOMAINS[d])),
        Just("[common]".to_string()),
    ]
}

/// Claim text with markers in it.
fn cited_text() -> impl Strategy<Value = String> {
    prop::collection::vec((text(), marker()), 0..4).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(t, m)| format!("{t} {m}."))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// A Kagi cluster in either shape, with articles spread over three domains.
fn cluster() -> impl Strategy<Value = serde_json::Value> {
    (
        text(),
        cited_text(),
        prop::collection::vec((text(), cited_text()), 0..4),
        prop::collection::vec((text(), cited_text(), any::<bool>()), 0..4),
        prop::collection::vec(0usize..3, 0..6),
    )
        .prop_map(|(title, summary, points, events, articles)| {
            let timeline: Vec<serde_json::Value> = events
                .into_iter()
                .map(|(date, content, old)| {
                    if old {
                        serde_json::json!(format!("{date}:: {content}"))
                    } else {
                        serde_json::json!({"date": date, "content": content})
                    }
                })
                .collect();
            let articles: Vec<serde_json::Value> = articles
                .iter()
                .enumerate()
                .map(|(i, &d)| serde_json::json!({"title": format!("A{i}"), "link": format!("https://{}/{i}", DOMAINS[d]), "domain": DOMAINS[d]}))
                .collect();
            serde_json::json!({
                "title": format!("Story {title}"),
                "summary": summary,
                "talking_points": points.into_iter().map(|(h, t)| format!("{h}: {t}")).collect::<Vec<_>>(),
                "timeline": timeline,
                "articles": articles,
                "international_reactions": "",
            })
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Generated RSS and Atom feeds with hostile text load clean, and what loads
    /// cites only the item's own link.
    #[test]
    fn any_feed_loads_clean(feed in feed()) {
        check_feed(feed.as_bytes()).map_err(TestCaseError::fail)?;
    }

    /// Bytes that start like a feed or like Kagi JSON load clean or fail in one line.
    #[test]
    fn any_bytes_after_a_feed_start_load_clean_or_fail_in_one_line(
        start in prop_oneof![Just("<rss version=\"2.0\">"), Just("<feed>"), Just("{\"clusters\":"), Just("[{\"title\":")],
        bytes in prop::collection::vec(any::<u8>(), 0..2048),
    ) {
        let mut input = start.as_bytes().to_vec();
        input.extend(bytes);
        check_feed(&input).map_err(TestCaseError::fail)?;
    }

    /// Every `[domain#N]` in a cluster resolves to that domain's N-th article or
    /// stays in the text as written; `[common]` goes; no citation names a source
    /// the story does not list.
    #[test]
    fn kagi_citations_resolve_or_stay_visible(clusters in prop::collection::vec(cluster(), 1..4)) {
        let json = serde_json::to_string(&serde_json::json!({"clusters": clusters})).unwrap();
        let n = check_feed(json.as_bytes()).map_err(TestCaseError::fail)?;
        prop_assert_eq!(n, clusters.len());
        let markers = json.matches(".example#").count();
        let mapped = tidings::feeds::kagi::map_clusters(&clusters, None, None);
        let t = mapped.citations;
        prop_assert_eq!(t.resolved + t.unresolved, markers);
        prop_assert_eq!(t.common, json.matches("[common]").count());
        let out = serde_json::to_string(&mapped.documents).unwrap();
        prop_assert_eq!(out.matches(".example#").count(), t.unresolved, "unresolved ones stay visible");
        prop_assert!(!out.contains("[common]"));
    }
}

/// An RSS item's `(guid, link, title, day)`, each drawn from a few values.
type IdentifiedItem = (Option<u8>, Option<u8>, String, Option<u8>);

/// RSS items whose guids, links, titles and dates repeat.
fn identified_items() -> impl Strategy<Value = Vec<IdentifiedItem>> {
    let title = prop_oneof![Just("Morning briefing".to_string()), xml_text()];
    let item = (
        prop::option::of(0u8..4),
        prop::option::of(0u8..3),
        title,
        prop::option::of(1u8..4),
    );
    prop::collection::vec(item, 1..8)
}

fn uids_and_ids(store: &Store) -> std::collections::BTreeSet<(String, Option<String>)> {
    store
        .all_uids()
        .unwrap()
        .into_iter()
        .map(|u| {
            let id = store.get(&u).unwrap().doc.item_id;
            (u, id)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Items known by guid, else link, else title and date: the store holds one
    /// document per identity, a second import changes nothing, and the JSON export
    /// imported into a new store gives the same documents under the same ids.
    #[test]
    fn feed_item_identities_survive_import_and_export(items in identified_items()) {
        let body: String = items
            .iter()
            .map(|(g, l, t, d)| {
                let mut x = format!("<item><title>{t}</title><description>Text.</description>");
                if let Some(g) = g { x += &format!("<guid isPermaLink=\"false\">g{g}</guid>"); }
                if let Some(l) = l { x += &format!("<link>https://f.example/{l}</link>"); }
                if let Some(d) = d { x += &format!("<pubDate>0{d} Dec 2025 10:00:00 GMT</pubDate>"); }
                x + "</item>"
            })
            .collect();
        let feed = format!("<rss version=\"2.0\"><channel><title>F</title>{body}</channel></rss>");
        let loaded = tidings::feeds::load(feed.as_bytes(), None).unwrap().unwrap();
        let keys: std::collections::BTreeSet<String> =
            loaded.documents.iter().map(tidings::store::doc_key).collect();

        let a = tempfile::tempdir().unwrap();
        let mut store = Store::open(a.path()).unwrap();
        check_import(&mut store, "f.rss", feed.as_bytes()).map_err(TestCaseError::fail)?;
        prop_assert_eq!(store.count().unwrap() as usize, keys.len());
        check_import(&mut store, "f.rss", feed.as_bytes()).map_err(TestCaseError::fail)?;
        prop_assert_eq!(store.count().unwrap() as usize, keys.len(), "a second import adds nothing");

        let exported: Vec<Document> = store
            .all_uids()
            .unwrap()
            .iter()
            .map(|u| store.get(u).unwrap().doc)
            .collect();
        let b = tempfile::tempdir().unwrap();
        let mut copy = Store::open(b.path()).unwrap();
        let json = serde_json::to_string(&exported).unwrap();
        check_import(&mut copy, "export.json", json.as_bytes()).map_err(TestCaseError::fail)?;
        prop_assert_eq!(uids_and_ids(&store), uids_and_ids(&copy));
    }
}

/// Words a story paragraph is made of: headline words, common words, names,
/// numbers, small words, abbreviations.
fn story_word() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "Passengers",
            "Council",
            "Approves",
            "Tram",
            "Depot",
            "Several",
            "The",
            "On",
            "Out",
            "Ruled",
            "Speak",
            "U.K.",
            "Feb.",
            "Polventon",
            "Pool",
            "Velden",
            "Month",
            "Next",
        ])
        .prop_map(String::from),
        prop::sample::select(vec![
            "residents",
            "objected",
            "of",
            "the",
            "and",
            "numbers",
            "rose",
            "said",
            "on",
            "in",
            "a",
            "major",
            "part",
        ])
        .prop_map(String::from),
        "[A-Z][a-z]{2,8}",
        "[a-z]{2,8}",
        (1u32..3000).prop_map(|n| n.to_string()),
    ]
}

/// A story page: title, article count, paragraphs of words with a heading maybe
/// flattened onto them, sources.
fn story_page() -> impl Strategy<Value = (String, Vec<String>)> {
    let paragraph = (prop::collection::vec(story_word(), 4..24), 1u32..4)
        .prop_map(|(w, c)| format!("{}[{c}].", w.join(" ")));
    prop::collection::vec(paragraph, 1..6).prop_map(|paragraphs| {
        let page = format!(
            "Harbour Story Title\nUpdated (3 articles)\n{}\nSources (3 articles)\n[1]\nDesk: Report: Reports it.\n",
            paragraphs.join("\n")
        );
        (page, paragraphs)
    })
}

/// A word without citation markers and the final stop, for comparing texts.
fn bare_words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            let w = w.split('[').next().unwrap_or("");
            w.trim_end_matches('.').to_string()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Wherever the parser cuts a heading off its paragraph, every word stays:
    /// headings, lead and section texts hold the page's words in order.
    #[test]
    fn a_heading_cut_moves_words_and_never_drops_them((page, paragraphs) in story_page()) {
        let doc = tidings::parse::parse_text(&page).remove(0);
        let mut got = Vec::new();
        for p in &doc.lead {
            got.extend(bare_words(&p.text()));
        }
        for s in &doc.sections {
            got.extend(s.heading.as_deref().map(bare_words).unwrap_or_default());
            for p in &s.paragraphs {
                got.extend(bare_words(&p.text()));
            }
        }
        let want: Vec<String> = paragraphs.iter().flat_map(|p| bare_words(p)).collect();
        prop_assert_eq!(got, want);
    }
}

/// Pieces of queries: the language's own tokens, half-typed ones and noise.
fn query_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Za-z]{1,6}",
        1 => prop::sample::select(vec![
            "(", ")", "\"", "-", "not", "or", "OR", "..", ":", ">=", "<",
        ])
        .prop_map(String::from),
        2 => (
            prop::sample::select(vec![
                "title", "source", "outlet", "cites", "sources", "claims", "single",
                "date", "event", "newer", "older", "kind", "feed", "is", "lang", "cite",
            ]),
            prop::sample::select(vec![":", ">=", "<", "=", ""]),
            "[0-9a-z.\"-]{0,12}",
        )
            .prop_map(|(name, op, value)| format!("{name}{op}{value}")),
        1 => hostile(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Whatever is typed into the filter, the query parser answers (a query or
    /// an error) without panicking, and an error points inside what was typed.
    #[test]
    fn any_query_parses_or_says_where_it_went_wrong(
        pieces in prop::collection::vec(query_piece(), 0..10),
        glue in prop::sample::select(vec!["", " "]),
    ) {
        let input = pieces.join(glue);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 10).unwrap();
        if let Err(e) = tidings::query::parse(&input, today) {
            let len = input.chars().count();
            prop_assert!((1..=len.max(1)).contains(&e.at), "{input:?}: {e}");
            prop_assert!(!e.message.is_empty());
        }
    }
}
