//! State-machine tests: actions in, state and effects out. No I/O, no terminal, no async.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::mastodon::oauth::OOB;

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
fn success_reads_the_profile_and_saves_the_login() {
    let mut app = at_authorize();
    let fx = exchange_accepted(&mut app, Some("profile"));
    assert_eq!(app.screen_id(), ScreenId::Profile);
    let Effect::Verify { id, token, .. } = &fx[0] else { panic!() };
    assert_eq!(token.expose(), "tok");
    let fx = update(&mut app, Action::Verified(*id, Ok(account()), "2026-11-23T10:00:00Z".into()));
    let Effect::SaveLogin { login, .. } = &fx[0] else { panic!("{fx:?}") };
    assert_eq!(login.acct, "ada@example.social");
    assert_eq!(login.server, "https://example.social");
    assert_eq!(login.scopes_granted, ["profile"]);
    let shown = view(&app);
    assert_eq!(shown.display_name, "Ada Lovelace", "control characters stripped");
    assert_eq!(shown.handle, "@ada@example.social");
    assert!(shown.flags.contains(&"bot".to_owned()));
    assert!(shown.fields[0].verified);
    assert_eq!(shown.saved, SaveState::Saving);
    update(&mut app, Action::LoginSaved(Ok(Saved::in_file("/tmp/cfg/logins.json"))));
    assert_eq!(view(&app).saved, SaveState::Saved(Saved::in_file("/tmp/cfg/logins.json")));
}

#[test]
fn the_handle_takes_the_servers_own_domain_and_a_foreign_one_is_refused() {
    // The instance names itself: accounts are @user@ that domain, not @user@the-API-host.
    let mut app = at_authorize();
    flow_mut(&mut app).server.card.domain = "Social.Example".into();
    let fx = exchange_accepted(&mut app, Some("profile"));
    let fx = update(&mut app, Action::Verified(task_id(&fx), Ok(account()), "now".into()));
    let Effect::SaveLogin { login, .. } = &fx[0] else { panic!("{fx:?}") };
    assert_eq!((login.acct.as_str(), login.server.as_str()), ("ada@social.example", "https://example.social"));

    // A server cannot log in someone else's accounts.
    let mut app = at_authorize();
    let fx = exchange_accepted(&mut app, Some("profile"));
    let foreign = Account { acct: "ada@mastodon.social".into(), ..account() };
    let fx = update(&mut app, Action::Verified(task_id(&fx), Ok(foreign), "now".into()));
    assert!(fx.iter().all(|e| !matches!(e, Effect::SaveLogin { .. })), "nothing saved: {fx:?}");
    assert!(profile(&app).view.is_none() && profile(&app).pending.is_none());
    let error = profile(&app).error.as_deref().unwrap();
    assert!(error.contains("@ada@mastodon.social") && error.contains("refused"), "{error}");
}

#[test]
fn a_failed_save_keeps_the_login_for_a_retry() {
    let mut app = at_authorize();
    let fx = exchange_accepted(&mut app, None);
    update(&mut app, Action::Verified(task_id(&fx), Ok(account()), "now".into()));
    let full = std::io::Error::from_raw_os_error(28);
    update(
        &mut app,
        Action::LoginSaved(Err(StoreError::Io { path: "/x/logins.json".into(), action: "write", source: full })),
    );
    let SaveState::Failed(msg) = &view(&app).saved else { panic!() };
    assert!(msg.contains("Press s to try again") && !msg.contains("tok"), "{msg}");
    let fx = press(&mut app, KeyCode::Char('s'));
    assert!(matches!(&fx[0], Effect::SaveLogin { login, registration: Some(_) } if login.token.expose() == "tok"));
}

#[test]
fn verify_failure_keeps_the_token_and_r_retries() {
    let mut app = at_authorize();
    let fx = exchange_accepted(&mut app, None);
    update(&mut app, Action::Verified(task_id(&fx), Err(ApiError::Timeout { host: "h".into() }), "now".into()));
    assert!(profile(&app).error.as_deref().unwrap().contains("Press r"));
    let fx = press(&mut app, KeyCode::Char('r'));
    assert!(matches!(&fx[0], Effect::Verify { token, .. } if token.expose() == "tok"));
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
fn spinner_ticks_only_advance_the_frame() {
    let mut app = App::new(settings());
    let before = app.clone();
    assert!(update(&mut app, Action::Tick(std::time::Instant::now())).is_empty());
    assert_eq!(app.spinner, before.spinner + 1);
}

fn with_avatar(url: &str) -> Account {
    let mut account = account();
    account.avatar = format!("{url}.gif");
    account.avatar_static = url.to_owned();
    account
}

#[test]
fn the_avatar_is_fetched_after_the_profile_and_shown_when_it_arrives() {
    let mut app = at_authorize();
    let fx = exchange_accepted(&mut app, Some("profile"));
    let url = "https://files.example.social/avatars/ada.png";
    let fx = update(&mut app, Action::Verified(task_id(&fx), Ok(with_avatar(url)), "now".into()));
    let fetch = fx.iter().find_map(|e| match e {
        Effect::FetchAvatar { url, .. } => Some(url.to_string()),
        _ => None,
    });
    assert_eq!(fetch.as_deref(), Some(url), "the still image, not the animated one: {fx:?}");
    assert!(!app.busy(), "no spinner for the avatar: the profile is usable without it");

    let avatar = crate::avatar::Avatar { lines: vec![ratatui::text::Line::raw("x")] };
    update(&mut app, Action::AvatarLoaded("https://other.example/old.png".into(), Ok(avatar.clone())));
    assert_eq!(view(&app).avatar, None, "an avatar of another profile is ignored");
    update(&mut app, Action::AvatarLoaded(url.into(), Ok(avatar.clone())));
    assert_eq!(view(&app).avatar, Some(avatar));
}

#[test]
fn no_avatar_is_fetched_over_plain_http_or_without_colours() {
    let mut app = at_authorize();
    let fx = exchange_accepted(&mut app, Some("profile"));
    let fx =
        update(&mut app, Action::Verified(task_id(&fx), Ok(with_avatar("http://files.example/a.png")), "n".into()));
    assert!(!fx.iter().any(|e| matches!(e, Effect::FetchAvatar { .. })), "{fx:?}");

    let mut app = at_authorize();
    app.settings.color = false;
    let fx = exchange_accepted(&mut app, Some("profile"));
    let fx = update(&mut app, Action::Verified(task_id(&fx), Ok(with_avatar("https://f.example/a.png")), "n".into()));
    assert!(!fx.iter().any(|e| matches!(e, Effect::FetchAvatar { .. })), "NO_COLOR: {fx:?}");
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

#[test]
fn shift_r_registers_anew_when_the_server_page_says_the_app_is_unknown() {
    let mut app = at_authorize();
    let fx = update(&mut app, Action::Key(KeyEvent::new(KeyCode::Char('R'), KeyModifiers::SHIFT)));
    assert!(matches!(&fx[..], [Effect::Prepare { forget: Some(_), .. }]), "{fx:?}");
    // While that runs, the screen says it is preparing; after esc it says how to start again.
    press(&mut app, KeyCode::Esc);
    assert!(!app.busy());
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
