//! Fixtures for tests and benchmarks: an app driven to each screen through real actions.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::mastodon::account::Account;
use crate::mastodon::address;
use crate::mastodon::discovery::{InstanceCard, OAuthMetadata, ServerKind};
use crate::mastodon::oauth::{self, OOB};
use crate::mastodon::pkce::Pkce;
use crate::store::{Login, Saved};

pub fn settings() -> Settings {
    Settings {
        redirect: RedirectMode::Oob,
        listen_timeout: LISTEN_TIMEOUT,
        color: true,
        browser: true,
        config_dir: "/tmp/cfg".into(),
        ..Settings::default()
    }
}

pub fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    update(app, Action::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

pub fn server(with_well_known: bool) -> ServerInfo {
    let oauth = with_well_known.then(|| OAuthMetadata {
        scopes_supported: crate::mastodon::scopes::CATALOGUE.iter().map(|s| s.name.to_owned()).collect(),
        code_challenge_methods_supported: vec!["S256".into()],
        ..OAuthMetadata::default()
    });
    ServerInfo {
        address: address::parse("example.social").unwrap(),
        oauth,
        card: InstanceCard { title: "Example".into(), version: "4.5.0".into(), ..InstanceCard::default() },
        kind: ServerKind::Mastodon,
    }
}

pub fn registration() -> Registration {
    Registration {
        server: "https://example.social".into(),
        client_id: "cid".into(),
        client_secret: Secret::new("csecret"),
        redirect_uris: vec![OOB.into()],
        scopes: vec!["profile".into()],
        created_at: "2026-11-01T00:00:00Z".into(),
    }
}

pub fn task_id(effects: &[Effect]) -> TaskId {
    effects
        .iter()
        .find_map(|e| match e {
            Effect::Discover { id, .. }
            | Effect::DiscoverForRefresh { id, .. }
            | Effect::RevokeReplaced { id, .. }
            | Effect::Prepare { id, .. }
            | Effect::Exchange { id, .. }
            | Effect::Verify { id, .. }
            | Effect::Recheck { id, .. }
            | Effect::Revoke { id, .. } => Some(*id),
            _ => None,
        })
        .expect("a task effect")
}

/// The random values of an attempt, fixed so tests can compare whole URLs.
pub fn secrets() -> AttemptSecrets {
    AttemptSecrets { state: "st4te".into(), pkce: Pkce::from_verifier("v".repeat(43)) }
}

/// The runner's answer to `Prepare`: the fixture registration, saved earlier (`reused`) or not.
pub fn prepared(reused: bool, redirect_uri: &str) -> Prepared {
    Prepared {
        registration: registration(),
        reused,
        redirect_uri: redirect_uri.into(),
        store_warning: None,
        secrets: secrets(),
    }
}

/// An app on the authorize screen with a fresh registration.
pub fn at_authorize() -> App {
    let mut app = App::new(settings());
    type_text(&mut app, "example.social");
    let id = task_id(&press(&mut app, KeyCode::Enter));
    update(&mut app, Action::Discovered(id, Ok(server(true))));
    let id = task_id(&press(&mut app, KeyCode::Enter));
    let fx = update(&mut app, Action::Registered(id, Ok(prepared(false, OOB))));
    assert!(fx.iter().any(|e| matches!(e, Effect::SaveRegistration(_))));
    update(&mut app, Action::RegistrationSaved("cid".into(), Ok(())));
    app
}

pub fn account() -> Account {
    serde_json::from_value(serde_json::json!({
        "id": "1", "username": "ada", "acct": "ada", "display_name": "Ada \u{1b}[31mLovelace",
        "note": "<p>Hello &amp; welcome</p>", "created_at": "2022-11-05T00:00:00.000Z",
        "followers_count": 3, "following_count": 2, "statuses_count": 1, "last_status_at": "2026-11-20",
        "bot": true, "fields": [{"name": "Site", "value": "<a href=\"https://x.org\">x.org</a>", "verified_at": "2024-01-01T00:00:00Z"}],
        "source": {"privacy": "unlisted", "sensitive": false, "language": "en"}
    }))
    .unwrap()
}

/// An app on the scopes screen of a discovered server.
pub fn at_scopes(server_info: ServerInfo) -> App {
    let mut app = App::new(settings());
    type_text(&mut app, &server_info.address.shown.clone());
    let id = task_id(&press(&mut app, KeyCode::Enter));
    update(&mut app, Action::Discovered(id, Ok(server_info)));
    app
}

/// Type a code and have the server accept it with token `tok`; returns the effects of that.
pub fn exchange_accepted(app: &mut App, granted: Option<&str>) -> Vec<Effect> {
    press(app, KeyCode::Enter);
    type_text(app, "good");
    let id = task_id(&press(app, KeyCode::Enter));
    let token = oauth::TokenResponse { access_token: Secret::new("tok"), scope: granted.map(str::to_owned) };
    update(app, Action::Exchanged(id, Ok(token)))
}

/// The login the profile screen is saving (or recording a check of), as its save answers.
pub fn saving(app: &App) -> Box<Login> {
    let Screen::Profile(profile) = &app.screen else { panic!("not on the profile screen") };
    Box::new(profile.saving().unwrap_or_else(|| panic!("nothing being saved: {:?}", profile.pending)).clone())
}

/// An app on the profile screen of this account, with the login saved.
pub fn at_profile(account: Account) -> App {
    let mut app = at_authorize();
    let fx = exchange_accepted(&mut app, Some("profile"));
    update(&mut app, Action::Verified(task_id(&fx), Ok(account), "2026-11-23T10:00:00Z".into()));
    let login = saving(&app);
    update(&mut app, Action::LoginSaved(login, Ok(Saved::in_file("/home/you/.config/mastokey/logins.json"))));
    app
}

pub fn japanese_account() -> Account {
    serde_json::from_value(serde_json::json!({
        "id": "2", "username": "hanako", "acct": "hanako", "display_name": "山田花子 :sakura:",
        "note": "<p>東京在住のエンジニアです。<br>Rust と猫が好き。</p><p><a href=\"https://example.social/tags/rust\" class=\"mention hashtag\" rel=\"tag\">#<span>rust</span></a></p>",
        "created_at": "2023-04-01T00:00:00.000Z", "followers_count": 1200, "following_count": 310, "statuses_count": 5421,
        "last_status_at": "2026-11-22", "locked": true,
        "emojis": [{"shortcode": "sakura", "url": "https://example.social/e.png", "static_url": "https://example.social/e.png", "visible_in_picker": true}],
        "fields": [{"name": "ブログ", "value": "<a href=\"https://hanako.example\">hanako.example</a>", "verified_at": "2024-01-01T00:00:00Z"}, {"name": "場所", "value": "東京", "verified_at": null}],
        "source": {"privacy": "private", "sensitive": true, "language": "ja"}
    }))
    .unwrap()
}

/// A saved login as the store gives it back.
pub fn saved_login(account_id: &str, acct: &str) -> Login {
    Login {
        server: "https://example.social".into(),
        account_id: account_id.into(),
        acct: acct.into(),
        display_name: acct.into(),
        token: Secret::new(format!("token-{account_id}")),
        scopes_granted: vec!["profile".into()],
        scopes_requested: vec!["profile".into()],
        client_id: "cid".into(),
        created_at: "2026-11-01T00:00:00Z".into(),
        last_verified: Some("2026-11-20T00:00:00Z".into()),
    }
}

/// The accounts screen with two saved logins.
pub fn at_accounts() -> App {
    App::with_logins(settings(), vec![saved_login("1", "ada@example.social"), saved_login("2", "grace@example.social")])
}

/// The scopes screen of a refresh of ada's login (`e` on `at_accounts`), its scopes (`profile
/// read:lists`) chosen.
pub fn at_refresh_scopes() -> App {
    let mut app = at_accounts();
    app.accounts.logins[0].login.scopes_granted = vec!["profile".into(), "read:lists".into()];
    let fx = press(&mut app, KeyCode::Char('e'));
    let login = app.accounts.logins[0].login.id();
    update(&mut app, Action::DiscoveredForRefresh(task_id(&fx), login, Ok(server(true))));
    app
}

/// A refresh of ada's login adding `write:media`, approved in the browser as `account`, saved,
/// and the old token's revoke answered with `revoked` (an account other than ada's is saved as
/// a login of its own, and nothing is revoked).
pub fn at_refreshed(account: Account, revoked: Result<(), String>) -> App {
    let mut app = at_refresh_scopes();
    if let Screen::Login(flow) = &mut app.screen {
        flow.tree.choose_all(&["write:media".into()]);
    }
    let id = task_id(&press(&mut app, KeyCode::Enter));
    update(&mut app, Action::Registered(id, Ok(prepared(true, OOB))));
    let fx = exchange_accepted(&mut app, Some("profile read:lists write:media"));
    let fx = update(&mut app, Action::Verified(task_id(&fx), Ok(account), "2026-12-01T10:00:00Z".into()));
    let saved = Saved::in_file("/home/you/.config/mastokey/logins.json");
    if !matches!(fx.first(), Some(Effect::ReplaceLogin { .. })) {
        let login = saving(&app);
        update(&mut app, Action::LoginSaved(login, Ok(saved)));
        return app;
    }
    let fx = update(&mut app, Action::LoginReplaced(Ok(crate::store::Replaced::InPlace(saved))));
    if let Some(Effect::RevokeReplaced { id, login }) = fx.first() {
        update(&mut app, Action::ReplacedRevoked(*id, login.clone(), revoked));
    }
    app
}
