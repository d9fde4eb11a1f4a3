//! Prints how well same-event threading does: pairwise precision, recall and F1
//! on each labelled set at the tuned rule and over a sweep of thresholds and
//! windows, and what a signature costs. `cargo run --release --example thread_eval`.

#[path = "../tests/threads/sets.rs"]
mod sets;

use std::time::Instant;

use tidings::thread::cluster::Rule;
use tidings::thread::{Signature, BANDS, SIG_LEN, THRESHOLD, WINDOW_DAYS};

fn main() {
    let mut all = vec![sets::fixtures()];
    match sets::shared() {
        Some(shared) => {
            all.extend(sets::kagi(&shared));
            all.push(sets::seeds(&shared));
        }
        None => println!("(../shared is absent: only this repository's feeds)"),
    }
    println!(
        "SIG_LEN {SIG_LEN}, BANDS {BANDS}, THRESHOLD {THRESHOLD}, WINDOW_DAYS {WINDOW_DAYS}\n"
    );
    println!("| set | items | events | precision | recall | F1 |");
    println!("|---|---|---|---|---|---|");
    for set in &all {
        let s = set.score(Rule::default());
        println!(
            "| {} | {} | {} | {:.3} | {:.3} | {:.3} |",
            set.name,
            set.stories.len(),
            set.events(),
            s.precision,
            s.recall,
            s.f1()
        );
    }
    println!("\nThreshold sweep (window {WINDOW_DAYS} days): precision / recall / F1");
    let names: Vec<&str> = all.iter().map(|s| s.name.as_str()).collect();
    println!("| threshold | {} |", names.join(" | "));
    println!("|---|{}", "---|".repeat(all.len()));
    for t in (10..=60).step_by(5) {
        let rule = Rule {
            threshold: t as f32 / 100.0,
            ..Rule::default()
        };
        let cells: Vec<String> = all.iter().map(|set| cell(set, rule)).collect();
        println!("| {:.2} | {} |", rule.threshold, cells.join(" | "));
    }
    println!("\nWindow sweep (threshold {THRESHOLD}), this repository's feeds");
    for w in [0, 1, 2, 3, 5, 7, 10] {
        let rule = Rule {
            window_days: w,
            ..Rule::default()
        };
        println!("| {w} days | {} |", cell(&all[0], rule));
    }
    println!(
        "\nLead length sweep (threshold {THRESHOLD}, window {WINDOW_DAYS}): words of the lead read"
    );
    println!("| lead words | {} |", names.join(" | "));
    println!("|---|{}", "---|".repeat(all.len()));
    for words in [0, 15, 30, 45, 60] {
        let cells: Vec<String> = all
            .iter()
            .map(|set| cell(&set.with_lead_words(words), Rule::default()))
            .collect();
        println!("| {words} | {} |", cells.join(" | "));
    }
    println!("\nBands: of the pairs within the window that reach the threshold, the share that share a band; band-sharing pairs within the window per story");
    for set in &all {
        bands(set);
    }
    for set in &all {
        mixed(set);
    }
    cost(&all);
}

/// How well the LSH bands find the pairs the rule accepts, and how many
/// candidates they bring.
fn bands(set: &sets::Set) {
    let sigs: Vec<_> = set
        .stories
        .iter()
        .filter_map(|s| Signature::of(&s.title, &s.lead).map(|g| (g.bands(), g, s.day)))
        .collect();
    let (mut similar, mut found, mut candidates) = (0, 0, 0);
    for (i, (bands_a, a, day_a)) in sigs.iter().enumerate() {
        for (bands_b, b, day_b) in &sigs[i + 1..] {
            let near = match (day_a, day_b) {
                (Some(x), Some(y)) => (x - y).abs() <= WINDOW_DAYS,
                _ => true,
            };
            if !near {
                continue;
            }
            let shared = bands_a.iter().any(|x| bands_b.contains(x));
            candidates += usize::from(shared);
            if a.similarity(b) >= THRESHOLD {
                similar += 1;
                found += usize::from(shared);
            }
        }
    }
    println!(
        "| {} | {found}/{similar} = {:.3} | {:.1} candidates per story |",
        set.name,
        found as f64 / similar.max(1) as f64,
        2.0 * candidates as f64 / sigs.len().max(1) as f64
    );
}

/// The threads that hold more than one event, with their headlines.
fn mixed(set: &sets::Set) {
    let threads = set.threads(Rule::default());
    let mut by_thread: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for (i, t) in threads.iter().enumerate() {
        by_thread.entry(*t).or_default().push(i);
    }
    println!("\nThreads of {} that mix events:", set.name);
    for stories in by_thread.values() {
        let first = &set.stories[stories[0]].event;
        if stories.iter().any(|&i| &set.stories[i].event != first) {
            for &i in stories {
                let s = &set.stories[i];
                println!("  {:>4}  {}", s.event, s.title);
            }
            println!();
        }
    }
}

fn cell(set: &sets::Set, rule: Rule) -> String {
    let s = set.score(rule);
    format!("{:.2} / {:.2} / {:.2}", s.precision, s.recall, s.f1())
}

/// Microseconds per `Signature::of` over the stories of each set, repeated.
fn cost(all: &[sets::Set]) {
    println!("\nSignature::of, µs per story (each set's stories 50 times):");
    for set in all {
        let rounds = 50;
        let start = Instant::now();
        for _ in 0..rounds {
            for s in &set.stories {
                std::hint::black_box(Signature::of(&s.title, &s.lead));
            }
        }
        let per = start.elapsed().as_secs_f64() * 1e6 / (rounds * set.stories.len()) as f64;
        let words: usize = set
            .stories
            .iter()
            .map(|s| s.title.split_whitespace().count() + s.lead.split_whitespace().count())
            .sum();
        println!(
            "| {} | {per:.1} µs | {:.0} words per story |",
            set.name,
            words as f64 / set.stories.len() as f64
        );
    }
}
