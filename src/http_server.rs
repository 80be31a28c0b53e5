//! A minimal, strict HTTP/1.1 request reader and response writer (one request per connection),
//! shared by the demo server and the loopback OAuth callback listener.
//!
//! Small on purpose: owning every byte is what lets the demo server inject precise faults and the
//! loopback listener cope with half-open browsers. Nothing here panics on input.

use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

/// How much a client may send, and for how long, before we give up on it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub max_head: usize,
    pub max_body: usize,
    /// For the whole request: a client that connects and never sends must not hold a task forever.
    pub read_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self { max_head: 16 * 1024, max_body: 64 * 1024, read_timeout: Duration::from_secs(30) }
    }
}

/// One parsed request. Header names are kept as sent; look them up with [`Request::header`].
#[derive(Debug, Clone)]
pub(crate) struct Request {
    pub method: String,
    /// The path without the query string, still percent-encoded (as routed).
    pub path: String,
    /// The raw query string, without the `?` (empty when there is none).
    pub query: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    /// First header of that name, compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The query string decoded into pairs, in order.
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        url::form_urlencoded::parse(self.query.as_bytes()).into_owned().collect()
    }

    /// The media type of the body, lower case, without parameters (`application/json`).
    pub fn media_type(&self) -> String {
        let ct = self.header("content-type").unwrap_or("");
        ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase()
    }

    /// The token of an `Authorization: Bearer T` header.
    pub fn bearer_token(&self) -> Option<&str> {
        let value = self.header("authorization")?.trim();
        let (scheme, token) = value.split_once(' ')?;
        let token = token.trim();
        (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
    }

    /// The (user, password) of an `Authorization: Basic` header. RFC 6749 §2.3.1 has clients
    /// form-encode both parts before base64, so they are form-decoded here.
    pub fn basic_auth(&self) -> Option<(String, String)> {
        use base64::Engine;
        let value = self.header("authorization")?.trim();
        let (scheme, encoded) = value.split_once(' ')?;
        if !scheme.eq_ignore_ascii_case("basic") {
            return None;
        }
        let decoded = base64::engine::general_purpose::STANDARD.decode(encoded.trim()).ok()?;
        let text = String::from_utf8(decoded).ok()?;
        let (user, pass) = text.split_once(':')?;
        let unescape = |s: &str| -> String {
            url::form_urlencoded::parse(format!("x={s}").as_bytes())
                .next()
                .map(|(_, v)| v.into_owned())
                .unwrap_or_default()
        };
        Some((unescape(user), unescape(pass)))
    }
}

/// Why no request could be read. Some kinds deserve an answer before closing.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// The peer closed (or reset) before sending a whole request: nothing to answer.
    Closed,
    TimedOut,
    HeadTooLarge,
    BodyTooLarge,
    Malformed(&'static str),
    Unsupported(&'static str),
}

impl ReadError {
    /// The response owed to the client, if it is still listening.
    pub fn response(&self) -> Option<Response> {
        let (status, message) = match self {
            ReadError::Closed => return None,
            ReadError::TimedOut => (408, "Request timeout"),
            ReadError::HeadTooLarge => (431, "Request header fields too large"),
            ReadError::BodyTooLarge => (413, "Request body too large"),
            ReadError::Malformed(what) => (400, *what),
            ReadError::Unsupported(what) => (501, *what),
        };
        Some(Response::json(status, &serde_json::json!({ "error": message })))
    }
}

/// Reads one request, answering `Expect: 100-continue` on the way, within `limits`.
pub(crate) async fn read_request<S>(stream: &mut S, limits: &Limits) -> Result<Request, ReadError>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    match tokio::time::timeout(limits.read_timeout, read_inner(stream, limits)).await {
        Ok(result) => result,
        Err(_) => Err(ReadError::TimedOut),
    }
}

async fn read_inner<S>(stream: &mut S, limits: &Limits) -> Result<Request, ReadError>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let mut conn = Buffered { stream, buf: Vec::with_capacity(2048), start: 0 };
    let (head_len, body_start) = loop {
        // A request line starts with a method in capitals; anything else (a TLS ClientHello
        // sent to this plain-HTTP port, say) is refused at once instead of waiting for a head
        // that will never come.
        if conn.buf.first().is_some_and(|b| !b.is_ascii_uppercase()) {
            return Err(ReadError::Malformed("Not an HTTP request"));
        }
        if let Some(found) = head_end(&conn.buf) {
            break found;
        }
        if conn.buf.len() > limits.max_head {
            return Err(ReadError::HeadTooLarge);
        }
        conn.fill().await?;
    };
    if head_len > limits.max_head {
        return Err(ReadError::HeadTooLarge);
    }
    let head =
        std::str::from_utf8(&conn.buf[..head_len]).map_err(|_| ReadError::Malformed("Request head is not UTF-8"))?;
    let mut request = parse_head(head)?;
    conn.start = body_start;

    let chunked = match request.header("transfer-encoding") {
        None => false,
        Some(te) if te.trim().eq_ignore_ascii_case("chunked") => true,
        Some(_) => return Err(ReadError::Unsupported("Transfer-Encoding not supported")),
    };
    let length = content_length(&request.headers)?;
    if chunked && length.is_some() {
        return Err(ReadError::Malformed("Both Content-Length and Transfer-Encoding"));
    }
    if length.is_some_and(|n| n > limits.max_body) {
        return Err(ReadError::BodyTooLarge);
    }
    let wants_continue = request.header("expect").is_some_and(|e| e.trim().eq_ignore_ascii_case("100-continue"));
    let expects_body = chunked || length.is_some_and(|n| n > 0);
    if wants_continue && expects_body && conn.buf.len() == conn.start {
        conn.stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n").await.map_err(|_| ReadError::Closed)?;
    }
    request.body =
        if chunked { conn.read_chunked(limits.max_body).await? } else { conn.take(length.unwrap_or(0)).await? };
    Ok(request)
}

