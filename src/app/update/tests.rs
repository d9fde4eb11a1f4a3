//! `update` and `receive` driven with no store and no terminal: the state and the
//! effect each step asks for.

use crate::app::action::{Action, Arrival, Effect, LinkUse, Loaded};
use crate::app::layout::Item;
use crate::app::{App, Focus, Overlay, View};
use crate::model::{Document, Kind, Section, Source};
use crate::parse::sentences;
use crate::store::{Headline, IndexFrom, IndexPart, IndexRow, ListItem};

/// The search the filter asks for when `text` is typed.
pub(super) fn search(text: &str) -> Effect {
    let today = chrono::Local::now().date_naive();
    Effect::Search {
        text: text.into(),
        query: crate::query::parse(text, today).expect("it parses"),
    }
}

pub(super) fn item(uid: &str, read: bool) -> ListItem {
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
        thread: None,
        feeds: 0,
        outlets: 0,
        updated: false,
    }
}

/// The id the rows of uid `uid` have here (the store's would be any other).
pub(super) fn id(uid: &str) -> i64 {
    uid.bytes().fold(0, |h, b| h * 257 + i64::from(b))
}

/// The ids of these uids.
pub(super) fn ids(uids: &[&str]) -> Vec<i64> {
    uids.iter().map(|u| id(u)).collect()
}

/// Rows as the store reads them, each with its id.
pub(super) fn numbered(items: Vec<ListItem>) -> Vec<Headline> {
    items
        .into_iter()
        .map(|item| Headline {
            id: id(&item.uid),
            item,
        })
        .collect()
}

/// More rows arrive as the list index, and the screen's full rows are read
/// from `items` as the runtime reads them from the store.
pub(super) fn more(app: &mut App, items: Vec<ListItem>, done: bool) -> Option<Effect> {
    let rows = numbered(items);
    let mut feeds: Vec<String> = Vec::new();
    let mut part = Vec::new();
    for h in &rows {
        if !feeds.contains(&h.item.feed) {
            feeds.push(h.item.feed.clone());
        }
        part.push(IndexRow {
            id: h.id,
            read: h.item.read,
            saved: h.item.saved,
            feed: feeds.iter().position(|f| f == &h.item.feed).unwrap() as u32,
        });
    }
    let part = IndexPart {
        rows: part,
        feeds,
        next: IndexFrom::Offset(0),
    };
    let effect = app.receive(Arrival::ListIndex { part, done });
    let asked = app.rows_wanted();
    if asked.is_empty() {
        return effect;
    }
    let rows = rows.into_iter().filter(|h| asked.contains(&h.id)).collect();
    app.receive(Arrival::Rows { asked, rows }).or(effect)
}

