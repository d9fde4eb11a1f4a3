//! The triage keys driven through the key table with no store: next unread,
//! story to story, read or unread, every story of the view read and undo, the
//! views, the sorts, the feed picker, `q` and `Q`, and the store changed
//! elsewhere.

use super::tests::{ids, item, more, narrow, numbered, story};
use crate::app::action::{Action, Arrival, Effect, Loaded};
use crate::app::keymap::Key;
use crate::app::{App, Focus, Overlay, UNDO_DEPTH};
use crate::store::{FeedCounts, ListItem, Mark, Marked, Selection, Show, Sort, View};

/// Presses `key` as the key table reads it where the reader is now.
fn press(app: &mut App, key: Key) -> Option<Effect> {
    let action = app.keys.lookup(app.input_scope(), key).expect("bound here");
    app.update(action)
}

/// The story the reader asked to open, loaded as the store would answer.
fn load(app: &mut App, effect: Option<Effect>) -> String {
    let Some(Effect::Load { uid, mark_read }) = effect else {
        panic!("a story to load, not {effect:?}");
    };
    assert!(mark_read, "opening reads it");
    app.receive(Arrival::Loaded(Box::new(Loaded {
        id: 0,
        item: item(&uid, true),
        doc: story(),
        related: Vec::new(),
        changes: None,
    })));
    uid
}

fn uids(app: &App) -> Vec<String> {
    app.visible
        .iter()
        .map(|&i| app.row(i).unwrap().uid.clone())
        .collect()
}

fn of_feed(uid: &str, feed: &str, read: bool, saved: bool) -> ListItem {
    ListItem {
        feed: feed.into(),
        thread: None,
        feeds: 0,
        outlets: 0,
        saved,
        ..item(uid, read)
    }
}

#[test]
fn n_opens_the_next_unread_from_the_list_and_the_story_and_stays_at_the_end() {
    // Rows a (unread), b (read), c (unread).
    let mut app = narrow();
    let e = press(&mut app, Key::Char('n'));
    assert_eq!(
        load(&mut app, e),
        "a",
        "from the list the selected row counts"
    );
    assert_eq!(app.focus, Focus::Story);
    let e = press(&mut app, Key::Char('n'));
    assert_eq!(load(&mut app, e), "c", "b is read: skipped");
    assert_eq!(press(&mut app, Key::Char('n')), None);
    assert_eq!(app.notice.as_deref(), Some("no more unread"));
    assert_eq!(app.story.as_ref().unwrap().item.uid, "c", "stays");
    assert_eq!(
        press(&mut app, Key::Char('p')),
        None,
        "a was read on opening"
    );
    assert_eq!(
        app.notice.as_deref(),
        Some("no unread story before this one")
    );
    // From the list: p finds the selected row when it is unread.
    app.update(Action::Back);
    app.update(Action::Top);
    app.update(Action::ToggleRead);
    app.update(Action::Bottom);
    let e = press(&mut app, Key::Char('p'));
    assert_eq!(load(&mut app, e), "a");
}

#[test]
fn j_and_k_go_story_to_story_in_the_lists_order_without_the_list() {
    let mut app = narrow();
    let e = app.update(Action::Open);
    load(&mut app, e);
    for key in [Key::Char('J'), Key::Ctrl('n')] {
        let e = press(&mut app, key);
        assert!(matches!(e, Some(Effect::Load { .. })), "{key:?}");
        load(&mut app, e);
    }
    assert_eq!(app.story.as_ref().unwrap().item.uid, "c");
    assert_eq!(app.focus, Focus::Story, "never back to the list");
    assert_eq!(press(&mut app, Key::Char('J')), None);
    assert_eq!(app.notice.as_deref(), Some("this is the last story"));
    let e = press(&mut app, Key::Ctrl('p'));
    assert_eq!(load(&mut app, e), "b");
    let e = press(&mut app, Key::Char('K'));
    assert_eq!(load(&mut app, e), "a");
    assert_eq!(press(&mut app, Key::Char('K')), None);
    assert_eq!(app.notice.as_deref(), Some("this is the first story"));
    assert_eq!(
        app.keys
            .lookup(crate::app::keymap::Scope::List, Key::Char('J')),
        None
    );
}

