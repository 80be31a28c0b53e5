//! Screen snapshots: each screen in its meaningful states, at 80×24, 60×20 and 200×60.

use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::app::fixtures::*;
use crate::app::{Action, App, Notice, NoticeKind, Overlay, update};
use crate::mastodon::ApiError;

fn render(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| {
            super::draw(f, app);
        })
        .unwrap();
    terminal.backend().to_string()
}

/// The authorize URL carries a random state and PKCE challenge: pin them for stable snapshots.
fn pin_url(app: &mut App) {
    if let Some(a) = app.flow.as_mut().and_then(|f| f.attempt.as_mut()) {
        a.url = "https://example.social/oauth/authorize?response_type=code&client_id=cid&redirect_uri=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob&scope=profile&state=STATE&code_challenge=CHALLENGE&code_challenge_method=S256".into();
    }
}

fn snap(name: &str, app: &App) {
    for (suffix, w, h) in [("", 80, 24), ("__narrow", 60, 20), ("__wide", 200, 60)] {
        insta::assert_snapshot!(format!("{name}{suffix}"), render(app, w, h));
    }
}

#[test]
fn instance_empty() {
    snap("instance", &App::new(settings()));
}

#[test]
fn instance_error() {
    let mut app = App::new(settings());
    type_text(&mut app, "example.social");
    let id = task_id(&press(&mut app, KeyCode::Enter));
    update(&mut app, Action::Discovered(id, Err(ApiError::Dns { host: "example.social".into() })));
    snap("instance_error", &app);
}

#[test]
fn instance_busy_demo() {
    let mut app = App::new(crate::app::Settings { demo: true, ..settings() });
    type_text(&mut app, "127.0.0.1:4000");
    app.instance.input.set("http://127.0.0.1:4000");
    press(&mut app, KeyCode::Enter);
    snap("instance_busy_demo", &app);
}

#[test]
fn scopes_tree() {
    let mut app = at_scopes(server(true));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char(' '));
    snap("scopes", &app);
}

#[test]
fn scopes_admin_and_unadvertised() {
    let mut s = server(true);
    s.oauth.as_mut().unwrap().scopes_supported = vec!["read".into(), "write".into(), "push".into(), "profile".into()];
    let mut app = at_scopes(s);
    for _ in 0..6 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Char(' '));
    snap("scopes_admin", &app);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.overlay, Some(Overlay::ConfirmUnadvertised(_))));
    snap("scopes_confirm", &app);
}

#[test]
fn authorize_ready() {
    let mut app = at_authorize();
    pin_url(&mut app);
    app.notice =
        Some(Notice { text: "Sent to your terminal's clipboard with OSC 52.".into(), kind: NoticeKind::Success });
    snap("authorize", &app);
}

#[test]
fn code_rejected() {
    let mut app = at_authorize();
    pin_url(&mut app);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "wrong-code");
    let id = task_id(&press(&mut app, KeyCode::Enter));
    let rejected = ApiError::Status {
        status: 400,
        path: "/oauth/token".into(),
        error: Some("invalid_grant".into()),
        description: None,
    };
    update(&mut app, Action::Exchanged(id, Err(rejected)));
    snap("code_rejected", &app);
}

#[test]
fn profile_full() {
    snap("profile", &at_profile(account()));
}

#[test]
fn profile_japanese() {
    snap("profile_japanese", &at_profile(japanese_account()));
}

#[test]
fn help_overlay() {
    let mut app = at_scopes(server(true));
    press(&mut app, KeyCode::Char('?'));
    snap("help_scopes", &app);
}

#[test]
fn no_color_still_marks_the_selection() {
    let mut app = at_scopes(server(true));
    app.settings.color = false;
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| {
            super::draw(f, &app);
        })
        .unwrap();
    let buffer = terminal.backend().buffer();
    assert!(
        buffer.content().iter().all(|c| c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset)
    );
    assert!(buffer.content().iter().any(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED)));
}

