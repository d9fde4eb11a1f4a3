//! Pathological pages, made to measure: each case grows linearly with `n`. Shared
//! by `tests/parsing/pathological.rs` (does each finish, with sane output) and
//! `examples/pathological.rs` (time and memory as `n` grows).

/// The cases and what `n` counts in each, with the size the issue asks for.
pub const CASES: &[(&str, &str, usize)] = &[
    ("long-line", "bytes on one line", 10_000_000),
    ("citations", "citation markers in one paragraph", 100_000),
    ("brackets", "'[' characters in runs", 1_000_000),
    ("blank-lines", "blank lines", 1_000_000),
    ("timeline", "timeline events", 100_000),
];

/// The page of `case` at size `n`.
pub fn page(case: &str, n: usize) -> String {
    match case {
        "long-line" => long_line(n),
        "citations" => citations(n),
        "brackets" => brackets(n),
        "blank-lines" => blank_lines(n),
        "timeline" => timeline(n),
        _ => {
            panic!("unknown case {case}; known: long-line citations brackets blank-lines timeline")
        }
    }
}

/// An article whose body is one line of `n` bytes: words, with a full stop
/// every twelve words, never a line break.
fn long_line(n: usize) -> String {
    let mut s = String::from("A Very Long Line Arrives\n");
    let words = [
        "council", "river", "Bridge", "said", "the", "of", "plan", "2025",
    ];
    let mut i = 0;
    let body_start = s.len();
    while s.len() - body_start < n {
        s.push_str(words[i % words.len()]);
        s.push_str(if i % 12 == 11 { ". " } else { " " });
        i += 1;
    }
    s.push('\n');
    s
}

/// A story whose one section holds a sentence cited by `n` markers, naming
/// sources 1 to 9,999 over and over (two of which are listed).
fn citations(n: usize) -> String {
    let mut s = String::from(
        "Markers Without End Test the Parser\nUpdated (2 articles)\nEndless Citations Keep Coming The claim is made once and cited many times.",
    );
    s.push(' ');
    for i in 0..n {
        s.push_str(&format!("[{}]", i % 9999 + 1));
    }
    s.push_str("\nSources (2 articles)\n[1]\nDesk: One: The first.\n[2]\nWire: Two: The second.\n");
    s
}

/// An article whose body is one line of `[` runs (1,000 long), some closing into
/// markers.
fn brackets(n: usize) -> String {
    let mut s = String::from("Brackets Everywhere Today\nThe text starts plainly here.\n");
    let mut left = n;
    while left > 0 {
        let run = left.min(1000);
        s.push_str(&"[".repeat(run));
        s.push_str("1] and [[2]] then [[[ . ");
        left -= run;
    }
    s.push('\n');
    s
}

/// A title, `n` blank lines, then a body.
fn blank_lines(n: usize) -> String {
    let mut s = String::from("Gaps Between Every Line\n");
    s.push_str(&"\n".repeat(n));
    s.push_str("The body arrives at last, after a long gap.\nIt has two lines.\n");
    s
}

/// A story with `n` dated events.
fn timeline(n: usize) -> String {
    let mut s = String::from(
        "A Story With a Very Long History\nUpdated (1 articles)\nHistory Keeps Growing Events pile up year after year. [1]\nSources (1 articles)\n[1]\nArchive: History: Every event.\nTimeline\n",
    );
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    for i in 0..n {
        s.push_str(&format!(
            "{} {}, {} – Event number {i} takes place. [1]\n",
            months[i % 12],
            i % 28 + 1,
            1900 + (i / 336) % 200
        ));
    }
    s
}
