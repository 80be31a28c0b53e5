//! One shared HTTP client: rustls, timeouts, a size cap on bodies, typed errors.

use std::time::Duration;

use reqwest::{RequestBuilder, Response, StatusCode};
use serde::de::DeserializeOwned;
use url::Url;

use super::error::ApiError;

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
            .redirect(reqwest::redirect::Policy::limited(5))
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
    pub async fn send(&self, request: RequestBuilder) -> Result<(String, Vec<u8>), ApiError> {
        let request =
            request.build().map_err(|e| ApiError::Connection { host: String::new(), detail: e.to_string() })?;
        let url = request.url().clone();
        let host = host_of(&url);
        let path = url.path().to_owned();
        let response = self.http.execute(request).await.map_err(|e| classify(&host, &e))?;
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
