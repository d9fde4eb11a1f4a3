//! A real HTTP/1.1 server on 127.0.0.1 for the refresh tests: each route answers
//! with a fixed body (optionally with validators, honouring conditional requests),
//! an error status, or a hostile behaviour (stalling, trickling, endless bodies).
//! Every request is logged so tests can count what a refresh cost.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How a route answers.
#[derive(Clone)]
pub enum Route {
    /// 200 with this body and content type; 304 when the request's `If-None-Match`
    /// equals `etag` or its `If-Modified-Since` equals `last_modified`.
    Body {
        body: Vec<u8>,
        content_type: &'static str,
        etag: Option<String>,
        last_modified: Option<String>,
    },
    /// This status with a short text body.
    Status(u16),
    /// 503 with `Retry-After` saying this.
    RetryAfter(&'static str),
    /// Waits this long before sending anything, then a feed with no items.
    Stall(Duration),
    /// Headers at once, then one byte every interval, forever.
    Trickle(Duration),
    /// Declares a body of this many bytes, then sends zeros as fast as it can.
    Huge(u64),
    /// A chunked body that never ends.
    Endless,
    /// 200 with a body sent as it is, declared `Content-Encoding: gzip`.
    Gzip(Vec<u8>),
}

impl Route {
    pub fn body(body: impl Into<Vec<u8>>, content_type: &'static str) -> Route {
        Route::Body {
            body: body.into(),
            content_type,
            etag: None,
            last_modified: None,
        }
    }

    pub fn with_etag(body: impl Into<Vec<u8>>, content_type: &'static str, etag: &str) -> Route {
        Route::Body {
            body: body.into(),
            content_type,
            etag: Some(etag.to_string()),
            last_modified: None,
        }
    }

    pub fn with_last_modified(
        body: impl Into<Vec<u8>>,
        content_type: &'static str,
        lm: &str,
    ) -> Route {
        Route::Body {
            body: body.into(),
            content_type,
            etag: None,
            last_modified: Some(lm.to_string()),
        }
    }
}

/// One request as the server saw it: path and headers (names lower-cased).
#[derive(Debug, Clone)]
pub struct Seen {
    pub path: String,
    pub headers: HashMap<String, String>,
}

/// A running server; it lives until the test process ends.
pub struct Server {
    pub base: String,
    routes: Arc<Mutex<HashMap<String, Route>>>,
    log: Arc<Mutex<Vec<Seen>>>,
}

impl Server {
    pub fn start(routes: Vec<(&str, Route)>) -> Server {
        Server::start_with_latency(routes, Duration::ZERO)
    }

    /// A server that waits `latency` before answering each request, as a distant
    /// one would.
    pub fn start_with_latency(routes: Vec<(&str, Route)>, latency: Duration) -> Server {
        Server::listen(routes, latency, None)
    }

    /// An HTTPS server with a certificate for 127.0.0.1 and localhost, signed by a
    /// CA made for it; returns the server and that CA's certificate as PEM.
    pub fn start_tls(routes: Vec<(&str, Route)>) -> (Server, String) {
        let ca_key = rcgen::KeyPair::generate().unwrap();
        let mut ca = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        ca.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        ca.distinguished_name
            .push(rcgen::DnType::CommonName, "tidings test CA");
        let ca_cert = ca.self_signed(&ca_key).unwrap();
        let issuer = rcgen::Issuer::from_params(&ca, &ca_key);
        let leaf_key = rcgen::KeyPair::generate().unwrap();
        let leaf =
            rcgen::CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".to_string()])
                .unwrap()
                .signed_by(&leaf_key, &issuer)
                .unwrap();
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(
                vec![leaf.der().clone()],
                rustls::pki_types::PrivateKeyDer::Pkcs8(leaf_key.serialize_der().into()),
            )
            .unwrap();
        let server = Server::listen(routes, Duration::ZERO, Some(Arc::new(config)));
        (server, ca_cert.pem())
    }

