//! Filter latency over a store, as a person types: every prefix of each query
//! runs through `Store::filter_rows` (what the reader's `/` does on each key:
//! the 1,000 newest matches ranked, and the count) and `Store::search`
//! (the `search` command), whose own step, cutting the snippets from the 20
//! documents it prints, is its time less that of `Store::filter` for the same
//! 20 hits.
//! With `--each`, also every prefix's own times (to find the slow ones).
//! `cargo run --release --example search_latency -- DATA_DIR [--each]`

use std::time::{Duration, Instant};

use tidings::store::Store;

const QUERIES: &[&str] = &[
    "flood barrier",
    "harbour plan",
    "council",
    "kwame mensah lisbon",
    "vaccine rollout osaka",
    "tromsø",
    "data rules",
    "nothing matches this",
];

fn stats(label: &str, mut t: Vec<Duration>) {
    if t.is_empty() {
        println!("{label:<40} n    0");
        return;
    }
    t.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{label:<40} n {:>4}   p50 {:>6.2} ms   p99 {:>6.2} ms   max {:>6.2} ms",
        t.len(),
        ms(t[t.len() / 2]),
        ms(t[t.len() * 99 / 100]),
        ms(t[t.len() - 1])
    );
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: search_latency DATA_DIR");
    let each = std::env::args().nth(2).as_deref() == Some("--each");
    let store = Store::open(std::path::Path::new(&dir)).expect("store opens");
    println!("documents: {}", store.count().unwrap());
    let mut filter = Vec::new();
    let mut search = Vec::new();
    let mut snippets = Vec::new();
    for _round in 0..3 {
        for q in QUERIES {
            let chars: Vec<char> = q.chars().collect();
            for n in 1..=chars.len() {
                let prefix: String = chars[..n].iter().collect();
                let t = Instant::now();
                let (rows, total) = store.filter_rows(&prefix).unwrap();
                let took = t.elapsed();
                filter.push(took);
                if each && _round == 0 {
                    println!(
                        "{prefix:<24} rows {:>5} of {total:>6}  {:>7.2} ms",
                        rows.len(),
                        took.as_secs_f64() * 1e3
                    );
                }
            }
            let t = Instant::now();
            std::hint::black_box(store.filter(q, 20).unwrap());
            let hits = t.elapsed();
            let t = Instant::now();
            std::hint::black_box(store.search(q, 20).unwrap());
            search.push(t.elapsed());
            snippets.push(t.elapsed().saturating_sub(hits));
        }
    }
    stats("filter as you type (1,000 rows, counted)", filter);
    stats("search command (20 hits with snippets)", search);
    stats("  of which cutting the snippets", snippets);
}
