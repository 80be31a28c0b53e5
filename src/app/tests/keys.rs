//! The key tables: every screen can quit and get help, labels come from the keys.

use super::*;
use crate::app::keys::press as press_hint;
use crate::app::keys::{Edit, Key, Shown, bindings, key_for, lookup};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const SCREENS: [ScreenId; 6] =
    [ScreenId::Accounts, ScreenId::Instance, ScreenId::Scopes, ScreenId::Authorize, ScreenId::Code, ScreenId::Profile];

fn event(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

#[test]
fn every_screen_can_quit_and_get_help() {
    for s in SCREENS {
        let t = bindings(s);
        assert!(t.iter().any(|b| b.command == Command::Help && b.shown == Shown::Footer), "{s:?}");
        assert_eq!(lookup(t, event(KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(Command::Quit));
    }
}

#[test]
fn text_screens_bind_no_plain_letters() {
    for s in [ScreenId::Instance, ScreenId::Code] {
        let keys = bindings(s).iter().flat_map(|b| b.keys.iter());
        assert!(keys.clone().all(|k| k.ctrl || !matches!(k.code, KeyCode::Char(_))), "{s:?}");
    }
}

#[test]
fn no_key_is_bound_twice_on_a_screen() {
    for s in SCREENS {
        let keys: Vec<Key> = bindings(s).iter().flat_map(|b| b.keys.iter().copied()).collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(!keys[i + 1..].contains(k), "{s:?}: {} twice", k.label());
        }
    }
}

#[test]
fn labels_come_from_the_keys() {
    let scopes = bindings(ScreenId::Scopes);
    let label = |c: Command| scopes.iter().find(|b| b.command == c).unwrap().keys_label();
    assert_eq!(label(Command::Preset(0)), "1-4");
    assert_eq!(label(Command::Up), "↑/k");
    assert_eq!(label(Command::Toggle), "space");
    assert_eq!(key_for(ScreenId::Code, Command::Retry).as_deref(), Some("ctrl-r"));
    assert_eq!(key_for(ScreenId::Accounts, Command::Retry), None, "the accounts screen has no r");
    assert_eq!(press_hint(ScreenId::Accounts, Command::Retry, "hint-try-again"), "");
    assert_eq!(press_hint(ScreenId::Authorize, Command::Retry, "hint-try-again"), " Press r to try again.");
}

#[test]
fn each_key_of_a_binding_gives_its_own_command() {
    let scopes = bindings(ScreenId::Scopes);
    assert_eq!(lookup(scopes, event(KeyCode::Char('3'), KeyModifiers::NONE)), Some(Command::Preset(2)));
    assert_eq!(lookup(scopes, event(KeyCode::Char('k'), KeyModifiers::NONE)), Some(Command::Up));
    let code = bindings(ScreenId::Code);
    assert_eq!(lookup(code, event(KeyCode::Right, KeyModifiers::NONE)), Some(Command::Edit(Edit::Right)));
    assert_eq!(lookup(code, event(KeyCode::Delete, KeyModifiers::NONE)), Some(Command::Edit(Edit::Delete)));
    assert_eq!(lookup(code, event(KeyCode::Char('e'), KeyModifiers::CONTROL)), Some(Command::Edit(Edit::End)));
    assert_eq!(lookup(code, event(KeyCode::Char('e'), KeyModifiers::NONE)), None, "letters type");
    assert_eq!(
        lookup(bindings(ScreenId::Authorize), event(KeyCode::Char('R'), KeyModifiers::SHIFT)),
        Some(Command::Reregister)
    );
}

#[test]
fn input_that_changes_nothing_asks_for_no_redraw() {
    use crossterm::event::{KeyEvent, KeyModifiers};
    let key = |code| Action::Key(KeyEvent::new(code, KeyModifiers::NONE));
    let mut app = at_profile(account());
    // F12 is bound nowhere, and the profile has no text box to type into.
    assert_eq!(handle(&mut app, key(KeyCode::F(12))), (Vec::new(), false));
    assert_eq!(handle(&mut app, key(KeyCode::Char('z'))), (Vec::new(), false));
    // Scrolling moves the rows: drawn again.
    assert_eq!(handle(&mut app, key(KeyCode::Char('j'))), (Vec::new(), true));
    // Results and resizes are always drawn.
    assert!(handle(&mut app, Action::Resize).1);
    // A key that starts work is drawn too (its spinner).
    let (effects, redraw) = handle(&mut at_accounts(), key(KeyCode::Enter));
    assert!(!effects.is_empty() && redraw, "{effects:?}");
}