#[test]
fn shift_n_toggles_the_selected_row_or_the_open_story_and_u_undoes_it() {
    let mut app = narrow();
    assert_eq!(app.unread, 2);
    assert_eq!(
        press(&mut app, Key::Char('N')),
        Some(Effect::MarkRead {
            uids: vec!["a".into()],
            on: true
        })
    );
    assert!(app.list.read(0), "the row shows it at once");
    assert_eq!(app.unread, 1);
    assert_eq!(app.marking, 1);
    let marked = Marked {
        mark: Mark::Read,
        on: true,
        uids: vec!["a".into()],
        ids: ids(&["a"]),
    };
    app.receive(Arrival::Marked {
        marked: marked.clone(),
        undo: false,
    });
    assert_eq!(app.marking, 0);
    assert_eq!(app.notice.as_deref(), Some("marked 1 story read"));
    // In the story pane: the open story.
    app.update(Action::Down);
    let e = app.update(Action::Open);
    load(&mut app, e);
    assert_eq!(
        press(&mut app, Key::Char('N')),
        Some(Effect::MarkRead {
            uids: vec!["b".into()],
            on: false
        })
    );
    assert!(!app.story.as_ref().unwrap().item.read);
    let unread_b = Marked {
        mark: Mark::Read,
        on: false,
        uids: vec!["b".into()],
        ids: ids(&["b"]),
    };
    app.receive(Arrival::Marked {
        marked: unread_b.clone(),
        undo: false,
    });
    // U in the story pane undoes the last one, then the one before.
    assert_eq!(
        press(&mut app, Key::Char('U')),
        Some(Effect::Undo(unread_b))
    );
    assert!(app.list.read(1), "at once");
    app.update(Action::Back);
    assert_eq!(press(&mut app, Key::Char('U')), Some(Effect::Undo(marked)));
    assert!(!app.list.read(0));
    assert_eq!(press(&mut app, Key::Char('U')), None);
    assert_eq!(
        app.notice.as_deref(),
        Some("still marking; press U again once it is done")
    );
    for _ in 0..2 {
        app.receive(Arrival::MarkFailed("disk full".into()));
    }
    assert_eq!(press(&mut app, Key::Char('U')), None);
    assert_eq!(app.notice.as_deref(), Some("nothing to undo"));
}

#[test]
fn a_marks_the_view_at_once_and_the_store_says_how_many() {
    let rows = vec![
        of_feed("a", "Harbour", false, false),
        of_feed("b", "Farm", false, false),
        of_feed("c", "Harbour", false, true),
        of_feed("d", "Harbour", true, false),
    ];
    let mut app = App::new(60, 20, None);
    app.receive(Arrival::ListLoaded(numbered(rows)));
    app.feed = Some("Harbour".into());
    app.refilter();
    assert_eq!(uids(&app), ["a", "c", "d"]);
    assert_eq!(app.unread, 2);
    let e = press(&mut app, Key::Char('A'));
    assert_eq!(
        e,
        Some(Effect::MarkSelection(Selection {
            view: View {
                show: Show::All,
                feed: Some("Harbour".into()),
                heads: false,
            },
            query: None,
            before: None,
        }))
    );
    assert_eq!(app.notice.as_deref(), Some("marking 2 stories read…"));
    assert!(app.list.read(0) && app.list.read(2) && !app.list.read(1));
    assert_eq!(app.unread, 0, "the header's count at once");
    // Before the store answers, U has nothing yet.
    assert_eq!(press(&mut app, Key::Char('U')), None);
    assert_eq!(
        app.notice.as_deref(),
        Some("still marking; press U again once it is done")
    );
    let marked = Marked {
        mark: Mark::Read,
        on: true,
        uids: vec!["a".into(), "c".into(), "x".into()],
        ids: ids(&["a", "c", "x"]),
    };
    app.receive(Arrival::Marked {
        marked: marked.clone(),
        undo: false,
    });
    assert_eq!(app.notice.as_deref(), Some("marked 3 stories read"));
    assert_eq!(press(&mut app, Key::Char('U')), Some(Effect::Undo(marked)));
    assert!(!app.list.read(0) && !app.list.read(2));
    assert_eq!(app.unread, 2);
    app.receive(Arrival::Marked {
        marked: Marked {
            mark: Mark::Read,
            on: false,
            uids: vec!["a".into(), "c".into(), "x".into()],
            ids: ids(&["a", "c", "x"]),
        },
        undo: true,
    });
    assert_eq!(
        app.notice.as_deref(),
        Some("undone: 3 stories unread again")
    );
    // With a kept filter, its words narrow the selection too.
    app.update(Action::Filter);
    app.update(Action::FilterChar('x'));
    app.receive(Arrival::FilterResults {
        query: "x".into(),
        items: numbered(vec![of_feed("a", "Harbour", false, false)]),
        total: 1,
    });
    app.update(Action::FilterAccept);
    let Some(Effect::MarkSelection(s)) = press(&mut app, Key::Char('A')) else {
        panic!("a marking");
    };
    assert_eq!(s.query, Some(crate::query::parsed("x")));
}

