//! Every message fits the moment: notices stay on the screen they were made for, next steps
//! name what works in this mode, and keys say what they did. (The screens of these moments are
//! in ui/moment_tests.rs.)

use crossterm::event::KeyCode;

use super::*;
use crate::app::fixtures::moments::*;

#[test]
fn a_notice_stays_on_the_screen_it_was_made_for() {
    assert!(notice(&browser_failed_on_code()).text.contains("could not be started"));
    let app = profile_after_browser_failed();
    assert_eq!(app.screen_id(), ScreenId::Profile);
    assert_eq!(app.visible_notice(), None, "the browser's failure is not the profile's business");

    // A cancelled lookup's notice goes when the next lookup starts.
    let app = lookup_timed_out_after_a_cancel();
    assert_eq!(app.visible_notice(), None, "only the new failure shows: {:?}", app.notice);
    assert!(app.instance.error.as_deref().unwrap().contains("did not answer in time"));
}

#[test]
fn a_refused_code_in_paste_mode_without_a_browser_points_to_copying_the_url() {
    let error = flow(&code_refused_without_a_browser()).code_error.clone().unwrap();
    assert!(!error.contains("ctrl-o") && error.contains("Press esc to see the authorize URL again"), "{error}");
    // With a browser, reopening the page is the way.
    let mut app = at_authorize();
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "wrong");
    let id = task_id(&press(&mut app, KeyCode::Enter));
    update(&mut app, Action::Exchanged(id, Err(code_rejected())));
    assert!(flow(&app).code_error.as_deref().unwrap().contains("ctrl-o"));
}

#[test]
fn a_browser_that_cannot_start_points_to_copying_the_url_or_pasting() {
    let app = browser_failed_on_authorize();
    let text = &notice(&app).text;
    assert!(text.contains("sensible-browser") && text.contains("Press c") && text.contains("m "), "{text}");
}

#[test]
fn open_after_the_attempt_ended_starts_a_new_one_and_opens_that() {
    let (mut app, fx) = open_after_a_denial();
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
    let app = at_authorize();
    assert_eq!(flow(&app).attempt.as_ref().unwrap().made, Made::JustNowSaved, "the fixture's save worked");
    // A save that failed is said, and is made good with the login.
    let mut app = registration_unsaved();
    assert!(matches!(flow(&app).attempt.as_ref().unwrap().made, Made::JustNowUnsaved(_)));
    let fx = exchange_accepted(&mut app, Some("profile"));
    let fx = update(&mut app, Action::Verified(task_id(&fx), Ok(account()), "now".into()));
    assert!(matches!(&fx[0], Effect::SaveLogin { registration: Some(_), .. }), "saved with the login: {fx:?}");

    // `m` right after registering reuses the registration made just now: not "saved earlier".
    assert_eq!(flow(&switched_right_after_registering()).attempt.as_ref().unwrap().made, Made::JustNowSaved);
}

#[test]
fn r_says_it_started_a_new_attempt_and_m_keeps_the_qr_code_up() {
    let app = new_attempt_requested();
    assert!(notice(&app).text.contains("new attempt"), "{:?}", app.notice);
    let (mut app, fx) = qr_switched_to_paste();
    assert!(flow(&app).qr_open, "the QR code stays up while the paste-mode attempt is prepared");
    update(&mut app, Action::Registered(task_id(&fx), Ok(prepared(true, crate::mastodon::oauth::OOB))));
    let attempt = flow(&app).attempt.as_ref().unwrap();
    assert!(flow(&app).qr_open && attempt.qr.is_some(), "and shows the new attempt's URL");
    assert!(attempt.url.contains("redirect_uri=urn"));
}

#[test]
fn a_handle_without_its_server_says_how_to_type_it() {
    let app = handle_without_its_server();
    let error = app.instance.error.as_deref().unwrap();
    assert!(error.contains("@ada@example.social"), "{error}");
}

#[test]
fn the_demo_names_its_own_server_when_given_another() {
    let app = demo_given_another_server();
    let error = app.instance.error.as_deref().unwrap();
    assert!(error.contains("http://127.0.0.1:4000") && !error.contains("filled in above"), "{error}");
    assert_eq!(app.instance.input.value(), "mastodon.social", "what was typed stays");
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
