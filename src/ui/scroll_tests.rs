//! The profile scrolls as far as its rows go, and offers the scroll key only while there is
//! more below (the frame tells the app how far that is at the size drawn).

use crossterm::event::KeyCode;

use super::tests::drawn;
use crate::app::fixtures::*;
use crate::app::keys::{Command, key_for};
use crate::app::{App, ScreenId};

fn scroll_hint() -> String {
    format!("{} {}", key_for(ScreenId::Profile, Command::Down).unwrap(), crate::i18n::text("key-scroll-down"))
}

fn press_times(app: &mut App, key: KeyCode, times: usize) {
    for _ in 0..times {
        press(app, key);
    }
}

#[test]
fn the_scroll_key_is_offered_only_while_rows_are_below() {
    let (mut app, screen) = drawn(&at_profile(account()), 60, 20);
    assert!(screen.contains(&scroll_hint()) && screen.contains('▼') && !screen.contains('▲'), "{screen}");

    // Far more presses than rows: the scroll stops at the last row, and the key goes.
    press_times(&mut app, KeyCode::Char('j'), 50);
    let (mut app, screen) = drawn(&app, 60, 20);
    assert!(!screen.contains(&scroll_hint()) && !screen.contains('▼') && screen.contains('▲'), "{screen}");
    let bottom = app.profile().unwrap().scroll;
    assert!(bottom > 0 && bottom < 50, "{bottom}");

    // One press up is one row up, not 49 presses to come back from beyond the end.
    press(&mut app, KeyCode::Char('k'));
    let (app, screen) = drawn(&app, 60, 20);
    assert_eq!(app.profile().unwrap().scroll, bottom - 1);
    assert!(screen.contains(&scroll_hint()) && screen.contains("▼ 1 more"), "{screen}");
}

#[test]
fn a_window_tall_enough_has_no_scroll_key_and_a_resize_brings_the_rows_back() {
    let (mut app, _) = drawn(&at_profile(account()), 60, 20);
    press_times(&mut app, KeyCode::Char('j'), 50);
    let (app, screen) = drawn(&app, 200, 60);
    assert_eq!(app.profile().unwrap().scroll, 0, "everything fits: nothing scrolled away");
    assert!(!screen.contains(&scroll_hint()) && !screen.contains('▼') && !screen.contains('▲'), "{screen}");
    assert!(screen.contains("Post language"), "{screen}");
}
