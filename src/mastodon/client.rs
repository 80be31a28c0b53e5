//! One shared HTTP client: rustls, timeouts, a size cap on bodies, typed errors.

use std::time::Duration;

use reqwest::{RequestBuilder, Response, StatusCode};
use serde::de::DeserializeOwned;
use url::Url;

use super::error::{ApiError, RedirectKind};

/// Bodies larger than this are refused: no Mastodon answer we read comes near it.
pub const BODY_LIMIT: usize = 1024 * 1024;

pub const USER_AGENT: &str =
    concat!("mastokey/", env!("CARGO_PKG_VERSION"), " (+https://github.com/mastokey/mastokey)");

/// Timeouts, adjustable so tests can run fast.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    pub connect: Duration,
    pub total: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self { connect: Duration::from_secs(10), total: Duration::from_secs(30) }
    }
}

/// Cheap to clone; every clone shares one connection pool.
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
}

impl Client {
    pub fn new(timeouts: Timeouts) -> Self {
        let http = reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .connect_timeout(timeouts.connect)
            .timeout(timeouts.total)
            // Redirects are followed by `send` itself, where it can see what the request carries.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_default();
        Self { http }
    }

    pub fn get(&self, url: Url) -> RequestBuilder {
        self.http.get(url)
    }

    pub fn post(&self, url: Url) -> RequestBuilder {
        self.http.post(url)
    }

    /// Send, check the status, and decode the JSON body (size-capped).
    pub async fn json<T: DeserializeOwned>(&self, request: RequestBuilder) -> Result<T, ApiError> {
        let (path, body) = self.send(request).await?;
        decode(&path, &body)
    }

    /// Send and return the path and the raw body of a 2xx answer; errors typed.
    ///
    /// A request with a body (app registration, token exchange, revocation: all of them carry
    /// secrets) follows no redirect at all, so its form is never sent anywhere but where mastokey
    /// sent it. Other requests follow up to [`MAX_REDIRECTS`] redirects on the same origin
    /// (scheme, host and port), which also rules out a step down from https to http.
    pub async fn send(&self, request: RequestBuilder) -> Result<(String, Vec<u8>), ApiError> {
        let mut request =
            request.build().map_err(|e| ApiError::Connection { host: String::new(), detail: e.to_string() })?;
        let url = request.url().clone();
        let host = host_of(&url);
        let path = url.path().to_owned();
        let carries_secrets = request.method() != reqwest::Method::GET;
        let mut hops = 0;
        let response = loop {
            let next = request.try_clone();
            let response = self.http.execute(request).await.map_err(|e| classify(&host, &e))?;
            let Some(target) = redirect_target(&response) else { break response };
            let refusal = |to: &Url, kind| ApiError::Redirected { path: path.clone(), location: shown(to), kind };
            if carries_secrets {
                return Err(refusal(&target, RedirectKind::CarriesSecrets));
            }
            if target.origin() != url.origin() {
                return Err(refusal(&target, RedirectKind::OtherOrigin));
            }
            hops += 1;
            let Some(mut next) = next.filter(|_| hops <= MAX_REDIRECTS) else {
                return Err(refusal(&target, RedirectKind::TooMany));
            };
            *next.url_mut() = target;
            request = next;
        };
        let status = response.status();
        let reset = header(&response, "x-ratelimit-reset");
        let body = read_capped(response, &host, &path).await?;
        if status == StatusCode::TOO_MANY_REQUESTS {
            return Err(ApiError::RateLimited { reset });
        }
        if !status.is_success() {
            let (error, description) = error_fields(&body);
            return Err(ApiError::Status { status: status.as_u16(), path, error, description });
        }
        Ok((path, body))
    }
}

/// Same-origin redirects a GET may follow before mastokey gives up on the server.
pub const MAX_REDIRECTS: usize = 5;

/// Where a redirect answer points, resolved against the URL it answered. Only the statuses that
/// redirect (not 304, which has no `Location`).
fn redirect_target(response: &Response) -> Option<Url> {
    if !matches!(response.status().as_u16(), 301 | 302 | 303 | 307 | 308) {
        return None;
    }
    let location = response.headers().get(reqwest::header::LOCATION)?.to_str().ok()?;
    response.url().join(location).ok()
}

/// A redirect target as a message may show it: the origin and path, sanitized and cut short
/// (the query is left out: it is the server's text, not something a person needs to read).
fn shown(url: &Url) -> String {
    let mut text = format!("{}{}", url.origin().ascii_serialization(), url.path());
    if text.chars().count() > 120 {
        text = text.chars().take(119).chain(['…']).collect();
    }
    crate::sanitize::clean(&text)
}

fn header(response: &Response, name: &str) -> Option<String> {
    response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned)
}

