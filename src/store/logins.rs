//! Changing saved logins. Each change is made under the store's lock to what `logins.json` says
//! at that moment, never to a copy read earlier, and a login's keyring item is set or deleted
//! under the same lock: two mastokey processes then never undo each other's changes, and no
//! token stays in the keyring that no saved login points at. (A keyring that is slow to answer,
//! say while it asks to be unlocked, makes other mastokey processes wait for their saves.)

use super::file::Doc;
use super::keyring;
use super::saved::{IN_KEYRING, KeyringSetting, Record, Saved, TokenPlace, keyring_user};
use super::{LOGINS, Login, Store, StoreError, default, file};
use crate::sanitize::clean;
use crate::secret::Secret;

/// What [`Store::replace_login`] did, and where the token went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Replaced {
    /// The login has the new token and scopes, and is still the same login.
    InPlace(Saved),
    /// The login was gone (logged out meanwhile): the new one was saved as a login of its own.
    SavedAnew(Saved),
}

impl Record {
    /// The same login instance: a new login of the same account has another `created_at`.
    fn is_instance(&self, login: &Login) -> bool {
        self.login.is_same_login(login)
    }
}

impl Store {
    /// Saves a new login, replacing the saved one of the same server and account, with its token
    /// where [`KeyringSetting`] says; says where it went. A keyring that cannot take the token is
    /// not an error: the token goes to the file and [`TokenPlace::FileInstead`] says why. A
    /// corrupt file is handled as in [`Store::save_registration`].
    ///
    /// For a login read earlier and checked again, use [`Store::record_verified`]: this replaces
    /// whatever is saved for the account, even a newer login made meanwhile.
    pub fn save_login(&self, login: Login) -> Result<Saved, StoreError> {
        let locked = file::Locked::take(&self.dir)?;
        let doc: Doc<Record> = locked.read(LOGINS)?;
        self.put_login(&locked, doc, login)
    }

    /// Gives a saved login a new token and scopes (`mastokey refresh`): under the store's lock,
    /// only if that very login (as in [`Store::record_verified`]) is still saved. It keeps its
    /// place, its server, account id and `created_at` (so it stays the same login, and a
    /// default account set by server and account id stays set); everything else, the token
    /// included, is taken from `new`, and the token goes where [`KeyringSetting`] says, as in
    /// [`Store::save_login`].
    ///
    /// If `old` is no longer saved (logged out meanwhile, or replaced by a newer login of the
    /// account), `new` is saved as a login of its own, as `save_login` would, and the answer
    /// says so: the new token is never dropped.
    pub fn replace_login(&self, old: &Login, mut new: Login) -> Result<Replaced, StoreError> {
        let locked = file::Locked::take(&self.dir)?;
        let doc: Doc<Record> = locked.read(LOGINS)?;
        if !doc.list.iter().any(|r| r.is_instance(old)) {
            return self.put_login(&locked, doc, new).map(Replaced::SavedAnew);
        }
        new.server = old.server.clone();
        new.account_id = old.account_id.clone();
        new.created_at = old.created_at.clone();
        self.put_login(&locked, doc, new).map(Replaced::InPlace)
    }

    /// Puts `login` in the list in place of the saved login of its account (or at the end),
    /// and writes it, still under the lock.
    fn put_login(&self, locked: &file::Locked<'_>, mut doc: Doc<Record>, login: Login) -> Result<Saved, StoreError> {
        let user = keyring_user(&login.server, &login.account_id);
        let list = &mut doc.list;
        let old = list.iter().position(|r| r.is(&login.server, &login.account_id));
        let was_in_keyring = old.is_some_and(|i| list[i].in_keyring());
        let mut record = Record { login, token_in: None };
        let token_in = put_token(&mut record, &user, self.wants_keyring(was_in_keyring));
        match old {
            // Keep its place so the accounts list does not reorder.
            Some(i) => list[i] = record,
            None => list.push(record),
        }
        self.commit(locked, &doc, &user, was_in_keyring, token_in)
    }

