//! Threading in memory, the way the store threads at import: each new story
//! joins the thread of its most similar earlier story among those sharing an LSH
//! band, when the rule holds; and the pairwise precision and recall of threads
//! against the true events (for the tests and `examples/thread_eval.rs`).

use std::collections::HashMap;
use std::hash::Hash;

use super::{Signature, THRESHOLD, WINDOW_DAYS};

/// When two stories report the same event: the tuned constants by default.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub threshold: f32,
    pub window_days: i64,
}

impl Default for Rule {
    fn default() -> Self {
        Rule {
            threshold: THRESHOLD,
            window_days: WINDOW_DAYS,
        }
    }
}

impl Rule {
    /// True when `b` is near enough to `a` in time and text (an undated story
    /// is judged by its text alone).
    pub fn holds(&self, a: (&Signature, Option<i64>), b: (&Signature, Option<i64>)) -> bool {
        let near = match (a.1, b.1) {
            (Some(x), Some(y)) => (x - y).abs() <= self.window_days,
            _ => true,
        };
        near && a.0.similarity(b.0) >= self.threshold
    }
}

/// Stories threaded so far, with the band index that finds candidates.
#[derive(Debug, Default)]
pub struct Threader {
    rule: Rule,
    stories: Vec<(Signature, Option<i64>, usize)>,
    by_band: HashMap<u64, Vec<usize>>,
    threads: usize,
}

impl Threader {
    pub fn new(rule: Rule) -> Self {
        Threader {
            rule,
            ..Threader::default()
        }
    }

    /// Threads one more story (its signature, if it has one, and its day) and
    /// returns its thread: a new one unless a candidate passes the rule.
    pub fn add(&mut self, sig: Option<Signature>, day: Option<i64>) -> usize {
        let Some(sig) = sig else {
            return self.new_thread();
        };
        let bands = sig.bands();
        let mut best: Option<(f32, usize)> = None;
        let mut seen = Vec::new();
        for i in bands.iter().filter_map(|b| self.by_band.get(b)).flatten() {
            if seen.contains(i) {
                continue;
            }
            seen.push(*i);
            let (other, other_day, thread) = &self.stories[*i];
            if self.rule.holds((&sig, day), (other, *other_day)) {
                let s = sig.similarity(other);
                if best.is_none_or(|(b, _)| s > b) {
                    best = Some((s, *thread));
                }
            }
        }
        let thread = match best {
            Some((_, t)) => t,
            None => self.new_thread(),
        };
        for b in bands {
            self.by_band.entry(b).or_default().push(self.stories.len());
        }
        self.stories.push((sig, day, thread));
        thread
    }

    fn new_thread(&mut self) -> usize {
        self.threads += 1;
        self.threads - 1
    }
}

/// Pairwise agreement of threads with the truth.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    /// Of the pairs threaded together, the share that report one event (1 when
    /// none are).
    pub precision: f64,
    /// Of the pairs that report one event, the share threaded together (1 when
    /// there are none).
    pub recall: f64,
}

impl Score {
    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let sum = self.precision + self.recall;
        if sum == 0.0 {
            0.0
        } else {
            2.0 * self.precision * self.recall / sum
        }
    }
}

/// Scores `threads` (one per story) against `truth` (each story's event).
pub fn pairwise<E: Eq + Hash>(truth: &[E], threads: &[usize]) -> Score {
    fn pairs<K: Eq + Hash>(keys: impl Iterator<Item = K>) -> u64 {
        let mut counts: HashMap<K, u64> = HashMap::new();
        for k in keys {
            *counts.entry(k).or_default() += 1;
        }
        counts.values().map(|n| n * (n - 1) / 2).sum()
    }
    let both = pairs(truth.iter().zip(threads));
    let ratio = |n: u64| if n == 0 { 1.0 } else { both as f64 / n as f64 };
    Score {
        precision: ratio(pairs(threads.iter())),
        recall: ratio(pairs(truth.iter())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(title: &str) -> Option<Signature> {
        Signature::of(title, "")
    }

    #[test]
    fn a_story_joins_the_thread_of_a_near_story_in_the_window() {
        let mut t = Threader::new(Rule::default());
        let a = t.add(
            sig("Dock workers strike at Kestrel Bay port over pay"),
            Some(1),
        );
        let b = t.add(
            sig("Kestrel Bay port dock workers strike over pay"),
            Some(2),
        );
        let c = t.add(
            sig("Orchestra opens the winter season with Mahler"),
            Some(2),
        );
        let d = t.add(
            sig("Dock workers strike at Kestrel Bay port over pay"),
            Some(30),
        );
        let e = t.add(None, Some(2));
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_ne!(a, d);
        assert_eq!(
            [c, d, e].len(),
            [c, d, e]
                .iter()
                .collect::<std::collections::HashSet<_>>()
                .len()
        );
    }

    #[test]
    fn pairwise_counts_pairs() {
        // Truth {0,1,2} {3}; threads {0,1} {2,3}: one of two predicted pairs
        // is right, one of three true pairs is found.
        let s = pairwise(&["a", "a", "a", "b"], &[0, 0, 1, 1]);
        assert_eq!(s.precision, 0.5);
        assert!((s.recall - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(pairwise(&["a", "b"], &[0, 1]).precision, 1.0);
    }
}
