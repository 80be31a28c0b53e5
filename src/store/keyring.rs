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
    //! The Secret Service through keyring-core and its pure-Rust zbus store.

    use super::{KeyringError, SERVICE};
    use crate::secret::Secret;
    use keyring_core::Error;
    use keyring_core::api::CredentialStoreApi;
    use std::collections::HashMap;
    use std::sync::Arc;
    use zbus_secret_service_keyring_store::Store;

    /// Connecting fails when there is no session bus or no Secret Service on it: both mean
    /// "no keyring service is running" to the person reading the note.
    fn connect() -> Result<Arc<Store>, KeyringError> {
        Store::new().map_err(|e| KeyringError::NoService(no_service_reason(&e)))
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

    /// The keyring's error as text that cannot contain secret bytes (`BadEncoding` and
    /// `BadDataFormat` carry the item's data, so they get fixed sentences).
    fn describe(e: &Error) -> String {
        match e {
            Error::BadEncoding(_) | Error::BadDataFormat(..) => crate::tr!("keyring-item-not-a-token"),
            Error::Ambiguous(items) => crate::tr!("keyring-ambiguous", count = items.len()),
            Error::NoStorageAccess(inner) => crate::tr!("keyring-locked", detail = inner.to_string()),
            Error::PlatformFailure(inner) => inner.to_string(),
            other => other.to_string(),
        }
    }

    fn failed(e: Error) -> KeyringError {
        match e {
            Error::NoEntry => KeyringError::Missing,
            other => KeyringError::Failed(describe(&other)),
        }
    }

    fn entry(store: &Store, user: &str, label: Option<&str>) -> Result<keyring_core::Entry, KeyringError> {
        let modifiers: HashMap<&str, &str> = label.map(|l| ("label", l)).into_iter().collect();
        store.build(SERVICE, user, Some(&modifiers)).map_err(failed)
    }

    pub(super) fn set(user: &str, label: &str, token: &Secret) -> Result<(), KeyringError> {
        let store = connect()?;
        entry(&store, user, Some(label))?.set_password(token.expose()).map_err(failed)
    }

    pub(super) fn get_all(users: &[String]) -> Result<Vec<Result<Secret, KeyringError>>, KeyringError> {
        let store = connect()?;
        Ok(users
            .iter()
            .map(|user| entry(&store, user, None)?.get_password().map(Secret::new).map_err(failed))
            .collect())
    }

    pub(super) fn delete(user: &str) -> Result<bool, KeyringError> {
        let store = connect()?;
        match entry(&store, user, None)?.delete_credential() {
            Ok(()) => Ok(true),
            Err(Error::NoEntry) => Ok(false),
            Err(e) => Err(failed(e)),
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
