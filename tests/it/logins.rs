//! Coming back to saved logins (`gh auth` style): `status`, `switch` and the default account,
//! `login --with-token`, run as the real binary against strict demo servers.

use std::io::Write;

use crate::support::BIN;
use crate::support::cli::{Run, Setup, finish, setup};
use crate::support::login::{Approver, client, log_in};
use crate::support::tmux::{Tmux, wait_for_file};
use mastokey::demo::{DemoServer, Flavor, ServerConfig};
use mastokey::mastodon::oauth::revoke;
use mastokey::store::{Login, Store};

tests! {
    status_checks_every_login_and_exits_with_the_worst_finding,
    status_gives_each_server_its_own_timeout,
    status_with_nothing_saved_exits_3,
    concurrent_status_and_switch_processes_lose_nothing,
    switch_makes_the_default_that_token_and_whoami_use,
    with_token_saves_a_token_made_elsewhere_with_its_scopes,
    with_token_on_a_server_that_does_not_say_the_scopes_saves_them_as_unknown,
    with_token_refuses_bad_tokens_without_repeating_them,
    a_token_made_elsewhere_is_not_revoked_by_logout_which_says_where_to_revoke_it,
    with_token_at_a_terminal_asks_without_showing_the_token needs [Tmux],
    login_names_the_interactive_flow needs [Tmux],
}

/// A second strict server for `s`, with `username` logged in to it and saved to `s.store`.
fn second_server(s: &Setup, flavor: Flavor, username: &str) -> (DemoServer, Login) {
    let server = s.rt.block_on(DemoServer::start(ServerConfig::of(flavor))).unwrap();
    let login = s.rt.block_on(log_in(&server.base_url(), &s.store, username, &["profile"], Approver::Demo(&server)));
    (server, login)
}

/// Revokes `login`'s token at its server, as a person would on its Authorized apps page.
fn revoke_at_server(s: &Setup, login: &Login) {
    let registration = s.store.registration_of(login).unwrap().expect("a registration");
    let endpoint = url::Url::parse(&format!("{}/oauth/revoke", login.server)).unwrap();
    s.rt.block_on(revoke(&client(), endpoint, &registration, &login.token)).expect("revoke");
}

fn json(run: &Run) -> Vec<serde_json::Value> {
    serde_json::from_str::<serde_json::Value>(&run.stdout).expect("JSON").as_array().expect("an array").clone()
}

