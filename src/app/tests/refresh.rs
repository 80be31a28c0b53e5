//! A refresh: `e` on the accounts screen (and `mastokey refresh`) through to its ends: the same
//! account's token replaced and the old one revoked, another account saved on its own, a
//! registration that does not cover the new scopes, a revoke that fails.

use crossterm::event::KeyCode;

use super::*;
use crate::app::refresh::{RefreshReport, RefreshStage};
use crate::mastodon::oauth::OOB;
use crate::store::{Login, Replaced};

/// The accounts screen of `at_accounts`, with ada's login holding these scopes.
fn accounts_with(scopes: &[&str]) -> App {
    let mut app = at_accounts();
    app.accounts.logins[0].login.scopes_granted = scopes.iter().map(|s| s.to_string()).collect();
    app
}

fn ada(app: &App) -> Login {
    app.accounts.logins[0].login.clone()
}

/// `e` on the first login and its server found: the scopes screen of the refresh.
fn refreshing(mut app: App) -> App {
    let fx = press(&mut app, KeyCode::Char('e'));
    let [Effect::DiscoverForRefresh { id, login, address }] = &fx[..] else { panic!("{fx:?}") };
    assert_eq!(login, &ada(&app).id());
    assert_eq!(address.origin(), "https://example.social");
    update(&mut app, Action::DiscoveredForRefresh(*id, login.clone(), Ok(server(true))));
    app
}

/// A registration made now for the refresh's scopes.
fn fresh_registration() -> Prepared {
    let mut p = prepared(false, OOB);
    p.registration.client_id = "cid-new".into();
    p.registration.scopes = vec!["profile".into(), "write:media".into()];
    p
}

/// From the refresh's scopes screen (with write:media added) to the effect that saves its token,
/// with the account the server says the token belongs to.
fn approved(app: &mut App, registration: Prepared, account: Account) -> Vec<Effect> {
    flow_mut(app).tree.choose_all(&["write:media".into()]);
    let fx = press(app, KeyCode::Enter);
    let [Effect::Prepare { id, scopes, .. }] = &fx[..] else { panic!("{fx:?}") };
    // The runner finds a saved registration for exactly these scopes, or registers anew.
    assert_eq!(scopes, &["profile", "write:media"]);
    update(app, Action::Registered(*id, Ok(registration)));
    let fx = exchange_accepted(app, Some("profile write:media"));
    update(app, Action::Verified(task_id(&fx), Ok(account), "2026-12-01T00:00:00Z".into()))
}

fn report(app: &App) -> &RefreshReport {
    app.refresh_report.as_ref().expect("a refresh report")
}

#[test]
fn e_opens_the_scopes_screen_with_the_logins_scopes_chosen() {
    let app = refreshing(accounts_with(&["profile", "read:lists", "write"]));
    assert_eq!(app.screen_id(), ScreenId::Scopes);
    let chosen = flow(&app);
    assert_eq!(chosen.tree.selected(), ["profile", "read:lists", "write"]);
    assert_eq!(chosen.refresh.as_deref(), Some(&ada(&app)));
    assert!(chosen.tree.rows().iter().any(|r| r.scope.name == "read:lists"), "a chosen child's parent is open");
    // What the server advertises reached the tree (nothing advertised here is dimmed).
    assert!(chosen.tree.unadvertised().is_empty());
    let mut less = server(true);
    less.oauth.as_mut().unwrap().scopes_supported = vec!["profile".into(), "read".into()];
    let mut app = accounts_with(&["profile", "write:media"]);
    let fx = press(&mut app, KeyCode::Char('e'));
    let login = ada(&app).id();
    update(&mut app, Action::DiscoveredForRefresh(task_id(&fx), login, Ok(less)));
    assert_eq!(flow(&app).tree.unadvertised(), ["write:media"]);
}

