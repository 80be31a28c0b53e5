//! End-to-end: the loopback redirect. The real binary in tmux, the strict demo server, and a test
//! "browser" that follows the redirect back to mastokey's listener, so nobody types a code.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use crate::support::BIN;
use crate::support::browser::{Browser, BrowserScript};
use crate::support::poll::poll;
use crate::support::session::Session;
use crate::support::tmux::{Tmux, wait_for_file};
use mastokey::demo::{Flavor, ServerConfig};

tests! {
    the_browser_returns_the_code_and_the_profile_appears_with_no_typing needs [Tmux, Curl],
    stray_requests_a_wrong_state_and_a_silent_connection_change_nothing needs [Tmux, Curl],
    the_listener_gives_up_after_its_countdown_and_r_starts_again needs [Tmux, Curl],
    exact_match_servers_get_the_port_registered_and_it_is_reused needs [Tmux, Curl],
}

/// mastokey in loopback mode against the session's server; `env` is prefixed to the command.
fn start(s: &Session, name: &str, env: &str) -> Tmux {
    s.start(name, &format!("{env} {BIN} --redirect loopback --instance {}", s.base_url()))
}

/// A session whose `$BROWSER` approves and follows the redirect back to mastokey.
fn following_session(config: ServerConfig) -> (Session, BrowserScript) {
    let mut s = Session::with(config);
    let browser = Browser::redirect_follower(s.dir.path(), "ada").write();
    s.browser = browser.path.clone();
    (s, browser)
}

/// Raw HTTP to the listener, as a browser or a stray client would send it.
fn get(port: u16, path: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer
}

fn query_param(url: &str, name: &str) -> String {
    url::Url::parse(url).unwrap().query_pairs().find(|(k, _)| k == name).map(|(_, v)| v.into_owned()).unwrap()
}

fn listener_port(authorize_url: &str) -> u16 {
    let redirect = query_param(authorize_url, "redirect_uri");
    mastokey::loopback::port_of(&redirect).unwrap_or_else(|| panic!("not a loopback redirect: {redirect}"))
}

fn the_browser_returns_the_code_and_the_profile_appears_with_no_typing() {
    let (s, page) = following_session(ServerConfig::default());
    let t = start(&s, "loopback", "");
    t.wait_for("Scope string requested");
    t.keys(&["Enter"]);
    let screen = t.wait_for("Waiting for your browser");
    assert!(screen.contains("Automatic mode"), "{screen}");
    t.keys(&["o"]);
    let screen = t.wait_for("Saved in");
    assert!(screen.contains("Ada Lovelace"), "{screen}");
    assert!(page.result().contains("You can close this tab"));
    // Mastodon ignores the loopback port, so mastokey registered the port-less URI once.
    let saved = std::fs::read_to_string(s.config.join("registrations.json")).unwrap();
    assert!(saved.contains("http://127.0.0.1/callback") && saved.contains("urn:ietf:wg:oauth:2.0:oob"), "{saved}");
    t.keys(&["q"]);
}

fn stray_requests_a_wrong_state_and_a_silent_connection_change_nothing() {
    let s = Session::new();
    let t = start(&s, "strays", "");
    t.wait_for("Scope string requested");
    t.keys(&["Enter"]);
    t.wait_for("Waiting for your browser");
    t.keys(&["o"]);
    let url = wait_for_file(&s.opened);
    let port = listener_port(&url);

    // Each notice replaces the one before, so each is awaited before the next event.
    t.wait_for("Opened in your browser");
    assert!(get(port, "/favicon.ico").starts_with("HTTP/1.1 404"));
    // A real code but someone else's state: refused, and the code is not used.
    let code = s.server().approve(
        &query_param(&url, "client_id"),
        &query_param(&url, "redirect_uri"),
        &query_param(&url, "scope"),
        "ada",
        Some(&query_param(&url, "code_challenge")),
    );
    let code = code.unwrap();
    let wrong = get(port, &format!("/callback?code={code}&state=not-this-attempt"));
    assert!(wrong.starts_with("HTTP/1.1 400") && wrong.contains("nothing was used"), "{wrong}");
    t.wait_for("state mismatch");
    // A browser that connects and never sends: dropped after a while, with a message.
    let silent = TcpStream::connect(("127.0.0.1", port)).unwrap();
    t.wait_for("sent nothing and was closed");
    drop(silent);
    assert!(t.screen().contains("Waiting for your browser"), "still listening");
    // The same code with the right state still works: the wrong state consumed nothing.
    let state = query_param(&url, "state");
    let ok = get(port, &format!("/callback?code={code}&state={state}"));
    assert!(ok.starts_with("HTTP/1.1 200"), "{ok}");
    assert!(t.wait_for("Saved in").contains("Ada Lovelace"));
    // After the code the listener is closed.
    assert!(TcpStream::connect(("127.0.0.1", port)).is_err());
    t.keys(&["q"]);
}

fn the_listener_gives_up_after_its_countdown_and_r_starts_again() {
    let s = Session::new();
    let t = start(&s, "timeout", "MASTOKEY_LOOPBACK_TIMEOUT=2");
    t.wait_for("Scope string requested");
    t.keys(&["Enter"]);
    t.wait_for("left");
    t.keys(&["o"]);
    let port = listener_port(&wait_for_file(&s.opened));
    t.wait_for("No answer from the browser in time");
    // A browser that comes back now is told the attempt is over, and nothing is used.
    let late = get(port, "/callback?code=late&state=whatever");
    assert!(late.starts_with("HTTP/1.1 410") && late.contains("This login attempt is over"), "{late}");
    t.wait_for("came back after this attempt ended");
    // A new attempt closes the old port.
    t.keys(&["r"]);
    t.wait_for("Waiting for your browser");
    poll("the old port to close").until(|| match TcpStream::connect(("127.0.0.1", port)) {
        Err(_) => Ok(()),
        Ok(_) => Err("still open".to_owned()),
    });
    t.keys(&["q"]);
}

fn exact_match_servers_get_the_port_registered_and_it_is_reused() {
    let (s, page) = following_session(ServerConfig { flavor: Flavor::GoToSocial, ..ServerConfig::default() });
    for round in 0..2 {
        let _ = std::fs::remove_file(&page.result);
        let t = start(&s, &format!("gts{round}"), "");
        t.wait_for("Scope string requested");
        t.keys(&["Enter"]);
        let screen = t.wait_for("Waiting for your browser");
        if round == 1 {
            assert!(screen.contains("saved registration"), "the second login reuses the first registration:\n{screen}");
        }
        t.keys(&["o"]);
        assert!(t.wait_for("Saved in").contains("Ada Lovelace"));
        t.keys(&["q"]);
        t.wait_until("exit", |_| t.pane_dead());
    }
    let registrations = s.server().requests().iter().filter(|(m, p)| m == "POST" && p == "/api/v1/apps").count();
    assert_eq!(registrations, 1, "one registration, with the port, served both logins");
}
