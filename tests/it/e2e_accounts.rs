//! End-to-end: the accounts screen in the real binary. A second login on the same server (with
//! force_login), switching between the two, and logging out, in the TUI and against the server.

use crate::support::BIN;
use crate::support::approve::{approve, code_from_page};
use crate::support::session::Session;
use crate::support::tmux::{Tmux, wait_for_file};
use mastokey::mastodon::client::{Client, Timeouts};
use mastokey::store::Store;

tests! {
    a_second_login_on_the_same_server_and_switching_between_them needs [Tmux],
    logging_out_revokes_the_token_at_the_server needs [Tmux],
    logout_with_the_server_down_asks_before_forgetting needs [Tmux],
}

fn start(s: &Session, name: &str) -> Tmux {
    s.start(name, &format!("{BIN} --redirect oob"))
}

/// From the server screen to the profile of `username`; returns the authorize URL used.
fn log_in(s: &Session, t: &Tmux, username: &str) -> String {
    t.wait_for("Which server");
    t.type_text(&s.base_url());
    t.keys(&["Enter"]);
    t.wait_for("Scope string requested");
    t.keys(&["Enter"]);
    t.wait_for("Authorize URL");
    let _ = std::fs::remove_file(&s.opened);
    t.keys(&["o"]);
    let url = wait_for_file(&s.opened);
    let code = code_from_page(&s.rt.block_on(approve(&url, username)));
    t.keys(&["Enter"]);
    t.wait_for("Paste the code");
    t.paste(&code);
    t.keys(&["Enter"]);
    t.wait_for("Saved in");
    url
}

fn a_second_login_on_the_same_server_and_switching_between_them() {
    let s = Session::new();
    let t = start(&s, "accounts");
    let first = log_in(&s, &t, "ada");
    assert!(!first.contains("force_login"), "{first}");
    t.keys(&["a"]);
    t.wait_for("1 saved login");
    t.keys(&["a"]);
    let second = log_in(&s, &t, "grace");
    assert!(second.contains("force_login=true"), "the second login lets the person choose another account");
    assert!(t.screen().contains("Grace Hopper"));
    t.keys(&["a"]);
    let screen = t.wait_for("2 saved logins");
    assert!(screen.contains("@ada@127.0.0.1") && screen.contains("@grace@127.0.0.1"), "{screen}");
    // Switch: each profile is read again from the server with that login's token.
    t.keys(&["k", "Enter"]);
    t.wait_for("Ada Lovelace");
    t.keys(&["Escape"]);
    t.wait_for("2 saved logins");
    t.keys(&["j", "Enter"]);
    t.wait_for("Grace Hopper");
    t.keys(&["q"]);
    assert_eq!(Store::at(&s.config).logins().unwrap().len(), 2);
}

fn logging_out_revokes_the_token_at_the_server() {
    let s = Session::new();
    let t = start(&s, "logout");
    log_in(&s, &t, "ada");
    let token = Store::at(&s.config).logins().unwrap()[0].token.clone();
    t.keys(&["a"]);
    t.wait_for("1 saved login");
    t.keys(&["d"]);
    t.wait_for("Log out @ada@");
    t.keys(&["y"]);
    t.wait_for("Logged out of @ada");
    t.wait_for("Which server");
    assert!(Store::at(&s.config).logins().unwrap().is_empty());
    let client = Client::new(Timeouts::default());
    let base = url::Url::parse(&s.base_url()).unwrap();
    let after = s.rt.block_on(mastokey::mastodon::account::verify_credentials(&client, &base, &token));
    assert!(after.unwrap_err().is_rejected_token(), "the server no longer accepts the token");
    t.keys(&["C-c"]);
}

fn logout_with_the_server_down_asks_before_forgetting() {
    let mut s = Session::new();
    let t = start(&s, "logout-down");
    log_in(&s, &t, "ada");
    t.keys(&["q"]);
    t.wait_until("exit", |_| t.pane_dead());
    s.server = None; // the server goes away
    let t = start(&s, "logout-down-2");
    t.wait_for("1 saved login");
    t.keys(&["d"]);
    t.wait_for("Log out @ada@");
    t.keys(&["y"]);
    t.wait_for("Forget the login of @ada");
    assert!(t.screen().contains("refused the connection"), "says why:\n{}", t.screen());
    t.keys(&["n"]);
    t.wait_for("1 saved login");
    assert_eq!(Store::at(&s.config).logins().unwrap().len(), 1, "kept when the answer is no");
    t.keys(&["d"]);
    t.wait_for("Log out @ada@");
    t.keys(&["y"]);
    t.wait_for("Forget the login of @ada");
    t.keys(&["y"]);
    t.wait_for("Which server");
    assert!(Store::at(&s.config).logins().unwrap().is_empty());
    t.keys(&["C-c"]);
}
