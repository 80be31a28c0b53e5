//! Snapshots of the dialogs: each question over its screen, at 80×24, 60×20 and 200×60.

use crossterm::event::KeyCode;

use super::tests::snap_one;
use crate::app::fixtures::*;
use crate::app::{Action, Overlay, update};

#[test]
fn accounts_confirm_copy() {
    let mut app = at_accounts();
    press(&mut app, KeyCode::Char('c'));
    snap_one("accounts_confirm_copy", &app);
}

#[test]
fn accounts_confirm_logout() {
    let mut app = at_accounts();
    press(&mut app, KeyCode::Char('d'));
    snap_one("accounts_confirm_logout", &app);
}

#[test]
fn accounts_forget_after_a_failed_revoke() {
    let mut app = at_accounts();
    press(&mut app, KeyCode::Char('d'));
    let fx = press(&mut app, KeyCode::Char('y'));
    let crate::app::Effect::Revoke { id, login } = &fx[0] else { panic!("{fx:?}") };
    let down = "example.social refused the connection (the server may be down)".to_owned();
    update(&mut app, Action::Revoked(*id, login.clone(), Err(down)));
    assert!(matches!(app.overlay, Some(Overlay::Confirm(_))));
    snap_one("accounts_confirm_forget", &app);
}

#[test]
fn scopes_without_an_identity_scope() {
    let mut app = at_scopes(server(true));
    press(&mut app, KeyCode::Char('x'));
    match &mut app.screen {
        crate::app::Screen::Login(flow) => &mut flow.tree,
        _ => unreachable!(),
    }
    .choose_all(&["write:statuses".to_owned()]);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, Some(Overlay::AddIdentity("profile")));
    snap_one("scopes_add_identity", &app);
}
