//! End-to-end: the real binary in tmux logs in against the strict demo server.

mod support;

use std::os::unix::fs::PermissionsExt;

use mastokey::demo::{DemoServer, ServerConfig};
use support::approve::{approve, code_from_page};
use support::tmux::{Tmux, available, recording_browser, wait_for_file};

const BIN: &str = env!("CARGO_BIN_EXE_mastokey");

/// A demo server, a config dir and a recording browser for one test.
struct Setup {
    rt: tokio::runtime::Runtime,
    server: DemoServer,
    dir: tempfile::TempDir,
    config: std::path::PathBuf,
    browser: std::path::PathBuf,
    opened: std::path::PathBuf,
}

fn setup() -> Setup {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = rt.block_on(DemoServer::start(ServerConfig::default())).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let (browser, opened) = recording_browser(dir.path());
    Setup { rt, server, dir, config, browser, opened }
}

impl Setup {
    fn start(&self, name: &str, command: &str) -> Tmux {
        let env = [
            ("MASTOKEY_CONFIG_DIR", self.config.to_str().unwrap()),
            ("BROWSER", self.browser.to_str().unwrap()),
            ("TERM", "xterm-256color"),
        ];
        Tmux::start(name, command, &env, 100, 30)
    }

    /// From the scopes screen to the code box: continue, open the URL, approve as ada.
    fn authorize(&self, t: &Tmux) -> (String, String) {
        t.wait_for("Scope string requested");
        t.keys(&["Enter"]);
        t.wait_for("Authorize URL");
        t.keys(&["o"]);
        let url = wait_for_file(&self.opened);
        t.wait_for("Opened in your browser");
        let code = code_from_page(&self.rt.block_on(approve(&url, "ada")));
        t.keys(&["Enter"]);
        t.wait_for("Paste the code");
        (url, code)
    }
}

#[test]
fn full_login_with_a_wrong_code_then_the_right_one() {
    if !available() {
        return;
    }
    let s = setup();
    let status = s.dir.path().join("after-exit");
    // After mastokey exits, record the terminal's mode to prove it was restored.
    let t = s.start(
        "login",
        &format!("{BIN} --redirect oob --instance {}; stty -a > {}", s.server.base_url(), status.display()),
    );
    // Discovery happened by itself (--instance); the scopes screen shows the server card.
    t.wait_for("Scope string requested");
    assert!(t.screen().contains("mastokey demo server"));
    let (url, code) = s.authorize(&t);
    assert!(url.contains("client_id=") && url.contains("state="), "{url}");

    t.type_text("not-the-code");
    t.keys(&["Enter"]);
    t.wait_for("refused this code");
    assert!(t.screen().contains("not-the-code"), "the typed code stays");

    t.keys(&["C-u"]);
    t.paste(&format!("  {code}\n"));
    t.keys(&["Enter"]);
    let screen = t.wait_for("Saved in");
    assert!(screen.contains("Ada Lovelace"), "{screen}");
    assert!(screen.contains(&format!("@ada@127.0.0.1:{}", s.server.port())), "{screen}");
    assert!(!screen.contains(&code), "the code is not left on screen");

    let logins = s.config.join("logins.json");
    let text = std::fs::read_to_string(&logins).unwrap();
    assert!(text.contains(&format!("ada@127.0.0.1:{}", s.server.port())), "{text}");
    assert_eq!(std::fs::metadata(&logins).unwrap().permissions().mode() & 0o777, 0o600);
    assert_eq!(std::fs::metadata(&s.config).unwrap().permissions().mode() & 0o777, 0o700);

    t.keys(&["q"]);
    let stty = wait_for_file(&status);
    assert!(stty.contains(" icanon") && stty.contains(" echo "), "terminal left in raw mode:\n{stty}");
    assert_eq!(t.format("#{alternate_on}"), "0", "still on the alternate screen");
}

#[test]
fn copy_without_a_display_uses_osc52_into_the_tmux_buffer() {
    if !available() {
        return;
    }
    let s = setup();
    let t = s.start(
        "osc52",
        &format!("env -u DISPLAY -u WAYLAND_DISPLAY {BIN} --redirect oob --instance {}", s.server.base_url()),
    );
    t.tmux(&["set-option", "-g", "set-clipboard", "on"]);
    t.wait_for("Scope string requested");
    t.keys(&["Enter"]);
    t.wait_for("Authorize URL");
    t.keys(&["c"]);
    t.wait_for("OSC 52");
    t.keys(&["o"]);
    let url = wait_for_file(&s.opened);
    let buffer = String::from_utf8_lossy(&t.tmux(&["show-buffer"]).stdout).into_owned();
    assert_eq!(buffer, url, "the copied URL is the one the browser got");
}

#[test]
fn a_corrupt_logins_file_is_kept_aside_and_the_new_login_saved() {
    if !available() {
        return;
    }
    let s = setup();
    std::fs::create_dir_all(&s.config).unwrap();
    std::fs::write(s.config.join("logins.json"), b"{ this is not json").unwrap();
    let t = s.start("corrupt", &format!("{BIN} --redirect oob --instance {}", s.server.base_url()));
    let (_, code) = s.authorize(&t);
    t.type_text(&code);
    t.keys(&["Enter"]);
    let screen = t.wait_for("Saved in");
    assert!(screen.contains("could not be understood"), "the corrupt file is reported:\n{screen}");
    let kept: Vec<_> = std::fs::read_dir(&s.config)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("logins.json.corrupt"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(std::fs::read(kept[0].path()).unwrap(), b"{ this is not json");
    assert!(std::fs::read_to_string(s.config.join("logins.json")).unwrap().contains("ada@127.0.0.1"));
    t.keys(&["q"]);
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
    t.wait_for("│q");
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
