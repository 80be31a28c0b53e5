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
    let error = login.code_error.as_deref().unwrap();
    assert!(error.contains("did not accept this code") && error.contains("open the authorize page again"), "{error}");
    assert!(!error.to_lowercase().contains("try again"), "never the same code again: {error}");
    assert_eq!(login.code.value(), "abc123");
    assert_eq!(app.screen_id(), ScreenId::Code);
    // Akkoma says it differently; same message, and its words follow as a detail.
    flow_mut(&mut app).server.kind = crate::mastodon::kind::ServerKind::Akkoma;
    let fx = press(&mut app, KeyCode::Enter);
    let akkoma = ApiError::Status {
        status: 400,
        path: "/oauth/token".into(),
        error: Some("Invalid credentials".into()),
        description: None,
    };
    update(&mut app, Action::Exchanged(task_id(&fx), Err(akkoma)));
    let error = flow(&app).code_error.clone().unwrap();
    assert!(
        error.contains("did not accept this code") && error.contains("(The server said: Invalid credentials)"),
        "{error}"
    );
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
    type_text(&mut app, "a-code-1234");
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

/// An app on the code screen, in automatic mode with the fixture's state `st4te`.
fn at_code() -> App {
    let mut app = at_authorize();
    press(&mut app, KeyCode::Enter);
    app
}

#[test]
fn what_people_paste_is_read_and_a_state_is_checked_before_anything_is_sent() {
    for pasted in [
        "abc123",
        "abc123&state=st4te",
        "code=abc123&state=st4te",
        "http://127.0.0.1:54321/callback?code=abc123&state=st4te",
        "  'abc123'  ",
    ] {
        let mut app = at_code();
        update(&mut app, Action::Paste(pasted.into()));
        let fx = press(&mut app, KeyCode::Enter);
        let Some(Effect::Exchange { request, .. }) = fx.first() else { panic!("{pasted:?}: {fx:?}") };
        assert_eq!(request.code.expose(), "abc123", "{pasted:?}");
    }
    // Another attempt's state: refused here, nothing sent.
    let mut app = at_code();
    update(&mut app, Action::Paste("abc123&state=another".into()));
    assert!(press(&mut app, KeyCode::Enter).is_empty(), "nothing sent");
    assert!(flow(&app).code_error.as_deref().unwrap().contains("another login attempt"));
    // A redirect that carries an error is explained.
    let mut app = at_code();
    update(&mut app, Action::Paste("http://127.0.0.1:5/callback?error=access_denied&state=st4te".into()));
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert!(flow(&app).code_error.as_deref().unwrap().contains("access was denied"));
}

#[test]
fn takahes_500_after_a_paste_is_a_refused_code_with_its_short_lifetime() {
    let mut app = at_code();
    flow_mut(&mut app).server.kind = crate::mastodon::kind::ServerKind::Takahe;
    type_text(&mut app, "old-code-1234");
    let id = task_id(&press(&mut app, KeyCode::Enter));
    let page = ApiError::Status { status: 500, path: "/oauth/token".into(), error: None, description: None };
    update(&mut app, Action::Exchanged(id, Err(page)));
    let error = flow(&app).code_error.clone().unwrap();
    assert!(error.contains("did not accept this code") && error.contains("only a minute"), "{error}");
}

#[test]
fn snacs_empty_401_at_the_token_endpoint_forgets_the_registration() {
    let mut app = at_code();
    type_text(&mut app, "a-code-1234");
    let id = task_id(&press(&mut app, KeyCode::Enter));
    let empty = ApiError::Status { status: 401, path: "/oauth/token".into(), error: None, description: None };
    let fx = update(&mut app, Action::Exchanged(id, Err(empty)));
    assert!(matches!(&fx[..], [Effect::Prepare { forget: Some(_), .. }]), "{fx:?}");
}
