//! Opening a URL in the browser: http and https only, the URL passed as one
//! argument to `$BROWSER` (split on white space, never through a shell) or the
//! platform's opener.

use std::process::{Command, Stdio};

/// True for an `http://` or `https://` URL with no white space or controls.
pub fn is_openable(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && url.len() > "http://".len()
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
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

/// Starts the browser on `url`, detached from the terminal.
pub fn open(url: &str) -> Result<(), String> {
    let browser = std::env::var("BROWSER").ok();
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
    fn hostile_urls_stay_one_argument() {
        let url = "https://example.org/$(touch${IFS}pwned)`id`;rm${IFS}-rf~'\"&|<>";
        let v = argv(url, Some("firefox --new-tab")).unwrap();
        assert_eq!(v, vec!["firefox", "--new-tab", url]);
        assert_eq!(argv(url, None).unwrap().last().unwrap(), url);
        assert_eq!(argv(url, Some("a:b")).unwrap()[0], "a");
    }
}
