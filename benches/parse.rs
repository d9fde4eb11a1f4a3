//! Parse throughput in MB/s on one core: the project's own story and article pages
//! repeated into pages of about 1 MB and 16 MB. Run: `cargo bench --bench parse`.

use std::path::Path;
use std::time::{Duration, Instant};

use tidings::parse::{parse_bytes, DEFAULT_MAX_PAGE_BYTES};

fn page(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    std::fs::read_to_string(p).expect("test page")
}

/// Median MB/s over runs that take about two seconds in all.
fn measure(label: &str, bytes: &[u8]) {
    let mut times = Vec::new();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(2) || times.len() < 5 {
        let t = Instant::now();
        let docs = parse_bytes(bytes, DEFAULT_MAX_PAGE_BYTES).expect("parses");
        std::hint::black_box(docs);
        times.push(t.elapsed());
    }
    times.sort();
    let median = times[times.len() / 2];
    let mb = bytes.len() as f64 / 1e6;
    println!(
        "{label:<34} {:>8.2} MB  {:>8.1} ms  {:>7.1} MB/s  ({} runs)",
        mb,
        median.as_secs_f64() * 1e3,
        mb / median.as_secs_f64(),
        times.len()
    );
}

fn main() {
    let story = page("assets/samples/story_flood_sentence_case.txt");
    let listing = page("tests/pages/listing_two_stories.txt");
    let article = page("assets/samples/article_en_ai_site.txt");
    let body = page("tests/pages/article_wire_photo_credit.txt");
    println!("parse throughput (one core, median)");
    measure("story page (4.5 KB)", story.as_bytes());
    measure("article page (3 KB)", article.as_bytes());
    for (label, unit, target) in [
        ("listing of stories, ~1 MB", &listing, 1 << 20),
        ("listing of stories, ~16 MB", &listing, 16 << 20),
        ("long article body, ~1 MB", &body, 1 << 20),
        ("long article body, ~16 MB", &body, 16 << 20),
    ] {
        let big = unit.repeat(target / unit.len() + 1);
        measure(label, big.as_bytes());
    }
}
