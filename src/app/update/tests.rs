//! `update` and `receive` driven with no store and no terminal: the state and the
//! effect each step asks for.

use crate::app::action::{Action, Arrival, Effect, Loaded};
use crate::app::layout::Item;
use crate::app::{App, Focus, Overlay};
use crate::model::{Document, Kind, Section, Source};
use crate::parse::sentences;
use crate::store::ListItem;

fn item(uid: &str, read: bool) -> ListItem {
    ListItem {
        uid: uid.into(),
        kind: "story".into(),
        title: format!("Story {uid}"),
        article_count: None,
        source_count: 2,
        event_count: 0,
        latest: None,
        read,
        saved: false,
        feed: String::new(),
    }
}

/// A story whose one section cites source 1 twice and both sources once.
fn story() -> Document {
    let mut doc = Document::new(Kind::Story, "Harbour strike ends".into());
    doc.sections.push(Section {
        heading: Some("Talks resume".into()),
        paragraphs: vec![sentences::paragraph(
            "Dockers voted to return [1]. The union agreed [1][2]. Ships moved.",
        )],
    });
    for n in [1, 2] {
        doc.sources.push(Source {
            n,
            outlet: Some(format!("Outlet {n}")),
            title: format!("Report {n}"),
            summary: None,
            url: Some(format!("https://example.org/{n}")),
        });
    }
    doc
}

/// A one-pane reader (narrow) holding rows `a`, `b`, `c`.
fn narrow() -> App {
    let mut app = App::new(60, 20, None);
    let effect = app.receive(Arrival::ListLoaded(vec![
        item("a", false),
        item("b", true),
        item("c", false),
    ]));
    assert_eq!(effect, None, "one pane: no preview");
    app
}

/// `narrow()` with story `a` opened and loaded.
fn opened() -> App {
    let mut app = narrow();
    app.update(Action::Open);
    app.receive(Arrival::Loaded(Box::new(Loaded {
        item: item("a", true),
        doc: story(),
        related: Vec::new(),
    })));
    app
}

#[test]
fn enter_on_a_row_asks_to_load_it_and_mark_it_read() {
    let mut app = narrow();
    app.update(Action::Down);
    assert_eq!(
        app.update(Action::Open),
        Some(Effect::Load {
            uid: "b".into(),
            mark_read: true
        })
    );
    assert_eq!(app.focus, Focus::Story);
}

#[test]
fn two_panes_preview_the_row_the_selection_moves_to() {
    let mut app = App::new(140, 40, None);
    let first = app.receive(Arrival::ListLoaded(vec![
        item("a", false),
        item("b", false),
    ]));
    assert_eq!(
        first,
        Some(Effect::Load {
            uid: "a".into(),
            mark_read: false
        })
    );
    assert_eq!(
        app.update(Action::Down),
        Some(Effect::Load {
            uid: "b".into(),
            mark_read: false
        })
    );
    assert_eq!(app.update(Action::Down), None, "the last row stays");
}

#[test]
fn unread_only_hides_read_rows_and_keeps_the_selection() {
    let mut app = narrow();
    app.update(Action::Bottom);
    app.update(Action::ToggleUnread);
    let uids: Vec<&str> = app
        .visible
        .iter()
        .map(|&i| app.items[i].uid.as_str())
        .collect();
    assert_eq!(uids, ["a", "c"]);
    assert_eq!(app.selected_item().unwrap().uid, "c");
}

#[test]
fn typing_searches_and_an_old_answer_is_ignored() {
    let mut app = narrow();
    app.update(Action::Filter);
    assert!(app.typing());
    assert_eq!(
        app.update(Action::FilterChar('p')),
        Some(Effect::Search("p".into()))
    );
    assert_eq!(
        app.update(Action::FilterChar('o')),
        Some(Effect::Search("po".into()))
    );
    app.receive(Arrival::FilterResults("p".into(), vec![item("x", false)]));
    assert_eq!(
        app.visible.len(),
        3,
        "results for an old query change nothing"
    );
    app.receive(Arrival::FilterResults("po".into(), vec![item("c", false)]));
    assert_eq!(app.selected_item().unwrap().uid, "c");
    app.update(Action::FilterCancel);
    assert_eq!(app.visible.len(), 3);
}

