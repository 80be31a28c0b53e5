//! The profile of a new login: reading the account, saving the login, the avatar.

use super::*;
use crossterm::event::KeyCode;

#[test]
fn success_reads_the_profile_and_saves_the_login() {
    let mut app = at_authorize();
    let fx = exchange_accepted(&mut app, Some("profile"));
    assert_eq!(app.screen_id(), ScreenId::Profile);
    let Effect::Verify { id, token, .. } = &fx[0] else { panic!() };
    assert_eq!(token.expose(), "tok");
    let fx = update(&mut app, Action::Verified(*id, Ok(account()), "2026-11-23T10:00:00Z".into()));
    let Effect::SaveLogin { login, .. } = &fx[0] else { panic!("{fx:?}") };
    assert_eq!(login.acct, "ada@example.social");
    assert_eq!(login.server, "https://example.social");
    assert_eq!(login.scopes_granted, ["profile"]);
    let shown = view(&app);
    assert_eq!(shown.display_name, "Ada Lovelace", "control characters stripped");
    assert_eq!(shown.handle, "@ada@example.social");
    assert!(shown.flags.contains(&"bot".to_owned()));
    assert!(shown.fields[0].verified);
    assert_eq!(shown.saved, SaveState::Saving);
    update(&mut app, Action::LoginSaved(login.clone(), Ok(Saved::in_file("/tmp/cfg/logins.json"))));
    assert_eq!(view(&app).saved, SaveState::Saved(Saved::in_file("/tmp/cfg/logins.json")));
}

#[test]
fn the_handle_takes_the_servers_own_domain_and_a_foreign_one_is_refused() {
    // The instance names itself: accounts are @user@ that domain, not @user@the-API-host.
    let mut app = at_authorize();
    flow_mut(&mut app).server.card.domain = "Social.Example".into();
    let fx = exchange_accepted(&mut app, Some("profile"));
    let fx = update(&mut app, Action::Verified(task_id(&fx), Ok(account()), "now".into()));
    let Effect::SaveLogin { login, .. } = &fx[0] else { panic!("{fx:?}") };
    assert_eq!((login.acct.as_str(), login.server.as_str()), ("ada@social.example", "https://example.social"));

    // A server cannot log in someone else's accounts.
    let mut app = at_authorize();
    let fx = exchange_accepted(&mut app, Some("profile"));
    let foreign = Account { acct: "ada@mastodon.social".into(), ..account() };
    let fx = update(&mut app, Action::Verified(task_id(&fx), Ok(foreign), "now".into()));
    assert!(fx.iter().all(|e| !matches!(e, Effect::SaveLogin { .. })), "nothing saved: {fx:?}");
    assert!(profile(&app).view.is_none() && profile(&app).pending.is_none());
    let error = profile(&app).error.as_deref().unwrap();
    assert!(error.contains("@ada@mastodon.social") && error.contains("refused"), "{error}");
}

#[test]
fn a_failed_save_keeps_the_login_for_a_retry() {
    let mut app = at_authorize();
    let fx = exchange_accepted(&mut app, None);
    update(&mut app, Action::Verified(task_id(&fx), Ok(account()), "now".into()));
    let full = std::io::Error::from_raw_os_error(28);
    let login = saving(&app);
    update(
        &mut app,
        Action::LoginSaved(login, Err(StoreError::Io { path: "/x/logins.json".into(), action: "write", source: full })),
    );
    let SaveState::Failed(msg) = &view(&app).saved else { panic!() };
    assert!(msg.contains("Press s to try again") && !msg.contains("tok"), "{msg}");
    let fx = press(&mut app, KeyCode::Char('s'));
    assert!(matches!(&fx[0], Effect::SaveLogin { login, registration: Some(_) } if login.token.expose() == "tok"));
}

