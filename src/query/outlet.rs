//! The names a source's outlet is known by, as `outlet:` and `cites:` look them
//! up: its name folded (`yonhap news agency`), its host without `www.`
//! (`en.yna.co.kr`), and the shorter domains under that host that still name
//! the site (`yna.co.kr`), so `outlet:Yonhap`, `cites:yna.co.kr` and
//! `cites:reuters.com` all find it.

use crate::model::Source;
use crate::text::fold::fold;

/// Second-level labels that name a registry, not a site (`co` in `bbc.co.uk`).
const REGISTRY_LABELS: &[&str] = &[
    "ac", "co", "com", "edu", "gob", "go", "gouv", "gov", "govt", "ne", "net", "or", "org",
];

/// Every key of `source`: its folded outlet name, its host and the domains under
/// it down to the site's own (never a bare suffix such as `co.uk`).
pub fn keys(source: &Source) -> Vec<String> {
    let mut keys: Vec<String> = name(source).into_iter().collect();
    for domain in domains(source) {
        if !keys.contains(&domain) {
            keys.push(domain);
        }
    }
    keys
}

/// The outlet of each source, as a story counts its outlets: its name; an
/// unnamed source is the named one at its site (`Reuters` at reuters.com and an
/// unnamed www.reuters.com page are one), else its site; none when it has
/// neither. Names win over sites: several outlets may share one host (an
/// aggregator's links).
pub fn ids(sources: &[Source]) -> Vec<Option<String>> {
    let known: Vec<(Option<String>, Vec<String>)> =
        sources.iter().map(|s| (name(s), domains(s))).collect();
    let mut named_at: std::collections::BTreeMap<&str, &str> = Default::default();
    for (name, domains) in &known {
        if let (Some(name), Some(site)) = (name, domains.last()) {
            named_at.entry(site).or_insert(name);
        }
    }
    known
        .iter()
        .map(|(name, domains)| {
            let site = domains.last().map(String::as_str);
            name.as_deref()
                .or_else(|| site.and_then(|s| named_at.get(s).copied()))
                .or(site)
                .map(str::to_string)
        })
        .collect()
}

/// The outlet's name, folded, when it has one.
pub fn name(source: &Source) -> Option<String> {
    let name = fold(source.outlet.as_deref()?);
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// The host of the source's URL and the domains under it down to the site's
/// own (the last), when it has an http(s) URL.
pub fn domains(source: &Source) -> Vec<String> {
    let Some(host) = source.url.as_deref().and_then(host) else {
        return Vec::new();
    };
    let labels: Vec<&str> = host.split('.').collect();
    let mut domains = Vec::new();
    for start in 0..labels.len().saturating_sub(1) {
        let rest = &labels[start..];
        let is_suffix = rest.len() == 2 && REGISTRY_LABELS.contains(&rest[0]);
        if is_suffix {
            break;
        }
        domains.push(rest.join("."));
    }
    domains
}

/// What a person typed after `outlet:` or `cites:` as a key: folded, without a
/// scheme, `www.` or a path, so a pasted URL names its site.
pub fn wanted(typed: &str) -> String {
    let folded = fold(typed.trim());
    match host(&folded) {
        Some(h) if folded.contains("://") => h,
        _ => {
            let bare = folded.strip_prefix("www.").unwrap_or(&folded);
            bare.trim_end_matches('/').to_string()
        }
    }
}

/// True when `key` (one of [`keys`]) answers `wanted`: the same, a name that
/// starts with the wanted words (`yonhap` finds `yonhap news agency`), or a
/// domain that starts with the wanted label (`bbc` finds `bbc.co.uk`). The
/// store's SQL asks the same as three ranges of keys.
pub fn key_matches(key: &str, wanted: &str) -> bool {
    key == wanted
        || key
            .strip_prefix(wanted)
            .is_some_and(|rest| rest.starts_with(' ') || rest.starts_with('.'))
}

/// The host of an http(s) URL, lowercase, without `www.`.
pub fn host(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    let host = parsed.host_str()?.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty() && host.contains('.')).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(outlet: Option<&str>, url: Option<&str>) -> Source {
        Source {
            n: 1,
            outlet: outlet.map(String::from),
            title: "t".into(),
            summary: None,
            url: url.map(String::from),
        }
    }

    #[test]
    fn a_source_is_known_by_its_name_its_host_and_its_site() {
        assert_eq!(
            keys(&source(
                Some("Yonhap News Agency"),
                Some("https://en.yna.co.kr/view/AEN2025")
            )),
            ["yonhap news agency", "en.yna.co.kr", "yna.co.kr"]
        );
        assert_eq!(
            keys(&source(None, Some("https://www.reuters.com/world/x"))),
            ["reuters.com"]
        );
        assert_eq!(
            keys(&source(Some("  "), Some("not a url"))),
            Vec::<String>::new()
        );
    }

    #[test]
    fn what_is_typed_names_a_key() {
        assert_eq!(wanted("Yonhap"), "yonhap");
        assert_eq!(wanted("https://www.Reuters.com/world"), "reuters.com");
        assert_eq!(wanted("www.bbc.co.uk/"), "bbc.co.uk");
        assert!(key_matches("yonhap news agency", "yonhap"));
        assert!(key_matches("reuters.com", "reuters.com"));
        assert!(key_matches("reuters.com", "reuters"));
        assert!(!key_matches("reutersx.com", "reuters"));
        assert!(!key_matches("yonhapnews", "yonhap"));
    }
}
