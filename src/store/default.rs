//! The default account (`mastokey switch`): the login `token`, `whoami` and `refresh` use when
//! no ACCOUNT is named and several are saved.
//!
//! It is kept in `logins.json` beside the list, as `"default": {"server": ..., "account_id":
//! ...}`: by server and account id, not by login, so logging in to the account again keeps it
//! the default. An older mastokey reads the file as before (it ignores the field); a default
//! that names no saved login reads as none.

use serde::{Deserialize, Serialize};

use super::file::Doc;
use super::saved::Record;
use super::{LOGINS, Login, Store, StoreError, file};
use crate::mastodon::ServerOrigin;

/// The name of the field in `logins.json`.
const FIELD: &str = "default";

/// Which account is the default: a server and the account's id there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefaultAccount {
    pub server: ServerOrigin,
    pub account_id: String,
}

impl DefaultAccount {
    pub fn of(login: &Login) -> Self {
        Self { server: login.server.clone(), account_id: login.account_id.clone() }
    }

    /// Whether `login` is a login of the default account.
    pub fn is(&self, login: &Login) -> bool {
        login.is_account(&self.server, &self.account_id)
    }
}

/// The default named in `doc`, if a saved login is of that account.
pub(super) fn of_doc(doc: &Doc<Record>) -> Option<DefaultAccount> {
    doc.field::<DefaultAccount>(FIELD).filter(|d| doc.list.iter().any(|r| d.is(&r.login)))
}

/// After logins were taken out of `doc`: a default whose account has no login left goes, and
/// when one login is left it becomes the default (it is the one commands use anyway).
pub(super) fn after_forgetting(doc: &mut Doc<Record>) {
    if doc.fields.contains_key(FIELD) && of_doc(doc).is_none() {
        let only = match doc.list.as_slice() {
            [only] => Some(DefaultAccount::of(&only.login)),
            _ => None,
        };
        doc.set_field(FIELD, only.as_ref());
    }
}

impl Store {
    /// Makes `login`'s account the default, under the store's lock, if a login of it is still
    /// saved; `Ok(false)` when none is (logged out meanwhile).
    pub fn set_default(&self, login: &Login) -> Result<bool, StoreError> {
        if !self.logins_path().exists() {
            return Ok(false);
        }
        let locked = file::Locked::take(&self.dir)?;
        let mut doc: Doc<Record> = locked.read(LOGINS)?;
        let default = DefaultAccount::of(login);
        if !doc.list.iter().any(|r| default.is(&r.login)) {
            return Ok(false);
        }
        if of_doc(&doc).as_ref() != Some(&default) {
            doc.set_field(FIELD, Some(&default));
            locked.write(LOGINS, &doc)?;
        }
        Ok(true)
    }

    /// The default account, if one is set and a login of it is saved.
    pub fn default_account(&self) -> Result<Option<DefaultAccount>, StoreError> {
        Ok(of_doc(&file::read_doc(&self.dir, LOGINS)?))
    }
}