#[test]
fn the_undo_stack_holds_at_least_twenty_markings() {
    const { assert!(UNDO_DEPTH >= 20) };
    let mut app = narrow();
    for n in 0..UNDO_DEPTH + 5 {
        app.receive(Arrival::Marked {
            marked: Marked {
                mark: Mark::Read,
                on: true,
                uids: vec![format!("u{n}")],
                ids: vec![n as i64],
            },
            undo: false,
        });
    }
    let mut undone = Vec::new();
    while let Some(Effect::Undo(m)) = app.update(Action::Undo) {
        undone.push(m.uids[0].clone());
    }
    assert_eq!(undone.len(), UNDO_DEPTH);
    assert_eq!(undone[0], format!("u{}", UNDO_DEPTH + 4), "the last first");
}

#[test]
fn v_cycles_all_unread_saved_and_u_stays_unread_or_all() {
    let rows = vec![
        of_feed("a", "F", false, false),
        of_feed("b", "F", true, true),
        of_feed("c", "F", false, true),
    ];
    let mut app = App::new(60, 20, None);
    app.receive(Arrival::ListLoaded(numbered(rows)));
    press(&mut app, Key::Char('v'));
    assert_eq!(
        (app.show, uids(&app)),
        (Show::Unread, vec!["a".into(), "c".into()])
    );
    press(&mut app, Key::Char('v'));
    assert_eq!(
        (app.show, uids(&app)),
        (Show::Saved, vec!["b".into(), "c".into()])
    );
    assert_eq!(app.unread, 1, "the unread of the view");
    press(&mut app, Key::Char('u'));
    assert_eq!(app.show, Show::Unread, "u from saved: unread");
    press(&mut app, Key::Char('u'));
    assert_eq!(app.show, Show::All);
    press(&mut app, Key::Char('v'));
    press(&mut app, Key::Char('v'));
    press(&mut app, Key::Char('v'));
    assert_eq!(app.show, Show::All);
}

#[test]
fn s_cycles_the_sort_and_keeps_the_selection_through_the_reload() {
    let mut app = narrow();
    app.update(Action::Down);
    let mut sorts = Vec::new();
    for _ in 0..4 {
        match press(&mut app, Key::Char('S')) {
            Some(Effect::SaveSort(s)) => sorts.push(s),
            e => panic!("{e:?}"),
        }
    }
    assert_eq!(
        sorts,
        [Sort::Oldest, Sort::Sources, Sort::Title, Sort::Newest]
    );
    app.update(Action::CycleSort);
    assert_eq!(app.notice.as_deref(), Some("sorted oldest first"));
    app.receive(Arrival::ListLoaded(numbered(vec![
        item("c", false),
        item("b", true),
        item("a", false),
    ])));
    assert_eq!(app.selected_item().unwrap().uid, "b", "the selection stays");
}

