//! The config's `[reader]` settings as the app takes them: the two-pane width,
//! marking read on open, asking before `A`, the view at start, and the date style.

use super::tests::{item, numbered, story};
use crate::app::action::{Action, Arrival, Effect, Loaded};
use crate::app::keymap::{Key, KeyMap};
use crate::app::App;
use crate::config::Reader;
use crate::store::{Show, Sort};

/// Presses `key` as the key table reads it where the reader is now.
fn press(app: &mut App, key: Key) -> Option<Effect> {
    let action = KeyMap::default()
        .lookup(app.input_scope(), key)
        .expect("bound here");
    app.update(action)
}

/// A `width` x 20 reader with `reader`'s settings on rows a (unread), b (read),
/// c (unread).
fn configured(width: u16, reader: Reader) -> App {
    let mut app = App::new(width, 20, None);
    app.configure(&reader);
    app.receive(Arrival::ListLoaded(numbered(vec![
        item("a", false),
        item("b", true),
        item("c", false),
    ])));
    app
}

#[test]
fn two_panes_from_the_configured_width() {
    let at = |width, two_pane_min_width| {
        let app = configured(
            width,
            Reader {
                two_pane_min_width,
                ..Reader::default()
            },
        );
        app.geometry().story.is_some()
    };
    assert!(at(100, 100), "the default: two panes from 100");
    assert!(!at(140, 160));
    assert!(at(80, 80));
    assert!(!at(79, 80));
}

#[test]
fn opening_marks_read_only_when_the_config_says_so() {
    let mut app = configured(
        60,
        Reader {
            mark_read_on_open: false,
            ..Reader::default()
        },
    );
    let Some(Effect::Load { uid, mark_read }) = press(&mut app, Key::Enter) else {
        panic!("a story to load");
    };
    assert_eq!((uid.as_str(), mark_read), ("a", false));
    app.receive(Arrival::Loaded(Box::new(Loaded {
        id: 0,
        item: item("a", false),
        doc: story(),
        related: Vec::new(),
        changes: None,
    })));
    let Some(Effect::Load { uid, mark_read }) = press(&mut app, Key::Char('n')) else {
        panic!("the next unread to load");
    };
    assert_eq!((uid.as_str(), mark_read), ("c", false), "n too");
    let mut app = configured(60, Reader::default());
    assert!(matches!(
        press(&mut app, Key::Enter),
        Some(Effect::Load {
            mark_read: true,
            ..
        })
    ));
}

#[test]
fn a_asks_first_when_the_config_says_so_and_only_y_marks() {
    let asking = || {
        configured(
            60,
            Reader {
                confirm_bulk_marking: true,
                ..Reader::default()
            },
        )
    };
    let mut app = asking();
    assert_eq!(press(&mut app, Key::Char('A')), None);
    assert_eq!(
        app.notice.as_deref(),
        Some("mark 2 stories of this view read? y/n")
    );
    assert_eq!(app.unread, 2, "nothing marked yet");
    app.update(Action::Resize(70, 20));
    assert_eq!(
        app.notice.as_deref(),
        Some("mark 2 stories of this view read? y/n"),
        "still asking"
    );
    assert!(matches!(
        press(&mut app, Key::Char('y')),
        Some(Effect::MarkSelection(_))
    ));
    assert_eq!(app.unread, 0);
    for no in [Key::Char('n'), Key::Esc, Key::Char('j')] {
        let mut app = asking();
        press(&mut app, Key::Char('A'));
        assert_eq!(press(&mut app, no), None, "{no:?}");
        assert_eq!(app.notice.as_deref(), Some("not marked"), "{no:?}");
        assert_eq!(
            (app.unread, app.selected),
            (2, 0),
            "{no:?} did nothing else"
        );
        assert_eq!(app.asking, None, "asked no more");
    }
    let mut app = configured(60, Reader::default());
    assert!(
        matches!(
            press(&mut app, Key::Char('A')),
            Some(Effect::MarkSelection(_))
        ),
        "the default: no question"
    );
}

#[test]
fn the_reader_starts_on_the_configured_view_and_sort() {
    let app = configured(
        60,
        Reader {
            default_view: Show::Unread,
            default_sort: Sort::Title,
            ..Reader::default()
        },
    );
    assert_eq!(app.show, Show::Unread);
    assert_eq!(app.sort, Sort::Title);
    let shown: Vec<&str> = app
        .visible
        .iter()
        .map(|&i| app.row(i).unwrap().uid.as_str())
        .collect();
    assert_eq!(shown, ["a", "c"]);
}

#[test]
fn hyperlinks_and_the_date_style_are_taken_in() {
    let style: crate::model::DateStyle = "%Y-%m-%d".to_string().try_into().unwrap();
    let app = configured(
        60,
        Reader {
            hyperlinks: false,
            date_style: style.clone(),
            ..Reader::default()
        },
    );
    assert!(!app.hyperlinks);
    assert_eq!(app.date_style, style);
}

#[test]
fn the_question_names_the_keys_in_effect() {
    let text = "[reader]\nconfirm_bulk_marking = true\n[keys.confirm]\nyes = \"j\"\n";
    let (config, keys) = crate::config::parse(std::path::Path::new("t"), text, |c| {
        KeyMap::from_config(&c.keys)
    })
    .unwrap();
    let mut app = configured(60, config.reader);
    app.keys = keys;
    app.update(Action::MarkAllRead);
    assert_eq!(
        app.notice.as_deref(),
        Some("mark 2 stories of this view read? j/n")
    );
}
