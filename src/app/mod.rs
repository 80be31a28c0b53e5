//! The application state machine: state shaped by screen, the actions that change it, and the
//! effects it asks the runner to perform. `update` is pure: no I/O, no clock, no randomness, no
//! terminal (times, `state` and PKCE verifiers arrive in actions, made by effects).

pub(crate) mod accounts;
mod action;
mod authorize;
mod code;
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

/// The whole application state.
#[derive(Debug, Clone, PartialEq)]
pub struct App {
    pub settings: Settings,
    pub screen: Screen,
    pub instance: InstanceForm,
    pub accounts: AccountsList,
    pub task: Option<Task>,
    pub overlay: Option<Overlay>,
    pub notice: Option<Notice>,
    pub spinner: usize,
    /// The time of the last tick, for countdowns.
    pub now: Option<Instant>,
    /// How the latest refresh of a login went (from its profile on), for the profile screen and
    /// `mastokey refresh`'s exit code.
    pub refresh_report: Option<refresh::RefreshReport>,
    next_task: TaskId,
}

impl App {
    pub fn new(settings: Settings) -> Self {
        Self {
            instance: InstanceForm::default(),
            settings,
            screen: Screen::Instance,
            accounts: AccountsList::default(),
            task: None,
            overlay: None,
            notice: None,
            spinner: 0,
            now: None,
            refresh_report: None,
            next_task: 1,
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
            Screen::Login(flow) => match flow.step {
                Step::Scopes => ScreenId::Scopes,
                Step::Authorize => ScreenId::Authorize,
                Step::Code => ScreenId::Code,
            },
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
            // Where no browser can be started, `o` is not offered (it could only fail).
            (Screen::Login(_), Command::OpenBrowser) if !self.settings.browser => false,
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

    pub fn busy(&self) -> bool {
        self.task.is_some()
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
        self.notice = Some(Notice { text: text.into(), kind, screen: self.screen_id() });
    }

    /// A request starts: the notice of the moment before it goes (a warning stays until a key);
    /// one said after this, about why it started, shows beside the spinner.
    fn begin_task(&mut self, what: &'static str) -> TaskId {
        self.clear_notice();
        let id = self.next_task_id();
        self.task = Some(Task { id, what });
        id
    }

    fn next_task_id(&mut self) -> TaskId {
        let id = self.next_task;
        self.next_task += 1;
        id
    }

    /// Whether `id` is the request in flight; if so it is done now.
    fn finish(&mut self, id: TaskId) -> bool {
        let current = self.task.as_ref().is_some_and(|t| t.id == id);
        if current {
            self.task = None;
        }
        current
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

    /// Send a code to the token endpoint with everything the attempt's authorize request used;
    /// `pasted` when it came from the code box (not the listener).
    fn exchange(&mut self, code: Secret, pasted: bool) -> Vec<Effect> {
        let Screen::Login(flow) = &mut self.screen else { return Vec::new() };
        flow.code_pasted = pasted;
        let Some(attempt) = flow.attempt.as_ref() else { return Vec::new() };
        let request = Box::new(ExchangeRequest {
            token_endpoint: flow.server.token_endpoint(),
            registration: attempt.registration.clone(),
            code,
            redirect_uri: attempt.redirect_uri.clone(),
            code_verifier: attempt.code_verifier.clone(),
            scopes: attempt.scopes.clone(),
        });
        flow.code_error = None;
        let id = self.begin_task("task-exchanging");
        vec![Effect::Exchange { id, request }]
    }

    /// Show another screen; the old screen's notices go with it (warnings stay).
    fn go(&mut self, screen: Screen) {
        self.screen = screen;
        self.clear_notice();
    }

    /// The notice of the moment goes; a warning (storage, at start-up) stays until a key.
    fn clear_notice(&mut self) {
        if self.notice.as_ref().is_some_and(|n| n.kind != NoticeKind::Warning) {
            self.notice = None;
        }
    }
}

/// Builders of app states for tests and benchmarks (not part of the program's behaviour).
#[doc(hidden)]
pub mod fixtures;
#[cfg(test)]
mod tests;
