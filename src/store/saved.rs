//! Logins as `logins.json` holds them, each token either in the file or in the system keyring,
//! and reading them back (changing them is in `logins.rs`).
//!
//! `MASTOKEY_KEYRING` decides where a save puts the token ([`KeyringSetting`]); reading follows
//! what each entry says, so logins saved either way stay readable whatever the setting is now.

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::keyring::{self, KeyringError};
use super::{LOGINS, Login, Store, StoreError, file};
use crate::mastodon::ServerOrigin;
use crate::sanitize::clean;
use crate::secret::Secret;

/// What `MASTOKEY_KEYRING` says about where a saved token goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KeyringSetting {
    /// Not set: a new login's token goes to the file, and one already in the keyring stays
    /// there, so a shell without the variable does not quietly move tokens out of the keyring.
    #[default]
    Unset,
    /// `1` (or `true`, `yes`, `on`): into the keyring; a token in the file moves there on its
    /// next save.
    On,
    /// `0` (or `false`, `no`, `off`): into the file; a token in the keyring moves back on its
    /// next save.
    Off,
}

impl KeyringSetting {
    pub fn from_env() -> Self {
        Self::parse(std::env::var(keyring::SETTING).ok().as_deref())
    }

    /// Anything not recognised counts as unset: the safe reading, as it moves nothing.
    pub fn parse(value: Option<&str>) -> Self {
        match value.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
            Some("1" | "true" | "yes" | "on") => Self::On,
            Some("0" | "false" | "no" | "off") => Self::Off,
            _ => Self::Unset,
        }
    }
}

/// Where a saved login's token went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenPlace {
    /// In `logins.json` (0600), as asked.
    File,
    /// In the system keyring; `logins.json` has the rest of the login.
    Keyring,
    /// In `logins.json` because the keyring was asked for and could not take it.
    FileInstead(KeyringError),
}

/// What [`Store::save_login`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// `logins.json`, which has the login (and the token unless it is in the keyring).
    pub path: PathBuf,
    pub token_in: TokenPlace,
}

impl Saved {
    /// Saved with the token in the file at `path`, as without the keyring.
    pub fn in_file(path: impl Into<PathBuf>) -> Self {
        Self { path: path.into(), token_in: TokenPlace::File }
    }

    /// When the keyring was asked for and not used: why, and where the token is instead.
    pub fn fallback_note(&self, acct: &str) -> Option<String> {
        let TokenPlace::FileInstead(why) = &self.token_in else { return None };
        Some(crate::tr!(
            "keyring-fallback-note",
            why = why.to_string(),
            account = clean(acct),
            path = self.path.display().to_string()
        ))
    }
}

/// A saved login whose token is in the keyring but could not be read back from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenProblem {
    pub server: ServerOrigin,
    pub account_id: String,
    /// `user@domain`.
    pub acct: String,
    pub error: KeyringError,
}

impl TokenProblem {
    pub fn is_for(&self, login: &Login) -> bool {
        login.is_account(&self.server, &self.account_id)
    }
}

impl fmt::Display for TokenProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let acct = clean(&self.acct);
        let text = match &self.error {
            KeyringError::Missing => crate::tr!("keyring-token-gone", account = acct),
            other => crate::tr!("keyring-token-unreadable", account = acct, why = other.to_string()),
        };
        f.write_str(&text)
    }
}

/// Every saved login, and why some tokens could not be read back (those logins have an empty
/// token, which a server refuses like a revoked one).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loaded {
    pub logins: Vec<Login>,
    pub problems: Vec<TokenProblem>,
    /// The default account (`mastokey switch`), when one is set and saved.
    pub default: Option<super::DefaultAccount>,
}

impl Loaded {
    pub fn problem_of(&self, login: &Login) -> Option<&TokenProblem> {
        self.problems.iter().find(|p| p.is_for(login))
    }

    /// One short line about the tokens that could not be read, for a notice on screen.
    pub fn problems_line(&self) -> Option<String> {
        if self.problems.is_empty() {
            return None;
        }
        let each: Vec<String> = self
            .problems
            .iter()
            .map(|p| {
                let why = match &p.error {
                    KeyringError::Missing => crate::tr!("keyring-why-gone"),
                    KeyringError::NoService(_) => crate::tr!("keyring-why-no-service"),
                    KeyringError::Failed(_) => crate::tr!("keyring-why-refused"),
                };
                crate::tr!("keyring-problem-item", account = clean(&p.acct), why = why)
            })
            .collect();
        Some(crate::tr!("keyring-problems", list = each.join(", ")))
    }
}

/// The `token_in` of an entry whose token is in the keyring.
pub(super) const IN_KEYRING: &str = "keyring";

/// A login as written in `logins.json`: the login, plus where its token is when not in the file.
#[derive(Serialize, Deserialize)]
pub(super) struct Record {
    #[serde(flatten)]
    pub(super) login: Login,
    /// `"keyring"` (the `token` field is then empty), or absent. Any other value, from some later
    /// mastokey, is read as "in the file" rather than making the whole file unreadable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) token_in: Option<String>,
}

impl Record {
    pub(super) fn in_keyring(&self) -> bool {
        self.token_in.as_deref() == Some(IN_KEYRING)
    }

    pub(super) fn is(&self, server: &ServerOrigin, account_id: &str) -> bool {
        self.login.is_account(server, account_id)
    }
}

/// The keyring item's `username`: the server as the store compares it, and the account id
/// (stable across renames, unlike `user@domain`).
pub(super) fn keyring_user(server: &ServerOrigin, account_id: &str) -> String {
    format!("{server} {account_id}")
}

impl Store {
    /// All saved logins with their tokens, and the logins whose token the keyring could not
    /// give back (left empty in `logins`).
    pub fn load_logins(&self) -> Result<Loaded, StoreError> {
        let doc: file::Doc<Record> = file::read_doc(&self.dir, LOGINS)?;
        let default = super::default::of_doc(&doc);
        let records = doc.list;
        let users: Vec<String> = records
            .iter()
            .filter(|r| r.in_keyring())
            .map(|r| keyring_user(&r.login.server, &r.login.account_id))
            .collect();
        // No keyring connection at all unless some token is there.
        let mut tokens = if users.is_empty() { Vec::new() } else { keyring::get_all(&users) }.into_iter();
        let mut loaded = Loaded { default, ..Loaded::default() };
        for record in records {
            let in_keyring = record.in_keyring();
            let mut login = record.login;
            if in_keyring {
                match tokens.next().unwrap_or(Err(KeyringError::Missing)) {
                    Ok(token) => login.token = token,
                    Err(error) => {
                        login.token = Secret::default();
                        loaded.problems.push(TokenProblem {
                            server: login.server.clone(),
                            account_id: login.account_id.clone(),
                            acct: login.acct.clone(),
                            error,
                        });
                    }
                }
            }
            loaded.logins.push(login);
        }
        Ok(loaded)
    }
}
