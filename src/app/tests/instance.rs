//! The server screen: typing, looking the server up, its failures; and what every screen shares (help, quit, the spinner).

use super::*;
use crate::mastodon::oauth::OOB;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[test]
fn bad_input_shows_a_message_and_keeps_the_text() {
    let mut app = App::new(settings());
    type_text(&mut app, "http://example.social");
    let fx = press(&mut app, KeyCode::Enter);
    assert!(fx.is_empty());
    assert!(app.instance.error.as_deref().unwrap().contains("https://example.social"));
    assert_eq!(app.instance.input.value(), "http://example.social");
    type_text(&mut app, "x");
    assert_eq!(app.instance.error, None, "typing clears the error");
}

#[test]
fn discovery_runs_as_a_task_with_a_spinner_and_esc_cancels_it() {
    let mut app = App::new(settings());
    type_text(&mut app, "@ada@Example.Social");
    let fx = press(&mut app, KeyCode::Enter);
    let id = task_id(&fx);
    assert_eq!(app.tick_interval(), Some(std::time::Duration::from_millis(80)), "the spinner animates");
    assert!(app.busy());
    let fx = press(&mut app, KeyCode::Esc);
    assert!(fx.contains(&Effect::Cancel(id)));
    assert_eq!(app.tick_interval(), None, "no wake-ups while idle");
    assert!(!fx.contains(&Effect::Quit));
    // The late result of the cancelled request changes nothing.
    update(&mut app, Action::Discovered(id, Ok(server(true))));
    assert_eq!(app.screen_id(), ScreenId::Instance);
    assert_eq!(app.instance.input.value(), "@ada@Example.Social");
}

#[test]
fn each_discovery_failure_gets_its_own_message() {
    let cases = [
        (ApiError::Dns { host: "h".into() }, "could be found"),
        (ApiError::Refused { host: "h".into() }, "refused the connection"),
        (ApiError::Tls { host: "h".into(), detail: "bad cert".into() }, "secure connection"),
        (ApiError::Timeout { host: "h".into() }, "did not answer in time"),
        (ApiError::NotMastodon { host: "h".into() }, "does not look like a Mastodon server"),
        (ApiError::Malformed { path: "/api/v2/instance".into(), detail: "x".into() }, "not Mastodon's API"),
    ];
    for (error, expected) in cases {
        let mut app = App::new(settings());
        type_text(&mut app, "example.social");
        let id = task_id(&press(&mut app, KeyCode::Enter));
        update(&mut app, Action::Discovered(id, Err(error)));
        assert!(app.instance.error.as_deref().unwrap().contains(expected), "{:?}", app.instance.error);
        assert_eq!(app.instance.input.value(), "example.social");
        assert_eq!(app.screen_id(), ScreenId::Instance);
    }
}

#[test]
fn help_opens_and_closes_and_quit_works_everywhere() {
    let mut app = at_authorize();
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.overlay, Some(Overlay::Help));
    press(&mut app, KeyCode::Esc);
    assert_eq!((app.overlay.clone(), app.screen_id()), (None, ScreenId::Authorize));
    assert_eq!(press(&mut app, KeyCode::Char('q')), vec![Effect::Quit]);
    let mut app = App::new(settings());
    press(&mut app, KeyCode::F(1));
    assert_eq!(app.overlay, Some(Overlay::Help));
    let fx = update(&mut app, Action::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)));
    assert_eq!(fx, vec![Effect::Quit]);
}

#[test]
fn typing_q_in_a_text_box_types_it() {
    let mut app = App::new(settings());
    assert!(press(&mut app, KeyCode::Char('q')).is_empty());
    assert_eq!(app.instance.input.value(), "q");
}

#[test]
fn spinner_ticks_only_advance_the_frame() {
    let mut app = App::new(settings());
    let before = app.clone();
    assert!(update(&mut app, Action::Tick(std::time::Instant::now())).is_empty());
    assert_eq!(app.spinner, before.spinner + 1);
}

#[test]
fn the_demo_logs_in_only_to_its_own_server() {
    let demo = crate::mastodon::address::parse("http://127.0.0.1:4000").unwrap();
    let mut app = App::new(Settings { demo: Some(demo.clone()), ..settings() });
    app.instance.input.set("http://127.0.0.1:5000");
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    let error = app.instance.error.as_deref().unwrap();
    assert!(error.contains("without --demo") && error.contains("http://127.0.0.1:4000"), "{error}");
    // A new login after the first starts from the demo server again.
    let fx = app.start_with_instance("http://127.0.0.1:4000/");
    assert!(matches!(&fx[..], [Effect::Discover { address, .. }] if address == &demo), "{fx:?}");
    let id = task_id(&fx);
    update(&mut app, Action::Discovered(id, Ok(server(true))));
    let fx = press(&mut app, KeyCode::Enter);
    update(&mut app, Action::Registered(task_id(&fx), Ok(prepared(false, OOB))));
    let fx = exchange_accepted(&mut app, Some("profile"));
    update(&mut app, Action::Verified(task_id(&fx), Ok(account()), "now".into()));
    assert_eq!(app.screen_id(), ScreenId::Profile);
    press(&mut app, KeyCode::Char('n'));
    assert_eq!((app.screen_id(), app.instance.input.value()), (ScreenId::Instance, "http://127.0.0.1:4000"));
}

#[test]
fn a_tls_failure_on_this_computer_suggests_plain_http() {
    let mut app = App::new(settings());
    type_text(&mut app, "127.0.0.1:8443");
    let id = task_id(&press(&mut app, KeyCode::Enter));
    let tls = ApiError::Tls { host: "127.0.0.1:8443".into(), detail: "received corrupt message".into() };
    update(&mut app, Action::Discovered(id, Err(tls.clone())));
    assert!(app.instance.error.as_deref().unwrap().contains("type http://127.0.0.1:8443 instead"));
    assert_eq!(app.instance.input.value(), "127.0.0.1:8443", "the typed text stays");
    let mut app = App::new(settings());
    type_text(&mut app, "example.social");
    let id = task_id(&press(&mut app, KeyCode::Enter));
    update(&mut app, Action::Discovered(id, Err(tls)));
    assert!(app.instance.error.as_deref().unwrap().contains("certificate"));
}

#[test]
fn the_same_server_typed_another_way_keeps_the_choices_made_for_it() {
    let idn = |typed: &str| crate::mastodon::ServerInfo {
        address: crate::mastodon::address::parse(typed).unwrap(),
        ..server(true)
    };
    let mut app = at_scopes(idn("café.example"));
    press(&mut app, KeyCode::Char('x'));
    assert!(flow(&app).tree.selected().is_empty(), "the selection cleared");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen_id(), ScreenId::Instance);
    app.instance.input = crate::app::input::TextInput::default();
    // The same server in punycode: the same origin, so the same choices.
    type_text(&mut app, "xn--caf-dma.example");
    let id = task_id(&press(&mut app, KeyCode::Enter));
    update(&mut app, Action::Discovered(id, Ok(idn("xn--caf-dma.example"))));
    assert_eq!(app.screen_id(), ScreenId::Scopes);
    assert!(flow(&app).tree.selected().is_empty(), "still cleared: the same server");
}
