//! State-machine tests of the automatic (loopback) login: listener, countdown, state, QR code.

use std::time::{Duration, Instant};

use super::*;
use crate::loopback::Event;
use crossterm::event::KeyCode;

const REDIRECT: &str = "http://127.0.0.1:54321/callback";

/// On the authorize screen in loopback mode, the listener started.
fn listening() -> (App, TaskId, Instant) {
    let mut app = App::new(Settings { redirect: RedirectMode::Loopback, ..settings() });
    type_text(&mut app, "example.social");
    let id = task_id(&press(&mut app, KeyCode::Enter));
    update(&mut app, Action::Discovered(id, Ok(server(true))));
    let fx = press(&mut app, KeyCode::Enter);
    assert!(matches!(&fx[0], Effect::Prepare { mode: RedirectMode::Loopback, .. }));
    let fx = update(&mut app, Action::Registered(task_id(&fx), Ok(prepared(true, REDIRECT))));
    let attempt = flow(&app).attempt.clone().unwrap();
    let Some(Effect::Listen { id, state, timeout, server }) = fx.last() else { panic!("{fx:?}") };
    assert_eq!(server, "example.social");
    assert_eq!(*timeout, LISTEN_TIMEOUT);
    assert_eq!(state, &attempt.state);
    assert!(attempt.url.contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A54321%2Fcallback"));
    let start = Instant::now();
    update(&mut app, Action::Listening(*id, start + LISTEN_TIMEOUT));
    update(&mut app, Action::Tick(start));
    (app, *id, start)
}

#[test]
fn the_code_from_the_browser_is_exchanged_with_no_typing() {
    let (mut app, id, _) = listening();
    assert_eq!(app.tick_interval(), Some(Duration::from_secs(1)), "the countdown ticks each second");
    assert_eq!(app.listen_seconds_left(), Some(300));
    let fx = update(&mut app, Action::Loopback(id, Event::Stray("/favicon.ico".into())));
    assert!(fx.is_empty() && app.listening().is_some());
    let fx = update(&mut app, Action::Loopback(id, Event::Code(Secret::new("from-browser"))));
    let Effect::Exchange { request, .. } = &fx[0] else { panic!("{fx:?}") };
    assert_eq!(request.code.expose(), "from-browser");
    assert_eq!(request.redirect_uri, REDIRECT, "the token request repeats the authorize redirect");
    assert!(app.listening().is_none());
}

#[test]
fn a_wrong_state_is_shown_and_listening_goes_on() {
    let (mut app, id, _) = listening();
    assert!(update(&mut app, Action::Loopback(id, Event::WrongState)).is_empty());
    assert!(notice(&app).text.contains("state mismatch"));
    assert!(app.listening().is_some());
}

#[test]
fn the_countdown_runs_out_and_the_listener_only_tells_late_browsers() {
    let (mut app, id, start) = listening();
    update(&mut app, Action::Tick(start + Duration::from_secs(299)));
    assert_eq!(app.listen_seconds_left(), Some(1));
    let fx = update(&mut app, Action::Tick(start + LISTEN_TIMEOUT));
    assert!(fx.is_empty(), "the listener stays up to answer a late browser: {fx:?}");
    assert!(notice(&app).text.contains("Press r"));
    assert_eq!(app.tick_interval(), None);
    // A late code is ignored; a late browser is told, and so is the person.
    assert!(update(&mut app, Action::Loopback(id, Event::Code(Secret::new("late")))).is_empty());
    update(&mut app, Action::Loopback(id, Event::Late));
    assert!(notice(&app).text.contains("came back after this attempt ended"), "{:?}", app.notice);
    // r starts a fresh attempt and closes the old listener's port.
    let fx = press(&mut app, KeyCode::Char('r'));
    assert_eq!(fx[0], Effect::Cancel(id));
    assert!(matches!(&fx[1], Effect::Prepare { mode: RedirectMode::Loopback, .. }));
}

#[test]
fn denial_in_the_browser_is_explained() {
    let (mut app, id, _) = listening();
    update(&mut app, Action::Loopback(id, Event::Refused { error: "access_denied".into(), description: None }));
    assert!(notice(&app).text.contains("You denied access"));
    assert!(app.listening().is_none());
}

#[test]
fn switching_to_paste_closes_the_listener_and_prepares_oob() {
    let (mut app, id, _) = listening();
    let fx = press(&mut app, KeyCode::Char('m'));
    assert_eq!(fx[0], Effect::Cancel(id));
    assert!(matches!(&fx[1], Effect::Prepare { mode: RedirectMode::Oob, .. }));
    assert!(flow(&app).attempt.is_none());
}

#[test]
fn a_pasted_code_that_works_closes_the_listener_so_nothing_late_reaches_the_login() {
    let (mut app, id, start) = listening();
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "pasted");
    let exchange = task_id(&press(&mut app, KeyCode::Enter));
    let token = crate::mastodon::oauth::TokenResponse { access_token: Secret::new("tok"), scope: None };
    let fx = update(&mut app, Action::Exchanged(exchange, Ok(token)));
    assert_eq!(fx[0], Effect::Cancel(id), "{fx:?}");
    assert!(matches!(fx[1], Effect::Verify { .. }));
    // A redirect that arrives late and the countdown's end change nothing.
    assert!(update(&mut app, Action::Loopback(id, Event::Code(Secret::new("late")))).is_empty());
    assert!(update(&mut app, Action::Tick(start + LISTEN_TIMEOUT)).is_empty());
    assert_eq!((app.screen_id(), app.visible_notice()), (ScreenId::Profile, None));
    assert_eq!(app.tick_interval(), Some(Duration::from_millis(80)), "only the profile read's spinner");
}

