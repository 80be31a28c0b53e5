//! The application state machine: state shaped by screen, the actions that change it, and the
//! effects it asks the runner to perform. `update` is pure: no I/O, no clock, no randomness, no
//! terminal (times, `state` and PKCE verifiers arrive in actions, made by effects).

pub(crate) mod accounts;
mod action;
mod authorize;
mod code;
mod ctx;
pub(crate) mod input;
mod instance;
pub(crate) mod keys;
mod login;
pub(crate) mod logins;
pub(crate) mod messages;
pub(crate) mod profile;
pub(crate) mod profile_view;
pub(crate) mod refresh;
pub(crate) mod scope_tree;
mod scopes;
mod update;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::mastodon::{ServerAddress, ServerInfo};
use crate::qr::QrMatrix;
use crate::secret::Secret;
use crate::store::{LoginId, Registration};
use input::TextInput;
pub use keys::Command;
use logins::AccountsList;
use profile::ProfileScreen;

pub use action::{Action, AttemptSecrets, CheckFailed, Effect, ExchangeRequest, PrepareError, Prepared, Target};
pub use ctx::Ctx;
pub use login::{Attempt, Flow, Listening, Made, RedirectMode, Step};
pub use update::{handle, update};

/// Which screen is showing, for the key tables, the header's steps and notices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenId {
    Accounts,
    Instance,
    Scopes,
    Authorize,
    Code,
    Profile,
}

/// The screen, with the data only it has.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// The saved logins ([`App::accounts`]).
    Accounts,
    /// Which server ([`App::instance`], which keeps its text while other screens show).
    Instance,
    /// Choosing scopes, authorizing and entering the code: one login in progress.
    Login(Box<Flow>),
    /// Whose token it is: a login just made, or a saved one checked again.
    Profile(Box<ProfileScreen>),
}

/// Identifies a background request so late results of a cancelled one are ignored.
pub type TaskId = u64;

/// What is in flight, for the spinner text and for cancelling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task {
    pub id: TaskId,
    /// The message id of what it is doing ("looking up the server").
    pub what: &'static str,
}

/// How long the loopback listener waits for the browser, unless `MASTOKEY_LOOPBACK_TIMEOUT` says.
pub const LISTEN_TIMEOUT: Duration = Duration::from_secs(300);
const SPINNER_TICK: Duration = Duration::from_millis(80);
const COUNTDOWN_TICK: Duration = Duration::from_secs(1);

/// A message on the status line, for the screen it was made on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub kind: NoticeKind,
    pub screen: ScreenId,
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

/// A yes/no question about one saved login.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    CopyToken(Named),
    Logout(Named),
    /// The server did not revoke the token: forget the login here anyway?
    Forget(Named),
}

impl Confirm {
    pub fn login(&self) -> &Named {
        let (Confirm::CopyToken(n) | Confirm::Logout(n) | Confirm::Forget(n)) = self;
        n
    }
}

/// A saved login as a question names it: which one it is, and its `user@domain` to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub id: LoginId,
    pub acct: String,
}

/// Settings fixed at start-up (flags, environment).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// `--demo`: the built-in server, the one server this run may log in to.
    pub demo: Option<ServerAddress>,
    pub color: bool,
    /// How avatar colours reach the terminal (24-bit or the 256-colour palette).
    pub palette: crate::avatar::Palette,
    /// The redirect to start with (`--redirect`, or chosen from the environment).
    pub redirect: RedirectMode,
    /// How long the loopback listener waits for the browser.
    pub listen_timeout: Duration,
    pub force_login: bool,
    /// A browser can be opened on this machine (`$BROWSER`, or a display with an opener).
    pub browser: bool,
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
    /// The login left by going back to this screen: coming back to the same server keeps its
    /// choices.
    pub left: Option<Box<Flow>>,
}

impl InstanceForm {
    /// An empty form, or one holding the only server this run may use (the demo's).
    pub fn fresh(settings: &Settings) -> Self {
        let mut form = Self::default();
        if let Some(demo) = &settings.demo {
            form.input.set(demo.origin().as_str());
        }
        form
    }
}

/// The whole application state: the screen showing, and what every screen shares. `App`
/// derefs to the shared part, so `app.settings` reads as before; a handler of one screen takes
/// that screen's state and the shared part side by side ([`App::with_login`]).
#[derive(Debug, Clone, PartialEq)]
pub struct App {
    pub screen: Screen,
    ctx: Ctx,
}

impl std::ops::Deref for App {
    type Target = Ctx;
    fn deref(&self) -> &Ctx {
        &self.ctx
    }
}

