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
    /// Dropping the future (cancel, timeout) closes the port.
    pub async fn serve(self, state: String, report: impl Fn(Event) + Send + Sync + 'static) {
        let report = std::sync::Arc::new(report);
        let (done_tx, mut done_rx) = mpsc::channel::<()>(1);
        let mut connections = tokio::task::JoinSet::new();
        loop {
            tokio::select! {
                accepted = self.listener.accept() => {
                    let Ok((stream, _)) = accepted else { continue };
                    let (state, report, done) = (state.clone(), report.clone(), done_tx.clone());
                    connections.spawn(async move {
                        if let Some(event) = handle(stream, &state).await {
                            let finished = matches!(event, Event::Code(_) | Event::Refused { .. });
                            report(event);
                            if finished {
                                let _ = done.send(()).await;
                            }
                        }
                    });
                }
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

/// Serves one connection with hyper, and says what its request meant.
async fn handle(stream: TcpStream, state: &str) -> Option<Event> {
    let seen = Mutex::new(None);
    let service = service_fn(|request: hyper::Request<Incoming>| {
        let (event, page) = answer(request.method().as_str(), request.uri(), state);
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

/// What a request means and what the browser sees, from its method and target as hyper parsed
/// them. Pure: the fuzz target `loopback` feeds it every request head hyper accepts.
pub fn answer(method: &str, uri: &hyper::Uri, state: &str) -> (Option<Event>, Page) {
    let query: Vec<(String, String)> =
        url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes()).into_owned().collect();
    route(method, uri.path(), &query, state)
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

    fn new(status: StatusCode, title: &str, text: &str) -> Self {
        Self { status, html: page(title, text) }
    }

    /// hyper leaves the body out of an answer to `HEAD`.
    fn into_response(self) -> hyper::Response<Full<Bytes>> {
        let mut response = hyper::Response::new(Full::new(Bytes::from(self.html)));
        *response.status_mut() = self.status;
        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
        response
    }
}

/// Decide what a request means and what the browser sees. Pure, so it is tested directly.
fn route(method: &str, path: &str, query: &[(String, String)], state: &str) -> (Option<Event>, Page) {
    if path != CALLBACK_PATH || !(method == "GET" || method == "HEAD") {
        return (
            // Any web page can send the browser here, with C1 controls in the path (the URI
            // parser lets UTF-8 through): the path is sanitized like every outside text.
            Some(Event::Stray(crate::sanitize::clean(path).chars().take(80).collect())),
            Page::new(StatusCode::NOT_FOUND, "Not found", "mastokey is only waiting for the login callback here."),
        );
    }
    let get = |name: &str| query.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    if get("state") != Some(state) {
        let body = "This answer does not belong to the login mastokey is waiting for, so nothing was used. \
                    Go back to the terminal and open the authorize URL it shows.";
        return (Some(Event::WrongState), Page::new(StatusCode::BAD_REQUEST, "Login not recognised", body));
    }
    if let Some(code) = get("code").filter(|c| !c.is_empty()) {
        let body = "mastokey received the authorization and is finishing the login. You can close this tab and go back to the terminal.";
        return (Some(Event::Code(Secret::new(code))), Page::new(StatusCode::OK, "Logged in to mastokey", body));
    }
    let error = get("error").unwrap_or("no code").to_owned();
    let description = get("error_description").map(crate::sanitize::clean);
    let body = if error == "access_denied" {
        "You denied mastokey access, so no token was created. You can close this tab.".to_owned()
    } else {
        format!("The server sent no code ({error}). Go back to the terminal to try again. You can close this tab.")
    };
    (
        Some(Event::Refused { error: crate::sanitize::clean(&error), description }),
        Page::new(StatusCode::OK, "Login not completed", &body),
    )
}

fn page(title: &str, text: &str) -> String {
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>{t} — mastokey</title>\
         <style>body{{font-family:system-ui,sans-serif;max-width:36em;margin:4em auto;padding:0 1em;line-height:1.5}}</style>\
         </head><body><h1>{t}</h1><p>{x}</p></body></html>",
        t = esc(title),
        x = esc(text)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn the_code_with_the_right_state_is_taken() {
        let (event, response) = route("GET", "/callback", &q(&[("code", "c0de"), ("state", "s")]), "s");
        assert_eq!(event, Some(Event::Code(Secret::new("c0de"))));
        assert_eq!(response.status, StatusCode::OK);
        assert!(response.html.contains("You can close this tab"));
        assert!(!response.html.contains("c0de"));
    }

    #[test]
    fn a_wrong_or_missing_state_is_refused_without_using_the_code() {
        for query in [q(&[("code", "c"), ("state", "other")]), q(&[("code", "c")])] {
            let (event, response) = route("GET", "/callback", &query, "s");
            assert_eq!(event, Some(Event::WrongState));
            assert_eq!(response.status, StatusCode::BAD_REQUEST);
        }
    }

    #[test]
    fn stray_paths_and_denials() {
        let (event, response) = route("GET", "/favicon.ico", &[], "s");
        assert_eq!((event, response.status), (Some(Event::Stray("/favicon.ico".into())), StatusCode::NOT_FOUND));
        let (event, _) = route("POST", "/callback", &q(&[("state", "s"), ("code", "c")]), "s");
        assert!(matches!(event, Some(Event::Stray(_))));
        let (event, response) = route(
            "GET",
            "/callback",
            &q(&[("state", "s"), ("error", "access_denied"), ("error_description", "no")]),
            "s",
        );
        assert_eq!(event, Some(Event::Refused { error: "access_denied".into(), description: Some("no".into()) }));
        assert!(response.html.contains("You denied"));
    }

    #[test]
    fn a_stray_path_is_reported_without_controls() {
        // Found by the `loopback` fuzz target: a request target may hold UTF-8 C1 controls
        // (U+009C here), which the URI parser lets through; any web page can send one.
        let target = "/c+\u{791}lbac2k\u{9c}/c+\"llbac2k\u{19c}t23456789";
        let (event, _) = answer("GET", &target.parse().unwrap(), "s");
        let Some(Event::Stray(path)) = event else { panic!("{event:?}") };
        assert_eq!(path, "/c+\u{791}lbac2k/c+\"llbac2k\u{19c}t23456789");
        let (event, _) = route("GET", "/x\u{9b}2J\u{202e}\u{200b}y", &[], "s");
        assert_eq!(event, Some(Event::Stray("/xy".into())));
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
        let serving = tokio::spawn(listener.serve("st".into(), move |e| {
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
        let serving = tokio::spawn(listener.serve("st".into(), move |e| {
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
