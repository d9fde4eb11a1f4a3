//! `tidings parse` as a script would use it: bad input is named with its reason and
//! a non-zero exit, good files in the same run still print, nothing panics.

use crate::common;

use std::io::Write;

fn temp_page(bytes: &[u8]) -> tempfile::NamedTempFile {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(bytes).unwrap();
    f
}

fn stderr_of(args: &[&str]) -> (bool, String) {
    let out = common::run(args);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "{err}");
    (out.status.success(), err)
}

#[test]
fn empty_file_is_named_with_its_reason() {
    let f = temp_page(b"");
    let path = f.path().to_str().unwrap();
    let (ok, err) = stderr_of(&["parse", path]);
    assert!(!ok);
    assert!(err.contains(path) && err.contains("empty page"), "{err}");
}

#[test]
fn binary_data_is_refused() {
    let f = temp_page(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    let (ok, err) = stderr_of(&["parse", f.path().to_str().unwrap()]);
    assert!(!ok);
    assert!(err.contains("binary data"), "{err}");
}

#[test]
fn invalid_utf8_says_where() {
    let f = temp_page(b"Title line\nsecond \xc3\x28 line\n");
    let (ok, err) = stderr_of(&["parse", f.path().to_str().unwrap()]);
    assert!(!ok);
    assert!(err.contains("invalid UTF-8 at line 2, column 8"), "{err}");
}

#[test]
fn a_100_mb_page_is_refused_before_it_is_read() {
    let f = tempfile::NamedTempFile::new().unwrap();
    f.as_file().set_len(100 * 1024 * 1024).unwrap();
    let (ok, err) = stderr_of(&["parse", f.path().to_str().unwrap()]);
    assert!(!ok);
    assert!(
        err.contains("page too large") && err.contains("--max-page-bytes"),
        "{err}"
    );
}

#[test]
fn limit_is_configurable() {
    let f = temp_page(b"A short title\nSome body text that is long enough to count here.\n");
    let (ok, err) = stderr_of(&[
        "parse",
        "--max-page-bytes",
        "10",
        f.path().to_str().unwrap(),
    ]);
    assert!(!ok && err.contains("limit is 10 bytes"), "{err}");
}

#[test]
fn missing_file_and_good_file_in_one_run() {
    let good = temp_page(b"A short title\nSome body text that is long enough to count here.\n");
    let out = common::run(&[
        "parse",
        "--json",
        "/nonexistent/page.txt",
        good.path().to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent/page.txt: no such file"), "{err}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["title"], "A short title");
}

#[test]
fn unstructured_page_is_an_article_not_an_error() {
    let f =
        temp_page(b"lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.\n");
    let out = common::run(&["parse", "--json", f.path().to_str().unwrap()]);
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["kind"], "article");
    assert!(!doc["sections"].as_array().unwrap().is_empty());
}

#[test]
fn stdin_is_read_with_a_dash() {
    let mut child = common::bin()
        .args(["parse", "--json", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            b"Story From Stdin\nUpdated (1 articles)\nHeading Words Here The body goes on [1].\n",
        )
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["kind"], "story");
    assert_eq!(doc["sections"][0]["heading"], "Heading Words Here");
}

#[test]
fn escape_sequences_never_survive_into_output() {
    let page = "Evil \x1b]0;pwned\x07Title\x1b[2J\nUpdated (1 articles)\nHeading \u{202e}Words Here The body\u{9b}31m goes \x1b]52;c;ZXZpbA==\x07on [1].\nSources (1 articles)\n[1]\nOut\x1blet: Title: Summary of the item here.\n";
    let f = temp_page(page.as_bytes());
    let name = f.path().to_str().unwrap();
    for args in [vec!["parse", "--json", name], vec!["parse", name]] {
        let out = common::run(&args);
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(!common::has_control(&text.replace('\n', "")), "{text:?}");
        assert!(
            text.contains("Evil Title") || text.contains("EvilTitle"),
            "{text}"
        );
    }
}
