//! The authorize screen: the URL with its state and PKCE, registration, going back.

use super::*;
use crate::mastodon::oauth::OOB;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[test]
fn authorize_url_has_state_and_pkce_and_keys_copy_and_open() {
    let mut app = at_authorize();
    let attempt = flow(&app).attempt.clone().unwrap();
    let url = url::Url::parse(&attempt.url).unwrap();
    let q: std::collections::HashMap<_, _> = url.query_pairs().into_owned().collect();
    assert_eq!(url.path(), "/oauth/authorize");
    assert_eq!(q["client_id"], "cid");
    assert_eq!(q["redirect_uri"], OOB);
    assert_eq!(q["scope"], "profile");
    assert_eq!(q["state"], attempt.state);
    assert_eq!(q["code_challenge_method"], "S256");
    assert!(attempt.code_verifier.is_some());
    assert!(!q.contains_key("force_login"));
    assert_eq!(press(&mut app, KeyCode::Char('c')), vec![Effect::Copy(Secret::new(attempt.url.clone()))]);
    assert_eq!(press(&mut app, KeyCode::Char('o')), vec![Effect::OpenBrowser(attempt.url.clone())]);
    update(&mut app, Action::BrowserOpened(Err("No browser could be started here.".into())));
    assert!(notice(&app).text.contains("Press c to copy"));
}

#[test]
fn update_is_deterministic_so_the_whole_url_is_known() {
    // The runner made the state and the PKCE verifier (fixtures::secrets): nothing random here.
    let (one, two) = (at_authorize(), at_authorize());
    assert_eq!(one, two);
    assert_eq!(
        flow(&one).attempt.as_ref().unwrap().url,
        "https://example.social/oauth/authorize?response_type=code&client_id=cid&redirect_uri=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob&scope=profile&state=st4te&code_challenge=7w_YNF9DSfIdPf_pRjSq646_kPr-2-o9NAl16JGghdM&code_challenge_method=S256"
    );
}

#[test]
fn registration_failure_offers_retry() {
    let mut app = App::new(settings());
    type_text(&mut app, "example.social");
    let id = task_id(&press(&mut app, KeyCode::Enter));
    update(&mut app, Action::Discovered(id, Ok(server(false))));
    assert_eq!(flow(&app).tree.selected(), ["read:accounts"], "no profile scope without well-known");
    let id = task_id(&press(&mut app, KeyCode::Enter));
    update(
        &mut app,
        Action::Registered(
            id,
            Err(PrepareError::Api(ApiError::Status {
                status: 500,
                path: "/api/v1/apps".into(),
                error: None,
                description: None,
            })),
        ),
    );
    assert!(flow(&app).authorize_error.as_deref().unwrap().contains("Press r"));
    let fx = press(&mut app, KeyCode::Char('r'));
    assert!(matches!(fx[0], Effect::Prepare { .. }));
}

#[test]
fn going_back_from_authorize_keeps_the_url_when_scopes_are_unchanged() {
    let mut app = at_authorize();
    let url = flow(&app).attempt.as_ref().unwrap().url.clone();
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen_id(), ScreenId::Scopes);
    assert!(press(&mut app, KeyCode::Enter).is_empty(), "no new request");
    assert_eq!(flow(&app).attempt.as_ref().unwrap().url, url);
}

#[test]
fn shift_r_registers_anew_when_the_server_page_says_the_app_is_unknown() {
    let mut app = at_authorize();
    let fx = update(&mut app, Action::Key(KeyEvent::new(KeyCode::Char('R'), KeyModifiers::SHIFT)));
    assert!(matches!(&fx[..], [Effect::Prepare { forget: Some(_), .. }]), "{fx:?}");
    // While that runs, the screen says it is preparing; after esc it says how to start again.
    press(&mut app, KeyCode::Esc);
    assert!(!app.busy());
}