    fn listen(
        routes: Vec<(&str, Route)>,
        latency: Duration,
        tls: Option<Arc<rustls::ServerConfig>>,
    ) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let scheme = if tls.is_some() { "https" } else { "http" };
        let base = format!("{scheme}://{}", listener.local_addr().unwrap());
        let routes: HashMap<String, Route> = routes
            .into_iter()
            .map(|(p, r)| (p.to_string(), r))
            .collect();
        let routes = Arc::new(Mutex::new(routes));
        let log = Arc::new(Mutex::new(Vec::new()));
        let (r, l) = (routes.clone(), log.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (r, l, tls) = (r.clone(), l.clone(), tls.clone());
                std::thread::spawn(move || {
                    std::thread::sleep(latency);
                    let _ = match tls {
                        Some(config) => rustls::ServerConnection::new(config)
                            .map_err(std::io::Error::other)
                            .and_then(|conn| serve(rustls::StreamOwned::new(conn, stream), &r, &l)),
                        None => serve(stream, &r, &l),
                    };
                });
            }
        });
        Server { base, routes, log }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Replaces what a route answers.
    pub fn set(&self, path: &str, route: Route) {
        self.routes.lock().unwrap().insert(path.to_string(), route);
    }

    /// How many requests were seen (and not yet taken).
    pub fn seen(&self) -> usize {
        self.log.lock().unwrap().len()
    }

    /// The requests seen so far, and forgets them.
    pub fn take_log(&self) -> Vec<Seen> {
        std::mem::take(&mut *self.log.lock().unwrap())
    }
}

/// Reads the request head (up to the blank line), byte by byte so that nothing
/// after it is consumed.
fn read_head(stream: &mut impl Read) -> std::io::Result<String> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && head.len() < 64 * 1024 {
        if stream.read(&mut byte)? == 0 {
            break;
        }
        head.push(byte[0]);
    }
    Ok(String::from_utf8_lossy(&head).into_owned())
}

fn serve(
    mut out: impl Read + Write,
    routes: &Mutex<HashMap<String, Route>>,
    log: &Mutex<Vec<Seen>>,
) -> std::io::Result<()> {
    let head = read_head(&mut out)?;
    let mut lines = head.split("\r\n");
    let path = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap_or("/")
        .to_string();
    let mut headers = HashMap::new();
    for h in lines.take_while(|l| !l.is_empty()) {
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    log.lock().unwrap().push(Seen {
        path: path.clone(),
        headers: headers.clone(),
    });
    let route = routes.lock().unwrap().get(&path).cloned();
    match route {
        None => respond(&mut out, 404, "text/plain", &[], b"not found"),
        Some(Route::Status(code)) => respond(&mut out, code, "text/plain", &[], b"error"),
        Some(Route::RetryAfter(when)) => respond(
            &mut out,
            503,
            "text/plain",
            &[("Retry-After", when.to_string())],
            b"busy",
        ),
        Some(Route::Body {
            body,
            content_type,
            etag,
            last_modified,
        }) => {
            let fresh = etag.is_some() && headers.get("if-none-match") == etag.as_ref()
                || last_modified.is_some()
                    && headers.get("if-modified-since") == last_modified.as_ref();
            let mut extra = Vec::new();
            if let Some(e) = &etag {
                extra.push(("ETag", e.clone()));
            }
            if let Some(lm) = &last_modified {
                extra.push(("Last-Modified", lm.clone()));
            }
            if fresh {
                respond(&mut out, 304, content_type, &extra, b"")
            } else {
                respond(&mut out, 200, content_type, &extra, &body)
            }
        }
        Some(Route::Stall(d)) => {
            std::thread::sleep(d);
            let empty = b"<rss version=\"2.0\"><channel><title>Slow</title></channel></rss>";
            respond(&mut out, 200, "application/rss+xml", &[], empty)
        }
        Some(Route::Trickle(every)) => {
            out.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nConnection: close\r\n\r\n<rss version=\"2.0\"><channel><title>")?;
            loop {
                out.write_all(b"a")?;
                out.flush()?;
                std::thread::sleep(every);
            }
        }
        Some(Route::Huge(len)) => {
            write!(
                out,
                "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: {len}\r\nConnection: close\r\n\r\n"
            )?;
            let chunk = vec![b' '; 64 * 1024];
            let mut sent = 0;
            while sent < len {
                out.write_all(&chunk)?;
                sent += chunk.len() as u64;
            }
            Ok(())
        }
        Some(Route::Gzip(body)) => {
            let extra = [("Content-Encoding", "gzip".to_string())];
            respond(&mut out, 200, "application/rss+xml", &extra, &body)
        }
        Some(Route::Endless) => {
            out.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")?;
            let chunk = vec![b' '; 64 * 1024];
            loop {
                write!(out, "{:x}\r\n", chunk.len())?;
                out.write_all(&chunk)?;
                out.write_all(b"\r\n")?;
            }
        }
    }
}

fn respond(
    out: &mut impl Write,
    code: u16,
    content_type: &str,
    extra: &[(&str, String)],
    body: &[u8],
) -> std::io::Result<()> {
    let reason = match code {
        200 => "OK",
        304 => "Not Modified",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Status",
    };
    let mut head = format!(
        "HTTP/1.1 {code} {reason}\r\nConnection: close\r\nContent-Type: {content_type}\r\n"
    );
    for (k, v) in extra {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if code != 304 {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())?;
    out.write_all(body)?;
    out.flush()
}
