//! State-machine tests of the accounts screen.

use crossterm::event::KeyCode;

use super::*;

/// The request and the login of a check the accounts screen started.
fn recheck(fx: &[Effect]) -> (TaskId, crate::store::LoginId) {
    match fx {
        [Effect::Recheck { id, login }] => (*id, login.id()),
        other => panic!("no check: {other:?}"),
    }
}

/// The first saved login's id (the one the cursor starts on).
fn first(app: &App) -> crate::store::LoginId {
    app.accounts.logins[0].login.id()
}

#[test]
fn saved_logins_open_the_accounts_screen_and_keys_move() {
    let mut app = at_accounts();
    assert_eq!(app.screen_id(), ScreenId::Accounts);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.accounts.current().unwrap().login.acct, "grace@example.social");
    press(&mut app, KeyCode::Down);
    assert_eq!(app.accounts.cursor, 1, "stops at the last login");
    assert_eq!(App::with_logins(settings(), Vec::new()).screen_id(), ScreenId::Instance);
}

#[test]
fn enter_reverifies_and_opens_the_profile_and_updates_last_verified() {
    let mut app = at_accounts();
    let fx = press(&mut app, KeyCode::Enter);
    let Effect::Recheck { id, login } = &fx[0] else { panic!("{fx:?}") };
    assert_eq!((login.token.expose(), login.server.as_str()), ("token-1", "https://example.social"));
    let fx = update(&mut app, Action::Rechecked(*id, login.id(), Ok(account()), "2026-11-23T12:00:00Z".into()));
    assert_eq!(app.screen_id(), ScreenId::Profile);
    assert_eq!(view(&app).handle, "@ada@example.social");
    // Only the time is noted, and only if that login is still saved as it was.
    let Effect::RecordVerified { login, at } = &fx[0] else { panic!("{fx:?}") };
    assert_eq!((login.account_id.as_str(), at.as_str()), ("1", "2026-11-23T12:00:00Z"));
    assert_eq!(app.accounts.logins[0].status, TokenStatus::Valid);
    // Back on the list, it is read again from the file (another process may have changed it).
    assert_eq!(press(&mut app, KeyCode::Esc), vec![Effect::LoadLogins]);
    assert_eq!(app.screen_id(), ScreenId::Accounts);
}

#[test]
fn a_revoked_token_is_shown_as_such_with_an_offer_to_log_in_again() {
    let mut app = at_accounts();
    let id = task_id(&press(&mut app, KeyCode::Enter));
    let rejected = ApiError::Status {
        status: 401,
        path: "/api/v1/accounts/verify_credentials".into(),
        error: Some("The access token is invalid".into()),
        description: None,
    };
    let ada = first(&app);
    update(&mut app, Action::Rechecked(id, ada, Err(CheckFailed::Rejected(rejected)), "now".into()));
    assert_eq!(app.screen_id(), ScreenId::Accounts);
    assert_eq!(app.accounts.logins[0].status, TokenStatus::Rejected);
    assert!(notice(&app).text.contains("Press a to log in again"));
}

#[test]
fn copying_a_token_asks_first() {
    let mut app = at_accounts();
    assert!(press(&mut app, KeyCode::Char('c')).is_empty());
    assert_eq!(app.overlay, Some(Overlay::Confirm(Confirm::CopyToken(named(&app.accounts.logins[0].login)))));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.overlay, None);
    press(&mut app, KeyCode::Char('c'));
    assert_eq!(press(&mut app, KeyCode::Char('y')), vec![Effect::Copy(Secret::new("token-1"))]);
}

#[test]
fn logout_revokes_then_forgets() {
    let mut app = at_accounts();
    press(&mut app, KeyCode::Char('d'));
    let fx = press(&mut app, KeyCode::Char('y'));
    let Effect::Revoke { id, login } = &fx[0] else { panic!("{fx:?}") };
    assert_eq!(login.account_id, "1");
    let fx = update(&mut app, Action::Revoked(*id, login.clone(), Ok(())));
    assert_eq!(fx, vec![Effect::Forget(login.clone())]);
    update(&mut app, Action::Forgotten(login.clone(), Ok(())));
    assert_eq!(app.accounts.logins.len(), 1);
    assert!(notice(&app).text.contains("Logged out of @ada"));
}