fn status_checks_every_login_and_exits_with_the_worst_finding() {
    let s = setup();
    let ada = s.log_in("ada");
    let hanako = s.log_in("hanako");
    let (other, grace) = second_server(&s, Flavor::Mastodon, "grace");

    // Every token works: exit 0, one row each, the time of the check noted.
    let run = s.run(&["status"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stderr, "");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", run.stdout);
    assert!(
        lines[0].starts_with("ACCOUNT") && lines[0].contains("TOKEN") && lines[0].contains("SCOPES"),
        "{}",
        lines[0]
    );
    for (line, login) in lines[1..].iter().zip([&ada, &hanako, &grace]) {
        assert!(line.starts_with(&format!("@{}", login.acct)), "{line}");
        assert!(line.contains(" valid ") && line.contains(login.server.as_str()), "{line}");
    }
    assert!(s.store.logins().unwrap().iter().all(|l| l.last_verified.is_some()));

    // One token revoked, one server gone: the rejected token is the worst finding (5).
    revoke_at_server(&s, &ada);
    let before = s.store.logins().unwrap();
    drop(other);
    let run = s.run(&["status"]);
    assert_eq!(run.code, 5, "{run:?}");
    let row = |acct: &str| run.stdout.lines().find(|l| l.contains(acct)).unwrap_or_default().to_owned();
    assert!(row(&ada.acct).contains(" rejected "), "{}", run.stdout);
    assert!(row(&hanako.acct).contains(" valid "), "{}", run.stdout);
    assert!(row(&grace.acct).contains(" unreachable "), "{}", run.stdout);
    assert!(
        run.stderr.contains("no longer accepts the token") && run.stderr.contains("could not reach"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("2 of 3 logins need attention"), "{}", run.stderr);
    assert!(!run.stdout.contains(ada.token.expose()) && !run.stderr.contains(ada.token.expose()));
    // Only the login that passed has a new time; the others keep theirs.
    let after = s.store.logins().unwrap();
    assert_ne!(after[1].last_verified, before[1].last_verified, "hanako was verified again");
    assert_eq!(after[0].last_verified, before[0].last_verified);
    assert_eq!(after[2].last_verified, before[2].last_verified);

    let run = s.run(&["status", "--json"]);
    assert_eq!(run.code, 5, "{run:?}");
    let rows = json(&run);
    let states: Vec<(&str, i64)> =
        rows.iter().map(|r| (r["status"].as_str().unwrap(), r["exit"].as_i64().unwrap())).collect();
    assert_eq!(states, [("rejected", 5), ("valid", 0), ("unreachable", 4)]);
    assert_eq!(rows[1]["scopes_granted"], serde_json::json!(["profile"]));
    assert!(rows.iter().all(|r| r.get("token").is_none() && r["default"] == false), "{rows:?}");

    // Without the rejected login, the unreachable server is the worst (4); without it, 0.
    assert_eq!(s.run(&["logout", &ada.acct, "--yes"]).code, 0);
    assert_eq!(s.run(&["status"]).code, 4);
    assert_eq!(s.run(&["logout", &grace.acct, "--yes"]).code, 0);
    let run = s.run(&["status"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{run:?}");
}

/// A server that takes the connection and never answers costs its own timeout, not the others'.
fn status_gives_each_server_its_own_timeout() {
    let s = setup();
    let ada = s.log_in("ada");
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    let stuck = Login {
        server: format!("http://127.0.0.1:{port}").as_str().into(),
        account_id: "7".into(),
        acct: format!("stuck@127.0.0.1:{port}"),
        ..ada.clone()
    };
    s.store.save_login(stuck.clone()).unwrap();
    let run = s.run(&["status", "--timeout", "1"]);
    assert_eq!(run.code, 4, "{run:?}");
    let row = |acct: &str| run.stdout.lines().find(|l| l.contains(acct)).unwrap_or_default().to_owned();
    assert!(row(&stuck.acct).contains(" unreachable "), "{}", run.stdout);
    assert!(row(&ada.acct).contains(" valid "), "{}", run.stdout);
    assert!(run.stderr.contains(&format!("127.0.0.1:{port}")), "{}", run.stderr);
    drop(silent);
}

fn status_with_nothing_saved_exits_3() {
    let s = setup();
    let run = s.run(&["status"]);
    assert_eq!((run.code, run.stdout.as_str()), (3, ""), "{run:?}");
    assert!(run.stderr.contains("no logins are saved"), "{}", run.stderr);
    let run = s.run(&["status", "--json"]);
    assert_eq!((run.code, run.stdout.trim()), (3, "[]"), "{run:?}");
}

/// Real processes at once: checks noting their times and switches of the default, all under the
/// store's lock; nothing is lost and the default is one of the logins.
fn concurrent_status_and_switch_processes_lose_nothing() {
    let s = setup();
    let names = ["ada", "hanako", "grace", "newsbot"];
    for name in names {
        s.log_in(name);
    }
    let children: Vec<_> = (0..8)
        .map(|i| if i % 2 == 0 { s.spawn(&["status", "--json"]) } else { s.spawn(&["switch", &s.acct(names[i / 2])]) })
        .collect();
    for (i, child) in children.into_iter().enumerate() {
        let run = finish(child);
        assert_eq!(run.code, 0, "process {i}: {run:?}");
        if i % 2 == 0 {
            assert_eq!(json(&run).len(), 4, "{}", run.stdout);
        }
    }
    let loaded = s.store.load_logins().unwrap();
    assert_eq!(loaded.logins.len(), 4);
    assert!(loaded.logins.iter().all(|l| l.last_verified.is_some()));
    let default = loaded.default.expect("a default");
    assert!(loaded.logins.iter().any(|l| default.is(l)));
    let text = std::fs::read_to_string(s.store.logins_path()).unwrap();
    serde_json::from_str::<serde_json::Value>(&text).expect("the file is whole");
}

fn switch_makes_the_default_that_token_and_whoami_use() {
    let s = setup();
    let ada = s.log_in("ada");
    let hanako = s.log_in("hanako");
    let run = s.run(&["token"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("mastokey switch ACCOUNT"), "{}", run.stderr);

    let run = s.run(&["switch", &format!("@{}", hanako.acct)]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("is now the default account"), "{}", run.stdout);
    assert_eq!(s.run(&["token"]).stdout, format!("{}\n", hanako.token.expose()));
    let whoami = s.run(&["whoami"]);
    assert_eq!(whoami.code, 0, "{whoami:?}");
    assert!(whoami.stdout.contains(&format!("@{}", hanako.acct)), "{}", whoami.stdout);
    // Named, another login still wins.
    assert_eq!(s.run(&["token", &ada.acct]).stdout, format!("{}\n", ada.token.expose()));

    let accounts = s.run(&["accounts"]);
    let lines: Vec<&str> = accounts.stdout.lines().collect();
    assert!(lines[1].starts_with(&format!("  @{}", ada.acct)), "{}", accounts.stdout);
    assert!(lines[2].starts_with(&format!("* @{}", hanako.acct)), "{}", accounts.stdout);
    let rows = json(&s.run(&["accounts", "--json"]));
    assert_eq!((rows[0]["default"].clone(), rows[1]["default"].clone()), (false.into(), true.into()));

    // A login again keeps the account the default; an unknown account is 3.
    s.log_in("hanako");
    assert_eq!(s.store.load_logins().unwrap().default.map(|d| d.account_id), Some(hanako.account_id.clone()));
    assert_eq!(s.run(&["switch", "nobody@127.0.0.1:1"]).code, 3);
    assert_eq!(s.run(&["switch", "not an account"]).code, 2);

    // Logging out of the default with several left leaves none.
    let grace = s.log_in("grace");
    assert_eq!(s.run(&["logout", &hanako.acct]).code, 0);
    assert_eq!(s.run(&["token"]).code, 2, "two left, neither the default");
    // With one left, that one becomes the default.
    assert_eq!(s.run(&["switch", &grace.acct]).code, 0);
    assert_eq!(s.run(&["logout", &grace.acct]).code, 0);
    assert_eq!(s.store.load_logins().unwrap().default.map(|d| d.account_id), Some(ada.account_id.clone()));
    assert!(s.run(&["accounts"]).stdout.contains(&format!("* @{}", ada.acct)));
    assert_eq!(s.run(&["token"]).stdout, format!("{}\n", ada.token.expose()));
}

/// A token from the server's Development page, say: made by another app, not saved here.
fn token_made_elsewhere(s: &Setup, server: &DemoServer, username: &str, scopes: &[&str]) -> Login {
    let elsewhere = tempfile::tempdir().unwrap();
    let store = Store::at(elsewhere.path());
    s.rt.block_on(log_in(&server.base_url(), &store, username, scopes, Approver::Demo(server)))
}

/// `mastokey login --with-token ...` with `stdin` written only after the process is running, so
/// the test can look at its command line first: the token is not there.
fn with_token(s: &Setup, server: &str, stdin: &str) -> Run {
    let mut child = s.spawn_with_stdin(&["login", "--with-token", "--instance", server]);
    let cmdline = std::fs::read(format!("/proc/{}/cmdline", child.id())).unwrap_or_default();
    let token = stdin.trim();
    if !token.is_empty() {
        assert!(!String::from_utf8_lossy(&cmdline).contains(token), "the token is not in argv");
    }
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.as_bytes()).unwrap();
    drop(input);
    finish(child)
}

fn with_token_saves_a_token_made_elsewhere_with_its_scopes() {
    let s = setup();
    let made = token_made_elsewhere(&s, s.server(), "ada", &["profile", "write:media"]);
    let run = with_token(&s, &s.server().base_url(), &format!("{}\n", made.token.expose()));
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains(&format!("Saved {}", s.acct("ada"))), "{}", run.stdout);
    assert!(run.stdout.contains("scopes: profile write:media"), "{}", run.stdout);
    assert!(run.stdout.contains("cannot revoke it"), "{}", run.stdout);
    assert!(!run.stdout.contains(made.token.expose()) && !run.stderr.contains(made.token.expose()));

    let rows = json(&s.run(&["accounts", "--json"]));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["scopes_granted"], serde_json::json!(["profile", "write:media"]));
    assert_eq!((rows[0]["made_elsewhere"].clone(), rows[0]["scopes_known"].clone()), (true.into(), true.into()));
    assert_eq!(s.run(&["token"]).stdout, format!("{}\n", made.token.expose()));
    assert_eq!(s.run(&["whoami"]).code, 0);
    assert_eq!(s.run(&["status"]).code, 0);
    assert!(s.store.registrations().unwrap().is_empty(), "no registration of mastokey's");
}

/// Mastodon 4.2 has no scopes in its app answer: the login is saved, its scopes unknown.
fn with_token_on_a_server_that_does_not_say_the_scopes_saves_them_as_unknown() {
    let s = setup();
    let old = s.rt.block_on(DemoServer::start(ServerConfig::of(Flavor::Mastodon42))).unwrap();
    let made = token_made_elsewhere(&s, &old, "hanako", &["read"]);
    let run = with_token(&s, &old.base_url(), made.token.expose());
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("its scopes are unknown"), "{}", run.stdout);
    let rows = json(&s.run(&["accounts", "--json"]));
    assert_eq!(
        (rows[0]["scopes_granted"].clone(), rows[0]["scopes_known"].clone()),
        (serde_json::json!([]), false.into())
    );
    assert!(s.run(&["accounts"]).stdout.lines().nth(1).is_some_and(|l| l.trim_end().ends_with("unknown")));
}

fn with_token_refuses_bad_tokens_without_repeating_them() {
    let mut s = setup();
    let base = s.server().base_url();
    let cases = [
        ("", 2, "stdin was empty"),
        ("tok-one tok-two\n", 2, "not a token"),
        ("tok-guessed-0123456789\n", 5, "does not accept this token"),
    ];
    for (stdin, code, says) in cases {
        let run = with_token(&s, &base, stdin);
        assert_eq!(run.code, code, "{stdin:?}: {run:?}");
        assert!(run.stderr.contains(says), "{stdin:?}: {}", run.stderr);
        for word in stdin.split_whitespace() {
            assert!(!run.stderr.contains(word) && !run.stdout.contains(word), "{word} repeated: {run:?}");
        }
    }
    let huge = "x".repeat(5000);
    assert_eq!(with_token(&s, &base, &huge).code, 2);
    assert_eq!(with_token(&s, "not a server!", "tok-123").code, 2);
    assert!(s.store.logins().unwrap().is_empty(), "nothing was saved");
    // A server that is down: 4, and the token is not in what is said.
    s.server = None;
    let run = with_token(&s, &base, "tok-while-down-0123456789");
    assert_eq!(run.code, 4, "{run:?}");
    assert!(!run.stderr.contains("tok-while-down"), "{}", run.stderr);
}

fn a_token_made_elsewhere_is_not_revoked_by_logout_which_says_where_to_revoke_it() {
    let s = setup();
    let made = token_made_elsewhere(&s, s.server(), "grace", &["profile"]);
    assert_eq!(with_token(&s, &s.server().base_url(), made.token.expose()).code, 0);
    let acct = s.acct("grace");

    // No terminal to ask at, no --yes: kept, exit 5, and where it can be revoked.
    let run = s.run(&["logout", &acct]);
    assert_eq!(run.code, 5, "{run:?}");
    assert!(run.stderr.contains("did not make this token"), "{}", run.stderr);
    assert!(run.stderr.contains("/oauth/authorized_applications") && run.stderr.contains("/settings/applications"));
    assert_eq!(s.saved_accts(), [acct.as_str()]);
    assert!(s.requests_for("/oauth/revoke") == 0, "nothing was sent that could not work");

    let run = s.run(&["logout", &acct, "--yes"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(s.saved_accts().is_empty());
    assert!(run.stderr.contains("still works"), "said plainly: {}", run.stderr);
    assert_eq!(s.verify(made.token.expose()).expect("the token was not revoked"), "grace");
}

/// At a terminal the token is asked for and typed without echo: nothing of it on screen.
fn with_token_at_a_terminal_asks_without_showing_the_token() {
    let s = setup();
    let made = token_made_elsewhere(&s, s.server(), "ada", &["profile"]);
    let status = s.dir.path().join("with-token.status");
    let config = s.config();
    let t = Tmux::start(
        "with-token",
        &format!(
            "{BIN} login --with-token --instance {}; echo \"exit=$?\" > {}; sleep 30",
            s.server().base_url(),
            status.display()
        ),
        &[("MASTOKEY_CONFIG_DIR", config.to_str().unwrap()), ("MASTOKEY_LANG", "en")],
        120,
        20,
    );
    t.wait_for("Paste the token (it is not shown)");
    t.type_text(made.token.expose());
    t.keys(&["Enter"]);
    assert_eq!(wait_for_file(&status).trim(), "exit=0");
    let screen = t.wait_for("Saved");
    assert!(!screen.contains(made.token.expose()), "{screen}");
    assert_eq!(s.saved_accts(), [s.acct("ada")]);
}

/// `mastokey login --instance ...` is the terminal interface, as `mastokey --instance ...` is.
fn login_names_the_interactive_flow() {
    let s = setup();
    let config = s.config();
    let t = Tmux::start(
        "login-flow",
        &format!("{BIN} login --instance {} --scopes profile --redirect oob", s.server().base_url()),
        &[("MASTOKEY_CONFIG_DIR", config.to_str().unwrap()), ("MASTOKEY_LANG", "en")],
        100,
        30,
    );
    t.wait_for("Authorize URL");
    t.keys(&["q"]);
}
