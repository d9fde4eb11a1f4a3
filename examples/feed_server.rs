//! A local feed server for `bench/refresh.sh`: FEEDS RSS feeds of ITEMS items each
//! at `/feed/N.rss` (with ETags, so a second refresh is all 304s), every request
//! answered after LATENCY_MS, plus the hostile routes `/gigabyte`, `/endless` and
//! `/trickle`. Prints its base URL, then writes the number of requests it has seen
//! to COUNT_FILE every 100 ms until killed.
//!
//! `cargo run --release --example feed_server -- FEEDS ITEMS LATENCY_MS COUNT_FILE`

// The tests' server; this bench uses only some of its routes.
#[allow(dead_code)]
#[path = "../tests/common/http_server.rs"]
mod http_server;

use std::io::Write;
use std::time::Duration;

use http_server::{Route, Server};

fn feed(n: usize, items: usize) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed {n}</title><link>https://feed{n}.example/</link>"
    );
    for i in 0..items {
        out.push_str(&format!(
            "<item><title>Feed {n} item {i}: council votes on the harbour plan</title>\
             <link>https://feed{n}.example/{i}</link><pubDate>Fri, 05 Dec 2025 09:{:02}:00 GMT</pubDate>\
             <description>&lt;p&gt;The council met on Friday and voted on item {i}. Residents spoke for two hours.&lt;/p&gt;&lt;p&gt;A second vote follows next month.&lt;/p&gt;</description></item>",
            i % 60
        ));
    }
    out.push_str("</channel></rss>");
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [feeds, items, latency, count_file] = args.as_slice() else {
        eprintln!("usage: feed_server FEEDS ITEMS LATENCY_MS COUNT_FILE");
        std::process::exit(2);
    };
    let feeds: usize = feeds.parse().expect("FEEDS is a number");
    let items: usize = items.parse().expect("ITEMS is a number");
    let latency = Duration::from_millis(latency.parse().expect("LATENCY_MS is a number"));
    let paths: Vec<String> = (0..feeds).map(|n| format!("/feed/{n}.rss")).collect();
    let mut routes: Vec<(&str, Route)> = paths
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let etag = format!("\"f{n}\"");
            (
                p.as_str(),
                Route::with_etag(feed(n, items), "application/rss+xml", &etag),
            )
        })
        .collect();
    routes.push(("/gigabyte", Route::Huge(1 << 30)));
    routes.push(("/endless", Route::Endless));
    routes.push(("/trickle", Route::Trickle(Duration::from_millis(100))));
    let server = Server::start_with_latency(routes, latency);
    println!("{}", server.base);
    std::io::stdout().flush().unwrap();
    let tmp = format!("{count_file}.tmp");
    loop {
        // Written aside and renamed, so a reader never sees a half-written number.
        std::fs::write(&tmp, server.seen().to_string()).unwrap();
        std::fs::rename(&tmp, count_file).unwrap();
        std::thread::sleep(Duration::from_millis(100));
    }
}
