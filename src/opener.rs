//! URLs as tidings hands them on: cleaned ([`clean`]) for the browser, the
//! clipboard and terminal hyperlinks, and opened in the browser (http and https
//! only, the URL passed as one argument to the config's `browser` command, else
//! `$BROWSER`, split on white space and never through a shell, else to the
//! platform's opener).

use std::process::{Command, Stdio};

/// True for an `http://` or `https://` URL with no white space or controls.
pub fn is_openable(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && url.len() > "http://".len()
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Characters a cleaned URL keeps as they are: RFC 3986's unreserved and
/// reserved ones, and `%` of the escapes already made.
const KEPT: &[u8] = b"-._~:/?#[]@!$&'()*+,;=%";

/// `url` as tidings hands it on (to the browser, the clipboard, a terminal
/// hyperlink), or `None` when it is not an http or https URL with a host. It is
/// parsed and written out again by the `url` crate (the host in punycode, tabs
/// and line breaks dropped, controls, spaces and non-ASCII percent-encoded),
/// then every byte outside [`KEPT`] and ASCII letters and digits is
/// percent-encoded too: what comes out is printable ASCII without spaces,
/// quotes or backslashes, so nothing in it can end an escape sequence.
pub fn clean(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
        return None;
    }
    let mut out = String::with_capacity(parsed.as_str().len());
    for b in parsed.as_str().bytes() {
        if b.is_ascii_alphanumeric() || KEPT.contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Some(out)
}

/// The argv that opens `url`: the browser command's words, then the URL.
pub fn argv(url: &str, browser: Option<&str>) -> Option<Vec<String>> {
    if !is_openable(url) {
        return None;
    }
    let mut argv: Vec<String> = match browser.map(str::trim).filter(|b| !b.is_empty()) {
        // $BROWSER may list several commands separated by ':'; the first is used.
        Some(b) => b
            .split(':')
            .next()?
            .split_whitespace()
            .map(String::from)
            .collect(),
        None if cfg!(target_os = "macos") => vec!["open".into()],
        None => vec!["xdg-open".into()],
    };
    if argv.is_empty() {
        return None;
    }
    argv.push(url.to_string());
    Some(argv)
}

/// The browser command: the config's `configured` one unless empty, else
/// `$BROWSER` (`env`), else none (the platform's opener).
pub fn browser(configured: &str, env: Option<String>) -> Option<String> {
    Some(configured.trim())
        .filter(|c| !c.is_empty())
        .map(String::from)
        .or(env)
}

/// Starts the browser on `url`, detached from the terminal: the config's
/// `configured` command, else `$BROWSER`, else the platform's opener.
pub fn open(url: &str, configured: &str) -> Result<(), String> {
    let browser = browser(configured, std::env::var("BROWSER").ok());
    let argv = argv(url, browser.as_deref()).ok_or("only http and https links are opened")?;
    Command::new(&argv[0])
        .args(&argv[1..])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map(|_| ())
        .map_err(|e| format!("cannot start {}: {e}", argv[0]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https() {
        assert!(is_openable("https://example.org/a?b=c"));
        assert!(is_openable("HTTP://example.org"));
        for bad in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "ftp://x",
            "https://a b",
            "https://x\n",
            "http://",
        ] {
            assert!(!is_openable(bad), "{bad}");
        }
    }

    #[test]
    fn cleaned_urls_are_printable_ascii_that_nothing_escapes() {
        assert_eq!(
            clean(" https://Example.org/a?b=c#d ").as_deref(),
            Some("https://example.org/a?b=c#d")
        );
        let hostile = "https://exämple.org/\u{1b}]8;;https://evil\u{7}x y\u{9b}\"<é>\\`{|}^\u{202e}?q=\u{1b}\\#\u{0}";
        let c = clean(hostile).unwrap();
        assert!(
            c.starts_with(
                "https://xn--exmple-cua.org/%1B]8;;https://evil%07x%20y%C2%9B%22%3C%C3%A9%3E"
            ),
            "{c}"
        );
        assert!(
            c.bytes()
                .all(|b| b.is_ascii_graphic() && !b"\\\"<>`{|}^".contains(&b)),
            "{c}"
        );
        assert!(is_openable(&c));
        for refused in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "ftp://x/y",
            "https://",
            "not a url",
            "mailto:a@b.example",
        ] {
            assert_eq!(clean(refused), None, "{refused}");
        }
    }

    #[test]
    fn the_configured_browser_wins_over_browser_in_the_environment() {
        let env = || Some("lynx".to_string());
        assert_eq!(
            browser("firefox --new-tab", env()).as_deref(),
            Some("firefox --new-tab")
        );
        assert_eq!(browser("  ", env()).as_deref(), Some("lynx"));
        assert_eq!(browser("", None), None);
        let url = "https://example.org/a;b";
        let v = argv(url, browser("firefox --new-tab", env()).as_deref()).unwrap();
        assert_eq!(v, vec!["firefox", "--new-tab", url]);
    }

    #[test]
    fn hostile_urls_stay_one_argument() {
        let url = "https://example.org/$(touch${IFS}pwned)`id`;rm${IFS}-rf~'\"&|<>";
        let v = argv(url, Some("firefox --new-tab")).unwrap();
        assert_eq!(v, vec!["firefox", "--new-tab", url]);
        assert_eq!(argv(url, None).unwrap().last().unwrap(), url);
        assert_eq!(argv(url, Some("a:b")).unwrap()[0], "a");
    }
}
