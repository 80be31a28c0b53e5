//! Every key binding, declared once per screen: dispatch, the footer, the help screen, mouse
//! targets, dialog buttons and every message that names a key read these tables, so what is
//! shown can never drift from what works, and rebinding a key changes every place at once.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::ScreenId;
use crate::tr;

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
    /// A scope preset; the binding lists one key per preset, in order.
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
    /// Change the scopes of the highlighted login (a refresh).
    ChangeScopes,
    /// Make the highlighted login the default account.
    MakeDefault,
    Yes,
    No,
    /// An editing key of the focused text box.
    Edit(Edit),
}

/// What the editing keys of a text box do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Left,
    Right,
    Home,
    End,
    Backspace,
    Delete,
    Clear,
    DeleteWord,
}

/// One key: a code and whether ctrl is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    const fn plain(code: KeyCode) -> Self {
        Self { code, ctrl: false }
    }

    const fn ch(c: char) -> Self {
        Self::plain(KeyCode::Char(c))
    }

    const fn ctrl(c: char) -> Self {
        Self { code: KeyCode::Char(c), ctrl: true }
    }

    /// How the key is written on screen, derived from the key itself (as gitui's `get_hint`);
    /// named keys in the language's words (`enter`, `Entrée`).
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Enter => tr!("keyname-enter"),
            KeyCode::Esc => tr!("keyname-esc"),
            KeyCode::Tab => tr!("keyname-tab"),
            KeyCode::Backspace => tr!("keyname-backspace"),
            KeyCode::Delete => tr!("keyname-delete"),
            KeyCode::Home => tr!("keyname-home"),
            KeyCode::End => tr!("keyname-end"),
            KeyCode::PageUp => tr!("keyname-pageup"),
            KeyCode::PageDown => tr!("keyname-pagedown"),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Char(' ') => tr!("keyname-space"),
            KeyCode::Char(c) => c.to_string(),
            other => format!("{other:?}").to_lowercase(),
        };
        if self.ctrl { tr!("keyname-ctrl", key = base) } else { base }
    }

    fn matches(&self, key: &KeyEvent) -> bool {
        // Shift is part of the character itself (`R`, `?`), so only ctrl is compared.
        self.code == key.code && self.ctrl == key.modifiers.contains(KeyModifiers::CONTROL)
    }
}

/// Where a binding is listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// In the footer (and the help screen).
    Footer,
    /// Only in the help screen.
    Help,
    /// Nowhere: a second way to do what another binding already shows (esc on the profile).
    Hidden,
}

#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The keys, the first being the one messages name; `↑/k` when there are two.
    pub keys: &'static [Key],
    pub command: Command,
    /// The message id of what it does (the label is in the catalogues, one per language).
    pub label: &'static str,
    pub shown: Shown,
}

impl Binding {
    /// The keys as the footer and help write them: `↑/k`, or `1-4` for a run of digits.
    pub fn keys_label(&self) -> String {
        let digits: Vec<u32> = self.keys.iter().filter_map(|k| digit(k.code)).collect();
        if digits.len() > 2 && digits.len() == self.keys.len() && digits.windows(2).all(|w| w[1] == w[0] + 1) {
            return format!("{}-{}", digits[0], digits[digits.len() - 1]);
        }
        self.keys.iter().map(Key::label).collect::<Vec<_>>().join("/")
    }

    /// The keys as the footer writes them, where room is scarce: `1-4`, or the first key alone
    /// (the help lists every key).
    pub fn footer_label(&self) -> String {
        let digits = self.keys.iter().all(|k| !k.ctrl && digit(k.code).is_some());
        if digits && self.keys.len() > 2 {
            return self.keys_label();
        }
        self.keys.first().map(Key::label).unwrap_or_default()
    }

    /// The command a press of its `index`-th key gives (each preset key its own preset).
    fn command_for(&self, index: usize) -> Command {
        match self.command {
            Command::Preset(_) => Command::Preset(index),
            other => other,
        }
    }
}

fn digit(code: KeyCode) -> Option<u32> {
    match code {
        KeyCode::Char(c) => c.to_digit(10),
        _ => None,
    }
}

const fn bind(keys: &'static [Key], command: Command, label: &'static str) -> Binding {
    Binding { keys, command, label, shown: Shown::Footer }
}

const fn help(keys: &'static [Key], command: Command, label: &'static str) -> Binding {
    Binding { keys, command, label, shown: Shown::Help }
}

