//! One HTTP(S) GET with the limits a reader needs against any server: a deadline for
//! the whole exchange (a stalled or endless body ends with it), a cap on the body,
//! conditional headers from the last fetch, and errors said in one line. TLS trusts
//! Mozilla's roots, or the PEM bundle `SSL_CERT_FILE` names (a company's own CA).

use std::time::Duration;

use ureq::http::header;
use ureq::tls::{parse_pem, Certificate, PemItem, RootCerts, TlsConfig};

use crate::store::Validators;

/// Limits of every fetch.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The whole exchange, from connecting to the last body byte.
    pub timeout: Duration,
    /// Largest body read; a larger one is cut off and refused.
    pub max_bytes: u64,
}

/// What a server answered.
#[derive(Debug)]
pub enum Fetched {
    /// 304: the version we have is current.
    NotModified,
    /// 200: a body and the validators that came with it.
    Body {
        bytes: Vec<u8>,
        validators: Validators,
    },
    /// Another status (`HTTP 503 Service Unavailable`), and how many seconds
    /// its `Retry-After` asks to wait, when it says.
    Refused {
        reason: String,
        retry_after: Option<u64>,
    },
}

/// `Retry-After` as seconds from `now`: a number of seconds, or an HTTP date.
pub fn retry_after(value: &str, now: chrono::DateTime<chrono::Utc>) -> Option<u64> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(secs);
    }
    let at = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    u64::try_from((at.with_timezone(&chrono::Utc) - now).num_seconds()).ok()
}

/// An HTTP client with the limits set once.
pub struct Client {
    agent: ureq::Agent,
    limits: Limits,
}

/// What a refresh asks for: the feed formats first, then JSON (Kagi News, JSON
/// Feed served plainly), then XML, then anything.
const ACCEPT: &str = "application/rss+xml, application/atom+xml, application/feed+json, \
     application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8";

/// The environment variable naming a PEM bundle of trusted roots, as OpenSSL reads it.
pub const CERT_FILE_VAR: &str = "SSL_CERT_FILE";

/// The roots to trust: those of `SSL_CERT_FILE` when it is set, else Mozilla's.
fn root_certs() -> Result<RootCerts, String> {
    let Some(path) = std::env::var_os(CERT_FILE_VAR).filter(|p| !p.is_empty()) else {
        return Ok(RootCerts::WebPki);
    };
    let shown = crate::import::display(std::path::Path::new(&path));
    let pem = std::fs::read(&path).map_err(|e| format!("{CERT_FILE_VAR}={shown}: {e}"))?;
    let certs: Vec<Certificate<'static>> = parse_pem(&pem)
        .filter_map(|item| match item {
            Ok(PemItem::Certificate(c)) => Some(c),
            _ => None,
        })
        .collect();
    if certs.is_empty() {
        return Err(format!(
            "{CERT_FILE_VAR}={shown}: no PEM certificates in it"
        ));
    }
    Ok(RootCerts::new_with_certs(&certs))
}

impl Client {
    /// A client with these limits; fails only on an unusable `SSL_CERT_FILE`.
    pub fn new(limits: Limits) -> Result<Self, String> {
        let tls = TlsConfig::builder().root_certs(root_certs()?).build();
        let agent = ureq::Agent::config_builder()
            .tls_config(tls)
            .timeout_global(Some(limits.timeout))
            .timeout_connect(Some(limits.timeout.min(Duration::from_secs(10))))
            .http_status_as_error(false)
            .max_redirects(5)
            .user_agent(concat!(
                "tidings/",
                env!("CARGO_PKG_VERSION"),
                " (terminal news reader)"
            ))
            .build()
            .into();
        Ok(Client { agent, limits })
    }

    /// GETs `url`, conditionally when `known` holds validators.
    pub fn get(&self, url: &str, known: &Validators) -> Result<Fetched, String> {
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err("only http:// and https:// URLs are fetched".into());
        }
        let mut req = self.agent.get(url).header(header::ACCEPT, ACCEPT);
        if let Some(etag) = &known.etag {
            req = req.header(header::IF_NONE_MATCH, etag);
        }
        if let Some(lm) = &known.last_modified {
            req = req.header(header::IF_MODIFIED_SINCE, lm);
        }
        let mut resp = req.call().map_err(|e| self.describe(e))?;
        let status = resp.status();
        if status == 304 {
            return Ok(Fetched::NotModified);
        }
        let header_text = |name| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        if !status.is_success() {
            let reason = status.canonical_reason().unwrap_or("");
            return Ok(Fetched::Refused {
                reason: format!("HTTP {} {reason}", status.as_u16())
                    .trim_end()
                    .to_string(),
                retry_after: header_text(header::RETRY_AFTER)
                    .and_then(|v| retry_after(&v, chrono::Utc::now())),
            });
        }
        let validators = Validators {
            etag: header_text(header::ETAG),
            last_modified: header_text(header::LAST_MODIFIED),
        };
        if let Some(len) = header_text(header::CONTENT_LENGTH).and_then(|l| l.parse::<u64>().ok()) {
            if len > self.limits.max_bytes {
                return Err(too_large(len, self.limits.max_bytes));
            }
        }
        let bytes = resp
            .body_mut()
            .with_config()
            .limit(self.limits.max_bytes)
            .read_to_vec()
            .map_err(|e| self.describe(e))?;
        Ok(Fetched::Body { bytes, validators })
    }

    fn describe(&self, e: ureq::Error) -> String {
        match e {
            ureq::Error::Timeout(_) => format!(
                "no complete answer within {} s; cut off",
                self.limits.timeout.as_secs_f32()
            ),
            ureq::Error::BodyExceedsLimit(_) => format!(
                "the response is larger than {}; cut off",
                human_bytes(self.limits.max_bytes)
            ),
            ureq::Error::Io(io) => match io
                .get_ref()
                .and_then(|e| e.downcast_ref::<rustls::Error>())
            {
                Some(rustls::Error::InvalidCertificate(why)) => format!(
                    "the server's TLS certificate is not trusted ({why:?}); a private CA's certificate goes in {CERT_FILE_VAR}"
                ),
                _ => format!("connection failed: {io}"),
            },
            ureq::Error::HostNotFound => "host not found".into(),
            ureq::Error::TooManyRedirects => "too many redirects".into(),
            // A protocol error may quote what the server sent.
            other => crate::text::sanitize::for_terminal_owned(other.to_string()),
        }
    }
}

fn too_large(len: u64, limit: u64) -> String {
    format!(
        "the response is {} (over the {} limit); not read",
        human_bytes(len),
        human_bytes(limit)
    )
}

/// `16 MiB`, `512 KiB`, `300 B`.
pub fn human_bytes(n: u64) -> String {
    const KIB: u64 = 1024;
    match n {
        n if n >= KIB * KIB * KIB => format!("{:.1} GiB", n as f64 / (KIB * KIB * KIB) as f64),
        n if n >= KIB * KIB => format!("{} MiB", n / (KIB * KIB)),
        n if n >= KIB => format!("{} KiB", n / KIB),
        n => format!("{n} B"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_or_an_http_date() {
        let now = chrono::DateTime::parse_from_rfc3339("2025-11-06T08:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        assert_eq!(retry_after(" 120 ", now), Some(120));
        assert_eq!(retry_after("Thu, 06 Nov 2025 08:10:00 GMT", now), Some(600));
        assert_eq!(
            retry_after("Thu, 06 Nov 2025 07:00:00 GMT", now),
            None,
            "past"
        );
        assert_eq!(retry_after("soon", now), None);
    }
}
