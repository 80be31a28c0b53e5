//! The subcommands for scripts, run as the real binary against the strict demo server.

use crate::support::BIN;
use crate::support::cli::{mastokey, setup};
use crate::support::login::client;
use crate::support::tmux::{Tmux, wait_for_file};
use mastokey::mastodon::oauth::revoke;
use mastokey::secret::Secret;

tests! {
    accounts_lists_logins_as_a_table_and_as_json_without_tokens,
    accounts_with_nothing_saved_is_an_empty_list_not_an_error,
    token_prints_the_token_alone_and_it_works,
    token_without_logins_or_with_an_unknown_account_exits_3,
    token_with_two_logins_and_no_account_is_a_usage_error_listing_them,
    whoami_verifies_prints_a_summary_or_the_json_and_notes_the_time,
    whoami_after_the_server_revoked_the_token_exits_5,
    whoami_with_the_server_down_exits_4,
    logout_revokes_the_token_and_forgets_the_login,
    logout_with_the_server_down_keeps_the_login_unless_told_yes,
    logout_asks_on_a_terminal_before_forgetting needs [Tmux],
    a_corrupt_logins_file_exits_6_and_is_kept_aside,
    completions_come_from_the_same_definition,
    scopes_lists_the_catalogue_and_a_wrong_scope_points_to_it,
    revoke_refuses_another_apps_token_and_wrong_credentials_without_leaking_them,
}

