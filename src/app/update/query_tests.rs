//! The query language in the reader, driven through the key table with no
//! store: the filter read as a query on every key (an error says where and
//! keeps the last good rows), saved queries in the picker with their counts,
//! a saved query's view and `A` on it, and the list of claims that answer a
//! query with Enter landing on the claim and back.

use super::tests::{item, narrow, numbered, search, story};
use crate::app::action::{Action, Arrival, Effect, Loaded};
use crate::app::claims::ClaimRow;
use crate::app::keymap::Key;
use crate::app::layout::Item;
use crate::app::{App, Focus, Overlay};
use crate::query::{Count, Expr, Term};
use crate::store::{FeedCounts, SavedQuery};

/// Presses `key` as the key table reads it where the reader is now.
fn press(app: &mut App, key: Key) -> Option<Effect> {
    let action = app.keys.lookup(app.input_scope(), key).expect("bound here");
    app.update(action)
}

/// Types `text` into the filter box; returns the last effect.
fn type_in(app: &mut App, text: &str) -> Option<Effect> {
    text.chars()
        .map(|c| app.update(Action::FilterChar(c)))
        .last()
        .flatten()
}

/// The results of `text` arrive, as rows of these uids.
fn results(app: &mut App, text: &str, uids: &[&str]) {
    let items = numbered(uids.iter().map(|u| item(u, false)).collect());
    app.receive(Arrival::FilterResults {
        query: text.into(),
        total: items.len(),
        items,
    });
}

fn shown(app: &App) -> Vec<String> {
    app.visible
        .iter()
        .map(|&i| app.row(i).unwrap().uid.clone())
        .collect()
}

#[test]
fn a_query_that_does_not_parse_says_where_and_keeps_the_last_good_rows() {
    let mut app = narrow();
    app.update(Action::Filter);
    assert_eq!(type_in(&mut app, "port"), Some(search("port")));
    results(&mut app, "port", &["b"]);
    assert_eq!(type_in(&mut app, " cite:x"), None, "nothing to search");
    let f = app.filter.as_ref().unwrap();
    assert_eq!(
        f.error.as_ref().map(ToString::to_string).as_deref(),
        Some("unknown term \"cite:\" at 6; did you mean \"cites:\"?")
    );
    assert_eq!(shown(&app), ["b"], "the last good rows stay");
    // The answer to the last text that parsed, arriving late, is still taken;
    // an older one is not.
    results(&mut app, "port", &["a"]);
    assert_eq!(shown(&app), ["b"]);
    results(&mut app, "port cite", &["c"]);
    assert_eq!(shown(&app), ["c"]);
    assert_eq!(app.update(Action::FilterAccept), None);
    assert!(app.typing(), "Enter keeps the box open while it is wrong");
    // Mend it: "cites:" parses and is searched.
    app.update(Action::FilterEdit(crate::app::line_edit::Edit::Left));
    app.update(Action::FilterEdit(crate::app::line_edit::Edit::Left));
    assert_eq!(
        app.update(Action::FilterChar('s')),
        Some(search("port cites:x"))
    );
    assert!(app.filter.as_ref().unwrap().error.is_none());
}

#[test]
fn a_structured_query_is_searched_as_parsed() {
    let mut app = narrow();
    app.update(Action::Filter);
    let Some(Effect::Search { text, query }) = type_in(&mut app, "sources>=5 is:unread") else {
        panic!("a search");
    };
    assert_eq!(text, "sources>=5 is:unread");
    let Some(Expr::And(terms)) = query.expr else {
        panic!("two terms: {query:?}");
    };
    assert_eq!(
        terms[0],
        Expr::Term(Term::Count(Count::Sources, crate::query::Cmp::Ge, 5))
    );
}

/// The picker opened on two feeds and two saved queries, one of which no
/// longer parses; returns the effect its opening asked for.
fn picker_with_saved(app: &mut App) -> Option<Effect> {
    assert_eq!(press(app, Key::Char('F')), Some(Effect::Feeds));
    let feed = |name: &str| FeedCounts {
        name: name.into(),
        total: 2,
        unread: 1,
    };
    let saved = |name: &str, query: &str| SavedQuery {
        name: name.into(),
        query: query.into(),
    };
    app.receive(Arrival::Feeds {
        feeds: vec![feed("Farm"), feed("Harbour")],
        saved: vec![saved("big", "sources>=5"), saved("old", "cite:x")],
    })
}

