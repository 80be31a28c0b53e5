//! Screen snapshots: each screen in its meaningful states, at 80×24, 60×20 and 200×60.

use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::states::*;
use crate::app::fixtures::*;
use crate::app::{Action, App, Overlay, update};
use crate::mastodon::ApiError;

/// The screen as text, one line per row: what a person sees (a wide character once, not its
/// hidden second cell), with each row quoted so trailing spaces show. Drawn as the event loop
/// draws (what the frame learns about the size is taken in), on a copy of the app.
pub(super) fn render(app: &App, width: u16, height: u16) -> String {
    drawn(app, width, height).1
}

/// The app as it is after drawing at this size (it learned how far the profile scrolls), and
/// the screen.
pub(super) fn drawn(app: &App, width: u16, height: u16) -> (App, String) {
    let mut app = app.clone();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    super::draw_settled(&mut terminal, &mut app).unwrap();
    let screen = text_of(terminal.backend().buffer());
    (app, screen)
}

/// What a buffer shows as text, one quoted line per row.
pub(super) fn text_of(buffer: &ratatui::buffer::Buffer) -> String {
    let (width, height) = (buffer.area.width, buffer.area.height);
    let mut out = String::new();
    for y in 0..height {
        let mut row = String::new();
        let mut skip = 0;
        for x in 0..width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            row.push_str(symbol);
        }
        out.push_str(&format!("\"{row}\"\n"));
    }
    out
}

/// One snapshot at 80×24: for states whose layout does not change with the size (a dialog, a
/// notice, a message); their fit in small terminals is asserted where it matters.
pub(super) fn snap_one(name: &str, app: &App) {
    insta::assert_snapshot!(name.to_owned(), render(app, 80, 24));
}

/// The screen at 80×24, 60×20 and 200×60, where its layout changes with the size.
pub(super) fn snap(name: &str, app: &App) {
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
    snap_one("instance_error", &app);
}

#[test]
fn instance_busy_in_the_demo() {
    snap_one("instance_busy_demo", &instance_busy_demo());
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
    snap_one("scopes_admin", &app);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.overlay, Some(Overlay::ConfirmUnadvertised(_))));
    snap_one("scopes_confirm", &app);
}

#[test]
fn authorize_ready() {
    let mut app = at_authorize();
    update(&mut app, Action::Copied(Ok(crate::clipboard::CopyMethod::Osc52 { wrapped_for: None })));
    snap("authorize", &app);
}

