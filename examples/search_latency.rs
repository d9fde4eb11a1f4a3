//! Filter latency over a store, as a person types: every prefix of each query
//! is parsed (`tidings::query::parse`) and runs through `Store::query_rows`
//! (what the reader's `/` does on each key: the 1,000 newest matches ranked,
//! and the count), and `Store::search` (the `search` command), whose own step,
//! cutting the snippets from the 20 documents it prints, is its time less that
//! of `Store::query_stories`'s ranking for the same query. Then each kind of
//! structured term alone and beside words (whole, as a saved query is), and the
//! unread counts of 20 saved queries (the feed picker's).
//! With `--each`, also every prefix's and term's own times (to find the slow ones).
//! `cargo run --release --example search_latency -- DATA_DIR [--each]`

use std::time::{Duration, Instant};

use tidings::query::{parse, parse_finished, Query};
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

/// One query of each kind of term the language has, alone and beside words.
const TERMS: &[&str] = &[
    "title:council",
    "\"harbour plan\"",
    "source:lancet",
    "outlet:\"the lancet\"",
    "cites:example.org",
    "outlet:nobody",
    "sources>=5",
    "sources>=50",
    "outlets>=3",
    "events>=1",
    "claims<10",
    "unresolved>0",
    "single:",
    "date:2025-10",
    "date:2025-03-01..2025-03-09",
    "newer:30d",
    "event:2025",
    "event:2025-03-01..2025-03-09",
    "event:2020..",
    "kind:article",
    "feed:wire",
    "is:unread",
    "is:saved",
    "lang:fr",
    "council sources>=5",
    "council -is:read",
    "tromsø outlet:\"the lancet\"",
    "council or sources>=9",
    "-council",
    "(flood or harbour) -kind:article outlets>=2",
];

/// Twenty saved queries, as a person keeps them: outlets, words, counts,
/// dates and marks, alone and together.
const SAVED: &[&str] = &[
    "outlet:\"the lancet\"",
    "cites:example.org",
    "outlet:\"daily ledger\" sources>=3",
    "cites:\"harbour post\" -kind:article",
    "council",
    "\"harbour plan\"",
    "flood barrier",
    "title:vaccine",
    "source:lancet",
    "sources>=5",
    "outlets>=3 newer:30d",
    "unresolved>0",
    "single:",
    "claims<10 kind:story",
    "date:2025-10",
    "event:2025-03",
    "kind:article",
    "lang:fr",
    "is:saved",
    "(flood or harbour) outlets>=2",
];

fn stats(label: &str, mut t: Vec<Duration>) {
    if t.is_empty() {
        println!("{label:<44} n    0");
        return;
    }
    t.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{label:<44} n {:>4}   p50 {:>6.2} ms   p99 {:>6.2} ms   max {:>6.2} ms",
        t.len(),
        ms(t[t.len() / 2]),
        ms(t[t.len() * 99 / 100]),
        ms(t[t.len() - 1])
    );
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: search_latency DATA_DIR [--each]");
    let each = std::env::args().nth(2).as_deref() == Some("--each");
    let store = Store::open(std::path::Path::new(&dir)).expect("store opens");
    let today = chrono::Local::now().date_naive();
    let read = |input: &str| -> Query { parse(input, today).expect("the query parses") };
    let whole = |input: &str| -> Query { parse_finished(input, today).expect("the query parses") };
    println!("documents: {}", store.count().unwrap());
    let mut filter = Vec::new();
    let mut search = Vec::new();
    let mut snippets = Vec::new();
    for round in 0..3 {
        for q in QUERIES {
            let chars: Vec<char> = q.chars().collect();
            for n in 1..=chars.len() {
                let prefix: String = chars[..n].iter().collect();
                let t = Instant::now();
                let (rows, total) = store.query_rows(&read(&prefix)).unwrap();
                let took = t.elapsed();
                filter.push(took);
                if each && round == 0 {
                    println!(
                        "{prefix:<24} rows {:>5} of {total:>6}  {:>7.2} ms",
                        rows.len(),
                        took.as_secs_f64() * 1e3
                    );
                }
            }
            let query = read(q);
            let t = Instant::now();
            std::hint::black_box(store.query_stories(&query, 0).unwrap());
            let ranked = t.elapsed();
            let t = Instant::now();
            std::hint::black_box(store.search(&query, 20).unwrap());
            search.push(t.elapsed());
            snippets.push(t.elapsed().saturating_sub(ranked));
        }
    }
    stats("filter as you type (1,000 rows, counted)", filter);
    stats("search command (20 hits with snippets)", search);
    stats("  of which cutting the snippets", snippets);
    let mut terms = Vec::new();
    for round in 0..5 {
        for input in TERMS {
            let q = whole(input);
            let t = Instant::now();
            let (rows, total) = store.query_rows(&q).unwrap();
            let took = t.elapsed();
            terms.push(took);
            if each && round == 0 {
                println!(
                    "{input:<44} rows {:>5} of {total:>6}  {:>7.2} ms",
                    rows.len(),
                    took.as_secs_f64() * 1e3
                );
            }
        }
    }
    stats("structured terms (1,000 rows, counted)", terms);
    let saved: Vec<Query> = SAVED.iter().map(|q| whole(q)).collect();
    let mut counts = Vec::new();
    for round in 0..5 {
        let t = Instant::now();
        for (q, input) in saved.iter().zip(SAVED) {
            let one = Instant::now();
            let n = store.unread_matches(q).unwrap();
            if each && round == 1 {
                println!(
                    "unread {input:<37} {n:>6}  {:>7.2} ms",
                    one.elapsed().as_secs_f64() * 1e3
                );
            }
        }
        counts.push(t.elapsed());
    }
    stats("unread counts of 20 saved queries", counts);
}
