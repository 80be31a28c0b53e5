//! Tokens in the system keyring (the Secret Service over D-Bus), for `MASTOKEY_KEYRING=1`.
//!
//! Every call runs on a thread of its own: the D-Bus client blocks, and blocking inside an async
//! runtime's thread stalls the runtime. The store is called from `#[tokio::main]` code as well
//! as from the blocking pool, so the keyring protects itself instead of trusting each caller.

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
    //! The Secret Service through mastokey's own small D-Bus client (`crate::dbus`). An item is
    //! found by the attributes `service` = mastokey and `username` = the login's id, the ones
    //! earlier versions used, so tokens saved by them are found.

    use super::{KeyringError, SERVICE};
    use crate::dbus::bus::BusError;
    use crate::dbus::secrets::{Secrets, SecretsError};
    use crate::secret::Secret;

    /// Connecting fails when there is no session bus or no Secret Service on it: both mean
    /// "no keyring service is running" to the person reading the note.
    fn connect() -> Result<Secrets, KeyringError> {
        Secrets::connect().map_err(|e| match e {
            SecretsError::Bus(BusError::NoBus(_)) => KeyringError::NoService(crate::tr!("keyring-reason-no-bus")),
            SecretsError::Bus(BusError::Remote { name, .. })
                if name == "org.freedesktop.DBus.Error.ServiceUnknown" || name.ends_with(".NameHasNoOwner") =>
            {
                KeyringError::NoService(crate::tr!("keyring-reason-no-secret-service"))
            }
            other => failed(other),
        })
    }

    /// The service's error as text; it never holds the item's secret.
    fn failed(e: SecretsError) -> KeyringError {
        KeyringError::Failed(match &e {
            SecretsError::Dismissed => crate::tr!("keyring-locked", detail = e.to_string()),
            SecretsError::Bus(BusError::Remote { name, .. }) if name.contains("IsLocked") => {
                crate::tr!("keyring-locked", detail = e.to_string())
            }
            _ => e.to_string(),
        })
    }

    fn attributes(user: &str) -> [(&str, &str); 2] {
        [("service", SERVICE), ("username", user)]
    }

    /// The one item of `user`, unlocked (the service may ask the person to unlock it); none is
    /// `Missing`, several are refused rather than one picked at random.
    fn item(service: &mut Secrets, user: &str) -> Result<String, KeyringError> {
        let mut items = service.search(&attributes(user)).map_err(failed)?;
        match items.len() {
            0 => Err(KeyringError::Missing),
            1 => Ok(items.remove(0)),
            n => Err(KeyringError::Failed(crate::tr!("keyring-ambiguous", count = n))),
        }
    }

    pub(super) fn set(user: &str, label: &str, token: &Secret) -> Result<(), KeyringError> {
        let mut service = connect()?;
        match item(&mut service, user) {
            Ok(item) => service.set(&item, token.expose().as_bytes()).map_err(failed),
            Err(KeyringError::Missing) => {
                service.create(label, &attributes(user), token.expose().as_bytes()).map_err(failed)
            }
            Err(e) => Err(e),
        }
    }

    pub(super) fn get_all(users: &[String]) -> Result<Vec<Result<Secret, KeyringError>>, KeyringError> {
        let mut service = connect()?;
        Ok(users
            .iter()
            .map(|user| {
                let item = item(&mut service, user)?;
                let bytes = service.get(&item).map_err(failed)?;
                // Not UTF-8 is not a token of ours; its bytes are never quoted.
                String::from_utf8(bytes)
                    .map(Secret::new)
                    .map_err(|_| KeyringError::Failed(crate::tr!("keyring-item-not-a-token")))
            })
            .collect())
    }

    pub(super) fn delete(user: &str) -> Result<bool, KeyringError> {
        let mut service = connect()?;
        match item(&mut service, user) {
            Ok(item) => service.delete(&item).map(|()| true).map_err(failed),
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