fn accounts_lists_logins_as_a_table_and_as_json_without_tokens() {
    let s = setup();
    let ada = s.log_in("ada");
    let hanako = s.log_in("hanako");

    let run = s.run(&["accounts"]);
    assert_eq!(run.code, 0, "{run:?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.stdout);
    assert!(lines[0].starts_with("ACCOUNT") && lines[0].contains("SCOPES"), "{}", lines[0]);
    let server = s.server().base_url();
    assert!(lines[1].starts_with(&format!("@{}", s.acct("ada"))), "{}", lines[1]);
    assert!(lines[1].contains(&server) && lines[1].trim_end().ends_with("profile"), "{}", lines[1]);
    assert!(lines[1].contains(" UTC "), "the time it was last verified: {}", lines[1]);
    assert!(lines[2].starts_with(&format!("@{}", s.acct("hanako"))), "{}", lines[2]);
    assert!(!run.stdout.contains(ada.token.expose()) && !run.stdout.contains(hanako.token.expose()));

    let run = s.run(&["accounts", "--json"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(!run.stdout.contains(ada.token.expose()) && !run.stdout.contains(hanako.token.expose()));
    let list: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let list = list.as_array().expect("an array");
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["acct"], s.acct("ada"));
    assert_eq!(list[0]["server"], server);
    assert_eq!(list[0]["scopes_granted"], serde_json::json!(["profile"]));
    assert_eq!(list[1]["display_name"], "山田花子 :sakura:");
    assert!(list.iter().all(|l| l.get("token").is_none()), "{list:?}");
}

fn token_prints_the_token_alone_and_it_works() {
    let s = setup();
    let ada = s.log_in("ada");
    let run = s.run(&["token"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout, format!("{}\n", ada.token.expose()));
    assert_eq!(run.stderr, "");
    assert_eq!(s.verify(run.stdout.trim_end_matches('\n')).expect("the printed token works"), "ada");

    // Named, with a leading @ and in another case, it is the same login.
    let named = s.run(&["token", &format!("@{}", s.acct("ADA"))]);
    assert_eq!((named.code, named.stdout), (0, run.stdout));
}

/// An empty list is an answer (exit 0), unlike asking for a token nobody saved (exit 3).
fn accounts_with_nothing_saved_is_an_empty_list_not_an_error() {
    let s = setup();
    let run = s.run(&["accounts"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{run:?}");
    assert!(run.stderr.contains("no logins are saved") && run.stderr.contains("`mastokey`"), "{}", run.stderr);
    let run = s.run(&["accounts", "--json"]);
    assert_eq!((run.code, run.stdout.trim()), (0, "[]"), "{run:?}");
}

fn token_without_logins_or_with_an_unknown_account_exits_3() {
    let s = setup();
    let run = s.run(&["token"]);
    assert_eq!(run.code, 3, "{run:?}");
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("no logins are saved") && run.stderr.contains("`mastokey`"), "{}", run.stderr);

    s.log_in("ada");
    let run = s.run(&["token", "grace@elsewhere.example"]);
    assert_eq!(run.code, 3, "{run:?}");
    assert!(run.stderr.contains(&s.acct("ada")), "names the saved logins: {}", run.stderr);
}

fn token_with_two_logins_and_no_account_is_a_usage_error_listing_them() {
    let s = setup();
    let ada = s.log_in("ada");
    s.log_in("grace");
    let run = s.run(&["token"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains(&s.acct("ada")) && run.stderr.contains(&s.acct("grace")), "{}", run.stderr);
    assert!(run.stderr.contains("mastokey token ACCOUNT"), "{}", run.stderr);
    assert!(!run.stderr.contains(ada.token.expose()));
}

fn whoami_verifies_prints_a_summary_or_the_json_and_notes_the_time() {
    let s = setup();
    let mut ada = s.log_in("ada");
    ada.last_verified = Some("2000-01-01T00:00:00Z".into());
    s.store.save_login(ada.clone()).unwrap();

    let run = s.run(&["whoami"]);
    assert_eq!(run.code, 0, "{run:?}");
    let first = run.stdout.lines().next().unwrap_or_default();
    assert_eq!(first, format!("Ada Lovelace @{}", s.acct("ada")));
    assert!(run.stdout.contains(&format!("server     {}", s.server().base_url())), "{}", run.stdout);
    assert!(run.stdout.contains("scopes     profile"), "{}", run.stdout);
    assert!(run.stdout.contains("posts      4,321  following 183  followers 1,815"), "{}", run.stdout);
    assert!(!run.stdout.contains(ada.token.expose()));
    let verified = s.store.logins().unwrap()[0].last_verified.clone().unwrap();
    assert!(verified.as_str() > "2000-01-01T00:00:00Z", "last_verified was updated: {verified}");

    let run = s.run(&["whoami", &s.acct("ada"), "--json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let account: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(account["username"], "ada");
    assert_eq!(account["display_name"], "Ada Lovelace");
    assert!(account["source"].is_object(), "the server's own JSON, verify_credentials' source included");
}

fn whoami_after_the_server_revoked_the_token_exits_5() {
    let s = setup();
    let ada = s.log_in("ada");
    let registration = s.store.registrations().unwrap().remove(0);
    let endpoint = url::Url::parse(&format!("{}/oauth/revoke", s.server().base_url())).unwrap();
    s.rt.block_on(revoke(&client(), endpoint, &registration, &ada.token)).expect("revoke");

    let run = s.run(&["whoami"]);
    assert_eq!(run.code, 5, "{run:?}");
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.contains("no longer accepts the token") && run.stderr.contains("log in again"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains(ada.token.expose()));
    assert_eq!(s.saved_accts(), [s.acct("ada")], "a rejected login is reported, not forgotten");
}

fn whoami_with_the_server_down_exits_4() {
    let mut s = setup();
    s.log_in("ada");
    s.server = None;
    let run = s.run(&["whoami"]);
    assert_eq!(run.code, 4, "{run:?}");
    assert!(run.stderr.contains("could not reach") && run.stderr.contains("refused"), "{}", run.stderr);
}

fn logout_revokes_the_token_and_forgets_the_login() {
    let s = setup();
    let ada = s.log_in("ada");
    let grace = s.log_in("grace");
    let run = s.run(&["logout", &s.acct("ada")]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("Logged out"), "{}", run.stdout);

    let e = s.verify(ada.token.expose()).expect_err("the server rejects the revoked token");
    assert!(e.is_rejected_token(), "{e:?}");
    assert_eq!(s.verify(grace.token.expose()).expect("the other login still works"), "grace");
    let accounts = s.run(&["accounts"]);
    assert!(!accounts.stdout.contains(&s.acct("ada")) && accounts.stdout.contains(&s.acct("grace")), "{accounts:?}");

    let again = s.run(&["logout", &s.acct("ada")]);
    assert_eq!(again.code, 3, "{again:?}");
}

fn logout_with_the_server_down_keeps_the_login_unless_told_yes() {
    let mut s = setup();
    let ada = s.log_in("ada");
    s.server = None;
    let acct = ada.acct.as_str();

    let run = s.run(&["logout", acct]);
    assert_eq!(run.code, 4, "{run:?}");
    assert!(run.stderr.contains("could not reach") && run.stderr.contains("--yes"), "{}", run.stderr);
    assert_eq!(s.saved_accts(), [acct]);

    let run = s.run(&["logout", acct, "--yes"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("may still work"), "warns about the live token: {}", run.stderr);
    assert!(s.saved_accts().is_empty());
    assert!(!run.stderr.contains(ada.token.expose()));
}

fn logout_asks_on_a_terminal_before_forgetting() {
    let mut s = setup();
    let ada = s.log_in("ada");
    s.server = None;
    let config = s.config();
    let ask = |name: &str, answer: &str| {
        let status = s.dir.path().join(format!("{name}.status"));
        let t = Tmux::start(
            name,
            &format!("{BIN} logout {}; echo \"exit=$?\" > {}", ada.acct, status.display()),
            &[("MASTOKEY_CONFIG_DIR", config.to_str().unwrap())],
            120,
            20,
        );
        t.wait_for("Forget this login anyway? [y/N]");
        t.type_text(answer);
        t.keys(&["Enter"]);
        wait_for_file(&status).trim().to_owned()
    };
    assert_eq!(ask("logout-no", "n"), "exit=4");
    assert_eq!(s.saved_accts(), [ada.acct.as_str()]);
    assert_eq!(ask("logout-yes", "y"), "exit=0");
    assert!(s.saved_accts().is_empty());
}

fn a_corrupt_logins_file_exits_6_and_is_kept_aside() {
    let s = setup();
    s.log_in("ada");
    let garbage = "{\"version\": 1, \"logins\": [{\"token\": \"tok-in-broken-file\"";
    std::fs::write(s.store.logins_path(), garbage).unwrap();
    let run = s.run(&["token"]);
    assert_eq!(run.code, 6, "{run:?}");
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("logins.json could not be understood"), "{}", run.stderr);
    assert!(run.stderr.contains("moved aside as") && run.stderr.contains("log in again"), "{}", run.stderr);
    assert!(!run.stderr.contains("tok-in-broken-file"));
    let kept: Vec<_> = std::fs::read_dir(s.store.dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("logins.json.corrupt-"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(std::fs::read_to_string(kept[0].path()).unwrap(), garbage);
}

fn completions_come_from_the_same_definition() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let run = mastokey(dir.path(), &["completions", shell]);
        assert_eq!(run.code, 0, "{run:?}");
        assert!(run.stdout.contains("mastokey"), "{shell}");
        assert!(run.stdout.contains("whoami") && run.stdout.contains("force-login"), "{shell}");
    }
    let run = mastokey(dir.path(), &["completions", "tcsh"]);
    assert_eq!(run.code, 2, "{run:?}");
}

fn scopes_lists_the_catalogue_and_a_wrong_scope_points_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let run = mastokey(dir.path(), &["scopes"]);
    assert_eq!(run.code, 0, "{run:?}");
    let line = run.stdout.lines().find(|l| l.starts_with("  write:media ")).expect("write:media, under write");
    assert!(line.contains("Upload images"), "its meaning on its line (a pipe): {line}");
    let run = mastokey(dir.path(), &["scopes", "--json"]);
    let scopes: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let media = scopes.as_array().unwrap().iter().find(|s| s["name"] == "write:media").unwrap();
    assert_eq!((media["parent"].as_str(), media["admin"].as_bool()), (Some("write"), Some(false)));
    let run = mastokey(dir.path(), &["--scopes", "read write:bogus"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("\"write:bogus\"") && run.stderr.contains("`mastokey scopes`"), "{}", run.stderr);
}

fn revoke_refuses_another_apps_token_and_wrong_credentials_without_leaking_them() {
    let s = setup();
    let ada = s.log_in("ada");
    let endpoint = url::Url::parse(&format!("{}/oauth/revoke", s.server().base_url())).unwrap();
    let mut other =
        s.rt.block_on(mastokey::mastodon::oauth::register_app(
            &client(),
            &s.server().base_url().as_str().into(),
            url::Url::parse(&format!("{}/api/v1/apps", s.server().base_url())).unwrap(),
            &[mastokey::mastodon::oauth::OOB.to_owned()],
            &["profile".to_owned()],
            mastokey::store::now_rfc3339(),
        ))
        .unwrap();

    let e = s.rt.block_on(revoke(&client(), endpoint.clone(), &other, &ada.token)).unwrap_err();
    assert_eq!(e.status(), Some(403), "{e:?}");
    other.client_secret = Secret::new("wrong-secret-0123456789");
    let e = s.rt.block_on(revoke(&client(), endpoint.clone(), &other, &ada.token)).unwrap_err();
    assert_eq!(e.status(), Some(401), "{e:?}");
    let text = format!("{e}{e:?}");
    assert!(!text.contains(ada.token.expose()) && !text.contains("wrong-secret-0123456789"), "{text}");

    // An unknown token is fine: revoking twice is not an error.
    let registration = s.store.registrations().unwrap().remove(0);
    s.rt.block_on(revoke(&client(), endpoint.clone(), &registration, &ada.token)).expect("revoke");
    s.rt.block_on(revoke(&client(), endpoint, &registration, &ada.token)).expect("revoke again");
    assert_eq!(s.verify(ada.token.expose()).unwrap_err().status(), Some(401));
}
