//! The moments where a message did not fit (issue 14, items 1–5 and 8), as the screen shows
//! them at 80×24 and 60×20: snapshots, and what each must and must not say.

use super::tests::{render, shows_in_full};
use crate::app::fixtures::moments::*;
use crate::app::fixtures::{prepared, task_id};
use crate::app::{Action, App, update};

/// Both sizes of the moment, snapshotted; the screens are returned for the checks.
fn screens(name: &str, app: &App) -> [String; 2] {
    [(80, 24, ""), (60, 20, "__narrow")].map(|(w, h, suffix)| {
        let screen = render(app, w, h);
        insta::assert_snapshot!(format!("moment_{name}{suffix}"), screen);
        screen
    })
}

#[test]
fn a_browser_failure_on_the_code_screen_stays_there() {
    for screen in screens("browser_failed_on_code", &browser_failed_on_code()) {
        assert!(shows_in_full(&screen, "could not be started: it exited with code 1"), "{screen}");
    }
    for screen in screens("profile_after_browser_failed", &profile_after_browser_failed()) {
        assert!(!screen.contains("could not be started") && !screen.contains("Press c"), "{screen}");
        assert!(screen.contains("Saved in"), "{screen}");
    }
}

#[test]
fn a_timeout_after_a_cancel_is_shown_alone() {
    for screen in screens("lookup_timed_out_after_a_cancel", &lookup_timed_out_after_a_cancel()) {
        assert!(screen.contains("did not answer in time") && !screen.contains("Cancelled"), "{screen}");
    }
}

#[test]
fn paste_mode_without_a_browser_never_offers_ctrl_o() {
    for screen in screens("code_refused_without_a_browser", &code_refused_without_a_browser()) {
        assert!(shows_in_full(&screen, "Press esc to see the authorize URL again"), "{screen}");
        assert!(!screen.contains("ctrl-o"), "{screen}");
    }
}

#[test]
fn a_browser_that_cannot_start_names_the_other_ways() {
    let app = browser_failed_on_authorize();
    let notice = app.visible_notice().unwrap().text.clone();
    assert!(notice.contains("Press c") && notice.contains("sensible-browser"), "{notice}");
    for screen in screens("browser_failed_on_authorize", &app) {
        assert!(shows_in_full(&screen, &notice), "{screen}");
    }
}

#[test]
fn open_after_a_denial_says_a_new_attempt_is_coming() {
    let (app, _) = open_after_a_denial();
    for screen in screens("open_after_a_denial", &app) {
        assert!(shows_in_full(&screen, "That attempt is over, so mastokey is preparing a new one"), "{screen}");
    }
}

#[test]
fn the_registration_note_never_contradicts_the_save() {
    for screen in screens("registration_unsaved", &registration_unsaved()) {
        // The whole note, with why (at 60×20 it was cut after "could not write").
        assert!(
            shows_in_full(&screen, "No space left on device (os error 28)); it is saved with the login."),
            "{screen}"
        );
        assert!(!screen.contains("saved for next time"), "{screen}");
    }
    for screen in screens("switched_right_after_registering", &switched_right_after_registering()) {
        assert!(shows_in_full(&screen, "registered with this server just now"), "{screen}");
        assert!(!screen.contains("saved registration from"), "{screen}");
    }
}

#[test]
fn the_demo_and_a_bare_handle_say_what_to_type() {
    for screen in screens("demo_given_another_server", &demo_given_another_server()) {
        assert!(shows_in_full(&screen, "its built-in server, http://127.0.0.1:4000"), "{screen}");
        assert!(screen.contains("mastodon.social") && !screen.contains("filled in above"), "{screen}");
    }
    for screen in screens("handle_without_its_server", &handle_without_its_server()) {
        assert!(screen.contains("@ada@example.social"), "{screen}");
    }
}

#[test]
fn r_and_m_say_and_show_what_they_did() {
    for screen in screens("new_attempt_requested", &new_attempt_requested()) {
        assert!(shows_in_full(&screen, "Starting a new attempt: a new URL, state and PKCE."), "{screen}");
    }
    // The QR code's screen stays up while the paste-mode attempt is prepared, then shows it.
    let (mut app, fx) = qr_switched_to_paste();
    for screen in screens("qr_switched_to_paste", &app) {
        assert!(screen.contains("for the QR code"), "the QR screen went away:\n{screen}");
    }
    update(&mut app, Action::Registered(task_id(&fx), Ok(prepared(true, crate::mastodon::oauth::OOB))));
    // (A QR code needs 61×34.)
    let screen = render(&app, 100, 40);
    insta::assert_snapshot!("moment_qr_switched_to_paste_ready", screen);
    assert!(screen.contains('█') || screen.contains('▀'), "no QR code:\n{screen}");
}
