//! One client connection to the demo server: hyper's HTTP/1 within the limits, and the injected
//! faults.

use std::sync::Arc;
use std::time::Duration;

use http_body_util::{BodyExt, LengthLimitError, Limited};
use hyper::body::{Body as _, Bytes, Incoming};
use hyper::header::{CONNECTION, HeaderName};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use serde_json::json;
use tokio::net::TcpStream;

use super::answer::{self, Answer, WithHeader};
use super::{Fault, Shared, lock, routes};

/// A request whose body has been read whole.
pub(crate) type Request = hyper::Request<Bytes>;

/// The request line and headers together; hyper answers 431 beyond it.
const MAX_HEAD: usize = 16 * 1024;
/// Beyond it, 413.
const MAX_BODY: usize = 64 * 1024;
/// For the head (hyper's header read timeout, which also bounds the wait between keep-alive
/// requests) and again for the body: a client that connects and never sends must not hold a task
/// forever.
const READ_TIMEOUT: Duration = Duration::from_secs(30);

/// Serves requests on `stream` until the client leaves, a limit is hit or a fault ends it.
pub(crate) async fn serve(stream: TcpStream, shared: Arc<Shared>) {
    let service = service_fn(move |request| answer(request, shared.clone()));
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(READ_TIMEOUT).max_header_size(MAX_HEAD);
    // An error is the client's (malformed, too large, too slow, gone) or the Drop fault's; hyper
    // has already answered whatever deserved an answer (400, 431).
    let _ = http.serve_connection(TokioIo::new(stream), service).await;
}

/// One request: read it whole, record it, then answer it, or misbehave as the fault for its path
/// says. An `Err` makes hyper close the connection without answering.
async fn answer(request: hyper::Request<Incoming>, shared: Arc<Shared>) -> Result<Answer, std::io::Error> {
    // hyper also takes `host:port` and `*` as targets; nothing here is served at those.
    if !request.uri().path().starts_with('/') {
        return Ok(refuse(400, "Malformed request target"));
    }
    let request = match read_whole(request).await {
        Ok(request) => request,
        Err(refusal) => return Ok(refusal),
    };
    lock(&shared.log).push((request.method().as_str().to_owned(), request.uri().path().to_owned()));
    let fault = lock(&shared.faults).get(request.uri().path()).cloned();
    Ok(match fault {
        None => routes::handle(&shared, &request),
        Some(Fault::Delay(wait)) => {
            tokio::time::sleep(wait).await;
            routes::handle(&shared, &request)
        }
        Some(Fault::Status(status, body)) => status_fault(status, body),
        Some(Fault::Garbage) => {
            answer::with_body(200, answer::JSON, "<html><body><h1>It works!</h1></body></html> {\"this is\": not json")
        }
        Some(Fault::Huge(size)) => answer::padding(size),
        Some(Fault::Redirect { status, location }) => answer::redirect(status, &location),
        Some(Fault::Drop) => return Err(std::io::Error::other("the Drop fault closes without an answer")),
        Some(Fault::Hang) => std::future::pending().await,
    })
}

/// The body, read within [`MAX_BODY`] and [`READ_TIMEOUT`]; else the answer that refuses it.
async fn read_whole(request: hyper::Request<Incoming>) -> Result<Request, Answer> {
    let (head, body) = request.into_parts();
    // A declared length over the limit is refused before reading (so before `100 Continue`).
    if body.size_hint().lower() > MAX_BODY as u64 {
        return Err(refuse(413, "Request body too large"));
    }
    match tokio::time::timeout(READ_TIMEOUT, Limited::new(body, MAX_BODY).collect()).await {
        Ok(Ok(collected)) => Ok(Request::from_parts(head, collected.to_bytes())),
        Ok(Err(e)) if e.is::<LengthLimitError>() => Err(refuse(413, "Request body too large")),
        Ok(Err(_)) => Err(refuse(400, "Malformed request body")),
        Err(_) => Err(refuse(408, "Request timeout")),
    }
}

/// The rest of the request stays unread, so the connection cannot carry another one.
fn refuse(status: u16, message: &str) -> Answer {
    answer::json(status, &json!({ "error": message })).with_header(CONNECTION, "close")
}

fn status_fault(status: u16, body: String) -> Answer {
    let answer = answer::with_body(status, answer::JSON, body);
    if status != 429 {
        return answer;
    }
    // Mastodon's throttle answer: the limit, nothing left, and when the window resets (ISO 8601).
    let reset = time::OffsetDateTime::now_utc() + time::Duration::minutes(5);
    let reset = reset.format(&time::format_description::well_known::Rfc3339).unwrap_or_default();
    answer
        .with_header(HeaderName::from_static("x-ratelimit-limit"), "300")
        .with_header(HeaderName::from_static("x-ratelimit-remaining"), "0")
        .with_header(HeaderName::from_static("x-ratelimit-reset"), &reset)
}
