//! Every screen and dialog in Japanese and French, at 80×24 and 60×20: snapshots, and the
//! checks that nothing is cut (every footer hint, every notice and dialog question in full).

use crossterm::event::KeyCode;

use super::states::*;
use super::tests::{drawn, shows_in_full};
use crate::app::fixtures::*;
use crate::app::keys::{Shown, bindings};
use crate::app::{Action, App, Overlay, Screen, update};
use crate::i18n::{self, Lang};
use crate::mastodon::ApiError;

fn instance_error() -> App {
    let mut app = App::new(settings());
    type_text(&mut app, "example.social");
    let id = task_id(&press(&mut app, KeyCode::Enter));
    update(&mut app, Action::Discovered(id, Err(ApiError::Dns { host: "example.social".into() })));
    app
}

fn scopes_admin() -> App {
    let mut app = at_scopes(server(false));
    if let Screen::Login(flow) = &mut app.screen {
        let row = flow.tree.rows().iter().position(|r| r.scope.name == "admin:write").unwrap();
        flow.tree.select_row(row);
    }
    app
}

fn code_rejected() -> App {
    let mut app = at_authorize();
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "wrong");
    let id = task_id(&press(&mut app, KeyCode::Enter));
    let refused = ApiError::Status {
        status: 400,
        path: "/oauth/token".into(),
        error: Some("invalid_grant".into()),
        description: None,
    };
    update(&mut app, Action::Exchanged(id, Err(refused)));
    app
}

fn with_key(mut app: App, key: char) -> App {
    press(&mut app, KeyCode::Char(key));
    app
}

fn add_identity() -> App {
    let mut app = with_key(at_scopes(server(true)), 'x');
    if let Screen::Login(flow) = &mut app.screen {
        flow.tree.choose_all(&["write:statuses".to_owned()]);
    }
    press(&mut app, KeyCode::Enter);
    app
}

fn unadvertised() -> App {
    let mut s = server(true);
    s.oauth.as_mut().unwrap().scopes_supported = vec!["read".into(), "profile".into()];
    let mut app = at_scopes(s);
    if let Screen::Login(flow) = &mut app.screen {
        flow.tree.choose_all(&["push".to_owned()]);
    }
    press(&mut app, KeyCode::Enter);
    app
}

fn forget_anyway() -> App {
    let mut app = with_key(at_accounts(), 'd');
    let fx = press(&mut app, KeyCode::Char('y'));
    let crate::app::Effect::Revoke { id, login } = &fx[0] else { panic!("{fx:?}") };
    update(&mut app, Action::Revoked(*id, login.clone(), Err("example.social refused the connection".into())));
    app
}

fn code_screen() -> App {
    let mut app = at_authorize();
    press(&mut app, KeyCode::Enter);
    app
}

fn wrong_state() -> App {
    let mut app = loopback_waiting();
    let id = app.listening().unwrap().id;
    update(&mut app, Action::Loopback(id, crate::loopback::Event::WrongState));
    app
}

/// A state, built inside the language: texts are made when the state is.
type Build = fn() -> App;

/// Each state by name.
const STATES: &[(&str, Build)] = &[
    ("instance", || App::new(settings())),
    ("instance_error", instance_error),
    ("scopes", || at_scopes(server(true))),
    ("scopes_admin", scopes_admin),
    ("authorize", at_authorize),
    ("authorize_loopback", loopback_waiting),
    ("notice_wrong_state", wrong_state),
    ("qr_too_small", || with_key(at_authorize(), 'p')),
    ("code", code_screen),
    ("code_rejected", code_rejected),
    ("profile", || at_profile(account())),
    ("profile_japanese", || at_profile(japanese_account())),
    ("profile_avatar", at_profile_with_avatar),
    ("accounts", at_accounts),
    ("accounts_default", at_accounts_with_default),
    ("help_scopes", || with_key(at_scopes(server(true)), '?')),
    ("help_code", || {
        let mut app = code_screen();
        press(&mut app, KeyCode::F(1));
        app
    }),
    ("confirm_copy", || with_key(at_accounts(), 'c')),
    ("confirm_logout", || with_key(at_accounts(), 'd')),
    ("confirm_forget", forget_anyway),
    ("confirm_unadvertised", unadvertised),
    ("add_identity", add_identity),
    ("refresh_scopes", at_refresh_scopes),
    ("refreshed", || at_refreshed(account(), Ok(()))),
    ("refreshed_not_revoked", || at_refreshed(account(), Err("the token belongs to another app".into()))),
    ("refresh_other_account", || at_refreshed(grace(), Ok(()))),
    ("instance_busy_demo", instance_busy_demo),
    ("scopes_adapted", scopes_adapted),
    ("scopes_long_string", scopes_long_string),
    ("notice_kept_aside", kept_aside),
    ("accounts_checked", accounts_checked),
    ("help_instance", || {
        let mut app = App::new(settings());
        press(&mut app, KeyCode::F(1));
        app
    }),
    ("help_authorize", || with_key(at_authorize(), '?')),
    ("help_profile", || with_key(at_profile(account()), '?')),
    ("help_accounts", || with_key(at_accounts(), '?')),
];

