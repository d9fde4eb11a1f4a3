//! Frame time at 200x60 in a `TestBackend` (drawing only, no terminal I/O), p50
//! and p99 over a thousand frames each while the view moves: the headline list
//! of 100,000 and of 1,000,000 stories (the list index with full rows near the
//! screen, which the bench hands over as the store would), and a story of 5,000
//! timeline events in its story and timeline views. Run: `cargo bench --bench frames`.

// Only `page` is used here; the case table serves the tests and the example.
#[allow(dead_code)]
#[path = "../tests/common/pathological.rs"]
mod pathological;

use std::time::{Duration, Instant};

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use tidings::app::action::{Action, Arrival, Loaded};
use tidings::app::App;
use tidings::store::{Headline, IndexFrom, IndexPart, IndexRow, ListItem};
use tidings::ui::theme::Theme;

const W: u16 = 200;
const H: u16 = 60;
const FRAMES: usize = 1000;

fn item(i: usize) -> ListItem {
    ListItem {
        uid: format!("{i:016x}"),
        kind: "story".into(),
        title: format!("Council {i} Approves the Harbour Plan After a Long Debate in Lisbon"),
        article_count: Some(4),
        source_count: 4,
        event_count: 12,
        latest: Some(format!("2025-11-{:02}", i % 28 + 1)),
        read: i.is_multiple_of(3),
        saved: i.is_multiple_of(7),
        feed: "Harbour Gazette".into(),
        thread: None,
        feeds: 0,
        outlets: 0,
        updated: false,
    }
}

fn headline(i: usize) -> Headline {
    Headline {
        id: i as i64 + 1,
        item: item(i),
    }
}

/// A reader on a list of `n` stories as the runtime builds it: the first
/// screens full, then the list index in parts.
fn windowed(n: usize) -> App {
    let mut app = App::new(W, H, None);
    app.receive(Arrival::ListPartial((0..500).map(headline).collect()));
    let mut from = 500;
    while from < n {
        let to = (from + 20_000).min(n);
        let rows = (from..to)
            .map(|i| IndexRow {
                id: i as i64 + 1,
                read: i.is_multiple_of(3),
                saved: i.is_multiple_of(7),
                feed: 0,
            })
            .collect();
        let part = IndexPart {
            rows,
            feeds: vec!["Harbour Gazette".into()],
            next: IndexFrom::Offset(to),
        };
        app.receive(Arrival::ListIndex {
            part,
            done: to == n,
        });
        from = to;
    }
    assert_eq!(app.list.len(), n);
    app
}

/// The full rows the screen lacks, handed over as the store reads them.
fn fill(app: &mut App) {
    let asked = app.rows_wanted();
    if !asked.is_empty() {
        let rows = asked.iter().map(|&id| headline(id as usize - 1)).collect();
        app.receive(Arrival::Rows { asked, rows });
    }
}

/// Draws `FRAMES` frames, applying `step` (and reading the rows it needs)
/// before each; prints p50, p99 and max.
fn measure(label: &str, app: &mut App, step: &[Action]) {
    let mut term = Terminal::new(TestBackend::new(W, H)).unwrap();
    let mut times = Vec::with_capacity(FRAMES);
    let theme = Theme::default();
    for i in 0..FRAMES {
        app.update(step[i % step.len()].clone());
        fill(app);
        let t = Instant::now();
        term.draw(|f| tidings::ui::draw(f, app, &theme)).unwrap();
        times.push(t.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{label:<48} p50 {:>6.3} ms   p99 {:>6.3} ms   max {:>6.3} ms",
        ms(times[FRAMES / 2]),
        ms(times[FRAMES * 99 / 100]),
        ms(times[FRAMES - 1])
    );
}

fn main() {
    println!("frame time at {W}x{H}, {FRAMES} frames each (TestBackend)");
    for (n, label) in [(100_000, "100,000"), (1_000_000, "1,000,000")] {
        let mut app = windowed(n);
        measure(
            &format!("headline list of {label}, moving down"),
            &mut app,
            &[Action::Down, Action::Down, Action::PageDown],
        );
        measure(
            &format!("headline list of {label}, paging up"),
            &mut app,
            &[Action::PageUp],
        );
        app.update(Action::Bottom);
        fill(&mut app);
        measure(
            &format!("headline list of {label}, paging up from the end"),
            &mut app,
            &[Action::PageUp],
        );
    }

    let page = pathological::page("timeline", 5_000);
    let doc = tidings::parse::parse_text(&page).remove(0);
    assert_eq!(doc.timeline.len(), 5_000);
    let mut app = App::new(W, H, None);
    let it = item(0);
    app.receive(Arrival::ListLoaded(vec![headline(0)]));
    app.receive(Arrival::Loaded(Box::new(Loaded {
        id: 0,
        item: it,
        doc,
        related: Vec::new(),
        changes: None,
    })));
    app.update(Action::Open);
    measure(
        "story of 5,000 events, story view, paging",
        &mut app,
        &[Action::PageDown, Action::PageDown, Action::PageUp],
    );
    app.update(Action::Timeline);
    measure(
        "story of 5,000 events, timeline view, paging",
        &mut app,
        &[
            Action::PageDown,
            Action::PageDown,
            Action::Down,
            Action::PageUp,
        ],
    );
}
