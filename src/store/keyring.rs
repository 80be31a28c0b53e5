//! Tokens in the system keyring (the Secret Service over D-Bus), for `MASTOKEY_KEYRING=1`.
//!
//! Every call runs on a thread of its own: the D-Bus client blocks, and a blocking client inside
//! an async runtime's thread may panic ("cannot start a runtime from within a runtime") or stall
//! the runtime. The store is called from `#[tokio::main]` code as well as from the blocking
//! pool, so the keyring protects itself instead of trusting each caller.

use crate::secret::Secret;

/// The Secret Service `service` attribute of every mastokey item.
pub const SERVICE: &str = "mastokey";

/// The environment variable that asks for tokens in the keyring.
pub const SETTING: &str = "MASTOKEY_KEYRING";

/// Why the keyring did not do what was asked. Never carries a secret: only the keyring's own
/// description of its failure.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyringError {
    /// No Secret Service to talk to (no session bus, or nothing on it provides the service), or
    /// a build of mastokey without keyring support.
    #[error("{}", crate::tr!("keyring-no-service", reason = .0))]
    NoService(String),
    /// The service answered, but has no item for this login.
    #[error("{}", crate::tr!("keyring-missing"))]
    Missing,
    /// The service is there but refused or failed (a locked keyring whose unlock was dismissed).
    #[error("{}", crate::tr!("keyring-failed", detail = .0))]
    Failed(String),
}

/// Puts `token` in the keyring as the item of `user`, replacing an earlier one.
pub fn set(user: &str, label: &str, token: &Secret) -> Result<(), KeyringError> {
    isolated(|| imp::set(user, label, token))
}

/// The tokens of `users`, read over one connection.
pub fn get_all(users: &[String]) -> Vec<Result<Secret, KeyringError>> {
    isolated(|| imp::get_all(users)).unwrap_or_else(|e| users.iter().map(|_| Err(e.clone())).collect())
}

/// The token of `user`.
pub fn get(user: &str) -> Result<Secret, KeyringError> {
    get_all(&[user.to_owned()]).pop().unwrap_or(Err(KeyringError::Missing))
}

/// Deletes the item of `user`; `Ok(false)` when there was none.
pub fn delete(user: &str) -> Result<bool, KeyringError> {
    isolated(|| imp::delete(user))
}

/// Runs `f` on a fresh thread, outside any async runtime.
fn isolated<T: Send, F: FnOnce() -> Result<T, KeyringError> + Send>(f: F) -> Result<T, KeyringError> {
    std::thread::scope(|s| match std::thread::Builder::new().name("mastokey-keyring".into()).spawn_scoped(s, f) {
        Ok(handle) => handle
            .join()
            .unwrap_or_else(|_| Err(KeyringError::Failed("the keyring client stopped unexpectedly".into()))),
        Err(e) => Err(KeyringError::Failed(format!("could not start a thread for it: {e}"))),
    })
}

#[cfg(all(feature = "keyring", unix, not(any(target_os = "macos", target_os = "ios", target_os = "android"))))]
mod imp {
    //! The Secret Service through the pure-Rust `secret-service` crate (zbus on the tokio that
    //! mastokey already runs, RustCrypto for the encrypted session). An item is found by the
    //! attributes `service` = mastokey and `username` = the login's id, the ones keyring-core's
    //! store used, so tokens saved by earlier versions are found.

    use super::{KeyringError, SERVICE};
    use crate::secret::Secret;
    use secret_service::blocking::{Item, SecretService};
    use secret_service::{EncryptionType, Error};
    use std::collections::HashMap;