#[test]
fn the_picker_lists_saved_queries_counted_off_the_loop_and_a_bad_one_says_why() {
    let mut app = narrow();
    let counting = picker_with_saved(&mut app);
    let today = chrono::Local::now().date_naive();
    let big = crate::query::parse("sources>=5", today).unwrap();
    assert_eq!(
        counting,
        Some(Effect::CountSaved(vec![("big".into(), big)])),
        "only the one that parses is counted"
    );
    let p = app.picker.as_ref().unwrap();
    assert_eq!(p.len(), 4);
    assert_eq!(p.saved[0].unread, None, "not counted yet");
    assert!(p.saved[1].query.is_err());
    app.receive(Arrival::SavedCounts(vec![("big".into(), 7)]));
    assert_eq!(app.picker.as_ref().unwrap().saved[0].unread, Some(7));
    // The bad one, chosen, says why and the picker stays.
    press(&mut app, Key::Char('G'));
    assert_eq!(press(&mut app, Key::Enter), None);
    assert!(app.picker.is_some());
    assert_eq!(
        app.notice.as_deref(),
        Some("the saved query “old”: unknown term \"cite:\" at 1; did you mean \"cites:\"?")
    );
}

#[test]
fn a_saved_query_shows_its_matches_a_marks_them_and_q_goes_back_to_all() {
    let mut app = narrow();
    picker_with_saved(&mut app);
    for _ in 0..2 {
        press(&mut app, Key::Char('j'));
    }
    let chosen = press(&mut app, Key::Enter);
    assert_eq!(chosen, Some(search("sources>=5")));
    assert!(app.picker.is_none());
    let f = app.filter.as_ref().unwrap();
    assert_eq!(f.saved.as_deref(), Some("big"));
    assert!(!f.editing);
    results(&mut app, "sources>=5", &["a", "c"]);
    assert_eq!(shown(&app), ["a", "c"]);
    // A marks every match of the query, not only the rows.
    let Some(Effect::MarkSelection(s)) = press(&mut app, Key::Char('A')) else {
        panic!("a marking");
    };
    assert_eq!(s.query, Some(crate::query::parsed("sources>=5")));
    // q leaves the query's view, not the reader.
    assert_eq!(press(&mut app, Key::Char('q')), None);
    assert!(app.filter.is_none());
    assert_eq!(shown(&app).len(), 3);
    assert_eq!(press(&mut app, Key::Char('q')), Some(Effect::Quit));
}

#[test]
fn editing_a_saved_querys_text_makes_it_a_filter_and_esc_brings_the_view_back() {
    let mut app = narrow();
    picker_with_saved(&mut app);
    press(&mut app, Key::Char('j'));
    press(&mut app, Key::Char('j'));
    press(&mut app, Key::Enter);
    results(&mut app, "sources>=5", &["a"]);
    press(&mut app, Key::Char('/'));
    assert_eq!(type_in(&mut app, "x"), Some(search("x")));
    assert_eq!(app.filter.as_ref().unwrap().saved, None, "a filter now");
    press(&mut app, Key::Esc);
    let f = app.filter.as_ref().unwrap();
    assert_eq!(f.saved.as_deref(), Some("big"));
    assert_eq!(shown(&app), ["a"]);
}

fn claim_row(uid: &str, text: &str, item: Item) -> ClaimRow {
    ClaimRow {
        uid: uid.into(),
        title: format!("Story {uid}"),
        text: text.into(),
        outlets: "[1] Outlet 1".into(),
        link: Some("https://example.org/1".into()),
        item,
    }
}

