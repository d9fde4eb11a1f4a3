//! The headline list's views, sorts and counts over a store, timed as the reader
//! would ask for them: the first 500 rows (the first frame), every row in pages
//! of 5,000 (the list read in), the view's counts (the header) and the feeds
//! with their counts (the feed picker); then the reader's list index of every
//! document in each sort, read in parts of 20,000 (the whole, and the slowest
//! part), and the full rows of five screens read by id from the end of the
//! list (the window the reader reads as it scrolls). With `--mark`, also marking every
//! document read in one transaction and undoing it (this writes to the store:
//! give it a copy). With `--index`, only the list index, the rows by id and the
//! ids (reading every view in full rows takes minutes at 1,000,000).
//! `cargo run --release --example view_latency -- DATA_DIR [--mark | --index]`

use std::time::{Duration, Instant};

use tidings::store::{IndexFrom, Mark, Selection, Show, Sort, Store, View};

/// Rows of the first frame and of each later page, as the reader reads them.
const FIRST: usize = 500;
const PAGE: usize = 5_000;
/// Rows of each part of the list index, as the reader reads them.
const INDEX_PART: usize = 20_000;
/// Full rows the reader reads at once: five screens of 60 rows.
const WINDOW: usize = 300;
/// Runs of each figure; the median is printed.
const RUNS: usize = 5;

fn median(mut f: impl FnMut() -> usize) -> (Duration, usize) {
    let mut times = Vec::with_capacity(RUNS);
    let mut n = 0;
    for _ in 0..RUNS {
        let t = Instant::now();
        n = f();
        times.push(t.elapsed());
    }
    times.sort();
    (times[RUNS / 2], n)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: view_latency DATA_DIR [--mark]");
    let flag = args.next();
    let mark = flag.as_deref() == Some("--mark");
    let index_only = flag.as_deref() == Some("--index");
    let mut store = Store::open(std::path::Path::new(&dir)).expect("store opens");
    let (t, feeds) = median(|| store.feeds().unwrap().len());
    println!("feeds with counts: {feeds} feeds, {:.1} ms", ms(t));
    let feeds = store.feeds().unwrap();
    let biggest = feeds.iter().max_by_key(|f| f.total).map(|f| f.name.clone());
    let smallest = feeds.iter().min_by_key(|f| f.total).map(|f| f.name.clone());
    let mut views = vec![
        ("all", View::all()),
        ("threads", View::heads()),
        (
            "unread",
            View {
                show: Show::Unread,
                feed: None,
                heads: false,
            },
        ),
        (
            "saved",
            View {
                show: Show::Saved,
                feed: None,
                heads: false,
            },
        ),
    ];
    for (label, feed) in [("largest feed", biggest), ("smallest feed", smallest)] {
        views.push((
            label,
            View {
                show: Show::All,
                feed,
                heads: false,
            },
        ));
    }
    println!(
        "{:<14} {:<8} {:>8} {:>12} {:>14} {:>10}",
        "view", "sort", "rows", "first 500", "all, by 5,000", "counts"
    );
    for (label, view) in views.iter().filter(|_| !index_only) {
        let (count_t, _) = median(|| store.count_view(view).unwrap().total as usize);
        for sort in Sort::ALL {
            let (first_t, _) = median(|| store.list_view(view, sort, FIRST, 0).unwrap().len());
            let (all_t, rows) = median(|| {
                let mut have = 0;
                loop {
                    let page = store.list_view(view, sort, PAGE, have).unwrap().len();
                    have += page;
                    if page < PAGE {
                        return have;
                    }
                }
            });
            println!(
                "{label:<14} {:<8} {rows:>8} {:>9.1} ms {:>11.1} ms {:>7.1} ms",
                sort.as_str(),
                ms(first_t),
                ms(all_t),
                ms(count_t)
            );
        }
    }
    println!(
        "{:<8} {:>8} {:>10} {:>14} {:>18}",
        "sort", "rows", "index", "slowest part", "300 rows by id"
    );
    for sort in Sort::ALL {
        let mut slowest = Duration::ZERO;
        let (index_t, rows) = median(|| {
            let (mut from, mut have) = (IndexFrom::Offset(FIRST), FIRST);
            loop {
                let t = Instant::now();
                let part = store.index_part(sort, &from, INDEX_PART, true).unwrap();
                slowest = slowest.max(t.elapsed());
                have += part.rows.len();
                if part.rows.len() < INDEX_PART {
                    return have;
                }
                from = part.next;
            }
        });
        let last = store
            .index_part(
                sort,
                &IndexFrom::Offset(rows.saturating_sub(WINDOW)),
                WINDOW,
                true,
            )
            .unwrap();
        let ids: Vec<i64> = last.rows.iter().map(|r| r.id).collect();
        let (by_id_t, got) = median(|| store.rows_by_id(&ids).unwrap().len());
        println!(
            "{:<8} {rows:>8} {:>7.1} ms {:>11.1} ms {:>10.2} ms ({got})",
            sort.as_str(),
            ms(index_t),
            ms(slowest),
            ms(by_id_t)
        );
    }
    if mark {
        let t = Instant::now();
        let marked = store
            .mark_selection(&Selection::default(), Mark::Read, true)
            .unwrap();
        let marked_t = t.elapsed();
        let t = Instant::now();
        let undone = store.undo(&marked).unwrap();
        println!(
            "mark every document read: {} changed, {:.0} ms; undo: {} changed, {:.0} ms",
            marked.len(),
            ms(marked_t),
            undone.len(),
            ms(t.elapsed())
        );
    }
}
