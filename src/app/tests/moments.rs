//! Every message fits the moment: notices stay on the screen they were made for, next steps
//! name what works in this mode, and keys say what they did.

use crossterm::event::KeyCode;

use super::*;
use crate::loopback::Event;

fn rejected() -> ApiError {
    ApiError::Status {
        status: 400,
        path: "/oauth/token".into(),
        error: Some("invalid_grant".into()),
        description: None,
    }
}

#[test]
fn a_notice_stays_on_the_screen_it_was_made_for() {
    let mut app = at_authorize();
    press(&mut app, KeyCode::Enter);
    update(&mut app, Action::BrowserOpened(Err("No browser could be started here.".into())));
    assert!(notice(&app).text.contains("No browser"));
    let fx = exchange_accepted(&mut app, Some("profile"));
    update(&mut app, Action::Verified(task_id(&fx), Ok(account()), "now".into()));
    assert_eq!(app.screen_id(), ScreenId::Profile);
    assert_eq!(app.visible_notice(), None, "the browser's failure is not the profile's business");

    // A cancelled lookup's notice goes when the next lookup starts.
    let mut app = App::new(settings());
    type_text(&mut app, "example.social");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert!(notice(&app).text.contains("Cancelled"));
    let id = task_id(&press(&mut app, KeyCode::Enter));
    update(&mut app, Action::Discovered(id, Err(ApiError::Timeout { host: "example.social".into() })));
    assert_eq!(app.visible_notice(), None, "only the new failure shows: {:?}", app.notice);
    assert!(app.instance.error.as_deref().unwrap().contains("did not answer in time"));
}

#[test]
fn a_refused_code_in_paste_mode_without_a_browser_points_to_copying_the_url() {
    let mut app = App::new(Settings { browser: false, ..settings() });
    type_text(&mut app, "example.social");
    let id = task_id(&press(&mut app, KeyCode::Enter));
    update(&mut app, Action::Discovered(id, Ok(server(true))));
    let id = task_id(&press(&mut app, KeyCode::Enter));
    update(&mut app, Action::Registered(id, Ok(prepared(true, crate::mastodon::oauth::OOB))));
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "wrong");
    let id = task_id(&press(&mut app, KeyCode::Enter));
    update(&mut app, Action::Exchanged(id, Err(rejected())));
    let error = flow(&app).code_error.clone().unwrap();
    assert!(!error.contains("ctrl-o") && error.contains("Press esc to see the authorize URL again"), "{error}");
    // With a browser, reopening the page is the way.
    let mut app = at_authorize();
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "wrong");
    let id = task_id(&press(&mut app, KeyCode::Enter));
    update(&mut app, Action::Exchanged(id, Err(rejected())));
    assert!(flow(&app).code_error.as_deref().unwrap().contains("ctrl-o"));
}

/// Loopback mode, listening, as the loopback tests set it up.
fn listening() -> (App, TaskId) {
    let mut app = App::new(Settings { redirect: RedirectMode::Loopback, ..settings() });
    type_text(&mut app, "example.social");
    let id = task_id(&press(&mut app, KeyCode::Enter));
    update(&mut app, Action::Discovered(id, Ok(server(true))));
    let fx = press(&mut app, KeyCode::Enter);
    let fx = update(&mut app, Action::Registered(task_id(&fx), Ok(prepared(true, "http://127.0.0.1:54321/callback"))));
    let Some(Effect::Listen { id, .. }) = fx.last() else { panic!("{fx:?}") };
    (app, *id)
}

#[test]
fn open_after_the_attempt_ended_starts_a_new_one_and_opens_that() {
    let (mut app, id) = listening();
    update(&mut app, Action::Loopback(id, Event::Refused { error: "access_denied".into(), description: None }));
    let fx = press(&mut app, KeyCode::Char('o'));
    assert!(matches!(&fx[..], [Effect::Prepare { .. }]), "a new attempt, not the old URL: {fx:?}");
    assert!(notice(&app).text.contains("That attempt is over"));
    let fx = update(&mut app, Action::Registered(task_id(&fx), Ok(prepared(true, "http://127.0.0.1:54322/callback"))));
    let opened = fx.iter().find_map(|e| match e {
        Effect::OpenBrowser(url) => Some(url.clone()),
        _ => None,
    });
    assert_eq!(opened.as_deref(), Some(flow(&app).attempt.as_ref().unwrap().url.as_str()), "{fx:?}");
}

