//! End-to-end: the real binary in tmux logs in against the strict demo server.

use std::os::unix::fs::PermissionsExt;

use crate::support::BIN;
use crate::support::approve::{approve, code_from_page};
use crate::support::session::Session;
use crate::support::tmux::{Tmux, wait_for_file};

tests! {
    full_login_with_a_wrong_code_then_the_right_one needs [Tmux],
    copy_without_a_display_uses_osc52_into_the_tmux_buffer needs [Tmux],
    copy_inside_tmux_with_set_clipboard_off_says_how_to_turn_it_on needs [Tmux],
    a_corrupt_logins_file_is_kept_aside_and_the_new_login_saved needs [Tmux],
    ctrl_c_quits_from_the_first_screen_and_restores_the_terminal needs [Tmux],
    a_mistyped_server_gets_a_message_and_keeps_the_text needs [Tmux],
    a_terminate_signal_restores_the_terminal_and_exits_with_its_status needs [Tmux],
    a_config_directory_others_may_write_is_refused_on_screen_with_the_chmod needs [Tmux],
}

fn setup() -> Session {
    Session::new()
}

/// From the scopes screen to the code box: continue, open the URL, approve as ada.
fn authorize(s: &Session, t: &Tmux) -> (String, String) {
    t.wait_for("Scope string requested");
    t.keys(&["Enter"]);
    t.wait_for("Authorize URL");
    t.keys(&["o"]);
    let url = wait_for_file(&s.opened);
    t.wait_for("Opened in your browser");
    let code = code_from_page(&s.rt.block_on(approve(&url, "ada")));
    t.keys(&["Enter"]);
    t.wait_for("Paste the code");
    (url, code)
}

fn full_login_with_a_wrong_code_then_the_right_one() {
    let s = setup();
    let status = s.dir.path().join("after-exit");
    // After mastokey exits, record the terminal's mode to prove it was restored.
    let t =
        s.start("login", &format!("{BIN} --redirect oob --instance {}; stty -a > {}", s.base_url(), status.display()));
    // Discovery happened by itself (--instance); the scopes screen shows the server card.
    t.wait_for("Scope string requested");
    assert!(t.screen().contains("mastokey demo server"));
    let (url, code) = authorize(&s, &t);
    assert!(url.contains("client_id=") && url.contains("state="), "{url}");

    t.type_text("not-the-code");
    t.keys(&["Enter"]);
    t.wait_for("did not accept this code");
    assert!(t.screen().contains("not-the-code"), "the typed code stays");

    // The new code, pasted, replaces the refused one.
    t.paste(&format!("  {code}\n"));
    t.keys(&["Enter"]);
    let screen = t.wait_for("Saved in");
    assert!(screen.contains("Ada Lovelace"), "{screen}");
    assert!(screen.contains(&format!("@ada@127.0.0.1:{}", s.server().port())), "{screen}");
    assert!(!screen.contains(&code), "the code is not left on screen");

    let logins = s.config.join("logins.json");
    let text = std::fs::read_to_string(&logins).unwrap();
    assert!(text.contains(&format!("ada@127.0.0.1:{}", s.server().port())), "{text}");
    assert_eq!(std::fs::metadata(&logins).unwrap().permissions().mode() & 0o777, 0o600);
    assert_eq!(std::fs::metadata(&s.config).unwrap().permissions().mode() & 0o777, 0o700);

    t.keys(&["q"]);
    let stty = wait_for_file(&status);
    assert!(stty.contains(" icanon") && stty.contains(" echo "), "terminal left in raw mode:\n{stty}");
    assert_eq!(t.format("#{alternate_on}"), "0", "still on the alternate screen");
}