#[test]
fn c_lists_the_claims_of_a_query_and_enter_opens_the_story_on_the_claim() {
    let mut app = narrow();
    assert_eq!(press(&mut app, Key::Char('C')), None);
    assert!(app.notice.as_deref().unwrap().contains("type one with /"));
    app.update(Action::Filter);
    type_in(&mut app, "union");
    results(&mut app, "union", &["a"]);
    app.update(Action::FilterAccept);
    assert_eq!(
        press(&mut app, Key::Char('C')),
        Some(Effect::Claims(crate::query::parsed("union")))
    );
    let union = Item::Claim {
        section: Some(0),
        para: 0,
        sent: 1,
    };
    let first = Item::Claim {
        section: Some(0),
        para: 0,
        sent: 0,
    };
    app.receive(Arrival::Claims(vec![
        claim_row("c", "Dockers voted to return [1].", first),
        claim_row("a", "The union agreed [1][2].", union),
    ]));
    assert!(matches!(app.overlay, Some(Overlay::Claims { .. })));
    press(&mut app, Key::Char('j'));
    let opened = press(&mut app, Key::Enter);
    assert_eq!(
        opened,
        Some(Effect::Load {
            uid: "a".into(),
            mark_read: true
        })
    );
    assert_eq!(app.focus, Focus::Story);
    app.receive(Arrival::Loaded(Box::new(Loaded {
        id: 0,
        item: item("a", true),
        doc: story(),
        related: Vec::new(),
        changes: None,
    })));
    let s = app.story.as_ref().unwrap();
    assert_eq!(s.layout.items[s.cursor].item, union, "on the claim");
    // Back: the claims again, the one opened still selected.
    assert_eq!(press(&mut app, Key::Backspace), None);
    assert_eq!(app.focus, Focus::List);
    let Some(Overlay::Claims { selected, .. }) = &app.overlay else {
        panic!("the claims again");
    };
    assert_eq!(*selected, 1);
    // Enter again, and q back to them too; Esc closes them.
    press(&mut app, Key::Enter);
    assert_eq!(app.focus, Focus::Story);
    press(&mut app, Key::Char('q'));
    assert!(matches!(app.overlay, Some(Overlay::Claims { .. })));
    press(&mut app, Key::Esc);
    assert!(app.overlay.is_none());
    assert!(app.filter.is_some(), "the filter stays");
}

#[test]
fn o_in_the_claims_opens_the_first_source_the_claim_cites() {
    let mut app = narrow();
    app.update(Action::Filter);
    type_in(&mut app, "union");
    results(&mut app, "union", &["a"]);
    app.update(Action::FilterAccept);
    let at = Item::Claim {
        section: Some(0),
        para: 0,
        sent: 1,
    };
    let mut bare = claim_row("a", "The union agreed [3].", at);
    bare.link = None;
    app.receive(Arrival::Claims(vec![
        claim_row("a", "The union agreed [1].", at),
        bare,
    ]));
    assert_eq!(
        press(&mut app, Key::Char('o')),
        Some(Effect::OpenUrl("https://example.org/1".into()))
    );
    press(&mut app, Key::Char('j'));
    assert_eq!(press(&mut app, Key::Char('o')), None);
    assert_eq!(
        app.notice.as_deref(),
        Some("this claim cites no source with a URL")
    );
}

#[test]
fn enter_reads_the_text_as_finished_and_looks_for_a_short_last_word() {
    let mut app = narrow();
    app.update(Action::Filter);
    assert_eq!(type_in(&mut app, "strike uk"), Some(search("strike uk")));
    let typed = app.filter.as_ref().unwrap().parsed.clone().unwrap();
    assert_eq!(
        typed,
        crate::query::parsed("strike "),
        "uk waits while typed"
    );
    let Some(Effect::Search { text, query }) = app.update(Action::FilterAccept) else {
        panic!("Enter searches the finished text")
    };
    assert_eq!(text, "strike uk");
    assert_eq!(query, crate::query::parsed("strike uk "));
    assert!(!app.typing());
    // A text that reads the same finished is not searched again.
    let mut app = narrow();
    app.update(Action::Filter);
    type_in(&mut app, "harbour plan");
    assert!(!matches!(
        app.update(Action::FilterAccept),
        Some(Effect::Search { .. })
    ));
}
