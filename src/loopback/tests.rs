//! The listener's routing and limits, over real loopback connections.

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
    let favicon = exchange(&mut first, b"GET /favicon.ico HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n").await;
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