#[test]
fn a_save_that_ends_after_the_profile_was_left_still_reaches_the_accounts_list() {
    // Saved: the accounts screen lists the new login, whichever screen is up when the answer comes.
    let mut app = at_authorize();
    let fx = exchange_accepted(&mut app, Some("profile"));
    update(&mut app, Action::Verified(task_id(&fx), Ok(account()), "now".into()));
    let login = saving(&app);
    app.go(Screen::Accounts);
    update(&mut app, Action::LoginSaved(login, Ok(Saved::in_file("/tmp/cfg/logins.json"))));
    assert!(app.accounts.logins.iter().any(|s| s.login.acct == "ada@example.social"), "listed");

    // Not saved: said where the person is now, since the profile's retry is gone with it.
    let mut app = at_authorize();
    let fx = exchange_accepted(&mut app, Some("profile"));
    update(&mut app, Action::Verified(task_id(&fx), Ok(account()), "now".into()));
    let login = saving(&app);
    app.go(Screen::Accounts);
    let full = std::io::Error::from_raw_os_error(28);
    let error = StoreError::Io { path: "/x/logins.json".into(), action: "write", source: full };
    update(&mut app, Action::LoginSaved(login, Err(error)));
    let notice = app.visible_notice().expect("a notice").text.clone();
    assert!(notice.contains("@ada@example.social") && notice.contains("Log in again"), "{notice}");
    assert!(app.accounts.logins.is_empty(), "nothing listed that was not saved");
}

#[test]
fn verify_failure_keeps_the_token_and_r_retries() {
    let mut app = at_authorize();
    let fx = exchange_accepted(&mut app, None);
    update(&mut app, Action::Verified(task_id(&fx), Err(ApiError::Timeout { host: "h".into() }), "now".into()));
    assert!(profile(&app).error.as_deref().unwrap().contains("Press r"));
    let fx = press(&mut app, KeyCode::Char('r'));
    assert!(matches!(&fx[0], Effect::Verify { token, .. } if token.expose() == "tok"));
}

fn with_avatar(url: &str) -> Account {
    let mut account = account();
    account.avatar = format!("{url}.gif");
    account.avatar_static = url.to_owned();
    account
}

#[test]
fn the_avatar_is_fetched_after_the_profile_and_shown_when_it_arrives() {
    let mut app = at_authorize();
    let fx = exchange_accepted(&mut app, Some("profile"));
    let url = "https://files.example.social/avatars/ada.png";
    let fx = update(&mut app, Action::Verified(task_id(&fx), Ok(with_avatar(url)), "now".into()));
    let fetch = fx.iter().find_map(|e| match e {
        Effect::FetchAvatar { url, .. } => Some(url.to_string()),
        _ => None,
    });
    assert_eq!(fetch.as_deref(), Some(url), "the still image, not the animated one: {fx:?}");
    assert!(!app.busy(), "no spinner for the avatar: the profile is usable without it");

    let avatar = crate::avatar::Avatar { lines: vec![ratatui::text::Line::raw("x")] };
    update(&mut app, Action::AvatarLoaded("https://other.example/old.png".into(), Ok(avatar.clone())));
    assert_eq!(view(&app).avatar, None, "an avatar of another profile is ignored");
    update(&mut app, Action::AvatarLoaded(url.into(), Ok(avatar.clone())));
    assert_eq!(view(&app).avatar, Some(avatar));
}

#[test]
fn no_avatar_is_fetched_over_plain_http_or_without_colours() {
    let mut app = at_authorize();
    let fx = exchange_accepted(&mut app, Some("profile"));
    let fx =
        update(&mut app, Action::Verified(task_id(&fx), Ok(with_avatar("http://files.example/a.png")), "n".into()));
    assert!(!fx.iter().any(|e| matches!(e, Effect::FetchAvatar { .. })), "{fx:?}");

    let mut app = at_authorize();
    app.settings.color = false;
    let fx = exchange_accepted(&mut app, Some("profile"));
    let fx = update(&mut app, Action::Verified(task_id(&fx), Ok(with_avatar("https://f.example/a.png")), "n".into()));
    assert!(!fx.iter().any(|e| matches!(e, Effect::FetchAvatar { .. })), "NO_COLOR: {fx:?}");
}

#[test]
fn no_avatar_is_fetched_from_this_computer_for_a_server_elsewhere() {
    // A server could name any service on the user's machine as the avatar.
    for url in [
        "http://127.0.0.1:9200/_shutdown.png",
        "http://localhost:631/admin.png",
        "http://[::1]:6379/a.png",
        "https://127.0.0.1:8443/a.png",
        "https://localhost/a.png",
    ] {
        let mut app = at_authorize();
        let fx = exchange_accepted(&mut app, Some("profile"));
        let fx = update(&mut app, Action::Verified(task_id(&fx), Ok(with_avatar(url)), "n".into()));
        assert!(!fx.iter().any(|e| matches!(e, Effect::FetchAvatar { .. })), "{url}: {fx:?}");
    }
}