#[test]
fn an_unreachable_server_asks_before_forgetting() {
    let mut app = at_accounts();
    press(&mut app, KeyCode::Char('d'));
    let fx = press(&mut app, KeyCode::Char('y'));
    let Effect::Revoke { id, login } = &fx[0] else { panic!() };
    let fx = update(&mut app, Action::Revoked(*id, login.clone(), Err("example.social refused the connection".into())));
    assert!(fx.is_empty(), "nothing forgotten yet");
    assert_eq!(app.overlay, Some(Overlay::Confirm(Confirm::Forget(named(login)))));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.accounts.logins.len(), 2, "kept when the answer is no");
    press(&mut app, KeyCode::Char('d'));
    let fx = press(&mut app, KeyCode::Char('y'));
    let Effect::Revoke { id, login } = &fx[0] else { panic!() };
    update(&mut app, Action::Revoked(*id, login.clone(), Err("down".into())));
    assert_eq!(press(&mut app, KeyCode::Char('y')), vec![Effect::Forget(login.clone())]);
}

#[test]
fn adding_a_login_on_a_known_server_forces_the_account_choice() {
    let mut app = at_accounts();
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(app.screen_id(), ScreenId::Instance);
    type_text(&mut app, "example.social");
    let id = task_id(&press(&mut app, KeyCode::Enter));
    update(&mut app, Action::Discovered(id, Ok(server(true))));
    let id = task_id(&press(&mut app, KeyCode::Enter));
    update(&mut app, Action::Registered(id, Ok(prepared(true, crate::mastodon::oauth::OOB))));
    assert!(flow(&app).attempt.as_ref().unwrap().url.contains("force_login=true"));
    // Esc on the first screen of the flow goes back to the accounts, not out of mastokey.
    let mut app = at_accounts();
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(press(&mut app, KeyCode::Esc), vec![Effect::LoadLogins]);
    assert_eq!(app.screen_id(), ScreenId::Accounts);
}

#[test]
fn a_new_login_joins_the_list_once_saved() {
    let mut app = at_profile(account());
    assert!(app.accounts.logins.iter().any(|s| s.login.acct == "ada@example.social"));
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(app.screen_id(), ScreenId::Accounts);
}

#[test]
fn a_logout_in_flight_acts_on_its_own_login_wherever_the_cursor_goes() {
    let mut app = at_accounts();
    press(&mut app, KeyCode::Char('d'));
    let Effect::Revoke { id, login } = &press(&mut app, KeyCode::Char('y'))[0] else { panic!() };
    let (id, login) = (*id, login.clone());
    assert_eq!(login.acct, "ada@example.social");
    // Moving on while the server is slow, and trying a second logout and a check: refused.
    press(&mut app, KeyCode::Char('j'));
    assert!(press(&mut app, KeyCode::Char('d')).is_empty());
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert!(notice(&app).text.contains("Still logging out"), "{:?}", app.notice);
    assert_eq!(app.overlay, None);
    // The server fails; the question and the forgetting are about ada, not the highlighted grace.
    update(&mut app, Action::Revoked(id, login.clone(), Err("503".into())));
    assert_eq!(app.overlay, Some(Overlay::Confirm(Confirm::Forget(named(&login)))));
    assert_eq!(press(&mut app, KeyCode::Char('y')), vec![Effect::Forget(login)]);
}

#[test]
fn esc_cancels_a_check_in_flight_on_the_accounts_screen() {
    let mut app = at_accounts();
    let id = task_id(&press(&mut app, KeyCode::Enter));
    assert_eq!(press(&mut app, KeyCode::Esc), vec![Effect::Cancel(id)]);
    assert!(!app.busy());
    assert_eq!(app.screen_id(), ScreenId::Accounts);
    // `a` while a check runs waits for it (or esc), so the server screen is never left busy.
    press(&mut app, KeyCode::Enter);
    assert!(press(&mut app, KeyCode::Char('a')).is_empty());
    assert_eq!(app.screen_id(), ScreenId::Accounts);
    assert!(notice(&app).text.contains("press esc to cancel"));
}