#[test]
fn esc_on_the_refresh_scopes_goes_back_to_the_accounts_with_nothing_changed() {
    let mut app = refreshing(at_accounts());
    assert_eq!(press(&mut app, KeyCode::Esc), vec![Effect::LoadLogins]);
    assert_eq!(app.screen_id(), ScreenId::Accounts);
    assert_eq!(app.refresh_report, None);
    assert_eq!(app.accounts.logins[0].login.token.expose(), "token-1");
}

#[test]
fn a_lookup_that_fails_stays_on_the_accounts_screen_and_names_the_key_to_try_again() {
    let mut app = at_accounts();
    let fx = press(&mut app, KeyCode::Char('e'));
    assert!(press(&mut app, KeyCode::Char('e')).is_empty(), "one request at a time");
    let login = ada(&app).id();
    update(
        &mut app,
        Action::DiscoveredForRefresh(task_id(&fx), login, Err(ApiError::Dns { host: "example.social".into() })),
    );
    assert_eq!(app.screen_id(), ScreenId::Accounts);
    let text = &notice(&app).text;
    assert!(text.contains("@ada@example.social") && text.contains("No server called"), "{text}");
}

#[test]
fn the_same_account_replaces_the_token_in_place_and_the_old_one_is_revoked() {
    let mut app = refreshing(at_accounts());
    let old = ada(&app);
    let fx = approved(&mut app, prepared(true, OOB), account());
    let Some(Effect::ReplaceLogin { old: replaced, new, registration }) = fx.first() else { panic!("{fx:?}") };
    assert_eq!(**replaced, old);
    assert_eq!((new.token.expose(), new.account_id.as_str()), ("tok", "1"));
    assert_eq!(new.scopes_granted, ["profile", "write:media"]);
    assert_eq!(*registration, None, "a saved registration was reused: nothing to save with it");
    assert!(!fx.iter().any(|e| matches!(e, Effect::SaveLogin { .. })), "not a new login: {fx:?}");
    assert_eq!(report(&app).stage, RefreshStage::Saving);
    assert_eq!(
        (report(&app).added.as_slice(), report(&app).removed.as_slice()),
        (&["write:media".to_owned()][..], &[][..])
    );

    let fx = update(&mut app, Action::LoginReplaced(Ok(Replaced::InPlace(Saved::in_file("/tmp/cfg/logins.json")))));
    let [Effect::RevokeReplaced { id, login }] = &fx[..] else { panic!("{fx:?}") };
    assert_eq!(**login, old, "the old token, with the registration it was issued to");
    let listed = &app.accounts.logins[0];
    assert_eq!((listed.login.token.expose(), listed.login.id()), ("tok", old.id()), "the same login, new token");
    assert_eq!(listed.status, TokenStatus::Valid);
    assert_eq!(view(&app).saved, SaveState::Saved(Saved::in_file("/tmp/cfg/logins.json")));

    assert!(update(&mut app, Action::ReplacedRevoked(*id, login.clone(), Ok(()))).is_empty(), "nothing forgotten");
    assert_eq!(report(&app).stage, RefreshStage::Revoked);
    assert_eq!(app.accounts.logins.len(), 2);
}

#[test]
fn another_account_in_the_browser_is_saved_as_a_login_of_its_own_and_the_old_one_is_left_alone() {
    let mut app = refreshing(at_accounts());
    let grace = Account { id: "7".into(), username: "grace".into(), acct: "grace".into(), ..account() };
    let fx = approved(&mut app, prepared(true, OOB), grace);
    let Some(Effect::SaveLogin { login, .. }) = fx.first() else { panic!("{fx:?}") };
    assert_eq!((login.acct.as_str(), login.account_id.as_str()), ("grace@example.social", "7"));
    assert!(!fx.iter().any(|e| matches!(e, Effect::ReplaceLogin { .. })));
    assert_eq!(report(&app).stage, RefreshStage::OtherAccount("grace@example.social".into()));
    let fx = update(&mut app, Action::LoginSaved(login.clone(), Ok(Saved::in_file("/tmp/cfg/logins.json"))));
    assert!(fx.is_empty(), "no revoke of ada's token: {fx:?}");
    assert_eq!(app.accounts.logins[0].login.token.expose(), "token-1", "ada's login untouched");
    assert_eq!(app.accounts.logins.len(), 3);
}