/// (length of the head, offset where the body starts). Bare `\n` line ends are tolerated.
fn head_end(buf: &[u8]) -> Option<(usize, usize)> {
    let crlf = buf.windows(4).position(|w| w == b"\r\n\r\n").map(|i| (i, i + 4));
    let lf = buf.windows(2).position(|w| w == b"\n\n").map(|i| (i, i + 2));
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

fn parse_head(head: &str) -> Result<Request, ReadError> {
    let mut lines = head.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let request_line = lines.next().unwrap_or("");
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(ReadError::Malformed("Malformed request line"));
    };
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(ReadError::Malformed("Malformed method"));
    }
    if !version.starts_with("HTTP/1.") {
        return Err(ReadError::Unsupported("Only HTTP/1.x is supported"));
    }
    if !target.starts_with('/') || target.bytes().any(|b| b <= b' ' || b == 0x7f) {
        return Err(ReadError::Malformed("Malformed request target"));
    }
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let mut headers = Vec::new();
    for line in lines {
        // Obsolete line folding is refused, as RFC 9112 allows, rather than guessed at.
        if line.starts_with([' ', '\t']) {
            return Err(ReadError::Malformed("Folded header line"));
        }
        let (name, value) = line.split_once(':').ok_or(ReadError::Malformed("Malformed header line"))?;
        if name.is_empty() || name.bytes().any(|b| b <= b' ' || b >= 0x7f) {
            return Err(ReadError::Malformed("Malformed header name"));
        }
        headers.push((name.to_owned(), value.trim().to_owned()));
    }
    let path = path.split('#').next().unwrap_or(path).to_owned();
    Ok(Request { method: method.to_owned(), path, query: query.to_owned(), headers, body: Vec::new() })
}

fn content_length(headers: &[(String, String)]) -> Result<Option<usize>, ReadError> {
    let mut found: Option<usize> = None;
    for (_, value) in headers.iter().filter(|(k, _)| k.eq_ignore_ascii_case("content-length")) {
        let digits = value.trim();
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ReadError::Malformed("Malformed Content-Length"));
        }
        // Anything beyond usize is certainly over the cap.
        let n = digits.parse::<usize>().unwrap_or(usize::MAX);
        if found.is_some_and(|f| f != n) {
            return Err(ReadError::Malformed("Conflicting Content-Length headers"));
        }
        found = Some(n);
    }
    Ok(found)
}

/// The stream plus what has been read from it but not consumed yet (`buf[start..]`).
struct Buffered<'a, S> {
    stream: &'a mut S,
    buf: Vec<u8>,
    start: usize,
}

impl<S: AsyncRead + Unpin> Buffered<'_, S> {
    async fn fill(&mut self) -> Result<(), ReadError> {
        let mut chunk = [0u8; 4096];
        match self.stream.read(&mut chunk).await {
            Ok(0) | Err(_) => Err(ReadError::Closed),
            Ok(n) => {
                self.buf.extend_from_slice(&chunk[..n]);
                Ok(())
            }
        }
    }

    async fn take(&mut self, n: usize) -> Result<Vec<u8>, ReadError> {
        while self.buf.len() - self.start < n {
            self.fill().await?;
        }
        let out = self.buf[self.start..self.start + n].to_vec();
        self.start += n;
        Ok(out)
    }

    async fn line(&mut self, max: usize) -> Result<String, ReadError> {
        loop {
            if let Some(i) = self.buf[self.start..].iter().position(|&b| b == b'\n') {
                let raw = &self.buf[self.start..self.start + i];
                let text = String::from_utf8_lossy(raw.strip_suffix(b"\r").unwrap_or(raw)).into_owned();
                self.start += i + 1;
                return Ok(text);
            }
            if self.buf.len() - self.start > max {
                return Err(ReadError::Malformed("Chunk line too long"));
            }
            self.fill().await?;
        }
    }

    async fn read_chunked(&mut self, max_body: usize) -> Result<Vec<u8>, ReadError> {
        let mut body = Vec::new();
        loop {
            let line = self.line(1024).await?;
            let size_text = line.split(';').next().unwrap_or("").trim();
            let size =
                usize::from_str_radix(size_text, 16).map_err(|_| ReadError::Malformed("Malformed chunk size"))?;
            if size == 0 {
                // Trailer fields are read and ignored up to the empty line.
                while !self.line(8 * 1024).await?.is_empty() {}
                return Ok(body);
            }
            if body.len().saturating_add(size) > max_body {
                return Err(ReadError::BodyTooLarge);
            }
            body.extend(self.take(size).await?);
            if !self.line(2).await?.is_empty() {
                return Err(ReadError::Malformed("Chunk not followed by CRLF"));
            }
        }
    }
}

