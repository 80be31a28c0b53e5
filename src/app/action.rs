//! What goes into `update` (actions: keys, clicks, results of background work) and what comes
//! out of it (effects: work for the runner, as data).

use std::time::{Duration, Instant};

use crossterm::event::KeyEvent;

use super::{Command, RedirectMode, TaskId};
use crate::clipboard::CopyMethod;
use crate::mastodon::oauth::TokenResponse;
use crate::mastodon::pkce::Pkce;
use crate::mastodon::{Account, ApiError, ServerAddress, ServerInfo};
use crate::secret::Secret;
use crate::store::{Login, LoginId, Registration, Replaced, Saved, StoreError};

/// Everything the event loop can feed into `update`.
#[derive(Debug)]
pub enum Action {
    Key(KeyEvent),
    Paste(String),
    /// A click resolved by the runner against what was drawn last.
    Click(Target),
    Scroll(i8),
    Resize,
    /// How far the profile's rows can scroll, as the last frame found (it knows the size).
    ProfileScrollLimit(u16),
    /// Time passes (only while something animates or counts down).
    Tick(Instant),
    Discovered(TaskId, Result<ServerInfo, ApiError>),
    /// The server of a saved login whose scopes are to change (`e` on the accounts screen).
    DiscoveredForRefresh(TaskId, LoginId, Result<ServerInfo, ApiError>),
    Registered(TaskId, Result<Prepared, PrepareError>),
    /// The loopback listener is answering browsers from now until the deadline.
    Listening(TaskId, Instant),
    /// Something reached the loopback listener.
    Loopback(TaskId, crate::loopback::Event),
    Exchanged(TaskId, Result<TokenResponse, ApiError>),
    /// The profile read with the new token, and the time it was read (RFC 3339).
    Verified(TaskId, Result<Account, ApiError>, String),
    /// A saved login checked again with its server, and the time of the check.
    Rechecked(TaskId, LoginId, Result<Account, CheckFailed>, String),
    /// The login that was saved, and where it went (and its token: the file or the keyring),
    /// or why it (or the registration saved with it) could not be saved.
    LoginSaved(Box<Login>, Result<Saved, StoreError>),
    /// Whether a refreshed login got its new token (in place, or as a login of its own because
    /// it was gone), or why not.
    LoginReplaced(Result<Replaced, StoreError>),
    /// The server's answer to revoking the token a refresh replaced.
    ReplacedRevoked(TaskId, Box<Login>, Result<(), String>),
    /// A re-verified login was not saved: another mastokey logged it out or in again meanwhile.
    LoginChangedElsewhere,
    /// The saved logins as the file has them now (another process may have changed them).
    LoginsLoaded(Result<crate::store::Loaded, StoreError>),
    /// Whether the login's account is the default now (`Ok(false)`: it was logged out meanwhile).
    DefaultMade(Box<Login>, Result<bool, StoreError>),
    /// The server's answer to revoking a saved login's token.
    Revoked(TaskId, Box<Login>, Result<(), String>),
    /// A login removed from storage (or why not).
    Forgotten(Box<Login>, Result<(), StoreError>),
    /// Whether saving the registration with this client id worked.
    RegistrationSaved(String, Result<(), StoreError>),
    /// A storage problem that did not stop anything (a corrupt file kept aside).
    StoreWarning(String),
    Copied(Result<CopyMethod, String>),
    BrowserOpened(Result<(), String>),
    /// The avatar at this URL, ready to draw, or why it is not shown.
    AvatarLoaded(String, Result<crate::avatar::Avatar, String>),
}

/// Why checking a saved login's token did not give its account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckFailed {
    /// The server refused the token, in its own words (401; 403 `invalid_token`; snac's 422;
    /// Takahē's 400): revoked or expired.
    Rejected(ApiError),
    /// The check could not be made (network, server error, scope).
    Failed(ApiError),
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
    pub secrets: AttemptSecrets,
}

/// The random values of one attempt, made by the runner so that `update` stays deterministic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptSecrets {
    pub state: String,
    /// Used when the server advertises PKCE.
    pub pkce: Pkce,
}

impl AttemptSecrets {
    pub fn generate() -> Self {
        Self { state: crate::mastodon::pkce::new_state(), pkce: Pkce::generate() }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrepareError {
    Api(ApiError),
    /// The loopback listener could not be started.
    Listener(String),
}

/// Work for the runner. Effects are data so that `update` stays testable.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Discover {
        id: TaskId,
        address: ServerAddress,
    },
    /// Look up the server of a saved login whose scopes are to change.
    DiscoverForRefresh {
        id: TaskId,
        login: LoginId,
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
        /// A saved registration not to reuse: the one of the token a refresh replaces, on a
        /// server that deletes an app when one of its tokens is revoked (snac), so revoking the
        /// old token cannot take the new token's app with it.
        avoid: Option<String>,
    },
    /// Start answering browsers on the listener bound by the last `Prepare`.
    Listen {
        id: TaskId,
        state: String,
        timeout: Duration,
        /// The server the login is for, as typed (the listener's pages name it).
        server: String,
    },
    SaveRegistration(Registration),
    Exchange {
        id: TaskId,
        request: Box<ExchangeRequest>,
    },
    /// Read the account of a new token.
    Verify {
        id: TaskId,
        base: url::Url,
        token: Secret,
    },
    /// Check a saved login's token with its server.
    Recheck {
        id: TaskId,
        login: Box<Login>,
    },
    /// Save a new login, and first the registration that can revoke it when that is not saved
    /// yet (a login is never saved without it).
    SaveLogin {
        login: Box<Login>,
        registration: Option<Box<Registration>>,
    },
    /// Give a saved login the token of its refresh, in place, if that login is still saved (else
    /// save the new one as a login of its own); first the registration, as for `SaveLogin`.
    ReplaceLogin {
        old: Box<Login>,
        new: Box<Login>,
        registration: Option<Box<Registration>>,
    },
    /// Revoke the token a refresh replaced, with the registration it was issued to.
    RevokeReplaced {
        id: TaskId,
        login: Box<Login>,
    },
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
    /// Make the login's account the default (`mastokey switch`).
    MakeDefault(Box<Login>),
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
