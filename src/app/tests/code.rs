//! The code box: pasting, exchanging, and a code or registration the server refuses.

use super::*;
use crate::mastodon::oauth::OOB;
use crossterm::event::KeyCode;

#[test]
fn code_is_trimmed_and_a_rejected_code_is_kept_with_a_next_step() {
    let mut app = at_authorize();
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen_id(), ScreenId::Code);
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert!(flow(&app).code_error.is_some());
    update(&mut app, Action::Paste("  abc123 \n".into()));
    let fx = press(&mut app, KeyCode::Enter);
    let Effect::Exchange { id, request } = &fx[0] else { panic!("{fx:?}") };
    assert_eq!(request.code.expose(), "abc123");
    assert_eq!(request.redirect_uri, OOB);
    assert!(request.code_verifier.is_some());
    let rejected = ApiError::Status {
        status: 400,
        path: "/oauth/token".into(),
        error: Some("invalid_grant".into()),
        description: None,
    };
    update(&mut app, Action::Exchanged(*id, Err(rejected)));
    let login = flow(&app);
    assert!(login.code_error.as_deref().unwrap().contains("open the authorize page again"));
    assert_eq!(login.code.value(), "abc123");
    assert_eq!(app.screen_id(), ScreenId::Code);
    // Akkoma says it differently; same message.
    let fx = press(&mut app, KeyCode::Enter);
    let akkoma = ApiError::Status {
        status: 400,
        path: "/oauth/token".into(),
        error: Some("Invalid credentials".into()),
        description: None,
    };
    update(&mut app, Action::Exchanged(task_id(&fx), Err(akkoma)));
    assert!(flow(&app).code_error.as_deref().unwrap().contains("refused this code"));
    // The next code, pasted, replaces the refused one instead of joining it.
    update(&mut app, Action::Paste("fresh456\n".into()));
    assert_eq!(flow(&app).code.value(), "fresh456");
    update(&mut app, Action::Paste("789".into()));
    assert_eq!(flow(&app).code.value(), "fresh456789", "only a refused code is replaced");
}

#[test]
fn pasting_on_the_authorize_screen_moves_to_the_code_box() {
    let mut app = at_authorize();
    update(&mut app, Action::Paste("xyz".into()));
    assert_eq!(app.screen_id(), ScreenId::Code);
    assert_eq!(flow(&app).code.value(), "xyz");
}

#[test]
fn a_registration_the_server_no_longer_knows_is_forgotten_and_made_anew() {
    let mut app = at_authorize();
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "code");
    let id = task_id(&press(&mut app, KeyCode::Enter));
    let unknown = ApiError::Status {
        status: 401,
        path: "/oauth/token".into(),
        error: Some("invalid_client".into()),
        description: None,
    };
    let fx = update(&mut app, Action::Exchanged(id, Err(unknown)));
    let [Effect::Prepare { forget: Some(old), .. }] = &fx[..] else { panic!("{fx:?}") };
    assert_eq!(old.client_id, registration().client_id);
    assert_eq!(app.screen_id(), ScreenId::Authorize);
    assert!(notice(&app).text.contains("registering again"));
    assert_eq!(flow(&app).code.value(), "", "the old code belonged to the old registration");
}