const fn hidden(keys: &'static [Key], command: Command) -> Binding {
    Binding { keys, command, label: "", shown: Shown::Hidden }
}

const CTRL_C: Binding = help(&[Key::ctrl('c')], Command::Quit, "key-quit");
const QUIT: Binding = bind(&[Key::ch('q')], Command::Quit, "key-quit");
const HELP_KEY: Binding = bind(&[Key::ch('?')], Command::Help, "key-help");

/// The editing keys of a text box (the letters themselves type).
const EDITING: [Binding; 6] = [
    help(&[Key::plain(KeyCode::Left), Key::plain(KeyCode::Right)], Command::Edit(Edit::Left), "key-edit-move"),
    help(&[Key::plain(KeyCode::Home), Key::ctrl('a')], Command::Edit(Edit::Home), "key-edit-start"),
    help(&[Key::plain(KeyCode::End), Key::ctrl('e')], Command::Edit(Edit::End), "key-edit-end"),
    help(
        &[Key::plain(KeyCode::Backspace), Key::plain(KeyCode::Delete)],
        Command::Edit(Edit::Backspace),
        "key-edit-delete-char",
    ),
    help(&[Key::ctrl('w')], Command::Edit(Edit::DeleteWord), "key-edit-delete-word"),
    help(&[Key::ctrl('u')], Command::Edit(Edit::Clear), "key-edit-clear"),
];

const INSTANCE: &[Binding] = &[
    bind(&[Key::plain(KeyCode::Enter)], Command::Submit, "key-look-up-server"),
    bind(&[Key::plain(KeyCode::F(1))], Command::Help, "key-help"),
    bind(&[Key::plain(KeyCode::Esc)], Command::Back, "key-back-quit"),
    CTRL_C,
    EDITING[0],
    EDITING[1],
    EDITING[2],
    EDITING[3],
    EDITING[4],
    EDITING[5],
];

const SCOPES: &[Binding] = &[
    bind(&[Key::ch(' ')], Command::Toggle, "key-toggle"),
    bind(&[Key::plain(KeyCode::Right), Key::ch('l')], Command::Expand, "key-open"),
    bind(&[Key::plain(KeyCode::Left), Key::ch('h')], Command::Collapse, "key-close"),
    bind(&[Key::ch('1'), Key::ch('2'), Key::ch('3'), Key::ch('4')], Command::Preset(0), "key-presets"),
    bind(&[Key::plain(KeyCode::Enter)], Command::Submit, "key-continue"),
    bind(&[Key::plain(KeyCode::Esc)], Command::Back, "key-back"),
    HELP_KEY,
    QUIT,
    help(&[Key::plain(KeyCode::Up), Key::ch('k')], Command::Up, "key-move-up"),
    help(&[Key::plain(KeyCode::Down), Key::ch('j')], Command::Down, "key-move-down"),
    help(&[Key::plain(KeyCode::Tab)], Command::ExpandToggle, "key-open-or-close-a-group"),
    help(&[Key::plain(KeyCode::PageUp)], Command::PageUp, "key-a-page-up"),
    help(&[Key::plain(KeyCode::PageDown)], Command::PageDown, "key-a-page-down"),
    help(&[Key::ch('x')], Command::ClearScopes, "key-clear-the-selection"),
    CTRL_C,
];

const AUTHORIZE: &[Binding] = &[
    bind(&[Key::ch('o')], Command::OpenBrowser, "key-open-in-browser"),
    bind(&[Key::ch('c')], Command::CopyUrl, "key-copy-url"),
    bind(&[Key::plain(KeyCode::Enter)], Command::Submit, "key-enter-the-code"),
    bind(&[Key::ch('m')], Command::SwitchRedirect, "key-switch-paste-automatic"),
    bind(&[Key::ch('p')], Command::ToggleQr, "key-qr-code"),
    bind(&[Key::ch('r')], Command::Retry, "key-new-attempt"),
    help(&[Key::ch('R')], Command::Reregister, "key-register-anew"),
    bind(&[Key::plain(KeyCode::Esc)], Command::Back, "key-back"),
    HELP_KEY,
    QUIT,
    CTRL_C,
];