pub fn decode<T: DeserializeOwned>(path: &str, body: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|e| {
        let looks_like_html = body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<');
        let detail = if looks_like_html { "a web page instead of JSON".to_owned() } else { e.to_string() };
        ApiError::Malformed { path: path.to_owned(), detail }
    })
}

fn host_of(url: &Url) -> String {
    match (url.host_str(), url.port()) {
        (Some(h), Some(p)) => format!("{h}:{p}"),
        (Some(h), None) => h.to_owned(),
        _ => url.to_string(),
    }
}

async fn read_capped(mut response: Response, host: &str, path: &str) -> Result<Vec<u8>, ApiError> {
    if response.content_length().is_some_and(|n| n as usize > BODY_LIMIT) {
        return Err(ApiError::TooLarge { path: path.to_owned(), limit: BODY_LIMIT });
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| classify(host, &e))? {
        if body.len() + chunk.len() > BODY_LIMIT {
            return Err(ApiError::TooLarge { path: path.to_owned(), limit: BODY_LIMIT });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// `{"error": "...", "error_description": "..."}` when the body has them (some servers send
/// HTML or nothing on errors).
fn error_fields(body: &[u8]) -> (Option<String>, Option<String>) {
    #[derive(serde::Deserialize)]
    struct Fields {
        error: Option<serde_json::Value>,
        error_description: Option<String>,
    }
    match serde_json::from_slice::<Fields>(body) {
        Ok(f) => {
            let error = f.error.map(|v| match v {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            });
            (error.map(|e| crate::sanitize::clean(&e)), f.error_description.map(|d| crate::sanitize::clean(&d)))
        }
        Err(_) => (None, None),
    }
}

/// Map a transport failure to what a person can act on. reqwest does not expose the kinds
/// directly, so look through the error's source chain.
fn classify(host: &str, error: &reqwest::Error) -> ApiError {
    let host = host.to_owned();
    if error.is_timeout() {
        return ApiError::Timeout { host };
    }
    // The texts of the causes, without reqwest's own "error sending request for url (...)": the
    // URL must not take part in the matching below (a host named `tls.example` is no TLS error).
    let mut chain = Vec::new();
    let mut tls_data_error = false;
    let mut source = std::error::Error::source(error);
    while let Some(e) = source {
        let mut next = e.source();
        if let Some(io) = e.downcast_ref::<std::io::Error>() {
            match io.kind() {
                std::io::ErrorKind::ConnectionRefused => return ApiError::Refused { host },
                std::io::ErrorKind::TimedOut => return ApiError::Timeout { host },
                // While connecting, unreadable data can only come from the TLS handshake: rustls
                // reports "received corrupt message" when a plain-HTTP server answers.
                std::io::ErrorKind::InvalidData if error.is_connect() => tls_data_error = true,
                _ => {}
            }
            // `io::Error::source` skips the error it wraps; rustls' own error sits in there.
            if let Some(inner) = io.get_ref() {
                next = Some(inner);
            }
        }
        chain.push(e.to_string());
        source = next;
    }
    chain.dedup();
    let text = chain.join(": ").to_lowercase();
    if text.contains("dns error") || text.contains("failed to lookup") || text.contains("name or service not known") {
        ApiError::Dns { host }
    } else if tls_data_error || text.contains("certificate") || text.contains("tls") || text.contains("handshake") {
        let detail = chain.last().cloned().unwrap_or_default();
        ApiError::Tls { host, detail }
    } else if text.contains("connection refused") {
        ApiError::Refused { host }
    } else {
        let detail = chain.last().cloned().unwrap_or_else(|| error.to_string());
        ApiError::Connection { host, detail }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpListener;

    use super::*;

    type Answer = Arc<dyn Fn(&str) -> String + Send + Sync>;

    /// A server on 127.0.0.1 that answers every request with `answer(path)` and keeps each
    /// request as it arrived (head and body), so a test can see what reached it.
    async fn server(answer: Answer) -> (u16, Arc<Mutex<Vec<String>>>) {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = seen.clone();
        tokio::spawn(async move {
            while let Ok((mut stream, _)) = listener.accept().await {
                let request = read_request(&mut stream).await;
                let path = request.split(' ').nth(1).unwrap_or("/").to_owned();
                log.lock().unwrap().push(request);
                let _ = stream.write_all(answer(&path).as_bytes()).await;
            }
        });
        (port, seen)
    }

    /// The head, then as much body as its Content-Length says.
    async fn read_request(stream: &mut tokio::net::TcpStream) -> String {
        let (mut raw, mut buf) = (Vec::new(), [0u8; 4096]);
        while let Ok(n @ 1..) = stream.read(&mut buf).await {
            raw.extend_from_slice(&buf[..n]);
            let text = String::from_utf8_lossy(&raw).into_owned();
            let Some(end) = text.find("\r\n\r\n") else { continue };
            let length = text
                .lines()
                .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|n| n.trim().to_owned()))
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or(0);
            if raw.len() >= end + 4 + length {
                break;
            }
        }
        String::from_utf8_lossy(&raw).into_owned()
    }

    fn redirect(status: &str, location: &str) -> String {
        format!("HTTP/1.1 {status}\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    }

    fn ok_json(body: &str) -> String {
        let length = body.len();
        format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n{body}"
        )
    }

    fn client() -> Client {
        Client::new(Timeouts { connect: Duration::from_secs(2), total: Duration::from_secs(5) })
    }

    fn url(port: u16, path: &str) -> Url {
        Url::parse(&format!("http://127.0.0.1:{port}{path}")).unwrap()
    }

    #[tokio::test]
    async fn a_form_carrying_secrets_follows_no_redirect_anywhere() {
        let (thief, stolen) = server(Arc::new(|_| ok_json("{}"))).await;
        for status in ["307 Temporary Redirect", "308 Permanent Redirect", "302 Found", "303 See Other"] {
            for location in [format!("http://127.0.0.1:{thief}/collect"), "/oauth/token-elsewhere".to_owned()] {
                let answer = redirect(status, &location);
                let (port, seen) = server(Arc::new(move |_| answer.clone())).await;
                let form = [("client_secret", "s3cr3t-client-secret"), ("code", "the-code-1234")];
                let error = client().send(client().post(url(port, "/oauth/token")).form(&form)).await.unwrap_err();
                let ApiError::Redirected { path, location: shown, kind } = &error else { panic!("{error:?}") };
                assert_eq!((path.as_str(), *kind), ("/oauth/token", RedirectKind::CarriesSecrets), "{status}");
                assert_eq!(shown, url(port, "/").join(&location).unwrap().as_str(), "names where it was sent");
                assert!(error.to_string().contains("redirect to http://127.0.0.1:"), "{error}");
                assert_eq!(seen.lock().unwrap().len(), 1, "only the first request was sent ({status} {location})");
            }
        }
        assert!(stolen.lock().unwrap().is_empty(), "nothing reached the other server");
    }

    #[tokio::test]
    async fn a_get_follows_same_origin_redirects_only() {
        let (other, reached) = server(Arc::new(|_| ok_json(r#"{"id":"evil"}"#))).await;
        let (port, seen) = server(Arc::new(move |path| match path {
            "/start" => redirect("302 Found", "/middle"),
            "/middle" => redirect("301 Moved Permanently", "/end"),
            "/end" => ok_json(r#"{"ok":true}"#),
            "/away" => redirect("302 Found", &format!("http://127.0.0.1:{other}/account")),
            "/secure-away" => redirect("302 Found", "https://127.0.0.1/account"),
            _ => redirect("302 Found", "/loop"),
        }))
        .await;
        let c = client();
        let (path, body) = c.send(c.get(url(port, "/start")).bearer_auth("tok")).await.unwrap();
        assert_eq!((path.as_str(), body.as_slice()), ("/start", br#"{"ok":true}"#.as_slice()));
        let followed = seen.lock().unwrap().clone();
        assert_eq!(followed.len(), 3);
        assert!(followed.iter().all(|r| r.contains("authorization: Bearer tok")), "same origin keeps the header");

        for start in ["/away", "/secure-away"] {
            let error = c.send(c.get(url(port, start)).bearer_auth("tok")).await.unwrap_err();
            assert!(
                matches!(&error, ApiError::Redirected { kind: RedirectKind::OtherOrigin, .. }),
                "{start}: {error:?}"
            );
        }
        assert!(reached.lock().unwrap().is_empty(), "the token never went to the other origin");

        let error = c.send(c.get(url(port, "/loop"))).await.unwrap_err();
        assert!(matches!(error, ApiError::Redirected { kind: RedirectKind::TooMany, .. }), "{error:?}");
        assert!(!error.is_network(), "the server did answer");
    }

    #[test]
    fn https_to_http_is_another_origin() {
        let secure = Url::parse("https://example.social/api/v1/instance").unwrap();
        let plain = Url::parse("http://example.social/api/v1/instance").unwrap();
        assert_ne!(secure.origin(), plain.origin());
    }

    #[test]
    fn redirect_targets_are_shown_sanitized_and_short() {
        let url = Url::parse(&format!("https://evil.example/{}?secret=1", "a".repeat(300))).unwrap();
        let text = shown(&url);
        assert!(text.starts_with("https://evil.example/aaa") && text.ends_with('…') && !text.contains("secret"));
        assert!(text.chars().count() <= 120);
    }
}