#[test]
fn f_picks_a_feed_from_a_popup_and_f_or_esc_goes_back_to_all() {
    let rows = vec![
        of_feed("a", "Harbour", false, false),
        of_feed("b", "Farm", false, false),
        of_feed("c", "Harbour", true, false),
    ];
    let mut app = App::new(60, 20, None);
    app.receive(Arrival::ListLoaded(numbered(rows)));
    assert_eq!(press(&mut app, Key::Char('F')), Some(Effect::Feeds));
    let feeds = vec![
        FeedCounts {
            name: "Farm".into(),
            total: 1,
            unread: 1,
        },
        FeedCounts {
            name: "Harbour".into(),
            total: 2,
            unread: 1,
        },
    ];
    app.receive(Arrival::Feeds {
        feeds: feeds.clone(),
        saved: Vec::new(),
    });
    assert_eq!(app.input_scope(), crate::app::keymap::Scope::Picker);
    press(&mut app, Key::Char('j'));
    press(&mut app, Key::Enter);
    assert!(app.picker.is_none());
    assert_eq!(app.feed.as_deref(), Some("Harbour"));
    assert_eq!(uids(&app), ["a", "c"]);
    assert_eq!(app.unread, 1);
    // F again: every feed, without a popup.
    assert_eq!(press(&mut app, Key::Char('F')), None);
    assert_eq!(app.feed, None);
    assert_eq!(uids(&app).len(), 3);
    // Esc, q or F close the popup and change nothing.
    for key in [Key::Esc, Key::Char('q'), Key::Char('F')] {
        app.receive(Arrival::Feeds {
            feeds: feeds.clone(),
            saved: Vec::new(),
        });
        assert_eq!(press(&mut app, key), None, "{key:?}");
        assert!(app.picker.is_none() && app.feed.is_none(), "{key:?}");
    }
}

#[test]
fn q_goes_back_one_level_and_quits_only_from_the_list_and_shift_q_quits_anywhere() {
    let mut app = narrow();
    let e = app.update(Action::Open);
    load(&mut app, e);
    app.overlay = Some(Overlay::Source { n: 1 });
    assert_eq!(press(&mut app, Key::Char('q')), None);
    assert!(app.overlay.is_none(), "the popup closes");
    assert_eq!(app.focus, Focus::Story);
    assert_eq!(press(&mut app, Key::Char('q')), None);
    assert_eq!(app.focus, Focus::List, "the story goes back to the list");
    app.update(Action::Help);
    assert_eq!(press(&mut app, Key::Char('q')), None);
    assert!(!app.help, "the key map closes");
    assert_eq!(press(&mut app, Key::Char('q')), Some(Effect::Quit));
    let e = app.update(Action::Open);
    load(&mut app, e);
    app.overlay = Some(Overlay::Source { n: 1 });
    assert_eq!(press(&mut app, Key::Char('Q')), Some(Effect::Quit));
    assert_eq!(press(&mut app, Key::Ctrl('c')), Some(Effect::Quit));
}

#[test]
fn a_change_elsewhere_reads_the_list_again_keeping_the_selection_and_says_how_many_are_new() {
    let mut app = narrow();
    app.update(Action::Down);
    assert_eq!(
        app.receive(Arrival::StoreChanged),
        Some(Effect::ReloadList(Sort::Newest))
    );
    app.receive(Arrival::ListPartial(numbered(vec![
        item("n1", false),
        item("a", false),
    ])));
    assert_eq!(app.notice, None, "not before the last rows are in");
    more(
        &mut app,
        vec![
            item("n2", false),
            item("b", true),
            item("n3", false),
            item("c", false),
        ],
        true,
    );
    assert_eq!(app.notice.as_deref(), Some("3 new"));
    assert_eq!(app.selected_item().unwrap().uid, "b", "the selection stays");
    assert!(app.news.is_none());
    // A change that brought nothing new reads the list again in silence.
    app.receive(Arrival::StoreChanged);
    app.notice = None;
    app.receive(Arrival::ListLoaded(numbered(
        app.list.items().cloned().collect(),
    )));
    assert_eq!(app.notice, None);
}

/// A story previewed while its read mark is still being written shows the
/// store's unread, but the row keeps the mark until the store answers.
#[test]
fn a_preview_read_before_the_mark_is_written_does_not_undo_it() {
    let mut app = narrow();
    press(&mut app, Key::Char('N'));
    assert!(app.list.read(0));
    app.receive(Arrival::Loaded(Box::new(Loaded {
        id: 0,
        item: item("a", false),
        doc: story(),
        related: Vec::new(),
        changes: None,
    })));
    assert!(app.list.read(0), "still read");
    assert_eq!(app.unread, 1);
}