#[test]
fn going_back_from_the_authorize_step_closes_the_listener() {
    let (mut app, id, _) = listening();
    let fx = press(&mut app, KeyCode::Esc);
    assert_eq!(fx, vec![Effect::Cancel(id)]);
    assert_eq!(app.screen_id(), ScreenId::Scopes);
    assert!(app.listening().is_none() && flow(&app).attempt.is_none());
    // Coming back prepares a fresh attempt (from the saved registration) with a new listener.
    assert!(matches!(&press(&mut app, KeyCode::Enter)[..], [Effect::Prepare { mode: RedirectMode::Loopback, .. }]));
}

#[test]
fn a_refused_code_from_the_browser_points_to_a_new_attempt() {
    let (mut app, id, _) = listening();
    let exchange = task_id(&update(&mut app, Action::Loopback(id, Event::Code(Secret::new("c")))));
    let rejected = ApiError::Status {
        status: 400,
        path: "/oauth/token".into(),
        error: Some("invalid_grant".into()),
        description: None,
    };
    update(&mut app, Action::Exchanged(exchange, Err(rejected)));
    let error = flow(&app).code_error.clone().unwrap();
    assert!(error.contains("ctrl-r") && !error.contains("ctrl-o"), "{error}");
    update(&mut app, Action::BrowserOpened(Ok(())));
    assert!(flow(&app).code_error.is_some(), "the refusal is what shows");
}

#[test]
fn news_from_the_browser_is_not_covered_by_the_news_that_it_started() {
    let (mut app, _, _) = listening();
    update(&mut app, Action::BrowserOpened(Ok(())));
    assert!(notice(&app).text.contains("hands the code back"));
    // A browser that answers before its launch is confirmed: the denial stays on screen.
    let (mut app, id, _) = listening();
    update(&mut app, Action::Loopback(id, Event::Refused { error: "access_denied".into(), description: None }));
    update(&mut app, Action::BrowserOpened(Ok(())));
    assert!(notice(&app).text.contains("You denied access"));
}

#[test]
fn the_paste_path_stays_open_while_listening() {
    let (mut app, _, _) = listening();
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen_id(), ScreenId::Code);
    type_text(&mut app, "pasted");
    let fx = press(&mut app, KeyCode::Enter);
    let Effect::Exchange { request, .. } = &fx[0] else { panic!("{fx:?}") };
    assert_eq!((request.code.expose(), request.redirect_uri.as_str()), ("pasted", REDIRECT));
}

#[test]
fn the_qr_code_toggles_and_esc_closes_it_first() {
    let (mut app, _, _) = listening();
    press(&mut app, KeyCode::Char('p'));
    assert!(flow(&app).qr_open && flow(&app).attempt.as_ref().unwrap().qr.is_some());
    press(&mut app, KeyCode::Esc);
    assert!(!flow(&app).qr_open);
    assert_eq!(app.screen_id(), ScreenId::Authorize);
}