impl std::ops::DerefMut for App {
    fn deref_mut(&mut self) -> &mut Ctx {
        &mut self.ctx
    }
}

impl App {
    pub fn new(settings: Settings) -> Self {
        let ctx = Ctx::new(settings);
        Self { screen: Screen::Instance, ctx }
    }

    /// Run a handler of the login's steps with the login and the shared state; on any other
    /// screen nothing happens (a late result of a login that was left, say).
    fn with_login<T: Default>(&mut self, f: impl FnOnce(&mut Flow, &mut Ctx) -> T) -> T {
        match &mut self.screen {
            Screen::Login(flow) => f(flow, &mut self.ctx),
            _ => T::default(),
        }
    }

    /// The same for the profile screen.
    fn with_profile<T: Default>(&mut self, f: impl FnOnce(&mut ProfileScreen, &mut Ctx) -> T) -> T {
        match &mut self.screen {
            Screen::Profile(profile) => f(profile, &mut self.ctx),
            _ => T::default(),
        }
    }

    /// Start on the accounts screen when logins are saved.
    pub fn with_logins(settings: Settings, logins: Vec<crate::store::Login>) -> Self {
        let mut app = Self::new(settings);
        if !logins.is_empty() {
            app.accounts = AccountsList::new(logins);
            app.screen = Screen::Accounts;
        }
        app
    }

    /// Start with the instance box filled in and its lookup already running (`--instance`).
    pub fn start_with_instance(&mut self, text: &str) -> Vec<Effect> {
        self.instance.input.set(text);
        instance::submit(self)
    }

    pub fn screen_id(&self) -> ScreenId {
        match &self.screen {
            Screen::Accounts => ScreenId::Accounts,
            Screen::Instance => ScreenId::Instance,
            Screen::Login(flow) => flow.screen_id(),
            Screen::Profile(_) => ScreenId::Profile,
        }
    }

    /// The login in progress, on its screens.
    pub fn flow(&self) -> Option<&Flow> {
        match &self.screen {
            Screen::Login(flow) => Some(flow),
            _ => None,
        }
    }

    pub fn profile(&self) -> Option<&ProfileScreen> {
        match &self.screen {
            Screen::Profile(profile) => Some(profile),
            _ => None,
        }
    }

    /// Whether a command can do anything right now. The footer hides those that cannot, and
    /// dispatch ignores them: one guard for both.
    pub fn available(&self, command: Command) -> bool {
        match (&self.screen, command) {
            (_, Command::Quit | Command::Help | Command::Back | Command::Yes | Command::No) => true,
            (_, c) if !self.has_key_for(c) => false,
            (Screen::Login(flow), c) => authorize::available(flow, self.busy(), c),
            (Screen::Profile(profile), c) => profile::available(profile, !self.accounts.logins.is_empty(), c),
            (Screen::Accounts, Command::Submit | Command::CopyToken | Command::Logout | Command::ChangeScopes) => {
                self.accounts.current().is_some()
            }
            // With one login saved it is the one used anyway; the default is already the default.
            (Screen::Accounts, Command::MakeDefault) => {
                self.accounts.logins.len() > 1
                    && self.accounts.current().is_some_and(|s| !self.accounts.is_default(&s.login))
            }
            _ => true,
        }
    }

    pub fn listening(&self) -> Option<&Listening> {
        self.flow()?.attempt.as_ref()?.listening.as_ref()
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

    /// The notice to show on the screen now: one made for this screen, or a warning.
    pub fn visible_notice(&self) -> Option<&Notice> {
        self.notice.as_ref().filter(|n| n.screen == self.screen_id() || n.kind == NoticeKind::Warning)
    }

    /// A storage problem found at start-up, shown until the next key.
    pub fn warn(&mut self, text: String) {
        self.say(NoticeKind::Warning, text);
    }

    /// A notice for the screen showing now.
    fn say(&mut self, kind: NoticeKind, text: impl Into<String>) {
        let screen = self.screen_id();
        self.ctx.say_on(screen, kind, text);
    }

    /// Back to the server screen, which keeps this login's choices for coming back to the same
    /// server.
    fn leave_login(&mut self) {
        let screen = std::mem::replace(&mut self.screen, Screen::Instance);
        if let Screen::Login(flow) = screen {
            self.instance.left = Some(flow);
        }
        self.go(Screen::Instance);
    }

    /// Show another screen; the old screen's notices go with it (warnings stay).
    fn go(&mut self, screen: Screen) {
        self.screen = screen;
        self.clear_notice();
    }
}

/// Builders of app states for tests and benchmarks (not part of the program's behaviour).
#[doc(hidden)]
pub mod fixtures;
#[cfg(test)]
mod tests;
