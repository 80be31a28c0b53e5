//! The scopes screen: keys, presets, clicks, and the questions a choice can raise.

use super::*;
use crate::mastodon::oauth::OOB;
use crossterm::event::KeyCode;

#[test]
fn scopes_screen_keys_and_empty_selection() {
    let mut app = App::new(settings());
    type_text(&mut app, "example.social");
    let id = task_id(&press(&mut app, KeyCode::Enter));
    update(&mut app, Action::Discovered(id, Ok(server(true))));
    assert_eq!(app.screen_id(), ScreenId::Scopes);
    let tree = |app: &App| flow(app).tree.selected();
    assert_eq!(tree(&app), ["profile"]);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(tree(&app), ["profile", "read"]);
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(tree(&app), ["read"]);
    press(&mut app, KeyCode::Char('x'));
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert_eq!(notice(&app).kind, NoticeKind::Error);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen_id(), ScreenId::Instance);
    assert_eq!(app.instance.input.value(), "example.social");
}

#[test]
fn unadvertised_scopes_need_a_confirmation() {
    let mut app = App::new(settings());
    type_text(&mut app, "example.social");
    let id = task_id(&press(&mut app, KeyCode::Enter));
    let mut s = server(true);
    s.oauth.as_mut().unwrap().scopes_supported = vec!["read".into(), "write".into(), "profile".into()];
    update(&mut app, Action::Discovered(id, Ok(s)));
    flow_mut(&mut app).tree.choose_all(&["push".into()]);
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert_eq!(app.overlay, Some(Overlay::ConfirmUnadvertised(vec!["push".into()])));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!((app.overlay.clone(), app.screen_id()), (None, ScreenId::Scopes));
    press(&mut app, KeyCode::Enter);
    let fx = press(&mut app, KeyCode::Char('y'));
    assert!(matches!(&fx[0], Effect::Prepare { scopes, .. } if scopes == &["profile", "push"]));
    assert_eq!(app.screen_id(), ScreenId::Authorize);
}

#[test]
fn preset_scopes_skip_the_scopes_screen_and_force_login_is_passed() {
    let mut app = App::new(Settings {
        preset_scopes: Some(vec!["read:accounts".into(), "write:statuses".into()]),
        force_login: true,
        ..settings()
    });
    let id = task_id(&app.start_with_instance("example.social"));
    let fx = update(&mut app, Action::Discovered(id, Ok(server(true))));
    assert_eq!(app.screen_id(), ScreenId::Authorize);
    let id = task_id(&fx);
    update(&mut app, Action::Registered(id, Ok(prepared(true, OOB))));
    let attempt = flow(&app).attempt.as_ref().unwrap();
    assert!(attempt.url.contains("force_login=true"));
    assert!(attempt.url.contains("scope=read%3Aaccounts+write%3Astatuses"));
}

#[test]
fn clicking_a_scope_row_selects_then_toggles() {
    let mut app = App::new(settings());
    type_text(&mut app, "example.social");
    let id = task_id(&press(&mut app, KeyCode::Enter));
    update(&mut app, Action::Discovered(id, Ok(server(true))));
    update(&mut app, Action::Click(Target::ScopeRow(1)));
    assert_eq!(flow(&app).tree.cursor, 1);
    update(&mut app, Action::Click(Target::ScopeRow(1)));
    assert_eq!(flow(&app).tree.selected(), ["profile", "read"]);
    update(&mut app, Action::Click(Target::Command(Command::Submit)));
    assert_eq!(app.screen_id(), ScreenId::Authorize);
}

#[test]
fn scopes_that_cannot_say_whose_token_it_is_offer_the_identity_scope() {
    let mut app = at_scopes(server(true));
    press(&mut app, KeyCode::Char('x'));
    let tree = &mut flow_mut(&mut app).tree;
    tree.choose_all(&["write:statuses".to_owned()]);
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert_eq!(app.overlay, Some(Overlay::AddIdentity("profile")));
    // No: back to the choice, nothing added.
    press(&mut app, KeyCode::Char('n'));
    assert_eq!((app.overlay.clone(), app.screen_id()), (None, ScreenId::Scopes));
    assert_eq!(flow(&app).tree.selected(), ["write:statuses"]);
    // Yes: profile joins the choice and the authorize step starts.
    press(&mut app, KeyCode::Enter);
    let fx = press(&mut app, KeyCode::Char('y'));
    assert!(matches!(&fx[..], [Effect::Prepare { scopes, .. }] if scopes == &["profile", "write:statuses"]), "{fx:?}");
    // read:accounts (or read) is enough on its own.
    let mut app = at_scopes(server(false));
    press(&mut app, KeyCode::Char('x'));
    flow_mut(&mut app).tree.choose_all(&["read".to_owned()]);
    assert!(matches!(&press(&mut app, KeyCode::Enter)[..], [Effect::Prepare { .. }]));
}