fn copy_without_a_display_uses_osc52_into_the_tmux_buffer() {
    let s = setup();
    let t = s
        .start("osc52", &format!("env -u DISPLAY -u WAYLAND_DISPLAY {BIN} --redirect oob --instance {}", s.base_url()));
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

fn copy_inside_tmux_with_set_clipboard_off_says_how_to_turn_it_on() {
    let s = setup();
    let t = s.start(
        "osc52-off",
        &format!("env -u DISPLAY -u WAYLAND_DISPLAY {BIN} --redirect oob --instance {}", s.base_url()),
    );
    t.tmux(&["set-option", "-s", "set-clipboard", "off"]);
    t.wait_for("Scope string requested");
    t.keys(&["Enter"]);
    t.wait_for("Authorize URL");
    t.keys(&["c"]);
    let screen = t.wait_for("set-clipboard option is");
    assert!(screen.contains("\"off\"") && screen.contains("tmux set -s set-clipboard on"), "{screen}");
    assert!(!t.tmux(&["show-buffer"]).status.success(), "nothing reached tmux's buffer");
    // Turned on, the same key works.
    t.tmux(&["set-option", "-s", "set-clipboard", "on"]);
    t.keys(&["c"]);
    t.wait_for("works in most terminals");
}

fn a_corrupt_logins_file_is_kept_aside_and_the_new_login_saved() {
    let s = setup();
    std::fs::create_dir_all(&s.config).unwrap();
    std::fs::write(s.config.join("logins.json"), b"{ this is not json").unwrap();
    let t = s.start("corrupt", &format!("{BIN} --redirect oob --instance {}", s.base_url()));
    // Reported at start-up, when mastokey first reads the file (and keeps it aside).
    t.wait_for("could not be understood");
    let (_, code) = authorize(&s, &t);
    t.type_text(&code);
    t.keys(&["Enter"]);
    t.wait_for("Saved in");
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

/// mastokey on its first screen; when it ends, the shell writes its exit status and the
/// terminal's mode (`stty -a`) to the returned file, whole and then renamed, so the test never
/// reads half of it.
fn first_screen(name: &str) -> (Tmux, tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let status = dir.path().join("after-exit");
    let command = format!("{BIN}; {{ echo \"exit=$?\"; stty -a; }} > {0}.tmp; mv {0}.tmp {0}", status.display());
    let t = Tmux::start(name, &command, &[("MASTOKEY_CONFIG_DIR", dir.path().to_str().unwrap())], 80, 24);
    t.wait_for("Which server");
    (t, dir, status)
}

fn ctrl_c_quits_from_the_first_screen_and_restores_the_terminal() {
    let (t, _dir, status) = first_screen("quit");
    t.type_text("q");
    t.wait_for("│q");
    t.keys(&["C-c"]);
    let text = wait_for_file(&status);
    assert!(text.contains("exit=0") && text.contains(" icanon"), "{text}");
    assert_eq!(t.format("#{alternate_on}"), "0");
}

fn a_mistyped_server_gets_a_message_and_keeps_the_text() {
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

fn a_terminate_signal_restores_the_terminal_and_exits_with_its_status() {
    let (t, _dir, status) = first_screen("sigterm");
    assert_eq!(t.format("#{alternate_on}"), "1");
    let kill = std::process::Command::new("kill").args(["-TERM", &t.program_pid().to_string()]).status().unwrap();
    assert!(kill.success());
    let text = wait_for_file(&status);
    assert!(text.contains("exit=143"), "128 + SIGTERM: {text}");
    assert!(text.contains(" icanon") && text.contains(" echo "), "terminal left in raw mode:\n{text}");
    assert_eq!(t.format("#{alternate_on}"), "0", "still on the alternate screen");
    assert_eq!(t.format("#{mouse_any_flag}"), "0", "mouse reporting left on");
}

fn a_config_directory_others_may_write_is_refused_on_screen_with_the_chmod() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("shared");
    std::fs::create_dir(&config).unwrap();
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o775)).unwrap();
    let t = Tmux::start("shared-dir", BIN, &[("MASTOKEY_CONFIG_DIR", config.to_str().unwrap())], 240, 24);
    let screen = t.wait_for("chmod 700");
    assert!(screen.contains("can be written by other users"), "{screen}");
    assert!(screen.contains(&format!("run `chmod 700 {}`", config.display())), "{screen}");
    t.keys(&["C-c"]);
    // The subcommands refuse it too, with the same line, and exit 6.
    let run = crate::support::cli::mastokey(&config, &["accounts"]);
    assert_eq!(run.code, 6, "{run:?}");
    assert!(run.stderr.contains(&format!("run `chmod 700 {}`", config.display())), "{}", run.stderr);
    assert_eq!(std::fs::read_dir(&config).unwrap().count(), 0, "nothing was written there");
}
