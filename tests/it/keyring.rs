//! Tokens in a real system keyring: each test starts a private D-Bus session bus, and on it
//! gnome-keyring-daemon's Secret Service, then drives the real binary with `MASTOKEY_KEYRING=1`.
//!
//! Needs dbus-daemon, dbus-send, gnome-keyring-daemon and secret-tool (Debian: dbus,
//! gnome-keyring, libsecret-tools), and tmux for the terminal-interface parts. In CI they are
//! required; elsewhere a test without them is reported as ignored. Nothing touches the keyring of
//! the person running the tests: the bus, the daemon and its files live in a temporary directory.

mod bus;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::support::BIN;
use crate::support::approve::{approve, code_from_page};
use crate::support::cli::{Run, finish};
use crate::support::login::{Approver, log_in};
use crate::support::poll::poll;
use crate::support::session::Session;
use crate::support::tmux::{Tmux, wait_for_file};
use bus::{Bus, keyring_user};
use mastokey::demo::Fault;
use mastokey::store::{Login, Store};

tests! {
    the_token_lives_in_a_real_keyring_and_the_commands_find_it needs [DbusDaemon, DbusSend, GnomeKeyring, Libsecret],
    without_a_keyring_service_the_token_stays_in_the_file_with_a_note needs [DbusDaemon, DbusSend, GnomeKeyring, Libsecret],
    a_slow_whoami_puts_no_stale_token_in_the_keyring needs [DbusDaemon, DbusSend, GnomeKeyring, Libsecret],
    the_profile_screen_says_where_the_token_went needs [Tmux, DbusDaemon, DbusSend, GnomeKeyring, Libsecret],
}

/// A bus address where nothing listens: no D-Bus at all.
const DEAD_BUS: &str = "unix:path=/nonexistent/mastokey-test/bus";

/// The binary with this config dir, bus and `MASTOKEY_KEYRING` (unset when `None`), no stdin.
fn mastokey(config: &Path, bus: &str, setting: Option<&str>, args: &[&str]) -> Run {
    finish(spawn(config, bus, setting, args))
}

/// [`mastokey`], started: see [`finish`] (which expects UTF-8 output).
fn spawn(config: &Path, bus: &str, setting: Option<&str>, args: &[&str]) -> Child {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .env("MASTOKEY_CONFIG_DIR", config)
        .env("DBUS_SESSION_BUS_ADDRESS", bus)
        .env("MASTOKEY_LANG", "en");
    match setting {
        Some(value) => command.env("MASTOKEY_KEYRING", value),
        None => command.env_remove("MASTOKEY_KEYRING"),
    };
    command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("run mastokey")
}

/// A real login as ada on the session's demo server, saved through the library (token in the file).
fn ada(s: &Session) -> (Login, String) {
    let server = s.server();
    let login =
        s.rt.block_on(log_in(&server.base_url(), &Store::at(&s.config), "ada", &["profile"], Approver::Demo(server)));
    let acct = login.acct.clone();
    (login, acct)
}

fn logins_json(config: &Path) -> (String, serde_json::Value) {
    let text = std::fs::read_to_string(config.join("logins.json")).expect("logins.json");
    let doc = serde_json::from_str(&text).expect("JSON");
    (text, doc)
}

fn verifies(s: &Session, token: &str) -> bool {
    let base = url::Url::parse(&s.base_url()).unwrap();
    let token = mastokey::secret::Secret::new(token);
    s.rt.block_on(mastokey::mastodon::account::verify_credentials(&crate::support::login::client(), &base, &token))
        .is_ok()
}

