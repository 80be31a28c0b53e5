//! `mastokey refresh`: more (or fewer) scopes for a saved login, as the real binary against the
//! strict demo server. Its mistakes as plain exit codes; then, in tmux with a `$BROWSER` that
//! approves and follows the redirect back to mastokey, the login's token replaced in
//! `logins.json` with the new scopes and the old token dead at the server; another account
//! approved in the browser saved on its own; the old token kept alive when it cannot be revoked.

use crate::support::BIN;
use crate::support::browser::{Browser, BrowserScript};
use crate::support::cli::setup;
use crate::support::login::{Approver, client, log_in};
use crate::support::session::Session;
use crate::support::tmux::Tmux;
use mastokey::mastodon::account::verify_credentials;
use mastokey::secret::Secret;
use mastokey::store::{Login, Store};

tests! {
    mistakes_are_refused_before_any_browser_with_their_exit_codes,
    refresh_add_scopes_replaces_the_token_and_revokes_the_old_one needs [Tmux, Curl],
    another_account_in_the_browser_is_saved_on_its_own_and_exits_7 needs [Tmux, Curl],
    an_old_token_without_its_registration_stays_alive_and_the_new_one_is_saved needs [Tmux, Curl],
    quitting_before_approving_changes_nothing_and_exits_7 needs [Tmux, Curl],
    e_on_the_accounts_screen_changes_the_scopes_of_the_login_in_place needs [Tmux, Curl],
}

