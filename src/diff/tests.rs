//! The diff of two versions of a story, case by case.

use super::*;
use crate::model::{Kind, Paragraph, PartialDate, Section, Sentence};

fn claim(text: &str, citations: &[u32]) -> Sentence {
    Sentence {
        text: text.into(),
        citations: citations.to_vec(),
    }
}

fn source(n: u32, outlet: &str, url: &str) -> Source {
    Source {
        n,
        outlet: Some(outlet.into()),
        title: format!("{outlet} report"),
        summary: None,
        url: Some(url.into()),
    }
}

fn event(label: &str, day: u32, text: &str) -> Event {
    Event {
        date: PartialDate {
            label: label.into(),
            year: Some(2025),
            month: Some(9),
            day: Some(day),
            part: None,
            time: None,
        },
        text: text.into(),
        citations: vec![1],
    }
}

/// A story of these claims (the first in the lead, the rest in a section),
/// citing two sources, with one event.
fn story(claims: &[Sentence]) -> Document {
    let mut d = Document::new(Kind::Story, "Kestrel Bay port reopens".into());
    d.lead.push(Paragraph {
        sentences: claims[..1].to_vec(),
    });
    d.sections.push(Section {
        heading: Some("Restart".into()),
        paragraphs: vec![Paragraph {
            sentences: claims[1..].to_vec(),
        }],
    });
    d.sources = vec![
        source(1, "Reuters", "https://reuters.com/a"),
        source(2, "AP", "https://apnews.com/b"),
    ];
    d.timeline = vec![event(
        "Sep 14, 2025",
        14,
        "Ransomware shuts the crane system.",
    )];
    d
}

fn base() -> Vec<Sentence> {
    vec![
        claim(
            "The container terminal resumed loading ships on Saturday.",
            &[1],
        ),
        claim("About 40 ships waited at anchor during the outage.", &[2]),
        claim("The operator said no ransom was paid.", &[1]),
    ]
}

fn marks(changes: &Changes) -> Vec<(&str, &str)> {
    changes
        .claims
        .iter()
        .map(|c| {
            let mark = match c.mark {
                Mark::New => "new",
                Mark::Changed { .. } => "changed",
                Mark::Removed => "removed",
            };
            (mark, c.text.as_str())
        })
        .collect()
}

#[test]
fn the_same_story_has_no_changes() {
    let doc = story(&base());
    assert!(changes(&doc, &doc.clone()).is_empty());
}

#[test]
fn claims_reordered_are_unchanged() {
    let mut moved = base();
    moved.rotate_left(1);
    let changes = changes(&story(&base()), &story(&moved));
    assert!(changes.is_empty(), "{changes:?}");
}

#[test]
fn an_edited_sentence_is_changed_with_its_words() {
    let mut edited = base();
    edited[1] = claim("About 45 ships waited at anchor during the outage.", &[2]);
    let now = story(&edited);
    let changes = changes(&story(&base()), &now);
    assert_eq!(
        marks(&changes),
        [(
            "changed",
            "About 45 ships waited at anchor during the outage."
        )]
    );
    let Mark::Changed { words } = &changes.claims[0].mark else {
        unreachable!()
    };
    let tagged: Vec<(Tag, &str)> = words.iter().map(|w| (w.tag, w.text.as_str())).collect();
    assert_eq!(
        tagged,
        [
            (Tag::Same, "About "),
            (Tag::Removed, "40"),
            (Tag::Added, "45"),
            (Tag::Same, " ships waited at anchor during the outage. [2]"),
        ]
    );
    assert_eq!(changes.claims[0].at, Some(1), "its place in the story now");
    assert!(changes.claim(1).is_some() && changes.claim(0).is_none());
}

#[test]
fn a_citation_added_changes_the_claim() {
    let mut cited = base();
    cited[2].citations.push(2);
    let changes = changes(&story(&base()), &story(&cited));
    assert_eq!(
        marks(&changes),
        [("changed", "The operator said no ransom was paid.")]
    );
    let Mark::Changed { words } = &changes.claims[0].mark else {
        unreachable!()
    };
    assert!(
        words.iter().any(|w| w.tag == Tag::Added && w.text == "[2]"),
        "{words:?}"
    );
}

#[test]
fn sources_renumbered_are_the_same_and_one_added_is_new() {
    let old = story(&base());
    let mut now = old.clone();
    // A source listed first: the others move down one, and the claims cite them so.
    now.sources
        .insert(0, source(1, "BBC", "https://bbc.co.uk/c"));
    for (i, s) in now.sources.iter_mut().enumerate() {
        s.n = i as u32 + 1;
    }
    for s in now
        .lead
        .iter_mut()
        .chain(
            now.sections
                .iter_mut()
                .flat_map(|s| s.paragraphs.iter_mut()),
        )
        .flat_map(|p| p.sentences.iter_mut())
    {
        s.citations.iter_mut().for_each(|n| *n += 1);
    }
    now.timeline[0].citations = vec![2];
    let changes = changes(&old, &now);
    assert!(changes.claims.is_empty(), "{:?}", changes.claims);
    assert!(changes.events.is_empty(), "{:?}", changes.events);
    assert_eq!(changes.sources.len(), 1);
    assert_eq!(changes.sources[0].mark, Mark::New);
    assert_eq!(changes.sources[0].source.outlet.as_deref(), Some("BBC"));
    assert!(changes.source(1).is_some() && changes.source(2).is_none());
}

#[test]
fn an_event_added_is_new_and_one_reworded_is_changed() {
    let old = story(&base());
    let mut now = old.clone();
    now.timeline[0].text = "Ransomware shuts the crane scheduling system.".into();
    now.timeline.push(event(
        "Sep 20, 2025",
        20,
        "The first ship leaves the berth.",
    ));
    let changes = changes(&old, &now);
    let events: Vec<(bool, Option<usize>)> = changes
        .events
        .iter()
        .map(|e| (e.mark == Mark::New, e.at))
        .collect();
    assert_eq!(events, [(false, Some(0)), (true, Some(1))]);
    assert!(matches!(changes.events[0].mark, Mark::Changed { .. }));
}

#[test]
fn claims_removed_and_new_ones_are_told_apart_from_edits() {
    let mut now = base();
    now.remove(2);
    now.push(claim(
        "Night shifts will clear the backlog within ten days.",
        &[2],
    ));
    let changes = changes(&story(&base()), &story(&now));
    assert_eq!(
        marks(&changes),
        [
            (
                "new",
                "Night shifts will clear the backlog within ten days."
            ),
            ("removed", "The operator said no ransom was paid."),
        ]
    );
    let json = serde_json::to_value(&changes.claims[0]).unwrap();
    assert_eq!(json["change"], "new");
    assert_eq!(json["citations"], serde_json::json!([2]));
}

#[test]
fn a_story_of_thousands_of_claims_pairs_only_the_same_text_and_quickly() {
    let many: Vec<Sentence> = (0..3_000)
        .map(|i| {
            claim(
                &format!("Claim number {i} says something about the port."),
                &[1],
            )
        })
        .collect();
    let old = story(&many);
    let mut edited = many.clone();
    edited[10] = claim("An edited claim that is new now.", &[1]);
    let start = std::time::Instant::now();
    let changes = changes(&old, &story(&edited));
    assert!(start.elapsed() < std::time::Duration::from_secs(5));
    assert_eq!(
        marks(&changes),
        [
            ("new", "An edited claim that is new now."),
            ("removed", "Claim number 10 says something about the port."),
        ]
    );
}