#[test]
fn a_registration_that_does_not_cover_the_new_scopes_is_made_anew_and_saved_with_the_token() {
    let mut app = refreshing(at_accounts());
    let fx = approved(&mut app, fresh_registration(), account());
    let Some(Effect::ReplaceLogin { new, registration: Some(registration), .. }) = fx.first() else {
        panic!("the new registration is saved with the token: {fx:?}")
    };
    assert_eq!(registration.client_id, "cid-new");
    assert_eq!(new.client_id, "cid-new", "the new token is revoked with its own registration later");
    assert_eq!(report(&app).old.client_id, "cid", "the old one with the old registration");
}

#[test]
fn a_server_that_deletes_apps_on_revoke_never_reuses_the_old_tokens_registration() {
    let mut app = accounts_with(&["read:accounts"]);
    let fx = press(&mut app, KeyCode::Char('e'));
    let mut snac = server(false);
    snac.kind = crate::mastodon::kind::ServerKind::Snac;
    let login = ada(&app).id();
    update(&mut app, Action::DiscoveredForRefresh(task_id(&fx), login, Ok(snac)));
    let fx = press(&mut app, KeyCode::Enter);
    assert!(matches!(&fx[..], [Effect::Prepare { avoid: Some(cid), .. }] if cid == "cid"), "{fx:?}");
    // Elsewhere a saved registration may serve.
    let mut app = refreshing(at_accounts());
    assert!(matches!(&press(&mut app, KeyCode::Enter)[..], [Effect::Prepare { avoid: None, .. }]));
}

#[test]
fn a_revoke_that_fails_keeps_the_new_token_and_says_why() {
    let mut app = refreshing(at_accounts());
    approved(&mut app, prepared(true, OOB), account());
    let fx = update(&mut app, Action::LoginReplaced(Ok(Replaced::InPlace(Saved::in_file("/tmp/cfg/logins.json")))));
    let [Effect::RevokeReplaced { id, login }] = &fx[..] else { panic!("{fx:?}") };
    let why = "mastokey has no saved app registration for this login (client id cid), so it cannot ask the server";
    let fx = update(&mut app, Action::ReplacedRevoked(*id, login.clone(), Err(why.into())));
    assert!(fx.is_empty(), "nothing forgotten, nothing retried: {fx:?}");
    assert_eq!(report(&app).stage, RefreshStage::NotRevoked(why.into()));
    assert_eq!(app.accounts.logins[0].login.token.expose(), "tok", "the new token is kept");
    // Said where the person is: the profile shows it; on the accounts screen a notice does.
    let (_, text) = crate::app::refresh::stage_notice(report(&app));
    assert!(text.contains("no saved app registration") && text.contains("/oauth/authorized_applications"), "{text}");
    let mut elsewhere = refreshing(at_accounts());
    approved(&mut elsewhere, prepared(true, OOB), account());
    let fx = update(&mut elsewhere, Action::LoginReplaced(Ok(Replaced::InPlace(Saved::in_file("/x")))));
    press(&mut elsewhere, KeyCode::Char('a'));
    update(&mut elsewhere, Action::ReplacedRevoked(task_id(&fx), login.clone(), Err("403".into())));
    assert_eq!(elsewhere.screen_id(), ScreenId::Accounts);
    assert!(notice(&elsewhere).text.contains("could not be revoked (403)"), "{:?}", elsewhere.notice);
}

