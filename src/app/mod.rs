//! The application state machine: state per screen, the actions that change it, and the effects
//! it asks the runner to perform. `update` is pure: no I/O, no async, no terminal.

pub mod accounts;
mod action;
mod attempt;
mod flow;
pub mod input;
pub mod keys;
mod login;
pub mod messages;
pub mod profile;
pub mod scope_tree;
mod server;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::mastodon::{Account, ApiError, ServerAddress, ServerInfo};
use crate::secret::Secret;
use crate::store::{Login, Registration, Saved, StoreError};
use input::TextInput;
pub use keys::Command;
use profile::ProfileView;
use scope_tree::ScopeTree;

pub use action::{Action, Effect, ExchangeRequest, PrepareError, Prepared, Target};
pub use flow::update;

/// Which screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenId {
    Accounts,
    Instance,
    Scopes,
    Authorize,
    Code,
    Profile,
}

/// Identifies a background request so late results of a cancelled one are ignored.
pub type TaskId = u64;

/// What is in flight, for the spinner text and for cancelling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task {
    pub id: TaskId,
    pub what: &'static str,
}

/// How the code comes back from the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RedirectMode {
    /// The server shows the code; the person pastes it (works everywhere, also over SSH).
    #[default]
    Oob,
    /// The browser is redirected to a one-shot listener on 127.0.0.1 (RFC 8252).
    Loopback,
}

impl RedirectMode {
    pub fn other(self) -> Self {
        match self {
            RedirectMode::Oob => RedirectMode::Loopback,
            RedirectMode::Loopback => RedirectMode::Oob,
        }
    }
}

/// How long the loopback listener waits for the browser, unless `MASTOKEY_LOOPBACK_TIMEOUT` says.
pub const LISTEN_TIMEOUT: Duration = Duration::from_secs(300);
const SPINNER_TICK: Duration = Duration::from_millis(80);
const COUNTDOWN_TICK: Duration = Duration::from_secs(1);

/// A message on the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub kind: NoticeKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Success,
    Error,
    /// A storage problem found without any action of the person's: it stays on screen, through
    /// screen changes, until the next key, so it cannot flash by unseen.
    Warning,
}

/// A dialog over the current screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help,
    ConfirmUnadvertised(Vec<String>),
    /// The chosen scopes do not let mastokey read whose token it is: add this one?
    AddIdentity(&'static str),
    Confirm(Confirm),
}

/// A yes/no question about a saved login (named by its acct).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    CopyToken(String),
    Logout(String),
    /// The server did not revoke the token: forget the login here anyway?
    Forget(String),
}

/// Settings fixed at start-up (flags, environment).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    pub demo: bool,
    /// The one server this run may log in to (the demo's), or any when `None`.
    pub only_server: Option<ServerAddress>,
    pub color: bool,
    /// How avatar colours reach the terminal (24-bit or the 256-colour palette).
    pub palette: crate::avatar::Palette,
    /// The redirect to start with (`--redirect`, or chosen from the environment).
    pub redirect: RedirectMode,
    /// How long the loopback listener waits for the browser.
    pub listen_timeout: Duration,
    pub force_login: bool,
    /// `--scopes`: skip the scopes screen with these.
    pub preset_scopes: Option<Vec<String>>,
    /// Where logins are saved, shown on the profile.
    pub config_dir: PathBuf,
}

/// The instance screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InstanceForm {
    pub input: TextInput,
    pub error: Option<String>,
    /// The scopes to start the scopes screen with (logging in again to a login being renewed).
    pub scopes: Option<Vec<String>>,
}

impl InstanceForm {
    /// An empty form, or one holding the only server this run may use (the demo's).
    pub fn fresh(settings: &Settings) -> Self {
        let mut form = Self::default();
        if let Some(only) = &settings.only_server {
            form.input.set(&only.origin());
        }
        form
    }
}

/// One authorize attempt: the URL and what the token exchange must repeat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    pub registration: Registration,
    pub reused: bool,
    pub url: String,
    pub state: String,
    pub code_verifier: Option<Secret>,
    pub scopes: Vec<String>,
    pub redirect_uri: String,
    /// The loopback listener of this attempt, while it waits.
    pub listening: Option<Listening>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listening {
    pub id: TaskId,
    /// Known once the listener reports it started.
    pub deadline: Option<Instant>,
}

/// Everything learned and chosen after the server was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flow {
    pub server: ServerInfo,
    pub tree: ScopeTree,
    pub attempt: Option<Attempt>,
    /// Why the authorize step could not be prepared (shown with a retry key).
    pub authorize_error: Option<String>,
    pub code: TextInput,
    pub code_error: Option<String>,
    pub mode: RedirectMode,
    /// The QR code of the authorize URL, while it is shown.
    pub qr: Option<crate::qr::QrMatrix>,
}

