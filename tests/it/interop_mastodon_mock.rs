//! Interoperability with mastodon-mock (PyPI): a Mastodon imitation written by someone else, so
//! the demo server's reading of the protocol is not the only one we are tested against.

use std::time::Duration;

use crate::support::BIN;
use crate::support::approve::{approve, code_from_page};
use crate::support::browser::Browser;
use crate::support::cli::mastokey;
use crate::support::login::{Approver, client, log_in};
use crate::support::mock::MockServer;
use crate::support::tmux::{Tmux, wait_for_file};
use mastokey::mastodon::account::verify_credentials;
use mastokey::mastodon::address::parse;
use mastokey::mastodon::client::{Client, Timeouts};
use mastokey::mastodon::discovery::{ServerKind, discover};
use mastokey::mastodon::oauth::{AuthorizeRequest, CodeExchange, OOB, authorize_url, exchange_code, register_app};
use mastokey::mastodon::pkce::{Pkce, new_state};
use mastokey::secret::Secret;

tests! {
    the_library_logs_in_to_mastodon_mock needs [MastodonMock],
    the_binary_logs_in_to_mastodon_mock_with_the_default_scopes needs [Tmux, MastodonMock],
    mastokey_token_works_at_mastodon_mock_until_mastokey_logout_revokes_it needs [MastodonMock],
    mastokey_accounts_and_whoami_at_mastodon_mock needs [MastodonMock],
    the_binary_logs_in_to_mastodon_mock_through_the_loopback_redirect needs [Tmux, Curl, MastodonMock],
    the_mock_keeps_its_files_in_its_own_directory_and_they_go_with_it needs [MastodonMock],
}

/// mastodon-mock makes a SQLite file and media folders with Python's `tempfile`; they must be in
/// the directory the tests give it (removed with it), not left in /tmp by every run. Other test
/// runs on the machine may be making such files in /tmp meanwhile, so what is checked is where
/// this mock's own files are: the folders in its directory, and every file it holds open.
fn the_mock_keeps_its_files_in_its_own_directory_and_they_go_with_it() {
    let mock = MockServer::start();
    let dir = mock.dir().to_path_buf();
    let names: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(names.iter().any(|n| n.starts_with("mastodon_mock_media_")), "its media folder is here: {names:?}");
    let open: Vec<std::path::PathBuf> = std::fs::read_dir(format!("/proc/{}/fd", mock.pid()))
        .unwrap()
        .filter_map(|fd| std::fs::read_link(fd.ok()?.path()).ok())
        .filter(|target| target.to_string_lossy().contains("mastodon_mock"))
        .collect();
    assert!(open.iter().all(|target| target.starts_with(&dir)), "files held open outside {}: {open:?}", dir.display());
    drop(mock);
    assert!(!dir.exists(), "{} outlived the mock", dir.display());
}

fn the_library_logs_in_to_mastodon_mock() {
    let mock = MockServer::start();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let c = Client::new(Timeouts { connect: Duration::from_secs(5), total: Duration::from_secs(20) });
        let address = parse(&mock.base_url()).unwrap();
        let info = discover(&c, address.clone()).await.unwrap_or_else(|e| panic!("discover: {e}\n{}", mock.log()));
        assert_eq!(info.scopes_supported(), ["read", "write", "follow", "push"]);
        assert!(info.supports_pkce());
        assert_eq!(info.kind, ServerKind::Mastodon, "version {:?}", info.card.version);
        assert_eq!(info.card.title, "Mastodon Mock");
        // It advertises no `profile`, so identity needs read:accounts (covered by `read`).
        assert_eq!(info.identity_scope(), "read:accounts");

        let scopes = vec![info.identity_scope().to_owned()];
        let registration = register_app(
            &c,
            &address.origin(),
            address.endpoint("/api/v1/apps"),
            &[OOB.to_owned()],
            &scopes,
            "2026-11-23T00:00:00Z".into(),
        )
        .await
        .expect("register");
        assert!(!registration.client_id.is_empty() && !registration.client_secret.is_empty());

        let pkce = Pkce::generate();
        let url = authorize_url(
            &info.authorize_endpoint(),
            &AuthorizeRequest {
                client_id: &registration.client_id,
                redirect_uri: OOB,
                scopes: &scopes,
                state: &new_state(),
                code_challenge: Some(&pkce.challenge),
                force_login: false,
            },
        );
        let page = reqwest::get(url.clone()).await.unwrap().text().await.unwrap();
        assert!(page.contains("Ada Lovelace (@ada)"), "the authorize page lists the accounts:\n{page}");
        let code = code_from_page(&approve(url.as_str(), "ada").await);

        let exchange = |code| CodeExchange {
            registration: &registration,
            code,
            redirect_uri: OOB,
            code_verifier: Some(&pkce.verifier),
            scopes: &scopes,
        };
        let e = exchange_code(&c, info.token_endpoint(), &exchange("not-the-code")).await.unwrap_err();
        assert!(e.is_rejected_code(), "{e:?}");
        assert_eq!((e.status(), e.error_code()), (Some(400), Some("invalid_grant")));
        assert!(!format!("{e:?}{e}").contains(registration.client_secret.expose()));

        let token = exchange_code(&c, info.token_endpoint(), &exchange(&code)).await.expect("exchange");
        let account = verify_credentials(&c, &address.base, &token.access_token).await.expect("verify");
        assert_eq!((account.username.as_str(), account.display_name.as_str()), ("ada", "Ada Lovelace"));
        // The mock sends `null` in places Mastodon never does; they read as absent, not as errors.
        assert!(account.source.is_some() && account.moved.is_none());

        let e = verify_credentials(&c, &address.base, &Secret::new("bogus-token")).await.unwrap_err();
        assert!(e.is_rejected_token(), "{e:?}");
    });
}

