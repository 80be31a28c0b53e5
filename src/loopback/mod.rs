//! The one-shot loopback listener of RFC 8252: the browser is redirected to
//! `http://127.0.0.1:<port>/callback` and the authorization code arrives with no typing.

use std::convert::Infallible;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use http_body_util::Full;
use hyper::StatusCode;
use hyper::body::{Bytes, Incoming};
use hyper::header::{CONTENT_TYPE, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;

use crate::secret::Secret;
use crate::web_page::Tone;

pub const CALLBACK_PATH: &str = "/callback";

/// Mastodon (Doorkeeper) follows RFC 8252 §7.3 and ignores the port of a loopback IP literal
/// when it compares redirect URIs, so one registration with this URI serves every random port.
/// Servers that compare exactly (GoToSocial, Akkoma) need the port registered instead.
pub const PORTLESS_REDIRECT: &str = "http://127.0.0.1/callback";

/// A connection that has not sent a whole request head by then (a browser's spare one, a
/// half-open one) is closed, without affecting the others.
const CONNECTION_TIMEOUT: Duration = Duration::from_secs(5);
/// The request line and headers together; hyper answers 431 beyond it.
const MAX_HEAD: usize = 16 * 1024;

/// What reached the listener, reported as it happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The code, with a matching state: the listener has closed.
    Code(Secret),
    /// The person denied access, or the server sent an error instead of a code: closed.
    Refused { error: String, description: Option<String> },
    /// A redirect whose state is not this attempt's: refused, nothing used, still listening.
    WrongState,
    /// Something else asked (a favicon, a scanner): answered 404, still listening.
    Stray(String),
    /// A connection that sent no request in time was closed; still listening.
    Silent,
    /// A browser came back after the attempt's time ran out: it was told so, nothing used.
    Late,
}

/// What the listener's pages need to know about the login it waits for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    /// The attempt's `state`: a callback without it is not this attempt's.
    pub state: String,
    /// The server the login is for, as the person typed it (said on the pages).
    pub server: String,
    /// When the attempt is over; after that, callbacks get a page that says so.
    pub deadline: std::time::Instant,
}

pub struct Listener {
    listener: TcpListener,
    port: u16,
}

impl Listener {
    /// Bind 127.0.0.1 on `preferred` if it is free (to reuse an exact-port registration), else
    /// on a random port.
    /// Must be called inside the tokio runtime; binding itself never waits.
    pub fn bind(preferred: Option<u16>) -> std::io::Result<Self> {
        let any = || std::net::TcpListener::bind(("127.0.0.1", 0));
        let listener = match preferred {
            Some(port) => std::net::TcpListener::bind(("127.0.0.1", port)).or_else(|_| any())?,
            None => any()?,
        };
        listener.set_nonblocking(true)?;
        let port = listener.local_addr()?.port();
        Ok(Self { listener: TcpListener::from_std(listener)?, port })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The redirect URI to put in the authorize URL (and to repeat at the token exchange).
    pub fn redirect_uri(&self) -> String {
        redirect_uri_for(self.port)
    }

    /// Answer browsers until the code (or a refusal) arrives, reporting each event. Each
    /// connection is served by its own task, so one that never sends cannot block the rest.
    /// Once the attempt's time is over the port stays open, telling late browsers that the
    /// attempt ended; dropping the future (cancel) closes it.
    pub async fn serve(self, waiting: Waiting, report: impl Fn(Event) + Send + Sync + 'static) {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicBool, Ordering};
        let report = Arc::new(report);
        let waiting = Arc::new(waiting);
        let expired = AtomicBool::new(false);
        let (done_tx, mut done_rx) = mpsc::channel::<()>(1);
        let mut connections = tokio::task::JoinSet::new();
        let deadline = tokio::time::sleep_until(waiting.deadline.into());
        tokio::pin!(deadline);
        loop {
            tokio::select! {
                accepted = self.listener.accept() => {
                    let Ok((stream, _)) = accepted else { continue };
                    let (waiting, report, done) = (waiting.clone(), report.clone(), done_tx.clone());
                    let late = expired.load(Ordering::Relaxed);
                    connections.spawn(async move {
                        if let Some(event) = handle(stream, &waiting, late).await {
                            let finished = matches!(event, Event::Code(_) | Event::Refused { .. });
                            report(event);
                            if finished {
                                let _ = done.send(()).await;
                            }
                        }
                    });
                }
                _ = &mut deadline, if !expired.load(Ordering::Relaxed) => expired.store(true, Ordering::Relaxed),
                _ = done_rx.recv() => break,
            }
        }
        // The other connections (a browser's spare ones) are dropped with the set.
    }
}

pub fn redirect_uri_for(port: u16) -> String {
    format!("http://127.0.0.1:{port}{CALLBACK_PATH}")
}

/// The port of an exact loopback redirect URI (`http://127.0.0.1:PORT/callback`), if it is one.
pub fn port_of(redirect_uri: &str) -> Option<u16> {
    redirect_uri.strip_prefix("http://127.0.0.1:")?.strip_suffix(CALLBACK_PATH)?.parse().ok()
}

/// Serves one connection with hyper, and says what its request meant; `late` once the attempt
/// is over.
async fn handle(stream: TcpStream, waiting: &Waiting, late: bool) -> Option<Event> {
    let seen = Mutex::new(None);
    let service = service_fn(|request: hyper::Request<Incoming>| {
        let lang = crate::web_page::browser_language(request.headers());
        let (event, page) = crate::i18n::with(lang, || answer(request.method().as_str(), request.uri(), waiting, late));
        *seen.lock().unwrap_or_else(PoisonError::into_inner) = event;
        std::future::ready(Ok::<_, Infallible>(page.into_response()))
    });
    let mut http = http1::Builder::new();
    // One request per connection: every answer says `Connection: close` and the connection ends
    // once it is sent, so the callback's page is out before the listener closes, and a browser
    // opens a fresh connection for anything else. The header read timeout runs from the accept.
    http.keep_alive(false).timer(TokioTimer::new()).header_read_timeout(CONNECTION_TIMEOUT).max_header_size(MAX_HEAD);
    let served = http.serve_connection(TokioIo::new(stream), service).await;
    match served {
        Err(e) if e.is_timeout() => Some(Event::Silent),
        // Anything else failed is not HTTP (a TLS ClientHello, say): hyper answered 400 at once.
        _ => seen.into_inner().unwrap_or_else(PoisonError::into_inner),
    }
}

/// What the browser sees: a status and a small page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    status: StatusCode,
    html: String,
}

