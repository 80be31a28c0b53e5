//! Every key binding, declared once: the handler dispatches from these tables and the footer and
//! help screen are drawn from them, so what is shown can never drift from what works.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::ScreenId;

/// What a key (or a click on its footer hint) asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Quit,
    Help,
    Back,
    Submit,
    Up,
    Down,
    PageUp,
    PageDown,
    Toggle,
    Expand,
    Collapse,
    ExpandToggle,
    Preset(usize),
    ClearScopes,
    CopyUrl,
    Retry,
    /// Forget the saved registration and register mastokey anew.
    Reregister,
    SwitchRedirect,
    ToggleQr,
    OpenBrowser,
    CopyToken,
    Logout,
    Accounts,
    RetrySave,
    NewLogin,
    Yes,
    No,
}

#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub code: KeyCode,
    pub ctrl: bool,
    /// How the key is written in the footer and help; empty = same line as the previous binding.
    pub shown: &'static str,
    pub label: &'static str,
    pub command: Command,
    /// Listed in the footer (others appear only in the help screen).
    pub in_footer: bool,
}

const fn key(code: KeyCode, shown: &'static str, label: &'static str, command: Command) -> Binding {
    Binding { code, ctrl: false, shown, label, command, in_footer: true }
}

const fn extra(code: KeyCode, command: Command) -> Binding {
    Binding { code, ctrl: false, shown: "", label: "", command, in_footer: false }
}

const fn help_only(b: Binding) -> Binding {
    Binding { in_footer: false, ..b }
}

const CTRL_C: Binding = Binding {
    code: KeyCode::Char('c'),
    ctrl: true,
    shown: "ctrl-c",
    label: "quit",
    command: Command::Quit,
    in_footer: false,
};

const INSTANCE: &[Binding] = &[
    key(KeyCode::Enter, "enter", "look up server", Command::Submit),
    key(KeyCode::F(1), "F1", "help", Command::Help),
    key(KeyCode::Esc, "esc", "back / quit", Command::Back),
    CTRL_C,
];

const SCOPES: &[Binding] = &[
    key(KeyCode::Char(' '), "space", "toggle", Command::Toggle),
    key(KeyCode::Right, "→", "open", Command::Expand),
    key(KeyCode::Left, "←", "close", Command::Collapse),
    key(KeyCode::Char('1'), "1-4", "presets", Command::Preset(0)),
    extra(KeyCode::Char('2'), Command::Preset(1)),
    extra(KeyCode::Char('3'), Command::Preset(2)),
    extra(KeyCode::Char('4'), Command::Preset(3)),
    key(KeyCode::Enter, "enter", "continue", Command::Submit),
    key(KeyCode::Esc, "esc", "back", Command::Back),
    key(KeyCode::Char('?'), "?", "help", Command::Help),
    key(KeyCode::Char('q'), "q", "quit", Command::Quit),
    help_only(key(KeyCode::Up, "↑/k", "move up", Command::Up)),
    extra(KeyCode::Char('k'), Command::Up),
    help_only(key(KeyCode::Down, "↓/j", "move down", Command::Down)),
    extra(KeyCode::Char('j'), Command::Down),
    help_only(key(KeyCode::Char('l'), "l/h", "open / close a group", Command::Expand)),
    extra(KeyCode::Char('h'), Command::Collapse),
    help_only(key(KeyCode::Tab, "tab", "open or close a group", Command::ExpandToggle)),
    help_only(key(KeyCode::PageUp, "pgup/pgdn", "move a page", Command::PageUp)),
    extra(KeyCode::PageDown, Command::PageDown),
    help_only(key(KeyCode::Char('x'), "x", "clear the selection", Command::ClearScopes)),
    CTRL_C,
];

const AUTHORIZE: &[Binding] = &[
    key(KeyCode::Char('o'), "o", "open in browser", Command::OpenBrowser),
    key(KeyCode::Char('c'), "c", "copy URL", Command::CopyUrl),
    key(KeyCode::Enter, "enter", "enter the code", Command::Submit),
    key(KeyCode::Char('m'), "m", "switch paste/automatic", Command::SwitchRedirect),
    key(KeyCode::Char('p'), "p", "QR code", Command::ToggleQr),
    key(KeyCode::Char('r'), "r", "new attempt", Command::Retry),
    help_only(key(
        KeyCode::Char('R'),
        "R",
        "register mastokey anew (the server says the app is unknown)",
        Command::Reregister,
    )),
    key(KeyCode::Esc, "esc", "back", Command::Back),
    key(KeyCode::Char('?'), "?", "help", Command::Help),
    key(KeyCode::Char('q'), "q", "quit", Command::Quit),
    CTRL_C,
];

