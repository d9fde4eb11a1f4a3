//! The canonical form of a link: what is left of it once everything that
//! names the same page differently is folded away. Scheme and host are
//! lower-cased and `http` is read as `https`; `www.`, `m.`, `mobile.` and
//! `amp.` host prefixes, default ports, credentials and the fragment go; so do
//! tracking query parameters (`utm_*`, `fbclid`, …, after the lists URL
//! cleaners keep) and the marks of an AMP page (an `amp` path segment, `.amp`,
//! `?amp=1`, `outputType=amp`, Google's AMP cache); the other parameters are
//! sorted and a trailing slash dropped. Rules and examples: docs/threads.md.

use url::Url;

/// The canonical form of an http(s) link; `None` for anything else (another
/// scheme, no host, not a URL).
pub fn canonical(link: &str) -> Option<String> {
    let url = Url::parse(link.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    if let Some(inner) = amp_cache_target(&url) {
        return canonical(&inner);
    }
    let host = fold_host(url.host_str()?);
    if host.is_empty() {
        return None;
    }
    let port = match url.port() {
        Some(80 | 443) | None => String::new(),
        Some(p) => format!(":{p}"),
    };
    let path = fold_path(url.path());
    let query = fold_query(url.query().unwrap_or(""));
    let query = if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    };
    Some(format!("https://{host}{port}{path}{query}"))
}

/// The page a Google AMP cache URL serves
/// (`https://host-example.cdn.ampproject.org/c/s/host.example/path`): `/c/s/`
/// (and the viewer's `/v/s/`) is an https page, `/c/` and `/v/` an http one.
fn amp_cache_target(url: &Url) -> Option<String> {
    if !url.host_str()?.ends_with(".cdn.ampproject.org") {
        return None;
    }
    let path = url.path();
    let rest = path
        .strip_prefix("/c/")
        .or_else(|| path.strip_prefix("/v/"))?;
    let (scheme, rest) = match rest.strip_prefix("s/") {
        Some(rest) => ("https", rest),
        None => ("http", rest),
    };
    let query = url.query().map(|q| format!("?{q}")).unwrap_or_default();
    Some(format!("{scheme}://{rest}{query}"))
}

/// Host prefixes that name the same site: the desktop, mobile and AMP editions.
const HOST_PREFIXES: &[&str] = &["www.", "m.", "mobile.", "amp."];

/// The host without its edition prefixes (as long as a domain with a dot is
/// left: `m.example` stays) and without a trailing dot.
fn fold_host(host: &str) -> String {
    let mut host = host.trim_end_matches('.').to_ascii_lowercase();
    while let Some(rest) = HOST_PREFIXES
        .iter()
        .find_map(|p| host.strip_prefix(p))
        .filter(|rest| rest.contains('.'))
    {
        host = rest.to_string();
    }
    host
}

