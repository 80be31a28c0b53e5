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
mod tests {
    use super::*;

    fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn waiting(timeout: Duration) -> Waiting {
        Waiting { state: "st".into(), server: "example.social".into(), deadline: std::time::Instant::now() + timeout }
    }

    /// `route` for a GET of `path` with `query`, the attempt's state being `s`.
    fn get(path: &str, query: &[(String, String)]) -> (Option<Event>, Page) {
        let w = Waiting { state: "s".into(), ..waiting(Duration::from_secs(60)) };
        route(&Asked { method: "GET", path, query }, &w, false)
    }

    #[test]
    fn the_code_with_the_right_state_is_taken() {
        let (event, response) = get("/callback", &q(&[("code", "c0de"), ("state", "s")]));
        assert_eq!(event, Some(Event::Code(Secret::new("c0de"))));
        assert_eq!(response.status, StatusCode::OK);
        assert!(response.html.contains("You can close this tab"));
        assert!(response.html.contains("example.social"), "it names the server");
        assert!(!response.html.contains("c0de"));
    }

    #[test]
    fn a_wrong_or_missing_state_is_refused_without_using_the_code() {
        for query in [q(&[("code", "c"), ("state", "other")]), q(&[("code", "c")])] {
            let (event, response) = get("/callback", &query);
            assert_eq!(event, Some(Event::WrongState));
            assert_eq!(response.status, StatusCode::BAD_REQUEST);
        }
    }

    #[test]
    fn stray_paths_and_denials() {
        let (event, response) = get("/favicon.ico", &[]);
        assert_eq!((event, response.status), (Some(Event::Stray("/favicon.ico".into())), StatusCode::NOT_FOUND));
        let w = Waiting { state: "s".into(), ..waiting(Duration::from_secs(60)) };
        let post = Asked { method: "POST", path: "/callback", query: &q(&[("state", "s"), ("code", "c")]) };
        assert!(matches!(route(&post, &w, false).0, Some(Event::Stray(_))));
        let (event, response) =
            get("/callback", &q(&[("state", "s"), ("error", "access_denied"), ("error_description", "no")]));
        assert_eq!(event, Some(Event::Refused { error: "access_denied".into(), description: Some("no".into()) }));
        assert!(response.html.contains("You denied"));
    }

    #[test]
    fn a_stray_path_is_reported_without_controls() {
        // Found by the `loopback` fuzz target: a request target may hold UTF-8 C1 controls
        // (U+009C here), which the URI parser lets through; any web page can send one.
        let target = "/c+\u{791}lbac2k\u{9c}/c+\"llbac2k\u{19c}t23456789";
        let w = waiting(Duration::from_secs(60));
        let (event, _) = answer("GET", &target.parse().unwrap(), &w, false);
        let Some(Event::Stray(path)) = event else { panic!("{event:?}") };
        assert_eq!(path, "/c+\u{791}lbac2k/c+\"llbac2k\u{19c}t23456789");
        let (event, _) = get("/x\u{9b}2J\u{202e}\u{200b}y", &[]);
        assert_eq!(event, Some(Event::Stray("/xy".into())));
    }

    #[test]
    fn each_outcome_has_its_own_page_in_the_browsers_language() {
        let pages: Vec<(String, StatusCode)> = [
            q(&[("code", "c"), ("state", "s")]),
            q(&[("state", "s"), ("error", "access_denied")]),
            q(&[("state", "s"), ("error", "server_error")]),
            q(&[("code", "c"), ("state", "other")]),
        ]
        .iter()
        .map(|query| {
            let (_, page) = get("/callback", query);
            (page.html.split("<h1").nth(1).unwrap_or_default().to_owned(), page.status)
        })
        .collect();
        for (i, a) in pages.iter().enumerate() {
            assert!(pages[i + 1..].iter().all(|b| b.0 != a.0), "every outcome has its own heading: {pages:?}");
        }
        // After the attempt's time ran out: a page that says so, and nothing used.
        let w = Waiting { state: "s".into(), ..waiting(Duration::from_secs(60)) };
        let callback = Asked { method: "GET", path: "/callback", query: &q(&[("code", "c"), ("state", "s")]) };
        let (event, page) = route(&callback, &w, true);
        assert_eq!((event, page.status), (Some(Event::Late), StatusCode::GONE));
        // The browser's language, by Accept-Language (here set for the thread as `handle` does).
        let (_, french) =
            crate::i18n::with(crate::i18n::Lang::Fr, || get("/callback", &q(&[("code", "c"), ("state", "s")])));
        assert!(french.html.contains("<html lang=\"fr\">"), "{}", french.html);
    }