fn mistakes_are_refused_before_any_browser_with_their_exit_codes() {
    let s = setup();
    let server = s.server();
    let ada = s.rt.block_on(log_in(
        &server.base_url(),
        &s.store,
        "ada",
        &["profile", "write:statuses"],
        Approver::Demo(server),
    ));
    let acct = s.acct("ada");
    let cases: [(&[&str], i32, &str); 6] = [
        (&["--add-scopes", "write:medias"], 2, "`mastokey scopes`"),
        (&[], 2, "--add-scopes"),
        (&["--remove-scopes", "profile write:statuses"], 2, "no scope left"),
        (&["--remove-scopes", "profile"], 2, "keep profile"),
        (&["--add-scopes", "push", "--remove-scopes", "push"], 2, "both added and removed"),
        (&["--add-scopes", "profile", "--remove-scopes", "write:media"], 0, "Nothing to change"),
    ];
    for (flags, code, says) in cases {
        let args = [&["refresh", acct.as_str()][..], flags].concat();
        let run = s.run(&args);
        assert_eq!(run.code, code, "{args:?}: {run:?}");
        assert!(format!("{}{}", run.stdout, run.stderr).contains(says), "{args:?}: {run:?}");
        assert!(!run.stderr.contains(ada.token.expose()));
    }
    // What changes nothing is said on stderr; the result alone is on stdout.
    let run = s.run(&["refresh", &acct, "--add-scopes", "profile", "--remove-scopes", "write:media"]);
    assert!(run.stderr.contains("already has profile") && run.stderr.contains("does not have write:media"), "{run:?}");
    assert_eq!(run.stdout.lines().count(), 1, "{run:?}");
    assert_eq!(s.run(&["refresh", "nobody@elsewhere.example", "--add-scopes", "push"]).code, 3);
    // A change that needs approving, but no terminal to lead it in (a script, a pipe).
    let run = s.run(&["refresh", &acct, "--add-scopes", "push"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("needs a terminal"), "{run:?}");
    assert_eq!(s.requests_for("/oauth/token"), 1, "no second login was started");
    assert_eq!(s.store.logins().unwrap(), vec![ada.clone()], "the login is as it was");

    // The server is looked up before the interface starts: one that is gone is exit 4.
    let mut s = s;
    s.server = None;
    let run = s.run(&["refresh", &acct, "--add-scopes", "push"]);
    assert_eq!(run.code, 4, "{run:?}");
    assert!(run.stderr.contains("could not reach"), "{run:?}");
}

/// A session whose `$BROWSER` approves as `username` and follows the redirect to mastokey, with
/// ada already logged in (`profile` only) through the library.
fn session(username: &str) -> (Session, Login) {
    let (s, ada, _) = session_with(|dir| Browser::redirect_follower(dir, username));
    (s, ada)
}

/// The same with another `$BROWSER`, whose script is returned too.
fn session_with(browser: impl FnOnce(&std::path::Path) -> Browser) -> (Session, Login, BrowserScript) {
    let mut s = Session::new();
    let script = browser(s.dir.path()).write();
    s.browser = script.path.clone();
    let store = Store::at(&s.config);
    let ada = s.rt.block_on(log_in(&s.base_url(), &store, "ada", &["profile"], Approver::Demo(s.server())));
    (s, ada, script)
}

/// `mastokey refresh ARGS` in tmux, with a line after it that shows the exit code. (An empty
/// line first: tmux does not keep a detached pane's very first line of output.)
fn refresh(s: &Session, name: &str, args: &str) -> Tmux {
    let args = if args.contains("--redirect") { args.to_owned() } else { format!("{args} --redirect loopback") };
    s.start(name, &format!("echo; {BIN} refresh {args}; echo \"exit=$?\""))
}

/// The screen as one line, so a sentence wrapped over rows reads whole.
fn flat(screen: &str) -> String {
    screen.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Waits for `text` anywhere on the screen, also wrapped over rows; returns the flat screen.
fn wait_for_text(t: &Tmux, text: &str) -> String {
    flat(&t.wait_until(text, |screen| flat(screen).contains(text)))
}

fn acct(s: &Session, username: &str) -> String {
    format!("{username}@127.0.0.1:{}", s.server().port())
}

fn verify(s: &Session, token: &Secret) -> Result<String, mastokey::mastodon::ApiError> {
    let base = url::Url::parse(&s.base_url()).unwrap();
    s.rt.block_on(verify_credentials(&client(), &base, token)).map(|a| a.username)
}

/// One refresh approved in the browser, to its end; returns the screen after mastokey exited.
fn approved_refresh(s: &Session, name: &str, flags: &str) -> String {
    let t = refresh(s, name, &format!("{} {flags}", acct(s, "ada")));
    let screen = t.wait_for("Waiting for your browser");
    assert!(screen.contains(&format!("new scopes for @{}", acct(s, "ada"))), "{screen}");
    t.keys(&["o"]);
    wait_for_text(&t, "The server revoked the old token");
    t.keys(&["q"]);
    wait_for_text(&t, "exit=")
}

fn apps_registered(s: &Session) -> usize {
    s.server().requests().iter().filter(|(m, p)| m == "POST" && p == "/api/v1/apps").count()
}

fn refresh_add_scopes_replaces_the_token_and_revokes_the_old_one() {
    let (s, ada) = session("ada");
    let screen = approved_refresh(&s, "refresh", "--add-scopes write:media");
    assert!(screen.contains("exit=0"), "{screen}");
    assert!(screen.contains("Refreshed the login of") && screen.contains("added write:media"), "{screen}");

    let logins = Store::at(&s.config).logins().unwrap();
    assert_eq!(logins.len(), 1);
    let now = logins[0].clone();
    assert_eq!(now.id(), ada.id(), "the same login (server, account id, created_at)");
    assert_eq!(now.scopes_granted, ["profile", "write:media"]);
    assert_ne!(now.token, ada.token);
    // The server's own word: the old token is dead, the new one has the new scopes.
    let old = verify(&s, &ada.token).unwrap_err();
    assert_eq!(old.status(), Some(401), "{old:?}");
    assert_eq!(verify(&s, &now.token).unwrap(), "ada");
    assert_eq!(s.server().token_scopes(now.token.expose()), Some(vec!["profile".into(), "write:media".into()]));
    assert_ne!(now.client_id, ada.client_id, "saved with the registration it was issued to");
    assert_eq!(apps_registered(&s), 2);

    // That registration has both redirects but not push: asking for push registers anew.
    let screen = approved_refresh(&s, "again", "--add-scopes push");
    assert!(screen.contains("exit=0") && screen.contains("added push"), "{screen}");
    assert_eq!(apps_registered(&s), 3, "the saved registration does not cover push");
    let latest = Store::at(&s.config).logins().unwrap().remove(0);
    assert_eq!(latest.scopes_granted, ["profile", "write:media", "push"]);
    assert_eq!(verify(&s, &now.token).unwrap_err().status(), Some(401), "revoked with the registration of round one");
    let registrations = Store::at(&s.config).registrations().unwrap();
    assert!(registrations.iter().any(|r| r.client_id == latest.client_id && r.scopes.contains(&"push".into())));
}

fn another_account_in_the_browser_is_saved_on_its_own_and_exits_7() {
    let (s, ada) = session("grace");
    let t = refresh(&s, "other", &format!("{} --add-scopes push", acct(&s, "ada")));
    t.wait_for("Waiting for your browser");
    t.keys(&["o"]);
    wait_for_text(&t, "saved as a login of its own");
    t.keys(&["q"]);
    let screen = wait_for_text(&t, "exit=");
    assert!(screen.contains("exit=7"), "{screen}");
    let logins = Store::at(&s.config).logins().unwrap();
    assert_eq!(logins.iter().map(|l| l.acct.clone()).collect::<Vec<_>>(), [acct(&s, "ada"), acct(&s, "grace")]);
    assert_eq!(logins[0], ada, "ada's login is untouched");
    assert_eq!(verify(&s, &ada.token).unwrap(), "ada", "and its token still works");
    assert_eq!(s.server().requests().iter().filter(|(_, p)| p == "/oauth/revoke").count(), 0);
}

/// In paste mode this time: the browser shows the code, which is pasted into the code box.
fn an_old_token_without_its_registration_stays_alive_and_the_new_one_is_saved() {
    let (s, ada, page) = session_with(|dir| Browser::code_keeper(dir, "ada"));
    // As a login imported from elsewhere: no registration that could revoke its token.
    std::fs::remove_file(Store::at(&s.config).registrations_path()).unwrap();
    let args = format!("{} --add-scopes write:media --redirect oob", acct(&s, "ada"));
    let t = refresh(&s, "unrevoked", &args);
    t.wait_for("Authorize URL");
    t.keys(&["o"]);
    let code = page.result();
    t.keys(&["Enter"]);
    t.wait_for("Paste the code");
    t.paste(&code);
    t.keys(&["Enter"]);
    let screen = wait_for_text(&t, "could not be revoked");
    assert!(screen.contains("no saved app registration"), "{screen}");
    t.keys(&["q"]);
    let screen = wait_for_text(&t, "exit=");
    assert!(screen.contains("exit=0") && screen.contains("/oauth/authorized_applications"), "{screen}");
    let now = Store::at(&s.config).logins().unwrap().remove(0);
    assert_eq!(now.scopes_granted, ["profile", "write:media"], "the new token is never lost");
    assert_eq!(verify(&s, &ada.token).unwrap(), "ada", "the old token still works, as said");
}

fn quitting_before_approving_changes_nothing_and_exits_7() {
    let (s, ada) = session("ada");
    let t = refresh(&s, "quit", &format!("{} --add-scopes push", acct(&s, "ada")));
    t.wait_for("Waiting for your browser");
    t.keys(&["q"]);
    let screen = wait_for_text(&t, "exit=");
    assert!(screen.contains("exit=7") && screen.contains("was not finished"), "{screen}");
    assert_eq!(Store::at(&s.config).logins().unwrap(), vec![ada]);
}

fn e_on_the_accounts_screen_changes_the_scopes_of_the_login_in_place() {
    let (s, ada) = session("ada");
    let t = s.start("accounts-e", &format!("{BIN} --redirect loopback"));
    t.wait_for("1 saved login");
    t.keys(&["e"]);
    let screen = wait_for_text(&t, "Scope string requested");
    assert!(screen.contains(&format!("new scopes for @{}", acct(&s, "ada"))), "{screen}");
    assert!(screen.contains("[x] profile"), "the login's scopes are chosen: {screen}");
    // The cursor starts on profile: down to write, and all of it.
    t.keys(&["Down", "Down", "Space"]);
    wait_for_text(&t, "profile write");
    t.keys(&["Enter"]);
    t.wait_for("Waiting for your browser");
    t.keys(&["o"]);
    wait_for_text(&t, "The server revoked the old token");
    t.keys(&["a"]);
    let screen = wait_for_text(&t, "1 saved login");
    assert!(screen.contains("profile write"), "the list shows the new scopes: {screen}");
    t.keys(&["q"]);
    let now = Store::at(&s.config).logins().unwrap().remove(0);
    assert_eq!((now.id(), now.scopes_granted.clone()), (ada.id(), vec!["profile".to_owned(), "write".to_owned()]));
    assert_eq!(verify(&s, &ada.token).unwrap_err().status(), Some(401));
}
