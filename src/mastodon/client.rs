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

/// Makes ring the process's rustls crypto provider (reqwest is built without one of its own);
/// any HTTP client built after this uses it. Idempotent.
pub fn install_crypto_provider() {
    // Err only when a provider is installed already, which is what we want.
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// Cheap to clone; every clone shares one connection pool.
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
}

impl Client {
    pub fn new(timeouts: Timeouts) -> Self {
        install_crypto_provider();
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
        let mut request = request.build().map_err(|e| ApiError::Connection {
            host: String::new(),
            detail: crate::sanitize::clean(&e.to_string()),
        })?;
        let url = request.url().clone();
        let host = host_of(&url);
        let path = url.path().to_owned();
        let carries_secrets = request.method() != reqwest::Method::GET;
        let mut hops = 0;
        let response = loop {
            let next = request.try_clone();
            let response = self.http.execute(request).await.map_err(|e| classify(&host, &path, &e))?;
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
        let reset = header(&response, "x-ratelimit-reset").map(|r| crate::sanitize::clean(&r));
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
        let detail =
            if looks_like_html { crate::tr!("detail-web-page") } else { crate::sanitize::clean(&e.to_string()) };
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
    while let Some(chunk) = response.chunk().await.map_err(|e| classify(host, path, &e))? {
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
fn classify(host: &str, path: &str, error: &reqwest::Error) -> ApiError {
    let host = host.to_owned();
    if error.is_timeout() {
        return ApiError::Timeout { host };
    }
    // The texts of the causes, without reqwest's own "error sending request for url (...)": the
    // URL must not take part in the matching below (a host named `tls.example` is no TLS error).
    let mut chain = Vec::new();
    let mut signs = Signs::default();
    let mut source = std::error::Error::source(error);
    while let Some(e) = source {
        let mut next = e.source();
        // hyper could not read the answer as HTTP: the server did answer, with something else.
        if let Some(http) = e.downcast_ref::<hyper::Error>() {
            signs.not_http |= http.is_parse() || http.is_parse_status() || http.is_parse_too_large();
        }
        if let Some(io) = e.downcast_ref::<std::io::Error>() {
            match io.kind() {
                std::io::ErrorKind::ConnectionRefused => return ApiError::Refused { host },
                std::io::ErrorKind::TimedOut => return ApiError::Timeout { host },
                // While connecting, unreadable data can only come from the TLS handshake: rustls
                // reports "received corrupt message" when a plain-HTTP server answers.
                std::io::ErrorKind::InvalidData if error.is_connect() => signs.tls_data = true,
                // A body that is not HTTP's framing (a broken chunk size line); reqwest calls
                // a failure while reading the body a decode error.
                std::io::ErrorKind::InvalidData | std::io::ErrorKind::InvalidInput
                    if error.is_body() || error.is_decode() =>
                {
                    signs.not_http = true;
                }
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
    if chain.is_empty() {
        chain.push(error.to_string());
    }
    from_causes(host, path, chain, signs)
}

/// What the source chain of a failure showed, beside its texts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Signs {
    /// Unreadable data during the TLS handshake.
    tls_data: bool,
    /// An answer that is not HTTP (hyper could not parse it).
    not_http: bool,
}

/// The error for a failure whose causes said `chain`. Their texts can quote the server (a
/// certificate's names, which anyone can fill with escape sequences, are in rustls' message), so
/// they are sanitized before anything reads them.
fn from_causes(host: String, path: &str, chain: Vec<String>, signs: Signs) -> ApiError {
    let mut chain: Vec<String> = chain.iter().map(|c| crate::sanitize::clean(c)).collect();
    chain.dedup();
    let last = chain.last().cloned().unwrap_or_default();
    let text = chain.join(": ").to_lowercase();
    if signs.not_http {
        ApiError::Malformed { path: path.to_owned(), detail: format!("not an HTTP answer: {last}") }
    } else if text.contains("dns error")
        || text.contains("failed to lookup")
        || text.contains("name or service not known")
    {
        ApiError::Dns { host }
    } else if signs.tls_data || text.contains("certificate") || text.contains("tls") || text.contains("handshake") {
        ApiError::Tls { host, detail: last }
    } else if text.contains("connection refused") {
        ApiError::Refused { host }
    } else {
        ApiError::Connection { host, detail: last }
    }
}

#[cfg(test)]
mod tests;