    /// Records that `login` was verified (verify_credentials accepted its token) at `at`
    /// (RFC 3339), for a process that read the login earlier: the TUI, `whoami`.
    ///
    /// The login is identified by server, account id and `created_at` (a new login of the same
    /// account has a new `created_at`). Under the store's lock, only if that very login is still
    /// saved, its `last_verified` becomes `at`; nothing else is taken from `login`. If it was
    /// removed (a logout) or replaced by a newer login in the meantime, nothing is written and
    /// the answer is `Ok(None)`: the caller's copy is stale and should be dropped or reloaded.
    ///
    /// `Ok(Some(saved))` says where the token is now. As with [`Store::save_login`], the token
    /// moves as [`KeyringSetting`] says: `On` puts a token that is in the file into the keyring,
    /// `Off` moves one from the keyring back to the file, `Unset` leaves it where it is. The
    /// token moved is the one saved in the file or keyring at that moment, never `login.token`.
    /// A keyring that cannot take it leaves it in the file ([`TokenPlace::FileInstead`]); one
    /// that cannot give it back leaves it in the keyring. File errors are returned as they are.
    pub fn record_verified(&self, login: &Login, at: &str) -> Result<Option<Saved>, StoreError> {
        if !self.logins_path().exists() {
            return Ok(None);
        }
        let user = keyring_user(&login.server, &login.account_id);
        let locked = file::Locked::take(&self.dir)?;
        let mut doc: Doc<Record> = locked.read(LOGINS)?;
        let Some(record) = doc.list.iter_mut().find(|r| r.is_instance(login)) else {
            return Ok(None);
        };
        record.login.last_verified = Some(at.to_owned());
        let was_in_keyring = record.in_keyring();
        let token_in = match (was_in_keyring, self.wants_keyring(was_in_keyring)) {
            (false, false) => TokenPlace::File,
            (true, true) => TokenPlace::Keyring,
            (false, true) => put_token(record, &user, true),
            (true, false) => match keyring::get(&user) {
                Ok(token) => {
                    record.login.token = token;
                    put_token(record, &user, false)
                }
                // It cannot be moved now; a later check tries again.
                Err(_) => TokenPlace::Keyring,
            },
        };
        self.commit(&locked, &doc, &user, was_in_keyring, token_in).map(Some)
    }

    /// Forgets this login (server, account id and `created_at`, as in
    /// [`Store::record_verified`]) and its token in the keyring. `Ok(false)` when it is not saved
    /// (already forgotten, or replaced by a newer login of the account, which stays).
    pub fn forget_login(&self, login: &Login) -> Result<bool, StoreError> {
        self.forget(|r| r.is_instance(login), &keyring_user(&login.server, &login.account_id))
    }

    /// Forgets whatever login of this account is saved, and its token in the keyring if it is
    /// there. Returns whether there was one to forget.
    pub fn remove_login(&self, server: &crate::mastodon::ServerOrigin, account_id: &str) -> Result<bool, StoreError> {
        self.forget(|r| r.is(server, account_id), &keyring_user(server, account_id))
    }

    /// Deleting the keyring item is best effort, after the file no longer has the login: a
    /// keyring that cannot be reached must not keep a person from logging out. The default
    /// account follows in the same write ([`default::after_forgetting`]).
    fn forget(&self, which: impl Fn(&Record) -> bool, user: &str) -> Result<bool, StoreError> {
        if !self.logins_path().exists() {
            return Ok(false);
        }
        let locked = file::Locked::take(&self.dir)?;
        let mut doc: Doc<Record> = locked.read(LOGINS)?;
        let in_keyring = doc.list.iter().any(|r| which(r) && r.in_keyring());
        let before = doc.list.len();
        doc.list.retain(|r| !which(r));
        if doc.list.len() == before {
            return Ok(false);
        }
        default::after_forgetting(&mut doc);
        locked.write(LOGINS, &doc)?;
        if in_keyring {
            // Still under the lock: a new login of the account cannot have put its token there.
            let _ = keyring::delete(user);
        }
        Ok(true)
    }

    /// Whether a token goes to the keyring, given whether the login's token is there now.
    fn wants_keyring(&self, in_keyring_now: bool) -> bool {
        match self.keyring {
            KeyringSetting::On => true,
            KeyringSetting::Off => false,
            KeyringSetting::Unset => in_keyring_now,
        }
    }

    /// Writes `doc` (still under the lock) and makes the keyring agree with it: the item goes
    /// once the file has the token instead, or when the write failed for a token just put there.
    fn commit(
        &self,
        locked: &file::Locked<'_>,
        doc: &Doc<Record>,
        user: &str,
        was_in_keyring: bool,
        token_in: TokenPlace,
    ) -> Result<Saved, StoreError> {
        let in_keyring = token_in == TokenPlace::Keyring;
        if let Err(e) = locked.write(LOGINS, doc) {
            if in_keyring && !was_in_keyring {
                let _ = keyring::delete(user);
            }
            return Err(e);
        }
        if was_in_keyring && !in_keyring {
            // Best effort: an unreachable keyring keeps a copy that nothing reads.
            let _ = keyring::delete(user);
        }
        Ok(Saved { path: self.logins_path(), token_in })
    }
}

/// Puts the token that `record.login` holds into the keyring (emptying it in the record), or
/// leaves it in the record for the file; says where it is.
fn put_token(record: &mut Record, user: &str, to_keyring: bool) -> TokenPlace {
    record.token_in = None;
    if !to_keyring {
        return TokenPlace::File;
    }
    let label = format!("mastokey: @{}", clean(&record.login.acct));
    match keyring::set(user, &label, &record.login.token) {
        Ok(()) => {
            record.login.token = Secret::default();
            record.token_in = Some(IN_KEYRING.to_owned());
            TokenPlace::Keyring
        }
        Err(why) => TokenPlace::FileInstead(why),
    }
}
