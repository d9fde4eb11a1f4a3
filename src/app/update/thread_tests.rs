//! A thread in the reader without a store: Enter on a thread's row asks for
//! it, its stories and merged timeline over the screen, Enter opens a story
//! (on its event from the timeline) and going back shows the thread again.

use super::tests::{item, narrow, numbered, story};
use crate::app::action::{Arrival, Effect, Loaded};
use crate::app::keymap::{Key, Scope};
use crate::app::layout::Item;
use crate::app::thread::{ThreadLine, ThreadStory, ThreadView};
use crate::app::{App, Focus, Overlay, View};
use crate::model::{Event, PartialDate};
use crate::store::ThreadMark;

fn press(app: &mut App, key: Key) -> Option<Effect> {
    let action = app.keys.lookup(app.input_scope(), key)?;
    app.update(action)
}

fn date(day: u32) -> PartialDate {
    PartialDate::from_compact(&format!("2025-11-{day:02}"))
}

/// A reader whose first row heads a thread of `a` (newest) and `b`.
fn with_thread() -> App {
    let mut app = narrow();
    let mut head = item("a", false);
    head.thread = Some(ThreadMark {
        uid: "b".into(),
        stories: 2,
        outlets: Some(3),
    });
    app.receive(Arrival::ListLoaded(numbered(vec![head, item("c", false)])));
    app
}

/// The thread of `a` and `b` as the store's answer makes it: `b`'s timeline
/// holds one event, told before `a` was published.
fn thread() -> ThreadView {
    let s = |uid: &str, day| ThreadStory {
        uid: uid.into(),
        title: format!("Story {uid}"),
        feed: format!("Feed {uid}"),
        outlets: vec![format!("Outlet {uid}")],
        date: Some(date(day)),
        read: false,
    };
    ThreadView {
        outlets: 3,
        stories: vec![s("a", 4), s("b", 3)],
        timeline: vec![
            ThreadLine {
                date: date(3),
                text: "Story b".into(),
                story: 1,
                event: None,
            },
            ThreadLine {
                date: date(3),
                text: "The union walked out.".into(),
                story: 1,
                event: Some(0),
            },
            ThreadLine {
                date: date(4),
                text: "Story a".into(),
                story: 0,
                event: None,
            },
        ],
        on_timeline: false,
        story_at: 0,
        line_at: 0,
    }
}

fn shown(app: &App) -> &ThreadView {
    match &app.overlay {
        Some(Overlay::Thread(v)) => v,
        o => panic!("no thread shows: {o:?}"),
    }
}

fn loaded(app: &mut App, uid: &str) {
    let mut doc = story();
    doc.timeline.push(Event {
        date: date(3),
        text: "The union walked out.".into(),
        citations: vec![1],
    });
    app.receive(Arrival::Loaded(Box::new(Loaded {
        id: 0,
        item: item(uid, true),
        doc,
        related: Vec::new(),
        changes: None,
    })));
}

#[test]
fn enter_on_a_thread_row_asks_for_the_thread_and_on_a_story_alone_opens_it() {
    let mut app = with_thread();
    assert_eq!(
        press(&mut app, Key::Enter),
        Some(Effect::Thread("a".into()))
    );
    assert_eq!(app.focus, Focus::List, "the list stays under the thread");
    app.receive(Arrival::Thread(Box::new(thread())));
    assert_eq!(app.input_scope(), Scope::Thread);
    assert_eq!(shown(&app).stories.len(), 2);
    // Esc closes it; the next row is a story alone.
    press(&mut app, Key::Esc);
    assert!(app.overlay.is_none());
    press(&mut app, Key::Char('j'));
    assert_eq!(
        press(&mut app, Key::Enter),
        Some(Effect::Load {
            uid: "c".into(),
            mark_read: true
        })
    );
}

#[test]
fn enter_on_a_story_of_the_thread_opens_it_read_and_backspace_returns() {
    let mut app = with_thread();
    press(&mut app, Key::Enter);
    app.receive(Arrival::Thread(Box::new(thread())));
    press(&mut app, Key::Char('j'));
    press(&mut app, Key::Char('j'));
    assert_eq!(shown(&app).story_at, 1, "the last story stays selected");
    assert_eq!(
        press(&mut app, Key::Enter),
        Some(Effect::Load {
            uid: "b".into(),
            mark_read: true
        })
    );
    assert!(app.overlay.is_none());
    assert_eq!(app.focus, Focus::Story);
    loaded(&mut app, "b");
    assert_eq!(app.story.as_ref().unwrap().view, View::Story);
    // Backspace: the thread again, the story opened selected and read.
    press(&mut app, Key::Backspace);
    let v = shown(&app);
    assert_eq!(v.story_at, 1);
    assert!(v.stories[1].read && !v.stories[0].read);
    // h opens it again and comes back the same way; h in the thread closes it.
    press(&mut app, Key::Enter);
    press(&mut app, Key::Char('h'));
    assert_eq!(shown(&app).story_at, 1);
    press(&mut app, Key::Char('h'));
    assert!(app.overlay.is_none());
    assert_eq!(app.focus, Focus::List);
}

#[test]
fn t_shows_the_merged_timeline_and_enter_on_an_event_opens_its_story_on_it() {
    let mut app = with_thread();
    press(&mut app, Key::Enter);
    app.receive(Arrival::Thread(Box::new(thread())));
    press(&mut app, Key::Char('t'));
    assert!(shown(&app).on_timeline);
    press(&mut app, Key::Char('j'));
    assert_eq!(
        (shown(&app).line_at, shown(&app).story_at),
        (1, 0),
        "each face keeps its own selection"
    );
    assert_eq!(
        press(&mut app, Key::Enter),
        Some(Effect::Load {
            uid: "b".into(),
            mark_read: true
        })
    );
    loaded(&mut app, "b");
    let s = app.story.as_ref().unwrap();
    assert_eq!(s.view, View::Timeline);
    assert_eq!(s.layout.items[s.cursor].item, Item::Event(0));
    // Back on the timeline; t goes to the stories; a publication line opens
    // its story at the top.
    press(&mut app, Key::Backspace);
    assert!(shown(&app).on_timeline);
    press(&mut app, Key::Char('j'));
    assert_eq!(
        press(&mut app, Key::Enter),
        Some(Effect::Load {
            uid: "a".into(),
            mark_read: true
        })
    );
    loaded(&mut app, "a");
    assert_eq!(app.story.as_ref().unwrap().view, View::Story);
    press(&mut app, Key::Backspace);
    press(&mut app, Key::Char('t'));
    assert!(!shown(&app).on_timeline);
    assert_eq!(shown(&app).story_at, 0);
}