#[test]
fn logging_in_again_after_a_rejected_token_starts_from_its_server_and_scopes() {
    let mut app = at_accounts();
    let id = task_id(&press(&mut app, KeyCode::Enter));
    let rejected = ApiError::Status { status: 401, path: "/x".into(), error: None, description: None };
    let ada = first(&app);
    update(&mut app, Action::Rechecked(id, ada, Err(CheckFailed::Rejected(rejected)), "now".into()));
    app.accounts.logins[0].login.scopes_requested = vec!["read:accounts".into(), "write:statuses".into()];
    let fx = press(&mut app, KeyCode::Char('a'));
    let Effect::Discover { id, address } = &fx[0] else { panic!("{fx:?}") };
    assert_eq!(address.origin(), "https://example.social");
    assert_eq!(app.instance.input.value(), "https://example.social");
    update(&mut app, Action::Discovered(*id, Ok(server(true))));
    assert_eq!(app.screen_id(), ScreenId::Scopes);
    assert_eq!(flow(&app).tree.selected(), ["read:accounts", "write:statuses"]);
}

#[test]
fn a_revoked_login_that_cannot_be_forgotten_says_the_token_is_dead() {
    let mut app = at_accounts();
    press(&mut app, KeyCode::Char('d'));
    let Effect::Revoke { id, login } = &press(&mut app, KeyCode::Char('y'))[0] else { panic!() };
    let (id, login) = (*id, login.clone());
    update(&mut app, Action::Revoked(id, login.clone(), Ok(())));
    let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
    let error = StoreError::Io { path: "/cfg/logins.json".into(), action: "write", source: denied };
    update(&mut app, Action::Forgotten(login, Err(error)));
    let text = &notice(&app).text;
    assert!(text.contains("revoked the token") && text.contains("log out again"), "{text}");
    assert_eq!(app.accounts.logins[0].status, TokenStatus::Rejected, "shown as revoked in the list");
}

/// The file's logins as the store reads them, no default set.
fn loaded(logins: Vec<crate::store::Login>) -> crate::store::Loaded {
    crate::store::Loaded { logins, ..Default::default() }
}

#[test]
fn the_list_is_read_again_and_keeps_what_this_session_learned() {
    let mut app = at_accounts();
    app.accounts.logins[1].status = TokenStatus::Rejected;
    press(&mut app, KeyCode::Char('j'));
    // Another process logged ada in again (a new login) and added katherine.
    let mut newer_ada = saved_login("1", "ada@example.social");
    newer_ada.created_at = "2026-12-01T00:00:00Z".into();
    let now = vec![newer_ada, saved_login("3", "katherine@example.social"), saved_login("2", "grace@example.social")];
    update(&mut app, Action::LoginsLoaded(Ok(loaded(now))));
    let rows: Vec<_> = app.accounts.logins.iter().map(|s| (s.login.acct.as_str(), s.status.clone())).collect();
    assert_eq!(
        rows,
        [
            ("ada@example.social", TokenStatus::NotChecked),
            ("katherine@example.social", TokenStatus::NotChecked),
            ("grace@example.social", TokenStatus::Rejected),
        ]
    );
    assert_eq!(app.accounts.current().unwrap().login.acct, "grace@example.social", "the cursor stays on grace");
    // A check started just before the file was read again still finds its login.
    let (id, checked) = recheck(&press(&mut app, KeyCode::Enter));
    let reordered = app.accounts.logins.iter().rev().map(|s| s.login.clone()).collect();
    update(&mut app, Action::LoginsLoaded(Ok(loaded(reordered))));
    update(&mut app, Action::Rechecked(id, checked.clone(), Ok(account()), "now".into()));
    assert_eq!(app.screen_id(), ScreenId::Profile);
    assert_eq!(app.accounts.logins[0].login.acct, "grace@example.social");
    assert_eq!(app.accounts.logins[0].status, TokenStatus::Valid, "the result went to grace");
    app.screen = Screen::Accounts;
    // All gone elsewhere: the server screen.
    update(&mut app, Action::LoginsLoaded(Ok(loaded(Vec::new()))));
    assert_eq!(app.screen_id(), ScreenId::Instance);
}

