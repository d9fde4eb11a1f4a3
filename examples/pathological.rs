//! Parses one pathological page and prints what it cost, for
//! `bench/pathological.sh`: `cargo run --release --example pathological -- CASE N`.
//! Prints `case n bytes parse_ms documents`.

#[path = "../tests/common/pathological.rs"]
mod pathological;

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [case, n] = args.as_slice() else {
        let cases: Vec<&str> = pathological::CASES.iter().map(|c| c.0).collect();
        eprintln!("usage: pathological CASE N   (cases: {})", cases.join(" "));
        std::process::exit(2);
    };
    let n: usize = n.parse().expect("N is a number");
    let page = pathological::page(case, n);
    let start = Instant::now();
    let docs = tidings::parse::parse_bytes(page.as_bytes(), u64::MAX).expect("parses");
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    println!("{case} {n} {} {ms:.1} {}", page.len(), docs.len());
}
