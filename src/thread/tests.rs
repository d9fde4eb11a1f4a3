//! The signature's contract: what it keeps, how it compares, its bytes.

use super::*;

fn sig(title: &str, lead: &str) -> Signature {
    Signature::of(title, lead).expect("enough tokens")
}

#[test]
fn too_few_tokens_say_nothing() {
    assert_eq!(Signature::of("The news", ""), None);
    assert_eq!(Signature::of("", "It is what it is."), None);
}

#[test]
fn the_same_text_is_the_same_signature() {
    let a = sig("Harbour bridge reopens", "after eight weeks of repairs");
    assert_eq!(
        a,
        sig("Harbour  bridge reopens!", "after eight weeks of  repairs.")
    );
    assert_eq!(a.similarity(&a), 1.0);
    assert_eq!(a.bands(), a.clone().bands());
}

#[test]
fn paraphrases_are_closer_than_other_events() {
    let a = sig(
        "Dock workers strike at Kestrel Bay port",
        "Crane operators walked out on Monday over pay, halting container loading at Kestrel Bay.",
    );
    let b = sig(
        "Kestrel Bay port halted as crane operators strike over pay",
        "Container loading at the port stopped after dock workers walked out.",
    );
    let c = sig(
        "Orchestra opens winter season with Mahler",
        "The city orchestra played to a full hall on Friday night.",
    );
    assert!(a.similarity(&b) >= THRESHOLD, "{}", a.similarity(&b));
    assert!(a.similarity(&c) < 0.1, "{}", a.similarity(&c));
    assert!(a.bands().iter().any(|x| b.bands().contains(x)));
}

#[test]
fn bytes_round_trip_and_other_lengths_are_refused() {
    let a = sig("Harbour bridge reopens", "after eight weeks of repairs");
    let bytes = a.to_bytes();
    assert_eq!(bytes.len(), 4 * SIG_LEN);
    assert_eq!(Signature::from_bytes(&bytes), Some(a));
    assert_eq!(Signature::from_bytes(&bytes[1..]), None);
    let mut swapped = bytes.clone();
    swapped[..8].rotate_left(4);
    assert_eq!(Signature::from_bytes(&swapped), None, "out of order");
    assert_eq!(Signature::from_bytes(&[0xff; 4 * SIG_LEN]), None, "empty");
}

#[test]
fn the_same_event_is_near_in_time() {
    let a = sig("Harbour bridge reopens", "after eight weeks of repairs");
    assert!(same_event(&a, &a, Some(10), Some(10 + WINDOW_DAYS)));
    assert!(!same_event(&a, &a, Some(10), Some(11 + WINDOW_DAYS)));
    assert!(same_event(&a, &a, None, Some(10)));
}

#[test]
fn the_lead_is_its_first_words_else_the_first_section() {
    use crate::model::{Kind, Paragraph, Section, Sentence};
    let para = |t: &str| Paragraph {
        sentences: vec![Sentence {
            text: t.into(),
            citations: vec![],
        }],
    };
    let mut doc = Document::new(Kind::Article, "Title".into());
    doc.sections.push(Section {
        heading: None,
        paragraphs: vec![para("From the section.")],
    });
    assert_eq!(text_of(&doc), ("Title".into(), "From the section.".into()));
    doc.lead.push(para(&"word ".repeat(100)));
    let (_, lead) = text_of(&doc);
    assert_eq!(lead.split(' ').count(), LEAD_WORDS);
}

#[test]
fn a_day_number_needs_a_day() {
    let d = |y, m, day| PartialDate {
        label: String::new(),
        year: Some(y),
        month: Some(m),
        day,
        part: None,
        time: None,
    };
    assert_eq!(
        day_number(&d(2026, 1, Some(6))).unwrap() - day_number(&d(2025, 12, Some(31))).unwrap(),
        6
    );
    assert_eq!(day_number(&d(2026, 1, None)), None);
}

#[test]
fn a_long_story_is_estimated_from_its_smallest_hashes() {
    // 150 distinct words each, 100 of them shared: Jaccard 100 / 200.
    let words = |from: usize| -> String {
        (from..from + 150)
            .map(|n| format!("{n:05}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (a, b) = (sig("", &words(0)), sig("", &words(50)));
    assert!(a.0.iter().all(|&v| v != u32::MAX), "a full signature");
    let s = a.similarity(&b);
    assert!((s - 0.5).abs() < 0.15, "{s}");
    assert_eq!(a.similarity(&b), b.similarity(&a));
}