const CODE: &[Binding] = &[
    bind(&[Key::plain(KeyCode::Enter)], Command::Submit, "key-log-in"),
    bind(&[Key::plain(KeyCode::Esc)], Command::Back, "key-back-to-the-url"),
    bind(&[Key::ctrl('o')], Command::OpenBrowser, "key-reopen-browser"),
    bind(&[Key::ctrl('r')], Command::Retry, "key-new-attempt"),
    bind(&[Key::plain(KeyCode::F(1))], Command::Help, "key-help"),
    CTRL_C,
    EDITING[0],
    EDITING[1],
    EDITING[2],
    EDITING[3],
    EDITING[4],
    EDITING[5],
];

const ACCOUNTS: &[Binding] = &[
    bind(&[Key::plain(KeyCode::Enter)], Command::Submit, "key-profile"),
    bind(&[Key::ch('c')], Command::CopyToken, "key-copy-token"),
    bind(&[Key::ch('a')], Command::NewLogin, "key-add-a-login"),
    bind(&[Key::ch('e')], Command::ChangeScopes, "key-change-scopes"),
    bind(&[Key::ch('s')], Command::MakeDefault, "key-make-default"),
    bind(&[Key::ch('d')], Command::Logout, "key-log-out"),
    HELP_KEY,
    help(&[Key::plain(KeyCode::Esc)], Command::Back, "key-cancel-request"),
    QUIT,
    help(&[Key::plain(KeyCode::Up), Key::ch('k')], Command::Up, "key-previous-login"),
    help(&[Key::plain(KeyCode::Down), Key::ch('j')], Command::Down, "key-next-login"),
    CTRL_C,
];

const PROFILE: &[Binding] = &[
    bind(&[Key::ch('a')], Command::Accounts, "key-accounts"),
    hidden(&[Key::plain(KeyCode::Esc)], Command::Accounts),
    bind(&[Key::ch('n')], Command::NewLogin, "key-new-login"),
    bind(&[Key::ch('s')], Command::RetrySave, "key-retry-saving"),
    bind(&[Key::ch('r')], Command::Retry, "key-retry-reading-the-profile"),
    HELP_KEY,
    QUIT,
    help(&[Key::plain(KeyCode::Up), Key::ch('k')], Command::Up, "key-scroll-up"),
    bind(&[Key::plain(KeyCode::Down), Key::ch('j')], Command::Down, "key-scroll-down"),
    CTRL_C,
];

/// The keys of a yes/no dialog; its buttons are drawn from this table.
pub const CONFIRM: &[Binding] = &[
    bind(&[Key::ch('y')], Command::Yes, "key-yes"),
    bind(&[Key::ch('n'), Key::plain(KeyCode::Esc)], Command::No, "key-no"),
    CTRL_C,
];

pub const HELP: &[Binding] = &[
    bind(
        &[Key::plain(KeyCode::Esc), Key::ch('?'), Key::plain(KeyCode::F(1)), Key::ch('q')],
        Command::Back,
        "key-close",
    ),
    CTRL_C,
];

/// The table keys go to now: a dialog's, or the screen's.
pub fn active(app: &super::App) -> &'static [Binding] {
    match &app.overlay {
        Some(super::Overlay::Help) => HELP,
        Some(_) => CONFIRM,
        None => bindings(app.screen_id()),
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

/// The command bound to a key press in a table.
pub fn lookup(table: &[Binding], key: KeyEvent) -> Option<Command> {
    table
        .iter()
        .find_map(|b| b.keys.iter().position(|k| k.matches(&key)).map(|i| b.command_for(i)).map(|c| edit(c, key)))
}

/// The editing bindings share one line each in the help (←/→ move): tell the keys apart here.
fn edit(command: Command, key: KeyEvent) -> Command {
    match (command, key.code) {
        (Command::Edit(Edit::Left), KeyCode::Right) => Command::Edit(Edit::Right),
        (Command::Edit(Edit::Backspace), KeyCode::Delete) => Command::Edit(Edit::Delete),
        (other, _) => other,
    }
}

/// The key that does `command` on `screen`, as messages write it (`ctrl-r`); `None` when the
/// screen has no such key, so a message can never name a key that does nothing there.
pub fn key_for(screen: ScreenId, command: Command) -> Option<String> {
    bindings(screen).iter().find(|b| b.command == command).and_then(|b| b.keys.first()).map(Key::label)
}

/// A sentence naming the key that does `command` on `screen` (the message `id` with the key as
/// `$key`, e.g. " Press ctrl-r to start a new attempt."), or nothing when the screen has none.
pub fn press(screen: ScreenId, command: Command, id: &'static str) -> String {
    key_for(screen, command).map(|key| crate::i18n::text_with(id, &[("key", key.into())])).unwrap_or_default()
}