    #[tokio::test]
    async fn after_its_time_the_listener_tells_a_late_browser_and_stays_up() {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let listener = Listener::bind(None).unwrap();
        let port = listener.port();
        let (tx, mut rx) = mpsc::unbounded_channel();
        let serving = tokio::spawn(listener.serve(waiting(Duration::from_millis(100)), move |e| {
            let _ = tx.send(e);
        }));
        tokio::time::sleep(Duration::from_millis(300)).await;
        let mut late = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        late.write_all(b"GET /callback?code=abc&state=st HTTP/1.1\r\nHost: x\r\nAccept-Language: ja\r\n\r\n")
            .await
            .unwrap();
        let mut answer = String::new();
        late.read_to_string(&mut answer).await.unwrap();
        assert!(answer.starts_with("HTTP/1.1 410") && answer.contains("lang=\"ja\""), "{answer}");
        assert_eq!(rx.recv().await, Some(Event::Late), "the code was not taken");
        assert!(!serving.is_finished(), "still up for other late browsers until cancelled");
        serving.abort();
    }

    #[test]
    fn ports_of_exact_redirects() {
        assert_eq!(port_of("http://127.0.0.1:54321/callback"), Some(54321));
        assert_eq!(port_of(PORTLESS_REDIRECT), None);
        assert_eq!(port_of("urn:ietf:wg:oauth:2.0:oob"), None);
    }

    #[tokio::test]
    async fn a_half_open_connection_does_not_block_the_callback() {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let listener = Listener::bind(None).unwrap();
        let port = listener.port();
        let (tx, mut rx) = mpsc::unbounded_channel();
        let serving = tokio::spawn(listener.serve(waiting(Duration::from_secs(60)), move |e| {
            let _ = tx.send(e);
        }));
        // A browser connection that sends nothing, left open.
        let _idle = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        let mut stray = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        stray.write_all(b"GET /favicon.ico HTTP/1.1\r\nHost: x\r\n\r\n").await.unwrap();
        let mut answer = String::new();
        stray.read_to_string(&mut answer).await.unwrap();
        assert!(answer.starts_with("HTTP/1.1 404"));
        let mut browser = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        browser.write_all(b"GET /callback?code=abc&state=st HTTP/1.1\r\nHost: x\r\n\r\n").await.unwrap();
        answer.clear();
        browser.read_to_string(&mut answer).await.unwrap();
        assert!(answer.starts_with("HTTP/1.1 200"));
        assert_eq!(rx.recv().await, Some(Event::Stray("/favicon.ico".into())));
        assert_eq!(rx.recv().await, Some(Event::Code(Secret::new("abc"))));
        tokio::time::timeout(Duration::from_secs(5), serving).await.expect("listener closes").unwrap();
        assert!(TcpStream::connect(("127.0.0.1", port)).await.is_err(), "port closed after the code");
    }

    /// A listener for state `st` on its own task: its port, its events, its task.
    fn listening() -> (u16, mpsc::UnboundedReceiver<Event>, tokio::task::JoinHandle<()>) {
        let listener = Listener::bind(None).unwrap();
        let port = listener.port();
        let (tx, rx) = mpsc::unbounded_channel();
        let serving = tokio::spawn(listener.serve(waiting(Duration::from_secs(60)), move |e| {
            let _ = tx.send(e);
        }));
        (port, rx, serving)
    }

