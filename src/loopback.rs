//! The one-shot loopback listener of RFC 8252: the browser is redirected to
//! `http://127.0.0.1:<port>/callback` and the authorization code arrives with no typing.

use std::time::Duration;

use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;

use crate::http_server::{self, Limits, Response};
use crate::secret::Secret;

pub const CALLBACK_PATH: &str = "/callback";

/// Mastodon (Doorkeeper) follows RFC 8252 §7.3 and ignores the port of a loopback IP literal
/// when it compares redirect URIs, so one registration with this URI serves every random port.
/// Servers that compare exactly (GoToSocial, Akkoma) need the port registered instead.
pub const PORTLESS_REDIRECT: &str = "http://127.0.0.1/callback";

/// A slow or half-open browser connection is dropped after this, without affecting the others.
const CONNECTION_TIMEOUT: Duration = Duration::from_secs(5);

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

async fn handle(mut stream: TcpStream, state: &str) -> Option<Event> {
    let limits = Limits { read_timeout: CONNECTION_TIMEOUT, ..Limits::default() };
    let request = match http_server::read_request(&mut stream, &limits).await {
        Ok(r) => r,
        Err(http_server::ReadError::TimedOut) => return Some(Event::Silent),
        Err(e) => {
            if let Some(response) = e.response() {
                let _ = http_server::write_response(&mut stream, &response, false).await;
            }
            return None;
        }
    };
    let (event, response) = route(&request.method, &request.path, &request.query_pairs(), state);
    let _ = http_server::write_response(&mut stream, &response, request.method == "HEAD").await;
    event
}

/// Decide what a request means and what the browser sees. Pure, so it is tested directly.
fn route(method: &str, path: &str, query: &[(String, String)], state: &str) -> (Option<Event>, Response) {
    if path != CALLBACK_PATH || !(method == "GET" || method == "HEAD") {
        return (
            Some(Event::Stray(path.chars().take(80).collect())),
            Response::html(404, page("Not found", "mastokey is only waiting for the login callback here.")),
        );
    }
    let get = |name: &str| query.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    if get("state") != Some(state) {
        let body = "This answer does not belong to the login mastokey is waiting for, so nothing was used. \
                    Go back to the terminal and open the authorize URL it shows.";
        return (Some(Event::WrongState), Response::html(400, page("Login not recognised", body)));
    }
    if let Some(code) = get("code").filter(|c| !c.is_empty()) {
        let body = "mastokey received the authorization and is finishing the login. You can close this tab and go back to the terminal.";
        return (Some(Event::Code(Secret::new(code))), Response::html(200, page("Logged in to mastokey", body)));
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
        Response::html(200, page("Login not completed", &body)),
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
        assert_eq!(response.status, 200);
        assert!(String::from_utf8_lossy(&response.body).contains("You can close this tab"));
        assert!(!String::from_utf8_lossy(&response.body).contains("c0de"));
    }

    #[test]
    fn a_wrong_or_missing_state_is_refused_without_using_the_code() {
        for query in [q(&[("code", "c"), ("state", "other")]), q(&[("code", "c")])] {
            let (event, response) = route("GET", "/callback", &query, "s");
            assert_eq!(event, Some(Event::WrongState));
            assert_eq!(response.status, 400);
        }
    }

    #[test]
    fn stray_paths_and_denials() {
        let (event, response) = route("GET", "/favicon.ico", &[], "s");
        assert_eq!((event, response.status), (Some(Event::Stray("/favicon.ico".into())), 404));
        let (event, _) = route("POST", "/callback", &q(&[("state", "s"), ("code", "c")]), "s");
        assert!(matches!(event, Some(Event::Stray(_))));
        let (event, response) = route(
            "GET",
            "/callback",
            &q(&[("state", "s"), ("error", "access_denied"), ("error_description", "no")]),
            "s",
        );
        assert_eq!(event, Some(Event::Refused { error: "access_denied".into(), description: Some("no".into()) }));
        assert!(String::from_utf8_lossy(&response.body).contains("You denied"));
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
}