/// The QR code at the least size its message asks for, in each language: it fits there, and
/// the message is shown whole in a smaller terminal.
#[test]
fn the_qr_code_fits_at_the_size_it_asks_for_in_japanese_and_french() {
    for lang in [Lang::Ja, Lang::Fr] {
        i18n::with(lang, || {
            let app = with_key(at_authorize(), 'p');
            let small = super::tests::render(&app, 80, 24);
            let (w, h) = asked_size(&small);
            let fits = super::tests::render(&app, w, h);
            assert!(fits.contains("▀▀") && !fits.contains(&format!("{w}×")), "{} {w}×{h}\n{fits}", lang.code());
            let less = super::tests::render(&app, w, h - 1);
            assert!(less.contains(&format!("{w}×{}", h - 1)), "{} {w}×{h} is the least\n{less}", lang.code());
            insta::assert_snapshot!(format!("{}__qr_code", lang.code()), fits);
            insta::assert_snapshot!(format!("{}__qr_code__too_small", lang.code()), small);
        });
    }
}

/// The first `W×H` in the text: the size the message asks for.
fn asked_size(screen: &str) -> (u16, u16) {
    let at = screen.find('×').expect(screen);
    let w: String =
        screen[..at].chars().rev().take_while(char::is_ascii_digit).collect::<Vec<_>>().into_iter().rev().collect();
    let h: String = screen[at + '×'.len_utf8()..].chars().take_while(char::is_ascii_digit).collect();
    (w.parse().expect(screen), h.parse().expect(screen))
}

#[test]
fn every_screen_and_dialog_in_japanese_and_french() {
    for lang in [Lang::Ja, Lang::Fr] {
        i18n::with(lang, || {
            for (name, build) in STATES {
                let app = build();
                for (w, h) in [(80, 24), (60, 20)] {
                    let (app, screen) = drawn(&app, w, h);
                    let suffix = if w == 60 { "__narrow" } else { "" };
                    insta::assert_snapshot!(format!("{}__{name}{suffix}", lang.code()), screen);
                    nothing_is_cut(&app, &screen, (w, h), &format!("{} {name} {w}×{h}", lang.code()));
                }
            }
        });
    }
}

#[test]
fn the_help_is_never_cut_in_english_either() {
    i18n::with(Lang::En, || {
        for (name, build) in STATES.iter().filter(|(name, _)| name.starts_with("help")) {
            let app = build();
            for (w, h) in [(80, 24), (60, 20)] {
                let (app, screen) = drawn(&app, w, h);
                nothing_is_cut(&app, &screen, (w, h), &format!("en {name} {w}×{h}"));
            }
        }
    });
}

/// What must be whole on screen: every footer hint (no overlay), the notice, a dialog's question,
/// what each key in the help does.
fn nothing_is_cut(app: &App, screen: &str, (width, height): (u16, u16), what: &str) {
    if let Some(Overlay::Help) = &app.overlay {
        // The help drawn over nothing, so the screen beside it does not interleave its rows.
        let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
        terminal.draw(|frame| super::help::draw(frame, app, &super::Theme::new(true))).unwrap();
        let help = super::tests::text_of(terminal.backend().buffer());
        for b in bindings(app.screen_id()).iter().filter(|b| b.shown != Shown::Hidden) {
            assert!(shows_in_full(&help, &i18n::text(b.label)), "{what}: the help cuts {:?}\n{help}", b.label);
        }
    }
    if app.overlay.is_none() && !app.flow().is_some_and(|f| f.qr_open) {
        for b in bindings(app.screen_id()).iter().filter(|b| b.shown == Shown::Footer && app.available(b.command)) {
            let hint = format!("{} {}", b.footer_label(), i18n::text(b.label));
            assert!(screen.contains(&hint), "{what}: the footer lacks {hint:?}\n{screen}");
        }
        if let Some(notice) = app.visible_notice() {
            assert!(shows_in_full(screen, &notice.text), "{what}: the notice is cut\n{screen}");
        }
        if app.screen_id() == crate::app::ScreenId::Accounts {
            for shown in &app.accounts.logins {
                let handle = format!("@{}", shown.login.acct);
                assert!(screen.contains(&handle), "{what}: the handle {handle} is cut\n{screen}");
            }
        }
        if let Some(flow) = app.flow().filter(|_| app.screen_id() == crate::app::ScreenId::Scopes) {
            let chosen = flow.tree.selected().join(" ");
            assert!(shows_in_full(screen, &chosen), "{what}: the scope string is cut\n{screen}");
            if let Some(note) = flow.server.adaptations() {
                assert!(shows_in_full(screen, &note), "{what}: the server's adaptations are cut\n{screen}");
            }
            // What the scope under the cursor allows: whole, or cut with a marker saying so.
            if let Some(row) = flow.tree.current() {
                let whole = shows_in_full(screen, &row.scope.description());
                let marked = screen.contains(&format!("… {}", i18n::text("scopes-description-cut")));
                assert!(whole || marked, "{what}: the description is cut in silence\n{screen}");
            }
        }
        if app.screen_id() == crate::app::ScreenId::Instance {
            let note = crate::tr!("instance-example-handle");
            assert!(shows_in_full(screen, &note), "{what}: the handle example's note is cut\n{screen}");
        }
    }
    if let Some(Overlay::Confirm(confirm)) = &app.overlay {
        let account = &confirm.login().acct;
        let question = match confirm {
            crate::app::Confirm::CopyToken(_) => crate::tr!("confirm-copy-question", account = account),
            crate::app::Confirm::Logout(_) => crate::tr!("confirm-logout-question", account = account),
            crate::app::Confirm::Forget(_) => crate::tr!("confirm-forget-question", account = account),
        };
        assert!(shows_in_full(screen, &question), "{what}: the question is cut\n{screen}");
    }
}
