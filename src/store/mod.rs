//! Where app registrations and logins (with their tokens) are kept on disk.
//!
//! Two JSON files in the config directory, each wrapped as `{"version": 1, ...}`. Every change is
//! a read-modify-write under an exclusive lock (so two mastokey processes saving at once both
//! keep their entries), written atomically, with 0600 files in a 0700 directory. A file that
//! cannot be understood is moved aside and reported, never overwritten; one with a higher
//! `version` (a newer mastokey's) is reported and left alone, for reading and for writing.
//!
//! With `MASTOKEY_KEYRING=1` a login's token goes to the system keyring instead, and its entry
//! in `logins.json` says `"token_in": "keyring"` with an empty token (see [`saved`]).

mod default;
#[cfg(test)]
mod default_tests;
#[cfg(test)]
mod dir_tests;
mod file;
mod guard;
pub mod keyring;
mod logins;
#[cfg(test)]
mod replace_tests;
mod saved;
#[cfg(test)]
mod saved_tests;
#[cfg(test)]
mod tests;

use crate::mastodon::ServerOrigin;
use crate::secret::Secret;
use serde::{Deserialize, Serialize};
use std::io;
use std::path::{Path, PathBuf};

/// The app registration, saved as the server answered it (the type is the server's answer).
pub use crate::mastodon::oauth::Registration;
pub use default::DefaultAccount;
pub use guard::Unsafe;
pub use keyring::KeyringError;
pub use logins::Replaced;
pub use saved::{KeyringSetting, Loaded, Saved, TokenPlace, TokenProblem};

/// A saved login: the token and what it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Login {
    pub server: ServerOrigin,
    pub account_id: String,
    /// `user@domain`.
    pub acct: String,
    pub display_name: String,
    pub token: Secret,
    pub scopes_granted: Vec<String>,
    pub scopes_requested: Vec<String>,
    /// The registration the token was issued to; empty for a token made elsewhere
    /// ([`Login::made_elsewhere`]), whose scopes are empty when the server did not say them.
    pub client_id: String,
    /// RFC 3339.
    pub created_at: String,
    /// RFC 3339; when verify_credentials last succeeded with this token.
    #[serde(default)]
    pub last_verified: Option<String>,
}

impl Login {
    /// Which login this is: the same account logged in again is another login.
    pub fn id(&self) -> LoginId {
        LoginId {
            server: self.server.clone(),
            account_id: self.account_id.clone(),
            created_at: self.created_at.clone(),
        }
    }

    /// The same login, not only the same account: a new login of the account has another
    /// `created_at`.
    pub fn is_same_login(&self, other: &Login) -> bool {
        self.id() == other.id()
    }

    /// A token made elsewhere (`mastokey login --with-token`): no registration of mastokey's
    /// issued it (its `client_id` is empty), so mastokey cannot revoke it.
    pub fn made_elsewhere(&self) -> bool {
        self.client_id.is_empty()
    }

    /// Whether the scopes are known: a token made elsewhere has none saved when its server did
    /// not say what they are.
    pub fn scopes_known(&self) -> bool {
        !(self.made_elsewhere() && self.scopes_granted.is_empty())
    }

    /// The same account (server and account id), whichever login of it.
    pub fn is_account(&self, server: &ServerOrigin, account_id: &str) -> bool {
        &self.server == server && self.account_id == account_id
    }
}

/// One saved login, told apart from every other: its server, its account there, and when it
/// was made (a new login of the same account is another login).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LoginId {
    pub server: ServerOrigin,
    pub account_id: String,
    pub created_at: String,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}", crate::tr!("store-io", action = doing(action), path = path.display().to_string(), error = source.to_string()))]
    Io {
        path: PathBuf,
        /// What was being done, one of [`doing`]'s verbs: "read", "write", "lock", ...
        action: &'static str,
        source: io::Error,
    },
    #[error("{}", crate::tr!("store-corrupt", path = path.display().to_string(), kept = kept_as.display().to_string()))]
    Corrupt { path: PathBuf, kept_as: PathBuf },
    /// A later mastokey's file format: left in place, neither read nor written.
    #[error("{}", crate::tr!("store-newer", path = path.display().to_string(), version = *version))]
    Newer { path: PathBuf, version: u64 },
    #[error("{}", crate::tr!("store-no-config-dir"))]
    NoConfigDir,
    /// The directory, or a file in it, could be changed by someone else: refused (as ssh does),
    /// with the command that puts it right.
    #[error("{}", guard::describe(path, *problem))]
    Unsafe { path: PathBuf, problem: Unsafe },
}