#[test]
fn code_rejected() {
    let mut app = at_authorize();
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
    snap_one("code_rejected", &app);
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

#[test]
fn authorize_loopback_waiting() {
    snap("authorize_loopback", &loopback_waiting());
}

/// The size the "too small" message asks for, as (width, height).
fn asked_size(screen: &str) -> (u16, u16) {
    let rest = &screen[screen.find("at least ").expect(screen) + 9..];
    let (w, rest) = rest.split_once('×').unwrap();
    (w.parse().unwrap(), rest[..rest.find(' ').unwrap()].parse().unwrap())
}

/// The QR code in a terminal of exactly the size the message asks for, and that message at 80×24.
fn snap_qr(name: &str, app: &App) -> String {
    let small = render(app, 80, 24);
    let (w, h) = asked_size(&small);
    let fits = render(app, w, h);
    assert!(fits.contains("Scan with your") && !fits.contains("needs a terminal"), "{fits}");
    assert!(!render(app, w, h - 1).contains("Scan with your"), "{w}×{h} is the least that fits");
    insta::assert_snapshot!(name, fits);
    insta::assert_snapshot!(format!("{name}__too_small"), small);
    fits
}

#[test]
fn qr_code_fits_or_says_how_large_the_terminal_must_be() {
    let mut app = at_authorize();
    press(&mut app, KeyCode::Char('p'));
    let fits = snap_qr("qr_code", &app);
    assert!(!fits.contains("127.0.0.1") && !fits.contains("DEMO"), "{fits}");
}

#[test]
fn qr_code_in_loopback_mode_says_a_phone_cannot_reach_it() {
    let mut app = loopback_waiting();
    press(&mut app, KeyCode::Char('p'));
    let fits = snap_qr("qr_code_loopback", &app);
    assert!(shows_in_full(&fits, "A phone cannot reach this computer's 127.0.0.1: press m for paste mode first."));
    // What it tells to press works with the code shown: m starts a paste-mode attempt, and the
    // QR code stays up for its URL.
    press(&mut app, KeyCode::Char('m'));
    let flow = app.flow().unwrap();
    assert!(flow.qr_open && flow.mode == crate::app::RedirectMode::Oob);
}

#[test]
fn qr_code_in_demo_mode_says_it_is_the_demo() {
    let mut app = loopback_waiting();
    app.settings.demo = crate::mastodon::address::parse("http://127.0.0.1:4000").ok();
    press(&mut app, KeyCode::Char('p'));
    let fits = snap_qr("qr_code_demo", &app);
    assert!(fits.contains("DEMO SERVER — not a real account") && fits.contains("127.0.0.1"), "{fits}");
    assert!(render(&app, 80, 24).contains("DEMO SERVER"));
}

#[test]
fn accounts_list() {
    snap("accounts", &accounts_with_a_rejected_token());
}

#[test]
fn accounts_with_a_default_and_a_token_made_elsewhere() {
    snap("accounts_default", &at_accounts_with_default());
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

/// Whether all of `text` is on screen in order (rows, and box sides, may break it anywhere).
pub(super) fn shows_in_full(screen: &str, text: &str) -> bool {
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace() && !matches!(c, '"' | '│')).collect::<String>();
    squash(screen).contains(&squash(text))
}

#[test]
fn long_notices_are_shown_in_full() {
    let wrong_state = || {
        let mut app = loopback_waiting();
        let id = app.listening().unwrap().id;
        update(&mut app, Action::Loopback(id, crate::loopback::Event::WrongState));
        app
    };
    let mut browser = at_authorize();
    let failed = "The browser (/bin/false) could not be started: it exited with code 1.";
    update(&mut browser, Action::BrowserOpened(Err(failed.into())));
    let mut copied = at_authorize();
    update(&mut copied, Action::Copied(Ok(crate::clipboard::CopyMethod::Osc52 { wrapped_for: Some("screen") })));
    for app in [wrong_state(), browser, copied, kept_aside()] {
        let text = &app.notice.as_ref().unwrap().text;
        for (w, h) in [(80, 24), (60, 20)] {
            let screen = render(&app, w, h);
            assert!(shows_in_full(&screen, text), "{w}×{h}: {text}\n{screen}");
        }
    }
    snap_one("notice_wrong_state", &wrong_state());
    snap_one("notice_kept_aside", &kept_aside());
}

#[test]
fn a_long_scope_string_is_shown_in_full() {
    let app = scopes_long_string();
    let names = LONG_SCOPE_STRING;
    assert_eq!(app.flow().unwrap().tree.selected().join(" "), names);
    for (w, h) in [(80, 24), (60, 20), (200, 60)] {
        let screen = render(&app, w, h);
        assert!(shows_in_full(&screen, names), "{w}×{h}\n{screen}");
        // Wrapped at spaces only: every scope name is whole on one row.
        for name in names.split(' ') {
            assert!(screen.lines().any(|row| row.split([' ', '│']).any(|word| word == name)), "{name} cut\n{screen}");
        }
    }
    snap_one("scopes_long_string", &app);
}

#[test]
fn admin_warning_and_server_adaptations_are_not_cut() {
    let app = scopes_adapted();
    let scope = app.flow().unwrap().tree.current().unwrap().scope;
    assert_eq!(scope.name, "admin:write");
    let note = app.flow().unwrap().server.adaptations().unwrap();
    for (w, h) in [(80, 24), (60, 20), (200, 60)] {
        let screen = render(&app, w, h);
        assert!(shows_in_full(&screen, &note), "{w}×{h}\n{screen}");
        // At 200 columns it is in a panel beside the tree (the snapshot shows it whole).
        assert!(w == 200 || shows_in_full(&screen, &scope.description()), "{w}×{h}\n{screen}");
    }
    snap_one("scopes_adapted", &app);
}

/// Every screen's footer, from the key table: each available key is shown at 80 and 60 columns.
#[test]
fn every_footer_hint_is_shown() {
    let mut code = at_authorize();
    press(&mut code, KeyCode::Enter);
    let apps =
        [App::new(settings()), at_scopes(server(true)), at_authorize(), code, at_profile(account()), at_accounts()];
    for app in &apps {
        for (w, h) in [(80, 24), (60, 20)] {
            let (app, screen) = drawn(app, w, h);
            let footer = crate::app::keys::bindings(app.screen_id()).iter();
            for b in footer.filter(|b| b.shown == crate::app::keys::Shown::Footer && app.available(b.command)) {
                let hint = format!("{} {}", b.footer_label(), crate::i18n::text(b.label));
                assert!(screen.contains(&hint), "{:?} at {w}×{h} lacks {hint:?}\n{screen}", app.screen_id());
            }
        }
    }
}

/// A click on a hint resolves to its command on every footer row, the second row included.
#[test]
fn footer_hints_are_clickable_on_every_row() {
    use crate::app::{Command, Target};
    let mut app = at_authorize();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut hits = super::HitMap::default();
    terminal.draw(|f| hits = super::draw(f, &app)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let find = |text: &str| {
        (0..24u16)
            .find_map(|y| {
                let row: String = (0..80u16).map(|x| buffer[(x, y)].symbol().to_owned()).collect();
                row.find(text).map(|i| (row[..i].chars().count() as u16, y))
            })
            .unwrap_or_else(|| panic!("{text} not drawn"))
    };
    let (first, second) = (find("o open in browser"), find("p QR code"));
    assert!(second.1 > first.1, "p is on a second footer row");
    assert_eq!(hits.target_at(first.0 + 3, first.1), Some(Target::Command(Command::OpenBrowser)));
    for (text, command) in [("p QR code", Command::ToggleQr), ("q quit", Command::Quit), ("? help", Command::Help)] {
        let (x, y) = find(text);
        assert_eq!(hits.target_at(x, y), Some(Target::Command(command)), "{text}");
        assert_eq!(hits.target_at(x + text.len() as u16 - 1, y), Some(Target::Command(command)), "{text}");
    }
    // Between hints there is nothing to click.
    let (x, y) = find("p QR code");
    assert_eq!(hits.target_at(x + 10, y), None);
    update(&mut app, Action::Click(hits.target_at(second.0, second.1).unwrap()));
    assert!(app.flow().unwrap().qr_open, "the click showed the QR code");
}

#[test]
fn code_screen() {
    // The authorize URL under the code box: whole at every size (wrapped, never cut).
    let mut app = at_authorize();
    press(&mut app, KeyCode::Enter);
    snap("code", &app);
}

#[test]
fn the_code_screen_shows_the_whole_url_or_says_where_it_is() {
    let mut app = at_authorize();
    press(&mut app, KeyCode::Enter);
    let url = app.flow().and_then(|f| f.attempt.as_ref()).map(|a| a.url.clone()).expect("an attempt");
    for (w, h) in [(80, 24), (60, 20)] {
        let screen = render(&app, w, h);
        assert!(shows_in_full(&screen, &url), "{w}×{h}: the URL is cut\n{screen}");
    }
    // Too few rows for it: cut where the eye sees it, naming the key back to the whole URL; with
    // no row at all for it, said where its label would be.
    for (w, h) in [(60, 16), (60, 14)] {
        let screen = render(&app, w, h);
        assert!(!shows_in_full(&screen, &url), "{w}×{h}\n{screen}");
        assert!(screen.contains("… the whole URL is on the previous screen (esc)"), "{w}×{h}\n{screen}");
    }
}