    /// Connecting fails when there is no session bus or no Secret Service on it: both mean
    /// "no keyring service is running" to the person reading the note.
    fn connect() -> Result<SecretService<'static>, KeyringError> {
        SecretService::connect(EncryptionType::Dh).map_err(|e| KeyringError::NoService(no_service_reason(&e)))
    }

    fn no_service_reason(e: &Error) -> String {
        let text = e.to_string();
        if text.contains("ServiceUnknown") || text.contains("org.freedesktop.secrets") {
            crate::tr!("keyring-reason-no-secret-service")
        } else if text.contains("Connection") || text.contains("os error") || text.contains("Address") {
            crate::tr!("keyring-reason-no-bus")
        } else {
            describe(e)
        }
    }

    /// The service's error as text; it never holds the item's secret.
    fn describe(e: &Error) -> String {
        match e {
            Error::Locked | Error::Prompt | Error::PromptDisconnected | Error::NoResult => {
                crate::tr!("keyring-locked", detail = e.to_string())
            }
            other => other.to_string(),
        }
    }

    fn failed(e: Error) -> KeyringError {
        KeyringError::Failed(describe(&e))
    }

    fn attributes(user: &str) -> HashMap<&str, &str> {
        HashMap::from([("service", SERVICE), ("username", user)])
    }

    /// The one item of `user`, unlocked (the service may ask the person to unlock it); none is
    /// `Missing`, several are refused rather than one picked at random.
    fn item<'a>(service: &'a SecretService<'a>, user: &str) -> Result<Item<'a>, KeyringError> {
        let found = service.search_items(attributes(user)).map_err(failed)?;
        if !found.locked.is_empty() {
            service.unlock_all(&found.locked.iter().collect::<Vec<_>>()).map_err(failed)?;
        }
        let mut items: Vec<Item<'a>> = found.unlocked.into_iter().chain(found.locked).collect();
        match items.len() {
            0 => Err(KeyringError::Missing),
            1 => Ok(items.remove(0)),
            n => Err(KeyringError::Failed(crate::tr!("keyring-ambiguous", count = n))),
        }
    }

    pub(super) fn set(user: &str, label: &str, token: &Secret) -> Result<(), KeyringError> {
        let service = connect()?;
        match item(&service, user) {
            Ok(item) => item.set_secret(token.expose().as_bytes(), "application/octet-stream").map_err(failed),
            Err(KeyringError::Missing) => {
                let collection = service.get_default_collection().map_err(failed)?;
                collection.ensure_unlocked().map_err(failed)?;
                collection
                    .create_item(label, attributes(user), token.expose().as_bytes(), true, "application/octet-stream")
                    .map(drop)
                    .map_err(failed)
            }
            Err(e) => Err(e),
        }
    }

    pub(super) fn get_all(users: &[String]) -> Result<Vec<Result<Secret, KeyringError>>, KeyringError> {
        let service = connect()?;
        Ok(users
            .iter()
            .map(|user| {
                let bytes = item(&service, user)?.get_secret().map_err(failed)?;
                // Not UTF-8 is not a token of ours; its bytes are never quoted.
                String::from_utf8(bytes)
                    .map(Secret::new)
                    .map_err(|_| KeyringError::Failed(crate::tr!("keyring-item-not-a-token")))
            })
            .collect())
    }

    pub(super) fn delete(user: &str) -> Result<bool, KeyringError> {
        let service = connect()?;
        match item(&service, user) {
            Ok(item) => item.delete().map(|()| true).map_err(failed),
            Err(KeyringError::Missing) => Ok(false),
            Err(e) => Err(e),
        }
    }
}

#[cfg(not(all(feature = "keyring", unix, not(any(target_os = "macos", target_os = "ios", target_os = "android")))))]
mod imp {
    //! A build without Secret Service support: every call says so, and tokens stay in the file.

    use super::KeyringError;
    use crate::secret::Secret;

    fn unsupported() -> KeyringError {
        KeyringError::NoService(crate::tr!("keyring-reason-not-built"))
    }

    pub(super) fn set(_user: &str, _label: &str, _token: &Secret) -> Result<(), KeyringError> {
        Err(unsupported())
    }

    pub(super) fn get_all(_users: &[String]) -> Result<Vec<Result<Secret, KeyringError>>, KeyringError> {
        Err(unsupported())
    }

    pub(super) fn delete(_user: &str) -> Result<bool, KeyringError> {
        Err(unsupported())
    }
}
