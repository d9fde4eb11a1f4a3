//! Property tests over generated pages, bytes and documents: parsing never panics
//! and never lets a control character through, every document reads back from its
//! JSON export and from the store unchanged, and the reader draws any document at
//! any size without panicking or putting a control character in a cell.

use proptest::prelude::*;
use tidings::invariants::{check_document, check_import, check_page, check_render};
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
    )
        .prop_map(
            |(story, title, count, lead, sections, sources, timeline, related)| {
                let kind = if story { Kind::Story } else { Kind::Article };
                let mut d = Document::new(kind, title);
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