#[test]
fn saving_asks_the_store_and_marks_the_row_at_once() {
    let mut app = narrow();
    assert_eq!(
        app.update(Action::ToggleSaved),
        Some(Effect::SetSaved {
            uid: "a".into(),
            saved: true
        })
    );
    assert!(app.items[0].saved);
    assert_eq!(app.notice.as_deref(), Some("saved"));
}

#[test]
fn a_claim_citing_two_sources_offers_a_choice_then_a_card() {
    let mut app = opened();
    app.update(Action::NextClaim);
    app.update(Action::NextClaim);
    assert_eq!(app.update(Action::Open), None);
    assert_eq!(
        app.overlay,
        Some(Overlay::Choose {
            citations: vec![1, 2],
            selected: 0
        })
    );
    app.update(Action::Down);
    app.update(Action::Open);
    assert_eq!(app.overlay, Some(Overlay::Source { n: 2 }));
    assert_eq!(
        app.update(Action::OpenUrl),
        Some(Effect::OpenUrl("https://example.org/2".into()))
    );
}

#[test]
fn from_a_source_every_claim_citing_it_and_back() {
    let mut app = opened();
    app.update(Action::NextClaim);
    let here = app.location();
    app.update(Action::Open);
    assert_eq!(app.overlay, Some(Overlay::Source { n: 1 }));
    app.update(Action::Open);
    let Some(Overlay::Citers { entries, .. }) = &app.overlay else {
        panic!("the citers of [1]");
    };
    let labels: Vec<&str> = entries.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Talks resume: Dockers voted to return.",
            "Talks resume: The union agreed."
        ]
    );
    app.update(Action::Down);
    app.update(Action::Open);
    assert_eq!(app.overlay, None);
    assert_ne!(app.location(), here);
    app.update(Action::JumpBack);
    assert_eq!(app.location(), here);
}

#[test]
fn folding_a_section_hides_its_claims() {
    let mut app = opened();
    let claims = |app: &App| {
        let s = app.story.as_ref().unwrap();
        s.layout
            .items
            .iter()
            .filter(|i| matches!(i.item, Item::Claim { .. }))
            .count()
    };
    assert_eq!(claims(&app), 3);
    app.update(Action::FoldAll);
    assert_eq!(claims(&app), 0);
    app.update(Action::UnfoldAll);
    assert_eq!(claims(&app), 3);
}

#[test]
fn esc_closes_the_story_then_drops_the_filter() {
    let mut app = opened();
    app.update(Action::Back);
    assert_eq!(app.focus, Focus::List);
    app.update(Action::Filter);
    app.update(Action::FilterChar('x'));
    app.update(Action::FilterAccept);
    assert!(app.filter.is_some());
    app.update(Action::Back);
    assert!(app.filter.is_none());
}

#[test]
fn a_refresh_runs_once_and_its_end_reloads_the_list() {
    let mut app = narrow();
    assert_eq!(app.update(Action::Refresh), Some(Effect::Refresh));
    assert_eq!(app.update(Action::Refresh), None);
    assert_eq!(app.notice.as_deref(), Some("a refresh is already running"));
    app.receive(Arrival::RefreshProgress {
        done: 1,
        total: 2,
        label: "Harbour news".into(),
    });
    assert_eq!(app.refreshing, Some((1, 2)));
    assert_eq!(
        app.receive(Arrival::RefreshDone("2 new".into())),
        Some(Effect::ReloadList)
    );
    assert_eq!(app.refreshing, None);
}

#[test]
fn reading_the_rest_of_the_list_stops_on_an_error() {
    let mut app = App::new(60, 20, None);
    app.receive(Arrival::ListPartial(vec![item("a", false)]));
    assert!(app.loading);
    app.receive(Arrival::ListFailed("database is locked".into()));
    assert!(!app.loading);
    assert_eq!(app.notice.as_deref(), Some("database is locked"));
}

#[test]
fn help_takes_the_keys_until_closed() {
    let mut app = narrow();
    app.update(Action::Help);
    assert_eq!(app.update(Action::Down), None);
    assert_eq!(app.help_scroll, 1);
    assert_eq!(app.selected, 0, "the list did not move");
    app.update(Action::Back);
    assert!(!app.help);
    assert_eq!(app.update(Action::Quit), Some(Effect::Quit));
}