/// A whole response, sent with `Content-Length` and `Connection: close`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self { status, headers: vec![("Content-Type".into(), content_type.into())], body: body.into() }
    }

    pub fn json(status: u16, value: &serde_json::Value) -> Self {
        Self::new(status, "application/json; charset=utf-8", value.to_string())
    }

    pub fn html(status: u16, page: String) -> Self {
        Self::new(status, "text/html; charset=utf-8", page)
    }

    pub fn redirect(location: &str) -> Self {
        Self::new(302, "text/html; charset=utf-8", "<html><body>You are being redirected.</body></html>")
            .with_header("Location", location)
    }

    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Status line and headers, ending with the blank line.
    pub fn head_bytes(&self, content_length: usize) -> Vec<u8> {
        let status = if (100..=999).contains(&self.status) { self.status } else { 500 };
        let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
        for (name, value) in &self.headers {
            // Header values come from our own code, but a stray newline must never split them.
            let value: String = value.chars().filter(|c| !c.is_control()).collect();
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!("Content-Length: {content_length}\r\nConnection: close\r\n\r\n"));
        head.into_bytes()
    }
}

/// Writes the response (without the body for `HEAD`) and flushes it.
pub(crate) async fn write_response<S>(stream: &mut S, response: &Response, head_only: bool) -> std::io::Result<()>
where
    S: AsyncWrite + Unpin,
{
    let mut bytes = response.head_bytes(response.body.len());
    if !head_only {
        bytes.extend_from_slice(&response.body);
    }
    stream.write_all(&bytes).await?;
    stream.flush().await
}

pub(crate) fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        410 => "Gone",
        413 => "Content Too Large",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn parse(raw: &[u8]) -> Result<Request, ReadError> {
        let (mut client, mut server) = tokio::io::duplex(256 * 1024);
        client.write_all(raw).await.map_err(|_| ReadError::Closed)?;
        drop(client);
        read_request(&mut server, &Limits::default()).await
    }

    #[tokio::test]
    async fn reads_a_form_post() {
        let r = parse(b"POST /oauth/token?x=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 7\r\n\r\na=b&c=d").await.unwrap();
        assert_eq!((r.method.as_str(), r.path.as_str(), r.query.as_str()), ("POST", "/oauth/token", "x=1"));
        assert_eq!(r.body, b"a=b&c=d");
        assert_eq!(r.header("HOST"), Some("a"));
    }

    #[tokio::test]
    async fn reads_chunked_bodies() {
        let r = parse(b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n")
            .await
            .unwrap();
        assert_eq!(r.body, b"abcde");
    }

    #[tokio::test]
    async fn refuses_bad_input_without_panicking() {
        for raw in [
            &b"GARBAGE\r\n\r\n"[..],
            b"GET nopath HTTP/1.1\r\n\r\n",
            b"GET / HTTP/1.1\r\nno colon\r\n\r\n",
            b"GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
            b"GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
            b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            b"\xff\xfe / HTTP/1.1\r\n\r\n",
        ] {
            assert!(matches!(parse(raw).await, Err(ReadError::Malformed(_))), "{:?}", String::from_utf8_lossy(raw));
        }
        assert!(matches!(
            parse(b"GET / HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n").await,
            Err(ReadError::BodyTooLarge)
        ));
        assert!(matches!(parse(b"GET / HTTP/1.1\r\nContent-Length: 5\r\n\r\nab").await, Err(ReadError::Closed)));
        let long = [b"GET / HTTP/1.1\r\nX: ".as_slice(), &[b'a'; 20_000]].concat();
        assert!(matches!(parse(&long).await, Err(ReadError::HeadTooLarge)));
    }

    #[tokio::test]
    async fn a_silent_client_times_out() {
        let (_client, mut server) = tokio::io::duplex(1024);
        let limits = Limits { read_timeout: Duration::from_millis(50), ..Limits::default() };
        assert!(matches!(read_request(&mut server, &limits).await, Err(ReadError::TimedOut)));
    }

    #[test]
    fn auth_headers() {
        let mut r = parse_head("GET / HTTP/1.1\r\nAuthorization: Bearer  tok ").unwrap();
        assert_eq!(r.bearer_token(), Some("tok"));
        r.headers = vec![("authorization".into(), "Basic YSUyMGI6Yzpk".into())]; // "a%20b:c:d"
        assert_eq!(r.basic_auth(), Some(("a b".into(), "c:d".into())));
    }
}