fn the_binary_logs_in_to_mastodon_mock_with_the_default_scopes() {
    let mock = MockServer::start();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let browser = Browser::recorder(dir.path()).write();
    let t = Tmux::start(
        "mock",
        &format!("{BIN} --redirect oob --instance {}", mock.base_url()),
        &[
            ("MASTOKEY_CONFIG_DIR", config.to_str().unwrap()),
            ("BROWSER", browser.path.to_str().unwrap()),
            ("TERM", "xterm-256color"),
        ],
        100,
        30,
    );
    let screen = t.wait_for("Scope string requested");
    assert!(screen.contains("Mastodon Mock"), "{screen}");
    // The default selection (identity) goes through without a confirmation on this server.
    t.keys(&["Enter"]);
    t.wait_for("Authorize URL");
    t.keys(&["o"]);
    let url = wait_for_file(&browser.opened);
    assert!(url.starts_with(&format!("{}/oauth/authorize?", mock.base_url())), "{url}");
    assert!(url.contains("scope=read%3Aaccounts"), "{url}");
    let code = code_from_page(&rt.block_on(approve(&url, "ada")));

    t.keys(&["Enter"]);
    t.wait_for("Paste the code");
    t.paste(&code);
    t.keys(&["Enter"]);
    let screen = t.wait_for("Saved in");
    assert!(screen.contains("Ada Lovelace"), "{screen}");
    assert!(screen.contains("@ada@"), "{screen}");

    let logins = std::fs::read_to_string(config.join("logins.json")).expect("the login was saved");
    assert!(logins.contains("ada@"), "{logins}");
    t.keys(&["q"]);
    t.wait_until("mastokey to exit", |_| t.pane_dead());
}

fn mastokey_token_works_at_mastodon_mock_until_mastokey_logout_revokes_it() {
    let mock = MockServer::start();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = mastokey::store::Store::at(dir.path().join("config"));
    let base = url::Url::parse(&mock.base_url()).unwrap();
    let login = rt.block_on(log_in(&mock.base_url(), &store, "ada", &["read:accounts"], Approver::Browser));
    let mastokey = |args: &[&str]| {
        let out = std::process::Command::new(BIN)
            .args(args)
            .env("MASTOKEY_CONFIG_DIR", store.dir())
            .env("MASTOKEY_LANG", "en")
            .stdin(std::process::Stdio::null())
            .output()
            .expect("run mastokey");
        let text = |b: Vec<u8>| String::from_utf8(b).expect("UTF-8");
        (out.status.code(), text(out.stdout), text(out.stderr))
    };

    let (code, stdout, stderr) = mastokey(&["token"]);
    assert_eq!(code, Some(0), "{stderr}");
    let token = Secret::new(stdout.strip_suffix('\n').expect("one line"));
    assert_eq!(token, login.token);
    let account =
        rt.block_on(verify_credentials(&client(), &base, &token)).unwrap_or_else(|e| panic!("{e}\n{}", mock.log()));
    assert_eq!(account.username, "ada");

    let (code, stdout, stderr) = mastokey(&["logout", &login.acct]);
    assert_eq!(code, Some(0), "{stdout}{stderr}\n{}", mock.log());
    // mastodon-mock 0.6.1 deletes the token at /oauth/revoke (it does not check the client
    // credentials, unlike Mastodon), so the token is then unknown to it: 401.
    let e = rt.block_on(verify_credentials(&client(), &base, &token)).expect_err("the mock rejects the revoked token");
    assert!(e.is_rejected_token(), "{e:?}");
    assert!(store.logins().unwrap().is_empty());
    let (code, _, stderr) = mastokey(&["token"]);
    assert_eq!(code, Some(3), "{stderr}");
}