#[test]
fn a_login_logged_out_meanwhile_gets_the_token_as_a_new_login_and_the_old_token_is_still_revoked() {
    let mut app = refreshing(at_accounts());
    approved(&mut app, prepared(true, OOB), account());
    let fx = update(&mut app, Action::LoginReplaced(Ok(Replaced::SavedAnew(Saved::in_file("/tmp/cfg/logins.json")))));
    assert!(matches!(&fx[..], [Effect::RevokeReplaced { .. }]), "{fx:?}");
    assert!(report(&app).saved_anew);
    assert_eq!(report(&app).new.created_at, "2026-12-01T00:00:00Z", "a login of its own");
}

#[test]
fn a_failed_save_of_the_new_token_is_tried_again_with_s() {
    let mut app = refreshing(at_accounts());
    approved(&mut app, prepared(true, OOB), account());
    let full = std::io::Error::from_raw_os_error(28);
    let error = StoreError::Io { path: "/cfg/logins.json".into(), action: "write", source: full };
    assert!(update(&mut app, Action::LoginReplaced(Err(error))).is_empty(), "no revoke before the save");
    assert_eq!(report(&app).stage, RefreshStage::Saving);
    let fx = press(&mut app, KeyCode::Char('s'));
    assert!(matches!(&fx[..], [Effect::ReplaceLogin { new, .. }] if new.token.expose() == "tok"), "{fx:?}");
}

#[test]
fn force_login_only_when_another_login_of_the_server_could_be_the_one_signed_in() {
    let url = |mut app: App| {
        let fx = press(&mut app, KeyCode::Char('e'));
        let login = ada(&app).id();
        update(&mut app, Action::DiscoveredForRefresh(task_id(&fx), login, Ok(server(true))));
        let id = task_id(&press(&mut app, KeyCode::Enter));
        update(&mut app, Action::Registered(id, Ok(prepared(true, OOB))));
        flow(&app).attempt.as_ref().unwrap().url.clone()
    };
    let alone = App::with_logins(settings(), vec![saved_login("1", "ada@example.social")]);
    assert!(!url(alone).contains("force_login"), "the browser should approve the same account again");
    assert!(url(at_accounts()).contains("force_login=true"), "grace may be the one signed in");
}

#[test]
fn the_command_line_starts_at_the_authorize_step_and_esc_still_leads_to_the_scopes() {
    let mut app = App::with_logins(
        Settings { preset_scopes: Some(vec!["profile".into()]), ..settings() },
        vec![saved_login("1", "ada@example.social")],
    );
    let login = ada(&app);
    let fx = crate::app::refresh::start(&mut app, login.clone(), server(true), &["profile".into(), "push".into()]);
    assert!(matches!(&fx[..], [Effect::Prepare { scopes, .. }] if scopes == &["profile", "push"]), "{fx:?}");
    assert_eq!(app.screen_id(), ScreenId::Authorize);
    assert_eq!(flow(&app).refresh.as_deref(), Some(&login));
    update(&mut app, Action::Registered(task_id(&fx), Ok(prepared(true, OOB))));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen_id(), ScreenId::Scopes, "a refresh always has its scopes screen");
    assert_eq!(flow(&app).tree.selected(), ["profile", "push"]);
}

#[test]
fn the_trees_choice_is_the_scope_arithmetics_result() {
    // The command line works the scopes out by name; the tree must request exactly those.
    let cases = [("profile read", "write:media", "read:statuses"), ("read:accounts write", "push", "write:lists")];
    for (current, add, remove) in cases {
        let split = crate::mastodon::scopes::split;
        let change = crate::mastodon::scope_change::change(&split(current), &split(add), &split(remove)).unwrap();
        let mut app = App::with_logins(settings(), vec![saved_login("1", "ada@example.social")]);
        let login = ada(&app);
        crate::app::refresh::start(&mut app, login, server(true), &change.scopes);
        assert_eq!(flow(&app).tree.selected(), change.scopes, "{current} + {add} - {remove}");
    }
}