    /// Sends `request` on `stream`, then reads until the listener closes it (within 2 s).
    async fn exchange(stream: &mut TcpStream, request: &[u8]) -> String {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        stream.write_all(request).await.unwrap();
        let mut answer = Vec::new();
        let read = tokio::time::timeout(Duration::from_secs(2), stream.read_to_end(&mut answer)).await;
        read.expect("answered and closed at once").unwrap();
        String::from_utf8_lossy(&answer).into_owned()
    }

    const CALLBACK: &[u8] = b"GET /callback?code=abc&state=st HTTP/1.1\r\nHost: x\r\n\r\n";

    #[tokio::test]
    async fn a_silent_connection_is_closed_and_reported_and_tls_is_refused_at_once() {
        use tokio::io::AsyncReadExt;
        let (port, mut rx, serving) = listening();
        let started = tokio::time::Instant::now();
        let mut silent = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        // A TLS ClientHello to the plain port: hyper's 400 at once, and nothing to report.
        let mut tls = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        let answer = exchange(&mut tls, b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03").await;
        assert!(answer.starts_with("HTTP/1.1 400 "), "{answer}");
        // A head too large: 431.
        let mut big = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        let long = [b"GET /callback HTTP/1.1\r\nX: ".as_slice(), &[b'a'; 20_000], b"\r\n\r\n"].concat();
        assert!(exchange(&mut big, &long).await.starts_with("HTTP/1.1 431 "));
        let mut byte = [0u8; 1];
        let closed = tokio::time::timeout(Duration::from_secs(8), silent.read(&mut byte)).await.expect("closed");
        assert!(matches!(closed, Ok(0) | Err(_)), "{closed:?}");
        assert!(started.elapsed() >= CONNECTION_TIMEOUT - Duration::from_millis(100));
        assert_eq!(rx.recv().await, Some(Event::Silent));
        // Still listening.
        let mut browser = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        assert!(exchange(&mut browser, CALLBACK).await.starts_with("HTTP/1.1 200 "));
        assert_eq!(rx.recv().await, Some(Event::Code(Secret::new("abc"))));
        tokio::time::timeout(Duration::from_secs(5), serving).await.expect("listener closes").unwrap();
    }

    #[tokio::test]
    async fn a_browsers_spare_connections_serve_requests_and_are_dropped_after_the_code() {
        use tokio::io::AsyncReadExt;
        let (port, mut rx, serving) = listening();
        // A browser opens connections ahead of need and sends on them later, asking to keep
        // them alive; each answer closes its connection instead.
        let mut first = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        let mut second = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        let mut spare = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        let favicon =
            exchange(&mut first, b"GET /favicon.ico HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n").await;
        assert!(favicon.starts_with("HTTP/1.1 404 ") && favicon.contains("connection: close"), "{favicon}");
        let head = exchange(&mut second, b"HEAD /callback?state=other HTTP/1.1\r\nHost: x\r\n\r\n").await;
        assert!(head.starts_with("HTTP/1.1 400 ") && head.ends_with("\r\n\r\n"), "HEAD has no body: {head}");
        let mut third = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        let page = exchange(&mut third, CALLBACK).await;
        assert!(page.starts_with("HTTP/1.1 200 ") && page.contains("You can close this tab"), "{page}");
        assert_eq!(rx.recv().await, Some(Event::Stray("/favicon.ico".into())));
        assert_eq!(rx.recv().await, Some(Event::WrongState));
        assert_eq!(rx.recv().await, Some(Event::Code(Secret::new("abc"))));
        tokio::time::timeout(Duration::from_secs(2), serving).await.expect("listener closes").unwrap();
        // The spare connection is dropped with the listener, well before its own timeout.
        let mut byte = [0u8; 1];
        let closed = tokio::time::timeout(Duration::from_secs(1), spare.read(&mut byte)).await.expect("dropped");
        assert!(matches!(closed, Ok(0) | Err(_)), "{closed:?}");
        assert!(TcpStream::connect(("127.0.0.1", port)).await.is_err(), "port closed after the code");
    }
}