fn mastokey_accounts_and_whoami_at_mastodon_mock() {
    let mock = MockServer::start();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = mastokey::store::Store::at(dir.path().join("config"));
    let mut login = rt.block_on(log_in(&mock.base_url(), &store, "ada", &["read:accounts"], Approver::Browser));
    login.last_verified = None;
    store.save_login(login.clone()).unwrap();
    let handle = format!("@ada@127.0.0.1:{}", mock.port());
    assert_eq!(format!("@{}", login.acct), handle);
    let run = |args: &[&str]| {
        let run = mastokey(store.dir(), args);
        assert_eq!(run.code, 0, "{args:?}: {run:?}\n{}", mock.log());
        assert!(!run.stdout.contains(login.token.expose()) && !run.stderr.contains(login.token.expose()));
        run.stdout
    };

    let table = run(&["accounts"]);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 2, "{table}");
    assert!(lines[0].starts_with("ACCOUNT") && lines[0].ends_with("SCOPES"), "{table}");
    let cells: Vec<&str> = lines[1].split("  ").map(str::trim).filter(|c| !c.is_empty()).collect();
    assert_eq!(cells, [handle.as_str(), "never", &mock.base_url(), "read:accounts"], "{table}");

    let json: serde_json::Value = serde_json::from_str(&run(&["accounts", "--json"])).expect("JSON");
    assert_eq!(json.as_array().map(Vec::len), Some(1), "{json}");
    assert_eq!(json[0]["acct"], login.acct);
    assert_eq!(json[0]["server"], mock.base_url());
    assert_eq!(json[0]["account_id"], login.account_id);
    assert_eq!(json[0]["display_name"], "Ada Lovelace");
    assert_eq!(json[0]["scopes_granted"], serde_json::json!(["read:accounts"]));
    assert_eq!(json[0]["last_verified"], serde_json::Value::Null);
    assert!(json[0].get("token").is_none(), "{json}");

    let summary = run(&["whoami"]);
    let lines: Vec<&str> = summary.lines().collect();
    assert_eq!(lines[0], format!("Ada Lovelace {handle}"), "{summary}");
    assert_eq!(lines[1], format!("server     {}", mock.base_url()), "{summary}");
    assert_eq!(lines[2], "scopes     read:accounts", "{summary}");
    assert!(lines[3].starts_with("posts      ") && lines[3].contains("  following "), "{summary}");
    assert_eq!(lines.last().copied(), Some(format!("account id {}", login.account_id).as_str()), "{summary}");
    // The check was noted, and accounts shows it.
    let verified = store.logins().unwrap()[0].last_verified.clone().expect("noted");
    assert!(verified.starts_with("20"), "{verified}");
    assert!(run(&["accounts"]).lines().nth(1).is_some_and(|l| l.contains(" UTC ")));

    let account: serde_json::Value = serde_json::from_str(&run(&["whoami", &login.acct, "--json"])).expect("JSON");
    assert_eq!(account["username"], "ada");
    assert_eq!(account["display_name"], "Ada Lovelace");
    assert_eq!(account["id"], login.account_id);
    assert!(account["source"].is_object(), "verify_credentials' own JSON: {account}");

    // A token the mock no longer knows: 5, as at Mastodon.
    rt.block_on(mastokey::mastodon::oauth::revoke(
        &client(),
        url::Url::parse(&format!("{}/oauth/revoke", mock.base_url())).unwrap(),
        &store.registrations().unwrap()[0],
        &login.token,
    ))
    .expect("revoke");
    let rejected = mastokey(store.dir(), &["whoami"]);
    assert_eq!(rejected.code, 5, "{rejected:?}");
}

fn the_binary_logs_in_to_mastodon_mock_through_the_loopback_redirect() {
    let mock = MockServer::start();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let browser = Browser::redirect_follower(dir.path(), "ada").write();
    let t = Tmux::start(
        "mock-loopback",
        &format!("{BIN} --redirect loopback --instance {}", mock.base_url()),
        &[
            ("MASTOKEY_CONFIG_DIR", config.to_str().unwrap()),
            ("BROWSER", browser.path.to_str().unwrap()),
            ("TERM", "xterm-256color"),
        ],
        100,
        30,
    );
    t.wait_for("Scope string requested");
    t.keys(&["Enter"]);
    t.wait_for("Waiting for your browser");
    t.keys(&["o"]);
    let screen = t.wait_for("Saved in");
    assert!(screen.contains("Ada Lovelace"), "{screen}");
    assert!(browser.result().contains("You can close this tab"));
    t.keys(&["q"]);
}