/// On the authorize screen in loopback mode, listening with 4:59 left.
fn loopback_waiting() -> App {
    use crate::app::{Prepared, RedirectMode, Settings};
    use std::time::{Duration, Instant};
    let mut app = App::new(Settings { redirect: RedirectMode::Loopback, ..settings() });
    type_text(&mut app, "example.social");
    let id = task_id(&press(&mut app, KeyCode::Enter));
    update(&mut app, Action::Discovered(id, Ok(server(true))));
    let id = task_id(&press(&mut app, KeyCode::Enter));
    let redirect_uri = "http://127.0.0.1:54321/callback".to_owned();
    let prepared = Prepared { registration: registration(), reused: true, redirect_uri, store_warning: None };
    let fx = update(&mut app, Action::Registered(id, Ok(prepared)));
    let Some(crate::app::Effect::Listen { id, .. }) = fx.last() else { panic!() };
    let start = Instant::now();
    update(&mut app, Action::Listening(*id, start + Duration::from_secs(300)));
    update(&mut app, Action::Tick(start + Duration::from_millis(1500)));
    pin_url(&mut app);
    app
}

#[test]
fn authorize_loopback_waiting() {
    snap("authorize_loopback", &loopback_waiting());
}

#[test]
fn qr_code_fits_or_says_how_large_the_terminal_must_be() {
    let mut app = loopback_waiting();
    press(&mut app, KeyCode::Char('p'));
    let (cols, rows) = app.flow.as_ref().unwrap().qr.as_ref().unwrap().cells();
    let big = render(&app, cols + 10, rows + 6);
    assert!(big.contains("Scan with your phone"), "{big}");
    insta::assert_snapshot!("qr_code", big);
    let small = render(&app, 80, 24);
    assert!(small.contains(&format!("at least {}×{}", cols.max(40), rows + 2)), "{small}");
    insta::assert_snapshot!("qr_code__too_small", small);
}

#[test]
fn accounts_list() {
    let mut app = at_accounts();
    app.accounts.logins[1].status = crate::app::accounts::TokenStatus::Rejected;
    snap("accounts", &app);
}

#[test]
fn accounts_confirm_copy() {
    let mut app = at_accounts();
    press(&mut app, KeyCode::Char('c'));
    snap("accounts_confirm_copy", &app);
}

/// A profile whose avatar arrived: a red square with a blue lower half, drawn in half blocks.
fn at_profile_with_avatar() -> App {
    use image::{DynamicImage, ImageFormat, Rgba, RgbaImage};
    let mut account = account();
    account.avatar_static = "https://files.example.social/ada.png".into();
    let mut app = at_profile(account);
    let picture =
        RgbaImage::from_fn(64, 64, |_, y| if y < 32 { Rgba([255, 0, 0, 255]) } else { Rgba([0, 0, 255, 255]) });
    let mut png = std::io::Cursor::new(Vec::new());
    DynamicImage::ImageRgba8(picture).write_to(&mut png, ImageFormat::Png).unwrap();
    let avatar = crate::avatar::decode(&png.into_inner(), crate::avatar::Palette::TrueColor);
    update(
        &mut app,
        Action::AvatarLoaded("https://files.example.social/ada.png".into(), avatar.map_err(|e| e.to_string())),
    );
    app
}

#[test]
fn profile_with_avatar() {
    snap("profile_avatar", &at_profile_with_avatar());
}

#[test]
fn the_avatar_is_drawn_in_its_colours_beside_the_name() {
    use ratatui::style::Color;
    let app = at_profile_with_avatar();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| drop(super::draw(f, &app))).unwrap();
    let buffer = terminal.backend().buffer();
    // The avatar starts one row below the screen header's two lines and the blank line.
    let top = &buffer[(1, 3)];
    assert_eq!((top.symbol(), top.fg, top.bg), ("▀", Color::Rgb(255, 0, 0), Color::Rgb(255, 0, 0)));
    let bottom = &buffer[(16, 10)];
    assert_eq!((bottom.symbol(), bottom.fg, bottom.bg), ("▀", Color::Rgb(0, 0, 255), Color::Rgb(0, 0, 255)));
    assert_eq!(buffer[(19, 3)].symbol(), "A", "the name starts beside the avatar");
}