fn the_token_lives_in_a_real_keyring_and_the_commands_find_it() {
    let mut bus = Bus::start();
    bus.start_secret_service();
    let s = Session::new();
    let (login, acct) = ada(&s);
    let token = login.token.expose().to_owned();
    let run = |setting, args: &[&str]| mastokey(&s.config, &bus.address, setting, args);

    // A login saved in the file moves to the keyring on its next save with the setting on.
    let whoami = run(Some("1"), &["whoami", &acct]);
    assert_eq!((whoami.code, whoami.stderr.as_str()), (0, ""), "{whoami:?}");
    assert!(whoami.stdout.contains(&format!("@{acct}")), "{whoami:?}");
    let (text, doc) = logins_json(&s.config);
    assert!(!text.contains(&token), "the token left the file:\n{text}");
    assert_eq!((&doc["logins"][0]["token_in"], &doc["logins"][0]["token"]), (&"keyring".into(), &"".into()));
    assert_eq!(bus.token_of(&login).as_deref(), Some(token.as_str()));
    let items = bus.secret_tool(&["search", "--all", "service", "mastokey"], None);
    assert!(String::from_utf8_lossy(&items.stdout).contains(&format!("label = mastokey: @{acct}")), "{items:?}");

    // Reading follows the file, with or without the setting; an unset one keeps it there.
    for setting in [Some("1"), None] {
        let printed = run(setting, &["token", &acct]);
        assert_eq!((printed.code, printed.stdout.as_str(), printed.stderr.as_str()), (0, &*format!("{token}\n"), ""));
    }
    assert_eq!(run(None, &["whoami", &acct]).code, 0);
    assert_eq!(logins_json(&s.config).1["logins"][0]["token_in"], "keyring");

    // A token gone from the keyring is like a revoked one; put back, it works again.
    assert!(
        bus.secret_tool(&["clear", "service", "mastokey", "username", &keyring_user(&login)], None).status.success()
    );
    for command in ["token", "whoami"] {
        let gone = run(Some("1"), &[command, &acct]);
        assert_eq!(gone.code, 5, "{gone:?}");
        assert!(gone.stderr.contains("is no longer in the system keyring; log in again"), "{gone:?}");
        assert!(gone.stdout.is_empty(), "{gone:?}");
    }
    let label = format!("--label=mastokey: @{acct}");
    let user = keyring_user(&login);
    bus.secret_tool(&["store", &label, "service", "mastokey", "username", &user], Some(&token));
    assert_eq!(run(None, &["token", &acct]).stdout, format!("{token}\n"));

    // MASTOKEY_KEYRING=0 moves it back to the file and deletes the keyring item; =1 moves it again.
    assert_eq!(run(Some("0"), &["whoami", &acct]).code, 0);
    let (text, doc) = logins_json(&s.config);
    assert!(text.contains(&token) && doc["logins"][0].get("token_in").is_none(), "{text}");
    assert_eq!(bus.token_of(&login), None);
    assert_eq!(run(Some("1"), &["whoami", &acct]).code, 0);
    assert_eq!(bus.token_of(&login).as_deref(), Some(token.as_str()));

    // Logging out revokes with the token from the keyring and deletes the keyring item.
    let logout = run(Some("1"), &["logout", &acct]);
    assert_eq!(logout.code, 0, "{logout:?}");
    assert_eq!(bus.token_of(&login), None);
    assert_eq!(logins_json(&s.config).1["logins"], serde_json::json!([]));
    assert!(!verifies(&s, &token), "the server no longer accepts the token");
}

fn without_a_keyring_service_the_token_stays_in_the_file_with_a_note() {
    let mut bus = Bus::start();
    let s = Session::new();
    let (login, acct) = ada(&s);
    let token = login.token.expose().to_owned();
    let run = |bus_address: &str, args: &[&str]| mastokey(&s.config, bus_address, Some("1"), args);
    let path = s.config.join("logins.json").display().to_string();

    // No bus at all, then a bus with no Secret Service on it: a note each time, token in the file.
    for (address, why) in [
        (DEAD_BUS, "no D-Bus session bus could be reached"),
        (bus.address.as_str(), "nothing on the D-Bus session bus provides the Secret Service"),
    ] {
        let whoami = run(address, &["whoami", &acct]);
        assert_eq!(whoami.code, 0, "{whoami:?}");
        let note = format!(
            "mastokey: no keyring service is running ({why}), so the token of {acct} is in {path} (readable only \
             by you) instead of the system keyring\n"
        );
        assert_eq!(whoami.stderr, note);
        assert!(!whoami.stderr.contains(&token));
        let (text, doc) = logins_json(&s.config);
        assert!(text.contains(&token) && doc["logins"][0].get("token_in").is_none(), "{text}");
    }

    // Turned on later with a keyring running, the next save moves the token there.
    bus.start_secret_service();
    let whoami = run(&bus.address, &["whoami", &acct]);
    assert_eq!((whoami.code, whoami.stderr.as_str()), (0, ""), "{whoami:?}");
    assert_eq!(bus.token_of(&login).as_deref(), Some(token.as_str()));

    // The keyring stops: its tokens cannot be read (a storage problem, exit 6), and logout
    // cannot revoke, so it asks; --yes forgets the login anyway.
    bus.stop_secret_service();
    let printed = run(&bus.address, &["token", &acct]);
    assert_eq!(printed.code, 6, "{printed:?}");
    assert!(printed.stderr.contains("is in the system keyring, but no keyring service is running"), "{printed:?}");
    let kept = run(&bus.address, &["logout", &acct]);
    assert_eq!(kept.code, 6, "{kept:?}");
    assert!(kept.stderr.contains("still saved"), "{kept:?}");
    let forgot = run(&bus.address, &["logout", &acct, "--yes"]);
    assert_eq!(forgot.code, 0, "{forgot:?}");
    assert_eq!(logins_json(&s.config).1["logins"], serde_json::json!([]));
}

