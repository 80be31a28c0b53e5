//! The application state machine: state per screen, the actions that change it, and the effects
//! it asks the runner to perform. `update` is pure: no I/O, no async, no terminal.

pub mod accounts;
mod attempt;
mod flow;
pub mod input;
pub mod keys;
pub mod messages;
pub mod profile;
pub mod scope_tree;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crossterm::event::KeyEvent;

use crate::clipboard::CopyMethod;
use crate::mastodon::oauth::TokenResponse;
use crate::mastodon::{Account, ApiError, ServerAddress, ServerInfo};
use crate::secret::Secret;
use crate::store::{Login, Registration, Saved, StoreError};
use input::TextInput;
pub use keys::Command;
use profile::ProfileView;
use scope_tree::ScopeTree;

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

/// Everything the event loop can feed into `update`.
#[derive(Debug)]
pub enum Action {
    Key(KeyEvent),
    Paste(String),
    /// A click resolved by the runner against what was drawn last.
    Click(Target),
    Scroll(i8),
    Resize,
    /// Time passes (only while something animates or counts down).
    Tick(Instant),
    Discovered(TaskId, Result<ServerInfo, ApiError>),
    Registered(TaskId, Result<Prepared, PrepareError>),
    /// The loopback listener is answering browsers from now until the deadline.
    Listening(TaskId, Instant),
    /// Something reached the loopback listener.
    Loopback(TaskId, crate::loopback::Event),
    Exchanged(TaskId, Result<TokenResponse, ApiError>),
    /// The profile read with the new token, and the time it was read (RFC 3339).
    Verified(TaskId, Result<Account, ApiError>, String),
    /// Where the login went (and its token: the file or the keyring), or why it could not be saved.
    LoginSaved(Result<Saved, StoreError>),
    /// A re-verified login was not saved: another mastokey logged it out or in again meanwhile.
    LoginChangedElsewhere,
    /// The saved logins as the file has them now (another process may have changed them).
    LoginsLoaded(Result<Vec<Login>, StoreError>),
    /// The server's answer to revoking a saved login's token.
    Revoked(TaskId, Box<Login>, Result<(), String>),
    /// A login removed from storage (or why not).
    Forgotten(Box<Login>, Result<(), StoreError>),
    RegistrationSaved(Result<(), StoreError>),
    /// A storage problem that did not stop anything (a corrupt file kept aside).
    StoreWarning(String),
    Copied(Result<CopyMethod, String>),
    BrowserOpened(Result<(), String>),
    /// The avatar at this URL, ready to draw, or why it is not shown.
    AvatarLoaded(String, Result<crate::avatar::Avatar, String>),
}

/// Something on screen a mouse click can hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    ScopeRow(usize),
    AccountRow(usize),
    Command(Command),
}

/// The registration ready for the authorize URL, and whether it came from storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    pub registration: Registration,
    pub reused: bool,
    /// The redirect URI for this attempt (with the listener's port, for loopback).
    pub redirect_uri: String,
    /// A problem reading saved registrations that did not stop us (a corrupt file kept aside).
    pub store_warning: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrepareError {
    Api(ApiError),
    /// The loopback listener could not be started.
    Listener(String),
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

/// Work for the runner. Effects are data so that `update` stays testable.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Discover {
        id: TaskId,
        address: ServerAddress,
    },
    Prepare {
        id: TaskId,
        server: Box<ServerInfo>,
        mode: RedirectMode,
        scopes: Vec<String>,
        /// A saved registration the server refused (`invalid_client`): forgotten first, so a
        /// new one is made.
        forget: Option<Box<Registration>>,
    },
    /// Start answering browsers on the listener bound by the last `Prepare`.
    Listen {
        id: TaskId,
        state: String,
        timeout: Duration,
    },
    SaveRegistration(Registration),
    Exchange {
        id: TaskId,
        request: Box<ExchangeRequest>,
    },
    Verify {
        id: TaskId,
        base: url::Url,
        token: Secret,
    },
    SaveLogin(Box<Login>),
    /// Note that a saved login's token still works, if that login is still saved as it was.
    RecordVerified {
        login: Box<Login>,
        at: String,
    },
    /// Read the saved logins again, for the accounts screen.
    LoadLogins,
    /// Revoke a saved login's token at its server (`POST /oauth/revoke`).
    Revoke {
        id: TaskId,
        login: Box<Login>,
    },
    /// Remove a login from storage.
    Forget(Box<Login>),
    Copy(Secret),
    /// Fetch and decode the profile's avatar (no spinner: the profile is usable without it).
    FetchAvatar {
        url: url::Url,
        palette: crate::avatar::Palette,
    },
    OpenBrowser(String),
    Cancel(TaskId),
    Quit,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExchangeRequest {
    pub token_endpoint: url::Url,
    pub registration: Registration,
    pub code: Secret,
    pub redirect_uri: String,
    pub code_verifier: Option<Secret>,
    pub scopes: Vec<String>,
}

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
            form.input.set(only.base.as_str().trim_end_matches('/'));
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
mod tests;
