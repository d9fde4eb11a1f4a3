//! Pathological pages at the sizes the hostile-input issue names: each parses to
//! sane output (no panic, nothing lost that a reader would look for). Their time
//! and memory as they grow are measured by `examples/pathological.rs`
//! (`bench/pathological.sh`), not here.

use crate::common;

use common::pathological::page;
use tidings::model::Kind;
use tidings::parse::{parse_bytes, DEFAULT_MAX_PAGE_BYTES};

fn parse(case: &str, n: usize) -> Vec<tidings::model::Document> {
    let text = page(case, n);
    let docs = parse_bytes(text.as_bytes(), DEFAULT_MAX_PAGE_BYTES).expect("parses");
    for d in &docs {
        tidings::invariants::check_document(d).unwrap();
    }
    docs
}

#[test]
fn a_ten_megabyte_line_is_one_long_article() {
    let docs = parse("long-line", 10_000_000);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].title, "A Very Long Line Arrives");
    let text: usize = docs[0].sentences().map(|s| s.text.len()).sum();
    assert!(text > 9_000_000, "body kept: {text} bytes");
}

#[test]
fn a_hundred_thousand_citation_markers_are_all_read() {
    let docs = parse("citations", 100_000);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].kind, Kind::Story);
    // Markers name sources 1-9,999; a sentence cites each source once.
    let cited: Vec<u32> = docs[0]
        .sentences()
        .flat_map(|s| s.citations.clone())
        .collect();
    assert_eq!(cited.len(), 9_999);
    assert!(
        docs[0].sentences().all(|s| !s.text.contains('[')),
        "markers left in text"
    );
    assert_eq!(docs[0].sources.len(), 2);
}

#[test]
fn runs_of_a_million_brackets_stay_text() {
    let docs = parse("brackets", 1_000_000);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].title, "Brackets Everywhere Today");
}

#[test]
fn a_million_blank_lines_are_a_gap() {
    let docs = parse("blank-lines", 1_000_000);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].title, "Gaps Between Every Line");
    assert!(docs[0]
        .sentences()
        .any(|s| s.text.contains("The body arrives at last")));
}

#[test]
fn a_hundred_thousand_events_are_all_dated() {
    let docs = parse("timeline", 100_000);
    assert_eq!(docs[0].timeline.len(), 100_000);
    assert!(docs[0].timeline.iter().all(|e| e.date.year.is_some()));
}

#[test]
fn a_gigabyte_file_is_refused_before_it_is_read() {
    let f = tempfile::NamedTempFile::new().unwrap();
    f.as_file().set_len(1 << 30).unwrap(); // sparse: no disk used
    let out = common::run(&["parse", f.path().to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(f.path().to_str().unwrap()),
        "names the file: {err}"
    );
    assert!(
        err.contains("limit is 67108864 bytes") && err.contains("--max-page-bytes"),
        "{err}"
    );
}

#[test]
fn a_gigabyte_on_standard_input_is_cut_off_at_the_limit() {
    use std::io::Write;
    use std::process::Stdio;
    let store = tempfile::tempdir().unwrap();
    let mut child = common::bin()
        .args(["import", "--max-page-bytes", "1048576", "-"])
        .arg("--data-dir")
        .arg(store.path())
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let chunk = vec![b'a'; 1 << 20];
    let mut written = 0usize;
    // The reader stops after the limit; the pipe then breaks long before 1 GiB.
    while written < 1 << 30 {
        if stdin.write_all(&chunk).is_err() {
            break;
        }
        written += chunk.len();
    }
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(written < 1 << 30, "read the whole gigabyte");
    assert!(err.contains("limit is 1048576 bytes"), "{err}");
}
