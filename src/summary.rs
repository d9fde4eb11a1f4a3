//! A short human-readable summary of a parsed document, as `tidings parse` prints
//! without `--json`. Every string passes through [`crate::sanitize`].

use std::fmt::Write;

use crate::model::Document;
use crate::text::sanitize::for_terminal;

/// A few lines: kind and title, the counts, then each section heading.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    let claims = doc.sentences().filter(|s| !s.citations.is_empty()).count();
    let _ = writeln!(out, "{}: {}", doc.kind.as_str(), for_terminal(&doc.title));
    let mut counts = Vec::new();
    if let Some(n) = doc.article_count {
        counts.push(plural(n as usize, "article"));
    }
    counts.push(plural(doc.sections.len(), "section"));
    counts.push(plural(claims, "cited claim"));
    counts.push(plural(doc.sources.len(), "source"));
    counts.push(plural(doc.timeline.len(), "timeline event"));
    if !doc.images.is_empty() {
        counts.push(plural(doc.images.len(), "image"));
    }
    if !doc.related.is_empty() {
        counts.push(plural(doc.related.len(), "related card"));
    }
    let _ = writeln!(out, "  {}", counts.join(" · "));
    for s in &doc.sections {
        if let Some(h) = &s.heading {
            let _ = writeln!(out, "  ▸ {}", for_terminal(h));
        }
    }
    if let Some(d) = doc.latest_date() {
        let _ = writeln!(out, "  latest: {}", for_terminal(&d.shown(None)));
    }
    out
}

/// `1 story`, `3 stories`.
pub fn stories(n: usize) -> String {
    if n == 1 {
        "1 story".into()
    } else {
        format!("{n} stories")
    }
}

/// `n` with a comma between each group of three digits: 19,412.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `1 source`, `3 sources`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