impl Page {
    pub fn status(&self) -> StatusCode {
        self.status
    }

    fn new(status: StatusCode, tone: Tone, title: String, text: Vec<String>) -> Self {
        let lang = crate::i18n::current().code();
        let footer = crate::tr!("callback-footer");
        Self { status, html: crate::web_page::page(lang, tone, &title, &text, &footer) }
    }

    /// hyper leaves the body out of an answer to `HEAD`.
    fn into_response(self) -> hyper::Response<Full<Bytes>> {
        let mut response = hyper::Response::new(Full::new(Bytes::from(self.html)));
        *response.status_mut() = self.status;
        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
        response
    }
}

/// What a request means and what the browser sees, from its method and target as hyper parsed
/// them. Pure: the fuzz target `loopback` feeds it every request head hyper accepts.
pub fn answer(method: &str, uri: &hyper::Uri, waiting: &Waiting, late: bool) -> (Option<Event>, Page) {
    let query: Vec<(String, String)> =
        url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes()).into_owned().collect();
    route(&Asked { method, path: uri.path(), query: &query }, waiting, late)
}

/// One request, as `route` needs it.
struct Asked<'a> {
    method: &'a str,
    path: &'a str,
    query: &'a [(String, String)],
}

/// Decide what a request means and what the browser sees (in the current language). Pure, so
/// it is tested directly.
fn route(asked: &Asked<'_>, waiting: &Waiting, late: bool) -> (Option<Event>, Page) {
    use crate::tr;
    let server = waiting.server.as_str();
    if asked.path != CALLBACK_PATH || !(asked.method == "GET" || asked.method == "HEAD") {
        let page = Page::new(
            StatusCode::NOT_FOUND,
            Tone::Problem,
            tr!("callback-not-found-title"),
            vec![tr!("callback-not-found")],
        );
        // Any web page can send the browser here, with C1 controls in the path (the URI parser
        // lets UTF-8 through): the path is sanitized like every outside text.
        return (Some(Event::Stray(crate::sanitize::clean(asked.path).chars().take(80).collect())), page);
    }
    if late {
        let text = vec![tr!("callback-late", server = server), tr!("callback-back-to-terminal")];
        return (Some(Event::Late), Page::new(StatusCode::GONE, Tone::Problem, tr!("callback-late-title"), text));
    }
    let get = |name: &str| asked.query.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    if get("state") != Some(waiting.state.as_str()) {
        let text = vec![tr!("callback-wrong-state", server = server), tr!("callback-back-to-terminal")];
        let page = Page::new(StatusCode::BAD_REQUEST, Tone::Problem, tr!("callback-wrong-state-title"), text);
        return (Some(Event::WrongState), page);
    }
    if let Some(code) = get("code").filter(|c| !c.is_empty()) {
        let text = vec![tr!("callback-done", server = server), tr!("callback-close-tab")];
        let page = Page::new(StatusCode::OK, Tone::Done, tr!("callback-done-title"), text);
        return (Some(Event::Code(Secret::new(code))), page);
    }
    let error = crate::sanitize::clean(get("error").unwrap_or("no code"));
    let description = get("error_description").map(crate::sanitize::clean);
    let (title, text) = if error == "access_denied" {
        (tr!("callback-denied-title"), vec![tr!("callback-denied", server = server), tr!("callback-close-tab")])
    } else {
        let reason = description.clone().unwrap_or_else(|| error.clone());
        let text = vec![tr!("callback-error", server = server, error = reason), tr!("callback-back-to-terminal")];
        (tr!("callback-error-title"), text)
    };
    (Some(Event::Refused { error, description }), Page::new(StatusCode::OK, Tone::Problem, title, text))
}

#[cfg(test)]
mod tests;