/// A story whose one section cites source 1 twice and both sources once.
pub(super) fn story() -> Document {
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
pub(super) fn narrow() -> App {
    let mut app = App::new(60, 20, None);
    let effect = app.receive(Arrival::ListLoaded(numbered(vec![
        item("a", false),
        item("b", true),
        item("c", false),
    ])));
    assert_eq!(effect, None, "one pane: no preview");
    app
}

/// `narrow()` with story `a` opened and loaded.
fn opened() -> App {
    let mut app = narrow();
    app.update(Action::Open);
    app.receive(Arrival::Loaded(Box::new(Loaded {
        id: 0,
        item: item("a", true),
        doc: story(),
        related: Vec::new(),
        changes: None,
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
    let first = app.receive(Arrival::ListLoaded(numbered(vec![
        item("a", false),
        item("b", false),
    ])));
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
        .map(|&i| app.list.item(i).unwrap().uid.as_str())
        .collect();
    assert_eq!(uids, ["a", "c"]);
    assert_eq!(app.selected_item().unwrap().uid, "c");
}

#[test]
fn typing_searches_and_an_old_answer_is_ignored() {
    let mut app = narrow();
    app.update(Action::Filter);
    assert!(app.typing());
    assert_eq!(app.update(Action::FilterChar('p')), Some(search("p")));
    assert_eq!(app.update(Action::FilterChar('o')), Some(search("po")));
    app.receive(Arrival::FilterResults {
        query: "p".into(),
        total: 1,
        items: numbered(vec![item("x", false)]),
    });
    assert_eq!(
        app.visible.len(),
        3,
        "results for an old query change nothing"
    );
    app.receive(Arrival::FilterResults {
        query: "po".into(),
        total: 1,
        items: numbered(vec![item("c", false)]),
    });
    assert_eq!(app.selected_item().unwrap().uid, "c");
    app.update(Action::FilterCancel);
    assert_eq!(app.visible.len(), 3);
}

/// A filter's row whose list row is far from the screen (not held): what it
/// is marked with reaches the list index, and Esc keeps it selected there.
#[test]
fn a_filter_row_far_down_the_list_keeps_its_marks_and_selection_after_esc() {
    let mut app = narrow();
    let far: Vec<ListItem> = (0..500)
        .map(|n| item(&format!("far{n:03}"), false))
        .collect();
    app.receive(Arrival::ListPartial(numbered(vec![item("a", false)])));
    more(&mut app, far, true);
    let at = app.list.position(id("far400")).unwrap();
    assert!(app.list.item(at).is_none(), "not held");
    app.update(Action::Filter);
    app.update(Action::FilterChar('f'));
    app.receive(Arrival::FilterResults {
        query: "f".into(),
        total: 1,
        items: numbered(vec![item("far400", false)]),
    });
    app.update(Action::FilterAccept);
    app.receive(Arrival::Saved {
        uid: "far400".into(),
        saved: true,
    });
    let mut opened = item("far400", true);
    opened.saved = true;
    app.receive(Arrival::Loaded(Box::new(Loaded {
        id: 0,
        item: opened,
        doc: story(),
        related: Vec::new(),
        changes: None,
    })));
    assert!(app.list.saved(at) && app.list.read(at), "the list row too");
    app.update(Action::Back);
    app.update(Action::Back);
    assert!(app.filter.is_none());
    assert_eq!(app.visible[app.selected], at, "still selected");
    assert!(
        app.rows_wanted().contains(&id("far400")),
        "its row is read next"
    );
}

#[test]
fn saving_asks_the_store_and_marks_the_row_once_it_answers() {
    let mut app = narrow();
    assert_eq!(
        app.update(Action::ToggleSaved),
        Some(Effect::SetSaved {
            uid: "a".into(),
            saved: true
        })
    );
    assert!(!app.list.saved(0), "not before the store says so");
    assert_eq!(app.notice, None);
    app.receive(Arrival::Saved {
        uid: "a".into(),
        saved: true,
    });
    assert!(app.list.saved(0));
    assert_eq!(app.notice.as_deref(), Some("saved"));
}

#[test]
fn a_story_gone_from_the_store_is_dropped_and_the_next_row_previewed() {
    let mut app = wide(vec![item("a", false), item("b", false), item("c", false)]);
    app.update(Action::Open);
    assert_eq!(app.focus, Focus::Story);
    assert_eq!(
        app.receive(Arrival::Gone("a".into())),
        Some(Effect::Load {
            uid: "b".into(),
            mark_read: false
        })
    );
    let uids: Vec<&str> = app.list.items().map(|i| i.uid.as_str()).collect();
    assert_eq!(uids, ["b", "c"]);
    assert!(app.story.is_none());
    assert_eq!(app.focus, Focus::List);
    assert_eq!(
        app.notice.as_deref(),
        Some("“Story a” is no longer in the store (removed elsewhere): dropped from the list")
    );
    // One pane: opening a gone row leaves the story shown before it.
    let mut app = opened();
    app.update(Action::Back);
    app.update(Action::Down);
    app.update(Action::Open);
    app.receive(Arrival::Gone("b".into()));
    assert_eq!(app.focus, Focus::List);
    assert_eq!(app.selected_item().unwrap().uid, "c");
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
        Some(Effect::ReloadList(crate::store::Sort::Newest))
    );
    assert_eq!(app.refreshing, None);
}

#[test]
fn reading_the_rest_of_the_list_stops_on_an_error() {
    let mut app = App::new(60, 20, None);
    app.receive(Arrival::ListPartial(numbered(vec![item("a", false)])));
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
    app.update(Action::Bottom);
    let end = app.help_scroll;
    assert!(end > 10, "60x20 shows part of the key map");
    app.update(Action::Down);
    assert_eq!(app.help_scroll, end, "not past the end");
    app.update(Action::Top);
    assert_eq!(app.help_scroll, 0);
    app.update(Action::PageDown);
    assert!(app.help_scroll > 5);
    assert_eq!(app.selected, 0, "the list did not move");
    app.update(Action::Back);
    assert!(!app.help);
    assert_eq!(app.update(Action::Quit), Some(Effect::Quit));
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = App::new(140, 20, None);
    app.receive(Arrival::ListLoaded(numbered(vec![
        item("a", false),
        item("b", false),
        item("c", false),
    ])));
    let mut doc = story();
    for _ in 0..5 {
        doc.sections.extend(story().sections);
    }
    app.receive(Arrival::Loaded(Box::new(Loaded {
        id: 0,
        item: item("a", false),
        doc,
        related: Vec::new(),
        changes: None,
    })));
    assert_eq!(app.focus, Focus::List);
    let story_pane = app.geometry().story.unwrap();
    let (x, y) = (story_pane.x + 5, story_pane.y + 5);
    assert_eq!(app.update(Action::Scroll(1, x, y)), None);
    assert_eq!(
        app.story.as_ref().unwrap().scroll,
        3,
        "the preview scrolled"
    );
    assert_eq!(app.selected, 0, "the list stayed");
    app.update(Action::Scroll(-1, x, y));
    assert_eq!(app.story.as_ref().unwrap().scroll, 0);
    // Over the list, the wheel moves the selection.
    let effect = app.update(Action::Scroll(1, 2, 3));
    assert_eq!(app.selected, 2);
    assert!(matches!(effect, Some(Effect::Load { .. })));
}

#[test]
fn ctrl_l_redraws_and_changes_nothing() {
    use crate::app::keymap::{KeyMap, Scope};
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let ctrl_l = Event::Key(KeyEvent::new(KeyCode::Char('l'), KeyModifiers::CONTROL));
    for scope in [
        Scope::List,
        Scope::Story,
        Scope::Overlay,
        Scope::Help,
        Scope::Typing,
    ] {
        assert_eq!(
            KeyMap::default().translate(scope, &ctrl_l),
            Some(Action::Redraw)
        );
    }
    let mut app = opened();
    let before = format!("{:?}", app.story.as_ref().map(|s| (s.cursor, s.scroll)));
    assert_eq!(app.update(Action::Redraw), None);
    let after = format!("{:?}", app.story.as_ref().map(|s| (s.cursor, s.scroll)));
    assert_eq!(before, after);
}

/// A two-pane reader holding `rows`, the first one previewed.
fn wide(rows: Vec<ListItem>) -> App {
    let mut app = App::new(140, 40, None);
    let first = rows.first().cloned();
    app.receive(Arrival::ListLoaded(numbered(rows)));
    if let Some(first) = first {
        app.receive(Arrival::Loaded(Box::new(Loaded {
            id: 0,
            item: first,
            doc: story(),
            related: Vec::new(),
            changes: None,
        })));
    }
    app
}

#[test]
fn hiding_the_selected_read_row_keeps_the_nearest_row() {
    let mut app = narrow();
    app.update(Action::Down);
    assert_eq!(app.selected_item().unwrap().uid, "b");
    app.update(Action::ToggleUnread);
    assert_eq!(app.selected_item().unwrap().uid, "c", "the row after b");
    let mut app = wide(vec![item("a", false), item("b", false), item("c", true)]);
    app.update(Action::Bottom);
    app.update(Action::ToggleUnread);
    assert_eq!(
        app.selected_item().unwrap().uid,
        "b",
        "the last row: before"
    );
}

#[test]
fn every_read_row_hidden_says_so_and_clears_the_preview() {
    let mut app = wide(vec![item("a", true), item("b", true), item("c", true)]);
    assert!(app.story.is_some());
    assert_eq!(app.update(Action::ToggleUnread), None);
    assert!(app.visible.is_empty());
    assert!(app.story.is_none(), "the preview clears");
    assert_eq!(
        app.empty_list_message().as_deref(),
        Some("All 3 stories are read. u: show them all.")
    );
}

#[test]
fn a_filter_matching_nothing_says_what_to_press_and_clears_the_preview() {
    let mut app = wide(vec![item("a", false), item("b", false)]);
    app.update(Action::Filter);
    for c in "xyzzy".chars() {
        app.update(Action::FilterChar(c));
    }
    app.receive(Arrival::FilterResults {
        query: "xyzzy".into(),
        total: 0,
        items: numbered(Vec::new()),
    });
    assert!(app.story.is_none(), "the preview clears");
    assert_eq!(
        app.empty_list_message().as_deref(),
        Some("Nothing matches “xyzzy”. Backspace: edit · Esc: drop the filter.")
    );
    app.update(Action::FilterAccept);
    assert_eq!(
        app.empty_list_message().as_deref(),
        Some("Nothing matches “xyzzy”. /: change it · Esc: drop the filter.")
    );
}

#[test]
fn a_short_word_matching_nothing_says_keep_typing() {
    let mut app = wide(vec![item("a", false)]);
    app.update(Action::Filter);
    app.update(Action::FilterChar('p'));
    app.update(Action::FilterChar('o'));
    app.receive(Arrival::FilterResults {
        query: "po".into(),
        total: 0,
        items: numbered(Vec::new()),
    });
    assert_eq!(
        app.empty_list_message().as_deref(),
        Some("No story has the word “po”; keep typing: a word matches as a prefix from 3 letters.")
    );
}

#[test]
fn an_empty_store_says_how_to_add_stories() {
    let mut app = App::new(140, 40, None);
    app.receive(Arrival::ListLoaded(numbered(Vec::new())));
    assert_eq!(
        app.empty_list_message().as_deref(),
        Some("No stories yet. Add pages with `tidings import PATH`, or subscribe to a feed with `tidings subscribe URL` and press R to refresh.")
    );
    assert_eq!(narrow().empty_list_message(), None, "rows: no message");
}

/// The filter's text as typed.
fn query(app: &App) -> &str {
    app.filter.as_ref().unwrap().input.text()
}

#[test]
fn slash_on_a_kept_filter_selects_it_and_esc_goes_back_to_it() {
    let mut app = narrow();
    app.update(Action::Filter);
    for c in "port".chars() {
        app.update(Action::FilterChar(c));
    }
    app.receive(Arrival::FilterResults {
        query: "port".into(),
        total: 1,
        items: numbered(vec![item("b", true)]),
    });
    app.update(Action::FilterAccept);
    assert_eq!(app.update(Action::Filter), None);
    assert!(app.typing() && app.filter.as_ref().unwrap().input.selected());
    assert_eq!(
        app.update(Action::FilterChar('i')),
        Some(search("i")),
        "typing replaces the kept text"
    );
    for c in "ran".chars() {
        app.update(Action::FilterChar(c));
    }
    assert_eq!(query(&app), "iran");
    app.receive(Arrival::FilterResults {
        query: "iran".into(),
        total: 1,
        items: numbered(vec![item("c", false)]),
    });
    assert_eq!(app.update(Action::FilterCancel), None, "no new search");
    assert!(!app.typing());
    assert_eq!(query(&app), "port");
    assert_eq!(app.selected_item().unwrap().uid, "b", "its rows are back");
    app.update(Action::Back);
    assert!(app.filter.is_none(), "a second Esc drops it");
    assert_eq!(app.visible.len(), 3);
    assert_eq!(
        app.selected_item().unwrap().uid,
        "b",
        "the row stays selected"
    );
}

#[test]
fn the_filter_box_edits_at_its_cursor() {
    use crate::app::line_edit::Edit;
    let mut app = narrow();
    app.update(Action::Filter);
    for c in "hrbour".chars() {
        app.update(Action::FilterChar(c));
    }
    assert_eq!(app.update(Action::FilterEdit(Edit::Start)), None);
    assert_eq!(app.update(Action::FilterEdit(Edit::Right)), None);
    assert_eq!(app.update(Action::FilterChar('a')), Some(search("harbour")));
    app.update(Action::FilterEdit(Edit::End));
    app.update(Action::FilterChar(' '));
    app.update(Action::FilterChar('x'));
    assert_eq!(
        app.update(Action::FilterEdit(Edit::DeleteWordBack)),
        Some(search("harbour "))
    );
    assert_eq!(
        app.update(Action::FilterEdit(Edit::DeleteToStart)),
        None,
        "an empty box shows every row without a search"
    );
    assert!(app.filter.as_ref().unwrap().results.is_none());
    assert_eq!(app.visible.len(), 3);
}

/// `opened()` with the open story a feed item: its link is source [1].
fn feed_item_opened() -> App {
    let mut app = narrow();
    app.update(Action::Open);
    let mut doc = story();
    doc.item_id = Some("guid:wire | 7".into());
    app.receive(Arrival::Loaded(Box::new(Loaded {
        id: 0,
        item: item("a", true),
        doc,
        related: Vec::new(),
        changes: None,
    })));
    app
}

#[test]
fn o_and_y_in_a_story_use_its_own_link_and_on_a_source_that_source() {
    let mut app = feed_item_opened();
    // Anywhere in the story: the item's own link, without stepping to a source.
    for step in [Action::Top, Action::NextClaim, Action::Down] {
        app.update(step);
        assert_eq!(
            app.update(Action::OpenUrl),
            Some(Effect::OpenUrl("https://example.org/1".into()))
        );
        assert_eq!(app.update(Action::CopyUrl), None);
        assert_eq!(
            app.clipboard.take().as_deref(),
            Some("https://example.org/1")
        );
        assert_eq!(app.notice.as_deref(), Some("copied https://example.org/1"));
    }
    // On a source listed below the story: that source.
    app.update(Action::Bottom);
    assert_eq!(
        app.update(Action::OpenUrl),
        Some(Effect::OpenUrl("https://example.org/2".into()))
    );
    app.update(Action::CopyUrl);
    assert_eq!(
        app.clipboard.take().as_deref(),
        Some("https://example.org/2")
    );
}

#[test]
fn o_and_y_in_each_overlay_use_the_source_it_shows() {
    let mut app = opened();
    app.update(Action::NextClaim);
    app.update(Action::NextClaim);
    app.update(Action::Open);
    assert!(matches!(app.overlay, Some(Overlay::Choose { .. })));
    app.update(Action::Down);
    app.update(Action::CopyUrl);
    assert_eq!(
        app.clipboard.take().as_deref(),
        Some("https://example.org/2")
    );
    app.update(Action::Open);
    assert_eq!(app.overlay, Some(Overlay::Source { n: 2 }));
    app.update(Action::CopyUrl);
    assert_eq!(
        app.clipboard.take().as_deref(),
        Some("https://example.org/2")
    );
    app.update(Action::Open);
    assert!(matches!(app.overlay, Some(Overlay::Citers { n: 2, .. })));
    assert_eq!(
        app.update(Action::OpenUrl),
        Some(Effect::OpenUrl("https://example.org/2".into()))
    );
}

#[test]
fn a_story_of_several_sources_has_no_link_and_a_bad_url_is_refused() {
    let mut app = opened();
    assert_eq!(app.update(Action::OpenUrl), None);
    assert_eq!(app.update(Action::CopyUrl), None);
    assert_eq!(app.clipboard, None);
    assert!(app.notice.as_deref().unwrap().starts_with("no link"));
    let mut app = feed_item_opened();
    app.story.as_mut().unwrap().doc.sources[0].url = Some("javascript:alert(1)".into());
    assert_eq!(app.update(Action::CopyUrl), None);
    assert_eq!(app.clipboard, None);
    assert!(app
        .notice
        .as_deref()
        .unwrap()
        .contains("only http and https"));
}

#[test]
fn o_and_y_on_a_row_use_the_preview_or_ask_the_store() {
    // One pane: the row's story is not loaded; the store is asked.
    let mut app = narrow();
    assert_eq!(
        app.update(Action::CopyUrl),
        Some(Effect::LinkOf {
            uid: "a".into(),
            then: LinkUse::Copy
        })
    );
    assert_eq!(
        app.receive(Arrival::Link {
            url: Some("https://example.org/ä b".into()),
            then: LinkUse::Copy
        }),
        None
    );
    assert_eq!(
        app.clipboard.take().as_deref(),
        Some("https://example.org/%C3%A4%20b")
    );
    assert_eq!(
        app.receive(Arrival::Link {
            url: Some("https://example.org/x".into()),
            then: LinkUse::Open
        }),
        Some(Effect::OpenUrl("https://example.org/x".into()))
    );
    // Back on the list after reading: the story shown is another row's.
    let mut app = feed_item_opened();
    app.update(Action::Back);
    app.update(Action::Down);
    assert_eq!(
        app.update(Action::OpenUrl),
        Some(Effect::LinkOf {
            uid: "b".into(),
            then: LinkUse::Open
        })
    );
    // Two panes: the preview is the row's story.
    app.update(Action::Up);
    app.update(Action::Resize(140, 40));
    assert_eq!(
        app.update(Action::OpenUrl),
        Some(Effect::OpenUrl("https://example.org/1".into()))
    );
}

/// `opened()` with a story whose words recur: in the lead, a folded section,
/// a source and the timeline.
fn searchable() -> App {
    let mut app = narrow();
    app.update(Action::Open);
    let mut doc = story();
    doc.lead.push(sentences::paragraph(
        "The Harbour reopened. Crews cheered [1].",
    ));
    doc.sections.push(Section {
        heading: Some("Later".into()),
        paragraphs: vec![sentences::paragraph("The harbour master resigned.")],
    });
    doc.sources[1].title = "Harbour report".into();
    doc.timeline.push(crate::model::Event {
        date: crate::model::PartialDate {
            label: "Nov 3".into(),
            year: Some(2025),
            month: Some(11),
            day: Some(3),
            part: None,
            time: None,
        },
        text: "The HÁRBOUR closes.".into(),
        citations: vec![1],
    });
    app.receive(Arrival::Loaded(Box::new(Loaded {
        id: 0,
        item: item("a", true),
        doc,
        related: Vec::new(),
        changes: None,
    })));
    app.update(Action::Bottom);
    app.update(Action::Top);
    let s = app.story.as_mut().unwrap();
    s.folded[1] = true;
    s.relayout(s.width);
    app
}

fn search_state(app: &App) -> (usize, usize, View) {
    let s = app.story.as_ref().unwrap();
    let search = s.search.as_ref().expect("a search");
    (search.current, search.matches.len(), s.view)
}

#[test]
fn slash_in_a_story_searches_it_and_typing_does_not_leave_the_box() {
    let mut app = searchable();
    assert_eq!(app.update(Action::Find), None);
    assert!(app.searching());
    assert_eq!(app.input_scope(), crate::app::keymap::Scope::Find);
    assert!(!app.typing(), "the list's filter is not touched");
    for c in "harbour".chars() {
        assert_eq!(app.update(Action::FilterChar(c)), None);
    }
    // Title, lead, the folded section (now unfolded), the source, the timeline.
    assert_eq!(search_state(&app), (0, 5, View::Story));
    let s = app.story.as_ref().unwrap();
    assert!(!s.folded[1], "the section holding a match unfolds");
    assert!(app.filter.is_none());
    // Enter and Tab go on, Shift-Tab back, round the ends.
    app.update(Action::FindNext);
    assert_eq!(search_state(&app), (1, 5, View::Story));
    let s = app.story.as_ref().unwrap();
    assert!(matches!(
        s.layout.items[s.cursor].item,
        Item::Claim {
            section: None,
            para: 0,
            sent: 0
        }
    ));
    for _ in 0..3 {
        app.update(Action::FindNext);
    }
    assert_eq!(
        search_state(&app),
        (4, 5, View::Timeline),
        "on to the timeline"
    );
    let s = app.story.as_ref().unwrap();
    assert_eq!(s.layout.items[s.cursor].item, Item::Event(0));
    app.update(Action::FindNext);
    assert_eq!(
        search_state(&app),
        (0, 5, View::Story),
        "round to the first"
    );
    app.update(Action::FindPrev);
    assert_eq!(search_state(&app), (4, 5, View::Timeline));
    app.update(Action::FindPrev);
    assert_eq!(search_state(&app), (3, 5, View::Story));
    // Editing narrows; Esc closes the box and leaves the cursor on the match.
    app.update(Action::FilterChar(' '));
    app.update(Action::FilterChar('m'));
    assert_eq!(search_state(&app), (0, 1, View::Story));
    app.update(Action::FilterEdit(
        crate::app::line_edit::Edit::DeleteWordBack,
    ));
    assert_eq!(search_state(&app).1, 5);
    app.update(Action::FilterChar('x'));
    assert_eq!(search_state(&app), (0, 0, View::Story));
    app.update(Action::FilterEdit(crate::app::line_edit::Edit::DeleteBack));
    app.update(Action::FindNext);
    let before = app.story.as_ref().unwrap().cursor;
    assert_eq!(app.update(Action::FindClear), None);
    assert!(!app.searching());
    let s = app.story.as_ref().unwrap();
    assert!(s.search.is_none());
    assert_eq!(s.cursor, before);
    assert_eq!(app.input_scope(), crate::app::keymap::Scope::Story);
}

#[test]
fn typing_a_search_starts_from_the_part_in_view() {
    let mut app = searchable();
    app.update(Action::Timeline);
    app.update(Action::Find);
    for c in "harbour".chars() {
        app.update(Action::FilterChar(c));
    }
    assert_eq!(search_state(&app), (4, 5, View::Timeline));
}

#[test]
fn the_lists_slash_still_filters_the_list() {
    let mut app = searchable();
    app.update(Action::Back);
    app.update(Action::Filter);
    assert!(app.typing() && !app.searching());
    assert_eq!(app.update(Action::FilterChar('h')), Some(search("h")));
    assert!(app.story.as_ref().unwrap().search.is_none());
}