fn a_slow_whoami_puts_no_stale_token_in_the_keyring() {
    let mut bus = Bus::start();
    bus.start_secret_service();
    let s = Session::new();
    let (old, acct) = ada(&s);
    let verify = "/api/v1/accounts/verify_credentials";
    let verifies = || s.server().requests().iter().filter(|(_, p)| p == verify).count();
    let before = verifies();
    // whoami with the setting on would move the token it read to the keyring...
    s.server().inject(verify, Fault::Delay(Duration::from_secs(3)));
    let whoami = spawn(&s.config, &bus.address, Some("1"), &["whoami", &acct]);
    poll("whoami to ask the server").every(Duration::from_millis(20)).until(|| {
        let seen = verifies();
        if seen != before { Ok(()) } else { Err(format!("{seen} requests for {verify}")) }
    });
    // ...but while the server holds its request, ada logs in again (token in the file).
    s.server().clear_faults();
    let (newer, _) = ada(&s);
    let run = finish(whoami);
    assert_eq!(run.code, 0, "{run:?}");

    assert!(bus.token_of(&old).is_none(), "no keyring item: neither the old token nor an orphan");
    let (text, doc) = logins_json(&s.config);
    assert!(doc["logins"][0].get("token_in").is_none(), "{text}");
    assert_eq!(doc["logins"][0]["token"], newer.token.expose());
    assert_eq!(doc["logins"][0]["created_at"], newer.created_at.as_str());

    // The next whoami reads the newer login and moves its token.
    assert_eq!(mastokey(&s.config, &bus.address, Some("1"), &["whoami", &acct]).code, 0);
    assert_eq!(bus.token_of(&newer).as_deref(), Some(newer.token.expose()));
}

/// From the server screen of the terminal interface to the profile of ada.
fn log_in_on_screen(s: &Session, t: &Tmux) -> String {
    t.wait_for("Which server");
    t.type_text(&s.base_url());
    t.keys(&["Enter"]);
    t.wait_for("Scope string requested");
    t.keys(&["Enter"]);
    t.wait_for("Authorize URL");
    t.keys(&["o"]);
    let code = code_from_page(&s.rt.block_on(approve(&wait_for_file(&s.opened), "ada")));
    t.keys(&["Enter"]);
    t.wait_for("Paste the code");
    t.paste(&code);
    t.keys(&["Enter"]);
    t.wait_until("the saved line", |screen| screen.contains("Saved in") || screen.contains("Token saved in"))
}

fn start_on_screen(s: &Session, name: &str, bus: &str) -> Tmux {
    let (config, browser): (PathBuf, PathBuf) = (s.config.clone(), s.browser.clone());
    let env = [
        ("MASTOKEY_CONFIG_DIR", config.to_str().unwrap()),
        ("BROWSER", browser.to_str().unwrap()),
        ("TERM", "xterm-256color"),
        ("DBUS_SESSION_BUS_ADDRESS", bus),
        ("MASTOKEY_KEYRING", "1"),
    ];
    Tmux::start(name, &format!("{BIN} --redirect oob"), &env, 100, 30)
}

fn the_profile_screen_says_where_the_token_went() {
    let mut bus = Bus::start();
    bus.start_secret_service();
    let s = Session::new();

    let t = start_on_screen(&s, "keyring-tui", &bus.address);
    let screen = log_in_on_screen(&s, &t);
    assert!(screen.contains("Token saved in        the system keyring (Secret Service)"), "{screen}");
    assert!(screen.contains(&format!("Login details in      {}", s.config.join("logins.json").display())), "{screen}");
    t.keys(&["q"]);
    // This process is not on the private bus, so it reads the file and asks secret-tool.
    let (text, doc) = logins_json(&s.config);
    let login: Login = serde_json::from_value(doc["logins"][0].clone()).expect("a login");
    assert_eq!((doc["logins"][0]["token_in"].as_str(), login.token.expose()), (Some("keyring"), ""), "{text}");
    let token = bus.token_of(&login).expect("the token is in the keyring");
    assert!(!token.is_empty() && !text.contains(&token), "{text}");
    assert!(verifies(&s, &token), "the server accepts the token from the keyring");

    // Started again, it reads the token back from the keyring and the server accepts it.
    let t = start_on_screen(&s, "keyring-tui-again", &bus.address);
    t.wait_for("1 saved login");
    t.keys(&["Enter"]);
    let screen = t.wait_for("Token saved in");
    assert!(screen.contains("Ada Lovelace") && !screen.contains("could not be read"), "{screen}");
    t.keys(&["q"]);

    // With the keyring gone, the accounts screen says whose token could not be read.
    bus.stop_secret_service();
    let t = start_on_screen(&s, "keyring-tui-gone", &bus.address);
    let screen = t.wait_for("1 saved login");
    let notice = format!(
        "Keyring: could not read the token of @ada@127.0.0.1:{} (no keyring service is running).",
        s.server().port()
    );
    assert!(screen.contains(&notice), "{screen}");
    t.keys(&["q"]);

    // With no keyring service, the same login says where the token is instead.
    let s = Session::new();
    let t = start_on_screen(&s, "keyring-tui-none", DEAD_BUS);
    let screen = log_in_on_screen(&s, &t);
    assert!(screen.contains(&format!("Saved in              {}", s.config.join("logins.json").display())), "{screen}");
    // The note wraps; read it as one line.
    let words = crate::support::screen::words(&screen);
    let note = "⚠ No keyring service is running (no D-Bus session bus could be reached), so the token is in this \
                0600 file.";
    assert!(words.contains(note), "{screen}");
    t.keys(&["q"]);
}