const CODE: &[Binding] = &[
    key(KeyCode::Enter, "enter", "log in", Command::Submit),
    key(KeyCode::Esc, "esc", "back to the URL", Command::Back),
    Binding {
        code: KeyCode::Char('o'),
        ctrl: true,
        shown: "ctrl-o",
        label: "reopen browser",
        command: Command::OpenBrowser,
        in_footer: true,
    },
    Binding {
        code: KeyCode::Char('r'),
        ctrl: true,
        shown: "ctrl-r",
        label: "new attempt",
        command: Command::Retry,
        in_footer: true,
    },
    key(KeyCode::F(1), "F1", "help", Command::Help),
    CTRL_C,
];

const ACCOUNTS: &[Binding] = &[
    key(KeyCode::Enter, "enter", "profile", Command::Submit),
    key(KeyCode::Char('c'), "c", "copy token", Command::CopyToken),
    key(KeyCode::Char('a'), "a", "add a login", Command::NewLogin),
    key(KeyCode::Char('d'), "d", "log out", Command::Logout),
    key(KeyCode::Char('?'), "?", "help", Command::Help),
    help_only(key(KeyCode::Esc, "esc", "cancel a check or logout in flight", Command::Back)),
    key(KeyCode::Char('q'), "q", "quit", Command::Quit),
    help_only(key(KeyCode::Up, "↑/k ↓/j", "choose a login", Command::Up)),
    extra(KeyCode::Char('k'), Command::Up),
    extra(KeyCode::Down, Command::Down),
    extra(KeyCode::Char('j'), Command::Down),
    CTRL_C,
];

const PROFILE: &[Binding] = &[
    key(KeyCode::Char('a'), "a", "accounts", Command::Accounts),
    extra(KeyCode::Esc, Command::Accounts),
    key(KeyCode::Char('n'), "n", "new login", Command::NewLogin),
    key(KeyCode::Char('s'), "s", "retry saving", Command::RetrySave),
    key(KeyCode::Char('r'), "r", "retry reading the profile", Command::Retry),
    key(KeyCode::Char('?'), "?", "help", Command::Help),
    key(KeyCode::Char('q'), "q", "quit", Command::Quit),
    help_only(key(KeyCode::Up, "↑/k ↓/j", "scroll", Command::Up)),
    extra(KeyCode::Char('k'), Command::Up),
    extra(KeyCode::Down, Command::Down),
    extra(KeyCode::Char('j'), Command::Down),
    CTRL_C,
];

pub const CONFIRM: &[Binding] = &[
    key(KeyCode::Char('y'), "y", "yes", Command::Yes),
    key(KeyCode::Char('n'), "n", "no", Command::No),
    extra(KeyCode::Esc, Command::No),
    CTRL_C,
];

pub const HELP: &[Binding] = &[
    key(KeyCode::Esc, "esc", "close help", Command::Back),
    extra(KeyCode::Char('?'), Command::Back),
    extra(KeyCode::F(1), Command::Back),
    extra(KeyCode::Char('q'), Command::Back),
    CTRL_C,
];

/// The table keys go to now: a dialog's, or the screen's.
pub fn active(app: &super::App) -> &'static [Binding] {
    match &app.overlay {
        Some(super::Overlay::Help) => HELP,
        Some(super::Overlay::ConfirmUnadvertised(_) | super::Overlay::AddIdentity(_) | super::Overlay::Confirm(_)) => {
            CONFIRM
        }
        None => bindings(app.screen),
    }
}

pub fn bindings(screen: ScreenId) -> &'static [Binding] {
    match screen {
        ScreenId::Accounts => ACCOUNTS,
        ScreenId::Instance => INSTANCE,
        ScreenId::Scopes => SCOPES,
        ScreenId::Authorize => AUTHORIZE,
        ScreenId::Code => CODE,
        ScreenId::Profile => PROFILE,
    }
}

/// Find the command bound to a key press in a table.
pub fn lookup(table: &[Binding], key: KeyEvent) -> Option<Command> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    table.iter().find(|b| b.code == key.code && b.ctrl == ctrl).map(|b| b.command)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_can_quit_and_get_help() {
        for s in [
            ScreenId::Accounts,
            ScreenId::Instance,
            ScreenId::Scopes,
            ScreenId::Authorize,
            ScreenId::Code,
            ScreenId::Profile,
        ] {
            let t = bindings(s);
            assert!(t.iter().any(|b| b.command == Command::Help && b.in_footer), "{s:?}");
            assert_eq!(lookup(t, KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(Command::Quit));
        }
    }

    #[test]
    fn text_screens_bind_no_plain_letters() {
        for s in [ScreenId::Instance, ScreenId::Code] {
            assert!(bindings(s).iter().all(|b| b.ctrl || !matches!(b.code, KeyCode::Char(_))), "{s:?}");
        }
    }
}