#[test]
fn the_registration_note_says_what_is_true_now() {
    let mut app = at_authorize();
    assert_eq!(flow(&app).attempt.as_ref().unwrap().made, Made::JustNowSaved, "the fixture's save worked");
    // A save that failed is said, and is made good with the login.
    let mut app2 = App::new(settings());
    type_text(&mut app2, "example.social");
    let id = task_id(&press(&mut app2, KeyCode::Enter));
    update(&mut app2, Action::Discovered(id, Ok(server(true))));
    let id = task_id(&press(&mut app2, KeyCode::Enter));
    update(&mut app2, Action::Registered(id, Ok(prepared(false, crate::mastodon::oauth::OOB))));
    let full = StoreError::Io {
        path: "/cfg/registrations.json".into(),
        action: "write",
        source: std::io::Error::from_raw_os_error(28),
    };
    update(&mut app2, Action::RegistrationSaved("cid".into(), Err(full)));
    assert!(matches!(flow(&app2).attempt.as_ref().unwrap().made, Made::JustNowUnsaved(_)));
    let fx = exchange_accepted(&mut app2, Some("profile"));
    let fx = update(&mut app2, Action::Verified(task_id(&fx), Ok(account()), "now".into()));
    assert!(matches!(&fx[0], Effect::SaveLogin { registration: Some(_), .. }), "saved with the login: {fx:?}");

    // `m` right after registering reuses the registration made just now: not "saved earlier".
    let fx = press(&mut app, KeyCode::Char('m'));
    let id = task_id(&fx);
    update(&mut app, Action::Registered(id, Ok(prepared(true, "http://127.0.0.1:54321/callback"))));
    assert_eq!(flow(&app).attempt.as_ref().unwrap().made, Made::JustNowSaved);
}

#[test]
fn r_says_it_started_a_new_attempt_and_m_keeps_the_qr_code_up() {
    let mut app = at_authorize();
    press(&mut app, KeyCode::Char('r'));
    assert!(notice(&app).text.contains("new attempt"), "{:?}", app.notice);
    let (mut app, _) = listening();
    press(&mut app, KeyCode::Char('p'));
    let fx = press(&mut app, KeyCode::Char('m'));
    assert!(flow(&app).qr_open, "the QR code stays up while the paste-mode attempt is prepared");
    update(&mut app, Action::Registered(task_id(&fx), Ok(prepared(true, crate::mastodon::oauth::OOB))));
    let attempt = flow(&app).attempt.as_ref().unwrap();
    assert!(flow(&app).qr_open && attempt.qr.is_some(), "and shows the new attempt's URL");
    assert!(attempt.url.contains("redirect_uri=urn"));
}

#[test]
fn a_handle_without_its_server_says_how_to_type_it() {
    let mut app = App::new(settings());
    type_text(&mut app, "@ada");
    press(&mut app, KeyCode::Enter);
    let error = app.instance.error.as_deref().unwrap();
    assert!(error.contains("@ada@example.social"), "{error}");
}

#[test]
fn a_second_account_on_a_server_that_ignores_force_login_is_warned_about() {
    let mut app = at_accounts();
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "example.social");
    let id = task_id(&press(&mut app, KeyCode::Enter));
    let mut takahe = server(false);
    takahe.kind = crate::mastodon::kind::ServerKind::Takahe;
    update(&mut app, Action::Discovered(id, Ok(takahe)));
    let id = task_id(&press(&mut app, KeyCode::Enter));
    update(&mut app, Action::Registered(id, Ok(prepared(true, crate::mastodon::oauth::OOB))));
    assert!(notice(&app).text.contains("ignores the request to choose another account"), "{:?}", app.notice);
}