/// The token, kept in memory until the login is saved (so a failed profile read loses nothing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingToken {
    pub token: Secret,
    pub granted: Vec<String>,
}

/// The whole application state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct App {
    pub settings: Settings,
    pub screen: ScreenId,
    pub instance: InstanceForm,
    pub accounts: accounts::AccountsList,
    pub flow: Option<Flow>,
    pub profile: Option<ProfileView>,
    pub pending_token: Option<PendingToken>,
    pub verify_error: Option<String>,
    /// A login whose save failed, kept for the retry.
    pub unsaved_login: Option<Login>,
    pub task: Option<Task>,
    pub overlay: Option<Overlay>,
    pub notice: Option<Notice>,
    pub spinner: usize,
    /// The time of the last tick, for countdowns.
    pub now: Option<Instant>,
    pub profile_scroll: u16,
    next_task: TaskId,
    pub quit: bool,
}

impl App {
    pub fn new(settings: Settings) -> Self {
        Self {
            settings,
            screen: ScreenId::Instance,
            instance: InstanceForm::default(),
            accounts: accounts::AccountsList::default(),
            flow: None,
            profile: None,
            pending_token: None,
            verify_error: None,
            unsaved_login: None,
            task: None,
            overlay: None,
            notice: None,
            spinner: 0,
            now: None,
            profile_scroll: 0,
            next_task: 1,
            quit: false,
        }
    }

    /// Start on the accounts screen when logins are saved.
    pub fn with_logins(settings: Settings, logins: Vec<Login>) -> Self {
        let mut app = Self::new(settings);
        if !logins.is_empty() {
            app.accounts = accounts::AccountsList::new(logins);
            app.screen = ScreenId::Accounts;
        }
        app
    }

    /// Start with the instance box filled in and its lookup already running (`--instance`).
    pub fn start_with_instance(&mut self, text: &str) -> Vec<Effect> {
        self.instance.input.set(text);
        flow::submit_instance(self)
    }

    /// Whether a command can do anything right now (the footer hides those that cannot).
    pub fn available(&self, command: Command) -> bool {
        let attempt = self.flow.as_ref().is_some_and(|f| f.attempt.is_some());
        let flow_idle = self.flow.is_some() && !self.busy();
        match (self.screen, command) {
            (ScreenId::Authorize, Command::Submit | Command::CopyUrl | Command::OpenBrowser | Command::ToggleQr) => {
                attempt
            }
            (ScreenId::Authorize | ScreenId::Code, Command::Retry | Command::SwitchRedirect) => flow_idle,
            (ScreenId::Profile, Command::Retry) => self.profile.is_none() && self.verify_error.is_some(),
            (ScreenId::Profile | ScreenId::Instance, Command::Back) => true,
            (ScreenId::Profile, Command::Accounts) => !self.accounts.logins.is_empty(),
            (ScreenId::Accounts, Command::Submit | Command::CopyToken | Command::Logout) => {
                self.accounts.current().is_some()
            }
            (ScreenId::Profile, Command::RetrySave) => {
                self.unsaved_login.is_some()
                    && self.profile.as_ref().is_some_and(|p| matches!(p.saved, profile::SaveState::Failed(_)))
            }
            _ => true,
        }
    }

    pub fn busy(&self) -> bool {
        self.task.is_some()
    }

    pub fn listening(&self) -> Option<&Listening> {
        self.flow.as_ref().and_then(|f| f.attempt.as_ref()).and_then(|a| a.listening.as_ref())
    }

    /// How often time must pass: fast for the spinner, each second for the listener's countdown,
    /// and not at all otherwise (no wake-ups while idle).
    pub fn tick_interval(&self) -> Option<Duration> {
        if self.busy() {
            Some(SPINNER_TICK)
        } else if self.listening().is_some() {
            Some(COUNTDOWN_TICK)
        } else {
            None
        }
    }

    /// Seconds left before the loopback listener gives up.
    pub fn listen_seconds_left(&self) -> Option<u64> {
        let deadline = self.listening()?.deadline?;
        Some(deadline.saturating_duration_since(self.now?).as_secs())
    }

    fn begin_task(&mut self, what: &'static str) -> TaskId {
        let id = self.next_task_id();
        self.task = Some(Task { id, what });
        id
    }

    fn next_task_id(&mut self) -> TaskId {
        let id = self.next_task;
        self.next_task += 1;
        id
    }
}

#[cfg(test)]
mod accounts_tests;
/// Builders of app states for tests and benchmarks (not part of the program's behaviour).
#[doc(hidden)]
pub mod fixtures;
#[cfg(test)]
mod loopback_tests;
#[cfg(test)]
mod tests;
