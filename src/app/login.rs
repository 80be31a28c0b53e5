//! One login in progress: the server found, the scopes chosen, the authorize attempt and the
//! code box, carried from the scopes screen to the code screen.

use std::time::Instant;

use super::TaskId;
use super::input::TextInput;
use super::scope_tree::ScopeTree;
use crate::mastodon::ServerInfo;
use crate::qr::QrMatrix;
use crate::secret::Secret;
use crate::store::{Login, Registration};

/// The steps of a login in progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Scopes,
    Authorize,
    Code,
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

/// One login in progress, from the scopes screen to the code box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flow {
    pub step: Step,
    pub server: ServerInfo,
    pub tree: ScopeTree,
    pub mode: RedirectMode,
    /// The authorize attempt; none while it is being prepared, or when preparing failed.
    pub attempt: Option<Attempt>,
    /// Why the authorize step could not be prepared (shown with a retry key).
    pub authorize_error: Option<String>,
    pub code: TextInput,
    pub code_error: Option<String>,
    /// The QR code of the authorize URL is shown (it stays up across a new attempt).
    pub qr_open: bool,
    /// `o` found the attempt over: open the next attempt's URL as soon as it is ready.
    pub open_when_ready: bool,
    /// The code being exchanged (or last refused) came from the code box, not the listener.
    pub code_pasted: bool,
    /// The client id of the registration made in this run, so it is not called "saved earlier".
    pub registered_now: Option<String>,
    /// A refresh: the saved login whose scopes this flow changes. Its end differs from a new
    /// login's: the new token must be the same account's, replaces that login's token in place,
    /// and the old token is revoked (see `refresh.rs`).
    pub refresh: Option<Box<Login>>,
}

impl Flow {
    /// The screen of the step the login is at.
    pub fn screen_id(&self) -> super::ScreenId {
        match self.step {
            Step::Scopes => super::ScreenId::Scopes,
            Step::Authorize => super::ScreenId::Authorize,
            Step::Code => super::ScreenId::Code,
        }
    }
}

/// One authorize attempt: the URL and what the token exchange must repeat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    pub registration: Registration,
    pub made: Made,
    pub url: String,
    pub state: String,
    pub code_verifier: Option<Secret>,
    pub scopes: Vec<String>,
    pub redirect_uri: String,
    /// The loopback listener of this attempt, while it waits.
    pub listening: Option<Listening>,
    /// The listener after its time ran out: it stays up to tell a late browser the attempt is
    /// over, until the attempt is replaced or left.
    pub lingering: Option<TaskId>,
    /// The URL as a QR code, made when first shown.
    pub qr: Option<QrMatrix>,
    /// The loopback attempt is over (a code arrived, the browser was denied, time ran out): its
    /// URL leads to a closed port.
    pub ended: bool,
}

/// Where an attempt's registration came from, for what the authorize screen says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Made {
    /// Read from the saved registrations, made on this date (RFC 3339).
    Saved(String),
    /// Made in this run; saving it is under way.
    JustNow,
    /// Made in this run and saved for next time.
    JustNowSaved,
    /// Made in this run; saving it failed (why). It is saved again with the login.
    JustNowUnsaved(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listening {
    pub id: TaskId,
    /// Known once the listener reports it started.
    pub deadline: Option<Instant>,
}