/// The path without AMP marks (an `amp` segment, a last segment's `.amp` or
/// `.amp.html`) and without a trailing slash; the root stays `/`.
fn fold_path(path: &str) -> String {
    let segments: Vec<&str> = path
        .split('/')
        .filter(|s| !s.is_empty() && !s.eq_ignore_ascii_case("amp"))
        .collect();
    let mut out = String::new();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        let segment = match last {
            true => strip_amp_suffix(segment),
            false => segment.to_string(),
        };
        out.push('/');
        out.push_str(&segment);
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

fn strip_amp_suffix(segment: &str) -> String {
    let lower = segment.to_ascii_lowercase();
    if lower.ends_with(".amp.html") {
        format!("{}.html", &segment[..segment.len() - ".amp.html".len()])
    } else if lower.ends_with(".amp") && segment.len() > ".amp".len() {
        segment[..segment.len() - ".amp".len()].to_string()
    } else {
        segment.to_string()
    }
}

/// The query's parameters, as written, without tracking and AMP ones, sorted.
fn fold_query(query: &str) -> String {
    let mut kept: Vec<&str> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .filter(|pair| {
            let Some((key, value)) = url::form_urlencoded::parse(pair.as_bytes()).next() else {
                return false;
            };
            let (key, value) = (key.to_ascii_lowercase(), value.to_ascii_lowercase());
            !is_tracking(&key, &value) && !is_amp(&key, &value)
        })
        .collect();
    kept.sort_unstable();
    kept.dedup();
    kept.join("&")
}

/// Parameters that only say who sent the reader, never which page: Google
/// Analytics (`utm_*`, `_ga`, `_gl`), the ad networks' click ids, mail
/// campaigns (Mailchimp, HubSpot, Marketo), the news sites' own campaign tags
/// (`cmpid`, `ocid`, `smid`, `CMP`, AT Internet's `at_*` and `xtor`, comScore's
/// `ns_*`), and the referrer tags of social sites.
const TRACKING: &[&str] = &[
    "fbclid",
    "gclid",
    "gclsrc",
    "dclid",
    "gbraid",
    "wbraid",
    "msclkid",
    "yclid",
    "twclid",
    "ttclid",
    "igshid",
    "mibextid",
    "srsltid",
    "mc_cid",
    "mc_eid",
    "_ga",
    "_gl",
    "_hsenc",
    "_hsmi",
    "__hssc",
    "__hstc",
    "__hsfp",
    "hsctatracking",
    "mkt_tok",
    "oly_anon_id",
    "oly_enc_id",
    "_openstat",
    "cmpid",
    "cmp",
    "ocid",
    "smid",
    "smtyp",
    "s_cid",
    "s_kwcid",
    "xtor",
    "icid",
    "wt.mc_id",
    "wt_mc_id",
    "ref_src",
    "ref_url",
    "guccounter",
    "guce_referrer",
    "guce_referrer_sig",
    "__twitter_impression",
    "soc_src",
    "soc_trk",
    "rss",
];

/// Prefixes of families of tracking parameters.
const TRACKING_PREFIXES: &[&str] = &["utm_", "itm_", "ns_", "fb_", "at_", "pk_", "mtm_"];

/// Values of `ref` that name a referrer (a feed, a social site, a mailing),
/// not a page or a version (`?ref=main` on a code host stays).
const REFERRERS: &[&str] = &[
    "rss",
    "feed",
    "feeds",
    "atom",
    "feedly",
    "inoreader",
    "newsletter",
    "email",
    "mail",
    "twitter",
    "tw",
    "x",
    "facebook",
    "fb",
    "linkedin",
    "reddit",
    "hn",
    "hackernews",
    "share",
    "social",
    "homepage",
    "home",
    "frontpage",
    "app",
];

fn is_tracking(key: &str, value: &str) -> bool {
    TRACKING.contains(&key)
        || TRACKING_PREFIXES.iter().any(|p| key.starts_with(p))
        || (key == "ref" && is_referrer(value))
}

/// A `ref` value that names a referrer: one of [`REFERRERS`], or one that
/// starts with one and goes on after a separator (`rss-feed`, `tw_share`).
fn is_referrer(value: &str) -> bool {
    REFERRERS.iter().any(|r| {
        value == *r
            || value
                .strip_prefix(r)
                .is_some_and(|rest| rest.starts_with(['-', '_', '.', ' ']))
    })
}

/// The parameters that ask for a page's AMP edition, or that the AMP cache's
/// viewer adds (`amp_js_v`, `usqp`).
fn is_amp(key: &str, value: &str) -> bool {
    (key == "amp" && matches!(value, "" | "1" | "true" | "yes"))
        || (key == "outputtype" && value == "amp")
        || key.starts_with("amp_")
        || key == "usqp"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_that_name_the_same_page_fold_to_one() {
        let cases = [
            // Scheme, host case, default ports, fragments, credentials.
            ("https://example.com/a", "https://example.com/a"),
            ("HTTP://Example.COM/a", "https://example.com/a"),
            ("http://example.com:80/a", "https://example.com/a"),
            ("https://example.com:443/a", "https://example.com/a"),
            ("https://example.com:8080/a", "https://example.com:8080/a"),
            ("https://example.com/a#comments", "https://example.com/a"),
            ("https://user:pw@example.com/a", "https://example.com/a"),
            ("https://example.com./a", "https://example.com/a"),
            ("  https://example.com/a  ", "https://example.com/a"),
            // Trailing slashes; the root stays.
            ("https://example.com/a/", "https://example.com/a"),
            ("https://example.com/a//", "https://example.com/a"),
            ("https://example.com", "https://example.com/"),
            ("https://example.com/", "https://example.com/"),
            // Edition prefixes of the host.
            ("https://www.example.com/a", "https://example.com/a"),
            ("https://m.example.com/a", "https://example.com/a"),
            ("https://mobile.example.com/a", "https://example.com/a"),
            ("https://amp.example.com/a", "https://example.com/a"),
            ("https://www.m.example.com/a", "https://example.com/a"),
            ("https://m.example/a", "https://m.example/a"),
            ("https://news.example.com/a", "https://news.example.com/a"),
            // Tracking parameters.
            (
                "https://example.com/a?utm_source=rss&utm_medium=feed&utm_campaign=x",
                "https://example.com/a",
            ),
            ("https://example.com/a?UTM_Source=rss", "https://example.com/a"),
            (
                "https://example.com/a?fbclid=IwAR0&gclid=1&dclid=2&msclkid=3",
                "https://example.com/a",
            ),
            (
                "https://example.com/a?mc_cid=1&mc_eid=2&igshid=3&_ga=4",
                "https://example.com/a",
            ),
            (
                "https://example.com/a?cmpid=rss&ocid=msn&smid=tw-share&s_cid=x",
                "https://example.com/a",
            ),
            (
                "https://example.com/a?at_medium=RSS&at_campaign=KARANGA",
                "https://example.com/a",
            ),
            ("https://example.com/a?CMP=twt_gu", "https://example.com/a"),
            ("https://example.com/a?xtor=RSS-1", "https://example.com/a"),
            (
                "https://example.com/a?ns_mchannel=rss&ns_source=PublicRSS20-sa",
                "https://example.com/a",
            ),
            (
                "https://example.com/a?ref_src=twsrc%5Etfw",
                "https://example.com/a",
            ),
            ("https://example.com/a?ref=rss", "https://example.com/a"),
            ("https://example.com/a?ref=hn", "https://example.com/a"),
            ("https://example.com/a?ref=twitter-share", "https://example.com/a"),
            // Meaningful parameters stay, sorted.
            (
                "https://example.com/a?id=123&utm_source=rss",
                "https://example.com/a?id=123",
            ),
            (
                "https://example.com/watch?v=abc&feature=x&utm_medium=s",
                "https://example.com/watch?feature=x&v=abc",
            ),
            ("https://example.com/?p=42", "https://example.com/?p=42"),
            (
                "https://example.com/a?b=2&a=1",
                "https://example.com/a?a=1&b=2",
            ),
            ("https://example.com/a?", "https://example.com/a"),
            ("https://example.com/a?&&", "https://example.com/a"),
            (
                "https://code.example/repo?ref=main",
                "https://code.example/repo?ref=main",
            ),
            // AMP editions.
            ("https://example.com/amp/news/a", "https://example.com/news/a"),
            ("https://example.com/news/a/amp", "https://example.com/news/a"),
            ("https://example.com/news/a/amp/", "https://example.com/news/a"),
            ("https://example.com/news/a.amp", "https://example.com/news/a"),
            (
                "https://example.com/news/a.amp.html",
                "https://example.com/news/a.html",
            ),
            ("https://example.com/news/a?amp=1", "https://example.com/news/a"),
            ("https://example.com/news/a?amp", "https://example.com/news/a"),
            (
                "https://example.com/news/a?outputType=amp",
                "https://example.com/news/a",
            ),
            (
                "https://example-com.cdn.ampproject.org/c/s/example.com/news/a",
                "https://example.com/news/a",
            ),
            (
                "https://www-example-com.cdn.ampproject.org/c/s/www.example.com/news/a/amp/?utm_source=x",
                "https://example.com/news/a",
            ),
            (
                "https://example-com.cdn.ampproject.org/v/example.com/news/a?amp_js_v=0.1",
                "https://example.com/news/a",
            ),
            // International hosts are kept in their ASCII form.
            ("https://Bücher.example/a", "https://xn--bcher-kva.example/a"),
        ];
        for (input, want) in cases {
            assert_eq!(canonical(input).as_deref(), Some(want), "{input}");
        }
    }

    #[test]
    fn links_to_different_pages_stay_apart() {
        let apart = [
            ("https://example.com/a", "https://example.com/b"),
            ("https://example.com/a", "https://other.example/a"),
            ("https://example.com/a", "https://news.example.com/a"),
            ("https://example.com/a", "https://example.com/a/b"),
            ("https://example.com/?id=123", "https://example.com/?id=124"),
            ("https://example.com/?p=42", "https://example.com/"),
            (
                "https://example.com/watch?v=1",
                "https://example.com/watch?v=2",
            ),
            ("https://example.com/a", "https://example.com:8080/a"),
            ("https://example.com/a?page=2", "https://example.com/a"),
            ("https://example.com/amplifier", "https://example.com/"),
            ("https://example.com/a.ampx", "https://example.com/a"),
            ("https://example.com/a?amp=0", "https://example.com/a"),
            ("https://example.com/Story", "https://example.com/story"),
            ("https://example.com/a?ref=main", "https://example.com/a"),
        ];
        for (a, b) in apart {
            let (ca, cb) = (canonical(a), canonical(b));
            assert!(ca.is_some() && cb.is_some(), "{a} {b}");
            assert_ne!(ca, cb, "{a} and {b} must stay apart");
        }
    }

    #[test]
    fn only_web_links_have_a_canonical_form() {
        for link in [
            "",
            "not a url",
            "/relative/path",
            "mailto:desk@example.com",
            "ftp://example.com/a",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "urn:isbn:0451450523",
            "http://",
        ] {
            assert_eq!(canonical(link), None, "{link:?}");
        }
    }

    #[test]
    fn the_canonical_form_is_its_own_canonical_form() {
        for link in [
            "HTTP://WWW.Example.com:80/amp/a/?b=2&a=1&utm_source=x#f",
            "https://example-com.cdn.ampproject.org/c/s/example.com/a.amp.html",
            "https://example.com/?p=42",
        ] {
            let once = canonical(link).unwrap();
            assert_eq!(canonical(&once).as_deref(), Some(once.as_str()), "{link}");
        }
    }
}