/// What a failed file operation was doing, in the run's language.
fn doing(action: &str) -> String {
    let id = match action {
        "read" => "store-doing-read",
        "write" => "store-doing-write",
        "lock" => "store-doing-lock",
        "look at" => "store-doing-look-at",
        "create the directory" => "store-doing-create-dir",
        "sync the directory" => "store-doing-sync-dir",
        "move aside the unreadable file" => "store-doing-move-aside",
        "open the lock file" => "store-doing-open-lock",
        other => return other.to_owned(),
    };
    crate::i18n::text(id)
}

const REGISTRATIONS: &str = "registrations.json";
const LOGINS: &str = "logins.json";

/// The current time in RFC 3339 (UTC), for `created_at` and `last_verified`.
pub fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc().format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}

/// The saved data of one mastokey configuration directory.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    keyring: KeyringSetting,
}

impl Store {
    /// `MASTOKEY_CONFIG_DIR` if set, else the platform config dir + `mastokey`, with the keyring
    /// as `MASTOKEY_KEYRING` says. Nothing is created until something is saved.
    pub fn from_env() -> Result<Store, StoreError> {
        let keyring = KeyringSetting::from_env();
        if let Some(dir) = std::env::var_os("MASTOKEY_CONFIG_DIR").filter(|d| !d.is_empty()) {
            return Ok(Store::at(dir).with_keyring(keyring));
        }
        dirs::config_dir().map(|d| Store::at(d.join("mastokey")).with_keyring(keyring)).ok_or(StoreError::NoConfigDir)
    }

    /// A store in `dir` that puts no new token in the keyring ([`KeyringSetting::Unset`]), so
    /// tests and the demo never touch the person's keyring unless they ask.
    pub fn at(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into(), keyring: KeyringSetting::Unset }
    }

    /// Where [`Store::save_login`] puts tokens from now on.
    pub fn with_keyring(mut self, keyring: KeyringSetting) -> Store {
        self.keyring = keyring;
        self
    }

    pub fn keyring(&self) -> KeyringSetting {
        self.keyring
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn registrations_path(&self) -> PathBuf {
        self.dir.join(REGISTRATIONS)
    }

    pub fn logins_path(&self) -> PathBuf {
        self.dir.join(LOGINS)
    }

    /// All saved registrations (none when the file does not exist yet).
    pub fn registrations(&self) -> Result<Vec<Registration>, StoreError> {
        file::read_list(&self.dir, REGISTRATIONS)
    }

    /// A saved registration usable for this server, redirect URI and scopes: same server, the
    /// redirect among its `redirect_uris`, and every requested scope among its scopes by name:
    /// Mastodon (Doorkeeper) compares scope names exactly, so an app registered for `read` is
    /// refused `read:accounts`. The newest one wins.
    pub fn find_registration(
        &self,
        server: &ServerOrigin,
        redirect_uri: &str,
        scopes: &[String],
    ) -> Result<Option<Registration>, StoreError> {
        // Servers default to `read` when no scope is sent.
        let default = ["read".to_owned()];
        let wanted = if scopes.is_empty() { &default[..] } else { scopes };
        Ok(self.registrations()?.into_iter().rev().find(|r| {
            &r.server == server
                && r.redirect_uris.iter().any(|u| u == redirect_uri)
                && wanted.iter().all(|w| r.scopes.contains(w))
        }))
    }

    /// Saves a registration, replacing one with the same server and client_id.
    ///
    /// If the file on disk is corrupt it is moved aside and `Corrupt` is returned without
    /// saving; saving again then starts a fresh file.
    pub fn save_registration(&self, reg: Registration) -> Result<(), StoreError> {
        file::update_list(&self.dir, REGISTRATIONS, |list: &mut Vec<Registration>| {
            list.retain(|r| !(r.server == reg.server && r.client_id == reg.client_id));
            list.push(reg);
            true
        })
    }

    /// Forgets a registration the server no longer knows (it answered `invalid_client`).
    pub fn remove_registration(&self, server: &ServerOrigin, client_id: &str) -> Result<(), StoreError> {
        if !self.registrations_path().exists() {
            return Ok(());
        }
        file::update_list(&self.dir, REGISTRATIONS, |list: &mut Vec<Registration>| {
            let before = list.len();
            list.retain(|r| !(&r.server == server && r.client_id == client_id));
            list.len() != before
        })
    }

    /// All saved logins (none when the file does not exist yet), tokens kept in the keyring
    /// read back from it. A token the keyring cannot give back is left empty; use
    /// [`Store::load_logins`] to learn why.
    pub fn logins(&self) -> Result<Vec<Login>, StoreError> {
        Ok(self.load_logins()?.logins)
    }
}

impl Store {
    /// The registration a login's token was issued to.
    pub fn registration_of(&self, login: &Login) -> Result<Option<Registration>, StoreError> {
        Ok(self.registrations()?.into_iter().find(|r| r.client_id == login.client_id && r.server == login.server))
    }
}