#[test]
fn a_login_changed_elsewhere_is_not_written_back() {
    let mut app = at_accounts();
    let (id, checked) = recheck(&press(&mut app, KeyCode::Enter));
    update(&mut app, Action::Rechecked(id, checked.clone(), Ok(account()), "now".into()));
    update(&mut app, Action::LoginChangedElsewhere);
    let SaveState::Failed(why) = &view(&app).saved else { panic!() };
    assert!(why.contains("another mastokey"), "{why}");
    assert!(!app.available(Command::RetrySave), "nothing to retry");
    assert!(press(&mut app, KeyCode::Char('s')).is_empty());
}

#[test]
fn retrying_a_failed_note_of_a_check_notes_only_the_time_again() {
    let mut app = at_accounts();
    let id = task_id(&press(&mut app, KeyCode::Enter));
    let ada = first(&app);
    update(&mut app, Action::Rechecked(id, ada, Ok(account()), "2026-11-23T12:00:00Z".into()));
    let full = std::io::Error::from_raw_os_error(28);
    let login = saving(&app);
    update(
        &mut app,
        Action::LoginSaved(
            login,
            Err(StoreError::Io { path: "/cfg/logins.json".into(), action: "write", source: full }),
        ),
    );
    let fx = press(&mut app, KeyCode::Char('s'));
    assert!(matches!(&fx[..], [Effect::RecordVerified { at, .. }] if at == "2026-11-23T12:00:00Z"), "{fx:?}");
}

#[test]
fn s_makes_the_highlighted_login_the_default_and_says_so() {
    let mut app = at_accounts();
    assert!(app.available(Command::MakeDefault));
    press(&mut app, KeyCode::Char('j'));
    let grace = app.accounts.current().unwrap().login.clone();
    let fx = press(&mut app, KeyCode::Char('s'));
    assert_eq!(fx, vec![Effect::MakeDefault(Box::new(grace.clone()))]);
    assert!(!app.accounts.is_default(&grace), "only once the store has it");
    update(&mut app, Action::DefaultMade(Box::new(grace.clone()), Ok(true)));
    assert!(app.accounts.is_default(&grace));
    assert!(app.notice.as_ref().unwrap().text.contains("grace@example.social is now the default account"));
    // The default already is the default: the key does nothing, and the footer leaves it out.
    assert!(!app.available(Command::MakeDefault));
    assert_eq!(press(&mut app, KeyCode::Char('s')), vec![]);
    // Logged out meanwhile: said, and the list read again; a file that cannot be written: said.
    press(&mut app, KeyCode::Char('k'));
    let ada = app.accounts.current().unwrap().login.clone();
    let fx = update(&mut app, Action::DefaultMade(Box::new(ada.clone()), Ok(false)));
    assert_eq!(fx, vec![Effect::LoadLogins]);
    assert!(app.notice.as_ref().unwrap().text.contains("no longer saved"));
    let denied = crate::store::StoreError::Io {
        path: "/x/logins.json".into(),
        action: "write",
        source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
    };
    update(&mut app, Action::DefaultMade(Box::new(ada), Err(denied)));
    assert_eq!(app.notice.as_ref().unwrap().kind, NoticeKind::Error);
    assert!(app.accounts.is_default(&grace), "unchanged");
}

#[test]
fn one_login_needs_no_default() {
    let mut app = at_accounts();
    let only = app.accounts.logins[0].login.clone();
    update(&mut app, Action::LoginsLoaded(Ok(loaded(vec![only]))));
    assert!(!app.available(Command::MakeDefault));
    assert_eq!(press(&mut app, KeyCode::Char('s')), vec![]);
}

#[test]
fn the_default_comes_with_the_list_read_again() {
    let mut app = at_accounts();
    let logins: Vec<_> = app.accounts.logins.iter().map(|s| s.login.clone()).collect();
    let default = crate::store::DefaultAccount::of(&logins[1]);
    update(
        &mut app,
        Action::LoginsLoaded(Ok(crate::store::Loaded { default: Some(default), logins, ..Default::default() })),
    );
    assert!(app.accounts.is_default(&app.accounts.logins[1].login.clone()));
}
