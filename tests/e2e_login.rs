//! End-to-end: the real binary in tmux logs in against the strict demo server.

mod support;

use std::os::unix::fs::PermissionsExt;

use mastokey::demo::{DemoServer, ServerConfig};
use support::approve::{approve, code_from_page};
use support::tmux::{Tmux, available, recording_browser, wait_for_file};

const BIN: &str = env!("CARGO_BIN_EXE_mastokey");

#[test]
fn full_login_with_a_wrong_code_then_the_right_one() {
    if !available() {
        return;
    }
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = rt.block_on(DemoServer::start(ServerConfig::default())).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let (browser, opened) = recording_browser(dir.path());
    let status = dir.path().join("after-exit");
    // After mastokey exits, record the terminal's mode to prove it was restored.
    let command = format!("{BIN} --instance {}; stty -a > {}", server.base_url(), status.display());
    let t = Tmux::start(
        "login",
        &command,
        &[
            ("MASTOKEY_CONFIG_DIR", config.to_str().unwrap()),
            ("BROWSER", browser.to_str().unwrap()),
            ("TERM", "xterm-256color"),
        ],
        100,
        30,
    );
    // Discovery happened by itself (--instance); the scopes screen shows the server card.
    t.wait_for("Scope string requested");
    assert!(t.screen().contains("mastokey demo server"));
    t.keys(&["Enter"]);
    t.wait_for("Authorize URL");
    t.keys(&["o"]);
    let url = wait_for_file(&opened);
    assert!(url.contains("client_id=") && url.contains("state="), "{url}");
    t.wait_for("Opened in your browser");
    let code = code_from_page(&rt.block_on(approve(&url, "ada")));

    t.keys(&["Enter"]);
    t.wait_for("Paste the code");
    t.type_text("not-the-code");
    t.keys(&["Enter"]);
    t.wait_for("refused this code");
    assert!(t.screen().contains("not-the-code"), "the typed code stays");

    t.keys(&["C-u"]);
    t.paste(&format!("  {code}\n"));
    t.keys(&["Enter"]);
    let screen = t.wait_for("Saved in");
    assert!(screen.contains("Ada Lovelace"), "{screen}");
    assert!(screen.contains(&format!("@ada@127.0.0.1:{}", server.port())), "{screen}");
    assert!(!screen.contains(&code), "the code is not left on screen");

    let logins = config.join("logins.json");
    let text = std::fs::read_to_string(&logins).unwrap();
    assert!(text.contains("\"acct\": \"ada@127.0.0.1") || text.contains("\"acct\":\"ada@127.0.0.1"), "{text}");
    assert_eq!(std::fs::metadata(&logins).unwrap().permissions().mode() & 0o777, 0o600);
    assert_eq!(std::fs::metadata(&config).unwrap().permissions().mode() & 0o777, 0o700);

    t.keys(&["q"]);
    let stty = wait_for_file(&status);
    assert!(stty.contains(" icanon") && stty.contains(" echo "), "terminal left in raw mode:\n{stty}");
    assert_eq!(t.format("#{alternate_on}"), "0", "still on the alternate screen");
}

#[test]
fn ctrl_c_quits_from_the_first_screen_and_restores_the_terminal() {
    if !available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let status = dir.path().join("after-exit");
    let command = format!("{BIN}; echo \"exit=$?\" > {}; stty -a >> {}", status.display(), status.display());
    let t = Tmux::start("quit", &command, &[("MASTOKEY_CONFIG_DIR", dir.path().to_str().unwrap())], 80, 24);
    t.wait_for("Which server");
    t.type_text("q");
    assert!(t.wait_for("Which server").contains("│q"), "q types into the box");
    t.keys(&["C-c"]);
    let text = wait_for_file(&status);
    assert!(text.contains("exit=0") && text.contains(" icanon"), "{text}");
    assert_eq!(t.format("#{alternate_on}"), "0");
}

#[test]
fn a_mistyped_server_gets_a_message_and_keeps_the_text() {
    if !available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let t = Tmux::start("typo", BIN, &[("MASTOKEY_CONFIG_DIR", dir.path().to_str().unwrap())], 80, 24);
    t.wait_for("Which server");
    // A closed port on loopback: refused at once, no network needed.
    t.type_text("http://127.0.0.1:9");
    t.keys(&["Enter"]);
    let screen = t.wait_for("refused the connection");
    assert!(screen.contains("http://127.0.0.1:9"));
    t.keys(&["C-c"]);
}
